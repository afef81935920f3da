"""The ``factcheck`` command: a thin shell over the library.

Each command parses its options, calls one library function and turns library
errors into one line on stderr (exit 2); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError
from factcheck.model import Document

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Check the numbers in news text before it is published."
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    inputs = argparse.ArgumentParser(add_help=False)
    inputs.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (.txt .md .html .jsonl), or - for stdin",
    )
    inputs.add_argument("--lang", help="language of every document (es, en); detected when omitted")
    inputs.add_argument(
        "--locale",
        help="number conventions: es-MX (decimal point, default), es-ES (decimal comma), en-US",
    )
    inputs.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout"
    )
    inputs.add_argument("--debug", action="store_true", help="show tracebacks")

    extract = commands.add_parser(
        "extract",
        parents=[inputs],
        help="list the numeric claims of documents",
        description="List every numeric claim of the documents.",
    )
    extract.add_argument("--format", choices=["json", "table"], default="json")
    extract.add_argument(
        "--include-text", action="store_true", help="add each document's text to the JSON"
    )

    run_ = commands.add_parser(
        "run",
        parents=[inputs],
        help="extract the claims and check them",
        description="Extract every claim, check conversions, and report the findings. "
        "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.",
    )
    run_.add_argument("--format", choices=["text", "json"], default="text")
    run_.add_argument(
        "--include-text", action="store_true", help="add each document's text to the JSON"
    )
    run_.add_argument(
        "--tolerance",
        type=float,
        metavar="REL",
        help="relative error a conversion may have and still be consistent (default 0.05)",
    )
    run_.add_argument(
        "--rates", metavar="FILE", help="ECB rates history (eurofxref-hist.zip or .csv)"
    )
    run_.add_argument(
        "--embedder",
        metavar="NAME",
        help="use (default: multilingual USE, shipped), st:PATH_OR_NAME (a local "
        "sentence-transformers model), or hash (no model)",
    )
    run_.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="least severity of an inconsistent check that makes the exit status 1 (default error)",
    )
    run_.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="mark figures in color"
    )
    return parser


def _write(text: str, output: str | None, stdout: TextIO) -> None:
    """Write all of it or nothing: a file is replaced only once complete."""
    if output is None:
        stdout.write(text)
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(
        dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _documents(
    args: argparse.Namespace, stdin: TextIO, stderr: TextIO, lang: str | None, locale: str | None
) -> tuple[Document, ...]:
    """The documents of the paths given; each problem is one line on stderr."""
    from factcheck.ingest import read_documents

    documents, problems = read_documents(args.paths, lang=lang, locale=locale, stdin=stdin)
    for problem in problems:
        stderr.write(f"factcheck: {'error' if problem.fatal else 'warning'}: {problem}\n")
    if not documents:
        stderr.write("factcheck: error: no document could be read\n")
    return documents


def _extract(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from factcheck.extract import extract_report
    from factcheck.report import render_table, to_json

    documents = _documents(args, stdin, stderr, args.lang, args.locale)
    if not documents:
        return EXIT_USAGE
    report = extract_report(documents, locale=args.locale)
    text = (
        to_json(report, include_text=args.include_text)
        if args.format == "json"
        else render_table(report)
    )
    _write(text, args.output, stdout)
    return EXIT_OK


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from factcheck.config import load_config
    from factcheck.pipeline import check
    from factcheck.report import render_text, to_json

    config = load_config(
        tolerance_rel=args.tolerance,
        rates=args.rates,
        fail_on=args.fail_on,
        embedder=args.embedder,
        lang=args.lang,
        locale=args.locale,
    )
    documents = _documents(args, stdin, stderr, config.lang, config.locale)
    if not documents:
        return EXIT_USAGE
    report = check(documents, config)
    if args.format == "json":
        text = to_json(report, include_text=args.include_text)
    else:
        color = args.color == "always" or (
            args.color == "auto" and args.output is None and stdout.isatty()
        )
        text = render_text(report, color=color)
    _write(text, args.output, stdout)
    levels = ("info", "warning", "error")
    floor = levels.index(config.fail_on)
    failing = [
        c
        for c in report.checks
        if c.verdict == "inconsistent" and levels.index(c.severity) >= floor
    ]
    return EXIT_FINDINGS if failing else EXIT_OK


def run(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line in-process; returns the exit status."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    commands = {"extract": _extract, "run": _run}
    try:
        return commands[args.command](args, stdin, stdout, stderr)
    except FactcheckError as error:
        if args.debug:
            raise
        stderr.write(f"factcheck: error: {error}\n")
        return EXIT_USAGE
    except OSError as error:
        if args.debug:
            raise
        stderr.write(f"factcheck: error: {error}\n")
        return EXIT_USAGE


def main() -> None:
    """Entry point of the installed ``factcheck`` command."""
    sys.exit(run())

"""Read articles into :class:`~factcheck.model.Document` values: where text comes in.

Plain text, Markdown with YAML front matter, HTML pages and JSONL records are read from
files, folders (recursively) or stdin. A bad input never stops the run: it becomes a
:class:`~factcheck.model.Problem` and the other inputs go on. dateparser, trafilatura and
py3langid are slow to load, so they are imported on first use and ``import factcheck``
stays fast.

This module walks the inputs and puts each document together; the steps live beside it:
``decode`` turns bytes into text, ``formats`` holds one reader per format, and ``meta``
finds a text's language and date.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import PurePath
from typing import BinaryIO, TextIO

from factcheck.errors import DocumentError, InputError
from factcheck.ingest.decode import _decode, _read_stdin
from factcheck.ingest.formats import (
    Kind,
    _Entry,
    _guess_title,
    _Input,
    _looks_like_jsonl,
    _Meta,
    _parse_html,
    _parse_jsonl,
    _parse_markdown,
)
from factcheck.ingest.meta import (
    _check_lang,
    _check_locale,
    _split_lang,
    detect_language,
    find_date,
)
from factcheck.model import Document, Problem

__all__ = ["DocumentWarning", "detect_language", "find_date", "load_documents", "read_documents"]

# The reader a file gets, by lower-cased suffix. In a folder other files are skipped;
# a file named explicitly with another suffix is read as plain text.
_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}


class DocumentWarning(UserWarning):
    """A :class:`~factcheck.model.Problem` met by :func:`load_documents`."""


def read_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    lang: str | None = None,
    locale: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> tuple[tuple[Document, ...], tuple[Problem, ...]]:
    """Read files, folders (recursively) and ``"-"`` (stdin) into documents.

    Returns the documents, folders in sorted order, and the problems met on the way;
    a file that cannot be used gives a fatal problem and the others go on. ``lang``
    overrides every stated or detected language, ``locale`` every stated locale.
    Raises :class:`~factcheck.errors.InputError` when ``paths`` is empty or a single
    string, :class:`~factcheck.errors.ConfigError` for a malformed ``lang``/``locale``.
    """
    if isinstance(paths, str | bytes | os.PathLike):
        raise InputError(
            f"paths must be a list of paths, not the single path {paths!r}: wrap it in a list"
        )
    given = [os.fspath(path) for path in paths]
    if not given:
        raise InputError("no input given: name files, folders, or '-' for stdin")
    lang_arg, lang_region = _check_lang(lang)
    locale_arg = _check_locale(locale) or lang_region
    documents: list[Document] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # document id -> where it was first read
    for given_path in given:
        inputs, walk_problems = _expand(given_path)
        problems.extend(walk_problems)
        for item in inputs:
            try:
                entries, notes = _read_input(item, stdin)
            except DocumentError as exc:
                problems.append(Problem(exc.path, exc.reason, fatal=True))
                continue
            problems.extend(notes)
            for entry in entries:
                if entry.id in seen:
                    message = (
                        f"duplicate id {entry.id!r}, already read from {seen[entry.id]}; skipped"
                    )
                    problems.append(
                        Problem(item.path, message, entry.line, fatal=entry.line is None)
                    )
                    continue
                seen[entry.id] = f"{item.path}:{entry.line}" if entry.line else item.path
                documents.append(_finish(entry, item.path, lang_arg, locale_arg))
    return tuple(documents), tuple(problems)


def load_documents(
    paths: Iterable[str | os.PathLike[str]], *, lang: str | None = None, locale: str | None = None
) -> tuple[Document, ...]:
    """Like :func:`read_documents`, but each problem is a :class:`DocumentWarning`."""
    documents, problems = read_documents(paths, lang=lang, locale=locale)
    for problem in problems:
        warnings.warn(str(problem), DocumentWarning, stacklevel=2)
    return documents


def _expand(given: str) -> tuple[list[_Input], list[Problem]]:
    """The inputs a path stands for: itself, stdin, or a folder's known files, sorted."""
    if given == "-":
        return [_Input("-", "-", "stdin")], []
    if not os.path.isdir(given):
        file = PurePath(given)
        return [_Input(given, file.name, _KINDS.get(file.suffix.lower(), "text"))], []
    found: list[_Input] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(given, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]  # .git and friends
        for name in files:
            kind = _KINDS.get(PurePath(name).suffix.lower())
            if kind and not name.startswith("."):
                path = os.path.join(root, name)
                found.append(_Input(path, PurePath(os.path.relpath(path, given)).as_posix(), kind))
    problems = [Problem(str(err.filename), f"cannot read: {err}", fatal=True) for err in errors]
    if not found and not errors:
        problems.append(
            Problem(given, "no .txt, .md, .html or .jsonl files in this folder", fatal=True)
        )
    return sorted(found, key=lambda item: item.id), problems


def _read_input(
    item: _Input, stdin: TextIO | BinaryIO | None
) -> tuple[list[_Entry], list[Problem]]:
    """The entries one input holds; raises DocumentError when none can be used."""
    if item.kind == "stdin":
        text, notes = _read_stdin(stdin)
        kind: Kind = "jsonl" if _looks_like_jsonl(text) else "text"
    else:
        try:
            with open(item.path, "rb") as file:
                data = file.read()
        except OSError as exc:
            raise DocumentError(item.path, f"cannot read: {exc}") from exc
        text, notes = _decode(data, item.path)
        kind = item.kind
    if kind == "jsonl":
        entries, more = _parse_jsonl(text, item.path)
        return entries, notes + more
    if kind == "markdown":
        entry, more = _parse_markdown(text, item)
        return [entry], notes + more
    if kind == "html":
        return [_parse_html(text, item)], notes
    return [_Entry(item.id, text, _Meta(title=_guess_title(text)))], notes


def _finish(entry: _Entry, path: str, lang_arg: str | None, locale_arg: str | None) -> Document:
    """The document, with the precedence: argument, then stated, then detected."""
    meta = entry.meta
    stated_lang, stated_region = _split_lang(meta.lang) if meta.lang else (None, None)
    lang = lang_arg or stated_lang or detect_language(entry.text)
    stated_locale = _split_lang(meta.locale)[1] if meta.locale else None
    # A stated locale of another language than the one used would mislead the extractor.
    locale = locale_arg or next(
        (tag for tag in (stated_locale, stated_region) if tag and tag.split("-")[0] == lang), None
    )
    date = meta.date if meta.date_given else find_date(entry.text, lang)
    return Document(
        id=entry.id,
        text=entry.text,
        title=meta.title,
        date=date,
        lang=lang,
        source=meta.source or path,
        locale=locale,
    )

"""One reader per input format: the text an input holds and what it says about itself.

Plain text guesses its title from the first line, Markdown reads YAML front matter, HTML
goes through trafilatura, and a JSONL file holds one record a line. Front matter and JSONL
records share one metadata reader. yaml and trafilatura are slow to load, so they are
imported on first use.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import datetime
from typing import Any, Literal

from factcheck.errors import DocumentError
from factcheck.ingest.meta import _DATE_LINE, _parse_date_value, _split_lang
from factcheck.model import Problem

Kind = Literal["text", "markdown", "html", "jsonl", "stdin"]

_TITLE_MAX_CHARS = 150
# htmldate's extensive search turns a footer's "© 2025" into 2025-01-01; metadata only.
_HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE
)
_HEADING = re.compile(r"#[ \t]+(.+?)[ \t#]*")


@dataclass(frozen=True, slots=True)
class _Input:
    path: str  # as given, or joined to the folder given
    id: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class _Meta:
    """What an input says about itself; None where it says nothing."""

    title: str | None = None
    date: Date | None = None
    date_given: bool = False  # a date was stated, even one that did not parse: no guessing
    lang: str | None = None  # as written, "es" or "es-MX"
    locale: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    text: str
    meta: _Meta
    line: int | None = None  # the JSONL line it came from


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    try:
        return bool(lines) and all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def _guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short and not ending a sentence."""
    text = _DATE_LINE.sub("", text, count=1)
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if len(first) < _TITLE_MAX_CHARS and not first.endswith(".") else None


def _parse_markdown(text: str, item: _Input) -> tuple[_Entry, list[Problem]]:
    import yaml  # type: ignore[import-untyped,unused-ignore]

    match = _FRONT_MATTER.match(text)
    if match is None:
        return _Entry(item.id, text, _Meta(title=_heading(text))), []
    body = text[match.end() :]
    if not body.strip():
        raise DocumentError(item.path, "no text after the front matter")
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        reason = getattr(exc, "problem", None) or exc  # the one-line part of the message
        problem = Problem(item.path, f"front matter is not valid YAML, ignored: {reason}")
        return _Entry(item.id, body, _Meta(title=_heading(body))), [problem]
    if not isinstance(fields, dict):
        fields = {}
    meta, problems = _meta_from_fields(fields, item.path, None)
    if meta.title is None:
        meta = replace(meta, title=_heading(body))
    doc_id = fields.get("id")
    return _Entry(str(doc_id) if doc_id is not None else item.id, body, meta), problems


def _heading(text: str) -> str | None:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    match = _HEADING.fullmatch(first)
    return match.group(1) if match else None


def _parse_html(html: str, item: _Input) -> _Entry:
    import trafilatura
    from trafilatura.settings import Document as Extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise DocumentError(item.path, "no article text found in HTML")
    # <html lang="es-MX"> is read before extraction prunes the tree; trafilatura drops it.
    page_lang = tree.get("lang")
    result = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, date_extraction_params=_HTML_DATE_PARAMS
    )
    if not isinstance(result, Extraction) or not result.text or not result.text.strip():
        raise DocumentError(item.path, "no article text found in HTML")
    text = result.text.strip()
    date = _parse_date_value(result.date, None) if result.date else None
    meta = _Meta(title=result.title or None, date=date, date_given=date is not None, lang=page_lang)
    return _Entry(item.id, text, meta)


def _parse_jsonl(text: str, path: str) -> tuple[list[_Entry], list[Problem]]:
    """One entry per good line; each bad line is a problem naming its line number."""
    entries: list[_Entry] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            problems.append(Problem(path, f"not valid JSON: {exc}", number))
            continue
        reason = _record_problem(record)
        if reason:
            problems.append(Problem(path, reason, number))
            continue
        meta, notes = _meta_from_fields(record, path, number)
        problems.extend(notes)
        entries.append(_Entry(str(record["id"]), record["text"], meta, number))
    if not entries:  # every record failed: the file as a whole was skipped
        problems = [replace(problem, fatal=True) for problem in problems]
    return entries, problems


def _record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    for key in ("id", "text"):
        if key not in record or record[key] is None:
            return f'missing "{key}"'
    if isinstance(record["id"], bool) or not isinstance(record["id"], str | int):
        return '"id" must be a string or an integer'
    if not isinstance(record["text"], str):
        return '"text" must be a string'
    if not record["text"].strip():
        return 'empty "text"'
    return None


def _meta_from_fields(
    fields: dict[Any, Any], path: str, line: int | None
) -> tuple[_Meta, list[Problem]]:
    """Metadata from front matter or a JSONL record; unknown fields are ignored."""

    def text_field(key: str) -> str | None:
        value = fields.get(key)
        return str(value).strip() or None if isinstance(value, str | int | float) else None

    lang = text_field("lang")
    stated = fields.get("date")
    date: Date | None = None
    problems: list[Problem] = []
    if isinstance(stated, datetime):  # YAML reads unquoted timestamps itself
        date = stated.date()
    elif isinstance(stated, Date):
        date = stated
    elif stated is not None:
        split = _split_lang(lang) if lang else None
        date = _parse_date_value(str(stated), split[0] if split else None)
        if date is None:
            problems.append(Problem(path, f"date {stated!r} not understood; left empty", line))
    meta = _Meta(
        title=text_field("title"),
        date=date,
        date_given=stated is not None,
        lang=lang,
        locale=text_field("locale"),
        source=text_field("source"),
    )
    return meta, problems

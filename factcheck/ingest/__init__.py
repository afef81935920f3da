"""Read articles into :class:`~factcheck.model.Document` values: where text comes in.

Plain text, Markdown with YAML front matter, HTML pages and JSONL records are read from
files, folders (recursively) or stdin. A bad input never stops the run: it becomes a
:class:`~factcheck.model.Problem` and the other inputs go on. dateparser, trafilatura and
py3langid are slow to load, so they are imported on first use and ``import factcheck``
stays fast.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import datetime
from pathlib import PurePath
from typing import Any, BinaryIO, Literal, TextIO

from factcheck.errors import ConfigError, DocumentError, InputError
from factcheck.model import Document, Problem

__all__ = ["DocumentWarning", "detect_language", "find_date", "load_documents", "read_documents"]

Kind = Literal["text", "markdown", "html", "jsonl", "stdin"]

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
_HEAD_CHARS = 600  # a publication date is written above the first paragraphs
_TITLE_MAX_CHARS = 150
_DETECT_CHARS = 4000  # plenty for a confident guess; langid's cost grows with length
# Languages a news text here is plausibly in: without the limit py3langid labels short
# Spanish snippets "oc", "gl" or "ext".
_LANGS = ("es", "en", "pt", "fr", "it", "de", "ca")
# Order of numeric dates per language. English follows US usage (05/24/2022), as AP and
# the English-language Mexican outlets in the seeds write it.
_DATE_ORDER = dict.fromkeys(("es", "pt", "fr", "it", "de", "ca"), "DMY") | {"en": "MDY"}
_DATE_SETTINGS: dict[str, Any] = {
    # A bare "2025" or "21:00 horas" is not a publication date: require all three parts.
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Only dates written out: no "hace 2 días"/"yesterday" (relative to today) and no
    # Unix timestamps read from large numbers.
    "PARSERS": ["absolute-time"],
}
# htmldate's extensive search turns a footer's "© 2025" into 2025-01-01; metadata only.
_HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Tried before charset-normalizer's own ranking, which on short Spanish text prefers
# cp1250 or even big5 and turns "año" into "ańo" or worse.
_WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]
# Windows Notepad saves "Unicode" text as UTF-16 with a BOM; UTF-32 BOMs come first
# because the UTF-32-LE BOM starts with the UTF-16-LE one.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes that text files do not hold (NUL, other C0 controls but tab, newlines, form feed, ESC).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_DATE_LINE = re.compile(r"\A[ \t]*date:?[ \t]+\d{4}-\d{2}-\d{2}[ \t]*", re.IGNORECASE)
# dateparser gives up on a chunk holding these, so the copy it searches is rewritten.
_DATE_REWRITES = (
    (re.compile(r"\b([ap])\.\s?m\.", re.IGNORECASE), r"\1m"),  # "10:30 a.m.", "a. m."
    (re.compile(r"\b([^\W\d_]{3,4})\.(?=\s?\d)"), r"\1"),  # "Sept. 14", "5 ene. 2024"
    (re.compile(r"\b([0-3]?\d)(?:[º°]|o\.)"), r"\1"),  # "1º de mayo", "1o. de mayo"
)
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE
)
_HEADING = re.compile(r"#[ \t]+(.+?)[ \t#]*")
_LANG_TAG = re.compile(r"([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?")  # es, es-MX, es_mx


class DocumentWarning(UserWarning):
    """A :class:`~factcheck.model.Problem` met by :func:`load_documents`."""


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


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 code of ``text`` among the languages news here is written in.

    None when the text has too few letters to tell.

    >>> detect_language("El gobierno invirtió 3,5 millones de pesos en nuevos hospitales.")
    'es'
    >>> detect_language("The government spent 3.5 million dollars on new hospitals.")
    'en'
    >>> detect_language("12,5 % — 2024") is None
    True
    """
    sample = text[:_DETECT_CHARS]
    if sum(char.isalpha() for char in sample) < 3:
        return None
    import py3langid

    ranking: list[tuple[str, float]] = py3langid.rank(sample)
    return next((code for code, _score in ranking if code in _LANGS), None)


def find_date(text: str, lang: str | None = None) -> Date | None:
    """The first full date (day, month and year) written in the first lines of ``text``.

    ``lang`` sets how numeric dates read (3/4/2023 is 3 April in Spanish, 4 March in
    English); when None it is detected. Dates relative to today and bare years are ignored.

    >>> find_date("El Ciudadano · 19 de enero de 2024\\n\\nLa meta del presidente...")
    datetime.date(2024, 1, 19)
    >>> find_date("By Sofía Garduño - Tue, 05/24/2022 - 10:27", "en")
    datetime.date(2022, 5, 24)
    >>> find_date(" date 2025-11-21 El sistema de salud avanza")
    datetime.date(2025, 11, 21)
    >>> find_date("En 2025 se hicieron 20 mil cirugías, a las 21:00 horas", "es") is None
    True
    """
    head = text[:_HEAD_CHARS]
    iso = _first_iso_date(head)
    # The ISO date is the fast path; dateparser still reads what comes before it.
    before = head[: iso[1]] if iso else head
    written = _search_date(before, lang) if any(char.isdigit() for char in before) else None
    return written or (iso[0] if iso else None)


def _first_iso_date(text: str) -> tuple[Date, int] | None:
    for match in _ISO_DATE.finditer(text):
        try:
            return Date(*(int(part) for part in match.groups())), match.start()
        except ValueError:  # 2024-13-45
            continue
    return None


def _search_date(text: str, lang: str | None) -> Date | None:
    from dateparser.search import search_dates

    lang = lang or detect_language(text)
    languages, settings = _dateparser_options(lang)
    for pattern, replacement in _DATE_REWRITES:
        text = pattern.sub(replacement, text)
    try:
        found: list[tuple[str, datetime]] | None = search_dates(
            text, languages=languages, settings=settings
        )
    except (ValueError, OverflowError):  # dateparser leaks these on some odd inputs
        return None
    return found[0][1].date() if found else None


def _parse_date_value(value: str, lang: str | None) -> Date | None:
    """A stated date: ISO first, else whatever dateparser reads; None if neither."""
    value = value.strip()
    iso = _first_iso_date(value)
    if iso and iso[1] == 0:
        return iso[0]
    import dateparser

    languages, settings = _dateparser_options(lang)
    try:
        parsed: datetime | None = dateparser.parse(value, languages=languages, settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def _dateparser_options(lang: str | None) -> tuple[list[str], dict[str, Any]]:
    if lang in _DATE_ORDER:
        return [lang], {**_DATE_SETTINGS, "DATE_ORDER": _DATE_ORDER[lang]}
    return ["es", "en"], dict(_DATE_SETTINGS)


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


def _read_stdin(stdin: TextIO | BinaryIO | None) -> tuple[str, list[Problem]]:
    stream: TextIO | BinaryIO = stdin if stdin is not None else sys.stdin
    # The bytes under a text stream (sys.stdin) get the same decoding as files: a
    # cp1252 pipe would otherwise fail in the stream's own UTF-8 decoder.
    source = getattr(stream, "buffer", stream)
    try:
        data: str | bytes = source.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError("-", f"cannot read: {exc}") from exc
    if isinstance(data, bytes):
        return _decode(data, "-")
    return _clean(data, "-"), []


def _decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Text from bytes: UTF-8 (BOM or not), else the likeliest legacy encoding, noted."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            return _clean(data.decode(codec, errors="replace"), path), [_decoded_as(path, codec)]
    if not data.strip():
        raise DocumentError(path, "empty file")
    if _CONTROL_BYTES.search(data):
        raise DocumentError(path, "binary file, not text")
    try:
        return _clean(data.decode("utf-8"), path), []
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    match = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
    if match is None:
        match = charset_normalizer.from_bytes(data).best()
        # A text too short to judge ("5 €" came back as cp1125 "5 А"): in es/en news
        # the likeliest legacy encoding is still cp1252.
        if match is None or not match.coherence:
            with contextlib.suppress(UnicodeDecodeError):
                return _clean(data.decode("cp1252"), path), [_decoded_as(path, "cp1252")]
    if match is None:
        raise DocumentError(path, "binary file, not text")
    return _clean(str(match), path), [_decoded_as(path, match.encoding)]


def _decoded_as(path: str, encoding: str) -> Problem:
    return Problem(path, f"decoded as {encoding} (not UTF-8)")


def _clean(text: str, path: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(path, "empty input" if path == "-" else "empty file")
    return text


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


def _split_lang(tag: str) -> tuple[str | None, str | None]:
    """("es", "es-MX") from "es-MX" or "es_mx"; (None, None) when it is no language tag.

    >>> _split_lang("es_mx")
    ('es', 'es-MX')
    >>> _split_lang("EN")
    ('en', None)
    """
    match = _LANG_TAG.fullmatch(tag.strip())
    if match is None:
        return None, None
    lang, region = match.group(1).lower(), match.group(2)
    return lang, f"{lang}-{region.upper()}" if region else None


def _check_lang(lang: str | None) -> tuple[str | None, str | None]:
    if lang is None:
        return None, None
    code, region = _split_lang(lang)
    if code is None:
        raise ConfigError(f"unknown language {lang!r}: give an ISO 639-1 code such as 'es' or 'en'")
    return code, region


def _check_locale(locale: str | None) -> str | None:
    if locale is None:
        return None
    region = _split_lang(locale)[1]
    if region is None:
        raise ConfigError(f"unknown locale {locale!r}: give a language and region such as 'es-MX'")
    return region

"""What a text says about itself: its language, its publication date, its language tags.

:func:`detect_language` and :func:`find_date` guess from the text; the rest reads what an
input or the caller states. dateparser and py3langid are slow to load, so they are
imported on first use.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from typing import Any

from factcheck.errors import ConfigError

_HEAD_CHARS = 600  # a publication date is written above the first paragraphs
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

_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
# A "date 2025-11-21" line above the headline: the title guess in formats.py skips it.
_DATE_LINE = re.compile(r"\A[ \t]*date:?[ \t]+\d{4}-\d{2}-\d{2}[ \t]*", re.IGNORECASE)
# dateparser gives up on a chunk holding these, so the copy it searches is rewritten.
_DATE_REWRITES = (
    (re.compile(r"\b([ap])\.\s?m\.", re.IGNORECASE), r"\1m"),  # "10:30 a.m.", "a. m."
    (re.compile(r"\b([^\W\d_]{3,4})\.(?=\s?\d)"), r"\1"),  # "Sept. 14", "5 ene. 2024"
    (re.compile(r"\b([0-3]?\d)(?:[º°]|o\.)"), r"\1"),  # "1º de mayo", "1o. de mayo"
)
_LANG_TAG = re.compile(r"([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?")  # es, es-MX, es_mx


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

"""Extraction: from a text to its numeric claims.

Numbers come from :mod:`factcheck.numbers`; this stage decides which of them are
claims (not years, dates, times, ordinals, identifiers, phone numbers or URLs),
attaches what they measure (currency, percent, unit, counted noun), their
qualifier and interval, and the sentence, time and place they stand in.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date as Date
from decimal import Decimal
from functools import cache

from factcheck.lang import Language, Locale, fold, language
from factcheck.model import Claim, Document, Qualifier, Quantity, Report
from factcheck.numbers import Number, find_numbers, plain_decimal
from factcheck.scope import SentenceScope, sentence_scope, split_sentences

__all__ = ["extract_claims", "extract_document", "extract_report"]

# "about 100" stands for a band around 100; AP and EFE style guides give no width,
# so ±10% is a default the checks may widen (see docs/tolerances.md).
ABOUT_BAND = Decimal("0.1")

# Spans that hold digits but no quantity, whatever the language: links, e-mail and
# social handles, phone numbers (ITU-T E.123 and Mexican 2-4-4 / 3-3-4 groupings),
# calendar dates and clock times written with digits, and codes like "2-30-100".
# Every branch opens with a digit or a rare character, so one scan of a text is cheap.
_NOT_QUANTITIES = re.compile(
    r"""
    (?=[\d(+@#hwHW])                                  # the first characters of all below
    (?:
      (?:https?://|www\.)\S+                           # URL with scheme or www
    | \B[@#]\w+                                        # handle, hashtag
    | (?:\+\d{1,3}[ .-]?)?\(?\b\d{2,3}\)?[ .-]\d{3,4}[ .-]\d{4}\b   # phone
    | \b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b              # 05/24/2022, 2025-11-21
    | \b\d{1,2}:\d{2}(?::\d{2})?\b                     # 21:00, 10:27
    | \b\d+(?:-\d+){2,}\b                              # 2-30-100
    | \b\d{1,2}/\d{1,2}\b                              # 9/11, 24/7
    | \b\d+/\d{4}\b                                    # Ley 3/2023: a law's number and year
    | \b\d+\([a-z]\)                                   # 401(k)
    | (?:(?<=C\.P\.\ )|(?<=C\.P\.)|(?<=CP\ )|(?<=C\.P\ ))\d{5}\b   # Mexican postal code
    | (?<=\b[A-Z]{2}\ )\d{5}(?:-\d{4})?\b              # US state and ZIP code
    )
    """,
    re.VERBOSE,
)
# The tail of a bare link or an e-mail address ("bit.ly/3tgVlSo", "x2@prensa.mx"); the
# span is stretched back to the blank before it.
_LINK_TAIL = re.compile(
    r"\.(?:com|mx|org|net|ly|me|gob|gov|es|io|co|info|news)\b(?:/\S*)?|@[\w-]+\.\w\S*"
)
_BLANK_BEFORE = re.compile(r"\S*$")


def _masks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Spans of ``text`` where numbers are not quantities, as sorted starts and ends."""
    spans = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
    for m in _LINK_TAIL.finditer(text):
        head = _BLANK_BEFORE.search(text, max(0, m.start() - 200), m.start())
        spans.append((head.start() if head else m.start(), m.end()))
    spans.sort()
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


_BLANK = r"[ \t\u00a0]"


@dataclass(frozen=True)
class _Patterns:
    lang: Language
    prefix: re.Pattern[str]
    range_join: re.Pattern[str]
    range_open: re.Pattern[str]
    complement: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    clock_after: re.Pattern[str]
    clock_before: re.Pattern[str]
    clock_joined: re.Pattern[str]
    code_before: re.Pattern[str]
    after: re.Pattern[str]
    hyphen_word: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    ratio: re.Pattern[str]
    word: re.Pattern[str]


def _alt(phrases: object, *, bounded: bool = True) -> str:
    items = sorted({str(p) for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    body = "|".join(re.escape(p).replace(r"\ ", r"[ \t\u00a0]+") for p in items) or r"(?!x)x"
    return rf"(?<![\w])(?:{body})(?![\w])" if bounded else f"(?:{body})"


@cache
def _patterns(code: str) -> _Patterns:
    lang = language(code)
    prefixes = _alt(lang.currency_prefixes, bounded=False)
    codes = _alt(lang.currency_codes)
    words = _alt([*lang.currency_words, *lang.currency_subunits, *lang.percent, *lang.units])
    # Symbols may touch the figure ("50€", "20%"); ISO codes are upper case and whole
    # words, or "470 pence" would read as Peruvian soles (PEN).
    symbols = _alt(
        [*lang.currency_suffixes, *(k for k in lang.percent if not k[0].isalpha())],
        bounded=False,
    )
    symbols = rf"{symbols}|(?-i:{_alt(lang.currency_codes)})"
    unit_symbols = "|".join(
        re.escape(k)
        for k in sorted(lang.units, key=len, reverse=True)
        if not k.islower() or len(k) <= 3
    )
    joiners = "|".join(re.escape(j) for j in lang.subject_joiners)
    # What follows a number and says what it measures; "de"/"of" only after a scale
    # ("20 millones de pesos"), which the caller checks.
    after = (
        rf"(?P<pre>[ \t\u00a0]*(?:(?P<de>{joiners})[ \t\u00a0]+)?)"
        rf"(?:(?P<word>{words})|(?P<symbol>{symbols})|(?-i:(?P<unit>{unit_symbols}))(?![\w/²³]))"
    )
    qualifiers = _alt(lang.qualifiers_before)
    determiners = _alt([*lang.articles, *lang.subject_joiners])
    return _Patterns(
        lang=lang,
        prefix=re.compile(rf"(?:{prefixes})[ \t\u00a0]?$"),
        # "19 de enero", "May 20", "enero de 2024", "Sept. 15,"
        month_after=re.compile(rf"{_BLANK}*(?:{_alt(lang.date_joiners)}{_BLANK}+)?([^\W\d_]+)"),
        month_before=re.compile(
            rf"([^\W\d_]+)\.?,?{_BLANK}+(?:{_alt(lang.date_joiners)}{_BLANK}+)?$"
        ),
        clock_after=re.compile(rf"{_BLANK}*{_alt(lang.clock_after)}\.?", re.IGNORECASE),
        clock_before=re.compile(rf"{_alt(lang.clock_before)}{_BLANK}+$", re.IGNORECASE),
        clock_joined=re.compile(rf"{_BLANK}+{_alt(lang.clock_joiners)}{_BLANK}", re.IGNORECASE),
        # "80 por ciento de las personas": what a share or an amount is of.
        complement=re.compile(
            rf"{_BLANK}+{_alt(lang.subject_joiners)}{_BLANK}+(?:{_alt(lang.articles)}{_BLANK}+)?",
            re.IGNORECASE,
        ),
        range_join=re.compile(
            rf"[ \t\u00a0]+(?P<join>{_alt([j for _, j in lang.ranges])})[ \t\u00a0]+"
            rf"(?:{prefixes})?[ \t\u00a0]?",
            re.IGNORECASE,
        ),
        range_open=re.compile(
            rf"(?P<open>{_alt([o for o, _ in lang.ranges if o])})"
            rf"{_BLANK}+(?:{prefixes})?{_BLANK}?$",
            re.IGNORECASE,
        ),
        code_before=re.compile(rf"{codes}[ \t\u00a0]?$"),
        after=re.compile(after, re.IGNORECASE),
        hyphen_word=re.compile(r"-([^\W\d_]+(?:-[^\W\d_]+)*)"),
        qualifier=re.compile(
            rf"(?P<q>{qualifiers})[ \t\u00a0]+"
            rf"(?:{determiners}[ \t\u00a0]+)?$",
            re.IGNORECASE,
        ),
        qualifier_after=re.compile(rf"[ \t\u00a0]*{_alt(lang.qualifiers_after)}", re.IGNORECASE),
        ratio=re.compile(_alt(lang.ratio_phrases), re.IGNORECASE),
        word=re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d|[^\w\s]"),
    )


@dataclass(frozen=True, slots=True)
class _Found:
    """A number with what follows it resolved, before it becomes a Claim."""

    start: int
    end: int
    low: Number
    high: Number | None
    unit: str
    dimension: str
    qualifier: Qualifier
    hyphen_noun: str | None = None
    nearly: bool = False  # "casi", "nearly": just below the figure


def extract_claims(
    text: str,
    lang: str | None = None,
    date: Date | None = None,
    *,
    locale: str | None = None,
    doc_id: str = "text",
) -> tuple[Claim, ...]:
    """Every numeric claim in ``text``, in order.

    ``lang`` is detected when not given; ``locale`` picks the number conventions
    ("es-ES" reads "1,3" as 1.3 and "1.300" as 1300). ``date`` is the publication date,
    kept for later stages.

    >>> text = "Hubo más de 20 mil cirugías y 448.3 millones de pesos."
    >>> [(c.text, str(c.quantity.value), c.quantity.unit, c.qualifier)
    ...  for c in extract_claims(text, "es")]  # doctest: +NORMALIZE_WHITESPACE
    [('20 mil', '20000', 'count', 'more_than'),
     ('448.3 millones de pesos', '448300000', 'MXN', 'exact')]
    >>> [(c.text, c.subject) for c in extract_claims("It found 2,751 nursing workers.", "en")]
    [('2,751', 'nursing workers')]
    """
    del date  # the claim's time falls back to the document's date in later stages
    code = lang or _detect(text)
    p = _patterns(code)
    loc = p.lang.locale(locale)
    sentences = split_sentences(text, code)
    claims: list[Claim] = []
    previous: Claim | None = None
    scopes: dict[int, SentenceScope] = {}
    for found in _resolve(text, p, loc):
        s_start, s_end = sentences.around(found.start)
        sentence = text[s_start:s_end]
        if s_start not in scopes:
            scopes = {s_start: sentence_scope(sentence, p.lang)}  # claims come in order
        a, b = found.start - s_start, found.end - s_start
        subject = _subject(text, found, p) or _inherited(found, previous, s_start)
        quantity = _quantity(found)
        claim = Claim(
            id=f"{doc_id}@{found.start}",
            doc_id=doc_id,
            start=found.start,
            end=found.end,
            text=text[found.start : found.end],
            sentence=sentence,
            quantity=quantity,
            qualifier=found.qualifier,
            subject=subject,
            time=scopes[s_start].time(a, b),
            place=scopes[s_start].place(a, b),
        )
        claims.append(claim)
        previous = claim
    return tuple(claims)


def extract_document(document: Document, *, locale: str | None = None) -> tuple[Claim, ...]:
    """The claims of one :class:`~factcheck.model.Document`."""
    return extract_claims(
        document.text,
        document.lang,
        document.date,
        locale=locale or document.locale,
        doc_id=document.id,
    )


def _detect(text: str) -> str:
    from factcheck.ingest import detect_language  # the language model is an edge

    code = detect_language(text)
    return code if code in {"es", "en"} else "es"


def _resolve(text: str, p: _Patterns, loc: Locale) -> Iterator[_Found]:
    masks = _masks(text)
    numbers = [n for n in find_numbers(text, p.lang.code, loc.name) if not _masked(n, masks)]
    numbers.extend(_ratios(text, p))
    numbers.sort(key=lambda n: n.start)
    i = 0
    covered = 0  # "ciento" in "59 por ciento" is part of the previous claim's span
    while i < len(numbers):
        n = numbers[i]
        if n.start < covered:
            i += 1
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        pair = _range(text, n, nxt, p) if nxt else None
        if pair is not None:
            i += 2
            if _is_plain_year(n) and _is_plain_year(pair[1]):
                continue
            found = _measure(text, pair[1], p, loc, start=pair[0].start)
            if found is not None:
                covered = found.end
                yield replace(found, low=pair[0], high=pair[1], qualifier="range")
            continue
        i += 1
        if _not_a_claim(text, n, p):
            continue
        found = _measure(text, n, p, loc, start=n.start)
        if found is not None:
            covered = found.end
            yield found


def _masked(n: Number, masks: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = masks
    i = bisect.bisect_left(starts, n.end)  # masks [0, i) start before the number ends
    return any(ends[j] > n.start for j in range(max(0, i - 3), i))


def _ratios(text: str, p: _Patterns) -> list[Number]:
    return [
        Number(
            m.start(),
            m.end(),
            m.group(),
            p.lang.ratio_phrases[_key(m.group(), p.lang.ratio_phrases)],
            Decimal(0),
            fraction=True,
            words=True,
        )
        for m in p.ratio.finditer(text)
        if _previous_word(text[max(0, m.start() - 30) : m.start()]) not in p.lang.ratio_not_after
    ]


def _key(written: str, table: Mapping[str, object]) -> str:
    """The table key a written word stands for, ignoring case, accents and spacing
    ("" if none)."""
    return _folded_keys(id(table), table).get(fold(" ".join(written.split())), "")


_FOLDED: dict[int, tuple[Mapping[str, object], dict[str, str]]] = {}


def _folded_keys(ident: int, table: Mapping[str, object]) -> dict[str, str]:
    # Language tables live as long as the process (factcheck.lang caches them), so an
    # index per table is built once; the identity check guards against a reused id.
    entry = _FOLDED.get(ident)
    if entry is None or entry[0] is not table:
        entry = (table, {fold(" ".join(k.split())): k for k in table})
        _FOLDED[ident] = entry
    return entry[1]


def _range(text: str, a: Number, b: Number, p: _Patterns) -> tuple[Number, Number] | None:
    """Two numbers joined as a range: "entre 10 y 12 mil", "8mn-9mn", "from 3 to 4"."""
    between = text[a.end : b.start]
    if between.strip() in {"-", "–", "—"} and len(between) <= 3:
        return _scaled_pair(a, b)
    joined = p.range_join.fullmatch(between)
    if not joined:
        return None
    lead = text[max(0, a.start - 30) : a.start]
    for opening, join in p.lang.ranges:
        if fold(joined.group("join")) != fold(join):
            continue
        if not opening and a.scaled and b.scaled:
            return _scaled_pair(a, b)
        opened = p.range_open.search(lead)
        if opening and opened and fold(opened.group("open")) == fold(opening):
            return _scaled_pair(a, b)
    return None


def _scaled_pair(a: Number, b: Number) -> tuple[Number, Number] | None:
    """ "entre 10 y 12 mil": the scale written once applies to both ends."""
    if a.fraction or b.fraction:
        return None
    if b.scaled and not a.scaled and a.value < b.value:
        a = replace(a, value=plain_decimal(a.value * b.scale), half_width=a.half_width * b.scale)
    return (a, b) if a.value <= b.value else None


_B = r"[ \t\u00a0]"  # a blank inside a line
_GLUED = re.compile(r"(?:[^\W\d_]-?|[#/]|\d[.,])$")
_SUFFIX = re.compile(r"[^\W\d_]+|[º°ª]")
_WORD_BEFORE = re.compile(rf"([^\s]){_B}+([^\W\d_][\w-]*){_B}+$")
_WORD_AFTER = re.compile(rf"{_B}+([^\W\d_]+)")
_PREVIOUS = re.compile(rf"([^\W\d_]+)\.?{_B}*$")
_MONTH_DAY = re.compile(rf"[^\W\d_]+\.?{_B}+\d{{1,2}},?{_B}*$")  # "May 20, " before a year
_OPEN_BRACKET = re.compile(r"[(\[]$")
_PERCENT_OR_HYPHEN = re.compile(rf"{_B}*(?:%|-[^\W\d_])")
_LETTER_AFTER = re.compile(rf"{_B}+[^\W\d_]")


def _not_a_claim(text: str, n: Number, p: _Patterns) -> bool:
    """Years, dates, times, ordinals and identifiers hold numbers but claim no quantity."""
    if n.fraction:
        return False
    lang = p.lang
    before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
    # "COVID-19", "#5", "A320", "bit.ly/3tg": a number glued to a word names something.
    if _GLUED.search(before[-2:]):
        return True
    # "1st", "3er", "2º" are ordinals; other letters glued after a figure make a code,
    # unless they are a unit ("10km") or a scale ("15mn").
    suffix = _SUFFIX.match(after)
    if (
        suffix
        and not n.words
        and not _unit_at(after, p)
        and (
            suffix.group() in lang.ordinal_suffixes or suffix.group() not in lang.abbreviated_scales
        )
    ):
        return True
    if _previous_word(before) in lang.labels and not n.words and n.value < 100_000:
        return True
    return (
        _is_name(before, after, n)
        or _is_date(before, after, n, p)
        or _is_clock(before, after, n, p)
        or _is_year(text, n, p)
    )


def _is_name(before: str, after: str, n: Number) -> bool:
    """ "Boeing 737", "Agenda 2030", "Windows 11": a bare integer right after a
    capitalized word inside a sentence names a model, an event or a plan. A title-case
    headline ("Sonora Gets 376 Health Facilities") is left alone."""
    if not n.plain:
        return False
    m = _WORD_BEFORE.search(before[-30:])
    if not m or not m.group(2)[0].isupper() or m.group(1) in '.!?:"“«':
        return False
    nxt = _WORD_AFTER.match(after)
    return not (nxt and nxt.group(1)[0].isupper() and not nxt.group(1).isupper())


def _previous_word(before: str) -> str:
    m = _PREVIOUS.search(before[-24:])
    return fold(m.group(1)) if m else ""


def _is_date(before: str, after: str, n: Number, p: _Patterns) -> bool:
    if n.words or n.scaled or n.value > 3000:
        return False
    nxt = p.month_after.match(after)
    if nxt and fold(nxt.group(1)) in p.lang.months and n.value <= 31:
        return True
    prev = p.month_before.search(before[-30:])
    if prev and fold(prev.group(1)) in p.lang.months:
        return True
    return bool(_is_plain_year(n) and _MONTH_DAY.search(before[-24:]))


def _is_clock(before: str, after: str, n: Number, p: _Patterns) -> bool:
    """ "a las 9", "at 3 p.m.", "a las 21 horas": a time of day, not nine of something."""
    if n.words or n.value > 24 or n.half_width:
        return False
    if p.clock_after.match(after):
        return True
    if not p.clock_before.search(before[-16:]):
        return False
    m = p.after.match(after)
    if m and not m.group("de"):
        return _dimension(_unit_of(m, p.lang), p.lang) == "time"
    return not _LETTER_AFTER.match(after) or bool(p.clock_joined.match(after))


def _is_plain_year(n: Number) -> bool:
    return n.plain and len(n.text) == 4 and 1000 <= n.value <= 2100


def _is_year(text: str, n: Number, p: _Patterns) -> bool:
    """A bare four-digit number is a year unless a counted noun follows and nothing
    before it introduces a year ("1850 camas" is a count, "en 2025 se" a year)."""
    if not _is_plain_year(n):
        return False
    after = text[n.end : n.end + 40]
    if _unit_at(after, p) or _PERCENT_OR_HYPHEN.match(after):
        return False
    before = text[max(0, n.start - 30) : n.start]
    if _previous_word(before) in p.lang.year_words or _OPEN_BRACKET.search(before[-1:]):
        return True
    nxt = _WORD_AFTER.match(after)
    return not (nxt and fold(nxt.group(1)) not in p.lang.subject_stop and nxt.group(1).islower())


def _unit_at(after: str, p: _Patterns) -> bool:
    m = p.after.match(after)
    return bool(m and not m.group("de"))


def _measure(text: str, n: Number, p: _Patterns, loc: Locale, *, start: int) -> _Found | None:
    """What the number measures, from the marks around it, and the claim's span."""
    lang = p.lang
    span_start, span_end = start, n.end
    unit: str | None = n.currency
    before = text[max(0, start - 8) : start]
    prefix = p.prefix.search(before) or p.code_before.search(before)
    if prefix and not n.fraction:
        mark = prefix.group().strip()
        unit = loc.dollar if mark == "$" else lang.currency_prefixes.get(mark, mark)
        span_start = start - len(prefix.group())
    hyphen_noun = None
    m = p.after.match(text, n.end)
    if m and m.group("de") and not n.scaled:
        m = None
    subunit = _key(m.group("word"), lang.currency_subunits) if m and m.group("word") else ""
    if subunit and unit is None and not n.fraction:
        # "50 cents", "197 pence": hundredths of the currency
        marked = lang.currency_subunits[subunit]
        unit = loc.dollar if marked == "$" else marked
        hundredth = Decimal("0.01")
        n = replace(n, value=n.value * hundredth, half_width=n.half_width * hundredth)
        span_end = m.end()  # type: ignore[union-attr]
    elif m and unit is None and not n.fraction:
        unit = _unit_of(m, lang)
        span_end = m.end()
    elif (
        m
        and unit is not None
        and m.group("word")
        and lang.currency_words.get(_key(m.group("word"), lang.currency_words))
    ):
        span_end = m.end()
    hyphen = p.hyphen_word.match(text, span_end)
    if hyphen:
        # "a 12-billion-peso program", "a 1,000-square-meter plot", "a 45-bed hospital"
        words = hyphen.group(1).split("-")
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size])
            end = hyphen.start() + 1 + len("-".join(words[:size]))
            money, measure = _key(phrase, lang.currency_words), _key(phrase, lang.units)
            if money or measure:
                unit = unit or (lang.currency_words[money] if money else lang.units[measure])
                span_end = end
                break
        else:
            if unit is None:
                hyphen_noun = words[0]
    if unit is None:
        unit = "ratio" if n.fraction else "count"
    qualifier, nearly = _qualifier(text, span_start, span_end, p)
    return _Found(
        span_start, span_end, n, None, unit, _dimension(unit, lang), qualifier, hyphen_noun, nearly
    )


def _unit_of(m: re.Match[str], lang: Language) -> str:
    if m.group("unit"):
        return lang.units[m.group("unit")]
    written = m.group("word") or m.group("symbol")
    for table in (lang.currency_words, lang.percent, lang.units, lang.currency_suffixes):
        key = _key(written, table)
        if key:
            return table[key]
    return written.upper()  # an ISO 4217 code


def _dimension(unit: str, lang: Language) -> str:
    if unit in {"count", "ratio", "percent", "percentage_point"}:
        return unit
    if unit in lang.dimensions:
        return lang.dimensions[unit]
    return "money"


def _qualifier(text: str, start: int, end: int, p: _Patterns) -> tuple[Qualifier, bool]:
    """The qualifier around a figure, and whether it means "just below" ("casi")."""
    after = p.qualifier_after.match(text, end)
    if after:
        kind = p.lang.qualifiers_after[_key(after.group().strip(), p.lang.qualifiers_after)]
        return ("at_least" if kind == "at_least" else "about"), False
    m = p.qualifier.search(text, max(0, start - 40), start)
    if not m:
        return "exact", False
    kind = p.lang.qualifiers_before[_key(m.group("q"), p.lang.qualifiers_before)]
    if kind == "nearly":
        return "about", True
    return kind, False  # type: ignore[return-value]


def _quantity(found: _Found) -> Quantity:
    n, h = found.low, found.high
    low = n.value - n.half_width
    high = (h or n).value + (h or n).half_width
    q = found.qualifier
    bounds: tuple[Decimal | None, Decimal | None] = {
        "exact": (low, high),
        "range": (low, high),
        "more_than": (low, None),
        "at_least": (low, None),
        "less_than": (None, high),
        "at_most": (None, high),
        "about": (low * (1 - ABOUT_BAND), high if found.nearly else high * (1 + ABOUT_BAND)),
    }[q]
    return Quantity(
        value=n.value,
        low=None if bounds[0] is None else plain_decimal(bounds[0]),
        high=None if bounds[1] is None else plain_decimal(bounds[1]),
        unit=found.unit,
        dimension=found.dimension,
    )


def _subject(text: str, found: _Found, p: _Patterns) -> str | None:
    """What is counted or measured: the noun phrase after a count ("dos laboratorios"),
    after "de"/"of" ("80 por ciento de las personas"), or before a money or percentage
    figure ("una inversión de 448.3 millones")."""
    if found.hyphen_noun:
        return found.hyphen_noun
    lang = p.lang
    tail = text[found.end : found.end + 120]
    if found.unit == "count":
        return _phrase(tail, lang, skip_first=True) or _lead_in(
            text[max(0, found.start - 80) : found.start], p
        )
    lead = p.complement.match(tail)
    if lead and found.dimension in {"percent", "ratio", "money"}:
        after_of = _phrase(tail[lead.end() :], lang, skip_first=False)
        if after_of or found.dimension != "money":
            return after_of
    # "a $5 billion plant", "a 26% rise": the noun right after the figure.
    direct = _phrase(tail, lang, skip_first=False, rates=True)
    before = text[max(0, found.start - 160) : found.start]
    found_before = _lead_in(before, p)
    if found.dimension == "money":
        found_before = found_before or _noun_before(before, p)
    return direct or found_before


def _phrase(tail: str, lang: Language, *, skip_first: bool, rates: bool = False) -> str | None:
    words: list[str] = []
    for m in re.finditer(r"[ \t\u00a0]*([^\W\d_]\w*(?:-\w+)*|[^\w\s]|\d+)", tail):
        token = m.group(1)
        folded = fold(token)
        if not token[0].isalpha() or (rates and not words and folded in lang.rate_words):
            break
        if (
            not words
            and skip_first
            and (folded in lang.subject_skip or token in lang.subject_joiners)
        ):
            continue
        if folded in lang.subject_stop and not (words and token in lang.subject_joiners):
            break
        words.append(token)
        if len(words) >= 5:
            break
    while words and words[-1] in lang.subject_joiners:
        words.pop()
    return " ".join(words) or None


def _lead_in(before: str, p: _Patterns) -> str | None:
    """The noun before "de"/"of" that introduces the figure: "inversión" in "una
    inversión de más de 440 millones"."""
    q = p.qualifier.search(before, max(0, len(before) - 48))
    if q:
        before = before[: q.start()]
    tokens = re.findall(r"[^\W\d_]+|[^\w\s]", before)
    if len(tokens) < 2 or fold(tokens[-1]) not in p.lang.subject_lead_in:
        return None
    words: list[str] = []
    rest = tokens[:-1]
    while (
        rest
        and len(words) < 3
        and rest[-1][0].isalpha()
        and fold(rest[-1]) not in p.lang.subject_stop
        # "cifras que reflejan avances": after a relative pronoun comes a verb
        and not (len(rest) > 1 and fold(rest[-2]) in p.lang.relativizers)
    ):
        words.insert(0, rest.pop())
    # "aumento de la productividad del 26%": the head noun stands before the complement.
    link = rest[-2:] if words and rest and fold(rest[-1]) in p.lang.articles else rest[-1:]
    if words and link and link[0] in p.lang.subject_joiners:
        head = rest[: -len(link)]
        if head and head[-1][0].isalpha() and fold(head[-1]) not in p.lang.subject_stop:
            words = [head[-1], *link, *words]
    return " ".join(words) or None


def _noun_before(before: str, p: _Patterns) -> str | None:
    """The nearest common noun introduced by an article before the figure, in its
    sentence: "La multa asciende a 2 millones" → "multa"."""
    sentence = re.split(r"[.;:!?\n]", before)[-1]
    tokens = re.findall(r"[^\W\d_]\w*", sentence)
    for article, noun in reversed(list(itertools.pairwise(tokens))):
        if (
            fold(article) in p.lang.articles
            and noun.islower()
            and fold(noun) not in p.lang.subject_stop
        ):
            return str(noun)
    return None


def _inherited(found: _Found, previous: Claim | None, sentence_start: int) -> str | None:
    """Figures of one kind in one sentence share a subject unless they name their own:
    "avances del 65%, 73% y 81%", "an investment of MX$1.28 billion (US$643 million)"."""
    if (
        previous is None
        or previous.start < sentence_start
        or previous.quantity.dimension != found.dimension
    ):
        return None
    return previous.subject


def extract_report(documents: Iterable[Document], *, locale: str | None = None) -> Report:
    """A :class:`~factcheck.model.Report` holding the documents and all their claims."""
    docs = tuple(documents)
    claims = tuple(c for d in docs for c in extract_document(d, locale=locale))
    return Report(documents=docs, claims=claims)

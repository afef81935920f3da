"""What a figure measures: currency, percent, unit or count, and its qualifier.

From the marks around a number ("$", "millones de pesos", "%", "km", "a 45-bed
hospital", "más de", "casi") the extractor learns the claim's unit and dimension,
its qualifier and the span the claim covers. The result is a ``_Found``, which the
stage turns into a :class:`~factcheck.model.Claim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck._claim_patterns import _key, _Patterns
from factcheck.lang import Language, Locale
from factcheck.model import Qualifier
from factcheck.numbers import Number


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

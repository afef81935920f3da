"""Claims as intervals for comparison: what was written, widened by the rounding a
reporter may have done ("US$643 million" stands for 642.5 to 643.5 million)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.lang import fold, language
from factcheck.model import Claim
from factcheck.normalize import base_unit, convert_unit, is_physical
from factcheck.numbers import find_numbers, read_digits

__all__ = ["Span", "base_bounds", "bounds", "overlap", "rounding", "written_interval"]


@dataclass(frozen=True, slots=True)
class Span:
    """An amount as an interval, widened by the rounding its written digits allow."""

    value: Decimal
    low: Decimal
    high: Decimal


def rounding(
    claim: Claim, lang: str, locale: str | None, *, trailing_zeros: bool = False
) -> Decimal:
    """Half the step of the last written digit: "US$643 million" → 0.5 million.
    A decimal mantissa already carries it in its interval; words are taken as exact.

    With ``trailing_zeros``, the zeros that end a whole number are read as rounding,
    down to two significant digits: "421,000" stands for 420,500 to 421,500, "2,000"
    for 1,950 to 2,050 (a reporter who rounds keeps two or three digits)."""
    numbers = find_numbers(claim.text, lang, locale)
    if not numbers:
        return Decimal(0)
    n = numbers[0]
    runs = list(_DIGITS.finditer(n.text))
    if n.half_width or not runs:
        return n.half_width
    if len(runs) > 1 or _LETTER.search(n.text, 0, runs[0].start()):
        return _mixed_rounding(n.text, runs[-1], lang, locale, trailing_zeros=trailing_zeros)
    read = read_digits(runs[0].group().rstrip(".,"), language(lang).locale(locale))
    if read is None or read[0] == 0:
        return Decimal(0)
    step = _zeros_step(read[0]) if trailing_zeros else Decimal(1)
    return Decimal("0.5") * step * (n.value / read[0])


def _zeros_step(value: Decimal) -> Decimal:
    """The step a whole number's trailing zeros round to, keeping two significant
    digits: 1000 for "421,000", 100 for "2,000"; 1 for a decimal or no zeros."""
    if value != value.to_integral_value() or value == 0:
        return Decimal(1)
    whole = str(int(value))
    return Decimal(10) ** min(len(whole) - len(whole.rstrip("0")), max(len(whole) - 2, 0))


_DIGITS = re.compile(r"\d[\d.,\u00a0]*")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_LETTER = re.compile(r"[^\W\d_]")


def _mixed_rounding(
    text: str, last: re.Match[str], lang: str, locale: str | None, *, trailing_zeros: bool
) -> Decimal:
    """Half the step of the last digits of a figure in digits and words: "1 millón 480
    mil" is written to the thousand (to the ten thousand, its zeros read as rounding),
    "243 mil 053" to the unit.

    >>> from factcheck.extract import extract_claims
    >>> [str(rounding(c, "es", None)) for c in extract_claims("1 millón 480 mil y 243 mil 053")]
    ['500.0', '0.5']
    """
    language_ = language(lang)
    read = read_digits(last.group().rstrip(".,"), language_.locale(locale))
    if read is None:
        return Decimal(0)
    scale, at = Decimal(1), last.end()
    while (word := _NEXT_WORD.match(text, at)) and fold(word.group(1)) in language_.scales:
        scale *= language_.scales[fold(word.group(1))]  # "560 mil millones"
        at = word.end()
    step = _zeros_step(read[0]) if trailing_zeros else Decimal(1)
    return Decimal("0.5") * step * scale


def written_interval(claim: Claim, lang: str, locale: str | None, *, rounded: bool) -> Span:
    """The claim as an interval. A stated equivalent (``rounded``) may be off by half
    its last written digit; the amount converted is taken as written."""
    q = claim.quantity
    band = rounding(claim, lang, locale) if rounded else Decimal(0)
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    return Span(q.value, min(low, q.value - band), max(high, q.value + band))


def bounds(claim: Claim, lang: str, locale: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The interval a claim allows, open ends as None, widened by its rounding:
    "más de 440 millones" is (440e6, None); "448.3 millones" is [448.25e6, 448.35e6];
    "421.000 hipotecas" is [420,500, 421,500], as a figure that may have been rounded."""
    q = claim.quantity
    band = rounding(claim, lang, locale, trailing_zeros=True)
    low = None if q.low is None else min(q.low, q.value - band)
    high = None if q.high is None else max(q.high, q.value + band)
    return low, high


def base_bounds(
    claim: Claim, lang: str, locale: str | None
) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """The value and :func:`bounds` of a claim in SI base units, so that figures written
    in two units compare: "120 kilometres" and "75 miles" are both about 120 km.
    Money, counts and shares are unchanged.

    >>> from factcheck.extract import extract_claims
    >>> value, low, high = base_bounds(extract_claims("75 miles", "en")[0], "en", None)
    >>> round(value), round(low), round(high)
    (120701, 119896, 121505)
    """
    low, high = bounds(claim, lang, locale)
    unit, value = claim.quantity.unit, claim.quantity.value
    if not is_physical(unit):
        return value, low, high
    target = base_unit(unit)

    def base(v: Decimal | None) -> Decimal | None:
        return None if v is None else convert_unit(v, unit, target)

    return convert_unit(value, unit, target), base(low), base(high)


def overlap(
    a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]
) -> bool:
    """Whether two intervals (None = unbounded) share a value.

    >>> overlap((Decimal(440), None), (Decimal("448.25"), Decimal("448.35")))
    True
    >>> overlap((Decimal(81), Decimal(81)), (Decimal(714), Decimal(714)))
    False
    >>> overlap((Decimal("58.5"), Decimal("59.5")), (Decimal("59.5"), Decimal("60.5")))  # 59, 60
    False
    """
    a_low, a_high = a
    b_low, b_high = b
    below = a_high is not None and b_low is not None and _before(a_high, b_low, a, b)
    above = b_high is not None and a_low is not None and _before(b_high, a_low, a, b)
    return not (below or above)


def _before(end: Decimal, start: Decimal, *spans: tuple[Decimal | None, Decimal | None]) -> bool:
    """Whether one interval ends before the other starts. Rounded intervals are half-open
    ("59" is 58.5 to 59.5, "60" from 59.5): two that only touch share no value, unless one
    of them is a single value."""
    if end != start:
        return end < start
    return all(low is None or high is None or low < high for low, high in spans)

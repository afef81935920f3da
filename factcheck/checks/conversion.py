"""Conversion checks: an amount and its stated equivalent in another currency or unit.

"MX$1.28 billion (US$643 million)": at the ECB rate of the article's date the peso
figure is about US$64.6 million, so the dollar figure is ten times too large. Each
pair found becomes one :class:`~factcheck.model.Check`, consistent or not, and an
inconsistent one names the likely slip: a factor of ten, an inverted rate, the rate
of another year, another currency.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from decimal import Decimal
from functools import cache

from factcheck.checks.intervals import Span, written_interval
from factcheck.config import Config
from factcheck.lang import compared_after, language
from factcheck.model import Check, Claim, Document, Verdict
from factcheck.normalize import convert_unit, is_physical
from factcheck.rates import Rate, RateTable

__all__ = ["check_conversions", "conversion_pairs"]

# Currencies a figure is most often mislabelled in, in Mexican, US and Spanish news;
# the source's own currency stands for an amount copied without converting it.
_USUAL_CURRENCIES = ("USD", "EUR", "MXN", "GBP")
_SYMBOLS = {"USD": "US$", "MXN": "MX$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_UNIT_NAMES = {
    "kilometer": "km",
    "mile": "miles",
    "hectare": "hectares",
    "acre": "acres",
    "meter": "m",
    "foot": "feet",
    "metric_ton": "tonnes",
    "pound": "pounds",
    "kilogram": "kg",
    "liter": "liters",
    "gallon": "gallons",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "square_meter": "m²",
    "square_kilometer": "km²",
    "square_mile": "sq mi",
}


@cache
def _links(code: str) -> re.Pattern[str]:
    lang = language(code)
    words = "|".join(re.escape(w) for w in sorted(lang.conversion_links, key=len, reverse=True))
    quals = "|".join(re.escape(w) for w in sorted(lang.qualifiers_before, key=len, reverse=True))
    periods = "|".join(re.escape(w) for w in sorted(lang.conversion_periods, key=len, reverse=True))
    joiners = "|".join(re.escape(w) for w in sorted(lang.unit_joiners))
    return re.compile(
        # A period only before a bracket: "1.035 libras anuales (1.244 euros)"; or what a
        # measure is of: "300 metros de eslora (984 pies)"
        rf"[\s,]*(?:(?:{periods})(?!\w)\s*(?=[(\[]))?"
        rf"(?P<of>(?:{joiners})\s+[^\W\d_]+\s*(?=[(\[]))?"
        rf"(?P<open>[(\[—–]|\s-\s)?\s*(?P<link>(?:{words})(?![\w]))?\s*(?:(?:{quals})\s+)?",
        re.IGNORECASE,
    )


def _convertible(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if qa.unit == qb.unit or qa.dimension != qb.dimension:
        return False
    return qa.dimension == "money" or (is_physical(qa.unit) and is_physical(qb.unit))


def conversion_pairs(text: str, claims: Sequence[Claim], lang: str) -> list[tuple[Claim, Claim]]:
    """(amount, stated equivalent) pairs, in order; one amount may have several
    equivalents in one parenthesis ("MXN$7.1 billion (€380 million; $410 million)")."""
    pattern = _links(lang)
    pairs: list[tuple[Claim, Claim]] = []
    source: Claim | None = None  # the amount whose parenthesis is still open
    sizes = {b.id for a, b in itertools.pairwise(claims) if _item_size(text, a, b)}
    for a, b in itertools.pairwise(claims):
        if a.id in sizes:
            source = None
            continue
        between = text[a.end : b.start]
        more = source is not None and re.fullmatch(r"\s*[;,/]\s*(?:\w+\s+)?", between)
        if source is not None and more and _convertible(source, b):
            pairs.append((source, b))
            continue
        source = None
        m = pattern.fullmatch(between)
        if m and (m.group("open") or m.group("link")) and _convertible(a, b):
            if not m.group("open") and _difference_after(text, b, lang):
                continue
            if m.group("of") and a.quantity.dimension == "money":
                continue  # "300 millones de pesos de inversión (...)": no measure's length
            pairs.append((a, b))
            source = a if m.group("open") in {"(", "["} else None
    return pairs


# A count's noun, then "de" or "of" before the size of one of them: "millones de sacos de".
_ITEM_OF = re.compile(r"\s+(?:de\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:de|of)\s+$", re.IGNORECASE)


def _item_size(text: str, count: Claim, size: Claim) -> bool:
    """Whether ``size`` is the size of each thing ``count`` counts ("13,99 millones de sacos
    de 60 kilos, equivalentes a unas 839.400 toneladas"): what follows it is the whole's
    worth, not the size's."""
    if count.quantity.dimension != "count" or size.quantity.dimension == "count":
        return False
    return bool(_ITEM_OF.fullmatch(text, count.end, size.start))


def _difference_after(text: str, b: Claim, lang: str) -> bool:
    """Whether the words after ``b`` make it a difference from something ("más de tres
    meses por encima de la mediana"), not ``a`` restated."""
    return compared_after(text, b.end, language(lang))


def _agrees(expected: Span, stated: Span, factor: Decimal, tolerance: Decimal) -> bool:
    lo = expected.low * factor * (1 - tolerance)
    hi = expected.high * factor * (1 + tolerance)
    return stated.low <= hi and stated.high >= lo


_SCALES = ((Decimal("1e12"), "trillion"), (Decimal("1e9"), "billion"), (Decimal("1e6"), "million"))


def _amount(value: Decimal, unit: str) -> str:
    """A figure as an editor writes it: "US$64.6 million", "MX$1.28 billion", "6.2 miles"."""
    scale, word = next(((s, w) for s, w in _SCALES if abs(value) >= s), (Decimal(1), ""))
    if word:
        number = f"{value / scale:.3g} {word}"
    else:
        number = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if unit in _SYMBOLS:
        return f"{_SYMBOLS[unit]}{number}"
    if len(unit) == 3 and unit.isupper():
        return f"{unit} {number}"
    return f"{number} {_UNIT_NAMES.get(unit, unit)}"


def rate_text(rate: Rate) -> str:
    if rate.value >= 1:
        return f"{rate.value:.2f} {rate.quote}/{rate.base}"
    return f"{1 / rate.value:.2f} {rate.base}/{rate.quote}"


# Misplaced decimal marks and scale words shift a figure by powers of ten.
_POWERS = tuple(Decimal(10) ** k for k in (1, 2, 3, -1, -2, -3))


def slip_factor(ratio: Decimal, tolerance: Decimal) -> Decimal | None:
    return next((f for f in _POWERS if abs(ratio / f - 1) <= tolerance * 2), None)


def _scaled(span: Span, factor: Decimal) -> Span:
    return Span(span.value * factor, span.low * factor, span.high * factor)


def _window(document: Document, claim: Claim) -> tuple[Date, Date] | None:
    """The years a dateless article speaks of ("en 2023"), if its sentence says."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", claim.time or "")]
    if not years:
        return None
    return Date(min(years), 1, 1), Date(max(years), 12, 31)


@dataclass(frozen=True, slots=True)
class _Pair:
    document: Document
    source: Claim
    target: Claim
    lang: str

    def check_id(self) -> str:
        return f"conversion:{self.source.id}>{self.target.id}"

    def source_span(self) -> Span:
        return written_interval(self.source, self.lang, self.document.locale, rounded=False)

    def stated_span(self) -> Span:
        return written_interval(self.target, self.lang, self.document.locale, rounded=True)


def _check(
    pair: _Pair,
    kind: str,
    verdict: Verdict,
    expected: Decimal | None,
    message: str,
    explanation: str,
    slip: str | None = None,
) -> Check:
    stated = pair.target.quantity.value
    if expected is not None:  # beyond a ten-thousandth of a unit is noise, not evidence
        expected = expected.quantize(Decimal("0.0001")).normalize()
    rel_error = float((stated - expected) / expected) if expected else None
    severity = {"inconsistent": "error", "uncertain": "warning"}.get(verdict, "info")
    return Check(
        id=pair.check_id(),
        kind=kind,
        verdict=verdict,
        severity=severity,  # type: ignore[arg-type]
        claim_ids=(pair.source.id, pair.target.id),
        expected=expected,
        stated=stated,
        rel_error=None if rel_error is None else round(rel_error, 4),
        message=message,
        explanation=explanation,
        slip=slip,
    )


def _unit_check(pair: _Pair, config: Config) -> Check:
    source, target = pair.source.quantity, pair.target.quantity
    tolerance = Decimal(str(config.tolerance_rel))
    factor = (
        convert_unit(Decimal(1), source.unit, target.unit)
        if source.unit not in {"degree_Celsius", "degree_Fahrenheit"}
        else None
    )
    expected = convert_unit(source.value, source.unit, target.unit)
    stated_span, source_span = pair.stated_span(), pair.source_span()
    if factor is not None:
        ok = _agrees(source_span, stated_span, factor, tolerance)
    else:
        lo, hi = (
            convert_unit(source_span.low, source.unit, target.unit),
            convert_unit(source_span.high, source.unit, target.unit),
        )
        ok = _agrees(Span(expected, lo, hi), stated_span, Decimal(1), tolerance)
    said = f"{pair.source.text} is {_amount(expected, target.unit)}"
    if ok:
        return _check(
            pair,
            "unit_conversion",
            "consistent",
            expected,
            f"{said}; the text says {pair.target.text}.",
            f"{said}, as the text says ({pair.target.text}).",
        )
    ratio = target.value / expected if expected else Decimal(0)
    slip, why = None, "."
    power = slip_factor(ratio, tolerance)
    if power is not None:
        slip, why = "factor", f": likely a decimal slip (a factor of {times(power)})."
    elif factor and _agrees(source_span, stated_span, 1 / factor, tolerance):
        slip, why = "inverted", ": the conversion factor was applied the wrong way round."
    return _check(
        pair,
        "unit_conversion",
        "inconsistent",
        expected,
        f"{said}, not {pair.target.text}.",
        f"{said}; the text says {pair.target.text}, {ratio:.3g} times that{why}",
        slip,
    )


def times(factor: Decimal) -> str:
    return f"{factor:,.0f}" if factor >= 1 else f"1/{1 / factor:,.0f}"


def _slip(
    pair: _Pair, rate: Rate, ratio: Decimal, rates: RateTable, config: Config
) -> tuple[str | None, str]:
    """The likely slip (factor, inverted, wrong_currency, other_date) and a sentence
    naming it; (None, "") when none fits."""
    tolerance = Decimal(str(config.tolerance_rel))
    source, stated = pair.source_span(), pair.stated_span()
    factor = slip_factor(ratio, tolerance)
    if factor is not None:
        return "factor", f"likely a decimal slip (a factor of {times(factor)})."
    if _agrees(source, stated, 1 / rate.value, tolerance):
        return "inverted", (
            f"it matches dividing by the rate instead of multiplying: an inverted rate "
            f"({rate_text(rate)} used the wrong way round)."
        )
    src, dst = pair.source.quantity.unit, pair.target.quantity.unit
    for other in _USUAL_CURRENCIES:
        if other == dst:
            continue
        alt = rates.rate(src, other, rate.date)
        if alt is not None and _agrees(source, stated, alt.value, tolerance):
            matched = _amount(source.value * alt.value, other)
            return (
                "wrong_currency",
                f"it matches {matched}: the figure may be in {other}, not {dst}.",
            )
    span = timedelta(days=365 * config.other_date_years)
    matches = [
        r
        for r in rates.history(src, dst, rate.date - span, rate.date + span)
        if abs((r.date - rate.date).days) > 180 and _agrees(source, stated, r.value, tolerance)
    ]
    if matches:
        nearest = min(matches, key=lambda r: abs((r.date - rate.date).days))
        return "other_date", (
            f"it matches the rate of {nearest.date.isoformat()} ({rate_text(nearest)}): "
            "a conversion made at another date."
        )
    return None, ""


# How far from par a rate must be, in tolerances, for one figure written in both
# currencies to read as copied rather than rounded ("1 million dollars, about 1 million
# euros" at 1.08 is a rounding).
_COPY_RATE_GAP = 2


def _no_rate(pair: _Pair, why: str) -> Check:
    return _check(
        pair,
        "currency_conversion",
        "uncertain",
        None,
        f"No rate to check {pair.source.text} against {pair.target.text}.",
        f"Not checked: {why}.",
    )


def _dated_check(pair: _Pair, day: Date, rates: RateTable, config: Config) -> Check:
    src, dst = pair.source.quantity.unit, pair.target.quantity.unit
    rate = rates.rate(src, dst, day)
    if rate is None:
        first = max((d for d in (rates.first_date(src), rates.first_date(dst)) if d), default=None)
        why = (
            f"the ECB quotes {src}/{dst} only from {first.isoformat()}"
            if first and day < first
            else f"the rates table has no {src}/{dst} rate near {day.isoformat()}"
            + (
                f" (it ends {rates.dates[-1].isoformat()}; point --rates to a newer file)"
                if rates.dates and day > rates.dates[-1]
                else ""
            )
        )
        return _no_rate(pair, why)
    tolerance = Decimal(str(config.tolerance_rel))
    source, stated = pair.source_span(), pair.stated_span()
    expected = source.value * rate.value
    at = (
        f"At the ECB rate of {rate.date.isoformat()} ({rate_text(rate)}), "
        f"{pair.source.text} is about {_amount(expected, dst)}"
    )
    copied = pair.source.quantity.value == pair.target.quantity.value
    agrees = _agrees(source, stated, rate.value, tolerance)
    if agrees and copied and abs(rate.value - 1) > _COPY_RATE_GAP * tolerance:
        # "£3m (unos 3 millones de euros)": the rounding of the equivalent may cover the
        # rate, but the same figure in two currencies far from par reads as copied.
        return _check(
            pair,
            "currency_conversion",
            "uncertain",
            expected,
            f"{pair.target.text} repeats {pair.source.text}: expected about "
            f"{_amount(expected, dst)}.",
            f"{at}; the text gives the same figure in {dst}: it may have been copied "
            "without converting.",
            "wrong_currency",
        )
    if agrees:
        return _check(
            pair,
            "currency_conversion",
            "consistent",
            expected,
            f"{pair.source.text} ≈ {pair.target.text}: consistent.",
            f"{at}; the text says {pair.target.text}.",
        )
    ratio = stated.value / expected
    slip_kind, slip = _slip(pair, rate, ratio, rates, config)
    times = f"{ratio:.3g} times that" if ratio >= 1 else f"{ratio:.0%} of that"
    return _check(
        pair,
        "currency_conversion",
        "inconsistent",
        expected,
        f"{pair.target.text} does not match {pair.source.text}: "
        f"expected about {_amount(expected, dst)}.",
        f"{at}; the text says {pair.target.text}, {times}" + (f": {slip}" if slip else "."),
        slip_kind,
    )


def _undated_check(
    pair: _Pair, window: tuple[Date, Date] | None, rates: RateTable, config: Config
) -> Check:
    """No date: the pair is checked against every rate of the window (or the whole
    series); a tenfold slip needs no date to be seen."""
    src, dst = pair.source.quantity.unit, pair.target.quantity.unit
    start, end = window if window else (None, None)
    history = list(rates.history(src, dst, start, end))
    tolerance = Decimal(str(config.tolerance_rel))
    source, stated = pair.source_span(), pair.stated_span()
    if not history:
        return _no_rate(
            pair, f"the article has no date and the rates table has no {src}/{dst} rate"
        )
    good = [r for r in history if _agrees(source, stated, r.value, tolerance)]
    low, high = min(history, key=lambda r: r.value), max(history, key=lambda r: r.value)
    period = f"{history[0].date.isoformat()} to {history[-1].date.isoformat()}"
    if len(good) == len(history):
        return _check(
            pair,
            "currency_conversion",
            "consistent",
            source.value * high.value,
            f"{pair.source.text} ≈ {pair.target.text} at every rate of {period}.",
            f"The article has no date, but every ECB rate from {period} "
            f"({rate_text(low)} to {rate_text(high)}) makes the conversion hold.",
        )
    nearest = min(history, key=lambda r: abs(source.value * r.value - stated.value))
    expected = source.value * nearest.value
    if not good:
        shift = next(
            (
                f
                for f in _POWERS
                if any(_agrees(source, _scaled(stated, 1 / f), r.value, tolerance) for r in history)
            ),
            None,
        )
        slip_kind: str | None
        if shift is not None:
            slip_kind, slip = "factor", f"likely a decimal slip (a factor of {times(shift)})."
        else:
            slip_kind, slip = _slip(pair, nearest, stated.value / expected, rates, config)
        return _check(
            pair,
            "currency_conversion",
            "inconsistent",
            expected,
            f"{pair.target.text} does not match {pair.source.text} at any rate of {period}.",
            f"The article has no date, but no ECB rate from {period} ({rate_text(low)} to "
            f"{rate_text(high)}) makes {pair.source.text} equal {pair.target.text}; the closest, "
            f"{rate_text(nearest)}, gives {_amount(expected, dst)}"
            + (f": {slip}" if slip else "."),
            slip_kind,
        )
    return _check(
        pair,
        "currency_conversion",
        "uncertain",
        expected,
        f"{pair.source.text} ≈ {pair.target.text} only at some rates: the date decides.",
        f"The article has no date; the conversion holds at the ECB rates of "
        f"{good[0].date.isoformat()} to {good[-1].date.isoformat()} (e.g. {rate_text(good[0])}) "
        f"but not at others between {period}.",
    )


def check_conversions(
    document: Document, claims: Sequence[Claim], rates: RateTable, config: Config
) -> Iterator[Check]:
    """One check per conversion pair of one document, in order."""
    lang = document.lang if document.lang in {"es", "en"} else "es"
    for source, target in conversion_pairs(document.text, claims, lang):
        pair = _Pair(document, source, target, lang)
        if source.quantity.dimension != "money":
            yield _unit_check(pair, config)
        elif document.date is not None:
            yield _dated_check(pair, document.date, rates, config)
        else:
            yield _undated_check(pair, _window(document, source), rates, config)

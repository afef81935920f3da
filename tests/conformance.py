"""Score factcheck against the peer conformance suites in ``tests/data/conformance/``.

The suites are Microsoft Recognizers-Text specs (see that folder's README): JSON
arrays of ``{"Input", "Results": [{"Text", "Start", "End", "Resolution"}]}``, kept
unchanged. This module reads them, runs the layer each one tests, and scores every
case. ``tests/test_conformance.py`` holds the pass rates to the floors in
``floors.toml``; run this module to see the table and the failures::

    python -m tests.conformance                      # per-file pass-rate table
    python -m tests.conformance --failures fails.txt # and every failed case
    python -m tests.conformance --failures fails.jsonl  # the same as JSON lines

Scoring, per model:

- ``NumberModel`` tests the number layer (``factcheck.numbers.find_numbers``), which
  reads every number, years included. Strict: the numbers found are exactly the
  expected ones, same spans (``End`` is inclusive in the specs) and values.
  Values: the multiset of values alone.
- ``PercentModel``: claims with unit ``percent`` from ``factcheck.extract`` when it
  imports; until then, numbers followed by a percent word or sign of the language data.
- ``NumberRangeModel``: the intervals the claims state ("más de 3000" → (3000,)),
  from their qualifier and ``low``/``high``. Plain claims stand for [v,v]; unmatched
  plain claims are not held against a case (the range model reports no plain numbers).
  A two-sided range is written ``[a,b)`` or ``(a,b)`` by the peer; a claim's qualifier
  ``range`` does not say which, so either bracket is accepted.
- ``CurrencyModel`` and ``DimensionModel``: claims whose value and unit match (the
  peer's unit names mapped to ours in ``_UNIT_NAMES``; subunits like "Cent" may also
  match the main unit at a hundredth). Strict also wants the claim's span to overlap
  the expected one: a claim's span leaves out qualifier words by design, so exact
  bounds are not required. A peer result without a value (a bare "rmb") is not a
  claim and is not expected; an extra claim of the tested kind fails the case.

Values compare with a relative tolerance (``REL_TOL``): the specs round thirds to 15
digits. A case is "python-supported" unless its ``NotSupported`` or
``NotSupportedByDesign`` names python (the peer's own port). Cases we choose not to
support are listed, each with a reason, in ``skips.toml`` and counted apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.lang import fold, language
from factcheck.numbers import find_numbers

__all__ = [
    "FLOORS",
    "SKIPS",
    "SPEC_ROOT",
    "SUITES",
    "Case",
    "Outcome",
    "Suite",
    "SuiteResult",
    "claim_layer",
    "floors",
    "format_table",
    "load_cases",
    "main",
    "run_suite",
    "sha256",
    "skips",
    "unit_choices",
]

DATA = Path(__file__).parent / "data" / "conformance"
SPEC_ROOT = DATA / "recognizers-text"
FLOORS = DATA / "floors.toml"
SKIPS = DATA / "skips.toml"

REL_TOL = Decimal("1e-9")


@dataclass(frozen=True, slots=True)
class Suite:
    """One spec file and how to run it."""

    path: str  # relative to SPEC_ROOT
    model: str  # number | percent | range | currency | dimension
    lang: str
    locale: str
    peer: tuple[int, int] | None = None  # the peer's python port: passed, of supported

    @property
    def layer(self) -> str:
        return "numbers" if self.model == "number" else "claims"

    @property
    def decimal_comma(self) -> bool:
        """Spanish (Spain) specs write resolved values with a decimal comma: "4,8"."""
        return self.locale == "es-ES"


SUITES: tuple[Suite, ...] = (
    Suite("Number/English/NumberModel.json", "number", "en", "en-US", (172, 211)),
    Suite("Number/Spanish/NumberModel.json", "number", "es", "es-ES", (190, 205)),
    Suite("Number/SpanishMexican/NumberModel.json", "number", "es", "es-MX"),
    Suite("Number/English/PercentModel.json", "percent", "en", "en-US"),
    Suite("Number/Spanish/PercentModel.json", "percent", "es", "es-ES"),
    Suite("Number/English/NumberRangeModel.json", "range", "en", "en-US"),
    Suite("Number/Spanish/NumberRangeModel.json", "range", "es", "es-ES"),
    Suite("NumberWithUnit/English/CurrencyModel.json", "currency", "en", "en-US"),
    Suite("NumberWithUnit/Spanish/CurrencyModel.json", "currency", "es", "es-ES", (101, 108)),
    Suite("NumberWithUnit/English/DimensionModel.json", "dimension", "en", "en-US"),
    Suite("NumberWithUnit/Spanish/DimensionModel.json", "dimension", "es", "es-ES"),
)


# --- what the specs expect ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    """A range as the peer writes it: "[10,15)", "(30,)", "(,100]"."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool
    high_closed: bool

    def __str__(self) -> str:
        low = "" if self.low is None else str(self.low)
        high = "" if self.high is None else str(self.high)
        return f"{'[' if self.low_closed else '('}{low},{high}{']' if self.high_closed else ')'}"


@dataclass(frozen=True, slots=True)
class Expected:
    """One result of a spec case; ``end`` is exclusive, unlike the spec's ``End``."""

    text: str
    start: int
    end: int
    raw: str | None  # Resolution.value as written
    value: Decimal | None
    unit: str | None = None  # Resolution.unit (peer's name)
    iso: str | None = None  # Resolution.isoCurrency
    subtype: str | None = None
    interval: Interval | None = None

    def show(self) -> str:
        what = self.raw if self.unit is None else f"{self.raw} {self.unit}"
        return f"{self.text!r}@{self.start}:{self.end}={what}"


@dataclass(frozen=True, slots=True)
class Case:
    suite: Suite
    index: int
    input: str
    expected: tuple[Expected, ...]
    python_supported: bool
    skip_reason: str | None = None
    dropped: int = 0  # peer results without a value (not claims), left out of `expected`


def _decimal(raw: str, comma: bool) -> Decimal | None:
    text = raw.strip().rstrip("%")
    if comma:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*),\s*([^,]*?)\s*([\])])$")


def _interval(raw: str) -> Interval | None:
    m = _INTERVAL.match(raw.strip())
    if m is None:
        return None
    low = Decimal(m.group(2)) if m.group(2).strip() else None
    high = Decimal(m.group(3)) if m.group(3).strip() else None
    return Interval(low, high, m.group(1) == "[", m.group(4) == "]")


def _names_python(field_value: Any) -> bool:
    return "python" in str(field_value or "").lower()


@cache
def skips() -> dict[tuple[str, str], str]:
    """(spec path, input) → reason, from skips.toml."""
    if not SKIPS.exists():
        return {}
    data = tomllib.loads(SKIPS.read_text("utf-8"))
    return {(s["file"], s["input"]): s["reason"] for s in data.get("skip", [])}


@cache
def load_cases(suite: Suite) -> tuple[Case, ...]:
    """The cases of one spec file, with the expected results parsed."""
    raw_cases = json.loads((SPEC_ROOT / suite.path).read_text("utf-8-sig"))
    skip = skips()
    cases = []
    for i, c in enumerate(raw_cases):
        expected = []
        dropped = 0
        for r in c.get("Results", []):
            res = r.get("Resolution") or {}
            raw = res.get("value")
            raw = None if raw in (None, "null") else str(raw)
            if suite.model in {"currency", "dimension", "percent"} and raw is None:
                dropped += 1  # "rmb", "percent" alone: a unit without an amount
                continue
            interval = _interval(raw) if suite.model == "range" and raw else None
            expected.append(
                Expected(
                    text=r["Text"],
                    start=r["Start"],
                    end=r["End"] + 1,
                    raw=raw,
                    value=_decimal(raw, suite.decimal_comma) if raw and not interval else None,
                    unit=res.get("unit"),
                    iso=res.get("isoCurrency"),
                    subtype=res.get("subtype"),
                    interval=interval,
                )
            )
        supported = not (
            _names_python(c.get("NotSupported")) or _names_python(c.get("NotSupportedByDesign"))
        )
        cases.append(
            Case(
                suite=suite,
                index=i,
                input=c["Input"],
                expected=tuple(expected),
                python_supported=supported,
                skip_reason=skip.get((suite.path, c["Input"])),
                dropped=dropped,
            )
        )
    return tuple(cases)


# --- what factcheck finds ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A number or claim, reduced to what the scoring needs."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None = None
    qualifier: str = "exact"
    low: Decimal | None = None
    high: Decimal | None = None

    def show(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        qual = "" if self.qualifier == "exact" else f" {self.qualifier}"
        bounds = f" [{self.low},{self.high}]" if self.qualifier != "exact" else ""
        return f"{self.text!r}@{self.start}:{self.end}={self.value}{unit}{qual}{bounds}"


ClaimFn = Callable[..., Sequence[Any]]


@cache
def claim_layer() -> tuple[ClaimFn | None, str]:
    """``factcheck.extract.extract_claims``, or None and why it could not be imported."""
    try:
        from factcheck.extract import extract_claims
    except Exception as exc:  # a module mid-edit may raise anything at import
        return None, f"factcheck.extract.extract_claims is not available ({exc!r})"
    return extract_claims, "factcheck.extract.extract_claims"


def _numbers(case: Case) -> tuple[Found, ...]:
    s = case.suite
    return tuple(
        Found(n.start, n.end, n.text, n.value) for n in find_numbers(case.input, s.lang, s.locale)
    )


def _claims(case: Case, extract: ClaimFn) -> tuple[Found, ...]:
    s = case.suite
    out = []
    for c in extract(case.input, s.lang, None, locale=s.locale):
        q = c.quantity
        out.append(
            Found(c.start, c.end, c.text, q.value, q.unit, c.qualifier or "exact", q.low, q.high)
        )
    return tuple(out)


@cache
def _percent_after(lang: str) -> re.Pattern[str]:
    """A percent sign or word right after a number, from the language data."""
    marks = language(lang).percent
    # Longest first, so "percentage points" wins over "percent" and is not a percent.
    alts = sorted(marks, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"\s*(?P<mark>{body})", re.IGNORECASE)


def _percents_from_numbers(case: Case) -> tuple[Found, ...]:
    """Fallback while the claim layer is missing: a number, then a percent mark."""
    s = case.suite
    pattern = _percent_after(s.lang)
    marks = {fold(k): v for k, v in language(s.lang).percent.items()}
    out = []
    for n in find_numbers(case.input, s.lang, s.locale):
        m = pattern.match(case.input, n.end)
        if m and marks.get(fold(re.sub(r"\s+", " ", m.group("mark")))) == "percent":
            out.append(Found(n.start, m.end(), case.input[n.start : m.end()], n.value, "percent"))
    return tuple(out)


# --- scoring -------------------------------------------------------------------------


def close(a: Decimal, b: Decimal) -> bool:
    """Equal within ``REL_TOL`` of the larger magnitude.

    >>> close(Decimal("0.666666666666667"), Decimal("0.6666666667"))
    True
    >>> close(Decimal("1E-12"), Decimal(0))
    False
    """
    return a == b or abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _overlaps(f: Found, e: Expected) -> bool:
    return f.start < e.end and e.start < f.end


# The peer's unit names → ours: ISO 4217 codes for money, pint names otherwise
# (docs/DESIGN "unit"). Several choices are space-separated; "GBP/100" means the
# peer's value is a hundredth of ours (a subunit may be reported either way).
# "Dollar" without a country is US dollars in these specs (US and Spanish newswire);
# "ton" is ambiguous (short, long, metric) and the language data read it as metric.
_UNIT_NAMES: dict[str, str] = {
    # money
    "Dollar": "USD", "Dólar": "USD", "United States dollar": "USD",
    "Dólar estadounidense": "USD", "Euro": "EUR", "Chinese yuan": "CNY", "Yuan chino": "CNY",
    "Pound": "GBP", "Libra": "GBP", "British pound": "GBP", "Canadian dollar": "CAD",
    "Dólar canadiense": "CAD", "Japanese yen": "JPY", "Yen": "JPY", "Australian dollar": "AUD",
    "Dólar australiano": "AUD", "New Zealand dollar": "NZD", "Dólar neozelandés": "NZD",
    "Hong Kong dollar": "HKD", "Dólar de Hong Kong": "HKD", "Mexican peso": "MXN",
    "Peso mexicano": "MXN", "Swiss franc": "CHF", "Franco suizo": "CHF", "Franc": "FRF CHF",
    "Franco": "FRF CHF", "Turkish lira": "TRY", "Rupee": "INR", "Sri Lankan rupee": "LKR",
    "Costa Rican colón": "CRC", "Georgian lari": "GEL", "Lao kip": "LAK",
    "Finnish markka": "FIM", "Marco finlandés": "FIM", "Peseta": "ESP",
    "Netherlands guilder": "NLG", "Florín neerlandés": "NLG", "Bitcoin": "XBT BTC",
    "Satoshi": "satoshi XBT/100000000 BTC/100000000", "Cent": "cent USD/100 EUR/100",
    "Centavo": "centavo USD/100 MXN/100 EUR/100", "Pence": "penny GBP/100",
    "Penny": "penny GBP/100", "Penique": "penny GBP/100", "Sen": "sen JPY/100",
    # dimensions
    "Meter": "meter", "Metro": "meter", "Kilometer": "kilometer", "Kilómetro": "kilometer",
    "Decimeter": "decimeter", "Millimeter": "millimeter", "Milímetro": "millimeter",
    "Picometer": "picometer", "Foot": "foot", "Pie": "foot", "Inch": "inch", "Pulgada": "inch",
    "Mile": "mile", "Milla": "mile", "Square meter": "square_meter",
    "Metro cuadrado": "square_meter", "Square kilometer": "square_kilometer",
    "Kilómetro cuadrado": "square_kilometer", "Acre": "acre",
    "Kilometer per hour": "kilometer_per_hour", "Mile per hour": "mile_per_hour",
    "Milla por hora": "mile_per_hour", "Meter per millisecond": "meter_per_millisecond",
    "Centimeter per millisecond": "centimeter_per_millisecond",
    "Kilometer per millisecond": "kilometer_per_millisecond",
    "Ton": "metric_ton ton short_ton", "Tonelada": "metric_ton ton",
    "Metric ton": "metric_ton", "Tonelada métrica": "metric_ton", "Kilogram": "kilogram",
    "Gram": "gram", "Microgram": "microgram", "Pound (weight)": "pound", "Ounce": "ounce",
    "Onza": "ounce", "Dram": "dram", "Gallon": "gallon", "Galón": "gallon", "Barrel": "barrel",
    "Barril": "barrel", "Milliliter": "milliliter", "Mililitro": "milliliter",
    "Cubic foot": "cubic_foot", "Pie cúbico": "cubic_foot",
    "Centímetro cúbico": "cubic_centimeter", "Tablespoon": "tablespoon",
    "Teaspoon": "teaspoon", "Cup": "cup", "Bit": "bit", "bit": "bit", "Megabit": "megabit",
    "Megabyte": "megabyte", "Degree": "degree", "Radian": "radian", "Turn": "turn",
}  # fmt: skip


def _choices(spec: str) -> tuple[tuple[str, Decimal], ...]:
    out = []
    for token in spec.split():
        unit, _, divisor = token.partition("/")
        out.append((unit, 1 / Decimal(divisor) if divisor else Decimal(1)))
    return tuple(out)


def unit_choices(suite: Suite, e: Expected) -> tuple[tuple[str, Decimal], ...]:
    """Our units (with factor) that stand for the peer's; empty when not mapped."""
    if suite.model == "percent":
        return (("percent", Decimal(1)),)
    name = e.unit or ""
    if suite.model == "dimension" and name in {"Pound", "Libra"}:
        name = "Pound (weight)"
    choices = _choices(_UNIT_NAMES.get(name, ""))
    if e.iso and not any(u == e.iso for u, _ in choices):
        choices = ((e.iso, Decimal(1)), *choices)
    return choices


_ISO = re.compile(r"^[A-Z]{3}$")
_NOT_DIMENSION = {"count", "percent", "percentage_point"}


def _in_kind(suite: Suite, f: Found) -> bool:
    """Whether a claim is of the kind a unit suite tests (extras of it fail a case)."""
    unit = f.unit or ""
    money = bool(_ISO.match(unit)) or unit in {"cent", "centavo", "penny", "sen", "satoshi"}
    if suite.model == "currency":
        return money
    if suite.model == "percent":
        return unit == "percent"
    if suite.model == "dimension":
        time = language(suite.lang).dimensions.get(unit) == "time"
        return not money and not time and unit not in _NOT_DIMENSION
    return True


_INTERVAL_QUALIFIERS = {"more_than", "at_least", "less_than", "at_most", "range"}


def _claim_interval(f: Found) -> Interval:
    """The interval a claim states, the way the peer writes ranges."""
    q = f.qualifier
    if q == "more_than":
        return Interval(f.value, None, False, False)
    if q == "at_least":
        return Interval(f.value, None, True, False)
    if q == "less_than":
        return Interval(None, f.value, False, False)
    if q == "at_most":
        return Interval(None, f.value, False, True)
    if q == "range":
        return Interval(f.low, f.high, True, False)
    return Interval(f.value, f.value, True, True)


def _same_bound(a: Decimal | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and close(a, b))


def _interval_match(got: Interval, want: Interval, f: Found, brackets: bool) -> bool:
    if not (_same_bound(got.low, want.low) and _same_bound(got.high, want.high)):
        return False
    if not brackets or f.qualifier == "range":
        return True  # a two-sided range does not say whether its ends are in
    return (
        (got.low_closed, got.high_closed) == (want.low_closed, want.high_closed)
        or (got.low is None and got.high_closed == want.high_closed)
        or (got.high is None and got.low_closed == want.low_closed)
    )


def _matches(suite: Suite, f: Found, e: Expected, strict: bool) -> bool:
    if suite.model == "number":
        if e.value is None or not close(f.value, e.value):
            return False
        return not strict or (f.start, f.end) == (e.start, e.end)
    if suite.model == "range":
        if e.interval is None:
            return False
        ok = _interval_match(_claim_interval(f), e.interval, f, brackets=strict)
        return ok and (not strict or _overlaps(f, e))
    if e.value is None:
        return False
    for unit, factor in unit_choices(suite, e):
        if f.unit == unit and close(f.value, e.value * factor):
            return not strict or _overlaps(f, e)
    return False


def _assign(
    suite: Suite, found: Sequence[Found], expected: Sequence[Expected], strict: bool
) -> tuple[list[Expected], list[Found]]:
    """Pair each expected result with a distinct find; return what stays unpaired."""
    free = list(found)
    missing = []
    for e in expected:
        for i, f in enumerate(free):
            if _matches(suite, f, e, strict):
                del free[i]
                break
        else:
            missing.append(e)
    return missing, free


def _extra_counts(suite: Suite, f: Found) -> bool:
    """Whether an unpaired find fails the case."""
    if suite.model == "number":
        return True
    if suite.model == "range":
        return f.qualifier in _INTERVAL_QUALIFIERS
    return _in_kind(suite, f)


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    found: tuple[Found, ...]
    strict: bool
    values: bool
    missing: tuple[Expected, ...] = ()
    extra: tuple[Found, ...] = ()
    category: str = ""


_POWER = re.compile(r"\^|\d\s*e\s*[-+]?\d|x\s*10", re.IGNORECASE)
_NEGATIVE = re.compile(r"^\s*(?:-|−|minus\b|menos\b|negative\b|negativo)", re.IGNORECASE)


def _categorize(
    case: Case, found: Sequence[Found], missing: Sequence[Expected], values_ok: bool
) -> str:
    """A rough name for why a case failed, to group failures in the docs."""
    suite = case.suite
    if values_ok:
        return "open/closed end" if suite.model == "range" else "span differs"
    if not missing:
        return "false positive"
    text = " ".join(e.text for e in missing)
    if _POWER.search(text):
        return "power/scientific notation"
    if _NEGATIVE.match(text) or any(e.value is not None and e.value < 0 for e in missing):
        return "negative number"
    near = [f for f in found if any(_overlaps(f, e) for e in missing)]
    if not near:
        return "missed"
    if suite.model in {"currency", "dimension", "percent"}:
        for e in missing:
            for f in found:
                if _overlaps(f, e) and e.value is not None and close(f.value, e.value):
                    if not unit_choices(suite, e):
                        return f"unmapped unit {e.unit!r}"
                    if f.unit == "count":
                        return "unit not recognized (read as a count)"
                    return "wrong unit"
        return "wrong value or split"
    if suite.model == "range":
        if all(f.qualifier == "exact" for f in near):
            return "range phrase not recognized"
        return "wrong interval"
    if re.match(r"^[.,]\d", text):
        return "leading decimal mark"
    if "/" in text:
        return "fraction with slash"
    if any(e.subtype == "fraction" for e in missing):
        return "fraction in words"
    return "wrong value or split"


def score(case: Case, found: tuple[Found, ...]) -> Outcome:
    """Score one case against what the layer found."""
    suite = case.suite
    results = []
    for strict in (True, False):
        missing, free = _assign(suite, found, case.expected, strict)
        extra = [f for f in free if _extra_counts(suite, f)]
        results.append((not missing and not extra, missing, extra))
    (strict_ok, missing, extra), (values_ok, _, _) = results
    category = "" if strict_ok else _categorize(case, found, missing, values_ok)
    return Outcome(case, found, strict_ok, values_ok, tuple(missing), tuple(extra), category)


def find(case: Case, extract: ClaimFn | None) -> tuple[Found, ...]:
    """Run the layer a suite tests on one case."""
    if case.suite.model == "number":
        return _numbers(case)
    if extract is None:
        if case.suite.model == "percent":
            return _percents_from_numbers(case)
        raise LookupError("the claim layer is not available")
    return _claims(case, extract)


@dataclass(slots=True)
class SuiteResult:
    suite: Suite
    layer: str  # "numbers", "claims", "numbers + percent mark", or "unavailable: ..."
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Case] = field(default_factory=list)
    cases: int = 0
    python_supported: int = 0
    errors: list[tuple[Case, str]] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return not self.layer.startswith("unavailable")

    def _count(self, attr: str, python_only: bool) -> tuple[int, int]:
        pool = [o for o in self.outcomes if o.case.python_supported or not python_only]
        return sum(1 for o in pool if getattr(o, attr)), len(pool)

    def strict(self, python_only: bool = False) -> tuple[int, int]:
        return self._count("strict", python_only)

    def values(self, python_only: bool = False) -> tuple[int, int]:
        return self._count("values", python_only)

    def rate(self, kind: str = "strict", python_only: bool = False) -> float:
        passed, total = self._count(kind, python_only)
        return passed / total if total else 0.0

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.strict]


def run_suite(suite: Suite, extract: ClaimFn | bool | None = True) -> SuiteResult:
    """Score every case of one suite. ``extract``: a claim function, None for none, or
    True for ``factcheck.extract.extract_claims`` when it imports."""
    why = ""
    if extract is True:
        extract, why = claim_layer()
    elif extract is None:
        why = "claim layer not used"
    fn: ClaimFn | None = extract if callable(extract) else None
    cases = load_cases(suite)
    if suite.model == "number":
        layer = "numbers"
    elif fn is not None:
        layer = "claims"
    elif suite.model == "percent":
        layer = "numbers + percent mark"
    else:
        layer = f"unavailable: {why}"
    result = SuiteResult(
        suite, layer, cases=len(cases), python_supported=sum(c.python_supported for c in cases)
    )
    for case in cases:
        if case.skip_reason:
            result.skipped.append(case)
            continue
        if not result.available:
            continue
        try:
            found = find(case, fn)
        except Exception as exc:  # one crashing case should not hide the others
            result.errors.append((case, repr(exc)))
            result.outcomes.append(
                Outcome(case, (), False, False, case.expected, (), f"error: {type(exc).__name__}")
            )
            continue
        result.outcomes.append(score(case, found))
    return result


# --- floors and manifest -----------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def floors() -> dict[str, Any]:
    return tomllib.loads(FLOORS.read_text("utf-8")) if FLOORS.exists() else {}


# --- reporting ---------------------------------------------------------------------------


def _frac(pair: tuple[int, int]) -> str:
    passed, total = pair
    return f"{passed}/{total} ({100 * passed / total:.0f}%)" if total else "–"


def format_table(results: Iterable[SuiteResult]) -> str:
    """A Markdown table: strict and value-only pass rates, all cases and python-supported."""
    head = (
        "| file | layer | cases | py-supported | skipped | strict, all | strict, py-supported "
        "| values, all | values, py-supported | peer (python port) |"
    )
    lines = [head, "|" + "---|" * 10]
    for r in results:
        s = r.suite
        peer = f"{s.peer[0]}/{s.peer[1]} ({100 * s.peer[0] / s.peer[1]:.0f}%)" if s.peer else ""
        if r.available:
            cells = [
                _frac(r.strict()),
                _frac(r.strict(True)),
                _frac(r.values()),
                _frac(r.values(True)),
            ]
        else:
            cells = ["needs extract_claims"] * 4
        layer = r.layer if r.available else "claims (missing)"
        lines.append(
            f"| {s.path} | {layer} | {r.cases} | {r.python_supported} | {len(r.skipped)} | "
            + " | ".join(cells)
            + f" | {peer} |"
        )
    return "\n".join(lines)


def format_categories(results: Iterable[SuiteResult]) -> str:
    lines = []
    for r in results:
        counts = Counter(o.category for o in r.failures())
        if counts:
            parts = ", ".join(f"{k}: {v}" for k, v in counts.most_common())
            lines.append(f"- {r.suite.path}: {parts}")
    return "\n".join(lines)


def _failure_record(o: Outcome) -> dict[str, Any]:
    c = o.case
    return {
        "file": c.suite.path,
        "index": c.index,
        "input": c.input,
        "python_supported": c.python_supported,
        "category": o.category,
        "values_ok": o.values,
        "expected": [e.show() for e in c.expected],
        "got": [f.show() for f in o.found],
        "missing": [e.show() for e in o.missing],
        "extra": [f.show() for f in o.extra],
    }


def write_failures(results: Iterable[SuiteResult], path: Path) -> int:
    """Write every failed case with what was expected and what was found."""
    records = [_failure_record(o) for r in results for o in r.failures()]
    if path.suffix == ".jsonl":
        text = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    else:
        chunks = []
        for rec in records:
            py = "" if rec["python_supported"] else "  [not supported by the python port]"
            chunks.append(
                f"{rec['file']} #{rec['index']}  ({rec['category']}){py}\n"
                f"  input:    {rec['input']!r}\n"
                f"  expected: {'; '.join(rec['expected']) or '(nothing)'}\n"
                f"  got:      {'; '.join(rec['got']) or '(nothing)'}\n"
            )
        text = "\n".join(chunks)
    path.write_text(text, "utf-8")
    return len(records)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.conformance", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--failures",
        type=Path,
        metavar="FILE",
        help="write every failed case (.jsonl: JSON lines; else text)",
    )
    parser.add_argument(
        "--no-claims", action="store_true", help="do not use factcheck.extract even when it imports"
    )
    parser.add_argument("--only", metavar="TEXT", help="only spec files whose path contains TEXT")
    args = parser.parse_args(argv)
    suites = [s for s in SUITES if not args.only or args.only.lower() in s.path.lower()]
    extract: ClaimFn | bool | None = None if args.no_claims else True
    results = [run_suite(s, extract) for s in suites]
    print(format_table(results))
    _, why = claim_layer()
    if not args.no_claims and claim_layer()[0] is None:
        print(f"\nclaim-layer suites not scored: {why}")
    print("\nFailure categories (strict):")
    print(format_categories(results))
    errors = [(c, e) for r in results for c, e in r.errors]
    for case, err in errors[:20]:
        print(f"error in {case.suite.path} #{case.index} {case.input!r}: {err}", file=sys.stderr)
    if args.failures:
        n = write_failures(results, args.failures)
        print(f"\n{n} failed cases written to {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

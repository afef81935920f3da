"""Properties of the number layer (hypothesis): nothing raises, numbers read back."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims
from factcheck.numbers import find_numbers, parse_number

_ES_UNITS = [
    "",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_ES_TENS = [
    "",
    "",
    "",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
]
_ES_HUNDREDS = [
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
]
_EN_UNITS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _es_below_1000(n: int) -> str:
    """Spell 1..999 in Spanish as the RAE writes it ("ciento veintitrés")."""
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    words = [_ES_HUNDREDS[hundreds]] if hundreds else []
    if rest < 30:
        words.append(_ES_UNITS[rest])
    else:
        tens, unit = divmod(rest, 10)
        words.append(_ES_TENS[tens] + (f" y {_ES_UNITS[unit]}" if unit else ""))
    return " ".join(w for w in words if w)


def spell_es(n: int) -> str:
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words = []
    if millions:
        words.append("un millón" if millions == 1 else f"{_es_below_1000(millions)} millones")
    if thousands:
        words.append("mil" if thousands == 1 else f"{_es_below_1000(thousands)} mil")
    if units:
        words.append(_es_below_1000(units))
    return " ".join(words)


def _en_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_EN_UNITS[hundreds]} hundred"] if hundreds else []
    if rest < 20:
        words.append(_EN_UNITS[rest])
    else:
        tens, unit = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else ""))
    return " ".join(w for w in words if w)


def spell_en(n: int) -> str:
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words = []
    if millions:
        words.append(f"{_en_below_1000(millions)} million")
    if thousands:
        words.append(f"{_en_below_1000(thousands)} thousand")
    if units:
        words.append(_en_below_1000(units))
    return " ".join(words)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
@example("1E100")  # a figure too large for "% 10" in Decimal's default context
def test_no_text_raises(text: str) -> None:
    for lang in ("es", "en"):
        extract_claims(text, lang)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1",
                "23",
                "456",
                ",",
                ".",
                " ",
                "mil",
                "millones",
                "y",
                "-",
                "$",
                "%",
                "de",
                "2025",
                "\u00a0",
                "bn",
                "a",
                "un",
            ]
        ),
        max_size=60,
    )
)
def test_number_soup_does_not_raise(tokens: list[str]) -> None:
    text = "".join(tokens)
    for lang in ("es", "en"):
        for locale in (None, "es-ES") if lang == "es" else (None,):
            extract_claims(text, lang, locale=locale)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_read_back(n: int) -> None:
    english = f"{n:,}"
    assert parse_number(english, "en") == n
    assert parse_number(english, "es") == n or (n >= 1000 and english.count(",") == 1)
    assert parse_number(english.replace(",", "."), "es", "es-ES") == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_decimals_read_back(whole: int, places: int) -> None:
    value = Decimal(whole) + Decimal(7).scaleb(-places)
    written = f"{value:.{places}f}"
    assert parse_number(written, "en") == value
    if places != 3:  # "1.234" alone is thousands in Spain, and so it must read
        assert parse_number(written.replace(".", ","), "es", "es-ES") == value


@given(st.integers(min_value=1, max_value=999_999_999))
def test_spanish_words_read_back(n: int) -> None:
    assert parse_number(spell_es(n), "es") == n


@given(st.integers(min_value=1, max_value=999_999_999))
def test_english_words_read_back(n: int) -> None:
    assert parse_number(spell_en(n), "en") == n


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_mixed_spanish_reads_back(thousands: int, units: int) -> None:
    written = f"{thousands} mil {units:03d}" if units else f"{thousands} mil"
    assert parse_number(written, "es") == thousands * 1000 + units


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=40))
def test_digit_runs_are_found_once(run: str) -> None:
    numbers = find_numbers(run, "es")
    assert all(0 <= n.start < n.end <= len(run) for n in numbers)
    assert all(a.end <= b.start for a, b in itertools.pairwise(numbers))

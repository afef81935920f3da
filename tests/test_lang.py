"""The language data files: consistent with each other and with pint."""

from __future__ import annotations

from decimal import Decimal

import pint
import pytest

from factcheck._measure import _dimension
from factcheck.lang import available_languages, language
from factcheck.normalize import _registry, convert_unit, pint_expression

DIMENSIONS = {
    "length": "[length]",
    "area": "[length] ** 2",
    "volume": "[length] ** 3",
    "mass": "[mass]",
    "speed": "[length] / [time]",
    "temperature": "[temperature]",
    "time": "[time]",
    "power": "[length] ** 2 * [mass] / [time] ** 3",
    "energy": "[length] ** 2 * [mass] / [time] ** 2",
    "flow": "[length] ** 3 / [time]",
    # pint counts bits as a dimensionless base unit
    "information": "",
    "data_rate": "1 / [time]",
    "frequency": "1 / [time]",
    "angle": "",
    # parts per million and per billion: pure ratios
    "concentration": "",
}


@pytest.fixture(scope="module")
def ureg() -> pint.UnitRegistry:
    return _registry()  # with the units factcheck defines (ppb)


@pytest.mark.parametrize("code", available_languages())
def test_units_are_pint_units_of_the_stated_dimension(code: str, ureg: pint.UnitRegistry) -> None:
    lang = language(code)
    for written, unit in lang.units.items():
        dimension = lang.dimensions[unit]
        dims = ureg.Quantity(1, pint_expression(unit)).dimensionality
        assert dims == ureg.get_dimensionality(DIMENSIONS[dimension]), (written, unit)


@pytest.mark.parametrize("code", available_languages())
def test_composed_rates_are_pint_units_of_their_dimension(
    code: str, ureg: pint.UnitRegistry
) -> None:
    """ "50 meters per millisecond", "200 litros por segundo": every length or volume over
    every unit of time a rate may name is a speed or a flow that pint reads."""
    lang = language(code)
    times = {*lang.rate_times.values(), *lang.rate_time_symbols.values()}
    heads = {u for u in lang.units.values() if lang.dimensions[u] in {"length", "volume"}}
    assert times and heads
    for head in heads:
        for time in times:
            unit = f"{head}_per_{time}"
            dimension = _dimension(unit, lang)
            dims = ureg.Quantity(1, pint_expression(unit)).dimensionality
            assert dims == ureg.get_dimensionality(DIMENSIONS[dimension]), unit


def test_composed_rates_convert_to_listed_compounds() -> None:
    assert convert_unit(Decimal(1000), "liter_per_second", "cubic_meter_per_second") == 1
    assert convert_unit(Decimal(1), "meter_per_millisecond", "kilometer_per_hour") == 3600
    assert convert_unit(Decimal(100), "kilometer_per_hour", "mile_per_hour") == Decimal(
        "62.1371192237"
    )


@pytest.mark.parametrize("code", available_languages())
def test_every_language_has_a_default_locale(code: str) -> None:
    lang = language(code)
    assert lang.default_locale in lang.locales
    assert lang.locale(None).decimal in {".", ","}


def test_languages_share_one_schema() -> None:
    import tomllib
    from importlib import resources

    keys = {
        code: set(
            tomllib.loads(
                resources.files("factcheck.lang").joinpath(f"{code}.toml").read_text("utf-8")
            )
        )
        for code in available_languages()
    }
    assert len({frozenset(k) for k in keys.values()}) == 1, keys

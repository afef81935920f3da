"""Normalization: physical quantities into base units with pint, money left alone.

Money stays in its own currency: converting it needs a rate at a date, which the
checks ask :mod:`factcheck.rates` for. Physical units go through one pint
``UnitRegistry``, made on first use (building it takes a few hundred milliseconds).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.errors import ConfigError
from factcheck.model import Quantity

__all__ = ["base_unit", "convert_unit", "is_physical", "pint_expression", "to_base"]

# Names factcheck writes for units that pint spells as products.
_ALIASES = {
    "square_meter": "meter ** 2",
    "square_kilometer": "kilometer ** 2",
    "cubic_meter": "meter ** 3",
    "cubic_hectometer": "hectometer ** 3",
    "barrel_per_day": "barrel / day",
    "square_foot": "foot ** 2",
    "cubic_meter_per_second": "meter ** 3 / second",
    "megabit_per_second": "megabit / second",
    "gigabit_per_second": "gigabit / second",
    "part_per_million": "ppm",
    "part_per_billion": "ppb",
}
_NOT_PHYSICAL = frozenset({"count", "ratio", "percent", "percentage_point"})


def pint_expression(unit: str) -> str:
    """The expression pint reads for one of factcheck's unit names.

    >>> pint_expression("square_meter"), pint_expression("kilometer")
    ('meter ** 2', 'kilometer')
    >>> pint_expression("cubic_meter_per_minute")
    'meter ** 3 / minute'
    """
    if unit in _ALIASES:
        return _ALIASES[unit]
    head, per, time = unit.rpartition("_per_")
    if per and time in _TIMES:  # "liter_per_second", "meter_per_millisecond"
        return f"{pint_expression(head)} / {time}"
    return unit


# The units of time a rate's name may end with (factcheck._measure composes them).
_TIMES = frozenset({"second", "millisecond", "minute", "hour"})


@cache
def _registry() -> Any:
    import pint  # an edge: loaded on first use, never at import

    registry: Any = pint.UnitRegistry()
    registry.define("ppb = 1e-3 * ppm")  # pint knows parts per million only
    return registry


def is_physical(unit: str) -> bool:
    """Whether ``unit`` is a physical unit (not money, a count, a share or a ratio).

    >>> is_physical("kilometer"), is_physical("MXN"), is_physical("percent")
    (True, False, False)
    """
    return unit not in _NOT_PHYSICAL and not (len(unit) == 3 and unit.isupper())


def convert_unit(value: Decimal, unit: str, target: str) -> Decimal:
    """``value`` in ``unit`` expressed in ``target`` (temperatures included).

    >>> round(convert_unit(Decimal(10), "kilometer", "mile"), 4)
    Decimal('6.2137')
    >>> convert_unit(Decimal(20), "degree_Celsius", "degree_Fahrenheit")
    Decimal('68')
    """
    ureg = _registry()
    try:
        # pint's offset units (°C) need floats; twelve significant digits are kept,
        # far finer than any figure a newspaper prints.
        quantity = ureg.Quantity(float(value), pint_expression(unit))
        converted = float(quantity.to(pint_expression(target)).magnitude)
    except Exception as error:  # pint raises several unrelated types
        raise ConfigError(f"cannot convert {unit!r} to {target!r}: {error}") from error
    result = Decimal(f"{converted:.12g}")
    return Decimal(int(result)) if result == result.to_integral_value() else result.normalize()


@cache
def base_unit(unit: str) -> str:
    """The SI base unit of one of factcheck's unit names, as pint writes it.

    >>> base_unit("kilometer"), base_unit("hectare")
    ('meter', 'meter ** 2')
    """
    return str(_registry().Quantity(1, pint_expression(unit)).to_base_units().units)


def to_base(quantity: Quantity) -> Quantity:
    """The same quantity in SI base units; money, counts and shares are returned unchanged.

    >>> from factcheck.model import Quantity
    >>> km = Quantity(Decimal("1.5"), Decimal("1.45"), Decimal("1.55"), "kilometer", "length")
    >>> q = to_base(km)
    >>> q.value, q.low, q.unit
    (Decimal('1500'), Decimal('1450'), 'meter')
    """
    if not is_physical(quantity.unit):
        return quantity
    target = base_unit(quantity.unit)

    def convert(v: Decimal | None) -> Decimal | None:
        return None if v is None else convert_unit(v, quantity.unit, target)

    return Quantity(
        value=convert_unit(quantity.value, quantity.unit, target),
        low=convert(quantity.low),
        high=convert(quantity.high),
        unit=target.replace(" ** ", "**").replace(" ", ""),
        dimension=quantity.dimension,
    )

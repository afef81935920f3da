"""Exchange rates: table-driven cases (tests/data/rates_cases.jsonl) and the file reader."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from factcheck.errors import InputError
from factcheck.rates import RateTable, load_rates

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "rates_cases.jsonl").open(encoding="utf-8")
]


@pytest.fixture(scope="module")
def table() -> RateTable:
    return load_rates()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rate(case: dict[str, Any], table: RateTable) -> None:
    rate = table.rate(case["base"], case["quote"], date.fromisoformat(case["on"]))
    if "rate" in case and case["rate"] is None:
        assert rate is None
        return
    assert rate is not None
    if case.get("rate"):
        expected = Decimal(case["rate"])
        assert abs(rate.value - expected) <= expected * Decimal("1e-5")
    if "rate_date" in case:
        assert rate.date == date.fromisoformat(case["rate_date"])


def test_first_dates(table: RateTable) -> None:
    assert table.first_date("MXN") == date(2008, 1, 2)
    assert table.first_date("USD") == date(1999, 1, 4)
    assert table.first_date("EUR") == date(1999, 1, 4)


def test_a_newer_file_can_be_given(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("Date,USD,MXN,\n2030-01-03,1.20,24.00,\n2030-01-02,1.10,N/A,\n", "utf-8")
    table = load_rates(path)
    assert table.rate("USD", "MXN", date(2030, 1, 3)).value == Decimal(20)  # type: ignore[union-attr]
    assert table.rate("USD", "MXN", date(2030, 1, 2)) is None
    assert table.rate("EUR", "USD", date(2030, 1, 2)).value == Decimal("1.10")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an ECB rates file"),
        (b"when,USD\n2020-01-01,1.1\n", "not an ECB rates file"),
        (b"Date,USD\nyesterday,1.1\n", ":2: unreadable row"),
        (b"Date,USD\n2020-01-01,abc\n", ":2: unreadable row"),
    ],
)
def test_bad_rates_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as error:
        load_rates(path)
    assert str(path) in str(error.value)


def test_missing_rates_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the rates file"):
        load_rates(tmp_path / "nope.zip")

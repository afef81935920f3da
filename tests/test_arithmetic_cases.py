"""Table-driven arithmetic checks: tests/data/arithmetic_cases.jsonl, written apart
from the code (schema in tests/data/README.md). Each case names the check, the verdict
expected over the figures listed, or "none" where no check may be made; known gaps
are strict xfail with what the code does instead. ``python -m tests.arithmetic``
prints the failures."""

from __future__ import annotations

from typing import Any

import pytest

from tests.arithmetic import cases, outcome


def _params() -> list[Any]:
    params = []
    for case in cases():
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_arithmetic_case(case: dict[str, Any]) -> None:
    got, why = outcome(case)
    assert not why, f"{case['text']}\nexpected {case['expect']}, got {got}: {why}"


def test_precision_first() -> None:
    """No consistent text is called inconsistent, and no unrelated numbers are linked
    into an inconsistent verdict, known gaps included."""
    wrong = []
    for case in cases():
        got, _ = outcome(case)
        if got == "inconsistent" and case["expect"] in {"consistent", "none"}:
            wrong.append(case["id"])
    assert wrong == []


def test_table_is_large_enough() -> None:
    table = cases()
    assert len(table) >= 80
    assert {c["lang"] for c in table} == {"es", "en"}
    assert {c["expect"] for c in table} >= {"consistent", "inconsistent", "none"}

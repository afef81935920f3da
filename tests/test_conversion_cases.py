"""Table-driven conversion checks: tests/data/conversion_cases.jsonl (schema in
tests/data/README.md). Each case lists every conversion pair of its text with the
verdict and, for an inconsistent one, the slip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.checks import check_conversions
from factcheck.config import Config
from factcheck.extract import extract_document
from factcheck.model import Document
from factcheck.rates import RateTable, load_rates

CASES_FILE = Path(__file__).parent / "data" / "conversion_cases.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in CASES_FILE.read_text("utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            )
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


CASES = _cases()


@pytest.fixture(scope="module")
def rates() -> RateTable:
    return load_rates()


def test_enough_cases() -> None:
    checks = [c for p in CASES for c in p.values[0]["checks"]]
    assert len(CASES) >= 60
    assert {c["verdict"] for c in checks} == {"consistent", "inconsistent", "uncertain"}
    assert {p.values[0]["lang"] for p in CASES} == {"es", "en"}


@pytest.mark.parametrize("case", CASES)
def test_conversion_case(case: dict[str, Any], rates: RateTable) -> None:
    day = date.fromisoformat(case["date"]) if case.get("date") else None
    doc = Document("case", case["text"], date=day, lang=case["lang"], locale=case.get("locale"))
    claims = {c.id: c for c in extract_document(doc)}
    got = [
        {
            "from": claims[check.claim_ids[0]].text,
            "to": claims[check.claim_ids[1]].text,
            "verdict": check.verdict,
            **({"slip": check.slip} if check.verdict == "inconsistent" else {}),
        }
        for check in check_conversions(doc, list(claims.values()), rates, Config())
    ]
    expected = [
        {
            k: v
            for k, v in c.items()
            if k in {"from", "to", "verdict"} or (k == "slip" and c["verdict"] == "inconsistent")
        }
        for c in case["checks"]
    ]
    assert got == expected, case.get("comment")

"""Table-driven extraction cases: tests/data/extract_cases.jsonl (schema: tests/data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import extract_claims
from tests.claimcheck import compare

CASES_FILE = Path(__file__).parent / "data" / "extract_cases.jsonl"


def _cases() -> list[Any]:
    params = []
    for line in CASES_FILE.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


CASES = _cases()


def test_enough_cases() -> None:
    langs = [c.values[0]["lang"] for c in CASES]
    assert len(CASES) >= 200
    assert min(langs.count("es"), langs.count("en")) >= 80
    assert sum(1 for c in CASES if not c.values[0]["claims"]) >= 40


def test_case_ids_are_unique() -> None:
    ids = [c.values[0]["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("case", CASES)
def test_extract_case(case: dict[str, Any]) -> None:
    got = extract_claims(case["text"], case["lang"], locale=case.get("locale"))
    assert compare(case["claims"], got) == [], case["text"]

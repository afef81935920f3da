"""Run the arithmetic case table (tests/data/arithmetic_cases.jsonl) and say which
cases fail: ``python -m tests.arithmetic``. The test module asserts the same."""

from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.checks import arithmetic_growth, arithmetic_percentage, arithmetic_total
from factcheck.checks.shares import implied_claims
from factcheck.extract import extract_document
from factcheck.model import Check, Claim, Document

CASES_FILE = Path(__file__).parent / "data" / "arithmetic_cases.jsonl"
CHECKS = {
    "arithmetic_percentage": arithmetic_percentage,
    "arithmetic_total": arithmetic_total,
    "arithmetic_growth": arithmetic_growth,
}


def cases() -> list[dict[str, Any]]:
    lines = CASES_FILE.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _involves(check: Check, texts: list[str], claims: dict[str, Claim]) -> bool:
    mine = [claims[i].text for i in check.claim_ids if i in claims]
    return all(t in mine for t in texts)


def outcome(case: dict[str, Any]) -> tuple[str, str]:
    """(what the case got, why it fails or "")."""
    doc = Document("case", case["text"], lang=case["lang"])
    claims = extract_document(doc)
    by_id = {c.id: c for c in claims}
    made = CHECKS[case["kind"]](doc, claims)
    if case["expect"] == "none":
        got = ",".join(c.verdict for c in made) or "none"
        return got, "" if not made else f"unexpected check: {[c.message for c in made]}"
    mine = [c for c in made if _involves(c, case["claims"], by_id)]
    if not mine:
        return "none", f"no check over {case['claims']}; made {[c.message for c in made]}"
    got = mine[0].verdict
    if got != case["expect"]:
        return got, mine[0].message
    if case.get("derived"):
        want = Decimal(str(case["derived"]["value"]))
        values = [c.quantity.value for c in implied_claims(doc, claims)]
        if not any(abs(v - want) <= abs(want) * Decimal("0.01") for v in values):
            return "wrong-derived", f"implied {values}, expected {want}"
    return got, ""


def main() -> int:
    tally: Counter[tuple[str, bool]] = Counter()
    for case in cases():
        got, why = outcome(case)
        tally[(case["kind"], not why)] += 1
        if why:
            print(f"{case['id']}: expected {case['expect']}, got {got}: {why}")
    for kind in CHECKS:
        ok, bad = tally[(kind, True)], tally[(kind, False)]
        print(f"{kind}: {ok}/{ok + bad} pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The five seed articles: every claim right, and none of their years, dates or codes.

Expected claims were written by reading the articles (fixtures/seed_claims.json),
independently of the extractor's output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import extract_claims
from tests.claimcheck import compare

ROOT = Path(__file__).resolve().parent.parent
SEEDS: dict[str, Any] = json.loads((ROOT / "fixtures" / "seed_claims.json").read_text("utf-8"))


def _text(name: str) -> str:
    return (ROOT / "seeds" / name).read_text("utf-8")


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_claims(name: str) -> None:
    expected = SEEDS[name]
    got = extract_claims(_text(name), expected["lang"])
    assert compare(expected["claims"], got) == []


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_not_claims(name: str) -> None:
    text = _text(name)
    claims = extract_claims(text, SEEDS[name]["lang"])
    pos = 0
    for item in SEEDS[name]["not_claims"]:
        start = text.index(item["text"], pos)
        end = start + len(item["text"])
        pos = start + 1
        hits = [c.text for c in claims if c.start < end and start < c.end]
        assert hits == [], f"{item['text']!r} ({item['why']}) taken as a claim: {hits}"

"""The pieces the clustering decides with, case by case (tests/data/cluster_cases.jsonl):
the subject a sentence gives a figure and what of it is compared (without institution
or place), the institutions and proper names of a sentence, the kind of measure a figure
is (target, flow), and the contrast between two subjects that name two kinds of one
thing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from factcheck.cluster import _content_words, _contrasted, _informative, _kinds, _names, entities
from factcheck.embed import make_embedder
from factcheck.extract import extract_claims

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "cluster_cases.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]


def _ids(case: dict[str, Any]) -> str:
    return f"{case['kind']}:{case.get('subject') or case.get('sentence') or case['a']}"


@pytest.fixture(scope="module")
def embedder() -> Any:
    return make_embedder("use")


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_cluster_case(case: dict[str, Any], embedder: Any) -> None:
    if case["kind"] == "core":
        claim = replace(extract_claims("Hay 5 hospitales.", "es")[0], subject=case["subject"])
        assert _informative(claim) == case["expect"]
    elif case["kind"] == "names":
        assert sorted(_names(case["sentence"])) == case["expect"]
    elif case["kind"] == "entities":
        assert sorted(entities(case["sentence"])) == case["expect"]
    elif case["kind"] in {"measure", "subject"}:
        claims = extract_claims(case["sentence"], case["lang"])
        claim = next(c for c in claims if c.text == case["figure"])
        if case["kind"] == "subject":
            assert claim.subject == case["expect"]
        else:
            assert sorted(_kinds(claims)[claim.id]) == case["expect"]
    else:
        a, b = _content_words(case["a"]), _content_words(case["b"])
        words = list(dict.fromkeys([*a, *b]))
        vectors = dict(zip(words, embedder.encode(words), strict=True))
        assert _contrasted(a, b, vectors) is case["expect"]

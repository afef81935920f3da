"""Clustering and the cross-source and repetition checks, on the seeds (with the real,
shipped multilingual model) and on small invented cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.config import Config
from factcheck.embed import make_embedder
from factcheck.ingest import read_documents
from factcheck.model import Document, Report
from factcheck.pipeline import check

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds() -> Report:
    documents, _ = read_documents([ROOT / "seeds"])
    return check(documents)


def _verdicts(report: Report, kind: str) -> list[tuple[str, str, str]]:
    claims = {c.id: c for c in report.claims}
    return [
        (claims[c.claim_ids[0]].text, claims[c.claim_ids[1]].text, c.verdict)
        for c in report.checks
        if c.kind == kind
    ]


def test_hospitals_nationwide_below_a_part_is_a_contradiction(seeds: Report) -> None:
    hospitals = [v for v in _verdicts(seeds, "cross_source") if v[:2] == ("81", "714")]
    assert hospitals == [("81", "714", "inconsistent")]
    check_ = next(
        c for c in seeds.checks if c.kind == "cross_source" and c.verdict == "inconsistent"
    )
    assert check_.severity == "error" and "whole country" in check_.explanation


def test_consultations_and_surgeries_are_not_contradictions(seeds: Report) -> None:
    claims = {c.id: c for c in seeds.claims}
    for c in seeds.checks:
        subjects = " ".join(claims[i].subject or "" for i in c.claim_ids)
        if "consultas" in subjects or "cirug" in subjects:
            assert c.verdict != "inconsistent", c.message


def test_investment_repeated_within_an_article_agrees(seeds: Report) -> None:
    assert ("448.3 millones de pesos", "440 millones de pesos", "consistent") in _verdicts(
        seeds, "repetition"
    )


def test_the_only_findings_on_the_seeds(seeds: Report) -> None:
    findings = [
        (c.kind, c.verdict) for c in seeds.findings if c.verdict in {"inconsistent", "uncertain"}
    ]
    assert (
        sorted(findings)
        == [("cross_source", "inconsistent")] + [("currency_conversion", "inconsistent")] * 3
    )


def test_clusters_have_labels(seeds: Report) -> None:
    labels = [c.label for c in seeds.clusters]
    assert "hospitales de atención / hospitales" in labels


CASES = [
    json.loads(line)
    for line in (ROOT / "tests" / "data" / "cross_source_cases.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]


def _docs(case: dict[str, Any]) -> list[Document]:
    return [
        Document(
            f"{side}.txt",
            case[side],
            date=date.fromisoformat(case.get(f"date_{side}", "2024-01-01")),
            lang=case.get(f"lang_{side}", case["lang"]),
            locale=case.get("locale"),
        )
        for side in ("a", "b")
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['verdict']}:{c['b']}")
def test_pair_verdicts(case: dict[str, Any]) -> None:
    """Two articles, one figure each under test (the first of each text: "23 estados"
    may pair too); a verdict of null means the two are not grouped at all."""
    docs = _docs(case)
    report = check(docs, Config())
    if case["verdict"] is None:
        assert report.clusters == ()
        return
    claims = {c.id: c for c in report.claims}
    first = {
        min((c for c in report.claims if c.doc_id == d.id), key=lambda c: c.start).id for d in docs
    }
    made = [c for c in report.checks if c.kind == "cross_source" and set(c.claim_ids) == first]
    if "slip" in case:
        assert [c.slip for c in made] == [case["slip"]]
    found = [c.verdict for c in made]
    assert found == [case["verdict"]], [
        (claims[i].text for i in c.claim_ids) for c in report.checks
    ]


def test_an_article_that_tells_two_figures_apart_tells_them_apart_for_others() -> None:
    """One airport's passengers and the whole country's: the second article gives both
    and says which is which; the first gives the airport's. Neither pair is an error."""
    texts = [
        "El Aeropuerto Internacional El Dorado movilizó 45.8 millones de pasajeros en 2024, "
        "informó el operador.",
        "El Aeropuerto Internacional El Dorado movilizó 45.8 millones de pasajeros en 2024.\n\n"
        "A nivel nacional, los aeropuertos del país movilizaron 61.2 millones de pasajeros en "
        "2024.",
    ]
    docs = [
        Document(f"{n}.txt", t, date=date(2025, 1, 15 + n), lang="es") for n, t in enumerate(texts)
    ]
    report = check(docs, Config())
    claims = {c.id: c for c in report.claims}
    found = sorted(
        (c.kind, c.verdict, tuple(sorted(claims[i].text for i in c.claim_ids)))
        for c in report.checks
        if c.kind in {"cross_source", "repetition"}
    )
    apart = ("45.8 millones", "61.2 millones")
    assert found == [
        ("cross_source", "consistent", ("45.8 millones", "45.8 millones")),
        ("cross_source", "differs_by_scope", apart),
        ("repetition", "differs_by_scope", apart),
    ]


def test_cross_language_pair_is_clustered() -> None:
    docs = [
        Document(
            "a.txt",
            "El IMSS-Bienestar tiene 714 hospitales en 23 estados.",
            date=date(2024, 1, 1),
            lang="es",
        ),
        Document(
            "b.txt", "IMSS-Bienestar has 81 hospitals nationwide.", date=date(2024, 6, 1), lang="en"
        ),
    ]
    report = check(docs)
    assert [c.verdict for c in report.checks if c.kind == "cross_source"] == ["inconsistent"]


def test_hash_embedder_runs_the_pipeline_without_a_model() -> None:
    docs = [Document("a.txt", "Hay 81 hospitales en todo el país.", lang="es")]
    assert check(docs, embedder=make_embedder("hash")).claims


def test_a_slip_named_alike_needs_less_of_its_sentences() -> None:
    """The last pair case (248 / 348 million pounds of one loss, its sentences at 0.25) is
    grouped by its subjects' likeness; asked the sentences' usual 0.45, it is not."""
    case = CASES[-1]
    strict = check(_docs(case), Config(slip_named_context_min=0.45))
    assert [c for c in strict.checks if c.kind == "cross_source"] == []

"""The pieces the clustering decides with, case by case (tests/data/cluster_cases.jsonl):
the subject a sentence gives a figure and what of it is compared (without institution
or place), the institutions, countries and proper names of a sentence (without the
clauses that name a source) and of each clause a contrast opens ("..., while"), whether
two sets of names part ways (in one language or two), the kind of measure a figure is
(target, flow, difference), the part of a measure it is (firearm homicides, public
schools), and the contrast between two subjects that name two kinds of one thing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from factcheck.cluster import (
    _aligned,
    _concepts,
    _content_words,
    _contrasted,
    _foreign_names,
    _informative,
    _kind_words,
    _kinds,
    _names,
    _other_names,
    _parts,
    _periods,
    _scopes,
    _titled,
    _variants,
    _windows,
    _without_sources,
    countries,
    entities,
)
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
        known = frozenset(case.get("known", ()))
        assert sorted(_names(case["sentence"], known)) == case["expect"]
    elif case["kind"] == "concepts":
        assert sorted(_concepts(case["subject"], case["lang"])) == case["expect"]
    elif case["kind"] == "other_names":
        assert _other_names(frozenset(case["a"]), frozenset(case["b"])) is case["expect"]
    elif case["kind"] == "foreign_names":
        assert _foreign_names(frozenset(case["a"]), frozenset(case["b"])) is case["expect"]
    elif case["kind"] == "sources":
        assert _without_sources(case["sentence"], case["lang"]) == case["expect"]
    elif case["kind"] == "entities":
        corpus = case.get("corpus", "")
        titled = _titled(entities(corpus), corpus) if corpus else None
        assert sorted(entities(case["sentence"], titled)) == case["expect"]
    elif case["kind"] == "clauses":
        scopes = _scopes(case["sentence"], case["lang"], frozenset())
        assert [sorted(scope.names) for _, scope in scopes] == case["expect"]
    elif case["kind"] == "countries":
        assert sorted(countries(case["sentence"], case["lang"])) == case["expect"]
    elif case["kind"] in {"measure", "subject", "periods", "variants", "parts"}:
        claims = extract_claims(case["sentence"], case["lang"])
        claim = next(c for c in claims if c.text == case["figure"])
        if case["kind"] == "subject":
            assert claim.subject == case["expect"]
        elif case["kind"] == "periods":
            assert sorted(_periods(claims)[claim.id]) == case["expect"]
        elif case["kind"] == "variants":
            assert sorted(map(list, _variants(claims)[claim.id])) == case["expect"]
        elif case["kind"] == "parts":
            assert sorted(_parts(_windows(claims))[claim.id]) == case["expect"]
        else:
            assert sorted(_kinds(claims)[claim.id]) == case["expect"]
    else:
        lang = case.get("lang", "es")
        if case["kind"] == "aligned":
            a, b = _content_words(case["a"]), _content_words(case["b"])
        else:
            a, b = _kind_words(case["a"], lang), _kind_words(case["b"], lang)
        words = list(dict.fromkeys([*a, *b]))
        vectors = dict(zip(words, embedder.encode(words), strict=True))
        if case["kind"] == "aligned":
            assert _aligned(a, b, vectors) is case["expect"]
        else:
            assert _contrasted(a, b, vectors, lang) is case["expect"]


def _members(sentences: list[str]) -> list[Any]:
    from factcheck.cluster import _Member

    members = []
    for n, sentence in enumerate(sentences):
        claim = replace(extract_claims(sentence, "es", doc_id=f"d{n}")[0])
        key = (claim.doc_id, claim.sentence)
        members.append(_Member(claim, key, frozenset(), frozenset(), "es", frozenset()))
    return members


def test_agreeing_figures_never_join_a_disagreement() -> None:
    from factcheck.cluster import _components

    members = _members(
        [
            "El IMSS-Bienestar tiene 714 hospitales.",  # 0
            "El IMSS-Bienestar tiene 81 hospitales.",  # 1: disagrees with 0
            "El IMSS-Bienestar tiene 714 médicos residentes.",  # 2: agrees with 0 only
            "La red suma 714 hospitales.",  # 3: agrees with 0
        ]
    )
    assert _components(members, [(0.9, 0, 1)], [(0.8, 0, 2)]) == [[0, 1]]
    assert _components(members, [], [(0.8, 0, 2), (0.7, 0, 3)]) == [[0, 2, 3]]


def test_a_loose_translation_of_one_figure_is_grouped() -> None:

    clusters = _clustered(
        ("es", "El país registró 1,154 muertes en carretera en 2024."),
        ("en", "Road deaths in the country fell to 1,154 last year."),
    )
    assert [c.claim_ids for c in clusters] == [("a@17", "b@35")]


def _clustered(*texts: tuple[str, str]) -> Any:
    """The clusters of one-sentence documents "a", "b"..., given as (language, text)."""
    from factcheck.cluster import cluster_claims
    from factcheck.model import Document

    docs = [Document(chr(97 + n), text, lang=lang) for n, (lang, text) in enumerate(texts)]
    claims = [c for d in docs for c in extract_claims(d.text, d.lang, doc_id=d.id)]
    return cluster_claims(claims, docs, make_embedder("use"))


def test_people_said_to_have_died_are_the_dead() -> None:
    clusters = _clustered(
        ("es", "Desde agosto, 192 personas murieron por dengue en Argentina."),
        ("en", "Argentina has recorded 129 dengue deaths since August."),
    )
    assert [len(c.claim_ids) for c in clusters] == [2]


def test_two_variants_never_meet_through_a_figure_that_names_neither() -> None:
    from factcheck.cluster import _components

    members = _members(
        [
            "Chile obtuvo 412 puntos en matemática.",  # 0
            "Chile obtuvo 444 puntos en ciencias.",  # 1
            "Chile obtuvo 430 puntos.",  # 2: names no area
        ]
    )
    members = [
        replace(m, variants=frozenset(v))
        for m, v in zip(members, ([("score", "math")], [("score", "science")], []), strict=True)
    ]
    assert _components(members, [(0.9, 0, 2), (0.8, 1, 2)]) == [[0, 2]]


def test_two_names_of_one_article_never_meet_through_a_figure_that_names_neither() -> None:
    from factcheck.cluster import _components

    members = _members(
        [
            "Real Madrid ingresó 1.073 millones de euros.",  # 0
            "El club ingresó 760 millones de euros.",  # 1: names no club
            "Manchester City ingresó 715 millones de euros.",  # 2
        ]
    )
    names = ({"real madrid"}, set(), {"manchester city"})
    docs = ("d0", "d1", "d0")  # 0 and 2 in one article
    members = [
        replace(m, unsourced=frozenset(n), claim=replace(m.claim, doc_id=d))
        for m, n, d in zip(members, names, docs, strict=True)
    ]
    assert _components(members, [(0.9, 0, 1), (0.8, 1, 2)]) == [[0, 1]]
    # In two articles, two names may name one body (a ministry and its report).
    members[2] = replace(members[2], claim=replace(members[2].claim, doc_id="d2"))
    assert _components(members, [(0.9, 0, 1), (0.8, 1, 2)]) == [[0, 1, 2]]

"""Pairwise precision and recall of the clustering on the labelled claim pairs
(tests/data/claim_pairs.jsonl, and the fresh set claim_pairs_fresh.jsonl written later
by another hand), with the shipped multilingual model. The floors hold what was
measured (docs/clusters.md); the target is 0.9 for both."""

from __future__ import annotations

from factcheck.embed import make_embedder
from tests.pairs import FRESH, THIRD, evaluate, scores

# Measured: precision 0.630, recall 0.315 (first session); 0.824, 0.457 after subjects
# named before their verb, word contrast and proper names; 0.872, 0.446 after measure kinds
# (target, flow), verb objects, participles and what an amount is for; 0.882, 0.489 with
# measure acronyms as subjects and no word contrast between translated phrases; 0.902,
# 0.500 with money words ("inversión") named by their purpose; 0.836, 0.663 with figures
# that agree grouped on weaker evidence; 0.838, 0.674 with small blocks searched on the
# full vectors (228 pairs, 92 same).
PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.62
# The fresh set (120 pairs, 50 same): 0.389, 0.140 when it was written; 0.667, 0.400 with
# figures that agree grouped; 0.833, 0.400 with periods and variants of a measure; 0.846,
# 0.440 with small blocks searched on the full vectors.
FRESH_PRECISION_FLOOR = 0.78
# The third set (100 pairs, 45 same) was measured once, unseen, at the end of session 8:
# 0.500, 0.200 with the code of that session's start; 0.679, 0.422 at its end.
THIRD_PRECISION_FLOOR = 0.62
THIRD_RECALL_FLOOR = 0.38
FRESH_RECALL_FLOOR = 0.40


def test_pairwise_precision_and_recall_hold() -> None:
    outcomes = evaluate(make_embedder("use"))
    assert len(outcomes) >= 150
    assert all(o.found for o in outcomes), [o.pair["id"] for o in outcomes if not o.found]
    precision, recall = scores(outcomes)
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall)


def test_fresh_pairs_hold() -> None:
    outcomes = evaluate(make_embedder("use"), pairs=FRESH)
    assert len(outcomes) >= 100
    precision, recall = scores(outcomes)
    assert precision >= FRESH_PRECISION_FLOOR and recall >= FRESH_RECALL_FLOOR, (precision, recall)


def test_third_pairs_hold() -> None:
    precision, recall = scores(evaluate(make_embedder("use"), pairs=THIRD))
    assert precision >= THIRD_PRECISION_FLOOR and recall >= THIRD_RECALL_FLOOR, (precision, recall)

"""Pairwise precision and recall of the clustering on the labelled claim pairs
(tests/data/claim_pairs.jsonl, and the fresh, third, fourth, fifth to sixteenth sets
written later by other hands), with the shipped multilingual model. The floors hold what was
measured (docs/clusters.md); the target is 0.9 for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.embed import Embedder, make_embedder
from tests.pairs import (
    EIGHTH,
    ELEVENTH,
    FIFTEENTH,
    FIFTH,
    FOURTEENTH,
    FOURTH,
    FRESH,
    NINTH,
    PAIRS,
    SEVENTH,
    SIXTEENTH,
    SIXTH,
    TENTH,
    THIRD,
    THIRTEENTH,
    TWELFTH,
    evaluate,
    scores,
)

# Measured: precision 0.630, recall 0.315 (first session); 0.824, 0.457 after subjects
# named before their verb, word contrast and proper names; 0.872, 0.446 after measure kinds
# (target, flow), verb objects, participles and what an amount is for; 0.882, 0.489 with
# measure acronyms as subjects and no word contrast between translated phrases; 0.902,
# 0.500 with money words ("inversión") named by their purpose; 0.836, 0.663 with figures
# that agree grouped on weaker evidence; 0.838, 0.674 with small blocks searched on the
# full vectors (228 pairs, 92 same); 0.778, 0.761 in session 9 with subjects named by
# their verbs and bases, countries and cities as a veto, and two exact figures in close
# sentences grouped without a subject test: precision went to recall on restatements,
# whose groups only ever agree (0.818 over the 120 pairs whose figures disagree); 0.780,
# 0.772 in session 10 (names, sources, units, currencies, the glossary); 0.800, 0.783 in
# session 11 (names across languages, parts of a measure, subjects, the glossary's rates).
PRECISION_FLOOR = 0.78
RECALL_FLOOR = 0.76
# The fresh set (120 pairs, 50 same): 0.389, 0.140 when it was written; 0.667, 0.400 with
# figures that agree grouped; 0.833, 0.400 with periods and variants of a measure; 0.846,
# 0.440 with small blocks searched on the full vectors; 0.853, 0.580 in session 9; 0.889,
# 0.640 in session 10; 0.895, 0.680 in session 11.
FRESH_PRECISION_FLOOR = 0.87
# The third set (100 pairs, 45 same) was measured once, unseen, at the end of session 8:
# 0.500, 0.200 with the code of that session's start; 0.679, 0.422 at its end; 0.762, 0.711
# in session 9, after reading its errors; 0.780, 0.711 in session 10; 0.875, 0.778 in
# session 11.
THIRD_PRECISION_FLOOR = 0.85
THIRD_RECALL_FLOOR = 0.75
FRESH_RECALL_FLOOR = 0.66
# The fourth set (120 pairs, 60 same; sports, health, education, transport, energy, housing,
# culture, crime, elections) was measured once, unseen, in session 9: 0.680, 0.567 with
# the code of that session's start, 0.692, 0.600 with its clustering. Two labels were
# corrected in session 10 (one measure in two years is one quantity): 0.731, 0.613 with
# the session-9 code, 0.811, 0.694 at the end of session 10, 0.889, 0.774 in session 11.
FOURTH_PRECISION_FLOOR = 0.86
FOURTH_RECALL_FLOOR = 0.75


# The fifth set (150 pairs, 75 same, 94 whose figures disagree; written by another hand at
# the start of session 10 with its weight on disagreeing figures: one measure of two
# places, bodies, subsets) was measured once, unseen, after that session's first changes:
# 0.571, 0.427 with the code of the session's start, 0.561, 0.427 then; its errors were
# read afterwards (a city or a name opening the sentence, names inside places' names):
# 0.604, 0.427 at the session's end; 0.745, 0.547 at the end of session 11. Its labels
# count one measure in two places as two quantities, where the first set's count one
# quantity with two scopes (the check then says differs_by_scope): session 12's regions
# as places ("Gran Buenos Aires", "Baleares") cost it two pairs that way, 0.719.
FIFTH_PRECISION_FLOOR = 0.70
FIFTH_RECALL_FLOOR = 0.52
# The sixth set (150 pairs, 75 same, 75 across languages; written by a helper that read
# neither the code nor the other sets) was measured once, unseen, in session 11: 0.870,
# 0.533 with the code of the session's start, 0.875, 0.560 after its grouping changes;
# its errors were read afterwards: 0.938, 0.600 at the session's end.
SIXTH_PRECISION_FLOOR = 0.91
SIXTH_RECALL_FLOOR = 0.58
# The seventh set (150 pairs, 75 same, 75 across languages, 90 whose figures disagree;
# labour, central banks, trade, mining, airlines, courts...; written by a helper that read
# only tests/data/README.md) was measured once, unseen, in session 12: 0.661, 0.493 with
# the code of the session's start, 0.667, 0.507 after its first changes.
SEVENTH_PRECISION_FLOOR = 0.64
SEVENTH_RECALL_FLOOR = 0.47
# The eighth set (150 pairs, 75 same, 75 across languages, 94 whose figures disagree;
# energy, water, trade, tax, central banks, airlines, ports, mining, sport...; written by
# a helper that read only tests/data/README.md) was measured once, unseen, at the start of
# session 13: 0.850, 0.680. Its one new false positive since (e8019, a minimum wage for
# two zones) is the label convention of one measure in two places, which the checks
# count as one quantity with two scopes.
EIGHTH_PRECISION_FLOOR = 0.81
EIGHTH_RECALL_FLOOR = 0.65
# The ninth set (150 pairs, 60 same, 75 across languages; transport, companies, health,
# energy, crime, weather, mining, farming...; written by a helper that read only
# tests/data/README.md) was measured once, unseen, at the start of session 14: 0.656,
# 0.667; 0.690, 0.667 at its end.
NINTH_PRECISION_FLOOR = 0.66
NINTH_RECALL_FLOOR = 0.63
# The tenth set (150 pairs, 60 same, 75 across languages; aviation, water, steel, strikes,
# wildfires, censuses, banks, vaccines, football, ports, remittances, lithium...; written
# by a helper that read only tests/data/README.md) was measured once, unseen, at the start
# of session 15: 0.727, 0.400.
TENTH_PRECISION_FLOOR = 0.70
TENTH_RECALL_FLOOR = 0.38
# The eleventh set (150 pairs, 60 same, 75 across languages; harvests, debt, mining,
# migration, education, waiting lists, retail, cars, metros, fishing, forests, air
# quality, sports...; written by a helper that read only tests/data/README.md) was
# measured once, unseen, at the start of session 16: 0.667, 0.500.
ELEVENTH_PRECISION_FLOOR = 0.64
ELEVENTH_RECALL_FLOOR = 0.48
# The twelfth set (150 pairs, 60 same, 75 across languages; remittances, tourism, water,
# wages, rates, banks, airlines, ports, exports...; written by a helper that read only
# tests/data/README.md) was measured once, unseen, at the start of session 17: 0.659, 0.483.
TWELFTH_PRECISION_FLOOR = 0.63
TWELFTH_RECALL_FLOOR = 0.46
# The thirteenth set (150 pairs, 60 same, 75 across languages; telethons, shopping events,
# lotteries, pilgrimages and festivals, food and drink companies, road deaths, transplants,
# births, drug seizures, fintech, sports events, earthquakes...; written by a helper that
# read only tests/data/README.md) was measured once, unseen, at the start of session 18:
# 0.733, 0.550; the same at its end.
THIRTEENTH_PRECISION_FLOOR = 0.70
THIRTEENTH_RECALL_FLOOR = 0.52
# The fourteenth set (150 pairs, 60 same, 75 across languages; water and dams, airlines,
# insurance, mining, cinema, rail, debt auctions, car sales, housing permits, universities,
# football, heat and rain, reserves, strikes, museums, libraries, fisheries, forestry,
# cyberattacks, electricity prices; written by a helper that read only
# tests/data/README.md) was measured once, unseen, at the start of session 19: 0.791, 0.567.
FOURTEENTH_PRECISION_FLOOR = 0.76
FOURTEENTH_RECALL_FLOOR = 0.54
# The fifteenth set (150 pairs, 60 same, 75 across languages; prisons, tax collection, road
# deaths, video games, publishing, medicines, wine, coffee, beef and cherries, space,
# elections, pensions, fares, tourism, ports, telecoms, air quality, harvests; written by a
# helper that read only tests/data/README.md) was measured once, unseen, at the start of
# session 20: 0.875, 0.583; 0.907, 0.650 at its end.
FIFTEENTH_PRECISION_FLOOR = 0.85
FIFTEENTH_RECALL_FLOOR = 0.62
# The sixteenth set (150 pairs, 60 same, 75 across languages; airlines, airports and rail,
# football, lotteries, box office, fires and floods, insurance, reservoirs, crime,
# universities, hospital lists, fisheries, mining, cars, housing; hard negatives: other
# airports, parts against wholes, one entity's other measure; written by a helper that
# read only tests/data/README.md) was measured once, unseen, at the start of session 21:
# 0.659, 0.483; 0.667, 0.500 at its end.
SIXTEENTH_PRECISION_FLOOR = 0.64
SIXTEENTH_RECALL_FLOOR = 0.48

SETS = [
    (PAIRS, PRECISION_FLOOR, RECALL_FLOOR),
    (FRESH, FRESH_PRECISION_FLOOR, FRESH_RECALL_FLOOR),
    (THIRD, THIRD_PRECISION_FLOOR, THIRD_RECALL_FLOOR),
    (FOURTH, FOURTH_PRECISION_FLOOR, FOURTH_RECALL_FLOOR),
    (FIFTH, FIFTH_PRECISION_FLOOR, FIFTH_RECALL_FLOOR),
    (SIXTH, SIXTH_PRECISION_FLOOR, SIXTH_RECALL_FLOOR),
    (SEVENTH, SEVENTH_PRECISION_FLOOR, SEVENTH_RECALL_FLOOR),
    (EIGHTH, EIGHTH_PRECISION_FLOOR, EIGHTH_RECALL_FLOOR),
    (NINTH, NINTH_PRECISION_FLOOR, NINTH_RECALL_FLOOR),
    (TENTH, TENTH_PRECISION_FLOOR, TENTH_RECALL_FLOOR),
    (ELEVENTH, ELEVENTH_PRECISION_FLOOR, ELEVENTH_RECALL_FLOOR),
    (TWELFTH, TWELFTH_PRECISION_FLOOR, TWELFTH_RECALL_FLOOR),
    (THIRTEENTH, THIRTEENTH_PRECISION_FLOOR, THIRTEENTH_RECALL_FLOOR),
    (FOURTEENTH, FOURTEENTH_PRECISION_FLOOR, FOURTEENTH_RECALL_FLOOR),
    (FIFTEENTH, FIFTEENTH_PRECISION_FLOOR, FIFTEENTH_RECALL_FLOOR),
    (SIXTEENTH, SIXTEENTH_PRECISION_FLOOR, SIXTEENTH_RECALL_FLOOR),
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return make_embedder("use")


@pytest.mark.parametrize(
    ("pairs", "precision_floor", "recall_floor"), SETS, ids=lambda x: getattr(x, "stem", "")
)
def test_pair_set_holds(
    pairs: Path, precision_floor: float, recall_floor: float, embedder: Embedder
) -> None:
    outcomes = evaluate(embedder, pairs=pairs)
    assert len(outcomes) >= 100
    assert all(o.found for o in outcomes), [o.pair["id"] for o in outcomes if not o.found]
    precision, recall = scores(outcomes)
    assert precision >= precision_floor and recall >= recall_floor, (precision, recall)

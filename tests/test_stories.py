"""End-to-end alarms on whole articles, held to floors: tests/data/stories (the first
set, read and worked from in session 12), tests/data/stories_third (measured unseen
at the start of session 13, then read), tests/data/stories_fourth (the same, session 14)
tests/data/stories_fifth (the same, session 15), tests/data/stories_sixth (the same,
session 16), tests/data/stories_seventh (the same, session 17),
tests/data/stories_eighth (the same, session 18), tests/data/stories_ninth (the same,
session 19), tests/data/stories_tenth (the same, session 20) and
tests/data/stories_eleventh (the same, session 21).

The floors are the figures measured when they were set; a change that lowers them
either loses real errors or cries wolf on articles that are right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stories import STORIES, Scores, score

THIRD = STORIES.parent / "stories_third"
FOURTH = STORIES.parent / "stories_fourth"
FIFTH = STORIES.parent / "stories_fifth"
SIXTH = STORIES.parent / "stories_sixth"
SEVENTH = STORIES.parent / "stories_seventh"
EIGHTH = STORIES.parent / "stories_eighth"
NINTH = STORIES.parent / "stories_ninth"
TENTH = STORIES.parent / "stories_tenth"
ELEVENTH = STORIES.parent / "stories_eleventh"

# folder: (precision, recall, traps alarmed at most, every conversion slip caught)
FLOORS = {
    # Session 12's end: 0.91, 0.87 (20/23), 1 trap.
    STORIES: (0.85, 0.85, 2, True),
    # Unseen at session 13's start: 0.58, 0.43 (10/23), 4 traps; 0.81, 0.70 (16/23), 1 trap
    # at its end.
    THIRD: (0.72, 0.65, 2, True),
    # Unseen at session 14's start: 0.41, 0.62 (15/24), 1 trap, as scored then (both figures
    # of a cross-source error named); 0.49, 0.67 (16/24) as scored since; 0.69, 0.67
    # (16/24), no trap at its end.
    FOURTH: (0.62, 0.62, 1, True),
    # Unseen at session 15's start: 0.72 (18 alarms, 13 true), 0.50 (12/24, cross-source
    # 1/9), no trap.
    FIFTH: (0.65, 0.45, 1, True),
    # Unseen at session 16's start: 0.65 (20 alarms, 13 true), 0.50 (12/24, cross-source
    # 1/9, conversions 6/7), 1 trap; 0.93 (15 alarms, 14 true), 0.58 (14/24), no trap at
    # its end.
    SIXTH: (0.85, 0.55, 1, True),
    # Unseen at session 17's start: 0.38 (48 alarms, 18 true), 0.54 (13/24, cross-source
    # 2/9), 2 traps; 0.44 (45 alarms, 20 true), 0.62 (15/24, cross-source 4/9), 2 traps
    # at its end.
    SEVENTH: (0.40, 0.58, 2, True),
    # Unseen at session 18's start: 0.63 (19 alarms, 12 true), 0.46 (11/24, cross-source
    # 0/12), 1 trap; 0.74 (19 alarms, 14 true), 0.54 (13/24, cross-source 2/12), no trap
    # at its end.
    EIGHTH: (0.65, 0.50, 2, True),
    # Unseen at session 19's start: 0.75 (20 alarms, 15 true), 0.54 (13/24, cross-source
    # 3/10, unit conversion 0/1), no trap; 0.94 (18 alarms, 17 true), 0.62 (15/24), no trap
    # at its end.
    NINTH: (0.80, 0.58, 1, True),
    # Unseen at session 20's start: 0.67 (21 alarms, 14 true), 0.54 (13/24, cross-source
    # 2/10, unit conversion 1/2), 3 traps; 0.85 (20 alarms, 17 true), 0.67 (16/24), no
    # trap at its end.
    TENTH: (0.78, 0.58, 1, True),
    # Unseen at session 21's start: 0.46 (26 alarms, 12 true), 0.46 (11/24, cross-source
    # 3/10, arithmetic 2/7, unit conversion 1/2), 3 traps; 0.88 (17 alarms, 15 true), 0.58
    # (14/24), no trap at its end.
    ELEVENTH: (0.80, 0.50, 1, True),
}


@pytest.fixture(scope="module", params=list(FLOORS), ids=lambda p: p.name)
def case(request: pytest.FixtureRequest) -> tuple[Path, Scores]:
    return request.param, score(request.param)


def test_alarms_are_mostly_planted_errors(case: tuple[Path, Scores]) -> None:
    folder, scores = case
    assert scores.precision >= FLOORS[folder][0], [
        (a.story, a.check.message) for a in scores.alarms if a not in scores.true_alarms
    ]


def test_planted_errors_are_caught(case: tuple[Path, Scores]) -> None:
    folder, scores = case
    assert scores.recall >= FLOORS[folder][1], [(m["story"], m["a"]) for m in scores.missed]


def test_every_conversion_slip_is_caught(case: tuple[Path, Scores]) -> None:
    folder, scores = case
    if FLOORS[folder][3]:
        assert scores.caught["currency_conversion"] == scores.planted["currency_conversion"]


def test_traps_stay_quiet(case: tuple[Path, Scores]) -> None:
    folder, scores = case
    assert len(scores.traps_hit) <= FLOORS[folder][2], scores.traps_hit

"""Pairwise precision and recall of the clustering on tests/data/claim_pairs.jsonl.

Each pair is two one-sentence documents; the pair is predicted "same quantity" when
the clustering puts its two figures in one cluster. Run ``python -m tests.pairs`` for
the figures and the misses, ``--fresh``, ``--third``, ``--fourth``, ``--fifth`` and
``--sixth``, ``--seventh``, ``--eighth``, ``--ninth``, ``--tenth``, ``--eleventh``,
``--twelfth``, ``--thirteenth``, ``--fourteenth``, ``--fifteenth``, ``--sixteenth`` for the
later sets.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.cluster import _intersection, _interval, cluster_claims
from factcheck.config import Config
from factcheck.embed import Embedder, make_embedder
from factcheck.extract import extract_document
from factcheck.model import Claim, Document

PAIRS = Path(__file__).parent / "data" / "claim_pairs.jsonl"


@dataclass(frozen=True)
class Outcome:
    pair: dict[str, Any]
    predicted: bool
    found: bool  # both figures were extracted
    apart: bool = False  # the two figures' intervals do not overlap: a group would alarm


def _figure(doc: Document, number: str) -> Claim | None:
    start = doc.text.find(number)
    end = start + len(number)
    return next((c for c in extract_document(doc) if c.start < end and start < c.end), None)


FRESH = Path(__file__).parent / "data" / "claim_pairs_fresh.jsonl"
THIRD = Path(__file__).parent / "data" / "claim_pairs_third.jsonl"
FOURTH = Path(__file__).parent / "data" / "claim_pairs_fourth.jsonl"
FIFTH = Path(__file__).parent / "data" / "claim_pairs_fifth.jsonl"
SIXTH = Path(__file__).parent / "data" / "claim_pairs_sixth.jsonl"
SEVENTH = Path(__file__).parent / "data" / "claim_pairs_seventh.jsonl"
EIGHTH = Path(__file__).parent / "data" / "claim_pairs_eighth.jsonl"
NINTH = Path(__file__).parent / "data" / "claim_pairs_ninth.jsonl"
TENTH = Path(__file__).parent / "data" / "claim_pairs_tenth.jsonl"
ELEVENTH = Path(__file__).parent / "data" / "claim_pairs_eleventh.jsonl"
TWELFTH = Path(__file__).parent / "data" / "claim_pairs_twelfth.jsonl"
THIRTEENTH = Path(__file__).parent / "data" / "claim_pairs_thirteenth.jsonl"
FOURTEENTH = Path(__file__).parent / "data" / "claim_pairs_fourteenth.jsonl"
FIFTEENTH = Path(__file__).parent / "data" / "claim_pairs_fifteenth.jsonl"
SIXTEENTH = Path(__file__).parent / "data" / "claim_pairs_sixteenth.jsonl"


def evaluate(
    embedder: Embedder, config: Config | None = None, pairs: Path | None = None
) -> list[Outcome]:
    outcomes = []
    for line in (pairs or PAIRS).read_text("utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        docs = [
            Document(f"{pair['id']}-{side}", pair[side]["text"], lang=pair[side]["lang"])
            for side in ("a", "b")
        ]
        figures = [_figure(d, pair[s]["number"]) for d, s in zip(docs, ("a", "b"), strict=True)]
        if None in figures:
            outcomes.append(Outcome(pair, False, False))
            continue
        claims = [c for d in docs for c in extract_document(d)]
        clusters = cluster_claims(claims, docs, embedder, config)
        wanted = {figures[0].id, figures[1].id}  # type: ignore[union-attr]
        together = any(wanted <= set(c.claim_ids) for c in clusters)
        outcomes.append(Outcome(pair, together, True, _apart(*figures)))  # type: ignore[arg-type]
    return outcomes


def _apart(a: Claim, b: Claim) -> bool:
    """Whether the two intervals share no value, compared as the clustering compares
    them (in base units: "2,600 megawatts" and "2,6 GW" agree)."""
    return _intersection(_interval(a), _interval(b)) is None


def scores(outcomes: Sequence[Outcome]) -> tuple[float, float]:
    tp = sum(o.predicted and o.pair["same"] for o in outcomes)
    fp = sum(o.predicted and not o.pair["same"] for o in outcomes)
    fn = sum(not o.predicted and o.pair["same"] for o in outcomes)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main() -> int:
    sets = {
        "--fresh": FRESH,
        "--third": THIRD,
        "--fourth": FOURTH,
        "--fifth": FIFTH,
        "--sixth": SIXTH,
        "--seventh": SEVENTH,
        "--eighth": EIGHTH,
        "--ninth": NINTH,
        "--tenth": TENTH,
        "--eleventh": ELEVENTH,
        "--twelfth": TWELFTH,
        "--thirteenth": THIRTEENTH,
        "--fourteenth": FOURTEENTH,
        "--fifteenth": FIFTEENTH,
        "--sixteenth": SIXTEENTH,
    }
    args = [a for a in sys.argv[1:] if a not in sets]
    pairs = next((sets[a] for a in sys.argv[1:] if a in sets), PAIRS)
    outcomes = evaluate(make_embedder(args[0] if args else "use"), pairs=pairs)
    precision, recall = scores(outcomes)
    print(f"{len(outcomes)} pairs: precision {precision:.3f}, recall {recall:.3f}")
    # Only a group of figures that disagree raises an alarm: the pairs that matter most.
    apart = [o for o in outcomes if o.apart]
    p_apart, r_apart = scores(apart)
    print(f"  {len(apart)} whose figures disagree: precision {p_apart:.3f}, recall {r_apart:.3f}")
    for o in outcomes:
        if o.predicted != o.pair["same"]:
            kind = "FP" if o.predicted else ("FN" if o.found else "FN (figure not extracted)")
            print(f"{kind} {o.pair['id']}: {o.pair['a']['text']} || {o.pair['b']['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

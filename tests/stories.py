"""Alarms end to end on whole articles: tests/data/stories (README there).

``python -m tests.stories [FOLDER] [-v]`` prints the alarms' precision, the planted
errors caught and the traps alarmed; ``-v`` lists every miss and every false alarm.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck import check, load_documents
from factcheck.model import Check, Claim

STORIES = Path(__file__).parent / "data" / "stories"
_ALARMS = {"inconsistent", "uncertain"}


@dataclass(frozen=True)
class Alarm:
    story: str
    check: Check
    claims: tuple[Claim, ...]
    texts: dict[str, str]  # the documents' texts as read, by id

    def covers(self, ref: dict[str, str] | None) -> bool:
        """Whether one of the alarm's claims overlaps the figure ``ref`` names."""
        if not ref:
            return True
        doc = ref["doc"].split("/", 1)[-1]
        at = self.texts.get(doc, "").find(ref["number"])
        end = at + len(ref["number"])
        return at >= 0 and any(
            c.doc_id == doc and c.start < end and at < c.end for c in self.claims
        )

    def matches(self, item: dict[str, Any]) -> bool:
        if item["story"] != self.story:
            return False
        a, b = item.get("a"), item.get("b")
        if item.get("kind", "cross_source") == "cross_source":
            # The wrong figure set against another source's is the error shown, whichever
            # of the sources that agree with each other the alarm names ("405,714" for
            # "405 mil 714"). A trap has no wrong figure: both must be named.
            wrong = item.get("trap") is None and self.check.kind == "cross_source"
            return self.covers(a) and (self.covers(b) or wrong)
        return self.covers(a) or self.covers(b)


@dataclass(frozen=True)
class Scores:
    alarms: list[Alarm]
    true_alarms: list[Alarm]
    caught: Counter[str]
    planted: Counter[str]
    missed: list[dict[str, Any]]
    traps_hit: list[dict[str, Any]]
    traps: int

    @property
    def precision(self) -> float:
        return len(self.true_alarms) / max(1, len(self.alarms))

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(1, sum(self.planted.values()))


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def alarms(folder: Path = STORIES) -> list[Alarm]:
    out = []
    for story in sorted(p for p in folder.iterdir() if p.is_dir()):
        docs = load_documents([story])
        report = check(docs)
        texts = {d.id: d.text for d in docs}
        claims = {c.id: c for c in report.claims}
        for k in report.checks:
            if k.verdict in _ALARMS and k.severity in {"warning", "error"}:
                cs = tuple(claims[i] for i in k.claim_ids if i in claims)
                out.append(Alarm(story.name, k, cs, texts))
    return out


def score(folder: Path = STORIES) -> Scores:
    expected, traps = _lines(folder / "expected.jsonl"), _lines(folder / "traps.jsonl")
    found = alarms(folder)
    caught: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    missed = []
    for item in expected:
        planted[item["kind"]] += 1
        if any(a.matches(item) for a in found):
            caught[item["kind"]] += 1
        else:
            missed.append(item)
    true_alarms = [a for a in found if any(a.matches(e) for e in expected)]
    as_traps = [{**t, "kind": "cross_source", "trap": True} for t in traps]
    hit = [
        t for t, item in zip(traps, as_traps, strict=True) if any(a.matches(item) for a in found)
    ]
    return Scores(found, true_alarms, caught, planted, missed, hit, len(traps))


def _why(item: dict[str, Any]) -> str:
    """An item's explanation: "comment" in the first set, "note" in later ones."""
    return str(item.get("comment") or item.get("note", ""))


def main(argv: list[str]) -> None:
    folder = Path(next((a for a in argv if not a.startswith("-")), STORIES))
    s = score(folder)
    print(
        f"alarms {len(s.alarms)}, on planted errors {len(s.true_alarms)}: "
        f"precision {s.precision:.2f}"
    )
    kinds = ", ".join(f"{k} {s.caught[k]}/{n}" for k, n in sorted(s.planted.items()))
    print(f"planted errors caught: {kinds}; recall {s.recall:.2f}")
    print(f"traps alarmed: {len(s.traps_hit)}/{s.traps}")
    if "-v" in argv:
        for m in s.missed:
            b = (m.get("b") or {}).get("number")
            print("MISSED", m["story"], m["kind"], m["a"]["number"], "|", b, "--", _why(m)[:100])
        for a in s.alarms:
            if a not in s.true_alarms:
                figures = [(c.doc_id, c.text) for c in a.claims]
                print(
                    "FALSE",
                    a.story,
                    a.check.kind,
                    a.check.verdict,
                    figures,
                    "--",
                    a.check.message[:120],
                )


if __name__ == "__main__":
    main(sys.argv[1:])

"""Cross-source and repetition checks: claims of one cluster that disagree.

Intervals are compared, not points ("más de 440 millones" and "448.3 millones"
agree). When two figures cannot both hold, time and scope decide the verdict:

- a count for the whole country below a count for part of it is a contradiction,
  whatever the dates (81 hospitals nationwide against 714 in 23 states);
- different years: ``differs_by_time``; different places: ``differs_by_scope``;
- same year and place: ``inconsistent`` (error); scope unknown on one side:
  ``inconsistent`` (warning, likely).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck.checks.intervals import base_bounds, overlap
from factcheck.checks.links import clip
from factcheck.lang import fold, language
from factcheck.model import Check, Claim, Cluster, Document, Severity, Verdict
from factcheck.scope import sentence_scope

__all__ = ["check_clusters", "place_kind"]

# Quantities that add up over places: a part cannot exceed its whole.
_ADDITIVE = frozenset({"count", "money"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def place_kind(place: str | None, lang: str) -> str | None:
    """ "country" for the whole country, "part" for a state or "23 estados", else None.

    >>> [place_kind(p, "es") for p in ("en todo el país", "23 estados", "Sonora", "la sierra")]
    ['country', 'part', 'part', None]
    """
    if not place:
        return None
    data = language(lang)
    folded = fold(place)
    if folded in {fold(p) for p in data.nationwide} or folded in data.countries:
        return "country"
    if place[0].isdigit() or folded.split()[0] in data.numbers:
        return "part"
    if folded in {fold(p) for p in data.places}:
        return "part"
    return None


@dataclass(frozen=True, slots=True)
class _Scope:
    claim: Claim
    document: Document
    lang: str
    years: frozenset[int]
    place: str | None
    stated: bool  # the sentence itself gives a year or a place
    # value, low and high in base units: "120 kilometres" and "75 miles" are one length
    span: tuple[Decimal, Decimal | None, Decimal | None]

    @property
    def where(self) -> str:
        when = self.document.date.isoformat() if self.document.date else "no date"
        return f"{self.document.id}, {when}" + (f", {self.place}" if self.place else "")


def _document_place(doc: Document, lang: str) -> str | None:
    """The place an article is about when a sentence does not say: its title's, or
    the first one named in its opening lines."""
    head = doc.title or doc.text[:300]
    scope = sentence_scope(head, language(lang))
    return scope.places.texts[0] if scope.places.texts else None


def _scope(claim: Claim, doc: Document) -> _Scope:
    lang = doc.lang if doc.lang in {"es", "en"} else "es"
    years = frozenset(int(y) for y in _YEAR.findall(claim.time or ""))
    stated = bool(years or claim.place)
    if not years and doc.date:
        years = frozenset({doc.date.year})
    place = claim.place or _document_place(doc, lang)
    return _Scope(claim, doc, lang, years, place, stated, base_bounds(claim, lang, doc.locale))


def _verdict(a: _Scope, b: _Scope) -> tuple[Verdict, Severity, str]:
    dimension = a.claim.quantity.dimension
    kinds = (place_kind(a.place, a.lang), place_kind(b.place, b.lang))
    if dimension in _ADDITIVE and kinds in {("country", "part"), ("part", "country")}:
        whole, part = (a, b) if kinds[0] == "country" else (b, a)
        if whole.span[0] < part.span[0]:
            return (
                "inconsistent",
                "error",
                (
                    f"A figure for the whole country ({whole.claim.text}, {whole.place}) cannot be "
                    f"below the figure for part of it ({part.claim.text}, {part.place})."
                ),
            )
    if a.years and b.years and not (a.years & b.years):
        return (
            "differs_by_time",
            "info",
            (
                f"The figures are for different years ({sorted(a.years)} and {sorted(b.years)}): "
                "a change over time, not necessarily an error."
            ),
        )
    if a.place and b.place and fold(a.place) != fold(b.place):
        return (
            "differs_by_scope",
            "info",
            (f"The figures are for different places ({a.place} and {b.place})."),
        )
    if a.claim.doc_id == b.claim.doc_id and not (a.stated and b.stated):
        return (
            "uncertain",
            "warning",
            (
                "One article gives two figures for what reads as one quantity, and its sentences "
                "do not say how they differ; they may measure different things (done and planned, "
                "a part and the total): worth a look."
            ),
        )
    if a.years and b.years and a.place and b.place:
        return "inconsistent", "error", "Same quantity, same year and place, different figures."
    return (
        "inconsistent",
        "warning",
        ("Same quantity, different figures; the texts do not say whether year or place differ."),
    )


# In one article, two figures for one subject that differ by more than this, with
# nothing in their sentences tying them together, are two quantities (renovated and to
# be renovated), not a slip: a repeated figure mistyped stays within a factor of two.
_RESTATED_RATIO = 2


def _restated(a: _Scope, b: _Scope) -> bool:
    if a.claim.doc_id != b.claim.doc_id or (a.stated and b.stated):
        return True
    va, vb = sorted((abs(a.span[0]), abs(b.span[0])))
    return va > 0 and vb / va <= _RESTATED_RATIO


def _pair_check(a: _Scope, b: _Scope, n: int, cluster: Cluster) -> Check | None:
    kind = "repetition" if a.claim.doc_id == b.claim.doc_id else "cross_source"
    if kind == "repetition" and (a.claim.derived_from or b.claim.derived_from):
        return None  # an implied figure restates its own article's figures
    va, vb = a.span[0], b.span[0]
    rel = float((vb - va) / va) if va else None
    pair = f"{a.claim.text} ({a.where}) vs {b.claim.text} ({b.where})"
    if overlap(a.span[1:], b.span[1:]):
        verdict: Verdict = "consistent"
        severity: Severity = "info"
        why = "The figures agree within what their wording and rounding allow."
    elif not _restated(a, b):
        return None
    else:
        verdict, severity, why = _verdict(a, b)
    return Check(
        id=f"{kind}:{cluster.id}:{n}",
        kind=kind,
        verdict=verdict,
        severity=severity,
        claim_ids=(a.claim.id, b.claim.id),
        expected=va,
        stated=vb,
        rel_error=None if rel is None else round(rel, 4),
        message=f"{cluster.label}: {pair}",
        explanation=f'{why} "{clip(a.claim.sentence, 160)}" / "{clip(b.claim.sentence, 160)}"',
    )


def check_clusters(
    clusters: Sequence[Cluster], claims: Sequence[Claim], documents: Sequence[Document]
) -> Iterator[Check]:
    """One check per pair of claims in each cluster: ``repetition`` within a document,
    ``cross_source`` across documents."""
    by_id = {c.id: c for c in claims}
    docs = {d.id: d for d in documents}
    for cluster in clusters:
        scopes = [_scope(by_id[i], docs[by_id[i].doc_id]) for i in cluster.claim_ids]
        for n, (a, b) in enumerate(itertools.combinations(scopes, 2), start=1):
            made = _pair_check(a, b, n, cluster)
            if made is not None:
                yield made

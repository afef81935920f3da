"""Clustering: claims about one quantity, across documents and languages.

1. Block: only claims of one dimension and unit family can be about one quantity
   (counts with counts, MXN with MXN, percentages with percentages). Durations are
   left out: "dos años" in two articles is rarely one quantity.
2. Propose: within a block, each claim's nearest neighbours (at most 16) by the mean
   of context and subject similarity, above ``propose_min`` (scikit-learn, chunked:
   memory stays linear and no n-by-n matrix is ever held).
3. Decide: a proposed pair is kept only when the subjects agree (``subject_min``,
   embedded the same way, so "hospitales" meets "hospitals"), the institutions named
   do not differ (IMSS-Bienestar is not ISSSTE), and the two figures are not in one
   sentence (a sentence that lists figures lists different things).
4. Group: connected components of the kept pairs.

The thresholds live in :class:`~factcheck.config.Config`; docs/clusters.md says how
they were chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from factcheck.config import Config
from factcheck.embed import Embedder, claim_context
from factcheck.lang import available_languages, fold, language
from factcheck.model import Claim, Cluster, Document

__all__ = ["block_key", "cluster_claims", "entities"]

# Institutions and organisations are written as acronyms (IMSS, ISSSTE, INSABI, CFE,
# IMSS-Bienestar): upper-case words of two letters or more, optionally hyphenated.
_ACRONYM = re.compile(r"\b[A-ZÁÉÍÓÚÑ]{2,}[0-9]*(?:[- ]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?=[\s,.;:)]))?")
_UNCLUSTERED = frozenset({"time"})


def block_key(claim: Claim) -> tuple[str, str]:
    """The block a claim is compared within: its dimension and unit family."""
    q = claim.quantity
    if q.dimension == "money":
        return ("money", q.unit)
    if q.dimension in {"count", "percent", "percentage_point", "ratio"}:
        return (q.dimension, "")
    return (q.dimension, "physical")


def _informative(claim: Claim) -> str | None:
    """The subject if it names what is measured; "incremento" or "rise" alone does not
    say what rose, so such a claim is matched on its context only."""
    subject = claim.subject
    if not subject:
        return None
    words = [fold(w) for w in subject.split()]
    return None if all(w in _change_words() for w in words) else subject


@cache
def _change_words() -> frozenset[str]:
    return frozenset().union(*(language(code).change_words for code in available_languages()))


def _entity(token: str) -> str:
    return re.sub(r"[- ]+", "-", token.strip()).upper()


def entities(text: str) -> frozenset[str]:
    """Institutions named in ``text``.

    >>> sorted(entities("El IMSS- Bienestar y el ISSSTE firmaron con la SEP."))
    ['IMSS-BIENESTAR', 'ISSSTE', 'SEP']
    """
    return frozenset(_entity(m.group()) for m in _ACRONYM.finditer(text))


def _document_entities(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """The institution a document is about: the one it names most (ties kept)."""
    out = {}
    for doc in documents:
        counts = Counter(_entity(m.group()) for m in _ACRONYM.finditer(doc.text))
        top = max(counts.values(), default=0)
        out[doc.id] = frozenset(e for e, n in counts.items() if n == top) if top else frozenset()
    return out


@dataclass(frozen=True, slots=True)
class _Member:
    claim: Claim
    sentence_key: tuple[str, str]
    entities: frozenset[str]


def _compatible(a: _Member, b: _Member) -> bool:
    if a.sentence_key == b.sentence_key:
        return False
    return not (a.entities and b.entities and not (a.entities & b.entities))


def _accepted(
    a: _Member,
    b: _Member,
    contexts: np.ndarray,
    subjects: np.ndarray,
    i: int,
    j: int,
    config: Config,
) -> bool:
    """Whether a proposed pair is one quantity. In one document the bar is higher:
    a repetition restates the same thing, while two figures of one kind in one
    article ("renovated 100 facilities", "will rehabilitate 376") are usually two."""
    if not _compatible(a, b):
        return False
    context = float(contexts[i] @ contexts[j])
    if not (_informative(a.claim) and _informative(b.claim)):
        return context >= config.context_alone_min
    if a.claim.doc_id == b.claim.doc_id:
        # One article names one quantity the same way each time it repeats it.
        same = fold(a.claim.subject or "") == fold(b.claim.subject or "")
        return same and context >= config.repeat_context_min
    subject = float(subjects[i] @ subjects[j])
    return subject >= config.subject_min and context >= config.context_min


def _components(members: Sequence[_Member], edges: list[tuple[float, int, int]]) -> list[list[int]]:
    """Groups joined by the edges, best first; an edge that would put two figures of
    one sentence in one group is dropped (chaining through a third claim would)."""
    parent = list(range(len(members)))
    sentences = [{m.sentence_key} for m in members]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in sorted(edges, reverse=True):
        ra, rb = root(a), root(b)
        if ra == rb or sentences[ra] & sentences[rb]:
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        parent[drop] = keep
        sentences[keep] |= sentences[drop]
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _label(claims: Sequence[Claim]) -> str:
    """The subjects the group is written with, most common first: "hospitales / hospitals"."""
    counts = Counter(fold(c.subject) for c in claims if c.subject)
    written = {fold(c.subject): c.subject for c in claims if c.subject}
    names = [written[s] for s, _ in counts.most_common(3)]
    return " / ".join(names) if names else claims[0].quantity.unit


# Each claim keeps at most this many proposals: a quantity is restated a handful of
# times, and a bounded list keeps memory linear in the number of claims.
_NEIGHBOURS = 16


_SEARCH_DIMENSIONS = 128


def _projected(vectors: np.ndarray) -> np.ndarray:
    """A fixed random projection to 128 dimensions for the neighbour search only
    (Johnson-Lindenstrauss: cosines are kept to a few hundredths), eight times less
    arithmetic than the 1,024 of context plus subject. Pairs are then judged on the
    full vectors, so the projection costs only a little recall at the margin."""
    if vectors.shape[1] <= _SEARCH_DIMENSIONS:
        return vectors
    basis = np.random.default_rng(20261123).standard_normal((vectors.shape[1], _SEARCH_DIMENSIONS))
    projected = (vectors @ basis.astype(np.float32)).astype(np.float32)
    norms = np.linalg.norm(projected, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = projected / norms
    return unit


def _neighbours(vectors: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """Pairs among each row's nearest neighbours with cosine similarity ≥ ``minimum``.
    scikit-learn computes the distances in chunks, so no n-by-n matrix is held."""
    from sklearn import config_context
    from sklearn.neighbors import NearestNeighbors  # an edge: heavy import, on first use

    n = len(vectors)
    if n < 2:
        return []
    search = _projected(vectors)
    index = NearestNeighbors(n_neighbors=min(_NEIGHBOURS, n), metric="cosine", algorithm="brute")
    index.fit(search)
    with config_context(working_memory=128):  # MB per chunk of distances
        distances, rows = index.kneighbors(search)
    pairs = set()
    for i in range(n):
        for distance, j in zip(distances[i], rows[i], strict=True):
            if i != j and 1.0 - distance >= minimum - 0.05:  # slack for the projection
                pairs.add((min(i, int(j)), max(i, int(j))))
    return sorted(pairs)


def cluster_claims(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    embedder: Embedder,
    config: Config | None = None,
) -> tuple[Cluster, ...]:
    """Groups of two or more claims about one quantity, in order of first claim."""
    config = config or Config()
    doc_entities = _document_entities(documents)
    blocks: dict[tuple[str, str], list[_Member]] = {}
    for claim in claims:
        if claim.quantity.dimension in _UNCLUSTERED:
            continue
        named = entities(claim.sentence) or doc_entities.get(claim.doc_id, frozenset())
        member = _Member(claim, (claim.doc_id, claim.sentence), named)
        blocks.setdefault(block_key(claim), []).append(member)
    groups: list[list[Claim]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        contexts = embedder.encode([claim_context(m.claim) for m in members])
        informative = [_informative(m.claim) for m in members]
        subjects = embedder.encode([s or "" for s in informative])
        has_subject = np.array([bool(s) for s in informative])
        subjects[~has_subject] = 0.0
        # The mean of the two cosines, as one vector: proposals need one radius search.
        combined = np.hstack([contexts, subjects]) / np.sqrt(1.0 + has_subject[:, None])
        kept = [
            (float(combined[i] @ combined[j]), i, j)
            for i, j in _neighbours(combined, config.propose_min)
            if _accepted(members[i], members[j], contexts, subjects, i, j, config)
        ]
        groups.extend([members[k].claim for k in g] for g in _components(members, kept))
    groups.sort(key=lambda g: (g[0].doc_id, g[0].start))
    return tuple(
        Cluster(id=f"cluster-{n}", label=_label(g), claim_ids=tuple(c.id for c in g))
        for n, g in enumerate(groups, start=1)
    )

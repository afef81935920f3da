"""The whole run: documents in, a Report out. Rate tables are loaded here, at the edge,
once, and passed to the checks."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.checks import (
    arithmetic_growth,
    arithmetic_percentage,
    arithmetic_total,
    check_clusters,
    check_conversions,
    implied_claims,
)
from factcheck.cluster import cluster_claims
from factcheck.config import Config
from factcheck.embed import Embedder, make_embedder
from factcheck.extract import extract_document, located
from factcheck.model import Check, Claim, Document, Report
from factcheck.rates import RateTable, load_rates

__all__ = ["check"]


def check(
    documents: Iterable[Document],
    config: Config | None = None,
    *,
    rates: RateTable | None = None,
    embedder: Embedder | None = None,
) -> Report:
    """Extract every claim of ``documents``, group the claims about one quantity, and
    run the checks on them.

    ``rates`` defaults to the table named by ``config.rates`` or the ECB history
    shipped with factcheck's dependencies; ``embedder`` to ``config.embedder``.

    >>> from factcheck.model import Document
    >>> from datetime import date
    >>> text = "An investment of MX$1.28 billion (US$643 million)."
    >>> doc = Document("a", text, date=date(2022, 5, 24), lang="en")
    >>> report = check([doc], embedder=make_embedder("hash"))
    >>> [(c.verdict, round(c.rel_error, 2)) for c in report.checks]
    [('inconsistent', 8.96)]
    """
    config = config or Config()
    docs = tuple(located(d, config.locale) for d in documents)
    table = rates if rates is not None else load_rates(config.rates)
    claims: list[Claim] = []
    checks: list[Check] = []
    for doc in docs:
        found = extract_document(doc)
        # Figures a share implies ("equivale al 80 por ciento") join the comparison.
        claims.extend((*found, *implied_claims(doc, found)))
        checks.extend(check_conversions(doc, found, table, config))
        for arithmetic in (arithmetic_percentage, arithmetic_total, arithmetic_growth):
            checks.extend(arithmetic(doc, found, config))
    clusters = cluster_claims(claims, docs, embedder or make_embedder(config.embedder), config)
    checks.extend(check_clusters(clusters, claims, docs, table, config))
    return Report(documents=docs, claims=tuple(claims), clusters=clusters, checks=tuple(checks))

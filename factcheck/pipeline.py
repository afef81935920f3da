"""The whole run: documents in, a Report out. Rate tables are loaded here, at the edge,
once, and passed to the checks."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.checks import check_conversions
from factcheck.config import Config
from factcheck.extract import extract_document
from factcheck.model import Check, Claim, Document, Report
from factcheck.rates import RateTable, load_rates

__all__ = ["check"]


def check(
    documents: Iterable[Document], config: Config | None = None, *, rates: RateTable | None = None
) -> Report:
    """Extract every claim of ``documents`` and run the checks on them.

    ``rates`` defaults to the table named by ``config.rates`` or the ECB history
    shipped with factcheck's dependencies.

    >>> from factcheck.model import Document
    >>> from datetime import date
    >>> text = "An investment of MX$1.28 billion (US$643 million)."
    >>> doc = Document("a", text, date=date(2022, 5, 24), lang="en")
    >>> [(c.verdict, round(c.rel_error, 2)) for c in check([doc]).checks]
    [('inconsistent', 8.96)]
    """
    config = config or Config()
    docs = tuple(documents)
    table = rates if rates is not None else load_rates(config.rates)
    claims: list[Claim] = []
    checks: list[Check] = []
    for doc in docs:
        found = extract_document(doc, locale=config.locale)
        claims.extend(found)
        checks.extend(check_conversions(doc, found, table, config))
    return Report(documents=docs, claims=tuple(claims), checks=tuple(checks))

"""The data model: frozen values that flow from one pipeline stage to the next.

Numbers are kept as :class:`~decimal.Decimal` so that "448.3" stays 448.3 and the
written precision survives; floats appear only in the JSON view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from typing import Literal

Qualifier = Literal["exact", "more_than", "at_least", "less_than", "at_most", "about", "range"]
Verdict = Literal["consistent", "inconsistent", "differs_by_time", "differs_by_scope", "uncertain"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text and what is known about it.

    ``id`` is the path relative to the folder given (or the JSONL record's id);
    ``lang`` is an ISO 639-1 code (``"es"``, ``"en"``); ``locale`` refines the number
    conventions (``"es-MX"`` decimal point, ``"es-ES"`` decimal comma) when known.
    """

    id: str
    text: str
    title: str | None = None
    date: Date | None = None
    lang: str | None = None
    source: str | None = None
    locale: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value with the interval it stands for.

    ``value`` is the number as written with its scale applied ("más de 20 mil" → 20000).
    ``low``/``high`` bound what the words allow: ``None`` is unbounded. A decimal
    mantissa is rounded to its last digit, so "1.3 millones" is [1.25e6, 1.35e6).
    """

    value: Decimal
    low: Decimal | None
    high: Decimal | None
    unit: str
    dimension: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: where it stands in its document and what it says."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    quantity: Quantity
    qualifier: Qualifier = "exact"
    subject: str | None = None
    time: str | None = None
    place: str | None = None
    steps: tuple[str, ...] = field(default=())
    # A figure the text implies rather than writes ("53.2 millones ... equivale al 80 por
    # ciento" implies 66.5 millones): the ids of the claims it was computed from.
    derived_from: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Check:
    """One check that was made, whatever its verdict."""

    id: str
    kind: str
    verdict: Verdict
    severity: Severity
    claim_ids: tuple[str, ...]
    expected: Decimal | None
    stated: Decimal | None
    rel_error: float | None
    message: str
    explanation: str
    slip: str | None = None  # the likely cause of an inconsistency: factor, inverted, ...


@dataclass(frozen=True, slots=True)
class Cluster:
    """Claims about one quantity."""

    id: str
    label: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found; renderers are views of it."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    clusters: tuple[Cluster, ...] = ()
    checks: tuple[Check, ...] = ()

    @property
    def findings(self) -> tuple[Check, ...]:
        """The checks whose verdict is not ``consistent``."""
        return tuple(c for c in self.checks if c.verdict != "consistent")

    def to_json(self, *, include_text: bool = False) -> str:
        """The report as ``factcheck-report/1`` JSON (see docs/report.md)."""
        from factcheck.report.json import to_json  # the view imports the model, not back

        return to_json(self, include_text=include_text)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input, reported instead of stopping the run.

    ``fatal`` means the whole file was skipped; otherwise only a part was (a JSONL
    line) or the input was used with a caveat (a legacy encoding, a date that did not parse).
    """

    path: str
    message: str
    line: int | None = None
    fatal: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

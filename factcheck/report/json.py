"""The ``factcheck-report/1`` JSON contract (see docs/report.md).

Byte-stable: keys in a fixed order, no timestamps, numbers written exactly, so a
golden file can be compared with ``==`` and a diff shows what changed.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from factcheck.model import Check, Claim, Cluster, Document, Report

SCHEMA = "factcheck-report/1"


def _number(value: Decimal | None) -> int | float | None:
    """JSON has no decimals: whole values become ints, the rest the nearest float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _document(doc: Document, include_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "lang": doc.lang,
        "locale": doc.locale,
    }
    if include_text:
        out["text"] = doc.text
    return out


def _claim(c: Claim) -> dict[str, Any]:
    q = c.quantity
    return {
        "id": c.id,
        "doc": c.doc_id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "sentence": c.sentence,
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "unit": q.unit,
        "dimension": q.dimension,
        "qualifier": c.qualifier,
        "subject": c.subject,
        "time": c.time,
        "place": c.place,
        "derived_from": list(c.derived_from),
    }


def _cluster(c: Cluster) -> dict[str, Any]:
    return {"id": c.id, "label": c.label, "claims": list(c.claim_ids)}


def _check(c: Check) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "verdict": c.verdict,
        "severity": c.severity,
        "claims": list(c.claim_ids),
        "expected": _number(c.expected),
        "stated": _number(c.stated),
        "rel_error": c.rel_error,
        "message": c.message,
        "explanation": c.explanation,
        "slip": c.slip,
    }


def report_dict(report: Report, *, include_text: bool = False) -> dict[str, Any]:
    """The report as plain JSON-ready data, in the contract's key order."""
    return {
        "schema": SCHEMA,
        "documents": [_document(d, include_text) for d in report.documents],
        "claims": [_claim(c) for c in report.claims],
        "clusters": [_cluster(c) for c in report.clusters],
        "checks": [_check(c) for c in report.checks],
    }


def to_json(report: Report, *, include_text: bool = False) -> str:
    """The report as ``factcheck-report/1`` JSON text, ending in a newline."""
    data = report_dict(report, include_text=include_text)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

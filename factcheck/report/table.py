"""A terminal table of claims: one line each, grouped by document."""

from __future__ import annotations

from decimal import Decimal

from factcheck.model import Claim, Report

_QUALIFIER_MARKS = {
    "exact": "",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "at_most": "≤",
    "about": "~",
    "range": "",
}


def _amount(value: Decimal | None) -> str:
    if value is None:
        return "∞"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0").rstrip(".")


def _value(c: Claim) -> str:
    q = c.quantity
    if c.qualifier == "range":
        return f"{_amount(q.low)}–{_amount(q.high)}"
    return _QUALIFIER_MARKS[c.qualifier] + _amount(q.value)


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(report: Report) -> str:
    """Claims as an aligned text table, one block per document."""
    lines: list[str] = []
    by_doc: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    for doc in report.documents:
        claims = by_doc.get(doc.id, [])
        date = doc.date.isoformat() if doc.date else "no date"
        lines.append(f"{doc.id}  ({doc.lang or '?'}, {date}): {len(claims)} claims")
        if claims:
            header = f"  {'offset':>7}  {'value':>18}  {'unit':<10}  {'subject':<32}  text"
            lines.append(header)
        for c in claims:
            lines.append(
                f"  {c.start:>7}  {_clip(_value(c), 18):>18}  {c.quantity.unit:<10}  "
                f"{_clip(c.subject, 32):<32}  {_clip(c.text, 40)}"
            )
        lines.append("")
    total = len(report.claims)
    lines.append(f"{total} claims in {len(report.documents)} documents")
    return "\n".join(lines) + "\n"

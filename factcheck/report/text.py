"""The text view of a report: problems first, each with its sentence and the figures
marked, then the consistent checks counted, then a one-line summary per kind."""

from __future__ import annotations

from collections import Counter

from factcheck.model import Check, Claim, Report

_ORDER = {
    "inconsistent": 0,
    "uncertain": 1,
    "differs_by_scope": 2,
    "differs_by_time": 3,
    "consistent": 4,
}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_NOUNS = {
    "currency_conversion": "conversions",
    "unit_conversion": "conversions",
    "cross_source": "cross-source comparisons",
    "repetition": "repetitions",
    "arithmetic_percentage": "percentages",
    "arithmetic_total": "totals",
    "arithmetic_growth": "growth rates",
}


def _mark(text: str, color: bool) -> str:
    return f"\033[1;31m{text}\033[0m" if color else f"«{text}»"


def _excerpt(claims: list[Claim], texts: dict[str, str], color: bool) -> str:
    """The sentence of the first claim, with every claim of the check inside it marked."""
    first = claims[0]
    text = texts.get(first.doc_id, "")
    start = text.rfind(first.sentence, 0, first.start + len(first.sentence))
    if start < 0:
        return " ".join(first.sentence.split())
    end = start + len(first.sentence)
    out, pos = [], start
    for c in sorted(claims, key=lambda c: c.start):
        if c.doc_id == first.doc_id and pos <= c.start and c.end <= end:
            out.append(text[pos : c.start] + _mark(c.text, color))
            pos = c.end
    out.append(text[pos:end])
    return " ".join("".join(out).split())


def _finding(
    check: Check, claims: dict[str, Claim], texts: dict[str, str], color: bool
) -> list[str]:
    involved = [claims[i] for i in check.claim_ids if i in claims]
    docs = list(dict.fromkeys(c.doc_id for c in involved))
    head = f"{check.verdict.upper()} ({check.severity}) {check.kind}"
    lines = [f"{head} — {', '.join(docs)}", f"  {check.message}"]
    if involved:
        lines.append(f'  "{_excerpt(involved, texts, color)}"')
    lines.append(f"  {check.explanation}")
    return lines


def render_text(report: Report, *, color: bool = False) -> str:
    """The report for a terminal or an e-mail: findings first, consistent checks counted."""
    claims = {c.id: c for c in report.claims}
    texts = {d.id: d.text for d in report.documents}
    findings = sorted(
        (c for c in report.checks if c.verdict != "consistent"),
        key=lambda c: (_ORDER[c.verdict], _SEVERITY_ORDER[c.severity]),
    )
    sizes = (len(report.documents), len(report.claims), len(report.checks))
    lines = ["{} documents, {} claims, {} checks".format(*sizes), ""]
    for check in findings:
        lines.extend(_finding(check, claims, texts, color))
        lines.append("")
    consistent = [c for c in report.checks if c.verdict == "consistent"]
    if consistent:
        lines.append(f"{len(consistent)} checks consistent:")
        lines.extend(f"  ok  {c.message}" for c in consistent)
        lines.append("")
    implied = [c for c in report.claims if c.derived_from]
    if implied:
        lines.append(f"{len(implied)} implied figures (compared with other articles):")
        lines.extend(
            f"  {c.doc_id}: about {c.quantity.value.normalize():,f} {c.subject or ''} "
            f"({'; '.join(c.steps)})".replace(" (", " (", 1)
            for c in implied
        )
        lines.append("")
    by_noun: dict[str, Counter[str]] = {}
    for c in report.checks:
        by_noun.setdefault(_NOUNS.get(c.kind, c.kind), Counter())[c.verdict] += 1
    for noun, counts in by_noun.items():
        parts = ", ".join(
            f"{n} {verdict.replace('_', ' ')}"
            for verdict, n in sorted(counts.items(), key=lambda item: _ORDER[item[0]] * -1)
        )
        lines.append(f"{sum(counts.values())} {noun} checked: {parts}")
    if not report.checks:
        lines.append("No checks could be made: no conversions, totals or repeated figures found.")
    return "\n".join(lines) + "\n"

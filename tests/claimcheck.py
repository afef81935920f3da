"""Compare extracted claims with expected ones written as data (cases and seed fixtures).

An expected claim gives ``value`` and ``unit`` and, optionally, ``span``, ``low``,
``high``, ``qualifier``, ``subject`` (a phrase the extracted subject must contain;
null: no subject), ``subject_not`` (a word it must not contain) and ``time`` (the time
scope read for it, exactly; null: none).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.lang import fold
from factcheck.model import Claim


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= abs(b) * Decimal("1e-9") + Decimal("1e-9")


def differences(expected: dict[str, Any], got: Claim) -> list[str]:
    """What differs between one expected claim and one extracted claim ([] if none)."""
    out = []
    q = got.quantity
    if not _close(q.value, _dec(expected["value"])):
        out.append(f"value {q.value} != {expected['value']}")
    if q.unit != expected["unit"]:
        out.append(f"unit {q.unit} != {expected['unit']}")
    if "span" in expected and got.text != expected["span"]:
        out.append(f"span {got.text!r} != {expected['span']!r}")
    if "qualifier" in expected and got.qualifier != expected["qualifier"]:
        out.append(f"qualifier {got.qualifier} != {expected['qualifier']}")
    for bound in ("low", "high"):
        if bound in expected and not _close(getattr(q, bound), _dec(expected[bound])):
            out.append(f"{bound} {getattr(q, bound)} != {expected[bound]}")
    want = expected.get("subject")
    if want and fold(want) not in fold(got.subject or ""):
        out.append(f"subject {got.subject!r} lacks {want!r}")
    if "subject" in expected and want is None and got.subject is not None:
        out.append(f"subject {got.subject!r} where none is expected")
    if "time" in expected and got.time != expected["time"]:
        out.append(f"time {got.time!r} != {expected['time']!r}")
    unwanted = expected.get("subject_not")
    if unwanted and fold(unwanted) in fold(got.subject or "").split():
        out.append(f"subject {got.subject!r} has {unwanted!r}")
    return out


def compare(expected: list[dict[str, Any]], got: tuple[Claim, ...]) -> list[str]:
    """Every difference between two claim lists, aligned in order of appearance."""
    problems = []
    if len(expected) != len(got):
        problems.append(
            f"{len(got)} claims, expected {len(expected)}: got {[c.text for c in got]}, "
            f"expected {[e.get('span', e['value']) for e in expected]}"
        )
    for i, (e, g) in enumerate(zip(expected, got, strict=False)):
        problems.extend(f"claim {i} ({g.text!r}): {d}" for d in differences(e, g))
    return problems

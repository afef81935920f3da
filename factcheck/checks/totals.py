"""``arithmetic_total``: parts and the total they make.

- A stated total over listed parts must be their sum: "300 millones en personal, 150
  millones en equipo y 50 millones en infraestructura, para un total de 500 millones";
  "A, B and C, a total of X"; "... 500 en total".
- A total broken down after it ("X, de los cuales A ... y B", "of which", "De los X,
  A ... y B", "X: A ..., B ...") need not be exhaustive: the parts may sum to less.
  A part larger than the total is a contradiction; parts that together exceed it may
  overlap ("of which 300 are women and 250 are over 60"), so that is uncertain.
- Shares as parts of a counted total ("de los cuales 60% ... y 45% ...") are held to
  100%.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from factcheck.checks.links import (
    Finding,
    Interval,
    Passage,
    Reader,
    clip,
    head,
    judge,
    make_check,
    passages,
    rel_error,
    same_kind,
    show,
    tokens,
)
from factcheck.config import Config
from factcheck.model import Check, Claim, Document, Severity, Verdict

__all__ = ["arithmetic_total"]

_HUNDRED = Interval(Decimal(100), Decimal(100), Decimal(100), Decimal(100))


def _explicit_total(reader: Reader, cs: Sequence[Claim], t: int) -> bool:
    """ "para un total de X", "que suman X", "X en total" after the last part."""
    if t == 0:
        return False
    toks = reader.tail(cs[t - 1], cs[t])
    words = reader.words
    keyed = toks is not None and any(w in words.total_keys for w in toks)
    if keyed and toks is not None and reader.only(toks, words.total_words):
        return True
    after = " ".join(tokens(reader.after(cs[t], 20)))
    return after.startswith(words.total_after) and reader.list_gap(cs[t - 1], cs[t])


def _parts_before(reader: Reader, cs: Sequence[Claim], t: int) -> list[Claim]:
    parts = [cs[t - 1]]
    for i in range(t - 2, -1, -1):
        if not (same_kind(cs[i], cs[t]) and reader.list_gap(cs[i], cs[i + 1])):
            break
        parts.insert(0, cs[i])
    return parts


def _breakdown(reader: Reader, cs: Sequence[Claim], t: int) -> str | None:
    """ "X, de los cuales", "X, of which", "X:", or "De los X, ..." before the parts:
    "partition" when the words split X into all its parts ("repartidos en", "suman X:"),
    "subset" when the parts may be only some of it, None when no breakdown follows."""
    if t + 1 >= len(cs):
        return None
    toks = reader.tail(cs[t], cs[t + 1])
    words = reader.words
    if toks and any(w in words.breakdown_keys for w in toks):
        if not reader.only(toks, words.breakdown_words):
            return None
        clause = tokens(reader.before(cs[t], 80)) + tokens(reader.gap(cs[t], cs[t + 1]))
        clause = clause[max((i for i, w in enumerate(clause) if w in {";", "."}), default=-1) + 1 :]
        totalled = any(w in words.total_keys for w in clause) or any(
            f" {ph} " in f" {' '.join(clause)} " for ph in words.total_after
        )
        split = any(w in words.partition_keys for w in toks)
        return "partition" if split or (totalled and toks[-1:] == [":"]) else "subset"
    opened = reader.opens_whole(cs[t])
    return "subset" if opened and toks == [","] else None


def _parts_after(reader: Reader, cs: Sequence[Claim], t: int) -> list[Claim]:
    total = cs[t]
    if _containers(reader, total, cs[t + 1]):
        return []
    parts: list[Claim] = []
    for i in range(t + 1, len(cs)):
        fits = same_kind(cs[i], total) or cs[i].quantity.dimension == "percent"
        if fits and _members(reader, cs[i], total):
            break  # "123,100 households ..., including 159,380 children"
        if not fits or (parts and not reader.list_gap(parts[-1], cs[i])):
            break
        if parts and parts[0].quantity.dimension != cs[i].quantity.dimension:
            break
        parts.append(cs[i])
    return parts


def _containers(reader: Reader, total: Claim, first: Claim) -> bool:
    """Whether the count after "distribuidos en", "split into" counts what the total is
    spread over, not its parts: "39 deportes, distribuidos en 41 sedes"."""
    toks = reader.tail(total, first) or []
    if not any(w in reader.words.partition_keys for w in toks):
        return False
    if "count" not in (total.quantity.dimension, first.quantity.dimension):
        return False
    whole, counted = head(total.subject, reader.lang), head(first.subject, reader.lang)
    return whole is not None and counted is not None and whole != counted


def _members(reader: Reader, part: Claim, total: Claim) -> bool:
    """Whether the part counts the members of the whole's units rather than some of
    them: children in households, students in schools."""
    words = reader.words
    whole, counted = head(total.subject, reader.lang), head(part.subject, reader.lang)
    return whole in words.member_units and counted in words.members


def _sum(reader: Reader, parts: Sequence[Claim]) -> Interval | None:
    total: Interval | None = None
    for part in parts:
        iv = reader.interval(part)
        if iv is None:
            return None
        total = iv if total is None else total + iv
    return total


def arithmetic_total(
    document: Document, claims: Sequence[Claim], config: Config | None = None
) -> list[Check]:
    """One check per total with its parts.

    >>> from factcheck.extract import extract_claims
    >>> from factcheck.model import Document
    >>> text = ("The plan puts $300 million into staff, $150 million into equipment and "
    ...         "$100 million into buildings, a total of $500 million.")
    >>> doc = Document("a", text, lang="en")
    >>> [c.verdict for c in arithmetic_total(doc, extract_claims(text, "en"))]
    ['inconsistent']
    """
    config = config or Config()
    reader = Reader(document)
    checks: list[Check] = []
    for p in passages(document, claims):
        for found in _passage_checks(reader, p, config):
            checks.append(make_check("arithmetic_total", document, len(checks) + 1, found))
    return checks


def _passage_checks(reader: Reader, p: Passage, config: Config) -> list[Finding]:
    cs = p.claims
    made: list[Finding] = []
    summed: set[str] = set()
    for t, total in enumerate(cs):
        if total.quantity.dimension == "ratio":
            continue
        if _explicit_total(reader, cs, t) and same_kind(cs[t - 1], total):
            parts = _parts_before(reader, cs, t)
            if len(parts) >= 2:
                made.append(_exhaustive(reader, parts, total, config))
                summed.update(c.id for c in parts)
        kind = _breakdown(reader, cs, t)
        if kind is not None:
            parts = _parts_after(reader, cs, t)
            whole = bool(parts) and parts[0].quantity.dimension != "percent"
            if kind == "partition" and len(parts) >= 2 and whole:
                made.append(_exhaustive(reader, parts, total, config))
            elif parts and not summed.intersection(c.id for c in parts):
                found = _within(reader, parts, total, config)
                if found is not None:
                    made.append(found)
    return made


def _exhaustive(reader: Reader, parts: list[Claim], total: Claim, config: Config) -> Finding:
    computed, stated = _sum(reader, parts), reader.interval(total)
    names = " + ".join(c.text for c in parts)
    if computed is None or stated is None:
        return Finding(
            ("uncertain", "info"),
            (*parts, total),
            None,
            total.quantity.value,
            None,
            f"{names}: cannot add negative or zero figures",
            "",
        )
    verdict = judge(computed, stated, config, sure=True)
    unit = total.quantity.unit
    total_text = show(computed.mid, unit if unit != "percent" else "")
    message = f"{names} = {total_text}; the text says {total.text}"
    why = {
        "consistent": "The parts add up to the stated total within their rounding.",
        "uncertain": "The parts and the total differ only as far as the wording allows.",
        "inconsistent": "The parts do not add up to the stated total: a part or the total "
        "is likely wrong.",
    }[verdict[0]]
    return Finding(
        verdict,
        (*parts, total),
        computed.mid,
        total.quantity.value,
        rel_error(computed, total.quantity.value),
        message,
        f'{why} "{clip(total.sentence)}"',
    )


def _within(reader: Reader, parts: list[Claim], total: Claim, config: Config) -> Finding | None:
    shares = parts[0].quantity.dimension == "percent" and total.quantity.dimension != "percent"
    whole = _HUNDRED if shares else reader.interval(total)
    computed = _sum(reader, parts)
    if whole is None or computed is None:
        return None
    names = " + ".join(c.text for c in parts)
    of = "100%" if shares else total.text
    largest = max(parts, key=lambda c: c.quantity.value)
    big = reader.interval(largest)
    verdict: tuple[Verdict, Severity]
    if big is not None and big.plow > whole.phigh:
        verdict = ("inconsistent", "error")
        why = f"A part ({largest.text}) is larger than its total ({of})."
    elif computed.plow <= whole.phigh:
        verdict = ("consistent", "info")
        why = f"The parts fit within the total ({of}); they need not add up to all of it."
    else:
        verdict = ("uncertain", "info")
        why = (
            f"The parts add up to more than the total ({of}); that is a contradiction "
            "only if they do not overlap."
        )
    message = f"{names} = {show(computed.mid, '')}{'%' if shares else ''}, of {of}"
    return Finding(
        verdict,
        (*parts, total),
        computed.mid,
        whole.mid,
        rel_error(whole, computed.mid),
        message,
        f'{why} "{clip(total.sentence)}"',
    )

"""``arithmetic_percentage``: a part, its whole and the share stated between them.

"más de 1.3 millones de cirugías, de una meta total de 2 millones ... 65%": 1.3 of 2
is 62.5% to 67.5% once "1.3" is read as the rounding it is, so 65% is consistent and
73% is not. A share with only one of the two figures implies the other: "53.2 millones
de mexicanos, cifra que equivale al 80 por ciento de las personas que no tenían
seguridad social" implies 66.5 millones, which becomes a derived claim the
cross-source check compares with other articles.

The sentence decides what belongs together (see :mod:`factcheck.checks.links`):

- part → whole: "X de una meta de Y", "X out of Y", "De los Y ..., X";
- figure → share: "X, lo que representa el Z%", "X (Z%)";
- share → whole: "el Z% de los Y", "Z% of the Y";
- share → part restated: "el Z% de los Y, es decir, X";
- a list of shares "respectivamente" matched in order to the figures before it, the
  first ones from the previous sentence when this one has too few.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

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
from factcheck.lang import compared_after, fold
from factcheck.model import Check, Claim, Document, Quantity

__all__ = ["arithmetic_percentage", "implied_claims", "share_links"]

_HUNDRED = Decimal(100)
_NO_SHARE = Decimal(1000)  # percent: no share, a pairing of figures that do not belong
_PHRASE_WORDS = 8
_CLAUSE_END = re.compile(r"[.;:,()\[\]\n\u2013\u2014]")
_RELATIVE = frozenset(
    {"percent", "percentage_point", "ratio"}
)  # the most words of an implied whole's name kept as its subject


@dataclass(frozen=True, slots=True)
class ShareLink:
    """A share and the figures it relates. ``part`` or ``whole`` is None when the text
    gives only the other: that one is implied. ``sure`` is False when the part and the
    whole name different things; ``inferred`` when the share was matched across
    sentences."""

    share: Claim
    part: Claim | None
    whole: Claim | None
    sure: bool = True
    inferred: bool = False
    whole_name: str | None = None


def _percent(claim: Claim) -> bool:
    return claim.quantity.dimension == "percent"


def _figure(claim: Claim | None) -> bool:
    """An amount that can be a part or a whole (not itself a share or a ratio)."""
    return claim is not None and claim.quantity.dimension not in _RELATIVE


def _wholes(reader: Reader, cs: Sequence[Claim]) -> dict[str, tuple[Claim, bool]]:
    """part id → (its whole, whether the words between were a bare "de"/"of"), from "X
    de una meta de Y", "X de los Y" and "De los Y ..., X"."""
    found: dict[str, tuple[Claim, bool]] = {}
    words = reader.words
    for a, b in itertools.pairwise(cs):
        if not (_figure(a) and _figure(b) and same_kind(a, b)):
            continue
        toks = reader.tail(a, b)
        if reader.whole_link(toks):
            named = any(t in words.whole_nouns or t in reader.lang.articles for t in toks or ())
            found[a.id] = (b, not named)
        elif reader.opens_whole(a) and toks == [","]:
            found[b.id] = (a, False)
        elif reader.opens_whole(a) and toks and toks[0] == "," and _one_noun(reader, a, b):
            found[b.id] = (a, False)  # "De los 10.101 pisos ..., el Eixample concentra 4.200"
    return found


def _one_noun(reader: Reader, a: Claim, b: Claim) -> bool:
    """Whether two figures count one noun ("pisos" and "pisos")."""
    ha, hb = head(a.subject, reader.lang), head(b.subject, reader.lang)
    return ha is not None and ha == hb


def _sure(part: Claim, whole: Claim, reader: Reader, bare: bool = False) -> bool:
    """Whether a part and a whole joined by a bare "de"/"of" are one thing counted:
    "300 hospitales de 500 camas" are not; a whole named only as "meta", "total" or
    not at all, or a sum of money, may be."""
    if not bare or part.quantity.dimension == "money":
        return True
    hp, hw = head(part.subject, reader.lang), head(whole.subject, reader.lang)
    return hp is None or hw is None or hp == hw or hw in reader.words.whole_nouns


def _whole_name(reader: Reader, share: Claim, cs: Sequence[Claim]) -> str | None:
    """What a share is a share of, when no figure follows: "de las personas que no
    tenían seguridad social" → "personas que no tenían seguridad social"; "" for "del
    total"; None when nothing says (or "de ellos" points back at the figure before)."""
    later = [c.start for c in cs if c.start > share.end]
    raw = reader.document.text[share.end : min([*later, share.end + 160])]
    raw = _CLAUSE_END.split(raw, maxsplit=1)[0]
    words = raw.split()
    preps = {p for p in reader.words.whole_prepositions if " " not in p}
    if not words or fold(words[0]) not in preps:
        return None
    rest = words[1:]
    folded = " ".join(fold(w) for w in rest)
    if folded.startswith(reader.words.back_references) or any(c.isdigit() for c in folded):
        return None
    skip = reader.lang.articles | preps | reader.words.whole_nouns
    while rest and fold(rest[0]) in skip:
        rest = rest[1:]
    return " ".join(rest[:_PHRASE_WORDS])


def _back_reference(reader: Reader, share: Claim) -> bool:
    toks = tokens(reader.after(share, 30))
    return len(toks) > 1 and " ".join(toks[1:]).startswith(reader.words.back_references)


def _sentence_links(
    reader: Reader, p: Passage, wholes: dict[str, tuple[Claim, bool]]
) -> list[ShareLink]:
    cs = p.claims
    whole_of = {w.id: (cs_id, bare) for cs_id, (w, bare) in wholes.items()}
    by_id = {c.id: c for c in cs}
    links: list[ShareLink] = []
    for i, z in enumerate(cs):
        if not _percent(z) or reader.says_change(tokens(reader.before(z, 20))[-2:]):
            continue  # "$6.23, up 5.6% from $5.90": a change, no share
        if compared_after(reader.document.text, z.end, reader.lang):
            continue  # "US$ 520 millones, 15.0% menos que la de US$ 612 millones"
        prev = cs[i - 1] if i else None
        nxt = cs[i + 1] if i + 1 < len(cs) else None
        after_next = cs[i + 2] if i + 2 < len(cs) else None
        to_share = prev is not None and _figure(prev) and reader.share_link(reader.tail(prev, z))
        of_whole = (
            nxt is not None and _figure(nxt) and reader.whole_link(tokens(reader.gap(z, nxt)))
        )
        if to_share and prev is not None and prev.id in whole_of:  # X de Y, lo que es Z
            part_id, bare = whole_of[prev.id]
            part = by_id[part_id]
            links.append(ShareLink(z, part, prev, _sure(part, prev, reader, bare)))
        elif to_share and prev is not None and prev.id in wholes:  # De los Y, X (Z)
            whole, bare = wholes[prev.id]
            links.append(ShareLink(z, prev, whole, _sure(prev, whole, reader, bare)))
        elif to_share and prev is not None and of_whole and nxt is not None:  # X, el Z de Y
            links.append(ShareLink(z, prev, nxt, same_kind(prev, nxt)))
        elif to_share and prev is not None and _back_reference(reader, z):  # X, el Z de ellos
            links.append(ShareLink(z, None, prev))
        elif to_share and prev is not None:  # X, el Z de las personas...
            name = _whole_name(reader, z, cs)
            if name is not None:
                links.append(ShareLink(z, prev, None, whole_name=name or prev.subject))
        elif of_whole and nxt is not None:
            restated = (
                after_next is not None
                and same_kind(nxt, after_next)
                and reader.restate_link(reader.tail(nxt, after_next))
            )
            if restated and after_next is not None:  # el Z de los Y, es decir X
                links.append(ShareLink(z, after_next, nxt))
            else:  # el Z de los Y
                links.append(ShareLink(z, None, nxt))
    return links + _named_share(reader, p, wholes, {link.share.id for link in links})


def _named_share(
    reader: Reader, p: Passage, wholes: dict[str, tuple[Claim, bool]], linked: set[str]
) -> list[ShareLink]:
    """ "1.3 millones de cirugías de una meta de 2 millones, el instituto reportó un
    avance del 73%": a share named as such ("avance", "pass rate") after the one part
    and whole of its sentence belongs to them, though other words stand between."""
    if len(wholes) != 1:
        return []
    ((part_id, (whole, bare)),) = wholes.items()
    part = next(c for c in p.claims if c.id == part_id)
    shares = [c for c in p.claims if _percent(c) and c.start > max(part.end, whole.end)]
    if len(shares) != 1 or shares[0].id in linked:
        return []
    z = shares[0]
    near = tokens(z.subject or "") + tokens(reader.before(z, 30))[-3:]
    if not any(t in reader.words.share_nouns for t in near):
        return []
    return [ShareLink(z, part, whole, _sure(part, whole, reader, bare), inferred=True)]


def _respectively(
    reader: Reader, p: Passage, before: Passage | None, wholes: dict[str, tuple[Claim, bool]]
) -> list[ShareLink]:
    """ "22.6 millones de consultas y 81.6 millones de estudios ... del 65%, 73% y 81%,
    respectivamente": shares matched in order to the figures, the first ones from the
    previous sentence when this one names fewer figures than shares."""
    text = fold(reader.document.text[p.start : p.end])
    marker = next((w for w in reader.words.respectively if w in text), None)
    if marker is None:
        return []
    at = p.start + text.index(marker)
    shares = [c for c in p.claims if _percent(c) and c.start < at]
    if len(shares) < 2:
        return []
    taken = {w for w, _ in wholes.values()}
    figures = [c for c in p.claims if _figure(c) and c.end <= shares[0].start and c not in taken]
    inferred = False
    if len(figures) < len(shares) and before is not None and before.index == p.index - 1:
        earlier_wholes = {w for w, _ in _wholes(reader, before.claims).values()}
        earlier = [c for c in before.claims if _figure(c) and c not in earlier_wholes]
        need = len(shares) - len(figures)
        figures = earlier[-need:] + figures if len(earlier) >= need else figures
        inferred = True
    if len(figures) != len(shares):
        return []
    all_wholes = {**wholes, **(_wholes(reader, before.claims) if before else {})}
    return [
        ShareLink(z, x, whole, _sure(x, whole, reader, bare), inferred)
        for x, z in zip(figures, shares, strict=True)
        if x.id in all_wholes
        for whole, bare in [all_wholes[x.id]]
    ]


def share_links(document: Document, claims: Sequence[Claim]) -> list[ShareLink]:
    """Every share of ``document`` tied to its part, its whole or both."""
    return list(_share_links(document, tuple(claims)))


@lru_cache(maxsize=8)  # read by the implied figures and by the check, in turn
def _share_links(document: Document, claims: tuple[Claim, ...]) -> tuple[ShareLink, ...]:
    reader = Reader(document)
    links: list[ShareLink] = []
    before: Passage | None = None
    for p in passages(document, claims):
        wholes = _wholes(reader, p.claims)
        found = _sentence_links(reader, p, wholes)
        seen = {link.share.id for link in found}
        found += [s for s in _respectively(reader, p, before, wholes) if s.share.id not in seen]
        links.extend(found)
        before = p
    return tuple(links)


def _share_of(part: Interval, whole: Interval) -> Interval | None:
    ratio = part.over(whole)
    return None if ratio is None else ratio.scaled(_HUNDRED)


def arithmetic_percentage(
    document: Document, claims: Sequence[Claim], config: Config | None = None
) -> list[Check]:
    """One check per share tied to its figures: whether the part over the whole gives
    the share stated, within the figures' written precision; an implied figure is
    reported as a consistent check that names it.

    >>> from factcheck.extract import extract_claims
    >>> from factcheck.model import Document
    >>> text = ("Se han realizado 1.3 millones de cirugías, de una meta total de "
    ...         "2 millones, lo que representa el 73%.")
    >>> doc = Document("a", text, lang="es")
    >>> [(c.verdict, c.message) for c in arithmetic_percentage(doc, extract_claims(text, "es"))]
    [('inconsistent', '1.3 millones of 2 millones is 62.5% to 67.5%; the text says 73%')]
    """
    config = config or Config()
    reader = Reader(document)
    checks: list[Check] = []
    for n, link in enumerate(share_links(document, claims), start=1):
        made = _check(reader, link, n, config)
        if made is not None:
            checks.append(made)
    return checks


def _check(reader: Reader, link: ShareLink, n: int, config: Config) -> Check | None:
    stated = reader.interval(link.share, rounded=True)
    if stated is None:
        return None
    share = link.share
    if link.part is not None and link.whole is not None:
        part, whole = reader.interval(link.part), reader.interval(link.whole)
        computed = None if part is None or whole is None else _share_of(part, whole)
        if computed is None or computed.plow > _NO_SHARE:
            # "$151.5 billion of its deposits, or 86% of the total, exceeded the $250,000
            # limit": a part ten times its whole was never its part.
            return None
        verdict = judge(computed, stated, config, sure=link.sure, inferred=link.inferred)
        span = f"{_num(computed.plow)}% to {_num(computed.phigh)}%"
        if computed.high is None:
            span = f"at least {_num(computed.low)}%"
        message = f"{link.part.text} of {link.whole.text} is {span}; the text says {share.text}"
        why = {
            "consistent": "The share agrees with its part and whole within their rounding.",
            "uncertain": "The share does not match exactly; the wording leaves room or the "
            "figures may not belong together.",
            "inconsistent": "The stated share cannot come from these two figures: one of "
            "the three is likely wrong.",
        }.get(verdict[0], "")
        found = Finding(
            verdict,
            (link.part, link.whole, share),
            computed.mid,
            share.quantity.value,
            rel_error(computed, share.quantity.value),
            message,
            f'{why} "{clip(share.sentence)}"',
        )
        return make_check("arithmetic_percentage", reader.document, n, found)
    derived = implied_claim(reader, link)
    if derived is None:
        return None
    source = link.part or link.whole
    assert source is not None
    role = "whole" if link.part is not None else "part"
    message = (
        f"{source.text} and {share.text} imply a {role} of about "
        f"{show(derived.quantity.value, derived.quantity.unit)}"
    )
    found = Finding(
        ("consistent", "info"),
        (source, share, derived),
        derived.quantity.value,
        None,
        None,
        message,
        f"An implied figure, kept as claim {derived.id} for comparison with other articles.",
    )
    return make_check("arithmetic_percentage", reader.document, n, found)


def implied_claim(reader: Reader, link: ShareLink) -> Claim | None:
    """The figure a share implies when the text gives only its part or only its whole."""
    if (link.part is None) == (link.whole is None):
        return None
    source = link.part if link.part is not None else link.whole
    assert source is not None
    share = reader.interval(link.share, rounded=True)
    figure = reader.interval(source)
    if share is None or figure is None:
        return None
    fraction = share.scaled(1 / _HUNDRED)
    value = source.quantity.value * (
        _HUNDRED / link.share.quantity.value
        if link.part is not None
        else link.share.quantity.value / _HUNDRED
    )
    implied = (
        figure.over(fraction)
        if link.part is not None
        else Interval(
            figure.low * fraction.low,
            None if figure.high is None or fraction.high is None else figure.high * fraction.high,
            figure.plow * fraction.plow,
            figure.phigh * fraction.phigh,
        )
    )
    if implied is None:
        return None
    q = source.quantity
    start, end = min(source.start, link.share.start), max(source.end, link.share.end)
    subject = link.whole_name if link.part is not None else source.subject
    operator = "÷" if link.part is not None else "×"
    return Claim(
        id=f"{link.share.id}~implied",
        doc_id=source.doc_id,
        start=start,
        end=end,
        text=reader.document.text[start:end],
        sentence=link.share.sentence,
        quantity=Quantity(
            _sig(value), _sig(implied.plow), _sig(implied.phigh), q.unit, q.dimension
        ),
        qualifier="about",
        subject=subject or source.subject,
        time=source.time,
        place=source.place,
        steps=(f"{source.text} {operator} {link.share.text}",),
        derived_from=(source.id, link.share.id),
    )


def implied_claims(document: Document, claims: Sequence[Claim]) -> list[Claim]:
    """The figures that shares imply in ``document`` (see :func:`implied_claim`)."""
    reader = Reader(document)
    found = (implied_claim(reader, link) for link in share_links(document, claims))
    return [c for c in found if c is not None]


def _sig(value: Decimal, digits: int = 4) -> Decimal:
    """Rounded to ``digits`` significant digits, as an implied figure deserves."""
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.scaleb(-exponent).quantize(Decimal(1)).scaleb(exponent).normalize() + 0


def _num(value: Decimal) -> str:
    return f"{float(value):.3g}"

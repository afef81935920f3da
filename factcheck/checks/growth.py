"""``arithmetic_growth``: a stated change checked against the two figures it joins.

The two figures are found from the sentence: "pasó de A a B", "de A en 2022 a B en
2023", "rose to B from A", "B, frente a A", "B, up from A". The change is a percentage
with a direction word ("un incremento del 59 por ciento", "a 26% rise", "down 8
percent", "cayó 12%"), percentage points between two percentages, or a multiplier
word ("se duplicó", "tripled", "halved"). When a sentence gives the later figure and
its change but not the earlier one, the earlier one is looked for in the sentences
around it: the same thing counted, another year.

All is compared as the ratio B/A, over intervals: "1.2 millones" stands for 1.15 to
1.25 millones, and "59 por ciento" for 58.5% to 59.5%.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from factcheck.checks.links import (
    Finding,
    Interval,
    Passage,
    Reader,
    bare,
    clip,
    head,
    judge,
    make_check,
    passages,
    same_kind,
    tokens,
)
from factcheck.config import Config
from factcheck.lang import fold, language
from factcheck.model import Check, Claim, Document, Severity, Verdict

__all__ = ["arithmetic_growth"]

_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_NEAR = 3  # words on either side of a percentage that may say it is a change
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NEIGHBOURS = 2
_POINTS_WHY = {
    True: "The points agree with the two shares.",
    False: "The stated points do not match the two shares.",
}  # sentences before (and one after) searched for the earlier figure


@dataclass(frozen=True, slots=True)
class _Pair:
    earlier: Claim
    later: Claim
    sure: bool
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class _Change:
    """A stated change: a percentage, percentage points or a multiplier word."""

    claim: Claim | None
    direction: int  # +1 up, -1 down, 0 not said
    start: int
    multiplier: Decimal | None = None
    bound: str = "exact"  # "more_than" / "nearly" for "más que duplicó", "nearly doubled"
    text: str = ""


def _direction(reader: Reader, claim: Claim) -> int | None:
    """+1 or -1 when the words next to a percentage say it is a rise or a fall, 0 for a
    change with no direction ("una variación de"), None when it is not a change."""
    words = reader.words
    near = tokens(reader.before(claim, 40))[-_NEAR:] + tokens(reader.after(claim, 30))[:_NEAR]
    near += tokens(claim.subject or "")
    if any(w in words.decrease_words for w in near):
        return -1
    if any(w in words.increase_words for w in near):
        return 1
    if any(w in reader.lang.change_words for w in near):
        return 0
    return None


def _changes(reader: Reader, p: Passage) -> list[_Change]:
    found = []
    for c in p.claims:
        # "bajó al 11.2%", "fell to 4.8%": a level reached, not the size of a change.
        level = _ends_with(reader.before(c, 20), reader.words.to_words)
        if c.quantity.dimension in {"percent", "percentage_point"} and not level:
            sign = _direction(reader, c)
            if sign is not None:
                found.append(_Change(c, sign, c.start, text=c.text))
    text = fold(reader.document.text[p.start : p.end])
    for phrase, factor in reader.words.multipliers.items():
        if phrase not in text:
            continue  # most sentences hold none: skip the regex
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            before = " ".join(tokens(text[max(0, m.start() - 20) : m.start()]))
            bound = "exact"
            if before.endswith(("mas de", "mas que", "more than")):
                bound = "more_than"
            elif before.endswith(("casi", "nearly", "almost", "practicamente")):
                bound = "nearly"
            found.append(_Change(None, 1, p.start + m.start(), factor, bound, phrase))
    return found


def _ends_with(text: str, phrases: Sequence[str]) -> bool:
    joined = " ".join(tokens(text))
    return any(joined == ph or joined.endswith(" " + ph) for ph in phrases)


def _pairs(reader: Reader, p: Passage) -> list[_Pair]:
    """Earlier and later figure of one sentence, from "de A a B" or "B ... from A"."""
    cs = [c for c in p.claims if c.quantity.dimension != "percentage_point"]
    words = reader.words
    pairs: list[_Pair] = []
    for i, a in enumerate(cs):
        before = reader.before(a, 40)
        nxt = _past_aside(reader, cs, i)
        # The sentence ties the two figures, whatever their subjects say.
        if (
            _ends_with(before, words.from_words)
            and nxt is not None
            and _kin(a, nxt, loose=True)
            and not _amount_and_count(reader, a, nxt)
        ):
            gap = tokens(_ASIDE.sub(" ", reader.gap(a, nxt)))
            if gap and ";" not in gap and len(gap) <= 10 and gap[-1] in words.to_words:
                pairs.append(_Pair(a, nxt, True))
                continue
        if i > 0 and (
            _ends_with(before, words.base_words)
            # "frente a las 1,361,361 de 2023", "compared with the 1.36 million"
            or _ends_with(_without_article(before, reader), words.base_words)
        ):
            later = next(
                (
                    b
                    for b in reversed(cs[:i])
                    if _kin(a, b) and ";" not in reader.gap(b, a) and not _target(reader, b)
                ),
                None,
            )
            if later is not None:
                pairs.append(_Pair(a, later, True))
    return pairs


_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
# An aside between dashes or brackets: "pasará de 2,7 millones —1,3 millones de UPM y
# 1,4 millones de Montes del Plata— a 4,8 millones".
_ASIDE = re.compile(r"\([^()]*\)|[—–][^—–]*[—–]")


def _past_aside(reader: Reader, cs: Sequence[Claim], i: int) -> Claim | None:
    """The figure after ``cs[i]`` that stands outside any aside opened after it."""
    text = reader.document.text
    for b in cs[i + 1 :]:
        gap = text[cs[i].end : b.start]
        if gap.count("(") <= gap.count(")") and (gap.count("—") + gap.count("–")) % 2 == 0:
            return b
    return None


def _target(reader: Reader, claim: Claim) -> bool:
    """Whether a figure is a target ("supera la meta de 170 mil millones ... un
    crecimiento de 15.3% frente a los 149 mil 900 millones"): what grew is what was
    reached, not what was aimed at."""
    kinds = reader.lang.measure_kinds
    return any(kinds.get(w) == "target" for w in tokens(claim.subject or ""))


def _amount_and_count(reader: Reader, a: Claim, b: Claim) -> bool:
    """Whether one of two figures is an amount and the other a count that names what it
    counts ("up 25% from $2.06 a year earlier, as the herd shrank to 87.2 million
    head"): no level and its change. A count with no noun after it may be the amount's
    figure, its currency said once ("de 300 millones a 500 millones de pesos")."""
    dims = {a.quantity.dimension, b.quantity.dimension}
    if dims != {"money", "count"}:
        return False
    count = a if a.quantity.dimension == "count" else b
    word = _FIRST_WORD.match(reader.after(count, 30))
    return word is not None and fold(word.group(1)) not in reader.lang.subject_stop


def _without_article(text: str, reader: Reader) -> str:
    toks = tokens(text)
    return " ".join(toks[:-1]) if toks and toks[-1] in reader.lang.articles else text


def _kin(a: Claim, b: Claim, *, loose: bool = False) -> bool:
    """Two figures of one quantity at two times: one unit, both shares or neither;
    ``loose`` lets a bare first figure take the second's unit ("de 5.2 a 4.8%")."""
    if loose and bare(a):
        return True
    return (a.quantity.dimension == "percent") == (b.quantity.dimension == "percent") and same_kind(
        a, b
    )


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


def _earlier_elsewhere(
    reader: Reader, later: Claim, around: Sequence[Passage], here: Passage
) -> _Pair | None:
    """The earlier figure of a change stated in another sentence: the same thing
    counted (same head noun), in a year its sentence names, before the later one's.
    Where the same thing is also counted in a later year, the change may run from the
    figure to that one ("En 2023 las causas habían sido 826, lo que implica un alza de
    5,1%" after 868 in 2024): which is meant is not known, and nothing is inferred."""
    target = head(later.subject, reader.lang)
    later_years = _years(later.sentence) or _years(later.time or "")
    found, after = [], []
    for p in around:
        if p.index == here.index:
            continue
        for c in p.claims:
            named = head(c.subject, reader.lang)
            if not _kin(c, later) or (target and named and named != target):
                continue
            years = _years(c.sentence)
            if years and later_years and max(years) < min(later_years):
                found.append(c)
            elif years and later_years and min(years) > max(later_years):
                after.append(c)
    if len(found) != 1 or after:
        return None
    return _Pair(found[0], later, True, inferred=True)


@cache
def _link_words(code: str) -> frozenset[str]:
    """Words that may stand between a figure and its change ("lo que representó un
    incremento de", "up", "a rise of"): any other word means another clause."""
    lang = language(code)
    w = lang.arithmetic
    phrases = (*w.from_words, *w.to_words, *w.base_words)
    return (
        w.share_words
        | w.increase_words
        | w.decrease_words
        | w.change_verbs
        | lang.change_words
        | lang.articles
        | w.time_words
        | frozenset(t for ph in phrases for t in tokens(ph))
    )


def _attached(reader: Reader, change: _Change, figure: Claim) -> bool:
    """Whether a change is said of ``figure``: only link words between them."""
    if change.claim is None:
        return True
    if figure.end <= change.start:
        toks = reader.tail(figure, change.claim)
    else:
        toks = tokens(reader.gap(change.claim, figure))
    return toks is not None and reader.only(toks, _link_words(reader.lang.code))


def _linked_figure(reader: Reader, change: _Change, p: Passage) -> Claim | None:
    """The figure a change is said of: "B, un aumento del Z%", "a Z% rise to B"."""
    if change.claim is None:
        return None
    cs = [c for c in p.claims if c.quantity.dimension not in {"percent", "percentage_point"}]
    before = [c for c in cs if c.end <= change.start]
    after = [c for c in cs if c.start >= change.claim.end]
    if before and _attached(reader, change, before[-1]):
        return before[-1]
    if after and _attached(reader, change, after[0]):
        return after[0]
    return None


def arithmetic_growth(
    document: Document, claims: Sequence[Claim], config: Config | None = None
) -> list[Check]:
    """One check per stated change whose two figures the text gives.

    >>> from factcheck.extract import extract_claims
    >>> from factcheck.model import Document
    >>> text = "Sales rose to $4.2 billion from $3.1 billion, a 35% increase."
    >>> doc = Document("a", text, lang="en")
    >>> [(c.verdict, c.message) for c in arithmetic_growth(doc, extract_claims(text, "en"))]
    [('consistent', '$3.1 billion → $4.2 billion is +31.7% to +39.3%; the text says 35%')]
    """
    config = config or Config()
    reader = Reader(document)
    all_passages = passages(document, claims)
    checks: list[Check] = []
    for k, p in enumerate(all_passages):
        pairs = _pairs(reader, p)
        used: set[int] = set()
        for change in _changes(reader, p):
            pair = _nearest(reader, change, pairs, used, p.claims)
            if pair is None and not pairs and k:
                pair = _referred_later(reader, change, p, all_passages[k - 1])
            if pair is None and not pairs:
                later = _linked_figure(reader, change, p)
                around = all_passages[max(0, k - _NEIGHBOURS) : k + 2]
                pair = _earlier_elsewhere(reader, later, around, p) if later else None
            if pair is None:
                continue
            found = _check(reader, pair, change, config)
            if found is not None:
                checks.append(make_check("arithmetic_growth", document, len(checks) + 1, found))
    return checks


def _referred_later(reader: Reader, change: _Change, p: Passage, previous: Passage) -> _Pair | None:
    """ "... se quedó en 30,6 millones de hectolitros. La cifra supone un descenso del
    25,5 % frente a los 38,4 millones": a sentence that opens on a word pointing back
    ("La cifra", "The figure") sets its earlier figure against the last figure of the
    sentence before of the same kind, and of the noun it names ("El número de
    inscritos"). Inferred, as any pair across sentences."""
    if previous.index != p.index - 1 or change.claim is None:
        return None
    opening = tokens(reader.document.text[p.start : change.start])
    at = next((i for i, t in enumerate(opening[:3]) if t in reader.lang.referential), None)
    if at is None:
        return None
    # "El número de inscritos es un 4% más que": the figure pointed back to counts them
    after = opening[at + 1 : at + 3]
    named = after[1] if len(after) == 2 and after[0] in reader.lang.subject_joiners else None
    base = reader.words.base_words
    earlier = next(
        (
            c
            for c in p.claims
            if c.start > change.start
            and _ends_with(_without_article(reader.before(c, 40), reader), base)
        ),
        None,
    )
    if earlier is None:
        return None
    # "los 38,4 millones": a count with no noun of its own is in the unit pointed back to
    unnamed = earlier.quantity.unit == "count" and earlier.subject is None
    later = next(
        (
            c
            for c in reversed(previous.claims)
            if c.quantity.dimension not in {"percent", "percentage_point"}
            and (_kin(earlier, c, loose=True) or unnamed)
            and (named is None or head(c.subject, reader.lang) == named)
        ),
        None,
    )
    return _Pair(earlier, later, sure=True, inferred=True) if later is not None else None


def _between(figure: Claim, change: _Change, claims: Sequence[Claim]) -> bool:
    """Whether another figure stands between a figure and a change ("de A a B se logró
    C consultas, un incremento de Z": Z is said of C, not of A to B)."""
    if change.claim is None:
        return False  # a multiplier verb governs its clause: "se duplicó en dos años, de A a B"
    lo, hi = sorted((figure.start, change.start))
    return any(
        lo < c.start < hi and c is not change.claim and c.quantity.dimension != "percent"
        for c in claims
    )


def _nearest(
    reader: Reader, change: _Change, pairs: list[_Pair], used: set[int], claims: Sequence[Claim]
) -> _Pair | None:
    """The pair a change belongs to: in its clause (no ";" between), the closest."""
    best: tuple[int, int] | None = None
    text = reader.document.text
    for n, pair in enumerate(pairs):
        if n in used or (change.claim is not None and change.claim in (pair.earlier, pair.later)):
            continue
        lo = min(pair.earlier.start, pair.later.start, change.start)
        hi = max(pair.earlier.end, pair.later.end, change.start)
        if ";" in text[lo:hi]:
            continue
        figures = (pair.earlier, pair.later)
        if not any(
            _attached(reader, change, f) and not _between(f, change, claims) for f in figures
        ):
            continue
        distance = min(abs(change.start - pair.earlier.start), abs(change.start - pair.later.start))
        if best is None or distance < best[0]:
            best = (distance, n)
    if best is None:
        return None
    used.add(best[1])
    return pairs[best[1]]


def _stated_ratios(reader: Reader, change: _Change, config: Config) -> list[Interval]:
    """The ratios B/A the change allows: one per direction when none is said."""
    if change.multiplier is not None:
        f, rel = change.multiplier, Decimal(str(config.multiplier_rel))
        if change.bound == "more_than":
            return [Interval(f, None, f, f * (1 + rel * 4))]
        if change.bound == "nearly":
            return [Interval(f * (1 - rel * 3), f, f * (1 - rel * 3), f)]
        return [Interval(f * (1 - rel), f * (1 + rel), f * (1 - rel), f * (1 + rel))]
    assert change.claim is not None
    z = reader.interval(change.claim, rounded=True)
    if z is None:
        return []
    slack = Decimal(str(config.tolerance_points))
    up = Interval(
        _ONE + (z.low - slack) / _HUNDRED,
        None if z.high is None else _ONE + (z.high + slack) / _HUNDRED,
        _ONE + (z.plow - slack) / _HUNDRED,
        _ONE + (z.phigh + slack) / _HUNDRED,
    )
    down_high = _ONE - (z.low - slack) / _HUNDRED
    down_low = Decimal(0) if z.high is None else max(Decimal(0), _ONE - (z.high + slack) / _HUNDRED)
    down = Interval(
        down_low,
        down_high,
        max(Decimal(0), _ONE - (z.phigh + slack) / _HUNDRED),
        _ONE - (z.plow - slack) / _HUNDRED,
    )
    return {1: [up], -1: [down]}.get(change.direction, [up, down])


def _difference(a: Interval, b: Interval) -> tuple[Decimal, Decimal]:
    return b.plow - a.phigh, b.phigh - a.plow


def _check(reader: Reader, pair: _Pair, change: _Change, config: Config) -> Finding | None:
    a, b = reader.interval(pair.earlier), reader.interval(pair.later)
    if a is None or b is None:
        return None
    figures = (pair.earlier, pair.later)
    claims = (*figures, change.claim) if change.claim is not None else figures
    arrow = f"{pair.earlier.text} → {pair.later.text}"
    if change.claim is not None and change.claim.quantity.dimension == "percentage_point":
        return _points(reader, pair, change, a, b, claims, config)
    ratio = b.over(a)
    if ratio is None:
        return None
    stated = _stated_ratios(reader, change, config)
    verdicts = [judge(ratio, s, config, sure=pair.sure, inferred=pair.inferred) for s in stated]
    both_percent = pair.earlier.quantity.dimension == "percent"
    if both_percent and change.claim is not None:
        # 5.2% → 4.8% "a 0.4 point drop" or "a 7.7% drop": either reading may be meant.
        low, high = _difference(a, b)
        z = reader.interval(change.claim, rounded=True)
        if z is not None and _points_agree(low, high, z, change.direction):
            # Right only as points while written as a percent: a slip an editor checks.
            verdicts.append(("uncertain", "warning"))
    verdict = _best(verdicts)
    growth = (ratio.mid - _ONE) * _HUNDRED
    if change.multiplier is not None:
        said = f'"{change.text}" (×{change.multiplier})'
        span = f"×{_num(ratio.plow)} to ×{_num(ratio.phigh)}"
    else:
        assert change.claim is not None
        said = change.claim.text
        span = f"{_signed((ratio.plow - 1) * 100)}% to {_signed((ratio.phigh - 1) * 100)}%"
    why = {
        "consistent": "The stated change agrees with the two figures within their rounding.",
        "uncertain": "The change does not match exactly, but the wording or the link between "
        "the figures leaves room.",
        "inconsistent": "The stated change cannot come from these two figures: one of the "
        "three is likely wrong.",
    }.get(verdict[0], "")
    stated_value = change.claim.quantity.value if change.claim is not None else change.multiplier
    return Finding(
        verdict,
        claims,
        growth,
        stated_value,
        None if stated_value is None or growth == 0 else round(float(stated_value / growth - 1), 4),
        f"{arrow} is {span}; the text says {said}",
        f'{why} "{clip(pair.later.sentence)}"',
    )


def _points_agree(low: Decimal, high: Decimal, z: Interval, direction: int) -> bool:
    zl, zh = z.plow, z.phigh
    ups = low <= zh and zl <= high
    downs = -high <= zh and zl <= -low
    return {1: ups, -1: downs}.get(direction, ups or downs)


def _points(
    reader: Reader,
    pair: _Pair,
    change: _Change,
    a: Interval,
    b: Interval,
    claims: tuple[Claim, ...],
    config: Config,
) -> Finding | None:
    assert change.claim is not None
    z = reader.interval(change.claim, rounded=True)
    if z is None or pair.earlier.quantity.dimension != "percent":
        return None
    slack = Decimal(str(config.tolerance_points))
    low, high = _difference(a, b)
    widened = Interval(z.plow - slack, z.phigh + slack, z.plow - slack, z.phigh + slack)
    agree = _points_agree(low, high, widened, change.direction)
    verdict: tuple[Verdict, Severity]
    if agree:
        verdict = ("consistent", "info")
    elif not pair.sure:
        verdict = ("uncertain", "info")
    else:
        verdict = ("inconsistent", "warning" if pair.inferred else "error")
    diff = b.mid - a.mid
    return Finding(
        verdict,
        claims,
        diff,
        change.claim.quantity.value,
        None,
        f"{pair.earlier.text} → {pair.later.text} is {_signed(diff)} points; "
        f"the text says {change.claim.text}",
        f'{_POINTS_WHY[agree]} "{clip(pair.later.sentence)}"',
    )


def _best(verdicts: list[tuple[Verdict, Severity]]) -> tuple[Verdict, Severity]:
    order = {"consistent": 0, "uncertain": 1, "inconsistent": 2}
    return min(verdicts, key=lambda v: order.get(v[0], 1))


def _signed(value: Decimal) -> str:
    return f"{float(value):+.3g}"


def _num(value: Decimal) -> str:
    return f"{float(value):.3g}"

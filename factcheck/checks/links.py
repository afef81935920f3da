"""Which figures of one article depend on each other, and the interval arithmetic the
three arithmetic checks (shares, totals, growth) share.

Links are read from the words between two adjacent figures of a sentence. The first
figure's own noun phrase ("de cirugías", "hospitals in Sonora") is skipped up to a
comma, a bracket or its extracted subject; what remains must be made only of link
words of one kind (``[arithmetic]`` in the language file): "de una meta total de" links
a part to its whole, "lo que representa el" a figure to its share. Any other word ("el
desempleo bajó") breaks the link, so unrelated numbers of one sentence stay apart.

Figures are intervals. Strict bounds follow the words ("más de 1.3 millones" has no
upper end); plausible bounds close an open end one written step away (1.4 millones), as
a reporter with 1.46 million would have written "más de 1.4 millones". A stated result
inside the plausible bounds is consistent; inside only the strict ones, uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from factcheck.checks.intervals import rounding
from factcheck.config import Config
from factcheck.lang import Arithmetic, Language, fold, language
from factcheck.model import Check, Claim, Document, Severity, Verdict
from factcheck.scope import split_sentences

__all__ = [
    "Finding",
    "Interval",
    "Passage",
    "Reader",
    "judge",
    "make_check",
    "passages",
]

_TOKEN = re.compile(r"\w+(?:\.\w+)+\.?|\w+|[(),:;—–]")
_BREAKS = frozenset({",", "(", "—", "–", ":"})
_OWN_PHRASE_MAX = 12  # tokens a figure's own phrase may run before the link words
_OWN_PHRASE_EXTRA = 4  # words past its counted noun: "contra la influenza", "in adults"


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of a document and its claims, in order."""

    index: int
    start: int
    end: int
    claims: tuple[Claim, ...]


def passages(document: Document, claims: Sequence[Claim]) -> list[Passage]:
    """The document's sentences that hold claims, each with its claims in order."""
    return list(_passages(document, tuple(claims)))


# The three arithmetic checks and the implied figures read one document's passages in
# turn: split its sentences once. Documents and claims are frozen, so they key a cache.
@lru_cache(maxsize=8)
def _passages(document: Document, claims: tuple[Claim, ...]) -> tuple[Passage, ...]:
    sentences = split_sentences(document.text, document.lang or "es")
    grouped: dict[int, list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.derived_from:
            continue
        grouped.setdefault(sentences.index(claim.start), []).append(claim)
    return tuple(
        Passage(i, sentences.starts[i], sentences.ends[i], tuple(found))
        for i, found in sorted(grouped.items())
    )


def tokens(text: str) -> list[str]:
    """Folded words and the marks that structure a gap ("," "(" ":")."""
    return [t.rstrip(".") for t in _TOKEN.findall(fold(text))]


@dataclass(frozen=True, slots=True)
class Interval:
    """A non-negative amount: strict bounds (``high`` None is unbounded) and plausible
    ones, which close an open end one written step away."""

    low: Decimal
    high: Decimal | None
    plow: Decimal
    phigh: Decimal

    @property
    def mid(self) -> Decimal:
        return (self.plow + self.phigh) / 2

    def __add__(self, other: Interval) -> Interval:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(
            self.low + other.low, high, self.plow + other.plow, self.phigh + other.phigh
        )

    def scaled(self, factor: Decimal) -> Interval:
        high = None if self.high is None else self.high * factor
        return Interval(self.low * factor, high, self.plow * factor, self.phigh * factor)

    def over(self, other: Interval) -> Interval | None:
        """``self / other``; None when the divisor may be zero."""
        if other.plow <= 0:
            return None
        high = None if self.high is None or other.low <= 0 else self.high / other.low
        low = Decimal(0) if other.high is None else self.low / other.high
        return Interval(low, high, self.plow / other.phigh, self.phigh / other.plow)

    def meets(self, other: Interval, slack: Decimal = Decimal(0)) -> tuple[bool, bool]:
        """(plausibly, strictly): whether the two intervals share a value."""
        plausible = self.plow <= other.phigh + slack and other.plow <= self.phigh + slack
        strict = (self.high is None or other.low <= self.high + slack) and (
            other.high is None or self.low <= other.high + slack
        )
        return plausible, strict


class Reader:
    """The link words of one document's language, and its figures as intervals."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lang: Language = language(document.lang or "es")
        self.words: Arithmetic = self.lang.arithmetic
        self.qualifiers = _qualifier_words(self.lang.code)

    def gap(self, a: Claim, b: Claim) -> str:
        return self.document.text[a.end : b.start]

    def tail(self, a: Claim, b: Claim) -> list[str] | None:
        """The words linking ``a`` to the next figure ``b``, after ``a``'s own phrase:
        from its last comma or bracket, or after its subject. None across a ";"."""
        toks = tokens(self.gap(a, b))
        if ";" in toks:
            return None
        cuts = [i for i, t in enumerate(toks) if t in _BREAKS]
        if cuts:
            return toks[cuts[-1] :] if cuts[-1] <= _OWN_PHRASE_MAX else None
        return _strip_subject(toks, a.subject, self.lang)

    def only(self, toks: Sequence[str], vocabulary: frozenset[str]) -> bool:
        """Whether every word is a link word of this kind, a qualifier or a mark."""
        return all(t in vocabulary or t in self.qualifiers or t in _BREAKS for t in toks)

    def whole_link(self, toks: Sequence[str] | None) -> bool:
        """ "de una meta total de", "out of", "of the", "del total de": part → whole;
        after up to a few words more of the part's own phrase ("contra la influenza, de
        una meta de") when a whole noun says so."""
        if not toks:
            return False
        if self._whole_link(toks):
            return True
        w = self.words
        if w.whole_nouns.isdisjoint(toks):
            return False
        for k in range(1, min(_OWN_PHRASE_EXTRA, len(toks) - 1) + 1):
            if toks[k - 1] in w.phrase_breaks:  # digits here are no claim: "in 2023-24"
                return False
            if k > 1 and toks[k - 2] in _BREAKS:
                return False  # "del total, por debajo de los": the phrase ended at its comma
            if self._whole_link(toks[k:]):
                return True
        return False

    def _whole_link(self, toks: Sequence[str]) -> bool:
        w = self.words
        joined = " " + " ".join(t for t in toks if t not in _BREAKS)
        preps = w.whole_prepositions
        if not any(f" {p} " in joined + " " for p in preps):
            return False
        vocab = frozenset(" ".join(preps).split()) | w.whole_nouns | self.lang.articles
        if not w.whole_nouns.isdisjoint(toks):  # "frente a un objetivo de", not "frente a los"
            vocab |= w.whole_comparers | w.whole_adjectives
        ends = joined.endswith(tuple(f" {p}" for p in preps)) or toks[-1] in self.lang.articles
        last = len(toks)
        while last and toks[last - 1] in self.lang.articles:
            last -= 1  # "por debajo de los 14,9 millones"
        based = " " + " ".join(t for t in toks[:last] if t not in _BREAKS)
        if based.endswith(tuple(f" {b}" for b in w.base_words if " " in b)):
            return False  # "£53.5m, up from £50m": the earlier figure, not a whole
        return ends and self.only(toks, vocab)

    def share_link(self, toks: Sequence[str] | None) -> bool:
        """ "lo que representa el", "which is", "(": a figure → its share; not ", up"
        before a change ("$6.23, up 5.6% from $5.90")."""
        if not toks:
            return False
        return self.only(toks, self.words.share_words) and not self.says_change(toks)

    def says_change(self, toks: Sequence[str]) -> bool:
        """Whether the words before a percentage make it a change ("up", "rose"), not a
        share; "up" is a share's only after its verb ("making up")."""
        w = self.words
        for i, t in enumerate(toks):
            alone = i == 0 or toks[i - 1] in _BREAKS or t not in w.share_words
            if alone and (t in w.increase_words or t in w.decrease_words):
                return True
        return False

    def restate_link(self, toks: Sequence[str] | None) -> bool:
        """ ", es decir,", ", or", "(": a share → the part it amounts to."""
        if not toks:
            return False
        keyed = any(t in self.words.restate_keys for t in toks)
        return keyed and self.only(toks, self.words.restate_words)

    def list_gap(self, a: Claim, b: Claim) -> bool:
        """Whether ``b`` is the next item of a list after ``a``: "300 en personal, 150
        en equipo y 50": the gap ends with a comma or a list word."""
        toks = tokens(self.gap(a, b))
        words = [t for t in toks if t not in self.qualifiers]
        if not words or ";" in toks or len(toks) > _OWN_PHRASE_MAX:
            return False
        return words[-1] == "," or words[-1] in self.words.list_joiners

    def opens_whole(self, claim: Claim) -> bool:
        """ "De los 500 hospitales, ..." / "Of the 1,240 students, ...": a whole named
        first, at the start of a sentence or clause."""
        toks = tokens(self.before(claim, 40))
        for opener in self.words.whole_openers:
            words = opener.split()
            if toks[-len(words) :] != words:
                continue
            rest = toks[: -len(words)]
            raw = self.document.text[: claim.start].rstrip()
            capital = raw[-len(opener) :][:1].isupper()
            return capital or not rest or rest[-1] in _BREAKS or rest[-1] == ";"
        return False

    def before(self, claim: Claim, width: int = 60) -> str:
        """The folded text just before a claim, within its sentence."""
        return fold(self.document.text[max(0, claim.start - width) : claim.start])

    def after(self, claim: Claim, width: int = 60) -> str:
        return fold(self.document.text[claim.end : claim.end + width])

    def interval(self, claim: Claim, *, rounded: bool = False) -> Interval | None:
        """The claim as a non-negative interval; ``rounded`` widens it by half its
        last written digit (a stated share or rate was rounded to it)."""
        q = claim.quantity
        if q.value <= 0:
            return None
        band = rounding(claim, self.lang.code, self.document.locale)
        step = max(band * 2, _round_step(q.value))
        low = q.low if q.low is not None else Decimal(0)
        high = q.high
        if rounded:
            low, high = (
                min(low, q.value - band),
                None if high is None else max(high, q.value + band),
            )
        plow = q.low if q.low is not None else max(Decimal(0), q.value - step)
        phigh = high if high is not None else q.value + step
        if rounded:
            plow = min(plow, q.value - band)
        return Interval(max(low, Decimal(0)), high, max(plow, Decimal(0)), phigh)


def _round_step(value: Decimal) -> Decimal:
    """The step a round figure is written to: "3,000" and "20 mil" to thousands and
    ten thousands, so "more than 3,000" plausibly reaches 4,000."""
    if value != value.to_integral_value() or value == 0:
        return Decimal(0)
    digits = str(int(value))
    return Decimal(10) ** (len(digits) - len(digits.rstrip("0")))


@cache
def _qualifier_words(code: str) -> frozenset[str]:
    lang = language(code)
    phrases = [*lang.qualifiers_before, *lang.qualifiers_after]
    # "and over", "o menos": a list word inside a qualifier phrase still joins a list.
    joiners = {w for j in lang.arithmetic.list_joiners for w in tokens(j)}
    return frozenset(w for p in phrases for w in tokens(p) if w not in joiners)


def _strip_subject(toks: list[str], subject: str | None, lang: Language) -> list[str]:
    """Drop the figure's own counted noun ("hospitales", "de cirugías") from a gap."""
    if not subject:
        return toks
    own = tokens(subject)
    i = 0
    joiners = {w for j in lang.subject_joiners for w in tokens(j)}
    while i < len(toks) and toks[i] in joiners and toks[i] not in own:
        i += 1
    if toks[i : i + len(own)] == own:
        return toks[i + len(own) :]
    return toks


def same_kind(a: Claim, b: Claim) -> bool:
    """Whether two figures can be parts of one sum or a part and its whole: one unit,
    or a bare figure beside a unit ("500 millones de pesos: 300 millones ...")."""
    qa, qb = a.quantity, b.quantity
    if "percent" in (qa.dimension, qb.dimension) or "ratio" in (qa.dimension, qb.dimension):
        return qa.dimension == qb.dimension
    if qa.unit == qb.unit:
        return True
    return "count" in (qa.unit, qb.unit) and {qa.dimension, qb.dimension} <= {"count", "money"}


_DIGITS_ONLY = re.compile(r"[\d.,\s]+")


def bare(claim: Claim) -> bool:
    """A figure written as digits alone, whose unit the sentence gives elsewhere."""
    return claim.quantity.dimension == "count" and bool(_DIGITS_ONLY.fullmatch(claim.text))


def head(subject: str | None, lang: Language) -> str | None:
    """The first content word of a subject: "consultas de especialidad" → "consultas"."""
    for t in tokens(subject or ""):
        if t not in lang.articles and t not in lang.subject_skip:
            return t
    return None


def judge(
    computed: Interval, stated: Interval, config: Config, *, sure: bool, inferred: bool = False
) -> tuple[Verdict, Severity]:
    """Consistent when some values inside both intervals agree; uncertain when only an
    open end ("más de") or an unsure link allows the mismatch; otherwise inconsistent,
    an error when the sentence itself ties the figures, a warning when it was inferred."""
    slack = Decimal(str(config.tolerance_points))
    plausible, strict = computed.meets(stated, slack)
    if plausible:
        return "consistent", "info"
    if strict or not sure:
        return "uncertain", "info"
    return "inconsistent", "warning" if inferred else "error"


def rel_error(computed: Interval, stated: Decimal) -> float | None:
    mid = computed.mid
    return None if mid == 0 else round(float((stated - mid) / mid), 4)


@dataclass(frozen=True, slots=True)
class Finding:
    """What one arithmetic check found, before it is numbered as a Check."""

    verdict: tuple[Verdict, Severity]
    claims: tuple[Claim, ...]
    expected: Decimal | None
    stated: Decimal | None
    rel_error: float | None
    message: str
    explanation: str


def make_check(kind: str, document: Document, n: int, found: Finding) -> Check:
    return Check(
        id=f"{kind}:{document.id}:{n}",
        kind=kind,
        verdict=found.verdict[0],
        severity=found.verdict[1],
        claim_ids=tuple(c.id for c in found.claims),
        expected=found.expected,
        stated=found.stated,
        rel_error=found.rel_error,
        message=found.message,
        explanation=found.explanation,
    )


def clip(sentence: str, width: int = 200) -> str:
    """A sentence on one line, cut to ``width`` characters for an explanation."""
    text = " ".join(sentence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show(value: Decimal, unit: str = "") -> str:
    """A computed amount for a message: three significant digits, scale words spelled."""
    v = float(value)
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(v) >= size:
            text = f"{v / size:.3g}{word}"
            break
    else:
        text = f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}" if unit and unit != "count" else text

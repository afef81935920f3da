"""Extraction: from a text to its numeric claims.

Numbers come from :mod:`factcheck.numbers`; this stage decides which of them are
claims (not years, dates, times, ordinals, identifiers, phone numbers or URLs),
attaches what they measure (currency, percent, unit, counted noun), their
qualifier and interval, and the sentence, time and place they stand in.

This module holds the stage and its order of work: find the numbers, pair ranges,
drop what is not a claim, measure, find the subject, build the claim. Each step's
knowledge lives in a private module named for it: ``_claim_patterns`` (the regexes
built from the language data), ``_filters`` (numbers that claim no quantity),
``_measure`` (unit, currency and qualifier) and ``_subject`` (what is counted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date as Date
from decimal import Decimal

from factcheck._claim_patterns import _key, _Patterns, _patterns
from factcheck._filters import (
    _after_count_bound,
    _dated_or_labelled,
    _is_plain_year,
    _masked,
    _masks,
    _measured_fraction,
    _not_a_claim,
    _previous_word,
    named_range,
)
from factcheck._measure import (
    _CLAUSE_END,
    _bound,
    _Found,
    _may_qualify,
    _measure,
    qualifier_before,
)
from factcheck._number_builder import FRACTION_PLACES
from factcheck._subject import _inherited, _subject
from factcheck.lang import Locale, fold
from factcheck.model import Claim, Document, Quantity, Report
from factcheck.numbers import Number, find_numbers, implied_locale, plain_decimal
from factcheck.scope import SentenceScope, sentence_scope, split_sentences

__all__ = ["extract_claims", "extract_document", "extract_report", "located"]

# "about 100" stands for a band around 100; AP and EFE style guides give no width,
# so ±10% is a default the checks may widen (see docs/tolerances.md).
ABOUT_BAND = Decimal("0.1")


def extract_claims(
    text: str,
    lang: str | None = None,
    date: Date | None = None,
    *,
    locale: str | None = None,
    doc_id: str = "text",
) -> tuple[Claim, ...]:
    """Every numeric claim in ``text``, in order.

    ``lang`` is detected when not given; ``locale`` picks the number conventions
    ("es-ES" reads "1,3" as 1.3 and "1.300" as 1300), and when it is not given the
    text's own decimal marks do (:func:`~factcheck.numbers.implied_locale`). ``date``
    is the publication date, kept for later stages.

    >>> text = "Hubo más de 20 mil cirugías y 448.3 millones de pesos."
    >>> [(c.text, str(c.quantity.value), c.quantity.unit, c.qualifier)
    ...  for c in extract_claims(text, "es")]  # doctest: +NORMALIZE_WHITESPACE
    [('20 mil', '20000', 'count', 'more_than'),
     ('448.3 millones de pesos', '448300000', 'MXN', 'exact')]
    >>> [(c.text, c.subject) for c in extract_claims("It found 2,751 nursing workers.", "en")]
    [('2,751', 'nursing workers')]
    """
    del date  # the claim's time falls back to the document's date in later stages
    code = lang or _detect(text)
    p = _patterns(code)
    loc = p.lang.locale(locale or implied_locale(text, code))
    sentences = split_sentences(text, code)
    claims: list[Claim] = []
    previous: Claim | None = None
    measured: Claim | None = None  # the last amount or measure, whose unit a bare one shares
    scopes: dict[int, SentenceScope] = {}
    starts: list[int] = []  # each claim's sentence's
    for found in _resolve(text, p, loc):
        s_start, s_end = sentences.around(found.start)
        sentence = text[s_start:s_end]
        if s_start not in scopes:
            scopes[s_start] = sentence_scope(sentence, p.lang)
        found = _carried_unit(text, found, measured, s_start, p)
        subject = _subject(text, found, p) or _inherited(found, previous, s_start, text, p)
        quantity = _quantity(found)
        claim = Claim(
            id=f"{doc_id}@{found.start}",
            doc_id=doc_id,
            start=found.start,
            end=found.end,
            text=text[found.start : found.end],
            sentence=sentence,
            quantity=quantity,
            qualifier=found.qualifier,
            subject=subject,
        )
        claims.append(claim)
        starts.append(s_start)
        previous = claim
        if quantity.dimension not in _UNCARRIED and not _converts(text, measured, claim):
            measured = claim
    return tuple(_scoped(claims, starts, scopes))


def _scoped(
    claims: list[Claim], starts: list[int], scopes: dict[int, SentenceScope]
) -> Iterator[Claim]:
    """The claims with the times and places their sentences give them, read for all the
    figures of a sentence at once (:meth:`SentenceScope.scopes_of`)."""
    i = 0
    while i < len(claims):
        j = i
        while j < len(claims) and starts[j] == starts[i]:
            j += 1
        group, at = claims[i:j], starts[i]
        found = scopes[at].scopes_of([(c.start - at, c.end - at) for c in group])
        for c, (time, place) in zip(group, found, strict=True):
            yield c if (c.time, c.place) == (time, place) else _with_scope(c, time, place)
        i = j


def _with_scope(c: Claim, time: str | None, place: str | None) -> Claim:
    # A direct call: ``dataclasses.replace`` costs three times as much, once per claim.
    return Claim(
        id=c.id,
        doc_id=c.doc_id,
        start=c.start,
        end=c.end,
        text=c.text,
        sentence=c.sentence,
        quantity=c.quantity,
        qualifier=c.qualifier,
        subject=c.subject,
        time=time,
        place=place,
        steps=c.steps,
        derived_from=c.derived_from,
    )


def located(document: Document, locale: str | None = None) -> Document:
    """The document with the locale its figures are read in: ``locale`` when given, else
    its own, else the one its decimal marks imply (none: the language's default). The
    checks read figures again, so they must read them the same way.

    >>> located(Document("a", "El paro bajó al 11,2%.", lang="es")).locale
    'es-ES'
    """
    implied = implied_locale(document.text, document.lang) if document.lang else None
    chosen = locale or document.locale or implied
    return document if chosen == document.locale else replace(document, locale=chosen)


def extract_document(document: Document, *, locale: str | None = None) -> tuple[Claim, ...]:
    """The claims of one :class:`~factcheck.model.Document`."""
    return extract_claims(
        document.text,
        document.lang,
        document.date,
        locale=locale or document.locale,
        doc_id=document.id,
    )


# A bare amount takes the currency or unit of the last amount or measure before it in
# its sentence (a growth rate may stand between them) only when the two are of one size:
# "103 millones de euros ..., una cifra que podría alcanzar los 130 millones", not "costó
# 500 millones de pesos y benefició a 3 millones". Set against it ("frente a", "compared
# with") or as a difference from it ("3 millones más que"), it may be further off:
# "una pérdida de 43 mil 300 millones de pesos, frente a la utilidad de 5 mil 400
# millones".
_CARRY_RATIO = Decimal(5)
_COMPARED_RATIO = Decimal(20)
_CARRY_SCALE = Decimal(1_000_000)
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")
# Figures in these share nothing with a bare scaled count after them: a count is the
# bare figure's own kind, and "3 millones" after "5%" or "10 años" is of something else.
_UNCARRIED = frozenset({"count", "percent", "ratio", "time"})


def _converts(text: str, measured: Claim | None, claim: Claim) -> bool:
    """Whether ``claim`` stands in a bracket opened after ``measured``: "467 millones de
    pesos (23.2 millones de dólares), frente a 441 millones" carries the pesos on, not
    the dollars of their conversion."""
    if measured is None:
        return False
    opened = text.rfind("(", measured.end, claim.start)
    return opened >= 0 and text.find(")", opened, claim.start) < 0


def _carried_unit(
    text: str, found: _Found, previous: Claim | None, sentence_start: int, p: _Patterns
) -> _Found:
    """A scaled count with no noun after it, in the sentence of an amount of money or a
    measure of about its size, is in that currency or unit."""
    n = found.low
    if (
        previous is None
        or previous.start < sentence_start
        or found.dimension != "count"
        or n.scale < _CARRY_SCALE
        or found.high is not None
    ):
        return found
    if _noun_follows(text, found.end, p):
        return found  # "3 millones de jubilados", "2 million users": a count of them
    ratio = n.value / previous.quantity.value if previous.quantity.value else Decimal(0)
    between = text[previous.end : found.start]
    part = ratio <= 1 and _of_which(between, p)
    near = 1 / _CARRY_RATIO <= ratio <= _CARRY_RATIO
    compared = 1 / _COMPARED_RATIO <= ratio <= _COMPARED_RATIO and _compared(between, p)
    # "27.800 millones de euros, 1.200 millones menos que un año antes": a change may be
    # a small part of the level it changes.
    difference = ratio <= _COMPARED_RATIO and _difference(text, found.end, p)
    if not (near or part or compared or difference):
        return found
    return replace(found, unit=previous.quantity.unit, dimension=previous.quantity.dimension)


def _noun_follows(text: str, end: int, p: _Patterns) -> bool:
    """Whether a noun follows a figure, maybe after "de" or "of": not "5 mil 400
    millones de un año antes", where an article follows "de"."""
    word = _NEXT_WORD.match(text, end)
    if word is None or fold(word.group(1)) in p.lang.subject_stop:
        return False
    if word.group(1) not in p.lang.subject_joiners:
        return True
    then = _NEXT_WORD.match(text, word.end())
    return then is not None and fold(then.group(1)) not in p.lang.subject_stop


def _compared(between: str, p: _Patterns) -> bool:
    """Whether a figure is set against the amount before it ("frente a la utilidad de",
    "up from")."""
    words = f" {' '.join(_WORDS.findall(fold(between)))} "
    lang = p.lang
    return any(f" {w} " in words for w in (*lang.compared, *lang.compared_relative))


def _difference(text: str, end: int, p: _Patterns) -> bool:
    """Whether a figure is given as a difference from another ("3 millones más que")."""
    after = " ".join(fold(text[end : end + 24]).split())
    return after.startswith(p.lang.difference_after) if p.lang.difference_after else False


def _of_which(between: str, p: _Patterns) -> bool:
    """Whether the words before a figure make it a part of the amount named before it,
    whatever its size: "9.3 billones de pesos, de los cuales 1.7 billones"."""
    tail = fold(between).strip(" \t,;:(")
    return tail.endswith(p.lang.of_which) if p.lang.of_which else False


def _detect(text: str) -> str:
    from factcheck.ingest import detect_language  # the language model is an edge

    code = detect_language(text)
    return code if code in {"es", "en"} else "es"


def _resolve(text: str, p: _Patterns, loc: Locale) -> Iterator[_Found]:
    masks = _masks(text, p)
    numbers = [
        n
        for n in find_numbers(text, p.lang.code, loc.name)
        if not _masked(n, masks) or _measured_fraction(text, n, p)
    ]
    one_in, ratios, bounded_ratios, point_fractions = _phrases(text, p)
    # "a quarter" in "a quarter of a percentage point", "five" in "one in five" are part
    # of a larger figure.
    points = _point_fractions(text, point_fractions, p) + _one_in(text, one_in, numbers, p)
    if points:
        numbers = [n for n in numbers if not any(q.start <= n.start < q.end for q in points)]
        numbers.extend(points)
    numbers.extend(_ratios(text, ratios, bounded_ratios, p))
    numbers.sort(key=lambda n: n.start)
    i = 0
    covered = 0  # "ciento" in "59 por ciento" is part of the previous claim's span
    while i < len(numbers):
        n = numbers[i]
        if n.start < covered:
            i += 1
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        pair = _range(text, n, nxt, p) if nxt else None
        if pair is not None:
            i += 2
            if _is_plain_year(n) and _is_plain_year(pair[1]) and not _after_count_bound(text, n, p):
                continue  # "2010-2020"; not "más de 1000 y menos de 1500"
            if not n.scaled and (_dated_or_labelled(text, n, p) or named_range(text, n, p)):
                continue  # "Nov. 22-23", "artículos 4-6", "A350-1000": both ends
            found = _measure(text, pair[1], p, loc, start=pair[0].start)
            if found is None:
                continue
            covered = found.end
            dashed = text[pair[0].end : pair[1].start].strip()[:1] in _DASHES
            if _changed(text, n, p) and not dashed:  # "cut costs by $2bn-$2.5bn": a range
                yield from _two_times(text, pair, found, p, loc)
            else:
                yield replace(found, low=pair[0], high=pair[1], qualifier="range")
            continue
        i += 1
        if _not_a_claim(text, n, p):
            continue
        found = _measure(text, n, p, loc, start=n.start)
        if found is not None:
            covered = found.end
            yield found


_WORDS = re.compile(r"\w+|,")


def _two_times(
    text: str, pair: tuple[Number, Number], whole: _Found, p: _Patterns, loc: Locale
) -> Iterator[_Found]:
    """ "pasó de 120 mil a 245 mil": a figure at two times, not a range. The first
    takes the second's unit when it has none of its own ("de 5.2 a 4.8 por ciento")."""
    first = _measure(text, pair[0], p, loc, start=pair[0].start)
    second = _measure(text, pair[1], p, loc, start=pair[1].start)
    if second is None:
        return
    if first is None or (first.dimension == "count" and second.dimension != "count"):
        first = replace(second, start=whole.start, end=pair[0].end, low=pair[0], nearly=False)
    yield replace(first, qualifier="exact" if first.qualifier == "range" else first.qualifier)
    yield second


def _changed(text: str, a: Number, p: _Patterns) -> bool:
    """Whether "de A a B" follows a verb of change ("pasó de", "rose from", "se
    duplicó, de"): the words name a change between two figures, not a range."""
    words = _WORDS.findall(fold(text[max(0, a.start - 40) : a.start]))
    verbs = p.lang.arithmetic.change_verbs
    if len(words) < 2 or _opened_steady(text, a, p):
        return False  # "cut rates between two and three times": a range
    return any(w in verbs for w in words[-4:-1])


_Matches = list[re.Match[str]]


def _phrases(text: str, p: _Patterns) -> tuple[_Matches, _Matches, _Matches, _Matches]:
    """The matches of ``p.one_in``, ``p.ratio``, ``p.bounded_ratio`` and
    ``p.point_fraction`` in ``text``, each list as its own ``finditer`` gives it, read
    where one search (``p.phrase_start``) finds that one of them matches: most texts hold
    few such phrases, and four scans of every position cost three times this one."""
    scans = (p.one_in, p.ratio, p.bounded_ratio, p.point_fraction)
    found: tuple[_Matches, _Matches, _Matches, _Matches] = ([], [], [], [])
    free = [0, 0, 0, 0]  # where each scan's next match may start: a finditer's do not overlap
    for start in p.phrase_start.finditer(text):
        at = start.start()
        for k, scan in enumerate(scans):
            m = scan.match(text, at) if at >= free[k] else None
            if m is not None:  # none of them matches an empty string
                found[k].append(m)
                free[k] = m.end()
    return found


def _ratios(text: str, ratios: _Matches, bounded: _Matches, p: _Patterns) -> list[Number]:
    found = [
        _ratio(m, p.lang.ratio_phrases)
        for m in ratios
        if _previous_word(text[max(0, m.start() - 30) : m.start()]) not in p.lang.ratio_not_after
    ]
    starts = {n.start for n in found}  # "more than half the": the phrase, read above
    found.extend(
        _ratio(m, p.lang.bounded_ratios)
        for m in bounded
        if m.start() not in starts
        and qualifier_before(text, max(0, m.start() - _BOUND_REACH), m.start(), p)
    )
    return found


_BOUND_REACH = 40  # characters: the longest qualifier before a figure, as _bound reads


def _ratio(m: re.Match[str], table: dict[str, Decimal]) -> Number:
    return Number(
        m.start(),
        m.end(),
        m.group(),
        table[_key(m.group(), table)],
        Decimal(0),
        fraction=True,
        words=True,
    )


def _one_in(text: str, heads_found: _Matches, numbers: list[Number], p: _Patterns) -> list[Number]:
    """ "one in five adults", "uno de cada cuatro hogares", "three in 10 Americans": a
    share, part/N. Not when N is a year ("one in 2024 was") or measures something
    ("scored 2 in 10 minutes")."""
    found = []
    by_start = {x.start: x for x in numbers}
    heads = [(m.start(), m.end(), Decimal(1)) for m in heads_found]
    if p.lang.share_joiners:
        for part in numbers:
            joined = p.share_join.match(text, part.end)
            if joined and _whole_count(part) and not _is_plain_year(part):
                heads.append((part.start, joined.end(), part.value))
    for start, end, part_value in heads:
        n = by_start.get(end)
        if n is None or not _whole_count(n) or n.value <= part_value or _is_plain_year(n):
            continue
        unit = p.after.match(text, n.end)
        if unit and not unit.group("de"):
            continue  # "2 in 10 minutes", "3 in 10 km": a measure, not a share
        value = plain_decimal((part_value / n.value).quantize(FRACTION_PLACES))
        found.append(
            Number(
                start,
                n.end,
                text[start : n.end],
                value,
                Decimal(0),
                fraction=True,
                words=True,
            )
        )
    return found


def _whole_count(n: Number) -> bool:
    return not n.fraction and n.value >= 1 and n.value == n.value.to_integral_value()


def _point_fractions(text: str, found: _Matches, p: _Patterns) -> list[Number]:
    """ "medio punto porcentual", "a quarter of a percentage point": a fraction of a
    point, which the expression itself says is in percentage points."""
    return [
        Number(
            m.start(),
            m.end("point"),
            text[m.start() : m.end("point")],
            p.lang.point_fractions[_key(m.group("fraction"), p.lang.point_fractions)],
            Decimal(0),
            words=True,
            currency="percentage_point",
        )
        for m in found
        if " " in m.group("point") or not (m.group("of") or _whole(m.group("fraction"), p))
    ]


def _whole(fraction: str, p: _Patterns) -> bool:
    return p.lang.point_fractions[_key(fraction, p.lang.point_fractions)] == 1


def _range(text: str, a: Number, b: Number, p: _Patterns) -> tuple[Number, Number] | None:
    """Two numbers joined as a range: "entre 10 y 12 mil", "8mn-9mn", "from 3 to 4",
    "entre el 5% y el 7%", or two bounds: "más de 10 y menos de 20"."""
    gap = a.end
    between = text[gap : b.start]
    if len(between) > _BOUNDS_GAP:
        return None  # longer than any joiner with its qualifiers and unit
    joined = p.range_join.fullmatch(between)
    words = between.replace(",", " , ").lower().split()
    if not joined and (between.rstrip()[-1:] in _DASHES or not p.range_joins.isdisjoint(words)):
        gap = _past_unit(text, a, b, p)
        if gap < 0:
            return None
        if gap != a.end:
            between = text[gap : b.start]
            joined = p.range_join.fullmatch(between)
    if between.strip() in _DASHES and len(between) <= 3:
        return _scaled_pair(a, b, p)
    if _dash_repeats_sign(text, a, between):
        return _scaled_pair(a, b, p)
    if not joined:
        # Two bounds need a joiner between them; most pairs of figures have none.
        return None if p.bound_joins.isdisjoint(words) else _bounds(text, a, b, gap, p)
    if _is_plain_year(a) != _is_plain_year(b):
        return None  # "de diciembre de 2023 a $279.718": a date, then the figure reached
    lead = text[max(0, a.start - 30) : a.start]
    for opening, join in p.lang.ranges:
        if fold(joined.group("join")) != fold(join):
            continue
        if not opening and a.scaled and b.scaled:
            if _signed_twice(text, a, between) and _clause_change(text, a.start, p):
                return None  # "rose £27.9bn to £829bn": a change, then the level reached
            return _scaled_pair(a, b, p, change=_changed(text, a, p))
        if not opening and _plain_range(text, a, b, p):
            return a, b
        opened = p.range_open.search(lead)
        if opening and opened and fold(opened.group("open")) == fold(opening):
            return _scaled_pair(a, b, p, change=_changed(text, a, p))
    return None


def _signed_twice(text: str, a: Number, between: str) -> bool:
    """Whether both figures carry the sign before the first: "£27.9bn to £829bn"."""
    sign = between.rstrip()[-1:]
    return bool(sign) and not sign.isalnum() and text[max(0, a.start - 1) : a.start] == sign


def _unit_shared(text: str, a: Number, b: Number, p: _Patterns) -> bool:
    """ "rose 5 to 10 percent": a bare first end before a second with its unit shares
    it, so the two are a range even after a verb of change."""
    if a.currency:
        return False
    unit = p.after.match(text, b.end)
    return bool(unit and unit.group().strip()) and not p.after.match(text, a.end, b.start)


def _dash_repeats_sign(text: str, a: Number, between: str) -> bool:
    """ "$2bn-$2.5bn", "€5–€7": a dash, then the sign that stands before the first end."""
    dash, sign = between[:1], between[1:]
    return (
        dash in _DASHES
        and 0 < len(sign) <= 3
        and not sign[-1].isalnum()
        and text[max(0, a.start - len(sign)) : a.start] == sign
    )


def _plain_range(text: str, a: Number, b: Number, p: _Patterns) -> bool:
    """ "77 to 85 jets", "780,000 to 850,000 tonnes", "a 2% to 3% band": two plain figures
    joined with no opening word are a range when they rise and no verb of change stands
    in their clause; "rose 5% to 300", "cut rates 25 basis points to 4.75%" name a change
    and a level, "voted 7 to 2" a tally, unless only the second end has a unit ("rose 5 to
    10 percent"). A year at either end is left to the year rules."""
    if a.fraction or b.fraction or a.value >= b.value or _is_plain_year(a) or _is_plain_year(b):
        return False
    if a.currency != b.currency:
        return False  # "half a percentage point to 6.2%": the first names its own unit
    return not _clause_change(text, a.start, p) or _unit_shared(text, a, b, p)


def _clause_change(text: str, at: int, p: _Patterns) -> bool:
    """Whether a verb of change stands in the clause before ``at``; after an article the
    word is a noun ("a cut of", "el aumento") and names no change of this figure."""
    clause = _CLAUSE_END.split(text[max(0, at - 80) : at])[-1]
    words = _WORDS.findall(fold(clause))
    verbs, articles = p.lang.arithmetic.change_verbs, p.lang.articles
    return any(w in verbs and (i == 0 or words[i - 1] not in articles) for i, w in enumerate(words))


def _past_unit(text: str, a: Number, b: Number, p: _Patterns) -> int:
    """Where the words between two ends start once the first end's unit is passed,
    when both ends repeat it: "between 5% and 7%" (the claim takes the second's). Not
    in a clause that tells a change ("jumped 2 points, from 4.0% to 4.5%"): two
    figures (-1)."""
    unit = p.after.match(text, a.end, b.start)
    if unit is None or unit.group("de"):
        return a.end
    again = p.after.match(text, b.end)
    if again is None or fold(again.group().strip()) != fold(unit.group().strip()):
        return a.end
    dashed = text[unit.end() : b.start].strip() in _DASHES
    if _in_change(text, a, p) and not _opened_steady(text, a, p) and not dashed:
        return -1  # but "cut rates to 4.75%-5%" names a band
    return unit.end()


def _opened_steady(text: str, a: Number, p: _Patterns) -> bool:
    """Whether the word before a range's first end opens a range that tells no change:
    "raised prices by between 5% and 7%"."""
    words = _WORDS.findall(fold(text[max(0, a.start - 20) : a.start]))
    return bool(words) and words[-1] in p.lang.steady_openers


def _in_change(text: str, a: Number, p: _Patterns) -> bool:
    """Whether a verb of change stands in the words shortly before a figure. Folded,
    a verb may read as a noun ("aumentó", "el aumento"): after an article it is one."""
    words = _WORDS.findall(fold(text[max(0, a.start - 60) : a.start]))
    verbs, articles = p.lang.arithmetic.change_verbs, p.lang.articles
    return any(w in verbs and (i == 0 or words[i - 1] not in articles) for i, w in enumerate(words))


# "20~100" is a range in copy from East Asian sources.
_DASHES = {"-", "–", "—", "~"}
_LOWER = {"more_than", "at_least"}
_UPPER = {"less_than", "at_most"}
# The longest run of words a joiner and a qualifier make: "o igual a, y menor o igual que".
_BOUNDS_GAP = 60


def _bounds(
    text: str, a: Number, b: Number, gap: int, p: _Patterns
) -> tuple[Number, Number] | None:
    """A lower and an upper bound, in either order, joined as one range: "más de 10 y
    menos de 20", "at most 100 and at least 20". Both words must touch their figures
    and only a joiner stand between them; the ends come back in the order written,
    each with the value of the bound it stands for."""
    if not (p.bound_join.match(text, gap) or p.qualifier_after.match(text, gap)):
        return None
    b_start = _marked(text, b, p)
    if not (_may_qualify(text, gap, b_start, p) or p.qualifier_after.match(text, b.end)):
        return None
    first, _, first_end = _bound(text, _marked(text, a, p), gap, p)
    if first not in _LOWER and first not in _UPPER:
        return None
    second, second_start, _ = _bound(text, b_start, b.end, p, floor=first_end)
    if not p.bound_join.fullmatch(text, first_end, second_start):
        return None
    rising = first in _LOWER and second in _UPPER
    if not rising and not (first in _UPPER and second in _LOWER):
        return None
    low, high = (a, b) if rising else (b, a)
    if not (low.fraction or high.fraction):
        pair = _scaled_pair(low, high, p)
        if pair is None:
            return None
        low, high = pair
    if low.value >= high.value:
        return None
    if rising:
        return low, high
    if _changed(text, a, p):
        return None  # _resolve would read the ends as two figures, in the order written
    # _resolve spans a claim from the first end to the second: keep the positions.
    return (
        replace(a, value=low.value, half_width=low.half_width),
        replace(b, value=high.value, half_width=high.half_width),
    )


def _marked(text: str, n: Number, p: _Patterns) -> int:
    """Where a figure starts with its currency mark: "no more than $1,000"."""
    mark = p.prefix.search(text, max(0, n.start - 8), n.start)
    return mark.start() if mark else n.start


def _scaled_pair(
    a: Number, b: Number, p: _Patterns, *, change: bool = False
) -> tuple[Number, Number] | None:
    """ "entre 10 y 12 mil": the scale written once applies to both ends, all of it
    ("entre 2 y 3 mil millones"); "entre 61 mil y 63 mil mdd" writes the first end's
    scale again and adds one that both share, and "de 5 mil 622 a 5 mil 355 millones"
    writes its own thousands. A range rises; a ``change`` may fall ("cayó de 1.8 a 1.6
    millones"), by less than ``_FALL`` times."""
    if a.fraction or b.fraction:
        return None
    factor = None
    if b.scaled and a.value < b.value:
        a_head, a_tail = _head_tail(a)
        b_head, b_tail = _head_tail(b)
        if not a.scaled:
            factor = (_multiplier(b_tail, p) or b.scale) if b_head else b.scale
        elif a_head and b_head and len(b_tail) > len(a_tail) and b_tail[: len(a_tail)] == a_tail:
            shared, own = _multiplier(b_tail, p), _multiplier(a_tail, p)
            factor = shared / own if shared and own and shared > own else None
        elif (b_last := _last_scale(b)) and not _last_scale(a):
            factor = _shared_scale(a, b, b_last, p, change)
    if factor:
        a = replace(a, value=plain_decimal(a.value * factor), half_width=a.half_width * factor)
    if a.value <= b.value:
        return a, b
    return (a, b) if change and a.value <= b.value * _FALL else None


def _shared_scale(
    a: Number, b: Number, b_last: tuple[str, ...], p: _Patterns, change: bool
) -> Decimal | None:
    """The scale words that end the second figure and that the first, which ends in
    digits, shares: "de 5 mil 622 a 5 mil 355 millones" (millions), "entre 2 mil 500 y
    3 mil millones" (millions, not thousands of millions); none when no part of them
    makes the two figures alike ("de 150 mil 200 a 1 millón": the first is whole)."""
    top = b.value * _FALL if change else b.value
    for i in range(len(b_last)):
        factor = _multiplier(b_last[i:], p)
        if factor and factor > 1 and b.value / _FALL <= a.value * factor <= top:
            return factor
    return None


# How far a change may fall and still share its second figure's scale: "cayó de 1.8 a
# 1.6 millones", not "de 3 mil 500 a 12 millones" read as 3,500 million.
_FALL = 20
# The scale words after a figure's last digit: "millones" of "5 mil 355 millones".
_LAST_SCALE = re.compile(r"\d[^\d]*$")


def _last_scale(n: Number) -> tuple[str, ...]:
    last = _LAST_SCALE.search(n.text)
    return tuple(fold(w) for w in _WORDS.findall(last.group()[1:])) if last else ()


# A figure's leading digits and the words of scale after them: "63 mil mdd", "2.5bn".
_HEAD = re.compile(r"\d[\d.,\u00a0 ]*?(?=[^\d.,\u00a0 ]|$)")


def _head_tail(n: Number) -> tuple[str, tuple[str, ...]]:
    head = _HEAD.match(n.text)
    if head is None:
        return "", ()
    return head.group().strip(), tuple(fold(w) for w in _WORDS.findall(n.text[head.end() :]))


def _multiplier(tail: tuple[str, ...], p: _Patterns) -> Decimal | None:
    """What the scale words after a figure multiply it by: ("mil", "millones") → 1e9."""
    if not tail:
        return Decimal(1)
    one = find_numbers("1 " + " ".join(tail), p.lang.code)
    return one[0].value if len(one) == 1 and one[0].start == 0 else None


# Which ends of its interval a qualifier keeps: "más de 20" has no upper one.
_OPEN_ENDS = {
    "exact": (True, True),
    "range": (True, True),
    "more_than": (True, False),
    "at_least": (True, False),
    "less_than": (False, True),
    "at_most": (False, True),
}
_BELOW, _ABOVE = 1 - ABOUT_BAND, 1 + ABOUT_BAND


def _quantity(found: _Found) -> Quantity:
    n, h = found.low, found.high
    low = n.value - n.half_width
    high = (h or n).value + (h or n).half_width
    bounds: tuple[Decimal | None, Decimal | None]
    if found.qualifier == "about":  # the band is computed for the claims that have one
        bounds = (low * _BELOW, high if found.nearly else high * _ABOVE)
    else:
        keep_low, keep_high = _OPEN_ENDS[found.qualifier]
        bounds = (low if keep_low else None, high if keep_high else None)
    return Quantity(
        value=n.value,
        low=None if bounds[0] is None else plain_decimal(bounds[0]),
        high=None if bounds[1] is None else plain_decimal(bounds[1]),
        unit=found.unit,
        dimension=found.dimension,
    )


def extract_report(documents: Iterable[Document], *, locale: str | None = None) -> Report:
    """A :class:`~factcheck.model.Report` holding the documents and all their claims."""
    docs = tuple(located(d, locale) for d in documents)
    claims = tuple(c for d in docs for c in extract_document(d))
    return Report(documents=docs, claims=claims)

"""What a claim counts or measures: its subject.

A subject is the noun phrase after a count ("dos laboratorios"), after "de"/"of"
("80 por ciento de las personas"), the noun that leads in to the figure ("una
inversión de 448.3 millones"), the nearest noun before a money figure, or, failing
all, the subject of the previous figure of the same kind in the sentence.
"""

from __future__ import annotations

import itertools
import re

from factcheck._claim_patterns import _Patterns
from factcheck._measure import _Found
from factcheck.lang import Language, fold
from factcheck.model import Claim


def _subject(text: str, found: _Found, p: _Patterns) -> str | None:
    """What is counted or measured: the noun phrase after a count ("dos laboratorios"),
    after "de"/"of" ("80 por ciento de las personas"), or before a money or percentage
    figure ("una inversión de 448.3 millones")."""
    if found.hyphen_noun:
        return found.hyphen_noun
    lang = p.lang
    tail = text[found.end : found.end + 120]
    if found.unit == "count":
        return _phrase(tail, lang, skip_first=True) or _lead_in(
            text[max(0, found.start - 80) : found.start], p
        )
    lead = p.complement.match(tail)
    if lead and found.dimension in {"percent", "ratio", "money"}:
        after_of = _phrase(tail[lead.end() :], lang, skip_first=False)
        if after_of or found.dimension != "money":
            return after_of
    # "a $5 billion plant", "a 26% rise": the noun right after the figure.
    direct = _phrase(tail, lang, skip_first=False, rates=True)
    before = text[max(0, found.start - 160) : found.start]
    found_before = _lead_in(before, p)
    if found.dimension == "money":
        found_before = found_before or _noun_before(before, p)
    return direct or found_before


def _phrase(tail: str, lang: Language, *, skip_first: bool, rates: bool = False) -> str | None:
    words: list[str] = []
    for m in re.finditer(r"[ \t\u00a0]*([^\W\d_]\w*(?:-\w+)*|[^\w\s]|\d+)", tail):
        token = m.group(1)
        folded = fold(token)
        if not token[0].isalpha() or (rates and not words and folded in lang.rate_words):
            break
        if (
            not words
            and skip_first
            and (folded in lang.subject_skip or token in lang.subject_joiners)
        ):
            continue
        if folded in lang.subject_stop and not (words and token in lang.subject_joiners):
            break
        words.append(token)
        if len(words) >= 5:
            break
    while words and words[-1] in lang.subject_joiners:
        words.pop()
    return " ".join(words) or None


def _lead_in(before: str, p: _Patterns) -> str | None:
    """The noun before "de"/"of" that introduces the figure: "inversión" in "una
    inversión de más de 440 millones"."""
    q = p.qualifier.search(before, max(0, len(before) - 48))
    if q:
        before = before[: q.start()]
    tokens = re.findall(r"[^\W\d_]+|[^\w\s]", before)
    if len(tokens) < 2 or fold(tokens[-1]) not in p.lang.subject_lead_in:
        return None
    words: list[str] = []
    rest = tokens[:-1]
    while (
        rest
        and len(words) < 3
        and rest[-1][0].isalpha()
        and fold(rest[-1]) not in p.lang.subject_stop
        # "cifras que reflejan avances": after a relative pronoun comes a verb
        and not (len(rest) > 1 and fold(rest[-2]) in p.lang.relativizers)
    ):
        words.insert(0, rest.pop())
    # "aumento de la productividad del 26%": the head noun stands before the complement.
    link = rest[-2:] if words and rest and fold(rest[-1]) in p.lang.articles else rest[-1:]
    if words and link and link[0] in p.lang.subject_joiners:
        head = rest[: -len(link)]
        if head and head[-1][0].isalpha() and fold(head[-1]) not in p.lang.subject_stop:
            words = [head[-1], *link, *words]
    return " ".join(words) or None


def _noun_before(before: str, p: _Patterns) -> str | None:
    """The nearest common noun introduced by an article before the figure, in its
    sentence: "La multa asciende a 2 millones" → "multa"."""
    sentence = re.split(r"[.;:!?\n]", before)[-1]
    tokens = re.findall(r"[^\W\d_]\w*", sentence)
    for article, noun in reversed(list(itertools.pairwise(tokens))):
        if (
            fold(article) in p.lang.articles
            and noun.islower()
            and fold(noun) not in p.lang.subject_stop
        ):
            return str(noun)
    return None


def _inherited(found: _Found, previous: Claim | None, sentence_start: int) -> str | None:
    """Figures of one kind in one sentence share a subject unless they name their own:
    "avances del 65%, 73% y 81%", "an investment of MX$1.28 billion (US$643 million)"."""
    if (
        previous is None
        or previous.start < sentence_start
        or previous.quantity.dimension != found.dimension
    ):
        return None
    return previous.subject

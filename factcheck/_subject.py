"""What a claim counts or measures: its subject.

A subject is the noun phrase after a count ("dos laboratorios"), after "de"/"of"
("80 por ciento de las personas"), the noun that leads in to the figure ("una
inversión de 448.3 millones"), the nearest noun before a money figure, or, failing
all, the subject of the previous figure of the same kind in the sentence.
"""

from __future__ import annotations

import itertools
import re

from factcheck._claim_patterns import _key, _Patterns
from factcheck._measure import _Found, qualifier_before
from factcheck.lang import Language, compared_after, fold
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
        after = (
            _phrase(tail, lang, skip_first=True) or _predicate(tail, lang) or _named_after(tail, p)
        )
        if after:
            return after
        before = _unqualified(_before(text, found.start, 160), p)
        return _lead_in(before, p) or _clause_subject(before, p)
    lead = p.complement.match(tail, _rate_adjective(tail, lang))
    direct = None
    if lead and found.dimension != "count":  # "80 por ciento de las personas", "1.5 t of fentanyl"
        after_of = _phrase(tail[lead.end() :], lang, skip_first=False)
        if after_of and _base(after_of, lang) and found.dimension == "percent":
            # "un superávit primario de 1,8% del PIB", "38,1% de las personas": the
            # base of the share, not what it measures
            # With none before, the share is named by its base ("el 80 por ciento de las
            # personas que no tenían seguridad social"), but never by a measure's acronym:
            # "equivalente al 108,1% del PIB" restates a debt, and "PIB" would make every
            # share of GDP one quantity.
            before = _unqualified(_before(text, found.start, 160), p)
            named = _lead_in(before, p) or _clause_subject(before, p)
            return named or (None if _only(after_of, lang.measure_acronyms) else after_of)
        if after_of:
            return after_of
        # "aumentaron 59% de 2022 a 2023": a "de" before a year is no complement, and
        # the subject stands before the figure.
    elif not compared_after(tail, 0, lang):  # "53% lower than": no noun of its own
        # "a $5 billion plant", "a 26% rise": the noun right after the figure.
        direct = _phrase(tail, lang, skip_first=False, rates=True)
    before = _before(text, found.start, 160)
    if direct and not (found.dimension == "money" and _only(direct, lang.amount_words)):
        # named after the figure: the words before it are not read, but for a change's
        # noun ("Retail sales saw a 3.2% increase")
        if _only(direct, lang.change_words):
            return _changed_subject(_unqualified(before, p), p) or direct
        return direct
    unqualified = _unqualified(before, p)
    lead_in = _lead_in(unqualified, p)
    found_before = lead_in or _clause_subject(unqualified, p)
    if found.dimension == "money" and not (direct or (lead_in and _common(lead_in))):
        # "Se destinarán 300 millones para vacunas", "Sonora needs MX$731 million in
        # medical equipment", "the startup raised $5m in seed funding": with no noun
        # tied to it before (who spends is not what), an amount is named by what it is
        # for, and only then by the subject of its verb or the nearest noun before.
        purpose = _purpose(tail, lang)
        if purpose or not (found_before and _common(found_before)):
            found_before = purpose or _noun_before(before, p) or found_before
    named = direct or found_before
    if named and _only(named, lang.change_words):
        # "El índice registró una subida del 11,3%", "Retail sales saw a 3.2% increase":
        # the change is of what the verb's subject names.
        named = _changed_subject(before[: before.rfind(named.split()[0])], p) or named
    if found.dimension == "money" and named and _only(named, lang.amount_words):
        # "an investment of MX$1.28 billion in personnel": the purpose says what it is.
        return _purpose(tail, lang) or named
    return named


def _predicate(tail: str, lang: Language) -> str | None:
    """The noun a copula gives a bare count: "65.700 eran menores de edad", "56,700 were
    children"."""
    m = _TOKEN.match(tail)
    if m is None or fold(m.group(1)) not in lang.copulas:
        return None
    return _phrase(tail[m.end() :], lang, skip_first=True)


_THREE_WORDS = re.compile(r"[ \t\u00a0]+([^\W\d_]+)[ \t\u00a0]+([^\W\d_]+)[ \t\u00a0]+([^\W\d_]+)")


def _named_after(tail: str, p: _Patterns) -> str | None:
    """The figure's name after it, in the order Spanish news writes a toll: "elevó a 122
    la cifra de fallecidos", "eleva a 95 el número de muertos", "raised to 40 the number
    of dead"."""
    m = _THREE_WORDS.match(tail)
    if (
        m is None
        or fold(m.group(1)) not in p.lang.articles
        or fold(m.group(2)) not in p.referential_words
        or m.group(3) not in p.lang.subject_joiners
    ):
        return None
    return _phrase(tail[m.end() :], p.lang, skip_first=False)


def _before(text: str, at: int, size: int) -> str:
    """Up to ``size`` characters before ``at``, from a word's start: a word cut in two
    ("rados" of "parados") would be read as one."""
    start = max(0, at - size)
    if start and text[start - 1].isalnum():
        blank = text.find(" ", start, at)
        start = blank + 1 if blank >= 0 else at
    return text[start:at]


def _base(phrase: str, lang: Language) -> bool:
    """Whether a share's complement is its base ("del PIB", "del total nacional")."""
    first = fold(phrase.split()[0])
    return (
        fold(phrase) in lang.percent_bases
        or first in lang.percent_bases
        or _only(phrase, lang.measure_acronyms)
    )


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


def _rate_adjective(tail: str, lang: Language) -> int:
    """Where the words after a unit go on past a rate adjective: "147.000 barriles
    diarios de petróleo" is oil, not "diarios"."""
    m = _NEXT_WORD.match(tail)
    if m and len(m.group(1)) > 4 and fold(m.group(1)) in lang.rate_words:
        return m.end()
    return 0


def _only(phrase: str, words: frozenset[str]) -> bool:
    return all(fold(w) in words for w in phrase.split())


def _common(phrase: str) -> bool:
    """Whether a phrase has a common noun: "Mexico" or "IMSS" say who, not what."""
    return any(w.isalpha() and w.islower() for w in phrase.split())


_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_BLANKS_THEN_DIGIT = re.compile(r"[ \t]+\d")


def _purpose(tail: str, lang: Language) -> str | None:
    """What an amount is for, named after it: "en obras", "for health personnel"; past
    its period ("£1bn a year in option fees")."""
    m = _FIRST_WORD.match(tail, _past_period_words(tail, lang))
    if not m or fold(m.group(1)) not in lang.purposes:
        return None
    rest = tail[m.end() :]
    phrase = _phrase(rest, lang, skip_first=False)
    if phrase and _before_figure(rest, phrase):
        return None  # "in fiscal 2024", "en el ejercicio 2025": when, not what for
    head = fold(phrase.split()[0]) if phrase else ""
    if head in lang.not_units or head in lang.months or head in lang.weekdays:
        return None  # "in the quarter", "en diciembre": when too
    return phrase if phrase and _common(phrase) else None


def _past_period_words(tail: str, lang: Language) -> int:
    """Where ``tail`` goes on past the period that opens it ("a year", "al mes"), or 0."""
    at = len(tail) - len(tail.lstrip(" \t"))
    for period in lang.conversion_periods:
        end = at + len(period)
        if tail.startswith(period, at) and not tail[end : end + 1].isalnum():
            return end
    return 0


def _before_figure(rest: str, phrase: str) -> bool:
    """Whether ``rest`` opens with ``phrase`` (after blanks and tabs) and blanks and a
    digit follow it; tested in Python because a pattern built from each phrase was
    compiled anew whenever the regex cache had dropped it."""
    at = len(rest) - len(rest.lstrip(" \t"))
    return rest.startswith(phrase, at) and bool(_BLANKS_THEN_DIGIT.match(rest, at + len(phrase)))


# A word, a mark or digits; an abbreviation with its points is one word ("U.S. adults",
# "EE.UU."), or the phrase would stop at its first point.
_TOKEN = re.compile(r"[ \t\u00a0]*((?:[^\W\d_]{1,2}\.){2,}|[^\W\d_]\w*(?:-\w+)*|[^\w\s]|\d+)")


def _changed_subject(clause: str, p: _Patterns) -> str | None:
    """The subject of the verb that ends ``clause``, past an article: the verb before
    the noun of a change ("registró una subida del"), or before the figure when the noun
    follows it ("saw a 3.2% increase")."""
    m = _LAST_LEAD_TOKEN.match(clause[::-1])
    if m and fold(m.group(1)[::-1]) in p.lang.articles:
        clause = clause[: len(clause) - m.end()]
    return _clause_subject(clause.rstrip() + " ", p)


def _phrase(tail: str, lang: Language, *, skip_first: bool, rates: bool = False) -> str | None:
    words: list[str] = []
    for m in _TOKEN.finditer(tail):
        token = m.group(1)
        folded = fold(token)
        if not token[0].isalpha() or (rates and not words and folded in lang.rate_words):
            break
        if not words and folded in lang.amount_adjectives:
            continue  # "75 millones de euros fijos por el delantero"
        if (
            not words
            and skip_first
            and (folded in lang.subject_skip or token in lang.subject_joiners)
        ):
            continue
        if folded in lang.subject_stop and not (words and token in lang.subject_joiners):
            line = "\n" in tail[: m.start()]  # a title's name ends at its line
            if line or folded not in lang.name_inner or not _inside_name(words, tail, m.end()):
                break
        elif words and (_is_verb(token, lang) or _opens_name(token, words, lang)):
            break  # "escuelas resultaron dañadas", "its $52.3bn endowment Harvard is"
        if words[-1:] and words[-1] in lang.subject_joiners and folded in lang.place_nouns:
            break  # "usuarios del estado": the joiner goes below
        words.append(token)
        if len(words) >= 5:
            break
    while words and (words[-1] in lang.subject_joiners or fold(words[-1]) in lang.subject_stop):
        words.pop()
    return " ".join(words) or None


def _opens_name(token: str, words: list[str], lang: Language) -> bool:
    """Whether a capitalised word after a common noun opens the next phrase: in a
    language whose noun phrases end with their head, it names someone else."""
    return (
        lang.head_last
        and token[0].isupper()
        and words[-1].islower()
        and words[-1] not in lang.subject_joiners
    )


def _inside_name(words: list[str], tail: str, end: int) -> bool:
    """Whether a short function word continues a name: "Impuesto Sobre la Renta",
    "Secretaría de la Defensa": a capitalised word before it and one of the next two
    after it."""
    if not words or not words[-1][:1].isupper():
        return False
    for _ in range(2):
        m = _TOKEN.match(tail, end)
        if m is None or not m.group(1)[0].isalpha():
            return False
        if m.group(1)[0].isupper():
            return True
        end = m.end()
    return False


def _unqualified(before: str, p: _Patterns) -> str:
    """The text before a figure without the qualifier that ends it ("de más de" →
    "de")."""
    found = qualifier_before(before, max(0, len(before) - 48), len(before), p)
    if not found:
        return before
    # A qualifier that is a verb stays, for the subject stands before it: "Losses
    # exceeded $3 million", "Las reservas superan los 200 mil millones"; after a relative
    # pronoun the noun before it names the figure ("una inversión histórica que supera").
    verb = _LEAD_TOKEN.match(before, found[0])
    last = _LAST_LEAD_TOKEN.match(before[: found[0]][::-1])
    relative = last is not None and fold(last.group(1)[::-1]) in p.lang.relativizers
    if verb and _is_verb(verb.group(), p.lang) and not relative:
        return before[: verb.end()] + " "
    return before[: found[0]]


# A word or a mark; and the last of them, read on the text reversed.
_LEAD_TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")
_LAST_LEAD_TOKEN = re.compile(r"[\d_\s]*([^\W\d_]+|[^\w\s])")


def _lead_in(before: str, p: _Patterns) -> str | None:
    """The noun before "de"/"of" that introduces the figure: "inversión" in "una
    inversión de más de 440 millones". ``before`` ends where the figure's qualifier
    starts (:func:`_unqualified`)."""
    last = _LAST_LEAD_TOKEN.match(before[::-1])  # most figures follow no lead-in word
    if last is None or fold(last.group(1)[::-1]) not in p.lang.subject_lead_in:
        return None
    tokens = _LEAD_TOKEN.findall(before)
    if len(tokens) < 2 or fold(tokens[-1]) not in p.lang.subject_lead_in:
        return None
    words: list[str] = []
    rest = tokens[:-1]
    while (
        rest
        and len(words) < 3
        and rest[-1][0].isalpha()
        and fold(rest[-1]) not in p.lang.subject_stop
        and not _is_verb(rest[-1], p.lang)  # "reportó pérdidas netas por"
        # "cifras que reflejan avances": after a relative pronoun comes a verb
        and not (len(rest) > 1 and fold(rest[-2]) in p.lang.relativizers)
    ):
        words.insert(0, rest.pop())
    if not words and rest[-1:] == [","]:  # "El dato de inflación que difundió el INDEC, de 3,7%"
        return _before_relative(rest[:-1], p.lang)
    # "aumento de la productividad del 26%": the head noun stands before the complement.
    link = rest[-2:] if words and rest and fold(rest[-1]) in p.lang.articles else rest[-1:]
    if words and link and link[0] in p.lang.subject_joiners:
        head = rest[: -len(link)]
        if head and head[-1][0].isalpha() and fold(head[-1]) not in p.lang.subject_stop:
            words = [head[-1], *link, *words]
    return " ".join(words) or None


# How many words a relative clause between a noun and its figure may hold.
_RELATIVE_CLAUSE = 8


def _before_relative(tokens: list[str], lang: Language) -> str | None:
    """The noun phrase before a relative clause that ends at the figure's comma, or
    right before that comma: "dato de inflación" in "El dato de inflación que difundió
    ayer el INDEC, de 3,7%", "tasa de desempleo" in "La tasa de desempleo, de 2.6%"."""
    start = max(0, len(tokens) - _RELATIVE_CLAUSE)
    at = next((k for k in range(len(tokens) - 1, start - 1, -1) if not tokens[k][0].isalpha()), -1)
    found = [
        k for k in range(max(at + 1, start), len(tokens)) if fold(tokens[k]) in lang.relativizers
    ]
    words: list[str] = []
    k = found[0] if found else len(tokens)  # "La tasa de desempleo, de 2.6%"
    while k and tokens[k - 1][0].isalpha() and len(words) < 4:
        token = tokens[k - 1]
        if fold(token) in lang.subject_stop and token not in lang.subject_joiners:
            break
        words.insert(0, token)
        k -= 1
    while words and words[0] in lang.subject_joiners:
        words.pop(0)
    return " ".join(words) if _common(" ".join(words)) else None


_SENTENCE_END = re.compile(r"[.;:!?\n]")
_NOUN_TOKEN = re.compile(r"[^\W\d_]\w*")


def _noun_before(before: str, p: _Patterns) -> str | None:
    """The nearest common noun introduced by an article before the figure, in its
    sentence: "La multa asciende a 2 millones" → "multa"."""
    sentence = _SENTENCE_END.split(before)[-1]
    matches = list(_NOUN_TOKEN.finditer(sentence))
    tokens = [m.group() for m in matches]
    lang = p.lang
    for k in range(len(tokens) - 1, 0, -1):
        if _agent(tokens, k - 1, lang):
            # "La deuda por la aplicación de la tabla, estimada por el regulador en": the
            # participle says what of the clause it closes, and that clause's first noun
            # is its head.
            clause = sentence[: matches[k - 3].start()].rstrip(" ,")
            return _first_noun(clause[clause.rfind(",") + 1 :], lang)
        article, noun = tokens[k - 1], tokens[k]
        if _article_noun(article, noun, lang):
            return noun
    return None


def _first_noun(text: str, lang: Language) -> str | None:
    tokens = _NOUN_TOKEN.findall(text)
    return next((n for a, n in itertools.pairwise(tokens) if _article_noun(a, n, lang)), None)


def _article_noun(article: str, noun: str, lang: Language) -> bool:
    return (
        fold(article) in lang.articles
        and noun.islower()
        and fold(noun) not in lang.subject_stop
        and fold(noun) not in lang.amount_adjectives  # "an initial €75m"
        and not _is_time(noun, lang)  # "cerraron la semana en": when, not what
    )


def _agent(tokens: list[str], at: int, lang: Language) -> bool:
    """Whether the phrase opening at ``tokens[at]`` is a passive participle's agent:
    "estimada por el regulador", "estimated by the regulator"."""
    return (
        at >= 2
        and fold(tokens[at - 1]) in lang.agents
        and fold(tokens[at - 2]).endswith(lang.agent_participles)
    )


def _inherited(
    found: _Found,
    previous: Claim | None,
    sentence_start: int,
    text: str,
    p: _Patterns,
) -> str | None:
    """Figures of one kind in one sentence share a subject unless they name their own:
    "avances del 65%, 73% y 81%", "an investment of MX$1.28 billion (US$643 million)";
    and a share that restates the amount before it takes its subject ("una deuda de
    1,62 billones de euros, equivalente al 108,1% del PIB")."""
    if previous is None or previous.start < sentence_start:
        return None
    if previous.quantity.dimension == found.dimension:
        between = _unqualified(text[previous.end : found.start], p)
        return _gapped(between, previous.subject, p.lang) or previous.subject
    if found.dimension != "percent" or previous.quantity.dimension != "money":
        return None  # "by half a percentage point to 9.5%" restates no amount
    gap = _GAP_TOKEN.findall(fold(text[previous.end : found.start]))
    words = p.lang.arithmetic.share_words | p.lang.arithmetic.restate_words | {","}
    restated = 0 < len(gap) <= _RESTATE_GAP and all(w in words for w in gap)
    return previous.subject if restated else None


_GAPPED_WORDS = 4  # "and the Eaton fire", "y el de Eaton", "while the Paris metro"


def _gapped(gap: str, said: str | None, lang: Language) -> str | None:
    """The subject of a second clause that leaves its verb out: "the Eaton fire" in "The
    Palisades fire burned 23,448 acres and the Eaton fire 14,021 acres", "incendio de
    Eaton" in "el de Palisades quemó 9.489 hectáreas y el de Eaton 5.674" (the head noun
    said before). Only a phrase with an article and a common noun or "de"/"of": "and the
    UK 3%" names a place, "y el año pasado 3%" a time, and both keep the first subject."""
    tokens = _GAP_TOKEN.findall(gap)
    if tokens[:1] == [","]:
        tokens = tokens[1:]
    if tokens[-1:] == [","]:
        tokens = tokens[:-1]
    if len(tokens) < 3 or fold(tokens[0]) not in lang.gapping:
        return None
    if fold(tokens[1]) not in lang.articles:
        return None
    words = tokens[2:]
    if len(words) > _GAPPED_WORDS or not all(w.isalpha() for w in words):
        return None
    if any(_is_verb(w, lang) or _is_time(w, lang) or fold(w) in lang.months for w in words):
        return None
    if words[0] in lang.subject_joiners:  # "el de Eaton": the noun of the first clause
        head = said.split()[0] if said else None
        return f"{head} {' '.join(words)}" if head and head.islower() else None
    phrase = " ".join(words)
    return phrase if _common(phrase) and fold(words[-1]) not in lang.subject_stop else None


_RESTATE_GAP = 5  # tokens: ", equivalente al", ", alrededor del", ", or about"
_GAP_TOKEN = re.compile(r"\w+|[^\w\s]")


def _is_verb(token: str, lang: Language) -> bool:
    if token.lower() in lang.verbs or fold(token) in lang.auxiliaries:
        return True
    if not token.islower() or not token.endswith(lang.verb_endings):
        return False  # the common case, tested at C speed
    return any(token.endswith(e) and len(token) > len(e) + 2 for e in lang.verb_endings)


# A sentence boundary inside the text before a figure; a point before a digit is a
# decimal mark, not an end. Read on the text reversed, to find the last one first:
# "[;:!?\n]|\.(?!\d)" forwards; it opens with the set of its characters, which lets
# the engine skip to them.
_CLAUSE_END_REVERSED = re.compile(r"[;:!?\n.](?<!\d\.)")
_CLAUSE_END = re.compile(r"[;:!?\n]|\.(?!\d)")


_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,2}\.){2,}")


def _last_clause(before: str) -> str:
    """The last clause of ``before``: the points of "U.S." or "EE.UU." end none."""
    end = _CLAUSE_END_REVERSED.search(before[::-1])  # the last one, read from the end
    if end is None:
        return before
    at = len(before) - end.start()  # just past the last end
    # A point inside an abbreviation has another within three characters of it; the
    # last end seldom does, and the search for abbreviations costs ten times this.
    if before[at - 1] != "." or "." not in before[max(0, at - 4) : at - 1] + before[at : at + 3]:
        return before[at:]
    if not _ABBREVIATION.search(before):
        return before[at:]
    inside = [m.span() for m in _ABBREVIATION.finditer(before)]
    start = 0
    for m in _CLAUSE_END.finditer(before):
        if not any(a <= m.start() < b for a, b in inside):
            start = m.end()
    return before[start:]


# A word (an abbreviation with its points is one: "in U.S. cities"), digits or a mark.
_CLAUSE_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*|\d[\d.,]*|[^\w\s]")


def _clause_subject(before: str, p: _Patterns) -> str | None:
    """The noun phrase a verb ties to the figure: "la inflación general anual" in "La
    inflación general anual se ubicó en 4.21%", "Mexico's economy" in "Mexico's economy
    expanded 3.2%". Only when a verb stands right before the figure (prepositions and
    qualifiers aside): without one the words before are not its subject. ``before``
    ends where the figure's qualifier starts (:func:`_unqualified`)."""
    lang = p.lang
    clause = _last_clause(before)
    tokens = _CLAUSE_TOKEN.findall(clause)
    i = len(tokens)
    glue = p.subject_glue
    while i and (
        (fold(tokens[i - 1]) in glue and not _is_verb(tokens[i - 1], lang))
        or (i > 1 and _is_adverb(tokens[i - 1], lang) and _is_verb(tokens[i - 2], lang))
    ):
        i -= 1  # "en", "to", "de", "finalmente": between the verb and its figure
    i = _past_time(tokens, i, lang, glue)
    i = _past_change(tokens, i, lang, glue)
    verbs = i
    # A participle after an auxiliary is a verb too: "ha crecido", "has grown".
    while i and (
        _is_verb(tokens[i - 1], lang)
        or (i > 1 and fold(tokens[i - 2]) in lang.auxiliaries)
        or (i < verbs and fold(tokens[i - 1]) in lang.adverbs)  # "has so far scorched"
        or _infinitive(tokens, i, verbs, lang)
    ):
        i -= 1
    if i == verbs:
        return _object(tokens[:i], lang) if i < len(tokens) else None
    named = _verb_noun(tokens[i:verbs], lang)
    i = _past_period(tokens, i, lang, glue)
    words: list[str] = []
    light = p.light_words  # not counted toward the phrase's length
    content = 0  # the words of ``words`` not in ``light``
    while i and content < _LONGEST_PHRASE:
        token = tokens[i - 1]
        folded = fold(token)
        joined = i > 1 and fold(tokens[i - 2]) in lang.clause_joiners
        if words and folded in lang.articles and joined:  # "toll from the floods"
            words.insert(0, token)
            content += folded not in light
            i -= 1
            continue
        inner = folded in lang.clause_joiners and i > 1 and words
        if inner and (not tokens[i - 2][0].isalpha() or fold(tokens[i - 2]) in lang.subject_stop):
            break  # a joiner needs a noun before it: "gasto en seguridad"
        if words[:1] and words[0][:1].isupper() and folded in lang.name_joiners:
            words.insert(0, token)  # "in England and Wales": one place, two names
            content += folded not in light
            i -= 1
            continue
        if words and folded in lang.relativizers:
            words, content = [], 0  # "las remesas que recibió México": the noun before "que"
            i -= 1
            continue
        if token == "," and not words:
            # "Lithium exports, including carbonate and hydroxide, totaled": the
            # subject stands before the aside
            opening = _aside_start(tokens, i - 1)
            if opening:
                i = opening
                continue
        if words and token.isdigit() and i > 1 and fold(tokens[i - 2]) in lang.months:
            i -= 1  # "Turnout in Mexico's June 2 presidential election": a day, inside
            continue
        if not token[0].isalpha() or (folded in lang.subject_stop and not inner):
            break
        words.insert(0, token)
        content += folded not in light
        i -= 1
    # A joiner that opens the phrase had nothing to join: ", and CO2 hit 424 ppm".
    while words and (
        words[0] in lang.subject_joiners
        or fold(words[0]) in lang.clause_joiners
        or fold(words[0]) in lang.name_joiners
    ):
        words.pop(0)
    words = _head(words, light, lang)
    if all(fold(w) in p.referential_words for w in words):
        return named  # "la cifra fue de 1,054": the figure before says what it counts
    # "IMSS has pledged MX$2.1 billion": names say who acts, not what is measured. A
    # lone capitalised word that opens the clause may be a common noun ("Remittances").
    names = all(w[:1].isupper() and fold(w) not in lang.measure_acronyms for w in words)
    if names and (named or i > 0 or len(words) > 1 or words[0].isupper()):
        return named  # "Nvidia ingresó": the verb says what, if it can
    return " ".join(words)


def _is_adverb(token: str, lang: Language) -> bool:
    """ "ya", "finalmente", "sharply": an adverb by the list or by its ending."""
    folded = fold(token)
    if folded in lang.adverbs:
        return True
    return (
        token.islower()
        and folded not in lang.rate_words
        and any(folded.endswith(e) and len(folded) > len(e) + 3 for e in lang.adverb_endings)
    )


def _infinitive(tokens: list[str], i: int, verbs: int, lang: Language) -> bool:
    """Whether ``tokens[i - 1]`` belongs to an infinitive that ends at the figure: its
    verb ("to fall", "to borrow"), or its mark after a verb ("is set to fall",
    "expected to rise")."""
    if i < 2:
        return False
    if i == verbs:
        return fold(tokens[i - 2]) in lang.infinitive_marks and tokens[i - 1].islower()
    return fold(tokens[i - 1]) in lang.infinitive_marks and _is_verb(tokens[i - 2], lang)


def _aside_start(tokens: list[str], comma: int) -> int:
    """Where the aside that ``tokens[comma]`` closes opens ("exports, including
    carbonate and hydroxide,"), when a comma opens it within a few words after a word:
    the index of that comma, else 0."""
    for k in range(comma - 1, max(0, comma - _ASIDE_WORDS) - 1, -1):
        if tokens[k] == ",":
            return k if k and tokens[k - 1][:1].isalpha() else 0
        if not tokens[k][:1].isalpha():
            return 0
    return 0


# How many words an aside may run: ", paid on top of the minimum wage to lower earners,"
# runs nine.
_ASIDE_WORDS = 12


# A clause's subject is read back to its start, up to this many words of content; a
# longer one keeps its head ("El número de parados inscritos en las oficinas de los
# servicios públicos de empleo" → "número de parados inscritos").
_LONGEST_PHRASE = 10
_SHORT_PHRASE = 4


def _head(words: list[str], light: frozenset[str], lang: Language) -> list[str]:
    """A long noun phrase cut before its second complement: the head and what it counts
    ("death toll from wildfires in Chile's Valparaiso region" → "death toll from
    wildfires"), not the last words, which name where or whose."""
    if sum(fold(w) not in light for w in words) <= _SHORT_PHRASE:
        return words
    joiners = [k for k, w in enumerate(words) if k and fold(w) in lang.clause_joiners]
    if len(joiners) >= 2:
        return words[: joiners[1]]
    return words[: joiners[0]] if joiners else words[-_SHORT_PHRASE:]


def _past_time(tokens: list[str], i: int, lang: Language, glue: frozenset[str]) -> int:
    """Before a span of time that stands between the verb and its figure: "cerraron la
    semana en 29.600 millones", "closed the year at 4.2%": the week is when, not what."""
    if (
        i >= 2
        and _is_time(tokens[i - 1], lang)
        and fold(tokens[i - 2]) in lang.articles | lang.time_determiners
    ):
        i -= 2
        while i and fold(tokens[i - 1]) in glue and not _is_verb(tokens[i - 1], lang):
            i -= 1
    return i


def _is_time(word: str, lang: Language) -> bool:
    unit = lang.units.get(_key(word, lang.units), "")  # "año", "días": accents folded
    return lang.dimensions.get(unit, "") == "time"


def _past_change(tokens: list[str], i: int, lang: Language, glue: frozenset[str]) -> int:
    """Where the verb ends when a change figure stands between it and the level: "rose
    37% to $6.1 billion", "subió 5 por ciento a 300 millones"."""
    j = i
    while j and tokens[j - 1] == ",":
        j -= 1  # "creció un 3,7%, hasta los 2.727 millones"
    # The change and a time after it: "rose 8.4% in 2024 to a record €294.7bn", "set to
    # fall 7% this year to 241.7 million".
    for _ in range(2):
        j = _past_time(tokens, j, lang, glue)
        k = j
        while k and (tokens[k - 1][0].isdigit() or fold(tokens[k - 1]) in lang.percent_marks):
            k -= 1
        if k == j:
            break
        j = k
        while j and fold(tokens[j - 1]) in glue and not _is_verb(tokens[j - 1], lang):
            j -= 1  # "rose by 37% to"
    if j == i or not any(t[0].isdigit() for t in tokens[j:i]):
        return i
    if j and _is_verb(tokens[j - 1], lang):
        return j
    # "will rise 1.2% to £1,738", "is set to fall 7% to": a verb's bare form after an
    # auxiliary or an infinitive's mark
    marks = lang.auxiliaries | lang.infinitive_marks
    return j if j > 1 and fold(tokens[j - 2]) in marks else i


def _past_period(tokens: list[str], i: int, lang: Language, glue: frozenset[str]) -> int:
    """Before the verb, past a period that ends the subject: "The median price for all
    of 2024 rose", "Las ventas en 2024 crecieron": the year is when, not what."""
    j = i
    while j > i - 6 and j and (tokens[j - 1][0].isdigit() or fold(tokens[j - 1]) in glue):
        j -= 1
        if j and fold(tokens[j - 1]) in lang.whole_period:
            j -= 1  # "for all of 2024", "durante todo 2024"
    if not any(t[0].isdigit() for t in tokens[j:i]):
        return i
    return j


def _verb_noun(verbs: list[str], lang: Language) -> str | None:
    return next((lang.verb_nouns[fold(v)] for v in verbs if fold(v) in lang.verb_nouns), None)


def _object(tokens: list[str], lang: Language) -> str | None:
    """The object of a verb that a preposition ties to the figure: "la tasa objetivo" in
    "Banxico recortó la tasa objetivo a 10%", "its benchmark rate" in "cut its benchmark
    rate to 9.75 percent". The noun phrase must open with an article and follow a
    lower-case word that is no function word: in that place, a verb."""
    i = len(tokens)
    words: list[str] = []
    while (
        i
        and len(words) < 5
        and tokens[i - 1][0].isalpha()
        and fold(tokens[i - 1]) not in lang.subject_stop
        and not _is_verb(tokens[i - 1], lang)
    ):
        words.insert(0, tokens[i - 1])
        i -= 1
    if words and i and _is_verb(tokens[i - 1], lang) and tokens[i - 1].islower():
        return " ".join(words)  # "cut interest rates to 4.5%": no article in between
    if not words or i < 2 or fold(tokens[i - 1]) not in lang.articles:
        return None
    verb = tokens[i - 2]
    if not (verb.isalpha() and verb.islower() and fold(verb) not in lang.subject_stop):
        return None
    if all(fold(w) in lang.referential for w in words):
        return None
    return " ".join(words)

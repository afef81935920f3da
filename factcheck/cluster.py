"""Clustering: claims about one quantity, across documents and languages.

1. Block: only claims of one dimension and unit family can be about one quantity
   (counts with counts, MXN with MXN, percentages with percentages). Durations are
   left out: "dos años" in two articles is rarely one quantity.
2. Propose: within a block, each claim's nearest neighbours (at most 16) by the mean
   of context and subject similarity, above ``propose_min`` (scikit-learn, chunked:
   memory stays linear and no n-by-n matrix is ever held).
3. Decide: a proposed pair is kept only when the subjects agree (``subject_min``,
   embedded the same way, so "hospitales" meets "hospitals"), the institutions named
   do not differ (IMSS-Bienestar is not ISSSTE), and the two figures are not in one
   sentence (a sentence that lists figures lists different things).
4. Group: connected components of the kept pairs.

The thresholds live in :class:`~factcheck.config.Config`; docs/clusters.md says how
they were chosen.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

import numpy as np

from factcheck.config import Config
from factcheck.embed import Embedder, claim_context
from factcheck.lang import available_languages, fold, language, unaccented
from factcheck.model import Claim, Cluster, Document
from factcheck.normalize import to_base

__all__ = ["block_key", "cities", "cluster_claims", "countries", "entities"]

# Institutions and organisations are written as acronyms (IMSS, ISSSTE, INSABI, CFE,
# IMSS-Bienestar): upper-case words of two letters or more, optionally hyphenated. A
# currency prefix ("MX$", "US$") is not one.
# Not after a figure: "737 MAX", "11,5 GW" are a model and a unit.
_ACRONYM = re.compile(
    r"(?<!\d )\b[A-ZÁÉÍÓÚÑ]{2,}[0-9]*(?![$\w])(?:[- ]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?=[\s,.;:)]))?"
)
_UNCLUSTERED = frozenset({"time"})


def block_key(claim: Claim) -> tuple[str, str]:
    """The block a claim is compared within: its dimension and unit family. Amounts in
    every currency are one block: a peso figure and its dollar restatement in another
    article are one quantity, which the cross-source check compares at the rates of
    the articles' dates."""
    q = claim.quantity
    if q.dimension in {"money", "count", "percent", "percentage_point", "ratio"}:
        return (q.dimension, "")
    return (q.dimension, "physical")


def _informative(claim: Claim) -> str | None:
    """What the subject says is measured, without the institution, place or owner that
    may come with it ("consultas de especialidad del IMSS-Bienestar" → "consultas de
    especialidad", "Mexico's annual inflation" → "annual inflation"): those are compared
    apart, as entities and scope. "incremento" or "rise" alone does not say what rose,
    "a 16-year high" not what stands there, "inversión" or "spending" alone not what the
    money pays for, and a subject that is only names ("Pemex") says who, not what: such a
    claim is matched on its context only."""
    if not claim.subject:
        return None
    vocabulary = _vocabulary()
    words = []
    tokens = claim.subject.split()
    # Whatever describes an owner that opens the subject goes with it: "Spanish insurer
    # Mapfre's written premiums" are written premiums; not "death toll from Morocco's
    # earthquake".
    owner = next(
        (k for k, t in enumerate(tokens) if _POSSESSIVE.sub("", t) != t and t[:1].isupper()),
        None,
    )
    opens = owner is not None and not any(fold(t) in vocabulary.glue for t in tokens[:owner])
    for token in tokens[owner + 1 :] if opens and owner is not None else tokens:
        bare = _POSSESSIVE.sub("", token)
        owner = bare != token and bare[:1].isupper()
        # "estados" is a noun; "Estados Unidos" a place.
        place = bare[:1].isupper() and fold(bare) in vocabulary.places
        named = _ENTITY_WORD.fullmatch(bare) and fold(bare) not in vocabulary.measures
        if not (owner or named or place):
            words.append(token)
    while words and fold(words[-1]) in vocabulary.glue:
        words.pop()
    while words and fold(words[0]) in vocabulary.glue:
        words.pop(0)
    if not words or all(_name_like(w, vocabulary) for w in words):
        return None
    if all(fold(w) in vocabulary.change or fold(w) in vocabulary.amounts for w in words):
        return None
    return " ".join(words)


def _amount(claim: Claim) -> bool:
    """Whether the subject only says the figure is money spent: "inversión"."""
    amounts = _vocabulary().amounts
    return bool(claim.subject) and all(fold(w) in amounts for w in (claim.subject or "").split())


def _name_like(word: str, vocabulary: _Vocabulary) -> bool:
    """A capitalised word that is neither a measure's acronym nor a common noun by its
    ending or by the glossary ("Unemployment", "Revenue" opening a sentence are nouns)."""
    if not word[:1].isupper() or fold(word) in vocabulary.measures:
        return False
    if word.isupper():
        return True
    # "Revenue rose", "Remittances fell": a measure's name opening the sentence
    return fold(word) not in vocabulary.common and not word.lower().endswith(
        vocabulary.noun_endings
    )


_POSSESSIVE = re.compile(r"['’]s$")
_ENTITY_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ]{2,}[0-9]*(?:-\w+)*")


@dataclass(frozen=True)
class _Vocabulary:
    change: frozenset[str]  # words that name a change or a level, not what changed
    amounts: frozenset[str]  # "inversión", "spending": money, not what it pays for
    glue: frozenset[str]  # articles and prepositions that cannot end a subject
    places: frozenset[str]
    regions: frozenset[str]  # states' and countries' names, whole ("nuevo leon")
    plain: frozenset[str]  # function words: a capital on one of them is not a name
    rates: frozenset[str]  # "daily", "diarios": how often, not what
    kinds: dict[str, str]  # "meta" → target, "creados" → flow
    per_unit: frozenset[str]  # "per", "por": a subject after them is a figure's unit
    partitive: re.Pattern[str]  # "19 de las causas": some of a whole, after a count
    partitive_before: re.Pattern[str]  # "Del total, 83 millones": before it, at its comma
    averaged: re.Pattern[str]  # "en promedio", "on average": an average's figure after it
    difference_after: re.Pattern[str]  # "9 menos que los 400": a difference, after it
    of_base: re.Pattern[str]  # "3.7% del PIB", "2.8% of GDP": a share of the economy
    difference_between: re.Pattern[str]  # "la distancia entre A y B supera los 19 millones"
    change_verbs: frozenset[str]  # "aumentaron", "rose": before a figure, the change
    gain_verbs: frozenset[str]  # "ganó": before a count, the change; before money, a profit
    not_units: frozenset[str]  # "encima", "ciento": no unit after "por"
    periods: dict[str, str]  # "mensual" → month
    variants: dict[str, tuple[str, str]]  # "subyacente" → (inflation, core)
    variant_pattern: re.Pattern[str]
    defaults: dict[str, tuple[str, str]]  # "inflación" alone → (inflation, headline)
    default_pattern: re.Pattern[str]
    parts: dict[str, str]  # "arma de fuego", "overseas" → the part of a measure they name
    part_pattern: re.Pattern[str]  # the parts' words, case kept: "public", not "Public Health"
    measures: frozenset[str]  # "PIB", "GDP", "COVID": acronyms of no institution
    outlets: frozenset[str]  # "reuters": a byline or a source, whoever's the figure
    scales: dict[str, Decimal]  # "million", "mil": a size after "per", as a figure is
    place_acronyms: frozenset[str]  # "UK", "EEUU", "UE": places, not institutions
    institutions: dict[str, str]  # "FMI" → "IMF"
    countries: frozenset[str]  # every word of a country's name or demonym, folded
    referential: frozenset[str]  # "cifra", "number": a figure's stand-in, no measure
    common: frozenset[str]  # words of the measures' names (glossary) and of subjects
    noun_endings: tuple[str, ...]  # "Unemployment", "Inflación": common nouns


@cache
def _vocabulary() -> _Vocabulary:
    langs = [language(code) for code in available_languages()]
    variants = {w.lower(): v for lang in langs for w, v in lang.variants.items()}
    defaults = {w.lower(): v for lang in langs for w, v in lang.variant_defaults.items()}
    return _Vocabulary(
        change=frozenset().union(*(lang.change_words | lang.level_words for lang in langs)),
        amounts=frozenset().union(*(lang.amount_words for lang in langs)),
        glue=frozenset().union(
            *(
                lang.articles | lang.clause_joiners | {fold(j) for j in lang.subject_joiners}
                for lang in langs
            )
        ),
        # A country of several words ("New Zealand", "Reino Unido") is taken out of a
        # sentence whole (see `_names`): its words alone may be ordinary ("New").
        places=frozenset(
            fold(w)
            for lang in langs
            for p in (*lang.places, *(c for c in lang.country_words if " " not in c))
            for w in p.split()
            if w[:1].isupper()
        ),
        regions=frozenset(fold(p) for lang in langs for p in lang.places),
        plain=frozenset().union(
            *(
                lang.subject_stop
                | lang.articles
                | lang.months
                | lang.weekdays
                | lang.openers
                | lang.generic_bodies
                for lang in langs
            )
        ),
        rates=frozenset().union(*(lang.rate_words for lang in langs)),
        kinds={w: kind for lang in langs for w, kind in lang.measure_kinds.items()},
        per_unit=frozenset().union(*(lang.per_unit for lang in langs)),
        partitive=re.compile(
            r"\s*(?:" + "|".join(re.escape(p) for lang in langs for p in lang.partitive) + r")\s",
            re.IGNORECASE,
        ),
        partitive_before=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(p) for lang in langs for p in lang.partitive_before)
            + r")\s*,\s*$",
            re.IGNORECASE,
        ),
        averaged=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(p) for lang in langs for p in lang.averaged)
            + r")(?!\w)",
            re.IGNORECASE,
        ),
        not_units=frozenset().union(*(lang.not_units for lang in langs)),
        periods={w: period for lang in langs for w, period in lang.periods.items()},
        variants=variants,
        variant_pattern=_words_pattern(variants),
        defaults=defaults,
        default_pattern=_words_pattern(defaults),
        parts=(parts := {w: part for lang in langs for w, part in lang.parts.items()}),
        part_pattern=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(
                f"[{re.escape(w[0])}{re.escape(w[0].upper())}]{re.escape(w[1:])}"
                for w in sorted(parts, key=len, reverse=True)
            )
            + r")(?![\w-])(?:[ \t]+(?P<next>\w))?"
        ),
        measures=frozenset().union(*(lang.measure_acronyms | lang.not_bodies for lang in langs)),
        outlets=frozenset().union(*(lang.outlets for lang in langs)),
        scales={w: v for lang in langs for w, v in lang.scales.items()},
        change_verbs=frozenset().union(*(lang.arithmetic.change_verbs for lang in langs)),
        gain_verbs=frozenset().union(*(lang.arithmetic.gain_verbs for lang in langs)),
        # Only the economy: "38% of the population" is a poverty rate too.
        of_base=re.compile(
            r"\s*(?:"
            + "|".join(re.escape(j) for lang in langs for j in lang.subject_joiners)
            + r")\s+(?:"
            + "|".join(re.escape(unaccented(b)) for lang in langs for b in lang.share_bases)
            + r")(?!\w)",
            re.IGNORECASE,
        ),
        difference_after=re.compile(
            r"\s*(?:[^\W\d_]+\s+)?(?:"
            + "|".join(re.escape(p) for lang in langs for p in lang.difference_after)
            + r")(?!\w)",
            re.IGNORECASE,
        ),
        difference_between=re.compile(
            r"(?<!\w)(?:"
            + "|".join(
                re.escape(unaccented(w))
                for lang in langs
                for w, kind in lang.measure_kinds.items()
                if kind == "difference"
            )
            + r")\s+(?:"
            + "|".join(re.escape(w) for lang in langs for w in lang.between)
            + r")(?!\w)",
            re.IGNORECASE,
        ),
        place_acronyms=frozenset(
            _entity(part)
            for lang in langs
            for word in lang.country_words
            for part in (word.replace(".", "").replace(" ", ""), *word.split("."))
            if len(part) > 1 and part.isupper()
        ),
        institutions={a: body for lang in langs for a, body in lang.institutions.items()},
        countries=frozenset(
            w for lang in langs for name in lang.country_words for w in fold(name).lower().split()
        ),
        referential=frozenset().union(*(lang.referential for lang in langs)),
        common=frozenset(
            w
            for lang in langs
            for words in (
                *(name.split() for name in lang.measure_names),
                lang.change_words,
                lang.amount_words,
                lang.referential,
                lang.rate_words,
                lang.measure_kinds,
                lang.periods,
                lang.variants,
                lang.variant_defaults,
            )
            for w in words
        ),
        noun_endings=tuple(e for lang in langs for e in lang.noun_endings),
    )


def _words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(v) for v in sorted(words, key=len, reverse=True))
        + r")(?![\w-])"
    )


def _entity(token: str) -> str:
    return re.sub(r"[- ]+", "-", token.strip()).upper()


def entities(text: str, titled: re.Pattern[str] | None = None) -> frozenset[str]:
    """Institutions named in ``text``.

    >>> sorted(entities("El IMSS- Bienestar y el ISSSTE firmaron con la SEP."))
    ['IMSS-BIENESTAR', 'ISSSTE', 'SEP']
    >>> sorted(entities("El PIB creció 3%, informó el INEGI."))  # a measure, not a body
    ['INEGI']
    >>> sorted(entities("MEXICO CITY, Jan 14 (Reuters) - COVID cases rose, the IMSS said."))
    ['IMSS']
    >>> sorted(entities("El PBI cayó 1,7 %, informó el Indec.", _titled({"INDEC"}, "")))
    ['INDEC']
    """
    return frozenset(_institutions(text, titled))


def _institutions(text: str, titled: re.Pattern[str] | None = None) -> list[str]:
    """The acronyms of bodies ``text`` names, one name per body ("FMI" is "IMF"); those
    of a measure ("PIB") or a place ("UK", "EE.UU.", "UE") are no institutions. An
    acronym written as a name ("el Indec", "el Inegi", as Spanish style writes one of
    five letters or more) is read when ``titled`` matches it (:func:`_titled`)."""
    found = [_entity(m.group()) for m in _ACRONYM.finditer(_CAPITAL_RUN.sub(_place_blank, text))]
    return _bodies(found) + _titled_bodies(text, titled)


def _titled_bodies(text: str, titled: re.Pattern[str] | None) -> list[str]:
    """The institutions ``text`` names by an acronym written as a name (:func:`_titled`)."""
    return _bodies(m.group().upper() for m in titled.finditer(text)) if titled else []


def _bodies(acronyms: Iterable[str]) -> list[str]:
    vocabulary = _vocabulary()
    return [
        vocabulary.institutions.get(e, e)
        for e in acronyms
        if fold(e) not in vocabulary.measures and e not in vocabulary.place_acronyms
    ]


# The shortest acronym read when written as a name: "Indec", "Inegi", "Pemex"; "Imss"
# is no way to write the IMSS, and shorter ones are words ("Pan", "Mas").
_TITLED_MIN = 5


_LOWER_WORD = re.compile(rf"(?<![\w-])[a-záéíóúñü]{{{_TITLED_MIN},}}(?![\w-])")


def _titled(acronyms: Iterable[str], corpus: str) -> re.Pattern[str] | None:
    """The acronyms of ``acronyms`` as a name writes them ("Indec" for "INDEC"), of
    five letters or more and never written in lower case in ``corpus`` (where "arena"
    is a word, "Arena" is no party)."""
    words = set(_LOWER_WORD.findall(corpus))
    names = sorted(
        a.title()
        for a in set(acronyms)
        if len(a) >= _TITLED_MIN and a.isalpha() and a.lower() not in words
    )
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


# Words in capitals, one or a run: a wire's dateline ("MEXICO CITY (Reuters) -",
# "BOGOTÁ, 3 nov (EFE).-") or a shouted headline.
_CAPITAL_RUN = re.compile(r"(?<![\w-])[A-ZÁÉÍÓÚÑ]{2,}(?:[ \t]+[A-ZÁÉÍÓÚÑ]{2,})*(?![\w-])")


def _place_blank(m: re.Match[str]) -> str:
    """A run of capitals that spells a place, blanked: "MEXICO CITY" is no institution."""
    title = m.group().title()
    if title in _cities() or fold(title) in _vocabulary().regions:
        return " " * len(m.group())
    return m.group()


def _document_entities(
    documents: Sequence[Document],
) -> tuple[dict[str, frozenset[str]], re.Pattern[str] | None]:
    """The institution each document is about, the one it names most (ties kept), and
    the acronyms any document names in capitals as a name may write them (:func:`_titled`):
    each document's capitals are read once for both."""
    capitals = {doc.id: _institutions(doc.text) for doc in documents}
    corpus = "\n".join(doc.text for doc in documents)
    titled = _titled(itertools.chain.from_iterable(capitals.values()), corpus)
    out = {}
    for doc in documents:
        counts = Counter(capitals[doc.id] + _titled_bodies(doc.text, titled))
        top = max(counts.values(), default=0)
        out[doc.id] = frozenset(e for e, n in counts.items() if n == top) if top else frozenset()
    return out, titled


# A run of capitalised words, "de"/"del"/"de la"/"of the" allowed inside: "Claudia
# Sheinbaum", "Beca Benito Juárez", "Banco de la República", "Bank of England".
_NAME = re.compile(
    r"(?<![\w-])[A-ZÁÉÍÓÚÑ][\w’']+"
    r"(?:[ \t]+(?:(?:de|del|la|las|los|of|the)[ \t]+){0,2}[A-ZÁÉÍÓÚÑ][\w’']+)*"
)


# Clauses: a comma between digits is a decimal mark, not a clause's end.
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d)|[;()—–]| - ")


@cache
def _source_pattern(code: str) -> re.Pattern[str]:
    markers = language(code).source_markers
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, markers)) + r")(?!\w)")


def _without_sources(sentence: str, lang: str) -> str:
    """The sentence without its clauses that only name a source ("según el INE",
    "informó Europa Press", "the ONS said"): two articles may cite two sources for one
    quantity. A clause with a figure in it is kept ("Pemex said output fell 5%").

    >>> _without_sources("El paro bajó al 11,2%, según el INE.", "es")
    'El paro bajó al 11,2%'
    """
    if lang not in available_languages():
        return sentence
    pattern = _source_pattern(lang)
    clauses = _CLAUSE_END.split(sentence)
    kept = [c for c in clauses if any(ch.isdigit() for ch in c) or not pattern.search(fold(c))]
    return ",".join(kept).rstrip(" .")


@dataclass(frozen=True, slots=True)
class _Clause:
    """What a clause names: its institutions, its names (with and without the sources'
    clauses) and its countries."""

    entities: frozenset[str]
    names: frozenset[str]
    unsourced: frozenset[str]
    countries: frozenset[str]


def _scopes(
    sentence: str, lang: str, known: frozenset[str], titled: re.Pattern[str] | None = None
) -> tuple[tuple[int, _Clause], ...]:
    """Each clause's start in the sentence and what it names. A sentence is one clause
    unless a contrast opens another after a comma ("Chuza amaneció en 15,8 %, mientras
    que San Rafael estaba en 40,3 %"): there each figure is about its own clause's
    names. A clause that names nothing of a kind is about what the clause before it
    names ("..., mientras que un año antes estaba en 40 %").

    >>> text = "Chuza bajó al 15,8 %, mientras que San Rafael estaba en 40,3 %."
    >>> [sorted(scope.names) for _, scope in _scopes(text, "es", frozenset())]
    [['chuza'], ['san rafael']]
    """
    # An acronym's expansion goes before the brackets that hold it split the clauses.
    bare = _EXPANSION.sub(_blank_expansion, sentence)
    starts = _clause_starts(sentence, lang)
    out: list[tuple[int, _Clause]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(sentence)
        text, text_bare = sentence[start:end], bare[start:end]
        scope = _Clause(
            entities(text, titled),
            _names(text_bare, known, opening=not k),
            _names(_without_sources(text_bare, lang), known, opening=not k),
            countries(text, lang),
        )
        if out:
            before = out[-1][1]
            scope = _Clause(
                scope.entities or before.entities,
                scope.names or before.names,
                scope.unsourced or before.unsourced,
                scope.countries or before.countries,
            )
        out.append((start, scope))
    return tuple(out)


@cache
def _contrast_pattern(code: str) -> re.Pattern[str]:
    # The words are folded; the text is read as written, each vowel with or without
    # its accent (unaccenting every sentence cost more than the search).
    words = "|".join(
        "".join(_ACCENTED.get(c, re.escape(c)) for c in w) for w in language(code).contrasts
    )
    return re.compile(rf"[,;][ \t]*(?:{words})(?!\w)|;", re.IGNORECASE)


_ACCENTED = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}


def _clause_starts(sentence: str, lang: str) -> list[int]:
    """Where the sentence's clauses start: at 0, and after each contrast (:func:`_scopes`)."""
    if lang not in available_languages():
        return [0]
    return [0] + [m.end() for m in _contrast_pattern(lang).finditer(sentence)]


def _names(
    sentence: str, known: frozenset[str] = frozenset(), *, opening: bool = True
) -> frozenset[str]:
    """The proper names in a sentence that are not institutions (acronyms), places,
    months or capitalised function words. A single capitalised word that opens the
    sentence is a name unless it is an ordinary word (:func:`_ordinary`): "Heathrow
    handled 83.9 million passengers", but "Unemployment fell". A clause inside a sentence
    (``opening`` false) opens nothing: "...; Honda, 1,3 millones" names Honda.

    >>> sorted(_names("La Beca Rita Cetina beneficia a 5.6 millones de estudiantes en México."))
    ['beca rita cetina']
    >>> sorted(_names("Unemployment fell to 4%, and Claudia Sheinbaum said so."))
    ['claudia sheinbaum']
    >>> sorted(_names("Sheinbaum won 35.9 million votes."))
    ['sheinbaum']
    """
    vocabulary = _vocabulary()
    cities = _cities()
    for code in available_languages():
        sentence = _country_pattern(code)[0].sub(_blank_country, sentence)
    sentence = _EXPANSION.sub(_blank_expansion, sentence)
    found = set()
    for m in _NAME.finditer(sentence):
        words = [_POSSESSIVE.sub("", w) for w in m.group().split()]
        while words and (
            fold(words[0]) in vocabulary.plain
            or fold(words[0]) in vocabulary.glue  # "de España" after "PIB"
            or _ENTITY_WORD.fullmatch(words[0])
        ):
            words.pop(0)
        # Places are compared as countries (`countries`), not as names; a place's name
        # inside a longer name is part of it ("Manchester United", "British Museum").
        whole = " ".join(words)
        if whole in cities or fold(whole) in vocabulary.regions:
            continue
        if len(words) == 1 and fold(words[0]) in vocabulary.places:
            continue  # "España" left of "PIB de España": a country, compared as one
        opens = opening and not sentence[: m.start()].strip(" \t\"'“«(")
        if not words or (opens and len(m.group().split()) == 1 and _ordinary(words[0], known)):
            continue
        if all(_ENTITY_WORD.fullmatch(w) or fold(w) in vocabulary.plain for w in words):
            continue
        name = " ".join(fold(w) for w in words)
        if name not in vocabulary.outlets:
            found.add(name)
    return frozenset(found)


# Capitalised words, then an acronym in brackets: "the Competition and Markets Authority
# (CMA)". The acronym names the body, as an institution (`entities`).
_EXPANSION = re.compile(
    r"(?P<name>(?:[A-ZÁÉÍÓÚÑ][\w’']+[ \t]+(?:[a-z]{1,4}[ \t]+){0,2}){2,8})"
    r"\((?P<acronym>[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñ]{1,9})\)"
)


def _blank_expansion(m: re.Match[str]) -> str:
    """The words an acronym in brackets abbreviates, blanked: the longest run of them
    before it whose heads spell it ("Competition and Markets Authority (CMA)")."""
    words = m.group("name").split()
    acronym = fold(m.group("acronym"))
    for k in range(len(words) - 1):
        if _abbreviates(acronym, " ".join(fold(w) for w in words[k:])):
            kept = " ".join(words[:k])
            return m.group()[: len(kept)] + " " * (len(m.group()) - len(kept))
    return m.group()


def _ordinary(word: str, known: frozenset[str]) -> bool:
    """Whether a capitalised word that opens a sentence is an ordinary word, not a name:
    one its article never capitalises inside a sentence (``known``) and that the
    language data know as a common word ("Unemployment", by its ending; "Remittances",
    a measure in the glossary; "The"). "Airbus delivered", "Codelco produced": names."""
    if word in known:
        return False
    vocabulary = _vocabulary()
    folded = fold(word)
    return (
        folded in vocabulary.common
        or folded in vocabulary.plain
        or word.lower().endswith(vocabulary.noun_endings)
    )


# A capitalised word inside a sentence: after a lower-case word, a comma or a figure.
_INNER_CAPITAL = re.compile(r"(?<=[a-záéíóúñü0-9,;:%] )[A-ZÁÉÍÓÚÑ][\w’']+")


def _capitalised(text: str) -> frozenset[str]:
    """The words a text writes with a capital inside its sentences: its names. Of a word
    that opens a sentence only the article can tell whether it is a name."""
    return frozenset(_POSSESSIVE.sub("", w) for w in _INNER_CAPITAL.findall(text))


# A capitalised word right after: the country word is part of a name ("British Museum").
_NAME_GOES_ON = re.compile(r"(?:['’]s)?[ \t]+[A-ZÁÉÍÓÚÑ]")


# A capitalised word right before, "de"/"of" allowed between: "Ciudad de México",
# "Bank of Mexico", "Petróleos Mexicanos".
_NAME_BEFORE = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’']+[ \t]+(?:(?:de|del|of|the)[ \t]+)?$")


def _blank_country(m: re.Match[str]) -> str:
    """A country's name out of a sentence (it is compared as a country), unless it is
    part of a longer name: "the British Museum" is not Britain, nor is "Banco de
    México" Mexico."""
    before = m.string[max(0, m.start() - 40) : m.start()]
    if _NAME_GOES_ON.match(m.string, m.end()) or _NAME_BEFORE.search(before):
        return m.group()
    return " " * len(m.group())


@cache
def _country_pattern(code: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """The words that name a country in one language, written as the press writes them:
    with or without accents, a demonym with a capital at a sentence start."""
    words = language(code).country_words
    table = {**{unaccented(w): c for w, c in words.items()}, **words}
    alternatives = []
    for w in sorted(table, key=len, reverse=True):
        head = re.escape(w[0])
        if w[0].islower():
            head = f"[{re.escape(w[0])}{re.escape(w[0].upper())}]"
        alternatives.append(head + re.escape(w[1:]))
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])")
    return pattern, {(w[0].lower() + w[1:]): c for w, c in table.items()}


@cache
def _cities() -> dict[str, frozenset[str]]:
    """Larger cities and US states by name, with their countries (several where cities
    of several countries share the name): lang/cities.tsv, from GeoNames."""
    text = (resources.files("factcheck.lang") / "cities.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {name: frozenset(codes.split(",")) for name, codes in rows}


def country_mentions(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names a country by its name or a demonym: start, end and ISO code."""
    if lang not in available_languages():
        return []
    pattern, table = _country_pattern(lang)
    return [
        (m.start(), m.end(), table[m.group()[0].lower() + m.group()[1:]])
        for m in pattern.finditer(text)
    ]


def city_countries(name: str) -> frozenset[str]:
    """The countries of a larger city or US state, by its name as written (:func:`cities`)."""
    return _cities().get(name, frozenset())


# A run of capitalised words, "de"/"of" allowed inside: "Ciudad de México", "Rio de Janeiro".
_PLACE_RUN = re.compile(
    r"(?<![\w-])[A-ZÁÉÍÓÚÑ][\w.-]*(?:['’]s)?"
    r"(?:[ \t]+(?:(?:de|del|la|las|los|do|da|of)[ \t]+)?[A-ZÁÉÍÓÚÑ][\w.-]*(?:['’]s)?)*"
)


def countries(sentence: str, lang: str) -> frozenset[str]:
    """The countries a sentence names, as ISO codes: from their names and demonyms, and
    from the larger cities in them.

    >>> sorted(countries("La economía mexicana creció más que la de EE.UU.", "es"))
    ['MX', 'US']
    >>> sorted(countries("Chile's state-owned Codelco, the Peruvian unit", "en"))
    ['CL', 'PE']
    >>> sorted(countries("Madrid's metro carried 697 million passengers", "en"))
    ['ES']
    """
    if lang not in available_languages():
        return frozenset()
    pattern, table = _country_pattern(lang)
    found = {table[w[0].lower() + w[1:]] for w in pattern.findall(sentence)}
    table_of_cities = _cities()
    for name in cities(sentence):
        found |= table_of_cities[name]
    return frozenset(found)


def cities(sentence: str) -> tuple[str, ...]:
    """The larger cities and the US states a sentence names, in order, the longest name
    first ("New Mexico" is a state, not Mexico).

    >>> cities("Bogotá registró 1.080 homicidios; Medellín, 308; New Mexico, 190.")
    ('Bogotá', 'Medellín', 'New Mexico')
    >>> cities("Madrid-Barajas cerró 2024 con 66,2 millones de pasajeros.")
    ('Madrid',)
    >>> cities("El aeropuerto movilizó 24.6 millones, informó Lima Airport Partners.")
    ()
    """
    table = _cities()
    plain = _vocabulary().plain
    found: list[str] = []
    for m in _PLACE_RUN.finditer(sentence):
        words: list[str] = []
        apart: list[bool] = []  # whether a word stands apart, not after a hyphen
        for token in m.group().split():
            token = _POSSESSIVE.sub("", token)
            # "Madrid-Barajas", "Barcelona-El Prat": an airport or district named after
            # its city; "Saint-Denis" is a city whole.
            parts = [token] if token in table else [p for p in token.split("-") if p]
            words.extend(parts)
            apart.extend(k == 0 for k in range(len(parts)))
        for name, k in _longest_names(words, table):
            after = k + len(name.split())
            if after < len(words) and apart[after] and fold(words[after]) not in plain:
                continue  # "Lima Airport Partners", "Santiago Bernabéu": a name it opens
            found.append(name)
    return tuple(found)


def _longest_names(words: Sequence[str], table: Container[str]) -> Iterator[tuple[str, int]]:
    """The names of ``table`` among ``words``, longest first (up to four words), each
    with the position of its first word."""
    k = 0
    while k < len(words):
        name = next(
            (
                joined
                for n in range(min(4, len(words) - k), 0, -1)
                if (joined := " ".join(words[k : k + n])) in table
            ),
            None,
        )
        if name:
            yield name, k
        k += len(name.split()) if name else 1


def _other_names(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name someone or something and no name of one is part of a name of the other:
    Sheinbaum's votes are not Gálvez's."""
    if not a or not b:
        return False
    return not any(
        _within(x, y) or _within(y, x) or _abbreviates(x, y) or _abbreviates(y, x)
        for x in a
        for y in b
    )


# Words an acronym skips: "Servicio Electoral" is "Servel", "Petróleos Mexicanos" "Pemex".
_ACRONYM_SKIPS = frozenset(
    {"de", "del", "la", "las", "los", "el", "y", "e", "of", "the", "and", "for"}
)


def _foreign_names(a: frozenset[str], b: frozenset[str]) -> bool:
    """:func:`_other_names` across two languages, where a name may be translated: two
    names are one when a word of one is a cognate of a word of the other ("Guardia
    Nacional" / "National Guard", "Europa" / "Europe"); "Airbus" and "Boeing",
    "Harris" and "Trump" share none."""
    if not _other_names(a, b):
        return False
    return not any(_cognates(x, y) for x in _name_words(a) for y in _name_words(b))


def _name_words(names: frozenset[str]) -> set[str]:
    return {w for name in names for w in name.split() if len(w) > 2 and w not in _ACRONYM_SKIPS}


def _cognates(x: str, y: str) -> bool:
    similar = SequenceMatcher(None, x, y).ratio()
    return x == y or similar >= _COGNATE or (x[:3] == y[:3] and similar >= _COGNATE_STEM)


# "nacional" / "national" 0.88, "guardia" / "guard" 0.83; with a common stem, "bank" /
# "banco" 0.67. "airbus" / "boeing" 0.17, "harris" / "trump" 0.18.
_COGNATE = 0.75
_COGNATE_STEM = 0.6


def _abbreviates(short: str, name: str) -> bool:
    """Whether the one word ``short`` is built from the heads of ``name``'s words, in
    order and from its first: "pemex" (petróleos mexicanos), "servel" (servicio
    electoral), "dane" (departamento administrativo nacional de estadística). Words
    after the first may be left out ("inegi": instituto nacional de estadística y
    geografía), but every piece is at least the word's first letter."""
    words = [w for w in name.split() if w not in _ACRONYM_SKIPS]
    if " " in short or len(short) < 3 or len(words) < 2:
        return False

    @cache
    def fits(i: int, k: int) -> bool:  # short[i:] from words[k:]
        if i == len(short):
            return True
        if k == len(words):
            return False
        word = words[k]
        took = any(
            fits(i + n, k + 1)
            for n in range(min(len(word), len(short) - i), 0, -1)
            if short[i : i + n] == word[:n]
        )
        return took or (k > 0 and fits(i, k + 1))

    return short[:1] == words[0][:1] and fits(0, 0)


def _within(part: str, name: str) -> bool:
    """Whether ``part`` is ``name`` or a run of its words: "sheinbaum" is within "claudia
    sheinbaum", "evau" is not within "pevau"."""
    return f" {part} " in f" {name} "


@dataclass(frozen=True, slots=True)
class _Member:
    claim: Claim
    sentence_key: tuple[str, str]
    entities: frozenset[str]
    names: frozenset[str]  # sources included ("según el INE")
    lang: str
    kind: frozenset[str]
    period: frozenset[str] = frozenset()
    variants: frozenset[tuple[str, str]] = frozenset()
    countries: frozenset[str] = frozenset()
    unsourced: frozenset[str] = frozenset()  # the names outside the sources' clauses
    concepts: frozenset[str] = frozenset()  # what the subject names, across languages
    parts: frozenset[str] = frozenset()  # the part of its measure it is ("firearm", "public")
    # The entities are its article's, not its clause's: the institution the article names
    # most, which need not be whose this figure is.
    borrowed: bool = False


# Kinds an agreeing restatement may leave unsaid: "creó 256.000 empleos" / "payrolls rose
# by 256,000", "capacidad para 85.018 espectadores" / "can now hold 85,018 fans".
_UNSAID_KINDS = frozenset({"flow", "average", "capacity", "threshold", "portion", "change"})


def _one_body(a: _Member, b: _Member) -> bool:
    """Whether one of the two figures' sentences names a single institution, which says
    whose the figure is. Two sentences that each name several ("el IEPS y el ISAN",
    "XP Investments, citing the SAT") do not say which one their figures belong to, and
    set neither apart from the other."""
    return len(a.entities) == 1 or len(b.entities) == 1


def _compatible(a: _Member, b: _Member, *, restated: bool = False, slip: bool = False) -> bool:
    """Whether nothing tells the two figures apart. Two articles may cite two sources
    for one quantity, but two sources of two disagreeing figures more often count two
    things ("según Frontur" / "de acuerdo con cifras del Inegi"): the sources' names are
    set aside only for figures that agree (``restated``), which can raise no alarm, or
    when both sentences name one institution in common (the CFE and "la División Golfo
    Norte de la empresa" are one body's offices)."""
    if a.sentence_key == b.sentence_key:
        return False
    # A slip of the digits is read on the figures' own clauses: an article's most named
    # institution ("la Sociedad Nacional de Pesquería") may not be whose a figure is.
    apart = a.entities and b.entities and not (a.entities & b.entities) and _one_body(a, b)
    if apart and not (slip and (a.borrowed or b.borrowed)):
        return False
    if a.countries and b.countries and not (a.countries & b.countries):
        return False  # Spain's unemployment is not the UK's, in any language
    # Of two figures that agree, one may just not say it is a flow, an average, a capacity
    # or a threshold (`_UNSAID_KINDS`): "fue vista por 123,7 millones" / "an average
    # audience of 123.7 million". A target always says so ("meta", "goal").
    if (a.kind ^ b.kind) - (_UNSAID_KINDS if restated else set()):
        return False
    if a.period and b.period and not (a.period & b.period):
        return False  # a monthly rate is not an annual one
    if ("day" in a.period) != ("day" in b.period):
        return False  # a figure per day is not a period's total
    if _other_variants(a.variants, b.variants):
        return False  # core inflation is not headline inflation
    # Firearm homicides are some of the homicides; agreeing, no alarm. A figure one slip
    # of the digits from another may leave its part unsaid ("exportó 126 mil cabezas de
    # ganado a su vecino del norte" / "1.26 million head of cattle to the United States").
    if a.parts != b.parts and not restated and not (slip and not (a.parts and b.parts)):
        return False
    shared = bool(a.entities & b.entities)  # one institution: its sources are attributions
    names = (a.unsourced, b.unsourced) if restated or shared else (a.names, b.names)
    if a.lang != b.lang:
        return not _foreign_names(*names)
    return not _other_names(*names)


# How far from its figure a word says what kind of measure it is: "una meta de #",
# "se crearon # empleos", "# empleos formales creados". Farther, it is about something
# else in the sentence ("With the new agreement, ... 376 facilities," added Durazo).
_KIND_BEFORE = 3
_KIND_AFTER = 4
_PHRASE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:\"“”«»()]")  # not the comma of "100,000"


@dataclass(frozen=True, slots=True)
class _Window:
    words: list[str]  # nearby words, past the figures beside it never
    own: set[str]  # the subject's words, folded
    before: str  # the whole phrase before the figure, without accents, case kept
    after: str  # the whole phrase after it
    at: int  # where the figure stands in its sentence


_Windows = dict[str, _Window]  # by claim id


def _windows(claims: Sequence[Claim]) -> _Windows:
    """Each figure's nearby words, never past the figures beside it (up to three before
    and four after, within its phrase: a comma or quote ends it), its subject's, and the
    whole of its phrase before it."""
    grouped: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        grouped.setdefault((claim.doc_id, claim.sentence), []).append(claim)
    by_sentence: dict[tuple[str, str], list[tuple[int, Claim]]] = {}
    for key, members in grouped.items():
        # In text order, each figure searched for past the one before it and as a whole
        # token: "9" in "391 puntos, 9 menos" is the second figure, not inside the first.
        placed, at = [], 0
        for claim in sorted(members, key=lambda c: c.start):
            found_at = _token_at(key[1], claim.text, at)
            if found_at >= 0:
                at = found_at + len(claim.text)
            else:  # not written as a token (a figure glued to a word): its first place
                found_at = max(key[1].find(claim.text), 0)
            placed.append((found_at, claim))
        by_sentence[key] = placed
    out = {}
    for (_, sentence), found in by_sentence.items():
        found.sort(key=lambda f: f[0])
        for k, (at, claim) in enumerate(found):
            start = found[k - 1][0] + len(found[k - 1][1].text) if k else 0
            end = found[k + 1][0] if k + 1 < len(found) else len(sentence)
            own = {fold(w) for w in (claim.subject or "").split()}
            # A comma or quote ends the phrase: '376 facilities," added Durazo' is speech.
            before = _PHRASE_END.split(sentence[start:at])[-1]
            after = _PHRASE_END.split(sentence[at + len(claim.text) : end])[0]
            words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", before)[-_KIND_BEFORE:]
            words += re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", after)[:_KIND_AFTER]
            out[claim.id] = _Window(words, own, unaccented(before), unaccented(after), at)
    return out


def _token_at(sentence: str, text: str, start: int) -> int:
    """Where ``text`` stands in ``sentence`` at or after ``start`` as a whole token (no
    digit, letter or decimal mark touching it), or -1."""
    i = sentence.find(text, start)
    while i >= 0:
        end = i + len(text)
        before = sentence[i - 1] if i else " "
        after = sentence[end] if end < len(sentence) else " "
        if not (before.isalnum() or before in "_.,") and not (after.isalnum() or after == "_"):
            return i
        i = sentence.find(text, i + 1)
    return -1


# Next to an amount or a share, "new" or "generated" say what it is for or of ("invertirá
# 5 mil millones en su nueva planta", "generaron el 56,8% de la electricidad"); next to a
# count or a physical quantity, that it is a flow ("added 2.6 gigawatts").
_NO_FLOW = frozenset({"money", "percent", "percentage_point", "ratio"})
# Next to a share, "capacidad" is what it is a share of ("al 15,8 % de su capacidad
# útil"): the level of a reservoir, a hospital, a grid; next to anything else, what fits.
_SHARES = frozenset({"percent", "percentage_point", "ratio"})


def _kinds(claims: Sequence[Claim], windows: _Windows | None = None) -> dict[str, frozenset[str]]:
    """The kind of measure each figure is, read from the words next to it that are not
    its subject: "una meta de 2 millones de cirugías" is a target, "se crearon 213 mil
    empleos" a flow, "ha realizado 1.3 millones de cirugías" neither (a level or total).
    Only lower-case words count: "Nuevo León" is a place. A flow is a count's or a
    physical quantity's, never an amount's or a share's (`_NO_FLOW`); a share is never a
    capacity (`_SHARES`)."""
    vocabulary = _vocabulary()
    kinds = vocabulary.kinds
    counts = {c.id for c in claims if c.quantity.dimension not in _NO_FLOW}
    shares = {c.id for c in claims if c.quantity.dimension in _SHARES}
    by_id = {c.id: c for c in claims}
    out = {}
    for claim_id, window in (windows or _windows(claims)).items():
        words, own = window.words, window.own
        # A subject that is only a kind word is that kind ("its 2% target"); one that
        # holds other words names its quantity with it ("la tasa objetivo").
        named = own if any(w not in kinds for w in own) else set()
        found = {
            kind
            for w in words
            if w.islower()
            and (kind := kinds.get(fold(w)))
            and fold(w) not in named
            and (kind != "flow" or claim_id in counts)
            and (kind != "capacity" or claim_id not in shares)
        }
        if _per_unit(
            _subject_phrase(by_id[claim_id]), window.after, vocabulary
        ) or vocabulary.averaged.search(window.before):
            found.add("average")  # "1.208 euros por turista", "en promedio viven 3"
        claim = by_id[claim_id]
        if claim.quantity.dimension == "count" and (
            vocabulary.partitive.match(window.after)
            or vocabulary.partitive_before.search(unaccented(claim.sentence[: window.at]))
        ):
            found.add("portion")  # "19 de las causas", "Del total, 83 millones": not the total
        if vocabulary.difference_after.match(window.after) or (
            vocabulary.difference_between.search(window.before)
        ):
            found.add("difference")  # "9 menos que los 400", "la distancia entre": the gap
        if claim.quantity.dimension == "percent" and vocabulary.of_base.match(window.after):
            found.add("share")  # "3.7% del PIB" is not a rate of growth
        money = by_id[claim_id].quantity.dimension == "money"
        if claim_id not in shares and _changed_by(window.before, vocabulary, money=money):
            found.add("change")  # "aumentaron 331 millones de dólares": not the level
        out[claim_id] = frozenset(found)
    return out


def _changed_by(before: str, vocabulary: _Vocabulary, *, money: bool = False) -> bool:
    """Whether a verb of change stands right before a figure, maybe with "en" or "by"
    ("aumentaron 331 millones", "rose by $2bn"): the figure is the change. "rose to
    $2bn", "subieron a 400" name the level reached. A share after one is a growth rate,
    which the growth check reads (not here). "ganó" is a change before a count ("ganó
    5.927.607 habitantes"), a profit before money ("ganó 12.574 millones de euros")."""
    words = _LAST_WORDS.findall(fold(before)[-40:])[-2:]
    if words and words[-1] in _BY:
        words = words[:-1]
    if not words or words[-1] in _PARTICLES:
        return False
    return words[-1] in vocabulary.change_verbs or (
        not money and words[-1] in vocabulary.gain_verbs
    )


_LAST_WORDS = re.compile(r"[^\W\d_]+")
_BY = frozenset({"en", "by"})
# "up 5%" is a change, but "set up 170,182 polling stations" is no change of them.
_PARTICLES = frozenset({"up", "down"})


def per_unit(claim: Claim) -> bool:
    """Whether a figure is per unit, a rate or an average ("613 casos cada 100.000
    habitantes"): such figures do not add up over places.

    >>> from factcheck.extract import extract_claims
    >>> text = "Hubo 868 causas, 4.4 por cada 100 mil habitantes."
    >>> [per_unit(c) for c in extract_claims(text, "es")]
    [False, True]
    """
    at = _token_at(claim.sentence, claim.text, 0)
    after = _PHRASE_END.split(claim.sentence[at + len(claim.text) :])[0] if at >= 0 else ""
    return _per_unit(_subject_phrase(claim), unaccented(after), _vocabulary())


def _per_base(after: str, vocabulary: _Vocabulary) -> Decimal | None:
    """The size a rate is per, from the words after its figure: "casos cada 100.000
    habitantes" → 100000, "deaths per million inhabitants" → 1000000, "por cada 100 mil"
    → 100000; None when no "per" and size follow the counted noun."""
    words = re.findall(r"\w+", fold(after))[:8]
    first = next((k for k, w in enumerate(words) if w in vocabulary.per_unit), len(words))
    if not all(w.isalpha() for w in words[:first]):
        return None
    k = first
    while k < len(words) and words[k] in vocabulary.per_unit:
        k += 1
    digits, scale = "", Decimal(1)
    while k < len(words) and (words[k].isdigit() or words[k] in vocabulary.scales):
        if words[k].isdigit():
            digits += words[k]  # "100,000" is read as "100" and "000"
        else:
            scale *= vocabulary.scales[words[k]]
        k += 1
    if not digits and scale == 1:
        return None
    return Decimal(digits or 1) * scale


def _per_unit(subject: str, after: str, vocabulary: _Vocabulary) -> bool:
    """Whether a figure is per unit, an average or a rate: "spending per tourist was
    $1,379", "1.208 euros por turista", "729 casos cada 100.000 habitantes"; not "por
    encima", "por ciento"."""
    if set(subject.split()[:1]) & vocabulary.per_unit:
        return True
    # "729 cada 100.000 habitantes", "613 casos de dengue por cada 100.000", "4.9
    # fatalities per billion vehicle miles": the first "por" after the counted noun,
    # then a size.
    if _per_base(after, vocabulary) is not None:
        return True
    words = re.findall(r"\w+", fold(after))[:2]
    return (
        len(words) > 1
        and words[0] in vocabulary.per_unit
        and words[1].isalpha()
        and words[1] not in vocabulary.plain
        and words[1] not in vocabulary.not_units
    )


def _variants(
    claims: Sequence[Claim], windows: _Windows | None = None
) -> dict[str, frozenset[tuple[str, str]]]:
    """The variants of a measure each figure names, from its subject and the words next
    to it: "la inflación subyacente" → (inflation, core), "homicidios culposos" →
    (homicide, negligent), "net income" → (earnings, profit) and (gross, net)."""
    vocabulary = _vocabulary()
    by_id = {c.id: c for c in claims}
    out = {}
    for claim_id, window in (windows or _windows(claims)).items():
        # The subject says it when it can ("29 heridos" after "18 muertos"), with the word
        # before it ("no subyacente"); the words around the figure when it cannot.
        subject = _subject_phrase(by_id[claim_id])
        near = fold(" ".join(window.words)).lower()
        found = vocabulary.variant_pattern.findall(subject)
        if not found:
            found = vocabulary.variant_pattern.findall(near)
        if not found:  # "La producción de café de Colombia fue de 11,3 millones de sacos"
            found = vocabulary.variant_pattern.findall(fold(window.before).lower())
        named = {vocabulary.variants[f] for f in found}
        # "la inflación" with no variant named is the headline figure
        for head in vocabulary.default_pattern.findall(f"{subject} {near}"):
            measure, usual = vocabulary.defaults[head]
            if all(n != measure for n, _ in named):
                named.add((measure, usual))
        base = _per_base(window.after, vocabulary)
        if base is not None:  # per 100,000 people is not per million
            named.add(("per", format(base.normalize(), "f")))
        out[claim_id] = frozenset(named)
    return out


def _parts(windows: _Windows) -> dict[str, frozenset[str]]:
    """The part of its measure each figure is, from the words of its phrase: "víctimas
    de homicidio doloso con arma de fuego" → firearm, "overseas sales" → abroad,
    "Public school enrollment" → public. A capitalised word inside the phrase, or one
    before another capitalised word, is a name's ("Ministerio Público", "Public Health
    England")."""
    vocabulary = _vocabulary()
    out = {}
    for claim_id, window in windows.items():
        found = set()
        for phrase in (window.before.strip(), window.after):
            for m in vocabulary.part_pattern.finditer(phrase):
                opens = m.start() == 0 and not (m.group("next") or "a").isupper()
                if m.group()[0].islower() or opens:
                    found.add(vocabulary.parts[_part_key(m)])
        found.update(f"to {code}" for code in _destinations(window.after))
        out[claim_id] = frozenset(found)
    return out


def _destinations(after: str) -> frozenset[str]:
    """The countries the words after a figure send it to: "370,000 tonnes of cherries to
    China" → CN, "exportó 50 mil toneladas a Estados Unidos" → US."""
    found: set[str] = set()
    for code in available_languages():
        for m in _destination_pattern(code).finditer(after):
            found |= countries(m.group("place"), code)
    return frozenset(found)


@cache
def _destination_pattern(code: str) -> re.Pattern[str]:
    lang = language(code)
    words = "|".join(re.escape(w) for w in lang.destinations)
    articles = "|".join(re.escape(w) for w in sorted(lang.articles, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:{words})[ \t]+(?:(?:{articles})[ \t]+)?"
        r"(?P<place>[A-ZÁÉÍÓÚÑ][\w.]*(?:[ \t]+(?:de[ \t]+)?[A-ZÁÉÍÓÚÑ][\w.]*)*)"
    )


def _part_key(m: re.Match[str]) -> str:
    end = m.start("next") if m.group("next") else m.end()
    return fold(m.string[m.start() : end].strip()).lower()


def _subject_phrase(claim: Claim) -> str:
    subject = claim.subject or ""
    at = claim.sentence.find(subject) if subject else -1
    if at > 0:
        before = claim.sentence[:at].split()
        subject = " ".join([*before[-1:], subject])
    return fold(subject).lower()


def _other_variants(a: AbstractSet[tuple[str, str]], b: AbstractSet[tuple[str, str]]) -> bool:
    """Whether the two name different variants of one measure (core / headline)."""
    for name in {n for n, _ in a} & {n for n, _ in b}:
        if not {g for n, g in a if n == name} & {g for n, g in b if n == name}:
            return True
    return False


def _periods(claims: Sequence[Claim], windows: _Windows | None = None) -> dict[str, frozenset[str]]:
    """The period each rate is measured over, from its subject and the words next to it:
    "la inflación mensual" → month, "creció 3.2% anual" → year."""
    periods = _vocabulary().periods
    out = {}
    for claim_id, window in (windows or _windows(claims)).items():
        lower = [fold(w) for w in window.words if w.islower()]
        near = {*lower, *(f"{x} {y}" for x, y in itertools.pairwise(lower))} | window.own
        found = {periods[w] for w in near if w in periods}
        if not found:  # "Cada día cruzan la selva del Darién unos 1.500 migrantes"
            words = re.findall(r"[^\W\d_]+", fold(window.before))
            found = {
                periods[w]
                for w in (*words, *(f"{x} {y}" for x, y in itertools.pairwise(words)))
                if w in periods and " " in w  # one word alone may be far from its figure
            }
        out[claim_id] = frozenset(found)
    return out


def _content_words(subject: str | None) -> tuple[str, ...]:
    vocabulary = _vocabulary()
    skip = vocabulary.glue | vocabulary.rates | vocabulary.plain
    words = (fold(w).lower() for w in re.split(r"[\s-]+", subject or "") if w)
    return tuple(dict.fromkeys(w for w in words if w.isalpha() and w not in skip))


def _kind_words(subject: str | None, lang: str) -> tuple[str, ...]:
    """The content words of a subject that say what kind of thing it counts, for the
    contrast test: less the names in it ("Oil production in Vaca Muerta"; a capital that
    opens it is no name) and whose it is ("exportaciones de salmón chileno", "nacional"),
    which the names and the scope compare. "Chileno" against "nacional" is no contrast
    of kinds."""
    if not subject:
        return ()
    tokens = [t for t in re.split(r"[\s-]+", subject) if t]
    names = {fold(t).lower() for t in tokens[1:] if t[:1].isupper()}
    countries = _vocabulary().countries
    nationwide = language(lang).nationwide_adjectives if lang in available_languages() else ()
    return tuple(
        w
        for w in _content_words(subject)
        if w not in names and w not in countries and w not in nationwide
    )


def _concepts(subject: str | None, lang: str, *, rate: bool = False) -> frozenset[str]:
    """The measures a subject names by the glossary (lang/glossary.toml), longest name
    first: "remesas" and "remittances" → {remittances}. Only a subject whose every word
    of content the glossary covers has concepts: "producción de quinua" names a production
    of something the glossary does not know, so nothing is said of it. Whose it is
    ("mexicana") and a stand-in noun ("number of") need no covering. Of a share
    (``rate``), "desempleo" and "tasa de desempleo" name one measure.

    >>> sorted(_concepts("polling stations", "en")), sorted(_concepts("casillas", "es"))
    (['polling_stations'], ['polling_stations'])
    >>> sorted(_concepts("producción de quinua", "es"))
    []
    """
    if not subject or lang not in available_languages():
        return frozenset()
    names = language(lang).measure_names
    words = [fold(w).lower() for w in re.findall(r"[^\W\d_]+", subject)]
    # Whose ("mexicana", "Mexico's") and "number of" say nothing of the measure.
    vocabulary = _vocabulary()
    content = set(_content_words(subject)) - vocabulary.countries - vocabulary.referential
    found, covered = set(), set()
    for name, k in _longest_names(words, names):
        found.add(names[name])
        covered.update(words[k : k + len(name.split())])
    if not content <= covered:
        return frozenset()
    # A share names its measure's rate: "unemployment at 2.6%" is the unemployment rate.
    return frozenset(c.removesuffix("_rate") for c in found) if rate else frozenset(found)


def _translated(a: _Member, b: _Member) -> bool:
    """Two subjects in two languages that name the same measures by the glossary, which
    knows translations the sentence model scores low ("remesas" / "remittances" 0.46,
    "casillas" / "polling stations" 0.20). Within one language the model knows its
    synonyms better than the glossary its qualifiers: "GDP" and "economy" are one measure
    by the glossary, but "GDP fell 0.1% in December" and "the economy contracted 0.3% in
    the final three months" are two."""
    return a.lang != b.lang and bool(a.concepts) and a.concepts == b.concepts


def _contrasted(
    a: tuple[str, ...], b: tuple[str, ...], vectors: dict[str, np.ndarray], lang: str
) -> bool:
    """Two subjects that share a word and each add one the other lacks name two kinds of
    one thing: "inflación general" and "inflación subyacente", "specialist consultations"
    and "family-medicine consultations". Words are matched by their embeddings, or as
    two names of one measure in the glossary ("production" and "output"); one subject
    inside the other ("consultas", "consultas nocturnas") is no contrast."""
    if not a or not b:
        return False
    names = language(lang).measure_names if lang in available_languages() else {}

    def similarity(x: str, y: str) -> float:
        one_measure = x in names and names.get(x) == names.get(y)
        return 1.0 if one_measure else float(vectors[x] @ vectors[y])

    sims = np.array([[similarity(x, y) for y in b] for x in a])
    matched_a = sims.max(axis=1) >= _WORD_MATCH
    matched_b = sims.max(axis=0) >= _WORD_MATCH
    return bool(matched_a.any() and not matched_a.all() and not matched_b.all())


def _aligned(a: tuple[str, ...], b: tuple[str, ...], vectors: dict[str, np.ndarray]) -> bool:
    """Whether each subject's every word is a word of the other or its translation
    ("acero crudo" / "crude steel", "tránsitos" / "transits"), where the sentence model
    scores the phrases apart. A word only one of them has ("youth unemployment rate",
    "data center revenue") names a part, so no."""
    return bool(a and b) and _covered(a, b, vectors) and _covered(b, a, vectors)


def _covered(a: tuple[str, ...], b: tuple[str, ...], vectors: dict[str, np.ndarray]) -> bool:
    return all(x in b or max(float(vectors[x] @ vectors[y]) for y in b) >= _WORD_MATCH for x in a)


# Cosine at which two words are taken for one word or its translation ("homicidio" and
# "homicide" 0.97, "especialidad" and "specialist" 0.83; "general" and "headline" 0.34).
_WORD_MATCH = 0.6


@dataclass(frozen=True)
class _Evidence:
    """What a block's pairs are judged on: masked contexts and subjects (row-aligned with
    the members), the subjects' content words and the vectors of those words."""

    contexts: np.ndarray
    subjects: np.ndarray
    words: Sequence[tuple[str, ...]]
    vectors: dict[str, np.ndarray]
    informative: Sequence[str | None]  # each member's subject as compared (_informative)
    kind_words: Sequence[tuple[str, ...]]  # the words of it a contrast is read in (_kind_words)

    def contrasted(self, a: _Member, b: _Member, i: int, j: int) -> bool:
        """Within one language only. Across languages a modifier translates loosely word
        by word ("doloso" and "intentional" 0.39, "política monetaria" and "benchmark"),
        so a word left unmatched says nothing; the variants lexicon (:func:`_variants`)
        names the contrasts that matter there (core / headline, dead / injured)."""
        return a.lang == b.lang and _contrasted(
            self.kind_words[i], self.kind_words[j], self.vectors, a.lang
        )

    def aligned(self, i: int, j: int) -> bool:
        return _aligned(self.words[i], self.words[j], self.vectors)

    def context(self, i: int, j: int) -> float:
        return float(self.contexts[i] @ self.contexts[j])

    def subject(self, i: int, j: int) -> float:
        return float(self.subjects[i] @ self.subjects[j])


def _accepted(a: _Member, b: _Member, ev: _Evidence, i: int, j: int, config: Config) -> bool:
    """Whether a proposed pair is one quantity. In one document the bar is higher:
    a repetition restates the same thing, while two figures of one kind in one
    article ("renovated 100 facilities", "will rehabilitate 376") are usually two."""
    if not _compatible(a, b):
        return False
    context = ev.context(i, j)
    informative = ev.informative[i] and ev.informative[j]
    if a.claim.doc_id == b.claim.doc_id and _currency(a.claim) != _currency(b.claim):
        return False  # an article's amount in another currency is a conversion, checked apart
    if a.claim.doc_id == b.claim.doc_id and (informative or _amount(a.claim)):
        # One article names one quantity the same way each time it repeats it, "una
        # inversión de" included: there the article's topic says on what.
        same = fold(a.claim.subject or "") == fold(b.claim.subject or "")
        return same and context >= config.repeat_context_min
    if not informative:
        return context >= config.context_alone_min
    if ev.contrasted(a, b, i, j):
        return False
    similar = ev.subject(i, j)
    subject = (
        similar >= config.subject_min
        or _translated(a, b)
        or _told(a, b)
        or (
            similar >= _ALIGNED_SUBJECT_MIN and context >= _ALIGNED_CONTEXT_MIN and ev.aligned(i, j)
        )
    )
    return subject and context >= config.context_min


def _slip(a: _Member, b: _Member, ev: _Evidence, i: int, j: int, config: Config) -> bool:
    """Whether two figures of two articles one slip of the digits apart
    (:func:`_slipped_pairs`) are one quantity mistyped. A slip names its quantity as
    loosely as any restatement ("Unsold existing homes" / "el inventario de viviendas
    en venta", 0.59; "Mexico's steel exports" / "envíos de acero", 0.26) or not at all
    ("40,400 millones de pesos", "782.000 personas"), so the subjects need only not be
    unrelated (one that only says people were counted relates to any count of them);
    the sentences must be close, or less so when both subjects say one thing, and must
    not give two years."""
    # The sentences' similarity first: one dot product sets most pairs of a large block
    # apart, before the names and kinds are compared.
    context = ev.context(i, j)
    if context < min(config.slip_context_min, config.slip_named_context_min):
        return False
    if a.claim.doc_id == b.claim.doc_id or not _compatible(a, b, slip=True):
        return False
    if ev.contrasted(a, b, i, j):
        return False
    generic = any(m.concepts and m.concepts <= _GENERIC_CONCEPTS for m in (a, b))
    named = ev.informative[i] and ev.informative[j] and not generic
    if named and ev.subject(i, j) < _SLIP_SUBJECT_MIN:
        return False
    # Sentences that read apart around their figures ("registró unas pérdidas operativas
    # ajustadas de #, lastrada por la caída del correo" / "reported an adjusted operating
    # loss of # in the year to March, while ...") need subjects that say one thing.
    alike = named and ev.subject(i, j) >= config.subject_min
    if context < (config.slip_named_context_min if alike else config.slip_context_min):
        return False
    years = [years_in(m.claim.time) for m in (a, b)]
    return not (years[0] and years[1] and years[0] != years[1])


# Below this two subjects name unrelated things, whatever a slip of the digits suggests.
_SLIP_SUBJECT_MIN = 0.25
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years_in(time: str | None) -> frozenset[int]:
    """The years a figure's time names: "de 2022 a 2023" → {2022, 2023}."""
    return frozenset(int(y) for y in _YEAR.findall(time or ""))


# Below this the subjects are too far apart for their words to say they are one.
_ALIGNED_SUBJECT_MIN = 0.4
# ... and their sentences must say more than the bar for similar subjects asks.
_ALIGNED_CONTEXT_MIN = 0.45

# Subjects that only say people were counted: what happened to them is said by the verb
# or the words next to the figure ("192 personas murieron"), read as a variant.
_GENERIC_CONCEPTS = frozenset({"people"})


def transposed(a: Claim, b: Claim) -> bool:
    """Whether two figures in one currency or unit read the same but for two adjacent
    significant digits swapped (782.000 / 728,000; 1,23 millones / 1.32 million): the
    commonest typo of a figure copied by hand. Three significant digits at least: "61"
    and "16" meet by chance.

    >>> from factcheck.extract import extract_claims
    >>> a = extract_claims("782.000 personas", "es")[0]
    >>> b = extract_claims("728,000 people", "en")[0]
    >>> transposed(a, b), transposed(a, a)
    (True, False)
    """
    return _swapped(*_apart(a, b))


def _swapped(apart: list[int], x: str, y: str) -> bool:
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and (x[apart[0]], x[apart[1]]) == (y[apart[1]], y[apart[0]])
    )


def mistyped(a: Claim, b: Claim) -> bool:
    """Whether two figures in one currency or unit, of one magnitude, read the same but
    for one of their first two digits (153,5 / 133.5 millones; 248 / 348 millones de
    libras): a key struck for its neighbour. A later digit is as often a rounding or
    another count (193 / 195 km/h), and shares, bounded to a hundred, meet one digit
    apart by chance (27.8% / 21.8%).

    >>> from factcheck.extract import extract_claims
    >>> a = extract_claims("248 millones de libras", "es")[0]
    >>> b = extract_claims("£348 million", "en")[0]
    >>> c = extract_claims("£345 million", "en")[0]
    >>> mistyped(a, b), mistyped(b, c), mistyped(a, a)
    (True, False, False)
    """
    return _struck(a, _apart(a, b)[0])


def _struck(a: Claim, apart: list[int]) -> bool:
    return a.quantity.dimension != "percent" and len(apart) == 1 and apart[0] < _MISTYPED_LEAD


def _apart(a: Claim, b: Claim) -> tuple[list[int], str, str]:
    """Where the digits of two figures of one measure and magnitude differ, written to
    one place ("280" / "208" for 280 and 208 million), with the digits; none for figures
    of two measures or magnitudes, or of fewer than three digits ("61" and "16" meet by
    chance)."""
    if not _one_measure(a, b):
        return [], "", ""
    return _apart_digits(*_aligned_digits(a.quantity.value, b.quantity.value))


def _apart_digits(x: str, y: str) -> tuple[list[int], str, str]:
    if len(x) != len(y) or len(x) < _TRANSPOSED_DIGITS:
        return [], x, y
    return [k for k in range(len(x)) if x[k] != y[k]], x, y


def _aligned_digits(a: Decimal, b: Decimal) -> tuple[str, str]:
    """The digits of two figures of one magnitude written to one place, without the
    zeros both end in: 280,000,000 and 208,000,000 → "280", "208"; 4.56 and 4.5 → "456",
    "450". Figures of two magnitudes give ("", "")."""
    if not a or not b or a.adjusted() != b.adjusted():
        return "", ""
    return _lined_up(_digits(a), _digits(b))


def _lined_up(x: str, y: str) -> tuple[str, str]:
    """Of one magnitude, the significant digits line up from the first."""
    width = max(len(x), len(y))
    return x.ljust(width, "0"), y.ljust(width, "0")


_TRANSPOSED_DIGITS = 3
_MISTYPED_LEAD = 2  # a mistyped digit is one of the first two


def rescaled(a: Claim, b: Claim) -> bool:
    """Whether two figures in one currency or unit have the same significant digits,
    three at least, at scales a power of ten apart, as rounded: "40,400 millones de
    pesos" / "404 billion pesos", "6.13 billion" / "61,313 millones" (a "billion" read as
    "mil millones" or as "billón", a decimal point moved).

    >>> from factcheck.extract import extract_claims
    >>> a = extract_claims("una deuda de 40,400 millones de pesos", "es")[0]
    >>> b = extract_claims("a debt of 404 billion pesos", "en")[0]
    >>> c = extract_claims("una deuda de 150 millones de pesos", "es")[0]
    >>> d = extract_claims("una deuda de 1,500 millones de pesos", "es")[0]
    >>> rescaled(a, b), rescaled(a, a), rescaled(c, d)
    (True, False, False)
    """
    if not _one_measure(a, b):
        return False
    small, big = sorted((abs(a.quantity.value), abs(b.quantity.value)))
    if not small or len(_digits(small)) < _TRANSPOSED_DIGITS:
        return False
    power = round(math.log10(big / small))
    if power < 1:
        return False
    shown = small.normalize()
    exponent = shown.as_tuple().exponent
    if not isinstance(exponent, int):
        return False  # not a finite figure
    return big.scaleb(-power).quantize(Decimal(1).scaleb(exponent)) == shown


def _one_measure(a: Claim, b: Claim) -> bool:
    return _currency(a) == _currency(b) and a.quantity.unit == b.quantity.unit


def _digits(value: Decimal) -> str:
    """A figure's significant digits: 728000 → "728", 1.32 → "132"."""
    return "".join(str(d) for d in value.normalize().as_tuple().digits).strip("0")


def _slipped_pairs(members: Sequence[_Member]) -> set[tuple[int, int]]:
    """The pairs of figures from two articles whose digits are one swap apart
    (:func:`transposed`), one of their first two digits apart (:func:`mistyped`) or the
    same at another scale (:func:`rescaled`), found by their digits: looked up with each
    adjacent pair swapped (a zero too: "208" / "280"), each of the first two digits
    changed, as written, and rounded ("61313" rounds to "613"). No pass over all pairs:
    a block of 100,000 figures yields the few whose digits meet."""
    written: dict[str, list[int]] = {}
    digits = [_digits(m.claim.quantity.value) for m in members]
    for k, d in enumerate(digits):
        if len(d) >= 2:  # "28" of 280 is met by "208"
            written.setdefault(d, []).append(k)
    candidates = {
        pair
        for d, ks in written.items()
        if len(d) >= _TRANSPOSED_DIGITS
        for pair in itertools.combinations(ks, 2)
    }
    for k, d in enumerate(digits):
        if len(d) < _TRANSPOSED_DIGITS:
            continue
        padded = d + "0"  # "208" meets "28" (280) by its swapped zero
        swapped = (padded[:p] + padded[p + 1] + padded[p] + padded[p + 2 :] for p in range(len(d)))
        changed = (
            d[:p] + c + d[p + 1 :] for p in range(_MISTYPED_LEAD) for c in _DIGITS if c != d[p]
        )
        rounded = (str(int(d[:n]) + (d[n] >= "5")) for n in range(_TRANSPOSED_DIGITS, len(d)))
        for other in (*swapped, *changed, *rounded):
            found = written.get(other.rstrip("0"), ())
            candidates.update((min(j, k), max(j, k)) for j in found if j != k)
    # A figure the other article states too is no typo of that article's other figure:
    # "412 puntos" meets the "412" of "scored 412 ..., below the OECD average of 472".
    stated = {(m.claim.doc_id, m.claim.quantity.unit, m.claim.quantity.value) for m in members}
    # Each figure's measure and magnitude, read once: most candidates differ in one.
    shapes = [_shape(m.claim) for m in members]
    return {
        (i, j)
        for i, j in candidates
        if members[i].claim.doc_id != members[j].claim.doc_id
        and shapes[i][0] == shapes[j][0]
        and not _stated_in(members[i].claim, members[j].claim, stated)
        and not _stated_in(members[j].claim, members[i].claim, stated)
        and _slipped(
            members[i].claim, members[j].claim, shapes[i][1] == shapes[j][1], digits[i], digits[j]
        )
    }


def _shape(claim: Claim) -> tuple[tuple[str, str], int | None]:
    value = abs(claim.quantity.value)
    return (_currency(claim), claim.quantity.unit), value.adjusted() if value else None


def _slipped(a: Claim, b: Claim, level: bool, x: str, y: str) -> bool:
    """Whether two figures of one measure, of one magnitude (``level``) or not, with
    significant digits ``x`` and ``y``, are one slip of the digits apart."""
    if not level:
        return rescaled(a, b)
    apart, x, y = _apart_digits(*_lined_up(x, y))
    return _swapped(apart, x, y) or _struck(a, apart)


_DIGITS = "0123456789"


def _stated_in(figure: Claim, other: Claim, stated: Container[tuple[str, str, Decimal]]) -> bool:
    """Whether ``other``'s article states ``figure``'s value in its unit as well."""
    return (other.doc_id, figure.quantity.unit, figure.quantity.value) in stated


def _told(a: _Member, b: _Member) -> bool:
    """Whether a subject that only names people and the other one name, by the words
    around their figures, the same variant of one measure: "192 personas murieron" and
    "129 deaths" both count the dead."""
    generic = any(m.concepts and m.concepts <= _GENERIC_CONCEPTS for m in (a, b))
    return generic and bool(a.variants & b.variants & _TOLD)


# The variants a verb tells of people: the dead and the injured. Their other fates
# (vaccinated, missing) only set figures apart: a register of the missing and a year's
# reports both count "missing" people.
_TOLD = frozenset({("casualties", "dead"), ("casualties", "injured")})


def _components(
    members: Sequence[_Member],
    edges: list[tuple[float, int, int]],
    agreeing: Sequence[tuple[float, int, int]] = (),
    slips: Sequence[tuple[float, int, int]] = (),
) -> list[list[int]]:
    """Groups joined by the edges, best first; an edge that would put two figures of
    one sentence, two variants of one measure, or two unrelated names in one group is
    dropped (chaining through a third claim would). Then the edges of figures one slip of the digits
    apart (:func:`_slip`) join a figure still alone to another or to its group, once
    per group: a typo is one figure set apart from the rest, and a slip never chains
    (among thousands of figures some meet by chance). Then the edges of figures that agree
    (:func:`_agrees`) join groups only while every figure of the joined group agrees
    with every other: a restatement never chains two disagreeing figures into one
    group, so it can add no contradiction."""
    parent = list(range(len(members)))
    sizes = [1] * len(members)
    slipped = [False] * len(members)  # a group a slip has joined
    sentences = [{m.sentence_key} for m in members]
    spans = [_interval(m.claim) for m in members]
    # Amounts in two currencies compare only through a rate: such a group is never
    # "all agreeing" here, the cross-source check converts them.
    currencies = [{_currency(m.claim)} for m in members]
    # Two variants of one measure never meet through a third figure that names neither
    # ("412 puntos en matemática", "444 en ciencias", each beside a bare "puntos").
    variants = [set(m.variants) for m in members]
    # Nor do two names one article gives two figures ("€1.073bn" of Real Madrid, "£715m"
    # of Manchester City) through a figure that names none ("€760m" of Barcelona's club).
    # Across articles names are written too differently to tell (a ministry, its report,
    # a tax by its name in Spanish and described in English).
    names = [{m.claim.doc_id: m.unsourced} for m in members]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int, *, agreeing_only: bool, alone: bool = False) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or sentences[ra] & sentences[rb]:
            return
        if alone and (min(sizes[ra], sizes[rb]) > 1 or slipped[ra] or slipped[rb]):
            return
        if _other_variants(variants[ra], variants[rb]):
            return
        small, big = sorted((names[ra], names[rb]), key=len)
        if any(d in big and _other_names(found, big[d]) for d, found in small.items()):
            return
        together = _intersection(spans[ra], spans[rb])
        if currencies[ra] != currencies[rb]:
            together = None
        if agreeing_only and together is None:
            return
        keep, drop = min(ra, rb), max(ra, rb)
        parent[drop] = keep
        sizes[keep] += sizes[drop]
        slipped[keep] = slipped[keep] or slipped[drop] or alone
        sentences[keep] |= sentences[drop]
        currencies[keep] |= currencies[drop]
        variants[keep] |= variants[drop]
        for doc, found in small.items():  # the smaller into the larger: no quadratic merge
            big[doc] = big.get(doc, frozenset()) | found
        names[keep] = big
        spans[keep] = together

    for _, a, b in sorted(edges, reverse=True):
        join(a, b, agreeing_only=False)
    for _, a, b in sorted(slips, reverse=True):
        join(a, b, agreeing_only=False, alone=True)
    for _, a, b in sorted(agreeing, reverse=True):
        join(a, b, agreeing_only=True)
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


_Span = tuple[float, float] | None  # None: the figures of a group do not all agree


def _currency(claim: Claim) -> str:
    return claim.quantity.unit if claim.quantity.dimension == "money" else ""


def _interval(claim: Claim) -> _Span:
    q = to_base(claim.quantity)  # "120 kilometres" and "75 miles" agree
    low = float(q.low) if q.low is not None else -math.inf
    high = float(q.high) if q.high is not None else math.inf
    return (low, high)


def _intersection(a: _Span, b: _Span) -> _Span:
    if a is None or b is None:
        return None
    low, high = max(a[0], b[0]), min(a[1], b[1])
    # Rounded intervals that only touch share no value ("2.8%" and "2.9%"), as the
    # checks read them (checks.intervals.overlap): grouped as agreeing, they would alarm.
    if low > high or (low == high and a[0] < a[1] and b[0] < b[1]):
        return None
    return (low, high)


def _agrees(a: _Member, b: _Member, ev: _Evidence, i: int, j: int, config: Config) -> bool:
    """Whether two figures from two articles restate one quantity: their intervals
    overlap ("64 mil 745 millones de dólares" and "$64.7 billion"), their contexts are
    close enough and their subjects, when both have one, neither contrast nor part
    ways. Loose translations that the subject threshold turns away ("escaños" /
    "seats" 0.43) are grouped this way; a restatement can only agree, so no alarm
    comes of a wrong one (see :func:`_components`)."""
    if a.claim.doc_id == b.claim.doc_id or not _compatible(a, b, restated=True):
        return False
    if _currency(a.claim) != _currency(b.claim):
        return False  # two currencies: compared through a rate, by the check
    if _intersection(_interval(a.claim), _interval(b.claim)) is None:
        return False
    context = ev.context(i, j)
    if context < config.agree_context_min:
        return False
    if not (ev.words[i] and ev.words[j]):
        return True
    if context >= config.agree_context_alone and _bounded(a.claim) and _bounded(b.claim):
        return True  # "derechohabientes" / "beneficiaries" 0.43: the sentences say it
    if ev.contrasted(a, b, i, j):
        return False
    if a.variants & b.variants:
        return True  # "3.600 muertos" / "killed 3,600 people": both name the dead
    return ev.subject(i, j) >= config.agree_subject_min or _translated(a, b)


_SAME_VALUE = 1.0  # above any cosine: agreeing edges first, by similarity among them


def _agreeing(a: _Member, b: _Member) -> bool:
    return _currency(a.claim) == _currency(b.claim) and (
        _intersection(_interval(a.claim), _interval(b.claim)) is not None
    )


def _bounded(claim: Claim) -> bool:
    """Whether the figure is a closed interval: "más de 20 mil" agrees with too much."""
    return claim.quantity.low is not None and claim.quantity.high is not None


def _label(claims: Sequence[Claim]) -> str:
    """The subjects the group is written with, most common first: "hospitales / hospitals"."""
    counts = Counter(fold(c.subject) for c in claims if c.subject)
    written = {fold(c.subject): c.subject for c in claims if c.subject}
    names = [written[s] for s, _ in counts.most_common(3)]
    return " / ".join(names) if names else claims[0].quantity.unit


# Each claim keeps at most this many proposals: a quantity is restated a handful of
# times, and a bounded list keeps memory linear in the number of claims.
_NEIGHBOURS = 16


_SEARCH_DIMENSIONS = 128
_PROJECT_ABOVE = 5000  # claims in a block


def _projected(vectors: np.ndarray) -> np.ndarray:
    """A fixed random projection to 128 dimensions for the neighbour search only
    (Johnson-Lindenstrauss: cosines are kept to a few hundredths), eight times less
    arithmetic than the 1,024 of context plus subject. Pairs are then judged on the
    full vectors, so the projection costs only a little recall at the margin."""
    if vectors.shape[1] <= _SEARCH_DIMENSIONS:
        return vectors
    basis = np.random.default_rng(20261123).standard_normal((vectors.shape[1], _SEARCH_DIMENSIONS))
    projected = (vectors @ basis.astype(np.float32)).astype(np.float32)
    norms = np.linalg.norm(projected, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = projected / norms
    return unit


def _neighbours(vectors: np.ndarray, minimum: float) -> dict[tuple[int, int], float]:
    """Pairs among each row's nearest neighbours with cosine similarity ≥ ``minimum``
    (less a slack for the projection, when one is used), with that similarity.
    scikit-learn computes the distances in chunks, so no n-by-n matrix is held."""
    from sklearn import config_context
    from sklearn.neighbors import NearestNeighbors  # an edge: heavy import, on first use

    n = len(vectors)
    if n < 2:
        return {}
    # Small blocks are searched on the full vectors: the projection's error (about 0.09
    # in cosine at 128 dimensions) would drop pairs near the bar, and it saves little.
    search = _projected(vectors) if n > _PROJECT_ABOVE else vectors
    index = NearestNeighbors(n_neighbors=min(_NEIGHBOURS, n), metric="cosine", algorithm="brute")
    index.fit(search)
    with config_context(working_memory=128):  # MB per chunk of distances
        distances, rows = index.kneighbors(search)
    pairs: dict[tuple[int, int], float] = {}
    for i in range(n):
        for distance, j in zip(distances[i], rows[i], strict=True):
            if i != j and 1.0 - distance >= minimum - 0.05:  # slack for the projection
                pairs[(min(i, int(j)), max(i, int(j)))] = 1.0 - float(distance)
    return pairs


def _repeated_amounts(members: Sequence[_Member]) -> set[tuple[int, int]]:
    """Pairs of amounts one article names with one money word ("una inversión de"):
    their subjects carry no meaning to propose them by, but see :func:`_accepted`."""
    by_name: dict[tuple[str, str], list[int]] = {}
    for k, m in enumerate(members):
        if _amount(m.claim):
            by_name.setdefault((m.claim.doc_id, fold(m.claim.subject or "")), []).append(k)
    return {(i, j) for ks in by_name.values() for i, j in itertools.combinations(ks, 2)}


def _translated_pairs(members: Sequence[_Member]) -> set[tuple[int, int]]:
    """Pairs of claims in two languages whose subjects name the same measures by the
    glossary ("ingresos" / "revenue"): the sentence model may not bring them near enough
    to propose them ("5.828 millones de euros" / "5.28 billion euros"), but see
    :func:`_accepted`. A measure named by very many claims proposes none this way, so
    that a block's pairs stay bounded."""
    by_concepts: dict[frozenset[str], list[int]] = {}
    for k, m in enumerate(members):
        if m.concepts:
            by_concepts.setdefault(m.concepts, []).append(k)
    return {
        (i, j)
        for ks in by_concepts.values()
        if len(ks) <= _TRANSLATED_MAX
        for i, j in itertools.combinations(ks, 2)
        if members[i].lang != members[j].lang
    }


# At most this many claims of one measure are paired by the glossary alone: 1,000 pairs.
_TRANSLATED_MAX = 45


def cluster_claims(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    embedder: Embedder,
    config: Config | None = None,
) -> tuple[Cluster, ...]:
    """Groups of two or more claims about one quantity, in order of first claim."""
    config = config or Config()
    doc_entities, titled = _document_entities(documents)
    languages = {doc.id: doc.lang for doc in documents}
    doc_names = {doc.id: _capitalised(doc.text) for doc in documents}
    windows = _windows(claims)  # read once for the three readers below
    kinds = _kinds(claims, windows)
    periods = _periods(claims, windows)
    variants = _variants(claims, windows)
    parts = _parts(windows)
    scopes: dict[tuple[str, str], tuple[tuple[int, _Clause], ...]] = {}
    blocks: dict[tuple[str, str], list[_Member]] = {}
    for claim in claims:
        if claim.quantity.dimension in _UNCLUSTERED:
            continue
        lang = languages.get(claim.doc_id) or ""
        sentence_key = (claim.doc_id, claim.sentence)
        if sentence_key not in scopes:  # a clause's figures share its names
            known = doc_names.get(claim.doc_id, frozenset())
            scopes[sentence_key] = _scopes(claim.sentence, lang, known, titled)
        at = windows[claim.id].at if claim.id in windows else 0
        scope = next(sc for start, sc in reversed(scopes[sentence_key]) if start <= at)
        named = scope.entities or doc_entities.get(claim.doc_id, frozenset())
        member = _Member(
            claim,
            sentence_key,
            named,
            scope.names,
            lang,
            kinds[claim.id],
            periods[claim.id],
            variants[claim.id],
            scope.countries,
            scope.unsourced,
            _concepts(_informative(claim), lang, rate=claim.quantity.dimension == "percent"),
            parts[claim.id],
            borrowed=not scope.entities,
        )
        blocks.setdefault(block_key(claim), []).append(member)
    groups: list[list[Claim]] = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        contexts = embedder.encode([claim_context(m.claim) for m in members])
        informative = [_informative(m.claim) for m in members]
        subjects = embedder.encode([s or "" for s in informative])
        has_subject = np.array([bool(s) for s in informative])
        subjects[~has_subject] = 0.0
        words = [_content_words(s) for s in informative]
        vocabulary = list(dict.fromkeys(w for ws in words for w in ws))
        vectors = dict(zip(vocabulary, embedder.encode(vocabulary), strict=True))
        # The mean of the two cosines, as one vector: proposals need one radius search.
        combined = np.hstack([contexts, subjects]) / np.sqrt(1.0 + has_subject[:, None])
        near = _neighbours(combined, min(config.propose_min, config.agree_propose_min))
        strong = {pair for pair, sim in near.items() if sim >= config.propose_min - 0.05}
        # Pairs one slip of the digits apart are judged apart (:func:`_slip`), not
        # proposed: past its nearest neighbours a claim meets many that only share
        # digits, and the usual bar would chain them.
        slipped = _slipped_pairs(members)
        proposed = strong | _repeated_amounts(members) | _translated_pairs(members)
        kind_words = [_kind_words(s, m.lang) for s, m in zip(informative, members, strict=True)]
        ev = _Evidence(contexts, subjects, words, vectors, informative, kind_words)
        # A figure restated with the same value is the likelier match: "creció 3,3% en
        # 2024, tras contraerse 0,4% en 2023" and "expanded 3.3%" join at 3.3%, whose
        # edge is tried first when two figures of one sentence compete for it.
        kept = [
            (
                float(combined[i] @ combined[j]) + _SAME_VALUE * _agreeing(members[i], members[j]),
                i,
                j,
            )
            for i, j in sorted(proposed)
            if _accepted(members[i], members[j], ev, i, j, config)
        ]
        accepted = {(i, j) for _, i, j in kept}
        slips = [
            (float(combined[i] @ combined[j]), i, j)
            for i, j in sorted(slipped)
            if (i, j) not in accepted and _slip(members[i], members[j], ev, i, j, config)
        ]
        agreeing = [
            (float(combined[i] @ combined[j]), i, j)
            for i, j in sorted(near)
            if (i, j) not in accepted and _agrees(members[i], members[j], ev, i, j, config)
        ]
        groups.extend(
            [members[k].claim for k in g] for g in _components(members, kept, agreeing, slips)
        )
    groups.sort(key=lambda g: (g[0].doc_id, g[0].start))
    return tuple(
        Cluster(id=f"cluster-{n}", label=_label(g), claim_ids=tuple(c.id for c in g))
        for n, g in enumerate(groups, start=1)
    )

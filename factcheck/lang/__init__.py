"""Language knowledge as data: one TOML file per language, read into one grammar.

Core code never branches on a language code; it asks a :class:`Language` for its
words and patterns. Adding Portuguese means adding ``pt.toml`` and its test cases.

Every pattern is compiled once per language when first asked for (the files are
static package data, so the cache never needs clearing).
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from factcheck.errors import ConfigError

__all__ = [
    "Arithmetic",
    "Language",
    "Locale",
    "available_languages",
    "compared_after",
    "fold",
    "language",
]


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case and strip accents, so "Millón", "millon" and "MILLÓN" meet.

    Memoized: a text repeats its words, and decomposing each costs more than the lookup.

    >>> fold("Veintitrés")
    'veintitres'
    """
    return unaccented(word.casefold())


def compared_after(text: str, end: int, lang: Language) -> bool:
    """Whether the words after a figure that ends at ``end`` make it a difference from
    another ("tres meses por encima de", "15.0% menos que la de US$ 612 millones")."""
    after = " ".join(fold(text[end : end + 40]).split())
    return after.startswith(tuple(f"{w} " for w in lang.conversion_not_after))


def unaccented(word: str) -> str:
    """The word without its accents, in its case: "México" → "Mexico"."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Locale:
    """Number conventions of a place: which mark is the decimal one, what "$" and a
    bare "pesos" mean, and the names that tell a text is from there."""

    name: str
    decimal: str
    dollar: str
    peso: str = "MXN"
    names: tuple[str, ...] = ()
    inferred: bool = True  # whether a text that names its places is read there
    money: tuple[str, ...] = ()  # "euros", "€": a currency only this place writes in


_HUNDREDTH = Decimal("0.01")  # what a subunit is worth unless its table says otherwise


def _dec(v: float | int) -> Decimal:
    """TOML gives 1e12 as a float; keep it an exact integer Decimal."""
    return Decimal(int(v)) if float(v).is_integer() else Decimal(repr(v))


def _folded_map(table: dict[str, Any]) -> dict[str, Any]:
    return {fold(k): v for k, v in table.items()}


@dataclass(frozen=True, slots=True)
class Arithmetic:
    """Words that link figures which depend on each other (see the ``[arithmetic]``
    table of a language file): folded single words, or phrases of them."""

    whole_prepositions: tuple[str, ...]
    whole_nouns: frozenset[str]
    whole_comparers: frozenset[str]  # "frente a una meta de": only before a whole noun
    whole_adjectives: frozenset[str]  # "una meta estatal de"
    phrase_breaks: frozenset[str]  # "que", "and": a figure's own phrase ends before them
    member_units: frozenset[str]  # "households", "escuelas": units of people
    members: frozenset[str]  # "children", "alumnos": the people counted in them
    share_nouns: frozenset[str]
    whole_openers: tuple[str, ...]
    share_words: frozenset[str]
    restate_words: frozenset[str]
    restate_keys: frozenset[str]
    total_words: frozenset[str]
    total_keys: frozenset[str]
    total_after: tuple[str, ...]
    breakdown_words: frozenset[str]
    breakdown_keys: frozenset[str]
    partition_keys: frozenset[str]
    from_words: tuple[str, ...]
    to_words: tuple[str, ...]
    base_words: tuple[str, ...]
    increase_words: frozenset[str]
    decrease_words: frozenset[str]
    change_verbs: frozenset[str]
    gain_verbs: frozenset[str]  # "ganó": a change before a count, a profit before money
    list_joiners: frozenset[str]
    time_words: frozenset[str]
    respectively: tuple[str, ...]
    back_references: tuple[str, ...]
    multipliers: dict[str, Decimal]


def _arithmetic(d: dict[str, Any]) -> Arithmetic:
    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in d[key])

    def phrases(key: str) -> tuple[str, ...]:
        return tuple(sorted((fold(w) for w in d[key]), key=len, reverse=True))

    return Arithmetic(
        whole_prepositions=phrases("whole_prepositions"),
        whole_nouns=words("whole_nouns"),
        whole_comparers=frozenset(w for p in d["whole_comparers"] for w in fold(p).split()),
        whole_adjectives=words("whole_adjectives"),
        phrase_breaks=words("phrase_breaks"),
        member_units=words("member_units"),
        members=words("members"),
        share_nouns=words("share_nouns"),
        whole_openers=phrases("whole_openers"),
        share_words=words("share_words"),
        restate_words=words("restate_words"),
        restate_keys=words("restate_keys"),
        total_words=words("total_words"),
        total_keys=words("total_keys"),
        total_after=phrases("total_after"),
        breakdown_words=words("breakdown_words"),
        breakdown_keys=words("breakdown_keys"),
        partition_keys=words("partition_keys"),
        from_words=phrases("from_words"),
        to_words=phrases("to_words"),
        base_words=phrases("base_words"),
        increase_words=words("increase_words"),
        decrease_words=words("decrease_words"),
        change_verbs=words("change_verbs"),
        gain_verbs=words("gain_verbs"),
        list_joiners=words("list_joiners"),
        time_words=words("time_words"),
        respectively=phrases("respectively"),
        back_references=phrases("back_references"),
        multipliers={fold(k): _dec(v) for k, v in d["multipliers"].items()},
    )


@dataclass(frozen=True)
class Language:
    """One language's numerals, scales, currency and unit words, qualifiers and cues."""

    code: str
    default_locale: str
    locales: dict[str, Locale]
    numbers: dict[str, int]
    weak_numbers: dict[str, int]
    weak_units: frozenset[str]  # "one mile", "una milla": a weak number counts before them
    fraction_units: frozenset[str]  # "1/2 cup": a unit only after a fraction
    article_numbers: dict[str, int]
    connectors: frozenset[str]
    decimal_words: frozenset[str]
    fraction_joiners: frozenset[str]
    bare_fractions: dict[str, Decimal]
    sign_words: frozenset[str]
    sign_after: frozenset[str]
    scales: dict[str, Decimal]
    scale_currency: dict[str, tuple[Decimal, str]]
    abbreviated_scales: dict[str, Decimal]
    denominators: dict[str, int]
    ordinal_denominators: frozenset[str]
    tens_ordinals: dict[str, int]
    tens_ordinal_singulars: frozenset[str]
    denominator_suffixes: tuple[str, ...]
    denominator_joiners: tuple[str, ...]
    tens_connectors: frozenset[str]
    fraction_bars: frozenset[str]
    part_of_whole: frozenset[str]
    fraction_of: frozenset[str]
    spaced_scales: dict[str, Decimal]
    vulgar_fractions: dict[str, Decimal]
    ratio_phrases: dict[str, Decimal]
    bounded_ratios: dict[str, Decimal]  # "half": a share alone only after "more than"
    point_fractions: dict[str, Decimal]  # "medio", "a quarter" before a point word
    point_words: tuple[str, ...]  # "puntos porcentuales", "point": a percentage point
    currency_words: dict[str, str]
    currency_subunits: dict[str, tuple[str, Decimal]]  # "cents" → ("$", 0.01)
    glued_subunits: dict[str, str]  # "p" → "pence": "85p"
    glued_not_prices: frozenset[str]  # "1080p": a video mode, not pence
    currency_after_scale: dict[str, str]
    money_context: frozenset[str]  # "precio", "price": a "libras" after it is sterling
    currency_prefixes: dict[str, str]
    currency_codes: frozenset[str]
    million_codes: dict[str, str]  # "MUSD" → USD: millions of dollars
    unglued_codes: frozenset[str]  # "COP29" is a summit: a code that must stand apart
    lowercase_codes: frozenset[str]  # "20 usd": codes that are no word in lower case
    lowercase_prefixes: tuple[str, ...]  # "c $ 16.4 million": spaced prefixes, no word
    currency_suffixes: dict[str, str]
    suffixes_not_before_figure: frozenset[str]  # "10 $", not the "3" of "3 $100 bills"
    percent: dict[str, str]
    glued_percent: tuple[str, ...]  # "12bp": percent words that may touch the figure
    cased_percent: frozenset[str]  # "11pc": percent only glued to its figure, in its case
    units: dict[str, str]
    cased_units: frozenset[str]  # "MB": a symbol read only as written ("mb" is millibars)
    glued_units: frozenset[str]  # symbols a figure may touch: "10km", "5kg", "3.5GW"
    dimensions: dict[str, str]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    ranges: tuple[tuple[str, str], ...]
    # the last word of the openers that tell no change ("between"): see [[ranges]]
    steady_openers: frozenset[str]
    bound_joiners: tuple[str, ...]
    time_spans: frozenset[str]
    ages: tuple[str, ...]
    superlative: frozenset[str]
    particle_verbs: frozenset[str]  # "rolled over": the qualifier's word is the verb's
    references: frozenset[str]  # "the" in "more than the 150,000 expected": no bound
    references_after: tuple[str, ...]  # "que esperaban" after the figure: no bound
    reached: frozenset[str]  # "hasta" after "subieron": the level reached, no bound
    reached_not: frozenset[str]  # "aumenta hasta un 30%": articles that keep the bound
    # "go" before "up to": the level reached ("will go up to £1,849"), unless a modal of
    # possibility stands before it ("can go up to $500": a cap)
    reached_after: frozenset[str]
    possibility: frozenset[str]
    bound_adjectives: frozenset[str]  # "mínimo" in "el salario mínimo de": no bound
    conversion_links: tuple[str, ...]
    conversion_periods: tuple[str, ...]  # "anuales" in "1.035 libras anuales (1.244 euros)"
    conversion_not_after: tuple[str, ...]  # "por encima": the second figure is a difference
    months: frozenset[str]
    month_order: tuple[tuple[str, ...], ...]  # each month's first letters, January first
    openers: frozenset[str]  # "Gracias", "However": sentence openers, not names
    generic_bodies: frozenset[str]  # "Gobierno", "Government": capitalised, no names
    weekdays: frozenset[str]
    weekday_order: tuple[str, ...]  # the same, Monday first
    year_words: frozenset[str]
    year_before_figure: frozenset[str]  # "of": "2024 net income of 96.95 billion" is a year
    year_bounds: frozenset[str]  # "up to 2030", "hasta 2030": a bound before a year
    clock_before: tuple[str, ...]
    clock_joiners: tuple[str, ...]
    date_joiners: tuple[str, ...]
    clock_after: tuple[str, ...]
    labels: frozenset[str]
    article_labels: frozenset[str]  # "el lugar 126": a label only after an article
    label_adjectives: frozenset[str]  # "federal" in "la carretera federal 15"
    elided_labels: frozenset[str]  # "la" in "la 3 (Indios Verdes)": a label said before
    list_labels: frozenset[str]  # "estratos 1, 2 y 3": a plural label before a list
    list_joiners: tuple[str, ...]  # "y", "and": between the items of a list of labels
    address_links: frozenset[str]  # "al" in "la avenida Cabildo al 2400"
    street_kinds: frozenset[str]  # "Avenue" in "300 Park Avenue": the figure before is an address
    weekday_determiners: tuple[str, ...]  # "el" in "el domingo 12": a day of the month
    day_joiners: tuple[str, ...]  # "al" in "del 18 al 19 de noviembre"
    clock_articles: tuple[str, ...]  # "las" in "después de las 7.15"
    decade_articles: frozenset[str]  # "los" in "los noventa", "los años 80"
    decade_nouns: frozenset[str]  # "años" there
    clock_from: tuple[str, ...]  # "de las" in "de las 10 a las 21 horas"
    clock_to: tuple[str, ...]  # "a las" there: the other end, a time of day too
    ordinal_suffixes: tuple[str, ...]
    subject_stop: frozenset[str]
    subject_skip: frozenset[str]
    amount_adjectives: frozenset[str]  # "fijos", "initial": of an amount, not what it is
    infinitive_marks: frozenset[str]  # "to" in "is set to fall 7%"
    adverb_endings: tuple[str, ...]  # "mente", "ly": "se quedó finalmente en 30,6 millones"
    time_determiners: frozenset[str]  # "this" in "fell 7% this year to"
    subject_joiners: tuple[str, ...]
    unit_joiners: frozenset[str]  # "de" in "20 millones de pesos"; not "del"
    place_nouns: frozenset[str]  # "estado" in "usuarios del estado": where, not what
    name_inner: frozenset[str]  # "la" in "Impuesto Sobre la Renta": inside a name
    # English ends a noun phrase with its head: a name after a common noun starts another
    # phrase ("its $52.3bn endowment Harvard is"), where Spanish may append it ("la presa
    # Paso Severino").
    head_last: bool
    agents: frozenset[str]  # "por", "by" after a participle: who did it, not what
    agent_participles: tuple[str, ...]  # "estimada", "estimated": before an agent
    subject_lead_in: frozenset[str]
    rate_words: frozenset[str]
    articles: frozenset[str]
    relativizers: frozenset[str]
    change_words: frozenset[str]
    level_words: frozenset[str]  # "high", "récord": where a figure stands, not what
    verbs: frozenset[str]
    verb_endings: tuple[str, ...]
    clause_joiners: frozenset[str]
    gapping: frozenset[str]  # "and" in "X burned 23,448 acres and the Eaton fire 14,021"
    referential: frozenset[str]
    measure_acronyms: frozenset[str]
    not_bodies: frozenset[str]  # "COVID", "AP": acronyms of no institution (common.toml)
    outlets: frozenset[str]  # "reuters", "europa press": bylines and sources, not owners
    percent_bases: frozenset[str]  # "del PIB", "of the population": what a share is of
    share_bases: tuple[str, ...]  # "PIB", "economic output": a share of them is no rate
    percent_marks: frozenset[str]  # every word of a percent's name: "%", "por", "ciento"
    whole_period: frozenset[str]  # "all" in "for all of 2024", "todo" in "durante todo 2024"
    verb_nouns: dict[str, str]  # "ingresó" → "ingresos": a verb that names its measure
    country_words: dict[str, str]  # "México", "EE.UU.", "mexicana" → its ISO code
    institutions: dict[str, str]  # "FMI" → "IMF": one body's acronym in another language
    # The nouns that name a measure, each with its concept across languages ("remesas"
    # and "remittances" → remittances): lang/glossary.toml.
    measure_names: dict[str, str]
    source_markers: tuple[str, ...]  # "según", "said": a clause that names a source
    contrasts: tuple[str, ...]  # "mientras que", "while": after a comma, another clause
    noun_endings: tuple[str, ...]  # "ción", "ment": a capitalised common noun, not a name
    auxiliaries: frozenset[str]
    copulas: frozenset[str]  # "eran", "were": a count's noun may follow them
    name_joiners: frozenset[str]  # "and", "y": between two names of one phrase
    adverbs: frozenset[str]  # "now", "ya": between a subject and its verb
    score_words: frozenset[str]  # "venció", "beat": "3-1" after them is a score
    score_after: frozenset[str]  # "win", "ruling": "a 3-1 win", "a 5-4 ruling"
    point_parts: frozenset[str]  # "décimas": alone, tenths of a percentage point
    tenors: frozenset[str]  # "bond", "bono": a term before or after them names the bond
    one_in_heads: tuple[str, ...]  # "uno", "one": the head of "one in five"
    one_in_joiners: tuple[str, ...]  # "de cada", "in", "out of"
    share_joiners: tuple[str, ...]  # "de cada", "in": after any part ("three in 10")
    purposes: frozenset[str]
    amount_words: frozenset[str]  # "inversión", "spending": money, not what it buys
    # What kind of measure a word makes a figure ("meta" → target, "creados" → flow):
    # two figures of different kinds are not one quantity.
    measure_kinds: dict[str, str]
    # "19 de las causas", "3,600 of the dead": right after a count, some of a whole
    partitive: tuple[str, ...]
    partitive_before: tuple[str, ...]  # "Del total, 83 millones": some of a whole said before
    # "9 menos que los 400", "five fewer than": right after a figure, a difference
    difference_after: tuple[str, ...]
    between: tuple[str, ...]  # "entre" in "la distancia entre A y B supera los 19 millones"
    per_unit: frozenset[str]  # "per", "por": before the unit a figure is per
    averaged: tuple[str, ...]  # "en promedio", "on average": before an average
    not_units: frozenset[str]  # "encima", "cent": what follows them and is no unit
    periods: dict[str, str]  # "mensual" → month, "annual" → year
    # "44 grados" next to "los termómetros": the words and the unit they make
    degree_words: frozenset[str]
    temperature_words: frozenset[str]
    temperature_unit: str
    # "girar 90 grados": the words, the words before the figure that make an angle of it
    angle_degrees: frozenset[str]
    angle_words: frozenset[str]
    angle_unit: str
    angle_units: dict[str, str]  # "girar 3 vueltas", "0.8rad": other units of angle
    angle_glued: frozenset[str]  # "rad": those that may touch the figure
    metres_after: tuple[str, ...]  # "1.8m tall": a glued "m" is metres before these
    # "50 meters per millisecond", "500 m³/s": a length or volume over a unit of time
    rate_joiners: tuple[str, ...]  # "per", "por"
    rate_article_joiners: tuple[str, ...]  # "a", "an", "al", "a la"
    rate_times: dict[str, str]  # "seconds", "horas" → second, hour (folded words)
    rate_time_symbols: dict[str, str]  # "s", "ms", "h" after "/": as written
    rate_ordinals: frozenset[str]  # "second": also an ordinal ("a second time")
    rate_not_after: frozenset[str]  # after an article: "an hour later", "a la hora de"
    # "5 ft 2 in": a unit → the unit of its part, how many make one, marks besides words
    unit_parts: dict[str, tuple[str, Decimal, tuple[str, ...]]]
    # Variants of one measure, by set and group: ("inflation", "core") ← "subyacente".
    variants: dict[str, tuple[str, str]]
    variant_defaults: dict[str, tuple[str, str]]  # "inflación" → (inflation, headline)
    parts: dict[str, str]  # "arma de fuego" → firearm: what restricts a measure to a part
    destinations: tuple[str, ...]  # "to", "hacia": before the country a flow goes to
    of_which: tuple[str, ...]  # "de los cuales", "of which": a part of the amount before
    ratio_not_after: frozenset[str]
    nationwide: tuple[str, ...]
    # "national": as likely to qualify something else ("national security"), so it does
    # not make an unnamed country meet a named one
    nationwide_adjectives: frozenset[str]
    # "el año pasado" → last_year, "un año antes" → year_before (the story's year's),
    # "the previous season" → earlier: times relative to the article's date
    relative_times: dict[str, str]
    compared: frozenset[str]  # "frente", "than": what precedes a comparison's base
    compared_written: tuple[str, ...]  # the same as written, for patterns
    compared_cues: tuple[str, ...]  # their last words, lower case: a quick test
    compared_relative: frozenset[str]  # "desde", "from": the same, before a relative time
    next_items: tuple[str, ...]  # "seguido de", "followed by": the next item of a list
    month_openers: tuple[str, ...]  # "en", "during": before a month a figure is for
    weeks: tuple[str, ...]  # "la semana": after them too, a week's figure
    since: frozenset[str]  # "desde", "since": a month after them starts a span
    since_clauses: tuple[str, ...]  # "desde que": the clause after them dates a start
    forecast: frozenset[str]  # "will", "prevé": a figure yet to happen
    future_endings: tuple[str, ...]  # "rá": a verb in the future ("invertirá")
    running: tuple[str, ...]  # "so far", "hasta ahora": a total as of the article's day
    perfect: frozenset[str]  # "has", "ha": before a participle, a total up to now
    participle_endings: tuple[str, ...]  # "ed", "ado": what a participle ends with
    states_words: tuple[str, ...]
    countries_words: frozenset[str]  # "países": a count of them is no part of a country
    superlatives: frozenset[str]  # "más", "busiest": the whole country after them frames
    abbreviations: frozenset[str]
    places: tuple[str, ...]
    countries: dict[str, str]  # a country's name, folded → its ISO code: "espana" → ES
    # a state's or region's name, folded → its country and first name: "catalonia" → (ES,
    # "cataluna"), so that its names in two languages meet
    states: dict[str, tuple[str, str]]
    capitals: frozenset[str]  # national capitals, folded: a dateline from one sets no scope
    arithmetic: Arithmetic

    def locale(self, name: str | None) -> Locale:
        """The locale called ``name`` ("es-ES"), or this language's default.

        A locale of another language ("en-MX" asked of Spanish) keeps its region's
        meaning of "$" where this language knows the region, else the default.
        """
        if name is None:
            return self.locales[self.default_locale]
        if name in self.locales:
            return self.locales[name]
        region = name.split("-")[-1].upper()
        for known, loc in self.locales.items():
            if known.split("-")[-1].upper() == region:
                return loc
        raise ConfigError(
            f"unknown locale {name!r} for language {self.code!r}; "
            f"known: {', '.join(sorted(self.locales))}"
        )


def _read(name: str) -> dict[str, Any]:
    data = resources.files("factcheck.lang").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(data)


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a data file (listed once: the package's files
    do not change while it runs).

    >>> available_languages()
    ('en', 'es')
    """
    names = [
        p.name.removesuffix(".toml")
        for p in resources.files("factcheck.lang").iterdir()
        if p.name.endswith(".toml")
        and p.name not in {"common.toml", "places.toml", "countries.toml", "glossary.toml"}
    ]
    return tuple(sorted(names))


@cache
def language(code: str) -> Language:
    """The :class:`Language` for an ISO 639-1 code ("es", "en"); region suffixes are ignored.

    >>> language("es-MX").scales[fold("billón")]
    Decimal('1000000000000')
    """
    base = code.split("-")[0].split("_")[0].lower()
    if base not in available_languages():
        raise ConfigError(
            f"no language data for {code!r}; available: {', '.join(available_languages())}"
        )
    d = _read(base)
    common = _read("common")
    places = _read("places")
    cldr = _read("countries")[base]
    glossary = _read("glossary")
    locales = {
        name: Locale(
            name,
            str(v["decimal"]),
            str(v["dollar"]),
            str(v.get("peso", "MXN")),
            tuple(v.get("names", ())),
            bool(v.get("inferred", True)),
            tuple(v.get("money", ())),
        )
        for name, v in d["locales"].items()
    }
    return Language(
        code=base,
        default_locale=d["default_locale"],
        locales=locales,
        numbers=_folded_map(d["numbers"]),
        weak_numbers=_folded_map(d.get("weak_numbers", {})),
        weak_units=frozenset(fold(w) for w in d.get("weak_units", ())),
        fraction_units=frozenset(fold(w) for w in d.get("fraction_units", ())),
        article_numbers=_folded_map(d["article_numbers"]),
        connectors=frozenset(d.get("connectors", [])),
        decimal_words=frozenset(fold(w) for w in d["decimal_words"]),
        fraction_joiners=frozenset(fold(w) for w in d["fraction_joiners"]),
        bare_fractions={fold(k): _dec(v) for k, v in d["bare_fractions"].items()},
        sign_words=frozenset(fold(w) for w in d["sign_words"]),
        sign_after=frozenset(fold(w) for w in d["sign_after"]),
        scales={fold(k): _dec(v) for k, v in d["scales"].items()},
        scale_currency={
            fold(k): (_dec(v[0]), str(v[1])) for k, v in d.get("scale_currency", {}).items()
        },
        abbreviated_scales={k: _dec(v) for k, v in common["abbreviated_scales"].items()},
        denominators=_folded_map(
            {**d.get("denominators", {}), **d.get("ordinal_denominators", {})}
        ),
        ordinal_denominators=frozenset(fold(w) for w in d.get("ordinal_denominators", {})),
        tens_ordinals=_folded_map(
            {**d.get("tens_ordinals", {}), **d.get("tens_ordinals_plural", {})}
        ),
        tens_ordinal_singulars=frozenset(fold(w) for w in d.get("tens_ordinals", {})),
        denominator_suffixes=tuple(fold(w) for w in d.get("denominator_suffixes", [])),
        denominator_joiners=tuple(fold(w) for w in d.get("denominator_joiners", [])),
        tens_connectors=frozenset(fold(w) for w in d.get("tens_connectors", [])),
        fraction_bars=frozenset(fold(w) for w in d.get("fraction_bars", [])),
        part_of_whole=frozenset(fold(w) for w in d.get("part_of_whole", [])),
        fraction_of=frozenset(fold(w) for w in d.get("fraction_of", [])),
        spaced_scales={k: _dec(v) for k, v in common["spaced_scales"].items()},
        vulgar_fractions={k: _dec(v) for k, v in common["vulgar_fractions"].items()},
        ratio_phrases={k: _dec(v) for k, v in d.get("ratio_phrases", {}).items()},
        bounded_ratios={k: _dec(v) for k, v in d.get("bounded_ratios", {}).items()},
        point_fractions={fold(k): Decimal(str(v)) for k, v in d["point_fractions"].items()},
        point_words=tuple(d["point_words"]["words"]),
        currency_words=d.get("currency_words", {}),
        currency_subunits={
            k: (v, _HUNDREDTH) if isinstance(v, str) else (v[0], Decimal(v[1]))
            for k, v in d["currency_subunits"].items()
        },
        glued_subunits=d["glued_subunits"],
        glued_not_prices=frozenset(d["glued_not_prices"]["words"]),
        currency_after_scale=d.get("currency_after_scale", {}),
        money_context=frozenset(fold(w) for w in d.get("money_context", {}).get("words", ())),
        currency_prefixes=common["currency_prefixes"],
        currency_codes=frozenset(common["currency_codes"]),
        million_codes=common["million_codes"],
        unglued_codes=frozenset(common["unglued_codes"]),
        lowercase_codes=frozenset(common["lowercase_codes"]),
        lowercase_prefixes=tuple(common["lowercase_prefixes"]),
        currency_suffixes=common["currency_suffixes"],
        suffixes_not_before_figure=frozenset(common["suffixes_not_before_figure"]),
        percent={**common["percent_symbols"], **d.get("percent_words", {})},
        glued_percent=tuple(d.get("glued_percent", {}).get("words", ())),
        cased_percent=frozenset(d.get("glued_percent", {}).get("cased", ())),
        units={
            **common["unit_symbols"],
            **common["cased_unit_symbols"],
            **d.get("unit_words", {}),
        },
        cased_units=frozenset(common["cased_unit_symbols"]),
        # Not a symbol that is also a scale: "£5m" is five million, not five metres.
        # ISO codes touch their figure in tables and wire copy: "115USD".
        glued_units=frozenset(
            k
            for k in (*common["unit_symbols"], *common["cased_unit_symbols"])
            if k[0].isalpha() and " " not in k and k not in common["abbreviated_scales"]
        )
        | frozenset(common["currency_codes"]).difference(common["unglued_codes"])
        # "100元": a currency mark that is a letter touches its figure as a unit does.
        | frozenset(k for k in common["currency_suffixes"] if k[0].isalpha())
        # "12bp": basis points as market copy writes them
        | frozenset(d.get("glued_percent", {}).get("words", ()))
        | frozenset(d.get("glued_percent", {}).get("cased", ()))
        # "0.8rad": read as an angle only after a word of turning (_measure._degrees)
        | frozenset(d["angle"].get("glued", ()))
        # "85p": read as pence only on a price's figure (_measure.glued_subunit)
        | frozenset(d["glued_subunits"]),
        dimensions=common["dimensions"],
        qualifiers_before=d.get("qualifiers_before", {}),
        qualifiers_after=d.get("qualifiers_after", {}),
        ranges=tuple((r["open"], r["join"]) for r in d.get("ranges", [])),
        steady_openers=frozenset(
            fold(r["open"].split()[-1])
            for r in d.get("ranges", [])
            if r["open"] and not r["change"]
        ),
        bound_joiners=tuple(d.get("bounds", {}).get("joiners", [])),
        time_spans=frozenset(fold(w) for w in d.get("bounds", {}).get("time_spans", [])),
        ages=tuple(d.get("bounds", {}).get("ages", [])),
        superlative=frozenset(fold(w) for w in d.get("bounds", {}).get("superlative", [])),
        particle_verbs=frozenset(fold(w) for w in d.get("bounds", {}).get("particle_verbs", [])),
        references=frozenset(fold(w) for w in d["bounds"]["references"]),
        references_after=tuple(d["bounds"]["references_after"]),
        reached=frozenset(fold(w) for w in d["bounds"]["reached"]),
        reached_not=frozenset(fold(w) for w in d["bounds"].get("reached_not", ())),
        reached_after=frozenset(fold(w) for w in d["bounds"].get("reached_after", ())),
        possibility=frozenset(fold(w) for w in d["bounds"].get("possibility", ())),
        bound_adjectives=frozenset(fold(w) for w in d["bounds"]["adjectives"]),
        conversion_links=tuple(d["conversion"]["links"]),
        conversion_periods=tuple(d["conversion"]["periods"]),
        conversion_not_after=tuple(fold(w) for w in d["conversion"].get("not_after", ())),
        months=frozenset(fold(m) for m in d["dates"]["months"]),
        month_order=tuple(tuple(m) for m in d["dates"].get("month_order", ())),
        weekdays=frozenset(fold(m) for m in d["dates"]["weekdays"]),
        weekday_order=tuple(fold(m) for m in d["dates"]["weekdays"]),
        openers=frozenset(fold(w) for w in d["subject"]["openers"]),
        generic_bodies=frozenset(fold(w) for w in d["subject"].get("generic_bodies", ())),
        year_words=frozenset(fold(w) for w in d["dates"]["year_words"]),
        year_before_figure=frozenset(fold(w) for w in d["dates"]["year_before_figure"]),
        year_bounds=frozenset(fold(w) for w in d["dates"]["year_bounds"]),
        clock_before=tuple(d["dates"]["clock_before"]),
        clock_joiners=tuple(d["dates"]["clock_joiners"]),
        date_joiners=tuple(d["dates"]["joiners"]),
        clock_after=tuple(d["dates"]["clock_after"]),
        labels=frozenset(fold(w) for w in d["labels"]["words"]),
        article_labels=frozenset(fold(w) for w in d["labels"]["after_article"]),
        label_adjectives=frozenset(fold(w) for w in d["labels"].get("label_adjectives", ())),
        elided_labels=frozenset(fold(w) for w in d["labels"].get("elided_after", ())),
        list_labels=frozenset(fold(w) for w in d["labels"]["lists"]),
        list_joiners=tuple(d["labels"]["list_joiners"]),
        address_links=frozenset(fold(w) for w in d["labels"]["address_links"]),
        street_kinds=frozenset(fold(w) for w in d["labels"]["street_kinds"]),
        weekday_determiners=tuple(d["dates"]["weekday_determiners"]),
        day_joiners=tuple(d["dates"]["day_joiners"]),
        clock_articles=tuple(d["dates"]["clock_articles"]),
        clock_from=tuple(d["dates"]["clock_from"]),
        decade_articles=frozenset(fold(w) for w in d["dates"]["decade_articles"]),
        decade_nouns=frozenset(fold(w) for w in d["dates"]["decade_nouns"]),
        clock_to=tuple(d["dates"]["clock_to"]),
        ordinal_suffixes=tuple(d["labels"]["ordinal_suffixes"]),
        subject_stop=frozenset(fold(w) for w in d["subject"]["stop"]),
        subject_skip=frozenset(fold(w) for w in d["subject"]["skip"]),
        amount_adjectives=frozenset(fold(w) for w in d["subject"]["amount_adjectives"]),
        infinitive_marks=frozenset(d["subject"]["infinitive_marks"]),
        adverb_endings=tuple(d["subject"]["adverb_endings"]),
        time_determiners=frozenset(d["subject"]["time_determiners"]),
        subject_joiners=tuple(d["subject"]["joiners"]),
        unit_joiners=frozenset(fold(w) for w in d["subject"]["unit_joiners"]),
        place_nouns=frozenset(fold(w) for w in d["subject"].get("place_nouns", ())),
        name_inner=frozenset(fold(w) for w in d["subject"].get("name_inner", ())),
        head_last=bool(d["subject"].get("head_last", False)),
        agents=frozenset(fold(w) for w in d["subject"].get("agents", ())),
        agent_participles=tuple(d["subject"].get("agent_participles", ())),
        subject_lead_in=frozenset(fold(w) for w in d["subject"]["lead_in"]),
        rate_words=frozenset(fold(w) for w in d["subject"]["rate_words"]),
        articles=frozenset(fold(w) for w in d["subject"]["articles"]),
        relativizers=frozenset(fold(w) for w in d["subject"]["relativizers"]),
        change_words=frozenset(fold(w) for w in d["subject"]["change_words"]),
        level_words=frozenset(fold(w) for w in d["subject"]["level_words"]),
        # written, not folded: "aumentó" is a verb, "aumento" a noun
        verbs=frozenset(d["subject"]["verbs"]),
        verb_endings=tuple(d["subject"]["verb_endings"]),
        clause_joiners=frozenset(fold(w) for w in d["subject"]["clause_joiners"]),
        gapping=frozenset(fold(w) for w in d["subject"]["gapping"]),
        referential=frozenset(fold(w) for w in d["subject"]["referential"]),
        measure_acronyms=frozenset(fold(w) for w in d["subject"]["measure_acronyms"]),
        not_bodies=frozenset(fold(w) for w in common["not_bodies"]),
        outlets=frozenset(fold(w) for w in common["outlets"]),
        percent_bases=frozenset(fold(w).lower() for w in d["subject"]["percent_bases"]),
        share_bases=tuple(d["subject"]["share_bases"]),
        percent_marks=frozenset(
            w
            for k in (*common["percent_symbols"], *d.get("percent_words", {}))
            for w in fold(k).split()
        ),
        whole_period=frozenset(fold(w) for w in d["subject"]["whole_period"]),
        verb_nouns={fold(k): v for k, v in d["subject"]["verb_nouns"]},
        country_words={
            **{name: code for code, name in cldr.items()},
            **{w: code for code, words in d["countries"].items() for w in words},
        },
        institutions={
            a: body for body, acronyms in d.get("institutions", {}).items() for a in acronyms
        },
        source_markers=tuple(fold(w) for w in d["sources"]["markers"]),
        contrasts=tuple(
            sorted((fold(w) for w in d["sources"]["contrasts"]), key=len, reverse=True)
        ),
        measure_names={
            fold(w): concept for concept, names in glossary.items() for w in names.get(base, ())
        },
        noun_endings=tuple(d["subject"]["noun_endings"]),
        auxiliaries=frozenset(fold(w) for w in d["subject"].get("auxiliaries", ())),
        copulas=frozenset(fold(w) for w in d["subject"]["copulas"]),
        name_joiners=frozenset(fold(w) for w in d["subject"]["name_joiners"]),
        adverbs=frozenset(fold(w) for w in d["subject"]["adverbs"]),
        score_words=frozenset(fold(w) for w in d["scores"]["words"]),
        score_after=frozenset(fold(w) for w in d["scores"]["after"]),
        point_parts=frozenset(fold(w) for w in d["point_parts"]["words"]),
        tenors=frozenset(fold(w) for w in d["tenors"]["words"]),
        one_in_heads=tuple(d["one_in"]["heads"]),
        one_in_joiners=tuple(d["one_in"]["joiners"]),
        share_joiners=tuple(d["one_in"].get("share_joiners", [])),
        purposes=frozenset(fold(w) for w in d["subject"].get("purposes", ())),
        amount_words=frozenset(fold(w) for w in d["subject"]["amount_words"]),
        per_unit=frozenset(fold(w) for w in d["per_unit"]["words"]),
        averaged=tuple(fold(w) for w in d["per_unit"].get("averaged", ())),
        not_units=frozenset(fold(w) for w in d["per_unit"]["not_units"]),
        measure_kinds={
            fold(w): kind for kind, ws in d.get("measure_kinds", {}).items() for w in ws
        },
        partitive=tuple(fold(w) for w in d["per_unit"].get("partitive", ())),
        partitive_before=tuple(fold(w) for w in d["per_unit"].get("partitive_before", ())),
        difference_after=tuple(fold(w) for w in d["per_unit"].get("difference_after", ())),
        between=tuple(fold(w) for w in d["per_unit"]["between"]),
        periods={fold(w): period for period, ws in d["periods"].items() for w in ws},
        degree_words=frozenset(fold(w) for w in d["temperature"]["degrees"]),
        temperature_words=frozenset(fold(w) for w in d["temperature"]["words"]),
        temperature_unit=str(d["temperature"]["unit"]),
        angle_degrees=frozenset(fold(w) for w in d["angle"]["degrees"]),
        angle_words=frozenset(fold(w) for w in d["angle"]["words"]),
        angle_unit=str(d["angle"]["unit"]),
        angle_units={fold(k): str(v) for k, v in d["angle"].get("units", {}).items()},
        angle_glued=frozenset(fold(w) for w in d["angle"].get("glued", ())),
        metres_after=tuple(d["metres"]["after"]),
        rate_joiners=tuple(d["rates"]["joiners"]),
        rate_article_joiners=tuple(d["rates"]["article_joiners"]),
        rate_times={fold(k): str(v) for k, v in d["rates"]["times"].items()},
        rate_time_symbols=dict(common["rate_time_symbols"]),
        rate_ordinals=frozenset(fold(w) for w in d["rates"]["ordinals"]),
        rate_not_after=frozenset(fold(w) for w in d["rates"]["not_after"]),
        unit_parts={
            whole: (str(v["part"]), _dec(v["per"]), tuple(v["marks"]))
            for whole, v in common["unit_parts"].items()
        },
        variants={
            fold(w): (name, group)
            for name, groups in d["variants"].items()
            for group, ws in groups.items()
            for w in ws
        },
        variant_defaults={fold(k): (v[0], v[1]) for k, v in d["variant_defaults"].items()},
        parts={fold(w): part for part, ws in d["parts"].items() for w in ws},
        destinations=tuple(d.get("destinations", {}).get("words", ())),
        of_which=tuple(fold(w) for w in d.get("of_which", {}).get("words", ())),
        ratio_not_after=frozenset(fold(w) for w in d["ratio_not_after"]),
        nationwide=tuple(d["scope"]["nationwide"]),
        nationwide_adjectives=frozenset(fold(w) for w in d["scope"]["nationwide_adjectives"]),
        relative_times={
            w: kind
            for kind in ("last_year", "year_before", "earlier", "last_month")
            for w in d["scope"][kind]
        },
        compared=frozenset(fold(w) for w in d["scope"]["compared"]),
        compared_written=tuple(d["scope"]["compared"]),
        compared_cues=tuple(
            {
                w.split()[-1].lower()
                for w in (*d["scope"]["compared"], *d["scope"]["compared_relative"])
            }
        ),
        compared_relative=frozenset(fold(w) for w in d["scope"]["compared_relative"]),
        next_items=tuple(d["scope"]["next_items"]),
        month_openers=tuple(d["scope"]["month_openers"]),
        weeks=tuple(d["scope"]["weeks"]),
        since=frozenset(fold(w) for w in d["scope"]["since"]),
        since_clauses=tuple(fold(w) for w in d["scope"]["since_clauses"]),
        forecast=frozenset(fold(w) for w in d["scope"]["forecast"]),
        future_endings=tuple(d["scope"]["future_endings"]),
        running=tuple(fold(w) for w in d["scope"]["running"]),
        perfect=frozenset(fold(w) for w in d["scope"]["perfect"]),
        participle_endings=tuple(d["scope"]["participle_endings"]),
        states_words=tuple(d["scope"]["states_word"]),
        countries_words=frozenset(fold(w) for w in d["scope"]["countries_word"]),
        superlatives=frozenset(fold(w) for w in d["scope"]["superlatives"]),
        abbreviations=frozenset(fold(w) for w in d["sentences"]["abbreviations"]),
        places=tuple(
            name
            for names in (
                *(n for states in places["states"].values() for n in states),
                *(n for countries in places["countries"].values() for n in countries),
            )
            for name in names.split("|")
        ),
        countries={fold(c): code for code, names in places["countries"].items() for c in names},
        states={
            fold(name): (code, fold(names.split("|")[0]))
            for code, states in places["states"].items()
            for names in states
            for name in names.split("|")
        },
        capitals=frozenset(fold(c) for names in places["capitals"].values() for c in names),
        arithmetic=_arithmetic(d["arithmetic"]),
    )

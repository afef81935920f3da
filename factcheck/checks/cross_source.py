"""Cross-source and repetition checks: claims of one cluster that disagree.

Intervals are compared, not points ("más de 440 millones" and "448.3 millones"
agree). When two figures cannot both hold, time and scope decide the verdict:

- a count for the whole country below a count for part of it is a contradiction,
  whatever the dates (81 hospitals nationwide against 714 in 23 states);
- different years: ``differs_by_time``; different places: ``differs_by_scope``;
- same year and place: ``inconsistent`` (error); scope unknown on one side:
  ``inconsistent`` (warning, likely).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache

from factcheck.checks.conversion import rate_text, slip_factor, times
from factcheck.checks.intervals import base_bounds, overlap
from factcheck.checks.links import clip
from factcheck.cluster import (
    cities,
    city_countries,
    countries,
    country_mentions,
    mistyped,
    per_unit,
    rescaled,
    transposed,
    years_in,
)
from factcheck.config import Config
from factcheck.lang import fold, language, unaccented
from factcheck.model import Check, Claim, Cluster, Document, Severity, Verdict
from factcheck.rates import Rate, RateTable
from factcheck.scope import sentence_scope

__all__ = ["check_clusters", "place_kind"]

_CENT = Decimal("0.01")
# Quantities that add up over places: a part cannot exceed its whole.
_ADDITIVE = frozenset({"count", "money"})


def place_kind(place: str | None, lang: str) -> tuple[str, str | None] | None:
    """("country", its code) for a country or the whole country ("en todo el país": the
    article's, unnamed), ("part", its country's code) for a state or region, ("part",
    None) for "23 estados"; else None.

    >>> [place_kind(p, "es") for p in ("en todo el país", "México", "23 estados", "Sonora")]
    [('country', None), ('country', 'MX'), ('part', None), ('part', 'MX')]
    >>> [place_kind(p, "en") for p in ("New Mexico", "Scotland", "the sierra")]
    [('part', 'US'), ('part', 'GB'), None]
    """
    if not place:
        return None
    data = language(lang)
    folded = fold(place)
    if folded in {fold(p) for p in data.nationwide}:
        return "country", None
    if folded in data.countries:
        return "country", data.countries[folded]
    if place[0].isdigit() or folded.split()[0] in data.numbers:
        return None if folded.split()[-1] in data.countries_words else ("part", None)
    if folded in data.states:
        return "part", data.states[folded][0]
    return None


def _named(place: str, lang: str) -> str:
    """A place's one name, so that its names in two languages meet: "Catalonia" and
    "Cataluña" are one region, "Spain" and "España" one country."""
    folded = fold(place)
    data = language(lang)
    state = data.states.get(folded)
    if state:
        return state[1]
    words = folded.split()
    # "en México", "in Mexico", "en todo México": the whole country, named
    country = next(
        (c for i in range(len(words)) if (c := data.countries.get(" ".join(words[i:])))), None
    )
    return country or folded


def _one_country(a: _Scope, b: _Scope) -> bool:
    """Whether one figure's whole country unnamed ("en todo el país") is the country the
    other's names: an article need not name its own country, unless it names only others.
    """
    ka, kb = _country(a), _country(b)
    if not (ka and kb) or (ka[0] is None) == (kb[0] is None):
        return False
    unnamed, code = (a, kb[0]) if ka[0] is None else (b, ka[0])
    named = _countries(unnamed.document.text, unnamed.lang)
    return not named or code in named


def _country(scope: _Scope) -> tuple[str | None] | None:
    """The code of the country a figure's place names, (None,) for the whole country
    unnamed ("del país"), None for any other place. "en México" names Mexico."""
    kind = place_kind(scope.place, scope.lang)
    if not kind or kind[0] != "country":
        return None
    data = language(scope.lang)
    if kind[1] is None and fold(scope.place or "") in data.nationwide_adjectives:
        return None
    named = _named(scope.place or "", scope.lang)
    return (kind[1] or (named if named in data.countries.values() else None),)


def _inside(part: tuple[str, str | None] | None, whole: tuple[str, str | None] | None) -> bool:
    """Whether a part lies in the whole: Sonora in Mexico or in "todo el país", Texas in
    neither Mexico nor Canada. An unnamed side ("23 estados", "nationwide") is taken to
    be in the other's country, as an article's own figures are."""
    if not (part and whole and part[0] == "part" and whole[0] == "country"):
        return False
    return part[1] is None or whole[1] is None or part[1] == whole[1]


@dataclass(frozen=True, slots=True)
class _Scope:
    claim: Claim
    document: Document
    lang: str
    years: frozenset[int]
    place: str | None
    stated: bool  # the sentence itself gives a year or a place
    # value, low and high in base units: "120 kilometres" and "75 miles" are one length
    span: tuple[Decimal, Decimal | None, Decimal | None]
    earlier: bool = False  # for a period before the article's, unnamed: "last season"
    month: str | None = None  # the month it is for, with no year: "en diciembre"
    forecast: bool = False  # yet to happen: "will be freed", "invertirá"
    running: bool = False  # a total up to the article's day: "has burned", "hasta ahora"
    rate: bool = False  # per unit ("613 casos cada 100.000"): adds up over no places
    day: Date | None = None  # the day its sentence names: "este martes", "on Monday"
    # The year its article's date gives it, where the lead's year replaced it
    # (:func:`_lead_year`): beside the article's own figures that name a year, the lead
    # says nothing of it ("302,000 migrants crossed last year" and "has deported 1,600").
    published: frozenset[int] | None = None

    @property
    def where(self) -> str:
        when = self.document.date.isoformat() if self.document.date else "no date"
        return f"{self.document.id}, {when}" + (f", {self.place}" if self.place else "")


_PARAGRAPH = 2000  # characters looked back for a paragraph's start


def _paragraph_place(doc: Document, claim: Claim, lang: str) -> str | None:
    """The last place named before a figure's sentence in its paragraph: "En la provincia
    de Buenos Aires, el ministro señaló... La provincia acumula 84.109 casos"."""
    at = doc.text.find(claim.sentence, max(0, claim.start - len(claim.sentence)))
    if at <= 0:
        return None
    opening = doc.text.rfind("\n", max(0, at - _PARAGRAPH), at) + 1
    paragraph = _without_capital_dateline(doc.text[opening:at], lang)
    scope = sentence_scope(paragraph, language(lang))
    if scope.places.texts:
        return scope.places.texts[-1]
    named = cities(paragraph)  # "En la provincia de Buenos Aires, ..."
    return named[-1] if named else None


def _document_place(doc: Document, lang: str) -> str | None:
    """The place an article is about when a sentence does not say: the first one its
    opening lines name, or its title's. A lead sets the story's scope; a headline may
    name the place that stands out ("..., pero Guanajuato sigue en primer lugar" over a
    story about the whole country). The lead is the first paragraph: a place the
    second one names ("El adeudo ha golpeado a empresas de Campeche") is a detail."""
    text = doc.text.lstrip()
    end = text.find("\n", 1)
    return _lead_place(text[: _LEAD if end < 0 else min(end, _LEAD)], doc.title or "", lang)


_LEAD = 300  # characters of the first paragraph read for the story's place


# A dateline at a line's start: "MEXICO CITY (AP) —", "Ciudad de México.-", "BOGOTA,
# April 11 (Reuters) -", "HERMOSILLO, Sonora.-".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][\w'’ ]{1,40}?)(?:,[^\n.()—–-]{1,30})?"
    r"(?:[ \t]*\([^)\n]{1,25}\))?[ \t]*(?:\.[-–—]|[ \t]?[—–]|[ \t]-)[ \t]",
    re.MULTILINE,
)


def _without_capital_dateline(text: str, lang: str) -> str:
    """``text`` with a dateline that names a national capital blanked: a story filed
    from the capital is most often about the whole country, and one filed from
    elsewhere ("HERMOSILLO, Sonora.-") about its place.

    >>> _without_capital_dateline("MEXICO CITY (AP) — Sheinbaum won", "en").strip()
    'Sheinbaum won'
    >>> _without_capital_dateline("HERMOSILLO, Sonora.- El IMSS", "es")
    'HERMOSILLO, Sonora.- El IMSS'
    """
    capitals = language(lang).capitals

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group()) if fold(m.group("place").strip()) in capitals else m.group()

    return _DATELINE.sub(blank, text)


@lru_cache(maxsize=256)
def _lead_place(lead: str, title: str, lang: str) -> str | None:
    # Read once per article, not once per figure of it that names no place.
    for head in (_without_capital_dateline(lead, lang), title):
        scope = sentence_scope(head, language(lang))
        located = _located(head, scope.places.texts, lang)
        if located or scope.places.texts:
            return located or _broadest(scope.places.texts, lang)
    return None


def _broadest(places: Sequence[str], lang: str) -> str:
    """The first place a lead names, or the country it names when all the others lie in
    it: "MEXICO CITY (AP) — Claudia Sheinbaum, a former Mexico City mayor, won Mexico's
    presidential election" is a story on Mexico. (A lead that places its story in a
    city says so: :func:`_located`.)

    >>> _broadest(["Mexico City", "Mexico"], "en"), _broadest(["Texas", "Mexico"], "en")
    ('Mexico', 'Texas')
    """
    for place in places:
        kind = place_kind(place, lang)
        if not kind or kind[0] != "country" or not kind[1]:
            continue
        code = kind[1]
        if all(
            other == place
            or place_kind(other, lang) == ("part", code)
            or code in city_countries(other)
            for other in places
        ):
            return place
    return places[0]


# How far before a city or state the country that locates it may stand: "Colombia's
# capital Bogota", "Mexico's northern state of Chihuahua", "la ciudad chilena de Viña".
_LOCATED_WITHIN = 30


def _located(text: str, places: Sequence[str], lang: str) -> str | None:
    """The first city or state ``text`` places in its country, as a lead does to say
    where its story is: "Colombia's capital Bogota began rationing water" is about
    Bogotá, not Colombia; "Mexico's economy grew" names no such place, and "en Chile y
    el Biobío" names two.

    >>> _located("Colombia's capital Bogota began rationing water", ["Colombia"], "en")
    'Bogota'
    >>> _located("la ciudad chilena de Viña del Mar", [], "es")
    'Viña del Mar'
    >>> _located("Secuestros se disparan en Chile y el Biobío", ["Chile", "Biobío"], "es")
    """
    data = language(lang)
    mentions = country_mentions(text, lang)
    for name in [*cities(text), *places]:
        kind = place_kind(name, lang)
        codes = city_countries(name) | (
            {kind[1]} if kind and kind[0] == "part" and kind[1] else set()
        )
        at = text.find(name)
        for start, end, code in mentions:
            between = text[end:at]
            if (
                code not in codes
                or not 0 <= at - end <= _LOCATED_WITHIN
                or any(m in between for m in ".;")
            ):
                continue
            if any(fold(w) in data.list_joiners for w in between.split()):
                continue  # "Chile y el Biobío": two places
            # A country's name locates a place as a possessive ("Colombia's capital"); a
            # demonym does as an adjective ("la capital colombiana, Bogotá").
            if fold(text[start:end]) not in data.countries or between[:2] in ("'s", "’s"):
                return name
    return None


def _scope(claim: Claim, doc: Document, lead: frozenset[int] = frozenset()) -> _Scope:
    """What a figure is for; ``lead`` is the year its article's lead gives its story
    (:func:`_lead_year`), that of a figure that names none."""
    lang = doc.lang if doc.lang in {"es", "en"} else "es"
    years = _stated_years(claim.time, doc, lang, lead)
    relative = _relative_time(claim.time, lang)
    stated = bool(years or claim.place or relative)
    month = _month(claim.time, lang) or _month(claim.subject, lang)  # "inflación de diciembre"
    number = _month_number(month, lang)
    if relative == "last_month" and doc.date:
        number = doc.date.month - 1 or 12  # "last month" in a July article is June
    published = None
    if not years and doc.date and relative != "earlier":
        # December's figure in a January article is last year's.
        later = (number or 0) > doc.date.month
        years = frozenset({doc.date.year - 1 if later else doc.date.year})
        if lead and not number:
            years, published = lead, years
    if number:
        month = f"month {number}"  # "June", "junio" and "last month" in July meet
    # A city the sentence names, when its figure has no place of its own: Bogotá's
    # homicides and Medellín's differ by scope, they do not contradict each other.
    place = (
        claim.place
        or next(iter(cities(claim.sentence)), None)
        or _paragraph_place(doc, claim, lang)
        or _document_place(doc, lang)
    )
    return _Scope(
        claim,
        doc,
        lang,
        years,
        place,
        stated,
        base_bounds(claim, lang, doc.locale),
        earlier=relative == "earlier",
        month=month,
        forecast=_forecast(claim, lang),
        running=_running(claim, lang),
        rate=per_unit(claim),
        day=_named_day(_before_figure(claim), doc.date, lang),
        published=published,
    )


def _stated_years(
    time: str | None, doc: Document, lang: str, lead: frozenset[int] = frozenset()
) -> frozenset[int]:
    """The years a figure's own words give it: "en 2023", "last year", "a year earlier"
    (the year before the story's: its lead's, else the article's)."""
    relative = _relative_time(time, lang)
    if relative in ("last_year", "year_before") and doc.date:
        story = next(iter(lead)) if relative == "year_before" and len(lead) == 1 else None
        return frozenset({(story or doc.date.year) - 1})
    return years_in(time)


def _lead_year(doc: Document, first: Claim | None) -> frozenset[int]:
    """The year an article's lead gives its story when it is the year before the
    article's: "Colombia cerró 2023 con 253.000 hectáreas" in October 2024, "posted
    record export sales last year" in January 2025. An annual figure reported the year
    after names its year once, in the lead; the article's figures that name none are
    that year's, not the year it was published ("la producción potencial de cocaína
    llegó a 2.664 toneladas" is 2023's). The lead's first figure decides, by its own
    time ("frente a las 230.000 de 2022" after it is the comparison's); a lead with no
    figure, by the first time it names. ``first`` is the article's first figure."""
    if doc.date is None:
        return frozenset()
    lang = doc.lang if doc.lang in {"es", "en"} else "es"
    body = doc.text.lstrip()
    opening = len(doc.text) - len(body)
    end = body.find("\n")
    end = len(body) if end < 0 else end
    if first is not None and first.start < opening + end:
        times: Sequence[str | None] = [first.time]
    else:
        times = sentence_scope(body[: min(end, _LEAD)], language(lang)).times.texts
    # "un año antes" in a lead is the year before the story's, which it does not name
    found = (_stated_years(t, doc, lang) for t in times if _relative_time(t, lang) != "year_before")
    years = next((y for y in found if y), frozenset())
    return years if years == {doc.date.year - 1} else frozenset()


def _before_figure(claim: Claim) -> str:
    """The words of a figure's sentence before it."""
    at = claim.sentence.find(claim.text)
    return claim.sentence[: max(at, 0)]


def _named_day(words: str, published: Date | None, lang: str) -> Date | None:
    """The day the words before a figure say it is for, by a weekday the article's date
    makes a date: the last such day on or before it ("tenía este martes 2,4 millones" in
    a Tuesday's article is that day; "On Monday, the toll rose to" in a Wednesday's is
    two days before). After the figure a weekday tends to date something else ("figures
    published on Thursday", "the strike, which ended on Wednesday"), and words that name
    two weekdays name none."""
    if published is None:
        return None
    order = language(lang).weekday_order  # Monday first, as ``date.weekday()`` counts
    named = {w for w in _WORD.findall(fold(words)) if w in order}
    if len(named) != 1:
        return None
    weekday = order.index(named.pop())
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _other_days(a: _Scope, b: _Scope) -> str | None:
    """Why two figures a day or more apart may differ: a reservoir's level, a toll, a
    count of cases moves from one day to the next ("el 3,6% de su capacidad" this
    Tuesday, "el 3,3%" on Wednesday)."""
    if a.day is None or b.day is None or a.day == b.day:
        return None
    return (
        f"The figures are for different days ({a.day.isoformat()} and {b.day.isoformat()}): "
        "a running figure may have moved."
    )


_WORD = re.compile(r"[^\W\d_]+")
# Words around a figure its tense is read from: "la entidad proyecta que el tráfico
# nacional supere los 35 millones".
_FORECAST_BEFORE, _FORECAST_AFTER = 7, 5


def _forecast(claim: Claim, lang: str) -> bool:
    """Whether a figure is yet to happen, a plan or a forecast: "1,100 prisoners are due
    to be released", "5,500 inmates will be freed", "la inversión será de 400 millones",
    "invertirá 4.000 millones"."""
    data = language(lang)
    at = claim.sentence.find(claim.text)
    if at < 0:
        return False
    before = _WORD.findall(claim.sentence[:at])[-_FORECAST_BEFORE:]
    after = _WORD.findall(claim.sentence[at + len(claim.text) :])[:_FORECAST_AFTER]
    return any(
        fold(w) in data.forecast or (len(w) > 4 and w.endswith(data.future_endings))
        for w in (*before, *after)
    )


def _running(claim: Claim, lang: str) -> bool:
    """Whether a figure is a total up to the article's day, which moves from one day to
    the next: "had burned 20,438 acres", "ha quemado 9.596 hectáreas", "29 deaths so
    far". A perfect before a word that is no participle is a verb of having: "has 714
    hospitals"."""
    data = language(lang)
    folded = unaccented(claim.sentence.casefold())  # a sentence: not for fold's cache
    if any(phrase in folded for phrase in data.running):
        return True
    words = [fold(w) for w in _WORD.findall(_before_figure(claim))][-_FORECAST_BEFORE:]
    return any(
        w in data.perfect and nxt.endswith(data.participle_endings)
        for w, nxt in itertools.pairwise(words)
    )


def _month(time: str | None, lang: str) -> str | None:
    """The month a time names alone ("en diciembre", "in December"), folded, or "week"
    for a week ("en la semana epidemiológica 15")."""
    if not time or years_in(time):
        return None
    data = language(lang)
    folded = fold(time)
    if any(fold(w) in folded for w in data.weeks):
        return "week"
    return next((w for w in folded.split() if w in data.months and len(w) > 3), None)


def _month_number(month: str | None, lang: str) -> int | None:
    """1 for "enero" or "january", ..., 12 for "diciembre"; None for no month or a week."""
    if not month:
        return None
    order = language(lang).month_order
    return next((k for k, heads in enumerate(order, 1) if month.startswith(heads)), None)


def _relative_time(time: str | None, lang: str) -> str | None:
    """ "last_year" for "el año pasado", "year_before" for "un año antes", "earlier" for
    "the previous season", else None."""
    if not time:
        return None
    relative = language(lang).relative_times
    folded = fold(" ".join(time.lower().split()))
    return next((kind for phrase, kind in relative.items() if fold(phrase) == folded), None)


def _placed_elsewhere(a: _Scope, b: _Scope) -> str | None:
    """Why ``b``'s figure, which names no place, is not for ``a``'s place: an article
    that gives a state's figure names the state ("3.9 millones de dosis en el Estado de
    México" is not restated by an article that never names it), and one about another
    country names that country. A whole country unnamed ("a nivel nacional") tells
    nothing: a paper need not name its own country."""
    if not a.place or b.place or a.claim.doc_id == b.claim.doc_id:
        return None
    kind = place_kind(a.place, a.lang)
    text = b.document.text
    if kind and kind[0] == "country":
        named = _countries(text, b.lang)
        if kind[1] is None or not named or kind[1] in named:
            return None
    elif fold(a.place) in _folded(text):
        return None
    return (
        f"One figure is for {a.place} ({a.claim.text}); the other article ({b.document.id}) "
        f"does not name {a.place}: different places."
    )


@lru_cache(maxsize=64)
def _countries(text: str, lang: str) -> frozenset[str]:
    return countries(text, lang)  # a document's, asked once per pair of its figures


@lru_cache(maxsize=64)
def _folded(text: str) -> str:
    return unaccented(text.casefold())  # not `fold`, whose cache is for words


def _part_below_unplaced(part: _Scope, other: _Scope) -> str | None:
    """Why a region's figure below one that names no place is no contradiction: the
    other may be the whole country's, which an article need not name ("868 causas
    ingresaron al Ministerio Público" and "la Región de Valparaíso cerró 2024 con 71"),
    and so is a city's ("210 mil pasajeros" at the Mérida station of a train that
    carried "más de 1 millón"). A region's figure above it stays a question: no whole
    is below its part."""
    kind = place_kind(part.place, part.lang)
    city = kind is None and bool(part.place and city_countries(part.place))
    if not (city or (kind and kind[0] == "part")) or other.place or other.span[1] is None:
        return None
    if part.span[2] is None or part.span[2] > other.span[1]:
        return None
    return (
        f"One figure is for {part.place} ({part.claim.text}); the other "
        f"({other.claim.text}, {other.document.id}) names no place and is larger: it may "
        "be the whole country's."
    )


def _whole_above_unplaced(whole: _Scope, other: _Scope) -> str | None:
    """Why an article's figure for its whole country above another of its figures that
    names no place is no contradiction: an article says "a nivel nacional" or
    "nationwide" to set the country's figure beside the one it is about ("los
    aeropuertos del país movilizaron 43.8 millones" in a story on one airport's 24.6
    millones). Across articles the unplaced one may be the whole country's, unnamed."""
    kind = place_kind(whole.place, whole.lang)
    if not kind or kind[0] != "country" or other.place or whole.claim.doc_id != other.claim.doc_id:
        return None
    if whole.span[1] is None or other.span[2] is None or whole.span[1] <= other.span[2]:
        return None
    return (
        f"The article gives {whole.claim.text} for the whole country ({whole.place}) and "
        f"{other.claim.text} for what it is about, named no place: a part of it."
    )


def _whole_and_part(a: _Scope, b: _Scope) -> tuple[_Scope, _Scope] | None:
    """The figure for a country and the one for a part of it, when the pair is such."""
    ka, kb = place_kind(a.place, a.lang), place_kind(b.place, b.lang)
    if _inside(kb, ka):
        return a, b
    if _inside(ka, kb):
        return b, a
    return None


def _periods_apart(a: _Scope, b: _Scope) -> str | None:
    """Why two figures of one year are for different periods: a month's and the year's,
    a plan and what happened, an earlier period and today's."""
    if a.month != b.month and not a.earlier and not b.earlier:
        months = " and ".join(f"{s.claim.text}: {s.claim.time}" for s in (a, b) if s.month)
        return (
            f"The figures are for different periods ({months}; the other for the year or "
            "another month): a month's figure is not a year's."
        )
    if a.forecast != b.forecast:
        plan = a if a.forecast else b
        return (
            f"One figure is a plan or forecast ({plan.claim.text}: "
            f'"{clip(plan.claim.sentence, 80)}"), the other what happened.'
        )
    if a.earlier != b.earlier:
        earlier = a if a.earlier else b
        return (
            f"One figure is for an earlier period ({earlier.claim.time}: "
            f"{earlier.claim.text}): a change over time, not necessarily an error."
        )
    return None


# Days between two articles past which a figure that says not when it is for may have
# moved: an outbreak's cases, a tally of arrivals, a fund's assets "to date".
_UNDATED_GAP_DAYS = 28


def _dated_apart(a: _Scope, b: _Scope) -> str | None:
    """Why two figures that say nothing of when they are for may differ with time: their
    articles are weeks apart ("290,000 confirmed cases" on 16 April, "420.867 casos
    confirmados" on 14 May), or days apart where both tell a total up to their day and
    the later is the larger, as a running total grows ("had burned 20,438 acres" on 10
    January, "ha quemado 9.596 hectáreas" on the 14th). A running total that shrank
    from one day to a later one is no change over time ("312 defunciones", then "132"),
    nor is one article's running total against another's plain past ("have shipped
    110,000 tons", then "enviaron 130 mil toneladas" the next day)."""
    da, db = a.document.date, b.document.date
    if a.claim.time or b.claim.time or da is None or db is None:
        return None
    days = abs((da - db).days)
    if days <= _UNDATED_GAP_DAYS and not (a.running and b.running and _grew(a, b)):
        return None
    return (
        f"Neither figure says when it is for, and the articles are {days} days apart "
        f"({da.isoformat()} and {db.isoformat()}): a running total may have moved."
    )


def _grew(a: _Scope, b: _Scope) -> bool:
    """Whether the figure of the later article is the larger."""
    da, db = a.document.date, b.document.date
    if da is None or db is None or da == db:
        return False
    earlier, later = (a, b) if da < db else (b, a)
    return later.span[0] > earlier.span[0]


def _verdict(a: _Scope, b: _Scope) -> tuple[Verdict, Severity, str]:
    dimension = a.claim.quantity.dimension
    whole_and_part = _whole_and_part(a, b)
    # Of one kind of period: a year's figure may be set against another year's (a count
    # of hospitals does not fall tenfold in a year), not against a month's, a plan's or
    # a span of years' ("in 2023 and 2024").
    spans = (len(a.years) > 1 or len(b.years) > 1) and a.years != b.years
    one_period = (
        not spans
        and (a.earlier, a.month, a.forecast) == (b.earlier, b.month, b.forecast)
        and not _other_days(a, b)
    )
    # Rates do not add up over places: Tucumán's cases per 100,000 may pass the country's.
    additive = dimension in _ADDITIVE and not (a.rate or b.rate)
    if additive and whole_and_part and one_period:
        whole, part = whole_and_part
        if whole.span[0] < part.span[0]:
            return (
                "inconsistent",
                "error",
                (
                    f"A figure for the whole country ({whole.claim.text}, {whole.place}) cannot be "
                    f"below the figure for part of it ({part.claim.text}, {part.place})."
                ),
            )
    # "in 2023 and 2024" is not 2024: a span of years counts more than one of them
    if a.years and b.years and a.years != b.years:
        return (
            "differs_by_time",
            "info",
            (
                f"The figures are for different years ({sorted(a.years)} and {sorted(b.years)}): "
                "a change over time, not necessarily an error."
            ),
        )
    apart = _periods_apart(a, b) or _dated_apart(a, b) or _other_days(a, b)
    if apart:
        return "differs_by_time", "info", apart
    if (
        a.place
        and b.place
        and _named(a.place, a.lang) != _named(b.place, b.lang)
        and not _one_country(a, b)
    ):
        return (
            "differs_by_scope",
            "info",
            (f"The figures are for different places ({a.place} and {b.place})."),
        )
    elsewhere = _placed_elsewhere(a, b) or _placed_elsewhere(b, a)
    if elsewhere:
        return "differs_by_scope", "info", elsewhere
    below = (
        _part_below_unplaced(a, b)
        or _part_below_unplaced(b, a)
        or _whole_above_unplaced(a, b)
        or _whole_above_unplaced(b, a)
    )
    if below and additive and one_period:
        return "differs_by_scope", "info", below
    if a.claim.doc_id == b.claim.doc_id and not (a.stated and b.stated):
        return (
            "uncertain",
            "warning",
            (
                "One article gives two figures for what reads as one quantity, and its sentences "
                "do not say how they differ; they may measure different things (done and planned, "
                "a part and the total): worth a look."
            ),
        )
    if a.years and b.years and a.place and b.place:
        return "inconsistent", "error", "Same quantity, same year and place, different figures."
    return (
        "inconsistent",
        "warning",
        ("Same quantity, different figures; the texts do not say whether year or place differ."),
    )


# In one article, two figures for one subject that differ by more than this, with
# nothing in their sentences tying them together, are two quantities (renovated and to
# be renovated), not a slip: a repeated figure mistyped stays within a factor of two.
_RESTATED_RATIO = 2


def _restated(a: _Scope, b: _Scope) -> bool:
    if a.claim.doc_id != b.claim.doc_id or (a.stated and b.stated):
        return True
    va, vb = sorted((abs(a.span[0]), abs(b.span[0])))
    return va > 0 and vb / va <= _RESTATED_RATIO


def _in_currency_of(
    a: _Scope, b: _Scope, rates: RateTable | None, tolerance: float
) -> tuple[_Scope, str] | None:
    """``b``'s figure in ``a``'s currency, at the rate of the date of either article that
    makes them agree (a reporter converts at the rate of their day), else at ``a``'s
    date; widened by ``tolerance`` for the rate and rounding a reporter used. None when
    the rates table has no rate for either date."""
    base, quote = b.claim.quantity.unit, a.claim.quantity.unit
    days = list(dict.fromkeys(d.date for d in (a.document, b.document) if d.date))
    found = [r for r in (rates.rate(base, quote, d) for d in days) if r] if rates else []
    if not found:
        return None
    slack = Decimal(str(tolerance))

    def converted(rate: Rate) -> _Scope:
        value, low, high = b.span
        return replace(
            b,
            span=(
                (value * rate.value).quantize(_CENT),
                None if low is None else low * rate.value * (1 - slack),
                None if high is None else high * rate.value * (1 + slack),
            ),
        )

    chosen = next((r for r in found if overlap(a.span[1:], converted(r).span[1:])), found[0])
    return converted(
        chosen
    ), f"{b.claim.text} at the ECB rate of {chosen.date} ({rate_text(chosen)})"


def _pair_check(
    a: _Scope,
    b: _Scope,
    n: int,
    cluster: Cluster,
    rates: RateTable | None = None,
    tolerance: float = 0.05,
) -> Check | None:
    kind = "repetition" if a.claim.doc_id == b.claim.doc_id else "cross_source"
    if kind == "repetition" and (a.claim.derived_from or b.claim.derived_from):
        return None  # an implied figure restates its own article's figures
    pair = f"{a.claim.text} ({a.where}) vs {b.claim.text} ({b.where})"
    verdict: Verdict
    severity: Severity
    va: Decimal | None = a.span[0]
    vb: Decimal | None = b.span[0]
    rate_note = ""
    slip = None
    currencies = (a.claim.quantity.unit, b.claim.quantity.unit)
    two_currencies = a.claim.quantity.dimension == "money" and currencies[0] != currencies[1]
    # One figure written in two currencies: copied without converting, or a bare "$"
    # that stands for another currency than the one read.
    unconverted = overlap(a.span[1:], b.span[1:])
    made = _in_currency_of(a, b, rates, tolerance) if two_currencies else None
    if made is not None:
        b, note = made
        va, vb = a.span[0], b.span[0]
        rate_note = f" Compared in {currencies[0]}: {note}."
    if two_currencies and not made:
        verdict, severity, va, vb = "uncertain", "warning", None, None
        why = (
            f"One quantity in two currencies ({currencies[0]}, {currencies[1]}) and no exchange "
            "rate for the articles' dates: not compared."
        )
    elif overlap(a.span[1:], b.span[1:]):
        verdict, severity = "consistent", "info"
        why = "The figures agree within what their wording and rounding allow."
    elif made and unconverted:
        verdict, severity, slip = "inconsistent", "warning", "wrong_currency"
        why = (
            f"The same figure in {currencies[0]} and {currencies[1]}: either it was copied "
            'without converting, or a bare "$" stands for another currency than the one read.'
        )
    elif not _restated(a, b):
        return None
    else:
        verdict, severity, why = _verdict(a, b)
        factor = slip_factor(vb / va, Decimal(str(tolerance))) if made and va and vb else None
        if factor is not None:  # a tenfold gap between two currencies is a conversion slip
            slip = "factor"
            rate_note += f" The gap is a factor of {times(factor)}: likely a decimal slip."
        elif verdict == "inconsistent" and transposed(a.claim, b.claim):
            slip = "transposed"
            rate_note += " The same digits but two adjacent ones swapped: likely a typo."
        elif verdict == "inconsistent" and mistyped(a.claim, b.claim):
            slip = "digit"
            rate_note += " The same figure but for one of its first two digits: likely a typo."
        elif verdict == "inconsistent" and rescaled(a.claim, b.claim):
            slip = "factor"
            power = round(abs(a.claim.quantity.value / b.claim.quantity.value).log10())
            rate_note += (
                f" The same digits at scales a factor of {times(Decimal(10) ** abs(power))}"
                ' apart: likely a scale slip ("billion" read as "billón", a point moved).'
            )
    rel = float((vb - va) / va) if va and vb is not None else None
    return Check(
        id=f"{kind}:{cluster.id}:{n}",
        kind=kind,
        verdict=verdict,
        severity=severity,
        claim_ids=(a.claim.id, b.claim.id),
        expected=va,
        stated=vb,
        rel_error=None if rel is None else round(rel, 4),
        message=f"{cluster.label}: {pair}",
        slip=slip,
        explanation=(
            f'{why}{rate_note} "{clip(a.claim.sentence, 160)}" / "{clip(b.claim.sentence, 160)}"'
        ),
    )


def check_clusters(
    clusters: Sequence[Cluster],
    claims: Sequence[Claim],
    documents: Sequence[Document],
    rates: RateTable | None = None,
    config: Config | None = None,
) -> Iterator[Check]:
    """One check per pair of claims in each cluster: ``repetition`` within a document,
    ``cross_source`` across documents. Amounts in two currencies are compared at the
    ECB rate of either article's date (``rates``), within ``config.tolerance_rel``;
    without a rate they are ``uncertain``."""
    tolerance = (config or Config()).tolerance_rel
    by_id = {c.id: c for c in claims}
    docs = {d.id: d for d in documents}
    first: dict[str, Claim] = {}  # each article's first figure, which its lead may hold
    for c in claims:
        if c.doc_id not in first or c.start < first[c.doc_id].start:
            first[c.doc_id] = c
    leads = {d.id: _lead_year(d, first.get(d.id)) for d in documents}
    for cluster in clusters:
        scopes = [
            _scope(by_id[i], docs[by_id[i].doc_id], leads.get(by_id[i].doc_id, frozenset()))
            for i in cluster.claim_ids
        ]
        pairs = list(itertools.combinations(scopes, 2))
        made = {
            (a.claim.id, b.claim.id): _pair_check(*_one_article(a, b), n, cluster, rates, tolerance)
            for n, (a, b) in enumerate(pairs, start=1)
        }
        by_article: dict[str, list[_Scope]] = {}
        for s in scopes:
            by_article.setdefault(s.claim.doc_id, []).append(s)
        for a, b in pairs:
            check = made[a.claim.id, b.claim.id]
            if (
                check is not None
                and check.kind == "cross_source"
                and check.verdict == "inconsistent"
            ):
                check = _told_apart(a, b, by_article, made, check) or check
            if check is not None:
                yield check


def _one_article(a: _Scope, b: _Scope) -> tuple[_Scope, _Scope]:
    """Two figures of one article with the years its date gives them: the year its lead
    gives its story does not date them against each other (:attr:`_Scope.published`)."""
    if a.claim.doc_id != b.claim.doc_id:
        return a, b
    return _as_published(a), _as_published(b)


def _as_published(s: _Scope) -> _Scope:
    return s if s.published is None else replace(s, years=s.published)


def _told_apart(
    a: _Scope,
    b: _Scope,
    by_article: dict[str, list[_Scope]],
    made: dict[tuple[str, str], Check | None],
    check: Check,
) -> Check | None:
    """Two articles' figures that disagree, where one of the articles also gives a
    figure that agrees with the other's and tells its two apart: Gestión's 24.6 millones
    passengers (one airport's) against El Comercio's 43.8 millones, when El Comercio
    gives the airport's 24.6 millones too and the 43.8 for all the country's airports.
    What sets the two apart inside one article sets them apart across the two.
    ``by_article`` holds the group's figures by article: only the two articles' are read."""

    def pair(x: _Scope, y: _Scope) -> Check | None:
        return made.get((x.claim.id, y.claim.id)) or made.get((y.claim.id, x.claim.id))

    for one, other in ((a, b), (b, a)):
        for twin in by_article[other.claim.doc_id]:
            if twin is other:
                continue
            agrees = pair(one, twin)
            inside = pair(twin, other)
            if agrees is None or agrees.verdict != "consistent" or not _alike(one, twin):
                continue
            if inside is not None and inside.verdict not in _APART:
                continue
            verdict = inside.verdict if inside is not None else "differs_by_scope"
            return replace(
                check,
                verdict=verdict,
                severity="info",
                slip=None,
                explanation=(
                    f"{other.document.id} gives {twin.claim.text} too, which agrees with "
                    f"{one.claim.text}, and tells it apart from {other.claim.text} "
                    f"({(inside.verdict if inside else 'two quantities').replace('_', ' ')}): "
                    f'the same holds here. "{clip(a.claim.sentence, 160)}" / '
                    f'"{clip(b.claim.sentence, 160)}"'
                ),
            )
    return None


_APART = frozenset({"differs_by_scope", "differs_by_time"})


def _alike(a: _Scope, b: _Scope) -> bool:
    """Whether two agreeing figures are one figure restated: not a bound or a range
    ("más de 20 mil", "entre 13 y 14 millones" agree with too much) nor a forecast
    beside what happened."""
    exact = all(s.claim.qualifier in _POINT for s in (a, b))
    return exact and a.forecast == b.forecast


_POINT = frozenset({"exact", "about"})

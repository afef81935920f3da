"""The extractor's patterns, built once per language from its data file.

Every step of :mod:`factcheck.extract` (the filters, the measuring, the subject) reads
the same compiled regexes: currency marks, units, qualifiers, range words, month and
clock words. They live here, apart from the steps, so that a language is compiled
once (``_patterns`` is cached per code) and no step branches on a language code.
``_key`` maps a word as written back to its key in a language table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from factcheck.lang import Language, fold, language

_BLANK = r"[ \t\u00a0]"


@dataclass(frozen=True)
class _Patterns:
    lang: Language
    prefix: re.Pattern[str]
    range_join: re.Pattern[str]
    range_joins: frozenset[str]
    bound_joins: frozenset[str]
    range_open: re.Pattern[str]
    complement: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before_reversed: re.Pattern[str]
    clock_after: re.Pattern[str]
    clock_before: re.Pattern[str]
    clock_article: re.Pattern[str]
    clock_from: re.Pattern[str]
    clock_to: re.Pattern[str]
    weekday_day: re.Pattern[str]
    day_joined: re.Pattern[str]
    list_item_reversed: re.Pattern[str]
    list_next: re.Pattern[str]
    clock_joined: re.Pattern[str]
    code_before: re.Pattern[str]
    marked_before: re.Pattern[str]
    currency_word_before: re.Pattern[str]
    glued_code: re.Pattern[str]
    after: re.Pattern[str]
    hyphen_word: re.Pattern[str]
    qualifier_reversed: re.Pattern[str]
    qualifier_reversed_bare: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    qualifier_tails: frozenset[str]
    qualifier_heads: frozenset[str]
    figure_next: re.Pattern[str]
    age_after: re.Pattern[str]
    bound_join: re.Pattern[str]
    ratio: re.Pattern[str]
    bounded_ratio: re.Pattern[str]
    point_fraction: re.Pattern[str]
    word: re.Pattern[str]
    cents: re.Pattern[str]
    clause_end: re.Pattern[str]
    metres_after: re.Pattern[str]
    rate_after: re.Pattern[str]  # "per millisecond", "/s", "por hora": the time of a rate
    one_in: re.Pattern[str]
    phrase_start: re.Pattern[str]  # where one_in, ratio, bounded_ratio or point_fraction match
    share_join: re.Pattern[str]
    reference_after: re.Pattern[str]
    unit_parts: Mapping[str, tuple[re.Pattern[str], str, Decimal]]
    # Unions of word sets that the subject readers test words against, made once.
    subject_glue: frozenset[str]  # lead-ins and stop words: between a verb and its figure
    light_words: frozenset[str]  # clause joiners and articles: they make no phrase long
    referential_words: frozenset[str]  # "la cifra": words that name no measure


def _alt(phrases: object, *, bounded: bool = True, folded: bool = False) -> str:
    """One of ``phrases``, the longest first; ``bounded``: whole words only. With
    ``folded`` (for a case-insensitive pattern only) the phrases are written as a trie
    (:func:`_trie`), which the engine walks letter by letter instead of entering each
    of hundreds of branches: the same matches, in the same order."""
    items = sorted({str(p) for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    body = "|".join(re.escape(p).replace(r"\ ", r"[ \t\u00a0]+") for p in items) or r"(?!x)x"
    if folded and items:
        body = _trie(items) or body
    # The first characters of the phrases, tested once before the branches are tried
    # one by one (in a case-insensitive pattern each branch is entered to test its first
    # letter): a search over a text fails at most positions on this test alone.
    firsts = {p[0] for p in items}
    opening = f"(?=[{''.join(map(re.escape, sorted(firsts)))}])" if items else ""
    if any(c.isspace() for c in firsts):
        opening = ""  # a phrase that opens with a blank opens with any blank
    return rf"{opening}(?<![\w])(?:{body})(?![\w])" if bounded else f"{opening}(?:{body})"


@cache
def _patterns(code: str) -> _Patterns:
    lang = language(code)
    # Letter prefixes glued to their mark ("US$", "u$s", "HK$") are read in any case,
    # never inside a word ("ABC$5" is not Canadian); one written apart ("C $", "US $")
    # in capitals, as the table has it, or in lower case where its letters are no word
    # ("c $", "hk $"): "it cost us $5" is a pronoun. So is a mark with no "$" in it
    # ("Rs", "S/"): "the Audi RS 6" is a car, "s/ 10" no sol.
    lettered = [k for k in lang.currency_prefixes if k[0].isalpha()]
    glued = [k for k in lettered if " " not in k and "$" in k]
    spaced = [k for k in lettered if " " in k or "$" not in k] + list(lang.lowercase_prefixes)
    marks = [k for k in lang.currency_prefixes if not k[0].isalpha()]
    prefixes = (
        rf"(?<![^\W\d_])(?:(?i:{_alt(glued, bounded=False)})|{_alt(spaced, bounded=False)})"
        rf"|{_alt(marks, bounded=False)}"
    )
    codes = _alt([*lang.currency_codes, *lang.million_codes, *lang.lowercase_codes])
    # Words are also matched without their accents ("dolares", "centimos", "kilometros"):
    # news copy and headlines drop them, and `_key` folds the same way.
    written = [
        *lang.currency_words,
        *lang.currency_subunits,
        *(k for k in lang.percent if k not in lang.cased_percent),
        *(k for k in lang.units if k not in lang.cased_units),
    ]
    # One letter ("m", "C") is a unit only as a symbol, in its case (below): "5 c/u".
    words = _alt([w for k in written if len(k) > 1 for w in {k, fold(k)}], folded=True)
    # Symbols may touch the figure ("50€", "20%"); ISO codes are upper case and whole
    # words, or "470 pence" would read as Peruvian soles (PEN).
    suffixes = [k for k in lang.currency_suffixes if k not in lang.suffixes_not_before_figure]
    symbols = _alt(
        [*suffixes, *(k for k in lang.percent if not k[0].isalpha())],
        bounded=False,
    )
    if lang.glued_percent:
        # "12bp", "25bps": basis points touch their figure in market copy ("12bpd" is no
        # such word).
        symbols = rf"{symbols}|{_alt(lang.glued_percent, bounded=False)}(?![\w])"
    if lang.cased_percent:
        # "up 11pc", as British papers write per cent; "20 PC games" are computers.
        symbols = rf"{symbols}|(?-i:{_alt(lang.cased_percent, bounded=False)})(?![\w])"
    if lang.suffixes_not_before_figure:
        # "10 $ al día", not the "3" of "3 $100 bills"; but "10 $ 30 $" and "10 $ 30
        # cents", where the next figure closes with a mark of its own.
        last = _alt(lang.suffixes_not_before_figure, bounded=False)
        own = rf"[ \t\u00a0]?{last}|{_BLANK}+{_alt(lang.currency_subunits)}"
        symbols = rf"{symbols}|{last}(?![ \t\u00a0]?[-−]?[.,]?\d[\d.,]*+(?!{own}))"
    # A code may also touch the figure ("115USD"), and "MUSD" counts millions of it.
    iso = _alt([*lang.million_codes, *lang.currency_codes, *lang.lowercase_codes], bounded=False)
    symbols = rf"{symbols}|(?-i:(?<![^\W\d_]){iso}(?![\w]))"
    unit_symbols = "|".join(
        re.escape(k)
        for k in sorted(lang.units, key=len, reverse=True)
        # a long symbol too when it may touch the figure: "10kmph", "10km/hr"
        if not k.islower() or len(k) <= 3 or k in lang.glued_units
    )
    joiners = "|".join(re.escape(j) for j in lang.subject_joiners)
    # A unit of time after "/" and a unit: "500 m³/s", "50 km/ms", "12 liters/min".
    times = _alt(lang.rate_times)
    over = rf"(?:(?-i:{_alt(lang.rate_time_symbols, bounded=False)})|{times})(?![\w/])"
    # What follows a number and says what it measures; "de"/"of" only after a scale
    # ("20 millones de pesos"), which the caller checks.
    after = (
        rf"(?P<pre>[ \t\u00a0]*(?:(?P<de>{joiners})[ \t\u00a0]+)?)"
        rf"(?:(?P<word>{words})|(?P<symbol>{symbols})"
        # "20 kg", "20 (kg)" as table headers write it; "/" after a symbol only before a
        # unit of time ("5 m/min"; not "120 g/km")
        rf"|(?P<bracket>[(\[{{<])?(?-i:(?P<unit>{unit_symbols}))"
        rf"(?(bracket)[)\]}}>]|(?![\w²³'’]|/(?!{over}))))"
        # "24703 L-202", "80 T-72": a letter and a number after a hyphen make a code.
        r"(?!-\d)"
    )
    # Signs ("<", ">=", "≤") may touch the figure and follow a letter ("x>10"); words
    # stand apart from both.
    # Reversed, for the qualifier read backwards from its figure (below).
    rqualifiers = _alt(_reversed(q for q in lang.qualifiers_before if q[0].isalpha()), folded=True)
    rsigns = _alt(_reversed(q for q in lang.qualifiers_before if not q[0].isalpha()), bounded=False)
    rdeterminers = _alt(_reversed([*lang.articles, *lang.subject_joiners]), folded=True)
    articles = _alt(lang.articles)
    # The word that ends a qualifier before a figure ("than", "de", "a"): after "or
    # more" or "o mayor" it starts another figure's qualifier.
    links = _alt({q.split()[-1] for q in lang.qualifiers_before if " " in q})
    # What the words before a figure end with when a qualifier is among them: the
    # last word of a qualifier or of a determiner, or a mark ("<", "aprox."). Most
    # figures have none, and checking one word is cheaper than the search.
    tails = {
        fold(re.split(r"[^\w]+", w.rstrip("."))[-1])
        for w in (*lang.qualifiers_before, *lang.articles, *lang.subject_joiners)
        if w[-1].isalpha()
    }
    tails |= {w[-1] for w in lang.qualifiers_before if not w[-1].isalpha()}
    # Figures written as phrases, found by one search (``phrase_start``, below). Each
    # opens where no word character stands before it, which that search tests first.
    ratio = _alt(lang.ratio_phrases)  # "la mitad", "twice"
    # "More than half said": not "half-time", "half a million", "half an hour"
    bounded_ratio = (
        rf"{_alt(lang.bounded_ratios)}(?!-|{_BLANK}+{_alt([*lang.article_numbers, *lang.scales])})"
    )
    # "half a percentage point", "un cuarto de punto porcentual", "a quarter point"
    point_fraction = (
        rf"(?P<fraction>{_alt(lang.point_fractions)}){_BLANK}+"
        rf"(?:(?:{joiners}){_BLANK}+)?(?:{_alt(lang.articles)}{_BLANK}+)?"
        rf"(?P<point>{_alt(lang.point_words)})"
        # A bare "punto" before "de" is another point: "medio punto de venta".
        rf"(?P<of>{_BLANK}+(?:{joiners})(?![\w]))?"
    )
    # "one in five", "uno de cada cuatro": the share's head and joiner, up to its N
    one_in = (
        rf"(?<![\w.,])(?:{_alt(lang.one_in_heads, bounded=False)}){_BLANK}+"
        rf"(?:{_alt(lang.one_in_joiners, bounded=False)}){_BLANK}+"
    )
    phrase_firsts = [
        *lang.ratio_phrases,
        *lang.bounded_ratios,
        *lang.point_fractions,
        *lang.one_in_heads,
    ]
    return _Patterns(
        lang=lang,
        prefix=re.compile(rf"(?:{prefixes})[ \t\u00a0]?$"),
        # "19 de enero", "May 20", "enero de 2024", "Sept. 15,"
        month_after=re.compile(rf"{_BLANK}*(?:{_alt(lang.date_joiners)}{_BLANK}+)?([^\W\d_]+)"),
        # The same before the figure ("May 20", "enero de 2024"), matched on the words
        # before it reversed, as qualifier_reversed below: one anchored match, where
        # "([^\W\d_]+)\.?,?{_BLANK}+(?:{date_joiners}{_BLANK}+)?$" searched forwards
        # tries every position of the window.
        month_before_reversed=re.compile(
            rf"\n?(?:{_BLANK}+{_alt(_reversed(lang.date_joiners))})?{_BLANK}+,?\.?([^\W\d_]+)"
        ),
        clock_after=re.compile(rf"{_BLANK}*{_alt(lang.clock_after)}\.?", re.IGNORECASE),
        clock_before=re.compile(rf"{_alt(lang.clock_before)}{_BLANK}+$", re.IGNORECASE),
        # "después de las 7.15": the article before an hour with its minutes
        clock_article=re.compile(rf"{_alt(lang.clock_articles)}{_BLANK}+$", re.IGNORECASE),
        clock_from=re.compile(rf"{_alt(lang.clock_from)}{_BLANK}+$", re.IGNORECASE),
        # the other end's "a las 21", up to its hour's end
        clock_to=re.compile(
            rf"{_BLANK}+{_alt(lang.clock_to)}{_BLANK}+(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?(?!\d|[.,]\d)",
            re.IGNORECASE,
        ),
        # "el domingo 12": a weekday after a determiner, before the day
        weekday_day=re.compile(
            rf"{_alt(map(fold, lang.weekday_determiners))}{_BLANK}+{_alt(lang.weekdays)}{_BLANK}+$",
            re.IGNORECASE,
        ),
        # "18 al 19 de noviembre", "4 and 6 June": another day after a joiner, then
        # (read by month_after) the month
        day_joined=re.compile(
            rf"{_BLANK}*(?:{_alt(lang.day_joiners)}|[-–]){_BLANK}*\d{{1,2}}(?![\d.,])",
            re.IGNORECASE,
        ),
        # "exits 17 and 19": a comma or a joiner, then the next item
        list_next=re.compile(
            rf"(?:{_BLANK}*,|{_BLANK}+{_alt(lang.list_joiners)}){_BLANK}+\d", re.IGNORECASE
        ),
        # "estratos 1, 2 y ": the figure before, and the comma or joiner after it, matched
        # on the words before reversed: "(?<![\w.,])(\d{1,5})(?:{_BLANK}*,|{_BLANK}+
        # {list_joiners}){_BLANK}+$" searched forwards
        list_item_reversed=re.compile(
            rf"\n?{_BLANK}+(?:,{_BLANK}*|{_alt(_reversed(lang.list_joiners))}{_BLANK}+)"
            r"(\d{3}(?:[.,]\d{3})*[.,]\d{1,3}|\d{1,5})(?![\w.,])",  # "1.046", reversed
            re.IGNORECASE,
        ),
        clock_joined=re.compile(rf"{_BLANK}+{_alt(lang.clock_joiners)}{_BLANK}", re.IGNORECASE),
        # "80 por ciento de las personas": what a share or an amount is of.
        complement=re.compile(
            rf"{_BLANK}+{_alt(lang.subject_joiners)}{_BLANK}+(?:{_alt(lang.articles)}{_BLANK}+)?",
            re.IGNORECASE,
        ),
        range_join=re.compile(
            rf"[ \t\u00a0]+(?P<join>{_alt([j for _, j in lang.ranges])})[ \t\u00a0]+"
            rf"(?:{articles}{_BLANK}+)?(?:{prefixes})?[ \t\u00a0]?",
            re.IGNORECASE,
        ),
        range_joins=frozenset(j.lower() for _, j in lang.ranges),
        bound_joins=frozenset([",", *(j.lower() for j in lang.bound_joiners)]),
        range_open=re.compile(
            rf"(?P<open>{_alt([o for o, _ in lang.ranges if o])})"
            rf"{_BLANK}+(?:{articles}{_BLANK}+)?(?:{prefixes})?{_BLANK}?$",
            re.IGNORECASE,
        ),
        code_before=re.compile(rf"{codes}[ \t\u00a0]?$"),
        # "rmb 10 usd 20": an amount with its own mark before a code (see _measure)
        marked_before=re.compile(
            rf"(?:{prefixes}|{codes})[ \t\u00a0]?\d[\d.,]*+[ \t\u00a0]*(?:{codes})[ \t\u00a0]?$"
        ),
        # "at dollar 22.5 million", "en dólar 22,5 millones": a currency word before
        # an amount of a million or more (see _measure._WORD_BEFORE)
        currency_word_before=re.compile(
            rf"{_alt([w for k in lang.currency_words for w in {k, fold(k)}])}{_BLANK}+$",
            re.IGNORECASE,
        ),
        # "USD115", not "COP29"
        glued_code=re.compile(
            rf"{_alt([*lang.currency_codes - lang.unglued_codes, *lang.million_codes])}$"
        ),
        after=re.compile(after, re.IGNORECASE),
        hyphen_word=re.compile(r"-([^\W\d_]+(?:-[^\W\d_]+)*)"),
        # The qualifier that ends the words before a figure, matched on those words
        # reversed: one anchored match instead of a search that tries every position.
        # "<>" (not equal) and "=>" (an arrow) are no bounds.
        qualifier_reversed=re.compile(
            rf"{_BLANK}*(?P<sign>{rsigns})(?![<>=])"
            rf"|[ \t\u00a0]+(?:(?P<det>{rdeterminers})[ \t\u00a0]+)?(?P<q>{rqualifiers})",
            re.IGNORECASE,
        ),
        # A qualifier that ends with a determiner ("supera los") is read whole.
        qualifier_reversed_bare=re.compile(rf"[ \t\u00a0]+(?P<q>{rqualifiers})", re.IGNORECASE),
        qualifier_after=re.compile(rf"[ \t\u00a0]*{_alt(lang.qualifiers_after)}", re.IGNORECASE),
        qualifier_tails=frozenset(tails),
        # The first word of each qualifier: "About 300 National Guard troops" opens with one.
        qualifier_heads=frozenset(
            fold(q.split()[0]) for q in lang.qualifiers_before if q[0].isalpha()
        ),
        # "200 o mayor de 190", "5000 or more than 4500": maybe a link, then a word
        # that may start a figure.
        figure_next=re.compile(
            rf"{_BLANK}+(?:{links}{_BLANK}+)?(?P<next>\d|[^\W\d_]+)", re.IGNORECASE
        ),
        age_after=re.compile(rf"{_BLANK}+{_alt(lang.ages)}", re.IGNORECASE),
        # What may stand between two bounds of one range: "más de 10 y menos de 20",
        # "mayor o igual a cien, menor o igual a trescientos".
        bound_join=re.compile(
            rf"{_BLANK}*,{_BLANK}*(?:{_alt(lang.bound_joiners)}{_BLANK}+)?"
            rf"|{_BLANK}+{_alt(lang.bound_joiners)}{_BLANK}+",
            re.IGNORECASE,
        ),
        ratio=re.compile(ratio, re.IGNORECASE),
        bounded_ratio=re.compile(bounded_ratio, re.IGNORECASE),
        point_fraction=re.compile(point_fraction, re.IGNORECASE),
        word=re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d|[^\w\s]"),
        # "15 dólares con 50 centavos", "thirteen dollars and forty-five cents": what may
        # stand between a whole amount and its cents (see _measure._with_cents).
        cents=re.compile(
            rf"{_BLANK}*(?:(?P<join>{_alt(lang.fraction_joiners)}){_BLANK}+)?"
            r"(?P<first>\d|[^\W\d_]+)",
            re.IGNORECASE,
        ),
        clause_end=re.compile(rf"{_BLANK}*(?:[.,;:!?)]|$)"),
        # "del 1.1% que esperaban": the figure a comparative points to
        reference_after=re.compile(
            rf"{_BLANK}+(?:{_alt([*lang.references_after, *map(fold, lang.references_after)])})",
            re.IGNORECASE,
        ),
        one_in=re.compile(one_in, re.IGNORECASE),
        # A character that may open a phrase, not after a word character, where one of
        # the four matches: the search skips to those characters at C speed, and the
        # lookbehind steps back over the one it read to try the four from its start.
        phrase_start=re.compile(
            rf"{_opening_class(phrase_firsts)}(?<![\w].)"
            rf"(?<=(?=(?i:{one_in}|{ratio}|{bounded_ratio}|{point_fraction})).)"
        ),
        # "three in 10", "siete de cada diez": the joiner after a share's part, up to its N
        share_join=re.compile(rf"{_BLANK}+(?:{_alt(lang.share_joiners)}){_BLANK}+", re.IGNORECASE),
        # "1.8m tall", "a 3m-long python"; not "5m long-term" jobs
        metres_after=re.compile(rf"(?:{_BLANK}+|-){_alt(lang.metres_after)}(?!-)", re.IGNORECASE),
        # "per millisecond", "a second", "/s", "por hora", "a la hora": the time a length
        # or a volume is over (see _measure._rate)
        rate_after=re.compile(
            rf"[ \t\u00a0]?/[ \t\u00a0]?(?P<over>{over})"
            rf"|{_BLANK}+(?:{_alt(lang.rate_joiners)}|(?P<article>{_alt(lang.rate_article_joiners)}))"
            rf"{_BLANK}+(?P<time>{times})(?![\w/])",
            re.IGNORECASE,
        ),
        unit_parts={whole: _unit_part(lang, *part) for whole, part in lang.unit_parts.items()},
        subject_glue=lang.subject_lead_in | lang.subject_stop,
        light_words=lang.clause_joiners | lang.articles,
        referential_words=lang.referential | lang.articles,
    )


def _opening_class(phrases: Iterable[str]) -> str:
    """A character class of every character that may open one of ``phrases`` in a
    case-insensitive match: the ASCII characters the engine itself matches to their first
    characters ignoring case, and every other character (so that "K", the Kelvin sign, or
    "ſ" need no table). A search for a pattern that opens with this class skips to such
    characters at C speed; a case-insensitive one that opens with a lookahead tries
    every position."""
    firsts = {p[0] for p in phrases if p}
    if " " in firsts:
        firsts |= {"\t", "\u00a0"}  # a blank in a phrase matches any run of blanks
    if not firsts:
        return r"(?!x)x"
    written = re.compile(f"[{''.join(map(re.escape, sorted(firsts)))}]", re.IGNORECASE)
    ascii_ = [chr(c) for c in range(128) if written.fullmatch(chr(c))]
    return rf"[{''.join(map(re.escape, ascii_))}\x80-\U0010ffff]"


_BLANK_RUN = " "  # a space in a phrase: any run of blanks in the text


def _trie(phrases: list[str]) -> str | None:
    """The alternation of ``phrases`` (longest first) as a trie, for a case-insensitive
    pattern: letters that match each other ignoring case ("M" and "m", "µ" and "μ")
    share a node, so only one branch of a node can match a given letter, and a longer
    phrase is tried before its prefix (a greedy optional tail). Phrases that can both
    match at one place form a chain of prefixes, so the engine tries them in the order
    the flat alternation does. None where the letters cannot be so grouped."""
    if any(ch in "\t\u00a0" for p in phrases for ch in p):
        return None  # a blank written in a phrase would match as a run of blanks does
    spelled: list[str] = []  # one letter of each group of letters that match each other
    key_of: dict[str, str] = {}
    for ch in sorted({ch for p in phrases for ch in p} - {_BLANK_RUN}):
        same = [k for k in spelled if re.fullmatch(re.escape(k), ch, re.IGNORECASE)]
        if len(same) > 1:
            return None
        key_of[ch] = same[0] if same else ch
        if not same:
            spelled.append(ch)
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(key_of.get(ch, ch), {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [
            (r"[ \t\u00a0]+" if k == _BLANK_RUN else re.escape(k)) + emit(child)
            for k, child in node.items()
            if k
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _reversed(phrases: Iterable[str]) -> list[str]:
    """Phrases spelled backwards, for the patterns matched on reversed text."""
    return [p[::-1] for p in phrases]


def _unit_part(
    lang: Language, part: str, per: Decimal, marks: tuple[str, ...]
) -> tuple[re.Pattern[str], str, Decimal]:
    """ "5 ft 2 in", "6 feet and 1 inch": what may follow a whole unit to give its part, a
    figure below ``per`` with the part's unit."""
    words = [w for k, unit in lang.units.items() if unit == part for w in {k, fold(k)}]
    joiners = _alt(lang.connectors)
    pattern = re.compile(
        rf"{_BLANK}+(?:{joiners}{_BLANK}+)?(?P<figure>\d{{1,2}}(?:[.,]\d+)?)"
        rf"{_BLANK}*{_alt([*words, *marks])}",
        re.IGNORECASE,
    )
    return pattern, part, per


def _key(written: str, table: Mapping[str, object]) -> str:
    """The table key a written word stands for, ignoring case, accents and spacing
    ("" if none)."""
    entry = _FOLDED.get(id(table))
    keys = entry[1] if entry is not None and entry[0] is table else _folded_keys(id(table), table)
    # A word of letters has no spacing to normalize (most calls: "pesos", "km").
    return keys.get(fold(written if written.isalpha() else " ".join(written.split())), "")


_FOLDED: dict[int, tuple[Mapping[str, object], dict[str, str]]] = {}


def _folded_keys(ident: int, table: Mapping[str, object]) -> dict[str, str]:
    # Language tables live as long as the process (factcheck.lang caches them), so an
    # index per table is built once; the identity check guards against a reused id.
    entry = _FOLDED.get(ident)
    if entry is None or entry[0] is not table:
        entry = (table, {fold(" ".join(k.split())): k for k in table})
        _FOLDED[ident] = entry
    return entry[1]

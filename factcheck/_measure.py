"""What a figure measures: currency, percent, unit or count, and its qualifier.

From the marks around a number ("$", "millones de pesos", "%", "km", "a 45-bed
hospital", "más de", "casi") the extractor learns the claim's unit and dimension,
its qualifier and the span the claim covers. The result is a ``_Found``, which the
stage turns into a :class:`~factcheck.model.Claim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck._claim_patterns import _key, _Patterns
from factcheck.lang import Language, Locale, fold
from factcheck.model import Qualifier
from factcheck.numbers import Number, find_numbers, plain_decimal


@dataclass(frozen=True, slots=True)
class _Found:
    """A number with what follows it resolved, before it becomes a Claim."""

    start: int
    end: int
    low: Number
    high: Number | None
    unit: str
    dimension: str
    qualifier: Qualifier
    hyphen_noun: str | None = None
    nearly: bool = False  # "casi", "nearly": just below the figure


def _measure(text: str, n: Number, p: _Patterns, loc: Locale, *, start: int) -> _Found | None:
    """What the number measures, from the marks around it, and the claim's span."""
    lang = p.lang
    span_start, span_end = start, n.end
    unit: str | None = n.currency
    before = text[max(0, start - 8) : start]
    prefix = p.prefix.search(before)
    code = None if prefix else p.code_before.search(before)
    # Not in "17 USD 25", where the code closes the amount before; one that touches
    # the figure is its own ("3 USD50 cards"), and so is one after an amount that has
    # its own mark ("rmb 10 usd 20").
    glued = code is not None and not code.group()[-1].isspace()
    if code and (
        glued
        or not _AMOUNT_BEFORE.search(text, max(0, start - 20), start - len(code.group()))
        or p.marked_before.search(text, max(0, start - _MARKED_LOOK_BACK), start)
    ):
        prefix = code
    if prefix and prefix.group().strip() in lang.suffixes_not_before_figure:
        closing = p.after.match(text, n.end)
        if closing and closing.group("symbol") == prefix.group().strip():
            prefix = None  # "10 $ 30 $": the first "$" closes the amount before
    if prefix and not n.fraction:
        mark = prefix.group().strip()
        key = _key(mark, lang.currency_prefixes)  # "c $" as written is the table's "C $"
        if mark == "$":
            unit = loc.dollar
        elif key:
            unit = lang.currency_prefixes[key]
        else:  # a code: "USD 20", "usd 20", and "RMB 10" as the word "rmb" after it
            unit = lang.currency_words.get(_key(mark, lang.currency_words), mark.upper())
        span_start = start - len(prefix.group())
    if unit is None and _glued_million(n) and p.metres_after.match(text, n.end):
        unit, n = "meter", _times(n, 1 / n.scale, scaled=False)  # "1.8m tall"
    hyphen_noun = None
    pence = glued_subunit(text, n, lang) if unit is None else None
    if pence:  # "85p", "26.35p per kWh": pence glued to the figure, in British copy
        unit, n = _hundredths(n, lang.glued_subunits[pence.group()], lang, loc)
        span_end = pence.end()
    m = None if pence else p.after.match(text, n.end)
    if (
        m
        and m.group("unit")
        and text.startswith("/", m.end())
        and _rate(text, m.end(), lang.units[m.group("unit")], p) is None
    ):
        m = None  # "5 t/h": a symbol before "/" only in a rate of a length or volume
    if (
        m
        and m.group("de")
        and not ((n.scaled or n.fraction) and fold(m.group("de")) in lang.unit_joiners)
    ):
        m = None  # "20 millones de pesos", "1/4 de milla", not "20 de pesos" or "mil del año"
    if m and m.group("word") and not n.fraction and fold(m.group("word")) in lang.fraction_units:
        m = None  # "1/2 cup", not "won 3 cups"
    subunit = _key(m.group("word"), lang.currency_subunits) if m and m.group("word") else ""
    if subunit and unit is None and not n.fraction:
        # "50 cents", "197 pence": hundredths of the currency
        unit, n = _hundredths(n, subunit, lang, loc)
        span_end = m.end()  # type: ignore[union-attr]
    elif m and unit is None:
        unit = _unit_of(m, lang)
        if unit == "$":
            unit = loc.dollar  # "10 $" as "$10": the locale's dollar
        if unit == "MXN" and m.group("word") and " " not in m.group("word").strip():
            unit = loc.peso  # a bare "pesos" is the place's own: "pesos mexicanos" is not
        # "tres quintos por ciento", "10 1/2 miles" take a unit; a ratio phrase ("la
        # mitad", "el doble") never does.
        if n.fraction and p.ratio.fullmatch(n.text):
            unit = None
        else:
            unit = _money_after_scale(text, m, n, unit, p, start)
            span_end = m.end()
            if m.group("symbol") and not n.scaled:
                n, span_end = _scale_after_code(text, n, span_end, lang)
            rate = _rate(text, span_end, unit, p)
            if rate:
                unit, span_end = rate  # "50 meters per millisecond", "500 m³/s"
            if unit in p.unit_parts and not (n.scaled or n.fraction):
                n, span_end = _with_part(text, n, span_end, p.unit_parts[unit])
            if unit == "basis_point":  # "50 puntos base": hundredths of a point
                unit, n = "percentage_point", _hundredth(n)
            if not m.group("unit") and _dimension(unit, lang) == "money":
                n, span_end = _with_cents(text, n, start, span_end, p, loc)
    elif (
        m
        and unit is not None
        and m.group("word")
        and lang.currency_words.get(_key(m.group("word"), lang.currency_words))
    ):
        span_end = m.end()
    hyphen = p.hyphen_word.match(text, span_end)
    if hyphen:
        # "a 12-billion-peso program", "a 1,000-square-meter plot", "a 45-bed hospital"
        words = hyphen.group(1).split("-")
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size])
            end = hyphen.start() + 1 + len("-".join(words[:size]))
            money, measure = _key(phrase, lang.currency_words), _key(phrase, lang.units)
            cents = _key(phrase, lang.currency_subunits)
            if cents and unit is None and not n.fraction:
                unit, n = _hundredths(n, cents, lang, loc)  # "a 12-cent-a-share dividend"
                span_end = end
                break
            if money or measure:
                unit = unit or (lang.currency_words[money] if money else lang.units[measure])
                span_end = end
                age = words[size] if size < len(words) else ""
                if measure and fold(age) in lang.ages:
                    span_end += 1 + len(age)  # "a 45-year-old man": the age, whole
                break
        else:
            if unit is None:
                hyphen_noun = words[0]
    if unit in lang.million_codes:  # "30 MUSD", "MAUD 60"
        unit, n = lang.million_codes[unit], _times(n, _MILLION)
    if unit is None and not n.fraction and n.value >= _MILLION:
        word = p.currency_word_before.search(text, max(0, start - _WORD_BEFORE), start)
        noun = _WORD_AFTER.match(text, span_end)
        if word and not (noun and fold(noun.group(1)) not in lang.subject_stop):
            unit, span_start = _currency_word(word.group(), lang, loc), word.start()
    if unit is None and not n.fraction:
        degrees, degrees_end = _degrees(text, span_start, span_end, lang)
        if degrees:
            unit, span_end = degrees, degrees_end
    if unit is None and n.fraction and n.words and not p.ratio.fullmatch(n.text):
        turn, turn_end = _turn_part(text, span_end, p)
        if turn:
            unit, span_end = turn, turn_end
    if unit is None and n.fraction and _tenths_of_a_point(text, n, lang):
        unit = "percentage_point"
    if unit is None:
        unit = "ratio" if n.fraction else "count"
    dimension = _dimension(unit, lang)
    qualifier, nearly = _qualifier(text, span_start, span_end, p, dimension)
    return _Found(span_start, span_end, n, None, unit, dimension, qualifier, hyphen_noun, nearly)


_AMOUNT_BEFORE = re.compile(r"\d[ \t\u00a0]*$")
_MARKED_LOOK_BACK = 40  # characters: a mark, an amount and a code
# A currency word before the amount names its currency only for a million or more:
# "the price starts at dollar 22.5 million"; a smaller figure after it is an exchange
# rate ("el dólar 17,20 pesos", "Dólar: 17.20"), and one with a noun after counts it
# ("against the dollar 3 million times").
_WORD_BEFORE = 40  # characters: the longest currency word and its blanks


def _currency_word(written: str, lang: Language, loc: Locale) -> str:
    unit = lang.currency_words[_key(written.strip(), lang.currency_words)]
    if unit == "MXN" and " " not in written.strip():
        return loc.peso  # a bare "pesos" is the place's own
    return unit


_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


def _degrees(text: str, start: int, end: int, lang: Language) -> tuple[str, int]:
    """What "grados"/"degrees" after the figure measure, and where the word ends: a
    temperature in a sentence about one ("los termómetros superen los 44 grados"), else
    an angle after a word of turning ("girar 90 grados", "turn left 45 degrees"), as are
    the other units of angle ("girar 3 vueltas", "the angle is 0.8rad"); ("", 0) when
    none."""
    word = _UNIT_AFTER.match(text, end)
    written = fold(word.group(1)) if word else ""
    other = lang.angle_units.get(written, "")
    if not word or not (written in lang.degree_words or written in lang.angle_degrees or other):
        return "", 0
    if word.start(1) == end and written not in lang.angle_glued:
        return "", 0  # only a symbol touches its figure
    if not other:
        starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, end - 300), end)]
        stop = _SENTENCE_END.search(text, word.end())
        sentence = text[
            starts[-1] if starts else max(0, end - 300) : stop.start() if stop else None
        ]
        if any(fold(w) in lang.temperature_words for w in _WORDS.findall(sentence.lower())):
            if written in lang.degree_words:
                return lang.temperature_unit, word.end()
            return "", 0  # English names no scale: "temperatures turned 5 degrees colder"
        if written not in lang.angle_degrees:
            return "", 0
    clause = _CLAUSE_END.split(text[max(0, start - _TURN_LOOK_BACK) : start])[-1]
    before = _WORDS.findall(clause)[-_TURN_WORDS:]
    if any(fold(w) in lang.angle_words for w in before):
        return other or lang.angle_unit, word.end()
    return "", 0


_UNIT_AFTER = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")


def _turn_part(text: str, end: int, p: _Patterns) -> tuple[str, int]:
    """ "a half turn", "un cuarto de vuelta": a fraction in words before a unit of angle
    names a part of it with no word of turning needed (a fraction of a lap is no figure
    sports copy writes); not "a third of the turns", a share of some ("", 0)."""
    joined = p.complement.match(text, end)
    if joined and len(joined.group().split()) > 1:
        return "", 0  # an article after "of": "half of the turns"
    word = _UNIT_AFTER.match(text, joined.end() if joined else end)
    if word is None or word.start(1) == end:
        return "", 0
    unit = p.lang.angle_units.get(fold(word.group(1)), "")
    return (unit, word.end()) if unit else ("", 0)


# "girar a la izquierda 45 grados": the turning word stands a few words before the figure.
_TURN_LOOK_BACK = 40
_TURN_WORDS = 4


def _tenths_of_a_point(text: str, n: Number, lang: Language) -> bool:
    """ "creció dos décimas más", "subió una centésima": tenths and hundredths alone are
    of a percentage point in Spanish economic copy; "tres décimas de segundo" are not."""
    words = n.text.split()
    if not words or fold(words[-1]) not in lang.point_parts:
        return False
    nxt = _WORD_AFTER.match(text, n.end)
    return not (nxt and fold(nxt.group(1)) in lang.subject_joiners)


def _glued_million(n: Number) -> bool:
    """ "1.8m", "48m": a figure with an "m" touching it, read as millions."""
    return n.scale == _MILLION and n.text[-1:] == "m" and n.text[-2:-1].isdigit()


def _with_part(
    text: str, n: Number, end: int, part: tuple[re.Pattern[str], str, Decimal]
) -> tuple[Number, int]:
    """ "5 ft 2 in", "5 feet and 2 inches": the part after a whole unit adds to it, in
    the whole unit (5.1666666667 feet)."""
    pattern, _, per = part
    m = pattern.match(text, end)
    if m is None:
        return n, end
    figure = Decimal(m.group("figure").replace(",", "."))
    if figure >= per:
        return n, end
    value = plain_decimal((n.value + figure / per).quantize(_PLACES))
    return replace(n, value=value), m.end()


_PLACES = Decimal("1e-10")  # thirds and twelfths: finer than any figure news prints


# A letter glued after a price: "85p", "345p".
_GLUED_LETTER = re.compile(r"[^\W\d_](?![\w.,]\w|[\w/-])")


def glued_subunit(text: str, n: Number, lang: Language) -> re.Match[str] | None:
    """The subunit letter glued after a plain figure ("85p"), where the language has one;
    not after a figure that names a video mode ("1080p")."""
    if not lang.glued_subunits or n.scaled or n.fraction or n.words:
        return None
    letter = _GLUED_LETTER.match(text, n.end)
    if letter is None or letter.group() not in lang.glued_subunits:
        return None
    return None if n.text + letter.group() in lang.glued_not_prices else letter


def _hundredths(n: Number, subunit: str, lang: Language, loc: Locale) -> tuple[str, Number]:
    """ "50 cents", "197 pence", "2 satoshis": the currency the subunit belongs to, and
    its amount."""
    marked, worth = lang.currency_subunits[subunit]
    part = replace(n, value=plain_decimal(n.value * worth), half_width=n.half_width * worth)
    return (loc.dollar if marked == "$" else marked), part


def _times(n: Number, scale: Decimal, *, scaled: bool = True) -> Number:
    return replace(
        n,
        value=plain_decimal(n.value * scale),
        half_width=plain_decimal(n.half_width * scale),
        scaled=scaled,
        scale=max(n.scale, scale) if scaled else Decimal(1),
    )


_MILLION = Decimal(1_000_000)


def _scale_after_code(text: str, n: Number, end: int, lang: Language) -> tuple[Number, int]:
    """ "75 USD million", "125 USD millones": a scale of a million or more written after
    the code still scales the figure."""
    word = _WORD_AFTER.match(text, end)
    scale = lang.scales.get(fold(word.group(1)), Decimal(0)) if word else Decimal(0)
    if scale < _MILLION:
        return n, end
    return _times(n, scale), word.end()  # type: ignore[union-attr]


_CENT = Decimal("0.01")  # what most subunits are worth: only these take bare cents


def _hundredth(n: Number) -> Number:
    return replace(n, value=n.value * _CENT, half_width=n.half_width * _CENT)


# "361 millones de libras" is sterling, "25 libras" and "3 millones de libras de
# aguacate" are weight: a word of both kinds is money after a scale of a million or
# more (the peer specs read them the same way) or after a money word in its clause
# ("el precio medio subió a 268.000 libras"), and never with a complement after it.
_MONEY_SCALE = Decimal(1_000_000)
_LOOK_BACK = 120  # characters: about a clause before the figure
_CLAUSE_END = re.compile(r"[.!?;,]\s")
_CLOSING = re.compile(r"[)\]]")


def _money_after_scale(
    text: str, m: re.Match[str], n: Number, unit: str, p: _Patterns, start: int
) -> str:
    word = m.group("word")
    key = _key(word, p.lang.currency_after_scale) if word else ""
    closed = _CLOSING.match(text, m.end())  # "350,000 tonnes (77.2 million pounds) of copper"
    if not key or p.complement.match(text, closed.end() if closed else m.end()):
        return unit
    if n.scale >= _MONEY_SCALE or _money_before(text, start, p.lang):
        return p.lang.currency_after_scale[key]
    return unit


def _money_before(text: str, start: int, lang: Language) -> bool:
    before = _CLAUSE_END.split(text[max(0, start - _LOOK_BACK) : start])[-1]
    return any(fold(w) in lang.money_context for w in _WORDS.findall(before))


def _with_cents(
    text: str, n: Number, start: int, end: int, p: _Patterns, loc: Locale
) -> tuple[Number, int]:
    """ "15 dólares con 50 centavos", "thirteen dollars and forty-five cents", "15
    dolares 50.": the cents written after a whole amount belong to it, as one figure.

    A bare second figure counts only at the end of a clause, with two digits or ten
    or more in words ("15 dólares con 5" could be .05 or .50), and not after a range
    opener ("entre 15 dólares y 20." is a range); or, as prices are written with no
    joiner ("1 euro 50"), two digits right after the currency that measure nothing
    ("15 dolares 50 puedes"; not "2 dollars 50 years ago").
    """
    lead = p.cents.match(text, end)
    if lead is None or n.scaled or n.fraction or n.value != n.value.to_integral_value():
        return n, end
    first = lead.group("first")
    lang = p.lang
    if (
        not first.isdigit()
        and fold(first) not in lang.numbers
        and fold(first) not in lang.weak_numbers
    ):
        return n, end
    window = text[lead.start("first") : lead.start("first") + 40]
    found = find_numbers(window, lang.code, loc.name, weak_alone=True)
    if not found or found[0].start != 0:
        return n, end
    c = found[0]
    if c.end >= len(window) and lead.start("first") + len(window) < len(text):
        return n, end  # the window cut a longer number
    if c.scaled or c.fraction or not 0 <= c.value < 100 or c.value != int(c.value):
        return n, end
    after = p.after.match(window, c.end)
    word = after.group("word") if after and not after.group("de") else None
    cents = _key(word, lang.currency_subunits) if word else ""
    if cents and lang.currency_subunits[cents][1] == _CENT:
        stop = after.end()  # type: ignore[union-attr]
    elif (
        p.clause_end.match(window, c.end)
        and (len(c.text) == 2 if c.text.isdigit() else c.value >= 10)
        and not (lead.group("join") and p.range_open.search(text, max(0, start - 30), start))
    ) or (not lead.group("join") and len(c.text) == 2 and c.text.isdigit() and after is None):
        stop = c.end
    else:
        return n, end
    value = plain_decimal(n.value + c.value / 100)
    return replace(n, value=value), lead.start("first") + stop


def _unit_of(m: re.Match[str], lang: Language) -> str:
    if m.group("unit"):
        return lang.units[m.group("unit")]
    written = m.group("word") or m.group("symbol")
    for table in (lang.currency_words, lang.percent, lang.units, lang.currency_suffixes):
        key = _key(written, table)
        if key:
            return table[key]
    return written.upper()  # an ISO 4217 code


def _dimension(unit: str, lang: Language) -> str:
    if unit in {"count", "ratio", "percent", "percentage_point"}:
        return unit
    if unit in lang.dimensions:
        return lang.dimensions[unit]
    head, per, time = unit.rpartition("_per_")
    if per and time in _RATE_TIMES:  # a rate composed by _rate: "liter_per_second"
        return _RATES.get(lang.dimensions.get(head, ""), "money")
    return "money"


# What a length or a volume over a unit of time measures. Not a mass or a count: "5
# million tonnes a year", "3 meals a day" name an amount and its period.
_RATES = {"length": "speed", "volume": "flow"}
_RATE_TIMES = frozenset({"second", "millisecond", "minute", "hour"})


def _rate(text: str, end: int, unit: str, p: _Patterns) -> tuple[str, int] | None:
    """ "50 meters per millisecond", "50 km/ms", "200 litros por segundo", "500 m³/s": a
    length or a volume over a unit of time, as one unit ("meter_per_millisecond") and
    where it ends; None when no unit of time follows. Listed compounds ("km/h", "barrels a
    day") are read whole before; this composes the rest. After a word, an ordinal ("100
    meters a second time", "por segundo año") leaves the unit alone, and after an article
    a word that undoes the rate ("an hour later", "a la hora de")."""
    lang = p.lang
    if lang.dimensions.get(unit) not in _RATES:
        return None
    m = p.rate_after.match(text, end)
    if m is None:
        return None
    over = m.group("over")
    if over:
        time = lang.rate_time_symbols.get(over) or lang.rate_times[fold(over)]
    else:
        written = fold(m.group("time"))
        time = lang.rate_times[written]
        nxt = _WORD_AFTER.match(text, m.end())
        word = fold(nxt.group(1)) if nxt else ""
        if m.group("article") and word in lang.rate_not_after:
            return None  # "an hour later", "a la hora de la salida"
        if (
            word
            and written in lang.rate_ordinals
            and (word not in p.subject_glue or _key(word, lang.units))
        ):
            return None  # "a second time", "al segundo intento", "por segundo año"
    if time not in _RATE_TIMES:
        return None
    return f"{unit}_per_{time}", m.end()


def _qualifier(
    text: str, start: int, end: int, p: _Patterns, dimension: str = ""
) -> tuple[Qualifier, bool]:
    """The qualifier around a figure, and whether it means "just below" ("casi")."""
    kind, _, _ = _bound(text, start, end, p, dimension)
    if kind == "nearly":
        return "about", True
    return kind, False  # type: ignore[return-value]


_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t\u00a0]+$")

# "menos de 5000 o igual": the words after close the bound written before.
_CLOSED = {"more_than": "at_least", "less_than": "at_most"}


def _bound(
    text: str, start: int, end: int, p: _Patterns, dimension: str = "", floor: int = 0
) -> tuple[str, int, int]:
    """The qualifier's kind (a key's value in the language tables, "exact" if none),
    where the words before the figure start (``start`` if none) and where those after
    it end (``end`` if none). The words before are looked for from ``floor`` on."""
    lang = p.lang
    after = p.qualifier_after.match(text, end)
    late = ""
    if after and not _goes_on(text, after.end(), p):
        late = lang.qualifiers_after[_key(after.group().strip(), lang.qualifiers_after)]
    if late and late != "or_equal":
        return late, start, after.end()  # type: ignore[union-attr]
    lo = max(floor, start - 40)
    found = qualifier_before(text, lo, start, p)
    if found is None:
        return "exact", start, end
    q_start, written = found
    if (
        dimension == "time"
        and fold(written) in lang.time_spans
        and not p.age_after.match(text, end)
    ):
        return "exact", start, end  # "$5 billion over 3 years" spreads it over them
    last = _LAST_WORD.search(text, max(0, q_start - 24), q_start)
    if last and fold(last.group(1)) in lang.superlative:
        return "exact", start, end  # "el mayor de los 32 estados": the largest of them
    if last and f"{fold(last.group(1))} {fold(written)}" in lang.particle_verbs:
        return "exact", start, end  # "rolled over 4.5 trillion pesos": that much
    between = text[q_start + len(written) : start].split()
    if between and fold(between[-1]) in lang.references:
        return "exact", start, end  # "more than the 150,000 expected": a reference point
    if p.reference_after.match(text, end):
        return "exact", start, end  # "por debajo del 1.1% que esperaban": the same
    if (
        fold(written) in lang.reached
        and not (between and fold(between[-1]) in lang.reached_not)
        and (_after_change(text, q_start, lang) or _level_after(text, q_start, between, lang))
    ):
        return "exact", start, end  # "subieron un 12,4% hasta las 61.827": reached
    if _gone_up(text, q_start, lang):
        return "exact", start, end  # "will go up to £1,849": the level reached
    kind = lang.qualifiers_before[_key(written, lang.qualifiers_before)]
    if late:
        return _CLOSED.get(kind, kind), q_start, after.end()  # type: ignore[union-attr]
    return kind, q_start, end


def qualifier_before(text: str, lo: int, at: int, p: _Patterns) -> tuple[int, str] | None:
    """Where the qualifier that ends at ``at`` ("más de ", "< ") starts, at or after
    ``lo``, and its words as written."""
    if not _may_qualify(text, lo, at, p):
        return None
    # What stands just before the window still bounds a word, as a lookbehind would
    # see it; "_" is a word character that no qualifier holds.
    edge = text[lo - 1] if lo else " "
    edge = edge if edge in "<>=" else "_" if edge.isalnum() or edge == "_" else " "
    words = text[lo:at][::-1] + edge
    m = p.qualifier_reversed.match(words)
    if m is None:
        return None
    det = m.group("det")
    if det:
        whole = p.qualifier_reversed_bare.match(words)
        if whole is not None and whole.end() >= m.end():
            m, det = whole, None
    start, written = at - m.end(), (m.group("q") or m.group("sign"))[::-1]
    if det and fold(written) in p.lang.bound_adjectives:
        # "el salario mínimo de 2025", "la tarifa máxima de 300 pesos": after a noun the
        # word is an adjective of it; "un mínimo de 20", "Máximo de 20" are bounds.
        last = _LAST_WORD.search(text, max(0, start - 24), start)
        if last and fold(last.group(1)) not in p.lang.articles:
            return None
    return start, written


def _gone_up(text: str, at: int, lang: Language) -> bool:
    """Whether the bound at ``at`` follows "go" ("will go up to"), not after "can"."""
    verb = _LAST_WORD.search(text, max(0, at - 24), at)
    if verb is None or fold(verb.group(1)) not in lang.reached_after:
        return False
    modal = _LAST_WORD.search(text, max(0, verb.start() - 24), verb.start())
    return modal is None or fold(modal.group(1)) not in lang.possibility


def _after_change(text: str, at: int, lang: Language) -> bool:
    """Whether a verb of change stands in the clause before ``at``."""
    clause = _CLAUSE_END.split(text[max(0, at - 80) : at])[-1]
    return any(fold(w) in lang.arithmetic.change_verbs for w in _WORDS.findall(clause))


_COMMA_BEFORE = re.compile(r",[ \t\u00a0]*$")


def _level_after(text: str, at: int, between: list[str], lang: Language) -> bool:
    """ "suma 100.340 afiliados, hasta los 21,1 millones", "recortó la tasa en 25 puntos
    base, hasta el 5,75%": "hasta" and an article after a comma that closes a clause with
    a figure (the change) name the level the change reached; "descuentos de hasta el
    30%" and "rebajas, hasta el 30%" (no figure before) stay bounds."""
    comma = _COMMA_BEFORE.search(text, max(0, at - 4), at)
    if comma is None:
        return False
    clause = _CLAUSE_END.split(text[max(0, comma.start() - 80) : comma.start()])[-1]
    words = _WORDS.findall(clause)
    if not between or fold(between[-1]) not in lang.articles:
        # "bajó en 26.300 personas en septiembre, hasta 2.561.067": without an article,
        # only after a verb of change and its figure
        changed = any(fold(w) in lang.arithmetic.change_verbs for w in words)
        return changed and any(c.isdigit() for c in clause)
    # "El IPC bajó dos décimas en octubre, hasta el 1,8%": the change may be in words
    return any(c.isdigit() for c in clause) or any(fold(w) in lang.numbers for w in words)


def _may_qualify(text: str, lo: int, at: int, p: _Patterns) -> bool:
    """Whether the last word or mark before ``at`` may end a qualifier."""
    i = at
    while i > lo and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == lo:
        return False
    if not text[i - 1].isalpha():
        return text[i - 1] in p.qualifier_tails
    j = i - 1
    while j > lo and text[j - 1].isalpha():
        j -= 1
    return fold(text[j:i]) in p.qualifier_tails


def _goes_on(text: str, at: int, p: _Patterns) -> bool:
    """Whether the words after a figure go on to another ("200 o mayor de 190",
    "5000 or more than 4500"): then they qualify that one, not this."""
    m = p.figure_next.match(text, at)
    if m is None:
        return False
    word = fold(m.group("next"))
    lang = p.lang
    return (
        word.isdigit()
        or word in lang.numbers
        or word in lang.weak_numbers
        or word in lang.article_numbers
    )

"""Numbers that claim no quantity: the extractor's filters.

A number is found wherever digits or number words stand, but many of them name
rather than count: links, handles, phone numbers and codes (masked as spans before
reading), and, judged one number at a time from the words around it, years, calendar
dates, clock times, ordinals, labels ("artículo 5") and names ("Boeing 737"). Each
filter says why in its docstring or comment; :func:`_not_a_claim` runs them in order.
"""

from __future__ import annotations

import bisect
import re

from factcheck._claim_patterns import _key, _Patterns
from factcheck._measure import (
    _WORD_AFTER,
    _WORDS,
    _degrees,
    _dimension,
    _unit_of,
    glued_subunit,
    qualifier_before,
)
from factcheck._subject import _is_verb
from factcheck.lang import Language, fold
from factcheck.numbers import Number

# Spans that hold digits but no quantity, whatever the language: links, e-mail and
# social handles, phone numbers (ITU-T E.123 and Mexican 2-4-4 / 3-3-4 groupings),
# calendar dates and clock times written with digits, and codes like "2-30-100".
# The pattern opens with the set of the first characters of all its branches, which
# lets the engine skip to them; the branches are grouped by that character, which each
# group checks behind it ("(?<=h)ttps?" is "https?", "(?<=\b\d)\d{0,3}" is "\b\d{1,4}").
_NOT_QUANTITIES = re.compile(
    r"""
    [\d(+@#hw]
    (?:
      (?<=h)ttps?://\S+ | (?<=w)ww\.\S+                 # URL with scheme or www
    | (?<=\B[@#])\w+                                   # handle, hashtag
    | (?:(?<=\+)\d{1,3}[ .-]?\(?\b\d | (?<=\()\b\d)    # phone (below) after "+52" or "("
      \d{1,2}\)?[ .-]\d{3,4}[ .-]\d{4}\b
    | (?<=\#)[ ]?\d{1,3}[A-Z]?[ ]?-[ ]?\d{1,3}\b        # calle 26 # 68-35: a Colombian address
    | (?<=\b\d)                                         # a digit that starts a word:
      (?: \d{1,2}\)?[ .-]\d{3,4}[ .-]\d{4}\b            # phone
        | (?<=\b0)\d{2,4}[ ]\d{3,4}[ ]\d{3,4}\b          # UK phone: 0300 123 5000
        | \d{0,3}[/.-]\d{1,2}[/.-]\d{2,4}\b             # 05/24/2022, 2025-11-21
        | \d?:\d{2}(?::\d{2})?(?!\d)                    # 21:00, 10:27, 11:45pm
        | \d*(?:-\d+){2,}\b                             # 2-30-100
        | \d*(?:-\d+)+(?:-[A-Z]+)+\b                    # 1-800-CALL-FBI
        | (?<!\d[ ]\d)\d?/\d{1,2}\b(?![ ]?%)            # 9/11, 24/7; not 10 1/2, 3/4%
        | \d*/\d{4}\b                                   # Ley 3/2023: a law's number and year
        | \d*\([a-z]\)                                  # 401(k)
        | (?:(?<=C\.P\.\ \d)|(?<=C\.P\.\d)|(?<=CP\ \d)|(?<=C\.P\ \d))\d{4}\b   # Mexican postal code
        | (?<=\b[A-Z]{2}\ \d)\d{4}(?:-\d{4})?\b         # US state and ZIP code
      )
    )
    """,
    re.VERBOSE,
)
# The tail of a bare link or an e-mail address ("bit.ly/3tgVlSo", "x2@prensa.mx"); the
# span is stretched back to the blank before it.
_LINK_TAIL = re.compile(
    r"\.(?:com|mx|org|net|ly|me|gob|gov|es|io|co|info|news)\b(?:/\S*)?|@[\w-]+\.\w\S*"
)
_BLANK_BEFORE = re.compile(r"\S*$")


# "venció 3-1", "lost 100-81 to": a score, two numbers of points, not a range.
# A comma or a point after it ends the clause ("venció 6-4, 3-6 y 7-5"); one before a digit
# makes a decimal ("3-1,5").
# (Its first digit is read before the test behind it, so that the engine skips to digits.)
_SCORE = re.compile(r"\d(?<![\w.,/-]\d)\d{0,2}[-–]\d{1,3}(?![\w%/-]|[.,]\d)")
_SCORE_LOOK_BACK = 60  # characters before the score where its verb or noun stands
_SCORE_LOOK_AHEAD = 24  # "a 3-1 home win": the noun within two words after it


def _masks(text: str, p: _Patterns) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Spans of ``text`` where numbers are not quantities, as sorted starts and ends."""
    spans = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
    for m in _SCORE.finditer(text):
        words = _WORDS.findall(fold(text[max(0, m.start() - _SCORE_LOOK_BACK) : m.start()]))
        after = _WORDS.findall(fold(text[m.end() : m.end() + _SCORE_LOOK_AHEAD]))
        if any(w in p.lang.score_words for w in words[-6:]) or any(
            w in p.lang.score_after for w in after[:2]
        ):
            spans.append((m.start(), m.end()))
    for m in _LINK_TAIL.finditer(text):
        head = _BLANK_BEFORE.search(text, max(0, m.start() - 200), m.start())
        spans.append((head.start() if head else m.start(), m.end()))
    spans.sort()
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def _masked(n: Number, masks: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = masks
    i = bisect.bisect_left(starts, n.end)  # masks [0, i) start before the number ends
    # Whether one of the last three ends after the number starts; ``max`` over a slice
    # tests them at C speed (``any`` over a generator cost twice this per number).
    return i > 0 and max(ends[max(0, i - 3) : i]) > n.start


def _measured_fraction(text: str, n: Number, p: _Patterns) -> bool:
    """ "1/4 mile", "3/4 de milla": a fraction before a unit is a measure, not a date or
    a code like "9/11" or "24/7", which the masks took it for; so is a part of a whole
    before "of" and a word ("more than 1/2 of the people", "3/4 de los votantes"), with
    a denominator of ten or less as prose writes them ("9/11 of" and "3/11 de" stay
    dates), and no month after ("el 1/2 de enero")."""
    if not (n.fraction and "/" in n.text):
        return False
    of = _OF_WORD.match(text, n.end)
    if of and n.value < 1 and int(n.text.rsplit("/", 1)[1]) <= _PROSE_DENOMINATOR:
        word = _WORD_AFTER.match(text, of.end(1))
        month = word is not None and fold(word.group(1)) in p.lang.months
        if fold(of.group(1)) in p.lang.fraction_of and not month:
            return True
    m = p.after.match(text, n.end)
    if m is None or not (m.group("word") or m.group("unit")):
        return False
    return _dimension(_unit_of(m, p.lang), p.lang) not in {"time", "money", "percent"}


_B = r"[ \t\u00a0]"  # a blank inside a line
_PROSE_DENOMINATOR = 10
_OF_WORD = re.compile(rf"{_B}+([^\W\d_]+){_B}+[^\W\d_]")  # "of the", "de los": a word after
_GLUED = re.compile(r"(?:[^\W\d_]-?|[#/]|\d[.,])$")
_SUFFIX = re.compile(r"[^\W\d_]+|\.?[ºª]|°")  # "12.ª jornada": an ordinal too
# A single quote may open a name: "bautizada como 'Tridente 2'" (double quotes open speech).
_WORD_BEFORE = re.compile(rf"([^\s]){_B}+['‘]?([^\W\d_][\w-]*){_B}+$")
# The first word of a text or a line before a figure: "Boeing 737 Max deliveries slump".
_FIRST_WORD = re.compile(rf"(?:^|\n)()['‘]?([^\W\d_][\w-]*){_B}+$")
# The word that ends a text, maybe with a point and blanks after it; and the same read
# on the text reversed, one anchored match instead of a search that tries every position.
_PREVIOUS_REVERSED = re.compile(rf"\n?{_B}*\.?([^\W\d_]+)")
_MONTH_DAY = re.compile(rf"[^\W\d_]+\.?{_B}+\d{{1,2}},?{_B}*$")  # "May 20, " before a year
_OPEN_BRACKET = re.compile(r"[(\[]$")
_SEASON = re.compile(r"(?<![\d.,])((?:19|20)\d\d)[-/–]$")
_PERCENT_OR_HYPHEN = re.compile(rf"{_B}*(?:%|-[^\W\d_])")
_LETTER_AFTER = re.compile(rf"{_B}+[^\W\d_]")


def _not_a_claim(text: str, n: Number, p: _Patterns) -> bool:
    """Years, dates, times, ordinals and identifiers hold numbers but claim no quantity."""
    before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
    # "Dos Bocas", "a Fourth of July": a capitalised number word inside a sentence is
    # part of a name.
    if n.words and _capitalised_inside(n, before, after):
        return True
    if n.words and _per_unit(before, n, p):
        return True
    if _denominator(before, n, p):
        return True
    if n.fraction:
        return False
    lang = p.lang
    # The item after is tested first: it is rarer than the article before.
    elided = n.plain and _ELIDED_ITEM.match(after) and n.value >= 2
    if elided and _previous_word(before) in lang.elided_labels:
        return True  # "la 3 (Indios Verdes-Universidad)": "la [Línea] 3"
    # "al 089", "0900 GMT": a whole number written with a leading zero is a code or a time.
    if n.plain and len(n.text) > 1 and n.text.startswith("0"):
        return True
    if _glued(before, p):
        return True
    # "1st", "3er", "2º" are ordinals; other letters glued after a figure make a code,
    # unless they are a unit ("10km"), a scale ("15mn") or a subunit ("85p").
    suffix = _SUFFIX.match(after)
    if (
        suffix
        and not n.words
        and not glued_subunit(text, n, lang)
        and not _unit_at(after, p)
        and not _degrees(text, n.start, n.end, lang)[0]  # "the angle is 0.8rad"
        and (
            suffix.group() in lang.ordinal_suffixes or suffix.group() not in lang.abbreviated_scales
        )
    ):
        return True
    # "221B Baker Street": a capital glued to a bare figure before a name is part of an
    # address or a code; "$221B Deal" in a headline keeps its currency.
    if (
        n.scaled
        and n.text[-1].isupper()
        and _NAME_AFTER.match(after)
        and not p.prefix.search(before)
        and not p.code_before.search(before)
        and not _unit_at(after, p)
    ):
        return True
    if n.plain and _street_number(after, lang):
        return True
    # "la temporada 2023-24", "fiscal 2024/25": the next year, written short.
    near = before[-2:]  # the mark, maybe with the line end that "$" lets pass
    season = _SEASON.search(before) if "-" in near or "/" in near or "–" in near else None
    if season and n.plain and len(n.text) == 2 and (int(season.group(1)) + 1) % 100 == n.value:
        return True
    if n.plain and _MODEL_SUFFIX.search(before[-30:]):
        return True  # the "9" of "Boeing 787-9": the variant of a model
    return (
        _dated_or_labelled(text, n, p)
        # "USD 200" is an amount, not a model name like "Boeing 737"; nor is a figure
        # with its unit ("Stock Jumps 9%", "Adds 300 Jobs" in a headline)
        or _model_name(before, after, n, p)
        or _is_clock(before, after, n, p)
        or _is_decade(before, after, n, p)
        or _is_year(text, n, p)
        or _is_tenor(before, after, p)
    )


def _glued(before: str, p: _Patterns) -> bool:
    """ "COVID-19", "#5", "A320", "bit.ly/3tg": a number glued to a word names something,
    but "USD115" is an amount."""
    return bool(_GLUED.search(before[-2:])) and not p.glued_code.search(before)


def _model_name(before: str, after: str, n: Number, p: _Patterns) -> bool:
    """ "Boeing 737": a number in a name. "USD 200" is an amount, and so is a figure
    with its unit ("Stock Jumps 9%", "Adds 300 Jobs" in a headline)."""
    return (
        _is_name(before, after, n, p)
        and not p.code_before.search(before)
        and not _unit_at(after, p)
    )


def named_range(text: str, n: Number, p: _Patterns) -> bool:
    """Whether the first figure of "A350-1000" or "Boeing 737-800" names a model, or
    that of "de las 10 a las 21 horas" an hour: the pair is no range."""
    before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
    return _glued(before, p) or _model_name(before, after, n, p) or _is_clock(before, after, n, p)


_FIGURE_BEFORE = re.compile(rf"\d{_B}+$")
# A capitalised name, its model number and a hyphen: "Boeing 787-", "Airbus 330-".
_MODEL_SUFFIX = re.compile(rf"(?<!\w)[A-Z][a-z]\w*{_B}+\d{{3}}-$")
_NAME_AFTER = re.compile(rf"{_B}+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")


# One or two capitalised words, then the street's kind: " Park Avenue", " Downing Street".
_STREET_NAME = re.compile(rf"{_B}+(?:[A-Z][\w'.-]*{_B}+){{1,2}}([A-Z][a-z]+)\b")


def _street_number(after: str, lang: Language) -> bool:
    name = _STREET_NAME.match(after)
    return name is not None and fold(name.group(1)) in lang.street_kinds


_ROUND_BASES = frozenset({100, 1_000, 10_000, 100_000, 1_000_000})


def _denominator(before: str, n: Number, p: _Patterns) -> bool:
    """ "25 homicidios por cada 100 mil habitantes", "12 deaths per 100,000 people": the
    base of a rate, which claims no quantity of its own."""
    return n.value in _ROUND_BASES and _previous_word(before) in p.lang.per_unit


def _per_unit(before: str, n: Number, p: _Patterns) -> bool:
    """ "$4.95 a dozen", "80 cents a dozen": after a price, "a dozen" is the unit priced,
    not twelve of something ("a dozen clinics" counts)."""
    head = n.text.split(maxsplit=1)[0]
    if fold(head) not in p.lang.article_numbers:
        return False
    if _FIGURE_BEFORE.search(before):
        return True
    word = _previous_word(before)
    return bool(word) and bool(
        _key(word, p.lang.currency_words) or _key(word, p.lang.currency_subunits)
    )


def _is_tenor(before: str, after: str, p: _Patterns) -> bool:
    """ "a 30-year fixed loan", "the 10-year Treasury yield", "el bono a 10 años": the
    term that names a bond or a loan, not a span of time the article claims."""
    m = _TENOR_AFTER.match(after)
    if m and fold(m.group(1)) in p.lang.tenors:
        return True
    if not before.rstrip(" \t\u00a0\n").endswith("a"):
        return False  # no "a" before the figure: the search below would fail
    word = _WORD_BEFORE_A.search(before)
    return bool(word and fold(word.group(1)) in p.lang.tenors)


_TENOR_AFTER = re.compile(rf"-?(?:year|yr|month)s?(?:-|{_B}+)([^\W\d_]+)")
_WORD_BEFORE_A = re.compile(rf"([^\W\d_]+){_B}+a{_B}+$")


_OPENING = re.compile(r"(?:^|[.!?:;\n\"“«(—–-])[ \t\u00a0'‘\"“«(]*$")


def _capitalised_inside(n: Number, before: str, after: str) -> bool:
    words = n.text.split()
    capital = any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper())
    if not capital or n.text.isupper():
        return False
    if _OPENING.search(before):
        # After a bracket or a quote, only before another capital: "(Cuatro Caminos-
        # Tasqueña)" is a station, "(Cuatro muertos)" a count.
        bracket = _BRACKETED.search(before)
        nxt = _NEXT_CAPITAL.match(after)
        return bool(bracket and nxt) and not _title_case(before, after)
    return not _title_case(before, after)


_ELIDED_ITEM = re.compile(r"[ \t\u00a0]*(?:\(|[A-ZÁÉÍÓÚÑ][a-záéíóúñü])")
_BRACKETED = re.compile(r"[(\[\"“«'‘][ \t\u00a0]*$")
_NEXT_CAPITAL = re.compile(r"[ \t\u00a0-]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]")


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(before: str, after: str) -> bool:
    """Whether the line around a figure is a headline in title case ("Sonora Gets Two New
    Hospitals"), where every word is capitalised, not only names."""
    line = before.rsplit("\n", 1)[-1] + " " + after.split("\n", 1)[0]
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _dated_or_labelled(text: str, n: Number, p: _Patterns) -> bool:
    """Whether a figure is a day of a date ("Nov. 22") or follows a label ("artículo 4")."""
    before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
    labelled = not n.words and n.value < 100_000 and _labelled(text, n, p)
    return labelled or _is_date(before, after, n, p)


# The most items of a list of labels looked back over: "estratos 1, 2, 3, 4 y 5".
_LIST_ITEMS = 6
_TWO_WORDS = re.compile(rf"([^\W\d_]+){_B}+([^\W\d_]+)\.?{_B}*$")


# "90+" before a figure, read reversed: the figure adds to a labelled one.
_ADDED_REVERSED = re.compile(r"\+\d{1,3}(?!\d)")


def _labelled(text: str, n: Number, p: _Patterns) -> bool:
    """Whether a label names the figure: "artículo 4", "el lugar 126", "la avenida Cabildo
    al 2400", or one before the list the figure is in ("estratos 1, 2 y 3", "exits 17
    and 19"; after a singular label, an item with a counted noun after it is a count:
    "la Línea 12, 300 usuarios")."""
    lang = p.lang
    at, listed = n.start, False
    added = _ADDED_REVERSED.match(text[max(0, at - 5) : at][::-1])
    if added:
        at -= added.end()  # "el minuto 90+3": stoppage time is the label's too
    for _ in range(_LIST_ITEMS):
        before = text[max(0, at - 40) : at]
        word = _previous_word(before)
        if word in lang.label_adjectives:  # "la carretera federal 15"
            word = _previous_word(_before_previous_word(before))
        if word in lang.labels:
            return not listed or not _counted_after(text, n.end, p)
        if word in lang.list_labels:  # "exits 17 and 19", not "exits 17 markets"
            return listed or bool(p.list_next.match(text, n.end))
        if word in lang.article_labels:
            two = _TWO_WORDS.search(before)
            return bool(two and fold(two.group(1)) in lang.articles)
        if word in lang.address_links:
            return _labelled_street(before, lang)
        item = p.list_item_reversed.match(before[::-1])
        if item is None:
            return False
        at, listed = at - item.end(1), True  # where the item's figure starts
    return False


def _counted_after(text: str, end: int, p: _Patterns) -> bool:
    """Whether a noun the figure may count follows it: a word in lower case that no
    stop list holds ("300 usuarios", not "3 del pabellón", "19 for 3 weeks")."""
    nxt = _WORD_AFTER.match(text, end)
    return bool(nxt and nxt.group(1).islower() and fold(nxt.group(1)) not in p.lang.subject_stop)


# A street's name between its label and an address link: "avenida Cabildo al", "calle
# Juan B. Justo al".
_NAME_WORDS = 4


def _labelled_street(before: str, lang: Language) -> bool:
    """Whether the words before an address link ("al") are a labelled street's name:
    capitalised words after a label ("la avenida Cabildo al 2400")."""
    words = before.split()[:-1]  # the link itself is last
    for k in range(1, min(_NAME_WORDS, len(words)) + 1):
        word = words[-k]
        if fold(word.rstrip(".,")) in lang.labels:
            return k > 1
        if not word[:1].isupper():
            return False
    return False


def _is_name(before: str, after: str, n: Number, p: _Patterns) -> bool:
    """ "Boeing 737", "Agenda 2030", "Windows 11", "iPhone 15": a bare integer right after a
    capitalized word inside a sentence names a model, an event or a plan. A title-case
    headline ("Sonora Gets 376 Health Facilities") is left alone."""
    if not (n.plain or _VERSION.fullmatch(n.text)):
        return False
    m = _WORD_BEFORE.search(before[-30:]) or _FIRST_WORD.search(before[-30:])
    if m and m.group(2)[0].islower() and not m.group(2).islower():
        return True  # "iPhone 15", "iOS 17", "iOS 18.2": a brand written in camel case
    if not n.plain:
        return False
    if not m or not m.group(2)[0].isupper():
        return False
    nxt = _WORD_AFTER.match(after)
    # "Boeing 737 Max", but not a headline's "Sonora Gets 376 Health Facilities"
    capital_after = nxt and nxt.group(1)[0].isupper() and not nxt.group(1).isupper()
    if not m.group(1) or m.group(1) in '.!?:"“«':
        # The first word of a sentence or a line has its capital anyway: a name only
        # before another capitalised word in a line that is not in title case ("Boeing
        # 737 Max deliveries slump to 24"), and never a qualifier or a function word
        # ("About 300 National Guard troops", "The 300 Spartans").
        word = fold(m.group(2))
        if word in p.qualifier_heads or word in p.lang.subject_stop:
            return False
        return bool(capital_after) and not _title_case(before, after)
    return not (capital_after and _title_case(before, after))


# A release as software names it: "18.2", "3.11".
_VERSION = re.compile(r"\d{1,3}\.\d{1,2}")


def _before_previous_word(before: str) -> str:
    """``before`` without the word :func:`_previous_word` reads."""
    m = _PREVIOUS_REVERSED.match(before[-24:][::-1])
    return before[: len(before) - m.end()] if m else before


def _previous_word(before: str) -> str:
    # Matched on the text reversed: one anchored match instead of a search that tries
    # every position of the window (the same word: the run of letters is greedy).
    m = _PREVIOUS_REVERSED.match(before[-24:][::-1])
    return fold(m.group(1)[::-1]) if m else ""


def _is_date(before: str, after: str, n: Number, p: _Patterns) -> bool:
    if n.words or n.scaled or n.value > 3000:
        return False
    nxt = p.month_after.match(after)
    if nxt and fold(nxt.group(1)) in p.lang.months and n.value <= 31:
        return True
    if n.plain and n.value <= 31 and _day_of_month(before, after, p):
        return True
    if not n.plain:
        return False  # what follows holds for a bare integer only
    prev = p.month_before_reversed.match(before[-30:][::-1])
    if prev and fold(prev.group(1)[::-1]) in p.lang.months and n.plain:
        # "May 20", "enero de 2024"; after "en agosto, " a figure starts a new clause
        # unless it is a year ("June, 2024").
        return _is_plain_year(n) or ("," not in prev.group() and n.value <= 31)
    return bool(_is_plain_year(n) and _MONTH_DAY.search(before[-24:]))


def _day_of_month(before: str, after: str, p: _Patterns) -> bool:
    """ "del 18 al 19 de noviembre", "between 4 and 6 June": the first of two days of one
    month; "el domingo 12 a las 15:30": a day after its weekday (not "el domingo 12
    heridos"); "los días 3, 10 y 17 de diciembre": the first days of a list of them."""
    listed = _NEXT_DAYS.match(after)  # always matches, maybe empty
    joined = p.day_joined.match(after, listed.end() if listed else 0)
    if joined:
        nxt = p.month_after.match(after, joined.end())
        if nxt and fold(nxt.group(1)) in p.lang.months:
            return True
    if not p.weekday_day.search(fold(before[-30:])):
        return False
    nxt = _WORD_AFTER.match(after)
    return not (nxt and nxt.group(1).islower() and fold(nxt.group(1)) not in p.lang.subject_stop)


# ", 10" in "los días 3, 10 y 17 de diciembre": the next days of a list, or none (each
# opens with its comma: no backtracking to fear).
_NEXT_DAYS = re.compile(r"(?:[ \t]*,[ \t]*\d{1,2}(?!\d|[.,]\d))*")


# An hour and its minutes after a point: "7.15", "23.30".
_HOUR_MINUTES = re.compile(r"(?:[01]?\d|2[0-4])[.,][0-5]\d")


def _is_clock(before: str, after: str, n: Number, p: _Patterns) -> bool:
    """ "a las 9", "at 3 p.m.", "a las 21 horas": a time of day, not nine of something."""
    if n.half_width and _HOUR_MINUTES.fullmatch(n.text) and p.clock_article.search(before[-12:]):
        # "después de las 7.15", "a las 9.00 horas", not "las 7.15 toneladas"
        m = p.after.match(after)
        return not _unit_at(after, p) or bool(m and _time_unit(m, p))
    if n.words or n.value > 24 or n.half_width:
        return False
    if p.clock_after.match(after):
        return True
    to = p.clock_to.match(after)
    if to and p.clock_from.search(before[-16:]):
        return _clock_end(after[to.end() :], p)  # not "de las 10 a las 12 empresas"
    return bool(p.clock_before.search(before[-16:])) and _clock_end(after, p)


def _clock_end(after: str, p: _Patterns) -> bool:
    """Whether what follows an hour leaves it one: a unit of time ("21 horas"), "de la
    mañana", or no word."""
    m = p.after.match(after)
    if m:
        return _time_unit(m, p)
    return not _LETTER_AFTER.match(after) or bool(p.clock_joined.match(after))


def _is_decade(before: str, after: str, n: Number, p: _Patterns) -> bool:
    """ "desde principios de los noventa", "en los años 80": a decade, not ninety of
    something; "los noventa diputados" counts them."""
    if not 20 <= n.value <= 90 or n.value % 10 or n.scaled:  # "1E100" % 10 would raise
        return False
    lang = p.lang
    words = [fold(w) for w in before.split()[-2:]]
    if len(words) == 2 and words[0] in lang.decade_articles and words[1] in lang.decade_nouns:
        return True  # "los años 80"
    if not words or words[-1] not in lang.decade_articles or not n.words:
        return False  # "De los 40, 20 fueron liberados": digits after "los" count
    word = _WORD_AFTER.match(after)
    if word is None:
        return True
    token = word.group(1)
    return fold(token) in lang.subject_stop or token[0].isupper() or _is_verb(token, lang)


def _time_unit(after: re.Match[str], p: _Patterns) -> bool:
    """Whether the unit after the figure is one of time: "a las 21 horas"."""
    return not after.group("de") and _dimension(_unit_of(after, p.lang), p.lang) == "time"


def _is_plain_year(n: Number) -> bool:
    return n.plain and len(n.text) == 4 and 1000 <= n.value <= 2100


def _is_year(text: str, n: Number, p: _Patterns) -> bool:
    """A bare four-digit number is a year unless a counted noun follows and nothing
    before it introduces a year ("1850 camas" is a count, "en 2025 se" a year)."""
    if not _is_plain_year(n):
        return False
    after = text[n.end : n.end + 40]
    if _unit_at(after, p) or _PERCENT_OR_HYPHEN.match(after):
        return False
    if _after_count_bound(text, n, p):
        return False
    before = text[max(0, n.start - 30) : n.start]
    if _previous_word(before) in p.lang.year_words or _OPEN_BRACKET.search(before[-1:]):
        return True
    nxt = _WORD_AFTER.match(after)
    if nxt and _year_of_phrase(after, p.lang):
        return True
    return not (nxt and fold(nxt.group(1)) not in p.lang.subject_stop and nxt.group(1).islower())


# Up to three words in lower case, a joiner, then a figure: " net income of $96.95".
_PHRASE_THEN_FIGURE = re.compile(
    rf"(?:{_B}+[a-z][a-z-]*){{1,3}}{_B}+([a-z]+){_B}+(?:[A-Z]{{0,3}}[$€£]{_B}?)?\d"
)


def _year_of_phrase(after: str, lang: Language) -> bool:
    """Whether a four-digit figure is the year of the noun phrase after it, which another
    figure measures: "reported 2024 net income of 96.95 billion pesos"."""
    m = _PHRASE_THEN_FIGURE.match(after) if lang.year_before_figure else None
    return m is not None and m.group(1) in lang.year_before_figure


# Bounds that compare amounts: "más de 2000 personas", "above 1000 and below 1500".
_COUNT_BOUNDS = frozenset({"more_than", "less_than", "at_least", "at_most"})


def _after_count_bound(text: str, n: Number, p: _Patterns) -> bool:
    """Whether a comparative bounds the figure, which makes it a count and not a year
    ("murieron más de 2000 personas", "more than 1500."); some bounds also stand before
    a year ("up to 2030", "hasta 2030") and leave it to the other rules."""
    found = qualifier_before(text, max(0, n.start - 40), n.start, p)
    if found is None:
        return False
    start, written = found
    if text[start : n.start].split() != written.split():
        return False  # "un 7,8% superior al de 2023": a word between points to a year
    kind = p.lang.qualifiers_before.get(_key(written, p.lang.qualifiers_before), "")
    return kind in _COUNT_BOUNDS and fold(written) not in p.lang.year_bounds


def _unit_at(after: str, p: _Patterns) -> bool:
    m = p.after.match(after)
    return bool(m and not m.group("de"))

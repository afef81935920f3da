"""The number layer: find number expressions in text and read their values.

It knows numerals, not claims: "2025" here is the number 2025, and deciding that it
is a year is the extractor's job. Digits, words and mixed forms are read by one
grammar fed by the language data ("un millón 175 mil 259", "243 mil 053",
"twenty-three", "4.2bn", "103 mil 714 millones").

Every regex is linear: digit runs are matched possessively and then interpreted in
Python, so a megabyte of "1,2.3,4" cannot make the engine backtrack.

This module holds the public API and the scan that ties the parts together; the
parts live in private modules named for them: ``_digits`` (a run of digits and
separators read under a locale), ``_number_grammar`` (the regex grammar built from
the language data) and ``_number_builder`` (atoms added up into one value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from factcheck._digits import _digit_atoms, read_digits
from factcheck._number_builder import (
    FRACTION_PLACES,
    _Atom,
    _bar_tail,
    _Builder,
    _decimal_tail,
    _fraction_tail,
    _joiner,
    _of_scale,
    _ordinal_tail,
)
from factcheck._number_grammar import _Grammar, _grammar
from factcheck.lang import Language, Locale, fold, language

__all__ = [
    "Number",
    "find_numbers",
    "implied_locale",
    "parse_number",
    "plain_decimal",
    "read_digits",
]


def plain_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponents: 1280000000.00 → 1280000000, 0.50 → 0.5.

    >>> plain_decimal(Decimal("1.28E+9")), plain_decimal(Decimal("50000.00"))
    (Decimal('1280000000'), Decimal('50000'))
    """
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


@dataclass(frozen=True, slots=True)
class Number:
    """A number expression as found: where, the text, and what it is worth.

    ``half_width`` is the rounding the written precision allows ("1.3 millones" →
    50,000); zero when the number is exact as written. ``currency`` is the unit the
    expression names itself: MXN for "448 mdp", percentage_point for "medio punto".
    """

    start: int
    end: int
    text: str
    value: Decimal
    half_width: Decimal
    scaled: bool = False
    words: bool = False
    plain: bool = False
    currency: str | None = None
    fraction: bool = False
    scale: Decimal = Decimal(1)  # the largest scale applied: 1000 for "12 mil"


def _after_month(lang: Language, text: str, at: int) -> bool:
    last = _LAST_WORD.search(text[max(0, at - 16) : at].rstrip(" \t\u00a0"))
    return last is not None and fold(last.group()) in lang.months


# The word after a singular fraction: "un quinto informe" is an ordinal.
_WORD_AFTER = re.compile(r"(?:[ \t\u00a0]+|-)([^\W\d_]+)")
_LETTERS = re.compile(r"[^\W\d_]+")


def _bound(lang: Language, text: str, end: int) -> bool:
    """Whether a noun follows ("un quinto informe"); "de", "of" and a percent word
    ("un quinto por ciento") leave the fraction free."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and fold(after.group(1)) not in _free_after(lang.code)


@cache
def _free_after(code: str) -> frozenset[str]:
    lang = language(code)
    percent = {fold(k.split()[0]) for k in lang.percent}
    return lang.fraction_of | percent


def _denominator(lang: Language, word: str, start: int, end: int, text: str) -> _Atom:
    ordinal = word in lang.ordinal_denominators
    value = Decimal(lang.denominators[word])
    return _Atom("denom", value, start, end, ordinal=ordinal, bound=_bound(lang, text, end))


def _tens_ordinal(lang: Language, text: str, start: int, end: int) -> _Atom:
    """ "twenty-first", "thirty fifths": one denominator (21, 35), or a tens word and a
    fraction word apart ("twenty fifths" alone is 20/5)."""
    tens = _LETTERS.match(text, start)
    unit = list(_LETTERS.finditer(text, start, end))[-1]
    assert tens is not None
    tens_value = Decimal(lang.numbers[fold(tens.group())])
    word = fold(unit.group())
    split = [_Atom("word", tens_value, start, tens.end())]
    if word in lang.denominators:
        split.append(_denominator(lang, word, unit.start(), end, text))
    return _Atom(
        "tens_ordinal",
        tens_value + lang.tens_ordinals[word],
        start,
        end,
        ordinal=word in lang.tens_ordinal_singulars,
        bound=_bound(lang, text, end),
        split=tuple(split),
    )


def _compound(g: _Grammar, text: str, start: int, end: int) -> _Atom:
    """A denominator in one word: "cientocincoavos" 105, "dosmilésimos" 2000. The
    numbers inside are read one by one, longest first, and added up like words."""
    lang = g.lang
    word = fold(text[start:end])
    ends = {*lang.denominator_suffixes, *lang.denominators}
    sub = _Builder(lang)
    pos = 0
    while not (sub.atoms and word[pos:] in ends):
        m = g.stem.match(word, pos)
        if m is None:
            return _Atom("bad", Decimal(0), start, end)
        piece = m.group("stem")
        if piece in lang.numbers:
            atom = _Atom("word", Decimal(lang.numbers[piece]), start, end)
        else:
            atom = _Atom("scale", lang.scales[piece], start, end)
        if not sub.accepts(atom, ""):
            return _Atom("bad", Decimal(0), start, end)
        sub.add(atom)
        pos = m.end()
    value = sum((v for v, _, _ in sub.parts), Decimal(0))
    rest = word[pos:]
    if rest in lang.denominators:  # "dosmilésimos": two thousandths of the scale
        value *= lang.denominators[rest]
    ordinal = rest in lang.ordinal_denominators
    return _Atom("denom", value, start, end, ordinal=ordinal, bound=_bound(lang, text, end))


def _exponent(found: list[_Atom], exp: int, text: str, start: int, end: int) -> list[_Atom]:
    """ "1.3e6", "-12e-1": the mantissa times a power of ten, as precise as written
    (1.3e6 is 1,300,000 give or take 50,000). Glued to a letter ("x1e10") it is a code."""
    if len(found) != 1 or found[0].kind != "digits" or text[start - 1 : start].isalnum():
        return [_Atom("bad", Decimal(0), start, end)]
    a = found[0]
    half = Decimal(5).scaleb(-a.decimals - 1 + exp) if a.decimals else Decimal(0)
    return [_Atom("digits", a.value.scaleb(exp), a.start, end, a.decimals, closes=True, half=half)]


def _atoms(
    g: _Grammar, text: str, span: tuple[int, int], locale: Locale
) -> list[tuple[_Atom, str]]:
    """Split the expression at ``span`` into atoms, each with the separator before it.
    The whole text is scanned so that lookbehinds see the word before ("minus one")."""
    lang = g.lang
    names = g.atom.groupindex  # a language without one-word denominators has no group
    signed, unit_one = "signed" in names, "unit_one" in names
    out: list[tuple[_Atom, str]] = []
    prev_end = span[0]
    # The atoms' lookaheads see a little past a span that ends in a weak word, as the
    # expression's did: the unit after "one mile" is not part of the number but lets
    # the "one" count.
    end = span[1]
    last = _LAST_WORD.search(text, max(span[0], end - _LONGEST_WEAK), end)
    if last and fold(last.group()) in lang.weak_numbers:
        end = min(len(text), end + _LOOK_PAST)
    for m in g.atom.finditer(text, span[0], end):
        if m.start() >= span[1]:
            break
        sep = text[prev_end : m.start()]
        prev_end = m.end()
        start, end = m.start(), m.end()
        if m.group("slash") is not None:
            top, bottom = (int(x) for x in m.group("slash").split("/"))
            kind = "slash" if bottom else "bad"
            value = (Decimal(top) / bottom).quantize(FRACTION_PLACES) if bottom else Decimal(0)
            out.append((_Atom(kind, plain_decimal(value), start, end), sep))
        elif m.group("vulgar") is not None:
            out.append((_Atom("slash", lang.vulgar_fractions[m.group("vulgar")], start, end), sep))
        elif m.group("digits") is not None:
            run, lead = m.group("digits"), m.group("lead")
            if lead and lead == locale.decimal and run.isdigit():
                found = [
                    _Atom("digits", Decimal(f"0.{run}"), start, start + 1 + len(run), len(run))
                ]
            elif " " in run and _after_month(lang, text, m.start()):
                # "May 5 300 protesters": a day, then a count.
                found = _digit_atoms(run, m.start("digits"), locale, split=True)
            else:
                found = _digit_atoms(run, m.start("digits"), locale)
                sep += lead or ""  # a mark of the other locale parts numbers
            if m.group("exp") is not None:
                found = _exponent(found, int(m.group("exp")), text, start, end)
            for k, atom in enumerate(found):
                out.append((atom, sep if k == 0 else " "))
            if m.group("glued") is not None and found[-1].kind == "digits":  # "2½"
                value = lang.vulgar_fractions[m.group("glued")]
                out.append((_Atom("slash", value, end - 1, end), ""))
            abbr, spaced = m.group("abbr"), m.group("spaced")
            if (abbr or spaced) and found[-1].kind == "digits":
                scale = lang.abbreviated_scales[abbr] if abbr else lang.spaced_scales[spaced]
                out.append((_Atom("scale", scale, start, end, closes=True), ""))
        elif (signed and m.group("signed") is not None) or (unit_one and m.group("unit_one")):
            out.append((_Atom("word", Decimal(1), start, end), sep))
        elif m.group("weak") is not None or m.group("article") is not None:
            out.append((_Atom("weak", Decimal(1), start, end), sep))
        elif m.group("bare") is not None:
            value = lang.bare_fractions[fold(m.group("bare"))]
            out.append((_Atom("bare", value, start, end), sep))
        elif "compound" in names and m.group("compound") is not None:
            out.append((_compound(g, text, start, end), sep))
        elif "tens_ordinal" in names and m.group("tens_ordinal") is not None:
            word, head = fold(m.group("word")), m.end("word")
            tens = lang.numbers.get(word, 0)
            if tens % 10 == 0 and 20 <= tens <= 90:
                out.append((_tens_ordinal(lang, text, start, end), sep))
                continue
            # "three fifths", "hundred-fifths": a numerator, then a fraction word.
            out.append((_word_atom(lang, word, start, head, text), sep))
            unit = _LETTERS.search(text, head, end)
            assert unit is not None
            if fold(unit.group()) in lang.denominators:
                atom = _denominator(lang, fold(unit.group()), unit.start(), end, text)
                out.append((atom, text[head : unit.start()]))
        else:
            out.append((_word_atom(lang, fold(m.group("word")), start, end, text), sep))
    return out


_LOOK_PAST = 24  # characters: a blank or a hyphen and the longest unit word
_LONGEST_WEAK = 8


def _word_atom(lang: Language, word: str, start: int, end: int, text: str) -> _Atom:
    if word in lang.numbers:
        return _Atom("word", Decimal(lang.numbers[word]), start, end)
    if word in lang.scales:
        return _Atom("scale", lang.scales[word], start, end)
    if word in lang.scale_currency:
        scale, cur = lang.scale_currency[word]
        return _Atom("scale", scale, start, end, currency=cur, closes=True)
    return _denominator(lang, word, start, end, text)


def _finish(b: _Builder, source: str) -> Number | None:
    atoms = b.atoms
    if not atoms or (atoms[-1].kind == "weak" and not (b.weak_alone and len(atoms) == 1)):
        return None
    kinds = {a.kind for a in atoms}
    if atoms[0].kind == "bare" and "scale" not in kinds:
        return None  # "media", "half" alone: an average, a part
    parts = b.parts
    if b.tail_scale is not None:  # "3 million and a half": a half of a million
        value, half, level = parts[-1]
        parts = [*parts[:-1], (value * b.tail_scale, half * b.tail_scale, level)]
    # One pass over the parts, added in order as ``sum`` would: the largest scale is the
    # first of the largest, as ``max`` keeps it.
    value = half = Decimal(0)
    scale = parts[0][2] if parts else Decimal(1)
    for v, h, level in parts:
        value += v
        half += h
        if level > scale:
            scale = level
    start, end = atoms[0].start, atoms[-1].end
    text = source[start:end]
    return Number(
        start=start,
        end=end,
        text=text,
        value=plain_decimal(value),
        half_width=plain_decimal(half),
        scaled="scale" in kinds,
        words=not kinds.isdisjoint(_WORDED)
        or any(a.kind == "scale" and not a.closes for a in atoms),
        plain=kinds == _DIGITS_ONLY and atoms[0].decimals == 0 and text.isdigit(),
        currency=b.currency,
        fraction=b.fraction,
        scale=scale,
    )


_WORDED = frozenset({"word", "weak", "bare"})
_DIGITS_ONLY = frozenset({"digits"})


def find_numbers(
    text: str, lang: str = "es", locale: str | None = None, *, weak_alone: bool = False
) -> list[Number]:
    """Every number expression in ``text``, in order.

    Words that are numbers only sometimes ("un", "one", "a") count only before a
    scale ("un millón", "a dozen") unless ``weak_alone`` is set.

    >>> [str(n.value) for n in find_numbers("un millón 175 mil 259 consultas y 243 mil 053")]
    ['1175259', '243053']
    >>> n = find_numbers("más de 1.3 millones de cirugías")[0]
    >>> n.value, n.half_width
    (Decimal('1300000'), Decimal('50000'))
    >>> [str(n.value) for n in find_numbers("twenty-three states and a dozen clinics", "en")]
    ['23', '12']
    >>> [str(n.value) for n in find_numbers("2 millones y medio, menos cinco grados")]
    ['2500000', '-5']
    >>> [str(n.value) for n in find_numbers("two and a half million, nine point nought four", "en")]
    ['2500000', '9.04']
    >>> [str(n.value) for n in find_numbers("1 234 567 votes, a .08 limit, file v.08", "en")]
    ['1234567', '0.08', '8']
    """
    g = _grammar(lang, weak_alone)
    loc = g.lang.locale(locale)
    found: list[Number] = []
    for m in g.expression.finditer(text):
        quick = _plain_digits(m, loc) or _scaled_digits(m, g.lang, loc) or _number_word(m, g.lang)
        if quick is not None:
            found.append(quick)
            continue
        builder = _Builder(g.lang, weak_alone)
        atoms = _atoms(g, text, m.span(), loc)
        i = 0
        while i < len(atoms):
            atom, sep = atoms[i]
            if atom.kind == "weak" and builder.atoms:  # "cincuenta y uno", "million one hundred"
                atom = _Atom("word", atom.value, atom.start, atom.end)
            joiner = _joiner(sep)
            if atom.kind == "tens_ordinal":
                # "one hundred thirty fifths" is 100/35; "twenty fifths" alone and
                # "one hundred and thirty fifths" keep the tens word in the numerator.
                as_denominator = replace(atom, kind="denom")
                if builder.open and not joiner and builder.accepts(as_denominator, sep):
                    atom = as_denominator
                else:
                    atoms[i : i + 1] = [(atom.split[0], sep), *((a, " ") for a in atom.split[1:])]
                    continue
            taken = 0
            # "treinta y dos quintos" is 32/5: a joiner between tens and units belongs
            # to the number; elsewhere it adds a fraction ("ciento tres con dos tercios").
            last = builder.atoms[-1] if builder.atoms else None
            units = last is not None and last.kind == "word" and 20 <= last.value <= 90
            units = units and atom.kind == "word" and atom.value < 10
            units = units and joiner in g.lang.tens_connectors
            if builder.open and joiner in g.lang.fraction_joiners and not units:
                taken = _fraction_tail(builder, atoms, i)
            if builder.open and not taken and joiner in g.lang.decimal_words:
                taken = _decimal_tail(builder, atoms, i)
            # "two thirds of a million", and with no "of a": "three quarters billion"
            if joiner in g.lang.fraction_of or (atom.kind == "scale" and sep.isspace()):
                taken = _of_scale(builder, atoms, i)
            bar = joiner in g.lang.fraction_bars or joiner in g.lang.part_of_whole
            if builder.open and not taken and bar:
                taken = _bar_tail(builder, atoms, i, text)
            if builder.open and not taken and not joiner:
                taken = _ordinal_tail(builder, atoms, i)
            if taken:
                i += taken
                continue
            i += 1
            # "3 hundred and 2 hundred": two numbers.
            apart = joiner in g.lang.connectors and _repeats_scale(builder, atoms[i : i + 1])
            following = _next_unjoined(atoms, i)
            if not apart and atom.kind != "bad" and builder.accepts(atom, sep, following):
                builder.add(atom)
                continue
            number = _finish(builder, text)
            if number is not None:
                found.append(number)
            builder = _Builder(g.lang, weak_alone)
            if atom.kind != "bad" and builder.accepts(atom, "", following):
                builder.add(atom)
        number = _finish(builder, text)
        if number is not None:
            found.append(number)
    out: list[Number] = []
    for n in found:
        out.append(_signed(n, text, g, out[-1] if out else None))
    return out


# Most expressions in news are a bare digit run ("2,751", "448.3", "2025"): read
# them without the atom grammar, which costs three times the scan that found them.
_PLAIN_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_EXACT = Decimal(0)  # the half width of a figure written in whole units


def _plain_digits(m: re.Match[str], locale: Locale) -> Number | None:
    """The number of an expression made of digits and marks only, when they read as
    one number; None sends the expression through the full grammar."""
    run = m.group()
    if run.isdecimal():  # "2025", "300": the commonest, with no mark to read
        return Number(m.start(), m.end(), run, Decimal(run), _EXACT, plain=True)
    if not _PLAIN_RUN.fullmatch(run):
        return None
    read = read_digits(run, locale)
    if read is None:
        return None
    value, decimals = read
    start, end = m.span()
    return Number(
        start=start,
        end=end,
        text=run,
        value=plain_decimal(value),
        half_width=plain_decimal(Decimal(5).scaleb(-decimals - 1)) if decimals else Decimal(0),
        plain=decimals == 0 and run.isdigit(),
    )


# The commonest worded expression is a digit run and a scale word ("3.5 millones", "20
# million"): read without the atom grammar and the builder, which cost ten times this.
_SCALED_RUN = re.compile(r"(\d+(?:[.,]\d+)*)[ \t\u00a0]+([^\W\d_]+)")


def _scaled_digits(m: re.Match[str], lang: Language, locale: Locale) -> Number | None:
    """The number of a digit run and one scale word, as the builder adds them up (the
    run times the scale, its rounding too); None sends other expressions, and the scale
    words that are something else as well, through the full grammar."""
    scaled = _SCALED_RUN.fullmatch(m.group())
    if scaled is None:
        return None
    written = scaled.group(2)
    word = fold(written)
    scale = lang.scales.get(word)
    if scale is None or written in lang.spaced_scales or word in lang.numbers:
        return None  # "10 bn" closes its digits; the numbers table is read first
    if word in lang.bare_fractions or word in lang.weak_numbers or word in lang.article_numbers:
        return None
    read = read_digits(scaled.group(1), locale)
    if read is None or read[0] == scale:
        return None  # "1000 mil" is two numbers
    value, decimals = read
    half = Decimal(5).scaleb(-decimals - 1) if decimals else _EXACT
    return Number(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        value=plain_decimal(value * scale),
        half_width=plain_decimal(half * scale),
        scaled=True,
        words=True,  # a scale written as a word
        scale=scale,
    )


def _number_word(m: re.Match[str], lang: Language) -> Number | None:
    """ "tres", "five": one number word alone, as the builder reads it; None sends other
    expressions, and the words that are something else as well (a weak "un", a scale, a
    fraction), through the full grammar."""
    written = m.group()
    if not written.isalpha():
        return None
    word = fold(written)
    value = lang.numbers.get(word)
    if value is None or word in lang.weak_numbers or word in lang.article_numbers:
        return None
    if word in lang.bare_fractions or word in lang.scales or word in lang.denominators:
        return None
    if word in lang.scale_currency:
        return None
    return Number(m.start(), m.end(), written, plain_decimal(Decimal(value)), _EXACT, words=True)


def _next_unjoined(atoms: list[tuple[_Atom, str]], i: int) -> _Atom | None:
    """The atom at ``i`` when only blanks part it from the one before ("hundred
    thousand"), else None."""
    if i >= len(atoms):
        return None
    atom, sep = atoms[i]
    return atom if sep.strip(" \t\u00a0") == "" else None


def _repeats_scale(b: _Builder, following: list[tuple[_Atom, str]]) -> bool:
    """Whether the atom after the next one is a scale the number already used, or one
    above a thousand it used: "3 hundred and 2 hundred" and "10 mil y 2 millones" are
    two numbers ("two hundred and five million" is one)."""
    if not following:
        return False
    atom, sep = following[0]
    if atom.kind != "scale" or _joiner(sep):
        return False
    used = {level for _, _, level in b.parts}
    return atom.value in used or any(1000 <= level < atom.value for level in used)


# A minus sign after a blank, a bracket, a bound ("<-30") or the start, not after a
# figure ("10 - 12" is a range) nor a word ("COVID-19", "8mn-9mn").
_SIGN = re.compile(r"(?:^|(?<=[\s(\[:;=<>≤≥]))[-−][ \t\u00a0]?$")
_FIGURE_BEFORE = re.compile(r"[\d%][ \t\u00a0]*[-−][ \t\u00a0]?$")
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]++$")


def _signed(n: Number, text: str, g: _Grammar, previous: Number | None) -> Number:
    before = text[max(0, n.start - 12) : n.start]
    # A sign ends the text before, but for a blank and the line end "$" lets pass.
    near = before[-3:]
    sign = _SIGN.search(before) if "-" in near or "−" in near else None
    if sign and not _FIGURE_BEFORE.search(before) and not (n.fraction and n.words):
        start = n.start - len(sign.group())
        return replace(n, start=start, text=text[start : n.end], value=-n.value)
    # "menos cinco", "minus 5": the word right before the number, itself after the
    # start, a mark or a word the language lists ("a menos 5", not "al menos 5", "10
    # menos 3", "todos menos tres").
    word = g.sign.search(text, max(0, n.start - min(40, g.sign_reach)), n.start)
    if not word:
        return n
    start = word.start()
    if previous is not None and text[previous.end : start].strip(" \t\u00a0") == "":
        return n
    head = text[max(0, start - 30) : start].rstrip(" \t\u00a0")
    last = _LAST_WORD.search(head)
    if head[-1:].isalnum() and not (last and fold(last.group()) in g.lang.sign_after):
        return n
    return replace(n, start=start, text=text[start : n.end], value=-n.value)


# A figure with marks between its digits, whole: "11,2", "1.234,5", "448.3". (Its first
# digit is read before the test behind it, so that the engine skips to digits.)
_MARKED_RUN = re.compile(r"\d(?<![\d.,]\d)\d*(?:[.,]\d+)+(?!\d|[.,]\d)")


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


def _counts_a_noun(lang: Language, text: str, end: int) -> bool:
    """Whether a figure is followed by a plain word, not a scale ("1.154 fallecidos",
    not "1.154 millones"), so it counts things."""
    word = _NEXT_WORD.match(text, end)
    if not word:
        return False
    folded = fold(word.group(1))
    written = word.group(1)
    units = written in lang.units or folded in lang.units
    return folded.islower() and folded not in lang.scales and not units


def _whole_money(lang: Language, text: str, end: int) -> bool:
    """Whether a figure is followed by a currency's name and no rate ("297.166 libras",
    not "1,459 euros el litro", which prices fuel to a thousandth)."""
    word = _NEXT_WORD.match(text, end)
    if not word:
        return False
    folded = fold(word.group(1))
    if folded not in lang.currency_words and folded not in lang.currency_after_scale:
        return False
    if text.startswith("/", word.end()):
        return False  # "1,459 euros/litro"
    rate = _NEXT_WORD.match(text, word.end())
    return not rate or fold(rate.group(1)) not in lang.rate_words | lang.articles


def implied_locale(text: str, lang: str = "es") -> str | None:
    """The locale of ``lang`` whose decimal mark the figures of ``text`` show, when it
    is not the default's: a Spanish text written with "11,2%" and "2,7 millones" is read
    with the decimal comma (es-ES), so that its "1.300 millones" is 1,300 million.

    Only marks that can be nothing but decimal count: one mark followed by other than
    three digits ("11,2", "448.3"), or the last of two kinds ("1.234,5"); and a mark
    followed by three digits that end in a zero ("400.000", "29.600 millones") counts
    for the other one, as nobody writes a trailing zero in decimals, and so do a
    repeated mark ("2.561.067") and an ambiguous figure that counts a noun ("1.154
    fallecidos": no one counts thousandths of a person). The mark seen more often wins;
    a tie, or no evidence, keeps the default (None). Where several places write the
    winning mark, the one the text names most is chosen (Spain when it names none).

    >>> implied_locale("El paro bajó al 11,2% y el gasto fue de 1.300 millones.")
    'es-ES'
    >>> implied_locale("Invertirá 448.3 millones; hay 1.175.259 afiliados.") is None
    True
    >>> implied_locale("Subió 4,5% y luego 2.1%.") is None  # a tie
    True
    >>> implied_locale("En Argentina la inflación fue de 2,7% y el dólar cerró a $1.180.")
    'es-AR'
    """
    language_ = language(lang)
    votes = {".": 0, ",": 0}
    ambiguous = False  # a figure such as "1,500", which either mark could have written
    for m in _MARKED_RUN.finditer(text):
        run = m.group()
        marks = [ch for ch in run if ch in ".,"]
        if len(set(marks)) == 2:
            if marks.count(marks[-1]) == 1:
                votes[marks[-1]] += 1
        elif len(marks) == 1 and len(run) - run.index(marks[0]) - 1 != 3:
            votes[marks[0]] += 1
        elif (
            (len(marks) == 1 and run.endswith("0") and run[0] != "0")
            or len(marks) > 1
            or _counts_a_noun(language_, text, m.end())
            or _whole_money(language_, text, m.end())
        ):
            # "400.000 barriles", "29.600 millones": nobody writes a trailing zero decimal;
            # "2.561.067": a repeated mark separates thousands; "1.154 fallecidos": no
            # one counts a thousandth of a person, nor prices a thing to a thousandth of
            # a pound ("297.166 libras").
            votes["," if marks[0] == "." else "."] += 1
        elif marks:
            ambiguous = True
    default = language_.locale(None)
    shown = max(votes, key=lambda mark: votes[mark])
    if votes["."] == votes[","]:
        # No mark tells: a text with no figure the mark could change that names another
        # country's places more than the default's is read as written there ("BOGOTÁ.-
        # ... $ 523 billones" is in Colombian pesos). "Más de 1,500 hectáreas ... en la
        # Sierra de Santiago" keeps the default: a place is weaker evidence than a mark.
        if ambiguous:
            return _priced(language_, text)
        named, count = _most_named(_inferred(language_.locales.values()), text)
        return named.name if count > _named(default, text) else None
    if shown == default.decimal:
        # The default's mark: a place that writes it too and that the text names more
        # than the default's, and more than once ("10.4 trillion pesos" in a story on
        # Argentina), as a story names its own country again and again. Only the pesos
        # tell such places apart, so a text that names the default's pesos' country as
        # often (Mexico, in a story on América Movil's Colombian unit) keeps them.
        same = [loc for loc in language_.locales.values() if loc.decimal == shown]
        own = [loc for loc in same if loc.peso == default.peso]
        others = [loc for loc in _inferred(same) if loc.peso != default.peso]
        if not others:
            return None
        # Where "$" means the same in all of them and only "pesos" differ (English
        # copy), one mention of a peso country the default's never names is enough:
        # "Chile's Teletón raised 40.1 billion pesos" is in Chilean pesos.
        floor = 0 if all(loc.dollar == default.dollar for loc in others) else 1
        rivals = max([floor, _named(default, text), *(_named(loc, text) for loc in own)])
        named, count = _most_named(others, text)
        return named.name if count > rivals else None
    # Among the places that write this mark, the one the text names most (Spain first).
    candidates = [loc for loc in _inferred(language_.locales.values()) if loc.decimal == shown]
    if not candidates:
        return None
    named, count = _most_named(candidates, text)
    return named.name if count else candidates[0].name


def _priced(lang: Language, text: str) -> str | None:
    """The one place whose own currency ``text`` writes, when it writes in no peso and no
    other place's: "2.339 millones de euros" is from Spain."""
    pesos = {loc.peso for loc in lang.locales.values()}
    if _money(tuple(w for w, code in lang.currency_words.items() if code in pesos)).search(text):
        return None
    found = [loc.name for loc in lang.locales.values() if _money(loc.money).search(text)]
    return found[0] if len(found) == 1 else None


@cache
def _money(marks: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``marks``: words whole ("euros", not "eurostat"), signs anywhere ("€5");
    a pattern that never matches when there are none."""
    named = [w for w in marks if w.replace(" ", "").isalpha()]  # "pesos mexicanos"
    words = [re.escape(w) for w in sorted(named, key=len, reverse=True)]
    signs = [re.escape(w) for w in marks if w not in named]
    options = [rf"(?<!\w)(?:{'|'.join(words)})(?!\w)"] if words else []
    options += [f"[{''.join(signs)}]"] if signs else []
    return re.compile("|".join(options) or r"(?!)", re.IGNORECASE)


def _inferred(locales: Iterable[Locale]) -> list[Locale]:
    return [loc for loc in locales if loc.inferred]


def _named(locale: Locale, text: str) -> int:
    """How often ``text`` names the places of ``locale``, as written or in capitals (a
    dateline: "SANTIAGO.-")."""
    return len(_names_pattern(locale.names).findall(text)) if locale.names else 0


@cache
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words, the longest first: "Colombian" names Colombia once, not twice.
    written = {*names, *(n.upper() for n in names)}
    words = "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _most_named(locales: Iterable[Locale], text: str) -> tuple[Locale, int]:
    """The locale whose places ``text`` names most (the first on a tie), and how often."""
    counted = [(loc, _named(loc, text)) for loc in locales]
    return max(counted, key=lambda pair: pair[1])


def parse_number(text: str, lang: str = "es", locale: str | None = None) -> Decimal | None:
    """The value of ``text`` when the whole of it is one number expression, else None.

    >>> parse_number("103 mil 714 millones"), parse_number("mil millones")
    (Decimal('103714000000'), Decimal('1000000000'))
    >>> parse_number("1,3", "es", "es-ES"), parse_number("two hundred and five", "en")
    (Decimal('1.3'), Decimal('205'))
    """
    stripped = text.strip()
    numbers = find_numbers(stripped, lang, locale, weak_alone=True)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(stripped):
        return numbers[0].value
    return None

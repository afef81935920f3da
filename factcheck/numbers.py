"""The number layer: find number expressions in text and read their values.

It knows numerals, not claims: "2025" here is the number 2025, and deciding that it
is a year is the extractor's job. Digits, words and mixed forms are read by one
grammar fed by the language data ("un millón 175 mil 259", "243 mil 053",
"twenty-three", "4.2bn", "103 mil 714 millones").

Every regex is linear: digit runs are matched possessively and then interpreted in
Python, so a megabyte of "1,2.3,4" cannot make the engine backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from functools import cache

from factcheck.lang import Language, Locale, fold, language

__all__ = ["Number", "find_numbers", "parse_number", "plain_decimal", "read_digits"]

_SEPARATORS = ".,\u00a0\u202f\u2009"
_DIGIT_RUN = r"\d++(?:[.,\u00a0\u202f\u2009]\d++)*+"
_BLANK = r"[ \t\u00a0]"


# Thirds are kept to ten places: finer than any figure a newsroom prints.
_FRACTION_PLACES = Decimal("1e-10")


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
    50,000); zero when the number is exact as written.
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


def read_digits(run: str, locale: Locale) -> tuple[Decimal, int] | None:
    """Read a run of digits and separators; return (value, decimals) or None if malformed.

    The group pattern decides first (repeated marks are thousands, a mark followed by
    other than three digits is decimal); only "1,234"/"1.234" is left to the locale.

    >>> from factcheck.lang import language
    >>> mx, es = language("es").locale("es-MX"), language("es").locale("es-ES")
    >>> read_digits("2,751", mx), read_digits("2,751", es)
    ((Decimal('2751'), 0), (Decimal('2.751'), 3))
    >>> read_digits("1.175.259", mx), read_digits("1,3", mx), read_digits("448.3", es)
    ((Decimal('1175259'), 0), (Decimal('1.3'), 1), (Decimal('448.3'), 1))
    >>> read_digits("2.30.100", mx) is None
    True
    """
    groups = re.split(r"[.,\u00a0\u202f\u2009]", run)
    marks = [ch for ch in run if ch in _SEPARATORS]
    if not marks:
        return Decimal(run), 0
    blanks = {"\u00a0", "\u202f", "\u2009"}
    kinds = list(dict.fromkeys(marks))
    if len(kinds) > 2:
        return None
    if len(kinds) == 2:
        decimal_mark = marks[-1]
        if marks.count(decimal_mark) != 1 or decimal_mark in blanks:
            return None
        return _grouped(groups[:-1], groups[-1])
    mark = kinds[0]
    if len(marks) > 1 or mark in blanks:
        return _grouped(groups, "")
    head, tail = groups
    if len(tail) != 3 or len(head) > 3 or head == "0":
        return Decimal(f"{head}.{tail}"), len(tail)
    if mark == locale.decimal:
        return Decimal(f"{head}.{tail}"), 3
    return Decimal(head + tail), 0


def _grouped(groups: list[str], fraction: str) -> tuple[Decimal, int] | None:
    head, *rest = groups
    if not 1 <= len(head) <= 3 or any(len(g) != 3 for g in rest):
        return None
    whole = head + "".join(rest)
    if fraction:
        return Decimal(f"{whole}.{fraction}"), len(fraction)
    return Decimal(whole), 0


# Words are stored folded (no accents); the text may carry them or not.
_ACCENTS = {"a": "[aáàä]", "e": "[eéèë]", "i": "[iíï]", "o": "[oóö]", "u": "[uúü]", "n": "[nñ]"}


def _trie(words: list[str]) -> str:
    """A regex for a set of words with common prefixes factored, so that scanning a
    megabyte costs one branch per position instead of one per word."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [
            _ACCENTS.get(ch, re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


def _variants(words: Iterable[str]) -> list[str]:
    return sorted({fold(w) for w in words})


@dataclass(frozen=True)
class _Grammar:
    lang: Language
    expression: re.Pattern[str]
    atom: re.Pattern[str]


@cache
def _grammar(code: str, weak_alone: bool = False) -> _Grammar:
    lang = language(code)
    words = _trie(
        _variants([*lang.numbers, *lang.scales, *lang.scale_currency, *lang.denominators])
    )
    lookahead = _trie(_variants([*lang.scales, *lang.denominators]))
    weak = _trie(_variants(lang.weak_numbers))
    article = _trie(_variants(lang.article_numbers)) or r"(?!x)x"
    abbr = _trie(sorted(lang.abbreviated_scales))
    # Written apart only when unmistakable: "10 bn", "3 mln" (not "5 m", a distance).
    spaced = _trie(sorted(k for k in lang.abbreviated_scales if len(k) > 1 and k.islower()))
    connectors = "|".join(re.escape(c) for c in sorted(lang.connectors)) or r"(?!x)x"
    # "cincuenta y uno", "ciento una": after a connector or a hundred, "uno" is a digit.
    # "cincuenta y uno", "ciento una", "sixty-one": after these, "uno"/"one" is a digit.
    hundreds = [w for w, v in lang.numbers.items() if v % 100 == 0 and 0 < v < 1000]
    tens = [w for w, v in lang.numbers.items() if v % 10 == 0 and 20 <= v <= 90]
    after = "|".join(
        [rf"(?<=\b{_trie([w])} )" for w in [*sorted(lang.connectors), *sorted(hundreds)]]
        + [rf"(?<=\b{_trie([w])}[ -])" for w in sorted(tens)]
    )
    # Each branch opens with a cheap test (a digit, a word boundary before a known
    # word) so that the costly lookbehinds run only where a number can start.
    atom = (
        r"(?=\d)(?:(?<![\d/])(?P<slash>\d{1,3}/\d{1,3})(?![\d/])|"
        rf"(?P<digits>{_DIGIT_RUN})(?:(?-i:(?P<abbr>{abbr}))|{_BLANK}(?-i:(?P<spaced>{spaced})))?(?![^\W_]))"
        rf"|\b(?P<word>{words})\b"
        # Articles that mean one only before a scale ("a dozen", "a third").
        + rf"|\b(?P<article>{article})\b(?={_BLANK}+(?:{lookahead})\b)"
        + (
            rf"|\b(?P<weak>{weak})\b"
            if weak_alone
            else rf"|\b(?=(?:{weak})\b)(?P<weak>(?:{after}){weak}\b"
            rf"|{weak}\b(?={_BLANK}+(?:{lookahead})\b))"
        )
    )
    sep = rf"(?:{_BLANK}+(?:(?:{connectors}){_BLANK}+)?|{_BLANK}*-{_BLANK}*)"
    bare = re.sub(r"\(\?P<\w+>", "(?:", atom)
    expression = rf"(?:{bare})(?:{sep}(?:{bare}))*+"
    return _Grammar(
        lang,
        re.compile(expression, re.IGNORECASE),
        re.compile(rf"(?:{atom})", re.IGNORECASE),
    )


@dataclass
class _Atom:
    kind: str  # digits | word | scale | denom | weak
    value: Decimal
    start: int
    end: int
    decimals: int = 0
    currency: str | None = None
    closes: bool = False  # an abbreviation ("4.2bn", "mdp") ends the number


class _Builder:
    """Accumulates atoms into one number. Each part remembers the scale that made it;
    a new scale multiplies the trailing parts made by smaller ones, so "103 mil 714
    millones" is (103 000 + 714) millions and "quince docenas" is 15 dozens."""

    def __init__(self, weak_alone: bool = False) -> None:
        self.weak_alone = weak_alone
        self.atoms: list[_Atom] = []
        self.parts: list[tuple[Decimal, Decimal, Decimal]] = []  # value, half width, scale
        self.currency: str | None = None
        self.fraction = False

    def accepts(self, atom: _Atom, sep: str) -> bool:
        if not self.atoms:
            return atom.kind in {"digits", "word", "weak", "slash"} or (
                atom.kind == "scale" and atom.value == 1000
            )
        last = self.atoms[-1]
        if last.closes or self.fraction:
            return False
        hyphen = "-" in sep
        connector = sep.strip(" \t\u00a0-") != ""
        if atom.kind == "slash":  # "2 1/4"
            return last.kind == "digits" and not connector and not hyphen and not last.decimals
        if atom.kind == "denom":
            return not connector and not hyphen and last.kind in {"weak", "word", "digits"}
        if connector:
            return (
                last.kind == "word"
                and (
                    (last.value % 10 == 0 and 20 <= last.value <= 90 and atom.value < 10)
                    or (last.value >= 100 and atom.kind == "word" and atom.value < 100)
                )
            ) or (last.kind == "scale" and atom.kind in {"word", "digits"} and atom.value < 100)
        if atom.kind == "scale":
            # "mil millones" multiplies; "479 millones mil" adds a thousand.
            return not (hyphen and last.kind == "scale") and atom.value != last.value
        if hyphen and not (last.kind == "word" and atom.kind == "word"):
            return False
        if last.kind == "scale":
            return atom.value < last.value
        if last.kind == "word" and atom.kind == "word":
            return (last.value % 10 == 0 and 20 <= last.value <= 90 and atom.value < 10) or (
                last.value % 100 == 0 and last.value < 1000 and atom.value < 100
            )
        return False

    def add(self, atom: _Atom) -> None:
        self.atoms.append(atom)
        if atom.kind == "denom":
            whole = sum((v for v, _, _ in self.parts), Decimal(0))
            with localcontext() as wide:  # "veinte millones billón ... cuartos" overflows 28 digits
                wide.prec = 80
                share = (whole / atom.value).quantize(_FRACTION_PLACES)
            self.parts = [(share, Decimal(0), Decimal(1))]
            self.fraction = True
            return
        if atom.kind == "scale":
            taken: list[tuple[Decimal, Decimal, Decimal]] = []
            while self.parts and self.parts[-1][2] < atom.value:
                taken.append(self.parts.pop())
            value = sum((v for v, _, _ in taken), Decimal(0)) if taken else Decimal(1)
            half = sum((h for _, h, _ in taken), Decimal(0))
            self.parts.append((value * atom.value, half * atom.value, atom.value))
            self.currency = atom.currency or self.currency
            return
        self.fraction = self.fraction or atom.kind == "slash"
        half = Decimal(5).scaleb(-atom.decimals - 1) if atom.decimals else Decimal(0)
        self.parts.append((atom.value, half, Decimal(1)))


def _atoms(g: _Grammar, text: str, offset: int, locale: Locale) -> list[tuple[_Atom, str]]:
    """Split a matched expression into atoms, each with the separator before it."""
    lang = g.lang
    out: list[tuple[_Atom, str]] = []
    prev_end = 0
    for m in g.atom.finditer(text):
        sep = text[prev_end : m.start()]
        prev_end = m.end()
        start, end = offset + m.start(), offset + m.end()
        if m.group("slash") is not None:
            top, bottom = (int(x) for x in m.group("slash").split("/"))
            kind = "slash" if bottom else "bad"
            value = (Decimal(top) / bottom).quantize(_FRACTION_PLACES) if bottom else Decimal(0)
            out.append((_Atom(kind, plain_decimal(value), start, end), sep))
        elif m.group("digits") is not None:
            read = read_digits(m.group("digits"), locale)
            if read is None:
                out.append((_Atom("bad", Decimal(0), start, end), sep))
                continue
            value, decimals = read
            out.append(
                (_Atom("digits", value, start, start + len(m.group("digits")), decimals), sep)
            )
            if m.group("abbr") or m.group("spaced"):
                scale = lang.abbreviated_scales[m.group("abbr") or m.group("spaced")]
                out.append((_Atom("scale", scale, start, end, closes=True), ""))
        elif m.group("weak") is not None or m.group("article") is not None:
            out.append((_Atom("weak", Decimal(1), start, end), sep))
        else:
            word = fold(m.group("word"))
            if word in lang.numbers:
                out.append((_Atom("word", Decimal(lang.numbers[word]), start, end), sep))
            elif word in lang.scales:
                out.append((_Atom("scale", lang.scales[word], start, end), sep))
            elif word in lang.scale_currency:
                scale, cur = lang.scale_currency[word]
                out.append((_Atom("scale", scale, start, end, currency=cur, closes=True), sep))
            else:
                out.append((_Atom("denom", Decimal(lang.denominators[word]), start, end), sep))
    return out


def _finish(b: _Builder, source: str) -> Number | None:
    atoms = b.atoms
    if not atoms or (atoms[-1].kind == "weak" and not (b.weak_alone and len(atoms) == 1)):
        return None
    start, end = atoms[0].start, atoms[-1].end
    value = plain_decimal(sum((v for v, _, _ in b.parts), Decimal(0)))
    half = plain_decimal(sum((h for _, h, _ in b.parts), Decimal(0)))
    kinds = {a.kind for a in atoms}
    return Number(
        start=start,
        end=end,
        text=source[start:end],
        value=value,
        half_width=half,
        scaled="scale" in kinds,
        words=bool(kinds & {"word", "weak"})
        or any(a.kind == "scale" and not a.closes for a in atoms),
        plain=kinds == {"digits"} and atoms[0].decimals == 0 and source[start:end].isdigit(),
        currency=b.currency,
        fraction=b.fraction,
        scale=max((level for _, _, level in b.parts), default=Decimal(1)),
    )


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
    """
    g = _grammar(lang, weak_alone)
    loc = g.lang.locale(locale)
    found: list[Number] = []
    for m in g.expression.finditer(text):
        builder = _Builder(weak_alone)
        for atom, sep in _atoms(g, m.group(), m.start(), loc):
            if atom.kind == "weak" and builder.atoms:  # "cincuenta y uno", "million one hundred"
                atom = _Atom("word", atom.value, atom.start, atom.end)
            if atom.kind != "bad" and builder.accepts(atom, sep):
                builder.add(atom)
                continue
            number = _finish(builder, text)
            if number is not None:
                found.append(number)
            builder = _Builder(weak_alone)
            if atom.kind != "bad" and builder.accepts(atom, ""):
                builder.add(atom)
        number = _finish(builder, text)
        if number is not None:
            found.append(number)
    return [_signed(n, text) for n in found]


# A minus sign after a blank, a bracket or the start, not after a figure ("10 - 12"
# is a range) nor a word ("COVID-19", "8mn-9mn").
_SIGN = re.compile(r"(?:^|(?<=[\s(\[:;=]))[-−][ \t\u00a0]?$")
_FIGURE_BEFORE = re.compile(r"[\d%][ \t\u00a0]*[-−][ \t\u00a0]?$")


def _signed(n: Number, text: str) -> Number:
    before = text[max(0, n.start - 12) : n.start]
    sign = _SIGN.search(before)
    if not sign or _FIGURE_BEFORE.search(before) or (n.fraction and n.words):
        return n
    start = n.start - len(sign.group())
    return replace(n, start=start, text=text[start : n.end], value=-n.value)


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

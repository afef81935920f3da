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

_SEPARATORS = "., \u00a0\u202f\u2009"
# Groups after a plain space must be exactly three digits ("1 234 567", "40 000"):
# anything else there is the next number ("En 2023 500 personas" is read apart below).
_DIGIT_RUN = r"\d++(?:[.,\u00a0\u202f\u2009]\d++| \d{3}(?![^\W_]))*+"
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
    groups = re.split(r"[., \u00a0\u202f\u2009]", run)
    marks = [ch for ch in run if ch in _SEPARATORS]
    if not marks:
        return Decimal(run), 0
    blanks = {" ", "\u00a0", "\u202f", "\u2009"}
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
    sign: re.Pattern[str]


def _behind(words: Iterable[str], tail: str = " ") -> str:
    """Lookbehinds for "right after one of these words": one fixed width per word."""
    return "|".join(rf"(?<=\b{_trie([w])}{tail})" for w in sorted(words))


@cache
def _grammar(code: str, weak_alone: bool = False) -> _Grammar:
    lang = language(code)
    words = _trie(
        _variants([*lang.numbers, *lang.scales, *lang.scale_currency, *lang.denominators])
    )
    lookahead = _trie(_variants([*lang.scales, *lang.denominators]))
    scales = _trie(_variants(lang.scales))
    weak = _trie(_variants(lang.weak_numbers))
    article = _trie(_variants(lang.article_numbers)) or r"(?!x)x"
    ones = _trie(_variants([*lang.weak_numbers, *lang.article_numbers]))
    bare = _trie(_variants(lang.bare_fractions)) or r"(?!x)x"
    abbr = _trie(sorted(lang.abbreviated_scales))
    # Written apart only when unmistakable: "10 bn", "3 mln" (not "5 m", a distance).
    spaced = _trie(sorted(k for k in lang.abbreviated_scales if len(k) > 1 and k.islower()))
    joiners = _trie(_variants([*lang.connectors, *lang.decimal_words, *lang.fraction_joiners]))
    # "cincuenta y uno", "ciento una", "sixty-one", "point one": after these, "uno"/"one"
    # is a digit. Not after a word that also joins fractions ("con uno" is "with one").
    hundreds = [w for w, v in lang.numbers.items() if v % 100 == 0 and 0 < v < 1000]
    tens = [w for w, v in lang.numbers.items() if v % 10 == 0 and 20 <= v <= 90]
    decimal_only = lang.decimal_words - lang.fraction_joiners
    after = "|".join(
        x
        for x in (_behind([*lang.connectors, *decimal_only, *hundreds]), _behind(tens, "[ -]"))
        if x
    )
    after_joiner = _behind(lang.fraction_joiners) or r"(?!x)x"
    fraction_joiners = _trie(_variants(lang.fraction_joiners)) or r"(?!x)x"
    parts = _trie(_variants([*lang.denominators, *lang.bare_fractions]))
    # "one and a half", "uno y medio": the one before a joined fraction.
    before_half = rf"{_BLANK}+(?:{fraction_joiners}){_BLANK}+(?:(?:{ones}){_BLANK}+)?(?:{parts})\b"
    # "negative one", "menos uno": after a sign word the one is a figure.
    after_sign = _behind(lang.sign_words) or r"(?!x)x"
    # Each branch opens with a cheap test (a digit, a word boundary before a known
    # word) so that the costly lookbehinds run only where a number can start.
    atom = (
        r"(?=[\d.,])(?:(?<![\d/])(?P<slash>\d{1,3}/\d{1,3})(?![\d/])|"
        # ".08": a leading decimal mark, only at the start of a token (not "v.08", "1.08").
        r"(?:(?<![\w.,])(?P<lead>[.,])(?=\d))?"
        rf"(?P<digits>{_DIGIT_RUN})(?:(?-i:(?P<abbr>{abbr}))|{_BLANK}(?-i:(?P<spaced>{spaced})))?(?![^\W_]))"
        # "medio millón", "half a dozen", "tres y media": a bare fraction only next to
        # a scale or after a fraction joiner; alone "media" is an average.
        + rf"|\b(?=(?:{bare})\b)(?P<bare>(?:{after_joiner}){bare}\b"
        + rf"|{bare}\b(?={_BLANK}+(?:(?:{ones}){_BLANK}+)?(?:{scales})\b))"
        + rf"|\b(?P<word>{words})\b"
        # Articles that mean one only before a scale ("a dozen", "a third").
        + rf"|\b(?P<article>{article})\b(?={_BLANK}+(?:{lookahead})\b)"
        + (
            rf"|\b(?P<weak>{weak})\b"
            if weak_alone
            else rf"|\b(?=(?:{weak})\b)(?P<weak>(?:{after}){weak}\b"
            rf"|{weak}\b(?=(?:{_BLANK}+|{_BLANK}*-{_BLANK}*)(?:{lookahead})\b|{before_half}))"
            rf"|\b(?=(?:{weak})\b)(?:{after_sign})(?P<signed>{weak})\b"
        )
    )
    sep = rf"(?:{_BLANK}+(?:(?:{joiners}){_BLANK}+)?|{_BLANK}*-{_BLANK}*)"
    bare_atom = re.sub(r"\(\?P<\w+>", "(?:", atom)
    expression = rf"(?:{bare_atom})(?:{sep}(?:{bare_atom}))*+"
    # "menos cinco", "minus 5": the sign word, blanks, then the end of the window.
    signs = _trie(_variants(lang.sign_words)) or r"(?!x)x"
    return _Grammar(
        lang,
        re.compile(expression, re.IGNORECASE),
        re.compile(rf"(?:{atom})", re.IGNORECASE),
        re.compile(rf"\b(?:{signs}){_BLANK}\Z", re.IGNORECASE),
    )


@dataclass
class _Atom:
    kind: str  # digits | word | scale | denom | weak | slash | bare | bad
    value: Decimal
    start: int
    end: int
    decimals: int = 0
    currency: str | None = None
    closes: bool = False  # an abbreviation ("4.2bn", "mdp") ends the number


def _joiner(sep: str) -> str:
    """The word between two atoms ("y", "point"), folded; "" for blanks and hyphens."""
    return fold(sep.strip(" \t\u00a0-"))


class _Builder:
    """Accumulates atoms into one number. Each part remembers the scale that made it;
    a new scale multiplies the trailing parts made by smaller ones, so "103 mil 714
    millones" is (103 000 + 714) millions and "quince docenas" is 15 dozens.

    A fraction or spelled decimals after a joiner ("y medio", "con dos tercios",
    "point seventy-one") end the number; only a scale may follow them ("two and a
    half million")."""

    def __init__(self, lang: Language, weak_alone: bool = False) -> None:
        self.lang = lang
        self.weak_alone = weak_alone
        self.atoms: list[_Atom] = []
        self.parts: list[tuple[Decimal, Decimal, Decimal]] = []  # value, half width, scale
        self.currency: str | None = None
        self.fraction = False
        self.ended = False  # a tail was added: a scale may still follow, once
        self.sealed = False  # nothing more
        self.tail_scale: Decimal | None = None  # the scale "y medio" is a half of

    @property
    def open(self) -> bool:
        return bool(self.atoms) and not (self.atoms[-1].closes or self.fraction or self.ended)

    def accepts(self, atom: _Atom, sep: str) -> bool:
        if not self.atoms:
            return atom.kind in {"digits", "word", "weak", "slash", "bare"} or (
                atom.kind == "scale" and atom.value == 1000
            )
        last = self.atoms[-1]
        hyphen = "-" in sep
        joiner = _joiner(sep)
        if self.ended:  # "two and a half million", "siete coma cinco millones"
            return atom.kind == "scale" and not (joiner or hyphen or self.sealed or last.closes)
        if last.closes or self.fraction or (joiner and joiner not in self.lang.connectors):
            return False
        if atom.kind == "bare":  # "a half million"
            return not (joiner or hyphen) and [a.kind for a in self.atoms] == ["weak"]
        if last.kind == "bare" or (len(self.atoms) > 1 and self.atoms[-2].kind == "bare"):
            # "half a dozen", "medio millón": only the article, then the scale.
            takes_article = last.kind == "bare" and atom.kind in {"weak", "word"}
            return not (joiner or hyphen) and (
                atom.kind == "scale" or (takes_article and atom.value == 1)
            )
        if atom.kind == "slash":  # "2 1/4"
            return last.kind == "digits" and not joiner and not hyphen and not last.decimals
        if atom.kind == "denom":  # "two thirds", "a two-thirds majority"
            words = last.kind in {"weak", "word"}
            return not joiner and (words or (last.kind == "digits" and not hyphen))
        if joiner:
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
            # "cero tres" is two digits, not three.
            return (last.value % 10 == 0 and 20 <= last.value <= 90 and atom.value < 10) or (
                0 < last.value < 1000 and last.value % 100 == 0 and atom.value < 100
            )
        return False

    def add(self, atom: _Atom) -> None:
        if self.atoms and self.atoms[-1].kind == "bare" and atom.kind != "scale":
            self.atoms.append(atom)  # the "a" of "half a dozen" adds nothing
            return
        if atom.kind == "bare" and self.atoms:  # "a half million": the half replaces the one
            self.parts.clear()
        self.atoms.append(atom)
        if atom.kind == "denom":
            whole = sum((v for v, _, _ in self.parts), Decimal(0))
            self.parts = [(_divide(whole, atom.value), Decimal(0), Decimal(1))]
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
            self.sealed = self.ended
            self.tail_scale = None
            return
        self.fraction = self.fraction or atom.kind == "slash"
        half = Decimal(5).scaleb(-atom.decimals - 1) if atom.decimals else Decimal(0)
        self.parts.append((atom.value, half, Decimal(1)))

    def add_tail(self, atoms: list[_Atom], value: Decimal, half: Decimal = Decimal(0)) -> None:
        """A fraction or decimals after a joiner: one more part, of the last scale
        written before it unless a scale follows ("3 millones y medio" is 3.5 millions,
        "one hundred and three quarters" 100.75: a hundred is a number, not a unit)."""
        last = self.atoms[-1]
        if last.kind == "scale" and last.value != 100 and not half:
            self.tail_scale = last.value
        self.atoms.extend(atoms)
        self.parts.append((value, half, Decimal(1)))
        self.ended = True


def _divide(whole: Decimal, by: Decimal) -> Decimal:
    with localcontext() as wide:  # "veinte millones billón ... cuartos" overflows 28 digits
        wide.prec = 80
        share = whole / by
        # Thirds are kept to ten significant places past the first figure, so that
        # "a trillionth" stays 1e-12 instead of rounding to zero.
        places = min(_FRACTION_PLACES, Decimal(1).scaleb(share.adjusted() - 9)) if share else 0
        return share.quantize(places or _FRACTION_PLACES)


def _fraction_tail(b: _Builder, atoms: list[tuple[_Atom, str]], i: int) -> int:
    """Read "medio", "a half", "two thirds" at ``atoms[i]`` as a fraction added to the
    number in ``b``; return how many atoms it took (0: not a fraction)."""
    first = atoms[i][0]
    if first.kind == "bare":
        b.add_tail([first], first.value)
        return 1
    sub = _Builder(b.lang)
    j = i
    while j < len(atoms) and not sub.fraction:
        atom, sep = atoms[j]
        if atom.kind == "weak" and sub.atoms:
            atom = replace(atom, kind="word")
        if atom.kind == "bare" and sub.atoms:  # "a half", "un medio": the half divides
            atom = replace(atom, kind="denom", value=1 / atom.value)
        if atom.kind == "bad" or not sub.accepts(atom, sep if sub.atoms else ""):
            return 0
        sub.add(atom)
        j += 1
    # "300 and two thirds were women" is two figures; "3 and a half" is one.
    one = [a.kind for a in sub.atoms[:-1]] in (["weak"], ["slash"], [])
    if not sub.fraction or (b.atoms[-1].kind == "digits" and not one):
        return 0
    b.add_tail(sub.atoms, sum((v for v, _, _ in sub.parts), Decimal(0)))
    return j - i


def _decimal_tail(b: _Builder, atoms: list[tuple[_Atom, str]], i: int) -> int:
    """Read the number words after "coma"/"point" as decimals, one digit group per
    number ("nought four" is 04, "setenta y uno" 71); return how many atoms it took."""
    if any(a.kind not in {"word", "scale"} for a in b.atoms):
        return 0  # "7 coma 5": digits carry their own decimal mark
    lang = b.lang
    digits = ""
    taken: list[_Atom] = []
    sub: _Builder | None = None
    j = i
    while j < len(atoms):
        atom, sep = atoms[j]
        if atom.kind == "weak":
            if j == i and _joiner(sep) in lang.fraction_joiners:
                break  # "tres con un arma"
            atom = replace(atom, kind="word")
        nxt = atoms[j + 1][0].kind if j + 1 < len(atoms) else ""
        # A scale ends the decimals and multiplies the whole ("siete coma cinco
        # millones"), unless a number follows it ("coma mil quinientos").
        if atom.kind == "scale" and (atom.value > 1000 or nxt not in {"word", "weak"}):
            break
        if atom.kind not in {"word", "scale"}:
            break
        if sub is not None and j > i and sub.accepts(atom, sep):
            sub.add(atom)
        elif sub is None or sep.strip(" \t\u00a0") == "":
            if sub is not None:
                digits += _group_digits(sub)
            sub = _Builder(lang)
            if not sub.accepts(atom, ""):
                break
            sub.add(atom)
        else:
            break
        taken.append(atom)
        j += 1
    if sub is not None:
        digits += _group_digits(sub)
    if not digits:
        return 0
    value = Decimal(f"0.{digits}")
    b.add_tail(taken, value, Decimal(5).scaleb(-len(digits) - 1))
    return j - i


def _group_digits(sub: _Builder) -> str:
    return str(int(sum((v for v, _, _ in sub.parts), Decimal(0))))


def _after_month(lang: Language, text: str, at: int) -> bool:
    last = _LAST_WORD.search(text[max(0, at - 16) : at].rstrip(" \t\u00a0"))
    return last is not None and fold(last.group()) in lang.months


def _digit_atoms(run: str, start: int, locale: Locale, split: bool = False) -> list[_Atom]:
    """Atoms for a digit run; a run grouped by plain spaces that does not read as one
    number ("En 2023 500 personas") or that ``split`` says to cut falls back to one
    atom per group."""
    read = None if split else read_digits(run, locale)
    if read is not None:
        return [_Atom("digits", read[0], start, start + len(run), read[1])]
    if " " not in run:
        return [_Atom("bad", Decimal(0), start, start + len(run))]
    out = []
    for piece in run.split(" "):
        got = read_digits(piece, locale)
        out.append(
            _Atom("digits", got[0], start, start + len(piece), got[1])
            if got
            else _Atom("bad", Decimal(0), start, start + len(piece))
        )
        start += len(piece) + 1
    return out


def _atoms(
    g: _Grammar, text: str, span: tuple[int, int], locale: Locale
) -> list[tuple[_Atom, str]]:
    """Split the expression at ``span`` into atoms, each with the separator before it.
    The whole text is scanned so that lookbehinds see the word before ("minus one")."""
    lang = g.lang
    out: list[tuple[_Atom, str]] = []
    prev_end = span[0]
    for m in g.atom.finditer(text, *span):
        sep = text[prev_end : m.start()]
        prev_end = m.end()
        start, end = m.start(), m.end()
        if m.group("slash") is not None:
            top, bottom = (int(x) for x in m.group("slash").split("/"))
            kind = "slash" if bottom else "bad"
            value = (Decimal(top) / bottom).quantize(_FRACTION_PLACES) if bottom else Decimal(0)
            out.append((_Atom(kind, plain_decimal(value), start, end), sep))
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
            for k, atom in enumerate(found):
                out.append((atom, sep if k == 0 else " "))
            if (m.group("abbr") or m.group("spaced")) and found[-1].kind == "digits":
                scale = lang.abbreviated_scales[m.group("abbr") or m.group("spaced")]
                out.append((_Atom("scale", scale, start, end, closes=True), ""))
        elif m.groupdict().get("signed") is not None:
            out.append((_Atom("word", Decimal(1), start, end), sep))
        elif m.group("weak") is not None or m.group("article") is not None:
            out.append((_Atom("weak", Decimal(1), start, end), sep))
        elif m.group("bare") is not None:
            value = lang.bare_fractions[fold(m.group("bare"))]
            out.append((_Atom("bare", value, start, end), sep))
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
    kinds = {a.kind for a in atoms}
    if atoms[0].kind == "bare" and "scale" not in kinds:
        return None  # "media", "half" alone: an average, a part
    parts = list(b.parts)
    if b.tail_scale is not None:  # "3 million and a half": a half of a million
        value, half, level = parts[-1]
        parts[-1] = (value * b.tail_scale, half * b.tail_scale, level)
    start, end = atoms[0].start, atoms[-1].end
    value = plain_decimal(sum((v for v, _, _ in parts), Decimal(0)))
    half = plain_decimal(sum((h for _, h, _ in parts), Decimal(0)))
    return Number(
        start=start,
        end=end,
        text=source[start:end],
        value=value,
        half_width=half,
        scaled="scale" in kinds,
        words=bool(kinds & {"word", "weak", "bare"})
        or any(a.kind == "scale" and not a.closes for a in atoms),
        plain=kinds == {"digits"} and atoms[0].decimals == 0 and source[start:end].isdigit(),
        currency=b.currency,
        fraction=b.fraction,
        scale=max((level for _, _, level in parts), default=Decimal(1)),
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
        builder = _Builder(g.lang, weak_alone)
        atoms = _atoms(g, text, m.span(), loc)
        i = 0
        while i < len(atoms):
            atom, sep = atoms[i]
            if atom.kind == "weak" and builder.atoms:  # "cincuenta y uno", "million one hundred"
                atom = _Atom("word", atom.value, atom.start, atom.end)
            joiner = _joiner(sep)
            taken = 0
            # "treinta y dos quintos" is 32/5: a joiner between tens and units belongs
            # to the number; elsewhere it adds a fraction ("ciento tres con dos tercios").
            last = builder.atoms[-1] if builder.atoms else None
            units = last is not None and last.kind == "word" and 20 <= last.value <= 90
            units = units and atom.kind == "word" and atom.value < 10
            units = units and joiner in g.lang.connectors
            if builder.open and joiner in g.lang.fraction_joiners and not units:
                taken = _fraction_tail(builder, atoms, i)
            if builder.open and not taken and joiner in g.lang.decimal_words:
                taken = _decimal_tail(builder, atoms, i)
            if taken:
                i += taken
                continue
            i += 1
            if atom.kind != "bad" and builder.accepts(atom, sep):
                builder.add(atom)
                continue
            number = _finish(builder, text)
            if number is not None:
                found.append(number)
            builder = _Builder(g.lang, weak_alone)
            if atom.kind != "bad" and builder.accepts(atom, ""):
                builder.add(atom)
        number = _finish(builder, text)
        if number is not None:
            found.append(number)
    out: list[Number] = []
    for n in found:
        out.append(_signed(n, text, g, out[-1] if out else None))
    return out


# A minus sign after a blank, a bracket or the start, not after a figure ("10 - 12"
# is a range) nor a word ("COVID-19", "8mn-9mn").
_SIGN = re.compile(r"(?:^|(?<=[\s(\[:;=]))[-−][ \t\u00a0]?$")
_FIGURE_BEFORE = re.compile(r"[\d%][ \t\u00a0]*[-−][ \t\u00a0]?$")
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]++$")


def _signed(n: Number, text: str, g: _Grammar, previous: Number | None) -> Number:
    before = text[max(0, n.start - 12) : n.start]
    sign = _SIGN.search(before)
    if sign and not _FIGURE_BEFORE.search(before) and not (n.fraction and n.words):
        start = n.start - len(sign.group())
        return replace(n, start=start, text=text[start : n.end], value=-n.value)
    # "menos cinco", "minus 5": the word right before the number, itself after the
    # start, a mark or a word the language lists ("a menos 5", not "al menos 5", "10
    # menos 3", "todos menos tres").
    word = g.sign.search(text, max(0, n.start - 40), n.start)
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

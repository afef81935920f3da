"""Adding atoms up into one number: "103 mil 714 millones", "tres y medio".

The grammar splits an expression into atoms (a digit run, a number word, a scale, a
fraction); ``_Builder`` decides which atoms belong to the same number and what they
are worth together, and the tail readers add a fraction or spelled decimals after a
joiner ("y medio", "point seventy-one"). Values stay Decimal, with the rounding the
written precision allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from functools import cache

from factcheck.lang import Language, fold, language

# Thirds are kept to ten places: finer than any figure a newsroom prints.
FRACTION_PLACES = Decimal("1e-10")


@dataclass
class _Atom:
    kind: str  # digits | word | scale | denom | tens_ordinal | weak | slash | bare | bad
    value: Decimal
    start: int
    end: int
    decimals: int = 0
    currency: str | None = None
    closes: bool = False  # an abbreviation ("4.2bn", "mdp") ends the number
    half: Decimal | None = None  # the rounding when not that of ``decimals`` ("1.3e6")
    # A singular that is also an ordinal ("quinto", "twenty-first"): a fraction only
    # after exactly one, and not before a noun (``bound``: "un quinto informe").
    ordinal: bool = False
    bound: bool = False
    # A tens word and an ordinal read as one denominator ("thirty fifths"), or apart.
    split: tuple[_Atom, ...] = ()


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

    def __init__(self, lang: Language, weak_alone: bool = False, tail: bool = False) -> None:
        self.lang = lang
        self.weak_alone = weak_alone
        self.tail = tail  # a fraction after a joiner: "and a fifth" needs no guard
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

    def accepts(self, atom: _Atom, sep: str, following: _Atom | None = None) -> bool:
        """Whether ``atom`` goes on the number; ``following`` is the atom after it when
        only blanks stand between them."""
        if not self.atoms:
            # A scale opens a number as "mil", or before a larger scale: "hundred
            # thousand dollars"; alone "hundred", "hundreds of people" are no figure.
            larger = (
                following is not None and following.kind == "scale" and following.value > atom.value
            )
            return atom.kind in {"digits", "word", "weak", "slash", "bare"} or (
                atom.kind == "scale" and (atom.value == 1000 or larger)
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
            # "half a dozen", "medio millón": only the article, then the scale; a
            # hyphen only before the scale ("a half-billion dollars").
            takes_article = last.kind == "bare" and atom.kind in {"weak", "word"}
            return not joiner and (
                (atom.kind == "scale" and not (hyphen and last.kind != "bare"))
                or (takes_article and atom.value == 1 and not hyphen)
            )
        if atom.kind == "slash":  # "2 1/4"
            return last.kind == "digits" and not joiner and not hyphen and not last.decimals
        if atom.kind == "denom":  # "two thirds", "a two-thirds majority", "a hundred trillionths"
            # A figure before a fraction word counts things ("300 cuartos" are rooms,
            # "in 3 quarters" of a year).
            if joiner or last.kind not in {"weak", "word", "scale"}:
                return False
            if any(a.kind == "digits" for a in self.atoms):
                return False
            if atom.ordinal:  # "un octavo", not "un octavo piso" nor "dos millonésimo"
                one = sum((v for v, _, _ in self.parts), Decimal(0)) == 1
                return one and (self.tail or hyphen or not atom.bound)
            return True
        if joiner:
            # "3 hundred and 2.12 hundred", "4 thousand 3 hundred and 0": a decimal
            # or a zero after "and" starts another number.
            after_scale = atom.kind in {"word", "digits"} and 0 < atom.value < 100
            return (
                last.kind == "word"
                and (
                    (last.value % 10 == 0 and 20 <= last.value <= 90 and atom.value < 10)
                    or (last.value >= 100 and atom.kind == "word" and atom.value < 100)
                )
            ) or (last.kind == "scale" and after_scale and not atom.decimals)
        if atom.kind == "scale":
            # "mil millones" multiplies; "479 millones mil" adds a thousand.
            return not (hyphen and last.kind == "scale") and atom.value != last.value
        if hyphen and not (last.kind == "word" and atom.kind == "word"):
            return False
        if last.kind == "scale":
            # "13.99 million 60-kg bags": a decimal mantissa is the whole of its number.
            decimal = any(a.decimals for a in self.atoms)
            return atom.value < last.value and not decimal
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
        half = half if atom.half is None else atom.half
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
        places = min(FRACTION_PLACES, Decimal(1).scaleb(share.adjusted() - 9)) if share else 0
        return share.quantize(places or FRACTION_PLACES)


def _fraction_tail(b: _Builder, atoms: list[tuple[_Atom, str]], i: int) -> int:
    """Read "medio", "a half", "two thirds" at ``atoms[i]`` as a fraction added to the
    number in ``b``; return how many atoms it took (0: not a fraction)."""
    first = atoms[i][0]
    if first.kind == "bare":
        b.add_tail([first], first.value)
        return 1
    sub = _Builder(b.lang, tail=True)
    j = i
    numerator = Decimal(0)
    while j < len(atoms) and not sub.fraction:
        atom, sep = atoms[j]
        if atom.kind == "weak" and sub.atoms:
            atom = replace(atom, kind="word")
        if atom.kind == "bare" and sub.atoms:  # "a half", "un medio": the half divides
            atom = replace(atom, kind="denom", value=1 / atom.value)
        if atom.kind == "tens_ordinal" and sub.atoms:  # "and a twenty-first"
            atom = replace(atom, kind="denom")
        if atom.kind in {"bad", "tens_ordinal"} or not sub.accepts(atom, sep if sub.atoms else ""):
            return 0
        numerator = sum((v for v, _, _ in sub.parts), Decimal(0))
        sub.add(atom)
        j += 1
    # "300 and two thirds were women" is two figures; "3 and a half" is one.
    one = [a.kind for a in sub.atoms[:-1]] in (["weak"], ["slash"], [])
    if not sub.fraction or (b.atoms[-1].kind == "digits" and not one):
        return 0
    # "one hundred and thirty fifths" is 130/5: a numerator of ten or more after "and"
    # goes on with the number when it can ("one hundred and three quarters" is 100 3/4,
    # "two and fifty-four hundredths" 2.54).
    first, sep = atoms[i]
    if _joiner(sep) in b.lang.connectors and numerator >= 10 and b.accepts(first, sep):
        return 0
    b.add_tail(sub.atoms, sum((v for v, _, _ in sub.parts), Decimal(0)))
    return j - i


def _of_scale(b: _Builder, atoms: list[tuple[_Atom, str]], i: int) -> int:
    """Read "of a million" at ``atoms[i]`` after a fraction in words: "two thirds of a
    million" is 666,667 people, a count; return how many atoms it took."""
    if not b.fraction or b.atoms[-1].kind != "denom":
        return 0
    j = i + 1 if atoms[i][0].kind == "weak" and atoms[i][0].value == 1 else i
    if j >= len(atoms) or atoms[j][0].kind != "scale" or (j > i and _joiner(atoms[j][1])):
        return 0
    scale = atoms[j][0].value
    b.parts = [(v * scale, h * scale, scale) for v, h, _ in b.parts]
    b.atoms.extend(a for a, _ in atoms[i : j + 1])
    b.fraction = False
    b.ended = b.sealed = True
    return j + 1 - i


# What may follow a fraction read off a bar: the end of the clause, not a noun.
_CLAUSE_END = re.compile(r"[ \t\u00a0]*(?:[.,;:!?)\]]|$)")


_MARK_AFTER = re.compile(r"[ \t\u00a0]*([^\w\s]|[^\W\d_]+(?:[ \t\u00a0]+[^\W\d_]+)?)")


def _fraction_ends(lang: Language, text: str, at: int) -> bool:
    """Whether a fraction read off a bar ends at ``at``: the clause ends there, or a
    percent mark follows ("1 sobre 3 por ciento", "1 over 3%")."""
    if _CLAUSE_END.match(text, at):
        return True
    mark = _MARK_AFTER.match(text, at)
    if mark is None:
        return False
    written = fold(" ".join(mark.group(1).split()))
    marks = _percent_marks(lang.code)
    return written in marks or written.split()[0] in marks


@cache
def _percent_marks(code: str) -> frozenset[str]:
    """The percent marks of a language, folded: "%", "por ciento", "percent"."""
    return frozenset(fold(k) for k, v in language(code).percent.items() if v == "percent")


def _bar_tail(b: _Builder, atoms: list[tuple[_Atom, str]], i: int, text: str) -> int:
    """Read "over three", "sobre 21", "out of three" at ``atoms[i]`` as the denominator
    of the number in ``b``; return how many atoms it took (0: not a fraction). Only a
    fraction that ends its clause: "$2000 over 3 years" and "1,874 out of 5,210 cases"
    are two figures each."""
    lang = b.lang
    numerator = sum((v for v, _, _ in b.parts), Decimal(0))
    if b.fraction or b.ended or numerator != numerator.to_integral_value():
        return 0
    sub = _Builder(lang)
    j = i
    while j < len(atoms):
        atom, sep = atoms[j]
        if atom.kind == "weak":  # a figure after the bar: "over one hundred"
            atom = replace(atom, kind="word")
        kind_ok = atom.kind in {"digits", "word", "scale"}
        if not kind_ok or not sub.accepts(atom, sep if sub.atoms else ""):
            break
        sub.add(atom)
        j += 1
    whole = sum((v for v, _, _ in sub.parts), Decimal(0))
    if not sub.atoms or whole <= 0 or whole != whole.to_integral_value():
        return 0
    if _joiner(atoms[i][1]) in lang.part_of_whole and numerator > whole:
        return 0
    if _year_like(sub.atoms):
        return 0  # "ranked 3 in 2021.", "rose 5 over 2019.": a year, not a whole
    if not _fraction_ends(lang, text, sub.atoms[-1].end):
        return 0
    b.atoms.extend(sub.atoms)
    b.parts = [(_divide(numerator, whole), Decimal(0), Decimal(1))]
    b.fraction = True
    return j - i


# Kinds that may make a denominator's number phrase, and those that may end it.
_PHRASE = {"word", "weak", "scale"}
_ORDINAL = {"denom", "tens_ordinal"}


def _ordinal_tail(b: _Builder, atoms: list[tuple[_Atom, str]], i: int) -> int:
    """Read "one hundred fifth", "two-hundredth" at ``atoms[i]`` as one denominator after
    a lone one: "one one hundred fifth" is 1/105, "one two-hundredth" 1/200. The phrase
    opens with a number word ("one hundred fifth" alone is the 105th) and ends with a
    singular ordinal that no noun follows ("a one hundred fifth anniversary" is not);
    return how many atoms it took (0: not a fraction)."""
    if [a.kind for a in b.atoms] != ["weak"] or atoms[i][0].kind not in {"word", "weak"}:
        return 0
    sub = _Builder(b.lang)
    j = i
    while j < len(atoms) and atoms[j][0].kind in _PHRASE:
        atom, sep = atoms[j]
        atom = replace(atom, kind="word") if atom.kind == "weak" else atom
        if not sub.accepts(atom, sep if sub.atoms else ""):
            return 0
        sub.add(atom)
        j += 1
    if j >= len(atoms) or j == i:
        return 0
    last, sep = atoms[j]
    if last.kind not in _ORDINAL or not last.ordinal or last.bound:
        return 0
    value = last.value
    # The ordinal of a scale multiplies ("two-hundredth"), of a unit adds ("hundred fifth").
    kind = "scale" if value in b.lang.scales.values() else "word"
    part = _Atom(kind, value, last.start, last.end)
    if not sub.accepts(part, sep):
        return 0
    sub.add(part)
    whole = sum((v for v, _, _ in sub.parts), Decimal(0))
    b.add(_Atom("denom", whole, atoms[i][0].start, last.end))
    return j + 1 - i


def _year_like(atoms: list[_Atom]) -> bool:
    """A whole written as four bare digits that may be a year (1000 to 2100)."""
    if len(atoms) != 1 or atoms[0].kind != "digits" or atoms[0].decimals:
        return False
    a = atoms[0]
    return a.end - a.start == 4 and 1000 <= a.value <= 2100


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

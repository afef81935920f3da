"""Digit runs: "1.175.259", "2,751", "1 234 567" read as values.

A run of digits and separators is matched whole by the grammar (``_DIGIT_RUN``,
possessive so that it cannot backtrack) and interpreted here in Python: the group
pattern decides which mark is decimal, and only the ambiguous "1,234"/"1.234" is left
to the locale. A run that does not read as one number falls back to its groups.
:func:`read_digits` is public through :mod:`factcheck.numbers`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck._number_builder import _Atom
from factcheck.lang import Locale

_SEPARATORS = "., \u00a0\u202f\u2009"
_MARK = re.compile(r"[., \u00a0\u202f\u2009]")
# Groups after a plain space must be exactly three digits ("1 234 567", "40 000"):
# anything else there is the next number ("En 2023 500 personas" is read apart below).
_DIGIT_RUN = r"\d++(?:[.,\u00a0\u202f\u2009]\d++| \d{3}(?![^\W_]))*+"


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
    if run.isdigit():
        return Decimal(run), 0  # most runs: no mark to read
    groups = _MARK.split(run)
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
        return _grouped(groups[:-1], groups[-1], marks[0])
    mark = kinds[0]
    if len(marks) > 1 or mark in blanks:
        return _grouped(groups, "", mark)
    head, tail = groups
    if len(tail) != 3 or len(head) > 3 or head == "0":
        return Decimal(f"{head}.{tail}"), len(tail)
    if mark == locale.decimal:
        return Decimal(f"{head}.{tail}"), 3
    return Decimal(head + tail), 0


def _grouped(groups: list[str], fraction: str, mark: str) -> tuple[Decimal, int] | None:
    head, *rest = groups
    # Indian grouping, commas only: "12,34,567.89" (lakhs and crores in pairs of digits).
    indian = mark == "," and len(rest) >= 2 and 1 <= len(head) <= 2 and len(rest[-1]) == 3
    indian = indian and all(len(g) == 2 for g in rest[:-1])
    if not indian and (not 1 <= len(head) <= 3 or any(len(g) != 3 for g in rest)):
        return None
    whole = head + "".join(rest)
    if fraction:
        return Decimal(f"{whole}.{fraction}"), len(fraction)
    return Decimal(whole), 0


def _digit_atoms(run: str, start: int, locale: Locale, split: bool = False) -> list[_Atom]:
    """Atoms for a digit run; a run grouped by plain spaces that does not read as one
    number ("En 2023 500 personas") or that ``split`` says to cut falls back to one
    atom per group."""
    read = None if split else read_digits(run, locale)
    if read is not None:
        return [_Atom("digits", read[0], start, start + len(run), read[1])]
    # "nrs. 22,24,26,31": commas that group nothing list numbers.
    listed = run.count(",") > 1 and all(ch.isdigit() or ch == "," for ch in run)
    if " " not in run and not listed:
        return [_Atom("bad", Decimal(0), start, start + len(run))]
    out = []
    for piece in run.split("," if listed else " "):
        got = read_digits(piece, locale)
        out.append(
            _Atom("digits", got[0], start, start + len(piece), got[1])
            if got
            else _Atom("bad", Decimal(0), start, start + len(piece))
        )
        start += len(piece) + 1
    return out

"""The number grammar: one regex per language, built from its data file.

Number words, scales, fractions, joiners and sign words come from the language data
(``factcheck/lang/*.toml``) and are compiled here into three patterns: a whole
number expression, the atoms inside it (a digit run, a word, a scale, a fraction)
and a sign word before it. Word sets become tries, so a scan costs one branch per
position whatever the vocabulary; no code here branches on a language code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from factcheck._digits import _DIGIT_RUN
from factcheck.lang import Language, fold, language

_BLANK = r"[ \t\u00a0]"


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
    sign_reach: int  # the most characters a sign word and its blank take
    stem: re.Pattern[str]  # one number inside a one-word denominator ("cientocincoavos")


def _behind(words: Iterable[str], tail: str = _BLANK, counts: tuple[int, ...] = (1,)) -> str:
    """Lookbehinds for "right after one of these words": one per word length (a
    lookbehind has one fixed width) and count of ``tail`` characters."""
    by_length: dict[int, list[str]] = {}
    for w in _variants(words):
        by_length.setdefault(len(w), []).append(w)
    return "|".join(
        rf"(?<=\b(?:{_trie(group)}){tail}{{{n}}})"
        for _, group in sorted(by_length.items())
        for n in counts
    )


@cache
def _grammar(code: str, weak_alone: bool = False) -> _Grammar:
    lang = language(code)
    words = _trie(
        _variants([*lang.numbers, *lang.scales, *lang.scale_currency, *lang.denominators])
    )
    tens = [w for w, v in lang.numbers.items() if v % 10 == 0 and 20 <= v <= 90]
    # "twenty-first", "thirty fifths": one denominator when a numerator comes first.
    # Written as the tail of any number word (one trie per word); numbers.py splits
    # "three fifths" back into a numerator and a denominator.
    tens_tail = rf"(?:{_BLANK}+|{_BLANK}*-{_BLANK}*)(?:{_trie(_variants(lang.tens_ordinals))})"
    tens_ordinal = rf"(?:{_trie(_variants(tens))}){tens_tail}" if lang.tens_ordinals else r"(?!x)x"
    # "veinteavos", "cientocincoavos", "dosmilésimos": a denominator in one word.
    stem = _trie(_variants([*lang.numbers, *lang.scales]))
    stem_joiner = _trie(_variants(lang.denominator_joiners)) or r"(?!x)x"
    big = [w for w, v in lang.denominators.items() if v >= 1000]
    # Written as the tail of a number word, so that the scan tries one trie per word.
    compound_tail = (
        rf"(?:(?:{stem_joiner})?(?:{stem})){{0,3}}"
        rf"(?:{_trie(_variants([*lang.denominator_suffixes, *big]))})"
    )
    compound = rf"(?:{stem}){compound_tail}" if lang.denominator_suffixes else r"(?!x)x"
    lookahead = (
        rf"(?:{_trie(_variants([*lang.scales, *lang.denominators]))}|{tens_ordinal}|{compound})"
    )
    scales = _trie(_variants(lang.scales))
    weak = _trie(_variants(lang.weak_numbers))
    article = _trie(_variants(lang.article_numbers)) or r"(?!x)x"
    ones = _trie(_variants([*lang.weak_numbers, *lang.article_numbers]))
    bare = _trie(_variants(lang.bare_fractions)) or r"(?!x)x"
    abbr = _trie(sorted(lang.abbreviated_scales))
    # "10km", "3.5GW": a unit symbol may touch its figure, and is read before a scale.
    glued_units = "|".join(re.escape(u) for u in sorted(lang.glued_units, key=len, reverse=True))
    # Written apart only when unmistakable: "10 bn", "2.33 k" (not "5 m", a distance).
    spaced = _trie(sorted(lang.spaced_scales))
    joiners = _trie(
        _variants(
            [
                *lang.connectors,
                *lang.decimal_words,
                *lang.fraction_joiners,
                *lang.fraction_bars,
                *lang.part_of_whole,
            ]
        )
    )
    # "cincuenta y uno", "ciento una", "sixty-one", "point one": after these, "uno"/"one"
    # is a digit. Not after a word that also joins fractions ("con uno" is "with one").
    hundreds = [w for w, v in lang.numbers.items() if v % 100 == 0 and 0 < v < 1000]
    decimal_only = lang.decimal_words - lang.fraction_joiners
    after = "|".join(
        x
        for x in (
            # "treinta  y   uno" is typed with several blanks too.
            _behind(lang.connectors, counts=(1, 2, 3)),
            _behind([*decimal_only, *hundreds]),
            _behind(tens, "[ -]"),
        )
        if x
    )
    after_joiner = _behind(lang.fraction_joiners) or r"(?!x)x"
    ones_list = [*lang.weak_numbers, *lang.article_numbers]
    # "con un medio", "and a half": the half after a joiner and a one.
    after_joined_one = (
        _behind([f"{j} {o}" for j in lang.fraction_joiners for o in ones_list]) or r"(?!x)x"
    )
    fraction_joiners = _trie(_variants(lang.fraction_joiners)) or r"(?!x)x"
    parts = _trie(_variants([*lang.denominators, *lang.bare_fractions]))
    # "one and a half", "uno y medio": the one before a joined fraction.
    before_half = rf"{_BLANK}+(?:{fraction_joiners}){_BLANK}+(?:(?:{ones}){_BLANK}+)?(?:{parts})\b"
    # "one over three", "uno sobre 20": the one before a fraction bar and a number.
    bars = _trie(_variants([*lang.fraction_bars, *lang.part_of_whole])) or r"(?!x)x"
    before_bar = rf"{_BLANK}+(?:{bars}){_BLANK}+(?:\d|(?:{words}|{ones})\b)"
    # "one one hundred fifth", "one two-hundredth": the one before a denominator that is
    # itself a number phrase (one number word, then a scale or a fraction word).
    hop = rf"(?:{_BLANK}+|{_BLANK}*-{_BLANK}*)"
    before_ordinal = rf"{_BLANK}+(?:{words}|{ones}){hop}{lookahead}\b"
    vulgar = "".join(sorted(lang.vulgar_fractions))
    vulgar_one = f"[{vulgar}]" if vulgar else r"(?!x)x"
    # "negative one", "menos uno": after a sign word the one is a figure.
    after_sign = _behind(lang.sign_words) or r"(?!x)x"
    # "one mile", "una milla", "a one-yen bid": before these units a weak number counts.
    weak_units = _trie(_variants(lang.weak_units)) or r"(?!x)x"
    # Each branch opens with a cheap test (a digit, a word boundary before a known
    # word) so that the costly lookbehinds run only where a number can start.
    atom = (
        rf"(?=[\d.,{vulgar}])(?:(?<![\d/])(?P<slash>\d{{1,3}}/\d{{1,3}})(?![\d/])|"
        # "¾ of voters": a vulgar fraction on its own.
        rf"(?<![^\W_])(?P<vulgar>{vulgar_one})(?![^\W_])|"
        # ".08": a leading decimal mark, only at the start of a token (not "v.08", "1.08").
        r"(?:(?<![\w.,])(?P<lead>[.,])(?=\d))?"
        rf"(?P<digits>{_DIGIT_RUN})(?:(?=(?-i:{glued_units})(?![\w/²³]))|"
        rf"(?:(?P<glued>{vulgar_one})|[eE](?P<exp>[-+]?\d{{1,3}})"
        rf"|(?-i:(?P<abbr>{abbr}))|{_BLANK}++(?-i:(?P<spaced>{spaced})))?(?![^\W_])))"
        # "medio millón", "half a dozen", "tres y media": a bare fraction only next to
        # a scale or after a fraction joiner; alone "media" is an average.
        + rf"|\b(?=(?:{bare})\b)(?P<bare>(?:{after_joiner}){bare}\b"
        # "diez con un medio", not "con un medio de transporte", "con una media de 30".
        + rf"|(?:{after_joined_one}){bare}\b(?!{_BLANK}+[^\W\d_])"
        # "half a million", "a half-billion dollars"
        + rf"|{bare}\b(?=(?:{_BLANK}+(?:(?:{ones}){_BLANK}+)?|-)(?:{scales})\b))"
        + rf"|\b(?P<word>{words})"
        + (rf"(?P<tens_ordinal>{tens_tail})?" if lang.tens_ordinals else "")
        + (rf"(?P<compound>{compound_tail})?" if lang.denominator_suffixes else "")
        + r"\b"
        # Articles that mean one only before a scale ("a dozen", "a third").
        + rf"|\b(?P<article>{article})\b(?={_BLANK}+(?:{lookahead})\b)"
        + (
            rf"|\b(?P<weak>{weak})\b"
            if weak_alone
            # One cheap test before the ways a weak word counts; before a unit it is a
            # figure wherever it stands ("and one mile").
            else rf"|\b(?=(?:{weak})\b)(?:(?P<unit_one>{weak})(?=(?:{_BLANK}+|-)(?:{weak_units})\b)"
            rf"|(?P<weak>(?:{after}){weak}\b"
            rf"|(?:{after_joiner}){weak}\b(?={_BLANK}+(?:{parts})\b)"
            rf"|{weak}\b(?={hop}{lookahead}\b|{before_half}|{before_bar}|{before_ordinal}))"
            rf"|(?:{after_sign})(?P<signed>{weak})\b)"
        )
    )
    # "two thirds of a million": "of"/"de" joins only before a scale, so that the
    # common "300 millones de pesos" costs one failed trie, not a whole atom.
    of = _trie(_variants(lang.fraction_of)) or r"(?!x)x"
    of_scale = rf"(?:{of}){_BLANK}+(?=(?:(?:{ones}){_BLANK}+)?(?:{scales})\b)"
    sep = rf"(?:{_BLANK}+(?:(?:{joiners}){_BLANK}+|{of_scale})?|{_BLANK}*-{_BLANK}*)"
    bare_atom = re.sub(r"\(\?P<\w+>", "(?:", atom)
    # Where an atom may start: a digit or a mark, or the first letter of a word of the
    # tables above at a word's start. One test per position before the atom's
    # alternatives skips most of a text (the scan takes 40% less time).
    lettered = [
        *lang.numbers,
        *lang.scales,
        *lang.scale_currency,
        *lang.denominators,
        *lang.bare_fractions,
        *lang.article_numbers,
        *lang.weak_numbers,
    ]
    firsts = _trie(sorted({w[:1] for w in _variants(lettered)}))
    opening = rf"(?=[\d.,{vulgar}]|\b(?:{firsts}))"
    expression = rf"{opening}(?:{bare_atom})(?:{sep}(?:{bare_atom}))*+"
    # "menos cinco", "minus 5": the sign word, blanks, then the end of the window.
    signs = _trie(_variants(lang.sign_words)) or r"(?!x)x"
    return _Grammar(
        lang,
        re.compile(expression, re.IGNORECASE),
        re.compile(rf"(?:{atom})", re.IGNORECASE),
        re.compile(rf"\b(?:{signs}){_BLANK}\Z", re.IGNORECASE),
        max(map(len, _variants(lang.sign_words)), default=0) + 1,
        re.compile(rf"(?:{stem_joiner})?(?P<stem>{stem})", re.IGNORECASE),
    )

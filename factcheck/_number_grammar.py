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

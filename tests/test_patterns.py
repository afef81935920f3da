"""The patterns written for speed match as the plain forms they stand for.

A trie instead of a flat alternation, a pattern matched on reversed text instead of a
search anchored at the end, a lookahead that skips where no number can start: each is
checked here against the plain form, at every position of the extraction cases' texts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck._claim_patterns import _BLANK, _alt, _patterns
from factcheck._filters import _previous_word
from factcheck._number_grammar import _grammar
from factcheck.extract import _phrases
from factcheck.lang import fold, language

CASES = Path(__file__).parent / "data" / "extract_cases.jsonl"
TEXTS = [json.loads(line)["text"] for line in CASES.read_text("utf-8").splitlines()]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    found = []
    for at in range(len(text)):
        m = pattern.match(text, at)
        found.append((m.span(), *(m.span(g) for g in range(1, pattern.groups + 1))) if m else ())
    return found


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_folded_alternation_matches_as_the_flat_one(code: str) -> None:
    lang = language(code)
    words = [*lang.currency_words, *lang.currency_subunits, *lang.percent, *lang.units]
    phrases = [w for k in words for w in {k, fold(k)}] + [*lang.qualifiers_before]
    flat = re.compile(_alt(phrases), re.IGNORECASE)
    trie = re.compile(_alt(phrases, folded=True), re.IGNORECASE)
    for text in [*TEXTS, " ".join(phrases), " ".join(phrases).upper()]:
        assert _spans(trie, text) == _spans(flat, text), text


def _ends(text: str) -> list[str]:
    """The text before each position that ends a word, as a figure's window sees it."""
    return [text[max(0, m.end() - 30) : m.end()] for m in re.finditer(r"\S+\s*", text)]


@pytest.mark.parametrize("code", ["es", "en"])
def test_reversed_patterns_match_as_their_forward_forms(code: str) -> None:
    lang, p = language(code), _patterns(code)
    month = re.compile(rf"([^\W\d_]+)\.?,?{_BLANK}+(?:{_alt(lang.date_joiners)}{_BLANK}+)?$")
    item = re.compile(
        rf"(?<![\w.,])(\d{{1,3}}(?:[.,]\d{{3}})+|\d{{1,5}})"
        rf"(?:{_BLANK}*,|{_BLANK}+{_alt(lang.list_joiners)}){_BLANK}+$",
        re.IGNORECASE,
    )
    previous = re.compile(rf"([^\W\d_]+)\.?{_BLANK}*$")
    for text in TEXTS:
        for before in _ends(text):
            forward, reversed_ = month.search(before), p.month_before_reversed.match(before[::-1])
            assert (forward and forward.group(1)) == (reversed_ and reversed_.group(1)[::-1])
            forward, reversed_ = item.search(before), p.list_item_reversed.match(before[::-1])
            assert (forward and forward.start(1)) == (reversed_ and len(before) - reversed_.end(1))
            word = previous.search(before[-24:])
            assert _previous_word(before) == (fold(word.group(1)) if word else "")


def _without_opening(pattern: str) -> str:
    """The pattern without the lookahead it opens with."""
    assert pattern.startswith("(?=")
    depth = 0
    for i, ch in enumerate(pattern):
        escaped = pattern[i - 1 : i] == "\\"
        if ch == "(" and not escaped:
            depth += 1
        elif ch == ")" and not escaped:
            depth -= 1
            if depth == 0:
                return pattern[i + 1 :]
    raise AssertionError(pattern)


@pytest.mark.parametrize("code", ["es", "en"])
def test_the_number_scan_skips_no_number(code: str) -> None:
    expression = _grammar(code).expression
    plain = re.compile(_without_opening(expression.pattern), expression.flags)
    for text in TEXTS:
        found = [m.span() for m in expression.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("code", ["es", "en"])
def test_the_phrase_scans_find_what_each_finds_alone(code: str) -> None:
    p = _patterns(code)
    lang = p.lang
    phrases = [*lang.one_in_heads, *lang.ratio_phrases, *lang.bounded_ratios]
    written = " ".join(
        [*phrases, *(f"{f} {w}" for f in lang.point_fractions for w in lang.point_words)]
    )
    # Odd capitals that match ASCII letters ignoring case: the Kelvin sign, a long s.
    odd = written.upper().replace("K", "\u212a").replace("S", "\u017f")
    scans = (p.one_in, p.ratio, p.bounded_ratio, p.point_fraction)
    for text in [*TEXTS, written, written.upper(), odd, "x" + written.replace(" ", "_")]:
        alone = tuple([m.span() for m in scan.finditer(text)] for scan in scans)
        assert tuple([m.span() for m in found] for found in _phrases(text, p)) == alone, text

"""Where a claim stands: its sentence, and the time and place the sentence gives it.

Time and place are read as written ("de 2022 a 2023", "Sonora", "en todo el país",
"23 estados"); deciding whether two scopes overlap is the checks' business.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Language, fold, language

__all__ = ["Sentences", "find_place", "find_time", "split_sentences"]

# A sentence ends at . ! ? … (maybe closed by quotes or brackets) followed by blank
# space and something that can open a sentence; a line break always ends one,
# since headlines, captions and bylines carry no final stop.
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*[ \t\u00a0]+(?=[¿¡\"'«“(\[]?[A-ZÁÉÍÓÚÑ0-9])|\n+")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'»”’)\]]*$")

_YEAR = r"(?:1[89]\d\d|20\d\d)"


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence boundaries of one text, searchable by offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def around(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.starts[i], self.ends[i]


def split_sentences(text: str, lang: str = "es") -> Sentences:
    """Split ``text`` into sentences, keeping abbreviations ("Sept.", "Art.") and
    decimals ("1.3 millones") inside.

    >>> text = "Se abrió el Art. 4 hoy. Son 1.3 millones.\\nOtra"
    >>> s = split_sentences(text)
    >>> [text[a:b] for a, b in zip(s.starts, s.ends)]
    ['Se abrió el Art. 4 hoy.', 'Son 1.3 millones.', 'Otra']
    """
    abbreviations = language(lang).abbreviations
    starts, ends = [], []
    start = 0
    for m in _END.finditer(text):
        if not m.group().startswith("\n"):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1)
            word = fold(before.group(1).rstrip(".")) if before else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        end = m.start() + len(m.group().rstrip(" \t\u00a0\n"))
        if text[start:end].strip():
            starts.append(start)
            ends.append(end)
        start = m.end()
    if text[start:].strip() or not starts:
        starts.append(start)
        ends.append(len(text.rstrip()))
    return Sentences(tuple(starts), tuple(ends))


@dataclass(frozen=True)
class _ScopePatterns:
    time: re.Pattern[str]
    place: re.Pattern[str]


@cache
def _scope_patterns(code: str) -> _ScopePatterns:
    lang = language(code)
    opens = "|".join(re.escape(o) for o, _ in lang.ranges)
    joins = "|".join(re.escape(j) for _, j in lang.ranges)
    years = rf"(?:(?:{opens})\s+)?{_YEAR}(?:\s*(?:-|–|/|{joins})\s*{_YEAR})?"
    time = rf"\b(?:{years})\b"
    place_names = _alternation([*lang.nationwide, *lang.places])
    states = "|".join(re.escape(w) for w in lang.states_words)
    place = (
        rf"(?<![\w])(?:{place_names})(?![\w])"
        rf"|\b(?:\d+|(?P<count>\w+))\s+(?:{states})\b"
    )
    return _ScopePatterns(re.compile(time, re.IGNORECASE), re.compile(place))


def _alternation(phrases: list[str]) -> str:
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)
    )


def _nearest(matches: list[re.Match[str]], start: int, end: int) -> str | None:
    def distance(m: re.Match[str]) -> int:
        return start - m.end() if m.end() <= start else max(0, m.start() - end)

    best = min(matches, key=distance, default=None)
    return best.group() if best else None


def find_time(sentence: str, start: int, end: int, lang: Language) -> str | None:
    """The year or period in ``sentence`` nearest the claim at [start, end).

    >>> find_time("De 2022 a 2023 se lograron 442 mil consultas", 27, 34, language("es"))
    'De 2022 a 2023'
    """
    matches = [
        m
        for m in _scope_patterns(lang.code).time.finditer(sentence)
        if m.end() <= start or m.start() >= end
    ]
    return _nearest(matches, start, end)


def find_place(sentence: str, start: int, end: int, lang: Language) -> str | None:
    """The place in ``sentence`` nearest the claim: a state, the whole country, "23 estados".

    >>> find_place("81 hospitales tiene el IMSS-Bienestar en todo el país", 0, 2, language("es"))
    'en todo el país'
    """
    pattern = _scope_patterns(lang.code).place
    matches = [
        m
        for m in pattern.finditer(sentence)
        if (m.end() <= start or m.start() >= end)
        and (m.group("count") is None or fold(m.group("count")) in lang.numbers)
    ]
    return _nearest(matches, start, end)

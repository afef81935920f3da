"""Where a claim stands: its sentence, and the time and place the sentence gives it.

Time and place are read as written ("de 2022 a 2023", "Sonora", "en todo el país",
"23 estados"); deciding whether two scopes overlap is the checks' business.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Language, fold, language

__all__ = ["SentenceScope", "Sentences", "sentence_scope", "split_sentences"]

# A sentence ends at . ! ? … (maybe closed by quotes or brackets) followed by blank
# space and something that can open a sentence; a line break always ends one,
# since headlines, captions and bylines carry no final stop.
# Written to open with the set of its first characters, which lets the engine skip to
# them: "[.!?…]+[\"'»”’)\]]*[ \t\u00a0]+(?=[¿¡\"'«“(\[]?[A-ZÁÉÍÓÚÑ0-9])|\n+".
_END = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'»”’)\]]*[ \t\u00a0]+(?=[¿¡\"'«“(\[]?[A-ZÁÉÍÓÚÑ0-9])"
    r"|(?<=\n)\n*)"
)
# The word before a sentence's end mark, read on the text reversed (without the points
# it ends with, which are stripped anyway): "([\w.]+)[.!?…]*[\"'»”’)\]]*$" forwards.
_WORD_BEFORE_REVERSED = re.compile(r"[\"'»”’)\]]*[.!?…]*([\w.]+)")

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_A_YEAR = re.compile(_YEAR)


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence boundaries of one text, searchable by offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def index(self, offset: int) -> int:
        """The number of the sentence that holds ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
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
            window = text[max(0, m.start() - 20) : m.start() + 1]
            before = _WORD_BEFORE_REVERSED.match(window[::-1])
            word = fold(before.group(1)[::-1].rstrip(".")) if before else ""
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
    time: re.Pattern[str]  # years and spans of years
    time_words: re.Pattern[str]  # "el año pasado", "en diciembre"
    place: re.Pattern[str]
    next_item: re.Pattern[str]
    barrier: re.Pattern[str]


@cache
def _scope_patterns(code: str) -> _ScopePatterns:
    lang = language(code)
    opens = "|".join(re.escape(o) for o, _ in lang.ranges if o)
    joins = "|".join(re.escape(j) for _, j in lang.ranges)
    years = rf"(?:(?:{opens})\s+)?{_YEAR}(?:\s*(?:-|–|/|{joins})\s*{_YEAR})?"
    relative = _alternation([*lang.relative_times])
    months = _alternation([m for m in lang.months if len(m) > 3] + list(lang.weeks))
    month = (
        rf"(?:{_alternation(list(lang.month_openers))})\s+(?:{months})(?![ \t]+(?:de[l]?[ \t]+)?\d)"
    )
    time = rf"\b(?:{years})\b"
    firsts = {p.split()[0] for p in (*lang.relative_times, *lang.month_openers)}
    # The first letter, then the first word: most words fail on the letter alone.
    letters = "".join(sorted({re.escape(w[0]) for w in firsts}))
    time_words = (
        rf"\b(?=[{letters}])(?=(?:{_alternation(sorted(firsts))})\b)(?:{relative}|{month})\b"
    )
    place_names = _by_first_letter([*lang.nationwide, *lang.places])
    states = "|".join(re.escape(w) for w in lang.states_words)
    # A word boundary first: the alternation is tried only where a word starts. The
    # count before "estados" is read in Python, not by a branch tried at every word.
    # A capital, or the first word of a lower-case phrase ("en todo el país"), before the
    # long alternation is tried at all.
    lower = {p.split()[0] for p in (*lang.nationwide, *lang.places) if not p[:1].isupper()}
    opening = rf"(?=[A-ZÁÉÍÓÚÑ]|(?:{_alternation(sorted(lower))})\b)"
    place = rf"\b{opening}(?:{place_names})(?![\w])|\b(?P<states>{states})\b"
    next_items = _alternation(list(lang.next_items))
    next_item = re.compile(rf"\b(?:{next_items})\b", re.IGNORECASE)
    compared = _alternation([w for w in lang.compared_written if w[-1:].isalnum()])
    barrier = re.compile(rf";|\b(?:{next_items}|{compared})\b", re.IGNORECASE)
    return _ScopePatterns(
        re.compile(time, re.IGNORECASE),
        re.compile(time_words, re.IGNORECASE),
        re.compile(place),
        next_item,
        barrier,
    )


_COUNT_BEFORE = re.compile(r"(\w+)\s+$")


def _alternation(phrases: list[str]) -> str:
    return "|".join(_escaped(p) for p in sorted(set(phrases), key=len, reverse=True))


def _escaped(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+")


def _by_first_letter(phrases: list[str]) -> str:
    """:func:`_alternation` with the phrases grouped under their first character, for a
    case-sensitive pattern: the engine passes over a group on that character instead of
    trying its phrases one by one. Phrases with different first characters never match
    at one position, and each group keeps the longest first."""
    groups: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(p[:1], []).append(p[1:])
    return "|".join(
        f"{_escaped(first)}(?:{'|'.join(map(_escaped, rests))})" for first, rests in groups.items()
    )


@dataclass(frozen=True, slots=True)
class _Marks:
    """Non-overlapping matches in one sentence, sorted, searchable by position."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    texts: tuple[str, ...]

    def nearest(self, start: int, end: int) -> str | None:
        """The match nearest [start, end) that does not overlap it; before wins a tie."""
        if not self.texts:
            return None  # most sentences name no time, many no place
        i = bisect.bisect_right(self.ends, start)  # matches [0, i) end at or before start
        j = bisect.bisect_left(self.starts, end)  # matches [j, n) start at or after end
        before = (start - self.ends[i - 1], i - 1) if i > 0 else None
        after = (self.starts[j] - end, j) if j < len(self.starts) else None
        best = min((c for c in (before, after) if c is not None), default=None)
        return self.texts[best[1]] if best else None


_NO_MARKS = _Marks((), (), ())  # shared by the sentences that name none of a kind


def _marks(matches: Iterator[re.Match[str]]) -> _Marks:
    kept = list(matches)
    if not kept:
        return _NO_MARKS
    return _Marks(
        tuple(m.start() for m in kept), tuple(m.end() for m in kept), tuple(m.group() for m in kept)
    )


@dataclass(frozen=True, slots=True)
class SentenceScope:
    """The times and places one sentence names, found once for all its claims."""

    times: _Marks
    places: _Marks
    text: str = ""  # the sentence
    next_item: re.Pattern[str] | None = None  # "followed by": a list's next item
    barrier: re.Pattern[str] | None = None  # ";", "frente a", "than": what a mark after
    # a figure does not reach back across

    def time(self, start: int, end: int) -> str | None:
        return self.times.nearest(start, end)

    def place(self, start: int, end: int) -> str | None:
        return self.places.nearest(start, end)

    def scopes_of(self, spans: Sequence[tuple[int, int]]) -> list[tuple[str | None, str | None]]:
        """The time and the place of each figure of the sentence, read for all its
        figures at once. A mark belongs to the figure it leads or is nearest to, commas,
        semicolons and a list's next item weighed; a figure takes the nearest of its own
        marks, or, owning none, the nearest one it shares: one before it ("En Sonora
        hubo 1,200 homicidios y 300 feminicidios") or after it with no comparison or
        next item between ("16 millones, frente a los 12 millones de 2022-2023": the year
        is the 12 millones').

        >>> s = sentence_scope("Sonora, con 300, seguido de Sinaloa, con 250.", language("es"))
        >>> [place for _, place in s.scopes_of([(12, 15), (41, 44)])]
        ['Sonora', 'Sinaloa']
        >>> t = "Britain led, with 8.4 million tourists, followed by France."
        >>> sentence_scope(t, language("en")).scopes_of([(18, 29)])
        [(None, 'Britain')]
        >>> t = "El beneficio fue de 16 millones, frente a los 12 millones de 2023."
        >>> sentence_scope(t, language("es")).scopes_of([(20, 31), (46, 57)])
        [(None, None), ('de 2023', None)]
        >>> t = "It drew 133.5 million, topping the 129.3 million who watched Usher last year."
        >>> sentence_scope(t, language("en")).scopes_of([(8, 21), (35, 48)])
        [(None, None), ('last year', None)]
        """
        if len(spans) == 1 and len(self.times.texts) < 2 and len(self.places.texts) < 2:
            return [(self.time(*spans[0]), self.place(*spans[0]))]  # most sentences
        times = self._assign(self.times, spans)
        places = self._assign(self.places, spans)
        return list(zip(times, places, strict=True))

    def _assign(self, marks: _Marks, spans: Sequence[tuple[int, int]]) -> list[str | None]:
        if not marks.texts:
            return [None] * len(spans)
        if len(marks.texts) < 2 and len(spans) < 2:
            return [marks.nearest(a, b) for a, b in spans]

        def shared(k: int, span: tuple[int, int]) -> bool:
            after = marks.starts[k] >= span[1]
            barrier = self.barrier
            return (
                not after or not barrier or not barrier.search(self.text, span[1], marks.starts[k])
            )

        every = range(len(marks.texts))
        # Each mark's cost to each figure, read once: the owners, the best of a figure's
        # own marks and its bar below all ask for them.
        costs = [
            [
                _cost(self.text, (marks.starts[k], marks.ends[k]), span, self.next_item)
                for span in spans
            ]
            for k in every
        ]
        owners = [min(range(len(spans)), key=row.__getitem__) for row in costs]
        out: list[str | None] = []
        for i, span in enumerate(spans):
            own = [k for k in every if owners[k] == i] or [k for k in every if shared(k, span)]
            best = min(own, key=lambda k: costs[k][i], default=None)
            out.append(marks.texts[best] if best is not None and costs[best][i] < _OWN else None)
        return out


# A place that opens its figure's item of a list: "Sinaloa, con 250", "Texas, with 159",
# "Jalisco: 1,200", "Sonora (300)".
_LEADS = re.compile(r"\s*(?:[,:(]\s*)?(?:(?:con|with|at|en|in)\s+)?(?:(?:el|la|the|un|una|a)\s+)?$")
# How far a comma and a semicolon put a place from a figure, in characters: items of a
# list are set apart by them ("con 2,156; Baja California, con 2,072").
_COMMA, _SEMICOLON = 30, 100
_OWN = 1 << 30


def _cost(
    text: str, mark: tuple[int, int], span: tuple[int, int], next_item: re.Pattern[str] | None
) -> int:
    """How far a place is from a figure, punctuation weighed; 0 when it leads it, and
    never nearest when it overlaps it."""
    if mark[1] <= span[0]:
        gap = text[mark[1] : span[0]]
        if _LEADS.match(gap):
            return 0
    elif mark[0] >= span[1]:
        gap = text[span[1] : mark[0]]
        if next_item and next_item.search(gap):
            return _SEMICOLON + len(gap)  # "8.4 million tourists, followed by France"
    else:
        return _OWN  # "23 estados" is the figure 23's own words, not its place
    return len(gap) + _COMMA * gap.count(",") + _SEMICOLON * gap.count(";")


def sentence_scope(sentence: str, lang: Language) -> SentenceScope:
    """Every time and place of ``sentence``; ask it for the nearest to a claim.

    >>> s = sentence_scope("De 2022 a 2023 se lograron 442 mil consultas en Sonora", language("es"))
    >>> s.time(27, 34), s.place(27, 34)
    ('De 2022 a 2023', 'Sonora')
    >>> sentence_scope("81 hospitales en todo el país", language("es")).place(0, 2)
    'en todo el país'
    >>> es = language("es")
    >>> sentence_scope("45 millones, la terminal con más tráfico del país", es).place(0, 2)
    >>> sentence_scope("El año pasado se vendieron 300 autos", language("es")).time(26, 29)
    'El año pasado'
    >>> sentence_scope("Sales rose 5% from a year earlier", language("en")).time(11, 13) is None
    True
    >>> sentence_scope("con 18,4 millones, un 6,2% más que en 2023", language("es")).time(4, 17)
    >>> sentence_scope("Informó que de 2022 a 2023 hubo 442 mil", language("es")).time(32, 39)
    'de 2022 a 2023'
    """
    patterns = _scope_patterns(lang.code)
    spans: list[tuple[int, int]] = []
    for m in patterns.place.finditer(sentence):
        if m.group("states") is None:
            if not _superlative(sentence, m, lang):
                spans.append((m.start(), m.end()))
            continue
        count = _COUNT_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
        if count and (count.group(1).isdigit() or fold(count.group(1)) in lang.numbers):
            spans.append((count.start(), m.end()))
    places = _NO_MARKS
    if spans:
        places = _Marks(
            tuple(a for a, _ in spans),
            tuple(b for _, b in spans),
            tuple(sentence[a:b] for a, b in spans),
        )
    # Every span of years holds a year: most sentences are skipped at C speed.
    found = list(patterns.time.finditer(sentence)) if _A_YEAR.search(sentence) else []
    words = list(patterns.time_words.finditer(sentence))
    if words:
        found = sorted([*found, *words], key=lambda m: m.start())
    times = (
        m for m in found if not _compared(sentence, m, lang) and not _span_start(sentence, m, lang)
    )
    return SentenceScope(_marks(times), places, sentence, patterns.next_item, patterns.barrier)


_WORDS_BEFORE = re.compile(r"(?:([\w.]+)\W+)?(?:([\w.]+)\W+)?([\w.]+)\W+$")
# What a time may take between its comparison word and itself: "más que en 2023".
_TIME_PREPOSITIONS = frozenset({"en", "de", "del", "al", "in", "of", "for", "during"})


_SUPERLATIVE_WORDS = 5  # how far before "del país" its superlative may stand


def _superlative(sentence: str, m: re.Match[str], lang: Language) -> bool:
    """Whether the whole country is the frame of a superlative, not a figure's scope:
    "la terminal con más tráfico del país", "the busiest airport in the country"."""
    if m.group()[:1].isupper():
        return False  # a named place is one
    before = fold(sentence[max(0, m.start() - 50) : m.start()]).split()[-_SUPERLATIVE_WORDS:]
    return any(w.strip(",.;:") in lang.superlatives for w in before)


_SINCE_WORDS = 6  # how far before a month its start word may stand


def _span_start(sentence: str, m: re.Match[str], lang: Language) -> bool:
    """Whether a time starts the span a figure runs over rather than being its period:
    a month after a start word ("132 defunciones desde el inicio de la temporada, en
    octubre"), or any time in a clause that a start opens ("a record since it returned
    to the calendar in 2015"; not "since 2015", the figure's own span).

    >>> t = "405,714 fans, a record since it returned to the calendar in 2015"
    >>> sentence_scope(t, language("en")).time(0, 7) is None
    True
    >>> sentence_scope("500 cases since 2015", language("en")).time(0, 3)
    '2015'
    """
    # Lower case only (not `fold`, whose cache is for words): the openers, joiners and
    # prepositions looked for carry no accent.
    window = sentence[max(0, m.start() - _SINCE_CLAUSE) : m.start()].casefold()
    for opener in lang.since_clauses:
        at = window.rfind(opener + " ")
        if at > 0 and window[at - 1].isalnum():
            continue  # "convince ", not "since "
        clause = window[at + len(opener) :].split() if at >= 0 else []
        # A comma or "y" ends the clause: "desde que volvió en 2015 y los 402 mil del
        # año pasado" leaves the last time to its own figure.
        if (
            len([w for w in clause if w not in _TIME_PREPOSITIONS]) > 1
            and not any(mark in window[at:] for mark in ",;")
            and not any(w in lang.list_joiners for w in clause)
        ):
            return True
    if fold(m.group().split()[-1]) not in lang.months:
        return False
    before = fold(sentence[max(0, m.start() - 60) : m.start()]).split()[-_SINCE_WORDS:]
    return any(w.strip(",.;:") in lang.since for w in before)


_SINCE_CLAUSE = 80  # how far before a time the start of its clause may stand


def _compared(sentence: str, m: re.Match[str], lang: Language) -> bool:
    """Whether a time is the base a figure is compared with: "up 9.2% from a year
    earlier", "creció 5% respecto del año pasado", "un 6,2% más que en 2023"."""
    near = sentence[max(0, m.start() - 40) : m.start()].lower()
    if not any(cue in near for cue in lang.compared_cues):
        return False  # most times: no comparison word before them at all
    before = _WORDS_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
    words = [fold(w).lower() for w in (before.groups() if before else ()) if w]
    while words and words[-1][:1].isdigit():
        words.pop()  # "up from 175,000 last year": the time of the figure compared with
    if words and words[-1] in _TIME_PREPOSITIONS:
        words.pop()
    last = words[-1:]
    pair = [" ".join(words[-2:])] if len(words) > 1 else []
    relative = m.group()[-1:].isalpha()
    return any(
        w in lang.compared or (relative and w in lang.compared_relative) for w in (*last, *pair)
    )

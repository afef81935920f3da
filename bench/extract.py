"""Benchmark ``factcheck.extract.extract_claims`` on one core.

Four measurements, printed as small tables (bench/README.md has figures and how
to read them):

1. Throughput on a deterministic news-like corpus (at least 5 MB; ``--quick``: 0.5 MB)
   of 2–5 KB documents built from the seed articles in ``seeds/`` and the texts in
   ``tests/data/extract_cases.jsonl`` when it exists: sentences drawn with a fixed random
   seed, the digits of half the numbers varied. Documents/s, MB/s and claims/s, median of 3 runs.
   Every sentence of the cases holds a figure, so this corpus is denser in figures than
   reporting is: the cost per claim dominates.
1b. The five seed articles whole, repeated to the same size: real reporting's density of
   figures (about 5 claims per kB against the corpus's 14).
2. quantulum3 (``parser.parse``) against ours on the same English sample: 30 documents
   of about 1,500 characters. MB/s of each and the ratio ours/quantulum3.
3. Growth on pathological single lines of 0.1, 0.5 and 1 MB (random digits and
   separators; random Spanish and English number words), after a ladder of 10, 20
   and 50 kB: time per size, its ratio to the 10 kB time (linear work keeps it near
   the size ratio), and the growth exponent between consecutive sizes. A size whose
   projected time passes ``--line-budget`` is skipped, and the table says so.

Usage::

    python bench/extract.py            # full run, a few minutes
    python bench/extract.py --quick    # smaller corpus and lines, well under a minute
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_LANGS = ROOT / "fixtures" / "seed_claims.json"
CASES = ROOT / "tests" / "data" / "extract_cases.jsonl"
LOCALES = {"es": "es-MX", "en": "en-US"}
RNG_SEED = 20220524
MB = 1_000_000  # decimal megabytes, as throughput is usually quoted


@dataclass(frozen=True, slots=True)
class Doc:
    text: str
    lang: str

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


# --- corpus ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) >= 20]


def _seed_langs() -> dict[str, str]:
    """Each seed article's language, by file name (Spanish when the fixture is absent)."""
    if not SEED_LANGS.exists():
        return {}
    return {name: v["lang"] for name, v in json.loads(SEED_LANGS.read_text("utf-8")).items()}


def sentence_pools() -> dict[str, list[str]]:
    """Sentences per language from the seeds and, when present, the extraction cases."""
    langs = _seed_langs()
    pools: dict[str, list[str]] = {"es": [], "en": []}
    for path in sorted(SEEDS.glob("*.txt")):
        lang = langs.get(path.name, "es")
        pools.setdefault(lang, []).extend(_sentences(path.read_text("utf-8")))
    if CASES.exists():
        for line in CASES.read_text("utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            text, lang = record.get("text"), record.get("lang")
            if isinstance(text, str) and lang in pools:
                pools[lang].extend(_sentences(text) or [text])
    return pools


def _vary(sentence: str, rng: random.Random) -> str:
    """Replace the digits of about half the digit runs, keeping their shape."""

    def swap(m: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return m.group()
        digits = [str(rng.randrange(10)) for _ in m.group()]
        if len(digits) > 1 and digits[0] == "0":
            digits[0] = str(rng.randrange(1, 10))
        return "".join(digits)

    return re.sub(r"\d+", swap, sentence)


def build_docs(
    pools: dict[str, list[str]],
    total_bytes: int,
    size_range: tuple[int, int],
    langs: Sequence[str],
    weights: Sequence[float],
    seed: int = RNG_SEED,
) -> list[Doc]:
    """Documents of ``size_range`` characters until ``total_bytes`` of UTF-8 are reached."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    total = 0
    while total < total_bytes:
        lang = rng.choices(list(langs), weights=weights)[0]
        target = rng.randint(*size_range)
        parts: list[str] = []
        length = 0
        while length < target:
            sentence = _vary(rng.choice(pools[lang]), rng)
            parts.append(sentence + ("\n\n" if rng.random() < 0.25 else " "))
            length += len(parts[-1])
        doc = Doc("".join(parts).strip(), lang)
        docs.append(doc)
        total += doc.size
    return docs


# --- timing ------------------------------------------------------------------------


def _median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _ours(docs: Sequence[Doc], errors: list[str] | None = None) -> Callable[[], int]:
    """Extract every document; an exception is recorded in ``errors`` and the run goes on."""
    from factcheck.extract import extract_claims

    def run() -> int:
        if errors is not None:
            errors.clear()
        found = 0
        for d in docs:
            try:
                found += len(extract_claims(d.text, d.lang, locale=LOCALES[d.lang]))
            except Exception as exc:  # a crash is a finding, reported after the timing
                if errors is None:
                    raise
                errors.append(f"{type(exc).__name__} on a {d.lang} document: {d.text[:60]!r}")
        return found

    return run


def _quantulum(docs: Sequence[Doc]) -> Callable[[], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import classifier, parser

    # Its pickled classifier was saved by an older scikit-learn and no longer loads under
    # the one factcheck installs ("No module named '_loss'"): run it as it runs without
    # the classifier extra, on its own disambiguation rules, as the table says.
    classifier.USE_CLF = False

    def run() -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(len(parser.parse(d.text)) for d in docs)

    return run


# --- pathological lines -----------------------------------------------------------

_DIGIT_SEPARATORS = [",", ".", " ", ",,", "..", ", ", ". ", "-"]
# fmt: off
_WORDS = {
    "es": ["un", "uno", "mil", "millón", "millones", "billón", "veinte", "veintitrés", "treinta",
           "y", "tres", "cien", "ciento", "doscientos", "quinientos", "dos", "cuatro", "cuartos",
           "medio", "tercios", "coma", "con"],
    "en": ["one", "a", "hundred", "thousand", "million", "billion", "twenty", "twenty-three",
           "thirty", "and", "three", "five", "half", "quarter", "fifths", "point", "nought",
           "dozen"],
}
# fmt: on
_WORD_SEPARATORS = [" ", " ", " ", "-", " y ", " and ", ", "]


def pathological_line(kind: str, size: int, seed: int = RNG_SEED) -> str:
    """A single line of ``size`` characters: digit runs and separators, or number words."""
    rng = random.Random(f"{seed}-{kind}")
    parts: list[str] = []
    length = 0
    while length < size:
        if kind == "digits":
            token = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4)))
            sep = rng.choice(_DIGIT_SEPARATORS)
        else:
            token = rng.choice(_WORDS[kind])
            sep = rng.choice(_WORD_SEPARATORS)
        parts.append(token + sep)
        length += len(token) + len(sep)
    return "".join(parts)[:size]


# --- main ---------------------------------------------------------------------------


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def _table(rows: list[list[str]], head: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    line = lambda r: "  ".join(str(x).rjust(w) for x, w in zip(r, widths, strict=True))  # noqa: E731
    return "\n".join([line(head), line(["-" * w for w in widths]), *map(line, rows)])


def _print_throughput(seconds: float, docs: int, size: int, claims: int) -> None:
    row = [f"{seconds:.2f}", f"{docs / seconds:.1f}", f"{size / MB / seconds:.3f}",
           f"{claims / seconds:.0f}", str(claims)]  # fmt: skip
    print(_table([["factcheck", *row]], ["", "seconds", "docs/s", "MB/s", "claims/s", "claims"]))


def bench_corpus(pools: dict[str, list[str]], total_bytes: int, runs: int) -> None:
    docs = build_docs(pools, total_bytes, (2000, 5000), ["es", "en"], [0.75, 0.25])
    size = sum(d.size for d in docs)
    _ours(docs[:3])()  # load language data and compile patterns outside the timing
    errors: list[str] = []
    seconds, claims = _median_time(_ours(docs, errors), runs)
    n_es = sum(d.lang == "es" for d in docs)
    print(
        f"\n1. corpus: {len(docs)} documents, {size / MB:.2f} MB ({n_es} es, "
        f"{len(docs) - n_es} en) from {sum(map(len, pools.values()))} source sentences; "
        f"median of {runs} runs"
    )
    _print_throughput(seconds, len(docs), size, int(claims))
    if errors:
        print(f"extract_claims raised on {len(errors)} documents (left out of the claims), e.g.:")
        for line in errors[:3]:
            print(f"  {line}")


def bench_articles(total_bytes: int, runs: int) -> None:
    """The seed articles whole, repeated: what real reporting reads at its own density of
    figures (the corpus above is drawn from sentences that all hold one)."""
    langs = _seed_langs()
    articles = [
        Doc(path.read_text("utf-8"), langs.get(path.name, "es"))
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    one_pass = sum(d.size for d in articles)
    docs = articles * max(1, -(-total_bytes // one_pass))
    size = sum(d.size for d in docs)
    _ours(articles)()
    seconds, claims = _median_time(_ours(docs), runs)
    print(
        f"\n1b. seed articles: {len(articles)} articles ({one_pass / 1000:.1f} kB) repeated to "
        f"{size / MB:.2f} MB, {int(claims) / (size / 1000):.1f} claims per kB; "
        f"median of {runs} runs"
    )
    _print_throughput(seconds, len(docs), size, int(claims))


def bench_quantulum(pools: dict[str, list[str]], runs: int) -> None:
    english = build_docs(pools, 30 * 1500, (1400, 1600), ["en"], [1.0], seed=RNG_SEED + 1)[:30]
    size = sum(d.size for d in english)
    _quantulum(english[:1])()  # quantulum loads its unit tables on the first call
    _ours(english[:1])()
    t_q, n_q = _median_time(_quantulum(english), runs)
    t_o, n_o = _median_time(_ours(english), runs)
    print(
        f"\n2. English sample: {len(english)} documents, {size / 1000:.1f} kB; median of {runs} "
        "runs; quantulum3 without its classifier extra"
    )
    rows = [
        ["factcheck", f"{t_o:.3f}", f"{size / MB / t_o:.3f}", str(n_o)],
        ["quantulum3", f"{t_q:.3f}", f"{size / MB / t_q:.3f}", str(n_q)],
    ]
    print(_table(rows, ["", "seconds", "MB/s", "found"]))
    print(f"ours/quantulum3 throughput: {t_q / t_o:.1f}x")


def bench_lines(sizes: Sequence[int], runs: int, budget: float) -> None:
    """Time single pathological lines up a ladder of sizes.

    A size whose time, projected from the previous one (at the growth exponent last
    measured, at least 1; quadratic before two sizes), would pass ``budget`` seconds is
    not run, and the table says so.
    """
    from factcheck.extract import extract_claims
    from factcheck.numbers import find_numbers

    layers: dict[str, Callable[..., Sequence[object]]] = {
        "extract_claims": extract_claims,
        "find_numbers": find_numbers,
    }
    rows = []
    for layer, fn in layers.items():
        for kind, lang in [("digits", "es"), ("digits", "en"), ("es", "es"), ("en", "en")]:
            done: list[tuple[int, float]] = []
            growth = 2.0  # projection exponent: quadratic until two sizes are measured
            for n in sizes:
                label = [layer, f"{kind} ({lang})", f"{n / MB:.2f}"]
                if done and done[-1][1] * (n / done[-1][0]) ** growth > budget:
                    rows.append([*label, "skipped", "", "", "", f"projected > {budget:.0f} s"])
                    continue
                line = pathological_line(kind, n)

                def run(
                    line: str = line, lang: str = lang, fn: Callable[..., Sequence[object]] = fn
                ) -> Sequence[object]:
                    return fn(line, lang, locale=LOCALES[lang])

                try:
                    t, found = _median_time(run, runs if n <= 20_000 else 1)
                except Exception as exc:  # a crash is a finding: show it, go on
                    rows.append([*label, "raised", "", "", "", type(exc).__name__])
                    break
                exponent = ""
                if done:
                    n0, t0 = done[-1]
                    k = math.log(t / t0) / math.log(n / n0)
                    exponent = f"{k:.2f}"
                    growth = max(1.0, k)
                done.append((n, t))
                ratios = [f"{t / done[0][1]:.1f}", f"{n / done[0][0]:.0f}"]
                rows.append([*label, f"{t:.2f}", *ratios, exponent, str(len(found))])  # type: ignore[arg-type]
    print(
        "\n3. pathological single lines: time and size relative to the 10 kB probe; exponent k"
        "\n   in time ~ size^k from the previous size (1 = linear, 2 = quadratic)"
    )
    head = ["function", "line", "MB", "seconds", "time ratio", "size ratio", "exponent", "found"]
    print(_table(rows, head))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="0.5 MB corpus, lines up to 0.2 MB")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument(
        "--line-budget",
        type=float,
        metavar="SECONDS",
        help="longest projected time for one pathological line (default 60; --quick 10)",
    )
    ap.add_argument(
        "--sections",
        default="corpus,articles,quantulum,lines",
        help="which measurements to run, comma-separated (default: all four)",
    )
    args = ap.parse_args(argv)
    budget = args.line_budget or (10.0 if args.quick else 60.0)

    pinned = _pin_one_core()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, {pinned}")
    pools = sentence_pools()
    sections = set(args.sections.split(","))
    if "corpus" in sections:
        bench_corpus(pools, MB // 2 if args.quick else 5 * MB, args.runs)
    if "articles" in sections:
        bench_articles(MB // 2 if args.quick else 5 * MB, args.runs)
    if "quantulum" in sections:
        bench_quantulum(pools, args.runs)
    if "lines" in sections:
        targets = [MB // 20, MB // 10, MB // 5] if args.quick else [MB // 10, MB // 2, MB]
        bench_lines(sorted({10_000, 20_000, 50_000, *targets}), args.runs, budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())

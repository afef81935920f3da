"""What the arithmetic checks cost next to extraction, on the news-like corpus of
bench/extract.py (shuffled sentences from the seeds and the extraction cases).

    python bench/arithmetic.py            # 1 MB, median of 3
    python bench/arithmetic.py --quick    # 0.2 MB

Prints extraction time, the three checks' time on the extracted claims, their ratio,
and how many checks of each verdict the shuffled corpus produced. Shuffled sentences
make few true links, so the verdict counts are a smoke test for links made between
unrelated figures, not a quality measure (tests/data/arithmetic_cases.jsonl is).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import LOCALES, MB, build_docs, sentence_pools

from factcheck.checks import (
    arithmetic_growth,
    arithmetic_percentage,
    arithmetic_total,
)
from factcheck.extract import extract_document
from factcheck.model import Document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    size, runs = (0.2 * MB, 1) if args.quick else (1 * MB, 3)
    docs = build_docs(sentence_pools(), int(size), (1500, 6000), ("es", "en"), (0.6, 0.4))
    documents = [
        Document(f"d{i}", d.text, lang=d.lang, locale=LOCALES[d.lang]) for i, d in enumerate(docs)
    ]
    extract_times, check_times = [], []
    verdicts: Counter[tuple[str, str]] = Counter()
    for _ in range(runs):
        start = time.perf_counter()
        claims = [extract_document(d) for d in documents]
        extract_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        verdicts.clear()
        for d, found in zip(documents, claims, strict=True):
            for check in (arithmetic_percentage, arithmetic_total, arithmetic_growth):
                for c in check(d, found):
                    verdicts[(c.kind, c.verdict)] += 1
        check_times.append(time.perf_counter() - start)
    ext, chk = statistics.median(extract_times), statistics.median(check_times)
    total = sum(d.size for d in docs) / MB
    print(f"corpus: {len(docs)} documents, {total:.2f} MB, median of {runs}")
    print(f"extraction: {ext:.2f} s ({total / ext:.2f} MB/s)")
    print(f"arithmetic checks: {chk:.2f} s ({chk / ext:.2f}× extraction)")
    for (kind, verdict), n in sorted(verdicts.items()):
        print(f"  {kind} {verdict}: {n}")


if __name__ == "__main__":
    main()

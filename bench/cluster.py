"""Embedding throughput and clustering scale.

    python bench/cluster.py      # embeddings (USE, 2 threads), clustering of 1e3, 1e4, 1e5
    python bench/cluster.py --sizes 1000,10000 --skip-embed

Clustering is timed with the hashing embedder so that the figures measure the
clustering (blocking, radius search, decisions, components), not the model; the
embedding throughput of the real model is measured apart. Peak memory is the
process's maximum resident size after each size (it only grows).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from decimal import Decimal

from factcheck.cluster import cluster_claims
from factcheck.config import Config
from factcheck.embed import HashEmbedder, USEEmbedder, make_embedder
from factcheck.model import Claim, Document, Quantity

SUBJECTS = [
    "hospitales",
    "consultas",
    "cirugías",
    "camas",
    "médicos",
    "escuelas",
    "homicidios",
    "detenidos",
    "empleos",
    "viviendas",
    "casos",
    "vacunas",
    "becas",
    "pozos",
    "barriles",
]
PLACES = ["Sonora", "Jalisco", "Puebla", "Oaxaca", "en todo el país", "Yucatán", "Chiapas"]
INSTITUTIONS = ["IMSS", "ISSSTE", "IMSS-Bienestar", "SEP", "Pemex", "CFE", "SSPC"]
VERBS = ["reportó", "registró", "sumó", "contabilizó", "informó", "alcanzó"]


def synthetic_claims(n: int, seed: int = 7) -> tuple[list[Claim], list[Document]]:
    rng = random.Random(seed)
    claims, docs = [], []
    for i in range(n):
        subject = rng.choice(SUBJECTS)
        value = rng.randint(10, 100_000)
        who, did = rng.choice(INSTITUTIONS), rng.choice(VERBS)
        where, when = rng.choice(PLACES), rng.choice(range(2015, 2026))
        sentence = f"El {who} {did} {value} {subject} en {where} durante {when}."
        doc_id = f"d{i // 5}"
        if i % 5 == 0:
            docs.append(Document(doc_id, sentence, lang="es"))
        start = sentence.index(str(value))
        q = Quantity(Decimal(value), Decimal(value), Decimal(value), "count", "count")
        claims.append(
            Claim(
                f"{doc_id}@{i}",
                doc_id,
                start,
                start + len(str(value)),
                str(value),
                sentence,
                q,
                subject=subject,
            )
        )
    return claims, docs


def bench_embed(n: int = 2000) -> None:
    claims, _ = synthetic_claims(n)
    texts = [c.sentence.replace(c.text, "#") for c in claims]
    model = USEEmbedder(threads=2)
    model.encode(texts[:10])
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        model.encode(texts)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs)
    rate = n / median
    print(f"USE (threads=2): {n} sentences in {median:.2f} s (median of 3): {rate:,.0f}/s")


def bench_cluster(sizes: list[int]) -> None:
    print(f"{'claims':>8} {'seconds':>8} {'clusters':>8} {'max RSS MB':>10}")
    for n in sizes:
        claims, docs = synthetic_claims(n)
        embedder = make_embedder("hash")
        assert isinstance(embedder.inner, HashEmbedder)  # type: ignore[attr-defined]
        start = time.perf_counter()
        clusters = cluster_claims(claims, docs, embedder, Config())
        elapsed = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:>8} {elapsed:>8.2f} {len(clusters):>8} {rss:>10.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--skip-embed", action="store_true")
    args = parser.parse_args()
    if not args.skip_embed:
        bench_embed()
    bench_cluster([int(s) for s in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

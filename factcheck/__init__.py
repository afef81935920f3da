"""factcheck: check the numbers in news text before it is published.

The public API, small on purpose::

    extract_claims(text, lang=None, date=None, *, locale=None) -> tuple[Claim, ...]
    load_documents(paths, *, lang=None, locale=None) -> tuple[Document, ...]
    check(documents, config=None) -> Report        Report.to_json() -> str
    load_config(folder=None, **overrides) -> Config
    Document, Claim, Quantity, Check, Cluster, Report      (frozen dataclasses)
    FactcheckError, InputError, DocumentError, ConfigError  (exceptions)

>>> import factcheck
>>> [str(c.quantity.value) for c in factcheck.extract_claims("más de 20 mil cirugías", "es")]
['20000']

Nothing heavy happens on import: language data, the date parser and the language
model are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError, DocumentError, FactcheckError, InputError
from factcheck.model import Check, Claim, Cluster, Document, Problem, Quantity, Report

if TYPE_CHECKING:
    from factcheck.config import Config, load_config
    from factcheck.extract import extract_claims
    from factcheck.ingest import load_documents
    from factcheck.pipeline import check

__all__ = [
    "Check",
    "Claim",
    "Cluster",
    "Config",
    "ConfigError",
    "Document",
    "DocumentError",
    "FactcheckError",
    "InputError",
    "Problem",
    "Quantity",
    "Report",
    "check",
    "extract_claims",
    "load_config",
    "load_documents",
]

__version__ = "0.1.0"

_LAZY = {
    "extract_claims": "factcheck.extract",
    "load_documents": "factcheck.ingest",
    "check": "factcheck.pipeline",
    "Config": "factcheck.config",
    "load_config": "factcheck.config",
}


def __getattr__(name: str) -> Any:
    """Import the pipeline stages on first use, keeping ``import factcheck`` light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

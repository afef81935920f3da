"""The public API: its names do not drift, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import factcheck

PUBLIC = [
    "Check",
    "Claim",
    "Cluster",
    "ConfigError",
    "Document",
    "DocumentError",
    "FactcheckError",
    "InputError",
    "Problem",
    "Quantity",
    "Report",
    "extract_claims",
    "load_documents",
]


def test_public_names() -> None:
    assert sorted(factcheck.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(factcheck, name) is not None


def test_import_loads_nothing_heavy() -> None:
    code = (
        "import sys, factcheck; "
        "heavy = [m for m in ('dateparser', 'trafilatura', 'py3langid', 'pint', 'numpy', 'yaml',"
        " 'factcheck.extract', 'factcheck.ingest') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_are_builtins_too() -> None:
    assert issubclass(factcheck.InputError, ValueError)
    assert issubclass(factcheck.ConfigError, ValueError)
    error = factcheck.DocumentError("a.txt", "empty file")
    assert str(error) == "a.txt: empty file" and error.path == "a.txt"

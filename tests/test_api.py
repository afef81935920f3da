"""The public API: its names do not drift, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import factcheck
from factcheck.embed import make_embedder

PUBLIC = [
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


def test_check_and_to_json() -> None:
    from datetime import date

    doc = factcheck.Document(
        "a", "Costará MX$4.5 billion (US$226 million).", date=date(2022, 5, 24), lang="en"
    )
    report = factcheck.check([doc], factcheck.Config(tolerance_rel=0.02))
    assert [c.verdict for c in report.checks] == ["consistent"]
    assert report.findings == ()
    assert report.to_json().startswith('{\n  "schema": "factcheck-report/1"')


def test_check_reads_a_document_in_the_decimal_marks_it_shows() -> None:
    doc = factcheck.Document(
        "a", "El paro bajó al 11,2% y el Gobierno destinará 1.300 millones de euros.", lang="es"
    )
    report = factcheck.check([doc], embedder=make_embedder("hash"))
    assert report.documents[0].locale == "es-ES"
    assert [str(c.quantity.value) for c in report.claims] == ["11.2", "1300000000"]
    given = factcheck.check([doc], factcheck.Config(locale="es-MX"), embedder=make_embedder("hash"))
    assert [str(c.quantity.value) for c in given.claims] == ["11.2", "1300000"]

"""Golden report on the seeds: byte-stable JSON, regenerated only on purpose.

To accept a deliberate change: ``FACTCHECK_REGEN_GOLDEN=1 pytest tests/test_golden.py``,
then review ``git diff fixtures/golden``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from factcheck.cli import run

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "fixtures" / "golden" / "seeds.extract.json"


def _report() -> str:
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(ROOT)  # document sources are the paths as given: keep them relative
    try:
        assert run(["extract", "seeds"], stdout=out, stderr=io.StringIO()) == 0
    finally:
        os.chdir(cwd)
    return out.getvalue()


def test_seeds_extract_report_is_golden() -> None:
    got = _report()
    if os.environ.get("FACTCHECK_REGEN_GOLDEN"):
        GOLDEN.write_text(got, "utf-8")
    assert got == GOLDEN.read_text("utf-8")


def test_report_is_byte_stable() -> None:
    assert _report() == _report()

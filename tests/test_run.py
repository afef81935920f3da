"""`factcheck run`: the pipeline, its exit status, its reports, settings and offline use."""

from __future__ import annotations

import io
import json
import os
import socket
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import run
from factcheck.config import Config, load_config
from factcheck.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "fixtures" / "golden" / "seeds.run.json"


def cli(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd or here)
    try:
        code = run(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


def _checks(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    claims = {c["id"]: c["text"] for c in report["claims"]}
    return [
        (c["kind"], c["verdict"], claims[c["claims"][0]], claims[c["claims"][1]])
        for c in report["checks"]
        if c["kind"] in {"currency_conversion", "unit_conversion"}
    ]


def test_seeds_conversions() -> None:
    code, out, err = cli("run", str(SEEDS), "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    assert _checks(report) == [
        ("currency_conversion", "inconsistent", "MX$1.28 billion", "US$643 million"),
        ("currency_conversion", "inconsistent", "MX$731 million", "US$367 million"),
        ("currency_conversion", "inconsistent", "MX$206 million", "US$103 million"),
        ("currency_conversion", "consistent", "MX$4.5 billion", "US$226 million"),
        ("currency_conversion", "consistent", "MX$2.1 billion", "US$105 million"),
    ]
    first = next(c for c in report["checks"] if c["kind"] == "currency_conversion")
    assert first["severity"] == "error"
    assert first["explanation"] == (
        "At the ECB rate of 2022-05-24 (19.82 MXN/USD), MX$1.28 billion is about US$64.6 million; "
        "the text says US$643 million, 9.96 times that: likely a decimal slip (a factor of 10)."
    )
    assert first["slip"] == "factor"
    assert list(first) == [
        "id",
        "kind",
        "verdict",
        "severity",
        "claims",
        "expected",
        "stated",
        "rel_error",
        "message",
        "explanation",
        "slip",
    ]


def test_seeds_arithmetic() -> None:
    """Seed 004's 65% of 2 millones checked and consistent; seed 002's 80 por ciento
    implies 66.5 millones, kept as a claim; no arithmetic verdict is inconsistent."""
    code, out, err = cli("run", str(SEEDS), "--format", "json")
    assert code == 1, err
    report = json.loads(out)
    claims = {c["id"]: c for c in report["claims"]}
    arithmetic = [c for c in report["checks"] if c["kind"].startswith("arithmetic_")]
    assert all(c["verdict"] != "inconsistent" for c in arithmetic)
    share = next(c for c in arithmetic if [claims[i]["text"] for i in c["claims"]][-1] == "65%")
    assert share["verdict"] == "consistent"
    assert [claims[i]["text"] for i in share["claims"]] == ["1.3 millones", "2 millones", "65%"]
    implied = [c for c in report["claims"] if c["derived_from"]]
    assert [(c["doc"], c["value"], c["unit"]) for c in implied] == [
        ("002_2e5378d2430600c6.txt", 66500000, "count")
    ]
    assert [claims[i]["text"] for i in implied[0]["derived_from"]] == [
        "53.2 millones",
        "80 por ciento",
    ]
    text = cli("run", str(SEEDS))[1]
    assert "about 66,500,000 personas que no tenían seguridad social" in text


def test_text_view_shows_problems_first_then_summary() -> None:
    code, out, _ = cli("run", str(SEEDS), "--color", "never")
    assert code == 1
    blocks = out.split("\n\n")
    assert blocks[1].startswith(
        "INCONSISTENT (error) currency_conversion — 003_ffbd273540509eeb.txt"
    )
    assert "«MX$1.28 billion» («US$643 million»)" in blocks[1]
    assert "5 conversions checked: 2 consistent, 3 inconsistent" in out.rstrip().splitlines()[-3:]


def test_golden_seeds_report() -> None:
    code, out, _ = cli("run", "seeds", "--format", "json", cwd=ROOT)
    assert code == 1
    if os.environ.get("FACTCHECK_REGEN_GOLDEN"):
        GOLDEN.write_text(out, "utf-8")
    assert out == GOLDEN.read_text("utf-8")


def test_exit_zero_without_findings(tmp_path: Path) -> None:
    doc = tmp_path / "ok.txt"
    doc.write_text("date 2022-05-24\nThe plan costs MX$4.5 billion (US$226 million).", "utf-8")
    assert cli("run", str(doc))[0] == 0


def test_tolerance_flag_changes_the_verdict(tmp_path: Path) -> None:
    doc = tmp_path / "close.txt"
    # MX$4.5 billion (4.45 to 4.55 as written) is US$224.5-229.6 million on that date;
    # US$250 million is 9% above the top of that: out at 5%, in at 12%.
    doc.write_text("date 2022-05-24\nThe plan costs MX$4.5 billion (US$250 million).", "utf-8")
    assert cli("run", str(doc))[0] == 1
    assert cli("run", str(doc), "--tolerance", "0.12")[0] == 0


def test_fail_on_warning_counts_uncertain_as_not_failing(tmp_path: Path) -> None:
    doc = tmp_path / "old.txt"
    doc.write_text(
        "date 2005-03-01\nSe invirtieron 100 millones de pesos (9 millones de dólares).", "utf-8"
    )
    code, out, _ = cli("run", str(doc), "--format", "json", "--fail-on", "warning")
    report = json.loads(out)
    assert [c["verdict"] for c in report["checks"]] == ["uncertain"]
    assert "only from 2008-01-02" in report["checks"][0]["explanation"]
    assert code == 0  # uncertain is not inconsistent


def test_bad_rates_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "rates.csv"
    bad.write_text("nothing here", "utf-8")
    code, out, err = cli("run", str(SEEDS), "--rates", str(bad))
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: ") and str(bad) in err and err.count("\n") == 1


def test_bad_tolerance_is_a_usage_error() -> None:
    code, _, err = cli("run", str(SEEDS), "--tolerance", "7")
    assert code == 2 and "tolerance_rel" in err


def test_settings_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\ntolerance_rel = 0.1\n", "utf-8")
    assert load_config(tmp_path).tolerance_rel == 0.1
    assert load_config(tmp_path, tolerance_rel=0.02).tolerance_rel == 0.02
    (tmp_path / "factcheck.toml").write_text("tolerance = 0.1\n", "utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(tmp_path)


def test_config_is_changed_by_copy() -> None:
    base = Config()
    changed = base.replace(tolerance_rel=0.1, rates=None)
    assert base.tolerance_rel == 0.05 and changed.tolerance_rel == 0.1 and changed.rates is None


def test_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("factcheck tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    code, out, err = cli("run", str(SEEDS), "--format", "json")
    assert code == 1, err
    assert len([c for c in json.loads(out)["checks"] if c["kind"] == "currency_conversion"]) == 5


def test_embedder_flag_reaches_the_pipeline() -> None:
    code, _, err = cli("run", str(SEEDS), "--embedder", "bert")
    assert code == 2 and "unknown embedder 'bert'" in err
    code, out, _ = cli("run", str(SEEDS), "--embedder", "hash", "--format", "json")
    assert code == 1 and json.loads(out)["checks"]

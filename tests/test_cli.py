"""The command line, in-process (argv in; stdout, stderr, exit status out), plus one
smoke test of the installed command."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_extract_json_on_seeds() -> None:
    code, out, err = cli("extract", str(SEEDS))
    assert code == 0, err
    report = json.loads(out)
    assert report["schema"] == "factcheck-report/1"
    assert [d["id"] for d in report["documents"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(report["claims"]) == 61
    first = report["claims"][0]
    assert list(first) == [
        "id",
        "doc",
        "start",
        "end",
        "text",
        "sentence",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "qualifier",
        "subject",
        "time",
        "place",
        "derived_from",
    ]
    doc_text = (SEEDS / first["doc"]).read_text("utf-8")
    assert doc_text[first["start"] : first["end"]] == first["text"] == "un millón 175 mil 259"


def test_extract_table() -> None:
    code, out, _ = cli("extract", str(SEEDS / "003_ffbd273540509eeb.txt"), "--format", "table")
    assert code == 0
    assert "MX$1.28 billion" in out and "2,751" in out
    assert out.rstrip().endswith("19 claims in 1 documents")


def test_output_file_and_include_text(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    code, out, _ = cli(
        "extract", str(SEEDS / "000_bd61a90a2fd4b606.txt"), "-o", str(target), "--include-text"
    )
    assert code == 0 and out == ""
    report = json.loads(target.read_text("utf-8"))
    assert report["documents"][0]["text"].startswith(" date 2025-11-21")
    assert [p.name for p in tmp_path.iterdir()] == ["claims.json"]


def test_stdin_jsonl() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Se registraron 1,200 partos en Sonora.", "lang": "es"}),
        json.dumps({"id": "b", "text": "The plan costs US$5 million.", "date": "2024-03-01"}),
    ]
    code, out, err = cli("extract", "-", stdin="\n".join(lines))
    assert code == 0, err
    report = json.loads(out)
    assert [(c["doc"], c["value"], c["unit"]) for c in report["claims"]] == [
        ("a", 1200, "count"),
        ("b", 5000000, "USD"),
    ]


def test_locale_flag(tmp_path: Path) -> None:
    doc = tmp_path / "es.txt"
    doc.write_text("La deuda llegó a 1.300 millones de euros, un 2,5 % más.", "utf-8")
    code, out, _ = cli("extract", str(doc), "--lang", "es", "--locale", "es-ES")
    values = [(c["value"], c["unit"]) for c in json.loads(out)["claims"]]
    assert code == 0 and values == [(1300000000, "EUR"), (2.5, "percent")]


def test_bad_files_reported_and_others_processed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Hay 81 hospitales en todo el país.", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    code, out, err = cli("extract", str(tmp_path))
    assert code == 0
    assert [c["value"] for c in json.loads(out)["claims"]] == [81]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any("empty.txt" in line for line in lines)
    assert any("binary.txt" in line for line in lines)


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    code, out, err = cli("extract", str(tmp_path / "missing.txt"))
    assert code == 2 and out == ""
    assert "missing.txt" in err
    assert err.strip().splitlines()[-1] == "factcheck: error: no document could be read"


def test_usage_errors_exit_2() -> None:
    assert cli("extract")[0] == 2
    assert cli("extract", str(SEEDS), "--format", "yaml")[0] == 2
    code, _, err = cli("extract", str(SEEDS), "--lang", "xx")
    assert code == 2 and "xx" in err and err.count("\n") >= 1


@pytest.mark.skipif(
    shutil.which("factcheck") is None and not (Path(sys.prefix) / "bin" / "factcheck").exists(),
    reason="factcheck is not installed as a command",
)
def test_installed_command_smoke() -> None:
    exe = shutil.which("factcheck") or str(Path(sys.prefix) / "bin" / "factcheck")
    proc = subprocess.run(
        [exe, "extract", str(SEEDS), "--format", "table"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "61 claims in 5 documents" in proc.stdout

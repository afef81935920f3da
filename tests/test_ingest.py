"""Tests for factcheck.ingest.

The sample articles live in tests/data/ingest/samples/ and what each must read as in
files.jsonl; find_date and detect_language run over dates.jsonl and languages.jsonl.
Files that cannot be committed sanely (legacy encodings, binary junk, empty files) are
written into tmp_path by the tests.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ConfigError, InputError
from factcheck.ingest import (
    DocumentWarning,
    detect_language,
    find_date,
    load_documents,
    read_documents,
)
from factcheck.model import Document, Problem

DATA = Path(__file__).parent / "data" / "ingest"
SAMPLES = DATA / "samples"
RECORDS = str(SAMPLES / "records.jsonl")


def rows(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def short(text: str) -> str:
    return text.replace("\n", " ")[:40]


def table(name: str) -> list[Any]:
    """Rows as pytest params; a row with "xfail" is a known failure (strict)."""
    return [
        pytest.param(
            row,
            id=short(row["text"]) or "<empty>",
            marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else [],
        )
        for row in rows(name)
    ]


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


@pytest.fixture(scope="module")
def samples() -> tuple[tuple[Document, ...], tuple[Problem, ...]]:
    return read_documents([SAMPLES])


# --- the sample folder -------------------------------------------------------------------


def test_folder_reads_known_files_recursively_in_sorted_order(samples: Any) -> None:
    # skipped.csv (unknown extension in a folder) and .hidden.txt are not read.
    documents, _ = samples
    assert [doc.id for doc in documents] == [row["id"] for row in rows("files.jsonl")]


@pytest.mark.parametrize("row", rows("files.jsonl"), ids=lambda row: row["id"])
def test_sample_document(samples: Any, row: dict[str, Any]) -> None:
    documents, _ = samples
    doc = next(doc for doc in documents if doc.id == row["id"])
    source = row["source"] if "://" in row["source"] else os.path.join(SAMPLES, row["source"])
    assert doc.source == source
    assert doc.title == row["title"]
    assert doc.date == (date.fromisoformat(row["date"]) if row["date"] else None)
    assert doc.lang == row["lang"]
    assert doc.locale == row["locale"]
    assert doc.text.startswith(row["text_start"])
    for part in row["contains"]:
        assert part in doc.text
    for part in row["absent"]:
        assert part not in doc.text


@pytest.mark.parametrize("name", ["date_line.txt", "en/mbn.txt", "es/ciudadano.txt"])
def test_plain_text_is_kept_exactly(samples: Any, name: str) -> None:
    documents, _ = samples
    doc = next(doc for doc in documents if doc.id == name)
    assert doc.text == (SAMPLES / name).read_text(encoding="utf-8")


def test_jsonl_bad_lines_are_problems_and_the_rest_go_on(samples: Any) -> None:
    _, problems = samples
    assert all(problem.path == RECORDS and not problem.fatal for problem in problems)
    found = [(problem.line, problem.message) for problem in problems]
    assert found[0][0] == 3 and found[0][1].startswith("not valid JSON: Unterminated string")
    assert found[1:] == [
        (5, 'missing "text"'),
        (6, "date 'unknown' not understood; left empty"),
        (7, "not a JSON object but list"),
        (8, 'empty "text"'),
        (9, f"duplicate id 'r1', already read from {RECORDS}:1; skipped"),
    ]
    assert str(problems[1]) == f'{RECORDS}:5: missing "text"'


def test_reading_is_deterministic(samples: Any) -> None:
    assert read_documents([SAMPLES]) == samples


def test_file_given_directly_is_named_by_its_file_name() -> None:
    path = str(SAMPLES / "es" / "ciudadano.txt")
    (doc,), problems = read_documents([path])
    assert (doc.id, doc.source, problems) == ("ciudadano.txt", path, ())


def test_unknown_extension_named_explicitly_is_plain_text() -> None:
    (doc,), problems = read_documents([SAMPLES / "skipped.csv"])
    assert (doc.id, doc.text, problems) == ("skipped.csv", "id,value\n1,2\n", ())


# --- encodings and unusable files ----------------------------------------------------------

CP1252_TEXTS = [
    "El año pasado el Gobierno gastó 5 millones de € más en salud.\n",
    "Informe anual\n\nLa población de Málaga creció; el niño cumplió 5 años.\n",
    "Costó 5 € más.",
    "5 €",  # too short for charset-normalizer alone: it says cp1125 and reads "5 А"
]


@pytest.mark.parametrize("text", CP1252_TEXTS, ids=short)
def test_cp1252_is_decoded_without_mojibake(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "legacy.txt", text.encode("cp1252"))
    (doc,), problems = read_documents([path])
    assert doc.text == text
    assert problems == (Problem(path, "decoded as cp1252 (not UTF-8)"),)


def test_other_legacy_encodings_are_guessed(tmp_path: Path) -> None:
    text = "Привет, как дела? Сегодня хорошая погода в Москве и в Санкт-Петербурге.\n"
    path = write(tmp_path, "ru.txt", text.encode("cp1251"))
    (doc,), problems = read_documents([path], lang="ru")
    assert doc.text == text
    assert problems == (Problem(path, "decoded as cp1251 (not UTF-8)"),)


def test_utf8_bom_is_stripped_and_crlf_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + "Título\r\n\r\nEl año 2024.\r\n".encode())
    (doc,), problems = read_documents([path])
    assert (doc.text, doc.title, problems) == ("Título\n\nEl año 2024.\n", "Título", ())


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "notepad.txt", "El año 2023 costó 5 € más.".encode("utf-16"))
    (doc,), problems = read_documents([path])
    assert doc.text == "El año 2023 costó 5 € más."
    assert problems == (Problem(path, "decoded as utf-16 (not UTF-8)"),)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n", "empty file"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\n", "empty file"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary file, not text"),
        ("junk.txt", bytes(range(1, 256)) * 4, "binary file, not text"),
        (
            "page.html",
            b"<html><head><title>T</title></head><body></body></html>",
            "no article text found in HTML",
        ),
        ("empty.md", b"---\ntitle: Solo metadatos\n---\n\n", "no text after the front matter"),
    ],
)
def test_unusable_file_is_a_fatal_problem_and_others_go_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", "El IMSS realizó 1.3 millones de cirugías.".encode())
    documents, problems = read_documents([bad, good])
    assert [doc.id for doc in documents] == ["good.txt"]
    assert problems == (Problem(bad, reason, fatal=True),)


def test_missing_file_names_the_os_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    documents, problems = read_documents([missing])
    message = f"cannot read: [Errno 2] No such file or directory: '{missing}'"
    assert (documents, problems) == ((), (Problem(missing, message, fatal=True),))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_a_fatal_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"texto")
    os.chmod(path, 0)
    _, problems = read_documents([path])
    assert problems == (
        Problem(path, f"cannot read: [Errno 13] Permission denied: '{path}'", fatal=True),
    )


def test_folder_without_known_files_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "data.csv", b"a,b\n")
    documents, problems = read_documents([tmp_path])
    message = "no .txt, .md, .html or .jsonl files in this folder"
    assert (documents, problems) == ((), (Problem(str(tmp_path), message, fatal=True),))


def test_jsonl_where_every_line_fails_is_fatal(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.jsonl", b'{"id": 1}\nnot json\n')
    documents, problems = read_documents([path])
    assert documents == ()
    assert [(p.line, p.fatal) for p in problems] == [(1, True), (2, True)]
    assert problems[0].message == 'missing "text"'


def test_markdown_with_bad_front_matter_keeps_the_body(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", b"---\ntitle: [unclosed\n---\n# Titular\n\nEl cuerpo.\n")
    (doc,), (problem,) = read_documents([path])
    assert (doc.text, doc.title) == ("# Titular\n\nEl cuerpo.\n", "Titular")
    assert problem.message.startswith("front matter is not valid YAML, ignored: ")
    assert not problem.fatal


def test_markdown_date_that_does_not_parse_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", b"---\ndate: someday\n---\n19 de enero de 2024. Texto.\n")
    (doc,), problems = read_documents([path])
    assert doc.date is None  # a stated date, even a bad one, is not replaced by a guess
    assert problems == (Problem(path, "date 'someday' not understood; left empty"),)


def test_duplicate_file_ids_keep_the_first(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write(tmp_path / "a", "nota.txt", b"Primera nota.")
    second = write(tmp_path / "b", "nota.txt", b"Segunda nota.")
    documents, problems = read_documents([first, second])
    assert [doc.text for doc in documents] == ["Primera nota."]
    message = f"duplicate id 'nota.txt', already read from {first}; skipped"
    assert problems == (Problem(second, message, fatal=True),)


# --- stdin ---------------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    stdin = io.StringIO(
        "Avanza IMSS-Bienestar\n\n19 de enero de 2024\n\nSe atendió a 5 mil personas."
    )
    (doc,), problems = read_documents(["-"], stdin=stdin)
    assert (doc.id, doc.source, doc.title, doc.date, doc.lang, problems) == (
        "-",
        "-",
        "Avanza IMSS-Bienestar",
        date(2024, 1, 19),
        "es",
        (),
    )


def test_stdin_bytes_are_decoded_like_files() -> None:
    stdin = io.BytesIO("Costó 5 € más este año.".encode("cp1252"))
    (doc,), problems = read_documents(["-"], stdin=stdin)
    assert doc.text == "Costó 5 € más este año."
    assert problems == (Problem("-", "decoded as cp1252 (not UTF-8)"),)


def test_stdin_text_stream_is_read_through_its_bytes() -> None:
    # sys.stdin is a TextIOWrapper whose UTF-8 decoder would fail on a cp1252 pipe.
    stdin = io.TextIOWrapper(io.BytesIO("El año pasado costó 5 € más.".encode("cp1252")), "utf-8")
    (doc,), problems = read_documents(["-"], stdin=stdin)
    assert doc.text == "El año pasado costó 5 € más."
    assert problems == (Problem("-", "decoded as cp1252 (not UTF-8)"),)


def test_stdin_jsonl_is_records() -> None:
    stdin = io.StringIO(
        '{"id": "a", "text": "Uno."}\n\n{"id": "b", "text": "Two.", "lang": "en"}\n'
    )
    documents, problems = read_documents(["-"], stdin=stdin, lang=None)
    assert [(doc.id, doc.text, doc.source) for doc in documents] == [
        ("a", "Uno.", "-"),
        ("b", "Two.", "-"),
    ]
    assert documents[1].lang == "en" and problems == ()


def test_stdin_with_one_non_json_line_is_plain_text() -> None:
    stdin = io.StringIO('{"id": "a", "text": "Uno."}\nY una línea suelta.\n')
    (doc,), _ = read_documents(["-"], stdin=stdin)
    assert (doc.id, doc.text) == ("-", '{"id": "a", "text": "Uno."}\nY una línea suelta.\n')


def test_empty_stdin_is_a_problem() -> None:
    documents, problems = read_documents(["-", SAMPLES / "heading.md"], stdin=io.StringIO(" \n"))
    assert [doc.id for doc in documents] == ["heading.md"]
    assert problems == (Problem("-", "empty input", fatal=True),)


# --- language and locale precedence ---------------------------------------------------------


def test_lang_argument_overrides_stated_language_and_drops_its_locale() -> None:
    (doc,), _ = read_documents([SAMPLES / "article.md"], lang="en")
    assert (doc.lang, doc.locale) == ("en", None)


def test_locale_argument_overrides_stated_locale() -> None:
    (doc,), _ = read_documents([SAMPLES / "article.md"], locale="es_es")
    assert (doc.lang, doc.locale) == ("es", "es-ES")


def test_lang_argument_with_region_gives_the_locale() -> None:
    (doc,), _ = read_documents([SAMPLES / "date_line.txt"], lang="es-MX")
    assert (doc.lang, doc.locale) == ("es", "es-MX")


def test_stated_language_beats_detection(tmp_path: Path) -> None:
    path = write(
        tmp_path, "r.jsonl", '{"id": 1, "text": "Texto en español.", "lang": "EN"}'.encode()
    )
    (doc,), _ = read_documents([path])
    assert doc.lang == "en"


# --- misuse and the warning wrapper ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"paths": []}, InputError),
        ({"paths": "nota.txt"}, InputError),
        ({"paths": SAMPLES}, InputError),
        ({"paths": ["-"], "lang": "spanish"}, ConfigError),
        ({"paths": ["-"], "locale": "es"}, ConfigError),
    ],
)
def test_misuse_raises(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        read_documents(**kwargs)


def test_load_documents_turns_problems_into_warnings(samples: Any) -> None:
    with pytest.warns(DocumentWarning) as caught:
        documents = load_documents([SAMPLES])
    assert documents == samples[0]
    assert [str(warning.message) for warning in caught] == [str(p) for p in samples[1]]


def test_heavy_libraries_are_imported_lazily() -> None:
    code = (
        "import sys, factcheck.ingest; "
        "print(sorted(m for m in ('dateparser', 'trafilatura', 'py3langid') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- find_date and detect_language tables ---------------------------------------------------


@pytest.mark.parametrize("row", table("dates.jsonl"))
def test_find_date(row: dict[str, Any]) -> None:
    expected = date.fromisoformat(row["date"]) if row["date"] else None
    assert find_date(row["text"], row["lang"]) == expected


@pytest.mark.parametrize("row", table("languages.jsonl"))
def test_detect_language(row: dict[str, Any]) -> None:
    assert detect_language(row["text"]) == row["lang"]


def test_date_tables_are_big_enough() -> None:
    dates, languages = rows("dates.jsonl"), rows("languages.jsonl")
    assert len(dates) >= 20 and {row["lang"] for row in dates} >= {"es", "en", None}
    assert sum(row["date"] is None for row in dates) >= 5
    assert len(languages) >= 10


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=120))
def test_find_date_and_detect_language_never_raise(text: str) -> None:
    found = find_date(text)
    assert found is None or isinstance(found, date)
    assert detect_language(text) in {None, "es", "en", "pt", "fr", "it", "de", "ca"}

"""Bytes to text: Unicode BOMs, UTF-8, else the likeliest legacy encoding, noted.

Files and stdin get the same decoding; binary and empty inputs are refused with a
:class:`~factcheck.errors.DocumentError`. charset-normalizer is slow to load, so it is
imported only when a file is not UTF-8.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
from typing import BinaryIO, TextIO

from factcheck.errors import DocumentError
from factcheck.model import Problem

# Tried before charset-normalizer's own ranking, which on short Spanish text prefers
# cp1250 or even big5 and turns "año" into "ańo" or worse.
_WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]
# Windows Notepad saves "Unicode" text as UTF-16 with a BOM; UTF-32 BOMs come first
# because the UTF-32-LE BOM starts with the UTF-16-LE one.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes that text files do not hold (NUL, other C0 controls but tab, newlines, form feed, ESC).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _read_stdin(stdin: TextIO | BinaryIO | None) -> tuple[str, list[Problem]]:
    stream: TextIO | BinaryIO = stdin if stdin is not None else sys.stdin
    # The bytes under a text stream (sys.stdin) get the same decoding as files: a
    # cp1252 pipe would otherwise fail in the stream's own UTF-8 decoder.
    source = getattr(stream, "buffer", stream)
    try:
        data: str | bytes = source.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError("-", f"cannot read: {exc}") from exc
    if isinstance(data, bytes):
        return _decode(data, "-")
    return _clean(data, "-"), []


def _decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Text from bytes: UTF-8 (BOM or not), else the likeliest legacy encoding, noted."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            return _clean(data.decode(codec, errors="replace"), path), [_decoded_as(path, codec)]
    if not data.strip():
        raise DocumentError(path, "empty file")
    if _CONTROL_BYTES.search(data):
        raise DocumentError(path, "binary file, not text")
    try:
        return _clean(data.decode("utf-8"), path), []
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    match = charset_normalizer.from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
    if match is None:
        match = charset_normalizer.from_bytes(data).best()
        # A text too short to judge ("5 €" came back as cp1125 "5 А"): in es/en news
        # the likeliest legacy encoding is still cp1252.
        if match is None or not match.coherence:
            with contextlib.suppress(UnicodeDecodeError):
                return _clean(data.decode("cp1252"), path), [_decoded_as(path, "cp1252")]
    if match is None:
        raise DocumentError(path, "binary file, not text")
    return _clean(str(match), path), [_decoded_as(path, match.encoding)]


def _decoded_as(path: str, encoding: str) -> Problem:
    return Problem(path, f"decoded as {encoding} (not UTF-8)")


def _clean(text: str, path: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(path, "empty input" if path == "-" else "empty file")
    return text

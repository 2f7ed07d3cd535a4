"""Read delimited text files (csv, tsv, txt) whatever their encoding and delimiter."""

from __future__ import annotations

import codecs
import csv
import io

from charset_normalizer import from_bytes

from aimdesk.core.errors import InputFileError

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 60


def decode_text(data: bytes, *, file_label: str) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text, encoding name).

    Byte-order marks decide first (UTF-8, UTF-16); then strict UTF-8; then the best
    guess among the legacy code pages Excel writes (cp1252, GBK, Big5, …); latin-1 last.

    Raises:
        InputFileError: the bytes are binary, not text.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if _looks_like_utf16_without_bom(data):
        return data.decode("utf-16-le", errors="replace"), "utf-16-le"
    if b"\x00" in data[:4096]:
        raise InputFileError(f"{file_label} is not a spreadsheet or text list AIMDesk can read.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    sample = data[:2000]
    return len(sample) >= 4 and sample[1::2].count(0) > 0.4 * (len(sample) // 2)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent columns."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = common * widths.count(common) / len(widths)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_delimited(text: str) -> tuple[list[list[object]], str]:
    """Split decoded text into rows of cell strings; returns (rows, delimiter)."""
    delimiter = sniff_delimiter(text)
    rows: list[list[object]] = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return rows, delimiter

"""Read delimited text files (csv, tsv, txt) whatever their encoding and delimiter.

Text that is neither UTF-8 nor UTF-16 is in a legacy code page. charset-normalizer is
trusted when it finds a multi-byte or non-Latin one (GBK, Big5, Shift-JIS, EUC-KR, Thai,
Cyrillic, Greek, Hebrew, Arabic). Between the Latin Windows code pages it guesses poorly
(French cp1252 comes out as cp1250, "Crèmerie" as "Crčmerie"), so those are told apart
here from the cp1252 reading, which is the default:

* cp1250 (Polish, Czech …) when that reading has symbols inside words that cp1250 reads
  as letters: "Micha³" (ł), "Wroc³aw", "¯yrardów" (Ż), "£ódŸ" (Łódź);
* cp1254 (Turkish) when it has Ð ð Ý ý Þ þ inside words, which cp1254 reads as Ğ ğ İ ı
  Ş ş ("Ýstanbul", "Þiþli"). Icelandic cp1252 text would be misread; it is not expected.
"""

from __future__ import annotations

import codecs
import csv
import io
import re

from charset_normalizer import from_bytes

from aimdesk.core.errors import InputFileError

UTF16_ZERO_SHARE = 0.4
"""UTF-16 text without a byte-order mark: most odd bytes are zero (Latin text)."""
DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 60
GUESS_SAMPLE_BYTES = 200_000
TRUSTED_GUESSES = frozenset({
    "gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950",
    "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213",
    "euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "iso2022_jp_2", "iso2022_kr",
    "euc_kr", "cp949", "johab", "cp874", "tis-620", "iso8859-11",
    "cp1251", "koi8-r", "koi8-u", "iso8859-5", "mac-cyrillic", "cp866", "cp855",
    "cp1253", "iso8859-7", "cp1255", "iso8859-8", "cp1256", "iso8859-6",
    "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
})
"""charset-normalizer guesses (as `codecs.lookup(name).name`) taken as they are: multi-byte
or non-Latin code pages, which it recognises well."""
MIN_TELLS = 2
"""Misread letters needed before a Latin file is read as cp1250 or cp1254 instead of cp1252."""

_LETTER = r"[^\W\d_]"
_CP1250_TELLS = re.compile(
    rf"(?<={_LETTER})[£¥¯³¹¼¾¿]|[£¥¯³¹¼¾](?={_LETTER})|(?<=[a-zà-ÿ])Ÿ")
"""In a cp1252 reading: symbols touching letters that cp1250 reads as Ł Ą Ż ł ą Ľ ľ ż, and
Ÿ after a lower-case letter (ź). "¿" only after a letter: "¿Qué?" is Spanish."""
_UNIT_POWERS = re.compile(rf"\b(?:[cdk]?m|ft|in)³(?!{_LETTER})")
""""m³", "cm³": a power after a unit is no Polish ł (but "m³yn" is "młyn")."""
_CP1250_ONLY_LETTERS = (b"\x8d", b"\x8f", b"\x9d")
"""Ť Ź ť: letters in cp1250, holes in cp1252."""
_CP1254_TELLS = re.compile(rf"(?<={_LETTER})[ÐðÝýÞþ]|[ÐðÝýÞþ](?={_LETTER})")


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
    return len(sample) >= 4 and sample[1::2].count(0) > UTF16_ZERO_SHARE * (len(sample) // 2)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: see the module docstring for the rules."""
    best = from_bytes(data[:GUESS_SAMPLE_BYTES]).best()
    if best is not None and _is_trusted_guess(best.encoding):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    for encoding in (_latin_code_page(data), "cp1252", "cp1250", "cp1254"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _is_trusted_guess(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in TRUSTED_GUESSES
    except LookupError:
        return False


def _latin_code_page(data: bytes) -> str:
    """cp1252, or cp1250/cp1254 when the cp1252 reading shows their letters misread."""
    western = _UNIT_POWERS.sub(" ", data.decode("cp1252", errors="replace"))
    central_tells = len(_CP1250_TELLS.findall(western))
    central_tells += sum(data.count(byte) for byte in _CP1250_ONLY_LETTERS)
    if central_tells >= MIN_TELLS:
        return "cp1250"
    if len(_CP1254_TELLS.findall(western)) >= MIN_TELLS:
        return "cp1254"
    return "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent columns."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_score = ",", -1.0
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = common * widths.count(common) / len(widths)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_delimited(text: str, *, file_label: str = "the file") -> tuple[list[list[object]], str]:
    """Split decoded text into rows of cell strings; returns (rows, delimiter).

    Raises:
        InputFileError: the text cannot be split into rows (a broken quote, say).
    """
    text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    try:
        rows: list[list[object]] = [
            list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise InputFileError(f"{file_label} cannot be read as a delimited list ({error}).") from None
    _refuse_runaway_quote(rows, delimiter, file_label)
    return rows, delimiter


def _refuse_runaway_quote(rows: list[list[object]], delimiter: str, file_label: str) -> None:
    """A quote opened and never closed swallows every following line into one cell. A
    quoted address may hold line breaks and commas, but not whole rows of the list."""
    widths = [len(row) for row in rows if len(row) > 1]
    if not widths:
        return
    width = max(set(widths), key=widths.count)
    for number, row in enumerate(rows, start=1):
        for cell in row:
            lines = str(cell).split("\n")
            if len(lines) > 2 and any(line.count(delimiter) >= max(2, width - 2) for line in lines):
                raise InputFileError(
                    f"{file_label} has a quotation mark that is never closed, near row {number}: "
                    "the rows after it would run into one cell; fix the quote and import it again.")

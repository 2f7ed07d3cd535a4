"""Open any file a member sends and return its sheets as rows of cell values.

Formats are recognised by their bytes, not their file extension: members rename files.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import python_calamine

from aimdesk.core.errors import InputFileError
from aimdesk.core.ingest.cells import is_blank
from aimdesk.core.ingest.textfile import decode_text, read_delimited

Cell = object
"""A cell as read: str, float, int, bool, datetime.date/datetime/time or '' when empty."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True, slots=True)
class SheetData:
    """One sheet: rows from spreadsheet row 1 (index 0), merged areas already filled."""

    name: str
    rows: list[list[Cell]]
    is_hidden: bool = False


@dataclass(frozen=True, slots=True)
class Workbook:
    """A member's file as read: its format, fingerprint and every sheet."""

    path: Path
    file_format: str
    sha256: str
    size: int
    encoding: str
    sheets: list[SheetData]

    def sheet(self, name: str) -> SheetData:
        """The sheet called `name` (case-insensitive)."""
        for sheet in self.sheets:
            if sheet.name.casefold() == name.strip().casefold():
                return sheet
        names = ", ".join(f"'{s.name}'" for s in self.sheets)
        raise InputFileError(f"{self.path.name} has no sheet '{name}'; its sheets are {names}.")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, or '' when it cannot be read (reading it will say why)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def read_workbook(path: Path) -> Workbook:
    """Read every sheet of a member's file.

    Raises:
        InputFileError: missing, empty, damaged, password-protected or not a spreadsheet.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"File {path} does not exist.") from None
    except OSError as exc:
        raise InputFileError(f"Cannot read {path}: {exc.strerror}.") from None
    digest, size = hashlib.sha256(data).hexdigest(), len(data)
    if not data.strip():
        raise InputFileError(f"{path.name} is empty.")
    file_format = _detect_format(path, data)
    if file_format == "text":
        text, encoding = decode_text(data, file_label=path.name)
        if not text.strip("\ufeff \t\r\n"):
            raise InputFileError(f"{path.name} is empty.")
        rows, delimiter = read_delimited(text, file_label=path.name)
        kind = {"\t": "tsv"}.get(delimiter, "csv")
        return Workbook(path, kind, digest, size, encoding, [SheetData(path.stem, rows)])
    return Workbook(path, file_format, digest, size, "", _read_spreadsheet(path, data))


def _detect_format(path: Path, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(path, data)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise InputFileError(
                f"{path.name} is password-protected; open it in Excel, remove the password "
                "(File > Info > Protect Workbook) and import it again."
            )
        return "xls"
    head = data[:512].lstrip().lower()
    if head.startswith((b"%pdf", b"\x89png", b"\xff\xd8")):
        raise InputFileError(f"{path.name} is not a spreadsheet (it looks like a PDF or an image).")
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")):
        raise InputFileError(
            f"{path.name} is a web page or XML file, not a spreadsheet; "
            "open it in Excel and save it as .xlsx."
        )
    return "text"


def _zip_format(path: Path, data: bytes) -> str:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                return "ods"
    except zipfile.BadZipFile:
        raise InputFileError(
            f"{path.name} is damaged or incomplete (perhaps cut off while copying); "
            "ask the member to send it again."
        ) from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsb" if "xl/workbook.bin" in names else "xlsx"
    raise InputFileError(f"{path.name} is a zip archive but not a spreadsheet.")


def _read_spreadsheet(path: Path, data: bytes) -> list[SheetData]:
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(_BytesReader(data))
        sheets = []
        for meta in book.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            sheets.append(SheetData(meta.name, _trim(rows), hidden))
    except python_calamine.PasswordError:
        raise InputFileError(
            f"{path.name} is password-protected; remove the password in Excel and import it again."
        ) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise InputFileError(
            f"{path.name} is damaged or not a spreadsheet AIMDesk can read ({_short(exc)})."
        ) from None
    if not any(sheet.rows for sheet in sheets):
        raise InputFileError(f"{path.name} has no data in any sheet.")
    return sheets


class _BytesReader:
    """The minimal file-like object calamine reads from (we already hold the bytes)."""

    def __init__(self, data: bytes) -> None:
        import io

        self._buffer = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._buffer.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._buffer.seek(offset, whence)

    def tell(self) -> int:
        return self._buffer.tell()


def _fill_merged(rows: list[list[Cell]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give every cell of a merged area the value of its top-left cell, as the user sees it."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                row[c] = value


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop empty trailing rows and trailing empty cells of each row."""
    while rows and all(is_blank(c) for c in rows[-1]):
        rows.pop()
    for row in rows:
        while row and is_blank(row[-1]):
            row.pop()
    return rows


def _short(exc: Exception) -> str:
    """The library's own words, when they say something ("(t)" does not)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text[:120] if len(text) > 3 else type(exc).__name__

"""The common document as bytes: an xlsx styled for Excel users, or a csv Excel opens right.

The xlsx is built with openpyxl (sheets, header styles, frozen header, filters, column
widths, document properties); the rows of the data sheets are then streamed into their
sheet parts as text cells, which is several times faster than openpyxl for 25,000 sites
and never stores a text as a formula. The package is then made reproducible: entries in
name order, every entry dated at the as-of day, the document properties written here
(creator "AIMDesk", created = modified = the as-of day, nobody as last modifier), so the
same workspace and as-of date give the same bytes.

Neutralising: a text beginning with = + - @ (or their full-width forms) or a control
character is stored as text in the xlsx (an inline string with Excel's quote prefix: it
stays text even when edited) and gets a leading apostrophe in the csv. Characters XML
cannot hold are dropped from both.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.export.xlsx_style import style_header

FORMULA_STARTS = frozenset("=+-@＝＋－＠")
ZIP_SYSTEM = 0
"""ZipInfo.create_system: the same on every platform."""
COMPRESS_LEVEL = 6


@dataclass(frozen=True, slots=True)
class DataSheet:
    """A sheet of rows under a styled, frozen, filtered header."""

    name: str
    header: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    widths: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class NoteLine:
    """One row of a note sheet: its cells and how it looks ("title", "heading", "text")."""

    cells: tuple[str | int, ...]
    style: str = "text"


@dataclass(frozen=True, slots=True)
class NoteSheet:
    """A sheet of explanations (the Read me)."""

    name: str
    lines: tuple[NoteLine, ...]
    widths: tuple[float, ...] = (100.0, 12.0)


@dataclass(frozen=True, slots=True)
class Book:
    """What one document holds: its title, sheets and the moment it is dated."""

    title: str
    sheets: tuple[DataSheet | NoteSheet, ...]
    dated: dt.datetime
    """Created and modified, and the date of every zip entry."""


def clean_cell(text: str) -> str:
    """`text` without the characters XML cannot hold (NUL, most control characters)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or hide a control character)?"""
    return bool(text) and (text[0] in FORMULA_STARTS or unicodedata.category(text[0]) == "Cc")


def neutralise_for_csv(text: str) -> str:
    """A leading apostrophe before a text a spreadsheet would run as a formula."""
    return "'" + text if is_formula_like(text) else text


def render_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """UTF-8 with BOM, CRLF line ends, every formula-like text neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_for_csv(clean_cell(h)) for h in header])
    writer.writerows([[neutralise_for_csv(clean_cell(c)) for c in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_xlsx(book: Book) -> bytes:
    """The workbook as reproducible xlsx bytes."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    data_parts: dict[str, DataSheet] = {}
    for index, sheet in enumerate(book.sheets, start=1):
        worksheet = workbook.create_sheet(sheet.name)
        if isinstance(sheet, DataSheet):
            _header(worksheet, sheet)
            data_parts[f"xl/worksheets/sheet{index}.xml"] = sheet
        else:
            _notes(worksheet, sheet)
    workbook.active = 0
    properties = workbook.properties
    properties.creator, properties.title, properties.lastModifiedBy = "AIMDesk", book.title, None
    properties.created = properties.modified = book.dated.replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible(buffer.getvalue(), data_parts, book)


def _header(worksheet: Worksheet, sheet: DataSheet) -> None:
    worksheet.append(list(sheet.header))
    style_header(worksheet[1])
    for cell in worksheet[1]:
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    worksheet.freeze_panes = "A2"
    last = get_column_letter(len(sheet.header))
    worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    for index, width in enumerate(sheet.widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width


def _notes(worksheet: Worksheet, sheet: NoteSheet) -> None:
    fonts = {"title": Font(bold=True, size=14), "heading": Font(bold=True, size=11)}
    for line in sheet.lines:
        worksheet.append(list(line.cells))
        for cell in worksheet[worksheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if line.style in fonts:
                cell.font = fonts[line.style]
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, width in enumerate(sheet.widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width


_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')
_CELL_XFS = re.compile(r'<cellXfs count="(\d+)">')
QUOTED_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" />'


def _reproducible(data: bytes, data_parts: dict[str, DataSheet], book: Book) -> bytes:
    """Stream the data rows in, write the document properties, fix every zip date."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    styles = parts["xl/styles.xml"].decode("utf-8")
    match = _CELL_XFS.search(styles)
    if match is None:
        raise ValueError("openpyxl wrote styles without cellXfs")
    quoted = int(match.group(1))
    styles = _CELL_XFS.sub(f'<cellXfs count="{quoted + 1}">', styles, count=1)
    parts["xl/styles.xml"] = styles.replace("</cellXfs>", QUOTED_XF + "</cellXfs>", 1).encode("utf-8")
    for name, sheet in data_parts.items():
        parts[name] = _with_rows(parts[name].decode("utf-8"), sheet, quoted).encode("utf-8")
    parts["docProps/core.xml"] = _core_properties(book).encode("utf-8")
    parts["docProps/app.xml"] = APP_PROPERTIES.encode("utf-8")
    stamp = book.dated.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as target:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, ZIP_SYSTEM, 0o600 << 16
            target.writestr(info, parts[name], compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def _with_rows(xml: str, sheet: DataSheet, quoted_style: int) -> str:
    letters = [get_column_letter(i) for i in range(1, len(sheet.header) + 1)]
    chunks: list[str] = []
    for number, row in enumerate(sheet.rows, start=2):
        chunks.append(f'<row r="{number}">')
        for letter, value in zip(letters, row):
            text = clean_cell(value)
            if not text:
                continue
            style = f' s="{quoted_style}"' if is_formula_like(text) else ""
            space = ' xml:space="preserve"' if text != text.strip() or "\n" in text or "\t" in text else ""
            chunks.append(f'<c r="{letter}{number}"{style} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
        chunks.append("</row>")
    end = xml.index("</sheetData>")
    xml = xml[:end] + "".join(chunks) + xml[end:]
    last = f"{letters[-1]}{len(sheet.rows) + 1}"
    return _DIMENSION.sub(f'<dimension ref="A1:{last}" />', xml, count=1)


def _core_properties(book: Book) -> str:
    moment = book.dated.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(book.title)}</dc:title><dc:creator>AIMDesk</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
        "</cp:coreProperties>")


APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>AIMDesk</Application></Properties>")

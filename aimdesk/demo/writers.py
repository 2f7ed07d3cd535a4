"""Write a :class:`WorkbookPlan` as .xlsx (openpyxl), .xls (xlwt), .ods (odfpy) or text.

Text files are written the way spreadsheet programs export them: ``csv`` in UTF-8, UTF-8
with BOM, Windows-1252 or GB18030, and Excel's "Unicode text" (UTF-16 with BOM, tabs).
All writers are deterministic: same plan, same content (csv files are byte-identical).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from anyascii import anyascii

from aimdesk.demo.layouts import SheetPlan, WorkbookPlan
from aimdesk.demo.members import FileLayout
from aimdesk.demo.records import Cell

FIXED_TIMESTAMP = datetime(2026, 10, 15, 9, 30)
"""Document properties get this time, not the clock, so files do not change between runs."""


def write_workbook(plan: WorkbookPlan, path: Path, layout: FileLayout) -> None:
    """Write ``plan`` to ``path`` in the format and encoding of ``layout``.

    Raises:
        ValueError: when the layout names an unknown file kind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if layout.kind == "xlsx":
        _write_xlsx(plan, path)
    elif layout.kind == "xls":
        _write_xls(plan, path)
    elif layout.kind == "ods":
        _write_ods(plan, path)
    elif layout.kind == "csv":
        _write_text(plan, path, layout)
    else:
        raise ValueError(f"Unknown file kind {layout.kind!r}; expected one of xlsx, xls, ods, csv.")


def _write_xlsx(plan: WorkbookPlan, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    workbook.properties.creator = "AIMDesk demo"
    workbook.properties.created = FIXED_TIMESTAMP
    workbook.properties.modified = FIXED_TIMESTAMP
    bold = Font(bold=True)
    title_font = Font(bold=True, size=16, color="1F4E78")
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="BFBFBF")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sheet in plan.sheets:
        worksheet = workbook.create_sheet(sheet.name)
        width = max((len(row) for row in sheet.rows), default=1)
        for row_index, row in enumerate(sheet.rows, start=1):
            is_header = row_index in sheet.bold_rows
            for column_index, value in enumerate(row, start=1):
                if value is None or value == "":
                    if is_header:
                        worksheet.cell(row_index, column_index).fill = header_fill
                    continue
                cell = worksheet.cell(row_index, column_index, value)
                if isinstance(value, date):
                    cell.number_format = sheet.date_number_format
                if is_header:
                    cell.font, cell.fill, cell.border = bold, header_fill, grid
                    cell.alignment = Alignment(horizontal="center", wrap_text=True)
            if sheet.header_row and sheet.header_row < row_index and len(row) > 1:
                for column_index in range(width + 1, width + 1 + sheet.trailing_blank_columns):
                    worksheet.cell(row_index, column_index).border = grid
        if sheet.title_row:
            worksheet.cell(sheet.title_row, 1).font = title_font
        for row_index, first, last in sheet.merges:
            worksheet.merge_cells(start_row=row_index, start_column=first, end_row=row_index, end_column=last)
        last_row = len(sheet.rows)
        for row_index in range(last_row + 1, last_row + 1 + sheet.trailing_blank_rows):
            for column_index in range(1, width + 1 + sheet.trailing_blank_columns):
                worksheet.cell(row_index, column_index).border = grid
        for column_index in range(1, width + 1):
            letter = get_column_letter(column_index)
            worksheet.column_dimensions[letter].width = 22
            if column_index in sheet.hidden_columns:
                worksheet.column_dimensions[letter].hidden = True
        if sheet.has_autofilter and sheet.header_row:
            worksheet.auto_filter.ref = f"A{sheet.header_row}:{get_column_letter(width)}{sheet.header_row}"
        if sheet.header_row:
            worksheet.freeze_panes = f"A{sheet.header_row + 1}"
    workbook.active = len(plan.sheets) - 1
    workbook.save(path)


def _write_xls(plan: WorkbookPlan, path: Path) -> None:
    import xlwt  # type: ignore[import-untyped]

    workbook = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for sheet in plan.sheets:
        worksheet = workbook.add_sheet(sheet.name)
        merged = {(row, first): last for row, first, last in sheet.merges}
        for row_index, row in enumerate(sheet.rows):
            for column_index, value in enumerate(row):
                if value is None or value == "":
                    continue
                spreadsheet_row = row_index + 1
                if (spreadsheet_row, column_index + 1) in merged:
                    last = merged[(spreadsheet_row, column_index + 1)] - 1
                    worksheet.write_merge(row_index, row_index, column_index, last, value, bold)
                elif isinstance(value, date):
                    worksheet.write(row_index, column_index, value, date_style)
                elif spreadsheet_row in sheet.bold_rows:
                    worksheet.write(row_index, column_index, value, bold)
                else:
                    worksheet.write(row_index, column_index, value)
        for column_index in sheet.hidden_columns:
            worksheet.col(column_index - 1).hidden = True
    workbook.save(str(path))


def _write_ods(plan: WorkbookPlan, path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    document = OpenDocumentSpreadsheet()
    for sheet in plan.sheets:
        table = Table(name=sheet.name)
        for row in sheet.rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value, TableCell, P))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    path.write_bytes(buffer.getvalue())


def _ods_cell(value: Cell, table_cell: type, paragraph: type) -> object:
    if value is None or value == "":
        return table_cell()
    if isinstance(value, date):
        cell = table_cell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(paragraph(text=value.strftime("%d/%m/%Y")))
        return cell
    if isinstance(value, (int, float)):
        cell = table_cell(valuetype="float", value=value)
        cell.addElement(paragraph(text=str(value)))
        return cell
    cell = table_cell(valuetype="string")
    cell.addElement(paragraph(text=str(value)))
    return cell


def _encodable(text: str, encoding: str) -> str:
    """Replace characters the target code page lacks, as the member's system did (ş -> s)."""
    if encoding.lower() not in ("cp1252", "windows-1252", "latin-1"):
        return text
    out = []
    for char in text:
        try:
            char.encode(encoding)
            out.append(char)
        except UnicodeEncodeError:
            folded = anyascii(char)
            out.append(folded if folded else "?")
    return "".join(out)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_text(plan: WorkbookPlan, path: Path, layout: FileLayout) -> None:
    sheet: SheetPlan = plan.sheets[-1]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=layout.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in sheet.rows:
        writer.writerow([_encodable(_text(value), layout.encoding) for value in row])
    text = buffer.getvalue()
    if layout.encoding == "utf-16":
        path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    else:
        path.write_bytes(text.encode(layout.encoding))

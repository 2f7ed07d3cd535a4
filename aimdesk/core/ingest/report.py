"""The findings report a member can fix: an xlsx listing every doubtful row."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.store.imports import import_findings, list_imports
from aimdesk.core.store.workspace import Store

_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")


def write_findings_report(store: Store, import_id: int, out: Path) -> int:
    """Write the findings of one import to `out` (xlsx); returns the number of findings.

    Sheet "Summary" counts findings by kind; sheet "Rows to check" lists each one with
    its spreadsheet row number, so the member can fix the original file.
    """
    summary = list_imports(store, where="i.id = ?", params=(import_id,))[0]
    findings = import_findings(store, import_id)
    book = Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append([f"Findings in {summary.file_name} (sheet '{summary.sheet}')"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"{summary.records_added} rows read on {summary.imported_at[:10]}. "
                  "Row numbers in 'Rows to check' are the rows of your file."])
    sheet.append([])
    _table(sheet, ["Finding", "Rows"], [
        [FINDING_KINDS.get(kind, kind), count] for kind, count in summary.finding_counts.items()])
    rows = book.create_sheet("Rows to check")
    _table(rows, ["Row", "Finding", "Details", "Site name", "Country", "Audit date", "Sedex id", "Your ref"], [
        [number, FINDING_KINDS.get(kind, kind), message, *values.values()]
        for number, kind, _field, message, values in findings])
    book.properties.creator = "AIMDesk"
    book.save(out)
    return len(findings)


def _table(sheet, header: list[str], rows: list[list[object]]) -> None:  # type: ignore[no-untyped-def]
    """Append a styled table: coloured header, frozen below it, filters, fitted widths."""
    sheet.append(header)
    top = sheet.max_row
    for cell in sheet[top]:
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A{top}:{last}{top + len(rows)}"
    for index, title in enumerate(header, start=1):
        width = max([len(str(title))] + [len(str(r[index - 1])) for r in rows[:500]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 70)

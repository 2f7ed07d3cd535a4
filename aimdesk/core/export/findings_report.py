"""The findings report a member can fix: an xlsx listing every doubtful row."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.export.xlsx_style import append_text, style_header
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.prepare import PreparedImport
from aimdesk.core.store.imports import FindingRow, import_findings, import_summary
from aimdesk.core.store.workspace import Store

MIN_WIDTH, MAX_WIDTH = 8, 70
"""Column widths in characters: fitted to the text between these bounds."""
DETAIL_COLUMNS = ["Sheet", "Row", "Finding", "Details", "Site name", "Country", "Audit date",
                  "Sedex id", "Your ref"]


def write_findings_report(store: Store, import_id: int, out: Path) -> int:
    """Write the findings of one import to `out` (xlsx); returns the number of findings.

    Sheet "Summary" counts findings by kind; sheet "Rows to check" lists each one with
    the sheet and spreadsheet row of the member's file, so the member can fix it there.
    Member text is written as text: a site name starting with "=" is not a formula.

    Raises:
        WorkspaceError: there is no such import.
        OSError: `out` cannot be written (the caller says so in its own words).
    """
    summary = import_summary(store, import_id)
    if summary is None:
        raise WorkspaceError(f"There is no import #{import_id} in this workspace.")
    return _write(out, f"Findings in {summary.file_name} (sheet {summary.sheet})",
                  f"{summary.rows_read} rows read on {summary.imported_at[:10]}, "
                  f"{summary.records_added} of them suppliers.",
                  import_findings(store, import_id))


def write_prepared_findings_report(prepared: PreparedImport, out: Path, *, as_of: dt.date) -> int:
    """The same report for a list not imported yet (the import wizard's findings page).

    Raises:
        OSError: `out` cannot be written.
    """
    rows = [FindingRow(sheet, record.row_number, finding.kind, finding.field, finding.message, {
                "site_name": record.site_name, "country": record.country_raw,
                "audit_date": record.audit_date_raw, "sedex_id": record.sedex_id_raw,
                "member_ref": record.member_ref})
            for sheet, record in prepared.named_records() for finding in record.findings]
    return _write(out, f"Findings in {prepared.workbook.path.name} (sheet {', '.join(prepared.sheet_names)})",
                  f"{len(prepared.records)} supplier rows read on {as_of.isoformat()}.", rows)


def _write(out: Path, title: str, subtitle: str, findings: list[FindingRow]) -> int:
    book = Workbook()
    sheet = book.active
    sheet.title = "Summary"
    append_text(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)
    append_text(sheet, [subtitle + " Sheet and row numbers in 'Rows to check' are those of your file."])
    sheet.append([])
    counts = Counter(f.kind for f in findings)
    order = [kind for kind in FINDING_KINDS if kind in counts] + sorted(set(counts) - set(FINDING_KINDS))
    _table(sheet, ["Finding", "Rows"], [[FINDING_KINDS.get(kind, kind), counts[kind]] for kind in order])
    _table(book.create_sheet("Rows to check"), DETAIL_COLUMNS, [
        [f.sheet, f.row_number, FINDING_KINDS.get(f.kind, f.kind), f.message, *f.values.values()]
        for f in findings])
    book.properties.creator = "AIMDesk"
    book.save(out)
    return len(findings)


def _table(sheet: Worksheet, header: list[str], rows: list[list[object]]) -> None:
    """Append a styled table: coloured header, frozen below it, filters, fitted widths."""
    sheet.append(header)
    top = sheet.max_row
    style_header(sheet[top])
    for row in rows:
        append_text(sheet, row)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A{top}:{last}{top + len(rows)}"
    for index, title in enumerate(header, start=1):
        width = max([len(str(title))] + [len(str(r[index - 1])) for r in rows[:500]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)

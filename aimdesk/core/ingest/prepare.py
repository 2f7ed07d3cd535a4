"""Everything an import decides before touching the workspace: pure and repeatable.

The import wizard previews with these same functions; `importer.import_file` writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aimdesk.core.ingest.cells import cell_text, is_blank
from aimdesk.core.ingest.dates import DateOrder
from aimdesk.core.ingest.header import HeaderGuess, choose_sheet
from aimdesk.core.ingest.mapping import ColumnMapping, require_fields, suggest_mapping
from aimdesk.core.ingest.reader import SheetData, Workbook, read_workbook
from aimdesk.core.ingest.rows import RowOutcome, build_records
from aimdesk.core.progress import CancelToken, Progress


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose for one import (CLI options or wizard pages)."""

    member: str
    sheet: str | None = None
    header_row: int | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    date_order: DateOrder | None = None
    replace: bool = False
    force: bool = False


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """A file read, its header found, its columns mapped and its rows normalised."""

    workbook: Workbook
    sheet: SheetData
    header: HeaderGuess
    mapping: ColumnMapping
    outcome: RowOutcome

    def kept_rows(self) -> list[tuple[int, list[str]]]:
        """Every non-empty row of the sheet as text, with its 1-based row number."""
        return [(index + 1, [c if type(c) is str else cell_text(c) for c in row])
                for index, row in enumerate(self.sheet.rows)
                if len(row) > row.count("") and not all(is_blank(c) for c in row)]

    def template(self) -> dict[str, Any]:
        """What to offer first when this member sends the next file."""
        return {"sheet": self.sheet.name, "mapping": self.mapping.as_labels(),
                "date_order": self.outcome.date_order}


def prepare_import(path: Path, options: ImportOptions, *, as_of: dt.date,
                   template: dict[str, Any] | None = None,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> PreparedImport:
    """Read `path` and turn it into supplier records, without writing anything.

    Args:
        path: the member's file.
        options: the user's choices; they win over `template`.
        as_of: the day findings are judged on.
        template: this member's saved choices from the previous import.

    Raises:
        InputFileError, MappingError: the file cannot be imported; the message says why.
    """
    template = template or {}
    workbook = read_workbook(path)
    sheet_name = options.sheet or _template_sheet(workbook, template)
    sheet, header = choose_sheet(workbook, sheet_name=sheet_name, header_row=options.header_row)
    label = f"Sheet '{sheet.name}' of {workbook.path.name}"
    data_rows = sheet.rows[header.row_index + 1:]
    mapping = suggest_mapping(header, data_rows, overrides=options.mapping,
                              template=template.get("mapping"), sheet_label=label)
    require_fields(mapping, sheet_label=label)
    outcome = build_records(sheet.rows, header, mapping, date_order=options.date_order,
                            fallback_order=template.get("date_order"), as_of=as_of,
                            progress=progress, cancel=cancel)
    return PreparedImport(workbook, sheet, header, mapping, outcome)


def _template_sheet(workbook: Workbook, template: dict[str, Any]) -> str | None:
    """The member's usual sheet, if this file has one of that name."""
    wanted = str(template.get("sheet") or "").casefold()
    if wanted and len(workbook.sheets) > 1:
        for sheet in workbook.sheets:
            if sheet.name.casefold() == wanted:
                return sheet.name
    return None

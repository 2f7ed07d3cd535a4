"""Everything an import decides before touching the workspace: pure and repeatable.

The import wizard previews with these same functions; `importer.import_file` writes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aimdesk.core.bulk import collector_paused
from aimdesk.core.errors import InputFileError
from aimdesk.core.ingest.aliases import NO_ALIASES, ValueAliases
from aimdesk.core.ingest.countries import country_key
from aimdesk.core.ingest.cells import is_blank
from aimdesk.core.ingest.checks import column_warnings
from aimdesk.core.ingest.dates import DateOrder
from aimdesk.core.ingest.header import HeaderGuess, choose_sheet, detect_header
from aimdesk.core.ingest.mapping import (ColumnMapping, require_fields, same_columns,
                                         suggest_mapping)
from aimdesk.core.ingest.reader import SheetData, Workbook, read_workbook
from aimdesk.core.ingest.rows import RowOutcome, SupplierRecord, build_records
from aimdesk.core.ingest.schemes import normalise_scheme_text
from aimdesk.core.ingest.synonyms import normalise_header
from aimdesk.core.progress import CancelToken, Progress

MIN_LIST_ROWS = 3
MIN_LIST_FIELDS = 3
"""A sheet with this many data rows and mapped fields, site name among them, is a list."""


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
    all_sheets: bool = False
    """Also import the other sheets with the same columns (a list split by country)."""
    aliases: ValueAliases = NO_ALIASES
    """The workspace's own readings of country and audit-type cells."""


@dataclass(frozen=True, slots=True)
class SheetPart:
    """One sheet of the list: its header, the columns taken and the records read."""

    sheet: SheetData
    header: HeaderGuess
    mapping: ColumnMapping
    outcome: RowOutcome


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """A file read, its header found, its columns mapped and its rows normalised.

    A list split over several sheets with the same columns (one sheet per country, say)
    is one import with several parts; the first part is the sheet chosen first.
    """

    workbook: Workbook
    parts: tuple[SheetPart, ...]
    warnings: tuple[str, ...] = ()

    @property
    def primary(self) -> SheetPart:
        return self.parts[0]

    @property
    def sheet_names(self) -> tuple[str, ...]:
        return tuple(part.sheet.name for part in self.parts)

    @property
    def records(self) -> list[SupplierRecord]:
        return [record for part in self.parts for record in part.outcome.records]

    def named_records(self) -> list[tuple[str, SupplierRecord]]:
        """(sheet name, record) for every record, in sheet and row order."""
        return [(part.sheet.name, record) for part in self.parts for record in part.outcome.records]

    @property
    def skipped_rows(self) -> list[tuple[str, int]]:
        return [(part.sheet.name, number) for part in self.parts
                for number in part.outcome.skipped_rows]

    def kept_rows(self) -> list[tuple[str, int, list[object]]]:
        """Every non-empty row of every sheet of the file, imported or not, as read:
        (sheet, 1-based row number, cells). Nothing a member sent is lost."""
        return [(sheet.name, index + 1, row)
                for sheet in self.workbook.sheets
                for index, row in enumerate(sheet.rows)
                if len(row) > row.count("")]

    def unknown_countries(self) -> Counter[str]:
        """Country cells read as no country, with how many records hold each; spellings
        that differ only in case or spacing count as the first one seen."""
        return _grouped((r.country_raw for r in self.records if r.country_raw and r.country is None),
                        country_key)

    def unknown_schemes(self, aliases: ValueAliases = NO_ALIASES) -> Counter[str]:
        """Audit-type cells no rule recognises (read as the member's own protocol until a
        person says otherwise), with how many records hold each, grouped as countries are."""
        return _grouped((r.audit_type_raw for r in self.records
                         if r.audit_type_raw and aliases.scheme(r.audit_type_raw).needs_review),
                        normalise_scheme_text)

    def template(self) -> dict[str, Any]:
        """What to offer first when this member sends the next file."""
        return {"sheet": self.primary.sheet.name, "mapping": self.primary.mapping.as_labels(),
                "date_order": self.primary.outcome.date_order}


def _grouped(texts: Iterable[str], key: Callable[[str], str]) -> Counter[str]:
    first: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for text in texts:
        counts[first.setdefault(key(text), text)] += 1
    return counts


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
    with collector_paused():
        return _prepare(path, options, as_of=as_of, template=template or {}, progress=progress, cancel=cancel)


def _prepare(path: Path, options: ImportOptions, *, as_of: dt.date, template: dict[str, Any],
             progress: Progress | None, cancel: CancelToken | None) -> PreparedImport:
    workbook = read_workbook(path)
    sheet_name = options.sheet or _template_sheet(workbook, template)
    sheet, header = choose_sheet(workbook, sheet_name=sheet_name, header_row=options.header_row)
    label = f"Sheet '{sheet.name}' of {workbook.path.name}"
    mapping = suggest_mapping(header, sheet.rows[header.row_index + 1:], overrides=options.mapping,
                              template=template.get("mapping"), sheet_label=label)
    require_fields(mapping, header, sheet_label=label)
    sheets: list[tuple[SheetData, HeaderGuess, ColumnMapping]] = [(sheet, header, mapping)]
    warnings: list[str] = list(mapping.warnings)
    if options.sheet is None:
        companions, others = _other_lists(workbook, sheet, mapping, options)
        sheets += companions
        warnings += others
    seen: dict[tuple[str, ...], str] = {}
    parts = []
    for number, (part_sheet, part_header, part_mapping) in enumerate(sheets):
        outcome = build_records(
            part_sheet.rows, part_header, part_mapping, date_order=options.date_order,
            fallback_order=template.get("date_order"), as_of=as_of, seen=seen,
            sheet_label=f" of sheet '{part_sheet.name}'" if len(sheets) > 1 else "",
            aliases=options.aliases,
            progress=progress, cancel=cancel)
        parts.append(SheetPart(part_sheet, part_header, part_mapping, outcome))
    prepared = PreparedImport(workbook, tuple(parts), ())
    if not prepared.records:
        raise InputFileError(
            f"{label} has column names on row {header.row_number} but no supplier rows under them.")
    warnings += column_warnings(prepared.parts)
    return PreparedImport(workbook, tuple(parts), tuple(warnings))


def _other_lists(workbook: Workbook, chosen: SheetData, mapping: ColumnMapping,
                 options: ImportOptions) -> tuple[list[tuple[SheetData, HeaderGuess, ColumnMapping]], list[str]]:
    """Sheets with the same columns as the chosen one (imported with it), and warnings
    for sheets that hold another list with other columns (left for a separate import)."""
    same, warnings = [], []
    for sheet in workbook.sheets:
        if sheet is chosen or sheet.is_hidden or not sheet.rows:
            continue
        header = detect_header(sheet.rows, header_row=options.header_row)
        if header is None:
            warnings.append(_left_out(sheet))
            continue
        data = sheet.rows[header.row_index + 1:]
        other = suggest_mapping(header, data, overrides=_known_overrides(options, header))
        rows = sum(1 for row in data if not all(is_blank(c) for c in row))
        if same_columns(mapping, other) and rows:
            if options.all_sheets:
                same.append((sheet, header, other))
            else:
                warnings.append(
                    f"Sheet '{sheet.name}' ({rows} rows) has the same columns and was not imported; "
                    f"import every such sheet with --all-sheets, or this one with --sheet \"{sheet.name}\".")
        elif other.column_of("site_name") is not None and len(other.choices) >= MIN_LIST_FIELDS and rows >= MIN_LIST_ROWS:
            warnings.append(
                f"Sheet '{sheet.name}' also looks like a supplier list ({rows} rows) but its "
                f"columns differ; it was not imported: import it on its own with --sheet \"{sheet.name}\".")
        else:
            warnings.append(_left_out(sheet))
    return same, warnings


def _left_out(sheet: SheetData) -> str:
    rows = sum(1 for row in sheet.rows if not all(is_blank(c) for c in row))
    return (f"Sheet '{sheet.name}' ({rows} row{'' if rows == 1 else 's'}) was not imported: it does not look like a "
            f"supplier list; its cells are kept in the history (if it is one, import it with "
            f"--sheet \"{sheet.name}\").")


def _known_overrides(options: ImportOptions, header: HeaderGuess) -> dict[str, str]:
    """The user's --map choices that name columns this sheet has too."""
    labels = {normalise_header(label) for label in header.labels}
    return {f: h for f, h in options.mapping.items() if normalise_header(h) in labels}


def _template_sheet(workbook: Workbook, template: dict[str, Any]) -> str | None:
    """The member's usual sheet, if this file has one of that name."""
    wanted = str(template.get("sheet") or "").casefold()
    if wanted and len(workbook.sheets) > 1:
        for sheet in workbook.sheets:
            if sheet.name.casefold() == wanted:
                return sheet.name
    return None

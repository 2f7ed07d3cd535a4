"""Write a prepared member list into the workspace: one transaction, whole or nothing."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Callable

from aimdesk.core.bulk import collector_paused
from aimdesk.core.errors import DuplicateImportError
from aimdesk.core.ingest.cells import cell_text
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.prepare import ImportOptions, PreparedImport, prepare_import
from aimdesk.core.ingest.reader import file_sha256
from aimdesk.core.progress import CancelToken, Progress, check, report
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.imports import active_import_ids, find_import_by_hash
from aimdesk.core.store.members import (ensure_member, find_member, member_name,
                                        member_template, save_member_template)
from aimdesk.core.store.workspace import Store, timestamp, utc_now

WRITE_BATCH = 5000


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, for the CLI summary and the wizard's result page."""

    import_id: int
    member: str
    file_name: str
    file_format: str
    encoding: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    date_order: str | None
    rows_read: int
    records_added: int
    skipped_rows: tuple[tuple[str, int], ...]
    finding_counts: dict[str, int]
    superseded: tuple[int, ...]
    other_active_lists: int
    warnings: tuple[str, ...]


def import_file(store: Store, path: Path, options: ImportOptions, *, who: str,
                now: Callable[[], datetime] = utc_now,
                progress: Progress | None = None,
                cancel: CancelToken | None = None) -> ImportReport:
    """Import one member's supplier list into the workspace.

    The file is read and checked first; then raw rows, records and findings are written
    in one transaction, so a failure or a cancel leaves the workspace as it was.

    Args:
        store: the open workspace.
        path: the member's file (xlsx, xlsm, xls, ods, csv, tsv, txt).
        options: member name and the user's choices (sheet, header row, mapping, …).
        who: the person importing (kept in the history).
        now: the clock.

    Returns:
        What was added, replaced and found.

    Raises:
        InputFileError, MappingError: the file cannot be imported as it is.
        DuplicateImportError: the identical file was imported before (use `force`).
        Cancelled: `cancel` was set; nothing was written.
    """
    with collector_paused():
        return _import(store, Path(path), options, who=who, moment=now(), progress=progress,
                       cancel=cancel)


def _import(store: Store, path: Path, options: ImportOptions, *, who: str, moment: datetime,
            progress: Progress | None, cancel: CancelToken | None) -> ImportReport:
    if not options.force:
        _refuse_duplicate(store, path)
    member_id = find_member(store, options.member)
    template = member_template(store, member_id) if member_id is not None else None
    prepared = prepare_import(path, options, as_of=moment.date(), template=template,
                              progress=progress, cancel=cancel)
    with store.transaction():
        member_id = ensure_member(store, options.member, now=moment)
        previous = active_import_ids(store, member_id)
        import_id = _insert_import(store, prepared, member_id, who=who, now=moment)
        _insert_rows(store, prepared, import_id, member_id, progress=progress, cancel=cancel)
        superseded = tuple(previous) if options.replace else ()
        for old in superseded:
            store.conn.execute(
                "UPDATE imports SET status = 'superseded', superseded_by = ? WHERE id = ?",
                (import_id, old))
        save_member_template(store, member_id, prepared.template())
        member = member_name(store, member_id)
        result = _report(prepared, import_id, member, superseded, len(previous) - len(superseded))
        log_activity(store, who=who, action="import", now=moment, detail={
            "import_id": import_id, "member": member, "file": prepared.workbook.path.name,
            "records": result.records_added, "replaced": list(superseded)})
    report(progress, 1, 1, "Import finished")
    return result


def _refuse_duplicate(store: Store, path: Path) -> None:
    """Refuse a file imported before, before spending time on reading it."""
    earlier = find_import_by_hash(store, file_sha256(path))
    if earlier is not None:
        raise DuplicateImportError(
            f"{path.name} is identical to the file imported for "
            f"{earlier.member} on {earlier.imported_at[:10]} (import #{earlier.id}); "
            "use --force to import it again."
        )


def _insert_import(store: Store, prepared: PreparedImport, member_id: int, *, who: str,
                   now: datetime) -> int:
    counts = _finding_counts(prepared)
    cursor = store.conn.execute(
        "INSERT INTO imports (member_id, file_name, file_sha256, file_size, file_format, "
        "encoding, sheet, header_row, headers_json, mapping_json, date_order, rows_read, "
        "records_added, finding_counts_json, imported_by, imported_at, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')",
        (member_id, prepared.workbook.path.name, prepared.workbook.sha256,
         prepared.workbook.size, prepared.workbook.file_format, prepared.workbook.encoding,
         prepared.sheet_names, prepared.primary.header.row_number,
         json.dumps(prepared.primary.header.labels, ensure_ascii=False),
         json.dumps(prepared.primary.mapping.as_labels(), ensure_ascii=False),
         prepared.primary.outcome.date_order, _rows_read(prepared), len(prepared.records),
         json.dumps(counts), who, timestamp(now)),
    )
    return int(cursor.lastrowid or 0)


def _insert_rows(store: Store, prepared: PreparedImport, import_id: int, member_id: int, *,
                 progress: Progress | None, cancel: CancelToken | None) -> None:
    """Raw rows, records and findings, with ids assigned here so records can point at
    their raw row without a round trip per row (safe: we hold the write lock).

    Raw cells are kept as JSON exactly as read: text, numbers, booleans; dates in ISO form.
    """
    conn = store.conn
    next_raw = _next_id(store, "raw_rows")
    raw_ids: dict[tuple[str, int], int] = {}
    raw = []
    encode = json.JSONEncoder(ensure_ascii=False, default=cell_text).encode
    for offset, (sheet, number, cells) in enumerate(prepared.kept_rows()):
        raw_ids[(sheet, number)] = next_raw + offset
        raw.append((next_raw + offset, import_id, sheet, number, encode(cells)))
    conn.executemany("INSERT INTO raw_rows (id, import_id, sheet, row_number, cells_json) "
                     "VALUES (?, ?, ?, ?, ?)", raw)
    next_record = _next_id(store, "records")
    records = [(part.sheet.name, record) for part in prepared.parts for record in part.outcome.records]
    for start in range(0, len(records), WRITE_BATCH):
        check(cancel)
        report(progress, start, len(records), "Saving records")
        batch = records[start:start + WRITE_BATCH]
        conn.executemany(_RECORD_INSERT, [
            (next_record + start + i, import_id, raw_ids[(sheet, r.row_number)], member_id,
             *_record_values(r))
            for i, (sheet, r) in enumerate(batch)])
        conn.executemany(
            "INSERT INTO findings (record_id, import_id, kind, field, message) VALUES (?, ?, ?, ?, ?)",
            [(next_record + start + i, import_id, f.kind, f.field, f.message)
             for i, (_sheet, r) in enumerate(batch) for f in r.findings])
    check(cancel)


_RECORD_COLUMNS = (
    "site_name", "address", "city", "region", "postal_code", "country", "country_raw",
    "sedex_id", "sedex_id_raw", "member_ref", "audit_date", "audit_date_raw", "audit_type",
    "audit_type_raw", "audit_firm",
)
_record_values = attrgetter(*_RECORD_COLUMNS)
"""A record's stored values in column order, read in one C call (50,000 records a go)."""

_RECORD_INSERT = (
    f"INSERT INTO records (id, import_id, raw_row_id, member_id, {', '.join(_RECORD_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (4 + len(_RECORD_COLUMNS)))})"
)


def _next_id(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def _rows_read(prepared: PreparedImport) -> int:
    return len(prepared.records) + len(prepared.skipped_rows)


def _finding_counts(prepared: PreparedImport) -> dict[str, int]:
    counts = Counter(f.kind for r in prepared.records for f in r.findings)
    return {kind: counts[kind] for kind in FINDING_KINDS if counts[kind]}


def _report(prepared: PreparedImport, import_id: int, member: str,
            superseded: tuple[int, ...], other_active: int) -> ImportReport:
    primary = prepared.primary
    return ImportReport(
        import_id=import_id, member=member, file_name=prepared.workbook.path.name,
        file_format=prepared.workbook.file_format, encoding=prepared.workbook.encoding,
        sheet=prepared.sheet_names, header_row=primary.header.row_number,
        mapping=primary.mapping.as_labels(), date_order=primary.outcome.date_order,
        rows_read=_rows_read(prepared), records_added=len(prepared.records),
        skipped_rows=tuple(prepared.skipped_rows),
        finding_counts=_finding_counts(prepared), superseded=superseded,
        other_active_lists=other_active, warnings=prepared.warnings,
    )

"""Write a prepared member list into the workspace: one transaction, whole or nothing."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
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
from aimdesk.core.progress import BATCH, CancelToken, Progress, check, report
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.aliases import load_aliases, remember_aliases
from aimdesk.core.store.imports import (
    RECORD_VALUE_COLUMNS, NewImport, active_import_ids, find_import_by_hash, insert_findings,
    insert_import, insert_raw_rows, insert_records, next_record_id, supersede_imports,
)
from aimdesk.core.store.members import (check_member_name, ensure_member, find_member,
                                        member_name, member_template, save_member_template)
from aimdesk.core.store.workspace import Store, timestamp, utc_now

_record_values = attrgetter(*RECORD_VALUE_COLUMNS)
"""A record's stored values in column order, read in one C call (50,000 records a go)."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, for the CLI summary and the wizard's result page.

    `sheets` lists every sheet imported (a list split into one sheet per country has
    several); `header_row` and `mapping` are those of the first.
    """

    import_id: int
    member: str
    file_name: str
    file_format: str
    encoding: str
    sheets: tuple[str, ...]
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
            `replace` makes this list replace all of the member's current lists.
        who: the person importing (kept in the history).
        now: the clock.

    Returns:
        What was added, replaced and found.

    Raises:
        InputFileError, MappingError: the file cannot be imported as it is.
        DuplicateImportError: the identical file was imported before (use `force`).
        Cancelled: `cancel` was set; nothing was written.
    """
    check_member_name(options.member)
    with collector_paused():
        return _import(store, Path(path), options, who=who, moment=now(), progress=progress,
                       cancel=cancel)


def _import(store: Store, path: Path, options: ImportOptions, *, who: str, moment: datetime,
            progress: Progress | None, cancel: CancelToken | None) -> ImportReport:
    if not options.force:
        _refuse_duplicate(store, path.name, file_sha256(path))
    member_id = find_member(store, options.member)
    template = member_template(store, member_id) if member_id is not None else None
    given = options.aliases
    options = replace(options, aliases=load_aliases(store).merged(given))
    prepared = prepare_import(path, options, as_of=moment.date(), template=template,
                              progress=progress, cancel=cancel)
    with store.transaction():
        if not options.force:  # again, under the write lock: another import may have landed
            _refuse_duplicate(store, path.name, prepared.workbook.sha256)
        member_id = ensure_member(store, options.member, now=moment)
        previous = active_import_ids(store, member_id)
        import_id = insert_import(store, _new_import(prepared, member_id, who=who, now=moment))
        _write_rows(store, prepared, import_id, member_id, progress=progress, cancel=cancel)
        superseded = tuple(previous) if options.replace else ()
        supersede_imports(store, superseded, by=import_id)
        save_member_template(store, member_id, prepared.template())
        remember_aliases(store, given)
        member = member_name(store, member_id)
        result = _report(prepared, import_id, member, superseded, len(previous) - len(superseded))
        log_activity(store, who=who, action="import", now=moment, detail={
            "import_id": import_id, "member": member, "file": prepared.workbook.path.name,
            "records": result.records_added, "replaced": list(superseded)})
    report(progress, 1, 1, "Import finished")
    return result


def _refuse_duplicate(store: Store, file_name: str, sha256: str) -> None:
    earlier = find_import_by_hash(store, sha256)
    if earlier is not None:
        raise DuplicateImportError(
            f"{file_name} is identical to the file imported for "
            f"{earlier.member} on {earlier.imported_at[:10]} (import #{earlier.id}); "
            "import it again only on purpose (on the command line: --force)."
        )


def _new_import(prepared: PreparedImport, member_id: int, *, who: str, now: datetime) -> NewImport:
    primary, workbook = prepared.primary, prepared.workbook
    return NewImport(
        member_id=member_id, file_name=workbook.path.name, file_sha256=workbook.sha256,
        file_size=workbook.size, file_format=workbook.file_format, encoding=workbook.encoding,
        sheet=", ".join(prepared.sheet_names), header_row=primary.header.row_number,
        headers=primary.header.labels, mapping=primary.mapping.as_labels(),
        date_order=primary.outcome.date_order, rows_read=_rows_read(prepared),
        records_added=len(prepared.records), finding_counts=_finding_counts(prepared),
        imported_by=who, imported_at=timestamp(now))


def _write_rows(store: Store, prepared: PreparedImport, import_id: int, member_id: int, *,
                progress: Progress | None, cancel: CancelToken | None) -> None:
    """Raw rows (every sheet, cells as JSON values exactly as read, dates in ISO form),
    then records and their findings in batches, checking for Cancel between them."""
    encode = json.JSONEncoder(ensure_ascii=False, default=cell_text).encode
    raw_ids = insert_raw_rows(store, import_id, (
        (sheet, number, encode(cells)) for sheet, number, cells in prepared.kept_rows()))
    first_id = next_record_id(store)
    records = [(part.sheet.name, record) for part in prepared.parts for record in part.outcome.records]
    for start in range(0, len(records), BATCH):
        check(cancel)
        report(progress, start, len(records), "Saving records")
        batch = records[start:start + BATCH]
        insert_records(store, [
            (first_id + start + i, import_id, raw_ids[(sheet, r.row_number)], member_id,
             *_record_values(r))
            for i, (sheet, r) in enumerate(batch)])
        insert_findings(store, [
            (first_id + start + i, import_id, f.kind, f.field, f.message)
            for i, (_sheet, r) in enumerate(batch) for f in r.findings])
    check(cancel)


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
        sheets=prepared.sheet_names, header_row=primary.header.row_number,
        mapping=primary.mapping.as_labels(), date_order=primary.outcome.date_order,
        rows_read=_rows_read(prepared), records_added=len(prepared.records),
        skipped_rows=tuple(prepared.skipped_rows),
        finding_counts=_finding_counts(prepared), superseded=superseded,
        other_active_lists=other_active, warnings=prepared.warnings,
    )

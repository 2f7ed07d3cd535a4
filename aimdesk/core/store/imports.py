"""Import history: which file each member sent, when, and what became of it; and the
writes that put one import's rows into the workspace."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from aimdesk.core.store.workspace import Store

RECORD_VALUE_COLUMNS: tuple[str, ...] = (
    "site_name", "address", "city", "region", "postal_code", "country", "country_raw",
    "sedex_id", "sedex_id_raw", "member_ref", "audit_date", "audit_date_raw", "audit_type",
    "audit_type_raw", "audit_firm",
)
"""The columns of `records` an import fills, in the order `insert_records` takes them."""

_RECORD_INSERT = (
    f"INSERT INTO records (id, import_id, raw_row_id, member_id, {', '.join(RECORD_VALUE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (4 + len(RECORD_VALUE_COLUMNS)))})"
)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """One line of a member's import history."""

    id: int
    member: str
    file_name: str
    file_sha256: str
    file_format: str
    sheet: str
    header_row: int
    rows_read: int
    records_added: int
    finding_counts: dict[str, int]
    imported_by: str
    imported_at: str
    status: str


@dataclass(frozen=True, slots=True)
class NewImport:
    """What the history keeps about an import that is being written."""

    member_id: int
    file_name: str
    file_sha256: str
    file_size: int
    file_format: str
    encoding: str
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[str, str]
    date_order: str | None
    rows_read: int
    records_added: int
    finding_counts: dict[str, int]
    imported_by: str
    imported_at: str


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A finding as the Rows-to-check report lists it."""

    sheet: str
    row_number: int
    kind: str
    field: str
    message: str
    values: dict[str, str]


_SUMMARY = (
    "SELECT i.id, m.name, i.file_name, i.file_sha256, coalesce(i.file_format, ''), "
    "coalesce(i.sheet, ''), coalesce(i.header_row, 0), coalesce(i.rows_read, 0), "
    "coalesce(i.records_added, 0), coalesce(i.finding_counts_json, '{}'), "
    "coalesce(i.imported_by, ''), i.imported_at, i.status "
    "FROM imports i JOIN members m ON m.id = i.member_id"
)


def _summaries(store: Store, condition: str, params: tuple[object, ...]) -> list[ImportSummary]:
    rows = store.conn.execute(f"{_SUMMARY} {condition} ORDER BY i.id DESC", params)
    return [ImportSummary(*r[:9], json.loads(r[9]), *r[10:]) for r in rows]  # type: ignore[misc]


def list_imports(store: Store) -> list[ImportSummary]:
    """Every import, newest first."""
    return _summaries(store, "", ())


def import_summary(store: Store, import_id: int) -> ImportSummary | None:
    """One import's line of history, or None if there is no such import."""
    found = _summaries(store, "WHERE i.id = ?", (import_id,))
    return found[0] if found else None


def find_import_by_hash(store: Store, sha256: str) -> ImportSummary | None:
    """The latest import of the file with this SHA-256, if any."""
    found = _summaries(store, "WHERE i.file_sha256 = ?", (sha256,))
    return found[0] if found else None


def active_import_ids(store: Store, member_id: int) -> list[int]:
    """The member's lists that count now (not superseded), oldest first."""
    rows = store.conn.execute(
        "SELECT id FROM imports WHERE member_id = ? AND status = 'active' ORDER BY id", (member_id,)
    )
    return [r[0] for r in rows]


def import_findings(store: Store, import_id: int) -> list[FindingRow]:
    """Every finding of an import with the record's main values, in sheet and row order."""
    rows = store.conn.execute(
        "SELECT coalesce(w.sheet, ''), w.row_number, f.kind, coalesce(f.field, ''), "
        "coalesce(f.message, ''), coalesce(r.site_name, ''), coalesce(r.country_raw, ''), "
        "coalesce(r.audit_date_raw, ''), coalesce(r.sedex_id_raw, ''), coalesce(r.member_ref, '') "
        "FROM findings f JOIN records r ON r.id = f.record_id JOIN raw_rows w ON w.id = r.raw_row_id "
        "WHERE f.import_id = ? ORDER BY w.id, f.id",
        (import_id,),
    )
    names = ("site_name", "country", "audit_date", "sedex_id", "member_ref")
    return [FindingRow(r[0], r[1], r[2], r[3], r[4], dict(zip(names, r[5:]))) for r in rows]


def insert_import(store: Store, new: NewImport) -> int:
    """Add an import to the history as active; returns its id. Call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO imports (member_id, file_name, file_sha256, file_size, file_format, "
        "encoding, sheet, header_row, headers_json, mapping_json, date_order, rows_read, "
        "records_added, finding_counts_json, imported_by, imported_at, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')",
        (new.member_id, new.file_name, new.file_sha256, new.file_size, new.file_format,
         new.encoding, new.sheet, new.header_row, json.dumps(new.headers, ensure_ascii=False),
         json.dumps(new.mapping, ensure_ascii=False), new.date_order, new.rows_read,
         new.records_added, json.dumps(new.finding_counts), new.imported_by, new.imported_at),
    )
    return int(cursor.lastrowid or 0)


def insert_raw_rows(store: Store, import_id: int,
                    rows: Iterable[tuple[str, int, str]]) -> dict[tuple[str, int], int]:
    """Keep rows as read: (sheet, 1-based row number, cells as JSON).

    Returns:
        The new raw row id of each (sheet, row number). Ids are assigned here, so records
        can point at their raw row without a round trip per row (safe: a transaction
        holds the write lock).
    """
    first = _next_id(store, "raw_rows")
    ids: dict[tuple[str, int], int] = {}
    values = []
    for offset, (sheet, number, cells_json) in enumerate(rows):
        ids[(sheet, number)] = first + offset
        values.append((first + offset, import_id, sheet, number, cells_json))
    store.conn.executemany(
        "INSERT INTO raw_rows (id, import_id, sheet, row_number, cells_json) VALUES (?, ?, ?, ?, ?)",
        values)
    return ids


def next_record_id(store: Store) -> int:
    """The id the next record will get (records are written in batches with known ids)."""
    return _next_id(store, "records")


def insert_records(store: Store, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write records: (id, import id, raw row id, member id, *RECORD_VALUE_COLUMNS values)."""
    store.conn.executemany(_RECORD_INSERT, rows)


def insert_findings(store: Store, rows: Sequence[tuple[int, int, str, str, str]]) -> None:
    """Write findings: (record id, import id, kind, field, message)."""
    store.conn.executemany(
        "INSERT INTO findings (record_id, import_id, kind, field, message) VALUES (?, ?, ?, ?, ?)",
        rows)


def supersede_imports(store: Store, import_ids: Sequence[int], *, by: int) -> None:
    """Mark lists as replaced by import `by`; they stay in the history, never deleted."""
    store.conn.executemany(
        "UPDATE imports SET status = 'superseded', superseded_by = ? WHERE id = ?",
        [(by, old) for old in import_ids])


def _next_id(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

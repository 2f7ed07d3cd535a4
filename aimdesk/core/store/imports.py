"""Import history: which file each member sent, when, and what became of it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from aimdesk.core.store.workspace import Store


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


def find_import_by_hash(store: Store, sha256: str) -> ImportSummary | None:
    """The latest import of the file with this SHA-256, if any."""
    found = list_imports(store, where="i.file_sha256 = ?", params=(sha256,))
    return found[0] if found else None


def list_imports(store: Store, *, where: str = "1", params: tuple[object, ...] = ()) -> list[ImportSummary]:
    """Imports, newest first."""
    rows = store.conn.execute(
        "SELECT i.id, m.name, i.file_name, i.file_sha256, coalesce(i.file_format, ''), "
        "coalesce(i.sheet, ''), coalesce(i.header_row, 0), coalesce(i.rows_read, 0), "
        "coalesce(i.records_added, 0), coalesce(i.finding_counts_json, '{}'), "
        "coalesce(i.imported_by, ''), i.imported_at, i.status "
        f"FROM imports i JOIN members m ON m.id = i.member_id WHERE {where} ORDER BY i.id DESC",
        params,
    )
    return [ImportSummary(*r[:9], json.loads(r[9]), *r[10:]) for r in rows]  # type: ignore[misc]


def active_import_ids(store: Store, member_id: int) -> list[int]:
    rows = store.conn.execute(
        "SELECT id FROM imports WHERE member_id = ? AND status = 'active' ORDER BY id", (member_id,)
    )
    return [r[0] for r in rows]


def import_findings(store: Store, import_id: int) -> list[tuple[int, str, str, str, dict[str, str]]]:
    """(row number, kind, field, message, record fields) for every finding of an import."""
    rows = store.conn.execute(
        "SELECT w.row_number, f.kind, coalesce(f.field, ''), coalesce(f.message, ''), "
        "coalesce(r.site_name, ''), coalesce(r.country_raw, ''), coalesce(r.audit_date_raw, ''), "
        "coalesce(r.sedex_id_raw, ''), coalesce(r.member_ref, '') "
        "FROM findings f JOIN records r ON r.id = f.record_id JOIN raw_rows w ON w.id = r.raw_row_id "
        "WHERE f.import_id = ? ORDER BY w.row_number, f.id",
        (import_id,),
    )
    names = ("site_name", "country", "audit_date", "sedex_id", "member_ref")
    return [(r[0], r[1], r[2], r[3], dict(zip(names, r[4:]))) for r in rows]

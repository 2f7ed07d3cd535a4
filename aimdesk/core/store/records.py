"""Read supplier records back: the queries behind the Records view and `export-records`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields

from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.core.ingest.dates import years_before
from aimdesk.core.store.workspace import Store


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One active supplier record with its provenance."""

    id: int
    member: str
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str
    sedex_id: str
    member_ref: str
    audit_date: str
    audit_type: str
    audit_firm: str
    findings: int
    source_file: str
    source_sheet: str
    source_row: int


RECORD_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(RecordRow))

_SELECT = """
SELECT r.id, m.name, coalesce(r.site_name, ''), coalesce(r.address, ''),
       coalesce(r.city, ''), coalesce(r.region, ''), coalesce(r.postal_code, ''),
       coalesce(r.country, ''), coalesce(r.sedex_id, ''), coalesce(r.member_ref, ''),
       coalesce(r.audit_date, ''), coalesce(r.audit_type, ''), coalesce(r.audit_firm, ''),
       (SELECT count(*) FROM findings f WHERE f.record_id = r.id),
       i.file_name, coalesce(w.sheet, ''), w.row_number
FROM records r
JOIN imports i ON i.id = r.import_id
JOIN members m ON m.id = r.member_id
JOIN raw_rows w ON w.id = r.raw_row_id
"""

_SORTABLE = {
    "id": "r.id", "member": "m.name COLLATE NOCASE", "findings": "4",
    **{name: f"r.{name} COLLATE NOCASE" for name in CANONICAL_FIELDS},
    "source_file": "i.file_name", "source_row": "w.row_number",
}


FETCH_CHUNK = 500
"""Ids per query: well under SQLite's limit of bound parameters."""


AUDIT_AGES: tuple[tuple[str, str, int, int | None], ...] = (
    ("under_1", "Under 1 year", 0, 1), ("1_2", "1–2 years", 1, 2), ("2_3", "2–3 years", 2, 3),
    ("over_3", "Over 3 years", 3, None),
)
"""(code, label, from years, to years) of the audit-age bands, youngest first; records
without an audit date are in band "none" ("No audit date")."""
NO_AUDIT_DATE = ("none", "No audit date")


@dataclass(frozen=True, slots=True)
class RecordQuery:
    """What the Records view asks for: a search text, filters and an order."""

    search: str = ""
    member_id: int | None = None
    country: str | None = None
    scheme: str | None = None
    audit_age: str | None = None
    """One of the `AUDIT_AGES` codes or "none"; ages count back from `as_of`."""
    as_of: dt.date | None = None
    with_findings_only: bool = False
    sort: str = "id"
    descending: bool = False


def record_ids(store: Store, query: RecordQuery = RecordQuery()) -> list[int]:
    """Ids of the active records that match `query`, in its order.

    The view holds only these ids and fetches rows lazily with `fetch_records`.
    """
    where, params = _where(query)
    order = _SORTABLE.get(query.sort, "r.id")
    if order == "4":
        order = "(SELECT count(*) FROM findings f WHERE f.record_id = r.id)"
    direction = "DESC" if query.descending else "ASC"
    sql = (
        "SELECT r.id FROM records r JOIN imports i ON i.id = r.import_id "
        "JOIN members m ON m.id = r.member_id JOIN raw_rows w ON w.id = r.raw_row_id "
        f"WHERE {where} ORDER BY {order} {direction}, r.id {direction}"
    )
    return [row[0] for row in store.conn.execute(sql, params)]


def _where(query: RecordQuery) -> tuple[str, list[object]]:
    clauses, params = ["i.status = 'active'"], []
    if query.search.strip():
        escaped = query.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        clauses.append("(" + " OR ".join(
            f"r.{column} LIKE ? ESCAPE '\\'"
            for column in ("site_name", "address", "city", "sedex_id", "member_ref")) + ")")
        params += [like] * 5
    if query.member_id is not None:
        clauses.append("r.member_id = ?")
        params.append(query.member_id)
    if query.country:
        clauses.append("r.country = ?")
        params.append(query.country)
    if query.scheme:
        clauses.append("r.audit_type = ?")
        params.append(query.scheme)
    if query.audit_age:
        clause, values = audit_age_clause(query.audit_age, query.as_of or dt.date.today())
        clauses.append(clause)
        params += values
    if query.with_findings_only:
        clauses.append("EXISTS (SELECT 1 FROM findings f WHERE f.record_id = r.id)")
    return " AND ".join(clauses), params


def audit_age_band(as_of: dt.date, column: str = "r.audit_date") -> tuple[str, list[object]]:
    """SQL expression (and its values) giving a record's audit-age band code on `as_of`:
    a band holds the audits younger than its upper bound and not in a younger band (an
    audit dated after `as_of` counts as under a year old); "none" without a date."""
    cases, params = [f"WHEN {column} IS NULL THEN '{NO_AUDIT_DATE[0]}'"], []
    for code, _, _, older in AUDIT_AGES:
        if older is None:
            cases.append(f"ELSE '{code}'")
        else:
            cases.append(f"WHEN {column} > ? THEN '{code}'")
            params.append(years_before(as_of, older).isoformat())
    return "CASE " + " ".join(cases) + " END", params


def audit_age_clause(code: str, as_of: dt.date, column: str = "r.audit_date") -> tuple[str, list[object]]:
    """SQL condition (and its values) for records in one audit-age band on `as_of`."""
    band, params = audit_age_band(as_of, column)
    return f"({band}) = ?", [*params, code]


def fetch_records(store: Store, ids: Sequence[int]) -> dict[int, RecordRow]:
    """The rows for `ids` (any order), keyed by id."""
    found: dict[int, RecordRow] = {}
    for start in range(0, len(ids), FETCH_CHUNK):
        chunk = list(ids[start:start + FETCH_CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(f"{_SELECT} WHERE r.id IN ({marks})", chunk):
            found[row[0]] = RecordRow(*row)
    return found


def iter_active_records(store: Store) -> Iterator[RecordRow]:
    """Every active record in id order (for exports)."""
    sql = f"{_SELECT} WHERE i.status = 'active' ORDER BY r.id"
    for row in store.conn.execute(sql):
        yield RecordRow(*row)


@dataclass(frozen=True, slots=True)
class RecordFinding:
    """One validation finding kept for a record: its kind, the field concerned and a sentence.

    The same three values as `aimdesk.core.ingest.findings.Finding`; the store does not
    import the ingest package (ingest writes through the store, not the other way round).
    Titles for `kind` are in `aimdesk.core.ingest.findings.FINDING_KINDS`.
    """

    kind: str
    field: str
    message: str


def record_findings(store: Store, record_id: int) -> list[RecordFinding]:
    """The validation findings of one record, in the order the import found them.

    Args:
        store: the open workspace.
        record_id: a record id, as returned by `record_ids`.

    Returns:
        The record's findings; an empty list when it has none or does not exist.

    Example:
        >>> [f.kind for f in record_findings(store, 42)]
        ['unknown_country']
    """
    rows = store.conn.execute(
        "SELECT kind, coalesce(field, ''), coalesce(message, '') FROM findings "
        "WHERE record_id = ? ORDER BY id",
        (record_id,),
    )
    return [RecordFinding(*row) for row in rows]


def active_record_ids(store: Store, ids: Iterable[int]) -> set[int]:
    """Which of `ids` are active records (their list not superseded)."""
    wanted = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), FETCH_CHUNK):
        chunk = wanted[start:start + FETCH_CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in store.conn.execute(
            f"SELECT id FROM active_records WHERE id IN ({marks})", chunk))
    return found


def count_active_records(store: Store) -> int:
    """How many records belong to active imports."""
    return int(store.conn.execute("SELECT count(*) FROM active_records").fetchone()[0])


def record_countries(store: Store) -> list[str]:
    """Countries present among active records, for the country filter."""
    rows = store.conn.execute(
        "SELECT DISTINCT country FROM active_records WHERE country IS NOT NULL ORDER BY country"
    )
    return [row[0] for row in rows]


@dataclass(frozen=True, slots=True)
class RawRow:
    """A record's row as the member's file had it, beside the file's column names."""

    file_name: str
    sheet: str
    row_number: int
    headers: list[str]
    cells: list[object]


def record_raw_row(store: Store, record_id: int) -> RawRow | None:
    """The row of the member's file a record was read from (None: no such record)."""
    row = store.conn.execute(
        "SELECT i.file_name, coalesce(w.sheet, ''), w.row_number, coalesce(i.headers_json, '[]'), w.cells_json "
        "FROM records r JOIN raw_rows w ON w.id = r.raw_row_id JOIN imports i ON i.id = r.import_id "
        "WHERE r.id = ?", (record_id,)).fetchone()
    if row is None:
        return None
    return RawRow(row[0], row[1], row[2], json.loads(row[3]), json.loads(row[4]))


def record_site(store: Store, record_id: int) -> int | None:
    """The internal id of the site a record belongs to (None before matching)."""
    row = store.conn.execute("SELECT site_id FROM record_sites WHERE record_id = ?", (record_id,)).fetchone()
    return int(row[0]) if row else None

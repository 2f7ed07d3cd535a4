"""The register of human-rights impact assessments (HRIAs) members share: reads and writes.

An entry is never deleted: removing one marks it removed (who, when), and the register
shows only the others. The member that shared an entry is kept for the secretariat only.
"""

from __future__ import annotations

from dataclasses import dataclass

from aimdesk.core.store.workspace import Store


@dataclass(frozen=True, slots=True)
class HriaEntry:
    """One HRIA in the register.

    `member_id` is the member that shared it: for the secretariat, never exported.
    `contact_note` is the secretariat's own note on whom to put an enquirer in touch with.
    """

    id: int
    country: str
    commodity_or_sector: str
    scope: str
    year: int
    contact_note: str
    member_id: int
    created_at: str
    created_by: str


_SELECT = ("SELECT id, country, sector, scope, year, contact_note, member_id, created_at, created_by "
           "FROM hria_entries")


def insert_entry(store: Store, *, member_id: int, country: str, sector: str, scope: str, year: int,
                 contact_note: str, created_at: str, created_by: str) -> int:
    """Add an entry; call inside a transaction. Returns its id."""
    cursor = store.conn.execute(
        "INSERT INTO hria_entries (member_id, country, sector, scope, year, contact_note, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (member_id, country, sector, scope, year, contact_note, created_at, created_by))
    return int(cursor.lastrowid or 0)


def update_entry(store: Store, entry_id: int, *, member_id: int, country: str, sector: str, scope: str,
                 year: int, contact_note: str, updated_at: str, updated_by: str) -> None:
    """Change an entry's values; call inside a transaction."""
    store.conn.execute(
        "UPDATE hria_entries SET member_id = ?, country = ?, sector = ?, scope = ?, year = ?, contact_note = ?, "
        "updated_at = ?, updated_by = ? WHERE id = ?",
        (member_id, country, sector, scope, year, contact_note, updated_at, updated_by, entry_id))


def mark_removed(store: Store, entry_id: int, *, removed_at: str, removed_by: str) -> None:
    """Take an entry out of the register (it stays in the workspace); call inside a transaction."""
    store.conn.execute("UPDATE hria_entries SET removed_at = ?, removed_by = ? WHERE id = ?",
                       (removed_at, removed_by, entry_id))


def get_entry(store: Store, entry_id: int) -> HriaEntry | None:
    """The entry with this id if it is in the register (not removed), else None."""
    row = store.conn.execute(f"{_SELECT} WHERE id = ? AND removed_at IS NULL", (entry_id,)).fetchone()
    return HriaEntry(*row) if row else None


def entries(store: Store) -> list[HriaEntry]:
    """The entries in the register (removed ones left out), by country, sector, year, id."""
    rows = store.conn.execute(
        f"{_SELECT} WHERE removed_at IS NULL ORDER BY country, sector COLLATE NOCASE, year, id")
    return [HriaEntry(*row) for row in rows]

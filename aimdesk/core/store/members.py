"""Members of the forum: who sends lists, and the column template each one uses."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.store.workspace import Store, timestamp


@dataclass(frozen=True, slots=True)
class MemberSummary:
    """One line of the Members view."""

    id: int
    name: str
    contact: str
    active_records: int
    imports: int
    last_import_at: str


def member_key(name: str) -> str:
    """How member names are compared: case, spacing and Unicode forms do not matter,
    so "Acme  Foods" and "ACME FOODS" are one member ("Ácme" too, unlike SQL NOCASE)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def check_member_name(name: str) -> None:
    """Refuse an empty member name before any work is done."""
    if not member_key(name):
        raise WorkspaceError("A member needs a name; give one with --member NAME.")


def find_member(store: Store, name: str) -> int | None:
    """The id of the member called `name` (compared by `member_key`), or None."""
    key = member_key(name)
    for member_id, existing in store.conn.execute("SELECT id, name FROM members"):
        if member_key(existing) == key:
            return int(member_id)
    return None


def member_name(store: Store, member_id: int) -> str:
    """The member's name as first written (imports may spell it in another case)."""
    row = store.conn.execute("SELECT name FROM members WHERE id = ?", (member_id,)).fetchone()
    if row is None:
        raise WorkspaceError(f"There is no member #{member_id} in this workspace.")
    return str(row[0])


def ensure_member(store: Store, name: str, *, now: datetime) -> int:
    """The id of member `name`, created if new. Call inside a transaction."""
    check_member_name(name)
    clean = " ".join(unicodedata.normalize("NFC", name).split())
    existing = find_member(store, clean)
    if existing is not None:
        return existing
    cursor = store.conn.execute(
        "INSERT INTO members (name, contact, created_at) VALUES (?, '', ?)",
        (clean, timestamp(now)),
    )
    return int(cursor.lastrowid or 0)


def list_members(store: Store) -> list[MemberSummary]:
    """All members with their active record count and import history size, by name."""
    rows = store.conn.execute(
        """
        SELECT m.id, m.name, coalesce(m.contact, ''),
               (SELECT count(*) FROM active_records r WHERE r.member_id = m.id),
               (SELECT count(*) FROM imports i WHERE i.member_id = m.id),
               coalesce((SELECT max(imported_at) FROM imports i WHERE i.member_id = m.id), '')
        FROM members m ORDER BY m.name COLLATE NOCASE
        """
    )
    return [MemberSummary(*row) for row in rows]


def member_template(store: Store, member_id: int) -> dict[str, Any] | None:
    """The import choices saved from this member's last import, offered first next time."""
    row = store.conn.execute(
        "SELECT template_json FROM members WHERE id = ?", (member_id,)
    ).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def save_member_template(store: Store, member_id: int, template: dict[str, Any]) -> None:
    """Remember the mapping used for this member. Call inside a transaction."""
    store.conn.execute(
        "UPDATE members SET template_json = ? WHERE id = ?",
        (json.dumps(template, ensure_ascii=False, sort_keys=True), member_id),
    )


def update_member(store: Store, member_id: int, *, name: str, contact: str) -> None:
    """Rename a member or change its contact (its lists and records stay its own).

    Raises:
        WorkspaceError: the name is empty, or another member already has it.
    """
    check_member_name(name)
    clean = " ".join(unicodedata.normalize("NFC", name).split())
    other = find_member(store, clean)
    if other is not None and other != member_id:
        raise WorkspaceError(f"Another member is already called “{member_name(store, other)}”.")
    member_name(store, member_id)  # refuses an unknown member
    with store.transaction():
        store.conn.execute("UPDATE members SET name = ?, contact = ? WHERE id = ?",
                           (clean, " ".join(contact.split()), member_id))

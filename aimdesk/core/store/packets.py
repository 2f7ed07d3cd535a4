"""Review packets in the workspace: its identity (which names and signs its packets), the
register of packets sent out, and the packet rows kept for adjudication (conflicts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.store.settings import get_setting
from aimdesk.core.store.workspace import Store

WORKSPACE_ID = "workspace.id"
WORKSPACE_SECRET = "workspace.secret"
"""Settings made by migration m004: random, never shown, copied with the workspace file."""


@dataclass(frozen=True, slots=True)
class WorkspaceIdentity:
    """A random id (packet ids start with part of it) and a random secret (row checks)."""

    id: str
    secret: bytes


@dataclass(frozen=True, slots=True)
class PacketRecord:
    """One packet in the register."""

    id: str
    created_at: str
    created_by: str
    file_name: str
    rows: int
    is_members_shown: bool


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """A packet row that contradicted a decision in force, as stored."""

    id: int
    packet_id: str
    row_number: int
    left: int
    right: int
    verdict: str
    note: str
    reviewer: str
    contradicts: int
    """The id of the decision in force that the row contradicted."""
    created_at: str
    resolved_at: str
    resolved_by: str
    resolution: str


def workspace_identity(store: Store) -> WorkspaceIdentity:
    """The workspace's id and secret.

    Raises:
        WorkspaceError: they are missing (the settings table was edited by hand).
    """
    workspace_id, secret = get_setting(store, WORKSPACE_ID, ""), get_setting(store, WORKSPACE_SECRET, "")
    if not workspace_id or not secret:
        raise WorkspaceError(f"{store.path.name} has lost its identity; review packets cannot be "
                             "made or read with it.")
    return WorkspaceIdentity(workspace_id, bytes.fromhex(secret))


def count_packets(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM packets").fetchone()[0])


def register_packet(store: Store, packet: PacketRecord) -> None:
    """Add a packet to the register; call inside a transaction."""
    store.conn.execute(
        "INSERT INTO packets (id, created_at, created_by, file_name, rows, members_shown) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (packet.id, packet.created_at, packet.created_by, packet.file_name, packet.rows,
         int(packet.is_members_shown)))


def fetch_packet(store: Store, packet_id: str) -> PacketRecord | None:
    row = store.conn.execute(
        "SELECT id, created_at, created_by, file_name, rows, members_shown FROM packets "
        "WHERE id = ?", (packet_id,)).fetchone()
    return PacketRecord(*row[:5], bool(row[5])) if row else None


def packet_verdicts(store: Store, packet_id: str) -> set[tuple[int, int, str]]:
    """(left, right, verdict) of everything a packet already brought in: its decisions
    and its conflicts, settled or not."""
    rows = store.conn.execute(
        "SELECT left_record, right_record, verdict FROM decisions WHERE source = ? "
        "UNION SELECT left_record, right_record, verdict FROM packet_conflicts WHERE packet_id = ?",
        (packet_source(packet_id), packet_id))
    return {(r[0], r[1], r[2]) for r in rows}


def packet_source(packet_id: str) -> str:
    """The `source` of the decisions a packet brought in."""
    return f"packet {packet_id}"


def add_conflicts(store: Store, conflicts: Iterable[ConflictRow]) -> list[int]:
    """Store new conflicts (their id and resolution are ignored); returns their ids.
    Call inside a transaction."""
    ids = []
    for c in conflicts:
        cursor = store.conn.execute(
            "INSERT INTO packet_conflicts (packet_id, row_number, left_record, right_record, verdict, "
            "note, reviewer, contradicts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (c.packet_id, c.row_number, c.left, c.right, c.verdict, c.note, c.reviewer,
             c.contradicts, c.created_at))
        ids.append(int(cursor.lastrowid or 0))
    return ids


_CONFLICT_SELECT = (
    "SELECT id, packet_id, row_number, left_record, right_record, verdict, coalesce(note, ''), "
    "reviewer, contradicts, created_at, coalesce(resolved_at, ''), coalesce(resolved_by, ''), "
    "coalesce(resolution, '') FROM packet_conflicts")


def open_conflict_rows(store: Store) -> list[ConflictRow]:
    """Conflicts not settled yet, oldest first."""
    rows = store.conn.execute(f"{_CONFLICT_SELECT} WHERE resolved_at IS NULL ORDER BY id")
    return [ConflictRow(*row) for row in rows]


def fetch_conflict(store: Store, conflict_id: int) -> ConflictRow | None:
    row = store.conn.execute(f"{_CONFLICT_SELECT} WHERE id = ?", (conflict_id,)).fetchone()
    return ConflictRow(*row) if row else None


def mark_resolved(store: Store, conflict_id: int, *, resolution: str, resolved_by: str,
                  resolved_at: str) -> None:
    """Record how a conflict was settled; call inside a transaction."""
    store.conn.execute(
        "UPDATE packet_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
        (resolution, resolved_by, resolved_at, conflict_id))


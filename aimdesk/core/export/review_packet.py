"""Review packets in the workspace: export the pairs to review as a registered, signed
packet, and import a filled one back.

A packet is registered under an id (RP-<workspace>-0001) and each row carries a check
keyed with the workspace secret (see `packet_file`), so an import knows the packet is
this workspace's and that no row was edited. A packet decision never silently
overrides a decision in force: a contradiction is kept as a conflict for someone to
settle (`matching.conflicts`).
"""

from __future__ import annotations

import hmac
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from aimdesk.core.errors import AimDeskError, InputFileError, WorkspaceError
from aimdesk.core.export.packet_file import (PACKET_SUFFIXES, SIDE_FIELDS, PacketRow, ReviewPacket,
                                             read_packet, row_check, write_packet_file)
from aimdesk.core.ingest.schemes import scheme_label
from aimdesk.core.matching.decisions import DecisionRequest, pair_key, record_decisions
from aimdesk.core.matching.queue import review_queue
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.matching import DecisionRow, current_decisions
from aimdesk.core.store.packets import (ConflictRow, PacketRecord, WorkspaceIdentity, add_conflicts,
                                        count_packets, fetch_packet, packet_source, packet_verdicts,
                                        register_packet, workspace_identity)
from aimdesk.core.store.records import RecordRow, active_record_ids, fetch_records
from aimdesk.core.store.workspace import Store, timestamp, utc_now

RowStatus = Literal["applied", "skipped", "conflict", "blank"]
ROW_STATUSES: tuple[RowStatus, ...] = ("applied", "skipped", "conflict", "blank")
IMPORTED_BEFORE = "imported before from this packet"


@dataclass(frozen=True, slots=True)
class PacketExport:
    """A packet written and registered."""

    packet_id: str
    rows: int
    path: Path


@dataclass(frozen=True, slots=True)
class PacketRowOutcome:
    """What an import did with one row of a packet."""

    row_number: int
    left: int
    right: int
    verdict: str
    """same / different / unsure, or '' when the row was left blank."""
    status: RowStatus
    reason: str


@dataclass(frozen=True, slots=True)
class PacketImport:
    """What an import did with every row of a packet."""

    packet_id: str
    rows: list[PacketRowOutcome]

    @property
    def counts(self) -> dict[RowStatus, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found[status] for status in ROW_STATUSES}

    @property
    def is_repeat(self) -> bool:
        """The packet had been imported before, and this import changed nothing."""
        counts = self.counts
        return (not counts["applied"] and not counts["conflict"]
                and any(row.reason == IMPORTED_BEFORE for row in self.rows))


def write_review_packet(store: Store, out: Path, *, limit: int | None = None, who: str,
                        members_shown: bool = False,
                        now: Callable[[], datetime] = utc_now) -> PacketExport:
    """Write the review queue to `out` (.csv or .xlsx) as a new registered packet.

    Args:
        limit: at most this many pairs, most useful first.
        who: who exports it (kept in the register).
        members_shown: show members' names instead of neutral labels (Member A, B, …).

    Raises:
        AimDeskError: `out` is neither .csv nor .xlsx, or cannot be written; nothing is
            registered then.
    """
    out = Path(out)
    if out.suffix.lower() not in PACKET_SUFFIXES:
        raise AimDeskError(f"A review packet is a .csv or .xlsx file, not {out.name}.")
    identity = workspace_identity(store)
    with store.transaction():
        packet_id = f"RP-{identity.id[:6]}-{count_packets(store) + 1:04d}"
        rows = _packet_rows(store, packet_id, identity.secret, limit=limit, members_shown=members_shown)
        moment = timestamp(now())
        register_packet(store, PacketRecord(packet_id, moment, who, out.name, len(rows), members_shown))
        try:
            write_packet_file(out, rows, heading=f"Review packet {packet_id}: {len(rows)} pairs, "
                                                 f"made {moment[:10]} by {who}")
        except OSError as error:
            raise AimDeskError(f"Cannot write {out.name} ({error.strerror or error}); "
                               "is it open in Excel?") from None
    return PacketExport(packet_id, len(rows), out)


def _packet_rows(store: Store, packet_id: str, secret: bytes, *, limit: int | None,
                 members_shown: bool) -> list[list[object]]:
    """The rows of a packet in queue order, cells in `packet_file.COLUMNS` order."""
    queue = review_queue(store, limit=limit)
    records = fetch_records(store, sorted({i for item in queue for i in (item.left, item.right)}))
    names = {r.member for r in records.values()}
    labels = {n: n for n in names} if members_shown else _member_labels(names)
    return [[f"{item.left}-{item.right}", item.left, item.right,
             *_side(records[item.left], labels), *_side(records[item.right], labels),
             f"{item.probability:.3f}", _in_words(item.explanation), "", "",
             packet_id, row_check(secret, packet_id, item.left, item.right)] for item in queue]


def _member_labels(names: Iterable[str]) -> dict[str, str]:
    """Neutral member labels (Member A, B, …) so a packet does not show who sent what."""
    return {name: f"Member {_letters(i)}" for i, name in enumerate(sorted(names))}


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def _side(record: RecordRow, labels: dict[str, str]) -> list[object]:
    """One record's cells; members as neutral labels, audit types in words."""
    cells: list[object] = [getattr(record, field) for field in SIDE_FIELDS]
    cells[SIDE_FIELDS.index("member")] = labels[record.member]
    if record.audit_type:
        cells[SIDE_FIELDS.index("audit_type")] = scheme_label(record.audit_type)
    return cells


def _in_words(explanation: list[dict[str, object]]) -> str:
    return "; ".join(f"{c['label']}: {c['level']} ({c['weight']:+})" for c in explanation
                     if c.get("level") != "not compared")


def import_review_packet(store: Store, path: Path, *, reviewer: str,
                         now: Callable[[], datetime] = utc_now) -> PacketImport:
    """Apply the decisions of a filled packet, in one transaction.

    A row is applied when it decides a pair that has no decision in force (or only
    "unsure"); skipped when blank, already decided that way, "unsure" against a
    same/different in force, or brought in before by this very packet; and kept as a
    conflict, not applied, when it contradicts the decision in force. Importing a
    packet twice changes nothing the second time.

    Returns:
        One outcome per row (row number, pair, verdict, status, reason), with counts.

    Raises:
        InputFileError: not a review packet, or a packet without rows.
        WorkspaceError: a packet this workspace did not make.
        AimDeskError: rows whose check does not match (edited or copied from another
            packet), an unclear decision, or a pair decided twice differently; nothing
            is applied then.
    """
    packet = read_packet(path)
    packet_id = _registered_packet_id(store, packet)
    _refuse_unchecked_rows(workspace_identity(store), packet, packet_id)
    _refuse_contradicting_duplicates(packet)
    judged = _judge(store, packet, packet_id)
    moment = now()
    with store.transaction():
        applied = [j.request for j in judged if j.status == "applied"]
        record_decisions(store, applied, reviewer=reviewer, source=packet_source(packet_id), now=lambda: moment,
                         kind="packet", label=f"Packet {packet_id}: {len(applied):,} decisions by {reviewer}")
        conflict_ids = add_conflicts(store, [_conflict(j, packet_id, reviewer, moment) for j in judged
                                             if j.status == "conflict"])
        result = PacketImport(packet_id, _outcomes(judged, conflict_ids))
        log_activity(store, who=reviewer, action="import packet", now=moment,
                     detail={"packet": packet_id, "file": packet.path.name, **result.counts})
    return result


def _registered_packet_id(store: Store, packet: ReviewPacket) -> str:
    """The packet id all rows carry, known to this workspace's register."""
    name = packet.path.name
    ids = Counter(row.packet_id for row in packet.rows)
    if not ids:
        raise InputFileError(f"{name} holds no pairs; there is nothing to import.")
    packet_id = ids.most_common(1)[0][0]
    strays = [row.number for row in packet.rows if row.packet_id != packet_id]
    if not packet_id:
        raise InputFileError(f"{name} is not a review packet exported by AIMDesk: its rows carry no packet id.")
    if strays:
        raise AimDeskError(f"{_rows(strays)} of {name} come from another packet than {packet_id}; "
                           "rows of packets cannot be mixed, so nothing was imported.")
    if fetch_packet(store, packet_id) is None:
        raise WorkspaceError(f"{name} (packet {packet_id}) was made by another workspace, not "
                             f"{store.path.name}; import it into the workspace that exported it.")
    return packet_id


def _refuse_unchecked_rows(identity: WorkspaceIdentity, packet: ReviewPacket, packet_id: str) -> None:
    bad = [row.number for row in packet.rows if not hmac.compare_digest(
        row.check.encode(), row_check(identity.secret, packet_id, row.left, row.right).encode())]
    if bad:
        raise AimDeskError(
            f"{_rows(bad)} of {packet.path.name} do not match their check (a record id was edited "
            "or the row was copied from another packet), so nothing was imported; ask for the "
            "packet as it was sent, with only the decision and note columns filled in.")


def _refuse_contradicting_duplicates(packet: ReviewPacket) -> None:
    first: dict[tuple[int, int], PacketRow] = {}
    for row in packet.rows:
        key = pair_key(row.left, row.right)
        earlier = first.setdefault(key, row)
        if row.verdict and earlier.verdict and earlier.verdict != row.verdict:
            raise AimDeskError(
                f"Rows {earlier.number} and {row.number} of {packet.path.name} decide records {key[0]} "
                f"and {key[1]} differently ({earlier.verdict}, {row.verdict}); keep one and import it again.")


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
    return f"Row {shown}" if len(numbers) == 1 else f"Rows {shown}"


@dataclass(frozen=True, slots=True)
class _Judged:
    row: PacketRow
    status: RowStatus
    reason: str
    in_force: DecisionRow | None = None

    @property
    def request(self) -> DecisionRequest:
        assert self.row.verdict is not None
        return DecisionRequest(self.row.left, self.row.right, self.row.verdict, self.row.note)


def _judge(store: Store, packet: ReviewPacket, packet_id: str) -> list[_Judged]:
    """What to do with each row, against the decisions in force now."""
    in_force = current_decisions(store)
    brought_before = packet_verdicts(store, packet_id)
    active = active_record_ids(store, {i for row in packet.rows for i in (row.left, row.right)})
    seen: dict[tuple[int, int], int] = {}
    judged = []
    for row in packet.rows:
        key = pair_key(row.left, row.right)
        if row.verdict and key in seen:
            judged.append(_Judged(row, "skipped", f"same pair as row {seen[key]}"))
            continue
        if row.verdict:
            seen[key] = row.number
        judged.append(_judge_row(row, key, in_force.get(key), brought_before, active))
    return judged


def _judge_row(row: PacketRow, key: tuple[int, int], decision: DecisionRow | None,
               brought_before: set[tuple[int, int, str]], active: set[int]) -> _Judged:
    verdict = row.verdict
    if verdict is None:
        return _Judged(row, "blank", "no decision" + ("; its note was not kept" if row.note else ""))
    inactive = [i for i in key if i not in active]
    if inactive:
        return _Judged(row, "skipped", f"record {inactive[0]} is no longer active (its list was replaced)")
    if (*key, verdict) in brought_before:
        return _Judged(row, "skipped", IMPORTED_BEFORE)
    if decision is None:
        return _Judged(row, "applied", "new decision")
    if decision.verdict == verdict:
        return _Judged(row, "skipped", f"already decided {verdict} ({_by(decision)})")
    if verdict == "unsure":
        return _Judged(row, "skipped", f"'unsure' does not override {decision.verdict} ({_by(decision)})")
    if decision.verdict == "unsure":
        return _Judged(row, "applied", f"replaces unsure ({_by(decision)})")
    return _Judged(row, "conflict", f"contradicts {decision.verdict} in force ({_by(decision)})", decision)


def _by(decision: DecisionRow) -> str:
    return f"{decision.reviewer or 'unknown'}, {decision.decided_at[:10]}, decision #{decision.id}"


def _conflict(judged: _Judged, packet_id: str, reviewer: str, moment: datetime) -> ConflictRow:
    row, decision = judged.row, judged.in_force
    assert row.verdict is not None and decision is not None
    left, right = pair_key(row.left, row.right)
    return ConflictRow(0, packet_id, row.number, left, right, row.verdict, row.note, reviewer,
                       decision.id, timestamp(moment), "", "", "")


def _outcomes(judged: list[_Judged], conflict_ids: list[int]) -> list[PacketRowOutcome]:
    ids = iter(conflict_ids)
    return [PacketRowOutcome(j.row.number, j.row.left, j.row.right, j.row.verdict or "", j.status,
                             f"{j.reason}; kept as conflict #{next(ids)}" if j.status == "conflict" else j.reason)
            for j in judged]

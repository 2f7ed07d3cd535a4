"""Adjudication: packet rows that contradicted the decision in force wait here until
someone chooses which verdict holds. Settling one records that verdict through the
decision log (choosing the verdict already in force only closes the conflict)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.decisions import DecisionOutcome, DecisionRequest, Verdict, record_decisions
from aimdesk.core.matching.queue import ReviewItem
from aimdesk.core.store.matching import DecisionRow, current_decisions, pair_scores
from aimdesk.core.store.packets import ConflictRow, fetch_conflict, mark_resolved, open_conflict_rows
from aimdesk.core.store.workspace import Store, timestamp, utc_now

SETTLING_VERDICTS = ("same", "different")


@dataclass(frozen=True, slots=True)
class Conflict:
    """An open conflict: what the packet row proposed, by whom and when, beside the
    decision in force on the pair now (None if it was withdrawn since)."""

    id: int
    packet_id: str
    row_number: int
    left: int
    right: int
    proposed: str
    proposed_by: str
    proposed_at: str
    proposed_note: str
    in_force: DecisionRow | None
    contradicts: int
    """The id of the decision that was in force when the packet was imported."""


def open_conflicts(store: Store) -> list[Conflict]:
    """The conflicts nobody has settled yet, oldest first."""
    in_force = current_decisions(store)
    return [_conflict(row, in_force.get((row.left, row.right))) for row in open_conflict_rows(store)]


def conflict_items(store: Store, conflicts: list[Conflict]) -> list[ReviewItem]:
    """The conflicts as items the review screen shows side by side (with the pair's last
    score, when a run kept it)."""
    scores = pair_scores(store, [(c.left, c.right) for c in conflicts])
    items = []
    for conflict in conflicts:
        score = scores.get((conflict.left, conflict.right))
        items.append(ReviewItem(
            conflict.left, conflict.right, score.probability if score else 0.0,
            score.band if score else "", False, 0.0,
            conflict.in_force.verdict if conflict.in_force else "", score.explanation_json if score else "[]"))
    return items


def _conflict(row: ConflictRow, decision: DecisionRow | None) -> Conflict:
    return Conflict(row.id, row.packet_id, row.row_number, row.left, row.right, row.verdict,
                    row.reviewer, row.created_at, row.note, decision, row.contradicts)


def resolve_conflict(store: Store, conflict_id: int, verdict: Verdict, *, who: str,
                     now: Callable[[], datetime] = utc_now) -> DecisionOutcome:
    """Settle a conflict with `verdict`, recorded as `who`'s decision on the pair.

    Returns:
        What became of the decision (already in force: `unchanged`).

    Raises:
        AimDeskError: no such conflict, already settled, or a verdict other than same /
            different.
    """
    if verdict not in SETTLING_VERDICTS:
        raise AimDeskError(f"A conflict is settled with same or different, not '{verdict}'.")
    row = fetch_conflict(store, conflict_id)
    if row is None:
        raise AimDeskError(f"There is no conflict #{conflict_id} in this workspace; "
                           "list the open ones with 'review conflicts'.")
    if row.resolved_at:
        raise AimDeskError(f"Conflict #{conflict_id} was already settled ({row.resolution}) by "
                           f"{row.resolved_by} on {row.resolved_at[:10]}.")
    moment = now()
    note = f"settles conflict #{conflict_id} (packet {row.packet_id}, row {row.row_number})"
    with store.transaction():
        outcome = record_decisions(store, [DecisionRequest(row.left, row.right, verdict, note)],
                                   reviewer=who, source=f"conflict #{conflict_id}", now=lambda: moment)
        mark_resolved(store, conflict_id, resolution=verdict, resolved_by=who, resolved_at=timestamp(moment))
    return outcome

"""Undo and redo of user actions through the append-only decision log (STYLE.md rule 9).

Each user action logged its decisions as one batch (`decisions.record_decisions`). Undo
appends, for every pair of the latest action not undone, the verdict in force before it
("withdrawn" when there was none); redo appends the action's verdicts again. Nothing is
deleted, and the history lives in the workspace, so Undo works in the next session too.

Which action Undo and Redo would take follows from the batches in order, as an editor's
undo stack: an action is pushed and empties the redo stack, an undo moves the top action
to the redo stack, a redo moves it back. Both bring the sites up to date
(`apply_decisions`) in the same transaction.

Example:
    >>> decide(store, 12, 15, "same", reviewer="ana")
    >>> undo_status(store)
    ('Same: Sunrise Garment ↔ SUNRISE GARMENTS', None)
    >>> undo(store, who="ana")
    'Same: Sunrise Garment ↔ SUNRISE GARMENTS'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from aimdesk.core.matching.decisions import DecisionRequest, log_batch
from aimdesk.core.matching.run import apply_decisions
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.matching import (WITHDRAWN, BatchRow, DecisionRow, batch_decisions, list_batches,
                                         pair_decisions)
from aimdesk.core.store.workspace import Store, utc_now


def undo_status(store: Store) -> tuple[str | None, str | None]:
    """What Undo and Redo would take back or apply again, as the actions' labels
    ("Same: Sunrise Garment ↔ SUNRISE GARMENTS", "Merge S000012 and S000034"); None
    when there is nothing to undo or redo."""
    batches = list_batches(store)
    done, undone = _stacks(batches)
    by_id = {batch.id: batch for batch in batches}
    return (_action(by_id, done[-1]).label if done else None,
            _action(by_id, undone[-1]).label if undone else None)


def undo_pairs(store: Store) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The pairs Undo and Redo would change, so a review screen can show them again."""
    batches = list_batches(store)
    done, undone = _stacks(batches)
    by_id = {batch.id: batch for batch in batches}
    return (_pairs(store, done[-1].id) if done else [],
            _pairs(store, _action(by_id, undone[-1]).id) if undone else [])


def _pairs(store: Store, batch_id: int) -> list[tuple[int, int]]:
    return sorted({(d.left, d.right) for d in batch_decisions(store, batch_id)})


def undo(store: Store, *, who: str, now: Callable[[], datetime] = utc_now,
         progress: Progress | None = None, cancel: CancelToken | None = None) -> str | None:
    """Take back the latest action not undone, and bring the sites up to date.

    Args:
        who: the person undoing (logged with the restoring decisions).

    Returns:
        The label of the action undone; None when there was nothing to undo.

    Raises:
        Cancelled: `cancel` was set during the re-clustering; nothing was undone.
    """
    with store.transaction():
        batches = list_batches(store)
        done, _ = _stacks(batches)
        if not done:
            return None
        target, action = done[-1], _action({b.id: b for b in batches}, done[-1])
        log_batch(store, _restoring(store, batch_decisions(store, target.id)), who=who, source="undo",
                  kind="undo", label=f"Undo: {action.label}", moment=now(), undoes=target.id)
        apply_decisions(store, who=who, now=now, progress=progress, cancel=cancel)
    return action.label


def redo(store: Store, *, who: str, now: Callable[[], datetime] = utc_now,
         progress: Progress | None = None, cancel: CancelToken | None = None) -> str | None:
    """Apply again the action undone last, unless a new action came since; then bring
    the sites up to date.

    Returns:
        The label of the action applied again; None when there was nothing to redo.

    Raises:
        Cancelled: `cancel` was set during the re-clustering; nothing was redone.
    """
    with store.transaction():
        batches = list_batches(store)
        _, undone = _stacks(batches)
        if not undone:
            return None
        action = _action({b.id: b for b in batches}, undone[-1])
        log_batch(store, _final_verdicts(batch_decisions(store, action.id)), who=who, source="redo",
                  kind="redo", label=f"Redo: {action.label}", moment=now(), redoes=action.id)
        apply_decisions(store, who=who, now=now, progress=progress, cancel=cancel)
    return action.label


def _stacks(batches: Sequence[BatchRow]) -> tuple[list[BatchRow], list[BatchRow]]:
    """The undo stack (actions and redos in force) and the redo stack (batches undone)."""
    done: list[BatchRow] = []
    undone: list[BatchRow] = []
    for batch in batches:
        if batch.kind == "undo":
            if done:
                undone.append(done.pop())
        elif batch.kind == "redo":
            if undone:
                undone.pop()
                done.append(batch)
        else:
            done.append(batch)
            undone.clear()
    return done, undone


def _action(by_id: dict[int, BatchRow], batch: BatchRow) -> BatchRow:
    """The user action behind a batch: a redo stands for the action it applied again."""
    return by_id[batch.redoes] if batch.kind == "redo" and batch.redoes is not None else batch


def _restoring(store: Store, decisions: Sequence[DecisionRow]) -> list[DecisionRequest]:
    """For each pair of `decisions`, the verdict (and note) in force before the first of them."""
    if not decisions:
        return []
    first = decisions[0].id
    pairs = sorted({(d.left, d.right) for d in decisions})
    before: dict[tuple[int, int], DecisionRow] = {}
    for decision in pair_decisions(store, pairs):
        if decision.id < first:
            before[(decision.left, decision.right)] = decision
    return [DecisionRequest(*pair, before[pair].verdict, before[pair].note) if pair in before  # type: ignore[arg-type]
            else DecisionRequest(*pair, WITHDRAWN) for pair in pairs]


def _final_verdicts(decisions: Sequence[DecisionRow]) -> list[DecisionRequest]:
    """The last verdict (and note) `decisions` gave each pair."""
    last = {(d.left, d.right): d for d in decisions}
    return [DecisionRequest(d.left, d.right, d.verdict, d.note) for d in last.values()]  # type: ignore[arg-type]

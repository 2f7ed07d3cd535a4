"""Reviewers' decisions on pairs: "same", "different" or "unsure", kept in an append-only
log with who and when. The latest decision on a pair is the one in force; matching never
overrides it, and a pair decided "different" is never proposed again.

Every user action (a decision, a packet import, a site edit, an undo, a redo) logs its
decisions as one batch with a label in plain words, so Undo takes an action back whole
(`undo.py`). Undo and the site editor may log "withdrawn": no decision in force, the pair
counts as never decided. Reviewers cannot write it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Literal, get_args

from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.matching import (
    WITHDRAWN, DecisionRow, append_batch, append_decision, decisions_touching, latest_decisions,
    list_batches, pair_decisions,
)
from aimdesk.core.store.records import active_record_ids, fetch_records
from aimdesk.core.store.sites import site_record_ids
from aimdesk.core.store.workspace import Store, timestamp, utc_now

Verdict = Literal["same", "different", "unsure"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
LoggedVerdict = Literal["same", "different", "unsure", "withdrawn"]
"""What the log holds: a reviewer's verdict, or `WITHDRAWN`."""
BatchKind = Literal["decision", "packet", "move", "split", "merge", "undo", "redo"]
HistoryStatus = Literal["in force", "superseded", "undone"]
LABEL_NAME_LENGTH = 40
"""Record names in a batch label are cut to this many characters."""


def pair_key(left: int, right: int) -> tuple[int, int]:
    """Pairs are kept smaller id first."""
    return (left, right) if left < right else (right, left)


def parse_verdict(text: str) -> Verdict | None:
    """A reviewer's word as a verdict ('Same', ' different ', 'u'); None when blank."""
    word = text.strip().lower()
    if not word:
        return None
    for verdict in VERDICTS:
        if verdict.startswith(word) and len(word) >= 1:
            return verdict  # type: ignore[return-value]
    raise AimDeskError(f"'{text}' is not a decision; write one of {', '.join(VERDICTS)}.")


@dataclass(frozen=True, slots=True)
class DecisionRequest:
    """One decision to record: a pair, a verdict and the reviewer's note."""

    left: int
    right: int
    verdict: LoggedVerdict
    note: str = ""


@dataclass(frozen=True, slots=True)
class DecisionOutcome:
    """What became of a batch of decisions."""

    applied: list[DecisionRequest]
    unchanged: list[DecisionRequest]
    """Already decided that way: nothing added."""
    changed: list[tuple[DecisionRequest, DecisionRow]]
    """Decided otherwise before: the new decision is in force; the old one is listed."""
    batch_id: int | None = None
    """The batch logged (None when nothing changed)."""
    label: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One decision of the log as the history shows it."""

    decision: DecisionRow
    batch_label: str
    """The user action it was part of ("" for decisions logged before batches existed)."""
    status: HistoryStatus
    """"undone" when Undo took its action back, "superseded" when a later decision on the
    pair replaced it, otherwise "in force"."""


def record_decisions(store: Store, requests: Sequence[DecisionRequest], *, reviewer: str,
                     source: str, now: Callable[[], datetime] = utc_now,
                     kind: BatchKind = "decision", label: str | None = None) -> DecisionOutcome:
    """Record reviewers' decisions in one transaction, as one user action for Undo.

    Args:
        requests: the decisions; those already in force are left out.
        reviewer: who decided.
        source: where the decisions came from ("cli", "packet RP-…", "site editor").
        kind: what the user did, for the history.
        label: the action in plain words; by default the decision itself
            ("Same: Sunrise Garment ↔ SUNRISE GARMENTS") or a count.

    Raises:
        AimDeskError: a record does not exist or is paired with itself; nothing is recorded.
    """
    _check_records(store, requests)
    return log_batch(store, requests, who=reviewer, source=source, kind=kind,
                     label=label or _describe(store, requests, source), moment=now())


def log_batch(store: Store, requests: Sequence[DecisionRequest], *, who: str, source: str,
              kind: BatchKind, label: str, moment: datetime, undoes: int | None = None,
              redoes: int | None = None) -> DecisionOutcome:
    """Append the requests that change the verdict in force, as one batch. An undo or a
    redo is logged even when it changes nothing, so that the next Undo moves on."""
    applied: list[DecisionRequest] = []
    unchanged: list[DecisionRequest] = []
    changed: list[tuple[DecisionRequest, DecisionRow]] = []
    new_batch = partial(append_batch, store, kind=kind, label=label, who=who, at=timestamp(moment),
                        undoes=undoes, redoes=redoes)
    batch_id = None
    with store.transaction():
        latest = latest_decisions(store, [pair_key(r.left, r.right) for r in requests])
        for request in requests:
            key = pair_key(request.left, request.right)
            before = latest.get(key)
            if (before.verdict if before else WITHDRAWN) == request.verdict:
                unchanged.append(request)
                continue
            batch_id = batch_id or new_batch()
            decision_id = append_decision(
                store, left=key[0], right=key[1], verdict=request.verdict, reviewer=who,
                decided_at=timestamp(moment), note=request.note, source=source,
                supersedes=before.id if before else None, batch_id=batch_id)
            latest[key] = DecisionRow(decision_id, key[0], key[1], request.verdict, who,
                                      timestamp(moment), request.note, source, batch_id)
            if before is None or before.verdict == WITHDRAWN:
                applied.append(request)
            else:
                changed.append((request, before))
        if batch_id is None and kind in ("undo", "redo"):
            batch_id = new_batch()
        if applied or changed:
            log_activity(store, who=who, action="decide", now=moment, detail={
                "source": source, "applied": len(applied), "changed": len(changed),
                "kind": kind, "label": label})
    return DecisionOutcome(applied, unchanged, changed, batch_id, label)


def _describe(store: Store, requests: Sequence[DecisionRequest], source: str) -> str:
    """A batch in plain words: the decision with both records' names when there is one,
    else how many and where they came from."""
    if len(requests) != 1:
        return f"{len(requests):,} decisions ({source})"
    request = requests[0]
    rows = fetch_records(store, [request.left, request.right])
    names = [_short(rows[i].site_name if i in rows else f"record {i}") for i in (request.left, request.right)]
    return f"{request.verdict.capitalize()}: {names[0]} ↔ {names[1]}"


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= LABEL_NAME_LENGTH else name[:LABEL_NAME_LENGTH - 1] + "…"


def _check_records(store: Store, requests: Sequence[DecisionRequest]) -> None:
    ids = {i for r in requests for i in (r.left, r.right)}
    for request in requests:
        if request.left == request.right:
            raise AimDeskError(f"Record {request.left} cannot be compared with itself.")
    missing = ids - active_record_ids(store, ids)
    if missing:
        raise AimDeskError(f"There is no active record {min(missing)} in this workspace.")


def decide(store: Store, left: int, right: int, verdict: Verdict, *, reviewer: str,
           note: str = "", source: str = "cli",
           now: Callable[[], datetime] = utc_now) -> DecisionOutcome:
    """Record one reviewer's decision on a pair of records (see `record_decisions`)."""
    return record_decisions(store, [DecisionRequest(left, right, verdict, note)],
                            reviewer=reviewer, source=source, now=now)


def pair_history(store: Store, left: int, right: int) -> list[HistoryEntry]:
    """Every decision logged on a pair, newest first: when, who, verdict, note, source,
    the user action it was part of, and whether it was later undone or superseded."""
    return _history(store, pair_decisions(store, [pair_key(left, right)]))


def site_history(store: Store, site_id: int) -> list[HistoryEntry]:
    """Every decision logged on a pair with one of the site's active records (internal
    site id), newest first, as `pair_history` gives them."""
    return records_history(store, site_record_ids(store, site_id))


def records_history(store: Store, record_ids: Iterable[int]) -> list[HistoryEntry]:
    """Every decision logged on a pair with one of these records, newest first, as
    `pair_history` gives them."""
    return _history(store, decisions_touching(store, record_ids))


def _history(store: Store, decisions: Sequence[DecisionRow]) -> list[HistoryEntry]:
    """`decisions`: oldest first, every decision of each pair they touch."""
    batches = {batch.id: batch for batch in list_batches(store)}
    undone = {batch.undoes for batch in batches.values() if batch.kind == "undo"}
    latest = {(d.left, d.right): d.id for d in decisions}
    entries = []
    for decision in reversed(decisions):
        batch = batches.get(decision.batch_id or 0)
        status: HistoryStatus = ("undone" if batch and batch.id in undone else
                                 "in force" if latest[(decision.left, decision.right)] == decision.id
                                 else "superseded")
        entries.append(HistoryEntry(decision, batch.label if batch else "", status))
    return entries

"""Reviewers' decisions on pairs: "same", "different" or "unsure", kept in an append-only
log with who and when. The latest decision on a pair is the one in force; matching never
overrides it, and a pair decided "different" is never proposed again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.matching import DecisionRow, append_decision, current_decisions
from aimdesk.core.store.records import active_record_ids
from aimdesk.core.store.workspace import Store, timestamp, utc_now

Verdict = Literal["same", "different", "unsure"]
VERDICTS: tuple[str, ...] = get_args(Verdict)


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
    verdict: Verdict
    note: str = ""


@dataclass(frozen=True, slots=True)
class DecisionOutcome:
    """What became of a batch of decisions."""

    applied: list[DecisionRequest]
    unchanged: list[DecisionRequest]
    """Already decided that way: nothing added."""
    changed: list[tuple[DecisionRequest, DecisionRow]]
    """Decided otherwise before: the new decision is in force; the old one is listed."""


def record_decisions(store: Store, requests: Sequence[DecisionRequest], *, reviewer: str,
                     source: str, now: Callable[[], datetime] = utc_now) -> DecisionOutcome:
    """Record reviewers' decisions in one transaction.

    Raises:
        AimDeskError: a record does not exist or is paired with itself; nothing is recorded.
    """
    _check_records(store, requests)
    in_force = current_decisions(store)
    moment = now()
    applied, unchanged, changed = [], [], []
    with store.transaction():
        for request in requests:
            key = pair_key(request.left, request.right)
            before = in_force.get(key)
            if before is not None and before.verdict == request.verdict:
                unchanged.append(request)
                continue
            decision_id = append_decision(
                store, left=key[0], right=key[1], verdict=request.verdict, reviewer=reviewer,
                decided_at=timestamp(moment), note=request.note, source=source,
                supersedes=before.id if before else None)
            in_force[key] = DecisionRow(decision_id, key[0], key[1], request.verdict, reviewer,
                                        timestamp(moment), request.note, source)
            (changed.append((request, before)) if before else applied.append(request))
        if applied or changed:
            log_activity(store, who=reviewer, action="decide", now=moment, detail={
                "source": source, "applied": len(applied), "changed": len(changed)})
    return DecisionOutcome(applied, unchanged, changed)


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

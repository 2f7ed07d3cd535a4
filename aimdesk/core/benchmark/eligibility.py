"""Mutual-recognition status: who may take part, and why not.

A member is eligible for a kind (on-site audits, or virtual assessments) when it signed that
kind's mutual-recognition statement AND its latest benchmark result of that kind passed.
The latest result is the newest by date among the latest revisions of its AIMDesk
assessments and the results recorded by hand (benchmarks done before AIMDesk). A member
with nothing recorded is not eligible; the common document leaves its records out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from aimdesk.core.benchmark.assessments import (AssessmentSummary, assessment_score, get_assessment,
                                                list_assessments, percent)
from aimdesk.core.benchmark.model import KINDS, Kind
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.benchmarks import (insert_recorded_benchmark, insert_statement, latest_recorded_benchmark,
                                           latest_statement)
from aimdesk.core.store.members import list_members, member_name
from aimdesk.core.store.workspace import Store, timestamp, utc_now

KIND_WORDS: dict[Kind, str] = {"audit": "audit", "virtual": "virtual-assessment"}
"""How reasons name a kind: "no signed audit statement", "no signed virtual-assessment statement"."""

HAND_RECORDED = "recorded by hand"


@dataclass(frozen=True, slots=True)
class Statement:
    """A signed mutual-recognition statement (the latest recorded for its kind counts)."""

    kind: Kind
    signed_on: str
    signatory: str


@dataclass(frozen=True, slots=True)
class BenchmarkResult:
    """A member's benchmark outcome for one kind, from AIMDesk or recorded by hand."""

    kind: Kind
    passed: bool
    on: str
    """The date of the benchmark (YYYY-MM-DD)."""
    commonality: float | None
    """None for a result recorded by hand."""
    source: str
    """"assessment 3, revision 2" or "recorded by hand"."""


@dataclass(frozen=True, slots=True)
class MemberStatus:
    """A member's mutual-recognition status for both kinds, with the reasons it is not
    eligible in plain words (empty when eligible for both)."""

    member_id: int
    member: str
    audit_statement: Statement | None
    virtual_statement: Statement | None
    audit_benchmark: BenchmarkResult | None
    virtual_benchmark: BenchmarkResult | None
    eligible: bool
    """Eligible for mutual recognition of on-site audits."""
    virtual_eligible: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Standing:
    """A member's status for one kind."""

    statement: Statement | None
    result: BenchmarkResult | None
    reasons: tuple[str, ...]

    @property
    def is_eligible(self) -> bool:
        return self.statement is not None and self.result is not None and self.result.passed


def member_status(store: Store, member_id: int) -> MemberStatus:
    """The mutual-recognition status of one member.

    Raises:
        WorkspaceError: there is no such member.
    """
    return _status(store, member_id, member_name(store, member_id), list_assessments(store))


def member_statuses(store: Store) -> list[MemberStatus]:
    """The status of every member, by name."""
    summaries = list_assessments(store)
    return [_status(store, m.id, m.name, summaries) for m in list_members(store)]


def eligible_member_ids(store: Store, kind: Kind = "audit") -> set[int]:
    """The members eligible for mutual recognition of `kind`: the common document keeps
    only their records."""
    summaries = list_assessments(store)
    return {m.id for m in list_members(store) if _standing(store, m.id, kind, summaries).is_eligible}


def not_eligible_note(store: Store, member_id: int) -> str | None:
    """What to tell whoever imports a list from a member not (yet) eligible for mutual
    recognition of audits, or None when it is."""
    standing = _standing(store, member_id, "audit", list_assessments(store))
    if standing.is_eligible:
        return None
    return (f"Note: {member_name(store, member_id)} is not eligible for mutual recognition yet "
            f"({'; '.join(standing.reasons)}); its records are kept but left out of the common "
            "document until it is.")


def _status(store: Store, member_id: int, name: str, summaries: list[AssessmentSummary]) -> MemberStatus:
    audit, virtual = (_standing(store, member_id, kind, summaries) for kind in KINDS)
    return MemberStatus(member_id, name, audit.statement, virtual.statement, audit.result, virtual.result,
                        audit.is_eligible, virtual.is_eligible, audit.reasons + virtual.reasons)


def _standing(store: Store, member_id: int, kind: Kind, summaries: list[AssessmentSummary]) -> _Standing:
    signed = latest_statement(store, member_id, kind)
    statement = Statement(kind, *signed) if signed else None
    result, why_failed = _latest_result(store, member_id, kind, summaries)
    reasons = [] if statement else [f"no signed {KIND_WORDS[kind]} statement"]
    if result is None:
        reasons.append(f"no {KIND_WORDS[kind]} benchmark yet")
    reasons += why_failed
    return _Standing(statement, result, tuple(reasons))


def _latest_result(store: Store, member_id: int, kind: Kind,
                   summaries: list[AssessmentSummary]) -> tuple[BenchmarkResult | None, list[str]]:
    """The newest result by date (then by when it was saved), and why it failed (if it did)."""
    own = [s for s in summaries if s.member_id == member_id and s.kind == kind]
    newest = max(own, key=lambda s: s.saved_at, default=None)
    by_hand = latest_recorded_benchmark(store, member_id, kind)
    if by_hand is not None and (newest is None or (by_hand.passed_on, by_hand.recorded_at)
                                > (newest.saved_at[:10], newest.saved_at)):
        return BenchmarkResult(kind, True, by_hand.passed_on, None, HAND_RECORDED), []
    if newest is None:
        return None, []
    result = BenchmarkResult(kind, newest.passed, newest.saved_at[:10], newest.commonality,
                             f"assessment {newest.id}, revision {newest.revision}")
    return result, [] if newest.passed else _why_failed(store, newest)


def _why_failed(store: Store, summary: AssessmentSummary) -> list[str]:
    score = assessment_score(store, get_assessment(store, summary.id, summary.revision))
    protocol = " ".join(filter(None, (summary.protocol, summary.protocol_version)))
    reasons = []
    if score.overall is None:
        reasons.append(f"benchmark of {protocol} has no applicable criterion")
    elif score.overall < score.threshold:
        reasons.append(f"benchmark of {protocol} at {percent(score.overall)} is below {score.threshold * 100:g} %")
    if score.core_blocks and score.core_not_covered:
        ids = ", ".join(c.id for c in score.core_not_covered)
        reasons.append(f"benchmark of {protocol} leaves core criteria not covered ({ids})")
    return reasons


def record_statement(store: Store, member_id: int, kind: Kind, *, signed_on: str, signatory: str, who: str,
                     now: Callable[[], datetime] = utc_now) -> None:
    """Record that a member signed the mutual-recognition statement for `kind` (the latest
    recorded counts; earlier ones stay in the history).

    Raises:
        AimDeskError: unknown member or kind, or `signed_on` is not a date (YYYY-MM-DD).
    """
    signed_on = _check(store, member_id, kind, signed_on, "the signing date")
    moment = now()
    with store.transaction():
        insert_statement(store, member_id, kind, signed_on=signed_on, signatory=" ".join(signatory.split()),
                         recorded_at=timestamp(moment), recorded_by=who)
        log_activity(store, who=who, action="record statement", now=moment, detail={
            "member": member_name(store, member_id), "kind": kind, "signed_on": signed_on,
            "signatory": signatory})


def record_benchmark_result(store: Store, member_id: int, kind: Kind, *, passed_on: str, who: str,
                            note: str = "", now: Callable[[], datetime] = utc_now) -> None:
    """Record a benchmark the member passed outside AIMDesk (in the forum's earlier web tool).

    Raises:
        AimDeskError: unknown member or kind, or `passed_on` is not a date (YYYY-MM-DD).
    """
    passed_on = _check(store, member_id, kind, passed_on, "the benchmark date")
    moment = now()
    with store.transaction():
        insert_recorded_benchmark(store, member_id, kind, passed_on=passed_on, note=note,
                                  recorded_at=timestamp(moment), recorded_by=who)
        log_activity(store, who=who, action="record benchmark", now=moment, detail={
            "member": member_name(store, member_id), "kind": kind, "passed_on": passed_on, "note": note})


def _check(store: Store, member_id: int, kind: Kind, day: str, what: str) -> str:
    """Refuse an unknown member or kind, or a day that is not YYYY-MM-DD; returns the day."""
    member_name(store, member_id)
    if kind not in KINDS:
        raise AimDeskError(f"The kind is one of {', '.join(KINDS)}, not {kind!r}.")
    return parse_day(day, what)


def parse_day(text: str, what: str = "the date") -> str:
    """`text` as a YYYY-MM-DD date.

    Raises:
        AimDeskError: it is not a real date written YYYY-MM-DD.
    """
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        pass
    raise AimDeskError(f"{what.capitalize()} '{text}' is not a real date written YYYY-MM-DD.")

"""Mutual-recognition eligibility: a signed statement AND a passed latest benchmark, per kind."""

from __future__ import annotations

import sqlite3

import pytest

from aimdesk.core.benchmark.assessments import set_benchmark_settings
from aimdesk.core.benchmark.catalogues import save_catalogue_version
from aimdesk.core.benchmark.eligibility import (BenchmarkResult, Statement, eligible_member_ids, member_status,
                                                member_statuses, not_eligible_note, record_benchmark_result,
                                                record_statement)
from aimdesk.core.benchmark.model import Settings
from aimdesk.core.errors import AimDeskError, WorkspaceError
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.workspace import Store
from tests.core.test_benchmark_assessments import MINI, add_member, clock, save

PASSING = {"A1": "covered", "A2": "covered", "B1": "covered", "B2": "covered"}
FAILING = {"A1": "covered", "A2": "covered", "B1": "partly", "B2": "not covered"}  # 3.5 / 5 = 70 %


@pytest.fixture
def member(store: Store) -> int:
    save_catalogue_version(store, MINI, who="secretariat")
    return add_member(store)


def sign(store: Store, member_id: int, kind: str = "audit", day: str = "2024-01-01") -> None:
    record_statement(store, member_id, kind, signed_on=day, signatory="Jo Smith", who="ana")  # type: ignore[arg-type]


def test_a_member_with_nothing_recorded_is_not_eligible(store: Store, member: int) -> None:
    status = member_status(store, member)
    assert (status.member, status.eligible, status.virtual_eligible) == ("Acme Foods", False, False)
    assert status.reasons == ("no signed audit statement", "no audit benchmark yet",
                              "no signed virtual-assessment statement", "no virtual-assessment benchmark yet")
    assert eligible_member_ids(store) == set()
    assert not_eligible_note(store, member) == (
        "Note: Acme Foods is not eligible for mutual recognition yet (no signed audit statement; no audit "
        "benchmark yet); its records are kept but left out of the common document until it is.")


def test_a_statement_alone_is_not_enough(store: Store, member: int) -> None:
    sign(store, member)
    status = member_status(store, member)
    assert status.audit_statement == Statement("audit", "2024-01-01", "Jo Smith") and not status.eligible
    assert status.reasons[0] == "no audit benchmark yet"


def test_a_benchmark_alone_is_not_enough(store: Store, member: int) -> None:
    record_benchmark_result(store, member, "audit", passed_on="2023-06-30", who="ana", note="web tool")
    status = member_status(store, member)
    assert status.audit_benchmark == BenchmarkResult("audit", True, "2023-06-30", None, "recorded by hand")
    assert not status.eligible and status.reasons[0] == "no signed audit statement"


def test_a_statement_and_a_passed_benchmark_make_a_member_eligible(store: Store, member: int) -> None:
    sign(store, member)
    passed = save(store, member, PASSING, day="2026-03-01")
    status = member_status(store, member)
    assert status.eligible and not status.virtual_eligible
    assert status.audit_benchmark == BenchmarkResult("audit", True, "2026-03-01", 1.0,
                                                     f"assessment {passed.id}, revision 1")
    assert eligible_member_ids(store) == {member} and eligible_member_ids(store, "virtual") == set()
    assert not_eligible_note(store, member) is None


def test_a_failed_latest_benchmark_after_an_earlier_pass_is_not_eligible(store: Store, member: int) -> None:
    sign(store, member)
    record_benchmark_result(store, member, "audit", passed_on="2024-01-01", who="ana")
    assert member_status(store, member).eligible
    failed = save(store, member, FAILING, day="2026-03-01", protocol="Acme Code")
    status = member_status(store, member)
    assert not status.eligible and status.audit_benchmark is not None
    assert (status.audit_benchmark.passed, status.audit_benchmark.source) == (
        False, f"assessment {failed.id}, revision 1")
    assert status.reasons[0] == "benchmark of Acme Code 2.1 at 70.0 % is below 85 %"
    record_benchmark_result(store, member, "audit", passed_on="2026-05-01", who="ana")  # passed again, later
    assert member_status(store, member).eligible


def test_the_latest_revision_of_an_assessment_counts(store: Store, member: int) -> None:
    sign(store, member)
    passed = save(store, member, PASSING, day="2026-03-01")
    save(store, member, FAILING, assessment_id=passed.id, day="2026-04-01")
    assert not member_status(store, member).eligible
    save(store, member, PASSING, assessment_id=passed.id, day="2026-05-01")
    assert member_status(store, member).eligible


def test_an_uncovered_core_criterion_is_a_reason_when_it_blocks(store: Store, member: int) -> None:
    sign(store, member)
    save(store, member, {"A1": "not covered", "A2": "covered", "B1": "covered", "B2": "not applicable"})
    set_benchmark_settings(store, Settings(0.5, True), who="lead")
    assert member_status(store, member).reasons[0] == "benchmark of Acme Code 2.1 leaves core criteria not covered (A1)"
    set_benchmark_settings(store, Settings(0.5, False), who="lead")
    assert member_status(store, member).eligible


def test_virtual_assessments_are_eligible_separately(store: Store, member: int) -> None:
    sign(store, member, "virtual")
    record_benchmark_result(store, member, "virtual", passed_on="2025-02-02", who="ana")
    status = member_status(store, member)
    assert status.virtual_eligible and not status.eligible
    assert status.reasons == ("no signed audit statement", "no audit benchmark yet")
    assert eligible_member_ids(store, "virtual") == {member} and eligible_member_ids(store) == set()
    sign(store, member)
    save(store, member, {c.id: "covered" for c in MINI.criteria}, day="2026-01-01")
    assert eligible_member_ids(store) == {member}


def test_an_audit_benchmark_does_not_count_for_virtual_assessments(store: Store, member: int) -> None:
    sign(store, member, "virtual")
    save(store, member, PASSING)
    assert member_status(store, member).virtual_benchmark is None


def test_every_member_has_a_status_by_name(store: Store, member: int) -> None:
    bolt = add_member(store, "Bolt Brands")
    sign(store, bolt)
    record_benchmark_result(store, bolt, "audit", passed_on="2024-01-01", who="ana")
    assert [(s.member, s.eligible) for s in member_statuses(store)] == [("Acme Foods", False), ("Bolt Brands", True)]
    assert eligible_member_ids(store) == {bolt}


def test_recording_is_logged_checked_and_append_only(store: Store, member: int) -> None:
    record_statement(store, member, "audit", signed_on="2024-01-01", signatory="  Jo   Smith ", who="ana",
                     now=lambda: clock("2026-02-02"))
    entry = list_activity(store)[0]
    assert (entry.action, entry.who, entry.at[:10], entry.detail["member"]) == (
        "record statement", "ana", "2026-02-02", "Acme Foods")
    assert member_status(store, member).audit_statement == Statement("audit", "2024-01-01", "Jo Smith")
    with pytest.raises(AimDeskError, match="The signing date '1/2/2024' is not a real date written YYYY-MM-DD"):
        record_statement(store, member, "audit", signed_on="1/2/2024", signatory="", who="ana")
    with pytest.raises(AimDeskError, match="not a real date"):
        record_benchmark_result(store, member, "audit", passed_on="2024-02-30", who="ana")
    with pytest.raises(AimDeskError, match="The kind is one of audit, virtual"):
        record_benchmark_result(store, member, "onsite", passed_on="2024-02-03", who="ana")  # type: ignore[arg-type]
    with pytest.raises(WorkspaceError, match="no member #99"):
        member_status(store, 99)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with store.transaction():
            store.conn.execute("DELETE FROM recognition_statements")

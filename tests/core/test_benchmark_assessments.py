"""Assessments: the commonality score through the saved assessment, revisions kept as they
were, side-by-side comparison, and the workspace settings."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

import pytest

from aimdesk.core.benchmark.assessments import (assessment_score, benchmark_settings, compare_assessments,
                                                get_assessment, list_assessments, percent, revisions,
                                                save_assessment, set_benchmark_settings)
from aimdesk.core.benchmark.catalogues import latest_catalogue, save_catalogue_version
from aimdesk.core.benchmark.model import Answer, Assessment, Catalogue, Criterion, Kind, Settings
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.members import ensure_member
from aimdesk.core.store.workspace import Store

MINI = Catalogue("mini", "Mini benchmark", "audit", 1, (
    Criterion("A1", "Labour", "A Labour", "Does the protocol require A1?", weight=2, core=True),
    Criterion("A2", "Labour", "A Labour", "Does the protocol require A2?"),
    Criterion("B1", "Safety", "B Safety", "Does the protocol require B1?"),
    Criterion("B2", "Safety", "B Safety", "Does the protocol require B2?"),
))
"""Four criteria, one of weight 2 and core: small enough to work the scores out by hand."""


def add_member(store: Store, name: str = "Acme Foods") -> int:
    with store.transaction():
        return ensure_member(store, name, now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


def answers(words: Mapping[str, str]) -> dict[str, Answer]:
    """{"A1": "covered"} → answers, each with a reference in the protocol."""
    return {cid: Answer(cid, word, reference=f"§{cid}") for cid, word in words.items()}  # type: ignore[arg-type]


def clock(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")


def save(store: Store, member_id: int, words: Mapping[str, str], *, catalogue: tuple[str, int] = ("mini", 1),
         assessment_id: int | None = None, protocol: str = "Acme Code", kind: Kind = "audit",
         day: str = "2026-03-01", note: str = "") -> Assessment:
    return save_assessment(store, assessment_id=assessment_id, member_id=member_id, protocol=protocol,
                           protocol_version="2.1", kind=kind, catalogue_key=catalogue[0],
                           catalogue_version=catalogue[1], answers=answers(words), who="ana", note=note,
                           now=lambda: clock(day))


def all_covered(store: Store, key: str = "smeta-6.1-4p") -> dict[str, str]:
    return {c.id: "covered" for c in latest_catalogue(store, key).active}


@pytest.fixture
def member(store: Store) -> int:
    save_catalogue_version(store, MINI, who="secretariat")
    return add_member(store)


def test_weights_and_partly_make_the_commonality(store: Store, member: int) -> None:
    saved = save(store, member, {"A1": "partly", "A2": "covered", "B1": "covered", "B2": "not covered"})
    result = assessment_score(store, saved)
    assert result.overall == pytest.approx((1 + 1 + 1) / 5)  # A1 weighs 2 and earns half
    assert result.by_pillar == pytest.approx({"Labour": 2 / 3, "Safety": 1 / 2})
    assert (result.applicable_weight, result.covered_weight) == (5, 3)
    assert [(c.id, word) for c, word in result.gaps] == [("A1", "partly"), ("B2", "not covered")]


def test_not_applicable_leaves_the_criterion_out_of_the_denominator(store: Store, member: int) -> None:
    saved = save(store, member, {"A1": "partly", "A2": "covered", "B1": "covered", "B2": "not applicable"})
    result = assessment_score(store, saved)
    assert result.overall == pytest.approx(3 / 4) and result.by_pillar["Safety"] == 1.0
    assert [c.id for c, _ in result.gaps] == ["A1"]


def test_the_threshold_is_a_workspace_setting(store: Store, member: int) -> None:
    saved = save(store, member, {"A1": "partly", "A2": "covered", "B1": "covered", "B2": "not applicable"})
    assert benchmark_settings(store) == Settings(0.85, True)
    assert not assessment_score(store, saved).passed
    assert list_assessments(store)[0].passed is False
    set_benchmark_settings(store, Settings(0.75, True), who="lead")
    assert assessment_score(store, saved).passed and list_assessments(store)[0].passed
    set_benchmark_settings(store, Settings(0.76, True), who="lead")
    result = assessment_score(store, saved)
    assert not result.passed and "Commonality 75.0 % is below the threshold of 76 %." in result.reasons
    with pytest.raises(AimDeskError, match="not 85"):
        set_benchmark_settings(store, Settings(85, True), who="lead")
    assert [e.action for e in list_activity(store)][:2] == ["benchmark settings", "benchmark settings"]


def test_an_uncovered_core_criterion_blocks_unless_the_setting_says_not(store: Store, member: int) -> None:
    saved = save(store, member, {"A1": "not covered", "A2": "covered", "B1": "covered", "B2": "not applicable"})
    set_benchmark_settings(store, Settings(0.5, True), who="lead")
    blocked = assessment_score(store, saved)
    assert blocked.overall == pytest.approx(2 / 4) and not blocked.passed
    assert [c.id for c in blocked.core_not_covered] == ["A1"]
    assert any("Core criteria not covered: A1" in reason for reason in blocked.reasons)
    set_benchmark_settings(store, Settings(0.5, False), who="lead")
    assert assessment_score(store, saved).passed


def test_unanswered_criteria_count_as_not_covered(store: Store, member: int) -> None:
    saved = save(store, member, {"A2": "covered", "B1": "covered", "B2": "covered"})
    result = assessment_score(store, saved)
    assert result.overall == pytest.approx(3 / 5)
    assert [c.id for c in result.unanswered] == ["A1"] and [c.id for c in result.core_not_covered] == ["A1"]
    assert ("A1", None) in [(c.id, word) for c, word in result.gaps]


def test_nothing_applicable_has_no_score_and_does_not_pass(store: Store, member: int) -> None:
    saved = save(store, member, {cid: "not applicable" for cid in ("A1", "A2", "B1", "B2")})
    result = assessment_score(store, saved)
    assert result.overall is None and not result.passed and percent(result.overall) == "–"


def test_every_smeta_criterion_covered_passes(store: Store) -> None:
    member_id = add_member(store)
    saved = save(store, member_id, all_covered(store), catalogue=("smeta-6.1-4p", 1))
    result = assessment_score(store, saved)
    assert result.overall == 1.0 and result.passed and set(result.by_pillar) == {
        "Labour standards", "Health & safety", "Environment", "Business ethics"}


def test_percent_rounds_down_so_just_short_never_reads_as_the_threshold() -> None:
    assert (percent(0.8499), percent(0.85), percent(0.29), percent(1.0)) == ("84.9 %", "85.0 %", "29.0 %", "100.0 %")


def test_an_edit_is_a_new_revision_and_the_old_one_stays(store: Store, member: int) -> None:
    first = save(store, member, {"A1": "covered", "A2": "partly"}, day="2026-03-01", note="first pass")
    second = save(store, member, {"A1": "covered", "A2": "covered", "B1": "covered"}, assessment_id=first.id,
                  day="2026-04-01")
    assert (first.revision, second.revision, second.id) == (1, 2, first.id)
    assert get_assessment(store, first.id, 1) == first
    assert get_assessment(store, first.id) == second
    assert [(r.revision, r.saved_at[:10]) for r in revisions(store, first.id)] == [
        (1, "2026-03-01"), (2, "2026-04-01")]
    assert [(s.id, s.revision) for s in list_assessments(store)] == [(first.id, 2)]
    with pytest.raises(AimDeskError, match="no revision 3"):
        get_assessment(store, first.id, 3)
    with pytest.raises(AimDeskError, match="no benchmark assessment 99"):
        get_assessment(store, 99)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with store.transaction():
            store.conn.execute("UPDATE assessment_answers SET answer = 'covered'")


def test_the_list_is_newest_first_with_its_catalogue_label(store: Store, member: int) -> None:
    older = save(store, member, {"A1": "covered"}, day="2026-02-01")
    newer = save(store, add_member(store, "Bolt Brands"), {"A1": "covered"}, day="2026-05-01", protocol="Bolt")
    summaries = list_assessments(store)
    assert [s.id for s in summaries] == [newer.id, older.id]
    assert (summaries[0].member, summaries[0].catalogue_label) == ("Bolt Brands", "Mini benchmark, version 1")
    assert summaries[0].commonality == pytest.approx(2 / 5)


def test_every_save_is_in_the_activity_log(store: Store, member: int) -> None:
    saved = save(store, member, {"A1": "covered"})
    entry = list_activity(store)[0]
    assert (entry.action, entry.who, entry.at[:10]) == ("save benchmark", "ana", "2026-03-01")
    assert entry.detail["assessment"] == saved.id and entry.detail["revision"] == 1


@pytest.mark.parametrize(("change", "message"), [
    ({"words": {"Z9": "covered"}}, "has no criterion Z9"),
    ({"words": {"A1": "mostly"}}, "must be one of covered, partly, not covered, not applicable"),
    ({"kind": "virtual"}, "is for audit protocols, not virtual ones"),
    ({"protocol": " "}, "needs the name of the member's protocol"),
    ({"assessment_id": 42}, "no benchmark assessment 42"),
    ({"catalogue": ("mini", 7)}, "has no version 7"),
    ({"catalogue": ("nope", 1)}, "There is no catalogue nope"),
])
def test_a_bad_assessment_is_refused_and_nothing_is_saved(store: Store, member: int, change: dict[str, object],
                                                          message: str) -> None:
    options: dict[str, object] = {"words": {"A1": "covered"}, **change}
    words = options.pop("words")
    with pytest.raises(AimDeskError, match=message):
        save(store, member, words, **options)  # type: ignore[arg-type]
    assert list_assessments(store) == []


def test_a_revision_stays_the_same_members_benchmark(store: Store, member: int) -> None:
    first = save(store, member, {"A1": "covered"})
    with pytest.raises(AimDeskError, match="Assessment 1 is Acme Foods's audit benchmark; a revision cannot make "
                                           "it Bolt Brands's audit benchmark"):
        save(store, add_member(store, "Bolt Brands"), {"A1": "covered"}, assessment_id=first.id)
    assert [s.revision for s in revisions(store, first.id)] == [1]


def test_two_revisions_compare_criterion_by_criterion(store: Store, member: int) -> None:
    first = save(store, member, {"A1": "covered", "A2": "partly"})
    second = save(store, member, {"A1": "covered", "A2": "covered", "B1": "not applicable"}, assessment_id=first.id)
    rows = compare_assessments(store, first, second)
    assert [(r.criterion_id, r.differs) for r in rows] == [("A1", False), ("A2", True), ("B1", True), ("B2", False)]
    assert rows[1].left == Answer("A2", "partly", "§A2") and rows[1].right == Answer("A2", "covered", "§A2")
    assert rows[3].left is None and rows[3].right is None


def test_two_catalogue_versions_compare_on_the_union_of_their_criteria(store: Store, member: int) -> None:
    old = save(store, member, {"A1": "covered", "B2": "partly"})
    edited = MINI.criteria[:3] + (Criterion("B2", "Safety", "B Safety", "Retired.", retired=True),
                                  Criterion("C1", "Ethics", "C Ethics", "Does the protocol require C1?"))
    save_catalogue_version(store, Catalogue("mini", "Mini benchmark", "audit", 0, edited), who="secretariat")
    new = save(store, member, {"A1": "covered", "C1": "covered"}, catalogue=("mini", 2), protocol="Other")
    rows = compare_assessments(store, old, new)
    assert [r.criterion_id for r in rows] == ["A1", "A2", "B1", "B2", "C1"]
    assert rows[3].question == "Does the protocol require B2?" and rows[4].left is None and rows[4].differs

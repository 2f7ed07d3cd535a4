"""The cluster editor's core on a real matched workspace: a site's detail, moves, splits
and merges planned with their true consequences, applied, honoured by later runs, undone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.decisions import decide
from aimdesk.core.matching.queue import review_queue
from aimdesk.core.matching.run import run_matching
from aimdesk.core.matching.site_edits import (NEW_SITE, SCORED_NOW, apply_edit, plan_merge, plan_move,
                                              plan_split, site_detail)
from aimdesk.core.matching.undo import redo, undo, undo_status
from aimdesk.core.store.matching import current_decisions, record_site_ids, site_public_ids
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from tests.conftest import write_csv
from tests.core.test_import import workspace_digest

HEADER = ["Factory name", "Address", "City", "Postal code", "Country", "Sedex ID", "Audit date"]
LISTS = {
    "Acme": [HEADER,
             ["Shenzhen Sunrise Garment Co., Ltd.", "No. 12 Xinhua Road", "Shenzhen", "518101", "CN", "", "2025-01-02"],
             ["Golden Star Textiles", "No. 5 Renmin Road", "Ningbo", "315000", "CN", "", "2025-02-03"],
             ["Ege Tekstil San. ve Tic. A.Ş.", "Atatürk Cad. 45", "İzmir", "35000", "TR", "", "2025-03-04"]],
    "Blue": [HEADER,
             ["SUNRISE GARMENTS (SHENZHEN) CO LTD", "#12 Xinhua Rd", "SHENZHEN", "518101", "China", "", "2025-04-05"],
             ["Golden Star Textile Co", "5 Renmin Rd", "Ningbo", "315000", "CN", "ZS 111111", "2025-05-06"],
             ["Shenzhen Sunrise Garment Co., Ltd.", "No. 88 Gongye Road", "Dongguan", "523000", "CN", "", "2025-06-07"]],
    "Casa": [HEADER,
             ["Golden Star Textile", "Plot 9 Beilun Industrial Zone", "Ningbo", "315800", "CN", "ZS111111", "2025-07-08"],
             ["Sunrise Garment Factory", "No. 12 Xinhua Road", "Shenzhen", "518101", "CN", "", "2025-08-09"]],
}
"""Golden Star is one site only through Blue's record: Acme's shares its name and address,
Casa's its Sedex id, and Acme's and Casa's are not alike enough to match on their own.
Casa's Sunrise Garment Factory is for a reviewer to judge against the Shenzhen Sunrise site."""
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def build(store: Store, tmp_path: Path) -> Store:
    """The three lists imported and matched."""
    for member, rows in LISTS.items():
        path = write_csv(tmp_path / f"{member}.csv", rows)
        import_file(store, path, ImportOptions(member=member), who="t", now=lambda: NOW)
    run_matching(store, who="t", now=lambda: NOW)
    return store


def record(store: Store, member: str, name: str) -> int:
    return next(r.id for r in iter_active_records(store) if (r.member, r.site_name) == (member, name))


def partition(store: Store) -> set[frozenset[int]]:
    """The sites as sets of records (public ids aside)."""
    sites: dict[int, set[int]] = {}
    for record_id, site in record_site_ids(store).items():
        sites.setdefault(site, set()).add(record_id)
    return {frozenset(members) for members in sites.values()}


def site_of(store: Store, record_id: int) -> int:
    return record_site_ids(store)[record_id]


@pytest.fixture
def matched(store: Store, tmp_path: Path) -> Store:
    return build(store, tmp_path)


@pytest.fixture
def golden(matched: Store) -> tuple[int, int, int]:
    """Acme's, Blue's and Casa's Golden Star, in one site through Blue's."""
    ids = (record(matched, "Acme", "Golden Star Textiles"), record(matched, "Blue", "Golden Star Textile Co"),
           record(matched, "Casa", "Golden Star Textile"))
    assert len({site_of(matched, i) for i in ids}) == 1
    return ids


def test_site_detail_gives_records_every_pair_and_decisions(matched: Store, golden: tuple[int, int, int]) -> None:
    acme, blue, casa = golden
    decide(matched, acme, blue, "unsure", reviewer="ana", note="check the gate", now=lambda: NOW)
    detail = site_detail(matched, site_of(matched, acme))
    assert {r.id for r in detail.records} == set(golden) and detail.public_id.startswith("S")
    pairs = {(p.left, p.right): p for p in detail.pairs}
    assert set(pairs) == {(acme, blue), (acme, casa), (blue, casa)}
    assert pairs[(blue, casa)].band == "auto" and pairs[(acme, blue)].verdict == "unsure"
    unkept = pairs[(acme, casa)]  # no run kept it: scored now with the run's model
    assert unkept.band == SCORED_NOW and unkept.probability is not None and unkept.probability < 0.2
    assert [c["field"] for c in unkept.explanation] == ["sedex", "name", "location", "country", "member"]
    assert [(h.decision.verdict, h.decision.note, h.status) for h in detail.history] == [
        ("unsure", "check the gate", "in force")]


def test_a_move_plan_shows_a_site_chained_through_the_moved_record_falling_apart(
        matched: Store, golden: tuple[int, int, int]) -> None:
    acme, blue, casa = golden
    sunrise = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    twin = record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")
    before, public = workspace_digest(matched), site_public_ids(matched)
    plan = plan_move(matched, [blue], site_of(matched, sunrise))
    assert workspace_digest(matched) == before  # planning writes nothing
    assert {(d.left, d.right, d.verdict) for d in plan.decisions} == {
        (min(blue, o), max(blue, o), v) for o, v in
        ((acme, "different"), (casa, "different"), (sunrise, "same"), (twin, "same"))}
    changes = {c.record_id: c for c in plan.changes}
    assert set(changes) == {blue, casa}  # Acme's keeps the site id, Casa's is left alone
    assert (changes[blue].site_before, changes[blue].site_after) == (public[blue], public[sunrise])
    assert (changes[casa].site_after, changes[casa].new_site) == (NEW_SITE, 1)
    assert plan.label == f"Move record {blue} to {public[sunrise]}" and plan.warnings == ()


def test_a_move_is_applied_as_planned_undone_and_redone(matched: Store, golden: tuple[int, int, int]) -> None:
    acme, blue, casa = golden
    sunrise = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    public = site_public_ids(matched)
    plan = plan_move(matched, [blue], site_of(matched, sunrise))
    assert apply_edit(matched, plan, who="ana", now=lambda: NOW) == plan.label
    after = site_public_ids(matched)
    assert after[blue] == after[sunrise] == public[sunrise] and after[acme] == public[acme]
    assert after[casa] not in public.values()
    assert {c.record_id: c.site_after for c in plan.changes} == {blue: after[blue], casa: NEW_SITE}
    assert undo_status(matched) == (plan.label, None)
    edited = partition(matched)
    assert undo(matched, who="ana", now=lambda: NOW) == plan.label
    assert site_public_ids(matched) == public
    assert redo(matched, who="ana", now=lambda: NOW) == plan.label
    assert partition(matched) == edited


def test_a_split_is_applied_and_undone(matched: Store) -> None:
    left = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    right = record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")
    site, before, public = site_of(matched, left), partition(matched), site_public_ids(matched)
    plan = plan_split(matched, site, [[right]])
    assert [(d.left, d.right, d.verdict) for d in plan.decisions] == [(left, right, "different")]
    apply_edit(matched, plan, who="ana", now=lambda: NOW)
    assert site_of(matched, left) == site and site_of(matched, right) != site
    assert plan.label == f"Split {public[left]} into 2 sites"
    undo(matched, who="ana", now=lambda: NOW)
    assert partition(matched) == before and site_public_ids(matched)[right] == public[right]


def test_a_merge_withdraws_a_different_with_a_warning_and_undo_brings_it_back(matched: Store) -> None:
    ege = record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş.")
    dongguan = record(matched, "Blue", "Shenzhen Sunrise Garment Co., Ltd.")
    decide(matched, ege, dongguan, "different", reviewer="bo", now=lambda: NOW)
    before = partition(matched)
    plan = plan_merge(matched, site_of(matched, ege), site_of(matched, dongguan))
    assert [(d.left, d.right, d.verdict) for d in plan.decisions] == [(ege, dongguan, "same")]
    assert len(plan.warnings) == 1 and "decided different by bo" in plan.warnings[0]
    apply_edit(matched, plan, who="ana", now=lambda: NOW)
    assert site_of(matched, ege) == site_of(matched, dongguan)
    undo(matched, who="ana", now=lambda: NOW)
    assert partition(matched) == before
    assert current_decisions(matched)[(ege, dongguan)].verdict == "different"


def test_a_merge_joins_every_record_even_those_the_model_finds_clearly_different(matched: Store) -> None:
    sunrise = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    ege = record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş.")
    plan = plan_merge(matched, site_of(matched, sunrise), site_of(matched, ege))
    apply_edit(matched, plan, who="ana", now=lambda: NOW)
    twin = record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")
    assert site_of(matched, sunrise) == site_of(matched, ege) == site_of(matched, twin)


def test_decisions_of_edits_are_honoured_by_the_next_full_run(matched: Store, golden: tuple[int, int, int]) -> None:
    acme, blue, casa = golden
    dongguan = record(matched, "Blue", "Shenzhen Sunrise Garment Co., Ltd.")
    apply_edit(matched, plan_move(matched, [blue], site_of(matched, dongguan)), who="ana", now=lambda: NOW)
    for full in (False, True):
        run_matching(matched, full=full, who="t", now=lambda: NOW)
        assert site_of(matched, blue) == site_of(matched, dongguan)
        assert site_of(matched, blue) not in {site_of(matched, acme), site_of(matched, casa)}


def test_the_queue_drops_a_pair_an_edit_decided_and_asks_again_after_undo(matched: Store) -> None:
    sunrise = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    factory = record(matched, "Casa", "Sunrise Garment Factory")

    def asked() -> bool:
        return any({i.left, i.right} == {sunrise, factory} for i in review_queue(matched))

    assert asked()
    apply_edit(matched, plan_move(matched, [factory], site_of(matched, sunrise)), who="ana", now=lambda: NOW)
    assert not asked()
    undo(matched, who="ana", now=lambda: NOW)
    assert asked()


def test_an_edit_planned_before_another_decision_must_be_planned_again(matched: Store) -> None:
    ege = record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş.")
    dongguan = record(matched, "Blue", "Shenzhen Sunrise Garment Co., Ltd.")
    plan = plan_merge(matched, site_of(matched, ege), site_of(matched, dongguan))
    decide(matched, ege, dongguan, "unsure", reviewer="bo", now=lambda: NOW)
    before = workspace_digest(matched)
    with pytest.raises(AimDeskError, match="plan it again"):
        apply_edit(matched, plan, who="ana", now=lambda: NOW)
    assert workspace_digest(matched) == before


def test_pending_decisions_show_in_a_plan_and_are_applied_with_it(matched: Store) -> None:
    """A decision not applied yet (no re-clustering since) is part of the consequence."""
    ege = record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş.")
    dongguan = record(matched, "Blue", "Shenzhen Sunrise Garment Co., Ltd.")
    sunrise = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    twin = record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")
    public = site_public_ids(matched)
    decide(matched, ege, dongguan, "same", reviewer="bo", now=lambda: NOW)
    plan = plan_move(matched, [sunrise], site_of(matched, dongguan))
    assert {(c.record_id, c.site_after) for c in plan.changes} == {
        (ege, public[sunrise]), (dongguan, public[sunrise]), (twin, NEW_SITE)}  # the oldest id stays
    apply_edit(matched, plan, who="ana", now=lambda: NOW)
    assert site_of(matched, ege) == site_of(matched, dongguan) == site_of(matched, sunrise)
    assert site_public_ids(matched)[sunrise] == public[sunrise]


@pytest.mark.parametrize("edit, message", [
    (lambda s, ids: plan_move(s, [ids["sunrise"]], site_of(s, ids["sunrise"])), "already in that site"),
    (lambda s, ids: plan_move(s, [], site_of(s, ids["sunrise"])), "at least one record"),
    (lambda s, ids: plan_split(s, site_of(s, ids["sunrise"]), [[ids["ege"]]]), "not in this site"),
    (lambda s, ids: plan_split(s, site_of(s, ids["ege"]), [[ids["ege"]]]), "at least two groups"),
    (lambda s, ids: plan_merge(s, site_of(s, ids["ege"]), site_of(s, ids["ege"])), "merged with itself"),
    (lambda s, ids: plan_merge(s, site_of(s, ids["ege"]), 999), "no site 999"),
])
def test_an_impossible_edit_is_refused_in_one_sentence(matched: Store, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    ids = {"sunrise": record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd."),
           "ege": record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş.")}
    with pytest.raises(AimDeskError, match=message):
        edit(matched, ids)


def test_a_split_already_decided_is_refused_as_changing_nothing(matched: Store) -> None:
    left = record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd.")
    right = record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")
    decide(matched, left, right, "different", reviewer="bo", now=lambda: NOW)  # not applied yet
    with pytest.raises(AimDeskError, match="nothing to change"):
        plan_split(matched, site_of(matched, left), [[right]])

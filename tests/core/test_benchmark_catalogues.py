"""Criteria catalogues: the built-in data files, and versions that never change once saved."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from aimdesk.core.benchmark import catalogues as catalogues_module
from aimdesk.core.benchmark.assessments import assessment_score, get_assessment
from aimdesk.core.benchmark.catalogues import (builtin_catalogues, catalogue_from_data, get_catalogue,
                                               latest_catalogue, list_catalogues, save_catalogue_version)
from aimdesk.core.benchmark.model import Catalogue, Criterion
from aimdesk.core.errors import AimDeskError
from aimdesk.core.resources import resources_dir
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.workspace import Store
from tests.core.test_benchmark_assessments import MINI, add_member, save

SMETA_SECTIONS = ["0A", "0B", "1", "2", "3", "4", "5", "6", "7", "8", "8A", "9", "10A", "10B4", "10C"]
"""The sections of smeta-criteria.md §3 a 4-pillar audit checks (10B4, not the short 10B2;
11 community benefits is informational)."""

ETI_CORE = {"1.1", "1.2", "2.1", "3.1", "3.3", "4.1", "4.3", "5.1", "6.2", "6.4", "6.6", "7.1", "9.1", "10A.1"}


def builtin(key: str) -> Catalogue:
    return next(c for c in builtin_catalogues() if c.key == key)


def test_every_smeta_section_is_broken_into_criteria_with_unique_ids() -> None:
    smeta = builtin("smeta-6.1-4p")
    assert (smeta.kind, smeta.version, smeta.name) == ("audit", 1, "SMETA 6.1 4-pillar")
    assert list(dict.fromkeys(c.section.split()[0] for c in smeta.criteria)) == SMETA_SECTIONS
    assert all(c.id.split(".")[0] == c.section.split()[0] for c in smeta.criteria)
    assert len({c.id for c in smeta.criteria}) == len(smeta.criteria) == 72
    assert smeta.pillars == ("Labour standards", "Health & safety", "Environment", "Business ethics")
    assert {c.section.split()[0] for c in smeta.criteria if c.pillar == "Health & safety"} == {"3"}


def test_smeta_questions_weights_core_and_draft_follow_the_reference() -> None:
    smeta = builtin("smeta-6.1-4p")
    assert all(c.question.startswith(("Does the protocol require", "Does the protocol check"))
               and c.question.endswith("?") for c in smeta.criteria)
    assert {c.weight for c in smeta.criteria} == {1.0}
    assert {c.id for c in smeta.criteria if c.core} == ETI_CORE
    drafts = {c.id for c in smeta.criteria if c.draft}
    assert {"0A.1", "1.a", "8A.1", "10B4.2", "10B4.7", "10C.6", "10A.1"} <= drafts  # [U] and [C/U]
    assert not drafts & {"1.1", "6.4", "0B.1", "10B4.1"}  # confirmed
    assert "core" in smeta.note.lower() and "draft" in smeta.note.lower()


def test_the_sva_baseline_is_for_virtual_assessments() -> None:
    sva = builtin("sva-baseline")
    assert (sva.kind, sva.version) == ("virtual", 1)
    assert len({c.id for c in sva.criteria}) == len(sva.criteria)
    assert all(c.id.startswith("SVA-") and c.question.endswith("?") for c in sva.criteria)
    core = {c.id for c in sva.criteria if c.core}
    assert {"SVA-M2.1", "SVA-M2.3", "SVA-M2.4"} <= core  # video tour, wage and hour records, interviews
    assert builtin("sva-baseline").pillars[0] == "Assessment method"


def test_the_json_files_hold_exactly_the_documented_fields() -> None:
    for path in sorted((resources_dir() / "benchmark").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"key", "name", "kind", "version", "note", "criteria"}
        assert all(set(c) == {"id", "pillar", "section", "question", "weight", "core", "draft"}
                   for c in data["criteria"])


def test_a_damaged_catalogue_file_is_named_in_one_sentence() -> None:
    data = {"key": "broken", "name": "Broken", "kind": "audit", "version": 1,
            "criteria": [{"id": "1", "pillar": "P", "section": "S"}]}
    with pytest.raises(AimDeskError, match="Catalogue broken is damaged"):
        catalogue_from_data(data)
    data["criteria"] = [{"id": "1", "pillar": "P", "section": "S", "question": "Q?"}] * 2
    with pytest.raises(AimDeskError, match="criterion id 1 is used twice"):
        catalogue_from_data(data)


def test_a_new_version_never_changes_an_assessment_saved_against_the_old_one(store: Store) -> None:
    member_id = add_member(store)
    words = {c.id: "covered" for c in builtin("smeta-6.1-4p").active}
    saved = save(store, member_id, words, catalogue=("smeta-6.1-4p", 1))
    smeta = latest_catalogue(store, "smeta-6.1-4p")
    reworded = tuple(dataclasses.replace(c, question="Does the protocol require at most 50 hours?")
                     if c.id == "6.4" else c for c in smeta.criteria)
    extra = Criterion("6.x1", "Labour standards", "6 Working hours are not excessive", "Does the protocol check X?")
    version_2 = save_catalogue_version(store, dataclasses.replace(smeta, criteria=reworded + (extra,)),
                                       who="secretariat", note="6.4 reworded; 6.x1 added")
    assert (version_2.version, version_2.created_by, version_2.note) == (2, "secretariat", "6.4 reworded; 6.x1 added")
    assert [c.version for c in list_catalogues(store) if c.key == "smeta-6.1-4p"] == [1, 2]
    assert latest_catalogue(store, "smeta-6.1-4p") == version_2
    assert get_catalogue(store, "smeta-6.1-4p", 1).criterion("6.4") == smeta.criterion("6.4")
    assert get_assessment(store, saved.id) == saved
    assert assessment_score(store, saved).overall == 1.0  # 6.x1 is not part of version 1
    assert list_activity(store)[0].detail == {"catalogue": "smeta-6.1-4p", "version": 2, "criteria": 73,
                                             "note": "6.4 reworded; 6.x1 added"}


def test_a_used_builtin_version_is_kept_in_the_workspace(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    member_id = add_member(store)
    saved = save(store, member_id, {"1.1": "covered"}, catalogue=("smeta-6.1-4p", 1))
    shipped = builtin("smeta-6.1-4p")
    changed = dataclasses.replace(shipped, criteria=shipped.criteria[:3])  # a later AIMDesk, same version
    monkeypatch.setattr(catalogues_module, "builtin_catalogues", lambda: [changed])
    assert get_catalogue(store, "smeta-6.1-4p", 1) == shipped
    assert assessment_score(store, saved).applicable_weight == 72


def test_a_criterion_is_retired_not_removed(store: Store) -> None:
    save_catalogue_version(store, MINI, who="secretariat")
    with pytest.raises(AimDeskError, match="Criteria B2 of Mini benchmark, version 1 are missing; retire"):
        save_catalogue_version(store, dataclasses.replace(MINI, criteria=MINI.criteria[:3]), who="secretariat")
    retired = MINI.criteria[:3] + (dataclasses.replace(MINI.criteria[3], retired=True),)
    version_2 = save_catalogue_version(store, dataclasses.replace(MINI, criteria=retired), who="secretariat")
    assert [c.id for c in version_2.active] == ["A1", "A2", "B1"] and version_2.criterion("B2") is not None
    assert [c.version for c in list_catalogues(store) if c.key == "mini"] == [1, 2]


@pytest.mark.parametrize(("criteria", "kind", "message"), [
    (MINI.criteria + (MINI.criteria[0],), "audit", "criterion id A1 is used twice"),
    (MINI.criteria + (Criterion("C1", "P", "S", "Q?", weight=0),), "audit", "weight must be above 0"),
    (MINI.criteria + (Criterion("", "P", "S", "Q?"),), "audit", "needs an id, a pillar"),
    (MINI.criteria, "virtual", "is for audit protocols; a new version cannot change that"),
    (tuple(dataclasses.replace(c, retired=True) for c in MINI.criteria), "audit", "no criterion to ask"),
])
def test_a_bad_new_version_is_refused(store: Store, criteria: tuple[Criterion, ...], kind: str,
                                      message: str) -> None:
    save_catalogue_version(store, MINI, who="secretariat")
    with pytest.raises(AimDeskError, match=message):
        save_catalogue_version(store, dataclasses.replace(MINI, criteria=criteria, kind=kind), who="x")
    assert latest_catalogue(store, "mini").version == 1


def test_unknown_catalogues_and_versions_are_refused(store: Store) -> None:
    with pytest.raises(AimDeskError, match="no catalogue nope; the catalogues are: smeta-6.1-4p, sva-baseline"):
        latest_catalogue(store, "nope")
    with pytest.raises(AimDeskError, match=r"Catalogue sva-baseline has no version 2 \(versions: 1\)"):
        get_catalogue(store, "sva-baseline", 2)


def test_saved_versions_are_append_only(store: Store) -> None:
    save_catalogue_version(store, MINI, who="secretariat")
    for statement in ("UPDATE benchmark_criteria SET weight = 5", "DELETE FROM benchmark_catalogues"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            with store.transaction():
                store.conn.execute(statement)

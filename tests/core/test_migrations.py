"""Migrations move a workspace made by an earlier version forward, with a backup first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from aimdesk.core.store import migrations as migrations_module
from aimdesk.core.store import workspace as workspace_module
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def v1_workspace(tmp_path: Path) -> Path:
    """A copy of the workspace saved by schema version 1 (AIMDesk 0.1)."""
    copy = tmp_path / "old.aimdesk"
    shutil.copy(DATA / "workspace-v1.aimdesk", copy)
    return copy


def test_a_version_1_workspace_opens_with_its_records(v1_workspace: Path) -> None:
    with Store.open(v1_workspace) as store:
        assert store.schema_version == migrations_module.SCHEMA_VERSION
        assert [m.name for m in list_members(store)] == ["Acme Foods"]
        assert [r.country for r in iter_active_records(store)] == ["CN", "TR", "IN"]
    assert v1_workspace.with_name(f"{v1_workspace.name}.before-v{migrations_module.SCHEMA_VERSION}.bak").exists()


def test_m002_adds_sites_pairs_and_an_append_only_decision_log(v1_workspace: Path) -> None:
    with Store.open(v1_workspace) as store:
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"sites", "record_sites", "pairs", "decisions", "match_runs"} <= tables
        with store.transaction():
            store.conn.execute(
                "INSERT INTO decisions (left_record, right_record, verdict, decided_at) VALUES (1, 2, 'same', 'now')")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            with store.transaction():
                store.conn.execute("DELETE FROM decisions")


def add_notes_table(db) -> None:  # type: ignore[no-untyped-def]
    db["notes"].create({"id": int, "text": str}, pk="id")


def fail_halfway(db) -> None:  # type: ignore[no-untyped-def]
    db["half_done"].create({"id": int}, pk="id")
    raise RuntimeError("disk full")


def with_extra_migration(monkeypatch: pytest.MonkeyPatch, migration) -> int:  # type: ignore[no-untyped-def]
    extended = migrations_module.MIGRATIONS + (migration,)
    monkeypatch.setattr(workspace_module, "MIGRATIONS", extended)
    monkeypatch.setattr(workspace_module, "SCHEMA_VERSION", len(extended))
    return len(extended)


def test_a_new_migration_runs_once_after_a_backup(v1_workspace: Path, monkeypatch) -> None:
    version = with_extra_migration(monkeypatch, add_notes_table)
    with Store.open(v1_workspace) as store:
        assert store.schema_version == version
        store.conn.execute("SELECT count(*) FROM notes").fetchone()
    backup = v1_workspace.with_name(f"{v1_workspace.name}.before-v{version}.bak")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # as the file was
        assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 3
    conn.close()
    with Store.open(v1_workspace) as store:
        assert store.schema_version == version


def test_a_failing_migration_leaves_the_workspace_at_its_old_version(v1_workspace: Path, monkeypatch) -> None:
    with_extra_migration(monkeypatch, fail_halfway)
    with pytest.raises(RuntimeError, match="disk full"):
        Store.open(v1_workspace)
    with sqlite3.connect(v1_workspace) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations_module.SCHEMA_VERSION
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables and "records" in tables
    conn.close()


@pytest.fixture
def v2_workspace(tmp_path: Path) -> Path:
    """A copy of a matched workspace saved by schema version 2 (sites, no site profiles)."""
    copy = tmp_path / "matched.aimdesk"
    shutil.copy(DATA / "workspace-v2.aimdesk", copy)
    return copy


def test_m003_adds_site_profiles_built_on_first_use(v2_workspace: Path) -> None:
    from aimdesk.core.store.sites import fetch_sites, site_ids

    with Store.open(v2_workspace) as store:
        assert store.conn.execute("SELECT count(*) FROM site_profiles").fetchone() == (0,)
        sites = fetch_sites(store, site_ids(store))
        golden = next(s for s in sites.values() if s.sedex_id == "ZS100000001")
        assert (golden.site_name, golden.members, golden.records) == ("GOLDEN STAR TEXTILES CO LTD", 2, 2)
        assert golden.latest_audit == "2025-03-02" and golden.schemes == "SMETA_4P"
        assert len(sites) == 4 and {s.public_id for s in sites.values()} == {
            row[0] for row in store.conn.execute("SELECT public_id FROM sites WHERE retired_at IS NULL")}


@pytest.fixture
def v3_workspace(tmp_path: Path) -> Path:
    """A copy of a matched workspace saved by schema version 3, with two decisions."""
    copy = tmp_path / "decided.aimdesk"
    shutil.copy(DATA / "workspace-v3.aimdesk", copy)
    return copy


def test_m005_keeps_the_decisions_in_force_outside_any_batch(v3_workspace: Path) -> None:
    from aimdesk.core.matching.run import apply_decisions
    from aimdesk.core.matching.undo import undo_status
    from aimdesk.core.store.matching import current_decisions, record_site_ids

    with Store.open(v3_workspace) as store:
        in_force = current_decisions(store)
        assert {pair: (d.verdict, d.note, d.batch_id) for pair, d in in_force.items()} == {
            (1, 4): ("same", "", None), (2, 3): ("different", "two towns", None)}
        assert undo_status(store) == (None, None)  # decided before batches: nothing to undo
        assert apply_decisions(store, who="t") is not None
        sites = record_site_ids(store)
        assert sites[1] == sites[4] and sites[2] != sites[3]


def test_m005_batches_are_append_only_and_undo_restores_a_decision_made_before(v3_workspace: Path) -> None:
    from aimdesk.core.matching.decisions import decide
    from aimdesk.core.matching.undo import undo
    from aimdesk.core.store.matching import current_decisions

    with Store.open(v3_workspace) as store:
        decide(store, 2, 3, "same", reviewer="bo")
        undo(store, who="bo")
        assert current_decisions(store)[(2, 3)].verdict == "different"
        for statement in ("UPDATE decision_batches SET label = ''", "DELETE FROM decision_batches"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                with store.transaction():
                    store.conn.execute(statement)


def test_m006_adds_benchmarking_to_a_version_3_workspace_and_keeps_its_data(v3_workspace: Path) -> None:
    from aimdesk.core.benchmark.assessments import get_assessment, save_assessment
    from aimdesk.core.benchmark.eligibility import member_statuses, record_benchmark_result, record_statement
    from aimdesk.core.benchmark.model import Answer
    from aimdesk.core.store.matching import current_decisions

    with Store.open(v3_workspace) as store:
        assert store.schema_version == migrations_module.SCHEMA_VERSION >= 6
        assert [m.name for m in list_members(store)] == ["Acme Foods", "Blue Fashion"]
        assert sum(1 for _ in iter_active_records(store)) == 5 and len(current_decisions(store)) == 2
        assert [(s.member, s.eligible) for s in member_statuses(store)] == [
            ("Acme Foods", False), ("Blue Fashion", False)]  # nothing recorded yet: not eligible
        saved = save_assessment(store, assessment_id=None, member_id=1, protocol="Acme Code", protocol_version="3",
                                kind="audit", catalogue_key="smeta-6.1-4p", catalogue_version=1,
                                answers={"1.1": Answer("1.1", "covered")}, who="t")
        record_statement(store, 2, "audit", signed_on="2024-01-01", signatory="Lee", who="t")
        record_benchmark_result(store, 2, "audit", passed_on="2024-01-01", who="t")
    with Store.open(v3_workspace) as store:
        assert get_assessment(store, saved.id) == saved
        assert [s.eligible for s in member_statuses(store)] == [False, True]
        assert store.conn.execute("SELECT count(*) FROM benchmark_catalogues").fetchone() == (1,)

"""The workspace file: identity, migrations, transactions, append-only log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.store.activity import list_activity, log_activity
from aimdesk.core.store.migrations import SCHEMA_VERSION
from aimdesk.core.store.workspace import APPLICATION_ID, Store


def test_new_workspace_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.aimdesk", create=True) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_opening_a_missing_workspace_without_create_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        Store.open(tmp_path / "missing.aimdesk")


def test_a_foreign_sqlite_file_is_not_taken_for_a_workspace(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(WorkspaceError, match="not an AIMDesk workspace"):
        Store.open(other)
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1
    conn.close()


def test_a_text_file_is_not_a_workspace(tmp_path: Path) -> None:
    bogus = tmp_path / "list.aimdesk"
    bogus.write_text("Factory name,Country\n" * 200)
    with pytest.raises(WorkspaceError, match="not an AIMDesk workspace"):
        Store.open(bogus)


def test_a_workspace_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.aimdesk"
    Store.open(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer AIMDesk"):
        Store.open(path)


def test_transaction_rolls_back_everything_on_error(store: Store, fixed_now) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction():
            log_activity(store, who="a", action="x", detail={}, now=fixed_now)
            raise RuntimeError("boom")
    assert list_activity(store) == []


def test_nested_transaction_rolls_back_only_the_inner_block(store: Store, fixed_now) -> None:
    with store.transaction():
        log_activity(store, who="a", action="outer", detail={}, now=fixed_now)
        with pytest.raises(ValueError):
            with store.transaction():
                log_activity(store, who="a", action="inner", detail={}, now=fixed_now)
                raise ValueError
    assert [e.action for e in list_activity(store)] == ["outer"]


def test_keyboard_interrupt_inside_a_transaction_rolls_back(store: Store, fixed_now) -> None:
    with pytest.raises(KeyboardInterrupt):
        with store.transaction():
            log_activity(store, who="a", action="x", detail={}, now=fixed_now)
            raise KeyboardInterrupt
    assert list_activity(store) == []


def test_activity_log_is_append_only(store: Store, fixed_now) -> None:
    with store.transaction():
        log_activity(store, who="ana", action="import", detail={"n": 1}, now=fixed_now)
    for statement in ("UPDATE activity SET who = 'eve'", "DELETE FROM activity"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            with store.transaction():
                store.conn.execute(statement)
    entry = list_activity(store)[0]
    assert (entry.who, entry.action, entry.detail) == ("ana", "import", {"n": 1})


def test_backup_copies_the_whole_workspace(store: Store, tmp_path: Path, fixed_now) -> None:
    with store.transaction():
        log_activity(store, who="a", action="x", detail={}, now=fixed_now)
    copy = store.backup(tmp_path / "copy.aimdesk")
    with Store.open(copy) as reopened:
        assert len(list_activity(reopened)) == 1


def test_a_new_workspace_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    expected = f"Folder {missing} does not exist; choose an existing folder for the workspace."
    with pytest.raises(WorkspaceError) as created:
        Store.create(missing / "forum.aimdesk")
    assert str(created.value) == expected
    with pytest.raises(WorkspaceError) as opened:
        Store.open(missing / "forum.aimdesk", create=True)
    assert str(opened.value) == expected
    assert not missing.exists()

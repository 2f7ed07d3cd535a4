"""The cluster editor on a real matched demo workspace: split, move and merge, each
shown before it is applied, and each taken back by Edit ▸ Undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from aimdesk.core.store.records import record_site
from aimdesk.core.store.sites import SiteQuery, site_ids, site_record_ids
from aimdesk.gui.main_window import MainWindow
from aimdesk.gui.review.site_editor import ConsequenceDialog, SiteEditor

from .conftest import WindowFactory
from .test_review_page import matched_demo  # noqa: F401 - the session fixture


@pytest.fixture
def window(make_window: WindowFactory, matched_demo: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    copy = tmp_path / "sites.aimdesk"
    shutil.copy(matched_demo, copy)
    main = make_window()
    assert main.open_workspace(copy)
    return main


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[ConsequenceDialog]:
    """Consequence dialogs shown, each answered Apply."""
    shown: list[ConsequenceDialog] = []

    def accept(dialog: ConsequenceDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConsequenceDialog, "exec", accept)
    return shown


def shared_sites(window: MainWindow) -> list[int]:
    """Sites of three or more records, largest first."""
    store = window.store
    assert store is not None
    ids = site_ids(store, SiteQuery(min_members=2))
    return sorted((s for s in ids if len(site_record_ids(store, s)) >= 3),
                  key=lambda s: -len(site_record_ids(store, s)))


def open_editor(window: MainWindow, qtbot, site: int) -> SiteEditor:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.runner.idle, timeout=30_000):
        editor = window.edit_site(site)
    assert editor is not None and editor.detail is not None
    return editor


def select(editor: SiteEditor, rows: list[int]) -> None:
    selection = editor.records_view.selectionModel()
    selection.clear()
    for row in rows:
        selection.select(editor.records.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_splitting_a_record_off_shows_the_consequence_and_undo_puts_it_back(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, confirmed: list[ConsequenceDialog]) -> None:
    store = window.store
    assert store is not None
    site = shared_sites(window)[0]
    editor = open_editor(window, qtbot, site)
    count = len(editor.detail.records)
    assert editor.scores.rowCount() == count and editor.scores.index(0, 1).data().endswith("%")
    record = editor.detail.records[-1].id
    select(editor, [count - 1])
    with qtbot.waitSignal(window.runner.idle, timeout=30_000):
        editor.split_button.click()  # plans in the background, asks, applies
    qtbot.waitUntil(lambda: not window.runner.busy and editor.detail is not None
                    and len(editor.detail.records) == count - 1, timeout=30_000)
    plan_rows = confirmed[0].changes
    assert plan_rows.rowCount() >= 1 and plan_rows.index(0, 2).data().startswith("new site")
    assert record_site(store, record) != site
    assert editor.history.rowCount() >= 1 and editor.history.index(0, 2).data() == "different"
    with qtbot.waitSignal(window.runner.idle, timeout=30_000):
        window.undo_action.trigger()
    assert record_site(store, record) == site


def test_moving_records_and_merging_sites_through_the_editor(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, confirmed: list[ConsequenceDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.store
    assert store is not None
    first, second = shared_sites(window)[:2]
    editor = open_editor(window, qtbot, second)
    second_public = editor.detail.public_id
    editor.close()
    editor = open_editor(window, qtbot, first)
    moved = editor.detail.records[0].id
    select(editor, [0])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (second_public, True))
    editor.move_button.click()
    qtbot.waitUntil(lambda: record_site(store, moved) == second and not window.runner.busy, timeout=30_000)
    assert confirmed[-1].windowTitle().startswith("Move record")
    editor.merge_button.click()
    qtbot.waitUntil(lambda: not window.runner.busy and len(confirmed) == 2
                    and record_site(store, editor.detail.records[0].id) == record_site(store, moved), timeout=30_000)
    assert confirmed[-1].windowTitle().startswith("Merge")
    assert len(editor.detail.records) >= 3


def test_the_sites_page_opens_the_editor_on_the_selected_site(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page(window.sites_page)
    page = window.sites_page
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    with qtbot.waitSignal(window.runner.idle, timeout=30_000):
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = window.findChild(SiteEditor)
    assert editor is not None and editor.detail is not None
    assert editor.detail.public_id == page.model.row_at(0).public_id

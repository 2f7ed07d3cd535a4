"""The main window on a real workspace: members, records, sorting, search, errors, start-up."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.store import Store
from aimdesk.core.store.records import RECORD_COLUMNS, RecordFinding
from aimdesk.gui import app as app_module
from aimdesk.gui import models as models_module
from aimdesk.gui.app import show_main_window
from aimdesk.gui.context import AppContext
from aimdesk.gui.crash import make_excepthook, open_log
from aimdesk.gui.main_window import MainWindow
from aimdesk.gui.models import ID_ROLE, RecordsTableModel

from .conftest import WindowFactory
from .supplier_lists import SITE_NAMES, generated_rows, import_lists, write_supplier_list

SITE = RECORD_COLUMNS.index("site_name")


def column_values(model: RecordsTableModel, name: str) -> list[str]:
    column = RECORD_COLUMNS.index(name)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_header(window: MainWindow, section: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    header = window.records_page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_window_shows_members_and_records_of_imported_lists(window: MainWindow) -> None:
    assert window.windowTitle() == "AIMDesk — forum.aimdesk"
    window.show_page(window.members_page)
    members = window.members_page.model
    window.show_page(window.records_page)
    assert [members.member_at(row).name for row in range(members.rowCount())] == [
        "Acme Retail", "Blue Fashion"]
    assert members.index(0, 1).data() == "5"
    assert members.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    records = window.records_page.model
    assert records.rowCount() == 8
    assert sorted(column_values(records, "site_name")) == SITE_NAMES
    assert set(column_values(records, "member")) == {"Acme Retail", "Blue Fashion"}
    assert window.status_label.text().endswith("2 members · 8 records")
    assert window.records_page.count_label.text() == "8 records"


def test_clicking_a_header_sorts_the_records_in_the_core_query(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page(window.records_page)
    model = window.records_page.model
    assert model.index(0, SITE).data() == "Sunrise Garments Ltd"  # import order first

    click_header(window, SITE, qtbot)
    assert model.query.sort == "site_name"
    assert model.index(0, SITE).data() == SITE_NAMES[0]

    click_header(window, SITE, qtbot)
    assert model.query.descending
    assert model.index(0, SITE).data() == SITE_NAMES[-1]


def test_typing_in_the_search_box_filters_after_a_pause(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page(window.records_page)
    page = window.records_page
    qtbot.keyClicks(page.search, "tirup")
    assert page.model.rowCount() == 8  # debounced: not on every keystroke
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(column_values(page.model, "site_name")) == ["Lotus Packaging",
                                                              "Sunrise Garments Ltd"]
    assert page.count_label.text() == "2 of 8 records"

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 8)


def test_member_country_and_findings_filters(window: MainWindow) -> None:
    window.show_page(window.records_page)
    page = window.records_page
    page.member_filter.setCurrentIndex(page.member_filter.findText("Blue Fashion"))
    assert page.model.rowCount() == 3
    page.country_filter.setCurrentIndex(page.country_filter.findData("PT"))
    assert column_values(page.model, "site_name") == ["Coastal Tiles"]
    assert page.count_label.text() == "1 of 8 records"

    page.member_filter.setCurrentIndex(0)
    page.country_filter.setCurrentIndex(0)
    page.findings_only.setChecked(True)
    assert "Lotus Packaging" in column_values(page.model, "site_name")
    assert all(int(value) > 0 for value in column_values(page.model, "findings"))


def test_double_clicking_a_member_shows_its_records(
        window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page(window.members_page)
    table = window.members_page.table
    rect = table.visualRect(table.model().index(1, 0))
    # QTest's double click alone sends no press first, and an item view wants one
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.records_page
    assert window.records_page.member_filter.currentText() == "Blue Fashion"
    assert window.records_page.model.rowCount() == 3


def test_opening_a_file_that_is_not_a_workspace_shows_the_error_and_keeps_going(
        window: MainWindow, tmp_path: Path, critical_messages: list[str]) -> None:
    notes = tmp_path / "notes.aimdesk"
    notes.write_text("minutes of the last meeting\n" * 200)

    assert not window.open_workspace(notes)

    assert len(critical_messages) == 1
    assert "is not an AIMDesk workspace" in critical_messages[0]
    assert "Traceback" not in critical_messages[0]
    assert window.isVisible()
    window.show_page(window.records_page)
    assert window.records_page.model.rowCount() == 8  # the open workspace stays open
    assert window.windowTitle() == "AIMDesk — forum.aimdesk"


def test_a_workspace_from_a_newer_aimdesk_is_refused_with_its_message(
        make_window: WindowFactory, tmp_path: Path, critical_messages: list[str]) -> None:
    newer = tmp_path / "newer.aimdesk"
    Store.create(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    window = make_window()

    assert not window.open_workspace(newer)

    assert "newer AIMDesk" in critical_messages[0]
    assert window.views.currentWidget() is window.empty_state


def test_records_model_stays_lazy_at_twenty_thousand_rows(tmp_path: Path) -> None:
    path = tmp_path / "big.aimdesk"
    Store.create(path).close()
    import_lists(path, {"Big Member": write_supplier_list(tmp_path / "big.csv",
                                                          generated_rows(20_000))})
    model = RecordsTableModel()
    with Store.open(path) as store:
        model.set_store(store)
        assert model.rowCount() == 20_000
        last = model.index(19_999, SITE)
        assert last.data() == "Factory 019999"
        assert len(model._cache) <= RecordsTableModel.BLOCK  # only the block around that row
        model.sort(SITE, Qt.SortOrder.DescendingOrder)
        assert model.index(0, SITE).data() == "Factory 019999"
        model.set_store(None)


def test_closing_the_workspace_shows_how_to_open_one(window: MainWindow) -> None:
    window.close_action.trigger()
    assert window.store is None
    assert window.windowTitle() == "AIMDesk"
    assert window.views.currentWidget() is window.empty_state
    assert window.context.settings.last_workspace() is None


def test_an_empty_workspace_says_how_to_import_records(
        make_window: WindowFactory, tmp_path: Path) -> None:
    empty = tmp_path / "empty.aimdesk"
    Store.create(empty).close()
    window = make_window()
    assert window.open_workspace(empty)
    window.show_page(window.records_page)
    assert window.records_page.empty_label.isVisible()
    assert "Import a supplier list" in window.records_page.empty_label.text()
    assert window.status_label.text().endswith("0 members · 0 records")


def test_start_reopens_the_last_workspace_if_it_still_exists(
        qtbot, app_context: AppContext, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    app_context.settings.remember_workspace(workspace)
    window = show_main_window(app_context, None)
    qtbot.addWidget(window)
    assert window.store is not None and window.store.path.name == "forum.aimdesk"

    window.close()
    workspace.unlink()
    window = show_main_window(app_context, None)
    qtbot.addWidget(window)
    assert window.store is None
    assert window.views.currentWidget() is window.empty_state


def test_recent_workspaces_and_geometry_are_remembered(
        make_window: WindowFactory, workspace: Path) -> None:
    first = make_window()
    first.open_workspace(workspace)
    first.resize(760, 500)  # the offscreen screen is 800 x 600
    assert (first.width(), first.height()) == (760, 500)
    first.close()

    second = make_window()
    assert (second.width(), second.height()) == (760, 500)
    recent = [action.text() for action in second.recent_menu.actions()]
    assert any("forum.aimdesk" in text for text in recent)


def test_unexpected_errors_are_logged_and_reported(
        tmp_path: Path, qapp, critical_messages: list[str]) -> None:  # type: ignore[no-untyped-def]
    log_path = open_log(tmp_path / "logs")
    hook = make_excepthook(log_path)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        hook(*sys.exc_info())
    assert critical_messages == [f"Unexpected error; details saved to the log: {log_path}"]
    assert "ZeroDivisionError: boom" in log_path.read_text(encoding="utf-8")


def test_run_app_opens_the_given_workspace_and_returns_the_exit_code(
        tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    monkeypatch.setattr(app_module.platformdirs, "user_log_dir", lambda *a: str(tmp_path / "l"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    seen: list[str] = []

    def fake_exec() -> int:
        """Instead of the event loop: note the open windows' titles and close them."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))

    assert app_module.run_app(workspace) == 0
    assert "AIMDesk — forum.aimdesk" in seen
    assert QApplication.applicationName() == "AIMDesk"
    assert QApplication.organizationName() == "AIMDesk"
    assert sys.excepthook.__name__ == "hook"
    assert (tmp_path / "l" / "aimdesk.log").exists()


def row_of(model: RecordsTableModel, site_name: str) -> int:
    return column_values(model, "site_name").index(site_name)


def test_findings_tooltip_lists_the_findings_in_plain_words_for_the_hovered_row_only(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_page(window.records_page)
    model = window.records_page.model
    asked: list[int] = []
    real = models_module.record_findings

    def counting(store: Store, record_id: int) -> list[RecordFinding]:
        asked.append(record_id)
        return real(store, record_id)

    monkeypatch.setattr(models_module, "record_findings", counting)
    findings = RECORD_COLUMNS.index("findings")
    lotus = model.index(row_of(model, "Lotus Packaging"), findings)
    sunrise = model.index(row_of(model, "Sunrise Garments Ltd"), findings)
    assert [model.index(row, findings).data() for row in range(model.rowCount())].count("") == 7
    assert asked == []  # showing the counts reads no findings

    tooltip = lotus.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(FINDING_KINDS["unknown_country"] + ": ")
    assert "'Atlantis'" in tooltip
    assert lotus.data(Qt.ItemDataRole.ToolTipRole) == tooltip
    assert asked == [lotus.data(ID_ROLE)]  # once, and only for that row
    assert sunrise.data(Qt.ItemDataRole.ToolTipRole) is None  # no findings: no query either
    assert asked == [lotus.data(ID_ROLE)]


def test_audit_type_shows_its_label_and_country_its_name(window: MainWindow) -> None:
    window.show_page(window.records_page)
    model = window.records_page.model
    row = row_of(model, "Sunrise Garments Ltd")
    audit_type = model.index(row, RECORD_COLUMNS.index("audit_type"))
    country = model.index(row, RECORD_COLUMNS.index("country"))
    assert audit_type.data() == "SMETA 4-pillar"
    assert country.data() == "IN — India"
    assert country.data(Qt.ItemDataRole.ToolTipRole) == "India"
    assert set(column_values(model, "audit_type")) == {
        "SMETA 4-pillar", "SMETA 2-pillar", "SA8000", "amfori BSCI"}
    lotus = model.index(row_of(model, "Lotus Packaging"), RECORD_COLUMNS.index("country"))
    assert lotus.data() == "" and lotus.data(Qt.ItemDataRole.ToolTipRole) is None


def test_sorting_by_audit_type_still_runs_in_the_core_query(window: MainWindow) -> None:
    window.show_page(window.records_page)
    model = window.records_page.model
    model.sort(RECORD_COLUMNS.index("audit_type"), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "audit_type"
    assert column_values(model, "audit_type")[0] == "amfori BSCI"

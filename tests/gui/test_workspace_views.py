"""The window's pages on a matched demo workspace: navigation, dashboard figures checked
against the core, the Sites list and detail, jobs from the menus, drops."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from aimdesk.cli import main
from aimdesk.core.dashboard import dashboard
from aimdesk.core.store.records import RecordQuery, record_ids
from aimdesk.core.store.sites import SiteQuery, site_ids
from aimdesk.core.store.workspace import Store
from aimdesk.gui.import_wizard import ImportWizard
from aimdesk.gui.main_window import PAGE_NAMES, MainWindow

from .conftest import WindowFactory
from .supplier_lists import write_supplier_list, ACME_ROWS


@pytest.fixture(scope="module")
def matched_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace, matched (built once for the module; tests copy it)."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder), "--scale", "0.1"]) == 0
    assert main(["--workspace", str(folder / "demo.aimdesk"), "match"]) == 0
    return folder / "demo.aimdesk"


@pytest.fixture
def demo_window(make_window: WindowFactory, matched_demo: Path, tmp_path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    copy = tmp_path / "demo.aimdesk"
    copy.write_bytes(matched_demo.read_bytes())
    window = make_window()
    assert window.open_workspace(copy)
    qtbot.waitUntil(lambda: window.dashboard_page.figures is not None)
    return window


def test_every_page_opens_from_the_side_bar_and_its_shortcut(demo_window: MainWindow) -> None:
    for number, page in enumerate(demo_window.page_widgets):
        demo_window.page_actions[number].trigger()
        assert demo_window.stack.currentWidget() is page
        assert demo_window.navigation.currentItem().text() == PAGE_NAMES[number]
        assert demo_window.page_actions[number].shortcut().toString() == f"Ctrl+{number + 1}"


def test_dashboard_figures_are_the_core_figures(demo_window: MainWindow) -> None:
    page = demo_window.dashboard_page
    with Store.open(demo_window.store.path) as store:
        expected = dashboard(store, as_of=page.as_of)
        shared = len(site_ids(store, SiteQuery(min_members=2)))
    assert page.figures == expected
    assert expected.shared_sites == shared > 0
    assert page.tiles["sites"].text().startswith(f"{expected.sites:,}")
    assert page.tiles["shared"].text().startswith(f"{shared:,}")
    assert (expected.eligible_members, expected.members) == (12, 15)  # the demo: three members not yet
    assert page.tiles["eligible"].text() == "12 of 15 eligible\nfor mutual recognition"


def test_a_click_on_a_figure_shows_the_list_behind_it(demo_window: MainWindow) -> None:
    page = demo_window.dashboard_page
    page.tiles["eligible"].click()
    assert demo_window.stack.currentWidget() is demo_window.members_page
    page.tiles["shared"].click()
    assert demo_window.stack.currentWidget() is demo_window.sites_page
    assert demo_window.sites_page.model.rowCount() == page.figures.shared_sites
    member_id, _, count = page.figures.records_by_member[0]
    page.member_chart.chart().series()[0].clicked.emit(len(page.figures.records_by_member[:12]) - 1,
                                                        page.member_chart.chart().series()[0].barSets()[0])
    assert demo_window.stack.currentWidget() is demo_window.records_page
    assert demo_window.records_page.model.rowCount() == count
    code, _, aged = page.figures.audit_ages[0]
    demo_window.show_records(RecordQuery(audit_age=code, as_of=page.as_of))
    assert demo_window.records_page.model.rowCount() == aged


def test_sites_filter_sort_and_show_the_records_of_a_site(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.sites_page
    demo_window.show_page(page)
    total = page.model.rowCount()
    page.shared_only.setChecked(True)
    assert 0 < page.model.rowCount() < total
    page.table.sortByColumn(page.model.columns.index("members"), Qt.SortOrder.DescendingOrder)
    first = page.model.row_at(0)
    assert first is not None and first.members == max(page.model.row_at(r).members for r in range(page.model.rowCount()))
    page.table.selectRow(0)
    assert page.detail.rowCount() == first.records
    assert len({page.detail.index(r, 0).data() for r in range(page.detail.rowCount())}) == first.members
    page.search.setText(first.public_id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_records_filter_by_scheme_and_audit_age(demo_window: MainWindow) -> None:
    page = demo_window.records_page
    demo_window.show_page(page)
    page.scheme_filter.setCurrentIndex(page.scheme_filter.findData("SMETA_4P"))
    page.age_filter.setCurrentIndex(page.age_filter.findData("under_1"))
    with Store.open(demo_window.store.path) as store:
        expected = record_ids(store, RecordQuery(scheme="SMETA_4P", audit_age="under_1", as_of=dt.date.today()))
    assert page.model.rowCount() == len(expected) > 0
    assert "of" in page.count_label.text()


def test_matching_from_the_menu_runs_in_the_background_and_refreshes(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = demo_window.dashboard_page.figures
    with qtbot.waitSignal(demo_window.runner.idle, timeout=60_000):
        demo_window.full_match_action.trigger()
        assert demo_window.job_status.isVisible() and not demo_window.match_action.isEnabled()
    assert demo_window.match_action.isEnabled() and not demo_window.job_status.isVisible()
    assert "Matching finished" in demo_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: demo_window.dashboard_page.figures is not None)
    assert demo_window.dashboard_page.figures.sites == before.sites
    assert demo_window.dashboard_page.figures is not before  # counted again after the job


def test_a_cancelled_match_changes_nothing(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = demo_window.store.path
    with Store.open(path) as store:
        runs = store.conn.execute("SELECT count(*) FROM match_runs").fetchone()
    with qtbot.waitSignal(demo_window.runner.cancelled, timeout=60_000):
        demo_window.full_match_action.trigger()
        demo_window.job_status.cancel_button.click()
    assert "cancelled" in demo_window.statusBar().currentMessage()
    with Store.open(path) as store:
        assert store.conn.execute("SELECT count(*) FROM match_runs").fetchone() == runs


def test_a_failing_job_says_why_in_a_dialog(demo_window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            critical_messages: list[str]) -> None:
    not_a_packet = tmp_path / "notes.csv"
    not_a_packet.write_text("hello\n", encoding="utf-8")
    from aimdesk.gui.workspace_jobs import import_packet_job

    with qtbot.waitSignal(demo_window.runner.idle, timeout=20_000):
        demo_window.runner.start(import_packet_job(demo_window.store.path, not_a_packet, who="tester"))
    assert len(critical_messages) == 1 and "notes.csv" in critical_messages[0]


def test_dropping_a_list_on_the_window_opens_the_import_wizard_on_it(demo_window: MainWindow, tmp_path: Path) -> None:
    path = write_supplier_list(tmp_path / "dropped.csv", ACME_ROWS)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    demo_window.dropEvent(event)
    wizard = demo_window.import_wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    assert wizard.file_page.path_edit.text() == str(path)
    wizard.reject()


def test_a_member_is_renamed_and_a_taken_name_refused(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from aimdesk.gui.member_dialog import MemberDialog

    page = window.members_page
    window.show_page(page)
    page.table.selectRow(0)
    answers = iter([("Blue Fashion", "x"), ("Acme Retail Group", "Jo Smith, jo@acme.example")])

    def fill_and_save(dialog: MemberDialog) -> int:
        while True:
            name, contact = next(answers)
            dialog.name_edit.setText(name)
            dialog.contact_edit.setText(contact)
            dialog.accept()
            if dialog.result() == MemberDialog.DialogCode.Accepted:
                return int(MemberDialog.DialogCode.Accepted.value)
            assert "already called" in dialog.error.text()

    monkeypatch.setattr(MemberDialog, "exec", fill_and_save)
    assert page.edit_current()
    names = {page.model.member_at(r).name: page.model.member_at(r).contact for r in range(page.model.rowCount())}
    assert names == {"Acme Retail Group": "Jo Smith, jo@acme.example", "Blue Fashion": ""}


def test_the_welcome_page_builds_and_opens_the_demo_workspace(make_window: WindowFactory, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import aimdesk.gui.main_window as main_window_module

    monkeypatch.setattr(main_window_module.platformdirs, "user_data_dir", lambda *args: str(tmp_path / "data"))
    window = make_window()
    assert window.views.currentWidget() is window.empty_state
    with qtbot.waitSignal(window.runner.idle, timeout=120_000):
        window.empty_state.demo_requested.emit()
    assert window.store is not None and window.store.path == tmp_path / "data" / "demo" / "demo.aimdesk"
    qtbot.waitUntil(lambda: window.dashboard_page.figures is not None, timeout=20_000)
    assert window.dashboard_page.figures.members >= 12 and window.dashboard_page.figures.shared_sites > 0


def test_a_copy_and_a_records_export_are_written_in_the_background(demo_window: MainWindow, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from aimdesk.gui import main_window as main_window_module

    copy, export = tmp_path / "copy.aimdesk", tmp_path / "records.csv"
    answers = iter([str(copy), str(export)])
    monkeypatch.setattr(main_window_module.QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    for action in (demo_window.backup_action, demo_window.export_records_action):
        with qtbot.waitSignal(demo_window.runner.idle, timeout=30_000):
            action.trigger()
    with Store.open(copy) as store:
        assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == demo_window.dashboard_page.figures.records
    assert export.read_text(encoding="utf-8-sig").count("\n") == demo_window.dashboard_page.figures.records + 1
    assert "records.csv" in demo_window.statusBar().currentMessage()


def test_a_selected_record_shows_its_raw_row_and_its_site(demo_window: MainWindow) -> None:
    page = demo_window.records_page
    demo_window.show_page(page)
    page.table.selectRow(0)
    record = page.model.record_at(0)
    detail = demo_window.records_page.detail
    assert f"row {record.source_row}" in detail.raw_title.text() and record.source_file in detail.raw_title.text()
    cells = [detail.raw.index(r, 1).data() for r in range(detail.raw.rowCount())]
    assert record.site_name in cells
    assert detail.site_title.text().startswith("Site S")
    members = {detail.site.index(r, 0).data() for r in range(detail.site.rowCount())}
    assert record.member in members

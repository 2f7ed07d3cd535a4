"""The Exports page on a real matched demo workspace: the common document written from the
menu and kept as an edition, two editions compared, planned audits checked, the HRIA
register and the EcoVadis list."""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from aimdesk.core.ecovadis import import_ecovadis
from aimdesk.core.export.editions import list_editions
from aimdesk.core.hria import hria_entries
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import count_active_records
from aimdesk.core.store.sites import SiteQuery, fetch_sites, site_ids
from aimdesk.gui.exports.common_dialog import CommonDialog
from aimdesk.gui.exports.diff_dialog import DiffDialog
from aimdesk.gui.exports.ecovadis_dialog import EcoVadisDialog
from aimdesk.gui.exports.hria_dialog import HriaDialog
from aimdesk.gui.exports.planned_dialog import PlannedDialog
from aimdesk.gui.main_window import MainWindow

from .conftest import WindowFactory
from .test_review_page import matched_demo  # noqa: F401 - the session fixture


@pytest.fixture
def window(make_window: WindowFactory, matched_demo: Path, tmp_path: Path) -> MainWindow:  # noqa: F811
    copy = tmp_path / "exports.aimdesk"
    shutil.copy(matched_demo, copy)
    main = make_window()
    assert main.open_workspace(copy)
    main.show_page(main.exports_page)
    return main


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def test_the_common_document_is_written_from_the_menu_and_each_export_is_an_edition(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CommonDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    for name in ("first.xlsx", "second.xlsx"):
        save_as(monkeypatch, tmp_path / name)
        with qtbot.waitSignal(window.runner.idle, timeout=60_000):
            window.common_action.trigger()
    assert (tmp_path / "first.xlsx").read_bytes() == (tmp_path / "second.xlsx").read_bytes()  # same day, same bytes
    with zipfile.ZipFile(tmp_path / "first.xlsx") as book:
        text = "\n".join(book.read(n).decode("utf-8", "replace") for n in book.namelist()).lower()
    assert all(m.name.lower() not in text for m in list_members(window.store))
    page = window.exports_page
    assert page.model.rowCount() == 2 and page.diff_button.isEnabled()
    page.diff_button.click()
    dialog = window.findChild(DiffDialog)
    assert dialog is not None and "0</b> sites added" in dialog.findChildren(type(page.count))[0].text()


def test_a_csv_common_document_opens_in_excel_with_its_bom(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CommonDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(CommonDialog, "suffix", lambda self: ".csv")
    save_as(monkeypatch, tmp_path / "common.csv")
    with qtbot.waitSignal(window.runner.idle, timeout=60_000):
        window.common_action.trigger()
    data = (tmp_path / "common.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert len(rows) - 1 == list_editions(window.store)[0].sites > 0


def test_planned_audits_are_checked_without_touching_the_pooled_data(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, matched_demo: Path) -> None:  # noqa: F811
    store = window.store
    before = count_active_records(store)
    planned = next((matched_demo.parent / "members").iterdir())
    monkeypatch.setattr(PlannedDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(PlannedDialog, "planned_file", lambda self: planned)
    save_as(monkeypatch, tmp_path / "checked.xlsx")
    with qtbot.waitSignal(window.runner.idle, timeout=60_000):
        window.planned_action.trigger()
    assert (tmp_path / "checked.xlsx").exists()
    assert "planned suppliers have an audited site" in window.statusBar().currentMessage()
    assert count_active_records(store) == before


def test_the_hria_register_takes_an_entry_and_refuses_a_bad_one(window: MainWindow, qtbot, critical_messages) -> None:  # type: ignore[no-untyped-def]
    dialog = HriaDialog(window.store, "tester", window)
    qtbot.addWidget(dialog)
    dialog.country.setText("Viet Nam")
    dialog.sector.setText("coffee")
    dialog.scope.setText("smallholder farms, Central Highlands")
    dialog.add_button.click()
    assert [(e.country, e.commodity_or_sector) for e in hria_entries(window.store)] == [("VN", "coffee")]
    assert dialog.model.rowCount() == 1
    dialog.country.setText("Atlantis")
    dialog.sector.setText("cocoa")
    dialog.add_button.click()
    assert critical_messages and len(hria_entries(window.store)) == 1


def test_the_ecovadis_list_is_imported_from_its_dialog(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "ecovadis.csv"
    source.write_text("Company name,Country,Assessment year\nNowhere Widgets Ltd,United Kingdom,2025\n", encoding="utf-8")
    window.ecovadis_action.trigger()
    dialog = window.findChild(EcoVadisDialog)
    assert dialog is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    with qtbot.waitSignal(window.runner.idle, timeout=60_000):
        dialog.findChildren(type(window.exports_page.diff_button))[0].click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "1 assessed suppliers" in dialog.summary.text()


def test_a_person_confirms_or_rejects_an_ecovadis_match_in_the_dialog(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.store
    site = site_ids(store, SiteQuery())[0]
    public = fetch_sites(store, [site])[site].public_id
    source = tmp_path / "ecovadis.csv"
    source.write_text("Company name,Country,Assessment year\nNowhere Widgets Ltd,United Kingdom,2025\n"
                      "Elsewhere Gadgets Ltd,United Kingdom,2024\n", encoding="utf-8")
    import_ecovadis(store, source, who="tester")
    dialog = EcoVadisDialog(store, window.runner, "tester", window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (public, True))
    dialog.confirm_button.click()
    assert dialog.model.index(0, 4).data() == public and dialog.model.index(0, 6).data() == "matched"
    dialog.table.selectRow(1)
    dialog.reject_button.click()
    assert dialog.model.index(1, 6).data() == "no site found"

"""The import wizard driven end to end on real files, as a user would."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QComboBox, QWizard

from aimdesk.core.store.aliases import load_aliases
from aimdesk.core.store.imports import list_imports
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from aimdesk.gui.context import AppContext
from aimdesk.gui.import_wizard import ImportWizard
from aimdesk.gui.jobs import JobRunner

from .supplier_lists import HEADER, generated_rows

GREEN_ROWS = [
    ["Formosa Bicycle Works", "8 Zhongshan Rd", "Taichung", "Formosa", "ZS3100001", "2025-02-03", "SMETA 4-pillar"],
    ["Lanka Knit", "22 Galle Rd", "Colombo", "Sri Lanka", "ZS3100002", "2025-01-09", "Rainforest check"],
    ["Delta Shoes", "4 River Rd", "Ho Chi Minh City", "Vietnam", "", "2024-12-01", "SMETA 2-pillar"],
]


def green_list(path: Path, rows: list[list[str]] = GREEN_ROWS) -> Path:
    """A member's xlsx with a title and a blank row above the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Audited suppliers"
    sheet.append(["Green Co — audited suppliers 2025"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def digest(path: Path) -> str:
    with Store.open(path) as store:
        text = repr([list(store.conn.execute(f"SELECT * FROM {table} ORDER BY rowid"))
                     for table in ("members", "imports", "raw_rows", "records", "findings", "settings")])
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def wizard(qtbot, workspace: Path, app_context: AppContext):  # type: ignore[no-untyped-def]
    store = Store.open(workspace)
    runner = JobRunner()
    wizard = ImportWizard(store, runner, app_context.settings, who="tester")
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.draft.wait()
    runner.wait()
    store.close()


def choose_file(qtbot, wizard: ImportWizard, path: Path, member: str) -> None:  # type: ignore[no-untyped-def]
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.member_box.setEditText(member)
    assert wizard.file_page.isComplete()
    wizard.next()
    wait_for_reading(qtbot, wizard)


def wait_for_reading(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not wizard.draft.busy and (wizard.draft.prepared is not None or bool(wizard.draft.error)),
                    timeout=10_000)


def choose(box: QComboBox, data: str) -> None:
    box.setCurrentIndex(box.findData(data))
    box.activated.emit(box.currentIndex())


def test_wizard_imports_a_list_with_an_unknown_country_fixed_on_the_values_step(
        qtbot, wizard: ImportWizard, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    choose_file(qtbot, wizard, green_list(tmp_path / "green.xlsx"), "Green Co")
    assert wizard.currentPage() is wizard.sheet_page
    assert wizard.sheet_page.header_spin.value() == 3
    assert "3 supplier rows" in wizard.sheet_page.found.text()
    wizard.next()
    assert wizard.mapping_page.boxes["site_name"].currentText() == "A — Factory name"
    assert wizard.mapping_page.boxes["region"].currentData() == ""
    wizard.next()
    page = wizard.values_page
    assert page.countries.rowCount() == 1 and page.countries.index(0, 0).data() == "Formosa"
    assert page.schemes.index(0, 0).data() == "Rainforest check"
    choose(page.country_view.indexWidget(page.countries.index(0, 2)), "TW")
    wait_for_reading(qtbot, wizard)
    assert page.countries.rowCount() == 0 and page.country_group.isHidden()
    wizard.next()
    assert wizard.findings_page.counts.rowCount() >= 0
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.report is not None, timeout=10_000)
    assert "3 supplier records added" in wizard.run_page.status.text()
    assert "not eligible for mutual recognition yet" in wizard.run_page.status.text()  # nothing signed
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with Store.open(workspace) as store:
        countries = {r.site_name: r.country for r in iter_active_records(store)}
        assert countries["Formosa Bicycle Works"] == "TW"
        assert load_aliases(store).country("FORMOSA") == "TW"
        assert list_imports(store)[0].member == "Green Co"


def test_changing_the_header_row_reads_the_file_again(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    choose_file(qtbot, wizard, green_list(tmp_path / "green.xlsx"), "Green Co")
    wizard.sheet_page.header_spin.setValue(1)
    wizard.sheet_page.header_spin.editingFinished.emit()
    wait_for_reading(qtbot, wizard)
    assert wizard.draft.error  # the title row has no site name column
    assert not wizard.sheet_page.isComplete()
    wizard.sheet_page.header_spin.setValue(3)
    wizard.sheet_page.header_spin.editingFinished.emit()
    wait_for_reading(qtbot, wizard)
    assert wizard.draft.error == "" and wizard.sheet_page.isComplete()


def test_leaving_a_field_out_on_the_columns_step(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    choose_file(qtbot, wizard, green_list(tmp_path / "green.xlsx"), "Green Co")
    wizard.next()
    choose(wizard.mapping_page.boxes["audit_type"], "")
    wait_for_reading(qtbot, wizard)
    assert wizard.mapping_page.boxes["audit_type"].currentData() == ""
    assert all(r.audit_type_raw == "" for r in wizard.draft.prepared.records)


def test_cancelling_the_import_leaves_the_workspace_unchanged(
        qtbot, wizard: ImportWizard, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = digest(workspace)
    big = green_list(tmp_path / "big.xlsx", generated_rows(30_000))
    choose_file(qtbot, wizard, big, "Green Co")
    for _ in range(4):
        wizard.next()
    runner = wizard.run_page.runner
    with qtbot.waitSignal(runner.progressed, timeout=10_000):
        pass
    wizard.run_page.cancel_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    assert "cancelled" in wizard.run_page.status.text().lower()
    assert wizard.run_page.retry_button.isVisible() and wizard.run_page.report is None
    assert digest(workspace) == before


def test_the_findings_report_is_saved_before_the_import(qtbot, wizard: ImportWizard, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(qtbot, wizard, green_list(tmp_path / "green.xlsx"), "Green Co")
    for _ in range(3):
        wizard.next()
    page = wizard.findings_page
    kinds = [page.counts.index(row, 0).data() for row in range(page.counts.rowCount())]
    assert "Country not recognised" in kinds
    out = tmp_path / "for the member.xlsx"
    monkeypatch.setattr("aimdesk.gui.import_wizard.findings_page.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(out), ""))
    page.save_button.click()
    from openpyxl import load_workbook
    rows = list(load_workbook(out)["Rows to check"].iter_rows(values_only=True))
    assert rows[1][:3] == ("Audited suppliers", 4, "Country not recognised")


def test_a_file_imported_before_is_refused_then_imported_on_request(
        qtbot, wizard: ImportWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = green_list(tmp_path / "green.xlsx")
    for attempt in range(2):
        if attempt:
            wizard.restart()
        choose_file(qtbot, wizard, path, "Green Co")
        for _ in range(4):
            wizard.next()
        qtbot.waitUntil(lambda: not wizard.run_page.running, timeout=10_000)
    page = wizard.run_page
    assert "identical to the file imported" in page.status.text() and page.force_button.isVisible()
    page.force_button.click()
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)

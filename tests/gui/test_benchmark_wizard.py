"""Protocols: the benchmark wizard driven from the keyboard on a real workspace, revisions,
comparison, a questionnaire filled in Excel's way, reports, and members' eligibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWizard

from aimdesk.core.benchmark.assessments import get_assessment, list_assessments
from aimdesk.core.benchmark.catalogues import latest_catalogue
from aimdesk.core.benchmark.eligibility import member_status
from aimdesk.core.benchmark.questionnaire import write_questionnaire
from aimdesk.core.store.members import list_members
from aimdesk.gui.benchmark.compare_dialog import CompareDialog
from aimdesk.gui.benchmark.wizard import SUMMARY, BenchmarkWizard
from aimdesk.gui.main_window import MainWindow

SMETA = "smeta-6.1-4p"


def open_wizard(window: MainWindow, qtbot) -> BenchmarkWizard:  # type: ignore[no-untyped-def]
    window.new_benchmark_action.trigger()
    wizard = window.protocols_page.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    return wizard


def answer_every_page(wizard: BenchmarkWizard, qtbot, key: Qt.Key, *, first_keys: tuple[Qt.Key, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    """On each pillar page, the given first keys, then `key` until every criterion is answered."""
    while wizard.currentId() != SUMMARY:
        page = wizard.currentPage()
        for number in range(page.model.rowCount()):
            qtbot.keyClick(page.table, first_keys[number] if number < len(first_keys) else key)
        wizard.next()


def test_a_benchmark_answered_from_the_keyboard_is_saved_with_its_score(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window, qtbot)
    setup = wizard.setup_page
    setup.protocol.setText("Acme Supplier Code")
    setup.version.setText("3.2")
    assert setup.catalogue().key == SMETA and setup.isComplete()
    wizard.next()
    pillars = len(wizard.pillar_pages)
    assert pillars == 4 and wizard.currentPage().title().startswith("Labour")
    answer_every_page(wizard, qtbot, Qt.Key.Key_C, first_keys=(Qt.Key.Key_P, Qt.Key.Key_N, Qt.Key.Key_A))
    summary = wizard.summary_page.text.toPlainText()
    assert "commonality" in summary and "By pillar" in summary
    wizard.accept()
    store = window.store
    saved = list_assessments(store)
    assert [(a.protocol, a.revision, a.member) for a in saved] == [("Acme Supplier Code", 1, list_members(store)[0].name)]
    catalogue = latest_catalogue(store, SMETA)
    applicable = len(catalogue.active) - pillars  # one "not applicable" per page
    expected = (applicable - pillars * 1.5) / applicable  # one partly, one not covered per page
    assert saved[0].commonality == pytest.approx(expected)
    assert window.protocols_page.model.rowCount() == 1


def test_reopening_makes_a_new_revision_and_keeps_the_first_and_compare_shows_what_changed(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot) -> None:
    first = open_wizard(window, qtbot)
    first.setup_page.protocol.setText("Blue Code")
    first.next()
    answer_every_page(first, qtbot, Qt.Key.Key_C)
    first.accept()
    page = window.protocols_page
    page.table.selectRow(0)
    second = page.open_wizard(page.selected())
    qtbot.addWidget(second)
    assert second.setup_page.protocol.text() == "Blue Code"
    second.next()
    qtbot.keyClick(second.currentPage().table, Qt.Key.Key_N)  # the first criterion now not covered
    while second.currentId() != SUMMARY:
        second.next()
    second.accept()
    store = window.store
    assessment_id = list_assessments(store)[0].id
    assert get_assessment(store, assessment_id).revision == 2
    assert all(a.answer == "covered" for a in get_assessment(store, assessment_id, 1).answers.values())
    page.table.selectRow(0)
    dialog = CompareDialog(store, page.assessments, page.selected(), page)
    qtbot.addWidget(dialog)
    dialog.right_box.setCurrentIndex(dialog.choice((assessment_id, 1)))
    assert "1 of" in dialog.count.text()
    dialog.only_differences.setChecked(True)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 5).data().startswith("not covered")


def test_a_questionnaire_filled_in_excel_pre_fills_the_wizard(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = window.store
    catalogue = latest_catalogue(store, SMETA)
    path = write_questionnaire(catalogue, tmp_path / "questionnaire.xlsx", member="Acme Retail")
    book = load_workbook(path)
    sheet = book["Criteria"]
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value:
            sheet.cell(row=row, column=header.index("answer") + 1, value="Covered ")
    book.save(path)
    wizard = open_wizard(window, qtbot)
    wizard.setup_page.protocol.setText("Acme Code")
    wizard.setup_page.prefill(path)
    assert f"{len(catalogue.active)} answers read" in wizard.setup_page.prefill_label.text()
    wizard.next()
    while wizard.currentId() != SUMMARY:
        wizard.next()
    assert "Passed" in wizard.summary_page.text.toPlainText()


def test_a_report_is_written_as_pdf_in_the_background(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(window, qtbot)
    wizard.setup_page.protocol.setText("Acme Code")
    wizard.next()
    answer_every_page(wizard, qtbot, Qt.Key.Key_C)
    wizard.accept()
    page = window.protocols_page
    page.table.selectRow(0)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(window.runner.idle, timeout=30_000):
        page.buttons["pdf"].click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Acme Code" in text and "100.0" in text and "passed" in text.lower()


def test_a_member_becomes_eligible_once_the_statement_is_signed_and_the_benchmark_passed(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot) -> None:
    store = window.store
    window.show_page(window.members_page)
    members = window.members_page
    members.table.selectRow(0)
    member_id = members.model.member_at(members.proxy.mapToSource(members.table.currentIndex()).row()).id
    dialog = members.show_status()
    qtbot.addWidget(dialog)
    assert "not eligible" in dialog.status_text.text()
    dialog.signatory.setText("J. Doe, CEO")
    dialog.sign_button.click()
    dialog.pass_button.click()
    assert member_status(store, member_id).eligible
    assert "eligible" in dialog.status_text.text() and "J. Doe" in dialog.status_text.text()
    dialog.accept()
    column = [members.model.headerData(c, Qt.Orientation.Horizontal) for c in range(members.model.columnCount())]
    row = next(r for r in range(members.model.rowCount()) if members.model.member_at(r).id == member_id)
    assert members.model.index(row, column.index("Audits recognised")).data() == "yes"
    assert members.model.index(row, column.index("Virtual recognised")).data() == "no"


def test_the_wizard_is_a_modern_wizard_with_a_save_button(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window, qtbot)
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Save"


def test_editing_a_catalogue_saves_a_new_version_and_leaves_old_benchmarks_alone(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.store
    wizard = open_wizard(window, qtbot)
    wizard.setup_page.protocol.setText("Old Code")
    wizard.next()
    answer_every_page(wizard, qtbot, Qt.Key.Key_C)
    wizard.accept()
    before = latest_catalogue(store, SMETA)
    editor = window.protocols_page.edit_catalogues()
    qtbot.addWidget(editor)
    model = editor.model
    model.setData(model.index(0, 3), "Does the protocol check a written human-rights policy?")
    model.setData(model.index(1, 7), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(2, 4), "2")
    editor.table.selectRow(2)
    editor.add()
    model.setData(model.index(3, 0), "0A.9")
    model.setData(model.index(3, 3), "Does the protocol check a worker survey?")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("reworded 0A.1, retired one, added 0A.9", True))
    saved = editor.save()
    assert saved is not None and saved.version == before.version + 1
    assert saved.criteria[0].question.startswith("Does the protocol check a written")
    assert saved.criteria[1].retired and saved.criteria[2].weight == 2 and saved.criterion("0A.9") is not None
    old = list_assessments(store)[0]
    assert (old.catalogue_version, old.commonality) == (before.version, 1.0)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # an existing id stays

"""The Review page driven from the keyboard on a real matched demo workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from aimdesk.core.export.packet_file import read_packet
from aimdesk.core.export.review_packet import import_review_packet, write_review_packet
from aimdesk.core.matching.conflicts import open_conflicts
from aimdesk.core.matching.decisions import decide
from aimdesk.core.matching.run import run_matching
from aimdesk.core.matching.undo import undo
from aimdesk.core.store.matching import current_decisions
from aimdesk.core.store.records import record_site
from aimdesk.core.store.workspace import Store
from aimdesk.demo.build import make_demo
from aimdesk.gui.main_window import MainWindow
from aimdesk.gui.review.packet_report import PacketReportDialog

from .conftest import WindowFactory


@pytest.fixture(scope="session")
def matched_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace (about 700 records), matched once for every test."""
    workspace = make_demo(tmp_path_factory.mktemp("review-demo"), who="builder", scale=0.1)
    with Store.open(workspace) as store:
        run_matching(store, who="builder")
    return workspace


@pytest.fixture
def review_window(make_window: WindowFactory, matched_demo: Path, tmp_path: Path) -> MainWindow:
    copy = tmp_path / "review.aimdesk"
    shutil.copy(matched_demo, copy)
    window = make_window()
    assert window.open_workspace(copy)
    window.show_page(window.review_page)
    window.review_page.comparison.setFocus()
    return window


def shown_pair(window: MainWindow) -> tuple[int, int]:
    item = window.review_page.session.current
    assert item is not None
    return item.left, item.right


def decisions(window: MainWindow) -> dict[tuple[int, int], tuple[str, str, str]]:
    assert window.store is not None
    return {k: (d.verdict, d.reviewer, d.note) for k, d in current_decisions(window.store).items()}


def test_one_key_decides_the_pair_shown_and_the_next_one_appears(review_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = review_window.review_page
    waiting = len(page.session.items)
    assert waiting >= 4
    first = shown_pair(review_window)
    assert f"Records {first[0]} and {first[1]}" in page.comparison.toPlainText()
    qtbot.keyClick(page.comparison, Qt.Key.Key_S)
    second = shown_pair(review_window)
    assert decisions(review_window)[first] == ("same", "tester", "")
    assert second != first and f"Records {second[0]} and {second[1]}" in page.comparison.toPlainText()
    qtbot.keyClick(page.comparison, Qt.Key.Key_D)
    assert decisions(review_window)[second][0] == "different"
    third = shown_pair(review_window)
    qtbot.keyClick(page.comparison, Qt.Key.Key_N)  # skip: nothing recorded
    assert third not in decisions(review_window) and shown_pair(review_window) != third
    assert page.queue_model.rowCount() == len(page.session.items) == waiting - 2
    assert "2</b> decided this session" in page.progress_label.text()


def test_a_note_typed_before_the_key_goes_with_the_decision(review_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = review_window.review_page
    pair = shown_pair(review_window)
    page.decision_bar.note.setFocus()
    qtbot.keyClicks(page.decision_bar.note, "same street, new name")  # letters typed here are text, not decisions
    assert pair not in decisions(review_window)
    qtbot.keyClick(page.decision_bar.note, Qt.Key.Key_Escape)
    qtbot.keyClick(page.comparison, Qt.Key.Key_U)
    assert decisions(review_window)[pair] == ("unsure", "tester", "same street, new name")
    assert page.decision_bar.note.text() == ""


def test_filters_cut_the_queue(review_window: MainWindow) -> None:
    page = review_window.review_page
    everything = len(page.session.items)
    page.multi_only.setChecked(True)
    assert all(item.is_multi_member for item in page.session.items)
    page.multi_only.setChecked(False)
    page.country_filter.setCurrentIndex(page.country_filter.findData("CN"))
    assert window_countries(review_window) == {"CN"}
    assert 0 < len(page.session.items) < everything


def window_countries(window: MainWindow) -> set[str]:
    page = window.review_page
    return {page.queue_model.index(row, 3).data() for row in range(page.queue_model.rowCount())} - {""} \
        or {"none"}


def test_the_next_matching_run_honours_the_decisions(review_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = review_window.review_page
    same = shown_pair(review_window)
    qtbot.keyClick(page.comparison, Qt.Key.Key_S)
    different = shown_pair(review_window)
    qtbot.keyClick(page.comparison, Qt.Key.Key_D)
    with qtbot.waitSignal(review_window.runner.idle, timeout=60_000):
        qtbot.mouseClick(next(b for b in page.findChildren(QPushButton) if b.text() == "Apply to sites"),
                         Qt.MouseButton.LeftButton)
    store = review_window.store
    assert store is not None
    assert record_site(store, same[0]) == record_site(store, same[1])
    assert record_site(store, different[0]) != record_site(store, different[1])
    assert same not in {(i.left, i.right) for i in page.session.items}


def fill_packet(path: Path, word: str) -> None:
    """The first pair of a packet decided in Excel's way (openpyxl, decision typed in)."""
    book = load_workbook(path)
    sheet = book["Pairs"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("decision") + 1, value=word)
    book.save(path)


def test_a_packet_imported_from_the_menu_reports_every_row_and_conflicts_are_settled_by_key(  # type: ignore[no-untyped-def]
        review_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = review_window.store
    assert store is not None
    first, second = tmp_path / "ana.xlsx", tmp_path / "bob.xlsx"
    for path in (first, second):
        write_review_packet(store, path, limit=3, who="secretariat")
    fill_packet(first, "Same")
    fill_packet(second, "different")
    import_review_packet(store, first, reviewer="Ana")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(second), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Bob", True))
    with qtbot.waitSignal(review_window.runner.idle, timeout=30_000):
        review_window.import_packet_action.trigger()
    report = review_window.findChild(PacketReportDialog)
    assert report is not None and report.model.rowCount() == 3
    assert report.model.index(0, 3).data() == "conflict — to adjudicate"
    report.close()
    review_window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(review_window.isActiveWindow)
    page = review_window.review_page
    assert page.conflicts_button.isVisible() and page.conflicts_button.text().endswith(": 1")
    qtbot.mouseClick(page.conflicts_button, Qt.MouseButton.LeftButton)
    pair = shown_pair(review_window)
    text = page.comparison.toPlainText()
    assert "Packet says" in text and "different, by Bob" in text, text[:400]
    qtbot.keyClick(page.comparison, Qt.Key.Key_D)
    assert decisions(review_window)[pair][:2] == ("different", "tester")
    assert page.session.current is None and not open_conflicts(store)


def test_a_reviewer_decides_a_packet_file_in_the_app_with_undo_and_saves_it(  # type: ignore[no-untyped-def]
        review_window: MainWindow, qtbot, tmp_path: Path) -> None:
    store = review_window.store
    assert store is not None
    packet = tmp_path / "for Ana.xlsx"
    write_review_packet(store, packet, limit=4, who="secretariat")
    window = review_window.review_packet_file(packet)
    assert window is not None
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.comparison.setFocus()
    qtbot.keyClick(window.comparison, Qt.Key.Key_S)
    qtbot.keyClick(window.comparison, Qt.Key.Key_D)
    assert [window.answers.answer(n)[0] for n in (2, 3)] == ["same", "different"]
    qtbot.keyClick(window.comparison, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.answers.answer(3)[0] is None and window.position == 1  # back on the undone row
    qtbot.keyClick(window.comparison, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.answers.answer(3)[0] == "different"
    assert "not saved" in window.status.text()
    qtbot.keyClick(window.comparison, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "not saved" not in window.status.text()
    assert [r.verdict for r in read_packet(packet).rows] == ["same", "different", None, None]
    result = import_review_packet(store, packet, reviewer="Ana")
    assert result.counts["applied"] == 2


def test_closing_a_packet_with_unsaved_answers_asks_first(  # type: ignore[no-untyped-def]
        review_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = review_window.store
    assert store is not None
    packet = tmp_path / "p.csv"
    write_review_packet(store, packet, limit=2, who="secretariat")
    window = review_window.review_packet_file(packet)
    assert window is not None
    qtbot.addWidget(window)
    window.decide("same")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Cancel)
    assert not window.close() and window.isVisible() and asked
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Save)
    assert window.close()
    assert read_packet(packet).rows[0].verdict == "same"


def test_undo_and_redo_from_the_keyboard_go_through_the_decision_log(review_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = review_window.review_page
    review_window.activateWindow()
    qtbot.waitUntil(review_window.isActiveWindow)
    page.comparison.setFocus()
    first = shown_pair(review_window)
    qtbot.keyClick(page.comparison, Qt.Key.Key_S)
    second = shown_pair(review_window)
    qtbot.keyClick(page.comparison, Qt.Key.Key_D)
    assert review_window.undo_action.text().startswith("&Undo Different:")
    with qtbot.waitSignal(review_window.runner.idle, timeout=30_000):
        qtbot.keyClick(page.comparison, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert second not in decisions(review_window) and shown_pair(review_window) == second
    assert "1</b> decided this session" in page.progress_label.text()
    with qtbot.waitSignal(review_window.runner.idle, timeout=30_000):
        qtbot.keyClick(page.comparison, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not decisions(review_window) and shown_pair(review_window) == first
    with qtbot.waitSignal(review_window.runner.idle, timeout=30_000):
        qtbot.keyClick(page.comparison, Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert decisions(review_window)[first][0] == "same"
    assert review_window.redo_action.text().startswith("&Redo Different:")


def test_the_history_of_a_pair_shows_who_decided_what_and_what_was_undone(review_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = review_window.review_page
    store = review_window.store
    assert store is not None
    pair = shown_pair(review_window)
    decide(store, *pair, "different", reviewer="Ana", note="two plants")
    undo(store, who="Bo")
    page.reload(show=pair)
    text = page.comparison.toPlainText()
    assert "Who decided what" in text
    assert "Ana" in text and "undone" in text and "two plants" in text
    assert "withdrawn" in text and "Bo" in text

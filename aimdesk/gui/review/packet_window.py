"""A review packet decided in the app, without the workspace: the reviewer who received the
file opens it (File ▸ Review a packet file…), decides with the same side-by-side screen and
keys, and saves the answers into the file to send back.

Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) work on the answers given in this window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QMainWindow, QMessageBox, QSplitter,
                               QVBoxLayout, QWidget)

from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.packet_file import read_packet
from aimdesk.core.export.packet_review import PacketAnswers, packet_pair_view
from aimdesk.core.matching.decisions import Verdict
from aimdesk.gui.crash import show_error
from aimdesk.gui.models import TextRowsModel, fixed_widths, text_table
from aimdesk.gui.review.comparison import ComparisonView
from aimdesk.gui.review.decision_bar import DecisionBar

ROW_COLUMNS = ("Row", "Score", "Left", "Right", "Decision")
ROW_WIDTHS = (40, 48, 140, 140, 70)
Answer = tuple[Verdict | None, str]


class AnswerCommand(QUndoCommand):
    """One answer given to one packet row; undo puts back the answer it replaced."""

    def __init__(self, window: PacketWindow, number: int, answer: Answer) -> None:
        super().__init__(f"{answer[0] or 'clear'} on row {number}")
        self.window, self.number = window, number
        self.before, self.after = window.answers.answer(number), answer

    def redo(self) -> None:
        self.window.set_answer(self.number, self.after)

    def undo(self) -> None:
        self.window.set_answer(self.number, self.before)
        self.window.show_row(self.number)


class PacketWindow(QMainWindow):
    """The rows of one packet, the selected row side by side, and the decision keys."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answers = PacketAnswers(read_packet(path))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows = self.answers.packet.rows
        self._positions = {row.number: position for position, row in enumerate(self.rows)}
        self.position = 0
        self.undo_stack = QUndoStack(self)
        self.model = TextRowsModel(ROW_COLUMNS, self)
        self.view = text_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fixed_widths(self.view, ROW_WIDTHS)
        self.comparison = ComparisonView()
        self.decision_bar = DecisionBar()
        self.status = QLabel()
        self._build()
        self.model.set_rows([self._row_cells(row.number) for row in self.rows])
        self.show_position(self._next_open(-1))

    def _build(self) -> None:
        packet_id = self.rows[0].packet_id if self.rows else ""
        self.setWindowTitle(f"Review packet {packet_id} — {self.answers.packet.path.name}")
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.comparison, 1)
        column.addWidget(self.decision_bar)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setSizes([440, 840])
        self.setCentralWidget(splitter)
        self.statusBar().addWidget(self.status)
        self.resize(1280, 780)
        file_menu = self.menuBar().addMenu("&File")
        self.save_action = self._add(file_menu, "&Save answers into the packet", QKeySequence.StandardKey.Save, self.save)
        self._add(file_menu, "&Close", QKeySequence.StandardKey.Close, self.close)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action, keys in ((self.undo_stack.createUndoAction(self, "&Undo"), QKeySequence.StandardKey.Undo),
                             (self.undo_stack.createRedoAction(self, "&Redo"), "Ctrl+Shift+Z")):
            action.setShortcut(QKeySequence(keys))
            edit_menu.addAction(action)
        self.decision_bar.chosen.connect(self.decide)
        self.decision_bar.skipped.connect(lambda: self.show_position(self._next_open(self.position)))
        self.decision_bar.install_keys(self, leave_note=self.comparison.setFocus)
        self.view.clicked.connect(lambda index: self.show_position(index.row()))

    def _add(self, menu: object, text: str, keys: object, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # -- answers -----------------------------------------------------------------------------

    def decide(self, verdict: str) -> None:
        if not self.rows:
            return
        number = self.rows[self.position].number
        self.undo_stack.push(AnswerCommand(self, number, (verdict, self.decision_bar.take_note())))  # type: ignore[arg-type]
        self.show_position(self._next_open(self.position))

    def set_answer(self, number: int, answer: Answer) -> None:
        self.answers.set(number, *answer)
        self.model.set_row(self._index_of(number), self._row_cells(number))
        self._update_status()

    def show_row(self, number: int) -> None:
        self.show_position(self._index_of(number))

    def show_position(self, position: int) -> None:
        if not self.rows:
            self.comparison.show_message("This packet has no pairs.")
            return
        self.position = position
        row = self.rows[position]
        self.comparison.show_pair(packet_pair_view(self.answers.packet, row, self.answers.answer(row.number)))
        self.view.selectRow(position)
        self._update_status()

    def _next_open(self, after: int) -> int:
        """The next row without an answer after `after` (wrapping); `after` + 1 when all are answered."""
        count = len(self.rows)
        for step in range(1, count + 1):
            position = (after + step) % count
            if self.answers.answer(self.rows[position].number)[0] is None:
                return position
        return min(after + 1, count - 1) if count else 0

    def _index_of(self, number: int) -> int:
        return self._positions[number]

    def _row_cells(self, number: int) -> list[str]:
        row = self.rows[self._index_of(number)]
        verdict, _ = self.answers.answer(number)
        return [str(number), f"{row.score:.0%}" if row.score is not None else "",
                row.left_fields.get("site_name", ""), row.right_fields.get("site_name", ""), verdict or ""]

    def _update_status(self) -> None:
        unsaved = " · answers not saved yet (Ctrl+S)" if self.answers.changed else ""
        self.status.setText(f"{self.answers.decided} of {len(self.rows)} pairs decided{unsaved}")

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        try:
            self.answers.save()
        except AimDeskError as error:
            show_error(self, str(error), title="Save answers")
            return False
        self.undo_stack.setClean()
        self._update_status()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.answers.changed:
            choice = QMessageBox.question(
                self, "Unsaved answers", f"Save your answers into {self.answers.packet.path.name}?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if choice == QMessageBox.StandardButton.Cancel or (
                    choice == QMessageBox.StandardButton.Save and not self.save()):
                event.ignore()
                return
        event.accept()

"""One pillar's criteria as an editable table: answer, the protocol's own reference, a note.

Keyboard: C covered, P partly, N not covered, A not applicable (or 1–4) answer the selected
criterion and move to the next one; F2 or typing edits the reference and note cells.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from aimdesk.core.benchmark.model import Answer, AnswerWord, Criterion
from aimdesk.gui.models import Index

COLUMNS = ("Id", "Section", "Question", "Answer", "Protocol reference", "Note")
ANSWER, REFERENCE, NOTE = 3, 4, 5
ANSWER_KEYS: dict[int, AnswerWord] = {
    Qt.Key.Key_C: "covered", Qt.Key.Key_P: "partly", Qt.Key.Key_N: "not covered", Qt.Key.Key_A: "not applicable",
    Qt.Key.Key_1: "covered", Qt.Key.Key_2: "partly", Qt.Key.Key_3: "not covered", Qt.Key.Key_4: "not applicable"}
ANSWER_COLOURS: dict[str, str] = {"covered": "#d8efd9", "partly": "#fff2c2", "not covered": "#fbd5d5",
                                  "not applicable": "#e8e8e8"}


class AnswersModel(QAbstractTableModel):
    """The criteria of one pillar over the wizard's shared answers (criterion id → Answer)."""

    def __init__(self, criteria: tuple[Criterion, ...], answers: dict[str, Answer],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = criteria
        self.answers = answers

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in (REFERENCE, NOTE) else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        criterion = self.criteria[index.row()]
        answer = self.answers.get(criterion.id)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _cell(criterion, answer, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return criterion.question + (" (core criterion)" if criterion.core else "") + \
                (" — draft wording, to be confirmed" if criterion.draft else "")
        if role == Qt.ItemDataRole.BackgroundRole and column == ANSWER and answer is not None:
            return QBrush(QColor(ANSWER_COLOURS[answer.answer]))
        if role == Qt.ItemDataRole.FontRole and column == 2 and criterion.core:
            return _bold()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (REFERENCE, NOTE):
            return False
        criterion = self.criteria[index.row()]
        current = self.answers.get(criterion.id)
        if current is None:
            return False  # answer first: a reference without an answer means nothing
        text = str(value).strip()
        self.answers[criterion.id] = Answer(criterion.id, current.answer,
                                            text if index.column() == REFERENCE else current.reference,
                                            text if index.column() == NOTE else current.note)
        self.dataChanged.emit(index, index)
        return True

    def set_answer(self, row: int, word: AnswerWord) -> None:
        criterion = self.criteria[row]
        current = self.answers.get(criterion.id)
        self.answers[criterion.id] = Answer(criterion.id, word, current.reference if current else "",
                                            current.note if current else "")
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))


def _cell(criterion: Criterion, answer: Answer | None, column: int) -> str:
    if column == 0:
        return criterion.id
    if column == 1:
        return criterion.section
    if column == 2:
        return ("★ " if criterion.core else "") + criterion.question
    if answer is None:
        return ""
    return (answer.answer, answer.reference, answer.note)[column - ANSWER]


class AnswerTable(QTableView):
    """The criteria table, answered from the keyboard."""

    def __init__(self, model: AnswersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column, width in enumerate((52, 150, 0, 110, 140, 160)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        word = ANSWER_KEYS.get(Qt.Key(event.key())) if not event.modifiers() else None
        row = self.currentIndex().row()
        if word is None or row < 0:
            super().keyPressEvent(event)
            return
        model = self.model()
        assert isinstance(model, AnswersModel)
        model.set_answer(row, word)
        self.selectRow(min(row + 1, model.rowCount() - 1))


@cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font

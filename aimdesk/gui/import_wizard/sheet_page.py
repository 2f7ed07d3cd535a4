"""Step 2: the sheet and the header row, on a preview of the file's first rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHeaderView, QLabel, QSpinBox, QTableView,
                               QVBoxLayout, QWidget)

from aimdesk.core.ingest.cells import cell_text
from aimdesk.core.ingest.mapping import column_letter
from aimdesk.core.ingest.reader import SheetData
from aimdesk.gui.import_wizard.draft import ImportDraft, Preview
from aimdesk.gui.import_wizard.reading import DraftPage

PREVIEW_ROWS = 60
HEADER_COLOUR = QColor("#cfe2f3")
Index = QModelIndex | QPersistentModelIndex


class SheetPreviewModel(QAbstractTableModel):
    """The first rows of a sheet as the file has them; the header row highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[object]] = []
        self.width = 0
        self.header_index = -1

    def show(self, sheet: SheetData | None, header_index: int) -> None:
        self.beginResetModel()
        self.rows = sheet.rows[:max(PREVIEW_ROWS, header_index + 20)] if sheet else []
        self.width = max((len(r) for r in self.rows), default=0)
        self.header_index = header_index
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_letter(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(row[index.column()]) if index.column() < len(row) else ""
        if index.row() == self.header_index:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(HEADER_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


class SheetPage(DraftPage):
    """Pick another sheet or header row when AIMDesk's guess is wrong."""

    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, "Sheet and header row",
                         "The highlighted row holds the column names. Titles, logos and notes "
                         "above it are kept but not imported.", parent)
        self.sheet_box = QComboBox()
        self.header_spin = QSpinBox(minimum=1, maximum=1_000_000)
        self.found = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.model = SheetPreviewModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        self.table.verticalHeader().setDefaultSectionSize(22)
        form = QFormLayout()
        form.addRow("&Sheet:", self.sheet_box)
        form.addRow("&Header row:", self.header_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.found)
        layout.addWidget(self.reading_status)
        layout.addWidget(self.table, 1)
        self.sheet_box.activated.connect(self._sheet_chosen)
        self.header_spin.editingFinished.connect(self._header_chosen)

    def show_preview(self, preview: Preview) -> None:
        prepared = preview.prepared
        part = prepared.primary
        self.sheet_box.clear()
        self.sheet_box.addItems([sheet.name for sheet in prepared.workbook.sheets])
        self.sheet_box.setCurrentText(part.sheet.name)
        self.header_spin.setValue(part.header.row_number)
        self.model.show(part.sheet, part.header.row_index)
        self.table.scrollTo(self.model.index(max(part.header.row_index - 2, 0), 0),
                            QTableView.ScrollHint.PositionAtTop)
        self.found.setText(_summary(prepared.workbook.path.name, part.sheet.name,
                                    part.header.row_number, len(prepared.records), prepared.warnings))

    def _sheet_chosen(self) -> None:
        if self.sheet_box.currentText() != self.draft.sheet:
            self.draft.sheet, self.draft.header_row = self.sheet_box.currentText(), None
            self.draft.read_again()

    def _header_chosen(self) -> None:
        prepared = self.draft.prepared
        if prepared is None or self.header_spin.value() != prepared.primary.header.row_number:
            self.draft.sheet = self.sheet_box.currentText() or None
            self.draft.header_row = self.header_spin.value()
            self.draft.mapping = {}
            self.draft.read_again()


def _summary(file_name: str, sheet: str, header_row: int, records: int, warnings: tuple[str, ...]) -> str:
    text = f"{file_name}: sheet “{sheet}”, column names on row {header_row}, {records:,} supplier rows below."
    return "\n".join([text, *(f"⚠ {w}" for w in warnings)])

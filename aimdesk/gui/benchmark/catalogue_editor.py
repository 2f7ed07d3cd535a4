"""Protocols ▸ Catalogues…: edit a criteria catalogue — reword, add, retire criteria,
change weights and which are core — and save it as the catalogue's next version.

A saved version never changes, so every benchmark keeps the criteria it was answered
against; a criterion is retired, never removed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from aimdesk.core.benchmark.catalogues import latest_catalogue, list_catalogues, save_catalogue_version
from aimdesk.core.benchmark.model import Catalogue, Criterion
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.workspace import Store
from aimdesk.gui.crash import show_error
from aimdesk.gui.models import Index

COLUMNS = (("id", "Id"), ("pillar", "Pillar"), ("section", "Section"), ("question", "Question"),
           ("weight", "Weight"), ("core", "Core"), ("draft", "Draft wording"), ("retired", "Retired"))
CHECKS = frozenset({"core", "draft", "retired"})


class CriteriaModel(QAbstractTableModel):
    """The criteria being edited; ids of criteria an earlier version had stay fixed."""

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = list(catalogue.criteria)
        self.fixed_ids = {c.id for c in catalogue.criteria}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        name = COLUMNS[index.column()][0]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if name in CHECKS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if name == "id" and self.criteria[index.row()].id in self.fixed_ids:
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        criterion = self.criteria[index.row()]
        name = COLUMNS[index.column()][0]
        value = getattr(criterion, name)
        if name in CHECKS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{value:g}" if name == "weight" and role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.ForegroundRole and criterion.retired:
            return Qt.GlobalColor.gray
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = COLUMNS[index.column()][0]
        if name in CHECKS and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and name == "weight":
            try:
                new = float(str(value).replace(",", "."))
            except ValueError:
                return False
        elif role == Qt.ItemDataRole.EditRole:
            new = str(value).strip()
        else:
            return False
        self.criteria[index.row()] = replace(self.criteria[index.row()], **{name: new})
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(len(COLUMNS) - 1))
        return True

    def add_after(self, row: int) -> int:
        """A new criterion in the pillar and section of `row`; returns its row."""
        model = self.criteria[row] if 0 <= row < len(self.criteria) else None
        new = Criterion("", model.pillar if model else "", model.section if model else "", "")
        at = row + 1 if model else len(self.criteria)
        self.beginInsertRows(QModelIndex(), at, at)
        self.criteria.insert(at, new)
        self.endInsertRows()
        return at


class CatalogueEditor(QDialog):
    """Choose a catalogue; its latest version is edited and saved as the next one."""

    def __init__(self, store: Store, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.who = store, who
        self.setWindowTitle("Criteria catalogues")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.catalogue_box = QComboBox()
        latest = {c.key: c for c in list_catalogues(store)}  # by key, then version: the last one wins
        for key, catalogue in latest.items():
            self.catalogue_box.addItem(catalogue.name, key)
        self.version_label = QLabel()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.add_button = QPushButton("&Add a criterion")
        self.save_button = QPushButton("&Save as a new version…")
        self._build()
        self.load()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.catalogue_box)
        top.addWidget(self.version_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Double-click a cell to reword it; tick Retired to stop asking a criterion "
                                "(it stays in earlier versions). Saving makes the next version; benchmarks "
                                "keep the version they were answered against.", wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.catalogue_box.currentIndexChanged.connect(self.load)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.resize(1100, 680)

    def load(self) -> None:
        self.catalogue = latest_catalogue(self.store, self.catalogue_box.currentData())
        self.model = CriteriaModel(self.catalogue, self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column, width in enumerate((60, 130, 170, 0, 60, 50, 90, 60)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.version_label.setText(f"editing version {self.catalogue.version}: "
                                   f"{len(self.catalogue.active)} criteria asked")

    def add(self) -> None:
        row = self.model.add_after(self.table.currentIndex().row())
        self.table.selectRow(row)
        self.table.edit(self.model.index(row, 0))

    def save(self) -> Catalogue | None:
        note, ok = QInputDialog.getText(self, "Save a new version", "What changed (kept with the version):")
        if not ok:
            return None
        edited = replace(self.catalogue, criteria=tuple(self.model.criteria))
        try:
            saved = save_catalogue_version(self.store, edited, who=self.who, note=note.strip())
        except AimDeskError as error:
            show_error(self, str(error), title="Save a new version")
            return None
        self.load()
        return saved

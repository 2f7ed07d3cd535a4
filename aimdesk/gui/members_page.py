"""The Members page: who has sent lists, how many records each has, when they last sent."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from aimdesk.core.store.workspace import Store
from aimdesk.gui.benchmark.status_dialog import StatusDialog
from aimdesk.gui.member_dialog import MemberDialog
from aimdesk.gui.models import ID_ROLE, SORT_ROLE, MembersTableModel

NO_MEMBERS_TEXT = (
    "<b>No members yet.</b><br>"
    "A member appears here when its first supplier list is imported."
)


class MembersPage(QWidget):
    """The members table. Double-click a member to see its records."""

    member_activated = Signal(int)
    """A member id, when the user double-clicks (or presses Enter on) a member."""
    status_changed = Signal()
    """A statement or a benchmark result was recorded."""

    def __init__(self, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self._store: Store | None = None
        self.model = MembersTableModel(self)
        # The members list is short, so a proxy may sort it (STYLE.md rule 8).
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.hint = QLabel("Double-click a member to see its records.")
        self.hint.setEnabled(False)
        self.edit_button = QPushButton("&Edit member…")
        self.edit_button.clicked.connect(self.edit_current)
        self.status_button = QPushButton("&Mutual recognition…")
        self.status_button.clicked.connect(self.show_status)
        self.empty_label = QLabel(NO_MEMBERS_TEXT, textFormat=Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(self.table.fontMetrics().averageCharWidth() * 12)
        self.table.activated.connect(self._on_activated)

        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.status_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.table, 1)

    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.model.set_store(store)
        self._fit_columns()
        has_members = self.model.rowCount() > 0
        self.empty_label.setVisible(store is not None and not has_members)
        self.table.setVisible(store is None or has_members)
        self.hint.setVisible(has_members)
        self.edit_button.setVisible(has_members)
        self.status_button.setVisible(has_members)

    def edit_current(self) -> bool:
        """Edit the selected member's name and contact; True if it was changed."""
        index = self.table.currentIndex()
        if self._store is None or not index.isValid():
            return False
        member = self.model.member_at(self.proxy.mapToSource(index).row())
        self.dialog = MemberDialog(self._store, member, self)
        if self.dialog.exec() != MemberDialog.DialogCode.Accepted:
            return False
        self.set_store(self._store)
        return True

    def set_busy(self, busy: bool) -> None:
        """While a job changes the workspace, members are not edited (the job holds the lock)."""
        self.edit_button.setEnabled(not busy)
        self.status_button.setEnabled(not busy)

    def show_status(self) -> StatusDialog | None:
        """The selected member's statements, benchmark results and eligibility."""
        index = self.table.currentIndex()
        if self._store is None or not index.isValid():
            return None
        member = self.model.member_at(self.proxy.mapToSource(index).row())
        dialog = StatusDialog(self._store, member.id, self.user, self)
        dialog.finished.connect(lambda _code: self._status_closed())
        dialog.open()
        return dialog

    def _status_closed(self) -> None:
        self.set_store(self._store)
        self.status_changed.emit()

    def _on_activated(self, index: QModelIndex) -> None:
        self.member_activated.emit(int(index.data(ID_ROLE)))

    def _fit_columns(self) -> None:
        """Fit the columns to the (few) members once, with room to breathe; then the user's."""
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 24)

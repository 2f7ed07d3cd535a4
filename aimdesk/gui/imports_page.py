"""The Imports page: every list imported, active or replaced, with its file and counts."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aimdesk.core.store.imports import ImportSummary, list_imports
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import format_count, format_timestamp
from aimdesk.gui.models import SORT_ROLE, TextRowsModel, text_table

COLUMNS = ("#", "Member", "File", "Sheet", "Rows read", "Records", "Findings", "Imported", "By",
           "Status", "SHA-256")
STATUS_WORDS = {"active": "active", "superseded": "replaced by a later list"}


class ImportsPage(QWidget):
    """The import history, newest first; sortable by any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextRowsModel(COLUMNS, self)
        self.proxy = QSortFilterProxyModel(self)  # a short list: a proxy may sort it
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = text_table(self.model)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.hint = QLabel("Each list a member sent, as imported. A list that replaced earlier ones "
                           "leaves them here, marked replaced; nothing is deleted.", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

    def set_store(self, store: Store | None) -> None:
        self.model.set_rows([_row(item) for item in (list_imports(store) if store else [])])


def _row(item: ImportSummary) -> list[str]:
    return [str(item.id), item.member, item.file_name, item.sheet, format_count(item.rows_read),
            format_count(item.records_added), format_count(sum(item.finding_counts.values())),
            format_timestamp(item.imported_at), item.imported_by, STATUS_WORDS.get(item.status, item.status),
            item.file_sha256[:12]]

"""The Exports page: the anonymous common document and its editions (with the difference
between two), and the other things the forum shares or checks against it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from aimdesk.core.export.editions import list_editions
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import format_count
from aimdesk.gui.models import TextRowsModel, text_table

EDITION_COLUMNS = ("#", "As of", "Written", "By", "File", "Format", "Sites", "Records", "Members", "SHA-256")
INTRO = ("<p>The <b>common document</b> is the pooled list of audited supplier sites sent to every "
         "participating member: one row per site, no member names, no exact dates, members counted "
         "in bands, and only members eligible for mutual recognition. Each export is kept as an "
         "edition, so you can say how the list changed.</p>")


class ExportsPage(QWidget):
    """Buttons for each export; the editions of the common document below."""

    common_requested = Signal()
    planned_requested = Signal()
    ecovadis_requested = Signal()
    hria_requested = Signal()
    export_records = Signal()
    diff_requested = Signal(int, int)
    """(older edition id, newer edition id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TextRowsModel(EDITION_COLUMNS, self)
        self.table = text_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count = QLabel()
        self.edition_ids: list[int] = []
        self.diff_button = QPushButton("Compare two editions")
        rows = [QHBoxLayout(), QHBoxLayout()]
        for row, text, signal in ((0, "&Common document…", self.common_requested),
                                  (0, "Check &planned audits…", self.planned_requested),
                                  (0, "Export &records (CSV)…", self.export_records),
                                  (1, "&EcoVadis list…", self.ecovadis_requested),
                                  (1, "&HRIA register…", self.hria_requested)):
            button = QPushButton(text)
            button.clicked.connect(signal)
            rows[row].addWidget(button)
        for row in rows:
            row.addStretch(1)
        editions = QHBoxLayout()
        editions.addWidget(QLabel("<b>Editions of the common document</b>"))
        editions.addWidget(self.count, 1)
        editions.addWidget(self.diff_button)
        self.diff_button.clicked.connect(self._diff)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Exports</h2>"))
        layout.addWidget(QLabel(INTRO, wordWrap=True))
        for row in rows:
            layout.addLayout(row)
        layout.addLayout(editions)
        layout.addWidget(self.table, 1)

    def set_store(self, store: Store | None) -> None:
        editions = list_editions(store) if store else []
        self.edition_ids = [e.id for e in editions]
        self.model.set_rows([[str(e.id), e.as_of, e.written_at[:16].replace("T", " "), e.written_by, e.file_name,
                              e.format, format_count(e.sites), format_count(e.records), format_count(e.members),
                              e.sha256[:12]] for e in editions])
        self.count.setText(f"{len(editions)} edition(s)")
        self.diff_button.setEnabled(len(editions) >= 2)

    def _diff(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        chosen = [self.edition_ids[r] for r in rows] if len(rows) == 2 else self.edition_ids[:2]
        if len(chosen) == 2:
            older, newer = sorted(chosen)
            self.diff_requested.emit(older, newer)

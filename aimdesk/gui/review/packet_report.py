"""After a review packet is imported: what became of every row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from aimdesk.gui.models import TextRowsModel, text_table
from aimdesk.gui.workspace_jobs import PacketImported

COLUMNS = ("Row", "Records", "Decision", "What happened", "Why")
STATUS_WORDS = {"applied": "applied", "skipped": "skipped", "conflict": "conflict — to adjudicate",
                "blank": "left blank"}


class PacketReportDialog(QDialog):
    """The import's summary sentence, and one line per row of the packet."""

    def __init__(self, imported: PacketImported, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Review packet {imported.result.packet_id}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 480)
        summary = QLabel(imported.describe(), wordWrap=True)
        self.model = TextRowsModel(COLUMNS, self)
        self.model.set_rows([[str(row.row_number), f"{row.left} ↔ {row.right}", row.verdict or "",
                              STATUS_WORDS.get(row.status, row.status), row.reason]
                             for row in imported.result.rows])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(text_table(self.model), 1)
        layout.addWidget(buttons)

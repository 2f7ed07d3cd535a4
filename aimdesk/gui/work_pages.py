"""The Exports page: what can be exported today, and what is left to do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aimdesk.core.store.workspace import Store


class ActionPage(QWidget):
    """A heading, a text kept current by `set_store`, and a row of buttons."""

    def __init__(self, heading: str, buttons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(f"<h2>{heading}</h2>", textFormat=Qt.TextFormat.RichText)
        self.text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for label in buttons:
            button = QPushButton(label)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addStretch(1)


class ExportsPage(ActionPage):
    """Exports that exist today (every record with its site)."""

    export_records = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Exports", ["Export &records (CSV)…"], parent)
        self.buttons[0].clicked.connect(self.export_records)
        self.text.setText(
            "<p>Every active record with its member, source file and row, and the site it "
            "belongs to, as a CSV for Excel. This file names members: it is for the secretariat "
            "only.</p><p>The anonymous common document for members comes with its own export.</p>")

    def set_store(self, store: Store | None) -> None:
        """Nothing to count yet."""

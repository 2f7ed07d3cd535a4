"""What every step after the first shows while the file is read, and why it cannot go on."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from aimdesk.gui.import_wizard.draft import ImportDraft

ERROR_STYLE = "color: #a31515;"


class ReadingStatus(QWidget):
    """A busy bar while the file is read; the reason in red when it cannot be imported."""

    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.bar = QProgressBar(maximum=0, textVisible=False, maximumWidth=160)
        self.label = QLabel(wordWrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        draft.reading.connect(self.update_status)
        draft.changed.connect(self.update_status)
        self.update_status()

    def update_status(self) -> None:
        busy = self.draft.busy
        self.bar.setVisible(busy)
        if busy:
            name = self.draft.path.name if self.draft.path else "the file"
            self.label.setStyleSheet("")
            self.label.setText(f"Reading {name}…")
        elif self.draft.error:
            self.label.setStyleSheet(ERROR_STYLE)
            self.label.setText(self.draft.error)
        else:
            self.label.setStyleSheet("")
            self.label.setText("")
        self.setVisible(busy or bool(self.draft.error))

"""What every step after the first shows while the file is read, and why it cannot go on;
the base of those steps."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget, QWizardPage

from aimdesk.gui.import_wizard.draft import ImportDraft, Preview

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


class DraftPage(QWizardPage):
    """A step that shows the list as read with the choices so far: it waits while the file
    is read, and shows each new reading with `show_preview`."""

    def __init__(self, draft: ImportDraft, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.reading_status = ReadingStatus(draft)
        draft.changed.connect(self._refresh)
        draft.reading.connect(self.completeChanged)

    def initializePage(self) -> None:
        self._refresh()

    def isComplete(self) -> bool:
        return self.draft.preview is not None and not self.draft.busy

    def show_preview(self, preview: Preview) -> None:
        raise NotImplementedError

    def _refresh(self) -> None:
        if self.draft.preview is not None:
            self.show_preview(self.draft.preview)
        self.completeChanged.emit()

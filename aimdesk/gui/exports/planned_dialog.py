"""Export ▸ Check planned audits…: a member's list of suppliers it plans to audit, checked
against the common list. The planned list is read, never imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from aimdesk.core.store.members import list_members
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import LIST_FILTER



class PlannedDialog(QDialog):
    """Accepted: `planned_file()`, `member()`."""

    def __init__(self, store: Store, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check planned audits")
        self.folder = folder
        self.member_box = QComboBox()
        for member in list_members(store):
            self.member_box.addItem(member.name)
        self.file_edit = QLineEdit(placeholderText="the member's list of suppliers it plans to audit")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Member", self.member_box)
        form.addRow("Planned list", file_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Check…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.file_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Each planned supplier is matched against the common list; the result lists "
                                "the audited sites it may be, with their latest audit month and schemes, and a "
                                "ready-to-send request for the existing report. The planned list is not added "
                                "to the pooled data.", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(620, 240)

    def _update_ok(self) -> None:
        path = self.planned_file()
        self.ok_button.setEnabled(self.member_box.count() > 0 and path is not None and path.is_file())

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Planned list", str(self.folder), LIST_FILTER)
        if name:
            self.file_edit.setText(name)

    def planned_file(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text) if text else None

    def member(self) -> str:
        return self.member_box.currentText()

"""Members ▸ Edit…: a member's name and contact."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.members import MemberSummary, update_member
from aimdesk.core.store.workspace import Store

ERROR_STYLE = "color: #a31515;"


class MemberDialog(QDialog):
    """Edit one member; a refused change is said in the dialog, which stays open."""

    def __init__(self, store: Store, member: MemberSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.member = store, member
        self.setWindowTitle(f"Edit member — {member.name}")
        self.name_edit = QLineEdit(member.name)
        self.contact_edit = QLineEdit(member.contact, placeholderText="Person, e-mail, phone…")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Contact:", self.contact_edit)
        form.addRow(self.error)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        try:
            update_member(self.store, self.member.id, name=self.name_edit.text(), contact=self.contact_edit.text())
        except AimDeskError as error:
            self.error.setText(str(error))
            return
        super().accept()

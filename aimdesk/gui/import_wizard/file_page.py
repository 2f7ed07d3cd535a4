"""Step 1: the file and the member who sent it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QWidget, QWizardPage)

from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.members import check_member_name, find_member, list_members
from aimdesk.gui.formatting import LIST_FILTER
from aimdesk.gui.import_wizard.draft import ImportDraft
from aimdesk.gui.settings import AppSettings

FILE_FILTERS = (f"{LIST_FILTER};;"
               "Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;Text files (*.csv *.tsv *.txt);;All files (*)")


class FilePage(QWizardPage):
    """Which file, from which member (a new member is added by typing its name)."""

    def __init__(self, draft: ImportDraft, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.settings = draft, settings
        self.setTitle("Choose the list and its member")
        self.setSubTitle("Any layout: AIMDesk finds the sheet, the header row and the columns; "
                         "the next steps show what it found.")
        self.path_edit = QLineEdit(placeholderText="The member's supplier list (xlsx, xls, ods, csv …)")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.member_box = QComboBox(editable=True)
        self.member_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member_box.lineEdit().setPlaceholderText("Choose a member or type a new one")
        self.member_note = QLabel(wordWrap=True)
        self.replace_box = QCheckBox("This list &replaces the member's current lists (they stay in the history)")
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        form = QFormLayout(self)
        form.addRow(file_label, row)
        form.addRow("&Member:", self.member_box)
        form.addRow("", self.member_note)
        form.addRow("", self.replace_box)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.member_box.currentTextChanged.connect(self._member_changed)

    def initializePage(self) -> None:
        current = self.member_box.currentText()
        self.member_box.clear()
        self.member_box.addItems([m.name for m in list_members(self.draft.store)])
        self.member_box.setEditText(current or self.draft.member)
        if self.draft.path is not None:
            self.path_edit.setText(str(self.draft.path))
        self._member_changed(self.member_box.currentText())

    def browse(self) -> None:
        start = str(self.settings.last_import_folder() or "")
        name, _ = QFileDialog.getOpenFileName(self, "Choose a supplier list", start, FILE_FILTERS)
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return self._path() is not None and not self._member_problem()

    def validatePage(self) -> bool:
        path = self._path()
        if path is None:
            return False
        self.settings.set_last_import_folder(path.parent)
        self.draft.path, self.draft.member = path, self.member_box.currentText().strip()
        self.draft.replace = self.replace_box.isChecked()
        self.draft.sheet = self.draft.header_row = self.draft.date_order = None
        self.draft.mapping = {}
        self.draft.read_again()
        return True

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        path = Path(text) if text else None
        return path if path is not None and path.is_file() else None

    def _member_problem(self) -> str:
        try:
            check_member_name(self.member_box.currentText())
        except AimDeskError as error:
            return str(error)
        return ""

    def _member_changed(self, name: str) -> None:
        problem = self._member_problem() if name.strip() else ""
        if problem:
            self.member_note.setText(problem)
        elif name.strip() and find_member(self.draft.store, name.strip()) is None:
            self.member_note.setText(f"“{name.strip()}” is a new member: it will be added.")
        else:
            self.member_note.setText("")
        self.replace_box.setEnabled(bool(name.strip()) and find_member(self.draft.store, name.strip()) is not None)
        self.completeChanged.emit()

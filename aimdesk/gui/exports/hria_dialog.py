"""Export ▸ HRIA register…: human-rights impact assessments members share (country, sector,
scope, year). The member is kept for the secretariat; the common document never shows it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from aimdesk.core.errors import AimDeskError
from aimdesk.core.hria import add_hria, hria_entries, remove_hria
from aimdesk.core.store.members import list_members
from aimdesk.core.store.workspace import Store
from aimdesk.gui.crash import show_error
from aimdesk.gui.models import TextRowsModel, text_table

COLUMNS = ("#", "Country", "Commodity or sector", "Scope", "Year", "Contact", "Shared by (secretariat only)")


class HriaDialog(QDialog):
    """The register, and a form to add an entry."""

    def __init__(self, store: Store, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.who = store, who
        self.setWindowTitle("Human-rights impact assessments")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = TextRowsModel(COLUMNS, self)
        self.table = text_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.member_box = QComboBox()
        self.members = {m.id: m.name for m in list_members(store)}
        for member_id, name in self.members.items():
            self.member_box.addItem(name, member_id)
        self.country = QLineEdit(placeholderText="e.g. Vietnam or VN")
        self.sector = QLineEdit(placeholderText="e.g. cocoa, garments, palm oil")
        self.scope = QLineEdit(placeholderText="e.g. smallholder farms in the Central Highlands")
        self.year = QSpinBox(minimum=2000, maximum=dt.date.today().year + 1, value=dt.date.today().year)
        self.contact = QLineEdit(placeholderText="optional: how to reach the team, through the secretariat")
        self.add_button = QPushButton("&Add to the register")
        self.remove_button = QPushButton("&Remove selected")
        self.entry_ids: list[int] = []
        self._build()
        if not self.members:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("An entry is shared by a member: import a member's list first.")
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        for label, widget in (("Shared by", self.member_box), ("Country", self.country),
                              ("Commodity or sector", self.sector), ("Scope", self.scope), ("Year", self.year),
                              ("Contact", self.contact)):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.resize(900, 560)

    def refresh(self) -> None:
        entries = hria_entries(self.store)
        self.entry_ids = [e.id for e in entries]
        self.model.set_rows([[str(e.id), e.country, e.commodity_or_sector, e.scope, str(e.year), e.contact_note,
                              self.members.get(e.member_id, "")] for e in entries])

    def add(self) -> None:
        try:
            add_hria(self.store, member_id=self.member_box.currentData(), country=self.country.text(),
                     sector=self.sector.text(), scope=self.scope.text(), year=self.year.value(),
                     contact_note=self.contact.text(), who=self.who)
        except AimDeskError as error:
            show_error(self, str(error), title=self.windowTitle())
            return
        for field in (self.country, self.sector, self.scope, self.contact):
            field.clear()
        self.refresh()

    def remove(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.entry_ids):
            remove_hria(self.store, self.entry_ids[row], who=self.who)
            self.refresh()

"""Export ▸ Common document…: the as-of date and the format; who counts is said up front."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from aimdesk.core.benchmark.eligibility import member_statuses
from aimdesk.core.store.workspace import Store

FORMATS = (("Excel workbook (.xlsx), with Read me, EcoVadis and HRIA sheets", ".xlsx"),
           ("CSV for Excel (.csv), the sites only", ".csv"))


class CommonDialog(QDialog):
    """Accepted: `as_of()` and `suffix()` say what to write."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Common document")
        statuses = member_statuses(store)
        eligible = [s.member for s in statuses if s.eligible]
        left_out = [s.member for s in statuses if not s.eligible]
        self.as_of_edit = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.format_box = QComboBox()
        for label, suffix in FORMATS:
            self.format_box.addItem(label, suffix)
        who = (f"<p><b>{len(eligible)} of {len(statuses)} members</b> are eligible for mutual recognition; "
               "only their audits count.</p>")
        if left_out:
            who += f"<p>Left out until they are eligible: {', '.join(left_out)}.</p>"
        text = QLabel(who + "<p>Sites audited in the three years before the as-of date, one row each; "
                      "members counted in bands; audit months, not dates; member protocols named "
                      "generically. The file is checked for every member name and reference before it is "
                      "written, and recorded as an edition.</p>", wordWrap=True)
        form = QFormLayout()
        form.addRow("As of", self.as_of_edit)
        form.addRow("Format", self.format_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Write…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def as_of(self) -> dt.date:
        return dt.date.fromisoformat(self.as_of_edit.date().toString("yyyy-MM-dd"))

    def suffix(self) -> str:
        return str(self.format_box.currentData())

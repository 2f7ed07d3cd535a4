"""A member's mutual-recognition status: signed statements (audits, virtual assessments),
benchmark results, and whether its lists count in the common document."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from aimdesk.core.benchmark.model import percent
from aimdesk.core.benchmark.eligibility import (MemberStatus, member_status, record_benchmark_result,
                                                record_statement)
from aimdesk.core.benchmark.model import KINDS
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.workspace import Store
from aimdesk.gui.benchmark.wizard import KIND_LABELS
from aimdesk.gui.crash import show_error


class StatusDialog(QDialog):
    """What is recorded for one member, and forms to record a signed statement or a
    benchmark passed outside AIMDesk."""

    def __init__(self, store: Store, member_id: int, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.member_id, self.who = store, member_id, who
        self.status_text = QLabel(wordWrap=True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(KIND_LABELS[kind], kind)
        self.signed_on = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.signatory = QLineEdit(placeholderText="Name and role of who signed")
        self.sign_button = QPushButton("Record the signed &statement")
        self.passed_on = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.pass_button = QPushButton("Record a benchmark &passed outside AIMDesk")
        self._build()
        self.refresh()

    def _build(self) -> None:
        statement = QFormLayout()
        statement.addRow("Signed on", self.signed_on)
        statement.addRow("Signatory", self.signatory)
        statement.addRow("", self.sign_button)
        passed = QFormLayout()
        passed.addRow("Passed on", self.passed_on)
        passed.addRow("", self.pass_button)
        forms = QHBoxLayout()
        for title, form in (("Mutual-recognition statement", statement), ("Benchmark done elsewhere", passed)):
            box = QGroupBox(title)
            box.setLayout(form)
            forms.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_text)
        kind_row = QFormLayout()
        kind_row.addRow("For", self.kind_box)
        layout.addLayout(kind_row)
        layout.addLayout(forms)
        layout.addWidget(buttons)
        self.sign_button.clicked.connect(self.sign)
        self.pass_button.clicked.connect(self.record_pass)
        self.resize(720, 420)

    def refresh(self) -> None:
        status = member_status(self.store, self.member_id)
        self.setWindowTitle(f"Mutual recognition — {status.member}")
        self.status_text.setText(status_html(status))

    def sign(self) -> None:
        self._record(lambda: record_statement(
            self.store, self.member_id, self.kind_box.currentData(), signed_on=self.signed_on.date().toString("yyyy-MM-dd"),
            signatory=self.signatory.text().strip(), who=self.who))

    def record_pass(self) -> None:
        self._record(lambda: record_benchmark_result(
            self.store, self.member_id, self.kind_box.currentData(),
            passed_on=self.passed_on.date().toString("yyyy-MM-dd"), who=self.who))

    def _record(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except AimDeskError as error:
            show_error(self, str(error), title=self.windowTitle())
            return
        self.refresh()


def status_html(status: MemberStatus) -> str:
    rows = []
    for kind, statement, result, eligible in (
            ("audit", status.audit_statement, status.audit_benchmark, status.eligible),
            ("virtual", status.virtual_statement, status.virtual_benchmark, status.virtual_eligible)):
        signed = f"signed {statement.signed_on} by {escape(statement.signatory or 'unknown')}" if statement else "not signed"
        figure = f"{percent(result.commonality)}, " if result and result.commonality is not None else ""
        bench = (f"{'passed' if result.passed else 'not passed'} on {result.on} "
                 f"({figure}{escape(result.source)})") if result else "none yet"
        verdict = "<b style='color:#2e7d32'>eligible</b>" if eligible else "<b style='color:#c62828'>not eligible</b>"
        rows.append(f"<tr><td><b>{KIND_LABELS[kind]}</b></td><td>statement {signed}</td>"
                    f"<td>benchmark {bench}</td><td>{verdict}</td></tr>")
    reasons = "".join(f"<li>{escape(r)}</li>" for r in status.reasons)
    return (f"<h3>{escape(status.member)}</h3><table cellpadding='4'>{''.join(rows)}</table>"
            + (f"<ul>{reasons}</ul>" if reasons else ""))

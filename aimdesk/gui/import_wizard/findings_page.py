"""Step 5: what AIMDesk found wrong in the rows, and a report the member can fix."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from aimdesk.core.export.findings_report import write_prepared_findings_report
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.gui.import_wizard.draft import ImportDraft, Preview
from aimdesk.gui.import_wizard.reading import DraftPage
from aimdesk.gui.models import TextRowsModel, text_table

class FindingsPage(DraftPage):
    """Counts by kind, the rows concerned, and "Save report for the member…"."""

    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, "Findings",
                         "Rows with findings are imported all the same; the report tells the "
                         "member what to fix in its next list.", parent)
        self.summary = QLabel(wordWrap=True)
        self.counts = TextRowsModel(("Finding", "Rows"), self)
        self.rows = TextRowsModel(("Sheet", "Row", "Finding", "Details", "Site name"), self)
        self.save_button = QPushButton("&Save report for the member…")
        self.save_button.clicked.connect(self.save_report)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reading_status)
        layout.addWidget(self.summary)
        counts = text_table(self.counts)
        counts.horizontalHeader().setStretchLastSection(False)
        counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(counts, 1)
        layout.addWidget(text_table(self.rows), 2)
        layout.addLayout(buttons)

    def show_preview(self, preview: Preview) -> None:
        kinds, records = preview.finding_counts, len(preview.prepared.records)
        self.summary.setText(f"{records:,} supplier rows, {preview.rows_with_findings:,} of them with findings."
                             if kinds else f"{records:,} supplier rows, none with findings.")
        self.counts.set_rows([[FINDING_KINDS.get(k, k), f"{kinds[k]:,}"]
                              for k in [*FINDING_KINDS, *sorted(set(kinds) - set(FINDING_KINDS))] if kinds[k]])
        self.rows.set_rows([[sheet, row, FINDING_KINDS.get(kind, kind), message, name]
                            for sheet, row, kind, message, name in preview.finding_rows])
        self.save_button.setEnabled(bool(kinds))

    def save_report(self) -> None:
        prepared = self.draft.prepared
        if prepared is None:
            return
        suggested = prepared.workbook.path.with_name(prepared.workbook.path.stem + " - findings.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, "Save report for the member", str(suggested),
                                              "Excel workbook (*.xlsx)")
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        try:
            count = write_prepared_findings_report(prepared, path, as_of=self.draft.as_of)
        except OSError as error:
            QMessageBox.warning(self, "Report not saved", f"{path.name} could not be written: {error.strerror}.")
            return
        self.summary.setText(self.summary.text() + f"  Report saved: {path.name} ({count:,} findings).")


"""The Protocols page: every benchmark with its latest revision, commonality and verdict;
new benchmarks, new revisions, comparisons, reports, blank questionnaires, and the
workspace's benchmarking rules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDoubleSpinBox, QFileDialog, QHBoxLayout,
                               QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget)

from aimdesk.core.benchmark.assessments import (percent, AssessmentSummary, benchmark_settings, get_assessment,
                                                list_assessments, set_benchmark_settings)
from aimdesk.core.benchmark.catalogues import list_catalogues
from aimdesk.core.benchmark.model import Settings
from aimdesk.core.store.workspace import Store
from aimdesk.gui.benchmark.catalogue_editor import CatalogueEditor
from aimdesk.gui.benchmark.compare_dialog import CompareDialog
from aimdesk.gui.benchmark.wizard import KIND_LABELS, BenchmarkWizard
from aimdesk.gui.models import TextRowsModel, text_table

COLUMNS = ("#", "Member", "Protocol", "Version", "Kind", "Catalogue", "Revision", "Saved", "Commonality", "Verdict")
SCORING_RULE = ("Commonality = weighted (covered + ½ partly) ÷ weighted applicable criteria. A protocol "
                "qualifies at the threshold; a member is eligible once its benchmark passed and its "
                "mutual-recognition statement is signed (Members page).")


class ProtocolsPage(QWidget):
    """Assessments table, actions, and the threshold and core-criteria rule."""

    report_requested = Signal(int, int, str)
    """(assessment id, revision, ".pdf" or ".xlsx"): the window writes it in the background."""
    questionnaire_requested = Signal(str, int)
    """(catalogue key, version): the window writes a blank questionnaire."""
    changed = Signal()

    def __init__(self, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self._store: Store | None = None
        self.assessments: list[AssessmentSummary] = []
        self.model = TextRowsModel(COLUMNS, self)
        self.table = text_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.threshold = QDoubleSpinBox(suffix=" %", decimals=0, minimum=50, maximum=100, singleStep=1)
        self.core_blocks = QCheckBox("A core criterion not covered fails the benchmark")
        self.wizard: BenchmarkWizard | None = None
        self.buttons = {name: QPushButton(text) for name, text in (
            ("new", "&New benchmark…"), ("revise", "&Open as a new revision…"), ("compare", "&Compare…"),
            ("pdf", "Report (&PDF)…"), ("xlsx", "Report (&xlsx)…"), ("questionnaire", "Blank &questionnaire…"),
            ("catalogues", "Cata&logues…"))}
        self._build()

    def _build(self) -> None:
        actions, reports = QHBoxLayout(), QHBoxLayout()
        for name, button in self.buttons.items():
            (reports if name in ("pdf", "xlsx", "questionnaire", "catalogues") else actions).addWidget(button)
        actions.addStretch(1)
        reports.addStretch(1)
        rules = QHBoxLayout()
        rules.addWidget(QLabel("Threshold"))
        rules.addWidget(self.threshold)
        rules.addWidget(self.core_blocks)
        rules.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Protocols</h2>"))
        layout.addWidget(QLabel(SCORING_RULE, wordWrap=True))
        layout.addLayout(rules)
        layout.addLayout(actions)
        layout.addLayout(reports)
        layout.addWidget(self.table, 1)
        self.buttons["new"].clicked.connect(lambda: self.open_wizard(None))
        self.buttons["revise"].clicked.connect(lambda: self.open_wizard(self.selected()))
        self.buttons["compare"].clicked.connect(self.compare)
        self.buttons["pdf"].clicked.connect(lambda: self._report(".pdf"))
        self.buttons["xlsx"].clicked.connect(lambda: self._report(".xlsx"))
        self.buttons["questionnaire"].clicked.connect(self._questionnaire)
        self.buttons["catalogues"].clicked.connect(self.edit_catalogues)
        self.table.activated.connect(lambda _index: self.open_wizard(self.selected()))
        self.threshold.editingFinished.connect(self._save_settings)
        self.core_blocks.toggled.connect(self._save_settings)

    def set_busy(self, busy: bool) -> None:
        """While a job changes the workspace, nothing here writes (the job holds the lock)."""
        for name in ("new", "revise", "catalogues"):
            self.buttons[name].setEnabled(not busy and (name != "revise" or bool(self.assessments)))
        self.threshold.setEnabled(not busy)
        self.core_blocks.setEnabled(not busy)

    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.assessments = list_assessments(store) if store else []
        self.model.set_rows([_row(a) for a in self.assessments])
        if store is not None:
            settings = benchmark_settings(store)
            for widget in (self.threshold, self.core_blocks):
                widget.blockSignals(True)
            self.threshold.setValue(round(settings.threshold * 100))
            self.core_blocks.setChecked(settings.core_blocks)
            for widget in (self.threshold, self.core_blocks):
                widget.blockSignals(False)
        for name in ("revise", "compare", "pdf", "xlsx"):
            self.buttons[name].setEnabled(bool(self.assessments))

    def selected(self) -> AssessmentSummary | None:
        row = self.table.currentIndex().row()
        return self.assessments[row] if 0 <= row < len(self.assessments) else None

    def open_wizard(self, summary: AssessmentSummary | None) -> BenchmarkWizard | None:
        if self._store is None:
            return None
        base = get_assessment(self._store, summary.id) if summary else None
        self.wizard = BenchmarkWizard(self._store, self.user, base, self)
        self.wizard.saved.connect(lambda _assessment: self._saved())
        self.wizard.open()
        return self.wizard

    def _saved(self) -> None:
        self.set_store(self._store)
        self.changed.emit()

    def compare(self) -> None:
        if self._store is not None and self.assessments:
            selected = self.selected() or self.assessments[0]
            CompareDialog(self._store, self.assessments, selected, self).open()

    def _report(self, suffix: str) -> None:
        summary = self.selected()
        if summary is not None:
            self.report_requested.emit(summary.id, summary.revision, suffix)

    def _questionnaire(self) -> None:
        if self._store is None:
            return
        catalogues = list_catalogues(self._store)
        labels = [c.label for c in catalogues]
        label, ok = QInputDialog.getItem(self, "Blank questionnaire", "Catalogue", labels, len(labels) - 1, False)
        if ok:
            chosen = catalogues[labels.index(label)]
            self.questionnaire_requested.emit(chosen.key, chosen.version)

    def edit_catalogues(self) -> CatalogueEditor | None:
        if self._store is None:
            return None
        editor = CatalogueEditor(self._store, self.user, self)
        editor.open()
        return editor

    def _save_settings(self) -> None:
        if self._store is not None:
            set_benchmark_settings(self._store, Settings(self.threshold.value() / 100, self.core_blocks.isChecked()),
                                   who=self.user)
            self.set_store(self._store)
            self.changed.emit()


def _row(summary: AssessmentSummary) -> list[str]:
    return [str(summary.id), summary.member, summary.protocol, summary.protocol_version,
            KIND_LABELS.get(summary.kind, summary.kind), summary.catalogue_label, str(summary.revision),
            summary.saved_at[:10], percent(summary.commonality), "passed" if summary.passed else "not passed"]


def ask_report_path(parent: QWidget, default: Path, suffix: str) -> Path | None:
    """Where to write a report (the user's choice of folder and name)."""
    kinds = "PDF (*.pdf)" if suffix == ".pdf" else "Excel workbook (*.xlsx)"
    name, _ = QFileDialog.getSaveFileName(parent, "Save the benchmark report", str(default.with_suffix(suffix)), kinds)
    return Path(name) if name else None


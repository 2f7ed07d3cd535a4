"""Protocols ▸ New benchmark: a member protocol answered criterion by criterion against a
catalogue version, one page per pillar, a summary with the verdict, then saved.

Opened on an existing assessment, the wizard starts from its latest revision and saving
makes the next revision (the earlier ones are kept).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QTextBrowser, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)

from aimdesk.core.benchmark.assessments import benchmark_settings, percent, save_assessment
from aimdesk.core.benchmark.catalogues import list_catalogues
from aimdesk.core.benchmark.model import KINDS, Answer, Assessment, Catalogue, Kind
from aimdesk.core.benchmark.questionnaire import read_questionnaire
from aimdesk.core.benchmark.scoring import score
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.members import list_members
from aimdesk.core.store.workspace import Store
from aimdesk.gui.benchmark.answers_model import AnswersModel, AnswerTable
from aimdesk.gui.benchmark.summary import score_html
from aimdesk.gui.crash import show_error

KIND_LABELS: dict[str, str] = {"audit": "On-site audit protocol", "virtual": "Virtual assessment"}
SETUP, FIRST_PILLAR, SUMMARY = 0, 100, 999
KEYS_HINT = ("Keys: <b>C</b> covered · <b>P</b> partly · <b>N</b> not covered · <b>A</b> not applicable "
             "(or 1–4); the next criterion is selected. F2 edits the reference or note. ★ core criterion.")


class BenchmarkDraft:
    """What the wizard has gathered so far."""

    def __init__(self, store: Store, who: str, base: Assessment | None) -> None:
        self.store, self.who, self.base = store, who, base
        self.catalogue: Catalogue | None = None
        self.answers: dict[str, Answer] = dict(base.answers) if base else {}
        self.settings = benchmark_settings(store)

    def score_html(self) -> str:
        if self.catalogue is None:
            return ""
        return score_html(self.catalogue, score(self.catalogue, self.answers, self.settings))


class BenchmarkWizard(QWizard):
    """`saved` carries the `Assessment` once it is in the workspace."""

    saved = Signal(object)

    def __init__(self, store: Store, who: str, base: Assessment | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = BenchmarkDraft(store, who, base)
        self.setWindowTitle(f"Benchmark {base.protocol}, revision {base.revision + 1}" if base else "New benchmark")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setup_page = SetupPage(self.draft)
        self.summary_page = SummaryPage(self.draft)
        self.setPage(SETUP, self.setup_page)
        self.setPage(SUMMARY, self.summary_page)
        self.pillar_pages: list[PillarPage] = []
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Save")
        self.resize(1060, 700)

    def build_pillar_pages(self) -> None:
        """One page per pillar of the chosen catalogue (again if the catalogue changed)."""
        catalogue = self.draft.catalogue
        assert catalogue is not None
        for number in range(len(self.pillar_pages)):
            self.removePage(FIRST_PILLAR + number)
        self.pillar_pages = [PillarPage(self.draft, pillar, n, len(catalogue.pillars))
                             for n, pillar in enumerate(catalogue.pillars)]
        for n, page in enumerate(self.pillar_pages):
            self.setPage(FIRST_PILLAR + n, page)

    def nextId(self) -> int:
        current = self.currentId()
        if current == SETUP:
            return FIRST_PILLAR if self.pillar_pages else SUMMARY
        if FIRST_PILLAR <= current < FIRST_PILLAR + len(self.pillar_pages) - 1:
            return current + 1
        if current == SUMMARY:
            return -1
        return SUMMARY

    def accept(self) -> None:
        draft = self.draft
        assert draft.catalogue is not None
        setup = self.setup_page
        try:
            assessment = save_assessment(
                draft.store, assessment_id=draft.base.id if draft.base else None,
                member_id=setup.member_box.currentData(), protocol=setup.protocol.text().strip(),
                protocol_version=setup.version.text().strip(), kind=draft.catalogue.kind,
                catalogue_key=draft.catalogue.key, catalogue_version=draft.catalogue.version,
                answers=draft.answers, who=draft.who)
        except AimDeskError as error:
            show_error(self, str(error), title="Save the benchmark")
            return
        self.saved.emit(assessment)
        super().accept()


class SetupPage(QWizardPage):
    """Member, protocol and version, kind, catalogue version; answers from a questionnaire."""

    def __init__(self, draft: BenchmarkDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setTitle("Protocol")
        self.setSubTitle("Which member's protocol, and which catalogue it is benchmarked against.")
        self.member_box = QComboBox()
        for member in list_members(draft.store):
            self.member_box.addItem(member.name, member.id)
        self.protocol = QLineEdit(placeholderText="e.g. Northbrook Supplier Code Audit")
        self.version = QLineEdit(placeholderText="e.g. 3.2 (2025)")
        self.kind_buttons = QButtonGroup(self)
        kinds = QHBoxLayout()
        for kind in KINDS:
            button = QRadioButton(KIND_LABELS[kind])
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.catalogue_box = QComboBox()
        self.prefill_button = QPushButton("Pre-fill from a filled questionnaire…")
        self.prefill_label = QLabel()
        form = QFormLayout(self)
        form.addRow("&Member", self.member_box)
        form.addRow("&Protocol", self.protocol)
        form.addRow("&Version", self.version)
        form.addRow("Kind", _row(kinds))
        form.addRow("&Catalogue", self.catalogue_box)
        form.addRow("", self.prefill_button)
        form.addRow("", self.prefill_label)
        self.kind_buttons.buttonToggled.connect(lambda *_: self._fill_catalogues())
        self.prefill_button.clicked.connect(lambda: self.prefill(None))
        for signal in (self.protocol.textChanged, self.catalogue_box.currentIndexChanged):
            signal.connect(self.completeChanged)
        self._start_from(draft.base)

    def _start_from(self, base: Assessment | None) -> None:
        kind = base.kind if base else "audit"
        next(b for b in self.kind_buttons.buttons() if b.property("kind") == kind).setChecked(True)
        if base is None:
            return
        self.member_box.setCurrentIndex(max(self.member_box.findData(base.member_id), 0))
        self.protocol.setText(base.protocol)
        self.version.setText(base.protocol_version)
        self.catalogue_box.setCurrentIndex(max(self.catalogue_box.findData((base.catalogue_key,
                                                                            base.catalogue_version)), 0))

    def kind(self) -> Kind:
        checked = self.kind_buttons.checkedButton()
        return checked.property("kind") if checked else "audit"  # type: ignore[no-any-return]

    def _fill_catalogues(self) -> None:
        self.catalogue_box.clear()
        versions = [c for c in list_catalogues(self.draft.store) if c.kind == self.kind()]
        for catalogue in sorted(versions, key=lambda c: (c.key, -c.version)):
            self.catalogue_box.addItem(catalogue.label, (catalogue.key, catalogue.version))
        self._catalogues = {(c.key, c.version): c for c in versions}

    def catalogue(self) -> Catalogue | None:
        return self._catalogues.get(self.catalogue_box.currentData())

    def isComplete(self) -> bool:
        return bool(self.protocol.text().strip()) and self.member_box.count() > 0 and self.catalogue() is not None

    def prefill(self, path: Path | None) -> None:
        """Answers from a questionnaire the member filled in (refused whole if anything is wrong)."""
        catalogue = self.catalogue()
        if catalogue is None:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "Filled questionnaire", "", "Excel workbook (*.xlsx)")
            if not name:
                return
            path = Path(name)
        try:
            answers = read_questionnaire(path, catalogue)
        except AimDeskError as error:
            show_error(self, str(error), title="Pre-fill from a questionnaire")
            return
        self.draft.answers.update(answers)
        self.prefill_label.setText(f"{len(answers)} answers read from {path.name}.")

    def validatePage(self) -> bool:
        catalogue = self.catalogue()
        if catalogue is None:
            return False
        if self.draft.catalogue != catalogue:
            self.draft.catalogue = catalogue
            self.wizard().build_pillar_pages()  # type: ignore[attr-defined]
        return True


class PillarPage(QWizardPage):
    """The criteria of one pillar, grouped by section; the running commonality below."""

    def __init__(self, draft: BenchmarkDraft, pillar: str, number: int, count: int) -> None:
        super().__init__()
        assert draft.catalogue is not None
        self.draft = draft
        self.setTitle(f"{pillar} ({number + 1} of {count})")
        self.setSubTitle(f"{draft.catalogue.label}. Does the protocol require or check each of these?")
        criteria = tuple(c for c in draft.catalogue.active if c.pillar == pillar)
        self.model = AnswersModel(criteria, draft.answers, self)
        self.table = AnswerTable(self.model)
        self.running = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(KEYS_HINT, wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.running)
        self.model.dataChanged.connect(self._update)

    def initializePage(self) -> None:
        self.table.selectRow(next((n for n, c in enumerate(self.model.criteria) if c.id not in self.draft.answers), 0))
        self.table.setFocus()
        self._update()

    def _update(self) -> None:
        assert self.draft.catalogue is not None
        result = score(self.draft.catalogue, self.draft.answers, self.draft.settings)
        left = sum(1 for c in self.model.criteria if c.id not in self.draft.answers)
        overall = percent(result.overall)
        self.running.setText(f"Commonality so far: <b>{overall}</b> (threshold {result.threshold * 100:g} %; "
                             "unanswered criteria count as not covered) · "
                             f"{left} left on this page · {len(result.unanswered)} left in all")


class SummaryPage(QWizardPage):
    """Commonality overall and per pillar, the verdict, gaps and core criteria not covered."""

    def __init__(self, draft: BenchmarkDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setTitle("Summary")
        self.setSubTitle("Save keeps this benchmark in the workspace; the member's eligibility follows from it.")
        self.text = QTextBrowser()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)

    def initializePage(self) -> None:
        self.text.setHtml(self.draft.score_html())


def _row(layout: QHBoxLayout) -> QWidget:
    box = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box

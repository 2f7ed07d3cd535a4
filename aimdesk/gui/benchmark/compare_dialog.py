"""Two benchmarks side by side, criterion by criterion: two protocols, or two revisions of
one; the criteria answered differently are marked (and can be shown alone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from aimdesk.core.benchmark.assessments import (percent, AssessmentSummary, ComparisonRow, compare_assessments,
                                                get_assessment, revisions)
from aimdesk.core.benchmark.model import Answer
from aimdesk.core.store.workspace import Store
from aimdesk.gui.models import TextRowsModel, text_table

COLUMNS = ("", "Id", "Pillar", "Section", "Question", "Left", "Right")


class CompareDialog(QDialog):
    """Pick two (assessment, revision); the table follows the choice."""

    def __init__(self, store: Store, assessments: list[AssessmentSummary], first: AssessmentSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Compare benchmarks")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.left_box, self.right_box = QComboBox(), QComboBox()
        every = [revision for summary in assessments for revision in revisions(store, summary.id)]
        self.choices = [(r.id, r.revision) for r in every]
        for revision in every:
            text = (f"{revision.member} — {revision.protocol} {revision.protocol_version}, revision "
                    f"{revision.revision} ({percent(revision.commonality)})")
            for box in (self.left_box, self.right_box):
                box.addItem(text)
        self.left_box.setCurrentIndex(self.choice((first.id, first.revision)))
        self.right_box.setCurrentIndex(min(self.left_box.currentIndex() + 1, self.right_box.count() - 1))
        self.only_differences = QCheckBox("Only the criteria answered differently")
        self.count = QLabel()
        self.model = TextRowsModel(COLUMNS, self)
        self.rows: list[ComparisonRow] = []
        form = QFormLayout()
        form.addRow("Left", self.left_box)
        form.addRow("Right", self.right_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.only_differences)
        layout.addWidget(self.count)
        layout.addWidget(text_table(self.model), 1)
        layout.addWidget(buttons)
        for signal in (self.left_box.currentIndexChanged, self.right_box.currentIndexChanged):
            signal.connect(self.refresh)
        self.only_differences.toggled.connect(self._show)
        self.resize(1000, 640)
        self.refresh()

    def choice(self, revision: tuple[int, int]) -> int:
        """The combo row of (assessment id, revision)."""
        return self.choices.index(revision) if revision in self.choices else 0

    def refresh(self) -> None:
        left = get_assessment(self.store, *self.choices[self.left_box.currentIndex()])
        right = get_assessment(self.store, *self.choices[self.right_box.currentIndex()])
        self.rows = compare_assessments(self.store, left, right)
        self._show()

    def _show(self) -> None:
        """The rows compared, all or only those answered differently."""
        shown = [r for r in self.rows if r.differs or not self.only_differences.isChecked()]
        self.model.set_rows([["≠" if r.differs else "", r.criterion_id, r.pillar, r.section, r.question,
                              _answer(r.left), _answer(r.right)] for r in shown])
        self.count.setText(f"{sum(r.differs for r in self.rows)} of {len(self.rows)} criteria answered differently.")


def _answer(answer: Answer | None) -> str:
    if answer is None:
        return "—"
    return answer.answer + (f" ({answer.reference})" if answer.reference else "")

"""The cluster editor: one site's records, the score of every two of them, and who decided
what; move records to another site, split records off, merge with another site.

Every edit is planned first (in the background: the clustering works out which records
would change site) and shown for confirmation; applied, it is one step of Edit ▸ Undo.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog,
                               QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.site_edits import (NEW_SITE, EditPlan, PairView, SiteDetail, apply_edit, plan_merge,
                                              plan_move, plan_split, site_detail)
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.records import record_site
from aimdesk.core.store.sites import site_by_public_id, site_record_ids
from aimdesk.core.store.workspace import Store
from aimdesk.gui.crash import show_error
from aimdesk.gui.jobs import ANOTHER_JOB, JobRunner, JobWatch, workspace_job
from aimdesk.gui.models import Index, TextRowsModel, text_table
from aimdesk.gui.workspace_jobs import SITES

RECORD_COLUMNS = ("Record", "Member", "Site name", "Address", "City", "Sedex id", "Audit date", "File", "Row")
HISTORY_COLUMNS = ("When", "Who", "Decision", "Records", "Status", "Action", "Note")
MATRIX_LIMIT = 40
"""The score matrix shows the first 40 records of a larger site."""
BAND_COLOURS = {"auto": "#d8efd9", "review": "#fff2c2", "held": "#fbd5d5"}


class SiteEditor(QDialog):
    """Opened on one site (internal id); follows the site its records end in after an edit."""

    def __init__(self, workspace: Path, runner: JobRunner, site_id: int, *, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner, self.site_id, self.who = workspace, runner, site_id, who
        self.detail: SiteDetail | None = None
        self.watch = JobWatch(runner, self, ended=lambda: self._set_enabled(True))
        self.heading = QLabel()
        self.records = TextRowsModel(RECORD_COLUMNS, self)
        self.records_view = text_table(self.records)
        self.records_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.scores = ScoreMatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.scores)
        self.matrix.horizontalHeader().setDefaultSectionSize(64)
        self.history = TextRowsModel(HISTORY_COLUMNS, self)
        self.move_button = QPushButton("&Move selected to site…")
        self.split_button = QPushButton("&Split selected into a new site")
        self.merge_button = QPushButton("Mer&ge with site…")
        self._build()
        self.setWindowTitle("Edit a site")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 720)
        self.load()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button, slot in ((self.move_button, self.move), (self.split_button, self.split),
                             (self.merge_button, self.merge)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        lower = QSplitter()
        lower.addWidget(_titled("Scores between its records (decided pairs marked ✓ same, ✗ different)", self.matrix))
        lower.addWidget(_titled("Who decided what", text_table(self.history)))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.records_view)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # -- jobs --------------------------------------------------------------------------------

    def _run(self, title: str, work: Callable[[Store, Progress, CancelToken], Any],
             then: Callable[[Any], None], *, changes: str = "") -> None:
        if not self.watch.start(workspace_job(self.workspace, title, work, changes=changes), then):
            show_error(self, ANOTHER_JOB, title=title)
            return
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.move_button, self.split_button, self.merge_button):
            button.setEnabled(enabled)

    # -- showing the site --------------------------------------------------------------------

    def load(self) -> None:
        site = self.site_id
        self._run("Reading the site", lambda store, progress, cancel: site_detail(store, site), self.show_detail)

    def show_detail(self, detail: SiteDetail) -> None:
        self.detail = detail
        self.site_id = detail.site_id
        self.setWindowTitle(f"Edit site {detail.public_id}")
        name = detail.records[0].site_name if detail.records else ""
        self.heading.setText(f"<h3>Site {detail.public_id} — {name}</h3>{len(detail.records)} records from "
                             f"{len({r.member for r in detail.records})} members. Select records, then move "
                             "them, split them off, or merge this site with another.")
        self.records.set_rows([[str(r.id), r.member, r.site_name, r.address, r.city, r.sedex_id, r.audit_date,
                                r.source_file, str(r.source_row)] for r in detail.records])
        self.scores.set_site(detail)
        self.history.set_rows([[h.decision.decided_at[:16].replace("T", " "), h.decision.reviewer, h.decision.verdict,
                                f"{h.decision.left} ↔ {h.decision.right}", h.status, h.batch_label, h.decision.note]
                               for h in detail.history])

    def selected_records(self) -> list[int]:
        if self.detail is None:
            return []
        rows = sorted({index.row() for index in self.records_view.selectionModel().selectedRows()})
        return [self.detail.records[row].id for row in rows]

    # -- edits -------------------------------------------------------------------------------

    def move(self) -> None:
        chosen = self._chosen_records("move")
        target = self._ask_site("Move records", f"Move {len(chosen)} record(s) to which site? (its id, e.g. S000123)")
        if chosen and target is not None:
            self._plan("Planning the move", lambda store: plan_move(store, chosen, self._site(store, target)))

    def split(self) -> None:
        chosen = self._chosen_records("split off")
        if chosen:
            site = self.site_id
            self._plan("Planning the split", lambda store: plan_split(store, site, [chosen]))

    def merge(self) -> None:
        target = self._ask_site("Merge sites", "Merge this site with which site? (its id, e.g. S000123)")
        if target is not None:
            site = self.site_id
            self._plan("Planning the merge", lambda store: plan_merge(store, site, self._site(store, target)))

    def _chosen_records(self, verb: str) -> list[int]:
        chosen = self.selected_records()
        if not chosen:
            show_error(self, f"Select the records to {verb} first (Ctrl+click for several).", title="Edit a site")
        return chosen

    def _ask_site(self, title: str, question: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, question)
        return text.strip() if ok and text.strip() else None

    @staticmethod
    def _site(store: Store, public_id: str) -> int:
        site = site_by_public_id(store, public_id)
        if site is None:
            raise AimDeskError(f"There is no site {public_id} in this workspace.")
        return site

    def _plan(self, title: str, make: Callable[[Store], EditPlan]) -> None:
        self._run(title, lambda store, progress, cancel: make(store), self._confirm)

    def _confirm(self, plan: EditPlan) -> None:
        if ConsequenceDialog(plan, self).exec() != QDialog.DialogCode.Accepted:
            return
        anchor = plan.changes[0].record_id if plan.changes else None
        site = self.site_id

        def work(store: Store, progress: Progress, cancel: CancelToken) -> int | None:
            """Apply; then the site to show: this one, or where its records went if it is empty."""
            apply_edit(store, plan, who=self.who, progress=progress, cancel=cancel)
            if site_record_ids(store, site) or anchor is None:
                return site
            return record_site(store, anchor)

        self._run(plan.label, work, self._applied, changes=SITES)

    def _applied(self, site: int | None) -> None:
        if site is not None:
            self.site_id = site
        self.load()


class ConsequenceDialog(QDialog):
    """What an edit would do, before it is done: the records that change site, and the
    decisions in force it replaces."""

    def __init__(self, plan: EditPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(plan.label)
        changes = TextRowsModel(("Record", "Site now", "Site after"), self)
        changes.set_rows([[str(c.record_id), c.site_before,
                           f"{NEW_SITE} {c.new_site}" if c.site_after == NEW_SITE else c.site_after]
                          for c in plan.changes])
        warnings = "".join(f"<li>{w}</li>" for w in plan.warnings)
        text = QLabel(f"<b>{plan.label}</b>: {len(plan.changes)} record(s) change site, "
                      f"{len(plan.decisions)} decision(s) recorded as one step you can undo."
                      + (f"<p>It replaces decisions in force:</p><ul>{warnings}</ul>" if warnings else ""),
                      wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Apply")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(text_table(changes), 1)
        layout.addWidget(buttons)
        self.changes = changes
        self.resize(560, 420)


class ScoreMatrixModel(QAbstractTableModel):
    """Record × record: the pair's probability, coloured by band, marked when decided;
    the explanation as tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._pairs: dict[tuple[int, int], PairView] = {}

    def set_site(self, detail: SiteDetail) -> None:
        self.beginResetModel()
        self._ids = [r.id for r in detail.records][:MATRIX_LIMIT]
        self._pairs = {(p.left, p.right): p for p in detail.pairs}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return str(self._ids[section]) if role == Qt.ItemDataRole.DisplayRole and section < len(self._ids) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a, b = self._ids[index.row()], self._ids[index.column()]
        pair = self._pairs.get((min(a, b), max(a, b)))
        if pair is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            mark = {"same": " ✓", "different": " ✗"}.get(pair.verdict, "")
            return (f"{pair.probability:.0%}" if pair.probability is not None else "–") + mark
        if role == Qt.ItemDataRole.BackgroundRole and pair.band in BAND_COLOURS:
            return QBrush(QColor(BAND_COLOURS[pair.band]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{p.get('label')}: {p.get('level')} ({float(p.get('weight', 0)):+.2f})"
                             for p in pair.explanation) or pair.band
        return None


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(title))
    layout.addWidget(widget, 1)
    return box

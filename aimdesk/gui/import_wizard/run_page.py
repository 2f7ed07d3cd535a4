"""Step 6: the import itself, in the background, with Cancel; then what it did."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
                               QWizard, QWizardPage)

from aimdesk.core.benchmark.eligibility import not_eligible_note
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.importer import ImportReport, import_file
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store
from aimdesk.gui.import_wizard.draft import ImportDraft
from aimdesk.gui.jobs import Job, JobFailure, JobRunner, workspace_job

IMPORT_CHANGES = "imports"


class RunPage(QWizardPage):
    """Runs the import on the window's job runner (one data-changing job at a time)."""

    imported = Signal(object)
    """The `ImportReport` of an import that landed."""
    match_requested = Signal()

    def __init__(self, draft: ImportDraft, runner: JobRunner, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.runner, self.who = draft, runner, who
        self.report: ImportReport | None = None
        self._job: Job | None = None
        self.setTitle("Import")
        self.setSubTitle("The list is written to the workspace in one go: a cancel or an error "
                         "leaves the workspace as it was.")
        self.status = QLabel(wordWrap=True)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton("&Cancel import")
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.retry_button = QPushButton("&Try again")
        self.retry_button.clicked.connect(self.start)
        self.force_button = QPushButton("&Import it again anyway")
        self.force_button.clicked.connect(self._force)
        self.match_button = QPushButton("Run &matching now")
        self.match_button.clicked.connect(self.match_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.force_button, self.retry_button, self.match_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)
        runner.failed.connect(self._failed)
        runner.cancelled.connect(self._cancelled)
        runner.idle.connect(self._start_if_waiting)
        self._waiting = False

    def initializePage(self) -> None:
        self.start()

    def isComplete(self) -> bool:
        return self.report is not None

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Start the import, or wait for the job the window is running."""
        self.report = None
        self._show_buttons(running=True)
        job = self._import_job()
        if not self.runner.start(job):
            self._waiting = True
            self.status.setText(f"Waiting for “{self.runner.current.title if self.runner.current else 'a job'}” "
                                "to finish…")
            return
        self._job, self._waiting = job, False
        self.status.setText(f"Importing {self.draft.path.name if self.draft.path else ''}…")

    def _import_job(self) -> Job:
        options, path, who = self.draft.options(), self.draft.path, self.who
        assert path is not None

        def work(store: Store, progress: Progress, cancel: CancelToken) -> ImportReport:
            return import_file(store, path, options, who=who, progress=progress, cancel=cancel)

        return workspace_job(self.draft.store.path, f"Importing {path.name}", work, changes=IMPORT_CHANGES)

    def _start_if_waiting(self) -> None:
        if self._waiting and self.isVisible():
            self.start()

    def _mine(self, job: Job) -> bool:
        if job is not self._job:
            return False
        self._job = None
        return True

    def _progressed(self, done: int, total: int, what: str) -> None:
        if self._job is not None and self.runner.current is self._job:
            self.bar.setMaximum(total or 0)
            self.bar.setValue(done)
            self.bar.setFormat(f"{what} %p%")

    def _finished(self, job: Job, report: ImportReport) -> None:
        if not self._mine(job):
            return
        self.report = report
        self.bar.setMaximum(1)
        self.bar.setValue(1)
        member_id = find_member(self.draft.store, report.member)
        note = not_eligible_note(self.draft.store, member_id) if member_id is not None else None
        self.status.setText(describe_import(report) + (f"\n\n{note}" if note else ""))
        self._show_buttons(running=False, done=True)
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.imported.emit(report)
        self.completeChanged.emit()

    def _failed(self, job: Job, failure: JobFailure) -> None:
        if self._mine(job):
            self._stopped(f"The import did not happen: {failure.message}")
            self.force_button.setVisible(failure.kind == "DuplicateImportError")

    def _force(self) -> None:
        self.draft.force = True
        self.start()

    def _cancelled(self, job: Job) -> None:
        if self._mine(job):
            self._stopped("Import cancelled. The workspace is as it was.")

    def _stopped(self, text: str) -> None:
        self.bar.setMaximum(1)
        self.bar.setValue(0)
        self.status.setText(text)
        self._show_buttons(running=False)

    def _show_buttons(self, *, running: bool, done: bool = False) -> None:
        self.cancel_button.setVisible(running)
        self.force_button.setVisible(False)
        self.retry_button.setVisible(not running and not done)
        self.match_button.setVisible(done)


def describe_import(report: ImportReport) -> str:
    """What an import did, in a few lines."""
    lines = [f"{report.records_added:,} supplier records added from {report.file_name} "
             f"for {report.member} ({report.rows_read:,} rows read)."]
    if report.superseded:
        lines.append(f"This list replaces {len(report.superseded)} earlier list(s) of the member; "
                     "they stay in the history.")
    if report.finding_counts:
        lines.append("Findings: " + ", ".join(f"{FINDING_KINDS.get(k, k).lower()} {n:,}"
                                              for k, n in report.finding_counts.items()) + ".")
    lines += [f"⚠ {warning}" for warning in report.warnings]
    lines.append("Run matching to find these suppliers among the other members' lists.")
    return "\n".join(lines)

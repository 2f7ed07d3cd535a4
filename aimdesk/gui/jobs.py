"""Background work: one job runner for import, matching and export.

A job is a core function run on a worker thread; a job on the workspace opens its own
connection there (`workspace_job`: SQLite connections belong to the thread that opened
them, and WAL lets the window keep reading while the job writes). The window stays responsive: progress arrives as
queued signals, at most every `PROGRESS_INTERVAL_MS`, and Cancel sets the core's
`CancelToken`, which the core checks between batches and answers by rolling back.

One job that changes data runs at a time; `JobRunner.start` refuses a second.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from aimdesk.core.bulk import RELEASE_CHUNK
from aimdesk.core.errors import AimDeskError, Cancelled
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.workspace import Store

ANOTHER_JOB = "Another job is still running; wait for it or cancel it."

PROGRESS_INTERVAL_MS = 50
"""Progress signals closer together than this are dropped (the last one always arrives)."""

_logger = logging.getLogger("aimdesk.gui.jobs")

Work = Callable[[Progress, CancelToken], Any]
"""A job's body: (progress callback, cancel token) → result."""


@dataclass(frozen=True, slots=True)
class Job:
    """What to run, and what to call it in the status bar and in messages."""

    title: str
    work: Work
    changes: str = ""
    """What the job changes ("imports", "sites", …) so views know what to refresh;
    empty for a job that only reads."""


def workspace_job(workspace: Path, title: str, work: Callable[[Store, Progress, CancelToken], Any],
                  *, changes: str = "") -> Job:
    """A job that works on the workspace through a connection of its own thread."""

    def run(progress: Progress, cancel: CancelToken) -> Any:
        with Store.open(workspace) as store:
            return work(store, progress, cancel)

    return Job(title, run, changes)


@dataclass(frozen=True, slots=True)
class JobFailure:
    """A job that ended in an error: one sentence for the user, the traceback for the log."""

    title: str
    message: str
    details: str
    expected: bool
    """True for an `AimDeskError` (a bad file, a refused import): the message says it all."""
    kind: str = ""
    """The class of the error ("DuplicateImportError"), for a page that offers a way out."""


class _Worker(QThread):
    """Runs one job; its outcome is read on the GUI thread once the thread has ended."""

    progressed = Signal(int, int, str)

    def __init__(self, job: Job, cancel: CancelToken) -> None:
        super().__init__()
        self._job, self._cancel = job, cancel
        self._last_report = 0.0
        self.result: Any = None
        self.failure: JobFailure | None = None
        self.was_cancelled = False

    def run(self) -> None:
        try:
            self.result = self._job.work(self._progress, self._cancel)
        except Cancelled:
            self.was_cancelled = True
        except AimDeskError as error:
            self.failure = JobFailure(self._job.title, str(error), traceback.format_exc(), True,
                                      type(error).__name__)
        except Exception as error:  # noqa: BLE001 - any bug in a job must reach the user, not kill the thread
            details = traceback.format_exc()
            _logger.error("Job '%s' failed\n%s", self._job.title, details)
            self.failure = JobFailure(self._job.title, f"{self._job.title} failed: {error}", details, False)

    def _progress(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self._last_report >= PROGRESS_INTERVAL_MS / 1000 or (total and done >= total):
            self._last_report = now
            self.progressed.emit(done, total, what)


class JobRunner(QObject):
    """Runs one job at a time on a worker thread and reports on the GUI thread."""

    started = Signal(str)
    """The job's title."""
    progressed = Signal(int, int, str)
    """done, total (0: unknown), what is being done."""
    finished = Signal(object, object)
    """The job and its result."""
    failed = Signal(object, object)
    """The job and a `JobFailure`."""
    cancelled = Signal(object)
    """The job; the workspace is as it was before it."""
    idle = Signal()
    """Emitted after every job, however it ended."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._job: Job | None = None
        self._cancel = CancelToken()

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @property
    def current(self) -> Job | None:
        return self._job

    def start(self, job: Job) -> bool:
        """Run `job`; False when another job is still running."""
        if self._worker is not None:
            return False
        self._job, self._cancel = job, CancelToken()
        worker = _Worker(job, self._cancel)
        worker.progressed.connect(self.progressed)
        worker.finished.connect(self._done)
        self._worker = worker
        worker.start()
        self.started.emit(job.title)
        return True

    def cancel(self) -> None:
        """Ask the running job to stop; it rolls back and reports `cancelled`."""
        if self._worker is not None:
            self._cancel.cancel()

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until the running job ends (closing the window, tests)."""
        if self._worker is None:
            return True
        return self._worker.wait(milliseconds) if milliseconds >= 0 else self._worker.wait()

    def _done(self) -> None:
        """The thread ended: the runner is free again before anyone hears how it went, so
        a slot may start the next job at once."""
        worker, job = self._worker, self._job
        self._worker, self._job = None, None
        if worker is None or job is None:
            return
        worker.deleteLater()
        if worker.was_cancelled:
            self.cancelled.emit(job)
        elif worker.failure is not None:
            self.failed.emit(job, worker.failure)
        else:
            self.finished.emit(job, worker.result)
        self.idle.emit()


class JobWatch(QObject):
    """The jobs one dialog starts on the window's runner: `then(result)` when such a job
    succeeds, `ended()` however it ends (succeeded, failed or cancelled). The window shows
    failures; a watch lives and dies with its dialog, and so do its connections."""

    def __init__(self, runner: JobRunner, parent: QObject, *, ended: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._job: Job | None = None
        self._then: Callable[[Any], None] = lambda _result: None
        self._ended = ended
        runner.finished.connect(self._finished)
        runner.failed.connect(self._failed)
        runner.cancelled.connect(self._over)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, job: Job, then: Callable[[Any], None]) -> bool:
        """Run `job`; False (nothing started) when another job is running."""
        if not self.runner.start(job):
            return False
        self._job, self._then = job, then
        return True

    def _finished(self, job: Job, result: Any) -> None:
        if self._over(job):
            self._then(result)

    def _failed(self, job: Job, _failure: JobFailure) -> None:
        """A bound method, not a lambda: Qt drops it when the watch's dialog is deleted."""
        self._over(job)

    def _over(self, job: Job) -> bool:
        if job is not self._job:
            return False
        self._job = None
        self._ended()
        return True


def release_in_turns(owner: QObject, containers: list[list[Any]]) -> None:
    """Empty big lists a few thousand items per turn of the event loop, so that freeing
    them never freezes the window (see `core.bulk.release_gradually`)."""
    pending = [c for c in containers if c]

    def step() -> None:
        if not pending:
            return
        container = pending[-1]
        del container[-RELEASE_CHUNK:]
        if not container:
            pending.pop()
        QTimer.singleShot(0, owner, step)

    if pending:
        QTimer.singleShot(0, owner, step)

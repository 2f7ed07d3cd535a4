"""A dialog's jobs on the window's runner: the dialog hears how its own jobs end, whether
they succeed, fail or are cancelled, and nothing of other jobs."""

from __future__ import annotations

from PySide6.QtCore import QObject

from aimdesk.core.errors import AimDeskError
from aimdesk.core.progress import CancelToken, Progress, check
from aimdesk.gui.jobs import Job, JobRunner, JobWatch


def until_cancelled(progress: Progress, cancel: CancelToken) -> None:
    while True:
        check(cancel)


def refused(progress: Progress, cancel: CancelToken) -> None:
    raise AimDeskError("This file is not a list.")


def test_a_watched_job_ends_once_however_it_ends_and_other_jobs_are_not_heard(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner, owner = JobRunner(), QObject()
    ended: list[str] = []
    results: list[object] = []
    watch = JobWatch(runner, owner, ended=lambda: ended.append("ended"))
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        assert watch.start(Job("loop", until_cancelled), results.append)
        assert watch.running
        runner.cancel()
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        watch.start(Job("refused", refused), results.append)
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        watch.start(Job("sum", lambda progress, cancel: 42), results.append)
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.start(Job("someone else's", lambda progress, cancel: 7))
    assert ended == ["ended"] * 3 and results == [42] and not watch.running


def test_a_watch_starts_nothing_while_another_job_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner, owner = JobRunner(), QObject()
    watch = JobWatch(runner, owner)
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.start(Job("loop", until_cancelled))
        assert not watch.start(Job("mine", lambda progress, cancel: 1), print) and not watch.running
        runner.cancel()

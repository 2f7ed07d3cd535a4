"""Progress reporting and cancellation for long core operations (STYLE.md rule 5)."""

from __future__ import annotations

import threading
from typing import Callable

from aimdesk.core.errors import Cancelled

Progress = Callable[[int, int, str], None]
"""Called as progress(done, total, what); total 0 means unknown."""

BATCH = 5000
"""Rows handled between two progress reports and Cancel checks in long loops."""


class CancelToken:
    """A flag the front end sets; core code checks it between batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the running operation to stop at its next check."""
        self._event.set()

    def raise_if_set(self) -> None:
        """Raise `Cancelled` if the user asked to stop."""
        if self._event.is_set():
            raise Cancelled("Cancelled; the workspace was left as it was.")


def report(progress: Progress | None, done: int, total: int, what: str) -> None:
    """Call `progress` if there is one."""
    if progress is not None:
        progress(done, total, what)


def check(cancel: CancelToken | None) -> None:
    """Raise `Cancelled` if `cancel` is set."""
    if cancel is not None:
        cancel.raise_if_set()

"""Where a reviewer is in the queue, and at what pace (no Qt: tested on its own)."""

from __future__ import annotations

import time
from collections.abc import Callable

from aimdesk.core.matching.queue import ReviewItem


class ReviewSession:
    """The queue items in view, the one shown, and how many were decided since it began.

    A decided item leaves the list; a skipped one stays where it is and the next is shown.
    """

    def __init__(self, items: list[ReviewItem], *, clock: Callable[[], float] = time.monotonic,
                 decided: int = 0, started: float | None = None) -> None:
        self.items = items
        self.position = 0
        self.decided = decided
        self._clock = clock
        self.started = clock() if started is None else started

    @property
    def current(self) -> ReviewItem | None:
        return self.items[self.position] if self.position < len(self.items) else None

    def go_to(self, position: int) -> None:
        self.position = max(0, min(position, len(self.items)))

    def skip(self) -> None:
        """The next item; after the last, back to the first one still waiting."""
        self.position = self.position + 1 if self.position + 1 < len(self.items) else 0

    def decided_current(self) -> None:
        if self.current is not None:
            del self.items[self.position]
            self.decided += 1
            if self.position >= len(self.items):
                self.position = 0

    def undone(self, count: int = 1) -> None:
        self.decided = max(0, self.decided - count)

    def per_minute(self) -> float:
        minutes = (self._clock() - self.started) / 60
        return self.decided / minutes if minutes > 0 else 0.0

    def restarted(self, items: list[ReviewItem], *, show: tuple[int, int] | None = None) -> ReviewSession:
        """The same session (pace kept) over a re-read queue, showing pair `show` if it is
        in it, else the item at the same place."""
        session = ReviewSession(items, clock=self._clock, decided=self.decided, started=self.started)
        where = next((n for n, item in enumerate(items) if (item.left, item.right) == show), None)
        session.go_to(where if where is not None else min(self.position, max(len(items) - 1, 0)))
        return session

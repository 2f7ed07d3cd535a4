"""Helpers for bulk work on hundreds of thousands of small objects."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager

RELEASE_CHUNK = 2000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the duration of a bulk operation.

    An import allocates hundreds of thousands of acyclic objects (cells, records, rows to
    insert); the collector would walk them again and again, a fifth of a 50,000-row
    import. Reference counting still frees everything. When the collector resumes, what
    the operation left is frozen out of its reach (`gc.freeze`): otherwise its first
    collection walks all of it at once and the window freezes for half a second.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()


def release_gradually(*containers: object) -> None:
    """Empty big lists, dicts and sets a few thousand items at a time.

    Freeing a million objects in one go holds the interpreter lock for a few hundred
    milliseconds, and a window sharing the process freezes that long; emptied piece by
    piece, the window gets its turns in between. Other objects are left as they are.
    """
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-RELEASE_CHUNK:]
        elif isinstance(container, dict):
            while container:
                for key in list(itertools.islice(container, RELEASE_CHUNK)):
                    del container[key]
        elif isinstance(container, set):
            while container:
                for _ in range(min(RELEASE_CHUNK, len(container))):
                    container.pop()

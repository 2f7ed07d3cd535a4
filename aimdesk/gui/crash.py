"""Unexpected errors: log the traceback, tell the user where it went, keep running.

An `AimDeskError` is shown where it happens (its message is for the user). Anything
else that reaches `sys.excepthook` is a bug (STYLE.md rule 13): without this hook a
PySide6 app prints it to a console the user never sees, or vanishes.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from aimdesk.core.errors import AimDeskError

LOG_FILE_NAME = "aimdesk.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

_logger = logging.getLogger("aimdesk.gui")


def open_log(log_dir: Path) -> Path:
    """Send the `aimdesk` loggers to a rotating file in `log_dir`; return the file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("aimdesk")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, message: str, *, details: str = "",
               title: str = "AIMDesk") -> None:
    """A message in plain words; the technical details behind "Show Details…", to copy."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def make_excepthook(log_path: Path) -> ExceptHook:
    """An excepthook that logs to `log_path` and shows one sentence in a message box."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        _logger.error("Unexpected error\n%s", text)
        if QApplication.instance() is None or showing:
            sys.__excepthook__(kind, error, trace)
            return
        if isinstance(error, AimDeskError):
            message = str(error)  # a user error that escaped its handler: still one sentence
        else:
            message = f"Unexpected error; details saved to the log: {log_path}"
        showing = True  # an error raised while the box is open must not open another one
        try:
            show_error(QApplication.activeWindow(), message, details=text)
        finally:
            showing = False

    return hook

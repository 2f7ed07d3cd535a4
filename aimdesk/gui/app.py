"""Start the desktop app: `run_app(workspace)` is what `aimdesk` without a command calls."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from aimdesk import __version__
from aimdesk.gui.context import AppContext
from aimdesk.gui.crash import make_excepthook, open_log
from aimdesk.gui.main_window import MainWindow
from aimdesk.gui.settings import AppSettings

APP_NAME = "AIMDesk"


def run_app(workspace: Path | None = None) -> int:
    """Show the main window and run until it closes.

    Args:
        workspace: open this workspace; without one, reopen the workspace open when the
            app was last quit (if that file still exists), else show how to open or
            create one.

    Returns:
        The exit code of the Qt event loop (0 after a normal quit).
    """
    app = create_application(sys.argv)
    context = AppContext(
        settings=AppSettings(QSettings()),
        log_path=open_log(Path(platformdirs.user_log_dir(APP_NAME, APP_NAME))),
        user=getpass.getuser(),
    )
    sys.excepthook = make_excepthook(context.log_path)
    window = show_main_window(context, workspace)
    code = app.exec()
    del window
    return code


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, named so QSettings and platform dirs find the same place."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def show_main_window(context: AppContext, workspace: Path | None) -> MainWindow:
    """Build and show the main window on `workspace`, or on the last one still on disk."""
    window = MainWindow(context)
    window.show()
    if workspace is not None:
        window.open_workspace(Path(workspace))
    else:
        last = context.settings.last_workspace()
        if last is not None and last.exists():
            window.open_workspace(last)
    return window

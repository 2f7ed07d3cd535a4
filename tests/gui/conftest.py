"""GUI tests run offscreen, with settings and logs kept inside each test's tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from aimdesk.core.store import Store  # noqa: E402
from aimdesk.gui.context import AppContext  # noqa: E402
from aimdesk.gui.main_window import MainWindow  # noqa: E402
from aimdesk.gui.settings import AppSettings  # noqa: E402

from .supplier_lists import ACME_ROWS, BLUE_ROWS, import_lists, write_supplier_list  # noqa: E402

QStandardPaths.setTestModeEnabled(True)

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def app_context(tmp_path: Path) -> AppContext:
    """Settings in a tmp ini file, so no test sees another's recent files or geometry."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(settings=AppSettings(settings), log_path=tmp_path / "aimdesk.log",
                      user="tester")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A real workspace with two members' lists imported: 8 records."""
    path = tmp_path / "forum.aimdesk"
    Store.create(path).close()
    import_lists(path, {
        "Acme Retail": write_supplier_list(tmp_path / "acme.csv", ACME_ROWS),
        "Blue Fashion": write_supplier_list(tmp_path / "blue.csv", BLUE_ROWS),
    })
    return path


@pytest.fixture
def make_window(qtbot, app_context: AppContext) -> WindowFactory:  # type: ignore[no-untyped-def]
    """Build main windows that pytest-qt closes after the test."""

    def make() -> MainWindow:
        window = MainWindow(app_context)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory, workspace: Path) -> MainWindow:
    """The main window with the two-member workspace open."""
    main = make_window()
    assert main.open_workspace(workspace)
    return main


@pytest.fixture
def critical_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of error boxes (QMessageBox.critical, or a box built and run with exec), which
    then return at once instead of blocking."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_critical(parent: object, title: str, text: str, *args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(autouse=True)
def _drop_log_handlers() -> Iterator[None]:
    """`open_log` adds a file handler to the 'aimdesk' logger; do not leak it across tests."""
    logger = logging.getLogger("aimdesk")
    before = list(logger.handlers)
    yield
    for handler in logger.handlers[:]:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()

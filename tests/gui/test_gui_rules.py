"""House rules for aimdesk/gui that a reviewer would otherwise have to spot by eye."""

from __future__ import annotations

import re
from pathlib import Path

import aimdesk.gui

GUI_DIR = Path(aimdesk.gui.__file__).parent
SOURCES = sorted(GUI_DIR.rglob("*.py"))


def test_the_gui_holds_no_sql() -> None:
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\s|\.execute\(|\bsqlite3\b|\.conn\b")
    offenders = [f"{path.name}:{number}" for path in SOURCES
                 for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
                 if sql.search(line)]
    assert offenders == []


def test_qsettings_is_used_only_in_settings_and_app() -> None:
    users = {path.name for path in SOURCES if "QSettings" in path.read_text("utf-8")}
    assert users <= {"settings.py", "app.py"}


def test_no_table_widgets() -> None:
    assert not [path.name for path in SOURCES if "QTableWidget" in path.read_text("utf-8")]

"""Screenshots of the main window for the docs, taken offscreen from a real workspace.

Opens DEMO_WORKSPACE (the `.aimdesk` file, or the folder `aimdesk demo DIR` wrote) in a
1400x800 main window with fresh settings (nothing of yours is read or changed), and saves
the Records page as OUT_DIR/main-window.png and the Members page as OUT_DIR/members.png.

usage: python benchmarks/screenshots.py DEMO_WORKSPACE OUT_DIR

For example, to refresh the ones in docs/:

    .venv/bin/aimdesk demo /tmp/shots-demo
    .venv/bin/python benchmarks/screenshots.py /tmp/shots-demo docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from aimdesk.core.store.workspace import WORKSPACE_SUFFIX  # noqa: E402
from aimdesk.gui.app import create_application  # noqa: E402
from aimdesk.gui.context import AppContext  # noqa: E402
from aimdesk.gui.main_window import MainWindow  # noqa: E402
from aimdesk.gui.settings import AppSettings  # noqa: E402

WINDOW_SIZE = (1400, 800)
SHOTS = {"main-window.png": "records_page", "members.png": "members_page"}
"""File name -> the page of the main window it shows."""


def find_workspace(path: Path) -> Path:
    """The workspace file itself, or the only `.aimdesk` file in a demo folder."""
    if path.is_file():
        return path
    found = sorted(path.glob(f"*{WORKSPACE_SUFFIX}"))
    if len(found) != 1:
        raise SystemExit(f"Expected one {WORKSPACE_SUFFIX} file in {path}, found {len(found)}.")
    return found[0]


def settle(app: QApplication) -> None:
    """Let layouts, lazy row fetches and repaints finish before grabbing."""
    for _ in range(5):
        app.processEvents()


def take_screenshots(workspace: Path, out_dir: Path) -> list[Path]:
    """Save one PNG per page of `SHOTS` into `out_dir`; returns their paths."""
    app = create_application(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext(settings=AppSettings(settings), log_path=Path(scratch) / "log",
                             user="screenshots")
        window = MainWindow(context)
        window.resize(*WINDOW_SIZE)
        window.show()
        if not window.open_workspace(workspace):
            raise SystemExit(f"Could not open {workspace}.")
        for name, page_name in SHOTS.items():
            page: QWidget = getattr(window, page_name)
            window.show_page(page)
            settle(app)
            target = out_dir / name
            if not window.grab().save(str(target)):
                raise SystemExit(f"Could not write {target}.")
            saved.append(target)
        window.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, metavar="DEMO_WORKSPACE")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    args = parser.parse_args(argv)
    for path in take_screenshots(find_workspace(args.workspace), args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

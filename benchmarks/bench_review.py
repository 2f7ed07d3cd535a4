"""Time from a decision key to the next pair on screen, in the real Review page.

Builds a demo workspace (three times the default size, so its queue holds more than 500
pairs), matches it, opens it in the main window, and presses S / D / U in turn on the
Review page: each press records the decision in the workspace, and the next pair is laid
out and painted. Prints the median, 95th percentile and worst of the decisions. Target:
the next pair shown within 100 ms.

usage: python benchmarks/bench_review.py [--decisions 500] [--scale 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from aimdesk.core.matching.run import run_matching  # noqa: E402
from aimdesk.core.store.workspace import Store  # noqa: E402
from aimdesk.demo.build import DEMO_WORKSPACE_NAME, make_demo  # noqa: E402
from aimdesk.gui.context import AppContext  # noqa: E402
from aimdesk.gui.main_window import MainWindow  # noqa: E402
from aimdesk.gui.settings import AppSettings  # noqa: E402

KEYS = (Qt.Key.Key_S, Qt.Key.Key_D, Qt.Key.Key_U)


def matched_demo(work: Path, scale: float) -> Path:
    folder = work / f"review-demo-{scale:g}"
    workspace = folder / DEMO_WORKSPACE_NAME
    if not workspace.exists():
        make_demo(folder, who="bench", scale=scale)
        with Store.open(workspace) as store:
            run_matching(store, who="bench")
    return workspace


def press_times(window: MainWindow, count: int) -> list[float]:
    """Milliseconds from each key press to the next pair painted."""
    app = QApplication.instance()
    page = window.review_page
    page.comparison.setFocus()
    times = []
    for number in range(count):
        if page.session.current is None:
            break
        started = time.perf_counter()
        QTest.keyClick(page.comparison, KEYS[number % len(KEYS)])
        page.comparison.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=500)
    parser.add_argument("--scale", type=float, default=3.0)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="aimdesk-review-"))
    workspace = matched_demo(work, args.scale)
    copy = work / "decided.aimdesk"
    copy.write_bytes(workspace.read_bytes())
    app = QApplication([])
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(AppSettings(settings), work / "aimdesk.log", "bench"))
    window.resize(1280, 780)
    window.show()
    window.open_workspace(copy)
    window.show_page(window.review_page)
    app.processEvents()
    waiting = len(window.review_page.session.items)
    times = press_times(window, args.decisions)
    ordered = sorted(times)
    print(f"workspace: {copy}  pairs waiting: {waiting:,}  decisions timed: {len(times):,}")
    print(f"key press to next pair shown: median {statistics.median(times):.1f} ms, "
          f"95th percentile {ordered[int(len(ordered) * 0.95)]:.1f} ms, worst {ordered[-1]:.1f} ms")
    window.close()


if __name__ == "__main__":
    main()

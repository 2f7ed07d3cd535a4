"""How long the window stops answering while a 50k-row list is read and imported and a
full matching run goes on in the background. Target: no stall over 100 ms.

A timer asks the event loop for a tick every 5 ms; a stall is the time between two ticks
beyond those 5 ms (a user would see the window freeze for that long). Each phase runs
the real code path: the import wizard reading the file, the import job, the full
matching job, and the window refreshing its pages after each job.

usage: python benchmarks/bench_gui.py [--rows 50000] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import make_rows, write_xlsx  # noqa: E402

from aimdesk.core.store.workspace import Store  # noqa: E402
from aimdesk.gui.context import AppContext  # noqa: E402
from aimdesk.gui.import_wizard import ImportWizard  # noqa: E402
from aimdesk.gui.main_window import MainWindow  # noqa: E402
from aimdesk.gui.settings import AppSettings  # noqa: E402

TICK_MS = 5


class StallMeter:
    """Ticks of the event loop, and the longest gap between two of them."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.during: list[str] = []
        self.doing = ""
        """What the running job said last (a stall is reported with it)."""
        self._last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self.during.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        """(longest stall, 99th-percentile stall) in milliseconds."""
        self.timer.stop()
        stalls = sorted(max(0.0, gap * 1000 - TICK_MS) for gap in self.gaps) or [0.0]
        return stalls[-1], stalls[int(len(stalls) * 0.99)]

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self.during.append(self.doing)
        self._last = now

    def worst(self, count: int = 3) -> str:
        ranked = sorted(zip(self.gaps, self.during), reverse=True)[:count]
        return "; ".join(f"{gap * 1000 - TICK_MS:.0f} ms during '{what or 'window work'}'" for gap, what in ranked)


def run_until(app: QApplication, done, timeout: float = 900) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > timeout:
            raise SystemExit("timed out")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--verbose", action="store_true", help="say what ran during the worst stalls")
    args = parser.parse_args()
    verbose = args.verbose
    work = args.work or Path(tempfile.mkdtemp(prefix="aimdesk-gui-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"list-{args.rows}.xlsx"
    if not source.exists():
        write_xlsx(source, make_rows(args.rows))
    workspace = work / "gui-bench.aimdesk"
    for leftover in work.glob("gui-bench.aimdesk*"):
        leftover.unlink()
    Store.create(workspace).close()

    app = QApplication(sys.argv)
    context = AppContext(AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)),
                         work / "aimdesk.log", "bench")
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    window.open_workspace(workspace)
    meter = StallMeter()
    window.runner.progressed.connect(lambda done, total, what: setattr(meter, "doing", what))
    window.runner.idle.connect(lambda: setattr(meter, "doing", "refresh after the job"))
    print(f"{'phase':<34}{'seconds':>9}{'longest stall ms':>18}{'p99 stall ms':>14}")

    def phase(name: str, start, done) -> None:  # type: ignore[no-untyped-def]
        meter.start()
        start()
        seconds = run_until(app, done)
        for _ in range(20):  # the refresh after a job runs on the next turns of the loop
            app.processEvents()
        longest, p99 = meter.stop()
        print(f"{name:<34}{seconds:>9.1f}{longest:>18.0f}{p99:>14.0f}")
        if verbose:
            print("    worst:", meter.worst())

    window.import_list(source)
    wizard: ImportWizard = window.import_wizard
    wizard.file_page.member_box.setEditText("Bench Member")
    phase(f"read {args.rows:,} rows (wizard)", wizard.next, lambda: wizard.draft.prepared is not None)
    for _ in range(3):
        wizard.next()
    phase("import job + refresh", wizard.next, lambda: wizard.run_page.report is not None)
    wizard.accept()
    phase("full matching job + refresh", lambda: window.run_matching(True), lambda: not window.runner.busy)
    window.close()
    meter.timer.stop()
    meter.timer.deleteLater()
    window.deleteLater()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing down a window's objects at interpreter exit


if __name__ == "__main__":
    main()

"""Screenshots of every screen for the docs, taken offscreen from a real workspace.

Opens DEMO_WORKSPACE (the `.aimdesk` file, or the folder `aimdesk demo DIR` wrote) on a
copy, runs matching on it if it has no sites yet, and saves into OUT_DIR, at 1366x768
(a common laptop screen), with fresh settings (nothing of yours is read or changed):
welcome.png, one PNG per page of the main window (dashboard.png, members.png, …), the
review screens (review-file-rows.png, review-packet.png, review-conflict.png,
site-editor.png, site-edit-consequence.png), the benchmark wizard (benchmark-1-setup.png …),
member-status.png, catalogues.png, the exports (exports.png with two editions,
common-document.png, hria-register.png), and the import wizard's steps on a member list of the
demo folder (import-1-file.png …).

usage: python benchmarks/screenshots.py DEMO_WORKSPACE OUT_DIR

For example, to refresh the ones in docs/:

    .venv/bin/aimdesk demo /tmp/shots-demo
    .venv/bin/python benchmarks/screenshots.py /tmp/shots-demo docs/screenshots
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from aimdesk.core.export.packet_file import save_packet_decisions  # noqa: E402
from aimdesk.core.export.review_packet import import_review_packet, write_review_packet  # noqa: E402
from aimdesk.core.export.common_document import write_common_document  # noqa: E402
from aimdesk.core.export.common_rows import common_options  # noqa: E402
from aimdesk.core.hria import add_hria  # noqa: E402
from aimdesk.core.matching.run import run_matching  # noqa: E402
from aimdesk.core.store.members import list_members  # noqa: E402
from aimdesk.core.matching.site_edits import plan_split  # noqa: E402
from aimdesk.core.store.sites import SiteQuery, site_ids, site_record_ids  # noqa: E402
from aimdesk.core.store.workspace import WORKSPACE_SUFFIX, Store  # noqa: E402
from aimdesk.gui.app import create_application  # noqa: E402
from aimdesk.gui.context import AppContext  # noqa: E402
from aimdesk.gui.benchmark.wizard import SUMMARY  # noqa: E402
from aimdesk.gui.exports.common_dialog import CommonDialog  # noqa: E402
from aimdesk.gui.exports.hria_dialog import HriaDialog  # noqa: E402
from aimdesk.gui.main_window import PAGE_NAMES, MainWindow  # noqa: E402
from aimdesk.gui.review.site_editor import ConsequenceDialog  # noqa: E402
from aimdesk.gui.settings import AppSettings  # noqa: E402

WINDOW_SIZE = (1366, 768)
WIZARD_STEPS = ("file", "sheet", "columns", "values", "findings", "done")
BENCHMARK_KEYS = "CCCCPCCCCCCNCCCACCCCCCP"
"""The answers typed on each pillar page of the screenshots (C covered, P partly, …)."""
WIZARD_LIST = "Greenleaf"
"""The demo member whose list the wizard screenshots import again (a CSV with findings)."""


def find_workspace(path: Path) -> Path:
    """The workspace file itself, or the only `.aimdesk` file in a demo folder."""
    if path.is_file():
        return path
    found = sorted(path.glob(f"*{WORKSPACE_SUFFIX}"))
    if len(found) != 1:
        raise SystemExit(f"Expected one {WORKSPACE_SUFFIX} file in {path}, found {len(found)}.")
    return found[0]


def settle(app: QApplication, until=lambda: True, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Let background work, layouts, lazy row fetches and repaints finish before grabbing."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, target: Path, saved: list[Path]) -> None:
    if not widget.grab().save(str(target)):
        raise SystemExit(f"Could not write {target}.")
    saved.append(target)


def take_screenshots(workspace: Path, out_dir: Path) -> list[Path]:
    """Save the PNGs into `out_dir`; returns their paths."""
    app = create_application(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / workspace.name
        shutil.copy(workspace, copy)
        with Store.open(copy) as store:
            if not store.conn.execute("SELECT count(*) FROM sites").fetchone()[0]:
                run_matching(store, who="screenshots")
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext(settings=AppSettings(settings), log_path=Path(scratch) / "log", user="screenshots")
        window = MainWindow(context)
        window.resize(*WINDOW_SIZE)
        window.show()
        settle(app)
        save(window, out_dir / "welcome.png", saved)
        if not window.open_workspace(copy):
            raise SystemExit(f"Could not open {workspace}.")
        for name, page in zip(PAGE_NAMES, window.page_widgets):
            window.show_page(page)
            if page is window.sites_page:
                page.shared_only.setChecked(True)
                page.table.selectRow(0)
            if page is window.records_page:
                page.table.selectRow(2)
            settle(app, lambda: window.dashboard_page.figures is not None)
            save(window, out_dir / f"{name.lower()}.png", saved)
        review_shots(app, window, Path(scratch), out_dir, saved)
        benchmark_shots(app, window, out_dir, saved)
        export_shots(app, window, Path(scratch), out_dir, saved)
        source = next(workspace.parent.glob(f"members/{WIZARD_LIST.lower()}*"), None)
        if source is not None:
            wizard_shots(app, window, source, out_dir, saved)
        window.close()
    return saved


def review_shots(app: QApplication, window: MainWindow, scratch: Path, out_dir: Path, saved: list[Path]) -> None:
    """The Review page with file rows, a conflict to adjudicate, a packet decided in the
    app, and the site editor with the consequence of a split."""
    store = window.store
    assert store is not None
    page = window.review_page
    window.show_page(page)
    page.skip()
    page.raw_rows_box.setChecked(True)
    settle(app)
    save(window, out_dir / "review-file-rows.png", saved)
    page.raw_rows_box.setChecked(False)
    packet_shot(app, window, scratch / "review packet.xlsx", out_dir, saved)
    conflict_shot(app, window, scratch, out_dir, saved)
    site_editor_shots(app, window, out_dir, saved)


def benchmark_shots(app: QApplication, window: MainWindow, out_dir: Path, saved: list[Path]) -> None:
    """The benchmark wizard's three steps, a member's mutual-recognition status and the
    catalogue editor."""
    window.show_page(window.protocols_page)
    wizard = window.protocols_page.open_wizard(None)
    assert wizard is not None
    wizard.setup_page.protocol.setText("Moretti Supplier Social Audit")
    wizard.setup_page.version.setText("2.0 (2025)")
    settle(app)
    save(wizard, out_dir / "benchmark-1-setup.png", saved)
    wizard.next()
    while wizard.currentId() != SUMMARY:
        page = wizard.currentPage()
        for row in range(page.model.rowCount()):
            QTest.keyClick(page.table, BENCHMARK_KEYS[row % len(BENCHMARK_KEYS)])
        if page is wizard.pillar_pages[0]:
            page.table.selectRow(6)
            settle(app)
            save(wizard, out_dir / "benchmark-2-pillar.png", saved)
        wizard.next()
    settle(app)
    save(wizard, out_dir / "benchmark-3-summary.png", saved)
    wizard.reject()
    window.show_page(window.members_page)
    window.members_page.table.selectRow(0)
    status = window.members_page.show_status()
    assert status is not None
    settle(app)
    save(status, out_dir / "member-status.png", saved)
    status.reject()
    editor = window.protocols_page.edit_catalogues()
    assert editor is not None
    settle(app)
    save(editor, out_dir / "catalogues.png", saved)
    editor.reject()


def export_shots(app: QApplication, window: MainWindow, scratch: Path, out_dir: Path, saved: list[Path]) -> None:
    """Two editions of the common document on the Exports page, the export dialog, and the
    HRIA register with an entry."""
    store = window.store
    assert store is not None
    for as_of in (dt.date(2026, 6, 30), dt.date(2026, 11, 1)):
        write_common_document(store, scratch / f"common {as_of}.xlsx", common_options(store, as_of), who="screenshots")
    window.refresh()
    window.show_page(window.exports_page)
    settle(app)
    save(window, out_dir / "exports.png", saved)
    dialog = CommonDialog(store, window)
    dialog.show()
    settle(app)
    save(dialog, out_dir / "common-document.png", saved)
    dialog.close()
    members = list_members(store)
    add_hria(store, member_id=members[0].id, country="VN", sector="coffee", scope="smallholder farms, Central Highlands",
             year=2025, contact_note="field team, through the secretariat", who="screenshots")
    register = HriaDialog(store, "screenshots", window)
    register.show()
    settle(app)
    save(register, out_dir / "hria-register.png", saved)
    register.close()


def packet_shot(app: QApplication, window: MainWindow, packet: Path, out_dir: Path, saved: list[Path]) -> None:
    assert window.store is not None
    write_review_packet(window.store, packet, limit=40, who="screenshots")
    packet_window = window.review_packet_file(packet)
    assert packet_window is not None
    packet_window.resize(*WINDOW_SIZE)
    packet_window.decide("same")
    packet_window.decide("different")
    settle(app)
    save(packet_window, out_dir / "review-packet.png", saved)
    packet_window.save()
    packet_window.close()


def conflict_shot(app: QApplication, window: MainWindow, scratch: Path, out_dir: Path, saved: list[Path]) -> None:
    """Two reviewers disagree on the same pair through two packets."""
    store = window.store
    assert store is not None
    answers = (("Ana Ruiz", "same"), ("Li Wei", "different"))
    for reviewer, _ in answers:
        write_review_packet(store, scratch / f"{reviewer}.xlsx", limit=1, who="screenshots")
    for reviewer, word in answers:
        packet = scratch / f"{reviewer}.xlsx"
        save_packet_decisions(packet, {2: (word, "checked with the supplier")})  # type: ignore[dict-item]
        import_review_packet(store, packet, reviewer=reviewer)
    window.refresh()
    window.review_page.show_conflicts()
    settle(app)
    save(window, out_dir / "review-conflict.png", saved)


def site_editor_shots(app: QApplication, window: MainWindow, out_dir: Path, saved: list[Path]) -> None:
    store = window.store
    assert store is not None
    site = max(site_ids(store, SiteQuery(min_members=2)), key=lambda s: len(site_record_ids(store, s)))
    editor = window.edit_site(site)
    assert editor is not None
    settle(app, lambda: editor.detail is not None and not window.runner.busy)
    editor.records_view.selectRow(len(editor.detail.records) - 1)
    settle(app)
    save(editor, out_dir / "site-editor.png", saved)
    plan = plan_split(store, site, [[editor.detail.records[-1].id]])
    consequence = ConsequenceDialog(plan, editor)
    consequence.show()
    settle(app)
    save(consequence, out_dir / "site-edit-consequence.png", saved)
    consequence.close()
    editor.close()


def wizard_shots(app: QApplication, window: MainWindow, source: Path, out_dir: Path, saved: list[Path]) -> None:
    window.import_list(source)
    wizard = window.import_wizard
    wizard.resize(980, 680)
    wizard.file_page.member_box.setEditText("Greenleaf Household Products Ltd")
    wizard.file_page.replace_box.setChecked(True)
    wizard.draft.force = True  # the demo imported this very file already
    for number, step in enumerate(WIZARD_STEPS, start=1):
        settle(app, lambda: not wizard.draft.busy and not wizard.run_page.running)
        save(wizard, out_dir / f"import-{number}-{step}.png", saved)
        wizard.next()
    wizard.accept()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, metavar="DEMO_WORKSPACE")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    args = parser.parse_args()
    for path in take_screenshots(find_workspace(args.workspace), args.out_dir):
        print(path)
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash tearing down the window's objects at interpreter exit


if __name__ == "__main__":
    main()

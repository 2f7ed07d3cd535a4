"""The window on the demo workspace that `make run` opens, built by the real command."""

from __future__ import annotations

import csv
from pathlib import Path

from aimdesk.cli import main
from aimdesk.gui.main_window import MainWindow

from .conftest import WindowFactory


def test_window_opens_the_demo_workspace_with_every_member_and_record(
        tmp_path: Path, make_window: WindowFactory) -> None:
    demo = tmp_path / "demo"
    assert main(["demo", str(demo), "--scale", "0.05"]) == 0
    with open(demo / "truth.csv", encoding="utf-8", newline="") as handle:
        truth_rows = len(list(csv.DictReader(handle)))
    window: MainWindow = make_window()
    assert window.open_workspace(demo / "demo.aimdesk")
    window.show_page(window.members_page)
    members = window.members_page.model
    window.show_page(window.records_page)
    records = window.records_page.model
    assert members.rowCount() == len(list((demo / "mapping").glob("*.json")))
    assert records.rowCount() == truth_rows
    assert "demo.aimdesk" in window.windowTitle()

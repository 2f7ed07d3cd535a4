"""A small demo workspace made and matched with the command line, for the CLI tests that
need real data.

A test module takes the fixtures by importing them:

    from tests.cli.demo_workspaces import matched_demo, workspace  # noqa: F401 - the shared fixtures
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aimdesk.cli import main


@pytest.fixture(scope="module")
def matched_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`aimdesk demo FOLDER --scale 0.1`, then `aimdesk match`, once per test module."""
    folder = tmp_path_factory.mktemp("cli-matched-demo")
    assert main(["demo", str(folder), "--scale", "0.1"]) == 0
    workspace = folder / "demo.aimdesk"
    assert main(["--workspace", str(workspace), "match"]) == 0
    return workspace


@pytest.fixture
def workspace(matched_demo: Path, tmp_path: Path) -> Path:
    """This test's own copy of the matched demo workspace."""
    copy = tmp_path / "w.aimdesk"
    shutil.copy(matched_demo, copy)
    return copy

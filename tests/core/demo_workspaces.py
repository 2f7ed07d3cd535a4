"""A small matched demo workspace, for the core tests that need real data.

A test module takes the fixtures by importing them:

    from tests.core.demo_workspaces import demo, matched_demo  # noqa: F401 - the shared fixtures
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from aimdesk.core.matching.run import run_matching
from aimdesk.core.store.workspace import Store
from aimdesk.demo.build import make_demo

DEMO_SCALE = 0.1


@pytest.fixture(scope="module")
def matched_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace at DEMO_SCALE (its members' files beside it), matched once per test module."""
    workspace = make_demo(tmp_path_factory.mktemp("matched-demo"), who="test", scale=DEMO_SCALE)
    with Store.open(workspace) as store:
        run_matching(store, who="test")
    return workspace


@pytest.fixture
def demo(matched_demo: Path, tmp_path: Path) -> Iterator[Store]:
    """This test's own copy of the matched demo workspace."""
    copy = tmp_path / "w.aimdesk"
    shutil.copy(matched_demo, copy)
    with Store.open(copy) as opened:
        yield opened

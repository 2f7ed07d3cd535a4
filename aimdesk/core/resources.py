"""Where the data files in `resources/` live (vocabularies, synonyms, aliases)."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@cache
def load_json(name: str) -> Any:
    """Read `resources/<name>` once; the files are read-only data."""
    with open(resources_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)

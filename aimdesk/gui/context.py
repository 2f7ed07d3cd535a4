"""The one object `run_app` builds and hands to each window (STYLE.md rule 14)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aimdesk.gui.settings import AppSettings


@dataclass(frozen=True, slots=True)
class AppContext:
    """What windows need from the app: remembered settings, the log file, the user's name."""

    settings: AppSettings
    log_path: Path
    user: str

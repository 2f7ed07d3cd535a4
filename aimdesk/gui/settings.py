"""What the app remembers between runs: recent workspaces, the last one, window geometry.

`QSettings` is used only here (STYLE.md rule 14). The `QSettings` object is passed in,
so tests hand over one that writes to a temporary ini file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8

_RECENT = "workspaces/recent"
_LAST = "workspaces/last"
_GEOMETRY = "main_window/geometry"
_RECORDS_HEADER = "records_page/header"
_PACKET_REVIEWER = "review/last_packet_reviewer"
_IMPORT_FOLDER = "import/last_folder"
_WIZARD_GEOMETRY = "import/wizard_geometry"


class AppSettings:
    """Typed access to the app's `QSettings` keys."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def recent_workspaces(self) -> list[Path]:
        """Most recent first. A single value comes back as a plain str on some platforms."""
        value = self._settings.value(_RECENT, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [Path(item) for item in value or []]

    def remember_workspace(self, path: Path) -> None:
        """Put `path` at the top of the recent list and make it the one reopened at start."""
        path = Path(path).resolve()
        recent = [path] + [p for p in self.recent_workspaces() if p != path]
        self._settings.setValue(_RECENT, [str(p) for p in recent[:MAX_RECENT]])
        self._settings.setValue(_LAST, str(path))

    def forget_workspace(self, path: Path) -> None:
        """Drop `path` from the recent list (it moved or was deleted)."""
        path = Path(path).resolve()
        self._settings.setValue(
            _RECENT, [str(p) for p in self.recent_workspaces() if p != path]
        )
        if self.last_workspace() == path:
            self.clear_last_workspace()

    def clear_recent_workspaces(self) -> None:
        self._settings.setValue(_RECENT, [])

    def last_workspace(self) -> Path | None:
        """The workspace open when the app was last quit, if any."""
        value = self._settings.value(_LAST, "")
        return Path(str(value)) if value else None

    def clear_last_workspace(self) -> None:
        """After Close workspace, the next start shows the empty window."""
        self._settings.setValue(_LAST, "")

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, geometry)

    def records_header_state(self) -> QByteArray | None:
        value = self._settings.value(_RECORDS_HEADER)
        return value if isinstance(value, QByteArray) else None

    def set_records_header_state(self, state: QByteArray) -> None:
        self._settings.setValue(_RECORDS_HEADER, state)

    def last_import_folder(self) -> Path | None:
        """Where the last imported list was: the import dialog opens there."""
        value = self._settings.value(_IMPORT_FOLDER, "")
        return Path(str(value)) if value else None

    def set_last_import_folder(self, folder: Path) -> None:
        self._settings.setValue(_IMPORT_FOLDER, str(folder))

    def wizard_geometry(self) -> QByteArray | None:
        value = self._settings.value(_WIZARD_GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    def set_wizard_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(_WIZARD_GEOMETRY, geometry)

    def last_packet_reviewer(self) -> str:
        """Who filled the last imported review packet: offered for the next one."""
        return str(self._settings.value(_PACKET_REVIEWER, ""))

    def set_last_packet_reviewer(self, name: str) -> None:
        self._settings.setValue(_PACKET_REVIEWER, name)

    def sync(self) -> None:
        self._settings.sync()

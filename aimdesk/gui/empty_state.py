"""What the window shows when no workspace is open: what a workspace is and how to get one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

INTRO_TEXT = (
    "<h2>Welcome to AIMDesk</h2>"
    "<p>A workspace is one <b>.aimdesk</b> file that holds the members' supplier lists, "
    "the matches between them and every decision made.</p>"
    "<p>Try the <b>demo workspace</b> (fifteen members' lists, made up), create a new one "
    "with <b>File ▸ New workspace…</b> (Ctrl+N), or open one with <b>File ▸ Open…</b> (Ctrl+O).</p>"
)


class EmptyState(QWidget):
    """Buttons to open the demo, create or open a workspace, and the recently used ones."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(INTRO_TEXT, textFormat=Qt.TextFormat.RichText, wordWrap=True)
        demo_button = QPushButton("Open the demo workspace")
        demo_button.clicked.connect(self.demo_requested)
        new_button = QPushButton("New workspace…")
        open_button = QPushButton("Open workspace…")
        open_button.setDefault(True)
        new_button.clicked.connect(self.new_requested)
        open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(demo_button)
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        self._recent_box = QVBoxLayout()
        self._recent_box.setSpacing(2)

        column = QVBoxLayout()
        column.addWidget(intro)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addLayout(self._recent_box)
        column.addStretch(1)
        panel = QWidget()
        panel.setLayout(column)
        panel.setMaximumWidth(620)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 3)
        outer.addStretch(1)
        outer.setContentsMargins(24, 48, 24, 24)

    def set_recent(self, paths: list[Path]) -> None:
        """List the recent workspaces that still exist, as buttons that open them."""
        while self._recent_box.count():
            item = self._recent_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        existing = [p for p in paths if p.exists()]
        if not existing:
            return
        self._recent_box.addWidget(QLabel("<b>Recent workspaces</b>"))
        for path in existing:
            button = QPushButton(f"{path.name}    {path.parent}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.setToolTip(str(path))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, p=path: self.recent_requested.emit(p))
            self._recent_box.addWidget(button)

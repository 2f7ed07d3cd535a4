"""The row under a pair: Same, Different, Unsure, Skip — one key each — and a note.

The keys work anywhere inside the screen that installs them, except while the note field
has the focus (letters typed there are text); Esc leaves the note field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

DECISION_KEYS: tuple[tuple[str, str, str], ...] = (
    ("same", "Same", "S"), ("different", "Different", "D"), ("unsure", "Unsure", "U"))
SKIP_KEY = "N"


class DecisionBar(QWidget):
    """Emits `chosen(verdict)` or `skipped()`; `take_note()` hands over the note typed."""

    chosen = Signal(str)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLineEdit(placeholderText="Note for this decision (optional) — Esc to go back to the keys")
        self.buttons = {verdict: QPushButton(f"{label}  ({key})") for verdict, label, key in DECISION_KEYS}
        self.skip_button = QPushButton(f"Skip  ({SKIP_KEY})")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for verdict, button in self.buttons.items():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, v=verdict: self.chosen.emit(v))
            row.addWidget(button)
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.clicked.connect(self.skipped)
        row.addWidget(self.skip_button)
        row.addWidget(self.note, 1)

    def install_keys(self, screen: QWidget, *, leave_note: Callable[[], object]) -> None:
        """The decision keys, active while the focus is anywhere in `screen`."""
        for verdict, _label, key in DECISION_KEYS:
            _shortcut(screen, key, lambda v=verdict: self.chosen.emit(v))
        _shortcut(screen, SKIP_KEY, self.skipped.emit)
        _shortcut(screen, "Esc", leave_note)

    def take_note(self) -> str:
        note = self.note.text().strip()
        self.note.clear()
        return note

    def set_deciding(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)


def _shortcut(screen: QWidget, key: str, slot: Callable[[], object]) -> None:
    shortcut = QShortcut(QKeySequence(key), screen)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)

"""The search box and filters above a long list (Records, Sites), on two rows so that the
window still fits a 1366-pixel screen at 125 % and narrower."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

FILTER_CHARS = 8
"""A filter box is this wide (in characters) whatever it holds; longer items are cut short."""


def filter_combo() -> QComboBox:
    """A filter drop-down that does not grow with long member names."""
    box = QComboBox(minimumContentsLength=FILTER_CHARS)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box


def filter_bar(search: QLineEdit, filters: Sequence[QWidget], count: QLabel) -> QVBoxLayout:
    """Search and count on the first row, the filters on the second."""
    top = QHBoxLayout()
    top.addWidget(search, 1)
    top.addWidget(count)
    second = QHBoxLayout()
    for widget in filters:
        second.addWidget(widget)
    second.addStretch(1)
    rows = QVBoxLayout()
    rows.addLayout(top)
    rows.addLayout(second)
    return rows


def fill_combo(box: QComboBox, everything: str, items: Iterable[tuple[str, Any]]) -> None:
    """The filter's choices: "everything" (data None) first, then (label, data) items."""
    box.clear()
    box.addItem(everything, None)
    for label, data in items:
        box.addItem(label, data)

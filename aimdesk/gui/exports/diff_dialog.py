"""Two editions of the common document compared: sites added, dropped and changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from aimdesk.gui.models import TextRowsModel, text_table


class DiffDialog(QDialog):
    """`diff` is the core's EditionDiff."""

    def __init__(self, diff: object, older: int, newer: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Editions {older} and {newer}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        added, dropped, changed = diff.added, diff.dropped, diff.changed  # type: ignore[attr-defined]
        summary = QLabel(f"From edition {older} to edition {newer}: <b>{len(added)}</b> sites added, "
                         f"<b>{len(dropped)}</b> dropped, <b>{len(changed)}</b> changed.")
        tabs = QTabWidget()
        self.tables: dict[str, TextRowsModel] = {}
        for title, rows, columns in (("Added", [[str(s)] for s in added], ("Site",)),
                                     ("Dropped", [[str(s)] for s in dropped], ("Site",)),
                                     ("Changed", [[str(s), str(what)] for s, what in changed], ("Site", "What changed"))):
            model = TextRowsModel(columns, self)
            model.set_rows(rows)
            self.tables[title] = model
            tabs.addTab(text_table(model), f"{title} ({len(rows)})")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

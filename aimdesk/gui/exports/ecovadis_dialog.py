"""Export ▸ EcoVadis list…: the assessed-supplier list the EcoVadis side provides, matched
to sites with the matching engine; a new list replaces the previous one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aimdesk.core.ecovadis import ecovadis_entries
from aimdesk.core.store.workspace import Store
from aimdesk.gui.models import TextRowsModel, text_table

COLUMNS = ("Company", "Country", "Assessment year", "Identifiers", "Site", "Score", "Match")
STATUS_WORDS = {"matched": "matched", "possible": "possible — check", "unmatched": "no site found"}


class EcoVadisDialog(QDialog):
    """The entries of the current list with the site each was matched to."""

    import_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("EcoVadis assessed suppliers")
        self.summary = QLabel()
        self.model = TextRowsModel(COLUMNS, self)
        import_button = QPushButton("&Import a new list…")
        import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(import_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(text_table(self.model), 1)
        layout.addLayout(buttons)
        self.resize(960, 560)
        self.refresh()

    def refresh(self) -> None:
        entries = ecovadis_entries(self.store)
        self.model.set_rows([[e.company, e.country, str(e.year or ""), _identifiers(e.identifiers),
                              e.site_public_id or "", f"{e.score:.0%}" if e.score else "",
                              STATUS_WORDS.get(e.status, e.status)] for e in entries])
        counts = {status: sum(1 for e in entries if e.status == status) for status in STATUS_WORDS}
        self.summary.setText(f"{len(entries)} assessed suppliers: {counts['matched']} matched to a site, "
                             f"{counts['possible']} possible, {counts['unmatched']} without a site. Matched "
                             "sites carry the EcoVadis flag in the common document.")


def _identifiers(identifiers: object) -> str:
    if isinstance(identifiers, dict):
        return ", ".join(f"{k}: {v}" for k, v in identifiers.items() if v)
    return str(identifiers or "")

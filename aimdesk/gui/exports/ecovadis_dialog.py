"""Export ▸ EcoVadis list…: the assessed-supplier list the EcoVadis side provides, matched
to sites with the matching engine; a new list replaces the previous one."""

from __future__ import annotations

from collections.abc import Callable

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QInputDialog,
                               QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from aimdesk.core.ecovadis import (confirm_ecovadis_match, ecovadis_candidates, ecovadis_entries,
                                   reject_ecovadis_match)
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.sites import site_by_public_id
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import LIST_FILTER
from aimdesk.gui.crash import show_error
from aimdesk.gui.jobs import ANOTHER_JOB, JobRunner, JobWatch
from aimdesk.gui.models import TextRowsModel, text_table
from aimdesk.gui.workspace_jobs import ecovadis_job

COLUMNS = ("Company", "Country", "Assessment year", "Identifiers", "Site", "Score", "Match")
STATUS_WORDS = {"matched": "matched", "possible": "possible — check", "unmatched": "no site found"}


class EcoVadisDialog(QDialog):
    """The entries of the current list with the site each was matched to."""

    def __init__(self, store: Store, runner: JobRunner, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.who = store, who
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.watch = JobWatch(runner, self)
        self.entry_ids: list[int] = []
        self.setWindowTitle("EcoVadis assessed suppliers")
        self.summary = QLabel()
        self.model = TextRowsModel(COLUMNS, self)
        self.table = text_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        import_button = QPushButton("&Import a new list…")
        import_button.clicked.connect(lambda: self.import_list(None))
        self.confirm_button = QPushButton("&Confirm the site…")
        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button = QPushButton("&None of these sites")
        self.reject_button.clicked.connect(self.reject_match)
        buttons = QHBoxLayout()
        for button in (import_button, self.confirm_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(960, 560)
        self.refresh()

    def refresh(self) -> None:
        entries = ecovadis_entries(self.store)
        self.entry_ids = [e.id for e in entries]
        self.model.set_rows([[e.company, e.country, str(e.year or ""), _identifiers(e.identifiers),
                              e.site_public_id or "", f"{e.score:.0%}" if e.score else "",
                              STATUS_WORDS.get(e.status, e.status)] for e in entries])
        counts = {status: sum(1 for e in entries if e.status == status) for status in STATUS_WORDS}
        self.summary.setText(f"{len(entries)} assessed suppliers: {counts['matched']} matched to a site, "
                             f"{counts['possible']} possible, {counts['unmatched']} without a site. Matched "
                             "sites carry the EcoVadis flag in the common document.")


    def import_list(self, path: Path | None) -> bool:
        """A new list (chosen here when `path` is None), imported in the background."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "EcoVadis list", str(self.store.path.parent), LIST_FILTER)
            if not name:
                return False
            path = Path(name)
        started = self.watch.start(ecovadis_job(self.store.path, path, who=self.who), lambda _summary: self.refresh())
        if not started:
            show_error(self, ANOTHER_JOB, title=self.windowTitle())
        return started

    def selected(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.entry_ids[row] if 0 <= row < len(self.entry_ids) else None

    def confirm(self) -> None:
        """The site a person says the selected company is: a candidate, or any site id typed."""
        entry = self.selected()
        if entry is None:
            return
        choices = [f"{c.site_public_id} ({c.score:.0%})" for c in ecovadis_candidates(self.store, entry)]
        text, ok = QInputDialog.getItem(self, "Confirm the site", "Site (a candidate, or type a site id such as "
                                        "S000123)", choices, 0, True)
        site = site_by_public_id(self.store, text.split()[0]) if ok and text.strip() else None
        if ok and site is None:
            show_error(self, f"There is no site {text.strip()} in this workspace.", title="Confirm the site")
        elif site is not None:
            self._decided(lambda: confirm_ecovadis_match(self.store, entry, site, who=self.who))

    def reject_match(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._decided(lambda: reject_ecovadis_match(self.store, entry, who=self.who))

    def _decided(self, action: Callable[[], object]) -> None:
        if self.watch.running:
            show_error(self, "Wait until the new list is imported.", title=self.windowTitle())
            return
        try:
            action()
        except AimDeskError as error:
            show_error(self, str(error), title=self.windowTitle())
        self.refresh()


def _identifiers(identifiers: object) -> str:
    if isinstance(identifiers, dict):
        return ", ".join(f"{k}: {v}" for k, v in identifiers.items() if v)
    return str(identifiers or "")

"""File ▸ Import list…: the import wizard, six steps from a member's file to its records.

1. file and member, 2. sheet and header row, 3. columns, 4. countries, audit types and
dates, 5. findings, 6. the import (background, Cancel) and what it did. Steps 2–5 show
the file as `prepare_import` reads it with the choices so far; step 6 runs `import_file`
with the same choices.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from aimdesk.core.store.workspace import Store
from aimdesk.gui.import_wizard.draft import ImportDraft
from aimdesk.gui.import_wizard.file_page import FilePage
from aimdesk.gui.import_wizard.findings_page import FindingsPage
from aimdesk.gui.import_wizard.mapping_page import MappingPage
from aimdesk.gui.import_wizard.run_page import RunPage
from aimdesk.gui.import_wizard.sheet_page import SheetPage
from aimdesk.gui.import_wizard.values_page import ValuesPage
from aimdesk.gui.jobs import JobRunner
from aimdesk.gui.settings import AppSettings


class ImportWizard(QWizard):
    """The wizard; `imported` carries the `ImportReport` once an import has landed."""

    imported = Signal(object)
    match_requested = Signal()

    def __init__(self, store: Store, runner: JobRunner, settings: AppSettings, who: str,
                 path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a supplier list")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.settings = settings
        self.draft = ImportDraft(store, self)
        self.draft.path = path
        self.file_page = FilePage(self.draft, settings)
        self.sheet_page = SheetPage(self.draft)
        self.mapping_page = MappingPage(self.draft)
        self.values_page = ValuesPage(self.draft)
        self.findings_page = FindingsPage(self.draft)
        self.run_page = RunPage(self.draft, runner, who)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.values_page,
                     self.findings_page, self.run_page):
            self.addPage(page)
        self.findings_page.setCommitPage(True)  # from here the import runs: no way back
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        self.run_page.imported.connect(self.imported)
        self.run_page.match_requested.connect(self._match)
        geometry = settings.wizard_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(960, 660)

    def reject(self) -> None:
        """Cancel closes the wizard, but never in the middle of an import: it is
        cancelled first (the workspace stays as it was) and the page says so."""
        if self.run_page.running:
            self.run_page.runner.cancel()
            return
        self._forget()
        super().reject()

    def done(self, result: int) -> None:
        self._forget()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run_page.running:
            self.run_page.runner.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _match(self) -> None:
        self.match_requested.emit()
        self.accept()

    def _forget(self) -> None:
        self.settings.set_wizard_geometry(self.saveGeometry())
        self.draft.wait()
        self.draft.release()

"""The import being prepared: the user's choices so far, and the list as they read it.

Every change of choice reads the file again on a worker thread (`prepare_import`, the
function the import itself runs), so each page shows exactly what will be imported and
the wizard never freezes on a 50,000-row file. A change made while a reading is under
way cancels it and reads again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from aimdesk.core.ingest.aliases import NO_ALIASES, ValueAliases
from aimdesk.core.ingest.dates import DateOrder
from aimdesk.core.ingest.prepare import ImportOptions, PreparedImport, prepare_import
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.aliases import load_aliases
from aimdesk.core.store.members import find_member, member_template
from aimdesk.core.store.workspace import Store
from aimdesk.gui.jobs import Job, JobFailure, JobRunner, release_in_turns


FINDING_ROWS_SHOWN = 500
"""The findings page lists this many findings; the report holds them all."""
DATE_EXAMPLES = 4


@dataclass(frozen=True, slots=True)
class Preview:
    """What the pages show of a prepared list, worked out on the worker thread so that a
    50,000-row list does not freeze the wizard."""

    prepared: PreparedImport
    unknown_countries: Counter[str]
    unknown_schemes: Counter[str]
    finding_counts: Counter[str]
    rows_with_findings: int
    finding_rows: list[list[str]]
    """(sheet, row, kind, message, site name) of the first `FINDING_ROWS_SHOWN` findings."""
    date_examples: list[str]


def preview_of(prepared: PreparedImport, aliases: ValueAliases) -> Preview:
    counts: Counter[str] = Counter()
    rows: list[list[str]] = []
    with_findings = 0
    for sheet, record in prepared.named_records():
        with_findings += bool(record.findings)
        for finding in record.findings:
            counts[finding.kind] += 1
            if len(rows) < FINDING_ROWS_SHOWN:
                rows.append([sheet, str(record.row_number), finding.kind, finding.message, record.site_name])
    examples = [f"{r.audit_date_raw} → {r.audit_date}" for r in prepared.records
                if r.audit_date and r.audit_date_raw and r.audit_date_raw != r.audit_date][:DATE_EXAMPLES]
    return Preview(prepared, prepared.unknown_countries(), prepared.unknown_schemes(aliases), counts,
                   with_findings, rows, examples)


class ImportDraft(QObject):
    """Choices, and the `PreparedImport` they give (or the error that stops them)."""

    reading = Signal()
    """A new reading of the file started."""
    changed = Signal()
    """`prepared` or `error` changed."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.member = ""
        self.sheet: str | None = None
        self.header_row: int | None = None
        self.mapping: dict[str, str] = {}
        self.date_order: DateOrder | None = None
        self.new_aliases: ValueAliases = NO_ALIASES
        self.replace = False
        self.force = False
        """Import even a file imported before (the user said so after being told)."""
        self.preview: Preview | None = None
        self.error = ""
        self.as_of = dt.date.today()
        self._runner = JobRunner(self)
        self._again = False
        self._runner.finished.connect(self._read)
        self._runner.failed.connect(self._failed)
        self._runner.idle.connect(self._maybe_again)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    @property
    def prepared(self) -> PreparedImport | None:
        return self.preview.prepared if self.preview else None

    def options(self, *, for_preview: bool = False) -> ImportOptions:
        """The options of the import. The preview reads with every alias the workspace
        keeps; the import itself is given only the new ones (it adds the kept ones, and
        keeps the new ones only if the import lands)."""
        aliases = load_aliases(self.store).merged(self.new_aliases) if for_preview else self.new_aliases
        return ImportOptions(member=self.member.strip(), sheet=self.sheet, header_row=self.header_row,
                             mapping=dict(self.mapping), date_order=self.date_order,
                             replace=self.replace, force=self.force, aliases=aliases)

    def template(self) -> dict[str, Any] | None:
        """The member's choices from its last import, applied first."""
        member_id = find_member(self.store, self.member.strip()) if self.member.strip() else None
        return member_template(self.store, member_id) if member_id is not None else None

    def read_again(self) -> None:
        """Read the file with the current choices (after the running reading, if any)."""
        if self.path is None:
            return
        if self._runner.busy:
            self._again = True
            self._runner.cancel()
            return
        path, options, template, as_of = self.path, self.options(for_preview=True), self.template(), self.as_of

        def work(progress: Progress, cancel: CancelToken) -> Preview:
            prepared = prepare_import(path, options, as_of=as_of, template=template,
                                      progress=progress, cancel=cancel)
            return preview_of(prepared, options.aliases)

        self._runner.start(Job(f"Reading {path.name}", work))
        self.reading.emit()

    def wait(self) -> None:
        """Block until the reading under way ends (tests, closing the wizard)."""
        self._runner.wait()

    def release(self) -> None:
        """Let go of the list read (the wizard closes)."""
        self._drop(self.preview)
        self.preview = None

    def _read(self, _job: Job, preview: Preview) -> None:
        self._drop(self.preview)
        self.preview, self.error = preview, ""
        self.changed.emit()

    def _failed(self, _job: Job, failure: JobFailure) -> None:
        self._drop(self.preview)
        self.preview, self.error = None, failure.message
        self.changed.emit()

    def _drop(self, preview: Preview | None) -> None:
        """Free a list read before, a few thousand rows per turn of the event loop: freed at
        once, 50,000 rows would freeze the window for a quarter of a second."""
        if preview is None:
            return
        prepared = preview.prepared
        containers = [sheet.rows for sheet in prepared.workbook.sheets]
        containers += [part.outcome.records for part in prepared.parts]
        release_in_turns(self, containers)

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self.read_again()


"""Below the Records table: the selected record as the member's file had it, and the other
records of its site with the member that sent each."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from aimdesk.core.ingest.cells import cell_text
from aimdesk.core.store.records import fetch_records, record_raw_row, record_site
from aimdesk.core.store.sites import fetch_sites, site_record_ids
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import country_label
from aimdesk.gui.models import TextRowsModel, text_table

SITE_COLUMNS = ("Member", "Site name", "City", "Country", "Audit date", "File", "Row")


class RecordDetail(QWidget):
    """The raw row (column name, cell) and the record's site."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.raw_title = QLabel("Select a record to see it as the member's file has it.")
        self.site_title = QLabel()
        self.raw = TextRowsModel(("Column in the file", "Cell"), self)
        self.site = TextRowsModel(SITE_COLUMNS, self)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.raw_title)
        left.addWidget(text_table(self.raw))
        right.addWidget(self.site_title)
        right.addWidget(text_table(self.site))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def show_record(self, store: Store | None, record_id: int | None) -> None:
        raw = record_raw_row(store, record_id) if store and record_id is not None else None
        if store is None or record_id is None or raw is None:
            self.raw.set_rows([])
            self.site.set_rows([])
            self.site_title.clear()
            return
        self.raw_title.setText(f"{raw.file_name}, sheet “{raw.sheet}”, row {raw.row_number}")
        self.raw.set_rows([[header or f"(column {number})", cell_text(cell)]
                           for number, (header, cell) in enumerate(
                               zip([*raw.headers, *[""] * (len(raw.cells) - len(raw.headers))], raw.cells), start=1)
                           if cell_text(cell).strip()])
        site_id = record_site(store, record_id)
        if site_id is None:
            self.site_title.setText("No site yet: run matching.")
            self.site.set_rows([])
            return
        site = fetch_sites(store, [site_id]).get(site_id)
        ids = site_record_ids(store, site_id)
        records = fetch_records(store, ids)
        self.site_title.setText(f"Site {site.public_id if site else ''}: {len(ids)} record(s)")
        self.site.set_rows([[r.member, r.site_name, r.city, country_label(r.country), r.audit_date,
                             r.source_file, str(r.source_row)] for r in (records[i] for i in ids if i in records)])

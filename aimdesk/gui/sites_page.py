"""The Sites page: every supplier site found by matching, and the records behind one."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from aimdesk.core.ingest.schemes import SCHEME_CODES, scheme_label
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import fetch_records
from aimdesk.core.store.sites import (SITE_COLUMNS, SiteQuery, SiteRow, fetch_sites, site_countries,
                                      site_ids, site_record_ids)
from aimdesk.core.store.workspace import Store
from aimdesk.gui.filter_bar import fill_combo, filter_bar, filter_combo
from aimdesk.gui.formatting import country_label, format_count, plural
from aimdesk.gui.models import Index, LazyQueryModel, TextRowsModel, text_table

SITE_LABELS = {"id": "#", "public_id": "Site id", "site_name": "Site name", "address": "Address",
               "city": "City", "region": "Region", "postal_code": "Postal code", "country": "Country",
               "sedex_id": "Sedex id", "members": "Members", "records": "Records",
               "latest_audit": "Latest audit", "schemes": "Schemes"}
HIDDEN_COLUMNS = ("id", "region", "postal_code")
SEARCH_DELAY_MS = 250
DETAIL_COLUMNS = ("Member", "Site name", "Address", "City", "Country", "Sedex id", "Audit date",
                  "Audit type", "File", "Row")
NO_SITES_TEXT = ("No sites yet: sites appear when matching has run (Match ▸ Run matching, Ctrl+M) "
                 "on the imported lists.")


class SitesTableModel(LazyQueryModel[SiteQuery, SiteRow]):
    """Sites matching a `SiteQuery`, fetched lazily."""

    column_labels = tuple(SITE_LABELS[c] for c in SITE_COLUMNS)
    columns = SITE_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SiteQuery(), parent)

    def fetch_ids(self, store: Store, query: SiteQuery) -> list[int]:
        return site_ids(store, query)

    def fetch_rows(self, store: Store, ids: list[int]) -> dict[int, SiteRow]:
        return fetch_sites(store, ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                               Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = SITE_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column in ("members", "records")
            return (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        site = self.row_at(index.row())
        if site is None:
            return ""
        value = getattr(site, column)
        if column == "country":
            return country_label(value)
        if column == "schemes":
            return ", ".join(scheme_label(code) for code in value.split(",") if code)
        return format_count(value) if isinstance(value, int) else value


class SitesPage(QWidget):
    """Search and filters over the sites; the selected site's records below."""

    edit_site = Signal(int)
    """The cluster editor is asked for on this site (internal id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self.model = SitesTableModel(self)
        self.search = QLineEdit(placeholderText="Search site ids, names, addresses, cities, Sedex ids…")
        self.search.setClearButtonEnabled(True)
        self.member_filter, self.country_filter, self.scheme_filter = filter_combo(), filter_combo(), filter_combo()
        self.shared_only = QCheckBox("Audited by 2+ members")
        self.count_label = QLabel()
        self.empty_label = QLabel(NO_SITES_TEXT, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSortIndicator(SITE_COLUMNS.index("public_id"), Qt.SortOrder.AscendingOrder)
        for column in HIDDEN_COLUMNS:
            self.table.setColumnHidden(SITE_COLUMNS.index(column), True)
        for column, chars in (("site_name", 34), ("address", 30), ("city", 14), ("country", 18), ("schemes", 24)):
            self.table.setColumnWidth(SITE_COLUMNS.index(column), chars * self.fontMetrics().averageCharWidth())
        self.detail_title = QLabel()
        self.detail = TextRowsModel(DETAIL_COLUMNS, self)
        detail_view = text_table(self.detail)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton("&Edit this site…", enabled=False,
                                       toolTip="Move records, split the site, merge it with another")
        self.edit_button.clicked.connect(self._edit_current)
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.edit_button)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(detail_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        bar = filter_bar(self.search, (self.member_filter, self.country_filter, self.scheme_filter,
                                       self.shared_only), self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(splitter, 1)
        self._splitter = splitter
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        for box in (self.member_filter, self.country_filter, self.scheme_filter):
            box.currentIndexChanged.connect(self.apply_filters)
        self.shared_only.toggled.connect(self.apply_filters)
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(self._show_site)
        self.table.doubleClicked.connect(self._edit_current)

    def set_store(self, store: Store | None) -> None:
        """Show `store`'s sites with the filters cleared."""
        self._store = store
        widgets = (self.search, self.member_filter, self.country_filter, self.scheme_filter, self.shared_only)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.shared_only.setChecked(False)
        fill_combo(self.member_filter, "All members", [(m.name, m.id) for m in list_members(store)] if store else [])
        fill_combo(self.country_filter, "All countries", [(country_label(c), c) for c in site_countries(store)] if store else [])
        fill_combo(self.scheme_filter, "All schemes", [(scheme_label(c), c) for c in SCHEME_CODES])
        for widget in widgets:
            widget.blockSignals(False)
        self.model.set_store(store, SiteQuery())

    def show_query(self, query: SiteQuery) -> None:
        """Show the sites of `query` (the dashboard's figures lead here)."""
        for widget, value in ((self.country_filter, query.country), (self.member_filter, query.member_id),
                              (self.scheme_filter, query.scheme)):
            widget.blockSignals(True)
            widget.setCurrentIndex(max(widget.findData(value), 0))
            widget.blockSignals(False)
        self.shared_only.blockSignals(True)
        self.shared_only.setChecked(query.min_members >= 2)
        self.shared_only.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        self._timer.stop()
        query = replace(self.model.query, search=self.search.text().strip(),
                        member_id=self.member_filter.currentData(), country=self.country_filter.currentData(),
                        scheme=self.scheme_filter.currentData(), min_members=2 if self.shared_only.isChecked() else 1)
        if query != self.model.query:
            self.model.set_query(query)

    def _after_reset(self) -> None:
        shown = self.model.rowCount()
        has_sites = self._store is not None and (shown > 0 or self.model.query != SiteQuery())
        self.empty_label.setVisible(self._store is not None and not has_sites)
        self._splitter.setVisible(self._store is None or has_sites)
        self.count_label.setText(plural(shown, "site"))
        self.detail.set_rows([])
        self.detail_title.setText("Select a site to see the records behind it.")
        self.edit_button.setEnabled(False)

    def _edit_current(self) -> None:
        site = self.model.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        if site is not None:
            self.edit_site.emit(site.id)

    def _show_site(self, current: QModelIndex) -> None:
        site = self.model.row_at(current.row()) if current.isValid() else None
        if site is None or self._store is None:
            return
        self.edit_button.setEnabled(True)
        records = fetch_records(self._store, ids := site_record_ids(self._store, site.id))
        self.detail_title.setText(f"{site.public_id} · {site.site_name}: {plural(site.records, 'record')} "
                                  f"from {plural(site.members, 'member')}")
        self.detail.set_rows([[r.member, r.site_name, r.address, r.city, country_label(r.country), r.sedex_id,
                               r.audit_date, scheme_label(r.audit_type), r.source_file, str(r.source_row)]
                              for r in (records[i] for i in ids if i in records)])


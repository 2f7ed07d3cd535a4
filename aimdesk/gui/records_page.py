"""The Records page: every active supplier record, searchable, filterable, sortable."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHeaderView, QLabel, QLineEdit, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from aimdesk.core.store.members import list_members
from aimdesk.core.ingest.schemes import SCHEME_CODES, scheme_label
from aimdesk.core.store.records import (
    AUDIT_AGES, NO_AUDIT_DATE, RECORD_COLUMNS, RecordQuery, count_active_records, record_countries,
)
from aimdesk.core.store.workspace import Store
from aimdesk.gui.filter_bar import fill_combo, filter_bar, filter_combo
from aimdesk.gui.formatting import country_label, format_count, plural
from aimdesk.gui.models import RecordsTableModel
from aimdesk.gui.record_detail import RecordDetail

SEARCH_HINT = "Search site names, addresses, cities, Sedex ids…"

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the query runs, so each keystroke does not re-query."""

FIRST_COLUMNS = ("id", "member", "site_name", "city", "country", "sedex_id", "audit_date",
                 "audit_type", "findings")
"""Shown first on a new install (the rest keep the core's order after them): what people
scan for is visible without scrolling sideways. The user's own order is remembered."""

COLUMN_CHARS: dict[str, int] = {
    "id": 7, "member": 24, "site_name": 36, "address": 30, "city": 16, "region": 14,
    "postal_code": 9, "country": 20, "sedex_id": 12, "member_ref": 12, "audit_date": 11,
    "audit_type": 22, "audit_firm": 16, "findings": 8, "source_file": 22,
    "source_sheet": 10, "source_row": 6,
}
"""Initial column widths in average characters; the user can drag them (remembered).
Country shows 'CN — China' and audit type a label such as 'SMETA 4-pillar'; longer
values are cut short and shown whole in the cell's tooltip."""

NO_RECORDS_TEXT = (
    "<b>This workspace has no supplier records yet.</b><br>"
    "Import a member's supplier list with <b>Import ▸ Import a supplier list…</b> (Ctrl+I), "
    "or drop the file on this window."
)


class RecordsPage(QWidget):
    """Search box, member/country/findings filters, a count and the records table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._total = 0
        self._as_of: dt.date | None = None
        """The day audit ages count back from (None: today)."""
        self.model = RecordsTableModel(self)

        self.search = QLineEdit(placeholderText=SEARCH_HINT)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.member_filter, self.country_filter = filter_combo(), filter_combo()
        self.scheme_filter, self.age_filter = filter_combo(), filter_combo()
        self.findings_only = QCheckBox("With findings")
        self.count_label = QLabel()
        self.empty_label = QLabel(NO_RECORDS_TEXT, textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label.hide()
        self.table = self._make_table()

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.member_filter.currentIndexChanged.connect(self.apply_filters)
        self.country_filter.currentIndexChanged.connect(self.apply_filters)
        self.scheme_filter.currentIndexChanged.connect(self.apply_filters)
        self.age_filter.currentIndexChanged.connect(self.apply_filters)
        self.findings_only.toggled.connect(self.apply_filters)
        self.model.modelReset.connect(self._update_count)

        bar = filter_bar(self.search, self._filters[1:], self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label, 1)
        self.detail = RecordDetail()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._show_record)
        self._fill_filters()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._set_initial_widths(table)
        for position, column in enumerate(FIRST_COLUMNS):
            header.moveSection(header.visualIndex(RECORD_COLUMNS.index(column)), position)
        table.setSortingEnabled(True)  # clicking a header calls model.sort(): the core re-sorts
        return table

    def _set_initial_widths(self, table: QTableView) -> None:
        metrics = table.fontMetrics()
        char = metrics.averageCharWidth()
        for section, column in enumerate(RECORD_COLUMNS):
            label = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            # room for the header text and the sort arrow, at least
            width = max(COLUMN_CHARS.get(column, 12) * char, metrics.horizontalAdvance(label) + 28)
            table.setColumnWidth(section, width + 12)

    # -- what the window calls --------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        """Show `store`'s records with the filters cleared (None: an empty page)."""
        self._store = store
        self._total = count_active_records(store) if store else 0
        for widget in self._filters:
            widget.blockSignals(True)
        self.search.clear()
        self.findings_only.setChecked(False)
        self._fill_filters()
        for widget in self._filters:
            widget.blockSignals(False)
        self._search_timer.stop()
        has_records = self._total > 0
        self.empty_label.setVisible(store is not None and not has_records)
        self.splitter.setVisible(store is None or has_records)
        for widget in self._filters:
            widget.setEnabled(has_records)  # nothing to filter yet
        self.model.set_store(store, self._query_from_widgets())

    @property
    def _filters(self) -> tuple[QWidget, ...]:
        return (self.search, self.member_filter, self.country_filter, self.scheme_filter,
                self.age_filter, self.findings_only)

    def show_query(self, query: RecordQuery) -> None:
        """Filter the page as `query` says (from the Members page and the dashboard); the
        search box and the other filters are cleared."""
        for widget in self._filters:
            widget.blockSignals(True)
        self.search.clear()
        self.findings_only.setChecked(query.with_findings_only)
        for box, value in ((self.member_filter, query.member_id), (self.country_filter, query.country),
                           (self.scheme_filter, query.scheme), (self.age_filter, query.audit_age)):
            box.setCurrentIndex(max(box.findData(value), 0))
        for widget in self._filters:
            widget.blockSignals(False)
        self._as_of = query.as_of
        self.apply_filters()

    def apply_filters(self) -> None:
        """Re-run the query with what the search box and filters say now."""
        self._search_timer.stop()
        query = self._query_from_widgets()
        if query != self.model.query:
            self.model.set_query(query)

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        """Column widths and order the user chose last time (the sort order too)."""
        self.table.horizontalHeader().restoreState(state)

    # -- internals -------------------------------------------------------------------------

    def _query_from_widgets(self) -> RecordQuery:
        return replace(
            self.model.query,
            search=self.search.text().strip(),
            member_id=self.member_filter.currentData(),
            country=self.country_filter.currentData(),
            scheme=self.scheme_filter.currentData(),
            audit_age=self.age_filter.currentData(),
            as_of=self._as_of,
            with_findings_only=self.findings_only.isChecked(),
        )

    def _fill_filters(self) -> None:
        store = self._store
        fill_combo(self.member_filter, "All members", [(m.name, m.id) for m in list_members(store)] if store else [])
        fill_combo(self.country_filter, "All countries",
                   [(country_label(c), c) for c in record_countries(store)] if store else [])
        fill_combo(self.scheme_filter, "All schemes", [(scheme_label(c), c) for c in SCHEME_CODES])
        fill_combo(self.age_filter, "Any audit age",
                   [*((label, code) for code, label, *_ in AUDIT_AGES), (NO_AUDIT_DATE[1], NO_AUDIT_DATE[0])])

    def _show_record(self, current: QModelIndex) -> None:
        record_id = self.model.record_id_at(current.row()) if current.isValid() else None
        self.detail.show_record(self._store, record_id)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        query = self.model.query
        is_filtered = bool(query.search or query.member_id is not None or query.country
                           or query.scheme or query.audit_age or query.with_findings_only)
        if self._store is None:
            self.count_label.clear()
        elif is_filtered:
            self.count_label.setText(f"{format_count(shown)} of {plural(self._total, 'record')}")
        else:
            self.count_label.setText(plural(self._total, "record"))

"""Table models over core queries (STYLE.md rule 8).

`RecordsTableModel` holds only the ordered list of record ids from `record_ids` and a
cache of rows fetched on demand with `fetch_records`, so 100,000 records cost one id
query and a few hundred fetched rows, whatever the view scrolls to. Sorting and filtering
re-run the core query; no proxy model sits in front of it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from aimdesk.core.benchmark.eligibility import MemberStatus, member_statuses
from aimdesk.core.fields import FIELD_LABELS
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.schemes import scheme_label
from aimdesk.core.store.members import MemberSummary, list_members
from aimdesk.core.store.records import (
    RECORD_COLUMNS, RecordFinding, RecordQuery, RecordRow, fetch_records, record_findings,
    record_ids,
)
from aimdesk.core.store.workspace import Store
from aimdesk.gui.formatting import country_label, format_count, format_timestamp

Index = QModelIndex | QPersistentModelIndex
Query = TypeVar("Query")
Row = TypeVar("Row")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell, for sorting the small Members list in a proxy."""

ID_ROLE = Qt.ItemDataRole.UserRole
"""The database id of the row (record id or member id)."""

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

RECORD_LABELS: dict[str, str] = {
    "id": "Record",
    "member": "Member",
    **FIELD_LABELS,
    "findings": "Findings",
    "source_file": "Source file",
    "source_sheet": "Sheet",
    "source_row": "Row",
}

_COUNT_COLUMNS = frozenset({"findings"})
"""Quantities: right-aligned with thousands separators."""

_NUMBER_COLUMNS = frozenset({"id", "findings", "source_row"})
"""Right-aligned. Ids and spreadsheet rows keep no separator: people type them elsewhere."""

LONG_TEXT_CHARS = 16
"""Text longer than this also shows as a tooltip, in case the column cuts it short."""


def describe_findings(findings: list[RecordFinding]) -> str:
    """The tooltip of a Findings cell: one line per finding, its title and what was wrong.

    'Country not recognised: 'Overseas' is not a country AIMDesk knows.'
    """
    lines = []
    for finding in findings:
        title = FINDING_KINDS.get(finding.kind, finding.kind.replace("_", " ").capitalize())
        lines.append(f"{title}: {finding.message}" if finding.message else title)
    return "\n".join(lines)


class LabelledColumnsModel(QAbstractTableModel):
    """A table whose columns are a fixed tuple of labels, shown left-aligned."""

    column_labels: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.column_labels)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.column_labels):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_labels[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT  # a right-aligned label would sit under the sort arrow
        return None


class LazyQueryModel(LabelledColumnsModel, Generic[Query, Row]):
    """Rows of a core query, fetched lazily in blocks: the model holds the ids the query
    returned (in its order) and a bounded cache of rows, so it stays instant at 100,000
    rows. Subclasses say how to get ids and rows and how a row is shown."""

    BLOCK = 200
    """Rows fetched at once around the one the view asks for."""

    MAX_CACHED = 20_000
    """Past this many cached rows the cache starts over (bounded memory on long scrolls)."""

    columns: tuple[str, ...] = ()

    def __init__(self, query: Query, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._query = query
        self._ids: list[int] = []
        self._cache: dict[int, Row] = {}
        self._missing: set[int] = set()

    def fetch_ids(self, store: Store, query: Query) -> list[int]:
        raise NotImplementedError

    def fetch_rows(self, store: Store, ids: list[int]) -> dict[int, Row]:
        raise NotImplementedError

    # -- what the page calls -------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    def set_store(self, store: Store | None, query: Query | None = None) -> None:
        """Show the rows of `store` (None: nothing) for `query` (default: the current one)."""
        self._store = store
        if query is not None:
            self._query = query
        self.refresh()

    def set_query(self, query: Query) -> None:
        """Re-run the core query with new search, filters or order."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-read the ids and drop cached rows (after a change to the workspace)."""
        self.beginResetModel()
        self._ids = self.fetch_ids(self._store, self._query) if self._store else []
        self._cache.clear()
        self._missing.clear()
        self.forget()
        self.endResetModel()

    def forget(self) -> None:
        """Drop what a subclass keeps besides rows (called on every refresh)."""

    def row_at(self, row: int) -> Row | None:
        """The row shown on `row`, fetched if needed; None if it no longer exists."""
        if not 0 <= row < len(self._ids):
            return None
        row_id = self._ids[row]
        if row_id not in self._cache and row_id not in self._missing:
            self._load_around(row)
        return self._cache.get(row_id)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def _load_around(self, row: int) -> None:
        if self._store is None:
            return
        if len(self._cache) >= self.MAX_CACHED:
            self._cache.clear()
        start = max(0, row - self.BLOCK // 2)
        wanted = [i for i in self._ids[start:start + self.BLOCK]
                  if i not in self._cache and i not in self._missing]
        found = self.fetch_rows(self._store, wanted)
        self._cache.update(found)
        self._missing.update(i for i in wanted if i not in found)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsSelectable  # shown disabled, as Anki does
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in the core query; column -1 means the natural (id) order."""
        name = self.columns[column] if 0 <= column < len(self.columns) else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if (name, descending) != (self._query.sort, self._query.descending):  # type: ignore[attr-defined]
            self.set_query(replace(self._query, sort=name, descending=descending))  # type: ignore[type-var]


class RecordsTableModel(LazyQueryModel[RecordQuery, RecordRow]):
    """Active supplier records matching a `RecordQuery`, fetched lazily in blocks."""

    column_labels = tuple(RECORD_LABELS.get(column, column) for column in RECORD_COLUMNS)
    columns = RECORD_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RecordQuery(), parent)
        self._findings_text: dict[int, str] = {}
        """Findings tooltips already read, by record id (only rows someone hovered)."""
        self._labels: dict[tuple[str, str], str] = {}
        """Display labels of country and audit-type codes, by (column, code)."""

    def fetch_ids(self, store: Store, query: RecordQuery) -> list[int]:
        return record_ids(store, query)

    def fetch_rows(self, store: Store, ids: list[int]) -> dict[int, RecordRow]:
        return fetch_records(store, ids)

    def forget(self) -> None:
        self._findings_text.clear()

    def record_at(self, row: int) -> RecordRow | None:
        return self.row_at(row)

    def record_id_at(self, row: int) -> int:
        return self.id_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = RECORD_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMBER_COLUMNS else _LEFT
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.record_at(index.row())
        if record is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "This record is no longer in the workspace; refresh the view."
            return "(removed)" if index.column() == 0 else ""
        value = getattr(record, column)
        if column in _COUNT_COLUMNS:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.findings_text(record) if column == "findings" else None
            return format_count(value) if value else ""  # blanks let the rows with some stand out
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "country":
                return country_name(value) if value else None
            text = self._display_text(column, value)
            return text if len(text) > LONG_TEXT_CHARS else None
        return self._display_text(column, value)

    def findings_text(self, record: RecordRow) -> str | None:
        """The findings of `record` in plain words, read from the core the first time asked."""
        if not record.findings or self._store is None:
            return None
        if record.id not in self._findings_text:
            found = record_findings(self._store, record.id)
            self._findings_text[record.id] = describe_findings(found)
        return self._findings_text[record.id] or None

    def _display_text(self, column: str, value: object) -> str:
        if column not in ("country", "audit_type") or not value:
            return str(value)
        key = (column, str(value))
        if key not in self._labels:
            self._labels[key] = (country_label(str(value)) if column == "country"
                                 else scheme_label(str(value)))
        return self._labels[key]


MEMBER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Member"),
    ("active_records", "Active records"),
    ("imports", "Imports"),
    ("last_import_at", "Last import"),
    ("eligible", "Audits recognised"),
    ("virtual_eligible", "Virtual recognised"),
    ("contact", "Contact"),
)
STATUS_COLUMNS = ("eligible", "virtual_eligible")
"""From the member's mutual-recognition status, not from its summary."""


class MembersTableModel(LabelledColumnsModel):
    """The forum's members with their record and import counts (a short list)."""

    column_labels = tuple(label for _, label in MEMBER_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[MemberSummary] = []
        self._statuses: dict[int, MemberStatus] = {}

    def set_store(self, store: Store | None) -> None:
        self.beginResetModel()
        self._members = list_members(store) if store else []
        self._statuses = {s.member_id: s for s in member_statuses(store)} if store else {}
        self.endResetModel()

    def member_at(self, row: int) -> MemberSummary:
        return self._members[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)


    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self._members[index.row()]
        name = MEMBER_COLUMNS[index.column()][0]
        if name in STATUS_COLUMNS:
            return self._status_data(member.id, name, role)
        value = getattr(member, name)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, int):
                return format_count(value)
            return format_timestamp(value) if name == "last_import_at" else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if isinstance(value, int) else _LEFT
        if role == SORT_ROLE:
            return value.casefold() if isinstance(value, str) else value
        if role == ID_ROLE:
            return member.id
        return None


    def _status_data(self, member_id: int, name: str, role: int) -> Any:
        status = self._statuses.get(member_id)
        eligible = bool(status and getattr(status, name))
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return "yes" if eligible else "no"
        if role == Qt.ItemDataRole.ToolTipRole and status is not None:
            return "\n".join(status.reasons) or "Statement signed and benchmark passed."
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#2e7d32" if eligible else "#c62828"))
        return None


class TextRowsModel(LabelledColumnsModel):
    """A short table of ready-made text rows (wizard pages); numbers right-aligned."""

    def __init__(self, column_labels: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.column_labels = column_labels
        self._rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_row(self, row: int, cells: list[str]) -> None:
        self._rows[row] = cells
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.column_labels) - 1))

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value
        is_number = value.replace(",", "").isdigit()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if is_number else _LEFT
        if role == SORT_ROLE:
            return int(value.replace(",", "")) if is_number else value.casefold()
        return None


def text_table(model: TextRowsModel) -> QTableView:
    """A read-only view of a `TextRowsModel`, whole rows selected, last column stretched."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def fixed_widths(view: QTableView, widths: tuple[int, ...]) -> None:
    """Columns of set widths the user can still drag (for lists of long names)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)

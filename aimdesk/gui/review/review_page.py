"""The Review page: the queue of doubtful pairs, one pair side by side, decided with one key.

S same, D different, U unsure, N skip: the decision goes into the core's decision log and
the next pair is on screen at once (`benchmarks/bench_review.py` measures it). The note
field takes a note for the next decision; Esc goes back to the keys.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from aimdesk.core.matching.conflicts import Conflict, conflict_items, open_conflicts, resolve_conflict
from aimdesk.core.matching.decisions import Verdict, decide
from aimdesk.core.matching.queue import QueueFilter, ReviewItem, filter_queue, review_queue
from aimdesk.core.matching.review_view import pair_view
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import RecordRow, fetch_records, record_countries, record_raw_row, record_site
from aimdesk.core.store.workspace import Store
from aimdesk.gui.filter_bar import fill_combo, filter_combo
from aimdesk.gui.formatting import country_label, format_count
from aimdesk.gui.models import TextRowsModel, fixed_widths, text_table
from aimdesk.gui.review.comparison import ComparisonView
from aimdesk.gui.review.decision_bar import DecisionBar
from aimdesk.gui.review.session import ReviewSession

QUEUE_COLUMNS = ("Score", "Left", "Right", "Country", "Band")
QUEUE_WIDTHS = (48, 150, 150, 56, 60)
CONFLICTS = "conflicts"
BANDS = (("Review band", "review"), ("Held back", "held"), ("Marked unsure", "unsure"),
         ("Conflicts", CONFLICTS))
NOTHING_TO_REVIEW = ("Nothing left to review here. Run matching (Ctrl+M) after new imports; "
                     "pairs the matcher is unsure of will appear in this list.")
NO_CONFLICTS = "No conflicts to adjudicate: every packet imported so far agreed with the decisions in force."


class ReviewPage(QWidget):
    """Queue, filters and progress on top; the pair side by side; the decision buttons."""

    export_packet = Signal()
    import_packet = Signal()
    apply_requested = Signal()
    edit_site = Signal(int)
    """The cluster editor is asked for on this site (internal id)."""
    decided = Signal()
    """A decision was recorded: the window refreshes what depends on decisions."""

    def __init__(self, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self._store: Store | None = None
        self._busy = False
        self.session = ReviewSession([])
        self.conflicts: dict[tuple[int, int], Conflict] = {}
        """In the adjudication list (band "conflicts"): the conflict behind each pair."""
        self.conflicts_button = QPushButton(toolTip="Packet decisions that contradict an earlier decision")
        self.conflicts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.country_filter, self.member_filter, self.band_filter = filter_combo(), filter_combo(), filter_combo()
        self.multi_only = QCheckBox("Only pairs from two members")
        self.progress_label = QLabel()
        self.queue_model = TextRowsModel(QUEUE_COLUMNS, self)
        self.queue_view = text_table(self.queue_model)
        self.queue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fixed_widths(self.queue_view, QUEUE_WIDTHS)
        self.comparison = ComparisonView()
        self.raw_rows_box = QCheckBox("File rows", toolTip="Show both records as the rows of the members' files had them")
        self.decision_bar = DecisionBar()
        self._build()
        self._connect()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<h2>Review</h2>"))
        heading.addWidget(self.conflicts_button)
        heading.addStretch(1)
        heading.addWidget(self.progress_label)
        filters = QHBoxLayout()
        for widget in (self.country_filter, self.member_filter, self.band_filter, self.multi_only):
            filters.addWidget(widget)
        filters.addStretch(1)
        packets = QHBoxLayout()
        for text, signal, tip in (
                ("&Export packet…", self.export_packet, "Write the pairs to review to an Excel file for a reviewer"),
                ("&Import packet…", self.import_packet, "Read the decisions of a filled review packet"),
                ("Apply to sites", self.apply_requested, "Run matching so the decisions change the sites")):
            button = QPushButton(text, toolTip=tip)
            button.clicked.connect(signal)
            packets.addWidget(button)
        packets.addStretch(1)
        for text, side in (("Left site…", 0), ("Right site…", 1)):
            button = QPushButton(text, toolTip="Edit this side's site: move records, split it, merge it")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=side: self._edit_side(s))
            packets.addWidget(button)
        packets.addWidget(self.raw_rows_box)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.comparison, 1)
        column.addWidget(self.decision_bar)
        splitter = QSplitter()
        splitter.addWidget(self.queue_view)
        splitter.addWidget(right)
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addLayout(packets)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.decision_bar.chosen.connect(self.decide)
        self.decision_bar.skipped.connect(self.skip)
        self.decision_bar.install_keys(self, leave_note=self.comparison.setFocus)
        for box in (self.country_filter, self.member_filter, self.band_filter):
            box.currentIndexChanged.connect(self.reload)
        self.multi_only.toggled.connect(self.reload)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.raw_rows_box.toggled.connect(self._show_current)
        self.queue_view.clicked.connect(lambda index: self._go_to(index.row()))
        self.queue_view.activated.connect(lambda index: self._go_to(index.row()))

    def show_conflicts(self) -> None:
        """The adjudication list, ready for the keys."""
        self.band_filter.setCurrentIndex(self.band_filter.findData(CONFLICTS))
        self.comparison.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While a job changes the workspace, decisions wait (the job holds the write lock)."""
        self._busy = busy
        self.decision_bar.set_deciding(not busy)

    # -- data --------------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self._store = store
        if store is None:
            self.session = ReviewSession([])
            self.queue_model.set_rows([])
            return
        self._fill_filters(store)
        self.reload()

    def _fill_filters(self, store: Store) -> None:
        for box in (self.country_filter, self.member_filter, self.band_filter):
            box.blockSignals(True)
        keep = self.filter()
        fill_combo(self.country_filter, "All countries", [(country_label(c), c) for c in record_countries(store)])
        fill_combo(self.member_filter, "All members", [(m.name, m.name) for m in list_members(store)])
        fill_combo(self.band_filter, "All bands", BANDS)
        for box, value in ((self.country_filter, keep.country), (self.member_filter, keep.member),
                           (self.band_filter, keep.band)):
            box.setCurrentIndex(max(box.findData(value or None), 0))
            box.blockSignals(False)

    def filter(self) -> QueueFilter:
        return QueueFilter(country=self.country_filter.currentData() or "",
                           member=self.member_filter.currentData() or "",
                           band=self.band_filter.currentData() or "",
                           multi_member_only=self.multi_only.isChecked())

    def reload(self, show: tuple[int, int] | None = None) -> None:
        """Re-read the queue (filters changed, decisions undone, matching ran)."""
        if self._store is None:
            return
        where = self.filter()
        open_ones = open_conflicts(self._store)
        self.conflicts_button.setText(f"Conflicts to adjudicate: {len(open_ones)}")
        self.conflicts_button.setVisible(bool(open_ones) and where.band != CONFLICTS)
        if where.band == CONFLICTS:
            self.conflicts = {(c.left, c.right): c for c in open_ones}
            items = filter_queue(self._store, conflict_items(self._store, open_ones), replace(where, band=""))
        else:
            self.conflicts = {}
            items = filter_queue(self._store, review_queue(self._store), where)
        current = self.session.current
        wanted = show or ((current.left, current.right) if current else None)
        self.session = self.session.restarted(items, show=wanted)
        self._fill_queue()
        self._show_current()

    def after_undo(self, pairs: list[tuple[int, int]], *, redone: bool) -> None:
        """Edit ▸ Undo took decisions back (or Redo applied them again): count them, and
        show the first pair undone, which is waiting again."""
        if redone:
            self.session.decided += len(pairs)
        else:
            self.session.undone(len(pairs))
        self.reload(show=pairs[0] if pairs and not redone else None)

    def _fill_queue(self) -> None:
        assert self._store is not None
        ids = sorted({i for item in self.session.items for i in (item.left, item.right)})
        records = fetch_records(self._store, ids)
        self.queue_model.set_rows([_queue_row(item, records) for item in self.session.items])

    # -- deciding ----------------------------------------------------------------------------

    def decide(self, verdict: Verdict) -> None:
        item = self.session.current
        if self._store is None or item is None or self._busy:
            return
        conflict = self.conflicts.get((item.left, item.right))
        if conflict is not None and verdict == "unsure":
            return  # a conflict is settled with same or different
        if conflict is not None:
            resolve_conflict(self._store, conflict.id, verdict, who=self.user)
        else:
            decide(self._store, item.left, item.right, verdict, reviewer=self.user,  # type: ignore[arg-type]
                   note=self.decision_bar.note.text().strip(), source="review screen")
        self.decision_bar.take_note()
        position = self.session.position
        self.session.decided_current()
        self.queue_model.remove_row(position)
        self._show_current()
        self.decided.emit()

    def skip(self) -> None:
        if self.session.current is not None:
            self.session.skip()
            self._show_current()

    def _edit_side(self, side: int) -> None:
        item = self.session.current
        if item is not None and self._store is not None:
            site = record_site(self._store, (item.left, item.right)[side])
            if site is not None:
                self.edit_site.emit(site)

    def _go_to(self, row: int) -> None:
        self.session.go_to(row)
        self._show_current()

    def _show_current(self) -> None:
        item = self.session.current
        self._update_progress()
        if self._store is None or item is None:
            self.comparison.show_message(NO_CONFLICTS if self.filter().band == CONFLICTS else NOTHING_TO_REVIEW)
            return
        raw = (record_raw_row(self._store, item.left), record_raw_row(self._store, item.right)) \
            if self.raw_rows_box.isChecked() else None
        view = pair_view(self._store, item)
        conflict = self.conflicts.get((item.left, item.right))
        if conflict is not None:
            view = replace(view, extra=conflict_lines(conflict))
        self.comparison.show_pair(view, raw_rows=raw)
        index = self.queue_model.index(self.session.position, 0)
        self.queue_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.queue_view.scrollTo(index)

    def _update_progress(self) -> None:
        left = len(self.session.items)
        self.progress_label.setText(
            f"<b>{format_count(self.session.decided)}</b> decided this session · "
            f"<b>{format_count(left)}</b> left · {self.session.per_minute():.1f} a minute")


def conflict_lines(conflict: Conflict) -> dict[str, str]:
    """What the heading says about a conflict: both verdicts, who and when."""
    held = conflict.in_force
    in_force = (f"{held.verdict}, by {held.reviewer or 'unknown'} on {held.decided_at[:10]}"
                + (f" ({held.note})" if held.note else "")) if held else "none any more"
    proposed = (f"{conflict.proposed}, by {conflict.proposed_by} in packet {conflict.packet_id}, "
                f"row {conflict.row_number}" + (f" ({conflict.proposed_note})" if conflict.proposed_note else ""))
    return {"Decision in force": in_force, "Packet says": proposed,
            "To settle": "press S (same) or D (different); choosing the decision in force closes the conflict"}


def _queue_row(item: ReviewItem, records: dict[int, RecordRow]) -> list[str]:
    left, right = records.get(item.left), records.get(item.right)
    return [f"{item.probability:.0%}", left.site_name if left else str(item.left),
            right.site_name if right else str(item.right), left.country if left else "",
            "unsure" if item.decision == "unsure" else item.band]

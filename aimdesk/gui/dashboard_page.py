"""The Dashboard: the pool's size and how much of it is shared, each figure a way in to
the list behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QValueAxis)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from aimdesk.core.dashboard import Dashboard, dashboard
from aimdesk.core.store.records import RecordQuery
from aimdesk.core.store.sites import SiteQuery
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.workspace import Store
from aimdesk.gui.jobs import Job, JobRunner
from aimdesk.gui.formatting import country_label, format_count, format_timestamp

TOP_COUNTRIES = 10
TOP_MEMBERS = 12
LABEL_CHARS = 28
BAR_COLOUR = QColor("#2f6f9f")
TILE_STYLE = ("QPushButton { text-align: left; padding: 10px 14px; border: 1px solid #c9d3dc; font-size: 11pt; "
              "border-radius: 6px; background: #f7f9fb; } QPushButton:hover { background: #e8f0f7; }")


class DashboardPage(QWidget):
    """Figure tiles and three charts; clicking one shows the filtered list behind it."""

    show_records = Signal(object)
    """A `RecordQuery`."""
    show_sites = Signal(object)
    """A `SiteQuery`."""
    show_page = Signal(str)
    """"members" or "review"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Dashboard | None = None
        self.as_of = dt.date.today()
        self.tiles: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions: dict[str, Callable[[], None]] = {
            "members": lambda: self.show_page.emit("members"),
            "eligible": lambda: self.show_page.emit("members"),
            "records": lambda: self.show_records.emit(RecordQuery()),
            "sites": lambda: self.show_sites.emit(SiteQuery()),
            "shared": lambda: self.show_sites.emit(SiteQuery(min_members=2, sort="members", descending=True)),
            "review": lambda: self.show_page.emit("review"),
            "matched": lambda: self.show_page.emit("review"),
        }
        for number, (key, action) in enumerate(actions.items()):
            tile = QPushButton()
            tile.setStyleSheet(TILE_STYLE)
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            tile.setMinimumHeight(64)
            tile.clicked.connect(action)
            grid.addWidget(tile, 0, number)
            self.tiles[key] = tile
        self.tiles["eligible"].setToolTip(
            "Members that signed the audit statement and whose latest benchmark passed: only their "
            "records go into the common document. Click to see each member's status.")
        self.member_chart = _chart_view("Records per member")
        self.country_chart = _chart_view("Sites by country")
        self.age_chart = _chart_view("Records by audit age")
        charts = QGridLayout()
        charts.addWidget(self.member_chart, 0, 0)
        charts.addWidget(self.country_chart, 0, 1)
        charts.addWidget(self.age_chart, 1, 0)
        self._counter = JobRunner(self)
        self._pending: Job | None = None
        self._counter.finished.connect(self._show)
        self._counter.idle.connect(self._start_counting)
        self.note = QLabel(wordWrap=True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop)
        charts.addWidget(self.note, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)

    def set_store(self, store: Store | None, *, as_of: dt.date | None = None) -> None:
        """Count everything again (after any change to the workspace), on a worker thread."""
        self.as_of = as_of or dt.date.today()
        self.figures = None
        if store is None:
            return
        path, day = store.path, self.as_of

        def count(progress: Progress, cancel: CancelToken) -> Dashboard:
            with Store.open(path) as own:
                return dashboard(own, as_of=day)

        self._pending = Job("Counting", count)
        if self._counter.busy:
            self._counter.cancel()
        else:
            self._start_counting()

    def _start_counting(self) -> None:
        if self._pending is not None:
            self._counter.start(self._pending)
            self._pending = None

    def wait(self) -> None:
        """Block until the counting under way ends (closing the window, tests)."""
        self._counter.wait()

    def _show(self, _job: Job, figures: Dashboard) -> None:
        if self._pending is not None:  # the workspace changed again while counting
            return
        self.figures = figures
        self._tile("members", figures.members, "members")
        self.tiles["eligible"].setText(f"{format_count(figures.eligible_members)} of {format_count(figures.members)} "
                                       "eligible\nfor mutual recognition")
        self._tile("records", figures.records, "supplier records")
        self._tile("sites", figures.sites, "supplier sites")
        self._tile("shared", figures.shared_sites, "sites audited by 2+ members")
        self._tile("review", figures.review_backlog, "pairs to review")
        self.tiles["matched"].setText(f"Last matching\n{format_timestamp(figures.last_match) or 'never'}")
        members = figures.records_by_member[:TOP_MEMBERS]
        _bars(self.member_chart, [name for _, name, _ in members], [n for *_, n in members],
              lambda i: self.show_records.emit(RecordQuery(member_id=members[i][0])))
        countries = figures.sites_by_country[:TOP_COUNTRIES]
        _bars(self.country_chart, [country_label(code) or "(none)" for code, _ in countries],
              [n for _, n in countries],
              lambda i: self.show_sites.emit(SiteQuery(country=countries[i][0] or None)))
        ages = figures.audit_ages
        _bars(self.age_chart, [label for _, label, _ in ages], [n for *_, n in ages],
              lambda i: self.show_records.emit(RecordQuery(audit_age=ages[i][0], as_of=self.as_of)))
        more = len(figures.sites_by_country) - len(countries)
        self.note.setText(
            f"Counted on {self.as_of.isoformat()}. Click a figure or a bar to see the list behind it."
            + (f"\n{more} more countries are in the Sites list." if more > 0 else "")
            + (f"\nThe common document was last exported as of {figures.last_export}." if figures.last_export
               else "\nThe common document has not been exported yet."))

    def _tile(self, key: str, value: int, caption: str) -> None:
        self.tiles[key].setText(f"{format_count(value)}\n{caption}")


def _short(label: str) -> str:
    """A bar's label cut to `LABEL_CHARS` (an axis label too long pushes the chart off)."""
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


def _chart_view(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(150)
    return view


def _bars(view: QChartView, labels: Sequence[str], values: Sequence[int],
          clicked: Callable[[int], None]) -> None:
    """One horizontal bar per label, top to bottom in the given order; a click calls back."""
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    bars = QBarSet("")
    bars.setColor(BAR_COLOUR)
    bars.append([float(v) for v in reversed(values)])
    series = QHorizontalBarSeries()
    series.append(bars)
    count = len(values)
    series.clicked.connect(lambda index, _set: clicked(count - 1 - index))
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([f"{_short(label)} ({format_count(value)})"
                       for label, value in zip(reversed(labels), reversed(values))])
    categories.setTruncateLabels(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    numbers = QValueAxis()
    numbers.setRange(0, max(values, default=0) * 1.2 or 1)
    numbers.applyNiceNumbers()
    numbers.setLabelFormat("%d")
    chart.addAxis(numbers, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(numbers)

"""Step 4: the values AIMDesk could not read for sure — countries, audit types, dates."""

from __future__ import annotations

from collections import Counter

from collections.abc import Callable

from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from aimdesk.core.ingest.countries import all_countries
from aimdesk.core.ingest.schemes import SCHEME_CODES, scheme_label
from aimdesk.gui.import_wizard.draft import ImportDraft, Preview
from aimdesk.gui.import_wizard.reading import DraftPage
from aimdesk.gui.models import TextRowsModel, text_table

LEAVE = "— leave as it is —"
DATE_ORDERS = (("", "As AIMDesk reads the column"), ("dmy", "Day first (31/12/2025)"),
               ("mdy", "Month first (12/31/2025)"), ("ymd", "Year first (2025/12/31)"))
ORDER_WORDS = {"dmy": "day first", "mdy": "month first", "ymd": "year first"}


class ValuesPage(DraftPage):
    """Map each unknown country and audit type once; AIMDesk remembers it as an alias."""

    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, "Countries, audit types and dates",
                         "What you choose here is remembered for every later list.", parent)
        self.countries = TextRowsModel(("Country as written", "Rows", "Read it as"), self)
        self.schemes = TextRowsModel(("Audit type as written", "Rows", "Read it as"), self)
        self.country_view, self.scheme_view = _value_table(self.countries), _value_table(self.schemes)
        self.country_group = _group("Countries AIMDesk does not know", self.country_view)
        self.scheme_group = _group("Audit types no rule recognises (read as the member's own protocol)",
                                   self.scheme_view)
        self.order_box = QComboBox()
        for code, text in DATE_ORDERS:
            self.order_box.addItem(text, code)
        self.order_box.activated.connect(self._order_chosen)
        self.order_note = QLabel(wordWrap=True)
        self.nothing = QLabel("Every country and audit type was recognised.")
        dates = QFormLayout()
        dates.addRow("&Dates:", self.order_box)
        dates.addRow("", self.order_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reading_status)
        layout.addWidget(self.nothing)
        layout.addWidget(self.country_group, 1)
        layout.addWidget(self.scheme_group, 1)
        layout.addLayout(dates)

    def show_preview(self, preview: Preview) -> None:
        countries, schemes = preview.unknown_countries, preview.unknown_schemes
        _fill(self.country_view, self.countries, countries,
              [(c, f"{c} — {n}") for c, n in all_countries()], self._country_chosen)
        _fill(self.scheme_view, self.schemes, schemes,
              [(c, scheme_label(c)) for c in SCHEME_CODES], self._scheme_chosen)
        self.country_group.setVisible(bool(countries))
        self.scheme_group.setVisible(bool(schemes))
        self.nothing.setVisible(not countries and not schemes)
        self._show_dates()

    def _country_chosen(self, text: str, code: str) -> None:
        if code:
            self.draft.new_aliases = self.draft.new_aliases.with_countries({text: code})
            self.draft.read_again()

    def _scheme_chosen(self, text: str, code: str) -> None:
        if code:
            self.draft.new_aliases = self.draft.new_aliases.with_schemes({text: code})
            self.draft.read_again()

    def _show_dates(self) -> None:
        preview = self.draft.preview
        assert preview is not None
        order = preview.prepared.primary.outcome.date_order
        self.order_box.setCurrentIndex(max(self.order_box.findData(self.draft.date_order or ""), 0))
        examples = preview.date_examples
        how = f"Read {ORDER_WORDS[order]}" if order in ORDER_WORDS else "No day/month question in this list"
        self.order_note.setText(how + (": " + ",  ".join(examples) if examples else "."))

    def _order_chosen(self) -> None:
        self.draft.date_order = self.order_box.currentData() or None
        self.draft.read_again()


def _value_table(model: TextRowsModel) -> QTableView:
    view = text_table(model)
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return view


def _fill(view: QTableView, model: TextRowsModel, values: Counter[str], choices: list[tuple[str, str]],
          chosen: Callable[[str, str], None]) -> None:
    """One row per value, with a drop-down of what it may be read as."""
    rows = values.most_common()
    model.set_rows([[text, f"{count:,}", ""] for text, count in rows])
    for row, (text, _) in enumerate(rows):
        box = QComboBox()
        box.addItem(LEAVE, "")
        for code, label in choices:
            box.addItem(label, code)
        box.activated.connect(lambda _=0, t=text, b=box: chosen(t, b.currentData()))
        view.setIndexWidget(model.index(row, 2), box)


def _group(title: str, table: QTableView) -> QGroupBox:
    group = QGroupBox(title)
    QVBoxLayout(group).addWidget(table)
    return group

"""Step 3: which column holds which field, with the evidence for each choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from aimdesk.core.fields import CANONICAL_FIELDS, FIELD_LABELS, REQUIRED_FIELDS
from aimdesk.core.ingest.cells import cell_text, is_blank
from aimdesk.core.ingest.mapping import ColumnChoice, column_letter
from aimdesk.core.ingest.prepare import SheetPart
from aimdesk.gui.import_wizard.draft import ImportDraft, Preview
from aimdesk.gui.import_wizard.reading import DraftPage
from aimdesk.gui.models import TextRowsModel, text_table

NOT_IN_LIST = "— not in this list —"
SAMPLES = 3
SOURCE_WORDS = {"user": "your choice", "template": "as last time", "header": "column name",
                "values": "the values"}
COLUMNS = ("Field", "Column in the file", "Found from", "Sample values")


class MappingPage(DraftPage):
    """One row per field: the column chosen (changeable), why, and what it holds."""

    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(draft, "Columns",
                         "Check each field's column against the sample values; change any that is "
                         "wrong. The member's choices are remembered for its next list.", parent)
        self.model = TextRowsModel(COLUMNS, self)
        self.table = text_table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.boxes: dict[str, QComboBox] = {}
        self.warnings = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reading_status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)

    def show_preview(self, preview: Preview) -> None:
        prepared = preview.prepared
        part = prepared.primary
        chosen = {c.field: c for c in part.mapping.choices}
        self.model.set_rows([_row(field, chosen.get(field), part) for field in CANONICAL_FIELDS])
        names = [f"{column_letter(i)} — {label}" if label else column_letter(i)
                 for i, label in enumerate(part.header.labels)]
        for row, field in enumerate(CANONICAL_FIELDS):
            self.boxes[field] = self._column_box(field, chosen.get(field), names)
            self.table.setIndexWidget(self.model.index(row, 1), self.boxes[field])
        self.table.setColumnWidth(1, 280)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in part.mapping.warnings))

    def _column_box(self, field: str, choice: ColumnChoice | None, names: list[str]) -> QComboBox:
        box = QComboBox()
        box.addItem(NOT_IN_LIST, "")
        for index, name in enumerate(names):
            box.addItem(name, column_letter(index))
        box.setCurrentIndex(0 if choice is None else choice.column + 1)
        box.activated.connect(lambda _=0: self._column_chosen(field))
        return box

    def _column_chosen(self, field: str) -> None:
        self.draft.mapping[field] = self.boxes[field].currentData() or ""
        self.draft.read_again()


def _row(field: str, choice: ColumnChoice | None, part: SheetPart) -> list[str]:
    label = FIELD_LABELS[field] + (" (required)" if field in REQUIRED_FIELDS else "")
    if choice is None:
        return [label, "", "", ""]
    found = f"{SOURCE_WORDS.get(choice.source, choice.source)} · {choice.confidence:.0%}"
    return [label, "", found, " · ".join(_samples(part, choice.column))]


def _samples(part: SheetPart, column: int) -> list[str]:
    found: list[str] = []
    for row in part.sheet.rows[part.header.row_index + 1:]:
        if column < len(row) and not is_blank(row[column]):
            found.append(cell_text(row[column]).strip()[:40])
            if len(found) == SAMPLES:
                break
    return found

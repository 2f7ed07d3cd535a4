"""What every workbook AIMDesk writes shares: the header look, and the one way a sheet is
protected with only the answer cells open (review packets, benchmark questionnaires)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

HEADER_COLOUR, ANSWER_COLOUR = "1F4E78", "FFF2CC"


def append_text(sheet: Worksheet, row: Sequence[object]) -> None:
    """Append a row; text cells stay text (no formulas) and lose characters xlsx forbids."""
    sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def style_header(cells: Iterable[Cell]) -> None:
    """White bold text on the dark blue of every AIMDesk header row."""
    for cell in cells:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOUR)


def open_for_answers(sheet: Worksheet, columns: Sequence[str], last_row: int, *, choice_column: str,
                     choices: Sequence[str], title: str, error: str, prompt: str) -> None:
    """Protect `sheet`, leaving rows 2…`last_row` of `columns` (letters) open and tinted,
    with a drop-down of `choices` in `choice_column`. Columns and rows may still be resized."""
    for column in columns:
        for number in range(2, last_row + 1):
            cell = sheet[f"{column}{number}"]
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=ANSWER_COLOUR)
    validation = DataValidation(
        type="list", formula1=f'"{",".join(choices)}"', allow_blank=True, showErrorMessage=True,
        errorTitle=title, error=error, showInputMessage=True, promptTitle=title, prompt=prompt)
    sheet.add_data_validation(validation)
    validation.add(f"{choice_column}2:{choice_column}{max(last_row, 2)}")
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False

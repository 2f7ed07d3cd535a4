"""Find the header row under title rows, logos and blank rows, and the sheet with the list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aimdesk.core.errors import InputFileError
from aimdesk.core.ingest.cells import clean_text, is_blank, looks_like_sedex
from aimdesk.core.ingest.reader import SheetData, Workbook
from aimdesk.core.ingest.synonyms import header_field_scores

HEADER_SEARCH_ROWS = 40
"""Headers further down than this are not looked for (pass --header-row instead)."""

MIN_FIELD_SCORE = 0.5
MIN_HEADER_SCORE = 2.0
"""A row must name about two fields to be taken for the header without --header-row."""
ROWS_FOR_FULL_BONUS = 1000
"""Between sheets with equally good headers, the longer list wins, up to this many rows."""
GROUP_LABEL_MAX_LENGTH = 40
_DATA_LIKE = re.compile(r"^[\d\s.,/:\-+()]+$")


@dataclass(frozen=True, slots=True)
class HeaderGuess:
    """Where a sheet's header is and what its columns are called.

    `labels` holds one label per column: the header cell, or the group label above it
    when the cell is empty. `groups` holds the group label (a merged cell above the
    header, like "Address" over "Street | City") or '' for each column.
    """

    row_index: int
    labels: list[str]
    groups: list[str]
    score: float

    @property
    def row_number(self) -> int:
        """The 1-based spreadsheet row number of the header."""
        return self.row_index + 1


def detect_header(rows: list[list[object]], *, header_row: int | None = None) -> HeaderGuess | None:
    """Find the header row of a sheet.

    Args:
        rows: the sheet's rows, index 0 = spreadsheet row 1.
        header_row: 1-based row given by the user; used as it is.

    Returns:
        The best guess, or None when no row looks like a header.
    """
    if header_row is not None:
        index = header_row - 1
        if not 0 <= index < len(rows) or all(is_blank(c) for c in rows[index]):
            return None
        return _guess_at(rows, index, score=_row_score(rows[index]))
    best_index, best_score = -1, 0.0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _row_score(row)
        if score > best_score:
            best_index, best_score = index, score
    if best_index < 0 or best_score < MIN_HEADER_SCORE:
        best_index = _first_plain_text_row(rows)
        if best_index < 0:
            return None
    return _guess_at(rows, best_index, score=best_score)


def _row_score(row: list[object]) -> float:
    """How much a row looks like a header: distinct fields named, minus data-like cells."""
    fields: set[str] = set()
    total, data_like = 0.0, 0
    for cell in row:
        if is_blank(cell):
            continue
        text = clean_text(cell)
        if not isinstance(cell, str) or _DATA_LIKE.match(text) or looks_like_sedex(text):
            data_like += 1
            continue
        scores = header_field_scores(text)
        if scores:
            field, value = max(scores.items(), key=lambda item: item[1])
            if value >= MIN_FIELD_SCORE:
                fields.add(field)
                total += value
    return len(fields) + 0.5 * total - 0.5 * data_like


def _first_plain_text_row(rows: list[list[object]]) -> int:
    """Fallback for unknown header words: the first row of three or more text cells."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [c for c in row if isinstance(c, str) and c.strip() and not _DATA_LIKE.match(c.strip())]
        if len(texts) >= 3 and len(texts) == sum(not is_blank(c) for c in row):
            if any(not is_blank(c) for r in rows[index + 1:index + 3] for c in r):
                return index
    return -1


def _guess_at(rows: list[list[object]], index: int, *, score: float) -> HeaderGuess:
    header = [clean_text(c) for c in rows[index]]
    groups = _group_labels(rows[index - 1], len(header)) if index > 0 else [""] * len(header)
    width = max(len(header), len(groups))
    header += [""] * (width - len(header))
    groups += [""] * (width - len(groups))
    labels = [h or g for h, g in zip(header, groups)]
    groups = [g if g != label else "" for g, label in zip(groups, labels)]
    return HeaderGuess(index, labels, groups, score)


def _group_labels(above: list[object], width: int) -> list[str]:
    """Labels of the row above the header if it is a group row, not a title."""
    texts = [clean_text(c) for c in above] + [""] * max(0, width - len(above))
    filled = [t for t in texts if t]
    if not filled or any(len(t) > GROUP_LABEL_MAX_LENGTH for t in filled):
        return [""] * len(texts)
    if len(set(filled)) == 1 and len(filled) >= max(width, 2):
        return [""] * len(texts)
    return texts


def choose_sheet(workbook: Workbook, *, sheet_name: str | None = None,
                 header_row: int | None = None) -> tuple[SheetData, HeaderGuess]:
    """The sheet that holds the supplier list, and its header.

    Visible sheets are preferred; among them the one whose header names the most
    fields, then the one with most rows. `sheet_name` forces a sheet.

    Raises:
        InputFileError: no sheet has a recognisable header.
    """
    if sheet_name:
        sheet = workbook.sheet(sheet_name)
        guess = detect_header(sheet.rows, header_row=header_row)
        if guess is None:
            raise _no_header(workbook, sheet, header_row)
        return sheet, guess
    candidates = [s for s in workbook.sheets if s.rows and not s.is_hidden]
    candidates = candidates or [s for s in workbook.sheets if s.rows]
    scored = []
    for sheet in candidates:
        guess = detect_header(sheet.rows, header_row=header_row)
        if guess is not None:
            data_rows = len(sheet.rows) - guess.row_index - 1
            scored.append((guess.score + min(data_rows, ROWS_FOR_FULL_BONUS) / ROWS_FOR_FULL_BONUS,
                           sheet, guess))
    if not scored:
        raise _no_header(workbook, candidates[0] if candidates else workbook.sheets[0], header_row)
    _, sheet, guess = max(scored, key=lambda item: item[0])
    return sheet, guess


def _no_header(workbook: Workbook, sheet: SheetData, header_row: int | None) -> InputFileError:
    where = f"sheet '{sheet.name}' of {workbook.path.name}"
    if header_row is not None:
        return InputFileError(f"Row {header_row} of {where} is empty; give the row that holds the column names.")
    return InputFileError(
        f"No header row found in the first {HEADER_SEARCH_ROWS} rows of {where}; "
        "give its row number with --header-row N."
    )

"""A review packet as a file (xlsx or csv): writing it, reading it back, and saving a
reviewer's decisions into it. Nothing here needs the workspace, so a reviewer who only
has the file can read it and fill it in the app.

One row per pair: pair_id, left_record, right_record, both records' fields, the match
probability, the explanation in words, the `decision` and `note` the reviewer fills in,
then the packet id and a row check (hidden in the xlsx; a csv cannot hide them). The
check is a keyed hash of packet id and both record ids: a row whose ids were edited, or
that was copied from another packet, no longer matches it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.errors import AimDeskError, InputFileError
from aimdesk.core.export.xlsx_style import open_for_answers, style_header
from aimdesk.core.ingest.cells import clean_text
from aimdesk.core.ingest.reader import SheetData, read_workbook
from aimdesk.core.ingest.textfile import decode_text, read_delimited
from aimdesk.core.matching.decisions import VERDICTS, Verdict, parse_verdict

SIDE_FIELDS = ("member", "site_name", "address", "city", "region", "postal_code", "country",
               "sedex_id", "audit_date", "audit_type")
COLUMNS = ("pair_id", "left_record", "right_record",
           *(f"left_{f}" for f in SIDE_FIELDS), *(f"right_{f}" for f in SIDE_FIELDS),
           "score", "explanation", "decision", "note", "packet_id", "check")
REQUIRED_COLUMNS = ("left_record", "right_record", "decision", "packet_id", "check")
HIDDEN_COLUMNS = ("packet_id", "check")
ANSWER_COLUMNS = ("decision", "note")

PAIRS_SHEET = "Pairs"
INSTRUCTIONS_SHEET = "Instructions"
PACKET_SUFFIXES = (".csv", ".xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CHECK_PREFIX = "K"
"""A letter first, so that Excel never reads a check as a number (2E5…) or a date."""
CHECK_LENGTH = 10
"""Base32 characters of the keyed hash kept (50 bits): a guessed check is wrong."""

COLUMN_WIDTHS = {"pair_id": 13, "left_record": 11, "right_record": 11, "score": 8,
                 "explanation": 60, "decision": 14, "note": 32}
WIDE_FIELDS = ("site_name", "address")


@dataclass(frozen=True, slots=True)
class PacketRow:
    """One pair of a packet as the file holds it."""

    number: int
    """Spreadsheet row number (the header is row 1)."""
    pair_id: str
    left: int
    right: int
    left_fields: dict[str, str]
    right_fields: dict[str, str]
    score: float | None
    explanation: str
    verdict: Verdict | None
    note: str
    packet_id: str
    check: str


@dataclass(frozen=True, slots=True)
class ReviewPacket:
    """The rows of a packet file, in file order."""

    path: Path
    rows: list[PacketRow]


def row_check(secret: bytes, packet_id: str, left: int, right: int) -> str:
    """The check of one packet row: hmac-sha256 of packet id and both record ids, keyed
    with the workspace secret, in base32 (`K` and 10 characters)."""
    digest = hmac.new(secret, f"{packet_id}|{left}|{right}".encode(), hashlib.sha256).digest()
    return CHECK_PREFIX + base64.b32encode(digest).decode()[:CHECK_LENGTH]


def write_packet_file(out: Path, rows: Sequence[Sequence[object]], *, heading: str) -> None:
    """Write packet rows (cells in COLUMNS order) to `out`, xlsx or csv.

    Args:
        heading: one line naming the packet, on top of the xlsx instructions.
    """
    if out.suffix.lower() == ".xlsx":
        _write_xlsx(out, rows, heading)
    else:
        with open(out, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows([[_inert(cell) for cell in row] for row in rows])


def _inert(cell: object) -> object:
    """Text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if isinstance(cell, str) and cell[:1] in FORMULA_STARTS:
        return "'" + cell
    return cell


def read_packet(path: Path) -> ReviewPacket:
    """The rows of a packet file (xlsx or csv, as Excel leaves it), without a workspace.

    Raises:
        InputFileError: not a review packet (no Pairs sheet or no packet_id / check
            columns), or a record id that is not a number.
        AimDeskError: a decision cell holds something else than same / different / unsure.
    """
    path = Path(path)
    sheet = _pairs_sheet(path)
    header = [clean_text(c).lower() for c in sheet.rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise InputFileError(
            f"{path.name} is not a review packet exported by AIMDesk: it has no column "
            f"{', '.join(missing)}; export one with 'review export'.")
    at = {name: header.index(name) for name in COLUMNS if name in header}
    rows = [_packet_row(path, number, row + [""] * (len(header) - len(row)), at)
            for number, row in enumerate(sheet.rows[1:], start=2) if any(clean_text(c) for c in row)]
    return ReviewPacket(path, rows)


def _pairs_sheet(path: Path) -> SheetData:
    book = read_workbook(path)
    sheet = next((s for s in book.sheets if s.name.casefold() == PAIRS_SHEET.casefold()), book.sheets[0])
    if not sheet.rows:
        raise InputFileError(f"{path.name} is empty.")
    return sheet


def _packet_row(path: Path, number: int, cells: list[object], at: dict[str, int]) -> PacketRow:
    def text(name: str) -> str:
        return clean_text(cells[at[name]]) if name in at else ""

    try:
        verdict = parse_verdict(text("decision"))
    except AimDeskError as error:
        raise AimDeskError(f"Row {number} of {path.name}: {error}") from None
    return PacketRow(
        number, text("pair_id"), _record_id(text("left_record"), path, number),
        _record_id(text("right_record"), path, number),
        {f: text(f"left_{f}") for f in SIDE_FIELDS}, {f: text(f"right_{f}") for f in SIDE_FIELDS},
        _score(text("score")), text("explanation"), verdict, text("note"),
        text("packet_id").upper(), text("check").upper())


_RECORD_ID = re.compile(r"(\d+)(?:\.0*)?")


def _record_id(text: str, path: Path, number: int) -> int:
    """A record id as Excel may leave it: 12, '12 ', 12.0."""
    match = _RECORD_ID.fullmatch(text)
    if not match:
        raise InputFileError(f"Row {number} of {path.name}: '{text}' is not a record id.")
    return int(match.group(1))


def _score(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


Answers = Mapping[int, tuple[Verdict | None, str]]
"""Spreadsheet row number → (verdict or None for no decision, note)."""


def save_packet_decisions(path: Path, decisions: Answers, out: Path | None = None) -> Path:
    """Write a reviewer's decisions and notes into a packet file (the same file, or `out`),
    leaving every other cell, the protection, the hidden checks and the drop-down as they
    were. Returns the file written.

    Raises:
        InputFileError: not a packet file.
        AimDeskError: a row number that is not a row of the packet, a verdict that is not
            same / different / unsure, or the file cannot be written (open in Excel?).
    """
    path, target = Path(path), Path(out or path)
    for number, (verdict, _) in decisions.items():
        if verdict is not None and verdict not in VERDICTS:
            raise AimDeskError(f"Row {number}: '{verdict}' is not a decision; use one of {', '.join(VERDICTS)}.")
    try:
        if path.suffix.lower() == ".xlsx":
            _save_xlsx_answers(path, decisions, target)
        else:
            _save_csv_answers(path, decisions, target)
    except OSError as error:
        raise AimDeskError(f"Cannot write {target.name} ({error.strerror or error}); is it open in Excel?") from None
    return target


def _save_xlsx_answers(path: Path, decisions: Answers, target: Path) -> None:
    book = load_workbook(path)
    if PAIRS_SHEET not in book.sheetnames:
        raise InputFileError(f"{path.name} is not a review packet: it has no sheet '{PAIRS_SHEET}'.")
    sheet = book[PAIRS_SHEET]
    at = _answer_columns([cell.value for cell in sheet[1]], path)
    for number, (verdict, note) in decisions.items():
        _require_row(number, sheet.max_row, path)
        for name, value in zip(ANSWER_COLUMNS, (verdict, note)):
            cell = sheet.cell(row=number, column=at[name] + 1, value=value or None)
            if value:
                cell.data_type = "s"  # text, even "=…": Excel will not run it
    book.save(target)


def _save_csv_answers(path: Path, decisions: Answers, target: Path) -> None:
    text, _ = decode_text(path.read_bytes(), file_label=path.name)
    rows, delimiter = read_delimited(text, file_label=path.name)
    if not rows:
        raise InputFileError(f"{path.name} is empty.")
    at = _answer_columns(rows[0], path)
    for number, (verdict, note) in decisions.items():
        _require_row(number, len(rows), path)
        row = rows[number - 1]
        row.extend([""] * (len(rows[0]) - len(row)))
        row[at["decision"]], row[at["note"]] = verdict or "", _inert(note)
    with open(target, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)


def _answer_columns(header: Sequence[object], path: Path) -> dict[str, int]:
    names = [clean_text(c).lower() for c in header]
    if not all(name in names for name in REQUIRED_COLUMNS):
        raise InputFileError(f"{path.name} is not a review packet exported by AIMDesk.")
    return {name: names.index(name) for name in ANSWER_COLUMNS}


def _require_row(number: int, last: int, path: Path) -> None:
    if not 2 <= number <= last:
        raise AimDeskError(f"Row {number} is not a row of {path.name} (its pairs are on rows 2 to {last}).")


def _write_xlsx(out: Path, rows: Sequence[Sequence[object]], heading: str) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = PAIRS_SHEET
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, even "=…"
    _style_header(sheet)
    _size_columns(sheet)
    _open_answers(sheet, len(rows))
    _add_instructions(book, heading)
    book.security = WorkbookProtection(lockStructure=True)  # sheets cannot be removed or unhidden
    book.properties.creator = "AIMDesk"
    book.save(out)


def _column(name: str) -> str:
    return get_column_letter(COLUMNS.index(name) + 1)


def _style_header(sheet: Worksheet) -> None:
    style_header(sheet[1])
    sheet.freeze_panes = "D2"


def _size_columns(sheet: Worksheet) -> None:
    for name in COLUMNS:
        field = name.removeprefix("left_").removeprefix("right_")
        width = COLUMN_WIDTHS.get(name, 28 if field in WIDE_FIELDS else 14)
        sheet.column_dimensions[_column(name)].width = width
    for name in HIDDEN_COLUMNS:
        sheet.column_dimensions[_column(name)].hidden = True


def _open_answers(sheet: Worksheet, count: int) -> None:
    """Only the decision and note cells open, a drop-down of the three answers."""
    open_for_answers(sheet, [_column(name) for name in ANSWER_COLUMNS], max(count + 1, 2),
                     choice_column=_column("decision"), choices=VERDICTS, title="Decision",
                     error="Choose same, different or unsure, or leave the cell empty.",
                     prompt="same, different or unsure")


INSTRUCTIONS = (
    "What to do",
    "Each row of the sheet 'Pairs' shows two supplier records that may be the same supplier site.",
    "Compare the two records (the left_ and right_ columns). 'score' is how likely AIMDesk finds "
    "it that they are the same site (0 to 1); 'explanation' says why, field by field.",
    "In the column 'decision', choose one answer from the list:",
    "    same: both records are the same physical site (the same factory or plant).",
    "    different: they are two different sites, even of the same company (two plants in two "
    "towns are two sites).",
    "    unsure: you cannot tell; the pair will be asked again later.",
    "Leave the decision empty for a pair you did not look at.",
    "Write in 'note' why, if it helps (optional).",
    "Do not change any other cell, and do not add, remove or move rows: every row carries a "
    "check, and a packet whose rows were changed is refused as a whole.",
    "Save the file as it is (same format) and send it back to the secretariat.",
)


def _add_instructions(book: Workbook, heading: str) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET, 0)
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet["A2"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.protection.sheet = True
    book.active = 0
    book[PAIRS_SHEET].sheet_view.tabSelected = False  # one selected tab, not a group

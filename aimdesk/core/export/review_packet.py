"""Review packets: the pairs to review as a file a reviewer fills in (csv or xlsx), and
reading the decisions back.

One row per pair: pair_id, left_record, right_record, both records' fields (members
shown as neutral labels), the match probability, the explanation in words, and empty
`decision` and `note` columns for same / different / unsure.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from aimdesk.core.errors import AimDeskError, InputFileError
from aimdesk.core.ingest.cells import clean_text
from aimdesk.core.ingest.reader import read_workbook
from aimdesk.core.matching.decisions import (DecisionOutcome, DecisionRequest, pair_key,
                                             parse_verdict, record_decisions)
from aimdesk.core.matching.queue import review_queue
from aimdesk.core.store.records import RecordRow, fetch_records
from aimdesk.core.store.workspace import Store

SIDE_FIELDS = ("member", "site_name", "address", "city", "region", "postal_code", "country",
               "sedex_id", "audit_date", "audit_type")
COLUMNS = ("pair_id", "left_record", "right_record",
           *(f"left_{f}" for f in SIDE_FIELDS), *(f"right_{f}" for f in SIDE_FIELDS),
           "score", "explanation", "decision", "note")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PACKET_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True, slots=True)
class PacketDecisions:
    requests: list[DecisionRequest]
    blank_rows: int


def write_review_packet(store: Store, out: Path, *, limit: int | None = None) -> int:
    """Write the review queue to `out` (.csv or .xlsx); returns the number of pairs.

    Raises:
        AimDeskError: `out` is neither .csv nor .xlsx.
    """
    if out.suffix.lower() not in PACKET_SUFFIXES:
        raise AimDeskError(f"A review packet is a .csv or .xlsx file, not {out.name}.")
    rows = packet_rows(store, limit=limit)
    if out.suffix.lower() == ".xlsx":
        _write_xlsx(out, rows)
    else:
        with open(out, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows([[_inert(cell) for cell in row] for row in rows])
    return len(rows)


def packet_rows(store: Store, *, limit: int | None = None) -> list[list[object]]:
    """The rows of a packet, in queue order."""
    queue = review_queue(store, limit=limit)
    records = fetch_records(store, sorted({i for item in queue for i in (item.left, item.right)}))
    labels = _member_labels(records.values())
    rows = []
    for item in queue:
        left, right = records[item.left], records[item.right]
        rows.append([
            f"{item.left}-{item.right}", item.left, item.right,
            *_side(left, labels), *_side(right, labels),
            f"{item.probability:.3f}", _in_words(item.explanation), "", ""])
    return rows


def read_review_packet(path: Path) -> PacketDecisions:
    """The decisions written in a filled packet (rows left blank are skipped).

    Raises:
        InputFileError: not a packet (no left_record / right_record / decision columns).
        AimDeskError: a decision cell holds something else than same / different / unsure.
    """
    sheet = read_workbook(path).sheets[0]
    if not sheet.rows:
        raise InputFileError(f"{path.name} is empty.")
    header = [clean_text(c).lower() for c in sheet.rows[0]]
    try:
        left_at, right_at, decision_at = (header.index(n) for n in ("left_record", "right_record", "decision"))
    except ValueError:
        raise InputFileError(
            f"{path.name} is not a review packet: it needs the columns left_record, right_record "
            "and decision.") from None
    note_at = header.index("note") if "note" in header else None
    requests, blank = [], 0
    rows_of: dict[tuple[int, int], tuple[int, str]] = {}
    for number, row in enumerate(sheet.rows[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        try:
            verdict = parse_verdict(clean_text(cells[decision_at]))
        except AimDeskError as error:
            raise AimDeskError(f"Row {number} of {path.name}: {error}") from None
        if verdict is None:
            blank += 1
            continue
        note = clean_text(cells[note_at]) if note_at is not None else ""
        request = DecisionRequest(_record_id(cells[left_at], path, number),
                                  _record_id(cells[right_at], path, number), verdict, note)
        key = pair_key(request.left, request.right)
        if key in rows_of and rows_of[key][1] != verdict:
            raise AimDeskError(
                f"Rows {rows_of[key][0]} and {number} of {path.name} decide records {key[0]} and "
                f"{key[1]} differently ({rows_of[key][1]}, {verdict}); keep one and import it again.")
        rows_of.setdefault(key, (number, verdict))
        requests.append(request)
    return PacketDecisions(requests, blank)


def _inert(cell: object) -> object:
    """Text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if isinstance(cell, str) and cell[:1] in FORMULA_STARTS:
        return "'" + cell
    return cell


def _record_id(cell: object, path: Path, number: int) -> int:
    text = clean_text(cell)
    if not text.isdigit():
        raise InputFileError(f"Row {number} of {path.name}: '{text}' is not a record id.")
    return int(text)


def _member_labels(records: object) -> dict[str, str]:
    """Neutral member labels (Member A, B, …) so a packet does not show who sent what."""
    names = sorted({r.member for r in records})  # type: ignore[attr-defined]
    return {name: f"Member {_letters(i)}" for i, name in enumerate(names)}


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def _side(record: RecordRow, labels: dict[str, str]) -> list[object]:
    return [labels[record.member] if field == "member" else getattr(record, field) for field in SIDE_FIELDS]


def _in_words(explanation: list[dict[str, object]]) -> str:
    return "; ".join(f"{c['label']}: {c['level']} ({c['weight']:+})" for c in explanation
                     if c.get("level") != "not compared")


def _write_xlsx(out: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Pairs"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    choices = DataValidation(type="list", formula1='"same,different,unsure"', allow_blank=True)
    sheet.add_data_validation(choices)
    column = COLUMNS.index("decision") + 1
    letter = sheet.cell(row=1, column=column).column_letter
    choices.add(f"{letter}2:{letter}{max(len(rows) + 1, 2)}")
    sheet.freeze_panes = "D2"
    book.properties.creator = "AIMDesk"
    book.save(out)


def import_review_packet(store: Store, path: Path, *, reviewer: str) -> tuple[DecisionOutcome, int]:
    """Apply the decisions of a filled packet in one transaction.

    Returns:
        What was applied, already so, or changed an earlier decision; and how many rows
        were left blank.
    """
    packet = read_review_packet(path)
    outcome = record_decisions(store, packet.requests, reviewer=reviewer, source=f"packet {path.name}")
    return outcome, packet.blank_rows

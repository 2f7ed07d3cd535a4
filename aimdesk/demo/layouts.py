"""Turn a member's records into the sheet it sends: title rows, headers, data, notes.

The result is a :class:`WorkbookPlan`: plain rows of cells plus the few formatting facts a
writer needs (merged group headers, hidden columns, trailing styled blanks). It also knows
the spreadsheet row (1-based) of every record, which is what ``truth.csv`` records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from aimdesk.demo.audits import format_date
from aimdesk.demo.countries import COUNTRY_NAMES
from aimdesk.demo.members import MemberProfile
from aimdesk.demo.records import Cell, DemoRecord

Row = tuple[Cell, ...]

MIXED_DATE_STYLES: tuple[tuple[str, float], ...] = (("cell", 0.6), ("iso", 0.25), ("dmy_dot", 0.15))
"""How a member with ``date_style = mixed`` writes each date."""


@dataclass(frozen=True, slots=True)
class SheetPlan:
    """One sheet: its rows top to bottom (row i of the tuple is spreadsheet row i + 1)."""

    name: str
    rows: tuple[Row, ...]
    header_row: int = 0
    merges: tuple[tuple[int, int, int], ...] = ()
    hidden_columns: tuple[int, ...] = ()
    bold_rows: tuple[int, ...] = ()
    title_row: int = 0
    trailing_blank_rows: int = 0
    trailing_blank_columns: int = 0
    date_number_format: str = "DD/MM/YYYY"
    has_autofilter: bool = False


@dataclass(frozen=True, slots=True)
class WorkbookPlan:
    """All sheets of a member file, which one holds the data, and where each record landed."""

    sheets: tuple[SheetPlan, ...]
    data_sheet: str
    header_row: int
    record_rows: tuple[int, ...]


def _sorted(rng: random.Random, member: MemberProfile, records: list[DemoRecord]) -> list[DemoRecord]:
    order = member.layout.sort
    if order == "ref":
        return sorted(records, key=lambda record: record.member_ref)
    if order == "country":
        return sorted(records, key=lambda record: (record.country, record.sort_name))
    if order == "name":
        return sorted(records, key=lambda record: record.sort_name)
    if order == "date":
        return sorted(records, key=lambda record: record.audit_date.toordinal() if record.audit_date else 0,
                      reverse=True)
    shuffled = list(records)
    rng.shuffle(shuffled)
    return shuffled


def _cell(member: MemberProfile, kind: str, value: Cell, rng: random.Random) -> Cell:
    layout = member.layout
    if kind == "audit_date":
        if value is None or value == "":
            return ""
        style = member.date_format
        if style == "mixed":
            style = rng.choices([name for name, _ in MIXED_DATE_STYLES],
                                weights=[weight for _, weight in MIXED_DATE_STYLES])[0]
        return format_date(value, style)  # type: ignore[arg-type]
    if kind == "member_ref" and layout.is_ref_number:
        return int(str(value))
    if kind in ("postal_code", "sedex_id") and layout.is_postal_number and str(value).isdigit():
        return int(str(value))
    if kind == "headcount" and layout.kind == "csv":
        return str(value)
    return value


def layout_member_file(rng: random.Random, member: MemberProfile, records: list[DemoRecord]) -> WorkbookPlan:
    """Lay out one member's list the way that member's file looks.

    Args:
        rng: the member's random source.
        member: whose file it is.
        records: the records to place; their order in the result is the file's order.

    Returns:
        The plan, with ``record_rows[i]`` the spreadsheet row of ``records[i]``
        (sort them first with ``sort_records``).
    """
    layout = member.layout
    columns = member.columns
    rows: list[Row] = [(title,) for title in layout.title_rows]
    rows += [()] * layout.blank_rows_before_header
    merges: list[tuple[int, int, int]] = []
    bold: list[int] = []
    if any(column.group for column in columns):
        group_row: list[Cell] = []
        start = 0
        for index, column in enumerate(columns):
            is_new = index == 0 or column.group != columns[index - 1].group
            group_row.append(column.group if is_new else None)
            if is_new:
                start = index
            is_last = index == len(columns) - 1 or columns[index + 1].group != column.group
            if is_last and column.group and index > start:
                merges.append((len(rows) + 1, start + 1, index + 1))
        rows.append(tuple(group_row))
        bold.append(len(rows))
    rows.append(tuple(column.header for column in columns))
    header_row = len(rows)
    bold.append(header_row)
    record_rows: list[int] = []
    current_country = ""
    for record in records:
        if layout.section_rows and record.country != current_country:
            current_country = record.country
            rows.append((f"— {COUNTRY_NAMES[record.country][member.language].upper()} —",))
        rows.append(tuple(_cell(member, column.kind, record.cells.get(column.kind, ""), rng) for column in columns))
        record_rows.append(len(rows))
    count = len(records)
    for line in layout.footer:
        rows.append((line.format(count=count),) if line else ())
    hidden = tuple(index + 1 for index, column in enumerate(columns) if column.hidden)
    data = SheetPlan(layout.sheet or "Sheet1", tuple(rows), header_row, tuple(merges), hidden, tuple(bold),
                     1 if layout.title_rows else 0, layout.trailing_blank_rows, layout.trailing_blank_columns,
                     layout.date_number_format, layout.has_autofilter)
    extra = tuple(SheetPlan(name, tuple((line,) for line in lines), title_row=1) for name, lines in layout.pre_sheets)
    return WorkbookPlan(extra + (data,), data.name, header_row, tuple(record_rows))


def sort_records(rng: random.Random, member: MemberProfile, records: list[DemoRecord]) -> list[DemoRecord]:
    """Put records in the order the member's file lists them."""
    return _sorted(rng, member, records)

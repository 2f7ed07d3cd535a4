"""The header row is found under titles and blank rows; the right sheet is chosen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from aimdesk.core.ingest.header import choose_sheet, detect_header
from aimdesk.core.ingest.mapping import suggest_mapping
from aimdesk.core.ingest.reader import read_workbook
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, write_xlsx


def test_header_found_under_title_logo_and_blank_rows(tmp_path: Path) -> None:
    above = [["ACME FOODS — SUPPLIER AUDIT LIST"], ["[logo]", "", "", "Confidential"], [],
             ["Period: 2023-2025"], []]
    path = write_xlsx(tmp_path / "l.xlsx", [STANDARD_HEADER] + STANDARD_ROWS, above=above)
    sheet, header = choose_sheet(read_workbook(path))
    assert header.row_number == 6
    assert header.labels[:2] == ["Factory name", "Address"]


def test_header_not_taken_from_a_data_row(tmp_path: Path) -> None:
    rows = [STANDARD_HEADER] + STANDARD_ROWS * 10
    header = detect_header(rows)
    assert header is not None and header.row_index == 0


def test_merged_group_cells_over_a_two_row_header(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Supplier", "Address", None, None, "Last audit", None, None])
    sheet.append([None, "Street", "Town", "Country", "Date", "Standard", "Company"])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:G1")
    sheet.append(["Golden Star Garment", "No. 3 Lane 5", "Foshan", "CN", "2025-01-10", "SMETA 4P", "SGS"])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    _, header = choose_sheet(read_workbook(path))
    assert header.row_number == 2
    assert header.labels[0] == "Supplier"
    mapping = suggest_mapping(header, [])
    assert mapping.as_labels() == {
        "site_name": "Supplier", "address": "Street", "city": "Town", "country": "Country",
        "audit_date": "Date", "audit_type": "Standard", "audit_firm": "Company"}


def test_sheet_with_the_list_is_chosen_over_instructions(tmp_path: Path) -> None:
    instructions = [["How to fill in this file"], ["Please list every site audited since 2023."],
                    ["Use one row per site."]]
    path = write_xlsx(tmp_path / "l.xlsx", [STANDARD_HEADER] + STANDARD_ROWS, sheet="Data",
                      extra_sheets={"Instructions": instructions, "Lookup": [["Country"], ["China"]]})
    sheet, header = choose_sheet(read_workbook(path))
    assert sheet.name == "Data"


def test_sheet_and_header_row_can_be_forced(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "l.xlsx", [["x", "y"], STANDARD_HEADER] + STANDARD_ROWS)
    sheet, header = choose_sheet(read_workbook(path), sheet_name="suppliers", header_row=2)
    assert (sheet.name, header.row_number) == ("Suppliers", 2)


def test_trailing_empty_rows_and_columns_are_ignored(tmp_path: Path) -> None:
    rows = [STANDARD_HEADER + ["", ""]] + [r + ["", None] for r in STANDARD_ROWS] + [[""] * 5] * 20
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    sheet, header = choose_sheet(read_workbook(path))
    assert len(sheet.rows) == 4
    assert len(header.labels) == len(STANDARD_HEADER)

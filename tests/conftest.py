"""Shared fixtures: real workspaces and real member files written by the tests."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from openpyxl import Workbook

from aimdesk.core.store.workspace import Store

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")  # CI runs the same examples every time; local runs explore

STANDARD_HEADER = ["Factory name", "Address", "City", "Country", "Sedex ID", "Audit date",
                   "Audit type", "Audit company", "Vendor code"]

STANDARD_ROWS: list[list[object]] = [
    ["Dongguan Xinhua Garment Co., Ltd.", "No. 12 Industrial Road", "Dongguan", "P.R. China",
     "ZS123456789", dt.date(2025, 3, 12), "SMETA 4P", "SGS", "V-0001"],
    ["Ege Tekstil San. ve Tic. A.Ş.", "Atatürk Cad. 45", "İzmir", "Türkiye",
     "ZS: 000234567", dt.date(2024, 11, 2), "amfori BSCI", "Intertek", "V-0002"],
    ["Shree Ganesh Exports Pvt. Ltd.", "Plot 7, SIPCOT", "Tiruppur", "India",
     "", dt.date(2025, 6, 30), "SA 8000", "Bureau Veritas", "V-0003"],
]


@pytest.fixture
def fixed_now() -> dt.datetime:
    return dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "test.aimdesk", create=True) as opened:
        yield opened


def write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = "Suppliers",
               above: list[list[object]] | None = None,
               extra_sheets: dict[str, list[list[object]]] | None = None) -> Path:
    """A real xlsx: optional rows above the header (titles), then `rows`."""
    book = Workbook()
    first = book.active
    for name, content in (extra_sheets or {}).items():
        extra = book.create_sheet(name, 0)
        for row in content:
            extra.append(row)
    first.title = sheet
    for row in (above or []) + rows:
        first.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in row])
    return path


def standard_list(path: Path) -> Path:
    """The three-supplier list most tests import, as xlsx."""
    return write_xlsx(path, [STANDARD_HEADER] + STANDARD_ROWS)

"""Every file format a member may send is read to the same records."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import xlwt

from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.ingest.reader import read_workbook
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, standard_list, write_csv

EXPECTED_NAMES = [row[0] for row in STANDARD_ROWS]


def imported(store: Store, path: Path, fixed_now: dt.datetime, **options: object) -> list:
    import_file(store, path, ImportOptions(member="Acme", **options), who="t",  # type: ignore[arg-type]
                now=lambda: fixed_now)
    return list(iter_active_records(store))


def assert_standard_records(records: list) -> None:
    assert [r.site_name for r in records] == EXPECTED_NAMES
    assert [r.country for r in records] == ["CN", "TR", "IN"]
    assert [r.audit_date for r in records] == ["2025-03-12", "2024-11-02", "2025-06-30"]
    assert records[1].city == "İzmir"


def test_xlsx(store: Store, tmp_path: Path, fixed_now) -> None:
    assert_standard_records(imported(store, standard_list(tmp_path / "list.xlsx"), fixed_now))


def test_xlsm_with_macro_content_type(store: Store, tmp_path: Path, fixed_now) -> None:
    plain = standard_list(tmp_path / "plain.xlsx")
    xlsm = tmp_path / "list.xlsm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(xlsm, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
            target.writestr(item, data)
    assert read_workbook(xlsm).file_format == "xlsx"
    assert_standard_records(imported(store, xlsm, fixed_now))


def test_xls(store: Store, tmp_path: Path, fixed_now) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Suppliers")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate([STANDARD_HEADER] + STANDARD_ROWS):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    path = tmp_path / "list.xls"
    book.save(str(path))
    assert read_workbook(path).file_format == "xls"
    assert_standard_records(imported(store, path, fixed_now))


def test_ods(store: Store, tmp_path: Path, fixed_now) -> None:
    path = tmp_path / "list.ods"
    frame = pd.DataFrame(STANDARD_ROWS, columns=STANDARD_HEADER)
    frame["Audit date"] = pd.to_datetime(frame["Audit date"])
    frame.to_excel(path, engine="odf", index=False, sheet_name="Suppliers")
    assert read_workbook(path).file_format == "ods"
    assert_standard_records(imported(store, path, fixed_now))


@pytest.mark.parametrize(("encoding", "delimiter", "suffix"), [
    ("utf-8", ",", ".csv"),
    ("utf-8-sig", ",", ".csv"),
    ("utf-16", "\t", ".txt"),
    ("cp1252", ";", ".csv"),
    ("utf-8", "\t", ".tsv"),
    ("utf-8", "|", ".txt"),
])
def test_delimited_text_in_any_encoding(store: Store, tmp_path: Path, fixed_now,
                                        encoding: str, delimiter: str, suffix: str) -> None:
    rows = [STANDARD_HEADER] + [list(r) for r in STANDARD_ROWS]
    rows[2][1] = "Atatürk Cad. 45 — Bornova"
    if encoding == "cp1252":
        rows[2][0] = "Ege Tekstil San. ve Tic. A.S."
        rows[2][2] = "Izmir"
        rows[2][3] = "Turquía"
        rows[2][1] = "Atatürk Cad. 45 – Bornova"
    path = write_csv(tmp_path / f"list{suffix}", rows, encoding=encoding, delimiter=delimiter)
    records = imported(store, path, fixed_now)
    assert [r.site_name for r in records][0] == EXPECTED_NAMES[0]
    assert [r.country for r in records] == ["CN", "TR", "IN"]
    assert records[1].address == rows[2][1]
    assert records[0].audit_date == "2025-03-12"


def test_chinese_csv_saved_by_excel_in_gbk(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [["工厂名称", "地址", "城市", "国家", "审核日期", "审核类型"],
            ["东莞新华服装有限公司", "东莞市工业路12号", "东莞", "中国", "2025/3/12", "SMETA 4支柱"],
            ["宁波海天塑料制品厂", "宁波市北仑区", "宁波", "中国", "2024/11/2", "BSCI"]]
    path = write_csv(tmp_path / "供应商.csv", rows, encoding="gbk")
    records = imported(store, path, fixed_now)
    assert [r.site_name for r in records] == ["东莞新华服装有限公司", "宁波海天塑料制品厂"]
    assert {r.country for r in records} == {"CN"}
    assert records[0].audit_date == "2025-03-12"


def test_raw_cells_are_kept_exactly_as_read(store: Store, tmp_path: Path, fixed_now) -> None:
    imported(store, standard_list(tmp_path / "list.xlsx"), fixed_now)
    rows = store.conn.execute("SELECT row_number, cells_json FROM raw_rows ORDER BY row_number").fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    assert '"ZS: 000234567"' in rows[2][1] and '"2024-11-02"' in rows[2][1]


def test_zip_that_is_not_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path.write_bytes(buffer.getvalue())
    from aimdesk.core.errors import InputFileError

    with pytest.raises(InputFileError, match="not a spreadsheet"):
        read_workbook(path)

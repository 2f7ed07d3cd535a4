"""The common document as files: no byte names a member, formula-like cells stay inert,
the same workspace and as-of date give the same bytes, and every export is an edition."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.core.benchmark.eligibility import record_benchmark_result, record_statement
from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.common_document import (COMMON_COLUMNS, CommonOptions, DisclosureError, common_rows,
                                                 edition_diff, list_editions, write_common_document)
from aimdesk.core.export.common_file import is_formula_like, render_csv
from aimdesk.core.matching.normalise import normalise_name
from aimdesk.core.store.workspace import Store
from aimdesk.demo.build import make_demo
from tests.core.test_common_document import AS_OF, import_list, make_eligible, match, supplier

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = CommonOptions(AS_OF)


@pytest.fixture(scope="module")
def eligible_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo at a small scale, matched, every member eligible (as score_dataset.py does)."""
    workspace = make_demo(tmp_path_factory.mktemp("common"), who="test", scale=0.1)
    with Store.open(workspace) as store:
        match(store)
        for (member_id,) in store.conn.execute("SELECT id FROM members").fetchall():
            record_statement(store, member_id, "audit", signed_on="2024-01-01", signatory="", who="test")
            record_benchmark_result(store, member_id, "audit", passed_on=AS_OF.isoformat(), who="test")
    return workspace


@pytest.fixture
def demo(eligible_demo: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "demo.aimdesk"
    shutil.copy(eligible_demo, copy)
    with Store.open(copy) as store:
        yield store


def package_text(path: Path) -> str:
    """Every part of an xlsx (sheets, docProps, styles, rels …), decoded, in lower case."""
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(n).decode("utf-8", "replace") for n in package.namelist()).lower()


def test_no_part_of_the_xlsx_names_a_member_of_the_demo(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "common.xlsx"
    edition = write_common_document(demo, out, OPTIONS, who="test")
    assert edition.members == 15 and edition.sites > 200
    blob = package_text(out)
    names = [row[0] for row in demo.conn.execute("SELECT name FROM members")]
    for name in names:
        for token in {name.lower(), name.split()[0].lower(), normalise_name(name).text}:
            if len(token) >= 5:
                assert not re.search(r"\b" + re.escape(token) + r"\b", blob), token
    refs = {row[0].lower() for row in demo.conn.execute("SELECT DISTINCT member_ref FROM records") if row[0]}
    assert len(refs) > 300 and not [ref for ref in refs if ref in blob]
    files = [row[0].lower() for row in demo.conn.execute("SELECT file_name FROM imports")]
    assert not [f for f in files if f in blob or f.rsplit(".", 1)[0] in blob]
    protocols = {row[0].lower() for row in demo.conn.execute(
        "SELECT protocol FROM assessment_revisions UNION "
        "SELECT audit_type_raw FROM records WHERE audit_type = 'MEMBER_PROTOCOL'")}
    assert len(protocols) >= 4 and not [p for p in protocols if p in blob]
    assert "member protocol (benchmarked)" in blob
    dates = {row[0] for row in demo.conn.execute("SELECT audit_date FROM records")}
    assert not [d for d in dates if d in blob]  # months only, never an audit's day


def test_the_xlsx_is_laid_out_for_excel_users(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "common.xlsx"
    edition = write_common_document(demo, out, OPTIONS, who="test")
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["Sites", "Read me"]
    sites = book["Sites"]
    assert [c.value for c in sites[1]] == list(COMMON_COLUMNS)
    assert sites.freeze_panes == "A2" and sites.auto_filter.ref == f"A1:M{edition.sites + 1}"
    assert sites.column_dimensions["B"].width > 30 and sites[1][0].font.b
    months = [c.value for c in sites["K"][1:]]
    assert all(isinstance(m, str) and re.fullmatch(r"\d{4}-\d{2}", m) for m in months)
    assert max(months) <= "2026-11" and min(months) >= "2023-11"
    assert {c.value for c in sites["J"][1:]} <= {"1", "2", "3–4", "5+"}
    text = "\n".join(str(c.value) for row in book["Read me"].iter_rows() for c in row if c.value is not None)
    assert "As of 1 November 2026: audits from 1 November 2023" in text
    assert "directly or through the data-sharing platform" in text and "your own decision" in text
    assert "Sites by country" in text and "Bangladesh" in text
    properties = book.properties
    assert properties.creator == "AIMDesk" and properties.lastModifiedBy is None
    assert properties.created.date() == AS_OF == properties.modified.date()
    with zipfile.ZipFile(out) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2026, 11, 1)}
        assert package.namelist() == sorted(package.namelist())


def test_the_same_workspace_and_as_of_give_the_same_bytes(demo: Store, tmp_path: Path) -> None:
    for suffix in (".xlsx", ".csv"):
        first, second = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
        one = write_common_document(demo, first, OPTIONS, who="ana")
        two = write_common_document(demo, second, OPTIONS, who="ben")
        assert first.read_bytes() == second.read_bytes()
        assert one.sha256 == two.sha256 and one.id != two.id
    assert len(list_editions(demo)) == 4


def test_the_csv_is_utf8_with_bom_and_holds_the_sites_only(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "common.csv"
    edition = write_common_document(demo, out, OPTIONS, who="test")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfSite ID,Site name,") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(COMMON_COLUMNS) and len(rows) == edition.sites + 1
    assert [tuple(r) for r in rows[1:]] == [r.cells() for r in common_rows(demo, OPTIONS)]
    assert edition.format == "csv"


def test_formula_like_cells_are_text_in_the_xlsx_and_quoted_in_the_csv(store: Store, tmp_path: Path) -> None:
    nasty = ['=HYPERLINK("http://x.example","open")', "+44 Plant", "-1 Plant", "@SUM(A1:A9)"]
    import_list(store, tmp_path, "Alder Brands", [supplier(name, n) for n, name in enumerate(nasty, start=1)])
    make_eligible(store, "Alder Brands")
    match(store)
    write_common_document(store, tmp_path / "common.xlsx", OPTIONS, who="test")
    sheet = load_workbook(tmp_path / "common.xlsx")["Sites"]
    cells = {c.value: c for c in sheet["B"][1:]}
    assert set(cells) == set(nasty)
    for cell in cells.values():
        assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(tmp_path / "common.xlsx") as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()
    write_common_document(store, tmp_path / "common.csv", OPTIONS, who="test")
    with open(tmp_path / "common.csv", encoding="utf-8-sig", newline="") as handle:
        names = {row[1] for row in list(csv.reader(handle))[1:]}
    assert names == {"'" + name for name in nasty}


def test_control_characters_and_formula_starts_are_neutralised() -> None:
    for text in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "\x01x", "＝1"):
        assert is_formula_like(text)
    for text in ("", "Plant 1", "1 Plant", " =1"):
        assert not is_formula_like(text)
    data = render_csv(["a", "b"], [["=cmd|' /C calc'!A0", "\tTab"], ["ok", "bad\x00nul"]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data))) == [["a", "b"], ["'=cmd|' /C calc'!A0", "'\tTab"], ["ok", "badnul"]]


def test_a_site_that_would_name_a_member_stops_the_document_and_nothing_is_written(
        store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1)])
    import_list(store, tmp_path, "Birch Retail", [supplier("Birch Retail sourcing office", 2),
                                                  supplier("Heron Bag Works", 3, ref="HB-77731")])
    import_list(store, tmp_path, "Crane Foods", [supplier("Heron Bag Works HB-77731", 4)])
    for member in ("Alder Brands", "Birch Retail", "Crane Foods"):
        make_eligible(store, member)
    match(store)
    out = tmp_path / "common.xlsx"
    with pytest.raises(DisclosureError) as refused:
        write_common_document(store, out, OPTIONS, who="test")
    message = str(refused.value)
    assert "sheet 'Sites', cell B" in message and "member name “Birch Retail”" in message
    assert any("member reference “HB-77731”" in p for p in refused.value.problems)
    assert not out.exists() and not list(tmp_path.glob("*.partial")) and list_editions(store) == []
    with pytest.raises(DisclosureError):
        write_common_document(store, tmp_path / "common.csv", OPTIONS, who="test")
    assert not (tmp_path / "common.csv").exists()


def test_supplier_names_that_share_a_word_with_a_member_are_not_refused(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Golden", [supplier("Golden Star Textiles", 1)])
    import_list(store, tmp_path, "Foods Ltd", [supplier("Sunrise Foods Ltd", 2)])
    for member in ("Golden", "Foods Ltd"):
        make_eligible(store, member)
    match(store)
    edition = write_common_document(store, tmp_path / "common.xlsx", OPTIONS, who="test")
    assert edition.sites == 2


def test_an_edition_diff_shows_sites_added_dropped_and_changed(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1, sedex="ZS100001"),
                                                  supplier("Orchid Knitting Mill", 2, date="2023-12-01")])
    make_eligible(store, "Alder Brands")
    match(store)
    first = write_common_document(store, tmp_path / "first.xlsx", OPTIONS, who="test")
    import_list(store, tmp_path, "Birch Retail", [supplier("Lotus Garment Factory", 1, sedex="ZS100001",
                                                           date="2026-10-05"),
                                                  supplier("Crane Toys Plant", 3)])
    make_eligible(store, "Birch Retail")
    match(store)
    second = write_common_document(store, tmp_path / "second.csv", CommonOptions(dt.date(2027, 1, 10)), who="test")
    diff = edition_diff(store, first.id, second.id)
    ids = {row.site_name: row.public_id for row in common_rows(store, CommonOptions(dt.date(2027, 1, 10)))}
    assert diff.added == [ids["Crane Toys Plant"]]
    assert len(diff.dropped) == 1  # the Orchid audit left the window
    assert diff.changed == [(ids["Lotus Garment Factory"],  # a scheme of one member is not shown
                             "Members (band) 1 → 2; Latest audit (month) 2025-06 → 2026-10; "
                             "Audit schemes (empty) → SMETA 4-pillar")]
    assert diff.counts["sites"] == (2, 2) and diff.counts["members"] == (1, 2)
    assert edition_diff(store, second.id, first.id).added == diff.dropped
    with pytest.raises(AimDeskError, match="itself"):
        edition_diff(store, first.id, first.id)


def test_the_common_document_is_an_xlsx_or_a_csv_and_is_never_empty(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AimDeskError, match="xlsx or .csv"):
        write_common_document(store, tmp_path / "common.pdf", OPTIONS, who="test")
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1)])
    match(store)
    with pytest.raises(AimDeskError, match="would be empty"):
        write_common_document(store, tmp_path / "common.xlsx", OPTIONS, who="test")


def test_the_hria_register_is_its_own_anonymous_sheet(store: Store, tmp_path: Path) -> None:
    hria = pytest.importorskip("aimdesk.core.hria")
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1)])
    make_eligible(store, "Alder Brands")
    match(store)
    member_id = store.conn.execute("SELECT id FROM members").fetchone()[0]
    hria.add_hria(store, member_id=member_id, country="Côte d'Ivoire", sector="Cocoa",
                  scope="Smallholder farms, child labour", year=2024, contact_note="ask Jo at the brand", who="test")
    out = tmp_path / "common.xlsx"
    write_common_document(store, out, OPTIONS, who="test")
    book = load_workbook(out)
    assert "HRIA" in book.sheetnames
    assert "Cocoa" in [c.value for row in book["HRIA"].iter_rows() for c in row]
    assert "alder" not in package_text(out) and "ask jo" not in package_text(out)


def test_m007_adds_an_append_only_editions_table_to_an_older_workspace(tmp_path: Path) -> None:
    copy = tmp_path / "old.aimdesk"
    shutil.copy(DATA / "workspace-v3.aimdesk", copy)
    with Store.open(copy) as store:
        assert list_editions(store) == []
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(editions)")}
        assert {"as_of", "written_at", "written_by", "file_name", "format", "sites", "records", "members",
                "countries", "sha256", "rows_json"} <= columns
        with store.transaction():
            store.conn.execute(
                "INSERT INTO editions (as_of, written_at, file_name, format, window_years, bands_json, sites, "
                "records, members, countries, sha256, rows_json) VALUES "
                "('2026-11-01', 'now', 'x.csv', 'csv', 3, '[]', 0, 0, 0, 0, '', x'')")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            with store.transaction():
                store.conn.execute("UPDATE editions SET sites = 1")

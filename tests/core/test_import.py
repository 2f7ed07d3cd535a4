"""Importing a member list: findings, history, replace, refusals, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import load_workbook

from aimdesk.core.errors import (Cancelled, DuplicateImportError, InputFileError,
                                 MappingError)
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.export.findings_report import write_findings_report
from aimdesk.core.progress import CancelToken
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.imports import list_imports
from aimdesk.core.store.members import list_members, member_template
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, standard_list, write_csv, write_xlsx


def run_import(store: Store, path: Path, now: dt.datetime, **options: object):
    return import_file(store, path, ImportOptions(member=options.pop("member", "Acme"), **options),  # type: ignore[arg-type]
                       who="tester", now=lambda: now)


def workspace_digest(store: Store) -> str:
    """A fingerprint of every row of every table, to prove nothing changed."""
    digest = hashlib.sha256()
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def finding_kinds(store: Store) -> dict[int, set[str]]:
    rows = store.conn.execute(
        "SELECT w.row_number, f.kind FROM findings f JOIN records r ON r.id = f.record_id "
        "JOIN raw_rows w ON w.id = r.raw_row_id")
    found: dict[int, set[str]] = {}
    for number, kind in rows:
        found.setdefault(number, set()).add(kind)
    return found


def test_import_keeps_provenance_history_template_and_log(store: Store, tmp_path: Path, fixed_now) -> None:
    report = run_import(store, standard_list(tmp_path / "acme.xlsx"), fixed_now)
    assert report.records_added == 3 and report.finding_counts == {}
    (history,) = list_imports(store)
    assert (history.member, history.file_name, history.sheet, history.header_row,
            history.status, history.imported_by) == ("Acme", "acme.xlsx", "Suppliers", 1, "active", "tester")
    assert history.file_sha256 == hashlib.sha256((tmp_path / "acme.xlsx").read_bytes()).hexdigest()
    records = list(iter_active_records(store))
    assert [(r.source_file, r.source_sheet, r.source_row) for r in records] == [
        ("acme.xlsx", "Suppliers", 2), ("acme.xlsx", "Suppliers", 3), ("acme.xlsx", "Suppliers", 4)]
    assert records[1].sedex_id == "ZS000234567" or records[1].sedex_id.startswith("ZS")
    assert records[0].audit_type == "SMETA_4P"
    template = member_template(store, list_members(store)[0].id)
    assert template and template["mapping"]["site_name"] == "Factory name"
    assert list_activity(store)[0].action == "import"


def test_each_finding_is_recorded_on_its_row(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER,
            ["", "Somewhere 1", "Dhaka", "Bangladesh", "", "01/02/2025", "SMETA", "", "R1"],
            ["Alpha Knit", "Road 2", "Dhaka", "", "", "01/02/2025", "SMETA", "", "R2"],
            ["Beta Knit", "Road 3", "Dhaka", "Narnia", "", "01/02/2025", "SMETA", "", "R3"],
            ["Gamma Knit", "Road 4", "Dhaka", "BD", "", "not yet", "SMETA", "", "R4"],
            ["Delta Knit", "Road 5", "Dhaka", "BD", "", "25/04/2025", "SMETA", "", "R5"],
            ["Eps Knit", "Road 6", "Dhaka", "BD", "", "01/02/2027", "SMETA", "", "R6"],
            ["Zeta Knit", "Road 7", "Dhaka", "BD", "", "01/02/2021", "SMETA", "", "R7"],
            ["Eta Knit", "Road 8", "Dhaka", "BD", "ZA2024BD0001", "01/02/2025", "SMETA", "", "R8"],
            ["Eta Knit", "Road 8", "Dhaka", "BD", "ZA2024BD0001", "01/02/2025", "SMETA", "", "R8"],
            ["Theta Foods", "Road 9", "Dhaka", "BD", "", "", "BRCGS", "", "R10"]]
    run_import(store, write_csv(tmp_path / "f.csv", rows), fixed_now)
    kinds = finding_kinds(store)
    assert "missing_site_name" in kinds[2]
    assert "missing_country" in kinds[3]
    assert "unknown_country" in kinds[4]
    assert "unparseable_date" in kinds[5]
    assert 6 not in kinds
    assert "future_date" in kinds[7]
    assert "audit_too_old" in kinds[8]
    assert "invalid_identifier" in kinds[9]
    assert "duplicate_row" in kinds[10] and "duplicate_row" not in kinds[9]
    assert {"missing_audit_date", "not_social_audit"} <= kinds[11]


def test_dates_that_could_be_either_order_are_flagged(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + [[f"Site {i}", "", "", "CN", "", d, "", "", f"R{i}"]
                                for i, d in enumerate(["03/04/2025", "01/02/2025", "05/05/2025"])]
    report = run_import(store, write_csv(tmp_path / "x.csv", rows), fixed_now)
    assert report.finding_counts["ambiguous_date"] == 2
    assert [r.audit_date for r in iter_active_records(store)] == ["2025-04-03", "2025-02-01", "2025-05-05"]


def test_unambiguous_dates_decide_the_day_month_order_of_the_column(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + [[f"Site {i}", "", "", "CN", "", d, "", "", f"R{i}"]
                                for i, d in enumerate(["03/04/2025", "12/25/2024", "01/02/2025"])]
    report = run_import(store, write_csv(tmp_path / "us.csv", rows), fixed_now)
    assert report.date_order == "mdy"
    assert [r.audit_date for r in iter_active_records(store)] == ["2025-03-04", "2024-12-25", "2025-01-02"]
    assert "ambiguous_date" not in report.finding_counts


def test_date_order_option_overrides_the_guess(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER, ["Site", "", "", "CN", "", "03/04/2025", "", "", "R"]]
    report = run_import(store, write_csv(tmp_path / "x.csv", rows), fixed_now, date_order="mdy")
    assert next(iter_active_records(store)).audit_date == "2025-03-04"
    assert report.finding_counts.get("ambiguous_date") is None


def test_identical_file_is_refused_unless_forced(store: Store, tmp_path: Path, fixed_now) -> None:
    path = standard_list(tmp_path / "acme.xlsx")
    run_import(store, path, fixed_now)
    before = workspace_digest(store)
    with pytest.raises(DuplicateImportError, match="identical to the file imported for Acme.*--force"):
        run_import(store, path, fixed_now)
    assert workspace_digest(store) == before
    run_import(store, path, fixed_now, force=True)
    assert len(list_imports(store)) == 2


def test_replace_supersedes_the_old_list_and_keeps_it(store: Store, tmp_path: Path, fixed_now) -> None:
    run_import(store, standard_list(tmp_path / "v1.xlsx"), fixed_now)
    newer = write_xlsx(tmp_path / "v2.xlsx", [STANDARD_HEADER] + STANDARD_ROWS[:2])
    report = run_import(store, newer, fixed_now, replace=True)
    assert report.superseded == (1,)
    statuses = {i.file_name: i.status for i in list_imports(store)}
    assert statuses == {"v1.xlsx": "superseded", "v2.xlsx": "active"}
    assert [r.source_file for r in iter_active_records(store)] == ["v2.xlsx", "v2.xlsx"]
    assert store.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 5
    assert list_members(store)[0].active_records == 2


def test_second_list_without_replace_adds_to_the_first(store: Store, tmp_path: Path, fixed_now) -> None:
    run_import(store, standard_list(tmp_path / "v1.xlsx"), fixed_now)
    report = run_import(store, write_xlsx(tmp_path / "v2.xlsx", [STANDARD_HEADER] + STANDARD_ROWS[:1]), fixed_now)
    assert report.other_active_lists == 1
    assert list_members(store)[0].active_records == 4


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def encrypted_copy(plain: Path, target: Path) -> Path:
    with open(plain, "rb") as source, open(target, "wb") as out:
        OOXMLFile(source).encrypt("secret", out)
    return target


BAD_INPUTS = {
    "empty file": (lambda d: written(d / "empty.xlsx", b""), InputFileError, "is empty"),
    "a pdf": (lambda d: written(d / "l.xlsx", b"%PDF-1.7\n" + b"x" * 500), InputFileError, "not a spreadsheet"),
    "binary junk": (lambda d: written(d / "l.csv", bytes(range(256)) * 40), InputFileError, "not a spreadsheet"),
    "truncated xlsx": (lambda d: written(d / "t.xlsx", standard_list(d / "full.xlsx").read_bytes()[:1500]), InputFileError, "damaged or incomplete"),
    "password-protected": (lambda d: encrypted_copy(standard_list(d / "p.xlsx"), d / "locked.xlsx"), InputFileError, "password-protected"),
    "no header": (lambda d: write_csv(d / "n.csv", [["1", "2", "3"], ["4", "5", "6"]]), InputFileError, "No header row found"),
    "no site-name column": (lambda d: write_csv(d / "s.csv", [["Country", "Audit date", "Audit type"], ["CN", "2025-01-01", "SMETA"]]), MappingError, "no column for site name"),
    "missing file": (lambda d: d / "nowhere.xlsx", InputFileError, "does not exist"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_refused_in_one_sentence_and_changes_nothing(store: Store, tmp_path: Path, fixed_now, case: str) -> None:
    run_import(store, standard_list(tmp_path / "good.xlsx"), fixed_now)
    before = workspace_digest(store)
    make, error, message = BAD_INPUTS[case]
    folder = tmp_path / "bad"
    folder.mkdir()
    with pytest.raises(error, match=message) as raised:
        run_import(store, make(folder), fixed_now, member="Other")
    assert "\n" not in str(raised.value)
    assert workspace_digest(store) == before


def test_cancel_leaves_the_workspace_unchanged(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + [[f"Site {i}", "Road", "Dhaka", "BD", "", "2025-01-01", "SMETA", "", f"R{i}"]
                                for i in range(12_000)]
    path = write_csv(tmp_path / "big.csv", rows)
    before = workspace_digest(store)
    token = CancelToken()

    def progress(done: int, total: int, what: str) -> None:
        if what == "Saving records" and done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(store, path, ImportOptions(member="Big"), who="t", now=lambda: fixed_now,
                    progress=progress, cancel=token)
    assert workspace_digest(store) == before


def test_interrupt_during_writing_leaves_the_workspace_unchanged(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + [[f"Site {i}", "", "", "BD", "", "", "", "", ""] for i in range(11_000)]
    path = write_csv(tmp_path / "big.csv", rows)
    before = workspace_digest(store)

    def progress(done: int, total: int, what: str) -> None:
        if what == "Saving records" and done >= 5000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(store, path, ImportOptions(member="Big"), who="t", now=lambda: fixed_now, progress=progress)
    assert workspace_digest(store) == before


def test_findings_report_lists_rows_the_member_can_fix(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER, ["Alpha", "", "", "Narnia", "", "2025-01-01", "", "", "R1"],
            ["Beta", "", "", "CN", "", "2025-01-01", "", "", "R2"]]
    report = run_import(store, write_csv(tmp_path / "f.csv", rows), fixed_now)
    out = tmp_path / "findings.xlsx"
    assert write_findings_report(store, report.import_id, out) == 1
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Rows to check"]
    detail = list(book["Rows to check"].iter_rows(values_only=True))
    assert detail[1][:3] == ("f", 2, "Country not recognised") and detail[1][4] == "Alpha"


def test_the_members_mapping_is_offered_first_for_its_next_file(store: Store, tmp_path: Path, fixed_now) -> None:
    header = ["Name", "Plant", "Land", "Datum"]
    first = write_csv(tmp_path / "q1.csv", [header, ["Nordwerk GmbH", "Werk Süd", "DE", "03.02.2025"]])
    run_import(store, first, fixed_now, mapping={"site_name": "Plant"}, date_order="dmy")
    second = write_csv(tmp_path / "q2.csv", [header, ["Nordwerk GmbH", "Werk Ost", "DE", "04.02.2025"]])
    report = run_import(store, second, fixed_now)
    assert report.mapping["site_name"] == "Plant"
    assert report.date_order == "dmy"
    assert [r.site_name for r in iter_active_records(store)] == ["Werk Süd", "Werk Ost"]
    assert [r.audit_date for r in iter_active_records(store)][1] == "2025-02-04"


def test_a_list_split_into_one_sheet_per_country_is_imported_whole(store: Store, tmp_path: Path, fixed_now) -> None:
    header = ["Factory name", "City", "Country", "Audit date"]
    sheets = {"Read me": [["Fill one sheet per country."]],
              "India": [header, ["Shree Knits", "Tiruppur", "IN", "2025-01-02"]],
              "Vietnam": [header, ["Saigon Garment", "HCMC", "VN", "2025-02-03"],
                          ["Mekong Shoes", "Can Tho", "VN", "2025-02-04"]],
              "Contacts": [["Factory name", "Contact person", "E-mail", "Phone"],
                           *[[f"F{i}", "Ms X", "x@y.z", "123"] for i in range(5)]]}
    path = write_xlsx(tmp_path / "split.xlsx", [header, ["Dongguan Toys", "Dongguan", "CN", "2025-03-04"]],
                      sheet="China", extra_sheets=sheets)
    report = run_import(store, path, fixed_now, all_sheets=True)
    assert report.records_added == 4
    assert set(report.sheets) == {"China", "India", "Vietnam"}
    assert sorted((r.source_sheet, r.source_row) for r in iter_active_records(store)) == [
        ("China", 2), ("India", 2), ("Vietnam", 2), ("Vietnam", 3)]
    assert {w.split(" was not imported")[0] for w in report.warnings} == {
        "Sheet 'Read me' (1 row)", "Sheet 'Contacts' (6 rows)"}


def test_sheets_with_the_same_columns_are_named_unless_all_sheets_are_asked_for(
        store: Store, tmp_path: Path, fixed_now) -> None:
    header = ["Factory name", "City", "Country"]
    path = write_xlsx(tmp_path / "split.xlsx", [header, ["Dongguan Toys", "Dongguan", "CN"]], sheet="China",
                      extra_sheets={"India": [header, ["Shree Knits", "Tiruppur", "IN"]]})
    report = run_import(store, path, fixed_now)
    (imported,) = report.sheets
    other = ({"China", "India"} - {imported}).pop()
    assert report.records_added == 1
    assert report.warnings == (f"Sheet '{other}' (1 rows) has the same columns and was not imported; import "
                               f"every such sheet with --all-sheets, or this one with --sheet \"{other}\".",)


def test_another_list_with_other_columns_is_named_in_a_warning(store: Store, tmp_path: Path, fixed_now) -> None:
    other = [["Supplier name", "Address", "Country", "Turnover"], *[[f"S{i}", "Road", "CN", "1"] for i in range(4)]]
    path = write_xlsx(tmp_path / "two.xlsx", [STANDARD_HEADER] + STANDARD_ROWS, extra_sheets={"Prospects": other})
    report = run_import(store, path, fixed_now)
    assert report.records_added == 3
    assert any("Sheet 'Prospects' also looks like a supplier list (4 rows)" in w for w in report.warnings)


def test_totals_and_notes_under_the_list_are_skipped_and_reported(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + STANDARD_ROWS + [
        ["TOTAL", "", "", "", "", "", "", "", "3 factories"], ["* audits before 2023 removed"],
        ["Total Garments Ltd", "Road 1", "Dhaka", "BD", "", dt.date(2025, 1, 1), "BSCI", "SGS", "V9"]]
    report = run_import(store, write_xlsx(tmp_path / "t.xlsx", rows), fixed_now)
    assert report.skipped_rows == (("Suppliers", 5), ("Suppliers", 6))
    assert [r.site_name for r in iter_active_records(store)][-1] == "Total Garments Ltd"


def test_a_header_without_rows_is_refused(store: Store, tmp_path: Path, fixed_now) -> None:
    with pytest.raises(InputFileError, match="column names on row 1 but no supplier rows under them"):
        run_import(store, write_csv(tmp_path / "h.csv", [STANDARD_HEADER]), fixed_now)


def test_a_column_that_is_mostly_not_its_field_raises_a_warning(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [["Factory name", "Kraj", "Data"]] + [[f"Zakład {i}", "Polska", "12.03.2025"] for i in range(6)]
    report = run_import(store, write_csv(tmp_path / "pl.csv", rows), fixed_now,
                        mapping={"site_name": "Factory name", "audit_date": "Kraj"})
    assert any("Column 'Kraj' (sheet 'pl') was read as audit date, but 6 of its 6 values are not dates"
               in w for w in report.warnings)
    assert any("Column 'Kraj' looks like country, but --map gave it to audit date" in w
               for w in report.warnings)


def test_a_month_without_a_day_is_read_as_the_first_and_flagged(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER, ["Alpha", "", "", "CN", "", "Sept 2025", "", "", "R1"],
            ["Beta", "", "", "CN", "", "25/03/2025", "", "", "R2"]]
    report = run_import(store, write_csv(tmp_path / "m.csv", rows), fixed_now)
    assert report.finding_counts == {"approximate_date": 1}
    assert next(iter_active_records(store)).audit_date == "2025-09-01"


def test_country_section_titles_give_the_rows_below_their_country(store: Store, tmp_path: Path, fixed_now) -> None:
    header = ["Factory name", "City", "Audit date"]
    rows = [header, ["— CHINA —", "— CHINA —", "— CHINA —"], ["Dongguan Toys", "Dongguan", "2025-01-02"],
            ["Ningbo Plastics", "Ningbo", "2025-01-03"], ["VIETNAM (1 site)"], ["Saigon Garment", "HCMC", "2025-02-03"]]
    report = run_import(store, write_xlsx(tmp_path / "sections.xlsx", rows), fixed_now)
    assert report.records_added == 3
    assert [s for _, s in report.skipped_rows] == [2, 5]
    assert [r.country for r in iter_active_records(store)] == ["CN", "CN", "VN"]
    assert "missing_country" not in report.finding_counts


def test_the_hint_line_under_a_template_header_is_skipped(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [["Factory name", "Sedex ID", "Audit date", "Country"],
            ["Name of the production site", "e.g. ZS123456789", "DD/MM/YYYY", "e.g. China"],
            ["Alpha Knit", "ZS123456789", "25/01/2025", "Bangladesh"]]
    report = run_import(store, write_csv(tmp_path / "tpl.csv", rows), fixed_now)
    assert report.records_added == 1 and report.skipped_rows == (("tpl", 2),)


def test_text_marked_with_a_typed_apostrophe_and_decomposed_accents_is_read_clean(
        store: Store, tmp_path: Path, fixed_now) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Công ty May Việt Tiến")
    rows = [["Factory name", "Country", "Audit date", "Vendor code"],
            [decomposed, "Việt Nam", "'03/15/2025", "'000901"], ["Beta", "VN", "'12/31/2024", "'000902"]]
    run_import(store, write_csv(tmp_path / "apos.csv", rows), fixed_now)
    first, second = iter_active_records(store)
    assert first.site_name == unicodedata.normalize("NFC", decomposed)
    assert (first.audit_date, second.audit_date) == ("2025-03-15", "2024-12-31")
    assert first.member_ref == "000901"


def test_an_sap_vendor_extract_maps_by_its_technical_names(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [["LIFNR", "NAME1", "STRAS", "ORT01", "PSTLZ", "LAND1", "ERDAT", "ZZAUDDAT"]] + [
        [f"000010{i}", f"Werk {i}", "Hauptstr. 1", "Izmir", "35000", "TR", "20190101", f"2025010{i + 1}"]
        for i in range(5)]
    report = run_import(store, write_csv(tmp_path / "lfa1.csv", rows), fixed_now)
    assert report.mapping == {"site_name": "NAME1", "address": "STRAS", "city": "ORT01",
                              "postal_code": "PSTLZ", "country": "LAND1", "member_ref": "LIFNR",
                              "audit_date": "ZZAUDDAT"}
    assert next(iter_active_records(store)).audit_date == "2025-01-01"


def test_a_hidden_sheet_is_not_taken_for_the_list(store: Store, tmp_path: Path, fixed_now) -> None:
    from openpyxl import load_workbook

    old = [STANDARD_HEADER] + [[f"Old site {i}", "", "", "CN", "", dt.date(2019, 1, 1), "", "", f"O{i}"]
                               for i in range(30)]
    path = write_xlsx(tmp_path / "h.xlsx", [STANDARD_HEADER] + STANDARD_ROWS, sheet="Current",
                      extra_sheets={"Old 2019": old})
    book = load_workbook(path)
    book["Old 2019"].sheet_state = "hidden"
    book.save(path)
    report = run_import(store, path, fixed_now)
    assert report.sheets == ("Current",) and report.records_added == 3


def test_a_quote_never_closed_is_refused_but_a_quoted_multiline_address_is_kept(
        store: Store, tmp_path: Path, fixed_now) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text('Factory name,Country,Audit date\nAlpha,CN,2025-01-01\n"Beta 12"" Foods,CN,2025-01-02\n'
                      + "".join(f"Site {i},CN,2025-01-0{i}\n" for i in range(3, 8)), encoding="utf-8")
    with pytest.raises(InputFileError, match="quotation mark that is never closed, near row 3"):
        run_import(store, broken, fixed_now)
    fine = tmp_path / "fine.csv"
    fine.write_text('Factory name,Address,Country\nAlpha,"Room 5, Bldg 2\nNo. 3 Road, X\nDistrict, Y",CN\n'
                    "Beta,Road,CN\n", encoding="utf-8")
    run_import(store, fine, fixed_now)
    assert next(iter_active_records(store)).address == "Room 5, Bldg 2 No. 3 Road, X District, Y"


def test_a_row_with_only_a_site_name_is_a_record_but_notes_are_not(store: Store, tmp_path: Path, fixed_now) -> None:
    rows = [STANDARD_HEADER] + STANDARD_ROWS + [
        ["Jordan Textiles"], ["* audits before 2023 removed"], ["Stand: 30.09.2026 – vertraulich"],
        ["Total number of sites: 4"]]
    report = run_import(store, write_xlsx(tmp_path / "n.xlsx", rows), fixed_now)
    assert [r.site_name for r in iter_active_records(store)][-1] == "Jordan Textiles"
    assert [n for _, n in report.skipped_rows] == [6, 7, 8]


def test_member_names_differing_in_case_and_spacing_are_one_member(store: Store, tmp_path: Path, fixed_now) -> None:
    run_import(store, standard_list(tmp_path / "a.xlsx"), fixed_now, member="Ácme Foods")
    report = run_import(store, write_xlsx(tmp_path / "b.xlsx", [STANDARD_HEADER] + STANDARD_ROWS[:1]),
                        fixed_now, member="  ácme   FOODS ")
    assert report.member == "Ácme Foods"
    assert [m.name for m in list_members(store)] == ["Ácme Foods"]


def test_a_workspace_busy_in_another_window_gives_a_clear_message(
        store: Store, tmp_path: Path, fixed_now, monkeypatch) -> None:
    import sqlite3

    from aimdesk.core.errors import WorkspaceError
    from aimdesk.core.store import workspace

    monkeypatch.setattr(workspace, "BUSY_TIMEOUT_SECONDS", 0.1)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(store.path) as second:
            with pytest.raises(WorkspaceError, match="busy in another AIMDesk window"):
                run_import(second, standard_list(tmp_path / "a.xlsx"), fixed_now)
    finally:
        other.execute("ROLLBACK")
        other.close()

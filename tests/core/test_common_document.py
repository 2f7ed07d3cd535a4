"""The common document's rows: eligible members only, inside the window, members in bands,
schemes generalised so that none points at a member; and the workspace settings."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from pathlib import Path

import pytest

from aimdesk.core.benchmark.eligibility import record_benchmark_result, record_statement
from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.common_document import (CommonOptions, build_common_document, common_options, common_rows,
                                                 save_common_settings)
from aimdesk.core.export.common_rows import OTHER_SCHEME, check_bands
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.run import run_matching
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store

AS_OF = dt.date(2026, 11, 1)
HEADER = ["Factory name", "Address", "City", "Country", "Sedex ID", "Audit date", "Audit type", "Vendor code"]
_files = itertools.count(1)


def supplier(name: str, number: int, *, city: str = "Dongguan", country: str = "China", sedex: str = "",
             date: str = "2025-06-30", scheme: str = "SMETA 4P", ref: str = "") -> list[str]:
    """One row of a member's list; `number` makes the address (and the site) its own."""
    return [name, f"No. {number} Industrial Road", city, country, sedex, date, scheme, ref or f"V-{number:04d}"]


def import_list(store: Store, folder: Path, member: str, rows: list[list[str]], *, file_name: str = "") -> None:
    """Import `rows` as `member`'s list (a csv written under `folder`)."""
    path = folder / (file_name or f"list_{next(_files)}.csv")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    import_file(store, path, ImportOptions(member=member, date_order="ymd"), who="test")


def make_eligible(store: Store, member: str, *, virtual: bool = False) -> None:
    """Record a signed statement and a passed benchmark (for audits, or virtual assessments)."""
    member_id = find_member(store, member)
    assert member_id is not None
    kind = "virtual" if virtual else "audit"
    record_statement(store, member_id, kind, signed_on="2024-01-01", signatory="", who="test")
    record_benchmark_result(store, member_id, kind, passed_on="2024-01-01", who="test")


def match(store: Store) -> None:
    run_matching(store, who="test")


def by_name(store: Store, options: CommonOptions | None = None) -> dict[str, tuple[str, ...]]:
    """Site name -> printed cells of its row."""
    return {row.site_name: row.cells() for row in common_rows(store, options or CommonOptions(AS_OF))}


def test_only_eligible_members_records_count(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1, date="2024-03-10")])
    import_list(store, tmp_path, "Birch Retail", [supplier("Lotus Garment Factory", 1, date="2026-09-02",
                                                           scheme="amfori BSCI"),
                                                  supplier("Orchid Knitting Mill", 2)])
    make_eligible(store, "Alder Brands")
    match(store)
    document = build_common_document(store, CommonOptions(AS_OF))
    assert [row.site_name for row in document.rows] == ["Lotus Garment Factory"]
    row = document.rows[0]
    assert (row.members_band, row.latest_audit_month, row.schemes) == ("1", "2024-03", "")  # Birch's later audit left out
    assert (document.records, document.members, document.sites) == (1, 1, 1)


def test_virtual_assessments_count_only_for_members_eligible_for_them(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1, scheme="SVA"),
                                                  supplier("Orchid Knitting Mill", 2)])
    import_list(store, tmp_path, "Birch Retail", [supplier("Crane Toys Plant", 3, scheme="SVA")])
    for member in ("Alder Brands", "Birch Retail"):
        make_eligible(store, member)
    make_eligible(store, "Birch Retail", virtual=True)
    match(store)
    assert set(by_name(store)) == {"Orchid Knitting Mill", "Crane Toys Plant"}


def test_the_window_holds_the_years_before_the_as_of_date(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [
        supplier("First Day Plant", 1, date="2023-11-01"), supplier("Too Old Plant", 2, date="2023-10-31"),
        supplier("As Of Plant", 3, date="2026-11-01"), supplier("Future Plant", 4, date="2026-11-02")])
    make_eligible(store, "Alder Brands")
    match(store)
    assert set(by_name(store)) == {"First Day Plant", "As Of Plant"}
    assert set(by_name(store, CommonOptions(AS_OF, window_years=5))) == {"First Day Plant", "As Of Plant",
                                                                         "Too Old Plant"}


def test_members_are_counted_in_bands(store: Store, tmp_path: Path) -> None:
    members = [f"Member {letter} Brands" for letter in "ABCDEF"]
    for count, member in enumerate(members, start=1):
        rows = [supplier(f"Shared By {n} Plant", 10 + n, sedex=f"ZS{100000 + n}") for n in range(count, 7)]
        import_list(store, tmp_path, member, rows)
        make_eligible(store, member)
    match(store)
    bands = {name: cells[9] for name, cells in by_name(store).items()}
    assert bands == {"Shared By 1 Plant": "1", "Shared By 2 Plant": "2", "Shared By 3 Plant": "3–4",
                     "Shared By 4 Plant": "3–4", "Shared By 5 Plant": "5+", "Shared By 6 Plant": "5+"}
    save_common_settings(store, window_years=3, bands=[[1, 2], [3, None]])
    options = common_options(store, AS_OF)
    assert options.bands == ((1, 2), (3, None))
    assert {cells[9] for cells in by_name(store, options).values()} == {"1–2", "3+"}


def test_bands_must_cover_every_count_in_order() -> None:
    assert check_bands([[1, 1], [2, 4], [5, None]]) == ((1, 1), (2, 4), (5, None))
    for bad in ([[1, 1], [3, None]], [[2, None]], [[1, 1], [2, 2]], [[1, None], [2, None]], []):
        with pytest.raises(AimDeskError, match="band"):
            check_bands(bad)


def test_a_scheme_one_member_uses_is_generalised_and_reported(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1),
                                                  supplier("Orchid Knitting Mill", 2, scheme="WRAP"),
                                                  supplier("Alder Own Audit Plant", 3, scheme="Alder Ethical Audit")])
    import_list(store, tmp_path, "Birch Retail", [supplier("Crane Toys Plant", 4, scheme="SMETA 4P"),
                                                  supplier("Heron Bag Works", 5, scheme="ICTI"),
                                                  supplier("Birch Own Audit Plant", 6, scheme="Birch Code Audit")])
    for member in ("Alder Brands", "Birch Retail"):
        make_eligible(store, member)
    match(store)
    document = build_common_document(store, CommonOptions(AS_OF))
    schemes = {row.site_name: row.schemes for row in document.rows}
    assert schemes["Lotus Garment Factory"] == "SMETA 4-pillar"  # both members use it
    assert schemes["Orchid Knitting Mill"] == schemes["Heron Bag Works"] == OTHER_SCHEME
    assert schemes["Alder Own Audit Plant"] == "Member protocol (benchmarked)"  # two members' own protocols
    assert {g.scheme for g in document.generalised} == {"WRAP", "ICTI Ethical Toy Program"}
    assert all(g.became == OTHER_SCHEME for g in document.generalised)


def test_a_rare_scheme_is_left_out_when_other_scheme_would_still_point_at_one_member(
        store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1),
                                                  supplier("Orchid Knitting Mill", 2, scheme="WRAP")])
    import_list(store, tmp_path, "Birch Retail", [supplier("Crane Toys Plant", 4)])
    for member in ("Alder Brands", "Birch Retail"):
        make_eligible(store, member)
    match(store)
    document = build_common_document(store, CommonOptions(AS_OF))
    assert {row.site_name: row.schemes for row in document.rows}["Orchid Knitting Mill"] == ""
    assert [(g.scheme, g.became, g.members, g.sites) for g in document.generalised] == [("WRAP", "", 1, 1)]
    assert "left out" in document.generalised[0].describe()


def test_rows_are_sorted_by_country_then_name_then_site_id(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [
        supplier("Zenith Plant", 1, country="Viet Nam", city="Hanoi"),
        supplier("Apex Plant", 2, country="Viet Nam", city="Hanoi"),
        supplier("Mango Plant", 3, country="Bangladesh", city="Dhaka"),
        supplier("", 4, country="China"),
        supplier("Bamboo Plant", 5, country="China")])
    make_eligible(store, "Alder Brands")
    match(store)
    rows = common_rows(store, CommonOptions(AS_OF))
    assert [(r.country_name, r.site_name) for r in rows] == [
        ("Bangladesh", "Mango Plant"), ("China", "Bamboo Plant"), ("China", ""),
        ("Vietnam", "Apex Plant"), ("Vietnam", "Zenith Plant")]
    assert rows[0].cells()[6:8] == ("BD", "Bangladesh")


def test_records_without_a_site_stop_the_document_until_matching_runs(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Alder Brands", [supplier("Lotus Garment Factory", 1)])
    make_eligible(store, "Alder Brands")
    with pytest.raises(AimDeskError, match="no site yet; run matching first"):
        common_rows(store, CommonOptions(AS_OF))
    match(store)
    assert len(common_rows(store, CommonOptions(AS_OF))) == 1


def test_settings_are_checked_when_read(store: Store) -> None:
    assert common_options(store, AS_OF) == CommonOptions(AS_OF)
    with pytest.raises(AimDeskError, match="window"):
        save_common_settings(store, window_years=0, bands=[[1, None]])
    from aimdesk.core.store.settings import set_setting

    with store.transaction():
        set_setting(store, "common.bands", [[1, 1], [3, None]])
    with pytest.raises(AimDeskError, match="should start at 2"):
        common_options(store, AS_OF)

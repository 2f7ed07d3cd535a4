"""The Sites view's queries: filters, order, a site's records, and profiles kept fresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.run import run_matching
from aimdesk.core.store.members import find_member
from aimdesk.core.store.records import fetch_records
from aimdesk.core.store.sites import SiteQuery, fetch_sites, site_countries, site_ids, site_record_ids
from aimdesk.core.store.workspace import Store
from tests.conftest import write_csv

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def sites_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two members, four sites, one of them audited by both (Golden Star)."""
    path = tmp_path / "matched.aimdesk"
    shutil.copy(DATA / "workspace-v2.aimdesk", path)
    with Store.open(path) as store:
        yield store


def names(store: Store, query: SiteQuery) -> list[str]:
    rows = fetch_sites(store, ids := site_ids(store, query))
    return [rows[i].site_name for i in ids]


def test_only_sites_of_two_members_are_the_mutual_recognition_opportunities(sites_store: Store) -> None:
    assert names(sites_store, SiteQuery(min_members=2)) == ["GOLDEN STAR TEXTILES CO LTD"]


def test_sites_filter_by_country_scheme_member_and_search(sites_store: Store) -> None:
    assert names(sites_store, SiteQuery(country="PT")) == ["Harbour Knitwear"]
    assert names(sites_store, SiteQuery(scheme="AMFORI_BSCI")) == ["Anatolia Denim"]
    acme = find_member(sites_store, "Acme Foods")
    assert len(names(sites_store, SiteQuery(member_id=acme))) == 3
    assert names(sites_store, SiteQuery(search="xinhua")) == ["Sunrise Garment Factory"]
    assert names(sites_store, SiteQuery(search="100%")) == []
    assert site_countries(sites_store) == ["CN", "PT", "TR"]


def test_sites_sort_in_the_query(sites_store: Store) -> None:
    by_name = names(sites_store, SiteQuery(sort="site_name"))
    assert by_name == sorted(by_name, key=str.casefold)
    assert names(sites_store, SiteQuery(sort="members", descending=True))[0] == "GOLDEN STAR TEXTILES CO LTD"


def test_a_site_lists_its_records_latest_audit_first(sites_store: Store) -> None:
    (golden,) = site_ids(sites_store, SiteQuery(min_members=2))
    records = fetch_records(sites_store, ids := site_record_ids(sites_store, golden))
    assert [(records[i].member, records[i].audit_date) for i in ids] == [
        ("Blue Fashion", "2025-03-02"), ("Acme Foods", "2024-05-01")]


def test_profiles_follow_an_import_that_replaces_a_list(sites_store: Store, tmp_path: Path) -> None:
    new_list = write_csv(tmp_path / "blue.csv", [["Factory name", "Country"], ["Harbour Knitwear", "Portugal"]])
    import_file(sites_store, new_list, ImportOptions(member="Blue Fashion", replace=True), who="t")
    assert names(sites_store, SiteQuery(min_members=2)) == []  # Blue's Golden Star record is replaced
    run_matching(sites_store, who="t")
    assert "Harbour Knitwear" in names(sites_store, SiteQuery(country="PT"))


def test_dashboard_figures(sites_store: Store) -> None:
    import datetime as dt

    from aimdesk.core.dashboard import dashboard
    from aimdesk.core.store.records import RecordQuery, record_ids

    as_of = dt.date(2026, 1, 15)
    figures = dashboard(sites_store, as_of=as_of)
    assert (figures.members, figures.records, figures.sites, figures.shared_sites) == (2, 5, 4, 1)
    assert [(name, n) for _, name, n in figures.records_by_member] == [("Acme Foods", 3), ("Blue Fashion", 2)]
    assert figures.sites_by_country == (("CN", 2), ("PT", 1), ("TR", 1))
    ages = {code: n for code, _, n in figures.audit_ages}
    assert ages == {"under_1": 2, "1_2": 3, "2_3": 0, "over_3": 0, "none": 0}
    for code, count in ages.items():
        assert len(record_ids(sites_store, RecordQuery(audit_age=code, as_of=as_of))) == count
    assert figures.last_match and figures.review_backlog == 0


def test_an_incremental_run_refreshes_just_the_sites_it_touched_as_a_full_rebuild_would(
        sites_store: Store, tmp_path: Path) -> None:
    from aimdesk.core.store.sites import refresh_site_profiles

    refresh_site_profiles(sites_store)  # as the last run would have left them
    header = ["Factory name", "Address", "City", "Country", "Audit date"]
    write_csv(tmp_path / "green.csv", [header, ["Golden Star Textiles", "5 Renmin Road", "Ningbo", "China", "2026-01-02"],
                                       ["Delta Shoes", "4 River Rd", "Ho Chi Minh City", "Vietnam", "2025-11-30"]])
    write_csv(tmp_path / "blue.csv", [header, ["Harbour Knitwear", "88 Quay Street", "Porto", "Portugal", "2025-06-21"]])
    import_file(sites_store, tmp_path / "green.csv", ImportOptions(member="Green Co"), who="t")
    import_file(sites_store, tmp_path / "blue.csv", ImportOptions(member="Blue Fashion", replace=True), who="t")
    assert not run_matching(sites_store, who="t").is_full

    def profiles() -> list[tuple[object, ...]]:
        return list(sites_store.conn.execute("SELECT * FROM site_profiles ORDER BY site_id"))

    after_run = profiles()
    refresh_site_profiles(sites_store)
    assert profiles() == after_run
    golden = next(row for row in after_run if "GOLDEN" in str(row[2]).upper())
    assert golden[9:12] == (2, 2, "2026-01-02")  # Acme's and Green's records; Blue's was replaced


def test_a_record_shows_its_raw_row_and_its_site(sites_store: Store) -> None:
    from aimdesk.core.store.records import record_raw_row, record_site

    (golden,) = site_ids(sites_store, SiteQuery(min_members=2))
    first = site_record_ids(sites_store, golden)[0]
    assert record_site(sites_store, first) == golden
    raw = record_raw_row(sites_store, first)
    assert raw is not None and raw.file_name == "b.csv" and raw.row_number == 2
    assert dict(zip(raw.headers, raw.cells))["Factory name"] == "GOLDEN STAR TEXTILES CO LTD"
    assert record_raw_row(sites_store, 10_000) is None and record_site(sites_store, 10_000) is None


def test_a_new_list_leaves_the_profiles_alone_until_matching(sites_store: Store, tmp_path: Path) -> None:
    from aimdesk.core.store.sites import ensure_site_profiles

    ensure_site_profiles(sites_store)
    before = list(sites_store.conn.execute("SELECT * FROM site_profiles ORDER BY site_id"))
    sites_store.conn.execute("CREATE TEMP TRIGGER no_rebuild BEFORE DELETE ON main.site_profiles "
                             "BEGIN SELECT RAISE(ABORT, 'rebuilt'); END")
    write_csv(tmp_path / "green.csv", [["Factory name", "Country"], ["Delta Shoes", "Vietnam"]])
    import_file(sites_store, tmp_path / "green.csv", ImportOptions(member="Green Co"), who="t")
    ensure_site_profiles(sites_store)  # would raise if it rebuilt anything
    assert list(sites_store.conn.execute("SELECT * FROM site_profiles ORDER BY site_id")) == before

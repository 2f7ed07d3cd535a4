"""The EcoVadis list: imported in any layout, matched to the right sites with the matching
engine, replaced by the next list, shared without anything member-related."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from aimdesk.core.ecovadis import (ECOVADIS_COLUMNS, ecovadis_candidates, ecovadis_entries, ecovadis_lists,
                                   ecovadis_rows, ecovadis_site_ids, import_ecovadis, parse_ecovadis_overrides,
                                   rematch_ecovadis)
from aimdesk.core.errors import InputFileError, MappingError
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.run import AUTO_SETTING, run_matching
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.members import list_members
from aimdesk.core.store.settings import set_setting
from aimdesk.core.store.sites import SiteRow, fetch_sites, site_ids
from aimdesk.core.store.workspace import Store
from tests.conftest import standard_list, write_csv, write_xlsx
from tests.core.demo_workspaces import demo, matched_demo  # noqa: F401 - the shared fixtures

AS_OF = dt.date(2026, 11, 1)
NOW = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)


def distinct_sites(store: Store, count: int, *, offset: int = 0) -> list[SiteRow]:
    """Sites whose name no other site shares in its country (so the right answer is
    clear), in Latin letters, with a city, spread over the workspace."""
    sites = fetch_sites(store, site_ids(store))
    names = Counter((s.country, s.site_name.casefold()) for s in sites.values())
    usable = sorted((s for s in sites.values() if s.site_name.isascii() and s.city and s.country
                     and names[(s.country, s.site_name.casefold())] == 1), key=lambda s: s.id)
    step = max(len(usable) // (count + offset + 1), 1)
    return usable[offset * step::step][:count]


def first_layout(path: Path, sites: list[SiteRow], *, sedex_every: int = 3, suffix: str = "") -> Path:
    """An xlsx with a title above the header and plain column names."""
    rows: list[list[object]] = [["Company Name", "City", "Country", "Assessment year", "DUNS", "Sedex ZS"]]
    for index, site in enumerate(sites):
        rows.append([site.site_name + suffix, site.city, country_name(site.country), 2025, "12-345-6789",
                     site.sedex_id if index % sedex_every == 0 else ""])
    rows.append(["Nowhere Gadgets GmbH", "Köln", "Germany", 2024, "", ""])
    return write_xlsx(path, rows, sheet="Rated suppliers",
                      above=[["EcoVadis: suppliers with a published scorecard"], []])


def second_layout(path: Path, sites: list[SiteRow]) -> Path:
    """A semicolon csv with other names for the columns, ISO codes, dates, upper case."""
    rows: list[list[object]] = [["Supplier", "Country code", "Scorecard date", "D-U-N-S", "Website"]]
    for site in sites:
        rows.append([site.site_name.upper(), site.country, dt.date(2024, 3, 15), "", "https://www.example.com/en"])
    rows.append(["Atlantis Widgets", "DE", dt.date(2025, 1, 2), "", ""])
    return write_csv(path, rows, delimiter=";")


def test_a_list_with_a_title_and_plain_columns_is_matched_to_its_sites(demo: Store, tmp_path: Path) -> None:
    sites = distinct_sites(demo, 6)
    result = import_ecovadis(demo, first_layout(tmp_path / "ecovadis.xlsx", sites), who="ana", as_of=AS_OF,
                             now=lambda: NOW)
    assert (result.entries, result.sheet, result.header_row) == (7, "Rated suppliers", 3)
    assert result.mapping == {"company": "Company Name", "country": "Country", "year": "Assessment year",
                              "city": "City", "duns": "DUNS", "sedex_id": "Sedex ZS"}
    entries = ecovadis_entries(demo)
    assert [e.company for e in entries] == [s.site_name for s in sites] + ["Nowhere Gadgets GmbH"]
    for entry, site in zip(entries, sites):
        assert entry.site_id == site.id and entry.site_public_id == site.public_id
        assert entry.status in ("matched", "possible") and entry.score > 0.2
        assert (entry.country, entry.year, entry.identifiers["duns"]) == (site.country, 2025, "123456789")
    with_sedex = [e for e, s in zip(entries, sites) if s.sedex_id and "sedex_id" in e.identifiers]
    assert with_sedex and all(e.status == "matched" and e.score == 1.0 and e.basis == "sedex" for e in with_sedex)
    assert {e.basis for e in entries if e.status == "matched"} <= {"sedex", "name", "name and city"}
    nowhere = entries[-1]
    assert (nowhere.status, nowhere.site_id, nowhere.site_public_id, nowhere.country) == ("unmatched", None, "", "DE")
    assert result.matched + result.possible + result.unmatched == 7 and result.unmatched == 1
    assert ecovadis_site_ids(demo) == {e.site_id for e in entries if e.status == "matched"}


def test_the_workspace_auto_threshold_decides_when_the_names_do_not(demo: Store, tmp_path: Path) -> None:
    sites = distinct_sites(demo, 6)
    with demo.transaction():
        set_setting(demo, AUTO_SETTING, 0.5)
    path = first_layout(tmp_path / "ecovadis.xlsx", sites, sedex_every=100, suffix=" Holding")
    import_ecovadis(demo, path, who="ana", as_of=AS_OF)
    entries = ecovadis_entries(demo)[:-1]
    assert [(e.status, e.basis) for e in entries] == [("matched", "score")] * 6
    assert ecovadis_site_ids(demo) == {s.id for s in sites}
    with demo.transaction():
        set_setting(demo, AUTO_SETTING, 0.9999)
    rematch_ecovadis(demo, who="ana")
    assert {e.status for e in ecovadis_entries(demo)[:-1]} == {"possible"}
    assert ecovadis_site_ids(demo) == set()


def test_a_company_with_a_sites_whole_name_is_matched_whatever_the_threshold(demo: Store, tmp_path: Path) -> None:
    sites = distinct_sites(demo, 6)
    with demo.transaction():
        set_setting(demo, AUTO_SETTING, 0.9999)
    rows: list[list[object]] = [["Company", "Country", "Year"]]
    rows += [[site.site_name.upper(), country_name(site.country), 2025] for site in sites]
    import_ecovadis(demo, write_xlsx(tmp_path / "ev.xlsx", rows), who="ana", as_of=AS_OF)
    entries = ecovadis_entries(demo)
    assert [(e.status, e.basis, e.site_id) for e in entries] == [("matched", "name", s.id) for s in sites]
    assert all(0.2 < e.score < 0.9999 for e in entries)  # the model alone would not have matched them
    assert all(c.band == "auto" for e in entries for c in ecovadis_candidates(demo, e.id)[:1])


def test_a_list_in_another_layout_replaces_the_one_in_force(demo: Store, tmp_path: Path) -> None:
    first = import_ecovadis(demo, first_layout(tmp_path / "ecovadis.xlsx", distinct_sites(demo, 4)), who="ana",
                            as_of=AS_OF)
    sites = distinct_sites(demo, 5, offset=2)
    second = import_ecovadis(demo, second_layout(tmp_path / "EV export.csv", sites), who="ben", as_of=AS_OF)
    assert second.replaced == (first.list_id,)
    assert second.mapping == {"company": "Supplier", "country": "Country code", "year": "Scorecard date",
                              "duns": "D-U-N-S", "website": "Website"}
    entries = ecovadis_entries(demo)
    assert [e.company for e in entries] == [s.site_name.upper() for s in sites] + ["Atlantis Widgets"]
    assert [e.site_id for e in entries] == [s.id for s in sites] + [None]
    assert {e.year for e in entries} == {2024, 2025}
    assert entries[0].identifiers == {"website": "example.com"}
    history = ecovadis_lists(demo)
    assert [(h.id, h.status) for h in history] == [(second.list_id, "active"), (first.list_id, "superseded")]
    assert [a.action for a in list_activity(demo)][:2] == ["import ecovadis", "import ecovadis"]


def test_a_sedex_site_id_equal_to_a_sites_is_a_match_whatever_the_name(demo: Store, tmp_path: Path) -> None:
    site = next(s for s in distinct_sites(demo, 40) if s.sedex_id.startswith("ZS"))
    path = write_xlsx(tmp_path / "ev.xlsx", [["Company", "Country", "Sedex site reference"],
                                               ["Holding Name Quite Different", "Germany", site.sedex_id]])
    result = import_ecovadis(demo, path, who="ana", as_of=AS_OF)
    [entry] = ecovadis_entries(demo)
    assert (entry.status, entry.site_id, entry.score, result.matched) == ("matched", site.id, 1.0, 1)
    [candidate] = ecovadis_candidates(demo, entry.id)
    assert candidate.band == "auto"
    assert any(part["label"] == "Sedex id" and part["level"] == "same site id" for part in candidate.explanation)
    assert not any(part["field"] == "member" for part in candidate.explanation)


def test_two_plants_with_one_name_are_left_for_a_person(store: Store, tmp_path: Path) -> None:
    header = ["Factory name", "Address", "City", "Country", "Audit date", "Audit type"]
    for member, road in (("Acme Foods", "Xinhua Road"), ("Brio Retail", "Xinhua Rd.")):
        rows = [header] + [["Golden Star Textiles Co., Ltd.", f"No. {n} {road}", city, "China",
                            dt.date(2025, 3, 1), "SMETA 4P"] for n, city in ((12, "Dongguan"), (88, "Ningbo"))]
        import_file(store, write_xlsx(tmp_path / f"{member}.xlsx", rows), ImportOptions(member=member), who="t")
    run_matching(store, who="t")
    with store.transaction():
        set_setting(store, AUTO_SETTING, 0.3)
    path = write_xlsx(tmp_path / "ev.xlsx", [["Company", "Country", "Year"], ["Golden Star Textiles", "CN", 2025]])
    import_ecovadis(store, path, who="ana", as_of=AS_OF)
    [entry] = ecovadis_entries(store)
    candidates = ecovadis_candidates(store, entry.id)
    assert (entry.status, entry.basis) == ("possible", "") and len(candidates) == 2
    assert {c.band for c in candidates} == {"review"} and ecovadis_site_ids(store) == set()
    with_city = write_xlsx(tmp_path / "ev2.xlsx", [["Company", "City", "Country"],
                                                  ["Golden Star Textiles", "Ningbo", "CN"]])
    import_ecovadis(store, with_city, who="ana", as_of=AS_OF)
    [entry] = ecovadis_entries(store)
    assert (entry.status, entry.basis) == ("matched", "name and city")
    assert entry.site_id in ecovadis_site_ids(store)
    assert any(part["level"] == "same city" for part in ecovadis_candidates(store, entry.id)[0].explanation)
    elsewhere = write_xlsx(tmp_path / "ev3.xlsx", [["Company", "City", "Country"],
                                                  ["Golden Star Textiles", "Shanghai", "CN"]])
    import_ecovadis(store, elsewhere, who="ana", as_of=AS_OF)
    assert ecovadis_entries(store)[0].status == "possible"  # a city that is neither plant's settles nothing


def test_doubtful_rows_are_reported_and_identifiers_kept(store: Store, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Supplier name", "Country", "Evaluation date", "DUNS number", "Sedex ID", "EcoVadis ID"],
        ["Alpha Foods", "Atlantis", "2024", "1234", "ZC: 000234567", "EV-991"],
        ["Beta Textiles", "Viet Nam", "1985", "", "12345678", ""],
        ["", "France", "2024", "", "", ""],
        ["Gamma Paper", "fr", "Sept 2023", "", "", ""],
        ["Alpha Foods", "Atlantis", "2024", "", "", ""],
        ["Source: EcoVadis network export, October 2026"],
    ]
    result = import_ecovadis(store, write_xlsx(tmp_path / "ev.xlsx", rows), who="ana", as_of=AS_OF)
    assert result.entries == 3 and result.unmatched == 3
    problems = " | ".join(result.problems)
    for expected in ("Row 2: 'Atlantis' is not a country", "Row 3: the assessment year 1985 is not between 2000",
                     "Row 4 has no company name", "Row 6 repeats row 2", "DUNS '1234' is not nine digits",
                     "Sedex id '12345678': digits only", "run matching"):
        assert expected in problems
    alpha, beta, gamma = ecovadis_entries(store)
    assert alpha.country is None and alpha.identifiers == {"duns": "1234", "sedex_id": "ZC000234567",
                                                           "ecovadis_id": "EV-991"}
    assert (beta.country, beta.year, beta.identifiers) == ("VN", None, {"sedex_id_as_written": "12345678"})
    assert (gamma.country, gamma.year) == ("FR", 2023)


def test_map_takes_columns_whose_names_say_nothing(store: Store, tmp_path: Path) -> None:
    rows: list[list[object]] = [["Col 1", "Col 2", "Col 3"], ["Alpha Foods", "Spain", "2024"],
                                ["Beta Textiles", "Portugal", "2025"]]
    path = write_xlsx(tmp_path / "ev.xlsx", rows)
    with pytest.raises(InputFileError, match="--map company=HEADER"):
        import_ecovadis(store, path, who="ana", as_of=AS_OF)
    mapping = parse_ecovadis_overrides(["company=Col 1", "country=B", "year=Col 3"])
    result = import_ecovadis(store, path, who="ana", as_of=AS_OF, mapping=mapping)
    assert result.mapping == {"company": "Col 1", "country": "Col 2", "year": "Col 3"}
    assert [(e.company, e.country, e.year) for e in ecovadis_entries(store)] == [
        ("Alpha Foods", "ES", 2024), ("Beta Textiles", "PT", 2025)]
    with pytest.raises(MappingError, match="the fields are company, country"):
        parse_ecovadis_overrides(["supplier=Col 1"])
    with pytest.raises(MappingError, match="has no column 'Name'"):
        import_ecovadis(store, path, who="ana", as_of=AS_OF, mapping={"company": "Name", "country": "Col 2"})


def test_a_list_without_company_names_is_refused_and_nothing_kept(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ev.xlsx", [["Country", "Assessment year", "DUNS"], ["Spain", 2024, ""]])
    with pytest.raises(InputFileError, match="company"):
        import_ecovadis(store, path, who="ana", as_of=AS_OF)
    assert ecovadis_lists(store) == [] and ecovadis_entries(store) == []


def test_the_shared_rows_name_no_member(demo: Store, tmp_path: Path) -> None:
    sites = distinct_sites(demo, 6)
    import_ecovadis(demo, first_layout(tmp_path / "ecovadis.xlsx", sites), who="ana", as_of=AS_OF)
    rows = ecovadis_rows(demo)
    assert len(rows) == 7 and all(tuple(row) == ECOVADIS_COLUMNS for row in rows)
    assert rows == sorted(rows, key=lambda r: (r["Country"], r["Company"].casefold()))
    matched = {e.site_public_id for e in ecovadis_entries(demo) if e.status == "matched"}
    assert {r["Site id"] for r in rows} - {""} == matched
    text = repr(rows).casefold()
    for member in list_members(demo):
        assert member.name.casefold() not in text
    only = next(iter(matched))
    assert {r["Site id"] for r in ecovadis_rows(demo, listed_sites={only})} == {only, ""}


def test_an_import_before_any_matching_keeps_the_list_unmatched(store: Store, tmp_path: Path) -> None:
    import_file(store, standard_list(tmp_path / "acme.xlsx"), ImportOptions(member="Acme Foods"), who="t")
    path = write_xlsx(tmp_path / "ev.xlsx", [["Company", "Country"], ["Dongguan Xinhua Garment", "China"]])
    result = import_ecovadis(store, path, who="ana", as_of=AS_OF)
    assert (result.entries, result.unmatched) == (1, 1)
    assert "aimdesk ecovadis match" in result.problems[-1]
    run_matching(store, who="t")
    again = rematch_ecovadis(store, who="ana")
    assert again.matched + again.possible == 1
    assert ecovadis_entries(store)[0].site_id is not None


def test_the_sheet_with_the_list_is_found_among_others(store: Store, tmp_path: Path) -> None:
    notes = [["About this export"], ["Generated by the EcoVadis platform"], ["Medal", "Meaning"], ["Gold", "Top 5 %"]]
    rows: list[list[object]] = [["Nom de l'entreprise", "Pays", "Année"], ["Alpha Foods", "Espagne", 2024],
                                ["Beta Textiles", "Portugal", 2025]]
    path = write_xlsx(tmp_path / "ev.xlsx", rows, sheet="Fournisseurs", above=[["Export"], [], [], []],
                      extra_sheets={"Notes": notes})
    result = import_ecovadis(store, path, who="ana", as_of=AS_OF)
    assert (result.sheet, result.header_row, result.entries) == ("Fournisseurs", 5, 2)
    assert [(e.company, e.country, e.year, e.row_number) for e in ecovadis_entries(store)] == [
        ("Alpha Foods", "ES", 2024, 6), ("Beta Textiles", "PT", 2025, 7)]
    again = import_ecovadis(store, path, who="ana", as_of=AS_OF, sheet="fournisseurs", header_row=5)
    assert (again.sheet, again.header_row, again.entries) == ("Fournisseurs", 5, 2)
    with pytest.raises(InputFileError, match="has no sheet 'Other'"):
        import_ecovadis(store, path, who="ana", as_of=AS_OF, sheet="Other")

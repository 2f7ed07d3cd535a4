"""The planned-audit check: a member's planned list in its own layout finds the audited
sites of the common list, writes candidates and request texts, and leaves the workspace
exactly as it was."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.core.benchmark.eligibility import eligible_member_ids
from aimdesk.core.errors import MappingError
from aimdesk.core.export.planned_check import (CANDIDATES_SHEET, NO_SITE_FOUND, README_SHEET, REQUESTS_SHEET,
                                               check_planned, request_text, write_planned_check)
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.ingest.dates import years_before
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.store.members import list_members
from aimdesk.core.store.sites import SiteRow, fetch_sites, site_ids
from aimdesk.core.store.workspace import Store
from tests.conftest import write_csv, write_xlsx
from tests.core.demo_workspaces import demo, matched_demo  # noqa: F401 - the shared fixtures

AS_OF = dt.date(2026, 11, 1)
MEMBER = "Northbrook Foods plc"
TABLES = ("records", "raw_rows", "imports", "members", "findings", "sites", "record_sites", "pairs", "activity",
          "match_runs", "settings", "site_profiles", "match_keys")


def listed_sites(store: Store) -> dict[int, SiteRow]:
    """The sites of the common list, worked out here from the rule (an audit inside the
    three years before AS_OF by a member eligible for audits; for virtual assessments, by
    one eligible for those), each as its latest such record shows it."""
    eligible, virtual = eligible_member_ids(store, "audit"), eligible_member_ids(store, "virtual")
    rows = store.conn.execute(
        "SELECT rs.site_id, r.member_id, r.audit_type, s.public_id, r.site_name, r.address, r.city, r.country "
        "FROM active_records r JOIN record_sites rs ON rs.record_id = r.id JOIN sites s ON s.id = rs.site_id "
        "WHERE r.audit_date BETWEEN ? AND ? ORDER BY r.audit_date, r.id",
        (years_before(AS_OF, 3).isoformat(), AS_OF.isoformat()))
    return {site: SiteRow(site, public_id, name, address or "", city or "", "", "", country or "", "", 0, 0, "", "")
            for site, member, scheme, public_id, name, address, city, country in rows
            if member in (virtual if scheme == "SVA" else eligible)}


def listed_site_ids(store: Store) -> set[int]:
    return set(listed_sites(store))


def plain_sites(store: Store, *, listed: bool = True) -> list[SiteRow]:
    """Sites of the common list (or, with `listed` False, left out of it) with a Latin name
    no other site shares in its country, with a city and an address."""
    shown = listed_sites(store)
    sites = shown if listed else {i: s for i, s in fetch_sites(store, site_ids(store)).items() if i not in shown}
    names = Counter((s.country, s.site_name.casefold()) for s in sites.values())
    return sorted((s for s in sites.values() if s.site_name.isascii() and s.city and s.address
                   and names[(s.country, s.site_name.casefold())] == 1), key=lambda s: s.id)


def counts(store: Store) -> dict[str, int]:
    return {table: store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def planned_list(path: Path, sites: list[SiteRow], *, extra: list[list[object]] = ()) -> Path:  # type: ignore[assignment]
    """A planned list in a layout of its own: German headers, a title, semicolons, names in
    lower case."""
    rows: list[list[object]] = [["Geplante Audits 2027"], [],
                                ["Lieferant", "Straße", "Ort", "Land", "Geplant für"]]
    rows += [[s.site_name.lower(), s.address, s.city, country_name(s.country), "Q1 2027"] for s in sites]
    rows += [list(row) for row in extra]
    return write_csv(path, rows, delimiter=";")


def test_the_planned_suppliers_find_their_audited_sites(demo: Store, tmp_path: Path) -> None:
    listed = listed_site_ids(demo)
    audited = plain_sites(demo)[::12][:6]
    outside = plain_sites(demo, listed=False)[0]
    path = planned_list(tmp_path / "planned.csv", [*audited, outside],
                        extra=[["Nowhere Gadgets GmbH", "Hauptstraße 1", "Köln", "Deutschland", "Q2 2027"]])
    before = counts(demo)
    changes = demo.conn.total_changes
    check = check_planned(demo, path, member=MEMBER, as_of=AS_OF)
    assert demo.conn.total_changes == changes and counts(demo) == before
    assert check.sites_listed == len(listed) and check.member == MEMBER and check.as_of == AS_OF
    assert [row.row_number for row in check.rows] == list(range(4, 4 + len(audited) + 2))
    for row, site in zip(check.rows, audited):
        assert row.name == site.site_name.lower() and row.country == site.country
        assert row.candidates and row.candidates[0].site_public_id == site.public_id
        best = row.candidates[0]
        assert best.score >= 0.2 and best.latest_audit_month[:2] == "20" and len(best.latest_audit_month) == 7
        assert best.schemes and "Site name" in best.explanation_words
        assert [c.score for c in row.candidates] == sorted((c.score for c in row.candidates), reverse=True)
        assert len(row.candidates) <= 3
    assert outside.public_id not in {c.site_public_id for c in check.rows[-2].candidates}
    assert check.rows[-1].candidates == []
    assert check.with_candidates == len(audited) + bool(check.rows[-2].candidates)


def test_a_member_not_in_the_workspace_may_check_a_list(demo: Store, tmp_path: Path) -> None:
    site = plain_sites(demo)[0]
    check = check_planned(demo, planned_list(tmp_path / "p.csv", [site]), member="Newcomer Brands Ltd", as_of=AS_OF)
    assert check.rows[0].candidates[0].site_public_id == site.public_id
    assert not any(m.name == "Newcomer Brands Ltd" for m in list_members(demo))


def test_the_check_file_holds_candidates_requests_and_a_read_me(demo: Store, tmp_path: Path) -> None:
    audited = plain_sites(demo)[5:8]
    path = planned_list(tmp_path / "planned.csv", audited,
                        extra=[["=HYPERLINK(\"http://x\")", "1 Main St", "Leeds", "UK", "Q3 2027"]])
    check = check_planned(demo, path, member=MEMBER, as_of=AS_OF)
    out = tmp_path / "check.xlsx"
    write_planned_check(check, out)
    book = load_workbook(out)
    assert book.sheetnames == [CANDIDATES_SHEET, REQUESTS_SHEET, README_SHEET]
    rows = list(book[CANDIDATES_SHEET].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:7] == ("Row", "Planned supplier", "Address", "City", "Country", "Candidate", "Site id")
    assert len(body) == sum(max(len(r.candidates), 1) for r in check.rows)
    first = next(r for r in body if r[1] == audited[0].site_name.lower())
    assert first[5].startswith("1 of ") and first[6] == audited[0].public_id and 0 < first[10] <= 100
    last = body[-1]
    assert last[1] == "=HYPERLINK(\"http://x\")" and last[5] == NO_SITE_FOUND
    assert book[CANDIDATES_SHEET].cell(row=len(body) + 1, column=2).data_type == "s"
    requests = list(book[REQUESTS_SHEET].iter_rows(values_only=True))[1:]
    assert len(requests) == check.with_candidates == len(audited)
    for request, row in zip(requests, check.rows):
        best = row.candidates[0]
        assert request[3] == best.site_public_id
        text = str(request[4])
        assert text == request_text(row, member=MEMBER)
        assert text.startswith(f"Dear {row.name},") and best.latest_audit_month in text
        assert best.site_name in text and "share that audit report" in text and text.endswith(MEMBER)
        assert ("through Sedex" in text) == any(s in best.schemes for s in ("SMETA", "SVA"))
    readme = " ".join(str(r[0]) for r in book[README_SHEET].iter_rows(values_only=True) if r[0])
    assert "not added to the pooled data" in readme and AS_OF.isoformat() in readme
    others = [m.name for m in list_members(demo) if m.name != MEMBER]
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            part = archive.read(name).decode("utf-8", "replace").casefold()
            for member in others:
                assert member.casefold() not in part, f"{member} in {name}"


def test_a_planned_list_with_unusual_headers_is_read_with_the_mapping(demo: Store, tmp_path: Path) -> None:
    site = plain_sites(demo)[1]
    path = write_xlsx(tmp_path / "plan.xlsx", [["Col A", "Col B", "Col C"],
                                               [site.site_name, site.city, site.country],
                                               ["Other Co", "Leeds", "GB"]])
    with pytest.raises(MappingError, match="site name"):
        check_planned(demo, path, member=MEMBER, as_of=AS_OF)
    options = ImportOptions(member="ignored", mapping={"site_name": "Col A", "city": "Col B", "country": "C"})
    check = check_planned(demo, path, member=MEMBER, options=options, as_of=AS_OF)
    assert check.member == MEMBER
    assert check.rows[0].candidates[0].site_public_id == site.public_id


def test_sites_of_members_not_eligible_are_no_candidates(demo: Store, tmp_path: Path) -> None:
    outside = plain_sites(demo, listed=False)[:5]
    check = check_planned(demo, planned_list(tmp_path / "p.csv", outside), member=MEMBER, as_of=AS_OF)
    shown = {c.site_public_id for row in check.rows for c in row.candidates}
    assert not shown & {s.public_id for s in outside}

"""The company-level rule that matches the EcoVadis list, measured on the demo's truth, and
a person's confirmation or rejection of a match, kept for the next lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aimdesk.core.ecovadis import (confirm_ecovadis_match, ecovadis_candidates, ecovadis_entries, ecovadis_rows,
                                   ecovadis_site_ids, import_ecovadis, rematch_ecovadis, reject_ecovadis_match)
from aimdesk.core.ecovadis_match import whole_names_agree
from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.features import site_records
from aimdesk.core.matching.run import AUTO_SETTING, run_matching
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.matching import MatchInput
from aimdesk.core.store.settings import set_setting
from aimdesk.core.store.sites import site_by_public_id
from aimdesk.core.store.workspace import Store
from benchmarks.bench_ecovadis import demo_universe, ecovadis_list_from_truth, evaluate, record_truth, write_list
from tests.conftest import write_xlsx
from tests.core.demo_workspaces import DEMO_SCALE, demo, matched_demo  # noqa: F401 - the shared fixtures

AS_OF = dt.date(2026, 11, 1)
NOW = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)
HEADER = ["Factory name", "Address", "City", "Country", "Audit date", "Audit type"]


def sites_of(store: Store, tmp_path: Path, rows: list[list[object]]) -> None:
    """The same sites sent by two members (one writes "Rd."), then matched."""
    for member, road in (("Acme Foods", "Road"), ("Brio Retail", "Rd.")):
        written = [[row[0], str(row[1]).replace("Road", road), *row[2:]] for row in rows]
        import_file(store, write_xlsx(tmp_path / f"{member}.xlsx", [HEADER] + written),
                    ImportOptions(member=member), who="t")
    run_matching(store, who="t")


def ecovadis_list(store: Store, path: Path, rows: list[list[object]]) -> None:
    import_ecovadis(store, write_xlsx(path, [["Company", "City", "Country", "Year"]] + rows), who="ana",
                    as_of=AS_OF, now=lambda: NOW)


def site_named(store: Store, name: str, city: str) -> int:
    row = store.conn.execute(
        "SELECT rs.site_id FROM records r JOIN record_sites rs ON rs.record_id = r.id "
        "WHERE r.site_name = ? AND r.city = ? LIMIT 1", (name, city)).fetchone()
    return int(row[0])


GOLDEN_STAR: list[list[object]] = [
    ["Golden Star Textiles Co., Ltd.", "No. 12 Xinhua Road", "Ningbo", "China", dt.date(2025, 3, 1), "SMETA"],
    ["Golden Star Knitting Co., Ltd.", "No. 8 Dongcheng Road", "Dongguan", "China", dt.date(2025, 3, 1), "SMETA"]]


def test_the_rule_on_the_demo_matches_only_right_sites_and_most_companies(demo: Store, matched_demo: Path,
                                                                           tmp_path: Path) -> None:
    truth = record_truth(demo, matched_demo.parent)
    universe = demo_universe(scale=DEMO_SCALE)
    rows = ecovadis_list_from_truth(demo, truth, universe, companies=60, absent=10, namesakes=10, seed=3)
    import_ecovadis(demo, write_list(tmp_path / "ev.xlsx", rows), who="bench", as_of=AS_OF)
    outcome = evaluate(demo, rows, truth, {site.site_id: site.company_id for site in universe})
    matched = outcome.status["matched"]
    assert outcome.matched_right == matched >= 0.8 * outcome.present
    assert outcome.matched_absent == outcome.matched_namesake == outcome.unmatched_present == 0
    assert outcome.possible_right_listed == outcome.status["possible"] - outcome.possible_absent \
        - outcome.possible_namesake


def test_whole_names_agree_on_every_word_not_only_the_distinctive_ones() -> None:
    records, _ = site_records([MatchInput(n, 1, name, "", "", "", "", country, "", None) for n, (name, country) in
                               enumerate([("Rahman Knitwear Ltd.", "BD"), ("RAHMAN KNITWEAR", "BD"),
                                          ("Rahman Denim (Pvt.) Ltd.", "BD"), ("Sunshine Plastic Toys Fty", "CN"),
                                          ("Sunshine Plastic Toys Factory", "CN"), ("顺强箱包有限公司", "CN"),
                                          ("Shunqiang Bags Co., Ltd.", "CN")], start=1)])
    assert whole_names_agree(records[1], records[2])
    assert not whole_names_agree(records[1], records[3])
    assert whole_names_agree(records[4], records[5])
    assert whole_names_agree(records[6], records[7])


def test_a_namesake_with_the_brand_but_another_trade_is_not_matched(demo: Store, matched_demo: Path,
                                                                    tmp_path: Path) -> None:
    truth = record_truth(demo, matched_demo.parent)
    rows = ecovadis_list_from_truth(demo, truth, demo_universe(scale=DEMO_SCALE), companies=0, absent=0,
                                    namesakes=20, seed=5)
    import_ecovadis(demo, write_list(tmp_path / "ev.xlsx", rows), who="ana", as_of=AS_OF)
    entries = ecovadis_entries(demo)
    assert len(entries) >= 10 and not [e.company for e in entries if e.status == "matched"]
    proposed = [(e.company, c.explanation) for e in entries if e.status == "possible"
                for c in ecovadis_candidates(demo, e.id)[:1]]
    assert proposed  # the sites with the brand are proposed, to a person, at the "same" name level
    assert any(part["field"] == "name" and part["level"] == "same" for _, explanation in proposed
               for part in explanation)


def test_rules_pointing_at_different_sites_leave_it_to_a_person(store: Store, tmp_path: Path) -> None:
    sites_of(store, tmp_path, GOLDEN_STAR)
    with store.transaction():
        set_setting(store, AUTO_SETTING, 0.5)
    ecovadis_list(store, tmp_path / "ev.xlsx", [["Golden Star Textiles", "Dongguan", "CN", 2025]])
    [entry] = ecovadis_entries(store)
    candidates = ecovadis_candidates(store, entry.id)
    assert entry.status == "possible" and {c.band for c in candidates} == {"review"}
    assert {c.site_id for c in candidates} == {site_named(store, "Golden Star Textiles Co., Ltd.", "Ningbo"),
                                               site_named(store, "Golden Star Knitting Co., Ltd.", "Dongguan")}


def test_a_confirmed_match_holds_for_the_next_lists(store: Store, tmp_path: Path) -> None:
    plants = [[GOLDEN_STAR[0][0], f"No. {n} Xinhua Road", city, "China", dt.date(2025, 3, 1), "SMETA"]
              for n, city in ((12, "Dongguan"), (88, "Ningbo"))]
    sites_of(store, tmp_path, plants)
    ecovadis_list(store, tmp_path / "ev.xlsx", [["Golden Star Textiles", "", "China", 2025],
                                                 ["Nowhere Gadgets GmbH", "", "Germany", 2024]])
    entry, nowhere = ecovadis_entries(store)
    assert entry.status == "possible" and ecovadis_site_ids(store) == set()
    ningbo = site_named(store, GOLDEN_STAR[0][0], "Ningbo")
    confirmed = confirm_ecovadis_match(store, entry.id, ningbo, who="carla", now=lambda: NOW)
    assert (confirmed.status, confirmed.basis, confirmed.decided_by, confirmed.site_id) == (
        "matched", "person", "carla", ningbo)
    assert confirmed.score == next(c.score for c in ecovadis_candidates(store, entry.id) if c.site_id == ningbo)
    assert ecovadis_site_ids(store) == {ningbo}
    assert any(row["Site id"] == confirmed.site_public_id for row in ecovadis_rows(store))
    logged = list_activity(store)[0]
    assert (logged.action, logged.who, logged.detail["site"], logged.detail["company"]) == (
        "confirm ecovadis match", "carla", confirmed.site_public_id, "Golden Star Textiles")
    assert rematch_ecovadis(store, who="ana").matched == 1
    result = import_ecovadis(store, write_xlsx(tmp_path / "next.xlsx", [
        ["Supplier", "Country"], ["GOLDEN STAR TEXTILES.", "CN"], ["Golden Star Textiles", "VN"]]), who="ana",
        as_of=AS_OF)
    again, other_country = ecovadis_entries(store)
    assert (again.status, again.basis, again.site_id, again.decided_by) == ("matched", "person", ningbo, "carla")
    assert other_country.basis != "person"
    assert (result.matched, result.by_person) == (1, 1)
    with pytest.raises(AimDeskError, match=f"no entry #{nowhere.id} in the EcoVadis list in force"):
        confirm_ecovadis_match(store, nowhere.id, ningbo, who="carla")


def test_a_rejected_match_leaves_the_company_unmatched_until_a_site_is_confirmed(demo: Store,
                                                                                  tmp_path: Path) -> None:
    site = demo.conn.execute("SELECT r.site_name, r.country, rs.site_id FROM records r JOIN record_sites rs "
                             "ON rs.record_id = r.id WHERE r.site_name IS NOT NULL ORDER BY r.id LIMIT 1").fetchone()
    ecovadis_list(demo, tmp_path / "ev.xlsx", [[site[0], "", site[1], 2025]])
    [entry] = ecovadis_entries(demo)
    assert entry.status in ("matched", "possible") and entry.site_id == site[2]
    rejected = reject_ecovadis_match(demo, entry.id, who="dev")
    assert (rejected.status, rejected.basis, rejected.site_id, rejected.score) == ("unmatched", "person", None, 0.0)
    assert ecovadis_site_ids(demo) == set() and {r["Site id"] for r in ecovadis_rows(demo)} == {""}
    assert list_activity(demo)[0].action == "reject ecovadis match"
    assert rematch_ecovadis(demo, who="ana").unmatched == 1
    ecovadis_list(demo, tmp_path / "again.xlsx", [[site[0], "", site[1], 2026]])
    [entry] = ecovadis_entries(demo)
    assert (entry.status, entry.basis, entry.decided_by) == ("unmatched", "person", "dev")
    other = demo.conn.execute("SELECT id FROM sites WHERE retired_at IS NULL AND id <> ? LIMIT 1",
                              (site[2],)).fetchone()[0]
    chosen = confirm_ecovadis_match(demo, entry.id, other, who="dev")  # a site the engine did not propose
    assert (chosen.status, chosen.site_id, chosen.score) == ("matched", other, 0.0)
    assert ecovadis_site_ids(demo) == {other}
    with pytest.raises(AimDeskError, match="no site with the internal id 999999"):
        confirm_ecovadis_match(demo, entry.id, 999999, who="dev")
    assert site_by_public_id(demo, chosen.site_public_id) == other

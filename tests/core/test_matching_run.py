"""Matching runs on a real workspace: decisions honoured, stable site ids, incremental runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.matching.decisions import decide
from aimdesk.core.matching.explain import explain_pair
from aimdesk.core.matching.queue import review_queue
from aimdesk.core.matching.run import run_matching
from aimdesk.core.store.matching import record_site_ids, site_public_ids
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from tests.conftest import write_csv

HEADER = ["Factory name", "Address", "City", "Postal code", "Country", "Sedex ID", "Audit date"]
ACME = [HEADER,
        ["Shenzhen Sunrise Garment Co., Ltd.", "No. 12 Xinhua Road", "Shenzhen", "518101", "CN", "", "2025-01-02"],
        ["Golden Star Textiles", "No. 5 Renmin Road", "Ningbo", "315000", "CN", "ZS111111", "2025-02-03"],
        ["Ege Tekstil San. ve Tic. A.Ş.", "Atatürk Cad. 45", "İzmir", "35000", "TR", "", "2025-03-04"]]
BLUE = [HEADER,
        ["SUNRISE GARMENTS (SHENZHEN) CO LTD", "#12 Xinhua Rd", "SHENZHEN", "518101", "China", "", "2025-04-05"],
        ["Golden Star Textile Co", "5 Renmin Rd", "Ningbo", "315000", "CN", "ZS 111111", "2025-05-06"],
        ["Shenzhen Sunrise Garment Co., Ltd.", "No. 88 Gongye Road", "Dongguan", "523000", "CN", "", "2025-06-07"]]
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def load(store: Store, tmp_path: Path, member: str, rows: list[list[object]], **options: object) -> None:
    path = write_csv(tmp_path / f"{member}.csv", rows)
    import_file(store, path, ImportOptions(member=member, **options), who="t", now=lambda: NOW)  # type: ignore[arg-type]


def ids_by_name(store: Store) -> dict[tuple[str, str], int]:
    return {(r.member, r.site_name): r.id for r in iter_active_records(store)}


def sites(store: Store) -> dict[int, str]:
    return site_public_ids(store)


@pytest.fixture
def matched(store: Store, tmp_path: Path) -> Store:
    load(store, tmp_path, "Acme", ACME)
    load(store, tmp_path, "Blue", BLUE)
    run_matching(store, who="t", now=lambda: NOW)
    return store


def test_spellings_of_one_site_share_a_site_id_and_other_plants_do_not(matched: Store) -> None:
    ids, site = ids_by_name(matched), sites(matched)
    assert site[ids[("Acme", "Shenzhen Sunrise Garment Co., Ltd.")]] == site[ids[("Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")]]
    assert site[ids[("Acme", "Golden Star Textiles")]] == site[ids[("Blue", "Golden Star Textile Co")]]
    assert site[ids[("Blue", "Shenzhen Sunrise Garment Co., Ltd.")]] != site[ids[("Acme", "Shenzhen Sunrise Garment Co., Ltd.")]]
    assert len(set(site.values())) == 4 and all(s.startswith("S") for s in site.values())


def test_a_rerun_keeps_every_site_id(matched: Store) -> None:
    before = sites(matched)
    run_matching(matched, full=True, who="t", now=lambda: NOW)
    assert sites(matched) == before


def test_a_different_decision_splits_a_site_and_survives_every_later_run(matched: Store) -> None:
    ids = ids_by_name(matched)
    left, right = ids[("Acme", "Golden Star Textiles")], ids[("Blue", "Golden Star Textile Co")]
    decide(matched, left, right, "different", reviewer="ana", now=lambda: NOW)
    for full in (False, True):
        run_matching(matched, full=full, who="t", now=lambda: NOW)
        assert sites(matched)[left] != sites(matched)[right]
    assert all({i.left, i.right} != {left, right} for i in review_queue(matched))


def test_a_same_decision_joins_two_sites_and_survives_every_later_run(matched: Store) -> None:
    ids = ids_by_name(matched)
    left, right = ids[("Acme", "Ege Tekstil San. ve Tic. A.Ş.")], ids[("Blue", "Shenzhen Sunrise Garment Co., Ltd.")]
    decide(matched, left, right, "same", reviewer="ana", now=lambda: NOW)
    for full in (False, True):
        run_matching(matched, full=full, who="t", now=lambda: NOW)
        assert sites(matched)[left] == sites(matched)[right]


def test_a_new_list_is_matched_incrementally_as_a_full_run_would(matched: Store, tmp_path: Path) -> None:
    load(matched, tmp_path, "Casa", [HEADER, ["Ege Tekstil Sanayi ve Ticaret Anonim Şirketi", "Atatürk Caddesi No 45",
                                              "Izmir", "35000", "Türkiye", "", "2025-07-08"]])
    report = run_matching(matched, who="t", now=lambda: NOW)
    assert not report.is_full and report.new_records == 1
    incremental = sites(matched)
    ids = ids_by_name(matched)
    assert incremental[ids[("Casa", "Ege Tekstil Sanayi ve Ticaret Anonim Şirketi")]] == \
        incremental[ids[("Acme", "Ege Tekstil San. ve Tic. A.Ş.")]]
    run_matching(matched, full=True, who="t", now=lambda: NOW)
    assert sites(matched) == incremental


def test_a_replaced_list_keeps_the_ids_of_sites_still_listed(matched: Store, tmp_path: Path) -> None:
    """Even a site only this member lists (Sunrise has a twin in Blue's list, but the
    replacing record must still land in the same site as before)."""
    before = sites(matched)
    ids = ids_by_name(matched)
    golden = before[ids[("Acme", "Golden Star Textiles")]]
    path = write_csv(tmp_path / "acme-v2.csv", ACME[:3])
    import_file(matched, path, ImportOptions(member="Acme", replace=True), who="t", now=lambda: NOW)
    run_matching(matched, who="t", now=lambda: NOW)
    after, new_ids = sites(matched), ids_by_name(matched)
    assert after[new_ids[("Acme", "Golden Star Textiles")]] == golden
    sunrise = before[ids[("Acme", "Shenzhen Sunrise Garment Co., Ltd.")]]
    assert after[new_ids[("Acme", "Shenzhen Sunrise Garment Co., Ltd.")]] == sunrise
    assert len(record_site_ids(matched)) == 5  # the dropped record left its site


def test_explain_gives_every_field(matched: Store) -> None:
    ids = ids_by_name(matched)
    score = explain_pair(matched, ids[("Acme", "Golden Star Textiles")], ids[("Blue", "Golden Star Textile Co")])
    assert [c.field for c in score.contributions] == ["sedex", "name", "location", "country", "member"]
    assert score.probability > 0.95


def test_explain_before_any_run_says_what_to_do(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fresh.aimdesk", create=True) as fresh:
        with pytest.raises(AimDeskError, match="run matching first"):
            explain_pair(fresh, 1, 2)


def test_a_site_is_shown_with_its_most_recently_audited_record(matched: Store) -> None:
    from aimdesk.core.store.sites import fetch_sites, site_ids

    summaries = {s.site_name: s for s in fetch_sites(matched, site_ids(matched)).values()}
    golden = summaries["Golden Star Textile Co"]  # Blue's record, audited after Acme's
    assert (golden.records, golden.members, golden.country) == (2, 2, "CN")
    assert len(summaries) == 4


def test_a_model_saved_by_an_older_version_starts_a_full_run(matched: Store) -> None:
    with matched.transaction():
        matched.conn.execute("UPDATE match_runs SET model_json = json_set(model_json, '$.fields', json('[\"name\"]'))")
    report = run_matching(matched, who="t", now=lambda: NOW)
    assert report.is_full


def test_cancelling_a_run_leaves_the_workspace_as_it_was(store: Store, tmp_path: Path) -> None:
    from aimdesk.core.errors import Cancelled
    from aimdesk.core.progress import CancelToken
    from tests.core.test_import import workspace_digest

    load(store, tmp_path, "Acme", ACME)
    load(store, tmp_path, "Blue", BLUE)
    before = workspace_digest(store)
    token = CancelToken()

    def progress(done: int, total: int, what: str) -> None:
        if what == "Clustering":
            token.cancel()

    with pytest.raises(Cancelled):
        run_matching(store, who="t", now=lambda: NOW, progress=progress, cancel=token)
    assert workspace_digest(store) == before


def test_decisions_on_a_replaced_list_do_not_break_the_next_run(matched: Store, tmp_path: Path) -> None:
    ids = ids_by_name(matched)
    decide(matched, ids[("Acme", "Ege Tekstil San. ve Tic. A.Ş.")], ids[("Blue", "Golden Star Textile Co")],
           "same", reviewer="ana", now=lambda: NOW)
    path = write_csv(tmp_path / "acme-v2.csv", ACME[:3])
    import_file(matched, path, ImportOptions(member="Acme", replace=True), who="t", now=lambda: NOW)
    for full in (False, True):
        run_matching(matched, full=full, who="t", now=lambda: NOW)
    with pytest.raises(AimDeskError, match="no active record"):
        decide(matched, ids[("Acme", "Ege Tekstil San. ve Tic. A.Ş.")], ids[("Blue", "Golden Star Textile Co")],
               "different", reviewer="ana", now=lambda: NOW)


def test_a_reviewers_same_beats_the_model_even_when_the_records_clearly_differ(matched: Store) -> None:
    ids = ids_by_name(matched)
    left, right = ids[("Acme", "Golden Star Textiles")], ids[("Acme", "Ege Tekstil San. ve Tic. A.Ş.")]
    decide(matched, left, right, "same", reviewer="ana", now=lambda: NOW)
    run_matching(matched, full=True, who="t", now=lambda: NOW)
    assert sites(matched)[left] == sites(matched)[right]


def test_unsure_on_a_matched_pair_changes_nothing(matched: Store) -> None:
    ids = ids_by_name(matched)
    left, right = ids[("Acme", "Golden Star Textiles")], ids[("Blue", "Golden Star Textile Co")]
    decide(matched, left, right, "unsure", reviewer="ana", now=lambda: NOW)
    run_matching(matched, full=True, who="t", now=lambda: NOW)
    assert sites(matched)[left] == sites(matched)[right]

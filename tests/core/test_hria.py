"""The HRIA register: entries checked before they are saved, changed and removed with a
trace, and shared without a word about the member; migration m008 on an older workspace."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from aimdesk.core.errors import AimDeskError
from aimdesk.core.hria import (HRIA_COLUMNS, THROUGH_SECRETARIAT, add_hria, hria_entries, hria_rows, remove_hria,
                               update_hria, validate_hria)
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.store import migrations
from aimdesk.core.store.activity import list_activity
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store
from tests.conftest import standard_list

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone.utc)


def clock() -> dt.datetime:
    return NOW


@pytest.fixture
def members(store: Store, tmp_path: Path) -> dict[str, int]:
    """Two members, through real imports."""
    ids = {}
    for name in ("Acme Foods", "Brio Retail"):
        import_file(store, standard_list(tmp_path / f"{name}.xlsx"), ImportOptions(member=name, force=True), who="t")
        member_id = find_member(store, name)
        assert member_id is not None
        ids[name] = member_id
    return ids


def test_an_entry_is_saved_with_the_country_as_its_code(store: Store, members: dict[str, int]) -> None:
    entry = add_hria(store, member_id=members["Acme Foods"], country="Côte d'Ivoire", sector="  Cocoa ",
                     scope="Smallholder farms,  child labour", year="2024", contact_note="Ask Jo (sourcing)",
                     who="ana", now=clock)
    assert (entry.country, entry.commodity_or_sector, entry.scope, entry.year) == (
        "CI", "Cocoa", "Smallholder farms, child labour", 2024)
    assert (entry.member_id, entry.contact_note, entry.created_by, entry.created_at) == (
        members["Acme Foods"], "Ask Jo (sourcing)", "ana", "2026-11-01T09:00:00+00:00")
    for country, code in (("VN", "VN"), ("Viet Nam", "VN"), ("Türkiye", "TR"), ("IND", "IN")):
        assert add_hria(store, member_id=members["Brio Retail"], country=country, sector="Garments", scope="",
                        year=2025, who="ana", now=clock).country == code
    assert len(hria_entries(store)) == 5
    assert list_activity(store)[0].action == "add hria"


@pytest.mark.parametrize(("changes", "message"), [
    ({"country": "Atlantis"}, "'Atlantis' is not a country AIMDesk knows"),
    ({"country": " "}, "Give the country"),
    ({"sector": "  "}, "Give the commodity or sector"),
    ({"year": 1999}, "between 2000 and 2027, not '1999'"),
    ({"year": 2028}, "between 2000 and 2027, not '2028'"),
    ({"year": "last year"}, "not 'last year'"),
    ({"scope": "Acme foods  tier-2 mills"}, "The scope names the member (Acme Foods)"),
    ({"member_id": 999}, "There is no member #999"),
])
def test_an_invalid_entry_is_refused_and_not_saved(store: Store, members: dict[str, int],
                                                   changes: dict[str, object], message: str) -> None:
    values: dict[str, object] = {"member_id": members["Acme Foods"], "country": "Ghana", "sector": "Cocoa",
                                 "scope": "Farms", "year": 2024, **changes}
    assert any(message in problem for problem in validate_hria(store, now=clock, **values))  # type: ignore[arg-type]
    with pytest.raises(AimDeskError, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_hria(store, who="ana", now=clock, **values)  # type: ignore[arg-type]
    assert hria_entries(store) == []


def test_the_next_year_is_allowed_for_an_assessment_being_planned(store: Store, members: dict[str, int]) -> None:
    assert validate_hria(store, member_id=members["Acme Foods"], country="GH", sector="Cocoa", scope="",
                         year=2027, now=clock) == []


def test_every_problem_is_named_in_one_sentence(store: Store, members: dict[str, int]) -> None:
    with pytest.raises(AimDeskError) as raised:
        add_hria(store, member_id=members["Acme Foods"], country="Atlantis", sector="", scope="", year=1990,
                 who="ana", now=clock)
    message = str(raised.value)
    assert message.count(".") == 1 and message.endswith(".")
    assert "Atlantis" in message and "give the commodity" in message and "1990" in message


def test_an_update_changes_only_what_is_given_and_logs_both(store: Store, members: dict[str, int]) -> None:
    entry = add_hria(store, member_id=members["Acme Foods"], country="GH", sector="Cocoa", scope="Farms",
                     year=2023, who="ana", now=clock)
    changed = update_hria(store, entry.id, year=2024, scope="Farms and cooperatives", who="ben", now=clock)
    assert (changed.country, changed.commodity_or_sector, changed.scope, changed.year, changed.member_id) == (
        "GH", "Cocoa", "Farms and cooperatives", 2024, members["Acme Foods"])
    logged = list_activity(store)[0]
    assert logged.action == "update hria" and logged.who == "ben"
    assert logged.detail["before"]["year"] == 2023 and logged.detail["after"]["year"] == 2024
    with pytest.raises(AimDeskError, match="not a country"):
        update_hria(store, entry.id, country="Narnia", who="ben", now=clock)
    with pytest.raises(AimDeskError, match="no HRIA entry #99"):
        update_hria(store, 99, year=2024, who="ben", now=clock)


def test_a_removed_entry_leaves_the_register_but_not_the_workspace(store: Store, members: dict[str, int]) -> None:
    kept = add_hria(store, member_id=members["Acme Foods"], country="GH", sector="Cocoa", scope="", year=2023,
                    who="ana", now=clock)
    gone = add_hria(store, member_id=members["Brio Retail"], country="IN", sector="Tea", scope="Estates", year=2022,
                    who="ana", now=clock)
    remove_hria(store, gone.id, who="ben", now=clock)
    assert [e.id for e in hria_entries(store)] == [kept.id]
    assert store.conn.execute("SELECT removed_by, removed_at FROM hria_entries WHERE id = ?", (gone.id,)).fetchone() == (
        "ben", "2026-11-01T09:00:00+00:00")
    assert list_activity(store)[0].action == "remove hria"
    with pytest.raises(AimDeskError, match=f"no HRIA entry #{gone.id}"):
        remove_hria(store, gone.id, who="ben", now=clock)


def test_the_shared_rows_hold_no_member_data(store: Store, members: dict[str, int]) -> None:
    add_hria(store, member_id=members["Brio Retail"], country="IN", sector="Tea", scope="Estates in Assam",
             year=2022, contact_note="Brio Retail: call Priya", who="ana", now=clock)
    add_hria(store, member_id=members["Acme Foods"], country="Ghana", sector="Cocoa", scope="Farms",
             year=2024, contact_note="Acme Foods sustainability team", who="ana", now=clock)
    rows = hria_rows(store)
    assert rows == [
        {"Country": "Ghana", "Country code": "GH", "Commodity or sector": "Cocoa", "Scope": "Farms", "Year": "2024",
         "Contact": THROUGH_SECRETARIAT},
        {"Country": "India", "Country code": "IN", "Commodity or sector": "Tea", "Scope": "Estates in Assam",
         "Year": "2022", "Contact": THROUGH_SECRETARIAT},
    ]
    assert all(tuple(row) == HRIA_COLUMNS for row in rows)
    text = repr(rows).casefold()
    assert "acme" not in text and "brio" not in text and "priya" not in text
    assert not any(str(member_id) == value for row in rows for value in row.values()
                   for member_id in members.values())


def test_m008_adds_the_ecovadis_and_hria_tables_to_a_version_3_workspace(tmp_path: Path) -> None:
    copy = tmp_path / "decided.aimdesk"
    shutil.copy(DATA / "workspace-v3.aimdesk", copy)
    with Store.open(copy) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"ecovadis_lists", "ecovadis_entries", "ecovadis_matches", "hria_entries"} <= tables
        member_id = store.conn.execute("SELECT min(id) FROM members").fetchone()[0]
        entry = add_hria(store, member_id=member_id, country="VN", sector="Garments", scope="", year=2025,
                         who="ana", now=clock)
        assert [e.id for e in hria_entries(store)] == [entry.id]
        with pytest.raises(Exception, match="FOREIGN KEY"):
            with store.transaction():
                store.conn.execute("INSERT INTO hria_entries (member_id, country, sector, year, created_at) "
                                   "VALUES (999, 'VN', 'x', 2025, 'now')")
    assert copy.with_name(f"{copy.name}.before-v{migrations.SCHEMA_VERSION}.bak").exists()

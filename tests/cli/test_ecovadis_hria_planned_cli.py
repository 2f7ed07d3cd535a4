"""`aimdesk ecovadis`, `aimdesk hria` and `aimdesk check-planned` end to end, as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.core.ingest.countries import country_name
from aimdesk.core.store.sites import fetch_sites, site_ids
from aimdesk.core.store.workspace import Store
from tests.cli.cli_run import run
from tests.cli.demo_workspaces import matched_demo, workspace  # noqa: F401 - the shared fixtures
from tests.conftest import write_csv, write_xlsx

MEMBER = "Northbrook Foods plc"


def some_sites(workspace: Path, count: int) -> list[tuple[str, str, str, str]]:
    """(public id, name, city, country) of sites with a ZS id, audited recently by several members."""
    with Store.open(workspace) as store:
        sites = fetch_sites(store, site_ids(store))
    chosen = sorted((s for s in sites.values() if s.sedex_id.startswith("ZS") and s.members >= 2
                     and s.latest_audit >= "2025" and s.site_name.isascii() and s.city), key=lambda s: s.id)
    return [(s.public_id, s.site_name, s.city, s.country) for s in chosen[:count]]


def test_ecovadis_import_prints_the_counts_and_list_shows_the_sites(workspace: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(workspace) as store:
        sites = fetch_sites(store, site_ids(store))
    zs = sorted((s for s in sites.values() if s.sedex_id.startswith("ZS")), key=lambda s: s.id)[:3]
    rows: list[list[object]] = [["Rated company", "Nation", "Year", "Sedex reference"]]
    rows += [[f"{s.site_name} Holding", country_name(s.country), 2025, s.sedex_id] for s in zs]
    rows.append(["Nowhere Gadgets GmbH", "Germany", 2024, ""])
    path = write_xlsx(tmp_path / "ecovadis.xlsx", rows)
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "import", path, "--map", "country=Nation",
                         "--as-of", "2026-11-01")
    assert (code, err) == (0, "")
    assert "Imported 4 companies from ecovadis.xlsx" in out
    assert "3 matched to a site, 0 possible (for a person to check), 1 not matched." in out
    assert 'company = "Rated company"; country = "Nation"' in out
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "list")
    assert code == 0
    for site in zs:
        assert site.public_id in out
    assert "unmatched" in out and "Nowhere Gadgets GmbH" in out
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "match")
    assert code == 0 and "3 matched to a site" in out
    second = write_csv(tmp_path / "again.csv", [["Supplier", "Country"], ["Atlantis Widgets", "DE"]])
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "import", second)
    assert code == 0 and "Replaced the EcoVadis list #1" in out


def test_ecovadis_errors_are_one_sentence(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "import", tmp_path / "missing.xlsx")
    assert code == 1 and out == "" and err.startswith("aimdesk: File ") and err.count("\n") == 1
    code, _, err = run(capsys, "--workspace", workspace, "ecovadis", "import", tmp_path / "x.xlsx", "--map", "name=A")
    assert code == 1 and "'name' is not a field of the EcoVadis list" in err
    code, _, err = run(capsys, "--workspace", workspace, "ecovadis", "match")
    assert code == 1 and "There is no EcoVadis list yet" in err
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "list")
    assert code == 0 and "No EcoVadis list yet" in out


def test_hria_add_list_remove(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--workspace", workspace, "hria", "add", "--member", MEMBER, "--country", "Ghana",
                         "--sector", "Cocoa", "--scope", "Smallholder farms", "--year", "2024",
                         "--contact", "Ask the sourcing lead")
    assert (code, err) == (0, "") and out.strip() == "Added HRIA #1: Ghana, Cocoa, 2024."
    code, out, _ = run(capsys, "--workspace", workspace, "hria", "list")
    assert code == 0 and "GH" in out and MEMBER in out and "Ask the sourcing lead" in out
    code, out, _ = run(capsys, "--workspace", workspace, "hria", "remove", "1")
    assert code == 0 and "Removed HRIA #1" in out
    code, out, _ = run(capsys, "--workspace", workspace, "hria", "list")
    assert code == 0 and "The register is empty" in out
    code, _, err = run(capsys, "--workspace", workspace, "hria", "remove", "1")
    assert code == 1 and "There is no HRIA entry #1" in err


def test_hria_add_refuses_what_is_wrong(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "hria", "add", "--member", "Nobody Ltd", "--country", "GH",
                       "--sector", "Cocoa", "--scope", "x", "--year", "2024")
    assert code == 1 and "There is no member called “Nobody Ltd”" in err
    code, _, err = run(capsys, "--workspace", workspace, "hria", "add", "--member", MEMBER, "--country", "Atlantis",
                       "--sector", "Cocoa", "--scope", "x", "--year", "1999")
    assert code == 1 and "'Atlantis' is not a country" in err and "1999" in err and err.count("\n") == 1


def test_check_planned_writes_the_candidates_and_leaves_the_workspace_alone(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sites = some_sites(workspace, 3)
    rows: list[list[object]] = [["Vendor", "Town", "Country"]]
    rows += [[name.upper(), city, country] for _, name, city, country in sites]
    rows.append(["Nowhere Gadgets GmbH", "Köln", "DE"])
    path = write_xlsx(tmp_path / "planned 2027.xlsx", rows)
    with Store.open(workspace) as store:
        before = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("records", "imports")]
    out_file = tmp_path / "check.xlsx"
    code, out, err = run(capsys, "--workspace", workspace, "check-planned", path, "--member", MEMBER,
                         "--out", out_file, "--as-of", "2026-11-01", "--map", "city=Town")
    assert (code, err) == (0, "")
    assert "Checked 4 planned suppliers of Northbrook Foods plc" in out and "3 with an audited site found" in out
    with Store.open(workspace) as store:
        after = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("records", "imports")]
    assert after == before
    book = load_workbook(out_file)
    shown = {row[6] for row in book["Candidates"].iter_rows(min_row=2, values_only=True)}
    assert {public_id for public_id, *_ in sites} <= shown
    assert len(list(book["Requests"].iter_rows(min_row=2))) == 3


def test_check_planned_refuses_bad_input_in_one_sentence(workspace: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        run(capsys, "--workspace", workspace, "check-planned", tmp_path / "p.csv", "--member", MEMBER,
            "--out", tmp_path / "out.csv")
    assert raised.value.code == 2
    code, _, err = run(capsys, "--workspace", workspace, "check-planned", tmp_path / "p.csv", "--member", MEMBER,
                       "--out", tmp_path / "nowhere" / "out.xlsx")
    assert code == 1 and "does not exist" in err
    empty = write_csv(tmp_path / "p.csv", [["Colour", "Size", "Weight"], ["red", "L", "2"]])
    code, _, err = run(capsys, "--workspace", workspace, "check-planned", empty, "--member", MEMBER,
                       "--out", tmp_path / "out.xlsx")
    assert code == 1 and "site name" in err and err.count("\n") == 1
    assert not (tmp_path / "out.xlsx").exists()

"""The common document and its editions from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from .cli_run import run

HEADER = ["Factory name", "Address", "City", "Country", "Sedex ID", "Audit date", "Audit type", "Vendor code"]


def write_list(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def add_member(capsys: pytest.CaptureFixture[str], ws: Path, member: str, path: Path) -> None:
    assert run(capsys, "--workspace", ws, "import", path, "--member", member, "--date-order", "ymd")[0] == 0
    code, _, err = run(capsys, "--workspace", ws, "member-status", member, "--statement-signed", "2024-01-01",
                       "--benchmark-passed", "2024-01-01")
    assert code == 0, err


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two eligible members sharing one site, matched."""
    ws = tmp_path / "forum.aimdesk"
    add_member(capsys, ws, "Alder Brands", write_list(tmp_path / "alder.csv", [
        ["Lotus Garment Factory", "No. 1 Industrial Road", "Dongguan", "China", "ZS100001", "2025-06-30",
         "SMETA 4P", "AB-00001"],
        ["Orchid Knitting Mill", "No. 2 Industrial Road", "Dongguan", "China", "", "2024-02-03", "amfori BSCI",
         "AB-00002"]]))
    add_member(capsys, ws, "Birch Retail", write_list(tmp_path / "birch.csv", [
        ["Lotus Garment Factory", "No. 1 Industrial Road", "Dongguan", "China", "ZS100001", "2026-03-30",
         "SMETA 4-Pillar", "BR-9"],
        ["Crane Toys Plant", "No. 3 Industrial Road", "Dongguan", "China", "", "2025-01-20", "BSCI", "BR-10"]]))
    assert run(capsys, "--workspace", ws, "match")[0] == 0
    return ws


def test_export_common_prints_the_counts_and_the_edition(workspace: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "common.xlsx"
    code, stdout, err = run(capsys, "--workspace", workspace, "export-common", out, "--as-of", "2026-11-01")
    assert code == 0, err
    lines = stdout.splitlines()
    assert lines[0] == ("3 sites, 4 records from 2 eligible members, as of 2026-11-01 (audits since 2023-11-01); "
                        "1 country.")
    assert lines[-1].startswith(f"Wrote {out} (edition 1, SHA-256 ") and out.exists()
    code, stdout, _ = run(capsys, "--workspace", workspace, "export-common", tmp_path / "common.csv",
                          "--as-of", "2026-11-01")
    assert code == 0 and "(edition 2," in stdout
    code, stdout, _ = run(capsys, "--workspace", workspace, "editions")
    header, *rows = stdout.splitlines()
    assert header.split()[:3] == ["id", "as", "of"]
    assert [row.split()[0] for row in rows] == ["2", "1"]
    assert "common.csv" in rows[0] and "common.xlsx" in rows[1]


def test_editions_diff_prints_what_changed(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--workspace", workspace, "export-common", tmp_path / "a.csv", "--as-of", "2026-11-01")[0] == 0
    add_member(capsys, workspace, "Crane Foods", write_list(tmp_path / "crane.csv", [
        ["Heron Bag Works", "No. 4 Industrial Road", "Dongguan", "China", "", "2026-08-01", "SMETA 4P", "CF-1"]]))
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    assert run(capsys, "--workspace", workspace, "export-common", tmp_path / "b.csv", "--as-of", "2026-11-01")[0] == 0
    code, stdout, err = run(capsys, "--workspace", workspace, "editions", "diff", "1", "2")
    assert code == 0, err
    lines = stdout.splitlines()
    assert lines[0].startswith("Edition 1 (as of 2026-11-01) → edition 2 (as of 2026-11-01): sites 3 → 4")
    assert lines[1] == "1 site added, 0 dropped, 0 changed."
    assert lines[2].startswith("Added: S00000")
    code, _, err = run(capsys, "--workspace", workspace, "editions", "diff", "1", "7")
    assert code == 1 and err == "aimdesk: There is no edition 7 in this workspace; 'aimdesk editions' lists them.\n"


def test_a_document_that_would_name_a_member_is_refused_in_one_sentence(
        workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_member(capsys, workspace, "Crane Foods", write_list(tmp_path / "crane.csv", [
        ["Alder Brands Sourcing Hub", "No. 9 Harbour Road", "Dongguan", "China", "", "2026-08-01", "SMETA 4P",
         "CF-1"]]))
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    out = tmp_path / "common.xlsx"
    code, stdout, err = run(capsys, "--workspace", workspace, "export-common", out, "--as-of", "2026-11-01")
    assert code == 1 and stdout == "" and not out.exists()
    assert err.startswith("aimdesk: The common document was not written: sheet 'Sites', cell B")
    assert "member name “Alder Brands”" in err and err.count("\n") == 1
    assert run(capsys, "--workspace", workspace, "editions")[1].startswith("No editions yet")


def test_export_common_refuses_other_formats_before_any_work(workspace: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_status:
        run(capsys, "--workspace", workspace, "export-common", tmp_path / "common.pdf")
    assert exit_status.value.code == 2
    assert "must be a .xlsx or .csv file" in capsys.readouterr().err
    code, _, err = run(capsys, "--workspace", workspace, "export-common", tmp_path / "missing" / "c.xlsx")
    assert code == 1 and "does not exist" in err

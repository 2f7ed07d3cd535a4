"""match, explain, decide and review from the command line, and quality floors on demo data."""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "demo"
    assert main(["demo", str(folder), "--scale", "0.25"]) == 0
    return folder


@pytest.fixture
def workspace(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo workspace this test may change."""
    copy = tmp_path / "w.aimdesk"
    copy.write_bytes((demo / "demo.aimdesk").read_bytes())
    return copy


def pairs_of(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        members[group].append(key)
    return {p for ids in members.values() for p in itertools.combinations(sorted(ids), 2)}


def f1(predicted: set[tuple[str, str]], true: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(predicted & true)
    precision, recall = hit / len(predicted), hit / len(true)
    return precision, 2 * precision * recall / (precision + recall)


def test_demo_data_is_matched_above_the_quality_floors(demo: Path, workspace: Path, tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--workspace", workspace, "match")
    assert code == 0, err
    assert "Full run" in out and "audited by two or more members" in out
    records = tmp_path / "records.csv"
    assert run(capsys, "--workspace", workspace, "export-records", records)[0] == 0
    truth = {}
    with open(demo / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[(row["member"], Path(row["file"]).name, row["row"])] = row["site_id"]
    predicted, true = {}, {}
    with open(records, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["member"], row["source_file"], row["source_row"])
            if key in truth:
                assert row["site_id"].startswith("S")
                predicted[row["record_id"]], true[row["record_id"]] = row["site_id"], truth[key]
    precision, score = f1(pairs_of(predicted), pairs_of(true))
    assert precision >= 0.98 and score >= 0.93


def test_review_packet_round_trip_decide_and_stats(workspace: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    packet = tmp_path / "packet.xlsx"
    code, out, _ = run(capsys, "--workspace", workspace, "review", "export", packet, "--limit", "5")
    assert code == 0 and "pairs to review" in out
    book = load_workbook(packet)
    sheet = book["Pairs"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["pair_id", "left_record", "right_record"] and "decision" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert 1 <= len(rows) <= 5
    decision_column = header.index("decision") + 1
    for number, _ in enumerate(rows, start=2):
        sheet.cell(row=number, column=decision_column, value="different")
    book.save(packet)
    code, out, _ = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "ana")
    assert code == 0 and f"Applied {len(rows)} decisions" in out
    code, out, _ = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "ana")
    assert f"Applied 0 decisions; {len(rows)} were already so" in out
    code, out, _ = run(capsys, "--workspace", workspace, "review", "stats")
    assert code == 0 and f"{len(rows)} different" in out and "ana" in out
    left, right = rows[0][1], rows[0][2]
    code, out, _ = run(capsys, "--workspace", workspace, "explain", left, right)
    assert code == 0 and "match probability" in out and "Site name" in out
    code, out, _ = run(capsys, "--workspace", workspace, "decide", left, right, "same", "--reviewer", "bo")
    assert code == 0 and "(was different)" in out
    assert run(capsys, "--workspace", workspace, "match")[0] == 0


def test_decide_on_a_record_that_does_not_exist_says_so(workspace: Path, capsys) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "decide", "1", "999999", "same")
    assert code == 1 and "no active record 999999" in err


@pytest.mark.parametrize(("rows", "message"), [
    ("1,2,maybe\n", "Row 2 of p.csv: 'maybe' is not a decision"),
    ("1,2,same\n2,1,different\n", "Rows 2 and 3 of p.csv decide records 1 and 2 differently"),
])
def test_a_packet_with_an_unclear_decision_is_refused_with_its_rows(
        workspace: Path, tmp_path: Path, capsys, rows: str, message: str) -> None:
    packet = tmp_path / "p.csv"
    packet.write_text("left_record,right_record,decision\n" + rows, encoding="utf-8")
    code, _, err = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "x")
    assert code == 1 and message in err


def test_a_packet_is_csv_or_xlsx(workspace: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "review", "export", tmp_path / "p.txt")
    assert code == 1 and "a .csv or .xlsx file, not p.txt" in err

"""match, explain, decide and review from the command line, and quality floors on demo data."""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.cli import main

from .cli_run import run


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
    assert code == 0 and f": {len(rows)} applied, 0 skipped, 0 conflicts, 0 blank." in out
    code, out, _ = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "ana")
    assert f": 0 applied, {len(rows)} skipped" in out and "imported before; nothing changed" in out
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


def export_csv(capsys: pytest.CaptureFixture[str], workspace: Path, packet: Path,
               *options: object) -> tuple[list[str], list[dict[str, str]]]:
    code, out, err = run(capsys, "--workspace", workspace, "review", "export", packet, *options)
    assert code == 0, err
    with open(packet, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def rewrite_csv(packet: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """As ../shared/tools/score_dataset.py does: DictWriter, utf-8 without BOM."""
    with open(packet, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


@pytest.mark.parametrize(("change", "message"), [
    ("maybe", "Row 2 of p.csv: 'maybe' is not a decision"),
    ("twice", "Rows 2 and 3 of p.csv decide records"),
])
def test_a_packet_with_an_unclear_decision_is_refused_with_its_rows(
        workspace: Path, tmp_path: Path, capsys, change: str, message: str) -> None:
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    packet = tmp_path / "p.csv"
    fields, rows = export_csv(capsys, workspace, packet, "--limit", "3")
    rows[0]["decision"] = "maybe" if change == "maybe" else "same"
    if change == "twice":
        rows[1] = dict(rows[0], decision="different")
    rewrite_csv(packet, fields, rows)
    code, _, err = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "x")
    assert code == 1 and message in err


def test_a_file_that_is_not_a_packet_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:
    packet = tmp_path / "mine.csv"
    packet.write_text("left_record,right_record,decision\n1,2,same\n", encoding="utf-8")
    code, _, err = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "x")
    assert code == 1 and "mine.csv is not a review packet exported by AIMDesk" in err


def test_a_packet_filled_as_score_dataset_does_round_trips(workspace: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    packet = tmp_path / "packet.csv"
    fields, rows = export_csv(capsys, workspace, packet)
    assert rows and {"packet_id", "check", "decision"} <= set(fields)
    for r in rows:
        r["decision"] = "different"
    rewrite_csv(packet, fields, rows)
    code, out, err = run(capsys, "--workspace", workspace, "review", "import", packet, "--reviewer", "oracle")
    assert code == 0 and f"{len(rows)} applied" in out, err
    assert run(capsys, "--workspace", workspace, "match")[0] == 0


def test_export_names_the_packet_and_shows_members_only_when_asked(workspace: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    code, out, _ = run(capsys, "--workspace", workspace, "review", "export", tmp_path / "a.csv", "--limit", "2")
    assert code == 0 and "(packet RP-" in out and out.strip().endswith("-0001).")
    _, neutral = export_csv(capsys, workspace, tmp_path / "b.csv", "--limit", "2")
    _, named = export_csv(capsys, workspace, tmp_path / "c.csv", "--limit", "2", "--show-members")
    assert all(r["left_member"].startswith("Member ") for r in neutral)
    assert not any(r["left_member"].startswith("Member ") for r in named)


def test_disagreeing_packets_are_listed_as_a_conflict_and_resolved(workspace: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "--workspace", workspace, "match")[0] == 0
    first, second = tmp_path / "ana.csv", tmp_path / "bo.csv"
    for packet, verdict in ((first, "same"), (second, "different")):
        fields, rows = export_csv(capsys, workspace, packet, "--limit", "1")
        rows[0]["decision"], rows[0]["note"] = verdict, f"{verdict}, I checked"
        rewrite_csv(packet, fields, rows)
    assert run(capsys, "--workspace", workspace, "review", "import", first, "--reviewer", "ana")[0] == 0
    code, out, _ = run(capsys, "--workspace", workspace, "review", "import", second, "--reviewer", "bo")
    left, right = rows[0]["left_record"], rows[0]["right_record"]
    assert code == 0 and "0 applied, 0 skipped, 1 conflicts, 0 blank" in out
    assert f"Row 2: records {left} and {right}: different, but it contradicts same in force (ana" in out
    code, out, _ = run(capsys, "--workspace", workspace, "review", "conflicts")
    assert code == 0 and out.startswith(f"#1  records {left} and {right}: ")
    assert "row 2 says different (bo, " in out and "in force: same (ana, " in out and "same, I checked" in out
    code, out, _ = run(capsys, "--workspace", workspace, "review", "resolve", "1", "different", "--reviewer", "lead")
    assert code == 0 and "Conflict #1 settled: different is now in force" in out
    assert run(capsys, "--workspace", workspace, "review", "conflicts")[1] == "No open conflicts.\n"
    code, _, err = run(capsys, "--workspace", workspace, "review", "resolve", "1", "same", "--reviewer", "lead")
    assert code == 1 and "Conflict #1 was already settled (different) by lead" in err


def test_a_packet_is_csv_or_xlsx(workspace: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "review", "export", tmp_path / "p.txt")
    assert code == 1 and "a .csv or .xlsx file, not p.txt" in err

"""undo, redo and history from the command line, on a real demo workspace."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from aimdesk.cli import main

from .cli_run import run

DATE = r"\d{4}-\d\d-\d\d \d\d:\d\d"
"""How a history line starts: the decision's date and time, to the minute."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace, imported but not matched, and a matched copy beside it."""
    folder = tmp_path_factory.mktemp("demo") / "demo"
    assert main(["demo", str(folder), "--scale", "0.1"]) == 0
    matched = folder / "matched.aimdesk"
    matched.write_bytes((folder / "demo.aimdesk").read_bytes())
    assert main(["--workspace", str(matched), "match"]) == 0
    return folder


@pytest.fixture
def fresh(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo workspace, never matched, that this test may change."""
    copy = tmp_path / "fresh.aimdesk"
    copy.write_bytes((demo / "demo.aimdesk").read_bytes())
    return copy


@pytest.fixture
def matched(demo: Path, tmp_path: Path) -> Path:
    """A copy of the matched demo workspace that this test may change."""
    copy = tmp_path / "matched.aimdesk"
    copy.write_bytes((demo / "matched.aimdesk").read_bytes())
    return copy


def sites_of(capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path) -> dict[int, str]:
    """record id → public site id, as export-records writes them."""
    out = tmp_path / "records.csv"
    code, _, err = run(capsys, "--workspace", workspace, "export-records", out)
    assert code == 0, err
    with open(out, encoding="utf-8-sig", newline="") as handle:
        return {int(row["record_id"]): row["site_id"] for row in csv.DictReader(handle)}


def records_by_site(sites: dict[int, str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for record, site in sorted(sites.items()):
        found[site].append(record)
    return found


def history_lines(capsys: pytest.CaptureFixture[str], workspace: Path, *argv: object) -> list[str]:
    code, out, err = run(capsys, "--workspace", workspace, "history", *argv)
    assert code == 0 and not err, err
    return out.splitlines()


def stats(capsys: pytest.CaptureFixture[str], workspace: Path) -> str:
    code, out, err = run(capsys, "--workspace", workspace, "review", "stats")
    assert code == 0, err
    return out


def test_decide_then_undo_then_redo_moves_the_sites_and_the_log(
        matched: Path, tmp_path: Path, capsys) -> None:
    before = sites_of(capsys, matched, tmp_path)
    left = min(before)
    right = next(r for r in sorted(before) if before[r] != before[left])
    code, out, _ = run(capsys, "--workspace", matched, "decide", left, right, "same",
                       "--reviewer", "ana", "--note", "one gate")
    assert code == 0 and "Run match to apply it." in out
    assert run(capsys, "--workspace", matched, "match")[0] == 0
    decided = sites_of(capsys, matched, tmp_path)
    assert decided[left] == decided[right]
    assert "Decided: 1 same." in stats(capsys, matched) and "  ana: 1" in stats(capsys, matched)

    code, out, err = run(capsys, "--workspace", matched, "undo", "--reviewer", "bo")
    assert code == 0 and not err
    assert re.fullmatch(r"Undone: Same: .+ ↔ .+\. Sites are up to date\.\n", out), out
    undone = sites_of(capsys, matched, tmp_path)
    assert undone[left] != undone[right]
    assert "Decided: none." in stats(capsys, matched)

    code, out, _ = run(capsys, "--workspace", matched, "redo", "--reviewer", "cy")
    assert code == 0 and out.startswith("Redone: Same: ")
    assert out.endswith(". Sites are up to date.\n")
    redone = sites_of(capsys, matched, tmp_path)
    assert redone[left] == redone[right]
    assert "Decided: 1 same." in stats(capsys, matched) and "  cy: 1" in stats(capsys, matched)

    lines = history_lines(capsys, matched, left, right)
    assert len(lines) == 3 and all(re.match(DATE + "  ", line) for line in lines)
    pair = f"{left} ↔ {right}"
    assert re.match(DATE + rf"  cy +same +{pair} +in force +Redo: Same: .*  one gate$", lines[0]), lines[0]
    assert re.match(DATE + rf"  bo +withdrawn +{pair} +superseded +Undo: Same: .*[^ ]$", lines[1]), lines[1]
    assert re.match(DATE + rf"  ana +same +{pair} +undone +Same: .*  one gate$", lines[2]), lines[2]

    assert run(capsys, "--workspace", matched, "undo")[1].startswith("Undone: Same: ")
    assert run(capsys, "--workspace", matched, "undo")[1] == "Nothing to undo.\n"


def test_nothing_to_undo_or_redo_on_a_fresh_workspace(fresh: Path, capsys) -> None:
    assert run(capsys, "--workspace", fresh, "undo") == (0, "Nothing to undo.\n", "")
    assert run(capsys, "--workspace", fresh, "redo") == (0, "Nothing to redo.\n", "")


def test_history_of_a_pair_after_decide_and_undo_shows_the_undone_entry(fresh: Path, capsys) -> None:
    assert history_lines(capsys, fresh, 1, 2) == ["No decisions on records 1 and 2 yet."]
    assert run(capsys, "--workspace", fresh, "decide", 2, 1, "different",
               "--reviewer", "ana", "--note", "two towns")[0] == 0
    code, out, _ = run(capsys, "--workspace", fresh, "undo", "--reviewer", "bo")
    assert code == 0 and out.startswith("Undone: Different: ")
    assert out.endswith(". It takes effect at the first match.\n")  # never matched: no sites yet
    lines = history_lines(capsys, fresh, 2, 1)
    assert len(lines) == 2
    assert re.match(DATE + r"  bo +withdrawn +1 ↔ 2 +in force +Undo: Different: ", lines[0]), lines[0]
    assert re.match(DATE + r"  ana +different +1 ↔ 2 +undone +Different: .*  two towns$", lines[1]), lines[1]


def test_history_of_a_site_lists_the_decisions_on_its_records(matched: Path, tmp_path: Path, capsys) -> None:
    sites = sites_of(capsys, matched, tmp_path)
    site, (first, second, *_) = next((s, ids) for s, ids in records_by_site(sites).items() if len(ids) >= 2)
    outside = [r for r in sorted(sites) if sites[r] != site][:3]
    assert history_lines(capsys, matched, "--site", site) == [
        f"No decisions on the records of site {site} yet."]
    for left, right, verdict in ((first, second, "same"), (first, outside[0], "different"),
                                 (outside[1], outside[2], "different")):
        assert run(capsys, "--workspace", matched, "decide", left, right, verdict, "--reviewer", "ana")[0] == 0
    lines = history_lines(capsys, matched, "--site", site)
    assert len(lines) == 2  # not the pair outside the site
    assert f"different  {min(first, outside[0])} ↔ {max(first, outside[0])}" in lines[0]
    assert f"same       {first} ↔ {second}" in lines[1]
    assert all(re.match(DATE + "  ana ", line) and "in force" in line for line in lines)


def test_an_unknown_site_or_record_is_refused_in_one_sentence(matched: Path, capsys) -> None:
    code, out, err = run(capsys, "--workspace", matched, "history", "--site", "S999999")
    assert code == 1 and not out
    assert err.startswith("aimdesk: There is no site S999999 in this workspace") and err.count("\n") == 1
    code, out, err = run(capsys, "--workspace", matched, "history", "1", "999999")
    assert (code, out, err) == (1, "", "aimdesk: There is no record 999999 in this workspace.\n")


@pytest.mark.parametrize("argv", [["1"], [], ["1", "2", "--site", "S000001"], ["1", "--site", "S000001"]])
def test_history_needs_two_records_or_a_site(fresh: Path, capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--workspace", str(fresh), "history", *argv])
    assert exit_info.value.code == 2
    assert "history needs two records (LEFT_RECORD RIGHT_RECORD) or --site SITE" in capsys.readouterr().err

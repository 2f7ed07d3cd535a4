"""Benchmarks and mutual-recognition status from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from aimdesk.core.benchmark.assessments import save_assessment
from aimdesk.core.benchmark.catalogues import latest_catalogue
from aimdesk.core.benchmark.model import Answer
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, standard_list, write_csv

from .cli_run import run


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A workspace with one imported list from Acme Foods and one from Bolt Brands."""
    ws = tmp_path / "forum.aimdesk"
    acme = standard_list(tmp_path / "acme.xlsx")
    assert run(capsys, "--workspace", ws, "import", acme, "--member", "Acme Foods")[0] == 0
    bolt = write_csv(tmp_path / "bolt.csv", [STANDARD_HEADER] + STANDARD_ROWS[:1])
    assert run(capsys, "--workspace", ws, "import", bolt, "--member", "Bolt Brands")[0] == 0
    return ws


def members_table(capsys: pytest.CaptureFixture[str], ws: Path) -> dict[str, list[str]]:
    code, out, err = run(capsys, "--workspace", ws, "members")
    assert code == 0, err
    header, *rows = out.splitlines()
    assert header.split()[3:5] == ["audit", "virtual"]
    return {" ".join(row.split()[:2]): row.split()[2:] for row in rows}


def save_benchmark(ws: Path, member: str, *, uncovered: tuple[str, ...] = (), assessment_id: int | None = None) -> int:
    """Save an assessment of the member's protocol against SMETA 6.1 (everything covered but `uncovered`)."""
    with Store.open(ws) as store:
        words = {c.id: "not covered" if c.id in uncovered else "covered"
                 for c in latest_catalogue(store, "smeta-6.1-4p").active}
        saved = save_assessment(
            store, assessment_id=assessment_id, member_id=find_member(store, member) or 0, protocol="Acme Code",
            protocol_version="2.1", kind="audit", catalogue_key="smeta-6.1-4p", catalogue_version=1,
            answers={cid: Answer(cid, word, reference="§ " + cid) for cid, word in words.items()}, who="ana")
    return saved.id


def test_score_dataset_call_makes_a_member_eligible_and_members_shows_it(workspace: Path, capsys) -> None:
    assert members_table(capsys, workspace)["Acme Foods"][2:4] == ["no", "no"]
    code, out, err = run(capsys, "--workspace", workspace, "member-status", "Acme Foods",
                         "--statement-signed", "2024-01-01", "--benchmark-passed", "2024-01-01")
    assert code == 0, err
    assert out.splitlines()[:3] == [
        "Acme Foods: eligible for mutual recognition of audits; not eligible for virtual assessments.",
        "  On-site audit: statement signed 2024-01-01; benchmark passed on 2024-01-01 (recorded by hand).",
        "  Virtual assessment: statement not signed; no benchmark."]
    table = members_table(capsys, workspace)
    assert table["Acme Foods"][:4] == ["3", "1", "eligible", "no"] and table["Bolt Brands"][2:4] == ["no", "no"]


def test_member_status_without_options_only_prints(workspace: Path, capsys) -> None:
    code, out, _ = run(capsys, "--workspace", workspace, "member-status", "bolt brands")
    assert code == 0 and out.startswith("Bolt Brands: not eligible for mutual recognition of audits;")
    assert "Not yet: no signed audit statement; no audit benchmark yet; no signed virtual-assessment " in out
    assert "eligible" not in " ".join(members_table(capsys, workspace)["Bolt Brands"])


def test_a_statement_alone_or_a_benchmark_alone_is_not_eligible(workspace: Path, capsys) -> None:
    run(capsys, "--workspace", workspace, "member-status", "Acme Foods", "--statement-signed", "2024-01-01",
        "--signatory", "Jo Smith")
    run(capsys, "--workspace", workspace, "member-status", "Bolt Brands", "--benchmark-passed", "2024-01-01")
    code, out, _ = run(capsys, "--workspace", workspace, "member-status", "Acme Foods")
    assert "statement signed 2024-01-01 by Jo Smith; no benchmark" in out and "Not yet: no audit benchmark yet" in out
    table = members_table(capsys, workspace)
    assert table["Acme Foods"][2] == table["Bolt Brands"][2] == "no"


def test_a_failed_benchmark_after_a_pass_takes_eligibility_away(workspace: Path, capsys) -> None:
    run(capsys, "--workspace", workspace, "member-status", "Acme Foods", "--statement-signed", "2024-01-01",
        "--benchmark-passed", "2024-01-01")
    save_benchmark(workspace, "Acme Foods", uncovered=("0A.1", "0A.2", "0A.3", "0A.4", "0A.5", "10C.1",
                                                       "10C.2", "10C.3", "10C.4", "10C.5", "10C.6", "1.a"))
    code, out, _ = run(capsys, "--workspace", workspace, "member-status", "Acme Foods")
    assert "benchmark not passed at 83.3 % on" in out
    assert "Not yet: benchmark of Acme Code 2.1 at 83.3 % is below 85 %;" in out
    assert members_table(capsys, workspace)["Acme Foods"][2] == "no"


def test_virtual_assessments_are_recorded_separately(workspace: Path, capsys) -> None:
    code, out, err = run(capsys, "--workspace", workspace, "member-status", "Bolt Brands",
                         "--va-statement-signed", "2024-02-01", "--virtual-benchmark-passed", "2024-03-01")
    assert code == 0, err
    assert out.startswith("Bolt Brands: not eligible for mutual recognition of audits; eligible for virtual")
    assert members_table(capsys, workspace)["Bolt Brands"][2:4] == ["no", "eligible"]


def test_importing_from_a_member_not_eligible_warns_but_imports(workspace: Path, tmp_path: Path, capsys) -> None:
    again = write_csv(tmp_path / "acme-2.csv", [STANDARD_HEADER] + STANDARD_ROWS[1:])
    code, out, err = run(capsys, "--workspace", workspace, "import", again, "--member", "Acme Foods")
    assert code == 0 and "Imported 2 records for Acme Foods" in out
    assert err.strip() == (
        "Note: Acme Foods is not eligible for mutual recognition yet (no signed audit statement; no audit "
        "benchmark yet); its records are kept but left out of the common document until it is.")
    run(capsys, "--workspace", workspace, "member-status", "Acme Foods", "--statement-signed", "2024-01-01",
        "--benchmark-passed", "2024-01-01")
    third = write_csv(tmp_path / "acme-3.csv", [STANDARD_HEADER] + STANDARD_ROWS[2:])
    code, _, err = run(capsys, "--workspace", workspace, "import", third, "--member", "Acme Foods", "--replace")
    assert code == 0 and "not eligible" not in err


def test_member_status_refuses_bad_input_in_one_line(workspace: Path, capsys) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "member-status", "Nobody")
    assert code == 1 and err.strip() == ("aimdesk: There is no member called “Nobody” in this workspace; "
                                         "'aimdesk members' lists them.")
    with pytest.raises(SystemExit) as bad_date:
        run(capsys, "--workspace", workspace, "member-status", "Acme Foods", "--statement-signed", "01/02/2024")
    assert bad_date.value.code == 2 and "'01/02/2024' is not a real date written YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as lone_signatory:
        run(capsys, "--workspace", workspace, "member-status", "Acme Foods", "--signatory", "Jo")
    assert lone_signatory.value.code == 2 and "--signatory goes with" in capsys.readouterr().err


def test_benchmark_catalogues_lists_versions_and_counts(workspace: Path, capsys) -> None:
    code, out, _ = run(capsys, "--workspace", workspace, "benchmark", "catalogues")
    lines = [line.split() for line in out.splitlines()]
    assert code == 0
    assert lines[0] == ["key", "version", "name", "kind", "criteria", "core", "draft", "retired", "source"]
    assert lines[1][:2] == ["smeta-6.1-4p", "1"] and lines[1][-7:] == ["audit", "72", "14", "36", "0", "built", "in"]
    assert lines[2][:2] == ["sva-baseline", "1"] and "virtual" in lines[2]


def test_benchmark_list_and_show(workspace: Path, capsys) -> None:
    code, out, _ = run(capsys, "--workspace", workspace, "benchmark", "list")
    assert code == 0 and out.startswith("No benchmarks yet")
    first = save_benchmark(workspace, "Acme Foods", uncovered=("1.1", "3.a"))
    save_benchmark(workspace, "Acme Foods", assessment_id=first)
    code, out, _ = run(capsys, "--workspace", workspace, "benchmark", "list")
    header, row = out.splitlines()
    assert header.split() == ["id", "member", "protocol", "kind", "catalogue", "revision", "commonality", "verdict"]
    assert row.split() == [str(first), "Acme", "Foods", "Acme", "Code", "2.1", "audit", "SMETA", "6.1", "4-pillar,",
                           "version", "1", "2", "100.0", "%", "passed"]

    code, out, _ = run(capsys, "--workspace", workspace, "benchmark", "show", first, "--revision", "1")
    assert code == 0
    assert f"Assessment {first}, revision 1" in out and "Member: Acme Foods" in out
    assert "Protocol: Acme Code 2.1 (on-site audit)" in out and "Catalogue: SMETA 6.1 4-pillar, version 1" in out
    assert "Commonality: 97.2 % (threshold 85 %; core criteria block the verdict)" in out
    assert "  Labour standards: 98.0 %" in out and "  Health & safety: 87.5 %" in out
    assert "Verdict: not passed" in out and "Core criteria not covered: 1.1, so the benchmark is not passed." in out
    gaps = out[out.index("Gaps by section:"):]
    assert "  1 Employment is freely chosen\n    1.1      not covered  Does the protocol require" in gaps
    assert "  3 Working conditions are safe and hygienic\n    3.a      not covered" in gaps
    assert "Core criteria not covered:\n  1.1      Does the protocol require that there is no forced" in gaps
    code, out, _ = run(capsys, "--workspace", workspace, "benchmark", "show", first)
    assert "revision 2" in out and "Verdict: passed" in out and "Gaps by section" not in out


def test_benchmark_show_of_an_unknown_assessment_says_so(workspace: Path, capsys) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "benchmark", "show", "7")
    assert code == 1
    assert err.strip() == "aimdesk: There is no benchmark assessment 7 in this workspace."

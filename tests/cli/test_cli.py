"""The command line: exit codes, one-sentence errors, summaries and files."""

from __future__ import annotations

import csv
import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from aimdesk.cli import main

from .cli_run import run
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, standard_list, write_csv


def test_import_then_members_then_export_records(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "forum.aimdesk"
    code, out, _ = run(capsys, "--workspace", ws, "import", standard_list(tmp_path / "acme.xlsx"),
                       "--member", "Acme Foods")
    assert code == 0
    assert "Imported 3 records for Acme Foods from acme.xlsx (sheet 'Suppliers', header on row 1" in out
    assert 'site_name = "Factory name"' in out
    code, out, _ = run(capsys, "--workspace", ws, "members")
    assert code == 0 and "Acme Foods" in out and " 3 " in out
    target = tmp_path / "records.csv"
    code, out, _ = run(capsys, "--workspace", ws, "export-records", target)
    assert code == 0 and "Wrote 3 records" in out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:5] == ["record_id", "member", "source_file", "source_sheet", "source_row"]
    assert list(rows[0])[-1] == "site_id"
    assert (rows[0]["member"], rows[0]["source_row"], rows[0]["country"]) == ("Acme Foods", "2", "CN")


def test_import_options_map_header_row_and_report(tmp_path: Path, capsys) -> None:
    rows = [["Liste des fournisseurs"], [], ["Usine", "Pays", "Quand"],
            ["Usine du Nord", "Narnia", "02/03/2025"], ["Usine du Sud", "France", "15/03/2025"]]
    source = write_csv(tmp_path / "fr.csv", rows, encoding="cp1252", delimiter=";")
    report = tmp_path / "findings.xlsx"
    code, out, err = run(capsys, "--workspace", tmp_path / "w.aimdesk", "import", source,
                         "--member", "Lumière", "--header-row", "3", "--map", "site_name=Usine",
                         "--map", "audit_date=Quand", "--date-order", "dmy", "--report", report)
    assert code == 0, err
    assert "Dates read as dmy." in out
    assert "Country not recognised" in out
    assert report.exists() and "Findings report (1 findings)" in out


def test_bad_input_prints_one_sentence_and_exits_1(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "--workspace", tmp_path / "w.aimdesk", "import", empty, "--member", "A")
    assert code == 1
    assert err.strip() == "aimdesk: empty.csv is empty."
    assert "Traceback" not in err


def test_resending_the_same_file_says_use_force(tmp_path: Path, capsys) -> None:
    ws, source = tmp_path / "w.aimdesk", standard_list(tmp_path / "a.xlsx")
    assert run(capsys, "--workspace", ws, "import", source, "--member", "A")[0] == 0
    code, _, err = run(capsys, "--workspace", ws, "import", source, "--member", "A")
    assert code == 1 and "--force" in err
    assert run(capsys, "--workspace", ws, "import", source, "--member", "A", "--force", "--replace")[0] == 0


def test_commands_that_need_a_workspace_say_so(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["members"])
    assert exit_info.value.code == 2
    assert "needs --workspace" in capsys.readouterr().err


def test_unknown_field_in_map_is_refused_before_any_work(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.aimdesk"
    code, _, err = run(capsys, "--workspace", ws, "import", standard_list(tmp_path / "a.xlsx"),
                       "--member", "A", "--map", "factory=Factory name")
    assert code == 1 and "'factory' is not a field" in err
    assert not ws.exists() or run(capsys, "--workspace", ws, "members")[1].startswith("No members")


def test_opening_a_workspace_that_is_not_one(tmp_path: Path, capsys) -> None:
    bogus = write_csv(tmp_path / "x.aimdesk", [STANDARD_HEADER] + STANDARD_ROWS)
    code, _, err = run(capsys, "--workspace", bogus, "members")
    assert code == 1 and "is not an AIMDesk workspace" in err


def test_demo_writes_files_truth_and_a_ready_workspace(tmp_path: Path, capsys) -> None:
    target = tmp_path / "demo"
    code, out, err = run(capsys, "demo", target, "--scale", "0.05")
    assert code == 0, err
    assert (target / "truth.csv").exists() and (target / "demo.aimdesk").exists()
    mappings = list((target / "mapping").glob("*.json"))
    assert len(mappings) >= 10
    code, out, _ = run(capsys, "--workspace", target / "demo.aimdesk", "members")
    assert len(out.strip().splitlines()) == len(mappings) + 1
    members = {json.loads(m.read_text())["member"] for m in mappings}
    assert all(name in out for name in members)
    code, _, err = run(capsys, "demo", target)
    assert code == 1 and "already exists" in err


def test_import_prints_warnings_about_doubtful_columns(tmp_path: Path, capsys) -> None:
    rows = [["Factory name", "Kraj", "Data"]] + [[f"Zakład {i}", "Polska", "12.03.2025"] for i in range(6)]
    source = write_csv(tmp_path / "pl.csv", rows)
    code, out, _ = run(capsys, "--workspace", tmp_path / "w.aimdesk", "import", source,
                       "--member", "Polar", "--map", "audit_date=Kraj")
    assert code == 0
    assert "Warning: Column 'Kraj' (sheet 'pl') was read as audit date, but 6 of its 6 values are not dates" in out


def test_a_header_row_below_one_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--workspace", str(tmp_path / "w.aimdesk"), "import", "x.csv", "--member", "A",
              "--header-row", "0"])
    assert exit_info.value.code == 2
    assert "'0' is not a row number" in capsys.readouterr().err


def test_a_report_into_a_missing_folder_is_refused_before_importing(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.aimdesk"
    code, _, err = run(capsys, "--workspace", ws, "import", standard_list(tmp_path / "a.xlsx"),
                       "--member", "A", "--report", tmp_path / "nowhere" / "r.xlsx")
    assert code == 1 and "nowhere does not exist" in err
    assert not ws.exists()


def test_a_failed_first_import_leaves_no_workspace_file(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.aimdesk"
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"\xef\xbb\xbf")
    code, _, err = run(capsys, "--workspace", ws, "import", empty, "--member", "A")
    assert code == 1 and err.strip() == "aimdesk: e.csv is empty."
    assert list(tmp_path.glob("w.aimdesk*")) == []


def test_member_text_in_the_findings_report_stays_text(tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    rows = [["Factory name", "Country"], ["=HYPERLINK(\"x\")\x07", "Narnia"], ["Beta", "CN"]]
    out = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "--workspace", tmp_path / "w.aimdesk", "import",
                       write_csv(tmp_path / "f.csv", rows), "--member", "A", "--report", out)
    assert code == 0, err
    cell = load_workbook(out)["Rows to check"]["E2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")


def test_an_unexpected_error_is_logged_and_said_in_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    import aimdesk.cli as cli

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(cli, "import_file", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
    code, _, err = run(capsys, "--workspace", tmp_path / "w.aimdesk", "import",
                       standard_list(tmp_path / "a.xlsx"), "--member", "A")
    assert code == 1 and err.startswith("aimdesk: unexpected error; details saved to ")
    log = Path(err.strip().rsplit(" ", 1)[1])
    assert "RuntimeError: bug" in log.read_text(encoding="utf-8")


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path: Path) -> None:
    """`aimdesk … | head -1` on a long listing: the reader stops early; no "unexpected
    error", exit 0."""
    workspace = tmp_path / "w.aimdesk"
    assert main(["--workspace", str(workspace), "import", str(standard_list(tmp_path / "l.csv")),
                 "--member", "Acme"]) == 0
    ecovadis = tmp_path / "ecovadis.csv"
    ecovadis.write_text("Company name,Country,Assessment year\n"
                        + "".join(f"Company number {n} Holding,Germany,2025\n" for n in range(3000)), encoding="utf-8")
    assert main(["--workspace", str(workspace), "ecovadis", "import", str(ecovadis)]) == 0
    command = (f"set -o pipefail; {shlex.quote(sys.executable)} -c 'import sys; from aimdesk.cli import main; "
               f"sys.exit(main())' --workspace {shlex.quote(str(workspace))} ecovadis list | head -1")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "") and done.stdout

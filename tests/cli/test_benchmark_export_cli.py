"""Benchmark files from the command line: the questionnaire out and back in, the report as
PDF (its text read back with pypdf) and xlsx, on a real workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from aimdesk.core.benchmark.assessments import list_assessments
from aimdesk.core.benchmark.catalogues import latest_catalogue
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.members import ensure_member
from aimdesk.core.store.workspace import Store
from aimdesk.gui.pdf import write_pdf
from tests.cli.cli_run import run

SMETA = "smeta-6.1-4p"


@pytest.fixture
def workspace(tmp_path: Path, fixed_now: dt.datetime) -> Path:
    """A workspace with two members and no benchmark yet."""
    path = tmp_path / "forum.aimdesk"
    with Store.open(path, create=True) as store, store.transaction():
        for name in ("Acme Foods", "Blue Ocean"):
            ensure_member(store, name, now=fixed_now)
    return path


def questionnaire(capsys: pytest.CaptureFixture[str], workspace: Path, out: Path, *extra: str) -> Path:
    code, _, err = run(capsys, "--workspace", workspace, "benchmark", "questionnaire", SMETA, out, *extra)
    assert code == 0, err
    return out


def fill(path: Path, answer_of: dict[str, object], *, default: object = None) -> None:
    """Answer every criterion as a member does in Excel (`answer_of` by id, else `default`)."""
    book = load_workbook(path)
    for row in book["Criteria"].iter_rows(min_row=2):
        row[5].value = answer_of.get(row[0].value, default)
        row[6].value = f"Code {row[0].value} "
    book.save(path)


def import_questionnaire(capsys: pytest.CaptureFixture[str], workspace: Path, path: Path,
                         *extra: object) -> tuple[int, str, str]:
    return run(capsys, "--workspace", workspace, "benchmark", "import-questionnaire", path,
               "--member", "Acme Foods", "--protocol", "Acme Supplier Code", *extra)


def pdf_text(path: Path) -> str:
    """The PDF's text with its spacing evened out (Qt writes spaces as tabs)."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_filled_questionnaire_becomes_an_assessment_and_its_pdf_report(
        capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path) -> None:
    path = questionnaire(capsys, workspace, tmp_path / "acme.xlsx", "--member", "Acme Foods")
    with Store.open(workspace) as store:
        criteria = latest_catalogue(store, SMETA).active
    not_applicable = next(c for c in criteria if c.pillar == "Environment")
    ethics = [c for c in criteria if c.pillar == "Business ethics"]
    fill(path, {not_applicable.id: "N/A", **{c.id: "Partly " for c in ethics}}, default="yes")
    code, out, err = import_questionnaire(capsys, workspace, path, "--protocol-version", "2024")
    assert code == 0, err
    assert f"Saved assessment 1, revision 1: {len(criteria)} of {len(criteria)} criteria answered" in out
    code, out, err = run(capsys, "--workspace", workspace, "benchmark", "export", 1, tmp_path / "acme.pdf")
    assert code == 0, err
    text = pdf_text(tmp_path / "acme.pdf")
    applicable = sum(c.weight for c in criteria) - not_applicable.weight
    overall = (applicable - sum(c.weight for c in ethics) / 2) / applicable
    expected = f"{int(overall * 1000) / 10:.1f} %"
    assert overall >= 0.85
    for words in ("Member Acme Foods", "Protocol Acme Supplier Code 2024", "SMETA 6.1 4-pillar, version 1",
                  f"Passed: commonality {expected}", "reaches the threshold of 85 %",
                  f"Overall {expected}", "Labour standards 100.0 %", "Health & safety 100.0 %",
                  "Environment 100.0 %", "Business ethics 50.0 %", f"Code {criteria[0].id}", "page 1 of"):
        assert words in text, words
    assert PdfReader(tmp_path / "acme.pdf").metadata.title == "Benchmark report: Acme Foods, Acme Supplier Code"


def test_the_report_as_xlsx_and_of_an_earlier_revision(capsys: pytest.CaptureFixture[str], workspace: Path,
                                                       tmp_path: Path) -> None:
    path = questionnaire(capsys, workspace, tmp_path / "q.xlsx")
    fill(path, {}, default="no")
    assert import_questionnaire(capsys, workspace, path)[0] == 0
    fill(path, {}, default="covered")
    code, out, _ = import_questionnaire(capsys, workspace, path, "--assessment", 1)
    assert code == 0 and "assessment 1, revision 2" in out
    code, out, err = run(capsys, "--workspace", workspace, "benchmark", "export", 1, tmp_path / "r1.xlsx",
                         "--revision", 1)
    assert code == 0, err
    summary = {row[0]: row[1] for row in load_workbook(tmp_path / "r1.xlsx")["Summary"].iter_rows(values_only=True)}
    assert summary["Assessment"] == "#1, revision 1" and summary["Overall"] == "0.0 %" and "Not passed" in summary
    run(capsys, "--workspace", workspace, "benchmark", "export", 1, tmp_path / "r2.xlsx")
    summary = {row[0]: row[1] for row in load_workbook(tmp_path / "r2.xlsx")["Summary"].iter_rows(values_only=True)}
    assert summary["Assessment"] == "#1, revision 2" and summary["Overall"] == "100.0 %" and "Passed" in summary


def test_a_bad_questionnaire_is_refused_whole_and_nothing_is_saved(
        capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path) -> None:
    path = questionnaire(capsys, workspace, tmp_path / "q.xlsx")
    fill(path, {"1.1": "maybe", "1.2": "sometimes"}, default="covered")
    book = load_workbook(path)
    book["Criteria"].append(["99.9", "", "", "", "", "covered"])
    book.save(path)
    code, out, err = import_questionnaire(capsys, workspace, path)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "nothing was taken" in err
    assert "'maybe' is not an answer" in err and "'sometimes' is not an answer" in err and "'99.9'" in err
    with Store.open(workspace) as store:
        assert list_assessments(store) == []


def test_a_questionnaire_for_a_version_the_workspace_lacks_is_refused(
        capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path) -> None:
    path = questionnaire(capsys, workspace, tmp_path / "q.xlsx")
    book = load_workbook(path)
    book["Catalogue"]["B2"] = 7  # written in a workspace with a newer version
    book.save(path)
    code, _, err = import_questionnaire(capsys, workspace, path)
    assert code == 1 and f"Catalogue {SMETA} has no version 7" in err


def test_a_new_revision_must_be_for_the_same_member(capsys: pytest.CaptureFixture[str], workspace: Path,
                                                     tmp_path: Path) -> None:
    path = questionnaire(capsys, workspace, tmp_path / "q.xlsx")
    fill(path, {}, default="covered")
    assert import_questionnaire(capsys, workspace, path)[0] == 0
    code, _, err = run(capsys, "--workspace", workspace, "benchmark", "import-questionnaire", path,
                       "--member", "Blue Ocean", "--protocol", "Blue Code", "--assessment", 1)
    assert code == 1 and "Acme Foods" in err


def test_export_refuses_unknown_assessments_and_other_formats(capsys: pytest.CaptureFixture[str],
                                                              workspace: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "benchmark", "export", 5, tmp_path / "r.pdf")
    assert code == 1 and "no benchmark assessment 5" in err and not (tmp_path / "r.pdf").exists()
    with pytest.raises(SystemExit) as exit_status:
        run(capsys, "--workspace", workspace, "benchmark", "export", 1, tmp_path / "r.csv")
    assert exit_status.value.code == 2 and ".pdf or .xlsx" in capsys.readouterr().err


def test_questionnaire_of_an_unknown_catalogue_is_refused(capsys: pytest.CaptureFixture[str], workspace: Path,
                                                         tmp_path: Path) -> None:
    code, _, err = run(capsys, "--workspace", workspace, "benchmark", "questionnaire", "amfori", tmp_path / "q.xlsx")
    assert code == 1 and "There is no catalogue amfori" in err and not (tmp_path / "q.xlsx").exists()


def test_a_pdf_that_cannot_be_written_is_an_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(AimDeskError, match="Cannot write r.pdf"):
        write_pdf("<p>report</p>", tmp_path / "missing" / "r.pdf", title="Report")

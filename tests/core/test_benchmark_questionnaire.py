"""The benchmark questionnaire: written for a member, filled in Excel, read back whole or not at all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from aimdesk.core.benchmark.model import Answer, Catalogue, Criterion
from aimdesk.core.benchmark.questionnaire import (
    QuestionnaireError, parse_answer, questionnaire_info, read_questionnaire, write_questionnaire)
from aimdesk.core.errors import AimDeskError, InputFileError

LABOUR, SAFETY, ETHICS = "Labour standards", "Health & safety", "Business ethics"
CATALOGUE = Catalogue("smeta-6.1-4p", "SMETA 6.1 4-pillar", "audit", 1, (
    Criterion("1.1", LABOUR, "1 Freely chosen employment", "Does the protocol check that work is voluntary?", core=True),
    Criterion("3.1", SAFETY, "3 Health and safety", "Does the protocol check for a safe workplace?", core=True),
    Criterion("1.2", LABOUR, "1 Freely chosen employment", "Does it check that no deposits are taken?"),
    Criterion("1.3", LABOUR, "1 Freely chosen employment", "Retired wording", retired=True),
    Criterion("4.1", LABOUR, "4 Child labour", "Does it check that no child is employed?", core=True),
    Criterion("10C.1", ETHICS, "10C Business ethics", "Does it check for an anti-bribery policy?", weight=2),
))


def fill(path: Path, cells: dict[str, tuple[object, object, object]]) -> None:
    """Fill answer, reference and note by criterion id, as a member does in Excel."""
    book = load_workbook(path)
    sheet = book["Criteria"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        values = cells.get(row[header.index("id")].value)
        if values:
            for name, value in zip(("answer", "reference", "note"), values):
                row[header.index(name)].value = value
    book.save(path)


def append_rows(path: Path, rows: list[list[object]]) -> None:
    book = load_workbook(path)
    for row in rows:
        book["Criteria"].append(row)
    book.save(path)


@pytest.fixture
def questionnaire(tmp_path: Path) -> Path:
    return write_questionnaire(CATALOGUE, tmp_path / "questionnaire.xlsx", member="Acme Foods",
                               protocol="Acme Code")


def test_questionnaire_round_trip_reads_what_excel_leaves(questionnaire: Path) -> None:
    fill(questionnaire, {"1.1": ("Covered ", "  LS 4.2 ", "in full"), "3.1": ("PARTLY", "HS 1", None),
                         "1.2": ("N/A", None, "no deposits in this country"), "4.1": ("Not-Covered", None, None),
                         "10C.1": ("partially", 7, None)})
    assert read_questionnaire(questionnaire, CATALOGUE) == {
        "1.1": Answer("1.1", "covered", "LS 4.2", "in full"),
        "3.1": Answer("3.1", "partly", "HS 1"),
        "1.2": Answer("1.2", "not applicable", "", "no deposits in this country"),
        "4.1": Answer("4.1", "not covered"),
        "10C.1": Answer("10C.1", "partly", "7"),
    }


def test_blank_answers_are_left_out(questionnaire: Path) -> None:
    fill(questionnaire, {"1.1": ("yes", None, None), "3.1": (None, "HS 1", "to check")})
    assert read_questionnaire(questionnaire, CATALOGUE) == {"1.1": Answer("1.1", "covered")}


@pytest.mark.parametrize(("typed", "word"), [
    ("Covered", "covered"), (" yes ", "covered"), ("Y", "covered"), ("Partly covered", "partly"),
    ("Partially", "partly"), ("NO", "not covered"), ("not  covered", "not covered"),
    ("n/a", "not applicable"), ("N.A.", "not applicable"), ("Not_Applicable", "not applicable"),
    ("maybe", None), ("covered?", None)])
def test_answers_are_read_as_people_type_them(typed: str, word: str | None) -> None:
    assert parse_answer(typed) == word


def test_questionnaire_lists_active_criteria_grouped_with_only_answers_open(questionnaire: Path) -> None:
    book = load_workbook(questionnaire)
    assert book.sheetnames[0] == "Instructions" and book.active.title == "Instructions"
    sheet = book["Criteria"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["id", "pillar", "section", "question", "core", "answer", "reference", "note"]
    assert [row[0] for row in rows[1:]] == ["1.1", "1.2", "4.1", "3.1", "10C.1"]  # 1.3 is retired
    assert rows[1][4] == "yes" and rows[2][4] == "no"
    assert sheet.protection.sheet and sheet.freeze_panes == "B2"
    assert [sheet.cell(row=2, column=n).protection.locked for n in range(1, 9)] == [True] * 5 + [False] * 3
    assert sheet["D2"].alignment.wrap_text and sheet.column_dimensions["D"].width >= 60
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"covered,partly,not covered,not applicable"'
    assert str(validation.sqref) == "F2:F6"
    identity = book["Catalogue"]
    assert identity.sheet_state == "hidden" and book.security.lockStructure
    instructions = " ".join(str(row[0].value) for row in book["Instructions"].iter_rows())
    assert "Acme Foods" in instructions and "not applicable" in instructions and "reference" in instructions


def test_questionnaire_names_its_catalogue_version(questionnaire: Path) -> None:
    info = questionnaire_info(questionnaire)
    assert (info.catalogue_key, info.catalogue_version, info.member, info.protocol) == (
        "smeta-6.1-4p", 1, "Acme Foods", "Acme Code")


def test_known_answers_are_written_in(tmp_path: Path) -> None:
    answers = {"3.1": Answer("3.1", "partly", "HS 1", "=not a formula")}
    path = write_questionnaire(CATALOGUE, tmp_path / "q.xlsx", answers=answers)
    assert read_questionnaire(path, CATALOGUE) == answers


def test_every_problem_is_reported_together_and_nothing_is_read(questionnaire: Path) -> None:
    fill(questionnaire, {"1.1": ("covered", None, None), "3.1": ("maybe", None, None)})
    append_rows(questionnaire, [["9.9", "", "", "", "", "covered"], ["1.1", "", "", "", "", "partly"],
                                ["1.3", "", "", "", "", "covered"], ["", "", "", "", "", "covered"]])
    with pytest.raises(QuestionnaireError) as caught:
        read_questionnaire(questionnaire, CATALOGUE)
    problems = caught.value.problems
    assert problems == (
        "row 5 (criterion 3.1): 'maybe' is not an answer",
        "row 7: criterion '9.9' is not in SMETA 6.1 4-pillar, version 1",
        "row 8: criterion '1.1' is already on row 2",
        "row 9: criterion '1.3' is retired in SMETA 6.1 4-pillar, version 1",
        "row 10 has an answer but no criterion id")
    message = str(caught.value)
    assert "nothing was taken" in message and all(problem in message for problem in problems)


def test_a_questionnaire_for_another_version_is_refused(questionnaire: Path) -> None:
    newer = replace(CATALOGUE, version=2)
    with pytest.raises(AimDeskError, match=r"for SMETA 6.1 4-pillar \(smeta-6.1-4p\), version 1, not for "
                                           r"SMETA 6.1 4-pillar, version 2"):
        read_questionnaire(questionnaire, newer)


def test_a_questionnaire_for_another_catalogue_is_refused(questionnaire: Path) -> None:
    other = replace(CATALOGUE, key="sva-baseline", name="SVA baseline")
    with pytest.raises(AimDeskError, match="not for SVA baseline, version 1"):
        read_questionnaire(questionnaire, other)


def test_a_spreadsheet_that_is_no_questionnaire_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["id", "answer"])
    book.save(tmp_path / "list.xlsx")
    with pytest.raises(InputFileError, match="not a benchmark questionnaire"):
        read_questionnaire(tmp_path / "list.xlsx", CATALOGUE)

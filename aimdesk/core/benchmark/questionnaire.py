"""The benchmark questionnaire a member fills in (xlsx), and reading it back.

One row per active criterion of one catalogue version, grouped by pillar and section, with
a drop-down for the answer and open cells for the protocol's own reference and a note;
every other cell is locked. A hidden sheet names the catalogue and its version, so the
answers come back against the very criteria they were given for. Reading takes the same
care as a list import: every problem is collected and reported together, and answers are
returned only when the whole file is good.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.benchmark.model import ANSWER_WORDS, Answer, AnswerWord, Catalogue, Criterion
from aimdesk.core.benchmark.report import sections
from aimdesk.core.errors import AimDeskError, InputFileError
from aimdesk.core.export.xlsx_style import open_for_answers, style_header
from aimdesk.core.ingest.cells import clean_text
from aimdesk.core.ingest.reader import Workbook as ReadBook
from aimdesk.core.ingest.reader import read_workbook

CRITERIA_SHEET, INSTRUCTIONS_SHEET, IDENTITY_SHEET = "Criteria", "Instructions", "Catalogue"
COLUMNS = ("id", "pillar", "section", "question", "core", "answer", "reference", "note")
OPEN_COLUMNS = ("answer", "reference", "note")
WIDTHS = (8, 16, 26, 70, 6, 16, 22, 40)
IDENTITY_FIELDS = ("catalogue", "version", "name", "member", "protocol")
MAX_LISTED = 25
"""Problems written into the error message; all of them are in `QuestionnaireError.problems`."""

SPELLINGS: dict[str, AnswerWord] = {
    **{word.replace(" ", ""): word for word in ANSWER_WORDS},
    "yes": "covered", "y": "covered", "full": "covered", "fullycovered": "covered",
    "partially": "partly", "partial": "partly", "partlycovered": "partly", "partiallycovered": "partly",
    "no": "not covered", "n": "not covered", "uncovered": "not covered",
    "n/a": "not applicable", "na": "not applicable", "n.a.": "not applicable", "n.a": "not applicable",
}
"""What people type in Excel, compared without case, spaces, hyphens or underscores."""


@dataclass(frozen=True, slots=True)
class QuestionnaireInfo:
    """Which catalogue version a questionnaire was written for, and for whom."""

    catalogue_key: str
    catalogue_version: int
    catalogue_name: str
    member: str
    protocol: str

    @property
    def label(self) -> str:
        return f"{self.catalogue_name} ({self.catalogue_key}), version {self.catalogue_version}"


class QuestionnaireError(InputFileError):
    """A filled questionnaire refused as a whole; `problems` lists every one, by row."""

    def __init__(self, message: str, problems: tuple[str, ...]) -> None:
        super().__init__(message)
        self.problems = problems


def parse_answer(text: str) -> AnswerWord | None:
    """An answer as typed in Excel ("Covered ", "N/A", "partially", "yes"), or None when it
    is not one of the four answers."""
    key = "".join(text.casefold().split()).replace("-", "").replace("_", "")
    return SPELLINGS.get(key)


# --- writing --------------------------------------------------------------------------------


def write_questionnaire(catalogue: Catalogue, out: Path, *, member: str = "", protocol: str = "",
                        answers: Mapping[str, Answer] | None = None) -> Path:
    """Write a questionnaire on `catalogue` for a member to fill in. Returns `out`.

    Args:
        member, protocol: named on the instructions sheet (and kept, hidden, in the file).
        answers: criterion id → answer already known (a revision to update); written in.

    Raises:
        OSError: `out` cannot be written (the caller says so in its own words).
    """
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = CRITERIA_SHEET
    criteria = [c for section in sections(catalogue.active) for c in section.criteria]
    _write_criteria(sheet, criteria, answers or {})
    _add_instructions(book, catalogue, member, protocol)
    _add_identity(book, catalogue, member, protocol)
    book.security = WorkbookProtection(lockStructure=True)  # the identity sheet stays hidden
    book.properties.creator = "AIMDesk"
    book.save(out)
    return Path(out)


def _text_row(sheet: Worksheet, row: list[object]) -> None:
    """Append a row whose text cells stay text, even "=…"."""
    sheet.append(row)
    for cell in sheet[sheet.max_row]:
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _write_criteria(sheet: Worksheet, criteria: list[Criterion], answers: Mapping[str, Answer]) -> None:
    sheet.append(list(COLUMNS))
    style_header(sheet[1])
    for criterion in criteria:
        answer = answers.get(criterion.id)
        _text_row(sheet, [criterion.id, criterion.pillar, criterion.section, criterion.question,
                          "yes" if criterion.core else "no", answer.answer if answer else None,
                          answer.reference if answer else None, answer.note if answer else None])
    sheet.freeze_panes = "B2"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _open_answers(sheet, len(criteria) + 1)


def _letter(name: str) -> str:
    return get_column_letter(COLUMNS.index(name) + 1)


def _open_answers(sheet: Worksheet, last: int) -> None:
    """Only the answer, reference and note cells open, a drop-down of the four answers."""
    open_for_answers(sheet, [_letter(name) for name in OPEN_COLUMNS], last, choice_column=_letter("answer"),
                     choices=ANSWER_WORDS, title="Answer",
                     error=f"Choose {', '.join(ANSWER_WORDS)}, or leave the cell empty.",
                     prompt="How does your protocol cover it?")
    sheet.protection.autoFilter = False


def _instructions(catalogue: Catalogue) -> tuple[str, ...]:
    return (
        "What this is",
        f"The forum compares each member's protocol, criterion by criterion, with the common "
        f"benchmark: {catalogue.name}. The sheet '{CRITERIA_SHEET}' lists its "
        f"{len(catalogue.active)} criteria as questions, grouped by pillar and section.",
        "For each criterion, choose in the column 'answer' how your protocol covers it:",
        "    covered: your protocol requires and checks it in full.",
        "    partly: it covers only part of it (say what is missing in 'note'); counts half.",
        "    not covered: your protocol does not ask for it.",
        "    not applicable: it cannot apply to the sites your protocol is used for (say why in "
        "'note'); it is left out of the score.",
        "In 'reference', give your protocol's own section or question number for each answer "
        "(for example 'LS 4.2'), so that the secretariat can find it.",
        "Criteria marked core = yes matter most: one that is not covered can stop the benchmark "
        "from passing, whatever the score.",
        "Leave an answer empty if you do not know yet; it counts as not covered until answered.",
        "Commonality = weighted (covered + ½ partly) ÷ weighted applicable criteria.",
        "Do not change the other cells, and do not add, remove or move rows.",
        "Save the file as it is (.xlsx) and send it back to the secretariat.",
    )


def _add_instructions(book: Workbook, catalogue: Catalogue, member: str, protocol: str) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET, 0)
    for_whom = ", ".join(part for part in (member, protocol) if part)
    _text_row(sheet, [f"Benchmark questionnaire: {catalogue.label}" + (f" — {for_whom}" if for_whom else "")])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in _instructions(catalogue):
        _text_row(sheet, [line])
    sheet["A2"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True
    book.active = 0
    book[CRITERIA_SHEET].sheet_view.tabSelected = False  # one selected tab, not a group


def _add_identity(book: Workbook, catalogue: Catalogue, member: str, protocol: str) -> None:
    sheet = book.create_sheet(IDENTITY_SHEET)
    values = (catalogue.key, catalogue.version, catalogue.name, member, protocol)
    for field, value in zip(IDENTITY_FIELDS, values):
        _text_row(sheet, [field, value])
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


# --- reading --------------------------------------------------------------------------------


def questionnaire_info(path: Path) -> QuestionnaireInfo:
    """The catalogue version (and member, protocol) a questionnaire file was written for.

    Raises:
        InputFileError: the file cannot be read, or is not a questionnaire from AIMDesk.
    """
    return _info(read_workbook(Path(path)))


def _info(book: ReadBook) -> QuestionnaireInfo:
    sheet = next((s for s in book.sheets if s.name == IDENTITY_SHEET), None)
    values = {clean_text(row[0]): clean_text(row[1]) for row in sheet.rows if len(row) > 1} if sheet else {}
    version = values.get("version", "")
    if not values.get("catalogue") or not version.isdigit():
        raise InputFileError(
            f"{book.path.name} is not a benchmark questionnaire written by AIMDesk (it names no "
            "catalogue version); write one with 'benchmark questionnaire'.")
    return QuestionnaireInfo(values["catalogue"], int(version), values.get("name", values["catalogue"]),
                             values.get("member", ""), values.get("protocol", ""))


def read_questionnaire(path: Path, catalogue: Catalogue) -> dict[str, Answer]:
    """The answers of a filled questionnaire (blank answers left out), read as Excel leaves
    it: answers in any case, with spaces, "N/A", "partially", "yes"/"no".

    Args:
        catalogue: the catalogue version the questionnaire must have been written for.

    Returns:
        Criterion id → answer, only when every row is good.

    Raises:
        InputFileError: not a questionnaire (no catalogue named, no id or answer column).
        AimDeskError: a questionnaire for another catalogue or version.
        QuestionnaireError: unknown or retired criterion ids, a criterion twice, answers
            that are none of the four; every problem listed, by row.
    """
    path = Path(path)
    book = read_workbook(path)
    info = _info(book)
    if (info.catalogue_key, info.catalogue_version) != (catalogue.key, catalogue.version):
        raise AimDeskError(f"{path.name} is a questionnaire for {info.label}, not for {catalogue.label} "
                           f"({catalogue.key}); read it against the catalogue it was written for.")
    answers, problems = _read_rows(book, catalogue)
    if problems:
        listed = "; ".join(problems[:MAX_LISTED])
        more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise QuestionnaireError(
            f"{path.name} was not read, nothing was taken from it: {listed}{more}. Answers are "
            f"{', '.join(ANSWER_WORDS)} (or empty); fix the file and import it again.", tuple(problems))
    return answers


def _read_rows(book: ReadBook, catalogue: Catalogue) -> tuple[dict[str, Answer], list[str]]:
    """Answers by criterion id and every problem found, in row order."""
    rows = book.sheet(CRITERIA_SHEET).rows
    header = [clean_text(cell).casefold() for cell in rows[0]] if rows else []
    if "id" not in header or "answer" not in header:
        raise InputFileError(f"{book.path.name}: sheet '{CRITERIA_SHEET}' has no 'id' and 'answer' "
                             "columns in row 1; write a new questionnaire with 'benchmark questionnaire'.")
    at = {name: header.index(name) for name in COLUMNS if name in header}
    answers: dict[str, Answer] = {}
    first_row: dict[str, int] = {}
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: clean_text(row[index]) if index < len(row) else "" for name, index in at.items()}
        result = _read_row(number, cells, catalogue, first_row)
        first_row.setdefault(cells["id"], number)
        if isinstance(result, str):
            problems.append(result)
        elif result is not None:
            answers[result.criterion_id] = result
    return answers, problems


def _read_row(number: int, cells: dict[str, str], catalogue: Catalogue,
              first_row: dict[str, int]) -> Answer | str | None:
    """One row's answer, or what is wrong with it in words, or None when it has no answer."""
    criterion_id, answer = cells["id"], cells["answer"]
    if not criterion_id:
        filled = any(cells.get(name) for name in OPEN_COLUMNS)
        return f"row {number} has an answer but no criterion id" if filled else None
    criterion = catalogue.criterion(criterion_id)
    if criterion is None:
        return f"row {number}: criterion '{criterion_id}' is not in {catalogue.label}"
    if criterion.retired:
        return f"row {number}: criterion '{criterion_id}' is retired in {catalogue.label}"
    if criterion_id in first_row:
        return f"row {number}: criterion '{criterion_id}' is already on row {first_row[criterion_id]}"
    if not answer:
        return None
    word = parse_answer(answer)
    if word is None:
        return f"row {number} (criterion {criterion_id}): '{answer}' is not an answer"
    return Answer(criterion_id, word, cells.get("reference", ""), cells.get("note", ""))

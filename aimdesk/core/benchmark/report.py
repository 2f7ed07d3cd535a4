"""The benchmark report of one assessment: an HTML document (shown in the app, printed to
PDF by the GUI layer) and a styled xlsx workbook, both built from the same facts.

The HTML keeps to what QTextDocument renders: tables, inline styles, no CSS grid, no
external files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.benchmark.model import AnswerWord, Assessment, Catalogue, Criterion, Kind, Score, percent
from aimdesk.core.export.xlsx_style import HEADER_COLOUR, append_text, style_header

KIND_LABELS: dict[Kind, str] = {"audit": "On-site audit", "virtual": "Virtual assessment"}
ANSWER_LABELS: dict[AnswerWord | None, str] = {
    "covered": "Covered", "partly": "Partly", "not covered": "Not covered",
    "not applicable": "Not applicable", None: "Not answered"}
ANSWER_COLOURS: dict[AnswerWord | None, str] = {
    "covered": "E2F0D9", "partly": "FFF2CC", "not covered": "F8CBAD",
    "not applicable": "EDEDED", None: "FFFFFF"}
PASSED_COLOUR, FAILED_COLOUR = "C6EFCE", "FFC7CE"
CRITERIA_COLUMNS = ("Id", "Pillar", "Section", "Question", "Core", "Weight", "Answer",
                    "Protocol reference", "Note")
CRITERIA_WIDTHS = (8, 16, 26, 70, 6, 8, 14, 22, 40)
ANSWER_COLUMNS = ("Id", "Question", "Answer", "Protocol reference", "Note")
"""The columns of the gaps and of the report's criterion table."""
ANSWER_COLUMN_PERCENTS = (8, 40, 17, 14, 21)
"""Their widths in the HTML, in percent of the page width."""


@dataclass(frozen=True, slots=True)
class Section:
    """The criteria of one section of a pillar, in catalogue order."""

    pillar: str
    name: str
    criteria: tuple[Criterion, ...]


def sections(criteria: Iterable[Criterion]) -> list[Section]:
    """Criteria grouped by pillar, then by section, each in the order it first appears
    (a catalogue may list a section's criteria apart; they are shown together)."""
    groups: dict[tuple[str, str], list[Criterion]] = {}
    for criterion in criteria:
        groups.setdefault((criterion.pillar, criterion.section), []).append(criterion)
    pillars = list(dict.fromkeys(pillar for pillar, _ in groups))
    ordered = sorted(groups.items(), key=lambda item: pillars.index(item[0][0]))
    return [Section(pillar, name, tuple(members)) for (pillar, name), members in ordered]


def verdict(score: Score) -> str:
    """"Passed" or "Not passed"."""
    return "Passed" if score.passed else "Not passed"


def scoring_rule(score: Score) -> str:
    """The rule the verdict follows, with this workspace's parameters, in words."""
    core = (" and no core criterion is left not covered" if score.core_blocks
            else "; a core criterion not covered is reported but does not block")
    return ("AIMDesk rule: commonality = weighted (covered + ½ partly) ÷ weighted applicable "
            "criteria. Criteria answered not applicable are left out; criteria not answered "
            f"count as not covered. The benchmark is passed when commonality reaches "
            f"{score.threshold:.0%}{core}.")


def figures(score: Score) -> list[tuple[str, str]]:
    """Commonality overall, then per pillar."""
    return [("Overall", percent(score.overall)),
            *((pillar, percent(value)) for pillar, value in score.by_pillar.items())]


def report_facts(assessment: Assessment, catalogue: Catalogue) -> list[tuple[str, str]]:
    """What was benchmarked against what, as (label, value) lines."""
    saved = " by ".join(part for part in (assessment.saved_at[:10], assessment.saved_by) if part)
    facts = [("Member", assessment.member),
             ("Protocol", " ".join(p for p in (assessment.protocol, assessment.protocol_version) if p)),
             ("Kind", KIND_LABELS.get(assessment.kind, assessment.kind)),
             ("Catalogue", f"{catalogue.label} ({catalogue.key})"),
             ("Assessment", f"#{assessment.id}, revision {assessment.revision}"),
             ("Date", saved or "not saved yet")]
    return facts + ([("Note", assessment.note)] if assessment.note else [])


def answer_counts(assessment: Assessment, catalogue: Catalogue) -> list[tuple[str, int]]:
    """How many active criteria got each answer (and how many none)."""
    words = [_answer(assessment, c) for c in catalogue.active]
    return [(label, words.count(word)) for word, label in ANSWER_LABELS.items()]


def report_title(assessment: Assessment) -> str:
    """The report's heading, also the PDF's title: "Benchmark report: member, protocol"."""
    return f"Benchmark report: {assessment.member}, {assessment.protocol}"


def _answer(assessment: Assessment, criterion: Criterion) -> AnswerWord | None:
    answer = assessment.answers.get(criterion.id)
    return answer.answer if answer is not None else None


def _criterion_cells(assessment: Assessment, criterion: Criterion) -> tuple[str, str, str]:
    """Answer label, protocol reference and note of one criterion."""
    answer = assessment.answers.get(criterion.id)
    if answer is None:
        return ANSWER_LABELS[None], "", ""
    return ANSWER_LABELS[answer.answer], answer.reference, answer.note


# --- HTML -----------------------------------------------------------------------------------

TABLE = ('width="100%" border="1" cellspacing="0" cellpadding="3" '
         'style="border-collapse: collapse; border-style: solid; border-color: #A6A6A6;"')


def report_html(assessment: Assessment, catalogue: Catalogue, score: Score) -> str:
    """The report as one self-contained HTML document (for QTextDocument and PDF).

    Args:
        assessment: the revision reported on.
        catalogue: the catalogue version the assessment used.
        score: its score (`assessment_score`), whose settings the rule is written with.

    Returns:
        The HTML text: facts, verdict and reasons, figures, the rule, core criteria not
        covered, gaps by section, then every criterion by pillar and section.
    """
    parts = [f"<html><head><meta charset=\"utf-8\"><title>{_text(report_title(assessment))}</title></head>",
             '<body style="font-family: sans-serif; font-size: 9pt;">',
             f'<h1 style="font-size: 16pt;">{_text(report_title(assessment))}</h1>',
             _pairs_table(report_facts(assessment, catalogue)),
             _verdict_html(score),
             _figures_html(assessment, catalogue, score),
             f'<p style="font-size: 8pt; color: #404040;">{_text(scoring_rule(score))}</p>',
             _core_html(score),
             _gaps_html(assessment, score),
             _criteria_html(assessment, catalogue),
             "</body></html>"]
    return "\n".join(part for part in parts if part)


def _text(value: object) -> str:
    return escape(str(value)).replace("\n", "<br>")


def _pairs_table(pairs: Sequence[tuple[str, object]], *, bold_values: bool = False) -> str:
    weight = "bold" if bold_values else "normal"
    rows = "".join(f'<tr><td width="25%" bgcolor="#F2F2F2"><b>{_text(label)}</b></td>'
                   f'<td style="font-weight: {weight};">{_text(value)}</td></tr>' for label, value in pairs)
    return f"<table {TABLE}>{rows}</table>"


def _verdict_html(score: Score) -> str:
    colour = PASSED_COLOUR if score.passed else FAILED_COLOUR
    reasons = "".join(f"<li>{_text(reason)}</li>" for reason in score.reasons)
    return (f'<h2 style="font-size: 12pt;">Verdict</h2>'
            f'<table {TABLE}><tr><td bgcolor="#{colour}" style="font-size: 14pt; font-weight: bold;">'
            f"{verdict(score)}: commonality {percent(score.overall)}</td></tr></table>"
            f"<ul>{reasons}</ul>")


def _figures_html(assessment: Assessment, catalogue: Catalogue, score: Score) -> str:
    return ('<h2 style="font-size: 12pt;">Commonality</h2>' + _pairs_table(figures(score), bold_values=True)
            + '<h2 style="font-size: 12pt;">Answers</h2>' + _pairs_table(answer_counts(assessment, catalogue)))


def _core_html(score: Score) -> str:
    if not score.core_not_covered:
        return ""
    items = "".join(f"<li><b>{_text(c.id)}</b> {_text(c.question)}</li>" for c in score.core_not_covered)
    return (f'<h2 style="font-size: 12pt; color: #C00000;">Core criteria not covered '
            f"({len(score.core_not_covered)})</h2><ul>{items}</ul>")


def _gaps_html(assessment: Assessment, score: Score) -> str:
    gaps = [criterion for criterion, _ in score.gaps]
    if not gaps:
        return '<h2 style="font-size: 12pt;">Gaps</h2><p>None: every applicable criterion is covered.</p>'
    return f'<h2 style="font-size: 12pt;">Gaps ({len(gaps)})</h2>' + _criterion_table(assessment, sections(gaps))


def _criteria_html(assessment: Assessment, catalogue: Catalogue) -> str:
    return ('<h2 style="font-size: 12pt; page-break-before: always;">Criteria</h2>'
            + _criterion_table(assessment, sections(catalogue.active)))


def _criterion_table(assessment: Assessment, groups: Sequence[Section]) -> str:
    """One table, a heading row per section; the column header repeats on each page."""
    cells = "".join(f'<td width="{width}%">{name}</td>'
                    for name, width in zip(ANSWER_COLUMNS, ANSWER_COLUMN_PERCENTS))
    head = f'<thead><tr bgcolor="#{HEADER_COLOUR}" style="color: white; font-weight: bold;">{cells}</tr></thead>'
    rows = []
    for section in groups:
        rows.append(f'<tr bgcolor="#DDEBF7"><td colspan="5"><b>{_text(section.pillar)} ▸ '
                    f"{_text(section.name)}</b></td></tr>")
        rows += [_criterion_row(assessment, criterion) for criterion in section.criteria]
    return f"<table {TABLE}>{head}{''.join(rows)}</table>"


def _criterion_row(assessment: Assessment, criterion: Criterion) -> str:
    answer, reference, note = _criterion_cells(assessment, criterion)
    colour = ANSWER_COLOURS[_answer(assessment, criterion)]
    core = ' <span style="color: #C00000; font-weight: bold;">(core)</span>' if criterion.core else ""
    return (f"<tr><td>{_text(criterion.id)}</td><td>{_text(criterion.question)}{core}</td>"
            f'<td bgcolor="#{colour}">{_text(answer)}</td><td>{_text(reference)}</td>'
            f"<td>{_text(note)}</td></tr>")


# --- xlsx -----------------------------------------------------------------------------------

_TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
_ONE_LINE = Alignment(vertical="top")
"""Titles and headings run on over the empty cells to their right."""


def write_report_xlsx(assessment: Assessment, catalogue: Catalogue, score: Score, out: Path) -> Path:
    """The report as a workbook: sheet "Summary" (facts, verdict and reasons, figures, the
    rule, core criteria not covered, gaps by section) and sheet "Criteria" (every active
    criterion with its answer, filters on, header frozen). Returns `out`.

    Raises:
        OSError: `out` cannot be written (the caller says so in its own words).
    """
    book = Workbook()
    summary = book.worksheets[0]
    summary.title = "Summary"
    _write_summary(summary, assessment, catalogue, score)
    _write_criteria(book.create_sheet("Criteria"), assessment, catalogue)
    book.properties.creator = "AIMDesk"
    book.properties.title = report_title(assessment)
    book.save(out)
    return Path(out)


def _append(sheet: Worksheet, row: Sequence[object], *, bold: bool = False, wrap: bool = True) -> None:
    """`append_text`, laid out for the report."""
    append_text(sheet, row)
    for cell in sheet[sheet.max_row]:
        cell.alignment = _TOP_WRAPPED if wrap else _ONE_LINE
        if bold:
            cell.font = Font(bold=True)


def _heading(sheet: Worksheet, text: str) -> None:
    sheet.append([])
    _append(sheet, [text], wrap=False)
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)


def _header(sheet: Worksheet, names: Sequence[str]) -> None:
    _append(sheet, names)
    style_header(sheet[sheet.max_row])


def _write_summary(sheet: Worksheet, assessment: Assessment, catalogue: Catalogue, score: Score) -> None:
    _append(sheet, [report_title(assessment)], wrap=False)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for label, value in report_facts(assessment, catalogue):
        _append(sheet, [label, value])
    _heading(sheet, "Verdict")
    _append(sheet, [verdict(score), percent(score.overall)], bold=True)
    for cell in sheet[sheet.max_row][:2]:
        cell.fill = PatternFill("solid", fgColor=PASSED_COLOUR if score.passed else FAILED_COLOUR)
    for reason in score.reasons:
        _append(sheet, ["", reason])
    _heading(sheet, "Commonality")
    for label, value in figures(score):
        _append(sheet, [label, value])
    _heading(sheet, "Answers")
    for label, count in answer_counts(assessment, catalogue):
        _append(sheet, [label, count])
    _heading(sheet, "Scoring rule")
    _append(sheet, ["", scoring_rule(score)])
    _summary_lists(sheet, assessment, score)
    for column, width in zip("ABCDE", (22, 70, 14, 22, 40)):
        sheet.column_dimensions[column].width = width


def _summary_lists(sheet: Worksheet, assessment: Assessment, score: Score) -> None:
    if score.core_not_covered:
        _heading(sheet, f"Core criteria not covered ({len(score.core_not_covered)})")
        for criterion in score.core_not_covered:
            _append(sheet, [criterion.id, criterion.question])
    _heading(sheet, f"Gaps ({len(score.gaps)})")
    if not score.gaps:
        _append(sheet, ["", "None: every applicable criterion is covered."])
    else:
        _header(sheet, ANSWER_COLUMNS)
    for section in sections(criterion for criterion, _ in score.gaps):
        _append(sheet, [f"{section.pillar} ▸ {section.name}"], bold=True, wrap=False)
        for criterion in section.criteria:
            _append(sheet, [criterion.id, criterion.question, *_criterion_cells(assessment, criterion)])


def _write_criteria(sheet: Worksheet, assessment: Assessment, catalogue: Catalogue) -> None:
    _header(sheet, CRITERIA_COLUMNS)
    answer_column = CRITERIA_COLUMNS.index("Answer") + 1
    for section in sections(catalogue.active):
        for criterion in section.criteria:
            answer, reference, note = _criterion_cells(assessment, criterion)
            _append(sheet, [criterion.id, criterion.pillar, criterion.section, criterion.question,
                            "yes" if criterion.core else "no", criterion.weight, answer, reference, note])
            colour = ANSWER_COLOURS[_answer(assessment, criterion)]
            sheet.cell(row=sheet.max_row, column=answer_column).fill = PatternFill("solid", fgColor=colour)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(CRITERIA_COLUMNS))}{sheet.max_row}"
    for index, width in enumerate(CRITERIA_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

"""The benchmark report: HTML for the app and the PDF, and the styled xlsx, from the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.core.benchmark.model import Answer, Assessment, Catalogue, Criterion, Settings
from aimdesk.core.benchmark.report import report_html, sections, write_report_xlsx
from aimdesk.core.benchmark.scoring import score

LABOUR, SAFETY = "Labour standards", "Health & safety"
CATALOGUE = Catalogue("smeta-6.1-4p", "SMETA 6.1 4-pillar", "audit", 3, (
    Criterion("1.1", LABOUR, "1 Freely chosen employment", "Is work voluntary?", core=True),
    Criterion("3.1", SAFETY, "3 Health and safety", "Is the workplace safe?"),
    Criterion("1.2", LABOUR, "1 Freely chosen employment", "Are no deposits taken?"),
    Criterion("4.1", LABOUR, "4 Child labour", "Is no child employed?", core=True),
    Criterion("4.2", LABOUR, "4 Child labour", "Retired", retired=True),
    Criterion("3.2", SAFETY, "3 Health and safety", "Is there fire training?", weight=2),
))
ANSWERS = {"1.1": Answer("1.1", "covered", "LS 1", "word for word"),
           "1.2": Answer("1.2", "partly", "LS 2", "only for agency workers"),
           "4.1": Answer("4.1", "not covered"),
           "3.1": Answer("3.1", "not applicable", note="office only"),
           "3.2": Answer("3.2", "covered", "HS <7>")}


def assessment(answers: dict[str, Answer] = ANSWERS) -> Assessment:
    return Assessment(12, 2, 1, "Acme & Sons <Foods>", "Acme Code", "2024", "audit", "smeta-6.1-4p", 3,
                      dict(answers), saved_at="2026-11-01T09:00:00+00:00", saved_by="ana")


@pytest.fixture
def html() -> str:
    return report_html(assessment(), CATALOGUE, score(CATALOGUE, ANSWERS, Settings()))


def test_sections_group_criteria_by_pillar_then_section_in_catalogue_order() -> None:
    assert [(s.pillar, s.name, [c.id for c in s.criteria]) for s in sections(CATALOGUE.active)] == [
        (LABOUR, "1 Freely chosen employment", ["1.1", "1.2"]), (LABOUR, "4 Child labour", ["4.1"]),
        (SAFETY, "3 Health and safety", ["3.1", "3.2"])]


def test_report_html_says_who_what_and_the_verdict(html: str) -> None:
    # 1.1 covered, 1.2 partly, 4.1 not covered: labour 1.5 / 3; safety 3.2 covered (3.1 n/a): 2 / 2
    for text in ("Acme &amp; Sons &lt;Foods&gt;", "Acme Code 2024", "On-site audit",
                 "SMETA 6.1 4-pillar, version 3 (smeta-6.1-4p)", "#12, revision 2", "2026-11-01 by ana",
                 "Not passed: commonality 70.0 %", "50.0 %", "100.0 %",
                 "Commonality 70.0 % is below the threshold of 85 %.",
                 "Core criteria not covered: 4.1, so the benchmark is not passed.",
                 "weighted (covered + ½ partly) ÷ weighted applicable criteria",
                 "no core criterion is left not covered", "HS &lt;7&gt;", "only for agency workers",
                 "Not applicable", "office only"):
        assert text in html, text
    assert "Retired" not in html and "<script" not in html


def test_report_html_lists_gaps_by_section_and_core_criteria_not_covered(html: str) -> None:
    gaps = html[html.index("Gaps (2)"):html.index(">Criteria<")]
    assert gaps.index("1.2") < gaps.index("4.1") and "4 Child labour" in gaps and "3.2" not in gaps
    core = html[html.index("Core criteria not covered (1)"):html.index("Gaps (2)")]
    assert "Is no child employed?" in core


def test_report_html_of_a_passing_protocol(tmp_path: Path) -> None:
    answers = {c.id: Answer(c.id, "covered") for c in CATALOGUE.active}
    html = report_html(assessment(answers), CATALOGUE, score(CATALOGUE, answers, Settings(core_blocks=False)))
    assert "Passed: commonality 100.0 %" in html and "None: every applicable criterion is covered." in html
    assert "does not block" in html and "Core criteria not covered" not in html


def test_report_xlsx_has_a_summary_and_a_filtered_criteria_sheet(tmp_path: Path) -> None:
    out = write_report_xlsx(assessment(), CATALOGUE, score(CATALOGUE, ANSWERS, Settings()), tmp_path / "r.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Criteria"]
    summary = {row[0]: row[1:] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Member"][0] == "Acme & Sons <Foods>"
    assert summary["Not passed"][0] == "70.0 %"
    assert summary["Overall"][0] == "70.0 %" and summary[LABOUR][0] == "50.0 %" and summary[SAFETY][0] == "100.0 %"
    assert summary["Not covered"][0] == 1 and summary["Not answered"][0] == 0
    assert summary["4.1"][0] == "Is no child employed?"  # core not covered, then among the gaps
    sheet = book["Criteria"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Id", "Pillar", "Section", "Question", "Core", "Weight", "Answer",
                       "Protocol reference", "Note")
    assert [row[0] for row in rows[1:]] == ["1.1", "1.2", "4.1", "3.1", "3.2"]
    assert rows[5][4:] == ("no", 2, "Covered", "HS <7>", None)
    assert sheet.auto_filter.ref == "A1:I6" and sheet.freeze_panes == "B2"
    assert sheet["G4"].fill.fgColor.rgb.endswith("F8CBAD")  # not covered stands out

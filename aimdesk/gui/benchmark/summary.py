"""A benchmark's score as HTML: overall and per pillar, the verdict and why, the gaps by
section and the core criteria not covered."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from aimdesk.core.benchmark.model import percent
from aimdesk.core.benchmark.model import Catalogue, Criterion, Score

PASSED, FAILED = "#2e7d32", "#c62828"


def score_html(catalogue: Catalogue, result: Score) -> str:
    return "".join((_verdict(result), _pillars(result), _core(result.core_not_covered), _gaps(result),
                    f"<p style='color:#666'>{escape(catalogue.label)}. Commonality = weighted (covered + ½ partly) "
                    "÷ weighted applicable criteria; unanswered criteria count as not covered.</p>"))


def _verdict(result: Score) -> str:
    colour, word = (PASSED, "Passed") if result.passed else (FAILED, "Not passed")
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in result.reasons)
    return (f"<h2 style='color:{colour}'>{word}: {percent(result.overall)} commonality</h2>"
            f"<ul>{reasons}</ul>")


def _pillars(result: Score) -> str:
    rows = "".join(f"<tr><td>{escape(pillar)}</td><td align='right'><b>{percent(value)}</b></td></tr>"
                   for pillar, value in result.by_pillar.items())
    return f"<h3>By pillar</h3><table cellpadding='4'>{rows}</table>"


def _core(criteria: tuple[Criterion, ...]) -> str:
    if not criteria:
        return ""
    items = "".join(f"<li><b>{escape(c.id)}</b> {escape(c.question)}</li>" for c in criteria)
    return f"<h3 style='color:{FAILED}'>Core criteria not covered</h3><ul>{items}</ul>"


def _gaps(result: Score) -> str:
    if not result.gaps:
        return "<h3>Gaps</h3><p>None: every applicable criterion is covered.</p>"
    by_section: dict[str, list[str]] = defaultdict(list)
    for criterion, answer in result.gaps:
        by_section[criterion.section].append(
            f"<li><b>{escape(criterion.id)}</b> {escape(criterion.question)} — <i>{escape(answer or 'not answered')}</i></li>")
    sections = "".join(f"<p><b>{escape(section)}</b></p><ul>{''.join(items)}</ul>"
                       for section, items in by_section.items())
    return f"<h3>Gaps by section ({len(result.gaps)})</h3>{sections}"

"""The commonality score of a protocol against a catalogue, and its verdict.

commonality = Σ weight × (1 for covered, ½ for partly, 0 for not covered or unanswered)
              ÷ Σ weight of the applicable criteria (all active ones except "not applicable").

The benchmark passes when commonality reaches the threshold (85 % by default) and, when the
workspace says core criteria block, no core criterion is answered "not covered" or left
unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping

from aimdesk.core.benchmark.model import Answer, AnswerWord, Catalogue, Criterion, Score, Settings, percent

CREDIT: dict[AnswerWord, float] = {"covered": 1.0, "partly": 0.5, "not covered": 0.0}


def score(catalogue: Catalogue, answers: Mapping[str, Answer], settings: Settings = Settings()) -> Score:
    """Score `answers` (criterion id → answer) against the catalogue's active criteria."""
    applicable = [c for c in catalogue.active if _word(answers, c) != "not applicable"]
    overall = _commonality(applicable, answers)
    by_pillar = {pillar: _commonality([c for c in applicable if c.pillar == pillar], answers)
                 for pillar in catalogue.pillars}
    unanswered = tuple(c for c in catalogue.active if _word(answers, c) is None)
    gaps = tuple((c, _word(answers, c)) for c in applicable if _word(answers, c) != "covered")
    core_missing = tuple(c for c in applicable if c.core and _word(answers, c) in ("not covered", None))
    reasons = _reasons(overall, core_missing, unanswered, settings)
    passed = overall is not None and overall >= settings.threshold and not (settings.core_blocks and core_missing)
    return Score(overall, by_pillar, passed, settings.threshold, settings.core_blocks,
                 sum(c.weight for c in applicable),
                 sum(c.weight * CREDIT.get(_word(answers, c) or "not covered", 0.0) for c in applicable),
                 unanswered, gaps, core_missing, reasons)


def _word(answers: Mapping[str, Answer], criterion: Criterion) -> AnswerWord | None:
    answer = answers.get(criterion.id)
    return answer.answer if answer is not None else None


def _commonality(criteria: list[Criterion], answers: Mapping[str, Answer]) -> float | None:
    total = sum(c.weight for c in criteria)
    if total <= 0:
        return None
    return sum(c.weight * CREDIT.get(_word(answers, c) or "not covered", 0.0) for c in criteria) / total


def _reasons(overall: float | None, core_missing: tuple[Criterion, ...], unanswered: tuple[Criterion, ...],
             settings: Settings) -> tuple[str, ...]:
    reasons = []
    if overall is None:
        reasons.append("No criterion is applicable: nothing to score.")
    elif overall >= settings.threshold:
        reasons.append(f"Commonality {percent(overall)} reaches the threshold of {settings.threshold * 100:g} %.")
    else:
        reasons.append(f"Commonality {percent(overall)} is below the threshold of {settings.threshold * 100:g} %.")
    if core_missing:
        ids = ", ".join(c.id for c in core_missing)
        effect = "so the benchmark is not passed" if settings.core_blocks else "(this does not block: a setting)"
        reasons.append(f"Core criteria not covered: {ids}, {effect}.")
    if unanswered:
        reasons.append(f"{len(unanswered)} criteria are not answered yet; they count as not covered.")
    return tuple(reasons)

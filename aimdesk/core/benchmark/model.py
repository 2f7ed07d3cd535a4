"""The shapes every part of benchmarking shares: criteria, catalogues, answers."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["audit", "virtual"]
"""An on-site audit protocol (benchmarked against SMETA 6.1 4-pillar) or a virtual
assessment (against the SVA baseline)."""
KINDS: tuple[Kind, ...] = ("audit", "virtual")

AnswerWord = Literal["covered", "partly", "not covered", "not applicable"]
ANSWER_WORDS: tuple[AnswerWord, ...] = ("covered", "partly", "not covered", "not applicable")


def percent(value: float | None) -> str:
    """A commonality as people read it: "84.9 %". Rounded down, so a protocol just short of
    the threshold never shows the threshold itself; "–" when nothing is applicable."""
    if value is None:
        return "–"
    return f"{math.floor(value * 1000 + 1e-9) / 10:.1f} %"


@dataclass(frozen=True, slots=True)
class Criterion:
    """One thing a protocol must require or check, as a question."""

    id: str
    """Stable across catalogue versions ("6.4", "0A.2", "SVA-3.1")."""
    pillar: str
    section: str
    question: str
    weight: float = 1.0
    core: bool = False
    """A core criterion: not covering it can block eligibility (a workspace setting)."""
    draft: bool = False
    """Wording not confirmed against the published criteria: to be reviewed."""
    retired: bool = False
    """No longer asked from this version on (kept so old answers stay readable)."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One version of a criteria catalogue. A version never changes once saved."""

    key: str
    """"smeta-6.1-4p" or "sva-baseline" (or a catalogue the secretariat added)."""
    name: str
    kind: Kind
    version: int
    criteria: tuple[Criterion, ...]
    created_at: str = ""
    created_by: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}, version {self.version}"

    @property
    def active(self) -> tuple[Criterion, ...]:
        """The criteria asked in this version (retired ones left out)."""
        return tuple(c for c in self.criteria if not c.retired)

    @property
    def pillars(self) -> tuple[str, ...]:
        """Pillars in catalogue order."""
        return tuple(dict.fromkeys(c.pillar for c in self.active))

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


@dataclass(frozen=True, slots=True)
class Answer:
    """How a protocol covers one criterion, where, and why."""

    criterion_id: str
    answer: AnswerWord
    reference: str = ""
    """The protocol's own section or question number."""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """The workspace's benchmarking rules."""

    threshold: float = 0.85
    core_blocks: bool = True
    """A core criterion answered "not covered" fails the benchmark whatever the score."""


@dataclass(frozen=True, slots=True)
class Score:
    """Commonality = weighted (covered + ½ partly) ÷ weighted applicable criteria."""

    overall: float | None
    """None when no criterion is applicable."""
    by_pillar: dict[str, float | None]
    passed: bool
    threshold: float
    core_blocks: bool
    applicable_weight: float
    covered_weight: float
    unanswered: tuple[Criterion, ...] = ()
    """Not answered yet: counted as not covered until they are."""
    gaps: tuple[tuple[Criterion, AnswerWord | None], ...] = ()
    """Criteria not (fully) covered, with their answer (None: unanswered), catalogue order."""
    core_not_covered: tuple[Criterion, ...] = ()
    reasons: tuple[str, ...] = field(default_factory=tuple)
    """Why the verdict is what it is, in plain words."""


@dataclass(frozen=True, slots=True)
class AssessmentHeader:
    """Which revision of which assessment: the member's protocol and the catalogue version
    it is benchmarked against (what `Assessment` and the assessments list share)."""

    id: int
    """The assessment; all its revisions share it."""
    revision: int
    member_id: int
    member: str
    protocol: str
    protocol_version: str
    kind: Kind
    catalogue_key: str
    catalogue_version: int


@dataclass(frozen=True, slots=True)
class Assessment(AssessmentHeader):
    """One revision of a member protocol's benchmark. Saving an edit makes a new revision;
    earlier revisions are kept as they were."""

    answers: dict[str, Answer]
    """Criterion id → answer."""
    saved_at: str = ""
    saved_by: str = ""
    note: str = ""

"""Protocol assessments: a member protocol's answers against one catalogue version, saved as
revisions (an edit is a new revision; earlier ones are kept as they were), scored with the
workspace's benchmarking settings, and compared side by side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from aimdesk.core.benchmark.catalogues import get_catalogue, keep_catalogue
from aimdesk.core.benchmark.model import (ANSWER_WORDS, Answer, Assessment, AssessmentHeader, Catalogue, Kind, Score,
                                          Settings, percent)
from aimdesk.core.benchmark.scoring import score
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.benchmarks import (assessment_exists, fetch_revisions, insert_assessment,
                                           insert_revision, last_revision)
from aimdesk.core.store.members import member_name
from aimdesk.core.store.settings import get_setting, set_setting
from aimdesk.core.store.workspace import Store, timestamp, utc_now

THRESHOLD_SETTING, CORE_BLOCKS_SETTING = "benchmark.threshold", "benchmark.core_blocks"


@dataclass(frozen=True, slots=True)
class AssessmentSummary(AssessmentHeader):
    """One line of the assessments list: a revision with its score under the current settings."""

    catalogue_label: str
    saved_at: str
    saved_by: str
    commonality: float | None
    passed: bool


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One criterion of a side-by-side comparison; `differs` compares the answer words only
    (references and notes of two protocols always differ)."""

    criterion_id: str
    pillar: str
    section: str
    question: str
    left: Answer | None
    right: Answer | None
    differs: bool


def benchmark_settings(store: Store) -> Settings:
    """The workspace's threshold and whether an uncovered core criterion blocks the benchmark."""
    default = Settings()
    return Settings(float(get_setting(store, THRESHOLD_SETTING, default.threshold)),
                    bool(get_setting(store, CORE_BLOCKS_SETTING, default.core_blocks)))


def set_benchmark_settings(store: Store, settings: Settings, *, who: str,
                           now: Callable[[], datetime] = utc_now) -> None:
    """Change the workspace's benchmarking rules; every score follows them from now on.

    Raises:
        AimDeskError: the threshold is not a fraction above 0 and at most 1 (0.85 for 85 %).
    """
    if not 0 < settings.threshold <= 1:
        raise AimDeskError(f"The threshold is a fraction above 0 and at most 1 (0.85 for 85 %), "
                           f"not {settings.threshold:g}.")
    with store.transaction():
        set_setting(store, THRESHOLD_SETTING, settings.threshold)
        set_setting(store, CORE_BLOCKS_SETTING, settings.core_blocks)
        log_activity(store, who=who, action="benchmark settings", now=now(), detail={
            "threshold": settings.threshold, "core_blocks": settings.core_blocks})


def assessment_score(store: Store, assessment: Assessment) -> Score:
    """The score of one revision against its own catalogue version, with the workspace settings."""
    catalogue = get_catalogue(store, assessment.catalogue_key, assessment.catalogue_version)
    return score(catalogue, assessment.answers, benchmark_settings(store))


def get_assessment(store: Store, assessment_id: int, revision: int | None = None) -> Assessment:
    """One revision of an assessment (the latest when `revision` is None).

    Raises:
        AimDeskError: there is no such assessment or revision.
    """
    found = fetch_revisions(store, assessment_id=assessment_id, latest_only=revision is None)
    if not found:
        raise AimDeskError(f"There is no benchmark assessment {assessment_id} in this workspace.")
    if revision is None:
        return found[0]
    chosen = next((a for a in found if a.revision == revision), None)
    if chosen is None:
        raise AimDeskError(f"Assessment {assessment_id} has no revision {revision} "
                           f"(revisions 1 to {found[-1].revision}).")
    return chosen


def list_assessments(store: Store) -> list[AssessmentSummary]:
    """The latest revision of every assessment, newest first."""
    found = _summaries(store, fetch_revisions(store, latest_only=True))
    return sorted(found, key=lambda s: (s.saved_at, s.id), reverse=True)


def revisions(store: Store, assessment_id: int) -> list[AssessmentSummary]:
    """Every revision of one assessment, oldest first (empty for an unknown assessment)."""
    return _summaries(store, fetch_revisions(store, assessment_id=assessment_id))


def _summaries(store: Store, assessments: list[Assessment]) -> list[AssessmentSummary]:
    settings = benchmark_settings(store)
    catalogues: dict[tuple[str, int], Catalogue] = {}
    summaries = []
    for a in assessments:
        key = (a.catalogue_key, a.catalogue_version)
        if key not in catalogues:
            catalogues[key] = get_catalogue(store, *key)
        catalogue = catalogues[key]
        result = score(catalogue, a.answers, settings)
        summaries.append(AssessmentSummary(
            a.id, a.revision, a.member_id, a.member, a.protocol, a.protocol_version, a.kind, a.catalogue_key,
            a.catalogue_version, catalogue.label, a.saved_at, a.saved_by, result.overall, result.passed))
    return summaries


def save_assessment(store: Store, *, assessment_id: int | None, member_id: int, protocol: str,
                    protocol_version: str, kind: Kind, catalogue_key: str, catalogue_version: int,
                    answers: Mapping[str, Answer], who: str, note: str = "",
                    now: Callable[[], datetime] = utc_now) -> Assessment:
    """Save a benchmark: a new assessment (revision 1), or the next revision of one.

    Args:
        assessment_id: None for a new assessment; else the assessment this revision continues.
        answers: criterion id → answer (each answer names its criterion); criteria left
            out are unanswered, and count as not covered.
        who: the person saving it (kept with the revision and in the activity log).

    Returns:
        The revision as saved.

    Raises:
        AimDeskError: unknown member, assessment or catalogue version; a revision for another
            member or kind than the assessment's; no protocol name; a catalogue for the other
            kind; an answer for a criterion the catalogue does not
            have, or an answer word that is not one of covered, partly, not covered,
            not applicable.
    """
    catalogue = get_catalogue(store, catalogue_key, catalogue_version)
    _check_assessment(store, assessment_id, member_id, protocol, kind, catalogue, answers)
    moment = now()
    with store.transaction():
        if assessment_id is None:
            assessment_id = insert_assessment(store, created_at=timestamp(moment), created_by=who)
        keep_catalogue(store, catalogue)
        saved = Assessment(
            assessment_id, last_revision(store, assessment_id) + 1, member_id, member_name(store, member_id),
            protocol.strip(), protocol_version.strip(), kind, catalogue.key, catalogue.version,
            {a.criterion_id: a for a in answers.values()}, timestamp(moment), who, note)
        insert_revision(store, saved)
        log_activity(store, who=who, action="save benchmark", now=moment, detail={
            "assessment": saved.id, "revision": saved.revision, "member": saved.member,
            "protocol": saved.protocol, "catalogue": catalogue.label})
    return saved


def _check_assessment(store: Store, assessment_id: int | None, member_id: int, protocol: str, kind: Kind,
                      catalogue: Catalogue, answers: Mapping[str, Answer]) -> None:
    member = member_name(store, member_id)  # refuses an unknown member
    if assessment_id is not None:
        _check_revision_of(store, assessment_id, member_id, member, kind)
    if not protocol.strip():
        raise AimDeskError("A benchmark needs the name of the member's protocol.")
    if catalogue.kind != kind:
        raise AimDeskError(f"{catalogue.label} is for {catalogue.kind} protocols, not {kind} ones; "
                           "choose a catalogue of the same kind.")
    unknown = [a.criterion_id for a in answers.values() if catalogue.criterion(a.criterion_id) is None]
    if unknown:
        raise AimDeskError(f"{catalogue.label} has no criterion {', '.join(unknown)}; "
                           "answer only the criteria it has.")
    bad = [f"{a.criterion_id} ({a.answer!r})" for a in answers.values() if a.answer not in ANSWER_WORDS]
    if bad:
        raise AimDeskError(f"Answers must be one of {', '.join(ANSWER_WORDS)}; not so for {', '.join(bad)}.")


def _check_revision_of(store: Store, assessment_id: int, member_id: int, member: str, kind: Kind) -> None:
    """A revision stays the same member's benchmark of the same kind: its history would
    otherwise mix two protocols."""
    if not assessment_exists(store, assessment_id):
        raise AimDeskError(f"There is no benchmark assessment {assessment_id} to revise.")
    latest = get_assessment(store, assessment_id)
    if (latest.member_id, latest.kind) != (member_id, kind):
        raise AimDeskError(f"Assessment {assessment_id} is {latest.member}'s {latest.kind} benchmark; a revision "
                           f"cannot make it {member}'s {kind} benchmark, so save a new assessment instead.")


def compare_assessments(store: Store, left: Assessment, right: Assessment) -> list[ComparisonRow]:
    """Two revisions side by side (two protocols, or two revisions of one): one row per
    criterion asked in either catalogue version or answered on either side, in the left
    catalogue's order, then the right one's own criteria."""
    left_catalogue = get_catalogue(store, left.catalogue_key, left.catalogue_version)
    right_catalogue = get_catalogue(store, right.catalogue_key, right.catalogue_version)
    asked = {c.id for c in left_catalogue.active + right_catalogue.active}
    rows = []
    seen: set[str] = set()
    for criterion in left_catalogue.criteria + right_catalogue.criteria:
        a, b = left.answers.get(criterion.id), right.answers.get(criterion.id)
        if criterion.id in seen or not (criterion.id in asked or a or b):
            continue
        seen.add(criterion.id)
        rows.append(ComparisonRow(criterion.id, criterion.pillar, criterion.section, criterion.question, a, b,
                                  _word(a) != _word(b)))
    return rows


def _word(answer: Answer | None) -> str | None:
    return answer.answer if answer is not None else None

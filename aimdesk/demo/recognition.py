"""The demo members' mutual-recognition status, recorded the way the secretariat would.

Most members signed the audit statement and passed a benchmark in the forum's earlier web
tool (recorded by hand); a couple also signed the virtual-assessment statement. Two
benchmarks are made in AIMDesk against SMETA 6.1 4-pillar: Northbrook's protocol passes
(about 92 %), Pacific Crest's fails (about 78 %). A few members are not eligible yet: Pacific
Crest (benchmark failed), Kestrel (benchmark passed, statement not signed), Kirana (statement
signed, no benchmark yet).

The answers are drawn from the seed (same seed, same answers); the dates, signatories and
verdicts are fixed, so the figures a demo shows are the same for every seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone

from aimdesk.core.benchmark.assessments import save_assessment
from aimdesk.core.benchmark.catalogues import latest_catalogue
from aimdesk.core.benchmark.eligibility import record_benchmark_result, record_statement
from aimdesk.core.benchmark.model import Answer, AnswerWord, Assessment, Catalogue, Criterion
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store

CATALOGUE_KEY = "smeta-6.1-4p"
WEB_TOOL = "Benchmarked in the forum's earlier web tool"


@dataclass(frozen=True, slots=True)
class Standing:
    """What one member signed and passed before (or outside) AIMDesk."""

    member: str
    signed_on: str | None
    """The audit statement; None: not signed yet."""
    signatory: str = ""
    passed_on: str | None = None
    """A benchmark passed in the earlier web tool; None: none recorded."""
    protocol: str = ""
    """The protocol benchmarked in the web tool, with its figure there (for the note)."""
    virtual_signed_on: str | None = None
    virtual_passed_on: str | None = None
    virtual_protocol: str = ""


@dataclass(frozen=True, slots=True)
class DemoBenchmark:
    """A benchmark made in AIMDesk: which criteria the protocol misses, and how it is numbered."""

    member: str
    protocol: str
    version: str
    saved_at: datetime
    reference: str
    """How the protocol numbers its requirements: "§{chapter}.{item}" or "Q{question:03d}"."""
    not_applicable: int
    partly: int
    not_covered: int
    gaps_from: tuple[str, ...]
    """Id prefixes of the sections its gaps come from first (criterion ids "10B4.3" …)."""
    not_applicable_from: tuple[str, ...] = ()
    note: str = ""


STANDINGS: tuple[Standing, ...] = (
    Standing("Northbrook Foods plc", "2024-02-12", "Helen Ashworth, Head of Ethical Trade",
             "2024-01-22", "Northbrook Ethical Audit 2.4 (88 %)",
             virtual_signed_on="2025-06-03", virtual_passed_on="2025-05-20",
             virtual_protocol="Northbrook Remote Supplier Review 1.0 (90 %)"),
    Standing("Casa Verde Alimentos S.A.", "2024-03-05",
             "María José Llorente, Directora de Abastecimiento Responsable",
             "2024-02-19", "Auditoría Social Casa Verde 3.0 (87 %)"),
    Standing("Hanseatic Home GmbH", "2024-04-22", "Dr. Katrin Vossberg, Leiterin Nachhaltigkeit",
             "2024-04-08", "Hanseatic Sozialaudit 2.2 (89 %)"),
    Standing("Lumière Beauté SA", "2024-09-30", "Claire Dubreuil, Directrice RSE",
             "2024-09-16", "Audit social Lumière 4 (91 %)"),
    Standing("Everbright Trading (Shanghai) Co., Ltd.", "2025-01-14", "Chen Wei, Compliance Director",
             "2024-12-02", "Everbright Factory Compliance Audit 2024 (86 %)"),
    Standing("Pacific Crest Apparel Inc.", "2025-08-27", "Jennifer Ortiz, VP Global Compliance"),
    Standing("Boa Mesa Alimentos S.A.", "2024-05-28", "Ana Luísa Carvalho, Gerente de Sustentabilidade",
             "2024-05-13", "Auditoria Responsável Boa Mesa 1.3 (87 %)"),
    Standing("Moretti Moda S.p.A.", "2024-07-09", "Giulia Ferraresi, Responsabile CSR",
             "2024-06-24", "Moretti Audit Etico Fornitori 2.0 (90 %)"),
    Standing("Bosphorus Retail Group A.Ş.", "2025-03-18", "Elif Karaca, Head of Sustainability",
             "2025-02-24", "Bosphorus Sosyal Uygunluk Denetimi 1.1 (86 %)"),
    Standing("Mekong Home Living JSC", "2025-04-10", "Nguyễn Thu Hà, Compliance Manager",
             "2025-03-26", "Mekong Social Audit 2.0 (88 %)",
             virtual_signed_on="2025-11-04", virtual_passed_on="2025-10-20",
             virtual_protocol="Mekong Remote Factory Check 1.0 (87 %)"),
    Standing("Rattana Consumer Products PCL", "2025-06-16", "Siriporn Chaiyaporn, Head of Social Compliance",
             "2025-06-02", "Rattana Supplier Social Audit 3 (89 %)"),
    Standing("Kirana Nusantara Brands Tbk", "2026-10-19", "Dewi Anggraini, Head of Responsible Sourcing"),
    Standing("Greenleaf Household Products Ltd", "2024-10-21", "Thomas Whitfield, Ethical Sourcing Manager",
             "2024-10-07", "Greenleaf Supplier Code Audit 5 (92 %)"),
    Standing("Kestrel Outdoor Equipment Inc.", None, passed_on="2026-06-15",
             protocol="Kestrel Social Compliance Protocol 2026 (87 %)"),
    Standing("Nordlys Scandinavian Brands AB", "2025-09-08", "Ingrid Solberg, Head of Responsible Sourcing",
             "2025-08-25", "Nordlys CoC audit 2.1 (90 %)"),
)
"""Every demo member's statements and earlier benchmarks; 12 of 15 end up eligible for audits."""

BENCHMARKS: tuple[DemoBenchmark, ...] = (
    DemoBenchmark("Northbrook Foods plc", "Northbrook Responsible Sourcing Audit", "3.1",
                  datetime(2026, 9, 14, 10, 30, tzinfo=timezone.utc), "§{chapter}.{item}",
                  not_applicable=2, partly=5, not_covered=3, gaps_from=("10B4.", "10C.", "0A."),
                  not_applicable_from=("8A.3", "10A.2"),
                  note="Version 3.1 replaces the Northbrook Ethical Audit benchmarked in the web tool."),
    DemoBenchmark("Pacific Crest Apparel Inc.", "Pacific Crest Social Compliance Audit", "2.0",
                  datetime(2026, 10, 8, 14, 0, tzinfo=timezone.utc), "Q{question:03d}",
                  not_applicable=0, partly=10, not_covered=11, gaps_from=("10B4.", "10C.", "0A.", "0B."),
                  note="Environment and business ethics are not in the protocol yet; a gap plan is due."),
)
"""Commonality: Northbrook (62 + ½·5) ÷ 70 = 92.1 %, passes; Pacific Crest (51 + ½·10) ÷ 72 = 77.7 %, fails."""

PARTLY_NOTES = (
    "Asked for permanent staff only; agency workers are not covered.",
    "The policy is asked for; how it is applied is not checked.",
    "Covered in the management interview, not in the document review.",
    "Only checked where local law requires it.",
    "Records are sampled for one month, not the full period.",
)
NOT_COVERED_NOTES = (
    "Not in the protocol.",
    "Not asked; planned for the next version of the protocol.",
    "The protocol has no question on this.",
)
NOT_APPLICABLE_NOTE = "Outside the protocol's scope: the member's own sites do not use this."


def record_demo_recognition(store: Store, *, who: str, seed: int) -> list[Assessment]:
    """Record the demo members' statements and earlier benchmarks, and make the two AIMDesk
    benchmarks; members missing from the workspace are skipped. Returns the assessments saved."""
    for standing in STANDINGS:
        member_id = find_member(store, standing.member)
        if member_id is not None:
            _record(store, member_id, standing, who=who)
    catalogue = latest_catalogue(store, CATALOGUE_KEY)
    saved = []
    for benchmark in BENCHMARKS:
        member_id = find_member(store, benchmark.member)
        if member_id is None:
            continue
        answers = demo_answers(catalogue, benchmark, random.Random(f"{seed}:benchmark:{benchmark.member}"))
        saved.append(save_assessment(
            store, assessment_id=None, member_id=member_id, protocol=benchmark.protocol,
            protocol_version=benchmark.version, kind="audit", catalogue_key=catalogue.key,
            catalogue_version=catalogue.version, answers=answers, who=who, note=benchmark.note,
            now=lambda moment=benchmark.saved_at: moment))
    return saved


def _record(store: Store, member_id: int, standing: Standing, *, who: str) -> None:
    with store.transaction():  # one member's history lands together
        if standing.passed_on:
            record_benchmark_result(store, member_id, "audit", passed_on=standing.passed_on, who=who,
                                    note=f"{WEB_TOOL}: {standing.protocol}.")
        if standing.signed_on:
            record_statement(store, member_id, "audit", signed_on=standing.signed_on,
                             signatory=standing.signatory, who=who)
        if standing.virtual_passed_on:
            record_benchmark_result(store, member_id, "virtual", passed_on=standing.virtual_passed_on, who=who,
                                    note=f"{WEB_TOOL}: {standing.virtual_protocol}.")
        if standing.virtual_signed_on:
            record_statement(store, member_id, "virtual", signed_on=standing.virtual_signed_on,
                             signatory=standing.signatory, who=who)


def demo_answers(catalogue: Catalogue, benchmark: DemoBenchmark, rng: random.Random) -> dict[str, Answer]:
    """Every active criterion answered: the criteria not covered drawn from `gaps_from` first
    (older protocols miss the extended pillars), the partly covered ones from anywhere, no
    core criterion among either; each
    answer carries the protocol's own reference and, for a gap, a note."""
    criteria = catalogue.active
    optional = [c for c in criteria if not c.core]
    not_applicable = _draw(rng, [c for c in optional if c.id in benchmark.not_applicable_from], optional,
                           benchmark.not_applicable)
    rest = [c for c in optional if c not in not_applicable]
    not_covered = _draw(rng, [c for c in rest if c.id.startswith(benchmark.gaps_from)], rest, benchmark.not_covered)
    rest = [c for c in rest if c not in not_covered]
    partly = rng.sample(rest, benchmark.partly)
    words: dict[str, AnswerWord] = {c.id: "not applicable" for c in not_applicable}
    words.update({c.id: "not covered" for c in not_covered})
    words.update({c.id: "partly" for c in partly})
    references = _references(criteria, benchmark.reference, rng)
    answers = {}
    for criterion in criteria:
        word = words.get(criterion.id, "covered")
        note = {"partly": rng.choice(PARTLY_NOTES), "not covered": rng.choice(NOT_COVERED_NOTES),
                "not applicable": NOT_APPLICABLE_NOTE}.get(word, "")
        reference = "" if word in ("not covered", "not applicable") else references[criterion.id]
        answers[criterion.id] = Answer(criterion.id, word, reference, note)
    return answers


def _draw(rng: random.Random, preferred: list[Criterion], others: list[Criterion], count: int) -> list[Criterion]:
    """`count` criteria, from `preferred` as far as it goes, then from `others`."""
    first = rng.sample(preferred, min(count, len(preferred)))
    spare = [c for c in others if c not in first]
    return first + rng.sample(spare, count - len(first))


def _references(criteria: tuple[Criterion, ...], style: str, rng: random.Random) -> dict[str, str]:
    """Where the protocol asks each criterion: its chapters follow the catalogue's sections;
    its questions are numbered on, with the odd question of its own in between."""
    references: dict[str, str] = {}
    chapters: dict[str, int] = {}
    items: dict[str, int] = {}
    question = 0
    for criterion in criteria:
        chapter = chapters.setdefault(criterion.section, len(chapters) + 1)
        items[criterion.section] = items.get(criterion.section, 0) + 1 + (rng.random() < 0.2)
        question += 1 + (rng.random() < 0.3)
        references[criterion.id] = style.format(chapter=chapter, item=items[criterion.section], question=question)
    return references

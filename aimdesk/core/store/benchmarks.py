"""The benchmarking tables (migration m006): catalogue versions, assessment revisions with
their answers, mutual-recognition statements and benchmark results recorded by hand.

Plain reads and appends; the rules live in `core.benchmark`. Every table is append-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from aimdesk.core.benchmark.model import Answer, Assessment, Catalogue, Criterion, Kind
from aimdesk.core.store.workspace import Store


def stored_catalogues(store: Store) -> list[Catalogue]:
    """Every catalogue version kept in the workspace, by key then version."""
    criteria: dict[int, list[Criterion]] = {}
    for row in store.conn.execute(
            "SELECT catalogue_id, criterion_id, pillar, section, question, weight, is_core, is_draft, "
            "is_retired FROM benchmark_criteria ORDER BY catalogue_id, position"):
        criteria.setdefault(row[0], []).append(
            Criterion(row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]), bool(row[8])))
    return [Catalogue(key, name, kind, version, tuple(criteria.get(catalogue_id, ())), created_at, created_by, note)
            for catalogue_id, key, name, kind, version, created_at, created_by, note in store.conn.execute(
                "SELECT id, key, name, kind, version, created_at, created_by, note "
                "FROM benchmark_catalogues ORDER BY key, version")]


def has_catalogue(store: Store, key: str, version: int) -> bool:
    """Whether this catalogue version is kept in the workspace."""
    return store.conn.execute("SELECT 1 FROM benchmark_catalogues WHERE key = ? AND version = ?",
                              (key, version)).fetchone() is not None


def insert_catalogue(store: Store, catalogue: Catalogue) -> None:
    """Keep one catalogue version with its criteria in order. Call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO benchmark_catalogues (key, version, name, kind, note, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (catalogue.key, catalogue.version, catalogue.name, catalogue.kind, catalogue.note,
         catalogue.created_at, catalogue.created_by))
    store.conn.executemany(
        "INSERT INTO benchmark_criteria (catalogue_id, position, criterion_id, pillar, section, question, "
        "weight, is_core, is_draft, is_retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(cursor.lastrowid, position, c.id, c.pillar, c.section, c.question, c.weight, c.core, c.draft,
          c.retired) for position, c in enumerate(catalogue.criteria)])


def insert_assessment(store: Store, *, created_at: str, created_by: str) -> int:
    """A new assessment number, before its first revision. Call inside a transaction."""
    cursor = store.conn.execute("INSERT INTO assessments (created_at, created_by) VALUES (?, ?)",
                                (created_at, created_by))
    return int(cursor.lastrowid or 0)


def insert_revision(store: Store, assessment: Assessment) -> None:
    """Append one revision with its answers. Call inside a transaction."""
    a = assessment
    cursor = store.conn.execute(
        "INSERT INTO assessment_revisions (assessment_id, revision, member_id, protocol, protocol_version, "
        "kind, catalogue_key, catalogue_version, saved_at, saved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.id, a.revision, a.member_id, a.protocol, a.protocol_version, a.kind, a.catalogue_key,
         a.catalogue_version, a.saved_at, a.saved_by, a.note))
    store.conn.executemany(
        "INSERT INTO assessment_answers (revision_id, criterion_id, answer, reference, note) VALUES (?, ?, ?, ?, ?)",
        [(cursor.lastrowid, x.criterion_id, x.answer, x.reference, x.note) for x in a.answers.values()])


def assessment_exists(store: Store, assessment_id: int) -> bool:
    return store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone() is not None


def last_revision(store: Store, assessment_id: int) -> int:
    """The highest revision number of the assessment (0 before its first)."""
    row = store.conn.execute("SELECT max(revision) FROM assessment_revisions WHERE assessment_id = ?",
                             (assessment_id,)).fetchone()
    return int(row[0] or 0)


_REVISIONS = (
    "SELECT r.id, r.assessment_id, r.revision, r.member_id, m.name, r.protocol, r.protocol_version, r.kind, "
    "r.catalogue_key, r.catalogue_version, r.saved_at, r.saved_by, r.note "
    "FROM assessment_revisions r JOIN members m ON m.id = r.member_id ")


def fetch_revisions(store: Store, *, assessment_id: int | None = None, latest_only: bool = False) -> list[Assessment]:
    """Assessment revisions with their answers, by assessment then revision.

    Args:
        assessment_id: only this assessment's revisions (None: every assessment).
        latest_only: only the latest revision of each assessment.
    """
    conditions, values = [], []
    if assessment_id is not None:
        conditions.append("r.assessment_id = ?")
        values.append(assessment_id)
    if latest_only:
        conditions.append("r.revision = (SELECT max(revision) FROM assessment_revisions x "
                          "WHERE x.assessment_id = r.assessment_id)")
    where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
    rows = store.conn.execute(f"{_REVISIONS}{where}ORDER BY r.assessment_id, r.revision", values).fetchall()
    answers: dict[int, dict[str, Answer]] = {}
    for revision_id, criterion_id, word, reference, note in store.conn.execute(
            "SELECT revision_id, criterion_id, answer, reference, note FROM assessment_answers "
            f"WHERE revision_id IN (SELECT r.id FROM assessment_revisions r {where})", values):
        answers.setdefault(revision_id, {})[criterion_id] = Answer(criterion_id, word, reference, note)
    return [Assessment(*row[1:10], answers.get(row[0], {}), *row[10:]) for row in rows]


@dataclass(frozen=True, slots=True)
class RecordedBenchmark:
    """A benchmark passed outside AIMDesk, as the secretariat recorded it."""

    passed_on: str
    recorded_at: str
    note: str


def insert_statement(store: Store, member_id: int, kind: Kind, *, signed_on: str, signatory: str,
                     recorded_at: str, recorded_by: str) -> None:
    """Append a signed statement; the latest one recorded counts. Call inside a transaction."""
    store.conn.execute(
        "INSERT INTO recognition_statements (member_id, kind, signed_on, signatory, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?)", (member_id, kind, signed_on, signatory, recorded_at, recorded_by))


def latest_statement(store: Store, member_id: int, kind: Kind) -> tuple[str, str] | None:
    """(signed on, signatory) of the statement recorded last, or None."""
    row = store.conn.execute(
        "SELECT signed_on, signatory FROM recognition_statements WHERE member_id = ? AND kind = ? "
        "ORDER BY id DESC LIMIT 1", (member_id, kind)).fetchone()
    return (row[0], row[1]) if row else None


def insert_recorded_benchmark(store: Store, member_id: int, kind: Kind, *, passed_on: str, note: str,
                              recorded_at: str, recorded_by: str) -> None:
    """Append a benchmark passed outside AIMDesk. Call inside a transaction."""
    store.conn.execute(
        "INSERT INTO recorded_benchmarks (member_id, kind, passed_on, note, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?)", (member_id, kind, passed_on, note, recorded_at, recorded_by))


def latest_recorded_benchmark(store: Store, member_id: int, kind: Kind) -> RecordedBenchmark | None:
    """The hand-recorded benchmark with the latest date (then the latest recorded), or None."""
    row = store.conn.execute(
        "SELECT passed_on, recorded_at, note FROM recorded_benchmarks WHERE member_id = ? AND kind = ? "
        "ORDER BY passed_on DESC, id DESC LIMIT 1", (member_id, kind)).fetchone()
    return RecordedBenchmark(*row) if row else None

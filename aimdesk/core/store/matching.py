"""What matching reads from and writes to the workspace: inputs, scored pairs, decisions,
sites and the record → site assignment."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from aimdesk.core.store.workspace import Store

SITE_ID_PREFIX = "S"
SITE_ID_DIGITS = 6
WITHDRAWN: Final = "withdrawn"
"""The verdict logged when a decision is taken back with none before it (by Undo, or by a
merge lifting a "different"): the pair counts as never decided."""


@dataclass(frozen=True, slots=True)
class MatchInput:
    """One active record as matching sees it, with its current site if it has one."""

    id: int
    member_id: int
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str
    sedex_id: str
    site_id: int | None
    member_ref: str = ""


@dataclass(frozen=True, slots=True)
class StoredPair:
    """A scored candidate pair kept from a run (auto, review or held band, or decided)."""

    left: int
    right: int
    probability: float
    weight: float
    band: str
    explanation_json: str
    """The explanation as stored (JSON text): tens of thousands of pairs stay small."""

    @property
    def explanation(self) -> list[dict[str, Any]]:
        """Per field: label, both values, level, weight and a sentence."""
        return list(json.loads(self.explanation_json or "[]"))


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """One entry of the decision log."""

    id: int
    left: int
    right: int
    verdict: str
    reviewer: str
    decided_at: str
    note: str
    source: str
    batch_id: int | None = None
    """The user action it was part of (None for decisions logged before batches existed)."""


_DECISION = ("SELECT id, left_record, right_record, verdict, coalesce(reviewer, ''), decided_at, "
             "coalesce(note, ''), coalesce(source, ''), batch_id FROM decisions")


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One user action in the decision log: the decisions it appended share its id."""

    id: int
    kind: str
    label: str
    who: str
    at: str
    undoes: int | None
    """For an undo: the batch it took back."""
    redoes: int | None
    """For a redo: the action it applied again."""


def match_inputs(store: Store) -> list[MatchInput]:
    """Every active record with the fields matching compares, in id order."""
    rows = store.conn.execute(
        "SELECT r.id, r.member_id, coalesce(r.site_name, ''), coalesce(r.address, ''), "
        "coalesce(r.city, ''), coalesce(r.region, ''), coalesce(r.postal_code, ''), "
        "coalesce(r.country, ''), coalesce(r.sedex_id, ''), s.site_id, coalesce(r.member_ref, '') "
        "FROM active_records r LEFT JOIN record_sites s ON s.record_id = r.id ORDER BY r.id")
    return [MatchInput(*row) for row in rows]


def predecessor_sites(store: Store) -> dict[tuple[int, str], int]:
    """(member, supplier key) → site of records in lists that were replaced and still hold
    their site: the member's new list names the same suppliers, whose sites keep their ids.
    The key is the member's own reference when there is one, else name and address."""
    rows = store.conn.execute(
        "SELECT r.member_id, coalesce(r.member_ref, ''), coalesce(r.site_name, ''), "
        "coalesce(r.address, ''), rs.site_id FROM record_sites rs JOIN records r ON r.id = rs.record_id "
        "JOIN imports i ON i.id = r.import_id WHERE i.status = 'superseded' ORDER BY r.id")
    return {(member, supplier_key(ref, name, address)): site for member, ref, name, address, site in rows}


def supplier_key(member_ref: str, site_name: str, address: str) -> str:
    """How a member's record is recognised in its next list."""
    if member_ref.strip():
        return "ref:" + member_ref.strip().casefold()
    return "name:" + " ".join(f"{site_name} {address}".casefold().split())


def cached_keys(store: Store, version: str) -> dict[int, str]:
    """record id → normalised keys (JSON) computed by an earlier run of this version."""
    rows = store.conn.execute("SELECT record_id, keys_json FROM match_keys WHERE version = ?", (version,))
    return dict(rows.fetchall())


def cache_keys(store: Store, version: str, keys: dict[int, str]) -> None:
    """Keep normalised keys for the next run. Call inside a transaction."""
    store.conn.executemany(
        "INSERT INTO match_keys (record_id, version, keys_json) VALUES (?, ?, ?) "
        "ON CONFLICT(record_id) DO UPDATE SET version = excluded.version, keys_json = excluded.keys_json",
        [(record_id, version, text) for record_id, text in keys.items()])


def stored_pairs(store: Store) -> list[StoredPair]:
    """The pairs kept from earlier runs whose two records are both still active."""
    rows = store.conn.execute(
        "SELECT p.left_record, p.right_record, p.probability, p.weight, p.band, p.explanation_json "
        "FROM pairs p JOIN active_records a ON a.id = p.left_record "
        "JOIN active_records b ON b.id = p.right_record")
    return [StoredPair(*r) for r in rows]


def pairs_among(store: Store, record_ids: Iterable[int]) -> list[StoredPair]:
    """The stored pairs whose two records are both among `record_ids`."""
    ids = json.dumps(sorted(set(record_ids)))
    rows = store.conn.execute(
        "SELECT left_record, right_record, probability, weight, band, explanation_json FROM pairs "
        "WHERE left_record IN (SELECT value FROM json_each(?)) AND right_record IN (SELECT value FROM json_each(?))",
        (ids, ids))
    return [StoredPair(*r) for r in rows]


def replace_pairs(store: Store, pairs: Iterable[StoredPair], *, run_id: int,
                  unchanged: Iterable[StoredPair] | None = None) -> None:
    """Keep exactly these scored pairs. Call inside a transaction.

    Args:
        pairs: the pairs to keep.
        unchanged: pairs known to be stored already exactly so (an incremental run): then
            only the others are written, and pairs of records no longer active removed.
    """
    if unchanged is None:
        store.conn.execute("DELETE FROM pairs")
    else:
        same = {(p.left, p.right, p.band) for p in unchanged}
        pairs = [p for p in pairs if (p.left, p.right, p.band) not in same]
        store.conn.execute(
            "DELETE FROM pairs WHERE left_record NOT IN (SELECT id FROM active_records) "
            "OR right_record NOT IN (SELECT id FROM active_records)")
    store.conn.executemany(
        "INSERT OR REPLACE INTO pairs (left_record, right_record, probability, weight, band, "
        "explanation_json, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(p.left, p.right, p.probability, p.weight, p.band,
          p.explanation_json, run_id) for p in pairs])


def current_decisions(store: Store, pairs: Iterable[tuple[int, int]] | None = None
                      ) -> dict[tuple[int, int], DecisionRow]:
    """The decision in force on each decided pair (of `pairs` only, when given): its
    latest, unless that one withdrew the decision (the pair then counts as never decided).
    The log keeps every earlier one."""
    return {key: d for key, d in latest_decisions(store, pairs).items() if d.verdict != WITHDRAWN}


def latest_decisions(store: Store, pairs: Iterable[tuple[int, int]] | None = None
                     ) -> dict[tuple[int, int], DecisionRow]:
    """The latest entry of the log on each pair (of `pairs` only, when given: a decision
    need not read the whole log), withdrawals included."""
    decisions = (pair_decisions(store, pairs) if pairs is not None else
                 (DecisionRow(*row) for row in store.conn.execute(f"{_DECISION} ORDER BY id")))
    return {(d.left, d.right): d for d in decisions}


def pair_decisions(store: Store, pairs: Iterable[tuple[int, int]]) -> list[DecisionRow]:
    """Every decision ever logged on these pairs (smaller id first), oldest first."""
    rows = store.conn.execute(
        f"{_DECISION} WHERE (left_record, right_record) IN (SELECT json_extract(value, '$[0]'), "
        "json_extract(value, '$[1]') FROM json_each(?)) ORDER BY id", (json.dumps(sorted(set(pairs))),))
    return [DecisionRow(*row) for row in rows]


def decisions_touching(store: Store, record_ids: Iterable[int]) -> list[DecisionRow]:
    """Every decision ever logged on a pair with one of these records, oldest first."""
    ids = json.dumps(sorted(set(record_ids)))
    rows = store.conn.execute(
        f"{_DECISION} WHERE left_record IN (SELECT value FROM json_each(?)) "
        "OR right_record IN (SELECT value FROM json_each(?)) ORDER BY id", (ids, ids))
    return [DecisionRow(*row) for row in rows]


def batch_decisions(store: Store, batch_id: int) -> list[DecisionRow]:
    """The decisions a batch appended, oldest first."""
    return [DecisionRow(*row) for row in store.conn.execute(
        f"{_DECISION} WHERE batch_id = ? ORDER BY id", (batch_id,))]


def last_decision_id(store: Store) -> int:
    """The id of the latest decision logged (0 when none)."""
    return int(store.conn.execute("SELECT coalesce(max(id), 0) FROM decisions").fetchone()[0])


def decided_records_since(store: Store, decision_id: int) -> set[int]:
    """The records of every pair decided (or withdrawn) after decision `decision_id`."""
    rows = store.conn.execute(
        "SELECT left_record, right_record FROM decisions WHERE id > ?", (decision_id,))
    return {record for pair in rows for record in pair}


def append_decision(store: Store, *, left: int, right: int, verdict: str, reviewer: str,
                    decided_at: str, note: str = "", source: str = "",
                    supersedes: int | None = None, batch_id: int | None = None) -> int:
    """Add a decision to the log; returns its id. Call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO decisions (left_record, right_record, verdict, reviewer, decided_at, note, "
        "source, supersedes, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (left, right, verdict, reviewer, decided_at, note, source, supersedes, batch_id))
    return int(cursor.lastrowid or 0)


def append_batch(store: Store, *, kind: str, label: str, who: str, at: str,
                 undoes: int | None = None, redoes: int | None = None) -> int:
    """Add a user action to the log; returns its id. Call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO decision_batches (kind, label, who, at, undoes, redoes) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, label, who, at, undoes, redoes))
    return int(cursor.lastrowid or 0)


def list_batches(store: Store) -> list[BatchRow]:
    """Every user action of the decision log, oldest first."""
    rows = store.conn.execute(
        "SELECT id, kind, label, who, at, undoes, redoes FROM decision_batches ORDER BY id")
    return [BatchRow(*row) for row in rows]


def start_run(store: Store, *, started_at: str, is_full: bool, who: str) -> int:
    cursor = store.conn.execute(
        "INSERT INTO match_runs (started_at, is_full, who) VALUES (?, ?, ?)",
        (started_at, int(is_full), who))
    return int(cursor.lastrowid or 0)


def finish_run(store: Store, run_id: int, *, finished_at: str, model: dict[str, Any],
               counts: dict[str, Any], decisions_seen: int) -> None:
    """Close a run; `decisions_seen`: the latest decision it applied."""
    store.conn.execute(
        "UPDATE match_runs SET finished_at = ?, model_json = ?, counts_json = ?, decisions_seen = ? "
        "WHERE id = ?", (finished_at, json.dumps(model), json.dumps(counts), decisions_seen, run_id))


def decisions_seen_by_last_run(store: Store) -> int:
    """The latest decision the latest finished run applied (0: none, or a run from before
    runs noted it)."""
    row = store.conn.execute(
        "SELECT coalesce(decisions_seen, 0) FROM match_runs WHERE finished_at IS NOT NULL "
        "ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0]) if row else 0


def change_marks(store: Store) -> tuple[int, int, int]:
    """The latest decision, matching run and import: a plan made before any of them
    changed may no longer hold."""
    row = store.conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM decisions), (SELECT coalesce(max(id), 0) FROM match_runs), "
        "(SELECT coalesce(max(id), 0) FROM imports)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def latest_model(store: Store) -> dict[str, Any] | None:
    """The model of the latest finished full run (incremental runs reuse it)."""
    row = store.conn.execute(
        "SELECT model_json FROM match_runs WHERE finished_at IS NOT NULL AND model_json IS NOT NULL "
        "ORDER BY is_full DESC, id DESC LIMIT 1").fetchone()
    return json.loads(row[0]) if row else None


def create_site(store: Store, *, created_at: str) -> int:
    """A new site with the next public id (S000001, …); returns its internal id."""
    cursor = store.conn.execute(
        "INSERT INTO sites (public_id, created_at) VALUES ('', ?)", (created_at,))
    site_id = int(cursor.lastrowid or 0)
    store.conn.execute("UPDATE sites SET public_id = ? WHERE id = ?",
                       (f"{SITE_ID_PREFIX}{site_id:0{SITE_ID_DIGITS}d}", site_id))
    return site_id


def assign_sites(store: Store, assignment: dict[int, int]) -> None:
    """Set the site of each record (record id → site id); records not given keep theirs."""
    store.conn.executemany(
        "INSERT INTO record_sites (record_id, site_id) VALUES (?, ?) "
        "ON CONFLICT(record_id) DO UPDATE SET site_id = excluded.site_id",
        list(assignment.items()))


def sites_losing_records(store: Store) -> set[int]:
    """Sites holding records that are no longer active (their list was replaced)."""
    rows = store.conn.execute(
        "SELECT DISTINCT site_id FROM record_sites WHERE record_id NOT IN (SELECT id FROM active_records)")
    return {row[0] for row in rows}


def retire_empty_sites(store: Store, *, retired_at: str) -> int:
    """Mark sites without active records as retired (their ids are never given again)."""
    store.conn.execute(
        "DELETE FROM record_sites WHERE record_id NOT IN (SELECT id FROM active_records)")
    cursor = store.conn.execute(
        "UPDATE sites SET retired_at = ? WHERE retired_at IS NULL AND id NOT IN "
        "(SELECT site_id FROM record_sites)", (retired_at,))
    return cursor.rowcount


def record_site_ids(store: Store) -> dict[int, int]:
    """record id → internal site id, for every active record with a site."""
    rows = store.conn.execute(
        "SELECT rs.record_id, rs.site_id FROM record_sites rs JOIN active_records r ON r.id = rs.record_id")
    return dict(rows.fetchall())


def public_ids(store: Store, site_ids: Iterable[int]) -> dict[int, str]:
    """internal site id → public id (S000123)."""
    rows = store.conn.execute("SELECT id, public_id FROM sites WHERE id IN (SELECT value FROM json_each(?))",
                              (json.dumps(sorted(set(site_ids))),))
    return dict(rows.fetchall())


def site_public_ids(store: Store) -> dict[int, str]:
    """record id → public site id, for every active record with a site."""
    rows = store.conn.execute(
        "SELECT rs.record_id, s.public_id FROM record_sites rs JOIN sites s ON s.id = rs.site_id "
        "JOIN active_records r ON r.id = rs.record_id")
    return dict(rows.fetchall())


@dataclass(frozen=True, slots=True)
class PairForReview:
    """A pair in the review or held band with both records' members."""

    pair: StoredPair
    left_member: int
    right_member: int


def pairs_for_review(store: Store) -> list[PairForReview]:
    """Pairs of the review and held bands whose records are both active."""
    rows = store.conn.execute(
        "SELECT p.left_record, p.right_record, p.probability, p.weight, p.band, p.explanation_json, "
        "a.member_id, b.member_id FROM pairs p JOIN active_records a ON a.id = p.left_record "
        "JOIN active_records b ON b.id = p.right_record WHERE p.band IN ('review', 'held')")
    return [PairForReview(StoredPair(*r[:6]), r[6], r[7]) for r in rows]


def pair_scores(store: Store, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], StoredPair]:
    """The stored scores of these pairs (smaller id first), where a run kept them."""
    found = {}
    for left, right in pairs:
        row = store.conn.execute(
            "SELECT left_record, right_record, probability, weight, band, explanation_json FROM pairs "
            "WHERE left_record = ? AND right_record = ?", (left, right)).fetchone()
        if row is not None:
            found[(left, right)] = StoredPair(*row)
    return found

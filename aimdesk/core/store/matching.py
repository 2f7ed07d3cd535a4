"""What matching reads from and writes to the workspace: inputs, scored pairs, decisions,
sites and the record → site assignment."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aimdesk.core.store.workspace import Store

SITE_ID_PREFIX = "S"
SITE_ID_DIGITS = 6


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


def current_decisions(store: Store) -> dict[tuple[int, int], DecisionRow]:
    """The latest decision on each pair (the log keeps every earlier one)."""
    rows = store.conn.execute(
        "SELECT id, left_record, right_record, verdict, coalesce(reviewer, ''), decided_at, "
        "coalesce(note, ''), coalesce(source, '') FROM decisions ORDER BY id")
    latest: dict[tuple[int, int], DecisionRow] = {}
    for row in rows:
        decision = DecisionRow(*row)
        latest[(decision.left, decision.right)] = decision
    return latest


def append_decision(store: Store, *, left: int, right: int, verdict: str, reviewer: str,
                    decided_at: str, note: str = "", source: str = "",
                    supersedes: int | None = None) -> int:
    """Add a decision to the log; returns its id. Call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO decisions (left_record, right_record, verdict, reviewer, decided_at, note, "
        "source, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (left, right, verdict, reviewer, decided_at, note, source, supersedes))
    return int(cursor.lastrowid or 0)


def start_run(store: Store, *, started_at: str, is_full: bool, who: str) -> int:
    cursor = store.conn.execute(
        "INSERT INTO match_runs (started_at, is_full, who) VALUES (?, ?, ?)",
        (started_at, int(is_full), who))
    return int(cursor.lastrowid or 0)


def finish_run(store: Store, run_id: int, *, finished_at: str, model: dict[str, Any],
               counts: dict[str, Any]) -> None:
    store.conn.execute(
        "UPDATE match_runs SET finished_at = ?, model_json = ?, counts_json = ? WHERE id = ?",
        (finished_at, json.dumps(model), json.dumps(counts), run_id))


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

"""The EcoVadis assessed-supplier lists in the workspace: the lists imported (one active,
earlier ones kept as superseded), their entries, each entry's candidate sites, and the
decisions people took on them (kept by company and country, so that they hold for the
next lists too)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from aimdesk.core.store.matching import public_ids
from aimdesk.core.store.workspace import Store

EntryStatus = Literal["matched", "possible", "unmatched"]
Band = Literal["auto", "review"]
MatchBasis = Literal["sedex", "name", "name and city", "score", "person", ""]
"""Why an entry has its status: a Sedex id, the name (and city), the model's score, a
person's decision; "" when nothing settled it (possible, unmatched)."""
Verdict = Literal["confirmed", "rejected"]


@dataclass(frozen=True, slots=True)
class NewEcoVadisList:
    """What is recorded about one imported EcoVadis list."""

    file_name: str
    file_sha256: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    rows_read: int
    entries: int
    as_of: str
    imported_at: str
    imported_by: str


@dataclass(frozen=True, slots=True)
class NewEcoVadisEntry:
    """One company of the list, as read and normalised."""

    row_number: int
    company: str
    country: str | None
    country_raw: str
    year: int | None
    year_raw: str
    city: str
    identifiers: dict[str, str]
    cells: list[object]


@dataclass(frozen=True, slots=True)
class EcoVadisMatch:
    """One candidate site of an entry, best first (rank 1)."""

    entry_id: int
    rank: int
    site_id: int
    record_id: int
    probability: float
    band: Band
    explanation: list[dict[str, Any]]
    basis: MatchBasis = ""
    """Why the site is matched (the "auto" candidate only)."""


@dataclass(frozen=True, slots=True)
class EcoVadisListSummary:
    """One imported list, for the history."""

    id: int
    file_name: str
    sheet: str
    entries: int
    as_of: str
    imported_at: str
    imported_by: str
    status: str


@dataclass(frozen=True, slots=True)
class EcoVadisEntry:
    """One company of the active EcoVadis list and the site it was matched to.

    `site_id`, `site_public_id` and `score` are those of the matched site ("matched": by
    the rule of `aimdesk.core.ecovadis_match`, or confirmed by a person), or of the
    likeliest of the sites a person should look at ("possible"); None and 0.0 when nothing
    came near or a person rejected the match ("unmatched"). `score` is the engine's
    probability for that site (0.0 for a site a person chose that the engine did not
    propose).
    """

    id: int
    company: str
    country: str | None
    year: int | None
    identifiers: dict[str, str]
    site_id: int | None
    site_public_id: str
    score: float
    status: EntryStatus
    row_number: int = 0
    city: str = ""
    basis: MatchBasis = ""
    decided_by: str = ""
    """Who confirmed or rejected the match, when a person did ("" otherwise)."""


@dataclass(frozen=True, slots=True)
class EcoVadisCandidate:
    """A site an entry may be: its score, band and the explanation in words."""

    site_id: int
    site_public_id: str
    score: float
    band: Band
    explanation: list[dict[str, Any]]


def active_list_id(store: Store) -> int | None:
    """The id of the EcoVadis list in force, None before the first import."""
    row = store.conn.execute(
        "SELECT id FROM ecovadis_lists WHERE status = 'active' ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0]) if row else None


def insert_list(store: Store, new: NewEcoVadisList) -> int:
    """Record a newly imported list as the active one; call inside a transaction."""
    cursor = store.conn.execute(
        "INSERT INTO ecovadis_lists (file_name, file_sha256, sheet, header_row, mapping_json, rows_read, "
        "entries, as_of, imported_at, imported_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')",
        (new.file_name, new.file_sha256, new.sheet, new.header_row,
         json.dumps(new.mapping, ensure_ascii=False), new.rows_read, new.entries, new.as_of,
         new.imported_at, new.imported_by))
    return int(cursor.lastrowid or 0)


def supersede_lists(store: Store, *, by: int) -> list[int]:
    """Mark every other active list as replaced by list `by`; returns their ids."""
    ids = [row[0] for row in store.conn.execute(
        "SELECT id FROM ecovadis_lists WHERE status = 'active' AND id <> ?", (by,))]
    store.conn.executemany("UPDATE ecovadis_lists SET status = 'superseded', superseded_by = ? WHERE id = ?",
                           [(by, list_id) for list_id in ids])
    return ids


def company_key(company: str) -> str:
    """A company name as decisions are kept by it: letters and digits only, lower case,
    single spaces ("Golden Star Textiles Co., Ltd." → "golden star textiles co ltd")."""
    text = unicodedata.normalize("NFKC", company).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def country_key(country: str | None, country_raw: str) -> str:
    """The country as decisions are kept by it: the ISO code, else the text as written."""
    return country or " ".join(country_raw.casefold().split())


def insert_entries(store: Store, list_id: int, entries: Sequence[NewEcoVadisEntry]) -> list[int]:
    """Add a list's entries in order; returns their ids in the same order."""
    ids = []
    for entry in entries:
        cursor = store.conn.execute(
            "INSERT INTO ecovadis_entries (list_id, row_number, company, country, country_raw, year, "
            "year_raw, city, identifiers_json, cells_json, company_key, country_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (list_id, entry.row_number, entry.company, entry.country, entry.country_raw, entry.year,
             entry.year_raw, entry.city, json.dumps(entry.identifiers, ensure_ascii=False, sort_keys=True),
             json.dumps(entry.cells, ensure_ascii=False, default=str), company_key(entry.company),
             country_key(entry.country, entry.country_raw)))
        ids.append(int(cursor.lastrowid or 0))
    return ids


def replace_matches(store: Store, list_id: int, matches: Iterable[EcoVadisMatch], *, matched_at: str) -> None:
    """The candidate sites of a list's entries, in place of those found before."""
    store.conn.execute(
        "DELETE FROM ecovadis_matches WHERE entry_id IN (SELECT id FROM ecovadis_entries WHERE list_id = ?)",
        (list_id,))
    store.conn.executemany(
        "INSERT INTO ecovadis_matches (entry_id, rank, site_id, record_id, probability, band, explanation_json, "
        "basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.entry_id, m.rank, m.site_id, m.record_id, m.probability, m.band,
          json.dumps(m.explanation, ensure_ascii=False), m.basis) for m in matches])
    store.conn.execute("UPDATE ecovadis_lists SET matched_at = ? WHERE id = ?", (matched_at, list_id))


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry of a list as the workspace holds it (for matching it again)."""

    id: int
    row_number: int
    company: str
    country: str | None
    year: int | None
    city: str
    identifiers: dict[str, str]


def list_entries(store: Store, list_id: int) -> list[StoredEntry]:
    """The entries of one list, in row order."""
    rows = store.conn.execute(
        "SELECT id, row_number, company, country, year, city, identifiers_json FROM ecovadis_entries "
        "WHERE list_id = ? ORDER BY id", (list_id,))
    return [StoredEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}")) for r in rows]


def _current_sites(store: Store, matches: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int | None]:
    """(stored site, record) → the site that holds that candidate now: the record's site
    while the record is active (matching may have moved it), else the stored site unless
    it was retired; None when neither holds."""
    if not matches:
        return {}
    records = sorted({record for _, record in matches})
    placed = dict(store.conn.execute(
        "SELECT rs.record_id, rs.site_id FROM record_sites rs JOIN active_records r ON r.id = rs.record_id "
        "WHERE rs.record_id IN (SELECT value FROM json_each(?))", (json.dumps(records),)).fetchall())
    sites = sorted({site for site, _ in matches})
    live = {row[0] for row in store.conn.execute(
        "SELECT id FROM sites WHERE retired_at IS NULL AND id IN (SELECT value FROM json_each(?))",
        (json.dumps(sites),))}
    return {(site, record): placed.get(record, site if site in live else None) for site, record in matches}


def entry_rows(store: Store) -> list[EcoVadisEntry]:
    """The entries of the active list with their matched or best candidate site, in row
    order; a person's decision on the company (`ecovadis_decisions`) comes first."""
    list_id = active_list_id(store)
    if list_id is None:
        return []
    rows = store.conn.execute(
        "SELECT e.id, e.company, e.country, e.year, e.identifiers_json, e.row_number, e.city, "
        "m.site_id, m.record_id, m.probability, m.band, m.basis, d.verdict, d.site_id, d.record_id, d.decided_by "
        "FROM ecovadis_entries e LEFT JOIN ecovadis_matches m ON m.entry_id = e.id AND m.rank = 1 "
        "LEFT JOIN ecovadis_decisions d ON d.company_key = e.company_key AND d.country_key = e.country_key "
        "WHERE e.list_id = ? ORDER BY e.id", (list_id,)).fetchall()
    scores = _candidate_scores(store, list_id)
    now = _current_sites(store, [(r[7], r[8]) for r in rows if r[7] is not None]
                         + [(r[13], r[14]) for r in rows if r[12] == "confirmed"]
                         + [pair for found in scores.values() for pair, _ in found])
    names = public_ids(store, (s for s in now.values() if s is not None))
    entries = []
    for (entry_id, company, country, year, identifiers, row_number, city, site, record, probability, band, basis,
         verdict, decided_site, decided_record, decided_by) in rows:
        current = now.get((site, record)) if site is not None else None
        score = float(probability) if current is not None else 0.0
        status: EntryStatus = "unmatched" if current is None else ("matched" if band == "auto" else "possible")
        basis = basis if status == "matched" else ""
        chosen = now.get((decided_site, decided_record)) if verdict == "confirmed" else None
        if chosen is not None:
            current, status, basis = chosen, "matched", "person"
            score = max((p for pair, p in scores.get(entry_id, []) if now.get(pair) == chosen), default=0.0)
        elif verdict == "rejected":
            current, status, basis, score = None, "unmatched", "person", 0.0
        else:
            decided_by = None
        entries.append(EcoVadisEntry(
            entry_id, company, country, year, json.loads(identifiers or "{}"), current,
            names.get(current, "") if current is not None else "", score, status, row_number, city, basis,
            decided_by or ""))
    return entries


def _candidate_scores(store: Store, list_id: int) -> dict[int, list[tuple[tuple[int, int], float]]]:
    """entry → ((site, record), probability) of each candidate, for the entries a person
    confirmed a site of (their score is the engine's for that site)."""
    found: dict[int, list[tuple[tuple[int, int], float]]] = {}
    for entry_id, site, record, chance in store.conn.execute(
            "SELECT m.entry_id, m.site_id, m.record_id, m.probability FROM ecovadis_matches m "
            "JOIN ecovadis_entries e ON e.id = m.entry_id JOIN ecovadis_decisions d "
            "ON d.company_key = e.company_key AND d.country_key = e.country_key "
            "WHERE e.list_id = ? AND d.verdict = 'confirmed' ORDER BY m.entry_id, m.rank", (list_id,)):
        found.setdefault(entry_id, []).append(((site, record), float(chance)))
    return found


def entry_candidates(store: Store, entry_id: int) -> list[EcoVadisCandidate]:
    """Every candidate site kept for one entry, best first."""
    rows = store.conn.execute(
        "SELECT site_id, record_id, probability, band, explanation_json FROM ecovadis_matches "
        "WHERE entry_id = ? ORDER BY rank", (entry_id,)).fetchall()
    now = _current_sites(store, [(r[0], r[1]) for r in rows])
    names = public_ids(store, (s for s in now.values() if s is not None))
    found, seen = [], set()
    for site, record, probability, band, explanation in rows:
        current = now.get((site, record))
        if current is None or current in seen:
            continue
        seen.add(current)
        found.append(EcoVadisCandidate(current, names.get(current, ""), float(probability), band,
                                       json.loads(explanation or "[]")))
    return found


def list_history(store: Store) -> list[EcoVadisListSummary]:
    """Every EcoVadis list imported, newest first."""
    rows = store.conn.execute(
        "SELECT id, file_name, sheet, entries, as_of, imported_at, imported_by, status FROM ecovadis_lists "
        "ORDER BY id DESC")
    return [EcoVadisListSummary(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class EntryKeys:
    """An entry of the list in force, with the keys a decision on it is kept by."""

    id: int
    company: str
    country: str | None
    company_key: str
    country_key: str


def active_entry(store: Store, entry_id: int) -> EntryKeys | None:
    """Entry `entry_id` when it belongs to the list in force, else None."""
    row = store.conn.execute(
        "SELECT e.id, e.company, e.country, e.company_key, e.country_key FROM ecovadis_entries e "
        "JOIN ecovadis_lists l ON l.id = e.list_id WHERE e.id = ? AND l.status = 'active'", (entry_id,)).fetchone()
    return EntryKeys(*row) if row else None


def entry_candidate_record(store: Store, entry_id: int, site_id: int) -> int | None:
    """The record by which `site_id` is a candidate of the entry (its best), if it is one."""
    row = store.conn.execute("SELECT record_id FROM ecovadis_matches WHERE entry_id = ? AND site_id = ? "
                             "ORDER BY rank LIMIT 1", (entry_id, site_id)).fetchone()
    return int(row[0]) if row else None


def save_decision(store: Store, entry: EntryKeys, verdict: Verdict, *, site_id: int | None,
                  record_id: int | None, decided_at: str, decided_by: str) -> None:
    """Keep a person's decision on a company (in place of an earlier one on it); call
    inside a transaction. `site_id` and `record_id`: the site confirmed, or the one the
    engine proposed when the match is rejected (None when it proposed none)."""
    store.conn.execute(
        "INSERT INTO ecovadis_decisions (company_key, country_key, company, verdict, site_id, record_id, "
        "decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_key, country_key) DO UPDATE "
        "SET company = excluded.company, verdict = excluded.verdict, site_id = excluded.site_id, "
        "record_id = excluded.record_id, decided_at = excluded.decided_at, decided_by = excluded.decided_by",
        (entry.company_key, entry.country_key, entry.company, verdict, site_id, record_id, decided_at, decided_by))

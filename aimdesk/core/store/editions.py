"""Editions of the common document: one row per file written, kept for the record.

The rows of an edition are stored zlib-compressed (JSON: the column names and one list of
printed values per site, public site id first), so that two editions can be compared
without the files. The table is append-only (migration m007).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.store.workspace import Store

COMPRESSION_LEVEL = 6


@dataclass(frozen=True, slots=True)
class EditionFacts:
    """What an edition records about its file: the part `EditionRecord` and `NewEdition` share."""

    as_of: str
    written_at: str
    written_by: str
    file_name: str
    format: str
    window_years: int
    bands: tuple[tuple[int, int | None], ...]
    sites: int
    records: int
    members: int
    countries: int
    sha256: str
    generalised: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EditionRecord(EditionFacts):
    """One edition as the workspace keeps it (without its rows)."""

    id: int


@dataclass(frozen=True, slots=True)
class NewEdition(EditionFacts):
    """What `insert_edition` writes."""

    columns: tuple[str, ...]
    rows: Sequence[Sequence[str]]


_COLUMNS = ("id, as_of, written_at, written_by, file_name, format, window_years, bands_json, sites, "
            "records, members, countries, sha256, generalised_json")


def insert_edition(store: Store, edition: NewEdition) -> int:
    """Record an edition; returns its id. Call inside a transaction."""
    packed = zlib.compress(json.dumps({"columns": list(edition.columns), "rows": [list(r) for r in edition.rows]},
                                      ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                           COMPRESSION_LEVEL)
    cursor = store.conn.execute(
        "INSERT INTO editions (as_of, written_at, written_by, file_name, format, window_years, bands_json, "
        "sites, records, members, countries, sha256, generalised_json, rows_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (edition.as_of, edition.written_at, edition.written_by, edition.file_name, edition.format,
         edition.window_years, json.dumps([list(b) for b in edition.bands]), edition.sites, edition.records,
         edition.members, edition.countries, edition.sha256,
         json.dumps(list(edition.generalised), ensure_ascii=False), packed))
    return int(cursor.lastrowid or 0)


def edition_records(store: Store) -> list[EditionRecord]:
    """Every edition, newest first."""
    return [_record(row) for row in store.conn.execute(f"SELECT {_COLUMNS} FROM editions ORDER BY id DESC")]


def edition_record(store: Store, edition_id: int) -> EditionRecord:
    """One edition.

    Raises:
        WorkspaceError: there is no such edition.
    """
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM editions WHERE id = ?", (edition_id,)).fetchone()
    if row is None:
        raise WorkspaceError(f"There is no edition {edition_id} in this workspace; 'aimdesk editions' lists them.")
    return _record(row)


def edition_rows(store: Store, edition_id: int) -> tuple[tuple[str, ...], list[list[str]]]:
    """The column names and rows of an edition, as written.

    Raises:
        WorkspaceError: there is no such edition.
    """
    row = store.conn.execute("SELECT rows_json FROM editions WHERE id = ?", (edition_id,)).fetchone()
    if row is None:
        raise WorkspaceError(f"There is no edition {edition_id} in this workspace; 'aimdesk editions' lists them.")
    data = json.loads(zlib.decompress(row[0]).decode("utf-8"))
    return tuple(data["columns"]), data["rows"]


def _record(row: tuple[Any, ...]) -> EditionRecord:
    (id_, as_of, written_at, written_by, file_name, format_, window, bands, sites, records, members,
     countries, sha256, generalised) = row
    return EditionRecord(
        as_of, written_at, written_by, file_name, format_, window,
        tuple((lo, hi) for lo, hi in json.loads(bands)), sites, records, members, countries, sha256,
        tuple(json.loads(generalised)), id=id_)

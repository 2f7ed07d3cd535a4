"""Editions of the common document: what was sent when, and how two editions differ.

Every common document written is an edition (`write_common_document` records it): its
as-of date, who wrote it when, the file's name, format and SHA-256, its counts, and its
rows, so that the secretariat can say how the shared list changed ("the shared list has
grown to 23,000 records"): sites added, dropped, and changed (a later audit, another band,
another scheme …).
"""

from __future__ import annotations

from dataclasses import dataclass

from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.editions import EditionRecord, edition_record, edition_records, edition_rows
from aimdesk.core.store.workspace import Store

Edition = EditionRecord
"""One edition: as_of, written_at, written_by, file_name, format ("xlsx" or "csv"),
window_years, bands, sites, records, members, countries, sha256, generalised, and its id."""

COUNTED = ("sites", "records", "members", "countries")


@dataclass(frozen=True, slots=True)
class EditionDiff:
    """How a newer edition differs from an older one, site by site (public site ids)."""

    older: Edition
    newer: Edition
    added: list[str]
    dropped: list[str]
    changed: list[tuple[str, str]]
    """(public site id, what changed: "Latest audit (month) 2025-03 → 2026-01; …")."""
    counts: dict[str, tuple[int, int]]
    """"sites", "records", "members", "countries" -> (older, newer)."""

    @property
    def is_same(self) -> bool:
        return not (self.added or self.dropped or self.changed)


def list_editions(store: Store) -> list[Edition]:
    """Every edition of the common document, newest first."""
    return edition_records(store)


def get_edition(store: Store, edition_id: int) -> Edition:
    """One edition.

    Raises:
        WorkspaceError: there is no such edition.
    """
    return edition_record(store, edition_id)


def edition_diff(store: Store, older_id: int, newer_id: int) -> EditionDiff:
    """Sites added, dropped and changed from edition `older_id` to edition `newer_id`.

    Args:
        store: the open workspace.
        older_id, newer_id: edition ids (`list_editions`); any two, in either order of
            writing.

    Returns:
        The differences, each list sorted by public site id.

    Raises:
        WorkspaceError: either edition does not exist.
        AimDeskError: the two ids are the same.

    Example:
        >>> diff = edition_diff(store, 3, 5)
        >>> len(diff.added), diff.counts["sites"]
        (112, (22871, 22983))
    """
    if older_id == newer_id:
        raise AimDeskError(f"Edition {older_id} compared with itself has no differences; choose two editions.")
    older, newer = get_edition(store, older_id), get_edition(store, newer_id)
    before, after = _by_site(store, older_id), _by_site(store, newer_id)
    added = sorted(set(after) - set(before))
    dropped = sorted(set(before) - set(after))
    changed = []
    for site in sorted(set(before) & set(after)):
        what = [f"{column} {before[site].get(column) or '(empty)'} → {after[site].get(column) or '(empty)'}"
                for column in dict.fromkeys([*before[site], *after[site]])
                if before[site].get(column, "") != after[site].get(column, "")]
        if what:
            changed.append((site, "; ".join(what)))
    counts = {name: (getattr(older, name), getattr(newer, name)) for name in COUNTED}
    return EditionDiff(older, newer, added, dropped, changed, counts)


def _by_site(store: Store, edition_id: int) -> dict[str, dict[str, str]]:
    """Public site id -> {column: value} (the other columns of its row)."""
    columns, rows = edition_rows(store, edition_id)
    return {row[0]: dict(zip(columns[1:], row[1:])) for row in rows}

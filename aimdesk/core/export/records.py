"""`export-records`: every active record with its provenance, one row each (CSV)."""

from __future__ import annotations

import csv
from pathlib import Path

from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.core.store.matching import site_public_ids
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store

EXPORT_COLUMNS: tuple[str, ...] = (
    "record_id", "member", "source_file", "source_sheet", "source_row",
    *CANONICAL_FIELDS, "site_id",
)


def export_records_csv(store: Store, out: Path) -> int:
    """Write every active record to `out` (UTF-8 with BOM, so Excel opens it right).

    `site_id` is the public id of the record's site (empty until matching has run).

    Returns:
        The number of records written.
    """
    count = 0
    sites = site_public_ids(store)
    with open(out, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        for row in iter_active_records(store):
            writer.writerow([
                row.id, row.member, row.source_file, row.source_sheet, row.source_row,
                *(getattr(row, field) for field in CANONICAL_FIELDS), sites.get(row.id, ""),
            ])
            count += 1
    return count

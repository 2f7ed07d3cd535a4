"""Checks on whole columns after reading: a column that mostly fails its field was
probably mapped wrong, and the user should hear it before trusting the import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aimdesk.core.ingest.prepare import SheetPart

SUSPICIOUS_SHARE = 0.5
"""A mapped column where at least this share of the filled cells cannot be read."""
SUSPICIOUS_MINIMUM = 5

_FAILURES = {
    "audit_date": ("unparseable_date", "audit_date_raw", "dates"),
    "country": ("unknown_country", "country_raw", "countries"),
    "sedex_id": ("invalid_identifier", "sedex_id_raw", "Sedex ids"),
}
"""field → (finding kind when a cell fails, raw attribute of the record, plural noun)."""


def column_warnings(parts: Sequence[SheetPart]) -> list[str]:
    """One sentence per mapped column whose values mostly do not fit its field."""
    warnings = []
    for part in parts:
        for choice in part.mapping.choices:
            if choice.field not in _FAILURES:
                continue
            kind, raw_attribute, noun = _FAILURES[choice.field]
            filled = [r for r in part.outcome.records if getattr(r, raw_attribute)]
            failed = sum(1 for r in filled if any(f.kind == kind for f in r.findings))
            if failed >= SUSPICIOUS_MINIMUM and failed >= SUSPICIOUS_SHARE * len(filled):
                field = choice.field.replace("_", " ")
                warnings.append(
                    f"Column '{choice.label}' (sheet '{part.sheet.name}') was read as {field}, "
                    f"but {failed} of its {len(filled)} values are not {noun}; check the column "
                    f"mapping (--map {choice.field}=HEADER).")
    return warnings

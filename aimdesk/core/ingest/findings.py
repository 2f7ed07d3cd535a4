"""Validation findings: what is wrong or doubtful in a row. Kept and shown, never dropped."""

from __future__ import annotations

from dataclasses import dataclass

AUDIT_WINDOW_YEARS = 3
"""Members send the suppliers they audited in the last three years."""

FINDING_KINDS: dict[str, str] = {
    "missing_site_name": "Site name is empty",
    "missing_country": "Country is empty",
    "unknown_country": "Country not recognised",
    "missing_audit_date": "Audit date is empty",
    "unparseable_date": "Audit date cannot be read",
    "ambiguous_date": "Audit date could be day/month or month/day",
    "approximate_date": "Audit date gives only the month",
    "future_date": "Audit date is in the future",
    "audit_too_old": f"Audit older than {AUDIT_WINDOW_YEARS} years",
    "invalid_identifier": "Sedex id is not valid",
    "duplicate_row": "Same as an earlier row of this file",
    "not_social_audit": "Not a social audit (food safety, quality or environment)",
}
"""Every finding kind with the title shown to users, in the order reports list them."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one row: its kind, the field concerned and a sentence about it."""

    kind: str
    field: str
    message: str

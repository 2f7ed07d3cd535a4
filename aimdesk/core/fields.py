"""The canonical fields of a supplier record (DESIGN.md)."""

from __future__ import annotations

from typing import Literal

Field = Literal[
    "site_name", "address", "city", "region", "postal_code", "country",
    "sedex_id", "member_ref", "audit_date", "audit_type", "audit_firm",
]

CANONICAL_FIELDS: tuple[Field, ...] = (
    "site_name", "address", "city", "region", "postal_code", "country",
    "sedex_id", "member_ref", "audit_date", "audit_type", "audit_firm",
)

FIELD_LABELS: dict[str, str] = {
    "site_name": "Site name",
    "address": "Address",
    "city": "City",
    "region": "Region / state",
    "postal_code": "Postal code",
    "country": "Country",
    "sedex_id": "Sedex id",
    "member_ref": "Member's supplier ref",
    "audit_date": "Audit date",
    "audit_type": "Audit type",
    "audit_firm": "Audit firm",
}

REQUIRED_FIELDS: tuple[Field, ...] = ("site_name",)
"""A list without a column for these cannot be imported at all."""

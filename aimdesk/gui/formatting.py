"""How values look on screen: numbers, timestamps, country names. No domain rules."""

from __future__ import annotations

from datetime import datetime

from aimdesk.core.ingest.countries import country_name


LIST_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
"""The files a supplier list (or a planned list, or the EcoVadis list) may come as."""
LIST_FILTER = f"Supplier lists ({' '.join('*' + s for s in LIST_SUFFIXES)})"
"""The same, for a file dialog."""


def format_count(value: int) -> str:
    """Thousands separators, as in Excel: 6812 -> '6,812'."""
    return f"{value:,}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 member', '12 members', '6,812 records'."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{format_count(count)} {word}"


def format_timestamp(value: str) -> str:
    """A stored ISO timestamp in the user's local time, to the minute; '' stays ''."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def country_label(code: str) -> str:
    """'CN' -> 'CN — China'; '' and unknown codes are shown as they are."""
    name = country_name(code) if code else code
    return code if name == code else f"{code} — {name}"

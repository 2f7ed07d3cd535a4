"""Audits in the demo lists: when they happened, which firm did them, how dates are written.

Audit type spellings follow ``reference/audit-schemes.md``; each member's own wording is in
``members.py``. Dates are mostly inside the last three years before ``as_of``; some are
older (to be left out of the common list) and a few lie in the future (typing slips).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

AUDIT_FIRMS: dict[str, tuple[str, ...]] = {
    "SGS": ("SGS", "SGS S.A.", "SGS-CSTC", "sgs"),
    "Bureau Veritas": ("Bureau Veritas", "BV", "Bureau Veritas CPS", "Bureau Veritas Consumer Products Services"),
    "Intertek": ("Intertek", "Intertek Testing Services", "ITS"),
    "TÜV Rheinland": ("TÜV Rheinland", "TUV Rheinland", "TUV-R"),
    "ELEVATE": ("ELEVATE", "Elevate Limited", "Elevate"),
    "UL": ("UL", "UL Responsible Sourcing", "UL RS"),
    "QIMA": ("QIMA", "Qima", "QIMA (AsiaInspection)"),
    "LRQA": ("LRQA", "LRQA Ltd", "Lloyd's Register (LRQA)"),
    "TÜV SÜD": ("TÜV SÜD", "TUV SUD"),
    "DNV": ("DNV", "DNV GL"),
    "Control Union": ("Control Union", "Control Union Certifications"),
    "ALGI": ("ALGI", "A&L Group Inc (ALGI)"),
    "Eurofins": ("Eurofins", "Eurofins Assurance"),
}
"""Audit firm -> the spellings members use (the first is the official one)."""

FIRM_WEIGHTS: dict[str, float] = {
    "SGS": 5, "Bureau Veritas": 5, "Intertek": 4, "TÜV Rheinland": 2.5, "ELEVATE": 2.5, "UL": 2,
    "QIMA": 2, "LRQA": 2, "TÜV SÜD": 1.5, "DNV": 1, "Control Union": 1, "ALGI": 1, "Eurofins": 1,
}

SHARE_RECENT = 0.885
SHARE_OLD = 0.10
"""Audit dates: share within three years, share older; the rest lie in the future (slips)."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EXCEL_EPOCH = date(1899, 12, 30)


def draw_audit_date(rng: random.Random, as_of: date, *, before: date | None = None) -> date:
    """An audit date as members report it relative to ``as_of``.

    Args:
        rng: seeded random source.
        as_of: the date the common list is made for.
        before: for an earlier audit of the same site, a date it must precede.
    """
    if before is not None:
        return before - timedelta(days=rng.randint(300, 800))
    roll = rng.random()
    if roll < SHARE_RECENT:
        return as_of - timedelta(days=rng.randint(10, 3 * 365 - 3))
    if roll < SHARE_RECENT + SHARE_OLD:
        return as_of - timedelta(days=rng.randint(3 * 365 + 5, 6 * 365))
    return as_of + timedelta(days=rng.randint(40, 420))


def pick_firm(rng: random.Random, preferred_spelling: int) -> str:
    """An audit firm in the member's usual spelling (sometimes another spelling)."""
    firm = rng.choices(list(FIRM_WEIGHTS), weights=list(FIRM_WEIGHTS.values()))[0]
    spellings = AUDIT_FIRMS[firm]
    if rng.random() < 0.15:
        return rng.choice(spellings)
    return spellings[min(preferred_spelling, len(spellings) - 1)]


def format_date(value: date, style: str) -> str | date | int:
    """A date written the member's way: a real date, an Excel serial number, or text.

    Args:
        value: the audit date.
        style: ``cell`` (real date), ``serial``, ``dmy_slash``, ``dmy_dot``, ``dmy_dash``,
            ``dmy_mon``, ``dmy_2y``, ``mdy_slash``, ``iso``, ``zh``.
    """
    if style == "cell":
        return value
    if style == "serial":
        return (value - EXCEL_EPOCH).days
    day, month, year = value.day, value.month, value.year
    formats = {
        "dmy_slash": f"{day:02d}/{month:02d}/{year}",
        "dmy_dot": f"{day:02d}.{month:02d}.{year}",
        "dmy_dash": f"{day:02d}-{month:02d}-{year}",
        "dmy_mon": f"{day:02d}-{_MONTHS[month - 1]}-{year}",
        "dmy_2y": f"{day:02d}/{month:02d}/{year % 100:02d}",
        "mdy_slash": f"{month}/{day}/{year}",
        "iso": value.isoformat(),
        "zh": f"{year}年{month}月{day}日",
    }
    return formats[style]

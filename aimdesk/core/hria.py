"""The register of human-rights impact assessments (HRIAs): pre-competitive information
members share (country, commodity or sector, scope, year), anonymous in the same way as the
common document: who shared an entry stays with the secretariat, and anyone interested is
put in touch through it.

`hria_rows` is what the common document prints as its own sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.countries import country_name, normalise_country
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.hria import HriaEntry, entries, get_entry, insert_entry, mark_removed, update_entry
from aimdesk.core.store.members import member_name
from aimdesk.core.store.workspace import Store, timestamp, utc_now

__all__ = ["HRIA_COLUMNS", "HriaEntry", "THROUGH_SECRETARIAT", "add_hria", "hria_entries", "hria_rows",
           "remove_hria", "update_hria", "validate_hria"]

FIRST_YEAR = 2000
"""The earliest year an HRIA in the register may have."""
YEARS_AHEAD = 1
"""An HRIA may be dated up to this many years after the current one (one being planned)."""
MAX_TEXT = 500
"""Longest sector or scope text kept (a sentence or two, not a report)."""
THROUGH_SECRETARIAT = "Through the secretariat"
HRIA_COLUMNS: tuple[str, ...] = ("Country", "Country code", "Commodity or sector", "Scope", "Year", "Contact")
"""The columns of `hria_rows`, in order."""


def validate_hria(store: Store, *, member_id: int, country: str, sector: str, scope: str, year: int | str,
                  now: Callable[[], datetime] = utc_now) -> list[str]:
    """What is wrong with an entry before it is saved, one sentence each (the form shows
    them; an empty list means it can be saved).

    Args:
        member_id: the member sharing it.
        country: a country name or ISO code, in any language members write.
        sector: the commodity or sector ("cocoa", "garments").
        scope: what the assessment covered.
        year: the year it was done (or is planned).
    """
    problems = []
    try:
        name = member_name(store, member_id)
    except AimDeskError as error:
        problems.append(str(error))
        name = ""
    if not country.strip():
        problems.append("Give the country of the assessment (a name or an ISO code such as VN).")
    elif normalise_country(country) is None:
        problems.append(f"'{country.strip()}' is not a country AIMDesk knows; give its name or ISO code "
                        "(for example Viet Nam or VN).")
    if not sector.strip():
        problems.append("Give the commodity or sector the assessment covered (for example cocoa or garments).")
    last = now().year + YEARS_AHEAD
    number = _year(year)
    if number is None or not FIRST_YEAR <= number <= last:
        problems.append(f"The year must be between {FIRST_YEAR} and {last}, not '{year}'.")
    for label, text in (("commodity or sector", sector), ("scope", scope)):
        if len(text.strip()) > MAX_TEXT:
            problems.append(f"The {label} is longer than {MAX_TEXT} characters; shorten it.")
        if name and _names(text, name):
            problems.append(f"The {label} names the member ({name}); the register is anonymous: leave it out "
                            "(the contact note is the place for it).")
    return problems


def add_hria(store: Store, *, member_id: int, country: str, sector: str, scope: str, year: int | str,
             contact_note: str = "", who: str, now: Callable[[], datetime] = utc_now) -> HriaEntry:
    """Add an HRIA to the register.

    Args:
        member_id: the member sharing it (kept internal, never exported).
        country: a country name or ISO code; stored as the ISO alpha-2 code.
        sector: the commodity or sector.
        scope: what the assessment covered (sites, issues, value-chain stage).
        year: the year of the assessment, FIRST_YEAR up to next year.
        contact_note: the secretariat's note on whom to put an enquirer in touch with.
        who: the person adding it (kept in the history).

    Returns:
        The entry as saved.

    Raises:
        AimDeskError: the entry is not valid; the message lists every problem.
    """
    _refuse(validate_hria(store, member_id=member_id, country=country, sector=sector, scope=scope,
                          year=year, now=now))
    moment = now()
    clean = _clean(country, sector, scope, year, contact_note)
    with store.transaction():
        entry_id = insert_entry(store, member_id=member_id, country=clean.country, sector=clean.sector,
                                scope=clean.scope, year=clean.year, contact_note=clean.contact_note,
                                created_at=timestamp(moment), created_by=who)
        log_activity(store, who=who, action="add hria", now=moment,
                     detail={"entry": entry_id, "member": member_name(store, member_id), **asdict(clean)})
    saved = get_entry(store, entry_id)
    assert saved is not None
    return saved


def update_hria(store: Store, entry_id: int, *, member_id: int | None = None, country: str | None = None,
                sector: str | None = None, scope: str | None = None, year: int | str | None = None,
                contact_note: str | None = None, who: str,
                now: Callable[[], datetime] = utc_now) -> HriaEntry:
    """Change an entry of the register; values not given stay as they are. The activity
    log keeps the values before and after.

    Raises:
        AimDeskError: no such entry in the register, or the changed entry is not valid.
    """
    before = _existing(store, entry_id)
    member = before.member_id if member_id is None else member_id
    country = before.country if country is None else country
    sector = before.commodity_or_sector if sector is None else sector
    scope = before.scope if scope is None else scope
    year = before.year if year is None else year
    _refuse(validate_hria(store, member_id=member, country=country, sector=sector, scope=scope, year=year,
                          now=now))
    clean = _clean(country, sector, scope, year, before.contact_note if contact_note is None else contact_note)
    moment = now()
    with store.transaction():
        update_entry(store, entry_id, member_id=member, country=clean.country, sector=clean.sector,
                     scope=clean.scope, year=clean.year, contact_note=clean.contact_note,
                     updated_at=timestamp(moment), updated_by=who)
        log_activity(store, who=who, action="update hria", now=moment, detail={
            "entry": entry_id, "member": member_name(store, member), "after": asdict(clean),
            "before": {"country": before.country, "sector": before.commodity_or_sector, "scope": before.scope,
                       "year": before.year, "contact_note": before.contact_note,
                       "member": member_name(store, before.member_id)}})
    return _existing(store, entry_id)


def remove_hria(store: Store, entry_id: int, *, who: str, now: Callable[[], datetime] = utc_now) -> None:
    """Take an entry out of the register: it is marked removed (who, when) and logged,
    never deleted.

    Raises:
        AimDeskError: no such entry in the register.
    """
    entry = _existing(store, entry_id)
    moment = now()
    with store.transaction():
        mark_removed(store, entry_id, removed_at=timestamp(moment), removed_by=who)
        log_activity(store, who=who, action="remove hria", now=moment, detail={
            "entry": entry_id, "country": entry.country, "sector": entry.commodity_or_sector,
            "year": entry.year, "member": member_name(store, entry.member_id)})


def hria_entries(store: Store) -> list[HriaEntry]:
    """The entries in the register, by country, sector and year (removed ones left out)."""
    return entries(store)


def hria_rows(store: Store) -> list[dict[str, str]]:
    """The register as the common document's HRIA sheet prints it: one row per entry with
    the `HRIA_COLUMNS`, contact always through the secretariat. Nothing names a member:
    neither the member nor the secretariat's contact note is in it.

    Example:
        >>> hria_rows(store)[0]
        {'Country': 'Côte d'Ivoire', 'Country code': 'CI', 'Commodity or sector': 'Cocoa',
         'Scope': 'Smallholder farms, child labour', 'Year': '2024', 'Contact': 'Through the secretariat'}
    """
    rows = [{"Country": country_name(e.country), "Country code": e.country,
             "Commodity or sector": e.commodity_or_sector, "Scope": e.scope, "Year": str(e.year),
             "Contact": THROUGH_SECRETARIAT} for e in entries(store)]
    return sorted(rows, key=lambda r: (r["Country"], r["Commodity or sector"].casefold(), r["Year"],
                                       r["Scope"].casefold()))


def _existing(store: Store, entry_id: int) -> HriaEntry:
    entry = get_entry(store, entry_id)
    if entry is None:
        raise AimDeskError(f"There is no HRIA entry #{entry_id} in the register; 'aimdesk hria list' shows them.")
    return entry


def _refuse(problems: list[str]) -> None:
    """Raise the problems as one sentence, every one of them named."""
    if problems:
        parts = [problems[0].rstrip(".")] + [p[0].lower() + p[1:].rstrip(".") if p[:1].isupper() and p[1:2].islower()
                                             else p.rstrip(".") for p in problems[1:]]
        raise AimDeskError("; ".join(parts) + ".")


@dataclass(frozen=True, slots=True)
class _Clean:
    """An entry's values as stored: country as its code, texts with spacing tidied."""

    country: str
    sector: str
    scope: str
    year: int
    contact_note: str


def _clean(country: str, sector: str, scope: str, year: int | str, contact_note: str) -> _Clean:
    code = normalise_country(country)
    number = _year(year)
    assert code is not None and number is not None  # validated first
    return _Clean(code, " ".join(sector.split()), " ".join(scope.split()), number, contact_note.strip())


def _year(value: int | str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if re.fullmatch(r"\d{4}", text) else None


def _names(text: str, member: str) -> bool:
    """Does `text` name the member (its full name, case and spacing aside, as whole words)?"""
    words = " ".join(member.casefold().split())
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", " ".join(text.casefold().split())) is not None

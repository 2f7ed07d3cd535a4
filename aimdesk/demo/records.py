"""Which sites each member lists, and the records it writes for them.

Sites are handed to members so that many sites are audited by two to six members (the
overlap the common list is about), weighted by each member's sectors, countries and size.
Each member then writes its sites in its own way (``noise.py``), adds audits, and makes the
everyday mistakes of real lists: repeated rows, a blank name or country, an unknown country.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from aimdesk.demo.audits import draw_audit_date, pick_firm
from aimdesk.demo.members import SECTOR_AFFINITY_FLOOR, MemberProfile
from aimdesk.demo.noise import (
    NoiseStyle,
    render_address, render_city, render_country, render_name, render_postal, render_region, render_sedex,
    unknown_country,
)
from aimdesk.demo.sites import Site

Cell = str | int | float | date | None

MEMBERS_PER_SITE: dict[int, float] = {1: 0.60, 2: 0.18, 3: 0.10, 4: 0.06, 5: 0.04, 6: 0.02}
"""How many members list one site (before capacity limits)."""

MIN_MEMBER_RECORDS = 18
"""Smallest list a member sends, whatever the scale (keeps every layout feature present)."""


@dataclass(frozen=True, slots=True)
class DemoRecord:
    """One data row of a member's list, with the truth behind it."""

    site_id: str
    member_ref: str
    cells: dict[str, Cell]
    country: str
    audit_date: date | None
    is_blank_name: bool = False
    sort_name: str = field(default="", compare=False)


def _affinity(member: MemberProfile, site: Site) -> float:
    sector = member.sectors.get(site.sector, SECTOR_AFFINITY_FLOOR)
    return max(sector, SECTOR_AFFINITY_FLOOR) * member.country_bias.get(site.country, 1.0)


def _pick_members(rng: random.Random, candidates: list[tuple[int, float]], count: int) -> list[int]:
    chosen: list[int] = []
    pool = list(candidates)
    while pool and len(chosen) < count:
        index = rng.choices(range(len(pool)), weights=[weight for _, weight in pool])[0]
        chosen.append(pool.pop(index)[0])
    return chosen


def assign_sites(rng: random.Random, sites: tuple[Site, ...], members: tuple[MemberProfile, ...],
                 capacities: list[int]) -> list[list[Site]]:
    """Hand sites to members: each site to one to six members, within each member's capacity.

    Hard-case sites go first and to at least two members, so the tricky pairs are in the data.

    Returns:
        For each member (same order), the sites it audited.
    """
    left = list(capacities)
    lists: list[list[Site]] = [[] for _ in members]
    taken: list[set[str]] = [set() for _ in members]
    order = list(sites)
    rng.shuffle(order)
    order.sort(key=lambda site: site.hard_case == "")
    counts = list(MEMBERS_PER_SITE)
    for site in order:
        if sum(left) <= 0:
            break
        wanted = rng.choices(counts, weights=list(MEMBERS_PER_SITE.values()))[0]
        if site.hard_case:
            wanted = max(wanted, 2)
        candidates = [(index, _affinity(member, site) * left[index] / capacities[index])
                      for index, member in enumerate(members) if left[index] > 0]
        for index in _pick_members(rng, candidates, wanted):
            lists[index].append(site)
            taken[index].add(site.site_id)
            left[index] -= 1
    for index, member in enumerate(members):  # top up members whose share ran out of sites
        if left[index] <= 0:
            continue
        spare = [site for site in sites if site.site_id not in taken[index]]
        weights = [_affinity(member, site) for site in spare]
        while left[index] > 0 and spare:
            pick = rng.choices(range(len(spare)), weights=weights)[0]
            lists[index].append(spare.pop(pick))
            weights.pop(pick)
            left[index] -= 1
    return lists


_CATEGORIES = {"apparel": "Apparel", "home": "Home & Living", "food": "Food", "beauty": "Beauty & Personal Care",
               "packaging": "Packaging", "toys": "Toys & Electronics"}
_GRADES = ("A", "B", "C", "D", "Pass", "Approved", "Conditional", "Satisfactory", "Needs improvement")
_FIRST_NAMES = ("Li Wei", "Nguyen Thi Lan", "Ayşe Kaya", "Rahul Sharma", "Maria Garcia", "Somchai P.", "Siti Rahma",
                "Karim Uddin", "Ana Silva", "John Smith", "Zhang Min", "Fatima Zahra", "Lukas Weber")


def _site_cells(site: Site, member: MemberProfile, rng: random.Random) -> dict[str, Cell]:
    """The member's master data for one site: written once, reused for each of its audits."""
    style = member.noise
    city = render_city(site.address.city, site.country, style, rng)
    region = render_region(site.address.city, site.country, style, rng)
    postal = render_postal(site, style, rng)
    cells: dict[str, Cell] = {
        "site_name": render_name(site, style, rng),
        "city": city, "region": region, "postal_code": postal,
        "country": render_country(site.country, style, rng),
        "sedex_id": render_sedex(site, style, rng),
    }
    cells["address"] = render_address(site, style, rng, with_city=style.full_address,
                                      city=city, region=region, postal=postal)
    cells["site_name_en"] = "" if site.country != "CN" else render_name(site, NoiseStyle(), rng)
    cells["category"] = _CATEGORIES.get(site.sector, "Other")
    cells["headcount"] = site.headcount
    cells["contact"] = rng.choice(_FIRST_NAMES)
    cells["phone"] = f"+{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)} {rng.randint(100, 999)}"
    cells["email"] = f"compliance{rng.randint(1, 99)}@supplier{rng.randint(100, 999)}.example"
    cells["status"] = rng.choice(("Active", "Active", "Active", "On hold"))
    return cells


def build_records(rng: random.Random, member: MemberProfile, sites: list[Site], *, as_of: date) -> list[DemoRecord]:
    """The rows of one member's list, in no particular order, with deliberate mistakes.

    Args:
        rng: a random source seeded for this member.
        member: the member writing the list.
        sites: the sites it audited (``assign_sites``).
        as_of: the date the common list is made for.
    """
    refs = rng.sample(range(120, 120 + 40 * len(sites) + 50), len(sites))
    audit_types = [name for name, _ in member.audit_types]
    type_weights = [weight for _, weight in member.audit_types]
    records: list[DemoRecord] = []
    for site, number in zip(sites, sorted(refs)):
        ref = member.ref_pattern.format(n=number)
        master = _site_cells(site, member, rng)
        sort_name = str(master["site_name"]).strip().lower()
        audit = draw_audit_date(rng, as_of)
        audits = [audit]
        if rng.random() < member.reaudits:
            audits.append(draw_audit_date(rng, as_of, before=audit))
        for audit_date in audits:
            cells = dict(master)
            cells.update(member_ref=ref, audit_date=audit_date,
                         audit_type=rng.choices(audit_types, weights=type_weights)[0],
                         audit_firm=pick_firm(rng, member.firm_spelling),
                         grade=rng.choice(_GRADES), notes="" if rng.random() < 0.85 else rng.choice(
                             ("follow-up due", "CAP open", "re-audit planned", "see report", "new site 2025")))
            is_blank_name = False
            roll = rng.random()
            if roll < member.blank_names:
                cells["site_name"], is_blank_name = "", True
            elif roll < member.blank_names + member.blank_countries:
                cells["country"] = ""
            elif roll < member.blank_names + member.blank_countries + member.unknown_countries:
                cells["country"] = unknown_country(site.country, rng)
            if rng.random() < 0.004:
                cells["audit_date"] = None
            records.append(DemoRecord(site.site_id, ref, cells, site.country, cells["audit_date"],  # type: ignore[arg-type]
                                      is_blank_name, sort_name))
    for record in list(records):
        if rng.random() < member.duplicates:
            records.append(record)  # an exact repeat of a row, as pasted twice
    _ensure_mistakes(rng, member, records)
    return records


def _ensure_mistakes(rng: random.Random, member: MemberProfile, records: list[DemoRecord]) -> None:
    """Small lists still get one repeated row and one blank site name, so tests see them."""
    if len(records) < 3:
        return
    if len({id(record) for record in records}) == len(records):
        records.append(records[rng.randrange(len(records))])
    if not any(record.is_blank_name for record in records):
        index = rng.randrange(len(records))
        record = records[index]
        if sum(1 for other in records if other is record) == 1:
            cells = dict(record.cells, site_name="")
            records[index] = DemoRecord(record.site_id, record.member_ref, cells, record.country,
                                        record.audit_date, True, record.sort_name)

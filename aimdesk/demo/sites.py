"""The synthetic universe: companies and their physical supplier sites (the ground truth).

A :class:`Site` is one physical site (the unit of mutual recognition, DESIGN.md). Its name
and address are kept in parts, not as one string, so each member can write them its own
way (``noise.py``). The universe contains the hard cases on purpose:

* multi-site companies: one company, plants in different towns -> different sites;
* same name, different site: unrelated factories with the same name in other provinces;
* same address, different names: neighbours in one industrial park building;
* renamed sites: some members still use the old name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Literal

from anyascii import anyascii

from aimdesk.demo.countries import (
    CN_CITIES, CN_ENGLISH_BRANDS, CN_INDUSTRIES, CN_STREETS, CN_SYLLABLES, OTHER_COUNTRIES,
    SPECIAL_COUNTRY_SECTORS, SPECIAL_COUNTRY_WEIGHTS, TH_BRANDS, TH_CITIES, TH_INDUSTRIES,
    TH_STREETS, VN_BRANDS, VN_CITIES, VN_INDUSTRIES, VN_PARKS, VN_STREETS, City, Country,
)

HardCase = Literal["", "multi_site", "same_name", "same_address", "renamed"]

UNIVERSE_SIZE = 4000
"""True sites in the universe at scale 1.0."""

SEDEX_SITE_SHARE = 0.72
"""Share of sites that have a Sedex site reference (ZS) at all."""


@dataclass(frozen=True, slots=True)
class SiteName:
    """A factory name in parts: ``[place] brand industry legal-form [unit]``."""

    brand: str
    industry: str
    legal: str = ""
    place: str = ""
    is_brand_first: bool = True
    unit: str = ""
    local: str = ""

    @property
    def core(self) -> str:
        """Brand and industry words in the country's usual order."""
        parts = (self.brand, self.industry) if self.is_brand_first else (self.industry, self.brand)
        return " ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """Where a site is, in parts; ``local`` is the address in local script when there is one."""

    number: str
    street: str
    city: City
    postal: str
    style: str
    district: str = ""
    park: str = ""
    local: str = ""


@dataclass(frozen=True, slots=True)
class Site:
    """One physical supplier site: the truth every member record points at."""

    site_id: str
    company_id: str
    country: str
    sector: str
    name: SiteName
    address: SiteAddress
    zs: int | None
    zc: int
    old_name: SiteName | None = None
    hard_case: HardCase = ""
    headcount: int = 0


@dataclass(frozen=True, slots=True)
class _Draft:
    """A site before ids are given out."""

    company: int
    country: str
    sector: str
    name: SiteName
    address: SiteAddress
    hard_case: HardCase = ""
    old_name: SiteName | None = None


def _weighted(rng: random.Random, items: dict[str, float]) -> str:
    keys = list(items)
    return rng.choices(keys, weights=[items[key] for key in keys])[0]


def _fill(pattern: str, rng: random.Random) -> str:
    """Fill a postal pattern: ``#`` -> digit, ``@`` -> letter (no I, O, Q as in UK codes)."""
    out = []
    for char in pattern:
        if char == "#":
            out.append(str(rng.randrange(10)))
        elif char == "@":
            out.append(rng.choice("ABDEFGHJLNPRSTUWXYZ"))
        else:
            out.append(char)
    return "".join(out)


_COUNTRIES: dict[str, Country] = {country.code: country for country in OTHER_COUNTRIES}
_COUNTRY_WEIGHTS: dict[str, float] = {
    **SPECIAL_COUNTRY_WEIGHTS, **{country.code: country.weight for country in OTHER_COUNTRIES}}


def _sectors(code: str) -> dict[str, float]:
    if code in SPECIAL_COUNTRY_SECTORS:
        return SPECIAL_COUNTRY_SECTORS[code]
    return {key: float(value) for key, value in _COUNTRIES[code].sectors.items()}


def _cities(code: str) -> tuple[City, ...]:
    special = {"CN": CN_CITIES, "VN": VN_CITIES, "TH": TH_CITIES}
    return special[code] if code in special else _COUNTRIES[code].cities


# --- names -----------------------------------------------------------------------------------

def _name_cn(rng: random.Random, sector: str, city: City, *, english_brand: bool = False) -> SiteName:
    industry, industry_zh = rng.choice(CN_INDUSTRIES[sector])
    if english_brand:
        brand, brand_zh = rng.choice(CN_ENGLISH_BRANDS)
        return SiteName(brand, industry, "factory", local=f"{brand_zh}{industry_zh}厂")
    first, second = rng.sample(CN_SYLLABLES, 2)
    brand, brand_zh = first[0] + second[0].lower(), first[1] + second[1]
    legal = _weighted(rng, {"co_ltd": 0.86, "factory": 0.06, "ltd": 0.08})
    place = city.name if rng.random() < 0.7 else ""
    place_zh = city.local if place else ""
    suffix = "厂" if legal == "factory" else "有限公司"
    return SiteName(brand, industry, legal, place=place, local=f"{place_zh}{brand_zh}{industry_zh}{suffix}")


def _name_vn(rng: random.Random, sector: str) -> SiteName:
    brand_vi = rng.choice(VN_BRANDS)
    industry, industry_vi = rng.choice(VN_INDUSTRIES[sector])
    legal = "co_ltd" if rng.random() < 0.7 else "jsc"
    prefix = "Công ty TNHH" if legal == "co_ltd" else "Công ty Cổ phần"
    return SiteName(anyascii(brand_vi), industry, legal, local=f"{prefix} {industry_vi} {brand_vi}")


def _name_th(rng: random.Random, sector: str) -> SiteName:
    brand, brand_th = rng.choice(TH_BRANDS)
    industry, industry_th = rng.choice(TH_INDUSTRIES[sector])
    legal = "co_ltd" if rng.random() < 0.82 else "pcl"
    suffix = " จำกัด (มหาชน)" if legal == "pcl" else " จำกัด"
    return SiteName(brand, industry, legal, local=f"บริษัท {brand_th}{industry_th}{suffix}")


def _name_other(rng: random.Random, country: Country, sector: str) -> SiteName:
    legal = _weighted(rng, dict(country.legal))
    return SiteName(rng.choice(country.brands), rng.choice(country.industries[sector]), legal,
                    is_brand_first=country.is_brand_first)


def _make_name(rng: random.Random, code: str, sector: str, city: City) -> SiteName:
    if code == "CN":
        return _name_cn(rng, sector, city)
    if code == "VN":
        return _name_vn(rng, sector)
    if code == "TH":
        return _name_th(rng, sector)
    return _name_other(rng, _COUNTRIES[code], sector)


# --- addresses -------------------------------------------------------------------------------

def _make_address(rng: random.Random, code: str, city: City) -> SiteAddress:
    postal = _fill(city.postal, rng)
    district_index = rng.randrange(len(city.districts)) if city.districts else -1
    district = city.districts[district_index] if district_index >= 0 else ""
    number = str(rng.choice((rng.randint(1, 60), rng.randint(1, 400))))
    if code == "CN":
        street, street_zh = rng.choice(CN_STREETS)
        park = park_zh = ""
        if rng.random() < 0.25:
            syllable, chars = rng.choice(CN_SYLLABLES)
            park, park_zh = f"{syllable} Industrial Park", f"{chars}工业园"
        district_zh = city.districts_local[district_index] if district_index >= 0 else ""
        province = "" if city.region_local == city.local else f"{city.region_local}省"
        local = f"{province}{city.local}市{district_zh}{park_zh}{street_zh}{number}号"
        return SiteAddress(number, street, city, postal, "no_first", district, park, local)
    if code == "VN":
        park = park_vi = ""
        district_vi = city.districts_local[district_index] if district_index >= 0 else ""
        if rng.random() < 0.45:
            park, park_vi = rng.choice(VN_PARKS)
            number = f"Lot {rng.choice('ABCDE')}{rng.randint(1, 30)}"
            local = f"Lô {number[4:]}, {park_vi}, {district_vi}, {city.local}"
            return SiteAddress(number, "", city, postal, "num_first", district, park, local)
        street_vi = rng.choice(VN_STREETS)
        local = f"{number} Đường {street_vi}, {district_vi}, {city.local}"
        street = f"{anyascii(street_vi)} Street"
        return SiteAddress(number, street, city, postal, "num_first", district, "", local)
    if code == "TH":
        number = f"{rng.randint(1, 999)}/{rng.randint(1, 99)} Moo {rng.randint(1, 12)}"
        return SiteAddress(number, rng.choice(TH_STREETS), city, postal, "num_first", district)
    country = _COUNTRIES[code]
    park = rng.choice(country.parks) if country.parks and rng.random() < 0.15 else ""
    return SiteAddress(number, rng.choice(country.streets), city, postal, country.address_style, district, park)


# --- the universe ------------------------------------------------------------------------------

_UNITS = ("Unit I", "Unit II", "Unit III", "Unit IV")
_PLANTS = ("Plant 1", "Plant 2", "Plant 3", "Plant 4")


def _single(rng: random.Random, company: int, code: str, sector: str) -> _Draft:
    city = rng.choice(_cities(code))
    return _Draft(company, code, sector, _make_name(rng, code, sector, city), _make_address(rng, code, city))


def _multi_site(rng: random.Random, company: int, code: str, sector: str) -> list[_Draft]:
    """One company, two to four plants in different towns of the same country."""
    cities = rng.sample(_cities(code), min(len(_cities(code)), rng.choice((2, 2, 3, 4))))
    base = _make_name(rng, code, sector, cities[0])
    labels = _UNITS if code in ("IN", "BD", "PK", "LK") else _PLANTS
    drafts = []
    for index, city in enumerate(cities):
        name = base
        if code == "CN" and base.place:
            local = base.local.replace(cities[0].local, city.local, 1)
            name = replace(base, place=city.name, local=local)
        name = replace(name, unit=labels[index] if rng.random() < 0.7 else "")
        drafts.append(_Draft(company, code, sector, name, _make_address(rng, code, city), "multi_site"))
    return drafts


def _same_name(rng: random.Random, company: int, code: str, sector: str) -> list[_Draft]:
    """Two unrelated factories with one name, in different towns (often different provinces)."""
    first_city, second_city = rng.sample(_cities(code), 2)
    if code == "CN":
        name = _name_cn(rng, sector, first_city, english_brand=True)
    else:
        name = replace(_make_name(rng, code, sector, first_city), place="")
    return [_Draft(company + offset, code, sector, name, _make_address(rng, code, city), "same_name")
            for offset, city in enumerate((first_city, second_city))]


def _same_address(rng: random.Random, company: int, code: str, sector: str) -> list[_Draft]:
    """Two or three factories in one building or park plot, each with its own name."""
    city = rng.choice(_cities(code))
    address = _make_address(rng, code, city)
    return [_Draft(company + offset, code, rng.choice((sector, _weighted(rng, _sectors(code)))),
                   _make_name(rng, code, sector, city), address, "same_address")
            for offset in range(rng.choice((2, 2, 3)))]


def build_universe(rng: random.Random, *, size: int) -> tuple[Site, ...]:
    """Create ``size`` true sites with their companies, ids and hard cases.

    Args:
        rng: the generator's random source (the caller seeds it).
        size: number of sites to create (about; the last group may add one or two).

    Returns:
        The sites, ids ``S00001`` … in creation order.
    """
    drafts: list[_Draft] = []
    seen: set[tuple[str, str, str]] = set()
    company = 0
    while len(drafts) < size:
        code = _weighted(rng, _COUNTRY_WEIGHTS)
        sector = _weighted(rng, _sectors(code))
        roll = rng.random()
        if roll < 0.025:
            group = _multi_site(rng, company, code, sector)
        elif roll < 0.04:
            group = _same_name(rng, company, code, sector)
        elif roll < 0.055:
            group = _same_address(rng, company, code, sector)
        else:
            group = [_single(rng, company, code, sector)]
            if rng.random() < 0.03:
                old = _make_name(rng, code, sector, group[0].address.city)
                group = [replace(group[0], hard_case="renamed", old_name=old)]
        company += len(group)
        keys = {(d.country, d.name.core, d.name.place + d.name.unit) for d in group}
        if group[0].hard_case != "same_name" and keys & seen:
            continue  # an accidental namesake would blur the truth; draw again
        seen |= keys
        drafts.extend(group)
    used_zs: set[int] = set()
    return tuple(_finish(rng, index, draft, used_zs) for index, draft in enumerate(drafts))


def _finish(rng: random.Random, index: int, draft: _Draft, used_zs: set[int]) -> Site:
    zs: int | None = None
    if rng.random() < SEDEX_SITE_SHARE:
        while zs is None or zs in used_zs:
            zs = rng.choice((rng.randint(10_000, 999_999), rng.randint(1_000_000, 99_999_999),
                             rng.randint(100_000_000, 999_999_999)))
        used_zs.add(zs)
    zc = 1_000_000 + draft.company * 37 % 8_999_999
    headcount = int(rng.lognormvariate(5.5, 0.9)) + 12
    return Site(f"S{index + 1:05d}", f"C{draft.company + 1:05d}", draft.country, draft.sector, draft.name,
                draft.address, zs, zc, draft.old_name, draft.hard_case, headcount)

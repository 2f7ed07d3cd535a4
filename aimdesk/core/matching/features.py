"""What matching compares about a record, computed once per record per run."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aimdesk.core.ingest.identifiers import normalise_sedex_id
from aimdesk.core.matching.normalise import (AddressKey, NameKey, normalise_address,
                                             normalise_city, normalise_name,
                                             normalise_postal_code)
from aimdesk.core.store.matching import MatchInput


RARE_WORD_RECORDS = 5
"""A name word found in this many records or fewer keeps its full weight."""
COMMON_WORD_FLOOR = 0.2
"""The lowest weight rarity gives a word (shared by nearly every record)."""


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def unit_number(token: str) -> int | None:
    """A plant or unit number written in a name ("2", "II"), or None."""
    if token.isdigit():
        return int(token)
    return _ROMAN.get(token)


@dataclass(frozen=True, slots=True)
class NameView:
    """A name prepared once for the many comparisons it will take part in."""

    words: dict[str, float]
    """Distinct words (unit numbers left out) → weight, rarity included."""
    total: float
    units: frozenset[int]
    sorted_core: tuple[str, ...]
    core: str

    @classmethod
    def of(cls, name: NameKey) -> NameView:
        words: dict[str, float] = {}
        for token, weight in zip(name.tokens, name.weights):
            if unit_number(token) is None:
                words[token] = max(weight, words.get(token, 0.0))
        core = name.core or name.text
        return cls(words, sum(words.values()),
                   frozenset(u for u in map(unit_number, name.tokens) if u is not None),
                   tuple(sorted(core.split())), core)


@dataclass(frozen=True, slots=True)
class SiteRecord:
    """A record reduced to comparable keys."""

    id: int
    member_id: int
    country: str
    name: NameKey
    address: AddressKey
    city: str
    postal: str | None
    sedex_site: str | None
    """Match key of a Sedex site reference (ZS): the same site wherever it appears."""
    sedex_company: str | None
    """Match key of a Sedex company reference (ZC): the same company, maybe another site."""
    is_latin: bool
    """The name is written in Latin letters (names in two scripts cannot be compared)."""
    raw: MatchInput
    name_view: NameView | None = None
    streets: str = ""
    """The address words joined, for comparing streets."""
    numbers: frozenset[str] = frozenset()


def site_record(row: MatchInput) -> SiteRecord:
    """Normalise one record's name, address, city, postal code and Sedex reference."""
    country = row.country or None
    sedex = normalise_sedex_id(row.sedex_id) if row.sedex_id else None
    key = sedex.match_key if sedex else None
    return SiteRecord(
        id=row.id, member_id=row.member_id, country=row.country,
        name=normalise_name(row.site_name, country),
        address=normalise_address(row.address, row.city, country),
        city=normalise_city(row.city, country) if row.city else "",
        postal=normalise_postal_code(row.postal_code, country) if row.postal_code else None,
        sedex_site=key if sedex and sedex.kind == "site" else None,
        sedex_company=key if sedex and sedex.kind == "company" else None,
        is_latin=is_latin(row.site_name),
        raw=row,
    )


def prepared(record: SiteRecord) -> SiteRecord:
    """The record with its comparison views filled in (after name weights are final)."""
    return replace(record, name_view=NameView.of(record.name),
                   streets=" ".join(record.address.tokens), numbers=frozenset(record.address.numbers))


def is_latin(text: str) -> bool:
    """No letter outside the Latin script (accents allowed)."""
    return all(ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF for char in text if char.isalpha())


def site_records(rows: Sequence[MatchInput]) -> list[SiteRecord]:
    """Every record's keys, name words weighted by how rare they are among these records."""
    records = [site_record(row) for row in rows]
    return with_rarity(records)


def with_rarity(records: list[SiteRecord]) -> list[SiteRecord]:
    """Lower the weight of name words that many records share ("Guangzhou", "Golden"):
    sharing them says little, as term-frequency adjustments do in Splink."""
    counts = Counter(word for record in records for word in set(record.name.tokens))
    total = max(len(records), RARE_WORD_RECORDS + 1)
    scale = math.log(total / RARE_WORD_RECORDS)

    def rarity(word: str) -> float:
        seen = counts[word]
        if seen <= RARE_WORD_RECORDS:
            return 1.0
        return max(COMMON_WORD_FLOOR, math.log(total / seen) / scale)

    return [prepared(replace(r, name=replace(r.name, weights=tuple(
        w * rarity(t) for t, w in zip(r.name.tokens, r.name.weights))))) for r in records]

"""What matching compares about a record, computed once per record per run."""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import mul

from aimdesk.core.ingest.identifiers import normalise_sedex_id
from aimdesk.core.matching.normalise import (AddressKey, NameKey, is_latin, is_latin_name,
                                             normalise_address, normalise_city, normalise_name,
                                             normalise_postal_code)
from aimdesk.core.resources import resources_dir
from aimdesk.core.store.matching import MatchInput


KEYS_FORMAT = 2
"""Raise when normalisation code changes what it makes of a record (cached keys go)."""
VOCABULARIES = ("legal_forms.json", "name_words.json", "address_words.json", "city_aliases.json")
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
    address_is_latin: bool = True
    street_words: dict[str, float] | None = None
    """Address words (numbers apart) → weight by rarity: "xinhua" says more than "road"."""
    places: frozenset[str] = frozenset()
    """The words of the record's city and region: in an address they do not name a street."""
    name_view: NameView | None = None
    streets: str = ""
    """The address words joined, for comparing streets."""
    numbers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Keys:
    """What normalisation makes of a record: slow to compute, so kept in the workspace
    between runs (see `features_version`)."""

    name: NameKey
    address: AddressKey
    city: str
    postal: str | None
    sedex_site: str | None
    sedex_company: str | None
    is_latin: bool

    def to_json(self) -> str:
        n, a = self.name, self.address
        return json.dumps([[n.text, n.tokens, n.weights, n.legal_form, n.core], [a.text, a.tokens, a.numbers],
                           self.city, self.postal, self.sedex_site, self.sedex_company, self.is_latin],
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Keys:
        (n_text, tokens, weights, legal, core), (a_text, a_tokens, numbers), *rest = json.loads(text)
        return cls(NameKey(n_text, tuple(tokens), tuple(weights), legal, core),
                   AddressKey(a_text, tuple(a_tokens), tuple(numbers)), *rest)


def record_keys(row: MatchInput) -> Keys:
    """Normalise one record's name, address, city, postal code and Sedex reference."""
    country = row.country or None
    sedex = normalise_sedex_id(row.sedex_id) if row.sedex_id else None
    key = sedex.match_key if sedex else None
    return Keys(
        name=normalise_name(row.site_name, country),
        address=normalise_address(row.address, row.city, country),
        city=normalise_city(row.city, country) if row.city else "",
        postal=normalise_postal_code(row.postal_code, country) if row.postal_code else None,
        sedex_site=key if sedex and sedex.kind == "site" else None,
        sedex_company=key if sedex and sedex.kind == "company" else None,
        is_latin=is_latin_name(row.site_name, country),
    )


def features_version() -> str:
    """Changes whenever normalisation would give other keys: the vocabularies' contents
    and `KEYS_FORMAT`. Cached keys of another version are computed again."""
    digest = hashlib.sha1(str(KEYS_FORMAT).encode())
    for name in VOCABULARIES:
        digest.update((resources_dir() / name).read_bytes())
    return digest.hexdigest()[:16]


def site_record(row: MatchInput, keys: Keys | None = None,
                rarity: Callable[[str], float] = lambda word: 1.0,
                street_rarity: Callable[[str], float] = lambda word: 1.0) -> SiteRecord:
    """A record ready to compare (name and address words weighted by their rarity)."""
    keys = keys or record_keys(row)
    name = weighted_name(keys.name, rarity)
    return SiteRecord(
        id=row.id, member_id=row.member_id, country=row.country, name=name, address=keys.address,
        city=keys.city, postal=keys.postal, sedex_site=keys.sedex_site,
        sedex_company=keys.sedex_company, is_latin=keys.is_latin, raw=row,
        address_is_latin=is_latin(row.address),
        street_words={word: street_rarity(word) for word in keys.address.tokens},
        places=frozenset((keys.city + " " + normalise_city(row.region, row.country or None)).split()
                         if row.region else keys.city.split()),
        name_view=NameView.of(name), streets=" ".join(keys.address.tokens),
        numbers=frozenset(keys.address.numbers))


@dataclass(frozen=True, slots=True)
class BlockingView:
    """The little blocking needs of a record (cheaper to make than a `SiteRecord`)."""

    id: int
    country: str
    name: NameKey
    address: AddressKey
    city: str
    postal: str | None
    sedex_site: str | None
    sedex_company: str | None


class RecordSet:
    """The active records ready for matching. Comparing needs a full `SiteRecord`, made
    on first use: an incremental run compares only the few records near a new list."""

    def __init__(self, rows: Sequence[MatchInput], keys: Sequence[Keys],
                 name_rarity: Callable[[str], float], street_counts: Counter[str]) -> None:
        self._rows = {row.id: row for row in rows}
        self._keys = {row.id: k for row, k in zip(rows, keys)}
        self._name_rarity = name_rarity
        self._street_rarity = rarity_of(street_counts, len(rows))
        self.street_counts = street_counts
        """In how many records each address word appears (blocking picks the rarest)."""
        self._made: dict[int, SiteRecord] = {}

    @property
    def ids(self) -> list[int]:
        return list(self._rows)

    def member_of(self, record_id: int) -> int:
        return self._rows[record_id].member_id

    def sedex_site(self, record_id: int) -> str | None:
        return self._keys[record_id].sedex_site

    def containers(self) -> tuple[dict[int, object], ...]:
        """What holds the records (for `bulk.release_gradually` at the end of a run)."""
        return self._rows, self._keys, self._made  # type: ignore[return-value]

    def sedex_sites(self) -> dict[int, str]:
        """record id → Sedex site reference, for the records that carry one."""
        return {record_id: k.sedex_site for record_id, k in self._keys.items() if k.sedex_site}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, record_id: int) -> SiteRecord:
        made = self._made.get(record_id)
        if made is None:
            made = self._made[record_id] = site_record(
                self._rows[record_id], self._keys[record_id], self._name_rarity, self._street_rarity)
        return made

    def __iter__(self) -> Iterator[SiteRecord]:
        return (self[record_id] for record_id in self._rows)

    def blocking_views(self) -> list[BlockingView]:
        """What blocking needs of each record."""
        rarity = self._name_rarity
        views = []
        for record_id, k in self._keys.items():
            views.append(BlockingView(record_id, self._rows[record_id].country, weighted_name(k.name, rarity), k.address,
                                      k.city, k.postal, k.sedex_site, k.sedex_company))
        return views


def site_records(rows: Sequence[MatchInput], *,
                 cached: Mapping[int, str] | None = None) -> tuple[RecordSet, dict[int, str]]:
    """Every record ready to compare, name and address words weighted by how rare they
    are among these records ("Guangzhou", "Golden": sharing them says little, as
    term-frequency adjustments do in Splink).

    Args:
        rows: the records.
        cached: record id → keys (JSON) from an earlier run of the same `features_version`.

    Returns:
        The records, and the keys computed now (to keep for the next run).
    """
    cached = cached or {}
    keys, fresh = [], {}
    for row in rows:
        text = cached.get(row.id)
        if text is None:
            found = record_keys(row)
            fresh[row.id] = found.to_json()
        else:
            found = Keys.from_json(text)
        keys.append(found)
    names = rarity_of(Counter(word for k in keys for word in set(k.name.tokens)), len(rows))
    streets = Counter(word for k in keys for word in set(k.address.tokens))
    return RecordSet(rows, keys, names, streets), fresh


def rarity_of(counts: Counter[str], records: int) -> Callable[[str], float]:
    """Weight of a word by how many of the records hold it: 1.0 when few do, down to
    `COMMON_WORD_FLOOR` when nearly all do."""
    total = max(records, RARE_WORD_RECORDS + 1)
    scale = math.log(total / RARE_WORD_RECORDS)

    @cache
    def rarity(word: str) -> float:
        seen = counts[word]
        if seen <= RARE_WORD_RECORDS:
            return 1.0
        return max(COMMON_WORD_FLOOR, math.log(total / seen) / scale)

    return rarity


def weighted_name(name: NameKey, rarity: Callable[[str], float]) -> NameKey:
    """The name with each word's weight multiplied by its rarity."""
    if not name.tokens:
        return name
    return NameKey(name.text, name.tokens, tuple(map(mul, name.weights, map(rarity, name.tokens))),
                   name.legal_form, name.core)

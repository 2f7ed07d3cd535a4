"""Blocking: which pairs of records are worth comparing at all.

Comparing every record with every other is out of reach at 100,000 records, so each
record gets several keys and only records sharing a key are paired. The keys are chosen so
that a true pair almost always shares at least one (pair completeness, measured by
`benchmarks/bench_match.py`):

- the Sedex site reference (ZS) and company reference (ZC), anywhere in the world;
- within a country: each distinctive name word, each pair of adjacent name words (the
  syllables of Vietnamese and pinyin names), the first two core name words sorted, the
  postal code, and each address number with each of the three rarest address words
  (a typo in a name is caught by the address key, and the other way round);
- a record without a country gets its name keys in every country.

`benchmarks/bench_match.py` measured what each kind of key adds: prefix/suffix keys of
name words and worldwide name keys added pairs but no true pair the others missed.

A key shared by more than `BLOCK_LIMIT` records ("garment" in China, a company with many
sites) pairs only those of its records that also share a city, a postal code or an address
number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from aimdesk.core.matching.features import BlockingView, SiteRecord

Blockable = BlockingView | SiteRecord
"""Blocking reads the same fields of both."""

BLOCK_LIMIT = 20
SPLIT_LIMIT = 3000
"""Blocks larger than BLOCK_LIMIT (up to this) are cut by city, postal code and number."""
DISTINCTIVE_WEIGHT = 0.5
"""Name words weighing less than this (generic words) are not blocking keys on their own."""
ADDRESS_NUMBERS = 3
ADDRESS_WORDS = 3
"""The rarest address words of a record that make its address keys (with each number)."""

PARTNER_LIMIT = 25
"""A record keeps at most this many candidate partners: those it shares the most
blocking evidence with (see `_block_pairs`). Work then grows with the number of records,
not with their square: at 200,000 demo records it kept 84 % of the pairs and lost 1 true
pair in 1,700 (`benchmarks/bench_match.py`)."""

PairKey = int
"""A candidate pair packed in one int: (smaller id << 32) | larger id."""


def pack(left: int, right: int) -> PairKey:
    return (left << 32) | right if left < right else (right << 32) | left


def unpack(key: PairKey) -> tuple[int, int]:
    return key >> 32, key & 0xFFFFFFFF


def blocking_keys(record: Blockable, *, street_counts: Mapping[str, int] | None = None,
                  countries: Iterable[str] = ()) -> set[tuple[str, ...]]:
    """Every key of one record.

    Args:
        record: the record.
        street_counts: in how many records each address word appears; the rarest words
            of the address make its keys ("xinhua" rather than "road").
        countries: every country in the data; a record without a country gets its name
            keys in each of them, so it can still meet its other spellings.
    """
    keys: set[tuple[str, ...]] = set()
    if record.sedex_site:
        keys.add(("zs", record.sedex_site))
    if record.sedex_company:
        keys.add(("zc", record.sedex_company))
    words = [w for w, weight in zip(record.name.tokens, record.name.weights)
             if weight >= DISTINCTIVE_WEIGHT and len(w) >= 3]
    core = (record.name.core or record.name.text).split()
    tokens = record.name.tokens
    pairs_ = [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    for country in ([record.country] if record.country else list(countries) or [""]):
        keys.update((country, "n", word) for word in words)
        keys.update((country, "nb", pair) for pair in pairs_)
        if len(core) >= 2:
            keys.add((country, "n2", " ".join(sorted(core[:2]))))
    country = record.country
    if record.postal:
        keys.add((country, "pc", record.postal))
    counts = street_counts or {}
    streets = sorted({w for w in record.address.tokens if len(w) >= 3},
                     key=lambda w: (counts.get(w, 0), w))[:ADDRESS_WORDS]
    for number in record.address.numbers[:ADDRESS_NUMBERS]:
        for street in streets:
            keys.add((country, "a", number, street))
    return keys


def street_word_counts(records: Sequence[Blockable]) -> Counter[str]:
    """In how many records each address word appears."""
    return Counter(word for record in records for word in set(record.address.tokens))


def candidate_pairs(records: Iterable[Blockable], *, focus: Iterable[int] | None = None,
                    street_counts: Mapping[str, int] | None = None) -> list[PairKey]:
    """Pairs of record ids sharing a blocking key, each record keeping at most
    `PARTNER_LIMIT` partners.

    Args:
        records: every active record.
        focus: when given, only pairs with at least one of these record ids (the records
            of a new list, for an incremental run).
        street_counts: `street_word_counts` of every active record (counted from
            `records` when not given).

    Returns:
        The candidate pairs, packed with `pack`, in increasing order.
    """
    records = list(records)
    counts = street_counts if street_counts is not None else street_word_counts(records)
    countries = sorted({r.country for r in records if r.country})
    wanted = set(focus) if focus is not None else None
    blocks = _blocks(records, wanted, counts, countries)
    by_id = {record.id: record for record in records}
    members: list[int] = []
    sizes: list[int] = []
    for ids in blocks.values():
        for part in _split(ids, by_id) if len(ids) > BLOCK_LIMIT else [ids]:
            if len(part) >= 2 and (wanted is None or not wanted.isdisjoint(part)):
                members.extend(part)
                sizes.append(len(part))
    del blocks
    keys, evidence = _block_pairs(np.array(members, dtype=np.int64), np.array(sizes, dtype=np.int64))
    keys = _strongest(keys, evidence, PARTNER_LIMIT)  # ranked among every pair built, as a full run does
    if wanted is not None:
        keys = keys[np.isin(keys >> 32, list(wanted)) | np.isin(keys & 0xFFFFFFFF, list(wanted))]
    return keys.tolist()


def _blocks(records: list[Blockable], wanted: set[int] | None, counts: Mapping[str, int],
            countries: list[str]) -> dict[tuple[str, ...], list[int]]:
    """Record ids by blocking key; with `wanted`, only the keys those records have."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    first = records if wanted is None else [r for r in records if r.id in wanted]
    for record in first:
        for key in blocking_keys(record, street_counts=counts, countries=countries):
            blocks[key].append(record.id)
    if wanted is not None:
        for record in records:
            if record.id not in wanted:
                for key in blocking_keys(record, street_counts=counts, countries=countries):
                    if key in blocks:
                        blocks[key].append(record.id)
    return blocks


def _split(ids: list[int], by_id: Mapping[int, Blockable]) -> Iterable[list[int]]:
    """An oversized block (a common word, a large company) cut by place: its records that
    also share a city, a postal code or an address number. Too large to cut: nothing."""
    if len(ids) > SPLIT_LIMIT:
        return []
    parts: dict[tuple[str, str], list[int]] = defaultdict(list)
    for record_id in ids:
        record = by_id[record_id]
        if record.city:
            parts[("city", record.city)].append(record_id)
        if record.postal:
            parts[("postal", record.postal)].append(record_id)
        for number in record.address.numbers[:ADDRESS_NUMBERS]:
            parts[("number", number)].append(record_id)
    return [part for part in parts.values() if len(part) <= BLOCK_LIMIT]


def _block_pairs(members: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair inside each block, once, with its evidence.

    Args:
        members: the record ids of each block, one block after another.
        sizes: the number of records of each block.

    Returns:
        The packed pairs in increasing order, and for each the evidence that the two
        records share: 1 / (size - 1) summed over the blocks they share, so a key that
        only two records have counts 1 and a key shared by twenty counts 1/19.
    """
    block_size = np.repeat(sizes, sizes)
    position = np.arange(len(members))
    offset = position - np.repeat(np.cumsum(sizes) - sizes, sizes)
    after = block_size - offset - 1  # how many records follow each one in its block
    left = np.repeat(position, after)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after)
    weight = 1.0 / (block_size[left] - 1)
    a, b = members[left], members[right]
    del left, right
    distinct = a != b  # a record is in a part once per address number it has
    a, b, weight = a[distinct], b[distinct], weight[distinct]
    keys = (np.minimum(a, b) << 32) | np.maximum(a, b)
    del a, b
    unique, inverse = np.unique(keys, return_inverse=True)
    return unique, np.bincount(inverse, weights=weight, minlength=len(unique))


def _strongest(keys: np.ndarray, evidence: np.ndarray, limit: int) -> np.ndarray:
    """The pairs that are among the `limit` strongest of at least one of their records
    (ties go to the lower ids), in the order given."""
    ends = np.concatenate([keys >> 32, keys & 0xFFFFFFFF])
    partners = np.bincount(ends)
    crowded = (partners[ends] > limit).nonzero()[0]  # pair ends of records with too many
    if not len(crowded):
        return keys
    pair = crowded % len(keys)
    order = np.lexsort((pair, -evidence[pair], ends[crowded]))
    ranked_ends = ends[crowded][order]
    rank = np.arange(len(order)) - np.searchsorted(ranked_ends, ranked_ends)
    keep = partners[keys >> 32] <= limit
    keep |= partners[keys & 0xFFFFFFFF] <= limit
    keep[pair[order][rank < limit]] = True
    return keys[keep]

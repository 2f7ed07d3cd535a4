"""Blocking: which pairs of records are worth comparing at all.

Comparing every record with every other is out of reach at 100,000 records, so each
record gets several keys and only records sharing a key are paired. The keys are chosen so
that a true pair almost always shares at least one (pair completeness, measured by
`benchmarks/bench_match.py`):

- the Sedex site reference (ZS) and company reference (ZC), anywhere in the world;
- each distinctive name word, worldwide (for records whose country is missing) and within
  the country; within a country also its first and last letters (for typos),
  the first two core name words sorted, the postal code, and each address number with
  each distinctive address word.

A key shared by more than `BLOCK_LIMIT` records says little ("garment" in China) and makes
no pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from aimdesk.core.matching.features import SiteRecord

BLOCK_LIMIT = 60
DISTINCTIVE_WEIGHT = 0.5
"""Name words weighing less than this (generic words) are not blocking keys on their own."""
AFFIX = 4
"""Letters kept for the prefix and suffix keys of a name word (catches a typo at the
other end of the word)."""
MIN_AFFIX_WORD = 6
ADDRESS_NUMBERS = 3
ADDRESS_WORDS = 4

PairKey = int
"""A candidate pair packed in one int: (smaller id << 32) | larger id."""


def pack(left: int, right: int) -> PairKey:
    return (left << 32) | right if left < right else (right << 32) | left


def unpack(key: PairKey) -> tuple[int, int]:
    return key >> 32, key & 0xFFFFFFFF


def blocking_keys(record: SiteRecord) -> set[tuple[str, ...]]:
    """Every key of one record."""
    keys: set[tuple[str, ...]] = set()
    if record.sedex_site:
        keys.add(("zs", record.sedex_site))
    if record.sedex_company:
        keys.add(("zc", record.sedex_company))
    country = record.country
    words = [w for w, weight in zip(record.name.tokens, record.name.weights)
             if weight >= DISTINCTIVE_WEIGHT and len(w) >= 3]
    for word in words:
        keys.add((country, "n", word))
        keys.add(("*", "n", word))  # worldwide: pairs records whose country is missing or wrong
        if len(word) >= MIN_AFFIX_WORD:
            keys.add((country, "np", word[:AFFIX]))
            keys.add((country, "ns", word[-AFFIX:]))
    core = (record.name.core or record.name.text).split()
    if len(core) >= 2:
        keys.add((country, "n2", " ".join(sorted(core[:2]))))
    if record.postal:
        keys.add((country, "pc", record.postal))
    streets = [w for w in record.address.tokens if len(w) >= 4][:ADDRESS_WORDS]
    for number in record.address.numbers[:ADDRESS_NUMBERS]:
        for street in streets:
            keys.add((country, "a", number, street))
    return keys


def candidate_pairs(records: Sequence[SiteRecord], *,
                    focus: Iterable[int] | None = None) -> set[PairKey]:
    """Pairs of record ids sharing a blocking key.

    Args:
        records: every active record.
        focus: when given, only pairs with at least one of these record ids (the records
            of a new list, for an incremental run).

    Returns:
        The candidate pairs, packed with `pack`.
    """
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for record in records:
        for key in blocking_keys(record):
            blocks[key].append(record.id)
    wanted = set(focus) if focus is not None else None
    pairs: set[PairKey] = set()
    for ids in blocks.values():
        if len(ids) < 2 or len(ids) > BLOCK_LIMIT:
            continue
        if wanted is not None and wanted.isdisjoint(ids):
            continue
        for i, left in enumerate(ids):
            for right in ids[i + 1:]:
                if wanted is None or left in wanted or right in wanted:
                    pairs.add(pack(left, right))
    return pairs

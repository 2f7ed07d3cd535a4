"""Every candidate pair's comparison, kept compactly.

A million pairs as Python tuples in a dict would take most of a gigabyte; here a pair is
one 64-bit int (see `blocking.pack`) in a sorted array, and its comparison vector a
2-byte index into the table of distinct vectors (a few hundred of them, whatever the
number of pairs).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from aimdesk.core.matching.blocking import pack, unpack
from aimdesk.core.matching.compare import Vector


class Comparisons:
    """Pairs added in increasing key order, each with its comparison vector."""

    def __init__(self) -> None:
        self.keys = array("q")
        self.codes = array("H")
        self.table: list[Vector] = []
        self._code_of: dict[Vector, int] = {}

    def add(self, key: int, vector: Vector) -> None:
        if self.keys and key <= self.keys[-1]:
            raise ValueError("pairs must be added in increasing order")
        code = self._code_of.get(vector)
        if code is None:
            code = self._code_of[vector] = len(self.table)
            self.table.append(vector)
        self.keys.append(key)
        self.codes.append(code)

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, pair: tuple[int, int]) -> Vector | None:
        """The vector of a pair (either order), or None if it was not compared."""
        key = pack(*pair)
        index = bisect_left(self.keys, key)
        if index < len(self.keys) and self.keys[index] == key:
            return self.table[self.codes[index]]
        return None

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, tuple) and self.get(pair) is not None  # type: ignore[arg-type]

    def items(self) -> Iterator[tuple[tuple[int, int], Vector]]:
        table = self.table
        for key, code in zip(self.keys, self.codes):
            yield unpack(key), table[code]

    def counts(self) -> Counter[Vector]:
        """How many pairs reached each vector."""
        return Counter({self.table[code]: n for code, n in Counter(self.codes).items()})

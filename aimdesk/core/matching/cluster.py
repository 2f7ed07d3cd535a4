"""Clustering: records linked by auto-matches and by reviewers' "same" into sites.

Links are taken strongest first with union-find. Two groups are not merged when that
would put together two records a reviewer called different (cannot-link), two different
Sedex site references, or two records whose own comparison says they clearly differ
(chaining: A~B and B~C while A and C differ). Such a link is held for review instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

STRONGLY_DIFFERENT = -6.0
"""A pair whose match weight is below this clearly is two sites (64 times less likely)."""


@dataclass(frozen=True, slots=True)
class Link:
    left: int
    right: int
    weight: float


@dataclass(frozen=True, slots=True)
class Clustering:
    clusters: list[list[int]]
    """Every record in exactly one cluster (a site), singletons included, each sorted."""
    held: list[tuple[int, int]]
    """Links not followed because of a conflict: they go to the review queue."""


class _Groups:
    """Union-find that carries, per group, what must never meet in one site."""

    def __init__(self, ids: Iterable[int], sedex: Mapping[int, str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}
        self.sedex = {i: ({sedex[i]} if i in sedex else set()) for i in self.parent}
        self.avoid: dict[int, set[int]] = {i: set() for i in self.parent}

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def conflict(self, a: int, b: int, clearly_different: Callable[[int, int], bool], *,
                 by_reviewer: bool) -> bool:
        """Would joining groups a and b cross a cannot-link, or (for a computed link)
        put two Sedex site ids or two clearly different records in one site?"""
        small, large = (a, b) if len(self.avoid[a]) <= len(self.avoid[b]) else (b, a)
        if any(self.find(other) == large for other in self.avoid[small]):
            return True
        if by_reviewer:
            return False  # a reviewer saw both records: their word beats the model's
        if self.sedex[a] and self.sedex[b] and self.sedex[a].isdisjoint(self.sedex[b]):
            return True
        return any(clearly_different(x, y) for x in self.members[a] for y in self.members[b])

    def union(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        self.sedex[a] |= self.sedex.pop(b)
        self.avoid[a] |= self.avoid.pop(b)


def cluster_records(ids: Sequence[int], links: Sequence[Link], *,
                    cannot_link: Iterable[tuple[int, int]] = (),
                    clearly_different: Callable[[int, int], bool] = lambda a, b: False,
                    sedex_sites: Mapping[int, str] | None = None) -> Clustering:
    """Group records into sites.

    Args:
        ids: every record to place.
        links: auto-matches and confirmed pairs; followed strongest first.
        cannot_link: pairs a reviewer called different.
        clearly_different: whether two records were compared and clearly are two sites.
        sedex_sites: record id → Sedex site match key, where known.

    Returns:
        The clusters and the links held back because of a conflict.
    """
    groups = _Groups(ids, sedex_sites or {})
    for left, right in cannot_link:
        if left in groups.avoid and right in groups.avoid:
            groups.avoid[left].add(right)
            groups.avoid[right].add(left)
    held = []
    for link in sorted(links, key=lambda l: (-l.weight, l.left, l.right)):
        a, b = groups.find(link.left), groups.find(link.right)
        if a == b:
            continue
        if groups.conflict(a, b, clearly_different, by_reviewer=link.weight == math.inf):
            held.append((link.left, link.right))
        else:
            groups.union(a, b)
    clusters = sorted(sorted(members) for members in groups.members.values())
    return Clustering(clusters, held)

"""The review queue: pairs a person should look at, most useful first.

One question per pair of sites. Order: pairs held back because they would chain two
sites that differ, then by how
uncertain the score is (a probability near one half teaches the most) and whether the
two records come from different members (a mutual-recognition opportunity hangs on it).
Pairs already decided "same" or "different" are never proposed again; "unsure" ones come
last.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from aimdesk.core.store.matching import current_decisions, pairs_for_review, record_site_ids
from aimdesk.core.store.records import fetch_records
from aimdesk.core.store.workspace import Store

HELD_BONUS = 1.0
MULTI_MEMBER_BONUS = 0.5
UNSURE_PENALTY = 2.0


@dataclass(frozen=True, slots=True)
class ReviewItem:
    left: int
    right: int
    probability: float
    band: str
    is_multi_member: bool
    priority: float
    decision: str
    explanation_json: str

    @property
    def explanation(self) -> list[dict[str, Any]]:
        return list(json.loads(self.explanation_json or "[]"))


@dataclass(frozen=True, slots=True)
class ReviewStats:
    to_review: int
    held: int
    unsure: int
    decided: dict[str, int]
    reviewers: dict[str, int]


def review_queue(store: Store, *, limit: int | None = None) -> list[ReviewItem]:
    """The pairs to review, most useful first (see the module docstring).

    One question per pair of sites: when several records of site A are unsure against
    records of site B, the most useful pair stands for them all (a "same" joins the two
    sites, a "different" keeps them apart for good). Pairs inside one site and pairs of
    sites already told apart are not asked.
    """
    decisions = current_decisions(store)
    site_of = record_site_ids(store)
    apart = {_site_pair(site_of, left, right) for (left, right), d in decisions.items()
             if d.verdict == "different"}
    best: dict[tuple[int, int], ReviewItem] = {}
    for candidate in pairs_for_review(store):
        pair = candidate.pair
        decision = decisions.get((pair.left, pair.right))
        verdict = decision.verdict if decision else ""
        sites = _site_pair(site_of, pair.left, pair.right)
        if verdict in ("same", "different") or sites[0] == sites[1] or sites in apart:
            continue
        multi = candidate.left_member != candidate.right_member
        priority = (1 - abs(2 * pair.probability - 1) + MULTI_MEMBER_BONUS * multi
                    + HELD_BONUS * (pair.band == "held") - UNSURE_PENALTY * (verdict == "unsure"))
        item = ReviewItem(pair.left, pair.right, pair.probability, pair.band, multi,
                          round(priority, 4), verdict, pair.explanation_json)
        if sites not in best or (item.priority, -item.left) > (best[sites].priority, -best[sites].left):
            best[sites] = item
    items = sorted(best.values(), key=lambda item: (-item.priority, item.left, item.right))
    return items[:limit] if limit is not None else items


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which part of the queue a reviewer works on; empty values keep everything."""

    country: str = ""
    member: str = ""
    """A member's name: pairs with a record of that member on either side."""
    band: str = ""
    """"review", "held" or "unsure" (pairs marked unsure earlier)."""
    multi_member_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == QueueFilter()


def filter_queue(store: Store, items: list[ReviewItem], where: QueueFilter) -> list[ReviewItem]:
    """The items of `items` that `where` keeps, in the same order."""
    if where.is_empty:
        return items
    needed = {i for item in items for i in (item.left, item.right)} if where.country or where.member else set()
    records = fetch_records(store, sorted(needed)) if needed else {}
    kept = []
    for item in items:
        sides = [records[i] for i in (item.left, item.right) if i in records]
        if where.country and not any(r.country == where.country for r in sides):
            continue
        if where.member and not any(r.member == where.member for r in sides):
            continue
        if where.band and where.band != ("unsure" if item.decision == "unsure" else item.band):
            continue
        if where.multi_member_only and not item.is_multi_member:
            continue
        kept.append(item)
    return kept


def _site_pair(site_of: dict[int, int], left: int, right: int) -> tuple[int, int]:
    """The two records' sites, smaller first (a record without a site stands for itself)."""
    a, b = site_of.get(left, -left), site_of.get(right, -right)
    return (a, b) if a <= b else (b, a)


def review_stats(store: Store) -> ReviewStats:
    """How much is left to review, and what has been decided by whom."""
    queue = review_queue(store)
    decisions = current_decisions(store).values()
    return ReviewStats(
        to_review=len(queue), held=sum(1 for i in queue if i.band == "held"),
        unsure=sum(1 for i in queue if i.decision == "unsure"),
        decided=dict(Counter(d.verdict for d in decisions)),
        reviewers=dict(Counter(d.reviewer for d in decisions)))

"""The review queue: pairs a person should look at, most useful first.

Order: pairs held back because they would chain two sites that differ, then by how
uncertain the score is (a probability near one half teaches the most) and whether the
two records come from different members (a mutual-recognition opportunity hangs on it).
Pairs already decided "same" or "different" are never proposed again; "unsure" ones come
last.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from aimdesk.core.store.matching import current_decisions, pairs_for_review
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
    explanation: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ReviewStats:
    to_review: int
    held: int
    unsure: int
    decided: dict[str, int]
    reviewers: dict[str, int]


def review_queue(store: Store, *, limit: int | None = None) -> list[ReviewItem]:
    """The pairs to review, most useful first (see the module docstring)."""
    decisions = current_decisions(store)
    items = []
    for candidate in pairs_for_review(store):
        pair = candidate.pair
        decision = decisions.get((pair.left, pair.right))
        verdict = decision.verdict if decision else ""
        if verdict in ("same", "different"):
            continue
        multi = candidate.left_member != candidate.right_member
        priority = (1 - abs(2 * pair.probability - 1) + MULTI_MEMBER_BONUS * multi
                    + HELD_BONUS * (pair.band == "held") - UNSURE_PENALTY * (verdict == "unsure"))
        items.append(ReviewItem(pair.left, pair.right, pair.probability, pair.band, multi,
                                round(priority, 4), verdict, pair.explanation))
    items.sort(key=lambda item: (-item.priority, item.left, item.right))
    return items[:limit] if limit is not None else items


def review_stats(store: Store) -> ReviewStats:
    """How much is left to review, and what has been decided by whom."""
    queue = review_queue(store)
    decisions = current_decisions(store).values()
    return ReviewStats(
        to_review=len(queue), held=sum(1 for i in queue if i.band == "held"),
        unsure=sum(1 for i in queue if i.decision == "unsure"),
        decided=dict(Counter(d.verdict for d in decisions)),
        reviewers=dict(Counter(d.reviewer for d in decisions)))

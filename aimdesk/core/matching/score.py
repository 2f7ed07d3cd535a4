"""A scored pair with its explanation: per field, both values, the level reached and what
it did to the score, in words (as Splink's waterfall). The review screen, the review
packet and `aimdesk explain` all print these same records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aimdesk.core.matching.compare import FIELDS, NULL, Vector, compare
from aimdesk.core.matching.features import SiteRecord
from aimdesk.core.matching.model import Model, probability


@dataclass(frozen=True, slots=True)
class FieldContribution:
    """What one field says about a pair."""

    field: str
    label: str
    left: str
    right: str
    level: str
    weight: float
    description: str

    def as_dict(self) -> dict[str, Any]:
        """Plain data, in field order (`dataclasses.asdict` deep-copies: slow for 100k pairs)."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class PairScore:
    left: int
    right: int
    weight: float
    probability: float
    contributions: tuple[FieldContribution, ...]

    def explanation(self) -> list[dict[str, Any]]:
        """The contributions as plain data (stored with the pair, printed by the CLI)."""
        return [c.as_dict() for c in self.contributions]


def score_pair(model: Model, left: SiteRecord, right: SiteRecord,
               vector: Vector | None = None) -> PairScore:
    """Score and explain one pair (`vector` when the comparison is already known)."""
    vector = vector if vector is not None else compare(left, right)
    weight = model.weight(vector)
    return PairScore(min(left.id, right.id), max(left.id, right.id), weight, probability(weight),
                     contributions(model, left, right, vector))


def contributions(model: Model, left: SiteRecord, right: SiteRecord,
                  vector: Vector) -> tuple[FieldContribution, ...]:
    if left.id > right.id:
        left, right = right, left
    found = []
    for index, (spec, level) in enumerate(zip(FIELDS, vector)):
        left_value, right_value = _shown(spec.name, left), _shown(spec.name, right)
        if level == NULL:
            found.append(FieldContribution(spec.name, spec.label, left_value, right_value,
                                           "not compared", 0.0, "a value is missing: no evidence either way"))
            continue
        weight = model.field_weight(index, level)
        found.append(FieldContribution(
            spec.name, spec.label, left_value, right_value, spec.levels[level].label,
            round(weight, 2), f"{spec.levels[level].description}: {describe_weight(weight)}"))
    return tuple(found)


def describe_weight(weight: float) -> str:
    """A log2 Bayes factor in words: '12 times more likely to be the same site'."""
    factor = 2.0 ** abs(weight)
    amount = f"{factor:,.0f}" if factor >= 10 else f"{factor:.1f}"
    if abs(weight) < 0.05:
        return "no evidence either way"
    direction = "more" if weight > 0 else "less"
    return f"{amount} times {direction} likely to be the same site"


def _shown(field: str, record: SiteRecord) -> str:
    raw = record.raw
    if field == "location":
        return ", ".join(part for part in (raw.address, raw.postal_code, raw.city) if part)
    if field == "member":
        return "a member"  # which member is the secretariat's business, not the explanation's
    return {"sedex": raw.sedex_id, "name": raw.site_name, "country": raw.country}[field]

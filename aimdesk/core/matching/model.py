"""Fellegi–Sunter scoring: how much more likely each comparison level is among true pairs
(m) than among other pairs (u), estimated from the data itself with EM, no labels needed,
and pinned where reviewers have decided.

A pair's match weight is log2(prior odds) plus, for each field, log2(m / u) of the level
it reached; its match probability is 2^w / (1 + 2^w).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aimdesk.core.matching.compare import FIELD_INDEX, FIELDS, NULL, SCRIPT_LEVELS, Vector, compare
from aimdesk.core.resources import load_json

PROBABILITY_CLAMP = 1e-6
"""m and u stay within [clamp, 1 - clamp]: no level is ever certain proof (Splink clamps too)."""
EM_ITERATIONS = 40
EM_TOLERANCE = 1e-6
REVIEWER_WEIGHT = 5.0
"""A reviewer's decision counts as this many pairs known from Sedex references."""

DEFAULT_MODEL_FILE = "match_model.json"
PRIOR_PAIRS = 50.0
"""How many known pairs the default model is worth against a workspace's own."""


@dataclass
class Model:
    """m and u per field and level, and the prior share of true pairs among candidates."""

    m: list[list[float]]
    u: list[list[float]]
    prior: float
    iterations: int = 0
    pairs_seen: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def weight(self, vector: Vector) -> float:
        """The match weight (log2 Bayes factor plus prior log-odds) of a comparison."""
        known = self.extra.setdefault("_weights", {})
        found = known.get(vector)
        if found is None:
            found = known[vector] = self._weight(vector)
        return found

    def _weight(self, vector: Vector) -> float:
        total = math.log2(self.prior / (1 - self.prior))
        for index, level in enumerate(vector):
            if level != NULL:
                total += self._factors[index][level]
        return total

    def field_weight(self, field_index: int, level: int) -> float:
        return 0.0 if level == NULL else self._factors[field_index][level]

    @property
    def _factors(self) -> list[list[float]]:
        cached = self.extra.get("_factors")
        if cached is None:
            cached = [[math.log2(m / u) for m, u in zip(ms, us)] for ms, us in zip(self.m, self.u)]
            self.extra["_factors"] = cached
        return cached

    def to_json(self) -> dict[str, Any]:
        return {"m": self.m, "u": self.u, "prior": self.prior, "iterations": self.iterations,
                "pairs_seen": self.pairs_seen, "fields": [f.name for f in FIELDS],
                "levels": [len(f.levels) for f in FIELDS]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Model:
        return cls(m=[_normalised(x) for x in data["m"]], u=[_normalised(x) for x in data["u"]],
                   prior=float(data["prior"]), iterations=int(data.get("iterations", 0)),
                   pairs_seen=int(data.get("pairs_seen", 0)))


def fits_current_fields(data: Mapping[str, Any]) -> bool:
    """Was this saved model made for today's fields and levels? (A newer AIMDesk may
    compare differently; its runs then start from a full run.)"""
    return (data.get("fields") == [f.name for f in FIELDS]
            and [len(row) for row in data.get("m", [])] == [len(f.levels) for f in FIELDS])


def probability(weight: float) -> float:
    """Match probability from a match weight."""
    if weight > 60:
        return 1.0
    odds = 2.0 ** weight
    return odds / (1 + odds)


def default_model() -> Model:
    """The model AIMDesk starts from (resources/match_model.json), before the workspace's
    own labelled pairs refine it."""
    return Model.from_json(load_json(DEFAULT_MODEL_FILE))


def estimate(unlabelled: Counter[Vector], *,
             labelled: Mapping[tuple[Vector, bool], float] | None = None,
             start: Model | None = None) -> Model:
    """Fit the model to a workspace.

    m and u start from `start` (the default model). Where the workspace has pairs whose
    answer is known — a reviewer's decision, or both records carrying Sedex site
    references (equal: same site; different: not) — they update m (true pairs) and u
    (other pairs) field by field, the start counting as `PRIOR_PAIRS` pairs. Sedex
    levels stay as they start: they are what labels the pairs. The share of true pairs
    among the candidates is then fitted with EM, m and u held fixed (re-fitting m and u
    by EM alone drifts towards "same company" or "same industrial park").

    Args:
        unlabelled: how many candidate pairs reached each comparison vector.
        labelled: (vector, is same site) → how much these known pairs count.
        start: where to start (default: `default_model()`).

    Returns:
        The fitted model.
    """
    start = start or default_model()
    m_counts = [[PRIOR_PAIRS * p for p in row] for row in start.m]
    u_counts = [[PRIOR_PAIRS * p for p in row] for row in start.u]
    known = list((labelled or {}).items())
    for (vector, is_same), count in known:
        _add(m_counts, u_counts, vector, count * is_same, count * (not is_same))
    m = [_normalised(row) for row in m_counts]
    u = [_normalised(row) for row in u_counts]
    for index, levels in SCRIPT_LEVELS.items():
        m[index], u[index] = _script_levels_kept(m[index], u[index], start.m[index], start.u[index], levels)
    sedex = FIELD_INDEX["sedex"]
    m[sedex], u[sedex] = list(start.m[sedex]), list(start.u[sedex])
    prior, iterations = start.prior, 0
    total = sum(unlabelled.values())
    for iterations in range(1, EM_ITERATIONS + 1):
        model = Model(m, u, prior)
        matched = sum(count * probability(model.weight(v)) for v, count in unlabelled.items())
        new_prior = min(max(matched / total, PROBABILITY_CLAMP), 1 - PROBABILITY_CLAMP) if total else prior
        if abs(new_prior - prior) < EM_TOLERANCE:
            prior = new_prior
            break
        prior = new_prior
    return Model(m, u, prior, iterations=iterations, pairs_seen=total + int(sum(c for _, c in known)))


def _script_levels_kept(m: list[float], u: list[float], start_m: list[float],
                        start_u: list[float], levels: frozenset[int]) -> tuple[list[float], list[float]]:
    """m and u with the script-dependent `levels` as in the start model, scaled to the
    share those levels have in the fitted u (for m as for u).

    Pairs labelled by Sedex references are nearly all Latin on both sides: the few written
    in two scripts (a handful of Thai names) are too few and too skewed to learn from, and
    counted as they come they would make every cross-script level look rare among true
    pairs. Whether two records are in different scripts says nothing by itself about
    their being one site, so the levels keep the same total share in m as in u.
    """
    share = sum(u[level] for level in levels)
    fitted_m, fitted_u = [], []
    for fitted, start, out in ((m, start_m, fitted_m), (u, start_u, fitted_u)):
        inside = sum(start[level] for level in levels)
        outside = 1 - sum(fitted[level] for level in levels)
        out.extend(start[level] / inside * share if level in levels
                   else p / outside * (1 - share) for level, p in enumerate(fitted))
    return fitted_m, fitted_u


def _add(m_counts: list[list[float]], u_counts: list[list[float]], vector: Vector,
         as_match: float, as_other: float) -> None:
    for index, level in enumerate(vector):
        if level != NULL:
            m_counts[index][level] += as_match
            u_counts[index][level] += as_other


def _normalised(counts: Sequence[float], *, smooth: float = 0.0) -> list[float]:
    total = sum(counts) + smooth * len(counts)
    if total <= 0:
        return [1 / len(counts)] * len(counts)
    return [min(max((c + smooth) / total, PROBABILITY_CLAMP), 1 - PROBABILITY_CLAMP) for c in counts]

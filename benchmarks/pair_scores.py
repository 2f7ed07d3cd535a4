"""Pairwise precision, recall and F1 of a grouping against the truth, shared by the
matching benchmarks (no AIMDesk import: `bench_splink.py` runs in Splink's own venv)."""

from __future__ import annotations

import itertools
from collections import defaultdict


def pairs_of(groups: dict[int, str]) -> set[tuple[int, int]]:
    """Every pair of record ids that share a group (site)."""
    members: dict[str, list[int]] = defaultdict(list)
    for record, group in groups.items():
        members[group].append(record)
    return {pair for ids in members.values() for pair in itertools.combinations(sorted(ids), 2)}


def prf(predicted: set[tuple[int, int]], true: set[tuple[int, int]]) -> dict[str, float]:
    """Pairwise precision, recall and F1, rounded to four places."""
    hit = len(predicted & true)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}

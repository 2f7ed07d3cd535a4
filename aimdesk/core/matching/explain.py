"""`aimdesk explain LEFT RIGHT`: score any two records with the current model, in words."""

from __future__ import annotations

from collections.abc import Callable

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.features import features_version, site_records
from aimdesk.core.matching.model import Model, fits_current_fields
from aimdesk.core.matching.score import PairScore, score_pair
from aimdesk.core.store.matching import cached_keys, latest_model, match_inputs
from aimdesk.core.store.workspace import Store


def explain_pair(store: Store, left: int, right: int) -> PairScore:
    """Score and explain the pair (left, right) with the model of the latest run (name
    words weighted by their rarity among all active records, as in the run).

    Raises:
        AimDeskError: no matching run yet, or no such active record.
    """
    if left == right:
        raise AimDeskError(f"Record {left} cannot be compared with itself.")
    scorer = pair_scorer(store)
    if scorer is None:
        raise AimDeskError("Nothing to explain yet; run matching first (aimdesk match).")
    return scorer(left, right)


def pair_scorer(store: Store) -> Callable[[int, int], PairScore] | None:
    """Scores any two active records with the model of the latest run; None before a run
    (or after one by an AIMDesk that compared other fields).

    The scorer raises AimDeskError for an id that is not an active record."""
    saved = latest_model(store)
    if saved is None or not fits_current_fields(saved):
        return None
    model = Model.from_json(saved)
    records, _ = site_records(match_inputs(store), cached=cached_keys(store, features_version()))

    def scored(left: int, right: int) -> PairScore:
        for record_id in (left, right):
            if record_id not in records.ids:
                raise AimDeskError(f"There is no active record {record_id} in this workspace.")
        return score_pair(model, records[left], records[right])

    return scored

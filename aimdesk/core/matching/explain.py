"""`aimdesk explain LEFT RIGHT`: score any two records with the current model, in words."""

from __future__ import annotations

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
    saved = latest_model(store)
    if saved is None or not fits_current_fields(saved):
        raise AimDeskError("Nothing to explain yet; run matching first (aimdesk match).")
    records, _ = site_records(match_inputs(store), cached=cached_keys(store, features_version()))
    for record_id in (left, right):
        if record_id not in records.ids:
            raise AimDeskError(f"There is no active record {record_id} in this workspace.")
    return score_pair(Model.from_json(saved), records[left], records[right])

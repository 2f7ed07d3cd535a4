"""The cluster editor's core: a site's records with their pairwise scores and decisions,
and edits by hand: move records to another site, split a site, merge two sites.

An edit is planned first. The plan lists the decisions it would log (a move: "different"
between the moved records and those staying behind, "same" with records of the target
site; a split: "different" across the groups; a merge: "same" between the two sites,
withdrawing any "different" that keeps them apart) and their consequence: which records
would change site, worked out by the clustering a run does (`run.sites_after`), so a site
held together only by a moved record is seen falling apart. Applying a plan logs its
decisions as one batch (one step for Undo) and brings the sites up to date.

Joining records (a move, a merge) says "same" from one record of each side to every
record of the other: reviewers' links are followed whatever the model says, so the joined
records end in one site even where the model finds some of them clearly different.

Example:
    >>> plan = plan_merge(store, 12, 34)
    >>> [(c.record_id, c.site_before, c.site_after) for c in plan.changes]
    [(57, 'S000034', 'S000012')]
    >>> apply_edit(store, plan, who="ana")
    'Merge S000012 and S000034'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.decisions import (DecisionRequest, HistoryEntry, LoggedVerdict, pair_key,
                                             record_decisions, site_history)
from aimdesk.core.matching.explain import pair_scorer
from aimdesk.core.matching.run import apply_decisions, sites_after
from aimdesk.core.progress import CancelToken, Progress
from aimdesk.core.store.matching import (WITHDRAWN, DecisionRow, change_marks, current_decisions, pairs_among,
                                         public_ids, record_site_ids)
from aimdesk.core.store.records import RecordRow, fetch_records
from aimdesk.core.store.sites import site_record_ids
from aimdesk.core.store.workspace import Store, utc_now

EditKind = Literal["move", "split", "merge"]
NEW_SITE = "new site"
SCORED_NOW = "scored now"
"""The band of a pair no run kept (below the review band, or never a candidate pair)."""
NOT_COMPARED = "not compared"
EDIT_SOURCE = "site editor"


@dataclass(frozen=True, slots=True)
class PairView:
    """Two records of a site and what matching makes of them."""

    left: int
    right: int
    probability: float | None
    """None when not compared (no model fits this AIMDesk: run matching again)."""
    band: str
    """As the last run kept the pair (auto, review, held, non), `SCORED_NOW` or `NOT_COMPARED`."""
    verdict: str
    """The decision in force on the pair ("" when none)."""
    explanation_json: str

    @property
    def explanation(self) -> list[dict[str, Any]]:
        """Per field: label, both values, level, weight and a sentence."""
        return list(json.loads(self.explanation_json or "[]"))


@dataclass(frozen=True, slots=True)
class SiteDetail:
    """What the cluster editor shows of a site."""

    site_id: int
    public_id: str
    records: tuple[RecordRow, ...]
    """Its active records, most recently audited first."""
    pairs: tuple[PairView, ...]
    """Every pair of its records, smaller ids first."""
    history: tuple[HistoryEntry, ...]
    """Every decision touching its records, newest first."""


@dataclass(frozen=True, slots=True)
class SiteChange:
    """A record whose site an edit would change."""

    record_id: int
    site_before: str
    site_after: str
    """A public site id, or `NEW_SITE`."""
    new_site: int = 0
    """For a new site: 1, 2, … tell the new sites of one plan apart."""


@dataclass(frozen=True, slots=True)
class EditPlan:
    """An edit worked out but not applied: the decisions it logs and what they change."""

    kind: EditKind
    label: str
    """The edit in plain words, as Undo will name it."""
    decisions: tuple[DecisionRequest, ...]
    changes: tuple[SiteChange, ...]
    """Every record that would change site, by its site before."""
    warnings: tuple[str, ...]
    """Decisions in force the edit would replace or withdraw."""
    marks: tuple[int, int, int]
    """The workspace's latest decision, run and import when planned (`change_marks`)."""


def site_detail(store: Store, site_id: int) -> SiteDetail:
    """A site's active records, the scores of all their pairs and their decisions.

    Pairs a run kept show its score; the others are scored now with the model of the
    last run, as `aimdesk explain` does.

    Raises:
        AimDeskError: no site `site_id` (internal id) with active records.
    """
    ids = _site_records(store, site_id)
    rows = fetch_records(store, ids)
    kept = {(p.left, p.right): p for p in pairs_among(store, ids)}
    ordered = sorted(ids)
    wanted = [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]
    verdicts = current_decisions(store, wanted)
    scorer = pair_scorer(store) if any(pair not in kept for pair in wanted) else None
    pairs = []
    for pair in wanted:
        verdict = verdicts[pair].verdict if pair in verdicts else ""
        stored = kept.get(pair)
        if stored is not None:
            pairs.append(PairView(*pair, stored.probability, stored.band, verdict, stored.explanation_json))
        elif scorer is not None:
            score = scorer(*pair)
            pairs.append(PairView(*pair, round(score.probability, 6), SCORED_NOW, verdict,
                                  json.dumps(score.explanation(), ensure_ascii=False)))
        else:
            pairs.append(PairView(*pair, None, NOT_COMPARED, verdict, ""))
    return SiteDetail(site_id, public_ids(store, [site_id])[site_id], tuple(rows[i] for i in ids),
                      tuple(pairs), tuple(site_history(store, site_id)))


def plan_move(store: Store, record_ids: Iterable[int], to_site_id: int, *,
              progress: Progress | None = None, cancel: CancelToken | None = None) -> EditPlan:
    """Plan moving records to another site: "different" between each moved record and
    the records staying in its site, any "different" between moved and target records
    withdrawn, and "same" joining the moved records to the target's (`_joining`).

    Raises:
        AimDeskError: no record given; a record is not active, has no site or is in the
            target site already; or no site `to_site_id` with active records.
    """
    moved = sorted(set(record_ids))
    if not moved:
        raise AimDeskError("Choose at least one record to move.")
    target = _site_records(store, to_site_id)
    site_of = record_site_ids(store)
    for record in moved:
        if record not in site_of:
            raise AimDeskError(f"Record {record} is not an active record with a site; run matching first.")
        if site_of[record] == to_site_id:
            raise AimDeskError(f"Record {record} is already in that site.")
    staying = {site: [r for r in site_record_ids(store, site) if r not in moved]
               for site in {site_of[r] for r in moved}}
    in_force = current_decisions(store)
    requests = [DecisionRequest(m, s, "different") for m in moved for s in staying[site_of[m]]]
    requests += _joining(in_force, moved, target)
    name = public_ids(store, [to_site_id])[to_site_id]
    label = (f"Move record {moved[0]} to {name}" if len(moved) == 1 else
             f"Move {len(moved)} records to {name}")
    return _plan(store, "move", label, requests, in_force, progress=progress, cancel=cancel)


def plan_split(store: Store, site_id: int, groups: Sequence[Iterable[int]], *,
               progress: Progress | None = None, cancel: CancelToken | None = None) -> EditPlan:
    """Plan splitting a site: "different" between every two records of different groups.

    Args:
        groups: records of the site; those named in no group make one more group
            (so one group splits those records off).

    Raises:
        AimDeskError: a record is not in the site or is in two groups, or fewer than two
            groups result.
    """
    ids = _site_records(store, site_id)
    parts = [sorted(set(group)) for group in groups if group]
    named = [record for part in parts for record in part]
    for record in named:
        if record not in ids:
            raise AimDeskError(f"Record {record} is not in this site.")
    if len(named) != len(set(named)):
        raise AimDeskError("A record is in two groups; put each record in one group only.")
    rest = [record for record in ids if record not in named]
    parts += [sorted(rest)] if rest else []
    if len(parts) < 2:
        raise AimDeskError("A split needs at least two groups of the site's records.")
    requests = [DecisionRequest(a, b, "different") for i, part in enumerate(parts)
                for other in parts[i + 1:] for a in part for b in other]
    label = f"Split {public_ids(store, [site_id])[site_id]} into {len(parts)} sites"
    return _plan(store, "split", label, requests, current_decisions(store), progress=progress, cancel=cancel)


def plan_merge(store: Store, site_a: int, site_b: int, *, progress: Progress | None = None,
               cancel: CancelToken | None = None) -> EditPlan:
    """Plan merging two sites: every "different" between a record of one and a record of
    the other withdrawn (each listed as a warning), and "same" joining them (`_joining`).

    Raises:
        AimDeskError: the two are one site, or one has no active records.
    """
    if site_a == site_b:
        raise AimDeskError("A site cannot be merged with itself; choose two sites.")
    first, second = _site_records(store, site_a), _site_records(store, site_b)
    in_force = current_decisions(store)
    requests = _joining(in_force, first, second)
    names = public_ids(store, [site_a, site_b])
    label = f"Merge {names[site_a]} and {names[site_b]}"
    return _plan(store, "merge", label, requests, in_force, progress=progress, cancel=cancel)


def apply_edit(store: Store, plan: EditPlan, *, who: str, now: Callable[[], datetime] = utc_now,
               progress: Progress | None = None, cancel: CancelToken | None = None) -> str:
    """Log the plan's decisions as one batch and bring the sites up to date, together.

    Returns:
        The plan's label (what Undo will offer to take back).

    Raises:
        AimDeskError: decisions, a run or an import came after the plan: plan it again.
        Cancelled: `cancel` was set; nothing was applied.
    """
    with store.transaction():
        if change_marks(store) != plan.marks:
            raise AimDeskError("The decisions or sites changed since this edit was planned; plan it again.")
        record_decisions(store, plan.decisions, reviewer=who, source=EDIT_SOURCE, kind=plan.kind,
                         label=plan.label, now=now)
        apply_decisions(store, who=who, now=now, progress=progress, cancel=cancel)
    return plan.label


def _joining(in_force: dict[tuple[int, int], DecisionRow], first: Sequence[int],
             second: Sequence[int]) -> list[DecisionRequest]:
    """Decisions putting two groups of records in one site: each "different" between them
    withdrawn, and "same" from the first record of each group (the most recently audited
    of a site) to every record of the other."""
    requests = [DecisionRequest(a, b, WITHDRAWN) for a in first for b in second
                if _verdict(in_force, a, b) == "different"]
    requests += [DecisionRequest(first[0], b, "same") for b in second]
    return requests + [DecisionRequest(a, second[0], "same") for a in first[1:]]


def _plan(store: Store, kind: EditKind, label: str, requests: Sequence[DecisionRequest],
          in_force: dict[tuple[int, int], DecisionRow], *, progress: Progress | None,
          cancel: CancelToken | None) -> EditPlan:
    """The plan of these decisions (the last one on a pair counts; those in force already
    are left out), with its consequence worked out by `sites_after`."""
    marks = change_marks(store)
    latest = {pair_key(r.left, r.right): r for r in requests}
    needed = [DecisionRequest(*pair, r.verdict) for pair, r in latest.items()
              if _verdict(in_force, *pair) != r.verdict]
    if not needed:
        raise AimDeskError(f"{label}: the decisions in force already say so; nothing to change.")
    warnings = [_replaced(in_force[(r.left, r.right)], r.verdict) for r in needed
                if _verdict(in_force, r.left, r.right) in ("same", "different")]
    after = sites_after(store, {(r.left, r.right): r.verdict for r in needed}, progress=progress, cancel=cancel)
    return EditPlan(kind, label, tuple(needed), _changes(store, record_site_ids(store), after),
                    tuple(warnings), marks)


def _changes(store: Store, before: dict[int, int], after: dict[int, int]) -> tuple[SiteChange, ...]:
    """The records with a site whose site differs in `after` (negative: a new site)."""
    moving = {record: site for record, site in after.items() if record in before and before[record] != site}
    names = public_ids(store, {before[r] for r in moving} | {s for s in moving.values() if s > 0})
    numbers = {site: n for n, site in enumerate(sorted({s for s in moving.values() if s < 0}, reverse=True), 1)}
    return tuple(SiteChange(record, names[before[record]], names.get(site, NEW_SITE), numbers.get(site, 0))
                 for record, site in sorted(moving.items(), key=lambda item: (names[before[item[0]]], item[0])))


def _replaced(decision: DecisionRow, verdict: LoggedVerdict) -> str:
    what = "withdraws it" if verdict == WITHDRAWN else f"replaces it with {verdict}"
    return (f"Records {decision.left} and {decision.right} were decided {decision.verdict} by "
            f"{decision.reviewer or 'someone'} on {decision.decided_at[:10]}; this edit {what}.")


def _verdict(in_force: dict[tuple[int, int], DecisionRow], left: int, right: int) -> str:
    """The verdict in force on a pair, `WITHDRAWN` when none."""
    decision = in_force.get(pair_key(left, right))
    return decision.verdict if decision else WITHDRAWN


def _site_records(store: Store, site_id: int) -> list[int]:
    ids = site_record_ids(store, site_id)
    if not ids:
        raise AimDeskError(f"There is no site {site_id} with active records in this workspace.")
    return ids

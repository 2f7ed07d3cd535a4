"""One matching run: normalise → block → compare → score → decide bands → cluster → sites.

A full run fits the model again and scores every candidate pair. An incremental run
(the default once a full run exists) scores only pairs touching records that have no site
yet, or that sit in a site touched by decisions logged since the last run, with the model
of the last run, and clusters them together with the pairs kept from earlier runs, so its
result is the one a full run would give. `apply_decisions` is that run after a decision
or a site edit; `sites_after` works out its result without writing it.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from aimdesk.core.bulk import collector_paused, release_gradually
from aimdesk.core.matching.blocking import candidate_pairs, unpack
from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.cluster import STRONGLY_DIFFERENT, Clustering, Link, cluster_records
from aimdesk.core.matching.compare import FIELD_INDEX, Vector, compare
from aimdesk.core.matching.comparisons import Comparisons
from aimdesk.core.matching.features import BlockingView, RecordSet, features_version, site_records
from aimdesk.core.matching.model import (REVIEWER_WEIGHT, Model, estimate, fits_current_fields,
                                         probability)
from aimdesk.core.matching.score import contributions
from aimdesk.core.matching.sites import assign_site_ids
from aimdesk.core.progress import BATCH, CancelToken, Progress, check, report
from aimdesk.core.store.matching import (
    WITHDRAWN, MatchInput, StoredPair, assign_sites, cache_keys, cached_keys, create_site,
    current_decisions, decided_records_since, decisions_seen_by_last_run, finish_run,
    last_decision_id, latest_model, match_inputs, predecessor_sites, replace_pairs,
    retire_empty_sites, sites_losing_records, start_run, stored_pairs, supplier_key,
)
from aimdesk.core.store.settings import get_setting
from aimdesk.core.store.sites import profiles_follow_last_run, refresh_site_profiles
from aimdesk.core.store.workspace import Store, timestamp, utc_now

AUTO_SETTING, REVIEW_SETTING = "match.auto_probability", "match.review_probability"
SEDEX, NAME = FIELD_INDEX["sedex"], FIELD_INDEX["name"]
REVIEWER_LINK = float("inf")
"""The weight of a reviewer's "same": followed first, and past the chaining guard."""
SAME_SEDEX_SITE = 0
NAMES_THAT_VOUCH = frozenset({0, 1, 2, 3, 8})
"""Name levels same, very similar, one within the other, similar, other script same reading."""
DEFAULT_AUTO, DEFAULT_REVIEW = 0.90, 0.20
"""Match probability bands: at or above auto → same site; from review up → a person
looks; below → different sites. Kept in the workspace settings."""


@dataclass(frozen=True, slots=True)
class MatchReport:
    """What a run did, for the CLI summary and the GUI."""

    run_id: int
    is_full: bool
    records: int
    new_records: int
    candidate_pairs: int
    auto_pairs: int
    review_pairs: int
    held_pairs: int
    sites: int
    multi_member_sites: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Thresholds:
    auto: float
    review: float

    def band(self, probability_: float, vector: Vector) -> str | None:
        """auto, review or None (different sites); auto also needs `names_vouch`."""
        if probability_ >= self.auto and names_vouch(vector):
            return "auto"
        return "review" if probability_ >= self.review else None


def names_vouch(vector: Vector) -> bool:
    """Auto-matching needs the names to agree, or the same Sedex site id: a shared address
    alone (an industrial park, a name missing or in another script) goes to a person."""
    return (vector[SEDEX] == SAME_SEDEX_SITE or vector[NAME] in NAMES_THAT_VOUCH)


def thresholds(store: Store) -> Thresholds:
    """The bands in force in this workspace."""
    return Thresholds(float(get_setting(store, AUTO_SETTING, DEFAULT_AUTO)),
                      float(get_setting(store, REVIEW_SETTING, DEFAULT_REVIEW)))


def run_matching(store: Store, *, full: bool = False, who: str,
                 now: Callable[[], datetime] = utc_now, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> MatchReport:
    """Find the sites: every active record ends in exactly one site.

    Args:
        store: the open workspace.
        full: re-fit the model and re-score every pair (otherwise only the pairs of new
            records, and of the sites touched by decisions logged since the last run, are
            scored, when an earlier run exists).
        who: the person running it (kept in the history).

    Returns:
        Counts of pairs, bands and sites.

    Raises:
        Cancelled: `cancel` was set; the workspace is unchanged.
    """
    with collector_paused():  # millions of pairs, no cycles: the collector would only stall
        started, moment = time.perf_counter(), now()
        found = _find_sites(store, full=full, changes={}, progress=progress, cancel=cancel)
        return _save(store, found, who=who, moment=moment, now=now, started=started, progress=progress)


def apply_decisions(store: Store, *, who: str, now: Callable[[], datetime] = utc_now,
                    progress: Progress | None = None,
                    cancel: CancelToken | None = None) -> MatchReport | None:
    """Bring the sites up to date with the decisions in force, without a full run.

    An incremental `run_matching`: the records of the sites touched by decisions logged
    since the last run are compared again with the model of that run, and every record
    is clustered again from the stored pairs and the decisions in force. Records of a
    list not matched yet are matched on the way (a run leaves no record without a site).

    Returns:
        What the run did; None when nothing was matched yet (the decisions take effect
        at the first run).

    Raises:
        Cancelled: `cancel` was set; the workspace is unchanged.
    """
    if latest_model(store) is None:
        return None
    return run_matching(store, who=who, now=now, progress=progress, cancel=cancel)


def sites_after(store: Store, changes: Mapping[tuple[int, int], str], *,
                progress: Progress | None = None,
                cancel: CancelToken | None = None) -> dict[int, int]:
    """The site each active record would have if these decisions were logged and
    `apply_decisions` ran: the same computation, nothing written.

    Args:
        changes: pair (smaller id first) → verdict; "withdrawn" lifts the decision in force.

    Returns:
        record id → internal site id; a new site gets a negative number (-1, -2, …).

    Raises:
        AimDeskError: nothing was matched yet.
        Cancelled: `cancel` was set.
    """
    if latest_model(store) is None:
        raise AimDeskError("There are no sites yet; run matching first (aimdesk match).")
    with collector_paused():
        found = _find_sites(store, full=False, changes=changes, progress=progress, cancel=cancel)
        new_sites = itertools.count(-1, -1)
        after = assign_site_ids(found.clustering.clusters, _current_sites(store, found.inputs),
                                lambda: next(new_sites))
        _release(found)
        return after


@dataclass(slots=True)
class _Found:
    """What a run works out before it writes anything."""

    inputs: list[MatchInput]
    records: RecordSet
    fresh_keys: dict[int, str]
    views: list[BlockingView]
    version: str
    new_ids: list[int]
    incremental: bool
    pair_count: int
    model: Model
    scored: list[StoredPair]
    earlier: list[StoredPair]
    final: list[StoredPair]
    clustering: Clustering
    decisions_seen: int


def _find_sites(store: Store, *, full: bool, changes: Mapping[tuple[int, int], str],
                progress: Progress | None, cancel: CancelToken | None) -> _Found:
    inputs = match_inputs(store)
    report(progress, 0, 4, "Preparing records")
    version = features_version()
    records, fresh_keys = site_records(inputs, cached=cached_keys(store, version))
    check(cancel)
    saved_model = latest_model(store)
    if saved_model is not None and not fits_current_fields(saved_model):
        saved_model = None  # made by an AIMDesk that compared other fields: start afresh
    new_ids = [row.id for row in inputs if row.site_id is None]
    incremental = not full and saved_model is not None and len(new_ids) < len(inputs)
    seen = last_decision_id(store)
    verdicts = _verdicts(store, set(records.ids), changes)
    focus = _focus(store, inputs, changes) if incremental else None
    report(progress, 1, 4, "Finding candidate pairs")
    views = records.blocking_views()
    pairs = candidate_pairs(views, focus=focus, street_counts=records.street_counts)
    pair_count = len(pairs)
    check(cancel)
    vectors = _compare_all(pairs, records, progress=progress, cancel=cancel)
    model = Model.from_json(saved_model) if incremental and saved_model else _fit(vectors, verdicts, records)
    report(progress, 2, 4, "Scoring pairs")
    scored = _score(vectors, model, thresholds(store), records, verdicts)
    earlier = [p for p in stored_pairs(store) if (p.left, p.right) not in vectors] if incremental else []
    kept = scored + earlier
    check(cancel)
    report(progress, 3, 4, "Clustering")
    clustering = cluster_records(
        records.ids, _links(kept, verdicts),
        cannot_link=[k for k, verdict in verdicts.items() if verdict == "different"],
        clearly_different=lambda a, b: _clearly_different(vectors, model, a, b),
        sedex_sites=records.sedex_sites())
    held = set(clustering.held)
    final = [_with_band(p, "held") if (p.left, p.right) in held else p for p in kept]
    check(cancel)
    return _Found(inputs, records, fresh_keys, views, version, new_ids, incremental, pair_count, model,
                  scored, earlier, final, clustering, seen)


def _save(store: Store, found: _Found, *, who: str, moment: datetime, now: Callable[[], datetime],
          started: float, progress: Progress | None) -> MatchReport:
    """Write what `_find_sites` found: pairs, sites (ids kept, see `sites.py`), profiles, the run."""
    inputs, incremental = found.inputs, found.incremental
    with store.transaction():
        partial = incremental and profiles_follow_last_run(store)
        run_id = start_run(store, started_at=timestamp(moment), is_full=not incremental, who=who)
        replace_pairs(store, found.final, run_id=run_id, unchanged=found.earlier if incremental else None)
        cache_keys(store, found.version, found.fresh_keys)
        current = _current_sites(store, inputs)
        assignment = assign_site_ids(found.clustering.clusters, current,
                                     lambda: create_site(store, created_at=timestamp(moment)))
        stored = {row.id: row.site_id for row in inputs}
        changed = {r: s for r, s in assignment.items() if stored.get(r) != s}
        touched = sites_losing_records(store) | set(changed.values()) | {stored[r] for r in changed if stored[r]}
        assign_sites(store, changed)
        retire_empty_sites(store, retired_at=timestamp(moment))
        refresh_site_profiles(store, sites=touched if partial else None)
        result = _summary(run_id, not incremental, found.records, found.new_ids, found.pair_count,
                          found.final, found.clustering.clusters, started)
        finish_run(store, run_id, finished_at=timestamp(now()), model=found.model.to_json(),
                   counts=_counts(result), decisions_seen=found.decisions_seen)
    _release(found, current, assignment, stored, changed)
    report(progress, 4, 4, "Matching finished")
    return result


def _release(found: _Found, *others: object) -> None:
    """Free what a run held a little at a time (see `release_gradually`)."""
    release_gradually(found.inputs, found.views, found.scored, found.earlier, found.final,
                      found.fresh_keys, *others, *found.records.containers())


def _verdicts(store: Store, active: set[int],
              changes: Mapping[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """pair → verdict in force between two active records, `changes` applied on top."""
    verdicts = {key: decision.verdict for key, decision in current_decisions(store).items()}
    verdicts.update(changes)
    return {key: verdict for key, verdict in verdicts.items()
            if verdict != WITHDRAWN and key[0] in active and key[1] in active}


def _focus(store: Store, inputs: Sequence[MatchInput],
           changes: Mapping[tuple[int, int], str]) -> list[int]:
    """The records whose pairs an incremental run scores: those of a new list, and every
    record of the sites touched by decisions logged since the last run (or about to be),
    so that a link those decisions hold back, or free, is weighed again."""
    decided = decided_records_since(store, decisions_seen_by_last_run(store))
    decided |= {record for pair in changes for record in pair}
    sites = {row.site_id for row in inputs if row.id in decided and row.site_id is not None}
    return [row.id for row in inputs if row.site_id is None or row.id in decided or row.site_id in sites]


def _current_sites(store: Store, inputs: Sequence[MatchInput]) -> dict[int, int | None]:
    """Each record's site now; a record of a replacing list takes the site of the same
    supplier in the list it replaced, so site ids survive replaced lists."""
    before = predecessor_sites(store)
    return {row.id: row.site_id if row.site_id is not None else before.get(
        (row.member_id, supplier_key(row.member_ref, row.site_name, row.address)))
        for row in inputs}


def _compare_all(pairs: list[int], by_id: RecordSet, *, progress: Progress | None,
                 cancel: CancelToken | None) -> Comparisons:
    compared = Comparisons()
    total = len(pairs)
    for done, key in enumerate(pairs):
        if done % BATCH == 0:
            check(cancel)
            report(progress, done, total, "Comparing pairs")
        left, right = unpack(key)
        compared.add(key, compare(by_id[left], by_id[right]))
    return compared


def _fit(vectors: Comparisons, verdicts: Mapping[tuple[int, int], str], records: RecordSet) -> Model:
    """EM on the candidate pairs, anchored by the pairs whose answer is known: reviewers'
    decisions, and pairs where both records carry a Sedex site reference."""
    labelled: Counter[tuple[Vector, bool]] = Counter()
    unlabelled: Counter[Vector] = Counter()
    for key, vector in vectors.items():
        verdict = verdicts.get(key, "unsure")
        left, right = records.sedex_site(key[0]), records.sedex_site(key[1])
        if verdict != "unsure":
            labelled[(vector, verdict == "same")] += REVIEWER_WEIGHT
        elif left and right:
            labelled[(vector, left == right)] += 1
        else:
            unlabelled[vector] += 1
    return estimate(unlabelled, labelled=labelled)


def _score(vectors: Comparisons, model: Model, bands: Thresholds,
           by_id: RecordSet, verdicts: Mapping[tuple[int, int], str]) -> list[StoredPair]:
    """Pairs worth keeping: in the auto or review band, or decided by a reviewer."""
    kept = []
    for (left, right), vector in vectors.items():
        weight = model.weight(vector)
        chance = probability(weight)
        band = bands.band(chance, vector)
        if band is None and (left, right) not in verdicts:
            continue
        explanation = json.dumps([c.as_dict() for c in contributions(model, by_id[left], by_id[right], vector)],
                                 ensure_ascii=False)
        kept.append(StoredPair(left, right, round(chance, 6), round(weight, 3), band or "non", explanation))
    return kept


def _clearly_different(vectors: Comparisons, model: Model, left: int, right: int) -> bool:
    """The two records were compared and clearly are two sites."""
    vector = vectors.get((left, right))
    return vector is not None and model.weight(vector) < STRONGLY_DIFFERENT


def _links(pairs: Sequence[StoredPair], verdicts: Mapping[tuple[int, int], str]) -> list[Link]:
    """Auto-matched pairs nobody decided otherwise ("unsure" changes nothing), and every
    pair a reviewer called the same site."""
    links = [Link(p.left, p.right, p.weight) for p in pairs
             if p.band == "auto" and verdicts.get((p.left, p.right), "unsure") == "unsure"]
    links += [Link(left, right, REVIEWER_LINK) for (left, right), verdict in verdicts.items() if verdict == "same"]
    return links


def _with_band(pair: StoredPair, band: str) -> StoredPair:
    return StoredPair(pair.left, pair.right, pair.probability, pair.weight, band, pair.explanation_json)


def _summary(run_id: int, is_full: bool, records: RecordSet, new_ids: Sequence[int],
             pair_count: int, final: Sequence[StoredPair],
             clusters: Sequence[Sequence[int]], started: float) -> MatchReport:
    member = records.member_of
    bands = Counter(p.band for p in final)
    return MatchReport(
        run_id=run_id, is_full=is_full, records=len(records), new_records=len(new_ids),
        candidate_pairs=pair_count, auto_pairs=bands["auto"], review_pairs=bands["review"],
        held_pairs=bands["held"], sites=len(clusters),
        multi_member_sites=sum(1 for c in clusters if len({member(r) for r in c}) > 1),
        seconds=round(time.perf_counter() - started, 2))


def _counts(report_: MatchReport) -> dict[str, object]:
    return {name: getattr(report_, name) for name in (
        "records", "new_records", "candidate_pairs", "auto_pairs", "review_pairs", "held_pairs",
        "sites", "multi_member_sites", "seconds")}

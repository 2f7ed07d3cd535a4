"""Undo and redo through the append-only decision log, on a real matched workspace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.decisions import (DecisionRequest, decide, pair_history, parse_verdict,
                                             record_decisions, site_history)
from aimdesk.core.matching.queue import review_stats
from aimdesk.core.matching.run import apply_decisions
from aimdesk.core.matching.undo import redo, undo, undo_status
from aimdesk.core.store.matching import current_decisions, record_site_ids
from aimdesk.core.store.workspace import Store
from tests.core.test_site_edits import build, record

NOW = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.timezone.utc)
LATER = dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def matched(store: Store, tmp_path: Path) -> Store:
    return build(store, tmp_path)


@pytest.fixture
def ids(matched: Store) -> dict[str, int]:
    return {"ege": record(matched, "Acme", "Ege Tekstil San. ve Tic. A.Ş."),
            "dongguan": record(matched, "Blue", "Shenzhen Sunrise Garment Co., Ltd."),
            "sunrise": record(matched, "Acme", "Shenzhen Sunrise Garment Co., Ltd."),
            "twin": record(matched, "Blue", "SUNRISE GARMENTS (SHENZHEN) CO LTD")}


def verdict(store: Store, left: int, right: int) -> str | None:
    decision = current_decisions(store).get((min(left, right), max(left, right)))
    return decision.verdict if decision else None


def together(store: Store, left: int, right: int) -> bool:
    sites = record_site_ids(store)
    return sites[left] == sites[right]


def test_a_decision_is_undone_and_redone_with_the_sites(matched: Store, ids: dict[str, int]) -> None:
    ege, dongguan = ids["ege"], ids["dongguan"]
    decide(matched, ege, dongguan, "same", reviewer="ana", now=lambda: NOW)
    apply_decisions(matched, who="ana", now=lambda: NOW)
    label = "Same: Ege Tekstil San. ve Tic. A.Ş. ↔ Shenzhen Sunrise Garment Co., Ltd."
    assert undo_status(matched) == (label, None) and together(matched, ege, dongguan)
    assert undo(matched, who="bo", now=lambda: LATER) == label
    assert verdict(matched, ege, dongguan) is None and not together(matched, ege, dongguan)
    assert undo_status(matched) == (None, label)
    assert review_stats(matched).decided == {}  # a withdrawn pair counts as never decided
    assert redo(matched, who="bo", now=lambda: LATER) == label
    assert verdict(matched, ege, dongguan) == "same" and together(matched, ege, dongguan)
    assert undo_status(matched) == (label, None)


def test_undoing_a_batch_restores_every_verdict_in_force_before_it(matched: Store, ids: dict[str, int]) -> None:
    ege, dongguan, sunrise, twin = ids["ege"], ids["dongguan"], ids["sunrise"], ids["twin"]
    decide(matched, sunrise, twin, "unsure", reviewer="ana", note="ask the auditor", now=lambda: NOW)
    outcome = record_decisions(matched, [DecisionRequest(sunrise, twin, "different"),
                                         DecisionRequest(ege, dongguan, "different")],
                               reviewer="bo", source="packet RP-1", now=lambda: NOW)
    assert outcome.label == "2 decisions (packet RP-1)"
    assert undo(matched, who="bo", now=lambda: LATER) == outcome.label
    restored = current_decisions(matched)[(min(sunrise, twin), max(sunrise, twin))]
    assert (restored.verdict, restored.note, restored.reviewer) == ("unsure", "ask the auditor", "bo")
    assert verdict(matched, ege, dongguan) is None
    assert undo(matched, who="bo", now=lambda: LATER).startswith("Unsure: ")  # type: ignore[union-attr]
    assert current_decisions(matched) == {} and undo(matched, who="bo") is None


def test_a_new_decision_clears_what_could_be_redone(matched: Store, ids: dict[str, int]) -> None:
    decide(matched, ids["ege"], ids["dongguan"], "same", reviewer="ana", now=lambda: NOW)
    undo(matched, who="ana", now=lambda: NOW)
    decide(matched, ids["sunrise"], ids["twin"], "unsure", reviewer="ana", now=lambda: NOW)
    assert undo_status(matched)[1] is None and redo(matched, who="ana") is None
    assert verdict(matched, ids["ege"], ids["dongguan"]) is None


def test_a_decision_already_in_force_is_no_action_to_undo(matched: Store, ids: dict[str, int]) -> None:
    decide(matched, ids["ege"], ids["dongguan"], "same", reviewer="ana", now=lambda: NOW)
    undo(matched, who="ana", now=lambda: NOW)
    redo(matched, who="ana", now=lambda: NOW)
    outcome = decide(matched, ids["ege"], ids["dongguan"], "same", reviewer="ana", now=lambda: NOW)
    assert outcome.batch_id is None and outcome.unchanged
    assert undo_status(matched)[0] is not None and undo_status(matched)[1] is None


def test_undo_and_redo_work_in_a_reopened_workspace(matched: Store, ids: dict[str, int]) -> None:
    path = matched.path
    decide(matched, ids["ege"], ids["dongguan"], "different", reviewer="ana", now=lambda: NOW)
    decide(matched, ids["sunrise"], ids["twin"], "different", reviewer="ana", now=lambda: NOW)
    matched.close()
    with Store.open(path) as store:
        undo(store, who="bo", now=lambda: LATER)
        assert verdict(store, ids["sunrise"], ids["twin"]) is None and together(store, ids["sunrise"], ids["twin"])
    with Store.open(path) as store:
        assert undo_status(store)[1] is not None
        undo(store, who="bo", now=lambda: LATER)
        assert current_decisions(store) == {}
        redo(store, who="bo", now=lambda: LATER)
        redo(store, who="bo", now=lambda: LATER)
        assert verdict(store, ids["sunrise"], ids["twin"]) == "different"
        assert not together(store, ids["sunrise"], ids["twin"])
        assert redo(store, who="bo") is None


def test_undoing_a_redo_takes_the_action_back_again(matched: Store, ids: dict[str, int]) -> None:
    decide(matched, ids["ege"], ids["dongguan"], "same", reviewer="ana", now=lambda: NOW)
    label = undo_status(matched)[0]
    for _ in range(2):
        assert undo(matched, who="ana", now=lambda: NOW) == label
        assert verdict(matched, ids["ege"], ids["dongguan"]) is None
        assert redo(matched, who="ana", now=lambda: NOW) == label
        assert verdict(matched, ids["ege"], ids["dongguan"]) == "same"


def test_pair_history_tells_who_decided_what_and_what_was_undone(matched: Store, ids: dict[str, int]) -> None:
    ege, dongguan = ids["ege"], ids["dongguan"]
    decide(matched, ege, dongguan, "unsure", reviewer="ana", note="same owner?", now=lambda: NOW)
    decide(matched, dongguan, ege, "same", reviewer="bo", now=lambda: LATER)
    undo(matched, who="cy", now=lambda: LATER)
    history = pair_history(matched, ege, dongguan)
    assert [(h.decision.verdict, h.decision.reviewer, h.decision.source, h.status) for h in history] == [
        ("unsure", "cy", "undo", "in force"), ("same", "bo", "cli", "undone"),
        ("unsure", "ana", "cli", "superseded")]
    assert history[0].batch_label == f"Undo: {history[1].batch_label}"
    assert history[2].decision.note == "same owner?" and history[2].decision.decided_at.startswith("2026-11-02")
    site = record_site_ids(matched)[ege]
    assert [h.decision.id for h in site_history(matched, site)] == [h.decision.id for h in history]


def test_reviewers_cannot_write_withdrawn() -> None:
    with pytest.raises(AimDeskError, match="not a decision"):
        parse_verdict("withdrawn")

"""Clustering honours reviewers and refuses to chain sites that differ; site ids stay put."""

from __future__ import annotations

from itertools import count

from aimdesk.core.matching.cluster import Link, cluster_records
from aimdesk.core.matching.sites import assign_site_ids


def test_links_join_records_into_sites_and_others_stay_alone() -> None:
    result = cluster_records([1, 2, 3, 4, 5], [Link(1, 2, 10), Link(2, 3, 8)])
    assert result.clusters == [[1, 2, 3], [4], [5]]
    assert result.held == []


def test_a_cannot_link_is_never_crossed_even_through_a_chain() -> None:
    result = cluster_records([1, 2, 3], [Link(1, 2, 10), Link(2, 3, 9)], cannot_link=[(1, 3)])
    assert result.clusters == [[1, 2], [3]]
    assert result.held == [(2, 3)]


def test_chaining_two_records_that_clearly_differ_is_held_for_review() -> None:
    result = cluster_records([1, 2, 3], [Link(1, 2, 12), Link(2, 3, 11)],
                             clearly_different=lambda a, b: {a, b} == {1, 3})
    assert result.clusters == [[1, 2], [3]]
    assert result.held == [(2, 3)]


def test_two_different_sedex_site_ids_never_end_in_one_site() -> None:
    result = cluster_records([1, 2, 3], [Link(1, 2, 12), Link(2, 3, 11)],
                             sedex_sites={1: "ZS1", 3: "ZS2"})
    assert result.clusters == [[1, 2], [3]]


def test_the_strongest_link_wins_when_a_record_could_go_two_ways() -> None:
    result = cluster_records([1, 2, 3], [Link(2, 3, 5), Link(1, 2, 20)], cannot_link=[(1, 3)])
    assert result.clusters == [[1, 2], [3]]


def test_site_ids_follow_the_majority_of_their_records_and_are_never_shared() -> None:
    new_ids = count(100)
    current = {1: 7, 2: 7, 3: 7, 4: 8, 5: None}
    assignment = assign_site_ids([[1, 2], [3, 4], [5]], current, lambda: next(new_ids))
    assert assignment[1] == assignment[2] == 7
    assert assignment[3] == assignment[4] == 8
    assert assignment[5] == 100


def test_a_split_site_keeps_its_id_on_the_larger_part() -> None:
    new_ids = count(50)
    assignment = assign_site_ids([[1], [2, 3]], {1: 9, 2: 9, 3: 9}, lambda: next(new_ids))
    assert assignment == {2: 9, 3: 9, 1: 50}

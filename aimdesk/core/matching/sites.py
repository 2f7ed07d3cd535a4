"""Stable public site ids: a cluster keeps the id its records had, whatever else changed.

Rule: clusters are taken largest first; each takes, among the site ids its records held
before, the one held by most of them (the oldest on a tie) that no larger cluster took;
a cluster with none gets a new id. Ids of sites left without records are retired, never
given out again (the workspace numbers sites with AUTOINCREMENT).

A site's displayed name and address are those of its record with the latest audit date
(then the highest record id): the most recent report describes the site as it is now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence


def assign_site_ids(clusters: Sequence[Sequence[int]], current: Mapping[int, int | None],
                    create_site: Callable[[], int]) -> dict[int, int]:
    """Give every record of every cluster a site id.

    Args:
        clusters: the records of each site-to-be.
        current: record id → site id it has now (None for a new record).
        create_site: makes a new site and returns its id.

    Returns:
        record id → site id, for every record of every cluster.
    """
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i]), min(clusters[i])))
    taken: set[int] = set()
    assignment: dict[int, int] = {}
    for index in order:
        members = clusters[index]
        held = Counter(current[r] for r in members if current.get(r) is not None)
        choice = next((site for site, _ in sorted(held.items(), key=lambda item: (-item[1], item[0]))
                       if site not in taken), None)
        if choice is None:
            choice = create_site()
        taken.add(choice)
        for record in members:
            assignment[record] = choice
    return assignment

"""The figures on the dashboard, each with the filter that lists what is behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aimdesk.core.benchmark.eligibility import eligible_member_ids
from aimdesk.core.matching.queue import review_queue
from aimdesk.core.store.editions import edition_records
from aimdesk.core.store.records import AUDIT_AGES, NO_AUDIT_DATE, audit_age_band, count_active_records
from aimdesk.core.store.sites import ensure_site_profiles
from aimdesk.core.store.workspace import Store


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What the secretariat reports: how big the pool is and how much it is shared."""

    members: int
    eligible_members: int
    """Members eligible for mutual recognition of audits (statement signed, latest benchmark
    passed): only their records go into the common document."""
    records: int
    sites: int
    shared_sites: int
    """Sites audited by two or more members: the mutual-recognition opportunities."""
    records_by_member: tuple[tuple[int, str, int], ...]
    """(member id, name, active records), most records first."""
    sites_by_country: tuple[tuple[str, int], ...]
    """(country code, sites), most sites first; '' for sites without a country."""
    audit_ages: tuple[tuple[str, str, int], ...]
    """(band code, label, records) in `AUDIT_AGES` order, then records without a date."""
    review_backlog: int
    last_match: str
    """When matching last finished (ISO timestamp), '' if never."""
    last_export: str
    """When the common document was last exported, '' if never."""


def dashboard(store: Store, *, as_of: dt.date) -> Dashboard:
    """Every dashboard figure, counted on `as_of`."""
    ensure_site_profiles(store)
    conn = store.conn
    sites, shared = conn.execute(
        "SELECT count(*), coalesce(sum(members >= 2), 0) FROM site_profiles").fetchone()
    by_member = tuple(conn.execute(  # an active import's records are all active
        "SELECT m.id, m.name, coalesce(sum(i.records_added), 0) AS n FROM members m "
        "LEFT JOIN imports i ON i.member_id = m.id AND i.status = 'active' "
        "GROUP BY m.id ORDER BY n DESC, m.name COLLATE NOCASE"))
    by_country = tuple(conn.execute(
        "SELECT country, count(*) FROM site_profiles GROUP BY country ORDER BY count(*) DESC, country"))
    band, values = audit_age_band(as_of, column="audit_date")
    counts = dict(conn.execute(f"SELECT {band} AS band, count(*) FROM active_records GROUP BY band", values))
    ages = [(code, label, counts.get(code, 0)) for code, label, *_ in [*AUDIT_AGES, NO_AUDIT_DATE]]
    last_match = conn.execute("SELECT coalesce(max(finished_at), '') FROM match_runs").fetchone()[0]
    return Dashboard(
        members=len(by_member), eligible_members=len(eligible_member_ids(store, "audit")),
        records=count_active_records(store), sites=sites, shared_sites=shared,
        records_by_member=by_member, sites_by_country=by_country, audit_ages=tuple(ages),
        review_backlog=len(review_queue(store)), last_match=last_match, last_export=_last_export(store))


def _last_export(store: Store) -> str:
    """The as-of date of the newest common document written ("" before the first)."""
    editions = edition_records(store)
    return editions[0].as_of if editions else ""

"""Read sites back: the queries behind the Sites view, its detail pane and the dashboard.

A site is shown as its most recently audited record says it (the latest audit date, then
the latest import); its Sedex id is the first one found in that same order; it counts
the members and records behind it and lists their audit schemes. These profiles are kept
in `site_profiles`, refreshed by each matching run and, for the sites concerned, when a
list is replaced (`ensure_site_profiles`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, fields

from aimdesk.core.store.matching import SITE_ID_DIGITS, SITE_ID_PREFIX, sites_losing_records
from aimdesk.core.store.records import FETCH_CHUNK
from aimdesk.core.store.settings import get_setting, set_setting
from aimdesk.core.store.workspace import Store

BUILT_FOR = "sites.profiles_built_for"
"""Setting: [latest match run id, number of replaced lists] when the profiles were built.
Only these change sites: a new list's records have none until matching runs."""


@dataclass(frozen=True, slots=True)
class SiteRow:
    """One site with active records, as the Sites view lists it."""

    id: int
    public_id: str
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str
    sedex_id: str
    members: int
    records: int
    latest_audit: str
    schemes: str
    """Scheme codes of its records, comma-separated ("SMETA_4P,SA8000")."""


SITE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(SiteRow))

_SORTABLE = {
    "id": "p.site_id", "public_id": "p.public_id", "members": "p.members", "records": "p.records",
    **{name: f"p.{name} COLLATE NOCASE" for name in
       ("site_name", "address", "city", "region", "postal_code", "country", "sedex_id",
        "latest_audit", "schemes")},
}


@dataclass(frozen=True, slots=True)
class SiteQuery:
    """What the Sites view asks for: a search text, filters and an order."""

    search: str = ""
    country: str | None = None
    member_id: int | None = None
    min_members: int = 1
    """2: only sites audited by two or more members (the mutual-recognition opportunities)."""
    scheme: str | None = None
    sort: str = "public_id"
    descending: bool = False


_PLACED = """
CREATE TEMP TABLE placed AS
SELECT rs.site_id, r.site_name, r.address, r.city, r.region, r.postal_code, r.country,
       r.sedex_id, r.member_id, r.audit_date, r.audit_type,
       row_number() OVER (PARTITION BY rs.site_id
                          ORDER BY coalesce(r.audit_date, '') DESC, r.id DESC) AS place
FROM record_sites rs JOIN active_records r ON r.id = rs.record_id
{only}
"""
_ONLY = "WHERE rs.site_id IN (SELECT site_id FROM temp.touched)"

_REBUILD = """
INSERT INTO site_profiles (site_id, public_id, site_name, address, city, region, postal_code,
                           country, sedex_id, members, records, latest_audit, schemes)
WITH totals AS (
    SELECT site_id, count(DISTINCT member_id) AS members, count(*) AS records,
           max(audit_date) AS latest,
           min(CASE WHEN coalesce(sedex_id, '') <> '' THEN place END) AS sedex_place
    FROM temp.placed GROUP BY site_id),
schemes AS (
    SELECT site_id, group_concat(audit_type, ',') AS codes
    FROM (SELECT DISTINCT site_id, audit_type FROM temp.placed WHERE audit_type IS NOT NULL
          ORDER BY site_id, audit_type) GROUP BY site_id)
SELECT p.site_id, s.public_id, coalesce(p.site_name, ''), coalesce(p.address, ''),
       coalesce(p.city, ''), coalesce(p.region, ''), coalesce(p.postal_code, ''),
       coalesce(p.country, ''), coalesce(x.sedex_id, ''), t.members, t.records,
       coalesce(t.latest, ''), coalesce(c.codes, '')
FROM temp.placed p JOIN sites s ON s.id = p.site_id JOIN totals t ON t.site_id = p.site_id
LEFT JOIN temp.placed x ON x.site_id = p.site_id AND x.place = t.sedex_place
LEFT JOIN schemes c ON c.site_id = p.site_id
WHERE p.place = 1
"""


def refresh_site_profiles(store: Store, *, sites: Collection[int] | None = None) -> None:
    """Build the site profiles again from the records' sites: all of them, or only
    `sites` (the ones a run changed: an incremental run touches few). Call inside the
    transaction that changed the sites; `ensure_site_profiles` does it when needed."""
    conn = store.conn
    with store.transaction():
        conn.execute("DROP TABLE IF EXISTS temp.placed")
        conn.execute("DROP TABLE IF EXISTS temp.touched")
        if sites is None:
            conn.execute(_PLACED.format(only=""))
            conn.execute("DELETE FROM site_profiles")
        else:
            conn.execute("CREATE TEMP TABLE touched (site_id INTEGER PRIMARY KEY)")
            conn.executemany("INSERT OR IGNORE INTO temp.touched VALUES (?)", [(s,) for s in sites])
            conn.execute(_PLACED.format(only=_ONLY))
            conn.execute("DELETE FROM site_profiles WHERE site_id IN (SELECT site_id FROM temp.touched)")
        conn.execute("CREATE INDEX temp.placed_site ON placed(site_id, place)")
        conn.execute(_REBUILD)
        conn.execute("DROP TABLE temp.placed")
        conn.execute("DROP TABLE IF EXISTS temp.touched")
        set_setting(store, BUILT_FOR, _state(store))


def ensure_site_profiles(store: Store) -> None:
    """Bring the profiles up to date: all of them after a matching run they have not
    seen, only the sites that lost records when a list was replaced since."""
    built, state = get_setting(store, BUILT_FOR, None), _state(store)
    if built == state:
        return
    if built is not None and built[0] == state[0]:
        refresh_site_profiles(store, sites=sites_losing_records(store))
    else:
        refresh_site_profiles(store)


def profiles_follow_last_run(store: Store) -> bool:
    """Were the profiles built after the latest matching run? Then a run that changes a
    few sites may refresh just those (imports since then show as sites losing records)."""
    built = get_setting(store, BUILT_FOR, None)
    return built is not None and built[0] == _state(store)[0]


def _state(store: Store) -> list[int]:
    run, replaced = store.conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM match_runs), "
        "(SELECT count(*) FROM imports WHERE status = 'superseded')").fetchone()
    return [run, replaced]


def site_ids(store: Store, query: SiteQuery = SiteQuery()) -> list[int]:
    """Ids of the sites that match `query`, in its order (rows: `fetch_sites`)."""
    ensure_site_profiles(store)
    clauses, params = ["p.members >= ?"], [query.min_members]
    if query.search.strip():
        escaped = query.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(" + " OR ".join(f"p.{c} LIKE ? ESCAPE '\\'" for c in
                                         ("public_id", "site_name", "address", "city", "sedex_id")) + ")")
        params += [f"%{escaped}%"] * 5
    if query.country:
        clauses.append("p.country = ?")
        params.append(query.country)
    if query.scheme:
        clauses.append("(',' || p.schemes || ',') LIKE ?")
        params.append(f"%,{query.scheme},%")
    if query.member_id is not None:
        clauses.append("p.site_id IN (SELECT rs.site_id FROM record_sites rs "
                       "JOIN active_records r ON r.id = rs.record_id WHERE r.member_id = ?)")
        params.append(query.member_id)
    order = _SORTABLE.get(query.sort, "p.public_id")
    direction = "DESC" if query.descending else "ASC"
    sql = (f"SELECT p.site_id FROM site_profiles p WHERE {' AND '.join(clauses)} "
           f"ORDER BY {order} {direction}, p.site_id {direction}")
    return [row[0] for row in store.conn.execute(sql, params)]


def fetch_sites(store: Store, ids: Sequence[int]) -> dict[int, SiteRow]:
    """The rows for site ids `ids` (any order), keyed by id."""
    found: dict[int, SiteRow] = {}
    for start in range(0, len(ids), FETCH_CHUNK):
        chunk = list(ids[start:start + FETCH_CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"SELECT {', '.join(('site_id', *SITE_COLUMNS[1:]))} "
                f"FROM site_profiles WHERE site_id IN ({marks})", chunk):
            found[row[0]] = SiteRow(*row)
    return found


def site_record_ids(store: Store, site_id: int) -> list[int]:
    """The active records of a site, most recently audited first (rows: `fetch_records`)."""
    rows = store.conn.execute(
        "SELECT r.id FROM record_sites rs JOIN active_records r ON r.id = rs.record_id "
        "WHERE rs.site_id = ? ORDER BY coalesce(r.audit_date, '') DESC, r.id DESC", (site_id,))
    return [row[0] for row in rows]


def site_by_public_id(store: Store, public_id: str) -> int | None:
    """The internal id of the site a person calls `public_id` ("S000123", "s123", "123");
    None when no site in use has it."""
    digits = public_id.strip().upper().removeprefix(SITE_ID_PREFIX)
    if not digits.isdigit():
        return None
    row = store.conn.execute("SELECT id FROM sites WHERE public_id = ? AND retired_at IS NULL",
                             (f"{SITE_ID_PREFIX}{int(digits):0{SITE_ID_DIGITS}d}",)).fetchone()
    return int(row[0]) if row else None


def site_countries(store: Store) -> list[str]:
    """The countries that have sites, by code."""
    ensure_site_profiles(store)
    return [row[0] for row in store.conn.execute(
        "SELECT DISTINCT country FROM site_profiles WHERE country <> '' ORDER BY country")]

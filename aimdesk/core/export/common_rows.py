"""The rows of the common document: the pooled, anonymous list of audited supplier sites.

One row per site with at least one audit inside the window (the `window_years` before the
as-of date, both days included) from members eligible for mutual recognition; records of
other members are left out entirely, even on a site that has eligible records too. A
virtual assessment (SVA) counts when its member is eligible for virtual assessments, any
other audit when it is eligible for audits.

A row shows the site as the most recent of the records counted shows it (as the Sites
view does; a record without a site name is passed over for the next one that has one), how many members audited it in bands ("1", "2", "3–4", "5+"), the month of its
latest audit and its audit schemes in generalised form: never a member's own protocol
name, never a date, never a member. A scheme that fewer than `min_members_per_scheme`
members use across the whole document would point at the member that uses it, so it is
shown as "Other scheme" (and left out, if "Other scheme" itself would still point at
fewer members); `CommonDocument.generalised` says what was changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from aimdesk.core.benchmark.eligibility import eligible_member_ids
from aimdesk.core.ecovadis import ecovadis_site_ids
from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.ingest.dates import years_before
from aimdesk.core.ingest.schemes import SCHEME_CODES
from aimdesk.core.store.settings import get_setting, set_setting
from aimdesk.core.store.workspace import Store

Band = tuple[int, int | None]

DEFAULT_BANDS: tuple[Band, ...] = ((1, 1), (2, 2), (3, 4), (5, None))
DEFAULT_WINDOW_YEARS = 3
DEFAULT_MIN_MEMBERS_PER_SCHEME = 2
"""A scheme used by fewer members than this across the document is generalised."""

BANDS_SETTING = "common.bands"
WINDOW_SETTING = "common.window_years"
MIN_MEMBERS_SETTING = "common.min_members_per_scheme"

SCHEME_LABELS: dict[str, str] = {
    "SMETA_4P": "SMETA 4-pillar", "SMETA_2P": "SMETA 2-pillar", "SMETA": "SMETA (pillars not stated)",
    "SVA": "SVA", "AMFORI_BSCI": "amfori BSCI", "SA8000": "SA8000", "RBA_VAP": "RBA VAP", "WRAP": "WRAP",
    "ICTI_ETP": "ICTI Ethical Toy Program", "ECOVADIS": "EcoVadis rating",
    "MEMBER_PROTOCOL": "Member protocol (benchmarked)", "NOT_SOCIAL": "Not a social audit",
}
"""How the common document names each scheme code: generic words only."""
OTHER_SCHEME = "Other scheme"
"""What a scheme too few members use becomes (and any code without a label)."""
SCHEME_ORDER: dict[str, int] = {SCHEME_LABELS[code]: i for i, code in enumerate(SCHEME_CODES)}
VIRTUAL_SCHEME = "SVA"
YES = "Yes"

COMMON_COLUMNS: tuple[str, ...] = (
    "Site ID", "Site name", "Address", "City", "Region", "Postal code", "Country code", "Country",
    "Sedex ID", "Members (band)", "Latest audit (month)", "Audit schemes", "EcoVadis assessed",
)
"""The columns of the Sites sheet (and of the csv), in order."""


@dataclass(frozen=True, slots=True)
class CommonOptions:
    """What the common document covers: the as-of date, the window before it (years) and
    the bands in which it counts members ((1, 1), (2, 2), (3, 4), (5, None) = 5 or more)."""

    as_of: dt.date
    window_years: int = DEFAULT_WINDOW_YEARS
    bands: tuple[Band, ...] = DEFAULT_BANDS
    min_members_per_scheme: int = DEFAULT_MIN_MEMBERS_PER_SCHEME

    @property
    def window_start(self) -> dt.date:
        """The first day inside the window."""
        return years_before(self.as_of, self.window_years)


@dataclass(frozen=True, slots=True)
class CommonRow:
    """One site of the common document, as printed (no member, no exact date)."""

    site_id: int
    """Internal id (not printed)."""
    public_id: str
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str
    """ISO 3166-1 alpha-2 code."""
    country_name: str
    sedex_id: str
    members_band: str
    latest_audit_month: str
    """YYYY-MM."""
    schemes: str
    """Generalised scheme labels, comma-separated ("SMETA 4-pillar, amfori BSCI")."""
    is_ecovadis_assessed: bool

    def cells(self) -> tuple[str, ...]:
        """The printed values, in `COMMON_COLUMNS` order."""
        return (self.public_id, self.site_name, self.address, self.city, self.region, self.postal_code,
                self.country, self.country_name, self.sedex_id, self.members_band, self.latest_audit_month,
                self.schemes, YES if self.is_ecovadis_assessed else "")


@dataclass(frozen=True, slots=True)
class Generalisation:
    """A scheme the singling-out check generalised, and why."""

    scheme: str
    became: str
    """"Other scheme", or "" when it was left out."""
    sites: int
    members: int

    def describe(self) -> str:
        """One sentence: '"WRAP" (1 member, 12 sites) shown as "Other scheme".'"""
        what = f'shown as "{self.became}"' if self.became else "left out"
        return (f'"{self.scheme}" ({self.members} member{"s" * (self.members != 1)}, '
                f'{self.sites} site{"s" * (self.sites != 1)}) {what}: fewer members use it than the document '
                "needs to keep it anonymous.")


@dataclass(frozen=True, slots=True)
class CommonDocument:
    """The rows of the common document with its counts and what was generalised."""

    options: CommonOptions
    rows: list[CommonRow]
    records: int
    """Records counted (eligible members, inside the window)."""
    members: int
    """Eligible members with at least one record counted."""
    generalised: list[Generalisation] = field(default_factory=list)
    site_records: dict[int, list[CountedRecord]] = field(default_factory=dict)
    """The records counted for each site (internal id), as they were read."""

    @property
    def sites(self) -> int:
        return len(self.rows)

    @property
    def countries(self) -> int:
        return len({row.country for row in self.rows if row.country})

    def by_country(self) -> list[tuple[str, int]]:
        """(country name, sites) for each country, by name; "Country not known" last."""
        counts: dict[str, int] = defaultdict(int)
        for row in self.rows:
            counts[row.country_name] += 1
        named = sorted(((name, n) for name, n in counts.items() if name), key=lambda item: item[0].casefold())
        return named + ([("Country not known", counts[""])] if counts.get("") else [])


@dataclass(frozen=True, slots=True)
class CountedRecord:
    site_id: int
    public_id: str
    record_id: int
    member_id: int
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str
    sedex_id: str
    audit_date: str
    scheme: str


def band_label(band: Band) -> str:
    """"1", "3–4", "5+"."""
    low, high = band
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def members_band(count: int, bands: Sequence[Band]) -> str:
    """The label of the band `count` falls in.

    Raises:
        AimDeskError: no band holds it (bands are checked by `check_bands`, so only a bug).
    """
    for low, high in bands:
        if count >= low and (high is None or count <= high):
            return band_label((low, high))
    raise AimDeskError(f"No member band holds {count}; the bands must cover 1 and up.")


def check_bands(bands: Sequence[Sequence[int | None]]) -> tuple[Band, ...]:
    """Bands as `CommonOptions` takes them, checked: they start at 1, follow each other
    without gap or overlap, and the last one is open ((5, None): 5 or more).

    Raises:
        AimDeskError: they do not.
    """
    checked: list[Band] = []
    expected = 1
    for index, band in enumerate(bands):
        if len(band) != 2 or band[0] is None:
            raise AimDeskError(f"Member band {list(band)} is not [from, to]; write [1, 1], [3, 4] or [5, null].")
        low, high = int(band[0]), None if band[1] is None else int(band[1])
        if low != expected or (high is not None and high < low):
            raise AimDeskError(f"Member band {band_label((low, high))} should start at {expected}; bands start "
                               "at 1 and follow each other without gap or overlap (1, 2, 3–4, 5+).")
        if high is None and index != len(bands) - 1:
            raise AimDeskError(f"Member band {band_label((low, high))} is open, so it must be the last one.")
        checked.append((low, high))
        expected = (high or low) + 1
    if not checked or checked[-1][1] is not None:
        raise AimDeskError("The last member band must be open (5+, written [5, null]) so that every count has a band.")
    return tuple(checked)


def common_options(store: Store, as_of: dt.date) -> CommonOptions:
    """The workspace's settings for the common document (`common.window_years`,
    `common.bands`, `common.min_members_per_scheme`), with defaults, for `as_of`.

    Raises:
        AimDeskError: a setting holds something unusable.
    """
    window = get_setting(store, WINDOW_SETTING, DEFAULT_WINDOW_YEARS)
    if not isinstance(window, int) or not 1 <= window <= 20:
        raise AimDeskError(f"The common document's window is {window!r} years; it should be 1 to 20.")
    minimum = get_setting(store, MIN_MEMBERS_SETTING, DEFAULT_MIN_MEMBERS_PER_SCHEME)
    if not isinstance(minimum, int) or minimum < 1:
        raise AimDeskError(f"The common document's members per scheme is {minimum!r}; it should be 1 or more.")
    bands = check_bands(get_setting(store, BANDS_SETTING, [list(b) for b in DEFAULT_BANDS]))
    return CommonOptions(as_of=as_of, window_years=window, bands=bands, min_members_per_scheme=minimum)


def save_common_settings(store: Store, *, window_years: int, bands: Sequence[Sequence[int | None]],
                         min_members_per_scheme: int = DEFAULT_MIN_MEMBERS_PER_SCHEME) -> None:
    """Keep the window, the bands and the members per scheme for the next common documents.

    Raises:
        AimDeskError: the window is not 1 to 20 years, the bands do not cover 1 and up in
            order, or the members per scheme is below 1.
    """
    checked = check_bands(bands)
    if not 1 <= window_years <= 20:
        raise AimDeskError(f"The window is {window_years} years; it should be 1 to 20.")
    if min_members_per_scheme < 1:
        raise AimDeskError(f"Members per scheme is {min_members_per_scheme}; it should be 1 or more.")
    with store.transaction():
        set_setting(store, WINDOW_SETTING, window_years)
        set_setting(store, BANDS_SETTING, [list(b) for b in checked])
        set_setting(store, MIN_MEMBERS_SETTING, min_members_per_scheme)


def common_rows(store: Store, options: CommonOptions) -> list[CommonRow]:
    """The rows of the common document, sorted by country, then name, then site id.

    Args:
        store: the open workspace, matched.
        options: as-of date, window and bands (`common_options` reads the workspace's).

    Returns:
        One `CommonRow` per site with an audit inside the window from an eligible member.

    Raises:
        AimDeskError: records of eligible members inside the window have no site yet (run
            matching first).
    """
    return build_common_document(store, options).rows


def build_common_document(store: Store, options: CommonOptions) -> CommonDocument:
    """The rows of the common document with its counts and the schemes the singling-out
    check generalised (see `common_rows`)."""
    audit, virtual = eligible_member_ids(store, "audit"), eligible_member_ids(store, "virtual")
    start, end = options.window_start.isoformat(), options.as_of.isoformat()
    _refuse_unsited(store, start, end, audit | virtual)
    by_site: dict[int, list[CountedRecord]] = defaultdict(list)
    for row in store.conn.execute(_RECORDS, (start, end)):
        record = CountedRecord(*row)
        if record.member_id in (virtual if record.scheme == VIRTUAL_SCHEME else audit):
            by_site[record.site_id].append(record)
    labels = _scheme_labels(by_site, options.min_members_per_scheme)
    assessed = ecovadis_site_ids(store)
    countries = cache(country_name)  # a few dozen countries for thousands of sites
    rows = [_row(records, labels.mapping, options, site_id in assessed, countries)
            for site_id, records in by_site.items()]
    rows.sort(key=lambda r: (r.country_name.casefold() or "\uffff", r.site_name.casefold() or "\uffff", r.public_id))
    counted = [record for records in by_site.values() for record in records]
    return CommonDocument(options, rows, len(counted), len({r.member_id for r in counted}), labels.generalised,
                          dict(by_site))


_RECORDS = """
SELECT rs.site_id, s.public_id, r.id, r.member_id, coalesce(r.site_name, ''), coalesce(r.address, ''),
       coalesce(r.city, ''), coalesce(r.region, ''), coalesce(r.postal_code, ''), coalesce(r.country, ''),
       coalesce(r.sedex_id, ''), r.audit_date, coalesce(r.audit_type, '')
FROM active_records r JOIN record_sites rs ON rs.record_id = r.id JOIN sites s ON s.id = rs.site_id
WHERE r.audit_date BETWEEN ? AND ?
"""


def _refuse_unsited(store: Store, start: str, end: str, members: set[int]) -> None:
    if not members:
        return
    marks = ",".join("?" * len(members))
    count = store.conn.execute(
        "SELECT count(*) FROM active_records r LEFT JOIN record_sites rs ON rs.record_id = r.id "
        f"WHERE rs.record_id IS NULL AND r.audit_date BETWEEN ? AND ? AND r.member_id IN ({marks})",
        (start, end, *sorted(members))).fetchone()[0]
    if count:
        raise AimDeskError(f"{count:,} record{'s' * (count != 1)} of eligible members have no site yet; run "
                           "matching first (aimdesk --workspace W match), then export the common document.")


@dataclass(frozen=True, slots=True)
class _Labels:
    mapping: dict[str, str]
    """Scheme code -> printed label ("" = left out)."""
    generalised: list[Generalisation]


def _scheme_labels(by_site: dict[int, list[CountedRecord]], minimum: int) -> _Labels:
    """Each scheme code's printed label after the singling-out check."""
    members: dict[str, set[int]] = defaultdict(set)
    sites: dict[str, set[int]] = defaultdict(set)
    for site_id, records in by_site.items():
        for record in records:
            if record.scheme:
                label = SCHEME_LABELS.get(record.scheme, OTHER_SCHEME)
                members[label].add(record.member_id)
                sites[label].add(site_id)
    rare = sorted((label for label in members if len(members[label]) < minimum or label == OTHER_SCHEME),
                  key=lambda label: SCHEME_ORDER.get(label, len(SCHEME_ORDER)))
    other_members = set().union(*(members[label] for label in rare)) if rare else set()
    became = OTHER_SCHEME if len(other_members) >= minimum else ""
    mapping = {code: SCHEME_LABELS.get(code, OTHER_SCHEME) for code in {r.scheme for rs in by_site.values()
                                                                          for r in rs if r.scheme}}
    mapping = {code: (became if label in rare else label) for code, label in mapping.items()}
    generalised = [Generalisation(label, became, len(sites[label]), len(members[label]))
                   for label in rare if label != became]
    return _Labels(mapping, generalised)


def _row(records: list[CountedRecord], labels: dict[str, str], options: CommonOptions, is_assessed: bool,
         countries: Callable[[str], str]) -> CommonRow:
    ordered = sorted(records, key=lambda r: (r.audit_date, r.record_id), reverse=True)
    top = next((r for r in ordered if r.site_name.strip()), ordered[0])  # a blank name helps no one
    sedex = next((r.sedex_id for r in ordered if r.sedex_id), "")
    schemes = {labels.get(r.scheme, "") for r in records if r.scheme} - {""}
    printed = ", ".join(sorted(schemes, key=lambda label: (SCHEME_ORDER.get(label, len(SCHEME_ORDER)), label)))
    return CommonRow(
        top.site_id, top.public_id, top.site_name, top.address, top.city, top.region, top.postal_code,
        top.country, countries(top.country) if top.country else "", sedex,
        members_band(len({r.member_id for r in records}), options.bands), ordered[0].audit_date[:7], printed,
        is_assessed)


"""The planned-audit check (step 4): a member's list of suppliers it plans to audit, read
through the same import mapping as any member list, matched against the sites of the
common list; for each planned supplier, the audited sites it may be, with score,
explanation, latest audit month and schemes, and a ready-to-send text asking the supplier
to share the existing report.

The planned list never enters the pooled data: nothing is written to the workspace. The
output says only what the common document says about a site (no member, no exact date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aimdesk.core.ecovadis import match_to_sites
from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.common_rows import DEFAULT_WINDOW_YEARS, build_common_document, common_options
from aimdesk.core.export.xlsx_style import append_text, style_header
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.ingest.prepare import ImportOptions, prepare_import
from aimdesk.core.ingest.rows import SupplierRecord
from aimdesk.core.matching.score import FieldContribution
from aimdesk.core.progress import CancelToken, Progress, report
from aimdesk.core.store.aliases import load_aliases
from aimdesk.core.store.matching import MatchInput, latest_model
from aimdesk.core.store.members import check_member_name, find_member, member_template
from aimdesk.core.store.workspace import Store

CANDIDATES_SHOWN = 3
"""Candidate sites listed per planned supplier, best first."""
NO_SITE_FOUND = "no audited site found"
SEDEX_SCHEMES = frozenset({"SMETA 2-pillar", "SMETA 4-pillar", "SMETA (pillars not stated)", "SMETA", "SVA"})
"""Schemes whose reports are shared through Sedex."""
CANDIDATES_SHEET, REQUESTS_SHEET, README_SHEET = "Candidates", "Requests", "Read me"
CANDIDATE_COLUMNS = ("Row", "Planned supplier", "Address", "City", "Country", "Candidate", "Site id",
                     "Site name", "Site city", "Site country", "Score %", "Match", "Explanation",
                     "Latest audit month", "Schemes")
REQUEST_COLUMNS = ("Row", "Planned supplier", "Country", "Site id", "Request text")
COLUMN_WIDTHS = {"Row": 6, "Planned supplier": 34, "Address": 30, "Site name": 34, "Explanation": 60,
                 "Request text": 100, "Score %": 8, "Candidate": 22, "Site id": 10, "Match": 22}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An audited site of the common list that a planned supplier may be."""

    site_public_id: str
    site_name: str
    city: str
    country: str
    score: float
    """Match probability, 0..1."""
    explanation_words: str
    latest_audit_month: str
    """YYYY-MM, as the common document gives it."""
    schemes: str
    """Audit schemes in the common document's general form ("SMETA 4-pillar, SVA")."""
    is_likely: bool = False
    """At or above the workspace's auto threshold (otherwise only between review and auto)."""


@dataclass(frozen=True, slots=True)
class PlannedSupplier:
    """One supplier of the planned list and the audited sites it may be, best first."""

    name: str
    address: str
    city: str
    country: str
    candidates: list[Candidate]
    row_number: int = 0
    """The spreadsheet row of the planned list."""


@dataclass(frozen=True, slots=True)
class PlannedCheck:
    """The outcome of a check: every planned supplier, in the list's order."""

    rows: list[PlannedSupplier]
    member: str = ""
    as_of: dt.date | None = None
    file_name: str = ""
    sites_listed: int = 0
    """How many sites the common list held (what the planned list was checked against)."""
    window_years: int = DEFAULT_WINDOW_YEARS

    @property
    def with_candidates(self) -> int:
        return sum(1 for row in self.rows if row.candidates)


@dataclass(frozen=True, slots=True)
class _ListedSite:
    """A site of the common list: how it is shown, and the records that compare for it."""

    site_id: int
    public_id: str
    site_name: str
    city: str
    country: str
    latest_audit_month: str
    schemes: str
    records: list[MatchInput]


def check_planned(store: Store, path: Path, *, member: str, options: ImportOptions | None = None,
                  as_of: dt.date | None = None, progress: Progress | None = None,
                  cancel: CancelToken | None = None) -> PlannedCheck:
    """Match a member's planned-audit list against the common list; nothing is written.

    The list is read as an import would read it (sheet, header row and columns found by
    themselves, `options` correcting them), then each supplier is compared with the records
    of the sites the common list holds (audited inside the window by eligible members), the
    way matching compares two records.

    Args:
        store: the open workspace (only read).
        path: the member's planned list, any layout (xlsx, xls, ods, csv …).
        member: the member whose list it is (its saved column choices help read the list).
        options: sheet, header row, `--map` choices, date order, as for an import.
        as_of: the day of the common list (default: today).

    Returns:
        Every planned supplier with up to `CANDIDATES_SHOWN` candidate sites above the
        review threshold, best first.

    Raises:
        InputFileError, MappingError: the list cannot be read; the message says why.
        AimDeskError: nothing has been matched yet.
    """
    check_member_name(member)
    if latest_model(store) is None:
        raise AimDeskError("There are no sites to check against yet; run matching first (aimdesk match).")
    day = as_of or dt.date.today()
    chosen = replace(options or ImportOptions(member=member), member=member)
    chosen = replace(chosen, aliases=load_aliases(store).merged(chosen.aliases))
    member_id = find_member(store, member)
    template = member_template(store, member_id) if member_id is not None else None
    prepared = prepare_import(Path(path), chosen, as_of=day, template=template, progress=progress, cancel=cancel)
    report(progress, 0, 1, "Checking the planned suppliers")
    listed, window = _common_list(store, day)
    planned = prepared.records
    inputs = [_planned_input(record) for record in planned]
    found = match_to_sites(store, inputs, records=[r for site in listed.values() for r in site.records],
                           limit=CANDIDATES_SHOWN, cancel=cancel)
    rows = []
    for index, record in enumerate(planned):
        candidates = [_candidate(listed[c.site_id], c.probability, c.band == "auto", c.contributions)
                      for c in found.get(index, []) if c.site_id in listed]
        rows.append(PlannedSupplier(record.site_name, record.address, record.city,
                                    record.country or record.country_raw, candidates, record.row_number))
    report(progress, 1, 1, "Planned suppliers checked")
    return PlannedCheck(rows, member, day, prepared.workbook.path.name, len(listed), window)


def _planned_input(record: SupplierRecord) -> MatchInput:
    return MatchInput(0, -1, record.site_name, record.address, record.city, record.region, record.postal_code,
                      record.country or "", record.sedex_id or "", None)


def _candidate(site: _ListedSite, chance: float, is_likely: bool,
               contributions: Sequence[FieldContribution]) -> Candidate:
    return Candidate(site.public_id, site.site_name, site.city, site.country, chance,
                     explanation_words(contributions), site.latest_audit_month, site.schemes, is_likely)


def explanation_words(contributions: Sequence[FieldContribution]) -> str:
    """A pair's explanation in a line: "Site name: very similar; Location: same city; …"
    (fields without a value on one side are left out)."""
    return "; ".join(f"{c.label}: {c.level}" for c in contributions if c.level != "not compared")


def _common_list(store: Store, as_of: dt.date) -> tuple[dict[int, _ListedSite], int]:
    """The sites of the common list on `as_of` as the common document shows them (months,
    schemes), each with the records it counts to compare planned suppliers with, and the
    window in years."""
    options = common_options(store, as_of)
    document = build_common_document(store, options)
    listed = {}
    for row in document.rows:
        records = sorted(document.site_records[row.site_id], key=lambda r: (r.audit_date, r.record_id), reverse=True)
        listed[row.site_id] = _ListedSite(
            row.site_id, row.public_id, row.site_name, row.city, row.country, row.latest_audit_month, row.schemes,
            [MatchInput(r.record_id, r.member_id, r.site_name, r.address, r.city, r.region, r.postal_code,
                        r.country, r.sedex_id, r.site_id) for r in records])
    return listed, options.window_years


# --- the xlsx ------------------------------------------------------------------------------

def write_planned_check(check: PlannedCheck, out: Path) -> None:
    """Write the check to `out` (xlsx): sheet "Candidates" with one row per planned
    supplier and candidate site ("no audited site found" when there is none), sheet
    "Requests" with a ready-to-send report-request text per supplier with a candidate, and
    a "Read me". Text stays text (a name starting with "=" is no formula).

    Raises:
        OSError: `out` cannot be written (the caller says so in its own words).
    """
    book = Workbook()
    sheet = book.active
    sheet.title = CANDIDATES_SHEET
    _table(sheet, CANDIDATE_COLUMNS, _candidate_rows(check))
    _table(book.create_sheet(REQUESTS_SHEET), REQUEST_COLUMNS, [
        [row.row_number, row.name, _country(row.country), row.candidates[0].site_public_id,
         request_text(row, member=check.member)] for row in check.rows if row.candidates], wrap=True)
    _read_me(book.create_sheet(README_SHEET), check)
    book.properties.creator = "AIMDesk"
    book.properties.lastModifiedBy = None
    book.properties.title = "Planned-audit check"
    book.save(out)


def _candidate_rows(check: PlannedCheck) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in check.rows:
        supplier = [row.row_number, row.name, row.address, row.city, _country(row.country)]
        if not row.candidates:
            rows.append(supplier + [NO_SITE_FOUND] + [""] * (len(CANDIDATE_COLUMNS) - len(supplier) - 1))
        for rank, c in enumerate(row.candidates, start=1):
            rows.append(supplier + [f"{rank} of {len(row.candidates)}", c.site_public_id, c.site_name, c.city,
                                    _country(c.country), round(c.score * 100),
                                    "likely the same site" if c.is_likely else "possibly the same site",
                                    c.explanation_words, c.latest_audit_month, c.schemes])
    return rows


def request_text(row: PlannedSupplier, *, member: str = "") -> str:
    """The message asking a planned supplier to share the report of its existing audit
    (the best candidate's), ready to paste into an e-mail.

    Example:
        "Dear Golden Star Textiles, our records show that your site … was audited
        (SMETA 4-pillar, 2025-06). …"
    """
    site = row.candidates[0]
    place = ", ".join(part for part in (site.site_name, site.city, _country(site.country)) if part)
    audited = ", ".join(part for part in (site.schemes, site.latest_audit_month) if part)
    schemes = {name.strip() for name in site.schemes.split(",")}
    platform = "through Sedex" if schemes & SEDEX_SCHEMES else "through the data-sharing platform that holds it"
    return (f"Dear {row.name or 'supplier'},\n\n"
            f"Our records show that your site {place} was audited{f' ({audited})' if audited else ''}. "
            "Under the mutual recognition of social audits agreed among the members of our "
            "responsible-sourcing forum, we would rather rely on that existing audit than commission a new one. "
            f"Could you share that audit report with us, directly or {platform}?\n\n"
            "If this is not your site, or if it was audited again since, please let us know.\n\n"
            f"Kind regards,\n[name]\n{member}".rstrip())


def _read_me(sheet: Worksheet, check: PlannedCheck) -> None:
    as_of = check.as_of.isoformat() if check.as_of else ""
    lines = [
        ["Planned-audit check"],
        [f"The suppliers in {check.file_name or 'the planned list'} ({check.member}) checked against the common "
         f"list of audited sites as of {as_of}: {check.sites_listed:,} sites audited in the {check.window_years} "
         "years before that date by members taking part in mutual recognition."],
        [],
        [f"Planned suppliers: {len(check.rows):,}; with an audited site found: {check.with_candidates:,}; "
         f"without: {len(check.rows) - check.with_candidates:,}."],
        [],
        ["How to read it"],
        [f"'{CANDIDATES_SHEET}' lists for each planned supplier up to {CANDIDATES_SHOWN} audited sites it may be, "
         "best first, with the match score and why (name, location, country, Sedex id compared). "
         "'likely the same site': the score reaches the level at which AIMDesk takes two records for one site; "
         "'possibly the same site': check the address before asking."],
        ["Latest audit month and schemes are those of the common list; which member audited a site is not "
         "shown (competition law)."],
        [f"'{REQUESTS_SHEET}' holds a ready-to-send text per supplier with a candidate: ask the supplier to share "
         "the existing report, directly or through the data-sharing platform. Recognising it stays your own "
         "decision."],
        [],
        ["Your planned list was only compared: it was not added to the pooled data."],
    ]
    for line in lines:
        append_text(sheet, line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A6"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 120
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _country(code: str) -> str:
    return country_name(code) if len(code) == 2 and code.isupper() else code


def _table(sheet: Worksheet, header: Sequence[str], rows: Sequence[Sequence[object]], *, wrap: bool = False) -> None:
    """A styled table: coloured header, frozen below it, filters, set widths."""
    append_text(sheet, list(header))
    style_header(sheet[1])
    for row in rows:
        append_text(sheet, row)
        if wrap:
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows), 1) + 1}"
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTHS.get(title, 16)

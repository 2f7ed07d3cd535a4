"""The EcoVadis assessed-supplier list: imported in whatever layout the EcoVadis side
sends, matched to the workspace's sites with the same engine as the members' lists, and
shared as its own sheet of the common document and as the "EcoVadis-assessed" flag.

One list is in force at a time: a new import replaces it (the earlier ones stay in the
history). Each company is compared with the records of every site the way matching
compares two records (normalised names within a country, blocking, the model of the latest
run), and a company-level rule decides (`aimdesk.core.ecovadis_match`, in full there):

* **matched** when (a) its Sedex id is a site's; or (b) its name is a site's in its
  country — a "same", "very similar" or "other script, same reading" name level, whole
  names agreeing (trade words included) — and no other site's there is as good: two such
  sites are a tie for a person, unless the entry's city is that of exactly one of them; or
  (c) the model's probability reaches the workspace's auto threshold, as for two records.
  Rules that point at different sites leave it to a person;
* **possible** otherwise, when a site reaches the review threshold or has the best name
  level in its country: the candidates are kept for a person to look at;
* **unmatched** when nothing came near.

A person settles a company with `confirm_ecovadis_match` (this is its site) or
`reject_ecovadis_match` (it is none of the sites proposed). The decision is kept by the
company's name and country, not by the entry, so it holds for the next lists that name the
company too, until a person decides otherwise; it is in the activity log.

`match_to_sites` is the engine step shared with the planned-audit check: rows from outside
the pooled data scored against the sites' records, nothing written.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from aimdesk.core.ecovadis_match import CANDIDATES_KEPT, CompanyMatch, SiteCandidate, match_companies, match_to_sites
from aimdesk.core.errors import AimDeskError, InputFileError, MappingError
from aimdesk.core.ingest.cells import cell_text, clean_text, is_blank
from aimdesk.core.ingest.countries import country_name, normalise_country
from aimdesk.core.ingest.dates import parse_date
from aimdesk.core.ingest.header import HEADER_SEARCH_ROWS
from aimdesk.core.ingest.identifiers import duns_normalise, normalise_sedex_id
from aimdesk.core.ingest.mapping import column_letter
from aimdesk.core.ingest.reader import SheetData, Workbook, read_workbook
from aimdesk.core.ingest.synonyms import normalise_header
from aimdesk.core.progress import CancelToken, Progress, check, report
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.ecovadis import (
    EcoVadisCandidate, EcoVadisEntry, EcoVadisListSummary, EcoVadisMatch, EntryKeys, NewEcoVadisEntry,
    NewEcoVadisList, StoredEntry, active_entry, active_list_id, entry_candidate_record, entry_candidates, entry_rows,
    insert_entries, insert_list, list_entries, list_history, replace_matches, save_decision, supersede_lists,
)
from aimdesk.core.store.matching import MatchInput, latest_model
from aimdesk.core.store.sites import site_record_ids
from aimdesk.core.store.workspace import Store, timestamp, utc_now

__all__ = ["CANDIDATES_KEPT", "ECOVADIS_COLUMNS", "ECOVADIS_FIELDS", "EcoVadisCandidate", "EcoVadisEntry",
           "EcoVadisImport", "SiteCandidate", "confirm_ecovadis_match", "ecovadis_candidates", "ecovadis_entries",
           "ecovadis_lists", "ecovadis_rows", "ecovadis_site_ids", "import_ecovadis", "match_to_sites",
           "parse_ecovadis_overrides", "rematch_ecovadis", "reject_ecovadis_match"]

ECOVADIS_FIELDS: tuple[str, ...] = ("company", "country", "year", "city", "duns", "sedex_id", "website",
                                    "ecovadis_id")
"""What an EcoVadis list may hold; only the company name is needed."""
IDENTIFIER_FIELDS: tuple[str, ...] = ("duns", "sedex_id", "website", "ecovadis_id")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company name", "company", "supplier", "supplier name", "name", "legal name", "legal entity",
                "organisation", "organization", "organisation name", "organization name", "entity name",
                "entity", "vendor", "vendor name", "account name", "business name", "site name",
                "factory name", "evaluated company", "rated company", "fournisseur", "raison sociale",
                "nom de l'entreprise", "entreprise", "lieferant", "firmenname", "unternehmen", "proveedor",
                "empresa", "razon social", "fornecedor", "fornitore", "ragione sociale", "azienda", "公司名称",
                "供应商"),
    "country": ("country", "country name", "country code", "iso country", "country iso", "company country",
                "country of company", "headquarters country", "hq country", "location country",
                "country/region", "country region", "pays", "land", "pais", "paese", "ulke", "国家"),
    "year": ("assessment year", "year", "year of assessment", "scorecard year", "rating year",
             "evaluation year", "scorecard date", "assessment date", "rating date", "evaluation date",
             "scorecard published", "publication date", "published date", "published on", "date of assessment",
             "last assessment date", "last assessment", "latest assessment", "assessed on", "date", "annee",
             "jahr", "ano", "anno"),
    "city": ("city", "town", "ville", "stadt", "ort", "ciudad", "cidade", "citta", "城市"),
    "duns": ("duns", "duns number", "duns no", "d-u-n-s", "d-u-n-s number", "duns id", "dnb", "d&b"),
    "sedex_id": ("sedex id", "sedex", "sedex reference", "sedex ref", "sedex site reference", "sedex site ref",
                 "sedex company reference", "sedex company ref", "zs", "zc", "zs number", "zc number",
                 "sedex zs", "sedex zc"),
    "website": ("website", "web site", "url", "web", "homepage", "home page", "domain", "web address",
                "site web", "webseite"),
    "ecovadis_id": ("ecovadis id", "ev id", "ecovadis reference", "ecovadis ref", "ecovadis number"),
}
"""Header texts for each field; compared once normalised ("Company Name:" → "companyname")."""
MIN_CONTAINED = 5
"""A synonym this long is also found inside a longer header ("Supplier legal name")."""
MIN_HEADER_FIELDS = 2
"""A header row names the company and at least one other field."""
FIRST_YEAR = 2000
"""Assessment years before this are taken for mistakes."""
NOTE_MIN_WORDS = 10
_NOTE = re.compile(r"^(note|notes|source|prepared|updated|last update|confidential|total|totals)\b",
                   re.IGNORECASE)
ECOVADIS_COLUMNS: tuple[str, ...] = ("Company", "Country", "Country code", "Assessment year", "Site id")
"""The columns of `ecovadis_rows`, in order."""


@dataclass(frozen=True, slots=True)
class EcoVadisImport:
    """What an import of the EcoVadis list did."""

    list_id: int
    entries: int
    matched: int
    possible: int
    unmatched: int
    problems: tuple[str, ...]
    """One sentence per row read with a doubt (no country AIMDesk knows, a year out of range …)."""
    sheet: str = ""
    header_row: int = 0
    mapping: dict[str, str] | None = None
    replaced: tuple[int, ...] = ()
    by_person: int = 0
    """Entries settled by a person's earlier decision on the company (counted in matched
    or unmatched)."""


def parse_ecovadis_overrides(pairs: list[str]) -> dict[str, str]:
    """Read `--map FIELD=HEADER` options for the EcoVadis list.

    Raises:
        MappingError: malformed pair or a field that does not exist (the message lists them).
    """
    overrides: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        field = field.strip().lower()
        if not sep or not header.strip():
            raise MappingError(f"'{pair}' is not FIELD=HEADER (for example --map company=\"Supplier name\").")
        if field not in ECOVADIS_FIELDS:
            raise MappingError(f"'{field}' is not a field of the EcoVadis list; the fields are "
                               f"{', '.join(ECOVADIS_FIELDS)}.")
        overrides[field] = header.strip()
    return overrides


def import_ecovadis(store: Store, path: Path, *, who: str, as_of: dt.date | None = None,
                    mapping: dict[str, str] | None = None, sheet: str | None = None,
                    header_row: int | None = None, now: Callable[[], datetime] = utc_now,
                    progress: Progress | None = None, cancel: CancelToken | None = None) -> EcoVadisImport:
    """Import the EcoVadis assessed-supplier list and match it to the sites.

    The file may have any layout: the sheet and the header row are found by their column
    names (company name, country, assessment year, DUNS, Sedex id, website …). The new
    list replaces the one in force, which stays in the history. List, entries and matches
    land in one transaction.

    Args:
        store: the open workspace.
        path: the list (xlsx, xls, ods, csv …).
        who: the person importing (kept in the history).
        as_of: the day the list is judged on (years after the next one are doubted);
            default today.
        mapping: field → header label or column letter, where the guess is wrong; the
            fields are `ECOVADIS_FIELDS`.
        sheet: the sheet holding the list (default: the one that looks like it).
        header_row: the 1-based row of the column names (default: found).

    Returns:
        How many entries were read, matched, possibly matched and not matched (a person's
        earlier decision on a company counting as it says), with the doubts found in the rows.

    Raises:
        InputFileError: the file cannot be read or has no company column.
        MappingError: `mapping` names a field or column that does not exist.
        Cancelled: `cancel` was set; nothing was written.
    """
    moment = now()
    day = as_of or moment.date()
    workbook = read_workbook(path)
    read = _read_list(workbook, day, mapping=mapping or {}, sheet_name=sheet, header_row=header_row)
    check(cancel)
    report(progress, 0, 2, "Matching the EcoVadis list")
    inputs = [_company_input(entry) for entry in read.entries]
    matched_before = latest_model(store) is not None
    found = match_companies(store, inputs, cancel=cancel) if inputs and matched_before else {}
    with store.transaction():
        list_id = insert_list(store, NewEcoVadisList(
            file_name=workbook.path.name, file_sha256=workbook.sha256, sheet=read.sheet,
            header_row=read.header_row, mapping=read.labels, rows_read=read.rows_read,
            entries=len(read.entries), as_of=day.isoformat(), imported_at=timestamp(moment), imported_by=who))
        replaced = tuple(supersede_lists(store, by=list_id))
        ids = insert_entries(store, list_id, read.entries)
        replace_matches(store, list_id, _matches(ids, found), matched_at=timestamp(moment))
        counts = _counts(store)
        log_activity(store, who=who, action="import ecovadis", now=moment, detail={
            "list_id": list_id, "file": workbook.path.name, "entries": len(ids), "replaced": list(replaced),
            **counts})
    report(progress, 2, 2, "EcoVadis list imported")
    problems = read.problems if matched_before else read.problems + (
        "No site is matched yet: run matching, then match the EcoVadis list again (aimdesk ecovadis match).",)
    return EcoVadisImport(list_id, len(ids), counts["matched"], counts["possible"], counts["unmatched"],
                          problems, read.sheet, read.header_row, read.labels, replaced, counts["by_person"])


def rematch_ecovadis(store: Store, *, who: str, now: Callable[[], datetime] = utc_now,
                     cancel: CancelToken | None = None) -> EcoVadisImport:
    """Match the list in force again (after new member lists and a matching run).

    Raises:
        AimDeskError: no EcoVadis list was imported yet, or nothing is matched yet.
    """
    list_id = active_list_id(store)
    if list_id is None:
        raise AimDeskError("There is no EcoVadis list yet; import one with: aimdesk ecovadis import FILE")
    if latest_model(store) is None:
        raise AimDeskError("There are no sites yet; run matching first (aimdesk match).")
    stored = list_entries(store, list_id)
    found = match_companies(store, [_company_input(entry) for entry in stored], cancel=cancel)
    moment = now()
    with store.transaction():
        replace_matches(store, list_id, _matches([e.id for e in stored], found), matched_at=timestamp(moment))
        counts = _counts(store)
        log_activity(store, who=who, action="match ecovadis", now=moment, detail={"list_id": list_id, **counts})
    return EcoVadisImport(list_id, len(stored), counts["matched"], counts["possible"], counts["unmatched"], (),
                          by_person=counts["by_person"])


def confirm_ecovadis_match(store: Store, entry_id: int, site_id: int, *, who: str,
                           now: Callable[[], datetime] = utc_now) -> EcoVadisEntry:
    """A person says which site a company of the list in force is: any site in use, one of
    its candidates or not. The entry is then "matched" (basis "person"), and so is the same
    company (same name, same country) in the next lists, until a person decides otherwise.

    Args:
        entry_id: the entry (`EcoVadisEntry.id`) in the list in force.
        site_id: the internal id of the site (`EcoVadisEntry.site_id`, `site_by_public_id`).
        who: the person deciding (kept with the decision and in the activity log).

    Returns:
        The entry as it now stands.

    Raises:
        AimDeskError: the entry is not in the list in force, or no site in use has that id.
    """
    entry = _entry_in_force(store, entry_id)
    public = store.conn.execute("SELECT public_id FROM sites WHERE id = ? AND retired_at IS NULL",
                                (site_id,)).fetchone()
    records = site_record_ids(store, site_id) if public else []
    if not records:
        raise AimDeskError(f"There is no site with the internal id {site_id} in use (it may have been merged "
                           "into another by a matching run).")
    record = entry_candidate_record(store, entry_id, site_id) or min(records)
    moment = now()
    with store.transaction():
        save_decision(store, entry, "confirmed", site_id=site_id, record_id=record, decided_at=timestamp(moment),
                      decided_by=who)
        log_activity(store, who=who, action="confirm ecovadis match", now=moment, detail={
            "entry_id": entry_id, "company": entry.company, "country": entry.country or "", "site": public[0]})
    return _entry_now(store, entry_id)


def reject_ecovadis_match(store: Store, entry_id: int, *, who: str,
                          now: Callable[[], datetime] = utc_now) -> EcoVadisEntry:
    """A person says a company of the list in force is none of the sites proposed: the
    entry is then "unmatched" (basis "person"), and so is the same company (same name,
    same country) in the next lists, until a person confirms a site for it.

    Raises:
        AimDeskError: the entry is not in the list in force.
    """
    entry = _entry_in_force(store, entry_id)
    current = _entry_now(store, entry_id)
    site, record = None, None
    if current.site_id is not None:
        site, record = current.site_id, entry_candidate_record(store, entry_id, current.site_id)
    moment = now()
    with store.transaction():
        save_decision(store, entry, "rejected", site_id=site, record_id=record, decided_at=timestamp(moment),
                      decided_by=who)
        log_activity(store, who=who, action="reject ecovadis match", now=moment, detail={
            "entry_id": entry_id, "company": entry.company, "country": entry.country or "",
            "site": current.site_public_id})
    return _entry_now(store, entry_id)


def _entry_in_force(store: Store, entry_id: int) -> EntryKeys:
    entry = active_entry(store, entry_id)
    if entry is None:
        raise AimDeskError(f"There is no entry #{entry_id} in the EcoVadis list in force; its entries are listed "
                           "by: aimdesk ecovadis list")
    return entry


def _entry_now(store: Store, entry_id: int) -> EcoVadisEntry:
    return next(e for e in entry_rows(store) if e.id == entry_id)


def ecovadis_entries(store: Store) -> list[EcoVadisEntry]:
    """The companies of the EcoVadis list in force, in the list's order, each with its
    status ("matched", "possible", "unmatched") and best candidate site."""
    return entry_rows(store)


def ecovadis_candidates(store: Store, entry_id: int) -> list[EcoVadisCandidate]:
    """The candidate sites of one entry, best first, with score, band and explanation."""
    return entry_candidates(store, entry_id)


def ecovadis_lists(store: Store) -> list[EcoVadisListSummary]:
    """Every EcoVadis list imported, newest first (one active, the others superseded)."""
    return list_history(store)


def ecovadis_site_ids(store: Store) -> set[int]:
    """The internal ids of the sites with an EcoVadis assessment: those a company of the
    list in force is matched to (possible matches are not counted)."""
    return {e.site_id for e in entry_rows(store) if e.status == "matched" and e.site_id is not None}


def ecovadis_rows(store: Store, *, listed_sites: Collection[str] | None = None) -> list[dict[str, str]]:
    """The EcoVadis list as the common document's EcoVadis sheet prints it: one row per
    company with the `ECOVADIS_COLUMNS` (company, country, assessment year, and the public
    site id when it is matched to a site), by country then company. Nothing member-related.

    Args:
        listed_sites: when given, a site id is shown only if it is one of these public ids
            (the sites of the common list), so that no row points at a site the list leaves out.
    """
    rows = []
    for entry in entry_rows(store):
        site = entry.site_public_id if entry.status == "matched" else ""
        if listed_sites is not None and site not in listed_sites:
            site = ""
        rows.append({"Company": entry.company, "Country": country_name(entry.country) if entry.country else "",
                     "Country code": entry.country or "", "Assessment year": str(entry.year or ""),
                     "Site id": site})
    return sorted(rows, key=lambda r: (r["Country"], r["Company"].casefold(), r["Assessment year"], r["Site id"]))


# --- from the rule's outcome to what is stored ---------------------------------------------

def _company_input(entry: NewEcoVadisEntry | StoredEntry) -> MatchInput:
    """A company of the list as the matching engine reads a record."""
    return MatchInput(0, -1, entry.company, "", entry.city, "", "", entry.country or "",
                      entry.identifiers.get("sedex_id", ""), None)


def _matches(entry_ids: Sequence[int], found: dict[int, CompanyMatch]) -> list[EcoVadisMatch]:
    return [EcoVadisMatch(entry_ids[index], rank, c.site_id, c.record_id, c.probability,
                          "auto" if c.band == "auto" else "review", c.explanation(),
                          match.basis if c.band == "auto" else "")
            for index, match in found.items() for rank, c in enumerate(match.candidates, start=1)]


def _counts(store: Store) -> dict[str, int]:
    """Matched, possible and unmatched entries of the list in force, a person's decisions
    included (and how many of them a decision settled)."""
    entries = entry_rows(store)
    counts = Counter(e.status for e in entries)
    return {"matched": counts["matched"], "possible": counts["possible"], "unmatched": counts["unmatched"],
            "by_person": sum(1 for e in entries if e.basis == "person")}


# --- reading the list ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _ReadList:
    sheet: str
    header_row: int
    labels: dict[str, str]
    rows_read: int
    entries: list[NewEcoVadisEntry]
    problems: tuple[str, ...]


def _read_list(workbook: Workbook, as_of: dt.date, *, mapping: dict[str, str], sheet_name: str | None,
               header_row: int | None) -> _ReadList:
    sheets = [workbook.sheet(sheet_name)] if sheet_name else (
        [s for s in workbook.sheets if s.rows and not s.is_hidden] or [s for s in workbook.sheets if s.rows])
    found = [(score, sheet, index) for sheet in sheets
             for score, index in [_header_row(sheet.rows, mapping, header_row)] if index is not None]
    if not found:
        where = f"sheet '{sheets[0].name}' of {workbook.path.name}" if len(sheets) == 1 else workbook.path.name
        _refuse_missing_columns(sheets, mapping, where)
        raise InputFileError(
            f"No row of {where} names a company column with another column (country, year …) in its first "
            f"{HEADER_SEARCH_ROWS} rows; give the header row with --header-row N and the company column with "
            "--map company=HEADER.")
    _, sheet, index = max(found, key=lambda item: (item[0], len(item[1].rows)))
    labels = [clean_text(cell) for cell in sheet.rows[index]]
    label = f"Sheet '{sheet.name}' of {workbook.path.name}"
    columns = _columns(labels, mapping, sheet_label=label)
    if "company" not in columns:
        names = ", ".join(f"'{text}'" for text in labels if text)
        raise MappingError(f"{label} has no column for the company name; map one with --map company=HEADER "
                           f"(its columns are {names}).")
    entries, problems, read = _entries(sheet, index, columns, as_of)
    if not entries:
        raise InputFileError(f"{label} has column names on row {index + 1} but no companies under them.")
    ordered = sorted(columns.items(), key=lambda item: ECOVADIS_FIELDS.index(item[0]))
    return _ReadList(sheet.name, index + 1, {f: labels[c] or column_letter(c) for f, c in ordered},
                     read, entries, tuple(problems))


def _refuse_missing_columns(sheets: Sequence[SheetData], mapping: dict[str, str], where: str) -> None:
    """Say so when a column the user named is on no row where a header could be."""
    seen = {normalise_header(cell) for sheet in sheets for row in sheet.rows[:HEADER_SEARCH_ROWS]
            for cell in row if isinstance(cell, str)}
    for wanted in mapping.values():
        if _letter_column(wanted) is None and normalise_header(wanted) not in seen:
            raise MappingError(f"{where[:1].upper()}{where[1:]} has no column '{wanted}'; check its spelling or "
                               "give the column letter (--map company=B).")


@cache
def _synonym_keys() -> dict[str, tuple[str, ...]]:
    """Each field's synonyms as header cells are compared (normalised once)."""
    return {field: tuple(normalise_header(s) for s in synonyms) for field, synonyms in SYNONYMS.items()}


def _field_of(label: str) -> tuple[str | None, int]:
    """The field a header names and how strongly (the length of the synonym found)."""
    key = normalise_header(label)
    if not key:
        return None, 0
    best: tuple[str | None, int] = (None, 0)
    for field, synonyms in _synonym_keys().items():
        for wanted in synonyms:
            strength = len(wanted) + 100 if key == wanted else (
                len(wanted) if len(wanted) >= MIN_CONTAINED and wanted in key else 0)
            if strength > best[1]:
                best = (field, strength)
    return best


def _header_row(rows: list[list[object]], mapping: dict[str, str], header_row: int | None) -> tuple[int, int | None]:
    """(fields named, row index) of the best header row, or (0, None)."""
    wanted = {normalise_header(label): field for field, label in mapping.items()}
    candidates = [header_row - 1] if header_row else range(min(len(rows), HEADER_SEARCH_ROWS))
    best: tuple[int, int | None] = (0, None)
    for index in candidates:
        if not 0 <= index < len(rows):
            continue
        fields = set()
        for cell in rows[index]:
            if isinstance(cell, str) and cell.strip():
                field = wanted.get(normalise_header(cell)) or _field_of(cell)[0]
                if field:
                    fields.add(field)
        letters = {f for f, label in mapping.items() if _letter_column(label) is not None}
        fields |= letters
        enough = "company" in fields and len(fields) >= MIN_HEADER_FIELDS
        if (enough or header_row) and len(fields) > best[0]:
            best = (len(fields), index)
    return best


def _letter_column(label: str) -> int | None:
    letters = label.strip().upper()
    if not 1 <= len(letters) <= 2 or any(c not in string.ascii_uppercase for c in letters):
        return None
    column = 0
    for char in letters:
        column = column * 26 + string.ascii_uppercase.index(char) + 1
    return column - 1


def _columns(labels: list[str], mapping: dict[str, str], *, sheet_label: str) -> dict[str, int]:
    """field → column: the user's choices first, then the strongest header for each field."""
    chosen: dict[str, int] = {}
    keys = [normalise_header(text) for text in labels]
    for field, wanted in mapping.items():
        key = normalise_header(wanted)
        column = keys.index(key) if key and key in keys else _letter_column(wanted)
        if column is None or column >= len(labels):
            names = ", ".join(f"'{text}'" for text in labels if text)
            raise MappingError(f"{sheet_label} has no column '{wanted}'; its columns are {names}.")
        chosen[field] = column
    guesses = sorted(((strength, -column, field, column) for column, text in enumerate(labels)
                      for field, strength in [_field_of(text)] if field), reverse=True)
    taken = set(chosen.values())
    for _, _, field, column in guesses:
        if field not in chosen and column not in taken:
            chosen[field] = column
            taken.add(column)
    return chosen


def _entries(sheet: SheetData, header: int, columns: dict[str, int],
             as_of: dt.date) -> tuple[list[NewEcoVadisEntry], list[str], int]:
    entries: list[NewEcoVadisEntry] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    read = 0
    for offset, row in enumerate(sheet.rows[header + 1:]):
        number = header + 2 + offset
        filled = [cell for cell in row if not is_blank(cell)]
        if not filled:
            continue
        read += 1
        cells = {field: (row[column] if column < len(row) else "") for field, column in columns.items()}
        company = clean_text(cells.get("company", ""))
        if len(filled) == 1 and len(columns) > 1 and _is_note(clean_text(filled[0])):
            continue
        if not company:
            problems.append(f"Row {number} has no company name; it was left out.")
            continue
        entry, doubts = _entry(number, company, cells, as_of, [cell_text(c) for c in row])
        key = (company.casefold(), entry.country or entry.country_raw.casefold())
        if key in seen:
            problems.append(f"Row {number} repeats row {seen[key]} ({company}); it was left out.")
            continue
        seen[key] = number
        entries.append(entry)
        problems += [f"Row {number}: {doubt}" for doubt in doubts]
    return entries, problems, read


def _is_note(text: str) -> bool:
    return not text[:1].isalnum() or len(text.split()) > NOTE_MIN_WORDS or bool(_NOTE.match(text))


def _entry(number: int, company: str, cells: dict[str, object], as_of: dt.date,
           raw: list[object]) -> tuple[NewEcoVadisEntry, list[str]]:
    doubts = []
    country_raw = clean_text(cells.get("country", ""))
    country = normalise_country(country_raw) if country_raw else None
    if country_raw and country is None:
        doubts.append(f"'{country_raw}' is not a country AIMDesk knows; {company} is matched without one.")
    year_cell = cells.get("year", "")
    year = _year(year_cell)
    year_raw = clean_text(year_cell)
    if year_raw and year is None:
        doubts.append(f"'{year_raw}' is not an assessment year; it was left empty.")
    elif year is not None and not FIRST_YEAR <= year <= as_of.year + 1:
        doubts.append(f"the assessment year {year} is not between {FIRST_YEAR} and {as_of.year + 1}; "
                      "it was left empty.")
        year = None
    identifiers: dict[str, str] = {}
    sedex_raw = clean_text(cells.get("sedex_id", ""))
    if sedex_raw:
        sedex = normalise_sedex_id(sedex_raw)
        if sedex.kind in ("site", "company") and sedex.normalised:
            identifiers["sedex_id"] = sedex.normalised
        elif sedex.kind is not None:
            doubts.append(f"Sedex id '{sedex_raw}': {sedex.problem}; it is not used for matching.")
            identifiers["sedex_id_as_written"] = sedex_raw
    duns_raw = clean_text(cells.get("duns", ""))
    if duns_raw:
        duns = duns_normalise(duns_raw)
        identifiers["duns"] = duns or duns_raw
        if duns is None:
            doubts.append(f"DUNS '{duns_raw}' is not nine digits; it was kept as written.")
    website = _website(clean_text(cells.get("website", "")))
    if website:
        identifiers["website"] = website
    ecovadis_id = clean_text(cells.get("ecovadis_id", ""))
    if ecovadis_id:
        identifiers["ecovadis_id"] = ecovadis_id
    return NewEcoVadisEntry(number, company, country, country_raw, year, year_raw,
                            clean_text(cells.get("city", "")), identifiers, raw), doubts


def _year(cell: object) -> int | None:
    """The year of an assessment cell: 2024, 2024.0, a date, "2024", "15/03/2024", "Mar 2024"."""
    if isinstance(cell, bool) or is_blank(cell):
        return None
    if isinstance(cell, (int, float)) and 1900 <= cell <= 2200 and float(cell).is_integer():
        return int(cell)
    if isinstance(cell, str):
        text = clean_text(cell)
        if re.fullmatch(r"(19|20)\d\d(\.0)?", text):
            return int(text[:4])
        parsed = parse_date(text, None)
        if parsed.value is not None:
            return parsed.value.year
        years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))
        return int(years.pop()) if len(years) == 1 else None
    parsed = parse_date(cell, None)
    return parsed.value.year if parsed.value is not None else None


def _website(text: str) -> str:
    """A website as a bare host name: "https://www.Example.com/en" → "example.com"."""
    host = re.sub(r"^[a-z]+://", "", text.strip().lower()).split("/")[0]
    return host.removeprefix("www.")

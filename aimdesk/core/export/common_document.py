"""The common document: the pooled, anonymous list of audited supplier sites that the
secretariat sends to every participating member (step 3), and its editions.

`write_common_document` gathers the rows (`common_rows`: eligible members only, inside the
window, members in bands, schemes generalised), builds the sheets (Sites, Read me, and
EcoVadis and HRIA when those lists exist in this AIMDesk), refuses to write if any text
would name a member (`disclosure`), writes reproducible bytes (`common_file`) and records
the edition (`editions`). Nothing is written when the check refuses.

Example:
    >>> options = common_options(store, dt.date(2026, 11, 1))
    >>> edition = write_common_document(store, Path("common.xlsx"), options, who="ana")
    >>> edition.sites, edition.sha256[:8]
    (5127, '3f9c1a0e')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

from openpyxl.utils import get_column_letter

from aimdesk.core.ecovadis import ecovadis_rows
from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.common_file import (Book, DataSheet, NoteLine, NoteSheet, clean_cell, render_csv,
                                             render_xlsx)
from aimdesk.core.export.common_rows import (COMMON_COLUMNS, OTHER_SCHEME, CommonDocument, CommonOptions, CommonRow,
                                             Generalisation, band_label, build_common_document, check_bands,
                                             common_options, common_rows, members_band, save_common_settings)
from aimdesk.core.export.disclosure import (DisclosureError, DisclosureTerms, Found, Located, disclosure_problems,
                                            disclosure_terms, find_disclosures, refuse_if_disclosing)
from aimdesk.core.export.editions import Edition, EditionDiff, edition_diff, get_edition, list_editions
from aimdesk.core.hria import hria_rows
from aimdesk.core.progress import CancelToken, Progress, check, report
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.editions import NewEdition, insert_edition
from aimdesk.core.store.workspace import Store, timestamp, utc_now

__all__ = [
    "COMMON_COLUMNS", "COMMON_SUFFIXES", "CommonDocument", "CommonOptions", "CommonRow", "DisclosureError",
    "Edition", "EditionDiff", "Generalisation", "band_label", "build_common_document", "check_bands",
    "common_book", "common_options", "common_rows", "disclosure_problems", "edition_diff", "get_edition",
    "list_editions", "members_band", "save_common_settings", "write_common_document",
]

COMMON_SUFFIXES = (".xlsx", ".csv")
TITLE = "Common list of audited supplier sites"
SITES_SHEET, README_SHEET, ECOVADIS_SHEET, HRIA_SHEET = "Sites", "Read me", "EcoVadis", "HRIA"
SITES_WIDTHS = (10, 42, 42, 18, 16, 11, 9, 18, 15, 10, 12, 36, 11)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
"""Month names in English whatever the locale: the Read me is the same on every laptop."""


def write_common_document(store: Store, out: Path, options: CommonOptions, *, who: str,
                          now: Callable[[], dt.datetime] = utc_now, progress: Progress | None = None,
                          cancel: CancelToken | None = None) -> Edition:
    """Write the common document to `out` (.xlsx or .csv) and record it as an edition.

    Args:
        store: the open workspace, matched.
        out: the file to write; its suffix chooses the format (the csv holds the Sites
            sheet only, UTF-8 with BOM).
        options: as-of date, window, bands (`common_options(store, as_of)`).
        who: the person writing it (kept with the edition, never in the file).

    Returns:
        The edition recorded: counts and the file's SHA-256 (the same workspace and as-of
        date give the same bytes).

    Raises:
        DisclosureError: a text of the document would name a member (nothing is written;
            `problems` lists every place).
        AimDeskError: not an .xlsx or .csv file, nothing to list (no eligible member, or
            no audit inside the window), records not matched yet, or the file cannot be
            written (open in Excel?).
        Cancelled: `cancel` was set; nothing was written.
    """
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in COMMON_SUFFIXES:
        raise AimDeskError(f"The common document is an .xlsx or .csv file, not {out.name}.")
    report(progress, 0, 4, "Collecting the sites")
    document = build_common_document(store, options)
    if not document.rows:
        raise AimDeskError(
            f"No audit of a member eligible for mutual recognition falls between {options.window_start} and "
            f"{options.as_of}, so the common document would be empty; record members' status with member-status.")
    check(cancel)
    report(progress, 1, 4, "Checking that nothing names a member")
    book = common_book(store, document)
    sheets = book.sheets if kind == ".xlsx" else book.sheets[:1]
    terms = disclosure_terms(store)
    refuse_if_disclosing(_scan(terms, book, sheets, properties=kind == ".xlsx"))
    check(cancel)
    report(progress, 2, 4, "Writing the file")
    sites = _sites(book)
    data = render_xlsx(book) if kind == ".xlsx" else render_csv(sites.header, sites.rows)
    if kind == ".xlsx":
        refuse_if_disclosing(find_disclosures(terms, package_texts(data)))
    check(cancel)
    report(progress, 3, 4, "Recording the edition")
    moment = now()
    with store.transaction():
        edition_id = insert_edition(store, NewEdition(
            as_of=options.as_of.isoformat(), written_at=timestamp(moment), written_by=who, file_name=out.name,
            format=kind.lstrip("."), window_years=options.window_years, bands=options.bands,
            sites=document.sites, records=document.records, members=document.members,
            countries=document.countries, sha256=hashlib.sha256(data).hexdigest(),
            generalised=tuple(g.describe() for g in document.generalised),
            columns=COMMON_COLUMNS, rows=sites.rows))
        log_activity(store, who=who, action="export common document", now=moment, detail={
            "edition": edition_id, "file": out.name, "as_of": options.as_of.isoformat(), "sites": document.sites})
        _save(out, data)
    report(progress, 4, 4, "Done")
    return get_edition(store, edition_id)


def common_book(store: Store, document: CommonDocument) -> Book:
    """The sheets of the common document: Sites, Read me, then EcoVadis and HRIA when
    this AIMDesk has those lists and they have entries."""
    options = document.options
    rows = [tuple(clean_cell(c) for c in row.cells()) for row in document.rows]
    sheets: list[DataSheet | NoteSheet] = [DataSheet(SITES_SHEET, COMMON_COLUMNS, rows, SITES_WIDTHS),
                                            read_me(document)]
    listed = {row.public_id for row in document.rows}
    for name, loaded in ((ECOVADIS_SHEET, ecovadis_rows(store, listed_sites=listed)), (HRIA_SHEET, hria_rows(store))):
        if loaded:
            header = tuple(dict.fromkeys(key for row in loaded for key in row))
            cells = [tuple(clean_cell(str(row.get(key, ""))) for key in header) for row in loaded]
            sheets.append(DataSheet(name, header, cells, tuple(36.0 if i == 0 else 18.0 for i in range(len(header)))))
    dated = dt.datetime(options.as_of.year, options.as_of.month, options.as_of.day)
    return Book(TITLE, tuple(sheets), dated)


def read_me(document: CommonDocument) -> NoteSheet:
    """What the list is, the as-of date and window, how to use it, counts by country."""
    options = document.options
    bands = ", ".join(band_label(b) for b in options.bands)
    lines = [
        NoteLine((TITLE,), "title"),
        NoteLine((f"As of {_day(options.as_of)}: audits from {_day(options.window_start)} to "
                  f"{_day(options.as_of)} (the last {options.window_years} years).",)),
        NoteLine(()),
        NoteLine(("What this list is",), "heading"),
        NoteLine(("The supplier sites audited by the members of the forum that take part in mutual recognition "
                  "of audits, pooled into one list: one row per site (a factory or plant), whoever audited it. "
                  "It is aggregated and anonymous: it never says which member audited which site, and it shows "
                  "no member names, references or exact audit dates.",)),
        NoteLine((f"Sites: {document.sites:,}. Audit records behind them: {document.records:,}, from "
                  f"{document.members} members. Countries: {document.countries}.",)),
        NoteLine(()),
        NoteLine(("The columns",), "heading"),
        NoteLine(("Site ID: the site's number in the forum's list; quote it when you ask the secretariat "
                  "about a site.",)),
        NoteLine(("Site name, address, city, region, postal code, country: as the most recent audit record "
                  "gives them. Sedex ID: the site's Sedex reference, where one is known.",)),
        NoteLine((f"Members (band): how many members audited the site in the window, in bands ({bands}).",)),
        NoteLine(("Latest audit (month): the month of the most recent audit, written YYYY-MM.",)),
        NoteLine(("Audit schemes: the schemes the site was audited under, in general form. \"Member protocol "
                  "(benchmarked)\" is a member's own audit protocol that passed the forum's benchmark against "
                  f"SMETA 4-pillar. \"{OTHER_SCHEME}\" stands for schemes too few members use to be named "
                  "without pointing at one.",)),
        NoteLine(("EcoVadis assessed: Yes when the site's company has an EcoVadis assessment.",)),
        NoteLine(()),
        NoteLine(("How to use it",), "heading"),
        NoteLine(("1. Before you plan an audit of a supplier, look for its sites here: filter by country, "
                  "search the name or the Sedex ID.",)),
        NoteLine(("2. If a site is listed, ask the supplier to share the existing audit report with you, directly "
                  "or through the data-sharing platform (Sedex), instead of paying for a new audit.",)),
        NoteLine(("3. Recognising that report stays your own decision, as the mutual recognition statement "
                  "says.",)),
        NoteLine(("4. Questions about a site go to the secretariat, quoting its Site ID.",)),
        NoteLine(()),
        NoteLine(("Sites by country",), "heading"),
        NoteLine(("Country", "Sites"), "heading"),
        *(NoteLine((name, count)) for name, count in document.by_country()),
    ]
    return NoteSheet(README_SHEET, tuple(lines))


def package_texts(data: bytes) -> Iterator[Located]:
    """The texts of an xlsx package outside its cells: document properties and sheet names
    (a last look at what openpyxl wrote)."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        for name in ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"):
            if name in package.namelist():
                for text in re.findall(r">([^<]+)<", package.read(name).decode("utf-8")):
                    yield f"the file's {name}", text
        for text in re.findall(r'<sheet name="([^"]*)"', package.read("xl/workbook.xml").decode("utf-8")):
            yield "sheet name", text


def _scan(terms: DisclosureTerms, book: Book, sheets: tuple[DataSheet | NoteSheet, ...], *,
          properties: bool) -> list[Found]:
    """Every place in `sheets` (and the title, for an xlsx) that names a member."""

    def texts() -> Iterator[Located]:
        if properties:
            yield "document property title", book.title
        for sheet in sheets:
            yield "sheet name", sheet.name
            table = ([sheet.header, *sheet.rows] if isinstance(sheet, DataSheet)
                     else [line.cells for line in sheet.lines])
            letters = [get_column_letter(i + 1) for i in range(max((len(r) for r in table), default=0))]
            for number, row in enumerate(table, start=1):
                for letter, value in zip(letters, row):
                    if value != "":
                        yield f"sheet '{sheet.name}', cell {letter}{number}", str(value)

    postal = get_column_letter(COMMON_COLUMNS.index("Postal code") + 1)
    places = [f"sheet '{SITES_SHEET}', cell {postal}{n}" for n in range(2, len(_sites(book).rows) + 2)]
    return find_disclosures(terms, texts(), places)


def _sites(book: Book) -> DataSheet:
    sheet = book.sheets[0]
    assert isinstance(sheet, DataSheet) and sheet.name == SITES_SHEET
    return sheet


def _save(out: Path, data: bytes) -> None:
    """Write `data` to `out` whole or not at all (a partial file is removed)."""
    partial = out.with_name(f"~{out.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise AimDeskError(f"Cannot write {out} ({error.strerror or error}); is it open in Excel?") from None


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


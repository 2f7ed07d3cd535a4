"""Turn the data rows under a header into normalised supplier records with findings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.core.ingest.aliases import NO_ALIASES, ValueAliases
from aimdesk.core.ingest.cells import cell_text, clean_text, is_blank
from aimdesk.core.ingest.dates import DateOrder, infer_date_order, parse_date, years_before
from aimdesk.core.ingest.findings import AUDIT_WINDOW_YEARS, Finding
from aimdesk.core.ingest.header import HeaderGuess
from aimdesk.core.ingest.identifiers import SedexId, normalise_sedex_id
from aimdesk.core.ingest.mapping import ColumnMapping
from aimdesk.core.progress import BATCH, CancelToken, Progress, check, report

_TOTAL_LINE = re.compile(
    r"^\s*(grand\s*|sub\s*)?(totals?|sum|summe|gesamt|totale|toplam|jumlah|tổng( cộng)?|"
    r"合计|总计|合計|總計|小计|ยอดรวม|รวม)\b"
    r"(\s*[:=]?\s*[\d.,]+(\s+\w+)?|[^\d:=]*[:=]\s*[\d.,]+(\s+\w+)?)?\s*$", re.IGNORECASE)
"""A totals line under the list ("TOTAL", "Grand total: 254"): not a supplier."""
COUNTRY = CANONICAL_FIELDS.index("country")
NOTE_MIN_WORDS = 10
"""A lone cell longer than this many words is a remark, not a site name."""
_NOTE_START = re.compile(
    r"^((note|notes|nb|n\.b\.|remark|source|prepared|updated|last update|confidential|legend|"
    r"nota|notas|hinweis|anmerkung|remarque|remarques|ghi chú|catatan)\b|备注|注[:：]|"
    r"(stand|as of|as at|status|date|datum|fecha|printed|exported|vertraulich)\s*:)",
    re.IGNORECASE)
EXAMPLE_ROWS = 3
"""Hint lines are looked for only just under the header."""
_EXAMPLE = re.compile(
    r"^\s*(\(?(e\.?\s?g\.?|ex\.?|eg|i\.?e\.?|z\.?\s?b\.?|p\.?\s?ej\.?|por ejemplo|par exemple|"
    r"example|exemple|ejemplo|exemplo|beispiel|esempio|örnek|ví dụ|contoh|例如|比如|例)\b|例[:：]|"
    r"(dd|mm|yyyy|yy|jj|aaaa|tt|gg)([/.\-](dd|mm|yyyy|yy|jj|aaaa|tt|gg))+\s*$|"
    r"(select|choose|enter|fill in|seleccione|choisir)\b)", re.IGNORECASE)
TOTAL_ROW_MAX_CELLS = 3
"""A totals line fills few cells; a supplier row with the word "Total" fills many."""


@dataclass(frozen=True, slots=True)
class SupplierRecord:
    """One supplier row of a member's list: as written, normalised, and its findings."""

    row_number: int
    site_name: str
    address: str
    city: str
    region: str
    postal_code: str
    country: str | None
    country_raw: str
    sedex_id: str | None
    sedex_id_raw: str
    member_ref: str
    audit_date: str | None
    audit_date_raw: str
    audit_type: str | None
    audit_type_raw: str
    audit_firm: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What became of the data area: records, and the row numbers skipped — rows with
    nothing in the mapped columns, a single cell (section titles, totals, notes) or a
    repeated header. Skipped rows are reported and still kept raw in the workspace."""

    records: list[SupplierRecord]
    skipped_rows: list[int]
    date_order: DateOrder | None


def build_records(rows: list[list[object]], header: HeaderGuess, mapping: ColumnMapping, *,
                  date_order: DateOrder | None, as_of: dt.date,
                  fallback_order: DateOrder | None = None,
                  seen: dict[tuple[str, ...], str] | None = None,
                  sheet_label: str = "",
                  aliases: ValueAliases = NO_ALIASES,
                  progress: Progress | None = None,
                  cancel: CancelToken | None = None) -> RowOutcome:
    """Normalise every data row under `header`.

    Args:
        rows: all rows of the sheet (index 0 = spreadsheet row 1).
        header: the header found in them.
        mapping: which column holds which field.
        date_order: day/month order forced by the user; None infers it from the column.
        fallback_order: the order used when the column gives no evidence (the member's
            order last time).
        seen: rows already read, shared between the sheets of one list so that a row
            repeated on another sheet is found too.
        sheet_label: how a row of this sheet is named in "repeats row …" messages.
        as_of: the day the list is judged on (future dates, audits too old).
        aliases: the workspace's own readings of country and audit-type cells.

    Returns:
        The records and the skipped row numbers.
    """
    columns = {c.field: c.column for c in mapping.choices}
    positions = [columns.get(field, -1) for field in CANONICAL_FIELDS]
    data = rows[header.row_index + 1:]
    date_column = columns.get("audit_date")
    if date_order is None and date_column is not None:
        date_order = infer_date_order(_unmarked(r[date_column]) for r in data if date_column < len(r))
    date_order = date_order or fallback_order
    header_texts = [label.casefold() for label in header.labels]
    name_header = header_texts[columns["site_name"]]
    minimum_cells = 2 if len(columns) >= 3 else 1
    seen = {} if seen is None else seen
    records, skipped = [], []
    section_country = ""
    oldest = years_before(as_of, AUDIT_WINDOW_YEARS)
    for offset, row in enumerate(data):
        if offset % BATCH == 0:
            check(cancel)
            report(progress, offset, len(data), "Reading rows")
        number = header.row_index + 2 + offset
        filled = len(row) - row.count("")
        if filled == 0:
            continue
        width = len(row)
        values = [row[c] if 0 <= c < width else "" for c in positions]
        name = values[0]
        lone_name = filled == 1 and isinstance(name, str) and not is_blank(name) and not _is_note(name)
        if _may_be_single_value(row, filled) and _single_value(row):
            section = _section_country(row, aliases)
            section_country = section or section_country
            if section or not lone_name:
                skipped.append(number)
                continue
        if offset < EXAMPLE_ROWS and _is_example_row(row):
            skipped.append(number)
            continue
        if section_country and is_blank(values[COUNTRY]):
            values[COUNTRY] = section_country
        if ((filled < minimum_cells and not lone_name) or all(is_blank(v) for v in values)
                or (filled <= TOTAL_ROW_MAX_CELLS and _is_total_row(row))
                or (isinstance(name, str) and name.strip().casefold() == name_header
                    and _repeats_header(row, header_texts))):
            skipped.append(number)
            continue
        record = _record(number, values, date_order, as_of, oldest, aliases)
        key = _duplicate_key(record)
        if key in seen:
            record = _with_finding(record, Finding(
                "duplicate_row", "", f"Row {number} repeats {seen[key]}."))
        else:
            seen[key] = f"row {number}{sheet_label}"
        records.append(record)
    return RowOutcome(records, skipped, date_order)


def _record(number: int, values: list[object], order: DateOrder | None,
            as_of: dt.date, oldest: dt.date, aliases: ValueAliases) -> SupplierRecord:
    """One record from the mapped cells, given in `CANONICAL_FIELDS` order."""
    (name, address, city, region, postal_code, country_cell, sedex_cell, member_ref,
     date_cell, type_cell, audit_firm) = values
    site_name = clean_text(name)
    findings: list[Finding] = []
    country_raw = clean_text(country_cell)
    country = aliases.country(country_raw) if country_raw else None
    if not site_name:
        findings.append(Finding("missing_site_name", "site_name", "The site name is empty."))
    if not country_raw:
        findings.append(Finding("missing_country", "country", "The country is empty."))
    elif country is None:
        findings.append(Finding("unknown_country", "country", f"'{country_raw}' is not a country AIMDesk knows."))
    date_cell, sedex_cell = _unmarked(date_cell), _unmarked(sedex_cell)
    audit_date, date_finding = _audit_date(date_cell, order, as_of, oldest)
    if date_finding:
        findings.append(date_finding)
    sedex = _sedex(sedex_cell)
    if sedex.problem:
        findings.append(Finding("invalid_identifier", "sedex_id", f"Sedex id '{sedex.raw}': {sedex.problem}."))
    scheme_raw = clean_text(type_cell)
    scheme = aliases.scheme(scheme_raw)
    if scheme_raw and not scheme.is_social:
        findings.append(Finding("not_social_audit", "audit_type", f"'{scheme_raw}' is not a social audit."))
    return SupplierRecord(
        number, site_name, clean_text(address), clean_text(city), clean_text(region),
        clean_text(postal_code), country, country_raw, sedex.normalised, clean_text(sedex.raw),
        clean_text(member_ref), audit_date.isoformat() if audit_date else None,
        cell_text(date_cell).strip(), scheme.code, scheme_raw, clean_text(audit_firm),
        tuple(findings),
    )


@lru_cache(maxsize=65536, typed=True)
def _audit_date(value: object, order: DateOrder | None, as_of: dt.date,
                oldest: dt.date) -> tuple[dt.date | None, Finding | None]:
    parsed = parse_date(value, order)
    raw = clean_text(value)
    if parsed.status == "empty":
        return None, Finding("missing_audit_date", "audit_date", "The audit date is empty.")
    if parsed.status == "unparseable":
        return None, Finding("unparseable_date", "audit_date", f"'{raw}' cannot be read as a date.")
    if parsed.status == "ambiguous":
        return parsed.value, Finding(
            "ambiguous_date", "audit_date",
            f"'{raw}' could be day/month or month/day; read as {parsed.value}; "
            "set the date order if that is wrong.")
    if parsed.value and parsed.is_approximate and oldest <= parsed.value <= as_of:
        return parsed.value, Finding(
            "approximate_date", "audit_date",
            f"'{raw}' gives only the month; read as {parsed.value}.")
    if parsed.value and parsed.value > as_of:
        return parsed.value, Finding("future_date", "audit_date", f"{parsed.value} is after {as_of}.")
    if parsed.value and parsed.value < oldest:
        return parsed.value, Finding(
            "audit_too_old", "audit_date",
            f"{parsed.value} is more than {AUDIT_WINDOW_YEARS} years before {as_of}.")
    return parsed.value, None


def _sedex(value: object) -> SedexId:
    return _sedex_text(value) if isinstance(value, str) else normalise_sedex_id(value)


@lru_cache(maxsize=65536)
def _sedex_text(text: str) -> SedexId:
    return normalise_sedex_id(text)


def _unmarked(cell: object) -> object:
    """The cell without the apostrophe a user typed to keep it as text ("'03/15/2024")."""
    return cell[1:] if type(cell) is str and cell[:1] == "'" else cell


def _may_be_single_value(row: list[object], filled: int) -> bool:
    """Cheap first test for a section title: every filled cell holds the same thing."""
    first = row[0] if row[0] != "" else next(cell for cell in row if cell != "")
    return row.count(first) == filled


def _single_value(row: list[object]) -> bool:
    """A row holding one value, maybe merged across the table: a section title."""
    return len({clean_text(cell) for cell in row if not is_blank(cell)}) == 1


def _section_country(row: list[object], aliases: ValueAliases) -> str:
    """The country a section title names ("— CHINA —", "Vietnam (23)"), or ''."""
    text = next(clean_text(cell) for cell in row if not is_blank(cell))
    return text if aliases.country(text) else ""


def _is_note(text: str) -> bool:
    """A remark written under or inside a list ("* audits before 2023 removed")."""
    stripped = text.strip()
    return (not stripped[:1].isalnum() or len(stripped.split()) > NOTE_MIN_WORDS
            or bool(_NOTE_START.match(stripped)))


def _is_example_row(row: list[object]) -> bool:
    """The line of hints under a template's header ("e.g. ZS123456", "DD/MM/YYYY")."""
    return sum(1 for cell in row if isinstance(cell, str) and _EXAMPLE.match(cell)) >= 2


def _is_total_row(row: list[object]) -> bool:
    return any(isinstance(cell, str) and _TOTAL_LINE.match(cell) for cell in row)


def _repeats_header(row: list[object], header_texts: list[str]) -> bool:
    """A header line repeated inside the data (lists pasted one under another)."""
    same = sum(1 for cell, text in zip(row, header_texts)
               if text and isinstance(cell, str) and cell.strip().casefold() == text)
    return same >= max(2, len([t for t in header_texts if t]) // 2)


def _duplicate_key(record: SupplierRecord) -> tuple[str, ...]:
    return (record.site_name.casefold(), record.address.casefold(), record.city.casefold(),
            record.country or record.country_raw, record.sedex_id or "", record.audit_date or "",
            record.audit_type_raw.casefold(), record.member_ref)


def _with_finding(record: SupplierRecord, finding: Finding) -> SupplierRecord:
    return replace(record, findings=record.findings + (finding,))

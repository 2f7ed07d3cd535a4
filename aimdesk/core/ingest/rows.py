"""Turn the data rows under a header into normalised supplier records with findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

from aimdesk.core.ingest.cells import cell_text, clean_text, is_blank
from aimdesk.core.ingest.countries import normalise_country
from aimdesk.core.ingest.dates import DateOrder, infer_date_order, parse_date
from aimdesk.core.ingest.findings import AUDIT_WINDOW_YEARS, Finding
from aimdesk.core.ingest.header import HeaderGuess
from aimdesk.core.ingest.identifiers import normalise_sedex_id
from aimdesk.core.ingest.mapping import ColumnMapping
from aimdesk.core.ingest.schemes import normalise_scheme
from aimdesk.core.ingest.synonyms import normalise_header
from aimdesk.core.progress import CancelToken, Progress, check, report

TEXT_FIELDS = ("site_name", "address", "city", "region", "postal_code", "member_ref", "audit_firm")
BATCH = 5000


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
    """What became of the data area: records, and the row numbers skipped (notes, totals,
    repeated headers) — those rows are still kept raw in the workspace."""

    records: list[SupplierRecord]
    skipped_rows: list[int]
    date_order: DateOrder | None


def build_records(rows: list[list[object]], header: HeaderGuess, mapping: ColumnMapping, *,
                  date_order: DateOrder | None, as_of: dt.date,
                  fallback_order: DateOrder | None = None,
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
        as_of: the day the list is judged on (future dates, audits too old).

    Returns:
        The records and the skipped row numbers.
    """
    columns = {c.field: c.column for c in mapping.choices}
    data = rows[header.row_index + 1:]
    date_column = columns.get("audit_date")
    if date_order is None and date_column is not None:
        date_order = infer_date_order(r[date_column] for r in data if date_column < len(r))
    date_order = date_order or fallback_order
    header_keys = [normalise_header(label) for label in header.labels]
    seen: dict[tuple[str, ...], int] = {}
    records, skipped = [], []
    oldest = _years_before(as_of, AUDIT_WINDOW_YEARS)
    for offset, row in enumerate(data):
        if offset % BATCH == 0:
            check(cancel)
            report(progress, offset, len(data), "Reading rows")
        number = header.row_index + 2 + offset
        if all(is_blank(c) for c in row):
            continue
        values = {f: (row[c] if c < len(row) else "") for f, c in columns.items()}
        if all(is_blank(v) for v in values.values()) or _repeats_header(row, header_keys):
            skipped.append(number)
            continue
        record = _record(number, values, date_order, as_of, oldest)
        key = _duplicate_key(record)
        if key in seen:
            record = _with_finding(record, Finding(
                "duplicate_row", "", f"Row {number} repeats row {seen[key]}."))
        else:
            seen[key] = number
        records.append(record)
    return RowOutcome(records, skipped, date_order)


def _record(number: int, values: dict[str, object], order: DateOrder | None,
            as_of: dt.date, oldest: dt.date) -> SupplierRecord:
    text = {f: clean_text(values.get(f, "")) for f in TEXT_FIELDS}
    findings: list[Finding] = []
    country_raw = clean_text(values.get("country", ""))
    country = _country(country_raw)
    if not text["site_name"]:
        findings.append(Finding("missing_site_name", "site_name", "The site name is empty."))
    if not country_raw:
        findings.append(Finding("missing_country", "country", "The country is empty."))
    elif country is None:
        findings.append(Finding("unknown_country", "country", f"'{country_raw}' is not a country AIMDesk knows."))
    date_raw_value = values.get("audit_date", "")
    audit_date, date_finding = _audit_date(date_raw_value, order, as_of, oldest)
    if date_finding:
        findings.append(date_finding)
    sedex = normalise_sedex_id(values.get("sedex_id", ""))
    if sedex.problem:
        findings.append(Finding("invalid_identifier", "sedex_id", f"Sedex id '{sedex.raw}': {sedex.problem}."))
    scheme_raw = clean_text(values.get("audit_type", ""))
    scheme = _scheme(scheme_raw)
    if scheme_raw and scheme[1] is False:
        findings.append(Finding("not_social_audit", "audit_type", f"'{scheme_raw}' is not a social audit."))
    return SupplierRecord(
        number, text["site_name"], text["address"], text["city"], text["region"],
        text["postal_code"], country, country_raw, sedex.normalised, clean_text(sedex.raw),
        text["member_ref"], audit_date.isoformat() if audit_date else None,
        cell_text(date_raw_value).strip(), scheme[0], scheme_raw, text["audit_firm"],
        tuple(findings),
    )


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
    if parsed.value and parsed.value > as_of:
        return parsed.value, Finding("future_date", "audit_date", f"{parsed.value} is after {as_of}.")
    if parsed.value and parsed.value < oldest:
        return parsed.value, Finding(
            "audit_too_old", "audit_date",
            f"{parsed.value} is more than {AUDIT_WINDOW_YEARS} years before {as_of}.")
    return parsed.value, None


@lru_cache(maxsize=4096)
def _country(text: str) -> str | None:
    return normalise_country(text) if text else None


@lru_cache(maxsize=4096)
def _scheme(text: str) -> tuple[str | None, bool]:
    match = normalise_scheme(text)
    return match.code, match.is_social


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _repeats_header(row: list[object], header_keys: list[str]) -> bool:
    same = sum(1 for cell, key in zip(row, header_keys)
               if key and isinstance(cell, str) and normalise_header(cell) == key)
    return same >= max(2, len([k for k in header_keys if k]) // 2)


def _duplicate_key(record: SupplierRecord) -> tuple[str, ...]:
    return (record.site_name.casefold(), record.address.casefold(), record.city.casefold(),
            record.country or record.country_raw, record.sedex_id or "", record.audit_date or "",
            record.audit_type_raw.casefold(), record.member_ref)


def _with_finding(record: SupplierRecord, finding: Finding) -> SupplierRecord:
    return replace(record, findings=record.findings + (finding,))

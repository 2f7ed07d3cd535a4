"""Map a sheet's columns to the canonical fields: the user's choice, the member's
saved template, header synonyms in many languages, then the values themselves."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from typing import Literal

from aimdesk.core.errors import MappingError
from aimdesk.core.fields import CANONICAL_FIELDS, REQUIRED_FIELDS
from aimdesk.core.ingest.cells import clean_text, is_blank, looks_like_sedex
from aimdesk.core.ingest.countries import normalise_country
from aimdesk.core.ingest.dates import parse_date
from aimdesk.core.ingest.header import MIN_FIELD_SCORE, HeaderGuess
from aimdesk.core.ingest.schemes import normalise_scheme
from aimdesk.core.ingest.synonyms import header_field_scores, normalise_header

MappingSource = Literal["user", "template", "header", "values"]

AUDIT_WORDS = ("aud", "denetim", "审核", "審核", "验厂", "kiemtra", "danhgia", "ตรวจ", "prufung", "verific")
"""Parts of a normalised header that say it is about the audit."""
WEAK_SCHEME_SHARE = 0.3
"""An audit-type column naming a scheme in fewer of its cells than this holds something else."""
STRONG_HEADER = 0.8
"""A header scoring this for a field plainly names it."""
GROUP_LABEL_DISCOUNT = 0.9
"""A match found only with the group label above the header counts a little less."""

SNIFF_SAMPLE = 200
MIN_SAMPLE = 3
"""Fewer filled cells than this say nothing about a column."""
_SNIFF_SHARE = {"sedex_id": 0.5, "audit_date": 0.7, "country": 0.7, "audit_type": 0.6}
_SNIFF_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """One canonical field taken from one column, and why."""

    field: str
    column: int
    label: str
    confidence: float
    source: MappingSource


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """The columns chosen for the canonical fields, and what the user should know about it."""

    choices: tuple[ColumnChoice, ...]
    warnings: tuple[str, ...] = ()

    def column_of(self, field: str) -> int | None:
        for choice in self.choices:
            if choice.field == field:
                return choice.column
        return None

    def as_labels(self) -> dict[str, str]:
        """field → header label, in canonical order (what the workspace remembers)."""
        by_field = {c.field: c.label for c in self.choices}
        return {f: by_field[f] for f in CANONICAL_FIELDS if f in by_field}


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """Read `--map FIELD=HEADER` options.

    Raises:
        MappingError: malformed pair or a field that does not exist.
    """
    overrides: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        field = field.strip().lower()
        if not sep or not header.strip():
            raise MappingError(f"'{pair}' is not FIELD=HEADER (for example --map site_name=\"Factory name\").")
        if field not in CANONICAL_FIELDS:
            allowed = ", ".join(CANONICAL_FIELDS)
            raise MappingError(f"'{field}' is not a field; the fields are {allowed}.")
        overrides[field] = header.strip()
    return overrides


def suggest_mapping(header: HeaderGuess, data_rows: list[list[object]], *,
                    overrides: dict[str, str] | None = None,
                    template: dict[str, str] | None = None,
                    sheet_label: str = "the sheet") -> ColumnMapping:
    """Choose a column for each canonical field.

    Args:
        header: the detected header.
        data_rows: the rows under the header (values are sniffed where headers say nothing).
        overrides: field → header label (or column letter) the user insists on; an empty
            label leaves the field out (the list has no such column, whatever it looks like).
        template: field → header label saved from this member's previous import.
        sheet_label: how to name the sheet in error messages.

    Raises:
        MappingError: an override names a column that does not exist.
    """
    chosen: dict[str, ColumnChoice] = {}
    left_out = {field for field, wanted in (overrides or {}).items() if not wanted.strip()}
    for field, wanted in (overrides or {}).items():
        if field in left_out:
            continue
        column = _find_column(header, wanted)
        if column is None:
            names = ", ".join(f"'{label}'" for label in header.labels if label)
            raise MappingError(f"{sheet_label} has no column '{wanted}'; its columns are {names}.")
        chosen[field] = ColumnChoice(field, column, header.labels[column], 1.0, "user")
    for field, wanted in (template or {}).items():
        column = _find_column(header, wanted, allow_letters=False)
        if field in CANONICAL_FIELDS and column is not None:
            _take(chosen, ColumnChoice(field, column, header.labels[column], 0.95, "template"))
    candidates = _header_candidates(header)
    for choice in candidates:
        _take(chosen, choice)
    for choice in _value_candidates(header, data_rows, chosen):
        _take(chosen, choice)
    _prefer_scheme_column(header, data_rows, chosen)
    for field in left_out:
        chosen.pop(field, None)
    ordered = sorted(chosen.values(), key=lambda c: CANONICAL_FIELDS.index(c.field))  # type: ignore[arg-type]
    warnings = _displaced(chosen, candidates) + _same_names(header, chosen)
    return ColumnMapping(tuple(ordered), warnings)


def _prefer_scheme_column(header: HeaderGuess, data_rows: list[list[object]],
                          chosen: dict[str, ColumnChoice]) -> None:
    """An "Audit type" column of Full/Follow-up beside a programme column of scheme names
    (amfori exports): the scheme is what the common list needs, so take that column."""
    current = chosen.get("audit_type")
    if current is None or current.source != "header":
        return
    current_sample = _sample(data_rows, current.column)
    if len(current_sample) < MIN_SAMPLE or _share("audit_type", current_sample) >= WEAK_SCHEME_SHARE:
        return
    taken = {c.column for c in chosen.values()}
    for column, label in enumerate(header.labels):
        sample = _sample(data_rows, column)
        if column not in taken and len(sample) >= MIN_SAMPLE and _share("audit_type", sample) >= _SNIFF_SHARE["audit_type"]:
            chosen["audit_type"] = ColumnChoice("audit_type", column, label, _SNIFF_CONFIDENCE, "values")
            return


def _same_names(header: HeaderGuess, chosen: dict[str, ColumnChoice]) -> tuple[str, ...]:
    """Say which of two same-named columns ("Date", "Date") a field was taken from."""
    warnings = []
    keys = [normalise_header(label) for label in header.labels]
    for choice in chosen.values():
        twins = [i for i, key in enumerate(keys) if key and key == keys[choice.column]]
        if len(twins) > 1:
            letters = " and ".join(column_letter(i) for i in twins)
            warnings.append(
                f"Columns {letters} are both called '{choice.label}'; {_words(choice.field)} was "
                f"taken from column {column_letter(choice.column)} (change it with "
                f"--map {choice.field}={column_letter(twins[-1] if twins[0] == choice.column else twins[0])}).")
    return tuple(warnings)


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def _displaced(chosen: dict[str, ColumnChoice], candidates: list[ColumnChoice]) -> tuple[str, ...]:
    """Warn when the user's --map took the column that plainly holds another field."""
    warnings = []
    for choice in chosen.values():
        if choice.source != "user":
            continue
        for other in candidates:
            if (other.column == choice.column and other.field != choice.field
                    and other.confidence >= STRONG_HEADER and other.field not in chosen):
                warnings.append(
                    f"Column '{choice.label}' looks like {_words(other.field)}, but --map gave it "
                    f"to {_words(choice.field)}; {_words(other.field)} is now left empty.")
                break
    return tuple(warnings)


def _words(field: str) -> str:
    return field.replace("_", " ")


def same_columns(first: ColumnMapping, second: ColumnMapping) -> bool:
    """Do two sheets name the same columns for the same fields (one list split in sheets)?"""
    def key(mapping: ColumnMapping) -> dict[str, str]:
        return {c.field: normalise_header(c.label) for c in mapping.choices}
    return key(first) == key(second)


def require_fields(mapping: ColumnMapping, header: HeaderGuess, *, sheet_label: str) -> None:
    """Refuse a mapping without the fields no import can do without, naming the columns."""
    for field in REQUIRED_FIELDS:
        if mapping.column_of(field) is None:
            names = ", ".join(f"'{label}'" for label in header.labels if label)
            raise MappingError(
                f"{sheet_label} has no column for {_words(field)}; map one with "
                f"--map {field}=HEADER (its columns are {names})."
            )


def _take(chosen: dict[str, ColumnChoice], choice: ColumnChoice) -> None:
    if choice.field in chosen or any(c.column == choice.column for c in chosen.values()):
        return
    chosen[choice.field] = choice


def _find_column(header: HeaderGuess, wanted: str, *, allow_letters: bool = True) -> int | None:
    key = normalise_header(wanted)
    for column, (label, group) in enumerate(zip(header.labels, header.groups)):
        if key and key in (normalise_header(label), normalise_header(f"{group} {label}")):
            return column
    letters = wanted.strip().upper()
    if allow_letters and 1 <= len(letters) <= 2 and all(c in string.ascii_uppercase for c in letters):
        column = 0
        for char in letters:
            column = column * 26 + string.ascii_uppercase.index(char) + 1
        return column - 1 if column - 1 < len(header.labels) else None
    return None


def _header_candidates(header: HeaderGuess) -> list[ColumnChoice]:
    """Every (field, column) a header label suggests, strongest first."""
    found: list[ColumnChoice] = []
    for column, (label, group) in enumerate(zip(header.labels, header.groups)):
        if not label:
            continue
        scores = header_field_scores(label)
        if group:
            for field, value in header_field_scores(f"{group} {label}").items():
                scores[field] = max(scores.get(field, 0.0), value * GROUP_LABEL_DISCOUNT)
        for field, value in scores.items():
            if value >= MIN_FIELD_SCORE:
                found.append(ColumnChoice(field, column, label, round(value, 2), "header"))
    found.sort(key=lambda c: (-c.confidence, c.column))
    return found


def _value_candidates(header: HeaderGuess, data_rows: list[list[object]],
                      chosen: dict[str, ColumnChoice]) -> list[ColumnChoice]:
    """Columns whose values give them away: ZS… ids, dates, countries, scheme names."""
    taken = {c.column for c in chosen.values()}
    found = []
    for column in sorted(range(len(header.labels)), key=lambda c: not _names_an_audit(header.labels[c])):
        label = header.labels[column]
        if column in taken:
            continue
        sample = _sample(data_rows, column)
        if len(sample) < MIN_SAMPLE:
            continue
        for field, share in _SNIFF_SHARE.items():
            if field not in chosen and _share(field, sample) >= share:
                found.append(ColumnChoice(field, column, label or f"column {column + 1}",
                                          _SNIFF_CONFIDENCE, "values"))
                break
    return found


def _names_an_audit(label: str) -> bool:
    """Headers saying "audit" are looked at first, so that the audit date wins over a
    record's creation date when only values tell them apart (SAP's ZZAUDDAT vs ERDAT)."""
    key = normalise_header(label)
    return any(word in key for word in AUDIT_WORDS)


def _sample(data_rows: list[list[object]], column: int) -> list[object]:
    """Up to SNIFF_SAMPLE filled cells of a column, from the top of the list."""
    return [row[column] for row in data_rows[:SNIFF_SAMPLE * 3]
            if column < len(row) and not is_blank(row[column])][:SNIFF_SAMPLE]


def _looks_like_date(value: object) -> bool:
    """A date cell, or text that reads as a date; plain numbers only as yyyymmdd."""
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str):
        return False
    text = clean_text(value)
    if text.isdigit() and not (len(text) == 8 and text[:2] in ("19", "20")):
        return False
    return parse_date(text, None).status in ("ok", "ambiguous")


def _share(field: str, sample: list[object]) -> float:
    test = {
        "sedex_id": lambda v: looks_like_sedex(clean_text(v)),
        "audit_date": _looks_like_date,
        "country": lambda v: normalise_country(clean_text(v)) is not None,
        "audit_type": lambda v: normalise_scheme(clean_text(v)).code not in (None, "MEMBER_PROTOCOL"),
    }[field]
    return sum(1 for value in sample if test(value)) / len(sample)

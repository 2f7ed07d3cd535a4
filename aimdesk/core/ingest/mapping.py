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

STRONG_HEADER = 0.8
"""A header scoring this for a field plainly names it."""
GROUP_LABEL_DISCOUNT = 0.9
"""A match found only with the group label above the header counts a little less."""

SNIFF_SAMPLE = 200
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
        overrides: field → header label (or column letter) the user insists on.
        template: field → header label saved from this member's previous import.
        sheet_label: how to name the sheet in error messages.

    Raises:
        MappingError: an override names a column that does not exist.
    """
    chosen: dict[str, ColumnChoice] = {}
    for field, wanted in (overrides or {}).items():
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
    ordered = sorted(chosen.values(), key=lambda c: CANONICAL_FIELDS.index(c.field))  # type: ignore[arg-type]
    return ColumnMapping(tuple(ordered), _displaced(chosen, candidates))


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
    for column, label in enumerate(header.labels):
        if column in taken:
            continue
        sample = [row[column] for row in data_rows[:SNIFF_SAMPLE * 3]
                  if column < len(row) and not is_blank(row[column])][:SNIFF_SAMPLE]
        if len(sample) < 3:
            continue
        for field, share in _SNIFF_SHARE.items():
            if field not in chosen and _share(field, sample) >= share:
                found.append(ColumnChoice(field, column, label or f"column {column + 1}",
                                          _SNIFF_CONFIDENCE, "values"))
                break
    return found


def _share(field: str, sample: list[object]) -> float:
    test = {
        "sedex_id": lambda v: looks_like_sedex(clean_text(v)),
        "audit_date": lambda v: isinstance(v, dt.date) or (
            isinstance(v, str) and not v.strip().isdigit()
            and parse_date(v, None).status in ("ok", "ambiguous")),
        "country": lambda v: normalise_country(clean_text(v)) is not None,
        "audit_type": lambda v: normalise_scheme(clean_text(v)).code not in (None, "MEMBER_PROTOCOL"),
    }[field]
    return sum(1 for value in sample if test(value)) / len(sample)

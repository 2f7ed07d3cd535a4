"""Supplier identifiers: Sedex ZS/ZC references, OS IDs, GLNs, DUNS (identifiers.md).

A passing check proves only that a value is well formed. Values spreadsheets have damaged
(digits turned into floats, "1.23457E+12") are flagged, never repaired.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from stdnum import ean
from stdnum.cn import uscc
from stdnum.fr import siret

SedexKind = Literal["site", "company", "unknown"]

SEDEX_MIN_DIGITS = 6
SEDEX_MAX_DIGITS = 12
"""Tolerance bounds for the digits after ZS/ZC; Sedex publishes no length (identifiers.md §1)."""

PROBLEM_DIGITS_ONLY = "digits only: ZS or ZC?"
PROBLEM_AUDIT_REFERENCE = "an audit reference, not a site id"
PROBLEM_MANGLED = "number mangled by Excel"
PROBLEM_SEVERAL = "several Sedex references in one cell; the first one was kept"
PROBLEM_LENGTH = f"ZS/ZC should be followed by {SEDEX_MIN_DIGITS} to {SEDEX_MAX_DIGITS} digits"
PROBLEM_PATTERN = "not a Sedex reference: expected ZS or ZC followed by digits"
PROBLEM_EXTRA_TEXT = "other text around the Sedex reference"

_PLACEHOLDERS = frozenset({"", "-", "--", "—", "N/A", "NA", "N.A.", "NONE", "NIL", "NULL", "TBC",
                           "TBD", "UNKNOWN", "0", "NO", "X", "?", "/"})
_REMOVED = re.compile(r"[\s:\-.#_/]+")
_SEDEX_PREFIX = re.compile(r"^(?:SEDEX)?(?:SITE|COMPANY)?(?:ID|REF|REFERENCE|NO|NUMBER)?")
_SEDEX_REF = re.compile(r"Z([SC])(\d+)")
_TIDY_ID = re.compile(rf"Z([SC])([0-9]{{{SEDEX_MIN_DIGITS},{SEDEX_MAX_DIGITS}}})")
"""The common, already clean form: taken without further work (50,000 rows a second)."""
_EXCEL_FLOAT = re.compile(r"^\d+(?:[.,]\d+)?E[+-]?\d+$|^\d+\.0+$")
_AUDIT_REFERENCE = re.compile(r"^(?:ZA|\d{4}[A-Z]{2}ZA)")
_OS_ID = re.compile(r"[A-Z]{2}\d{7}[A-Z0-9]{6}")
CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True, slots=True)
class SedexId:
    """A Sedex reference cell, read.

    Attributes:
        raw: the cell as text, unchanged.
        normalised: upper case, separators removed ("ZS000012345"); None for empty cells
            and for text that is not a Sedex reference at all.
        match_key: prefix + digits without leading zeros ("ZS12345"), the value to compare
            across members; None unless the kind is known (site or company).
        kind: "site" (ZS), "company" (ZC), "unknown" (digits only, damaged, audit ref…),
            None for an empty cell.
        problem: one phrase saying what is wrong, None when nothing is.
    """

    raw: str
    normalised: str | None
    match_key: str | None
    kind: SedexKind | None
    problem: str | None


def _empty(raw: str) -> SedexId:
    return SedexId(raw=raw, normalised=None, match_key=None, kind=None, problem=None)


def _unknown(raw: str, normalised: str | None, problem: str) -> SedexId:
    return SedexId(raw=raw, normalised=normalised, match_key=None, kind="unknown", problem=problem)


def _from_float(value: float) -> SedexId:
    raw = repr(value)
    if math.isnan(value):
        return _empty("")
    digits = str(int(value)) if value.is_integer() and value > 0 else None
    return _unknown(raw, digits, PROBLEM_MANGLED)


def normalise_sedex_id(value: object) -> SedexId:
    """Read a Sedex reference cell (identifiers.md §1).

    Args:
        value: the cell: text, int, float or None.

    Returns:
        A `SedexId`. Examples: "ZS: 000012345" -> normalised "ZS000012345", match_key
        "ZS12345", kind "site"; "12345678" -> kind "unknown", problem "digits only: ZS or
        ZC?"; "1.23457E+12" or a float cell -> problem "number mangled by Excel";
        "ZA…" -> problem "an audit reference, not a site id".
    """
    if value is None or isinstance(value, bool):
        return _empty("" if value is None else str(value))
    if isinstance(value, float):
        return _from_float(value)
    raw = str(value)
    tidy = _TIDY_ID.fullmatch(raw)
    if tidy and tidy.group(2).strip("0"):
        letter, digits = tidy.groups()
        return SedexId(raw=raw, normalised=raw, match_key=f"Z{letter}{int(digits)}",
                       kind="site" if letter == "S" else "company", problem=None)
    text = unicodedata.normalize("NFKC", raw).strip().upper()
    if text in _PLACEHOLDERS:
        return _empty(raw)
    if _EXCEL_FLOAT.match(text.replace(" ", "")):
        return _unknown(raw, None, PROBLEM_MANGLED)
    compact = _REMOVED.sub("", text)
    if compact.isdigit():
        return _unknown(raw, compact, PROBLEM_DIGITS_ONLY)
    if _AUDIT_REFERENCE.match(compact):
        return _unknown(raw, compact, PROBLEM_AUDIT_REFERENCE)
    references = _SEDEX_REF.findall(compact)
    bare = _SEDEX_PREFIX.sub("", compact)
    if not references or not bare.startswith("Z"):
        return _unknown(raw, None, PROBLEM_PATTERN)
    sites = list(dict.fromkeys(ref for ref in references if ref[0] == "S"))
    distinct = list(dict.fromkeys(references))
    letter, digits = sites[0] if len(sites) == 1 else distinct[0]
    problem: str | None = None
    if len(sites) > 1 or (not sites and len(distinct) > 1):
        problem = PROBLEM_SEVERAL
    elif not SEDEX_MIN_DIGITS <= len(digits) <= SEDEX_MAX_DIGITS:
        problem = PROBLEM_LENGTH
    elif len(distinct) == 1 and bare != f"Z{letter}{digits}":
        problem = PROBLEM_EXTRA_TEXT
    if int(digits) == 0:
        return _unknown(raw, f"Z{letter}{digits}", PROBLEM_PATTERN)
    return SedexId(raw=raw, normalised=f"Z{letter}{digits}",
                   match_key=f"Z{letter}{int(digits)}",
                   kind="site" if letter == "S" else "company", problem=problem)


def os_id_is_valid(text: str) -> bool:
    """Check an Open Supply Hub OS ID (15 chars, Crockford base-32 check character).

    Args:
        text: the id, with or without hyphens and spaces ("CN-2019067-X1K87-G").

    Returns:
        True when the format and the check character are right.
    """
    compact = text.replace("-", "").replace(" ", "").upper()
    if not _OS_ID.fullmatch(compact) or any(ch not in CROCKFORD_BASE32 for ch in compact[2:]):
        return False
    total = ord(compact[0]) + ord(compact[1]) + sum(
        CROCKFORD_BASE32.index(ch) for ch in compact[2:14])
    return CROCKFORD_BASE32[total % 32] == compact[14]


def gln_is_valid(text: str) -> bool:
    """Check a GS1 Global Location Number: 13 digits with the GS1 mod-10 check digit.

    Args:
        text: the GLN; spaces and hyphens are ignored.

    Returns:
        True when well formed.
    """
    compact = re.sub(r"[\s\-]", "", text)
    return len(compact) == 13 and compact.isdigit() and bool(ean.is_valid(compact))


def duns_normalise(text: str) -> str | None:
    """The nine-digit D-U-N-S number in a cell, or None.

    "12-345-6789" -> "123456789"; a 13-digit DUNS+4 keeps its first nine digits. Values of
    7–8 digits probably lost leading zeros: they give None (flag them, do not pad them).

    Args:
        text: the cell text.

    Returns:
        Nine digits, or None when the value is not a DUNS number as written.
    """
    compact = re.sub(r"[\s\-.]", "", str(text))
    if not compact.isdigit():
        return None
    if len(compact) == 9:
        return compact
    if len(compact) == 13:
        return compact[:9]
    return None


def uscc_is_valid(text: str) -> bool:
    """Check a Chinese Unified Social Credit Code (18 chars, mod-31 check; company level)."""
    return bool(uscc.is_valid(text))


def siret_is_valid(text: str) -> bool:
    """Check a French SIRET establishment number (14 digits, Luhn; site level)."""
    return bool(siret.is_valid(text))

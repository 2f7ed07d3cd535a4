"""Audit-type cells to canonical audit scheme codes (audit-schemes.md §1 and §3).

The codes, their labels and the ordered matching rules are data in
`resources/audit_schemes.json`; this module only normalises the text and applies the rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.resources import load_json

SCHEMES_FILE = "audit_schemes.json"

SCHEME_CODES: tuple[str, ...] = (
    "SMETA_2P", "SMETA_4P", "SMETA", "SVA", "AMFORI_BSCI", "SA8000", "RBA_VAP", "WRAP",
    "ICTI_ETP", "ECOVADIS", "MEMBER_PROTOCOL", "NOT_SOCIAL",
)

_DROPPED = str.maketrans("", "", ".'’`´")


@dataclass(frozen=True, slots=True)
class SchemeMatch:
    """How one audit-type cell reads.

    `code` is None for an empty cell. `needs_review` asks a person to confirm: set for the
    member-protocol fallback (text no rule recognises) and for a bare "ETI".
    """

    code: str | None
    label: str
    is_social: bool
    needs_review: bool


@dataclass(frozen=True, slots=True)
class _Rule:
    code: str
    pattern: re.Pattern[str]
    needs_review: bool


@dataclass(frozen=True, slots=True)
class _Catalogue:
    labels: dict[str, str]
    social: dict[str, bool]
    rules: tuple[_Rule, ...]
    fallback_code: str
    fallback_needs_review: bool
    empty: frozenset[str]


EMPTY_MATCH = SchemeMatch(code=None, label="", is_social=False, needs_review=False)


def normalise_scheme_text(text: str) -> str:
    """The text the rules see: folded, dots and apostrophes dropped, other punctuation spaced.

    Args:
        text: an audit-type cell.

    Returns:
        For example `"smeta 61 4 pillar"` for `"SMETA 6.1 (4-Pillar)"`.
    """
    folded = fold_text(text).translate(_DROPPED)
    spaced = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in folded)
    return " ".join(spaced.split())


@cache
def _catalogue() -> _Catalogue:
    """Compile the read-only scheme file once; it must define exactly `SCHEME_CODES`."""
    data = load_json(SCHEMES_FILE)
    schemes = data["schemes"]
    codes = tuple(scheme["code"] for scheme in schemes)
    if codes != SCHEME_CODES:
        raise ValueError(f"{SCHEMES_FILE} defines {codes}, expected {SCHEME_CODES}")
    rules = tuple(
        _Rule(rule["code"], re.compile(rule["pattern"]), bool(rule.get("needs_review", False)))
        for rule in data["rules"])
    unknown = {rule.code for rule in rules} - set(codes)
    if unknown:
        raise ValueError(f"{SCHEMES_FILE} has rules for unknown codes {sorted(unknown)}")
    return _Catalogue(
        labels={scheme["code"]: scheme["label"] for scheme in schemes},
        social={scheme["code"]: bool(scheme["is_social"]) for scheme in schemes},
        rules=rules,
        fallback_code=data["fallback"]["code"],
        fallback_needs_review=bool(data["fallback"]["needs_review"]),
        empty=frozenset(data["empty"]),
    )


def scheme_label(code: str | None) -> str:
    """The display label of a scheme code.

    Args:
        code: one of `SCHEME_CODES`, or None.

    Returns:
        For example "SMETA 4-pillar"; "" for None; the code itself if it is unknown.
    """
    if code is None:
        return ""
    return _catalogue().labels.get(code, code)


def _match(code: str, needs_review: bool) -> SchemeMatch:
    catalogue = _catalogue()
    return SchemeMatch(code=code, label=catalogue.labels[code],
                       is_social=catalogue.social[code], needs_review=needs_review)


@lru_cache(maxsize=4096)
def normalise_scheme(text: str) -> SchemeMatch:
    """Read an audit-type cell as a scheme.

    The rules of `resources/audit_schemes.json` are tried in order (SVA before SMETA
    4-pillar before 2-pillar before plain SMETA, then BSCI, SA8000, RBA, WRAP, ICTI,
    EcoVadis, food-safety/quality/environment certificates); text none of them recognises
    is the member's own protocol, flagged for review.

    Args:
        text: the cell text, in any language or spelling ("Sedex 4P", "SMETA 4 pilares",
            "SMETA四支柱", "amfori-BSCI", "SA 8000:2014").

    Returns:
        A `SchemeMatch`; `code` None when the cell is empty or a placeholder ("N/A").

    Example:
        `normalise_scheme("SMETA 6.1 2-Pillar").code` -> `"SMETA_2P"`.
    """
    if not isinstance(text, str):
        return EMPTY_MATCH
    normalised = normalise_scheme_text(text)
    catalogue = _catalogue()
    if not normalised or normalised in catalogue.empty:
        return EMPTY_MATCH
    for rule in catalogue.rules:
        if rule.pattern.search(normalised):
            return _match(rule.code, rule.needs_review)
    return _match(catalogue.fallback_code, catalogue.fallback_needs_review)

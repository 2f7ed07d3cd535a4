"""The secretariat's own readings of country and audit-type cells.

Some members write a country or a scheme no vocabulary knows ("Formosa", "Rainforest
check"). The import wizard lists those cells; what the user maps them to is kept in the
workspace and applied to every later import, from the wizard and the command line alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from aimdesk.core.errors import MappingError
from aimdesk.core.ingest.countries import all_countries, country_key, normalise_country
from aimdesk.core.ingest.schemes import (SCHEME_CODES, SchemeMatch, normalise_scheme,
                                         normalise_scheme_text, scheme_label)

_country_key = lru_cache(maxsize=16384)(country_key)
_scheme_key = lru_cache(maxsize=4096)(normalise_scheme_text)
"""Every cell of a list is looked up: its key is worked out once per distinct text."""


@dataclass(frozen=True)
class ValueAliases:
    """Cell text → country code, and cell text → scheme code, keyed as the cells are read
    (`country_key`, `normalise_scheme_text`), so "FORMOSA" and "Formosa " are one alias."""

    countries: Mapping[str, str] = field(default_factory=dict)
    schemes: Mapping[str, str] = field(default_factory=dict)

    def country(self, text: str) -> str | None:
        """The country a cell names: the alias first, then AIMDesk's own reading."""
        found = self.countries.get(_country_key(text)) if self.countries else None
        return found or normalise_country(text)

    def scheme(self, text: str) -> SchemeMatch:
        """The scheme an audit-type cell names: the alias first, then the rules."""
        code = self.schemes.get(_scheme_key(text)) if self.schemes else None
        if code is None:
            return normalise_scheme(text)
        social = code != "NOT_SOCIAL"
        return SchemeMatch(code=code, label=scheme_label(code), is_social=social, needs_review=False)

    def merged(self, newer: ValueAliases) -> ValueAliases:
        """These aliases with `newer` ones winning."""
        return ValueAliases({**self.countries, **newer.countries}, {**self.schemes, **newer.schemes})

    def with_countries(self, mapping: Mapping[str, str]) -> ValueAliases:
        """Add cell text → country code aliases (codes checked)."""
        return ValueAliases({**self.countries, **country_aliases(mapping)}, self.schemes)

    def with_schemes(self, mapping: Mapping[str, str]) -> ValueAliases:
        """Add cell text → scheme code aliases (codes checked)."""
        return ValueAliases(self.countries, {**self.schemes, **scheme_aliases(mapping)})

NO_ALIASES = ValueAliases()


def parse_aliases(countries: list[str], schemes: list[str]) -> ValueAliases:
    """Read `--country-alias TEXT=CODE` and `--scheme-alias TEXT=CODE` options.

    Raises:
        MappingError: a malformed pair or an unknown code.
    """
    return NO_ALIASES.with_countries(_pairs(countries, "--country-alias \"Formosa=TW\"")).with_schemes(
        _pairs(schemes, "--scheme-alias \"Rainforest check=MEMBER_PROTOCOL\""))


def _pairs(pairs: list[str], example: str) -> dict[str, str]:
    found = {}
    for pair in pairs:
        text, sep, code = pair.rpartition("=")
        if not sep or not text.strip() or not code.strip():
            raise MappingError(f"'{pair}' is not TEXT=CODE (for example {example}).")
        found[text.strip()] = code.strip()
    return found


def country_aliases(mapping: Mapping[str, str]) -> dict[str, str]:
    """Cell text → country code, keyed for lookup.

    Raises:
        MappingError: a code is not an ISO 3166-1 alpha-2 code.
    """
    aliases = {}
    known = {known_code for known_code, _name in all_countries()}
    for text, code in mapping.items():
        code = code.strip().upper()
        if code not in known:
            raise MappingError(f"'{code}' is not a two-letter country code (ISO 3166-1), "
                               f"so '{text}' cannot be read as it.")
        key = country_key(text)
        if key:
            aliases[key] = code
    return aliases


def scheme_aliases(mapping: Mapping[str, str]) -> dict[str, str]:
    """Cell text → scheme code, keyed for lookup.

    Raises:
        MappingError: a code is not one of `SCHEME_CODES`.
    """
    aliases = {}
    for text, code in mapping.items():
        if code not in SCHEME_CODES:
            raise MappingError(f"'{code}' is not an audit scheme AIMDesk knows "
                               f"({', '.join(SCHEME_CODES)}), so '{text}' cannot be read as it.")
        key = normalise_scheme_text(text)
        if key:
            aliases[key] = code
    return aliases

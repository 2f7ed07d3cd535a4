"""Country cells to ISO 3166-1 alpha-2 codes, in any of the languages members write.

The index is built once from three read-only sources, strongest first:

1. `resources/country_aliases.json` (usage that ISO misses: "PRC", "UK", "Holland", "Burma");
2. pycountry's alpha-3 codes and English names (name, official name, common name);
3. pycountry's own gettext translations of those names (`TRANSLATION_LANGUAGES`).

A spelling claimed by two countries within one source is ambiguous and resolves to nothing.
Two-letter tokens are strict: only real alpha-2 codes (plus "UK" and "EL"); "NA" is a
placeholder ("not available"), not Namibia.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

import pycountry
from rapidfuzz import process
from rapidfuzz.distance import OSA

from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.resources import load_json

ALIASES_FILE = "country_aliases.json"
TRANSLATION_LANGUAGES: tuple[str, ...] = (
    "es", "pt", "pt_BR", "fr", "de", "it", "tr", "zh_CN", "zh_TW", "zh_HK", "vi", "th", "id",
    "nl", "pl", "ja", "ko", "ms",
)
STRICT_TWO_LETTER_EXTRAS: dict[str, str] = {"uk": "GB", "el": "GR"}
"""Two-letter tokens accepted besides real alpha-2 codes (EL: the EU's code for Greece)."""
_WORD_REPLACEMENTS: dict[str, str] = {
    "rep": "republic", "dem": "democratic", "st": "saint", "ste": "sainte",
    "is": "islands", "isl": "islands", "fed": "federal",
}
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 0.8
"""Similarity (optimal string alignment: typos, transpositions) a misspelt name needs."""
FUZZY_MARGIN = 0.06
"""A misspelt name must be this much closer to its country than to any other."""
PLACEHOLDERS = frozenset({"n/a", "n.a.", "n.a", "na", "n/d", "none", "nil", "null", "unknown", "tbc",
                          "tbd", "-", "--", "?", "0"})
"""Cells meaning "no value": bare "NA" is read as not-available, not as Namibia."""
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|（[^）]*）")
_PARTS = re.compile(r"\s[-–—]\s|[/|;,，、]")


def _words(text: str) -> list[str]:
    """Folded words of `text`: punctuation, symbols and spaces separate, '&' reads 'and'."""
    folded = fold_text(text.replace("&", " and "))
    spaced = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in folded)
    words = spaced.split()
    if len(words) > 1:
        words = [_WORD_REPLACEMENTS.get(word, word) for word in words]
        if words[0] == "the":
            words = words[1:]
    return words


def country_key(text: str) -> str:
    """The lookup key of a country spelling: folded words joined without spaces.

    Args:
        text: a country cell or a known spelling.

    Returns:
        For example `country_key("The Côte d'Ivoire")` -> `"cotedivoire"`.
    """
    return "".join(_words(text))


def _is_two_latin_letters(key: str) -> bool:
    return len(key) == 2 and key.isascii() and key.isalpha()


def _english_names(country: object) -> list[str]:
    return [name for attribute in ("name", "official_name", "common_name")
            if (name := getattr(country, attribute, None))]


def _variants(name: str) -> list[str]:
    """A name plus its un-inverted form ("Korea, Republic of" -> "Republic of Korea")."""
    variants = [name]
    if "," in name:
        head, _, tail = name.partition(",")
        variants.append(f"{tail.strip()} {head.strip()}")
    return variants


def _heads(name: str) -> list[str]:
    """Weak spellings: the part before a comma ("Bolivia, Plurinational State of" -> "Bolivia")."""
    head = name.partition(",")[0].strip()
    return [head] if "," in name and head else []


def _translations() -> list[gettext.NullTranslations]:
    return [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language],
                                fallback=True)
            for language in TRANSLATION_LANGUAGES]


def _add(level: dict[str, set[str]], names: Iterable[str], code: str) -> None:
    for name in names:
        key = country_key(name)
        if key and not _is_two_latin_letters(key):
            level[key].add(code)


@cache
def _index() -> tuple[dict[str, str], frozenset[str]]:
    """Build `(key -> alpha-2, ambiguous keys)` once from read-only data."""
    data = load_json(ALIASES_FILE)
    levels: list[dict[str, set[str]]] = [defaultdict(set) for _ in range(4)]
    aliases, english, translated, weak = levels
    for code, names in data["aliases"].items():
        _add(aliases, names, code)
    translations = _translations()
    for country in pycountry.countries:
        code = country.alpha_2
        _add(english, [country.alpha_3], code)
        for name in _english_names(country):
            _add(english, _variants(name), code)
            _add(weak, _heads(name), code)
            for translation in translations:
                local = translation.gettext(name)
                _add(translated, _variants(local), code)
                _add(weak, _heads(local), code)
    for code, name in data["extra_countries"].items():
        _add(english, [name], code)
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for level in levels:
        for key, codes in level.items():
            if key in index or key in ambiguous:
                continue
            if len(codes) == 1:
                index[key] = next(iter(codes))
            else:
                ambiguous.add(key)
    return index, frozenset(ambiguous)


@cache
def _two_letter_codes() -> dict[str, str]:
    codes = {country.alpha_2.lower(): country.alpha_2 for country in pycountry.countries}
    codes.update({code.lower(): code for code in load_json(ALIASES_FILE)["extra_countries"]})
    codes.update(STRICT_TWO_LETTER_EXTRAS)
    return codes


def _lookup_whole(text: str) -> str | None:
    key = country_key(text)
    if not key:
        return None
    if _is_two_latin_letters(key):
        return _two_letter_codes().get(key)
    index, _ambiguous = _index()
    if key in index:
        return index[key]
    bare = _BRACKETS.sub(" ", text)
    if bare != text:
        bare_key = country_key(bare)
        if _is_two_latin_letters(bare_key):
            return _two_letter_codes().get(bare_key)
        return index.get(bare_key)
    return None


@lru_cache(maxsize=16384)
def _normalise(text: str) -> str | None:
    found = _lookup_whole(text)
    if found or not _PARTS.search(text):
        return found
    parts = [part for part in _PARTS.split(text) if country_key(part)]
    codes = {_lookup_whole(part) for part in parts}
    if len(parts) > 1 and len(codes) == 1 and None not in codes:
        return codes.pop()
    return None


def _lookup_misspelt(text: str) -> str | None:
    """A typo of one country's name ("Mexcio", "Thaoland", "Pakstan"), when no other
    country's name is nearly as close ("Nigeri" could be Niger or Nigeria: None)."""
    key = country_key(text)
    if len(key) < FUZZY_MIN_LENGTH:
        return None
    index, _ambiguous = _index()
    best = process.extract(key, list(index), scorer=OSA.normalized_similarity,
                           score_cutoff=FUZZY_CUTOFF - FUZZY_MARGIN, limit=8)
    codes = [(index[name], score) for name, score, _ in best]
    if not codes or codes[0][1] < FUZZY_CUTOFF:
        return None
    rivals = [score for code, score in codes if code != codes[0][0]]
    if rivals and codes[0][1] - rivals[0] < FUZZY_MARGIN:
        return None
    return codes[0][0]


def normalise_country(text: object) -> str | None:
    """Read a country cell as an ISO 3166-1 alpha-2 code.

    Accepts alpha-2 and alpha-3 codes, English names (short, official, common), the names in
    pycountry's translations of the header languages, and the aliases file. Case, accents,
    punctuation, extra spaces, a leading "the" and a trailing "(…)" qualifier do not matter.
    A cell repeating one country ("CN - China") resolves; two countries resolve to None.

    Args:
        text: the cell value (non-text values give None).

    Returns:
        The alpha-2 code (e.g. "CN"), "XK" for Kosovo, or None when unknown or ambiguous.

    Example:
        `normalise_country("P.R. China")` -> `"CN"`; `normalise_country("Türkiye")` -> `"TR"`.
    """
    if not isinstance(text, str) or text.strip().casefold() in PLACEHOLDERS:
        return None
    return _normalise(text.strip()) or _misspelt(text.strip())


@lru_cache(maxsize=4096)
def _misspelt(text: str) -> str | None:
    return _lookup_misspelt(text)


def country_name(code: str) -> str:
    """The English common name of an alpha-2 code, for display.

    Args:
        code: an ISO 3166-1 alpha-2 code (any case), or "XK".

    Returns:
        "Vietnam", "South Korea", "Taiwan" …; the code itself when it is unknown.
    """
    data = load_json(ALIASES_FILE)
    upper = code.strip().upper()
    if upper in data["display_names"]:
        return str(data["display_names"][upper])
    if upper in data["extra_countries"]:
        return str(data["extra_countries"][upper])
    country = pycountry.countries.get(alpha_2=upper) if len(upper) == 2 else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@cache
def all_countries() -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, display name) of every country, by name: what a user may choose."""
    codes = {country.alpha_2 for country in pycountry.countries} | set(load_json(ALIASES_FILE)["extra_countries"])
    return tuple(sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1]))

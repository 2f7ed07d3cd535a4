"""Comparable forms of site names, addresses, cities and postal codes.

Every function here is pure and memoised (`functools.lru_cache`): a matching run calls
them once per record, and members repeat the same names and cities many times.
The vocabularies are data in `resources/`: legal forms (`legal_forms.json`), generic
name words and their weights (`name_words.json`), address abbreviations
(`address_words.json`) and city spellings (`city_aliases.json`).

Names, step by step (`normalise_name`):

1. NFKC and case folding. Words written in CJK or Thai script are looked up first, longest
   first: legal forms (有限公司, บริษัท, 株式会社 …) are removed and recorded; generic words
   are replaced by their canonical English word (服装 -> "garment", 厂 -> "factory").
2. What is left of each run of Han characters is transliterated into pinyin, one run at a
   time: a run that starts with a place and an administrative suffix (省 市 县 区 镇) gives
   the place as one token and drops the suffix (深圳市 -> "shenzhen"); the rest is cut
   into two-character words, each written as one token (旭日 -> "xuri"), a trailing odd
   character joining the last word (a three-character run is one token). Chinese place
   names and trade names are mostly two characters, and Latin spellings join their
   syllables ("Shenzhen", "Xinhua"), so 深圳市旭日服装有限公司 gives "shenzhen xuri garment"
   and meets "Shenzhen Sunrise Garment Co., Ltd." on "shenzhen" and "garment" (a
   translated trade name, Sunrise = 旭日, cannot be found this way).
3. Accents are folded and other scripts transliterated (anyascii); apostrophes are dropped
   ("Bao'an" -> "baoan"), dotted acronyms joined ("S.A." -> "sa"), "&" read as "and",
   runs of single letters joined ("S K Apparels" -> "sk apparels").
4. Legal forms are removed as whole words where their table allows (anywhere, or at the
   start or end of the name or of a bracketed or comma-separated part of it), repeatedly,
   so chains ("Tic. Ltd. Şti.") go too; a name made only of legal forms keeps its words.
5. Variants are mapped to one form (abbreviations, plurals of generic words, other
   languages' generic words: "mfg" -> "manufacturing", "garments" -> "garment",
   "fabrica" -> "factory", in Vietnam "may" -> "garment"); "No." before a number is
   dropped; numbers lose leading zeros.
6. Each token gets its weight from `name_words.json` (1.0 when not listed).

Addresses (`normalise_address`) follow the same script handling, expand abbreviations,
keep house, plot, unit and building numbers apart from words, and leave postal codes
written inside the address out of the numbers (they stay in `text`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import pycountry
from anyascii import anyascii

from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.matching.spelling import Speller
from aimdesk.core.resources import load_json

LEGAL_FORMS_FILE = "legal_forms.json"
NAME_WORDS_FILE = "name_words.json"
ADDRESS_WORDS_FILE = "address_words.json"
CITY_ALIASES_FILE = "city_aliases.json"
COUNTRY_ALIASES_FILE = "country_aliases.json"
CACHE_SIZE = 65536
DISTINCTIVE_WEIGHT = 1.0
GENERIC_BELOW = 0.5
"""Tokens weighing less than this are generic: `NameKey.core` leaves them out."""
EVERYWHERE = "*"
STREET_OR_SAINT = "st"
SAINT = "saint"
STREET = "street"
CITY_WORDS_MAX = 4
"""Longest run of address words compared with the record's city."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_NATIVE = re.compile(f"[{_HAN}\u0e00-\u0e7f\u3040-\u30ff\uac00-\ud7af]")
"""Scripts written without spaces between words: their vocabulary is matched as substrings."""
_CJK_NUMERALS = "一二三四五六七八九"
_CJK_PLANT = re.compile(f"第?([{_CJK_NUMERALS}十]{{1,3}})(?:分)?[厂廠]")
"""A plant number written in Chinese: 二厂 (plant 2), 第三分厂 (branch plant 3)."""
_THAI_SILENT = re.compile("[\u0e01-\u0e2e][\u0e31\u0e34-\u0e39]?\u0e4c")
"""A Thai letter under the silencing mark (thanthakhat) is not read: ศักดิ์ is "sak"."""
_APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")
_ACRONYM = re.compile(r"(?<![a-z0-9])((?:[a-z]\.)+[a-z]?)(?![a-z0-9])")
_SEGMENTS = re.compile(r"[()\[\]{},;]")
_WORDS = re.compile(r"[a-z0-9]+")
_ADDRESS_WORDS = re.compile(r"@\d+|[a-z0-9]+|,")
_PREFIXED_NUMBER = re.compile(r"([a-z]+)(\d[a-z0-9]*)")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_FLOOR_SLASH = re.compile(r"(\d+)\s*/\s*f\b")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_DIGIT = re.compile(r"\d")

Where = Literal["any", "start", "end", "edge"]
"""Where a legal form may stand: "any", "start", "end" or "edge" (start or end)."""


@dataclass(frozen=True, slots=True)
class NameKey:
    """The comparable form of a site name.

    `text` is transliterated, lower case, without punctuation or legal forms, words in the
    order found; `tokens` are its words and `weights` their distinctiveness (1.0, lower
    for generic words); `legal_form` is the canonical legal form removed ("co ltd",
    "san ve tic as", "" when none); `core` is `text` without generic words, or `text`
    itself when the name has nothing else.
    """

    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    legal_form: str
    core: str


@dataclass(frozen=True, slots=True)
class AddressKey:
    """The comparable form of an address.

    `text` has abbreviations expanded and numbers kept; `tokens` are its words without
    numbers, markers or noise words ("xinhua", "road"); `numbers` are the house, plot,
    unit and building numbers in order, without leading zeros ("12", "3a").
    """

    text: str
    tokens: tuple[str, ...]
    numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _LegalForm:
    words: tuple[str, ...]
    form: str
    where: Where


@dataclass(frozen=True, slots=True)
class _NameTables:
    legal: dict[str, tuple[_LegalForm, ...]]
    """first word -> legal forms starting with it, longest first"""
    native: dict[str, tuple[str, bool]]
    """CJK/Thai text -> (canonical legal form or word(s), is a legal form)"""
    native_pattern: re.Pattern[str] | None
    variants: dict[str, str]
    variant_starts: frozenset[str]
    """first words of the variants that have several words"""
    variant_length: int
    plurals: dict[str, str]
    weights: dict[str, float]
    place_suffixes: frozenset[str]
    number_markers: frozenset[str]
    speller: Speller


@dataclass(frozen=True, slots=True)
class _AddressTables:
    abbreviations: dict[str, str]
    abbreviation_starts: frozenset[str]
    abbreviation_length: int
    markers: frozenset[str]
    drop: frozenset[str]
    slash_pattern: re.Pattern[str]
    slash_forms: dict[str, str]
    native: dict[str, str]
    native_pattern: re.Pattern[str]
    postal_pattern: re.Pattern[str] | None
    number_prefixes: frozenset[str]
    """words written stuck to the number they introduce ("no12", "km25", "plot7")"""
    country_words: dict[str, tuple[tuple[str, ...], ...]]
    """last word -> word sequences naming the country that end with it, longest first"""


# --- shared text steps --------------------------------------------------------------


def _pinyin(han: str) -> str:
    """Han characters as joined lower-case syllables ("深圳" -> "shenzhen")."""
    return anyascii(han).lower()


def _pairs(run: str) -> list[str]:
    """Cut a Han run into two-character words; an odd last character joins the last word."""
    if len(run) <= 3:
        return [run]
    cuts = list(range(0, len(run) - 1, 2))
    if len(run) % 2:
        cuts.pop()
    return [run[start:next_start] for start, next_start in zip(cuts, [*cuts[1:], len(run)])]


def _to_ascii(text: str) -> str:
    """Fold accents and case, then transliterate what is still not ASCII."""
    folded = fold_text(text)
    return folded if folded.isascii() else anyascii(folded).lower()


def _words_of(part: str) -> list[str]:
    """Words of an ASCII text part: apostrophes dropped, acronyms and single letters joined."""
    part = _APOSTROPHES.sub("", part).replace("&", " and ")
    if "." in part:
        part = _ACRONYM.sub(lambda match: match.group(1).replace(".", ""), part)
    joined: list[str] = []
    in_letters = False
    for word in _WORDS.findall(part):
        if len(word) == 1 and word.isalpha():
            if in_letters:
                joined[-1] += word
                continue
            in_letters = True
        else:
            in_letters = False
        joined.append(word)
    return joined


def _without_leading_zeros(word: str) -> str:
    """'007' -> '7', '05a' -> '5a', '0' -> '0'; other words unchanged."""
    return _LEADING_ZEROS.sub("", word) if word[0] == "0" else word


def _native_pattern(keys: list[str]) -> re.Pattern[str] | None:
    """One alternation over native-script keys, longest first; None when there are none."""
    if not keys:
        return None
    ordered = sorted(set(keys), key=len, reverse=True)
    return re.compile("|".join(re.escape(key) for key in ordered))


def _key_words(text: str) -> list[str]:
    """The words a vocabulary spelling is compared by, normalised like names."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [word for part in _SEGMENTS.split(_to_ascii(folded)) for word in _words_of(part)]


def _country_tables(data: dict[str, Any], country: str | None) -> list[Any]:
    """The tables of a vocabulary that apply to `country`: '*' first, then the country's.

    Every country's table applies when `country` is None.
    """
    tables = [data.get(EVERYWHERE)]
    if country is None:
        tables += [value for key, value in data.items() if key not in (EVERYWHERE,)
                   and not key.startswith("_") and len(key) == 2]
    else:
        tables.append(data.get(country.upper()))
    return [table for table in tables if table]


# --- names ---------------------------------------------------------------------------


@cache
def _name_tables(country: str | None) -> _NameTables:
    """Build the legal-form and generic-word tables for one country from the read-only files."""
    words_data = load_json(NAME_WORDS_FILE)
    legal: dict[str, list[_LegalForm]] = {}
    native: dict[str, tuple[str, bool]] = {}
    for table in _country_tables(load_json(LEGAL_FORMS_FILE), country):
        for entry in table:
            for spelling in entry["spellings"]:
                if _NATIVE.search(spelling):
                    native.setdefault(unicodedata.normalize("NFKC", spelling).casefold(),
                                      (entry["form"], True))
                    continue
                words = tuple(_key_words(spelling))
                where = entry.get("where", "any") if len(words) == 1 else "any"  # "sociedad limitada" is never a name
                form = _LegalForm(words, entry["form"], where)
                if words and form not in legal.get(words[0], []):
                    legal.setdefault(words[0], []).append(form)
    for text, canonical in words_data["native"].items():
        native.setdefault(unicodedata.normalize("NFKC", text).casefold(), (canonical, False))
    variants: dict[str, str] = {}
    variant_tables = [words_data["variants"][EVERYWHERE]]
    if country and country.upper() in words_data["variants"]:
        variant_tables.append(words_data["variants"][country.upper()])
    for table in variant_tables:
        for spelling, canonical in table.items():
            variants[" ".join(_key_words(spelling))] = canonical
    weights = {word: float(weight) for word, weight in words_data["words"].items()}
    plurals: dict[str, str] = {}
    for word in weights:
        forms = [word + "s", word + "es"] + ([word[:-1] + "ies"] if word.endswith("y") else [])
        for form in forms:
            if form not in weights:
                plurals.setdefault(form, word)
    return _NameTables(
        legal={first: tuple(sorted(forms, key=lambda form: -len(form.words)))
               for first, forms in legal.items()},
        native=native,
        native_pattern=_native_pattern(list(native)),
        variants=variants,
        variant_starts=frozenset(key.split()[0] for key in variants if " " in key),
        variant_length=max((key.count(" ") + 1 for key in variants), default=1),
        plurals=plurals,
        weights=weights,
        place_suffixes=frozenset(words_data["cjk_place_suffixes"]),
        number_markers=frozenset(words_data["number_markers"]),
        speller=Speller({**{word: word for word in weights}, **{
            spelling: canonical for spelling, canonical in variants.items() if " " not in spelling}}),
    )


def _han_name_words(run: str, suffixes: frozenset[str]) -> str:
    """Pinyin tokens of a Han run in a name: leading places without their suffix, then pairs."""
    words: list[str] = []
    found_place = True
    while found_place:
        found_place = False
        for size in (2, 3):
            if len(run) > size and run[size] in suffixes:
                words.append(_pinyin(run[:size]))
                run = run[size + 1:]
                found_place = True
                break
    if run:
        words.extend(_pinyin(chunk) for chunk in _pairs(run))
    return " " + " ".join(words) + " "


def _allowed(where: Where, start: int, end: int, parts: list[int]) -> bool:
    """May a legal form spanning words[start:end] be removed, given the parts of the name?"""
    if where == "any":
        return True
    at_start = start == 0 or parts[start - 1] != parts[start]
    at_end = end == len(parts) or parts[end] != parts[end - 1]
    if where == "start":
        return at_start
    if where == "end":
        return at_end
    return at_start or at_end


def _remove_legal_forms(words: list[str], parts: list[int],
                        legal: dict[str, tuple[_LegalForm, ...]]) -> tuple[list[str], list[str]]:
    """Remove legal forms wherever their table allows, until none is left.

    Returns:
        The remaining words and the canonical forms removed, in the order of the name.
        A name made only of legal forms is returned whole, with no form.
    """
    positions = list(range(len(words)))
    found: list[tuple[int, str]] = []
    current, current_parts = words, parts
    changed = True
    while changed and current:
        changed = False
        kept: list[str] = []
        kept_parts: list[int] = []
        kept_positions: list[int] = []
        index = 0
        while index < len(current):
            for form in legal.get(current[index], ()):
                end = index + len(form.words)
                if (tuple(current[index:end]) == form.words
                        and _allowed(form.where, index, end, current_parts)):
                    found.append((positions[index], form.form))
                    index = end
                    changed = True
                    break
            else:
                kept.append(current[index])
                kept_parts.append(current_parts[index])
                kept_positions.append(positions[index])
                index += 1
        current, current_parts, positions = kept, kept_parts, kept_positions
    if not current:
        return words, []
    return current, [form for _, form in sorted(found)]


def _canonical_words(words: list[str], variants: dict[str, str], starts: frozenset[str],
                     longest: int, single: Callable[[str], str]) -> list[str]:
    """Replace variants (longest run of words first); other words go through `single`.

    Args:
        words: the words to read.
        variants: word or words (joined by one space) -> canonical word(s).
        starts: first words of the variants that have several words.
        longest: the most words a variant has.
        single: what becomes of a word that starts no variant.

    Returns:
        The canonical words, in order.
    """
    result: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word not in starts:
            canonical = variants.get(word)
            result.extend(canonical.split() if canonical is not None else (single(word),))
            index += 1
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            key = words[index] if size == 1 else " ".join(words[index:index + size])
            canonical = variants.get(key)
            if canonical is not None:
                result.extend(canonical.split())
                index += size
                break
        else:
            result.append(single(words[index]))
            index += 1
    return result


def _cjk_number(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _CJK_NUMERALS.index(numeral[-1]) + 1
    return ((_CJK_NUMERALS.index(tens) + 1 if tens else 1) * 10
            + (_CJK_NUMERALS.index(units) + 1 if units else 0))


def _cjk_plants(text: str) -> str:
    return _CJK_PLANT.sub(lambda match: f" plant {_cjk_number(match.group(1))} ", text)


def is_latin(text: str) -> bool:
    """No letter outside the Latin script (accents allowed)."""
    return text.isascii() or all(ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF
                                 for char in text if char.isalpha())


def is_latin_name(name: str, country: str | None = None) -> bool:
    """Is the name written in Latin letters, once the vocabulary's own words in other
    scripts are set aside? "Công ty Dệt Đại Phát分厂" is, "深圳伟新纺织" is not."""
    text = unicodedata.normalize("NFKC", name).casefold()
    if text.isascii():
        return True
    pattern = _name_tables(country.upper() if country else None).native_pattern
    text = _cjk_plants(text)
    return is_latin(pattern.sub(" ", text) if pattern is not None else text)


def _single_word(word: str, tables: _NameTables) -> str:
    """A word that starts no variant: its singular, or the vocabulary word it misspells."""
    return tables.plurals.get(word) or tables.speller.correct(word) or word


@lru_cache(maxsize=CACHE_SIZE)
def normalise_name(name: str, country: str | None = None) -> NameKey:
    """The comparable form of a site name.

    Args:
        name: the site name as a member wrote it, in any script.
        country: ISO 3166-1 alpha-2 code of the site; selects that country's legal forms
            and word variants. None applies every country's legal forms.

    Returns:
        A `NameKey`. For example "SUNRISE GARMENTS (SHENZHEN) CO LTD" gives
        `text="sunrise garment shenzhen"`, `legal_form="co ltd"`,
        weights (1.0, 0.3, 1.0) and `core="sunrise shenzhen"`.
    """
    tables = _name_tables(country.upper() if country else None)
    text = unicodedata.normalize("NFKC", name).casefold()
    native_forms: list[str] = []
    if not text.isascii():
        text = _THAI_SILENT.sub("", _cjk_plants(text))
        if tables.native_pattern is not None:
            def replace(match: re.Match[str]) -> str:
                canonical, is_legal = tables.native[match.group()]
                if is_legal:
                    native_forms.append(canonical)
                    return " "
                return f" {canonical} "
            text = tables.native_pattern.sub(replace, text)
        text = _HAN_RUN.sub(lambda match: _han_name_words(match.group(), tables.place_suffixes),
                            text)
        text = _to_ascii(text)
    else:
        text = fold_text(text)
    words: list[str] = []
    parts: list[int] = []
    for number, part in enumerate(_SEGMENTS.split(text)):
        part_words = _words_of(part)
        words += part_words
        parts += [number] * len(part_words)
    words, latin_forms = _remove_legal_forms(words, parts, tables.legal)
    words = _canonical_words(words, tables.variants, tables.variant_starts, tables.variant_length,
                             lambda word: _single_word(word, tables))
    tokens = [_without_leading_zeros(word) for position, word in enumerate(words)
              if not (word in tables.number_markers and position + 1 < len(words)
                      and words[position + 1][0].isdigit())]
    weights = tuple(tables.weights.get(token, DISTINCTIVE_WEIGHT) for token in tokens)
    text = " ".join(tokens)
    core = " ".join(token for token, weight in zip(tokens, weights) if weight >= GENERIC_BELOW)
    legal_form = " ".join(dict.fromkeys(native_forms + latin_forms))
    return NameKey(text=text, tokens=tuple(tokens), weights=weights, legal_form=legal_form,
                   core=core or text)


# --- postal codes --------------------------------------------------------------------

POSTAL_DIGITS: dict[str, tuple[int, ...]] = {
    "CN": (6,), "IN": (6,), "US": (5,), "BR": (8,), "TR": (5,), "DE": (5,), "FR": (5,),
    "ES": (5,), "IT": (5,), "MX": (5,), "VN": (5, 6), "TH": (5,), "ID": (5,), "MY": (5,),
    "PK": (5,), "BD": (4,), "PL": (5,), "KH": (5, 6), "LK": (5,), "MM": (5,), "KR": (5,),
    "JP": (7,), "PH": (4,), "EG": (5,), "MA": (5,), "TN": (4,), "KE": (5,), "ET": (4,),
    "RO": (6,), "RU": (6,), "UA": (5,), "BG": (4,), "HU": (4,), "CZ": (5,), "SK": (5,),
    "AT": (4,), "CH": (4,), "BE": (4,), "DK": (4,), "NO": (4,), "SE": (5,), "FI": (5,),
    "GR": (5,), "HR": (5,), "RS": (5,), "TW": (3, 5, 6), "AU": (4,), "ZA": (4,), "CO": (6,),
    "PE": (5,), "GT": (5,), "HN": (5,), "NI": (5,), "DO": (5,), "JO": (5,), "MU": (5,),
}
"""Countries whose postal codes are only digits, with the lengths in use."""
POSTAL_PADDED = frozenset({"US", "DE", "FR", "ES", "IT", "MX", "TR", "MY", "BR", "KR", "PL",
                           "FI"})
"""Countries with codes that start with 0: a code one digit short lost it in a spreadsheet."""
POSTAL_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "GB": (re.compile(r"([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})"), r"\1\2"),
    "PT": (re.compile(r"(\d{4})(\d{3})"), r"\1-\2"),
    "NL": (re.compile(r"(\d{4})([A-Z]{2})"), r"\1\2"),
    "CA": (re.compile(r"([A-Z]\d[A-Z])(\d[A-Z]\d)"), r"\1\2"),
}
"""Countries whose codes mix letters and digits (spaces and hyphens removed first)."""
_POSTAL_LABEL = re.compile(
    r"^(?:pin\s*code|pin|zip\s*code|zip|postal\s*code|post\s*code|postcode|cep|c\.?p\.?|plz|kod)"
    r"\s*[:.#-]?\s*", re.IGNORECASE)
_POSTAL_SEPARATORS = re.compile(r"[\s.\-/]+")
_GENERIC_POSTAL = re.compile(r"[A-Z0-9]{3,10}")


@lru_cache(maxsize=CACHE_SIZE)
def normalise_postal_code(text: str, country: str | None) -> str | None:
    """A postal code in its country's canonical form, or None when it does not fit.

    Args:
        text: the postal-code cell ("641 604", "PIN: 641604", "12345-6789", "sw1a 1aa").
        country: ISO 3166-1 alpha-2 code; None accepts any 3-10 letters and digits with
            at least one digit.

    Returns:
        Digits only for digit countries (CN "518000", IN "641604", US five digits,
        BR eight); GB outward and inward codes upper case without a space ("SW1A1AA");
        PT "4700-123". A code one digit short in a country whose codes may start with 0
        gets its 0 back (ES "8001" -> "08001"). None for placeholders ("N/A", "000000"),
        wrong lengths and letters where digits are expected.
    """
    cleaned = _POSTAL_LABEL.sub("", unicodedata.normalize("NFKC", text).strip())
    if cleaned.endswith(".0") and cleaned[:-2].isdigit():
        cleaned = cleaned[:-2]  # a number cell read as a float
    cleaned = _POSTAL_SEPARATORS.sub("", cleaned).upper()
    if not cleaned or not any(char.isdigit() for char in cleaned) or not cleaned.strip("0"):
        return None
    code = country.upper() if country else None
    if code in POSTAL_PATTERNS:
        pattern, canonical = POSTAL_PATTERNS[code]
        match = pattern.fullmatch(cleaned)
        return match.expand(canonical) if match else None
    lengths = POSTAL_DIGITS.get(code or "")
    if lengths is None:
        return cleaned if _GENERIC_POSTAL.fullmatch(cleaned) else None
    if not cleaned.isdigit():
        return None
    if code == "US" and len(cleaned) == 9:
        cleaned = cleaned[:5]  # ZIP+4
    if code in POSTAL_PADDED and len(cleaned) + 1 in lengths:
        cleaned = "0" + cleaned
    return cleaned if len(cleaned) in lengths else None


def _postal_in_address_pattern(country: str | None) -> re.Pattern[str] | None:
    """What a postal code of `country` looks like inside a folded address, if anything."""
    if country is None:
        return None
    if country == "GB":
        return re.compile(r"\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b")
    special = {
        "IN": r"(?<![\d@])\d{3} \d{3}(?=\s*(?:,|$))|(?<![\d@])\d{6}(?!\d)",
        "US": r"(?<![\d@])\d{5}(?:-\d{4})?(?!\d)",
        "BR": r"(?<![\d@])\d{5}-?\d{3}(?!\d)",
        "PT": r"(?<![\d@])\d{4}-\d{3}(?!\d)",
        "PL": r"(?<![\d@])\d{2}-\d{3}(?!\d)",
        "JP": r"(?<![\d@])\d{3}-?\d{4}(?!\d)",
        "BD": r"(?<=[a-z])\s*-\s*\d{4}(?!\d)",
    }
    if country in special:
        return re.compile(special[country])
    lengths = [length for length in POSTAL_DIGITS.get(country, ()) if length >= 5]
    if not lengths:
        return None
    alternatives = "|".join(rf"\d{{{length}}}" for length in sorted(lengths, reverse=True))
    return re.compile(rf"(?<![\d@])(?:{alternatives})(?!\d)")


# --- addresses -----------------------------------------------------------------------


def _country_words(country: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word sequences naming `country` (names, aliases, code) by last word, longest first."""
    spellings = [country]
    found = pycountry.countries.get(alpha_2=country)
    if found is not None:
        spellings += [getattr(found, attribute, "") for attribute in
                      ("name", "common_name", "official_name")]
    aliases = load_json(COUNTRY_ALIASES_FILE)
    spellings += list(aliases.get("aliases", {}).get(country, []))
    spellings.append(aliases.get("display_names", {}).get(country, ""))
    sequences = {tuple(_key_words(spelling)) for spelling in spellings if spelling}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(sequences, key=len, reverse=True):
        if 0 < len(words) <= 4:
            by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in by_last.items()}


@cache
def _address_tables(country: str | None) -> _AddressTables:
    """Build the address vocabulary for one country from the read-only files."""
    data = load_json(ADDRESS_WORDS_FILE)
    abbreviations: dict[str, str] = {}
    tables = [data["abbreviations"][EVERYWHERE]]
    if country and country in data["abbreviations"]:
        tables.append(data["abbreviations"][country])
    for table in tables:
        for spelling, canonical in table.items():
            abbreviations[" ".join(_key_words(spelling))] = canonical
    native = {unicodedata.normalize("NFC", key).casefold(): value
              for key, value in data["native"].items()}
    script = [key for key in native if _NATIVE.search(key)]
    latin = [key for key in native if not _NATIVE.search(key)]
    alternatives = [re.escape(key) for key in sorted(script, key=len, reverse=True)]
    alternatives += [rf"(?<!\w){re.escape(key)}(?!\w)"
                     for key in sorted(latin, key=len, reverse=True)]
    slash_forms = dict(data["slash_forms"])
    return _AddressTables(
        abbreviations=abbreviations,
        abbreviation_starts=frozenset(key.split()[0] for key in abbreviations if " " in key),
        abbreviation_length=max(key.count(" ") + 1 for key in abbreviations),
        markers=frozenset(data["markers"]),
        drop=frozenset(data["drop"]),
        slash_pattern=re.compile("|".join(rf"(?<![a-z]){re.escape(key)}"
                                          for key in sorted(slash_forms, key=len, reverse=True))),
        slash_forms=slash_forms,
        native=native,
        native_pattern=re.compile("|".join(alternatives)),
        postal_pattern=_postal_in_address_pattern(country),
        number_prefixes=frozenset(data["number_prefixes"]) | frozenset(data["markers"])
        | frozenset(abbreviations),
        country_words=_country_words(country) if country else {},
    )


def _is_number(word: str) -> bool:
    return _DIGIT.search(word) is not None


def _split_prefixed(words: list[str], tables: _AddressTables) -> list[str]:
    """'no12' -> 'no', '12'; '3rd' -> '3'; other words unchanged."""
    result: list[str] = []
    for word in words:
        if word.isalpha():
            result.append(word)
        elif word[0].isdigit():
            ordinal = _ORDINAL.fullmatch(word)
            result.append(ordinal.group(1) if ordinal else word)
        elif ((match := _PREFIXED_NUMBER.fullmatch(word))
              and match.group(1) in tables.number_prefixes):
            result += [match.group(1), match.group(2)]
        else:
            result.append(word)
    return result


def _street_or_saint(words: list[str], index: int) -> str:
    """'St' before a name at the start of a part is Saint ("St. Mary Road"); else Street."""
    before = words[index - 1] if index else ","
    after = words[index + 1] if index + 1 < len(words) else ","
    starts_part = before == "," or _is_number(before)
    return SAINT if starts_part and after != "," and not _is_number(after) else STREET


def _remove_trailing(words: list[str],
                     sequences: dict[str, tuple[tuple[str, ...], ...]]) -> list[str]:
    """Remove the word sequences (a country's names) from the end, while words remain."""
    changed = True
    while changed and words:
        changed = False
        for sequence in sequences.get(words[-1], ()):
            if len(words) > len(sequence) and tuple(words[-len(sequence):]) == sequence:
                words = words[:-len(sequence)]
                changed = True
    return words


@lru_cache(maxsize=CACHE_SIZE)
def _city_spellings(city: str, country: str | None,
                    drop: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Word runs naming `city` in an address (as written, canonical, known aliases).

    Returns:
        The runs (words joined by one space) and their first words.
    """
    canonical = normalise_city(city, country)
    if not canonical:
        return frozenset(), frozenset()
    tables = _city_tables(country)
    runs = {canonical, " ".join(word for word in _key_words(city) if word not in drop),
            " ".join(word for word in canonical.split() if word not in drop)}
    runs |= tables.spellings.get(canonical, frozenset())
    runs.discard("")
    return frozenset(runs), frozenset(run.split()[0] for run in runs)


def _remove_city(words: list[str], city: str, country: str | None,
                 drop: frozenset[str]) -> list[str]:
    """Leave out runs of words that name the record's city, in any known spelling."""
    runs, starts = _city_spellings(city, country, drop)
    if not runs:
        return words
    result: list[str] = []
    index = 0
    while index < len(words):
        if words[index] in starts:
            for size in range(min(CITY_WORDS_MAX, len(words) - index), 0, -1):
                if " ".join(words[index:index + size]) in runs:
                    index += size
                    break
            else:
                result.append(words[index])
                index += 1
        else:
            result.append(words[index])
            index += 1
    return result


@lru_cache(maxsize=CACHE_SIZE)
def normalise_address(address: str, city: str = "", country: str | None = None) -> AddressKey:
    """The comparable form of an address.

    Args:
        address: the street address as a member wrote it, in any script.
        city: the record's city; its name is left out of the address words, so an
            address that repeats the city compares equal to one that does not.
        country: ISO 3166-1 alpha-2 code; selects that country's abbreviations ("P." is
            a ward in Vietnam) and how its postal codes look, and lets a trailing country
            name be dropped.

    Returns:
        An `AddressKey`. "No. 12, Lane 5, Xinhua Road" gives numbers ("12", "5") and
        tokens ("lane", "xinhua", "road"); "#12 Xinhua Rd" gives numbers ("12",) and
        tokens ("xinhua", "road"); 新华路12号 gives the same. Postal codes found in the
        address stay in `text` but not in `numbers`.
    """
    code = country.upper() if country else None
    tables = _address_tables(code)
    text = unicodedata.normalize("NFKC", address).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = tables.native_pattern.sub(lambda match: f" {tables.native[match.group()]} ", text)
        text = _HAN_RUN.sub(lambda match: " " + " ".join(_pinyin(chunk)
                                                         for chunk in _pairs(match.group())) + " ",
                            text)
    text = _to_ascii(text).replace("@", " ")
    if "/" in text:
        text = _FLOOR_SLASH.sub(r"\1 floor ", text)
    if any(key in text for key in tables.slash_forms):
        text = tables.slash_pattern.sub(lambda match: tables.slash_forms[match.group()], text)
    postal_codes: list[str] = []
    if tables.postal_pattern is not None and _DIGIT.search(text):
        def hold(match: re.Match[str]) -> str:
            if not text[:match.start()].strip(" ,.-"):
                return match.group()  # the first thing in the address: a house number
            written = match.group()
            postal_codes.append((normalise_postal_code(written, code)
                                 or "".join(_WORDS.findall(written))).lower())
            return f" @{len(postal_codes) - 1} "
        text = tables.postal_pattern.sub(hold, text)
    text = _APOSTROPHES.sub("", text)
    if "." in text:
        text = _ACRONYM.sub(lambda match: match.group(1).replace(".", ""), text)
    raw = _split_prefixed(_ADDRESS_WORDS.findall(text), tables)
    for index, word in enumerate(raw):
        if word == STREET_OR_SAINT:
            raw[index] = _street_or_saint(raw, index)
    words = _canonical_words(raw, tables.abbreviations, tables.abbreviation_starts,
                             tables.abbreviation_length, lambda word: word)
    words = [word for word in words if word != "," and word not in tables.markers
             and word not in tables.drop]
    if city:
        words = _remove_city(words, city, code, tables.drop)
    words = _remove_trailing(words, tables.country_words)
    items: list[str] = []
    tokens: list[str] = []
    numbers: list[str] = []
    for word in words:
        if word.startswith("@"):
            items.append(postal_codes[int(word[1:])])
        elif _is_number(word):
            number = _without_leading_zeros(word)
            numbers.append(number)
            items.append(number)
        else:
            tokens.append(word)
            items.append(word)
    return AddressKey(text=" ".join(items), tokens=tuple(tokens), numbers=tuple(numbers))


# --- cities --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CityTables:
    aliases: dict[str, str]
    spellings: dict[str, frozenset[str]]
    """canonical city -> every key that names it"""
    noise: tuple[tuple[str, ...], ...]
    suffixes: frozenset[str]


def _city_key(text: str, suffixes: frozenset[str]) -> str:
    """Folded, transliterated words of a city, Han admin suffixes dropped (深圳市 -> shenzhen)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = _HAN_RUN.sub(lambda match: " " + _han_city(match.group(), suffixes) + " ", folded)
    return " ".join(_key_words(folded))


def _han_city(run: str, suffixes: frozenset[str]) -> str:
    """The city of a Han run: the part before 市 if any, else the first part (省/区 dropped)."""
    parts = re.findall(f"([^{''.join(suffixes)}]+)([{''.join(suffixes)}]?)", run)
    if not parts:
        return ""
    chosen = next((part for part, suffix in parts if suffix == "市"), parts[0][0])
    return _pinyin(chosen)


@cache
def _city_tables(country: str | None) -> _CityTables:
    """Build the city alias index for one country from the read-only file."""
    data = load_json(CITY_ALIASES_FILE)
    suffixes = frozenset(load_json(NAME_WORDS_FILE)["cjk_place_suffixes"])
    aliases: dict[str, str] = {}
    for table in _country_tables(data["aliases"], country):
        for canonical, spellings in table.items():
            for spelling in [canonical, *spellings]:
                aliases.setdefault(_city_key(spelling, suffixes), canonical)
    noise = {tuple(_key_words(word)) for word in data["noise"]}
    keys_of: dict[str, set[str]] = {}
    for key, canonical in aliases.items():
        keys_of.setdefault(canonical, set()).add(key)
    return _CityTables(aliases=aliases, suffixes=suffixes,
                       spellings={city: frozenset(keys) for city, keys in keys_of.items()},
                       noise=tuple(sorted(noise, key=len, reverse=True)))


def _strip_noise(words: list[str], noise: tuple[tuple[str, ...], ...]) -> list[str]:
    """Drop noise words from both ends while something else is left."""
    changed = True
    while changed:
        changed = False
        for sequence in noise:
            size = len(sequence)
            if len(words) > size and tuple(words[:size]) == sequence:
                words, changed = words[size:], True
            elif len(words) > size and tuple(words[-size:]) == sequence:
                words, changed = words[:-size], True
    return words


@lru_cache(maxsize=CACHE_SIZE)
def normalise_city(text: str, country: str | None = None) -> str:
    """The comparable form of a city.

    Args:
        text: the city cell, in any script ("TP. Hồ Chí Minh", "深圳市", "Bangalore").
        country: ISO 3166-1 alpha-2 code; selects country-specific spellings ("Canton"
            is Guangzhou only in China). None applies every table.

    Returns:
        The canonical spelling of a known city ("ho chi minh city", "bengaluru"), or the
        folded, transliterated words without noise words at either end ("Shenzhen City"
        -> "shenzhen", "Osaka-shi" -> "osaka"); "" for an empty cell. For "City, Province"
        the first part is kept unless another part is a known city.
    """
    tables = _city_tables(country.upper() if country else None)
    whole = _city_key(text, tables.suffixes)
    if whole in tables.aliases:
        return tables.aliases[whole]
    parts = [_city_key(part, tables.suffixes) for part in re.split(r"[,;/|]", text)]
    parts = [part for part in parts if part]
    for part in parts:
        if part in tables.aliases:
            return tables.aliases[part]
    if not parts:
        return ""
    stripped = " ".join(_strip_noise(parts[0].split(), tables.noise))
    return tables.aliases.get(stripped, stripped)

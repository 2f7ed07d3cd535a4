"""Comparison levels: how two records agree on each field, from strong agreement down to
clear disagreement. A level is an index into its field's `levels`; NULL (-1) when either
side has nothing to compare (a missing value is neither evidence for nor against)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel

from aimdesk.core.matching.features import SiteRecord

NULL = -1
SAME_WORD = 0.85
"""Two name words this similar (Indel) count as one word spelt differently."""
MIN_TYPO_WORD = 4
"""Words this long may differ by one letter (typed, dropped, swapped) and still be one word."""
MIN_ABBREVIATION = 3
"""An abbreviation must keep this many letters of its word ("fty" for "factory")."""
NAME_VERY_SIMILAR, NAME_SIMILAR, NAME_SOMEWHAT = 0.92, 0.80, 0.60
NAME_CONTAINED = 0.95
"""Share of the shorter name's distinctive weight found in the other: "Ansheng Garment"
within "Quanzhou Ansheng Garment"."""
ADDRESS_SIMILAR = 0.80
STREET_NAME_WEIGHT = 0.4
"""An address word this rare names a street, not a kind of street ("road" weighs less)."""
CITY_SAME = 0.90
MIN_CITY_PART = 4
"""A city name this long found inside the other ("Adana" in "Adana Merkez") is the same city."""
POSTAL_AREA = 3
"""Leading characters of a postal code that name its area (same district, other street)."""


@dataclass(frozen=True, slots=True)
class Level:
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    levels: tuple[Level, ...]


FIELDS: tuple[Field, ...] = (
    Field("sedex", "Sedex id", (
        Level("same site id", "both carry the same Sedex site reference (ZS)"),
        Level("same company id", "both carry the same Sedex company reference (ZC)"),
        Level("different site ids", "their Sedex site references (ZS) differ"),
    )),
    Field("name", "Site name", (
        Level("same", "the names are the same once legal forms, spelling and word order are set aside"),
        Level("very similar", "the names differ by a letter or a word"),
        Level("one within the other", "every distinctive word of one name is in the other"),
        Level("similar", "the names share most of their distinctive words"),
        Level("somewhat similar", "the names share some distinctive words"),
        Level("different", "the names have little in common"),
        Level("other script", "one name is in another script (Chinese, Thai …) and reads differently"),
        Level("different unit numbers", "the names carry different plant or unit numbers"),
        Level("other script, same reading", "one name is in another script and reads like the other"),
    )),
    Field("location", "Location", (
        Level("same address and postal code", "the same street, numbers and postal code"),
        Level("same address", "the same street and numbers, in the same place"),
        Level("same numbers and postal code", "the same numbers and postal code, the street written differently"),
        Level("same numbers", "the same house or plot numbers, the street written differently"),
        Level("similar street", "similar street words, no numbers to compare"),
        Level("same postal code", "the same postal code, addresses not comparable"),
        Level("same postal area", "postal codes of the same area, addresses not comparable"),
        Level("same city", "the same city, addresses not comparable"),
        Level("same area, other address", "the same city or postal area but different addresses"),
        Level("different addresses", "the addresses have little in common"),
        Level("different numbers", "the same street with different house or plot numbers"),
        Level("different places", "different cities or postal areas"),
        Level("same numbers, other script", "the same numbers; one address is in another script"),
    )),
    Field("country", "Country", (
        Level("same", "the same country"),
        Level("different", "different countries"),
    )),
    Field("member", "Sent by", (
        Level("the same member", "one member listed both (a member rarely lists a site twice)"),
        Level("different members", "two members listed them"),
    )),
)
FIELD_INDEX = {field.name: index for index, field in enumerate(FIELDS)}

Vector = tuple[int, ...]


def compare(left: SiteRecord, right: SiteRecord) -> Vector:
    """The level reached on each field of `FIELDS`, in order."""
    names = name_level(left, right)
    return (
        _sedex(left, right),
        _cross_script(names) if left.is_latin != right.is_latin else names,
        _cross_script_address(
            location_level(address_level(left, right), _city(left.city, right.city),
                           _postal(left.postal, right.postal)),
            left.address_is_latin != right.address_is_latin),
        NULL if not (left.country and right.country) else int(left.country != right.country),
        int(left.member_id != right.member_id),
    )


SAME_NUMBERS_OTHER_SCRIPT = 12


def _cross_script_address(level: int, scripts_differ: bool) -> int:
    """Numbers that agree while the streets cannot be compared (Chinese against pinyin)."""
    return SAME_NUMBERS_OTHER_SCRIPT if scripts_differ and level in (2, 3) else level


OTHER_SCRIPT = 6
SAME_READING = 8
SCRIPT_LEVELS: dict[int, frozenset[int]] = {FIELD_INDEX["name"]: frozenset({OTHER_SCRIPT, SAME_READING})}
"""Per field, the levels reached exactly when the two sides are written in different scripts."""


def _cross_script(level: int) -> int:
    """A Chinese name and a Latin one: their transliteration often reads alike (pinyin
    brand names); when it does not, the name may be translated, so it says little."""
    return SAME_READING if 0 <= level <= 3 else OTHER_SCRIPT


def location_level(address: int, city: int, postal: int) -> int:
    """Address, city and postal code read together as one piece of evidence: they say the
    same thing (where the site is), so counting them apart would count it three times."""
    if address == 3:
        return 10
    if (city == 1 and postal != 0) or (postal == 2 and city != 0):
        return 11
    if address in (0, 1):
        return 2 * address + (0 if postal == 0 else 1)
    if address == 2:
        return 4
    if postal in (0, 1):
        return 5 + postal
    if city == 0:
        return 8 if address == 4 else 7
    if address == 4:
        return 9
    return NULL


def _sedex(left: SiteRecord, right: SiteRecord) -> int:
    if left.sedex_site and right.sedex_site:
        return 0 if left.sedex_site == right.sedex_site else 2
    if left.sedex_company and right.sedex_company and left.sedex_company == right.sedex_company:
        return 1
    return NULL


def name_level(left: SiteRecord, right: SiteRecord) -> int:
    a, b = left.name_view, right.name_view
    assert a is not None and b is not None
    if not left.name.text or not right.name.text:
        return NULL
    if a.units and b.units and a.units != b.units:
        return DIFFERENT_UNITS
    if a.sorted_core == b.sorted_core:
        return 0
    shared, lighter_a, lighter_b = word_overlap(a.words, b.words)
    total_a, total_b = a.total - lighter_a, b.total - lighter_b
    union = total_a + total_b - shared
    similarity = max(shared / union if union else 0.0, _spelling_similarity(a.core, b.core))
    smaller = min(total_a, total_b)
    containment = shared / smaller if smaller else 0.0
    if similarity >= NAME_VERY_SIMILAR:
        return 1
    if containment >= NAME_CONTAINED:
        return 2
    if similarity >= NAME_SIMILAR:
        return 3
    if similarity >= NAME_SOMEWHAT or containment >= NAME_SOMEWHAT:
        return 4
    return 5


DIFFERENT_UNITS = 7


def _spelling_similarity(a: str, b: str) -> float:
    """How alike two names are spelt, once the words they share are set aside: "sun rise"
    and "sunrise" are alike, but "shenzhen hongcheng" and "shenzhen kangfeng" are not,
    however long the city name they share."""
    left, right = a.split(), b.split()
    shared = set(left) & set(right)
    if shared:
        left = [word for word in left if word not in shared]
        right = [word for word in right if word not in shared]
        if not left or not right:
            return 0.0
    return Indel.normalized_similarity(" ".join(left), " ".join(right))


def shared_weight(a: dict[str, float], b: dict[str, float]) -> float:
    """Weight of the words two bags share (see `word_overlap`)."""
    return word_overlap(a, b)[0]


def word_overlap(a: dict[str, float], b: dict[str, float]) -> tuple[float, float, float]:
    """Weight of the words two bags share — the same word, then a misspelt or abbreviated
    one (each word used once) — and how much lighter each bag becomes when a misspelt word
    weighs what the word it stands for weighs: "dongguai" is rare only because it is
    misspelt, so it counts as "dongguan" does, on both sides."""
    shared = lighter_a = lighter_b = 0.0
    left_over = []
    for word, weight in a.items():
        other = b.get(word)
        if other is None:
            left_over.append((word, weight))
        else:
            shared += min(weight, other)
    if not left_over:
        return shared, 0.0, 0.0
    right_over = {w: x for w, x in b.items() if w not in a}
    for word, weight in left_over:
        if not right_over:
            break
        found = process.extractOne(word, list(right_over), scorer=Indel.normalized_similarity,
                                   score_cutoff=SAME_WORD)
        other = found[0] if found else _typo_or_abbreviation(word, right_over)
        if other is not None:
            other_weight = right_over.pop(other)
            shared += min(weight, other_weight)
            lighter_a += max(weight - other_weight, 0.0)
            lighter_b += max(other_weight - weight, 0.0)
    return shared, lighter_a, lighter_b


def _typo_or_abbreviation(word: str, others: dict[str, float]) -> str | None:
    """The first of `others` that is `word` with one typo, or an abbreviation of it (or
    the other way round); cheap length tests first, this runs for millions of pairs."""
    size = len(word)
    for other in others:
        if word[0] != other[0]:
            continue
        gap = len(other) - size
        if (-1 <= gap <= 1 and min(size, len(other)) >= MIN_TYPO_WORD
                and OSA.distance(word, other, score_cutoff=1) <= 1):
            return other
        if gap and min(size, len(other)) >= MIN_ABBREVIATION and abs(gap) >= 2:
            short, long = (word, other) if gap > 0 else (other, word)
            if _in_order(short, long):
                return other
    return None


def _in_order(short: str, long: str) -> bool:
    """Every letter of `short` appears in `long`, in the same order."""
    letters = iter(long)
    return all(char in letters for char in short)


def address_level(left: SiteRecord, right: SiteRecord) -> int:
    if not left.address.text or not right.address.text:
        return NULL
    if left.numbers and right.numbers:
        if not (left.numbers <= right.numbers or right.numbers <= left.numbers):
            return 3  # different numbers, whatever the streets (most candidate pairs)
        if _share_street_name(left, right) or _street_similarity(left, right) >= ADDRESS_SIMILAR:
            return 0
        return 1
    return 2 if _street_similarity(left, right) >= ADDRESS_SIMILAR else 4


def _street_similarity(left: SiteRecord, right: SiteRecord) -> float:
    """How much of the shorter address's words (weighted by rarity) the other has, or
    their token-set ratio: "Xinhua Rd, Shanghai" against "No.38 Xinhua Road, Songjiang"."""
    ratio = fuzz.token_set_ratio(left.streets, right.streets) / 100
    if ratio >= ADDRESS_SIMILAR:
        return ratio
    places = left.places | right.places
    a = {w: x for w, x in (left.street_words or {}).items() if w not in places}
    b = {w: x for w, x in (right.street_words or {}).items() if w not in places}
    smaller = min(sum(a.values()), sum(b.values()))
    return max(ratio, shared_weight(a, b) / smaller) if smaller else ratio


def _share_street_name(left: SiteRecord, right: SiteRecord) -> bool:
    """Both addresses name the same street: a distinctive address word, not a place
    ("Xinhua" in "No. 38 Xinhua Rd, Shanghai" and "No.38 Xinhua Road, Songjiang")."""
    places = left.places | right.places
    a, b = left.street_words or {}, right.street_words or {}
    return any(weight >= STREET_NAME_WEIGHT and word not in places and word in b
               for word, weight in a.items())


def _city(left: str, right: str) -> int:
    """Same city: equal once spaces go ("Gan Zhou"), one within the other ("Tangerang
    Selatan"), or a typo apart ("Shenzehn")."""
    if not left or not right:
        return NULL
    a, b = left.replace(" ", ""), right.replace(" ", "")
    if a == b or (min(len(a), len(b)) >= MIN_CITY_PART and (a in b or b in a)):
        return 0
    if OSA.distance(a, b) <= 1 or Indel.normalized_similarity(a, b) >= CITY_SAME:
        return 0
    return 1


def _postal(left: str | None, right: str | None) -> int:
    if not left or not right:
        return NULL
    if left == right:
        return 0
    return 1 if left[:POSTAL_AREA] == right[:POSTAL_AREA] else 2

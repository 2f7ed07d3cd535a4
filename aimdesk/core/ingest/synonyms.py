"""Header synonyms: which canonical field a column header probably means.

The vocabulary lives in `resources/header_synonyms.json` (header texts members write, in
many languages, strongest first). An entry is a text (weight 1.0) or `[text, weight]` for
ambiguous words such as "Supplier name" or "Company".

A header is scored against the vocabulary in three ways, best one wins per field:

* exact match of the normalised texts: the synonym's weight;
* the header contains a synonym: `CONTAINS_FACTOR * weight`, scaled down (to at least
  `COVERAGE_FLOOR` of it) when the synonym covers less than `FULL_COVERAGE` of the header;
  short Latin synonyms must be whole words ("cap" is not found in "capacity");
* fuzzy match (rapidfuzz ratio >= `FUZZY_CUTOFF`): `FUZZY_FACTOR * weight`.

Site words ("factory", "fournisseur") qualify other fields ("Factory address"), so a
`site_name` containment score is halved when another field also matched.

Notes in brackets ("Audit date (dd/mm/yyyy)", "Zakład (lokalizacja)") do not dilute a
header: it also scores without them, at `NOTE_FACTOR` of that score, unless the brackets
themselves name another field ("Supplier (Sedex ID)"). Party words with an id word
("Supplier No") name the member's reference; owner words ("Parent company", "Holding",
"Grupa") name the company above the site, so they pull `site_name` down to
`OWNER_FACTOR` of its score.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from aimdesk.core.resources import load_json

SYNONYMS_FILE = "header_synonyms.json"
CONTAINS_FACTOR = 0.8
FULL_COVERAGE = 0.8
COVERAGE_FLOOR = 0.25
"""A contained synonym keeps this share of its score however little of the header it covers."""
FUZZY_FACTOR = 0.7
FUZZY_CUTOFF = 90.0
QUALIFIER_FIELD = "site_name"
QUALIFIER_DAMPING = 0.5
MIN_CONTAINED_LATIN = 3
MIN_CONTAINED_CJK = 2
WHOLE_WORD_BELOW = 6
"""Latin synonyms shorter than this must match whole words ("cap" is not in "capacity")."""
ID_WORDS = frozenset({
    "id", "code", "cod", "codigo", "codice", "kod", "kodu", "ref", "reference", "referencia",
    "riferimento", "no", "nr", "nro", "num", "number", "numero", "nummer", "numarasi",
    "nomor", "kode",
})
"""Words that turn a party word ("supplier", "fornecedor") into the member's reference."""
REFERENCE_FACTOR = 0.9
OWNER_WORDS = frozenset({
    "parent", "group", "holding", "holdings", "groupe", "grupo", "gruppo", "gruppe", "konzern",
    "muttergesellschaft", "matriz", "moederbedrijf", "moedermaatschappij", "concern", "grupa",
    "holdingu", "grup", "induk",
})
"""Words naming the company that owns the site: "Parent company", "Grupo", "Holding"."""
OWNER_TERMS = ("tapdoan", "集团", "集團", "母公司", "控股", "グループ", "親会社", "그룹", "모회사",
               "지주회사")
"""Owner words found anywhere in a normalised header (scripts without spaces, "Tập đoàn")."""
OWNER_FACTOR = 0.3
NOTE_FACTOR = 0.95
"""A header scored without its bracketed notes keeps this share of that score."""
NOTE_NAMES_FIELD = 0.8
"""Brackets scoring this much for a field other than the header's are no mere note."""
MAX_HEADER_CHARS = 120
"""Longer cells are notes or data, never headers: they score 0 without any work."""

_CHAR_MAP = str.maketrans({
    "#": " no ", "№": " no ", "°": "o", "đ": "d", "Đ": "d", "ı": "i", "ł": "l", "Ł": "l",
    "ø": "o", "Ø": "o", "æ": "ae", "œ": "oe", "_": " ",
})
_WORD_SPLIT = re.compile(r"[\W_]+")
_BRACKETS = re.compile(r"[(\[（【]([^)\]）】]*)[)\]）】]")


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code < 0x0250 or 0x1E00 <= code <= 0x1EFF


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF)


def fold_text(text: str) -> str:
    """Case- and accent-fold `text`, keeping words and punctuation in place.

    Combining marks are dropped after Latin letters ("Fábrica" -> "fabrica",
    "Tên nhà máy" -> "ten nha may") and after non-letters (stray marks); Thai and other
    scripts keep theirs.

    Args:
        text: any text.

    Returns:
        The folded text (NFC), same word boundaries as the input.
    """
    if text.isascii():
        return text.lower().translate(_CHAR_MAP)
    text = unicodedata.normalize("NFKC", text).casefold()
    kept: list[str] = []
    keeps_marks = False
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.category(char)[0] == "M":
            if not keeps_marks:
                continue
        else:
            keeps_marks = char.isalpha() and not _is_latin(char)
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept).translate(_CHAR_MAP))


def _squash(folded: str) -> str:
    """Keep letters, digits and marks; drop spaces and punctuation."""
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LNM")


def normalise_header(text: str) -> str:
    """Normalise a header text for comparison.

    Args:
        text: a header cell's text.

    Returns:
        Case-folded, accent-stripped (Latin letters), NFKC text without spaces, punctuation
        or underscores; "#" and "N°" read as "no".
        `normalise_header("Nombre de la Fábrica:") == "nombredelafabrica"`.
    """
    return _squash(fold_text(text))


@dataclass(frozen=True, slots=True)
class _Index:
    exact: dict[str, tuple[tuple[str, float], ...]]
    """normalised synonym -> ((field, weight), ...)"""
    containable: frozenset[str]
    """synonyms long enough to be looked for inside a longer header"""
    containable_lengths: tuple[int, ...]
    whole_word_only: frozenset[str]
    by_length: dict[int, tuple[str, ...]]


def _min_contained_length(key: str) -> int:
    return MIN_CONTAINED_CJK if any(_is_cjk(ch) for ch in key) else MIN_CONTAINED_LATIN


@cache
def _index() -> _Index:
    """Build the normalised synonym index once from the read-only vocabulary file."""
    best: dict[tuple[str, str], float] = {}
    for field, entries in load_json(SYNONYMS_FILE).items():
        if field.startswith("_"):
            continue
        for entry in entries:
            text, weight = (entry, 1.0) if isinstance(entry, str) else (entry[0], float(entry[1]))
            key = normalise_header(text)
            if key:
                best[(field, key)] = max(weight, best.get((field, key), 0.0))
    exact: dict[str, list[tuple[str, float]]] = defaultdict(list)
    by_length: dict[int, list[str]] = defaultdict(list)
    for (field, key), weight in best.items():
        if key not in exact:
            by_length[len(key)].append(key)
        exact[key].append((field, weight))
    containable = frozenset(key for key in exact if len(key) >= _min_contained_length(key))
    return _Index(
        exact={key: tuple(values) for key, values in exact.items()},
        containable=containable,
        containable_lengths=tuple(sorted({len(key) for key in containable})),
        whole_word_only=frozenset(
            key for key in containable
            if len(key) < WHOLE_WORD_BELOW and not any(_is_cjk(ch) for ch in key)),
        by_length={length: tuple(keys) for length, keys in by_length.items()},
    )


def _word_keys(text: str) -> frozenset[str]:
    """Normalised words of `text` and runs of up to three adjacent words."""
    words = [_squash(word) for word in _WORD_SPLIT.split(fold_text(text))]
    words = [word for word in words if word]
    runs = {"".join(words[start:start + size])
            for size in (1, 2, 3) for start in range(len(words) - size + 1)}
    return frozenset(runs)


def _fuzzy_candidates(key: str, index: _Index) -> list[str]:
    """Synonyms whose length allows a ratio >= FUZZY_CUTOFF with `key`."""
    low = int(len(key) * 0.8)
    high = int(len(key) * 1.25) + 1
    found: list[str] = []
    for length in range(max(low, 1), high + 1):
        found.extend(index.by_length.get(length, ()))
    return found


@lru_cache(maxsize=8192)
def _scores(text: str) -> tuple[tuple[str, float], ...]:
    key = normalise_header(text)
    if not key or len(key) > MAX_HEADER_CHARS or key.isdigit():
        return ()
    scores = _vocabulary_scores(key, text)
    _add_scores_without_notes(text, scores)
    if QUALIFIER_FIELD not in (field for field, _ in _index().exact.get(key, ())):
        _prefer_reference(text, scores)
    _damp_owner_words(key, text, scores)
    return tuple((field, round(score, 4)) for field, score in scores.items() if score > 0)


def _add_scores_without_notes(text: str, scores: dict[str, float]) -> None:
    """Score "Audit date (dd/mm/yyyy)" as "Audit date" too, unless the brackets name a
    field of their own ("Supplier (Sedex ID)")."""
    notes = _BRACKETS.findall(text)
    core = _BRACKETS.sub(" ", text).strip()
    core_key = normalise_header(core)
    if not notes or not core_key or core_key.isdigit():
        return
    core_scores = _vocabulary_scores(core_key, core)
    if not core_scores:
        return
    core_field = max(core_scores, key=core_scores.__getitem__)
    for note in notes:
        note_key = normalise_header(note)
        note_scores = _vocabulary_scores(note_key, note) if note_key else {}
        if any(score >= NOTE_NAMES_FIELD and field != core_field
               for field, score in note_scores.items()):
            return
    for field, score in core_scores.items():
        scores[field] = max(scores.get(field, 0.0), NOTE_FACTOR * score)


def _damp_owner_words(key: str, text: str, scores: dict[str, float]) -> None:
    """"Parent company", "Grupo", "集团": the owner of the site, not the site."""
    if QUALIFIER_FIELD not in scores:
        return
    words = {_squash(word) for word in _WORD_SPLIT.split(fold_text(text))}
    if words & OWNER_WORDS or any(term in key for term in OWNER_TERMS):
        scores[QUALIFIER_FIELD] *= OWNER_FACTOR


def _vocabulary_scores(key: str, text: str) -> dict[str, float]:
    """Exact, contained and fuzzy scores of one normalised header `key` (from `text`)."""
    index = _index()
    scores: dict[str, float] = defaultdict(float)
    contained_by: dict[str, float] = defaultdict(float)
    for field, weight in index.exact.get(key, ()):
        scores[field] = max(scores[field], weight)
    size = len(key)
    inner = {key[start:start + length]
             for length in index.containable_lengths if length < size
             for start in range(size - length + 1)} & index.containable
    words: frozenset[str] | None = None
    for synonym in inner:
        if synonym in index.whole_word_only:
            words = _word_keys(text) if words is None else words
            if synonym not in words:
                continue
        coverage = min(1.0, len(synonym) / size / FULL_COVERAGE)
        for field, weight in index.exact[synonym]:
            score = CONTAINS_FACTOR * weight * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage)
            contained_by[field] = max(contained_by[field], score)
    if len(key) >= 4:
        candidates = _fuzzy_candidates(key, index)
        for match, _ratio, _position in process.extract(
                key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None):
            for field, weight in index.exact[match]:
                contained_by[field] = max(contained_by[field], FUZZY_FACTOR * weight)
    others_matched = any(field != QUALIFIER_FIELD for field in (*scores, *contained_by))
    if others_matched and QUALIFIER_FIELD in contained_by and QUALIFIER_FIELD not in scores:
        contained_by[QUALIFIER_FIELD] *= QUALIFIER_DAMPING
    for field, score in contained_by.items():
        scores[field] = max(scores[field], score)
    return {field: score for field, score in scores.items() if score > 0}


def _prefer_reference(text: str, scores: dict[str, float]) -> None:
    """"Cód. Fornecedor", "Supplier No", "Vendor #": a party word with an id word names
    the member's reference, not the site, in any language the id words cover."""
    if not scores or max(scores, key=scores.__getitem__) != QUALIFIER_FIELD:
        return
    words = {_squash(word) for word in _WORD_SPLIT.split(fold_text(text))}
    if words & ID_WORDS:
        top = scores[QUALIFIER_FIELD]
        scores["member_ref"] = max(scores.get("member_ref", 0.0), REFERENCE_FACTOR * top)
        scores[QUALIFIER_FIELD] = top * QUALIFIER_DAMPING


def header_field_scores(text: str) -> dict[str, float]:
    """Score one header cell against every canonical field.

    Args:
        text: the cell's text (non-text cells should be passed as `str(value)` or skipped).

    Returns:
        `{field: score}` with scores in 0..1, only for fields scoring above 0.
        Example: `header_field_scores("Factory Name")` -> `{"site_name": 1.0}`.
    """
    if not isinstance(text, str):
        return {}
    return dict(_scores(text))


def header_likeness(text: str) -> float:
    """How much a cell looks like a column header: its best field score (0..1).

    Args:
        text: the cell's text.

    Returns:
        The highest score in `header_field_scores(text)`, 0.0 when nothing matches.
    """
    return max(header_field_scores(text).values(), default=0.0)

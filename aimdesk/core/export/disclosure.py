"""The disclosure check: nothing in a shared document may point at a member.

Before the common document is written, every text it would hold (cells, sheet names,
document properties) is scanned for what names a member in this workspace:

- member names, compared as phrases of whole words after folding case, accents and
  punctuation and setting legal forms aside ("Northbrook Foods plc" is found in "NORTHBROOK
  FOODS" but not in "Northbrook Mill"). A name that comes down to a single word ("Golden",
  "Foods Ltd") is common enough to be part of a supplier's name ("Golden Star Textiles",
  "Sunrise Foods Ltd"), so it counts only where a whole text is that name;
- member references (records' `member_ref`) and the names of the files members sent,
  compared as whole tokens ("GL000123" is not found in "GL0001234"). References too short
  to name anything (under 3 characters, or under 5 digits) and references that are Sedex
  ids (a public site id, printed on purpose) are left out; a reference made only of digits
  is not looked for in postal codes, and one without any digit ("TBC", "New") is a word,
  compared like a name;
- member-specific protocol names: the protocols of benchmark assessments and the audit-type
  texts read as a member's own protocol, when they carry a distinctive word of a member's
  name ("Greenleaf Supplier Code Audit"); compared like names.

`disclosure_problems` lists where each one appears; the writers refuse to write if any does
(`DisclosureError`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Union

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.identifiers import normalise_sedex_id
from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.matching.normalise import normalise_name
from aimdesk.core.resources import load_json
from aimdesk.core.store.workspace import Store

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MIN_REFERENCE_CHARACTERS = 3
MIN_REFERENCE_DIGITS = 5
"""A reference of digits only shorter than this is a plain serial number: it names nothing."""
POSTAL_CODE_COLUMNS = frozenset({"postal code", "postal_code", "postcode", "zip"})

Located = tuple[str, str]
"""(where, text): "sheet 'Sites', cell B17" and the text there."""
Scannable = Union["Workbook", Iterable[Located]]


class DisclosureError(AimDeskError):
    """The document would name a member; nothing was written. `problems` lists where."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Term:
    """Something that names a member, as a message shows it."""

    kind: str
    """"member name", "member reference", "file name" or "member protocol"."""
    text: str


@dataclass(frozen=True, slots=True)
class Found:
    """One place where a term appears."""

    where: str
    term: Term

    def describe(self) -> str:
        return f"{self.where} shows the {self.term.kind} “{self.term.text}”"


_DOTTED = re.compile(r"\b([^\W\d_])\.")
_WORD_SPLIT = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[\w.\-]+")
_JOINERS = "._-"


def words_of(text: str) -> tuple[str, ...]:
    """The words of `text` as names are compared: case and accents folded, dots of
    acronyms dropped ("S.p.A." -> "spa"), any other punctuation a separator."""
    folded = fold_text(text)
    if "'" in folded or "’" in folded:
        folded = folded.replace("'", "").replace("’", "")
    if "." in folded:
        folded = _DOTTED.sub(_first_group, folded)
    return tuple(w for w in _WORD_SPLIT.split(folded) if w)


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def tokens_of(text: str) -> tuple[str, ...]:
    """The tokens of `text` as references are compared: case-folded, split at spaces and
    punctuation except dots, hyphens and underscores inside a token ("NB-0012-S")."""
    folded = text.casefold() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return tuple(t for t in (raw.strip(_JOINERS) for raw in _TOKEN.findall(folded)) if t)


_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Scripts written without spaces between words (Thai, Chinese, Japanese, Korean)."""


@cache
def _legal_forms() -> tuple[frozenset[tuple[str, ...]], int]:
    """Every spelling of a legal form (all countries), as words."""
    forms: set[tuple[str, ...]] = set()
    for key, entries in load_json("legal_forms.json").items():
        if key.startswith("_"):
            continue
        for entry in entries:
            for spelling in entry["spellings"]:
                words = words_of(spelling)
                if words:
                    forms.add(words)
    return frozenset(forms), max(len(f) for f in forms)


@cache
def _unspaced_legal_forms() -> tuple[str, ...]:
    """The legal forms written without spaces (有限公司, บริษัท …), longest first."""
    forms = {" ".join(f) for f in _legal_forms()[0] if len(f) == 1 and _UNSPACED.search(f[0])}
    return tuple(sorted(forms, key=len, reverse=True))


def _without_unspaced_legal_forms(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for form in _unspaced_legal_forms():
            if text.endswith(form) and len(text) > len(form):
                text, changed = text[:-len(form)], True
            elif text.startswith(form) and len(text) > len(form):
                text, changed = text[len(form):], True
    return text


def without_legal_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` without the legal forms at either end ("everbright trading co ltd" ->
    "everbright trading"); all of them when nothing else would be left."""
    forms, longest = _legal_forms()
    current = words
    changed = True
    while changed and current:
        changed = False
        for size in range(min(longest, len(current)), 0, -1):
            if current[-size:] in forms and len(current) > size:
                current, changed = current[:-size], True
                break
            if current[:size] in forms and len(current) > size:
                current, changed = current[size:], True
                break
    return current


class DisclosureTerms:
    """Everything in a workspace that names a member, ready to look for in many texts."""

    def __init__(self) -> None:
        self.phrases: dict[str, Term] = {}
        """Words joined by one space -> term; found as whole words anywhere."""
        self.unspaced: dict[str, Term] = {}
        """Folded text in a script without spaces -> term; found anywhere."""
        self.whole: dict[tuple[str, ...], Term] = {}
        """A single word -> term; found only as a whole text (legal forms aside)."""
        self.tokens: dict[tuple[str, ...], Term] = {}
        """Token sequences of references and file names -> term."""
        self.numeric: dict[tuple[str, ...], Term] = {}
        """References made only of digits (not looked for in postal codes)."""
        self._pattern: re.Pattern[str] | None = None
        self._unspaced_pattern: re.Pattern[str] | None = None
        self._longest_tokens = 0
        self._first_words: set[str] = set()
        """First words of the phrases: a text without any has no phrase (a fast test)."""
        self._first_tokens: set[str] = set()

    def add_name(self, text: str, kind: str) -> None:
        """A member name or a protocol: a phrase, or a whole text when it is one word."""
        words = words_of(text)
        variants = {without_legal_forms(words), without_legal_forms(words_of(re.sub(r"\([^)]*\)", " ", text)))}
        for variant in variants:
            if not variant:
                continue
            joined = " ".join(variant)
            if _UNSPACED.search(joined):
                self.unspaced.setdefault(_without_unspaced_legal_forms(joined.replace(" ", "")), Term(kind, text))
            elif len(variant) == 1:
                self.whole.setdefault(variant, Term(kind, text))
            else:
                self.phrases.setdefault(joined, Term(kind, text))
                self._first_words.add(variant[0])
        self._pattern = self._unspaced_pattern = None

    def add_reference(self, text: str, kind: str) -> None:
        """A member reference or a file name: whole tokens."""
        tokens = tokens_of(text)
        compact = "".join(tokens)
        if not tokens or sum(c.isalnum() for c in compact) < MIN_REFERENCE_CHARACTERS:
            return
        if not any(c.isdigit() for c in compact):
            self.add_name(text, kind)  # "TBC", "New": a word, not a code; as a name would be
            return
        if compact.isdigit():
            if len(compact) >= MIN_REFERENCE_DIGITS:
                self.numeric.setdefault(tokens, Term(kind, text))
        else:
            self.tokens.setdefault(tokens, Term(kind, text))
        self._longest_tokens = max(self._longest_tokens, len(tokens))
        self._first_tokens.add(tokens[0])

    def __len__(self) -> int:
        return len(self.phrases) + len(self.unspaced) + len(self.whole) + len(self.tokens) + len(self.numeric)

    def find(self, text: str, *, is_postal_code: bool = False) -> list[Term]:
        """The terms `text` shows."""
        if not text.strip():
            return []
        found: list[Term] = []
        words = words_of(text)
        if words:
            joined = " ".join(words)
            pattern, unspaced = self._patterns()
            if pattern is not None and not self._first_words.isdisjoint(words):
                found += [self.phrases[m.group(1)] for m in pattern.finditer(joined)]
            if unspaced is not None and not joined.isascii():
                found += [self.unspaced[m.group()] for m in unspaced.finditer(joined.replace(" ", ""))]
            if self.whole and any((w,) in self.whole for w in words):
                core = without_legal_forms(words)
                if core in self.whole:
                    found.append(self.whole[core])
        if self.tokens or self.numeric:
            found += self._find_tokens(tokens_of(text), is_postal_code)
        return found

    def _find_tokens(self, tokens: tuple[str, ...], is_postal_code: bool) -> list[Term]:
        found: list[Term] = []
        if self._first_tokens.isdisjoint(tokens):
            return found
        for start in range(len(tokens)):
            for size in range(1, min(self._longest_tokens, len(tokens) - start) + 1):
                key = tokens[start:start + size]
                if key in self.tokens:
                    found.append(self.tokens[key])
                elif not is_postal_code and key in self.numeric:
                    found.append(self.numeric[key])
        return found

    def _patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        if self._pattern is None and self.phrases:
            alternatives = "|".join(re.escape(p) for p in sorted(self.phrases, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<!\S)({alternatives})(?!\S)")
        if self._unspaced_pattern is None and self.unspaced:
            alternatives = "|".join(re.escape(p) for p in sorted(self.unspaced, key=len, reverse=True))
            self._unspaced_pattern = re.compile(alternatives)
        return self._pattern, self._unspaced_pattern


def disclosure_terms(store: Store) -> DisclosureTerms:
    """What names a member in this workspace: names, references, file names, protocols."""
    terms = DisclosureTerms()
    names = [row[0] for row in store.conn.execute("SELECT name FROM members ORDER BY id")]
    for name in names:
        terms.add_name(name, "member name")
    distinctive = {word for name in names for word in normalise_name(name).core.split() if len(word) >= 3}
    protocols = [row[0] for row in store.conn.execute(
        "SELECT DISTINCT protocol FROM assessment_revisions UNION "
        "SELECT DISTINCT audit_type_raw FROM records WHERE audit_type = 'MEMBER_PROTOCOL'")]
    for protocol in protocols:
        if protocol and distinctive & set(normalise_name(protocol).text.split()):
            terms.add_name(protocol, "member protocol")
    for (file_name,) in store.conn.execute("SELECT DISTINCT file_name FROM imports"):
        terms.add_reference(file_name, "file name")
        stem = file_name.rsplit(".", 1)[0]
        if len(tokens_of(stem)) > 1 or any(c in stem for c in _JOINERS) or any(c.isdigit() for c in stem):
            terms.add_reference(stem, "file name")
    for ref, sedex in store.conn.execute(
            "SELECT DISTINCT member_ref, coalesce(sedex_id, '') FROM records WHERE coalesce(member_ref, '') <> ''"):
        if "z" not in ref.casefold() or not _is_sedex_id(ref, sedex):
            terms.add_reference(ref, "member reference")
    return terms


def _is_sedex_id(ref: str, sedex: str) -> bool:
    """A reference that is the record's Sedex id, or reads as one (ZS/ZC and digits)."""
    if sedex and tokens_of(ref) == tokens_of(sedex):
        return True
    reading = normalise_sedex_id(ref)
    return reading.kind in ("site", "company") and reading.problem is None


def disclosure_problems(store: Store, workbook_or_texts: Scannable, *,
                        terms: DisclosureTerms | None = None) -> list[str]:
    """Where a document would name a member, one sentence each; empty when nowhere.

    Args:
        store: the workspace whose members, references, files and protocols count.
        workbook_or_texts: an openpyxl workbook (every cell, sheet name and document
            property is scanned), or (where, text) pairs such as
            ("sheet 'Sites', cell B17", "Northbrook Foods").
        terms: `disclosure_terms(store)` when the caller has them already.

    Example:
        >>> disclosure_problems(store, [("cell B2", "NORTHBROOK FOODS PLC, plant 2")])
        ['cell B2 shows the member name “Northbrook Foods plc”']
    """
    found = find_disclosures(terms or disclosure_terms(store), _located(workbook_or_texts))
    return [f.describe() for f in found]


def find_disclosures(terms: DisclosureTerms, texts: Iterable[Located],
                     postal_places: Iterable[str] = ()) -> list[Found]:
    """Every place in `texts` that shows a term (a text is scanned once however often it
    repeats). `postal_places` are the places holding postal codes."""
    if not len(terms):
        return []
    postal = set(postal_places)
    seen: dict[tuple[str, bool], list[Term]] = {}
    found = []
    for where, text in texts:
        key = (text, where in postal)
        if key not in seen:
            seen[key] = terms.find(text, is_postal_code=key[1])
        found += [Found(where, term) for term in seen[key]]
    return found


def _located(source: Scannable) -> Iterator[Located]:
    from openpyxl.workbook.workbook import Workbook

    if not isinstance(source, Workbook):
        yield from source
        return
    yield from workbook_texts(source)


def workbook_texts(book: Workbook) -> Iterator[Located]:
    """Every text of an openpyxl workbook with where it is: document properties, sheet
    names, then every cell."""
    properties = book.properties
    for name in ("title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category",
                 "contentStatus", "identifier", "language", "revision", "version"):
        value = getattr(properties, name, None)
        if value:
            yield f"document property {name}", str(value)
    for prop in getattr(book, "custom_doc_props", []) or []:
        yield f"custom document property {prop.name}", f"{prop.name} {prop.value}"
    for sheet in book.worksheets:
        yield "sheet name", sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and str(cell.value) != "":
                    yield f"sheet '{sheet.title}', cell {cell.coordinate}", str(cell.value)


def refuse_if_disclosing(found: list[Found], *, what: str = "The common document") -> None:
    """Raise `DisclosureError` naming the first place (and how many more) if `found`.

    Raises:
        DisclosureError: something names a member.
    """
    if not found:
        return
    more = len(found) - 1
    tail = f" (and {more} more place{'s' * (more != 1)})" if more else ""
    raise DisclosureError(
        f"{what} was not written: {found[0].describe()}{tail}, which would tell who audited the site; "
        "correct that site's records or ask the secretariat, then export again.",
        [f.describe() for f in found])

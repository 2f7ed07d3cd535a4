"""Rows from outside the pooled data matched to the sites, and the company-level rule that
says which companies of the EcoVadis list are matched.

`match_to_sites` is the engine step shared with the planned-audit check: each outside row
is compared with the records of the sites exactly as matching compares two records (the
same normalisation, blocking, comparison levels and the latest run's model), who sent a
record playing no part; nothing is written.

`match_companies` applies to the EcoVadis list a rule fit for what it holds: a company
name and a country, sometimes a city or identifiers. The site-level model weighs a pair
by name, address, postal code and city, so a company with nothing but its name scores
about 0.4 even when the name is the site's, below the auto threshold: the model alone
would leave nearly every company for a person. An entry is therefore **matched** when

(a) **a Sedex id agrees**: the entry's Sedex site reference is the site's;

(b) **the name is the site's, and no other site's, in the country**: a record of the
    site in the entry's country reaches a "same name" level (`SAME_NAME_LEVELS`: the
    distinctive words are the same once legal forms, spelling and word order are set
    aside; they differ by a letter or a word; or one name is in another script and reads
    like the other — ranked in that order) *and* the whole names agree, trade words
    included (`whole_names_agree`: the levels weigh only the distinctive words, so
    "Rahman Knitwear" and "Rahman Denim" are "same" to them) — and no other site in that
    country reaches a name as good. Two sites as good (two plants of one company, two
    companies with one name) are a tie, left for a person, unless the entry has a city and
    exactly one of them is in it. A city that is not the site's does not stop a single
    site from matching: the list is of companies, and its city may be the head office's;
    or

(c) **the model's probability reaches the auto threshold**, as for two records (names
    agreeing, and the next site not within `TIE_MARGIN` of it).

When the rules disagree — (b) and (c) name different sites, or (b) finds a tie that (c)
would settle by score — the entry is for a person. Otherwise an entry is **possible**
when a site reaches the review threshold or has the best "same name" level in the
country (those sites are kept for a person to look at, whatever their score), and
**unmatched** when none does. A person's confirmation or rejection
(`aimdesk.core.ecovadis.confirm_ecovadis_match`, `reject_ecovadis_match`) overrides all
of this, for this list and the next ones.

Measured on the demo (`benchmarks/bench_ecovadis.py`: 300 companies named as one member
wrote a real site, 30 % with a city, plus 50 invented companies and 50 namesakes sharing
a real site's brand but not its trade): 277 matched, all to the right site; 22 possible
(multi-plant companies and namesake sites, each with the right site among its
candidates); no invented company or namesake matched. The site-level model alone matched
none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz.distance import Indel

from aimdesk.core.errors import AimDeskError
from aimdesk.core.matching.blocking import candidate_pairs, unpack
from aimdesk.core.matching.compare import FIELD_INDEX, FIELDS, NULL, SAME_READING, Vector, compare, word_overlap
from aimdesk.core.matching.features import SiteRecord, features_version, site_records
from aimdesk.core.matching.model import Model, fits_current_fields, probability
from aimdesk.core.matching.run import SAME_SEDEX_SITE, thresholds
from aimdesk.core.matching.score import FieldContribution, contributions
from aimdesk.core.progress import CancelToken, check
from aimdesk.core.store.ecovadis import EntryStatus, MatchBasis
from aimdesk.core.store.matching import MatchInput, cached_keys, latest_model, match_inputs
from aimdesk.core.store.workspace import Store

__all__ = ["CANDIDATES_KEPT", "CompanyMatch", "SAME_NAME_LEVELS", "SiteCandidate", "TIE_MARGIN",
           "match_companies", "match_to_sites"]

CANDIDATES_KEPT = 5
"""Candidate sites kept per entry (best first)."""
TIE_MARGIN = 0.02
"""A second site scoring within this of the best makes a match by score a person's call."""

MEMBER, SEDEX, NAME = FIELD_INDEX["member"], FIELD_INDEX["sedex"], FIELD_INDEX["name"]
LOCATION, COUNTRY = FIELD_INDEX["location"], FIELD_INDEX["country"]
SAME_COUNTRY = 0
SAME_NAME_LEVELS: dict[int, int] = {0: 0, 1: 1, SAME_READING: 2}
"""The name levels that may say "this is the company's name" (same; very similar; other
script, same reading), each with its rank: a lower rank is a better name. The levels
compare the distinctive words only ("Rahman Knitwear" and "Rahman Denim" are "same"), so
rule (b) also needs `whole_names_agree`."""
_PLACE_LABELS = frozenset({"same address and postal code", "same address", "same numbers and postal code",
                           "same numbers", "same postal code", "same postal area", "same city",
                           "same area, other address", "same numbers, other script"})
PLACE_AGREES = frozenset(index for index, level in enumerate(FIELDS[LOCATION].levels)
                         if level.label in _PLACE_LABELS)
"""Location levels that put the two in the same place: an entry's city picks the site."""


@dataclass(frozen=True, slots=True)
class SiteCandidate:
    """A site an outside row may be, with the score of its best-matching record."""

    key: int
    """The index of the outside row (in the sequence given to `match_to_sites`)."""
    site_id: int
    record_id: int
    probability: float
    band: str
    """"auto" (at or above the auto threshold, names agreeing) or "review"."""
    contributions: tuple[FieldContribution, ...]
    name_closeness: float = 0.0
    """How alike the two names are spelt in full (0..1): between sites scoring the same
    ("Surya Food", "Surya Paper Products": the engine compares the distinctive "Surya"),
    the one whose whole name is closer comes first."""
    vector: Vector = ()
    """The comparison levels of that record and the row (the member field left out)."""

    def explanation(self) -> list[dict[str, Any]]:
        return [c.as_dict() for c in self.contributions]


@dataclass(frozen=True, slots=True)
class CompanyMatch:
    """What the rule made of one company of the EcoVadis list."""

    status: EntryStatus
    basis: MatchBasis
    """Why it is matched: "sedex", "name", "name and city" or "score"; "" otherwise."""
    candidates: tuple[SiteCandidate, ...]
    """The sites kept, best first: when matched, the matched site first (the only one in
    the "auto" band); otherwise those for a person to look at, all "review"."""


@dataclass(slots=True)
class _SitePairs:
    """Everything one outside row's comparisons with one site's records said."""

    best: tuple[tuple[Any, ...], int, Vector, float, str | None, float] | None = None
    """(rank, record, vector, probability, band, name closeness) of the best-scoring record."""
    name_rank: tuple[int, int] | None = None
    """The best (whole names disagree, `SAME_NAME_LEVELS` rank) reached by a record in the
    row's country: (0, 0) is the best name there is."""
    name_record: tuple[int, Vector, float, float] | None = None
    """(record, vector, probability, closeness) of the record that reached it."""
    place_agrees: bool = False
    """A record of the site in the row's country is in the row's place (`PLACE_AGREES`)."""


@dataclass(slots=True)
class _Compared:
    """The comparisons of a batch of outside rows with the sites' records."""

    model: Model
    prepared: Any
    first: int
    sites: dict[int, dict[int, _SitePairs]] = field(default_factory=lambda: defaultdict(dict))

    def candidate(self, key: int, site: int, record: int, vector: Vector, chance: float, band: str,
                  closeness: float) -> SiteCandidate:
        inside, row = self.prepared[record], self.prepared[self.first + key]
        return SiteCandidate(key, site, record, round(chance, 6), band,
                             tuple(c for c in contributions(self.model, inside, row, vector) if c.field != "member"),
                             closeness, vector)


def match_to_sites(store: Store, rows: Sequence[MatchInput], *, records: Sequence[MatchInput] | None = None,
                   limit: int = CANDIDATES_KEPT,
                   cancel: CancelToken | None = None) -> dict[int, list[SiteCandidate]]:
    """Score rows from outside the pooled data (an EcoVadis company, a planned supplier)
    against the records of the sites, as matching scores two records: the same
    normalisation, blocking and model (the latest run's) and the workspace's thresholds.
    Who sent a record plays no part. Nothing is written.

    Args:
        rows: the outside rows; their `id`, `member_id` and `site_id` are ignored.
        records: the site records to compare with (default: every active record that has a
            site); each must have a `site_id`.
        limit: candidate sites kept per row.

    Returns:
        row index → candidate sites in the auto or review band, best first (auto before
        review, then by probability), one per site, at most `limit`; rows without any are
        left out.

    Raises:
        AimDeskError: nothing has been matched yet (no model).
    """
    compared = _compare(store, rows, records, cancel)
    found = {}
    for key, sites in sorted(compared.sites.items()) if compared else ():
        banded = sorted(_banded(compared, key, sites), key=_rank)[:limit]
        if banded:
            found[key] = banded
    return found


def match_companies(store: Store, rows: Sequence[MatchInput], *,
                    cancel: CancelToken | None = None) -> dict[int, CompanyMatch]:
    """The EcoVadis companies `rows` matched to the sites by the company-level rule of
    this module's docstring. Nothing is written.

    Returns:
        row index → what the rule made of it; rows that came near no site are left out
        (they are unmatched).

    Raises:
        AimDeskError: nothing has been matched yet (no model).
    """
    compared = _compare(store, rows, None, cancel)
    if compared is None:
        return {}
    found = {}
    for key, sites in sorted(compared.sites.items()):
        decided = _decide(compared, key, sites, has_city=bool(rows[key].city.strip()))
        if decided.candidates:
            found[key] = decided
    return found


def _compare(store: Store, rows: Sequence[MatchInput], records: Sequence[MatchInput] | None,
             cancel: CancelToken | None) -> _Compared | None:
    """Every blocked pair of an outside row and a site record, compared and scored, kept
    per row and site; None when there is nothing to compare."""
    saved = latest_model(store)
    if saved is None or not fits_current_fields(saved):
        raise AimDeskError("There are no sites to compare with yet; run matching first (aimdesk match).")
    model = Model.from_json(saved)
    bands = thresholds(store)
    pooled = [r for r in (match_inputs(store) if records is None else records) if r.site_id is not None]
    if not rows or not pooled:
        return None
    first = _first_free_id(store)
    outside = [MatchInput(first + index, -1, row.site_name, row.address, row.city, row.region, row.postal_code,
                          row.country, row.sedex_id, None) for index, row in enumerate(rows)]
    site_of = {r.id: r.site_id for r in pooled}
    prepared, _ = site_records([*pooled, *outside], cached=cached_keys(store, features_version()))
    check(cancel)
    pairs = candidate_pairs(prepared.blocking_views(), focus=[r.id for r in outside],
                            street_counts=prepared.street_counts)
    check(cancel)
    compared = _Compared(model, prepared, first)
    for pair in pairs:
        left, right = unpack(pair)
        if (left >= first) == (right >= first):
            continue  # two outside rows, or two pooled records
        inside, row = (left, right) if right >= first else (right, left)
        vector = compare(prepared[inside], prepared[row])
        vector = vector[:MEMBER] + (NULL,) + vector[MEMBER + 1:]
        chance = 1.0 if vector[SEDEX] == SAME_SEDEX_SITE else probability(model.weight(vector))
        site = site_of[inside]
        assert site is not None
        _add(compared.sites[row - first].setdefault(site, _SitePairs()), inside, vector, chance,
             bands.band(chance, vector), prepared[inside], prepared[row])
    return compared


def _add(found: _SitePairs, record: int, vector: Vector, chance: float, band: str | None,
         inside: SiteRecord, row: SiteRecord) -> None:
    closeness = Indel.normalized_similarity(inside.name.text, row.name.text)
    rank = (band != "auto", band is None, -chance, -closeness, record)
    if found.best is None or rank < found.best[0]:
        found.best = (rank, record, vector, chance, band, closeness)
    if vector[COUNTRY] != SAME_COUNTRY:
        return
    found.place_agrees = found.place_agrees or vector[LOCATION] in PLACE_AGREES
    level_rank = SAME_NAME_LEVELS.get(vector[NAME])
    if level_rank is None:
        return
    name_rank = (int(not whole_names_agree(inside, row)), level_rank)
    if (found.name_rank is None or name_rank < found.name_rank
            or (name_rank == found.name_rank and found.name_record is not None and chance > found.name_record[2])):
        found.name_rank, found.name_record = name_rank, (record, vector, chance, closeness)


def whole_names_agree(left: SiteRecord, right: SiteRecord) -> bool:
    """Every word of each name, generic ones included, pairs with a word of the other —
    the same word, or one misspelt or abbreviated — once legal forms and plant numbers are
    set aside: "Rahman Knitwear Ltd." and "RAHMAN KNITWEAR" agree, "Rahman Knitwear" and
    "Rahman Denim" do not (the comparison levels weigh only the distinctive "Rahman").
    Trade words are compared in their canonical form, so "Ergün Konfeksiyon" meets
    "Ergun Garment", and "顺强箱包" meets "Shunqiang Bags"."""
    assert left.name_view is not None and right.name_view is not None
    a = dict.fromkeys(left.name_view.words, 1.0)
    b = dict.fromkeys(right.name_view.words, 1.0)
    if not a or not b or len(a) != len(b):
        return False
    shared, _, _ = word_overlap(a, b)
    return shared == len(a)


def _banded(compared: _Compared, key: int, sites: dict[int, _SitePairs]) -> list[SiteCandidate]:
    """The row's sites whose best record reached the review or auto band, one each."""
    banded = []
    for site, pairs in sites.items():
        if pairs.best is not None and pairs.best[4] is not None:
            _, record, vector, chance, band, closeness = pairs.best
            banded.append(compared.candidate(key, site, record, vector, chance, band, closeness))
    return banded


def _decide(compared: _Compared, key: int, sites: dict[int, _SitePairs], *, has_city: bool) -> CompanyMatch:
    """The rule of the module docstring, for one company."""
    banded = {c.site_id: c for c in _banded(compared, key, sites)}
    by_sedex = sorted((c for c in banded.values() if c.vector[SEDEX] == SAME_SEDEX_SITE), key=_rank)
    name = _by_name(sites, has_city=has_city)
    for site in name.best:  # a site bearing the company's name is worth a look, whatever its score
        if site not in banded and sites[site].name_record is not None:
            record, vector, chance, closeness = sites[site].name_record  # type: ignore[misc]
            banded[site] = compared.candidate(key, site, record, vector, chance, "review", closeness)
    scored = _settled(sorted(banded.values(), key=_rank))
    by_score = scored[0].site_id if scored and scored[0].band == "auto" else None
    chosen: int | None
    basis: MatchBasis
    if by_sedex:
        chosen, basis = by_sedex[0].site_id, "sedex"
    elif name.is_tie or (name.site is not None and by_score not in (None, name.site)):
        chosen, basis = None, ""  # rule (b) finds two sites, or (b) and (c) disagree: a person's call
    elif name.site is not None:
        chosen, basis = name.site, "name and city" if name.by_city else "name"
    else:
        chosen, basis = by_score, "score" if by_score is not None else ""
    ordered = sorted(banded.values(), key=lambda c: (c.site_id != chosen, c.site_id not in name.best, _rank(c)))
    kept = tuple(replace(c, band="auto" if c.site_id == chosen else "review") for c in ordered[:CANDIDATES_KEPT])
    status: EntryStatus = "matched" if chosen is not None else ("possible" if kept else "unmatched")
    return CompanyMatch(status, basis, kept)


@dataclass(frozen=True, slots=True)
class _ByName:
    """What rule (b) found for one company."""

    best: tuple[int, ...]
    """The sites with the best "same name" rank in the company's country (the one in its
    city, when the city picks one of several)."""
    whole: bool
    """Their whole names agree with the company's (`whole_names_agree`)."""
    by_city: bool = False
    """The company's city picked `best` out of several."""

    @property
    def site(self) -> int | None:
        """The site rule (b) matches, if any."""
        return self.best[0] if self.whole and len(self.best) == 1 else None

    @property
    def is_tie(self) -> bool:
        """Several sites bear the company's whole name, and its city (if any) does not pick one."""
        return self.whole and len(self.best) > 1


def _by_name(sites: dict[int, _SitePairs], *, has_city: bool) -> _ByName:
    ranks = {site: pairs.name_rank for site, pairs in sites.items() if pairs.name_rank is not None}
    if not ranks:
        return _ByName((), False)
    top = min(ranks.values())
    best = tuple(sorted(site for site, rank in ranks.items() if rank == top))
    whole = top[0] == 0
    if len(best) > 1 and has_city and whole:
        placed = tuple(site for site in best if sites[site].place_agrees)
        if len(placed) == 1:
            return _ByName(placed, whole, by_city=True)
    return _ByName(best, whole)


def _rank(candidate: SiteCandidate) -> tuple[int, float, float, int]:
    return (candidate.band != "auto", -candidate.probability, -candidate.name_closeness, candidate.site_id)


def _settled(found: list[SiteCandidate]) -> list[SiteCandidate]:
    """A row whose best site by score is not clearly ahead of the next (two plants of one
    company with the same name, no city to tell them apart) is for a person to settle:
    the candidates as close as that to the best go to the review band."""
    if len(found) > 1 and found[0].band == "auto" and found[1].probability >= found[0].probability - TIE_MARGIN:
        close = found[0].probability - TIE_MARGIN
        found = sorted((replace(c, band="review") if c.probability >= close else c for c in found), key=_rank)
    return found


def _first_free_id(store: Store) -> int:
    """An id above every record's: outside rows take ids from here, so they never meet a
    record's cached keys."""
    return int(store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM records").fetchone()[0])

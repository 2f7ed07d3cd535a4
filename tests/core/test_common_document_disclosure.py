"""The disclosure check finds members' names, references, files and protocols, and is not
fooled into refusing supplier names that merely share a common word with a member."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from aimdesk.core.export.common_document import (CommonOptions, DisclosureError, common_rows, disclosure_problems,
                                                 write_common_document)
from aimdesk.core.export.disclosure import DisclosureTerms, disclosure_terms, find_disclosures
from aimdesk.core.store.members import ensure_member
from aimdesk.core.store.workspace import Store
from tests.core.test_common_document import AS_OF, import_list, make_eligible, match, supplier

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def terms_for(names: list[str], refs: list[str] = ()) -> DisclosureTerms:  # type: ignore[assignment]
    terms = DisclosureTerms()
    for name in names:
        terms.add_name(name, "member name")
    for ref in refs:
        terms.add_reference(ref, "member reference")
    return terms


def shown(terms: DisclosureTerms, text: str, *, postal: bool = False) -> list[str]:
    return [t.text for t in terms.find(text, is_postal_code=postal)]


def test_a_member_name_is_found_however_it_is_written() -> None:
    terms = terms_for(["Northbrook Foods plc", "Everbright Trading (Shanghai) Co., Ltd.", "Moretti Moda S.p.A."])
    for text in ("NORTHBROOK FOODS", "Northbrook-Foods PLC plant 2", "northbrook  foods, ltd"):
        assert shown(terms, text) == ["Northbrook Foods plc"]
    assert shown(terms, "Everbright Trading Co") == ["Everbright Trading (Shanghai) Co., Ltd."]
    assert shown(terms, "Moretti Moda SpA") == ["Moretti Moda S.p.A."]
    for text in ("Northbrook Mill", "Foods of the North", "Moretti Textiles", "Trading Co"):
        assert shown(terms, text) == []


def test_a_one_word_member_name_counts_only_as_a_whole_text() -> None:
    terms = terms_for(["Golden", "Foods Ltd", "Star"])
    assert shown(terms, "Golden Star Textiles") == shown(terms, "Sunrise Foods Ltd") == []
    assert shown(terms, "GOLDEN") == ["Golden"] and shown(terms, "Golden Ltd.") == ["Golden"]
    assert shown(terms, "Foods Limited") == ["Foods Ltd"] and shown(terms, "star") == ["Star"]


def test_references_are_whole_tokens_and_short_or_public_ones_are_left_out() -> None:
    terms = terms_for([], ["NB-0012-S", "GL000123", "40000123", "12", "4711", "V 0009", "TBC", "new"])
    assert shown(terms, "Plot NB-0012-S.") == ["NB-0012-S"]
    assert shown(terms, "GL0001234 / xNB-0012-S") == []
    assert shown(terms, "gl000123") == ["GL000123"]
    assert shown(terms, "Unit 40000123") == ["40000123"] and shown(terms, "40000123", postal=True) == []
    assert shown(terms, "12 Road 4711") == []  # plain serial numbers name nothing
    assert shown(terms, "ref v 0009") == ["V 0009"]
    assert shown(terms, "TBC Garments, New Delhi") == [] and shown(terms, "tbc") == ["TBC"]  # words, not codes


def test_the_workspace_terms_cover_names_refs_files_and_member_protocols(store: Store, tmp_path: Path) -> None:
    import_list(store, tmp_path, "Greenleaf Household Products Ltd",
                [supplier("Lotus Garment Factory", 1, ref="GL000123", scheme="Greenleaf Supplier Code Audit"),
                 supplier("Orchid Knitting Mill", 2, ref="ZS12345678", scheme="Social audit")],
                file_name="greenleaf_vendors_export.csv")
    terms = disclosure_terms(store)
    assert shown(terms, "Greenleaf Household Products") == ["Greenleaf Household Products Ltd"]
    assert shown(terms, "GL000123") == ["GL000123"]
    assert shown(terms, "greenleaf_vendors_export") == ["greenleaf_vendors_export"]
    assert shown(terms, "the Greenleaf Supplier Code Audit") == ["Greenleaf Supplier Code Audit"]
    assert shown(terms, "ZS12345678") == []  # a Sedex id is public
    assert shown(terms, "an existing social audit report") == []  # a protocol that names no member


def test_a_workbook_is_scanned_cells_sheet_names_and_properties(store: Store) -> None:
    with store.transaction():
        ensure_member(store, "Kestrel Outdoor Equipment Inc.", now=NOW)
    book = Workbook()
    book.active.title = "Kestrel Outdoor Equipment"
    book.active["C7"] = "kestrel outdoor equipment, inc"
    book.properties.lastModifiedBy = "Kestrel Outdoor Equipment"
    problems = disclosure_problems(store, book)
    assert problems == [
        "document property lastModifiedBy shows the member name “Kestrel Outdoor Equipment Inc.”",
        "sheet name shows the member name “Kestrel Outdoor Equipment Inc.”",
        "sheet 'Kestrel Outdoor Equipment', cell C7 shows the member name “Kestrel Outdoor Equipment Inc.”"]
    assert disclosure_problems(store, [("cell A1", "Kestrel Lodge Hotel")]) == []


# --- property: random member names, some of them common words ---------------------------------

WORDS = ("Star", "Textile", "Golden", "Foods", "Sunrise", "Lotus", "Orchid", "Pacific", "Royal", "Crown",
         "Valley", "Delta", "Apex", "Harbour", "Maple")
"""Words of member and supplier names alike (none is a legal form, none is in the document's own text)."""
FORMS = ("", "Ltd", "plc", "GmbH", "S.A.", "Inc.")
ORACLE_FORMS = {"ltd", "plc", "gmbh", "sa", "inc"}


def name_of(words: list[str], form: str) -> str:
    return " ".join([*words, form]).strip()


def core(text: str) -> tuple[str, ...]:
    """The oracle: the words of a name without its legal form, written independently."""
    words = [w for w in re.split(r"[\s.]+", text.lower()) if w]
    if words and "".join(words[-2:]) == "sa" and len(words) > 2:
        words = words[:-2]
    while len(words) > 1 and words[-1] in ORACLE_FORMS:
        words = words[:-1]
    return tuple(words)


def oracle_shows(member: str, text: str) -> bool:
    """Does `text` show `member`'s name: the whole name for a one-word name, else the phrase?"""
    name, seen = core(member), core(text)
    if len(name) == 1:
        return seen == name
    return any(seen[i:i + len(name)] == name for i in range(len(seen) - len(name) + 1))


names = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True), st.sampled_from(FORMS))


def same_member(name: tuple[list[str], str]) -> tuple[str, ...]:
    """Two members never share a name once legal forms are set aside."""
    return core(name_of(*name))


@given(members=st.lists(names, min_size=1, max_size=4, unique_by=same_member), suppliers=st.lists(names, min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_check_finds_exactly_the_cells_that_show_a_member_name(
        members: list[tuple[list[str], str]], suppliers: list[tuple[list[str], str]]) -> None:
    member_names = list(dict.fromkeys(name_of(*m) for m in members))
    texts = [(f"cell B{n}", name_of(*s)) for n, s in enumerate(suppliers, start=2)]
    found = find_disclosures(terms_for(member_names), texts)
    expected = {(where, member) for where, text in texts for member in member_names if oracle_shows(member, text)}
    assert {(f.where, f.term.text) for f in found} == expected


@given(members=st.lists(names, min_size=2, max_size=3, unique_by=same_member),
       suppliers=st.lists(names, min_size=2, max_size=6))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_written_document_never_shows_a_member_and_is_refused_only_when_a_site_would(
        members: list[tuple[list[str], str]], suppliers: list[tuple[list[str], str]]) -> None:
    member_names = [name_of(*m) for m in members]
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "w.aimdesk", create=True) as store:
        for index, member in enumerate(member_names):
            rows = [supplier(name_of(*s), n, ref=f"RF{index}X{n:05d}") for n, s in enumerate(suppliers, start=1)
                    if n % len(member_names) == index or n == 1]
            import_list(store, Path(folder), member, rows)
            make_eligible(store, member)
        match(store)
        listed = [row.site_name for row in common_rows(store, CommonOptions(AS_OF))]
        should_refuse = any(oracle_shows(m, site) for m in member_names for site in listed)
        out = Path(folder) / "common.xlsx"
        try:
            write_common_document(store, out, CommonOptions(AS_OF), who="test")
        except DisclosureError:
            event("refused")
            assert should_refuse, "refused although no site shows a member's name"
            assert not out.exists()
            return
        event("written")
        assert not should_refuse, "written although a site shows a member's name"
        with zipfile.ZipFile(out) as package:
            texts = [t for n in package.namelist() for t in re.findall(r">([^<]+)<", package.read(n).decode())]
            blob = "\n".join(texts).lower()
        assert not [t for t in texts for m in member_names if oracle_shows(m, t)]
        assert "rf0x" not in blob and "list_" not in blob

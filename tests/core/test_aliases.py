"""Aliases: the secretariat's own readings of country and audit-type cells, kept in the
workspace and applied to every later import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aimdesk.core.errors import MappingError
from aimdesk.core.ingest.aliases import NO_ALIASES, parse_aliases
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions, prepare_import
from aimdesk.core.store.aliases import load_aliases
from aimdesk.core.store.records import iter_active_records
from aimdesk.core.store.workspace import Store
from tests.conftest import STANDARD_HEADER, write_xlsx

ODD_ROWS: list[list[object]] = [
    ["Formosa Bicycle Works", "No. 8 Zhongshan Rd", "Taichung", "FORMOSA", "", dt.date(2025, 2, 3),
     "Rainforest check", "SGS", "V-1"],
    ["Lanka Knit", "22 Galle Rd", "Colombo", "Ceylon Isle", "", dt.date(2025, 1, 9),
     "SMETA 4P", "SGS", "V-2"],
    ["Taiwan Plastics", "1 Harbour Rd", "Keelung", "formosa ", "", dt.date(2024, 12, 1),
     "rainforest  CHECK", "SGS", "V-3"],
]


def odd_list(path: Path) -> Path:
    return write_xlsx(path, [STANDARD_HEADER] + ODD_ROWS)


def test_a_list_names_its_unknown_countries_and_schemes_with_their_counts(tmp_path: Path) -> None:
    prepared = prepare_import(odd_list(tmp_path / "odd.xlsx"), ImportOptions(member="Acme"),
                              as_of=dt.date(2025, 6, 1))
    assert prepared.unknown_countries() == {"FORMOSA": 2, "Ceylon Isle": 1}
    assert prepared.unknown_schemes() == {"Rainforest check": 2}


def test_aliases_read_the_cells_and_are_kept_for_the_next_import(store: Store, tmp_path: Path, fixed_now) -> None:
    aliases = parse_aliases(["Formosa=tw", "Ceylon Isle=LK"], ["Rainforest check=MEMBER_PROTOCOL"])
    import_file(store, odd_list(tmp_path / "odd.xlsx"), ImportOptions(member="Acme", aliases=aliases),
                who="tester", now=lambda: fixed_now)
    records = {r.site_name: r for r in iter_active_records(store)}
    assert [records[n].country for n in ("Formosa Bicycle Works", "Lanka Knit", "Taiwan Plastics")] == ["TW", "LK", "TW"]
    assert records["Taiwan Plastics"].audit_type == "MEMBER_PROTOCOL"
    assert load_aliases(store) == aliases
    second = import_file(store, odd_list(tmp_path / "again.xlsx"), ImportOptions(member="Blue", force=True),
                         who="tester", now=lambda: fixed_now)
    assert "unknown_country" not in second.finding_counts


def test_prepare_reads_with_the_aliases_given(tmp_path: Path) -> None:
    prepared = prepare_import(odd_list(tmp_path / "odd.xlsx"),
                              ImportOptions(member="Acme", aliases=parse_aliases(["formosa=TW"], [])),
                              as_of=dt.date(2025, 6, 1))
    assert prepared.unknown_countries() == {"Ceylon Isle": 1}
    assert prepared.unknown_schemes(parse_aliases([], ["RAINFOREST CHECK=SMETA_4P"])) == {}


@pytest.mark.parametrize(("countries", "schemes", "message"), [
    (["Formosa=XX"], [], "'XX' is not a two-letter country code"),
    ([], ["Rainforest check=GREEN"], "'GREEN' is not an audit scheme"),
    (["Formosa"], [], "'Formosa' is not TEXT=CODE"),
])
def test_bad_aliases_are_refused_in_plain_words(countries: list[str], schemes: list[str], message: str) -> None:
    with pytest.raises(MappingError, match=message):
        parse_aliases(countries, schemes)


def test_no_aliases_reads_as_aimdesk_does() -> None:
    assert NO_ALIASES.country("P.R. China") == "CN"
    assert NO_ALIASES.scheme("SMETA 4P").code == "SMETA_4P"

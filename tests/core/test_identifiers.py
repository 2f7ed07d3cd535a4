"""Supplier identifiers: Sedex references, OS IDs, GLNs, DUNS (identifiers.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimdesk.core.ingest.identifiers import (
    CROCKFORD_BASE32,
    PROBLEM_AUDIT_REFERENCE,
    PROBLEM_DIGITS_ONLY,
    PROBLEM_EXTRA_TEXT,
    PROBLEM_LENGTH,
    PROBLEM_MANGLED,
    PROBLEM_PATTERN,
    PROBLEM_SEVERAL,
    SedexId,
    duns_normalise,
    gln_is_valid,
    normalise_sedex_id,
    os_id_is_valid,
    siret_is_valid,
    uscc_is_valid,
)


@pytest.mark.parametrize(("raw", "normalised", "match_key", "kind"), [
    ("ZS: 000012345", "ZS000012345", "ZS12345", "site"),
    ("ZS7654321", "ZS7654321", "ZS7654321", "site"),
    ("zs 7654321", "ZS7654321", "ZS7654321", "site"),
    ("ZS-765-4321", "ZS7654321", "ZS7654321", "site"),
    ("ZS１２３４５６７", "ZS1234567", "ZS1234567", "site"),
    ("Sedex ZS1234567", "ZS1234567", "ZS1234567", "site"),
    ("ZC1234567", "ZC1234567", "ZC1234567", "company"),
    ("ZC: 000001234", "ZC000001234", "ZC1234", "company"),
    ("ZC 123456789", "ZC123456789", "ZC123456789", "company"),
])
def test_sedex_references_normalise_to_a_match_key(raw: str, normalised: str, match_key: str,
                                                   kind: str) -> None:
    assert normalise_sedex_id(raw) == SedexId(raw=raw, normalised=normalised,
                                              match_key=match_key, kind=kind, problem=None)


def test_leading_zeros_do_not_change_the_match_key() -> None:
    assert (normalise_sedex_id("ZS: 000123456").match_key
            == normalise_sedex_id("ZS123456").match_key == "ZS123456")


@pytest.mark.parametrize("value", ["12345678", 12345678, " 1234 5678 "])
def test_digits_only_are_not_guessed_as_site_or_company(value: object) -> None:
    parsed = normalise_sedex_id(value)
    assert (parsed.kind, parsed.match_key, parsed.problem) == ("unknown", None, PROBLEM_DIGITS_ONLY)
    assert parsed.normalised == "12345678"


@pytest.mark.parametrize("value", ["1.23457E+12", "1.23457e+12", "1,23457E+12", "12345678.0",
                                   1.23457e12, 12345678.0])
def test_numbers_damaged_by_excel_are_flagged_not_repaired(value: object) -> None:
    parsed = normalise_sedex_id(value)
    assert (parsed.kind, parsed.match_key, parsed.problem) == ("unknown", None, PROBLEM_MANGLED)


@pytest.mark.parametrize("raw", ["ZA1234567", "ZAA12345678", "2019CNZAA12345678"])
def test_audit_references_are_not_site_ids(raw: str) -> None:
    parsed = normalise_sedex_id(raw)
    assert (parsed.kind, parsed.match_key, parsed.problem) == ("unknown", None,
                                                               PROBLEM_AUDIT_REFERENCE)


@pytest.mark.parametrize("raw", ["P123456", "foo", "ZX1234567", "ZS0000000"])
def test_other_text_fails_the_pattern(raw: str) -> None:
    parsed = normalise_sedex_id(raw)
    assert (parsed.kind, parsed.match_key, parsed.problem) == ("unknown", None, PROBLEM_PATTERN)


def test_too_short_or_long_references_keep_a_key_but_are_flagged() -> None:
    short = normalise_sedex_id("ZS12345")
    long = normalise_sedex_id("ZS1234567890123")
    assert (short.match_key, short.problem) == ("ZS12345", PROBLEM_LENGTH)
    assert (long.kind, long.problem) == ("site", PROBLEM_LENGTH)


def test_site_reference_wins_over_company_reference_in_one_cell() -> None:
    parsed = normalise_sedex_id("ZC1234567 / ZS7654321")
    assert (parsed.match_key, parsed.kind, parsed.problem) == ("ZS7654321", "site", None)


def test_two_site_references_in_one_cell_are_flagged() -> None:
    parsed = normalise_sedex_id("ZS123456 / ZS654321")
    assert (parsed.match_key, parsed.problem) == ("ZS123456", PROBLEM_SEVERAL)


def test_text_around_a_reference_is_flagged() -> None:
    parsed = normalise_sedex_id("ZS 1234567 (main site)")
    assert (parsed.match_key, parsed.problem) == ("ZS1234567", PROBLEM_EXTRA_TEXT)


@pytest.mark.parametrize("value", [None, "", "  ", "-", "N/A", "n/a", "TBC", float("nan")])
def test_empty_cells_have_no_kind_and_no_problem(value: object) -> None:
    parsed = normalise_sedex_id(value)
    assert (parsed.normalised, parsed.match_key, parsed.kind, parsed.problem) == (
        None, None, None, None)


@given(st.sampled_from("SC"), st.integers(min_value=1, max_value=10**12 - 1),
       st.sampled_from(["Z{}{}", "Z{}: {}", "z{} {}", "Z{}-{}"]), st.integers(0, 3))
def test_match_key_is_prefix_plus_number_whatever_the_spelling(letter: str, number: int,
                                                                template: str,
                                                                padding: int) -> None:
    digits = str(number).zfill(6 + padding)[-12:] if len(str(number)) <= 12 else str(number)
    parsed = normalise_sedex_id(template.format(letter, digits))
    assert parsed.match_key == f"Z{letter}{int(digits)}"
    assert parsed.kind == ("site" if letter == "S" else "company")


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none()))
def test_normalise_sedex_id_never_raises(value: object) -> None:
    parsed = normalise_sedex_id(value)
    assert parsed.match_key is None or parsed.kind in ("site", "company")


def make_os_id(prefix: str) -> str:
    """A well-formed OS ID: 14 characters plus the check character (identifiers.md §2)."""
    total = ord(prefix[0]) + ord(prefix[1]) + sum(CROCKFORD_BASE32.index(ch) for ch in prefix[2:])
    return prefix + CROCKFORD_BASE32[total % 32]


def test_generated_os_id_is_valid_in_any_display_form() -> None:
    os_id = make_os_id("CN2019067X1K87")
    assert os_id_is_valid(os_id)
    assert os_id_is_valid(f"{os_id[:2]}-{os_id[2:9]}-{os_id[9:14]}-{os_id[14]}")
    assert os_id_is_valid(os_id.lower())


def test_documented_example_has_check_character_g() -> None:
    assert os_id_is_valid("IN2019067X1K87G")
    assert not os_id_is_valid("IN2019067X1K87E")


@pytest.mark.parametrize("text", ["", "CN2019067X1K8", "CN2019067X1K87GG", "CN2019O67X1K87G",
                                  "CN2019067I1K87G", "1N2019067X1K87G"])
def test_malformed_os_ids_are_invalid(text: str) -> None:
    assert not os_id_is_valid(text)


@given(st.sampled_from(["CN", "IN", "BD", "VN", "TR"]), st.integers(2015, 2030),
       st.integers(1, 366), st.text(CROCKFORD_BASE32, min_size=5, max_size=5))
def test_generated_os_ids_validate_and_a_changed_check_fails(country: str, year: int, day: int,
                                                             tail: str) -> None:
    os_id = make_os_id(f"{country}{year}{day:03d}{tail}")
    assert os_id_is_valid(os_id)
    wrong = CROCKFORD_BASE32[(CROCKFORD_BASE32.index(os_id[-1]) + 1) % 32]
    assert not os_id_is_valid(os_id[:-1] + wrong)


@pytest.mark.parametrize(("text", "valid"), [
    ("9436465792104", True), ("943 6465 792104", True), ("9436465792105", False),
    ("943646579210", False), ("94364657921040", False), ("abcdefghijklm", False),
])
def test_gln_check_digit(text: str, valid: bool) -> None:
    assert gln_is_valid(text) is valid


@pytest.mark.parametrize(("text", "expected"), [
    ("12-345-6789", "123456789"), ("123456789", "123456789"), ("123 456 789", "123456789"),
    ("1234567890123", "123456789"), ("1234567", None), ("12345678", None), ("12345678A", None),
    ("", None),
])
def test_duns_normalise_keeps_nine_digits_and_never_pads(text: str, expected: str | None) -> None:
    assert duns_normalise(text) == expected


def test_registration_numbers_use_python_stdnum() -> None:
    assert uscc_is_valid("91110108551385082Q")
    assert not uscc_is_valid("91110108551385082A")
    assert siret_is_valid("73282932000074")
    assert not siret_is_valid("73282932000075")

"""Country cells to ISO 3166-1 alpha-2, in the spellings and languages members use."""

from __future__ import annotations

import time

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimdesk.core.ingest.countries import country_name, normalise_country

ALPHA_2 = sorted(country.alpha_2 for country in pycountry.countries if country.alpha_2 != "NA")
"""Every code but NA, which in a spreadsheet means "not available" far more often than Namibia."""


@pytest.mark.parametrize(("text", "code"), [
    ("P.R. China", "CN"), ("PRC", "CN"), ("Peoples Republic of China", "CN"),
    ("China (Mainland)", "CN"), ("Mainland China", "CN"), ("CN-Mainland", "CN"), ("中国大陆", "CN"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Turkiye", "TR"), ("Viet Nam", "VN"), ("Vietnam", "VN"),
    ("UAE", "AE"), ("U.A.E.", "AE"), ("Korea Rep.", "KR"), ("Korea, Republic of", "KR"),
    ("South Korea", "KR"), ("S. Korea", "KR"), ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"),
    ("Cote d Ivoire", "CI"), ("USA", "US"), ("U.S.A.", "US"), ("United States of America", "US"),
    ("UK", "GB"), ("U.K.", "GB"), ("Great Britain", "GB"), ("England", "GB"), ("Scotland", "GB"),
    ("Wales", "GB"), ("Hong Kong SAR", "HK"), ("HK", "HK"), ("Macau", "MO"), ("Taiwan", "TW"),
    ("Taiwan, Province of China", "TW"), ("R.O.C.", "TW"), ("Holland", "NL"),
    ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Russia", "RU"), ("Iran", "IR"), ("Laos", "LA"),
    ("Burma", "MM"), ("Myanmar (Burma)", "MM"), ("Bolivia", "BO"), ("Venezuela", "VE"),
    ("Tanzania", "TZ"), ("Moldova", "MD"), ("Syria", "SY"), ("Swaziland", "SZ"),
    ("Macedonia", "MK"), ("Kosovo (XK)", "XK"), ("Cambodge", "KH"), ("Camboya", "KH"),
    ("Bangladesh", "BD"), ("DR Congo", "CD"), ("Congo (Kinshasa)", "CD"), ("Congo", "CG"),
])
def test_common_aliases_resolve(text: str, code: str) -> None:
    assert normalise_country(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Alemania", "DE"), ("Alemanha", "DE"), ("Allemagne", "DE"), ("Deutschland", "DE"),
    ("Germania", "DE"), ("Almanya", "DE"), ("德国", "DE"), ("德國", "DE"), ("Đức", "DE"),
    ("เยอรมนี", "DE"), ("Jerman", "DE"), ("Duitsland", "DE"), ("Niemcy", "DE"), ("ドイツ", "DE"),
    ("독일", "DE"), ("Chine", "CN"), ("Cina", "CN"), ("Çin", "CN"), ("中國", "CN"),
    ("Trung Quốc", "CN"), ("จีน", "CN"), ("Chiny", "CN"), ("Vietname", "VN"), ("Việt Nam", "VN"),
    ("越南", "VN"), ("Turquía", "TR"), ("Türkei", "TR"), ("Turchia", "TR"), ("Turcja", "TR"),
    ("Índia", "IN"), ("Inde", "IN"), ("Indien", "IN"), ("Marruecos", "MA"), ("Pays-Bas", "NL"),
    ("Reino Unido", "GB"), ("Estados Unidos", "US"), ("España", "ES"), ("Brasil", "BR"),
])
def test_names_in_member_languages_resolve(text: str, code: str) -> None:
    assert normalise_country(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("  china  ", "CN"), ("CHINA", "CN"), ("the Netherlands", "NL"), ("The Gambia", "GM"),
    ("Vietnam (VN)", "VN"), ("USA (California)", "US"), ("Cote d'Ivoire", "CI"),
    ("Bosnia & Herzegovina", "BA"), ("Trinidad and Tobago", "TT"), ("CN - China", "CN"),
    ("China / PRC", "CN"), ("Korea, Republic of", "KR"), ("Republic of Korea", "KR"),
    ("Bolivia, Plurinational State of", "BO"), ("DEU", "DE"), ("deu", "DE"), ("ITA", "IT"),
])
def test_matching_ignores_case_punctuation_the_and_trailing_qualifiers(text: str,
                                                                      code: str) -> None:
    assert normalise_country(text) == code


@pytest.mark.parametrize("text", ["", "   ", "of", "xx", "QQ", "Atlantis", "China / Vietnam",
                                  "Guangdong, China", "-", "N/A", "NA", "n.a.", "tbc"])
def test_unknown_or_conflicting_text_gives_none(text: str) -> None:
    assert normalise_country(text) is None


def test_two_letter_tokens_are_strict_codes_only() -> None:
    assert normalise_country("UK") == "GB"
    assert normalise_country("EL") == "GR"
    assert normalise_country("in") == "IN"
    assert normalise_country("ZZ") is None


@pytest.mark.parametrize("value", [None, 12, 3.5, b"CN"])
def test_non_text_values_give_none(value: object) -> None:
    assert normalise_country(value) is None


@pytest.mark.parametrize("code", ALPHA_2)
def test_every_alpha_2_code_resolves_to_itself(code: str) -> None:
    assert normalise_country(code) == code
    assert normalise_country(code.lower()) == code


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda country: country.alpha_2)
def test_every_alpha_3_code_and_english_name_resolves(country: object) -> None:
    code = country.alpha_2
    assert normalise_country(country.alpha_3) == code  # NAM for Namibia
    assert normalise_country(country.name) == code
    assert normalise_country(country_name(code)) == code


@given(st.sampled_from(ALPHA_2), st.sampled_from(["{}", " {} ", "({})", "{}."]))
def test_alpha_2_in_light_decoration_resolves(code: str, template: str) -> None:
    assert normalise_country(template.format(code)) == code


@given(st.text(max_size=30))
def test_normalise_country_never_raises(text: str) -> None:
    result = normalise_country(text)
    assert result is None or (len(result) == 2 and result.isupper())


@pytest.mark.parametrize(("code", "name"), [
    ("CN", "China"), ("KR", "South Korea"), ("TW", "Taiwan"), ("VN", "Vietnam"),
    ("GB", "United Kingdom"), ("XK", "Kosovo"), ("ru", "Russia"), ("IR", "Iran"),
])
def test_country_name_gives_the_english_common_name(code: str, name: str) -> None:
    assert country_name(code) == name


def test_country_name_of_unknown_code_is_the_code() -> None:
    assert country_name("ZZ") == "ZZ"


def test_fifty_thousand_rows_normalise_quickly() -> None:
    cells = ["China", "P.R. China", "Viet Nam", "Türkiye", "Bangladesh", "India", "UK"] * 7143
    for cell in cells[:7]:
        normalise_country(cell)
    started = time.perf_counter()
    for cell in cells:
        normalise_country(cell)
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(("typo", "code"), [
    ("Mexcio", "MX"), ("Thaoland", "TH"), ("Pakstan", "PK"), ("Chian", "CN"), ("Inida", "IN"),
    ("Bangladash", "BD"), ("Frnace", "FR"), ("Irak", "IQ"),
])
def test_a_misspelt_country_resolves_when_only_one_country_is_that_close(typo: str, code: str) -> None:
    assert normalise_country(typo) == code


@pytest.mark.parametrize("text", ["Austrlia", "Nigeri", "Narnia", "Overseas", "Far East", "Dhaka"])
def test_a_spelling_close_to_two_countries_or_to_none_stays_unknown(text: str) -> None:
    assert normalise_country(text) is None

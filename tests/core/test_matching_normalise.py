"""Normalising names, addresses, cities and postal codes for matching."""

from __future__ import annotations

import pytest

from aimdesk.core.matching.normalise import (GENERIC_BELOW, is_latin_name, normalise_address, normalise_city,
                                             normalise_name, normalise_postal_code)

# --- names ---------------------------------------------------------------------------


def test_name_word_order_and_brackets_do_not_change_the_tokens() -> None:
    left = normalise_name("Shenzhen Sunrise Garment Co., Ltd.", "CN")
    right = normalise_name("SUNRISE GARMENTS (SHENZHEN) CO LTD", "CN")
    assert set(left.tokens) == set(right.tokens) == {"shenzhen", "sunrise", "garment"}
    assert right.text == "sunrise garment shenzhen"  # order as found
    assert left.legal_form == right.legal_form == "co ltd"


def test_chinese_name_yields_place_token_and_drops_legal_form() -> None:
    key = normalise_name("深圳市旭日服装有限公司", "CN")
    latin = normalise_name("Shenzhen Sunrise Garment Co., Ltd.", "CN")
    assert key.tokens[0] == "shenzhen"
    assert "shenzhen" in latin.tokens and "garment" in key.tokens
    assert key.legal_form == "co ltd"
    assert "youxian" not in key.text and "gongsi" not in key.text


def test_chinese_trade_name_is_joined_like_its_latin_spelling() -> None:
    chinese = normalise_name("广东省东莞市新华制衣厂", "CN")
    latin = normalise_name("Dongguan Xinhua Garment Factory", "CN")
    assert {"dongguan", "xinhua", "garment", "factory"} <= set(chinese.tokens)
    assert set(latin.tokens) <= set(chinese.tokens)


def test_turkish_abbreviated_and_spelt_out_legal_forms_give_the_same_text() -> None:
    short = normalise_name("Ege Tekstil San. ve Tic. A.Ş.", "TR")
    long = normalise_name("EGE TEKSTIL SANAYI VE TICARET ANONIM SIRKETI", "TR")
    assert short.text == long.text == "ege textile"
    assert short.legal_form == long.legal_form == "san ve tic as"


def test_turkish_legal_form_chain_is_removed_whole() -> None:
    assert normalise_name("Ege Tekstil Tic. Ltd. Şti.", "TR").text == "ege textile"


def test_indian_private_limited_spellings_are_one_form() -> None:
    short = normalise_name("Shree Ganesh Exports Pvt. Ltd.", "IN")
    long = normalise_name("Shree Ganesh Exports Private Limited", "IN")
    bracket = normalise_name("Shree Ganesh Exports (P) Ltd", "IN")
    assert short.text == long.text == bracket.text
    assert short.legal_form == long.legal_form == "pvt ltd"


def test_mexican_sa_de_cv_is_removed_however_punctuated() -> None:
    dotted = normalise_name("Confecciones del Norte, S.A. de C.V.", "MX")
    plain = normalise_name("CONFECCIONES DEL NORTE SA DE CV", "MX")
    spaced = normalise_name("Confecciones del Norte S A de C V", None)
    assert dotted.text == plain.text == spaced.text
    assert dotted.legal_form == "sa de cv"
    assert "norte" in dotted.core.split()


def test_vietnamese_name_meets_its_english_form() -> None:
    vietnamese = normalise_name("Công ty TNHH May Việt Tiến", "VN")
    english = normalise_name("Viet Tien Garment Co., Ltd", "VN")
    assert {"viet", "tien"} <= set(vietnamese.tokens) & set(english.tokens)
    assert set(vietnamese.tokens) == set(english.tokens)  # "may" is "garment" in Vietnam
    assert vietnamese.legal_form == "tnhh"
    unknown_country = normalise_name("Công ty TNHH May Việt Tiến")
    assert {"viet", "tien"} <= set(unknown_country.tokens)


def test_start_only_legal_forms_stay_inside_a_name() -> None:
    assert normalise_name("PT. Sinar Jaya Tbk", "ID").text == "sinar jaya"
    assert normalise_name("Sinar Jaya, PT", "ID").text == "sinar jaya"
    assert normalise_name("Ege AS Tekstil", "TR").tokens == ("ege", "as", "textile")


def test_generic_words_weigh_less_than_distinctive_ones() -> None:
    key = normalise_name("Golden Star Textile Manufacturing Factory")
    weights = dict(zip(key.tokens, key.weights))
    assert weights["golden"] == weights["star"] == 1.0
    for generic in ("textile", "manufacturing", "factory"):
        assert weights[generic] < GENERIC_BELOW
    assert key.core == "golden star"


def test_name_of_generic_words_only_keeps_them_as_core() -> None:
    key = normalise_name("Garment Factory Co., Ltd.")
    assert key.text == key.core == "garment factory"


def test_plurals_and_abbreviations_map_to_one_form() -> None:
    assert (normalise_name("Sunrise Intl Mfg Industries").text
            == normalise_name("Sunrise International Manufacturing Industry").text)
    assert normalise_name("A & B Textiles").text == normalise_name("A and B Textile").text


def test_other_languages_generic_words_share_the_canonical_word() -> None:
    assert "factory" in normalise_name("Fábrica Santa Rosa").tokens
    assert "factory" in normalise_name("Usine du Nord SARL", "FR").tokens
    assert "factory" in normalise_name("Nhà máy Hòa Thọ", "VN").tokens


def test_name_keeps_numbers_without_marker_or_leading_zeros() -> None:
    assert normalise_name("Sunrise Factory No. 02").tokens == ("sunrise", "factory", "2")
    assert normalise_name("Sunrise Factory #2").tokens == ("sunrise", "factory", "2")


def test_name_made_only_of_legal_forms_is_kept() -> None:
    key = normalise_name("Co., Ltd.")
    assert key.text and key.legal_form == ""


def test_empty_name_gives_empty_key() -> None:
    key = normalise_name("")
    assert key.text == key.core == "" and key.tokens == () and key.weights == ()


# --- addresses -----------------------------------------------------------------------


def test_address_numbers_are_collected_in_order() -> None:
    key = normalise_address("No. 12, Lane 5, Xinhua Road")
    assert key.numbers == ("12", "5")
    assert key.tokens == ("lane", "xinhua", "road")


def test_address_abbreviations_are_expanded_and_hash_is_a_number_marker() -> None:
    key = normalise_address("#12 Xinhua Rd")
    assert key.numbers == ("12",)
    assert {"xinhua", "road"} <= set(key.tokens)
    assert normalise_address("Nº 12 Xinhua Road").numbers == ("12",)


def test_chinese_address_numbers_before_hao_dong_lou_shi() -> None:
    key = normalise_address("广东省深圳市宝安区新华路12号3栋501室", "深圳", "CN")
    assert key.numbers == ("12", "3", "501")
    assert {"xinhua", "road", "baoan", "district"} <= set(key.tokens)
    assert "shenzhen" not in key.tokens  # the record's city is left out


def test_chinese_and_latin_addresses_share_street_and_number() -> None:
    chinese = normalise_address("新华路12号", "Dongguan", "CN")
    latin = normalise_address("No. 12 Xinhua Road, Dongguan", "Dongguan", "CN")
    assert chinese.tokens == latin.tokens == ("xinhua", "road")
    assert chinese.numbers == latin.numbers == ("12",)


def test_address_number_ranges_units_and_leading_zeros() -> None:
    assert normalise_address("45-47 Station Road").numbers == ("45", "47")
    assert normalise_address("Unit 03A, 12/F, Tower B").numbers == ("3a", "12")
    assert normalise_address("3rd Floor, Bldg 7").numbers == ("3", "7")


def test_st_is_saint_before_a_name_and_street_after_one() -> None:
    assert normalise_address("St. Mary Road 45").tokens[:2] == ("saint", "mary")
    assert normalise_address("12 Main St").tokens == ("main", "street")


def test_postal_code_inside_address_stays_out_of_numbers() -> None:
    chinese = normalise_address("No. 12 Xinhua Road, Shenzhen 518101, China", "Shenzhen", "CN")
    assert chinese.numbers == ("12",)
    assert "518101" in chinese.text
    indian = normalise_address("Plot 7, SIPCOT, Tiruppur - 641 604", "Tiruppur", "IN")
    assert indian.numbers == ("7",)
    us_house = normalise_address("12345 Main Street, Springfield 62704", "Springfield", "US")
    assert us_house.numbers == ("12345",)


def test_vietnamese_address_words_match_english_ones() -> None:
    vietnamese = normalise_address("Số 12 Đường Nguyễn Trãi, Phường 5, Quận 3, TP. Hồ Chí Minh",
                                   "TP HCM", "VN")
    english = normalise_address("12 Nguyen Trai Street, Ward 5, District 3, HCMC",
                                "Ho Chi Minh City", "VN")
    assert set(vietnamese.tokens) == set(english.tokens)
    assert vietnamese.numbers == english.numbers == ("12", "5", "3")


def test_vietnamese_place_name_is_not_read_as_street() -> None:
    assert normalise_address("Thuận An, Bình Dương", "", "VN").tokens == (
        "thuan", "an", "binh", "duong")


def test_turkish_and_spanish_abbreviations() -> None:
    turkish = normalise_address("Atatürk Cad. No:45 Gaziemir", "İzmir", "TR")
    assert turkish.tokens == ("ataturk", "caddesi", "gaziemir") and turkish.numbers == ("45",)
    assert normalise_address("Mah. 1203 Sk. No 5", "", "TR").tokens == ("mahallesi", "sokak")
    assert normalise_address("C/ Mayor 3", "", "ES").tokens == ("calle", "mayor")
    assert normalise_address("Avda. Juárez 100", "", "MX").tokens == ("avenue", "juarez")


# --- postal codes --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("518000", "CN", "518000"),
    ("641 604", "IN", "641604"),
    ("PIN: 641604", "IN", "641604"),
    ("12345-6789", "US", "12345"),
    ("2134", "US", "02134"),
    ("sw1a 1aa", "GB", "SW1A1AA"),
    ("SW1A1AA", "GB", "SW1A1AA"),
    ("01310-100", "BR", "01310100"),
    ("35410", "TR", "35410"),
    ("8001", "ES", "08001"),
    ("700000", "VN", "700000"),
    ("4700-123", "PT", "4700-123"),
    ("4700123", "PT", "4700-123"),
    ("518000.0", "CN", "518000"),
])
def test_postal_codes_take_their_country_form(text: str, country: str, expected: str) -> None:
    assert normalise_postal_code(text, country) == expected


@pytest.mark.parametrize(("text", "country"), [
    ("N/A", "CN"), ("", "IN"), ("123", "CN"), ("64160", "IN"), ("64l604", "IN"),
    ("000000", "CN"), ("ABCDE", "DE"), ("1234", "GB"), ("4700", "PT"), ("12 34 56 78", "TR"),
])
def test_postal_codes_that_do_not_fit_are_rejected(text: str, country: str) -> None:
    assert normalise_postal_code(text, country) is None


def test_postal_code_without_country_is_cleaned_only() -> None:
    assert normalise_postal_code("ab-12 3", None) == "AB123"
    assert normalise_postal_code("n/a", None) is None


# --- cities --------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", [
    "Ho Chi Minh City", "HCMC", "Saigon", "TP HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"])
def test_ho_chi_minh_city_spellings_are_one_city(spelling: str) -> None:
    assert normalise_city(spelling, "VN") == "ho chi minh city"


@pytest.mark.parametrize(("left", "right", "country"), [
    ("Bengaluru", "Bangalore", "IN"), ("Gurugram", "Gurgaon", "IN"), ("Mumbai", "Bombay", "IN"),
    ("Chennai", "Madras", "IN"), ("Kolkata", "Calcutta", "IN"), ("Guangzhou", "Canton", "CN"),
    ("Istanbul", "İstanbul", "TR"), ("İzmir", "Izmir", "TR"), ("Dhaka", "Dacca", "BD"),
    ("Yangon", "Rangoon", "MM"), ("Shenzhen", "深圳市", "CN"), ("Shenzhen City", "Shenzhen Shi", "CN"),
])
def test_city_variants_meet(left: str, right: str, country: str) -> None:
    assert normalise_city(left, country) == normalise_city(right, country)


def test_city_aliases_of_one_country_do_not_apply_to_another() -> None:
    assert normalise_city("Canton", "US") == "canton"


def test_city_noise_words_and_province_part_are_dropped() -> None:
    assert normalise_city("Dongguan City, Guangdong Province", "CN") == "dongguan"
    assert normalise_city("Osaka-shi") == "osaka"
    assert normalise_city("广东省东莞市", "CN") == "dongguan"
    assert normalise_city("") == ""


def test_misspelt_vocabulary_words_read_as_the_word_they_stand_for() -> None:
    assert normalise_name("Bharat Cuothing Pvt. Ltd.", "IN").tokens == normalise_name("Bharat Clothing Pvt. Ltd.", "IN").tokens
    assert normalise_name("Kittisak Packaging Compauy Limited", "TH").core == "kittisak"
    assert "knitting" in normalise_name("TANZIL KKNIT WEAR LIMITED", "BD").tokens


def test_short_words_one_letter_from_a_vocabulary_word_stay_themselves() -> None:
    assert "grade" in normalise_name("Pacific Grade Textiles", "US").tokens  # not "trade"
    assert "tred" in normalise_name("Golden Tred Fabrics", "IN").tokens


@pytest.mark.parametrize(("name", "unit"), [
    ("源顺蜡烛有限公司二厂", "2"), ("深圳伟新纺织第十二分厂", "12"), ("宁波华美服装二十三厂", "23"), ("东莞恒安鞋业十厂", "10"),
])
def test_chinese_plant_numbers_become_unit_numbers(name: str, unit: str) -> None:
    key = normalise_name(name, "CN")
    assert key.tokens[-2:] == ("plant", unit)


def test_silent_thai_letters_are_not_read() -> None:
    thai = normalise_name("บริษัท กิตติศักดิ์แล็บบอราทอรี่ จำกัด", "TH")
    latin = normalise_name("Kittisak Labs Co., Ltd.", "TH")
    assert thai.tokens == latin.tokens == ("kittisak", "laboratory")
    assert thai.legal_form == "co ltd"


def test_vietnamese_industry_words_meet_their_english_form() -> None:
    assert set(normalise_name("Công ty TNHH Nội thất Hoàng Gia", "VN").tokens) == \
        set(normalise_name("Hoang Gia Furniture Co., Ltd.", "VN").tokens)


@pytest.mark.parametrize(("name", "latin"), [
    ("Công ty Cổ phần Dệt Đại Phát分厂", True), ("Shenzhen Weixin Textile", True),
    ("深圳伟新纺织有限公司", False), ("บริษัท วัฒนาอาหารทะเล จำกัด", False),
])
def test_a_name_is_latin_when_only_vocabulary_words_are_in_another_script(name: str, latin: bool) -> None:
    assert is_latin_name(name, "VN") is latin

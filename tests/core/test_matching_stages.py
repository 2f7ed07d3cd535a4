"""Each matching stage on a handful of hand-made records, hard negatives included."""

from __future__ import annotations

from collections import Counter

import pytest

from aimdesk.core.matching.blocking import PARTNER_LIMIT, candidate_pairs, pack, unpack
from aimdesk.core.matching.compare import FIELDS, NULL, compare
from aimdesk.core.matching.features import site_record, site_records
from aimdesk.core.matching.model import default_model, estimate, probability
from aimdesk.core.matching.score import describe_weight, score_pair
from aimdesk.core.store.matching import MatchInput


def record(record_id: int, name: str, address: str = "", city: str = "", country: str = "CN",
           postal: str = "", sedex: str = "", member: int = 1) -> MatchInput:
    return MatchInput(record_id, member, name, address, city, "", postal, country, sedex, None)


def levels(left: MatchInput, right: MatchInput) -> dict[str, str]:
    vector = compare(site_record(left), site_record(right))
    return {f.name: (f.levels[level].label if level != NULL else "-") for f, level in zip(FIELDS, vector)}


SUNRISE_A = record(1, "Shenzhen Sunrise Garment Co., Ltd.", "No. 12 Xinhua Road, Bao'an", "Shenzhen", postal="518101")
SUNRISE_B = record(2, "SUNRISE GARMENTS (SHENZHEN) CO LTD", "#12 Xinhua Rd", "SHENZHEN", postal="518101", member=2)
SUNRISE_OTHER_PLANT = record(3, "Shenzhen Sunrise Garment Co., Ltd.", "No. 88 Gongye Road", "Dongguan", postal="523000", member=3)
GOLDEN_CN = record(4, "Golden Star Textiles", "No. 5 Renmin Road", "Ningbo")
GOLDEN_IN = record(5, "Golden Star Textiles", "Plot 5, MIDC", "Tiruppur", country="IN")


def test_two_spellings_of_one_factory_agree_on_name_and_address() -> None:
    assert levels(SUNRISE_A, SUNRISE_B) == {
        "sedex": "-", "name": "same", "location": "same address and postal code", "country": "same",
        "member": "different members"}


def test_another_plant_of_the_same_company_differs_by_place() -> None:
    assert levels(SUNRISE_A, SUNRISE_OTHER_PLANT)["location"] in ("different places", "different numbers")


def test_the_same_name_in_two_countries_is_two_sites() -> None:
    assert levels(GOLDEN_CN, GOLDEN_IN)["country"] == "different"


def test_plant_numbers_in_names_tell_sites_apart() -> None:
    first = record(6, "Conservas El Olivar S.L. (Plant 2)", "Calle del Comercio 28", "Jaen", country="ES")
    second = record(7, "Conservas El Olivar SL Plant 3", "Calle del Comercio 30", "Jaen", country="ES")
    assert levels(first, second)["name"] == "different unit numbers"


def test_sedex_site_references_are_exact_evidence() -> None:
    left = record(8, "Alpha Knit", sedex="ZS000123456")
    same = record(9, "Alfa Knitting", sedex="ZS123456")
    other = record(10, "Alpha Knit", sedex="ZS999999")
    assert levels(left, same)["sedex"] == "same site id"
    assert levels(left, other)["sedex"] == "different site ids"


def test_a_chinese_name_and_its_pinyin_read_alike() -> None:
    chinese = record(11, "深圳市旭日服装有限公司", "广东省深圳市宝安区新华路12号", "深圳")
    pinyin = record(12, "Shenzhen Xuri Garment Co., Ltd.", "No. 12 Xinhua Road", "Shenzhen")
    assert levels(chinese, pinyin)["name"] == "other script, same reading"


def test_blocking_pairs_spellings_and_skips_unrelated_records() -> None:
    records, _ = site_records([SUNRISE_A, SUNRISE_B, SUNRISE_OTHER_PLANT, GOLDEN_CN, GOLDEN_IN])
    pairs = {unpack(key) for key in candidate_pairs(records)}
    assert (1, 2) in pairs and (1, 3) in pairs
    assert (1, 4) not in pairs and (4, 5) not in pairs  # other words, other countries


def test_a_record_without_a_country_still_meets_its_other_spellings() -> None:
    nowhere = record(6, "Golden Star Textile Co", "5 Renmin Rd", "Ningbo", country="")
    pairs = {unpack(key) for key in candidate_pairs(site_records([GOLDEN_CN, GOLDEN_IN, nowhere])[0])}
    assert (4, 6) in pairs and (5, 6) in pairs


def test_blocking_with_a_focus_pairs_only_the_new_records() -> None:
    records, _ = site_records([SUNRISE_A, SUNRISE_B, SUNRISE_OTHER_PLANT])
    pairs = {unpack(key) for key in candidate_pairs(records, focus=[3])}
    assert pairs and all(3 in pair for pair in pairs)
    assert pack(5, 2) == pack(2, 5)


def test_the_default_model_scores_a_true_pair_high_and_a_plant_apart_low() -> None:
    model = default_model()
    by_id = {r.id: r for r in site_records([SUNRISE_A, SUNRISE_B, SUNRISE_OTHER_PLANT])[0]}
    assert score_pair(model, by_id[1], by_id[2]).probability > 0.95
    assert score_pair(model, by_id[1], by_id[3]).probability < 0.3


def test_every_explanation_names_both_values_and_says_it_in_words() -> None:
    by_id = {r.id: r for r in site_records([SUNRISE_A, SUNRISE_B])[0]}
    score = score_pair(default_model(), by_id[1], by_id[2])
    name = next(c for c in score.contributions if c.field == "name")
    assert (name.left, name.right) == (SUNRISE_A.site_name, SUNRISE_B.site_name)
    assert "times more likely to be the same site" in name.description
    assert describe_weight(-3.0) == "8.0 times less likely to be the same site"


def test_known_pairs_move_the_model_towards_them() -> None:
    vector = compare(site_record(SUNRISE_A), site_record(SUNRISE_OTHER_PLANT))
    before = default_model().weight(vector)
    after = estimate(Counter({vector: 10}), labelled={(vector, True): 500}).weight(vector)
    assert after > before
    assert 0 < probability(after) <= 1


def test_a_shared_city_does_not_make_two_trade_names_alike() -> None:
    left = record(20, "Shenzhen Hongcheng Knitwear Co., Ltd.", "No. 3 Chuangye Road", "Shenzhen")
    right = record(21, "Shenzhen Kangfeng Knitwear Co., Ltd.", "No. 3 Chuangye Road", "Shenzhen", member=2)
    chinese = record(22, "深圳宏诚针织服装有限公司", "广东省深圳市龙岗区创业路3号", "深圳", member=3)
    assert levels(left, right)["name"] == "different"
    assert levels(chinese, right)["name"] == "other script"
    assert levels(chinese, left)["name"] == "other script, same reading"


def test_a_slip_in_a_short_word_keeps_names_very_similar() -> None:
    assert levels(record(23, "Zhengzhou Liad Apparel Co., Ltd."), record(24, "Zhengzhou Lida Apparel Co Ltd"))["name"] == "very similar"
    assert levels(record(25, "Ravi Denim Ltd.", country="PK"), record(26, "Raei Denim Ltd", country="PK"))["name"] == "very similar"


def test_a_misspelt_common_word_weighs_what_the_word_weighs() -> None:
    common = [record(30 + i, f"Dongguan Trader {i}", "", "Dongguan") for i in range(30)]
    left = record(80, "Dongguai Guangheng Apparel Ltd", "No. 20 Jianshe Road", "Dongguan")
    right = record(81, "Dongguan Guangheng Apparel Ltd. Plant 1", "No. 20 Jianshe Road", "Dongguan", member=2)
    records, _ = site_records([*common, left, right])
    by_id = {r.id: r for r in records}
    vector = compare(by_id[80], by_id[81])
    assert FIELDS[1].levels[vector[1]].label in ("very similar", "one within the other")


def test_labels_in_latin_script_do_not_teach_the_cross_script_levels() -> None:
    name = [f.name for f in FIELDS].index("name")
    labels = [level.label for level in FIELDS[name].levels]
    latin = compare(site_record(SUNRISE_A), site_record(SUNRISE_B))
    few = estimate(Counter({latin: 100}), labelled={(latin, True): 10, (latin, False): 10})
    many = estimate(Counter({latin: 100}), labelled={(latin, True): 5000, (latin, False): 10})
    assert many.field_weight(name, labels.index("same")) > few.field_weight(name, labels.index("same"))
    for level in (labels.index("other script, same reading"), labels.index("other script")):
        assert many.field_weight(name, level) == pytest.approx(few.field_weight(name, level))
    assert many.field_weight(name, labels.index("other script, same reading")) > 2


def test_a_crowded_record_keeps_the_partners_it_shares_most_with() -> None:
    """20 x 20 records, each sharing a name word with its row and one with its column:
    38 partners each, more than the limit; the pair that also shares a postal code stays."""
    syllables = [c + v for c in "bdgkmptvz" for v in "aeiou"]
    words = [f"{a}{b}q" for a, b in zip(syllables[:40], reversed(syllables))]
    grid = [record(row * 20 + col + 1, f"{words[row]} {words[20 + col]}", city=f"Town {row * 20 + col}",
                   postal="518101" if row * 20 + col + 1 in (1, 400) else "")
            for row in range(20) for col in range(20)]
    keys = candidate_pairs(site_records(grid)[0])
    pairs = {unpack(key) for key in keys}
    assert keys == sorted(keys)
    assert (1, 400) in pairs  # a postal code and nothing else in common, but a rare one
    assert len(pairs) < 400 * 38 // 2
    assert min(Counter(end for pair in pairs for end in pair).values()) == PARTNER_LIMIT
    assert all((a - 1) // 20 == (b - 1) // 20 or (a - b) % 20 == 0 or (a, b) == (1, 400) for a, b in pairs)

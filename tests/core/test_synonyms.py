"""Header synonyms: which canonical field a header cell means, in many languages."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.core.ingest.synonyms import (
    header_field_scores,
    header_likeness,
    normalise_header,
)
from aimdesk.core.resources import load_json


def best_field(text: str) -> str | None:
    scores = header_field_scores(text)
    return max(scores, key=scores.__getitem__) if scores else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Nombre de la Fábrica:", "nombredelafabrica"),
    ("工厂 名称", "工厂名称"),
    ("  Site_Name ", "sitename"),
    ("SEDEX   ID", "sedexid"),
    ("Fabrika adı", "fabrikaadi"),
    ("Tên nhà máy", "tennhamay"),
    ("Vendor #", "vendorno"),
    ("Nº Sedex", "nosedex"),
    ("N° Sedex", "nosedex"),
])
def test_normalise_header_ignores_case_accents_spaces_and_punctuation(text: str,
                                                                      expected: str) -> None:
    assert normalise_header(text) == expected


def test_normalise_header_keeps_thai_marks() -> None:
    assert normalise_header("ชื่อ โรงงาน") == "ชื่อโรงงาน"


@pytest.mark.parametrize(("header", "field"), [
    ("Factory name", "site_name"), ("Site Name", "site_name"), ("Supplier site", "site_name"),
    ("Facility name", "site_name"), ("Production site", "site_name"),
    ("Nombre de la fábrica", "site_name"), ("Razón social", "site_name"),
    ("Nome da fábrica", "site_name"), ("Nom de l'usine", "site_name"), ("Werk", "site_name"),
    ("Standortname", "site_name"), ("Nome stabilimento", "site_name"), ("Fabrika adı", "site_name"),
    ("工厂名称", "site_name"), ("工廠名稱", "site_name"), ("供应商名称", "site_name"),
    ("Tên nhà máy", "site_name"), ("ชื่อโรงงาน", "site_name"), ("Nama pabrik", "site_name"),
    ("Supplier name", "site_name"), ("Fournisseur", "site_name"), ("Lieferant", "site_name"),
    ("Address", "address"), ("Dirección", "address"), ("Endereço", "address"),
    ("Anschrift", "address"), ("地址", "address"), ("Địa chỉ", "address"), ("Alamat", "address"),
    ("Factory address", "address"),
    ("City", "city"), ("Ciudad", "city"), ("Ville", "city"), ("Stadt", "city"), ("城市", "city"),
    ("State", "region"), ("Province", "region"), ("Estado", "region"), ("Provincia", "region"),
    ("省份", "region"), ("Tỉnh", "region"), ("จังหวัด", "region"),
    ("Zip", "postal_code"), ("Postcode", "postal_code"), ("Código postal", "postal_code"),
    ("CEP", "postal_code"), ("PLZ", "postal_code"), ("CAP", "postal_code"),
    ("Posta kodu", "postal_code"), ("邮编", "postal_code"), ("Mã bưu chính", "postal_code"),
    ("รหัสไปรษณีย์", "postal_code"), ("Kode pos", "postal_code"), ("Zip code", "postal_code"),
    ("Country", "country"), ("País", "country"), ("Pays", "country"), ("Land", "country"),
    ("Ülke", "country"), ("国家", "country"), ("Quốc gia", "country"), ("Factory country", "country"),
    ("Sedex ID", "sedex_id"), ("ZS number", "sedex_id"), ("Sedex site reference", "sedex_id"),
    ("Sedex ref", "sedex_id"), ("ZS", "sedex_id"), ("Sedex Site Ref (ZS)", "sedex_id"),
    ("Nº Sedex", "sedex_id"), ("Supplier Sedex ID", "sedex_id"),
    ("Vendor ID", "member_ref"), ("Supplier code", "member_ref"), ("Vendor no.", "member_ref"),
    ("Vendor #", "member_ref"), ("Código proveedor", "member_ref"), ("SAP no", "member_ref"),
    ("供应商编号", "member_ref"), ("Lieferantennummer", "member_ref"),
    ("Audit date", "audit_date"), ("Date of audit", "audit_date"), ("Last audit", "audit_date"),
    ("Fecha de auditoría", "audit_date"), ("Data da auditoria", "audit_date"),
    ("Date d'audit", "audit_date"), ("Auditdatum", "audit_date"), ("Data audit", "audit_date"),
    ("Denetim tarihi", "audit_date"), ("审核日期", "audit_date"), ("Ngày đánh giá", "audit_date"),
    ("วันที่ตรวจประเมิน", "audit_date"), ("Tanggal audit", "audit_date"),
    ("Date of last SMETA audit", "audit_date"),
    ("Audit type", "audit_type"), ("Audit standard", "audit_type"), ("Scheme", "audit_type"),
    ("Protocol", "audit_type"), ("Tipo de auditoría", "audit_type"), ("Norma", "audit_type"),
    ("审核类型", "audit_type"), ("Last audit type", "audit_type"),
    ("Audit company", "audit_firm"), ("Auditing body", "audit_firm"),
    ("Certification body", "audit_firm"), ("Auditor", "audit_firm"),
    ("Empresa auditora", "audit_firm"), ("审核机构", "audit_firm"), ("Auditor name", "audit_firm"),
    ("Name of the auditing company", "audit_firm"),
])
def test_real_world_headers_map_to_their_field(header: str, field: str) -> None:
    assert best_field(header) == field


@pytest.mark.parametrize(("header", "field"), [
    ("FAC. NAME", "site_name"), ("Fac. Name", "site_name"), ("ADDR.", "address"),
    ("Addr.", "address"), ("ST/PROV", "region"), ("AUD. CO.", "audit_firm"),
    ("Aud. Co.", "audit_firm"), ("Aud. Date", "audit_date"), ("AUD. TYPE", "audit_type"),
    ("Ctry", "country"), ("CTRY", "country"), ("VENDOR #", "member_ref"),
    ("SEDEX ZS # (IF ANY)", "sedex_id"),
])
def test_abbreviated_headers_map_to_their_field(header: str, field: str) -> None:
    assert best_field(header) == field
    assert header_field_scores(header)[field] >= 0.9


@pytest.mark.parametrize(("header", "field"), [
    ("Naam vestiging", "site_name"), ("Vestiging", "site_name"), ("Adres", "address"),
    ("Plaats", "city"), ("Provincie", "region"), ("Postcode", "postal_code"), ("Land", "country"),
    ("Sedex-nummer", "sedex_id"), ("Leveranciersnummer", "member_ref"),
    ("Auditdatum", "audit_date"), ("Soort audit", "audit_type"), ("Auditbureau", "audit_firm"),
])
def test_dutch_headers_map_to_their_field(header: str, field: str) -> None:
    assert best_field(header) == field


@pytest.mark.parametrize(("header", "field"), [
    ("Nama Kilang", "site_name"), ("Kilang", "site_name"), ("Alamat", "address"),
    ("Bandar", "city"), ("Negeri", "region"), ("Poskod", "postal_code"), ("Negara", "country"),
    ("No. Sedex", "sedex_id"), ("Kod Pembekal", "member_ref"), ("Tarikh Audit", "audit_date"),
    ("Jenis Audit", "audit_type"), ("Firma Audit", "audit_firm"),
])
def test_malay_headers_map_to_their_field(header: str, field: str) -> None:
    assert best_field(header) == field


@pytest.mark.parametrize(("header", "field"), [
    ("Zakład", "site_name"), ("Nazwa zakładu", "site_name"), ("Zakład (lokalizacja)", "site_name"),
    ("Lokalizacja", "site_name"), ("Dostawca", "site_name"), ("Firma", "site_name"),
    ("Adres", "address"), ("Adres zakładu", "address"), ("Miasto", "city"),
    ("Województwo", "region"), ("Województwo / region", "region"), ("Kod pocztowy", "postal_code"),
    ("Kraj", "country"), ("Nr Sedex (ZS)", "sedex_id"), ("Nr dostawcy", "member_ref"),
    ("Data audytu", "audit_date"), ("Rodzaj audytu", "audit_type"),
    ("Firma audytorska", "audit_firm"),
])
def test_polish_headers_map_to_their_field(header: str, field: str) -> None:
    assert best_field(header) == field


@pytest.mark.parametrize("header", ["지역", "시/도", "州・省", "都道府県", "省"])
def test_korean_and_japanese_region_headers_map_to_region(header: str) -> None:
    assert best_field(header) == "region"


def test_leverancier_and_dostawca_weigh_like_supplier() -> None:
    supplier = header_field_scores("Supplier")["site_name"]
    assert header_field_scores("Leverancier")["site_name"] == supplier
    assert header_field_scores("Dostawca")["site_name"] == supplier
    assert header_field_scores("Firma")["site_name"] < supplier


@pytest.mark.parametrize(("site", "company"), [
    ("Zakład (lokalizacja)", "Dostawca (firma)"),
    ("Factory (site)", "Supplier (company)"),
    ("Factory", "Parent company"),
    ("Site", "Group"),
])
def test_site_headers_beat_company_headers_for_site_name(site: str, company: str) -> None:
    assert header_field_scores(site)["site_name"] > header_field_scores(company).get("site_name", 0)


@pytest.mark.parametrize("header", [
    "Parent company", "Parent company name", "Holding company", "Group name", "Grupo", "集团名称",
    "Supplier group",
])
def test_owner_headers_score_too_low_to_be_the_site(header: str) -> None:
    assert header_field_scores(header).get("site_name", 0) < 0.5


@pytest.mark.parametrize(("header", "field"), [
    ("Audit date (dd/mm/yyyy)", "audit_date"), ("Country (ISO)", "country"),
    ("Sedex ZS # (if any)", "sedex_id"), ("Sedex ZS #\n(if any)", "sedex_id"),
    ("Factory name (English)", "site_name"), ("Postcode [optional]", "postal_code"),
    ("Audit\nstandard", "audit_type"),
])
def test_bracketed_notes_do_not_hide_the_field(header: str, field: str) -> None:
    assert best_field(header) == field
    assert header_field_scores(header)[field] >= 0.9


def test_brackets_naming_another_field_are_not_a_note() -> None:
    assert best_field("Supplier (Sedex ID)") == "sedex_id"
    assert best_field("Name (auditor)") == "audit_firm"


@pytest.mark.parametrize("header", [
    "Factory name", "FACTORY NAME", "factory_name", "Factory Name:", "Factory-Name", " factory name ",
])
def test_exact_synonym_scores_full_weight_in_any_case_or_punctuation(header: str) -> None:
    assert header_field_scores(header)["site_name"] == 1.0


def test_supplier_words_score_below_factory_words_for_site_name() -> None:
    factory = header_field_scores("Factory name")["site_name"]
    supplier = header_field_scores("Supplier name")["site_name"]
    company = header_field_scores("Company")["site_name"]
    assert factory > supplier > company > 0


def test_site_word_qualifying_another_field_does_not_win_site_name() -> None:
    scores = header_field_scores("Supplier postal code")
    assert max(scores, key=scores.__getitem__) == "postal_code"
    assert scores["site_name"] < 0.5


def test_header_containing_a_synonym_scores_by_coverage() -> None:
    covering_most = header_field_scores("Audit date (dd/mm/yyyy)")["audit_date"]
    assert 0.5 <= covering_most < 1.0


def test_misspelt_header_scores_by_fuzzy_match() -> None:
    assert 0.5 <= header_field_scores("Factroy name")["site_name"] < 1.0


@pytest.mark.parametrize("cell", [
    "Capacity", "Thailand", "12/03/2024", "45363", "", "   ", "Shenzhen Bright Garment Co., Ltd.",
    "No.", "S/N",
])
def test_data_cells_and_row_numbers_do_not_look_like_headers(cell: str) -> None:
    assert header_likeness(cell) < 0.5


def test_short_latin_synonym_must_be_a_whole_word() -> None:
    assert "postal_code" not in header_field_scores("Capacity (pcs)")
    assert "postal_code" in header_field_scores("CAP / Codice")


def test_header_field_scores_returns_only_positive_scores_in_range() -> None:
    for header in ("Factory name", "Supplier Sedex ID", "Date of last SMETA audit", "foo"):
        scores = header_field_scores(header)
        assert all(0 < score <= 1 for score in scores.values())
        assert set(scores) <= set(CANONICAL_FIELDS)


def test_vocabulary_covers_every_canonical_field_with_valid_weights() -> None:
    vocabulary = load_json("header_synonyms.json")
    assert {field for field in vocabulary if not field.startswith("_")} == set(CANONICAL_FIELDS)
    for field in CANONICAL_FIELDS:
        for entry in vocabulary[field]:
            weight = 1.0 if isinstance(entry, str) else entry[1]
            assert 0 < weight <= 1, (field, entry)


def test_every_synonym_scores_at_least_its_weight_for_some_field() -> None:
    vocabulary = load_json("header_synonyms.json")
    for field in CANONICAL_FIELDS:
        for entry in vocabulary[field]:
            text, weight = (entry, 1.0) if isinstance(entry, str) else entry
            assert header_field_scores(text).get(field, 0) >= weight, (field, text)


def test_scoring_a_sheet_of_header_candidates_is_fast() -> None:
    cells = [f"Factory {row} Co Ltd {col}" for row in range(30) for col in range(40)]
    started = time.perf_counter()
    for cell in cells:
        header_likeness(cell)
    assert time.perf_counter() - started < 1.0


@given(st.text(max_size=60))
def test_header_likeness_is_a_score_for_any_text(text: str) -> None:
    assert 0.0 <= header_likeness(text) <= 1.0


@given(st.text(max_size=40))
def test_normalise_header_is_idempotent(text: str) -> None:
    once = normalise_header(text)
    assert normalise_header(once) == once

"""Columns are mapped from headers in many languages, from values, and from the user."""

from __future__ import annotations

import pytest

from aimdesk.core.errors import MappingError
from aimdesk.core.ingest.header import detect_header
from aimdesk.core.ingest.mapping import parse_overrides, require_fields, suggest_mapping

LANGUAGE_HEADERS = {
    "english": ["Vendor No.", "Supplier Site Name", "Street Address", "City", "State",
                "Zip Code", "Country", "Sedex Site Ref", "Last Audit Date", "Audit Standard",
                "Audit Firm"],
    "spanish": ["Código proveedor", "Nombre de la fábrica", "Dirección", "Ciudad", "Provincia",
                "Código postal", "País", "Nº Sedex", "Fecha de auditoría", "Tipo de auditoría",
                "Empresa auditora"],
    "portuguese": ["Código do fornecedor", "Nome da fábrica", "Endereço", "Cidade", "Estado",
                   "CEP", "País", "Sedex ID", "Data da auditoria", "Tipo de auditoria",
                   "Empresa de auditoria"],
    "french": ["Code fournisseur", "Nom du site", "Adresse", "Ville", "Région", "Code postal",
               "Pays", "Référence Sedex", "Date d'audit", "Type d'audit", "Cabinet d'audit"],
    "german": ["Lieferantennummer", "Standortname", "Straße", "Ort", "Bundesland", "PLZ", "Land",
               "Sedex-ID", "Auditdatum", "Auditart", "Auditor"],
    "turkish": ["Tedarikçi kodu", "Fabrika adı", "Adres", "Şehir", "Bölge", "Posta kodu", "Ülke",
                "Sedex ID", "Denetim tarihi", "Denetim türü", "Denetim firması"],
    "chinese": ["供应商编号", "工厂名称", "地址", "城市", "省份", "邮编", "国家", "Sedex编号",
                "审核日期", "审核类型", "审核机构"],
    "vietnamese": ["Mã nhà cung cấp", "Tên nhà máy", "Địa chỉ", "Thành phố", "Tỉnh",
                   "Mã bưu chính", "Quốc gia", "Mã Sedex", "Ngày đánh giá", "Loại đánh giá",
                   "Tổ chức đánh giá"],
}
EXPECTED = ["member_ref", "site_name", "address", "city", "region", "postal_code", "country",
            "sedex_id", "audit_date", "audit_type", "audit_firm"]


@pytest.mark.parametrize("language", sorted(LANGUAGE_HEADERS))
def test_headers_map_in_each_language(language: str) -> None:
    labels = LANGUAGE_HEADERS[language]
    header = detect_header([["Supplier list"], [], labels, ["x"] * len(labels)])
    assert header is not None and header.row_number == 3
    mapping = suggest_mapping(header, [])
    found = {choice.field: choice.column for choice in mapping.choices}
    assert {field: labels[column] for field, column in found.items()} == dict(zip(EXPECTED, labels))


def test_factory_column_wins_site_name_over_supplier_company_column() -> None:
    header = detect_header([["Supplier name", "Factory name", "Country", "Audit date"]])
    mapping = suggest_mapping(header, [])
    assert mapping.as_labels()["site_name"] == "Factory name"


def test_values_give_away_unnamed_columns() -> None:
    rows = [["Name", "Ref 1", "Ref 2", "When", "Where"]]
    data = [[f"Factory {i}", f"ZS{100000000 + i}", f"X{i}", f"{i + 1:02d}/03/2025", "Bangladesh"]
            for i in range(20)]
    header = detect_header(rows + data, header_row=1)
    mapping = suggest_mapping(header, data)
    labels = mapping.as_labels()
    assert labels["sedex_id"] == "Ref 1"
    assert labels["audit_date"] == "When"
    assert labels["country"] == "Where"
    assert all(c.source == "values" for c in mapping.choices if c.field in ("sedex_id", "country"))


def test_user_override_by_header_or_column_letter() -> None:
    header = detect_header([["Name", "Nom usine", "Pays"]], header_row=1)
    mapping = suggest_mapping(header, [], overrides={"site_name": "Nom usine", "country": "C"})
    assert mapping.as_labels() == {"site_name": "Nom usine", "country": "Pays"}
    assert {c.source for c in mapping.choices} == {"user"}


def test_override_naming_a_missing_column_lists_the_columns() -> None:
    header = detect_header([["Name", "Country", "Date"]], header_row=1)
    with pytest.raises(MappingError, match="no column 'Fabrik'.*'Name', 'Country', 'Date'"):
        suggest_mapping(header, [], overrides={"site_name": "Fabrik"})


def test_member_template_is_applied_first() -> None:
    header = detect_header([["Supplier", "Plant", "Country"]], header_row=1)
    mapping = suggest_mapping(header, [], template={"site_name": "Plant"})
    assert mapping.as_labels()["site_name"] == "Plant"
    assert mapping.choices[0].source == "template"


@pytest.mark.parametrize(("pair", "message"), [
    ("site_name", "is not FIELD=HEADER"),
    ("factory=Name", "'factory' is not a field; the fields are site_name, address"),
])
def test_bad_override_options_are_explained(pair: str, message: str) -> None:
    with pytest.raises(MappingError, match=message):
        parse_overrides([pair])


def test_a_list_without_a_site_name_column_is_refused() -> None:
    header = detect_header([["Country", "Audit date", "Audit type"]], header_row=1)
    mapping = suggest_mapping(header, [])
    with pytest.raises(MappingError, match="no column for site name; map one with --map "
                       r"site_name=HEADER \(its columns are 'Country', 'Audit date', 'Audit type'\)"):
        require_fields(mapping, header, sheet_label="Sheet 'S'")


def test_the_column_naming_the_scheme_wins_over_an_audit_type_of_full_or_follow_up() -> None:
    rows = [["Site name", "Audit Type", "Monitoring Programme"]]
    data = [[f"Site {i}", "Full Audit" if i % 2 else "Follow-up Audit", "amfori BSCI"] for i in range(10)]
    header = detect_header(rows + data, header_row=1)
    assert suggest_mapping(header, data).as_labels()["audit_type"] == "Monitoring Programme"


def test_two_columns_with_the_same_name_are_pointed_out() -> None:
    rows = [["Factory name", "Date", "Country", "Date"]]
    header = detect_header(rows, header_row=1)
    mapping = suggest_mapping(header, [])
    assert mapping.warnings == (
        "Columns B and D are both called 'Date'; audit date was taken from column B "
        "(change it with --map audit_date=D).",)


def test_column_letters_run_past_z() -> None:
    from aimdesk.core.ingest.mapping import column_letter

    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_an_empty_override_leaves_a_field_out() -> None:
    header = detect_header([["Factory name", "Country", "Audit date", "Auditor"]])
    assert "audit_firm" in suggest_mapping(header, []).as_labels()
    labels = suggest_mapping(header, [], overrides={"audit_firm": ""}).as_labels()
    assert "audit_firm" not in labels and labels["site_name"] == "Factory name"

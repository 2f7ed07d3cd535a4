"""The demo members: invented brands, each with its own file, language, columns and habits.

A :class:`MemberProfile` says what a member sources (sectors, countries), how big its list
is, how it types (``NoiseStyle``) and how its file looks (:class:`FileLayout`). The first
word of every member name is unique to it and appears nowhere in the supplier data, so the
anonymity scan of the common document reports only real leaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from aimdesk.demo.noise import NoiseStyle

FileKind = Literal["xlsx", "xls", "ods", "csv"]
DateStyle = Literal["dmy", "mdy", "ymd", "serial", "mixed"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a member's list: header text, what it holds, header group, hidden or not.

    ``kind`` is a canonical field (``site_name`` …) or an extra the member keeps for itself:
    ``site_name_en``, ``contact``, ``phone``, ``email``, ``category``, ``headcount``,
    ``grade``, ``notes``, ``status``.
    """

    header: str
    kind: str
    group: str = ""
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class FileLayout:
    """How a member's file is laid out around its table."""

    file_name: str
    kind: FileKind
    sheet: str | None = None
    encoding: str = "utf-8"
    delimiter: str = ","
    title_rows: tuple[str, ...] = ()
    blank_rows_before_header: int = 0
    pre_sheets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    footer: tuple[str, ...] = ()
    trailing_blank_rows: int = 0
    trailing_blank_columns: int = 0
    section_rows: bool = False
    sort: Literal["ref", "country", "name", "date", "none"] = "ref"
    is_ref_number: bool = False
    is_postal_number: bool = False
    date_number_format: str = "DD/MM/YYYY"
    has_autofilter: bool = False


@dataclass(frozen=True, slots=True)
class MemberProfile:
    """One forum member and everything about the list it sends."""

    name: str
    code: str
    slug: str
    language: str
    base_size: int
    sectors: dict[str, float]
    columns: tuple[Column, ...]
    layout: FileLayout
    date_format: str
    date_style: DateStyle
    ref_pattern: str
    audit_types: tuple[tuple[str, float], ...]
    noise: NoiseStyle
    firm_spelling: int = 0
    country_bias: dict[str, float] = field(default_factory=dict)
    duplicates: float = 0.008
    blank_names: float = 0.004
    blank_countries: float = 0.006
    unknown_countries: float = 0.004
    reaudits: float = 0.05


def _cols(spec: str, *, group: str = "", hidden: bool = False) -> tuple[Column, ...]:
    """Columns from ``'Header=kind; Header=kind'``."""
    out = []
    for item in spec.split(";"):
        header, kind = item.rsplit("=", 1)
        out.append(Column(header.strip(), kind.strip(), group, hidden))
    return tuple(out)


_EN_COUNTRIES = (("en", 6.0), ("iso2", 2.0), ("alias", 1.5), ("upper", 0.5))
_SEDEX_MIX = (("plain", 6.0), ("padded", 1.5), ("lower", 1.0), ("digits", 1.0), ("dash", 0.5), ("spaced", 0.3))

MEMBERS: tuple[MemberProfile, ...] = (
    MemberProfile(
        "Northbrook Foods plc", "NBF", "northbrook-foods", "en", 1300,
        {"food": 1.0, "packaging": 0.6, "home": 0.1},
        _cols("Site Name=site_name; Site Address=address; Town/City=city; County/State/Province=region; "
              "Postcode=postal_code; Country=country; Sedex Site Ref (ZS)=sedex_id; NBF Supplier Code=member_ref; "
              "Last Audit Date=audit_date; Audit Scheme=audit_type; Audit Company=audit_firm")
        + _cols("Product Category=category; Headcount=headcount", hidden=True),
        FileLayout("Northbrook_Audited_Sites_Oct2026.xlsx", "xlsx", "Audited sites",
                   title_rows=("[NORTHBROOK FOODS logo]", "Ethical Trade – Audited Supplier Sites (last 3 years)",
                               "Submitted to the forum secretariat, 15/10/2026"),
                   blank_rows_before_header=2,
                   pre_sheets=(("Instructions", (
                       "How to use this list", "One row per audited site.",
                       "Dates are the last full audit (dd/mm/yyyy).",
                       "Questions: ethical.trade@northbrook.example")),),
                   footer=("", "Total number of sites: {count}", "Confidential – Responsible Sourcing team"),
                   sort="country", has_autofilter=True),
        "cell", "dmy", "NBF-S-{n:06d}",
        (("SMETA 4P", 4), ("SMETA 2P", 3), ("SMETA 4-Pillar", 1), ("Northbrook Ethical Audit", 1.5),
         ("SVA", 0.5), ("BRCGS", 0.3), ("ETI audit", 0.3)),
        NoiseStyle("en", legal_official=0.6, typo=0.04, countries=_EN_COUNTRIES, sedex_fill=0.85,
                   sedex_formats=_SEDEX_MIX, abbreviate=0.3),
        country_bias={"GB": 3, "ES": 1.5, "KE": 2, "ZA": 2, "TH": 1.5},
    ),
    MemberProfile(
        "Casa Verde Alimentos S.A.", "CVA", "casa-verde-alimentos", "es", 520,
        {"food": 1.0, "packaging": 0.5},
        _cols("Nombre del proveedor=site_name; Dirección=address; Ciudad=city; Provincia/Estado=region; "
              "Código postal=postal_code; País=country; Código Sedex=sedex_id; Cód. proveedor=member_ref; "
              "Fecha de auditoría=audit_date; Tipo de auditoría=audit_type; Empresa auditora=audit_firm; "
              "Observaciones=notes"),
        FileLayout("casa_verde_proveedores_auditados.csv", "csv", encoding="cp1252", delimiter=";", sort="name"),
        "dmy_slash", "dmy", "CVA-P-{n:05d}",
        (("SMETA 4 pilares", 3), ("SMETA 2 pilares", 2), ("amfori BSCI", 2), ("IFS Food", 0.4), ("SA 8000", 0.3)),
        NoiseStyle("es", legal_official=0.5, typo=0.06, countries=(("lang", 6), ("iso2", 1), ("en", 1)),
                   sedex_fill=0.7, sedex_formats=(("plain", 4), ("padded", 2), ("digits", 1))),
        country_bias={"ES": 4, "MX": 4, "MA": 3, "PT": 2, "BR": 1.5, "CN": 0.5},
    ),
    MemberProfile(
        "Hanseatic Home GmbH", "HH", "hanseatic-home", "de", 600,
        {"home": 1.0, "packaging": 0.5, "toys": 0.3},
        _cols("Name des Standorts=site_name; Kreditor-Nr.=member_ref", group="Lieferant")
        + _cols("Straße=address; Ort=city; Bundesland / Provinz=region; PLZ=postal_code; Land=country", group="Adresse")
        + _cols("Sedex-ID=sedex_id")
        + _cols("Datum=audit_date; Standard=audit_type; Prüfgesellschaft=audit_firm", group="Letztes Audit"),
        FileLayout("Hanseatic_Lieferantenliste_2026.xlsx", "xlsx", "Lieferanten",
                   title_rows=("Auditierte Lieferanten 2023–2026",), blank_rows_before_header=1,
                   pre_sheets=(("Übersicht", ("Hanseatic Home – Lieferantenliste für das Forum",
                                              "Stand: 30.09.2026", "Blatt 'Lieferanten' enthält die Daten.")),),
                   footer=("Stand: 30.09.2026 – vertraulich",), sort="name"),
        "dmy_dot", "dmy", "70{n:08d}",
        (("amfori BSCI", 4), ("BSCI", 2), ("SMETA 4-Pillar", 1), ("SA8000", 0.5), ("Sedex 4 pillar", 0.5)),
        NoiseStyle("de", legal_official=0.5, typo=0.04, countries=(("lang", 5), ("iso2", 2), ("en", 1)),
                   sedex_fill=0.6, sedex_formats=(("plain", 4), ("dash", 1), ("padded", 1)), abbreviate=0.5),
        firm_spelling=1, country_bias={"DE": 3, "PL": 3, "TR": 1.5, "CN": 1.2, "PT": 1.5, "IN": 1.3},
    ),
    MemberProfile(
        "Lumière Beauté SA", "LB", "lumiere-beaute", "fr", 300,
        {"beauty": 1.0, "packaging": 0.8},
        _cols("Raison sociale du site=site_name; Adresse=address; Ville=city; Région=region; Code postal=postal_code; "
              "Pays=country; Identifiant Sedex=sedex_id; Réf. fournisseur=member_ref; Date d'audit=audit_date; "
              "Type d'audit=audit_type; Organisme d'audit=audit_firm"),
        FileLayout("Lumiere_liste_fournisseurs_audites.csv", "csv", encoding="utf-8-sig", delimiter=";", sort="country"),
        "dmy_slash", "dmy", "LB/FR/{n:05d}",
        (("SMETA 4 piliers", 3), ("SMETA 2P", 1), ("amfori BSCI", 1), ("Audit social Lumière", 1), ("RBA VAP", 0.2)),
        NoiseStyle("fr", legal_official=0.6, typo=0.03, countries=(("lang", 5), ("iso2", 1), ("en", 2)),
                   sedex_fill=0.8, sedex_formats=(("plain", 4), ("padded", 1), ("lower", 1))),
        firm_spelling=0, country_bias={"FR": 4, "IT": 2, "ES": 1.5, "US": 1.5, "TH": 1.5},
    ),
    MemberProfile(
        "Everbright Trading (Shanghai) Co., Ltd.", "EBT", "everbright-trading", "zh", 380,
        {"apparel": 0.8, "home": 0.8, "toys": 1.0, "packaging": 0.5, "beauty": 0.4, "food": 0.2},
        _cols("工厂名称=site_name; 英文名称=site_name_en; 地址=address; 城市=city; 省份=region; 邮编=postal_code; "
              "国家/地区=country; 供应商编号=member_ref; 审核日期=audit_date; 审核类型=audit_type; 审核机构=audit_firm; "
              "联系人=contact; 电话=phone"),
        FileLayout("EBT_audit_list_2026.csv", "csv", encoding="gb18030", title_rows=("供应商社会责任审核清单（近三年）",),
                   blank_rows_before_header=1, sort="date"),
        "zh", "ymd", "EBT-SH-{n:05d}",
        (("SMETA 4P", 2), ("BSCI", 2), ("SA8000", 1), ("ICTI", 0.5), ("WRAP", 0.5), ("RBA", 0.4), ("验厂 SMETA", 0.5)),
        NoiseStyle("zh", legal_official=0.4, typo=0.04, local_script=("CN",), local_share=0.85,
                   countries=(("lang", 8), ("iso2", 1)), sedex_fill=0.0, word_order=0.4, upper=0.3),
        country_bias={"CN": 4, "VN": 1.5, "KH": 1.5},
    ),
    MemberProfile(
        "Pacific Crest Apparel Inc.", "PCA", "pacific-crest-apparel", "en", 1250,
        {"apparel": 1.0, "toys": 0.2, "packaging": 0.3},
        _cols("Vendor #=member_ref; Factory Name=site_name; Factory Address=address; City=city; State/Province=region; "
              "Zip=postal_code; Country=country; Sedex ZS#=sedex_id; Last Audit=audit_date; "
              "Audit Standard=audit_type; 3rd Party Firm=audit_firm")
        + _cols("Contact Name=contact; Phone=phone; Email=email", hidden=True)
        + _cols("Audit Result=grade"),
        FileLayout("PCA_Factory_List_FY26.xlsx", "xlsx", "Factory List", trailing_blank_rows=40,
                   trailing_blank_columns=6, sort="ref"),
        "mdy_slash", "mdy", "V-{n:06d}",
        (("WRAP", 2), ("SMETA 4-Pillar", 2), ("4-Pillar SMETA", 1), ("Pacific Crest Social Compliance Audit", 2),
         ("SA 8000", 0.5), ("amfori BSCI", 1), ("SVA", 0.3), ("Higg FSLM", 0.3)),
        NoiseStyle("en", legal_official=0.45, typo=0.07, upper=0.65, countries=(("en", 4), ("upper", 2), ("alias", 1)),
                   sedex_fill=0.55, sedex_formats=(("plain", 3), ("digits", 2), ("lower", 1)), abbreviate=0.6,
                   spelling=0.4),
        firm_spelling=1, country_bias={"CN": 1.3, "BD": 1.5, "VN": 1.5, "KH": 1.5, "IN": 1.2, "MX": 1.2},
    ),
    MemberProfile(
        "Boa Mesa Alimentos S.A.", "BMA", "boa-mesa-alimentos", "pt", 260,
        {"food": 1.0, "packaging": 0.6, "beauty": 0.2},
        _cols("Razão Social=site_name; Endereço=address; Município=city; Estado=region; CEP=postal_code; País=country; "
              "Código Sedex=sedex_id; Cód. Fornecedor=member_ref; Data da Auditoria=audit_date; "
              "Tipo de Auditoria=audit_type; Auditoria Realizada por=audit_firm"),
        FileLayout("BoaMesa_fornecedores_auditados.ods", "ods", "Fornecedores", sort="name"),
        "cell", "dmy", "FORN-{n:06d}",
        (("SMETA 4 pilares", 3), ("SMETA 2 pilares", 1), ("BSCI", 1), ("FSSC 22000", 0.3)),
        NoiseStyle("pt", legal_official=0.55, typo=0.05, countries=(("lang", 6), ("iso2", 1)), sedex_fill=0.75,
                   sedex_formats=(("plain", 3), ("padded", 1))),
        country_bias={"BR": 6, "PT": 3, "MX": 1.5, "ES": 1.3},
    ),
    MemberProfile(
        "Moretti Moda S.p.A.", "MM", "moretti-moda", "it", 230,
        {"apparel": 1.0, "beauty": 0.2},
        _cols("Codice fornitore=member_ref; Ragione sociale=site_name; Indirizzo=address; Città=city; Provincia=region; "
              "CAP=postal_code; Paese=country; Codice Sedex=sedex_id; Data audit=audit_date; Tipo di audit=audit_type; "
              "Società di audit=audit_firm"),
        FileLayout("Moretti_fornitori_auditati.xls", "xls", "Fornitori", title_rows=("Elenco fornitori auditati",),
                   footer=("", "Totale fornitori: {count}"), sort="ref"),
        "cell", "dmy", "SAP {n:06d}",
        (("SMETA 4P", 2), ("amfori BSCI", 3), ("SA8000", 1), ("SMETA 4 pilastri", 0.5)),
        NoiseStyle("it", legal_official=0.5, typo=0.05, countries=(("lang", 5), ("en", 1), ("iso2", 1)),
                   sedex_fill=0.6, sedex_formats=(("plain", 3), ("padded", 1))),
        country_bias={"IT": 4, "TR": 2, "MA": 2, "CN": 1.0, "BD": 1.3},
    ),
    MemberProfile(
        "Bosphorus Retail Group A.Ş.", "BRG", "bosphorus-retail", "tr", 280,
        {"apparel": 1.0, "home": 0.8, "food": 0.3},
        _cols("Tedarikçi Adı=site_name; Adres=address; İl/Şehir=city; Bölge=region; Posta Kodu=postal_code; "
              "Ülke=country; Sedex No=sedex_id; Tedarikçi Kodu=member_ref; Denetim Tarihi=audit_date; "
              "Denetim Türü=audit_type; Denetim Firması=audit_firm; Ürün Grubu=category"),
        FileLayout("Bosphorus_tedarikci_listesi.xlsx", "xlsx", "Tedarikçiler",
                   title_rows=("Bosphorus Retail Group A.Ş. — Denetlenen Tedarikçi Listesi", "Dönem: 2023-2026"),
                   blank_rows_before_header=1, section_rows=True, sort="country"),
        "dmy_dot", "dmy", "TDR-{n:05d}",
        (("BSCI", 3), ("SMETA 4P", 2), ("Sedex 4 pillar", 1), ("WRAP", 0.5)),
        NoiseStyle("tr", legal_official=0.45, typo=0.05, ascii_fold=0.35, countries=(("lang", 5), ("en", 1)),
                   sedex_fill=0.7, sedex_formats=(("plain", 3), ("padded", 1), ("spaced", 0.5)), abbreviate=0.55),
        country_bias={"TR": 6, "EG": 3, "BD": 1.5, "PK": 1.5},
    ),
    MemberProfile(
        "Mekong Home Living JSC", "MHL", "mekong-home-living", "vi", 190,
        {"home": 1.0, "apparel": 0.6, "food": 0.3},
        _cols("Tên nhà máy=site_name; Địa chỉ=address; Thành phố=city; Tỉnh=region; Mã bưu chính=postal_code; "
              "Quốc gia=country; Mã Sedex=sedex_id; Mã nhà cung cấp=member_ref; Ngày đánh giá=audit_date; "
              "Loại đánh giá=audit_type; Tổ chức đánh giá=audit_firm"),
        FileLayout("Mekong_danh_sach_nha_may.txt", "csv", encoding="utf-16", delimiter="\t", sort="none"),
        "dmy_slash", "dmy", "MK{n:05d}VN",
        (("SMETA 4P", 2), ("BSCI", 2), ("SVA", 0.5), ("Sedex Virtual Assessment", 0.5)),
        NoiseStyle("vi", legal_official=0.5, typo=0.04, local_script=("VN",), local_share=0.7,
                   countries=(("lang", 5), ("en", 2), ("alias", 1)), sedex_fill=0.7,
                   sedex_formats=(("plain", 3), ("lower", 1))),
        country_bias={"VN": 6, "KH": 2, "CN": 1.0, "TH": 1.5},
    ),
    MemberProfile(
        "Rattana Consumer Products PCL", "RCP", "rattana-consumer", "th", 150,
        {"beauty": 1.0, "food": 0.7, "packaging": 0.6},
        _cols("ชื่อโรงงาน=site_name; ที่อยู่=address; เมือง=city; จังหวัด=region; รหัสไปรษณีย์=postal_code; ประเทศ=country; "
              "รหัส Sedex=sedex_id; รหัสผู้ขาย=member_ref; วันที่ตรวจประเมิน=audit_date; ประเภทการตรวจ=audit_type; "
              "บริษัทผู้ตรวจ=audit_firm"),
        FileLayout("Rattana_supplier_audit_2026.xlsx", "xlsx", "Suppliers",
                   title_rows=("รายชื่อผู้ผลิตที่ผ่านการตรวจประเมิน",), sort="name"),
        "iso", "ymd", "RCP-{n:05d}",
        (("SMETA 2-Pillar", 2), ("SMETA 4-Pillar", 2), ("RBA VAP", 0.5), ("SA8000", 0.5)),
        NoiseStyle("th", legal_official=0.5, typo=0.03, local_script=("TH",), local_share=0.5,
                   countries=(("lang", 3), ("en", 3), ("iso2", 1)), sedex_fill=0.8),
        country_bias={"TH": 6, "VN": 1.5, "CN": 1.0, "ID": 1.5},
    ),
    MemberProfile(
        "Kirana Nusantara Brands Tbk", "KNB", "kirana-nusantara", "id", 180,
        {"food": 1.0, "home": 0.5, "beauty": 0.4, "apparel": 0.3},
        _cols("Nama Pabrik=site_name; Alamat=address; Kota=city; Provinsi=region; Kode Pos=postal_code; Negara=country; "
              "ID Sedex=sedex_id; Kode Pemasok=member_ref; Tanggal Audit=audit_date; Jenis Audit=audit_type; "
              "Lembaga Audit=audit_firm"),
        FileLayout("Kirana_daftar_pemasok.tsv", "csv", encoding="utf-8", delimiter="\t", sort="ref"),
        "dmy_mon", "dmy", "KRN.{n:05d}",
        (("SMETA 4P", 2), ("Sedex 4P", 1), ("amfori BSCI", 1), ("SVA", 0.5)),
        NoiseStyle("id", legal_official=0.5, typo=0.05, countries=(("lang", 5), ("iso2", 1), ("en", 1)),
                   sedex_fill=0.75, sedex_formats=(("plain", 3), ("padded", 1), ("digits", 1))),
        country_bias={"ID": 6, "TH": 1.5, "VN": 1.5, "IN": 1.2},
    ),
    MemberProfile(
        "Greenleaf Household Products Ltd", "GHP", "greenleaf-household", "en", 720,
        {"home": 1.0, "beauty": 0.5, "packaging": 0.6, "food": 0.2},
        _cols("Vendor Name=site_name; Full Address=address; Country=country; Sedex Number=sedex_id; Vendor ID=member_ref; "
              "Audit Date=audit_date; Audit Type=audit_type; Auditor=audit_firm; Status=status"),
        FileLayout("greenleaf_vendors_export.csv", "csv", encoding="utf-8", delimiter=",", sort="none"),
        "dmy_2y", "dmy", "GL{n:06d}",
        (("SMETA 4P", 2), ("Sedex 2 Pillar", 1), ("SMETA (2-P)", 1), ("Greenleaf Supplier Code Audit", 1),
         ("ISO 14001", 0.2)),
        NoiseStyle("en", legal_official=0.5, typo=0.06, countries=(("iso2", 3), ("en", 3), ("iso3", 1)),
                   sedex_fill=0.8, sedex_formats=_SEDEX_MIX, full_address=True, abbreviate=0.5),
        country_bias={"CN": 1.3, "IN": 1.5, "TR": 1.2, "PL": 1.5, "GB": 1.5, "US": 1.3},
    ),
    MemberProfile(
        "Kestrel Outdoor Equipment Inc.", "KOE", "kestrel-outdoor", "en", 380,
        {"apparel": 1.0, "home": 0.3, "toys": 0.2},
        _cols("Supplier Site=site_name; Supplier No.=member_ref; Sedex=sedex_id", group="Supplier")
        + _cols("Street=address; City=city; Region=region; Postcode=postal_code; Country=country", group="Address")
        + _cols("Date=audit_date; Scheme=audit_type; Firm=audit_firm", group="Last audit"),
        FileLayout("Kestrel_Social_Compliance_Tracker.xlsx", "xlsx", "Tracker", blank_rows_before_header=2,
                   sort="country", is_ref_number=True, is_postal_number=True),
        "serial", "serial", "40{n:08d}",
        (("WRAP", 1), ("SMETA 4P", 2), ("BSCI 2.0", 1), ("RBA", 0.5), ("SA8000:2014", 0.5), ("SVA", 0.3)),
        NoiseStyle("en", legal_official=0.55, typo=0.05, countries=(("iso2", 4), ("en", 2), ("iso3", 1)),
                   sedex_fill=0.65, sedex_formats=(("plain", 3), ("digits", 2), ("padded", 1))),
        firm_spelling=2, country_bias={"CN": 1.3, "VN": 1.5, "BD": 1.2, "ID": 1.2, "LK": 1.5},
    ),
    MemberProfile(
        "Nordlys Scandinavian Brands AB", "NSB", "nordlys-brands", "en", 290,
        {"apparel": 1.0, "home": 0.7, "beauty": 0.3},
        _cols("Factory=site_name; Address=address; City=city; Province/State=region; Post Code=postal_code; "
              "Country=country; Sedex ZS=sedex_id; Supplier ID=member_ref; Last Audit=audit_date; Audit Type=audit_type; "
              "Audit Body=audit_firm")
        + _cols("Result=grade", hidden=True) + _cols("Headcount=headcount; Comments=notes"),
        FileLayout("Nordlys_audited_sites.xlsx", "xlsx", "Audited sites",
                   pre_sheets=(("Summary", ("Nordlys – audited sites", "Sites by country: see pivot",
                                            "Prepared for the forum common list")),),
                   trailing_blank_rows=15, trailing_blank_columns=3, sort="date"),
        "mixed", "mixed", "NB-{n:04d}-S",
        (("amfori BSCI", 3), ("SMETA 4P", 2), ("SVA", 0.5), ("Nordlys CoC audit", 0.5)),
        NoiseStyle("en", legal_official=0.6, typo=0.04, countries=_EN_COUNTRIES, sedex_fill=0.8,
                   sedex_formats=_SEDEX_MIX),
        country_bias={"BD": 1.5, "TR": 1.5, "CN": 1.2, "IN": 1.3, "PT": 2, "PL": 1.5},
    ),
)
"""The demo members, largest first within the groups the brief asks for."""

SECTOR_AFFINITY_FLOOR = 0.04
"""Chance weight of a member auditing a site outside its sectors (a one-off supplier)."""

"""Delimited text files: decoding legacy code pages and finding the delimiter."""

from __future__ import annotations

import codecs

import pytest

from aimdesk.core.errors import InputFileError
from aimdesk.core.ingest.textfile import decode_text, read_delimited

FRENCH = ("Usine;Adresse;Ville\n"
          "Crèmerie;12 rue de la Bièvre;Besançon\n"
          "Fromagerie Léa;3 place Gambetta;Orléans\n"
          "Bœuf & Cœur;7 quai de l'Œuvre;Saint-Étienne\n")
SPANISH = ("Fábrica;Dirección;Ciudad;Nota\n"
           "Confecciones Peña;Calle Ñandú 5;Logroño;¿Auditada?\n"
           "Textil Acuña;Avda. de la Constitución 12;Córdoba;¡Sí! Nº 4\n")
GERMAN = ("Werk;Straße;Ort;Lager\n"
          "Müller Größe GmbH;Hauptstraße 3;München;500 m³\n"
          "Bäckerei Jäger;Königsallee 9;Düsseldorf;20 m³\n")
POLISH = ("Zakład;Adres;Miasto\n"
          "Zakład Produkcyjny Łódź;ul. Świętokrzyska 12;Łódź\n"
          "Przędzalnia Żyrardów;ul. Źródlana 3;Żyrardów\n"
          "Młyn Michała;ul. Długa 5;Gdańsk\n")
TURKISH = ("Fabrika adı;Adres;Şehir\n"
           "İstanbul Tekstil Sanayi;Ağaçlı Mah. Şişli;İstanbul\n"
           "Bursa Örme Işık;Gürsu Organize Sanayi Bölgesi;Bursa\n")
CHINESE = ("工厂名称,地址,城市\n"
           "深圳市光明服装有限公司,广东省深圳市宝安区,深圳\n"
           "东莞市华美鞋业有限公司,广东省东莞市长安镇,东莞\n")


@pytest.mark.parametrize(("text", "encoding"), [
    (FRENCH, "cp1252"), (SPANISH, "cp1252"), (GERMAN, "cp1252"),
    (POLISH, "cp1250"), (TURKISH, "cp1254"), (CHINESE, "gbk"),
])
def test_legacy_code_pages_round_trip_exactly(text: str, encoding: str) -> None:
    decoded, _used = decode_text(text.encode(encoding), file_label="list.csv")
    assert decoded == text


def test_french_cp1252_is_not_read_as_central_european() -> None:
    data = "Crèmerie;12 rue de la Bièvre".encode("cp1252")
    assert decode_text(data, file_label="list.csv") == ("Crèmerie;12 rue de la Bièvre", "cp1252")


@pytest.mark.parametrize(("text", "encoding"), [
    (POLISH, "cp1250"), (TURKISH, "cp1254"), (SPANISH, "cp1252"),
])
def test_latin_code_page_is_named(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), file_label="list.csv")[1] == encoding


def test_multi_byte_guess_is_trusted() -> None:
    text, encoding = decode_text(CHINESE.encode("gbk"), file_label="list.csv")
    assert text == CHINESE
    assert codecs.lookup(encoding).name in ("gbk", "gb18030")


@pytest.mark.parametrize(("text", "encoding"), [
    ("Фабрика;Адрес;Город\nШвейная фабрика Заря;ул. Ленина 5;Иваново\n", "cp1251"),
    ("工場名,住所\n大阪繊維工場,大阪府大阪市北区\n", "shift_jis"),
    ("공장명,주소\n한빛섬유,서울특별시 강남구\n", "euc_kr"),
])
def test_non_latin_code_pages_round_trip(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), file_label="list.csv")[0] == text


def test_utf8_and_boms_decide_before_guessing() -> None:
    assert decode_text(FRENCH.encode("utf-8"), file_label="list.csv") == (FRENCH, "utf-8")
    assert decode_text(codecs.BOM_UTF8 + FRENCH.encode("utf-8"),
                       file_label="list.csv") == (FRENCH, "utf-8-sig")
    assert decode_text(FRENCH.encode("utf-16"), file_label="list.csv")[0] == FRENCH


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(InputFileError, match="list.bin"):
        decode_text(b"PK\x03\x04\x00\x00\x00binary", file_label="list.bin")


def test_read_delimited_finds_semicolons() -> None:
    rows, delimiter = read_delimited(FRENCH)
    assert delimiter == ";"
    assert rows[1] == ["Crèmerie", "12 rue de la Bièvre", "Besançon"]

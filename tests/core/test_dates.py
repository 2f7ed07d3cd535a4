"""Audit-date cells to dates, in every style member spreadsheets produce."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimdesk.core.ingest.dates import (
    DateOrder,
    DateParser,
    ParsedDate,
    infer_date_order,
    parse_date,
)
from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.resources import load_json

D = datetime.date
MARCH_12 = D(2024, 3, 12)

EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]
ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre"]
FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre"]
DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
      "Oktober", "November", "Dezember"]
TR = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
      "Kasım", "Aralık"]
PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
      "outubro", "novembro", "dezembro"]
IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
      "settembre", "ottobre", "novembre", "dicembre"]
NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december"]
ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
      "Oktober", "November", "Desember"]
MS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober",
      "November", "Disember"]
MS_SHORT = ["Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ogo", "Sep", "Okt", "Nov", "Dis"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-12", MARCH_12), ("2024/3/12", MARCH_12), ("2024.03.12", MARCH_12),
    ("2024-03-12T00:00:00", MARCH_12), ("2024-03-12 00:00:00", MARCH_12),
    ("2024-03-12T10:30:00Z", MARCH_12), ("12-Mar-2024", MARCH_12), ("12 March 2024", MARCH_12),
    ("March 12, 2024", MARCH_12), ("March 12th, 2024", MARCH_12), ("Mar. 12, 2024", MARCH_12),
    ("Tuesday, 12 March 2024", MARCH_12), ("12 de marzo de 2024", MARCH_12),
    ("12 mars 2024", MARCH_12), ("12. März 2024", MARCH_12), ("12. Maerz 2024", MARCH_12),
    ("12 Mart 2024", MARCH_12), ("12 marzo 2024", MARCH_12), ("12 de março de 2024", MARCH_12),
    ("12 maart 2024", MARCH_12), ("12 Maret 2024", MARCH_12), ("2024年3月12日", MARCH_12),
    ("2024年03月12日", MARCH_12), ("2024 年 3 月 12 日", MARCH_12), ("2024년 3월 12일", MARCH_12),
    ("ngày 12 tháng 3 năm 2024", MARCH_12), ("12 tháng 3, 2024", MARCH_12),
    ("12-mrt-2024", MARCH_12), ("12 Mrz. 2024", MARCH_12), ("45363", MARCH_12),
    ("45363.0", MARCH_12), ("20240312", MARCH_12), ("13/03/2024", D(2024, 3, 13)),
    ("03/13/2024", D(2024, 3, 13)), ("25.12.99", D(1999, 12, 25)), ("1er mars 2024", D(2024, 3, 1)),
    ("5 Eylül 2022", D(2022, 9, 5)), ("15 août 2022", D(2022, 8, 15)), ("12 dic 2023", D(2023, 12, 12)),
    ("Sept. 5, 2023", D(2023, 9, 5)), ("5 tháng mười hai 2023", D(2023, 12, 5)),
    ("１２/０３/２０２４", MARCH_12), ("12/03/2024 10:30 AM", MARCH_12),
])
def test_text_dates_in_common_styles_parse(text: str, expected: datetime.date) -> None:
    parsed = parse_date(text, "dmy")
    assert parsed == ParsedDate(expected, "ok")


@pytest.mark.parametrize(("text", "expected"), [
    ("Mar 2024", D(2024, 3, 1)), ("March 2024", D(2024, 3, 1)), ("03/2024", D(2024, 3, 1)),
    ("2024-03", D(2024, 3, 1)), ("2024/3", D(2024, 3, 1)), ("2024年03月", D(2024, 3, 1)),
    ("2024年3月", D(2024, 3, 1)), ("Mar-24", D(2024, 3, 1)), ("marzo 2024", D(2024, 3, 1)),
    ("tháng 3 2024", D(2024, 3, 1)), ("Sept 2024", D(2024, 9, 1)), ("mars 2024", D(2024, 3, 1)),
    ("Ogos 2024", D(2024, 8, 1)),
])
def test_month_precision_dates_read_as_first_of_month_and_are_approximate(
        text: str, expected: datetime.date) -> None:
    assert parse_date(text, None) == ParsedDate(expected, "ok", is_approximate=True)


def test_full_dates_are_not_approximate() -> None:
    assert not parse_date("12 March 2024", None).is_approximate
    assert not parse_date("2024-03-12", None).is_approximate
    assert not parse_date(45363, None).is_approximate


def test_parsed_date_keeps_its_two_argument_form() -> None:
    assert ParsedDate(MARCH_12, "ok") == ParsedDate(MARCH_12, "ok", False)


@pytest.mark.parametrize("text", ["2024. 3. 12.", "2024.03.12", "2024. 03. 12", "2024. 3. 12"])
@pytest.mark.parametrize("order", [None, "dmy", "mdy", "ymd"])
def test_korean_year_first_dotted_dates_parse(text: str, order: DateOrder | None) -> None:
    assert parse_date(text, order) == ParsedDate(MARCH_12, "ok")


@pytest.mark.parametrize(("number", "name"), [
    *((number, name) for number, name in enumerate(MS, start=1)),
    *((number, name) for number, name in enumerate(MS_SHORT, start=1)),
    (8, "Ogs"),
])
def test_malay_month_names_parse(number: int, name: str) -> None:
    assert parse_date(f"12 {name} 2024", None) == ParsedDate(D(2024, number, 12), "ok")


def test_no_month_name_means_two_months_or_doubles_as_another_word() -> None:
    vocabulary = load_json("month_names.json")
    months: dict[str, set[int]] = {}
    for spellings in vocabulary["months"].values():
        for number, names in enumerate(spellings, start=1):
            for name in names:
                months.setdefault(fold_text(name).rstrip("."), set()).add(number)
    assert {name: numbers for name, numbers in months.items() if len(numbers) > 1} == {}
    other_words = {fold_text(word).strip() for key in ("fillers", "weekdays", "month_prefixes",
                                                        "empty") for word in vocabulary[key]}
    assert set(months) & other_words == set()


@pytest.mark.parametrize("text", ["", "  ", "-", "--", "N/A", "n/a", "NA", "tbc", "TBC", "TBD",
                                  "none", "#N/A", "nan", "sin fecha", "无", "0"])
def test_blanks_and_placeholders_are_empty(text: str) -> None:
    assert parse_date(text, None) == ParsedDate(None, "empty")


@pytest.mark.parametrize("text", ["junk", "31/02/2024", "2024", "12.03", "24-Mar", "12 Mar",
                                  "13/13/2024", "Q3 2024", "2024-13-01", "12/03/2024/1",
                                  "12 Foo 2024", "1.5", "2024. 13. 12.", "Q3/2024"])
def test_non_dates_are_unparseable(text: str) -> None:
    assert parse_date(text, "dmy") == ParsedDate(None, "unparseable")


@pytest.mark.parametrize(("text", "dmy_reading"), [
    ("12/03/2024", MARCH_12), ("12.03.2024", MARCH_12), ("12-03-2024", MARCH_12),
    ("3/12/24", D(2024, 12, 3)),
])
def test_swappable_day_and_month_without_order_is_ambiguous(text: str,
                                                            dmy_reading: datetime.date) -> None:
    assert parse_date(text, None) == ParsedDate(dmy_reading, "ambiguous")


def test_order_settles_swappable_day_and_month() -> None:
    assert parse_date("03/04/2024", "dmy") == ParsedDate(D(2024, 4, 3), "ok")
    assert parse_date("03/04/2024", "mdy") == ParsedDate(D(2024, 3, 4), "ok")


def test_same_day_and_month_is_never_ambiguous() -> None:
    assert parse_date("05/05/2024", None) == ParsedDate(D(2024, 5, 5), "ok")


def test_impossible_month_overrides_the_column_order() -> None:
    assert parse_date("13/04/2024", "mdy") == ParsedDate(D(2024, 4, 13), "ok")


@pytest.mark.parametrize(("text", "expected"), [
    ("8.7.24", D(2024, 7, 8)), ("12.03.2024", MARCH_12), ("12. 03. 2024", MARCH_12),
    ("03.13.2024", D(2024, 3, 13)),
])
def test_dotted_dates_read_day_first_even_in_an_mdy_column(text: str,
                                                           expected: datetime.date) -> None:
    assert parse_date(text, "mdy") == ParsedDate(expected, "ok")


def test_slashed_dates_in_an_mdy_column_still_read_month_first() -> None:
    assert parse_date("8/7/24", "mdy") == ParsedDate(D(2024, 8, 7), "ok")


@pytest.mark.parametrize(("text", "year"), [("1/1/69", 2069), ("1/1/70", 1970), ("1/1/99", 1999),
                                            ("1/1/00", 2000)])
def test_two_digit_years_pivot_at_seventy(text: str, year: int) -> None:
    assert parse_date(text, "dmy").value == D(year, 1, 1)


@pytest.mark.parametrize(("value", "expected"), [
    (datetime.datetime(2024, 3, 12, 15, 30), ParsedDate(MARCH_12, "ok")),
    (MARCH_12, ParsedDate(MARCH_12, "ok")),
    (45363, ParsedDate(MARCH_12, "ok")), (45363.75, ParsedDate(MARCH_12, "ok")),
    (20240312, ParsedDate(MARCH_12, "ok")), (20240312.0, ParsedDate(MARCH_12, "ok")),
    (1, ParsedDate(D(1900, 1, 1), "ok")), (59, ParsedDate(D(1900, 2, 28), "ok")),
    (61, ParsedDate(D(1900, 3, 1), "ok")), (2958465, ParsedDate(D(9999, 12, 31), "ok")),
    (None, ParsedDate(None, "empty")), (0, ParsedDate(None, "empty")),
    (float("nan"), ParsedDate(None, "empty")), (2024, ParsedDate(None, "unparseable")),
    (-5, ParsedDate(None, "unparseable")), (2958466, ParsedDate(None, "unparseable")),
    (True, ParsedDate(None, "unparseable")), (datetime.time(10, 0), ParsedDate(None, "unparseable")),
])
def test_calamine_cell_types_parse(value: object, expected: ParsedDate) -> None:
    assert parse_date(value, None) == expected


@pytest.mark.parametrize(("values", "order"), [
    (["12/03/2024", "25/03/2024", "01/04/2024"], "dmy"),
    (["03/25/2024", "04/01/2024"], "mdy"),
    (["2024-03-12", "2024-04-01"], "ymd"),
    (["25/03/2024", "30/01/2024", "03/25/2024"], "dmy"),
    (["03.25.2024", "04.13.2024"], None),
    (["03.25.2024", "25.03.2024"], "dmy"),
    (["03/25/2024", "03.25.2024", "25.03.2024"], None),
    (["2024. 3. 12.", "2024. 4. 1."], "ymd"),
    (["2024-03-12", "2024-04-01", "25/03/2024"], "dmy"),
    (["12/03/2024", "01/04/2024"], None),
    (["25/03/2024", "03/25/2024"], None),
    ([MARCH_12, 45363, None, "", "March 2024"], None),
    ([], None),
])
def test_infer_date_order_votes_on_unambiguous_text(values: list[object],
                                                    order: str | None) -> None:
    assert infer_date_order(values) == order


def test_date_parser_infers_order_for_its_column_and_caches() -> None:
    column = ["25/03/2024", "04/03/2024", "04/03/2024", 45363, None]
    parser = DateParser.for_column(column)
    assert parser.order == "dmy"
    assert [parser.parse(cell).value for cell in column] == [
        D(2024, 3, 25), D(2024, 3, 4), D(2024, 3, 4), MARCH_12, None]


def _formats() -> list[tuple[Callable[[datetime.date], object], str | None]]:
    def numeric(order: str, separator: str, two_digit: bool = False) -> Callable[
            [datetime.date], str]:
        def render(day: datetime.date) -> str:
            year = f"{day.year % 100:02d}" if two_digit else str(day.year)
            parts = {"d": str(day.day), "m": f"{day.month:02d}", "y": year}
            return separator.join(parts[key] for key in order)
        return render

    def named(names: list[str], template: str) -> Callable[[datetime.date], str]:
        return lambda day: template.format(d=day.day, m=names[day.month - 1], y=day.year)

    return [
        (numeric("dmy", "/"), "dmy"), (numeric("dmy", "."), "dmy"), (numeric("dmy", "-"), "dmy"),
        (numeric("mdy", "/"), "mdy"), (numeric("mdy", "/", two_digit=True), "mdy"),
        (numeric("dmy", ".", two_digit=True), "dmy"), (numeric("ymd", "-"), None),
        (numeric("ymd", "/"), "dmy"), (lambda day: day.isoformat() + "T00:00:00", None),
        (lambda day: day.strftime("%d-%b-%Y"), None), (named(EN, "{m} {d}, {y}"), None),
        (named(EN, "{d} {m} {y}"), None), (named(ES, "{d} de {m} de {y}"), None),
        (named(FR, "{d} {m} {y}"), None), (named(DE, "{d}. {m} {y}"), None),
        (named(TR, "{d} {m} {y}"), None), (named(PT, "{d} de {m} de {y}"), None),
        (named(IT, "{d} {m} {y}"), None), (named(NL, "{d} {m} {y}"), None),
        (named(ID, "{d} {m} {y}"), None), (named(MS, "{d} {m} {y}"), None),
        (named(MS_SHORT, "{d}-{m}-{y}"), None),
        (lambda day: f"{day.year}. {day.month}. {day.day}.", None),
        (lambda day: f"{day.year}年{day.month}月{day.day}日", None),
        (lambda day: f"ngày {day.day} tháng {day.month} năm {day.year}", None),
        (lambda day: (day - datetime.date(1899, 12, 30)).days, None),
        (lambda day: float((day - datetime.date(1899, 12, 30)).days), None),
        (lambda day: str((day - datetime.date(1899, 12, 30)).days), None),
        (lambda day: day.year * 10000 + day.month * 100 + day.day, None),
        (lambda day: datetime.datetime(day.year, day.month, day.day, 8, 15), None),
    ]


FORMATS = _formats()


@given(st.dates(min_value=D(1970, 1, 1), max_value=D(2069, 12, 31)),
       st.integers(min_value=0, max_value=len(FORMATS) - 1))
def test_any_supported_style_with_the_right_order_round_trips(day: datetime.date,
                                                              style: int) -> None:
    render, order = FORMATS[style]
    assert parse_date(render(day), order) == ParsedDate(day, "ok")


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.none(), st.dates()))
def test_parse_date_never_raises_and_is_consistent(value: object) -> None:
    parsed = parse_date(value, None)
    assert parsed.status in ("ok", "empty", "unparseable", "ambiguous")
    assert (parsed.value is None) == (parsed.status in ("empty", "unparseable"))

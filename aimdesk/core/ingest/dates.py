"""Audit-date cells to `datetime.date`, whatever the member's spreadsheet made of them.

Cells arrive as python-calamine gives them: `datetime`/`date`, numbers (Excel serials in the
1900 date system, or yyyymmdd), or text in any common style and in the languages of
`resources/month_names.json`. Day/month order comes from the caller (`DateOrder`), usually
inferred per column with `infer_date_order`; without it "03/04/2024" is "ambiguous".

Rules worth knowing:

* Month-only dates ("Sept 2024", "Mar-24", "2024-03", "2024年3月", "mars 2024") read as the
  first of the month, with `ParsedDate.is_approximate` set so the importer can flag them.
  A bare year ("2024") or a quarter ("Q3 2024") is "unparseable".
* Dotted numeric dates ("8.7.24", "12.03.2024") are written day-first wherever dots are
  used (Germany, Poland, the Netherlands, Turkey, Russia …), so an "mdy" order does not
  apply to them: they still read d.m.y (without an order they stay "ambiguous" as usual).
  For the same reason `infer_date_order` never counts a dotted value as evidence for mdy.
* Year-first dates may carry dots, spaces and a trailing dot, as Korean lists write them
  ("2024. 3. 12.").
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from aimdesk.core.ingest.synonyms import fold_text
from aimdesk.core.resources import load_json

DateOrder = Literal["dmy", "mdy", "ymd"]
DateStatus = Literal["ok", "empty", "unparseable", "ambiguous"]

MONTHS_FILE = "month_names.json"
EXCEL_EPOCH = datetime.date(1899, 12, 30)
EXCEL_SERIAL_MAX = 2958465
"""Excel's last date, 9999-12-31."""
TEXT_SERIAL_MIN = 10000
"""A serial written as text must have five digits (1927 on), or "12.03" would be a serial."""
TWO_DIGIT_YEAR_PIVOT = 70
"""Two-digit years below the pivot are 20xx, the others 19xx."""

_TIME_SUFFIX = re.compile(
    r"(?:[t\s]+|^)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NUMERIC_PARTS = re.compile(r"\d+(?:\s*[./\-\s]\s*\d+)+")
_SEPARATOR = re.compile(r"\s*[./\-\s]\s*")
_DOTTED = re.compile(r"\d+(?:\s*\.\s*\d+)+")
_TRAILING_DOT = re.compile(r"(\d{4}(?:\s*\.\s*\d{1,2}){2})\s*\.")
"""Korean year-first dates end with a dot: "2024. 3. 12."."""
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日号號일])?\s*")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date cell read as a date, with how sure we are of it.

    `status` is "ambiguous" when day and month could be swapped (both <= 12 and different)
    and no order was given: `value` then holds the day-month-year reading.
    `is_approximate` is True when the cell gave only a month and a year ("Sept 2024"):
    `value` is then the first of that month.
    """

    value: datetime.date | None
    status: DateStatus
    is_approximate: bool = False


EMPTY = ParsedDate(None, "empty")
UNPARSEABLE = ParsedDate(None, "unparseable")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    prefixes: frozenset[str]
    fillers: frozenset[str]
    empty: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    """Fold the read-only month vocabulary once."""
    data = load_json(MONTHS_FILE)
    months: dict[str, int] = {}
    phrases: list[tuple[str, str]] = []
    for spellings in data["months"].values():
        for number, names in enumerate(spellings, start=1):
            for name in names:
                words = _TOKEN.findall(fold_text(name))
                token = "".join(words)
                months[token] = number
                if len(words) > 1:
                    phrases.append((r"\s+".join(words), token))
    phrases.sort(key=lambda phrase: -len(phrase[0]))
    return _Vocabulary(
        months=months,
        phrases=tuple((re.compile(rf"\b{pattern}\b"), token) for pattern, token in phrases),
        prefixes=frozenset(fold_text(word) for word in data["month_prefixes"]),
        fillers=frozenset(fold_text(word) for word in (*data["fillers"], *data["weekdays"])),
        empty=frozenset(fold_text(word).strip() for word in data["empty"]),
    )


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        return year + (2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900)
    return year


def _make(year: int, month: int, day: int, status: DateStatus = "ok", *,
          is_approximate: bool = False) -> ParsedDate:
    try:
        return ParsedDate(datetime.date(year, month, day), status, is_approximate)
    except ValueError:
        return UNPARSEABLE


def _from_number(number: float) -> ParsedDate:
    """An Excel serial (1900 system) or a yyyymmdd number."""
    if math.isnan(number) or number == 0:
        return EMPTY
    if number < 0 or math.isinf(number):
        return UNPARSEABLE
    whole = int(number)
    if 19000101 <= whole <= 21001231 and whole == number:
        return _make(whole // 10000, whole // 100 % 100, whole % 100)
    if 1900 <= whole <= 2100 and whole == number:
        return UNPARSEABLE  # a bare year; as a serial it would read as 1905
    if not 1 <= whole <= EXCEL_SERIAL_MAX:
        return UNPARSEABLE
    if whole == 60:
        return UNPARSEABLE  # Excel's 29 February 1900, a day that never was
    if whole < 60:
        return ParsedDate(EXCEL_EPOCH + datetime.timedelta(days=whole + 1), "ok")
    return ParsedDate(EXCEL_EPOCH + datetime.timedelta(days=whole), "ok")


def _day_month(first: int, second: int, order: DateOrder | None) -> tuple[int, int, DateStatus]:
    """Decide which of two leading numbers is the day: `(day, month, status)`."""
    if first > 12 >= second:
        return first, second, "ok"
    if second > 12 >= first:
        return second, first, "ok"
    if order == "mdy":
        return second, first, "ok"
    if order == "dmy" or first == second:
        return first, second, "ok"
    return first, second, "ambiguous"


def _from_numeric_parts(parts: list[str], order: DateOrder | None, *,
                        is_dotted: bool = False) -> ParsedDate:
    """Numbers split by separators; `is_dotted` texts are day-first even in an mdy column."""
    if len(parts) == 2:
        if len(parts[0]) == 4 and len(parts[1]) <= 2:
            return _make(int(parts[0]), int(parts[1]), 1, is_approximate=True)
        if len(parts[1]) == 4 and len(parts[0]) <= 2:
            return _make(int(parts[1]), int(parts[0]), 1, is_approximate=True)
        return UNPARSEABLE
    if len(parts) != 3 or any(len(part) > 4 for part in parts):
        return UNPARSEABLE
    first, second, third = parts
    if len(first) == 4 or (order == "ymd" and len(third) <= 2 and len(first) == 2):
        return _make(_year(first), int(second), int(third))
    if len(first) > 2 or len(second) > 2 or len(third) == 3:
        return UNPARSEABLE
    if is_dotted and order == "mdy":
        order = "dmy"
    day, month, status = _day_month(int(first), int(second), order)
    return _make(_year(third), month, day, status)


def _from_words(text: str) -> ParsedDate:
    """A date written with a month name: "12 March 2024", "March 12, 2024", "12 Mart 2024"."""
    vocabulary = _vocabulary()
    for pattern, token in vocabulary.phrases:
        text = pattern.sub(f" {token} ", text)
    month: int | None = None
    numbers: list[str] = []
    month_follows = number_before_month = False
    for token in _TOKEN.findall(text):
        if token.isdigit():
            if month_follows:
                if month is not None or int(token) > 12:
                    return UNPARSEABLE
                month, month_follows = int(token), False
            else:
                numbers.append(token)
                number_before_month = number_before_month or month is None
        elif token in vocabulary.months and (month is None or month == vocabulary.months[token]):
            month = vocabulary.months[token]
        elif token in vocabulary.prefixes:
            month_follows = True
        elif token not in vocabulary.fillers:
            return UNPARSEABLE
    if month is None or not numbers or len(numbers) > 2:
        return UNPARSEABLE
    if len(numbers) == 1:  # "Mar-24" is March 2024 (Excel mmm-yy), "24-Mar" has no year
        year_only = len(numbers[0]) == 4 or (len(numbers[0]) == 2 and not number_before_month)
        if not year_only:
            return UNPARSEABLE
        return _make(_year(numbers[0]), month, 1, is_approximate=True)
    day, year = numbers
    if len(day) == 4 or (len(day) > 2 and len(year) <= 2):
        day, year = year, day
    if len(day) > 2 or len(year) not in (2, 4):
        return UNPARSEABLE
    return _make(_year(year), month, int(day))


@lru_cache(maxsize=16384)
def _parse_text(text: str, order: DateOrder | None) -> ParsedDate:
    folded = fold_text(text).strip()
    if folded in _vocabulary().empty or folded.rstrip(".") in _vocabulary().empty:
        return EMPTY
    folded = _TIME_SUFFIX.sub("", folded).strip()
    if not folded:
        return UNPARSEABLE
    if _NUMBER.fullmatch(folded):
        if "." not in folded and len(folded) == 8:
            return _from_number(float(folded))
        return _from_number(float(folded)) if float(folded) >= TEXT_SERIAL_MIN else UNPARSEABLE
    korean = _TRAILING_DOT.fullmatch(folded)
    if korean:
        folded = korean.group(1)
    if _NUMERIC_PARTS.fullmatch(folded):
        return _from_numeric_parts(_SEPARATOR.split(folded), order,
                                   is_dotted=_DOTTED.fullmatch(folded) is not None)
    cjk = _CJK.fullmatch(folded)
    if cjk:
        year, month, day = cjk.groups()
        return _make(int(year), int(month), int(day or 1), is_approximate=day is None)
    return _from_words(folded)


def parse_date(value: object, order: DateOrder | None = None) -> ParsedDate:
    """Read one date cell.

    Args:
        value: the cell as python-calamine gives it (`datetime`, `date`, `int`, `float`,
            `str`) or None.
        order: the column's day/month order; None when unknown (then d/m swaps are
            "ambiguous").

    Returns:
        A `ParsedDate`; "empty" for blanks and placeholders ("-", "N/A", "tbc"),
        "unparseable" for anything else that is not a date.

    Example:
        `parse_date("12 de marzo de 2024", None).value` -> `date(2024, 3, 12)`.
    """
    if value is None:
        return EMPTY
    if isinstance(value, datetime.datetime):
        return ParsedDate(value.date(), "ok")
    if isinstance(value, datetime.date):
        return ParsedDate(value, "ok")
    if isinstance(value, bool):
        return UNPARSEABLE
    if isinstance(value, (int, float)):
        return _from_number(float(value))
    if isinstance(value, str):
        return _parse_text(value, order)
    return UNPARSEABLE


def _order_evidence(value: object) -> DateOrder | None:
    """What one cell says about its column's order, if anything."""
    if not isinstance(value, str):
        return None
    folded = _TIME_SUFFIX.sub("", fold_text(value).strip()).strip()
    korean = _TRAILING_DOT.fullmatch(folded)
    if korean:
        folded = korean.group(1)
    if not _NUMERIC_PARTS.fullmatch(folded):
        return None
    parts = _SEPARATOR.split(folded)
    if len(parts) != 3:
        return None
    if len(parts[0]) == 4:
        return "ymd"
    first, second = int(parts[0]), int(parts[1])
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first and not _DOTTED.fullmatch(folded):
        return "mdy"  # a dotted "03.25.2024" is a typo in a day-first list, not evidence
    return None


def infer_date_order(values: Iterable[object]) -> DateOrder | None:
    """Guess a column's day/month order from its unambiguous text values.

    "25/03/2024" votes dmy, "03/25/2024" votes mdy, "2024-03-25" votes ymd; dotted values
    never vote mdy, since dots are a day-first habit. The dmy/mdy
    majority wins (a tie gives None); ymd is returned only when no value says dmy or mdy,
    since year-first values read the same under any order.

    Args:
        values: the cells of one column.

    Returns:
        The order, or None when there is no (or only conflicting) evidence.
    """
    votes = Counter(found for value in values if (found := _order_evidence(value)))
    if votes["dmy"] or votes["mdy"]:
        if votes["dmy"] == votes["mdy"]:
            return None
        return "dmy" if votes["dmy"] > votes["mdy"] else "mdy"
    return "ymd" if votes["ymd"] else None


class DateParser:
    """Parses the cells of one column with one order, remembering repeated texts.

    Example:
        `parser = DateParser.for_column(cells)`, then `parser.parse(cell)` per row.
    """

    __slots__ = ("order", "_seen")

    def __init__(self, order: DateOrder | None = None) -> None:
        """Args:
            order: the column's day/month order, or None when unknown."""
        self.order: DateOrder | None = order
        self._seen: dict[str, ParsedDate] = {}

    @classmethod
    def for_column(cls, values: Iterable[object]) -> DateParser:
        """A parser whose order is inferred from the column's own values."""
        return cls(infer_date_order(values))

    def parse(self, value: object) -> ParsedDate:
        """Same as `parse_date(value, self.order)`, cached per distinct text."""
        if not isinstance(value, str):
            return parse_date(value, self.order)
        found = self._seen.get(value)
        if found is None:
            found = self._seen[value] = parse_date(value, self.order)
        return found


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)

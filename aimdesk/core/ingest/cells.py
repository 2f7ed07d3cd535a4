"""Turn cell values into the text the workspace keeps, exactly as the member wrote them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_ZS_LIKE = re.compile(r"^\s*Z[SC]", re.IGNORECASE)


def cell_text(cell: object) -> str:
    """The cell as text: integral floats without '.0', dates in ISO form, '' when empty."""
    if type(cell) is str:
        return cell
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, (dt.date, dt.time)):
        return _moment_text(cell)
    return str(cell)


@lru_cache(maxsize=16384)
def _moment_text(cell: dt.date | dt.time) -> str:
    """Date cells repeat a lot in a list: convert each distinct one once."""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    return cell.isoformat()


def clean_text(cell: object) -> str:
    """Cell text as compared and stored: whitespace collapsed (line breaks, non-breaking
    spaces, tabs), a typed leading apostrophe dropped, Unicode in composed form (NFC), so
    that the same name written by two members is the same text."""
    text = " ".join((cell if type(cell) is str else cell_text(cell)).split())
    if text[:1] == "'":
        text = text[1:].lstrip()  # Excel's "keep as text" mark, typed into the cell
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def is_blank(cell: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def looks_like_sedex(text: str) -> bool:
    """A Sedex ZS/ZC reference at the start of the text."""
    return bool(_ZS_LIKE.match(text))

"""What a reviewer sees of one pair: both records field by field, where they differ inside
the text, which disagreements are strong evidence, the score in words, and the other
records already in each side's site.

The same field rows serve a pair in the workspace (`pair_view`) and a row of a review
packet opened without the workspace (`compare_fields` on the packet's columns).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from anyascii import anyascii

from aimdesk.core.ingest.identifiers import normalise_sedex_id
from aimdesk.core.ingest.schemes import scheme_label
from aimdesk.core.matching.decisions import HistoryEntry, records_history
from aimdesk.core.matching.queue import ReviewItem
from aimdesk.core.store.matching import current_decisions, public_ids
from aimdesk.core.store.records import RecordRow, fetch_records, record_site
from aimdesk.core.store.sites import site_record_ids
from aimdesk.core.store.workspace import Store

FIELD_LABELS: dict[str, str] = {
    "member": "Member", "site_name": "Site name", "address": "Address", "city": "City",
    "region": "Region", "postal_code": "Postal code", "country": "Country",
    "sedex_id": "Sedex id", "audit_date": "Audit date", "audit_type": "Audit type"}
"""The fields shown side by side, in this order."""

Agreement = Literal["same", "similar", "different", "conflict", "missing"]
"""How two values compare: `conflict` is a disagreement that is strong evidence of two
sites (two Sedex ids, two postal codes, house numbers that share nothing)."""

STRONG_FIELDS = ("sedex_id", "postal_code")
"""Two filled values that differ here are strong evidence of two sites."""
NUMBERED_FIELDS = ("site_name", "address")
"""Numbers in these (house, plot, plant numbers) that share nothing are strong evidence."""
PLAIN_FIELDS = ("member",)
"""Compared whole: two members' names (or labels) are the same or not, never "similar"."""
SIMILAR_RATIO = 0.6
HISTORY_LIMIT = 12
_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a value: shown plain when the other side has it too, marked when not."""

    text: str
    shared: bool


@dataclass(frozen=True, slots=True)
class FieldRow:
    name: str
    label: str
    left: str
    right: str
    agreement: Agreement
    left_segments: tuple[Segment, ...]
    right_segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class SideView:
    """One side of the pair: its record, where it came from, and its site."""

    record: RecordRow
    site: str
    """The site's public id; empty when the record has no site yet."""
    mates: tuple[RecordRow, ...]
    """The other active records already in the same site."""

    @property
    def source(self) -> str:
        sheet = f", sheet {self.record.source_sheet}" if self.record.source_sheet else ""
        return f"{self.record.source_file}{sheet}, row {self.record.source_row}"


@dataclass(frozen=True, slots=True)
class PairView:
    left: SideView
    right: SideView
    fields: tuple[FieldRow, ...]
    probability: float
    band: str
    explanation: tuple[dict[str, object], ...]
    decision: str = ""
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    history: tuple[HistoryEntry, ...] = ()
    """Decisions on this pair and on both sides' sites, newest first (`HISTORY_LIMIT`)."""


def pair_view(store: Store, item: ReviewItem) -> PairView:
    """Everything the side-by-side screen shows for a queue item."""
    records = fetch_records(store, [item.left, item.right])
    left, right = (_side(store, records[i]) for i in (item.left, item.right))
    decision = current_decisions(store, [(item.left, item.right)]).get((item.left, item.right))
    return PairView(left, right, tuple(compare_fields(_values(left.record), _values(right.record))),
                    item.probability, item.band, tuple(item.explanation),
                    decision.verdict if decision else "", decision.note if decision else "",
                    history=tuple(_history(store, left, right)))


def _history(store: Store, left: SideView, right: SideView) -> list[HistoryEntry]:
    """Who decided what on the pair and on the records of both sides' sites."""
    ids = {side.record.id for side in (left, right)} | {r.id for side in (left, right) for r in side.mates}
    return records_history(store, ids)[:HISTORY_LIMIT]


def compare_fields(left: Mapping[str, str], right: Mapping[str, str]) -> list[FieldRow]:
    """Both sides' values of every shown field, compared."""
    rows = []
    for name, label in FIELD_LABELS.items():
        a, b = str(left.get(name) or "").strip(), str(right.get(name) or "").strip()
        left_segments, right_segments = ([Segment(a, a == b)], [Segment(b, a == b)]) if name in PLAIN_FIELDS \
            else text_diff(a, b)
        rows.append(FieldRow(name, label, a, b, agreement(name, a, b),
                             tuple(left_segments), tuple(right_segments)))
    return rows


def agreement(name: str, left: str, right: str) -> Agreement:
    """How the two values of field `name` compare (see `Agreement`)."""
    if not left or not right:
        return "missing"
    if _folded(left) == _folded(right):
        return "same"
    if name == "sedex_id" and _sedex(left) == _sedex(right):
        return "same"
    if name in PLAIN_FIELDS:
        return "different"
    if name in STRONG_FIELDS:
        return "conflict"
    if name in NUMBERED_FIELDS:
        numbers = set(_NUMBER.findall(left)), set(_NUMBER.findall(right))
        if all(numbers) and numbers[0].isdisjoint(numbers[1]):
            return "conflict"
    ratio = difflib.SequenceMatcher(None, _folded(left), _folded(right)).ratio()
    return "similar" if ratio >= SIMILAR_RATIO else "different"


def text_diff(left: str, right: str) -> tuple[list[Segment], list[Segment]]:
    """Both texts cut into segments, each marked shared or not, word by word (case,
    accents and scripts set aside: "Rd." and "RD" are the same word)."""
    a, b = _TOKEN.findall(left), _TOKEN.findall(right)
    matcher = difflib.SequenceMatcher(None, [_folded(t) for t in a], [_folded(t) for t in b],
                                      autojunk=False)
    left_out: list[Segment] = []
    right_out: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        shared = tag == "equal"
        _append(left_out, "".join(a[i1:i2]), shared)
        _append(right_out, "".join(b[j1:j2]), shared)
    return left_out, right_out


def _append(segments: list[Segment], text: str, shared: bool) -> None:
    if not text:
        return
    if segments and segments[-1].shared == shared:
        segments[-1] = Segment(segments[-1].text + text, shared)
    else:
        segments.append(Segment(text, shared))


def _folded(text: str) -> str:
    return anyascii(text).casefold().strip(" .,")


def _sedex(text: str) -> str:
    return normalise_sedex_id(text).match_key or text


def _side(store: Store, record: RecordRow) -> SideView:
    site = record_site(store, record.id)
    if site is None:
        return SideView(record, "", ())
    mates = [i for i in site_record_ids(store, site) if i != record.id]
    rows = fetch_records(store, mates)
    return SideView(record, public_ids(store, [site]).get(site, ""), tuple(rows[i] for i in mates if i in rows))


def _values(record: RecordRow) -> dict[str, str]:
    values = {name: str(getattr(record, name)) for name in FIELD_LABELS}
    values["audit_type"] = scheme_label(record.audit_type) if record.audit_type else ""
    return values


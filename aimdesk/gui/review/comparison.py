"""One pair side by side, as an HTML page for a QTextBrowser: one document renders in a
few milliseconds, selects and copies like text, and prints."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from aimdesk.core.matching.decisions import HistoryEntry
from aimdesk.core.matching.review_view import FieldRow, PairView, Segment, SideView
from aimdesk.core.ingest.cells import cell_text
from aimdesk.core.store.records import RawRow, RecordRow

MARK = {"same": ("✓", "#2e7d32", "same"), "similar": ("≈", "#8a6d00", "similar"),
        "different": ("≠", "#b26a00", "different"), "conflict": ("✗", "#c62828", "disagree — strong sign of two sites"),
        "missing": ("–", "#777777", "one side is empty")}
"""Symbol, colour and tooltip of each agreement."""
CHANGED_BACKGROUND = "#ffe9a8"
CONFLICT_BACKGROUND = "#fbd5d5"
STYLE = """
<style>
 body { font-size: 10pt; }
 table.pair { border-collapse: collapse; width: 100%; }
 table.pair td, table.pair th { padding: 4px 8px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
 th { text-align: left; color: #555; font-weight: normal; }
 td.label { color: #555; white-space: nowrap; }
 h3 { margin: 2px 0 6px 0; }
 .small { color: #666; font-size: 9pt; }
</style>
"""


class ComparisonView(QTextBrowser):
    """Shows a `PairView`; empty text when there is nothing to review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_pair(self, view: PairView, *, raw_rows: tuple[RawRow | None, RawRow | None] | None = None) -> None:
        self.setHtml(pair_html(view, raw_rows=raw_rows))

    def show_message(self, text: str) -> None:
        self.setHtml(f"{STYLE}<p style='color:#555; font-size:11pt; margin:24px'>{escape(text)}</p>")


def pair_html(view: PairView, *, raw_rows: tuple[RawRow | None, RawRow | None] | None = None) -> str:
    parts = [STYLE, _heading(view), _fields_table(view), _explanation(view.explanation)]
    if view.left.mates or view.right.mates:
        parts.append(_mates_table(view.left, view.right))
    if raw_rows is not None:
        parts.append(_raw_rows(raw_rows))
    if view.history:
        parts.append(_history(view.history))
    return "".join(parts)


def _heading(view: PairView) -> str:
    band = {"held": "held back: it would join two sites that differ", "review": "review band"}.get(view.band, view.band)
    decided = (f" · <b>decided {escape(view.decision)}</b>" + (f" ({escape(view.note)})" if view.note else "")
               if view.decision else "")
    extra = "".join(f"<tr><td class='label'>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>"
                    for k, v in view.extra.items())
    return (f"<h3>Records {view.left.record.id} and {view.right.record.id}: "
            f"{view.probability:.0%} likely the same site</h3><p class='small'>{escape(band)}{decided}</p>"
            + (f"<table style='background:#fff4d6; margin-bottom:6px' cellpadding='4'>{extra}</table>" if extra else ""))


def _fields_table(view: PairView) -> str:
    header = f"<tr><th></th><th></th><th>{_side_title('Left', view.left)}</th><th>{_side_title('Right', view.right)}</th></tr>"
    rows = [_field_row(row) for row in view.fields]
    rows.append(f"<tr><td class='label'>Source</td><td></td><td class='small'>{escape(view.left.source)}</td>"
                f"<td class='small'>{escape(view.right.source)}</td></tr>")
    return f"<table class='pair'>{header}{''.join(rows)}</table>"


def _side_title(word: str, side: SideView) -> str:
    site = f" · site {escape(side.site)}" if side.site else ""
    return f"{word} · record {side.record.id}{site}"


def _field_row(row: FieldRow) -> str:
    symbol, colour, tip = MARK[row.agreement]
    background = f" style='background:{CONFLICT_BACKGROUND}'" if row.agreement == "conflict" else ""
    return (f"<tr{background}><td class='label'>{escape(row.label)}</td>"
            f"<td title='{tip}' style='color:{colour}; font-weight:bold'>{symbol}</td>"
            f"<td>{_segments(row.left_segments, row.agreement)}</td>"
            f"<td>{_segments(row.right_segments, row.agreement)}</td></tr>")


def _segments(segments: Sequence[Segment], agreement: str) -> str:
    if agreement in ("same", "missing") or len(segments) == 1:
        return escape("".join(s.text for s in segments))
    out = []
    for segment in segments:
        text = escape(segment.text)
        if segment.shared:
            out.append(text)
        elif agreement == "conflict":
            out.append(f"<b style='color:#b71c1c'>{text}</b>")
        else:
            out.append(f"<span style='background:{CHANGED_BACKGROUND}'>{text}</span>")
    return "".join(out)


def _explanation(explanation: Sequence[dict[str, object]]) -> str:
    meanings = any(part.get("description") for part in explanation)
    rows = []
    for part in explanation:
        weight = float(part.get("weight", 0) or 0)  # type: ignore[arg-type]
        colour = "#2e7d32" if weight > 0.05 else "#c62828" if weight < -0.05 else "#777"
        rows.append(f"<tr><td class='label'>{escape(str(part.get('label', '')))}</td>"
                    f"<td>{escape(str(part.get('level', '')))}</td>"
                    f"<td style='color:{colour}; text-align:right'>{weight:+.2f}</td>"
                    + (f"<td class='small'>{escape(str(part.get('description', '')))}</td>" if meanings else "")
                    + "</tr>")
    meaning = "<th>Meaning</th>" if meanings else ""
    return ("<h4>Why this score</h4><table class='pair'><tr><th>Field</th><th>Level</th><th>Weight</th>"
            f"{meaning}</tr>{''.join(rows)}</table>")


def _mates_table(left: SideView, right: SideView) -> str:
    return (f"<h4>Already in each side's site</h4><table class='pair'><tr>"
            f"<th>Site {escape(left.site)} · {len(left.mates)} other records</th>"
            f"<th>Site {escape(right.site)} · {len(right.mates)} other records</th></tr>"
            f"<tr><td>{_mates(left.mates)}</td><td>{_mates(right.mates)}</td></tr></table>")


def _mates(records: Sequence[RecordRow]) -> str:
    return "<br>".join(f"{escape(r.site_name)} <span class='small'>· {escape(r.city or r.address)} · "
                       f"{escape(r.member)}</span>" for r in records) or "<span class='small'>none</span>"


def _history(entries: Sequence[HistoryEntry]) -> str:
    rows = "".join(
        f"<tr><td class='small'>{escape(e.decision.decided_at[:16].replace('T', ' '))}</td>"
        f"<td>{escape(e.decision.reviewer or 'unknown')}</td><td><b>{escape(e.decision.verdict)}</b></td>"
        f"<td>{e.decision.left} ↔ {e.decision.right}</td><td class='small'>{escape(e.status)}</td>"
        f"<td class='small'>{escape(e.batch_label)}</td><td class='small'>{escape(e.decision.note)}</td></tr>"
        for e in entries)
    return ("<h4>Who decided what, on this pair and both sites</h4><table class='pair'><tr><th>When</th>"
            f"<th>Who</th><th>Decision</th><th>Records</th><th>Status</th><th>Action</th><th>Note</th></tr>{rows}</table>")


def _raw_rows(rows: tuple[RawRow | None, RawRow | None]) -> str:
    return ("<h4>The rows as the members' files had them</h4><table class='pair'>"
            f"<tr><td>{_raw_row(rows[0])}</td><td>{_raw_row(rows[1])}</td></tr></table>")


def _raw_row(row: RawRow | None) -> str:
    if row is None:
        return ""
    headers = [*row.headers, *[""] * (len(row.cells) - len(row.headers))]
    lines = [f"<span class='small'>{escape(header or f'(column {number})')}:</span> {escape(cell_text(cell))}"
             for number, (header, cell) in enumerate(zip(headers, row.cells), start=1) if cell_text(cell).strip()]
    return "<br>".join(lines)

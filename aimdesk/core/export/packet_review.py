"""A review packet opened in the app without the workspace (a reviewer on their own
laptop): each row as the side-by-side view shows it, and the reviewer's answers kept
until they are saved back into the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aimdesk.core.export.packet_file import PacketRow, ReviewPacket, save_packet_decisions
from aimdesk.core.matching.decisions import Verdict
from aimdesk.core.matching.review_view import PairView, SideView, compare_fields
from aimdesk.core.store.records import RecordRow

_PART = re.compile(r"^(?P<label>[^:]+):\s*(?P<level>.*?)\s*\((?P<weight>[+-]?\d+(?:\.\d+)?)\)$")


def packet_pair_view(packet: ReviewPacket, row: PacketRow, answer: tuple[Verdict | None, str]) -> PairView:
    """One packet row side by side, with the reviewer's current answer."""
    left, right = row.left_fields, row.right_fields
    return PairView(
        _side(packet, row, row.left, left), _side(packet, row, row.right, right),
        tuple(compare_fields(left, right)), row.score or 0.0, "review",
        tuple(explanation_parts(row.explanation)), answer[0] or "", answer[1])


def explanation_parts(text: str) -> list[dict[str, object]]:
    """The packet's explanation in words ("Site name: same (+2.42); …") back into parts."""
    parts: list[dict[str, object]] = []
    for piece in text.split(";"):
        match = _PART.match(piece.strip())
        if match:
            parts.append({"label": match["label"].strip(), "level": match["level"],
                          "weight": float(match["weight"])})
    return parts


def _side(packet: ReviewPacket, row: PacketRow, record_id: int, fields: dict[str, str]) -> SideView:
    record = RecordRow(record_id, fields.get("member", ""), fields.get("site_name", ""), fields.get("address", ""),
                       fields.get("city", ""), fields.get("region", ""), fields.get("postal_code", ""),
                       fields.get("country", ""), fields.get("sedex_id", ""), "", fields.get("audit_date", ""),
                       fields.get("audit_type", ""), "", 0, packet.path.name, "Pairs", row.number)
    return SideView(record, "", ())


@dataclass
class PacketAnswers:
    """The reviewer's answers to a packet: as the file had them, and as changed since."""

    packet: ReviewPacket
    answers: dict[int, tuple[Verdict | None, str]] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.answers = {row.number: (row.verdict, row.note) for row in self.packet.rows}

    def answer(self, number: int) -> tuple[Verdict | None, str]:
        return self.answers[number]

    def set(self, number: int, verdict: Verdict | None, note: str) -> None:
        self.answers[number] = (verdict, note)
        self.changed.add(number)

    @property
    def decided(self) -> int:
        return sum(1 for verdict, _ in self.answers.values() if verdict is not None)

    def save(self) -> None:
        """Write the answers into the packet file; nothing is left to save afterwards."""
        save_packet_decisions(self.packet.path, {n: self.answers[n] for n in sorted(self.changed)})
        self.changed.clear()

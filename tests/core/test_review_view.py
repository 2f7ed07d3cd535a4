"""What the side-by-side screen shows of a pair: differences inside the text, strong
disagreements, and the queue cut by the reviewer's filters."""

from __future__ import annotations

from aimdesk.core.matching.queue import QueueFilter, ReviewItem, filter_queue
from aimdesk.core.matching.review_view import agreement, compare_fields, text_diff
from aimdesk.core.store.workspace import Store


def marked(segments: list) -> list[str]:  # type: ignore[type-arg]
    return [s.text for s in segments if not s.shared]


def test_only_the_words_that_differ_are_marked_case_and_accents_aside() -> None:
    left, right = text_diff("No. 12 Xinhua Road, Bao'an", "NO. 12 XINHUA RD, Bao’an District")
    assert marked(left) == ["Road"]
    assert [t.strip() for t in marked(right)] == ["RD", "District"]
    assert "".join(s.text for s in left) == "No. 12 Xinhua Road, Bao'an"


def test_a_different_postal_code_sedex_id_or_house_number_is_a_strong_disagreement() -> None:
    assert agreement("postal_code", "518101", "523000") == "conflict"
    assert agreement("sedex_id", "ZS000123456", "ZS999") == "conflict"
    assert agreement("sedex_id", "ZS000123456", "zs123456") == "same"
    assert agreement("address", "No. 12 Xinhua Road", "No. 88 Xinhua Road") == "conflict"
    assert agreement("address", "No. 12 Xinhua Road", "12 Xinhua Rd") == "similar"
    assert agreement("site_name", "Golden Star Textiles", "Blue Moon Foods") == "different"
    assert agreement("city", "Shenzhen", "") == "missing"
    assert agreement("city", "Shenzhen", "SHENZHEN") == "same"


def test_packet_columns_compare_like_workspace_records() -> None:
    rows = {row.name: row for row in compare_fields(
        {"site_name": "Sunrise Garment", "postal_code": "518101", "country": "CN"},
        {"site_name": "Sunrise Garments", "postal_code": "518101", "country": "CN", "member": "Member B"})}
    assert rows["postal_code"].agreement == "same"
    assert rows["site_name"].agreement == "similar"
    assert rows["member"].agreement == "missing"
    assert list(rows)[:3] == ["member", "site_name", "address"]


ITEMS = [ReviewItem(1, 2, 0.5, "review", True, 1.0, "", ""),
         ReviewItem(3, 4, 0.9, "held", False, 1.0, "", ""),
         ReviewItem(5, 6, 0.5, "review", True, 1.0, "unsure", "")]


def pick(store: Store, **where: object) -> list[tuple[int, int]]:
    return [(i.left, i.right) for i in filter_queue(store, ITEMS, QueueFilter(**where))]  # type: ignore[arg-type]


def test_the_band_filter_tells_held_review_and_unsure_pairs_apart(store: Store) -> None:
    assert pick(store, band="held") == [(3, 4)]
    assert pick(store, band="unsure") == [(5, 6)]
    assert pick(store, band="review") == [(1, 2)]
    assert pick(store, multi_member_only=True) == [(1, 2), (5, 6)]
    assert pick(store) == [(1, 2), (3, 4), (5, 6)]

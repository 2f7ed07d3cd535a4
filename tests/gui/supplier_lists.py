"""Member supplier lists for GUI tests, written as files and imported with the core importer."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from aimdesk.core.store import Store

HEADER = ["Factory name", "Address", "City", "Country", "Sedex ID", "Audit date", "Audit type"]

ACME_ROWS = [
    ["Sunrise Garments Ltd", "12 Mill Road", "Tiruppur", "India", "ZS1000001",
     "2025-03-10", "SMETA 4-pillar"],
    ["Golden Thread Textiles", "5 Export Zone", "Dhaka", "Bangladesh", "ZS1000002",
     "2024-11-02", "SMETA 2-pillar"],
    ["Harbour Knitwear", "88 Quay Street", "Porto", "Portugal", "ZS1000003",
     "2025-06-21", "SA8000"],
    ["Anatolia Denim", "3 Organize Sanayi", "Izmir", "Turkey", "ZS1000004",
     "2024-07-15", "amfori BSCI"],
    ["Lotus Packaging", "19 Ring Road", "Tiruppur", "Atlantis", "ZS1000005",
     "2025-01-20", "SMETA 4-pillar"],
]

BLUE_ROWS = [
    ["Zenith Apparel", "77 Canal Street", "Dhaka", "Bangladesh", "ZS2000001",
     "2025-02-14", "SMETA 4-pillar"],
    ["Bright Star Toys", "2 Harbour Avenue", "Shenzhen", "China", "ZS2000002",
     "2024-09-30", "SMETA 4-pillar"],
    ["Coastal Tiles", "41 Beach Road", "Porto", "Portugal", "ZS2000003",
     "2025-05-05", "SA8000"],
]
"""Two members' lists: 8 records. 'Atlantis' is not a country, so that row has a finding."""

SITE_NAMES = sorted(row[0] for row in ACME_ROWS + BLUE_ROWS)


def fixed_now() -> datetime:
    return datetime(2026, 1, 15, 9, 30, tzinfo=timezone.utc)


def write_supplier_list(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    """A supplier list as a member would send it: a CSV with Excel-style headers."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def generated_rows(count: int) -> list[list[str]]:
    """`count` distinct, valid rows (for the large-list test)."""
    cities = [("Tiruppur", "India"), ("Dhaka", "Bangladesh"), ("Porto", "Portugal"),
              ("Izmir", "Turkey"), ("Shenzhen", "China")]
    rows = []
    for number in range(count):
        city, country = cities[number % len(cities)]
        rows.append([f"Factory {number:06d}", f"{number} Industrial Road", city, country,
                     f"ZS{3000000 + number}", f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                     "SMETA 4-pillar"])
    return rows


def import_lists(workspace: Path, lists: dict[str, Path]) -> None:
    """Import each member's file with the core importer, as the CLI does."""
    from aimdesk.core.ingest.importer import ImportOptions, import_file

    with Store.open(workspace) as store:
        for member, path in lists.items():
            import_file(store, path, ImportOptions(member=member), who="tester", now=fixed_now)

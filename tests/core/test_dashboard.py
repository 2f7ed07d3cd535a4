"""The dashboard's mutual-recognition figure: members eligible for audits, counted by the
eligibility rule (statement signed AND latest benchmark passed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aimdesk.core.benchmark.eligibility import eligible_member_ids, record_benchmark_result, record_statement
from aimdesk.core.dashboard import dashboard
from aimdesk.core.export.common_document import write_common_document
from aimdesk.core.export.common_rows import common_options
from aimdesk.core.ingest.importer import ImportOptions, import_file
from aimdesk.core.store.members import find_member
from aimdesk.core.store.workspace import Store
from tests.conftest import STANDARD_HEADER, STANDARD_ROWS, write_csv
from tests.core.demo_workspaces import demo, matched_demo  # noqa: F401 - the shared fixtures

AS_OF = dt.date(2026, 11, 1)


def _eligible(store: Store) -> tuple[int, int]:
    figures = dashboard(store, as_of=AS_OF)
    return figures.eligible_members, figures.members


def test_the_dashboard_counts_members_eligible_for_mutual_recognition(store: Store, tmp_path: Path) -> None:
    for member, rows in (("Acme Foods", STANDARD_ROWS[:2]), ("Blue Fashion", STANDARD_ROWS[2:]),
                         ("Cobalt Home", STANDARD_ROWS[:1])):
        import_file(store, write_csv(tmp_path / f"{member}.csv", [STANDARD_HEADER] + rows),
                    ImportOptions(member=member), who="t")
    acme, blue = find_member(store, "Acme Foods"), find_member(store, "Blue Fashion")
    assert acme is not None and blue is not None
    assert _eligible(store) == (0, 3)

    record_statement(store, acme, "audit", signed_on="2025-02-01", signatory="Jo Smith, CSR lead", who="t")
    assert _eligible(store) == (0, 3)  # signed, not benchmarked yet
    record_benchmark_result(store, acme, "audit", passed_on="2025-01-15", who="t")
    assert _eligible(store) == (1, 3)

    record_benchmark_result(store, blue, "virtual", passed_on="2025-01-15", who="t")
    record_statement(store, blue, "virtual", signed_on="2025-02-01", signatory="Ana Ruiz", who="t")
    assert _eligible(store) == (1, 3)  # eligible for virtual assessments only: not counted
    assert len(eligible_member_ids(store)) == 1


def test_the_dashboard_says_as_of_when_the_common_document_was_last_exported(demo: Store, tmp_path: Path) -> None:
    assert dashboard(demo, as_of=dt.date(2026, 11, 1)).last_export == ""
    for as_of in (dt.date(2026, 6, 30), dt.date(2026, 11, 1)):
        write_common_document(demo, tmp_path / f"{as_of}.xlsx", common_options(demo, as_of), who="test")
    assert dashboard(demo, as_of=dt.date(2026, 11, 2)).last_export == "2026-11-01"

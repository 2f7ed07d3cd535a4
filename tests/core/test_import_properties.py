"""Whatever a member sends, import either works or says why in one sentence: no crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.store.records import count_active_records
from aimdesk.core.store.workspace import Store

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
HEADER_WORDS = ["Factory name", "Country", "Audit date", "Sedex ID", "City", "Vendor code",
                "Audit type", "Notes", "", "Nombre de la fábrica", "国家"]
CELLS = st.one_of(
    st.text(max_size=20), st.sampled_from(HEADER_WORDS), st.integers(-10**6, 10**9),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.sampled_from(["ZS123456789", "ZS: 0001", "China", "P.R. China", "03/04/2025", "TOTAL", "e.g. X"]),
)
GRIDS = st.lists(st.lists(CELLS, max_size=8), max_size=12)


def import_outcome(tmp_path: Path, path: Path) -> None:
    workspace = tmp_path / "w.aimdesk"
    workspace.unlink(missing_ok=True)
    with Store.open(workspace, create=True) as store:
        try:
            report = import_file(store, path, ImportOptions(member="M"), who="t", now=lambda: NOW)
        except AimDeskError as error:
            assert "\n" not in str(error) and str(error).endswith(".")
            assert count_active_records(store) == 0
        else:
            assert count_active_records(store) == report.records_added > 0


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grid=GRIDS)
def test_any_grid_of_cells_in_an_xlsx_imports_or_is_refused_cleanly(tmp_path: Path, grid) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    for row in grid:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    path = tmp_path / "list.xlsx"
    book.save(path)
    import_outcome(tmp_path, path)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_bytes_named_csv_import_or_are_refused_cleanly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    import_outcome(tmp_path, path)

"""Record queries: the findings kept for one record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.store.records import (
    RecordFinding, RecordQuery, fetch_records, record_findings, record_ids,
)
from aimdesk.core.store.workspace import Store

from tests.conftest import STANDARD_HEADER, write_csv


def import_list(store: Store, tmp_path: Path, rows: list[list[object]],
                now: dt.datetime) -> None:
    path = write_csv(tmp_path / "acme.csv", [STANDARD_HEADER, *rows])
    import_file(store, path, ImportOptions(member="Acme"), who="t", now=lambda: now)


def test_record_findings_lists_the_bad_country_of_that_record_only(
        store: Store, tmp_path: Path, fixed_now: dt.datetime) -> None:
    import_list(store, tmp_path, [
        ["Good Mill", "1 Road", "Porto", "Portugal", "ZS100000001", "2025-03-12", "SMETA 4P",
         "SGS", "V-1"],
        ["Lost Mill", "2 Road", "Nowhere", "Atlantis", "ZS100000002", "2025-03-12", "SMETA 4P",
         "SGS", "V-2"],
    ], fixed_now)
    ids = record_ids(store, RecordQuery(sort="site_name"))
    good, lost = (fetch_records(store, ids)[i] for i in ids)
    assert (good.site_name, lost.site_name) == ("Good Mill", "Lost Mill")

    findings = record_findings(store, lost.id)

    assert [(f.kind, f.field) for f in findings] == [("unknown_country", "country")]
    assert "Atlantis" in findings[0].message
    assert findings[0].kind in FINDING_KINDS
    assert isinstance(findings[0], RecordFinding)
    assert record_findings(store, good.id) == []
    assert lost.findings == len(findings)  # the count the table shows agrees


def test_record_findings_of_an_unknown_record_is_empty(store: Store) -> None:
    assert record_findings(store, 999_999) == []


def test_search_text_with_percent_or_underscore_is_taken_literally(tmp_path: Path) -> None:
    from aimdesk.core.store.records import RecordQuery, record_ids

    source = tmp_path / "l.csv"
    source.write_text("Factory name,Country\n100% Cotton Mill,IN\nA_B Knit,BD\nAxB Knit,BD\n", encoding="utf-8")
    with Store.open(tmp_path / "w.aimdesk", create=True) as store:
        import_file(store, source, ImportOptions(member="M"), who="t",
                    now=lambda: dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
        assert len(record_ids(store, RecordQuery(search="100%"))) == 1
        assert len(record_ids(store, RecordQuery(search="A_B"))) == 1
        assert len(record_ids(store, RecordQuery(search="Knit"))) == 2

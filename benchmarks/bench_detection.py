"""How well import finds the sheet, header row, columns and data rows on its own.

Runs the importer's preparation with `--member` only (no hints, as a new user would) on
every member file of a data set in score_dataset.py's layout (`mapping/*.json`,
`truth.csv`), and compares with the known sheet, header row, mapping and true data rows.
A refused file counts as all its fields and rows missed.

usage: python benchmarks/bench_detection.py DATA_DIR
       (e.g. after `aimdesk demo demo-data`: python benchmarks/bench_detection.py demo-data)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path

from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.prepare import ImportOptions, prepare_import
from aimdesk.core.ingest.synonyms import normalise_header


def true_rows(data: Path) -> dict[str, set[int]]:
    rows: dict[str, set[int]] = defaultdict(set)
    with open(data / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["file"]].add(int(row["row"]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    args = parser.parse_args()
    truth = true_rows(args.data)
    totals = defaultdict(int)
    start = time.perf_counter()
    for mapping_file in sorted((args.data / "mapping").glob("*.json")):
        known = json.loads(mapping_file.read_text(encoding="utf-8"))
        label = known["member"][:30]
        totals["files"] += 1
        expected = truth[known["file"]]
        totals["fields"] += len(known["fields"])
        totals["rows"] += len(expected)
        try:
            prepared = prepare_import(args.data / known["file"], ImportOptions(member=known["member"]),
                                      as_of=dt.date.today())
        except AimDeskError as error:
            print(f"{label:30}  REFUSED: {error}")
            continue
        part = next((p for p in prepared.parts if p.sheet.name == known.get("sheet")), prepared.primary)
        sheet_ok = known.get("sheet") in (None, part.sheet.name)
        totals["sheet_ok"] += sheet_ok
        found = part.mapping.as_labels()
        wrong = {field: (found.get(field), header) for field, header in known["fields"].items()
                 if normalise_header(found.get(field) or "") != normalise_header(header)}
        extra = {f: h for f, h in found.items() if f not in known["fields"]}
        rows = {record.row_number for record in part.outcome.records} if sheet_ok else set()
        header_ok = part.header.row_number == known["header_row"]
        totals["header_ok"] += header_ok
        totals["fields_ok"] += len(known["fields"]) - len(wrong)
        totals["rows_found"] += len(rows & expected)
        totals["rows_extra"] += len(rows - expected)
        sheets = f"  sheets {prepared.sheet_names}" if len(prepared.parts) > 1 else ""
        print(f"{label:30}  {'' if sheet_ok else 'WRONG SHEET '}header {part.header.row_number:>2}/{known['header_row']:<2} "
              f"fields {len(known['fields']) - len(wrong):>2}/{len(known['fields']):<2} "
              f"rows {len(rows & expected):>5}/{len(expected):<5} extra {len(rows - expected):>3}{sheets}")
        for warning in prepared.warnings:
            print(f"{'':32}warning: {warning}")
        for field, (got, want) in wrong.items():
            print(f"{'':32}{field}: took {got!r}, should be {want!r}")
        for field, header in extra.items():
            print(f"{'':32}{field}: also took {header!r} (not in the known mapping)")
    seconds = time.perf_counter() - start
    print(f"\nfiles {totals['files']}, sheets right {totals['sheet_ok']}/{totals['files']}, "
          f"header rows right {totals['header_ok']}/{totals['files']}, "
          f"fields right {totals['fields_ok']}/{totals['fields']}, "
          f"data rows found {totals['rows_found']}/{totals['rows']} (+{totals['rows_extra']} not in truth), "
          f"{seconds:.1f} s")


if __name__ == "__main__":
    main()

"""Time writing the common document of about 25,000 sites, xlsx and csv.

Builds a demo workspace large enough (`aimdesk demo --scale`, then `aimdesk match`), marks
every member eligible for mutual recognition (a signed statement and a benchmark passed on
the as-of day, as score_dataset.py does), then times `write_common_document` for each
format (best and median of a few runs, each run a full export recorded as an edition) and
the parts of one export: gathering the rows, the disclosure check, building the file.
Target: 25,000 sites in 5 s or less.

usage: python benchmarks/bench_export.py [--scale 6.1] [--repeat 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aimdesk.core.benchmark.eligibility import record_benchmark_result, record_statement
from aimdesk.core.export.common_document import (build_common_document, common_book, common_options,
                                                 write_common_document)
from aimdesk.core.export.common_file import DataSheet, render_csv, render_xlsx
from aimdesk.core.export.disclosure import disclosure_terms, find_disclosures
from aimdesk.core.store.workspace import Store

AIMDESK = [sys.executable, "-m", "aimdesk"]
AS_OF = dt.date(2026, 11, 1)
TARGET_SECONDS = 5.0


def build_workspace(work: Path, scale: float) -> Path:
    """A matched demo workspace at `scale` with every member eligible (made once per folder)."""
    folder = work / f"demo-{scale:g}"
    workspace = folder / "demo.aimdesk"
    ready = folder / "ready"
    if ready.exists():
        return workspace
    if not workspace.exists():
        print(f"aimdesk demo --scale {scale:g} …", flush=True)
        subprocess.run(AIMDESK + ["demo", str(folder), "--scale", f"{scale:g}"], check=True, capture_output=True)
    print("aimdesk match …", flush=True)
    subprocess.run(AIMDESK + ["--workspace", str(workspace), "match"], check=True, capture_output=True)
    with Store.open(workspace) as store:
        for (member_id,) in store.conn.execute("SELECT id FROM members").fetchall():
            record_statement(store, member_id, "audit", signed_on="2024-01-01", signatory="", who="bench")
            record_benchmark_result(store, member_id, "audit", passed_on=AS_OF.isoformat(), who="bench")
    ready.touch()
    return workspace


def time_parts(store: Store) -> None:
    """Seconds of each part of one export (no file written)."""
    options = common_options(store, AS_OF)
    started = time.perf_counter()
    document = build_common_document(store, options)
    rows_at = time.perf_counter()
    book = common_book(store, document)
    sites = book.sheets[0]
    assert isinstance(sites, DataSheet)
    terms = disclosure_terms(store)
    texts = [(f"B{n}", cell) for n, row in enumerate(sites.rows) for cell in row]
    found = find_disclosures(terms, texts)
    checked_at = time.perf_counter()
    xlsx = render_xlsx(book)
    xlsx_at = time.perf_counter()
    render_csv(sites.header, sites.rows)
    csv_at = time.perf_counter()
    print(f"  rows and counts        {rows_at - started:6.2f} s  ({document.sites:,} sites, "
          f"{document.records:,} records, {document.members} members)")
    print(f"  disclosure check       {checked_at - rows_at:6.2f} s  ({len(terms):,} terms, "
          f"{len(texts):,} cells, {len(found)} found)")
    print(f"  xlsx bytes             {xlsx_at - checked_at:6.2f} s  ({len(xlsx) / 1e6:.1f} MB)")
    print(f"  csv bytes              {csv_at - xlsx_at:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=6.1, help="demo scale (6.1: about 25,000 sites)")
    parser.add_argument("--repeat", type=int, default=3, help="exports timed per format")
    parser.add_argument("--work", type=Path, help="keep the workspace here (reused when it exists)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="aimdesk-export-"))
    work.mkdir(parents=True, exist_ok=True)
    workspace = build_workspace(work, args.scale)
    with Store.open(workspace) as store:
        records = store.conn.execute("SELECT count(*) FROM active_records").fetchone()[0]
        print(f"workspace: {records:,} records")
        print("one export, part by part:")
        time_parts(store)
        print(f"write_common_document, {args.repeat} runs each:")
        for suffix in ("xlsx", "csv"):
            seconds = []
            for run in range(args.repeat):
                started = time.perf_counter()
                edition = write_common_document(store, work / f"common-{run}.{suffix}", common_options(store, AS_OF),
                                                who="bench")
                seconds.append(time.perf_counter() - started)
            verdict = "within" if min(seconds) <= TARGET_SECONDS else "OVER"
            print(f"  {suffix:<5} {edition.sites:>7,} sites  best {min(seconds):5.2f} s  median "
                  f"{statistics.median(seconds):5.2f} s  ({verdict} the {TARGET_SECONDS:g} s target; "
                  f"same bytes every run: {len({(work / f'common-{r}.{suffix}').read_bytes() for r in range(args.repeat)}) == 1})")


if __name__ == "__main__":
    main()

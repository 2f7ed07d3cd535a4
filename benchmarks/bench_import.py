"""Import speed and memory on a 50,000-row member list.

Writes a 50,000-row xlsx (title rows, a header on row 4, a member-like layout) and the
same rows as csv, then times `aimdesk import` end to end (a fresh process each, as a
user runs it): first into a new workspace, then again into that workspace, as the
secretariat's daily imports go; and, in the same run, `pandas.read_excel(..., engine="openpyxl")` alone
on the same xlsx. Prints both, their ratio, and the peak RSS of each process.

Goal (issue 2): xlsx import <= 3 s, >= 4x faster than the pandas+openpyxl read alone,
peak RSS <= 400 MB.

usage: python benchmarks/bench_import.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

HEADER = ["Vendor No.", "Factory Name", "Street Address", "City", "State/Province",
          "Zip", "Country", "Sedex ZS", "Last Audit Date", "Audit Standard", "Audit Firm",
          "Contact e-mail"]
COUNTRIES = ["China", "P.R. China", "India", "Bangladesh", "Viet Nam", "Türkiye", "TH", "Indonesia"]
SCHEMES = ["SMETA 4P", "4-Pillar SMETA", "amfori BSCI", "SA 8000", "SVA", "RBA VAP"]


def make_rows(count: int, seed: int = 7) -> list[list[object]]:
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    rows = []
    for i in range(count):
        rows.append([
            f"V-{100000 + i}", f"{rng.choice(['Golden', 'Everbright', 'Shree', 'Ege'])} "
            f"{rng.choice(['Garment', 'Foods', 'Plastics', 'Textile'])} Co., Ltd. {i}",
            f"No. {rng.randint(1, 999)} {rng.choice(['Industrial Rd', 'Xinhua Road', 'MG Road'])}",
            rng.choice(["Dongguan", "Tiruppur", "Dhaka", "Izmir", "Bangkok"]), "Guangdong",
            f"{rng.randint(10000, 99999)}", rng.choice(COUNTRIES),
            f"ZS{rng.randint(10**8, 10**9 - 1)}" if rng.random() < 0.7 else "",
            start + dt.timedelta(days=rng.randint(0, 1300)), rng.choice(SCHEMES),
            rng.choice(["SGS", "Intertek", "Bureau Veritas"]), f"contact{i}@example.com",
        ])
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Suppliers")
    sheet.append(["Supplier list — audited sites"])
    sheet.append(["Prepared by the sourcing team"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, rows: list[list[object]]) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in row])


def timed(command: list[str]) -> tuple[float, float, str]:
    """Run `command`; returns (wall seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{out}\n{err}")
    return elapsed, usage.ru_maxrss / 1024, out


PANDAS_READ = """
import sys, time, pandas
start = time.perf_counter()
frame = pandas.read_excel(sys.argv[1], engine="openpyxl", header=3)
print(f"{time.perf_counter() - start:.3f} {len(frame)}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="aimdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = make_rows(args.rows)
    xlsx, csv_path = folder / "bench.xlsx", folder / "bench.csv"
    write_xlsx(xlsx, rows)
    write_csv(csv_path, rows)
    aimdesk = [sys.executable, "-m", "aimdesk"]
    results = {}
    for label, path in (("xlsx", xlsx), ("csv", csv_path)):
        workspace = folder / f"bench-{label}.aimdesk"
        for leftover in folder.glob(f"bench-{label}.aimdesk*"):
            leftover.unlink()
        command = aimdesk + ["--workspace", str(workspace), "import", str(path), "--member"]
        results[f"{label} new"] = timed(command + ["Bench Member"])
        results[f"{label} existing"] = timed(command + ["Second Member", "--force"])
    pandas_wall, pandas_rss, out = timed([sys.executable, "-c", PANDAS_READ, str(xlsx)])
    pandas_read = float(out.split()[0])
    xlsx_time, xlsx_rss, _ = results["xlsx existing"]
    print(f"rows: {args.rows:,}  xlsx size: {xlsx.stat().st_size / 1e6:.1f} MB")
    for label, (seconds, rss, _) in results.items():
        kind, workspace = label.split()
        what = "into a new workspace (creates the schema)" if workspace == "new" else \
            "into a workspace holding 50k records"
        print(f"aimdesk import {kind:<4} {what:<42} {seconds:6.2f} s   peak RSS {rss:5.0f} MB")
    print(f"pandas.read_excel openpyxl (read only): {pandas_read:6.2f} s   "
          f"(process {pandas_wall:.2f} s, peak RSS {pandas_rss:.0f} MB)")
    print(f"ratio pandas read / aimdesk import: {pandas_read / xlsx_time:.1f}x")
    goals = [("xlsx import <= 3 s", xlsx_time <= 3), ("ratio >= 4x", pandas_read / xlsx_time >= 4),
             ("peak RSS <= 400 MB", xlsx_rss <= 400)]
    print("goals: " + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in goals))


if __name__ == "__main__":
    main()

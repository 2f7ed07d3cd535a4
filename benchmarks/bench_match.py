"""Matching quality and speed, printed side by side with a plain baseline.

Quality, on a data set in score_dataset.py's layout (default: a fresh `aimdesk demo`):
blocking pair completeness and candidate count; pairwise precision / recall / F1 of the
sites after an automatic run; precision inside the auto band; review queue size; F1
after a simulated reviewer answers the whole queue from the truth through `review
export` / `review import`; and the same figures for a baseline (rapidfuzz token-set ratio
of names within a country, union-find) and Splink (`benchmarks/bench_splink.py`, run in its own virtual environment).

Speed: a full match of 25k / 50k / 100k / 200k demo records (fresh process each, wall time
and peak RSS), and an incremental match of a new 5k-record list against the 100k one.

usage: python benchmarks/bench_match.py [--data DIR] [--scales 25000,50000,100000,200000]
                                        [--no-scale] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from aimdesk.core.matching.blocking import candidate_pairs, unpack
from aimdesk.core.matching.features import site_records
from aimdesk.core.matching.normalise import normalise_name
from aimdesk.core.store.matching import match_inputs
from aimdesk.core.store.workspace import Store

from pair_scores import pairs_of, prf

AIMDESK = [sys.executable, "-m", "aimdesk"]
DEMO_RECORDS_AT_SCALE_1 = 7073
BASELINE_THRESHOLD = 90


def run(command: list[str]) -> tuple[float, float, str]:
    """Run a command; (wall seconds, peak RSS MB, stdout). Stops the benchmark on failure."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    out, err = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{out}\n{err}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, out


def import_data_set(data: Path, workspace: Path) -> None:
    """Import every member file with its known mapping (as score_dataset.py does)."""
    for mapping_file in sorted((data / "mapping").glob("*.json")):
        known = json.loads(mapping_file.read_text(encoding="utf-8"))
        command = AIMDESK + ["--workspace", str(workspace), "import", str(data / known["file"]),
                             "--member", known["member"], "--header-row", str(known["header_row"])]
        if known.get("sheet"):
            command += ["--sheet", known["sheet"]]
        for field, header in known["fields"].items():
            command += ["--map", f"{field}={header}"]
        if known.get("date_style") in ("dmy", "mdy"):
            command += ["--date-order", known["date_style"]]
        run(command)


def truth_by_record(data: Path, records_csv: Path) -> tuple[dict[int, str], dict[int, str]]:
    """record id → true site, and record id → predicted site, from export-records."""
    truth = {}
    with open(data / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[(row["member"], Path(row["file"]).name, int(row["row"]))] = row["site_id"]
    true_site, predicted = {}, {}
    with open(records_csv, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["member"], row["source_file"], int(row["source_row"]))
            if key in truth:
                record = int(row["record_id"])
                true_site[record] = truth[key]
                predicted[record] = row["site_id"] or f"single-{record}"
    return true_site, predicted


def export_records(workspace: Path, out: Path) -> None:
    run(AIMDESK + ["--workspace", str(workspace), "export-records", str(out)])


def baseline(workspace: Path) -> dict[int, str]:
    """Names within a country, token-set ratio >= 90, union-find: what a spreadsheet user
    with fuzzy lookup would get."""
    with Store.open(workspace) as store:
        rows = match_inputs(store)
    parent = {r.id: r.id for r in rows}

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    by_country: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        by_country[row.country].append((row.id, normalise_name(row.site_name, row.country or None).text))
    for members in by_country.values():
        by_token: dict[str, list[int]] = defaultdict(list)
        names = dict(members)
        for record, name in members:
            for token in set(name.split()):
                by_token[token].append(record)
        for ids in by_token.values():
            if len(ids) > 200:
                continue
            for left, right in itertools.combinations(ids, 2):
                if find(left) != find(right) and fuzz.token_set_ratio(names[left], names[right]) >= BASELINE_THRESHOLD:
                    parent[find(left)] = find(right)
    return {r.id: str(find(r.id)) for r in rows}


def quality(data: Path, work: Path) -> None:
    workspace = work / "quality.aimdesk"
    for leftover in work.glob("quality.aimdesk*"):
        leftover.unlink()
    import_data_set(data, workspace)
    seconds, rss, out = run(AIMDESK + ["--workspace", str(workspace), "match", "--full"])
    records_csv = work / "records-auto.csv"
    export_records(workspace, records_csv)
    true_site, predicted = truth_by_record(data, records_csv)
    true_pairs = pairs_of(true_site)
    with Store.open(workspace) as store:
        candidates = {unpack(k) for k in candidate_pairs(site_records(match_inputs(store))[0])}
        auto = {(l, r) for l, r in store.conn.execute("SELECT left_record, right_record FROM pairs WHERE band = 'auto'")}
    completeness = len(candidates & true_pairs) / len(true_pairs) if true_pairs else 1.0
    auto_precision = len(auto & true_pairs) / len(auto) if auto else 1.0
    before = prf(pairs_of(predicted), true_pairs)
    packet = work / "packet.csv"
    run(AIMDESK + ["--workspace", str(workspace), "review", "export", str(packet)])
    with open(packet, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        left, right = int(row["left_record"]), int(row["right_record"])
        row["decision"] = "same" if true_site.get(left) == true_site.get(right) else "different"
    with open(packet, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["left_record", "right_record", "decision"])
        writer.writeheader()
        writer.writerows(rows)
    run(AIMDESK + ["--workspace", str(workspace), "review", "import", str(packet), "--reviewer", "oracle"])
    run(AIMDESK + ["--workspace", str(workspace), "match"])
    export_records(workspace, work / "records-reviewed.csv")
    _, reviewed = truth_by_record(data, work / "records-reviewed.csv")
    after = prf(pairs_of(reviewed), true_pairs)
    base = prf(pairs_of({r: s for r, s in baseline(workspace).items() if r in true_site}), true_pairs)
    print(f"data: {data}  records: {len(true_site):,}  true pairs: {len(true_pairs):,}")
    print(f"blocking: {len(candidates):,} candidate pairs, pair completeness {completeness:.4f}")
    print(f"match --full: {seconds:.1f} s, peak RSS {rss:.0f} MB")
    print(f"auto band: {len(auto):,} pairs, precision {auto_precision:.4f}")
    print(f"review queue: {len(rows):,} pairs ({len(rows) / len(true_site):.1%} of records)")
    print(f"{'':24}{'precision':>10}{'recall':>10}{'f1':>10}")
    for label, figures in (("baseline (name ratio)", base), ("AIMDesk before review", before),
                           ("AIMDesk after review", after)):
        print(f"{label:<24}{figures['precision']:>10.4f}{figures['recall']:>10.4f}{figures['f1']:>10.4f}")


def speed(scales: list[int], work: Path) -> None:
    print(f"\n{'records':>8}{'full match s':>14}{'peak RSS MB':>13}")
    workspaces = {}
    for count in scales:
        folder = work / f"scale-{count}"
        if not (folder / "demo.aimdesk").exists():
            run(AIMDESK + ["demo", str(folder), "--scale", f"{count / DEMO_RECORDS_AT_SCALE_1:.3f}"])
        workspaces[count] = folder / "demo.aimdesk"
        _forget_cached_keys(workspaces[count])  # time a first run: names and addresses normalised
        seconds, rss, _ = run(AIMDESK + ["--workspace", str(workspaces[count]), "match", "--full"])
        print(f"{count:>8,}{seconds:>14.1f}{rss:>13.0f}")
    if 100_000 in workspaces:
        extra = work / "extra-5k"
        if not (extra / "demo.aimdesk").exists():
            run(AIMDESK + ["demo", str(extra), "--scale", f"{5000 / DEMO_RECORDS_AT_SCALE_1:.3f}", "--seed", "99"])
        target = work / "incremental.aimdesk"
        target.write_bytes(workspaces[100_000].read_bytes())
        for mapping_file in sorted((extra / "mapping").glob("*.json")):
            known = json.loads(mapping_file.read_text(encoding="utf-8"))
            run(AIMDESK + ["--workspace", str(target), "import", str(extra / known["file"]),
                           "--member", f"New {known['member']}", "--force"])
        seconds, rss, out = run(AIMDESK + ["--workspace", str(target), "match"])
        print(f"incremental match of a new ~5k list against 100k: {seconds:.1f} s, peak RSS {rss:.0f} MB")


def _forget_cached_keys(workspace: Path) -> None:
    with Store.open(workspace) as store, store.transaction():
        store.conn.execute("DELETE FROM match_keys")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="data set with truth (default: a fresh demo)")
    parser.add_argument("--scales", default="25000,50000,100000,200000")
    parser.add_argument("--no-scale", action="store_true", help="skip the speed part")
    parser.add_argument("--work", type=Path, help="keep generated files here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="aimdesk-match-"))
    work.mkdir(parents=True, exist_ok=True)
    data = args.data
    if data is None:
        data = work / "demo"
        if not (data / "truth.csv").exists():
            run(AIMDESK + ["demo", str(data)])
    quality(data, work)
    if not args.no_scale:
        speed([int(s) for s in args.scales.split(",")], work)


if __name__ == "__main__":
    main()

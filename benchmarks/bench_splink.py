#!/usr/bin/env python3
"""Compare AIMDesk's supplier-site matching with Splink (probabilistic record linkage).

Runs a plain, untuned Splink dedupe model over the records that AIMDesk imported
(`aimdesk export-records` CSV) and scores Splink's clusters against the data set's
truth.csv with the same pairwise precision / recall / F1 as bench_match.py.

Splink is not an AIMDesk dependency; install it in a throwaway venv:

    python3 -m venv /tmp/splinkvenv && /tmp/splinkvenv/bin/pip install splink pandas

usage:

    /tmp/splinkvenv/bin/python benchmarks/bench_splink.py RECORDS_CSV DATA_DIR

RECORDS_CSV: export-records output (record_id, member, source_file, source_row, site_name,
address, city, postal_code, country, sedex_id, ...). DATA_DIR: a data set in the layout of
shared/tools/score_dataset.py (its truth.csv rows map to records by member, file basename, row).

Model: comparisons on site_name (Jaro-Winkler name comparison with term-frequency
adjustments), address (Jaro-Winkler), city (exact, term frequencies), postal_code
(Levenshtein <= 1), country (exact) and sedex_id (exact); u by random sampling, m by EM
over two blocking rules, the prior from two near-deterministic rules. Strings are
lower-cased and trimmed, blanks become null: nothing else is normalised.
Prints one line per threshold; its time is load + train + predict + cluster at that threshold.
Works with Splink 4 and Splink 5 (which needs tables registered with the db API first).
"""
from __future__ import annotations

import argparse
import csv
import logging
import time
from pathlib import Path

import pandas as pd
import splink
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from pair_scores import pairs_of, prf

FIELDS = ["site_name", "address", "city", "postal_code", "country", "sedex_id"]
THRESHOLDS = [0.95, 0.9]


def truth_by_record(data: Path, records_csv: Path) -> dict[int, str]:
    """record id -> true site (copied from bench_match.py, which needs AIMDesk's venv)."""
    truth = {}
    with open(data / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[(row["member"], Path(row["file"]).name, int(row["row"]))] = row["site_id"]
    true_site = {}
    with open(records_csv, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["member"], row["source_file"], int(row["source_row"]))
            if key in truth:
                true_site[int(row["record_id"])] = truth[key]
    return true_site


def load(records_csv: Path) -> pd.DataFrame:
    df = pd.read_csv(records_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    out = pd.DataFrame({"unique_id": df["record_id"].astype(int)})
    for field in FIELDS:
        col = df[field].str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
        out[field] = col.where(col != "", None)
    return out


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.NameComparison("site_name").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("address", [0.95, 0.88, 0.7]),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.LevenshteinAtThresholds("postal_code", [1]),
            cl.ExactMatch("country"),
            cl.ExactMatch("sedex_id"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("country", "substr(site_name, 1, 3)"),
            block_on("postal_code"),
            block_on("sedex_id"),
            block_on("city", "substr(address, 1, 4)"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def make_linker(df: pd.DataFrame) -> Linker:
    db_api = DuckDBAPI()
    if splink.__version__.startswith("4."):
        return Linker(df, settings(), db_api=db_api)
    return Linker(db_api.register(df), settings())  # Splink 5: register first


def train(linker: Linker) -> None:
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [block_on("sedex_id"), block_on("site_name", "address")], recall=0.7)
    training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    training.estimate_parameters_using_expectation_maximisation(
        block_on("country", "substr(site_name, 1, 3)"))
    training.estimate_parameters_using_expectation_maximisation(block_on("postal_code"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records", type=Path)
    ap.add_argument("data", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="show Splink's log")
    args = ap.parse_args()
    true_site = truth_by_record(args.data, args.records)
    true_pairs = pairs_of(true_site)

    start = time.perf_counter()
    df = load(args.records)
    linker = make_linker(df)
    if not args.verbose:  # the Linker turns Splink's INFO log on
        logging.getLogger("splink").setLevel(logging.ERROR)
    train(linker)
    trained = time.perf_counter() - start
    print(f"splink {splink.__version__}: {len(df)} records, {len(true_site)} with truth, "
          f"trained in {trained:.1f} s")

    for threshold in THRESHOLDS:
        t0 = time.perf_counter()
        predictions = linker.inference.predict(threshold_match_probability=threshold)
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold).as_pandas_dataframe()
        seconds = trained + time.perf_counter() - t0
        cluster_of = dict(zip(clusters["unique_id"].astype(int), clusters["cluster_id"].astype(str)))
        predicted = {record: cluster_of.get(record, f"single-{record}") for record in true_site}
        score = prf(pairs_of(predicted), true_pairs)
        print(f"splink threshold {threshold}: precision {score['precision']} recall "
              f"{score['recall']} f1 {score['f1']} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()

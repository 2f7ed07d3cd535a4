"""Fit the default match model (resources/match_model.json) on data sets with truth.

For each data set in score_dataset.py's layout: import it, find the candidate pairs,
compare them, and count each comparison level among true pairs (m) and other pairs (u).
The default model is what a workspace starts from; its own known pairs (Sedex ids,
reviewers' decisions) refine it.

usage: python benchmarks/fit_default_model.py DATA_DIR [DATA_DIR ...] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bench_match import export_records, import_data_set, truth_by_record
from pair_scores import pairs_of

from aimdesk.core.matching.blocking import candidate_pairs, unpack
from aimdesk.core.matching.compare import FIELDS, NULL, compare
from aimdesk.core.matching.features import site_records
from aimdesk.core.resources import resources_dir
from aimdesk.core.store.matching import match_inputs
from aimdesk.core.store.workspace import Store

SMOOTH = 1.0
MIN_OBSERVED = 20
"""A level seen fewer times than this among true and other pairs takes its guessed weight."""
GUESSED_WEIGHTS = {
    ("location", "similar street"): 3.0, ("location", "same postal code"): 2.5,
    ("location", "same numbers and postal code"): 4.0,
    ("location", "same numbers, other script"): 3.0,
    ("location", "same postal area"): 0.5, ("location", "same city"): 0.0,
    ("location", "same area, other address"): -3.0, ("location", "different addresses"): -4.0,
    ("sedex", "same company id"): 4.0, ("name", "different unit numbers"): -5.0,
}
"""log2 Bayes factors for levels the data sets hardly show (addresses without numbers are
rare in them, common in real lists): from what the level means, not from counts."""


def _guess_rare_levels(m: list[list[float]], u: list[list[float]]) -> None:
    """Give rarely seen levels their guessed weight: m = u * 2^weight, u as counted."""
    for index, field in enumerate(FIELDS):
        for level, spec in enumerate(field.levels):
            guess = GUESSED_WEIGHTS.get((field.name, spec.label))
            if guess is not None and m[index][level] + u[index][level] < MIN_OBSERVED + 2 * SMOOTH:
                share_u = u[index][level] / sum(u[index])
                m[index][level] = share_u * 2 ** guess * sum(m[index])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=resources_dir() / "match_model.json")
    args = parser.parse_args()
    m = [[SMOOTH] * len(f.levels) for f in FIELDS]
    u = [[SMOOTH] * len(f.levels) for f in FIELDS]
    true_total = all_total = 0
    work = Path(tempfile.mkdtemp(prefix="aimdesk-fit-"))
    for number, data in enumerate(args.data):
        workspace = work / f"fit-{number}.aimdesk"
        import_data_set(data, workspace)
        export_records(workspace, work / f"records-{number}.csv")
        true_site, _ = truth_by_record(data, work / f"records-{number}.csv")
        true_pairs = pairs_of(true_site)
        with Store.open(workspace) as store:
            records = site_records(match_inputs(store))[0]
        by_id = {r.id: r for r in records}
        for key in candidate_pairs(records):
            pair = unpack(key)
            if pair[0] not in true_site or pair[1] not in true_site:
                continue
            target = m if pair in true_pairs else u
            for index, level in enumerate(compare(by_id[pair[0]], by_id[pair[1]])):
                if level != NULL:
                    target[index][level] += 1
            true_total += pair in true_pairs
            all_total += 1
        print(f"{data}: {len(true_pairs):,} true pairs")
    _guess_rare_levels(m, u)
    model = {
        "m": [[round(c / sum(row), 6) for c in row] for row in m],
        "u": [[round(c / sum(row), 6) for c in row] for row in u],
        "prior": round(true_total / all_total, 6), "fields": [f.name for f in FIELDS],
        "source": [str(d) for d in args.data],
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for field, ms, us in zip(FIELDS, model["m"], model["u"]):
        print(field.name, ", ".join(f"{l.label} {a:.3f}/{b:.3f}" for l, a, b in zip(field.levels, ms, us)))
    print(f"prior {model['prior']}  written to {args.out}")


if __name__ == "__main__":
    main()

"""How well the EcoVadis list is matched to the sites, measured against the demo's truth.

An EcoVadis-like list is written from a matched demo workspace and its `truth.csv`: for
`--companies` true sites picked at random, one member's record of it gives the company
name as that member wrote it, the country (written as a country name) and, for a share of
them, the city; every company gets an assessment year. Companies that exist nowhere are
added: `--absent` with invented brand words no record carries, and `--namesakes` that
share a real site's brand in its country but not its trade ("Rahman Plastics" where only
"Rahman Knitwear" exists: the distinctive word is the same, the company is not). The list is imported with
`import_ecovadis` into a copy of the workspace and each entry's outcome is compared with
the truth: matched / possible / unmatched, how many matched are right (the site matched
is the company's site: most of its records are of that true site), how many are another
plant of the same company, and whether the right site is among a possible entry's
candidates.

usage: python benchmarks/bench_ecovadis.py [--data DIR] [--scale 1] [--companies 300] [--absent 50]
                                           [--namesakes 50] [--city-share 0.3] [--seed 7] [--work DIR]

DIR is a folder made by `aimdesk demo DIR` and then `aimdesk --workspace DIR/demo.aimdesk
match` (default: one made here, at --scale).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from aimdesk.core.ecovadis import ecovadis_candidates, ecovadis_entries, import_ecovadis
from aimdesk.core.ingest.countries import country_name
from aimdesk.core.store.workspace import Store
from aimdesk.demo.generate import DEFAULT_SEED, MIN_UNIVERSE
from aimdesk.demo.sites import UNIVERSE_SIZE, Site, build_universe

AIMDESK = [sys.executable, "-m", "aimdesk"]
AS_OF = dt.date(2026, 11, 1)
HEADER = ["Company name", "City", "Country", "Assessment year"]
_INDUSTRIES = ("Components", "Textiles", "Packaging", "Foods", "Plastics", "Ceramics", "Garments", "Metalworks",
               "Furniture", "Electronics")
_LEGAL = ("Co., Ltd.", "Ltd", "GmbH", "S.A.", "Pvt. Ltd.", "")


@dataclass(frozen=True, slots=True)
class ListRow:
    """One company of the generated list and the truth behind it."""

    company: str
    city: str
    country: str
    year: int
    true_site: str | None
    """The true site (truth.csv's site id) the company was taken from; None when it exists nowhere."""
    kind: str = "site"
    """"site", "absent" (an invented name) or "namesake" (a real brand, another trade)."""


def record_truth(store: Store, data: Path) -> dict[int, str]:
    """Active record id → its true site, by member, file name and row (as score_dataset.py)."""
    truth = {}
    with open(data / "truth.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            truth[(row["member"], Path(row["file"]).name, int(row["row"]))] = row["site_id"]
    rows = store.conn.execute(
        "SELECT r.id, m.name, i.file_name, rr.row_number FROM active_records r JOIN raw_rows rr ON rr.id = r.raw_row_id "
        "JOIN imports i ON i.id = r.import_id JOIN members m ON m.id = r.member_id").fetchall()
    return {record: truth[(member, file_name, row)] for record, member, file_name, row in rows
            if (member, file_name, row) in truth}


def demo_universe(*, seed: int = DEFAULT_SEED, scale: float = 1.0) -> tuple[Site, ...]:
    """The true sites of the demo made with `seed` and `scale` (their names in parts)."""
    return build_universe(random.Random(f"{seed}:universe"), size=max(MIN_UNIVERSE, round(UNIVERSE_SIZE * scale)))


def ecovadis_list_from_truth(store: Store, truth: dict[int, str], universe: tuple[Site, ...], *,
                             companies: int = 300, absent: int = 50, namesakes: int = 50,
                             city_share: float = 0.3, seed: int = 7) -> list[ListRow]:
    """An EcoVadis-like list: `companies` true sites, each named as one member wrote it,
    in its country (a city for `city_share` of them), then `absent` companies with
    invented names and `namesakes` with a real site's brand and another trade, in the
    countries of the sites; shuffled."""
    rng = random.Random(seed)
    records = store.conn.execute(
        "SELECT id, site_name, city, country FROM active_records WHERE coalesce(site_name, '') <> '' "
        "AND coalesce(country, '') <> '' ORDER BY id").fetchall()
    by_site: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for record, name, city, country in records:
        if record in truth:
            by_site[truth[record]].append((name, city or "", country))
    picked = rng.sample(sorted(by_site), min(companies, len(by_site)))
    rows = []
    for site in picked:
        name, city, country = rng.choice(by_site[site])
        rows.append(ListRow(name, city if rng.random() < city_share else "", country, rng.randint(2022, 2026), site))
    words = {word.casefold() for _, name, _, _ in records for word in name.split()}
    countries = [row.country for row in rows] or ["DE"]
    for _ in range(absent):
        brand = _invented_word(rng, words)
        name = " ".join(part for part in (brand, rng.choice(_INDUSTRIES), rng.choice(_LEGAL)) if part)
        rows.append(ListRow(name, "", rng.choice(countries), rng.randint(2022, 2026), None, "absent"))
    rows += _namesakes(rng, universe, set(by_site), namesakes)
    rng.shuffle(rows)
    return rows


def _namesakes(rng: random.Random, universe: tuple[Site, ...], present: set[str], count: int) -> list[ListRow]:
    """Companies with the brand of a site in the workspace and a trade no site of that
    brand has in that country: "Rahman Plastics Ltd" beside "Rahman Knitwear Ltd"."""
    trades: dict[str, set[str]] = defaultdict(set)
    taken: set[tuple[str, str, str]] = set()
    for site in universe:
        if site.name.industry:
            trades[site.country].add(site.name.industry)
            taken.add((site.country, site.name.brand.casefold(), site.name.industry.casefold()))
    sources = [site for site in universe if site.site_id in present and site.name.brand and site.name.industry
               and site.name.brand.isascii()]
    rows: list[ListRow] = []
    for site in rng.sample(sources, min(count, len(sources))):
        brand = site.name.brand
        free = sorted(t for t in trades[site.country]
                      if (site.country, brand.casefold(), t.casefold()) not in taken and t.isascii())
        if not free:
            continue
        trade = rng.choice(free)
        taken.add((site.country, brand.casefold(), trade.casefold()))
        words = (brand, trade) if site.name.is_brand_first else (trade, brand)
        name = " ".join((*words, rng.choice(("Ltd", "Co., Ltd.", ""))) ).strip()
        rows.append(ListRow(name, "", site.country, rng.randint(2022, 2026), None, "namesake"))
    return rows


def _invented_word(rng: random.Random, taken: set[str]) -> str:
    while True:
        word = "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()
        if word.casefold() not in taken:
            taken.add(word.casefold())
            return word


def write_list(path: Path, rows: list[ListRow]) -> Path:
    """The list as an xlsx, header on row 1 (entry i is on row i + 2)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Assessed suppliers"
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row.company, row.city, country_name(row.country), row.year])
    book.save(path)
    return path


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of the list, against the truth."""

    entries: int
    present: int
    absent: int
    namesakes: int
    status: Counter[str]
    matched_right: int
    matched_same_company: int
    matched_wrong: int
    matched_absent: int
    matched_namesake: int
    possible_right_first: int
    possible_right_listed: int
    possible_absent: int
    possible_namesake: int
    unmatched_present: int
    by_basis: Counter[str]

    def lines(self) -> list[str]:
        matched = self.status["matched"]
        share = f"{self.matched_right / matched:.1%}" if matched else "-"
        return [
            f"{self.entries} companies ({self.present} taken from sites, {self.absent} invented, "
            f"{self.namesakes} namesakes of a site: both exist nowhere)",
            f"matched {matched}, possible {self.status['possible']}, unmatched {self.status['unmatched']}",
            f"matched right {self.matched_right}/{matched} ({share}); another plant of the same company "
            f"{self.matched_same_company}; wrong {self.matched_wrong}; invented companies matched "
            f"{self.matched_absent}; namesakes matched {self.matched_namesake}",
            "matched by rule: " + ", ".join(f"{basis or '-'} {n}" for basis, n in sorted(self.by_basis.items())),
            f"possible: right site first {self.possible_right_first}, right site among the candidates "
            f"{self.possible_right_listed}, invented companies {self.possible_absent}, namesakes "
            f"{self.possible_namesake}",
            f"unmatched although the company has a site: {self.unmatched_present}",
        ]


def evaluate(store: Store, rows: list[ListRow], truth: dict[int, str], company_of: dict[str, str]) -> Outcome:
    """Each entry of the list in force against the true site it was taken from."""
    site_truth: dict[int, Counter[str]] = defaultdict(Counter)
    for record, site in store.conn.execute(
            "SELECT rs.record_id, rs.site_id FROM record_sites rs JOIN active_records r ON r.id = rs.record_id"):
        if record in truth:
            site_truth[site][truth[record]] += 1

    def true_site(site_id: int | None) -> str | None:
        found = site_truth.get(site_id or -1)
        return found.most_common(1)[0][0] if found else None

    status: Counter[str] = Counter()
    by_basis: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    entries = ecovadis_entries(store)
    for entry in entries:
        wanted, kind = rows[entry.row_number - 2].true_site, rows[entry.row_number - 2].kind
        status[entry.status] += 1
        got = true_site(entry.site_id)
        if entry.status == "matched":
            by_basis[entry.basis] += 1
            if wanted is None:
                counts[f"matched_{kind}"] += 1
            elif got == wanted:
                counts["matched_right"] += 1
            elif got is not None and company_of.get(got) == company_of.get(wanted):
                counts["matched_same_company"] += 1
            else:
                counts["matched_wrong"] += 1
        elif entry.status == "possible":
            if wanted is None:
                counts[f"possible_{kind}"] += 1
            else:
                listed = [true_site(c.site_id) for c in ecovadis_candidates(store, entry.id)]
                counts["possible_right_first"] += got == wanted
                counts["possible_right_listed"] += wanted in listed
        elif wanted is not None:
            counts["unmatched_present"] += 1
    kinds = Counter(row.kind for row in rows)
    return Outcome(len(entries), kinds["site"], kinds["absent"], kinds["namesake"], status, counts["matched_right"],
                   counts["matched_same_company"], counts["matched_wrong"], counts["matched_absent"],
                   counts["matched_namesake"], counts["possible_right_first"], counts["possible_right_listed"],
                   counts["possible_absent"], counts["possible_namesake"], counts["unmatched_present"], by_basis)


def measure(workspace: Path, data: Path, *, companies: int, absent: int, namesakes: int, city_share: float,
            seed: int, scale: float = 1.0, work: Path) -> Outcome:
    """Write the list, import it into a copy of `workspace`, and compare with the truth."""
    copy = work / "ecovadis-bench.aimdesk"
    shutil.copy(workspace, copy)
    with Store.open(copy) as store:
        truth = record_truth(store, data)
        universe = demo_universe(scale=scale)
        rows = ecovadis_list_from_truth(store, truth, universe, companies=companies, absent=absent,
                                        namesakes=namesakes, city_share=city_share, seed=seed)
        path = write_list(work / "ecovadis-list.xlsx", rows)
        started = time.perf_counter()
        import_ecovadis(store, path, who="bench", as_of=AS_OF)
        print(f"import_ecovadis: {time.perf_counter() - started:.2f} s")
        return evaluate(store, rows, truth, {site.site_id: site.company_id for site in universe})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a matched demo folder (default: one made here)")
    parser.add_argument("--scale", type=float, default=1.0, help="the demo's scale (made here, or given with --data)")
    parser.add_argument("--companies", type=int, default=300)
    parser.add_argument("--absent", type=int, default=50)
    parser.add_argument("--namesakes", type=int, default=50)
    parser.add_argument("--city-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, help="where the list and the workspace copy go")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="aimdesk-ecovadis-"))
    work.mkdir(parents=True, exist_ok=True)
    data = args.data
    if data is None:
        data = work / "demo"
        subprocess.run(AIMDESK + ["demo", str(data), "--scale", f"{args.scale:g}"], check=True, capture_output=True)
        subprocess.run(AIMDESK + ["--workspace", str(data / "demo.aimdesk"), "match"], check=True,
                       capture_output=True)
    outcome = measure(data / "demo.aimdesk", data, companies=args.companies, absent=args.absent,
                      namesakes=args.namesakes, city_share=args.city_share, seed=args.seed, scale=args.scale,
                      work=work)
    for line in outcome.lines():
        print(line)


if __name__ == "__main__":
    main()

"""Write the demo data set: member files, their column mappings and the truth.

The layout is the one ``tools/score_dataset.py`` reads::

    members/<file>            one list per member (xlsx, xls, ods, csv, tsv, txt)
    mapping/<member-slug>.json {"member", "file", "sheet"?, "header_row", "fields", "date_style"}
    truth.csv                 member,file,row,site_id,member_ref (row = 1-based spreadsheet row)
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.demo.layouts import layout_member_file, sort_records
from aimdesk.demo.members import MEMBERS, MemberProfile
from aimdesk.demo.records import MIN_MEMBER_RECORDS, assign_sites, build_records
from aimdesk.demo.sites import UNIVERSE_SIZE, build_universe
from aimdesk.demo.writers import write_workbook

DEFAULT_SEED = 2026
DEFAULT_AS_OF = date(2026, 11, 1)
MIN_UNIVERSE = 120


@dataclass(frozen=True, slots=True)
class MemberFile:
    """One member list written to disk, with what an importer needs to read it."""

    member: str
    slug: str
    file: str
    sheet: str | None
    header_row: int
    fields: dict[str, str]
    date_style: str
    records: int
    kind: str
    encoding: str | None
    delimiter: str | None
    language: str
    blank_name_rows: tuple[int, ...] = ()

    @property
    def mapping_file(self) -> str:
        """Where the column mapping of this file is, relative to the data set folder."""
        return f"mapping/{self.slug}.json"


@dataclass(frozen=True, slots=True)
class DemoManifest:
    """What ``write_member_files`` wrote, with a few facts about the truth behind it."""

    out_dir: Path
    files: tuple[MemberFile, ...]
    seed: int
    universe_sites: int
    true_sites: int
    shared_sites: int
    sites_in_three_or_more: int
    site_members: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def total_records(self) -> int:
        """Data records written across all member files."""
        return sum(member_file.records for member_file in self.files)


def _capacity(member: MemberProfile, scale: float) -> int:
    per_site = 1 + member.reaudits + member.duplicates
    return max(MIN_MEMBER_RECORDS, round(member.base_size * scale / per_site))


def write_member_files(out_dir: Path, *, seed: int = DEFAULT_SEED, scale: float = 1.0,
                       as_of: date = DEFAULT_AS_OF) -> DemoManifest:
    """Write the demo member lists, their mappings and ``truth.csv`` under ``out_dir``.

    Args:
        out_dir: folder to write into (created if missing; our files are overwritten).
        seed: same seed, same data (csv byte-identical, spreadsheets content-identical).
        scale: shrinks the number of sites and records (0.1 -> about 650 records); every
            member and every layout feature stays present.
        as_of: the date the common list is made for; audit dates are drawn around it.

    Returns:
        The manifest: one entry per member file, plus counts of true and shared sites.

    Raises:
        ValueError: when ``scale`` is not positive.

    Example:
        >>> manifest = write_member_files(Path("demo"), scale=0.1)  # doctest: +SKIP
        >>> manifest.total_records  # doctest: +SKIP
        702
    """
    if scale <= 0:
        raise ValueError(f"scale must be greater than 0; got {scale}.")
    out_dir = Path(out_dir)
    (out_dir / "members").mkdir(parents=True, exist_ok=True)
    (out_dir / "mapping").mkdir(parents=True, exist_ok=True)
    sites = build_universe(random.Random(f"{seed}:universe"), size=max(MIN_UNIVERSE, round(UNIVERSE_SIZE * scale)))
    capacities = [_capacity(member, scale) for member in MEMBERS]
    lists = assign_sites(random.Random(f"{seed}:assign"), sites, MEMBERS, capacities)
    truth_rows: list[tuple[str, str, int, str, str]] = []
    files: list[MemberFile] = []
    members_of_site: dict[str, set[str]] = defaultdict(set)
    for member, member_sites in zip(MEMBERS, lists):
        rng = random.Random(f"{seed}:member:{member.code}")
        records = sort_records(rng, member, build_records(rng, member, member_sites, as_of=as_of))
        plan = layout_member_file(rng, member, records)
        relative = f"members/{member.layout.file_name}"
        write_workbook(plan, out_dir / relative, member.layout)
        for record, row in zip(records, plan.record_rows):
            truth_rows.append((member.name, relative, row, record.site_id, record.member_ref))
            members_of_site[record.site_id].add(member.code)
        member_file = _member_file(member, relative, plan.header_row, len(records),
                                   tuple(row for record, row in zip(records, plan.record_rows) if record.is_blank_name))
        _write_mapping(out_dir, member_file)
        files.append(member_file)
    _write_truth(out_dir / "truth.csv", truth_rows)
    counts = {site_id: len(codes) for site_id, codes in members_of_site.items()}
    return DemoManifest(out_dir, tuple(files), seed, len(sites), len(counts),
                        sum(1 for n in counts.values() if n >= 2), sum(1 for n in counts.values() if n >= 3), counts)


def _member_file(member: MemberProfile, relative: str, header_row: int, records: int,
                 blank_name_rows: tuple[int, ...]) -> MemberFile:
    layout = member.layout
    fields = {column.kind: column.header for column in member.columns if column.kind in CANONICAL_FIELDS}
    is_text = layout.kind == "csv"
    return MemberFile(member.name, member.slug, relative, None if is_text else layout.sheet, header_row,
                      {name: fields[name] for name in CANONICAL_FIELDS if name in fields}, member.date_style, records,
                      relative.rsplit(".", 1)[-1], layout.encoding if is_text else None,
                      layout.delimiter if is_text else None, member.language, blank_name_rows)


def _write_mapping(out_dir: Path, member_file: MemberFile) -> None:
    mapping: dict[str, object] = {"member": member_file.member, "file": member_file.file}
    if member_file.sheet:
        mapping["sheet"] = member_file.sheet
    mapping.update(header_row=member_file.header_row, fields=member_file.fields, date_style=member_file.date_style)
    if member_file.encoding:
        mapping["encoding"] = member_file.encoding
        mapping["delimiter"] = member_file.delimiter
    text = json.dumps(mapping, ensure_ascii=True, indent=2) + "\n"
    (out_dir / member_file.mapping_file).write_bytes(text.encode("ascii"))


def _write_truth(path: Path, rows: list[tuple[str, str, int, str, str]]) -> None:
    """UTF-8 without BOM: ``score_dataset.py`` reads the first header as ``member``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("member", "file", "row", "site_id", "member_ref"))
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))

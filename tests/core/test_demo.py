"""The demo data generator writes the layout score_dataset.py reads, with real overlap; the
demo workspace carries the members' mutual-recognition status."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from aimdesk.core.benchmark.assessments import assessment_score, get_assessment, list_assessments
from aimdesk.core.benchmark.catalogues import latest_catalogue
from aimdesk.core.benchmark.eligibility import eligible_member_ids, member_statuses
from aimdesk.core.benchmark.model import KINDS
from aimdesk.core.benchmark.scoring import score
from aimdesk.core.dashboard import dashboard
from aimdesk.core.fields import CANONICAL_FIELDS
from aimdesk.core.store.benchmarks import latest_recorded_benchmark
from aimdesk.core.store.workspace import Store
from aimdesk.demo import DemoManifest, write_member_files
from aimdesk.demo.build import make_demo
from aimdesk.demo.recognition import BENCHMARKS, demo_answers

SCALE = 0.1


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoManifest]:
    out = tmp_path_factory.mktemp("demo")
    return out, write_member_files(out, scale=SCALE)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo workspace as `aimdesk demo` leaves it (small scale)."""
    workspace = make_demo(tmp_path_factory.mktemp("demo-workspace"), who="builder", scale=SCALE)
    with Store.open(workspace) as store:
        yield store


def _mappings(out: Path) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((out / "mapping").glob("*.json"))]


def _truth(out: Path) -> list[dict[str, str]]:
    with open(out / "truth.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _read_rows(out: Path, mapping: dict) -> list[list[str]]:
    """All rows of the mapped sheet or text file, as text, row i at index i - 1."""
    path = out / mapping["file"]
    if "encoding" in mapping:
        text = path.read_bytes().decode(mapping["encoding"])
        if text.startswith("\ufeff"):
            text = text[1:]
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=mapping["delimiter"])
        return [list(row) for row in reader]
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(mapping["sheet"])
    return [[_text(value) for value in row] for row in sheet.to_python(skip_empty_area=False)]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def test_every_mapping_points_to_an_existing_file_and_sheet(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    mappings = _mappings(out)
    assert len(mappings) == len(manifest.files) >= 12
    for mapping in mappings:
        assert set(mapping) >= {"member", "file", "header_row", "fields", "date_style"}
        assert mapping["file"].startswith("members/")
        assert (out / mapping["file"]).is_file()
        assert mapping["date_style"] in {"dmy", "mdy", "ymd", "serial", "mixed"}
        assert set(mapping["fields"]) <= set(CANONICAL_FIELDS)
        assert {"site_name", "member_ref", "country"} <= set(mapping["fields"])
        if not mapping["file"].endswith((".csv", ".tsv", ".txt")):
            names = CalamineWorkbook.from_path(str(out / mapping["file"])).sheet_names
            assert mapping["sheet"] in names


def test_every_mapped_header_is_in_the_header_row(demo: tuple[Path, DemoManifest]) -> None:
    out, _ = demo
    for mapping in _mappings(out):
        rows = _read_rows(out, mapping)
        header = [cell.strip() for cell in rows[mapping["header_row"] - 1]]
        for canonical, text in mapping["fields"].items():
            assert text in header, (mapping["file"], canonical, text, header)


def test_truth_rows_point_at_data_rows(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    truth = _truth(out)
    assert len(truth) == manifest.total_records
    by_file = defaultdict(list)
    for line in truth:
        by_file[line["file"]].append(line)
    blanks = {member_file.file: set(member_file.blank_name_rows) for member_file in manifest.files}
    for mapping in _mappings(out):
        rows = _read_rows(out, mapping)
        header = [cell.strip() for cell in rows[mapping["header_row"] - 1]]
        name_column = header.index(mapping["fields"]["site_name"])
        ref_column = header.index(mapping["fields"]["member_ref"])
        lines = by_file[mapping["file"]]
        assert lines, mapping["file"]
        for line in lines:
            row = int(line["row"])
            assert line["member"] == mapping["member"]
            assert row > mapping["header_row"]
            cells = rows[row - 1]
            assert cells[ref_column].strip() == line["member_ref"]
            if row in blanks[mapping["file"]]:
                assert cells[name_column].strip() == ""
            else:
                assert cells[name_column].strip(), (mapping["file"], row)


def test_many_sites_are_shared_by_several_members(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    members_of_site = defaultdict(set)
    for line in _truth(out):
        members_of_site[line["site_id"]].add(line["member"])
    spread = Counter(len(members) for members in members_of_site.values())
    assert sum(count for size, count in spread.items() if size >= 3) >= 20
    assert sum(count for size, count in spread.items() if size >= 2) == manifest.shared_sites
    assert manifest.shared_sites >= 0.25 * manifest.true_sites


def test_same_seed_gives_the_same_truth_and_csv_bytes(demo: tuple[Path, DemoManifest], tmp_path: Path) -> None:
    out, _ = demo
    again = write_member_files(tmp_path, scale=SCALE)
    assert (tmp_path / "truth.csv").read_bytes() == (out / "truth.csv").read_bytes()
    for member_file in again.files:
        if member_file.kind in ("csv", "tsv", "txt"):
            assert (tmp_path / member_file.file).read_bytes() == (out / member_file.file).read_bytes()
    other = write_member_files(tmp_path / "other", seed=7, scale=SCALE)
    assert (tmp_path / "other" / "truth.csv").read_bytes() != (out / "truth.csv").read_bytes()
    assert other.total_records > 0


def test_formats_encodings_and_date_styles_vary(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    kinds = Counter(member_file.kind for member_file in manifest.files)
    assert kinds["xlsx"] >= 4 and kinds["xls"] == 1 and kinds["ods"] == 1
    assert kinds["csv"] >= 3 and kinds["tsv"] >= 1 and kinds["txt"] >= 1
    encodings = {member_file.encoding for member_file in manifest.files if member_file.encoding}
    assert {"utf-8", "utf-8-sig", "cp1252", "gb18030", "utf-16"} <= encodings
    assert {member_file.delimiter for member_file in manifest.files if member_file.delimiter} >= {",", ";", "\t"}
    assert {member_file.date_style for member_file in manifest.files} == {"dmy", "mdy", "ymd", "serial", "mixed"}
    assert len({member_file.language for member_file in manifest.files}) >= 10
    raw = {member_file.encoding: (out / member_file.file).read_bytes() for member_file in manifest.files
           if member_file.encoding}
    assert raw["utf-16"].startswith(b"\xff\xfe")
    assert raw["utf-8-sig"].startswith(b"\xef\xbb\xbf")
    assert "中国".encode("gb18030") in raw["gb18030"]
    assert any(char.encode("cp1252") in raw["cp1252"] for char in "éñü")


def test_header_rows_sit_below_titles_and_group_headers(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    assert max(member_file.header_row for member_file in manifest.files) >= 4
    merged = []
    for member_file in manifest.files:
        if member_file.kind == "xlsx":
            sheet = CalamineWorkbook.from_path(str(out / member_file.file)).get_sheet_by_name(member_file.sheet)
            ranges = sheet.merged_cell_ranges or []
            merged += [(member_file.member, cells) for cells in ranges if cells[0][0] == member_file.header_row - 2]
    assert len({member for member, _ in merged}) >= 2
    sheets = {len(CalamineWorkbook.from_path(str(out / f.file)).sheet_names) for f in manifest.files
              if f.kind == "xlsx"}
    assert max(sheets) >= 2


def test_messy_values_are_present(demo: tuple[Path, DemoManifest]) -> None:
    out, manifest = demo
    truth = _truth(out)
    keys = Counter((line["file"], line["site_id"], line["member_ref"]) for line in truth)
    assert any(count >= 2 for count in keys.values())  # repeated rows and re-audits
    text = "\n".join("\t".join(row) for mapping in _mappings(out) for row in _read_rows(out, mapping))
    assert re.search(r"\bZS: 0\d{8}\b", text) and re.search(r"\bzs \d+", text) and "ZC" in text
    assert "Co., Ltd." in text and "Company Limited" in text
    assert re.search(r"[\u4e00-\u9fff]+有限公司", text)
    assert "Viet Nam" in text or "Việt Nam" in text
    assert "SMETA 4P" in text and "amfori BSCI" in text and "SMETA 4 pilares" in text
    refs = {line["member_ref"] for line in truth}
    assert all(ref and not ref.isspace() for ref in refs)


def test_member_names_never_appear_in_supplier_data(demo: tuple[Path, DemoManifest]) -> None:
    """The anonymity scan looks for each member's first word; supplier data must not contain it."""
    out, manifest = demo
    first_words = {word for word in (f.member.split()[0].lower() for f in manifest.files) if len(word) >= 5}
    for mapping in _mappings(out):
        rows = _read_rows(out, mapping)
        header = [cell.strip() for cell in rows[mapping["header_row"] - 1]]
        columns = [header.index(mapping["fields"][name]) for name in ("site_name", "address", "city")
                   if name in mapping["fields"]]
        for row in rows[mapping["header_row"]:]:
            for column in columns:
                if column < len(row):
                    words = set(re.findall(r"\w+", row[column].lower()))
                    assert not (words & first_words), (mapping["file"], row[column])


def test_scale_shrinks_records_but_keeps_every_member(demo: tuple[Path, DemoManifest]) -> None:
    _, manifest = demo
    assert 500 <= manifest.total_records <= 1000
    assert all(member_file.records >= 15 for member_file in manifest.files)
    with pytest.raises(ValueError):
        write_member_files(Path("unused"), scale=0)


NOT_ELIGIBLE = {
    "Pacific Crest Apparel Inc.": "benchmark of Pacific Crest Social Compliance Audit 2.0 at 77.7 % is below 85 %",
    "Kestrel Outdoor Equipment Inc.": "no signed audit statement",
    "Kirana Nusantara Brands Tbk": "no audit benchmark yet",
}


def test_most_demo_members_are_eligible_and_three_are_not_yet(demo_store: Store) -> None:
    statuses = {s.member: s for s in member_statuses(demo_store)}
    assert len(statuses) == 15
    assert {name for name, s in statuses.items() if not s.eligible} == set(NOT_ELIGIBLE)
    for name, reason in NOT_ELIGIBLE.items():
        assert statuses[name].reasons[0] == reason
    assert len(eligible_member_ids(demo_store)) == 12
    virtual = {s.member for s in statuses.values() if s.virtual_eligible}
    assert virtual == {"Northbrook Foods plc", "Mekong Home Living JSC"}
    assert len(eligible_member_ids(demo_store, "virtual")) == 2
    figures = dashboard(demo_store, as_of=dt.date(2026, 11, 1))
    assert (figures.eligible_members, figures.members) == (12, 15)


def test_statements_and_earlier_benchmarks_are_dated_and_signed(demo_store: Store) -> None:
    statuses = member_statuses(demo_store)
    signed = [s.audit_statement for s in statuses if s.audit_statement is not None]
    assert len(signed) == 14
    for statement in signed:
        assert "2024-01-01" <= statement.signed_on <= "2026-12-31"
        name, role = statement.signatory.split(", ", 1)
        assert name and role
    by_hand = [s.audit_benchmark for s in statuses
               if s.audit_benchmark is not None and s.audit_benchmark.source == "recorded by hand"]
    assert len(by_hand) == 12 and all(b.passed and "2024" <= b.on < "2027" for b in by_hand)
    notes = [latest_recorded_benchmark(demo_store, s.member_id, kind) for s in statuses for kind in KINDS]
    notes = [found.note for found in notes if found is not None]
    assert len(notes) == 15  # 13 audit, 2 virtual
    assert all(note.startswith("Benchmarked in the forum's earlier web tool: ") for note in notes)


def test_two_benchmarks_are_made_in_aimdesk_one_passing_one_failing(demo_store: Store) -> None:
    catalogue = latest_catalogue(demo_store, "smeta-6.1-4p")
    made = {a.member: a for a in list_assessments(demo_store)}
    assert set(made) == {"Northbrook Foods plc", "Pacific Crest Apparel Inc."}
    passing, failing = made["Northbrook Foods plc"], made["Pacific Crest Apparel Inc."]
    assert (passing.protocol, passing.protocol_version, passing.passed) == (
        "Northbrook Responsible Sourcing Audit", "3.1", True)
    assert (failing.protocol, failing.protocol_version, failing.passed) == (
        "Pacific Crest Social Compliance Audit", "2.0", False)
    assert 0.91 <= (passing.commonality or 0) <= 0.93 and 0.77 <= (failing.commonality or 0) <= 0.79
    assert (passing.saved_at[:10], failing.saved_at[:10]) == ("2026-09-14", "2026-10-08")
    for summary in (passing, failing):
        assert (summary.catalogue_key, summary.catalogue_version) == (catalogue.key, catalogue.version)
        assessment = get_assessment(demo_store, summary.id)
        assert set(assessment.answers) == {c.id for c in catalogue.active}
        words = Counter(a.answer for a in assessment.answers.values())
        assert words["partly"] >= 5 and words["not covered"] >= 3
        assert not assessment_score(demo_store, assessment).core_not_covered
        covered = [a for a in assessment.answers.values() if a.answer == "covered"]
        assert all(a.reference for a in covered)
        assert all(a.note for a in assessment.answers.values() if a.answer != "covered")
    references = [a.reference for a in get_assessment(demo_store, passing.id).answers.values() if a.reference]
    assert all(re.fullmatch(r"§\d+\.\d+", ref) for ref in references)


def test_demo_answers_follow_the_seed_and_keep_their_verdict(demo_store: Store) -> None:
    catalogue = latest_catalogue(demo_store, "smeta-6.1-4p")
    for benchmark in BENCHMARKS:
        same = [demo_answers(catalogue, benchmark, random.Random("1")) for _ in range(2)]
        other = demo_answers(catalogue, benchmark, random.Random("2"))
        assert same[0] == same[1] and other != same[0]
        assert score(catalogue, other).overall == score(catalogue, same[0]).overall

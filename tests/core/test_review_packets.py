"""Review packets that can be trusted: registered, signed row by row, protected, and
imported without silently overriding a decision in force."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aimdesk.core.errors import AimDeskError, InputFileError, WorkspaceError
from aimdesk.core.export.packet_file import COLUMNS, read_packet, save_packet_decisions
from aimdesk.core.export.review_packet import IMPORTED_BEFORE, import_review_packet, write_review_packet
from aimdesk.core.matching.conflicts import open_conflicts, resolve_conflict
from aimdesk.core.matching.decisions import decide
from aimdesk.core.store.matching import current_decisions
from aimdesk.core.store.members import list_members
from aimdesk.core.store.packets import fetch_packet, workspace_identity
from aimdesk.core.store.workspace import Store
from tests.core.demo_workspaces import demo, matched_demo  # noqa: F401 - the shared fixtures

DATA = Path(__file__).resolve().parents[1] / "data"
DECISION_LOG = ("SELECT id, left_record, right_record, verdict, reviewer, decided_at, note, source, "
                "supersedes FROM decisions ORDER BY id")


@pytest.fixture
def store(demo: Store) -> Store:
    """A matched workspace with pairs to review, this test's own copy."""
    return demo


def decision_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM decisions").fetchone()[0])


def conflict_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM packet_conflicts").fetchone()[0])


def fill_xlsx(path: Path, answers: dict[int, str]) -> None:
    """Fill decision cells the way Excel leaves them: record ids as floats, a typed
    capital, a trailing space."""
    book = load_workbook(path)
    sheet = book["Pairs"]
    header = [c.value for c in sheet[1]]
    for number in range(2, sheet.max_row + 1):
        for name in ("left_record", "right_record"):
            cell = sheet.cell(row=number, column=header.index(name) + 1)
            cell.value = float(cell.value)
    for number, word in answers.items():
        sheet.cell(row=number, column=header.index("decision") + 1, value=word)
    book.save(path)


def read_dicts(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_dicts(path: Path, fields: list[str], rows: list[dict[str, str]], *, encoding: str = "utf-8",
                delimiter: str = ",") -> None:
    """As ../shared/tools/score_dataset.py rewrites a packet: DictWriter, utf-8, no BOM
    (or as Excel saves a csv: cp1252, semicolons, unknown characters as '?')."""
    with open(path, "w", newline="", encoding=encoding, errors="replace") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_m004_gives_a_version_3_workspace_an_identity_and_keeps_its_decisions(tmp_path: Path) -> None:
    copy = tmp_path / "v3.aimdesk"
    shutil.copy(DATA / "workspace-v3.aimdesk", copy)
    with sqlite3.connect(copy) as conn:
        before = conn.execute(DECISION_LOG).fetchall()
    conn.close()
    with Store.open(copy) as store:
        identity = workspace_identity(store)
        assert len(identity.id) == 16 and len(identity.secret) == 32
        assert store.conn.execute(DECISION_LOG).fetchall() == before
        assert store.conn.execute("SELECT count(*) FROM packets").fetchone() == (0,)
        assert {(d.left, d.right, d.verdict) for d in current_decisions(store).values()} == {
            (1, 4, "same"), (2, 3, "different")}
        packet = write_review_packet(store, tmp_path / "p.csv", who="ana")
        assert packet.packet_id == f"RP-{identity.id[:6]}-0001"
    with Store.open(copy) as store:
        assert workspace_identity(store) == identity  # made once, kept


def test_every_workspace_gets_its_own_identity(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.aimdesk", create=True) as a, Store.open(tmp_path / "b.aimdesk", create=True) as b:
        assert workspace_identity(a).id != workspace_identity(b).id
        assert workspace_identity(a).secret != workspace_identity(b).secret


def test_a_packet_is_registered_and_every_row_carries_its_id_and_check(store: Store, tmp_path: Path) -> None:
    first = write_review_packet(store, tmp_path / "first.csv", limit=3, who="ana")
    second = write_review_packet(store, tmp_path / "second.csv", who="bo", members_shown=True)
    assert first.packet_id.endswith("-0001") and second.packet_id.endswith("-0002")
    assert first.rows == 3 and second.rows > 3
    register = fetch_packet(store, second.packet_id)
    assert register is not None and (register.created_by, register.file_name, register.rows,
                                     register.is_members_shown) == ("bo", "second.csv", second.rows, True)
    fields, rows = read_dicts(tmp_path / "first.csv")
    assert fields == list(COLUMNS)
    assert {r["packet_id"] for r in rows} == {first.packet_id}
    checks = [r["check"] for r in rows]
    assert all(c[0].isalpha() and len(c) == 11 for c in checks) and len(set(checks)) == 3


def test_members_are_neutral_labels_unless_shown(store: Store, tmp_path: Path) -> None:
    names = {m.name for m in list_members(store)}
    write_review_packet(store, tmp_path / "neutral.csv", who="ana")
    write_review_packet(store, tmp_path / "named.csv", who="ana", members_shown=True)
    neutral = {r["left_member"] for r in read_dicts(tmp_path / "neutral.csv")[1]}
    named = {r["left_member"] for r in read_dicts(tmp_path / "named.csv")[1]}
    assert all(label.startswith("Member ") for label in neutral) and not neutral & names
    assert named <= names


def test_the_xlsx_is_protected_with_only_decision_and_note_open_and_a_drop_down(store: Store, tmp_path: Path) -> None:
    packet = write_review_packet(store, tmp_path / "p.xlsx", limit=4, who="ana")
    book = load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Instructions", "Pairs"] and book.security.lockStructure
    sheet = book["Pairs"]
    header = [c.value for c in sheet[1]]
    letter = {name: sheet.cell(row=1, column=header.index(name) + 1).column_letter for name in header}
    assert sheet.protection.sheet and sheet.freeze_panes == "D2" and sheet["A1"].font.b
    for number in range(2, packet.rows + 2):
        assert not sheet[f"{letter['decision']}{number}"].protection.locked
        assert not sheet[f"{letter['note']}{number}"].protection.locked
        assert sheet[f"{letter['left_record']}{number}"].protection.locked
        assert sheet[f"{letter['packet_id']}{number}"].value == packet.packet_id
    assert sheet.column_dimensions[letter["check"]].hidden and sheet.column_dimensions[letter["packet_id"]].hidden
    assert sheet[f"{letter['explanation']}2"].alignment.wrap_text
    (choices,) = sheet.data_validations.dataValidation
    assert choices.formula1 == '"same,different,unsure"' and str(choices.sqref) == f"{letter['decision']}2:{letter['decision']}5"
    words = " ".join(str(row[0]) for row in book["Instructions"].iter_rows(values_only=True))
    assert packet.packet_id in words and all(w in words for w in ("same:", "different:", "unsure:", "send it back"))


def test_an_xlsx_packet_filled_as_excel_leaves_it_is_applied(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    packet = write_review_packet(store, path, limit=4, who="ana")
    fill_xlsx(path, {2: "Same ", 3: "different", 4: "unsure"})
    result = import_review_packet(store, path, reviewer="ana")
    assert result.packet_id == packet.packet_id
    assert result.counts == {"applied": 3, "skipped": 0, "conflict": 0, "blank": 1}
    assert [(r.row_number, r.verdict, r.status) for r in result.rows] == [
        (2, "same", "applied"), (3, "different", "applied"), (4, "unsure", "applied"), (5, "", "blank")]
    decided = {(d.left, d.right): d for d in current_decisions(store).values()}
    row = result.rows[0]
    assert decided[(row.left, row.right)].verdict == "same"
    assert decided[(row.left, row.right)].source == f"packet {packet.packet_id}"


def test_a_csv_rewritten_as_score_dataset_does_is_applied(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "packet.csv"
    packet = write_review_packet(store, path, who="oracle")
    fields, rows = read_dicts(path)
    for r in rows:
        r["decision"] = "different"
    write_dicts(path, fields, rows)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = import_review_packet(store, path, reviewer="oracle")
    assert result.counts["applied"] == packet.rows and decision_count(store) == packet.rows


def test_a_csv_saved_by_excel_in_cp1252_with_semicolons_is_applied(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "packet.csv"
    write_review_packet(store, path, limit=2, who="ana")
    fields, rows = read_dicts(path)
    rows[0]["decision"], rows[0]["note"] = "Same ", "même adresse"
    write_dicts(path, fields, rows, encoding="cp1252", delimiter=";")
    result = import_review_packet(store, path, reviewer="ana")
    assert result.counts == {"applied": 1, "skipped": 0, "conflict": 0, "blank": 1}
    (decision,) = current_decisions(store).values()
    assert decision.note == "même adresse"


def copy_row_from(other: Path, path: Path, *, keep_packet_id: bool) -> None:
    fields, rows = read_dicts(path)
    _, foreign = read_dicts(other)
    stranger = next(r for r in foreign if r["pair_id"] not in {row["pair_id"] for row in rows})
    if keep_packet_id:
        stranger["packet_id"] = rows[1]["packet_id"]
    rows[1] = stranger
    write_dicts(path, fields, rows)


@pytest.mark.parametrize(("tamper", "message"), [
    ("left_record", "Row 3 of p.csv do not match their check"),
    ("check", "Row 3 of p.csv do not match their check"),
    ("copied row", "Row 3 of p.csv come from another packet than"),
    ("copied row, packet id changed", "Row 3 of p.csv do not match their check"),
])
def test_a_tampered_packet_is_refused_and_nothing_is_applied(
        store: Store, tmp_path: Path, tamper: str, message: str) -> None:
    path, other = tmp_path / "p.csv", tmp_path / "other.csv"
    write_review_packet(store, other, who="bo")
    write_review_packet(store, path, limit=3, who="ana")
    fields, rows = read_dicts(path)
    for r in rows:
        r["decision"] = "same"
    if tamper == "left_record":
        rows[1]["left_record"] = str(int(rows[1]["left_record"]) + 1)
    elif tamper == "check":
        rows[1]["check"] = rows[1]["check"][:-1] + ("A" if rows[1]["check"][-1] != "A" else "B")
    write_dicts(path, fields, rows)
    if tamper.startswith("copied row"):
        copy_row_from(other, path, keep_packet_id="changed" in tamper)
    with pytest.raises(AimDeskError, match=message) as refused:
        import_review_packet(store, path, reviewer="ana")
    assert "nothing was imported" in str(refused.value)
    assert decision_count(store) == 0 and conflict_count(store) == 0


def test_a_packet_from_another_workspace_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    write_review_packet(store, path, limit=2, who="ana")
    other = tmp_path / "v3.aimdesk"
    shutil.copy(DATA / "workspace-v3.aimdesk", other)
    with Store.open(other) as elsewhere, pytest.raises(WorkspaceError, match="made by another workspace"):
        import_review_packet(elsewhere, path, reviewer="ana")


def test_a_file_that_is_not_a_packet_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("left_record,right_record,decision\n1,2,same\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="mine.csv is not a review packet exported by AIMDesk"):
        import_review_packet(store, path, reviewer="ana")


def test_a_packet_imported_twice_changes_nothing_the_second_time(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    write_review_packet(store, path, limit=3, who="ana")
    fill_xlsx(path, {2: "same", 3: "different"})
    import_review_packet(store, path, reviewer="ana")
    first_row = import_review_packet(store, path, reviewer="ana").rows[0]
    decide(store, first_row.left, first_row.right, "different", reviewer="lead")  # decided otherwise since
    decisions = decision_count(store)
    again = import_review_packet(store, path, reviewer="ana")
    assert again.is_repeat and again.counts == {"applied": 0, "skipped": 2, "conflict": 0, "blank": 1}
    assert {r.reason for r in again.rows if r.status == "skipped"} == {IMPORTED_BEFORE}
    assert decision_count(store) == decisions and conflict_count(store) == 0


def test_unsure_never_overrides_a_decision_in_force_but_same_replaces_unsure(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    write_review_packet(store, path, limit=2, who="ana")
    rows = read_packet(path).rows
    decide(store, rows[0].left, rows[0].right, "same", reviewer="lead")
    decide(store, rows[1].left, rows[1].right, "unsure", reviewer="lead")
    fill_xlsx(path, {2: "unsure", 3: "same"})
    result = import_review_packet(store, path, reviewer="ana")
    assert [(r.status, r.reason.split(" (")[0]) for r in result.rows] == [
        ("skipped", "'unsure' does not override same"), ("applied", "replaces unsure")]
    in_force = current_decisions(store)
    assert in_force[(rows[0].left, rows[0].right)].verdict == "same"
    assert in_force[(rows[1].left, rows[1].right)].verdict == "same"


def test_two_reviewers_who_disagree_make_one_conflict_that_resolve_settles(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "ana.xlsx", tmp_path / "bo.xlsx"
    write_review_packet(store, first, limit=2, who="lead")
    bo_packet = write_review_packet(store, second, limit=2, who="lead")
    fill_xlsx(first, {2: "same"})
    save_packet_decisions(second, {2: ("different", "two gates, two plants")})
    assert import_review_packet(store, first, reviewer="ana").counts["applied"] == 1
    result = import_review_packet(store, second, reviewer="bo")
    assert result.counts["conflict"] == 1 and "contradicts same in force (ana" in result.rows[0].reason
    assert import_review_packet(store, second, reviewer="bo").is_repeat
    (conflict,) = open_conflicts(store)
    assert (conflict.packet_id, conflict.row_number, conflict.proposed, conflict.proposed_by,
            conflict.proposed_note) == (bo_packet.packet_id, 2, "different", "bo", "two gates, two plants")
    assert conflict.in_force is not None and (conflict.in_force.verdict, conflict.in_force.reviewer) == ("same", "ana")
    outcome = resolve_conflict(store, conflict.id, "different", who="lead")
    assert len(outcome.changed) == 1 and open_conflicts(store) == []
    decision = current_decisions(store)[(conflict.left, conflict.right)]
    assert (decision.verdict, decision.reviewer, decision.source) == ("different", "lead", f"conflict #{conflict.id}")
    assert import_review_packet(store, first, reviewer="ana").is_repeat  # ana's packet again: no new conflict
    assert conflict_count(store) == 1
    with pytest.raises(AimDeskError, match=f"Conflict #{conflict.id} was already settled"):
        resolve_conflict(store, conflict.id, "same", who="lead")


def test_choosing_the_verdict_in_force_only_closes_the_conflict(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    write_review_packet(store, path, limit=1, who="lead")
    row = read_packet(path).rows[0]
    decide(store, row.left, row.right, "same", reviewer="ana")
    fill_xlsx(path, {2: "different"})
    import_review_packet(store, path, reviewer="bo")
    decisions = decision_count(store)
    (conflict,) = open_conflicts(store)
    assert resolve_conflict(store, conflict.id, "same", who="lead").unchanged
    assert decision_count(store) == decisions and open_conflicts(store) == []
    with pytest.raises(AimDeskError, match="no conflict #999"):
        resolve_conflict(store, 999, "same", who="lead")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_reviewer_reads_a_packet_and_saves_decisions_without_the_workspace(
        store: Store, tmp_path: Path, suffix: str) -> None:
    path, filled = tmp_path / f"p{suffix}", tmp_path / f"filled{suffix}"
    write_review_packet(store, path, limit=3, who="lead")
    rows = read_packet(path).rows
    assert [r.number for r in rows] == [2, 3, 4] and all(r.verdict is None for r in rows)
    assert rows[0].left_fields["member"].startswith("Member ") and rows[0].left_fields["site_name"]
    assert rows[0].score is not None and rows[0].explanation
    save_packet_decisions(path, {2: ("same", "=same gate"), 3: ("different", ""), 4: (None, "")}, out=filled)
    again = read_packet(filled).rows
    assert [(r.verdict, r.note) for r in again] == [("same", "=same gate"), ("different", ""), (None, "")]
    assert [(r.left, r.right, r.check) for r in again] == [(r.left, r.right, r.check) for r in rows]
    if suffix == ".xlsx":
        sheet = load_workbook(filled)["Pairs"]
        note = sheet.cell(row=2, column=COLUMNS.index("note") + 1)
        assert (note.value, note.data_type) == ("=same gate", "s")  # text: Excel will not run it
        assert sheet.protection.sheet and len(sheet.data_validations.dataValidation) == 1
        assert sheet.column_dimensions[sheet.cell(row=1, column=len(COLUMNS)).column_letter].hidden
        assert load_workbook(filled).security.lockStructure
    else:
        assert "'=same gate" in filled.read_text(encoding="utf-8-sig")  # Excel will not run it
    result = import_review_packet(store, filled, reviewer="ana")
    assert result.counts == {"applied": 2, "skipped": 0, "conflict": 0, "blank": 1}


def test_saving_a_decision_on_a_row_the_packet_does_not_have_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    write_review_packet(store, path, limit=2, who="lead")
    with pytest.raises(AimDeskError, match="Row 9 is not a row of p.xlsx"):
        save_packet_decisions(path, {9: ("same", "")})

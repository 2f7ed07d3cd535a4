"""Forward-only schema migrations, one small function each (STYLE.md rule 12).

A migration receives a `sqlite_utils.Database` and runs inside the transaction
that also bumps `PRAGMA user_version`, so it lands whole or not at all.
Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # sqlite_utils loads pandas: import it only when migrating
    import sqlite_utils


def m001_initial(db: sqlite_utils.Database) -> None:
    """Members, imports, raw rows, records, findings, settings, activity log."""
    db["members"].create(
        {"id": int, "name": str, "contact": str, "created_at": str, "template_json": str},
        pk="id", not_null={"name", "created_at"},
    )
    db.execute("CREATE UNIQUE INDEX members_name ON members(name COLLATE NOCASE)")
    db["imports"].create(
        {
            "id": int, "member_id": int, "file_name": str, "file_sha256": str,
            "file_size": int, "file_format": str, "encoding": str, "sheet": str,
            "header_row": int, "headers_json": str, "mapping_json": str,
            "date_order": str, "rows_read": int, "records_added": int,
            "finding_counts_json": str, "imported_by": str, "imported_at": str,
            "status": str, "superseded_by": int,
        },
        pk="id",
        not_null={"member_id", "file_name", "file_sha256", "imported_at", "status"},
        foreign_keys=[("member_id", "members", "id"), ("superseded_by", "imports", "id")],
    )
    db.execute("CREATE INDEX imports_member ON imports(member_id)")
    db.execute("CREATE INDEX imports_sha ON imports(file_sha256)")
    db["raw_rows"].create(
        {"id": int, "import_id": int, "sheet": str, "row_number": int, "cells_json": str},
        pk="id", not_null={"import_id", "row_number", "cells_json"},
        foreign_keys=[("import_id", "imports", "id")],
    )
    db.execute("CREATE INDEX raw_rows_import ON raw_rows(import_id)")
    db["records"].create(
        {
            "id": int, "import_id": int, "raw_row_id": int, "member_id": int,
            "site_name": str, "address": str, "city": str, "region": str,
            "postal_code": str, "country": str, "country_raw": str,
            "sedex_id": str, "sedex_id_raw": str, "member_ref": str,
            "audit_date": str, "audit_date_raw": str,
            "audit_type": str, "audit_type_raw": str, "audit_firm": str,
        },
        pk="id", not_null={"import_id", "raw_row_id", "member_id"},
        foreign_keys=[
            ("import_id", "imports", "id"), ("raw_row_id", "raw_rows", "id"),
            ("member_id", "members", "id"),
        ],
    )
    db.execute("CREATE INDEX records_import ON records(import_id)")
    db.execute("CREATE INDEX records_member ON records(member_id)")
    db.execute("CREATE INDEX records_country ON records(country)")
    db["findings"].create(
        {"id": int, "record_id": int, "import_id": int, "kind": str, "field": str,
         "message": str},
        pk="id", not_null={"record_id", "import_id", "kind"},
        foreign_keys=[("record_id", "records", "id"), ("import_id", "imports", "id")],
    )
    db.execute("CREATE INDEX findings_record ON findings(record_id)")
    db.execute("CREATE INDEX findings_import_kind ON findings(import_id, kind)")
    db["settings"].create({"key": str, "value_json": str}, pk="key")
    db["activity"].create(
        {"id": int, "at": str, "who": str, "action": str, "detail_json": str},
        pk="id", not_null={"at", "action"},
    )
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER activity_no_{event.lower()} BEFORE {event} ON activity "
            "BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END"
        )
    db.execute(
        "CREATE VIEW active_records AS SELECT records.* FROM records "
        "JOIN imports ON imports.id = records.import_id WHERE imports.status = 'active'"
    )


def m002_matching(db: sqlite_utils.Database) -> None:
    """Sites, the record → site assignment, scored pairs, reviewer decisions, match runs."""
    db.execute(
        "CREATE TABLE sites (id INTEGER PRIMARY KEY AUTOINCREMENT, public_id TEXT NOT NULL UNIQUE, "
        "created_at TEXT NOT NULL, retired_at TEXT)"
    )  # AUTOINCREMENT: a site number is never given out twice, even after a retirement
    db["record_sites"].create(
        {"record_id": int, "site_id": int}, pk="record_id", not_null={"site_id"},
        foreign_keys=[("record_id", "records", "id"), ("site_id", "sites", "id")],
    )
    db.execute("CREATE INDEX record_sites_site ON record_sites(site_id)")
    db["match_runs"].create(
        {"id": int, "started_at": str, "finished_at": str, "is_full": int, "who": str,
         "model_json": str, "counts_json": str},
        pk="id", not_null={"started_at"},
    )
    db["pairs"].create(
        {"left_record": int, "right_record": int, "probability": float, "weight": float,
         "band": str, "explanation_json": str, "run_id": int},
        pk=("left_record", "right_record"), not_null={"probability", "weight", "band"},
        foreign_keys=[("left_record", "records", "id"), ("right_record", "records", "id"),
                      ("run_id", "match_runs", "id")],
    )
    db.execute("CREATE INDEX pairs_right ON pairs(right_record)")
    db.execute("CREATE INDEX pairs_band ON pairs(band)")
    db["decisions"].create(
        {"id": int, "left_record": int, "right_record": int, "verdict": str, "reviewer": str,
         "decided_at": str, "note": str, "source": str, "supersedes": int},
        pk="id", not_null={"left_record", "right_record", "verdict", "decided_at"},
        foreign_keys=[("left_record", "records", "id"), ("right_record", "records", "id"),
                      ("supersedes", "decisions", "id")],
    )
    db.execute("CREATE INDEX decisions_pair ON decisions(left_record, right_record)")
    db["match_keys"].create(
        {"record_id": int, "version": str, "keys_json": str}, pk="record_id",
        not_null={"version", "keys_json"}, foreign_keys=[("record_id", "records", "id")],
    )  # normalised names and addresses, kept between runs (computing them is slow)
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER decisions_no_{event.lower()} BEFORE {event} ON decisions "
            "BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END"
        )


def m003_site_profiles(db: sqlite_utils.Database) -> None:
    """Each site as the Sites view shows it, so the view sorts and filters the sites of
    100,000 records in an indexed query. Derived data: `store.sites` fills it after each
    matching run, and on first use in a workspace that has none yet."""
    db["site_profiles"].create(
        {"site_id": int, "public_id": str, "site_name": str, "address": str, "city": str,
         "region": str, "postal_code": str, "country": str, "sedex_id": str, "members": int,
         "records": int, "latest_audit": str, "schemes": str},
        pk="site_id", not_null={"public_id"}, foreign_keys=[("site_id", "sites", "id")],
    )
    for column in ("public_id", "site_name COLLATE NOCASE", "country", "members", "latest_audit"):
        name = column.split()[0]
        db.execute(f"CREATE INDEX site_profiles_{name} ON site_profiles({column})")


def m004_review_packets(db: sqlite_utils.Database) -> None:
    """The workspace's identity (a random id naming its review packets and a random secret
    signing their rows), the register of packets sent out, and the packet rows that
    contradicted a decision in force, kept until someone settles them."""
    identity = {"workspace.id": base64.b32encode(secrets.token_bytes(10)).decode(),
                "workspace.secret": secrets.token_hex(32)}
    for key, value in identity.items():
        db.execute("INSERT INTO settings (key, value_json) VALUES (?, ?)", (key, json.dumps(value)))
    db["packets"].create(
        {"id": str, "created_at": str, "created_by": str, "file_name": str, "rows": int,
         "members_shown": int},
        pk="id", not_null={"created_at", "created_by", "file_name", "rows", "members_shown"},
    )
    db["packet_conflicts"].create(
        {"id": int, "packet_id": str, "row_number": int, "left_record": int, "right_record": int,
         "verdict": str, "note": str, "reviewer": str, "contradicts": int, "created_at": str,
         "resolved_at": str, "resolved_by": str, "resolution": str},
        pk="id", not_null={"packet_id", "row_number", "left_record", "right_record", "verdict",
                           "reviewer", "contradicts", "created_at"},
        foreign_keys=[("packet_id", "packets", "id"), ("left_record", "records", "id"),
                      ("right_record", "records", "id"), ("contradicts", "decisions", "id")],
    )  # contradicts: the decision in force that the packet row contradicted
    db.execute("CREATE UNIQUE INDEX packet_conflicts_once ON packet_conflicts"
               "(packet_id, left_record, right_record, verdict)")  # a re-import adds none
    db.execute("CREATE INDEX packet_conflicts_open ON packet_conflicts(resolved_at)")


def m005_decision_batches(db: sqlite_utils.Database) -> None:
    """Every user action (a decision, a packet import, a move, a split, a merge, an undo, a
    redo) is one batch of decisions, so Undo can take it back whole; decisions logged
    before keep no batch. Match runs note the latest decision they saw: the next run
    looks again at the sites of the records decided since."""
    db.execute(
        "CREATE TABLE decision_batches (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "label TEXT NOT NULL, who TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, "
        "undoes INTEGER REFERENCES decision_batches(id), redoes INTEGER REFERENCES decision_batches(id))"
    )  # undoes: the batch an undo took back; redoes: the action a redo applied again
    db.execute("ALTER TABLE decisions ADD COLUMN batch_id INTEGER REFERENCES decision_batches(id)")
    db.execute("CREATE INDEX decisions_batch ON decisions(batch_id)")
    db.execute("ALTER TABLE match_runs ADD COLUMN decisions_seen INTEGER")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER decision_batches_no_{event.lower()} BEFORE {event} ON decision_batches "
            "BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END"
        )


def m006_benchmarks(db: sqlite_utils.Database) -> None:
    """Protocol benchmarking: catalogue versions kept in the workspace (the secretariat's
    own, and every built-in version an assessment used, so it never changes under it),
    assessments with their revisions and answers, signed mutual-recognition statements,
    and benchmark results recorded by hand. Every one of these tables is append-only:
    an edit is a new version, revision or entry, and the latest one counts."""
    db.execute(
        "CREATE TABLE benchmark_catalogues (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
        "version INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('audit', 'virtual')), "
        "note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '', "
        "created_by TEXT NOT NULL DEFAULT '', UNIQUE (key, version))"
    )
    db.execute(
        "CREATE TABLE benchmark_criteria (catalogue_id INTEGER NOT NULL REFERENCES benchmark_catalogues(id), "
        "position INTEGER NOT NULL, criterion_id TEXT NOT NULL, pillar TEXT NOT NULL, section TEXT NOT NULL, "
        "question TEXT NOT NULL, weight REAL NOT NULL, is_core INTEGER NOT NULL, is_draft INTEGER NOT NULL, "
        "is_retired INTEGER NOT NULL, PRIMARY KEY (catalogue_id, criterion_id))"
    )
    db.execute("CREATE TABLE assessments (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, "
               "created_by TEXT NOT NULL DEFAULT '')")
    db.execute(
        "CREATE TABLE assessment_revisions (id INTEGER PRIMARY KEY, "
        "assessment_id INTEGER NOT NULL REFERENCES assessments(id), revision INTEGER NOT NULL, "
        "member_id INTEGER NOT NULL REFERENCES members(id), protocol TEXT NOT NULL, "
        "protocol_version TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL CHECK (kind IN ('audit', 'virtual')), "
        "catalogue_key TEXT NOT NULL, catalogue_version INTEGER NOT NULL, saved_at TEXT NOT NULL, "
        "saved_by TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', UNIQUE (assessment_id, revision), "
        "FOREIGN KEY (catalogue_key, catalogue_version) REFERENCES benchmark_catalogues(key, version))"
    )
    db.execute("CREATE INDEX assessment_revisions_member ON assessment_revisions(member_id)")
    db.execute(
        "CREATE TABLE assessment_answers (revision_id INTEGER NOT NULL REFERENCES assessment_revisions(id), "
        "criterion_id TEXT NOT NULL, answer TEXT NOT NULL "
        "CHECK (answer IN ('covered', 'partly', 'not covered', 'not applicable')), "
        "reference TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', "
        "PRIMARY KEY (revision_id, criterion_id))"
    )
    for table, what in (("recognition_statements", "signed_on TEXT NOT NULL, signatory TEXT NOT NULL DEFAULT ''"),
                        ("recorded_benchmarks", "passed_on TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''")):
        db.execute(
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members(id), "
            f"kind TEXT NOT NULL CHECK (kind IN ('audit', 'virtual')), {what}, "
            "recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL DEFAULT '')"
        )  # recorded_benchmarks: a benchmark passed outside AIMDesk (the forum's earlier web tool)
        db.execute(f"CREATE INDEX {table}_member ON {table}(member_id, kind)")
    for table in ("benchmark_catalogues", "benchmark_criteria", "assessments", "assessment_revisions",
                  "assessment_answers", "recognition_statements", "recorded_benchmarks"):
        for event in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def m007_editions(db: sqlite_utils.Database) -> None:
    """Every common document written, as an edition: as-of date, window, who wrote it when,
    the file's name, format and SHA-256, its counts, what the singling-out check
    generalised, and its rows (zlib-compressed JSON: public site id and the printed
    columns of each site), enough to say between two editions which sites were added,
    dropped or changed. Append-only: an edition is a record of what was sent."""
    db.execute(
        "CREATE TABLE editions (id INTEGER PRIMARY KEY, as_of TEXT NOT NULL, written_at TEXT NOT NULL, "
        "written_by TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL, "
        "format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')), window_years INTEGER NOT NULL, "
        "bands_json TEXT NOT NULL, sites INTEGER NOT NULL, records INTEGER NOT NULL, "
        "members INTEGER NOT NULL, countries INTEGER NOT NULL, sha256 TEXT NOT NULL, "
        "generalised_json TEXT NOT NULL DEFAULT '[]', rows_json BLOB NOT NULL)"
    )
    db.execute("CREATE INDEX editions_as_of ON editions(as_of)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER editions_no_{event.lower()} BEFORE {event} ON editions "
            "BEGIN SELECT RAISE(ABORT, 'editions is append-only'); END"
        )


def m008_ecovadis_hria(db: sqlite_utils.Database) -> None:
    """The EcoVadis assessed-supplier lists (one active at a time, earlier ones kept as
    superseded), their entries as read, each entry's candidate sites as matching found
    them (derived data: replaced when the list is matched again), and the decisions people
    took on a company's match (kept by company and country, so that the next list re-uses
    them); and the register of human-rights impact assessments members share (an entry is
    removed by marking it, never deleted; the member stays internal)."""
    db.execute(
        "CREATE TABLE ecovadis_lists (id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, "
        "file_sha256 TEXT NOT NULL, sheet TEXT NOT NULL DEFAULT '', header_row INTEGER, "
        "mapping_json TEXT NOT NULL DEFAULT '{}', rows_read INTEGER NOT NULL DEFAULT 0, "
        "entries INTEGER NOT NULL DEFAULT 0, as_of TEXT NOT NULL, imported_at TEXT NOT NULL, "
        "imported_by TEXT NOT NULL DEFAULT '', matched_at TEXT, "
        "status TEXT NOT NULL CHECK (status IN ('active', 'superseded')), "
        "superseded_by INTEGER REFERENCES ecovadis_lists(id))"
    )
    db.execute(
        "CREATE TABLE ecovadis_entries (id INTEGER PRIMARY KEY, "
        "list_id INTEGER NOT NULL REFERENCES ecovadis_lists(id), row_number INTEGER NOT NULL, "
        "company TEXT NOT NULL, country TEXT, country_raw TEXT NOT NULL DEFAULT '', year INTEGER, "
        "year_raw TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '', "
        "identifiers_json TEXT NOT NULL DEFAULT '{}', cells_json TEXT NOT NULL DEFAULT '[]', "
        "company_key TEXT NOT NULL DEFAULT '', country_key TEXT NOT NULL DEFAULT '')"
    )  # cells_json: the row as read, beside what was made of it; the keys: see ecovadis_decisions
    db.execute("CREATE INDEX ecovadis_entries_list ON ecovadis_entries(list_id)")
    db.execute("CREATE INDEX ecovadis_entries_company ON ecovadis_entries(company_key, country_key)")
    db.execute(
        "CREATE TABLE ecovadis_matches (entry_id INTEGER NOT NULL REFERENCES ecovadis_entries(id), "
        "rank INTEGER NOT NULL, site_id INTEGER NOT NULL REFERENCES sites(id), "
        "record_id INTEGER NOT NULL REFERENCES records(id), probability REAL NOT NULL, "
        "band TEXT NOT NULL CHECK (band IN ('auto', 'review')), explanation_json TEXT NOT NULL DEFAULT '[]', "
        "basis TEXT NOT NULL DEFAULT '', PRIMARY KEY (entry_id, rank))"
    )  # record_id: the site's record that matched best (its site may change at the next run);
    # basis: why the 'auto' candidate is the match (sedex, name, name and city, score)
    db.execute("CREATE INDEX ecovadis_matches_site ON ecovadis_matches(site_id)")
    db.execute(
        "CREATE TABLE ecovadis_decisions (company_key TEXT NOT NULL, country_key TEXT NOT NULL, "
        "company TEXT NOT NULL, verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected')), "
        "site_id INTEGER REFERENCES sites(id), record_id INTEGER REFERENCES records(id), "
        "decided_at TEXT NOT NULL, decided_by TEXT NOT NULL DEFAULT '', PRIMARY KEY (company_key, country_key))"
    )  # one decision in force per company and country (the activity log keeps the earlier ones);
    # site_id/record_id: the site confirmed (followed through the record), or the one rejected
    db.execute(
        "CREATE TABLE hria_entries (id INTEGER PRIMARY KEY, "
        "member_id INTEGER NOT NULL REFERENCES members(id), country TEXT NOT NULL, "
        "sector TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL, "
        "contact_note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, "
        "created_by TEXT NOT NULL DEFAULT '', updated_at TEXT, updated_by TEXT, "
        "removed_at TEXT, removed_by TEXT)"
    )
    db.execute("CREATE INDEX hria_entries_country ON hria_entries(country)")


Migration = Callable[["sqlite_utils.Database"], None]

MIGRATIONS: tuple[Migration, ...] = (m001_initial, m002_matching, m003_site_profiles,
                                     m004_review_packets, m005_decision_batches, m006_benchmarks,
                                     m007_editions, m008_ecovadis_hria)
"""Applied in order; a workspace at version N has run the first N."""

SCHEMA_VERSION = len(MIGRATIONS)

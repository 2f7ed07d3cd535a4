"""The AIMDesk command line: the same core operations as the desktop app, for batch use.

Run `aimdesk --help`, or `aimdesk COMMAND --help` for one command.
"""

from __future__ import annotations

import argparse
import os
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from aimdesk import __version__
from aimdesk.core.errors import AimDeskError
from aimdesk.core.ingest.findings import FINDING_KINDS
from aimdesk.core.ingest.aliases import parse_aliases
from aimdesk.core.ingest.importer import ImportReport, import_file
from aimdesk.core.ingest.mapping import parse_overrides
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.store.workspace import Store, remove_workspace

if TYPE_CHECKING:
    from aimdesk.core.benchmark.eligibility import BenchmarkResult, Statement
    from aimdesk.core.benchmark.model import Score

DESCRIPTION = """\
AIMDesk pools the supplier lists that forum members send, finds the same supplier
site across members, and writes the anonymous common list.

Without a command, the desktop application opens (on --workspace if given)."""

EPILOG = """\
examples:
  aimdesk demo ./demo                         sample member files and a ready workspace
  aimdesk --workspace forum.aimdesk import "Acme list.xlsx" --member "Acme Foods"
  aimdesk --workspace forum.aimdesk members
  aimdesk --workspace forum.aimdesk export-records records.csv"""


def build_parser() -> argparse.ArgumentParser:
    """The command line with one sub-parser per command (DESIGN.md's stable interface)."""
    parser = argparse.ArgumentParser(
        prog="aimdesk", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workspace", type=Path, metavar="W.aimdesk",
                        help="the workspace file to work on (created by the first import)")
    parser.add_argument("--version", action="version", version=f"AIMDesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_import(commands)
    commands.add_parser(
        "members", help="list the members with their record counts and eligibility",
        description="List the members in the workspace with their active records, imports, and "
                    "whether they are eligible for mutual recognition of audits and of virtual "
                    "assessments (see member-status).")
    export = commands.add_parser(
        "export-records", help="write every record with its source row to a CSV file",
        description="Write one row per active record: record_id, member, source file, sheet "
                    "and row, the canonical fields and site_id (empty until matching).")
    export.add_argument("out", type=Path, metavar="OUT.csv")
    _add_matching(commands)
    _add_benchmark(commands)
    _add_common(commands)
    _add_shared_lists(commands)
    demo = commands.add_parser(
        "demo", help="write sample member files, truth.csv and a ready demo workspace",
        description="Write realistic sample member lists (many layouts and languages), "
                    "truth.csv with each record's true site, and DIR/demo.aimdesk.")
    demo.add_argument("dir", type=Path, metavar="DIR")
    demo.add_argument("--scale", type=float, default=1.0,
                      help="size of the data set (1.0 = about 6,500 records; 0.1 for a quick one)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same files)")
    return parser


def _add_matching(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    match = commands.add_parser(
        "match", help="find the records that are the same supplier site",
        description="Compare the records and group them into sites. After the first run, only "
                    "records without a site (a new list) are compared, unless --full.")
    match.add_argument("--full", action="store_true",
                       help="re-fit the model and compare every record again")
    explain = commands.add_parser(
        "explain", help="show why two records are (not) taken for the same site",
        description="Score two records with the current model and explain each field's part.")
    explain.add_argument("left", type=int, metavar="LEFT_RECORD")
    explain.add_argument("right", type=int, metavar="RIGHT_RECORD")
    decide = commands.add_parser(
        "decide", help="record a reviewer's decision on two records",
        description="Record that two records are the same site, different sites, or that you "
                    "are unsure. Matching never overrides it. Run match afterwards.")
    decide.add_argument("left", type=int, metavar="LEFT_RECORD")
    decide.add_argument("right", type=int, metavar="RIGHT_RECORD")
    decide.add_argument("verdict", choices=("same", "different", "unsure"))
    decide.add_argument("--reviewer", metavar="NAME", help="who decides (default: your login name)")
    decide.add_argument("--note", default="", help="why, in a few words")
    _add_review(commands)
    _add_undo(commands)


def _add_undo(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    undo = commands.add_parser(
        "undo", help="take back the latest action on the decisions",
        description="Take back the latest action on the decisions (a decision, a packet import, "
                    "a site edit) and bring the sites up to date. Nothing is deleted: the "
                    "history keeps both the action and its undoing.")
    undo.add_argument("--reviewer", metavar="NAME", help="who undoes it (default: your login name)")
    redo = commands.add_parser(
        "redo", help="do again the action undone last",
        description="Do again the action undone last, unless a new action came since, and "
                    "bring the sites up to date.")
    redo.add_argument("--reviewer", metavar="NAME", help="who redoes it (default: your login name)")
    history = commands.add_parser(
        "history", help="list the decisions on two records, or on one site's records",
        description="List every decision logged on two records, or on the records of a site "
                    "(--site S000012), newest first: when, who, the verdict, the two records, "
                    "whether it is in force, superseded or undone, the action and the note.")
    history.add_argument("left", type=int, nargs="?", metavar="LEFT_RECORD")
    history.add_argument("right", type=int, nargs="?", metavar="RIGHT_RECORD")
    history.add_argument("--site", metavar="SITE", help="a site id as matching gives it (S000012)")


def _add_review(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    review = commands.add_parser(
        "review", help="review packets: export the pairs to check, import the decisions",
        description="Export the pairs that need a person to a csv or xlsx packet, import a "
                    "filled packet, settle the rows that contradict a decision in force, or "
                    "show how much is left to review.")
    actions = review.add_subparsers(dest="review_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write the pairs to review to a csv or xlsx packet",
        description="Write one row per pair to review, most useful first, as a new packet with "
                    "its own id (printed); every row carries a check so that edited rows are "
                    "refused on import.")
    export.add_argument("out", type=Path, metavar="OUT.csv|OUT.xlsx")
    export.add_argument("--limit", type=_positive, metavar="N", help="at most N pairs")
    export.add_argument("--show-members", action="store_true",
                        help="show members' names instead of neutral labels (Member A, B, …)")
    read = actions.add_parser(
        "import", help="apply the decisions of a filled packet",
        description="Apply the same / different / unsure decisions written in a packet of this "
                    "workspace. A row that contradicts a decision in force is not applied: it "
                    "is kept as a conflict to settle with 'review resolve'.")
    read.add_argument("packet", type=Path, metavar="IN.csv|IN.xlsx")
    read.add_argument("--reviewer", required=True, metavar="NAME", help="who filled the packet")
    actions.add_parser("conflicts", help="list the packet rows that contradict a decision in force",
                       description="List the open conflicts: what a packet proposed, by whom and "
                                   "when, beside the decision in force.")
    resolve = actions.add_parser(
        "resolve", help="settle a conflict with the verdict that holds",
        description="Settle conflict ID: record same or different as your decision on the pair "
                    "(choosing the verdict in force only closes the conflict).")
    resolve.add_argument("conflict", type=int, metavar="ID")
    resolve.add_argument("verdict", choices=("same", "different"))
    resolve.add_argument("--reviewer", required=True, metavar="NAME", help="who settles it")
    actions.add_parser("stats", help="how much is left to review and what was decided",
                       description="Count the pairs to review and the decisions made, by reviewer.")


def _add_benchmark(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    benchmark = commands.add_parser(
        "benchmark", help="protocol benchmarks: list, show, reports, questionnaires, catalogues",
        description="The benchmarks of members' protocols against the criteria catalogues "
                    "(SMETA 6.1 4-pillar for audits, the SVA baseline for virtual assessments): "
                    "commonality = weighted (covered + ½ partly) ÷ weighted applicable criteria.")
    actions = benchmark.add_subparsers(dest="benchmark_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="one line per assessment, newest first",
                       description="List the latest revision of every assessment: id, member, protocol, "
                                   "kind, catalogue, revision, commonality and verdict.")
    show = actions.add_parser(
        "show", help="one assessment: score per pillar, verdict, gaps, core criteria not covered",
        description="Show one assessment: commonality overall and per pillar, the verdict with its "
                    "reasons, the gaps by section and the core criteria not covered.")
    show.add_argument("assessment", type=int, metavar="ID")
    show.add_argument("--revision", type=_positive, metavar="N", help="this revision (default: the latest)")
    actions.add_parser("catalogues", help="the criteria catalogues with their versions",
                       description="List every catalogue version, built in or saved in the workspace, "
                                   "with its criteria counts.")
    _add_benchmark_files(actions)
    status = commands.add_parser(
        "member-status", help="record or show a member's mutual-recognition status",
        description="Record what is given (signed statements, benchmarks passed outside AIMDesk), "
                    "then print the member's mutual-recognition status. With no option, only print it.")
    status.add_argument("member", metavar="NAME")
    status.add_argument("--statement-signed", type=_day, metavar="YYYY-MM-DD",
                        help="the member signed the mutual-recognition statement for audits on this day")
    status.add_argument("--signatory", metavar="NAME", help="who signed the statement(s) given")
    status.add_argument("--virtual-statement-signed", "--va-statement-signed", type=_day, metavar="YYYY-MM-DD",
                        help="the member signed the statement for virtual assessments on this day")
    status.add_argument("--benchmark-passed", type=_day, metavar="YYYY-MM-DD",
                        help="the member's audit protocol passed a benchmark outside AIMDesk on this day")
    status.add_argument("--virtual-benchmark-passed", type=_day, metavar="YYYY-MM-DD",
                        help="its virtual-assessment protocol passed a benchmark outside AIMDesk on this day")


def _add_benchmark_files(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The benchmark actions that write or read files: the report, the questionnaire."""
    export = actions.add_parser(
        "export", help="write an assessment's benchmark report as PDF or xlsx",
        description="Write the benchmark report of an assessment: member, protocol, catalogue "
                    "version, commonality overall and per pillar, the verdict with its reasons, "
                    "the gaps, and every criterion with its answer and protocol reference.")
    export.add_argument("assessment", type=int, metavar="ID")
    export.add_argument("out", type=_suffixed(".pdf", ".xlsx"), metavar="OUT.pdf|OUT.xlsx")
    export.add_argument("--revision", type=_positive, metavar="N", help="this revision (default: the latest)")
    blank = actions.add_parser(
        "questionnaire", help="write a questionnaire xlsx for a member to fill in",
        description="Write one catalogue version's criteria as an xlsx questionnaire: the member "
                    "answers each one (covered, partly, not covered, not applicable) with its "
                    "protocol's own reference; import it back with import-questionnaire.")
    blank.add_argument("catalogue", metavar="CATALOGUE_KEY", help="smeta-6.1-4p, sva-baseline, … (see catalogues)")
    blank.add_argument("out", type=_suffixed(".xlsx"), metavar="OUT.xlsx")
    blank.add_argument("--version", dest="catalogue_version", type=_positive, metavar="N",
                       help="this catalogue version (default: the latest)")
    blank.add_argument("--member", default="", metavar="NAME", help="the member it is for (named in the file)")
    blank.add_argument("--protocol", default="", metavar="NAME", help="the protocol it is for (named in the file)")
    filled = actions.add_parser(
        "import-questionnaire", help="save a filled questionnaire as an assessment",
        description="Read a filled questionnaire and save its answers as a new assessment (or a "
                    "new revision of --assessment ID) against the catalogue version it was "
                    "written for. Any problem (unknown criterion ids, an answer that is none of "
                    "the four) refuses the whole file, listing every problem.")
    filled.add_argument("questionnaire", type=Path, metavar="QUESTIONNAIRE.xlsx")
    filled.add_argument("--member", required=True, metavar="NAME", help="the member whose protocol it is")
    filled.add_argument("--protocol", required=True, metavar="NAME", help="the protocol's name")
    filled.add_argument("--protocol-version", default="", metavar="V", help="the protocol's version")
    filled.add_argument("--assessment", type=_positive, metavar="ID",
                        help="save it as the next revision of this assessment (same member)")
    filled.add_argument("--reviewer", metavar="NAME", help="who saves it (default: your login name)")


def _add_common(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The common document and its editions."""
    common = commands.add_parser(
        "export-common", help="write the anonymous common list of audited sites (xlsx or csv)",
        description="Write the common document: one row per site audited inside the window (default: "
                    "the three years before the as-of date) by members eligible for mutual recognition, "
                    "members counted in bands, schemes in general form, no member names, references or "
                    "exact dates. Refused, with nothing written, if any text would name a member. Each "
                    "export is recorded as an edition (see editions).")
    common.add_argument("out", type=_suffixed(".xlsx", ".csv"), metavar="OUT.xlsx|OUT.csv")
    common.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                        help="the day the list is drawn up on (default: today)")
    editions = commands.add_parser(
        "editions", help="list the editions of the common document, or compare two",
        description="List every common document written (as-of date, when, by whom, file, counts, "
                    "SHA-256), or with 'diff OLD NEW' the sites added, dropped and changed between two.")
    actions = editions.add_subparsers(dest="editions_action", metavar="ACTION")
    diff = actions.add_parser("diff", help="sites added, dropped and changed between two editions",
                              description="Compare edition OLD with edition NEW: counts, then the sites "
                                          "added, dropped and changed (what changed, column by column).")
    diff.add_argument("older", type=_positive, metavar="OLD")
    diff.add_argument("newer", type=_positive, metavar="NEW")


def _add_shared_lists(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The other lists the forum shares (EcoVadis, HRIAs) and the planned-audit check."""
    ecovadis = commands.add_parser(
        "ecovadis", help="the EcoVadis assessed-supplier list: import, list, match again, confirm, reject",
        description="Import the list of EcoVadis-assessed suppliers in whatever layout it comes, and match "
                    "its companies to the sites with the same engine as the member lists. The list in force "
                    "is shared as its own sheet of the common document and as its EcoVadis flag; a new "
                    "import replaces it (earlier lists stay in the history).")
    actions = ecovadis.add_subparsers(dest="ecovadis_action", metavar="ACTION", required=True)
    read = actions.add_parser(
        "import", help="import the EcoVadis list and match it to the sites",
        description="Read the EcoVadis list (company name, country, assessment year, DUNS, Sedex id, "
                    "website …; the sheet, header row and columns are found by their names), replace the "
                    "list in force with it and match each company to a site. Prints how many companies "
                    "were matched, possibly matched (for a person to check) and not matched.",
        epilog="fields: company, country, year, city, duns, sedex_id, website, ecovadis_id")
    read.add_argument("file", type=Path, metavar="FILE")
    read.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                      help="take FIELD from the column called HEADER (or column letter); repeatable")
    read.add_argument("--sheet", metavar="S", help="the sheet holding the list")
    read.add_argument("--header-row", type=_positive, metavar="N", help="spreadsheet row number of the column names")
    read.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                      help="the day the list is judged on (default: today)")
    actions.add_parser("list", help="the companies of the list in force and their sites",
                       description="List the companies of the EcoVadis list in force: matched, possible or "
                                   "unmatched, with the site, the score and what settled it (a Sedex id, "
                                   "the name, the name and city, the score, or a person).")
    actions.add_parser("match", help="match the list in force again (after new lists and a match run)",
                       description="Match the companies of the EcoVadis list in force to the sites again, "
                                   "after new member lists were imported and matched.")
    confirm = actions.add_parser(
        "confirm", help="say which site a company of the list is",
        description="Match company ENTRY_ID of the list in force (the id 'ecovadis list' prints) to site "
                    "SITE_PUBLIC_ID, one of its candidates or any other. The decision is kept for the company "
                    "(its name and country), so the next lists re-use it, and logged.")
    confirm.add_argument("entry", type=_positive, metavar="ENTRY_ID")
    confirm.add_argument("site", metavar="SITE_PUBLIC_ID")
    reject = actions.add_parser(
        "reject", help="say a company of the list is none of the sites proposed",
        description="Leave company ENTRY_ID of the list in force without a site: it is none of the sites "
                    "proposed. Kept for the company (its name and country) for the next lists too, until "
                    "confirmed; logged.")
    reject.add_argument("entry", type=_positive, metavar="ENTRY_ID")
    hria = commands.add_parser(
        "hria", help="the register of human-rights impact assessments: add, list, remove",
        description="The register of human-rights impact assessments members share: country, commodity or "
                    "sector, scope and year. It is exported anonymously (contact through the secretariat); "
                    "the member that shared an entry stays with the secretariat.")
    entries = hria.add_subparsers(dest="hria_action", metavar="ACTION", required=True)
    add = entries.add_parser("add", help="add an assessment to the register",
                             description="Add a human-rights impact assessment a member shares.")
    add.add_argument("--member", required=True, metavar="NAME", help="the member sharing it (never exported)")
    add.add_argument("--country", required=True, metavar="C", help="the country: a name or an ISO code")
    add.add_argument("--sector", required=True, metavar="S", help="the commodity or sector (cocoa, garments …)")
    add.add_argument("--scope", required=True, metavar="TEXT", help="what the assessment covered")
    add.add_argument("--year", required=True, metavar="Y", help="the year it was done (or is planned)")
    add.add_argument("--contact", default="", metavar="NOTE",
                     help="the secretariat's note on whom to put an enquirer in touch with (never exported)")
    entries.add_parser("list", help="the assessments in the register",
                       description="List the assessments in the register with the member that shared each.")
    remove = entries.add_parser("remove", help="take an assessment out of the register",
                                description="Take assessment ID out of the register; it stays in the history.")
    remove.add_argument("entry", type=_positive, metavar="ID")
    planned = commands.add_parser(
        "check-planned", help="check a member's planned audits against the common list",
        description="Read a member's list of suppliers it plans to audit (any layout, read like an import) "
                    "and match it against the sites of the common list; write an xlsx with each supplier's "
                    "candidate sites (score, explanation, latest audit month, schemes) and a ready-to-send "
                    "report-request text. The planned list is not added to the workspace.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="fields: site_name, address, city, region, postal_code, country, sedex_id,\n"
               "        member_ref, audit_date, audit_type, audit_firm")
    planned.add_argument("file", type=Path, metavar="FILE")
    planned.add_argument("--member", required=True, metavar="NAME", help="the member whose planned list it is")
    planned.add_argument("--out", required=True, type=_suffixed(".xlsx"), metavar="OUT.xlsx",
                         help="the xlsx to write")
    planned.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                         help="the day of the common list to check against (default: today)")
    planned.add_argument("--sheet", metavar="S", help="the sheet holding the list")
    planned.add_argument("--header-row", type=_positive, metavar="N",
                         help="spreadsheet row number of the column names")
    planned.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                         help="take FIELD from the column called HEADER (or column letter); repeatable")


def _add_import(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser(
        "import", help="import one member's supplier list (xlsx, xls, ods, csv, txt)",
        description="Import a member's list of audited suppliers. AIMDesk finds the sheet, "
                    "the header row and the columns by itself; the options below correct it. "
                    "The import lands whole or not at all.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="fields: site_name, address, city, region, postal_code, country, sedex_id,\n"
               "        member_ref, audit_date, audit_type, audit_firm")
    sub.add_argument("file", type=Path, metavar="FILE")
    sub.add_argument("--member", required=True, metavar="NAME",
                     help="the member who sent the list (created if new)")
    sub.add_argument("--sheet", metavar="S", help="the sheet holding the list")
    sub.add_argument("--header-row", type=_positive, metavar="N",
                     help="spreadsheet row number of the column names")
    sub.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                     help="take FIELD from the column called HEADER (or column letter); repeatable")
    sub.add_argument("--date-order", choices=("dmy", "mdy", "ymd"),
                     help="how text dates are written, when AIMDesk cannot tell (03/04/2025)")
    sub.add_argument("--country-alias", action="append", default=[], metavar="TEXT=CODE",
                     help="read the country cell TEXT as the country CODE (ISO alpha-2); "
                          "kept for later imports; repeatable")
    sub.add_argument("--scheme-alias", action="append", default=[], metavar="TEXT=CODE",
                     help="read the audit-type cell TEXT as the scheme CODE (SMETA_4P, SVA, "
                          "MEMBER_PROTOCOL, …); kept for later imports; repeatable")
    sub.add_argument("--replace", action="store_true",
                     help="this list replaces all of the member's current lists (kept in history)")
    sub.add_argument("--force", action="store_true",
                     help="import even if the identical file was imported before")
    sub.add_argument("--all-sheets", action="store_true",
                     help="also import the other sheets with the same columns (one sheet per country)")
    sub.add_argument("--report", type=Path, metavar="OUT.xlsx",
                     help="write the rows with findings to an xlsx the member can fix")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from aimdesk.gui.app import run_app

        return run_app(args.workspace)
    if args.command != "demo" and args.workspace is None:
        parser.error(f"'{args.command}' needs --workspace W.aimdesk")
    if args.command == "import" and args.report and args.report.suffix.lower() != ".xlsx":
        parser.error(f"the report must be an .xlsx file, not {args.report.name}")
    if args.command == "history" and not ((args.site is None and args.right is not None)
                                          or (args.site is not None and args.left is None)):
        parser.error("history needs two records (LEFT_RECORD RIGHT_RECORD) or --site SITE")
    if (args.command == "member-status" and args.signatory is not None
            and not (args.statement_signed or args.virtual_statement_signed)):
        parser.error("--signatory goes with --statement-signed or --virtual-statement-signed")
    handler: Callable[[argparse.Namespace], int] = HANDLERS[args.command]
    try:
        return handler(args)
    except AimDeskError as error:
        print(f"aimdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("aimdesk: interrupted; the workspace was left as it was.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (`aimdesk benchmark list | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # noqa: BLE001 - a bug: keep the details, say it in one line
        log = _log_unexpected_error()
        print(f"aimdesk: unexpected error; details saved to {log}", file=sys.stderr)
        return 1


def _log_unexpected_error() -> Path:
    """Append the current traceback to the user's AIMDesk log; returns the log's path."""
    import traceback

    from platformdirs import user_log_dir

    log = Path(user_log_dir("AIMDesk", appauthor=False)) / "aimdesk-cli.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"--- {' '.join(sys.argv)}\n{traceback.format_exc()}\n")
    return log


def _positive(text: str) -> int:
    """An argparse type: a row number, 1 or more."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a row number (1 or more)")
    return int(text)


def _suffixed(*suffixes: str) -> Callable[[str], Path]:
    """An argparse type: an output file with one of these extensions."""
    def output(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(f"'{path.name}' must be a {' or '.join(suffixes)} file")
        return path

    return output


def _day(text: str) -> str:
    """An argparse type: a date written YYYY-MM-DD."""
    from aimdesk.core.benchmark.eligibility import parse_day

    try:
        return parse_day(text)
    except AimDeskError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _existing_folder(path: Path) -> Path:
    """Refuse an output file whose folder does not exist, before any work is done."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise AimDeskError(f"Folder {folder} does not exist; choose an existing folder for {path.name}.")
    return path


def _current_user() -> str:
    """The login name recorded as who imported; never fails (odd Windows set-ups)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises various errors without a login name
        return "unknown"


def _progress(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{what}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)


def _run_import(args: argparse.Namespace) -> int:
    if args.report:
        _existing_folder(args.report)
    options = ImportOptions(
        member=args.member, sheet=args.sheet, header_row=args.header_row,
        mapping=parse_overrides(args.map), date_order=args.date_order,
        replace=args.replace, force=args.force, all_sheets=args.all_sheets,
        aliases=parse_aliases(args.country_alias, args.scheme_alias))
    is_new = not args.workspace.exists()
    try:
        with Store.open(args.workspace, create=True) as store:
            result = import_file(store, args.file, options, who=_current_user(), progress=_progress)
            if sys.stderr.isatty():
                print(file=sys.stderr)
            print(_import_summary(result))
            if args.report:
                _write_report(store, result.import_id, args.report)
            _note_eligibility(store, result.member)
    except AimDeskError:
        if is_new and not _has_imports(args.workspace):
            remove_workspace(args.workspace)  # a failed first import leaves no empty file
        raise
    return 0


def _note_eligibility(store: Store, member: str) -> None:
    """Warn on stderr that the member's records stay out of the common document for now."""
    from aimdesk.core.benchmark.eligibility import not_eligible_note
    from aimdesk.core.store.members import find_member

    member_id = find_member(store, member)
    note = not_eligible_note(store, member_id) if member_id is not None else None
    if note:
        print(note, file=sys.stderr)


def _has_imports(workspace: Path) -> bool:
    from aimdesk.core.store.imports import list_imports

    try:
        with Store.open(workspace) as store:
            return bool(list_imports(store))
    except AimDeskError:
        return False


def _write_report(store: Store, import_id: int, out: Path) -> None:
    from aimdesk.core.export.findings_report import write_findings_report

    try:
        count = write_findings_report(store, import_id, out)
    except OSError as error:
        raise AimDeskError(f"Import #{import_id} was kept, but the findings report could not be "
                           f"written to {out} ({error.strerror or error}); is it open in Excel?") from None
    print(f"Findings report ({count} findings): {out}")


def _import_summary(result: ImportReport) -> str:
    lines = [
        f"Imported {result.records_added:,} records for {result.member} from {result.file_name} "
        f"({_sheets(result.sheets)}, header on row {result.header_row}; import #{result.import_id}).",
        "Columns: " + "; ".join(f"{field} = \"{label}\"" for field, label in result.mapping.items()),
    ]
    if result.date_order:
        lines.append(f"Dates read as {result.date_order}.")
    if result.skipped_rows:
        several_sheets = len(result.sheets) > 1
        shown = ", ".join(f"{sheet}!{n}" if several_sheets else str(n)
                          for sheet, n in result.skipped_rows[:10])
        lines.append(f"Skipped {len(result.skipped_rows)} rows without supplier data such as "
                     f"titles, notes or totals (rows {shown}"
                     f"{', …' if len(result.skipped_rows) > 10 else ''}); they are kept in the history.")
    if result.superseded:
        lines.append(f"Replaced the member's previous list (import #{', #'.join(map(str, result.superseded))}).")
    elif result.other_active_lists:
        lines.append(f"{result.member} now has {result.other_active_lists + 1} active lists; "
                     "use --replace when a new list replaces the old one.")
    lines += [f"Warning: {warning}" for warning in result.warnings]
    if result.finding_counts:
        lines.append("Findings:")
        lines += [f"  {count:>6,}  {FINDING_KINDS[kind]}" for kind, count in result.finding_counts.items()]
    else:
        lines.append("No findings.")
    return "\n".join(lines)


def _sheets(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return f"sheet '{names[0]}'"
    return "sheets " + ", ".join(f"'{name}'" for name in names)


def _run_members(args: argparse.Namespace) -> int:
    from aimdesk.core.benchmark.eligibility import member_statuses
    from aimdesk.core.store.members import list_members

    with Store.open(args.workspace) as store:
        members = list_members(store)
        statuses = {s.member_id: s for s in member_statuses(store)}
    if not members:
        print("No members yet; import a list with: aimdesk --workspace W import FILE --member NAME")
        return 0
    width = max(len(m.name) for m in members)
    print(f"{'member':<{width}}  {'records':>8}  {'imports':>7}  {'audit':<8}  {'virtual':<8}  last import")
    for m in members:
        status = statuses[m.id]
        print(f"{m.name:<{width}}  {m.active_records:>8,}  {m.imports:>7}  {_eligible(status.eligible):<8}  "
              f"{_eligible(status.virtual_eligible):<8}  {m.last_import_at[:16]}")
    return 0


def _eligible(is_eligible: bool) -> str:
    return "eligible" if is_eligible else "no"


def _run_export_records(args: argparse.Namespace) -> int:
    from aimdesk.core.export.records import export_records_csv

    _existing_folder(args.out)
    with Store.open(args.workspace) as store:
        try:
            count = export_records_csv(store, args.out)
        except OSError as error:
            raise AimDeskError(f"Cannot write {args.out} ({error.strerror or error}); is it open in Excel?") from None
    print(f"Wrote {count:,} records to {args.out}.")
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    from aimdesk.demo.build import make_demo

    workspace = make_demo(args.dir, who=_current_user(), seed=args.seed, scale=args.scale, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Demo data in {args.dir}; workspace {workspace}.")
    return 0


def _run_match(args: argparse.Namespace) -> int:
    from aimdesk.core.matching.run import run_matching

    with Store.open(args.workspace) as store:
        result = run_matching(store, full=args.full, who=_current_user(), progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    kind = "Full run" if result.is_full else f"Incremental run ({result.new_records:,} new records)"
    print(f"{kind}: {result.records:,} records, {result.candidate_pairs:,} pairs compared.")
    print(f"{result.sites:,} sites, {result.multi_member_sites:,} of them audited by two or more members.")
    print(f"{result.auto_pairs:,} pairs in the match band, {result.review_pairs:,} in the review band, "
          f"{result.held_pairs:,} held back (they would join sites that differ). {result.seconds} s.")
    print("See what is left to review with: aimdesk --workspace W review stats")
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    from aimdesk.core.matching.explain import explain_pair

    with Store.open(args.workspace) as store:
        score = explain_pair(store, args.left, args.right)
    print(f"Records {score.left} and {score.right}: match probability {score.probability:.3f} "
          f"(weight {score.weight:+.2f}).")
    for part in score.contributions:
        print(f"  {part.label:<12} {part.level:<20} {part.weight:+7.2f}  {part.left!r} / {part.right!r}")
        print(f"  {'':<12} {part.description}")
    return 0


def _run_decide(args: argparse.Namespace) -> int:
    from aimdesk.core.matching.decisions import decide

    with Store.open(args.workspace) as store:
        outcome = decide(store, args.left, args.right, args.verdict,
                         reviewer=args.reviewer or _current_user(), note=args.note)
    if outcome.unchanged:
        print(f"Records {args.left} and {args.right} were already decided {args.verdict}.")
    else:
        before = f" (was {outcome.changed[0][1].verdict})" if outcome.changed else ""
        print(f"Records {args.left} and {args.right}: {args.verdict}{before}. Run match to apply it.")
    return 0


def _run_review(args: argparse.Namespace) -> int:
    actions = {"export": _review_export, "import": _review_import, "conflicts": _review_conflicts,
               "resolve": _review_resolve, "stats": _review_stats}
    with Store.open(args.workspace) as store:
        actions[args.review_action](store, args)
    return 0


def _review_export(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.export.review_packet import write_review_packet

    _existing_folder(args.out)
    packet = write_review_packet(store, args.out, limit=args.limit, who=_current_user(),
                                 members_shown=args.show_members)
    print(f"Wrote {packet.rows:,} pairs to review to {args.out} (packet {packet.packet_id}).")


def _review_import(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.export.review_packet import import_review_packet

    result = import_review_packet(store, args.packet, reviewer=args.reviewer)
    counts = result.counts
    print(f"Packet {result.packet_id}: {counts['applied']:,} applied, {counts['skipped']:,} skipped, "
          f"{counts['conflict']:,} conflicts, {counts['blank']:,} blank.")
    if result.is_repeat:
        print("This packet was imported before; nothing changed.")
    for row in result.rows:
        if row.status == "conflict":
            print(f"  Row {row.row_number}: records {row.left} and {row.right}: {row.verdict}, "
                  f"but it {row.reason}.")
    if counts["conflict"]:
        print("Settle them with: aimdesk --workspace W review resolve ID same|different --reviewer NAME")
    if counts["applied"]:
        print("Run match to apply the decisions.")


def _review_conflicts(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.matching.conflicts import open_conflicts

    conflicts = open_conflicts(store)
    if not conflicts:
        print("No open conflicts.")
    for c in conflicts:
        now = c.in_force
        in_force = _said(now.verdict, now.reviewer, now.decided_at, now.note) if now else "nothing"
        print(f"#{c.id}  records {c.left} and {c.right}: {c.packet_id} row {c.row_number} says "
              f"{_said(c.proposed, c.proposed_by, c.proposed_at, c.proposed_note)}; in force: {in_force}.")


def _said(verdict: str, who: str, when: str, note: str) -> str:
    """A verdict with who gave it, when, and the note: "same (ana, 2026-11-01; one gate)"."""
    return f"{verdict} ({who or 'unknown'}, {when[:10]}{'; ' + note if note else ''})"


def _review_resolve(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.matching.conflicts import resolve_conflict

    outcome = resolve_conflict(store, args.conflict, args.verdict, who=args.reviewer)
    if outcome.unchanged:
        print(f"Conflict #{args.conflict} settled: {args.verdict} stays in force.")
    else:
        print(f"Conflict #{args.conflict} settled: {args.verdict} is now in force. Run match to apply it.")


def _review_stats(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.matching.queue import review_stats

    stats = review_stats(store)
    print(f"To review: {stats.to_review:,} pairs ({stats.held:,} held back, "
          f"{stats.unsure:,} marked unsure).")
    decided = ", ".join(f"{n:,} {v}" for v, n in sorted(stats.decided.items())) or "none"
    print(f"Decided: {decided}.")
    for reviewer, count in sorted(stats.reviewers.items()):
        print(f"  {reviewer}: {count:,}")


def _run_undo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, undo=True)


def _run_redo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, undo=False)


def _undo_or_redo(args: argparse.Namespace, *, undo: bool) -> int:
    from aimdesk.core.matching import undo as undoing
    from aimdesk.core.store.matching import latest_model

    step = undoing.undo if undo else undoing.redo
    with Store.open(args.workspace) as store:
        label = step(store, who=args.reviewer or _current_user(), progress=_progress)
        matched = latest_model(store) is not None
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if label is None:
        print(f"Nothing to {args.command}.")
    else:
        after = "Sites are up to date." if matched else "It takes effect at the first match."
        print(f"{'Undone' if undo else 'Redone'}: {label}. {after}")
    return 0


def _run_history(args: argparse.Namespace) -> int:
    from aimdesk.core.matching.decisions import pair_history, site_history
    from aimdesk.core.store.matching import public_ids
    from aimdesk.core.store.records import fetch_records
    from aimdesk.core.store.sites import site_by_public_id

    with Store.open(args.workspace) as store:
        if args.site is not None:
            site = site_by_public_id(store, args.site)
            if site is None:
                raise AimDeskError(f"There is no site {args.site} in this workspace; site ids such "
                                   "as S000012 are given by match (see export-records).")
            entries = site_history(store, site)
            subject = f"the records of site {public_ids(store, [site])[site]}"
        else:
            if args.left == args.right:
                raise AimDeskError(f"Record {args.left} cannot be compared with itself.")
            missing = {args.left, args.right} - set(fetch_records(store, [args.left, args.right]))
            if missing:
                raise AimDeskError(f"There is no record {min(missing)} in this workspace.")
            entries = pair_history(store, args.left, args.right)
            subject = f"records {args.left} and {args.right}"
    if not entries:
        print(f"No decisions on {subject} yet.")
        return 0
    rows = [(e.decision.decided_at[:16].replace("T", " "), e.decision.reviewer or "unknown",
             e.decision.verdict, f"{e.decision.left} ↔ {e.decision.right}", e.status,
             e.batch_label or "-", e.decision.note) for e in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    for row in rows:
        print("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[6]]).rstrip())
    return 0


KIND_LABELS = {"audit": "on-site audit", "virtual": "virtual assessment"}


def _run_benchmark(args: argparse.Namespace) -> int:
    actions = {"list": _benchmark_list, "show": _benchmark_show, "catalogues": _benchmark_catalogues,
               "export": _benchmark_export, "questionnaire": _benchmark_questionnaire,
               "import-questionnaire": _benchmark_import_questionnaire}
    with Store.open(args.workspace) as store:
        actions[args.benchmark_action](store, args)
    return 0


def _benchmark_list(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.assessments import list_assessments, percent

    summaries = list_assessments(store)
    if not summaries:
        print("No benchmarks yet; make one in the desktop app (Protocols ▸ New benchmark).")
        return
    rows = [("id", "member", "protocol", "kind", "catalogue", "revision", "commonality", "verdict")]
    rows += [(str(s.id), s.member, f"{s.protocol} {s.protocol_version}".strip(), s.kind, s.catalogue_label,
              str(s.revision), percent(s.commonality), "passed" if s.passed else "not passed") for s in summaries]
    _print_table(rows, right_aligned=(0, 5, 6))


def _print_table(rows: list[tuple[str, ...]], *, right_aligned: tuple[int, ...] = ()) -> None:
    """Columns as wide as their widest cell, two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(w) if i in right_aligned else cell.ljust(w)
                        for i, (cell, w) in enumerate(zip(row, widths))).rstrip())


def _benchmark_show(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.assessments import assessment_score, get_assessment, percent
    from aimdesk.core.benchmark.catalogues import get_catalogue

    assessment = get_assessment(store, args.assessment, args.revision)
    catalogue = get_catalogue(store, assessment.catalogue_key, assessment.catalogue_version)
    score = assessment_score(store, assessment)
    print(f"Assessment {assessment.id}, revision {assessment.revision} (saved {assessment.saved_at[:16].replace('T', ' ')} "
          f"by {assessment.saved_by or 'unknown'})")
    print(f"Member: {assessment.member}")
    print(f"Protocol: {assessment.protocol} {assessment.protocol_version}".rstrip()
          + f" ({KIND_LABELS[assessment.kind]})")
    print(f"Catalogue: {catalogue.label}")
    print(f"Commonality: {percent(score.overall)} (threshold {score.threshold * 100:g} %; core criteria "
          f"{'block' if score.core_blocks else 'do not block'} the verdict)")
    for pillar, value in score.by_pillar.items():
        print(f"  {pillar}: {percent(value)}")
    print(f"Verdict: {'passed' if score.passed else 'not passed'}")
    for reason in score.reasons:
        print(f"  {reason}")
    _print_gaps(score)


def _print_gaps(score: Score) -> None:
    """The gaps grouped by section, then the core criteria not covered."""
    if score.gaps:
        print("Gaps by section:")
    section = None
    for criterion, word in score.gaps:
        if criterion.section != section:
            section = criterion.section
            print(f"  {section}")
        print(f"    {criterion.id:<8} {word or 'unanswered':<12} {criterion.question}")
    if score.core_not_covered:
        print("Core criteria not covered:")
        for criterion in score.core_not_covered:
            print(f"  {criterion.id:<8} {criterion.question}")


def _benchmark_catalogues(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.catalogues import builtin_catalogues, list_catalogues

    builtin = {(c.key, c.version) for c in builtin_catalogues()}
    rows = [("key", "version", "name", "kind", "criteria", "core", "draft", "retired", "source")]
    for c in list_catalogues(store):
        source = "built in" if (c.key, c.version) in builtin and not c.created_by else f"saved by {c.created_by}"
        rows.append((c.key, str(c.version), c.name, c.kind, str(len(c.active)),
                     str(sum(x.core for x in c.active)), str(sum(x.draft for x in c.active)),
                     str(len(c.criteria) - len(c.active)), source))
    _print_table(rows, right_aligned=(1, 4, 5, 6, 7))


def _benchmark_export(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.assessments import assessment_score, get_assessment, percent
    from aimdesk.core.benchmark.catalogues import get_catalogue
    from aimdesk.core.benchmark.report import report_html, report_title, verdict, write_report_xlsx

    _existing_folder(args.out)
    assessment = get_assessment(store, args.assessment, args.revision)
    catalogue = get_catalogue(store, assessment.catalogue_key, assessment.catalogue_version)
    score = assessment_score(store, assessment)
    if args.out.suffix.lower() == ".pdf":
        _offscreen_without_display()
        from aimdesk.gui.pdf import write_pdf

        write_pdf(report_html(assessment, catalogue, score), args.out, title=report_title(assessment))
    else:
        _writing(args.out, lambda: write_report_xlsx(assessment, catalogue, score, args.out))
    print(f"Wrote the report of assessment {assessment.id}, revision {assessment.revision} "
          f"({verdict(score).lower()}, commonality {percent(score.overall)}) to {args.out}.")


def _offscreen_without_display() -> None:
    """Qt draws a PDF without a window, but needs a display unless told to draw offscreen."""
    import os

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _writing(out: Path, write: Callable[[], object]) -> None:
    """Run `write`, saying in one sentence why `out` could not be written."""
    try:
        write()
    except OSError as error:
        raise AimDeskError(f"Cannot write {out} ({error.strerror or error}); is it open in Excel?") from None


def _benchmark_questionnaire(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.catalogues import get_catalogue, latest_catalogue
    from aimdesk.core.benchmark.questionnaire import write_questionnaire

    _existing_folder(args.out)
    catalogue = (latest_catalogue(store, args.catalogue) if args.catalogue_version is None
                 else get_catalogue(store, args.catalogue, args.catalogue_version))
    _writing(args.out, lambda: write_questionnaire(catalogue, args.out, member=args.member, protocol=args.protocol))
    print(f"Wrote a questionnaire on {catalogue.label} ({len(catalogue.active)} criteria) to {args.out}; "
          "import it back with: aimdesk --workspace W benchmark import-questionnaire FILE --member NAME "
          "--protocol NAME")


def _benchmark_import_questionnaire(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.benchmark.assessments import assessment_score, get_assessment, percent, save_assessment
    from aimdesk.core.benchmark.catalogues import get_catalogue
    from aimdesk.core.benchmark.questionnaire import questionnaire_info, read_questionnaire
    from aimdesk.core.benchmark.report import verdict

    member_id = _existing_member(store, args.member)
    if args.assessment is not None:
        earlier = get_assessment(store, args.assessment)
        if earlier.member_id != member_id:
            raise AimDeskError(f"Assessment {earlier.id} is {earlier.member}'s protocol, not {args.member}'s; "
                               "leave out --assessment to save a new one.")
    info = questionnaire_info(args.questionnaire)
    catalogue = get_catalogue(store, info.catalogue_key, info.catalogue_version)
    answers = read_questionnaire(args.questionnaire, catalogue)
    saved = save_assessment(
        store, assessment_id=args.assessment, member_id=member_id, protocol=args.protocol,
        protocol_version=args.protocol_version, kind=catalogue.kind, catalogue_key=catalogue.key,
        catalogue_version=catalogue.version, answers=answers, who=args.reviewer or _current_user(),
        note=f"imported from {args.questionnaire.name}")
    score = assessment_score(store, saved)
    print(f"Saved assessment {saved.id}, revision {saved.revision}: {len(answers)} of {len(catalogue.active)} "
          f"criteria answered; commonality {percent(score.overall)}, {verdict(score).lower()}.")


def _existing_member(store: Store, name: str) -> int:
    from aimdesk.core.store.members import find_member

    member_id = find_member(store, name)
    if member_id is None:
        raise AimDeskError(f"There is no member called “{name}” in this workspace; "
                           "'aimdesk members' lists them.")
    return member_id


def _run_member_status(args: argparse.Namespace) -> int:
    from aimdesk.core.benchmark.eligibility import member_status, record_benchmark_result, record_statement

    who = _current_user()
    with Store.open(args.workspace) as store:
        member_id = _existing_member(store, args.member)
        with store.transaction():  # everything given lands together
            for kind, signed in (("audit", args.statement_signed), ("virtual", args.virtual_statement_signed)):
                if signed:
                    record_statement(store, member_id, kind, signed_on=signed, signatory=args.signatory or "",
                                     who=who)
            for kind, passed in (("audit", args.benchmark_passed), ("virtual", args.virtual_benchmark_passed)):
                if passed:
                    record_benchmark_result(store, member_id, kind, passed_on=passed, who=who,
                                            note="recorded with aimdesk member-status")
        status = member_status(store, member_id)
    print(f"{status.member}: {'eligible' if status.eligible else 'not eligible'} for mutual recognition of "
          f"audits; {'eligible' if status.virtual_eligible else 'not eligible'} for virtual assessments.")
    for kind, statement, result in (("audit", status.audit_statement, status.audit_benchmark),
                                    ("virtual", status.virtual_statement, status.virtual_benchmark)):
        print(f"  {KIND_LABELS[kind].capitalize()}: {_statement_text(statement)}; {_benchmark_text(result)}.")
    if status.reasons:
        print(f"  Not yet: {'; '.join(status.reasons)}.")
    return 0


def _statement_text(statement: Statement | None) -> str:
    if statement is None:
        return "statement not signed"
    return f"statement signed {statement.signed_on}" + (f" by {statement.signatory}" if statement.signatory else "")


def _benchmark_text(result: BenchmarkResult | None) -> str:
    from aimdesk.core.benchmark.model import percent

    if result is None:
        return "no benchmark"
    figure = f" at {percent(result.commonality)}" if result.commonality is not None else ""
    return f"benchmark {'passed' if result.passed else 'not passed'}{figure} on {result.on} ({result.source})"


def _run_ecovadis(args: argparse.Namespace) -> int:
    actions = {"import": _ecovadis_import, "list": _ecovadis_list, "match": _ecovadis_match,
               "confirm": _ecovadis_confirm, "reject": _ecovadis_reject}
    with Store.open(args.workspace) as store:
        actions[args.ecovadis_action](store, args)
    return 0


def _ecovadis_import(store: Store, args: argparse.Namespace) -> None:
    import datetime as dt

    from aimdesk.core.ecovadis import import_ecovadis, parse_ecovadis_overrides

    mapping = parse_ecovadis_overrides(args.map)
    result = import_ecovadis(store, args.file, who=_current_user(), mapping=mapping, sheet=args.sheet,
                             header_row=args.header_row, as_of=dt.date.fromisoformat(args.as_of) if args.as_of else None,
                             progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Imported {result.entries:,} companies from {args.file.name} (sheet '{result.sheet}', header on row "
          f"{result.header_row}; EcoVadis list #{result.list_id}).")
    print("Columns: " + "; ".join(f"{field} = \"{label}\"" for field, label in (result.mapping or {}).items()))
    print(_ecovadis_counts(result.matched, result.possible, result.unmatched))
    if result.by_person:
        print(f"{result.by_person:,} of them as a person decided for the same company before.")
    if result.replaced:
        print(f"Replaced the EcoVadis list #{', #'.join(map(str, result.replaced))} (kept in the history).")
    for problem in result.problems[:20]:
        print(f"Note: {problem}")
    if len(result.problems) > 20:
        print(f"… and {len(result.problems) - 20} more notes.")


def _ecovadis_counts(matched: int, possible: int, unmatched: int) -> str:
    return (f"{matched:,} matched to a site, {possible:,} possible (for a person to check), "
            f"{unmatched:,} not matched.")


def _ecovadis_list(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.ecovadis import ecovadis_entries

    entries = ecovadis_entries(store)
    if not entries:
        print("No EcoVadis list yet; import one with: aimdesk --workspace W ecovadis import FILE")
        return
    rows = [("id", "status", "company", "country", "year", "site", "score", "by")]
    rows += [(str(e.id), e.status, e.company, e.country or "", str(e.year or ""), e.site_public_id,
              f"{e.score * 100:.0f} %" if e.site_id is not None and e.score else "",
              f"{e.basis} ({e.decided_by})" if e.decided_by else e.basis) for e in entries]
    _print_table(rows, right_aligned=(0, 6))


def _ecovadis_match(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.ecovadis import rematch_ecovadis

    result = rematch_ecovadis(store, who=_current_user())
    print(f"Matched the {result.entries:,} companies of EcoVadis list #{result.list_id} again: "
          + _ecovadis_counts(result.matched, result.possible, result.unmatched))


def _ecovadis_confirm(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.ecovadis import confirm_ecovadis_match
    from aimdesk.core.store.sites import site_by_public_id

    site = site_by_public_id(store, args.site)
    if site is None:
        raise AimDeskError(f"There is no site {args.site} in use; see the candidates' site ids with: aimdesk "
                           "ecovadis list, or every record's site in: aimdesk export-records OUT.csv")
    entry = confirm_ecovadis_match(store, args.entry, site, who=_current_user())
    print(f"Confirmed: {entry.company} ({entry.country or 'no country'}) is site {entry.site_public_id}; "
          "the next lists naming this company in this country keep it.")


def _ecovadis_reject(store: Store, args: argparse.Namespace) -> None:
    from aimdesk.core.ecovadis import reject_ecovadis_match

    entry = reject_ecovadis_match(store, args.entry, who=_current_user())
    print(f"Rejected: {entry.company} ({entry.country or 'no country'}) is left without a site; the next lists "
          "naming this company in this country keep it so, until a site is confirmed.")


def _run_hria(args: argparse.Namespace) -> int:
    from aimdesk.core.hria import add_hria, hria_entries, remove_hria
    from aimdesk.core.ingest.countries import country_name
    from aimdesk.core.store.members import member_name

    with Store.open(args.workspace) as store:
        if args.hria_action == "add":
            entry = add_hria(store, member_id=_existing_member(store, args.member), country=args.country,
                             sector=args.sector, scope=args.scope, year=args.year, contact_note=args.contact,
                             who=_current_user())
            print(f"Added HRIA #{entry.id}: {country_name(entry.country)}, {entry.commodity_or_sector}, "
                  f"{entry.year}.")
        elif args.hria_action == "remove":
            remove_hria(store, args.entry, who=_current_user())
            print(f"Removed HRIA #{args.entry} from the register (it stays in the history).")
        else:
            entries = hria_entries(store)
            if not entries:
                print("The register is empty; add an assessment with: aimdesk --workspace W hria add …")
                return 0
            rows = [("id", "country", "sector", "scope", "year", "member", "contact note")]
            rows += [(str(e.id), e.country, e.commodity_or_sector, e.scope, str(e.year),
                      member_name(store, e.member_id), e.contact_note) for e in entries]
            _print_table(rows, right_aligned=(0,))
    return 0


def _run_check_planned(args: argparse.Namespace) -> int:
    import datetime as dt

    from aimdesk.core.export.planned_check import check_planned, write_planned_check

    _existing_folder(args.out)
    options = ImportOptions(member=args.member, sheet=args.sheet, header_row=args.header_row,
                            mapping=parse_overrides(args.map))
    with Store.open(args.workspace) as store:
        check = check_planned(store, args.file, member=args.member, options=options, progress=_progress,
                              as_of=dt.date.fromisoformat(args.as_of) if args.as_of else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    _writing(args.out, lambda: write_planned_check(check, args.out))
    found = check.with_candidates
    print(f"Checked {len(check.rows):,} planned suppliers of {check.member} against the {check.sites_listed:,} "
          f"sites of the common list as of {check.as_of}: {found:,} with an audited site found, "
          f"{len(check.rows) - found:,} without.")
    print(f"Wrote the candidates and {found:,} report-request texts to {args.out}.")
    return 0


def _run_export_common(args: argparse.Namespace) -> int:
    import datetime as dt

    from aimdesk.core.export.common_document import common_options, write_common_document

    _existing_folder(args.out)
    as_of = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    with Store.open(args.workspace) as store:
        options = common_options(store, as_of)
        edition = write_common_document(store, args.out, options, who=_current_user(), progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{edition.sites:,} sites, {edition.records:,} records from {edition.members} eligible members, "
          f"as of {edition.as_of} (audits since {options.window_start}); "
          f"{edition.countries} {'country' if edition.countries == 1 else 'countries'}.")
    for note in edition.generalised:
        print(f"Generalised: {note}")
    print(f"Wrote {args.out} (edition {edition.id}, SHA-256 {edition.sha256[:16]}…).")
    return 0


def _run_editions(args: argparse.Namespace) -> int:
    from aimdesk.core.export.common_document import edition_diff, list_editions

    with Store.open(args.workspace) as store:
        if args.editions_action == "diff":
            diff = edition_diff(store, args.older, args.newer)
        else:
            editions = list_editions(store)
            if not editions:
                print("No editions yet; write one with: aimdesk --workspace W export-common OUT.xlsx")
                return 0
            rows = [("id", "as of", "written", "by", "file", "sites", "records", "members", "countries", "sha256")]
            rows += [(str(e.id), e.as_of, e.written_at[:16].replace("T", " "), e.written_by or "unknown", e.file_name,
                      f"{e.sites:,}", f"{e.records:,}", str(e.members), str(e.countries), e.sha256[:12])
                     for e in editions]
            _print_table(rows, right_aligned=(0, 5, 6, 7, 8))
            return 0
    print(f"Edition {diff.older.id} (as of {diff.older.as_of}) → edition {diff.newer.id} (as of {diff.newer.as_of}): "
          + ", ".join(f"{name} {old:,} → {new:,}" for name, (old, new) in diff.counts.items()) + ".")
    print(f"{len(diff.added):,} site{'s' * (len(diff.added) != 1)} added, {len(diff.dropped):,} dropped, "
          f"{len(diff.changed):,} changed.")
    for label, sites in (("Added", diff.added), ("Dropped", diff.dropped)):
        if sites:
            print(f"{label}: {', '.join(sites)}")
    if diff.changed:
        print("Changed:")
        for site, what in diff.changed:
            print(f"  {site}: {what}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _run_import,
    "members": _run_members,
    "export-records": _run_export_records,
    "demo": _run_demo,
    "match": _run_match,
    "explain": _run_explain,
    "decide": _run_decide,
    "review": _run_review,
    "undo": _run_undo,
    "redo": _run_redo,
    "history": _run_history,
    "benchmark": _run_benchmark,
    "member-status": _run_member_status,
    "export-common": _run_export_common,
    "editions": _run_editions,
    "ecovadis": _run_ecovadis,
    "hria": _run_hria,
    "check-planned": _run_check_planned,
}

"""The window's jobs on a workspace: each wraps one core function, and says in a sentence
what it did (the status bar shows it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from aimdesk.core.benchmark.assessments import assessment_score, get_assessment
from aimdesk.core.benchmark.catalogues import get_catalogue
from aimdesk.core.benchmark.questionnaire import write_questionnaire
from aimdesk.core.benchmark.report import report_html, report_title, write_report_xlsx
from aimdesk.core.ecovadis import import_ecovadis
from aimdesk.core.export.common_document import write_common_document
from aimdesk.core.export.common_rows import common_options
from aimdesk.core.export.planned_check import check_planned, write_planned_check
from aimdesk.core.export.records import export_records_csv
from aimdesk.core.export.review_packet import PacketImport, import_review_packet, write_review_packet
from aimdesk.core.matching.run import MatchReport, run_matching
from aimdesk.core.matching.undo import redo, undo, undo_pairs
from aimdesk.core.progress import CancelToken, Progress, check
from aimdesk.core.store.workspace import Store
from aimdesk.demo.build import make_demo
from aimdesk.gui.jobs import Job, workspace_job
from aimdesk.gui.pdf import write_pdf

SITES, DECISIONS, EDITIONS = "sites", "decisions", "editions"
"""What a job changes (`Job.changes`): the window re-reads the workspace after it."""


def matching_job(workspace: Path, *, who: str, full: bool) -> Job:
    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        report = run_matching(store, full=full, who=who, progress=progress, cancel=cancel)
        return describe_matching(report)

    return workspace_job(workspace, "Full matching run" if full else "Matching", work, changes=SITES)


def describe_matching(report: MatchReport) -> str:
    return (f"Matching finished in {report.seconds:.0f} s: {report.sites:,} sites, "
            f"{report.multi_member_sites:,} of them audited by two or more members; "
            f"{report.review_pairs + report.held_pairs:,} pairs to review.")


@dataclass(frozen=True, slots=True)
class UndoDone:
    """An action taken back (or applied again), and the pairs it changed."""

    label: str
    pairs: list[tuple[int, int]]
    redone: bool

    def describe(self) -> str:
        return f"{'Redone' if self.redone else 'Undone'}: {self.label}" if self.label else "Nothing to undo."


def undo_job(workspace: Path, *, who: str, redo_it: bool = False) -> Job:
    """Undo (or redo) the latest action on decisions and sites; the sites follow at once."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> UndoDone:
        undo_pairs_, redo_pairs = undo_pairs(store)
        if redo_it:
            return UndoDone(redo(store, who=who, progress=progress, cancel=cancel) or "", redo_pairs, True)
        return UndoDone(undo(store, who=who, progress=progress, cancel=cancel) or "", undo_pairs_, False)

    return workspace_job(workspace, "Redo" if redo_it else "Undo", work, changes=SITES)


def backup_job(workspace: Path, target: Path) -> Job:
    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        check(cancel)
        store.backup(target)
        return f"Copy saved: {target}"

    return workspace_job(workspace, "Saving a copy", work)


def export_records_job(workspace: Path, target: Path) -> Job:
    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        count = export_records_csv(store, target)
        return f"{count:,} records written to {target.name}."

    return workspace_job(workspace, "Exporting records", work)


def export_packet_job(workspace: Path, target: Path, *, who: str) -> Job:
    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        packet = write_review_packet(store, target, who=who)
        return f"Review packet {packet.packet_id}: {packet.rows:,} pairs written to {target.name}."

    return workspace_job(workspace, "Exporting a review packet", work)


def import_packet_job(workspace: Path, packet: Path, *, who: str) -> Job:
    def work(store: Store, progress: Progress, cancel: CancelToken) -> PacketImported:
        return PacketImported(packet.name, import_review_packet(store, packet, reviewer=who))

    return workspace_job(workspace, "Importing a review packet", work, changes=DECISIONS)


@dataclass(frozen=True, slots=True)
class PacketImported:
    """What the import of one packet file did, row by row."""

    file_name: str
    result: PacketImport

    def describe(self) -> str:
        return describe_packet_import(self.result, self.file_name)


def describe_packet_import(result: PacketImport, name: str) -> str:
    counts = result.counts
    if result.is_repeat:
        return f"{name} (packet {result.packet_id}) was imported before: nothing changed."
    conflicts = (f" {counts['conflict']:,} disagree with an earlier decision: settle them under "
                 "Review ▸ Conflicts." if counts["conflict"] else "")
    return (f"{name}: {counts['applied']:,} decisions applied, {counts['skipped']:,} skipped, "
            f"{counts['blank']:,} rows left blank.{conflicts}")


def demo_job(folder: Path, *, who: str) -> Job:
    """Make the demo data set and workspace in `folder`, and match it; the result is the
    workspace path."""

    def work(progress: Progress, cancel: CancelToken) -> Path:
        workspace = make_demo(folder, who=who, progress=progress)
        with Store.open(workspace) as store:
            run_matching(store, who=who, progress=progress, cancel=cancel)
        return workspace

    return Job("Building the demo workspace", work, changes=SITES)


def benchmark_report_job(workspace: Path, assessment_id: int, revision: int, target: Path) -> Job:
    """A benchmark's report as PDF (Qt's writer) or xlsx, written in the background."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        assessment = get_assessment(store, assessment_id, revision)
        catalogue = get_catalogue(store, assessment.catalogue_key, assessment.catalogue_version)
        result = assessment_score(store, assessment)
        if target.suffix.lower() == ".pdf":
            write_pdf(report_html(assessment, catalogue, result), target, title=report_title(assessment))
        else:
            write_report_xlsx(assessment, catalogue, result, target)
        return f"Benchmark report written to {target.name}."

    return workspace_job(workspace, "Writing the benchmark report", work)


def questionnaire_job(workspace: Path, key: str, version: int, target: Path) -> Job:
    """A blank questionnaire of one catalogue version, for a member to fill in."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        catalogue = get_catalogue(store, key, version)
        write_questionnaire(catalogue, target)
        return f"Questionnaire ({catalogue.label}) written to {target.name}."

    return workspace_job(workspace, "Writing a questionnaire", work)


def common_document_job(workspace: Path, target: Path, as_of: dt.date, *, who: str) -> Job:
    """The common document as of a date, checked for disclosure and kept as an edition."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        edition = write_common_document(store, target, common_options(store, as_of), who=who)
        return (f"Common document as of {as_of:%Y-%m-%d}: {edition.sites:,} sites from {edition.members:,} "
                f"eligible members written to {target.name} (edition {edition.id}).")

    return workspace_job(workspace, "Writing the common document", work, changes=EDITIONS)


def planned_check_job(workspace: Path, planned: Path, member: str, target: Path) -> Job:
    """A member's planned audits checked against the common list (nothing is imported)."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        check = check_planned(store, planned, member=member)
        write_planned_check(check, target)
        found = sum(1 for row in check.rows if row.candidates)
        return (f"{found:,} of {len(check.rows):,} planned suppliers have an audited site in the common list; "
                f"written to {target.name}.")

    return workspace_job(workspace, "Checking planned audits", work)


def ecovadis_job(workspace: Path, source: Path, *, who: str) -> Job:
    """A new EcoVadis list, matched to the sites; it replaces the previous one."""

    def work(store: Store, progress: Progress, cancel: CancelToken) -> str:
        result = import_ecovadis(store, source, who=who)
        return (f"EcoVadis list {source.name}: {result.entries:,} suppliers, {result.matched:,} matched to a "
                f"site, {result.possible:,} possible, {result.unmatched:,} without one.")

    return workspace_job(workspace, "Importing the EcoVadis list", work, changes=EDITIONS)

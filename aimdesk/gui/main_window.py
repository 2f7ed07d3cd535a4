"""The main window: menus, toolbar, the pages of an open workspace, and the job in progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget, QMainWindow, QMenu,
                               QMessageBox, QStackedWidget, QWidget)

from aimdesk import __version__
from aimdesk.core.errors import AimDeskError
from aimdesk.core.export.editions import edition_diff
from aimdesk.core.matching.undo import undo_status
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import RecordQuery, count_active_records
from aimdesk.core.store.sites import SiteQuery
from aimdesk.core.store.workspace import WORKSPACE_SUFFIX, Store
from aimdesk.demo.build import DEMO_WORKSPACE_NAME
from aimdesk.gui.context import AppContext
from aimdesk.gui.crash import show_error
from aimdesk.gui.dashboard_page import DashboardPage
from aimdesk.gui.empty_state import EmptyState
from aimdesk.gui.formatting import LIST_SUFFIXES, plural
from aimdesk.gui.help import show_user_guide
from aimdesk.gui.import_wizard import ImportWizard
from aimdesk.gui.imports_page import ImportsPage
from aimdesk.gui.job_status import JobStatus
from aimdesk.gui.jobs import ANOTHER_JOB, Job, JobFailure, JobRunner
from aimdesk.gui.members_page import MembersPage
from aimdesk.gui.records_page import RecordsPage
from aimdesk.gui.sites_page import SitesPage
from aimdesk.gui.review.packet_report import PacketReportDialog
from aimdesk.gui.review.packet_window import PacketWindow
from aimdesk.gui.review.review_page import ReviewPage
from aimdesk.gui.review.site_editor import SiteEditor
from aimdesk.gui.benchmark.protocols_page import ProtocolsPage, ask_report_path
from aimdesk.gui.exports.common_dialog import CommonDialog
from aimdesk.gui.exports.diff_dialog import DiffDialog
from aimdesk.gui.exports.ecovadis_dialog import EcoVadisDialog
from aimdesk.gui.exports.exports_page import ExportsPage
from aimdesk.gui.exports.hria_dialog import HriaDialog
from aimdesk.gui.exports.planned_dialog import PlannedDialog
from aimdesk.gui.workspace_jobs import (PacketImported, UndoDone, backup_job, benchmark_report_job,
                                        common_document_job, demo_job, export_packet_job,
                                        export_records_job, import_packet_job, matching_job, planned_check_job,
                                        questionnaire_job, undo_job)

APP_TITLE = "AIMDesk"
Shortcut = QKeySequence | QKeySequence.StandardKey | str
FILE_FILTER = f"AIMDesk workspaces (*{WORKSPACE_SUFFIX});;All files (*)"
STATUS_MESSAGE_MS = 15_000

ABOUT_TEXT = (
    f"<h3>AIMDesk {__version__}</h3>"
    "<p>Mutual recognition of supplier audits, offline: member lists pooled into one "
    "workspace, matched, and shared back as one aggregated, anonymous common list.</p>"
)
PAGE_NAMES = ("Dashboard", "Members", "Imports", "Records", "Sites", "Review", "Protocols", "Exports")


class MainWindow(QMainWindow):
    """One window, at most one open workspace. The `Store` lives on the GUI thread; jobs
    open their own."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.runner = JobRunner(self)
        self.import_wizard: ImportWizard | None = None
        self.dashboard_page = DashboardPage()
        self.members_page = MembersPage(context.user)
        self.imports_page = ImportsPage()
        self.records_page = RecordsPage()
        self.sites_page = SitesPage()
        self.review_page = ReviewPage(context.user)
        self.protocols_page = ProtocolsPage(context.user)
        self.exports_page = ExportsPage()
        self.page_widgets = (self.dashboard_page, self.members_page, self.imports_page, self.records_page,
                             self.sites_page, self.review_page, self.protocols_page, self.exports_page)
        self.navigation = QListWidget()
        self.navigation.addItems(PAGE_NAMES)
        self.navigation.setFixedWidth(120)
        self.navigation.setStyleSheet("QListWidget { border: none; font-size: 11pt; } "
                                      "QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        for page in self.page_widgets:
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self._page_chosen)
        self._stale: set[QWidget] = set()
        """Pages not shown since the workspace changed: they re-read it when shown."""
        workspace_view = QWidget()
        row = QHBoxLayout(workspace_view)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.empty_state = EmptyState()
        self.views = QStackedWidget()
        self.views.addWidget(self.empty_state)
        self.views.addWidget(workspace_view)
        self.setCentralWidget(self.views)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.job_status = JobStatus(self.runner)
        self.statusBar().addPermanentWidget(self.job_status)
        self.setAcceptDrops(True)

        self._build_menus()
        self._build_toolbar()
        self._connect()
        geometry = context.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 780)
        header = context.settings.records_header_state()
        if header is not None:
            self.records_page.restore_header_state(header)
        self._show_workspace()

    # -- menus and toolbar ----------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(file_menu, "&New workspace…", QKeySequence.StandardKey.New,
                                       self.new_workspace)
        self.open_action = self._action(file_menu, "&Open…", QKeySequence.StandardKey.Open,
                                        self.choose_workspace)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.demo_action = self._action(file_menu, "Open the &demo workspace", None, self.open_demo)
        self._action(file_menu, "Review a &packet file…", None, self.review_packet_file)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, "Save a &copy / back up now…", "Ctrl+Shift+S",
                                          self.save_copy)
        self.close_action = self._action(file_menu, "&Close workspace", "Ctrl+W", self.close_workspace)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action(edit_menu, "&Undo", QKeySequence.StandardKey.Undo, lambda: self.undo(False))
        self.redo_action = self._action(edit_menu, "&Redo", "Ctrl+Shift+Z", lambda: self.undo(True))
        edit_menu.aboutToShow.connect(self._update_undo)

        import_menu = bar.addMenu("&Import")
        self.import_action = self._action(import_menu, "Import a supplier &list…", "Ctrl+I",
                                          lambda: self.import_list(None))
        match_menu = bar.addMenu("&Match")
        self.match_action = self._action(match_menu, "&Run matching", "Ctrl+M", lambda: self.run_matching(False))
        self.full_match_action = self._action(match_menu, "Run matching on &everything again", "Ctrl+Shift+M",
                                              lambda: self.run_matching(True))
        review_menu = bar.addMenu("Re&view")
        self.export_packet_action = self._action(review_menu, "&Export review packet…", None, self.export_packet)
        self.import_packet_action = self._action(review_menu, "&Import review packet…", None, self.import_packet)
        protocols_menu = bar.addMenu("&Protocols")
        self.protocols_action = self._action(protocols_menu, "&Benchmarks", None, lambda: self.show_page(self.protocols_page))
        self.new_benchmark_action = self._action(protocols_menu, "&New benchmark…", None, self.new_benchmark)
        export_menu = bar.addMenu("E&xport")
        self.common_action = self._action(export_menu, "&Common document…", "Ctrl+E", self.export_common)
        self.planned_action = self._action(export_menu, "Check &planned audits…", None, self.check_planned)
        export_menu.addSeparator()
        self.ecovadis_action = self._action(export_menu, "&EcoVadis list…", None, self.show_ecovadis)
        self.hria_action = self._action(export_menu, "&HRIA register…", None, self.show_hria)
        export_menu.addSeparator()
        self.export_records_action = self._action(export_menu, "&Records (CSV)…", None, self.export_records)

        view_menu = bar.addMenu("&View")
        self.page_actions = [self._action(view_menu, f"&{name}", f"Ctrl+{number}",
                                          lambda _=False, n=number - 1: self.show_page(self.page_widgets[n]))
                             for number, name in enumerate(PAGE_NAMES, start=1)]
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&User guide", QKeySequence.StandardKey.HelpContents,
                     lambda: show_user_guide(self))
        self._action(help_menu, "Show the &log file", None, self._show_log)
        about = self._action(help_menu, "&About AIMDesk", None, self._show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar("Daily work")
        toolbar.setObjectName("daily_work")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_action, self.match_action, self.export_packet_action,
                       self.import_packet_action, self.backup_action):
            toolbar.addAction(action)

    def _action(self, menu: QMenu, text: str, shortcut: Shortcut | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        self.empty_state.new_requested.connect(self.new_workspace)
        self.empty_state.open_requested.connect(self.choose_workspace)
        self.empty_state.recent_requested.connect(self.open_workspace)
        self.empty_state.demo_requested.connect(self.open_demo)
        self.members_page.member_activated.connect(
            lambda member_id: self.show_records(RecordQuery(member_id=member_id)))
        self.dashboard_page.show_records.connect(self.show_records)
        self.dashboard_page.show_sites.connect(self.show_sites)
        self.dashboard_page.show_page.connect(
            lambda name: self.show_page(self.page_widgets[PAGE_NAMES.index(name.capitalize())]))
        self.review_page.export_packet.connect(self.export_packet)
        self.review_page.import_packet.connect(self.import_packet)
        self.review_page.apply_requested.connect(lambda: self.run_matching(False))
        self.review_page.decided.connect(self._decisions_changed)
        self.sites_page.edit_site.connect(self.edit_site)
        self.protocols_page.changed.connect(self._benchmarks_changed)
        self.protocols_page.report_requested.connect(self.write_benchmark_report)
        self.protocols_page.questionnaire_requested.connect(self.write_questionnaire)
        self.members_page.status_changed.connect(self._benchmarks_changed)
        self.review_page.edit_site.connect(self.edit_site)
        self.review_page.decided.connect(self._update_undo)
        self.exports_page.export_records.connect(self.export_records)
        self.exports_page.common_requested.connect(self.export_common)
        self.exports_page.planned_requested.connect(self.check_planned)
        self.exports_page.ecovadis_requested.connect(self.show_ecovadis)
        self.exports_page.hria_requested.connect(self.show_hria)
        self.exports_page.diff_requested.connect(self.show_edition_diff)
        self.runner.finished.connect(self._job_finished)
        self.runner.failed.connect(self._job_failed)
        self.runner.cancelled.connect(
            lambda job: self.statusBar().showMessage(f"{job.title} cancelled; nothing was changed.", STATUS_MESSAGE_MS))
        self.runner.started.connect(lambda _title: self._update_actions())
        self.runner.idle.connect(self._update_actions)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.context.settings.recent_workspaces() if p.exists()]
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}   —   {path.parent}")
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_workspace(p))
        if not recent:
            self.recent_menu.addAction("No recent workspaces").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear list", self._clear_recent)

    def _clear_recent(self) -> None:
        self.context.settings.clear_recent_workspaces()
        self.empty_state.set_recent([])

    # -- workspace ------------------------------------------------------------------------

    def choose_workspace(self) -> None:
        """File ▸ Open…: ask for a workspace file and open it."""
        start = str(self.store.path.parent) if self.store else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open workspace", start, FILE_FILTER)
        if name:
            self.open_workspace(Path(name))

    def new_workspace(self) -> None:
        """File ▸ New workspace…: ask for a file name and create an empty workspace there."""
        name, _ = QFileDialog.getSaveFileName(
            self, "New workspace", f"Common list{WORKSPACE_SUFFIX}", FILE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != WORKSPACE_SUFFIX:
            path = path.with_name(path.name + WORKSPACE_SUFFIX)
        self._switch_to(path, Store.create)

    def open_workspace(self, path: Path) -> bool:
        """Open `path` in place of the current workspace; False (and a message) if it cannot."""
        return self._switch_to(Path(path), Store.open)

    def open_demo(self) -> None:
        """Open the demo workspace, building it (with its data files) the first time."""
        folder = Path(platformdirs.user_data_dir(APP_TITLE, APP_TITLE)) / "demo"
        if (folder / DEMO_WORKSPACE_NAME).exists():
            self.open_workspace(folder / DEMO_WORKSPACE_NAME)
        else:
            self._start(demo_job(folder, who=self.context.user))

    def _switch_to(self, path: Path, opener: Callable[[Path], Store]) -> bool:
        if self.runner.busy:
            return False
        try:
            store = opener(path)
        except AimDeskError as error:
            show_error(self, str(error), title="Cannot open workspace")
            if not path.exists():
                self.context.settings.forget_workspace(path)
            return False
        self._close_store()
        self.store = store
        self.context.settings.remember_workspace(path)
        self._show_workspace()
        return True

    def close_workspace(self) -> None:
        """File ▸ Close workspace: back to the welcome page; not reopened at next start."""
        if self.store is None or self.runner.busy:
            return
        self._close_store()
        self.context.settings.clear_last_workspace()
        self._show_workspace()

    def refresh(self) -> None:
        """Re-read everything shown from the workspace (after it changed)."""
        self._show_workspace(keep_page=True)

    def _close_store(self) -> None:
        if self.store is not None:
            for page in self.page_widgets:
                page.set_store(None)
            self.store.close()
            self.store = None

    def _show_workspace(self, *, keep_page: bool = False) -> None:
        store = self.store
        self._update_actions()
        if store is None:
            self.setWindowTitle(APP_TITLE)
            self.status_label.setText("No workspace open")
            self.empty_state.set_recent(self.context.settings.recent_workspaces())
            self.views.setCurrentWidget(self.empty_state)
            return
        self._stale = set(self.page_widgets)
        self._refresh_page(self.stack.currentWidget())
        self.setWindowTitle(f"{APP_TITLE} — {store.path.name}")
        members, records = len(list_members(store)), count_active_records(store)
        self.status_label.setText(f"{store.path.name}   ·   {plural(members, 'member')} · {plural(records, 'record')}")
        self.status_label.setToolTip(str(store.path))
        self.views.setCurrentWidget(self.stack.parentWidget())
        if not keep_page:
            self.show_page(self.dashboard_page if records else self.imports_page)

    def _update_actions(self) -> None:
        has_store, busy = self.store is not None, self.runner.busy
        for action in (self.import_action, self.match_action, self.full_match_action,
                       self.import_packet_action, self.export_packet_action, self.export_records_action,
                       self.common_action, self.planned_action, self.ecovadis_action, self.hria_action,
                       self.backup_action):
            action.setEnabled(has_store and not busy)
        for action in (self.new_action, self.open_action, self.close_action, self.demo_action):
            action.setEnabled(not busy and (has_store or action is not self.close_action))
        for action in [*self.page_actions, self.protocols_action, self.new_benchmark_action]:
            action.setEnabled(has_store)
        for page in (self.review_page, self.protocols_page, self.members_page):
            page.set_busy(busy)
        self._update_undo()

    def _update_undo(self) -> None:
        """Undo and Redo say what they would take back or apply again."""
        undo_label, redo_label = undo_status(self.store) if self.store is not None else (None, None)
        busy = self.runner.busy
        self.undo_action.setText(f"&Undo {undo_label}" if undo_label else "&Undo")
        self.redo_action.setText(f"&Redo {redo_label}" if redo_label else "&Redo")
        self.undo_action.setEnabled(bool(undo_label) and not busy)
        self.redo_action.setEnabled(bool(redo_label) and not busy)

    def new_benchmark(self) -> None:
        """Protocols ▸ New benchmark…: the wizard, from the Protocols page."""
        if self.store is not None:
            self.show_page(self.protocols_page)
            self.protocols_page.open_wizard(None)

    def _benchmarks_changed(self) -> None:
        """Eligibility shows on Members and the dashboard: they re-read when shown."""
        self._stale = set(self.page_widgets) - {self.stack.currentWidget()}

    def write_benchmark_report(self, assessment_id: int, revision: int, suffix: str) -> None:
        if self.store is None:
            return
        target = ask_report_path(self, self.store.path.parent / f"benchmark {assessment_id}", suffix)
        if target is not None:
            self._start(benchmark_report_job(self.store.path, assessment_id, revision, target))

    def write_questionnaire(self, key: str, version: int) -> None:
        target = self._ask_save("Blank questionnaire", f"questionnaire {key} v{version}.xlsx", "Excel workbook (*.xlsx)")
        if target is not None and self.store is not None:
            self._start(questionnaire_job(self.store.path, key, version, target))

    def edit_site(self, site_id: int) -> SiteEditor | None:
        """The cluster editor on one site (internal id)."""
        if self.store is None:
            return None
        editor = SiteEditor(self.store.path, self.runner, site_id, who=self.context.user, parent=self)
        editor.open()
        return editor

    def undo(self, redo_it: bool) -> None:
        """Edit ▸ Undo / Redo: through the workspace's decision log; sites follow at once."""
        if self.store is not None:
            self._start(undo_job(self.store.path, who=self.context.user, redo_it=redo_it))

    def _decisions_changed(self) -> None:
        """Other pages count decisions and pairs to review: they re-read when shown."""
        self._stale = set(self.page_widgets) - {self.review_page}

    # -- navigation ------------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        """Bring `page` (one of `page_widgets`) to the front."""
        if self.store is not None:
            self.navigation.setCurrentRow(self.page_widgets.index(page))

    def _page_chosen(self, row: int) -> None:
        page = self.page_widgets[row]
        self._refresh_page(page)
        self.stack.setCurrentWidget(page)

    def _refresh_page(self, page: QWidget) -> None:
        """Let a page re-read the workspace if it changed since the page was last shown:
        after a job only the page in front reads at once (the window stays quick)."""
        if page in self._stale and self.store is not None:
            self._stale.discard(page)
            page.set_store(self.store)  # type: ignore[attr-defined]

    def show_records(self, query: RecordQuery) -> None:
        """The Records page filtered as `query` says (from the dashboard and Members)."""
        self.show_page(self.records_page)
        self.records_page.show_query(query)

    def show_sites(self, query: SiteQuery) -> None:
        self.show_page(self.sites_page)
        self.sites_page.show_query(query)

    # -- daily work ------------------------------------------------------------------------------

    def import_list(self, path: Path | None) -> None:
        """Import ▸ Import a supplier list…: the wizard (on `path` when a file was dropped)."""
        if self.store is None:
            return
        wizard = ImportWizard(self.store, self.runner, self.context.settings, self.context.user, path, self)
        wizard.imported.connect(lambda _report: self.refresh())
        wizard.match_requested.connect(lambda: self.run_matching(False))
        self.import_wizard = wizard
        wizard.open()

    def run_matching(self, full: bool) -> None:
        if self.store is not None:
            self._start(matching_job(self.store.path, who=self.context.user, full=full))

    def save_copy(self) -> None:
        if self.store is None:
            return
        suggested = self.store.path.with_name(f"{self.store.path.stem} copy{WORKSPACE_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(self, "Save a copy of the workspace", str(suggested), FILE_FILTER)
        if name:
            self._start(backup_job(self.store.path, Path(name)))

    def export_records(self) -> None:
        target = self._ask_save("Export records", "records.csv", "CSV for Excel (*.csv)")
        if target is not None and self.store is not None:
            self._start(export_records_job(self.store.path, target))

    def export_common(self) -> None:
        """Export ▸ Common document…: as of a date, xlsx or csv; kept as an edition."""
        if self.store is None:
            return
        dialog = CommonDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if dialog.exec() != CommonDialog.DialogCode.Accepted:
            return
        as_of, suffix = dialog.as_of(), dialog.suffix()
        kinds = "Excel workbook (*.xlsx)" if suffix == ".xlsx" else "CSV for Excel (*.csv)"
        target = self._ask_save("Common document", f"common list {as_of:%Y-%m-%d}{suffix}", kinds)
        if target is not None:
            self._start(common_document_job(self.store.path, target, as_of, who=self.context.user))

    def check_planned(self) -> None:
        """Export ▸ Check planned audits…: a member's planned list against the common list."""
        if self.store is None:
            return
        dialog = PlannedDialog(self.store, self.context.settings.last_import_folder() or self.store.path.parent, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        accepted = dialog.exec() == PlannedDialog.DialogCode.Accepted
        planned, member = (dialog.planned_file(), dialog.member()) if accepted else (None, "")
        if planned is None:
            return
        target = self._ask_save("Planned-audit check", f"{planned.stem} checked.xlsx", "Excel workbook (*.xlsx)")
        if target is not None:
            self._start(planned_check_job(self.store.path, planned, member, target))

    def show_ecovadis(self) -> None:
        """Export ▸ EcoVadis list…: the entries, their sites, a new list imported."""
        if self.store is not None:
            EcoVadisDialog(self.store, self.runner, self.context.user, self).open()

    def show_hria(self) -> None:
        if self.store is not None:
            HriaDialog(self.store, self.context.user, self).open()

    def show_edition_diff(self, older: int, newer: int) -> None:
        if self.store is not None:
            DiffDialog(edition_diff(self.store, older, newer), older, newer, self).open()

    def export_packet(self) -> None:
        target = self._ask_save("Export review packet", "review packet.xlsx", "Excel workbook (*.xlsx);;CSV (*.csv)")
        if target is not None and self.store is not None:
            self._start(export_packet_job(self.store.path, target, who=self.context.user))

    def import_packet(self) -> None:
        if self.store is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, "Import review packet", str(self.store.path.parent),
                                              "Review packets (*.xlsx *.csv)")
        if not name:
            return
        settings = self.context.settings
        reviewer, ok = QInputDialog.getText(
            self, "Import review packet", f"Who filled in {Path(name).name}? (kept with each decision)",
            text=settings.last_packet_reviewer() or self.context.user)
        if ok and reviewer.strip():
            settings.set_last_packet_reviewer(reviewer.strip())
            self._start(import_packet_job(self.store.path, Path(name), who=reviewer.strip()))

    def review_packet_file(self, path: Path | None = None) -> PacketWindow | None:
        """File ▸ Review a packet file…: decide a packet's pairs without the workspace."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, "Review a packet file", str(Path.home()),
                                                  "Review packets (*.xlsx *.csv)")
            if not name:
                return None
            path = Path(name)
        try:
            window = PacketWindow(path, self)
        except AimDeskError as error:
            show_error(self, str(error), title="Review a packet file")
            return None
        window.show()
        return window

    def _ask_save(self, title: str, file_name: str, filters: str) -> Path | None:
        if self.store is None:
            return None
        name, _ = QFileDialog.getSaveFileName(self, title, str(self.store.path.parent / file_name), filters)
        return Path(name) if name else None

    def _start(self, job: Job) -> None:
        if not self.runner.start(job):
            self.statusBar().showMessage(ANOTHER_JOB,
                                         STATUS_MESSAGE_MS)

    def _job_finished(self, job: Job, result: object) -> None:
        if isinstance(result, Path) and result.suffix == WORKSPACE_SUFFIX:
            self.open_workspace(result)
            return
        if isinstance(result, str):
            self.statusBar().showMessage(result, STATUS_MESSAGE_MS)
        if job.changes:
            self.refresh()
        if isinstance(result, UndoDone):
            self.statusBar().showMessage(result.describe(), STATUS_MESSAGE_MS)
            if self.stack.currentWidget() is self.review_page:
                self.review_page.after_undo(result.pairs, redone=result.redone)
        if isinstance(result, PacketImported):
            self.statusBar().showMessage(result.describe(), STATUS_MESSAGE_MS)
            PacketReportDialog(result, self).open()

    def _job_failed(self, job: Job, failure: JobFailure) -> None:
        show_error(self, failure.message, details="" if failure.expected else failure.details,
                   title=job.title)

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.store is not None and not self.runner.busy and _dropped_list(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_list(event)
        if path is not None:
            event.acceptProposedAction()
            self.import_list(path)

    # -- the rest ------------------------------------------------------------------------------

    def _show_about(self) -> None:
        QMessageBox.about(self, "About AIMDesk", ABOUT_TEXT + f"<p>Log file: {self.context.log_path}</p>")

    def _show_log(self) -> None:
        QMessageBox.information(self, "Log file", f"AIMDesk writes what went wrong to:\n{self.context.log_path}")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.busy:
            answer = QMessageBox.question(
                self, "A job is running", f"“{self.runner.current.title if self.runner.current else 'A job'}” "
                "is still running. Cancel it and quit? The workspace stays as it was before it.")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.runner.cancel()
            self.runner.wait()
        self.dashboard_page.wait()
        settings = self.context.settings
        settings.set_window_geometry(self.saveGeometry())
        settings.set_records_header_state(self.records_page.header_state())
        settings.sync()
        self._close_store()
        event.accept()


def _dropped_list(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one supplier list being dropped, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in LIST_SUFFIXES else None

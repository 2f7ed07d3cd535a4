"""The main window: menus, the Members and Records pages, and the open workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QTabWidget, QWidget,
)

from aimdesk import __version__
from aimdesk.core.errors import AimDeskError
from aimdesk.core.store.members import list_members
from aimdesk.core.store.records import count_active_records
from aimdesk.core.store.workspace import WORKSPACE_SUFFIX, Store
from aimdesk.gui.context import AppContext
from aimdesk.gui.empty_state import EmptyState
from aimdesk.gui.formatting import plural
from aimdesk.gui.members_page import MembersPage
from aimdesk.gui.records_page import RecordsPage

APP_TITLE = "AIMDesk"
Shortcut = QKeySequence | QKeySequence.StandardKey
FILE_FILTER = f"AIMDesk workspaces (*{WORKSPACE_SUFFIX});;All files (*)"

ABOUT_TEXT = (
    f"<h3>AIMDesk {__version__}</h3>"
    "<p>Mutual recognition of supplier audits, offline: member lists pooled into one "
    "workspace, matched, and shared back as one aggregated, anonymous common list.</p>"
)


class MainWindow(QMainWindow):
    """One window, at most one open workspace. The `Store` lives on the GUI thread."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None

        self.members_page = MembersPage()
        self.records_page = RecordsPage()
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(self.members_page, "Members")
        self.tabs.addTab(self.records_page, "Records")
        self.empty_state = EmptyState()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

        self._build_menus()
        self.empty_state.new_requested.connect(self.new_workspace)
        self.empty_state.open_requested.connect(self.choose_workspace)
        self.empty_state.recent_requested.connect(self.open_workspace)
        self.members_page.member_activated.connect(self._show_member_records)

        geometry = context.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 780)
        header = context.settings.records_header_state()
        if header is not None:
            self.records_page.restore_header_state(header)
        self._show_workspace()

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action(file_menu, "&New workspace…", QKeySequence.StandardKey.New,
                                       self.new_workspace)
        self.open_action = self._action(file_menu, "&Open…", QKeySequence.StandardKey.Open,
                                        self.choose_workspace)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.close_action = self._action(file_menu, "&Close workspace", QKeySequence("Ctrl+W"),
                                         self.close_workspace)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", QKeySequence("Ctrl+Q"), self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        view_menu = self.menuBar().addMenu("&View")
        self.members_action = self._action(view_menu, "&Members", QKeySequence("Ctrl+1"),
                                           lambda: self.show_page(self.members_page))
        self.records_action = self._action(view_menu, "&Records", QKeySequence("Ctrl+2"),
                                           lambda: self.show_page(self.records_page))
        help_menu = self.menuBar().addMenu("&Help")
        about = self._action(help_menu, "&About AIMDesk", None, self._show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, text: str, shortcut: Shortcut | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

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

    def _switch_to(self, path: Path, opener: Callable[[Path], Store]) -> bool:
        try:
            store = opener(path)
        except AimDeskError as error:
            QMessageBox.critical(self, "Cannot open workspace", str(error))
            if not path.exists():
                self.context.settings.forget_workspace(path)
            return False
        self._close_store()
        self.store = store
        self.context.settings.remember_workspace(path)
        self._show_workspace()
        return True

    def close_workspace(self) -> None:
        """File ▸ Close workspace: back to the empty window; not reopened at next start."""
        if self.store is None:
            return
        self._close_store()
        self.context.settings.clear_last_workspace()
        self._show_workspace()

    def refresh(self) -> None:
        """Re-read everything shown from the workspace (after it changed)."""
        self._show_workspace()

    def _close_store(self) -> None:
        if self.store is not None:
            self.members_page.set_store(None)
            self.records_page.set_store(None)
            self.store.close()
            self.store = None

    def _show_workspace(self) -> None:
        store = self.store
        self.members_page.set_store(store)
        self.records_page.set_store(store)
        for action in (self.close_action, self.members_action, self.records_action):
            action.setEnabled(store is not None)
        if store is None:
            self.setWindowTitle(APP_TITLE)
            self.status_label.setText("No workspace open")
            self.empty_state.set_recent(self.context.settings.recent_workspaces())
            self.pages.setCurrentWidget(self.empty_state)
            return
        self.setWindowTitle(f"{APP_TITLE} — {store.path.name}")
        members = len(list_members(store))
        records = count_active_records(store)
        self.status_label.setText(
            f"{store.path.name}   ·   {plural(members, 'member')} · {plural(records, 'record')}"
        )
        self.status_label.setToolTip(str(store.path))
        self.pages.setCurrentWidget(self.tabs)

    # -- navigation and the rest -----------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        if self.store is not None:
            self.tabs.setCurrentWidget(page)

    def _show_member_records(self, member_id: int) -> None:
        self.records_page.show_member(member_id)
        self.show_page(self.records_page)

    def _show_about(self) -> None:
        QMessageBox.about(self, "About AIMDesk",
                          ABOUT_TEXT + f"<p>Log file: {self.context.log_path}</p>")

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self.context.settings
        settings.set_window_geometry(self.saveGeometry())
        settings.set_records_header_state(self.records_page.header_state())
        settings.sync()
        self._close_store()
        event.accept()

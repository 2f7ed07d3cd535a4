"""Help ▸ User guide: the guide shipped with AIMDesk, shown in the app (no browser, offline)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from aimdesk.core.resources import resources_dir

GUIDE_FILE = "user_guide.md"


def show_user_guide(parent: QWidget | None) -> QDialog:
    """Open the user guide in a window of its own (not modal: keep working beside it)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("AIMDesk user guide")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    browser.setMarkdown((resources_dir() / GUIDE_FILE).read_text(encoding="utf-8"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(760, 640)
    dialog.show()
    return dialog

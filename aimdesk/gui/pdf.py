"""HTML to PDF with Qt's own writer (QTextDocument + QPdfWriter): no browser, no service.

Works without a window: an application object is created when none exists (Qt needs one
for fonts). It is a QApplication, not a bare QGuiApplication, so that windows opened later in
the same process still work. Without a display, run under QT_QPA_PLATFORM=offscreen (the CLI
sets it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from aimdesk.core.errors import AimDeskError

MARGINS_MM = QMarginsF(18, 15, 18, 12)
RESOLUTION = 300
"""Dots per inch of the PDF layout."""
FOOTER_POINTS = 8
FOOTER_HEIGHT = 0.4
"""Inches kept at the foot of each page for the title and page number."""

_app: QApplication | None = None
"""The application created here when there was none: Qt needs it alive while it draws."""


def write_pdf(html: str, out: Path, *, title: str) -> Path:
    """Print `html` to an A4 PDF at `out`, each page's foot saying the title and
    "page N of M". Returns `out`.

    Args:
        title: the PDF's document title (shown by PDF readers and at each page's foot).

    Raises:
        AimDeskError: `out` cannot be written (open in a PDF reader?).
    """
    _ensure_application()
    writer = QPdfWriter(str(out))
    writer.setTitle(title)
    writer.setCreator("AIMDesk")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    body = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # point sizes at the PDF's resolution
    document.setHtml(html)
    document.setPageSize(QSizeF(body.width(), body.height() - FOOTER_HEIGHT * RESOLUTION))
    painter = QPainter()
    if not painter.begin(writer):
        raise AimDeskError(f"Cannot write {Path(out).name}; is it open in a PDF reader, "
                           "or is the folder read-only?")
    try:
        _draw_pages(painter, writer, document, body, title)
    finally:
        painter.end()
    return Path(out)


def _draw_pages(painter: QPainter, writer: QPdfWriter, document: QTextDocument, body: QRectF,
                title: str) -> None:
    page = document.pageSize()
    count = document.pageCount()
    painter.setFont(QFont("sans-serif", FOOTER_POINTS))
    for number in range(count):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
        foot = QRectF(0, page.height(), body.width(), body.height() - page.height())
        painter.setPen(QColor("#595959"))
        painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)
        painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         f"page {number + 1} of {count}")


def _ensure_application() -> None:
    global _app
    if QApplication.instance() is None:
        _app = QApplication([])

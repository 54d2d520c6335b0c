"""The PDF summary for people, made with Qt's own PDF writer.

:func:`write_pdf` turns a regional results file (one market) or a campaign
workspace after ``hq-import`` (every market) into an A4 PDF that tells a reader
in a minute which markets are ready: the summary first (see
:mod:`culturepanel.ui.pdf_report_html` for what it holds), then a page per
market with every variant's decision and rationale. The HTML is laid out by
:class:`QTextDocument` on the pages of a :class:`QPdfWriter` (every script drawn
with the installed fonts, embedded), headings are kept with what follows them,
and each page carries the title and "page N of M". Panelists appear as the
core names them: "Panelist N" unless they consented to be named.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from culturepanel.consolidation.reports import open_report_source
from culturepanel.consolidation.triggers import TriggerConfig
from culturepanel.i18n import _
from culturepanel.storage.database import CulturePanelFile
from culturepanel.ui.pdf_report_data import gather
from culturepanel.ui.pdf_report_html import BASE_FAMILIES, CSS, report_html


def keep_headings_with_content(doc: QTextDocument, page_height: float, room: float) -> None:
    """Start a heading on a new page when less than ``room`` is left below it on its own."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() and fmt.pageBreakPolicy() == QTextFormat.PageBreakFlag.PageBreak_Auto:
            top = layout.blockBoundingRect(block).top()
            left = page_height - top % page_height
            if top > 0 and left < room:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def render_pdf(markup: str, out: Path, title: str) -> Path:
    """Print HTML on numbered A4 pages of a PDF (a :class:`QGuiApplication` must exist)."""
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("CulturePanel")
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(BASE_FAMILIES)
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(CSS)
    doc.setDocumentMargin(0)
    doc.setHtml(markup)
    dpi = writer.resolution()
    area = writer.pageLayout().paintRectPixels(dpi)
    footer = dpi * 0.4
    page = QSizeF(area.width(), area.height() - footer)
    doc.setPageSize(page)
    keep_headings_with_content(doc, page.height(), page.height() * 0.18)
    pages = doc.pageCount()
    small = QFont(font)
    small.setPointSizeF(7.5)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.save()
        painter.translate(0, -n * page.height())
        doc.drawContents(painter, QRectF(0, n * page.height(), page.width(), page.height()))
        painter.restore()
        painter.setFont(small)
        painter.setPen(QColor("#7b8794"))
        painter.drawText(
            QRectF(0, page.height(), page.width(), footer),
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
            _("{title} · page {page} of {pages}").format(title=title, page=n + 1, pages=pages),
        )
    painter.end()
    return Path(out)


def write_pdf(
    path_in: Path | CulturePanelFile, out: Path, config: TriggerConfig | None = None
) -> Path:
    """Write the PDF summary of a results file or a workspace to ``out``; return ``out``."""
    cpf = path_in if isinstance(path_in, CulturePanelFile) else open_report_source(Path(path_in))
    try:
        report = gather(cpf, config)
    finally:
        if not isinstance(path_in, CulturePanelFile):
            cpf.conn.close()
    title = _("Campaign review: {campaign}").format(campaign=report.campaign)
    return render_pdf(report_html(report), Path(out), title)


_app: QGuiApplication | None = None  # the application made for the command line, kept alive


def ensure_gui_application() -> QGuiApplication:
    """A GUI application for the PDF writer; offscreen when there is no display (CLI)."""
    global _app
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # a QApplication, not only a QGuiApplication: a window or a test may come after
    from PySide6.QtWidgets import QApplication

    _app = QApplication(["culturepanel"])
    return _app

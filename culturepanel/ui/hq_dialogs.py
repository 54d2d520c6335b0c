"""Dialogs and menus of HQ's window: what an import of results files did, file by file;
the report formats of File ▸ Export report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.hq import (
    IMPORTED,
    OUTDATED,
    REFUSED,
    REPLACED,
    UNCHANGED,
    HqImportReport,
)
from culturepanel.i18n import _, ngettext
from culturepanel.ui.qt_hq_session import (
    FORMAT_CSV,
    FORMAT_PDF,
    FORMAT_XLIFF_12,
    FORMAT_XLIFF_20,
    FORMAT_XLSX,
    pdf_writer,
)

#: mark and colour per import status (the status is also said in words)
STATUS_LOOK = {
    IMPORTED: ("✔", "#1e8449"),
    REPLACED: ("↻", "#1e8449"),
    UNCHANGED: ("=", "#52606d"),
    OUTDATED: ("↷", "#b9770e"),
    REFUSED: ("✖", "#c0392b"),
}


def import_summary(report: HqImportReport) -> str:
    """One sentence over the whole import."""
    count = {s: sum(1 for f in report.files if f.status == s) for s in STATUS_LOOK}
    return ngettext(
        "{files} file: {imported} imported, {replaced} replaced older results, "
        "{unchanged} unchanged, {outdated} older than what is imported, {refused} refused.",
        "{files} files: {imported} imported, {replaced} replaced older results, "
        "{unchanged} unchanged, {outdated} older than what is imported, {refused} refused.",
        len(report.files),
    ).format(
        files=len(report.files),
        imported=count[IMPORTED],
        replaced=count[REPLACED],
        unchanged=count[UNCHANGED],
        outdated=count[OUTDATED],
        refused=count[REFUSED],
    )


class ImportSummaryDialog(QDialog):
    """Per file: imported / replaced older / unchanged / ignored / refused, and why."""

    def __init__(self, report: HqImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Import of regional results"))
        self.summary = QLabel(import_summary(report))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(report.files), 4)
        self.table.setHorizontalHeaderLabels([_("File"), _("Market"), _("Result"), _("Details")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, f in enumerate(report.files):
            mark, color = STATUS_LOOK.get(f.status, ("", "#1f2933"))
            items = [
                QTableWidgetItem(f.path.name),
                QTableWidgetItem(f.market or "—"),
                QTableWidgetItem(f"{mark} {f.status_label}"),
                QTableWidgetItem(f.message),
            ]
            items[2].setForeground(QBrush(QColor(color)))
            items[3].setToolTip(f.message)
            items[0].setToolTip(str(f.path))
            for col, item in enumerate(items):
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setMinimumSize(760, 160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def texts(self) -> list[list[str]]:
        """The table as text, row by row (for tests and for copying)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]


#: File ▸ Export report: label, file suffix and file-dialog filter per format
EXPORTS = (
    (FORMAT_CSV, lambda: _("CSV for analysts…"), ".csv", lambda: _("CSV files (*.csv)")),
    (FORMAT_XLSX, lambda: _("Excel workbook (XLSX)…"), ".xlsx", lambda: _("Excel (*.xlsx)")),
    (FORMAT_PDF, lambda: _("PDF summary…"), ".pdf", lambda: _("PDF files (*.pdf)")),
    (FORMAT_XLIFF_12, lambda: _("XLIFF 1.2 for the TMS…"), ".xlf", lambda: _("XLIFF (*.xlf)")),
    (FORMAT_XLIFF_20, lambda: _("XLIFF 2.0 for the TMS…"), ".xlf", lambda: _("XLIFF (*.xlf)")),
)


def export_menu(
    parent: QWidget, export: Callable[[str, str, str], None]
) -> tuple[QMenu, dict[str, QAction]]:
    """File ▸ Export report: one item per format, calling ``export(format, suffix, filter)``;
    PDF disabled, with a tooltip saying why, when this build cannot write it."""
    menu = QMenu(_("&Export report"), parent)
    menu.setToolTipsVisible(True)
    actions: dict[str, QAction] = {}
    has_pdf = pdf_writer() is not None
    for fmt, label, suffix, pattern in EXPORTS:
        act = menu.addAction(label())
        act.triggered.connect(lambda _c=False, f=fmt, s=suffix, p=pattern: export(f, s, p()))
        if fmt == FORMAT_PDF and not has_pdf:
            act.setEnabled(False)
            act.setToolTip(_("This version of CulturePanel cannot write PDF yet."))
        actions[fmt] = act
    return menu, actions

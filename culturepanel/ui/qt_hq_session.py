"""Qt adapter over HQ's workspace: the decisions matrix, its drill-down, imports and reports.

Each UI action is one call here over one core function; an import emits
``results_imported`` with the core's report, which the window turns into a
summary and a refresh. Errors from the core are re-emitted as ``failed`` with
their user-facing message. No connection is held open between calls: the
core opens the workspace for each read, so an import from the command line
while the window is open is seen at the next refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from culturepanel.consolidation.hq import HqImportReport, hq_import
from culturepanel.consolidation.hq_overview import (
    ImportedResults,
    MarketReadiness,
    imported_results,
    key_sources,
    market_readiness,
)
from culturepanel.consolidation.matrix import CellDetail, Matrix, cell_details, matrix
from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.storage.database import KIND_CAMPAIGN, open_file

#: Report formats of File ▸ Export report, in menu order.
FORMAT_CSV, FORMAT_XLSX, FORMAT_XLIFF_12, FORMAT_XLIFF_20, FORMAT_PDF = (
    "csv",
    "xlsx",
    "xliff-1.2",
    "xliff-2.0",
    "pdf",
)


def pdf_writer():
    """``culturepanel.ui.pdf_report.write_pdf`` if this build has it, else ``None``."""
    try:
        from culturepanel.ui.pdf_report import write_pdf
    except ImportError:  # not in this build, or its PDF library is missing
        return None
    return write_pdf


class QtHqSession(QObject):
    """Signals: ``results_imported(HqImportReport)``, ``report_written(list of paths)``,
    ``failed(message)``."""

    results_imported = Signal(object)
    report_written = Signal(list)
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        with open_file(self.path, kinds=(KIND_CAMPAIGN,)) as ws:  # refuses another kind
            self.campaign = ws.campaign_name
            self.source_language = ws.get_meta("source_locale") or "en"

    # -- reads ----------------------------------------------------------------------------
    def matrix(self) -> Matrix:
        return matrix(self.path)

    def details(self, key: str, market: str) -> list[CellDetail]:
        return cell_details(self.path, key, market)

    def imported(self) -> dict[str, ImportedResults]:
        return imported_results(self.path)

    def readiness(self, grid: Matrix) -> list[MarketReadiness]:
        return market_readiness(grid, self.imported())

    def sources(self) -> dict[str, str]:
        return key_sources(self.path)

    # -- actions --------------------------------------------------------------------------
    def import_results(self, files: Sequence[Path]) -> HqImportReport | None:
        try:
            report = hq_import(self.path, [Path(f) for f in files])
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return None
        self.results_imported.emit(report)
        return report

    def export(self, fmt: str, out: Path) -> list[Path]:
        """Write the report in ``fmt`` to ``out``; the files written (XLIFF 2.0 may be several)."""
        try:
            written = self._write(fmt, Path(out))
        except (CulturePanelError, OSError) as exc:
            self.failed.emit(str(exc))
            return []
        self.report_written.emit(written)
        return written

    def _write(self, fmt: str, out: Path) -> list[Path]:
        if fmt == FORMAT_PDF:
            write_pdf = pdf_writer()
            if write_pdf is None:
                raise CulturePanelError(_("This version of CulturePanel cannot write PDF."))
            write_pdf(self.path, out)
            return [out]
        from culturepanel.consolidation.reports import (
            report_markets,
            report_rows,
            write_csv,
            write_xlsx,
        )
        from culturepanel.consolidation.xliff import write_xliff

        rows = report_rows(self.path)
        if not rows:
            raise CulturePanelError(
                _(
                    "No results are imported yet, so there is nothing to report. Import the "
                    "markets' results files first."
                )
            )
        if fmt == FORMAT_CSV:
            return [write_csv(rows, out)]
        if fmt == FORMAT_XLSX:
            return [write_xlsx(rows, out, report_markets(self.path))]
        version = "2.0" if fmt == FORMAT_XLIFF_20 else "1.2"
        return write_xliff(
            rows, out, version, self.source_language, self.campaign or "culturepanel"
        )

"""HQ's window on a campaign workspace: which markets are ready, the decisions matrix, drill-down.

Every action is one line of glue over :class:`QtHqSession`; an import emits
``results_imported``, on which the window reloads the matrix model and the
header and shows what happened to each file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.hq import HqImportReport
from culturepanel.i18n import _, ngettext
from culturepanel.ui import settings
from culturepanel.ui.cell_details import CellDetailsPanel
from culturepanel.ui.dialogs import ShortcutsDialog, plain_label, window_action
from culturepanel.ui.hq_dialogs import ImportSummaryDialog, export_menu, import_summary
from culturepanel.ui.hq_header import HqHeader, ImportHint
from culturepanel.ui.language_dialog import language_action
from culturepanel.ui.list_views import search_field
from culturepanel.ui.matrix_model import (
    KEY_ROLE,
    MARKET_ROLE,
    SHOW_ALL,
    SHOW_ESCALATED,
    SHOW_NOT_GO,
    MatrixDelegate,
    MatrixFilterProxy,
    MatrixTableModel,
)
from culturepanel.ui.qt_hq_session import QtHqSession


class HqWindow(QMainWindow):
    """One open campaign workspace, as HQ sees it after the markets' results come back."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = QtHqSession(Path(path), self)
        self.setObjectName("HqWindow")
        self.setAcceptDrops(True)
        self.import_dialog: ImportSummaryDialog | None = None

        self.header = HqHeader()
        self.model = MatrixTableModel(parent=self)
        self.proxy = MatrixFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("DecisionMatrix")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(MatrixDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(_("Decisions: keys × markets"))
        self.table.setToolTip(
            _("Arrow keys move between cells; Enter shows the cell's votes and comments.")
        )
        self.table.setStyleSheet(
            "QTableView#DecisionMatrix { background: #ffffff; gridline-color: #ffffff; "
            "border: 1px solid #dde1e6; border-radius: 6px; }"
        )
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultSectionSize(104)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(32)
        rows.setMinimumWidth(140)

        self.show_filter = QComboBox()
        self.show_filter.setAccessibleName(_("Show"))
        for label, value in (
            (_("All keys"), SHOW_ALL),
            (_("Keys with an escalation"), SHOW_ESCALATED),
            (_("Keys not go in every market"), SHOW_NOT_GO),
        ):
            self.show_filter.addItem(label, value)
        self.show_filter.setToolTip(_("Which keys to show (Ctrl+E: escalations only)"))
        self.show_filter.currentIndexChanged.connect(self._filter_changed)
        self.search = search_field(
            _("Search keys and source copy (Ctrl+F)"), self._search_changed, self.focus_matrix
        )

        self.hint = ImportHint()
        self.hint_button = self.hint.button
        self.hint_button.clicked.connect(self.choose_results)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Show:")))
        filters.addWidget(self.show_filter)
        filters.addWidget(self.search, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(body)

        self.details = CellDetailsPanel()
        self.dock = QDockWidget(_("Cell details"), self)
        self.dock.setObjectName("cellDetailsDock")
        self.dock.setWidget(self.details)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [460], Qt.Orientation.Horizontal)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.details, self.focus_matrix)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.counts_label = QLabel()
        self.statusBar().addWidget(self.counts_label)
        self._build_actions()
        self.session.results_imported.connect(self._results_imported)
        self.session.report_written.connect(self._report_written)
        self.session.failed.connect(self._failed)
        self.table.selectionModel().currentChanged.connect(self._cell_changed)
        self.table.activated.connect(self.open_details)
        self.setWindowTitle(
            _("{campaign} — HQ decisions — CulturePanel").format(campaign=self.session.campaign)
        )
        self.reload()
        self._select_first()

    # -- actions --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.act_import = window_action(
            self,
            _("&Import regional results…"),
            "Ctrl+I",
            self.choose_results,
            _("Import the markets' results files"),
        )
        self.hint_button.setToolTip(self.act_import.toolTip())
        self.act_reload = window_action(self, _("&Reload"), "F5", self.reload)
        self.act_close = window_action(self, _("&Close"), "Ctrl+W", self.close)
        self.act_search = window_action(self, _("&Search keys"), "Ctrl+F", self.focus_search)
        self.act_escalations = window_action(
            self, _("Show &escalations only"), "Ctrl+E", self.toggle_escalations
        )
        self.act_escalations.setCheckable(True)
        self.act_matrix = window_action(self, _("Go to the &matrix"), "Ctrl+L", self.focus_matrix)
        self.act_details = window_action(
            self, _("Show the cell's &details"), None, self.open_details
        )
        self.act_details.setToolTip(_("Show the cell's votes, comments and rationale (Enter)"))
        self.act_shortcuts = window_action(
            self, _("&Keyboard shortcuts"), "F1", self.show_shortcuts
        )

        self.export_menu, self.act_exports = export_menu(self, self.export_report)

        menu = self.menuBar()
        file_menu = menu.addMenu(_("&File"))
        file_menu.addAction(self.act_import)
        file_menu.addMenu(self.export_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_reload, self.act_close])
        view = menu.addMenu(_("&View"))
        view.addActions([self.act_escalations, self.act_search, self.act_matrix, self.act_details])
        view.addAction(self.dock.toggleViewAction())
        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(language_action(self))

        tools = QToolBar(_("HQ"))
        tools.setObjectName("HqToolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setStyleSheet("QToolButton:checked { background: #d6e4f5; color: #102a43; }")
        tools.addAction(self.act_import)
        export_button = QToolButton()
        export_button.setText(plain_label(_("&Export report")))
        export_button.setToolTip(_("Write a report: CSV, XLSX, PDF or XLIFF"))
        export_button.setMenu(self.export_menu)
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tools.addWidget(export_button)
        tools.addSeparator()
        tools.addAction(self.act_escalations)
        self.addToolBar(tools)

    def shortcut_actions(self) -> list[QAction]:
        return [
            self.act_import,
            self.act_search,
            self.act_escalations,
            self.act_matrix,
            self.act_reload,
            self.act_close,
            self.act_shortcuts,
        ]

    def show_shortcuts(self) -> None:
        extra = [
            (_("Move between cells"), _("Arrow keys")),
            (_("Show the cell's details"), _("Enter")),
            (_("Back to the matrix from the details"), _("Esc")),
        ]
        ShortcutsDialog(self.shortcut_actions(), extra, self).exec()

    # -- the matrix -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the workspace again: the matrix, where results came from, readiness."""
        current = self.table.currentIndex()
        where = (current.data(KEY_ROLE), current.data(MARKET_ROLE))
        grid = self.session.matrix()
        self.model.set_matrix(grid, self.session.sources())
        self.header.show_overview(self.session.campaign, self.session.readiness(grid))
        self.hint.setVisible(not grid.imported)
        self._update_counts()
        if current.isValid() and not self._select_key(*where):
            self.details.show_nothing()

    def _select_key(self, key: str, market: str) -> bool:
        grid = self.model.grid
        if key not in grid.keys or market not in grid.markets:
            return False
        source = self.model.index(grid.keys.index(key), grid.markets.index(market))
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.select_cell(index.row(), index.column())
        return index.isValid()

    def _select_first(self) -> None:
        """Start where attention is needed: the first escalated cell, else the first cell of
        a market with results, else the top left."""
        grid = self.model.grid
        cells = [(k, m) for k in grid.keys for m in grid.markets if grid.cell(k, m)]
        escalated = [km for km in cells if grid.cells[km].escalated]
        imported = [km for km in cells if km[1] in grid.imported]
        first = (escalated or imported or [None])[0]
        if first is None or not self._select_key(*first):
            self.select_cell(0, 0)

    def select_cell(self, row: int, column: int) -> None:
        index = self.proxy.index(row, column)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.table.scrollTo(index)

    def _cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.show_nothing()
            return
        source = self.proxy.mapToSource(current)
        key, market = self.model.key(source.row()), self.model.market(source.column())
        cell = self.model.cell_at(source)
        details = self.session.details(key, market) if cell is not None else []
        self.details.show_cell(key, market, cell, details, market in self.model.grid.imported)

    def open_details(self, _index: QModelIndex | None = None) -> None:
        """Enter on a cell: show the details panel and move there (Esc comes back)."""
        self.dock.show()
        self.dock.raise_()
        self.details.browser.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_matrix(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid():
            self.select_cell(0, 0)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def toggle_escalations(self) -> None:
        escalated = self.show_filter.currentData() == SHOW_ESCALATED
        self.show_filter.setCurrentIndex(
            self.show_filter.findData(SHOW_ALL if escalated else SHOW_ESCALATED)
        )

    def _filter_changed(self) -> None:
        show = self.show_filter.currentData()
        self.proxy.set_show(show)
        self.act_escalations.setChecked(show == SHOW_ESCALATED)
        self._after_filter()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_counts()
        if not self.table.currentIndex().isValid():
            self.select_cell(0, 0)

    def _update_counts(self) -> None:
        grid = self.model.grid
        escalated = sum(1 for c in grid.cells.values() if c.escalated)
        text = ngettext(
            "{keys} key × {markets} markets", "{keys} keys × {markets} markets", len(grid.keys)
        ).format(keys=len(grid.keys), markets=len(grid.markets))
        text += " · " + ngettext(
            "{count} escalated cell", "{count} escalated cells", escalated
        ).format(count=escalated)
        if self.proxy.rowCount() != len(grid.keys):
            text += " · " + _("showing {shown} of {total}").format(
                shown=self.proxy.rowCount(), total=len(grid.keys)
            )
        self.counts_label.setText(text)

    # -- import ---------------------------------------------------------------------------
    def choose_results(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Import regional results"),
            str(self.session.path.parent),
            _("CulturePanel files (*.cpanel);;All files (*)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.session.import_results(files)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _results_imported(self, report: HqImportReport) -> None:
        if report.changed:
            self.reload()
        self.statusBar().showMessage(import_summary(report), 10000)
        self.import_dialog = ImportSummaryDialog(report, self)
        self.import_dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    @staticmethod
    def _dropped_files(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() == ".cpanel"]

    # -- reports --------------------------------------------------------------------------
    def export_report(self, fmt: str, suffix: str, pattern: str) -> None:
        base = self.session.path.with_name(self.session.path.stem + "-report" + suffix)
        target, _filter = QFileDialog.getSaveFileName(self, _("Export report"), str(base), pattern)
        if target:
            self.session.export(fmt, Path(target))

    def _report_written(self, paths: list) -> None:
        self.statusBar().showMessage(
            _("Wrote {files}.").format(files=", ".join(str(p) for p in paths)), 10000
        )

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, _("CulturePanel"), message)

    # -- lifecycle ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)

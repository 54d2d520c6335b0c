"""The panelist's review window: variant list, the variant, the vote, and side panels.

Every action is one line of glue over :class:`QtReviewSession`; the window
listens to its signals to refresh the list row, the progress and the
"saved" stamp in the status bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from culturepanel.formatting import format_day, format_saved_time
from culturepanel.i18n import _, ngettext
from culturepanel.locales import display_market
from culturepanel.review.session import STATUS_CONCERNS, STATUS_NOT_REVIEWED, STATUS_REVIEWED
from culturepanel.ui import settings
from culturepanel.ui.calendar_panel import CalendarPanel
from culturepanel.ui.checklist_panel import ChecklistPanel
from culturepanel.ui.dialogs import (
    ConsentDialog,
    ShortcutsDialog,
    rich_list,
    window_action,
)
from culturepanel.ui.findings_panel import FindingsPanel
from culturepanel.ui.language_dialog import language_action
from culturepanel.ui.list_views import search_field, variant_table
from culturepanel.ui.qt_session import QtReviewSession
from culturepanel.ui.variant_detail import VariantDetail
from culturepanel.ui.variant_model import (
    COL_CHANNEL,
    COL_DECISION,
    COL_FLAGS,
    COL_KEY,
    COL_LOCALE,
    COL_STATUS,
    ID_ROLE,
    VariantFilterProxy,
    VariantTableModel,
)
from culturepanel.ui.vote_panel import DIMENSION_MNEMONIC, VotePanel


class ReviewWindow(QMainWindow):
    """One open review package."""

    def __init__(
        self,
        path: Path,
        ask_consent: bool = True,
        start_checks: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = QtReviewSession(Path(path), self)
        core = self.session.core
        self.setObjectName("ReviewWindow")
        self.current_id: str | None = None

        self.model = VariantTableModel(core, self)
        self.proxy = VariantFilterProxy(core, self)
        self.proxy.setSourceModel(self.model)
        self.table = variant_table(
            self.proxy,
            _("Variants"),
            {COL_STATUS: 28, COL_KEY: 150, COL_LOCALE: 64, COL_CHANNEL: 70, COL_FLAGS: 40},
            stretch=COL_DECISION,
        )

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Show"))
        for label, value in (
            (_("All variants"), None),
            (_("Not reviewed"), STATUS_NOT_REVIEWED),
            (_("Reviewed"), STATUS_REVIEWED),
            (_("Has concerns"), STATUS_CONCERNS),
        ):
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status_filter(self.status_filter.currentData())
        )
        self.search = search_field(
            _("Search key, text or notes (Ctrl+F)"), self.proxy.set_search, self.table.setFocus
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.status_filter)
        left_layout.addWidget(self.table, 1)

        self.detail = VariantDetail(core)
        self.votes = VotePanel()
        self.votes.setObjectName("VotePanel")
        self.votes.changed.connect(self._vote_changed)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.detail)
        right.addWidget(self.votes)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([600, 800])
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)

        self.checklist = ChecklistPanel(self.session)
        self.calendar = CalendarPanel(core)
        self.findings = FindingsPanel(self.session, self.detail.target.body)
        self.findings.counts_changed.connect(self._findings_changed)
        self.docks = {}
        for name, title, widget, area in (
            (
                "findings",
                _("Automated findings"),
                self.findings,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ),
            ("calendar", _("Calendar"), self.calendar, Qt.DockWidgetArea.RightDockWidgetArea),
            ("checklist", _("Checklist"), self.checklist, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.tabifyDockWidget(self.docks["findings"], self.docks["calendar"])
        self.tabifyDockWidget(self.docks["calendar"], self.docks["checklist"])
        self.docks["findings"].raise_()
        self.resizeDocks([self.docks["findings"]], [360], Qt.Orientation.Horizontal)

        self.progress_label = QLabel()
        self.deadline_label = QLabel()
        self.saved_label = QLabel(_("All changes are saved automatically."))
        self.saved_label.setObjectName("SavedLabel")
        bar = self.statusBar()
        bar.addWidget(self.progress_label)
        bar.addWidget(self.deadline_label)
        bar.addPermanentWidget(self.saved_label)

        self._build_actions()
        self.session.vote_recorded.connect(self._vote_recorded)
        self.session.saved.connect(self._saved)
        self.session.failed.connect(self._failed)
        self.session.submission_changed.connect(self._submission_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.setWindowTitle(
            _("{campaign} — {market} — {panelist} — CulturePanel").format(
                campaign=core.pkg.campaign_name,
                market=display_market(core.meta("market") or "", self._lang()),
                panelist=core.panelist_name,
            )
        )
        self._update_progress()
        self._submission_changed()
        self.model.set_finding_counts(core.finding_counts())
        if self.proxy.rowCount():
            self.select_row(0)
        if start_checks:
            self.findings.start()
        if ask_consent and core.consent() is None and not core.submitted:
            # asked once the window is on screen, without blocking start-up
            QTimer.singleShot(0, self._ask_first_consent)

    def _ask_first_consent(self) -> None:
        dialog = ConsentDialog(self.session.core.panelist_name, self)
        dialog.finished.connect(lambda _r: self.session.set_consent(dialog.choice()))
        dialog.open()

    # -- actions --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.act_next = window_action(
            self, _("&Next variant"), ["Ctrl+Down", "Ctrl+J"], self.next_variant
        )
        self.act_prev = window_action(
            self, _("&Previous variant"), ["Ctrl+Up", "Ctrl+K"], self.previous_variant
        )
        self.act_next_open = window_action(
            self, _("Next &unreviewed variant"), "Ctrl+Shift+Down", self.next_unreviewed
        )
        self.act_decisions = []
        from culturepanel.review.votes import DECISION_LABELS, DECISIONS

        for n, decision in enumerate(DECISIONS, start=1):
            act = window_action(
                self,
                _(DECISION_LABELS[decision]),
                f"Ctrl+{n}",
                lambda _c=False, n=n: self.votes.choose_decision(n),
            )
            self.act_decisions.append(act)
        from culturepanel.review.votes import DIMENSION_LABELS, DIMENSIONS

        self.act_scores = [
            window_action(
                self,
                _("Score: {dimension} (then type 1–5)").format(dimension=_(DIMENSION_LABELS[dim])),
                f"Alt+{DIMENSION_MNEMONIC[dim]}",
                lambda _c=False, dim=dim: self.votes.focus_scores(dim),
            )
            for dim in DIMENSIONS
        ]
        self.act_concern = window_action(
            self,
            _("Go to the concern category"),
            "Alt+N",
            lambda: self.votes.category.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_comment = window_action(
            self,
            _("Go to the comment"),
            "Alt+C",
            lambda: self.votes.comment.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_rewrite = window_action(
            self,
            _("Go to the suggested rewrite"),
            "Alt+W",
            lambda: self.votes.rewrite.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_search = window_action(self, _("&Search"), "Ctrl+F", self._focus_search)
        self.act_list = window_action(
            self,
            _("Go to the variant list"),
            "Ctrl+L",
            lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_finish = window_action(
            self, _("&Finish review…"), "Ctrl+Shift+F", self.finish_review
        )
        self.act_reopen = window_action(self, _("&Reopen review"), None, self.reopen_review)
        self.act_export = window_action(
            self, _("&Save a copy to send…"), "Ctrl+Shift+S", self.export_copy
        )
        self.act_close = window_action(self, _("&Close"), "Ctrl+W", self.close)
        self.act_shortcuts = window_action(
            self, _("&Keyboard shortcuts"), "F1", self.show_shortcuts
        )
        self.act_consent = window_action(
            self, _("Attribution of my comments…"), None, self.ask_consent
        )

        menu = self.menuBar()
        file_menu = menu.addMenu(_("&File"))
        file_menu.addActions([self.act_export, self.act_close])
        review = menu.addMenu(_("&Review"))
        review.addActions([self.act_next, self.act_prev, self.act_next_open])
        review.addSeparator()
        review.addActions(self.act_decisions)
        review.addActions([*self.act_scores, self.act_concern, self.act_comment, self.act_rewrite])
        review.addSeparator()
        review.addActions([self.act_finish, self.act_reopen, self.act_consent])
        view = menu.addMenu(_("&View"))
        view.addActions([self.act_search, self.act_list])
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(language_action(self))

        tools = QToolBar(_("Review"))
        tools.setObjectName("ReviewToolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.act_prev, self.act_next, self.act_next_open])
        tools.addSeparator()
        tools.addActions([self.act_finish])
        self.addToolBar(tools)

    def shortcut_actions(self) -> list[QAction]:
        return [
            self.act_next,
            self.act_prev,
            self.act_next_open,
            *self.act_decisions,
            *self.act_scores,
            self.act_concern,
            self.act_comment,
            self.act_rewrite,
            self.act_search,
            self.act_list,
            self.act_finish,
            self.act_export,
            self.act_close,
            self.act_shortcuts,
        ]

    # -- navigation -----------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, COL_KEY)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def next_variant(self) -> None:
        row = self.table.currentIndex().row()
        if row + 1 < self.proxy.rowCount():
            self.select_row(row + 1)

    def previous_variant(self) -> None:
        row = self.table.currentIndex().row()
        if row > 0:
            self.select_row(row - 1)

    def next_unreviewed(self) -> None:
        start = self.table.currentIndex().row() + 1
        core = self.session.core
        count = self.proxy.rowCount()
        for offset in range(count):
            row = (start + offset) % count
            vid = self.proxy.index(row, 0).data(ID_ROLE)
            if core.status(vid) == STATUS_NOT_REVIEWED:
                self.select_row(row)
                return
        self.statusBar().showMessage(_("Every variant has a decision."), 5000)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.votes.flush_text()
        vid = current.data(ID_ROLE) if current.isValid() else None
        self.current_id = vid
        core = self.session.core
        variant = self.model.row(vid) if vid else None
        self.detail.show_variant(variant)
        self.votes.show_vote(core.vote(vid) if vid else None, variant.locale if variant else None)
        for panel in (self.calendar, self.checklist, self.findings):
            panel.show_variant(variant)

    # -- votes ----------------------------------------------------------------------------
    def _vote_changed(self, changes: dict) -> None:
        if self.current_id is None:
            return
        self.saved_label.setText(_("Saving…"))
        self.session.save_vote(self.current_id, changes)

    def _vote_recorded(self, variant_id: str) -> None:
        self.model.refresh_variant(variant_id)
        if variant_id == self.current_id:
            self.votes.update_warning(self.session.core.vote(variant_id))
        self._update_progress()

    def _saved(self, iso: str) -> None:
        self.saved_label.setText(_("Saved at {time}").format(time=format_saved_time(iso)))

    def _failed(self, message: str) -> None:
        self.saved_label.setText(_("Not saved"))
        QMessageBox.warning(self, _("CulturePanel"), message)
        if self.current_id:
            self.votes.show_vote(self.session.core.reload_vote(self.current_id))

    def _update_progress(self) -> None:
        done, total = self.session.core.progress()
        self.progress_label.setText(
            ngettext("{done} of {total} reviewed", "{done} of {total} reviewed", total).format(
                done=done, total=total
            )
        )
        deadline = self.session.core.deadline()
        if deadline:
            days = (deadline - date.today()).days
            if days >= 0:
                left = ngettext("{n} day left", "{n} days left", days).format(n=days)
            else:
                left = ngettext("{n} day overdue", "{n} days overdue", -days).format(n=-days)
            self.deadline_label.setText(
                _("Deadline {date} — {left}").format(date=format_day(deadline), left=left)
            )

    def _submission_changed(self) -> None:
        submitted = self.session.core.submitted
        self.votes.set_locked(submitted)
        self.act_finish.setEnabled(not submitted)
        self.act_reopen.setEnabled(submitted)
        if submitted:
            self.statusBar().showMessage(
                _("Review submitted: votes are locked. Review ▸ Reopen review to change them.")
            )

    # -- finishing ------------------------------------------------------------------------
    def finish_review(self) -> None:
        self.votes.flush_text()
        core = self.session.core
        gaps = core.missing()
        rows = core.variants(gaps.unreviewed + gaps.without_comment)
        if gaps.without_comment:
            lines = [f"{rows[v].key} · {rows[v].locale_label}" for v in gaps.without_comment]
            QMessageBox.warning(
                self,
                _("Finish review"),
                _("These decisions need a comment before you can finish:") + rich_list(lines),
            )
            self._go_to(gaps.without_comment[0])
            return
        force = False
        if gaps.unreviewed:
            lines = [f"{rows[v].key} · {rows[v].locale_label}" for v in gaps.unreviewed]
            answer = QMessageBox.question(
                self,
                _("Finish review"),
                ngettext(
                    "{n} variant has no decision yet:",
                    "{n} variants have no decision yet:",
                    len(lines),
                ).format(n=len(lines))
                + rich_list(lines)
                + _("Submit anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._go_to(gaps.unreviewed[0])
                return
            force = True
        if not self.session.submit(force=force):
            return
        self.statusBar().showMessage(_("Review submitted. Votes are locked."), 8000)
        self.export_copy()

    def export_copy(self) -> None:
        core = self.session.core
        suggested = str(core.path.with_name(core.path.stem + "-returned" + core.path.suffix))
        target, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the review to send back"),
            suggested,
            _("CulturePanel files (*.cpanel)"),
        )
        if target:
            core.export_to(Path(target))
            self.statusBar().showMessage(
                _("Saved a copy to {file}. Send this file to your localization manager.").format(
                    file=target
                ),
                10000,
            )

    def reopen_review(self) -> None:
        self.session.reopen()

    def ask_consent(self) -> None:
        dialog = ConsentDialog(self.session.core.panelist_name, self)
        if self.session.core.consent() == "named":
            dialog.named.setChecked(True)
        if dialog.exec():
            self.session.set_consent(dialog.choice())

    def _go_to(self, variant_id: str) -> None:
        self.status_filter.setCurrentIndex(0)
        self.search.clear()
        row = self.model.row_of(variant_id)
        proxy_index = self.proxy.mapFromSource(self.model.index(row, COL_KEY))
        if proxy_index.isValid():
            self.select_row(proxy_index.row())

    def show_shortcuts(self) -> None:
        extra = [
            (_("Set a score (when a score row has focus)"), "1 … 5"),
            (_("Clear a score"), "Delete"),
            (_("Next field"), "Tab"),
        ]
        ShortcutsDialog(self.shortcut_actions(), extra, self).exec()

    # -- lifecycle ------------------------------------------------------------------------
    def _lang(self) -> str:
        from culturepanel.i18n import current_language

        return current_language()

    def _findings_changed(self) -> None:
        self.model.set_finding_counts(self.session.core.finding_counts())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.findings.stop()
        self.votes.flush_text()
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        self.session.close()
        super().closeEvent(event)

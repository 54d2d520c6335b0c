"""The localization manager's window: a regional results file, disagreements first.

Left, the variants (disagreements first, filter and search); above, the market
at a glance with agreement per dimension; centre, everything about the
selected variant; right, the decision form and the decision's history. Nothing
is decided automatically: the view recommends, the manager records each
decision with its rationale. Returned packages are merged from File ▸ Import
returned packages or by dropping ``.cpanel`` files on the window. Every action
is one line of glue over :class:`QtManagerSession`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.decisions import DECISIONS, decision_label
from culturepanel.consolidation.merge import ACCEPTED, REPLACED, MergeReport
from culturepanel.errors import CulturePanelError
from culturepanel.formatting import format_saved_time
from culturepanel.i18n import _, current_language, ngettext
from culturepanel.locales import display_market
from culturepanel.ui.dialogs import ShortcutsDialog, window_action
from culturepanel.ui.language_dialog import language_action
from culturepanel.ui.manager_detail import VariantSummaryView
from culturepanel.ui.manager_dialogs import (
    AgreementDialog,
    MergeSummaryDialog,
    TriggerSettingsDialog,
    export_report,
    load_trigger_config,
    save_trigger_config,
)
from culturepanel.ui.manager_list import ManagerVariantList
from culturepanel.ui.manager_panels import (
    MANAGER_STYLE,
    DecisionForm,
    DecisionHistory,
    FormState,
    MarketStrip,
)
from culturepanel.ui.qt_manager_session import ManagerChecks, QtManagerSession


def cpanel_paths(urls) -> list[Path]:
    """The local ``.cpanel`` files among dropped URLs."""
    return [
        Path(u.toLocalFile())
        for u in urls
        if u.isLocalFile() and u.toLocalFile().lower().endswith(".cpanel")
    ]


class ManagerWindow(QMainWindow):
    """One open regional results file."""

    def __init__(self, path: Path, parent: QWidget | None = None, start_checks: bool = True):
        super().__init__(parent)
        self.setObjectName("ManagerWindow")
        self.setStyleSheet(MANAGER_STYLE)
        self.setAcceptDrops(True)
        self.session = QtManagerSession(Path(path), load_trigger_config(), self)
        core = self.session.core
        self.current_id: str | None = None
        self.drafts: dict[str, FormState] = {}
        self.merge_dialog: MergeSummaryDialog | None = None
        self._deciding = False
        self._closed = False

        self.list = ManagerVariantList(core)
        self.model, self.table = self.list.model, self.list.table
        self.list.current_changed.connect(self._row_changed)
        self.checks = ManagerChecks(core.path, self)
        self.checks.progressed.connect(self._checks_progressed)
        self.checks.done.connect(self._checks_finished)
        self.checks.failed.connect(self._checks_failed)

        self.strip = MarketStrip()
        self.strip.details_requested.connect(self.show_agreement)
        self.detail = VariantSummaryView()
        self.detail.adopt_requested.connect(self.adopt_rewrite)
        self.form = DecisionForm()
        self.form.record_requested.connect(self.record_decision)
        self.history = DecisionHistory()
        history_title = QLabel(_("Decision history"))
        history_title.setObjectName("SectionTitle")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form)
        right_layout.addWidget(history_title)
        right_layout.addWidget(self.history, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.list, self.detail, right):
            split.addWidget(widget)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([540, 740, 320])
        split.setChildrenCollapsible(False)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.strip)
        central_layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.progress_label = QLabel()
        self.checks_label = QLabel()
        self.saved_label = QLabel(_("Decisions are saved as you record them."))
        self.saved_label.setObjectName("SavedLabel")
        bar = self.statusBar()
        bar.addWidget(self.progress_label)
        bar.addWidget(self.checks_label)
        bar.addPermanentWidget(self.saved_label)

        self._build_actions()
        self.session.decision_recorded.connect(self._decision_recorded)
        self.session.everything_changed.connect(self._everything_changed)
        self.session.merged.connect(self._merged)
        self.session.saved.connect(self._saved)
        self.session.failed.connect(self._failed)
        market = core.market()
        self.setWindowTitle(
            _("{campaign} — {market} — results — CulturePanel").format(
                campaign=market.campaign, market=display_market(market.market, current_language())
            )
        )
        self._update_market()
        self.list.select_row(0)
        if self.current_id is None:  # nothing to select: an empty results file
            self._show_current()
        if start_checks:
            self.start_checks()

    # -- actions --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.act_import = window_action(
            self, _("&Import returned packages…"), "Ctrl+I", self.import_packages
        )
        self.act_export = window_action(self, _("&Export report…"), "Ctrl+E", self.export)
        self.act_close = window_action(self, _("&Close"), "Ctrl+W", self.close)
        self.act_decisions = [
            window_action(
                self, decision_label(d), f"Ctrl+{n}", lambda _c=False, d=d: self.choose_decision(d)
            )
            for n, d in enumerate(DECISIONS, start=1)
        ]
        self.act_record = window_action(
            self, _("&Record decision"), ["Ctrl+Return", "Ctrl+Enter"], self.record_decision
        )
        self.act_next = window_action(
            self, _("&Next variant"), ["Ctrl+Down", "Ctrl+J"], self.next_variant
        )
        self.act_prev = window_action(
            self, _("&Previous variant"), ["Ctrl+Up", "Ctrl+K"], self.previous_variant
        )
        self.act_search = window_action(self, _("&Search"), "Ctrl+F", self.list.focus_search)
        self.act_list = window_action(
            self,
            _("Go to the variant list"),
            "Ctrl+L",
            lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_rationale = window_action(
            self,
            _("Go to the rationale"),
            "Alt+R",
            lambda: self.form.rationale.setFocus(Qt.FocusReason.ShortcutFocusReason),
        )
        self.act_agreement = window_action(
            self, _("&Agreement by group…"), None, self.show_agreement
        )
        self.act_triggers = window_action(
            self, _("Escalation &triggers…"), None, self.edit_triggers
        )
        self.act_shortcuts = window_action(
            self, _("&Keyboard shortcuts"), "F1", self.show_shortcuts
        )

        menu = self.menuBar()
        file_menu = menu.addMenu(_("&File"))
        file_menu.addActions([self.act_import, self.act_export])
        file_menu.addSeparator()
        file_menu.addAction(self.act_close)
        decide = menu.addMenu(_("&Decision"))
        decide.addActions([*self.act_decisions, self.act_record, self.act_rationale])
        decide.addSeparator()
        decide.addActions([self.act_next, self.act_prev])
        view = menu.addMenu(_("&View"))
        view.addActions([self.act_search, self.act_list, self.act_agreement])
        settings_menu = menu.addMenu(_("&Settings"))
        settings_menu.addAction(self.act_triggers)
        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(language_action(self))

    def shortcut_actions(self) -> list[QAction]:
        return [
            *self.act_decisions,
            self.act_record,
            self.act_rationale,
            self.act_next,
            self.act_prev,
            self.act_search,
            self.act_list,
            self.act_import,
            self.act_export,
            self.act_close,
            self.act_shortcuts,
        ]

    # -- navigation -----------------------------------------------------------------------
    def next_variant(self) -> None:
        self.list.step(1)

    def previous_variant(self) -> None:
        self.list.step(-1)

    def _stash_draft(self) -> None:
        if self.current_id and not self._deciding:
            if self.form.is_draft():
                self.drafts[self.current_id] = self.form.state()
            else:
                self.drafts.pop(self.current_id, None)

    def _row_changed(self, variant_id: str) -> None:
        self._stash_draft()
        self.current_id = variant_id or None
        self._show_current()

    def _show_current(self) -> None:
        vid = self.current_id
        s = self.model.summary(vid) if vid else None
        self.detail.show_summary(s, checking=self.checks.running())
        if s is None:
            self.form.setEnabled(False)
            self.history.show_history([])
            return
        self.form.setEnabled(True)
        d = s.decision
        panelist = next((v.panelist for v in s.votes if d and v.id == d.adopted_rewrite_from), "")
        title = f"{s.variant.key} · {s.variant.locale_label}"
        self.form.load(title, d, panelist, self.drafts.get(s.variant.id))
        self.history.show_history(self.session.core.decision_history(s.variant.id))

    # -- deciding -------------------------------------------------------------------------
    def choose_decision(self, decision: str) -> None:
        self.form.choose(decision)
        self.form.clear_message()

    def adopt_rewrite(self, vote_id: str, panelist: str) -> None:
        s = self.model.summary(self.current_id or "")
        vote = next((v for v in s.votes if v.id == vote_id), None) if s else None
        if vote is not None:
            self.form.adopt(vote_id, panelist, vote.rewrite.strip())

    def record_decision(self) -> None:
        """Record the form's decision: the core refuses a non-go without rationale, said inline."""
        if self.current_id is None:
            return
        state = self.form.state()
        if state.decision is None:
            self.form.show_message(_("Choose a decision first: Ctrl+1 … Ctrl+4."))
            return
        self._deciding = True
        try:
            done = self.session.decide(
                self.current_id, state.decision, state.rationale, state.adopt_vote_id
            )
        finally:
            self._deciding = False
        if done:
            self.form.clear_message()

    def _decision_recorded(self, variant_id: str) -> None:
        self.drafts.pop(variant_id, None)
        self.model.refresh_variant(variant_id)
        if variant_id == self.current_id:
            self._show_current()
        self._update_market()

    def _saved(self, iso: str) -> None:
        self.saved_label.setText(_("Saved at {time}").format(time=format_saved_time(iso)))

    def _failed(self, message: str) -> None:
        if self._deciding:
            self.form.show_message(message)
            self.form.rationale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _("CulturePanel"), message, parent=self)
        box.open()

    # -- changes of the whole file ----------------------------------------------------------
    def _everything_changed(self) -> None:
        self._stash_draft()
        vid = self.current_id
        self.model.reload()
        self.current_id = None
        self.list.select_variant(vid)
        if self.current_id is None:  # the same row again: no selection signal
            self.current_id = self.list.current_id()
            self._show_current()
        self._update_market()

    def _update_market(self) -> None:
        market = self.session.core.market()
        self.strip.show_market(market)
        self.progress_label.setText(
            ngettext(
                "{decided} of {total} variant decided",
                "{decided} of {total} variants decided",
                market.variants,
            ).format(decided=market.decided, total=market.variants)
        )

    # -- merging --------------------------------------------------------------------------
    def import_packages(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Import returned packages"),
            str(self.session.core.path.parent),
            _("CulturePanel files (*.cpanel)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> MergeReport | None:
        self.statusBar().showMessage(_("Merging…"))
        report = self.session.merge(files)
        self.statusBar().clearMessage()
        return report

    def _merged(self, report: MergeReport) -> None:
        self.merge_dialog = MergeSummaryDialog(report, self)
        self.merge_dialog.open()
        if any(f.status in (ACCEPTED, REPLACED) for f in report.files):
            self.start_checks()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and cpanel_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = cpanel_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(files)

    # -- findings in the background ---------------------------------------------------------
    def start_checks(self) -> None:
        self.checks_label.setText(_("Running the automated checks…"))
        self.checks.start()

    def _checks_progressed(self, done: int, total: int) -> None:
        if not self.checks.running():
            return
        self.checks_label.setText(
            _("Automated checks: {done} of {total}").format(done=done, total=total)
        )

    def _checks_finished(self, checked: int) -> None:
        self.checks_label.setText("")
        if checked:
            self.session.findings_updated()
        else:
            self._show_current()

    def _checks_failed(self, message: str) -> None:
        self.checks_label.setText(
            _("The automated checks could not run: {reason}").format(reason=message)
        )

    # -- other actions --------------------------------------------------------------------
    def export(self) -> None:
        try:
            written = export_report(self, self.session.core)
        except (CulturePanelError, OSError) as exc:
            QMessageBox(QMessageBox.Icon.Warning, _("Export report"), str(exc), parent=self).open()
            return
        if written:
            self.statusBar().showMessage(
                _("Wrote {file}.").format(file=", ".join(str(p) for p in written)), 10000
            )

    def show_agreement(self) -> None:
        AgreementDialog(self.session.core, self).open()

    def edit_triggers(self) -> None:
        dialog = TriggerSettingsDialog(self.session.core.config, self)
        if dialog.exec():
            config = dialog.config()
            save_trigger_config(config)
            self.session.set_config(config)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcut_actions(), [], self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.checks.stop()
        if not self._closed:
            self._closed = True
            self.session.close()
        super().closeEvent(event)

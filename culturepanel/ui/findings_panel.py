"""The automated findings dock, and the worker that computes findings in the background.

:class:`FindingsWorker` runs :func:`culturepanel.findings.update_findings` in a
thread with its own connection to the file, reporting progress, so the window
never freezes; findings already stored for unchanged text are reused, so a
reopened package is ready at once. :class:`FindingsPanel` lists the selected
variant's findings, most severe first, highlights the text each one concerns,
and lets the panelist dismiss one with a reason (or restore it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from culturepanel.errors import CulturePanelError
from culturepanel.findings import StoredFinding, stored_findings, update_findings
from culturepanel.i18n import _, ngettext
from culturepanel.review.session import VariantRow
from culturepanel.storage.database import open_file
from culturepanel.ui.qt_session import QtReviewSession

_GLYPH = {"critical": "⛔", "major": "▲", "minor": "●", "info": "ℹ"}
_HIGHLIGHT = {"critical": "#f5b7b1", "major": "#fad7a0", "minor": "#fcf3cf", "info": "#d6eaf8"}


def severity_text(severity: str) -> str:
    return {
        "critical": _("Critical"),
        "major": _("Major"),
        "minor": _("Minor"),
        "info": _("Info"),
    }.get(severity, severity)


class FindingsWorker(QThread):
    """Computes missing findings of a file in the background."""

    progressed = Signal(int, int)
    finished_run = Signal(int, int)  # checked, reused
    failed = Signal(str)

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = path
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        try:
            with open_file(self.path) as cpf:
                result = update_findings(
                    cpf, progress=self.progressed.emit, cancelled=lambda: self._stop
                )
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return
        self.finished_run.emit(result.checked, result.reused)


class FindingsPanel(QWidget):
    """The selected variant's findings; needs the detail view to highlight spans."""

    counts_changed = Signal()

    def __init__(self, session: QtReviewSession, target: QTextEdit | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.target = target  # the variant's text widget (QPlainTextEdit)
        self.variant: VariantRow | None = None
        self.found: list[StoredFinding] = []

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("EmptyHint")
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Automated findings"))
        self.list.currentRowChanged.connect(self._select)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("NotesBox")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.reason.hide()
        self.dismiss_button = QPushButton(_("Dismiss…"))
        self.dismiss_button.setToolTip(_("Dismiss this finding, saying why (Ctrl+D)"))
        self.dismiss_button.setShortcut("Ctrl+D")
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.clicked.connect(self.restore_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self.worker: FindingsWorker | None = None
        self._update_buttons()

    # -- background computation -------------------------------------------------------
    def start(self) -> None:
        """Compute missing findings in the background (reused ones appear at once)."""
        self.worker = FindingsWorker(self.session.core.path, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished_run.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.progress.setFormat(_("Checking %v of %m variants…"))
        self.worker.start()

    def stop(self) -> None:
        """Stop the worker (before the file is closed); its late signals are dropped."""
        if self.worker is not None:
            for signal in (self.worker.progressed, self.worker.finished_run, self.worker.failed):
                signal.disconnect()
            self.worker.stop()
            self.worker.wait(30000)
            self.worker = None

    def _progressed(self, done: int, total: int) -> None:
        if self.worker is None:  # stopped: the file may be closed already
            return
        if done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.show()

    def _finished(self, checked: int, reused: int) -> None:
        if self.worker is None:
            return
        self.progress.hide()
        self.counts_changed.emit()
        self.show_variant(self.variant)

    def _failed(self, message: str) -> None:
        if self.worker is None:
            return
        self.progress.hide()
        self.status.setText(
            _("The automated checks could not run: {reason}").format(reason=message)
        )

    # -- showing ----------------------------------------------------------------------
    def show_variant(self, variant: VariantRow | None) -> None:
        self.variant = variant
        self.list.clear()
        self.found = stored_findings(self.session.core.pkg, variant.id) if variant else []
        shown = [s for s in self.found if not s.finding.inconclusive or s.dismissed]
        # of the checks that could not decide, only the language check matters to a reviewer
        # (the others say what HQ's configuration lacks, e.g. a channel without a limit)
        inconclusive = [
            s
            for s in self.found
            if s.finding.inconclusive and not s.dismissed and s.finding.check == "language"
        ]
        self.found = shown + inconclusive
        for s in self.found:
            f = s.finding
            text = f"{_GLYPH.get(f.severity, '•')} {severity_text(f.severity)} · {f.message}"
            if f.inconclusive:
                text = "? " + _("Inconclusive") + " · " + f.message
            if s.dismissed:
                text = _("Dismissed: {finding}").format(finding=text)
            item = QListWidgetItem(text)
            item.setToolTip(f.reason)
            if s.dismissed or f.inconclusive:
                item.setForeground(QColor("#7b8794"))
            self.list.addItem(item)
        if variant is None:
            self.status.setText("")
        elif not self.found:
            running = self.worker is not None and self.worker.isRunning()
            self.status.setText(
                _("Checking…") if running else _("No automated findings for this variant.")
            )
        else:
            open_count = sum(
                1 for s in self.found if not s.dismissed and not s.finding.inconclusive
            )
            self.status.setText(
                ngettext("{count} open finding", "{count} open findings", open_count).format(
                    count=open_count
                )
            )
        self._highlight([])
        self.reason.hide()
        if self.found:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current(self) -> StoredFinding | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _select(self, _row: int) -> None:
        s = self.current()
        self._update_buttons()
        if s is None:
            return
        lines = [_("Why: {reason}").format(reason=s.finding.reason)]
        if s.dismissed:
            lines.append(
                _("Dismissed by {actor} on {at}: {reason}").format(
                    actor=s.dismissed["actor"],
                    at=s.dismissed["at"][:10],
                    reason=s.dismissed["reason"],
                )
            )
        self.reason.setText("\n".join(lines))
        self.reason.show()
        self._highlight([s] if s.finding.span else [])

    def _highlight(self, selected: list[StoredFinding]) -> None:
        if self.target is None:
            return
        selections = []
        for s in selected:
            start, end = s.finding.span
            cursor = QTextCursor(self.target.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(_HIGHLIGHT.get(s.finding.severity, "#fcf3cf")))
            fmt.setToolTip(s.finding.message)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.target.setExtraSelections(selections)

    def _update_buttons(self) -> None:
        s = self.current()
        locked = self.session.core.submitted
        self.dismiss_button.setEnabled(bool(s and not s.dismissed and not locked))
        self.restore_button.setEnabled(bool(s and s.dismissed and not locked))

    # -- dismissing -------------------------------------------------------------------
    def dismiss_current(self) -> None:
        s = self.current()
        if s is None or s.dismissed or self.session.core.submitted:
            return
        reason, ok = QInputDialog.getText(
            self,
            _("Dismiss finding"),
            _("Why is this finding not a problem here? (recorded with your name)"),
        )
        if ok and reason.strip():
            self.session.dismiss_finding(s.variant_id, s.key, reason)
            self.counts_changed.emit()
            self.show_variant(self.variant)

    def restore_current(self) -> None:
        s = self.current()
        if s is None or not s.dismissed or self.session.core.submitted:
            return
        self.session.restore_finding(s.variant_id, s.key)
        self.counts_changed.emit()
        self.show_variant(self.variant)

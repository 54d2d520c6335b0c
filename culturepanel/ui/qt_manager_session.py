"""Qt adapter over :class:`culturepanel.consolidation.session.ManagerSession`.

Each action of the manager's window is one call here; each call runs one core
function and emits one signal saying what changed. Errors from the core come
back as ``failed`` with their user-facing message. :class:`ManagerFindingsWorker`
computes the automated findings of the results file in a thread with its own
connection, as the review window's findings worker does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from culturepanel.consolidation.merge import MergeReport
from culturepanel.consolidation.session import ConsolidationChange, ManagerSession
from culturepanel.consolidation.triggers import TriggerConfig
from culturepanel.errors import CulturePanelError


class QtManagerSession(QObject):
    """Signals: ``decision_recorded(variant_id)``, ``everything_changed()``,
    ``merged(MergeReport)``, ``saved(iso_time)``, ``failed(message)``."""

    decision_recorded = Signal(str)
    everything_changed = Signal()
    merged = Signal(object)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, path: Path, config: TriggerConfig | None = None, parent=None):
        super().__init__(parent)
        self.core = ManagerSession(Path(path), config)

    def _emit(self, change: ConsolidationChange) -> None:
        if change.everything:
            self.everything_changed.emit()
        for vid in change.variant_ids:
            self.decision_recorded.emit(vid)
        if change.saved_at:
            self.saved.emit(change.saved_at)

    def decide(
        self, variant_id: str, decision: str, rationale: str, adopt_vote_id: str | None = None
    ) -> bool:
        try:
            change = self.core.decide(variant_id, decision, rationale, adopt_vote_id)
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return False
        self._emit(change)
        return True

    def merge(self, files: Sequence[Path]) -> MergeReport | None:
        try:
            report, change = self.core.merge([Path(f) for f in files])
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return None
        self._emit(change)
        self.merged.emit(report)
        return report

    def set_config(self, config: TriggerConfig) -> None:
        self._emit(self.core.set_config(config))

    def findings_updated(self) -> None:
        """The worker stored new findings: read the summaries again."""
        self._emit(self.core.set_config(self.core.config))

    def close(self) -> None:
        self.core.close()


class ManagerFindingsWorker(QThread):
    """Computes the missing findings of a results file in the background."""

    progressed = Signal(int, int)
    finished_run = Signal(int, int)  # checked, reused
    failed = Signal(str)

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        try:
            session = ManagerSession(self.path)
            try:
                run = session.update_findings(
                    progress=self.progressed.emit, cancelled=lambda: self._stop
                )
            finally:
                session.close()
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return
        self.finished_run.emit(run.checked, run.reused)


class ManagerChecks(QObject):
    """One :class:`ManagerFindingsWorker` at a time: start, stop, and what it reported.

    Signals: ``progressed(done, total)``, ``done(checked)``, ``failed(message)``; a stopped
    worker's late signals are dropped (the file may be closed already).
    """

    progressed = Signal(int, int)
    done = Signal(int)
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.worker: ManagerFindingsWorker | None = None

    def running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        self.stop()
        self.worker = ManagerFindingsWorker(self.path, self)
        self.worker.progressed.connect(self.progressed)
        self.worker.finished_run.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def stop(self) -> None:
        if self.worker is not None:
            for signal in (self.worker.progressed, self.worker.finished_run, self.worker.failed):
                signal.disconnect()
            self.worker.stop()
            self.worker.wait(30000)
            self.worker = None  # its signals still queued are dropped by _current()

    def _current(self) -> bool:
        """The signal comes from the running worker, not from one stopped since."""
        return self.worker is not None and self.sender() is self.worker

    def _finished(self, checked: int, _reused: int) -> None:
        if not self._current():
            return
        worker, self.worker = self.worker, None
        worker.wait()
        self.done.emit(checked)

    def _failed(self, message: str) -> None:
        if not self._current():
            return
        worker, self.worker = self.worker, None
        worker.wait()
        self.failed.emit(message)

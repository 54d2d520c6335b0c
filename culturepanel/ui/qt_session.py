"""Qt adapter over :class:`culturepanel.review.session.ReviewSession`.

Each UI action is one call here; each call runs one core function and emits
one signal describing what changed. Errors from the core are re-emitted as
``failed`` with their user-facing message, never as tracebacks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from culturepanel.errors import CulturePanelError
from culturepanel.review.session import Change, ReviewSession


class QtReviewSession(QObject):
    """Signals: ``vote_recorded(variant_id)``, ``checklist_answered(item_id)``,
    ``saved(iso_time)``, ``submission_changed()``, ``failed(message)``."""

    vote_recorded = Signal(str)
    checklist_answered = Signal(str)
    saved = Signal(str)
    submission_changed = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.core = ReviewSession(path)

    def _emit(self, change: Change) -> None:
        for vid in change.variant_ids:
            self.vote_recorded.emit(vid)
        for item_id in change.checklist_items:
            self.checklist_answered.emit(item_id)
        if change.submitted_changed:
            self.submission_changed.emit()
        if change.saved_at:
            self.saved.emit(change.saved_at)

    def _run(self, func, *args: Any) -> bool:
        try:
            change = func(*args)
        except CulturePanelError as exc:
            self.failed.emit(str(exc))
            return False
        self._emit(change)
        return True

    def save_vote(self, variant_id: str, changes: dict[str, Any]) -> bool:
        return self._run(self.core.save, variant_id, changes)

    def answer_checklist(self, item_id: str, answer: str | None, note: str) -> bool:
        return self._run(self.core.answer_checklist, item_id, answer, note)

    def dismiss_finding(self, variant_id: str, key: str, reason: str) -> bool:
        return self._run(self.core.dismiss_finding, variant_id, key, reason)

    def restore_finding(self, variant_id: str, key: str) -> bool:
        return self._run(self.core.restore_finding, variant_id, key)

    def submit(self, force: bool = False) -> bool:
        return self._run(self.core.submit, force)

    def reopen(self) -> bool:
        return self._run(self.core.reopen)

    def set_consent(self, consent: str) -> bool:
        return self._run(self.core.set_consent, consent)

    def close(self) -> None:
        self.core.close()

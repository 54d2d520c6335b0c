"""The variant list: a table model over the package file, and its filter.

:class:`VariantTableModel` holds only the ordered variant ids; rows are fetched
from the file in pages when first shown and dropped from the cache when a vote
on them is recorded. :class:`VariantFilterProxy` filters by review status and
by a search (run in SQL by the core, not over copies in widgets).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from culturepanel.i18n import _
from culturepanel.review.session import (
    STATUS_CONCERNS,
    STATUS_NOT_REVIEWED,
    STATUS_REVIEWED,
    ReviewSession,
    VariantRow,
)
from culturepanel.review.votes import DECISION_LABELS
from culturepanel.ui.filter_proxy import RefilterProxy

COL_STATUS, COL_KEY, COL_LOCALE, COL_CHANNEL, COL_FLAGS, COL_DECISION = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_STATUS_MARK = {STATUS_NOT_REVIEWED: "○", STATUS_REVIEWED: "●", STATUS_CONCERNS: "◆"}
_STATUS_COLOR = {
    STATUS_NOT_REVIEWED: QColor("#8a8f98"),
    STATUS_REVIEWED: QColor("#1e8449"),
    STATUS_CONCERNS: QColor("#b9770e"),
}

Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    return {
        STATUS_NOT_REVIEWED: _("Not reviewed"),
        STATUS_REVIEWED: _("Reviewed"),
        STATUS_CONCERNS: _("Has concerns"),
    }[status]


class VariantTableModel(QAbstractTableModel):
    """Rows are variant ids; data is fetched lazily from the session's file."""

    PAGE = 200

    def __init__(self, session: ReviewSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.ids: list[str] = session.variant_ids()
        self._row_of = {vid: i for i, vid in enumerate(self.ids)}
        self._cache: dict[str, VariantRow] = {}
        self.finding_counts: dict[str, int] = {}

    # -- Qt overrides ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return {COL_STATUS: _("Review status"), COL_FLAGS: _("Findings and changes")}.get(
                section
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return ["", _("Key"), _("Locale"), _("Channel"), "⚑", _("Decision")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        vid = self.ids[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return vid
        if role == STATUS_ROLE:
            return self.session.status(vid)
        row = self.row(vid)
        status = self.session.status(vid)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STATUS:
                return _STATUS_MARK[status]
            if col == COL_KEY:
                return row.key
            if col == COL_LOCALE:
                return row.locale_label
            if col == COL_CHANNEL:
                return row.channel or ""
            if col == COL_FLAGS:
                flags = []
                count = self.finding_counts.get(vid, 0)
                if count:
                    flags.append(f"⚑ {count}")
                if self.session.changed_since_vote(row):
                    flags.append("✎")
                return " ".join(flags)
            if col == COL_DECISION:
                vote = self.session.vote(vid)
                return _(DECISION_LABELS[vote.decision]) if vote and vote.decision else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(_STATUS_COLOR[status])
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STATUS:
                return status_label(status)
            if col == COL_FLAGS:
                tips = []
                if self.finding_counts.get(vid):
                    tips.append(
                        _("Automated findings: {count}").format(count=self.finding_counts[vid])
                    )
                if self.session.changed_since_vote(row):
                    tips.append(_("Changed since your vote"))
                return "\n".join(tips) or None
            return row.text[:300]
        if role == Qt.ItemDataRole.FontRole and col == COL_KEY and status == STATUS_NOT_REVIEWED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_STATUS:
            return status_label(status)
        return None

    # -- helpers --------------------------------------------------------------------
    def row(self, variant_id: str) -> VariantRow:
        if variant_id not in self._cache:
            start = self._row_of[variant_id] // self.PAGE * self.PAGE
            page = [i for i in self.ids[start : start + self.PAGE] if i not in self._cache]
            self._cache.update(self.session.variants(page))
        return self._cache[variant_id]

    def row_of(self, variant_id: str) -> int:
        return self._row_of.get(variant_id, -1)

    def refresh_variant(self, variant_id: str) -> None:
        """A vote on ``variant_id`` was recorded: redraw its row."""
        r = self._row_of.get(variant_id)
        if r is not None:
            self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))

    def set_finding_counts(self, counts: dict[str, int]) -> None:
        self.finding_counts = counts
        if self.ids:
            self.dataChanged.emit(
                self.index(0, COL_FLAGS), self.index(len(self.ids) - 1, COL_FLAGS)
            )


class VariantFilterProxy(RefilterProxy):
    """Filter by status (``None`` = all) and by a search text (SQL in the core)."""

    def __init__(self, session: ReviewSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.status_filter: str | None = None
        self._matches: set[str] | None = None

    def set_status_filter(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "status_filter", status))

    def set_search(self, text: str) -> None:
        matches = self.session.search(text) if text.strip() else None
        self._refilter(lambda: setattr(self, "_matches", matches))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        vid = model.ids[source_row]
        if self._matches is not None and vid not in self._matches:
            return False
        return self.status_filter is None or self.session.status(vid) == self.status_filter

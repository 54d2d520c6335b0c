"""Side panels (docks) of the review window: calendar and automated findings.

Each panel shows what the package carries, plainly, through a small interface
(``show_variant``) that the calendar and checks parts of the app fill in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from culturepanel.formatting import format_day
from culturepanel.i18n import _
from culturepanel.review.session import ReviewSession, VariantRow


class _ListPanel(QWidget):
    def __init__(self, empty_text: str, headers: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("EmptyHint")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)

    def _fill(self, rows: list[list[str]], tips: list[str] | None = None) -> None:
        self.tree.clear()
        for i, row in enumerate(rows):
            item = QTreeWidgetItem(row)
            if tips and tips[i]:
                for col in range(len(row)):
                    item.setToolTip(col, tips[i])
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.empty.setVisible(not rows)
        self.tree.setVisible(bool(rows))


class CalendarPanel(_ListPanel):
    """Timing findings and calendar entries around the selected variant's launch window."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(
            _("This package carries no calendar for its market."),
            [_("Dates"), _("Name"), _("Kind")],
            parent,
        )
        self.session = session
        self.show_variant(None)

    def show_variant(self, variant: VariantRow | None) -> None:
        calendar = self.session.calendar()
        if calendar is None:
            self._fill([])
            return
        rows, tips = [], []
        if variant is not None:
            for f in self.session.timing_findings(variant):
                rows.append([f.severity, f.message, f.suggestion])
                tips.append(f.reason)
        for e in calendar.entries:
            if (
                variant
                and variant.launch_start
                and variant.launch_end
                and not (e.start <= variant.launch_end and e.end >= variant.launch_start)
            ):
                continue
            dates = format_day(e.start)
            if e.end != e.start:
                dates = f"{dates} – {format_day(e.end)}"
            rows.append([dates, e.name, e.kind])
            tips.append(e.reason or "")
        self._fill(rows, tips)


class FindingsPanel(_ListPanel):
    """Automated findings for the selected variant."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(
            _("No automated findings for this variant."),
            [_("Severity"), _("Finding")],
            parent,
        )
        self.session = session
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)

    def show_variant(self, variant: VariantRow | None) -> None:
        self._fill([])

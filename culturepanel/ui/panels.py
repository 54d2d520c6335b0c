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

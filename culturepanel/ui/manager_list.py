"""The left side of the manager's window: the variants, disagreements first, with filter and search.

:class:`ManagerVariantList` holds the table over :class:`ManagerVariantModel`
through :class:`ManagerFilterProxy`, a search field and the state filter (all /
needs a decision / escalations / decided), and moves the selection for the
window (next, previous, a given variant). ``current_changed(variant_id)``
says which variant is selected (``""`` for none).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QVBoxLayout,
    QWidget,
)

from culturepanel.consolidation.session import ManagerSession
from culturepanel.i18n import _
from culturepanel.ui.list_views import search_field, variant_table
from culturepanel.ui.manager_model import (
    COL_DECISION,
    COL_DISAGREEMENT,
    COL_KEY,
    COL_LOCALE,
    COL_RECOMMENDATION,
    COL_TRIGGERS,
    FILTER_ALL,
    FILTER_DECIDED,
    FILTER_ESCALATIONS,
    FILTER_OPEN,
    ID_ROLE,
    ManagerFilterProxy,
    ManagerVariantModel,
)


class ManagerVariantList(QWidget):
    """Search, filter and the table of variants."""

    current_changed = Signal(str)

    def __init__(self, session: ManagerSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ManagerVariantModel(session, self)
        self.proxy = ManagerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = variant_table(
            self.proxy,
            _("Variants, disagreements first"),
            {
                COL_KEY: 110,
                COL_LOCALE: 56,
                COL_DISAGREEMENT: 112,
                COL_TRIGGERS: 60,
                COL_RECOMMENDATION: 112,
            },
            stretch=COL_DECISION,
        )

        self.search = search_field(
            _("Search key, text or comments (Ctrl+F)"), self.proxy.set_search, self.table.setFocus
        )
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(_("Show"))
        for text, value in (
            (_("All variants"), FILTER_ALL),
            (_("Needs a decision"), FILTER_OPEN),
            (_("Escalations"), FILTER_ESCALATIONS),
            (_("Decided"), FILTER_DECIDED),
        ):
            self.state_filter.addItem(text, value)
        self.state_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_state(self.state_filter.currentData())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.state_filter)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(current.data(ID_ROLE) if current.isValid() else "")

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def visible_ids(self) -> list[str]:
        """The variant ids in the list's order, as filtered."""
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, COL_KEY)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def select_variant(self, variant_id: str | None) -> None:
        """Select ``variant_id`` if the filter shows it, else the first row."""
        row = self.model.row_of(variant_id) if variant_id else -1
        index = self.proxy.mapFromSource(self.model.index(row, COL_KEY)) if row >= 0 else None
        self.select_row(index.row() if index is not None and index.isValid() else 0)

    def step(self, offset: int) -> None:
        row = self.table.currentIndex().row() + offset
        if 0 <= row < self.proxy.rowCount():
            self.select_row(row)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

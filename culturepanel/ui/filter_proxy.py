"""A filter proxy whose criteria change through one method that works on every Qt 6."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel


class RefilterProxy(QSortFilterProxyModel):
    """Base of the app's filter proxies: ``_refilter(change)`` applies a criteria change."""

    def _refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9: invalidateFilter is deprecated
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

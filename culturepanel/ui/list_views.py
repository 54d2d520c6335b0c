"""The row-selecting list table shared by the review and manager windows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def variant_table(
    model: QAbstractItemModel, name: str, widths: dict[int, int], stretch: int
) -> QTableView:
    """A single-selection, row-wise table over ``model`` with fixed starting widths.

    Sizing columns to their contents would read every row of a big file, so the
    columns start at ``widths`` (users can resize them) and ``stretch`` takes the rest.
    """
    table = QTableView()
    table.setObjectName("VariantList")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setAccessibleName(name)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for col, width in widths.items():
        header.resizeSection(col, width)
    return table

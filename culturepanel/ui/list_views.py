"""The list table and search field shared by the review, manager and HQ windows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView


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


def search_field(placeholder: str, on_text, on_return) -> QLineEdit:
    """The search-as-you-type field above a list: ``on_text(text)``, ``on_return()``."""
    field = QLineEdit()
    field.setObjectName("SearchField")
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    field.textChanged.connect(on_text)
    field.returnPressed.connect(on_return)
    return field

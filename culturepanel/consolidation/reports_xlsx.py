"""The XLSX report: a *Decisions* sheet (one row per variant and market) and a *Markets* sheet.

The header row is styled and frozen with the key and locale columns, every
column has an autofilter, long text wraps, right-to-left text is aligned right.
Text is never taken as a formula, whatever it starts with.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from culturepanel.i18n import _
from culturepanel.locales import parse_locale
from culturepanel.review.ballot_layout import clean

from .agreement import AGREEMENT_DIMENSIONS, AGREEMENT_LABELS
from .decisions import DECISION_LABELS

if TYPE_CHECKING:
    from .reports import Column, MarketLine, ReportRow

_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_WRAP = Alignment(wrap_text=True, vertical="top")
_WRAP_RTL = Alignment(wrap_text=True, vertical="top", horizontal="right", readingOrder=2)
_MAX_CELL_TEXT = 32767
_RTL_HEADERS = ("Text", "Adopted rewrite")


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    if isinstance(value, str):
        value = clean(value)[:_MAX_CELL_TEXT]
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    return cell


def _header(ws: Worksheet, titles: Sequence[str], widths: Sequence[int]) -> None:
    for col, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = _put(ws, 1, col, title)
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = 32


def _rtl(locale: str) -> bool:
    try:
        return parse_locale(locale).rtl
    except ValueError:
        return False


def write_workbook(
    rows: Sequence[ReportRow], out: Path, columns: Sequence[Column], markets: Sequence[MarketLine]
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = _("Decisions")[:31]
    _header(ws, [_(h) for h, _g, _w in columns], [w for _h, _g, w in columns])
    rtl_cols = {i for i, (h, _g, _w) in enumerate(columns, start=1) if h in _RTL_HEADERS}
    for r, row in enumerate(rows, start=2):
        rtl = _rtl(row.locale)
        for c, (_h, get, _w) in enumerate(columns, start=1):
            cell = _put(ws, r, c, get(row))
            cell.alignment = _WRAP_RTL if rtl and c in rtl_cols else _WRAP
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    _markets_sheet(wb.create_sheet(_("Markets")[:31]), markets)
    tmp = out.with_name(out.name + ".partial")
    wb.save(tmp)
    tmp.replace(out)
    return out


def _markets_sheet(ws: Worksheet, markets: Sequence[MarketLine]) -> None:
    titles = [
        _("Market"),
        _("Campaign"),
        _("Panelists"),
        _("Returns"),
        _("Variants"),
        _("Decided"),
        _("Flagged for escalation"),
    ]
    titles += [_(label) for label in DECISION_LABELS.values()]
    titles += [
        _("Alpha: {dimension}").format(dimension=_(AGREEMENT_LABELS[d]))
        for d in AGREEMENT_DIMENSIONS
    ]
    _header(ws, titles, [14] * len(titles))
    for r, m in enumerate(markets, start=2):
        values: list[Any] = [
            m.market, m.campaign, m.panelists, m.returns, m.variants, m.decided, m.triggered,
        ]  # fmt: skip
        values += [m.decisions.get(d, 0) for d in DECISION_LABELS]
        values += [
            round(v, 3) if (v := m.alphas.get(d)) is not None else None
            for d in AGREEMENT_DIMENSIONS
        ]
        for c, value in enumerate(values, start=1):
            _put(ws, r, c, value)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{max(len(markets) + 1, 1)}"

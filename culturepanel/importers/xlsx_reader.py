"""XLSX workbooks, read with openpyxl (read-only, cached formula values).

The first worksheet is read, or the one named by ``sheet`` (matched exactly,
then ignoring case and surrounding spaces). Cells become text the way a
spreadsheet shows them, within reason: whole numbers without ``.0``, simple
number formats honoured (``0.00``, ``000``, ``0%``), real date cells kept as
dates, booleans as ``TRUE``/``FALSE``, and formula errors (``#REF!``...)
reported as problems. openpyxl's warnings about features it drops (data
validation, conditional formatting...) do not concern reading values and are
silenced here rather than leaked to the caller.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from datetime import date

from openpyxl import load_workbook
from openpyxl.cell.read_only import EmptyCell, ReadOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from culturepanel.i18n import _
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ParsedFile
from culturepanel.importers.tables import TableSource, read_table
from culturepanel.importers.values import CellError

_NUMBER_FORMAT = re.compile(r"^([#0,]+)(?:\.(0+))?(%?)$")


def read_xlsx(ctx: ReadContext, data: bytes, sheet: str | None = None) -> ParsedFile:
    """Read one worksheet of an XLSX workbook; every fault becomes a problem in the result."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds of errors on a damaged file
            ctx.problem(
                _("this XLSX workbook is damaged and cannot be read ({reason}).").format(
                    reason=type(exc).__name__
                ),
                hint=_("Open it in your spreadsheet program and save it again as .xlsx."),
            )
            return ParsedFile(ctx.path, "xlsx", "unknown", problems=ctx.problems)
        try:
            worksheet = _pick_sheet(ctx, workbook, sheet)
            if worksheet is None:
                return ParsedFile(ctx.path, "xlsx", "unknown", problems=ctx.problems)
            total = max((worksheet.max_row or 1) - 1, 0)
            worksheet.reset_dimensions()  # read every row, whatever the file claims
            rows = _SheetRows(worksheet)
            source = TableSource(
                fmt="xlsx",
                row_label=_("row {number}"),
                position=lambda index: get_column_letter(index + 1),
                total=total,
                cell_errors=True,
            )
            parsed = read_table(ctx, source, rows)
            if rows.failure is not None:
                ctx.problem(
                    _("the sheet is damaged after row {number} ({reason}).").format(
                        number=rows.count, reason=rows.failure
                    ),
                    hint=_("Open it in your spreadsheet program and save it again as .xlsx."),
                )
            return parsed
        finally:
            workbook.close()


def _pick_sheet(
    ctx: ReadContext, workbook: Workbook, sheet: str | None
) -> ReadOnlyWorksheet | None:
    worksheets = workbook.worksheets
    names = [ws.title for ws in worksheets]
    if sheet is None:
        if not worksheets:
            ctx.problem(
                _("this workbook has no worksheet, only charts."),
                hint=_("Put the variants on a worksheet."),
            )
            return None
        return worksheets[0]
    for ws in worksheets:
        if ws.title == sheet:
            return ws
    wanted = sheet.strip().casefold()
    for ws in worksheets:
        if ws.title.strip().casefold() == wanted:
            return ws
    ctx.problem(
        _("there is no sheet '{sheet}' in this workbook; its sheets are: {sheets}.").format(
            sheet=sheet, sheets=", ".join(f"'{name}'" for name in names)
        ),
        hint=_("Give one of these sheet names, or none to read the first sheet."),
    )
    return None


class _SheetRows:
    """The rows of a worksheet as cell values; stops cleanly if the sheet is damaged."""

    def __init__(self, worksheet: ReadOnlyWorksheet) -> None:
        self.worksheet = worksheet
        self.failure: str | None = None
        self.count = 0
        self._formats: dict[int, str] = {}

    def __iter__(self) -> Iterator[list[object]]:
        cells = self.worksheet.iter_rows()
        while True:
            try:
                row = next(cells)
            except StopIteration:
                return
            except Exception as exc:  # openpyxl parsing a damaged sheet
                self.failure = type(exc).__name__
                return
            self.count += 1
            yield [self._value(cell) for cell in row]

    def _value(self, cell: ReadOnlyCell | EmptyCell) -> object:
        value = cell.value
        if isinstance(value, str):
            return CellError(value) if cell.data_type == "e" else value
        if value is None or isinstance(value, date):
            return value  # real date cells stay dates
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, int | float):
            return format_number(value, self._number_format(cell))
        return str(value)  # times of day, durations

    def _number_format(self, cell: ReadOnlyCell | EmptyCell) -> str:
        style = getattr(cell, "_style_id", None)
        if style is None:
            return cell.number_format
        found = self._formats.get(style)
        if found is None:
            found = self._formats[style] = cell.number_format
        return found


def format_number(value: float, number_format: str) -> str:
    """A number as a spreadsheet shows it under simple formats; ``1.0`` → ``1``."""
    match = _NUMBER_FORMAT.match(number_format)
    if match:
        whole, decimals, percent = match[1], match[2] or "", match[3]
        if percent:
            value *= 100
        if decimals:
            text = f"{value:.{len(decimals)}f}"
        else:
            text = str(round(value))
            pad = whole.replace(",", "").replace("#", "").count("0")
            if pad > 1 and value >= 0:
                text = text.zfill(pad)
        return text + percent
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return f"{value:.15g}"

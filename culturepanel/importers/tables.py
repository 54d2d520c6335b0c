"""Rows of a campaign table → validated variants: one piece of code for CSV, XLSX and JSON.

A reader hands :func:`read_table` the table's rows (cells as text, or date
objects for real spreadsheet date cells); this module finds the header, the
layout (see :mod:`.columns`), validates every row and builds the
:class:`~culturepanel.importers.model.ImportedVariant` records. Every fault is
reported with the row, the column and a hint; reading never stops at the first.

Rows above the header are ignored when they are titles: the header is the first
row, within the first :data:`HEADER_SEARCH` rows, that has a ``key`` column
(or the first non-blank row if none has).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from culturepanel.i18n import _
from culturepanel.importers.columns import (
    LONG,
    SPELLINGS,
    Layout,
    LocaleColumn,
    column_for,
    detect_layout,
)
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ImportedVariant, ParsedFile
from culturepanel.importers.values import (
    AssetChecker,
    CellError,
    DateReader,
    Fault,
    LocaleReader,
    MarketReader,
    cell_text,
)
from culturepanel.locales import MARKET_FROM_COLUMN, LocaleInfo

HEADER_SEARCH = 20


@dataclass(frozen=True)
class TableSource:
    """How a reader's table is numbered and described."""

    fmt: str  # "csv", "xlsx", "json"
    row_label: str  # translated template with {number}, e.g. "row {number}"
    position: Callable[[int], str] = lambda index: str(index + 1)  # column by place
    total: int = 0  # expected number of rows, for progress (0 if unknown)
    extra_hint: str = ""  # hint for values in columns without a header
    legacy_encoding: str | None = None  # set when text was decoded as Windows-1252
    cell_errors: bool = False  # cells may be CellError (spreadsheet formulas that failed)


@dataclass(frozen=True)
class _Common:
    """The optional columns of one row, validated."""

    source_text: str | None
    campaign: str | None
    channel: str | None
    market: str | None
    launch_start: date | None
    launch_end: date | None
    asset: Path | None
    notes: str | None


def read_table(
    ctx: ReadContext,
    source: TableSource,
    rows: Iterable[Sequence[object]],
    header: Sequence[object] | None = None,
    defaults: dict[str, str] | None = None,
) -> ParsedFile:
    """Validate a table and build its variants; every fault goes to ``ctx``.

    Rows are numbered from 1 in the order given; with ``header`` given, ``rows``
    are the data rows only. ``defaults`` fills empty optional columns (e.g. the
    campaign named once at the top of a JSON file).
    """
    numbered: Iterator[tuple[int, Sequence[object]]] = enumerate(rows, start=1)
    if header is None:
        found = _find_header(numbered)
        if found is None:
            ctx.problem(
                _("the table is empty: it has no header row."),
                hint=_("The first row must name the columns, e.g. key, locale, text."),
            )
            return ParsedFile(ctx.path, source.fmt, "unknown", problems=ctx.problems)
        header, numbered = found
    layout = detect_layout([cell_text(cell) for cell in header], ctx)
    checker = _RowChecker(ctx, source, layout, header, defaults or {})
    count = 0
    for count, (number, row) in enumerate(numbered, start=1):
        ctx.tick(count, source.total)
        checker.check(number, row)
    ctx.finish(count)
    if not checker.variants and not ctx.problems:
        ctx.problem(
            _("the file has no variants: no row has both a key and a text."),
            hint=_("Fill in the rows below the header, one per key and locale."),
        )
    return ParsedFile(ctx.path, source.fmt, layout.kind, checker.variants, ctx.problems)


def _find_header(
    numbered: Iterator[tuple[int, Sequence[object]]],
) -> tuple[Sequence[object], Iterator[tuple[int, Sequence[object]]]] | None:
    """The header row and the rows after it, or ``None`` if every row is blank."""
    for item in numbered:
        if any(cell_text(cell) for cell in item[1]):
            head = [item, *itertools.islice(numbered, HEADER_SEARCH - 1)]
            break
    else:
        return None
    start = 0
    for i, (_number, row) in enumerate(head):
        if any(column_for(cell_text(cell)) == "key" for cell in row):
            start = i
            break
    return head[start][1], itertools.chain(head[start + 1 :], numbered)


class _RowChecker:
    """Validates rows one by one and collects the variants."""

    def __init__(
        self,
        ctx: ReadContext,
        source: TableSource,
        layout: Layout,
        header: Sequence[object],
        defaults: dict[str, str],
    ) -> None:
        self.ctx = ctx
        self.source = source
        self.layout = layout
        self.labels = [cell_text(cell) for cell in header]
        self.defaults = defaults
        self.variants: list[ImportedVariant] = []
        self.width = layout.width
        absent = self.width  # rows are padded with one empty cell for absent columns
        self.at = {name: layout.fields.get(name, absent) for name in SPELLINGS}
        self.dates = DateReader()
        self.assets = AssetChecker(ctx.folder)
        self.locales = LocaleReader()
        self.markets = MarketReader()
        self.seen: dict[tuple[str, str], str] = {}
        self.legacy_flagged: set[str] = set()
        self.complete = layout.complete

    # -- one row -----------------------------------------------------------------

    def check(self, number: int, row: Sequence[object]) -> None:
        row = self._fit(number, row)
        at = self.at
        key = cell_text(row[at["key"]])
        label = self.source.row_label.format(number=number)
        before = len(self.ctx.problems)
        if self.source.cell_errors:
            self._cell_errors(row, label)
        if self.layout.kind == LONG:
            raw_locale = row[at["locale"]]
            locale_cell = cell_text(raw_locale)
            text = cell_text(row[at["text"]])
            if not (key or locale_cell or text) and self._blank(row):
                return
            if "key" in self.layout.fields and not key:
                self._problem(label, "key", _("the key is empty."), _("Every row needs a key."))
            info = None
            if "locale" in self.layout.fields and not isinstance(raw_locale, CellError):
                info = self._locale(locale_cell, label)
            if "text" in self.layout.fields and not text:
                self._problem(
                    label,
                    "text",
                    _("the text is empty."),
                    _("Give the localized text, or remove the row if there is none yet."),
                )
            common = self._common(row, label)
            if info is not None and text and key:
                self._add(key, info, locale_cell, text, common, label, "locale", before)
            return
        texts = [(column, cell_text(row[column.index])) for column in self.layout.locales]
        if not key and not any(text for _column, text in texts) and self._blank(row):
            return
        if not key and "key" in self.layout.fields:
            self._problem(label, "key", _("the key is empty."), _("Every row needs a key."))
        common = self._common(row, label)
        if not key:
            return
        for column, text in texts:
            if text:
                self._add(key, column.info, column.label, text, common, label, column, before)

    def _add(
        self,
        key: str,
        info: LocaleInfo,
        locale_label: str,
        text: str,
        common: _Common | None,
        label: str,
        column: str | LocaleColumn,
        before: int,
    ) -> None:
        column_name = column.label if isinstance(column, LocaleColumn) else self._name(column)
        identity = (key, info.tag)
        first = self.seen.get(identity)
        if first is not None:
            self.ctx.problem(
                _("the key '{key}' appears twice for {locale} (first in {first}).").format(
                    key=key, locale=info.tag, first=first
                ),
                row=label,
                column=column_name,
                hint=_("Keep one row per key and locale; 'pt_BR' and 'pt-BR' are the same locale."),
            )
            return
        self.seen[identity] = label
        if self.source.legacy_encoding and info.script != "Latn" and not text.isascii():
            text_column = column_name if isinstance(column, LocaleColumn) else self._name("text")
            self._flag_legacy(info, label, text_column)
        if common is None or len(self.ctx.problems) != before or not self.complete:
            return
        market, market_source = common.market, MARKET_FROM_COLUMN
        if market is None:
            market, market_source = info.market, info.market_source
        self.variants.append(
            ImportedVariant(
                key=key,
                locale=info.tag,
                locale_label=locale_label,
                market=market,
                market_source=market_source,
                text=text,
                source_text=common.source_text,
                campaign=common.campaign,
                channel=common.channel,
                launch_start=common.launch_start,
                launch_end=common.launch_end,
                asset=common.asset,
                notes=common.notes,
                origin=label,
            )
        )

    # -- columns -----------------------------------------------------------------

    def _common(self, row: Sequence[object], label: str) -> _Common | None:
        """The optional columns of ``row``; ``None`` if any of them is faulty."""
        at = self.at
        ok = True
        start = self._date(row[at["launch_start"]], label, "launch_start")
        end = self._date(row[at["launch_end"]], label, "launch_end")
        if start is False or end is False:
            ok = False
        elif start and end and end < start:
            ok = False
            self._problem(
                label,
                "launch_end",
                _("the launch ends ({end}) before it starts ({start}).").format(
                    end=end.isoformat(), start=start.isoformat()
                ),
                _("Check the two dates: launch_end must be on or after launch_start."),
            )
        raw_market, raw_asset = row[at["market"]], row[at["asset"]]
        if isinstance(raw_market, CellError) or isinstance(raw_asset, CellError):
            ok = False  # reported as a cell error already
            market = None
        else:
            market = self._market(cell_text(raw_market), label)
        if market is False:
            ok = False
        asset_text = cell_text(raw_asset)
        asset = None
        if asset_text and not isinstance(raw_asset, CellError):
            found = self.assets.check(asset_text)
            if isinstance(found, Fault):
                ok = False
                self._problem(label, "asset", found.message, found.hint)
            else:
                asset = found
        if not ok:
            return None
        defaults = self.defaults
        return _Common(
            source_text=cell_text(row[at["source_text"]]) or None,
            campaign=cell_text(row[at["campaign"]]) or defaults.get("campaign") or None,
            channel=cell_text(row[at["channel"]]) or defaults.get("channel") or None,
            market=market or None,
            launch_start=start or None,
            launch_end=end or None,
            asset=asset,
            notes=cell_text(row[at["notes"]]) or None,
        )

    def _date(self, value: object, label: str, field: str) -> date | bool | None:
        if isinstance(value, CellError):
            return False  # reported as a cell error already
        found = self.dates.read(value)
        if isinstance(found, Fault):
            self._problem(label, field, found.message, found.hint)
            return False
        return found

    def _market(self, text: str, label: str) -> str | bool | None:
        found = self.markets.read(text)
        if isinstance(found, Fault):
            self._problem(label, "market", found.message, found.hint)
            return False
        return found

    def _locale(self, code: str, label: str) -> LocaleInfo | None:
        found = self.locales.read(code)
        if isinstance(found, Fault):
            self._problem(label, "locale", found.message, found.hint)
            return None
        return found

    # -- helpers -----------------------------------------------------------------

    def _fit(self, number: int, row: Sequence[object]) -> list[object]:
        """``row`` cut or padded to the header's width plus one empty cell.

        Values beyond the header, or under a blank header, are reported.
        """
        width = self.width
        cells = list(row)
        if len(cells) > width:
            extra = [i for i in range(width, len(cells)) if cell_text(cells[i])]
            if extra:
                self._extra(number, extra[0])
            del cells[width:]
        for index in self.layout.unnamed:
            if index < len(cells) and cell_text(cells[index]):
                self._extra(number, index)
        cells.extend([""] * (width + 1 - len(cells)))
        return cells

    def _cell_errors(self, row: Sequence[object], label: str) -> None:
        for index, cell in enumerate(row[: self.width]):
            if isinstance(cell, CellError) and self.labels[index]:
                self.ctx.problem(
                    _("the cell shows the error {error}.").format(error=cell),
                    row=label,
                    column=self.labels[index],
                    hint=_("Fix the formula, or copy the cells and paste them as values."),
                )

    def _blank(self, row: Sequence[object]) -> bool:
        return not any(cell_text(cell) for cell in row)

    def _extra(self, number: int, index: int) -> None:
        self.ctx.problem(
            _("there is a value in column {position}, which has no header.").format(
                position=self.source.position(index)
            ),
            row=self.source.row_label.format(number=number),
            hint=self.source.extra_hint or _("Give the column a header, or remove the value."),
        )

    def _name(self, field: str) -> str:
        index = self.layout.fields.get(field)
        return self.labels[index] if index is not None else field

    def _problem(self, label: str, field: str, message: str, hint: str) -> None:
        self.ctx.problem(message, row=label, column=self._name(field), hint=hint)

    def _flag_legacy(self, info: LocaleInfo, label: str, column: str) -> None:
        if info.tag in self.legacy_flagged:
            return
        self.legacy_flagged.add(info.tag)
        self.ctx.problem(
            _(
                "the file is not UTF-8, and text for {locale} cannot be in the Windows-1252 "
                "encoding it was read with: its letters would be wrong."
            ).format(locale=info.tag),
            row=label,
            column=column,
            hint=_("Save the file as UTF-8 (in Excel: 'CSV UTF-8') and import it again."),
        )

"""Rows of a campaign table → validated variants: one piece of code for CSV, XLSX and JSON.

A reader hands :func:`read_table` the table's rows (cells as text, or date
objects for real spreadsheet date cells); this module finds the header, the
layout (see :mod:`.columns`), validates every row (the optional columns that
rows share through :mod:`.common_columns`) and builds the
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

from culturepanel.i18n import _
from culturepanel.importers.columns import LONG, Layout, LocaleColumn, column_for, detect_layout
from culturepanel.importers.common_columns import Common, CommonColumns
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ImportedVariant, ParsedFile
from culturepanel.importers.values import CellError, Fault, LocaleReader, cell_text
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
    """Validates rows one by one and collects the variants.

    What is the same for every row is worked out once, here: where each column
    is, whether rows need cutting or padding, and the readers that remember
    their verdict per distinct value. :meth:`check` then does only what a row
    needs, and reports its faults in a fixed order: values beyond the header,
    error cells, key, locale, text, the shared columns, a repeated key.
    """

    def __init__(
        self,
        ctx: ReadContext,
        source: TableSource,
        layout: Layout,
        header: Sequence[object],
        defaults: dict[str, str],
    ) -> None:
        self.ctx = ctx
        self.problems = ctx.problems
        self.source = source
        self.row_label = source.row_label
        self.layout = layout
        self.labels = [cell_text(cell) for cell in header]
        self.variants: list[ImportedVariant] = []
        self.width = layout.width
        self.long = layout.kind == LONG
        fields = layout.fields
        absent = self.width  # rows are padded with one empty cell for absent columns
        self.key_at = fields.get("key", absent)
        self.locale_at = fields.get("locale", absent)
        self.text_at = fields.get("text", absent)
        self.has_key, self.has_locale, self.has_text = (
            name in fields for name in ("key", "locale", "text")
        )
        read = (self.key_at, self.locale_at, self.text_at) if self.long else (self.key_at,)
        self.always_fit = bool(layout.unnamed) or absent in read
        self.source_text = _optional_text(fields.get("source_text"))
        self.notes = _optional_text(fields.get("notes"))
        self.common = CommonColumns(fields, ctx.folder, defaults)
        self.locales = LocaleReader()
        self.seen: dict[tuple[str, str], str] = {}
        self.legacy_flagged: set[str] = set()
        self.complete = layout.complete

    # -- one row -----------------------------------------------------------------

    def check(self, number: int, row: Sequence[object]) -> None:
        if self.always_fit or len(row) != self.width:
            row = self._fit(number, row)
        label = self.row_label.format(number=number)
        before = len(self.problems)
        errors = self.source.cell_errors and self._cell_errors(row, label)
        if self.long:
            self._check_long(row, label, before, errors)
        else:
            self._check_wide(row, label, before, errors)

    def _check_long(self, row: Sequence[object], label: str, before: int, errors: bool) -> None:
        key = cell_text(row[self.key_at])
        raw_locale = row[self.locale_at]
        locale_cell = cell_text(raw_locale)
        text = cell_text(row[self.text_at])
        if not (key or locale_cell or text) and self._blank(row):
            return
        if self.has_key and not key:
            self._problem(label, "key", _("the key is empty."), _("Every row needs a key."))
        info = None
        if self.has_locale and not isinstance(raw_locale, CellError):
            info = self._locale(locale_cell, label)
        if self.has_text and not text:
            self._problem(
                label,
                "text",
                _("the text is empty."),
                _("Give the localized text, or remove the row if there is none yet."),
            )
        common = self._common(row, label, errors)
        if info is not None and text and key:
            self._add(row, key, info, locale_cell, text, common, label, "locale", before)

    def _check_wide(self, row: Sequence[object], label: str, before: int, errors: bool) -> None:
        key = cell_text(row[self.key_at])
        texts = [(column, cell_text(row[column.index])) for column in self.layout.locales]
        if not key and not any(text for _column, text in texts) and self._blank(row):
            return
        if not key and self.has_key:
            self._problem(label, "key", _("the key is empty."), _("Every row needs a key."))
        common = self._common(row, label, errors)
        if not key:
            return
        for column, text in texts:
            if text:
                self._add(row, key, column.info, column.label, text, common, label, column, before)

    def _add(
        self,
        row: Sequence[object],
        key: str,
        info: LocaleInfo,
        locale_label: str,
        text: str,
        common: Common | None,
        label: str,
        column: str | LocaleColumn,
        before: int,
    ) -> None:
        identity = (key, info.tag)
        first = self.seen.get(identity)
        if first is not None:
            self.ctx.problem(
                _("the key '{key}' appears twice for {locale} (first in {first}).").format(
                    key=key, locale=info.tag, first=first
                ),
                row=label,
                column=self._column_name(column),
                hint=_("Keep one row per key and locale; 'pt_BR' and 'pt-BR' are the same locale."),
            )
            return
        self.seen[identity] = label
        if self.source.legacy_encoding and info.script != "Latn" and not text.isascii():
            text_column = column if isinstance(column, LocaleColumn) else "text"
            self._flag_legacy(info, label, self._column_name(text_column))
        if common is None or len(self.problems) != before or not self.complete:
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
                source_text=self.source_text(row),
                campaign=common.campaign,
                channel=common.channel,
                launch_start=common.launch_start,
                launch_end=common.launch_end,
                asset=common.asset,
                notes=self.notes(row),
                origin=label,
            )
        )

    # -- columns -----------------------------------------------------------------

    def _common(self, row: Sequence[object], label: str, errors: bool) -> Common | None:
        """The shared columns of ``row``; ``None`` (faults reported) if any is faulty."""
        verdict = self.common.read(row, remember=not errors)
        if isinstance(verdict, Common):
            return verdict
        for field, fault in verdict.faults:
            self._problem(label, field, fault.message, fault.hint)
        return None

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

    def _cell_errors(self, row: Sequence[object], label: str) -> bool:
        """Report the error cells of ``row`` under a header; True if it has any error cell."""
        found = False
        for index, cell in enumerate(row[: self.width]):
            if not isinstance(cell, CellError):
                continue
            found = True
            if self.labels[index]:
                self.ctx.problem(
                    _("the cell shows the error {error}.").format(error=cell),
                    row=label,
                    column=self.labels[index],
                    hint=_("Fix the formula, or copy the cells and paste them as values."),
                )
        return found

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

    def _column_name(self, column: str | LocaleColumn) -> str:
        return column.label if isinstance(column, LocaleColumn) else self._name(column)

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


def _optional_text(index: int | None) -> Callable[[Sequence[object]], str | None]:
    """A reader of an optional text column: a row → its trimmed text, or ``None``."""
    if index is None:
        return lambda row: None
    return lambda row: cell_text(row[index]) or None

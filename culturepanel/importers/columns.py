"""Table headers: which spellings name which column, and long versus wide layout.

A header cell names a column when, after normalising, it equals one of the
spellings in :data:`SPELLINGS`. Normalising (:func:`normalize_header`) trims the
cell, splits camelCase (``launchStart``), lower-cases, turns every run of
spaces, underscores and hyphens into one underscore and drops leading and
trailing ones. So ``launch_start``, ``Launch start``, ``launch-start``,
``LAUNCH START``, ``launchStart`` and `` _launch start_ `` all name
``launch_start``.

A header with a ``locale`` or a ``text`` column is the **long** layout (one row
per key and locale); otherwise it is the **wide** layout, where every other
header must be a locale code (``de``, ``fr-FR``, ``pt_BR``, ``zh-Hant-TW``,
``es-419``) naming the column that holds that locale's text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from culturepanel.i18n import _
from culturepanel.importers.context import ReadContext
from culturepanel.locales import LocaleInfo, parse_locale

LONG = "long"
WIDE = "wide"

#: Every column a table may have, with the normalised spellings that name it.
SPELLINGS: dict[str, tuple[str, ...]] = {
    "key": ("key",),
    "locale": ("locale",),
    "text": ("text",),
    "source_text": ("source_text", "source"),
    "campaign": ("campaign",),
    "channel": ("channel",),
    "market": ("market",),
    "launch_start": ("launch_start",),
    "launch_end": ("launch_end",),
    "asset": ("asset",),
    "notes": ("notes", "note"),
}
REQUIRED_LONG = ("key", "locale", "text")
REQUIRED_WIDE = ("key",)
#: Columns the wide layout may not have (they make a header long).
LONG_ONLY = frozenset({"locale", "text"})

_BY_SPELLING = {spelling: name for name, spellings in SPELLINGS.items() for spelling in spellings}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s_\-]+")
_LOCALE_SHAPE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def normalize_header(cell: str) -> str:
    """The spelling-independent form of a header: ``"Launch-Start "`` → ``"launch_start"``."""
    text = _CAMEL.sub("_", cell.strip())
    return _SEPARATORS.sub("_", text.lower()).strip("_")


def column_for(cell: str) -> str | None:
    """The column a header cell names, or ``None``."""
    return _BY_SPELLING.get(normalize_header(cell))


@dataclass(frozen=True)
class LocaleColumn:
    """A wide-layout column holding one locale's text."""

    index: int
    info: LocaleInfo
    label: str  # the header as written, stripped


@dataclass
class Layout:
    """Where each column of a table is, as found in its header."""

    kind: str  # LONG or WIDE
    fields: dict[str, int] = field(default_factory=dict)
    locales: list[LocaleColumn] = field(default_factory=list)
    unnamed: list[int] = field(default_factory=list)  # columns with a blank header
    width: int = 0
    complete: bool = True  # False when a required column is missing


def detect_layout(header: Sequence[str], ctx: ReadContext) -> Layout:
    """Find the layout and the columns of ``header`` (cells as text); report faults to ``ctx``."""
    cells = [cell.strip() for cell in header]
    named = {i: column_for(cell) for i, cell in enumerate(cells) if cell}
    kind = LONG if LONG_ONLY & set(named.values()) else WIDE
    layout = Layout(kind=kind, width=len(cells))
    seen_tags: dict[str, str] = {}
    unknown_locales = 0
    for index, cell in enumerate(cells):
        if not cell:
            layout.unnamed.append(index)
            continue
        name = named[index]
        if name is not None:
            if name in layout.fields:
                first = cells[layout.fields[name]]
                ctx.problem(
                    _("the column '{column}' appears twice (also as '{first}').").format(
                        column=cell, first=first
                    ),
                    column=cell,
                    hint=_("Keep one of the two columns."),
                )
            else:
                layout.fields[name] = index
            continue
        info = _locale_info(cell)
        if kind == LONG:
            _unknown_in_long(ctx, cell, info)
        elif info is not None:
            if info.tag in seen_tags:
                ctx.problem(
                    _("the locale {locale} has two columns: '{first}' and '{second}'.").format(
                        locale=info.tag, first=seen_tags[info.tag], second=cell
                    ),
                    column=cell,
                    hint=_("'pt_BR' and 'pt-BR' name the same locale; keep one column."),
                )
            else:
                seen_tags[info.tag] = cell
                layout.locales.append(LocaleColumn(index, info, cell))
        elif _LOCALE_SHAPE.match(cell):
            unknown_locales += 1
            ctx.problem(
                _("unknown locale '{locale}' in the header.").format(locale=cell),
                column=cell,
                hint=_unknown_locale_hint(cell),
            )
        else:
            ctx.problem(
                _("unknown column '{column}'.").format(column=cell),
                column=cell,
                hint=_unknown_column_hint(cell),
            )
    _check_required(layout, ctx, unknown_locales)
    return layout


def _locale_info(cell: str) -> LocaleInfo | None:
    try:
        return parse_locale(cell)
    except ValueError:
        return None


def _unknown_in_long(ctx: ReadContext, cell: str, info: LocaleInfo | None) -> None:
    if info is not None:
        ctx.problem(
            _(
                "the column '{column}' is named like a locale, but this table has "
                "'locale' and 'text' columns (one row per key and locale)."
            ).format(column=cell),
            column=cell,
            hint=_(
                "Use one layout: either 'locale' and 'text' columns, or no such columns "
                "and one column per locale named by its code."
            ),
        )
        return
    ctx.problem(
        _("unknown column '{column}'.").format(column=cell),
        column=cell,
        hint=_unknown_column_hint(cell),
    )


def _check_required(layout: Layout, ctx: ReadContext, unknown_locales: int) -> None:
    required = REQUIRED_LONG if layout.kind == LONG else REQUIRED_WIDE
    for name in required:
        if name not in layout.fields:
            layout.complete = False
            ctx.problem(
                _("the required column '{column}' is missing.").format(column=name),
                column=name,
                hint=_missing_hint(layout.kind),
            )
    if layout.kind == WIDE and not layout.locales:
        layout.complete = False
        if not unknown_locales:
            ctx.problem(
                _("the header has no locale columns and no 'locale' and 'text' columns."),
                hint=_missing_hint(WIDE),
            )


def _missing_hint(kind: str) -> str:
    if kind == LONG:
        return _(
            "A table with one row per key and locale needs the columns 'key', 'locale' "
            "and 'text' in its header row."
        )
    return _(
        "Either give one row per key and locale with the columns 'key', 'locale' and "
        "'text', or one row per key with a 'key' column and one column per locale "
        "named by its code (e.g. 'de', 'fr-FR')."
    )


def _known_columns() -> str:
    return ", ".join(SPELLINGS)


def _suggestion(cell: str) -> str | None:
    match = difflib.get_close_matches(normalize_header(cell), list(_BY_SPELLING), n=1, cutoff=0.6)
    return _BY_SPELLING[match[0]] if match else None


def _unknown_column_hint(cell: str) -> str:
    suggestion = _suggestion(cell)
    known = _(
        "The known columns are: {columns}; in a table without 'locale' and 'text' "
        "columns, the others must be locale codes."
    ).format(columns=_known_columns())
    if suggestion:
        return _("Did you mean '{column}'?").format(column=suggestion) + " " + known
    return _("Maybe a misspelled column or an unknown locale code.") + " " + known


def _unknown_locale_hint(cell: str) -> str:
    suggestion = _suggestion(cell)
    if suggestion:
        return _("Did you mean the column '{column}'?").format(column=suggestion)
    return _(
        "Use a locale code that CLDR knows, such as de, fr-FR, pt-BR, zh-Hant-TW or "
        "es-419; or, if this is not a locale, check the spelling of the column "
        "(known columns: {columns})."
    ).format(columns=_known_columns())

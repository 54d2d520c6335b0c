"""JSON campaign files: the same records as a table, as JSON objects.

Two shapes are accepted (UTF-8, or UTF-16/32 with a BOM):

* a list of objects, one per row of a table, e.g.
  ``[{"key": "hero.title", "locale": "de", "text": "Hallo"}, ...]`` (long) or
  ``[{"key": "hero.title", "de": "Hallo", "fr-FR": "Salut"}, ...]`` (wide);
* an object ``{"campaign": "Spring 2027", "source_locale": "en", "variants": [...]}``
  where ``variants`` is such a list, ``campaign`` (optional) is used for the
  records that have no campaign of their own, and ``source_locale`` (optional)
  names the language of the source copy.

Field names follow the table header rules of :mod:`.columns`; the header is the
union of all objects' fields in order of first appearance, and a missing field
is an empty cell. Values are strings, numbers or ``null``. Records are
numbered from 1 in problems (``record 3``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from culturepanel.i18n import _
from culturepanel.importers.columns import column_for, normalize_header
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ParsedFile
from culturepanel.importers.sniff import NotText, decode_text
from culturepanel.importers.tables import TableSource, read_table
from culturepanel.locales import parse_locale

_TOP_FIELDS = ("campaign", "source_locale", "variants")


def read_json(ctx: ReadContext, data: bytes) -> ParsedFile:
    """Read a JSON campaign file; every fault becomes a problem in the result."""
    failed = ParsedFile(ctx.path, "json", "unknown", problems=ctx.problems)
    try:
        text = decode_text(data).text
    except NotText as exc:
        ctx.problem(exc.message, row=exc.row, hint=exc.hint)
        return failed
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        ctx.problem(
            _("this is not valid JSON: {reason}.").format(reason=exc.msg),
            row=_("line {line}, column {column}").format(line=exc.lineno, column=exc.colno),
            hint=_(
                "Check the punctuation there: a missing comma or quote, or a comma after "
                "the last item, are the usual causes."
            ),
        )
        return failed
    except RecursionError:
        ctx.problem(
            _("this JSON is nested too deeply to be a campaign file."),
            hint=_("Give a list of objects, one per variant."),
        )
        return failed
    defaults: dict[str, str] = {}
    source_locale = None
    if isinstance(document, dict):
        records, defaults, source_locale = _unwrap(ctx, document)
    elif isinstance(document, list):
        records = document
    else:
        ctx.problem(
            _("the JSON file holds a single value, not a list of variants."),
            hint=_shape_hint(),
        )
        return failed
    if records is None:
        return failed
    slots: dict[str, str] = {}
    header = _header(records, slots)
    source = TableSource(fmt="json", row_label=_("record {number}"), total=len(records))
    rows = _rows(ctx, records, header, slots)
    parsed = read_table(ctx, source, rows, header=list(header.values()), defaults=defaults)
    parsed.source_locale = source_locale
    return parsed


def _shape_hint() -> str:
    return _(
        'Give a list of objects such as [{"key": "hero.title", "locale": "de", "text": '
        '"..."}], or an object {"campaign": "...", "variants": [...]}.'
    )


def _unwrap(
    ctx: ReadContext, document: dict[str, object]
) -> tuple[list[object] | None, dict[str, str], str | None]:
    found: dict[str, object] = {}
    for name, value in document.items():
        field = normalize_header(name)
        if field in _TOP_FIELDS:
            found[field] = value
        else:
            ctx.problem(
                _("unknown field '{field}' at the top of the file.").format(field=name),
                column=name,
                hint=_("The top object may have only 'campaign', 'source_locale' and 'variants'."),
            )
    records = found.get("variants")
    if not isinstance(records, list):
        ctx.problem(
            _("the top object has no 'variants' list."),
            column="variants",
            hint=_shape_hint(),
        )
        records = None
    defaults: dict[str, str] = {}
    campaign = found.get("campaign")
    if isinstance(campaign, str) and campaign.strip():
        defaults["campaign"] = campaign.strip()
    elif campaign is not None:
        ctx.problem(
            _("'campaign' must be the campaign's name as text."),
            column="campaign",
            hint=_('For example "campaign": "Spring 2027".'),
        )
    return records, defaults, _source_locale(ctx, found.get("source_locale"))


def _source_locale(ctx: ReadContext, value: object) -> str | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(_("'source_locale' must be a locale code as text"))
        return parse_locale(value).tag
    except ValueError as exc:
        ctx.problem(
            str(exc) + ".",
            column="source_locale",
            hint=_("Give the source language's code, e.g. en or en-US."),
        )
        return None


def _slot(name: str) -> str:
    """What a field names, whatever its spelling: a column, a locale tag, or itself."""
    column = column_for(name)
    if column is not None:
        return column
    try:
        return parse_locale(name).tag
    except ValueError:
        return name


def _header(records: list[object], slots: dict[str, str]) -> dict[str, str]:
    """Each field's slot → the first spelling seen, in order of first appearance.

    Fills ``slots`` (field name → slot) with every field name of ``records``,
    so that each distinct name is interpreted once.
    """
    header: dict[str, str] = {}
    for record in records:
        if isinstance(record, dict):
            for name in record:
                slot = slots.get(name)
                if slot is None:
                    slot = slots[name] = _slot(name)
                header.setdefault(slot, name)
    return header


#: The types a record's field may hold as they come from ``json.loads``: text, a
#: number, or null (``true``/``false`` are ``bool``, which is not listed).
_CELL_TYPES = frozenset({str, int, float, type(None)})


def _rows(
    ctx: ReadContext, records: list[object], header: dict[str, str], slots: dict[str, str]
) -> Iterator[list[object]]:
    position = {slot: index for index, slot in enumerate(header)}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            ctx.problem(
                _("this record is not an object with fields."),
                row=_record(number),
                hint=_shape_hint(),
            )
            yield []
            continue
        row: list[object] = [None] * len(header)
        filled: dict[int, str] = {}
        for name, value in record.items():
            index = position[slots[name]]
            if index in filled:
                ctx.problem(
                    _("the fields '{first}' and '{second}' name the same column.").format(
                        first=filled[index], second=name
                    ),
                    row=_record(number),
                    column=name,
                    hint=_("Keep one of the two fields."),
                )
                continue
            filled[index] = name
            if type(value) in _CELL_TYPES:
                row[index] = value
            else:
                ctx.problem(
                    _("the field '{field}' must be text or a number.").format(field=name),
                    row=_record(number),
                    column=name,
                    hint=_("Write the value in double quotes."),
                )
                row[index] = json.dumps(value, ensure_ascii=False)
        yield row


def _record(number: int) -> str:
    return _("record {number}").format(number=number)

"""CSV and tab-separated campaign files (``.csv``, ``.tsv``, ``.txt``).

Text is decoded by :func:`.sniff.decode_text`: UTF-8 with or without BOM,
UTF-16/32 with BOM (Excel's "Unicode text"), and Windows-1252 as a fallback
only for files that are not UTF-8 at all. The separator (comma, semicolon or
tab) is detected from the first rows, respecting quotes; an Excel ``sep=;``
first line is honoured and skipped. Rows are numbered as a spreadsheet shows
them: the header is row 1 (blank lines count, a value spanning several lines
in quotes counts once). A broken quote stops the reading at that row with a
problem; rows before it are still validated by :mod:`.tables`.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter

from culturepanel.i18n import _
from culturepanel.importers.context import ReadContext
from culturepanel.importers.model import ParsedFile
from culturepanel.importers.sniff import NotText, decode_text
from culturepanel.importers.tables import TableSource, read_table

SEPARATORS = (",", ";", "\t")
_SAMPLE_CHARS = 65536
_SAMPLE_ROWS = 50


def read_csv(ctx: ReadContext, data: bytes) -> ParsedFile:
    """Read a delimited text file; every fault becomes a problem in the result."""
    try:
        decoded = decode_text(data, allow_legacy=True)
    except NotText as exc:
        ctx.problem(exc.message, row=exc.row, hint=exc.hint)
        return ParsedFile(ctx.path, "csv", "unknown", problems=ctx.problems)
    text = decoded.text
    separator, text = _declared_separator(text)
    if separator is None:
        separator = detect_separator(text)
    rows = _parse(ctx, text, separator)
    source = TableSource(
        fmt="csv",
        row_label=_("row {number}"),
        total=max(len(rows) - 1, 0),
        extra_hint=_(
            "Put values that contain the separator {separator} in double quotes, or give "
            "the column a header."
        ).format(separator=_separator_name(separator)),
        legacy_encoding="cp1252" if decoded.legacy else None,
    )
    return read_table(ctx, source, rows)


def detect_separator(text: str) -> str:
    """The separator of a delimited text: comma, semicolon or tab (comma if unclear).

    Each candidate splits the first rows (quotes respected); the winner splits
    the first non-blank row into at least two cells and gives the most rows of
    the same width, then the widest.
    """
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (False, 0.0, 0)
    for separator in SEPARATORS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator)
        try:
            rows = [row for row in itertools.islice(reader, _SAMPLE_ROWS) if _has_content(row)]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = Counter(len(row) for row in rows)
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = (len(rows[0]) >= 2, count / len(rows) if width >= 2 else 0.0, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _has_content(row: list[str]) -> bool:
    """A row that says something about the separator: several cells, or one non-blank."""
    return len(row) > 1 or (bool(row) and bool(row[0].strip()))


def _declared_separator(text: str) -> tuple[str | None, str]:
    """Honour and drop Excel's ``sep=X`` first line."""
    if text[:4].lower() == "sep=":
        line, _newline, rest = text.partition("\n")
        value = line[4:].rstrip("\r")
        if len(value) == 1:
            return value, rest
    return None, text


def _parse(ctx: ReadContext, text: str, separator: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        _report_csv_error(ctx, str(exc), len(rows) + 1, separator)
    return rows


def _report_csv_error(ctx: ReadContext, reason: str, number: int, separator: str) -> None:
    row = _("row {number}").format(number=number)
    quote_hint = _(
        "Check the double quotes in this row: a quoted value must end with a quote, and a "
        'quote inside it is written twice ("").'
    )
    if "unexpected end of data" in reason:
        message = _(
            "a quoted value that starts in this row is never closed, so the rest of the "
            "file could not be read."
        )
    elif "field larger than field limit" in reason:
        message = _(
            "a value in this row is longer than {limit} characters, which usually means "
            "that a quote is not closed; the rest of the file could not be read."
        ).format(limit=csv.field_size_limit())
    elif "expected after" in reason:
        message = _(
            "a closing double quote in this row is not followed by the separator "
            "{separator}; the rest of the file could not be read."
        ).format(separator=_separator_name(separator))
    else:
        message = _(
            "this row cannot be read as CSV ({reason}); the rest of the file could not be read."
        ).format(reason=reason)
    ctx.problem(message, row=row, hint=quote_hint)


def _separator_name(separator: str) -> str:
    if separator == "\t":
        return _("tab")
    return f"'{separator}'"

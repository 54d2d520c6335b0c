"""Campaign files → :class:`~culturepanel.importers.model.ParsedFile`, without Qt.

:func:`read_campaign_file` is the one entry point. It reads the file's bytes,
judges what they are (:mod:`.sniff`) and checks that against the extension:
``.csv``/``.tsv``/``.txt`` must be delimited text, ``.xlsx``/``.xlsm`` a
workbook, ``.json`` JSON, ``.xlf``/``.xliff``/``.xml`` XML. A mismatch is a
problem that says what the file looks like; a file with any other extension is
read as whatever its content is. Bad input never raises: every fault, located
by file, row and column, is in ``ParsedFile.problems``.

Modules: :mod:`.csv_reader`, :mod:`.xlsx_reader`, :mod:`.json_reader` and
:mod:`.xliff_reader` read the formats; :mod:`.tables` (with :mod:`.columns`,
:mod:`.common_columns` and :mod:`.values`) validates the rows of every table
format the same way.
"""

from __future__ import annotations

from pathlib import Path

from culturepanel.i18n import N_, _
from culturepanel.importers import sniff
from culturepanel.importers.context import Progress, ReadContext, paused_gc
from culturepanel.importers.csv_reader import read_csv
from culturepanel.importers.json_reader import read_json
from culturepanel.importers.model import ImportedVariant, ParsedFile
from culturepanel.importers.xliff_reader import read_xliff
from culturepanel.importers.xlsx_reader import read_xlsx

__all__ = ["FORMATS", "ImportedVariant", "ParsedFile", "read_campaign_file"]

CSV, XLSX, JSON, XLIFF = "csv", "xlsx", "json", "xliff"

#: Extensions (lower case) and the format each one promises.
FORMATS: dict[str, str] = {
    ".csv": CSV,
    ".tsv": CSV,
    ".txt": CSV,
    ".xlsx": XLSX,
    ".xlsm": XLSX,
    ".json": JSON,
    ".xlf": XLIFF,
    ".xliff": XLIFF,
    ".xml": XLIFF,
}
_BY_CONTENT = {sniff.TEXT: CSV, sniff.XLSX: XLSX, sniff.JSON: JSON, sniff.XML: XLIFF}
_EXPECTED = {
    CSV: N_("a CSV or tab-separated text file"),
    XLSX: N_("an XLSX workbook"),
    JSON: N_("a JSON file"),
    XLIFF: N_("an XLIFF file"),
}
_EXTENSION_FOR = {CSV: ".csv", XLSX: ".xlsx", JSON: ".json", XLIFF: ".xliff"}


def read_campaign_file(
    path: Path,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ParsedFile:
    """Read and validate one campaign file (CSV, TSV, XLSX, JSON or XLIFF).

    ``sheet`` names the worksheet of an XLSX workbook (default: the first; it
    is ignored for other formats). ``progress(done, total)`` is called every
    1,000 rows or units and once at the end. Never raises for bad input.
    """
    path = Path(path)
    ctx = ReadContext(path, progress)
    expected = FORMATS.get(path.suffix.lower())
    failed = ParsedFile(path, expected or "unknown", "unknown", problems=ctx.problems)
    try:
        data = path.read_bytes()
    except OSError as exc:
        ctx.problem(
            _("the file cannot be read: {reason}.").format(reason=exc.strerror or exc),
            hint=_("Check that the file exists, is not a folder and that you may read it."),
        )
        return failed
    kind = sniff.sniff(data)
    if kind == sniff.EMPTY:
        ctx.problem(
            _("the file is empty."),
            hint=_(
                "Choose the campaign file with its header row and variants; this one may "
                "not have been saved completely."
            ),
        )
        return failed
    actual = _BY_CONTENT.get(kind)
    if actual is None or (expected is not None and actual != expected):
        _refuse(ctx, expected, kind, actual)
        return failed
    with paused_gc():
        if actual == CSV:
            return read_csv(ctx, data)
        if actual == XLSX:
            return read_xlsx(ctx, data, sheet)
        if actual == JSON:
            return read_json(ctx, data)
        return read_xliff(ctx, data)


def _refuse(ctx: ReadContext, expected: str | None, kind: str, actual: str | None) -> None:
    looks = sniff.describe(kind)
    if expected is None:
        message = _("this file cannot be imported (it looks like {actual}).").format(actual=looks)
    else:
        message = _("this is not {expected} (it looks like {actual}).").format(
            expected=_(_EXPECTED[expected]), actual=looks
        )
    if expected == XLSX and actual == CSV:
        hint = _("Save it from your spreadsheet program as .xlsx, or rename it to .csv.")
    elif actual is not None:
        hint = _("Rename it to {extension}, or export the campaign again as {expected}.").format(
            extension=_EXTENSION_FOR[actual], expected=_EXTENSION_FOR[expected or actual]
        )
    elif kind == sniff.ODS:
        hint = _("Open it in LibreOffice Calc and save it as Excel 2007-365 (.xlsx).")
    elif kind == sniff.OLE:
        hint = _(
            "Open it in your spreadsheet program and save it as an Excel workbook (.xlsx); "
            "remove its password first if it has one."
        )
    elif kind == sniff.HTML:
        hint = _(
            "A web page was saved under this name; open it in your spreadsheet program "
            "and save it as .xlsx or CSV."
        )
    else:
        hint = _("Choose the campaign file itself: CulturePanel reads CSV, XLSX, JSON and XLIFF.")
    ctx.problem(message, hint=hint)

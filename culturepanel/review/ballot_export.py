"""Writing the offline ballot: a review package as an XLSX workbook (see :mod:`.ballot`).

Everything HQ wrote is read-only: the sheets are protected *without a password*
(the protection prevents accidents, not tampering; the reader checks everything
anyway) and only the vote cells are unlocked, with drop-down lists for decision,
concern category and severity and whole-number validation 1–5 for the scores.
The lists are named ranges on the hidden sheet, so that Excel keeps them as plain
data validation and labels may contain commas. Text of right-to-left locales is
set to read right to left; the sheets themselves are mirrored when the UI
language is right to left.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _, current_language
from culturepanel.locales import display_market, parse_locale
from culturepanel.review.ballot_layout import (
    CODES,
    COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    HIDDEN,
    LISTS,
    META_HEADER_COLUMN,
    META_LIST_COLUMN,
    META_SHEET,
    VOTE,
    clean,
    header,
    list_name,
)
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import (
    DECISION_LABELS,
    DIMENSION_LABELS,
    DIMENSIONS,
    Vote,
    is_submitted,
    votes_of,
)
from culturepanel.storage.database import KIND_PACKAGE, new_id, now_iso, open_file

#: In rows of a right-to-left locale: cells that read right to left, and the comment,
#: which may be written in either direction (context: its first strong character).
_RTL_CODES = ("text", "rewrite")
_CONTEXT_CODES = ("comment",)
_MAX_CELL_TEXT = 32767  # what a spreadsheet cell holds
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_VOTE_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_WRAP_RTL = Alignment(wrap_text=True, vertical="top", horizontal="right", readingOrder=2)
_WRAP_CONTEXT = Alignment(wrap_text=True, vertical="top", readingOrder=0)


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    if isinstance(value, str):
        value = clean(value)[:_MAX_CELL_TEXT]
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # text, never a formula
    return cell


def _locale() -> str:
    """The UI language if Babel knows it, else English (dates and numbers are formatted in it)."""
    try:
        Locale.parse(current_language())
    except (ValueError, UnknownLocaleError):
        return "en"
    return current_language()


def _day(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date(date.fromisoformat(iso), format="medium", locale=_locale())
    except ValueError:
        return iso


def _is_rtl(locale: str) -> bool:
    try:
        return parse_locale(locale).rtl
    except ValueError:
        return False


def export_ballot(package: Path, out: Path) -> int:
    """Write the ballot of ``package`` to ``out`` (XLSX); return the number of variant rows."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise CulturePanelError(
            _("{file}: a ballot is an Excel workbook; give it a name ending in .xlsx.").format(
                file=out.name
            )
        )
    with open_file(Path(package), kinds=(KIND_PACKAGE,)) as pkg:
        panelist_id, panelist = package_panelist(pkg)
        cur = pkg.conn.execute(
            "SELECT id, key, locale, locale_label, channel, launch_start, launch_end, "
            "source_text, text, notes, content_hash FROM variants WHERE status = 'active' "
            "ORDER BY key, locale"
        )
        names = [d[0] for d in cur.description]
        variants = [dict(zip(names, r, strict=True)) for r in cur]
        votes = votes_of(pkg, panelist_id)
        meta = pkg.meta()
        submitted = is_submitted(pkg)
    wb = openpyxl.Workbook()
    rtl_ui = _is_rtl(current_language().replace("_", "-"))
    guide = wb.active
    guide.title = _sheet_title(_("Instructions"), "Instructions")
    ballot = wb.create_sheet(_sheet_title(_("Ballot"), "Ballot"))
    _write_meta(wb, meta, panelist_id, panelist, Path(package).name, ballot.title)
    _write_guide(guide, meta, panelist, len(variants), submitted, ballot.title)
    _write_rows(ballot, variants, votes, submitted)
    for ws in (guide, ballot):
        ws.sheet_view.rightToLeft = rtl_ui
    tmp = out.with_name(out.name + ".partial")
    try:
        wb.save(tmp)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return len(variants)


def _sheet_title(title: str, fallback: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\").strip("' ")[:31]
    return cleaned if cleaned and cleaned != META_SHEET else fallback


def _write_meta(
    wb: openpyxl.Workbook,
    meta: dict[str, str],
    panelist_id: str,
    panelist: str,
    package_name: str,
    ballot_title: str,
) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    values = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "ballot_id": new_id(),
        "package_file_id": meta.get("file_id", ""),
        "package_file": package_name,
        "campaign_id": meta.get("campaign_id", ""),
        "panelist_id": panelist_id,
        "panelist_name": panelist,
        "language": current_language(),
        "exported_at": now_iso(),
        "ballot_sheet": ballot_title,
    }
    for row, (key, value) in enumerate(values.items(), start=1):
        _put(ws, row, 1, key)
        _put(ws, row, 2, value)
    for row, code in enumerate(CODES, start=1):  # which header is which field
        _put(ws, row, META_HEADER_COLUMN, code)
        _put(ws, row, META_HEADER_COLUMN + 1, header(code))
    for i, (field, labels) in enumerate(LISTS.items()):
        col = META_LIST_COLUMN + 2 * i  # label, code
        for row, (code, label) in enumerate(labels.items(), start=1):
            _put(ws, row, col, _(label))
            _put(ws, row, col + 1, code)
        letter = ws.cell(row=1, column=col).column_letter
        ref = f"{_quoted(META_SHEET)}!${letter}$1:${letter}${len(labels)}"
        wb.defined_names[list_name(field)] = DefinedName(list_name(field), attr_text=ref)


def _quoted(title: str) -> str:
    """A sheet name as written in a formula."""
    return "'" + title.replace("'", "''") + "'"


def _write_guide(
    ws: Worksheet, meta: dict[str, str], panelist: str, count: int, submitted: bool, sheet: str
) -> None:
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 80
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _put(ws, 1, 1, _("CulturePanel ballot")).font = Font(bold=True, size=14)
    market = meta.get("market", "")
    facts = [
        (_("Campaign"), meta.get("campaign_name", "")),
        (_("Market"), f"{display_market(market, _locale())} ({market})"),
        (_("Panelist"), panelist),
        (_("Deadline"), _day(meta.get("deadline")) or _("none")),
        (_("Variants"), format_decimal(count, locale=_locale())),
        (_("Exported"), _day(now_iso()[:10])),
    ]
    if submitted:
        facts.append(
            (
                _("Status"),
                _(
                    "This review was submitted on {date}. The ballot is a read-only copy of "
                    "its votes; the package must be reopened before a ballot can be imported."
                ).format(date=_day((meta.get("submitted_at") or "")[:10])),
            )
        )
    steps = [
        _(
            "Fill in the yellow columns of the sheet '{sheet}', one row per variant. The other "
            "columns are HQ's text and are read-only."
        ).format(sheet=sheet),
        _("Decision: choose from the list: {labels}.").format(
            labels=", ".join(_(v) for v in DECISION_LABELS.values())
        ),
        _("Scores: a whole number from 1 (poor) to 5 (excellent) for each of {dimensions}.").format(
            dimensions=", ".join(_(v) for v in DIMENSION_LABELS.values())
        ),
        _("Unless you approve a variant as it is, explain why in the comment."),
        _("Concern category and severity: choose from the lists when you raise a concern."),
        _("A suggested rewrite is welcome but optional."),
        _(
            "Leave a row empty to skip it. Do not add, delete or move rows and do not change "
            "hidden columns or sheets."
        ),
        _(
            "Save the workbook as .xlsx and send it back. It is read back with: "
            "culturepanel ballot import PACKAGE BALLOT.xlsx"
        ),
        _("The sheets are protected without a password, only to prevent accidental edits."),
    ]
    rows: list[tuple[Any, str, Font | None]] = [(label, v, Font(bold=True)) for label, v in facts]
    rows += [(None, "", None), (_("How to fill it in"), "", Font(bold=True, size=12))]
    rows += [(n, text, None) for n, text in enumerate(steps, start=1)]
    for row, (label, text, font) in enumerate(rows, start=3):
        first = _put(ws, row, 1, label)
        first.font = font or Font()
        first.alignment = Alignment(vertical="top", horizontal="left" if font else "right")
        _put(ws, row, 2, text).alignment = _WRAP
        ws.row_dimensions[row].height = 15 * _line_count(text, 80)
    ws.protection.sheet = True


def _write_rows(
    ws: Worksheet, variants: list[dict[str, Any]], votes: dict[str, Vote], submitted: bool
) -> None:
    col = {code: i for i, code in enumerate(CODES, start=1)}
    head_lines = 1
    for code, _label, width, kind in COLUMNS:
        cell = _put(ws, 1, col[code], header(code))
        if kind != HIDDEN:
            head_lines = max(head_lines, _line_count(cell.value, width - 2))  # bold
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        dim = ws.column_dimensions[cell.column_letter]
        dim.width = width
        dim.hidden = kind == HIDDEN
    ws.row_dimensions[1].height = 15 * head_lines
    for row, v in enumerate(variants, start=2):
        vote = votes.get(v["id"])
        rtl = _is_rtl(v["locale"])
        launch = " – ".join(x for x in (_day(v["launch_start"]), _day(v["launch_end"])) if x)
        values: dict[str, Any] = {
            "id": v["id"],
            "base_hash": v["content_hash"],
            "base_revision": vote.revision if vote else 0,
            "key": v["key"],
            "locale": v["locale_label"] or v["locale"],
            "channel": v["channel"],
            "launch": launch,
            "source": v["source_text"],
            "text": v["text"],
            "notes": v["notes"],
        }
        if vote:
            values.update(_vote_cells(vote))
        lines = 1
        for code, _label, width, kind in COLUMNS:
            cell = _put(ws, row, col[code], values.get(code))
            if kind != HIDDEN:
                lines = max(lines, _line_count(cell.value, width))
            cell.alignment = _alignment(code, rtl)
            if kind == VOTE:
                cell.fill = _VOTE_FILL
                cell.protection = Protection(locked=submitted)
        ws.row_dimensions[row].height = 15 * min(lines, 12)  # not every app fits wrapped rows
    last = len(variants) + 1
    if variants and not submitted:
        _add_validations(ws, col, last)
    ws.freeze_panes = ws.cell(row=2, column=col["locale"])
    ws.auto_filter.ref = f"A1:{ws.cell(row=last, column=len(CODES)).coordinate}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allow resizing columns and rows
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.print_title_rows = "1:1"  # printed: landscape, one page wide, header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _alignment(code: str, rtl: bool) -> Alignment:
    if rtl and code in _RTL_CODES:
        return _WRAP_RTL
    return _WRAP_CONTEXT if rtl and code in _CONTEXT_CODES else _WRAP


def _line_count(value: Any, width: int) -> int:
    """Lines that ``value`` needs in a wrapped column ``width`` characters wide (roughly)."""
    if value is None:
        return 1
    return sum(max(1, -(-len(part) // max(1, width - 2))) for part in str(value).split("\n"))


def _vote_cells(vote: Vote) -> dict[str, Any]:
    values: dict[str, Any] = {f"score_{d}": vote.scores.get(d) for d in DIMENSIONS}
    for field, labels in LISTS.items():
        code = getattr(vote, field)
        values[field] = _(labels[code]) if code in labels else code
    values["comment"] = vote.comment
    values["rewrite"] = vote.rewrite
    return values


def _add_validations(ws: Worksheet, col: dict[str, int], last: int) -> None:
    def column_range(code: str) -> str:
        letter = ws.cell(row=1, column=col[code]).column_letter
        return f"{letter}2:{letter}{last}"

    for field in LISTS:
        dv = DataValidation(type="list", formula1=list_name(field), allow_blank=True)
        dv.error = _("Choose a value from the list.")
        dv.errorTitle = header(field)
        dv.showErrorMessage = True
        dv.add(column_range(field))
        ws.add_data_validation(dv)
    scores = DataValidation(
        type="whole", operator="between", formula1="1", formula2="5", allow_blank=True
    )
    scores.error = _("A score is a whole number from 1 to 5.")
    scores.errorTitle = _("Score")
    scores.prompt = _("1 = poor … 5 = excellent")
    scores.showErrorMessage = scores.showInputMessage = True
    for dim in DIMENSIONS:
        scores.add(column_range(f"score_{dim}"))
    ws.add_data_validation(scores)

"""Reading a filled-in offline ballot back into its package (see :mod:`.ballot`).

Validated like any import: every row is checked before anything is written,
every problem is reported with file, row and column, and then all changed votes
are saved in one transaction (:func:`~culturepanel.review.votes.save_votes`) or
none. A row is refused if it is not a variant of the package (edited or added),
if its values are not what the form allows, if a decision other than approve
has no comment, if HQ changed the variant's text since the export, or if the
vote was changed in the app since the export (so that a stale ballot never
overwrites a newer vote; re-importing a corrected ballot is not a conflict, as
each import is recorded with the revisions it wrote).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from culturepanel.errors import InputErrors, Problem
from culturepanel.i18n import _
from culturepanel.importers.sniff import XLSX, describe, sniff
from culturepanel.review.ballot_layout import (
    CODES,
    FORMAT,
    LISTS,
    META_HEADER_COLUMN,
    META_LIST_COLUMN,
    META_SHEET,
    REQUIRED,
    VOTE_CODES,
    BallotReport,
    clean,
    header,
)
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import (
    DIMENSIONS,
    PackageLocked,
    Vote,
    is_submitted,
    record_event,
    save_votes,
    votes_of,
)
from culturepanel.storage.database import KIND_PACKAGE, CulturePanelFile, open_file


def import_ballot(package: Path, ballot: Path) -> BallotReport:
    """Read the filled-in ``ballot`` into ``package``: all rows or nothing."""
    ballot = Path(ballot)
    name = ballot.name
    with open_file(Path(package), kinds=(KIND_PACKAGE,)) as pkg:
        if is_submitted(pkg):
            raise PackageLocked(
                _(
                    "{file} was submitted; its votes are locked. Reopen the review first, "
                    "then import the ballot again. Nothing was imported."
                ).format(file=pkg.path.name)
            )
        panelist_id, _name = package_panelist(pkg)
        wb = _load_workbook(ballot)
        meta, ws = _ballot_identity(wb, pkg, panelist_id, name)
        reader = _RowReader(name, wb[META_SHEET])
        cols = _locate_columns(ws, reader.headers, name)
        variants = {
            r[0]: (r[1], r[2])
            for r in pkg.conn.execute("SELECT id, status, content_hash FROM variants")
        }
        votes = votes_of(pkg, panelist_id)
        imported = _previous_imports(pkg, meta.get("ballot_id", ""))
        changes: dict[str, dict[str, Any]] = {}
        seen: dict[str, int] = {}
        unchanged = skipped = 0
        for number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
            cells = {c: row[cols[c]] if cols.get(c, len(row)) < len(row) else None for c in CODES}
            if all(_blank(cells[c]) for c in VOTE_CODES):
                skipped += 1 if not _blank(cells["id"]) else 0
                continue
            where = _("row {number}").format(number=number)
            vid = str(cells["id"] or "").strip()
            if vid not in variants or variants[vid][0] != "active":
                reader.problem(where, "id", *_row_id_problem(vid, variants))
                continue
            if vid in seen:
                reader.problem(
                    where,
                    "id",
                    _("this variant is also in row {row}.").format(row=seen[vid]),
                    _("Empty the vote cells of one of the two rows."),
                )
                continue
            seen[vid] = number
            fields = reader.vote_fields(where, cells)
            if fields is None:
                continue
            vote = votes.get(vid)
            if vote is not None and _as_fields(vote) == fields:
                unchanged += 1
                continue
            base = max(_int(cells["base_revision"]), imported.get(vid, 0))
            stale = _stale(variants[vid][1] != str(cells["base_hash"] or ""), vote, base)
            if stale:
                reader.problem(where, *stale)
            changes[vid] = fields
        if reader.problems:
            raise InputErrors(reader.problems)
        if changes:

            def note(saved: list[Vote]) -> None:
                revisions = {v.variant_id: v.revision for v in saved}
                detail = {"ballot_id": meta.get("ballot_id"), "file": name, "revisions": revisions}
                record_event(pkg, "ballot_imported", detail)

            save_votes(pkg, panelist_id, changes, then=note)
    return BallotReport(updated=len(changes), unchanged=unchanged, skipped_empty=skipped)


def _stale(text_changed: bool, vote: Vote | None, base: int) -> tuple[str, str, str] | None:
    """(column, message, hint) if the row was filled in on a variant or vote since changed."""
    if text_changed:
        return (
            "text",
            _("HQ changed this variant after the ballot was exported."),
            _("Export a new ballot and vote on the current text."),
        )
    if vote is not None and vote.revision > base:
        return (
            "decision",
            _("this vote was changed in CulturePanel after the ballot was exported."),
            _("Export a new ballot so that no newer vote is overwritten."),
        )
    return None


def _as_fields(vote: Vote) -> dict[str, Any]:
    row = vote.to_row()
    return row | {"comment": vote.comment.strip(), "rewrite": vote.rewrite.strip()}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _row_id_problem(vid: str, variants: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """Message and hint for a row that is not an active variant of the package."""
    if vid in variants:
        return (
            _("HQ withdrew this variant after the ballot was exported."),
            _("Leave the row's vote cells empty."),
        )
    hint = _("Fill in the ballot as exported, or export a new one; rows cannot be added.")
    if not vid:
        return _("the variant id is missing."), hint
    return _("'{id}' is not a variant of this package.").format(id=vid), hint


def _previous_imports(pkg: CulturePanelFile, ballot_id: str) -> dict[str, int]:
    """Vote revisions written by earlier imports of the same ballot (not conflicts)."""
    found: dict[str, int] = {}
    for (detail,) in pkg.conn.execute(
        "SELECT detail FROM events WHERE kind = 'ballot_imported' ORDER BY at, rowid"
    ):
        data = json.loads(detail or "{}")
        if ballot_id and data.get("ballot_id") == ballot_id:
            found.update(data.get("revisions", {}))
    return found


def _refused(name: str, message: str, hint: str | None = None) -> InputErrors:
    return InputErrors([Problem(file=name, message=message, hint=hint)])


def _load_workbook(path: Path) -> openpyxl.Workbook:
    name = path.name
    try:
        head = path.read_bytes()[:65536]
    except OSError as exc:
        raise _refused(
            name, _("cannot be read ({reason}).").format(reason=exc.strerror or exc)
        ) from None
    kind = sniff(head)
    if kind != XLSX:
        raise _refused(
            name,
            _("this is {what}, not an Excel workbook.").format(what=describe(kind)),
            _("Import the .xlsx ballot that the panelist filled in."),
        )
    try:
        with warnings.catch_warnings():
            # we read cell values only; unsupported extensions (e.g. Excel's x14 data
            # validation) are irrelevant here and openpyxl warns about dropping them
            warnings.simplefilter("ignore", UserWarning)
            return openpyxl.load_workbook(path, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise _refused(
            name,
            _("the workbook is damaged and cannot be read."),
            _("Ask the panelist to save it again as .xlsx."),
        ) from None


def _ballot_identity(
    wb: openpyxl.Workbook, pkg: CulturePanelFile, panelist_id: str, name: str
) -> tuple[dict[str, str], Worksheet]:
    meta: dict[str, str] = {}
    if META_SHEET in wb.sheetnames:
        for key, value, *_rest in wb[META_SHEET].iter_rows(max_col=2, values_only=True):
            if key:
                meta[str(key)] = "" if value is None else str(value)
    if meta.get("format") != FORMAT:
        raise _refused(
            name,
            _("this workbook is not a CulturePanel ballot."),
            _("Export one with: culturepanel ballot export PACKAGE -o BALLOT.xlsx"),
        )
    if meta.get("package_file_id") != pkg.get_meta("file_id"):
        if meta.get("campaign_id") != pkg.campaign_id:
            message = _("this ballot belongs to another campaign, not to {package}.")
        elif meta.get("panelist_id") != panelist_id:
            message = _("this is the ballot of another panelist ({panelist}), not of {package}.")
        else:
            message = _("this ballot was exported from another package, not from {package}.")
        raise _refused(
            name,
            message.format(package=pkg.path.name, panelist=meta.get("panelist_name", "?")),
            _("Import it into the package it was exported from: {file}.").format(
                file=meta.get("package_file", "?")
            ),
        )
    sheet = meta.get("ballot_sheet", "")
    if sheet not in wb.sheetnames:
        raise _refused(name, _("the sheet '{sheet}' is missing.").format(sheet=sheet))
    return meta, wb[sheet]


def _locate_columns(ws: Worksheet, headers: dict[str, str], name: str) -> dict[str, int]:
    """Column index (0-based) of every field, found by the header it was exported with."""
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    position = {str(v).strip(): i for i, v in enumerate(first) if v is not None}
    cols = {code: position[h.strip()] for code, h in headers.items() if h.strip() in position}
    missing = [c for c in CODES if c not in cols and c in REQUIRED]
    if missing:
        raise InputErrors(
            [
                Problem(
                    file=name,
                    row=_("row {number}").format(number=1),
                    column=headers.get(code) or header(code),
                    message=_("this column is missing."),
                    hint=_("Do not rename or delete the ballot's columns."),
                )
                for code in missing
            ]
        )
    return cols


class _RowReader:
    """Turns one row's cells into vote fields, collecting problems."""

    def __init__(self, name: str, meta_ws: Worksheet):
        self.name = name
        self.problems: list[Problem] = []
        self.headers = {
            str(code): str(text)
            for code, text in meta_ws.iter_rows(
                min_col=META_HEADER_COLUMN, max_col=META_HEADER_COLUMN + 1, values_only=True
            )
            if code and text
        }
        self.lookup: dict[str, dict[str, str]] = {}
        self.labels: dict[str, dict[str, str]] = {}  # field -> code -> label shown
        for i, (field, labels) in enumerate(LISTS.items()):
            table = {text.casefold(): code for code, lb in labels.items() for text in (code, lb)}
            table.update({_(lb).casefold(): code for code, lb in labels.items()})
            shown: dict[str, str] = {}
            for label, code in meta_ws.iter_rows(
                min_col=META_LIST_COLUMN + 2 * i,
                max_col=META_LIST_COLUMN + 1 + 2 * i,
                values_only=True,
            ):
                if label and code in labels:  # the labels of the ballot's own drop-down
                    table[str(label).strip().casefold()] = str(code)
                    shown[str(code)] = str(label)
            self.lookup[field] = table
            self.labels[field] = shown or {code: _(lb) for code, lb in labels.items()}

    def problem(self, where: str, code: str, message: str, hint: str | None = None) -> None:
        column = self.headers.get(code) or header(code)
        self.problems.append(Problem(self.name, message, where, column, hint))

    def vote_fields(self, where: str, cells: dict[str, Any]) -> dict[str, Any] | None:
        before = len(self.problems)
        fields: dict[str, Any] = {}
        for field, table in self.lookup.items():
            value = cells[field]
            fields[field] = None
            if _blank(value):
                continue
            code = table.get(str(value).strip().casefold())
            if code is None:
                self.problem(
                    where,
                    field,
                    _("'{value}' is not in the list.").format(value=value),
                    _("Choose one of: {labels}.").format(
                        labels=", ".join(self.labels[field].values())
                    ),
                )
            fields[field] = code
        for dim in DIMENSIONS:
            fields[f"score_{dim}"] = self._score(where, f"score_{dim}", cells[f"score_{dim}"])
        for field in ("comment", "rewrite"):
            fields[field] = "" if _blank(cells[field]) else clean(cells[field]).strip()
        if fields["decision"] not in (None, "approve") and not fields["comment"]:
            self.problem(
                where,
                "comment",
                _("a decision other than '{approve}' needs a comment.").format(
                    approve=self.labels["decision"].get("approve", "approve")
                ),
                _("Say what should change and why."),
            )
        return fields if len(self.problems) == before else None

    def _score(self, where: str, code: str, value: Any) -> int | None:
        if _blank(value):
            return None
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                number = None
        if number is not None and float(number).is_integer() and 1 <= number <= 5:
            return int(number)
        self.problem(
            where,
            code,
            _("'{value}' is not a score.").format(value=value),
            _("Write a whole number from 1 to 5."),
        )
        return None

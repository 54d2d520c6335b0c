"""The offline ballot: export a package as XLSX, fill it in as a panelist would, import it."""

from __future__ import annotations

import argparse
import io
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from openpyxl.worksheet.worksheet import Worksheet

from culturepanel import i18n
from culturepanel.errors import CulturePanelError, InputErrors
from culturepanel.review.ballot import BallotReport, export_ballot, import_ballot
from culturepanel.review.ballot_cli import run_ballot, setup_ballot
from culturepanel.review.finish import reopen, submit
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import PackageLocked, Vote, get_vote, save_vote
from culturepanel.storage.database import open_file

from .package_factory import change_variant_text, make_packages, withdraw_variant

Snapshot = tuple[list[tuple[Any, ...]], int, int, str]


@pytest.fixture
def packages(tmp_path: Path) -> list[Path]:
    return make_packages(tmp_path)


@pytest.fixture
def package(packages: list[Path]) -> Path:
    return packages[0]  # Amira's


@pytest.fixture
def ballot(package: Path, tmp_path: Path) -> Path:
    out = tmp_path / "ballot.xlsx"
    assert export_ballot(package, out) == 3
    return out


# -- helpers ---------------------------------------------------------------------------


class Sheet:
    """The ballot sheet of a workbook, addressed by variant key and column header."""

    def __init__(self, path: Path):
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.ws: Worksheet = self.wb.worksheets[1]
        self.col = {c.value: c.column for c in self.ws[1]}
        key_col = self.col["Key"]
        self.row = {
            self.ws.cell(row=r, column=key_col).value: r for r in range(2, self.ws.max_row + 1)
        }

    def cell(self, key: str, header: str) -> Any:
        return self.ws.cell(row=self.row[key], column=self.col[header])

    def fill(self, key: str, **values: Any) -> None:
        for header, value in values.items():
            self.cell(key, HEADERS[header]).value = value

    def choices(self, list_name: str) -> list[str]:
        """The values of a drop-down list, as Excel shows them."""
        sheet, ref = self.wb.defined_names[list_name].destinations.__next__()
        return [c[0].value for c in self.wb[sheet][ref]]

    def save(self, path: Path | None = None) -> Path:
        self.wb.save(path or self.path)
        return path or self.path


HEADERS = {
    "id": "Variant id",
    "decision": "Decision",
    "language": "Language (1–5)",
    "timing": "Timing (1–5)",
    "messaging": "Messaging alignment (1–5)",
    "resonance": "Emotional resonance (1–5)",
    "category": "Concern category",
    "severity": "Severity",
    "comment": "Comment",
    "rewrite": "Suggested rewrite",
}


def ids(package: Path) -> dict[str, str]:
    with open_file(package) as pkg:
        return dict(pkg.conn.execute("SELECT key, id FROM variants"))


def vote_of(package: Path, key: str) -> Vote | None:
    with open_file(package) as pkg:
        panelist_id, _name = package_panelist(pkg)
        return get_vote(pkg, ids(package)[key], panelist_id)


def snapshot(package: Path) -> Snapshot:
    """Everything an import may change (read without opening the file for writing)."""
    conn = sqlite3.connect(package.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        votes = conn.execute("SELECT * FROM votes ORDER BY id").fetchall()
        history = conn.execute("SELECT count(*) FROM vote_history").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        written = conn.execute("SELECT value FROM meta WHERE key = 'written_at'").fetchone()[0]
    finally:
        conn.close()
    return votes, history, events, written


def fill_typical(sheet: Sheet) -> None:
    """A panelist's answers, chosen from the drop-down lists."""
    decisions = sheet.choices("cp_decision")
    sheet.fill("hero.title", decision=decisions[0], language=5, timing=4, messaging=5, resonance=4)
    sheet.fill(
        "hero.body",
        decision=decisions[2],
        language=2,
        timing=3,
        category=sheet.choices("cp_concern_category")[0],
        severity=sheet.choices("cp_concern_severity")[1],
        comment="The numerals should be Western here.",
        rewrite="خصم حتى 30% هذا الأسبوع فقط.",
    )


# -- export ----------------------------------------------------------------------------


def test_export_has_instructions_ballot_and_hidden_identity(ballot: Path) -> None:
    wb = openpyxl.load_workbook(ballot)
    assert wb.sheetnames == ["Instructions", "Ballot", "culturepanel"]
    assert [ws.sheet_state for ws in wb] == ["visible", "visible", "veryHidden"]
    guide = [str(c.value) for row in wb["Instructions"].iter_rows() for c in row if c.value]
    for expected in ("Spring 2027", "Egypt (EG)", "Amira", "Feb 20, 2027"):
        assert expected in guide
    assert any("whole number from 1 (poor) to 5" in line for line in guide)
    ws = wb["Ballot"]
    assert [c.value for c in ws[1]][3:10] == [
        "Key",
        "Locale",
        "Channel",
        "Launch window",
        "Source text (HQ)",
        "Variant text",
        "HQ notes",
    ]
    assert ws.max_row == 4
    assert ws.column_dimensions["A"].hidden
    assert ws.freeze_panes == "E2"
    sheet = Sheet(ballot)
    assert sheet.cell("hero.title", "Launch window").value == "Mar 10, 2027 – Mar 31, 2027"
    assert sheet.cell("hero.title", "Variant text").alignment.wrap_text


def test_export_has_drop_downs_and_whole_number_scores(ballot: Path) -> None:
    sheet = Sheet(ballot)
    validations = sheet.ws.data_validations.dataValidation
    lists = {dv.formula1: str(dv.sqref) for dv in validations if dv.type == "list"}
    assert lists == {
        "cp_decision": "K2:K4",
        "cp_concern_category": "P2:P4",
        "cp_concern_severity": "Q2:Q4",
    }
    (scores,) = [dv for dv in validations if dv.type == "whole"]
    assert (scores.operator, scores.formula1, scores.formula2) == ("between", "1", "5")
    assert str(scores.sqref) == "L2:L4 M2:M4 N2:N4 O2:O4"
    assert all(dv.showErrorMessage for dv in validations)
    assert sheet.choices("cp_decision") == [
        "Approve",
        "Approve with changes",
        "Changes required",
        "Reject",
    ]
    assert sheet.choices("cp_concern_severity") == ["Minor", "Major", "Critical"]
    assert "Locale conventions" in sheet.choices("cp_concern_category")


def test_hq_text_is_locked_and_vote_cells_are_not(ballot: Path) -> None:
    sheet = Sheet(ballot)
    protection = sheet.ws.protection
    assert protection.sheet and not protection.password
    for header in ("Variant id", "Key", "Source text (HQ)", "Variant text", "HQ notes"):
        assert sheet.cell("cta", header).protection.locked, header
    for header in HEADERS.values():
        if header != "Variant id":
            assert not sheet.cell("cta", header).protection.locked, header
    assert sheet.wb["Instructions"].protection.sheet


def test_right_to_left_text_reads_right_to_left(ballot: Path) -> None:
    sheet = Sheet(ballot)
    assert sheet.cell("hero.title", "Variant text").alignment.readingOrder == 2
    assert sheet.cell("hero.title", "Suggested rewrite").alignment.readingOrder == 2
    assert sheet.cell("hero.title", "Comment").alignment.readingOrder == 0  # either direction
    assert sheet.cell("hero.title", "Source text (HQ)").alignment.readingOrder != 2
    assert sheet.cell("cta", "Variant text").alignment.readingOrder != 2


def test_text_that_looks_like_a_formula_stays_text(ballot: Path) -> None:
    sheet = Sheet(ballot)
    cell = sheet.cell("cta", "Variant text")
    assert (cell.value, cell.data_type) == ("=Shop now!", "s")


def test_existing_votes_are_prefilled_with_labels(package: Path, tmp_path: Path) -> None:
    with open_file(package) as pkg:
        panelist_id, _name = package_panelist(pkg)
        save_vote(
            pkg,
            ids(package)["cta"],
            panelist_id,
            {"decision": "reject", "score_timing": 2, "comment": "Too pushy"},
        )
    out = tmp_path / "prefilled.xlsx"
    export_ballot(package, out)
    sheet = Sheet(out)
    assert sheet.cell("cta", "Decision").value == "Reject"
    assert sheet.cell("cta", "Timing (1–5)").value == 2
    assert sheet.cell("cta", "Comment").value == "Too pushy"
    assert sheet.cell("hero.title", "Decision").value is None


def test_export_refuses_a_name_that_is_not_xlsx(package: Path, tmp_path: Path) -> None:
    with pytest.raises(CulturePanelError, match=r"ending in \.xlsx"):
        export_ballot(package, tmp_path / "ballot.xls")


# -- import ----------------------------------------------------------------------------


def test_filled_ballot_is_imported_and_a_second_import_changes_nothing(
    package: Path, ballot: Path
) -> None:
    sheet = Sheet(ballot)
    fill_typical(sheet)
    sheet.save()
    assert import_ballot(package, ballot) == BallotReport(updated=2, unchanged=0, skipped_empty=1)
    title = vote_of(package, "hero.title")
    assert title is not None and title.decision == "approve"
    assert title.scores == {"language": 5, "timing": 4, "messaging": 5, "resonance": 4}
    body = vote_of(package, "hero.body")
    assert body is not None
    assert (body.decision, body.concern_category, body.concern_severity) == (
        "changes_required",
        "accuracy",
        "major",
    )
    assert body.comment == "The numerals should be Western here."
    assert body.rewrite == "خصم حتى 30% هذا الأسبوع فقط."
    assert body.scores["messaging"] is None
    assert vote_of(package, "cta") is None
    before = snapshot(package)
    assert import_ballot(package, ballot) == BallotReport(updated=0, unchanged=2, skipped_empty=1)
    assert snapshot(package) == before


def test_internal_codes_any_case_and_numbers_as_text_are_accepted(
    package: Path, ballot: Path
) -> None:
    sheet = Sheet(ballot)
    sheet.fill("cta", decision=" approve_with_changes ", language="4", timing=5.0)
    sheet.fill("cta", category="STYLE", severity="minor", comment="Drop the exclamation mark.")
    sheet.fill("hero.title", decision="reject", comment="Wrong tone")
    sheet.save()
    assert import_ballot(package, ballot).updated == 2
    cta = vote_of(package, "cta")
    assert cta is not None
    assert (cta.decision, cta.concern_category, cta.concern_severity) == (
        "approve_with_changes",
        "style",
        "minor",
    )
    assert (cta.scores["language"], cta.scores["timing"]) == (4, 5)


def test_a_changed_row_updates_the_vote_and_counts_the_rest_unchanged(
    package: Path, ballot: Path, tmp_path: Path
) -> None:
    sheet = Sheet(ballot)
    fill_typical(sheet)
    sheet.save()
    import_ballot(package, ballot)
    sheet.fill("hero.title", resonance=2)  # the panelist changes their mind and sends it again
    sheet.save()
    assert import_ballot(package, ballot) == BallotReport(updated=1, unchanged=1, skipped_empty=1)
    vote = vote_of(package, "hero.title")
    assert vote is not None and vote.scores["resonance"] == 2 and vote.revision == 2


BAD_ROWS: list[tuple[dict[str, Any], str, str]] = [
    ({"decision": "Maybe"}, "Decision", "'Maybe' is not in the list"),
    ({"decision": "Approve", "timing": 0}, "Timing (1–5)", "'0' is not a score"),
    ({"decision": "Approve", "language": 4.5}, "Language (1–5)", "'4.5' is not a score"),
    ({"resonance": "good"}, "Emotional resonance (1–5)", "'good' is not a score"),
    ({"messaging": True}, "Messaging alignment (1–5)", "'True' is not a score"),
    ({"category": "Religion"}, "Concern category", "'Religion' is not in the list"),
    ({"severity": "Huge"}, "Severity", "'Huge' is not in the list"),
    ({"decision": "Reject"}, "Comment", "a decision other than 'Approve' needs a comment"),
    ({"decision": "Changes required", "comment": "  "}, "Comment", "needs a comment"),
    (
        {"decision": "Approve", "id": "not-a-variant"},
        "Variant id",
        "is not a variant of this package",
    ),
    ({"decision": "Approve", "id": None}, "Variant id", "the variant id is missing"),
]


@pytest.mark.parametrize(("values", "column", "message"), BAD_ROWS)
def test_a_bad_row_is_reported_by_file_row_and_column_and_nothing_is_saved(
    package: Path, ballot: Path, values: dict[str, Any], column: str, message: str
) -> None:
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Approve", language=5)  # a good row: not saved either
    sheet.fill("hero.title", **values)
    sheet.save()
    before = snapshot(package)
    with pytest.raises(InputErrors) as caught:
        import_ballot(package, ballot)
    (problem,) = caught.value.problems
    assert (problem.file, problem.row, problem.column) == ("ballot.xlsx", "row 4", column)
    assert message in problem.message
    assert problem.hint
    assert str(problem).startswith(f"ballot.xlsx, row 4, column '{column}': ")
    assert snapshot(package) == before


def test_every_problem_is_reported_at_once(package: Path, ballot: Path) -> None:
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Maybe", language=9)
    sheet.fill("hero.body", decision="Reject")
    sheet.fill("hero.title", category="Nope")
    sheet.save()
    with pytest.raises(InputErrors) as caught:
        import_ballot(package, ballot)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [
        ("row 2", "Decision"),
        ("row 2", "Language (1–5)"),
        ("row 3", "Comment"),
        ("row 4", "Concern category"),
    ]


def test_a_duplicated_row_is_refused(package: Path, ballot: Path) -> None:
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Approve")
    for header in ("Variant id", "Text version", "Vote version"):
        sheet.cell("hero.title", header).value = sheet.cell("cta", header).value
    sheet.fill("hero.title", decision="Approve")
    sheet.save()
    with pytest.raises(
        InputErrors, match="row 4, column 'Variant id': this variant is also in row 2"
    ):
        import_ballot(package, ballot)


def test_a_text_file_named_xlsx_is_refused_cleanly(package: Path, tmp_path: Path) -> None:
    fake = tmp_path / "ballot.xlsx"
    fake.write_text("key,decision\ncta,approve\n", encoding="utf-8")
    before = snapshot(package)
    with pytest.raises(InputErrors) as caught:
        import_ballot(package, fake)
    assert str(caught.value) == (
        "ballot.xlsx: this is a text file, not an Excel workbook. "
        "Hint: Import the .xlsx ballot that the panelist filled in."
    )
    assert snapshot(package) == before


def test_a_damaged_workbook_is_refused_cleanly(package: Path, ballot: Path) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(ballot) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "xl/workbook.xml":
                content = content[: len(content) // 2]
            dst.writestr(item, content)
    ballot.write_bytes(data.getvalue())
    with pytest.raises(InputErrors, match=r"ballot\.xlsx: the workbook is damaged"):
        import_ballot(package, ballot)


def test_a_workbook_that_is_not_a_ballot_is_refused(package: Path, tmp_path: Path) -> None:
    other = tmp_path / "campaign.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["key", "locale", "text"])
    wb.save(other)
    with pytest.raises(InputErrors, match=r"campaign\.xlsx: this workbook is not a CulturePanel"):
        import_ballot(package, other)


def test_the_ballot_of_another_panelist_is_refused(packages: list[Path], tmp_path: Path) -> None:
    amira, omar = packages
    omars = tmp_path / "omar.xlsx"
    export_ballot(omar, omars)
    sheet = Sheet(omars)
    sheet.fill("cta", decision="Approve")
    sheet.save()
    before = snapshot(amira)
    with pytest.raises(InputErrors) as caught:
        import_ballot(amira, omars)
    message = str(caught.value)
    assert "omar.xlsx: this is the ballot of another panelist (Omar)" in message
    assert "Spring-2027-EG-Omar.cpanel" in message
    assert snapshot(amira) == before


def test_the_ballot_of_another_campaign_is_refused(package: Path, tmp_path: Path) -> None:
    elsewhere = make_packages(tmp_path / "other", ("Amira",))[0]
    theirs = tmp_path / "theirs.xlsx"
    export_ballot(elsewhere, theirs)
    with pytest.raises(InputErrors, match="belongs to another campaign"):
        import_ballot(package, theirs)


def test_a_submitted_package_is_refused_until_reopened(package: Path, ballot: Path) -> None:
    sheet = Sheet(ballot)
    fill_typical(sheet)
    sheet.fill("cta", decision="Approve")
    sheet.save()
    with open_file(package) as pkg:
        submit(pkg, package_panelist(pkg)[0], force=True)
    before = snapshot(package)
    with pytest.raises(PackageLocked, match=r"was submitted; .* Reopen the review first"):
        import_ballot(package, ballot)
    assert snapshot(package) == before
    with open_file(package) as pkg:
        reopen(pkg)
    assert import_ballot(package, ballot).updated == 3


def test_a_submitted_package_exports_a_read_only_ballot(package: Path, tmp_path: Path) -> None:
    with open_file(package) as pkg:
        panelist_id, _name = package_panelist(pkg)
        save_vote(pkg, ids(package)["cta"], panelist_id, {"decision": "approve"})
        submit(pkg, panelist_id, force=True)
    out = tmp_path / "submitted.xlsx"
    assert export_ballot(package, out) == 3
    sheet = Sheet(out)
    assert sheet.cell("cta", "Decision").value == "Approve"
    assert sheet.cell("cta", "Decision").protection.locked
    assert not sheet.ws.data_validations.dataValidation
    guide = " ".join(str(c.value) for row in sheet.wb["Instructions"].iter_rows() for c in row)
    assert "This review was submitted" in guide


def test_a_vote_changed_in_the_app_after_export_is_not_overwritten(
    package: Path, ballot: Path
) -> None:
    with open_file(package) as pkg:
        save_vote(pkg, ids(package)["cta"], package_panelist(pkg)[0], {"decision": "approve"})
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Reject", comment="Too loud")
    sheet.save()
    with pytest.raises(InputErrors, match="row 2, column 'Decision': this vote was changed"):
        import_ballot(package, ballot)
    vote = vote_of(package, "cta")
    assert vote is not None and vote.decision == "approve"


def test_a_variant_changed_by_hq_after_export_is_refused_only_if_voted(
    tmp_path: Path, package: Path, ballot: Path
) -> None:
    change_variant_text(tmp_path, "hero.title", "ربيع التوفير")
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Approve")
    sheet.fill("hero.title", decision="Approve")
    sheet.save()
    with pytest.raises(InputErrors) as caught:
        import_ballot(package, ballot)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == ("row 4", "Variant text")
    assert "HQ changed this variant" in problem.message
    sheet.fill("hero.title", decision=None)
    sheet.save()
    assert import_ballot(package, ballot) == BallotReport(updated=1, unchanged=0, skipped_empty=2)


def test_a_variant_withdrawn_by_hq_after_export_is_refused_only_if_voted(
    tmp_path: Path, package: Path, ballot: Path
) -> None:
    withdraw_variant(tmp_path, "cta")
    sheet = Sheet(ballot)
    sheet.fill("cta", decision="Approve")
    sheet.fill("hero.title", decision="Approve")
    sheet.save()
    with pytest.raises(InputErrors, match="row 2, column 'Variant id': HQ withdrew this variant"):
        import_ballot(package, ballot)
    sheet.fill("cta", decision=None)
    sheet.save()
    assert import_ballot(package, ballot) == BallotReport(updated=1, unchanged=0, skipped_empty=2)
    assert vote_of(package, "cta") is None


def test_openpyxl_extension_warnings_do_not_escape(package: Path, ballot: Path) -> None:
    """Excel may add x14 data validation that openpyxl cannot keep: reading values is fine."""
    ext = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations count="0" '
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>'
    )
    sheet = Sheet(ballot)
    fill_typical(sheet)
    sheet.save()
    data = io.BytesIO()
    with zipfile.ZipFile(ballot) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                content = content.replace(b"</worksheet>", ext + b"</worksheet>")
            dst.writestr(item, content)
    ballot.write_bytes(data.getvalue())
    with pytest.warns(UserWarning, match="extension is not supported"):
        openpyxl.load_workbook(ballot)  # the warning exists ...
    assert import_ballot(package, ballot).updated == 2  # ... and is handled (warnings = errors)


# -- the ballot's language -------------------------------------------------------------

GERMAN = {
    "Ballot": "Stimmzettel",
    "Decision": "Entscheidung",
    "Comment": "Kommentar",
    "Approve": "Freigeben",
    "Reject": "Ablehnen",
}


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """A German catalog for the test; returns a function that switches to German."""
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale="de")
    for english, german in GERMAN.items():
        catalog.add(english, german)
    with (folder / f"{i18n.DOMAIN}.mo").open("wb") as fh:
        write_mo(fh, catalog)
    monkeypatch.setattr(i18n, "catalog_dir", lambda: str(tmp_path / "locale"))

    def switch() -> None:
        assert i18n.set_language("de") == "de"

    return switch


def test_labels_are_read_back_in_the_language_of_the_ballot(
    package: Path, tmp_path: Path, german: Callable[[], None]
) -> None:
    german()
    out = tmp_path / "stimmzettel.xlsx"
    export_ballot(package, out)
    i18n.set_language("en")  # imported by someone whose app speaks English
    wb = openpyxl.load_workbook(out)
    ws = wb["Stimmzettel"]
    col = {c.value: c.column for c in ws[1]}
    assert wb.defined_names["cp_decision"].destinations.__next__()[0] == "culturepanel"
    ws.cell(row=2, column=col["Entscheidung"]).value = "Ablehnen"
    ws.cell(row=3, column=col["Entscheidung"]).value = "Ablehnen"
    ws.cell(row=3, column=col["Kommentar"]).value = "Zu laut"
    wb.save(out)
    with pytest.raises(InputErrors) as caught:
        import_ballot(package, out)
    (problem,) = caught.value.problems
    assert problem.column == "Kommentar"
    assert "other than 'Freigeben'" in problem.message
    ws.cell(row=2, column=col["Kommentar"]).value = "Zu aufdringlich"
    wb.save(out)
    assert import_ballot(package, out).updated == 2
    vote = vote_of(package, "cta")
    assert vote is not None and vote.decision == "reject"


# -- command line ----------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="culturepanel ballot")
    setup_ballot(parser)
    out, err = io.StringIO(), io.StringIO()
    code = run_ballot(parser.parse_args(argv), out, err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def test_command_line_export_and_import(package: Path, tmp_path: Path) -> None:
    code, text = run("export", str(package))
    default = package.with_name("Spring-2027-EG-Amira-ballot.xlsx")
    assert (code, text) == (0, f"Wrote {default}: 3 variants to review.\n")
    sheet = Sheet(default)
    fill_typical(sheet)
    sheet.save()
    code, text = run("import", str(package), str(default))
    assert (code, text) == (
        0,
        "Spring-2027-EG-Amira-ballot.xlsx: 2 votes updated, 0 unchanged, 1 empty rows skipped.\n",
    )
    code, text = run("import", str(package), str(default))
    assert text.endswith("Nothing changed in Spring-2027-EG-Amira.cpanel.\n")
    code, text = run("export", str(package), "-o", str(tmp_path / "b.xlsx"))
    assert text == f"Wrote {tmp_path / 'b.xlsx'}: 3 variants to review.\n"


def test_command_line_needs_an_action() -> None:
    parser = argparse.ArgumentParser(prog="culturepanel ballot")
    setup_ballot(parser)
    with pytest.raises(SystemExit):
        parser.parse_args([])

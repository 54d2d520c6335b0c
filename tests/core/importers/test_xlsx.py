"""XLSX workbooks: openpyxl-written (dates, number formats, errors) and LibreOffice-written."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from culturepanel.importers.xlsx_reader import format_number
from culturepanel.locales import MARKET_FROM_COLUMN

from .conftest import Write, only_problem, read

DATA = Path(__file__).parents[2] / "data" / "importers"
HEADER = ["key", "locale", "text", "launch_start", "launch_end", "market", "notes"]


def workbook_bytes(*sheets: tuple[str, list[list[object]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_date_cells_and_numbers(write: Write) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["  hero.title ", "de", " Hallo\nWelt ", datetime(2027, 4, 1), date(2027, 4, 30)])
    sheet.append([1001, "fr", 2027, "2027-05-01", None, 419, 1.0])
    sheet.append(["price", "de", 19.9, None, None, None, 0.25])
    sheet.append(["code", "de", 7, None, None, None, 3])
    sheet["C4"].number_format = "0.00"
    sheet["G4"].number_format = "0%"
    sheet["C5"].number_format = "000"
    sheet["G5"].number_format = "0.0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = read(write("campaign.xlsx", buffer.getvalue()))
    assert parsed.ok, parsed.problems
    assert (parsed.format, parsed.layout) == ("xlsx", "long")
    hero, numeric, price, code = parsed.variants
    assert (hero.key, hero.text) == ("hero.title", "Hallo\nWelt")
    assert (hero.launch_start, hero.launch_end) == (date(2027, 4, 1), date(2027, 4, 30))
    assert (numeric.key, numeric.text, numeric.notes) == ("1001", "2027", "1")
    assert numeric.launch_start == date(2027, 5, 1)
    assert (numeric.market, numeric.market_source) == ("419", MARKET_FROM_COLUMN)
    assert (price.text, price.notes) == ("19.90", "25%")
    assert (code.text, code.notes) == ("007", "3.0")
    assert [v.origin for v in parsed.variants] == ["row 2", "row 3", "row 4", "row 5"]


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (1.0, "General", "1"),
        (0.1 + 0.2, "General", "0.3"),
        (12, "General", "12"),
        (12.5, "#,##0.00", "12.50"),
        (0.125, "0.0%", "12.5%"),
        (42, "00000", "00042"),
        (3.5, '"$"#,##0', "3.5"),
    ],
)
def test_format_number(value: float, number_format: str, text: str) -> None:
    assert format_number(value, number_format) == text


def test_bad_date_cell_and_error_cell(write: Write) -> None:
    data = workbook_bytes(
        ("Sheet", [HEADER, ["hero", "de", "#REF!", "03/04/2027"], ["cta", "de", "Los", 46480]])
    )
    parsed = read(write("campaign.xlsx", data))
    error, bad_date, number = parsed.problems
    assert (error.row, error.column) == ("row 2", "text")
    assert error.message == "the cell shows the error #REF!."
    assert (bad_date.row, bad_date.column) == ("row 2", "launch_start")
    assert bad_date.hint is not None and "2027-04-03" in bad_date.hint
    assert (number.row, number.column) == ("row 3", "launch_start")


def test_sheet_by_name_and_unknown_sheet(write: Write) -> None:
    data = workbook_bytes(
        ("Readme", [["This workbook holds the spring campaign."]]),
        ("Wide", [["key", "de", "fr-FR"], ["hero", "Hallo", "Salut"]]),
    )
    path = write("campaign.xlsx", data)
    assert "no header" not in str(read(path).problems)  # first sheet: a note, no table
    parsed = read(path, sheet=" wide ")
    assert parsed.ok, parsed.problems
    assert [v.locale for v in parsed.variants] == ["de", "fr-FR"]
    problem = only_problem(read(path, sheet="Variants"))
    assert problem.message == (
        "there is no sheet 'Variants' in this workbook; its sheets are: 'Readme', 'Wide'."
    )


def test_empty_rows_keep_row_numbers(write: Write) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"], sheet["C1"] = "key", "locale", "text"
    sheet["A2"], sheet["B2"], sheet["C2"] = "hero", "de", "Hallo"
    sheet["A6"], sheet["B6"], sheet["C6"] = "cta", "xx", "Los"
    buffer = io.BytesIO()
    workbook.save(buffer)
    problem = only_problem(read(write("c.xlsx", buffer.getvalue())))
    assert (problem.row, problem.column) == ("row 6", "locale")


def test_value_in_a_column_without_header_names_the_letter(write: Write) -> None:
    data = workbook_bytes(("S", [["key", "locale", "text"], ["hero", "de", "Hallo", None, "x"]]))
    problem = only_problem(read(write("c.xlsx", data)))
    assert problem.row == "row 2"
    assert "column E, which has no header" in problem.message


def test_empty_sheet(write: Write) -> None:
    problem = only_problem(read(write("c.xlsx", workbook_bytes(("Empty", [])))))
    assert "the table is empty" in problem.message


def test_openpyxl_warnings_do_not_leak(write: Write) -> None:
    """openpyxl warns on load (no default style) and per cell (date out of range).

    pytest runs with warnings as errors, so a leaked warning fails this test.
    """
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["key", "locale", "text", "launch_start"])
    sheet.append(["hero", "de", "Hallo", 1e10])
    sheet["D2"].number_format = "yyyy-mm-dd"
    source = io.BytesIO()
    workbook.save(source)
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = re.sub(rb"<cellStyles.*?</cellStyles>", b"", data, flags=re.S)
            new.writestr(item, data)
    problem = only_problem(read(write("c.xlsx", buffer.getvalue())))
    assert (problem.row, problem.column) == ("row 2", "launch_start")
    assert problem.message == "the cell shows the error #VALUE!."


def test_damaged_workbook(write: Write) -> None:
    data = workbook_bytes(("S", [["key", "locale", "text"], ["hero", "de", "Hallo"]]))
    problem = only_problem(read(write("c.xlsx", data[: len(data) // 2])))
    assert "damaged" in problem.message


def test_libreoffice_fixture() -> None:
    """A workbook saved by LibreOffice Calc (from the .fods beside it)."""
    check_libreoffice_workbook(DATA / "libreoffice_campaign.xlsx")


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="libreoffice is not installed")
def test_workbook_converted_by_libreoffice_now(tmp_path: Path) -> None:
    source = tmp_path / "libreoffice_campaign.fods"
    shutil.copy(DATA / "libreoffice_campaign.fods", source)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    check_libreoffice_workbook(tmp_path / "out" / "libreoffice_campaign.xlsx")


def check_libreoffice_workbook(path: Path) -> None:
    parsed = read(path)
    assert parsed.ok, parsed.problems
    hero, numeric = parsed.variants
    assert (hero.key, hero.locale, hero.text) == ("hero.title", "de", "Hallo Frühling")
    assert (hero.launch_start, hero.launch_end) == (date(2027, 4, 1), date(2027, 4, 30))
    assert (hero.market, hero.notes) == ("DE-BY", "19.90")
    assert (numeric.key, numeric.locale_label, numeric.text) == ("1001", "pt_BR", "Olá\nprimavera")
    assert numeric.market == "419"
    wide = read(path, sheet="Wide")
    assert wide.ok, wide.problems
    assert [(v.locale, v.text) for v in wide.variants] == [
        ("fr-FR", "Achetez"),
        ("zh-Hant-TW", "立即購買"),
    ]


def test_damaged_sheet_inside_a_sound_zip(write: Write) -> None:
    source = workbook_bytes(("S", [["key", "locale", "text"], ["hero", "de", "Hallo"]]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"<row r='9'><c><v>1</c></row></sheetData>")
            new.writestr(item, data)
    parsed = read(write("c.xlsx", buffer.getvalue()))
    problem = only_problem(parsed)
    assert problem.message == "the sheet is damaged after row 2 (ParseError)."
    assert [v.key for v in parsed.variants] == ["hero"]  # rows before the damage were read

"""Choosing a reader: content sniffing checked against the extension; unreadable input."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from culturepanel.importers import read_campaign_file
from culturepanel.importers.sniff import XLSX, sniff

from .conftest import Write, only_problem, read


def test_text_file_named_xlsx_is_refused_with_a_hint(write: Write) -> None:
    path = write("campaign.xlsx", "key,locale,text\nhero,de,Hallo\n")
    parsed = read(path)
    problem = only_problem(parsed)
    assert str(problem) == (
        "campaign.xlsx: this is not an XLSX workbook (it looks like a text file). "
        "Hint: Save it from your spreadsheet program as .xlsx, or rename it to .csv."
    )
    assert parsed.format == "xlsx"
    assert parsed.variants == []


def test_empty_file(write: Write) -> None:
    problem = only_problem(read(write("campaign.csv", b"")))
    assert problem.file == "campaign.csv"
    assert problem.row is None
    assert "the file is empty" in problem.message


@pytest.mark.parametrize(
    "content", [b"   \r\n\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe \x00\n\x00"]
)
def test_blank_files_count_as_empty(write: Write, content: bytes) -> None:
    assert "the file is empty" in only_problem(read(write("c.csv", content))).message


def test_empty_xlsx_named_file(write: Write) -> None:
    assert "the file is empty" in only_problem(read(write("c.xlsx", b""))).message


def test_binary_garbage(write: Write) -> None:
    garbage = bytes((i * 7919 + 13) % 256 for i in range(4096))
    problem = only_problem(read(write("campaign.csv", garbage)))
    assert problem.file == "campaign.csv"
    assert "not a CSV" in problem.message
    assert "binary data" in problem.message


def test_random_bytes_never_raise(write: Write) -> None:
    for name in ("a.csv", "a.xlsx", "a.json", "a.xliff", "a.bin"):
        parsed = read(write(name, os.urandom(2000)))
        assert parsed.problems and not parsed.variants


def test_unknown_extension_is_read_by_content(write: Write) -> None:
    parsed = read(write("export.dat", "key;locale;text\nhero;de;Hallo\n"))
    assert parsed.ok, parsed.problems
    assert parsed.format == "csv"
    assert [v.text for v in parsed.variants] == ["Hallo"]


def test_json_named_csv(write: Write) -> None:
    problem = only_problem(read(write("c.csv", '[{"key": "a", "locale": "de", "text": "x"}]')))
    assert "it looks like a JSON file" in problem.message
    assert problem.hint is not None and ".json" in problem.hint


def test_csv_named_json(write: Write) -> None:
    problem = only_problem(read(write("c.json", "key,locale,text\n")))
    assert problem.message == "this is not a JSON file (it looks like a text file)."
    assert problem.hint == "Rename it to .csv, or export the campaign again as .json."


def test_xlsx_named_csv(write: Write) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    problem = only_problem(read(write("c.csv", buffer.getvalue())))
    assert "it looks like an XLSX workbook" in problem.message
    assert problem.hint is not None and ".xlsx" in problem.hint


def test_ods_named_xlsx(write: Write) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    problem = only_problem(read(write("c.xlsx", buffer.getvalue())))
    assert "OpenDocument spreadsheet" in problem.message
    assert problem.hint is not None and "Excel 2007-365" in problem.hint


def test_old_excel_file(write: Write) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    problem = only_problem(read(write("c.xlsx", data)))
    assert "Excel 97-2003" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    problem = only_problem(read_campaign_file(tmp_path / "nope.csv"))
    assert problem.file == "nope.csv"
    assert "cannot be read" in problem.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "dir.csv").mkdir()
    assert "cannot be read" in only_problem(read_campaign_file(tmp_path / "dir.csv")).message


def test_sniff_recognises_the_start_of_a_workbook() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for i in range(3000):
        sheet.append([f"k{i}", "de", os.urandom(20).hex()])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert len(buffer.getvalue()) > 65536
    assert sniff(buffer.getvalue()) == XLSX
    assert sniff(buffer.getvalue()[:65536]) == XLSX

"""Verdicts remembered per distinct value: every row still gets its own problems.

The readers judge each distinct combination of dates, market, asset, campaign
and channel once (see ``culturepanel.importers.common_columns``); these tests
pin down that remembering changes nothing a user sees, and that the import's
content hash (stored in every workspace) keeps its exact form.
"""

from __future__ import annotations

import gc
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from culturepanel.errors import InputErrors
from culturepanel.importers.model import ImportedVariant
from culturepanel.importers.workspace_import import content_hash, import_campaign_files

from .conftest import PNG, Write, read


def test_a_faulty_value_is_reported_on_every_row_that_has_it(write: Write) -> None:
    write("hero.png", PNG)
    content = (
        "key,locale,text,launch_start,launch_end,market,asset\n"
        "a,de,Hallo,2027-02-30,,,\n"
        "b,de,Hallo,2027-03-01,2027-03-14,DE,hero.png\n"
        "c,de,Hallo,2027-02-30,,,\n"
        "d,de,Hallo,2027-03-14,2027-03-01,,\n"
        "e,de,Hallo,2027-03-01,2027-03-14,DE,hero.png\n"
        "f,de,Hallo,2027-03-14,2027-03-01,,\n"
        "g,de,Hallo,,,,missing.png\n"
        "h,de,Hallo,,,,missing.png\n"
    )
    parsed = read(write("c.csv", content))
    got = [(p.row, p.column) for p in parsed.problems]
    assert got == [
        ("row 2", "launch_start"),
        ("row 4", "launch_start"),
        ("row 5", "launch_end"),
        ("row 7", "launch_end"),
        ("row 8", "asset"),
        ("row 9", "asset"),
    ]
    assert parsed.problems[0].message == parsed.problems[1].message
    assert [v.key for v in parsed.variants] == ["b", "e"]
    b, e = parsed.variants
    assert b.asset == e.asset == (parsed.path.parent / "hero.png").resolve()
    assert (e.launch_start, e.launch_end, e.market) == (date(2027, 3, 1), date(2027, 3, 14), "DE")


def test_error_cell_and_the_same_text_are_judged_apart(write: Write) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["key", "locale", "text", "launch_start", "market"])
    sheet.append(["a", "de", "Hallo", "#REF!", "#N/A"])  # error cells
    sheet.append(["b", "de", "Hallo", "#REF!", "#N/A"])  # the same, as text
    sheet.append(["c", "de", "Hallo", "#REF!", "#N/A"])  # error cells again
    for cell in ("D3", "E3"):
        sheet[cell].data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = read(write("c.xlsx", buffer.getvalue()))
    got = [(p.row, p.column, p.message) for p in parsed.problems]
    assert got == [
        ("row 2", "launch_start", "the cell shows the error #REF!."),
        ("row 2", "market", "the cell shows the error #N/A."),
        ("row 3", "launch_start", "'#REF!' is not a date in the form YYYY-MM-DD."),
        ("row 3", "market", "'#N/A' is not a market code."),
        ("row 4", "launch_start", "the cell shows the error #REF!."),
        ("row 4", "market", "the cell shows the error #N/A."),
    ]


def test_campaign_default_and_channel_are_trimmed_once_for_all_rows(write: Write) -> None:
    content = (
        '{"campaign": "Spring", "variants": ['
        '{"key": "a", "locale": "de", "text": "Hallo", "channel": " web "},'
        '{"Key": "b", "Locale": "de", "Text": "Hallo", "Channel": "web", "campaign": ""},'
        '{"key": "c", "locale": "de", "text": "Hallo", "channel": 1}'
        "]}"
    )
    parsed = read(write("c.json", content))
    assert parsed.ok, parsed.problems
    got = [(v.key, v.campaign, v.channel) for v in parsed.variants]
    assert got == [("a", "Spring", "web"), ("b", "Spring", "web"), ("c", "Spring", "1")]


def test_content_hash_keeps_its_form() -> None:
    """Workspaces store this hash: a different form would make every variant 'changed'."""
    full = ImportedVariant(
        key="hero",
        locale="pt-BR",
        locale_label="pt_BR",
        market="BR",
        market_source="locale",
        text="Olá",
        source_text="Hello",
        campaign="Spring 2027",
        channel="web",
        launch_start=date(2027, 4, 1),
        launch_end=date(2027, 4, 30),
        notes="warm",
        origin="row 2",
    )
    assert content_hash(full, "a" * 64) == "2b9f049971de7ce0d7ac32509822925145c2a2d7"
    bare = ImportedVariant(
        key="hero",
        locale="de",
        locale_label="de",
        market="DE",
        market_source="likely",
        text="Hallo",
        source_text="",
        origin="row 3",
    )
    assert content_hash(bare, None) == "e991c6743c376cc23ac6532fad66294e5b8243e8"


@pytest.mark.parametrize("enabled", [True, False])
def test_import_leaves_the_cycle_collector_as_it_found_it(
    tmp_path: Path, write: Write, enabled: bool
) -> None:
    good = write("good.csv", "key,locale,text\nhero,de,Hallo\n")
    bad = write("bad.csv", "key,locale,text\nhero,xx-QQ,Hallo\n")
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        import_campaign_files(tmp_path / "ws.cpanel", [good])
        assert gc.isenabled() is enabled
        with pytest.raises(InputErrors):
            import_campaign_files(tmp_path / "ws.cpanel", [bad])
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()

"""Layouts and row validation shared by CSV, XLSX and JSON (exercised through CSV)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from culturepanel.importers.columns import SPELLINGS, column_for
from culturepanel.locales import MARKET_FROM_COLUMN, MARKET_FROM_LIKELY, MARKET_FROM_LOCALE

from .conftest import PNG, Write, only_problem, problems_in, read


def test_long_layout_with_every_column(write: Write) -> None:
    write("img/hero.png", PNG)
    content = (
        "key,locale,text,source_text,campaign,channel,market,launch_start,launch_end,asset,notes\n"
        'hero,de-AT,"Servus\nFrühling",Hello spring,Spring 27,web,,2027-04-01,2027-04-30,'
        "img/hero.png,Tone: warm\n"
    )
    parsed = read(write("c.csv", content))
    assert parsed.ok, parsed.problems
    (v,) = parsed.variants
    assert (v.key, v.locale, v.locale_label, v.text) == (
        "hero",
        "de-AT",
        "de-AT",
        "Servus\nFrühling",
    )
    assert (v.source_text, v.campaign, v.channel, v.notes) == (
        "Hello spring",
        "Spring 27",
        "web",
        "Tone: warm",
    )
    assert (v.market, v.market_source) == ("AT", MARKET_FROM_LOCALE)
    assert (v.launch_start, v.launch_end) == (date(2027, 4, 1), date(2027, 4, 30))
    assert v.asset == (parsed.path.parent / "img" / "hero.png").resolve()
    assert v.asset.is_absolute()


def test_wide_layout(write: Write) -> None:
    content = (
        "Key,Source text,channel,de,fr-FR,pt_BR,zh-Hant-TW,es-419\n"
        "hero,Hello,web,Hallo,Bonjour,Olá,你好,Hola\n"
        "cta,Buy,web,Kaufen,,Comprar,,\n"
    )
    parsed = read(write("wide.csv", content))
    assert parsed.ok, parsed.problems
    assert parsed.layout == "wide"
    got = [(v.key, v.locale, v.locale_label, v.market, v.text) for v in parsed.variants]
    assert got == [
        ("hero", "de", "de", "DE", "Hallo"),
        ("hero", "fr-FR", "fr-FR", "FR", "Bonjour"),
        ("hero", "pt-BR", "pt_BR", "BR", "Olá"),
        ("hero", "zh-Hant-TW", "zh-Hant-TW", "TW", "你好"),
        ("hero", "es-419", "es-419", "419", "Hola"),
        ("cta", "de", "de", "DE", "Kaufen"),
        ("cta", "pt-BR", "pt_BR", "BR", "Comprar"),
    ]
    assert all(v.source_text in ("Hello", "Buy") and v.channel == "web" for v in parsed.variants)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("key", "key"),
        (" KEY ", "key"),
        ("launch_start", "launch_start"),
        ("Launch start", "launch_start"),
        ("launch-start", "launch_start"),
        ("LAUNCH START", "launch_start"),
        ("launchStart", "launch_start"),
        ("_launch__start_", "launch_start"),
        ("Launch-End", "launch_end"),
        ("source", "source_text"),
        ("Source Text", "source_text"),
        ("sourceText", "source_text"),
        ("note", "notes"),
        ("Notes", "notes"),
        ("Asset", "asset"),
        ("launchstart", None),
        ("de", None),
        ("id", None),
    ],
)
def test_header_spellings(header: str, column: str | None) -> None:
    assert column_for(header) == column


def test_every_column_has_its_own_name_as_spelling() -> None:
    assert all(name in spellings for name, spellings in SPELLINGS.items())


def test_missing_required_column(write: Write) -> None:
    parsed = read(write("c.csv", "key,locale,txt\nhero,de,Hallo\n"))
    missing = problems_in(parsed, column="text")
    assert len(missing) == 1
    assert missing[0].row is None
    assert missing[0].message == "the required column 'text' is missing."
    unknown = problems_in(parsed, column="txt")
    assert unknown[0].message == "unknown column 'txt'."
    assert unknown[0].hint is not None and "Did you mean 'text'?" in unknown[0].hint
    assert parsed.variants == []


def test_missing_key_column_still_validates_rows(write: Write) -> None:
    parsed = read(write("c.csv", "locale,text\nxx,Hallo\n"))
    assert [(p.row, p.column) for p in parsed.problems] == [(None, "key"), ("row 2", "locale")]


def test_header_without_any_locale(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,source_text\nhero,Hello\n")))
    assert "no locale columns" in problem.message
    assert problem.hint is not None and "'locale'" in problem.hint


def test_unknown_locale_in_a_row(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text\nhero,de,Hallo\nhero,xx-YY,Hi\n")))
    assert (problem.file, problem.row, problem.column) == ("c.csv", "row 3", "locale")
    assert problem.message == "unknown locale 'xx-YY'."
    assert problem.hint is not None and "fr-FR" in problem.hint


def test_malformed_locale_in_a_row(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text\nhero,German,Hallo\n")))
    assert problem.message == "'German' is not a locale code."


def test_unknown_locale_in_wide_header(write: Write) -> None:
    parsed = read(write("c.csv", "key,de,xx-YY,Comments\nhero,Hallo,Hi,ok\n"))
    locale, column = parsed.problems
    assert (locale.row, locale.column) == (None, "xx-YY")
    assert locale.message == "unknown locale 'xx-YY' in the header."
    assert (column.row, column.column) == (None, "Comments")
    assert column.message == "unknown column 'Comments'."
    assert column.hint is not None and "misspelled column or an unknown locale" in column.hint


def test_misspelled_column_in_wide_header_is_suggested(write: Write) -> None:
    parsed = read(write("c.csv", "key,de,chanel\nhero,Hallo,web\n"))
    problem = only_problem(parsed)
    assert problem.column == "chanel"
    assert problem.hint is not None and "Did you mean 'channel'?" in problem.hint


def test_misspelled_short_column_in_wide_header_could_be_a_locale(write: Write) -> None:
    parsed = read(write("c.csv", "kye,de\nhero,Hallo\n"))
    unknown, missing = parsed.problems
    assert unknown.message == "unknown locale 'kye' in the header."
    assert unknown.hint == "Did you mean the column 'key'?"
    assert (missing.column, missing.message) == ("key", "the required column 'key' is missing.")


def test_locale_column_in_long_layout(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text,de\nhero,fr,Salut,Hallo\n")))
    assert problem.column == "de"
    assert "named like a locale" in problem.message


def test_duplicate_key_and_locale_compares_canonical_tags(write: Write) -> None:
    content = "key,locale,text\nhero,pt_BR,Olá\ncta,pt-BR,Comprar\nhero,pt-BR,Oi\n"
    problem = only_problem(read(write("c.csv", content)))
    assert (problem.row, problem.column) == ("row 4", "locale")
    assert problem.message == "the key 'hero' appears twice for pt-BR (first in row 2)."


def test_duplicate_key_in_wide_layout(write: Write) -> None:
    parsed = read(write("c.csv", "key,de,fr\nhero,Hallo,\nhero,Servus,Salut\n"))
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == ("row 3", "de")
    assert "first in row 2" in problem.message


def test_duplicate_locale_columns(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,pt_BR,pt-BR\nhero,Olá,Oi\n")))
    assert problem.column == "pt-BR"
    assert "two columns" in problem.message


def test_duplicate_column(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text,Launch start,launch_start\n")))
    assert problem.column == "launch_start"
    assert "appears twice" in problem.message


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_text(write: Write, text: str) -> None:
    problem = only_problem(read(write("c.csv", f"key;locale;text\nhero;de;Hallo\ncta;fr;{text}\n")))
    assert (problem.file, problem.row, problem.column) == ("c.csv", "row 3", "text")
    assert problem.message == "the text is empty."


def test_empty_key(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text\n ,de,Hallo\n")))
    assert (problem.row, problem.column) == ("row 2", "key")


def test_empty_wide_cells_are_no_variants_not_problems(write: Write) -> None:
    parsed = read(write("c.csv", "key,de,fr\nhero,Hallo,\ncta,,\n"))
    assert parsed.ok
    assert [(v.key, v.locale) for v in parsed.variants] == [("hero", "de")]


@pytest.mark.parametrize(
    ("value", "hint_part"),
    [
        ("03/04/2027", "2027-04-03 if '03/04/2027' is day/month/year, or 2027-03-04"),
        ("25.12.2027", "year-month-day: 2027-12-25."),
        ("next week", "e.g. 2027-04-03"),
        ("46480", "format the spreadsheet cell as a date"),
    ],
)
def test_malformed_date(write: Write, value: str, hint_part: str) -> None:
    content = f"key,locale,text,launch_start\nhero,de,Hallo,2027-04-03\ncta,de,Los,{value}\n"
    problem = only_problem(read(write("c.csv", content)))
    assert (problem.file, problem.row, problem.column) == ("c.csv", "row 3", "launch_start")
    assert problem.message == f"'{value}' is not a date in the form YYYY-MM-DD."
    assert problem.hint is not None and hint_part in problem.hint


def test_impossible_date(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text,Launch End\nh,de,x,2027-02-30\n")))
    assert (problem.row, problem.column) == ("row 2", "Launch End")
    assert problem.message == "'2027-02-30' is not a valid date."


def test_iso_date_with_time_is_accepted(write: Write) -> None:
    parsed = read(write("c.csv", "key,locale,text,launch_start\nh,de,x,2027-04-03 00:00:00\n"))
    assert parsed.variants[0].launch_start == date(2027, 4, 3)


def test_end_before_start(write: Write) -> None:
    content = "key,locale,text,launch_start,launch_end\nhero,de,Hallo,2027-05-01,2027-04-01\n"
    problem = only_problem(read(write("c.csv", content)))
    assert (problem.row, problem.column) == ("row 2", "launch_end")
    assert "2027-04-01" in problem.message and "2027-05-01" in problem.message


def test_market_column(write: Write) -> None:
    content = "key,locale,text,market\nhero,de,Hallo,de-by\nhero,ar,مرحبا,\ncta,de,Los,Bavaria\n"
    parsed = read(write("c.csv", content))
    first, second = parsed.variants
    assert (first.market, first.market_source) == ("DE-BY", MARKET_FROM_COLUMN)
    assert (second.market, second.market_source) == ("EG", MARKET_FROM_LIKELY)
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == ("row 4", "market")
    assert "'Bavaria' is not a market code" in problem.message


def test_unknown_market(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text,market\nhero,de,Hallo,QQ\n")))
    assert problem.message == "unknown market 'QQ'."


def test_missing_asset(write: Write) -> None:
    path = write("c.csv", "key,locale,text,asset\nhero,de,Hallo,images/hero.png\n")
    problem = only_problem(read(path))
    assert (problem.file, problem.row, problem.column) == ("c.csv", "row 2", "asset")
    assert "'images/hero.png' does not exist" in problem.message
    assert str(path.parent / "images" / "hero.png") in problem.message


def test_asset_that_is_not_an_image(write: Write) -> None:
    write("hero.png", "this is text")
    problem = only_problem(read(write("c.csv", "key,locale,text,asset\nhero,de,Hallo,hero.png\n")))
    assert "is not a PNG, JPEG, GIF, WebP or SVG image" in problem.message


@pytest.mark.parametrize(
    "content",
    [
        PNG,
        b"\xff\xd8\xff\xe0" + b"\x00" * 20,
        b"GIF89a" + b"\x00" * 20,
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_image_kinds_by_magic_bytes(write: Write, content: bytes) -> None:
    write("picture.bin", content)
    parsed = read(write("c.csv", "key,locale,text,asset\nhero,de,Hallo,picture.bin\n"))
    assert parsed.ok, parsed.problems


def test_absolute_asset_path_and_folder(write: Write, tmp_path: Path) -> None:
    image = write("elsewhere/hero.gif", b"GIF87a....")
    content = f"key,locale,text,asset\nhero,de,Hallo,{image}\ncta,de,Los,elsewhere\n"
    parsed = read(write("c.csv", content))
    assert parsed.variants[0].asset == image.resolve()
    assert "is a folder" in only_problem(parsed).message


def test_asset_url_is_refused(write: Write) -> None:
    problem = only_problem(
        read(write("c.csv", "key,locale,text,asset\nh,de,x,https://e.com/a.png\n"))
    )
    assert "web address" in problem.message


def test_title_rows_above_the_header_are_skipped(write: Write) -> None:
    content = "Spring campaign 2027,,\n,,\nkey,locale,text\nhero,de,Hallo\ncta,xx,Los\n"
    parsed = read(write("c.csv", content))
    assert parsed.variants[0].origin == "row 4"
    assert only_problem(parsed).row == "row 5"


def test_header_only(write: Write) -> None:
    problem = only_problem(read(write("c.csv", "key,locale,text\n")))
    assert "no variants" in problem.message


def test_all_problems_are_collected(write: Write) -> None:
    lines = ["key,locale,text,launch_start,launch_end,asset"]
    for i in range(20):
        lines.append(f"k{i},xx-{i:02d},Text,2027-01-01,2027-01-02,")  # unknown locale
        lines.append(f"k{i},de,,31/12/2027,2027-01-01,")  # empty text, bad date
        lines.append(f"k{i},fr,Salut,2027-02-02,2027-01-01,missing{i}.png")  # end<start, asset
    parsed = read(write("many.csv", "\n".join(lines) + "\n"))
    assert len(parsed.problems) == 20 * 5
    assert len(problems_in(parsed, column="locale")) == 20
    assert len(problems_in(parsed, column="asset")) == 20
    assert problems_in(parsed, column="launch_end")[-1].row == "row 61"
    assert parsed.variants == []


def test_progress_is_reported(write: Write) -> None:
    lines = ["key,locale,text"] + [f"k{i},de,Hallo" for i in range(2500)]
    calls: list[tuple[int, int]] = []
    parsed = read(write("c.csv", "\n".join(lines)), progress=lambda d, t: calls.append((d, t)))
    assert parsed.ok
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_many_blank_rows_before_the_header(write: Write) -> None:
    parsed = read(write("c.csv", ",,\n" * 5000 + "key,locale,text\nhero,de,Hallo\n"))
    assert parsed.ok, parsed.problems
    assert parsed.variants[0].origin == "row 5002"


def test_only_blank_rows(write: Write) -> None:
    problem = only_problem(read(write("c.csv", ";;\n;;\n")))
    assert problem.message == "the table is empty: it has no header row."

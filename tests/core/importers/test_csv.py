"""CSV and tab-separated files: encodings, separators, quotes, row numbers."""

from __future__ import annotations

import pytest

from culturepanel.importers.csv_reader import detect_separator

from .conftest import Write, only_problem, problems_in, read


def test_semicolon_csv_with_bom(write: Write) -> None:
    content = "\ufeffkey;locale;text;notes\nhero;de;Grüße, Freunde;ok\ncta;fr-FR;« Achetez »;\n"
    parsed = read(write("campaign.csv", content))
    assert parsed.ok, parsed.problems
    assert (parsed.format, parsed.layout) == ("csv", "long")
    first, second = parsed.variants
    assert (first.key, first.locale, first.text, first.notes) == (
        "hero",
        "de",
        "Grüße, Freunde",
        "ok",
    )
    assert (second.locale, second.text, second.notes) == ("fr-FR", "« Achetez »", None)
    assert first.origin == "row 2" and second.origin == "row 3"


def test_utf16_tab_separated_as_excel_unicode_text(write: Write) -> None:
    content = "key\tlocale\ttext\r\nhero\tja\t春のセール\r\nhero\tar\tتخفيضات الربيع\r\n"
    parsed = read(write("campaign.txt", content, encoding="utf-16"))  # with BOM
    assert parsed.ok, parsed.problems
    assert [(v.locale, v.text) for v in parsed.variants] == [
        ("ja", "春のセール"),
        ("ar", "تخفيضات الربيع"),
    ]


def test_utf16_big_endian_and_bomless(write: Write) -> None:
    content = "key\tlocale\ttext\nhero\tde\tHallo\n"
    be = read(write("be.tsv", b"\xfe\xff" + content.encode("utf-16-be")))
    bare = read(write("le.tsv", content.encode("utf-16-le")))
    assert be.ok and bare.ok, (be.problems, bare.problems)
    assert be.variants[0].text == bare.variants[0].text == "Hallo"


def test_cp1252_fallback(write: Write) -> None:
    parsed = read(write("old.csv", "key;locale;text\nhero;fr;Été à Paris – 20 €\n", "cp1252"))
    assert parsed.ok, parsed.problems
    assert parsed.variants[0].text == "Été à Paris – 20 €"


def test_cp1252_cannot_hold_a_non_latin_locale(write: Write) -> None:
    content = "key;locale;text\nhero;fr;Ete\nhero;ru;Привет\nx;ru;Мир\n".encode("cp1251")
    parsed = read(write("old.csv", content))
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == ("row 3", "text")
    assert "not UTF-8" in problem.message and "ru" in problem.message
    assert problem.hint is not None and "UTF-8" in problem.hint


def test_utf8_with_a_broken_byte_is_not_read_as_cp1252(write: Write) -> None:
    content = "key,locale,text\nhero,de,Grüße\n".encode() + b"x,de,bad \xff byte\n"
    problem = only_problem(read(write("c.csv", content)))
    assert problem.row == "line 3"
    assert "not valid UTF-8" in problem.message


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("key,locale,text\na,de,x\n", ","),
        ("key;locale;text\na;de;x, y, z\n", ";"),
        ("key\tlocale\ttext\na\tde\tx; y, z\n", "\t"),
        ('"key;x",locale,text\n"a;b",de,"x;y;z"\n', ","),
        ('key,locale,text\na,de,"1;2;3;4;5;6"\nb,de,"x;y;z;w"\n', ","),
        ("key\n", ","),
    ],
)
def test_separator_detection(text: str, separator: str) -> None:
    assert detect_separator(text) == separator


def test_excel_sep_line(write: Write) -> None:
    parsed = read(write("c.csv", "sep=|\r\nkey|locale|text\r\nhero|de|Hallo\r\n"))
    assert parsed.ok, parsed.problems
    assert parsed.variants[0].origin == "row 2"


def test_quoted_newlines_keep_spreadsheet_row_numbers(write: Write) -> None:
    content = 'key,locale,text\nhero,de,"Zeile 1\r\nZeile 2"\n\ncta,xx,Los\n'
    parsed = read(write("c.csv", content))
    assert parsed.variants[0].text == "Zeile 1\nZeile 2"
    problem = only_problem(parsed)
    assert (problem.row, problem.column) == ("row 4", "locale")


def test_surrounding_whitespace_trimmed(write: Write) -> None:
    parsed = read(write("c.csv", "key,locale,text\n  hero , de ,  Hallo\n  Welt  \n"))
    assert parsed.ok is False  # the second line is a row with only a key
    variant = parsed.variants[0]
    assert (variant.key, variant.locale_label, variant.text) == ("hero", "de", "Hallo")


def test_unclosed_quote_stops_with_a_problem(write: Write) -> None:
    content = 'key,locale,text\nhero,de,Hallo\ncta,xx,"Los\nx,de,y\n'
    parsed = read(write("c.csv", content))
    unclosed = problems_in(parsed, row="row 3")
    assert len(unclosed) == 1
    assert "never closed" in unclosed[0].message
    assert [v.key for v in parsed.variants] == ["hero"]


def test_stray_quote(write: Write) -> None:
    content = 'key,locale,text\nhero,de,"Hallo" Welt\n'
    problem = only_problem(read(write("c.csv", content)))
    assert problem.row == "row 2"
    assert "closing double quote" in problem.message


def test_more_values_than_header(write: Write) -> None:
    parsed = read(write("c.csv", "key,locale,text\nhero,de,Hallo, Welt\n"))
    problem = only_problem(parsed)
    assert problem.row == "row 2"
    assert "column 4, which has no header" in problem.message
    assert problem.hint is not None and "double quotes" in problem.hint


def test_trailing_blank_header_columns_are_ignored(write: Write) -> None:
    parsed = read(write("c.csv", "key;locale;text;;\nhero;de;Hallo;;\n;;;;\n"))
    assert parsed.ok, parsed.problems
    assert len(parsed.variants) == 1

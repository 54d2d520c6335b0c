"""JSON campaign files: a list of records, or an object with campaign and variants."""

from __future__ import annotations

import json

from culturepanel.importers.context import ReadContext
from culturepanel.importers.json_reader import read_json

from .conftest import Write, only_problem, problems_in, read


def dump(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def test_list_of_long_records(write: Write) -> None:
    records = [
        {"key": "hero", "locale": "de", "text": "Hallo", "launch_start": "2027-04-01"},
        {"Key": "cta", "Locale": "pt_BR", "Text": "Comprar", "sourceText": "Buy", "notes": None},
    ]
    parsed = read(write("c.json", dump(records)))
    assert parsed.ok, parsed.problems
    assert (parsed.format, parsed.layout) == ("json", "long")
    hero, cta = parsed.variants
    assert hero.launch_start is not None and hero.launch_start.isoformat() == "2027-04-01"
    assert (cta.locale, cta.locale_label, cta.source_text) == ("pt-BR", "pt_BR", "Buy")
    assert (hero.origin, cta.origin) == ("record 1", "record 2")


def test_object_with_campaign_and_wide_variants(write: Write) -> None:
    document = {
        "campaign": "Spring 2027",
        "source_locale": "en_US",
        "variants": [
            {"key": "hero", "source_text": "Hello", "de": "Hallo", "fr-FR": "Bonjour"},
            {"key": 42, "campaign": "Summer", "de": "Zweiundvierzig"},
        ],
    }
    parsed = read(write("c.json", dump(document)))
    assert parsed.ok, parsed.problems
    assert parsed.layout == "wide"
    assert parsed.source_locale == "en-US"
    got = [(v.key, v.locale, v.campaign, v.text) for v in parsed.variants]
    assert got == [
        ("hero", "de", "Spring 2027", "Hallo"),
        ("hero", "fr-FR", "Spring 2027", "Bonjour"),
        ("42", "de", "Summer", "Zweiundvierzig"),
    ]


def test_malformed_json_gives_line_and_column(write: Write) -> None:
    content = '[\n  {"key": "hero", "locale": "de", "text": "Hallo"}\n  {"key": "cta"}\n]\n'
    problem = only_problem(read(write("c.json", content)))
    assert problem.file == "c.json"
    assert problem.row == "line 3, column 3"
    assert problem.message == "this is not valid JSON: Expecting ',' delimiter."


def test_two_spellings_of_one_field_in_a_record(write: Write) -> None:
    records = [{"key": "hero", "Key": "x", "locale": "de", "text": "Hallo"}]
    problem = only_problem(read(write("c.json", dump(records))))
    assert (problem.row, problem.column) == ("record 1", "Key")
    assert problem.message == "the fields 'key' and 'Key' name the same column."


def test_validation_problems_name_the_record(write: Write) -> None:
    records = [
        {"key": "hero", "locale": "de", "text": "Hallo"},
        {"key": "hero", "locale": "de-DE", "text": ""},
        {"key": "hero", "locale": "xx", "text": "Hi", "launch_end": "soon"},
    ]
    parsed = read(write("c.json", dump(records)))
    assert [(p.row, p.column) for p in parsed.problems] == [
        ("record 2", "text"),
        ("record 3", "locale"),
        ("record 3", "launch_end"),
    ]


def test_records_that_are_not_objects_or_hold_lists(write: Write) -> None:
    records = [{"key": "hero", "locale": "de", "text": ["Hallo"]}, "cta,de,Los"]
    parsed = read(write("c.json", dump(records)))
    wrong_type = problems_in(parsed, row="record 1")
    assert [(p.column, p.message) for p in wrong_type] == [
        ("text", "the field 'text' must be text or a number.")
    ]
    assert (
        problems_in(parsed, row="record 2")[0].message
        == "this record is not an object with fields."
    )


def test_wrong_shapes(write: Write) -> None:
    ctx = ReadContext(write("a.json", '"hello"'))
    assert "single value" in only_problem(read_json(ctx, b'"hello"')).message
    unknown, no_list = read(write("b.json", '{"items": []}')).problems
    assert (unknown.column, unknown.message) == (
        "items",
        "unknown field 'items' at the top of the file.",
    )
    assert (no_list.column, no_list.message) == (
        "variants",
        "the top object has no 'variants' list.",
    )
    assert no_list.hint is not None and '{"campaign": "...", "variants": [...]}' in no_list.hint
    parsed = read(write("c.json", '{"campaign": 3, "variants": {}}'))
    assert [p.column for p in parsed.problems] == ["variants", "campaign"]


def test_deep_nesting_does_not_raise(write: Write) -> None:
    parsed = read(write("deep.json", "[" * 100_000 + "]" * 100_000))
    assert parsed.problems


def test_utf16_json_with_bom(write: Write) -> None:
    parsed = read(write("c.json", dump([{"key": "k", "locale": "ja", "text": "春"}]), "utf-16"))
    assert parsed.ok, parsed.problems
    assert parsed.variants[0].text == "春"

"""The observance data: coverage, sources, validation of malformed files, selection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from culturepanel.calendar import (
    KIND_HOLIDAY,
    KIND_OBSERVANCE,
    ObservanceFileError,
    load_library,
    market_calendar,
)
from culturepanel.calendar.gregorian import DatesRule
from culturepanel.calendar.observance_files import parse_file
from culturepanel.calendar.observances import localized

from .conftest import VALID_ENTRY

MakeDir = Callable[..., Path]


def test_shipped_data_covers_at_least_30_markets() -> None:
    library = load_library()
    assert len(library.curated_markets()) >= 30
    assert {"US", "SA", "JP", "IN", "CN", "DE", "BR", "AU"} <= library.curated_markets()


def test_every_shipped_entry_is_sourced_and_reasoned() -> None:
    for obs in load_library().all():
        assert len(obs.reason) >= 40, obs.id
        assert obs.reason.endswith((".", ")")), obs.id
        assert obs.source.strip(), obs.id


def test_every_computed_rule_yields_dates_every_year() -> None:
    for obs in load_library().all():
        if isinstance(obs.rule, DatesRule):
            continue
        for y in range(2026, 2035):
            found = obs.rule.occurrences(date(y, 1, 1), date(y, 12, 31))
            assert found, f"{obs.file} {obs.id} has no date in {y}"


def test_data_gaps_of_the_package_become_a_note() -> None:
    # India's Hindu festivals are tabulated only to 2035 in the holidays package.
    cal = market_calendar("IN", date(2040, 1, 1), date(2040, 12, 31))
    assert any("incomplete" in n and "2035" in n for n in cal.notes)
    assert not any(
        "incomplete" in n for n in market_calendar("IN", date(2035, 1, 1), date(2035, 12, 31)).notes
    )


def test_hijri_dates_are_always_estimated() -> None:
    ramadan = [o for o in load_library().all() if o.id == "ramadan"]
    [occ] = ramadan[0].rule.occurrences(date(2027, 1, 1), date(2027, 12, 31))
    assert occ.estimated


def test_loading_is_cached() -> None:
    assert load_library() is load_library()


def test_market_without_curated_data_shows_holidays_and_says_so() -> None:
    cal = market_calendar("IS", date(2027, 1, 1), date(2027, 12, 31))
    assert not cal.observances_curated
    assert cal.holidays()
    assert not cal.observances()
    assert any("Observances are not curated for Iceland" in n for n in cal.notes)


def test_curated_market_has_no_such_note() -> None:
    cal = market_calendar("JP", date(2027, 1, 1), date(2027, 1, 31))
    assert cal.observances_curated
    assert not any("not curated" in n for n in cal.notes)


def test_theme_only_market_is_flagged_as_partly_curated(observance_dir: MakeDir) -> None:
    folder = observance_dir(
        theme=f'title = "Theme"\n{VALID_ENTRY}'.replace(
            'category = "cultural"', 'markets = ["QA"]\ncategory = "cultural"'
        )
    )
    cal = market_calendar("QA", date(2027, 6, 1), date(2027, 6, 30), observances_dir=folder)
    assert [e.name for e in cal.observances()] == ["Test Day"]
    assert not cal.observances_curated
    assert any("only observances of wider themes" in n for n in cal.notes)


def test_subdivision_entries_apply_to_that_subdivision_only(observance_dir: MakeDir) -> None:
    folder = observance_dir(
        theme=f'title = "Theme"\n{VALID_ENTRY}'.replace(
            'category = "cultural"', 'markets = ["ES-VC"]\ncategory = "cultural"'
        )
    )
    day = date(2027, 6, 15)
    valencia = market_calendar("ES-VC", day, day, observances_dir=folder)
    madrid = market_calendar("ES-MD", day, day, observances_dir=folder)
    assert [e.name for e in valencia.observances()] == ["Test Day"]
    assert not madrid.observances()


def test_sensitivity_by_market_prefers_the_subdivision() -> None:
    carnival = next(o for o in load_library().all() if o.id == "karneval")
    assert carnival.sensitivity_for("DE", None) == "low"
    assert carnival.sensitivity_for("DE", "NW") == "medium"


def test_localized_names() -> None:
    jp = market_calendar("JP", date(2027, 5, 1), date(2027, 5, 1), "ja")
    assert "ゴールデンウィーク" in {e.name for e in jp.observances()}
    tw = market_calendar("TW", date(2027, 2, 6), date(2027, 2, 6), "zh-TW")
    assert "農曆新年" in {e.name for e in tw.observances()}
    cn = market_calendar("CN", date(2027, 2, 6), date(2027, 2, 6), "zh")
    assert "春节" in {e.name for e in cn.observances()}


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-Hant", "trad"), ("zh_TW", "trad"), ("zh-HK", "trad"), ("zh", "simp"), ("fr", None)],
)
def test_localized_lookup(language: str, expected: str | None) -> None:
    assert localized({"zh-Hans": "simp", "zh-Hant": "trad"}, language) == expected


def test_a_valid_file_loads(observance_dir: MakeDir) -> None:
    folder = observance_dir(QA=f'title = "Qatar"\nmarket = "QA"\n{VALID_ENTRY}')
    cal = market_calendar("QA", date(2027, 6, 1), date(2027, 6, 30), observances_dir=folder)
    [entry] = cal.observances()
    assert (entry.start, entry.kind, entry.sensitivity) == (
        date(2027, 6, 15),
        KIND_OBSERVANCE,
        "medium",
    )
    assert entry.id == "QA/test-day@2027-06-15"
    assert cal.observances_curated
    assert [e for e in cal.entries if e.kind == KIND_HOLIDAY] == list(cal.holidays())


def _error(text: str, name: str = "JP.toml") -> str:
    with pytest.raises(ObservanceFileError) as info:
        parse_file(name, text.encode())
    return str(info.value)


MARKET_HEAD = 'title = "Japan"\nmarket = "JP"\n'


def test_missing_source_names_file_and_entry() -> None:
    text = MARKET_HEAD + VALID_ENTRY.replace('source = "https://example.org/test-day"\n', "")
    message = _error(text)
    assert message.startswith("observances/JP.toml, entry 'test-day':")
    assert "'source' is required" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('kind = "fixed", date = "06-15"', 'kind = "lunar", date = "06-15"'),
            "'kind' must be one of",
        ),
        (('date = "06-15"', 'date = "13-01"'), "not a day of the year"),
        (('date = "06-15"', 'date = "June 15"'), "must be written MM-DD"),
        (('sensitivity = "medium"', 'sensitivity = "severe"'), "'sensitivity' must be one of"),
        (('category = "cultural"', 'category = "fun"'), "'category' must be one of"),
        (('id = "test-day"', 'id = "Test Day"'), "'id' must be lowercase"),
        (('reason = "A day used by the tests."', 'reason = ""'), "'reason' is required"),
        (('name = "Test Day"', 'name = "Test Day"\ncolour = "red"'), "unknown key(s): colour"),
        (
            ('name = "Test Day"', 'name = "Test Day"\nmarkets = ["KR"]'),
            "only list subdivisions of JP",
        ),
        (('date = "06-15" }', 'date = "06-15", days = 0 }'), "'days' must be a whole number"),
        (('date = "06-15" }', 'date = "06-15", wobble = 1 }'), "unknown field(s) for kind 'fixed'"),
    ],
)
def test_malformed_entries(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in VALID_ENTRY
    message = _error(MARKET_HEAD + VALID_ENTRY.replace(old, new))
    assert "observances/JP.toml, entry" in message
    assert expected in message


def test_bad_hijri_and_package_rules() -> None:
    hijri = VALID_ENTRY.replace(
        'kind = "fixed", date = "06-15"', 'kind = "hijri", month = 9, day = 1, estimated = false'
    )
    assert "always estimated" in _error(MARKET_HEAD + hijri)
    package = VALID_ENTRY.replace(
        'kind = "fixed", date = "06-15"',
        'kind = "package", country = "IN", holiday = "Diwali", subdiv = "ZZ"',
    )
    assert "'subdiv': IN has no subdivision 'ZZ'" in _error(MARKET_HEAD + package)


def test_toml_syntax_error_names_the_file() -> None:
    message = _error('title = "Japan\n', "broken.toml")
    assert message.startswith("observances/broken.toml: not valid TOML")


def test_file_level_problems() -> None:
    assert "'title' is required" in _error('market = "JP"\n' + VALID_ENTRY)
    assert "no [[observance]] entries" in _error(MARKET_HEAD)
    assert "'market' must be a market code" in _error(
        'title = "X"\nmarket = "Japan"\n' + VALID_ENTRY
    )


def test_theme_entries_need_markets() -> None:
    message = _error('title = "Theme"\n' + VALID_ENTRY, "theme.toml")
    assert "observances/theme.toml, entry 'test-day'" in message
    assert "'markets' is required in a theme file" in message


def test_theme_markets_are_checked() -> None:
    entry = VALID_ENTRY.replace(
        'category = "cultural"',
        'markets = ["JP", "Japan"]\nsensitivity_by_market = { FR = "low" }\ncategory = "cultural"',
    )
    message = _error('title = "Theme"\n' + entry, "theme.toml")
    assert "invalid code(s): 'Japan'" in message
    assert "FR is not among the entry's markets" in message


def test_duplicate_ids_and_every_problem_listed() -> None:
    bad = VALID_ENTRY.replace('source = "https://example.org/test-day"\n', "")
    message = _error(MARKET_HEAD + VALID_ENTRY + VALID_ENTRY + bad)
    assert "the id is used twice in this file" in message
    assert "'source' is required" in message
    assert len(message.splitlines()) == 3


def test_a_broken_file_stops_loading_with_its_name(observance_dir: MakeDir) -> None:
    folder = observance_dir(good=f'title = "G"\nmarket = "JP"\n{VALID_ENTRY}', bad="title = 3\n")
    with pytest.raises(ObservanceFileError) as info:
        load_library(folder)
    assert "observances/bad.toml" in str(info.value)

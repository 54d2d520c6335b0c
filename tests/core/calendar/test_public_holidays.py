"""Holidays from the holidays package: subdivisions, languages, categories, long holidays."""

from __future__ import annotations

from datetime import date

import pytest

from culturepanel.calendar import KIND_HOLIDAY, market_calendar
from culturepanel.calendar.public_holidays import choose_language


def names_on(market: str, day: date, language: str = "en") -> set[str]:
    cal = market_calendar(market, day, day, language)
    return {e.name for e in cal.entries if e.kind == KIND_HOLIDAY and e.covers(day)}


def test_assumption_day_is_a_holiday_in_bavaria_not_in_berlin() -> None:
    assumption = date(2027, 8, 15)
    assert "Mariä Himmelfahrt" in names_on("DE-BY", assumption, "de")
    assert "Assumption Day" in names_on("de-DE-BY", assumption, "en")
    berlin = market_calendar("DE-BE", assumption, assumption, "de")
    assert not [e for e in berlin.holidays() if e.category == "public" and e.covers(assumption)]


def test_subdivision_brings_its_school_holidays() -> None:
    cal = market_calendar("DE-BY", date(2027, 8, 15), date(2027, 8, 15), "de")
    [summer] = [e for e in cal.holidays() if e.category == "school"]
    assert summer.name == "Sommerferien"
    assert (summer.start, summer.end) == (date(2027, 8, 2), date(2027, 9, 13))


def test_japanese_names_in_japanese() -> None:
    assert names_on("JP", date(2027, 2, 11), "ja") == {"建国記念の日"}
    assert names_on("ja-JP", date(2027, 5, 5), "ja") == {"こどもの日"}


def test_english_when_the_package_lacks_the_language() -> None:
    assert names_on("JP", date(2027, 2, 11), "fr") == {"Foundation Day"}


def test_other_categories_are_included_and_labelled() -> None:
    cal = market_calendar("US", date(2027, 5, 9), date(2027, 5, 9))
    [mothers] = [e for e in cal.holidays() if e.name == "Mother's Day"]
    assert mothers.category == "unofficial"
    assert mothers.sensitivity == "low"


def test_estimated_islamic_holidays_are_flagged_and_named_cleanly() -> None:
    cal = market_calendar("ID", date(2027, 3, 10), date(2027, 3, 10))
    [eid] = [e for e in cal.holidays() if e.category == "public" and e.start == date(2027, 3, 10)]
    assert eid.name == "Eid al-Fitr"
    assert eid.estimated


def test_consecutive_days_with_one_name_become_one_entry() -> None:
    cal = market_calendar("SA", date(2027, 3, 10), date(2027, 3, 10))
    [eid] = [e for e in cal.holidays() if e.name == "Eid al-Fitr Holiday"]
    assert (eid.start, eid.end) == (date(2027, 3, 9), date(2027, 3, 12))


def test_long_holidays_are_high_sensitivity_single_days_medium() -> None:
    sa = market_calendar("SA", date(2027, 3, 10), date(2027, 3, 10))
    assert {e.sensitivity for e in sa.holidays() if e.category == "public"} == {"high"}
    us = market_calendar("US", date(2027, 11, 25), date(2027, 11, 25))
    [thanksgiving] = [
        e for e in us.holidays() if e.name == "Thanksgiving Day" and e.category == "public"
    ]
    assert thanksgiving.sensitivity == "medium"
    jp = market_calendar("JP", date(2027, 4, 29), date(2027, 5, 5))
    by_day = {e.start: e.sensitivity for e in jp.holidays() if e.category == "public"}
    assert by_day[date(2027, 4, 29)] == "medium"  # Thursday; Friday 30 April is a working day
    assert by_day[date(2027, 5, 3)] == "high"  # Saturday 1 May to Wednesday 5 May


@pytest.mark.parametrize(
    ("supported", "country", "language", "expected"),
    [
        (("en_US", "ja", "th"), "JP", "ja", "ja"),
        (("en_US", "ja", "th"), "JP", "ja_JP", "ja"),
        (("en_US", "ja", "th"), "JP", "fr", "en_US"),
        (("bn", "en_IN", "en_US", "hi"), "IN", "en", "en_IN"),
        (("bn", "en_IN", "en_US", "hi"), "IN", "en_US", "en_US"),
        (("en_US", "th", "zh_CN", "zh_TW"), "CN", "zh", "zh_CN"),
        (("en_US", "th", "zh_CN", "zh_TW"), "CN", "zh_Hant", "zh_TW"),
        (("en_HK", "en_US", "zh_CN", "zh_HK"), "HK", "zh_Hant_HK", "zh_HK"),
        (("en_US", "pt_BR", "uk"), "BR", "pt", "pt_BR"),
        (("ar", "en_US"), "SA", "ar_SA", "ar"),
        (("de", "fr"), "CH", "it", None),
        ((), "ZA", "af", None),
    ],
)
def test_choose_language(
    supported: tuple[str, ...], country: str, language: str, expected: str | None
) -> None:
    assert choose_language(supported, country, language) == expected

"""Date rules: parsing errors and edge cases of the computations."""

from __future__ import annotations

from datetime import date

import pytest

from culturepanel.calendar.gregorian import nth_weekday
from culturepanel.calendar.rules import RuleError, easter, parse_rule

YEAR_2027 = (date(2027, 1, 1), date(2027, 12, 31))


def starts(rule: dict, first: date = YEAR_2027[0], last: date = YEAR_2027[1]) -> list[date]:
    return [o.start for o in parse_rule(rule).occurrences(first, last)]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter(year: int, expected: date) -> None:
    assert easter(year) == expected


def test_nth_weekday() -> None:
    assert nth_weekday(2027, 11, 3, 4) == date(2027, 11, 25)  # 4th Thursday
    assert nth_weekday(2027, 5, 0, -1) == date(2027, 5, 31)  # last Monday
    assert nth_weekday(2027, 2, 6, 5) is None  # no fifth Sunday in February 2027


def test_fixed_span_across_the_new_year() -> None:
    [occ] = parse_rule({"kind": "fixed", "start": "12-29", "end": "01-03"}).occurrences(
        date(2027, 1, 2), date(2027, 1, 2)
    )
    assert (occ.start, occ.end) == (date(2026, 12, 29), date(2027, 1, 3))


def test_29_february_only_in_leap_years() -> None:
    rule = {"kind": "fixed", "date": "02-29"}
    assert starts(rule, date(2027, 1, 1), date(2028, 12, 31)) == [date(2028, 2, 29)]


def test_since_and_until() -> None:
    rule = {"kind": "fixed", "date": "06-04", "since": 2026, "until": 2027}
    assert starts(rule, date(2024, 1, 1), date(2029, 1, 1)) == [date(2026, 6, 4), date(2027, 6, 4)]


def test_shift_and_clash() -> None:
    # 27 Nisan 5785 fell on a Friday: Yom HaShoah moved to Thursday 24 April 2025.
    rule = {"kind": "hebrew", "month": 1, "day": 27, "shift": {"fri": -1, "sun": 1}}
    assert starts(rule, date(2025, 1, 1), date(2025, 12, 31)) == [date(2025, 4, 24)]
    clash = {
        "kind": "nth-weekday",
        "month": 5,
        "weekday": "sun",
        "n": -1,
        "clash": {"easter_offset": 49, "move": 7},
    }
    assert starts(clash, date(2012, 1, 1), date(2012, 12, 31)) == [date(2012, 6, 3)]


def test_whole_hijri_month_and_chinese_leap_month() -> None:
    [ramadan] = parse_rule(
        {"kind": "hijri", "month": 9, "day": 1, "whole_month": True}
    ).occurrences(*YEAR_2027)
    assert (ramadan.end - ramadan.start).days + 1 == 29
    # 2025 has a leap sixth month; 2027 has none.
    leap = {"kind": "chinese", "month": 6, "day": 1, "leap": True}
    assert starts(leap, date(2025, 1, 1), date(2025, 12, 31)) == [date(2025, 7, 25)]
    assert starts(leap) == []


def test_dates_rule() -> None:
    rule = {
        "kind": "dates",
        "dates": [date(2027, 3, 1), {"start": date(2027, 7, 3), "end": date(2027, 8, 31)}],
    }
    occurrences = parse_rule(rule).occurrences(*YEAR_2027)
    assert [(o.start, o.end) for o in occurrences] == [
        (date(2027, 3, 1), date(2027, 3, 1)),
        (date(2027, 7, 3), date(2027, 8, 31)),
    ]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("Ramadan", "must be a table"),
        ({"kind": "fixed"}, "'date', or 'start' and 'end', is required"),
        ({"kind": "fixed", "start": "04-29", "end": "05-05", "days": 3}, "either 'end' or 'days'"),
        (
            {"kind": "nth-weekday", "month": 11, "weekday": "thursday", "n": 4},
            "'weekday' must be one of",
        ),
        ({"kind": "nth-weekday", "month": 11, "weekday": "thu", "n": 0}, "'n' must not be 0"),
        ({"kind": "hijri", "month": 13, "day": 1}, "'month' must be a whole number from 1 to 12"),
        (
            {"kind": "hijri", "month": 9, "day": 1, "whole_month": True, "days": 30},
            "either 'whole_month'",
        ),
        ({"kind": "solar-term", "term": "spring"}, "'term' must be one of"),
        ({"kind": "dates", "dates": []}, "non-empty list"),
        ({"kind": "dates", "dates": [date(2027, 1, 1)], "offset": 1}, "takes no 'offset'"),
        ({"kind": "easter", "shift": {"friday": 1}}, "'shift' keys must be weekdays"),
        ({"kind": "easter", "since": 2030, "until": 2020}, "'until' is before 'since'"),
        ({"kind": "package", "country": "XX", "holiday": "Diwali"}, "has no country 'XX'"),
        (
            {"kind": "package", "country": "IN", "holiday": "Diwali", "category": "fun"},
            "no category 'fun'",
        ),
    ],
)
def test_rule_errors(rule: object, message: str) -> None:
    with pytest.raises(RuleError) as info:
        parse_rule(rule)
    assert message in str(info.value)

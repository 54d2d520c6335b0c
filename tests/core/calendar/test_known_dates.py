"""Known dates: the expected values are published dates, written here by hand.

Chinese New Year 2027 is 6 February; Ramadan 1448 begins on 8 February 2027 by the
Umm al-Qura calendar (29 days) and Eid al-Fitr follows on 9 March (estimated: moon
sighting may move both by a day); Golden Week 2027 runs from Shōwa Day (Thursday
29 April) to Children's Day (Wednesday 5 May); Diwali 2027 is 29 October; US
Thanksgiving 2027 is 25 November; Yom Kippur 5788 is 11 October 2027.
"""

from __future__ import annotations

from datetime import date

import pytest

from culturepanel.calendar import KIND_HOLIDAY, KIND_OBSERVANCE, MarketCalendar, market_calendar


def year(market: str, y: int = 2027, language: str = "en") -> MarketCalendar:
    return market_calendar(market, date(y, 1, 1), date(y, 12, 31), language)


def observance(cal: MarketCalendar, ident: str) -> list[tuple[date, date, bool]]:
    return [
        (e.start, e.end, e.estimated)
        for e in cal.entries
        if e.kind == KIND_OBSERVANCE and e.id.split("/")[1].split("@")[0] == ident
    ]


def holiday_days(cal: MarketCalendar, name: str) -> set[date]:
    days: set[date] = set()
    for e in cal.entries:
        if e.kind == KIND_HOLIDAY and e.name == name:
            days.update(
                date.fromordinal(o) for o in range(e.start.toordinal(), e.end.toordinal() + 1)
            )
    return days


def test_chinese_new_year_2027_is_6_february() -> None:
    cal = year("CN")
    assert observance(cal, "lunar-new-year") == [(date(2027, 2, 6), date(2027, 2, 12), False)]
    assert date(2027, 2, 6) in holiday_days(cal, "Chinese New Year (Spring Festival)")


def test_ramadan_2027_in_saudi_arabia_is_estimated() -> None:
    # Umm al-Qura: 1 Ramadan 1448 = 8 Feb 2027, 29 days; moon sighting may shift a day.
    assert observance(year("SA"), "ramadan") == [(date(2027, 2, 8), date(2027, 3, 8), True)]


def test_eid_al_fitr_2027_in_saudi_arabia() -> None:
    cal = year("SA")
    assert observance(cal, "eid-al-fitr") == [(date(2027, 3, 9), date(2027, 3, 11), True)]
    assert {date(2027, 3, 9), date(2027, 3, 10), date(2027, 3, 11)} <= holiday_days(
        cal, "Eid al-Fitr Holiday"
    )


def test_golden_week_2027_in_japan() -> None:
    cal = year("JP")
    assert observance(cal, "golden-week") == [(date(2027, 4, 29), date(2027, 5, 5), False)]
    names = {e.start: e.name for e in cal.holidays() if e.category == "public"}
    assert names[date(2027, 4, 29)] == "Showa Day"
    assert names[date(2027, 5, 3)] == "Constitution Day"
    assert names[date(2027, 5, 5)] == "Children's Day"


def test_diwali_2027_in_india() -> None:
    cal = year("IN", language="en-US")
    assert date(2027, 10, 29) in holiday_days(cal, "Diwali")
    [(start, end, estimated)] = observance(cal, "diwali")
    assert start <= date(2027, 10, 29) <= end
    assert estimated


def test_us_thanksgiving_2027_is_25_november() -> None:
    cal = year("US")
    assert holiday_days(cal, "Thanksgiving Day") == {date(2027, 11, 25)}
    assert observance(cal, "thanksgiving-weekend") == [
        (date(2027, 11, 24), date(2027, 11, 28), False)
    ]
    assert observance(cal, "black-friday") == [(date(2027, 11, 26), date(2027, 11, 26), False)]
    assert observance(cal, "cyber-monday") == [(date(2027, 11, 29), date(2027, 11, 29), False)]


def test_saudi_weekend_is_friday_and_saturday() -> None:
    cal = year("SA")
    assert cal.weekend == (5, 6)
    assert cal.first_day_of_week == 7
    assert cal.holiday_weekend is None


def test_yom_kippur_2027() -> None:
    assert observance(year("IL"), "yom-kippur") == [(date(2027, 10, 11), date(2027, 10, 11), False)]


@pytest.mark.parametrize(
    ("y", "expected"),
    [
        (2024, date(2024, 5, 6)),  # 27 Nisan on Sunday: moved to Monday
        (2025, date(2025, 4, 24)),  # 27 Nisan on Friday: moved to Thursday
        (2026, date(2026, 4, 14)),
        (2027, date(2027, 5, 4)),
    ],
)
def test_yom_hashoah_moves_off_friday_and_sunday(y: int, expected: date) -> None:
    assert observance(year("IL", y), "yom-hashoah") == [(expected, expected, False)]


def test_mothers_days_differ_by_country() -> None:
    assert observance(year("GB", 2025), "mothering-sunday")[0][0] == date(2025, 3, 30)
    assert observance(year("US", 2027), "mothers-day-may")[0][0] == date(2027, 5, 9)
    assert observance(year("MX", 2027), "dia-de-las-madres-mx")[0][0] == date(2027, 5, 10)
    assert observance(year("EG", 2027), "arab-mothers-day")[0][0] == date(2027, 3, 21)
    assert observance(year("FR", 2027), "fete-des-meres")[0][0] == date(2027, 5, 30)
    # 2012: the last Sunday of May was Pentecost, so Mother's Day moved to 3 June.
    assert observance(year("FR", 2012), "fete-des-meres")[0][0] == date(2012, 6, 3)
    assert observance(year("AR", 2027), "dia-de-la-madre-ar")[0][0] == date(2027, 10, 17)


def test_other_lunisolar_and_solar_dates_2027() -> None:
    cn = year("CN")
    assert observance(cn, "mid-autumn")[0][0] == date(2027, 9, 15)
    assert observance(cn, "qingming")[0][0] == date(2027, 4, 5)
    assert observance(cn, "qixi")[0][0] == date(2027, 8, 8)
    assert observance(year("DE"), "volkstrauertag")[0][0] == date(2027, 11, 14)


def test_ghost_month_after_a_leap_sixth_month() -> None:
    # 2025 had a leap sixth month; the seventh month began on 23 August.
    [(start, end, _est)] = observance(year("SG", 2025), "ghost-month")
    assert (start, end) == (date(2025, 8, 23), date(2025, 9, 21))


def test_yom_hazikaron_matches_the_holiday_data_for_decades() -> None:
    # Two independent computations: our Hebrew-calendar rule with Israel's postponement
    # rules, and the holidays package's Independence Day, which always follows it.
    import holidays

    from culturepanel.calendar import load_library

    rule = next(o for o in load_library().all() if o.id == "yom-hazikaron").rule
    for y in range(2000, 2041):
        [ours] = rule.occurrences(date(y, 1, 1), date(y, 12, 31))
        theirs = holidays.country_holidays("IL", years=y, language="en_US")
        next_day = date.fromordinal(ours.start.toordinal() + 1)
        assert theirs.get(next_day, "").startswith("Independence Day"), y


def test_every_curated_market_builds_a_three_year_calendar() -> None:
    from culturepanel.calendar import load_library

    for market in sorted(load_library().curated_markets()):
        cal = market_calendar(market, date(2026, 1, 1), date(2028, 12, 31))
        assert cal.observances(), market
        assert all(e.start <= e.end for e in cal.entries)


@pytest.mark.parametrize(
    ("y", "start", "end"),
    [
        (2016, date(2016, 7, 24), date(2016, 8, 6)),  # CCQ calendars
        (2022, date(2022, 7, 24), date(2022, 8, 6)),
        (2025, date(2025, 7, 20), date(2025, 8, 2)),
    ],
)
def test_quebec_construction_holiday(y: int, start: date, end: date) -> None:
    assert observance(year("CA-QC", y), "construction-holiday") == [(start, end, True)]
    assert observance(year("CA-ON", y), "construction-holiday") == []
    assert observance(year("CA", y), "construction-holiday") == []

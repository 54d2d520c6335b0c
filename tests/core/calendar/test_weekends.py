"""Weekend and first day of the week: CLDR, and where the holiday data disagrees."""

from __future__ import annotations

from datetime import date

import pytest

from culturepanel.calendar import market_calendar
from culturepanel.calendar.weekends import cldr_week

DAY = date(2027, 6, 1)


@pytest.mark.parametrize(
    ("territory", "weekend", "first"),
    [
        ("SA", (5, 6), 7),
        ("IL", (5, 6), 7),
        ("EG", (5, 6), 6),
        ("DE", (6, 7), 1),
        ("US", (6, 7), 7),
        ("IN", (7,), 7),
        ("AE", (6, 7), 1),
    ],
)
def test_cldr_week(territory: str, weekend: tuple[int, ...], first: int) -> None:
    assert cldr_week(territory) == (weekend, first)


def test_territory_without_locale_data_gets_the_world_default() -> None:
    assert cldr_week("AQ") == ((6, 7), 1)


def test_india_shows_both_weekends_and_says_so() -> None:
    cal = market_calendar("IN", DAY, DAY)
    assert cal.weekend == (7,)
    assert cal.holiday_weekend == (6, 7)
    [note] = [n for n in cal.notes if "weekend" in n]
    assert "India" in note and "CLDR gives Sunday" in note and "Saturday and Sunday" in note


def test_no_note_where_the_sources_agree() -> None:
    cal = market_calendar("DE", DAY, DAY)
    assert cal.holiday_weekend is None
    assert not [n for n in cal.notes if "weekend" in n]

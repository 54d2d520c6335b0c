"""Wording for timing findings: dates in the panelist's language, working days, reasons.

The reason of a curated observance is its own text; a holiday's reason is derived
from its category and from the run of days off around it.
"""

from __future__ import annotations

from datetime import date, timedelta

from culturepanel.calendar.formatting import fmt_date, fmt_span, market_name
from culturepanel.calendar.model import (
    DAY_OFF_CATEGORIES,
    HOLIDAY_CATEGORIES,
    KIND_HOLIDAY,
    OBSERVANCE_CATEGORIES,
    SENSITIVITY_HIGH,
    CalendarEntry,
    MarketCalendar,
)
from culturepanel.i18n import _

_DAY = timedelta(days=1)
_SEARCH_LIMIT = 60  # days looked ahead or back for a working day


class FindingContext:
    """The calendar, language and margin of one evaluation, with wording helpers."""

    def __init__(self, calendar: MarketCalendar, language: str, margin: int):
        self.cal = calendar
        self.lang = language
        self.margin = margin
        self.market = market_name(calendar.market, language)

    def date(self, day: date) -> str:
        """``day`` in the language's medium date format."""
        return fmt_date(day, self.lang)

    def span(self, entry: CalendarEntry) -> str:
        """The entry's dates as one date or an interval."""
        return fmt_span(entry.start, entry.end, self.lang)

    def next_working_day(self, day: date) -> date:
        """``day`` or the first day after it that is neither weekend nor public holiday."""
        for _i in range(_SEARCH_LIMIT):
            if not self.cal.is_day_off(day):
                return day
            day += _DAY
        return day

    def previous_working_day(self, day: date) -> date:
        """``day`` or the last day before it that is neither weekend nor public holiday."""
        for _i in range(_SEARCH_LIMIT):
            if not self.cal.is_day_off(day):
                return day
            day -= _DAY
        return day

    def days_off_around(self, entry: CalendarEntry) -> int:
        """Length of the run of days off (weekend, public holidays) containing the entry."""
        first, last = entry.start, entry.end
        for _i in range(_SEARCH_LIMIT):
            if not self.cal.is_day_off(first - _DAY):
                break
            first -= _DAY
        for _i in range(_SEARCH_LIMIT):
            if not self.cal.is_day_off(last + _DAY):
                break
            last += _DAY
        return (last - first).days + 1

    def reason(self, entry: CalendarEntry, members: int = 1) -> str:
        """The curated reason, or one derived from the holiday's category.

        ``members`` > 1: the entry stands for a run of that many public holidays.
        """
        if entry.reason:
            text = entry.reason
        elif entry.kind == KIND_HOLIDAY and entry.category in DAY_OFF_CATEGORIES:
            if entry.sensitivity == SENSITIVITY_HIGH:
                text = _(
                    "A run of {days} days off in {market} ({name}): many people travel or "
                    "are away, and attention to new campaigns is low."
                ).format(name=entry.name, days=self.days_off_around(entry), market=self.market)
            elif members > 1:
                text = _(
                    "Public holidays in {market} ({name}): offices and many shops are "
                    "closed, and fewer people read email or follow the news."
                ).format(name=entry.name, market=self.market)
            else:
                text = _(
                    "{name} is a public holiday in {market}: offices and many shops are "
                    "closed, and fewer people read email or follow the news."
                ).format(name=entry.name, market=self.market)
        elif entry.category == "school":
            text = _(
                "School holidays in {market}: families travel and routines change, "
                "which shifts reach and timing."
            ).format(market=self.market)
        else:
            text = _("{name} is listed as {category} in {market}: some people take the day off.")
            text = text.format(name=entry.name, category=category_label(entry), market=self.market)
        if entry.estimated:
            text += " " + _(
                "The date is estimated and may differ by a day or two; confirm it locally."
            )
        return text


def category_label(entry: CalendarEntry) -> str:
    """The translated label of the entry's category."""
    labels = HOLIDAY_CATEGORIES if entry.kind == KIND_HOLIDAY else OBSERVANCE_CATEGORIES
    label = labels.get(entry.category)
    return _(label) if label else entry.category.replace("_", " ")

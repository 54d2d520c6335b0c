"""Rule kinds on the Gregorian calendar: fixed days, nth weekdays, Easter, published
dates, and dates the ``holidays`` package computes (``package``).

See :mod:`.rules` for the fields every kind shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from culturepanel.calendar.rules import (
    Anchor,
    Rule,
    RuleError,
    easter,
    gregorian_years,
    read_int,
    read_month_day,
    read_str,
    read_weekday,
)
from culturepanel.i18n import _


class FixedRule(Rule):
    """``{ kind = "fixed", date = "06-04" }``, or a span across months or years:

    ``{ kind = "fixed", start = "12-29", end = "01-03" }``.
    """

    kind = "fixed"
    fields = frozenset({"date", "start", "end"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        if "date" in raw:
            if "start" in raw or "end" in raw:
                raise RuleError(_("give either 'date' or 'start' and 'end', not both"))
            self.month, self.day = read_month_day(raw, "date")
            self.span: int | None = None
            return
        if "start" not in raw or "end" not in raw:
            raise RuleError(_("'date', or 'start' and 'end', is required"))
        if self.common.days is not None:
            raise RuleError(_("give either 'end' or 'days', not both"))
        self.month, self.day = read_month_day(raw, "start")
        end_month, end_day = read_month_day(raw, "end")
        # Measured in a leap year that is followed by a common one: a span is a span.
        start = date(2000, self.month, self.day)
        end = date(2000 if (end_month, end_day) >= (self.month, self.day) else 2001, 1, 1)
        end = end.replace(month=end_month, day=end_day)
        self.span = (end - start).days + 1

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for year in gregorian_years(first, last):
            try:
                yield Anchor(date(year, self.month, self.day), self.span)
            except ValueError:  # 29 February in a common year
                continue


class NthWeekdayRule(Rule):
    """``{ kind = "nth-weekday", month = 11, weekday = "thu", n = 4 }``; ``n = -1``: the last.

    ``from_day`` counts from that day of the month: the first Sunday on or after
    13 November is ``{ month = 11, weekday = "sun", n = 1, from_day = 13 }``.
    """

    kind = "nth-weekday"
    fields = frozenset({"month", "weekday", "n", "from_day"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        self.month = read_int(raw, "month", 1, 12)
        self.weekday = read_weekday(raw, "weekday")
        self.n = read_int(raw, "n", -5, 5)
        if self.n == 0:
            raise RuleError(_("'n' must not be 0 (1 = first, -1 = last)"))
        self.from_day = read_int(raw, "from_day", 1, 31, None)
        if self.from_day is not None and self.n < 0:
            raise RuleError(_("'from_day' counts forward: use it with a positive 'n'"))

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for year in gregorian_years(first, last):
            day = nth_weekday(year, self.month, self.weekday, self.n, self.from_day or 1)
            if day is not None:
                yield Anchor(day)


def nth_weekday(year: int, month: int, weekday: int, n: int, from_day: int = 1) -> date | None:
    """The ``n``-th ``weekday`` of the month (negative ``n`` from the end), or ``None``."""
    if n > 0:
        try:
            start = date(year, month, from_day)
        except ValueError:
            return None
        day = start + timedelta(days=(weekday - start.weekday()) % 7 + 7 * (n - 1))
    else:
        following = date(year + month // 12, month % 12 + 1, 1)
        end = following - timedelta(days=1)
        day = end - timedelta(days=(end.weekday() - weekday) % 7 + 7 * (-n - 1))
    return day if day.month == month else None


class EasterRule(Rule):
    """``{ kind = "easter", offset = -21 }``: relative to Western Easter Sunday."""

    kind = "easter"

    def parse(self, raw: Mapping[str, Any]) -> None:
        pass

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for year in gregorian_years(first, last):
            yield Anchor(easter(year))


class DatesRule(Rule):
    """``{ kind = "dates", dates = [2026-07-04, { start = 2027-07-03, end = 2027-08-31 }] }``.

    For dates that are published rather than computed (school calendars, a period of
    national mourning). Set ``estimated = true`` when they are projections.
    """

    kind = "dates"
    fields = frozenset({"dates"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        c = self.common
        if c.offset or c.days is not None or c.shift or c.clash:
            raise RuleError(_("'dates' takes no 'offset', 'days', 'shift' or 'clash'"))
        items = raw.get("dates")
        if not isinstance(items, list) or not items:
            raise RuleError(_("'dates' must be a non-empty list of dates or { start, end } tables"))
        self.spans: list[tuple[date, date]] = []
        for i, item in enumerate(items, 1):
            if isinstance(item, date):
                self.spans.append((item, item))
            elif isinstance(item, Mapping) and set(item) == {"start", "end"}:
                start, end = item["start"], item["end"]
                if not isinstance(start, date) or not isinstance(end, date) or end < start:
                    raise RuleError(
                        _("'dates' item {n}: start and end must be dates, in order").format(n=i)
                    )
                self.spans.append((start, end))
            else:
                raise RuleError(
                    _("'dates' item {n} must be a date or {{ start = …, end = … }}").format(n=i)
                )

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for start, end in self.spans:
            yield Anchor(start, (end - start).days + 1)


class PackageRule(Rule):
    """``{ kind = "package", country = "IN", holiday = "Diwali" }``: a date the ``holidays``
    package computes, found by its English name (optional ``subdiv`` and ``category``).

    The natural span is the package's run of days with that name; estimated when the
    package says so.
    """

    kind = "package"
    fields = frozenset({"country", "holiday", "subdiv", "category"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        from culturepanel.calendar import public_holidays

        self.country = read_str(raw, "country").upper()
        self.holiday = read_str(raw, "holiday")
        self.subdiv = read_str(raw, "subdiv", None)
        self.category = read_str(raw, "category", "public")
        if not public_holidays.is_supported(self.country):
            raise RuleError(
                _("'country': the holidays package has no country {country}").format(
                    country=repr(self.country)
                )
            )
        if self.category not in public_holidays.categories(self.country):
            raise RuleError(
                _("'category': {country} has no category {category}").format(
                    country=self.country, category=repr(self.category)
                )
            )
        subdivisions = public_holidays.known_subdivisions(self.country) or frozenset()
        if self.subdiv is not None and self.subdiv.upper() not in subdivisions:
            raise RuleError(
                _("'subdiv': {country} has no subdivision {subdiv}").format(
                    country=self.country, subdiv=repr(self.subdiv)
                )
            )

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        from culturepanel.calendar.public_holidays import named_holiday_runs

        for year in gregorian_years(first, last):
            runs = named_holiday_runs(self.country, self.holiday, year, self.subdiv, self.category)
            for start, end, estimated in runs:
                yield Anchor(start, (end - start).days + 1, estimated)


GREGORIAN_RULES: tuple[type[Rule], ...] = (
    FixedRule,
    NthWeekdayRule,
    EasterRule,
    DatesRule,
    PackageRule,
)

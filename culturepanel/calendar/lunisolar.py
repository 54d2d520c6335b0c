"""Rule kinds computed from lunar and lunisolar calendars.

``hijri``
    Islamic calendar through ``hijridate``'s Umm al-Qura tables (Saudi Arabia's civil
    calendar, 1343–1500 AH). Most countries start Ramadan and the Eids on a moon
    sighting, so these dates are always *estimated*: the real day may differ by one
    (rarely two). ``{ kind = "hijri", month = 9, day = 1, whole_month = true }``.
``chinese``
    Chinese lunisolar calendar through ``lunar_python`` (computed astronomically, as
    GB/T 33661-2017 prescribes, for Beijing time); ``leap = true`` for a leap month.
    Vietnam and Korea compute for their own time zones and occasionally differ by a
    day: use their ``holidays`` dates (kind ``package``) for those markets.
``solar-term``
    A Chinese solar term by its pinyin name, e.g. ``{ kind = "solar-term", term =
    "qingming" }`` (Tomb-Sweeping Day).
``hebrew``
    Hebrew calendar through ``pyluach`` (arithmetic, exact). Months count from Nisan
    (1) to Adar (12) and Adar II (13) as ``pyluach`` does; Tishrei is 7.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from hijridate import Gregorian, Hijri
from lunar_python import Lunar, LunarMonth
from pyluach.dates import HebrewDate

from culturepanel.calendar.rules import (
    Anchor,
    Rule,
    RuleError,
    gregorian_years,
    read_bool,
    read_int,
    read_str,
)
from culturepanel.i18n import _

#: The Gregorian range of hijridate's Umm al-Qura tables.
HIJRI_FIRST = date(1924, 8, 1)
HIJRI_LAST = date(2077, 11, 16)

#: Solar terms that fall inside one Gregorian year, by pinyin → lunar_python's key.
SOLAR_TERMS = {
    "lichun": "立春",
    "chunfen": "春分",
    "qingming": "清明",
    "lixia": "立夏",
    "xiazhi": "夏至",
    "liqiu": "立秋",
    "qiufen": "秋分",
    "lidong": "立冬",
    "dongzhi": "冬至",
}


class HijriRule(Rule):
    """A day of the Islamic (Umm al-Qura) calendar; always estimated."""

    kind = "hijri"
    fields = frozenset({"month", "day", "whole_month"})
    always_estimated = True

    def parse(self, raw: Mapping[str, Any]) -> None:
        self.month = read_int(raw, "month", 1, 12)
        self.day = read_int(raw, "day", 1, 30)
        self.whole_month = read_bool(raw, "whole_month")
        if self.whole_month and self.common.days is not None:
            raise RuleError(_("give either 'whole_month' or 'days', not both"))

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        low = max(date(first.year - 1, 1, 1), HIJRI_FIRST)
        high = min(date(last.year + 1, 12, 31), HIJRI_LAST)
        if low > high:
            return
        first_year = Gregorian.fromdate(low).to_hijri().year
        last_year = Gregorian.fromdate(high).to_hijri().year
        for year in range(first_year, last_year + 1):
            try:
                start = Hijri(year, self.month, 1)
                length = start.month_length()
                if self.day > length:
                    continue
                day = Hijri(year, self.month, self.day).to_gregorian()
            except (OverflowError, ValueError):
                continue
            span = length - self.day + 1 if self.whole_month else None
            yield Anchor(date(day.year, day.month, day.day), span, True)


class ChineseRule(Rule):
    """A day of the Chinese lunisolar calendar."""

    kind = "chinese"
    fields = frozenset({"month", "day", "leap", "whole_month"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        self.month = read_int(raw, "month", 1, 12)
        self.day = read_int(raw, "day", 1, 30)
        self.leap = read_bool(raw, "leap")
        self.whole_month = read_bool(raw, "whole_month")
        if self.whole_month and self.common.days is not None:
            raise RuleError(_("give either 'whole_month' or 'days', not both"))

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        month = -self.month if self.leap else self.month
        for year in gregorian_years(first, last):
            lunar_month = LunarMonth.fromYm(year, month)
            if lunar_month is None:  # no such leap month this year
                continue
            length = lunar_month.getDayCount()
            if self.day > length:
                continue
            solar = Lunar.fromYmd(year, month, self.day).getSolar()
            span = length - self.day + 1 if self.whole_month else None
            yield Anchor(date(solar.getYear(), solar.getMonth(), solar.getDay()), span)


class SolarTermRule(Rule):
    """A Chinese solar term (jieqi), e.g. Qingming."""

    kind = "solar-term"
    fields = frozenset({"term"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        term = read_str(raw, "term").lower()
        if term not in SOLAR_TERMS:
            raise RuleError(
                _("'term' must be one of {choices}, not {term}").format(
                    choices=", ".join(SOLAR_TERMS), term=repr(term)
                )
            )
        self.term = SOLAR_TERMS[term]

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for year in gregorian_years(first, last):
            for lunar_year in (year, year + 1):
                solar = Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable().get(self.term)
                if solar is not None and solar.getYear() == year:
                    yield Anchor(date(year, solar.getMonth(), solar.getDay()))
                    break


class HebrewRule(Rule):
    """A day of the Hebrew calendar (months from Nisan = 1; Tishrei = 7)."""

    kind = "hebrew"
    fields = frozenset({"month", "day"})

    def parse(self, raw: Mapping[str, Any]) -> None:
        self.month = read_int(raw, "month", 1, 13)
        self.day = read_int(raw, "day", 1, 30)

    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        for year in range(first.year + 3759, last.year + 3762):
            try:
                day = HebrewDate(year, self.month, self.day).to_pydate()
            except ValueError:  # Adar II in a common year, day 30 of a short month
                continue
            yield Anchor(day)


LUNISOLAR_RULES: tuple[type[Rule], ...] = (HijriRule, ChineseRule, SolarTermRule, HebrewRule)


def hijri_month_start(year: int, month: int) -> date:
    """Gregorian date of the first day of a Hijri month (Umm al-Qura), for tests and tools."""
    g = Hijri(year, month, 1).to_gregorian()
    return date(g.year, g.month, g.day)

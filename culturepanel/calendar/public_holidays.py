"""Holidays of a market from the ``holidays`` package, as calendar entries.

Every category the country supports is asked for separately (public, optional,
school, …) so that each entry carries its category. Names come in the panelist's
language when the country has it, else in English, else in the country's default
language. Consecutive days with the same name become one entry (a school break, a
three-day Eid holiday). A public holiday that is part of a run of at least four
days off (with the weekend) containing at least two holidays is marked high
sensitivity: that is a "long holiday" when nobody works; other public holidays are
medium, other categories low.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from culturepanel.calendar.model import (
    DAY_OFF_CATEGORIES,
    KIND_HOLIDAY,
    SENSITIVITY_HIGH,
    SENSITIVITY_LOW,
    SENSITIVITY_MEDIUM,
    CalendarEntry,
)

#: A run of days off at least this long, with at least two holidays in it, is a long holiday.
LONG_HOLIDAY_DAYS = 4

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class HolidayDay:
    """One name on one day, as the package lists it."""

    day: date
    name: str
    estimated: bool


def package_version() -> str:
    """The installed ``holidays`` version, for provenance."""
    return str(holidays.__version__)


@lru_cache(maxsize=1)
def supported_countries() -> frozenset[str]:
    """Country codes the ``holidays`` package knows."""
    return frozenset(holidays.list_supported_countries(include_aliases=False))


def is_supported(country: str) -> bool:
    """True if the ``holidays`` package has data for ``country``."""
    return country in supported_countries()


@lru_cache(maxsize=512)
def _prototype(country: str) -> holidays.HolidayBase:
    # An instance without years computes nothing; it carries the country's metadata.
    return holidays.country_holidays(country, years=())


def known_subdivisions(country: str) -> frozenset[str] | None:
    """The subdivision codes of ``country`` (``None`` if the package has no such country)."""
    if not is_supported(country):
        return None
    return frozenset(str(s).upper() for s in _prototype(country).subdivisions)


def categories(country: str) -> tuple[str, ...]:
    """The categories the package supports for ``country``, ``public`` first."""
    cats = tuple(_prototype(country).supported_categories)
    return tuple(sorted(cats, key=lambda c: (c != "public", c)))


def package_weekend_days(country: str) -> frozenset[int]:
    """The package's weekend for ``country`` (Python weekdays, 0 = Monday)."""
    return frozenset(_prototype(country).weekend)


def pick_language(country: str, language: str) -> str | None:
    """The package language to use for ``country`` for a panelist speaking ``language``.

    Exact match first (``en_US``), then the base language (``de``), then a variant of
    it (``en_IN`` for India, ``zh_TW`` for Traditional Chinese), then English, then
    ``None`` (the country's default language).
    """
    proto = _prototype(country)
    return choose_language(
        tuple(proto.supported_languages or ()), country, language.replace("-", "_")
    )


def choose_language(supported: tuple[str, ...], country: str, language: str) -> str | None:
    """Pure part of :func:`pick_language`, for testing."""
    if not supported:
        return None
    by_lower = {s.lower(): s for s in supported}
    if language.lower() in by_lower:
        return by_lower[language.lower()]
    parts = language.split("_")
    base = parts[0].lower()
    if base == "zh":
        traditional = any(p in ("Hant", "TW", "HK", "MO") for p in parts[1:])
        if traditional:
            local = [f"zh_{country}"] if country in ("TW", "HK", "MO") else []
            prefs = [*local, "zh_TW", "zh_HK"]
        else:
            prefs = ["zh_CN", "zh_SG"]
        for pref in prefs:
            if pref.lower() in by_lower:
                return by_lower[pref.lower()]
    if base in by_lower:
        return by_lower[base]
    variants = sorted(s for s in supported if s.lower().split("_")[0] == base)
    local = f"{base}_{country}".lower()
    for s in variants:
        if s.lower() == local:
            return s
    if variants:
        return variants[0]
    if base != "en":
        return choose_language(supported, country, "en_US")
    return None


def holiday_days(
    country: str, subdivision: str | None, year: int, language: str | None, category: str
) -> tuple[HolidayDay, ...]:
    """Every name the package lists for one year and category, in date order."""
    return _year_data(country, subdivision, year, language, category)[0]


def data_warnings(
    country: str, subdivision: str | None, year: int, language: str | None, category: str
) -> tuple[str, ...]:
    """What the package warned about that year (e.g. festival dates not known that far out)."""
    return _year_data(country, subdivision, year, language, category)[1]


@lru_cache(maxsize=2048)
def _year_data(
    country: str, subdivision: str | None, year: int, language: str | None, category: str
) -> tuple[tuple[HolidayDay, ...], tuple[str, ...]]:
    # Some countries warn when part of their data ends before the year asked for (India's
    # Hindu festivals are tabulated for 2001-2035). The warning is data, not a fault: it
    # is recorded and shown as a note for the years the user asked about.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        obj = holidays.country_holidays(
            country, subdiv=subdivision, years=year, language=language, categories=(category,)
        )
    messages = tuple(dict.fromkeys(str(w.message) for w in caught))
    pattern = _estimated_pattern(obj)
    days: list[HolidayDay] = []
    for day in sorted(obj):
        for name in obj.get_list(day):
            match = pattern.match(name) if pattern else None
            if match:
                days.append(HolidayDay(day, match.group(1).strip(), True))
            else:
                days.append(HolidayDay(day, name, _looks_estimated(obj, name)))
    return tuple(days), messages


def _estimated_pattern(obj: holidays.HolidayBase) -> re.Pattern[str] | None:
    """A regex capturing the bare name from the package's (translated) "%s (estimated)"."""
    label = getattr(obj, "estimated_label", None)
    tr = getattr(obj, "tr", None)
    if not label or tr is None:
        return None
    text = tr(label)
    if "%s" not in text:
        return None
    head, _sep, tail = text.partition("%s")
    return re.compile("^" + re.escape(head) + "(.+)" + re.escape(tail) + "$")


def _looks_estimated(obj: holidays.HolidayBase, name: str) -> bool:
    label = getattr(obj, "observed_estimated_label", None)
    tr = getattr(obj, "tr", None)
    if not label or tr is None:
        return False
    marker = tr(label).replace("%s", "").strip(" ()（）")
    return bool(marker) and marker in name


def _runs(days: list[HolidayDay]) -> list[tuple[date, date, str, bool]]:
    """Group days with the same name on consecutive dates: (start, end, name, estimated)."""
    by_name: dict[str, list[HolidayDay]] = {}
    for d in days:
        by_name.setdefault(d.name, []).append(d)
    runs: list[tuple[date, date, str, bool]] = []
    for name, items in by_name.items():
        items.sort(key=lambda d: d.day)
        start = prev = items[0].day
        estimated = items[0].estimated
        for item in items[1:]:
            if item.day == prev:
                continue
            if item.day == prev + _ONE_DAY:
                prev = item.day
                estimated = estimated or item.estimated
                continue
            runs.append((start, prev, name, estimated))
            start = prev = item.day
            estimated = item.estimated
        runs.append((start, prev, name, estimated))
    order = {d.name: i for i, d in reversed(list(enumerate(days)))}
    runs.sort(key=lambda r: (r[0], order[r[2]]))
    return runs


def holiday_warnings(
    country: str, subdivision: str | None, start: date, end: date, language: str | None
) -> list[str]:
    """The package's warnings for the years of ``start`` … ``end``, without repeats."""
    if not is_supported(country):
        return []
    found: dict[str, None] = {}
    for year in range(start.year, end.year + 1):
        for category in categories(country):
            found.update(
                dict.fromkeys(data_warnings(country, subdivision, year, language, category))
            )
    return list(found)


def holiday_entries(
    country: str,
    subdivision: str | None,
    start: date,
    end: date,
    language: str | None,
) -> list[CalendarEntry]:
    """Entries for every holiday of every category that overlaps ``start`` … ``end``."""
    if not is_supported(country):
        return []
    years = range(start.year - 1, end.year + 2)
    weekend = package_weekend_days(country)
    market = f"{country}-{subdivision}" if subdivision else country
    source = f"holidays {package_version()} ({market})"
    entries: list[CalendarEntry] = []
    day_off: set[date] = set()
    public_runs: list[tuple[date, date]] = []
    for category in categories(country):
        days = [d for y in years for d in holiday_days(country, subdivision, y, language, category)]
        runs = _runs(days)
        if category in DAY_OFF_CATEGORIES:
            day_off.update(d.day for d in days)
            public_runs.extend((r[0], r[1]) for r in runs)
        seen: dict[date, int] = {}
        for run_start, run_end, name, estimated in runs:
            if not (run_start <= end and start <= run_end):
                continue
            n = seen[run_start] = seen.get(run_start, -1) + 1
            entries.append(
                CalendarEntry(
                    start=run_start,
                    end=run_end,
                    name=name,
                    kind=KIND_HOLIDAY,
                    category=category,
                    estimated=estimated,
                    reason=None,
                    source=source,
                    sensitivity=SENSITIVITY_LOW,
                    id=f"holiday:{market}:{category}:{run_start.isoformat()}:{n}",
                )
            )
    return [_with_sensitivity(e, day_off, weekend) for e in entries]


def _with_sensitivity(
    entry: CalendarEntry, day_off: set[date], weekend: frozenset[int]
) -> CalendarEntry:
    if entry.category not in DAY_OFF_CATEGORIES:
        return entry
    length, holidays_in_run = long_run(entry.start, entry.end, day_off, weekend)
    long = length >= LONG_HOLIDAY_DAYS and holidays_in_run >= 2
    sensitivity = SENSITIVITY_HIGH if long else SENSITIVITY_MEDIUM
    return CalendarEntry(**{**entry.__dict__, "sensitivity": sensitivity})


def long_run(
    start: date, end: date, day_off: set[date], weekend: frozenset[int]
) -> tuple[int, int]:
    """Length of the run of days off around ``start`` … ``end``, and its holiday count."""

    def off(d: date) -> bool:
        return d in day_off or d.weekday() in weekend

    first, last = start, end
    while off(first - _ONE_DAY):
        first -= _ONE_DAY
    while off(last + _ONE_DAY):
        last += _ONE_DAY
    length = (last - first).days + 1
    count = sum(1 for i in range(length) if first + timedelta(days=i) in day_off)
    return length, count


def english_language(country: str) -> str | None:
    """The package language giving English names for ``country`` (``None``: default)."""
    supported = tuple(_prototype(country).supported_languages or ())
    if "en_US" in supported:
        return "en_US"
    english = sorted(s for s in supported if s.startswith("en"))
    return english[0] if english else None


def named_holiday_runs(
    country: str, name: str, year: int, subdivision: str | None = None, category: str = "public"
) -> list[tuple[date, date, bool]]:
    """Spans in ``year`` of the holiday the package calls ``name`` in English.

    Observed (substitute) days are not part of it. Returns ``(start, end, estimated)``.
    """
    days = holiday_days(country, subdivision, year, english_language(country), category)
    wanted = name.casefold()
    matching = [d for d in days if d.name.casefold() == wanted]
    return [(s, e, est) for s, e, _n, est in _runs(matching)]

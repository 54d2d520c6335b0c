"""The local weekend and first day of the week: CLDR through Babel, and the ``holidays`` view.

CLDR's week data is per territory; Babel exposes it on a locale, so we ask the
undetermined-language locale of the territory (``und_SA``), which Babel resolves
through the likely-subtags data to the territory's main locale. The ``holidays``
package has its own notion of the weekend per country (used for its observed-day
rules), which can differ from CLDR's — India is the classic case — so both are
offered and the caller shows the difference.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global

#: CLDR's world default (territory 001): Monday first, Saturday–Sunday weekend.
_DEFAULT_WEEK = ((6, 7), 1)


@lru_cache(maxsize=512)
def cldr_week(territory: str) -> tuple[tuple[int, ...], int]:
    """``(weekend, first_day_of_week)`` for ``territory`` in ISO weekday numbers.

    The weekend is listed from its first day to its last (``(5, 6)`` for Friday–
    Saturday), wrapping around Sunday if CLDR says so.
    """
    loc = _locale_for_territory(territory)
    if loc is None:
        return _DEFAULT_WEEK
    start, end = loc.weekend_start, loc.weekend_end  # 0 = Monday
    days = [start]
    while days[-1] != end and len(days) < 7:
        days.append((days[-1] + 1) % 7)
    return tuple(d + 1 for d in days), loc.first_week_day + 1


def _locale_for_territory(territory: str) -> Locale | None:
    try:
        loc = Locale.parse(f"und_{territory}")
    except (UnknownLocaleError, ValueError):
        loc = None
    if loc is not None and loc.territory == territory:
        return loc
    # Fall back to a locale of one of the territory's languages.
    languages = get_global("territory_languages").get(territory, {})
    ranked = sorted(languages, key=lambda lang: -languages[lang].get("population_percent", 0))
    for lang in ranked:
        ident = f"{lang}_{territory}"
        if localedata.exists(ident):
            return Locale.parse(ident)
    return loc


def package_weekend(weekend: set[int] | frozenset[int]) -> tuple[int, ...]:
    """The ``holidays`` package's weekend (Python weekdays, 0 = Monday) as sorted ISO numbers."""
    return tuple(sorted(d + 1 for d in weekend))


def same_days(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True if two weekends hold the same days, whatever their order."""
    return set(a) == set(b)

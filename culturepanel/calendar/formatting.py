"""Dates, spans and weekdays formatted for a language with Babel (CLDR)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, get_day_names
from babel.lists import format_list

from culturepanel.formatting import isolate
from culturepanel.i18n import _
from culturepanel.locales import display_market


@lru_cache(maxsize=128)
def babel_locale(language: str) -> Locale:
    """The Babel locale for ``language`` (``ja``, ``pt-BR``, ``zh_Hant``); English if unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def is_known_language(language: str) -> bool:
    """True if Babel has locale data for ``language``."""
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def fmt_date(day: date, language: str) -> str:
    """A date in the language's medium format, e.g. ``10 Mar 2027`` or ``2027/03/10``."""
    return isolate(format_date(day, format="medium", locale=babel_locale(language)))


def fmt_span(start: date, end: date, language: str) -> str:
    """A span of days, e.g. ``8 Feb – 8 Mar 2027``; one date if they are the same."""
    if start == end:
        return fmt_date(start, language)
    return isolate(format_interval(start, end, skeleton="yMMMd", locale=babel_locale(language)))


def weekday_name(iso_weekday: int, language: str, width: str = "wide") -> str:
    """The name of an ISO weekday (1 = Monday); ``width`` is ``wide`` or ``abbreviated``."""
    return str(get_day_names(width, locale=babel_locale(language))[iso_weekday - 1])


def weekday_list(days: Iterable[int], language: str) -> str:
    """``Friday and Saturday`` (in the language) for ISO weekdays."""
    names = [weekday_name(d, language) for d in days]
    if not names:
        return _("none")
    return format_list(names, locale=babel_locale(language))


def name_list(names: Iterable[str], language: str) -> str:
    """``A, B and C`` in the language, each name once."""
    unique = list(dict.fromkeys(names))
    return format_list(unique, locale=babel_locale(language)) if unique else ""


def market_name(market: str, language: str) -> str:
    """``Japan`` / ``Germany (BY)`` in the language."""
    return display_market(market, str(babel_locale(language)))

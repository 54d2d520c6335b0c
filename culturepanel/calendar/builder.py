"""Assemble the calendar of one market: holidays, observances, weekend, notes."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from culturepanel.calendar import public_holidays
from culturepanel.calendar.formatting import market_name, weekday_list
from culturepanel.calendar.markets import parse_market
from culturepanel.calendar.model import KIND_HOLIDAY, MarketCalendar
from culturepanel.calendar.observance_files import load_library
from culturepanel.calendar.observances import observance_entries
from culturepanel.calendar.weekends import cldr_week, package_weekend, same_days
from culturepanel.i18n import _, current_language

#: The longest range a calendar may span (about ten years).
MAX_DAYS = 3700


def market_calendar(
    market: str,
    start: date,
    end: date,
    language: str = "en",
    observances_dir: Path | str | None = None,
) -> MarketCalendar:
    """The calendar of ``market`` for ``start`` … ``end`` with names in ``language``.

    ``market`` is ``JP``, ``DE-BY``, ``ja-JP`` or ``de-DE-BY``; an unknown market
    raises :class:`~culturepanel.calendar.markets.UnknownMarketError` (a ``ValueError``).
    ``observances_dir`` replaces the shipped observance data (tests, data review).
    Notes are in the current UI language; holiday names and dates in ``language``.
    """
    if end < start:
        raise ValueError(
            _("The range ends ({end}) before it starts ({start}).").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    if (end - start).days > MAX_DAYS:
        raise ValueError(_("The range is too long: show at most ten years at a time."))
    key = None if observances_dir is None else str(Path(observances_dir).resolve())
    return _build(market, start, end, language.replace("_", "-"), key, current_language())


@lru_cache(maxsize=256)
def _build(
    market: str, start: date, end: date, language: str, obs_dir: str | None, _ui: str
) -> MarketCalendar:
    ref = parse_market(market)
    country, sub = ref.country, ref.subdivision
    shown = market_name(ref.code, language)
    notes: list[str] = []
    if ref.assumed:
        notes.append(
            _("The market {market} was assumed from the language '{language}'.").format(
                market=ref.code, language=market
            )
        )
    weekend, first_day = cldr_week(country)
    holiday_weekend = None
    entries = []
    if public_holidays.is_supported(country):
        package_language = public_holidays.pick_language(country, language)
        entries.extend(public_holidays.holiday_entries(country, sub, start, end, package_language))
        for warning in public_holidays.holiday_warnings(country, sub, start, end, package_language):
            notes.append(
                _("The holiday data for {market} is incomplete: {warning}").format(
                    market=shown, warning=warning
                )
            )
        pkg_weekend = package_weekend(public_holidays.package_weekend_days(country))
        if not same_days(pkg_weekend, weekend):
            holiday_weekend = pkg_weekend
            notes.append(
                _(
                    "Sources differ on the weekend in {market}: CLDR gives {cldr}, the "
                    "holiday data {package}. Both are shown; ask the panel which applies "
                    "to the audience."
                ).format(
                    market=shown,
                    cldr=weekday_list(weekend, language),
                    package=weekday_list(pkg_weekend, language),
                )
            )
    else:
        notes.append(_("No public holiday data is available for {market}.").format(market=shown))
    library = load_library(obs_dir)
    observances = observance_entries(library, country, sub, start, end, language)
    entries.extend(observances)
    curated = library.curated(country, sub)
    if not curated and observances:
        notes.append(
            _(
                "Observances are not curated for {market}: only observances of wider "
                "themes that list it (such as Ramadan) are shown."
            ).format(market=shown)
        )
    elif not curated:
        notes.append(
            _("Observances are not curated for {market}: only public holidays are shown.").format(
                market=shown
            )
        )
    if any(e.estimated for e in entries):
        notes.append(
            _(
                "Dates marked estimated depend on the sighting of the moon or on a "
                "yearly announcement and may differ by a day or two."
            )
        )
    entries.sort(key=lambda e: (e.start, e.kind != KIND_HOLIDAY, e.end, e.name, e.id))
    return MarketCalendar(
        market=ref.code,
        country=country,
        subdivision=sub,
        start=start,
        end=end,
        language=language,
        weekend=weekend,
        first_day_of_week=first_day,
        notes=tuple(notes),
        entries=tuple(entries),
        observances_curated=curated,
        holiday_weekend=holiday_weekend,
        data_version=(
            f"holidays {public_holidays.package_version()}; observances {library.digest}"
        ),
    )

"""Dates, times and numbers formatted for the user's language through Babel."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal

from culturepanel.i18n import _, current_language

FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """Wrap ``text`` in Unicode directional isolates when the interface is right to left,
    so that a date or number inserted into a sentence keeps its own order."""
    if not text or not _ui_is_rtl():
        return text
    return f"{FSI}{text}{PDI}"


def _ui_is_rtl() -> bool:
    try:
        return Locale.parse(current_language()).text_direction == "rtl"
    except (UnknownLocaleError, ValueError):
        return False


def _locale() -> str:
    lang = current_language()
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return "en"
    return lang


def format_day(value: date | str | None, fmt: str = "medium") -> str:
    """A date in the user's language, e.g. ``3 Mar 2027`` / ``2027/03/03``."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return isolate(format_date(value, format=fmt, locale=_locale()))


def format_window(start: date | None, end: date | None) -> str:
    """A launch window, e.g. ``1 Mar 2027 – 14 Mar 2027``; empty if none."""
    if start and end and start != end:
        return f"{format_day(start)} – {format_day(end)}"
    if start:
        return format_day(start)
    if end:
        return _("until {date}").format(date=format_day(end))
    return ""


def format_saved_time(iso: str) -> str:
    """An ISO UTC timestamp as local time of day in the user's language."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    local = moment.astimezone()
    if local.date() == datetime.now(UTC).astimezone().date():
        return isolate(format_time(local, format="medium", locale=_locale()))
    return isolate(format_datetime(local, format="medium", locale=_locale()))


def format_number(value: float) -> str:
    return isolate(format_decimal(value, locale=_locale()))

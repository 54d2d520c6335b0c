"""The calendar as JSON (``calendar --json``) and as text for a person (``calendar``)."""

from __future__ import annotations

import textwrap
from typing import Any

from culturepanel.calendar.formatting import (
    fmt_date,
    fmt_span,
    market_name,
    weekday_list,
    weekday_name,
)
from culturepanel.calendar.model import (
    DAY_OFF_CATEGORIES,
    KIND_HOLIDAY,
    KIND_OBSERVANCE,
    CalendarEntry,
    MarketCalendar,
)
from culturepanel.calendar.wording import category_label
from culturepanel.i18n import N_, _

_WIDTH = 100
_SENSITIVITY_LABELS = {"low": N_("low"), "medium": N_("medium"), "high": N_("high")}


def entry_to_json(entry: CalendarEntry) -> dict[str, Any]:
    """One entry as a JSON object; ``reason`` and ``source`` only where there is one."""
    data: dict[str, Any] = {
        "id": entry.id,
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
        "name": entry.name,
        "kind": entry.kind,
        "category": entry.category,
        "estimated": entry.estimated,
        "sensitivity": entry.sensitivity,
    }
    if entry.reason:
        data["reason"] = entry.reason
    if entry.source:
        data["source"] = entry.source
    return data


def calendar_to_json(calendar: MarketCalendar) -> dict[str, Any]:
    """The calendar as the ``--json`` object.

    ``weekend`` holds ISO weekday numbers (1 = Monday … 7 = Sunday) from CLDR and
    ``first_day_of_week`` one such number; ``holiday_weekend`` is the holiday data's
    weekend where it differs from CLDR's (else ``null``).
    """
    return {
        "market": calendar.market,
        "country": calendar.country,
        "subdivision": calendar.subdivision,
        "from": calendar.start.isoformat(),
        "to": calendar.end.isoformat(),
        "language": calendar.language,
        "weekend": list(calendar.weekend),
        "first_day_of_week": calendar.first_day_of_week,
        "holiday_weekend": (
            list(calendar.holiday_weekend) if calendar.holiday_weekend is not None else None
        ),
        "observances_curated": calendar.observances_curated,
        "notes": list(calendar.notes),
        "data_version": calendar.data_version,
        "entries": [entry_to_json(e) for e in calendar.entries],
    }


def format_calendar_text(calendar: MarketCalendar, language: str | None = None) -> str:
    """What ``culturepanel calendar`` prints: weekend, notes, holidays and observances.

    Dates and weekday names are formatted for ``language`` (default: the calendar's).
    """
    lang = language or calendar.language
    lines = [
        _("Calendar for {market} ({code}), {span}").format(
            market=market_name(calendar.market, lang),
            code=calendar.market,
            span=fmt_span(calendar.start, calendar.end, lang),
        ),
        _("Weekend: {weekend}. First day of the week: {first}.").format(
            weekend=weekday_list(calendar.weekend, lang),
            first=weekday_name(calendar.first_day_of_week, lang),
        ),
    ]
    if calendar.holiday_weekend is not None:
        lines.append(
            _("Weekend in the holiday data: {weekend}.").format(
                weekend=weekday_list(calendar.holiday_weekend, lang)
            )
        )
    if calendar.notes:
        lines.append("")
        lines.append(_("Notes:"))
        lines.extend(f"  - {note}" for note in calendar.notes)
    public = [
        e for e in calendar.entries if e.kind == KIND_HOLIDAY and e.category in DAY_OFF_CATEGORIES
    ]
    other = [
        e
        for e in calendar.entries
        if e.kind == KIND_HOLIDAY and e.category not in DAY_OFF_CATEGORIES
    ]
    observances = [e for e in calendar.entries if e.kind == KIND_OBSERVANCE]
    sections = (
        (_("Public holidays"), public, False),
        (_("Other holidays and listed days"), other, False),
        (_("Observances"), observances, True),
    )
    for title, entries, detailed in sections:
        lines.append("")
        lines.append(f"{title} ({len(entries)})")
        if not entries:
            lines.append("  " + _("none in this range"))
        for entry in entries:
            lines.extend(_entry_lines(entry, lang, detailed))
    return "\n".join(lines) + "\n"


def _entry_lines(entry: CalendarEntry, lang: str, detailed: bool) -> list[str]:
    if entry.start == entry.end:
        day = weekday_name(entry.start.isoweekday(), lang, "abbreviated")
        when = f"{day} {fmt_date(entry.start, lang)}"
    else:
        when = fmt_span(entry.start, entry.end, lang)
    tags = [category_label(entry)]
    if detailed and entry.sensitivity:
        tags.append(
            _("sensitivity: {level}").format(level=_(_SENSITIVITY_LABELS[entry.sensitivity]))
        )
    if entry.estimated:
        tags.append(_("estimated"))
    lines = [f"  {when:<28} {entry.name} [{'; '.join(tags)}]"]
    if detailed and entry.reason:
        lines.extend(_wrapped(_("Why: {reason}").format(reason=entry.reason)))
    if detailed and entry.source:
        lines.extend(_wrapped(_("Source: {source}").format(source=entry.source)))
    return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=_WIDTH,
        initial_indent=" " * 6,
        subsequent_indent=" " * 8,
        break_on_hyphens=False,
    )

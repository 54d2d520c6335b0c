"""A calendar as plain rows, so that a review package can carry it and rebuild it offline.

:func:`calendar_to_rows` gives one header row and one row per entry; every value is
a scalar (text, integer, boolean or ``None``) so the rows go straight into SQLite.
Lists are encoded: weekends as ``"5,6"``, notes as a JSON array. :func:`calendar_from_rows`
rebuilds an equal :class:`MarketCalendar`; it accepts SQLite's integers for booleans
and tolerates lists where text was written (as ``sqlite-utils`` may return them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from culturepanel.calendar.model import CalendarEntry, MarketCalendar
from culturepanel.i18n import _

#: Version of the row layout; a reader refuses a newer major version.
ROWS_VERSION = 1


def calendar_to_rows(calendar: MarketCalendar) -> dict[str, Any]:
    """``{"calendar": header_row, "entries": [entry_row, …]}``, all values scalars."""
    header = {
        "rows_version": ROWS_VERSION,
        "market": calendar.market,
        "country": calendar.country,
        "subdivision": calendar.subdivision,
        "start": calendar.start.isoformat(),
        "end": calendar.end.isoformat(),
        "language": calendar.language,
        "weekend": _days_text(calendar.weekend),
        "first_day_of_week": calendar.first_day_of_week,
        "holiday_weekend": (
            None if calendar.holiday_weekend is None else _days_text(calendar.holiday_weekend)
        ),
        "notes": json.dumps(list(calendar.notes), ensure_ascii=False),
        "observances_curated": calendar.observances_curated,
        "data_version": calendar.data_version,
    }
    entries = [
        {
            "position": i,
            "id": e.id,
            "start": e.start.isoformat(),
            "end": e.end.isoformat(),
            "name": e.name,
            "kind": e.kind,
            "category": e.category,
            "estimated": e.estimated,
            "reason": e.reason,
            "source": e.source,
            "sensitivity": e.sensitivity,
        }
        for i, e in enumerate(calendar.entries)
    ]
    return {"calendar": header, "entries": entries}


def calendar_from_rows(
    header: Mapping[str, Any], entries: Iterable[Mapping[str, Any]]
) -> MarketCalendar:
    """Rebuild the calendar from :func:`calendar_to_rows`'s rows (entries in any order)."""
    version = int(header.get("rows_version", 1))
    if version > ROWS_VERSION:
        raise ValueError(
            _(
                "The calendar was stored by a newer version of the app (rows version {version})."
            ).format(version=version)
        )
    rows = sorted(entries, key=lambda r: int(r.get("position", 0)))
    holiday_weekend = header.get("holiday_weekend")
    return MarketCalendar(
        market=str(header["market"]),
        country=str(header["country"]),
        subdivision=header.get("subdivision") or None,
        start=date.fromisoformat(str(header["start"])),
        end=date.fromisoformat(str(header["end"])),
        language=str(header["language"]),
        weekend=_days(header["weekend"]),
        first_day_of_week=int(header["first_day_of_week"]),
        notes=tuple(_texts(header.get("notes"))),
        entries=tuple(_entry(r) for r in rows),
        observances_curated=bool(header["observances_curated"]),
        holiday_weekend=None if holiday_weekend in (None, "") else _days(holiday_weekend),
        data_version=str(header.get("data_version") or ""),
    )


def _entry(row: Mapping[str, Any]) -> CalendarEntry:
    return CalendarEntry(
        start=date.fromisoformat(str(row["start"])),
        end=date.fromisoformat(str(row["end"])),
        name=str(row["name"]),
        kind=str(row["kind"]),
        category=str(row["category"]),
        estimated=bool(row["estimated"]),
        reason=row.get("reason") or None,
        source=row.get("source") or None,
        sensitivity=row.get("sensitivity") or None,
        id=str(row["id"]),
    )


def _days_text(days: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in days)


def _days(value: Any) -> tuple[int, ...]:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            return tuple(int(d) for d in json.loads(text))
        return tuple(int(d) for d in text.split(",") if d.strip())
    return tuple(int(d) for d in value)


def _texts(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [str(v) for v in json.loads(value)]
    return [str(v) for v in value]

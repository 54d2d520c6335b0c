"""The calendar slice a review package carries, so the calendar works offline, identically.

When a package is built, the market's calendar (public holidays, observances,
weekend) is computed for the span of its launch windows and deadline, plus a
margin, in English and in each language of the market's variants; the panel
shows the slice in the panelist's language when the package has it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from culturepanel.calendar import (
    MarketCalendar,
    calendar_from_rows,
    calendar_to_rows,
    market_calendar,
)
from culturepanel.errors import CulturePanelError
from culturepanel.storage.database import CulturePanelFile, new_id

#: Days of calendar carried before the earliest launch and after the latest one.
MARGIN_DAYS = 45


def calendar_span(pkg: CulturePanelFile, deadline: date | None) -> tuple[date, date] | None:
    """First and last day the package's calendar must cover, or ``None`` without dates."""
    low, high = pkg.conn.execute(
        "SELECT min(launch_start), max(coalesce(launch_end, launch_start)) FROM variants "
        "WHERE status = 'active'"
    ).fetchone()
    days = [date.fromisoformat(d) for d in (low, high) if d]
    if deadline:
        days.append(deadline)
    if not days:
        return None
    return min(days) - timedelta(days=MARGIN_DAYS), max(days) + timedelta(days=MARGIN_DAYS)


def store_calendar(pkg: CulturePanelFile, market: str, deadline: date | None) -> int:
    """(Re)compute the market's calendar slice into the package; call inside a transaction.

    Returns the number of entry rows written.
    """
    pkg.conn.execute("DELETE FROM calendar_entries")
    pkg.conn.execute("DELETE FROM meta WHERE key LIKE 'calendar:%'")
    span = calendar_span(pkg, deadline)
    if span is None:
        return 0
    locales = pkg.conn.execute("SELECT DISTINCT locale FROM variants").fetchall()
    languages = ["en", *sorted({r[0].split("-")[0] for r in locales} - {"en"})]
    written = 0
    for language in languages:
        try:
            calendar = market_calendar(market, span[0], span[1], language=language)
        except CulturePanelError:
            return written  # a market the calendar does not know (e.g. 419): no slice
        rows = calendar_to_rows(calendar)
        pkg.set_meta(**{f"calendar:{language}": json.dumps(rows["calendar"], ensure_ascii=False)})
        pkg.conn.executemany(
            "INSERT INTO calendar_entries(id, market, data) VALUES (?, ?, ?)",
            [
                (new_id(), market, json.dumps({"language": language, **row}, ensure_ascii=False))
                for row in rows["entries"]
            ],
        )
        written += len(rows["entries"])
    return written


def calendar_languages(pkg: CulturePanelFile) -> list[str]:
    return [
        r[0].split(":", 1)[1]
        for r in pkg.conn.execute("SELECT key FROM meta WHERE key LIKE 'calendar:%' ORDER BY key")
    ]


def load_calendar(pkg: CulturePanelFile, language: str) -> MarketCalendar | None:
    """The carried calendar in ``language`` (or English), or ``None`` if the package has none."""
    available = calendar_languages(pkg)
    lang = language.split("_")[0].split("-")[0]
    chosen = lang if lang in available else ("en" if "en" in available else None)
    if chosen is None:
        return None
    header = json.loads(pkg.get_meta(f"calendar:{chosen}") or "{}")
    entries = []
    for (data,) in pkg.conn.execute("SELECT data FROM calendar_entries ORDER BY rowid"):
        row = json.loads(data)
        if row.pop("language", None) == chosen:
            entries.append(row)
    return calendar_from_rows(header, entries)

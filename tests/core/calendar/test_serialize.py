"""A calendar survives the trip through plain rows and SQLite unchanged."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from culturepanel.calendar import (
    MarketCalendar,
    calendar_from_rows,
    calendar_to_rows,
    market_calendar,
)


@pytest.mark.parametrize(
    ("market", "language"),
    [("SA", "en"), ("IN", "hi"), ("ja-JP", "ja"), ("DE-BY", "de"), ("IS", "en")],
)
def test_rows_round_trip(market: str, language: str) -> None:
    original = market_calendar(market, date(2027, 1, 1), date(2027, 12, 31), language)
    rows = calendar_to_rows(original)
    json.dumps(rows)
    scalars = (str, int, float, bool, type(None))
    assert all(isinstance(v, scalars) for v in rows["calendar"].values())
    assert all(isinstance(v, scalars) for row in rows["entries"] for v in row.values())
    assert calendar_from_rows(rows["calendar"], reversed(rows["entries"])) == original


def test_round_trip_through_sqlite() -> None:
    original = market_calendar("IN", date(2027, 10, 1), date(2027, 11, 30))
    rows = calendar_to_rows(original)
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    for table, items in (("calendar", [rows["calendar"]]), ("entries", rows["entries"])):
        columns = list(items[0])
        db.execute(f"CREATE TABLE {table} ({', '.join(f'[{c}]' for c in columns)})")
        db.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})",
            [tuple(item[c] for c in columns) for item in items],
        )
    header = dict(db.execute("SELECT * FROM calendar").fetchone())
    entries = [dict(r) for r in db.execute("SELECT * FROM entries")]
    rebuilt = calendar_from_rows(header, entries)
    assert rebuilt == original
    assert rebuilt.holiday_weekend == (6, 7)


def test_reader_tolerates_lists_and_refuses_newer_rows() -> None:
    original = market_calendar("SA", date(2027, 3, 1), date(2027, 3, 31))
    rows = calendar_to_rows(original)
    header = {**rows["calendar"], "weekend": [5, 6], "notes": list(original.notes)}
    assert calendar_from_rows(header, rows["entries"]) == original
    with pytest.raises(ValueError):
        calendar_from_rows({**rows["calendar"], "rows_version": 99}, rows["entries"])


def test_calendar_is_hashable() -> None:
    cal: MarketCalendar = market_calendar("JP", date(2027, 5, 1), date(2027, 5, 5))
    rows = calendar_to_rows(cal)
    assert hash(cal) == hash(calendar_from_rows(rows["calendar"], rows["entries"]))

"""The CLI-facing output: JSON shape, text, and the command's exit codes."""

from __future__ import annotations

import io
import json
from datetime import date

from culturepanel.calendar import (
    calendar_to_json,
    format_calendar_text,
    market_calendar,
    run_calendar_command,
)
from culturepanel.calendar.command import EXIT_OK, EXIT_USAGE

START, END = date(2027, 2, 1), date(2027, 3, 31)


def run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_calendar_command(*args, out=out, err=err)  # type: ignore[misc]
    return code, out.getvalue(), err.getvalue()


def test_json_shape() -> None:
    data = calendar_to_json(market_calendar("SA", START, END))
    json.dumps(data)  # serialisable as it is
    assert data["weekend"] == [5, 6]
    assert data["first_day_of_week"] == 7
    assert data["market"] == "SA" and data["country"] == "SA" and data["subdivision"] is None
    assert data["observances_curated"] is True
    assert data["entries"]
    for entry in data["entries"]:
        assert {"start", "end", "name", "kind", "category", "estimated"} <= set(entry)
        assert entry["kind"] in ("holiday", "observance")
        assert isinstance(entry["estimated"], bool)
        assert date.fromisoformat(entry["start"]) <= date.fromisoformat(entry["end"])
        assert "reason" not in entry or entry["reason"]
    ramadan = next(e for e in data["entries"] if e["name"] == "Ramadan")
    assert ramadan == {
        "id": "islamic/ramadan@2027-02-08",
        "start": "2027-02-08",
        "end": "2027-03-08",
        "name": "Ramadan",
        "kind": "observance",
        "category": "religious",
        "estimated": True,
        "sensitivity": "high",
        "reason": ramadan["reason"],
        "source": ramadan["source"],
    }
    assert "fast" in ramadan["reason"]


def test_json_carries_both_weekends_where_they_differ() -> None:
    data = calendar_to_json(market_calendar("IN", START, END))
    assert data["weekend"] == [7]
    assert data["holiday_weekend"] == [6, 7]
    assert any("weekend" in n for n in data["notes"])


def test_text_shows_weekend_notes_and_groups() -> None:
    text = format_calendar_text(market_calendar("IN", START, END))
    assert text.startswith("Calendar for India (IN), Feb 1")
    assert "Weekend: Sunday. First day of the week: Sunday." in text
    assert "Weekend in the holiday data: Saturday and Sunday." in text
    assert "Notes:" in text
    assert "Public holidays (" in text and "Observances (" in text
    assert "Why: " in text and "Source: " in text
    assert all(len(line) <= 120 for line in text.splitlines() if line.lstrip().startswith("Why"))


def test_text_in_japanese_formats_dates_and_names() -> None:
    text = format_calendar_text(market_calendar("JP", date(2027, 4, 25), date(2027, 5, 10), "ja"))
    assert "日本 (JP)" in text
    assert "2027/04/29" in text and "昭和の日" in text
    assert "ゴールデンウィーク" in text
    assert "土曜日、日曜日" in text


def test_command_prints_text() -> None:
    code, out, err = run("ja-JP", START, END, "en", False)
    assert (code, err) == (EXIT_OK, "")
    assert "Calendar for Japan (JP)" in out


def test_command_prints_json() -> None:
    code, out, _err = run("DE-BY", date(2027, 8, 1), date(2027, 8, 31), "de", True)
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["market"] == "DE-BY"
    assert "Mariä Himmelfahrt" in {e["name"] for e in data["entries"]}


def test_command_rejects_an_unknown_market_on_stderr() -> None:
    code, out, err = run("Atlantis", START, END, "en", False)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.startswith("culturepanel calendar: Unknown market 'Atlantis'")
    assert "DE-BY" in err and "ja-JP" in err


def test_command_rejects_an_unknown_language_and_a_reversed_range() -> None:
    assert run("JP", START, END, "xx-QQ", False)[0] == EXIT_USAGE
    code, _out, err = run("JP", END, START, "en", False)
    assert code == EXIT_USAGE
    assert "before it starts" in err

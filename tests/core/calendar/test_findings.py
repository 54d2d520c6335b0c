"""Timing findings for launch windows and deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from culturepanel.calendar import (
    SEVERITY_CAUTION,
    SEVERITY_CONFLICT,
    SEVERITY_INFO,
    MarketCalendar,
    TimingFinding,
    market_calendar,
    timing_findings,
)
from culturepanel.i18n import set_language


def cal(market: str, language: str = "en") -> MarketCalendar:
    return market_calendar(market, date(2027, 1, 1), date(2027, 12, 31), language)


def find(findings: list[TimingFinding], entry_id: str) -> TimingFinding:
    [match] = [f for f in findings if f.entry is not None and f"/{entry_id}@" in f.entry.id]
    return match


def test_launch_across_ramadan_2027_is_a_conflict_with_its_reason() -> None:
    findings = timing_findings(cal("SA"), date(2027, 2, 1), date(2027, 2, 28))
    ramadan = find(findings, "ramadan")
    assert ramadan.severity == SEVERITY_CONFLICT
    assert ramadan.code == "overlap"
    assert ramadan.subject == "launch"
    assert (ramadan.start, ramadan.end) == (date(2027, 2, 8), date(2027, 3, 8))
    # Babel puts thin spaces around the dash of a date interval.
    assert "overlaps Ramadan (Feb 8\u2009–\u2009Mar 8, 2027)" in ramadan.message
    assert "fast from dawn to sunset" in ramadan.reason
    assert "estimated" in ramadan.reason
    # After Ramadan come Eid al-Fitr (9–12 March), the weekend and the observed day.
    assert "Move the start to Mar 15, 2027, after Ramadan." in ramadan.suggestion
    assert "Or end the launch window by Feb 6, 2027, before Ramadan begins." in ramadan.suggestion
    assert findings[0].severity == SEVERITY_CONFLICT


def test_findings_are_sorted_most_severe_first() -> None:
    findings = timing_findings(cal("SA"), date(2027, 2, 1), date(2027, 2, 28))
    ranks = [("info", "caution", "conflict").index(f.severity) for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    founding = [f for f in findings if f.entry is not None and f.entry.start == date(2027, 2, 22)]
    assert founding and founding[0].severity == SEVERITY_CAUTION


def test_remembrance_gets_tone_advice() -> None:
    finding = find(timing_findings(cal("US"), date(2027, 9, 11), None), "september-11")
    assert finding.severity == SEVERITY_CONFLICT
    assert finding.message == (
        "The launch on Sep 11, 2027 falls on Patriot Day (September 11 remembrance) (Sep 11, 2027)."
    )
    assert "celebratory or humorous tone" in finding.suggestion
    assert "Move the start to Sep 13, 2027" in finding.suggestion  # 12 September is a Sunday


def test_commercial_events_are_clutter_not_offence() -> None:
    finding = find(timing_findings(cal("CN"), date(2027, 11, 8), date(2027, 11, 14)), "singles-day")
    assert finding.severity == SEVERITY_CAUTION
    assert "promotional clutter" in finding.suggestion


def test_entry_just_before_the_start_is_one_level_lower() -> None:
    findings = timing_findings(cal("SA"), date(2027, 3, 16), date(2027, 3, 31))
    margin = [f for f in findings if f.code == "margin"]
    assert margin and all(f.severity == SEVERITY_CAUTION for f in margin)
    assert "ends 1 day before the launch starts on Mar 16, 2027" in margin[0].message
    assert "start on Mar 18, 2027 or later" in margin[0].suggestion


def test_margin_is_configurable() -> None:
    calendar = cal("SA")
    assert not [
        f
        for f in timing_findings(calendar, date(2027, 3, 16), None, margin_days=0)
        if f.code == "margin"
    ]
    wide = timing_findings(calendar, date(2027, 3, 16), None, margin_days=10)
    assert {f.entry.name for f in wide if f.code == "margin" and f.entry} >= {
        "Ramadan",
        "Eid al-Fitr",
    }


def test_launch_on_the_local_weekend() -> None:
    [weekend] = [
        f for f in timing_findings(cal("SA"), date(2027, 6, 4), None) if f.code == "weekend"
    ]
    assert weekend.severity == SEVERITY_CAUTION
    assert "a Friday, which is part of the local weekend (Friday and Saturday)" in weekend.message
    assert weekend.suggestion == "Start on Jun 6, 2027, the next working day."
    assert not [
        f for f in timing_findings(cal("US"), date(2027, 6, 4), None) if f.code == "weekend"
    ]


def test_weekend_disputed_between_sources_is_info() -> None:
    [finding] = [
        f
        for f in timing_findings(cal("IN"), date(2027, 6, 5), None)
        if f.code.startswith("weekend")
    ]
    assert finding.code == "weekend-disputed"
    assert finding.severity == SEVERITY_INFO
    assert "Saturday" in finding.message


def test_deadline_during_a_long_holiday_warns_panelists_may_be_away() -> None:
    findings = timing_findings(cal("CN"), date(2027, 10, 4), None, subject="deadline")
    away = [f for f in findings if f.code == "deadline-holiday"]
    assert away and all(f.severity == SEVERITY_CAUTION for f in away)
    assert all(f.subject == "deadline" for f in findings)
    assert "panelists may be away" in away[0].message
    assert "Move the deadline to" in away[0].suggestion


def test_deadline_on_the_weekend() -> None:
    findings = timing_findings(cal("DE"), date(2027, 6, 5), None, subject="deadline")
    [weekend] = [f for f in findings if f.code == "deadline-weekend"]
    assert weekend.severity == SEVERITY_INFO
    assert weekend.suggestion == "Move the deadline to Jun 4, 2027, the last working day before it."


def test_quiet_window_has_no_findings() -> None:
    assert timing_findings(cal("DE"), date(2027, 6, 8), date(2027, 6, 10)) == []


def test_no_start_no_findings_and_reversed_window_refused() -> None:
    calendar = cal("DE")
    assert timing_findings(calendar, None, date(2027, 6, 10)) == []
    with pytest.raises(ValueError):
        timing_findings(calendar, date(2027, 6, 10), date(2027, 6, 1))
    with pytest.raises(ValueError):
        timing_findings(calendar, date(2027, 6, 10), None, subject="party")


def test_dates_in_messages_follow_the_language() -> None:
    finding = find(
        timing_findings(cal("DE", "de"), date(2027, 11, 10), date(2027, 11, 20)), "volkstrauertag"
    )
    assert "14.11.2027" in finding.message


def test_messages_are_translatable(monkeypatch: pytest.MonkeyPatch) -> None:
    import culturepanel.calendar.findings as findings_module

    monkeypatch.setattr(findings_module, "_", lambda text: f"«{text}»")
    try:
        [weekend] = [
            f for f in timing_findings(cal("SA"), date(2027, 6, 4), None) if f.code == "weekend"
        ]
        assert weekend.suggestion == "«Start on Jun 6, 2027, the next working day.»"
    finally:
        set_language("en")


def test_a_long_holiday_of_many_named_days_is_one_finding() -> None:
    findings = timing_findings(cal("VN"), date(2027, 1, 28), date(2027, 2, 15))
    holidays = [f for f in findings if f.entry is not None and f.entry.kind == "holiday"]
    [run] = [f for f in holidays if f.entry is not None and f.entry.category == "public"]
    assert (run.start, run.end) == (date(2027, 2, 4), date(2027, 2, 10))
    assert run.severity == SEVERITY_CONFLICT
    assert "Lunar New Year's Eve" in run.message and "Fifth Day of Lunar New Year" in run.message
    assert run.reason.startswith("A run of 7 days off in Vietnam")
    assert "Move the start to Feb 11, 2027, after these holidays." in run.suggestion
    tet = find(findings, "tet")
    assert (tet.start, tet.end) == (date(2027, 1, 30), date(2027, 2, 13))


def test_deadline_just_after_a_long_holiday() -> None:
    findings = timing_findings(cal("CN"), date(2027, 10, 8), None, subject="deadline")
    margins = [f for f in findings if f.code == "deadline-margin"]
    assert {f.severity for f in margins} == {SEVERITY_INFO}
    golden = find(margins, "national-day-golden-week")
    assert "shortly before the deadline (Oct 8, 2027)" in golden.message
    assert golden.suggestion == "Move the deadline to Oct 11, 2027 or later."

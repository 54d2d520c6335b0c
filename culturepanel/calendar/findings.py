"""Timing findings: what a launch window or a deadline meets in the market's calendar.

For a launch window: every entry it overlaps (severity from the entry's sensitivity:
high → conflict, medium → caution, low → info), every medium or high entry that ends
within ``margin_days`` before the start (one level lower), and a start on the local
weekend (caution; info when only one source counts that day as weekend).

For a deadline (``subject="deadline"``, ``start`` the deadline): a public holiday or
holiday period on that day is a caution (panelists may be away), another medium or
high observance an info, a long holiday ending just before it an info, a weekend day
an info. Every finding carries the dates, the reason and a concrete suggestion.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from culturepanel.calendar.formatting import fmt_span, name_list, weekday_list, weekday_name
from culturepanel.calendar.model import (
    DAY_OFF_CATEGORIES,
    KIND_HOLIDAY,
    SENSITIVITIES,
    SENSITIVITY_HIGH,
    SENSITIVITY_LOW,
    SEVERITIES,
    SEVERITY_CAUTION,
    SEVERITY_FOR_SENSITIVITY,
    SEVERITY_INFO,
    SUBJECT_DEADLINE,
    SUBJECT_LAUNCH,
    SUBJECTS,
    CalendarEntry,
    MarketCalendar,
    TimingFinding,
)
from culturepanel.calendar.wording import FindingContext
from culturepanel.i18n import _, ngettext

_DAY = timedelta(days=1)


def timing_findings(
    calendar: MarketCalendar,
    start: date | None,
    end: date | None,
    margin_days: int = 3,
    subject: str = SUBJECT_LAUNCH,
    language: str | None = None,
) -> list[TimingFinding]:
    """Findings for a launch window ``start`` … ``end`` (or a deadline on ``start``).

    No ``start``: no findings. No ``end``: a one-day window. ``language`` formats
    dates and weekday names (default: the calendar's). Sorted by severity, most severe
    first, then by date. Only the calendar's entries are considered: build it to cover
    the window plus ``margin_days`` before it and a few weeks after (for suggestions).
    """
    if subject not in SUBJECTS:
        raise ValueError(
            _("The subject must be one of {choices}, not {subject}.").format(
                choices=", ".join(SUBJECTS), subject=repr(subject)
            )
        )
    if margin_days < 0:
        raise ValueError(_("The margin must not be negative."))
    if start is None:
        return []
    end = start if end is None or subject == SUBJECT_DEADLINE else end
    if end < start:
        raise ValueError(
            _("The window ends ({end}) before it starts ({start}).").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    ctx = FindingContext(calendar, language or calendar.language, margin_days)
    findings = _deadline(ctx, start) if subject == SUBJECT_DEADLINE else _launch(ctx, start, end)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (-rank[f.severity], f.start, f.code, f.message))
    return findings


def _severity(entry: CalendarEntry) -> str:
    return SEVERITY_FOR_SENSITIVITY[entry.sensitivity or SENSITIVITY_LOW]


def _lower(severity: str) -> str:
    return SEVERITIES[max(0, SEVERITIES.index(severity) - 1)]


def _launch(ctx: FindingContext, start: date, end: date) -> list[TimingFinding]:
    findings = []
    for entry, members in _with_runs(ctx):
        if entry.overlaps(start, end):
            findings.append(_overlap(ctx, entry, start, end, members))
        elif (
            start - timedelta(days=ctx.margin) <= entry.end < start
            and entry.sensitivity != SENSITIVITY_LOW
        ):
            findings.append(_margin(ctx, entry, start, members))
    weekend = _launch_weekend(ctx, start)
    if weekend is not None:
        findings.append(weekend)
    return findings


def _with_runs(ctx: FindingContext) -> list[tuple[CalendarEntry, int]]:
    """The calendar's entries, with each run of adjacent public holidays merged into one.

    A long holiday made of differently named days (New Year's Eve, New Year, its second
    day, a substitute day…) is one finding, not one per day: the merged entry spans the
    run, names every holiday in it, and keeps the first one's id. Returns ``(entry,
    number of holidays merged)``.
    """
    result: list[tuple[CalendarEntry, int]] = []
    run: list[CalendarEntry] = []
    for entry in ctx.cal.entries:
        if entry.kind == KIND_HOLIDAY and entry.category in DAY_OFF_CATEGORIES:
            if run and not _adjacent(ctx, max(e.end for e in run), entry.start):
                result.append(_merged(ctx, run))
                run = []
            run.append(entry)
        else:
            result.append((entry, 1))
    if run:
        result.append(_merged(ctx, run))
    return result


def _adjacent(ctx: FindingContext, end: date, start: date) -> bool:
    day = end + _DAY
    while day < start:
        if not ctx.cal.is_day_off(day):
            return False
        day += _DAY
    return True


def _merged(ctx: FindingContext, run: list[CalendarEntry]) -> tuple[CalendarEntry, int]:
    if len(run) == 1:
        return run[0], 1
    levels = [e.sensitivity or SENSITIVITY_LOW for e in run]
    first = run[0]
    merged = replace(
        first,
        start=min(e.start for e in run),
        end=max(e.end for e in run),
        name=name_list([e.name for e in run], ctx.lang),
        estimated=any(e.estimated for e in run),
        sensitivity=max(levels, key=SENSITIVITIES.index),
    )
    return merged, len(run)


def _overlap(
    ctx: FindingContext, entry: CalendarEntry, start: date, end: date, members: int = 1
) -> TimingFinding:
    name = entry.name
    buffer = 2 if entry.estimated else 1
    after = ctx.next_working_day(entry.end + timedelta(days=buffer))
    if start == end:
        message = (
            _("The launch on {date} falls on {name} ({dates}).")
            if entry.start == entry.end
            else _("The launch on {date} falls during {name} ({dates}).")
        ).format(date=ctx.date(start), name=name, dates=ctx.span(entry))
    else:
        message = _("The launch window {window} overlaps {name} ({dates}).").format(
            window=fmt_span(start, end, ctx.lang), name=name, dates=ctx.span(entry)
        )
    parts = []
    if entry.category in ("remembrance", "political"):
        parts.append(
            _("Keep launch activity and celebratory or humorous tone away from {name}.").format(
                name=name
            )
        )
    elif entry.category == "commercial":
        parts.append(
            _(
                "Expect heavy promotional clutter around {name}: launch after it, or build "
                "the offer around it."
            ).format(name=name)
        )
    elif entry.category == "religious" and entry.sensitivity == SENSITIVITY_HIGH:
        parts.append(
            _("If the launch stays, check that copy, imagery and timing suit {name}.").format(
                name=name
            )
        )
    parts.append(
        (
            _("Move the start to {date}, after {name}.")
            if members == 1
            else _("Move the start to {date}, after these holidays.")
        ).format(date=ctx.date(after), name=name)
    )
    before = entry.start - timedelta(days=buffer)
    if entry.start > start and before >= start:
        parts.append(
            (
                _("Or end the launch window by {date}, before {name} begins.")
                if members == 1
                else _("Or end the launch window by {date}, before these holidays begin.")
            ).format(date=ctx.date(before), name=name)
        )
    return TimingFinding(
        severity=_severity(entry),
        entry=entry,
        message=message,
        reason=ctx.reason(entry, members),
        suggestion=" ".join(parts),
        subject=SUBJECT_LAUNCH,
        code="overlap",
        start=entry.start,
        end=entry.end,
    )


def _margin(
    ctx: FindingContext, entry: CalendarEntry, start: date, members: int = 1
) -> TimingFinding:
    gap = (start - entry.end).days - 1
    if gap == 0:
        message = _("{name} ({dates}) ends the day before the launch starts on {date}.")
    else:
        message = ngettext(
            "{name} ({dates}) ends {days} day before the launch starts on {date}.",
            "{name} ({dates}) ends {days} days before the launch starts on {date}.",
            gap,
        )
    after = ctx.next_working_day(entry.end + timedelta(days=ctx.margin + 1))
    return TimingFinding(
        severity=_lower(_severity(entry)),
        entry=entry,
        message=message.format(
            name=entry.name, dates=ctx.span(entry), days=gap, date=ctx.date(start)
        ),
        reason=ctx.reason(entry, members),
        suggestion=_(
            "Allow time for people to return from {name}: start on {date} or later."
        ).format(name=entry.name if members == 1 else _("these holidays"), date=ctx.date(after)),
        subject=SUBJECT_LAUNCH,
        code="margin",
        start=entry.start,
        end=entry.end,
    )


def _launch_weekend(ctx: FindingContext, start: date) -> TimingFinding | None:
    cal, weekday = ctx.cal, start.isoweekday()
    day_name = weekday_name(weekday, ctx.lang)
    if weekday in cal.weekend:
        after = ctx.next_working_day(start)
        return TimingFinding(
            severity=SEVERITY_CAUTION,
            entry=None,
            message=_(
                "The launch starts on {date}, a {weekday}, which is part of the local "
                "weekend ({weekend})."
            ).format(
                date=ctx.date(start),
                weekday=day_name,
                weekend=weekday_list(cal.weekend, ctx.lang),
            ),
            reason=_(
                "Launch-day attention, press coverage and support staffing are lower at "
                "the weekend in {market}."
            ).format(market=ctx.market),
            suggestion=_("Start on {date}, the next working day.").format(date=ctx.date(after)),
            subject=SUBJECT_LAUNCH,
            code="weekend",
            start=start,
            end=start,
        )
    if cal.holiday_weekend and weekday in cal.holiday_weekend:
        return TimingFinding(
            severity=SEVERITY_INFO,
            entry=None,
            message=_(
                "The launch starts on {date}, a {weekday}: a working day by CLDR but a "
                "weekend day in the holiday data for {market}."
            ).format(date=ctx.date(start), weekday=day_name, market=ctx.market),
            reason=_(
                "Sources differ on the weekend in {market} (CLDR: {cldr}; holiday data: "
                "{package}); many people may not work that day."
            ).format(
                market=ctx.market,
                cldr=weekday_list(cal.weekend, ctx.lang),
                package=weekday_list(cal.holiday_weekend, ctx.lang),
            ),
            suggestion=_(
                "Ask the panel whether {weekday} is a working day for the audience."
            ).format(weekday=day_name),
            subject=SUBJECT_LAUNCH,
            code="weekend-disputed",
            start=start,
            end=start,
        )
    return None


def _away_period(entry: CalendarEntry) -> bool:
    """True for entries during which many people are off work."""
    if entry.kind == KIND_HOLIDAY:
        return entry.category in DAY_OFF_CATEGORIES
    return entry.category == "holiday-period"


def _deadline(ctx: FindingContext, day: date) -> list[TimingFinding]:
    findings = []
    for entry, members in _with_runs(ctx):
        if entry.covers(day) and _away_period(entry):
            before = ctx.previous_working_day(entry.start - _DAY)
            after = ctx.next_working_day(entry.end + _DAY)
            findings.append(
                _deadline_finding(
                    ctx,
                    entry,
                    SEVERITY_CAUTION,
                    "deadline-holiday",
                    _(
                        "The deadline ({date}) falls during {name} ({dates}): "
                        "panelists may be away."
                    ),
                    _("Move the deadline to {before} or to {after}.").format(
                        before=ctx.date(before), after=ctx.date(after)
                    ),
                    day,
                    members,
                )
            )
        elif entry.covers(day) and entry.sensitivity != SENSITIVITY_LOW:
            findings.append(
                _deadline_finding(
                    ctx,
                    entry,
                    SEVERITY_INFO,
                    "deadline-observance",
                    _("The deadline ({date}) falls during {name} ({dates})."),
                    _("Allow panelists extra time: their availability may be reduced."),
                    day,
                    members,
                )
            )
        elif (
            day - timedelta(days=ctx.margin) <= entry.end < day
            and _away_period(entry)
            and entry.sensitivity == SENSITIVITY_HIGH
        ):
            after = ctx.next_working_day(entry.end + timedelta(days=ctx.margin + 1))
            findings.append(
                _deadline_finding(
                    ctx,
                    entry,
                    SEVERITY_INFO,
                    "deadline-margin",
                    _(
                        "Panelists return from {name} ({dates}) shortly before the "
                        "deadline ({date})."
                    ),
                    _("Move the deadline to {date} or later.").format(date=ctx.date(after)),
                    day,
                    members,
                )
            )
    if day.isoweekday() in ctx.cal.weekend:
        before = ctx.previous_working_day(day)
        findings.append(
            TimingFinding(
                severity=SEVERITY_INFO,
                entry=None,
                message=_(
                    "The deadline ({date}) falls on a {weekday}, part of the local weekend."
                ).format(date=ctx.date(day), weekday=weekday_name(day.isoweekday(), ctx.lang)),
                reason=_("Panelists are less likely to review at the weekend."),
                suggestion=_("Move the deadline to {date}, the last working day before it.").format(
                    date=ctx.date(before)
                ),
                subject=SUBJECT_DEADLINE,
                code="deadline-weekend",
                start=day,
                end=day,
            )
        )
    return findings


def _deadline_finding(
    ctx: FindingContext,
    entry: CalendarEntry,
    severity: str,
    code: str,
    message: str,
    suggestion: str,
    day: date,
    members: int = 1,
) -> TimingFinding:
    return TimingFinding(
        severity=severity,
        entry=entry,
        message=message.format(date=ctx.date(day), name=entry.name, dates=ctx.span(entry)),
        reason=ctx.reason(entry, members),
        suggestion=suggestion,
        subject=SUBJECT_DEADLINE,
        code=code,
        start=entry.start,
        end=entry.end,
    )

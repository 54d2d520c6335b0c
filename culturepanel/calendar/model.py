"""Values of the market calendar: entries, the calendar of one market, timing findings.

Everything here is a frozen dataclass so that a calendar can be cached, shared
between threads, compared after a round trip through a package file, and handed
to the UI as it is. Weekdays are ISO numbers throughout (1 = Monday … 7 = Sunday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from culturepanel.i18n import N_

#: What an entry is: a day off (or listed day) from the ``holidays`` package, or a
#: curated observance from ``resources/observances``.
KIND_HOLIDAY = "holiday"
KIND_OBSERVANCE = "observance"
KINDS = (KIND_HOLIDAY, KIND_OBSERVANCE)

#: How much an entry matters to a launch, as curated (observances) or derived (holidays).
SENSITIVITY_LOW = "low"
SENSITIVITY_MEDIUM = "medium"
SENSITIVITY_HIGH = "high"
SENSITIVITIES = (SENSITIVITY_LOW, SENSITIVITY_MEDIUM, SENSITIVITY_HIGH)

#: Severity of a timing finding, in increasing order.
SEVERITY_INFO = "info"
SEVERITY_CAUTION = "caution"
SEVERITY_CONFLICT = "conflict"
SEVERITIES = (SEVERITY_INFO, SEVERITY_CAUTION, SEVERITY_CONFLICT)

SEVERITY_FOR_SENSITIVITY = {
    SENSITIVITY_LOW: SEVERITY_INFO,
    SENSITIVITY_MEDIUM: SEVERITY_CAUTION,
    SENSITIVITY_HIGH: SEVERITY_CONFLICT,
}

#: What a finding is about.
SUBJECT_LAUNCH = "launch"
SUBJECT_DEADLINE = "deadline"
SUBJECTS = (SUBJECT_LAUNCH, SUBJECT_DEADLINE)

#: Categories of curated observances, with labels for display.
OBSERVANCE_CATEGORIES = {
    "religious": N_("religious"),
    "remembrance": N_("remembrance"),
    "political": N_("politically sensitive"),
    "national": N_("national"),
    "holiday-period": N_("holiday period"),
    "school": N_("school holidays"),
    "family": N_("family"),
    "commercial": N_("commercial"),
    "cultural": N_("cultural"),
}

#: Labels of the ``holidays`` package's categories (others are shown as they are).
HOLIDAY_CATEGORIES = {
    "public": N_("public holiday"),
    "optional": N_("optional holiday"),
    "unofficial": N_("unofficial"),
    "religious": N_("religious holiday"),
    "school": N_("school holidays"),
    "bank": N_("bank holiday"),
    "government": N_("government holiday"),
    "half_day": N_("half day"),
    "workday": N_("observed on a working day"),
    "armed_forces": N_("armed forces holiday"),
    "catholic": N_("Catholic holiday"),
    "islamic": N_("Islamic holiday"),
    "hebrew": N_("Jewish holiday"),
    "hindu": N_("Hindu holiday"),
    "armenian": N_("Armenian holiday"),
    "optional_women": N_("optional holiday (women)"),
}

#: Holiday categories where (almost) everyone has the day off.
DAY_OFF_CATEGORIES = frozenset({"public"})


@dataclass(frozen=True)
class CalendarEntry:
    """One holiday or observance, spanning ``start`` … ``end`` (both inclusive)."""

    start: date
    end: date
    name: str
    kind: str  # KIND_HOLIDAY or KIND_OBSERVANCE
    category: str
    estimated: bool
    reason: str | None
    source: str | None
    sensitivity: str | None
    id: str

    @property
    def days(self) -> int:
        """Number of days the entry spans."""
        return (self.end - self.start).days + 1

    def overlaps(self, start: date, end: date) -> bool:
        """True if the entry shares at least one day with ``start`` … ``end``."""
        return self.start <= end and start <= self.end

    def covers(self, day: date) -> bool:
        """True if ``day`` is one of the entry's days."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class MarketCalendar:
    """The calendar of one market for a date range, as shown beside a variant.

    ``weekend`` and ``first_day_of_week`` come from CLDR. ``holiday_weekend`` is
    the ``holidays`` package's weekend when it differs from CLDR's (else ``None``);
    ``notes`` then says so. Entries are every holiday and observance that overlaps
    ``start`` … ``end``, with their full spans, sorted by start date.
    """

    market: str
    country: str
    subdivision: str | None
    start: date
    end: date
    language: str
    weekend: tuple[int, ...]
    first_day_of_week: int
    notes: tuple[str, ...]
    entries: tuple[CalendarEntry, ...]
    observances_curated: bool
    holiday_weekend: tuple[int, ...] | None = None
    data_version: str = ""

    def holidays(self) -> tuple[CalendarEntry, ...]:
        """The entries from the ``holidays`` package."""
        return tuple(e for e in self.entries if e.kind == KIND_HOLIDAY)

    def observances(self) -> tuple[CalendarEntry, ...]:
        """The curated observances."""
        return tuple(e for e in self.entries if e.kind == KIND_OBSERVANCE)

    def is_weekend(self, day: date) -> bool:
        """True if ``day`` is a weekend day by CLDR."""
        return day.isoweekday() in self.weekend

    def is_day_off(self, day: date) -> bool:
        """True on a CLDR weekend day or a public holiday of the market."""
        if self.is_weekend(day):
            return True
        return any(
            e.kind == KIND_HOLIDAY and e.category in DAY_OFF_CATEGORIES and e.covers(day)
            for e in self.entries
        )


@dataclass(frozen=True)
class TimingFinding:
    """A timing issue of a launch window or deadline, with its reason and a remedy.

    ``start`` … ``end`` are the dates concerned (the entry's span, or the weekend
    day); ``code`` is a stable machine-readable kind: ``overlap``, ``margin``,
    ``weekend``, ``weekend-disputed``, ``deadline-holiday``, ``deadline-observance``,
    ``deadline-margin``, ``deadline-weekend``.
    """

    severity: str
    entry: CalendarEntry | None
    message: str
    reason: str
    suggestion: str
    subject: str
    code: str
    start: date
    end: date

"""The market calendar: holidays, observances and the local week, without Qt.

For a market (``JP``, ``DE-BY``, ``ja-JP``) and a date range, :func:`market_calendar`
gives the public holidays of the ``holidays`` package (every category it has for
the country, names in the panelist's language where it has them), the curated
observances of ``resources/observances/`` (with the reason each matters and its
source) and CLDR's weekend and first day of the week. :func:`timing_findings`
says what a launch window or a deadline meets in that calendar, with severity,
reason and a suggestion. :func:`calendar_to_json`, :func:`format_calendar_text`
and :func:`run_calendar_command` serve the CLI; :func:`calendar_to_rows` and
:func:`calendar_from_rows` let a review package carry a calendar offline.
"""

from culturepanel.calendar.builder import market_calendar
from culturepanel.calendar.command import run_calendar_command
from culturepanel.calendar.findings import timing_findings
from culturepanel.calendar.markets import MarketRef, UnknownMarketError, parse_market
from culturepanel.calendar.model import (
    KIND_HOLIDAY,
    KIND_OBSERVANCE,
    SENSITIVITIES,
    SEVERITIES,
    SEVERITY_CAUTION,
    SEVERITY_CONFLICT,
    SEVERITY_INFO,
    SUBJECT_DEADLINE,
    SUBJECT_LAUNCH,
    CalendarEntry,
    MarketCalendar,
    TimingFinding,
)
from culturepanel.calendar.observance_files import (
    ObservanceFileError,
    clear_cache,
    load_library,
)
from culturepanel.calendar.observances import ObservanceLibrary
from culturepanel.calendar.render import calendar_to_json, format_calendar_text
from culturepanel.calendar.serialize import calendar_from_rows, calendar_to_rows

__all__ = [
    "KIND_HOLIDAY",
    "KIND_OBSERVANCE",
    "SENSITIVITIES",
    "SEVERITIES",
    "SEVERITY_CAUTION",
    "SEVERITY_CONFLICT",
    "SEVERITY_INFO",
    "SUBJECT_DEADLINE",
    "SUBJECT_LAUNCH",
    "CalendarEntry",
    "MarketCalendar",
    "MarketRef",
    "ObservanceFileError",
    "ObservanceLibrary",
    "TimingFinding",
    "UnknownMarketError",
    "calendar_from_rows",
    "calendar_to_json",
    "calendar_to_rows",
    "clear_cache",
    "format_calendar_text",
    "load_library",
    "market_calendar",
    "parse_market",
    "run_calendar_command",
    "timing_findings",
]

"""``culturepanel calendar MARKET --from DATE --to DATE [--lang LANG] [--json]``.

The argparse wiring lives in :mod:`culturepanel.cli`; this is the whole command
behind it, so that the CLI stays one line and tests can call it directly.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TextIO

from culturepanel.calendar.builder import market_calendar
from culturepanel.calendar.formatting import is_known_language
from culturepanel.calendar.markets import UnknownMarketError
from culturepanel.calendar.observance_files import ObservanceFileError
from culturepanel.calendar.render import calendar_to_json, format_calendar_text
from culturepanel.i18n import N_, _

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

#: Help text for the subcommand; translate it with ``_(HELP)`` when building the parser.
HELP = N_(
    "Print the market's calendar for a date range: public holidays (names in the "
    "given language where the holiday data has them), curated observances with "
    "their reasons, and the local weekend. MARKET is a country (JP), a subdivision "
    "(DE-BY) or a locale (ja-JP)."
)


def run_calendar_command(
    market: str,
    date_from: date,
    date_to: date,
    language: str,
    as_json: bool,
    out: TextIO,
    err: TextIO | None = None,
) -> int:
    """Print the calendar of ``market`` to ``out``; return the exit status.

    Problems go to ``err`` (default ``sys.stderr``) prefixed with the command name:
    an unknown market, an unknown language or a reversed range exit with 2, broken
    observance data with 1.
    """
    err = err if err is not None else sys.stderr
    prefix = "culturepanel calendar: "
    if not is_known_language(language):
        err.write(
            prefix
            + _("unknown language '{language}': use a code such as en, ja, de or pt-BR.").format(
                language=language
            )
            + "\n"
        )
        return EXIT_USAGE
    try:
        calendar = market_calendar(market, date_from, date_to, language)
    except UnknownMarketError as exc:
        err.write(prefix + str(exc) + "\n")
        return EXIT_USAGE
    except ObservanceFileError as exc:
        err.write(prefix + _("the observance data is broken:") + "\n" + str(exc) + "\n")
        return EXIT_ERROR
    except ValueError as exc:
        err.write(prefix + str(exc) + "\n")
        return EXIT_USAGE
    if as_json:
        json.dump(calendar_to_json(calendar), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_calendar_text(calendar, language))
    return EXIT_OK

"""Check ``dates``: numeric dates that the market would read wrongly or could misread.

The order of day, month and year comes from the locale's short date pattern
in CLDR (``M/d/yy`` in en-US, ``dd.MM.yy`` in de, ``y/MM/dd`` in ja),
for the locale as sold in the variant's market. Dates with the year first
and four digits (``2027-03-04``) are unambiguous everywhere. Reported:

* a date that is impossible in the market's order (``12/25/2027`` where
  day comes first) — major: it was written for another market;
* a date copied from the source whose two readings differ (``03/04/2027``
  from an en-US source in an en-GB variant: 4 March there, 3 April here) —
  major;
* a date with both day and month 12 or less, in a separator the market
  does not use for dates (``03/04/2027`` in de-DE) — minor: ambiguous;
* a date with both day and month 12 or less, adapted from a source written
  for the other order, in the form that order uses (``05/10/2027`` in es-MX
  from an en-US source: 5 October here, 10 May to anyone who writes the month
  first, as the source's writers and tools do) — minor: ambiguous, write the
  month as a word. Dates the other order cannot read (``25/07/2027``), dates
  in the market's own distinct form (``05.10.2027`` in de-DE) and copy with
  no source are left alone.
"""

from __future__ import annotations

import re
from datetime import date

from culturepanel.checks.cldr import Conventions, conventions
from culturepanel.checks.model import CheckContext, CheckInput, Finding, resolve_market
from culturepanel.checks.registry import Check, register
from culturepanel.i18n import N_, _

DATE_RE = re.compile(
    r"(?<![0-9A-Za-z_./-])(?P<a>\d{1,4})(?P<sep>[./-])\s?(?P<b>\d{1,2})(?P=sep)\s?(?P<c>\d{2,4})"
    r"(?![0-9A-Za-z_/-]|[.]\d)"
)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numeric dates (so other checks leave them alone)."""
    return [m.span() for m in DATE_RE.finditer(text)]


def _key(m: re.Match[str]) -> tuple[int, int, int]:
    return int(m["a"]), int(m["b"]), int(m["c"])


def _valid(day: int, month: int, year: int) -> bool:
    try:
        date(year if year > 99 else 2000 + year, month, day)
    except ValueError:
        return False
    return True


def readings(a: int, b: int, c: int) -> dict[str, tuple[int, int, int] | None]:
    """The date ``a/b/c`` read day-first and month-first (``None`` if impossible)."""
    return {
        "DMY": (a, b, c) if _valid(a, b, c) else None,
        "MDY": (b, a, c) if _valid(b, a, c) else None,
    }


def _iso(d: tuple[int, int, int]) -> str:
    day, month, year = d
    return f"{year if year > 99 else 2000 + year:04d}-{month:02d}-{day:02d}"


@register(
    "dates",
    category="locale-conventions",
    severity="major",
    version=2,
    description=N_("Numeric dates follow the market's day-month order."),
)
def check_dates(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    conv = conventions(item.locale, resolve_market(item))
    if conv is None:
        return []
    src_conv = conventions(item.source_locale, None) if item.source_text else None
    src_dates = {_key(m) for m in DATE_RE.finditer(item.source_text or "")}
    out = []
    for m in DATE_RE.finditer(item.text):
        finding = _judge(m, conv, src_conv, _key(m) in src_dates, check)
        if finding:
            out.append(finding)
    return out


def _judge(
    m: re.Match[str], conv: Conventions, src_conv: Conventions | None, copied: bool, check: Check
) -> Finding | None:
    a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
    if len(m["a"]) == 4:
        return None  # year first: read the same everywhere
    if len(m["c"]) not in (2, 4):
        return None
    read = readings(a, b, c)
    order = "MDY" if conv.date_order == "MDY" else "DMY"
    other = "DMY" if order == "MDY" else "MDY"
    data = {"date": m.group(), "market_order": conv.date_order}
    here, there = read[order], read[other]
    if conv.date_order == "YMD":
        if read["DMY"] and read["MDY"] and a != b:
            return _ambiguous(m, conv, data, check)
        return None
    if here is None and there is not None:
        return check.finding(
            _("'{date}' is written month first; this market puts the day first.").format(
                date=m.group()
            )
            if order == "DMY"
            else _("'{date}' is written day first; this market puts the month first.").format(
                date=m.group()
            ),
            _("Read in the market's order it is not a date; meant is {iso}.").format(
                iso=_iso(there)
            ),
            m.span(),
            data={**data, "meant": _iso(there)},
        )
    if here is None or there is None or a == b:
        return None
    src_order = None
    if src_conv is not None and src_conv.date_order != conv.date_order:
        src_order = "MDY" if src_conv.date_order == "MDY" else "DMY"
        if src_order != order and copied:
            return check.finding(
                _("'{date}' is copied from the source but means another day here.").format(
                    date=m.group()
                ),
                _("In the source it is {meant}; in this market it reads {read}.").format(
                    meant=_iso(read[src_order] or there), read=_iso(here)
                ),
                m.span(),
                data={**data, "meant": _iso(read[src_order] or there), "read": _iso(here)},
            )
    if m["sep"] != conv.date_separator and m["sep"] in "/-":
        return _ambiguous(m, conv, data, check)
    if (
        src_conv is not None
        and src_order not in (None, order)
        and m["sep"] in "/-"
        and m["sep"] == src_conv.date_separator
    ):
        return _ambiguous_for_source(m, data, here, there, src_order, check)
    return None


def _ambiguous_for_source(
    m: re.Match[str],
    data: dict[str, str],
    here: tuple[int, int, int],
    there: tuple[int, int, int],
    src_order: str,
    check: Check,
) -> Finding:
    if src_order == "MDY":
        reason = _(
            "Here it reads {read}; the source copy comes from a market that writes the month "
            "first, and read that way it is {other}. Check which day is meant and write the "
            "month as a word."
        )
    else:
        reason = _(
            "Here it reads {read}; the source copy comes from a market that writes the day "
            "first, and read that way it is {other}. Check which day is meant and write the "
            "month as a word."
        )
    return check.finding(
        _("'{date}' can be read as two different days.").format(date=m.group()),
        reason.format(read=_iso(here), other=_iso(there)),
        m.span(),
        severity="minor",
        data={**data, "issue": "ambiguous", "read": _iso(here), "other": _iso(there)},
    )


def _ambiguous(m: re.Match[str], conv: Conventions, data: dict[str, str], check: Check) -> Finding:
    return check.finding(
        _("'{date}' can be read as two different days.").format(date=m.group()),
        _(
            "Day and month are both 12 or less and the form is not this market's own; "
            "write the month as a word or use the market's format."
        ),
        m.span(),
        severity="minor",
        data={**data, "issue": "ambiguous"},
    )

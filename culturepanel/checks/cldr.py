"""What CLDR (through Babel) says about a variant's locale and market.

Number symbols, percent and currency patterns, the market's currencies and
the order of day, month and year in a short date, for the locale of a
variant combined with its market (``en`` sold in ``GB`` reads dates as
``dd/MM/y``). Results are cached per (locale, market).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format
from babel.numbers import get_decimal_symbol, get_group_symbol, get_territory_currencies

from culturepanel.locales import parse_locale

_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e]")
SPACE_LIKE = frozenset(" \u00a0\u202f\u2009")
APOSTROPHES = frozenset("'’")


@dataclass(frozen=True)
class Conventions:
    """Conventions of one locale in one market."""

    locale: str  # Babel identifier actually used, e.g. "de_CH"
    decimal: str
    group: str
    percent_prefix: bool  # "%20" (tr) rather than "20 %"
    currency_prefix: bool  # "€ 10" rather than "10 €"
    currencies: frozenset[str]  # tender currencies of the market today
    date_order: str  # "DMY", "MDY" or "YMD"
    date_separator: str
    grouping2: bool  # Indian grouping: 1,00,000

    def same_group(self, sep: str) -> bool:
        """True if ``sep`` is the locale's group separator or an accepted variant of it."""
        for family in (SPACE_LIKE, APOSTROPHES):
            if self.group in family and sep in family:
                return True
        return sep == self.group


def _babel_locale(tag: str, market: str | None) -> Locale | None:
    try:
        info = parse_locale(tag)
    except ValueError:
        return None
    country = (market or "").split("-")[0] or None
    candidates = []
    if country and not country.isdigit():
        if info.script:
            candidates.append(f"{info.language}_{info.script}_{country}")
        candidates.append(f"{info.language}_{country}")
    candidates.append(info.tag.replace("-", "_"))
    for ident in candidates:
        try:
            return Locale.parse(ident)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def _order(pattern: str) -> str:
    seen = []
    for ch in pattern:
        key = {"d": "D", "M": "M", "L": "M", "y": "Y"}.get(ch)
        if key and key not in seen:
            seen.append(key)
    return "".join(seen) if len(seen) == 3 else "DMY"


def _separator(pattern: str) -> str:
    m = re.search(r"[dMLy]+\s*([^\w\s])", _BIDI.sub("", pattern))
    return m.group(1) if m else "/"


@lru_cache(maxsize=512)
def conventions(tag: str, market: str | None) -> Conventions | None:
    """The conventions for ``tag`` sold in ``market``; ``None`` for an unknown locale."""
    loc = _babel_locale(tag, market)
    if loc is None:
        return None
    country = (market or "").split("-")[0] or loc.territory or ""
    try:
        currencies = frozenset(get_territory_currencies(country, date.today(), tender=True))
    except Exception:  # Babel raises for codes it has no data for
        currencies = frozenset()
    percent = _BIDI.sub("", loc.percent_formats[None].pattern.split(";")[0]).strip()
    money = _BIDI.sub("", loc.currency_formats["standard"].pattern.split(";")[0]).strip()
    short = get_date_format("short", loc).pattern
    return Conventions(
        locale=str(loc),
        decimal=get_decimal_symbol(loc),
        group=get_group_symbol(loc),
        percent_prefix=percent.startswith("%"),
        currency_prefix=money.startswith("¤"),
        currencies=currencies,
        date_order=_order(short),
        date_separator=_separator(short),
        grouping2=",##," in loc.decimal_formats[None].pattern,
    )

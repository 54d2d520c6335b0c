"""Locale codes: validation through Babel's CLDR data, and the market each one implies.

A campaign file names locales as people write them (``de``, ``fr-FR``,
``pt_BR``, ``zh-Hant-TW``, ``es-419``). :func:`parse_locale` validates such a
code and gives its canonical BCP 47 tag, its language, script and territory,
its text direction, and the market it stands for, with how that market was
found so the user can see what was assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from culturepanel.i18n import _

#: How a market was determined, as stored in files and shown by ``info``.
MARKET_FROM_LOCALE = "locale"
MARKET_FROM_COLUMN = "column"
MARKET_FROM_LIKELY = "likely"

_CODE_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
_MARKET_RE = re.compile(r"^([A-Za-z]{2}|\d{3})(-[A-Za-z0-9]{1,3})?$")


@dataclass(frozen=True)
class LocaleInfo:
    """What a locale code means."""

    code: str  # as written by the user
    tag: str  # canonical BCP 47, e.g. "pt-BR", "zh-Hant-TW"
    language: str  # e.g. "pt"
    script: str | None  # explicit or likely script, e.g. "Latn", "Hant"
    territory: str | None  # as given in the code, e.g. "BR", "419"
    likely_territory: str  # Babel's likely territory for the language
    rtl: bool

    @property
    def market(self) -> str:
        """The territory, or the likely one for a bare language."""
        return self.territory or self.likely_territory

    @property
    def market_source(self) -> str:
        return MARKET_FROM_LOCALE if self.territory else MARKET_FROM_LIKELY

    def babel(self) -> Locale:
        return Locale.parse(self.tag, sep="-")


def looks_like_locale(text: str) -> bool:
    """True if ``text`` is shaped like a locale code and Babel knows it (for wide headers)."""
    try:
        parse_locale(text)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=1024)
def parse_locale(code: str) -> LocaleInfo:
    """Validate ``code`` and describe it; raise ``ValueError`` with a reason if unknown."""
    raw = code.strip()
    if not raw or not _CODE_RE.match(raw):
        raise ValueError(_("'{code}' is not a locale code").format(code=code))
    try:
        loc = Locale.parse(raw.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(_("unknown locale '{code}'").format(code=code)) from exc
    likely = get_global("likely_subtags")
    full = likely.get(loc.language, "")
    parts = full.split("_")
    likely_script = parts[1] if len(parts) > 2 else None
    likely_territory = parts[-1] if len(parts) > 1 else ""
    if loc.language == "zh" and loc.territory in ("TW", "HK", "MO") and not loc.script:
        likely_script = "Hant"
    tag = "-".join(p for p in (loc.language, loc.script, loc.territory) if p)
    return LocaleInfo(
        code=raw,
        tag=tag,
        language=loc.language,
        script=loc.script or likely_script,
        territory=loc.territory,
        likely_territory=likely_territory,
        rtl=loc.text_direction == "rtl",
    )


def normalize_market(value: str) -> str:
    """Canonical market code: ``de-by`` → ``DE-BY``; raise ``ValueError`` if malformed.

    A market is a CLDR territory (``DE``, ``419``), optionally with an ISO 3166-2
    subdivision (``DE-BY``, ``ES-CT``).
    """
    text = value.strip().replace("_", "-").upper()
    if not _MARKET_RE.match(text):
        raise ValueError(_("'{value}' is not a market code").format(value=value))
    country = text.split("-")[0]
    if country not in get_global("territory_aliases") and country not in _territories():
        raise ValueError(_("unknown market '{value}'").format(value=value))
    return text


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(Locale("en").territories)


def market_country(market: str) -> str:
    """The country part of a market code: ``DE-BY`` → ``DE``."""
    return market.split("-")[0]


def display_locale(tag: str, ui_language: str = "en") -> str:
    """The locale's name in the UI language, e.g. ``pt-BR`` → ``Portuguese (Brazil)``."""
    try:
        return Locale.parse(tag, sep="-").get_display_name(ui_language) or tag
    except (UnknownLocaleError, ValueError):
        return tag


def display_market(market: str, ui_language: str = "en") -> str:
    """The market's country (and subdivision code) in the UI language."""
    country, _sep, sub = market.partition("-")
    try:
        name = Locale.parse(ui_language).territories.get(country, country)
    except (UnknownLocaleError, ValueError):
        name = country
    return f"{name} ({sub})" if sub else name

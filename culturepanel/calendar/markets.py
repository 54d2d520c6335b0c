"""Which market a calendar is for: ``JP``, ``DE-BY``, ``ja-JP`` or ``de-DE-BY``.

A market is a country (ISO 3166-1 alpha-2, as CLDR knows it) and optionally a
subdivision (the ISO 3166-2 suffix the ``holidays`` package uses, ``BY`` for
Bavaria). It may be written as a market code or as a locale whose territory is
the country, optionally followed by a subdivision. Case decides the reading of
an ambiguous code: ``DE-BY`` is Bavaria, ``de-BY`` would be German in Belarus
(which CLDR does not know, so it is read as Bavaria too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel.core import get_global

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.locales import parse_locale

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_SUBDIVISION_RE = re.compile(r"^[A-Z0-9]{1,3}$")


class UnknownMarketError(CulturePanelError, ValueError):
    """The text is not a market the calendar can show; the message says what is accepted."""


@dataclass(frozen=True)
class MarketRef:
    """A parsed market: ``code`` is canonical (``DE-BY``, ``JP``)."""

    code: str
    country: str
    subdivision: str | None
    language: str | None = None  # the language of a locale form, e.g. "ja"
    assumed: bool = False  # True when the country was inferred from a bare language

    def __str__(self) -> str:
        return self.code


def accepted_forms() -> str:
    """A sentence listing the accepted market forms, for error messages and help."""
    return _(
        "Use a country code (JP), a country with a subdivision (DE-BY, ES-CT), "
        "or a locale (ja-JP, de-DE-BY)."
    )


def parse_market(text: str) -> MarketRef:
    """Parse ``text`` into a market; raise :class:`UnknownMarketError` naming it if invalid."""
    raw = (text or "").strip()
    parts = [p for p in re.split(r"[-_]", raw)]
    if not raw or any(not p for p in parts):
        raise _error(text, _("it is empty or malformed"))
    attempts = (_as_locale, _as_code) if parts[0].islower() else (_as_code, _as_locale)
    problem: str | None = None
    for attempt in attempts:
        result = attempt(raw, parts)
        if isinstance(result, MarketRef):
            return _checked_subdivision(text, result)
        problem = problem or result
    raise _error(text, problem or _("it is not a known country or locale"))


def _as_code(raw: str, parts: list[str]) -> MarketRef | str | None:
    if len(parts) > 2:
        return None
    country = parts[0].upper()
    if not _COUNTRY_RE.match(country):
        return None
    country = canonical_country(country)
    if country is None:
        return _("'{code}' is not a country code CLDR knows").format(code=parts[0].upper())
    sub = parts[1].upper() if len(parts) == 2 else None
    if sub is not None and not _SUBDIVISION_RE.match(sub):
        return None
    return MarketRef(code=_code(country, sub), country=country, subdivision=sub)


def _as_locale(raw: str, parts: list[str]) -> MarketRef | str | None:
    candidates = [("-".join(parts), None)]
    if len(parts) >= 3:
        candidates.append(("-".join(parts[:-1]), parts[-1].upper()))
    for code, sub in candidates:
        try:
            info = parse_locale(code)
        except ValueError:
            continue
        if sub is not None and (info.territory is None or not _SUBDIVISION_RE.match(sub)):
            continue
        territory = info.territory or info.likely_territory
        country = canonical_country(territory) if _COUNTRY_RE.match(territory) else None
        if country is None:
            return _("the locale '{code}' names no single country ({territory})").format(
                code=code, territory=territory
            )
        return MarketRef(
            code=_code(country, sub),
            country=country,
            subdivision=sub,
            language=info.language,
            assumed=info.territory is None,
        )
    return None


def _checked_subdivision(text: str, ref: MarketRef) -> MarketRef:
    if ref.subdivision is None:
        return ref
    from culturepanel.calendar.public_holidays import known_subdivisions

    known = known_subdivisions(ref.country)
    if known is None:
        raise _error(
            text,
            _("subdivisions of {country} are not known to the holiday data").format(
                country=ref.country
            ),
        )
    if ref.subdivision not in known:
        raise _error(
            text,
            _("'{sub}' is not a subdivision of {country} (known: {known})").format(
                sub=ref.subdivision, country=ref.country, known=", ".join(sorted(known))
            ),
        )
    return ref


def _code(country: str, sub: str | None) -> str:
    return f"{country}-{sub}" if sub else country


@lru_cache(maxsize=512)
def canonical_country(code: str) -> str | None:
    """``GB`` for ``GB`` and for its alias ``UK``; ``None`` if CLDR knows no such country."""
    from babel import Locale

    if code in Locale("en").territories:
        return code
    aliases = get_global("territory_aliases").get(code)
    if aliases and len(aliases) == 1 and _COUNTRY_RE.match(aliases[0]):
        return aliases[0]
    return None


def _error(text: str, problem: str) -> UnknownMarketError:
    return UnknownMarketError(
        _("Unknown market '{market}': {problem}. {accepted}").format(
            market=text, problem=problem, accepted=accepted_forms()
        )
    )

"""Curated observances: TOML files in ``resources/observances/``, validated and cached.

A file is either a *market file* (``JP.toml``, top-level ``market = "JP"``: every
entry is for that market) or a *theme file* (``islamic.toml``: each entry lists its
``markets``). A file, and each ``[[observance]]`` in it, looks like this::

    title = "Japan"
    market = "JP"
    reviewed = 2025-06-01

    [[observance]]
    id = "golden-week"
    name = "Golden Week"
    names = { ja = "ゴールデンウィーク" }
    category = "holiday-period"          # see model.OBSERVANCE_CATEGORIES
    sensitivity = "medium"               # low | medium | high
    rule = { kind = "fixed", start = "04-29", end = "05-05" }
    reason = "Why it matters to marketing in this market, in one to three sentences."
    source = "https://… (a citable URL or publication)"

Theme entries add ``markets = ["SA", "AE", "DE-BY"]`` and may refine the level with
``sensitivity_by_market = { GB = "low" }``. A market file whose market is a country
marks that country's observances as curated. Files are read and validated by
:mod:`.observance_files`; any fault raises an error naming the file and the entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from culturepanel.calendar.model import (
    KIND_OBSERVANCE,
    CalendarEntry,
)
from culturepanel.calendar.rules import Rule


@dataclass(frozen=True)
class Observance:
    """One curated observance, validated."""

    file: str
    id: str
    name: str
    names: Mapping[str, str]
    markets: tuple[str, ...]
    category: str
    sensitivity: str
    sensitivity_by_market: Mapping[str, str]
    rule: Rule
    reason: str
    reasons: Mapping[str, str]
    source: str

    def applies_to(self, country: str, subdivision: str | None) -> bool:
        """True for a market of the entry's list (a country covers its subdivisions)."""
        return country in self.markets or (
            subdivision is not None and f"{country}-{subdivision}" in self.markets
        )

    def sensitivity_for(self, country: str, subdivision: str | None) -> str:
        """The level for this market: its ``sensitivity_by_market``, else the default."""
        if subdivision and f"{country}-{subdivision}" in self.sensitivity_by_market:
            return self.sensitivity_by_market[f"{country}-{subdivision}"]
        return self.sensitivity_by_market.get(country, self.sensitivity)

    def name_in(self, language: str) -> str:
        """The name in ``language`` when the file gives one, else the English name."""
        return localized(self.names, language) or self.name

    def reason_in(self, language: str) -> str:
        """The reason in ``language`` when the file gives one, else the English reason."""
        return localized(self.reasons, language) or self.reason


@dataclass(frozen=True)
class ObservanceFile:
    """One validated file."""

    name: str
    title: str
    market: str | None
    reviewed: date | None
    observances: tuple[Observance, ...]


@dataclass(frozen=True)
class ObservanceLibrary:
    """All observance files; ``digest`` identifies their content for provenance."""

    files: tuple[ObservanceFile, ...]
    digest: str

    def all(self) -> Iterable[Observance]:
        """Every observance of every file."""
        for f in self.files:
            yield from f.observances

    def for_market(self, country: str, subdivision: str | None) -> list[Observance]:
        """The observances that apply to the market."""
        return [o for o in self.all() if o.applies_to(country, subdivision)]

    def curated(self, country: str, subdivision: str | None) -> bool:
        """True if a market file covers the country (or exactly this subdivision)."""
        code = f"{country}-{subdivision}" if subdivision else None
        return any(f.market in (country, code) for f in self.files if f.market)

    def markets(self) -> frozenset[str]:
        """Every market some entry names."""
        return frozenset(m for o in self.all() for m in o.markets)

    def curated_markets(self) -> frozenset[str]:
        """The markets that have a market file."""
        return frozenset(f.market for f in self.files if f.market)


def localized(texts: Mapping[str, str], language: str) -> str | None:
    """Pick from texts keyed by language tag (``ja``, ``zh-Hant``, ``pt-BR``) for ``language``."""
    if not texts:
        return None
    by_key = {k.lower().replace("_", "-"): v for k, v in texts.items()}
    for candidate in _language_candidates(language):
        if candidate in by_key:
            return by_key[candidate]
    return None


def _language_candidates(language: str) -> list[str]:
    from culturepanel.locales import parse_locale

    tag = language.replace("_", "-")
    out = [tag.lower()]
    try:
        info = parse_locale(tag)
    except ValueError:
        return [*out, tag.split("-")[0].lower()]
    lang = info.language.lower()
    if info.script:
        out.append(f"{lang}-{info.script}".lower())
    if info.territory:
        out.append(f"{lang}-{info.territory}".lower())
    out.append(lang)
    return out


def observance_entries(
    library: ObservanceLibrary,
    country: str,
    subdivision: str | None,
    start: date,
    end: date,
    language: str,
) -> list[CalendarEntry]:
    """Calendar entries for every occurrence of the market's observances in the range."""
    entries = []
    for obs in library.for_market(country, subdivision):
        stem = obs.file.removesuffix(".toml")
        for occ in obs.rule.occurrences(start, end):
            entries.append(
                CalendarEntry(
                    start=occ.start,
                    end=occ.end,
                    name=obs.name_in(language),
                    kind=KIND_OBSERVANCE,
                    category=obs.category,
                    estimated=occ.estimated,
                    reason=obs.reason_in(language),
                    source=obs.source,
                    sensitivity=obs.sensitivity_for(country, subdivision),
                    id=f"{stem}/{obs.id}@{occ.start.isoformat()}",
                )
            )
    return entries

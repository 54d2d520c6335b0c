"""Values the checks engine takes and gives: inputs, context data and findings.

Everything here is plain data: a :class:`Finding` converts to and from a dict
of JSON types so that storage can keep it; :class:`CheckInput` is one variant
to check; :class:`CheckContext` carries what the campaign and the market add
(glossary, sensitive terms, channel limits).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from babel.core import get_global

from culturepanel.locales import parse_locale

Severity = Literal["info", "minor", "major", "critical"]
Category = Literal[
    "accuracy",
    "fluency",
    "terminology",
    "style",
    "locale-conventions",
    "audience-appropriateness",
    "design",
]

#: Severities from least to most serious.
SEVERITIES: tuple[str, ...] = ("info", "minor", "major", "critical")

#: MQM-style categories (MQM core typology; "design" stands for design and markup).
CATEGORIES: tuple[str, ...] = (
    "accuracy",
    "fluency",
    "terminology",
    "style",
    "locale-conventions",
    "audience-appropriateness",
    "design",
)


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed about a variant, with the reason why it matters.

    ``span`` is a pair of character offsets ``(start, end)`` into the variant
    text (``text[start:end]``), or ``None`` when the finding concerns the whole
    text or something absent from it (a lost placeholder). ``inconclusive``
    marks a finding that says the check could not decide (text too short).
    """

    check: str
    category: str
    severity: str
    message: str
    reason: str
    span: tuple[int, int] | None = None
    inconclusive: bool = False
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A dict of JSON types (the span becomes a list)."""
        return {
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "reason": self.reason,
            "span": list(self.span) if self.span is not None else None,
            "inconclusive": self.inconclusive,
            "data": dict(self.data),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Finding:
        """Inverse of :meth:`to_dict`."""
        span = raw.get("span")
        return cls(
            check=str(raw["check"]),
            category=str(raw["category"]),
            severity=str(raw["severity"]),
            message=str(raw["message"]),
            reason=str(raw.get("reason", "")),
            span=(int(span[0]), int(span[1])) if span is not None else None,
            inconclusive=bool(raw.get("inconclusive", False)),
            data=dict(raw.get("data") or {}),
        )


@dataclass(frozen=True)
class CheckInput:
    """One localized variant to check, beside its source copy."""

    key: str
    locale: str  # BCP 47 tag of the variant, e.g. "de-DE", "zh-Hant-TW"
    text: str
    source_text: str | None = None
    source_locale: str = "en"
    channel: str | None = None  # an id of resources/channel_limits.toml, e.g. "sms"
    market: str | None = None  # e.g. "DE", "DE-BY"; defaults to the locale's market


@dataclass(frozen=True)
class GlossaryTerm:
    """A campaign glossary entry.

    ``rule`` is ``"keep"`` (the term must appear unchanged, e.g. a brand or a
    product name) or ``"translate"`` (where the source has the term, the
    variant must use ``translation``). ``locale`` limits the entry to one
    locale or language (``"de"`` covers ``de-AT``); ``None`` means all.
    """

    term: str
    locale: str | None = None
    rule: Literal["keep", "translate"] = "keep"
    translation: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SensitiveTerm:
    """A term or emoji that a market's checklist marks sensitive.

    ``markets`` are market codes (``"SA"``, ``"DE-BY"``; a country code also
    covers its subdivisions) and ``locales`` language or locale tags (``"ar"``,
    ``"zh-Hant"``); an entry applies when it matches one of each that it lists
    (an empty tuple matches everything). ``ref`` is the checklist item id.
    """

    term: str
    reason: str
    severity: str = "major"
    ref: str = ""
    markets: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChannelLimit:
    """A length limit of a channel, from ``resources/channel_limits.toml``.

    ``counting`` says how length is measured: ``"chars"`` (user-perceived
    characters), ``"wide2"`` (East Asian wide characters count two, as in
    search ads), ``"x"`` (X/Twitter weighted count) or ``"sms"`` (GSM-7 or
    UCS-2 segments). ``kind`` is ``"hard"`` (the channel refuses or cuts) or
    ``"guideline"`` (display truncation that varies with devices).
    """

    id: str
    name: str
    counting: str = "chars"
    max_chars: int | None = None
    max_segments: int | None = None
    kind: str = "hard"
    source: str = ""


@dataclass(frozen=True)
class CheckContext:
    """Campaign and market data the checks use beside the variant itself.

    Lists given for ``glossary`` and ``sensitive_terms`` are kept as tuples.
    ``channel_limits`` ``None`` means the table shipped in ``resources/``.
    """

    glossary: Sequence[GlossaryTerm] = ()
    sensitive_terms: Sequence[SensitiveTerm] = ()
    channel_limits: Mapping[str, ChannelLimit] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "glossary", tuple(self.glossary))
        object.__setattr__(self, "sensitive_terms", tuple(self.sensitive_terms))

    def limits(self) -> Mapping[str, ChannelLimit]:
        """The channel limits in force: the given table or the shipped one."""
        if self.channel_limits is not None:
            return self.channel_limits
        from culturepanel.checks.length import load_channel_limits

        return load_channel_limits()

    def glossary_for(self, locale: str) -> tuple[GlossaryTerm, ...]:
        """Entries that apply to ``locale``."""
        return tuple(g for g in self.glossary if g.locale is None or tag_matches(g.locale, locale))


def tag_matches(pattern: str, tag: str) -> bool:
    """True if locale ``tag`` is ``pattern`` or more specific: ``de`` matches ``de-AT``."""
    p = pattern.replace("_", "-").lower()
    t = tag.replace("_", "-").lower()
    return t == p or t.startswith(p + "-")


def resolve_market(item: CheckInput) -> str | None:
    """The variant's market: as given, else the locale's territory, else the likely one.

    The likely territory takes the script into account (``zh-Hant`` → ``TW``).
    ``None`` for an unknown locale.
    """
    if item.market:
        return item.market.strip().replace("_", "-").upper()
    return _locale_market(item.locale)


@lru_cache(maxsize=512)
def _locale_market(tag: str) -> str | None:
    try:
        info = parse_locale(tag)
    except ValueError:
        return None
    if info.territory:
        return info.territory
    if info.script:
        likely = get_global("likely_subtags").get(f"{info.language}_{info.script}", "")
        parts = likely.split("_")
        if len(parts) == 3:
            return parts[2]
    return info.likely_territory or None

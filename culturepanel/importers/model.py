"""What every campaign-file reader produces: validated variant records and problems.

Readers (CSV, XLSX, JSON, XLIFF) turn a file into a :class:`ParsedFile`: one
:class:`ImportedVariant` per key and locale, each remembering where in the file
it came from, and the list of :class:`~culturepanel.errors.Problem` found. The
workspace applies a parsed file only when it has no problems (all or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from culturepanel.errors import Problem


@dataclass(frozen=True)
class ImportedVariant:
    """One localized variant of one campaign key, as read from a file."""

    key: str
    locale: str  # canonical BCP 47 tag (identity), e.g. "pt-BR"
    locale_label: str  # the code as written in the file, e.g. "pt_BR"
    market: str  # e.g. "BR", "DE-BY", "419"
    market_source: str  # culturepanel.locales.MARKET_FROM_*
    text: str
    source_text: str | None = None
    campaign: str | None = None
    channel: str | None = None
    launch_start: date | None = None
    launch_end: date | None = None
    asset: Path | None = None  # absolute path of the image, checked to exist
    notes: str | None = None
    origin: str = ""  # e.g. "row 12" or "unit 'hero.title'"


@dataclass
class ParsedFile:
    """The outcome of reading one campaign file."""

    path: Path
    format: str  # "csv", "xlsx", "json", "xliff"
    layout: str  # "long", "wide" or "xliff"
    variants: list[ImportedVariant] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source_locale: str | None = None  # from XLIFF srcLang, when known

    @property
    def ok(self) -> bool:
        return not self.problems

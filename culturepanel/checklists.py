"""Sensitivity checklists: global items, each market's own, and a campaign's additions.

Checklists are TOML files a person can review (see ``resources/checklists/README.md``):
``global.toml`` applies to every market, ``<CC>.toml`` (ISO 3166 country code) to one
market, and a campaign may add its own file with ``scope = "campaign"``.
:func:`load_checklist` merges them in that order; ids are unique across all files.
A review package stores the checklist that applied with :func:`to_rows` and rebuilds
it offline with :func:`from_rows`. Item content is data in English, with optional
``question_<lang>`` / ``why_<lang>`` translations; topic, severity and answer labels
are translatable strings of the app.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from culturepanel.checklist_format import (
    ANSWERS,
    FORMAT,
    SCOPE_CAMPAIGN,
    SCOPE_GLOBAL,
    SEVERITIES,
    TOPICS,
    ChecklistItem,
    ChecklistTerm,
    parse_item,
    read_checklist_file,
    valid_scope,
)
from culturepanel.errors import InputErrors, Problem
from culturepanel.i18n import _
from culturepanel.locales import market_country, normalize_market, parse_locale

__all__ = [
    "ANSWERS",
    "FORMAT",
    "SCOPE_CAMPAIGN",
    "SCOPE_GLOBAL",
    "SEVERITIES",
    "TOPICS",
    "Checklist",
    "ChecklistError",
    "ChecklistItem",
    "ChecklistTerm",
    "answer_label",
    "available_markets",
    "checklist_dir",
    "from_rows",
    "load_checklist",
    "severity_label",
    "to_rows",
    "topic_label",
    "validate_checklist_file",
]


class ChecklistError(InputErrors):
    """One or more checklist files (or package rows) have problems; nothing was loaded."""


def topic_label(topic: str) -> str:
    """The topic's label in the UI language (the id itself if unknown)."""
    return _(TOPICS[topic]) if topic in TOPICS else topic


def severity_label(severity: str) -> str:
    """The severity's label in the UI language (the id itself if unknown)."""
    return _(SEVERITIES[severity]) if severity in SEVERITIES else severity


def answer_label(answer: str) -> str:
    """The answer's label in the UI language (the id itself if unknown)."""
    return _(ANSWERS[answer]) if answer in ANSWERS else answer


@dataclass(frozen=True)
class Checklist:
    """The items that apply to one market, in order: global, market, campaign."""

    market: str
    items: tuple[ChecklistItem, ...]
    sources: tuple[str, ...]  # "checklists/JP.toml" for shipped files, else the path given
    curated: bool  # False when the market has no checklist file of its own

    def __iter__(self) -> Iterator[ChecklistItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def item(self, item_id: str) -> ChecklistItem:
        """The item with ``item_id``; ``KeyError`` if there is none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def for_variant(
        self, channel: str | None = None, language: str | None = None
    ) -> tuple[ChecklistItem, ...]:
        """The items that apply to a variant of this channel and language."""
        return tuple(i for i in self.items if i.applies_to(channel, language))

    def terms(
        self, channel: str | None = None, language: str | None = None
    ) -> list[tuple[ChecklistItem, ChecklistTerm]]:
        """Every sensitive term of the items that apply, with the item it belongs to."""
        return [(i, t) for i in self.for_variant(channel, language) for t in i.terms]


def checklist_dir() -> Traversable:
    """Folder holding ``global.toml`` and the market files."""
    try:
        base: Traversable = resources.files("culturepanel.resources")
    except ModuleNotFoundError:  # source checkout without an install
        base = Path(__file__).resolve().parent.parent / "resources"
    return base / "checklists"


def available_markets() -> list[str]:
    """Country codes with a curated checklist, sorted."""
    return sorted(
        entry.name[:-5]
        for entry in checklist_dir().iterdir()
        if entry.name.endswith(".toml") and entry.name[:-5] != SCOPE_GLOBAL
    )


def load_checklist(market: str, extra_files: Sequence[Path] = ()) -> Checklist:
    """The checklist for ``market`` (``JP``, ``DE-BY``…) plus campaign files.

    ``market`` is a market code, not a locale: ``ar`` would be Argentina, so
    lower-case codes that are also language codes are refused with a hint
    (use ``culturepanel.locales.parse_locale(code).market``). Raises ``ValueError``
    for a malformed market and :class:`ChecklistError` listing every problem found.
    """
    code = _market_arg(market)
    country = market_country(code)
    folder = checklist_dir()
    own = folder / f"{country}.toml"
    curated = own.is_file()
    files: list[tuple[Path | Traversable, bool]] = [(folder / f"{SCOPE_GLOBAL}.toml", False)]
    if curated:
        files.append((own, False))
    files.extend((Path(p), True) for p in extra_files)
    items: list[ChecklistItem] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, is_extra in files:
        name = str(path)
        scope, loaded, found = read_checklist_file(path)
        problems.extend(found)
        if is_extra and scope not in (None, SCOPE_CAMPAIGN):
            problems.append(
                Problem(
                    name,
                    _('a campaign\'s extra checklist must have scope = "campaign"'),
                    column="scope",
                )
            )
            continue
        for item in loaded:
            if item.id in seen:
                problems.append(
                    Problem(
                        name,
                        _("item id '{id}' is already used in {other}").format(
                            id=item.id, other=seen[item.id]
                        ),
                        row=_("item '{id}'").format(id=item.id),
                        column="id",
                    )
                )
                continue
            seen[item.id] = name
            if not item.markets or any(_market_match(code, m) for m in item.markets):
                items.append(item)
    if problems:
        raise ChecklistError(problems)
    sources = tuple(str(p) if extra else f"checklists/{p.name}" for p, extra in files)
    return Checklist(code, tuple(items), sources, curated)


def validate_checklist_file(path: Path | Traversable) -> list[Problem]:
    """Every problem in one checklist file (empty if it is fine)."""
    return read_checklist_file(path)[2]


def to_rows(checklist: Checklist) -> list[dict[str, Any]]:
    """The checklist's items as JSON-serializable dicts (file fields plus ``scope``)."""
    rows = []
    for item in checklist.items:
        row: dict[str, Any] = {
            "id": item.id,
            "scope": item.scope,
            "topic": item.topic,
            "question": item.question,
            "why": item.why,
            "severity": item.severity,
            "source": item.source,
            "terms": [
                {"term": t.term, "note": t.note} if t.note else {"term": t.term} for t in item.terms
            ],
            "applies_to_channels": list(item.channels),
            "languages": list(item.languages),
            "markets": list(item.markets),
        }
        row.update({f"question_{k}": v for k, v in item.question_l10n.items()})
        row.update({f"why_{k}": v for k, v in item.why_l10n.items()})
        rows.append(row)
    return rows


def from_rows(
    rows: Sequence[Mapping[str, Any]],
    market: str,
    sources: Sequence[str] = (),
    curated: bool = True,
    origin: str = "package",
) -> Checklist:
    """Rebuild a checklist stored with :func:`to_rows`; ``origin`` names it in problems."""
    items: list[ChecklistItem] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        data = dict(row)
        scope = data.pop("scope", None)
        if not valid_scope(scope):
            problems.append(
                Problem(origin, _("missing or invalid scope"), _("item #{n}").format(n=index))
            )
            continue
        if scope != SCOPE_CAMPAIGN:
            data.pop("markets", None)
        item, found = parse_item(data, index, str(scope), origin)
        problems.extend(found)
        if item and item.id in seen:
            row_name = _("item #{n}").format(n=index)
            message = _("duplicate item id '{id}'").format(id=item.id)
            problems.append(Problem(origin, message, row_name, "id"))
        elif item:
            seen.add(item.id)
            items.append(item)
    if problems:
        raise ChecklistError(problems)
    return Checklist(market, tuple(items), tuple(sources), curated)


# ---------------------------------------------------------------- internals


def _market_arg(market: str) -> str:
    text = market.strip()
    head = text.replace("_", "-").split("-")[0]
    if head.islower():
        try:
            parse_locale(head)
        except ValueError:
            pass
        else:
            try:
                suggestion = parse_locale(text).market
            except ValueError:
                suggestion = text.upper()
            raise ValueError(
                _(
                    "'{market}' looks like a locale code, not a market; markets are "
                    "country codes in capitals (the market of this locale is '{suggestion}')"
                ).format(market=market, suggestion=suggestion)
            )
    return normalize_market(text)


def _market_match(market: str, wanted: str) -> bool:
    return market == wanted or market_country(market) == wanted

"""The checklist file format: its fields, their validation, and the item they make.

A checklist file is TOML: a ``[checklist]`` header (``scope`` is ``global``, a
country code such as ``JP``, or ``campaign``) and ``[[item]]`` tables. Reading a
file never raises for its content: :func:`read_checklist_file` returns the items
it could build and a :class:`~culturepanel.errors.Problem` for every fault, each
naming the file, the item (number and id) and the field. ``resources/checklists/
README.md`` describes the format for the people who write the content.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from culturepanel.errors import Problem
from culturepanel.i18n import N_, _
from culturepanel.locales import normalize_market, parse_locale

#: Version of the file format; a file with a newer one is refused.
FORMAT = 1
SCOPE_GLOBAL = "global"
SCOPE_CAMPAIGN = "campaign"

#: Default severity of a concern raised on an item, with its label.
SEVERITIES: dict[str, str] = {
    "minor": N_("Minor"),
    "major": N_("Major"),
    "critical": N_("Critical"),
}

#: What a panelist answers for an item, with its label.
ANSWERS: dict[str, str] = {
    "pass": N_("Pass"),
    "concern": N_("Concern"),
    "na": N_("Not applicable"),
}

#: The topics an item may belong to, in display order, with their labels.
TOPICS: dict[str, str] = {
    "imagery": N_("Imagery"),
    "colors": N_("Colors"),
    "numbers": N_("Numbers and formats"),
    "gestures": N_("Gestures and body language"),
    "religion": N_("Religion"),
    "politics": N_("Politics and territory"),
    "history": N_("History and remembrance"),
    "humor_idioms": N_("Humor and idioms"),
    "forms_of_address": N_("Forms of address"),
    "language_register": N_("Language and register"),
    "claims_legal": N_("Claims and legal wording"),
    "regulated_products": N_("Regulated products"),
    "children": N_("Children"),
    "names_family": N_("Names and family"),
    "representation": N_("Representation"),
    "gender_roles": N_("Gender roles"),
    "body_dress": N_("Body and dress"),
    "food_drink": N_("Food and drink"),
    "animals": N_("Animals"),
    "holidays_timing": N_("Holidays and timing"),
    "data_privacy": N_("Data and privacy"),
    "accessibility": N_("Accessibility"),
}

_REQUIRED = ("id", "topic", "question", "why", "severity", "source")
_OPTIONAL = ("terms", "applies_to_channels", "languages", "markets")
_HEADER_KEYS = ("format", "scope", "title", "languages", "updated", "notes")
_ID_RE = re.compile(r"^[a-z0-9]+(\.[a-z0-9_]+)+$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_LINE_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_Report = Callable[..., None]  # (column, message, hint=None) -> None
_FIELD_HINT = N_("See resources/checklists/README.md for the fields an item may have.")


@dataclass(frozen=True)
class ChecklistTerm:
    """A literal term or emoji whose presence in a variant's text deserves a look."""

    term: str
    note: str | None = None


@dataclass(frozen=True)
class ChecklistItem:
    """One question a panelist answers pass / concern / not applicable."""

    id: str
    scope: str  # "global", a market code such as "JP", or "campaign"
    topic: str
    question: str
    why: str
    severity: str  # default severity of a concern
    source: str
    terms: tuple[ChecklistTerm, ...] = ()
    channels: tuple[str, ...] = ()  # empty: every channel
    languages: tuple[str, ...] = ()  # empty: every language
    markets: tuple[str, ...] = ()  # campaign items only; empty: every market
    question_l10n: Mapping[str, str] = field(default_factory=dict, hash=False)
    why_l10n: Mapping[str, str] = field(default_factory=dict, hash=False)

    def question_in(self, language: str | None) -> str:
        """The question in ``language`` (``ja``, ``pt_BR``, ``zh-Hans``…), else English."""
        return _localized(self.question_l10n, language) or self.question

    def why_in(self, language: str | None) -> str:
        """The reason in ``language``, else English."""
        return _localized(self.why_l10n, language) or self.why

    def applies_to(self, channel: str | None = None, language: str | None = None) -> bool:
        """False only if the item is limited to other channels or languages."""
        if channel and self.channels and channel.strip().lower() not in self.channels:
            return False
        if language and self.languages:
            tags = _fallbacks(language)
            return any(
                t == lang or t.startswith(lang + "-") for t in tags for lang in self.languages
            )
        return True


def valid_scope(scope: object) -> bool:
    """True for ``global``, ``campaign`` or a country code in capitals (``JP``)."""
    if scope in (SCOPE_GLOBAL, SCOPE_CAMPAIGN):
        return True
    if not isinstance(scope, str) or not scope.isupper():
        return False
    try:
        return normalize_market(scope) == scope and "-" not in scope
    except ValueError:
        return False


def read_checklist_file(
    path: Path | Traversable,
) -> tuple[str | None, list[ChecklistItem], list[Problem]]:
    """The file's scope (None if unusable), the items it could build, and its problems."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, [], [Problem(name, _("file not found"))]
    except UnicodeDecodeError:
        return None, [], [Problem(name, _("the file is not UTF-8 text"))]
    except OSError as exc:
        return None, [], [Problem(name, _("cannot read the file: {error}").format(error=exc))]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        match = _LINE_RE.search(reason)
        row = _("line {line}").format(line=match.group(1)) if match else None
        reason = _LINE_RE.sub("", reason)
        return None, [], [Problem(name, _("not valid TOML: {reason}").format(reason=reason), row)]
    problems: list[Problem] = []
    scope = _check_header(data, name, Path(path.name).stem, problems)
    raw_items = data.get("item", [])
    if not isinstance(raw_items, list):
        problems.append(Problem(name, _("items must be written as [[item]] tables")))
        raw_items = []
    items: list[ChecklistItem] = []
    positions: dict[str, int] = {}
    for index, raw in enumerate(raw_items, start=1):
        item, found = parse_item(raw, index, scope or SCOPE_CAMPAIGN, name)
        problems.extend(found)
        if item is None:
            continue
        if item.id in positions:
            problems.append(
                Problem(
                    name,
                    _("duplicate id, first used by item #{n}").format(n=positions[item.id]),
                    _item_row(index, item.id),
                    "id",
                )
            )
            continue
        positions[item.id] = index
        items.append(item)
    return scope, items, problems


def _check_header(
    data: dict[str, Any], name: str, stem: str, problems: list[Problem]
) -> str | None:
    for key in data:
        if key not in ("checklist", "item"):
            problems.append(Problem(name, _("unknown section '{key}'").format(key=key)))
    header = data.get("checklist")
    if not isinstance(header, dict):
        problems.append(
            Problem(
                name,
                _("missing [checklist] table"),
                hint=_('Start the file with [checklist] and scope = "…".'),
            )
        )
        return None
    row = "[checklist]"
    for key in header:
        if key not in _HEADER_KEYS:
            problems.append(Problem(name, _("unknown field"), row, key))
    fmt = header.get("format", FORMAT)
    if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        problems.append(Problem(name, _("must be a positive whole number"), row, "format"))
    elif fmt > FORMAT:
        problems.append(
            Problem(
                name,
                _("written for a newer version of CulturePanel (format {n})").format(n=fmt),
                row,
                "format",
            )
        )
    scope = header.get("scope")
    if not valid_scope(scope):
        problems.append(
            Problem(
                name,
                _("missing or invalid scope"),
                row,
                "scope",
                _('Use "global", "campaign" or a country code in capitals such as "JP".'),
            )
        )
        return None
    if scope not in (SCOPE_GLOBAL, SCOPE_CAMPAIGN) and scope != stem:
        problems.append(
            Problem(
                name,
                _("scope '{scope}' does not match the file name").format(scope=scope),
                row,
                "scope",
                _("A market file is named after its country code, e.g. JP.toml."),
            )
        )
    for key in ("title", "notes"):
        if key in header and not isinstance(header[key], str):
            problems.append(Problem(name, _("must be text"), row, key))
    if "updated" in header and not isinstance(header["updated"], date | str):
        problems.append(Problem(name, _("must be a date such as 2026-01-31"), row, "updated"))
    if "languages" in header:
        _langs(
            header["languages"],
            lambda column, message: problems.append(Problem(name, message, row, column)),
        )
    return str(scope)


def _item_row(index: int, item_id: object) -> str:
    if isinstance(item_id, str) and item_id.strip():
        return _("item #{n} '{id}'").format(n=index, id=item_id.strip())
    return _("item #{n}").format(n=index)


def parse_item(
    raw: object, index: int, scope: str, name: str
) -> tuple[ChecklistItem | None, list[Problem]]:
    """Build item number ``index`` of file ``name`` from its table; None if it has problems."""
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        return None, [Problem(name, _("an item must be a table"), _item_row(index, None))]
    row = _item_row(index, raw.get("id"))

    def bad(column: str, message: str, hint: str | None = None) -> None:
        problems.append(Problem(name, message, row, column, hint))

    text: dict[str, str] = {}
    for key in _REQUIRED:
        value = raw.get(key)
        if value is None:
            bad(key, _("missing"))
        elif not isinstance(value, str) or not value.strip():
            bad(key, _("must be non-empty text"))
        else:
            text[key] = " ".join(value.split())
    item_id = text.get("id", "")
    prefix = "" if scope == SCOPE_CAMPAIGN else f"{scope.lower()}."
    if item_id and not _ID_RE.match(item_id):
        bad(
            "id",
            _("'{id}' is not a valid id").format(id=item_id),
            _("Use lower-case words joined by dots, e.g. jp.numbers.four."),
        )
    elif item_id and not item_id.startswith(prefix):
        bad("id", _("ids in this file must start with '{prefix}'").format(prefix=prefix))
    if text.get("topic") and text["topic"] not in TOPICS:
        bad(
            "topic",
            _("unknown topic '{value}'").format(value=text["topic"]),
            _("One of: {values}.").format(values=", ".join(TOPICS)),
        )
    if text.get("severity") and text["severity"] not in SEVERITIES:
        bad(
            "severity",
            _("unknown severity '{value}'").format(value=text["severity"]),
            _("One of: {values}.").format(values=", ".join(SEVERITIES)),
        )
    l10n: dict[str, dict[str, str]] = {"question": {}, "why": {}}
    for key, value in raw.items():
        if key in _REQUIRED or key in _OPTIONAL:
            continue
        base, _sep, lang = key.partition("_")
        tag = _norm_lang(lang)
        if base in l10n and lang and _LANG_RE.match(tag):
            if isinstance(value, str) and value.strip():
                l10n[base][_alias(tag)] = " ".join(value.split())
            else:
                bad(key, _("must be non-empty text"))
        else:
            bad(key, _("unknown field"), _(_FIELD_HINT))
    terms = _terms(raw.get("terms", []), bad)
    channels = _strings(raw.get("applies_to_channels", []))
    if channels is None:
        bad("applies_to_channels", _("must be a list of channel names"))
    languages = _langs(raw.get("languages", []), bad)
    markets: tuple[str, ...] = ()
    if "markets" in raw:
        if scope != SCOPE_CAMPAIGN:
            bad("markets", _("only campaign items may be limited to markets"))
        else:
            markets = _markets(raw["markets"], bad)
    if problems:
        return None, problems
    item = ChecklistItem(
        id=item_id,
        scope=scope,
        topic=text["topic"],
        question=text["question"],
        why=text["why"],
        severity=text["severity"],
        source=text["source"],
        terms=terms,
        channels=tuple(c.lower() for c in channels or ()),
        languages=languages,
        markets=markets,
        question_l10n=l10n["question"],
        why_l10n=l10n["why"],
    )
    return item, problems


def _strings(value: object) -> tuple[str, ...] | None:
    """The stripped texts of a list, or None if it is not a list of non-empty texts."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def _langs(value: object, report: _Report, column: str = "languages") -> tuple[str, ...]:
    tags = _strings(value)
    if tags is None:
        report(column, _("must be a list of language codes"))
        return ()
    for tag in tags:
        if not _LANG_RE.match(_norm_lang(tag)):
            report(column, _("'{tag}' is not a language code").format(tag=tag))
    return tuple(_norm_lang(t) for t in tags)


def _markets(value: object, report: _Report) -> tuple[str, ...]:
    codes = _strings(value)
    if codes is None:
        report("markets", _("must be a list of market codes"))
        return ()
    result = []
    for code in codes:
        try:
            result.append(normalize_market(code))
        except ValueError as exc:
            report("markets", str(exc))
    return tuple(result)


def _terms(value: object, report: _Report) -> tuple[ChecklistTerm, ...]:
    if not isinstance(value, list):
        report("terms", _("must be a list"))
        return ()
    terms: list[ChecklistTerm] = []
    for n, entry in enumerate(value, start=1):
        term, note = entry, None
        if isinstance(entry, dict):
            term, note = entry.get("term"), entry.get("note")
            for key in sorted(set(entry) - {"term", "note"}):
                report("terms", _("term #{n}: unknown field '{key}'").format(n=n, key=key))
        if not isinstance(term, str) or not term.strip() or term != term.strip():
            report("terms", _("term #{n}: must be non-empty text without outer spaces").format(n=n))
        elif note is not None and (not isinstance(note, str) or not note.strip()):
            report("terms", _("term #{n}: the note must be non-empty text").format(n=n))
        elif any(t.term == term for t in terms):
            report("terms", _("term '{term}' is listed twice").format(term=term))
        else:
            terms.append(ChecklistTerm(term, " ".join(note.split()) if note else None))
    return tuple(terms)


def _norm_lang(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


def _alias(tag: str) -> str:
    """``zh`` in a file means Simplified Chinese: store it as ``zh-hans``."""
    return "zh-hans" if tag == "zh" else tag


@lru_cache(maxsize=256)
def _fallbacks(language: str) -> tuple[str, ...]:
    tag = _norm_lang(language)
    chain = [tag]
    try:
        info = parse_locale(language)
    except ValueError:
        chain.append(tag.split("-")[0])
    else:
        if info.script:
            chain.append(f"{info.language}-{info.script}".lower())
        chain.append(info.language)
    return tuple(dict.fromkeys(chain))


def _localized(table: Mapping[str, str], language: str | None) -> str | None:
    if not table or not language:
        return None
    for key in _fallbacks(language):
        if key in table:
            return table[key]
    return None

"""Reading and validating the observance files of ``resources/observances/``.

Every ``*.toml`` file is parsed with :mod:`tomllib` and checked field by field; all
faults of a file are collected and raised together as :class:`ObservanceFileError`,
each naming the file and the entry. The loaded library is cached per folder.
The format is described in :mod:`culturepanel.calendar.observances` and in
``resources/observances/README.md``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from culturepanel.calendar.model import OBSERVANCE_CATEGORIES, SENSITIVITIES
from culturepanel.calendar.observances import Observance, ObservanceFile, ObservanceLibrary
from culturepanel.calendar.rules import RuleError, parse_rule
from culturepanel.errors import InputErrors, Problem
from culturepanel.i18n import _

_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARKET_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_FILE_KEYS = frozenset({"title", "market", "reviewed", "observance"})
_ENTRY_KEYS = frozenset(
    {
        "id",
        "name",
        "names",
        "markets",
        "category",
        "sensitivity",
        "sensitivity_by_market",
        "rule",
        "reason",
        "reasons",
        "source",
    }
)
MAX_REASON = 700


class ObservanceFileError(InputErrors):
    """An observance file is malformed; every problem names the file and the entry."""


def default_directory() -> Traversable:
    """``resources/observances`` as shipped with the package."""
    return resources.files("culturepanel.resources") / "observances"


@lru_cache(maxsize=8)
def _load_cached(key: str) -> ObservanceLibrary:
    directory: Traversable = default_directory() if key == "" else Path(key)
    sources = sorted(
        (item.name, item.read_bytes())
        for item in directory.iterdir()
        if item.is_file() and item.name.endswith(".toml")
    )
    digest = hashlib.sha256()
    files = []
    for name, data in sources:
        digest.update(name.encode() + b"\0" + data + b"\0")
        files.append(parse_file(name, data))
    return ObservanceLibrary(files=tuple(files), digest=digest.hexdigest()[:12])


def load_library(directory: Path | str | None = None) -> ObservanceLibrary:
    """Load and validate every ``*.toml`` in ``directory`` (default: the shipped data).

    The result is cached per directory; :func:`clear_cache` forgets it.
    """
    return _load_cached("" if directory is None else str(Path(directory).resolve()))


def clear_cache() -> None:
    """Forget loaded libraries (after editing files in a running process)."""
    _load_cached.cache_clear()


def parse_file(name: str, data: bytes) -> ObservanceFile:
    """Parse and validate one file; raise :class:`ObservanceFileError` listing every fault."""
    label = f"observances/{name}"
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ObservanceFileError(
            [Problem(label, _("not valid TOML: {error}").format(error=exc))]
        ) from None
    problems: list[Problem] = []

    def fail(message: str, entry: str | None = None) -> None:
        problems.append(Problem(label, message, row=entry))

    unknown = set(doc) - _FILE_KEYS
    if unknown:
        fail(_("unknown top-level key(s): {keys}").format(keys=", ".join(sorted(unknown))))
    title = doc.get("title")
    if not isinstance(title, str) or not title.strip():
        fail(_("'title' is required (a short description of the file)"))
    market = doc.get("market")
    if market is not None and (not isinstance(market, str) or not _valid_market(market)):
        fail(
            _("'market' must be a market code like JP or DE-BY, not {value}").format(
                value=repr(market)
            )
        )
        market = None
    reviewed = doc.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        fail(_("'reviewed' must be a date like 2025-06-01"))
        reviewed = None
    raw_entries = doc.get("observance")
    if not isinstance(raw_entries, list) or not raw_entries:
        fail(_("no [[observance]] entries"))
        raw_entries = []
    observances: list[Observance] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries, 1):
        ident = raw.get("id") if isinstance(raw, Mapping) else None
        entry_label = (
            _("entry '{id}'").format(id=ident)
            if isinstance(ident, str)
            else _("entry {n}").format(n=index)
        )
        errors: list[str] = []
        obs = _parse_entry(name, raw, market, errors)
        if isinstance(ident, str) and ident in seen:
            errors.append(_("the id is used twice in this file"))
        if isinstance(ident, str):
            seen.add(ident)
        for message in errors:
            fail(message, entry_label)
        if obs is not None and not errors:
            observances.append(obs)
    if problems:
        raise ObservanceFileError(problems)
    return ObservanceFile(
        name=name,
        title=str(title).strip(),
        market=market,
        reviewed=reviewed,
        observances=tuple(observances),
    )


def _valid_market(code: str) -> bool:
    from culturepanel.calendar.markets import canonical_country

    return bool(_MARKET_RE.match(code)) and canonical_country(code[:2]) == code[:2]


def _parse_entry(
    file: str, raw: Any, file_market: str | None, errors: list[str]
) -> Observance | None:
    if not isinstance(raw, Mapping):
        errors.append(_("must be a table"))
        return None
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        errors.append(_("unknown key(s): {keys}").format(keys=", ".join(sorted(unknown))))
    ident = raw.get("id")
    if not isinstance(ident, str) or not _ID_RE.match(ident):
        errors.append(_("'id' must be lowercase words joined by hyphens, like 'golden-week'"))
    texts = {}
    for key in ("name", "reason", "source"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.append(_("'{key}' is required and must be text").format(key=key))
        else:
            texts[key] = " ".join(value.split())
    if len(texts.get("reason", "")) > MAX_REASON:
        errors.append(_("'reason' is too long: keep it to one to three sentences"))
    names = _text_table(raw, "names", errors)
    reasons = _text_table(raw, "reasons", errors)
    category = raw.get("category")
    if category not in OBSERVANCE_CATEGORIES:
        errors.append(
            _("'category' must be one of {choices}, not {value}").format(
                choices=", ".join(OBSERVANCE_CATEGORIES), value=repr(category)
            )
        )
    sensitivity = raw.get("sensitivity")
    if sensitivity not in SENSITIVITIES:
        errors.append(
            _("'sensitivity' must be one of {choices}, not {value}").format(
                choices=", ".join(SENSITIVITIES), value=repr(sensitivity)
            )
        )
    markets = _markets(raw, file_market, errors)
    by_market = _sensitivity_by_market(raw, markets, errors)
    rule = None
    if "rule" not in raw:
        errors.append(_("'rule' is required"))
    else:
        try:
            rule = parse_rule(raw["rule"])
        except RuleError as exc:
            errors.append(_("rule: {problem}").format(problem=exc))
    if errors or rule is None:
        return None
    return Observance(
        file=file,
        id=str(ident),
        name=texts["name"],
        names=names,
        markets=markets,
        category=str(category),
        sensitivity=str(sensitivity),
        sensitivity_by_market=by_market,
        rule=rule,
        reason=texts["reason"],
        reasons=reasons,
        source=texts["source"],
    )


def _text_table(raw: Mapping[str, Any], key: str, errors: list[str]) -> dict[str, str]:
    value = raw.get(key, {})
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        errors.append(_("'{key}' must be a table of language = text").format(key=key))
        return {}
    return {k: " ".join(v.split()) for k, v in value.items()}


def _markets(raw: Mapping[str, Any], file_market: str | None, errors: list[str]) -> tuple[str, ...]:
    value = raw.get("markets")
    if file_market is not None:
        if value is None:
            return (file_market,)
        # A market file may narrow an entry to some of its market's subdivisions.
        prefix = file_market + "-"
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(m, str) and m.startswith(prefix) for m in value)
        ):
            errors.append(
                _(
                    "'markets' in a market file may only list subdivisions of {market}, "
                    'like ["{market}-XX"]'
                ).format(market=file_market)
            )
            return (file_market,)
    if not isinstance(value, list) or not value:
        errors.append(_('\'markets\' is required in a theme file: a list like ["SA", "AE"]'))
        return ()
    bad = [m for m in value if not isinstance(m, str) or not _valid_market(m)]
    if bad:
        errors.append(
            _("'markets' has invalid code(s): {codes}").format(codes=", ".join(map(repr, bad)))
        )
    if len(set(value)) != len(value):
        errors.append(_("'markets' lists a market twice"))
    return tuple(m for m in value if isinstance(m, str))


def _sensitivity_by_market(
    raw: Mapping[str, Any], markets: tuple[str, ...], errors: list[str]
) -> dict[str, str]:
    value = raw.get("sensitivity_by_market", {})
    if not isinstance(value, Mapping):
        errors.append(_("'sensitivity_by_market' must be a table like { GB = \"low\" }"))
        return {}
    countries = {m.split("-")[0] for m in markets}
    result = {}
    for market, level in value.items():
        if market not in markets and market.split("-")[0] not in countries:
            errors.append(
                _("'sensitivity_by_market': {market} is not among the entry's markets").format(
                    market=market
                )
            )
        elif level not in SENSITIVITIES:
            errors.append(
                _("'sensitivity_by_market': {market} must be one of {choices}").format(
                    market=market, choices=", ".join(SENSITIVITIES)
                )
            )
        else:
            result[market] = level
    return result

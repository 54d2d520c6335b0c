"""Date rules of curated observances: parsed from TOML, validated, evaluated for a range.

A rule is an inline table with a ``kind``. The Gregorian kinds (``fixed``,
``nth-weekday``, ``easter``, ``dates``, ``package``) live in :mod:`.gregorian`, the
lunar and lunisolar kinds (``hijri``, ``chinese``, ``solar-term``, ``hebrew``) in
:mod:`.lunisolar`; this module has what they share. Every kind
accepts the common fields:

``offset``
    days added to the computed date (``-1``: the eve);
``days``
    length in days (default: the rule's natural span, else 1);
``shift``
    ``{ fri = -1, sun = 1 }``: move the computed date when it falls on that weekday
    (before ``offset``), as Israel does with its days of remembrance;
``clash``
    ``{ easter_offset = 49, move = 7 }``: move the date when it falls on Easter +
    ``easter_offset`` (France's Mother's Day gives way to Pentecost);
``since`` / ``until``
    first and last Gregorian year the observance exists;
``estimated``
    ``true`` when the dates are approximate (Hijri dates always are).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

from culturepanel.i18n import _

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_DAY_RE = re.compile(r"^(\d{2})-(\d{2})$")
_COMMON_FIELDS = frozenset(
    {"kind", "offset", "days", "shift", "clash", "since", "until", "estimated"}
)


class RuleError(ValueError):
    """A rule is malformed; the message names the field."""


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an observance: ``start`` … ``end`` inclusive."""

    start: date
    end: date
    estimated: bool


@dataclass(frozen=True)
class Anchor:
    """A computed date before the common fields apply, with its natural span."""

    day: date
    days: int | None = None
    estimated: bool = False


@dataclass(frozen=True)
class Common:
    """The fields every rule kind accepts."""

    offset: int = 0
    days: int | None = None
    shift: Mapping[int, int] = field(default_factory=dict)
    clash: tuple[int, int] | None = None
    since: int | None = None
    until: int | None = None
    estimated: bool = False


class Rule(ABC):
    """A parsed, validated rule."""

    kind: ClassVar[str]
    fields: ClassVar[frozenset[str]] = frozenset()
    #: True when the kind's dates are always estimates (moon sighting).
    always_estimated: ClassVar[bool] = False

    def __init__(self, raw: Mapping[str, Any], common: Common):
        self.common = common
        self.parse(raw)

    @abstractmethod
    def parse(self, raw: Mapping[str, Any]) -> None:
        """Read and validate the kind's own fields (raise :class:`RuleError`)."""

    @abstractmethod
    def anchors(self, first: date, last: date) -> Iterable[Anchor]:
        """Computed dates near ``first`` … ``last`` (a generous superset is fine)."""

    def occurrences(self, first: date, last: date) -> list[Occurrence]:
        """Occurrences overlapping ``first`` … ``last``, sorted and without duplicates."""
        found: set[Occurrence] = set()
        c = self.common
        for anchor in self.anchors(first, last):
            day = anchor.day
            if c.clash is not None and day == easter(day.year) + timedelta(days=c.clash[0]):
                day += timedelta(days=c.clash[1])
            day += timedelta(days=c.shift.get(day.weekday(), 0))
            start = day + timedelta(days=c.offset)
            length = c.days if c.days is not None else (anchor.days or 1)
            end = start + timedelta(days=length - 1)
            if c.since is not None and start.year < c.since:
                continue
            if c.until is not None and start.year > c.until:
                continue
            if start <= last and first <= end:
                estimated = anchor.estimated or c.estimated or self.always_estimated
                found.add(Occurrence(start, end, estimated))
        return sorted(found, key=lambda o: (o.start, o.end))


def gregorian_years(first: date, last: date) -> range:
    """Years whose occurrences may reach into ``first`` … ``last``."""
    return range(first.year - 1, last.year + 2)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


# -- field readers ---------------------------------------------------------------------


def read_int(raw: Mapping[str, Any], name: str, low: int, high: int, default: Any = ...) -> Any:
    """``raw[name]`` as an int in ``low`` … ``high``; ``default`` if absent (else required)."""
    if name not in raw:
        if default is ...:
            raise RuleError(_("'{name}' is required").format(name=name))
        return default
    value = raw[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RuleError(
            _("'{name}' must be a whole number from {low} to {high}, not {value}").format(
                name=name, low=low, high=high, value=repr(value)
            )
        )
    return value


def read_str(raw: Mapping[str, Any], name: str, default: Any = ...) -> Any:
    """``raw[name]`` as a non-empty string; ``default`` if absent (else required)."""
    if name not in raw:
        if default is ...:
            raise RuleError(_("'{name}' is required").format(name=name))
        return default
    value = raw[name]
    if not isinstance(value, str) or not value.strip():
        raise RuleError(
            _("'{name}' must be a non-empty text, not {value}").format(name=name, value=repr(value))
        )
    return value.strip()


def read_bool(raw: Mapping[str, Any], name: str, default: bool = False) -> bool:
    """``raw[name]`` as a boolean (``default`` if absent)."""
    value = raw.get(name, default)
    if not isinstance(value, bool):
        raise RuleError(
            _("'{name}' must be true or false, not {value}").format(name=name, value=repr(value))
        )
    return value


def read_weekday(raw: Mapping[str, Any], name: str) -> int:
    """``raw[name]`` (``mon`` … ``sun``) as a Python weekday (0 = Monday)."""
    value = read_str(raw, name)
    if value.lower() not in WEEKDAYS:
        raise RuleError(
            _("'{name}' must be one of {choices}, not {value}").format(
                name=name, choices=", ".join(WEEKDAYS), value=repr(value)
            )
        )
    return WEEKDAYS.index(value.lower())


def read_month_day(raw: Mapping[str, Any], name: str) -> tuple[int, int]:
    """``raw[name]`` written ``"MM-DD"``, validated against a leap year."""
    value = read_str(raw, name)
    match = _MONTH_DAY_RE.match(value)
    if not match:
        raise RuleError(
            _("'{name}' must be written MM-DD, like \"04-29\", not {value}").format(
                name=name, value=repr(value)
            )
        )
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2000, month, day)
    except ValueError:
        raise RuleError(
            _("'{name}' is not a day of the year: {value}").format(name=name, value=repr(value))
        ) from None
    return month, day


def parse_common(raw: Mapping[str, Any]) -> Common:
    """Read the fields every kind accepts."""
    shift_raw = raw.get("shift", {})
    if not isinstance(shift_raw, Mapping):
        raise RuleError(_("'shift' must be a table like { fri = -1, sun = 1 }"))
    shift: dict[int, int] = {}
    for key in shift_raw:
        if key not in WEEKDAYS:
            raise RuleError(
                _("'shift' keys must be weekdays ({choices}), not {key}").format(
                    choices=", ".join(WEEKDAYS), key=repr(key)
                )
            )
        shift[WEEKDAYS.index(key)] = read_int(shift_raw, key, -6, 6)
    clash = None
    if "clash" in raw:
        clash_raw = raw["clash"]
        if not isinstance(clash_raw, Mapping) or set(clash_raw) != {"easter_offset", "move"}:
            raise RuleError(_("'clash' must be a table { easter_offset = N, move = N }"))
        clash = (
            read_int(clash_raw, "easter_offset", -100, 100),
            read_int(clash_raw, "move", -31, 31),
        )
    since = read_int(raw, "since", 1900, 2200, None)
    until = read_int(raw, "until", 1900, 2200, None)
    if since is not None and until is not None and until < since:
        raise RuleError(_("'until' is before 'since'"))
    return Common(
        offset=read_int(raw, "offset", -400, 400, 0),
        days=read_int(raw, "days", 1, 400, None),
        shift=shift,
        clash=clash,
        since=since,
        until=until,
        estimated=read_bool(raw, "estimated"),
    )


def rule_kinds() -> dict[str, type[Rule]]:
    """Every rule kind by name."""
    from culturepanel.calendar.gregorian import GREGORIAN_RULES
    from culturepanel.calendar.lunisolar import LUNISOLAR_RULES

    return {k.kind: k for k in (*GREGORIAN_RULES, *LUNISOLAR_RULES)}


def parse_rule(raw: Any) -> Rule:
    """Parse and validate a rule table; raise :class:`RuleError` saying what is wrong."""
    if not isinstance(raw, Mapping):
        raise RuleError(_('must be a table like { kind = "fixed", date = "06-04" }'))
    kinds = rule_kinds()
    kind = raw.get("kind")
    if kind not in kinds:
        raise RuleError(
            _("'kind' must be one of {choices}, not {kind}").format(
                choices=", ".join(sorted(kinds)), kind=repr(kind)
            )
        )
    cls = kinds[kind]
    unknown = set(raw) - _COMMON_FIELDS - cls.fields
    if unknown:
        raise RuleError(
            _("unknown field(s) for kind {kind}: {fields}").format(
                kind=repr(kind), fields=", ".join(sorted(unknown))
            )
        )
    common = parse_common(raw)
    if cls.always_estimated and "estimated" in raw and not common.estimated:
        raise RuleError(
            _("dates of kind {kind} are always estimated: drop 'estimated'").format(kind=repr(kind))
        )
    return cls(raw, common)

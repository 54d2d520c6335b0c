"""Check ``sensitive-terms``: words and emoji the market's checklist marks sensitive.

Terms come from the checklists (:class:`~culturepanel.checks.model.SensitiveTerm`)
and apply to the markets and locales they name. Matching ignores case and
diacritics (``ISTANBUL`` finds ``İstanbul``), respects word boundaries in
scripts written with spaces and matches substrings in Chinese, Japanese,
Thai and other scripts without them; emoji match with or without the
emoji variation selector, and not inside a longer ZWJ sequence. Each
occurrence is a finding with the checklist's reason, severity and item id;
overlapping occurrences of terms of one checklist item (``史上最`` and ``最轻``
in ``史上最轻``) make one finding over their union.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from culturepanel.checks.model import (
    SEVERITIES,
    CheckContext,
    CheckInput,
    Finding,
    SensitiveTerm,
    resolve_market,
    tag_matches,
)
from culturepanel.checks.registry import Check, register
from culturepanel.checks.textutil import find_term, fold
from culturepanel.i18n import N_, _


class ChecklistItemLike(Protocol):
    """What :func:`from_checklist` reads of a checklist item."""

    @property
    def id(self) -> str: ...
    @property
    def why(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def languages(self) -> tuple[str, ...]: ...


class ChecklistTermLike(Protocol):
    """What :func:`from_checklist` reads of a checklist term."""

    @property
    def term(self) -> str: ...
    @property
    def note(self) -> str | None: ...


def from_checklist(
    pairs: Iterable[tuple[ChecklistItemLike, ChecklistTermLike]], market: str
) -> list[SensitiveTerm]:
    """Sensitive terms of a market's checklist, e.g. ``from_checklist(checklist.terms(), "SA")``.

    The reason is the item's *why* followed by the term's note; severity and
    item id come from the item, the languages it is limited to become ``locales``.
    """
    return [
        SensitiveTerm(
            term=t.term,
            reason=f"{i.why} {t.note}" if t.note else i.why,
            severity=i.severity,
            ref=i.id,
            markets=(market,),
            locales=tuple(i.languages),
        )
        for i, t in pairs
    ]


def terms_for(item: CheckInput, terms: Iterable[SensitiveTerm]) -> list[SensitiveTerm]:
    """The terms that apply to the variant's market and locale."""
    market = resolve_market(item) or ""
    country = market.split("-")[0]
    out = []
    for t in terms:
        if t.markets and not any(m.upper() in (market, country) for m in t.markets):
            continue
        if t.locales and not any(tag_matches(loc, item.locale) for loc in t.locales):
            continue
        out.append(t)
    return out


@register(
    "sensitive-terms",
    category="audience-appropriateness",
    severity="major",
    version=2,
    description=N_("Terms and emoji the market's checklist marks sensitive."),
)
def check_sensitive(item: CheckInput, context: CheckContext, check: Check) -> list[Finding]:
    terms = terms_for(item, context.sensitive_terms)
    if not terms:
        return []
    folded = fold(item.text)
    hits = sorted(
        ((s, e, term) for term in terms for s, e in find_term(item.text, term.term, folded=folded)),
        key=lambda h: (h[0], -h[1]),
    )
    merged: list[tuple[int, int, SensitiveTerm, list[str]]] = []
    for s, e, term in hits:
        same = next(
            (i for i, m in enumerate(merged) if term.ref and m[2].ref == term.ref and s < m[1]),
            None,
        )
        if same is None:
            merged.append((s, e, term, [term.term]))
        else:
            ms, me, first, names = merged[same]
            merged[same] = (ms, max(me, e), first, [*names, term.term])
    out = []
    for s, e, term, names in merged:
        data: dict[str, object] = {"term": term.term, "ref": term.ref}
        if len(names) > 1:
            data["terms"] = names
        out.append(
            check.finding(
                _("'{found}' is marked sensitive for this market.").format(found=item.text[s:e]),
                term.reason,
                (s, e),
                severity=term.severity if term.severity in SEVERITIES else None,
                data=data,
            )
        )
    return sorted(out, key=lambda f: f.span or (0, 0))

"""Automated findings stored in a CulturePanel file: computed once, reused, dismissible.

:func:`update_findings` runs the checks engine over a file's active variants
and stores each variant's findings under the engine's cache key (text, source,
locale, check versions, glossary and checklist terms that apply, UI language),
so reopening a file is instant and only changed variants are checked again.
It commits in small batches and reports progress, so a window can run it in a
worker thread with its own connection. A finding can be dismissed with a
reason; the dismissal records who and when.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from culturepanel.checklists import Checklist, load_checklist
from culturepanel.checks import CheckContext, CheckInput, Finding, cache_key, run_checks
from culturepanel.checks.model import GlossaryTerm
from culturepanel.checks.sensitive import from_checklist
from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _, ngettext
from culturepanel.locales import market_country
from culturepanel.storage.database import CulturePanelFile, current_user, new_id, now_iso

Progress = Callable[[int, int], None]
BATCH = 100
SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2, "info": 3}


@dataclass(frozen=True)
class StoredFinding:
    """A finding of one variant, with its stable key and whether it was dismissed."""

    variant_id: str
    key: str
    finding: Finding
    dismissed: dict[str, str] | None = None  # reason, actor, at


@dataclass
class FindingsRun:
    checked: int = 0
    reused: int = 0
    variants: int = 0
    cancelled: bool = False
    by_check: dict[str, int] = field(default_factory=dict)


def finding_key(finding: Finding) -> str:
    """Identity of a finding that does not depend on the UI language of its message."""
    payload = json.dumps(
        [finding.check, finding.span, finding.data], sort_keys=True, ensure_ascii=False
    )
    return f"{finding.check}:{hashlib.sha1(payload.encode()).hexdigest()[:16]}"


def glossary(cpf: CulturePanelFile) -> list[GlossaryTerm]:
    return [
        GlossaryTerm(term, locale, rule, translation, note)
        for term, locale, rule, translation, note in cpf.conn.execute(
            "SELECT term, locale, rule, translation, note FROM glossary ORDER BY rowid"
        )
    ]


class ContextCache:
    """The checks' context per market: glossary plus the market checklist's terms."""

    def __init__(self, cpf: CulturePanelFile):
        self.cpf = cpf
        self.glossary = glossary(cpf)
        self._by_market: dict[str, CheckContext] = {}

    def _checklist(self, market: str) -> Checklist | None:
        if self.cpf.kind == "package":
            from culturepanel.review.package_checklist import load_package_checklist

            return load_package_checklist(self.cpf)
        try:
            return load_checklist(market_country(market))
        except (CulturePanelError, ValueError):
            return None

    def context(self, market: str) -> CheckContext:
        if market not in self._by_market:
            checklist = self._checklist(market)
            terms = from_checklist(checklist.terms(), market) if checklist else []
            self._by_market[market] = CheckContext(glossary=self.glossary, sensitive_terms=terms)
        return self._by_market[market]


def _inputs(
    cpf: CulturePanelFile, variant_ids: Iterable[str] | None
) -> list[tuple[str, CheckInput]]:
    source_locale = cpf.get_meta("source_locale") or "en"
    query = (
        "SELECT id, key, locale, text, source_text, channel, market FROM variants "
        "WHERE status = 'active'"
    )
    rows = cpf.conn.execute(query + " ORDER BY key, locale").fetchall()
    wanted = set(variant_ids) if variant_ids is not None else None
    return [
        (vid, CheckInput(key, locale, text, source, source_locale, channel, market))
        for vid, key, locale, text, source, channel, market in rows
        if wanted is None or vid in wanted
    ]


def update_findings(
    cpf: CulturePanelFile,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    variant_ids: Iterable[str] | None = None,
) -> FindingsRun:
    """Compute missing or outdated findings; keep the ones whose cache key still matches."""
    contexts = ContextCache(cpf)
    items = _inputs(cpf, variant_ids)
    stored = dict(cpf.conn.execute("SELECT variant_id, cache_key FROM findings"))
    run = FindingsRun(variants=len(items))
    pending: list[tuple[str, str, str]] = []
    for done, (vid, item) in enumerate(items, start=1):
        context = contexts.context(item.market or "")
        key = cache_key(item, context)
        if stored.get(vid) == key:
            run.reused += 1
        else:
            found = run_checks(item, context)
            for f in found:
                run.by_check[f.check] = run.by_check.get(f.check, 0) + 1
            pending.append((vid, key, json.dumps([f.to_dict() for f in found], ensure_ascii=False)))
            run.checked += 1
        if len(pending) >= BATCH or done == len(items):
            _write(cpf, pending)
            pending = []
        if progress:
            progress(done, len(items))
        if cancelled and cancelled():
            _write(cpf, pending)
            run.cancelled = True
            break
    return run


def _write(cpf: CulturePanelFile, rows: list[tuple[str, str, str]]) -> None:
    if not rows:
        return
    with cpf.transaction() as conn:
        conn.executemany("DELETE FROM findings WHERE variant_id = ?", [(r[0],) for r in rows])
        conn.executemany(
            "INSERT INTO findings(id, variant_id, cache_key, data) VALUES (?, ?, ?, ?)",
            [(new_id(), *r) for r in rows],
        )


def stored_findings(cpf: CulturePanelFile, variant_id: str) -> list[StoredFinding]:
    """The variant's stored findings, most severe first, with their dismissals."""
    row = cpf.conn.execute(
        "SELECT data FROM findings WHERE variant_id = ?", (variant_id,)
    ).fetchone()
    if row is None:
        return []
    dismissals = {
        key: {"reason": reason, "actor": actor, "at": at}
        for key, reason, actor, at in cpf.conn.execute(
            "SELECT finding_key, reason, actor, at FROM finding_dismissals WHERE variant_id = ?",
            (variant_id,),
        )
    }
    out = []
    for data in json.loads(row[0]):
        finding = Finding.from_dict(data)
        key = finding_key(finding)
        out.append(StoredFinding(variant_id, key, finding, dismissals.get(key)))
    out.sort(key=lambda s: (s.dismissed is not None, SEVERITY_ORDER.get(s.finding.severity, 9)))
    return out


def open_counts(cpf: CulturePanelFile) -> dict[str, int]:
    """Per variant id: findings not dismissed and not merely inconclusive."""
    dismissed: dict[str, set[str]] = {}
    for vid, key in cpf.conn.execute("SELECT variant_id, finding_key FROM finding_dismissals"):
        dismissed.setdefault(vid, set()).add(key)
    counts: dict[str, int] = {}
    for vid, data in cpf.conn.execute("SELECT variant_id, data FROM findings"):
        n = 0
        for item in json.loads(data):
            finding = Finding.from_dict(item)
            if not finding.inconclusive and finding_key(finding) not in dismissed.get(vid, ()):
                n += 1
        if n:
            counts[vid] = n
    return counts


def dismiss(
    cpf: CulturePanelFile, variant_id: str, key: str, reason: str, actor: str | None = None
) -> dict[str, Any]:
    """Dismiss a finding with a reason (required); records who and when."""
    if not reason.strip():
        raise CulturePanelError(_("Say why you dismiss this finding."))
    record = {"reason": reason.strip(), "actor": actor or current_user(), "at": now_iso()}
    with cpf.transaction() as conn:
        conn.execute(
            "INSERT INTO finding_dismissals(id, variant_id, finding_key, reason, actor, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(variant_id, finding_key) DO UPDATE SET "
            "reason = excluded.reason, actor = excluded.actor, at = excluded.at",
            (new_id(), variant_id, key, record["reason"], record["actor"], record["at"]),
        )
    return record


def restore(cpf: CulturePanelFile, variant_id: str, key: str) -> None:
    """Undo a dismissal."""
    with cpf.transaction() as conn:
        conn.execute(
            "DELETE FROM finding_dismissals WHERE variant_id = ? AND finding_key = ?",
            (variant_id, key),
        )


def list_findings(
    cpf: CulturePanelFile, locale: str | None = None, include_all: bool = False
) -> list[dict[str, Any]]:
    """Every stored finding as a JSON-ready dict (what ``culturepanel check --json`` prints)."""
    wanted = None
    if locale:
        from culturepanel.locales import parse_locale

        try:
            wanted = parse_locale(locale).tag
        except ValueError as exc:
            raise CulturePanelError(str(exc)) from None
    out = []
    for vid, key, loc, label, text in cpf.conn.execute(
        "SELECT id, key, locale, locale_label, text FROM variants WHERE status = 'active' "
        "ORDER BY key, locale"
    ):
        if wanted and loc != wanted:
            continue
        for s in stored_findings(cpf, vid):
            f = s.finding
            if not include_all and (s.dismissed or f.inconclusive):
                continue
            row: dict[str, Any] = {
                "key": key,
                "locale": label,
                "check": f.check,
                "category": f.category,
                "severity": f.severity,
                "message": f.message,
                "reason": f.reason,
                "span": list(f.span) if f.span else None,
                "excerpt": text[f.span[0] : f.span[1]] if f.span else None,
                "inconclusive": f.inconclusive,
                "finding_key": s.key,
            }
            if s.dismissed:
                row["dismissed"] = s.dismissed
            out.append(row)
    return out


def format_findings(rows: list[dict[str, Any]]) -> str:
    """The findings as text for a terminal, grouped by variant."""
    if not rows:
        return _("No findings.")
    lines, current = [], None
    for r in rows:
        if (r["key"], r["locale"]) != current:
            current = (r["key"], r["locale"])
            lines.append(f"{r['key']} [{r['locale']}]")
        excerpt = f" «{r['excerpt']}»" if r.get("excerpt") else ""
        lines.append(f"  {r['severity']:<8} {r['check']:<16} {r['message']}{excerpt}")
        why = _("Why: {reason}").format(reason=r["reason"])
        lines.append(f"  {'':<8} {'':<16} {why}")
    counts = {}
    for r in rows:
        counts[r["severity"]] = counts.get(r["severity"], 0) + 1
    summary = ", ".join(
        f"{n} {sev}"
        for sev, n in sorted(counts.items(), key=lambda kv: SEVERITY_ORDER.get(kv[0], 9))
    )
    lines.append(
        ngettext("{count} finding: {summary}", "{count} findings: {summary}", len(rows)).format(
            count=len(rows), summary=summary
        )
    )
    return "\n".join(lines)

"""Reports of decisions: one row per variant and market, as CSV or XLSX (XLIFF: :mod:`.xliff`).

:func:`report_rows` reads a regional results file (the manager's view of one
market) or a campaign workspace (every market HQ imported) and returns
:class:`ReportRow` values: the variant, the region's decision, rationale and
adopted rewrite, the recommendation and triggers, the votes, score means per
dimension, the market's alpha per dimension, concern counts by severity and
the panel's comments. Panelists are named only if they consented, in every
report. :func:`report_markets` gives one :class:`MarketLine` per market (for a
PDF summary's first page). :func:`write_csv` writes UTF-8 with a byte-order mark
so that Excel reads the accents right; :func:`write_xlsx` a styled workbook.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from culturepanel.i18n import N_, _
from culturepanel.review.votes import DECISION_LABELS, DECISIONS, DIMENSIONS, SEVERITIES
from culturepanel.storage.database import KIND_CAMPAIGN, KIND_RESULTS, CulturePanelFile, open_file

from .agreement import AGREEMENT_DIMENSIONS
from .decisions import decision_label
from .matrix import cell_details
from .triggers import ESCALATE, trigger_message
from .view import market_summary, variant_summaries


@dataclass(frozen=True)
class ReportRow:
    """One variant in one market."""

    variant_id: str
    key: str
    locale: str
    market: str
    channel: str | None
    source_text: str | None
    text: str
    decision: str | None
    rationale: str | None
    adopted_text: str | None
    decided_by: str | None
    decided_at: str | None
    recommendation: str | None
    escalated: bool
    triggers: tuple[str, ...]  # in the UI language
    votes: int
    decision_counts: dict[str, int]
    means: dict[str, float | None]
    alphas: dict[str, float | None]  # the market's, per dimension
    concerns: dict[str, int]  # severity -> count
    comments: tuple[str, ...]  # "Panelist 2 (Reject): … Suggests: …"

    @property
    def target(self) -> str:
        """The text to ship: the adopted rewrite if any, else the variant's text."""
        return self.adopted_text or self.text


@dataclass(frozen=True)
class MarketLine:
    """One market at a glance."""

    market: str
    campaign: str
    panelists: int
    returns: int
    variants: int
    decided: int
    triggered: int
    decisions: dict[str, int]
    alphas: dict[str, float | None]


def _comment(label: str, decision: str | None, comment: str, rewrite: str) -> str | None:
    if not comment.strip() and not rewrite.strip():
        return None
    head = f"{label} ({_(DECISION_LABELS[decision])})" if decision in DECISION_LABELS else label
    text = f"{head}: {comment.strip()}"
    if rewrite.strip():
        text += " " + _("Suggests: {rewrite}").format(rewrite=rewrite.strip())
    return text


def open_report_source(path: Path) -> CulturePanelFile:
    """Open a results file or a workspace for a report; refuse a review package."""
    cpf = open_file(Path(path), kinds=(KIND_RESULTS, KIND_CAMPAIGN))
    return cpf


def report_rows(source: CulturePanelFile | Path) -> list[ReportRow]:
    """Rows of a results file or a campaign workspace, by key, locale and market."""
    cpf = source if isinstance(source, CulturePanelFile) else open_report_source(source)
    try:
        rows = _results_rows(cpf) if cpf.kind == KIND_RESULTS else _workspace_rows(cpf)
    finally:
        if not isinstance(source, CulturePanelFile):
            cpf.conn.close()
    return sorted(rows, key=lambda r: (r.key, r.locale, r.market))


def report_markets(source: CulturePanelFile | Path) -> list[MarketLine]:
    """One line per market of a results file (one) or of a workspace (each imported)."""
    cpf = source if isinstance(source, CulturePanelFile) else open_report_source(source)
    try:
        if cpf.kind == KIND_RESULTS:
            m = market_summary(cpf)
            return [
                MarketLine(
                    m.market, m.campaign, len(m.panelists), len(m.returns), m.variants,
                    m.decided, m.triggered, m.decisions,
                    {d: a.value for d, a in m.alphas.items()},
                )
            ]  # fmt: skip
        out = []
        for market, summary in cpf.conn.execute(
            "SELECT market, summary FROM market_results ORDER BY market"
        ):
            s = json.loads(summary or "{}")
            out.append(
                MarketLine(
                    market, s.get("campaign", cpf.campaign_name), s.get("panelists", 0),
                    s.get("returns", 0), s.get("variants", 0), s.get("decided", 0),
                    s.get("triggered", 0), s.get("decisions", {}), s.get("alphas", {}),
                )
            )  # fmt: skip
        return out
    finally:
        if not isinstance(source, CulturePanelFile):
            cpf.conn.close()


def _results_rows(cpf: CulturePanelFile) -> list[ReportRow]:
    summaries = variant_summaries(cpf)
    market = market_summary(cpf, summaries)
    alphas = {dim: a.value for dim, a in market.alphas.items()}
    rows = []
    for s in summaries:
        d = s.decision
        comments = [_comment(v.panelist, v.decision, v.comment, v.rewrite) for v in s.votes]
        rows.append(
            ReportRow(
                variant_id=s.variant.id,
                key=s.variant.key,
                locale=s.variant.locale,
                market=market.market,
                channel=s.variant.channel,
                source_text=s.variant.source_text,
                text=s.variant.text,
                decision=d.decision if d else None,
                rationale=d.rationale if d else None,
                adopted_text=d.adopted_text if d else None,
                decided_by=d.decided_by if d else None,
                decided_at=d.decided_at if d else None,
                recommendation=s.recommendation,
                escalated=bool(d and d.decision == ESCALATE),
                triggers=tuple(t.message for t in s.triggers),
                votes=s.voted,
                decision_counts=s.decision_counts,
                means=s.means,
                alphas=alphas,
                concerns=s.concern_counts,
                comments=tuple(c for c in comments if c),
            )
        )
    return rows


def _workspace_rows(cpf: CulturePanelFile) -> list[ReportRow]:
    alphas = {
        market: json.loads(summary or "{}").get("alphas", {})
        for market, summary in cpf.conn.execute("SELECT market, summary FROM market_results")
    }
    channels = dict(cpf.conn.execute("SELECT id, channel FROM variants"))
    rows = []
    for key, market in cpf.conn.execute(
        "SELECT DISTINCT v.key, d.market FROM market_decisions d "
        "JOIN variants v ON v.id = d.variant_id ORDER BY v.key, d.market"
    ).fetchall():
        for detail in cell_details(cpf, key, market):
            concerns = dict.fromkeys(SEVERITIES, 0)
            comments = []
            for c in detail.comments:
                if c.concern_severity in concerns:
                    concerns[c.concern_severity] += 1
                comments.append(_comment(c.panelist, c.decision, c.comment, c.rewrite))
            rows.append(
                ReportRow(
                    variant_id=detail.variant_id,
                    key=key,
                    locale=detail.locale,
                    market=market,
                    channel=channels.get(detail.variant_id),
                    source_text=detail.source_text,
                    text=detail.text,
                    decision=detail.decision,
                    rationale=detail.rationale,
                    adopted_text=detail.adopted_text,
                    decided_by=detail.decided_by,
                    decided_at=detail.decided_at,
                    recommendation=detail.recommendation,
                    escalated=detail.escalated,
                    triggers=tuple(trigger_message(t.code, t.params) for t in detail.triggers),
                    votes=sum(1 for c in detail.comments if c.decision),
                    decision_counts={d: detail.decision_counts.get(d, 0) for d in DECISIONS},
                    means={dim: detail.means.get(dim) for dim in DIMENSIONS},
                    alphas=alphas.get(market, {}),
                    concerns=concerns,
                    comments=tuple(c for c in comments if c),
                )
            )
    return rows


# -- tables ------------------------------------------------------------------------------

Column = tuple[str, Callable[[ReportRow], Any], int]  # header (N_), value, XLSX width


def _count(field: str, key: str) -> Callable[[ReportRow], int]:
    """The value of ``key`` in the row's mapping ``field`` (0 if absent)."""
    return lambda row: int(getattr(row, field).get(key, 0))


def _rounded(field: str, key: str, digits: int) -> Callable[[ReportRow], float | None]:
    def get(row: ReportRow) -> float | None:
        value = getattr(row, field).get(key)
        return round(value, digits) if value is not None else None

    return get


def columns() -> list[Column]:
    """The report's columns: header (untranslated), value of a row, width in XLSX."""
    cols: list[Column] = [
        (N_("Key"), lambda r: r.key, 22),
        (N_("Locale"), lambda r: r.locale, 9),
        (N_("Market"), lambda r: r.market, 8),
        (N_("Channel"), lambda r: r.channel or "", 10),
        (N_("Source text"), lambda r: r.source_text or "", 36),
        (N_("Text"), lambda r: r.text, 36),
        (N_("Decision"), lambda r: decision_label(r.decision), 16),
        (N_("Rationale"), lambda r: r.rationale or "", 36),
        (N_("Adopted rewrite"), lambda r: r.adopted_text or "", 36),
        (
            N_("Recommendation"),
            lambda r: decision_label(r.recommendation) if r.recommendation else "",
            16,
        ),
        (N_("Escalated"), lambda r: _("yes") if r.escalated else _("no"), 10),
        (N_("Triggers"), lambda r: "\n".join(r.triggers), 40),
        (N_("Votes"), lambda r: r.votes, 7),
    ]
    cols += [(DECISION_LABELS[d], _count("decision_counts", d), 10) for d in DECISIONS]
    cols += [(_MEAN[dim], _rounded("means", dim, 2), 10) for dim in DIMENSIONS]
    cols += [(_ALPHA[dim], _rounded("alphas", dim, 3), 10) for dim in AGREEMENT_DIMENSIONS]
    cols += [(_CONCERNS[sev], _count("concerns", sev), 10) for sev in SEVERITIES]
    cols += [
        (N_("Comments"), lambda r: "\n".join(r.comments), 60),
        (N_("Decided by"), lambda r: r.decided_by or "", 12),
        (N_("Decided at"), lambda r: r.decided_at or "", 20),
    ]
    return cols


_MEAN = {
    "language": N_("Mean language"),
    "timing": N_("Mean timing"),
    "messaging": N_("Mean messaging"),
    "resonance": N_("Mean resonance"),
}
_ALPHA = {
    "decision": N_("Alpha decision (market)"),
    "language": N_("Alpha language (market)"),
    "timing": N_("Alpha timing (market)"),
    "messaging": N_("Alpha messaging (market)"),
    "resonance": N_("Alpha resonance (market)"),
}
_CONCERNS = {
    "minor": N_("Minor concerns"),
    "major": N_("Major concerns"),
    "critical": N_("Critical concerns"),
}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: Any) -> Any:
    """A cell for CSV: empty for ``None``; text that a spreadsheet would run as a formula
    (starting with = + - @, tab or carriage return) gets a leading apostrophe (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Sequence[ReportRow], out: Path) -> Path:
    """One line per variant and market; UTF-8 with BOM, so Excel shows every script right."""
    cols = columns()
    with Path(out).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([_(header) for header, _get, _w in cols])
        for row in rows:
            writer.writerow([csv_value(get(row)) for _h, get, _w in cols])
    return Path(out)


def write_xlsx(rows: Sequence[ReportRow], out: Path, markets: Sequence[MarketLine] = ()) -> Path:
    """A workbook: the rows (styled header, frozen, filterable, wrapped) and the markets."""
    from .reports_xlsx import write_workbook

    return write_workbook(rows, Path(out), columns(), markets)


__all__ = [
    "MarketLine",
    "ReportRow",
    "columns",
    "csv_value",
    "open_report_source",
    "report_markets",
    "report_rows",
    "write_csv",
    "write_xlsx",
]

"""What the PDF summary says, gathered from a results file or a campaign workspace.

:func:`gather` reads a regional results file (one market, through the
manager's view of it) or a campaign workspace after ``hq-import`` (every
market, through HQ's matrix and its drill-down) into :class:`PdfReport`: per
market its variants with the decision, rationale, triggers and the panel's
concerns (attributed as the core attributes them: "Panelist N" unless the
panelist consented), the agreement per dimension, and whether the market is
ready. Plain Python: the layout is :mod:`culturepanel.ui.pdf_report`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from culturepanel.consolidation.agreement import AGREEMENT_DIMENSIONS, AlphaResult
from culturepanel.consolidation.matrix import cell_details, matrix
from culturepanel.consolidation.reports import report_markets
from culturepanel.consolidation.triggers import (
    ESCALATE,
    GO,
    GO_WITH_CHANGES,
    NO_GO,
    TIMING,
    Trigger,
    TriggerConfig,
)
from culturepanel.consolidation.view import market_summary, variant_summaries
from culturepanel.review.votes import SEVERITIES
from culturepanel.storage.database import KIND_RESULTS, CulturePanelFile

READY, NOT_READY, PENDING, NO_RESULTS = "ready", "not_ready", "pending", "no_results"


@dataclass(frozen=True)
class Concern:
    severity: str | None
    category: str | None
    panelist: str  # "Panelist N" unless the panelist consented to be named
    comment: str


@dataclass(frozen=True)
class PdfVariant:
    key: str
    locale: str
    text: str
    decision: str | None
    rationale: str
    adopted_text: str
    recommendation: str | None
    triggers: tuple[Trigger, ...]
    decision_counts: dict[str, int]
    concerns: tuple[Concern, ...]

    @property
    def timing_conflicts(self) -> list[str]:
        return [str(t.params.get("message", "")) for t in self.triggers if t.code == TIMING]


@dataclass
class PdfMarket:
    market: str
    panelists: int = 0
    returns: int = 0
    imported: bool = True
    variants: list[PdfVariant] = field(default_factory=list)
    alphas: dict[str, AlphaResult | float | None] = field(default_factory=dict)

    def count(self, decision: str | None) -> int:
        return sum(1 for v in self.variants if v.decision == decision)

    @property
    def status(self) -> str:
        """Ready when every variant is go or go with changes."""
        if not self.imported or not self.variants:
            return NO_RESULTS
        if self.count(NO_GO) or self.count(ESCALATE):
            return NOT_READY
        if self.count(None):
            return PENDING
        if all(v.decision in (GO, GO_WITH_CHANGES) for v in self.variants):
            return READY
        return NOT_READY

    def attention(self) -> list[PdfVariant]:
        """Escalated and no-go variants, escalations first."""
        rank = {ESCALATE: 0, NO_GO: 1}
        return sorted(
            (v for v in self.variants if v.decision in rank),
            key=lambda v: (rank[v.decision or ""], v.key, v.locale),
        )

    def top_concerns(
        self, limit: int = 6
    ) -> list[tuple[str | None, dict[str, int], list[str], Concern]]:
        """Concern categories by severity, then frequency: category, counts, variants, example."""
        groups: dict[str | None, tuple[dict[str, int], list[str], list[Concern]]] = {}
        for v in self.variants:
            for c in v.concerns:
                counts, keys, examples = groups.setdefault(
                    c.category, (dict.fromkeys(SEVERITIES, 0), [], [])
                )
                if c.severity in counts:
                    counts[c.severity] += 1
                name = f"{v.key} [{v.locale}]"
                if name not in keys:
                    keys.append(name)
                examples.append(c)
        worst = {s: i for i, s in enumerate(reversed(SEVERITIES))}
        out = []
        for category, (counts, keys, examples) in groups.items():
            examples.sort(key=lambda c: (worst.get(c.severity or "", 9), not c.comment))
            out.append((category, counts, keys, examples[0]))
        out.sort(key=lambda g: (*(-g[1][s] for s in reversed(SEVERITIES)), -len(g[2])))
        return out[:limit]


@dataclass
class PdfReport:
    campaign: str
    scope: str  # "results" (one market) or "workspace" (all markets)
    file_name: str
    made_on: date
    markets: list[PdfMarket]


def _order(v: PdfVariant) -> tuple[int, bool, str, str]:
    """No-go, escalated, undecided, go with changes, go; those with triggers first."""
    rank = {NO_GO: 0, ESCALATE: 1, None: 2, GO_WITH_CHANGES: 3, GO: 4}
    return (rank.get(v.decision, 5), not v.triggers, v.key, v.locale)


def _from_results(cpf: CulturePanelFile, config: TriggerConfig | None) -> list[PdfMarket]:
    summaries = variant_summaries(cpf, config)
    m = market_summary(cpf, summaries)
    market = PdfMarket(m.market, len(m.panelists), len(m.returns), True, [], dict(m.alphas))
    for s in summaries:
        d = s.decision
        concerns = tuple(
            Concern(v.concern_severity, v.concern_category, v.panelist, v.comment.strip())
            for v in s.concerns
        )
        market.variants.append(
            PdfVariant(
                s.variant.key, s.variant.locale, s.variant.text,
                d.decision if d else None, d.rationale if d else "",
                (d.adopted_text or "") if d else "", s.recommendation, s.triggers,
                dict(s.decision_counts), concerns,
            )
        )  # fmt: skip
    market.variants.sort(key=_order)
    return [market]


def _from_workspace(cpf: CulturePanelFile) -> list[PdfMarket]:
    grid = matrix(cpf)
    lines = {line.market: line for line in report_markets(cpf)}
    markets = []
    for code in grid.markets:
        line = lines.get(code)
        market = PdfMarket(code, imported=line is not None)
        if line is not None:
            market.panelists, market.returns = line.panelists, line.returns
            market.alphas = {d: line.alphas.get(d) for d in AGREEMENT_DIMENSIONS}
            for key in grid.keys:
                if grid.cell(key, code) is None:
                    continue
                for detail in cell_details(cpf, key, code):
                    concerns = tuple(
                        Concern(c.concern_severity, c.concern_category, c.panelist, c.comment)
                        for c in detail.comments
                        if c.concern_severity or c.concern_category
                    )
                    market.variants.append(
                        PdfVariant(
                            key, detail.locale, detail.text, detail.decision,
                            detail.rationale or "", detail.adopted_text or "",
                            detail.recommendation, detail.triggers,
                            dict(detail.decision_counts), concerns,
                        )
                    )  # fmt: skip
            market.variants.sort(key=_order)
        markets.append(market)
    return markets


def gather(cpf: CulturePanelFile, config: TriggerConfig | None = None) -> PdfReport:
    """The report of a results file (one market) or of a workspace (every market)."""
    if cpf.kind == KIND_RESULTS:
        markets, scope = _from_results(cpf, config), "results"
    else:
        markets, scope = _from_workspace(cpf), "workspace"
    return PdfReport(cpf.campaign_name or "", scope, cpf.path.name, date.today(), markets)

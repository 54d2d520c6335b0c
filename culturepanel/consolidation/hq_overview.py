"""HQ's overview of a campaign workspace: per market, where its results came from and whether
it is ready to launch.

:func:`imported_results` reads which results file HQ imported for each market
and when; :func:`market_readiness` tells, from the decisions matrix, whether a
market is *ready* (every variant decided go or go with changes) and if not,
why ("2 escalations, 1 undecided"); :func:`key_sources` gives the HQ source
copy of each key (for tooltips and search). No Qt: the HQ window and the PDF
summary both read this.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from culturepanel.i18n import _, ngettext
from culturepanel.storage.database import KIND_CAMPAIGN, CulturePanelFile, open_file

from .matrix import Matrix
from .triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO

READY = "ready"
NOT_READY = "not_ready"
WAITING = "waiting"  # no results imported for the market yet


@dataclass(frozen=True)
class ImportedResults:
    """The results file HQ imported for one market."""

    market: str
    file_name: str
    written_at: str | None
    imported_at: str
    imported_by: str | None
    panelists: int
    named: int  # panelists who consented to be named


@dataclass(frozen=True)
class MarketReadiness:
    """Whether a market can launch: counts of its variants by decision (``None``: undecided)."""

    market: str
    imported: ImportedResults | None
    counts: dict[str | None, int] = field(default_factory=dict)

    @property
    def variants(self) -> int:
        return sum(self.counts.values())

    @property
    def status(self) -> str:
        if self.imported is None:
            return WAITING
        blocking = sum(self.counts.get(d, 0) for d in (None, NO_GO, ESCALATE))
        return READY if self.variants and not blocking else NOT_READY

    @property
    def ready(self) -> bool:
        return self.status == READY

    @property
    def reasons(self) -> list[str]:
        """Why the market is not ready, most pressing first (empty when ready)."""
        if self.imported is None:
            return [_("no results imported yet")]
        if not self.variants:
            return [_("no variants in the results")]
        escalated = self.counts.get(ESCALATE, 0)
        no_go = self.counts.get(NO_GO, 0)
        undecided = self.counts.get(None, 0)
        out = []
        if escalated:
            out.append(
                ngettext("{count} escalation", "{count} escalations", escalated).format(
                    count=escalated
                )
            )
        if no_go:
            out.append(ngettext("{count} no-go", "{count} no-gos", no_go).format(count=no_go))
        if undecided:
            out.append(
                ngettext("{count} undecided", "{count} undecided", undecided).format(
                    count=undecided
                )
            )
        return out

    @property
    def detail(self) -> str:
        """Why not, or what makes it ready: "2 escalations, 1 undecided" / "12 go, 3 go with
        changes"."""
        if self.status != READY:
            return ", ".join(self.reasons)
        go = self.counts.get(GO, 0)
        parts = [ngettext("{count} go", "{count} go", go).format(count=go)]
        changes = self.counts.get(GO_WITH_CHANGES, 0)
        if changes:
            parts.append(
                ngettext("{count} go with changes", "{count} go with changes", changes).format(
                    count=changes
                )
            )
        return ", ".join(parts)

    @property
    def summary(self) -> str:
        """One line, e.g. "Ready: 12 go, 3 go with changes" or "Not ready: 2 escalations"."""
        if self.status == WAITING:
            return _("Waiting for results")
        if self.status == NOT_READY:
            return _("Not ready: {reasons}").format(reasons=self.detail)
        return _("Ready: {counts}").format(counts=self.detail)


def _open(workspace: CulturePanelFile | Path) -> tuple[CulturePanelFile, bool]:
    if isinstance(workspace, CulturePanelFile):
        return workspace, False
    return open_file(Path(workspace), kinds=(KIND_CAMPAIGN,)), True


def imported_results(workspace: CulturePanelFile | Path) -> dict[str, ImportedResults]:
    """The results file imported per market (markets without results are absent)."""
    ws, owned = _open(workspace)
    try:
        rows = ws.conn.execute(
            "SELECT market, file_name, written_at, imported_at, imported_by, summary "
            "FROM market_results ORDER BY market"
        ).fetchall()
    finally:
        if owned:
            ws.conn.close()
    out = {}
    for market, file_name, written_at, imported_at, imported_by, summary in rows:
        data = json.loads(summary or "{}")
        out[market] = ImportedResults(
            market,
            file_name or "",
            written_at,
            imported_at,
            imported_by,
            int(data.get("panelists", 0)),
            int(data.get("named", 0)),
        )
    return out


def market_readiness(grid: Matrix, imported: dict[str, ImportedResults]) -> list[MarketReadiness]:
    """One line per market of the (unfiltered) matrix, in the matrix's order."""
    counts: dict[str, dict[str | None, int]] = {m: {} for m in grid.markets}
    for (_key, market), cell in grid.cells.items():
        per = counts.setdefault(market, {})
        for variant in cell.variants:
            per[variant.decision] = per.get(variant.decision, 0) + 1
    return [MarketReadiness(m, imported.get(m), counts.get(m, {})) for m in grid.markets]


def key_sources(workspace: CulturePanelFile | Path) -> dict[str, str]:
    """The HQ source copy of each active key (the first one given, if variants differ)."""
    ws, owned = _open(workspace)
    try:
        rows = ws.conn.execute(
            "SELECT key, source_text FROM variants WHERE status = 'active' "
            "AND coalesce(source_text, '') != '' ORDER BY key, locale"
        ).fetchall()
    finally:
        if owned:
            ws.conn.close()
    out: dict[str, str] = {}
    for key, source in rows:
        out.setdefault(key, source)
    return out


__all__ = [
    "NOT_READY",
    "READY",
    "WAITING",
    "ImportedResults",
    "MarketReadiness",
    "imported_results",
    "key_sources",
    "market_readiness",
]

"""The localization manager's open results file: the one object the manager window talks to.

:class:`ManagerSession` wraps an open regional results file and offers what the
window needs as plain Python: the per-variant summaries (disagreements first),
the market summary, recording a decision, merging more returned packages,
and computing the automated findings. Every mutating method returns a small
:class:`ConsolidationChange` saying what changed, so the window refreshes only
what it must. Summaries are cached until something changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from culturepanel import findings
from culturepanel.storage.database import KIND_RESULTS, CulturePanelFile, open_file

from .decisions import Decision, decision_history, record_decision
from .merge import MergeReport, merge_packages
from .triggers import TriggerConfig
from .view import MarketSummary, VariantSummary, market_summary, variant_summaries


@dataclass(frozen=True)
class ConsolidationChange:
    """What a mutation changed."""

    variant_ids: tuple[str, ...] = ()  # whose decision changed
    everything: bool = False  # returns were merged: votes, panel and agreement may all change
    saved_at: str | None = None


class ManagerSession:
    """An open regional results file, for the manager's view."""

    def __init__(self, path: Path, config: TriggerConfig | None = None):
        self.cpf: CulturePanelFile = open_file(Path(path), kinds=(KIND_RESULTS,))
        self.config = config or TriggerConfig()
        self._summaries: list[VariantSummary] | None = None
        self._market: MarketSummary | None = None

    @property
    def path(self) -> Path:
        return self.cpf.path

    @property
    def market_code(self) -> str:
        return self.cpf.get_meta("market") or ""

    def close(self) -> None:
        self.cpf.close()

    # -- reading -------------------------------------------------------------------------
    def summaries(self) -> list[VariantSummary]:
        """Every active variant, disagreements first."""
        if self._summaries is None:
            self._summaries = variant_summaries(self.cpf, self.config)
        return self._summaries

    def summary(self, variant_id: str) -> VariantSummary:
        for s in self.summaries():
            if s.variant.id == variant_id:
                return s
        raise KeyError(variant_id)

    def market(self) -> MarketSummary:
        if self._market is None:
            self._market = market_summary(self.cpf, self.summaries())
        return self._market

    def decision_history(self, variant_id: str) -> list[Decision]:
        return decision_history(self.cpf, variant_id)

    # -- changing ------------------------------------------------------------------------
    def set_config(self, config: TriggerConfig) -> ConsolidationChange:
        """New escalation thresholds (from the window's settings): recommendations change."""
        self.config = config
        self._invalidate()
        return ConsolidationChange(everything=True)

    def decide(
        self,
        variant_id: str,
        decision: str,
        rationale: str = "",
        adopt_rewrite_vote_id: str | None = None,
    ) -> ConsolidationChange:
        done = record_decision(self.cpf, variant_id, decision, rationale, adopt_rewrite_vote_id)
        if not done.changed:
            return ConsolidationChange()
        self._invalidate()
        return ConsolidationChange(variant_ids=(variant_id,), saved_at=done.decision.decided_at)

    def merge(
        self, files: Sequence[Path], require_seal: bool = False
    ) -> tuple[MergeReport, ConsolidationChange]:
        """Merge more returned packages (drag and drop, File ▸ Import returned packages)."""
        report = merge_packages(self.path, files, require_seal=require_seal)
        if not report.changed:
            return report, ConsolidationChange()
        self._invalidate()
        return report, ConsolidationChange(
            everything=True, saved_at=self.cpf.get_meta("written_at")
        )

    def update_findings(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> findings.FindingsRun:
        """Compute the automated findings the file lacks (run it in a worker thread)."""
        run = findings.update_findings(self.cpf, progress=progress, cancelled=cancelled)
        self._invalidate()
        return run

    def _invalidate(self) -> None:
        self._summaries = None
        self._market = None

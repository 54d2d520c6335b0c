"""What the manager's view shows of a regional results file, as plain Python values.

:func:`variant_summaries` gives one :class:`VariantSummary` per active variant:
the variant, every panelist's vote (named only with consent), the score
distribution per dimension (counts of 1…5), the decision counts, the automated
findings stored in the file and the panelists' dismissals of them, the timing
findings from the calendar the packages carried, the per-variant agreement,
the escalation triggers, the recommendation and the manager's recorded
decision. They come sorted with the disagreements first.
:func:`market_summary` adds the market-wide picture: panelists and their
returns, alpha per dimension for the market and per variant group, and the
checklist concerns. Nothing here writes to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from culturepanel.calendar import MarketCalendar, TimingFinding, timing_findings
from culturepanel.findings import StoredFinding, stored_findings
from culturepanel.i18n import current_language
from culturepanel.review.package_calendar import load_calendar
from culturepanel.review.session import VariantRow
from culturepanel.review.votes import DECISIONS, DIMENSIONS, SEVERITIES, Vote, votes_of
from culturepanel.storage.database import CulturePanelFile

from .agreement import (
    ACCEPTABLE,
    AlphaResult,
    agreement,
    decision_agreement,
    disagreement,
    key_group,
)
from .decisions import Decision, all_decisions
from .panel import Panelist, roster
from .triggers import Trigger, TriggerConfig, recommend, variant_triggers


@dataclass(frozen=True)
class VoteView:
    """One panelist's vote as the manager (and HQ) may see it."""

    id: str
    panelist_id: str
    panelist: str  # "Panelist N", or the name if the panelist consented
    panelist_number: int
    decision: str | None
    scores: dict[str, int | None]
    concern_category: str | None
    concern_severity: str | None
    comment: str
    rewrite: str
    stale: bool  # voted on an earlier text of the variant
    updated_at: str | None


@dataclass(frozen=True)
class VariantSummary:
    """Everything about one variant that the manager weighs before deciding."""

    variant: VariantRow
    group: str
    votes: tuple[VoteView, ...]
    distribution: dict[str, tuple[int, ...]]  # dimension -> counts of scores 1..5
    means: dict[str, float | None]
    decision_counts: dict[str, int]  # every panel decision, 0 included
    findings: tuple[StoredFinding, ...]
    panel_dismissals: dict[str, tuple[tuple[str, str], ...]]  # finding key -> (panelist, reason)
    timing: tuple[TimingFinding, ...]
    agreement: float | None  # decision agreement, see .agreement
    disagreement: float
    triggers: tuple[Trigger, ...]
    recommendation: str | None
    decision: Decision | None

    @property
    def concerns(self) -> list[VoteView]:
        return [v for v in self.votes if v.concern_category or v.concern_severity]

    @property
    def comments(self) -> list[VoteView]:
        return [v for v in self.votes if v.comment.strip()]

    @property
    def rewrites(self) -> list[VoteView]:
        return [v for v in self.votes if v.rewrite.strip()]

    @property
    def concern_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for v in self.votes:
            if v.concern_severity in counts:
                counts[v.concern_severity] += 1
        return counts

    @property
    def voted(self) -> int:
        return sum(1 for v in self.votes if v.decision)


@dataclass(frozen=True)
class ReturnInfo:
    panelist: str
    panelist_number: int
    action: str  # accepted / replaced
    written_at: str | None
    submitted_at: str | None
    merged_at: str
    votes: int
    sealed: bool  # the package carried an issue seal, and it matched


@dataclass(frozen=True)
class GroupAgreement:
    kind: str  # "key" (prefix of the key) or "channel"
    name: str
    variants: int
    alphas: dict[str, AlphaResult]


@dataclass(frozen=True)
class ChecklistConcern:
    item_id: str
    item: dict[str, object]  # the checklist item as the package carried it
    panelist: str
    note: str


@dataclass(frozen=True)
class MarketSummary:
    campaign: str
    campaign_id: str
    market: str
    panelists: tuple[Panelist, ...]
    returns: tuple[ReturnInfo, ...]
    variants: int
    voted: int  # variants with at least one panel decision
    decided: int  # variants with a manager's decision
    decisions: dict[str, int]  # manager's decision -> count
    recommendations: dict[str, int]
    triggered: int  # variants with at least one trigger
    alphas: dict[str, AlphaResult]
    groups: tuple[GroupAgreement, ...]
    checklist_concerns: tuple[ChecklistConcern, ...]
    low_agreement: tuple[str, ...] = field(default=())  # dimensions with alpha < threshold


def load_votes(cpf: CulturePanelFile) -> list[Vote]:
    """Every panelist's votes in the file."""
    out: list[Vote] = []
    for pid in roster(cpf):
        out.extend(votes_of(cpf, pid).values())
    return out


def _variants(cpf: CulturePanelFile, ids: Iterable[str] | None) -> list[VariantRow]:
    cur = cpf.conn.execute("SELECT * FROM variants WHERE status = 'active' ORDER BY key, locale")
    names = [d[0] for d in cur.description]
    wanted = set(ids) if ids is not None else None
    rows = []
    for values in cur:
        r = dict(zip(names, values, strict=True))
        if wanted is not None and r["id"] not in wanted:
            continue
        rows.append(
            VariantRow(
                id=r["id"],
                key=r["key"],
                locale=r["locale"],
                locale_label=r["locale_label"] or r["locale"],
                market=r["market"],
                channel=r["channel"],
                source_text=r["source_text"],
                text=r["text"],
                launch_start=date.fromisoformat(r["launch_start"]) if r["launch_start"] else None,
                launch_end=date.fromisoformat(r["launch_end"]) if r["launch_end"] else None,
                asset_id=r["asset_id"],
                notes=r["notes"],
                content_hash=r["content_hash"],
                revision=r["revision"],
            )
        )
    return rows


def _timing(calendar: MarketCalendar | None, variant: VariantRow) -> tuple[TimingFinding, ...]:
    if calendar is None or variant.launch_start is None:
        return ()
    try:
        end = max(variant.launch_end or variant.launch_start, variant.launch_start)
        return tuple(timing_findings(calendar, variant.launch_start, end))
    except ValueError:
        return ()


def _dismissals(
    cpf: CulturePanelFile, panel: dict[str, Panelist]
) -> dict[str, dict[str, list[tuple[str, str]]]]:
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for pid, vid, key, reason in cpf.conn.execute(
        "SELECT panelist_id, variant_id, finding_key, reason FROM panel_dismissals "
        "ORDER BY variant_id, finding_key"
    ):
        label = panel[pid].label if pid in panel else "?"
        out.setdefault(vid, {}).setdefault(key, []).append((label, reason or ""))
    return out


def variant_summaries(
    cpf: CulturePanelFile,
    config: TriggerConfig | None = None,
    language: str | None = None,
    variant_ids: Iterable[str] | None = None,
) -> list[VariantSummary]:
    """One summary per active variant (or per ``variant_ids``), disagreements first."""
    panel = roster(cpf)
    by_variant: dict[str, list[Vote]] = {}
    for vote in load_votes(cpf):
        by_variant.setdefault(vote.variant_id, []).append(vote)
    decisions = all_decisions(cpf)
    dismissals = _dismissals(cpf, panel)
    calendar = load_calendar(cpf, language or current_language())
    out = []
    for variant in _variants(cpf, variant_ids):
        votes = sorted(
            by_variant.get(variant.id, []),
            key=lambda v: panel[v.panelist_id].number if v.panelist_id in panel else 0,
        )
        timing = _timing(calendar, variant)
        triggers = variant_triggers(votes, timing, config)
        out.append(
            VariantSummary(
                variant=variant,
                group=key_group(variant.key),
                votes=tuple(_view(v, panel, variant) for v in votes),
                distribution={
                    dim: tuple(sum(1 for v in votes if v.scores.get(dim) == s) for s in range(1, 6))
                    for dim in DIMENSIONS
                },
                means={dim: _mean(v.scores.get(dim) for v in votes) for dim in DIMENSIONS},
                decision_counts={d: sum(1 for v in votes if v.decision == d) for d in DECISIONS},
                findings=tuple(stored_findings(cpf, variant.id)),
                panel_dismissals={k: tuple(v) for k, v in dismissals.get(variant.id, {}).items()},
                timing=timing,
                agreement=decision_agreement([v.decision for v in votes]),
                disagreement=disagreement(votes),
                triggers=tuple(triggers),
                recommendation=recommend(votes, triggers),
                decision=decisions.get(variant.id),
            )
        )
    return sort_disagreements_first(out)


def sort_disagreements_first(summaries: Sequence[VariantSummary]) -> list[VariantSummary]:
    """Most disagreement first; then variants with triggers; then by key and locale."""
    return sorted(
        summaries,
        key=lambda s: (-round(s.disagreement, 6), not s.triggers, s.variant.key, s.variant.locale),
    )


def _view(vote: Vote, panel: dict[str, Panelist], variant: VariantRow) -> VoteView:
    p = panel.get(vote.panelist_id)
    return VoteView(
        id=vote.id or "",
        panelist_id=vote.panelist_id,
        panelist=p.label if p else "?",
        panelist_number=p.number if p else 0,
        decision=vote.decision,
        scores=dict(vote.scores),
        concern_category=vote.concern_category,
        concern_severity=vote.concern_severity,
        comment=vote.comment,
        rewrite=vote.rewrite,
        stale=bool(vote.voted_hash and vote.voted_hash != variant.content_hash),
        updated_at=vote.updated_at,
    )


def _mean(values: Iterable[int | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) / len(given) if given else None


def market_summary(
    cpf: CulturePanelFile,
    summaries: Sequence[VariantSummary] | None = None,
    threshold: float = ACCEPTABLE,
) -> MarketSummary:
    """The market as a whole; pass ``summaries`` if you have them already."""
    summaries = list(summaries) if summaries is not None else variant_summaries(cpf)
    panel = roster(cpf)
    votes = load_votes(cpf)
    ids = [s.variant.id for s in summaries]
    alphas = agreement(votes, ids, list(panel))
    groups: list[GroupAgreement] = []
    for kind in ("key", "channel"):
        members: dict[str, list[str]] = {}
        for s in summaries:
            name = s.group if kind == "key" else (s.variant.channel or "")
            members.setdefault(name, []).append(s.variant.id)
        for name, ids_ in sorted(members.items()):
            alphas_ = agreement(votes, ids_, list(panel))
            groups.append(GroupAgreement(kind, name, len(ids_), alphas_))
    recorded: dict[str, int] = {}
    recommended: dict[str, int] = {}
    for s in summaries:
        if s.decision:
            recorded[s.decision.decision] = recorded.get(s.decision.decision, 0) + 1
        if s.recommendation:
            recommended[s.recommendation] = recommended.get(s.recommendation, 0) + 1
    return MarketSummary(
        campaign=cpf.campaign_name,
        campaign_id=cpf.campaign_id,
        market=cpf.get_meta("market") or "",
        panelists=tuple(panel.values()),
        returns=tuple(_returns(cpf, panel)),
        variants=len(summaries),
        voted=sum(1 for s in summaries if s.voted),
        decided=sum(1 for s in summaries if s.decision),
        decisions=recorded,
        recommendations=recommended,
        triggered=sum(1 for s in summaries if s.triggers),
        alphas=alphas,
        groups=tuple(groups),
        checklist_concerns=tuple(_checklist_concerns(cpf, panel)),
        low_agreement=tuple(dim for dim, a in alphas.items() if a.below(threshold)),
    )


def _returns(cpf: CulturePanelFile, panel: dict[str, Panelist]) -> list[ReturnInfo]:
    out = []
    for pid, action, written, submitted, merged, votes, seal in cpf.conn.execute(
        "SELECT panelist_id, action, written_at, submitted_at, merged_at, votes, seal "
        "FROM returns WHERE status = 'current'"
    ):
        p = panel.get(pid)
        out.append(
            ReturnInfo(
                p.label if p else "?",
                p.number if p else 0,
                action,
                written,
                submitted,
                merged,
                votes or 0,
                bool(seal),
            )
        )
    return sorted(out, key=lambda r: r.panelist_number)


def _checklist_concerns(
    cpf: CulturePanelFile, panel: dict[str, Panelist]
) -> list[ChecklistConcern]:
    out = []
    for item_id, data, pid, note in cpf.conn.execute(
        "SELECT a.item_id, i.data, a.panelist_id, a.note FROM checklist_answers a "
        "JOIN checklist_items i ON i.id = a.item_id "
        "LEFT JOIN panelists p ON p.id = a.panelist_id WHERE a.answer = 'concern' "
        "ORDER BY i.position, p.roster_number"
    ):
        p = panel.get(pid)
        out.append(ChecklistConcern(item_id, json.loads(data), p.label if p else "?", note or ""))
    return out

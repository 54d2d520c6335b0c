"""HQ's variants × markets matrix of decisions, and the drill-down into one cell.

Rows are the campaign's keys, columns its markets (every market with active
variants or imported results). A cell holds the key's variants in that market
(usually one; a market with two languages has two) with the region's decisions.
The cell's :attr:`MatrixCell.decision` is the one needing most attention
(no-go, then escalate, go with changes, go); ``None`` means not decided yet,
and a missing cell means the key has no variant for that market. The UI shows
each decision as colour *and* text (:func:`decision_label`,
:data:`DECISION_SHORT`). :func:`cell_details` gives everything behind a cell:
the variant, decision, rationale, adopted rewrite, triggers, scores and each
panelist's vote and comment, named only with consent.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from culturepanel.i18n import N_, _
from culturepanel.review.finish import CONSENT_NAMED
from culturepanel.storage.database import KIND_CAMPAIGN, CulturePanelFile, open_file

from .decisions import DECISION_RANK, decision_label
from .panel import panelist_label
from .triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO, Trigger

#: A short text for each decision, shown in the cell beside its colour.
DECISION_SHORT = {
    GO: N_("GO"),
    GO_WITH_CHANGES: N_("GO*"),
    NO_GO: N_("NO-GO"),
    ESCALATE: N_("ESC"),
    None: N_("open"),
}

__all__ = [
    "DECISION_SHORT",
    "CellComment",
    "CellDetail",
    "CellVariant",
    "Matrix",
    "MatrixCell",
    "cell_details",
    "decision_label",
    "matrix",
]


@dataclass(frozen=True)
class CellVariant:
    variant_id: str
    locale: str
    decision: str | None
    escalated: bool
    votes: int
    decision_counts: dict[str, int]


@dataclass(frozen=True)
class MatrixCell:
    key: str
    market: str
    variants: tuple[CellVariant, ...]

    @property
    def decision(self) -> str | None:
        """The decision that needs most attention; ``None`` if any variant is undecided."""
        decided = [v.decision for v in self.variants]
        if not decided or any(d is None for d in decided):
            return None
        return min(decided, key=lambda d: DECISION_RANK.get(d or "", 9))

    @property
    def escalated(self) -> bool:
        return any(v.escalated for v in self.variants)

    @property
    def votes(self) -> int:
        return sum(v.votes for v in self.variants)

    @property
    def decision_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in self.variants:
            for d, n in v.decision_counts.items():
                out[d] = out.get(d, 0) + n
        return out

    @property
    def short(self) -> str:
        return _(DECISION_SHORT[self.decision])


@dataclass
class Matrix:
    keys: list[str]
    markets: list[str]
    cells: dict[tuple[str, str], MatrixCell] = field(default_factory=dict)
    imported: dict[str, str] = field(default_factory=dict)  # market -> imported_at

    def cell(self, key: str, market: str) -> MatrixCell | None:
        return self.cells.get((key, market))


@dataclass(frozen=True)
class CellComment:
    panelist: str  # the name only with consent, else "Panelist N"
    decision: str | None
    concern_category: str | None
    concern_severity: str | None
    comment: str
    rewrite: str
    scores: dict[str, int | None]


@dataclass(frozen=True)
class CellDetail:
    variant_id: str
    key: str
    locale: str
    market: str
    source_text: str | None
    text: str
    decision: str | None
    rationale: str | None
    adopted_text: str | None
    decided_by: str | None
    decided_at: str | None
    escalated: bool
    recommendation: str | None
    triggers: tuple[Trigger, ...]
    means: dict[str, float | None]
    distribution: dict[str, list[int]]
    decision_counts: dict[str, int]
    agreement: float | None
    comments: tuple[CellComment, ...]


def _open(workspace: CulturePanelFile | Path) -> tuple[CulturePanelFile, bool]:
    if isinstance(workspace, CulturePanelFile):
        return workspace, False
    return open_file(Path(workspace), kinds=(KIND_CAMPAIGN,)), True


def matrix(workspace: CulturePanelFile | Path, only_escalated: bool = False) -> Matrix:
    """The keys × markets matrix; ``only_escalated`` keeps keys with an escalated cell."""
    ws, owned = _open(workspace)
    try:
        conn = ws.conn
        imported = dict(conn.execute("SELECT market, imported_at FROM market_results"))
        markets = sorted(
            {
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT market FROM variants WHERE status = 'active'"
                )
            }
            | set(imported)
        )
        decided: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
        for row in conn.execute(
            "SELECT variant_id, market, decision, escalated, votes, decision_counts "
            "FROM market_decisions"
        ):
            decided.setdefault((row[0], row[1]), []).append(row)
        cells: dict[tuple[str, str], list[CellVariant]] = {}
        for vid, key, locale, vmarket in conn.execute(
            "SELECT id, key, locale, market FROM variants WHERE status = 'active' "
            "ORDER BY key, locale"
        ):
            rows = [r for m in markets for r in decided.get((vid, m), [])]
            if not rows:
                cells.setdefault((key, vmarket), []).append(
                    CellVariant(vid, locale, None, False, 0, {})
                )
            for _vid, market, decision, escalated, votes, counts in rows:
                cells.setdefault((key, str(market)), []).append(
                    CellVariant(
                        vid,
                        locale,
                        decision if isinstance(decision, str) else None,
                        bool(escalated),
                        int(votes or 0),
                        json.loads(counts) if isinstance(counts, str) else {},
                    )
                )
        result = Matrix(
            keys=sorted({k for k, _m in cells}),
            markets=markets,
            cells={k: MatrixCell(k[0], k[1], tuple(v)) for k, v in cells.items()},
            imported=imported,
        )
    finally:
        if owned:
            ws.conn.close()
    if only_escalated:
        keep = {k for (k, _m), c in result.cells.items() if c.escalated}
        result.keys = [k for k in result.keys if k in keep]
        result.cells = {km: c for km, c in result.cells.items() if km[0] in keep}
    return result


def cell_details(workspace: CulturePanelFile | Path, key: str, market: str) -> list[CellDetail]:
    """Everything behind one cell: per variant its decision, triggers, votes and comments."""
    ws, owned = _open(workspace)
    try:
        conn = ws.conn
        out = []
        for vid, locale, source, text in conn.execute(
            "SELECT id, locale, source_text, text FROM variants "
            "WHERE key = ? AND status = 'active' ORDER BY locale",
            (key,),
        ).fetchall():
            row = conn.execute(
                "SELECT decision, rationale, adopted_text, decided_by, decided_at, escalated, "
                "recommendation, triggers, scores, decision_counts, agreement "
                "FROM market_decisions WHERE variant_id = ? AND market = ?",
                (vid, market),
            ).fetchone()
            if row is None:
                continue
            scores = json.loads(row[8] or "{}")
            comments = _comments(conn, vid, market)
            out.append(
                CellDetail(
                    variant_id=vid,
                    key=key,
                    locale=locale,
                    market=market,
                    source_text=source,
                    text=text,
                    decision=row[0],
                    rationale=row[1],
                    adopted_text=row[2],
                    decided_by=row[3],
                    decided_at=row[4],
                    escalated=bool(row[5]),
                    recommendation=row[6],
                    triggers=tuple(Trigger.from_dict(t) for t in json.loads(row[7] or "[]")),
                    means=scores.get("means", {}),
                    distribution=scores.get("distribution", {}),
                    decision_counts=json.loads(row[9] or "{}"),
                    agreement=row[10],
                    comments=comments,
                )
            )
        return out
    finally:
        if owned:
            ws.conn.close()


def _comments(conn: sqlite3.Connection, variant_id: str, market: str) -> tuple[CellComment, ...]:
    rows = conn.execute(
        "SELECT panelist_number, panelist_name, decision, concern_category, concern_severity, "
        "comment, rewrite, scores FROM market_comments WHERE variant_id = ? AND market = ? "
        "ORDER BY panelist_number",
        (variant_id, market),
    ).fetchall()
    return tuple(
        CellComment(
            panelist_label(name, CONSENT_NAMED if name else None, number),
            decision,
            category,
            severity,
            comment or "",
            rewrite or "",
            json.loads(scores or "{}"),
        )
        for number, name, decision, category, severity, comment, rewrite, scores in rows
    )

"""The consolidation part of ``culturepanel info``: results files and HQ's imported markets.

:func:`results_summary` (kind ``results``) and :func:`workspace_summary` (kind
``campaign``) return JSON-ready dicts to merge into :func:`culturepanel.info.file_info`;
:func:`format_lines` renders their keys for a terminal. Panelists are counted,
never named.
"""

from __future__ import annotations

import json
from typing import Any

from culturepanel.i18n import _
from culturepanel.storage.database import CulturePanelFile


def _one(cpf: CulturePanelFile, sql: str) -> int:
    return int(cpf.conn.execute(sql).fetchone()[0])


def results_summary(cpf: CulturePanelFile) -> dict[str, Any]:
    """Market, panelists, returns, votes and decisions of a regional results file."""
    decisions = dict(
        cpf.conn.execute("SELECT decision, count(*) FROM decisions GROUP BY decision").fetchall()
    )
    return {
        "market": cpf.get_meta("market"),
        "panelists": _one(cpf, "SELECT count(*) FROM panelists"),
        "panelists_named": _one(cpf, "SELECT count(*) FROM panelists WHERE consent = 'named'"),
        "returns": _one(cpf, "SELECT count(*) FROM returns WHERE status = 'current'"),
        "returns_replaced": _one(cpf, "SELECT count(*) FROM returns WHERE status = 'superseded'"),
        "votes": _one(cpf, "SELECT count(*) FROM votes WHERE decision IS NOT NULL"),
        "decisions": sum(decisions.values()),
        "decisions_by_kind": decisions,
    }


def workspace_summary(cpf: CulturePanelFile) -> dict[str, Any]:
    """The markets whose results HQ imported (empty before the first ``hq-import``)."""
    markets: dict[str, Any] = {}
    for market, imported_at, summary in cpf.conn.execute(
        "SELECT market, imported_at, summary FROM market_results ORDER BY market"
    ):
        data = json.loads(summary or "{}")
        markets[market] = {
            "imported_at": imported_at,
            "decided": data.get("decided", 0),
            "escalated": data.get("decisions", {}).get("escalate", 0),
            "panelists": data.get("panelists", 0),
        }
    return {"results_markets": markets} if markets else {}


def format_lines(info: dict[str, Any]) -> list[str]:
    """Lines for ``culturepanel info`` from the keys the two summaries add."""
    lines = []
    if "returns" in info:
        lines += [
            _("Market:          {market}").format(market=info.get("market") or "—"),
            _("Panelists:       {count} ({named} named with consent)").format(
                count=info["panelists"], named=info["panelists_named"]
            ),
            _("Returns:         {count} merged ({replaced} replaced by newer ones)").format(
                count=info["returns"], replaced=info["returns_replaced"]
            ),
            _("Votes:           {count}").format(count=info["votes"]),
            _("Decisions:       {count}").format(count=info["decisions"]),
        ]
    for market, entry in info.get("results_markets", {}).items():
        lines.append(
            _("Results {market}:      {decided} decided, {escalated} escalated ({date})").format(
                market=market,
                decided=entry["decided"],
                escalated=entry["escalated"],
                date=entry["imported_at"],
            )
        )
    return lines

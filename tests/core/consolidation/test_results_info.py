"""What ``culturepanel info`` can add for results files and HQ's imported markets."""

from __future__ import annotations

from pathlib import Path

from culturepanel.consolidation.decisions import record_decision
from culturepanel.consolidation.hq import hq_import
from culturepanel.consolidation.results_info import (
    format_lines,
    results_summary,
    workspace_summary,
)
from culturepanel.storage.database import open_file


def test_results_and_workspace_summaries(eg: Path, ws: Path) -> None:
    with open_file(eg) as cpf:
        vid = cpf.conn.execute("SELECT id FROM variants WHERE key = 'hero.title'").fetchone()[0]
    record_decision(eg, vid, "escalate", "Eid")
    with open_file(eg) as cpf:
        info = results_summary(cpf)
    assert info == {
        "market": "EG",
        "panelists": 3,
        "panelists_named": 1,
        "returns": 3,
        "returns_replaced": 0,
        "votes": 9,
        "decisions": 1,
        "decisions_by_kind": {"escalate": 1},
    }
    lines = format_lines(info)
    assert "Panelists:       3 (1 named with consent)" in lines
    with open_file(ws) as cpf:
        assert workspace_summary(cpf) == {}
    hq_import(ws, [eg])
    with open_file(ws) as cpf:
        summary = workspace_summary(cpf)
    assert summary["results_markets"]["EG"]["escalated"] == 1
    assert format_lines(summary)[0].startswith("Results EG:")

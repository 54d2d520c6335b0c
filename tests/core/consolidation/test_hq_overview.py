"""HQ's overview: per market whether it is ready and why, and where its results came from."""

from __future__ import annotations

from pathlib import Path

from culturepanel.consolidation.decisions import record_decision
from culturepanel.consolidation.hq import hq_import
from culturepanel.consolidation.hq_overview import (
    NOT_READY,
    READY,
    WAITING,
    imported_results,
    key_sources,
    market_readiness,
)
from culturepanel.consolidation.matrix import matrix

from .factory import variant_ids


def test_nothing_imported_every_market_waits(ws: Path) -> None:
    lines = market_readiness(matrix(ws), imported_results(ws))
    assert [(line.market, line.status) for line in lines] == [("DE", WAITING), ("EG", WAITING)]
    assert lines[0].summary == "Waiting for results"
    assert key_sources(ws)["hero.sub"] == "New colours, light fabrics."


def test_ready_when_every_variant_is_go_or_go_with_changes(
    ws: Path, eg: Path, de_results: Path
) -> None:
    for n, vid in enumerate(sorted(set(variant_ids(de_results).values()))):
        if n == 0:
            record_decision(de_results, vid, "go_with_changes", "Shorter")
        else:
            record_decision(de_results, vid, "go")
    ids = variant_ids(eg)
    record_decision(eg, ids["hero.title@ar-EG"], "escalate", "Eid")
    record_decision(eg, ids["cta@en"], "no_go", "Wrong language for the channel")
    hq_import(ws, [eg, de_results])
    imported = imported_results(ws)
    assert imported["EG"].file_name == "results-EG.cpanel"
    assert imported["EG"].panelists == 3 and imported["EG"].named == 1
    de, eg_line = market_readiness(matrix(ws), imported)
    assert de.status == READY and de.ready
    assert de.summary == "Ready: 3 go, 1 go with changes"
    assert eg_line.status == NOT_READY
    assert eg_line.reasons == ["1 escalation", "1 no-go", "1 undecided"]
    assert eg_line.summary == "Not ready: 1 escalation, 1 no-go, 1 undecided"

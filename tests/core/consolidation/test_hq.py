"""HQ imports the markets' results: idempotent, newer replaces older, a matrix to drill into."""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

from culturepanel.cli import main
from culturepanel.consolidation.decisions import record_decision
from culturepanel.consolidation.hq import (
    IMPORTED,
    OUTDATED,
    REFUSED,
    REPLACED,
    UNCHANGED,
    hq_import,
)
from culturepanel.consolidation.matrix import cell_details, matrix
from culturepanel.consolidation.merge import merge_packages
from culturepanel.storage.database import open_file

from .factory import issue, review, vote, workspace


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def decide_eg(eg: Path) -> None:
    with open_file(eg) as cpf:
        ids = {
            f"{k}@{loc}": v
            for v, k, loc in cpf.conn.execute("SELECT id, key, locale FROM variants")
        }
    record_decision(eg, ids["hero.title@ar-EG"], "escalate", "Launch meets Eid; two rejections")
    with open_file(eg) as cpf:
        rewrite = cpf.conn.execute(
            "SELECT id FROM votes WHERE variant_id = ? AND rewrite != ''", (ids["cta@ar-EG"],)
        ).fetchone()[0]
    record_decision(eg, ids["cta@ar-EG"], "go_with_changes", "Warmer wording", rewrite)
    record_decision(eg, ids["cta@en"], "go")


def test_import_builds_the_matrix_with_drill_down(ws: Path, eg: Path, de_results: Path) -> None:
    decide_eg(eg)
    report = hq_import(ws, [eg, de_results])
    assert [(f.status, f.market, f.decisions, f.comments) for f in report.files] == [
        (IMPORTED, "EG", 3, 9),
        (IMPORTED, "DE", 4, 12),
    ]
    grid = matrix(ws)
    assert grid.markets == ["DE", "EG"]
    assert grid.keys == ["cta", "hero.sub", "hero.title", "push.sale"]
    cta = grid.cell("cta", "EG")
    assert cta is not None and len(cta.variants) == 2
    assert cta.decision == "go_with_changes"  # the one needing more attention of go / go*
    assert cta.short == "GO*" and not cta.escalated and cta.votes == 6
    hero = grid.cell("hero.title", "EG")
    assert hero is not None and hero.escalated and hero.decision == "escalate"
    assert grid.cell("hero.sub", "EG") is None  # no variant of that key for EG
    de_cell = grid.cell("cta", "DE")
    assert de_cell is not None and de_cell.decision is None and de_cell.short == "open"
    assert de_cell.decision_counts["approve"] == 3
    only = matrix(ws, only_escalated=True)
    assert only.keys == ["hero.title"]  # the rows with an escalation, every market of them
    assert set(only.cells) == {("hero.title", "EG"), ("hero.title", "DE")}
    (detail,) = cell_details(ws, "hero.title", "EG")
    assert detail.rationale == "Launch meets Eid; two rejections"
    assert [c.panelist for c in detail.comments] == ["Amira", "Panelist 2", "Panelist 3"]
    assert detail.comments[0].comment == "Not during Eid"
    assert {t.code for t in detail.triggers} == {"critical", "rejects", "disagreement", "timing"}
    assert detail.recommendation == "escalate"
    assert detail.distribution["timing"] == [2, 0, 1, 0, 0]
    cta_details = cell_details(ws, "cta", "EG")
    assert [d.adopted_text for d in cta_details] == ["اكتشفه الآن", None]


def test_importing_again_changes_nothing_and_newer_results_replace(
    ws: Path, eg: Path, tmp_path: Path
) -> None:
    assert hq_import(ws, [eg]).files[0].status == IMPORTED
    before = sha(ws)
    again = hq_import(ws, [eg])
    assert again.files[0].status == UNCHANGED and sha(ws) == before
    older = tmp_path / "results-EG-old.cpanel"
    older.write_bytes(eg.read_bytes())
    time.sleep(1.1)
    decide_eg(eg)
    newer = hq_import(ws, [eg])
    assert newer.files[0].status == REPLACED
    with open_file(ws) as cpf:
        assert (
            cpf.conn.execute(
                "SELECT count(*) FROM market_decisions WHERE market = 'EG' AND decision IS NOT NULL"
            ).fetchone()[0]
            == 3
        )
    stale = hq_import(ws, [older])
    assert stale.files[0].status == OUTDATED
    assert "the newer ones are kept" in stale.files[0].message


def test_results_of_another_campaign_or_not_results_are_refused(
    ws: Path, eg: Path, de: dict[str, Path], tmp_path: Path
) -> None:
    other_ws = workspace(tmp_path / "other", name="Autumn 2027")
    other = issue(other_ws, "DE", ["Lena"], tmp_path / "other-out")
    review(other["Lena"], {"cta": vote()})
    other_results = tmp_path / "other-results.cpanel"
    merge_packages(other_results, [other["Lena"]])
    text = tmp_path / "results.txt"
    text.write_text("EG: go", encoding="utf-8")
    report = hq_import(ws, [other_results, de["Anna"], text, eg])
    assert [f.status for f in report.files] == [REFUSED, REFUSED, REFUSED, IMPORTED]
    assert "campaign 'Autumn 2027', not of 'Spring 2027'" in report.files[0].message
    assert "review package; this needs a regional results file" in report.files[1].message
    assert "not a CulturePanel file" in report.files[2].message


def test_hq_import_command(ws: Path, eg: Path, de: dict[str, Path]) -> None:
    code, out, _err = run("hq-import", str(ws), str(eg))
    assert code == 0 and "imported: results-EG.cpanel: EG: 3 variants" in out
    code, out, _err = run("hq-import", str(ws), str(eg))
    assert code == 0 and "unchanged" in out
    code, _out, err = run("hq-import", str(ws), str(de["Anna"]))
    assert code == 1 and "refused" in err

"""The whole round trip through files only, and anonymity honoured in every export.

import → a package for each of three panelists → votes (the review window's
core, and one panelist through the offline ballot) → submit → merge → decide →
hq-import → reports (CSV, XLSX, XLIFF), almost all through the command line.
Anna consents to be named; Jonas chooses anonymous; Mira is never asked. Neither
Jonas's nor Mira's name may appear in any file HQ receives or any export.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from culturepanel.cli import main
from culturepanel.consolidation.matrix import cell_details, matrix
from culturepanel.consolidation.reports import report_rows
from culturepanel.importers import read_campaign_file
from culturepanel.review.ballot import export_ballot, import_ballot
from culturepanel.review.session import ReviewSession
from culturepanel.storage.database import open_file

from .factory import ROWS, campaign_csv, issue

HIDDEN = ("Jonas", "Mira")


def run(*args: object) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def session_votes(package: Path, votes: dict[str, dict[str, object]], consent: str | None) -> None:
    """A panelist in the review window: consent asked on first opening, votes, submit."""
    session = ReviewSession(package)
    try:
        if consent:
            session.set_consent(consent)
        ids = {session.variant(v).key: v for v in session.variant_ids()}
        for key, changes in votes.items():
            session.save(ids[key], changes)
        checklist = session.checklist()
        assert checklist is not None
        session.answer_checklist(
            checklist.items[0].id, "concern", "Spring colours read as mourning"
        )
        session.submit()
    finally:
        session.close()


def ballot_votes(package: Path, folder: Path) -> None:
    """A panelist without the app: fills in the spreadsheet ballot, which is imported."""
    ballot = folder / "jonas-ballot.xlsx"
    export_ballot(package, ballot)
    wb = openpyxl.load_workbook(ballot)
    ws = wb.worksheets[1]
    col = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        key = ws.cell(row=r, column=col["Key"]).value
        decision = "Approve with changes" if key == "hero.title" else "Approve"
        ws.cell(row=r, column=col["Decision"]).value = decision
        ws.cell(row=r, column=col["Language (1–5)"]).value = 3 if key == "hero.title" else 5
        if key == "hero.title":
            ws.cell(row=r, column=col["Comment"]).value = "Klingt nach Winterschluss."
            ws.cell(row=r, column=col["Suggested rewrite"]).value = "Hallo Frühling!"
    wb.save(ballot)
    report = import_ballot(package, ballot)
    assert report.updated == 4
    session = ReviewSession(package)
    try:
        session.set_consent("anonymous")
        session.submit()
    finally:
        session.close()


def exported_bytes(path: Path) -> bytes:
    """Everything in a file as bytes; an XLSX is unzipped (its text is compressed)."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in z.namelist())
    return path.read_bytes()


def test_round_trip_through_files_with_anonymity(tmp_path: Path) -> None:
    hq, inbox, reports = tmp_path / "hq", tmp_path / "inbox", tmp_path / "reports"
    hq.mkdir()
    ws = hq / "spring.cpanel"
    run("import", ws, campaign_csv(hq / "campaign.csv", ROWS), "--campaign", "Spring 2027")
    out = run(
        "package", ws, "--market", "DE", "--panelist", "Anna", "--panelist", "Jonas",
        "--panelist", "Mira", "--out", tmp_path / "out",
    )  # fmt: skip
    assert out.count("Wrote") == 3
    packages = issue(ws, "DE", ["Anna", "Jonas", "Mira"], tmp_path / "out")  # refresh + seal

    approve = {"decision": "approve", "score_language": 5, "score_timing": 4}
    session_votes(
        packages["Anna"],
        {
            "hero.title": {**approve},
            "hero.sub": {**approve},
            "cta": {"decision": "reject", "score_language": 2, "concern_severity": "critical",
                    "concern_category": "audience_appropriateness", "comment": "Zu aggressiv."},
            "push.sale": {**approve},
        },
        "named",
    )  # fmt: skip
    ballot_votes(packages["Jonas"], tmp_path)
    session_votes(
        packages["Mira"],
        {
            "hero.title": {**approve},
            "hero.sub": {**approve, "comment": "Schön."},
            "cta": {"decision": "reject", "score_language": 1, "comment": "Wirkt billig."},
            "push.sale": {**approve},
        },
        None,  # never asked: anonymous
    )
    returned = [Path(p) for p in packages.values()]
    for p in returned:  # the panelists send their files back
        (inbox / p.name).parent.mkdir(exist_ok=True)
        (inbox / p.name).write_bytes(p.read_bytes())

    results = tmp_path / "region" / "results-DE.cpanel"
    out = run("merge", results, *sorted(inbox.iterdir()))
    assert "Anna" in out and "Panelist 2" in out and "Panelist 3" in out
    assert "3 merged" in out
    assert "0 merged, 0 replaced, 3 unchanged" in run("merge", results, *sorted(inbox.iterdir()))

    run("decide", results, "--key", "hero.title", "--decision", "go_with_changes",
        "--rationale", "Take the warmer line", "--adopt-rewrite-from", "Panelist 2")  # fmt: skip
    run("decide", results, "--key", "cta", "--decision", "escalate",
        "--rationale", "Two rejections, one critical")  # fmt: skip
    run("decide", results, "--key", "hero.sub", "--decision", "go")
    run("decide", results, "--key", "push.sale", "--decision", "go")

    assert "imported" in run("hq-import", ws, results)
    assert "unchanged" in run("hq-import", ws, results)

    grid = matrix(ws)
    assert grid.markets[0] == "DE" or "DE" in grid.markets
    cell = grid.cell("cta", "DE")
    assert cell is not None and cell.escalated and cell.decision == "escalate"
    assert matrix(ws, only_escalated=True).keys == ["cta"]
    (detail,) = cell_details(ws, "cta", "DE")
    assert [c.panelist for c in detail.comments] == ["Anna", "Panelist 2", "Panelist 3"]
    assert detail.rationale == "Two rejections, one critical"
    (hero,) = cell_details(ws, "hero.title", "DE")
    assert hero.adopted_text == "Hallo Frühling!"

    reports.mkdir()
    outputs = []
    for source, stem in ((ws, "hq"), (results, "region")):
        for fmt, suffix in (("csv", ".csv"), ("xlsx", ".xlsx"), ("xliff", ".xlf")):
            target = reports / f"{stem}{suffix}"
            run("report", source, "--format", fmt, "-o", target)
            outputs.append(target)
        run("report", source, "--format", "xliff", "--xliff-version", "2.0",
            "-o", reports / f"{stem}-2.xlf")  # fmt: skip
        outputs.append(reports / f"{stem}-2.xlf")

    parsed = read_campaign_file(reports / "hq.xlf")
    assert parsed.ok, parsed.problems
    units = {v.key: v for v in parsed.variants}
    assert units["hero.title"].text == "Hallo Frühling!"
    assert "Escalate to HQ" in (units["cta"].notes or "")
    assert read_campaign_file(reports / "region-2.xlf").ok
    rows = {r.key: r for r in report_rows(ws)}
    assert rows["cta"].concerns["critical"] == 1 and rows["cta"].decision_counts["reject"] == 2

    # -- anonymity: HQ receives the results file; every export and HQ's workspace -----------
    drill = repr([cell_details(ws, k, "DE") for k in grid.keys]).encode()
    received = [results, ws, *outputs]
    for name in HIDDEN:
        for path in received:
            assert name.encode() not in exported_bytes(path), (name, path.name)
        assert name.encode() not in drill
        assert name not in repr(report_rows(ws)) and name not in repr(report_rows(results))
    assert b"Anna" in (reports / "hq.csv").read_bytes()  # she consented to be named
    assert b"Anna" in exported_bytes(reports / "hq.xlsx")
    assert not Path(str(results) + "-wal").exists()
    with open_file(ws) as cpf:  # HQ's own tables: numbers, and names only with consent
        names = {r[0] for r in cpf.conn.execute("SELECT panelist_name FROM market_comments")}
    assert names == {"Anna", None}

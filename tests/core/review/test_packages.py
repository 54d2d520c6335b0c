"""Review packages: self-contained, one per panelist, refreshable without losing votes."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.importers.workspace_import import import_campaign_files
from culturepanel.review.packages import PackageError, build_packages
from culturepanel.review.session import ReviewSession
from tests.factories import ROWS, make_workspace, write_campaign_csv


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def test_one_package_per_panelist_self_contained(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    code, out, err = run(
        "package",
        str(ws),
        "--market",
        "DE",
        "--panelist",
        "Anna",
        "--panelist",
        "Jonas",
        "--deadline",
        "2027-02-20",
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 0, err
    files = sorted((tmp_path / "out").glob("*.cpanel"))
    assert [f.name for f in files] == ["Spring-2027-DE-Anna.cpanel", "Spring-2027-DE-Jonas.cpanel"]
    ws.unlink()  # a package opens on a machine that never saw the workspace
    code, out, _err = run("info", str(files[0]), "--json")
    info = json.loads(out)
    assert info["kind"] == "package"
    assert info["panelist"] == "Anna"
    assert info["variants"] == 4
    assert info["locales"] == {"de-DE": 4}
    assert info["reviewed"] == 0
    assert info["submitted"] is False
    assert info["deadline"] == "2027-02-20"


def test_package_carries_the_market_calendar(tmp_path: Path) -> None:
    pkg = build_packages(make_workspace(tmp_path), "DE", ["Anna"], tmp_path / "out")[0].path
    session = ReviewSession(pkg)
    try:
        calendar = session.calendar()
        assert calendar is not None and calendar.country == "DE"
        names = {e.name for e in calendar.entries}
        assert "Good Friday" in names  # 26 March 2027, near the 1–14 March launch window
    finally:
        session.close()


def test_rebuilding_refreshes_text_and_keeps_votes(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    pkg = build_packages(ws, "DE", ["Anna"], tmp_path / "out")[0].path
    session = ReviewSession(pkg)
    hero = next(i for i in session.variant_ids() if session.variant(i).key == "hero.title")
    session.save(hero, {"decision": "approve", "score_language": 5})
    session.close()

    rows = [r[:] for r in ROWS]
    rows[0][2] = "Schon bereit für den Frühling?"
    import_campaign_files(ws, [write_campaign_csv(tmp_path / "campaign.csv", rows)])
    code, out, _err = run(
        "package", str(ws), "--market", "DE", "--panelist", "Anna", "--out", str(tmp_path / "out")
    )
    assert code == 0 and "votes kept" in out

    session = ReviewSession(pkg)
    try:
        variant = session.variant(hero)
        assert variant.text == "Schon bereit für den Frühling?"
        assert session.vote(hero).decision == "approve"
        assert session.changed_since_vote(variant)
        assert session.previous_text(hero, session.vote(hero).voted_hash) == (
            "Bereit für den Frühling?"
        )
    finally:
        session.close()


def test_unknown_market_names_the_markets_there(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path)
    with pytest.raises(PackageError, match=r"no variants for market JP\. Markets in it: DE, EG"):
        build_packages(ws, "JP", ["Anna"], tmp_path / "out", deadline=date(2027, 3, 1))
    code, _out, err = run(
        "package", str(ws), "--market", "XX-99-Z", "--panelist", "A", "--out", str(tmp_path)
    )
    assert code == 1 and "not a market code" in err

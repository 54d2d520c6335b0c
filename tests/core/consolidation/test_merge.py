"""Merging returned packages: checked file by file, idempotent, newer returns replace older."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import time
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.consolidation.merge import (
    ACCEPTED,
    OUTDATED,
    REFUSED,
    REPLACED,
    UNCHANGED,
    merge_packages,
)
from culturepanel.consolidation.seal import compute_seal
from culturepanel.errors import FileRefused
from culturepanel.review.finish import reopen
from culturepanel.storage.database import KIND_RESULTS, open_file

from .factory import issue, review, send, vote, workspace


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def returned(de: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """All three panelists voted and submitted; their files are in the manager's inbox."""
    review(de["Anna"], {"hero.title": vote(), "cta": vote("reject", comment="Zu laut")}, "named")
    review(de["Jonas"], {"hero.title": vote("approve_with_changes"), "cta": vote()}, "anonymous")
    review(de["Mira"], {"hero.title": vote(), "cta": vote("reject")})  # never asked: anonymous
    return {name: send(path, tmp_path / "inbox") for name, path in de.items()}


def test_merge_creates_the_results_file_and_says_what_came_from_whom(
    returned: dict[str, Path], tmp_path: Path
) -> None:
    results = tmp_path / "results-DE.cpanel"
    report = merge_packages(results, list(returned.values()))
    assert report.created and report.market == "DE" and report.campaign == "Spring 2027"
    assert [(f.status, f.panelist, f.votes) for f in report.files] == [
        (ACCEPTED, "Anna", 2),
        (ACCEPTED, "Panelist 2", 2),
        (ACCEPTED, "Panelist 3", 2),
    ]
    assert "2 votes of Anna merged" in report.files[0].message
    with open_file(results, kinds=(KIND_RESULTS,)) as cpf:
        assert cpf.get_meta("market") == "DE"
        assert cpf.conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 6
        assert cpf.conn.execute("SELECT count(*) FROM variants").fetchone()[0] == 4
        names = cpf.conn.execute("SELECT name, consent FROM panelists ORDER BY roster_number")
        assert names.fetchall() == [("Anna", "named"), ("", "anonymous"), ("", None)]
        files = [r[0] for r in cpf.conn.execute("SELECT file_name FROM returns ORDER BY rowid")]
        assert files == ["Spring-2027-DE-Anna.cpanel", None, None]  # file names carry names
        assert cpf.conn.execute("SELECT count(*) FROM calendar_entries").fetchone()[0] > 0
        assert cpf.conn.execute("SELECT count(*) FROM checklist_items").fetchone()[0] > 0


def test_the_same_files_twice_change_nothing_not_even_bytes(
    returned: dict[str, Path], tmp_path: Path
) -> None:
    results = tmp_path / "results.cpanel"
    merge_packages(results, list(returned.values()))
    before = sha(results)
    again = merge_packages(results, list(returned.values()))
    assert [f.status for f in again.files] == [UNCHANGED] * 3
    assert "already merged for Panelist 2" in again.files[1].message
    assert sha(results) == before
    # the same work in a file with other bytes (opened and closed again) is unchanged too
    with open_file(returned["Jonas"]) as pkg:
        pkg.conn.execute("VACUUM")
    assert merge_packages(results, [returned["Jonas"]]).files[0].status == UNCHANGED
    assert sha(results) == before


def test_merging_never_changes_a_returned_file(returned: dict[str, Path], tmp_path: Path) -> None:
    before = {name: sha(path) for name, path in returned.items()}
    merge_packages(tmp_path / "results.cpanel", list(returned.values()))
    assert {name: sha(path) for name, path in returned.items()} == before


def test_a_newer_return_replaces_the_older_and_says_so(
    de: dict[str, Path], returned: dict[str, Path], tmp_path: Path
) -> None:
    results = tmp_path / "results.cpanel"
    merge_packages(results, list(returned.values()))
    old = returned["Jonas"]
    time.sleep(1.1)  # written_at has one-second resolution
    with open_file(de["Jonas"]) as pkg:
        reopen(pkg)
    review(de["Jonas"], {"cta": vote("changes_required", concern_severity="critical")})
    newer = send(de["Jonas"], tmp_path / "inbox2")
    report = merge_packages(results, [newer])
    assert report.files[0].status == REPLACED
    assert "replaces their earlier return" in report.files[0].message
    with open_file(results) as cpf:
        rows = cpf.conn.execute(
            "SELECT v.decision FROM votes v JOIN variants x ON x.id = v.variant_id "
            "JOIN panelists p ON p.id = v.panelist_id WHERE p.roster_number = 2 ORDER BY x.key"
        ).fetchall()
        assert rows == [("changes_required",), ("approve_with_changes",)]
        statuses = cpf.conn.execute(
            "SELECT status FROM returns r JOIN panelists p ON p.id = r.panelist_id "
            "WHERE p.roster_number = 2 ORDER BY r.merged_at, r.rowid"
        ).fetchall()
        assert statuses == [("superseded",), ("current",)]
    # the older file again: the newer one is kept
    again = merge_packages(results, [old])
    assert again.files[0].status == OUTDATED
    assert "replaced since" in again.files[0].message


def test_an_older_return_arriving_after_the_newer_is_ignored(
    de: dict[str, Path], tmp_path: Path
) -> None:
    review(de["Anna"], {"cta": vote()}, finish=False)
    first = send(de["Anna"], tmp_path / "early")
    time.sleep(1.1)
    review(de["Anna"], {"cta": vote("reject")})
    second = send(de["Anna"], tmp_path / "late")
    results = tmp_path / "results.cpanel"
    assert merge_packages(results, [second]).files[0].status == ACCEPTED
    report = merge_packages(results, [first])
    assert report.files[0].status == OUTDATED
    assert "the newer one is kept" in report.files[0].message


def test_unfinished_and_unsealed_returns_merge_with_a_warning(
    de: dict[str, Path], tmp_path: Path
) -> None:
    review(de["Anna"], {"cta": vote()}, finish=False)
    conn = sqlite3.connect(de["Anna"])
    with conn:
        conn.execute("DELETE FROM meta WHERE key IN ('issued_seal', 'issued_seal_version')")
    conn.close()
    report = merge_packages(tmp_path / "results.cpanel", [de["Anna"]])
    assert report.files[0].status == ACCEPTED
    warnings = " ".join(report.files[0].warnings)
    assert "carries no seal" in warnings and "was not submitted" in warnings
    strict = merge_packages(tmp_path / "strict.cpanel", [de["Anna"]], require_seal=True)
    assert strict.files[0].status == REFUSED
    assert not (tmp_path / "strict.cpanel").exists()  # nothing accepted: no results file


# -- refusals ------------------------------------------------------------------------------


def _refusals(tmp: Path, ws: Path, de: dict[str, Path]) -> dict[str, Path]:
    """One file for every reason to refuse."""
    bad: dict[str, Path] = {}
    other_ws = workspace(tmp / "other-hq", name="Autumn 2027")
    bad["campaign"] = issue(other_ws, "DE", ["Lena"], tmp / "other-out")["Lena"]
    bad["market"] = issue(ws, "EG", ["Amira"], tmp / "eg-out")["Amira"]
    foreign = tmp / "foreign.cpanel"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    bad["foreign"] = foreign
    bad["text"] = tmp / "notes.cpanel"
    bad["text"].write_text("my review: all fine\n", encoding="utf-8")
    bad["empty"] = tmp / "empty.cpanel"
    bad["empty"].write_bytes(b"")
    data = de["Mira"].read_bytes()
    bad["truncated"] = tmp / "truncated.cpanel"
    bad["truncated"].write_bytes(data[: len(data) // 2])
    bad["altered"] = tmp / "altered.cpanel"
    bad["altered"].write_bytes(de["Jonas"].read_bytes())
    conn = sqlite3.connect(bad["altered"])
    with conn:
        conn.execute("UPDATE variants SET text = 'Jetzt kaufen!!!' WHERE key = 'cta'")
    conn.close()
    bad["missing"] = tmp / "nowhere.cpanel"
    bad["workspace"] = ws
    return bad


EXPECTED = {
    "campaign": "belongs to the campaign 'Autumn 2027', not to 'Spring 2027'",
    "market": "is a package for the market EG",
    "foreign": "belongs to another application",
    "text": "not a CulturePanel file",
    "empty": "the file is empty",
    "truncated": "damaged",
    "altered": "altered after the package was issued",
    "missing": "no such file",
    "workspace": "is a campaign workspace; this needs a review package",
}


def test_bad_files_are_refused_with_their_reason_while_the_others_merge(
    ws: Path, de: dict[str, Path], tmp_path: Path
) -> None:
    review(de["Anna"], {"cta": vote()}, "named")
    bad = _refusals(tmp_path, ws, de)
    results = tmp_path / "results.cpanel"
    report = merge_packages(results, [de["Anna"], *bad.values()])
    assert report.files[0].status == ACCEPTED
    for (reason, path), outcome in zip(bad.items(), report.files[1:], strict=True):
        assert outcome.status == REFUSED, reason
        assert EXPECTED[reason] in outcome.message, (reason, outcome.message)
        assert path.name in outcome.message, reason
    with open_file(results) as cpf:
        assert cpf.conn.execute("SELECT count(*) FROM panelists").fetchone()[0] == 1


def test_a_refused_file_leaves_the_results_file_untouched(
    ws: Path, de: dict[str, Path], tmp_path: Path
) -> None:
    results = tmp_path / "results.cpanel"
    merge_packages(results, [de["Anna"]])
    before = sha(results)
    bad = _refusals(tmp_path, ws, de)
    report = merge_packages(results, list(bad.values()))
    assert report.all_refused
    assert sha(results) == before


def test_a_tampered_roster_or_foreign_votes_are_refused(
    de: dict[str, Path], tmp_path: Path
) -> None:
    renamed = send(de["Anna"], tmp_path / "x", "renamed.cpanel")
    conn = sqlite3.connect(renamed)
    with conn:
        conn.execute("UPDATE panelists SET name = 'Chef'")
        conn.execute("UPDATE meta SET value = 'Chef' WHERE key = 'panelist_name'")
    conn.close()
    stranger = send(de["Jonas"], tmp_path / "x", "stranger.cpanel")
    review(stranger, {"cta": vote()})
    conn = sqlite3.connect(stranger)
    with conn:
        conn.execute("UPDATE votes SET panelist_id = 'someone-else'")
    conn.close()
    report = merge_packages(tmp_path / "results.cpanel", [renamed, stranger])
    assert [f.status for f in report.files] == [REFUSED, REFUSED]
    assert "altered after the package was issued" in report.files[0].message
    assert "someone not on its roster" in report.files[1].message


def test_a_copy_claiming_another_packages_identity_is_refused(
    de: dict[str, Path], tmp_path: Path
) -> None:
    results = tmp_path / "results.cpanel"
    merge_packages(results, [de["Anna"]])
    clone = send(de["Jonas"], tmp_path / "x", "clone.cpanel")
    conn = sqlite3.connect(clone)
    anna_file = (
        sqlite3.connect(de["Anna"])
        .execute("SELECT value FROM meta WHERE key = 'file_id'")
        .fetchone()[0]
    )
    with conn:  # someone who knows the seal's recipe recomputes it
        conn.execute("UPDATE meta SET value = ? WHERE key = 'file_id'", (anna_file,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'issued_seal'", (compute_seal(conn),))
    conn.close()
    report = merge_packages(results, [clone])
    assert report.files[0].status == REFUSED
    assert "claims the identity" in report.files[0].message


def test_the_results_file_must_be_a_results_file(de: dict[str, Path], ws: Path) -> None:
    with pytest.raises(FileRefused, match="campaign workspace"):
        merge_packages(ws, [de["Anna"]])


# -- command line ----------------------------------------------------------------------------


def test_merge_command_prints_the_summary_and_exit_status(
    returned: dict[str, Path], ws: Path, tmp_path: Path
) -> None:
    results = tmp_path / "results.cpanel"
    code, out, err = run("merge", str(results), *map(str, returned.values()), str(ws))
    assert code == 0
    assert "Created" in out and "results of DE" in out
    assert "merged: Spring-2027-DE-Anna.cpanel: 2 votes of Anna merged." in out
    assert "Panelist 2" in out and "Jonas" not in out.replace("Spring-2027-DE-Jonas", "")
    assert "refused: workspace.cpanel" in err
    assert "3 merged, 0 replaced, 0 unchanged, 0 ignored, 1 refused." in out
    code, out, _err = run("merge", str(results), *map(str, returned.values()))
    assert code == 0 and "0 merged, 0 replaced, 3 unchanged" in out
    code, _out, err = run("merge", str(results), str(ws))
    assert code == 1 and "refused" in err


def test_withdrawing_consent_in_a_newer_return_erases_the_name(
    de: dict[str, Path], tmp_path: Path
) -> None:
    review(de["Jonas"], {"cta": vote()}, "named")
    results = tmp_path / "results.cpanel"
    assert merge_packages(results, [de["Jonas"]]).files[0].panelist == "Jonas"
    assert b"Jonas" in results.read_bytes()
    time.sleep(1.1)
    with open_file(de["Jonas"]) as pkg:
        reopen(pkg)
        from culturepanel.review.finish import set_consent, submit

        pid = pkg.get_meta("panelist_id") or ""
        set_consent(pkg, pid, "anonymous")
        submit(pkg, pid, force=True)
    report = merge_packages(results, [de["Jonas"]])
    assert (report.files[0].status, report.files[0].panelist) == (REPLACED, "Panelist 1")
    assert b"Jonas" not in results.read_bytes()  # not even in free pages


def test_the_manager_window_merges_through_its_session(
    returned: dict[str, Path], tmp_path: Path
) -> None:
    from culturepanel.consolidation.session import ManagerSession

    results = tmp_path / "results.cpanel"
    merge_packages(results, [returned["Anna"]])  # File ▸ New results from returned packages
    session = ManagerSession(results)
    try:
        assert [p.label for p in session.market().panelists] == ["Anna"]
        report, change = session.merge([returned["Jonas"], returned["Mira"], returned["Anna"]])
        assert [f.status for f in report.files] == [ACCEPTED, ACCEPTED, UNCHANGED]
        assert change.everything
        assert [p.label for p in session.market().panelists] == ["Anna", "Panelist 2", "Panelist 3"]
        _report, nothing = session.merge([returned["Mira"]])
        assert not nothing.everything and nothing.variant_ids == ()
    finally:
        session.close()

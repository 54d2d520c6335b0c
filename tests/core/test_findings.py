"""Stored findings: computed once, reused, dismissible; the check command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from culturepanel.cli import main
from culturepanel.errors import CulturePanelError
from culturepanel.findings import dismiss, open_counts, stored_findings, update_findings
from culturepanel.storage.database import open_file
from tests.factories import make_workspace, rows_with_untranslated_push


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    rows = rows_with_untranslated_push()
    return make_workspace(tmp_path, rows)


def test_check_json_lists_an_untranslated_variant(workspace: Path) -> None:
    code, out, err = run("check", str(workspace), "--json")
    assert code == 0, err
    rows = json.loads(out)
    untranslated = [r for r in rows if r["check"] == "untranslated"]
    assert [(r["key"], r["locale"]) for r in untranslated] == [("push", "de-DE")]
    assert {"key", "locale", "check", "category", "severity", "message"} <= set(rows[0])
    code, out, _err = run("check", str(workspace), "--locale", "ar", "--json")
    assert all(r["locale"] == "ar" for r in json.loads(out))


def test_findings_are_reused_until_the_text_changes(workspace: Path) -> None:
    with open_file(workspace) as cpf:
        first = update_findings(cpf)
        assert first.checked == first.variants and first.reused == 0
        again = update_findings(cpf)
        assert again.checked == 0 and again.reused == first.variants


def test_dismissing_needs_a_reason_and_records_who(workspace: Path) -> None:
    with open_file(workspace) as cpf:
        update_findings(cpf)
        vid = cpf.conn.execute(
            "SELECT id FROM variants WHERE key = 'push' AND locale = 'de-DE'"
        ).fetchone()[0]
        found = stored_findings(cpf, vid)
        target = next(s for s in found if s.finding.check == "untranslated")
        with pytest.raises(CulturePanelError, match="why"):
            dismiss(cpf, vid, target.key, "  ")
        before = open_counts(cpf)[vid]
        dismiss(cpf, vid, target.key, "Campaign keeps the English claim in DE", actor="Anna")
        after = stored_findings(cpf, vid)
        record = next(s for s in after if s.key == target.key).dismissed
        assert record["actor"] == "Anna" and record["reason"].startswith("Campaign")
        assert open_counts(cpf).get(vid, 0) == before - 1
    code, out, _err = run("check", str(workspace), "--json")
    assert code == 0
    assert not [r for r in json.loads(out) if r["check"] == "untranslated"]

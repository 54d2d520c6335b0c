"""Real files for HQ's window: the consolidation fixtures (a workspace, EG and DE results),
decisions recorded as a manager would, and settings kept out of the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from culturepanel.consolidation.decisions import record_decision
from culturepanel.storage.database import open_file
from tests.core.consolidation import conftest as consolidation

# the consolidation suite's fixtures: ws (workspace), eg and de_results (merged results)
ws = consolidation.ws
de = consolidation.de
eg = consolidation.eg
de_results = consolidation.de_results

#: every panelist of those fixtures who did not consent to be named
ANONYMOUS = ("Omar", "Karim", "Jonas", "Mira")


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Window geometry and recent files go to a file of the test, not the user's settings."""
    store = str(tmp_path / "settings.ini")
    monkeypatch.setattr(
        "culturepanel.ui.settings._store", lambda: QSettings(store, QSettings.Format.IniFormat)
    )


def ids(results: Path) -> dict[str, str]:
    with open_file(results) as cpf:
        return {
            f"{k}@{loc}": v
            for v, k, loc in cpf.conn.execute("SELECT id, key, locale FROM variants")
        }


def decide_eg(eg: Path) -> None:
    """hero.title escalated, cta (ar-EG) go with changes adopting Omar's rewrite, cta (en) go."""
    vid = ids(eg)
    record_decision(eg, vid["hero.title@ar-EG"], "escalate", "Launch meets Eid; two rejections")
    with open_file(eg) as cpf:
        rewrite = cpf.conn.execute(
            "SELECT id FROM votes WHERE variant_id = ? AND rewrite != ''", (vid["cta@ar-EG"],)
        ).fetchone()[0]
    record_decision(eg, vid["cta@ar-EG"], "go_with_changes", "Warmer wording", rewrite)
    record_decision(eg, vid["cta@en"], "go")


def decide_de(de_results: Path) -> None:
    """Every DE variant go: the market is ready."""
    for vid in ids(de_results).values():
        record_decision(de_results, vid, "go")

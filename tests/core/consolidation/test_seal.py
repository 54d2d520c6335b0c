"""The issue seal: what HQ issued is sealed, what the panelist does is not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from culturepanel.consolidation.seal import (
    ALTERED,
    NEWER,
    SEALED,
    UNSEALED,
    check_seal,
    compute_seal,
    seal_package,
)
from culturepanel.review.packages import build_packages
from culturepanel.storage.database import open_file

from .factory import review, vote


def status(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return check_seal(conn)
    finally:
        conn.close()


def edit(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_a_sealed_package_checks_out_after_the_panelist_worked_in_it(de: dict[str, Path]) -> None:
    anna = de["Anna"]
    assert status(anna) == SEALED
    review(anna, {"cta": vote("reject", comment="too pushy"), "hero.title": vote()}, "named")
    with open_file(anna) as pkg:  # opening, findings cache, reopening: not sealed either
        from culturepanel.findings import dismiss, update_findings
        from culturepanel.review.finish import reopen

        update_findings(pkg)
        reopen(pkg)
        vid = pkg.conn.execute("SELECT id FROM variants LIMIT 1").fetchone()[0]
        dismiss(pkg, vid, "k:1", "fine")
    assert status(anna) == SEALED


def test_changed_copy_roster_checklist_or_calendar_breaks_the_seal(de: dict[str, Path]) -> None:
    changes = [
        "UPDATE variants SET text = text || '!' WHERE key = 'cta'",
        "UPDATE variants SET source_text = 'Buy now' WHERE key = 'cta'",
        "UPDATE variants SET status = 'removed' WHERE key = 'cta'",
        "UPDATE panelists SET name = 'Somebody else'",
        "UPDATE checklist_items SET data = '{}' WHERE position = 0",
        "DELETE FROM calendar_entries",
        "UPDATE meta SET value = 'FR' WHERE key = 'market'",
        "UPDATE meta SET value = 'other' WHERE key = 'campaign_id'",
    ]
    for sql in changes:
        path = de["Jonas"].with_name(f"copy-{changes.index(sql)}.cpanel")
        path.write_bytes(de["Jonas"].read_bytes())
        edit(path, sql)
        assert status(path) == ALTERED, sql


def test_refreshing_a_package_seals_it_again(ws: Path, de: dict[str, Path]) -> None:
    with open_file(ws) as cpf, cpf.transaction() as conn:
        conn.execute(
            "UPDATE variants SET text = 'Jetzt ansehen', revision = revision + 1, "
            "content_hash = content_hash || '-2' WHERE key = 'cta' AND locale = 'de-DE'"
        )
    build_packages(ws, "DE", ["Anna"], de["Anna"].parent)  # HQ's builder reseals (see report)
    with open_file(de["Anna"]) as pkg, pkg.transaction():
        seal_package(pkg)
    assert status(de["Anna"]) == SEALED


def test_no_seal_and_a_newer_seal_are_told_apart(de: dict[str, Path]) -> None:
    edit(de["Anna"], "DELETE FROM meta WHERE key IN ('issued_seal', 'issued_seal_version')")
    assert status(de["Anna"]) == UNSEALED
    edit(de["Mira"], "UPDATE meta SET value = '99' WHERE key = 'issued_seal_version'")
    assert status(de["Mira"]) == NEWER


def test_the_seal_does_not_depend_on_row_order(de: dict[str, Path]) -> None:
    conn = sqlite3.connect(de["Anna"])
    before = compute_seal(conn)
    with conn:  # the same rows, written in another physical order
        conn.execute("CREATE TEMP TABLE v AS SELECT * FROM variants ORDER BY id DESC")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM variants")
        conn.execute("INSERT INTO variants SELECT * FROM v")
    assert compute_seal(conn) == before
    conn.close()

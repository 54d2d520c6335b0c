"""The one file format: creation, metadata, versioning, refusal of foreign files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from culturepanel.errors import FileRefused
from culturepanel.storage import schema
from culturepanel.storage.database import (
    APP_ID,
    KIND_CAMPAIGN,
    KIND_PACKAGE,
    create_file,
    open_file,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "spring.cpanel"
    create_file(path, KIND_CAMPAIGN, "Spring 2027").close()
    return path


def test_new_file_has_metadata_wal_foreign_keys_and_app_id(workspace: Path) -> None:
    with open_file(workspace) as cpf:
        meta = cpf.meta()
        assert meta["kind"] == "campaign"
        assert meta["campaign_name"] == "Spring 2027"
        assert len(meta["campaign_id"]) == 36
        assert meta["schema_major"] == str(schema.CURRENT[0])
        assert meta["created_by_app"] and meta["written_at"]
        assert cpf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cpf.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    raw = sqlite3.connect(workspace)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APP_ID
    raw.close()


def test_foreign_key_is_enforced(workspace: Path) -> None:
    with open_file(workspace) as cpf, pytest.raises(sqlite3.IntegrityError):
        cpf.conn.execute(
            "INSERT INTO votes(id, variant_id, panelist_id, revision) VALUES ('v', 'x', 'y', 1)"
        )


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.cpanel"
    path.write_text("just some notes\n" * 20)
    before = digest(path)
    with pytest.raises(FileRefused, match=r"notes\.cpanel: this is not a CulturePanel file"):
        open_file(path)
    assert digest(path) == before


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.cpanel"
    path.write_bytes(b"")
    with pytest.raises(FileRefused, match=r"empty\.cpanel: the file is empty"):
        open_file(path)
    assert path.read_bytes() == b""


def test_sqlite_of_another_application_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs(title TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(FileRefused, match="belongs to another application"):
        open_file(path)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_damaged_metadata_is_refused(workspace: Path) -> None:
    conn = sqlite3.connect(workspace)
    conn.execute("DELETE FROM meta WHERE key = 'schema_major'")
    conn.commit()
    conn.close()
    with pytest.raises(FileRefused, match="damaged"):
        open_file(workspace)


def test_newer_major_version_is_refused_with_update_advice(workspace: Path) -> None:
    conn = sqlite3.connect(workspace)
    conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema_major'")
    conn.commit()
    conn.close()
    before = digest(workspace)
    with pytest.raises(FileRefused, match=r"newer version of CulturePanel.*Update CulturePanel"):
        open_file(workspace)
    assert digest(workspace) == before


def test_wrong_kind_is_refused(workspace: Path) -> None:
    with pytest.raises(FileRefused, match="is a campaign workspace; this needs a review package"):
        open_file(workspace, kinds=(KIND_PACKAGE,))


def test_older_file_is_backed_up_then_migrated(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_glossary(db) -> None:
        db["glossary_probe"].create({"id": str, "term": str}, pk="id")

    major, minor = schema.CURRENT
    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, ((major, 99), add_glossary)])
    monkeypatch.setattr(schema, "CURRENT", (major, 99))
    with open_file(workspace) as cpf:
        assert cpf.schema_version == f"{major}.99"
        assert "glossary_probe" in cpf.db.table_names()
        assert cpf.conn.execute("PRAGMA user_version").fetchone()[0] == major * 1000 + 99
    backups = list(workspace.parent.glob(f"spring.backup-schema-{major}.{minor}*.cpanel"))
    assert len(backups) == 1
    raw = sqlite3.connect(backups[0])
    backup_minor = raw.execute("SELECT value FROM meta WHERE key = 'schema_minor'").fetchone()[0]
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    raw.close()
    assert backup_minor == str(minor)
    assert "glossary_probe" not in tables


def test_failed_migration_leaves_file_at_old_version(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db) -> None:
        db["half_done"].create({"id": str}, pk="id")
        raise RuntimeError("disk full")

    before = schema.CURRENT
    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, ((before[0], 98), broken)])
    monkeypatch.setattr(schema, "CURRENT", (before[0], 98))
    with pytest.raises(RuntimeError):
        open_file(workspace)
    monkeypatch.undo()
    with open_file(workspace) as cpf:
        assert cpf.schema_version == f"{before[0]}.{before[1]}"
        assert "half_done" not in cpf.db.table_names()


def test_create_refuses_to_overwrite(workspace: Path) -> None:
    with pytest.raises(FileRefused, match="exists already"):
        create_file(workspace, KIND_CAMPAIGN, "Again")


def test_a_version_1_0_file_gains_the_glossary_tables(tmp_path: Path) -> None:
    """The real 1.0 → 1.1 step: a file made by the first release opens and migrates."""
    path = tmp_path / "old.cpanel"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db = sqlite_utils.Database(conn)
    schema.STEPS[0][1](db)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("schema_major", "1"),
            ("schema_minor", "0"),
            ("kind", "campaign"),
            ("campaign_id", "c"),
            ("campaign_name", "Old"),
        ],
    )
    conn.execute("PRAGMA user_version = 1000")
    conn.commit()
    conn.close()
    with open_file(path) as cpf:
        assert cpf.schema_version == "{}.{}".format(*schema.CURRENT)
        assert {"glossary", "finding_dismissals"} <= set(cpf.db.table_names())
    assert list(tmp_path.glob("old.backup-schema-1.0*.cpanel"))

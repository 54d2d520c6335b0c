"""The one CulturePanel file format: opening, creating, versioning and refusing files.

Every file that travels between HQ, panelists and managers (campaign workspace,
review package, regional results) is an SQLite database with:

* ``PRAGMA application_id`` set to :data:`APP_ID`, so a foreign SQLite file is
  recognised from its header without being opened for writing;
* a ``meta`` table with the schema version, the file kind, the campaign's id and
  name, and which app version wrote it and when;
* ``PRAGMA user_version`` mirroring the schema version (major × 1000 + minor).

A file of a newer *major* schema is refused with a message to update the app;
an older one is migrated (see :mod:`culturepanel.storage.schema`) after a backup
copy is written beside it. A file that is not SQLite, or SQLite of another
application, is refused and never modified.
"""

from __future__ import annotations

import getpass
import os
import shutil
import sqlite3
import struct
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from culturepanel import __version__
from culturepanel.errors import FileRefused
from culturepanel.i18n import _
from culturepanel.storage import schema

#: ``PRAGMA application_id`` of every CulturePanel file ("CPNL").
APP_ID = 0x43504E4C
SQLITE_MAGIC = b"SQLite format 3\x00"

KIND_CAMPAIGN = "campaign"
KIND_PACKAGE = "package"
KIND_RESULTS = "results"
KINDS = (KIND_CAMPAIGN, KIND_PACKAGE, KIND_RESULTS)

#: File name suffix used for every kind of CulturePanel file.
SUFFIX = ".cpanel"


def new_id() -> str:
    """A fresh stable record id (UUID 4, text form)."""
    return str(uuid.uuid4())


def new_ids(count: int) -> list[str]:
    """``count`` fresh UUID 4 ids at once (for bulk inserts; same form as :func:`new_id`)."""
    raw = bytearray(os.urandom(16 * count))
    out = []
    for i in range(0, len(raw), 16):
        raw[i + 6] = (raw[i + 6] & 0x0F) | 0x40  # version 4
        raw[i + 8] = (raw[i + 8] & 0x3F) | 0x80  # RFC 4122 variant
        h = raw[i : i + 16].hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds, e.g. ``2027-01-05T10:31:02Z``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def current_user() -> str:
    """The operating-system login name, recorded as provenance."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _version_code(major: int, minor: int) -> int:
    return major * 1000 + minor


def kind_label(kind: str) -> str:
    """The kind of file in words, for messages."""
    return {
        KIND_CAMPAIGN: _("campaign workspace"),
        KIND_PACKAGE: _("review package"),
        KIND_RESULTS: _("regional results file"),
    }.get(kind, kind)


def sniff(path: Path) -> tuple[int, int]:
    """Read ``(application_id, user_version)`` from the file header without opening it.

    Raise :class:`FileRefused` if the file is missing, empty, not SQLite, or SQLite of
    another application.
    """
    name = path.name
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise FileRefused(_("{file}: no such file.").format(file=path)) from None
    except IsADirectoryError:
        raise FileRefused(
            _("{file}: this is a folder, not a CulturePanel file.").format(file=path)
        ) from None
    except OSError as exc:
        raise FileRefused(
            _("{file}: cannot be read ({reason}).").format(file=path, reason=exc.strerror)
        ) from None
    if not header:
        raise FileRefused(
            _("{file}: the file is empty, it is not a CulturePanel file.").format(file=name)
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise FileRefused(
            _(
                "{file}: this is not a CulturePanel file (it is not an SQLite database). "
                "Open a .cpanel file made by CulturePanel, or import campaign files with "
                "'culturepanel import'."
            ).format(file=name)
        )
    user_version, app_id = struct.unpack(">i4xi", header[60:72])
    if app_id != APP_ID:
        raise FileRefused(
            _(
                "{file}: this SQLite database belongs to another application, not to "
                "CulturePanel. It was not changed."
            ).format(file=name)
        )
    return app_id, user_version


class CulturePanelFile:
    """An open CulturePanel file: a ``sqlite_utils.Database`` plus its metadata.

    Use :func:`open_file` or :func:`create_file`; close with :meth:`close` or a
    ``with`` block.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)

    # -- metadata -------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.conn.execute("SELECT key, value FROM meta")}

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, **values: str | None) -> None:
        """Set metadata values (``None`` deletes); call inside :meth:`transaction`."""
        for key, value in values.items():
            if value is None:
                self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES(?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, str(value)),
                )

    @property
    def kind(self) -> str:
        return self.get_meta("kind") or ""

    @property
    def campaign_id(self) -> str:
        return self.get_meta("campaign_id") or ""

    @property
    def campaign_name(self) -> str:
        return self.get_meta("campaign_name") or ""

    @property
    def schema_version(self) -> str:
        return f"{self.get_meta('schema_major')}.{self.get_meta('schema_minor')}"

    # -- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic, durable write: all of it is committed or none of it.

        Also stamps which app version wrote the file and when.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.set_meta(written_by_app=__version__, written_at=now_iso())
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> CulturePanelFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":  # e.g. a read-only medium
        conn.execute("PRAGMA journal_mode = DELETE")
    # FULL: a committed vote survives power loss, not only a crash or a kill.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def create_file(
    path: Path, kind: str, campaign_name: str, campaign_id: str | None = None
) -> CulturePanelFile:
    """Create a new, empty CulturePanel file of ``kind`` at ``path`` (which must not exist)."""
    if kind not in KINDS:
        raise ValueError(kind)
    if path.exists():
        raise FileRefused(_("{file}: a file of that name exists already.").format(file=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path)
    cpf = CulturePanelFile(path, conn)
    try:
        major, minor = schema.CURRENT
        with cpf.transaction():
            conn.execute(f"PRAGMA application_id = {APP_ID}")
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            schema.create_all(cpf.db)
            cpf.set_meta(
                schema_major=str(major),
                schema_minor=str(minor),
                kind=kind,
                file_id=new_id(),
                campaign_id=campaign_id or new_id(),
                campaign_name=campaign_name,
                created_at=now_iso(),
                created_by=current_user(),
                created_by_app=__version__,
            )
            conn.execute(f"PRAGMA user_version = {_version_code(major, minor)}")
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    return cpf


def _read_version(path: Path) -> tuple[int, int, str]:
    """Read schema version and kind through a read-only connection."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise FileRefused(
            _("{file}: cannot be opened ({reason}).").format(file=path.name, reason=exc)
        ) from None
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM meta WHERE key IN ('schema_major','schema_minor','kind')"
            ).fetchall()
        )
        return int(rows["schema_major"]), int(rows["schema_minor"]), rows["kind"]
    except (sqlite3.Error, KeyError, ValueError):
        raise FileRefused(
            _(
                "{file}: the file is damaged (its CulturePanel metadata cannot be read). "
                "Ask the sender for a new copy. It was not changed."
            ).format(file=path.name)
        ) from None
    finally:
        conn.close()


def backup_path(path: Path, major: int, minor: int) -> Path:
    """Where the pre-migration copy of ``path`` goes: beside it, version in the name."""
    base = path.with_name(f"{path.stem}.backup-schema-{major}.{minor}{path.suffix}")
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.stem}-{n}{base.suffix}")
    return candidate


def open_file(path: Path, kinds: tuple[str, ...] | None = None) -> CulturePanelFile:
    """Open an existing CulturePanel file for reading and writing.

    ``kinds`` limits which file kinds are acceptable. Raises :class:`FileRefused`
    (and leaves the file untouched) for a missing, foreign, damaged, too new or
    wrong-kind file. An older file is migrated after a backup copy is made.
    """
    path = Path(path)
    _app_id, _user_version = sniff(path)
    major, minor, kind = _read_version(path)
    cur_major, cur_minor = schema.CURRENT
    if major > cur_major:
        raise FileRefused(
            _(
                "{file} was written by a newer version of CulturePanel (file format "
                "{found}, this app reads up to {supported}). Update CulturePanel to "
                "open it. The file was not changed."
            ).format(file=path.name, found=f"{major}.{minor}", supported=f"{cur_major}.x")
        )
    if kinds and kind not in kinds:
        raise FileRefused(
            _("{file} is a {found}; this needs a {expected}.").format(
                file=path.name,
                found=kind_label(kind),
                expected=" / ".join(kind_label(k) for k in kinds),
            )
        )
    needs_migration = (major, minor) < (cur_major, cur_minor)
    if needs_migration:
        _backup(path, backup_path(path, major, minor))
    conn = _connect(path)
    cpf = CulturePanelFile(path, conn)
    if needs_migration:
        try:
            with cpf.transaction():
                schema.migrate(cpf.db, (major, minor))
                cpf.set_meta(schema_major=str(cur_major), schema_minor=str(cur_minor))
                conn.execute(f"PRAGMA user_version = {_version_code(cur_major, cur_minor)}")
        except BaseException:
            conn.close()
            raise
    return cpf


def _backup(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` (through SQLite's backup API) at ``target``."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def export_copy(cpf: CulturePanelFile, target: Path) -> Path:
    """Write a self-contained single-file copy of an open file (to send it to someone)."""
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(str(tmp))
    try:
        cpf.conn.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
    shutil.move(str(tmp), str(target))
    return target

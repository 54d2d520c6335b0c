"""A returned review package, read and checked on its own before it is merged.

The returned file is never opened in place: :func:`snapshot` copies its bytes
(and a write-ahead log beside it, if any) into a private folder and hashes
them, and everything else reads the copy. So merging never changes a file a
panelist sent, even an older-format one that must be migrated to be read.

:func:`inspect_package` refuses, with a message naming the file, anything that
is not a review package this merge can take: a missing, empty, foreign or
damaged file, a file of another kind, a package without a panelist, a roster
entry that does not match the panelist it was issued to, votes or answers of
someone not on the package's roster, or a package whose seal shows that what
HQ issued was changed (see :mod:`.seal`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from culturepanel.errors import CulturePanelError, FileRefused
from culturepanel.i18n import _
from culturepanel.storage.database import KIND_PACKAGE, open_file

from . import seal as sealing


class Refused(CulturePanelError):
    """A returned file cannot be merged; ``str()`` names the file and says why."""


@dataclass(frozen=True)
class ReturnedPackage:
    """What the merge needs to know about one returned package."""

    name: str  # the file's name as the manager gave it
    sha256: str  # of its bytes
    file_id: str
    campaign_id: str
    campaign_name: str
    market: str
    source_file_id: str | None
    source_locale: str | None
    panelist_id: str
    panelist_name: str
    consent: str | None
    issued_at: str | None
    issue_time: str  # when HQ last built or refreshed it
    written_at: str
    submitted_at: str | None
    seal: str  # seal.SEALED / seal.UNSEALED
    seal_value: str | None  # the issue seal itself
    votes: int
    decided: int


def snapshot(path: Path, folder: Path) -> tuple[Path, str]:
    """Copy ``path`` (and its ``-wal``) into ``folder``; return the copy and its SHA-256.

    Raise :class:`Refused` if the file cannot be read.
    """
    target = folder / path.name
    digest = hashlib.sha256()
    try:
        with path.open("rb") as src, target.open("wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
        wal = Path(str(path) + "-wal")
        if wal.exists() and wal.stat().st_size:
            digest.update(wal.read_bytes())
            shutil.copyfile(wal, str(target) + "-wal")
    except FileNotFoundError:
        raise Refused(_("{file}: no such file.").format(file=path)) from None
    except IsADirectoryError:
        raise Refused(
            _("{file}: this is a folder, not a CulturePanel file.").format(file=path)
        ) from None
    except OSError as exc:
        raise Refused(
            _("{file}: cannot be read ({reason}).").format(file=path, reason=exc.strerror or exc)
        ) from None
    return target, digest.hexdigest()


def damaged(name: str) -> Refused:
    return Refused(
        _(
            "{file}: the file is damaged (its database is incomplete or corrupt). Ask the "
            "panelist to send it again. Nothing was merged from it."
        ).format(file=name)
    )


def inspect_package(copy: Path, name: str, sha256: str) -> ReturnedPackage:
    """Read and check the snapshot ``copy`` of the returned file ``name``."""
    try:
        cpf = open_file(copy, kinds=(KIND_PACKAGE,))
    except FileRefused as exc:
        raise Refused(str(exc)) from None
    except sqlite3.DatabaseError:
        raise damaged(name) from None
    try:
        return _inspect(cpf.conn, name, sha256)
    except sqlite3.DatabaseError:
        raise damaged(name) from None
    finally:
        cpf.conn.close()  # a snapshot: no PRAGMA optimize, no checkpoint needed


def _inspect(conn: sqlite3.Connection, name: str, sha256: str) -> ReturnedPackage:
    check = conn.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise damaged(name)
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    panelist_id = meta.get("panelist_id") or ""
    if not panelist_id or not meta.get("file_id") or not meta.get("market"):
        raise Refused(
            _(
                "{file} has no panelist or market: it is not a review package that was issued."
            ).format(file=name)
        )
    roster = conn.execute("SELECT id, name, market, consent FROM panelists").fetchall()
    if (
        len(roster) != 1
        or roster[0][0] != panelist_id
        or roster[0][1] != (meta.get("panelist_name") or "")
        or roster[0][2] != meta["market"]
    ):
        raise Refused(
            _(
                "{file}: its roster entry does not match the panelist it was issued to; the "
                "package was altered after it was issued. Nothing was merged from it."
            ).format(file=name)
        )
    strangers = conn.execute(
        "SELECT (SELECT count(*) FROM votes WHERE panelist_id != ?1) + "
        "(SELECT count(*) FROM checklist_answers WHERE panelist_id != ?1) + "
        "(SELECT count(*) FROM votes WHERE variant_id NOT IN (SELECT id FROM variants))",
        (panelist_id,),
    ).fetchone()[0]
    if strangers:
        raise Refused(
            _(
                "{file} holds votes or answers of someone not on its roster; the package was "
                "altered after it was issued. Nothing was merged from it."
            ).format(file=name)
        )
    seal = sealing.check_seal(conn)
    if seal == sealing.ALTERED:
        raise Refused(
            _(
                "{file}: the source copy, the variants or the roster were altered after the "
                "package was issued (its seal does not match). Nothing was merged from it; "
                "ask HQ for a fresh package if the panelist needs to review again."
            ).format(file=name)
        )
    if seal == sealing.NEWER:
        raise Refused(
            _(
                "{file} was sealed by a newer version of CulturePanel, whose seal this app "
                "cannot check. Update CulturePanel to merge it."
            ).format(file=name)
        )
    votes, decided = conn.execute(
        "SELECT count(*), count(decision) FROM votes WHERE panelist_id = ?", (panelist_id,)
    ).fetchone()
    return ReturnedPackage(
        name=name,
        sha256=sha256,
        file_id=meta["file_id"],
        campaign_id=meta.get("campaign_id") or "",
        campaign_name=meta.get("campaign_name") or "",
        market=meta["market"],
        source_file_id=meta.get("source_file_id"),
        source_locale=meta.get("source_locale"),
        panelist_id=panelist_id,
        panelist_name=roster[0][1],
        consent=roster[0][3],
        issued_at=meta.get("issued_at"),
        issue_time=meta.get("refreshed_at") or meta.get("issued_at") or "",
        written_at=meta.get("written_at") or "",
        submitted_at=meta.get("submitted_at"),
        seal=seal,
        seal_value=meta.get("issued_seal") or None,
        votes=votes,
        decided=decided,
    )


def work_digest(
    conn: sqlite3.Connection,
    panelist_id: str,
    header: tuple[str | None, ...],
    dismissals: str = "finding_dismissals",
) -> str:
    """A fingerprint of a panelist's work (not of a file's bytes).

    It covers every field of their votes, their checklist answers and dismissals of
    findings, and ``header`` (consent, submission time, issue seal, issue time), so
    the same work gives the same digest whether read from the returned package or
    from the results file it was merged into (``dismissals="panel_dismissals"``).
    """
    h = hashlib.sha256()
    h.update(json.dumps(header).encode("utf-8"))
    by_panelist = (panelist_id,)
    for sql, params in (
        (f"SELECT {_VOTE_COLUMNS} FROM votes WHERE panelist_id = ?", by_panelist),
        (
            "SELECT item_id, answer, note, updated_at FROM checklist_answers WHERE panelist_id = ?",
            by_panelist,
        ),
        (
            f"SELECT variant_id, finding_key, reason, at FROM {dismissals}"
            + (" WHERE panelist_id = ?" if dismissals != "finding_dismissals" else ""),
            by_panelist if dismissals != "finding_dismissals" else (),
        ),
    ):
        rows = sorted(conn.execute(sql, params).fetchall(), key=repr)
        h.update(b"\x1d" + json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def package_digest(copy: Path, pkg: ReturnedPackage) -> str:
    """The work digest of a returned package, from its snapshot."""
    conn = sqlite3.connect(copy)
    try:
        header = (pkg.consent, pkg.submitted_at, pkg.seal_value, pkg.issue_time)
        return work_digest(conn, pkg.panelist_id, header)
    except sqlite3.DatabaseError:
        raise damaged(pkg.name) from None
    finally:
        conn.close()


_VOTE_COLUMNS = (
    "id, variant_id, decision, score_language, score_timing, score_messaging, score_resonance, "
    "concern_category, concern_severity, comment, rewrite, voted_hash, updated_at, revision"
)

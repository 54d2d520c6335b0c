"""Writing one checked returned package into a regional results file.

Everything happens in SQLite: the package's snapshot is ``ATTACH``-ed to the
results file's connection and its rows are copied with ``INSERT … SELECT`` in
one transaction. What HQ issued (variants, checklist, calendar, glossary) is
taken from the package most recently issued or refreshed; what the panelist
did (votes, checklist answers, dismissals) replaces that panelist's earlier
return as a whole.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.review.votes import record_event
from culturepanel.storage.database import CulturePanelFile, current_user, new_id, now_iso

from .panel import stored_name
from .returned import ReturnedPackage, damaged

#: Package meta that the results file keeps from the newest issue.
_ISSUE_META = ("deadline", "checklist_market", "checklist_sources", "checklist_curated")


class Conflict(CulturePanelError):
    """A returned package does not fit the results file; ``str()`` says why."""


def check_against(cpf: CulturePanelFile, pkg: ReturnedPackage) -> None:
    """Refuse a package of another campaign, market or workspace, or a swapped identity."""
    if pkg.campaign_id != cpf.campaign_id:
        raise Conflict(
            _(
                "{file} belongs to the campaign '{other}', not to '{campaign}' of {results}. "
                "Nothing was merged from it."
            ).format(
                file=pkg.name,
                other=pkg.campaign_name,
                campaign=cpf.campaign_name,
                results=cpf.path.name,
            )
        )
    market = cpf.get_meta("market")
    if market and pkg.market != market:
        raise Conflict(
            _(
                "{file} is a package for the market {other}; {results} holds the results of "
                "{market}. Merge it into that market's results file."
            ).format(file=pkg.name, other=pkg.market, results=cpf.path.name, market=market)
        )
    source = cpf.get_meta("source_file_id")
    if source and pkg.source_file_id and pkg.source_file_id != source:
        raise Conflict(
            _(
                "{file} was issued from another copy of the campaign workspace than the "
                "packages already merged, so it is not on this panel's roster."
            ).format(file=pkg.name)
        )
    clash = cpf.conn.execute(
        "SELECT 1 FROM returns WHERE (panelist_id = ? AND file_id != ?) "
        "OR (file_id = ? AND panelist_id != ?) LIMIT 1",
        (pkg.panelist_id, pkg.file_id, pkg.file_id, pkg.panelist_id),
    ).fetchone()
    if clash:
        raise Conflict(
            _(
                "{file} claims the identity of a package already merged but is not the "
                "same package; it was altered after it was issued. Nothing was merged from it."
            ).format(file=pkg.name)
        )


def _columns(conn: sqlite3.Connection, table: str) -> str:
    """The columns ``table`` has both in the results file and in the attached package."""
    main = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
    theirs = {r[1] for r in conn.execute(f"PRAGMA pkg.table_info({table})")}
    return ", ".join(c for c in main if c in theirs)


def write_return(cpf: CulturePanelFile, copy: Path, pkg: ReturnedPackage, replacing: bool) -> None:
    """Merge the snapshot ``copy`` of ``pkg`` in one transaction (all or nothing)."""
    conn = cpf.conn
    conn.execute("ATTACH DATABASE ? AS pkg", (str(copy),))
    try:
        with cpf.transaction():
            _check_variants(conn, pkg)
            _copy_issue(cpf, pkg)
            _copy_work(cpf, pkg, replacing)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.IntegrityError):
            raise Conflict(
                _("{file} could not be merged ({reason}). Nothing was merged from it.").format(
                    file=pkg.name, reason=exc
                )
            ) from None
        raise damaged(pkg.name) from None
    finally:
        conn.execute("DETACH DATABASE pkg")


def _check_variants(conn: sqlite3.Connection, pkg: ReturnedPackage) -> None:
    row = conn.execute(
        "SELECT p.key, p.locale FROM pkg.variants p JOIN main.variants m ON m.id = p.id "
        "WHERE m.key != p.key OR m.locale != p.locale "
        "OR (m.revision = p.revision AND m.content_hash != p.content_hash) "
        "UNION ALL SELECT p.key, p.locale FROM pkg.variants p JOIN main.variants m "
        "ON m.key = p.key AND m.locale = p.locale WHERE m.id != p.id LIMIT 1"
    ).fetchone()
    if row:
        raise Conflict(
            _(
                "{file}: its variant {key} [{locale}] differs from the same variant in the "
                "packages already merged; it was altered or comes from another workspace. "
                "Nothing was merged from it."
            ).format(file=pkg.name, key=row[0], locale=row[1])
        )


def _copy_issue(cpf: CulturePanelFile, pkg: ReturnedPackage) -> None:
    """Variants, checklist, calendar and glossary: the newest issue wins, nothing is lost."""
    conn = cpf.conn
    if not cpf.get_meta("market"):
        cpf.set_meta(market=pkg.market, source_file_id=pkg.source_file_id)
    if pkg.source_locale and not cpf.get_meta("source_locale"):
        cpf.set_meta(source_locale=pkg.source_locale)
    newer = pkg.issue_time > (cpf.get_meta("issue_time") or "")
    for table in ("imports", "assets", "glossary"):
        cols = _columns(conn, table)
        conn.execute(f"INSERT OR IGNORE INTO main.{table}({cols}) SELECT {cols} FROM pkg.{table}")
    cols = _columns(conn, "variants")
    if newer:
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols.split(", ") if c != "id")
        conn.execute(
            f"INSERT INTO main.variants({cols}) SELECT {cols} FROM pkg.variants WHERE true "
            f"ON CONFLICT(id) DO UPDATE SET {updates} "
            f"WHERE variants.content_hash IS NOT excluded.content_hash "
            f"OR variants.status IS NOT excluded.status "
            f"OR variants.revision IS NOT excluded.revision"
        )
        conn.execute(
            "INSERT INTO main.checklist_items(id, position, scope, data) "
            "SELECT id, position, scope, data FROM pkg.checklist_items WHERE true "
            "ON CONFLICT(id) DO UPDATE SET position = excluded.position, "
            "scope = excluded.scope, data = excluded.data WHERE checklist_items.data IS NOT "
            "excluded.data OR checklist_items.position IS NOT excluded.position"
        )
        conn.execute("DELETE FROM main.calendar_entries")
        conn.execute(
            "INSERT INTO main.calendar_entries(id, market, data) "
            "SELECT id, market, data FROM pkg.calendar_entries"
        )
        conn.execute("DELETE FROM main.meta WHERE key LIKE 'calendar:%'")
        marks = ",".join("?" * len(_ISSUE_META))
        conn.execute(
            f"INSERT INTO main.meta(key, value) SELECT key, value FROM pkg.meta "
            f"WHERE key IN ({marks}) OR key LIKE 'calendar:%' "
            f"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            _ISSUE_META,
        )
        cpf.set_meta(issue_time=pkg.issue_time)
    else:
        conn.execute(f"INSERT OR IGNORE INTO main.variants({cols}) SELECT {cols} FROM pkg.variants")
        conn.execute(
            "INSERT OR IGNORE INTO main.checklist_items(id, position, scope, data) "
            "SELECT id, position, scope, data FROM pkg.checklist_items"
        )


def _copy_work(cpf: CulturePanelFile, pkg: ReturnedPackage, replacing: bool) -> None:
    """The panelist's roster entry, votes, answers and dismissals, and the return itself."""
    conn = cpf.conn
    pid = pkg.panelist_id
    number = conn.execute("SELECT roster_number FROM panelists WHERE id = ?", (pid,)).fetchone()
    if number is None or number[0] is None:
        number = conn.execute(
            "SELECT coalesce(max(roster_number), 0) + 1 FROM panelists"
        ).fetchone()
    conn.execute(
        "INSERT INTO panelists(id, name, market, consent, issued_at, roster_number) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
        "consent = excluded.consent, roster_number = excluded.roster_number",
        (
            pid,
            stored_name(pkg.panelist_name, pkg.consent),
            pkg.market,
            pkg.consent,
            pkg.issued_at,
            number[0],
        ),
    )
    if replacing:
        for table in ("votes", "checklist_answers", "panel_dismissals"):
            conn.execute(f"DELETE FROM main.{table} WHERE panelist_id = ?", (pid,))
    cols = _columns(conn, "votes")
    conn.execute(
        f"INSERT INTO main.votes({cols}) SELECT {cols} FROM pkg.votes WHERE panelist_id = ?",
        (pid,),
    )
    conn.execute(
        "INSERT INTO main.checklist_answers(id, item_id, panelist_id, answer, note, updated_at) "
        "SELECT id, item_id, panelist_id, answer, note, updated_at FROM pkg.checklist_answers "
        "WHERE panelist_id = ?",
        (pid,),
    )
    conn.execute(
        "INSERT INTO main.panel_dismissals(id, panelist_id, variant_id, finding_key, reason, at) "
        "SELECT lower(hex(randomblob(16))), ?, variant_id, finding_key, reason, at "
        "FROM pkg.finding_dismissals",
        (pid,),
    )
    stamp = now_iso()
    conn.execute(
        "UPDATE returns SET status = 'superseded' WHERE panelist_id = ? AND status = 'current'",
        (pid,),
    )
    if not stored_name(pkg.panelist_name, pkg.consent):  # consent withdrawn: forget the name
        conn.execute("UPDATE returns SET file_name = NULL WHERE panelist_id = ?", (pid,))
    conn.execute(
        "INSERT INTO returns(id, file_id, panelist_id, file_name, sha256, seal, "
        "issued_at, written_at, submitted_at, merged_at, merged_by, action, status, votes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)",
        (
            new_id(),
            pkg.file_id,
            pid,
            pkg.name if stored_name(pkg.panelist_name, pkg.consent) else None,
            pkg.sha256,
            pkg.seal_value,
            pkg.issue_time,
            pkg.written_at,
            pkg.submitted_at,
            stamp,
            current_user(),
            "replaced" if replacing else "accepted",
            pkg.votes,
        ),
    )
    record_event(
        cpf,
        "return-replaced" if replacing else "return-merged",
        {"file_id": pkg.file_id, "panelist_number": number[0], "votes": pkg.votes},
    )

"""Review packages: one self-contained file per panelist, built from a campaign workspace.

A package (file kind ``package``) holds the market's active variants with their
source copy and images, the panelist's roster entry, the deadline, and the
slots for the market's checklist and calendar. It opens on a machine that never
saw the workspace. Building again into the same folder refreshes the variants
of an existing package (new text is marked "changed since your vote") and keeps
every vote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from culturepanel.consolidation.seal import seal_package
from culturepanel.errors import CulturePanelError
from culturepanel.i18n import _
from culturepanel.locales import normalize_market
from culturepanel.review.package_calendar import store_calendar
from culturepanel.review.package_checklist import store_checklist
from culturepanel.review.votes import is_submitted, record_event
from culturepanel.storage.database import (
    KIND_CAMPAIGN,
    KIND_PACKAGE,
    SUFFIX,
    CulturePanelFile,
    create_file,
    new_id,
    now_iso,
    open_file,
)

_VARIANT_COLUMNS = (
    "id, key, locale, locale_label, market, market_source, campaign, channel, source_text, "
    "text, launch_start, launch_end, asset_id, notes, status, revision, content_hash, origin, "
    "import_id, created_at, updated_at"
)


class PackageError(CulturePanelError):
    """A package cannot be built as asked."""


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    panelist: str
    variants: int
    created: bool


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w.-]+", "-", text.strip(), flags=re.UNICODE).strip("-")
    return slug or "panelist"


def package_path(out_dir: Path, campaign: str, market: str, panelist: str) -> Path:
    """The file name of a panelist's package: ``<campaign>-<market>-<panelist>.cpanel``."""
    return Path(out_dir) / f"{_slug(campaign)}-{market}-{_slug(panelist)}{SUFFIX}"


def market_variant_ids(ws: CulturePanelFile, market: str) -> list[str]:
    """Active variants of ``market``: exact (``DE-BY``) or all of a country (``DE``)."""
    rows = ws.conn.execute(
        "SELECT id FROM variants WHERE status = 'active' AND (market = ? OR market LIKE ?) "
        "ORDER BY key, locale",
        (market, market + "-%"),
    ).fetchall()
    return [r[0] for r in rows]


def build_packages(
    workspace: Path,
    market: str,
    panelists: Sequence[str],
    out_dir: Path,
    deadline: date | None = None,
    checklist_files: Sequence[Path] = (),
) -> list[BuiltPackage]:
    """Write (or refresh) one package per panelist for ``market`` into ``out_dir``.

    ``checklist_files`` are the campaign's own checklist items (TOML), added to the
    global and market checklists the package carries.
    """
    try:
        market = normalize_market(market)
    except ValueError as exc:
        raise PackageError(str(exc)) from None
    names = [p.strip() for p in panelists if p.strip()]
    if not names:
        raise PackageError(_("Name at least one panelist with --panelist NAME."))
    if len({n.casefold() for n in names}) != len(names):
        raise PackageError(_("A panelist is named twice; give each panelist once."))
    built = []
    with open_file(workspace, kinds=(KIND_CAMPAIGN,)) as ws:
        ids = market_variant_ids(ws, market)
        if not ids:
            markets = [
                r[0]
                for r in ws.conn.execute(
                    "SELECT DISTINCT market FROM variants WHERE status = 'active' ORDER BY 1"
                )
            ]
            raise PackageError(
                _("{file} has no variants for market {market}. Markets in it: {markets}.").format(
                    file=Path(workspace).name, market=market, markets=", ".join(markets) or "—"
                )
            )
        for name in names:
            path = package_path(out_dir, ws.campaign_name, market, name)
            created = not path.exists()
            if created:
                pkg = create_file(path, KIND_PACKAGE, ws.campaign_name, ws.campaign_id)
            else:
                pkg = open_file(path, kinds=(KIND_PACKAGE,))
            try:
                _fill(ws, pkg, ids, market, name, deadline, created, checklist_files)
            except BaseException:
                pkg.close()
                if created:
                    for suffix in ("", "-wal", "-shm"):
                        Path(str(path) + suffix).unlink(missing_ok=True)
                raise
            pkg.close()
            built.append(BuiltPackage(path, name, len(ids), created))
    return built


def _fill(
    ws: CulturePanelFile,
    pkg: CulturePanelFile,
    ids: list[str],
    market: str,
    panelist: str,
    deadline: date | None,
    created: bool,
    checklist_files: Sequence[Path] = (),
) -> None:
    if not created:
        if pkg.campaign_id != ws.campaign_id:
            raise PackageError(
                _("{file} belongs to another campaign; choose another output folder.").format(
                    file=pkg.path.name
                )
            )
        if is_submitted(pkg):
            raise PackageError(
                _("{file} was already submitted by the panelist; it was not changed.").format(
                    file=pkg.path.name
                )
            )
    stamp = now_iso()
    conn = pkg.conn
    conn.execute("ATTACH DATABASE ? AS ws", (str(ws.path),))
    try:
        with pkg.transaction():
            marks = ",".join("?" * len(ids))
            conn.execute(
                f"INSERT OR IGNORE INTO assets SELECT * FROM ws.assets WHERE id IN "
                f"(SELECT asset_id FROM ws.variants WHERE id IN ({marks}))",
                ids,
            )
            conn.execute(
                f"INSERT OR IGNORE INTO imports SELECT * FROM ws.imports WHERE id IN "
                f"(SELECT import_id FROM ws.variants WHERE id IN ({marks}))",
                ids,
            )
            conn.execute("DELETE FROM main.glossary")
            conn.execute("INSERT INTO main.glossary SELECT * FROM ws.glossary")
            # history of a changed variant, then the variants themselves
            conn.execute(
                f"INSERT INTO variant_history(id, variant_id, revision, text, source_text, "
                f"channel, launch_start, launch_end, asset_id, notes, content_hash, replaced_at) "
                f"SELECT lower(hex(randomblob(16))), p.id, p.revision, p.text, p.source_text, "
                f"p.channel, p.launch_start, p.launch_end, p.asset_id, p.notes, p.content_hash, ? "
                f"FROM main.variants p JOIN ws.variants w ON w.id = p.id "
                f"WHERE w.content_hash != p.content_hash AND p.id IN ({marks})",
                (stamp, *ids),
            )
            conn.execute(
                f"INSERT INTO main.variants({_VARIANT_COLUMNS}) SELECT {_VARIANT_COLUMNS} "
                f"FROM ws.variants WHERE id IN ({marks}) AND true "
                f"ON CONFLICT(id) DO UPDATE SET text = excluded.text, "
                f"source_text = excluded.source_text, channel = excluded.channel, "
                f"launch_start = excluded.launch_start, launch_end = excluded.launch_end, "
                f"asset_id = excluded.asset_id, notes = excluded.notes, status = 'active', "
                f"revision = excluded.revision, content_hash = excluded.content_hash, "
                f"updated_at = excluded.updated_at",
                ids,
            )
            conn.execute(
                f"UPDATE main.variants SET status = 'removed', updated_at = ? "
                f"WHERE id NOT IN ({marks}) AND status = 'active'",
                (stamp, *ids),
            )
            if created:
                panelist_id = new_id()
                conn.execute(
                    "INSERT INTO panelists(id, name, market, consent, issued_at) "
                    "VALUES (?, ?, ?, NULL, ?)",
                    (panelist_id, panelist, market, stamp),
                )
                pkg.set_meta(
                    panelist_id=panelist_id,
                    panelist_name=panelist,
                    issued_at=stamp,
                    source_file_id=ws.get_meta("file_id"),
                )
            pkg.set_meta(
                market=market,
                deadline=deadline.isoformat() if deadline else pkg.get_meta("deadline"),
                refreshed_at=None if created else stamp,
            )
            store_calendar(pkg, market, deadline or _deadline(pkg))
            store_checklist(pkg, market, checklist_files)
            seal_package(pkg)
            record_event(
                pkg, "issued" if created else "refreshed", {"variants": len(ids), "market": market}
            )
    finally:
        conn.execute("DETACH DATABASE ws")


def _deadline(pkg: CulturePanelFile) -> date | None:
    text = pkg.get_meta("deadline")
    return date.fromisoformat(text) if text else None


def package_panelist(pkg: CulturePanelFile) -> tuple[str, str]:
    """``(panelist_id, name)`` of the package's panelist."""
    pid = pkg.get_meta("panelist_id")
    if not pid:
        raise PackageError(
            _("{file} has no panelist; it is not a valid review package.").format(
                file=pkg.path.name
            )
        )
    return pid, pkg.get_meta("panelist_name") or ""

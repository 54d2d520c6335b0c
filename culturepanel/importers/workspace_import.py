"""Import campaign files into a campaign workspace: all or nothing, idempotent, change-aware.

:func:`import_campaign_files` reads every file first; if any has a problem,
nothing is written and :class:`~culturepanel.errors.InputErrors` lists them all.
Otherwise one transaction adds new variants, updates changed ones (keeping the
previous text in ``variant_history``), leaves unchanged ones alone, and marks
variants that an earlier import of the same file had but this one has not as
*removed* (kept, not deleted). Importing the same file twice changes nothing,
not even the file's modification stamp.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from culturepanel import __version__
from culturepanel.errors import FileRefused, InputErrors, Problem
from culturepanel.i18n import _
from culturepanel.importers import read_campaign_file
from culturepanel.importers.context import paused_gc
from culturepanel.importers.model import ImportedVariant, ParsedFile
from culturepanel.storage.assets import asset_digest, store_asset
from culturepanel.storage.database import (
    KIND_CAMPAIGN,
    CulturePanelFile,
    create_file,
    current_user,
    new_id,
    new_ids,
    now_iso,
    open_file,
)

Progress = Callable[[int, int], None]


@dataclass
class FileImportReport:
    """What importing one file did."""

    file: str
    format: str
    layout: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.unchanged


@dataclass
class ImportReport:
    """What one ``import`` command did to the workspace."""

    workspace: Path
    created: bool
    campaign: str
    files: list[FileImportReport] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return any(f.added or f.changed or f.removed for f in self.files)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(v: ImportedVariant, asset_id: str | None) -> str:
    """Hash of everything HQ controls about a variant: a change of any of it is a change."""
    return _hash_values(_variant_values(v, asset_id))


#: The columns :func:`_variant_values` gives, in its order.
_VALUE_COLUMNS = (
    *("key", "locale", "locale_label", "market", "market_source", "campaign", "channel"),
    *("source_text", "text", "launch_start", "launch_end", "asset_id", "notes"),
)
#: The columns :func:`content_hash` covers, in hash order. Workspaces store the hash,
#: so this order is fixed: another one would make every variant look changed.
_HASHED_COLUMNS = (
    *("text", "source_text", "channel", "campaign", "market"),
    *("launch_start", "launch_end", "asset_id", "notes"),
)
_HASHED = itemgetter(*(_VALUE_COLUMNS.index(column) for column in _HASHED_COLUMNS))


def _hash_values(values: tuple) -> str:
    """:func:`content_hash` of a variant whose :func:`_variant_values` are ``values``."""
    # \x1f separates fields, \x1e marks "absent" so that None and "" differ
    payload = "\x1f".join(["\x1e" if f is None else f for f in _HASHED(values)])
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=20).hexdigest()


def _campaign_problems(
    parsed: Sequence[ParsedFile], workspace_campaign: str | None
) -> list[Problem]:
    """A file whose ``campaign`` column names another campaign is refused."""
    problems: list[Problem] = []
    if not workspace_campaign:
        return problems
    for pf in parsed:
        others = {v.campaign for v in pf.variants if v.campaign} - {workspace_campaign}
        for other in sorted(others):
            row = next(v.origin for v in pf.variants if v.campaign == other)
            problems.append(
                Problem(
                    file=pf.path.name,
                    row=row,
                    column="campaign",
                    message=_(
                        "this row belongs to campaign '{other}', but the workspace holds "
                        "campaign '{campaign}'."
                    ).format(other=other, campaign=workspace_campaign),
                    hint=_("Import it into a workspace of its own, or correct the column."),
                )
            )
    return problems


def _cross_file_duplicates(parsed: Sequence[ParsedFile]) -> list[Problem]:
    if len(parsed) < 2:
        return []  # each file has reported its own repeated keys
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    problems = []
    for pf in parsed:
        name = pf.path.name
        for v in pf.variants:
            where = seen.get((v.key, v.locale))
            if where and where[0] != name:
                problems.append(
                    Problem(
                        file=name,
                        row=v.origin,
                        message=_(
                            "key '{key}' in locale '{locale}' is also in {other} ({row})."
                        ).format(key=v.key, locale=v.locale_label, other=where[0], row=where[1]),
                        hint=_("Each variant must come from one file only."),
                    )
                )
            else:
                seen.setdefault((v.key, v.locale), (name, v.origin))
    return problems


def parse_files(
    files: Sequence[Path], sheet: str | None = None, progress: Progress | None = None
) -> list[ParsedFile]:
    """Read and validate every file; raise :class:`InputErrors` listing all problems."""
    parsed = [read_campaign_file(Path(f), sheet=sheet, progress=progress) for f in files]
    problems = [p for pf in parsed for p in pf.problems]
    problems += _cross_file_duplicates(parsed)
    if problems:
        raise InputErrors(problems)
    return parsed


def _default_campaign_name(parsed: Sequence[ParsedFile]) -> str:
    names = {v.campaign for pf in parsed for v in pf.variants if v.campaign}
    if len(names) == 1:
        return names.pop()
    return parsed[0].path.stem if parsed else _("Untitled campaign")


def import_campaign_files(
    workspace: Path,
    files: Sequence[Path],
    campaign: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``files`` into the workspace at ``workspace`` (created if missing).

    Raises :class:`InputErrors` (nothing written) if any file has a problem, and
    :class:`FileRefused` if ``workspace`` is not a campaign workspace.
    """
    with paused_gc():
        return _import(Path(workspace), files, campaign, sheet, progress)


def _import(
    workspace: Path,
    files: Sequence[Path],
    campaign: str | None,
    sheet: str | None,
    progress: Progress | None,
) -> ImportReport:
    parsed = parse_files(files, sheet=sheet, progress=progress)
    created = not workspace.exists()
    if created:
        name = campaign or _default_campaign_name(parsed)
        cpf = create_file(workspace, KIND_CAMPAIGN, name)
    else:
        cpf = open_file(workspace, kinds=(KIND_CAMPAIGN,))
    try:
        if campaign and not created and campaign != cpf.campaign_name:
            raise FileRefused(
                _(
                    "{file} holds campaign '{found}', not '{given}'. Leave out --campaign, "
                    "or import into another workspace."
                ).format(file=workspace.name, found=cpf.campaign_name, given=campaign)
            )
        problems = _campaign_problems(parsed, cpf.campaign_name)
        if problems:
            raise InputErrors(problems)
        report = ImportReport(workspace=workspace, created=created, campaign=cpf.campaign_name)
        _apply(cpf, parsed, report)
    except BaseException:
        cpf.close()
        if created:
            _remove_database(workspace)
        raise
    cpf.close()
    return report


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _apply(cpf: CulturePanelFile, parsed: Sequence[ParsedFile], report: ImportReport) -> None:
    conn = cpf.conn
    existing: dict[tuple[str, str], tuple[str, str, int, str, str | None]] = {
        (key, locale): (vid, chash, revision, status, import_id)
        for vid, key, locale, chash, revision, status, import_id in conn.execute(
            "SELECT id, key, locale, content_hash, revision, status, import_id FROM variants"
        )
    }
    import_files = dict(conn.execute("SELECT id, file_name FROM imports"))

    digests: dict[Path, str] = {}
    plans = []
    # a variant that moved to another file of the same import is not removed
    seen = {(v.key, v.locale) for pf in parsed for v in pf.variants}
    for pf in parsed:
        fr = FileImportReport(file=pf.path.name, format=pf.format, layout=pf.layout)
        new_rows, changed_rows = [], []
        for v in pf.variants:
            asset_id = asset_digest(v.asset, digests) if v.asset else None
            values = _variant_values(v, asset_id)  # the columns written, and hashed
            chash = _hash_values(values)
            old = existing.get((v.key, v.locale))
            if old is None:
                new_rows.append((v, values, chash))
            elif old[1] == chash and old[3] == "active":
                fr.unchanged += 1
            else:
                changed_rows.append((v, values, chash, old))
        removed = [
            old[0]
            for k, old in existing.items()
            if k not in seen and old[3] == "active" and import_files.get(old[4]) == pf.path.name
        ]
        fr.added, fr.changed, fr.removed = len(new_rows), len(changed_rows), len(removed)
        plans.append((pf, fr, new_rows, changed_rows, removed))
        report.files.append(fr)

    if not report.changed_anything:
        return  # idempotent: the file is not touched at all
    stamp, user = now_iso(), current_user()
    with cpf.transaction():
        stored: dict[Path, str] = {}
        for pf, fr, new_rows, changed_rows, removed in plans:
            if not (fr.added or fr.changed or fr.removed):
                continue
            import_id = new_id()
            conn.execute(
                "INSERT INTO imports(id, file_name, file_sha256, format, layout, imported_at, "
                "imported_by, app_version, added, changed, unchanged, removed) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    import_id,
                    pf.path.name,
                    _sha256_file(pf.path),
                    pf.format,
                    pf.layout,
                    stamp,
                    user,
                    __version__,
                    fr.added,
                    fr.changed,
                    fr.unchanged,
                    fr.removed,
                ),
            )
            for v, _a, _h, *_rest in (*new_rows, *changed_rows):
                if v.asset:
                    store_asset(conn, v.asset, stored)
            # Fresh ids are random; handing them out in sorted order makes the id
            # index grow at its end instead of being split all over.
            ids = sorted(new_ids(len(new_rows)))
            conn.executemany(
                "INSERT INTO variants(id, key, locale, locale_label, market, market_source, "
                "campaign, channel, source_text, text, launch_start, launch_end, asset_id, notes, "
                "status, revision, content_hash, origin, import_id, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'active',1,?,?,?,?,?)",
                (
                    (vid, *values, chash, v.origin, import_id, stamp, stamp)
                    for vid, (v, values, chash) in zip(ids, new_rows, strict=True)
                ),
            )
            for v, values, chash, old in changed_rows:
                _archive(conn, old[0], import_id, stamp)
                conn.execute(
                    "UPDATE variants SET key=?, locale=?, locale_label=?, market=?, "
                    "market_source=?, campaign=?, channel=?, source_text=?, text=?, "
                    "launch_start=?, launch_end=?, asset_id=?, notes=?, status='active', "
                    "revision=revision+1, content_hash=?, origin=?, import_id=?, updated_at=? "
                    "WHERE id=?",
                    (*values, chash, v.origin, import_id, stamp, old[0]),
                )
            conn.executemany(
                "UPDATE variants SET status='removed', updated_at=?, import_id=? WHERE id=?",
                [(stamp, import_id, vid) for vid in removed],
            )


def _variant_values(v: ImportedVariant, asset_id: str | None) -> tuple:
    return (
        v.key,
        v.locale,
        v.locale_label,
        v.market,
        v.market_source,
        v.campaign,
        v.channel,
        v.source_text,
        v.text,
        v.launch_start.isoformat() if v.launch_start else None,
        v.launch_end.isoformat() if v.launch_end else None,
        asset_id,
        v.notes,
    )


def _archive(conn, variant_id: str, import_id: str, stamp: str) -> None:
    """Keep the variant's current content as a history row before it is replaced."""
    conn.execute(
        "INSERT INTO variant_history(id, variant_id, revision, text, source_text, channel, "
        "launch_start, launch_end, asset_id, notes, content_hash, replaced_at, "
        "replaced_by_import) SELECT ?, id, revision, text, source_text, channel, launch_start, "
        "launch_end, asset_id, notes, content_hash, ?, ? FROM variants WHERE id = ?",
        (new_id(), stamp, import_id, variant_id),
    )

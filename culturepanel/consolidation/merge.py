"""Merging returned review packages into a market's regional results file.

:func:`merge_packages` takes any number of returned packages. Each file is
copied aside and checked on its own (:mod:`.returned`), then against the
results file: same campaign, same market, issued from the same workspace, a
panelist id that belongs to this package and no other. A file that fails is
refused with its reason and the others merge. Each accepted file is merged in
one transaction (all of it or none of it) through ``ATTACH`` and
``INSERT … SELECT``, so the work stays in SQLite.

Idempotent: a file whose bytes, or whose panelist's work, were merged already
is *unchanged* and the results file is not written at all. A newer return of
the same panelist's package (later ``written_at``) *replaces* the older one
(all of that panelist's votes, checklist answers and dismissals) and says so;
an older one is *outdated* and ignored.

The results file (kind ``results``) is created with the first acceptable
package: same campaign id and name, the package's market. It keeps the
variants (the newest issue wins), the checklist, the calendar slice, the
glossary, every panelist (named only with consent, see :mod:`.panel`), their
votes, answers and dismissals, and a ``returns`` row per merged file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from culturepanel.i18n import N_, _, ngettext
from culturepanel.storage.database import (
    KIND_RESULTS,
    CulturePanelFile,
    create_file,
    open_file,
)

from . import returned
from .merge_write import Conflict, check_against, write_return
from .panel import panelist_label, roster

ACCEPTED = "accepted"
REPLACED = "replaced"
UNCHANGED = "unchanged"
OUTDATED = "outdated"
REFUSED = "refused"

STATUS_LABELS = {
    ACCEPTED: N_("merged"),
    REPLACED: N_("replaced an older return"),
    UNCHANGED: N_("unchanged (already merged)"),
    OUTDATED: N_("ignored (older than the return merged)"),
    REFUSED: N_("refused"),
}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class MergedFile:
    """What became of one returned file."""

    path: Path
    status: str  # ACCEPTED / REPLACED / UNCHANGED / OUTDATED / REFUSED
    panelist: str = ""  # display label, honouring consent; empty when refused early
    votes: int = 0
    message: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS[self.status])


@dataclass
class MergeReport:
    """The outcome of :func:`merge_packages`, file by file."""

    results: Path
    created: bool = False
    market: str | None = None
    campaign: str | None = None
    files: list[MergedFile] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def changed(self) -> bool:
        return any(f.status in (ACCEPTED, REPLACED) for f in self.files)

    @property
    def all_refused(self) -> bool:
        return bool(self.files) and all(f.status == REFUSED for f in self.files)


def merge_packages(
    results: Path,
    files: Sequence[Path],
    require_seal: bool = False,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge returned packages ``files`` into ``results`` (created if missing).

    ``require_seal`` refuses packages without an issue seal (built by an app that did
    not seal yet). Never raises for a bad returned file: each one is in the report.
    Raises :class:`~culturepanel.errors.FileRefused` if ``results`` itself cannot be
    opened as a regional results file.
    """
    results = Path(results)
    report = MergeReport(results)
    cpf: CulturePanelFile | None = None
    if results.exists():
        cpf = _secure(open_file(results, kinds=(KIND_RESULTS,)))
        report.market = cpf.get_meta("market")
        report.campaign = cpf.campaign_name
    try:
        with tempfile.TemporaryDirectory(prefix="culturepanel-merge-") as tmp:
            for index, path in enumerate(files):
                folder = Path(tmp) / str(index)
                folder.mkdir()
                outcome, cpf = _merge_one(cpf, results, Path(path), folder, require_seal, report)
                report.files.append(outcome)
                if progress:
                    progress(index + 1, len(files))
    finally:
        if cpf is not None:
            if report.changed:
                cpf.close()
            else:
                cpf.conn.close()  # leave the bytes of an unchanged file exactly as they were
            if report.created and not report.changed:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(results) + suffix).unlink(missing_ok=True)
                report.created = False
    return report


def _merge_one(
    cpf: CulturePanelFile | None,
    results: Path,
    path: Path,
    folder: Path,
    require_seal: bool,
    report: MergeReport,
) -> tuple[MergedFile, CulturePanelFile | None]:
    try:
        copy, sha256 = returned.snapshot(path, folder)
        if cpf is not None:
            known = _known_bytes(cpf, sha256)
            if known is not None:
                return _known(path, cpf, known), cpf
        pkg = returned.inspect_package(copy, path.name, sha256)
        if require_seal and pkg.seal != "sealed":
            raise returned.Refused(
                _(
                    "{file} carries no seal (it was built by an older version of "
                    "CulturePanel), so whether it was altered cannot be checked."
                ).format(file=path.name)
            )
        if cpf is not None:
            check_against(cpf, pkg)
        else:
            cpf = _secure(create_file(results, KIND_RESULTS, pkg.campaign_name, pkg.campaign_id))
            report.created = True
            report.market, report.campaign = pkg.market, pkg.campaign_name
        status, previous = _status(cpf, pkg, copy)
        label = _label(cpf, pkg)
        if status in (UNCHANGED, OUTDATED):
            message = (
                _("{file}: already merged for {panelist}; nothing changed.")
                if status == UNCHANGED
                else _(
                    "{file}: older than the return merged for {panelist} (written {then}); "
                    "the newer one is kept."
                )
            ).format(file=path.name, panelist=label, then=previous or "")
            return MergedFile(path, status, label, pkg.votes, message), cpf
        write_return(cpf, copy, pkg, replacing=status == REPLACED)
        label = _label(cpf, pkg)
        return _merged(path, pkg, status, label, previous), cpf
    except (returned.Refused, Conflict) as exc:
        return MergedFile(path, REFUSED, message=str(exc)), cpf


def _secure(cpf: CulturePanelFile) -> CulturePanelFile:
    """Overwrite deleted content: a name withdrawn with consent must not linger in free pages."""
    cpf.conn.execute("PRAGMA secure_delete = ON")
    return cpf


def _known_bytes(cpf: CulturePanelFile, sha256: str) -> tuple[str, str] | None:
    row = cpf.conn.execute(
        "SELECT panelist_id, status FROM returns WHERE sha256 = ? "
        "ORDER BY status = 'current' DESC LIMIT 1",
        (sha256,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def _known(path: Path, cpf: CulturePanelFile, known: tuple[str, str]) -> MergedFile:
    panelist_id, status = known
    panel = roster(cpf)
    p = panel.get(panelist_id)
    label = p.label if p else panelist_label(None, None, None)
    votes = cpf.conn.execute(
        "SELECT count(*) FROM votes WHERE panelist_id = ?", (panelist_id,)
    ).fetchone()[0]
    if status == "current":
        message = _("{file}: already merged for {panelist}; nothing changed.")
        return MergedFile(
            path, UNCHANGED, label, votes, message.format(file=path.name, panelist=label)
        )
    message = _("{file}: an older return of {panelist}, replaced since; nothing changed.")
    return MergedFile(path, OUTDATED, label, 0, message.format(file=path.name, panelist=label))


def _status(
    cpf: CulturePanelFile, pkg: returned.ReturnedPackage, copy: Path
) -> tuple[str, str | None]:
    """Is ``pkg`` new, the same work as the return merged, older, or newer?

    The work digests are computed only when the panelist has a return merged already.
    """
    row = cpf.conn.execute(
        "SELECT r.written_at, r.submitted_at, r.seal, r.issued_at, p.consent FROM returns r "
        "JOIN panelists p ON p.id = r.panelist_id "
        "WHERE r.panelist_id = ? AND r.status = 'current'",
        (pkg.panelist_id,),
    ).fetchone()
    if row is None:
        return ACCEPTED, None
    written_at, submitted_at, seal, issued_at, consent = row
    merged = returned.work_digest(
        cpf.conn,
        pkg.panelist_id,
        (consent, submitted_at, seal, issued_at),
        dismissals="panel_dismissals",
    )
    if merged == returned.package_digest(copy, pkg):
        return UNCHANGED, written_at
    if pkg.written_at < (written_at or ""):
        return OUTDATED, written_at
    return REPLACED, written_at


def _label(cpf: CulturePanelFile, pkg: returned.ReturnedPackage) -> str:
    p = roster(cpf).get(pkg.panelist_id)
    number = p.number if p else None
    return panelist_label(pkg.panelist_name, pkg.consent, number)


def _merged(
    path: Path, pkg: returned.ReturnedPackage, status: str, label: str, previous: str | None
) -> MergedFile:
    if status == REPLACED:
        message = ngettext(
            "{file}: {votes} vote of {panelist}; replaces their earlier return (written {then}).",
            "{file}: {votes} votes of {panelist}; replaces their earlier return (written {then}).",
            pkg.votes,
        ).format(file=path.name, votes=pkg.votes, panelist=label, then=previous)
    else:
        message = ngettext(
            "{file}: {votes} vote of {panelist} merged.",
            "{file}: {votes} votes of {panelist} merged.",
            pkg.votes,
        ).format(file=path.name, votes=pkg.votes, panelist=label)
    warnings = []
    if pkg.seal != "sealed":
        warnings.append(
            _(
                "{file} carries no seal (built by an older version of CulturePanel): whether "
                "it was altered could not be checked."
            ).format(file=path.name)
        )
    if not pkg.submitted_at:
        warnings.append(
            _("{file} was not submitted: {panelist}'s review may be unfinished.").format(
                file=path.name, panelist=label
            )
        )
    return MergedFile(path, status, label, pkg.votes, message, tuple(warnings))

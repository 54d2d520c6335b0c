"""Real files for the consolidation tests: a campaign CSV, a workspace, issued packages, votes.

Packages are built with :func:`build_packages` and sealed with
:func:`seal_package`, as HQ's package builder does; panelists vote through
:func:`save_vote` (or a ballot) and submit through :mod:`culturepanel.review.finish`.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from culturepanel.consolidation.seal import seal_package
from culturepanel.importers.workspace_import import import_campaign_files
from culturepanel.review.finish import set_consent, submit
from culturepanel.review.packages import build_packages
from culturepanel.review.votes import save_vote
from culturepanel.storage.database import open_file

HEADER = ["key", "locale", "market", "text", "source_text", "channel", "launch_start", "launch_end"]
ROWS = [
    ["hero.title", "de-DE", "DE", "Bereit für den Frühling?", "Ready for spring?", "web",
     "2027-04-20", "2027-04-30"],
    ["hero.sub", "de-DE", "DE", "Neue Farben, leichte Stoffe.", "New colours, light fabrics.",
     "web", "2027-04-20", "2027-04-30"],
    ["cta", "de-DE", "DE", "Jetzt entdecken", "Discover now", "web", "", ""],
    ["push.sale", "de-DE", "DE", "Nur heute: 20 % Rabatt", "Today only: 20% off", "push",
     "2027-04-21", "2027-04-21"],
    # EG: the launch window meets Eid al-Fitr 2027 (a timing conflict); two languages
    ["hero.title", "ar-EG", "EG", "وفّر مع الربيع", "Ready for spring?", "web",
     "2027-03-10", "2027-03-31"],
    ["cta", "ar-EG", "EG", "اكتشف الآن", "Discover now", "web", "", ""],
    ["cta", "en", "EG", "Discover now!", "Discover now", "social", "", ""],
]  # fmt: skip


def campaign_csv(path: Path, rows: Sequence[Sequence[str]] = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def workspace(
    folder: Path, name: str = "Spring 2027", rows: Sequence[Sequence[str]] = ROWS
) -> Path:
    """A campaign workspace imported from a CSV file."""
    folder.mkdir(parents=True, exist_ok=True)
    source = campaign_csv(folder / "campaign.csv", rows)
    path = folder / "workspace.cpanel"
    import_campaign_files(path, [source], campaign=name)
    return path


def issue(ws: Path, market: str, names: Sequence[str], out: Path) -> dict[str, Path]:
    """Build (and seal) one package per panelist: what HQ sends out."""
    built = build_packages(ws, market, list(names), out, deadline=date(2027, 2, 20))
    for b in built:
        with open_file(b.path) as pkg, pkg.transaction():
            seal_package(pkg)
    return {b.panelist: b.path for b in built}


def variant_ids(path: Path) -> dict[str, str]:
    """``key@locale``, and ``key`` alone when it has one locale -> variant id."""
    with open_file(path) as cpf:
        rows = cpf.conn.execute("SELECT id, key, locale FROM variants").fetchall()
    keys = [r[1] for r in rows]
    out = {f"{k}@{loc}": vid for vid, k, loc in rows}
    out.update({k: vid for vid, k, _loc in rows if keys.count(k) == 1})
    return out


def vote(
    decision: str = "approve",
    scores: Sequence[int | None] = (4, 4, 4, 4),
    **fields: Any,
) -> dict[str, Any]:
    """Vote fields: a decision, the four scores (language, timing, messaging, resonance)."""
    out: dict[str, Any] = {"decision": decision}
    for dim, score in zip(("language", "timing", "messaging", "resonance"), scores, strict=True):
        out[f"score_{dim}"] = score
    if decision != "approve" and "comment" not in fields:
        fields["comment"] = f"{decision} because of the wording"
    out.update(fields)
    return out


def review(
    package: Path,
    votes: Mapping[str, dict[str, Any]],
    consent: str | None = None,
    finish: bool = True,
) -> None:
    """The panelist votes (``key`` -> fields), chooses how to be named, and submits."""
    ids = variant_ids(package)
    with open_file(package) as pkg:
        pid = pkg.get_meta("panelist_id") or ""
        if consent:
            set_consent(pkg, pid, consent)
        for key, changes in votes.items():
            save_vote(pkg, ids[key], pid, changes)
        if finish:
            submit(pkg, pid, force=True)


def send(package: Path, inbox: Path, name: str | None = None) -> Path:
    """The returned file as it arrives in the manager's inbox (a plain copy)."""
    inbox.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(package, inbox / (name or package.name)))

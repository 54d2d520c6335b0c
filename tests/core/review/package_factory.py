"""A small campaign workspace and its review packages, written directly through the core.

Variants are inserted with SQL (no campaign-file reader involved) so that these
tests depend only on the file format and :func:`build_packages`. The market EG
has two Arabic variants (right to left) and one English variant whose text looks
like a spreadsheet formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from culturepanel.review.packages import build_packages
from culturepanel.storage.database import KIND_CAMPAIGN, create_file, new_id, now_iso, open_file

#: key, locale, channel, source text, variant text, launch start, launch end, HQ notes
VARIANTS = [
    ("cta", "en-EG", "social", "=Shop now", "=Shop now!", None, None, "Looks like a formula"),
    (
        "hero.body",
        "ar-EG",
        "email",
        "Up to 30% off, this week only.",
        "خصم حتى ٣٠٪ هذا الأسبوع فقط.",
        "2027-03-10",
        "2027-03-31",
        None,
    ),
    (
        "hero.title",
        "ar-EG",
        "web",
        "Spring into savings",
        "وفّر مع الربيع",
        "2027-03-10",
        "2027-03-31",
        "Launch overlaps Ramadan?",
    ),
]


def make_workspace(folder: Path) -> Path:
    path = folder / "spring.cpanel"
    stamp = now_iso()
    with create_file(path, KIND_CAMPAIGN, "Spring 2027") as cpf, cpf.transaction() as conn:
        for key, locale, channel, source, text, start, end, notes in VARIANTS:
            conn.execute(
                "INSERT INTO variants(id, key, locale, locale_label, market, market_source, "
                "campaign, channel, source_text, text, launch_start, launch_end, notes, status, "
                "revision, content_hash, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'EG', 'locale', 'Spring 2027', ?, ?, ?, ?, ?, ?, 'active', "
                "1, ?, ?, ?)",
                (new_id(), key, locale, locale, channel, source, text, start, end, notes,
                 f"hash-{key}-{locale}-1", stamp, stamp),
            )  # fmt: skip
    return path


def make_packages(folder: Path, panelists: tuple[str, ...] = ("Amira", "Omar")) -> list[Path]:
    """One package per panelist for market EG; the workspace is ``folder/spring.cpanel``."""
    workspace = make_workspace(folder)
    built = build_packages(workspace, "EG", panelists, folder / "out", deadline=date(2027, 2, 20))
    return [b.path for b in built]


def change_variant_text(folder: Path, key: str, text: str) -> None:
    """HQ edits a variant in the workspace and refreshes the packages (as after a re-import)."""
    workspace = folder / "spring.cpanel"
    with open_file(workspace) as ws, ws.transaction() as conn:
        conn.execute(
            "UPDATE variants SET text = ?, revision = revision + 1, "
            "content_hash = content_hash || '-edited' WHERE key = ?",
            (text, key),
        )
    build_packages(workspace, "EG", ["Amira", "Omar"], folder / "out")


def withdraw_variant(folder: Path, key: str) -> None:
    """HQ drops a variant from the campaign and refreshes the packages."""
    workspace = folder / "spring.cpanel"
    with open_file(workspace) as ws, ws.transaction() as conn:
        conn.execute("UPDATE variants SET status = 'removed' WHERE key = ?", (key,))
    build_packages(workspace, "EG", ["Amira", "Omar"], folder / "out")

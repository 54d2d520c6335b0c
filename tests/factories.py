"""Builders of real CulturePanel files for tests: a campaign CSV, a workspace, packages."""

from __future__ import annotations

import csv
from pathlib import Path

from culturepanel.importers.workspace_import import import_campaign_files
from culturepanel.review.packages import build_packages

HEADER = ["key", "locale", "text", "source_text", "channel", "launch_start", "launch_end", "notes"]

ROWS = [
    [
        "hero.title",
        "de-DE",
        "Bereit für den Frühling?",
        "Ready for spring?",
        "web",
        "2027-03-01",
        "2027-03-14",
        "Tone: warm",
    ],
    [
        "hero.sub",
        "de-DE",
        "Neue Farben, leichte Stoffe.",
        "New colours, light fabrics.",
        "web",
        "2027-03-01",
        "2027-03-14",
        "",
    ],
    ["cta", "de-DE", "Jetzt entdecken", "Discover now", "web", "2027-03-01", "2027-03-14", ""],
    [
        "push",
        "de-DE",
        "Nur heute: 20 % Rabatt",
        "Today only: 20% off",
        "push",
        "2027-03-05",
        "2027-03-05",
        "",
    ],
    [
        "hero.title",
        "ar",
        "هل أنت مستعد للربيع؟",
        "Ready for spring?",
        "web",
        "2027-03-01",
        "2027-03-14",
        "",
    ],
    [
        "hero.sub",
        "ar",
        "ألوان جديدة وأقمشة خفيفة.",
        "New colours, light fabrics.",
        "web",
        "2027-03-01",
        "2027-03-14",
        "",
    ],
]


def rows_with_untranslated_push() -> list[list[str]]:
    """:data:`ROWS` with the German push message left in English (an untranslated variant)."""
    english = [
        "push",
        "de-DE",
        "Today only: 20% off",
        "Today only: 20% off",
        "push",
        "2027-03-05",
        "2027-03-05",
        "",
    ]
    return [r for r in ROWS if r[0] != "push" or r[1] != "de-DE"] + [english]


def write_campaign_csv(path: Path, rows: list[list[str]] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows or ROWS)
    return path


def make_workspace(tmp: Path, rows: list[list[str]] | None = None) -> Path:
    source = write_campaign_csv(tmp / "campaign.csv", rows)
    workspace = tmp / "workspace.cpanel"
    import_campaign_files(workspace, [source], campaign="Spring 2027")
    return workspace


def make_package(tmp: Path, market: str = "DE", panelist: str = "Anna") -> Path:
    workspace = make_workspace(tmp)
    return build_packages(workspace, market, [panelist], tmp / "out")[0].path

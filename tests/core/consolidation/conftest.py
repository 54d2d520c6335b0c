"""Fixtures: a campaign workspace and the DE packages of three panelists, fresh per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturepanel.consolidation.merge import merge_packages

from .factory import issue, review, vote, workspace


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return workspace(tmp_path / "hq")


@pytest.fixture
def de(ws: Path, tmp_path: Path) -> dict[str, Path]:
    """Packages for Anna, Jonas and Mira, market DE."""
    return issue(ws, "DE", ["Anna", "Jonas", "Mira"], tmp_path / "out")


@pytest.fixture
def eg(ws: Path, tmp_path: Path) -> Path:
    """The EG results file: Amira (named), Omar and Karim (anonymous) merged.

    hero.title (ar-EG): two rejections, one critical concern, launch during Eid al-Fitr.
    cta (ar-EG): approve, approve with changes (rewrite), approve.
    cta (en): all approve, scores alike.
    """
    packages = issue(ws, "EG", ["Amira", "Omar", "Karim"], tmp_path / "eg-out")
    review(
        packages["Amira"],
        {
            "hero.title@ar-EG": vote("reject", (2, 1, 2, 2), concern_severity="critical",
                                     concern_category="audience_appropriateness",
                                     comment="Not during Eid"),
            "cta@ar-EG": vote("approve", (5, 5, 4, 4)),
            "cta@en": vote("approve", (4, 4, 4, 4)),
        },
        "named",
    )  # fmt: skip
    review(
        packages["Omar"],
        {
            "hero.title@ar-EG": vote("reject", (3, 1, 2, 2), concern_severity="major"),
            "cta@ar-EG": vote("approve_with_changes", (4, 4, 3, 3), rewrite="اكتشفه الآن",
                              comment="Sounds stiff"),
            "cta@en": vote("approve", (4, 4, 4, 4)),
        },
        "anonymous",
    )  # fmt: skip
    review(
        packages["Karim"],
        {
            "hero.title@ar-EG": vote("approve", (4, 3, 4, 4)),
            "cta@ar-EG": vote("approve", (5, 4, 4, 5)),
            "cta@en": vote("approve", (4, 4, 4, 4)),
        },
    )
    results = tmp_path / "results-EG.cpanel"
    report = merge_packages(results, list(packages.values()))
    assert report.count("accepted") == 3, [f.message for f in report.files]
    return results


@pytest.fixture
def de_results(de: dict[str, Path], tmp_path: Path) -> Path:
    """The DE results file: everyone approves everything; Anna named, Jonas and Mira not."""
    for name, consent in (("Anna", "named"), ("Jonas", "anonymous"), ("Mira", None)):
        review(
            de[name], {k: vote() for k in ("hero.title", "hero.sub", "cta", "push.sale")}, consent
        )
    results = tmp_path / "results-DE.cpanel"
    assert merge_packages(results, list(de.values())).count("accepted") == 3
    return results

"""Real files for the manager window and PDF tests, built with the consolidation factory.

EG: Amira (named), Omar (anonymous) and Karim (never asked) reviewed and were
merged into a results file; Layla reviewed too but her package is still in the
inbox, to be imported through the window. Anna's DE package belongs to another
market: merging it into EG's results is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from culturepanel.consolidation.merge import merge_packages
from culturepanel.storage.database import open_file
from tests.core.consolidation.factory import issue, review, vote, workspace


@dataclass(frozen=True)
class EgFiles:
    workspace: Path
    results: Path
    layla: Path  # reviewed, not merged yet
    other_market: Path  # a DE package: refused by EG's results
    ids: dict[str, str]  # "key@locale" -> variant id


def build_eg(folder: Path) -> EgFiles:
    ws = workspace(folder / "hq")
    packages = issue(ws, "EG", ["Amira", "Omar", "Karim", "Layla"], folder / "eg-out")
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
            "hero.title@ar-EG": vote("reject", (3, 1, 2, 2), concern_severity="major",
                                     comment="The tone is off"),
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
    review(
        packages["Layla"],
        {
            "hero.title@ar-EG": vote("changes_required", (3, 2, 3, 3), comment="Too direct"),
            "cta@ar-EG": vote("approve", (4, 4, 4, 4)),
            "cta@en": vote("approve", (5, 4, 4, 4)),
        },
    )
    results = folder / "results-EG.cpanel"
    report = merge_packages(results, [packages[n] for n in ("Amira", "Omar", "Karim")])
    assert report.count("accepted") == 3, [f.message for f in report.files]
    de = issue(ws, "DE", ["Anna"], folder / "de-out")
    with open_file(results) as cpf:
        ids = {
            f"{k}@{loc}": vid
            for vid, k, loc in cpf.conn.execute("SELECT id, key, locale FROM variants")
        }
    return EgFiles(ws, results, packages["Layla"], de["Anna"], ids)

"""Helper process of ``test_durability``: records votes in a loop until it is killed.

Usage: ``python durability_worker.py PACKAGE FIRST_ITERATION``. Prints ``ready``
once the package is open, then for every vote, only after :func:`save_vote` has
returned, ``saved <variant id> <revision> <iteration>`` (flushed at once).
Iteration ``i`` sets the language score to ``i % 5 + 1`` and the comment to
``iteration i`` on the variants in turn.
"""

from __future__ import annotations

import sys
from pathlib import Path

from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import save_vote
from culturepanel.storage.database import KIND_PACKAGE, open_file


def main(package: Path, first: int) -> None:
    with open_file(package, kinds=(KIND_PACKAGE,)) as pkg:
        panelist_id, _name = package_panelist(pkg)
        ids = [r[0] for r in pkg.conn.execute("SELECT id FROM variants ORDER BY key, locale")]
        print("ready", flush=True)
        iteration = first
        while True:
            variant_id = ids[iteration % len(ids)]
            changes = {"score_language": iteration % 5 + 1, "comment": f"iteration {iteration}"}
            vote = save_vote(pkg, variant_id, panelist_id, changes)
            print(f"saved {variant_id} {vote.revision} {iteration}", flush=True)
            iteration += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))

"""The sensitivity checklist a package carries, and the panelist's answers to it.

A package stores the checklist that applied when it was built (global items,
the market's own, the campaign's), so the panelist answers exactly those
questions offline. Each answer (pass / concern / not applicable, with a note)
is saved at once, like a vote, and locked with the votes when the review is
submitted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from culturepanel.checklists import ANSWERS, Checklist, from_rows, load_checklist, to_rows
from culturepanel.i18n import _
from culturepanel.locales import market_country
from culturepanel.review.votes import InvalidVote, PackageLocked, is_submitted
from culturepanel.storage.database import CulturePanelFile, new_id, now_iso


@dataclass(frozen=True)
class ChecklistAnswer:
    item_id: str
    answer: str | None  # pass / concern / na
    note: str
    updated_at: str | None


def store_checklist(pkg: CulturePanelFile, market: str, extra_files: Sequence[Path] = ()) -> int:
    """(Re)write the package's checklist; answers to items still there are kept.

    Call inside a transaction. Returns the number of items.
    """
    checklist = load_checklist(market_country(market), extra_files)
    rows = to_rows(checklist)
    keep = {row["id"] for row in rows}
    pkg.conn.execute(
        f"DELETE FROM checklist_answers WHERE item_id NOT IN ({','.join('?' * len(keep))})",
        sorted(keep),
    )
    pkg.conn.execute(
        f"DELETE FROM checklist_items WHERE id NOT IN ({','.join('?' * len(keep))})", sorted(keep)
    )
    pkg.conn.executemany(
        "INSERT INTO checklist_items(id, position, scope, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET position = excluded.position, scope = excluded.scope, "
        "data = excluded.data",
        [(r["id"], i, r["scope"], json.dumps(r, ensure_ascii=False)) for i, r in enumerate(rows)],
    )
    pkg.set_meta(
        checklist_market=checklist.market,
        checklist_sources=json.dumps(list(checklist.sources)),
        checklist_curated="1" if checklist.curated else "0",
    )
    return len(rows)


def load_package_checklist(pkg: CulturePanelFile) -> Checklist | None:
    """The checklist the package carries, or ``None`` if it has none."""
    rows = [
        json.loads(r[0])
        for r in pkg.conn.execute("SELECT data FROM checklist_items ORDER BY position")
    ]
    if not rows:
        return None
    return from_rows(
        rows,
        pkg.get_meta("checklist_market") or pkg.get_meta("market") or "",
        json.loads(pkg.get_meta("checklist_sources") or "[]"),
        pkg.get_meta("checklist_curated") != "0",
        origin=pkg.path.name,
    )


def answers_of(pkg: CulturePanelFile, panelist_id: str) -> dict[str, ChecklistAnswer]:
    return {
        item_id: ChecklistAnswer(item_id, answer, note or "", updated_at)
        for item_id, answer, note, updated_at in pkg.conn.execute(
            "SELECT item_id, answer, note, updated_at FROM checklist_answers WHERE panelist_id = ?",
            (panelist_id,),
        )
    }


def save_answer(
    pkg: CulturePanelFile,
    panelist_id: str,
    item_id: str,
    answer: str | None,
    note: str,
) -> ChecklistAnswer:
    """Record the panelist's answer to one checklist item, durably."""
    if answer is not None and answer not in ANSWERS:
        raise InvalidVote(_("'{value}' is not a checklist answer").format(value=answer))
    if is_submitted(pkg):
        raise PackageLocked(_("This review was submitted; reopen it to change answers."))
    stamp = now_iso()
    with pkg.transaction() as conn:
        if (
            conn.execute("SELECT 1 FROM checklist_items WHERE id = ?", (item_id,)).fetchone()
            is None
        ):
            raise InvalidVote(_("no such checklist item in this file"))
        conn.execute(
            "INSERT INTO checklist_answers(id, item_id, panelist_id, answer, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(item_id, panelist_id) DO UPDATE SET "
            "answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at",
            (new_id(), item_id, panelist_id, answer, note, stamp),
        )
    return ChecklistAnswer(item_id, answer, note, stamp)

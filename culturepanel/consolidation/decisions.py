"""The localization manager's decision per variant, with rationale and history.

A decision is one of go / go with changes / no-go / escalate to HQ. Anything
but *go* needs a rationale. The manager may adopt a panelist's suggested
rewrite (by the vote's id): its text is copied into the decision, so it
survives a later return of that panelist. Each change is one durable
transaction, appended to ``decision_history``; recording the same decision
again changes nothing. Nothing here decides on its own: the view's
recommendation is only shown.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import N_, _
from culturepanel.storage.database import (
    KIND_RESULTS,
    CulturePanelFile,
    current_user,
    new_id,
    now_iso,
    open_file,
)

from .triggers import ESCALATE, GO, GO_WITH_CHANGES, NO_GO

DECISIONS = (GO, GO_WITH_CHANGES, NO_GO, ESCALATE)
DECISION_LABELS = {
    GO: N_("Go"),
    GO_WITH_CHANGES: N_("Go with changes"),
    NO_GO: N_("No-go"),
    ESCALATE: N_("Escalate to HQ"),
}
#: How much attention a decision needs, most first (for a cell holding several variants).
DECISION_RANK = {NO_GO: 0, ESCALATE: 1, GO_WITH_CHANGES: 2, GO: 3}


class DecisionError(CulturePanelError):
    """A decision cannot be recorded as asked."""


@dataclass(frozen=True)
class Decision:
    """The manager's decision on one variant."""

    variant_id: str
    decision: str
    rationale: str
    adopted_rewrite_from: str | None  # vote id
    adopted_text: str | None
    decided_by: str
    decided_at: str
    revision: int

    @property
    def label(self) -> str:
        return _(DECISION_LABELS[self.decision])


@dataclass(frozen=True)
class RecordedDecision:
    """What :func:`record_decision` did: the decision now in force, and whether it changed."""

    decision: Decision
    changed: bool


_COLUMNS = (
    "variant_id, decision, rationale, adopted_rewrite_from, adopted_text, decided_by, "
    "decided_at, revision"
)


def decision_label(decision: str | None) -> str:
    """A decision in words; "Not decided" for ``None``."""
    return _(DECISION_LABELS[decision]) if decision in DECISION_LABELS else _("Not decided")


def get_decision(cpf: CulturePanelFile, variant_id: str) -> Decision | None:
    row = cpf.conn.execute(
        f"SELECT {_COLUMNS} FROM decisions WHERE variant_id = ?", (variant_id,)
    ).fetchone()
    return Decision(*row) if row else None


def all_decisions(cpf: CulturePanelFile) -> dict[str, Decision]:
    """Every recorded decision, by variant id."""
    return {row[0]: Decision(*row) for row in cpf.conn.execute(f"SELECT {_COLUMNS} FROM decisions")}


def decision_history(cpf: CulturePanelFile, variant_id: str) -> list[Decision]:
    """Every revision of the variant's decision, oldest first."""
    return [
        Decision(**json.loads(data))
        for (data,) in cpf.conn.execute(
            "SELECT data FROM decision_history WHERE variant_id = ? ORDER BY revision",
            (variant_id,),
        )
    ]


def record_decision(
    results: CulturePanelFile | Path,
    variant_id: str,
    decision: str,
    rationale: str = "",
    adopt_rewrite_vote_id: str | None = None,
    decided_by: str | None = None,
) -> RecordedDecision:
    """Record the manager's ``decision`` on ``variant_id`` in a regional results file.

    ``rationale`` is required for anything but go. ``adopt_rewrite_vote_id`` adopts
    that vote's suggested rewrite (a vote on the same variant; not with no-go).
    """
    if isinstance(results, CulturePanelFile):
        return _record(results, variant_id, decision, rationale, adopt_rewrite_vote_id, decided_by)
    with open_file(Path(results), kinds=(KIND_RESULTS,)) as cpf:
        return _record(cpf, variant_id, decision, rationale, adopt_rewrite_vote_id, decided_by)


def _record(
    cpf: CulturePanelFile,
    variant_id: str,
    decision: str,
    rationale: str,
    vote_id: str | None,
    decided_by: str | None,
) -> RecordedDecision:
    if cpf.kind != KIND_RESULTS:
        raise DecisionError(
            _("{file} is not a regional results file; decisions are recorded there.").format(
                file=cpf.path.name
            )
        )
    if decision not in DECISIONS:
        raise DecisionError(
            _("'{value}' is not a decision; choose one of {choices}.").format(
                value=decision, choices=", ".join(DECISIONS)
            )
        )
    rationale = (rationale or "").strip()
    if decision != GO and not rationale:
        raise DecisionError(
            _("Give a rationale for '{decision}': only a plain go needs none.").format(
                decision=_(DECISION_LABELS[decision])
            )
        )
    if cpf.conn.execute("SELECT 1 FROM variants WHERE id = ?", (variant_id,)).fetchone() is None:
        raise DecisionError(_("No such variant in {file}.").format(file=cpf.path.name))
    adopted_text = _adopted(cpf, variant_id, decision, vote_id)
    current = get_decision(cpf, variant_id)
    if current is not None and (
        current.decision,
        current.rationale,
        current.adopted_rewrite_from,
        current.adopted_text,
    ) == (decision, rationale, vote_id, adopted_text):
        return RecordedDecision(current, changed=False)
    recorded = Decision(
        variant_id=variant_id,
        decision=decision,
        rationale=rationale,
        adopted_rewrite_from=vote_id,
        adopted_text=adopted_text,
        decided_by=decided_by or current_user(),
        decided_at=now_iso(),
        revision=(current.revision if current else 0) + 1,
    )
    values = asdict(recorded)
    with cpf.transaction() as conn:
        conn.execute(
            f"INSERT INTO decisions(id, {_COLUMNS}) VALUES (?, {','.join('?' * len(values))}) "
            "ON CONFLICT(variant_id) DO UPDATE SET decision = excluded.decision, "
            "rationale = excluded.rationale, adopted_rewrite_from = excluded.adopted_rewrite_from, "
            "adopted_text = excluded.adopted_text, decided_by = excluded.decided_by, "
            "decided_at = excluded.decided_at, revision = excluded.revision",
            (new_id(), *values.values()),
        )
        conn.execute(
            "INSERT INTO decision_history(id, variant_id, revision, data, saved_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (new_id(), variant_id, recorded.revision, json.dumps(values), recorded.decided_at),
        )
    return RecordedDecision(recorded, changed=True)


def _adopted(
    cpf: CulturePanelFile, variant_id: str, decision: str, vote_id: str | None
) -> str | None:
    if vote_id is None:
        return None
    if decision == NO_GO:
        raise DecisionError(_("A no-go cannot adopt a rewrite; choose go with changes."))
    row = cpf.conn.execute(
        "SELECT variant_id, rewrite FROM votes WHERE id = ?", (vote_id,)
    ).fetchone()
    if row is None or row[0] != variant_id:
        raise DecisionError(_("That vote is not a vote on this variant."))
    if not (row[1] or "").strip():
        raise DecisionError(_("That panelist suggested no rewrite for this variant."))
    return str(row[1]).strip()

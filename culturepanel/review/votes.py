"""A panelist's votes in a review package: saved at once, durably, with their history.

Every call of :func:`save_vote` is one committed transaction (``synchronous=FULL``):
when it returns, the vote survives a crash, a kill or a power cut. Each save is
also appended to ``vote_history``. A submitted package is locked: saving raises
:class:`PackageLocked` until it is reopened (which is recorded).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import N_, _
from culturepanel.storage.database import CulturePanelFile, current_user, new_id, now_iso

DECISIONS = ("approve", "approve_with_changes", "changes_required", "reject")
DIMENSIONS = ("language", "timing", "messaging", "resonance")
CATEGORIES = (
    "accuracy",
    "fluency",
    "terminology",
    "style",
    "locale_conventions",
    "audience_appropriateness",
    "design",
)
SEVERITIES = ("minor", "major", "critical")

DECISION_LABELS = {
    "approve": N_("Approve"),
    "approve_with_changes": N_("Approve with changes"),
    "changes_required": N_("Changes required"),
    "reject": N_("Reject"),
}
DIMENSION_LABELS = {
    "language": N_("Language"),
    "timing": N_("Timing"),
    "messaging": N_("Messaging alignment"),
    "resonance": N_("Emotional resonance"),
}
CATEGORY_LABELS = {
    "accuracy": N_("Accuracy"),
    "fluency": N_("Fluency"),
    "terminology": N_("Terminology"),
    "style": N_("Style"),
    "locale_conventions": N_("Locale conventions"),
    "audience_appropriateness": N_("Audience appropriateness"),
    "design": N_("Design"),
}
SEVERITY_LABELS = {"minor": N_("Minor"), "major": N_("Major"), "critical": N_("Critical")}

_FIELDS = (
    "decision",
    "score_language",
    "score_timing",
    "score_messaging",
    "score_resonance",
    "concern_category",
    "concern_severity",
    "comment",
    "rewrite",
)


class PackageLocked(CulturePanelError):
    """The package was submitted; votes are locked until it is reopened."""


class InvalidVote(CulturePanelError):
    """A vote value outside what the form allows."""


@dataclass
class Vote:
    """One panelist's vote on one variant (any field may still be empty)."""

    variant_id: str
    panelist_id: str
    decision: str | None = None
    scores: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(DIMENSIONS))
    concern_category: str | None = None
    concern_severity: str | None = None
    comment: str = ""
    rewrite: str = ""
    voted_hash: str | None = None
    updated_at: str | None = None
    revision: int = 0
    id: str | None = None

    @property
    def needs_comment(self) -> bool:
        """A decision other than approve must be explained."""
        return self.decision not in (None, "approve") and not self.comment.strip()

    @property
    def is_concern(self) -> bool:
        return self.decision in ("approve_with_changes", "changes_required", "reject")

    def to_row(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "decision": self.decision,
            "concern_category": self.concern_category,
            "concern_severity": self.concern_severity,
            "comment": self.comment,
            "rewrite": self.rewrite,
        }
        for dim in DIMENSIONS:
            row[f"score_{dim}"] = self.scores.get(dim)
        return row


def _validate(changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key not in _FIELDS:
            raise InvalidVote(_("unknown vote field '{field}'").format(field=key))
        if value is None:
            continue
        if key == "decision" and value not in DECISIONS:
            raise InvalidVote(_("'{value}' is not a decision").format(value=value))
        if key.startswith("score_") and (not isinstance(value, int) or not 1 <= value <= 5):
            raise InvalidVote(
                _("a score is a whole number from 1 to 5, not '{value}'").format(value=value)
            )
        if key == "concern_category" and value not in CATEGORIES:
            raise InvalidVote(_("'{value}' is not a concern category").format(value=value))
        if key == "concern_severity" and value not in SEVERITIES:
            raise InvalidVote(_("'{value}' is not a severity").format(value=value))


def _from_row(row: dict[str, Any]) -> Vote:
    return Vote(
        id=row["id"],
        variant_id=row["variant_id"],
        panelist_id=row["panelist_id"],
        decision=row["decision"],
        scores={dim: row[f"score_{dim}"] for dim in DIMENSIONS},
        concern_category=row["concern_category"],
        concern_severity=row["concern_severity"],
        comment=row["comment"] or "",
        rewrite=row["rewrite"] or "",
        voted_hash=row["voted_hash"],
        updated_at=row["updated_at"],
        revision=row["revision"],
    )


def get_vote(cpf: CulturePanelFile, variant_id: str, panelist_id: str) -> Vote | None:
    """The panelist's vote on the variant, or ``None`` if they have not touched it."""
    cur = cpf.conn.execute(
        "SELECT * FROM votes WHERE variant_id = ? AND panelist_id = ?", (variant_id, panelist_id)
    )
    row = cur.fetchone()
    if row is None:
        return None
    return _from_row(dict(zip([d[0] for d in cur.description], row, strict=True)))


def votes_of(cpf: CulturePanelFile, panelist_id: str) -> dict[str, Vote]:
    """All of one panelist's votes, by variant id."""
    cur = cpf.conn.execute("SELECT * FROM votes WHERE panelist_id = ?", (panelist_id,))
    names = [d[0] for d in cur.description]
    return {(v := _from_row(dict(zip(names, row, strict=True)))).variant_id: v for row in cur}


def is_submitted(cpf: CulturePanelFile) -> bool:
    return bool(cpf.get_meta("submitted_at"))


def save_vote(
    cpf: CulturePanelFile, variant_id: str, panelist_id: str, changes: dict[str, Any]
) -> Vote:
    """Apply ``changes`` (vote fields) to the vote, commit durably, and return it."""
    return save_votes(cpf, panelist_id, {variant_id: changes})[0]


def save_votes(
    cpf: CulturePanelFile,
    panelist_id: str,
    changes: Mapping[str, dict[str, Any]],
    then: Callable[[list[Vote]], None] | None = None,
) -> list[Vote]:
    """Apply ``changes`` (variant id -> vote fields) in ONE transaction: all saved or none.

    ``then`` runs inside the same transaction with the saved votes (e.g. to record an event).
    """
    for item in changes.values():
        _validate(item)
    if is_submitted(cpf):
        raise PackageLocked(_("This review was submitted; reopen it to change votes."))
    stamp = now_iso()
    with cpf.transaction():
        saved = [_write_vote(cpf, vid, panelist_id, item, stamp) for vid, item in changes.items()]
        if then is not None:
            then(saved)
    return saved


def _write_vote(
    cpf: CulturePanelFile, variant_id: str, panelist_id: str, changes: dict[str, Any], stamp: str
) -> Vote:
    """Update one vote and append it to its history; call inside a transaction."""
    conn = cpf.conn
    variant = conn.execute(
        "SELECT content_hash FROM variants WHERE id = ?", (variant_id,)
    ).fetchone()
    if variant is None:
        raise InvalidVote(_("no such variant in this file"))
    vote = get_vote(cpf, variant_id, panelist_id) or Vote(variant_id, panelist_id)
    row = vote.to_row()
    row.update(changes)
    if vote.id is None:
        vote.id = new_id()
        conn.execute(
            "INSERT INTO votes(id, variant_id, panelist_id, created_at, updated_at, revision) "
            "VALUES (?, ?, ?, ?, ?, 0)",
            (vote.id, variant_id, panelist_id, stamp, stamp),
        )
    assignments = ", ".join(f"{k} = ?" for k in row)
    conn.execute(
        f"UPDATE votes SET {assignments}, voted_hash = ?, updated_at = ?, "
        "revision = revision + 1 WHERE id = ?",
        (*row.values(), variant[0], stamp, vote.id),
    )
    saved = get_vote(cpf, variant_id, panelist_id)
    assert saved is not None
    conn.execute(
        "INSERT INTO vote_history(id, vote_id, revision, data, saved_at) VALUES (?,?,?,?,?)",
        (new_id(), saved.id, saved.revision, json.dumps(asdict(saved)), stamp),
    )
    return saved


def record_event(cpf: CulturePanelFile, kind: str, detail: dict[str, Any] | None = None) -> None:
    """Append an event (submitted, reopened, consent …); call inside a transaction."""
    cpf.conn.execute(
        "INSERT INTO events(id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
        (new_id(), now_iso(), current_user(), kind, json.dumps(detail or {})),
    )

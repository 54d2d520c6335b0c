"""Finishing a review: what is missing, submitting (locks votes), reopening, consent.

Submitting and reopening are recorded as events, so the manager can see that a
package was reopened after it was first submitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from culturepanel.errors import CulturePanelError
from culturepanel.i18n import ngettext
from culturepanel.review.votes import is_submitted, record_event, votes_of
from culturepanel.storage.database import CulturePanelFile, now_iso

CONSENT_NAMED = "named"
CONSENT_ANONYMOUS = "anonymous"


@dataclass
class Missing:
    """What still stands between the panelist and submitting."""

    unreviewed: list[str] = field(default_factory=list)  # variant ids without a decision
    without_comment: list[str] = field(default_factory=list)  # decisions needing a comment

    @property
    def complete(self) -> bool:
        return not self.unreviewed and not self.without_comment


def missing(pkg: CulturePanelFile, panelist_id: str) -> Missing:
    votes = votes_of(pkg, panelist_id)
    result = Missing()
    for (vid,) in pkg.conn.execute(
        "SELECT id FROM variants WHERE status = 'active' ORDER BY key, locale"
    ):
        vote = votes.get(vid)
        if vote is None or vote.decision is None:
            result.unreviewed.append(vid)
        elif vote.needs_comment:
            result.without_comment.append(vid)
    return result


def submit(pkg: CulturePanelFile, panelist_id: str, force: bool = False) -> None:
    """Mark the package submitted (votes locked). Refuses if incomplete unless ``force``."""
    if is_submitted(pkg):
        return
    gaps = missing(pkg, panelist_id)
    if gaps.without_comment:
        raise CulturePanelError(
            ngettext(
                "{count} decision needs a comment before the review can be submitted.",
                "{count} decisions need a comment before the review can be submitted.",
                len(gaps.without_comment),
            ).format(count=len(gaps.without_comment))
        )
    if gaps.unreviewed and not force:
        raise CulturePanelError(
            ngettext(
                "{count} variant has no decision yet.",
                "{count} variants have no decision yet.",
                len(gaps.unreviewed),
            ).format(count=len(gaps.unreviewed))
        )
    with pkg.transaction():
        pkg.set_meta(submitted_at=now_iso())
        record_event(pkg, "submitted", {"unreviewed": len(gaps.unreviewed)})


def reopen(pkg: CulturePanelFile) -> None:
    """Unlock a submitted package; the reopening is recorded."""
    if not is_submitted(pkg):
        return
    with pkg.transaction():
        record_event(pkg, "reopened", {"was_submitted_at": pkg.get_meta("submitted_at")})
        pkg.set_meta(submitted_at=None)


def set_consent(pkg: CulturePanelFile, panelist_id: str, consent: str) -> None:
    """Record how the panelist agrees to be attributed: by name or anonymously."""
    if consent not in (CONSENT_NAMED, CONSENT_ANONYMOUS):
        raise ValueError(consent)
    with pkg.transaction():
        pkg.conn.execute("UPDATE panelists SET consent = ? WHERE id = ?", (consent, panelist_id))
        record_event(pkg, "consent", {"consent": consent})


def consent_of(pkg: CulturePanelFile, panelist_id: str) -> str | None:
    row = pkg.conn.execute("SELECT consent FROM panelists WHERE id = ?", (panelist_id,)).fetchone()
    return row[0] if row else None

"""A panelist's open review: the one object the review window talks to.

:class:`ReviewSession` wraps an open package and its panelist and offers what
the window needs as plain Python: variants (as lightweight rows), the
panelist's votes, progress, search, saving a vote, finishing. Every mutating
method returns a small :class:`Change` value saying what changed, so the UI can
refresh only what it must.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from culturepanel import findings
from culturepanel.calendar import MarketCalendar, TimingFinding, timing_findings
from culturepanel.checklists import Checklist
from culturepanel.i18n import _, current_language
from culturepanel.review import finish
from culturepanel.review.package_calendar import load_calendar
from culturepanel.review.package_checklist import (
    ChecklistAnswer,
    answers_of,
    load_package_checklist,
    save_answer,
)
from culturepanel.review.packages import package_panelist
from culturepanel.review.votes import (
    PackageLocked,
    Vote,
    get_vote,
    is_submitted,
    save_vote,
    votes_of,
)
from culturepanel.storage.assets import load_asset
from culturepanel.storage.database import KIND_PACKAGE, CulturePanelFile, export_copy, open_file

STATUS_NOT_REVIEWED = "not_reviewed"
STATUS_REVIEWED = "reviewed"
STATUS_CONCERNS = "concerns"


@dataclass(frozen=True)
class VariantRow:
    """What the list and the detail view show of one variant."""

    id: str
    key: str
    locale: str
    locale_label: str
    market: str
    channel: str | None
    source_text: str | None
    text: str
    launch_start: date | None
    launch_end: date | None
    asset_id: str | None
    notes: str | None
    content_hash: str
    revision: int


@dataclass(frozen=True)
class Change:
    """What a mutation changed: the UI refreshes accordingly."""

    variant_ids: tuple[str, ...] = ()
    saved_at: str | None = None
    submitted_changed: bool = False
    checklist_items: tuple[str, ...] = ()
    findings_of: tuple[str, ...] = ()


def review_status(vote: Vote | None) -> str:
    if vote is None or vote.decision is None:
        return STATUS_NOT_REVIEWED
    if vote.decision != "approve" or vote.concern_severity:
        return STATUS_CONCERNS
    return STATUS_REVIEWED


def _row(values: dict[str, Any]) -> VariantRow:
    def day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return VariantRow(
        id=values["id"],
        key=values["key"],
        locale=values["locale"],
        locale_label=values["locale_label"] or values["locale"],
        market=values["market"],
        channel=values["channel"],
        source_text=values["source_text"],
        text=values["text"],
        launch_start=day(values["launch_start"]),
        launch_end=day(values["launch_end"]),
        asset_id=values["asset_id"],
        notes=values["notes"],
        content_hash=values["content_hash"],
        revision=values["revision"],
    )


class ReviewSession:
    """An open review package for its panelist."""

    def __init__(self, path: Path):
        self.pkg: CulturePanelFile = open_file(Path(path), kinds=(KIND_PACKAGE,))
        self.panelist_id, self.panelist_name = package_panelist(self.pkg)
        self._votes: dict[str, Vote] = votes_of(self.pkg, self.panelist_id)
        self._calendar: MarketCalendar | None = None
        self._checklist: Checklist | None = None

    @property
    def path(self) -> Path:
        return self.pkg.path

    def close(self) -> None:
        self.pkg.close()

    # -- reading ------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        return self.pkg.get_meta(key)

    def variant_ids(self) -> list[str]:
        return [
            r[0]
            for r in self.pkg.conn.execute(
                "SELECT id FROM variants WHERE status = 'active' ORDER BY key, locale"
            )
        ]

    def variants(self, ids: list[str]) -> dict[str, VariantRow]:
        """Rows for ``ids`` (one query per chunk; the list model calls this lazily)."""
        out: dict[str, VariantRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cur = self.pkg.conn.execute(
                f"SELECT * FROM variants WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            names = [d[0] for d in cur.description]
            for values in cur:
                row = _row(dict(zip(names, values, strict=True)))
                out[row.id] = row
        return out

    def variant(self, variant_id: str) -> VariantRow:
        return self.variants([variant_id])[variant_id]

    def search(self, text: str) -> set[str]:
        """Ids of variants whose key, text, source copy or notes contain ``text``."""
        needle = f"%{text.strip()}%"
        return {
            r[0]
            for r in self.pkg.conn.execute(
                "SELECT id FROM variants WHERE status = 'active' AND (key LIKE ?1 OR text LIKE ?1 "
                "OR source_text LIKE ?1 OR notes LIKE ?1 OR locale_label LIKE ?1)",
                (needle,),
            )
        }

    def vote(self, variant_id: str) -> Vote | None:
        return self._votes.get(variant_id)

    def status(self, variant_id: str) -> str:
        return review_status(self._votes.get(variant_id))

    def changed_since_vote(self, variant: VariantRow) -> bool:
        vote = self._votes.get(variant.id)
        return bool(vote and vote.voted_hash and vote.voted_hash != variant.content_hash)

    def previous_text(self, variant_id: str, content_hash: str) -> str | None:
        row = self.pkg.conn.execute(
            "SELECT text FROM variant_history WHERE variant_id = ? AND content_hash = ? "
            "ORDER BY revision DESC LIMIT 1",
            (variant_id, content_hash),
        ).fetchone()
        return row[0] if row else None

    def asset(self, asset_id: str) -> tuple[str, bytes] | None:
        return load_asset(self.pkg.conn, asset_id)

    def progress(self) -> tuple[int, int]:
        """``(reviewed, total)``: variants with a decision, active variants."""
        ids = self.variant_ids()
        done = sum(1 for i in ids if self._votes.get(i) and self._votes[i].decision)
        return done, len(ids)

    def deadline(self) -> date | None:
        text = self.pkg.get_meta("deadline")
        return date.fromisoformat(text) if text else None

    @property
    def submitted(self) -> bool:
        return is_submitted(self.pkg)

    def missing(self) -> finish.Missing:
        return finish.missing(self.pkg, self.panelist_id)

    def consent(self) -> str | None:
        return finish.consent_of(self.pkg, self.panelist_id)

    def calendar(self) -> MarketCalendar | None:
        """The market calendar the package carries, in the UI language when it has it."""
        if self._calendar is None:
            self._calendar = load_calendar(self.pkg, current_language())
        return self._calendar

    def timing_findings(self, variant: VariantRow, margin_days: int = 3) -> list[TimingFinding]:
        """Holidays and observances meeting the variant's launch window (and the deadline)."""
        calendar = self.calendar()
        if calendar is None:
            return []
        found = []
        if variant.launch_start or variant.launch_end:
            found += timing_findings(
                calendar,
                variant.launch_start,
                variant.launch_end or variant.launch_start,
                margin_days=margin_days,
            )
        return found

    def deadline_findings(self) -> list[TimingFinding]:
        calendar, deadline = self.calendar(), self.deadline()
        if calendar is None or deadline is None:
            return []
        return timing_findings(calendar, deadline, deadline, subject="deadline")

    def checklist(self) -> Checklist | None:
        if self._checklist is None:
            self._checklist = load_package_checklist(self.pkg)
        return self._checklist

    def checklist_answers(self) -> dict[str, ChecklistAnswer]:
        return answers_of(self.pkg, self.panelist_id)

    # -- changing -----------------------------------------------------------------
    def save(self, variant_id: str, changes: dict[str, Any]) -> Change:
        vote = save_vote(self.pkg, variant_id, self.panelist_id, changes)
        self._votes[variant_id] = vote
        return Change(variant_ids=(variant_id,), saved_at=vote.updated_at)

    def answer_checklist(self, item_id: str, answer: str | None, note: str) -> Change:
        saved = save_answer(self.pkg, self.panelist_id, item_id, answer, note)
        return Change(saved_at=saved.updated_at, checklist_items=(item_id,))

    def finding_counts(self) -> dict[str, int]:
        return findings.open_counts(self.pkg)

    def dismiss_finding(self, variant_id: str, key: str, reason: str) -> Change:
        if self.submitted:
            raise PackageLocked(_("This review was submitted; reopen it to dismiss findings."))
        record = findings.dismiss(self.pkg, variant_id, key, reason, actor=self.panelist_name)
        return Change(saved_at=record["at"], findings_of=(variant_id,))

    def restore_finding(self, variant_id: str, key: str) -> Change:
        if self.submitted:
            raise PackageLocked(_("This review was submitted; reopen it to change findings."))
        findings.restore(self.pkg, variant_id, key)
        return Change(saved_at=self.pkg.get_meta("written_at"), findings_of=(variant_id,))

    def submit(self, force: bool = False) -> Change:
        finish.submit(self.pkg, self.panelist_id, force=force)
        return Change(submitted_changed=True, saved_at=self.pkg.get_meta("written_at"))

    def reopen(self) -> Change:
        finish.reopen(self.pkg)
        return Change(submitted_changed=True, saved_at=self.pkg.get_meta("written_at"))

    def set_consent(self, consent: str) -> Change:
        finish.set_consent(self.pkg, self.panelist_id, consent)
        return Change(saved_at=self.pkg.get_meta("written_at"))

    def export_to(self, target: Path) -> Path:
        """A single-file copy to send back (the open file keeps its journal)."""
        return export_copy(self.pkg, Path(target))

    def reload_vote(self, variant_id: str) -> Vote | None:
        vote = get_vote(self.pkg, variant_id, self.panelist_id)
        if vote:
            self._votes[variant_id] = vote
        return vote

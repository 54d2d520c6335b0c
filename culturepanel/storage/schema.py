"""Schema of CulturePanel files, and the migration steps between its versions.

The schema has a major and a minor version. A minor step only adds tables or
columns, so an older app can still read the file; a major step changes meaning.
:data:`STEPS` lists every step in order, each a function over a
``sqlite_utils.Database``; a new file runs them all, an older file runs the ones
it has not had yet (see :func:`culturepanel.storage.database.open_file`).
Every record has a stable UUID text id.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Version = tuple[int, int]


def _v1_0(db: sqlite_utils.Database) -> None:
    """Campaign workspace, review package roster and votes."""
    db["imports"].create(
        {
            "id": str,
            "file_name": str,
            "file_sha256": str,
            "format": str,
            "layout": str,
            "imported_at": str,
            "imported_by": str,
            "app_version": str,
            "added": int,
            "changed": int,
            "unchanged": int,
            "removed": int,
        },
        pk="id",
        not_null={"file_name", "file_sha256", "imported_at"},
    )
    db["assets"].create(
        {
            "id": str,  # sha256 of the content: stored once however often used
            "mime": str,
            "file_name": str,
            "size": int,
            "data": bytes,
            "added_at": str,
        },
        pk="id",
        not_null={"mime", "data"},
    )
    db["variants"].create(
        {
            "id": str,
            "key": str,
            "locale": str,  # canonical BCP 47 tag
            "locale_label": str,  # as first written in the imported file
            "market": str,
            "market_source": str,  # locale / column / likely
            "campaign": str,
            "channel": str,
            "source_text": str,
            "text": str,
            "launch_start": str,
            "launch_end": str,
            "asset_id": str,
            "notes": str,
            "status": str,  # active / removed (from the source file; kept)
            "revision": int,
            "content_hash": str,
            "origin": str,
            "import_id": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"key", "locale", "market", "text", "status", "revision", "content_hash"},
        defaults={"status": "active", "revision": 1},
        foreign_keys=[("asset_id", "assets", "id"), ("import_id", "imports", "id")],
    )
    db["variants"].create_index(["key", "locale"], unique=True)
    db["variants"].create_index(["market"])
    db["variant_history"].create(
        {
            "id": str,
            "variant_id": str,
            "revision": int,
            "text": str,
            "source_text": str,
            "channel": str,
            "launch_start": str,
            "launch_end": str,
            "asset_id": str,
            "notes": str,
            "content_hash": str,
            "replaced_at": str,
            "replaced_by_import": str,
        },
        pk="id",
        foreign_keys=[("variant_id", "variants", "id"), ("replaced_by_import", "imports", "id")],
    )
    db["variant_history"].create_index(["variant_id", "revision"])
    db["panelists"].create(
        {
            "id": str,
            "name": str,
            "market": str,
            "consent": str,  # named / anonymous / NULL (not asked yet)
            "issued_at": str,
        },
        pk="id",
        not_null={"name", "market"},
    )
    db["votes"].create(
        {
            "id": str,
            "variant_id": str,
            "panelist_id": str,
            "decision": str,  # approve / approve_with_changes / changes_required / reject
            "score_language": int,
            "score_timing": int,
            "score_messaging": int,
            "score_resonance": int,
            "concern_category": str,
            "concern_severity": str,
            "comment": str,
            "rewrite": str,
            "voted_hash": str,  # content_hash of the variant when the vote was last changed
            "created_at": str,
            "updated_at": str,
            "revision": int,
        },
        pk="id",
        not_null={"variant_id", "panelist_id", "revision"},
        foreign_keys=[("variant_id", "variants", "id"), ("panelist_id", "panelists", "id")],
    )
    db["votes"].create_index(["variant_id", "panelist_id"], unique=True)
    db["vote_history"].create(
        {
            "id": str,
            "vote_id": str,
            "revision": int,
            "data": str,  # JSON of the vote as saved
            "saved_at": str,
        },
        pk="id",
        foreign_keys=[("vote_id", "votes", "id")],
    )
    db["events"].create(
        {
            "id": str,
            "at": str,
            "actor": str,
            "kind": str,  # e.g. submitted, reopened, consent
            "detail": str,  # JSON
        },
        pk="id",
        not_null={"at", "kind"},
    )
    # Slots filled by the checklist, calendar and checks parts: what a package carries.
    db["checklist_items"].create(
        {"id": str, "position": int, "scope": str, "data": str},  # data: JSON of the item
        pk="id",
        not_null={"position", "data"},
    )
    db["checklist_answers"].create(
        {
            "id": str,
            "item_id": str,
            "panelist_id": str,
            "answer": str,  # pass / concern / na
            "note": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("item_id", "checklist_items", "id"), ("panelist_id", "panelists", "id")],
    )
    db["checklist_answers"].create_index(["item_id", "panelist_id"], unique=True)
    db["calendar_entries"].create(
        {"id": str, "market": str, "data": str},  # data: JSON of one calendar entry
        pk="id",
        not_null={"market", "data"},
    )
    db["findings"].create(
        {"id": str, "variant_id": str, "cache_key": str, "data": str},
        pk="id",
        foreign_keys=[("variant_id", "variants", "id")],
    )
    db["findings"].create_index(["variant_id", "cache_key"])


def _v1_1(db: sqlite_utils.Database) -> None:
    """Campaign glossary, and dismissals of automated findings."""
    db["glossary"].create(
        {
            "id": str,
            "term": str,
            "locale": str,  # NULL: every locale
            "rule": str,  # keep / translate
            "translation": str,
            "note": str,
            "origin": str,  # file and row it came from
        },
        pk="id",
        not_null={"term", "rule"},
    )
    db["finding_dismissals"].create(
        {
            "id": str,
            "variant_id": str,
            "finding_key": str,  # check, span and details: stable across UI languages
            "reason": str,
            "actor": str,
            "at": str,
        },
        pk="id",
        not_null={"variant_id", "finding_key", "reason", "at"},
        foreign_keys=[("variant_id", "variants", "id")],
    )
    db["finding_dismissals"].create_index(["variant_id", "finding_key"], unique=True)


def _v1_2(db: sqlite_utils.Database) -> None:
    """Consolidation: returned packages merged into regional results, decisions, HQ import.

    In a regional results file: ``returns`` (every returned package merged, current or
    superseded), ``panel_dismissals`` (the panelists' dismissals of findings, one per
    panelist), ``decisions`` and ``decision_history`` (the manager's decision per
    variant). ``panelists.roster_number`` numbers panelists stably ("Panelist 2").
    In a campaign workspace: ``market_results``, ``market_decisions`` and
    ``market_comments`` (what HQ imported from each market's results file, with
    panelists named only if they consented).
    """
    db["panelists"].add_column("roster_number", int)
    db["returns"].create(
        {
            "id": str,
            "file_id": str,  # meta file_id of the returned package
            "panelist_id": str,
            "file_name": str,  # only if the panelist consented to be named
            "sha256": str,  # of the file's bytes as merged
            "seal": str,  # the package's issue seal; NULL if it had none
            "issued_at": str,  # when HQ issued the package, or last refreshed it
            "written_at": str,
            "submitted_at": str,
            "merged_at": str,
            "merged_by": str,
            "action": str,  # accepted / replaced
            "status": str,  # current / superseded
            "votes": int,
        },
        pk="id",
        not_null={"file_id", "panelist_id", "sha256", "merged_at", "status"},
        foreign_keys=[("panelist_id", "panelists", "id")],
    )
    db["returns"].create_index(["panelist_id", "status"])
    db["returns"].create_index(["sha256"])
    db["panel_dismissals"].create(
        {
            "id": str,
            "panelist_id": str,
            "variant_id": str,
            "finding_key": str,
            "reason": str,
            "at": str,
        },
        pk="id",
        not_null={"panelist_id", "variant_id", "finding_key"},
        foreign_keys=[("panelist_id", "panelists", "id"), ("variant_id", "variants", "id")],
    )
    db["panel_dismissals"].create_index(["panelist_id"])
    db["decisions"].create(
        {
            "id": str,
            "variant_id": str,
            "decision": str,  # go / go_with_changes / no_go / escalate
            "rationale": str,
            "adopted_rewrite_from": str,  # vote id
            "adopted_text": str,
            "decided_by": str,
            "decided_at": str,
            "revision": int,
        },
        pk="id",
        not_null={"variant_id", "decision", "decided_at", "revision"},
        foreign_keys=[("variant_id", "variants", "id")],
    )
    db["decisions"].create_index(["variant_id"], unique=True)
    db["decision_history"].create(
        {
            "id": str,
            "variant_id": str,
            "revision": int,
            "data": str,  # JSON of the decision as recorded
            "saved_at": str,
        },
        pk="id",
        not_null={"variant_id", "revision", "data"},
    )
    db["decision_history"].create_index(["variant_id", "revision"])
    db["market_results"].create(
        {
            "id": str,
            "market": str,
            "results_file_id": str,
            "file_name": str,
            "digest": str,
            "written_at": str,
            "imported_at": str,
            "imported_by": str,
            "summary": str,  # JSON: panelists, votes, alphas per dimension, decision counts
        },
        pk="id",
        not_null={"market", "results_file_id", "digest", "imported_at"},
    )
    db["market_results"].create_index(["market"], unique=True)
    db["market_decisions"].create(
        {
            "id": str,
            "variant_id": str,
            "market": str,
            "decision": str,  # NULL: not decided in the region
            "rationale": str,
            "adopted_text": str,
            "decided_by": str,
            "decided_at": str,
            "escalated": int,
            "recommendation": str,
            "triggers": str,  # JSON list of {code, detail}
            "scores": str,  # JSON: per dimension mean and counts 1..5
            "decision_counts": str,  # JSON: panel decision -> count
            "agreement": float,
            "votes": int,
        },
        pk="id",
        not_null={"variant_id", "market"},
        foreign_keys=[("variant_id", "variants", "id")],
    )
    db["market_decisions"].create_index(["variant_id", "market"], unique=True)
    db["market_decisions"].create_index(["market"])
    db["market_comments"].create(
        {
            "id": str,
            "variant_id": str,
            "market": str,
            "panelist_number": int,
            "panelist_name": str,  # NULL unless the panelist consented to be named
            "decision": str,
            "concern_category": str,
            "concern_severity": str,
            "comment": str,
            "rewrite": str,
            "scores": str,  # JSON: dimension -> score
        },
        pk="id",
        not_null={"variant_id", "market"},
        foreign_keys=[("variant_id", "variants", "id")],
    )
    db["market_comments"].create_index(["variant_id", "market"])


#: Every schema step, oldest first: ``(version reached, step)``.
STEPS: list[tuple[Version, Callable[[sqlite_utils.Database], None]]] = [
    ((1, 0), _v1_0),
    ((1, 1), _v1_1),
    ((1, 2), _v1_2),
]

CURRENT: Version = STEPS[-1][0]


def create_all(db: sqlite_utils.Database) -> None:
    """Create the current schema in an empty database (run every step)."""
    for _version, step in STEPS:
        step(db)


def migrate(db: sqlite_utils.Database, found: Version) -> list[Version]:
    """Run the steps after ``found``; return the versions reached."""
    done = []
    for version, step in STEPS:
        if version > found:
            step(db)
            done.append(version)
    return done

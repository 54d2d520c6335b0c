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


#: Every schema step, oldest first: ``(version reached, step)``.
STEPS: list[tuple[Version, Callable[[sqlite_utils.Database], None]]] = [
    ((1, 0), _v1_0),
    ((1, 1), _v1_1),
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

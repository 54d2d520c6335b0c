"""The issue seal of a review package: did what HQ issued come back unaltered?

When HQ builds (or refreshes) a package, :func:`seal_package` computes a SHA-256
over everything HQ issued in it and stores it in the package's meta as
``issued_seal`` (with ``issued_seal_version``). What is sealed:

* the campaign id, the market, the package's own file id, the workspace it came
  from (``source_file_id``), the issue and refresh times and the deadline;
* the roster entry: the panelist's id, name and market, and when it was issued
  (not the consent, which is the panelist's);
* every variant the package carries (active or withdrawn): id, key, locale,
  market, status, revision, content hash, source copy, text, channel, launch
  window, image id and HQ notes;
* the checklist items and the calendar slice the package carries.

What the panelist does is not sealed: votes, checklist answers, dismissals of
findings, consent, submitting and reopening, and the findings cache.

When a package is merged, :func:`check_seal` recomputes the seal over the
returned file and compares. A mismatch means that the source copy, the variants,
the roster, the checklist or the calendar were changed after the package was
issued, so the merge refuses the file.

Limits: the seal is a checksum, not a signature. It catches accidental and
casual changes (a text edited in an SQLite browser, a roster entry renamed, a
file of another panel swapped in), but anyone who reads this code can
recompute it after tampering, and a package built before sealing existed has
no seal (the merge accepts it with a warning, or refuses it when asked to
require seals). Signatures that a tamperer cannot forge would need a key pair
held by HQ and its public key pinned on every manager's machine; that key
management is out of scope here.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from culturepanel.storage.database import CulturePanelFile

#: Version of what the seal covers; raise it when the coverage changes.
SEAL_VERSION = "1"

SEALED = "sealed"
UNSEALED = "unsealed"
ALTERED = "altered"
NEWER = "newer"  # sealed by a newer app, whose seal this one cannot check

_META_KEYS = (
    "campaign_id",
    "market",
    "file_id",
    "source_file_id",
    "panelist_id",
    "panelist_name",
    "issued_at",
    "refreshed_at",
    "deadline",
)
_VARIANT_COLUMNS = (
    "id, key, locale, market, status, revision, content_hash, source_text, text, channel, "
    "launch_start, launch_end, asset_id, notes"
)


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> bytes:
    """Rows as JSON, sorted in Python: the same whatever order SQLite reads them in."""
    rows = sorted(conn.execute(sql, params).fetchall(), key=repr)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_seal(conn: sqlite3.Connection, schema: str = "main") -> str:
    """The seal of the package in database ``schema`` of ``conn`` (``main`` or an ATTACHed name).

    The package's ``meta`` gives the panelist id whose roster entry is sealed.
    """
    s = schema
    meta = conn.execute(
        f"SELECT key, value FROM {s}.meta WHERE key IN ({','.join('?' * len(_META_KEYS))}) "
        f"OR key LIKE 'calendar:%'",
        _META_KEYS,
    ).fetchall()
    panelist_id = dict(meta).get("panelist_id") or ""
    h = hashlib.sha256(SEAL_VERSION.encode("ascii"))
    for part in (
        json.dumps(sorted(meta), ensure_ascii=False).encode("utf-8"),
        _rows(
            conn,
            f"SELECT id, name, market, issued_at FROM {s}.panelists WHERE id = ?",
            (panelist_id,),
        ),
        _rows(conn, f"SELECT {_VARIANT_COLUMNS} FROM {s}.variants"),
        _rows(conn, f"SELECT id, position, scope, data FROM {s}.checklist_items"),
        _rows(conn, f"SELECT market, data FROM {s}.calendar_entries"),
    ):
        h.update(b"\x1d" + part)
    return h.hexdigest()


def seal_package(pkg: CulturePanelFile) -> str:
    """Compute and store the package's issue seal; call inside the build's transaction.

    HQ calls this at the end of building or refreshing a package (after the variants,
    the roster entry, the checklist and the calendar are written). Returns the seal.
    """
    seal = compute_seal(pkg.conn, "main")
    pkg.set_meta(issued_seal=seal, issued_seal_version=SEAL_VERSION)
    return seal


def check_seal(conn: sqlite3.Connection, schema: str = "main") -> str:
    """``SEALED`` if the stored seal matches, ``ALTERED`` if not, ``UNSEALED`` if there is none.

    ``NEWER`` if the seal was made by a newer app that covers more than this one knows.
    """
    stored = dict(
        conn.execute(
            f"SELECT key, value FROM {schema}.meta "
            f"WHERE key IN ('issued_seal', 'issued_seal_version')"
        ).fetchall()
    )
    if not stored.get("issued_seal"):
        return UNSEALED
    if stored.get("issued_seal_version") != SEAL_VERSION:
        return NEWER
    return SEALED if compute_seal(conn, schema) == stored["issued_seal"] else ALTERED

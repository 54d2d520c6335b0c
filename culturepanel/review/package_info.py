"""The package part of ``culturepanel info``: panelist, progress, submission."""

from __future__ import annotations

from typing import Any

from culturepanel.storage.database import CulturePanelFile


def package_summary(pkg: CulturePanelFile) -> dict[str, Any]:
    meta = pkg.meta()
    pid = meta.get("panelist_id")
    reviewed = pkg.conn.execute(
        "SELECT count(*) FROM votes v JOIN variants x ON x.id = v.variant_id "
        "WHERE v.panelist_id = ? AND v.decision IS NOT NULL AND x.status = 'active'",
        (pid,),
    ).fetchone()[0]
    return {
        "panelist": meta.get("panelist_name"),
        "market": meta.get("market"),
        "deadline": meta.get("deadline"),
        "reviewed": reviewed,
        "submitted": bool(meta.get("submitted_at")),
        "submitted_at": meta.get("submitted_at"),
    }

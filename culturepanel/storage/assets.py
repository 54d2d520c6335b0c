"""Images stored inside CulturePanel files, content-addressed and deduplicated."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from culturepanel.storage.database import now_iso

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
]


def image_mime(data: bytes) -> str | None:
    """The MIME type of an image from its first bytes, or ``None`` if not a known image."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048].lower()):
        return "image/svg+xml"
    return None


def store_asset(conn: sqlite3.Connection, path: Path, cache: dict[Path, str] | None = None) -> str:
    """Store the image at ``path`` (once per content) and return its id (sha256 hex)."""
    if cache is not None and path in cache:
        return cache[path]
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    conn.execute(
        "INSERT OR IGNORE INTO assets(id, mime, file_name, size, data, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            digest,
            image_mime(data) or "application/octet-stream",
            path.name,
            len(data),
            data,
            now_iso(),
        ),
    )
    if cache is not None:
        cache[path] = digest
    return digest


def asset_digest(path: Path, cache: dict[Path, str]) -> str:
    """The content id an image file would get, without storing it."""
    if path not in cache:
        cache[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return cache[path]


def load_asset(conn: sqlite3.Connection, asset_id: str) -> tuple[str, bytes] | None:
    """``(mime, data)`` of a stored image, or ``None``."""
    row = conn.execute("SELECT mime, data FROM assets WHERE id = ?", (asset_id,)).fetchone()
    return (row[0], bytes(row[1])) if row else None

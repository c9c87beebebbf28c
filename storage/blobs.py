"""Clips kept in the database: a finished clip and its thumbnail as ``clip_chunks`` rows.

Workers on other hosts share nothing with the bot but the database, so on PostgreSQL ``Store.complete``
writes the rendered files into ``clip_chunks`` (1 MiB ``BYTEA`` chunks) in the same transaction that
marks the job done, commits its credit and emits ``done``; the bot's delivery reads them back with
``Store.clip_bytes`` and retention deletes them with the clip. The same SQL runs on SQLite (``BLOB``),
where clips stay files by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from storage.dialect import Db

CHUNK_BYTES = 1 << 20
Kind = Literal["video", "thumbnail"]
PATH_PREFIX = "database:"  # clips.path / clips.thumbnail of a clip kept in the database


def stored_name(job_id: int, kind: Kind) -> str:
    return f"{PATH_PREFIX}{int(job_id)}.{'mp4' if kind == 'video' else 'jpg'}"


def write(db: Db, clip_id: int, kind: Kind, path: Path) -> int:
    """Copy ``path`` into ``clip_chunks`` (inside the caller's transaction); returns the bytes written."""
    size = 0
    with path.open("rb") as f:
        seq = 0
        while chunk := f.read(CHUNK_BYTES):
            db.execute("INSERT INTO clip_chunks (clip_id, kind, seq, data) VALUES (?, ?, ?, ?)", (clip_id, kind, seq, chunk))
            size += len(chunk)
            seq += 1
    return size


def chunks(path: Path) -> list[bytes]:
    """``path`` in ``CHUNK_BYTES`` pieces (the rows ``write`` would insert), for a one-statement insert."""
    with path.open("rb") as f:
        return list(iter(lambda: f.read(CHUNK_BYTES), b""))


def read(db: Db, clip_id: int, kind: Kind) -> bytes | None:
    """The stored bytes, or None when nothing is stored (pruned, or kept as a file)."""
    found = db.execute(
        "SELECT data FROM clip_chunks WHERE clip_id = ? AND kind = ? ORDER BY seq", (clip_id, kind)
    ).fetchall()
    if not found:
        return None
    return b"".join(bytes(row[0]) for row in found)


def delete(db: Db, clip_id: int) -> int:
    return int(db.execute("DELETE FROM clip_chunks WHERE clip_id = ?", (clip_id,)).rowcount)

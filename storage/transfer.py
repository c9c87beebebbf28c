"""``petreel migrate-db``: copy a SQLite database (and its clip files) into an empty PostgreSQL one.

Users, the credit ledger, jobs, clips, outbox events and drafts are copied with their ids, in one
PostgreSQL transaction: either everything arrives or nothing does. Clip files still on disk are written
into the database (``clip_chunks``), so workers and bot processes on other hosts can serve them; pruned
clips keep their row (Telegram may still hold them by ``file_id``). The identity sequences continue
after the copied ids, and the row counts of both sides are compared before the commit. The target must
be empty (freshly migrated); the SQLite file is only read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from petreel.errors import MigrationFailed
from petreel.settings import load_settings
from storage import blobs
from storage import db as sqlite_db
from storage.db import rows, scalar
from storage.dialect import to_pyformat
from storage.pg import db as pgdb

# In foreign-key order (jobs ↔ clips is checked at commit on PostgreSQL).
TABLES = ("users", "jobs", "clips", "credit_ledger", "events", "drafts")
IDENTITY = ("jobs", "clips", "credit_ledger", "events")
BATCH = 500


def _columns(source: Any, table: str) -> list[str]:
    return [r[1] for r in source.execute(f"PRAGMA table_info({table})").fetchall()]


def copy(sqlite_path: Path, url: str) -> dict[str, int]:
    """Copy everything; returns the row count per table (equal on both sides, or MigrationFailed)."""
    source = sqlite_db.connect(sqlite_path)
    target = pgdb.direct(url)
    try:
        pgdb.migrate(target)
        # 1. The target must be empty: a second run must not duplicate anything.
        filled = [t for t in TABLES if int(scalar(target, f"SELECT COUNT(*) FROM {t}"))]  # noqa: S608
        if filled:
            raise MigrationFailed(f"the PostgreSQL database already holds rows in {', '.join(filled)}")
        counts: dict[str, int] = {}
        with target.transaction():
            # 2. Rows, with their ids, table by table.
            for table in TABLES:
                names = _columns(source, table)
                insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"  # noqa: S608
                found = rows(source, f"SELECT * FROM {table} ORDER BY rowid")  # noqa: S608
                for start in range(0, len(found), BATCH):
                    batch = [tuple(r[n] for n in names) for r in found[start : start + BATCH]]
                    target.conn.cursor().executemany(to_pyformat(insert), batch)
                counts[table] = len(found)
            # 3. Clip files still on disk go into the database.
            for clip in rows(source, "SELECT id, job_id, path, thumbnail FROM clips WHERE pruned IS NULL"):
                _copy_files(target, clip)
            # 4. New ids continue after the copied ones.
            for table in IDENTITY:
                target.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"  # noqa: S608
                )
            # 5. Both sides agree, or nothing is committed.
            for table in TABLES:
                copied = int(scalar(target, f"SELECT COUNT(*) FROM {table}"))  # noqa: S608
                if copied != counts[table]:
                    raise MigrationFailed(f"{table}: {counts[table]} rows in SQLite, {copied} in PostgreSQL")
        counts["clip_files"] = int(scalar(target, "SELECT COUNT(DISTINCT clip_id) FROM clip_chunks"))
        return counts
    finally:
        source.close()
        target.close()


def _copy_files(target: pgdb.PgDatabase, clip: dict[str, Any]) -> None:
    video = Path(clip["path"])
    if not video.is_file():
        return  # already gone: the row stays, as a pruned clip would
    blobs.write(target, clip["id"], "video", video)
    thumbnail = Path(clip["thumbnail"]) if clip["thumbnail"] else None
    has_thumbnail = thumbnail is not None and thumbnail.is_file()
    if has_thumbnail:
        assert thumbnail is not None
        blobs.write(target, clip["id"], "thumbnail", thumbnail)
    target.execute(
        "UPDATE clips SET path = ?, thumbnail = ? WHERE id = ?",
        (blobs.stored_name(clip["job_id"], "video"),
         blobs.stored_name(clip["job_id"], "thumbnail") if has_thumbnail else None, clip["id"]),
    )  # fmt: skip


def command(args: argparse.Namespace) -> int:
    settings = load_settings()
    source = Path(args.source) if args.source else settings.database
    url = args.to or (settings.database_url.get_secret_value() if settings.database_url else None)
    if not url or not pgdb.is_url(url):
        print("petreel migrate-db: set PETREEL_DATABASE_URL (or --to postgresql://…)")
        return 2
    if not source.is_file():
        print(f"petreel migrate-db: no SQLite database at {source}")
        return 2
    try:
        counts = copy(source, url)
    except MigrationFailed as exc:
        print(f"petreel migrate-db: {exc}")
        return 1
    print("copied " + ", ".join(f"{table} {n}" for table, n in counts.items()) + " (counts checked)")
    return 0


def add_parsers(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "migrate-db", help="copy the SQLite database and its clips into an empty PostgreSQL database"
    )
    parser.add_argument("--from", dest="source", default=None, help="SQLite file (default: the configured one)")
    parser.add_argument("--to", default=None, help="postgresql:// URL (default: PETREEL_DATABASE_URL)")
    parser.set_defaults(func=command)

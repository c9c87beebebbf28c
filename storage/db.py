"""SQLite connection factory (pragmas), migrations and the transaction helper.

Rules every storage module follows:
- a ``Database`` is bound to the thread that created it (``check_same_thread``);
- multi-statement writes run in ``immediate(db)`` (``BEGIN IMMEDIATE``): the write lock is taken up
  front, so a busy database waits on ``busy_timeout`` instead of failing with "database is locked";
- single statements use ``db.execute`` (auto-committed by sqlite-utils); ``RETURNING`` statements
  only inside ``immediate``;
- values always travel as parameters, never inside SQL text.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from storage import migrations as migration_steps

BUSY_TIMEOUT_MS = 30_000
JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

Params = Sequence[Any] | dict[str, Any]


def connect(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, migrate_schema: bool = True) -> Database:
    """Open ``path`` with the project pragmas and bring the schema up to date."""
    # 1. Open (creating the folder); the driver's own timeout matches busy_timeout.
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000)
    db = Database(conn, execute_plugins=False)
    # 2. busy_timeout first, so the journal-mode switch below already waits on a busy file.
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    # 3. WAL (persistent in the file: only switch when needed), then the per-connection pragmas.
    _enable_wal(db, busy_timeout_ms / 1000)
    db.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")  # the credit ledger must survive power loss
    # 4. Schema.
    if migrate_schema:
        migrate(db)
    return db


def _enable_wal(db: Database, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if db.journal_mode != "wal":
                db.enable_wal()
            return
        except sqlite3.OperationalError as exc:  # switching needs an exclusive moment
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; returns the names applied (empty when up to date). Idempotent."""
    steps = migration_steps.build()
    if not steps.pending(db):
        return []
    with immediate(db):
        pending = [m.name for m in steps.pending(db)]  # re-check under the write lock
        steps.apply(db)
    return pending


@contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def rows(db: Database, sql: str, params: Params = ()) -> list[dict[str, Any]]:
    """All rows of ``sql`` as dicts (also for ``RETURNING`` inside ``immediate``)."""
    cursor = db.execute(sql, params)
    if cursor.description is None:
        return []
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


def one(db: Database, sql: str, params: Params = ()) -> dict[str, Any] | None:
    found = rows(db, sql, params)
    return found[0] if found else None


def scalar(db: Database, sql: str, params: Params = ()) -> Any:
    row = db.execute(sql, params).fetchone()
    return None if row is None else row[0]


def pragmas(db: Database) -> dict[str, Any]:
    """The pragmas ``connect`` sets, as the connection reports them (for tests and /stats)."""
    names = ("busy_timeout", "journal_mode", "journal_size_limit", "foreign_keys", "synchronous")
    return {name: scalar(db, f"PRAGMA {name}") for name in names}

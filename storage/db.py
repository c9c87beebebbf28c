"""SQLite connection factory (pragmas), migrations, the transaction helper and SQLite's own statements
(``SQLITE``; PostgreSQL's are in ``storage.pg.db``). ``rows``/``one``/``scalar`` work on both backends.

Rules every storage module follows:
- a ``Database`` is bound to the thread that created it (``check_same_thread``);
- multi-statement writes run in ``immediate(db)`` (``BEGIN IMMEDIATE``): the write lock is taken up
  front, so a busy database waits on ``busy_timeout`` instead of failing with "database is locked";
- single statements use ``db.execute`` (auto-committed by sqlite-utils); ``RETURNING`` statements
  only inside ``immediate``;
- values always travel as parameters, never inside SQL text.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from petreel.errors import DatabaseUnusable
from storage import migrations as migration_steps
from storage.dialect import Db, Dialect

BUSY_TIMEOUT_MS = 30_000
APPLICATION_ID = 0x50455452  # "PETR" in the file header: a database PetReel created
JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

Params = Sequence[Any] | dict[str, Any]

# SQLite's own statements (``BEGIN IMMEDIATE`` already serialises every write transaction).
SQLITE = Dialect(
    name="sqlite",
    claim=(
        "UPDATE jobs SET state = 'running', attempts = attempts + 1, claim_token = :token, "
        "worker_id = :worker, lease_expires = :lease, progress_stage = NULL, progress_fraction = NULL, "
        "started = :now, updated = :now "
        "WHERE id = ("
        "  SELECT id FROM jobs"
        "  WHERE (state = 'queued' AND run_after <= :now)"
        "     OR (state = 'running' AND lease_expires < :now AND attempts < max_attempts)"
        "  ORDER BY id LIMIT 1"
        ") RETURNING *"
    ),
    reap=(
        "UPDATE jobs SET state = 'dead', error_code = 'lease_expired', "
        "error = 'the worker stopped responding on the last attempt', claim_token = NULL, "
        "lease_expires = NULL, finished = :now, updated = :now "
        "WHERE state = 'running' AND lease_expires < :now AND attempts >= max_attempts RETURNING *"
    ),
    held="SELECT * FROM jobs WHERE id = ? AND claim_token = ? AND state = 'running'",
    enqueue_lock=None,
)


def connect(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, migrate_schema: bool = True) -> Database:
    """Open ``path`` with the project pragmas and bring the schema up to date.

    A file that can't be used raises ``DatabaseUnusable`` with one line naming the path and what to
    do: a folder or file that can't be opened (read-only file system, no permission), a file that is
    not a SQLite database (garbage, truncated), a database that fails ``PRAGMA quick_check`` (a
    damaged page: nothing is written to it), or an existing empty file (PetReel never leaves one: its
    first connection writes the header at once, so an empty file is someone else's)."""
    # 1. Refuse an empty file PetReel did not create; open (creating the folder); the driver's own
    #    timeout matches busy_timeout.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            _create(path)
        elif path.is_file() and path.stat().st_size == 0:
            raise DatabaseUnusable(
                f"database {path} is an empty file that PetReel did not create; remove it to start a new "
                "database, or point PETREEL_DB_PATH at the right file"
            )
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise _unusable(path, exc) from None
    db = Database(conn, execute_plugins=False)
    try:
        # 2. busy_timeout first, so the journal-mode switch below already waits on a busy file.
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        # 3. The file is a sound database before anything is written to it.
        check_integrity(db, path)
        # 4. WAL (persistent in the file: only switch when needed), then the per-connection pragmas.
        _enable_wal(db, busy_timeout_ms / 1000)
        db.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")  # the credit ledger must survive power loss
        # 5. Schema.
        if migrate_schema:
            migrate(db)
    except sqlite3.DatabaseError as exc:  # OperationalError included: can't open, read-only, not a database
        conn.close()
        raise _unusable(path, exc) from None
    except DatabaseUnusable:
        conn.close()
        raise
    return db


def _create(path: Path) -> None:
    """Create a new database file atomically: written beside ``path`` with its header (and PetReel's
    ``application_id``), then hard-linked into place, so no process ever sees an empty file PetReel
    made (another process creating it first wins; the link then fails harmlessly)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.new")
    try:
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    except (OSError, sqlite3.Error):
        if not path.exists():  # no hard links here (or no writable folder): let SQLite create it in place
            return
    finally:
        tmp.unlink(missing_ok=True)


def check_integrity(db: Database, path: Path) -> None:
    """``PRAGMA quick_check``: raise ``DatabaseUnusable`` unless SQLite reports ``ok``."""
    found = [str(row[0]) for row in db.execute("PRAGMA quick_check").fetchall()]
    if found != ["ok"]:
        raise DatabaseUnusable(
            f"database {path} is damaged (quick_check: {'; '.join(found)[:200]}); PetReel will not write to it. "
            f"Stop PetReel, restore a backup, or recover the data with: sqlite3 {path} .recover | sqlite3 new.db"
        )


def _unusable(path: Path, exc: BaseException) -> DatabaseUnusable:
    reason = getattr(exc, "strerror", None) or str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in reason:
        todo = "restore a backup, or move the file away to start a new database"
    elif isinstance(exc, sqlite3.DatabaseError) and "malformed" in reason:
        todo = f"restore a backup, or recover the data with: sqlite3 {path} .recover | sqlite3 new.db"
    elif (owner := _foreign_owner(path.parent)) is not None:
        uid, gid = os.getuid(), os.getgid()
        todo = (f"the folder is owned by uid {owner} and PetReel runs as uid {uid}: "
                f"run `chown -R {uid}:{gid} {path.parent}` (a bind-mounted Docker volume included), "
                "or set PETREEL_DATA_DIR to a folder it can write")
    else:
        todo = ("check that the file and its folder exist and are writable (not on a read-only file system), "
                "or set PETREEL_DATA_DIR / PETREEL_DB_PATH to a writable place")
    return DatabaseUnusable(f"database {path} can't be used ({reason}); {todo}")


def _foreign_owner(folder: Path) -> int | None:
    """The owner's uid when ``folder`` exists, belongs to another user and this one can't write it."""
    try:
        owner = folder.stat().st_uid
    except OSError:
        return None
    return owner if owner != os.getuid() and not os.access(folder, os.W_OK) else None


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


def rows(db: Db, sql: str, params: Params = ()) -> list[dict[str, Any]]:
    """All rows of ``sql`` as dicts (also for ``RETURNING`` inside ``immediate``)."""
    cursor = db.execute(sql, params)
    keys = column_names(cursor)
    if keys is None:
        return []
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


def column_names(cursor: Any) -> list[str] | None:
    """The result's column names; None when the statement returned no rows at all (no RETURNING).
    psycopg's are read from the result itself: its ``description`` builds a ``Column`` object per
    column on every call (a third of a claim+complete's client CPU with ``RETURNING *``)."""
    result = getattr(cursor, "pgresult", None)
    if result is None:
        return None if cursor.description is None else [d[0] for d in cursor.description]
    if not result.nfields:
        return None
    return [result.fname(i).decode() for i in range(result.nfields)]


def one(db: Db, sql: str, params: Params = ()) -> dict[str, Any] | None:
    found = rows(db, sql, params)
    return found[0] if found else None


def scalar(db: Db, sql: str, params: Params = ()) -> Any:
    row = db.execute(sql, params).fetchone()
    return None if row is None else row[0]


def pragmas(db: Database) -> dict[str, Any]:
    """The pragmas ``connect`` sets, as the connection reports them (for tests and /stats)."""
    names = ("busy_timeout", "journal_mode", "journal_size_limit", "foreign_keys", "synchronous")
    return {name: scalar(db, f"PRAGMA {name}") for name in names}

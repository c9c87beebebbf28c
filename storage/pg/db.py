"""PostgreSQL connections (psycopg 3 from a ``psycopg_pool`` pool per URL), migrations, the backend's
own statements and LISTEN/NOTIFY wake-ups.

Rules (the same promises as ``storage.db`` gives on SQLite):
- connections are in autocommit mode: a single statement commits by itself; multi-statement writes
  run in ``db.transaction()`` (``BEGIN`` … ``COMMIT``, ``ROLLBACK`` on any exception);
- the claim takes its row with ``FOR UPDATE SKIP LOCKED``: concurrent workers never wait on, nor
  take, the same job; writes by a worker name the job and its claim token;
- enqueues take one transaction-scoped advisory lock, so the per-user and global caps and the credit
  reservation are checked and written as one step (SQLite gets this from ``BEGIN IMMEDIATE``);
- shared SQL arrives in SQLite's placeholder style and is rewritten by ``dialect.to_pyformat``.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from storage.db import scalar
from storage.dialect import Dialect, to_pyformat
from storage.pg import migrations as steps

POOL_MAX = 64  # connections are opened on demand; one per Store in use in this process
MIGRATE_LOCK = 7_215_001  # advisory lock ids (arbitrary, fixed)
ENQUEUE_LOCK = 7_215_002

POSTGRES = Dialect(
    name="postgres",
    # One statement, auto-committed: the job (SKIP LOCKED: concurrent claimers never wait on or take
    # the same row) and, in the same statement, the worker's row turned busy.
    claim=(
        "WITH claimed AS ("
        " UPDATE jobs SET state = 'running', attempts = attempts + 1, claim_token = :token, "
        " worker_id = :worker, lease_expires = :lease, progress_stage = NULL, progress_fraction = NULL, "
        " started = :now, updated = :now "
        " WHERE id = ("
        "  SELECT id FROM jobs"
        "  WHERE state IN ('queued', 'running') AND ("
        "     (state = 'queued' AND run_after <= :now)"
        "     OR (state = 'running' AND lease_expires < :now AND attempts < max_attempts))"
        "  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
        " ) RETURNING *"
        "), marked AS ("
        " UPDATE workers SET state = 'busy', job_id = claimed.id, heartbeat = :now FROM claimed"
        " WHERE workers.worker_id = :worker"
        ") SELECT * FROM claimed"
    ),
    reap=(
        "UPDATE jobs SET state = 'dead', error_code = 'lease_expired', "
        "error = 'the worker stopped responding on the last attempt', claim_token = NULL, "
        "lease_expires = NULL, finished = :now, updated = :now "
        "WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_expires < :now "
        "AND attempts >= max_attempts ORDER BY id FOR UPDATE SKIP LOCKED) RETURNING *"
    ),
    held="SELECT * FROM jobs WHERE id = ? AND claim_token = ? AND state = 'running' FOR UPDATE",
    enqueue_lock=f"SELECT pg_advisory_xact_lock({ENQUEUE_LOCK})",
    claim_marks_worker=True,
    # One round trip and one commit: the job row is taken first (a cancel holding it makes this wait,
    # then find the job no longer running, and every other part inserts nothing); the commit row is
    # written only when the job has no commit or refund yet (``quota.settle``'s rule, and its key).
    complete=(
        "WITH job AS ("
        " UPDATE jobs SET state = 'done', progress_stage = 'done', progress_fraction = 1.0, "
        " claim_token = NULL, lease_expires = NULL, error_code = NULL, error = NULL, finished = :now, updated = :now"
        " WHERE id = :id AND claim_token = :token AND state = 'running' RETURNING *"
        "), clip AS ("
        " INSERT INTO clips (job_id, owner, path, width, height, duration, size_bytes, thumbnail, created)"
        " SELECT id, owner, :path, :width, :height, :duration, :size_bytes, :thumbnail, :now FROM job RETURNING *"
        "), chunks AS ("
        " INSERT INTO clip_chunks (clip_id, kind, seq, data)"
        " SELECT clip.id, part.kind, part.seq, part.data FROM clip, ("
        "  SELECT 'video' AS kind, ord - 1 AS seq, data FROM unnest(CAST(:video AS bytea[])) WITH ORDINALITY AS v(data, ord)"
        "  UNION ALL"
        "  SELECT 'thumbnail', ord - 1, data FROM unnest(CAST(:thumb AS bytea[])) WITH ORDINALITY AS t(data, ord)"
        " ) AS part"
        "), settled AS ("
        " INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created)"
        " SELECT r.user_id, 'commit', r.pool, 0, r.job_id, r.utc_day, :commit_key, :now FROM credit_ledger r, job"
        " WHERE r.key = :reserve_key AND NOT EXISTS"
        "  (SELECT 1 FROM credit_ledger s WHERE s.key IN (:commit_key, :refund_key))"
        " ON CONFLICT (key) DO NOTHING"
        "), event AS ("
        " INSERT INTO events (job_id, owner, chat_id, kind, payload, created)"
        " SELECT job.id, job.owner, COALESCE(job.chat_id, job.owner), 'done', CAST(json_strip_nulls(json_build_object("
        "  'clip_id', clip.id,"
        "  'render_s', round(CAST(GREATEST(0, :now - job.started) AS numeric), 3),"
        "  'process_render_s', round(CAST(:process_render_s AS numeric), 3))) AS TEXT), :now"
        " FROM job, clip"
        ") SELECT clip.*, job.premise AS premise FROM clip, job"
    ),
)


def notify_sql(channels: tuple[str, ...]) -> str:
    """One round trip that wakes the listeners of ``channels``: ``NOTIFY`` statements in one simple
    query (no parameters: channel names are the fixed identifiers of ``storage.pg.migrations``)."""
    return "; ".join(f"NOTIFY {channel}" for channel in channels)


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


class PgDatabase:
    """One pooled psycopg connection with the sqlite-utils-like ``execute`` the shared SQL uses."""

    dialect = POSTGRES

    def __init__(self, conn: psycopg.Connection[Any], pool: ConnectionPool | None = None) -> None:
        self.conn = conn
        self._pool = pool

    def execute(self, sql: str, parameters: Any = None, /) -> psycopg.Cursor[Any]:
        return self.conn.execute(to_pyformat(sql), parameters if parameters is not None else ())  # type: ignore[arg-type]

    @contextmanager
    def transaction(self) -> Iterator[PgDatabase]:
        with self.conn.transaction():
            yield self

    def close(self) -> None:
        if self._pool is not None:
            self._pool.putconn(self.conn)
            self._pool = None
        elif not self.conn.closed:
            self.conn.close()


_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()
_migrated: set[str] = set()


def pool(url: str) -> ConnectionPool:
    """The process's pool for ``url`` (created on first use, closed at exit)."""
    with _pools_lock:
        found = _pools.get(url)
        if found is None:
            found = ConnectionPool(
                url, min_size=1, max_size=POOL_MAX, kwargs={"autocommit": True}, open=True, name="petreel"
            )
            _pools[url] = found
        return found


_inherited: list[ConnectionPool] = []


def _forget_after_fork() -> None:
    """A forked child must not touch its parent's connections (nor close them): keep them unreachable."""
    global _pools_lock
    _inherited.extend(_pools.values())
    _pools.clear()
    _migrated.clear()
    _pools_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


@atexit.register
def close_pools() -> None:
    with _pools_lock:
        for found in _pools.values():
            found.close()
        _pools.clear()
        _migrated.clear()


def connect(url: str, *, migrate_schema: bool = True, timeout_s: float = 30.0) -> PgDatabase:
    """A pooled connection to ``url`` with the schema brought up to date (once per process)."""
    conn = pool(url).getconn(timeout=timeout_s)
    db = PgDatabase(conn, _pools[url])
    if migrate_schema and url not in _migrated:
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        _migrated.add(url)
    return db


def direct(url: str) -> PgDatabase:
    """An unpooled autocommit connection (admin work: migrate-db, test set-up)."""
    return PgDatabase(psycopg.connect(url, autocommit=True))


def applied(db: PgDatabase) -> list[str]:
    exists = scalar(db, "SELECT to_regclass('schema_migrations') IS NOT NULL")
    if not exists:
        return []
    return [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(db: PgDatabase) -> list[str]:
    """Apply pending migrations in one transaction under an advisory lock; returns the names applied."""
    wanted = steps.names()
    if applied(db) == wanted:
        return []
    with db.transaction():
        db.execute(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied DOUBLE PRECISION NOT NULL)")
        done = set(applied(db))
        ran: list[str] = []
        for (_, _, statements), name in zip(steps.MIGRATION_STEPS, wanted, strict=True):
            if name in done:
                continue
            for sql in statements:
                db.conn.execute(sql)  # DDL as written (no placeholders)
            db.execute("INSERT INTO schema_migrations (name, applied) VALUES (?, ?)", (name, time.time()))
            ran.append(name)
    return ran


class Listener:
    """A dedicated connection LISTENing on channels; ``wait(timeout)`` is True once one was notified."""

    def __init__(self, url: str, *channels: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)
        for channel in channels:
            self.conn.execute(f"LISTEN {channel}")

    def wait(self, timeout_s: float) -> bool:
        got = False
        for _ in self.conn.notifies(timeout=max(0.0, timeout_s), stop_after=1):
            got = True
        if got:  # drain what else arrived, so one burst wakes us once
            for _ in self.conn.notifies(timeout=0.0):
                pass
        return got

    def close(self) -> None:
        self.conn.close()


class AsyncListener:
    """LISTEN on the event loop (psycopg's async connection): ``event`` is set on each notification."""

    def __init__(self, url: str, *channels: str) -> None:
        self.url = url
        self.channels = channels
        self.conn: psycopg.AsyncConnection[Any] | None = None

    async def open(self) -> psycopg.AsyncConnection[Any]:
        self.conn = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
        for channel in self.channels:
            await self.conn.execute(f"LISTEN {channel}")
        return self.conn

    async def close(self) -> None:
        if self.conn is not None:
            await self.conn.close()
            self.conn = None


def close_pool(url: str) -> None:
    """Close this process's pool for ``url`` (tests dropping their database; shutdown)."""
    with _pools_lock:
        found = _pools.pop(url, None)
        _migrated.discard(url)
    if found is not None:
        found.close()

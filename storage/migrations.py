"""Numbered schema migrations, run with sqlite-utils' ``Migrations`` into the ``migrations`` table.

Each migration is a list of plain SQL statements (no string building). Add new ones at the end with
the next number; never edit an applied one. ``storage.db.migrate`` applies pending migrations inside
one ``BEGIN IMMEDIATE`` transaction so concurrent processes starting at once cannot race.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS_TABLE = "migrations"

_INITIAL: tuple[str, ...] = (
    """CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    language TEXT,
    created REAL NOT NULL,
    banned INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1))
)""",
    """CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner INTEGER NOT NULL REFERENCES users(id),
    chat_id INTEGER,
    premise TEXT NOT NULL,
    style TEXT NOT NULL,
    art_style TEXT NOT NULL,
    language TEXT NOT NULL,
    script_json TEXT NOT NULL,
    seed INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'running', 'done', 'failed', 'dead', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    run_after REAL NOT NULL,
    lease_expires REAL,
    claim_token TEXT,
    worker_id TEXT,
    progress_stage TEXT,
    progress_fraction REAL,
    error_code TEXT,
    error TEXT,
    utc_day TEXT NOT NULL,
    status_chat_id INTEGER,
    status_message_id INTEGER,
    parent_clip_id INTEGER REFERENCES clips(id),
    created REAL NOT NULL,
    updated REAL NOT NULL,
    finished REAL
)""",
    "CREATE INDEX jobs_claim ON jobs(state, run_after, id)",
    "CREATE INDEX jobs_lease ON jobs(state, lease_expires)",
    "CREATE INDEX jobs_owner ON jobs(owner, state)",
    """CREATE TABLE clips (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL UNIQUE REFERENCES jobs(id),
    owner INTEGER NOT NULL REFERENCES users(id),
    path TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    duration REAL NOT NULL,
    size_bytes INTEGER NOT NULL,
    thumbnail TEXT,
    file_id TEXT,
    created REAL NOT NULL,
    pruned REAL
)""",
    "CREATE INDEX clips_owner ON clips(owner, id)",
    "CREATE INDEX clips_created ON clips(created) WHERE pruned IS NULL",
    """CREATE TABLE credit_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('grant', 'purchase', 'reserve', 'commit', 'refund')),
    pool TEXT NOT NULL CHECK (pool IN ('free', 'paid')),
    amount INTEGER NOT NULL,
    job_id INTEGER REFERENCES jobs(id),
    utc_day TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    created REAL NOT NULL
)""",
    "CREATE INDEX credit_ledger_user ON credit_ledger(user_id, pool, utc_day)",
    """CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE ON credit_ledger
BEGIN
    SELECT RAISE(ABORT, 'credit_ledger is append-only');
END""",
    """CREATE TRIGGER credit_ledger_no_delete BEFORE DELETE ON credit_ledger
BEGIN
    SELECT RAISE(ABORT, 'credit_ledger is append-only');
END""",
    """CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL REFERENCES jobs(id),
    owner INTEGER NOT NULL,
    chat_id INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('queued', 'progress', 'done', 'failed', 'dead', 'cancelled')),
    payload TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL,
    acked REAL
)""",
    "CREATE INDEX events_pending ON events(id) WHERE acked IS NULL",
    "CREATE INDEX events_job ON events(job_id, kind)",
)

# 0002: when the current attempt was claimed (render time = finished - started), and one row per
# live worker process, heartbeated even while idle (health checks, per-worker metrics).
_WORKERS: tuple[str, ...] = (
    "ALTER TABLE jobs ADD COLUMN started REAL",
    "CREATE INDEX jobs_finished ON jobs(state, finished)",
    """CREATE TABLE workers (
    worker_id TEXT PRIMARY KEY,
    pid INTEGER,
    host TEXT,
    gpu INTEGER,
    state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'busy', 'stopping')),
    job_id INTEGER,
    heartbeat REAL NOT NULL,
    started REAL NOT NULL
)""",
)

# 0003: pending drafts (a premise awaiting Confirm) survive a bot restart. Keyed by a short random id
# (all a button carries); ``script`` is the Script JSON once written; rows expire at ``expires``.
_DRAFTS: tuple[str, ...] = (
    """CREATE TABLE drafts (
    id TEXT PRIMARY KEY NOT NULL,
    owner INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    premise TEXT NOT NULL,
    language TEXT NOT NULL,
    style TEXT,
    art_style TEXT,
    seed INTEGER NOT NULL,
    script TEXT,
    parent_clip_id INTEGER,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    expires REAL NOT NULL
)""",
    "CREATE INDEX drafts_owner ON drafts(owner, created)",
    "CREATE INDEX drafts_expires ON drafts(expires)",
)

# 0004: upload attempts per clip, recorded before each sendVideo: an attempt with no file_id stored
# afterwards may have reached the chat (the bot died or the connection dropped during the round
# trip), so the next one says it is a re-send.
_UPLOAD_ATTEMPTS: tuple[str, ...] = ("ALTER TABLE clips ADD COLUMN upload_attempts INTEGER NOT NULL DEFAULT 0",)

# 0005: a job's outbox is leased to one bot process at a time (storage/outbox.py); clips can be kept
# in the database as chunks (storage/blobs.py; the default on PostgreSQL, available here too).
_OUTBOX_AND_BLOBS: tuple[str, ...] = (
    """CREATE TABLE outbox_leases (
    job_id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    expires REAL NOT NULL
)""",
    "CREATE INDEX outbox_leases_owner ON outbox_leases(owner)",
    """CREATE TABLE clip_chunks (
    clip_id INTEGER NOT NULL REFERENCES clips(id),
    kind TEXT NOT NULL CHECK (kind IN ('video', 'thumbnail')),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (clip_id, kind, seq)
)""",
)

# 0006: a purchase refunded (``/refund``, or Telegram's ``refunded_payment``) takes the unspent credits
# back as one ``reversal`` row keyed by the charge id; purchases and reversals record their Stars.
# SQLite cannot alter a CHECK constraint: the ledger is rebuilt (triggers dropped first, rows copied
# with their ids, triggers and index recreated).
_PURCHASE_REFUNDS: tuple[str, ...] = (
    "DROP TRIGGER credit_ledger_no_update",
    "DROP TRIGGER credit_ledger_no_delete",
    """CREATE TABLE credit_ledger_0006 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('grant', 'purchase', 'reserve', 'commit', 'refund', 'reversal')),
    pool TEXT NOT NULL CHECK (pool IN ('free', 'paid')),
    amount INTEGER NOT NULL,
    job_id INTEGER REFERENCES jobs(id),
    utc_day TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    created REAL NOT NULL,
    stars INTEGER
)""",
    "INSERT INTO credit_ledger_0006 (id, user_id, kind, pool, amount, job_id, utc_day, key, created) "
    "SELECT id, user_id, kind, pool, amount, job_id, utc_day, key, created FROM credit_ledger",
    "DROP TABLE credit_ledger",
    "ALTER TABLE credit_ledger_0006 RENAME TO credit_ledger",
    "CREATE INDEX credit_ledger_user ON credit_ledger(user_id, pool, utc_day)",
    "CREATE INDEX credit_ledger_kind ON credit_ledger(kind)",
    """CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE ON credit_ledger
BEGIN
    SELECT RAISE(ABORT, 'credit_ledger is append-only');
END""",
    """CREATE TRIGGER credit_ledger_no_delete BEFORE DELETE ON credit_ledger
BEGIN
    SELECT RAISE(ABORT, 'credit_ledger is append-only');
END""",
)

# 0007: the message that carried a premise, so the finished clip can reply to it.
_PREMISE_MESSAGES: tuple[str, ...] = (
    "ALTER TABLE drafts ADD COLUMN premise_message_id INTEGER",
    "ALTER TABLE jobs ADD COLUMN premise_message_id INTEGER",
)

# (number, name, statements) in order. Numbers are recorded as the migration name prefix.
MIGRATION_STEPS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "initial", _INITIAL),
    (2, "workers", _WORKERS),
    (3, "drafts", _DRAFTS),
    (4, "upload_attempts", _UPLOAD_ATTEMPTS),
    (5, "outbox_leases_clip_chunks", _OUTBOX_AND_BLOBS),
    (6, "purchase_refunds", _PURCHASE_REFUNDS),
    (7, "premise_messages", _PREMISE_MESSAGES),
)


class _PetReelMigrations(Migrations):
    migrations_table = MIGRATIONS_TABLE


def _step(statements: tuple[str, ...]) -> Callable[[Database], None]:
    def apply(db: Database, /) -> None:
        for sql in statements:
            db.execute(sql)

    return apply


def build() -> Migrations:
    """The migration set; names are ``0001_initial`` and so on."""
    migrations = _PetReelMigrations("petreel")
    for number, name, statements in MIGRATION_STEPS:
        migrations(name=f"{number:04d}_{name}")(_step(statements))
    return migrations


def latest_version() -> int:
    return MIGRATION_STEPS[-1][0]

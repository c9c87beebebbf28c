"""The storage facade: ``Store`` (sync, bound to one thread) and ``AsyncStore`` (the same methods as
coroutines, run on one dedicated thread so the database never blocks the event loop).

Two backends behind one contract: a SQLite file (``Store(path)``, the embedded default) or a
PostgreSQL server (``Store("postgresql://…")``, ``PETREEL_DATABASE_URL``). The shared SQL lives in
``queue``/``quota``/``drafts``/``outbox``/``blobs``; what each backend writes its own way is its
``Dialect`` (``storage.db.SQLITE``, ``storage.pg.db.POSTGRES``). See docs/ARCHITECTURE.md ("Storage contract").

Clips: on SQLite, files at ``<clips_dir>/<job_id>.mp4`` and ``<job_id>.jpg`` (names from ids only;
``clips_dir`` defaults to ``clips/`` beside the database). On PostgreSQL the finished files are written
into the database by ``complete`` (``storage.blobs``), so workers on other hosts need no shared disk;
``clip_bytes`` reads a clip back wherever it is kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
import random
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar

import psycopg

from petreel.clock import utc_day
from petreel.errors import Banned, NotFound, QueueFull, QuotaExceeded
from petreel.settings import QuotaSettings, Settings, WorkerSettings
from storage import blobs, drafts, outbox, queue, quota, referrals
from storage import db as dbmod
from storage.db import immediate, one, rows, scalar
from storage.dialect import Dialect
from storage.models import (
    JOB_STATES,
    ClaimedJob,
    Clip,
    ClipFile,
    Draft,
    Event,
    Job,
    Purchase,
    QuotaStatus,
    Reversal,
    Stats,
    User,
    WorkerInfo,
    WorkerState,
)
from storage.pg import db as pgdb
from storage.pg.migrations import EVENTS_CHANNEL, JOBS_CHANNEL

log = logging.getLogger(__name__)

# What a database call may raise on either backend (callers that retry catch these).
DatabaseError: tuple[type[Exception], ...] = (sqlite3.Error, psycopg.Error)

P = ParamSpec("P")
T = TypeVar("T")

DAY_S = 86_400.0
ORPHAN_GRACE_S = 600.0
_CLIP_FILE = re.compile(r"[0-9]{1,19}\.(mp4|jpg)")
REAP_EVERY_S = 1.0

_GET_CLIP = "SELECT clips.*, jobs.premise AS premise FROM clips JOIN jobs ON jobs.id = clips.job_id WHERE clips.id = ?"
# Clips that can still be sent: the file is on disk, or Telegram already holds it.
_COUNT_AVAILABLE = "SELECT COUNT(*) FROM clips WHERE owner = ? AND (pruned IS NULL OR file_id IS NOT NULL)"
_PAGE_AVAILABLE = (
    "SELECT clips.*, jobs.premise AS premise FROM clips JOIN jobs ON jobs.id = clips.job_id "
    "WHERE clips.owner = ? AND (clips.pruned IS NULL OR clips.file_id IS NOT NULL) "
    "ORDER BY clips.id DESC LIMIT ? OFFSET ?"
)
_SENT_CLIPS = (
    "SELECT clips.*, jobs.premise AS premise FROM clips JOIN jobs ON jobs.id = clips.job_id "
    "WHERE clips.owner = ? AND clips.file_id IS NOT NULL ORDER BY clips.id DESC LIMIT ?"
)
# One statement (auto-committed, no BEGIN IMMEDIATE): creates the row on the first beat or after a
# removal; ``started`` is only replaced when given (registration); None keeps pid/host/gpu.
_WORKER_BEAT = (
    "INSERT INTO workers (worker_id, pid, host, gpu, state, job_id, heartbeat, started) "
    "VALUES (:worker_id, :pid, :host, :gpu, :state, :job_id, :now, COALESCE(:started, :now)) "
    "ON CONFLICT(worker_id) DO UPDATE SET state = excluded.state, job_id = excluded.job_id, "
    "heartbeat = excluded.heartbeat, pid = COALESCE(excluded.pid, workers.pid), "
    "host = COALESCE(excluded.host, workers.host), gpu = COALESCE(excluded.gpu, workers.gpu), "
    "started = COALESCE(:started, workers.started)"
)
_RENDER_SECONDS = (
    "SELECT finished - started AS seconds FROM jobs "
    "WHERE state = 'done' AND started IS NOT NULL AND finished >= started "
    "ORDER BY finished DESC, id DESC LIMIT ?"
)


Target = Path | str  # a SQLite file, or a postgresql:// URL


def default_clips_dir(target: Target) -> Path:
    """``clips/`` beside a SQLite file; ``data/clips`` (scratch space only) for a server database."""
    return Path("data") / "clips" if pgdb.is_url(target) else Path(target).parent / "clips"


class Store:
    """Synchronous storage API over one connection (SQLite file or PostgreSQL server). Create one per
    thread or process. ``clips_in_db`` (default: True on PostgreSQL) keeps finished clips in the database."""

    def __init__(
        self,
        path: Target,
        settings: QuotaSettings | None = None,
        *,
        worker: WorkerSettings | None = None,
        clips_dir: Path | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        busy_timeout_ms: int = dbmod.BUSY_TIMEOUT_MS,
        clips_in_db: bool | None = None,
    ) -> None:
        self.target: Target = str(path) if pgdb.is_url(path) else Path(path)
        self.url: str | None = self.target if isinstance(self.target, str) else None
        self.path: Path | None = self.target if isinstance(self.target, Path) else None
        self.quota_settings = settings or QuotaSettings()
        self.worker_settings = worker or WorkerSettings()
        self.clips_dir = clips_dir if clips_dir is not None else default_clips_dir(self.target)
        self.clock = clock
        self.rng = rng or random.Random()
        self.busy_timeout_ms = busy_timeout_ms
        self.clips_in_db = self.url is not None if clips_in_db is None else clips_in_db
        self.db: Any
        self.sql: Dialect
        if self.url is not None:
            self.db, self.sql = pgdb.connect(self.url, timeout_s=busy_timeout_ms / 1000), pgdb.POSTGRES
        else:
            assert self.path is not None
            self.db, self.sql = dbmod.connect(self.path, busy_timeout_ms=busy_timeout_ms), dbmod.SQLITE
        self._listeners: dict[str, pgdb.Listener] = {}
        self._reap_after = -float("inf")  # clock time of the next reap in claim()

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> Store:
        return cls(
            settings.database_target, settings.quota, worker=settings.worker, clips_dir=settings.data_dir / "clips",
            **kwargs,
        )  # fmt: skip

    def reopen(self) -> Store:
        """A new connection with the same configuration (for another thread)."""
        return Store(
            self.target,
            self.quota_settings,
            worker=self.worker_settings,
            clips_dir=self.clips_dir,
            clock=self.clock,
            busy_timeout_ms=self.busy_timeout_ms,
            clips_in_db=self.clips_in_db,
        )

    def close(self) -> None:
        for listener in self._listeners.values():
            listener.close()
        self._listeners.clear()
        self.db.close()

    @contextlib.contextmanager
    def _tx(self, *wake: str) -> Iterator[None]:
        """One write transaction: ``BEGIN IMMEDIATE`` on SQLite, ``BEGIN`` on PostgreSQL. On PostgreSQL
        the ``wake`` channels are notified once it committed, as a statement of their own: a NOTIFY
        inside the transaction would make every such commit (and its WAL flush) wait for the others,
        and a notification lost to a crash right after the commit only costs one poll interval."""
        if self.url is None:
            with immediate(self.db):
                yield
            return
        with self.db.transaction():
            yield
        self._wake(*wake)

    def _wake(self, *channels: str) -> None:
        """PostgreSQL: notify ``channels`` (after the commit that has news for their listeners)."""
        if self.url is not None and channels:
            self.db.conn.execute(pgdb.notify_sql(channels))  # no parameters: one simple query

    @property
    def backend(self) -> str:
        return self.sql.name

    # -- wake-ups ---------------------------------------------------------------------------------

    def _wait(self, channel: str, timeout_s: float) -> bool:
        if self.url is None:  # SQLite cannot tell: the caller's polling is all there is
            time.sleep(max(0.0, timeout_s))
            return False
        listener = self._listeners.get(channel)
        if listener is None:
            listener = self._listeners[channel] = pgdb.Listener(self.url, channel)
        return listener.wait(timeout_s)

    def wait_for_jobs(self, timeout_s: float) -> bool:
        """Sleep until a job may be claimable (PostgreSQL NOTIFY on a queued job) or ``timeout_s``
        passes; True when woken by a notification. On SQLite it only sleeps (polling)."""
        return self._wait(JOBS_CHANNEL, timeout_s)

    def wait_for_events(self, timeout_s: float) -> bool:
        """Like ``wait_for_jobs`` for new outbox events."""
        return self._wait(EVENTS_CHANNEL, timeout_s)

    def ping(self) -> bool:
        """True when the database answers (health checks)."""
        return scalar(self.db, "SELECT 1") == 1

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files ------------------------------------------------------------------------------------

    def clip_path(self, job_id: int) -> Path:
        return self.clips_dir / f"{int(job_id)}.mp4"

    def thumbnail_path(self, job_id: int) -> Path:
        return self.clips_dir / f"{int(job_id)}.jpg"

    # -- users ------------------------------------------------------------------------------------

    def ensure_user(self, user_id: int, language: str | None = None) -> User:
        """Create the user on first sight; an existing user's language is only filled in, never replaced."""
        now = self.clock()
        self.db.execute(
            "INSERT INTO users (id, language, created) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET language = COALESCE(users.language, excluded.language)",
            (user_id, language, now),
        )
        return self.get_user(user_id) or User(user_id, language, now, False)

    def get_user(self, user_id: int) -> User | None:
        row = one(self.db, "SELECT * FROM users WHERE id = ?", (user_id,))
        return User.from_row(row) if row else None

    def set_language(self, user_id: int, language: str) -> None:
        self.ensure_user(user_id)
        self.db.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

    def set_banned(self, user_id: int, banned: bool) -> None:
        self.ensure_user(user_id)
        self.db.execute("UPDATE users SET banned = ? WHERE id = ?", (int(banned), user_id))

    # -- credits ----------------------------------------------------------------------------------

    def quota(self, user_id: int, now: float | None = None) -> QuotaStatus:
        now = self.clock() if now is None else now
        return quota.balance(self.db, user_id, utc_day(now), self.quota_settings.daily_free)

    def grant(self, user_id: int, n: int, key: str, kind: str = "grant", stars: int | None = None) -> bool:
        """Add ``n`` credits (``kind`` 'grant' or 'purchase', ``stars`` paid for a purchase). ``key``
        makes it idempotent (e.g. the payment charge id): False when that key was already recorded."""
        self.ensure_user(user_id)
        with self._tx():
            return quota.add_credits(self.db, user_id, n, key, kind, self.clock(), stars)

    def purchase(self, charge_id: str) -> Purchase | None:
        """The Stars purchase recorded for ``charge_id`` (with its reversal, if refunded)."""
        return quota.purchase(self.db, charge_id)

    def purchases(self, user_id: int, limit: int = 5) -> list[Purchase]:
        """The user's Stars purchases, newest first."""
        return quota.purchases(self.db, user_id, limit)

    def reverse_purchase(self, charge_id: str) -> Reversal | None:
        """A purchase refunded in Stars: take back its unspent credits, once per charge (see
        ``storage.quota``). None: no purchase with that charge id. Serialised with enqueues, so the
        balance read is the one written against."""
        with self._tx():
            if self.sql.enqueue_lock is not None:
                self.db.execute(self.sql.enqueue_lock)
            found = quota.reverse(self.db, charge_id, self.clock())
        return None if found is None else Reversal(*found)

    def ledger(self, user_id: int) -> list[dict[str, Any]]:
        return rows(self.db, "SELECT * FROM credit_ledger WHERE user_id = ? ORDER BY id", (user_id,))

    def refer(self, user_id: int, referrer: int, credits: int, daily_cap: int) -> referrals.Outcome:
        """Credit a new user who came by ``referrer``'s link, and the referrer, once (``storage.referrals``):
        'credited', or why not ('seen', 'capped', 'self', 'off'). The caller decides who is new."""
        now = self.clock()
        if user_id == referrer or credits <= 0:
            return referrals.credit(self.db, user_id, referrer, credits, daily_cap, utc_day(now), now)
        self.ensure_user(user_id)
        self.ensure_user(referrer)
        with self._tx():
            # the per-referrer cap is exact only if referrals are counted one at a time (PostgreSQL)
            if self.sql.enqueue_lock is not None:
                self.db.execute(self.sql.enqueue_lock)
            return referrals.credit(self.db, user_id, referrer, credits, daily_cap, utc_day(now), now)

    def referred_by(self, user_id: int) -> int | None:
        return referrals.referred_by(self.db, user_id)

    # -- queue ------------------------------------------------------------------------------------

    def enqueue(
        self,
        owner: int,
        premise: str,
        style: str,
        art_style: str,
        language: str,
        script_json: str,
        seed: int,
        parent_clip_id: int | None = None,
        chat_id: int | None = None,
        premise_message_id: int | None = None,
    ) -> Job:
        """Reserve one credit and queue the job, atomically. Raises Banned / QueueFull / QuotaExceeded."""
        now = self.clock()
        day = utc_day(now)
        limits = self.quota_settings
        with self._tx(JOBS_CHANNEL, EVENTS_CHANNEL):
            # 0. One enqueue at a time where the transaction alone does not serialise (PostgreSQL).
            if self.sql.enqueue_lock is not None:
                self.db.execute(self.sql.enqueue_lock)
            # 1. The user (created on first sight) must not be banned.
            self.db.execute("INSERT INTO users (id, created) VALUES (?, ?) ON CONFLICT(id) DO NOTHING", (owner, now))
            if scalar(self.db, "SELECT banned FROM users WHERE id = ?", (owner,)):
                raise Banned()
            # 2. Queue caps: per user (queued + running), then the whole queue.
            if queue.active_count(self.db, owner) >= limits.max_queued:
                raise QueueFull()
            if queue.queued_count(self.db) >= limits.max_queue:
                raise QueueFull("global queue cap", text_key="queue_full_global")
            # 3. A remix must start from the user's own clip.
            if parent_clip_id is not None and scalar(
                self.db, "SELECT owner FROM clips WHERE id = ?", (parent_clip_id,)
            ) != owner:
                raise NotFound()
            # 4. Credit: today's free allowance first, then paid credits.
            pool = quota.choose_pool(quota.balance(self.db, owner, day, limits.daily_free))
            if pool is None:
                raise QuotaExceeded()
            # 5. The job row, its reservation and the 'queued' event commit together.
            job = queue.insert_job(
                self.db,
                {
                    "owner": owner, "chat_id": chat_id, "premise": premise, "style": style,
                    "art_style": art_style, "language": language, "script_json": script_json, "seed": seed,
                    "max_attempts": self.worker_settings.max_attempts, "utc_day": day,
                    "parent_clip_id": parent_clip_id, "premise_message_id": premise_message_id, "now": now,
                },
            )  # fmt: skip
            quota.reserve(self.db, owner, job["id"], pool, day, now)
            queue.emit(self.db, job, "queued", {"position": queue.position(self.db, job["id"])}, now)
        return Job.from_row(job)

    def claim(self, worker_id: str, lease_s: float | None = None) -> ClaimedJob | None:
        """Lease the next job (or one whose lease expired) to ``worker_id`` with a fresh claim token;
        a registered worker's row turns 'busy' in the same transaction (no extra commit)."""
        now = self.clock()
        lease = self.worker_settings.lease_s if lease_s is None else lease_s
        token = queue.new_token()
        # 1. Leases that ran out on the last attempt: dead, refunded once, announced. At most once a
        #    second, and whenever nothing was claimable (such jobs are never claimable anyway).
        reaped = now >= self._reap_after
        if reaped:
            self._reap(now)
        # 2. The claim. PostgreSQL: one auto-committed statement that also marks the worker row busy;
        #    SQLite: the worker row in the same BEGIN IMMEDIATE transaction.
        if self.sql.claim_marks_worker:
            row = queue.claim(self.db, self.sql, worker_id, lease, now, token)
        else:
            with self._tx():
                row = queue.claim(self.db, self.sql, worker_id, lease, now, token)
                if row is not None:
                    self.db.execute(
                        "UPDATE workers SET state = 'busy', job_id = ?, heartbeat = ? WHERE worker_id = ?",
                        (row["id"], now, worker_id),
                    )
        if row is None and not reaped:
            self._reap(now)
        return ClaimedJob(Job.from_row(row), token) if row else None

    def _reap(self, now: float) -> None:
        with self._tx():
            dead = queue.reap_expired(self.db, self.sql, now)
        if dead:
            self._wake(EVENTS_CHANNEL)
        self._reap_after = now + REAP_EVERY_S

    def heartbeat(
        self,
        job_id: int,
        token: str,
        stage: str | None = None,
        fraction: float | None = None,
        lease_s: float | None = None,
    ) -> bool:
        """Renew the lease (and record progress). False when ``token`` is no longer the job's claim."""
        now = self.clock()
        lease = self.worker_settings.lease_s if lease_s is None else lease_s
        with self._tx(*((EVENTS_CHANNEL,) if stage is not None else ())):
            job = queue.renew(self.db, job_id, token, lease, now, stage, fraction)
            if job is not None and stage is not None:
                queue.emit_progress(self.db, job, stage, job["progress_fraction"] or 0.0, now)
        return job is not None

    def complete(
        self, job_id: int, token: str, clip: ClipFile, *, process_render_s: float | None = None
    ) -> Clip | None:
        """Record the finished clip, commit the credit, emit 'done'. None when the token is stale.
        A thumbnail that is not on disk is recorded as none (delivery would otherwise fail on it).
        The 'done' event carries ``render_s`` (finished - started) and, when the worker measured it,
        ``process_render_s`` (its seconds in the render pipeline): the bot's metrics observe both.
        With ``clips_in_db`` the files are copied into the database in the same transaction."""
        now = self.clock()
        thumbnail = str(clip.thumbnail) if clip.thumbnail.is_file() else None
        if self.sql.complete is not None:  # PostgreSQL: all of it in one statement
            return self._complete_in_one(job_id, token, clip, thumbnail, now, process_render_s)
        with self._tx(EVENTS_CHANNEL):
            job = queue.finish_done(self.db, job_id, token, now)
            if job is None:
                return None
            in_db = self.clips_in_db
            saved = queue.insert_clip(
                self.db,
                {
                    "job_id": job_id, "owner": job["owner"], "width": clip.width, "height": clip.height,
                    "path": blobs.stored_name(job_id, "video") if in_db else str(clip.path),
                    "duration": clip.duration, "size_bytes": clip.size_bytes, "created": now,
                    "thumbnail": blobs.stored_name(job_id, "thumbnail") if in_db and thumbnail else thumbnail,
                },
            )  # fmt: skip
            if in_db:  # the files travel with the commit: the bot needs no access to this host's disk
                blobs.write(self.db, saved.id, "video", clip.path)
                if thumbnail:
                    blobs.write(self.db, saved.id, "thumbnail", clip.thumbnail)
            quota.settle(self.db, job_id, "commit", now)
            payload: dict[str, float | int] = {"clip_id": saved.id}
            if job["started"] is not None:
                payload["render_s"] = round(max(0.0, now - job["started"]), 3)
            if process_render_s is not None:
                payload["process_render_s"] = round(process_render_s, 3)
            queue.emit(self.db, job, "done", payload, now)
        return dataclasses.replace(saved, premise=job["premise"])

    def _complete_in_one(
        self, job_id: int, token: str, clip: ClipFile, thumbnail: str | None, now: float, process_render_s: float | None
    ) -> Clip | None:
        """``complete`` as one auto-committed statement (``Dialect.complete``): one round trip, one commit."""
        assert self.sql.complete is not None
        in_db = self.clips_in_db
        row = one(
            self.db,
            self.sql.complete,
            {
                "id": job_id, "token": token, "now": now, "width": clip.width, "height": clip.height,
                "duration": clip.duration, "size_bytes": clip.size_bytes,
                "path": blobs.stored_name(job_id, "video") if in_db else str(clip.path),
                "thumbnail": blobs.stored_name(job_id, "thumbnail") if in_db and thumbnail else thumbnail,
                "video": blobs.chunks(clip.path) if in_db else [],
                "thumb": blobs.chunks(clip.thumbnail) if in_db and thumbnail else [],
                "reserve_key": quota.job_key(job_id, "reserve"), "commit_key": quota.job_key(job_id, "commit"),
                "refund_key": quota.job_key(job_id, "refund"), "process_render_s": process_render_s,
            },
        )  # fmt: skip
        if row is None:
            return None
        self._wake(EVENTS_CHANNEL)
        return Clip.from_row(row)

    def fail(
        self, job_id: int, token: str, error: str, retryable: bool = True, code: str = "render_failed"
    ) -> str | None:
        """Record a failed attempt. Returns the new state: 'queued' (retry after backoff), 'failed'
        (not retryable) or 'dead' (attempts used up) – both refunded once with an event – or None
        when the token is stale."""
        now = self.clock()
        text = queue.clip_error(error)
        with self._tx(JOBS_CHANNEL, EVENTS_CHANNEL):
            job = queue.held(self.db, self.sql, job_id, token)
            if job is None:
                return None
            if retryable and job["attempts"] < job["max_attempts"]:
                delay = queue.backoff_delay(job["attempts"], self.worker_settings.backoff_s, self.rng)
                queue.requeue(self.db, job_id, token, now + delay, code, text, now)
                return "queued"
            state: Literal["dead", "failed"] = "dead" if retryable else "failed"
            final = queue.finish(self.db, job_id, state, code, text, now, token=token)
            assert final is not None  # held under the same write lock
            queue.emit(self.db, final, state, {"code": code, "message": text, "attempts": final["attempts"]}, now)
            return state

    def release(self, job_id: int, token: str) -> bool:
        """Give a claimed job back without counting the attempt (graceful worker shutdown)."""
        with self._tx(JOBS_CHANNEL):
            return queue.release(self.db, job_id, token, self.clock())

    def cancel(self, job_id: int, owner: int) -> bool:
        """Cancel the owner's queued or running job; the credit is refunded exactly once."""
        now = self.clock()
        with self._tx(EVENTS_CHANNEL):
            job = one(self.db, "SELECT owner FROM jobs WHERE id = ?", (job_id,))
            if job is None or job["owner"] != owner:
                return False
            final = queue.finish(self.db, job_id, "cancelled", "cancelled", None, now)
            if final is None:
                return False
            queue.emit(self.db, final, "cancelled", {}, now)
        return True

    def is_cancelled(self, job_id: int) -> bool:
        return scalar(self.db, "SELECT state FROM jobs WHERE id = ?", (job_id,)) == "cancelled"

    def get_job(self, job_id: int) -> Job | None:
        row = one(self.db, "SELECT * FROM jobs WHERE id = ?", (job_id,))
        return Job.from_row(row) if row else None

    def active_jobs(self, owner: int) -> list[Job]:
        found = rows(
            self.db, "SELECT * FROM jobs WHERE owner = ? AND state IN ('queued', 'running') ORDER BY id", (owner,)
        )
        return [Job.from_row(r) for r in found]

    def queue_position(self, job_id: int) -> int | None:
        """1 = next to render, 0 = rendering now, None = not waiting."""
        return queue.position(self.db, job_id)

    def set_status_message(self, job_id: int, chat_id: int, message_id: int) -> None:
        self.db.execute(
            "UPDATE jobs SET status_chat_id = ?, status_message_id = ? WHERE id = ?", (chat_id, message_id, job_id)
        )

    # -- drafts -----------------------------------------------------------------------------------

    def save_draft(self, draft: Draft, per_user: int = drafts.DRAFTS_PER_USER) -> bool:
        """Insert or update ``draft`` (id, owner and created stay); the owner's oldest drafts beyond
        ``per_user`` are dropped. False (nothing written) when the id belongs to another owner."""
        with self._tx():
            return drafts.save(self.db, draft, per_user)

    def get_draft(self, draft_id: str) -> Draft | None:
        """The draft with this id (any owner: callers check ownership); None when absent or expired."""
        return drafts.get(self.db, draft_id, self.clock())

    def take_draft(self, draft_id: str) -> Draft | None:
        """Remove and return the live draft atomically (a double Confirm press enqueues once)."""
        with self._tx():
            return drafts.take(self.db, draft_id, self.clock())

    def user_drafts(self, owner: int) -> list[Draft]:
        """The owner's live drafts, oldest first."""
        return drafts.of_owner(self.db, owner, self.clock())

    def delete_draft(self, draft_id: str) -> bool:
        return drafts.delete(self.db, draft_id)

    def discard_drafts(self, owner: int) -> int:
        """Delete all the owner's drafts; returns how many rows went (expired ones included)."""
        return drafts.delete_owner(self.db, owner)

    # -- clips ------------------------------------------------------------------------------------

    def get_clip(self, clip_id: int) -> Clip | None:
        row = one(self.db, _GET_CLIP, (clip_id,))
        return Clip.from_row(row) if row else None

    def list_clips(self, owner: int, offset: int = 0, limit: int = 5) -> tuple[list[Clip], int]:
        """A page of the owner's available clips, newest first, and how many there are in total."""
        total = scalar(self.db, _COUNT_AVAILABLE, (owner,))
        page = rows(self.db, _PAGE_AVAILABLE, (owner, max(0, limit), max(0, offset)))
        return [Clip.from_row(r) for r in page], int(total)

    def sent_clips(self, owner: int, limit: int = 50) -> list[Clip]:
        """The owner's clips Telegram holds (a ``file_id``: shareable inline), newest first."""
        found = rows(self.db, _SENT_CLIPS, (owner, max(0, limit)))
        return [Clip.from_row(r) for r in found]

    def get_jobs(self, job_ids: list[int]) -> dict[int, Job]:
        """The jobs with these ids, by id (absent ids are left out)."""
        ids = sorted({int(i) for i in job_ids})
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        found = rows(self.db, f"SELECT * FROM jobs WHERE id IN ({marks})", ids)  # noqa: S608 (placeholders only)
        return {int(r["id"]): Job.from_row(r) for r in found}

    def clip_bytes(self, clip_id: int, kind: blobs.Kind = "video") -> bytes | None:
        """The clip's video (or thumbnail) bytes, from the database or the clips folder; None when
        gone (pruned, deleted) or the clip has no thumbnail."""
        row = one(self.db, "SELECT path, thumbnail FROM clips WHERE id = ?", (clip_id,))
        name = None if row is None else row["path"] if kind == "video" else row["thumbnail"]
        if not name:
            return None
        if str(name).startswith(blobs.PATH_PREFIX):
            return blobs.read(self.db, clip_id, kind)
        try:
            return Path(name).read_bytes()
        except FileNotFoundError:
            return None

    def set_clip_file_id(self, clip_id: int, file_id: str) -> None:
        self.db.execute("UPDATE clips SET file_id = ? WHERE id = ?", (file_id, clip_id))

    def begin_upload(self, clip_id: int) -> int:
        """Record an upload attempt of the clip before it starts; returns how many came before
        (0: the first). Committed before the upload, so it survives a crash during it."""
        with self._tx():
            found = rows(self.db, "UPDATE clips SET upload_attempts = upload_attempts + 1 WHERE id = ? "
                         "RETURNING upload_attempts", (clip_id,))
        return int(found[0]["upload_attempts"]) - 1 if found else 0

    def prune(self, retention_days: int, now: float | None = None) -> int:
        """Delete expired drafts and orphan clip files (always, see ``sweep_orphans``), then clip files older than ``retention_days`` (0 keeps
        every clip) and mark their rows; acknowledged outbox events of that age are deleted. Returns
        the number of clips pruned."""
        now = self.clock() if now is None else now
        drafts.prune(self.db, now)
        self.sweep_orphans(now)
        if retention_days <= 0:
            return 0
        old = rows(
            self.db,
            "SELECT id, job_id, path, thumbnail FROM clips WHERE pruned IS NULL AND created < ?",
            (now - retention_days * DAY_S,),
        )
        root = self.clips_dir.resolve()
        for row in old:
            # 1. Files (or the chunks kept in the database) first (a crash leaves the row to retry);
            #    files only inside the clips folder.
            if str(row["path"]).startswith(blobs.PATH_PREFIX):
                blobs.delete(self.db, row["id"])
            for name in (row["path"], row["thumbnail"]):
                if name and not str(name).startswith(blobs.PATH_PREFIX) and Path(name).resolve().is_relative_to(root):
                    Path(name).unlink(missing_ok=True)
            # The diffusers backend's character sheets for the job (a remix keeps its own copies).
            shutil.rmtree(self.clips_dir.parent / "sheets" / f"job-{int(row['job_id'])}", ignore_errors=True)
            # 2. Then the row.
            self.db.execute("UPDATE clips SET pruned = ? WHERE id = ?", (now, row["id"]))
        # 3. Delivered outbox events of the same age are no longer needed.
        self.db.execute("DELETE FROM events WHERE acked IS NOT NULL AND acked < ?", (now - retention_days * DAY_S,))
        outbox.prune(self.db, now)
        return len(old)

    def sweep_orphans(self, now: float | None = None, grace_s: float = ORPHAN_GRACE_S) -> int:
        """Delete clip files (``<job_id>.mp4`` / ``.jpg`` in the clips folder) that no live clip row
        owns and whose job is not queued or running: a cancel that lands between the worker
        publishing the file and ``complete()`` refunds the job but leaves the file. Files younger
        than ``grace_s`` are left alone (a worker may be about to record them). Returns how many."""
        now = self.clock() if now is None else now
        try:
            entries = [p for p in self.clips_dir.iterdir() if _CLIP_FILE.fullmatch(p.name)]
        except FileNotFoundError:
            return 0
        owned = {
            Path(name).name
            for r in rows(self.db, "SELECT path, thumbnail FROM clips WHERE pruned IS NULL")
            for name in (r["path"], r["thumbnail"])
            if name
        }
        active = {int(r["id"]) for r in rows(self.db, "SELECT id FROM jobs WHERE state IN ('queued', 'running')")}
        swept = 0
        for path in entries:
            if path.name in owned or int(path.name.split(".")[0]) in active:
                continue
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime > now - grace_s:
                    continue
                path.unlink()
                swept += 1
        return swept

    # -- outbox -----------------------------------------------------------------------------------

    def pending_events(self, limit: int = 50) -> list[Event]:
        found = rows(self.db, "SELECT * FROM events WHERE acked IS NULL ORDER BY id LIMIT ?", (limit,))
        return [Event.from_row(r) for r in found]

    def claim_events(self, consumer: str, lease_s: float = 60.0, limit: int = 50) -> list[Event]:
        """Lease jobs with undelivered events to ``consumer`` (one bot process) and return the pending
        events of every job it holds, oldest first: with several bot processes, each job's events are
        delivered by one of them (``storage.outbox``). Each statement commits on its own."""
        found = outbox.claim(self.db, consumer, lease_s, self.clock(), limit)
        return [Event.from_row(r) for r in found]

    def release_events(self, consumer: str) -> int:
        """Give back ``consumer``'s outbox leases (a bot process stopping); returns how many."""
        return outbox.release(self.db, consumer)

    def ack_event(self, event_id: int) -> None:
        self.db.execute("UPDATE events SET acked = ? WHERE id = ? AND acked IS NULL", (self.clock(), event_id))

    def events_for(self, job_id: int) -> list[Event]:
        found = rows(self.db, "SELECT * FROM events WHERE job_id = ? ORDER BY id", (job_id,))
        return [Event.from_row(r) for r in found]

    # -- workers ----------------------------------------------------------------------------------

    def worker_heartbeat(
        self,
        worker_id: str,
        state: WorkerState,
        job_id: int | None = None,
        *,
        pid: int | None = None,
        host: str | None = None,
        gpu: int | None = None,
        started: float | None = None,
    ) -> None:
        """Record that ``worker_id`` is alive in ``state`` (one upsert statement). Pass ``started``
        when the process (re)registers."""
        self.db.execute(
            _WORKER_BEAT,
            {
                "worker_id": worker_id, "pid": pid, "host": host, "gpu": gpu, "state": state,
                "job_id": job_id, "now": self.clock(), "started": started,
            },
        )  # fmt: skip

    def remove_worker(self, worker_id: str) -> bool:
        """Forget a worker (graceful exit). False when it had no row."""
        return self.db.execute("DELETE FROM workers WHERE worker_id = ?", (worker_id,)).rowcount == 1

    def prune_workers(self, older_than_s: float) -> int:
        """Forget workers silent for longer than ``older_than_s`` (killed processes); returns how many."""
        cursor = self.db.execute("DELETE FROM workers WHERE heartbeat < ?", (self.clock() - older_than_s,))
        return int(cursor.rowcount)

    def workers(self) -> list[WorkerInfo]:
        return [WorkerInfo.from_row(r) for r in rows(self.db, "SELECT * FROM workers ORDER BY worker_id")]

    # -- admin ------------------------------------------------------------------------------------

    def jobs_by_state(self) -> dict[str, int]:
        """Job counts for every state (zero included)."""
        found = rows(self.db, "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state")
        return {state: 0 for state in JOB_STATES} | {r["state"]: int(r["n"]) for r in found}

    def render_seconds(self, limit: int = 500) -> list[float]:
        """``finished - started`` of the newest ``limit`` done jobs, newest first."""
        return [float(r["seconds"]) for r in rows(self.db, _RENDER_SECONDS, (max(0, limit),))]

    def stats(self, now: float | None = None) -> Stats:
        now = self.clock() if now is None else now
        day = utc_day(now)
        by_state = {r["state"]: r["n"] for r in rows(self.db, "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state")}
        return Stats(
            users=int(scalar(self.db, "SELECT COUNT(*) FROM users")),
            banned=int(scalar(self.db, "SELECT COUNT(*) FROM users WHERE banned = 1")),
            jobs_by_state=by_state,
            jobs_today=int(scalar(self.db, "SELECT COUNT(*) FROM jobs WHERE utc_day = ?", (day,))),
            done_today=int(scalar(self.db, "SELECT COUNT(*) FROM jobs WHERE utc_day = ? AND state = 'done'", (day,))),
            clips=int(scalar(self.db, "SELECT COUNT(*) FROM clips")),
            clip_bytes=int(scalar(self.db, "SELECT COALESCE(SUM(size_bytes), 0) FROM clips WHERE pruned IS NULL")),
            pending_events=int(scalar(self.db, "SELECT COUNT(*) FROM events WHERE acked IS NULL")),
            **self.sales(),
        )

    def sales(self) -> dict[str, int]:
        """Ledger totals: ``purchases``, ``purchase_stars``, ``refunds`` (reversals), ``refund_stars``."""
        found = one(
            self.db,
            "SELECT COALESCE(SUM(CASE WHEN kind = 'purchase' THEN 1 ELSE 0 END), 0) AS purchases, "
            "COALESCE(SUM(CASE WHEN kind = 'purchase' THEN stars ELSE 0 END), 0) AS purchase_stars, "
            "COALESCE(SUM(CASE WHEN kind = 'reversal' THEN 1 ELSE 0 END), 0) AS refunds, "
            "COALESCE(SUM(CASE WHEN kind = 'reversal' THEN stars ELSE 0 END), 0) AS refund_stars "
            "FROM credit_ledger WHERE kind IN ('purchase', 'reversal')",
        )
        return {name: int(value or 0) for name, value in (found or {}).items()}


class AsyncStore:
    """``Store``'s methods as coroutines. All SQLite work runs on one dedicated thread holding a
    thread-local ``Store``; the event loop only awaits."""

    def __init__(self, path: Target, settings: QuotaSettings | None = None, **kwargs: Any) -> None:
        target: Target = str(path) if pgdb.is_url(path) else Path(path)
        self._factory = functools.partial(Store, target, settings, **kwargs)
        self.url = target if isinstance(target, str) else None
        clips_dir = kwargs.get("clips_dir")
        self.clips_dir = Path(clips_dir) if clips_dir is not None else default_clips_dir(target)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="petreel-db")
        self._local = threading.local()
        self._listeners: dict[str, _Wakeups] = {}

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> AsyncStore:
        return cls(
            settings.database_target, settings.quota, worker=settings.worker, clips_dir=settings.data_dir / "clips",
            **kwargs,
        )  # fmt: skip

    @property
    def listens(self) -> bool:
        """True when the database wakes waiters itself (PostgreSQL LISTEN/NOTIFY)."""
        return self.url is not None

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._factory()
            self._local.store = store
        return store

    def _on_thread(self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return method(self._store(), *args, **kwargs)

    async def _call(self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        call = functools.partial(self._on_thread, method, *args, **kwargs)
        return await loop.run_in_executor(self._executor, call)

    async def open(self) -> AsyncStore:
        """Connect and migrate now (otherwise the first call does)."""
        await self._call(Store.ping)
        return self

    async def close(self) -> None:
        for wakeups in self._listeners.values():
            await wakeups.close()
        self._listeners.clear()

        def close_on_thread() -> None:
            store: Store | None = getattr(self._local, "store", None)
            if store is not None:
                store.close()
                self._local.store = None

        await asyncio.get_running_loop().run_in_executor(self._executor, close_on_thread)
        self._executor.shutdown(wait=False)

    async def __aenter__(self) -> AsyncStore:
        return await self.open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def ensure_user(self, user_id: int, language: str | None = None) -> User:
        return await self._call(Store.ensure_user, user_id, language)

    async def get_user(self, user_id: int) -> User | None:
        return await self._call(Store.get_user, user_id)

    async def set_language(self, user_id: int, language: str) -> None:
        await self._call(Store.set_language, user_id, language)

    async def set_banned(self, user_id: int, banned: bool) -> None:
        await self._call(Store.set_banned, user_id, banned)

    async def quota(self, user_id: int, now: float | None = None) -> QuotaStatus:
        return await self._call(Store.quota, user_id, now)

    async def grant(self, user_id: int, n: int, key: str, kind: str = "grant", stars: int | None = None) -> bool:
        return await self._call(Store.grant, user_id, n, key, kind, stars)

    async def purchase(self, charge_id: str) -> Purchase | None:
        return await self._call(Store.purchase, charge_id)

    async def purchases(self, user_id: int, limit: int = 5) -> list[Purchase]:
        return await self._call(Store.purchases, user_id, limit)

    async def reverse_purchase(self, charge_id: str) -> Reversal | None:
        return await self._call(Store.reverse_purchase, charge_id)

    async def refer(self, user_id: int, referrer: int, credits: int, daily_cap: int) -> referrals.Outcome:
        return await self._call(Store.refer, user_id, referrer, credits, daily_cap)

    async def referred_by(self, user_id: int) -> int | None:
        return await self._call(Store.referred_by, user_id)

    async def ledger(self, user_id: int) -> list[dict[str, Any]]:
        return await self._call(Store.ledger, user_id)

    async def enqueue(
        self,
        owner: int,
        premise: str,
        style: str,
        art_style: str,
        language: str,
        script_json: str,
        seed: int,
        parent_clip_id: int | None = None,
        chat_id: int | None = None,
        premise_message_id: int | None = None,
    ) -> Job:
        return await self._call(
            Store.enqueue, owner, premise, style, art_style, language, script_json, seed, parent_clip_id, chat_id,
            premise_message_id,
        )

    async def claim(self, worker_id: str, lease_s: float | None = None) -> ClaimedJob | None:
        return await self._call(Store.claim, worker_id, lease_s)

    async def heartbeat(
        self,
        job_id: int,
        token: str,
        stage: str | None = None,
        fraction: float | None = None,
        lease_s: float | None = None,
    ) -> bool:
        return await self._call(Store.heartbeat, job_id, token, stage, fraction, lease_s)

    async def complete(
        self, job_id: int, token: str, clip: ClipFile, *, process_render_s: float | None = None
    ) -> Clip | None:
        return await self._call(Store.complete, job_id, token, clip, process_render_s=process_render_s)

    async def fail(
        self, job_id: int, token: str, error: str, retryable: bool = True, code: str = "render_failed"
    ) -> str | None:
        return await self._call(Store.fail, job_id, token, error, retryable, code)

    async def release(self, job_id: int, token: str) -> bool:
        return await self._call(Store.release, job_id, token)

    async def cancel(self, job_id: int, owner: int) -> bool:
        return await self._call(Store.cancel, job_id, owner)

    async def is_cancelled(self, job_id: int) -> bool:
        return await self._call(Store.is_cancelled, job_id)

    async def get_job(self, job_id: int) -> Job | None:
        return await self._call(Store.get_job, job_id)

    async def active_jobs(self, owner: int) -> list[Job]:
        return await self._call(Store.active_jobs, owner)

    async def queue_position(self, job_id: int) -> int | None:
        return await self._call(Store.queue_position, job_id)

    async def set_status_message(self, job_id: int, chat_id: int, message_id: int) -> None:
        await self._call(Store.set_status_message, job_id, chat_id, message_id)

    async def save_draft(self, draft: Draft, per_user: int = drafts.DRAFTS_PER_USER) -> bool:
        return await self._call(Store.save_draft, draft, per_user)

    async def get_draft(self, draft_id: str) -> Draft | None:
        return await self._call(Store.get_draft, draft_id)

    async def take_draft(self, draft_id: str) -> Draft | None:
        return await self._call(Store.take_draft, draft_id)

    async def user_drafts(self, owner: int) -> list[Draft]:
        return await self._call(Store.user_drafts, owner)

    async def delete_draft(self, draft_id: str) -> bool:
        return await self._call(Store.delete_draft, draft_id)

    async def discard_drafts(self, owner: int) -> int:
        return await self._call(Store.discard_drafts, owner)

    async def get_clip(self, clip_id: int) -> Clip | None:
        return await self._call(Store.get_clip, clip_id)

    async def list_clips(self, owner: int, offset: int = 0, limit: int = 5) -> tuple[list[Clip], int]:
        return await self._call(Store.list_clips, owner, offset, limit)

    async def sent_clips(self, owner: int, limit: int = 50) -> list[Clip]:
        return await self._call(Store.sent_clips, owner, limit)

    async def get_jobs(self, job_ids: list[int]) -> dict[int, Job]:
        return await self._call(Store.get_jobs, job_ids)

    async def set_clip_file_id(self, clip_id: int, file_id: str) -> None:
        await self._call(Store.set_clip_file_id, clip_id, file_id)

    async def begin_upload(self, clip_id: int) -> int:
        return await self._call(Store.begin_upload, clip_id)

    async def prune(self, retention_days: int, now: float | None = None) -> int:
        return await self._call(Store.prune, retention_days, now)

    async def sweep_orphans(self, now: float | None = None, grace_s: float = ORPHAN_GRACE_S) -> int:
        return await self._call(Store.sweep_orphans, now, grace_s)

    async def pending_events(self, limit: int = 50) -> list[Event]:
        return await self._call(Store.pending_events, limit)

    async def claim_events(self, consumer: str, lease_s: float = 60.0, limit: int = 50) -> list[Event]:
        return await self._call(Store.claim_events, consumer, lease_s, limit)

    async def release_events(self, consumer: str) -> int:
        return await self._call(Store.release_events, consumer)

    async def clip_bytes(self, clip_id: int, kind: blobs.Kind = "video") -> bytes | None:
        return await self._call(Store.clip_bytes, clip_id, kind)

    async def _wait(self, channel: str, timeout_s: float) -> bool:
        if self.url is None:
            await asyncio.sleep(max(0.0, timeout_s))
            return False
        wakeups = self._listeners.get(channel)
        if wakeups is None:
            wakeups = self._listeners[channel] = _Wakeups(pgdb.AsyncListener(self.url, channel))
        return await wakeups.wait(timeout_s)

    async def wait_for_jobs(self, timeout_s: float) -> bool:
        """``Store.wait_for_jobs`` on the event loop (psycopg's async connection; never the db thread)."""
        return await self._wait(JOBS_CHANNEL, timeout_s)

    async def wait_for_events(self, timeout_s: float) -> bool:
        return await self._wait(EVENTS_CHANNEL, timeout_s)

    async def ack_event(self, event_id: int) -> None:
        await self._call(Store.ack_event, event_id)

    async def events_for(self, job_id: int) -> list[Event]:
        return await self._call(Store.events_for, job_id)

    async def stats(self, now: float | None = None) -> Stats:
        return await self._call(Store.stats, now)

    async def sales(self) -> dict[str, int]:
        return await self._call(Store.sales)

    async def jobs_by_state(self) -> dict[str, int]:
        return await self._call(Store.jobs_by_state)

    async def render_seconds(self, limit: int = 500) -> list[float]:
        return await self._call(Store.render_seconds, limit)

    async def worker_heartbeat(
        self,
        worker_id: str,
        state: WorkerState,
        job_id: int | None = None,
        *,
        pid: int | None = None,
        host: str | None = None,
        gpu: int | None = None,
        started: float | None = None,
    ) -> None:
        await self._call(Store.worker_heartbeat, worker_id, state, job_id, pid=pid, host=host, gpu=gpu, started=started)

    async def remove_worker(self, worker_id: str) -> bool:
        return await self._call(Store.remove_worker, worker_id)

    async def prune_workers(self, older_than_s: float) -> int:
        return await self._call(Store.prune_workers, older_than_s)

    async def workers(self) -> list[WorkerInfo]:
        return await self._call(Store.workers)

    def clip_path(self, job_id: int) -> Path:
        return self.clips_dir / f"{int(job_id)}.mp4"

    async def ping(self) -> bool:
        return await self._call(Store.ping)


LISTEN_CONNECT_S = 10.0  # how long a first wait lets the LISTEN connection open


class _Wakeups:
    """A LISTEN connection read by one task on the event loop; ``wait`` returns once a notification
    arrived since the previous ``wait`` (True) or after the timeout (False).

    ``wait`` first waits (up to ``LISTEN_CONNECT_S``) for the LISTEN to be in place, so once a
    ``wait`` has returned, every later commit's notification is seen: nothing is missed because the
    connection was still opening (polling stays the safety net when it can't open)."""

    def __init__(self, listener: pgdb.AsyncListener) -> None:
        self.listener = listener
        self.flag = asyncio.Event()
        self.listening = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def _read(self) -> None:
        conn = await self.listener.open()
        self.listening.set()
        async for _ in conn.notifies():
            self.flag.set()

    async def wait(self, timeout_s: float) -> bool:
        if self.task is None or self.task.done():
            if self.task is not None and not self.task.cancelled() and self.task.exception() is not None:
                log.warning("LISTEN connection lost (%s); reconnecting", self.task.exception())
            self.listening.clear()
            self.task = asyncio.create_task(self._read(), name="petreel-listen")
        if not self.listening.is_set():
            opened = asyncio.ensure_future(self.listening.wait())
            await asyncio.wait({opened, self.task}, timeout=LISTEN_CONNECT_S, return_when=asyncio.FIRST_COMPLETED)
            opened.cancel()
            if not self.listening.is_set():  # could not LISTEN: behave like a poll interval
                await asyncio.sleep(max(0.0, timeout_s))
                return False
        try:
            await asyncio.wait_for(self.flag.wait(), max(0.0, timeout_s))
        except TimeoutError:
            return False
        self.flag.clear()
        return True

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task
        await self.listener.close()

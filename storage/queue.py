"""The durable job queue and its outbox: SQL operations on ``jobs`` and ``events``.

Every function here runs inside the caller's write transaction (``BEGIN IMMEDIATE`` on SQLite,
``BEGIN`` on PostgreSQL; ``Store._tx``), so a state change and the outbox event announcing it commit together. Writes by a worker name the job
AND its claim token (``WHERE id = ? AND claim_token = ?``): once a lease expires and another worker
claims the job, the old worker's heartbeat, progress, completion and failure are refused.
"""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Mapping
from typing import Any

from storage import quota
from storage.db import one, rows, scalar
from storage.dialect import Db, Dialect
from storage.models import Clip, EventKind, Job

MAX_BACKOFF_S = 600.0
ERROR_TEXT_LIMIT = 1000

# -- pure -----------------------------------------------------------------------------------------


def backoff_delay(attempt: int, base_s: float, rng: random.Random, cap_s: float = MAX_BACKOFF_S) -> float:
    """Seconds before retry number ``attempt`` (1-based): ``base * 2**(attempt-1)``, capped, with ±50 % jitter."""
    raw = min(cap_s, base_s * (2 ** max(0, attempt - 1)))
    return raw * rng.uniform(0.5, 1.5)


def new_token() -> str:
    return secrets.token_hex(16)


def clip_error(text: str) -> str:
    return text if len(text) <= ERROR_TEXT_LIMIT else text[: ERROR_TEXT_LIMIT - 1] + "…"


# -- outbox ---------------------------------------------------------------------------------------


def emit(db: Db, job: Mapping[str, Any], kind: EventKind, payload: Mapping[str, Any], now: float) -> None:
    """Append an outbox event for ``job`` (a jobs row). Private chats share the user's id, so a job
    without a chat id reports to its owner. (No result is read back: on PostgreSQL the insert rides in
    the transaction's pipeline.)"""
    chat_id = job["chat_id"] if job["chat_id"] is not None else job["owner"]
    db.execute(
        "INSERT INTO events (job_id, owner, chat_id, kind, payload, created) VALUES (?, ?, ?, ?, ?, ?)",
        (job["id"], job["owner"], chat_id, kind, json.dumps(dict(payload), ensure_ascii=False), now),
    )


def emit_progress(db: Db, job: Mapping[str, Any], stage: str, fraction: float, now: float) -> None:
    """Progress is lossy: an undelivered progress event of the job is overwritten rather than queued."""
    payload = json.dumps({"stage": stage, "fraction": round(fraction, 4)})
    pending = scalar(
        db,
        "SELECT id FROM events WHERE job_id = ? AND kind = 'progress' AND acked IS NULL ORDER BY id DESC LIMIT 1",
        (job["id"],),
    )
    if pending is not None:
        db.execute("UPDATE events SET payload = ?, created = ? WHERE id = ?", (payload, now, pending))
        return
    emit(db, job, "progress", {"stage": stage, "fraction": round(fraction, 4)}, now)


# -- jobs -----------------------------------------------------------------------------------------


_INSERT_JOB = (
    "INSERT INTO jobs (owner, chat_id, premise, style, art_style, language, script_json, seed, state, attempts, "
    "max_attempts, run_after, utc_day, parent_clip_id, premise_message_id, created, updated) "
    "VALUES (:owner, :chat_id, :premise, :style, :art_style, :language, :script_json, :seed, 'queued', 0, "
    ":max_attempts, :now, :utc_day, :parent_clip_id, :premise_message_id, :now, :now) RETURNING *"
)


def insert_job(db: Db, values: Mapping[str, Any]) -> dict[str, Any]:
    """Insert a queued job; ``values`` has the named parameters of ``_INSERT_JOB``."""
    return rows(db, _INSERT_JOB, dict(values))[0]


def active_count(db: Db, owner: int) -> int:
    return int(scalar(db, "SELECT COUNT(*) FROM jobs WHERE owner = ? AND state IN ('queued', 'running')", (owner,)))


def queued_count(db: Db) -> int:
    return int(scalar(db, "SELECT COUNT(*) FROM jobs WHERE state = 'queued'"))


def position(db: Db, job_id: int) -> int | None:
    """1 = next to be claimed; 0 = rendering now; None = finished or unknown."""
    state = scalar(db, "SELECT state FROM jobs WHERE id = ?", (job_id,))
    if state == "running":
        return 0
    if state != "queued":
        return None
    ahead = scalar(db, "SELECT COUNT(*) FROM jobs WHERE state = 'queued' AND id < ?", (job_id,))
    return int(ahead) + 1


def reap_expired(db: Db, sql: Dialect, now: float) -> list[dict[str, Any]]:
    """Running jobs whose lease ran out with no attempts left become ``dead`` (refund + event)."""
    dead = rows(db, sql.reap, {"now": now})
    for job in dead:
        quota.settle(db, job["id"], "refund", now)
        emit(db, job, "dead", {"code": job["error_code"], "message": job["error"], "attempts": job["attempts"]}, now)
    return dead


def claim(db: Db, sql: Dialect, worker_id: str, lease_s: float, now: float, token: str) -> dict[str, Any] | None:
    """One statement (``sql.claim``): the oldest due queued job, or a running one whose lease expired
    (re-leased, counting another attempt). ``started`` is set on every claim: render time is of the last attempt."""
    return one(db, sql.claim, {"token": token, "worker": worker_id, "lease": now + lease_s, "now": now})


def renew(
    db: Db, job_id: int, token: str, lease_s: float, now: float, stage: str | None, fraction: float | None
) -> dict[str, Any] | None:
    return one(
        db,
        "UPDATE jobs SET lease_expires = :lease, updated = :now, "
        "progress_stage = COALESCE(:stage, progress_stage), "
        "progress_fraction = COALESCE(:fraction, progress_fraction) "
        "WHERE id = :id AND claim_token = :token AND state = 'running' RETURNING *",
        {"lease": now + lease_s, "now": now, "stage": stage, "fraction": fraction, "id": job_id, "token": token},
    )


def finish_done(db: Db, job_id: int, token: str, now: float) -> dict[str, Any] | None:
    return one(
        db,
        "UPDATE jobs SET state = 'done', progress_stage = 'done', progress_fraction = 1.0, "
        "claim_token = NULL, lease_expires = NULL, error_code = NULL, error = NULL, "
        "finished = :now, updated = :now "
        "WHERE id = :id AND claim_token = :token AND state = 'running' RETURNING *",
        {"now": now, "id": job_id, "token": token},
    )


_INSERT_CLIP = (
    "INSERT INTO clips (job_id, owner, path, width, height, duration, size_bytes, thumbnail, created) "
    "VALUES (:job_id, :owner, :path, :width, :height, :duration, :size_bytes, :thumbnail, :created) RETURNING *"
)


def insert_clip(db: Db, values: Mapping[str, Any]) -> Clip:
    return Clip.from_row(rows(db, _INSERT_CLIP, dict(values))[0])


def held(db: Db, sql: Dialect, job_id: int, token: str) -> dict[str, Any] | None:
    """The job ``token`` holds, locked until the transaction ends (None: the token is stale)."""
    return one(db, sql.held, (job_id, token))


def requeue(db: Db, job_id: int, token: str, run_after: float, code: str, error: str, now: float) -> None:
    db.execute(
        "UPDATE jobs SET state = 'queued', run_after = ?, claim_token = NULL, lease_expires = NULL, "
        "error_code = ?, error = ?, updated = ? WHERE id = ? AND claim_token = ?",
        (run_after, code, error, now, job_id, token),
    )


_FINISH_SET = (
    "UPDATE jobs SET state = :state, error_code = :code, error = :error, claim_token = NULL, "
    "lease_expires = NULL, finished = :now, updated = :now "
)
_FINISH_HELD = _FINISH_SET + "WHERE id = :id AND claim_token = :token AND state = 'running' RETURNING *"
_FINISH_ACTIVE = _FINISH_SET + "WHERE id = :id AND state IN ('queued', 'running') RETURNING *"


def finish(
    db: Db, job_id: int, state: str, code: str | None, error: str | None, now: float, token: str | None = None
) -> dict[str, Any] | None:
    """Move a job to a final failure state (failed/dead/cancelled) and refund its credit once."""
    sql = _FINISH_HELD if token is not None else _FINISH_ACTIVE
    job = one(db, sql, {"state": state, "code": code, "error": error, "now": now, "id": job_id, "token": token})
    if job is not None:
        quota.settle(db, job_id, "refund", now)
    return job


def release(db: Db, job_id: int, token: str, now: float) -> bool:
    """Hand a claimed job back untouched (worker shutting down): queued again, the attempt not counted."""
    cursor = db.execute(
        "UPDATE jobs SET state = 'queued', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, "
        "claim_token = NULL, "
        "lease_expires = NULL, worker_id = NULL, run_after = ?, updated = ? "
        "WHERE id = ? AND claim_token = ? AND state = 'running'",
        (now, now, job_id, token),
    )
    return cursor.rowcount == 1


def to_job(row: Mapping[str, Any]) -> Job:
    return Job.from_row(row)

"""Outbox leases: each job's undelivered events are leased to one bot process at a time.

With more than one bot process (webhook mode behind a load balancer) every process runs a delivery
loop over the same outbox. ``claim`` leases jobs that have unacknowledged events to ``consumer`` for
``lease_s`` (one ``INSERT … ON CONFLICT DO UPDATE … WHERE`` per job: taken only when free, expired or
already ours) and renews the consumer's other leases, so a job's events are delivered by one process,
in order, and are never sent twice while that process is alive. A process that dies leaves its
leases to expire; another one then takes the job over (at-least-once, like a job's claim).
The same SQL runs on both backends, inside the caller's write transaction.
"""

from __future__ import annotations

from typing import Any

from storage.db import rows
from storage.dialect import Db

_RENEW = "UPDATE outbox_leases SET expires = :until WHERE owner = :owner"
# Jobs with pending events that no other consumer holds: with more pending jobs than ``limit``, a
# second process works on the next ones instead of retrying the first process's jobs every tick.
_CANDIDATES = (
    "SELECT job_id FROM events WHERE acked IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_leases "
    "WHERE outbox_leases.job_id = events.job_id AND outbox_leases.owner <> :owner AND outbox_leases.expires >= :now) "
    "GROUP BY job_id ORDER BY MIN(id) LIMIT :jobs"
)
_TAKE = (
    "INSERT INTO outbox_leases (job_id, owner, expires) VALUES (:job_id, :owner, :until) "
    "ON CONFLICT (job_id) DO UPDATE SET owner = excluded.owner, expires = excluded.expires "
    "WHERE outbox_leases.owner = excluded.owner OR outbox_leases.expires < :now"
)
_LEASED_EVENTS = (
    "SELECT events.* FROM events JOIN outbox_leases ON outbox_leases.job_id = events.job_id "
    "WHERE outbox_leases.owner = :owner AND events.acked IS NULL ORDER BY events.id LIMIT :limit"
)


def claim(db: Db, consumer: str, lease_s: float, now: float, limit: int) -> list[dict[str, Any]]:
    """Lease up to ``limit`` jobs with pending events to ``consumer``; returns the pending events of
    every job it holds (oldest first, at most ``limit``)."""
    until = now + lease_s
    # 1. Keep what we hold (deliveries in flight); 2. take free or expired jobs; 3. their events.
    db.execute(_RENEW, {"until": until, "owner": consumer})
    for row in rows(db, _CANDIDATES, {"jobs": limit, "owner": consumer, "now": now}):
        db.execute(_TAKE, {"job_id": row["job_id"], "owner": consumer, "until": until, "now": now})
    return rows(db, _LEASED_EVENTS, {"owner": consumer, "limit": limit})


def release(db: Db, consumer: str) -> int:
    """Give back every lease of ``consumer`` (a bot process stopping)."""
    return int(db.execute("DELETE FROM outbox_leases WHERE owner = ?", (consumer,)).rowcount)


def prune(db: Db, now: float) -> int:
    """Forget expired leases of jobs with nothing left to deliver."""
    return int(
        db.execute(
            "DELETE FROM outbox_leases WHERE expires < ? AND NOT EXISTS "
            "(SELECT 1 FROM events WHERE events.job_id = outbox_leases.job_id AND events.acked IS NULL)",
            (now,),
        ).rowcount
    )

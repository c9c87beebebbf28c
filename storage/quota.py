"""Quotas: pure maths (free allowance per UTC day, then paid credits) and credit-ledger operations.

The ledger is append-only (triggers refuse UPDATE/DELETE). Amounts per row:
``grant``/``purchase`` +n (pool ``paid``); ``reserve`` -1 (pool ``free`` or ``paid``, taken at enqueue);
``commit`` 0 (the reservation was spent on a delivered clip); ``refund`` +1 (same pool as the reserve);
``reversal`` -u (pool ``paid``): a purchase refunded in Stars takes back its *unspent* credits ``u``.
So ``credits = SUM(amount) WHERE pool='paid'`` and ``free used on day D = -SUM(amount) WHERE pool='free'
AND utc_day=D``. Job rows use keys ``job:<id>:<kind>``, so a job is reserved, committed and refunded at
most once each; ``settle`` refuses to commit a refunded job or refund a committed one.

Unspent credits of a refunded purchase: ``u = min(pack credits, paid balance at the refund)``, where the
paid balance already excludes credits reserved by queued or running jobs. Credits are not tracked per
purchase, so the newest purchase is taken to be spent last: whatever the user still holds, up to the
pack, goes back; what was spent stays spent, and the balance never goes below zero. A job that was
reserving a paid credit and is refunded later gives that credit back as usual. Purchases are keyed
``purchase:<charge id>``, reversals ``reversal:<charge id>``, so each charge is credited once and
reversed once, whoever asks (an admin's ``/refund``, Telegram's ``refunded_payment``) and however often.

The ledger functions run inside the caller's ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import time
from typing import Any

from petreel.clock import utc_day
from storage.db import one, rows, scalar
from storage.dialect import Db
from storage.models import Pool, Purchase, QuotaStatus

# -- pure -----------------------------------------------------------------------------------------


def quota_status(daily_free: int, free_used_today: int, credits: int) -> QuotaStatus:
    used = max(0, free_used_today)
    return QuotaStatus(limit=daily_free, used_today=used, free_left=max(0, daily_free - used), credits=max(0, credits))


def choose_pool(status: QuotaStatus) -> Pool | None:
    """Where the next clip's credit comes from: today's free allowance first, then paid credits."""
    if status.free_left > 0:
        return "free"
    if status.credits > 0:
        return "paid"
    return None


def job_key(job_id: int, kind: str) -> str:
    return f"job:{job_id}:{kind}"


# -- ledger operations (inside the caller's transaction) -----------------------------------------


def balance(db: Db, user_id: int, day: str, daily_free: int) -> QuotaStatus:
    free_used = -int(
        scalar(
            db,
            "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE user_id = ? AND pool = 'free' AND utc_day = ?",
            (user_id, day),
        )
    )
    credits = int(
        scalar(db, "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE user_id = ? AND pool = 'paid'", (user_id,))
    )
    return quota_status(daily_free, free_used, credits)


def unspent(pack_credits: int, paid_balance: int) -> int:
    """The credits a refunded purchase takes back (see the module docstring)."""
    return max(0, min(pack_credits, paid_balance))


def add_credits(
    db: Db, user_id: int, n: int, key: str, kind: str = "grant", now: float | None = None, stars: int | None = None
) -> bool:
    """Append a grant/purchase row; False when ``key`` was already used (idempotent payments)."""
    if kind not in ("grant", "purchase"):
        raise ValueError(f"not a credit kind: {kind}")
    if n <= 0:  # the ledger is append-only: a negative grant could never be taken back
        raise ValueError(f"credits to add must be positive, got {n}")
    now = time.time() if now is None else now
    cursor = db.execute(
        "INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created, stars) "
        "VALUES (?, ?, 'paid', ?, NULL, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
        (user_id, kind, n, utc_day(now), f"{kind}:{key}", now, stars),
    )
    return cursor.rowcount == 1


def reserve(db: Db, user_id: int, job_id: int, pool: Pool, day: str, now: float) -> None:
    db.execute(
        "INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created) "
        "VALUES (?, 'reserve', ?, -1, ?, ?, ?, ?)",
        (user_id, pool, job_id, day, job_key(job_id, "reserve"), now),
    )


def settle(db: Db, job_id: int, kind: str, now: float) -> bool:
    """Commit (``kind='commit'``) or refund (``kind='refund'``) a job's reservation, at most once.

    Copies user, pool and day from the job's ``reserve`` row; does nothing when there is no
    reservation, when it is already settled either way, or when the key exists. True if a row was added.
    """
    if kind not in ("commit", "refund"):
        raise ValueError(f"not a settle kind: {kind}")
    amount = 1 if kind == "refund" else 0
    cursor = db.execute(
        "INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created) "
        "SELECT r.user_id, ?, r.pool, ?, r.job_id, r.utc_day, ?, ? FROM credit_ledger r "
        "WHERE r.key = ? AND NOT EXISTS (SELECT 1 FROM credit_ledger s WHERE s.key IN (?, ?)) "
        "ON CONFLICT(key) DO NOTHING",
        (
            kind,
            amount,
            job_key(job_id, kind),
            now,
            job_key(job_id, "reserve"),
            job_key(job_id, "commit"),
            job_key(job_id, "refund"),
        ),
    )
    return cursor.rowcount == 1


# -- purchases and their reversals ----------------------------------------------------------------

_PURCHASES = (
    "SELECT p.key, p.user_id, p.amount, p.stars, p.created, r.amount AS reversed, r.created AS reversed_at "
    "FROM credit_ledger p LEFT JOIN credit_ledger r ON r.key = 'reversal:' || SUBSTR(p.key, 10) "
    "WHERE p.kind = 'purchase'"
)


def _purchase(row: dict[str, Any]) -> Purchase:
    return Purchase(
        charge_id=str(row["key"]).removeprefix("purchase:"),
        user_id=int(row["user_id"]),
        credits=int(row["amount"]),
        stars=None if row["stars"] is None else int(row["stars"]),
        created=float(row["created"]),
        reversed_credits=None if row["reversed"] is None else -int(row["reversed"]),
        reversed_at=None if row["reversed_at"] is None else float(row["reversed_at"]),
    )


def purchase(db: Db, charge_id: str) -> Purchase | None:
    row = one(db, _PURCHASES + " AND p.key = ?", (f"purchase:{charge_id}",))
    return _purchase(row) if row else None


def purchases(db: Db, user_id: int, limit: int) -> list[Purchase]:
    """The user's purchases, newest first, each with its reversal if refunded."""
    found = rows(db, _PURCHASES + " AND p.user_id = ? ORDER BY p.id DESC LIMIT ?", (user_id, max(0, limit)))
    return [_purchase(r) for r in found]


def reverse(db: Db, charge_id: str, now: float) -> tuple[Purchase, bool] | None:
    """Take back the unspent credits of the purchase ``charge_id``, once (key ``reversal:<charge id>``).

    None when no such purchase is recorded; otherwise the purchase as it stands and whether this call
    wrote the reversal. The caller serialises it with enqueues (the balance is read, then written)."""
    found = purchase(db, charge_id)
    if found is None:
        return None
    if found.refunded:
        return found, False
    credits = int(
        scalar(db, "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE user_id = ? AND pool = 'paid'", (found.user_id,))
    )
    taken = unspent(found.credits, credits)
    cursor = db.execute(
        "INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created, stars) "
        "VALUES (?, 'reversal', 'paid', ?, NULL, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
        (found.user_id, -taken, utc_day(now), f"reversal:{charge_id}", now, found.stars),
    )
    after = purchase(db, charge_id)
    assert after is not None
    return after, cursor.rowcount == 1

"""Referrals: a new user who arrived by someone's ref link, and the credit each side gets for it.

Both credits are ledger ``grant`` rows with unique keys (``quota.add_credits`` prefixes the kind):
``grant:referral:<new user>`` for the new user and ``grant:referral:<new user>:referrer`` for the one
who invited them. So a new user is credited at most once, whoever's link they used, however often the
``/start`` update arrives (the key is refused the second time), and the referrer row records who
referred them. A referrer earns at most ``daily_cap`` such credits per UTC day (their credited
referrer rows of that day are counted under the caller's write lock); past the cap both rows are still
written, with amount 0, so who referred whom is recorded and the new user is never credited later.
Runs inside the caller's transaction.
"""

from __future__ import annotations

from typing import Literal

from storage import quota
from storage.db import scalar
from storage.dialect import Db

Outcome = Literal["credited", "seen", "capped", "self", "off"]

_TODAY_BY = (
    "SELECT COUNT(*) FROM credit_ledger WHERE user_id = ? AND kind = 'grant' AND utc_day = ? "
    "AND amount > 0 AND key LIKE ?"
)
_REFERRER_KEYS = "grant:referral:%:referrer"  # a parameter: a literal ':word' would read as a placeholder


def invitee_key(user_id: int) -> str:
    return f"referral:{int(user_id)}"


def referrer_key(user_id: int) -> str:
    return f"referral:{int(user_id)}:referrer"


def referred_by(db: Db, user_id: int) -> int | None:
    """Who referred ``user_id`` (the owner of the referrer row), if anyone was credited for it."""
    found = scalar(db, "SELECT user_id FROM credit_ledger WHERE key = ?", (f"grant:{referrer_key(user_id)}",))
    return int(found) if found is not None else None


def credit(db: Db, user_id: int, referrer: int, credits: int, daily_cap: int, day: str, now: float) -> Outcome:
    """Credit a new user and their referrer once (see the module docstring)."""
    # 1. nothing to give, or a link to oneself
    if credits <= 0:
        return "off"
    if user_id == referrer:
        return "self"
    # 2. this new user was already credited (by this link or another one)
    if scalar(db, "SELECT 1 FROM credit_ledger WHERE key = ?", (f"grant:{invitee_key(user_id)}",)):
        return "seen"
    # 3. the referrer's daily cap: past it, the referral is recorded without credits
    capped = int(scalar(db, _TODAY_BY, (referrer, day, _REFERRER_KEYS))) >= daily_cap
    amount = 0 if capped else credits
    # 4. both rows, or neither (a concurrent duplicate loses on the unique key and adds nothing)
    if not _record(db, user_id, amount, invitee_key(user_id), day, now):
        return "seen"
    _record(db, referrer, amount, referrer_key(user_id), day, now)
    return "capped" if capped else "credited"


def _record(db: Db, user_id: int, amount: int, key: str, day: str, now: float) -> bool:
    """One referral ``grant`` row (``quota.add_credits`` writes only positive amounts); False when
    the key exists."""
    if amount > 0:
        return quota.add_credits(db, user_id, amount, key, "grant", now)
    cursor = db.execute(
        "INSERT INTO credit_ledger (user_id, kind, pool, amount, job_id, utc_day, key, created) "
        "VALUES (?, 'grant', 'paid', 0, NULL, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
        (user_id, day, f"grant:{key}", now),
    )
    return cursor.rowcount == 1

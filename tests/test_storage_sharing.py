"""Storage for sharing, on both backends: the clips a user can share inline, and referral credits
(once per new user, not to oneself, capped per referrer per UTC day, all in the append-only ledger)."""

from __future__ import annotations

import threading
from pathlib import Path

from storage.store import Store
from tests.fakes.clock import Clock
from tests.test_storage_queue import clock, enqueue, finish, store  # noqa: F401 (fixtures)

__all__ = ["clock", "store"]


def referral_rows(store: Store, user_id: int) -> list[tuple[str, int]]:
    return [(r["key"], r["amount"]) for r in store.ledger(user_id) if "referral" in r["key"]]


def test_sent_clips_are_the_owners_clips_telegram_holds_newest_first(store: Store) -> None:
    first, second, other = (finish(store, enqueue(store, owner), owner) for owner in (1, 1, 2))
    unsent = finish(store, enqueue(store, 1), 1)
    for clip_id in (first, second, other):
        store.set_clip_file_id(clip_id, f"file-{clip_id}")
    assert [c.id for c in store.sent_clips(1)] == [second, first]  # no file_id yet: not shareable
    assert [c.id for c in store.sent_clips(1, limit=1)] == [second]
    assert [c.id for c in store.sent_clips(2)] == [other] and store.sent_clips(3) == []
    assert unsent not in [c.id for c in store.sent_clips(1)]
    jobs = store.get_jobs([c.job_id for c in store.sent_clips(1)] + [999_999])
    assert sorted(jobs) == sorted(c.job_id for c in store.sent_clips(1)) and all(j.owner == 1 for j in jobs.values())
    assert store.get_jobs([]) == {}


def test_a_referral_credits_both_sides_once(store: Store) -> None:
    store.ensure_user(1)
    assert store.refer(2, 1, credits=1, daily_cap=5) == "credited"
    assert store.quota(2).credits == 1 and store.quota(1).credits == 1
    assert store.referred_by(2) == 1 and store.referred_by(1) is None
    # the same new user again, by this link or another referrer's: nothing more
    assert store.refer(2, 1, credits=1, daily_cap=5) == "seen"
    assert store.refer(2, 3, credits=1, daily_cap=5) == "seen"
    assert store.quota(2).credits == 1 and store.quota(1).credits == 1 and store.quota(3).credits == 0
    assert referral_rows(store, 2) == [("grant:referral:2", 1)]
    assert referral_rows(store, 1) == [("grant:referral:2:referrer", 1)]
    # oneself, or switched off: nothing
    assert store.refer(4, 4, credits=1, daily_cap=5) == "self"
    assert store.refer(5, 1, credits=0, daily_cap=5) == "off"
    assert store.quota(4).credits == 0 and store.quota(5).credits == 0


def test_a_referrer_earns_at_most_the_daily_cap_per_utc_day(store: Store, clock: Clock) -> None:
    store.ensure_user(1)
    assert [store.refer(n, 1, credits=2, daily_cap=2) for n in (10, 11, 12)] == ["credited", "credited", "capped"]
    assert store.quota(1).credits == 4 and store.quota(12).credits == 0
    assert store.referred_by(12) == 1  # recorded, without credits
    assert referral_rows(store, 12) == [("grant:referral:12", 0)]
    clock.now += 86_400  # a new UTC day: the cap starts again, for new users
    assert store.refer(12, 1, credits=2, daily_cap=2) == "seen"  # the capped one stays uncredited
    assert store.refer(13, 1, credits=2, daily_cap=2) == "credited"
    assert store.quota(1).credits == 6 and store.quota(13).credits == 2 and store.quota(12).credits == 0


def test_concurrent_referrals_respect_the_cap_exactly(store: Store) -> None:
    store.ensure_user(1)
    outcomes: list[str] = []
    lock = threading.Lock()

    def refer(user_id: int) -> None:
        with store.reopen() as mine:
            outcome = mine.refer(user_id, 1, credits=1, daily_cap=3)
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=refer, args=(100 + i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["capped"] * 5 + ["credited"] * 3
    assert store.quota(1).credits == 3


def test_referral_rows_survive_as_append_only_ledger_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db") as s:
        s.ensure_user(1)
        s.refer(2, 1, credits=1, daily_cap=1)
    with Store(tmp_path / "p.db") as s:  # reopened: still once
        assert s.refer(2, 1, credits=1, daily_cap=1) == "seen" and s.quota(1).credits == 1

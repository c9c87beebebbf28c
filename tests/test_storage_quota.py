"""Quotas: the pure maths, reservations at enqueue, refunds, caps and concurrent reservations."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from petreel.clock import utc_day
from petreel.errors import Banned, NotFound, QueueFull, QuotaExceeded
from petreel.settings import QuotaSettings, WorkerSettings
from render.stages import ClipInfo
from storage import quota
from storage.db import immediate
from storage.models import QuotaStatus
from storage.store import Store
from tests.fakes.clock import Clock


def make_store(path: Path | str, clock: Clock | None = None, **limits: int) -> Store:
    settings = QuotaSettings(**{"daily_free": 3, "max_queued": 100, "max_queue": 1000, **limits})
    return Store(path, settings, worker=WorkerSettings(backoff_s=0.0), clock=clock or Clock())


def enqueue(store: Store, owner: int = 1, premise: str = "a cat gets rich") -> int:
    return store.enqueue(owner, premise, "ginger-cat", "storyboard", "en", "{}", 7).id


def kinds(store: Store, owner: int) -> list[tuple[str, str, int]]:
    return [(r["kind"], r["pool"], r["amount"]) for r in store.ledger(owner)]


# -- pure -----------------------------------------------------------------------------------------


def test_utc_day_changes_at_utc_midnight() -> None:
    midnight = datetime(2025, 3, 2, tzinfo=UTC).timestamp()
    assert utc_day(midnight - 0.001) == "2025-03-01"
    assert utc_day(midnight) == "2025-03-02"
    # the same day for datetimes: an aware one is converted, a naive one is taken as UTC
    assert utc_day(datetime(2025, 3, 2, 7, 59, tzinfo=timezone(timedelta(hours=8)))) == "2025-03-01"
    assert utc_day(datetime(2025, 3, 2, 0, 0)) == "2025-03-02"


def test_quota_status_and_pool_choice() -> None:
    assert quota.quota_status(3, 1, 0) == QuotaStatus(limit=3, used_today=1, free_left=2, credits=0)
    assert quota.quota_status(3, 5, -2) == QuotaStatus(limit=3, used_today=5, free_left=0, credits=0)
    assert quota.choose_pool(quota.quota_status(3, 2, 4)) == "free"
    assert quota.choose_pool(quota.quota_status(3, 3, 4)) == "paid"
    assert quota.choose_pool(quota.quota_status(3, 3, 0)) is None
    assert quota.quota_status(3, 1, 4).available == 6


# -- reservations ---------------------------------------------------------------------------------


def test_free_allowance_first_then_paid_credits_then_refusal(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, daily_free=2) as store:
        store.grant(1, 1, "gift")
        for _ in range(3):
            enqueue(store)
        assert store.quota(1) == QuotaStatus(limit=2, used_today=2, free_left=0, credits=0)
        with pytest.raises(QuotaExceeded):
            enqueue(store)
        assert kinds(store, 1) == [
            ("grant", "paid", 1),
            ("reserve", "free", -1),
            ("reserve", "free", -1),
            ("reserve", "paid", -1),
        ]
        assert len(store.active_jobs(1)) == 3  # the refused one left no job behind


def test_free_allowance_resets_at_the_next_utc_day(tmp_path: Path, db_target: Path | str) -> None:
    clock = Clock()
    with make_store(db_target, clock, daily_free=1) as store:
        enqueue(store)
        with pytest.raises(QuotaExceeded):
            enqueue(store)
        clock.now += 86_400
        enqueue(store)
        assert store.quota(1).used_today == 1
        assert [j.utc_day for j in store.active_jobs(1)] == ["2025-03-01", "2025-03-02"]


def test_grant_is_idempotent_per_key(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target) as store:
        assert store.grant(5, 10, "charge-abc", kind="purchase") is True
        assert store.grant(5, 10, "charge-abc", kind="purchase") is False  # payment re-delivered
        assert store.grant(5, 2, "charge-abc") is True  # a grant with that name is a different key
        assert store.quota(5).credits == 12


@pytest.mark.parametrize("n", [0, -5])
def test_grant_refuses_non_positive_amounts(tmp_path: Path, n: int, db_target: Path | str) -> None:
    with make_store(db_target) as store:
        with pytest.raises(ValueError, match="positive"):
            store.grant(5, n, "oops")
        with pytest.raises(ValueError, match="credit kind"):
            store.grant(5, 1, "oops", kind="refund")
        assert store.ledger(5) == [] and store.quota(5).credits == 0


def test_cancel_refunds_exactly_once(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, daily_free=1) as store:
        job_id = enqueue(store)
        assert store.quota(1).free_left == 0
        assert store.cancel(job_id, owner=2) is False  # not the owner
        assert store.cancel(job_id, owner=1) is True
        assert store.cancel(job_id, owner=1) is False
        assert store.quota(1).free_left == 1
        assert kinds(store, 1) == [("reserve", "free", -1), ("refund", "free", 1)]
        assert [e.kind for e in store.events_for(job_id)] == ["queued", "cancelled"]


def _first_refund(store: Store, job_id: int, path: str, clock: Clock) -> None:
    if path == "cancel":
        assert store.cancel(job_id, owner=1) is True
    elif path == "failed":
        claimed = store.claim("w", 60)
        assert claimed is not None
        assert store.fail(job_id, claimed.token, "bad script", retryable=False, code="script_error") == "failed"
    else:  # dead: the last attempt's lease ran out, reaped by the next claim
        for _ in range(3):
            assert store.claim("w", 60) is not None
            clock.now += 61
        assert store.claim("w", 60) is None and store.get_job(job_id).state == "dead"  # type: ignore[union-attr]


@pytest.mark.parametrize("path", ["cancel", "failed", "dead"])
def test_the_ledger_itself_refunds_a_job_at_most_once(tmp_path: Path, path: str) -> None:
    """The promise lives in the ledger (one refund key per job), not only in the queue's state
    checks: a second refund attempt, through the API or straight at ``settle``, adds no credit."""
    clock = Clock()
    with make_store(tmp_path / "p.db", clock=clock, daily_free=0) as store:
        store.grant(1, 1, "gift")
        job_id = enqueue(store)
        assert store.quota(1).credits == 0
        # 1. the job's one refund, by the public API
        _first_refund(store, job_id, path, clock)
        assert store.quota(1).credits == 1
        # 2. a second attempt through the public API
        assert store.cancel(job_id, owner=1) is False
        # 3. second and third settle calls, at other times (what a state-check bug would make)
        for later in (clock.now + 1, clock.now + 86_400):
            with immediate(store.db):
                assert quota.settle(store.db, job_id, "refund", later) is False
        assert store.quota(1).credits == 1
        refunds = [r for r in store.ledger(1) if r["kind"] == "refund"]
        assert [(r["pool"], r["amount"], r["key"]) for r in refunds] == [("paid", 1, quota.job_key(job_id, "refund"))]


def test_paid_reservation_is_refunded_to_credits(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, daily_free=0) as store:
        store.grant(1, 1, "gift")
        job_id = enqueue(store)
        assert store.quota(1).credits == 0
        claimed = store.claim("w", 60)
        assert claimed is not None
        assert store.fail(job_id, claimed.token, "bad script", retryable=False, code="script_error") == "failed"
        assert store.quota(1).credits == 1


def test_commit_and_refund_exclude_each_other(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target) as store:
        job_id = enqueue(store)
        claimed = store.claim("w", 60)
        assert claimed is not None
        (tmp_path / "1.mp4").write_bytes(b"v" * 10)
        clip = ClipInfo(tmp_path / "1.mp4", tmp_path / "1.jpg", 72, 128, 1.0, 10)
        assert store.complete(job_id, claimed.token, clip) is not None
        assert quota.settle(store.db, job_id, "refund", 0.0) is False  # a late refund adds nothing
        assert store.cancel(job_id, 1) is False
        assert kinds(store, 1) == [("reserve", "free", -1), ("commit", "free", 0)]
        assert store.quota(1).used_today == 1


# -- caps and bans --------------------------------------------------------------------------------


def test_banned_user_cannot_enqueue(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target) as store:
        store.set_banned(9, True)
        with pytest.raises(Banned):
            enqueue(store, owner=9)
        store.set_banned(9, False)
        enqueue(store, owner=9)


def test_per_user_cap_counts_queued_and_running(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, max_queued=2) as store:
        enqueue(store)
        enqueue(store)
        assert store.claim("w", 60) is not None  # one running, one queued: still 2 active
        with pytest.raises(QueueFull) as refused:
            enqueue(store)
        assert "already have clips" in refused.value.message("en")
        enqueue(store, owner=2)  # other users are not affected
        assert store.quota(1).used_today == 2  # the refused enqueue reserved nothing


def test_global_queue_cap(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, max_queue=2) as store:
        enqueue(store, owner=1)
        enqueue(store, owner=2)
        with pytest.raises(QueueFull) as refused:
            enqueue(store, owner=3)
        assert "Too many clips" in refused.value.message("en")
        assert "排队" in refused.value.message("zh")


def test_remix_needs_the_users_own_clip(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target) as store:
        job_id = enqueue(store, owner=1)
        claimed = store.claim("w", 60)
        assert claimed is not None
        (tmp_path / "a.mp4").write_bytes(b"v")
        clip = store.complete(job_id, claimed.token, ClipInfo(tmp_path / "a.mp4", tmp_path / "a.jpg", 1, 1, 1.0, 1))
        assert clip is not None
        with pytest.raises(NotFound):
            store.enqueue(2, "remix", "corgi", "storyboard", "en", "{}", 1, parent_clip_id=clip.id)
        remix = store.enqueue(1, "remix", "corgi", "storyboard", "en", "{}", 1, parent_clip_id=clip.id, chat_id=-100)
        assert (remix.parent_clip_id, remix.chat_id) == (clip.id, -100)


# -- concurrency ----------------------------------------------------------------------------------

CONTENDERS = 50


def _reserve_once(path: Path | str, barrier: threading.Barrier | None, results: list[str]) -> None:
    store = make_store(path)
    try:
        if barrier is not None:
            barrier.wait(timeout=30)
        enqueue(store, owner=42)
        results.append("granted")
    except QuotaExceeded:
        results.append("refused")
    finally:
        store.close()


def test_fifty_threads_reserve_against_a_limit_of_three(tmp_path: Path, db_target: Path | str) -> None:
    path = db_target
    make_store(path).close()
    barrier = threading.Barrier(CONTENDERS)
    results: list[str] = []
    threads = [threading.Thread(target=_reserve_once, args=(path, barrier, results)) for _ in range(CONTENDERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results).count("granted") == 3
    assert results.count("refused") == CONTENDERS - 3
    with make_store(path) as store:
        assert [k for k, _, _ in kinds(store, 42)] == ["reserve"] * 3
        assert len(store.active_jobs(42)) == 3


def _reserve_in_process(path: Path | str, barrier: threading.Barrier) -> None:
    results: list[str] = []
    _reserve_once(path, barrier, results)
    sys.exit(0 if results == ["granted"] else 3)


@pytest.mark.skipif(sys.platform != "linux", reason="uses fork for 50 cheap processes")
def test_fifty_processes_reserve_against_a_limit_of_three(tmp_path: Path, db_target: Path | str) -> None:
    path = db_target
    make_store(path).close()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(CONTENDERS)
    procs = [ctx.Process(target=_reserve_in_process, args=(path, barrier)) for _ in range(CONTENDERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    codes = [p.exitcode for p in procs]
    assert codes.count(0) == 3, codes
    assert codes.count(3) == CONTENDERS - 3, codes
    with make_store(path) as store:
        assert [k for k, _, _ in kinds(store, 42)] == ["reserve"] * 3


# -- purchases refunded in Stars ------------------------------------------------------------------


def test_unspent_is_the_pack_or_what_is_left() -> None:
    assert quota.unspent(5, 12) == 5  # more than the pack left: the whole pack goes back
    assert quota.unspent(5, 3) == 3  # two were spent (or reserved): three go back
    assert quota.unspent(5, 0) == 0 and quota.unspent(5, -1) == 0


def test_a_purchase_is_reversed_once_and_only_its_unspent_credits(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, daily_free=0) as store:
        assert store.grant(1, 5, "ch-1", kind="purchase", stars=50)
        assert store.reverse_purchase("ch-unknown") is None
        enqueue(store)
        enqueue(store)  # two paid credits reserved by jobs: spent as far as a refund is concerned
        assert store.quota(1).credits == 3
        first = store.reverse_purchase("ch-1")
        assert first is not None and first.first
        assert (first.purchase.user_id, first.purchase.credits, first.purchase.stars) == (1, 5, 50)
        assert first.purchase.reversed_credits == 3 and first.purchase.refunded
        assert store.quota(1).credits == 0
        again = store.reverse_purchase("ch-1")  # repeated: nothing more taken
        assert again is not None and not again.first and again.purchase == first.purchase
        assert [k for k in kinds(store, 1) if k[0] == "reversal"] == [("reversal", "paid", -3)]
        assert store.purchase("ch-1") == first.purchase
        assert store.purchases(1) == [first.purchase]


def test_a_reversal_never_takes_the_balance_below_zero_nor_another_users_credits(
    tmp_path: Path, db_target: Path | str
) -> None:
    with make_store(db_target, daily_free=0) as store:
        store.grant(1, 2, "ch-a", kind="purchase", stars=20)
        store.grant(1, 2, "ch-b", kind="purchase", stars=20)
        store.grant(2, 9, "gift")
        for _ in range(3):
            enqueue(store)
        a, b = store.reverse_purchase("ch-a"), store.reverse_purchase("ch-b")
        assert a is not None and b is not None
        assert (a.purchase.reversed_credits, b.purchase.reversed_credits) == (1, 0)
        assert store.quota(1).credits == 0 and store.quota(2).credits == 9
        stats = store.stats()
        assert (stats.purchases, stats.purchase_stars, stats.refunds, stats.refund_stars) == (2, 40, 2, 40)


def test_concurrent_reversals_and_enqueues_keep_the_balance_exact(tmp_path: Path, db_target: Path | str) -> None:
    with make_store(db_target, daily_free=0) as store:
        for n in range(4):
            store.grant(1, 1, f"ch-{n}", kind="purchase", stars=10)
        results: list[object] = []

        def work(n: int) -> None:
            with store.reopen() as mine:
                if n % 2:
                    results.append(mine.reverse_purchase(f"ch-{n // 2}"))
                else:
                    try:
                        results.append(enqueue(mine))
                    except QuotaExceeded as exc:
                        results.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(results) == 8
        assert store.quota(1).credits == 0  # every credit either reserved by a job or reversed
        jobs = len(store.active_jobs(1))
        taken = sum(p.reversed_credits or 0 for p in store.purchases(1))
        assert jobs + taken == 4

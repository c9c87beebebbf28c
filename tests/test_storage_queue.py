"""The job queue: claims, leases, stale tokens, retries, outbox, clips, prune and AsyncStore."""

from __future__ import annotations

import asyncio
import inspect
import random
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from petreel.settings import QuotaSettings, WorkerSettings
from render.stages import ClipInfo
from storage import queue
from storage.db import scalar
from storage.store import AsyncStore, Store
from tests.fakes.clock import NOON, Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_target: Path | str, tmp_path: Path, clock: Clock) -> Iterator[Store]:
    """A store on each backend (SQLite file; PostgreSQL database with clips kept in it)."""
    s = Store(
        db_target,
        QuotaSettings(daily_free=100, max_queued=100, max_queue=1000),
        worker=WorkerSettings(max_attempts=3, backoff_s=10.0, lease_s=60.0),
        clock=clock,
        rng=random.Random(1),
        clips_dir=tmp_path / "clips",
    )
    yield s
    s.close()


def enqueue(store: Store, owner: int = 1, premise: str = "a cat gets rich", chat_id: int | None = None) -> int:
    return store.enqueue(owner, premise, "ginger-cat", "storyboard", "en", '{"title": "x"}', 3, chat_id=chat_id).id


def fake_clip(store: Store, job_id: int, size: int = 10) -> ClipInfo:
    path, thumb = store.clip_path(job_id), store.thumbnail_path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    thumb.write_bytes(b"j")
    return ClipInfo(path, thumb, 72, 128, 2.5, size)


def finish(store: Store, job_id: int, owner: int = 1) -> int:
    claimed = store.claim("w", 60)
    assert claimed is not None and claimed.job.id == job_id
    clip = store.complete(job_id, claimed.token, fake_clip(store, job_id))
    assert clip is not None
    return clip.id


# -- pure -----------------------------------------------------------------------------------------


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    rng = random.Random(0)
    for attempt, base in [(1, 5.0), (2, 10.0), (3, 20.0)]:
        delays = [queue.backoff_delay(attempt, 5.0, rng) for _ in range(200)]
        assert base * 0.5 <= min(delays) < base * 0.7
        assert base * 1.3 < max(delays) <= base * 1.5
    assert queue.backoff_delay(30, 5.0, rng) <= queue.MAX_BACKOFF_S * 1.5


# -- claims and leases ----------------------------------------------------------------------------


def test_claims_are_fifo_with_fresh_tokens(store: Store) -> None:
    ids = [enqueue(store) for _ in range(3)]
    claims = [store.claim(f"w{i}", 60) for i in range(3)]
    assert [c.job.id for c in claims if c] == ids
    assert len({c.token for c in claims if c}) == 3
    first = claims[0]
    assert first is not None
    assert (first.job.state, first.job.attempts, first.job.worker_id) == ("running", 1, "w0")
    assert first.job.lease_expires == pytest.approx(NOON + 60)
    assert store.claim("w3", 60) is None


def test_expired_lease_is_reclaimed_and_the_stale_worker_loses(store: Store, clock: Clock) -> None:
    job_id = enqueue(store)
    old = store.claim("frozen", 10)
    assert old is not None
    clock.now += 5
    assert store.claim("other", 10) is None  # lease still valid
    assert store.heartbeat(job_id, old.token) is True  # renewed to now + 60 (default lease)
    clock.now += 61
    new = store.claim("other", 10)
    assert new is not None and new.job.id == job_id
    assert (new.job.attempts, new.job.worker_id) == (2, "other")
    assert new.token != old.token
    # The frozen worker wakes up: every write with its token is refused.
    assert store.heartbeat(job_id, old.token, "compose", 0.9) is False
    assert store.fail(job_id, old.token, "boom") is None
    assert store.release(job_id, old.token) is False  # cannot hand back a job it no longer holds
    assert store.complete(job_id, old.token, fake_clip(store, job_id)) is None
    # The newer attempt wins.
    clip = store.complete(job_id, new.token, fake_clip(store, job_id))
    assert clip is not None
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.worker_id) == ("done", "other")
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "commit"]
    assert [e.kind for e in store.events_for(job_id)] == ["queued", "done"]


def test_expired_lease_on_the_last_attempt_goes_dead_with_refund(store: Store, clock: Clock) -> None:
    job_id = enqueue(store)
    for _ in range(3):
        assert store.claim("w", 1) is not None
        clock.now += 2
    assert store.claim("w", 1) is None  # reaped instead of a 4th attempt
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts, job.error_code) == ("dead", 3, "lease_expired")
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]
    dead = store.events_for(job_id)[-1]
    assert (dead.kind, dead.payload["code"], dead.payload["attempts"]) == ("dead", "lease_expired", 3)


def test_failures_retry_with_backoff_then_die_refunded(store: Store, clock: Clock) -> None:
    job_id = enqueue(store)
    delays = []
    for attempt in (1, 2):
        claimed = store.claim("w", 60)
        assert claimed is not None and claimed.job.attempts == attempt
        assert store.fail(job_id, claimed.token, "ffmpeg exited 1") == "queued"
        job = store.get_job(job_id)
        assert job is not None and job.error == "ffmpeg exited 1"
        delays.append(job.run_after - clock.now)
        assert store.claim("w", 60) is None  # not due yet
        clock.now = job.run_after
    assert 5.0 <= delays[0] <= 15.0 and 10.0 <= delays[1] <= 30.0
    claimed = store.claim("w", 60)
    assert claimed is not None
    assert store.fail(job_id, claimed.token, "ffmpeg exited 1") == "dead"
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]
    events = store.events_for(job_id)
    assert [e.kind for e in events] == ["queued", "dead"]
    assert events[-1].payload == {"code": "render_failed", "message": "ffmpeg exited 1", "attempts": 3}


def test_non_retryable_failure_fails_at_once(store: Store) -> None:
    job_id = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    assert store.fail(job_id, claimed.token, "bad", retryable=False, code="script_error") == "failed"
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.error_code, job.finished) == ("failed", "script_error", NOON)
    assert store.events_for(job_id)[-1].payload["code"] == "script_error"


def test_release_requeues_without_counting_the_attempt(store: Store) -> None:
    job_id = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    assert store.release(job_id, claimed.token) is True
    assert store.release(job_id, claimed.token) is False
    job = store.get_job(job_id)
    assert job is not None and (job.state, job.attempts, job.worker_id) == ("queued", 0, None)
    assert store.claim("w2", 60) is not None


def test_cancel_running_job_stops_its_worker(store: Store) -> None:
    job_id = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    assert store.is_cancelled(job_id) is False
    assert store.cancel(job_id, 1) is True
    assert store.is_cancelled(job_id) is True
    assert store.heartbeat(job_id, claimed.token) is False
    assert store.complete(job_id, claimed.token, fake_clip(store, job_id)) is None
    assert [r["kind"] for r in store.ledger(1)] == ["reserve", "refund"]


def test_heartbeat_progress_is_coalesced_in_the_outbox(store: Store) -> None:
    job_id = enqueue(store, chat_id=-55)
    claimed = store.claim("w", 60)
    assert claimed is not None
    assert store.heartbeat(job_id, claimed.token, "keyframes", 0.2)
    assert store.heartbeat(job_id, claimed.token, "keyframes", 0.6)
    pending = store.pending_events()
    assert [(e.kind, e.chat_id) for e in pending] == [("queued", -55), ("progress", -55)]
    assert pending[1].payload == {"stage": "keyframes", "fraction": 0.6}
    store.ack_event(pending[1].id)
    assert store.heartbeat(job_id, claimed.token, "compose", 0.9)
    assert [e.payload for e in store.pending_events()][1:] == [{"stage": "compose", "fraction": 0.9}]
    job = store.get_job(job_id)
    assert job is not None and (job.progress_stage, job.progress_fraction) == ("compose", 0.9)


def test_queue_position(store: Store) -> None:
    a, b, c = (enqueue(store) for _ in range(3))
    assert [store.queue_position(j) for j in (a, b, c)] == [1, 2, 3]
    store.claim("w", 60)
    assert [store.queue_position(j) for j in (a, b, c)] == [0, 1, 2]
    store.cancel(b, 1)
    assert [store.queue_position(j) for j in (a, b, c)] == [0, None, 1]
    assert store.queue_position(999) is None
    assert store.events_for(c)[0].payload == {"position": 3}


# -- outbox ---------------------------------------------------------------------------------------


def test_outbox_is_oldest_first_and_ack_removes(store: Store) -> None:
    a = enqueue(store, owner=1)
    b = enqueue(store, owner=2)
    events = store.pending_events()
    assert [(e.job_id, e.owner, e.chat_id, e.kind) for e in events] == [(a, 1, 1, "queued"), (b, 2, 2, "queued")]
    store.ack_event(events[0].id)
    assert [e.job_id for e in store.pending_events()] == [b]
    assert len(store.pending_events(limit=0)) == 0


# -- clips ----------------------------------------------------------------------------------------


def test_the_done_event_carries_the_render_times_the_bot_observes(store: Store, clock: Clock) -> None:
    job_id = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    clock.now += 42.5
    assert store.complete(job_id, claimed.token, fake_clip(store, job_id), process_render_s=40.12345) is not None
    done = store.events_for(job_id)[-1]
    assert done.kind == "done" and (done.payload["render_s"], done.payload["process_render_s"]) == (42.5, 40.123)


def test_complete_records_the_clip(store: Store) -> None:
    job_id = enqueue(store, premise="ginger cat triumphs")
    clip_id = finish(store, job_id)
    clip = store.get_clip(clip_id)
    assert clip is not None
    if store.clips_in_db:  # PostgreSQL: the files were copied into the database with the commit
        assert (clip.job_id, clip.owner, str(clip.path), str(clip.thumbnail)) == (
            job_id, 1, f"database:{job_id}.mp4", f"database:{job_id}.jpg"
        )  # fmt: skip
        store.clip_path(job_id).unlink()  # the worker's local file is not needed any more
    else:
        assert (clip.job_id, clip.owner, clip.path, clip.thumbnail) == (
            job_id, 1, store.clips_dir / f"{job_id}.mp4", store.clips_dir / f"{job_id}.jpg"
        )  # fmt: skip
    assert (store.clip_bytes(clip_id), store.clip_bytes(clip_id, "thumbnail")) == (b"x" * 10, b"j")
    assert (clip.width, clip.height, clip.duration, clip.size_bytes, clip.premise) == (
        72, 128, 2.5, 10, "ginger cat triumphs"
    )  # fmt: skip
    done = store.pending_events()[-1]
    assert (done.kind, done.payload) == ("done", {"clip_id": clip_id, "render_s": 0.0})
    store.set_clip_file_id(clip_id, "BAACAgIAAx")
    store.set_status_message(job_id, -100, 77)
    assert store.get_clip(clip_id).file_id == "BAACAgIAAx"  # type: ignore[union-attr]
    job = store.get_job(job_id)
    assert job is not None and (job.status_chat_id, job.status_message_id) == (-100, 77)


def test_list_clips_pages_newest_first(store: Store) -> None:
    ids = [finish(store, enqueue(store, owner=1)) for _ in range(7)]
    finish(store, enqueue(store, owner=2))
    page, total = store.list_clips(1, offset=0, limit=5)
    assert total == 7
    assert [c.id for c in page] == ids[::-1][:5]
    page2, _ = store.list_clips(1, offset=5, limit=5)
    assert [c.id for c in page2] == ids[:2][::-1]
    assert store.list_clips(3) == ([], 0)


def test_prune_deletes_old_files_and_marks_rows(store: Store, clock: Clock) -> None:
    old = finish(store, enqueue(store))
    old_sent = finish(store, enqueue(store))
    store.set_clip_file_id(old_sent, "tg-file")
    for event in store.pending_events():
        store.ack_event(event.id)
    clock.now += 10 * 86_400
    recent = finish(store, enqueue(store))
    sheets = store.clips_dir.parent / "sheets"
    sheet_dirs = {}
    for clip_id in (old, recent):
        clip = store.get_clip(clip_id)
        assert clip is not None
        sheet_dirs[clip_id] = sheets / f"job-{clip.job_id}"
        sheet_dirs[clip_id].mkdir(parents=True)
        (sheet_dirs[clip_id] / "hero.png").write_bytes(b"png")
    assert store.prune(0) == 0  # 0 keeps everything
    assert store.prune(5) == 2
    assert not sheet_dirs[old].exists() and sheet_dirs[recent].exists()  # character sheets go with the clip
    for clip_id, kept in [(old, False), (old_sent, False), (recent, True)]:
        clip = store.get_clip(clip_id)
        assert clip is not None
        assert (store.clip_bytes(clip_id) is not None) is kept and clip.thumbnail is not None
        assert (store.clip_bytes(clip_id, "thumbnail") is not None) is kept
        assert (clip.pruned is None) is kept
    # A pruned clip Telegram still holds stays listed; one without a file_id is gone.
    page, total = store.list_clips(1)
    assert [c.id for c in page] == [recent, old_sent] and total == 2
    assert store.prune(5) == 0
    # Old acknowledged events went too; the recent job's undelivered ones stay.
    remaining = int(scalar(store.db, "SELECT COUNT(*) FROM events"))
    assert remaining == len(store.pending_events()) == 2


def test_prune_never_deletes_outside_the_clips_folder(store: Store, clock: Clock, tmp_path: Path) -> None:
    job_id = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    outside = tmp_path / "precious.mp4"
    outside.write_bytes(b"keep me")
    store.complete(job_id, claimed.token, ClipInfo(outside, outside, 1, 1, 1.0, 7))
    clock.now += 40 * 86_400
    assert store.prune(30) == 1
    assert outside.read_bytes() == b"keep me"


def test_stats(store: Store) -> None:
    finish(store, enqueue(store, owner=1))
    enqueue(store, owner=2)
    store.set_banned(3, True)
    stats = store.stats()
    assert (stats.users, stats.banned, stats.queued, stats.running, stats.clips) == (3, 1, 1, 0, 1)
    assert (stats.jobs_today, stats.done_today, stats.clip_bytes, stats.pending_events) == (2, 1, 10, 3)
    assert stats.jobs_by_state == {"done": 1, "queued": 1}


def test_every_claim_sets_started_and_render_seconds_measure_the_last_attempt(store: Store, clock: Clock) -> None:
    enqueue(store)
    first = store.claim("w", 10)
    assert first is not None and first.job.started == NOON
    clock.now += 11  # the lease runs out; the next claim is a new attempt with a new start
    again = store.claim("w2", 60)
    assert again is not None and again.job.id == first.job.id and again.job.started == NOON + 11
    clock.now += 30
    assert store.complete(first.job.id, again.token, fake_clip(store, first.job.id)) is not None
    job = store.get_job(first.job.id)
    assert job is not None and (job.started, job.finished) == (NOON + 11, NOON + 41)
    assert store.render_seconds() == [30.0]


def test_render_seconds_are_newest_first_done_only_and_limited(store: Store, clock: Clock) -> None:
    for seconds in (5.0, 7.0, 9.0):
        job_id = enqueue(store)
        claimed = store.claim("w", 60)
        assert claimed is not None
        clock.now += seconds
        assert store.complete(job_id, claimed.token, fake_clip(store, job_id)) is not None
    failing = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None
    clock.now += 100
    assert store.fail(failing, claimed.token, "boom", retryable=False) == "failed"  # not a render time
    assert store.render_seconds() == [9.0, 7.0, 5.0]
    assert store.render_seconds(limit=2) == [9.0, 7.0]
    assert store.render_seconds(limit=0) == []


def test_jobs_by_state_lists_every_state(store: Store) -> None:
    assert store.jobs_by_state() == {"queued": 0, "running": 0, "done": 0, "failed": 0, "dead": 0, "cancelled": 0}
    finish(store, enqueue(store))
    running = enqueue(store)
    claimed = store.claim("w", 60)
    assert claimed is not None and claimed.job.id == running
    enqueue(store)
    assert store.cancel(enqueue(store), owner=1)
    assert store.jobs_by_state() == {"queued": 1, "running": 1, "done": 1, "failed": 0, "dead": 0, "cancelled": 1}


def test_worker_rows_heartbeat_and_removal(store: Store, clock: Clock) -> None:
    # 1. Registration records identity and start; a beat moves state, job and heartbeat only.
    store.worker_heartbeat("w1", "idle", pid=41, host="box", gpu=0, started=clock.now)
    clock.now += 10
    store.worker_heartbeat("w1", "busy", 7)
    (w1,) = store.workers()
    assert (w1.worker_id, w1.pid, w1.host, w1.gpu) == ("w1", 41, "box", 0)
    assert (w1.state, w1.job_id, w1.heartbeat, w1.started) == ("busy", 7, NOON + 10, NOON)
    assert w1.age(NOON + 25) == 15.0 and w1.age(NOON) == 0.0
    # 2. A beat without a prior row creates it (started = now); a re-registration resets started.
    store.worker_heartbeat("w0", "idle")
    clock.now += 5
    store.worker_heartbeat("w1", "idle", started=clock.now)
    w0, w1 = store.workers()
    assert (w0.worker_id, w0.started, w0.pid) == ("w0", NOON + 10, None)
    assert (w1.state, w1.job_id, w1.started, w1.pid) == ("idle", None, NOON + 15, 41)
    # 3. A claim turns the claiming worker's row busy in the same transaction (others untouched).
    enqueue(store)
    claimed = store.claim("w1", 60)
    assert claimed is not None
    w0, w1 = store.workers()
    assert (w1.state, w1.job_id, w1.heartbeat) == ("busy", claimed.job.id, NOON + 15)
    assert (w0.state, w0.job_id) == ("idle", None)
    # 4. Removal and pruning of silent workers.
    assert store.remove_worker("w1") is True and store.remove_worker("w1") is False
    clock.now += 100
    store.worker_heartbeat("w2", "stopping")
    assert store.prune_workers(50) == 1  # w0 was silent for 105 s
    assert [(w.worker_id, w.state) for w in store.workers()] == [("w2", "stopping")]


def test_users(store: Store) -> None:
    user = store.ensure_user(5, "zh")
    assert (user.id, user.language, user.banned) == (5, "zh", False)
    assert store.ensure_user(5, "en").language == "zh"  # first language sticks
    store.set_language(5, "en")
    assert store.ensure_user(5).language == "en"
    assert store.ensure_user(6).language is None


def test_user_text_is_stored_as_data(store: Store) -> None:
    nasty = "'); DROP TABLE jobs; -- 🐱 ../../etc/passwd"
    job_id = enqueue(store, premise=nasty)
    job = store.get_job(job_id)
    assert job is not None and job.premise == nasty
    assert store.clip_path(job_id).name == f"{job_id}.mp4"


# -- AsyncStore -----------------------------------------------------------------------------------


async def test_async_store_runs_everything_on_one_dedicated_thread(tmp_path: Path) -> None:
    astore = AsyncStore(tmp_path / "a.db", QuotaSettings(daily_free=2))
    async with astore:
        threads = {await astore._call(lambda s: threading.get_ident()) for _ in range(3)}
        job = await astore.enqueue(1, "premise", "corgi", "storyboard", "en", "{}", 1)
        claimed = await astore.claim("w", 30)
        assert claimed is not None and claimed.job.id == job.id
        assert await astore.heartbeat(job.id, claimed.token, "keyframes", 0.5)
        clip = await astore.complete(job.id, claimed.token, ClipInfo(Path("x.mp4"), Path("x.jpg"), 1, 1, 1.0, 1))
        assert clip is not None
        assert (await astore.list_clips(1))[1] == 1
        assert [e.kind for e in await astore.pending_events()] == ["queued", "progress", "done"]
        assert (await astore.quota(1)).free_left == 1
        assert astore.clip_path(job.id) == tmp_path / "clips" / f"{job.id}.mp4"
        assert (await astore.jobs_by_state())["done"] == 1
        assert len(await astore.render_seconds()) == 1
        await astore.worker_heartbeat("w", "busy", job.id, pid=1, host="h", gpu=None, started=0.0)
        assert [(w.worker_id, w.state, w.job_id) for w in await astore.workers()] == [("w", "busy", job.id)]
        assert await astore.prune_workers(10**12) == 0
        assert await astore.remove_worker("w") and await astore.workers() == []
    assert len(threads) == 1 and threading.get_ident() not in threads


_SYNC_ONLY = {"reopen", "close", "from_settings", "clip_path", "thumbnail_path"}


def test_async_store_mirrors_every_store_data_method() -> None:
    public = {n for n, f in vars(Store).items() if callable(f) and not n.startswith("_")} - _SYNC_ONLY
    for name in sorted(public):
        mirror = getattr(AsyncStore, name, None)
        assert mirror is not None and inspect.iscoroutinefunction(mirror), f"AsyncStore.{name} is missing"
        sync_params = list(inspect.signature(getattr(Store, name)).parameters.values())
        async_params = list(inspect.signature(mirror).parameters.values())
        assert [(p.name, p.kind, p.default) for p in async_params] == [
            (p.name, p.kind, p.default) for p in sync_params
        ], name


async def test_a_busy_database_never_blocks_the_event_loop(tmp_path: Path) -> None:
    async with AsyncStore(tmp_path / "a.db", QuotaSettings(daily_free=2)) as astore:
        # 1. Another connection holds the write lock; the enqueue waits on busy_timeout (on its thread).
        blocker = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        pending = asyncio.ensure_future(astore.enqueue(1, "p", "corgi", "storyboard", "en", "{}", 1))
        ticks = 0
        for _ in range(10):  # 2. The loop keeps running meanwhile.
            await asyncio.sleep(0.02)
            ticks += 1
        assert ticks == 10 and not pending.done()
        # 3. Once the lock is released the waiting write goes through.
        blocker.execute("ROLLBACK")
        blocker.close()
        job = await asyncio.wait_for(pending, 10)
        assert (await astore.get_job(job.id)) == job

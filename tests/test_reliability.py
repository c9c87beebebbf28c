"""Reliability of the queue, ledger and outbox on both backends (SQLite file, PostgreSQL server).

Real processes: producers enqueue while worker processes (``python -m worker.runner worker``) claim,
render with a fake renderer and complete; workers are SIGKILLed mid-job and mid-write; the ledger must
show every job charged or refunded exactly once. The last test runs the worker the way a worker on
another host would: its own data folder, nothing shared with the bot but the database URL.

The 4,000-job drain is marked ``slow``: the default ``pytest`` run leaves it out (``-m 'not gpu and not slow'`` in
pyproject) and runs the same test with 400 jobs; CI (``.ci/run``, ``-m "not gpu"``) runs both.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from petreel.settings import QuotaSettings, WorkerSettings
from render.stages import ClipInfo
from storage.db import scalar
from storage.store import Store

REPO = Path(__file__).resolve().parents[1]
LIMITS = QuotaSettings(daily_free=1_000_000, max_queued=1_000_000, max_queue=1_000_000)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")


def open_store(target: Path | str, **kw: object) -> Store:
    return Store(target, LIMITS, **kw)  # type: ignore[arg-type]


def worker_env(target: Path | str, data_dir: Path, lease_s: float = 60.0) -> dict[str, str]:
    """A worker's environment: the database (URL or file) and a data folder of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PETREEL_")}
    env.update(
        PYTHONPATH=str(REPO), PETREEL_DATA_DIR=str(data_dir), PETREEL_WORKER__LEASE_S=str(lease_s),
        PETREEL_WORKER__HEARTBEAT_S="0.2", PETREEL_WORKER__POLL_S="0.05", PETREEL_WORKER__BACKOFF_S="0",
        PETREEL_LOG_LEVEL="WARNING",
    )  # fmt: skip
    if isinstance(target, str):
        env["PETREEL_DATABASE_URL"] = target
    else:
        env["PETREEL_DB_PATH"] = str(target)
    return env


class Workers:
    """``python -m worker.runner worker …`` with its log in a file. Never a pipe: nobody reads a pipe
    while the workers run, and once its 64 KiB buffer is full every worker blocks in its next log call."""

    def __init__(self, target: Path | str, data_dir: Path, *args: str, lease_s: float = 60.0) -> None:
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "worker.runner", "worker", *args], env=worker_env(target, data_dir, lease_s),
            cwd=REPO, stderr=self.log,
        )  # fmt: skip

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 120.0) -> str:
        """Signal, wait for the exit and return what the workers logged."""
        self.proc.send_signal(sig)
        self.proc.wait(timeout=timeout)
        self.log.seek(0)
        text = self.log.read().decode(errors="replace")
        self.log.close()
        return text


def start_workers(target: Path | str, data_dir: Path, *args: str, lease_s: float = 60.0) -> Workers:
    return Workers(target, data_dir, *args, lease_s=lease_s)


def wait_until(predicate: Callable[[], bool], timeout: float = 120.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached in {timeout}s")
        time.sleep(0.1)


def count(store: Store, sql: str, *params: object) -> int:
    return int(scalar(store.db, sql, params))


def _produce(target: Path | str, producer: int, n: int) -> None:
    with open_store(target) as store:
        for i in range(n):
            store.enqueue(1 + producer * 100 + i % 50, "instant", "ginger-cat", "storyboard", "en", "{}", i)


@pytest.fixture
def data_dirs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(the bot's folder, the workers' folder): on PostgreSQL nothing is shared between them."""
    bot, workers = tmp_path / "bot", tmp_path / "workers"
    bot.mkdir()
    workers.mkdir()
    yield bot, workers


def drain_with_producers(db_target: Path | str, data_dirs: tuple[Path, Path], jobs: int) -> None:
    _, workers_dir = data_dirs
    open_store(db_target).close()  # migrated before anyone races
    # 1. 4 producers enqueue while 8 worker processes claim, render (instantly) and complete.
    ctx = multiprocessing.get_context("spawn")
    producers = [ctx.Process(target=_produce, args=(db_target, p, jobs // 4)) for p in range(4)]
    for proc in producers:
        proc.start()
    workers = start_workers(db_target, workers_dir, "--processes", "8", "--renderer", "tests.fakes.renderers:instant")
    try:
        for proc in producers:
            proc.join(timeout=300)
            assert proc.exitcode == 0
        with open_store(db_target) as store:
            wait_until(lambda: count(store, "SELECT COUNT(*) FROM jobs WHERE state = 'done'") == jobs, 600, "all done")
    finally:
        err = workers.stop()
    assert workers.proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    assert "claim lost" not in err, err[-3000:]  # no lease ran out: every beat refused was after our own commit
    # 2. 0 lost, 0 duplicated: one clip, one 'done' event and one commit per job, each job claimed once.
    with open_store(db_target) as store:
        assert store.jobs_by_state()["done"] == count(store, "SELECT COUNT(*) FROM jobs") == jobs
        assert count(store, "SELECT COUNT(*) FROM clips") == count(store, "SELECT COUNT(DISTINCT job_id) FROM clips") == jobs
        assert count(store, "SELECT COUNT(*) FROM events WHERE kind = 'done'") == jobs
        assert count(store, "SELECT COUNT(DISTINCT job_id) FROM events WHERE kind = 'done'") == jobs
        assert count(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'reserve'") == jobs
        assert count(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'commit'") == jobs
        assert count(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'refund'") == 0
        assert count(store, "SELECT MAX(attempts) FROM jobs") == 1
        last = count(store, "SELECT MAX(id) FROM clips")
        assert store.clip_bytes(last) is not None


def test_eight_workers_drain_jobs_of_four_producers_exactly_once(
    db_target: Path | str, data_dirs: tuple[Path, Path]
) -> None:
    drain_with_producers(db_target, data_dirs, 400)


@pytest.mark.slow
def test_eight_workers_drain_four_thousand_jobs_of_four_producers_exactly_once(
    db_target: Path | str, data_dirs: tuple[Path, Path]
) -> None:
    drain_with_producers(db_target, data_dirs, 4000)


def test_sigkilled_workers_leave_every_job_finished_or_refunded_exactly_once(
    db_target: Path | str, data_dirs: tuple[Path, Path]
) -> None:
    _, workers_dir = data_dirs
    jobs = 200
    with open_store(db_target) as store:
        ids = [store.enqueue(1 + i % 20, "nap:0.05", "corgi", "storyboard", "en", "{}", i).id for i in range(jobs)]
    rng = random.Random(15)
    args = ("--renderer", "tests.fakes.renderers:scripted")
    # 1. Four single workers; every 0.25 s one of them is SIGKILLed (mid-render, or mid-commit) and replaced.
    procs = [start_workers(db_target, workers_dir, *args, lease_s=1.0) for _ in range(4)]
    kills = 0
    try:
        with open_store(db_target) as store:
            deadline = time.monotonic() + 8.0
            while time.monotonic() < deadline and store.jobs_by_state()["queued"] > 0:
                time.sleep(rng.uniform(0.1, 0.4))
                victim = procs.pop(rng.randrange(len(procs)))
                victim.stop(signal.SIGKILL, timeout=30)
                kills += 1
                procs.append(start_workers(db_target, workers_dir, *args, lease_s=1.0))
            # 2. The survivors finish: expired leases are re-claimed (or, out of attempts, reaped dead).
            active = "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')"
            wait_until(lambda: count(store, active) == 0, 300, "every job final")
    finally:
        for proc in procs:
            proc.stop(timeout=60)
    assert kills >= 5
    # 3. Each job: done with one clip, one 'done' event and a commit – or dead, refunded once, with no clip.
    with open_store(db_target) as store:
        for job_id in ids:
            job = store.get_job(job_id)
            assert job is not None and job.state in ("done", "dead"), job
            kinds = sorted(r["kind"] for r in store.ledger(job.owner) if r["job_id"] == job_id)
            clips = count(store, "SELECT COUNT(*) FROM clips WHERE job_id = ?", job_id)
            events = [e.kind for e in store.events_for(job_id)]
            if job.state == "done":
                assert (kinds, clips, events.count("done"), events.count("dead")) == (["commit", "reserve"], 1, 1, 0)
            else:
                assert (kinds, clips, events.count("done"), events.count("dead")) == (["refund", "reserve"], 0, 0, 1)
        assert store.jobs_by_state()["done"] > 0


def test_a_repeated_grant_key_is_applied_once_under_concurrency(db_target: Path | str) -> None:
    open_store(db_target).close()
    results: list[bool] = []
    barrier = threading.Barrier(20)

    def grant() -> None:
        with open_store(db_target) as store:
            barrier.wait(timeout=30)
            results.append(store.grant(7, 5, "charge-42", "purchase"))

    threads = [threading.Thread(target=grant) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 19 + [True]
    with open_store(db_target) as store:
        assert store.quota(7).credits == 5
        assert [r["kind"] for r in store.ledger(7)] == ["purchase"]


def _clip(tmp: Path, job_id: int) -> ClipInfo:
    path = tmp / f"race-{job_id}.mp4"
    path.write_bytes(b"v" * 16)
    return ClipInfo(path, tmp / "none.jpg", 72, 128, 1.0, 16)


def _race(target: Path | str, tmp: Path, job_id: int, cancel_late: bool) -> dict[str, object]:
    """The owner cancels while a worker claims and completes the same job (each on its own connection)."""
    barrier = threading.Barrier(2)
    result: dict[str, object] = {}

    def cancel() -> None:
        with open_store(target) as owner:
            barrier.wait(timeout=30)
            if cancel_late:  # land the cancel between the claim and the completion
                time.sleep(random.uniform(0, 0.004))
            result["cancelled"] = owner.cancel(job_id, 1)

    def claim_complete() -> None:
        with open_store(target, worker=WorkerSettings(lease_s=60.0)) as worker:
            barrier.wait(timeout=30)
            claimed = worker.claim("racer", 60)
            result["clip"] = worker.complete(job_id, claimed.token, _clip(tmp, job_id)) if claimed else None

    threads = [threading.Thread(target=cancel), threading.Thread(target=claim_complete)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result


def test_cancel_racing_claim_and_complete_is_never_both_delivered_and_refunded(
    db_target: Path | str, tmp_path: Path
) -> None:
    outcomes: set[str] = set()
    with open_store(db_target) as store:
        for round_ in range(30):
            job_id = store.enqueue(1, "race", "corgi", "storyboard", "en", "{}", round_).id
            result = _race(db_target, tmp_path, job_id, cancel_late=bool(round_ % 2))
            job = store.get_job(job_id)
            assert job is not None
            kinds = sorted(r["kind"] for r in store.ledger(1) if r["job_id"] == job_id)
            events = [e.kind for e in store.events_for(job_id)]
            # Exactly one side won; the ledger, the clip and the outbox agree with it.
            assert bool(result["cancelled"]) != (result["clip"] is not None), result
            if job.state == "done":
                assert (kinds, "cancelled" in events, events.count("done")) == (["commit", "reserve"], False, 1)
                outcomes.add("done")
            else:
                assert job.state == "cancelled"
                assert (kinds, "done" in events, events.count("cancelled")) == (["refund", "reserve"], False, 1)
                assert count(store, "SELECT COUNT(*) FROM clips WHERE job_id = ?", job_id) == 0
                outcomes.add("cancelled")
    assert outcomes  # (which side wins each round is up to the scheduler)


def test_a_worker_sharing_only_the_database_url_renders_a_clip_the_bot_delivers(
    pg_url: str, data_dirs: tuple[Path, Path]
) -> None:
    """Workers on other hosts: the worker's data folder is not the bot's; the clip travels in the database."""
    import asyncio

    from petreel.settings import RenderSettings, Settings
    from tests.factories import make_script

    bot_dir, workers_dir = data_dirs
    script = make_script(n_scenes=5, scene_s=4.0)
    with open_store(pg_url) as store:
        job_id = store.enqueue(4242, script.premise, script.style, "storyboard", "en", script.model_dump_json(), 3,
                               chat_id=4242).id  # fmt: skip
    env = worker_env(pg_url, workers_dir)
    small = RenderSettings(width=72, height=128, fps=6, narration=False, music=False)
    env.update(PETREEL_RENDER__WIDTH=str(small.width), PETREEL_RENDER__HEIGHT=str(small.height),
               PETREEL_RENDER__FPS=str(small.fps), PETREEL_RENDER__NARRATION="false", PETREEL_RENDER__MUSIC="false")
    proc = subprocess.run(
        [sys.executable, "-m", "worker.runner", "worker", "--once"], env=env, cwd=REPO, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    # The worker left nothing behind in its own folder but scratch space; the bot's folder is untouched.
    assert not any(p.is_file() and p.suffix in (".mp4", ".jpg") for p in workers_dir.rglob("*"))
    with open_store(pg_url) as store:
        job = store.get_job(job_id)
        assert job is not None and job.state == "done"

    async def deliver() -> tuple[bytes, int]:
        from telegram import Bot

        from bot.delivery import Delivery
        from sandbox import BotApiSandbox
        from storage.store import AsyncStore

        settings = Settings(data_dir=bot_dir, database_url=pg_url)  # type: ignore[arg-type]
        async with BotApiSandbox() as sandbox, AsyncStore.from_settings(settings) as astore:
            user = sandbox.user(4242)
            await user.send("/start")
            async with Bot(sandbox.token, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url) as bot:
                delivery = Delivery(bot, astore, settings)
                await delivery.drain()
                (clip,), _ = await astore.list_clips(4242)
                stored = await astore.clip_bytes(clip.id)
                assert stored is not None and stored[4:8] == b"ftyp"  # an MP4, from the database
                assert (await astore.get_clip(clip.id)).file_id  # type: ignore[union-attr]
                chat = await user.wait_for(lambda chat: any(m.video for m in chat), timeout=30)
                media = next(m for m in chat if m.video).media
                assert media is not None and media.get("thumbnail")  # the thumbnail came from the database too
                return stored, int(media.get("file_size") or 0)

    stored, sent = asyncio.run(deliver())
    assert sent == len(stored) > 0
    assert not any(bot_dir.rglob("*.mp4"))  # the bot never needed a file on disk


def test_listen_notify_wakes_workers_and_delivery_when_the_write_commits(pg_url: str, tmp_path: Path) -> None:
    """PostgreSQL tells waiters: a worker waiting for jobs and the delivery loop waiting for events wake
    as soon as the transaction that queued the job commits (polling stays the safety net)."""
    import asyncio

    from storage.store import AsyncStore

    with open_store(pg_url) as waiter, open_store(pg_url) as producer:
        assert waiter.wait_for_jobs(0.0) is False  # LISTEN is in place, nothing pending
        assert waiter.wait_for_events(0.0) is False
        job_id = producer.enqueue(1, "wake", "corgi", "storyboard", "en", "{}", 1).id
        started = time.monotonic()
        assert waiter.wait_for_jobs(30.0) is True and waiter.wait_for_events(30.0) is True
        assert time.monotonic() - started < 5.0  # woken, not timed out
        assert waiter.wait_for_jobs(0.2) is False  # one enqueue, one wake-up

        async def delivery_side() -> bool:
            async with AsyncStore(pg_url, LIMITS) as astore:
                assert await astore.wait_for_events(0.05) is False  # listening now
                claimed = producer.claim("w", 60)
                assert claimed is not None and claimed.job.id == job_id
                assert producer.complete(job_id, claimed.token, _clip(tmp_path, job_id)) is not None
                return await astore.wait_for_events(30.0)

        assert asyncio.run(delivery_side()) is True

"""Queue throughput: enqueue and claim+complete jobs/s with 1 and 8 processes, on either backend.

Run from the repository root:
``python -m bench.queue_bench --backend sqlite|postgres [--jobs 2000] [--processes 1,8] [--url postgresql://…]``.

SQLite: a fresh file in a temporary folder with the production pragmas (WAL, synchronous=FULL).
PostgreSQL: ``--url`` (an empty database you own), or by default a throwaway server started from the
local binaries (``tests/pgserver.py``) with the production durability settings (fsync and
synchronous_commit on), so both backends pay one durable commit per transaction. No rendering: each
worker claims a job and completes it with a 4 KiB fake clip (copied into the database on PostgreSQL,
as a worker on another host would). The figures are measured in one run and printed side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.synchronize import Barrier
from pathlib import Path

from petreel.settings import QuotaSettings
from render.stages import ClipInfo
from storage.db import scalar
from storage.store import Store

LIMITS = QuotaSettings(daily_free=1_000_000, max_queued=1_000_000, max_queue=1_000_000)
Target = Path | str


def _enqueue(target: Target, first: int, n: int, ready: Barrier) -> None:
    with Store(target, LIMITS) as store:
        ready.wait()
        for i in range(first, first + n):
            store.enqueue(1 + i % 100, "bench premise", "ginger-cat", "storyboard", "en", "{}", i)


def _drain(target: Target, worker_id: str, clip_file: str, ready: Barrier) -> None:
    with Store(target, LIMITS) as store:
        clip = Path(clip_file)
        ready.wait()
        while (claimed := store.claim(worker_id, 60.0)) is not None:
            info = ClipInfo(clip, clip.with_suffix(".none"), 720, 1280, 30.0, clip.stat().st_size)
            assert store.complete(claimed.job.id, claimed.token, info) is not None


def timed(target: Target, processes: int, work: str, jobs: int, clip_file: Path) -> float:
    """Seconds for ``processes`` spawned processes to enqueue ``jobs`` (``work='enqueue'``) or to claim
    and complete every queued job (``'drain'``), from the moment all of them have connected."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(processes + 1)
    if work == "enqueue":
        share = jobs // processes
        procs = [ctx.Process(target=_enqueue, args=(target, i * share, share, ready)) for i in range(processes)]
    else:
        procs = [ctx.Process(target=_drain, args=(target, f"bench-{i}", str(clip_file), ready)) for i in range(processes)]
    for proc in procs:
        proc.start()
    ready.wait()  # every process has connected (and migrated): start the clock
    start = time.perf_counter()
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - start
    if any(proc.exitcode for proc in procs):
        raise SystemExit(f"a bench {work} process failed")
    return elapsed


@contextlib.contextmanager
def databases(backend: str, url: str | None, tmp: Path) -> Iterator[Iterator[Target]]:
    """Yields an iterator of fresh, empty databases (one per measured process count)."""
    if backend == "sqlite":
        yield (tmp / f"bench-{i}.db" for i in range(1000))
        return
    from storage.pg import db as pgdb

    if url is not None:

        def reuse() -> Iterator[Target]:
            while True:  # an empty database each time: drop what the previous round made
                admin = pgdb.direct(url)
                admin.execute("DROP TABLE IF EXISTS schema_migrations, jobs, clips, credit_ledger, events, users, "
                              "workers, drafts, outbox_leases, clip_chunks CASCADE")  # fmt: skip
                admin.execute("DROP FUNCTION IF EXISTS credit_ledger_append_only, notify_jobs, notify_events CASCADE")
                admin.close()
                pgdb.close_pool(url)
                yield url

        yield reuse()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.pgserver import TempServer

    with TempServer(durable=True) as server:

        def fresh() -> Iterator[Target]:
            for i in range(1000):
                admin = pgdb.direct(server.url)
                admin.execute(f"CREATE DATABASE bench{i}")
                admin.close()
                yield server.url_for(f"bench{i}")

        yield fresh()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--url", default=None, help="PostgreSQL database to use (default: a throwaway local server)")
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--processes", default="1,8", help="comma-separated process counts")
    args = parser.parse_args()
    counts = [int(x) for x in args.processes.split(",") if x.strip()]
    print(f"backend {args.backend}, {args.jobs} jobs per run")
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp, databases(args.backend, args.url, Path(tmp)) as dbs:
        clip_file = Path(tmp) / "clip.mp4"
        clip_file.write_bytes(b"\0" * 4096)
        for n_proc in counts:
            target = next(dbs)
            Store(target, LIMITS).close()  # create and migrate before the clock starts
            plural = "process" if n_proc == 1 else "processes"
            # 1. Enqueue (reserve + job + event per transaction).
            seconds = timed(target, n_proc, "enqueue", args.jobs, clip_file)
            queued = (args.jobs // n_proc) * n_proc
            print(f"enqueue            {queued:6d} jobs  {queued / seconds:8.0f} jobs/s  ({n_proc} {plural})")
            # 2. Claim + complete.
            seconds = timed(target, n_proc, "drain", queued, clip_file)
            with Store(target, LIMITS) as store:
                done = int(scalar(store.db, "SELECT COUNT(*) FROM jobs WHERE state = 'done'"))
            assert done == queued, f"{done} of {queued} done"
            rates[n_proc] = queued / seconds
            print(f"claim+complete     {queued:6d} jobs  {rates[n_proc]:8.0f} jobs/s  ({n_proc} {plural})")
    if len(rates) > 1:
        low, high = min(rates), max(rates)
        print(f"claim+complete {high} vs {low} processes: {rates[high] / rates[low]:.2f}x")


if __name__ == "__main__":
    main()

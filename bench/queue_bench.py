"""Queue throughput: enqueue (one process) and claim+complete with 1 and 8 worker processes.

Run from the repository root: ``python -m bench.queue_bench [--jobs 2000] [--processes 1,8]``.
Uses a fresh SQLite file in a temporary folder with the production pragmas (WAL, synchronous=FULL),
so the figures include one fsync per committed transaction. No rendering: each worker claims a job,
then completes it with a fake clip record.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

from petreel.settings import QuotaSettings
from render.stages import ClipInfo
from storage.db import scalar
from storage.store import Store

LIMITS = QuotaSettings(daily_free=1_000_000, max_queued=1_000_000, max_queue=1_000_000)


def enqueue_jobs(path: Path, n: int) -> float:
    """Seconds to enqueue ``n`` jobs, one transaction each (reservation + job + event)."""
    with Store(path, LIMITS) as store:
        start = time.perf_counter()
        for i in range(n):
            store.enqueue(1 + i % 100, "bench premise", "ginger-cat", "storyboard", "en", "{}", i)
        return time.perf_counter() - start


def _drain(path: str, worker_id: str, ready: multiprocessing.synchronize.Barrier) -> None:  # type: ignore[name-defined]
    with Store(Path(path), LIMITS) as store:
        ready.wait()
        while (claimed := store.claim(worker_id, 60.0)) is not None:
            job_id = claimed.job.id
            info = ClipInfo(store.clip_path(job_id), store.thumbnail_path(job_id), 720, 1280, 30.0, 1)
            assert store.complete(job_id, claimed.token, info) is not None


def claim_complete(path: Path, processes: int) -> float:
    """Seconds for ``processes`` spawned workers to claim and complete every queued job."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(processes + 1)
    procs = [ctx.Process(target=_drain, args=(str(path), f"bench-{i}", ready)) for i in range(processes)]
    for proc in procs:
        proc.start()
    ready.wait()  # every worker has connected; start the clock
    start = time.perf_counter()
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - start
    if any(proc.exitcode for proc in procs):
        raise SystemExit("a bench worker failed")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--processes", default="1,8", help="comma-separated worker process counts")
    args = parser.parse_args()
    counts = [int(x) for x in args.processes.split(",") if x.strip()]
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp:
        for n_proc in counts:
            path = Path(tmp) / f"bench-{n_proc}.db"
            # 1. Enqueue.
            seconds = enqueue_jobs(path, args.jobs)
            print(f"enqueue            {args.jobs:6d} jobs  {args.jobs / seconds:8.0f} jobs/s  (1 process)")
            # 2. Claim + complete.
            seconds = claim_complete(path, n_proc)
            with Store(path, LIMITS) as store:
                done = int(scalar(store.db, "SELECT COUNT(*) FROM jobs WHERE state = 'done'"))
            assert done == args.jobs, f"{done} of {args.jobs} done"
            plural = "process" if n_proc == 1 else "processes"
            print(f"claim+complete     {args.jobs:6d} jobs  {args.jobs / seconds:8.0f} jobs/s  ({n_proc} {plural})")


if __name__ == "__main__":
    main()

"""Queue throughput: enqueue and claim+complete jobs/s with 1 and 8 processes, on either backend.

Run from the repository root:
``python -m bench.queue_bench [--backend sqlite|postgres|both] [--jobs 2000] [--processes 1,8] [--url postgresql://…]``
(``both``, the default, prints every figure of both backends in one run).

SQLite: a fresh file in a temporary folder with the production pragmas (WAL, synchronous=FULL).
PostgreSQL: ``--url`` (an empty database you own), or by default a throwaway server started from the
local binaries (``tests/pgserver.py``) with the production durability settings (fsync and
synchronous_commit on; printed at the start), so both backends pay one durable commit per transaction.
No rendering: each worker claims a job and completes it with a 4 KiB fake clip (copied into the
database on PostgreSQL, as a worker on another host would). Besides jobs/s it prints the client
processes' CPU seconds per 1,000 jobs and, on PostgreSQL, the round trips one claim and one complete
take (counted from the connection's protocol trace). The figures are measured in one run.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from petreel.settings import QuotaSettings
from render.stages import ClipInfo
from storage.db import scalar
from storage.store import Store

LIMITS = QuotaSettings(daily_free=1_000_000, max_queued=1_000_000, max_queue=1_000_000)
Target = Path | str


def _enqueue(target: Target, first: int, n: int, ready: Barrier, cpu: Any, slot: int) -> None:
    with Store(target, LIMITS) as store:
        ready.wait()
        started = time.process_time()
        for i in range(first, first + n):
            store.enqueue(1 + i % 100, "bench premise", "ginger-cat", "storyboard", "en", "{}", i)
        cpu[slot] = time.process_time() - started


def _drain(target: Target, worker_id: str, clip_file: str, ready: Barrier, cpu: Any, slot: int) -> None:
    with Store(target, LIMITS) as store:
        clip = Path(clip_file)
        ready.wait()
        started = time.process_time()
        while (claimed := store.claim(worker_id, 60.0)) is not None:
            info = ClipInfo(clip, clip.with_suffix(".none"), 720, 1280, 30.0, clip.stat().st_size)
            assert store.complete(claimed.job.id, claimed.token, info) is not None
        cpu[slot] = time.process_time() - started


def timed(target: Target, processes: int, work: str, jobs: int, clip_file: Path) -> tuple[float, float]:
    """(wall seconds, client CPU seconds) for ``processes`` spawned processes to enqueue ``jobs``
    (``work='enqueue'``) or to claim and complete every queued job (``'drain'``), both measured from
    the moment all of them have connected."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(processes + 1)
    cpu = ctx.Array("d", processes)
    if work == "enqueue":
        share = jobs // processes
        procs = [ctx.Process(target=_enqueue, args=(target, i * share, share, ready, cpu, i)) for i in range(processes)]
    else:
        procs = [
            ctx.Process(target=_drain, args=(target, f"bench-{i}", str(clip_file), ready, cpu, i))
            for i in range(processes)
        ]
    for proc in procs:
        proc.start()
    ready.wait()  # every process has connected (and migrated): start the clock
    start = time.perf_counter()
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - start
    if any(proc.exitcode for proc in procs):
        raise SystemExit(f"a bench {work} process failed")
    return elapsed, sum(cpu[:])


def round_trips(target: str, clip_file: Path, jobs: int = 30) -> tuple[float, float]:
    """Median round trips (``ReadyForQuery`` messages in the libpq trace) of one claim and one complete."""
    with Store(target, LIMITS) as store, tempfile.TemporaryFile() as trace:
        for i in range(jobs):
            store.enqueue(1, "bench premise", "ginger-cat", "storyboard", "en", "{}", i)
        store.db.conn.pgconn.trace(trace.fileno())

        def seen() -> int:
            trace.flush()
            trace.seek(0)
            return trace.read().count(b"\tReadyForQuery\t")

        per_claim, per_complete = [], []
        for _ in range(jobs):
            before = seen()
            claimed = store.claim("bench-trace", 60.0)
            assert claimed is not None
            middle = seen()
            info = ClipInfo(clip_file, clip_file.with_suffix(".none"), 720, 1280, 30.0, clip_file.stat().st_size)
            assert store.complete(claimed.job.id, claimed.token, info) is not None
            per_claim.append(middle - before)
            per_complete.append(seen() - middle)
        store.db.conn.pgconn.untrace()
    return statistics.median(per_claim), statistics.median(per_complete)


def server_settings(target: str) -> str:
    names = ("fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay", "server_version")
    with Store(target, LIMITS) as store:
        return ", ".join(f"{n}={scalar(store.db, f'SHOW {n}')}" for n in names)


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


def run_backend(backend: str, url: str | None, jobs: int, counts: list[int]) -> None:
    print(f"backend {backend}, {jobs} jobs per run")
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="petreel-bench-") as tmp, databases(backend, url, Path(tmp)) as dbs:
        clip_file = Path(tmp) / "clip.mp4"
        clip_file.write_bytes(b"\0" * 4096)
        for n_proc in counts:
            target = next(dbs)
            Store(target, LIMITS).close()  # create and migrate before the clock starts
            if isinstance(target, str) and n_proc == counts[0]:
                print(f"server: {server_settings(target)}")
            plural = "process" if n_proc == 1 else "processes"
            # 1. Enqueue (reserve + job + event per transaction).
            seconds, cpu = timed(target, n_proc, "enqueue", jobs, clip_file)
            queued = (jobs // n_proc) * n_proc
            print(f"enqueue            {queued:6d} jobs  {queued / seconds:8.0f} jobs/s  "
                  f"{1000 * cpu / queued:6.2f} client core-s/1000  ({n_proc} {plural})")  # fmt: skip
            # 2. Claim + complete.
            seconds, cpu = timed(target, n_proc, "drain", queued, clip_file)
            with Store(target, LIMITS) as store:
                done = int(scalar(store.db, "SELECT COUNT(*) FROM jobs WHERE state = 'done'"))
            assert done == queued, f"{done} of {queued} done"
            rates[n_proc] = queued / seconds
            print(f"claim+complete     {queued:6d} jobs  {rates[n_proc]:8.0f} jobs/s  "
                  f"{1000 * cpu / queued:6.2f} client core-s/1000  ({n_proc} {plural})")  # fmt: skip
        if backend == "postgres":
            target = next(dbs)
            Store(target, LIMITS).close()
            claim, complete = round_trips(str(target), clip_file)
            print(f"round trips        claim {claim:g}, complete {complete:g} (median of 30, one process)")
    if len(rates) > 1:
        low, high = min(rates), max(rates)
        print(f"claim+complete {high} vs {low} processes: {rates[high] / rates[low]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--url", default=None, help="PostgreSQL database to use (default: a throwaway local server)")
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--processes", default="1,8", help="comma-separated process counts")
    args = parser.parse_args()
    counts = [int(x) for x in args.processes.split(",") if x.strip()]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} at the start")
    for backend in ("postgres", "sqlite") if args.backend == "both" else (args.backend,):
        run_backend(backend, args.url, args.jobs, counts)


if __name__ == "__main__":
    main()

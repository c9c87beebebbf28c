"""Operations endpoints: ``/healthz`` and ``/metrics`` for the bot's aiohttp web app.

``ops_routes(store, settings, metrics)`` returns aiohttp route definitions. The numbers are true
across processes: job counts come from ``store.stats()`` (the Store contract) and the render-time
histogram and worker heartbeats from the database itself, read at request time through a
read-only ``sqlite3`` connection on a worker thread (never on the event loop). The worker runs in
another process, so nothing it does is counted in this process's memory.

Health rule (``/healthz``), with ``stale_after`` = ``settings.worker.lease_s`` (a worker silent for
a whole lease has lost its job anyway):

1. the database answers ``stats()``, else 503 ``db: error``;
2. the newest worker heartbeat is younger than ``stale_after`` → 200. Heartbeats are read from a
   ``workers`` table when storage has one, and from running jobs (``updated``, else
   ``lease_expires - lease_s``);
3. no fresh heartbeat: 503 when a runnable queued job has waited longer than ``stale_after`` or a
   stale heartbeat is the newest evidence; otherwise (an idle system whose storage records no idle
   heartbeats) 200 with ``"worker": "idle"`` and ``worker_heartbeat_age_s: null``.

``python -m petreel.ops probe`` is the Docker HEALTHCHECK of the bot (GET /healthz on the
configured port); ``python -m petreel.ops worker-check`` is the worker's (same rule, read straight
from the database, exit 0/1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from aiohttp import web

from petreel.metrics import CONTENT_TYPE, JOB_STATES, Metrics, default_metrics
from petreel.settings import Settings, load_settings

Clock = Callable[[], float]

# Column names probed in the schema (fixed allowlists: only these ever reach SQL text).
_START_COLUMNS = ("started", "started_at", "claimed", "claimed_at")
_FINISH_COLUMNS = ("finished", "finished_at", "completed", "completed_at")
_JOB_BEAT_COLUMNS = ("heartbeat", "heartbeat_at", "last_heartbeat", "updated", "updated_at")
_WORKER_BEAT_COLUMNS = ("heartbeat", "heartbeat_at", "last_heartbeat", "last_seen", "seen", "updated", "updated_at")
_EVENT_TIME_COLUMNS = ("created", "created_at")


class StatsSource(Protocol):
    """What ops needs from ``storage.store.AsyncStore`` (the Store contract's ``stats``)."""

    async def stats(self, now: float | None = None) -> Any: ...


@dataclass(frozen=True)
class RenderTimes:
    """Cumulative bucket counts of finished jobs' render seconds, with sum and count."""

    buckets: tuple[float, ...]
    cumulative: tuple[int, ...]
    total: float
    count: int


@dataclass(frozen=True)
class WorkerView:
    heartbeat: float | None  # unix seconds of the newest worker heartbeat
    source: str  # "workers" | "running_jobs" | "none"
    oldest_runnable_queued: float | None  # unix seconds since a runnable queued job became runnable


@runtime_checkable
class OpsReader(Protocol):
    """Queries the Store contract lacks (``render_times``, ``worker_view``); tests may inject a fake."""

    async def render_times(self, buckets: Sequence[float]) -> RenderTimes: ...

    async def worker_view(self, now: float) -> WorkerView: ...


def _unix(column: str) -> str:
    """SQL turning a REAL/INTEGER unix time or an ISO-8601 text time into unix seconds."""
    return (
        f"(CASE WHEN typeof({column}) IN ('integer', 'real') THEN {column} "
        f"WHEN {column} IS NULL THEN NULL ELSE (julianday({column}) - 2440587.5) * 86400.0 END)"
    )


def _pick(columns: set[str], candidates: Sequence[str]) -> str | None:
    return next((c for c in candidates if c in columns), None)


class SqliteOpsReader:
    """Read-only sqlite3 access to the PetReel database; every query runs in a thread."""

    def __init__(self, path: Path, lease_s: float) -> None:
        self.path = Path(path)
        self.lease_s = lease_s

    def _connect(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=5.0)
        conn.execute("PRAGMA query_only = 1")
        return conn

    @staticmethod
    def _schema(conn: sqlite3.Connection) -> dict[str, set[str]]:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (t,))} for t in tables}

    async def render_times(self, buckets: Sequence[float]) -> RenderTimes:
        return await asyncio.to_thread(self._render_times, tuple(sorted(float(b) for b in buckets)))

    async def worker_view(self, now: float) -> WorkerView:
        return await asyncio.to_thread(self._worker_view, now)

    def _render_times(self, buckets: tuple[float, ...]) -> RenderTimes:
        with closing(self._connect()) as conn:
            schema = self._schema(conn)
            jobs = schema.get("jobs", set())
            finish = _pick(jobs, _FINISH_COLUMNS)
            start = _pick(jobs, _START_COLUMNS)
            if finish is None or "state" not in jobs:
                return RenderTimes(buckets, (0,) * len(buckets), 0.0, 0)
            if start is not None:
                begin, end = _unix("j." + start), _unix("j." + finish)
                durations = f"SELECT {end} - {begin} AS d FROM jobs j WHERE j.state = 'done'"  # noqa: S608
            else:
                # No start column: the job's first progress event marks the start of rendering.
                events = schema.get("events", set())
                ev_time = _pick(events, _EVENT_TIME_COLUMNS)
                if ev_time is None or not {"job_id", "kind"} <= events:
                    return RenderTimes(buckets, (0,) * len(buckets), 0.0, 0)
                begin, end = _unix("e." + ev_time), _unix("j." + finish)
                join = "JOIN events e ON e.job_id = j.id AND e.kind = 'progress' WHERE j.state = 'done' GROUP BY j.id"
                durations = f"SELECT {end} - MIN({begin}) AS d FROM jobs j {join}"  # noqa: S608
            le = ", ".join(f"COALESCE(SUM(d <= {b!r}), 0)" for b in buckets)
            row = conn.execute(
                f"SELECT COUNT(*), COALESCE(SUM(d), 0.0), {le} FROM ({durations}) WHERE d IS NOT NULL AND d >= 0"  # noqa: S608 (allowlisted names, float literals)
            ).fetchone()
        count, total, *cumulative = row
        return RenderTimes(buckets, tuple(int(c) for c in cumulative), float(total), int(count))

    def _worker_view(self, now: float) -> WorkerView:
        with closing(self._connect()) as conn:
            schema = self._schema(conn)
            heartbeat: float | None = None
            source = "none"
            workers = schema.get("workers", set())
            beat = _pick(workers, _WORKER_BEAT_COLUMNS)
            if beat is not None:
                heartbeat = conn.execute(f"SELECT MAX({_unix(beat)}) FROM workers").fetchone()[0]  # noqa: S608
                source = "workers"
            jobs = schema.get("jobs", set())
            job_beat = _pick(jobs, _JOB_BEAT_COLUMNS)
            running: float | None = None
            if "state" in jobs and job_beat is not None:
                running = conn.execute(
                    f"SELECT MAX({_unix(job_beat)}) FROM jobs WHERE state = 'running'"  # noqa: S608
                ).fetchone()[0]
            elif "state" in jobs and "lease_expires" in jobs:
                lease = _unix("lease_expires")
                sql = f"SELECT MAX({lease}) - ? FROM jobs WHERE state = 'running'"  # noqa: S608
                running = conn.execute(sql, (self.lease_s,)).fetchone()[0]
            if running is not None and (heartbeat is None or running > heartbeat):
                heartbeat, source = min(float(running), now), "running_jobs"
            oldest: float | None = None
            if "state" in jobs:
                # A queued job is runnable since MAX(run_after, created) (run_after is the retry backoff).
                times = [_unix(c) for c in ("run_after", "created", "created_at") if c in jobs][:2]
                since = None if not times else times[0] if len(times) == 1 else f"MAX({times[0]}, {times[1]})"
                if since is not None:
                    oldest = conn.execute(
                        f"SELECT MIN({since}) FROM jobs WHERE state = 'queued' AND {since} <= ?",  # noqa: S608
                        (now,),
                    ).fetchone()[0]
        return WorkerView(
            heartbeat=None if heartbeat is None else float(heartbeat),
            source=source,
            oldest_runnable_queued=None if oldest is None else float(oldest),
        )


@dataclass(frozen=True)
class Health:
    ok: bool
    body: dict[str, Any]


def judge_health(view: WorkerView, now: float, stale_after: float) -> Health:
    """The health rule (pure): see the module docstring."""
    age = None if view.heartbeat is None else max(0.0, now - view.heartbeat)
    body: dict[str, Any] = {"db": "ok", "worker_heartbeat_age_s": None if age is None else round(age, 3)}
    if age is not None and age <= stale_after:
        return Health(True, body | {"worker": "ok", "heartbeat_source": view.source})
    waiting = None if view.oldest_runnable_queued is None else now - view.oldest_runnable_queued
    if waiting is not None and waiting > stale_after:
        reason = f"a queued job has waited {waiting:.0f}s and no worker heartbeat is fresher than {stale_after:.0f}s"
        return Health(False, body | {"worker": "stalled", "reason": reason})
    if age is not None and view.source == "workers":
        reason = f"newest worker heartbeat is {age:.0f}s old (limit {stale_after:.0f}s)"
        return Health(False, body | {"worker": "stale", "reason": reason})
    if age is not None:
        reason = f"running job heartbeat is {age:.0f}s old (limit {stale_after:.0f}s)"
        return Health(False, body | {"worker": "stale", "reason": reason})
    return Health(True, body | {"worker": "idle"})


async def check_health(store: StatsSource, reader: OpsReader, now: float, stale_after: float) -> Health:
    try:
        await store.stats(now)
        view = await reader.worker_view(now)
    except Exception as exc:  # any database failure is a health answer, not a crash
        reason = f"db: {type(exc).__name__}: {exc}"
        return Health(False, {"db": "error", "worker_heartbeat_age_s": None, "reason": reason})
    return judge_health(view, now, stale_after)


async def collect(metrics: Metrics, store: StatsSource, reader: OpsReader, now: float) -> None:
    """Refresh the scrape-time families of ``metrics`` from the database."""
    try:
        stats = await store.stats(now)
        by_state: Mapping[str, int] = stats.jobs_by_state
        times = await reader.render_times(metrics.render_seconds.buckets[:-1])
        view = await reader.worker_view(now)
    except Exception:
        metrics.db_up.set(0)
        return
    metrics.db_up.set(1)
    states = {s: 0 for s in JOB_STATES} | dict(by_state)
    metrics.jobs.replace({(state,): n for state, n in states.items()})
    metrics.queue_length.set(states.get("queued", 0))
    metrics.render_seconds.set_cumulative([*times.cumulative, times.count], times.total)
    metrics.worker_heartbeat_age.set(-1 if view.heartbeat is None else max(0.0, now - view.heartbeat))


def ops_routes(
    store: StatsSource,
    settings: Settings,
    metrics: Metrics | None = None,
    *,
    reader: OpsReader | None = None,
    clock: Clock = time.time,
) -> list[web.RouteDef]:
    """``GET /healthz`` and ``GET /metrics``; ``store`` is the process's ``AsyncStore``."""
    metrics = metrics or default_metrics()
    reader = reader or SqliteOpsReader(settings.database, settings.worker.lease_s)
    stale_after = settings.worker.lease_s

    async def healthz(request: web.Request) -> web.Response:
        health = await check_health(store, reader, clock(), stale_after)
        return web.json_response(health.body, status=200 if health.ok else 503)

    async def metrics_view(request: web.Request) -> web.Response:
        await collect(metrics, store, reader, clock())
        return web.Response(body=metrics.render().encode(), headers={"Content-Type": CONTENT_TYPE})

    return [web.get("/healthz", healthz), web.get("/metrics", metrics_view)]


class _NoStats:
    async def stats(self, now: float | None = None) -> None:
        return None


def _probe(settings: Settings, timeout: float) -> int:
    host = "127.0.0.1" if settings.http_host in ("0.0.0.0", "::", "") else settings.http_host
    url = f"http://{host}:{settings.http_port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed http URL)
            print(response.read().decode())
            return 0
    except urllib.error.HTTPError as exc:
        print(exc.read().decode(), file=sys.stderr)
    except OSError as exc:
        print(f"{url}: {exc}", file=sys.stderr)
    return 1


def _worker_check(settings: Settings, now: float | None = None) -> int:
    reader = SqliteOpsReader(settings.database, settings.worker.lease_s)
    now = time.time() if now is None else now
    health = asyncio.run(check_health(_NoStats(), reader, now, settings.worker.lease_s))
    print(json.dumps(health.body), file=sys.stdout if health.ok else sys.stderr)
    return 0 if health.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petreel.ops", description="Container health checks.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    probe = sub.add_parser("probe", help="GET /healthz on settings.http_host:http_port (bot container)")
    probe.add_argument("--timeout", type=float, default=5.0)
    sub.add_parser("worker-check", help="apply the /healthz rule straight to the database (worker container)")
    args = parser.parse_args(argv)
    settings = load_settings()
    return _probe(settings, args.timeout) if args.cmd == "probe" else _worker_check(settings)


if __name__ == "__main__":
    sys.exit(main())

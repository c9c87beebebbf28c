"""Operations endpoints: ``/healthz`` and ``/metrics`` for the bot's aiohttp web app.

``ops_routes(store, settings, metrics)`` returns aiohttp route definitions over the process's
``AsyncStore`` (every query runs on its database thread, never on the event loop). ``/metrics`` is
``petreel.metrics`` (prometheus-client): the state gauges (jobs by state, queue length, worker
heartbeat ages, database up) are read from the database at request time, because workers run in
other processes; counters and histograms (render times, finished jobs, Telegram errors) are observed
by the bot when the events happen (see ``petreel/metrics.py``).

Health rule (``/healthz``), with ``stale_after`` = 3 × ``settings.worker.heartbeat_s`` (workers
heartbeat their ``workers`` row every ``heartbeat_s``, idle or busy):

1. the database answers ``ping()`` and ``workers()``, else 503 with ``"db": "error"`` and a reason;
2. at least one worker heartbeat is at most ``stale_after`` old → 200; every worker is listed with
   its state and heartbeat age;
3. otherwise 503 with a reason ("no worker registered" / "newest worker heartbeat is N s old").
   ``require_worker=False`` (a bot-only deployment whose workers run elsewhere on the same database)
   still reports the worker rows but answers 200 while the database is reachable.

``python -m ops.server probe`` is the Docker HEALTHCHECK of the bot (GET /healthz on the
configured port); ``python -m ops.server worker-check`` is the worker's: the same rule applied
straight to the database, restricted to workers registered from this host (exit 0/1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from aiohttp import web

from petreel.metrics import CONTENT_TYPE, JOB_STATES, Metrics, default_metrics
from petreel.settings import Settings, load_settings
from storage.models import WorkerInfo
from storage.store import AsyncStore

Clock = Callable[[], float]

HEARTBEAT_FACTOR = 3.0  # a worker is alive while its newest heartbeat is younger than 3 × heartbeat_s


class OpsStore(Protocol):
    """What ops needs from ``storage.store.AsyncStore`` (the Store contract)."""

    async def ping(self) -> bool: ...

    async def workers(self) -> list[WorkerInfo]: ...

    async def jobs_by_state(self) -> dict[str, int]: ...

    async def sales(self) -> dict[str, int]: ...


def stale_after(settings: Settings) -> float:
    return HEARTBEAT_FACTOR * settings.worker.heartbeat_s


@dataclass(frozen=True)
class Health:
    ok: bool
    body: dict[str, Any]


def _worker_entry(worker: WorkerInfo, now: float) -> dict[str, Any]:
    return {
        "worker_id": worker.worker_id,
        "state": worker.state,
        "age_s": round(worker.age(now), 3),
        "job_id": worker.job_id,
        "host": worker.host,
        "pid": worker.pid,
        "gpu": worker.gpu,
    }


def judge_health(
    workers: Sequence[WorkerInfo], now: float, stale_after_s: float, *, require_worker: bool = True
) -> Health:
    """The health rule (pure) for a reachable database: see the module docstring."""
    ages = [w.age(now) for w in workers]
    fresh = sum(1 for age in ages if age <= stale_after_s)
    body: dict[str, Any] = {
        "db": "ok",
        "worker_heartbeat_age_s": round(min(ages), 3) if ages else None,
        "stale_after_s": stale_after_s,
        "fresh_workers": fresh,
        "workers": [_worker_entry(w, now) for w in workers],
    }
    if fresh:
        return Health(True, body | {"worker": "ok"})
    if not workers:
        worker, reason = "none", "no worker registered"
    else:
        worker, reason = "stale", f"newest worker heartbeat is {min(ages):.0f}s old (limit {stale_after_s:.0f}s)"
    if require_worker:
        return Health(False, body | {"worker": worker, "reason": reason})
    return Health(True, body | {"worker": worker, "warning": reason})


async def check_health(
    store: OpsStore, now: float, stale_after_s: float, *, require_worker: bool = True, host: str | None = None
) -> Health:
    """Ask the database, then judge; ``host`` keeps only workers registered from that host."""
    try:
        if not await store.ping():
            raise RuntimeError("ping returned False")
        workers = await store.workers()
    except Exception as exc:  # any database failure is a health answer, not a crash
        reason = f"db: {type(exc).__name__}: {exc}"
        return Health(False, {"db": "error", "worker_heartbeat_age_s": None, "reason": reason})
    if host is not None:
        workers = [w for w in workers if w.host == host]
    return judge_health(workers, now, stale_after_s, require_worker=require_worker)


async def collect(metrics: Metrics, store: OpsStore, now: float) -> None:
    """Refresh the scrape-time gauges of ``metrics`` from the database (the queries first, then the
    gauges in one synchronous block, so a concurrent scrape never sees them half-written)."""
    try:
        by_state = await store.jobs_by_state()
        workers = await store.workers()
        sales = await store.sales()
    except Exception:  # an unreachable database is a metric, not an error page
        metrics.db_up.set(0)
        return
    metrics.db_up.set(1)
    states = {s: 0 for s in JOB_STATES} | by_state
    for state, n in states.items():
        metrics.jobs.labels(state).set(n)
    metrics.queue_length.set(states["queued"])
    metrics.worker_heartbeat_age.clear()  # workers that left have no series
    for w in workers:
        metrics.worker_heartbeat_age.labels(w.worker_id).set(w.age(now))
    metrics.set_sales(sales)


def ops_routes(
    store: OpsStore,
    settings: Settings,
    metrics: Metrics | None = None,
    *,
    require_worker: bool = True,
    clock: Clock = time.time,
) -> list[web.RouteDef]:
    """``GET /healthz`` and ``GET /metrics``; ``store`` is the process's ``AsyncStore``."""
    metrics = metrics or default_metrics()
    limit = stale_after(settings)

    async def healthz(request: web.Request) -> web.Response:
        health = await check_health(store, clock(), limit, require_worker=require_worker)
        return web.json_response(health.body, status=200 if health.ok else 503)

    async def metrics_view(request: web.Request) -> web.Response:
        await collect(metrics, store, clock())
        return web.Response(body=metrics.render().encode(), headers={"Content-Type": CONTENT_TYPE})

    return [web.get("/healthz", healthz), web.get("/metrics", metrics_view)]


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


async def _check_database(settings: Settings, now: float, host: str | None) -> Health:
    store = AsyncStore.from_settings(settings)
    try:
        return await check_health(store, now, stale_after(settings), host=host)
    finally:
        await store.close()


def _worker_check(settings: Settings, now: float | None = None, host: str | None = None) -> int:
    """The worker container's health: a worker registered from ``host`` heartbeats (exit 0/1)."""
    now = time.time() if now is None else now
    health = asyncio.run(_check_database(settings, now, host))
    print(json.dumps(health.body), file=sys.stdout if health.ok else sys.stderr)
    return 0 if health.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.server", description="Container health checks.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    probe = sub.add_parser("probe", help="GET /healthz on settings.http_host:http_port (bot container)")
    probe.add_argument("--timeout", type=float, default=5.0)
    check = sub.add_parser("worker-check", help="apply the /healthz rule to this host's workers (worker container)")
    check.add_argument("--any-host", action="store_true", help="count workers registered from any host")
    args = parser.parse_args(argv)
    settings = load_settings()
    if args.cmd == "probe":
        return _probe(settings, args.timeout)
    return _worker_check(settings, host=None if args.any_host else socket.gethostname())


if __name__ == "__main__":
    sys.exit(main())

"""PetReel's Prometheus metrics, on ``prometheus-client``.

Where each number comes from (workers render in other processes, often on other hosts, so nothing
a worker counts in its own memory could reach the bot's ``/metrics``):

- **Events, observed when they happen, in the bot process.** The bot's delivery loop consumes the
  outbox; when it acknowledges a job's final event it calls ``observe_job_event``: one
  ``petreel_jobs_finished_total{outcome}``, and for ``done`` the two render times the event carries
  (``petreel_render_seconds``: claim to completion, from the job row; ``petreel_process_render_seconds``:
  the seconds the worker process spent in the render pipeline, measured there with a monotonic clock
  and written on the ``done`` event). Telegram errors are counted where the bot meets them
  (``count_telegram_error``). These counters and histograms only go up while the bot runs; a restart
  starts them at zero, which Prometheus reads as a counter reset (``rate()``/``increase()`` handle it).
  An event re-read after a crash between acknowledging and observing is not counted twice (observed
  after the acknowledgement), one acknowledged but not yet observed is not counted: at-most-once.
- **State, read from the database at scrape time** (``ops.server.collect``): gauges for jobs by state,
  the queue length, each worker's heartbeat age and whether the database answered; and the sales
  counters ``petreel_purchases_total``, ``petreel_purchase_stars_total``, ``petreel_refunds_total``,
  ``petreel_refund_stars_total``: totals of the append-only credit ledger (purchases and their
  reversals), so they never go down, count each charge once whichever bot process took it, and
  survive restarts.
- **The process itself**: ``process_*`` (CPU, memory, file descriptors), ``python_info``,
  ``python_gc_*`` and ``petreel_build_info{version}``.

Every labelled series the bot knows in advance exists from the start at zero (each job state and
outcome, the usual Telegram error kinds), so a dashboard never sees a missing series turn into one.
We chose this over prometheus-client's multiprocess mode, which shares counters through files in
one directory: it cannot span hosts (GPU workers elsewhere on the same database), it needs the
directory set in the environment before the library is imported and wiped at every start, and it
loses the process collector.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

# Render times of a 20–60 s clip: seconds on a GPU, minutes on a CPU.
RENDER_BUCKETS: tuple[float, ...] = (5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200)
JOB_STATES: tuple[str, ...] = ("queued", "running", "done", "failed", "dead", "cancelled")
OUTCOMES: tuple[str, ...] = ("done", "failed", "dead", "cancelled")  # the outbox's final event kinds
# Telegram error kinds with a series from the start (python-telegram-bot's error classes).
KNOWN_ERROR_KINDS: tuple[str, ...] = ("BadRequest", "Forbidden", "NetworkError", "TimedOut", "RetryAfter", "Conflict")
MAX_ERROR_KINDS = 32  # bound label cardinality; further kinds are counted as "other"

# Ledger totals exposed as counters (``storage.store.Store.sales`` keys), read at scrape time.
SALES: tuple[tuple[str, str], ...] = (
    ("purchases", "Telegram Stars purchases in the credit ledger."),
    ("purchase_stars", "Telegram Stars paid for those purchases."),
    ("refunds", "Purchases refunded (ledger reversals)."),
    ("refund_stars", "Telegram Stars refunded."),
)

_KIND_RE = re.compile(r"[^a-zA-Z0-9_]+")


class _LedgerTotals(Collector):
    """Counters whose values are the ledger's totals, set at scrape time (the ledger is append-only,
    so they only go up)."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {name: 0 for name, _ in SALES}

    def collect(self) -> Iterator[CounterMetricFamily]:
        for name, doc in SALES:
            yield CounterMetricFamily(f"petreel_{name}", doc, value=self.values[name])


def error_kind(kind: str | BaseException) -> str:
    """A short, label-safe error kind: an exception's class name or the given word."""
    text = type(kind).__name__ if isinstance(kind, BaseException) else kind
    return _KIND_RE.sub("_", text).strip("_")[:40] or "unknown"


def _version() -> str:
    try:
        return version("petreel")
    except PackageNotFoundError:  # a source checkout that was never installed
        return "unknown"


class Metrics:
    """PetReel's metric families in one registry (one per process; see ``default_metrics``)."""

    def __init__(self) -> None:
        # ``*_created`` gauges (the time each series was born) are left out: /metrics keeps the
        # families it always had. A process-wide switch; this module is the only user of the library.
        disable_created_metrics()
        self.registry = CollectorRegistry()
        reg = self.registry
        # 1. The process: CPU, memory, file descriptors, interpreter, garbage collector, build.
        ProcessCollector(registry=reg)
        PlatformCollector(registry=reg)
        GCCollector(registry=reg)
        self.build_info = Info("petreel_build", "The running PetReel version.", registry=reg)
        self.build_info.info({"version": _version()})
        # 2. State read from the database at scrape time (gauges: they may go down).
        self.jobs = Gauge("petreel_jobs", "Jobs by state, read from the database at scrape time.", ["state"], registry=reg)
        for state in JOB_STATES:
            self.jobs.labels(state)
        self.queue_length = Gauge("petreel_queue_length", "Queued jobs waiting for a worker.", registry=reg)
        self.worker_heartbeat_age = Gauge(
            "petreel_worker_heartbeat_age_seconds",
            "Seconds since each registered worker's last heartbeat, from the workers table.",
            ["worker"],
            registry=reg,
        )
        self.db_up = Gauge("petreel_db_up", "1 when the database answered the last scrape, else 0.", registry=reg)
        # 3. Events, observed when the bot sees them (counters and histograms: they only go up).
        self.jobs_finished = Counter(
            "petreel_jobs_finished", "Jobs whose final event the bot consumed, by outcome.", ["outcome"], registry=reg
        )
        for outcome in OUTCOMES:
            self.jobs_finished.labels(outcome)
        self.render_seconds = Histogram(
            "petreel_render_seconds",
            "Seconds from a worker's claim to the finished clip (job row finished - started), observed when "
            "the bot consumes the job's done event.",
            buckets=RENDER_BUCKETS,
            registry=reg,
        )
        self.process_render_seconds = Histogram(
            "petreel_process_render_seconds",
            "Seconds the worker process spent in the render pipeline (its monotonic clock, carried on the "
            "done event), observed when the bot consumes that event.",
            buckets=RENDER_BUCKETS,
            registry=reg,
        )
        self.telegram_errors = Counter(
            "petreel_telegram_errors", "Telegram API errors seen by the bot, by kind.", ["kind"], registry=reg
        )
        self._sales = _LedgerTotals()
        reg.register(self._sales)
        self._error_kinds: set[str] = set()
        self._lock = threading.Lock()
        for kind in KNOWN_ERROR_KINDS:
            self._error_label(kind)

    def _error_label(self, kind: str) -> str:
        with self._lock:
            if kind not in self._error_kinds and len(self._error_kinds) >= MAX_ERROR_KINDS:
                kind = "other"
            if kind not in self._error_kinds:
                self._error_kinds.add(kind)
                self.telegram_errors.labels(kind)  # the series exists (at 0) from now on
            return kind

    def set_sales(self, totals: Mapping[str, int]) -> None:
        """The ledger's purchase and refund totals, read at scrape time (``Store.sales``)."""
        self._sales.values = {name: int(totals.get(name, 0)) for name, _ in SALES}

    def count_telegram_error(self, kind: str | BaseException) -> None:
        self.telegram_errors.labels(self._error_label(error_kind(kind))).inc()

    def observe_job_event(self, kind: str, payload: Mapping[str, Any]) -> None:
        """A job's outbox event was consumed: count final outcomes and observe the render times."""
        if kind not in OUTCOMES:
            return
        self.jobs_finished.labels(kind).inc()
        if kind != "done":
            return
        for histogram, key in ((self.render_seconds, "render_s"), (self.process_render_seconds, "process_render_s")):
            seconds = payload.get(key)
            if isinstance(seconds, int | float) and seconds >= 0:
                histogram.observe(float(seconds))

    def render(self) -> str:
        return generate_latest(self.registry).decode()


_default: list[Metrics] = []
_default_lock = threading.Lock()


def default_metrics() -> Metrics:
    """The process-wide ``Metrics`` (created on first use, not at import)."""
    with _default_lock:
        if not _default:
            _default.append(Metrics())
        return _default[0]


def count_telegram_error(kind: str | BaseException) -> None:
    """For the bot's error handler and delivery loop: count one Telegram error of ``kind``."""
    default_metrics().count_telegram_error(kind)


def observe_job_event(kind: str, payload: Mapping[str, Any]) -> None:
    """For the bot's delivery loop, after it acknowledged an event: see ``Metrics.observe_job_event``."""
    default_metrics().observe_job_event(kind, payload)

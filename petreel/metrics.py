"""A tiny Prometheus text-format (0.0.4) registry and PetReel's metric families.

Dependency-free: ``Counter``, ``Gauge`` and ``Histogram`` with labels, rendered with correct
``# HELP`` / ``# TYPE`` lines, ``_bucket{le=…}`` / ``_sum`` / ``_count`` samples and escaped label
values. Thread-safe (the bot's error handler and the HTTP handler may run on different threads).

Cross-process truth: the worker renders in another process, so job gauges, the render-time
histogram and worker heartbeat ages are *not* kept in memory here. ``ops.server`` reads them from
the database (through the Store) at scrape time (``Metrics.jobs``, ``queue_length``,
``render_seconds``, ``worker_heartbeat_age`` are overwritten on every scrape). Only the Telegram
error counter lives in memory, because the bot process that serves ``/metrics`` is the one that
talks to Telegram.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypeVar

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_NAME_RE = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
_LABEL_RE = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
_KIND_RE = re.compile(r"[^a-zA-Z0-9_]+")

# Render times of a 20–60 s clip: seconds on a GPU, minutes on a CPU.
RENDER_BUCKETS: tuple[float, ...] = (5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200)
JOB_STATES: tuple[str, ...] = ("queued", "running", "done", "failed", "dead", "cancelled")
MAX_ERROR_KINDS = 32  # bound label cardinality; further kinds are counted as "other"

LabelKey = tuple[str, ...]
MetricType = Literal["counter", "gauge", "histogram"]


def format_value(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def escape_label_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _labels_text(names: Sequence[str], values: Sequence[str]) -> str:
    if not names:
        return ""
    inner = ",".join(f'{n}="{escape_label_value(v)}"' for n, v in zip(names, values, strict=True))
    return "{" + inner + "}"


class _Metric:
    type: MetricType

    def __init__(self, name: str, help: str, labelnames: Sequence[str] = ()) -> None:
        if not _NAME_RE.match(name):
            raise ValueError(f"invalid metric name {name!r}")
        for label in labelnames:
            if not _LABEL_RE.match(label) or label.startswith("__"):
                raise ValueError(f"invalid label name {label!r}")
        self.name = name
        self.help = help
        self.labelnames: tuple[str, ...] = tuple(labelnames)
        self._lock = threading.Lock()

    def _key(self, labels: Mapping[str, str]) -> LabelKey:
        if set(labels) != set(self.labelnames):
            raise ValueError(f"{self.name} expects labels {self.labelnames}, got {tuple(labels)}")
        return tuple(str(labels[n]) for n in self.labelnames)

    def header(self) -> list[str]:
        return [f"# HELP {self.name} {escape_help(self.help)}", f"# TYPE {self.name} {self.type}"]

    def samples(self) -> list[str]:
        raise NotImplementedError


class _Scalar(_Metric):
    def __init__(self, name: str, help: str, labelnames: Sequence[str] = ()) -> None:
        super().__init__(name, help, labelnames)
        self._values: dict[LabelKey, float] = {}
        if not self.labelnames:
            self._values[()] = 0.0

    def value(self, **labels: str) -> float:
        with self._lock:
            return self._values.get(self._key(labels), 0.0)

    def samples(self) -> list[str]:
        with self._lock:
            items = sorted(self._values.items())
        return [f"{self.name}{_labels_text(self.labelnames, k)} {format_value(v)}" for k, v in items]


class Counter(_Scalar):
    type = "counter"

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = self._key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def label_count(self) -> int:
        with self._lock:
            return len(self._values)


class Gauge(_Scalar):
    type = "gauge"

    def set(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        with self._lock:
            self._values[key] = float(value)

    def replace(self, values: Mapping[LabelKey, float]) -> None:
        """Atomically swap every labelled value (a scrape-time snapshot)."""
        with self._lock:
            self._values = {tuple(k): float(v) for k, v in values.items()}


class Histogram(_Metric):
    type = "histogram"

    def __init__(self, name: str, help: str, buckets: Iterable[float], labelnames: Sequence[str] = ()) -> None:
        if "le" in labelnames:
            raise ValueError("'le' is reserved in histograms")
        super().__init__(name, help, labelnames)
        bounds = sorted(float(b) for b in buckets if not math.isinf(b))
        if not bounds or len(set(bounds)) != len(bounds):
            raise ValueError("buckets must be non-empty and distinct")
        self.buckets: tuple[float, ...] = (*bounds, math.inf)
        # per label key: (non-cumulative count per bucket, sum)
        self._data: dict[LabelKey, tuple[list[int], float]] = {}
        if not self.labelnames:
            self._data[()] = ([0] * len(self.buckets), 0.0)

    def observe(self, value: float, **labels: str) -> None:
        key = self._key(labels)
        index = next(i for i, bound in enumerate(self.buckets) if value <= bound)
        with self._lock:
            counts, total = self._data.setdefault(key, ([0] * len(self.buckets), 0.0))
            counts[index] += 1
            self._data[key] = (counts, total + value)

    def set_cumulative(self, cumulative: Sequence[int], total: float, **labels: str) -> None:
        """Replace one series with a snapshot: ``cumulative[i]`` observations ``<= buckets[i]``."""
        if len(cumulative) != len(self.buckets):
            raise ValueError(f"expected {len(self.buckets)} bucket counts")
        if any(b < a for a, b in zip(cumulative, cumulative[1:], strict=False)):
            raise ValueError("bucket counts must be cumulative")
        key = self._key(labels)
        counts = [cumulative[0], *(b - a for a, b in zip(cumulative, cumulative[1:], strict=False))]
        with self._lock:
            self._data[key] = (counts, float(total))

    def set_observations(self, values: Iterable[float], **labels: str) -> None:
        """Replace one series with exactly these observations (a scrape-time snapshot)."""
        found = [float(v) for v in values]
        cumulative = [sum(1 for v in found if v <= bound) for bound in self.buckets]
        self.set_cumulative(cumulative, sum(found), **labels)

    def snapshot(self, **labels: str) -> tuple[list[int], float, int]:
        """(cumulative bucket counts, sum, count) of one series."""
        key = self._key(labels)
        with self._lock:
            counts, total = self._data.get(key, ([0] * len(self.buckets), 0.0))
            cumulative, running = [], 0
            for c in counts:
                running += c
                cumulative.append(running)
        return cumulative, total, running

    def samples(self) -> list[str]:
        with self._lock:
            keys = sorted(self._data)
        lines: list[str] = []
        for key in keys:
            labels = dict(zip(self.labelnames, key, strict=True))
            cumulative, total, count = self.snapshot(**labels)
            for bound, n in zip(self.buckets, cumulative, strict=True):
                lt = _labels_text((*self.labelnames, "le"), (*key, format_value(bound)))
                lines.append(f"{self.name}_bucket{lt} {n}")
            base = _labels_text(self.labelnames, key)
            lines.append(f"{self.name}_sum{base} {format_value(total)}")
            lines.append(f"{self.name}_count{base} {count}")
        return lines


M = TypeVar("M", bound=_Metric)


class Registry:
    def __init__(self) -> None:
        self._metrics: dict[str, _Metric] = {}
        self._lock = threading.Lock()

    def register(self, metric: M) -> M:
        with self._lock:
            if metric.name in self._metrics:
                raise ValueError(f"duplicate metric {metric.name}")
            self._metrics[metric.name] = metric
        return metric

    def render(self) -> str:
        with self._lock:
            metrics = list(self._metrics.values())
        lines: list[str] = []
        for metric in metrics:
            lines += metric.header()
            lines += metric.samples()
        return "\n".join(lines) + "\n"


def error_kind(kind: str | BaseException) -> str:
    """A short, label-safe error kind: an exception's class name or the given word."""
    text = type(kind).__name__ if isinstance(kind, BaseException) else kind
    return _KIND_RE.sub("_", text).strip("_")[:40] or "unknown"


class Metrics:
    """PetReel's metric families in one registry (one per process; see ``default_metrics``)."""

    def __init__(self) -> None:
        self.registry = Registry()
        reg = self.registry.register
        self.jobs = reg(Gauge("petreel_jobs", "Jobs by state, read from the database at scrape time.", ("state",)))
        self.queue_length = reg(Gauge("petreel_queue_length", "Queued jobs waiting for a worker."))
        self.render_seconds = reg(
            Histogram(
                "petreel_render_seconds",
                "Render time (finished - started) of the newest finished jobs (a window, see ops.RENDER_WINDOW), "
                "from the jobs table at scrape time.",
                RENDER_BUCKETS,
            )
        )
        self.process_render_seconds = reg(
            Histogram(
                "petreel_process_render_seconds",
                "Render times observed in this process via observe_render (in-process workers only).",
                RENDER_BUCKETS,
            )
        )
        self.worker_heartbeat_age = reg(
            Gauge(
                "petreel_worker_heartbeat_age_seconds",
                "Seconds since each registered worker's last heartbeat, from the workers table.",
                ("worker",),
            )
        )
        self.db_up = reg(Gauge("petreel_db_up", "1 when the database answered the last scrape, else 0."))
        self.telegram_errors = reg(
            Counter("petreel_telegram_errors_total", "Telegram API errors seen by the bot, by kind.", ("kind",))
        )

    def count_telegram_error(self, kind: str | BaseException) -> None:
        label = error_kind(kind)
        if self.telegram_errors.label_count() >= MAX_ERROR_KINDS and self.telegram_errors.value(kind=label) == 0:
            label = "other"
        self.telegram_errors.inc(kind=label)

    def observe_render(self, seconds: float) -> None:
        self.process_render_seconds.observe(seconds)

    def render(self) -> str:
        return self.registry.render()


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


def observe_render(seconds: float) -> None:
    """For an in-process worker: record one render time (the DB-derived histogram is the shared truth)."""
    default_metrics().observe_render(seconds)

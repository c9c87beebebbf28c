"""Operations: the Prometheus registry, /healthz and /metrics over a real store, container files."""

from __future__ import annotations

import asyncio
import json
import math
import re
import socket
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from telegram.error import BadRequest, NetworkError

from bot.delivery import count_error
from bot.handlers.errors import on_error
from ops.server import _probe, _worker_check, judge_health, ops_routes
from petreel import metrics as metrics_mod
from petreel.errors import UserError
from petreel.metrics import Metrics
from petreel.settings import QuotaSettings, Settings, WorkerSettings
from render.stages import ClipInfo
from storage.models import WorkerInfo
from storage.store import AsyncStore, Store

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------------------------
# A tiny parser for the Prometheus text format 0.0.4 (strict enough to catch format mistakes).
# --------------------------------------------------------------------------------------------

_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$")
_LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)')


@dataclass
class Family:
    name: str
    type: str = "untyped"
    help: str = ""
    samples: list[tuple[str, dict[str, str], float]] = field(default_factory=list)

    def value(self, sample: str | None = None, **labels: str) -> float:
        hits = [v for n, lab, v in self.samples if n == (sample or self.name) and lab == labels]
        assert len(hits) == 1, f"{sample or self.name}{labels}: {len(hits)} samples"
        return hits[0]


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), value)


def parse_exposition(text: str) -> dict[str, Family]:
    assert text.endswith("\n"), "exposition must end with a newline"
    families: dict[str, Family] = {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            name, _, help_text = line[7:].partition(" ")
            assert name not in families, f"HELP for {name} after its samples or twice"
            families[name] = Family(name, help=_unescape(help_text))
        elif line.startswith("# TYPE "):
            name, _, kind = line[7:].partition(" ")
            assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), kind
            assert name in families and not families[name].samples, f"TYPE for {name} must precede samples"
            families[name].type = kind
        elif line and not line.startswith("#"):
            match = _SAMPLE.match(line)
            assert match, f"bad sample line {line!r}"
            sample, raw_labels, raw_value = match.groups()
            labels: dict[str, str] = {}
            rest = (raw_labels or "{}")[1:-1]
            while rest:
                lab = _LABEL.match(rest)
                assert lab, f"bad labels in {line!r}"
                labels[lab.group(1)] = _unescape(lab.group(2))
                rest = rest[lab.end() :]
            base = next((f for f in families if sample == f or sample in (f + "_bucket", f + "_sum", f + "_count")), None)
            assert base is not None, f"sample {sample} has no # TYPE line"
            value = {"+Inf": math.inf, "-Inf": -math.inf, "NaN": math.nan}.get(raw_value)
            families[base].samples.append((sample, labels, float(raw_value) if value is None else value))
    for fam in families.values():
        if fam.type == "histogram":
            buckets = [(float(lab["le"]), v) for n, lab, v in fam.samples if n.endswith("_bucket")]
            assert buckets and buckets[-1][0] == math.inf, f"{fam.name}: +Inf bucket must come last"
            assert [b for b, _ in buckets] == sorted(b for b, _ in buckets)
            assert all(b2 >= b1 for (_, b1), (_, b2) in zip(buckets, buckets[1:], strict=False))
            assert buckets[-1][1] == fam.value(fam.name + "_count"), f"{fam.name}: +Inf != _count"
    return families


# --------------------------------------------------------------------------------------------
# The metric families (prometheus-client)
# --------------------------------------------------------------------------------------------

_COUNTING = ("_total", "_bucket", "_count", "_sum")  # samples of counters and histograms


def _counts(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every counter and histogram sample of an exposition, by name and labels."""
    return {
        (name, tuple(sorted(labels.items()))): value
        for fam in parse_exposition(text).values()
        if fam.type in ("counter", "histogram")
        for name, labels, value in fam.samples
        if name.endswith(_COUNTING)
    }


def test_every_known_series_exists_from_the_start_at_zero() -> None:
    fams = parse_exposition(Metrics().render())
    assert {lab["state"]: v for _, lab, v in fams["petreel_jobs"].samples} == dict.fromkeys(metrics_mod.JOB_STATES, 0)
    finished = fams["petreel_jobs_finished_total"]
    assert finished.type == "counter"
    assert {lab["outcome"]: v for _, lab, v in finished.samples} == dict.fromkeys(metrics_mod.OUTCOMES, 0)
    errors = fams["petreel_telegram_errors_total"]
    assert {lab["kind"]: v for _, lab, v in errors.samples} == dict.fromkeys(metrics_mod.KNOWN_ERROR_KINDS, 0)
    for name in ("petreel_render_seconds", "petreel_process_render_seconds"):
        assert fams[name].type == "histogram" and fams[name].value(name + "_count") == 0
        assert [lab["le"] for n, lab, _ in fams[name].samples if n.endswith("_bucket")][-1] == "+Inf"
    # the process and build collectors
    assert fams["process_cpu_seconds_total"].type == "counter"
    assert fams["process_resident_memory_bytes"].value() > 0
    assert fams["python_info"].samples and fams["petreel_build_info"].samples[0][2] == 1
    assert "version" in fams["petreel_build_info"].samples[0][1]
    assert not [name for name in fams if name.endswith("_created")]  # the families /metrics always had


def test_telegram_error_kinds_are_bounded() -> None:
    m = Metrics()
    m.count_telegram_error(TimeoutError("slow"))
    m.count_telegram_error("RetryAfter")
    m.count_telegram_error("RetryAfter")
    weird = metrics_mod.MAX_ERROR_KINDS + 5
    for i in range(weird):
        m.count_telegram_error(f"Weird kind {i}!")
    fam = parse_exposition(m.render())["petreel_telegram_errors_total"]
    assert fam.value(kind="TimeoutError") == 1
    assert fam.value(kind="RetryAfter") == 2
    assert fam.value(kind="Weird_kind_0") == 1  # label-safe
    assert len(fam.samples) == metrics_mod.MAX_ERROR_KINDS + 1  # the rest went to "other"
    distinct = len(metrics_mod.KNOWN_ERROR_KINDS) + 1 + weird  # the known kinds, TimeoutError, the weird ones
    assert fam.value(kind="other") == distinct - metrics_mod.MAX_ERROR_KINDS


def test_module_level_helpers_use_one_process_registry() -> None:
    m = metrics_mod.default_metrics()
    before = m.registry.get_sample_value("petreel_telegram_errors_total", {"kind": "NetworkError"}) or 0
    renders = m.registry.get_sample_value("petreel_process_render_seconds_count") or 0
    metrics_mod.count_telegram_error("NetworkError")
    metrics_mod.observe_job_event("done", {"clip_id": 1, "render_s": 12.0, "process_render_s": 11.5})
    assert m.registry.get_sample_value("petreel_telegram_errors_total", {"kind": "NetworkError"}) == before + 1
    assert m.registry.get_sample_value("petreel_process_render_seconds_count") == renders + 1


def test_job_events_count_outcomes_and_observe_the_render_times() -> None:
    m = Metrics()
    m.observe_job_event("queued", {"position": 1})
    m.observe_job_event("progress", {"stage": "compose", "fraction": 0.5})
    m.observe_job_event("done", {"clip_id": 1, "render_s": 42.0, "process_render_s": 40.5})
    m.observe_job_event("done", {"clip_id": 2})  # an older event without times: counted, not observed
    m.observe_job_event("dead", {"code": "render_failed"})
    fams = parse_exposition(m.render())
    outcomes = {lab["outcome"]: v for _, lab, v in fams["petreel_jobs_finished_total"].samples}
    assert outcomes == {"done": 2, "failed": 0, "dead": 1, "cancelled": 0}
    render = fams["petreel_render_seconds"]
    assert render.value("petreel_render_seconds_count") == 1
    assert render.value("petreel_render_seconds_sum") == pytest.approx(42.0)
    assert render.value("petreel_render_seconds_bucket", le="30.0") == 0
    assert render.value("petreel_render_seconds_bucket", le="45.0") == 1
    process = fams["petreel_process_render_seconds"]
    assert process.value("petreel_process_render_seconds_sum") == pytest.approx(40.5)


def _worker(worker_id: str, heartbeat: float, state: str = "idle", job_id: int | None = None) -> WorkerInfo:
    return WorkerInfo(worker_id, 1, "box", None, state, job_id, heartbeat, 0.0)  # type: ignore[arg-type]


def test_health_rule() -> None:
    now = 10_000.0
    fresh, stale = _worker("a", now - 5, "busy", 3), _worker("b", now - 500)
    ok = judge_health([fresh, stale], now, 30)
    assert ok.ok and ok.body["worker"] == "ok" and ok.body["fresh_workers"] == 1
    assert ok.body["worker_heartbeat_age_s"] == 5
    assert [(w["worker_id"], w["state"], w["age_s"], w["job_id"]) for w in ok.body["workers"]] == [
        ("a", "busy", 5, 3), ("b", "idle", 500, None),
    ]  # fmt: skip
    only_stale = judge_health([stale], now, 30)
    assert not only_stale.ok and only_stale.body["reason"] == "newest worker heartbeat is 500s old (limit 30s)"
    nobody = judge_health([], now, 30)
    assert not nobody.ok and (nobody.body["worker"], nobody.body["reason"]) == ("none", "no worker registered")
    elsewhere = judge_health([stale], now, 30, require_worker=False)  # bot-only deployment
    assert elsewhere.ok and elsewhere.body["worker"] == "stale" and "500s old" in elsewhere.body["warning"]
    assert judge_health([_worker("c", now - 30)], now, 30).ok  # the limit itself is still fresh


# --------------------------------------------------------------------------------------------
# /healthz and /metrics over a real Store
# --------------------------------------------------------------------------------------------


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _settings(tmp_path: Path, http_host: str = "127.0.0.1", http_port: int = 8080) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path,
        http_host=http_host,
        http_port=http_port,
        worker=WorkerSettings(lease_s=120, heartbeat_s=10, backoff_s=0.0),  # stale after 30 s
        quota=QuotaSettings(daily_free=10, max_queued=10),
    )


def _clip(tmp_path: Path, job_id: int) -> ClipInfo:
    path = tmp_path / f"{job_id}.mp4"
    path.write_bytes(b"\0" * 10)
    return ClipInfo(path=path, thumbnail=tmp_path / f"{job_id}.jpg", width=720, height=1280, duration=20.0, size_bytes=10)


def _enqueue(store: Store, owner: int) -> int:
    return store.enqueue(owner, "a ginger cat gets rich", "ginger-cat", "storyboard", "en", "{}", seed=1).id


def _populate(tmp_path: Path, settings: Settings, clock: Clock) -> None:
    """One done job (rendered 1000→1042), one failed, one running, one queued; worker w1 (another
    host) last beat at 1120, w2 (this host, rendering) at 1150."""
    with Store.from_settings(settings, clock=clock) as store:
        for _ in range(4):
            _enqueue(store, owner=7)
        # 1. done: claimed at 1000, finished at 1042
        clock.t = 1000.0
        store.worker_heartbeat("w1", "idle", pid=11, host="elsewhere", started=clock.t)
        claimed = store.claim("w1")
        assert claimed is not None
        clock.t = 1042.0
        assert store.complete(claimed.job.id, claimed.token, _clip(tmp_path, claimed.job.id)) is not None
        # 2. failed (not retryable)
        clock.t = 1050.0
        failing = store.claim("w1")
        assert failing is not None and store.fail(failing.job.id, failing.token, "boom", retryable=False) == "failed"
        # 3. running on w2
        clock.t = 1100.0
        store.worker_heartbeat("w2", "idle", pid=22, host=socket.gethostname(), gpu=0, started=clock.t)
        running = store.claim("w2")
        assert running is not None
        clock.t = 1120.0
        store.worker_heartbeat("w1", "idle")
        clock.t = 1150.0
        assert store.heartbeat(running.job.id, running.token, stage="keyframes", fraction=0.3)
        store.worker_heartbeat("w2", "busy", running.job.id)
        # 4. the fourth job stays queued


@pytest.fixture
async def ops_client(tmp_path: Path):  # type: ignore[no-untyped-def]
    clock = Clock(900.0)
    settings = _settings(tmp_path)
    await asyncio.to_thread(_populate, tmp_path, settings, clock)
    store = AsyncStore.from_settings(settings, clock=clock)
    metrics = Metrics()
    app = web.Application()
    app.add_routes(ops_routes(store, settings, metrics, clock=clock))
    async with TestClient(TestServer(app)) as client:
        yield client, clock, metrics
    await store.close()


async def test_metrics_reflect_the_database(ops_client) -> None:  # type: ignore[no-untyped-def]
    client, clock, metrics = ops_client
    clock.t = 1160.0
    metrics.count_telegram_error("RetryAfter")
    resp = await client.get("/metrics")
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    fams = parse_exposition(await resp.text())
    jobs = fams["petreel_jobs"]
    assert jobs.type == "gauge"
    assert {lab["state"]: v for _, lab, v in jobs.samples} == {
        "queued": 1, "running": 1, "done": 1, "failed": 1, "dead": 0, "cancelled": 0,
    }  # fmt: skip
    assert fams["petreel_queue_length"].value() == 1
    # render times are observed from events by the bot's delivery loop, not rebuilt from the table
    assert fams["petreel_render_seconds"].value("petreel_render_seconds_count") == 0
    ages = fams["petreel_worker_heartbeat_age_seconds"]
    assert ages.type == "gauge"
    assert {lab["worker"]: v for _, lab, v in ages.samples} == {"w1": 40.0, "w2": 10.0}
    assert fams["petreel_db_up"].value() == 1
    assert fams["petreel_telegram_errors_total"].type == "counter"
    assert fams["petreel_telegram_errors_total"].value(kind="RetryAfter") == 1


async def test_counts_never_go_down_between_scrapes(ops_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Counters and histograms are observed when events happen, never rebuilt from the table: rows
    leaving the database (retention, a manual clean-up) leave them where they were."""
    client, clock, metrics = ops_client
    clock.t = 1160.0
    scrapes = [await (await client.get("/metrics")).text()]
    # 1. the bot consumes the outbox: the done event (with its render time) and the failure
    async with AsyncStore.from_settings(_settings(tmp_path), clock=clock) as store:
        for event in await store.pending_events():
            metrics.observe_job_event(event.kind, event.payload)
    metrics.count_telegram_error("RetryAfter")
    scrapes.append(await (await client.get("/metrics")).text())
    # 2. the finished jobs leave the database
    with sqlite3.connect(_settings(tmp_path).database) as db:
        db.execute("DELETE FROM clips")
        db.execute("DELETE FROM jobs WHERE state IN ('done', 'failed')")
    scrapes.append(await (await client.get("/metrics")).text())
    first, second, third = (_counts(text) for text in scrapes)
    for earlier, later in ((first, second), (second, third)):
        assert set(earlier) <= set(later)
        assert [key for key, value in earlier.items() if later[key] < value] == []
    assert second[("petreel_render_seconds_count", ())] == 1
    assert second[("petreel_render_seconds_sum", ())] == pytest.approx(42.0)  # claimed at 1000, done at 1042
    assert second[("petreel_jobs_finished_total", (("outcome", "failed"),))] == 1
    petreel = {key: value for key, value in third.items() if key[0].startswith("petreel_")}
    assert petreel == {key: value for key, value in second.items() if key[0].startswith("petreel_")}
    # nothing new happened, so no count moved; the state gauges did:
    assert parse_exposition(scrapes[2])["petreel_jobs"].value(state="done") == 0


async def test_purchases_stars_and_refunds_are_counted_from_the_ledger(ops_client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client, clock, _ = ops_client
    fams = parse_exposition(await (await client.get("/metrics")).text())
    names = ("petreel_purchases_total", "petreel_purchase_stars_total", "petreel_refunds_total",
             "petreel_refund_stars_total")
    assert [(fams[n].type, fams[n].value()) for n in names] == [("counter", 0)] * 4

    def sell() -> None:
        with Store(_settings(tmp_path).database, clock=clock) as store:
            store.grant(7, 5, "ch-1", kind="purchase", stars=50)
            store.grant(8, 12, "ch-2", kind="purchase", stars=100)
            store.grant(8, 12, "ch-2", kind="purchase", stars=100)  # a replayed update: once
            store.grant(9, 3, "admin-gift")  # a grant is not a sale
            store.reverse_purchase("ch-1")
            store.reverse_purchase("ch-1")

    await asyncio.to_thread(sell)
    fams = parse_exposition(await (await client.get("/metrics")).text())
    assert [fams[n].value() for n in names] == [2, 150, 1, 50]


async def test_healthz_ok_with_a_fresh_heartbeat_lists_every_worker(ops_client) -> None:  # type: ignore[no-untyped-def]
    client, clock, _ = ops_client
    clock.t = 1160.0
    resp = await client.get("/healthz")
    body = await resp.json()
    assert resp.status == 200, body
    assert (body["db"], body["worker"], body["fresh_workers"], body["stale_after_s"]) == ("ok", "ok", 1, 30.0)
    assert body["worker_heartbeat_age_s"] == pytest.approx(10.0)
    assert [(w["worker_id"], w["state"], w["age_s"]) for w in body["workers"]] == [
        ("w1", "idle", 40.0), ("w2", "busy", 10.0),
    ]  # fmt: skip
    assert body["workers"][1]["job_id"] is not None and body["workers"][1]["gpu"] == 0


async def test_healthz_503_when_every_heartbeat_is_stale(ops_client) -> None:  # type: ignore[no-untyped-def]
    client, clock, _ = ops_client
    clock.t = 1150.0 + 31.0  # 3 × heartbeat_s after the newest worker heartbeat
    resp = await client.get("/healthz")
    body = await resp.json()
    assert resp.status == 503
    assert body["db"] == "ok" and body["worker_heartbeat_age_s"] == pytest.approx(31.0)
    assert body["worker"] == "stale" and body["reason"] == "newest worker heartbeat is 31s old (limit 30s)"


async def _get(app_routes: list[web.RouteDef], path: str) -> tuple[int, str]:
    app = web.Application()
    app.add_routes(app_routes)
    async with TestClient(TestServer(app)) as client:
        resp = await client.get(path)
        return resp.status, await resp.text()


async def test_healthz_without_workers_and_the_bot_only_flag(tmp_path: Path) -> None:
    clock = Clock(5000.0)
    settings = _settings(tmp_path)
    async with AsyncStore.from_settings(settings, clock=clock) as store:
        status, text = await _get(ops_routes(store, settings, Metrics(), clock=clock), "/healthz")
        assert status == 503 and json.loads(text)["reason"] == "no worker registered"
        bot_only = ops_routes(store, settings, Metrics(), require_worker=False, clock=clock)
        status, text = await _get(bot_only, "/healthz")
        assert status == 200 and json.loads(text)["warning"] == "no worker registered"
        await store.worker_heartbeat("remote-gpu-box", "idle", host="gpu-1")  # a worker elsewhere, same db
        status, text = await _get(ops_routes(store, settings, Metrics(), clock=clock), "/healthz")
        body = json.loads(text)
        assert status == 200 and [w["host"] for w in body["workers"]] == ["gpu-1"]


async def test_healthz_and_metrics_when_the_database_is_unreachable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")
    settings = _settings(blocker)
    store = AsyncStore.from_settings(settings)
    metrics = Metrics()
    try:
        status, text = await _get(ops_routes(store, settings, metrics), "/healthz")
        assert status == 503 and json.loads(text)["db"] == "error"
        status, text = await _get(ops_routes(store, settings, metrics), "/metrics")
        assert status == 200 and parse_exposition(text)["petreel_db_up"].value() == 0
    finally:
        await store.close()
    assert await asyncio.to_thread(_worker_check, settings, 0.0) == 1


async def test_worker_check_counts_only_this_hosts_workers(tmp_path: Path) -> None:
    clock = Clock(900.0)
    settings = _settings(tmp_path)
    await asyncio.to_thread(_populate, tmp_path, settings, clock)
    here = socket.gethostname()
    assert await asyncio.to_thread(_worker_check, settings, 1160.0, here) == 0  # w2 beat 10 s ago
    assert await asyncio.to_thread(_worker_check, settings, 1135.0, "elsewhere") == 0  # w1 beat 15 s ago
    assert await asyncio.to_thread(_worker_check, settings, 1160.0, "elsewhere") == 1  # w1 is 40 s old
    assert await asyncio.to_thread(_worker_check, settings, 1160.0, "nowhere") == 1
    assert await asyncio.to_thread(_worker_check, settings) == 1  # real now: every heartbeat is ancient


async def test_docker_probe_hits_healthz(tmp_path: Path) -> None:
    clock = Clock(5000.0)
    async with AsyncStore(tmp_path / "petreel.db", clock=clock) as store:
        await store.worker_heartbeat("w", "idle", started=clock.t)
        app = web.Application()
        app.add_routes(ops_routes(store, _settings(tmp_path), Metrics(), clock=clock))
        async with TestServer(app, host="127.0.0.1") as server:
            assert server.port is not None
            settings = _settings(tmp_path, http_host="0.0.0.0", http_port=server.port)
            assert await asyncio.to_thread(_probe, settings, 5.0) == 0
            clock.t += 31  # the worker went silent: the probe fails on the 503
            assert await asyncio.to_thread(_probe, settings, 5.0) == 1
        assert await asyncio.to_thread(_probe, settings, 1.0) == 1  # server gone


# --------------------------------------------------------------------------------------------
# Container files (Docker has no engine on the build machine: validated statically)
# --------------------------------------------------------------------------------------------


def test_dockerignore_keeps_secrets_and_state_out() -> None:
    ignored = {p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip() and not p.startswith("#")}
    assert {".env", ".venv", ".git", "data"} <= ignored
    assert "README.md" not in ignored  # pyproject's readme is needed to build the wheel


async def test_the_bots_telegram_errors_reach_metrics(tmp_path: Path) -> None:
    """The bot's two call sites (delivery's ``count_error`` and the error handler) feed the
    process-wide counter that ``/metrics`` serves by default."""
    registry = metrics_mod.default_metrics().registry
    before = {kind: registry.get_sample_value("petreel_telegram_errors_total", {"kind": kind}) or 0
              for kind in ("NetworkError", "BadRequest")}
    # 1. delivery: a flood/network failure while editing a status message
    count_error(NetworkError("connection reset"))
    # 2. the error handler: a Telegram error escaping a handler (no chat to apologise in)
    await on_error(None, cast(Any, SimpleNamespace(error=BadRequest("Chat not found"))))
    # 3. a UserError is the user's mistake, not a Telegram error: not counted
    await on_error(None, cast(Any, SimpleNamespace(error=UserError("nope"))))
    settings = _settings(tmp_path)
    async with AsyncStore.from_settings(settings) as store:
        status, text = await _get(ops_routes(store, settings, require_worker=False), "/metrics")
    assert status == 200
    family = parse_exposition(text)["petreel_telegram_errors_total"]
    assert family.value(kind="NetworkError") == before["NetworkError"] + 1
    assert family.value(kind="BadRequest") == before["BadRequest"] + 1
    assert "UserError" not in text

"""Operations: the Prometheus registry, /healthz and /metrics over a real store, container files."""

from __future__ import annotations

import asyncio
import json
import math
import re
import shlex
import socket
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from telegram.error import BadRequest, NetworkError

from bot.delivery import count_error
from bot.handlers.errors import on_error
from ops.server import _probe, _worker_check, judge_health, ops_routes
from petreel import metrics as metrics_mod
from petreel.errors import UserError
from petreel.metrics import Counter, Gauge, Histogram, Metrics, Registry
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
# The registry (pure)
# --------------------------------------------------------------------------------------------


def test_registry_renders_help_type_and_escaped_labels() -> None:
    reg = Registry()
    c = reg.register(Counter("demo_total", "A counter.\nSecond line \\ here.", ("kind",)))
    g = reg.register(Gauge("demo_gauge", "A gauge."))
    c.inc(kind='quote " back \\ slash\nnewline')
    c.inc(2, kind="plain")
    g.set(-1.5)
    fams = parse_exposition(reg.render())
    assert fams["demo_total"].type == "counter"
    assert fams["demo_total"].help == "A counter.\nSecond line \\ here."
    assert fams["demo_total"].value(kind='quote " back \\ slash\nnewline') == 1
    assert fams["demo_total"].value(kind="plain") == 2
    assert fams["demo_gauge"].type == "gauge" and fams["demo_gauge"].value() == -1.5
    with pytest.raises(ValueError):
        c.inc(-1, kind="plain")
    with pytest.raises(ValueError):
        c.inc(kind="x", extra="y")
    with pytest.raises(ValueError):
        reg.register(Gauge("demo_gauge", "again"))
    with pytest.raises(ValueError):
        Gauge("bad-name", "x")


def test_histogram_observe_and_snapshot() -> None:
    reg = Registry()
    h = reg.register(Histogram("lat_seconds", "Latency.", [1, 5, 10]))
    for v in (0.5, 1.0, 3, 7, 100):
        h.observe(v)
    fams = parse_exposition(reg.render())
    fam = fams["lat_seconds"]
    assert fam.type == "histogram"
    got = {lab["le"]: v for n, lab, v in fam.samples if n == "lat_seconds_bucket"}
    assert got == {"1": 2, "5": 3, "10": 4, "+Inf": 5}
    assert fam.value("lat_seconds_sum") == pytest.approx(111.5)
    assert fam.value("lat_seconds_count") == 5
    h.set_cumulative([1, 1, 2, 3], 20.0)
    assert h.snapshot() == ([1, 1, 2, 3], 20.0, 3)
    with pytest.raises(ValueError):
        h.set_cumulative([2, 1, 2, 3], 1.0)  # not cumulative
    with pytest.raises(ValueError):
        Histogram("x", "y", [1], ("le",))


def test_telegram_error_kinds_are_bounded() -> None:
    m = Metrics()
    m.count_telegram_error(TimeoutError("slow"))
    m.count_telegram_error("RetryAfter")
    m.count_telegram_error("RetryAfter")
    for i in range(metrics_mod.MAX_ERROR_KINDS + 5):
        m.count_telegram_error(f"Weird kind {i}!")
    fam = parse_exposition(m.render())["petreel_telegram_errors_total"]
    assert fam.value(kind="TimeoutError") == 1
    assert fam.value(kind="RetryAfter") == 2
    assert fam.value(kind="Weird_kind_0") == 1  # label-safe
    assert len(fam.samples) == metrics_mod.MAX_ERROR_KINDS + 1  # the rest went to "other"
    assert fam.value(kind="other") == 7  # 39 distinct kinds, 32 labelled


def test_module_level_helpers_use_one_process_registry() -> None:
    before = metrics_mod.default_metrics().telegram_errors.value(kind="NetworkError")
    metrics_mod.count_telegram_error("NetworkError")
    metrics_mod.observe_render(12.0)
    m = metrics_mod.default_metrics()
    assert m.telegram_errors.value(kind="NetworkError") == before + 1
    assert m.process_render_seconds.snapshot()[2] >= 1


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


def test_histogram_set_observations_replaces_the_series() -> None:
    h = Histogram("r_seconds", "Render.", [10, 60])
    h.set_observations([5.0, 42.0, 42.0, 600.0])
    assert h.snapshot() == ([1, 3, 4], 689.0, 4)
    h.set_observations([])
    assert h.snapshot() == ([0, 0, 0], 0.0, 0)


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
    render = fams["petreel_render_seconds"]
    assert render.type == "histogram"
    assert render.value("petreel_render_seconds_count") == 1
    assert render.value("petreel_render_seconds_sum") == pytest.approx(42.0)
    assert render.value("petreel_render_seconds_bucket", le="30") == 0
    assert render.value("petreel_render_seconds_bucket", le="45") == 1
    assert render.value("petreel_render_seconds_bucket", le="+Inf") == 1
    ages = fams["petreel_worker_heartbeat_age_seconds"]
    assert ages.type == "gauge"
    assert {lab["worker"]: v for _, lab, v in ages.samples} == {"w1": 40.0, "w2": 10.0}
    assert fams["petreel_db_up"].value() == 1
    assert fams["petreel_telegram_errors_total"].type == "counter"
    assert fams["petreel_telegram_errors_total"].value(kind="RetryAfter") == 1


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

_INSTRUCTIONS = {
    "FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "VOLUME", "HEALTHCHECK",
    "CMD", "ENTRYPOINT", "LABEL", "SHELL", "STOPSIGNAL", "ONBUILD",
}  # fmt: skip


def _dockerfile_stages() -> dict[str, list[tuple[str, str]]]:
    """Stage name -> [(INSTRUCTION, args)], continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("# syntax=docker/dockerfile:1"), "BuildKit syntax line (RUN --mount) missing"
    logical, buf = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        buf += " " + line[:-1] if line.endswith("\\") else " " + line
        if not line.endswith("\\"):
            logical.append(buf.strip())
            buf = ""
    assert not buf, "dangling line continuation"
    stages: dict[str, list[tuple[str, str]]] = {"<global>": []}
    current = "<global>"
    for line in logical:
        word, _, args = line.partition(" ")
        assert word in _INSTRUCTIONS, f"unknown instruction {word!r}"
        if word == "FROM":
            parts = args.split()
            assert len(parts) == 3 and parts[1].upper() == "AS", f"every stage is named: FROM {args}"
            current = parts[2]
            assert current not in stages, f"stage {current} twice"
            stages[current] = []
        stages[current].append((word, args))
    return stages


def test_dockerfile_targets() -> None:
    stages = _dockerfile_stages()
    assert {"bot", "worker", "wheels"} <= set(stages)
    for name, body in stages.items():
        for _word, args in body:
            for ref in re.findall(r"--from=([\w.-]+)", args) + re.findall(r"from=([\w.-]+),", args):
                assert ref in stages and list(stages).index(ref) < list(stages).index(name), f"{name}: {ref}"
    for target in ("bot", "worker"):
        body = stages[target]
        words = [w for w, _ in body]
        user = [a for w, a in body if w == "USER"]
        assert user and user[-1] not in ("root", "0"), f"{target} runs as root"
        assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN"), "USER after the last RUN"
        env = " ".join(a for w, a in body if w == "ENV")
        assert "PETREEL_DATA_DIR=/data" in env
        assert any(w == "VOLUME" and "/data" in a for w, a in body)
        health = [a for w, a in body if w == "HEALTHCHECK"]
        assert len(health) == 1 and "ops.server" in health[0]
        cmd = [a for w, a in body if w == "CMD"][-1]
        assert cmd.startswith('["petreel"')
    bot_from = stages["bot"][0][1]
    assert bot_from.startswith("python:${PYTHON_VERSION}-slim")
    assert "--no-index" in " ".join(a for w, a in stages["bot"] if w == "RUN"), "bot installs only built wheels"
    assert "[gpu]" not in " ".join(a for _, a in stages["bot"])
    worker_run = " ".join(a for w, a in stages["worker"] if w == "RUN")
    assert "petreel[gpu]" in worker_run
    global_args = " ".join(a for _, a in stages["<global>"])
    assert "CUDA_BASE=nvidia/cuda:" in global_args and stages["worker"][0][1].startswith("${CUDA_BASE}")
    # the ops module that the HEALTHCHECKs run really has those subcommands
    health_cmds = {shlex.split(a.split("CMD", 1)[1].replace('"', " ").replace(",", " ").strip("[] "))[-1]
                   for t in ("bot", "worker") for w, a in stages[t] if w == "HEALTHCHECK"}  # fmt: skip
    assert health_cmds == {"probe", "worker-check"}
    # every COPY source exists and is not excluded by .dockerignore
    ignored = {p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip() and not p.startswith("#")}
    for word, args in stages["wheels"]:
        if word == "COPY" and "--from" not in args:
            for src in args.split()[:-1]:
                assert (ROOT / src).exists(), src
                assert src not in ignored, f"{src} is in .dockerignore"


def test_dockerignore_keeps_secrets_and_state_out() -> None:
    ignored = {p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip() and not p.startswith("#")}
    assert {".env", ".venv", ".git", "data"} <= ignored
    assert "README.md" not in ignored  # pyproject's readme is needed to build the wheel


def test_compose_file() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    stages = _dockerfile_stages()
    assert {"bot", "worker"} <= set(services)
    for name, svc in services.items():
        assert svc["build"]["target"] in stages, name
        assert "petreel-data:/data" in svc["volumes"], f"{name} does not share the data volume"
        assert svc["env_file"] == [{"path": ".env", "required": False}]
        assert svc["restart"] in ("unless-stopped", "always", "on-failure")
        assert svc["environment"]["PETREEL_DATA_DIR"] == "/data"
    assert set(compose["volumes"]) >= {"petreel-data", "petreel-models"}
    worker = services["worker"]
    assert worker["build"]["target"] == "worker"
    devices = worker["deploy"]["resources"]["reservations"]["devices"]
    assert devices == [{"driver": "nvidia", "count": 1, "capabilities": ["gpu"]}]
    grace = worker["stop_grace_period"]
    assert grace.endswith("s") and float(grace[:-1]) > WorkerSettings().lease_s, "grace must cover a lease"
    assert services["bot"]["environment"]["PETREEL_HTTP_HOST"] == "0.0.0.0"
    assert services["bot"]["ports"] == ["127.0.0.1:8080:8080"]
    assert "gpu" not in str(services.get("worker-cpu", {}).get("deploy", ""))


async def test_the_bots_telegram_errors_reach_metrics(tmp_path: Path) -> None:
    """The bot's two call sites (delivery's ``count_error`` and the error handler) feed the
    process-wide counter that ``/metrics`` serves by default."""
    counter = metrics_mod.default_metrics().telegram_errors
    before = {kind: counter.value(kind=kind) for kind in ("NetworkError", "BadRequest")}
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

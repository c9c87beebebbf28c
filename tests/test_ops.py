"""Operations: the Prometheus registry, /healthz and /metrics over a real store, container files."""

from __future__ import annotations

import asyncio
import math
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from petreel import metrics as metrics_mod
from petreel.metrics import Counter, Gauge, Histogram, Metrics, Registry
from petreel.ops import (
    RenderTimes,
    SqliteOpsReader,
    WorkerView,
    _probe,
    _worker_check,
    judge_health,
    ops_routes,
)
from petreel.settings import QuotaSettings, Settings, WorkerSettings

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


def test_health_rule() -> None:
    now = 10_000.0
    fresh = WorkerView(heartbeat=now - 5, source="running_jobs", oldest_runnable_queued=None)
    assert judge_health(fresh, now, 120).ok
    stale = WorkerView(heartbeat=now - 500, source="workers", oldest_runnable_queued=None)
    assert not judge_health(stale, now, 120).ok
    idle = WorkerView(heartbeat=None, source="none", oldest_runnable_queued=None)
    assert judge_health(idle, now, 120).body["worker"] == "idle"
    stuck = WorkerView(heartbeat=None, source="none", oldest_runnable_queued=now - 300)
    health = judge_health(stuck, now, 120)
    assert not health.ok and "waited 300s" in health.body["reason"]


# --------------------------------------------------------------------------------------------
# /healthz and /metrics over a real Store (skips until storage/ lands)
# --------------------------------------------------------------------------------------------

store_mod = pytest.importorskip("storage.store", reason="storage/store.py (Store contract) not built yet")


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
        worker=WorkerSettings(lease_s=120, backoff_s=0.0),
        quota=QuotaSettings(daily_free=10, max_queued=10),
    )


def _db_files(folder: Path) -> list[str]:
    """Files in ``folder`` apart from SQLite's transient -wal/-shm."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def _clip(tmp_path: Path, job_id: int) -> object:
    from render.stages import ClipInfo

    path = tmp_path / f"{job_id}.mp4"
    path.write_bytes(b"\0" * 10)
    return ClipInfo(path=path, thumbnail=tmp_path / f"{job_id}.jpg", width=720, height=1280, duration=20.0, size_bytes=10)


def _enqueue(store: object, owner: int) -> int:
    job = store.enqueue(owner, "a ginger cat gets rich", "ginger-cat", "storyboard", "en", "{}", seed=1)  # type: ignore[attr-defined]
    return int(job.id)


def _populate(tmp_path: Path, settings: Settings, clock: Clock) -> None:
    """One done job (rendered 1000→1042), one failed, one running (heartbeat at 1150), one queued."""
    store = store_mod.Store.from_settings(settings, clock=clock)
    try:
        for _ in range(4):
            _enqueue(store, owner=7)
        # 1. done: claimed at 1000, first progress at 1000 (delivered), finished at 1042
        clock.t = 1000.0
        claimed = store.claim("w1")
        store.heartbeat(claimed.job.id, claimed.token, stage="keyframes", fraction=0.0)
        for event in store.pending_events():
            store.ack_event(event.id)
        clock.t = 1030.0
        store.heartbeat(claimed.job.id, claimed.token, stage="compose", fraction=0.5)
        clock.t = 1042.0
        assert store.complete(claimed.job.id, claimed.token, _clip(tmp_path, claimed.job.id)) is not None
        # 2. failed (not retryable)
        clock.t = 1050.0
        failing = store.claim("w1")
        assert store.fail(failing.job.id, failing.token, "boom", retryable=False) == "failed"
        # 3. running, last heartbeat at 1150
        clock.t = 1100.0
        running = store.claim("w2")
        clock.t = 1150.0
        assert store.heartbeat(running.job.id, running.token, stage="keyframes", fraction=0.3)
        # 4. the fourth job stays queued
    finally:
        store.close()


@pytest.fixture
async def ops_client(tmp_path: Path):  # type: ignore[no-untyped-def]
    clock = Clock(900.0)
    settings = _settings(tmp_path)
    await asyncio.to_thread(_populate, tmp_path, settings, clock)
    store = store_mod.AsyncStore.from_settings(settings, clock=clock)
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
    assert fams["petreel_worker_heartbeat_age_seconds"].value() == pytest.approx(10.0)
    assert fams["petreel_db_up"].value() == 1
    assert fams["petreel_telegram_errors_total"].type == "counter"
    assert fams["petreel_telegram_errors_total"].value(kind="RetryAfter") == 1


async def test_healthz_ok_with_fresh_heartbeat(ops_client) -> None:  # type: ignore[no-untyped-def]
    client, clock, _ = ops_client
    clock.t = 1160.0
    resp = await client.get("/healthz")
    body = await resp.json()
    assert resp.status == 200, body
    assert body["db"] == "ok" and body["worker_heartbeat_age_s"] == pytest.approx(10.0)
    assert body["heartbeat_source"] == "running_jobs"


async def test_healthz_503_when_heartbeat_is_stale(ops_client) -> None:  # type: ignore[no-untyped-def]
    client, clock, _ = ops_client
    clock.t = 1150.0 + 121.0  # one lease (120 s) after the running job's last heartbeat
    resp = await client.get("/healthz")
    body = await resp.json()
    assert resp.status == 503
    assert body["db"] == "ok" and body["worker_heartbeat_age_s"] == pytest.approx(121.0)
    assert body["worker"] in ("stale", "stalled") and body["reason"]


async def _get(app_routes: list[web.RouteDef], path: str) -> tuple[int, str]:
    app = web.Application()
    app.add_routes(app_routes)
    async with TestClient(TestServer(app)) as client:
        resp = await client.get(path)
        return resp.status, await resp.text()


async def test_healthz_idle_empty_queue_is_ok_and_waiting_queue_is_not(tmp_path: Path) -> None:
    clock = Clock(5000.0)
    settings = _settings(tmp_path)
    async with store_mod.AsyncStore.from_settings(settings, clock=clock) as store:
        status, text = await _get(ops_routes(store, settings, Metrics(), clock=clock), "/healthz")
        assert status == 200 and '"worker": "idle"' in text
        await store.enqueue(1, "premise", "ginger-cat", "storyboard", "en", "{}", 1)
        clock.t += 121.0  # queued for longer than a lease and no worker took it
        status, text = await _get(ops_routes(store, settings, Metrics(), clock=clock), "/healthz")
        assert status == 503 and "waited 121s" in text


async def test_healthz_and_metrics_when_the_database_is_unreachable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")
    settings = _settings(blocker)
    store = store_mod.AsyncStore.from_settings(settings)
    metrics = Metrics()
    try:
        status, text = await _get(ops_routes(store, settings, metrics), "/healthz")
        assert status == 503 and '"db": "error"' in text
        status, text = await _get(ops_routes(store, settings, metrics), "/metrics")
        assert status == 200 and parse_exposition(text)["petreel_db_up"].value() == 0
    finally:
        await store.close()


async def test_reader_reads_a_closed_wal_database_read_only(tmp_path: Path) -> None:
    clock = Clock(900.0)
    settings = _settings(tmp_path)
    await asyncio.to_thread(_populate, tmp_path, settings, clock)  # every connection closed again
    before = await asyncio.to_thread(_db_files, tmp_path)
    reader = SqliteOpsReader(settings.database, settings.worker.lease_s)
    times = await reader.render_times([30, 45])
    assert times == RenderTimes((30.0, 45.0), (0, 1), 42.0, 1)
    view = await reader.worker_view(1160.0)
    assert view.heartbeat == 1150.0 and view.source == "running_jobs"
    assert view.oldest_runnable_queued is not None
    # read-only: it wrote nothing the next writer would have to recover
    assert await asyncio.to_thread(_worker_check, settings, 1160.0) == 0  # the container HEALTHCHECK
    assert await asyncio.to_thread(_worker_check, settings) == 1  # real now: the 1150 heartbeat is ancient
    assert await asyncio.to_thread(_db_files, tmp_path) == before


async def test_docker_probe_hits_healthz(tmp_path: Path) -> None:
    clock = Clock(5000.0)
    async with store_mod.AsyncStore(tmp_path / "petreel.db", clock=clock) as store:
        app = web.Application()
        app.add_routes(ops_routes(store, _settings(tmp_path), Metrics(), clock=clock))
        async with TestServer(app, host="127.0.0.1") as server:
            assert server.port is not None
            settings = _settings(tmp_path, http_host="0.0.0.0", http_port=server.port)
            assert await asyncio.to_thread(_probe, settings, 5.0) == 0
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
        assert len(health) == 1 and "petreel.ops" in health[0]
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

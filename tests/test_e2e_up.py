"""``petreel up`` / ``bot`` / ``sandbox`` as real process trees (bot + worker process + sandbox + web
chat page + ops routes), driven over HTTP through the web chat page's user API, then stopped with
Ctrl-C (SIGINT) or SIGTERM: exit code 0, and every job durable in SQLite across restarts."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx
import numpy as np

from petreel.serve import first_message_id
from petreel.settings import Settings
from render.composer import FfmpegComposer
from render.probe import probe
from render.stages import RenderSpec
from storage.store import Store
from tests.test_e2e_bot import FastRenderer

ROOT = Path(__file__).resolve().parents[1]
USER = 77
TINY = "tests.test_e2e_up:tiny_renderer"
PREMISE = "a corgi opens a noodle shop"


def tiny_renderer(settings: Settings) -> FastRenderer:
    """``--renderer tests.test_e2e_up:tiny_renderer``: a real tiny MP4 made once by the composer."""
    out = settings.data_dir / "tiny" / "tiny.mp4"
    out.parent.mkdir(parents=True, exist_ok=True)
    frames = (np.full((160, 90, 3), 30 * i, dtype=np.uint8) for i in range(6))
    spec = RenderSpec(width=90, height=160, fps=6, preset="ultrafast")
    clip = FfmpegComposer(threads=1).compose(frames, np.zeros(4800, dtype=np.float32), spec, out, n_frames=6)
    return FastRenderer(clip, stage_s=0.1)


# -- a ``petreel`` process ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def petreel_env(data_dir: Path, port: int, **extra: str) -> dict[str, str]:
    """The parent environment without any PetReel/Telegram setting, plus quick test settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PETREEL_", "TELEGRAM_"))}
    env.update(
        PETREEL_DATA_DIR=str(data_dir),
        PETREEL_HTTP_PORT=str(port),
        PETREEL_WORKER__POLL_S="0.1",
        PETREEL_TELEGRAM__PROGRESS_EDIT_INTERVAL_S="0.2",
        PETREEL_TELEGRAM__CHAT_THROTTLE_S="0",
    )
    env.update(extra)
    return env


@dataclass
class Petreel:
    """One running ``python -m petreel.cli …`` with its output in a log file."""

    proc: asyncio.subprocess.Process
    log_path: Path
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def stop(self, sig: signal.Signals = signal.SIGINT, timeout_s: float = 40) -> int:
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
        return await asyncio.wait_for(self.proc.wait(), timeout_s)


def _open_log(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("wb")


@contextlib.asynccontextmanager
async def petreel(
    data_dir: Path, *args: str, env: Mapping[str, str] | None = None, port: int | None = None
) -> AsyncIterator[Petreel]:
    """Run ``petreel ARGS`` (``env`` adds PETREEL_* settings); on the way out Ctrl-C it if still running."""
    port = port or free_port()
    log_path = data_dir / f"{args[0]}-{port}.log"
    with _open_log(log_path) as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "petreel.cli", *args,
            cwd=ROOT, env=petreel_env(data_dir, port, **(env or {})), stdout=log, stderr=log,
        )  # fmt: skip
        running = Petreel(proc, log_path, port)
        try:
            yield running
        finally:
            if proc.returncode is None:
                try:
                    await running.stop()
                except TimeoutError:
                    proc.kill()
                    await proc.wait()


async def wait_http(http: httpx.AsyncClient, path: str = "/healthz", timeout_s: float = 40) -> httpx.Response:
    """Poll until the server answers ``path`` (any HTTP status)."""
    async with asyncio.timeout(timeout_s):
        while True:
            try:
                return await http.get(path)
            except httpx.TransportError:
                await asyncio.sleep(0.2)


def assert_clean_exit(code: int, run: Petreel) -> None:
    output = run.output()
    assert code == 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]


# -- the web chat page's user API -----------------------------------------------------------------------


async def chat(
    http: httpx.AsyncClient, until: Callable[[list[dict[str, Any]]], bool], timeout_s: float = 30, user: int = USER
) -> list[dict[str, Any]]:
    """Long-poll the web chat API until ``until(messages)`` holds."""
    version = 0
    async with asyncio.timeout(timeout_s):
        while True:
            body = (await http.get("/sandbox/api/chat", params={"user_id": user, "version": version})).json()
            version = body["version"]
            if until(body["messages"]):
                return list(body["messages"])


def button(messages: list[dict[str, Any]], prefix: str, label: str = "") -> tuple[int, str] | None:
    for message in reversed(messages):
        for row in message["buttons"]:
            for b in row:
                if (b["data"] or "").startswith(prefix) and label in b["text"]:
                    return message["id"], b["data"]
    return None


async def press(http: httpx.AsyncClient, found: tuple[int, str] | None) -> None:
    assert found is not None
    reply = await http.post("/sandbox/api/press", json={"user_id": USER, "message_id": found[0], "data": found[1]})
    assert reply.json()["ok"]


async def send(http: httpx.AsyncClient, text: str) -> None:
    reply = await http.post("/sandbox/api/send", json={"user_id": USER, "text": text})
    assert reply.json()["ok"]


async def order_clip(http: httpx.AsyncClient) -> list[dict[str, Any]]:
    """Premise → hero (Corgi) → Confirm, as a person taps them (the CPU painter draws one art style, so
    there is no art-style step: the preview says which one is used); returns the chat."""
    await send(http, PREMISE)
    messages = await chat(http, lambda m: button(m, "1|st|") is not None)
    await press(http, button(messages, "1|st|", "Corgi"))
    messages = await chat(http, lambda m: button(m, "1|ok|") is not None)
    assert button(messages, "1|ar|") is None
    preview = next(m for m in reversed(messages) if button([m], "1|ok|"))
    assert "Storyboard cartoon (the only one" in str(preview), preview
    await press(http, button(messages, "1|ok|"))
    return messages


def has_video(messages: list[dict[str, Any]]) -> bool:
    return any("video" in m for m in messages)


# -- tests ----------------------------------------------------------------------------------------------


async def test_petreel_up_makes_a_clip_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    async with petreel(tmp_path, "up", "--renderer", TINY) as up:
        async with httpx.AsyncClient(base_url=up.url, timeout=40) as http:
            # 1. up: the web chat page and the ops routes answer
            await wait_http(http)
            assert "<html" in (await http.get("/")).text.lower()
            # 2. a clip through the same user API the page uses
            await order_clip(http)
            messages = await chat(http, has_video, timeout_s=60)
            video = next(x for x in messages if "video" in x)
            mp4 = tmp_path / "got.mp4"
            mp4.write_bytes((await http.get(video["video"]["url"])).content)
            assert probe(mp4)["video_codec"] == "h264"
        # 3. Ctrl-C
        code = await up.stop(signal.SIGINT)
    assert_clean_exit(code, up)
    assert "stopped" in up.output()
    # 4. durable state: the job is done, its clip sent once, nothing left in the outbox
    with Store(tmp_path / "petreel.db") as store:
        clips, total = store.list_clips(USER)
        assert total == 1 and clips[0].file_id
        assert store.pending_events() == []
        assert store.active_jobs(USER) == []


def _idle_workers(db: Path) -> int:
    """Workers whose row was beaten after registering: their first claim attempt is over."""
    if not db.exists():
        return 0
    with Store(db) as store:
        return sum(1 for w in store.workers() if w.heartbeat > w.started)


async def _worker_idle(db: Path, timeout_s: float = 30) -> None:
    async with asyncio.timeout(timeout_s):
        while True:
            if _idle_workers(db):
                return
            await asyncio.sleep(0.1)


async def test_a_queued_job_survives_ctrl_c_and_is_delivered_on_the_next_start(tmp_path: Path) -> None:
    db = tmp_path / "petreel.db"
    # 1. first start: the worker looks at the queue once at start-up, then not for an hour (it still
    #    beats its row while idle, which tells when that one look is over)
    idle = {"PETREEL_WORKER__POLL_S": "3600", "PETREEL_WORKER__HEARTBEAT_S": "0.2"}
    async with petreel(tmp_path, "up", "--renderer", TINY, env=idle) as first:
        async with httpx.AsyncClient(base_url=first.url, timeout=40) as http:
            await wait_http(http)
            await _worker_idle(db)  # registered, claimed nothing, now idle
            await order_clip(http)
            await chat(http, lambda m: any("Queued" in x["html"] for x in m))
        # 2. Ctrl-C while the job waits
        code = await first.stop(signal.SIGINT)
    assert_clean_exit(code, first)
    with Store(db) as store:
        waiting = store.active_jobs(USER)
        assert [job.state for job in waiting] == ["queued"]
        job_id, status_id = waiting[0].id, waiting[0].status_message_id
        assert status_id is not None
        assert store.list_clips(USER)[1] == 0
    assert (tmp_path / "sandbox" / "123456" / "state.json").exists()  # the sandbox kept the chat
    # 3. next start: the page shows the same conversation, and the same job is claimed, rendered and
    #    delivered into it with nobody typing anything
    async with petreel(tmp_path, "up", "--renderer", TINY) as second:
        async with httpx.AsyncClient(base_url=second.url, timeout=40) as http:
            await wait_http(http)
            history = await chat(http, lambda m: any(x["id"] == status_id for x in m))
            assert any(PREMISE in x["html"] and x["from"] == "user" for x in history)
            await chat(http, has_video, timeout_s=60)

            def status_finished(messages: list[dict[str, Any]]) -> bool:
                status = next((m for m in messages if m["id"] == status_id), None)
                return status is not None and status["edits"] > 0 and "Queued" not in status["html"]

            messages = await chat(http, lambda m: has_video(m) and status_finished(m))  # the last status edits
            # the status message of the last run is the one that followed the job to the end
            status = next(m for m in messages if m["id"] == status_id)
            assert status["edits"] > 0 and "Queued" not in status["html"], status
            assert [m["from"] for m in messages if "video" in m] == ["bot"]
            assert not any(m["html"] == "/start" for m in messages)
        code = await second.stop(signal.SIGINT)
    assert_clean_exit(code, second)
    with Store(db) as store:
        job = store.get_job(job_id)
        assert job is not None and job.state == "done"
        clips, total = store.list_clips(USER)
        assert total == 1 and clips[0].job_id == job_id and clips[0].file_id
        assert store.pending_events() == []


async def test_petreel_bot_serves_healthz_and_metrics_and_stops_on_sigterm(tmp_path: Path) -> None:
    async with petreel(tmp_path, "bot") as bot:
        async with httpx.AsyncClient(base_url=bot.url, timeout=20) as http:
            health = await wait_http(http)
            # no worker in this process: healthy while the database answers, the missing worker reported
            assert health.status_code == 200, health.text
            assert health.json()["db"] == "ok" and health.json()["worker"] == "none"
            metrics = await http.get("/metrics")
            assert metrics.status_code == 200
            assert metrics.headers["content-type"].startswith("text/plain")
            assert "petreel_queue_length 0" in metrics.text
            assert "<html" in (await http.get("/")).text.lower()  # no token: the web chat page too
        code = await bot.stop(signal.SIGTERM)
    assert_clean_exit(code, bot)
    assert "stopped" in bot.output()


async def test_petreel_sandbox_prints_its_urls_and_a_bot_with_a_token_runs_against_it(tmp_path: Path) -> None:
    # 1. the sandbox alone: it prints where it is
    async with petreel(tmp_path, "sandbox", "--token", "4242:SANDBOX") as sandbox:
        async with httpx.AsyncClient(base_url=sandbox.url, timeout=20) as http:
            await wait_http(http, "/")
            banner = sandbox.output()
            assert f"Bot API sandbox: {sandbox.url}/bot" in banner
            assert f"web chat page:   {sandbox.url}/" in banner
            assert "4242:SANDBOX" in banner
            me = (await http.get("/bot4242:SANDBOX/getMe")).json()
            assert me["ok"] and me["result"]["is_bot"]
            assert (await http.get("/bot123456:TEST/getMe")).status_code == 401
            assert (await http.get("/healthz")).status_code == 404  # only the sandbox and the page
            # 2. ``petreel bot`` with a token, pointed at it: a Telegram-mode bot with its ops routes
            async with petreel(
                tmp_path / "bot",
                "bot",
                env={
                    "PETREEL_TELEGRAM__TOKEN": "4242:SANDBOX",
                    "PETREEL_TELEGRAM__BASE_URL": f"{sandbox.url}/bot",
                    "PETREEL_TELEGRAM__BASE_FILE_URL": f"{sandbox.url}/file/bot",
                },
            ) as bot:
                async with httpx.AsyncClient(base_url=bot.url, timeout=20) as ops:
                    assert (await wait_http(ops)).json()["db"] == "ok"
                    assert "petreel_jobs" in (await ops.get("/metrics")).text
                    assert (await ops.get("/")).status_code == 404  # a token: no web chat page
                await send(http, "/start")
                await chat(http, lambda m: any("PetReel" in x["html"] for x in m if x["from"] == "bot"))
                code = await bot.stop(signal.SIGTERM)
            assert_clean_exit(code, bot)
        code = await sandbox.stop(signal.SIGINT)
    assert_clean_exit(code, sandbox)


def test_a_restarted_sandbox_numbers_messages_after_those_of_its_last_run() -> None:
    started = 1_780_000_000.0
    # a run that lasted an hour with a message every 0.2 s in one chat
    last_run = range(first_message_id(started), first_message_id(started) + 3600 * 5)
    assert first_message_id(started + 3600) > last_run[-1]
    assert first_message_id(started + 1) > first_message_id(started) >= 1

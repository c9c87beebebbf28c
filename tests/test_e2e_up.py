"""``petreel up`` as a real process tree (bot + worker process + sandbox + web chat page + ops
routes), driven over HTTP through the web chat page's user API, then stopped with Ctrl-C (SIGINT):
exit code 0 and every job durable in SQLite."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import httpx
import numpy as np

from petreel.settings import Settings
from render.composer import FfmpegComposer
from render.probe import probe
from render.stages import RenderSpec
from storage.store import Store
from tests.test_e2e_bot import FastRenderer

ROOT = Path(__file__).resolve().parents[1]
USER = 77


def tiny_renderer(settings: Settings) -> FastRenderer:
    """``--renderer tests.test_e2e_up:tiny_renderer``: a real tiny MP4 made once by the composer."""
    out = settings.data_dir / "tiny" / "tiny.mp4"
    out.parent.mkdir(parents=True, exist_ok=True)
    frames = (np.full((160, 90, 3), 30 * i, dtype=np.uint8) for i in range(6))
    spec = RenderSpec(width=90, height=160, fps=6, preset="ultrafast")
    clip = FfmpegComposer(threads=1).compose(frames, np.zeros(4800, dtype=np.float32), spec, out, n_frames=6)
    return FastRenderer(clip, stage_s=0.1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _log_file(path: Path) -> IO[bytes]:
    return path.open("wb")


async def _chat(http: httpx.AsyncClient, until: Callable[[list[dict[str, Any]]], bool], timeout_s: float = 30) -> list[dict[str, Any]]:
    """Long-poll the web chat API until ``until(messages)`` holds."""
    version = 0
    async with asyncio.timeout(timeout_s):
        while True:
            body = (await http.get("/sandbox/api/chat", params={"user_id": USER, "version": version})).json()
            version = body["version"]
            if until(body["messages"]):
                return list(body["messages"])


def _data(messages: list[dict[str, Any]], prefix: str, label: str = "") -> tuple[int, str] | None:
    for message in reversed(messages):
        for row in message["buttons"]:
            for button in row:
                if (button["data"] or "").startswith(prefix) and label in button["text"]:
                    return message["id"], button["data"]
    return None


async def _press(http: httpx.AsyncClient, found: tuple[int, str] | None) -> None:
    assert found is not None
    reply = await http.post("/sandbox/api/press", json={"user_id": USER, "message_id": found[0], "data": found[1]})
    assert reply.json()["ok"]


async def test_petreel_up_makes_a_clip_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PETREEL_", "TELEGRAM_"))}
    env.update(
        PETREEL_DATA_DIR=str(tmp_path),
        PETREEL_HTTP_PORT=str(port),
        PETREEL_WORKER__POLL_S="0.1",
        PETREEL_TELEGRAM__PROGRESS_EDIT_INTERVAL_S="0.2",
        PETREEL_TELEGRAM__CHAT_THROTTLE_S="0",
    )
    log_path = tmp_path / "up.log"
    log = _log_file(log_path)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "petreel.cli", "up", "--renderer", "tests.test_e2e_up:tiny_renderer",
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=40) as http:
            # 1. up: the web chat page and the ops routes answer
            async with asyncio.timeout(40):
                while True:
                    try:
                        if (await http.get("/healthz")).status_code in (200, 503):
                            break
                    except httpx.TransportError:
                        await asyncio.sleep(0.2)
            assert "<html" in (await http.get("/")).text.lower()
            # 2. a clip through the same user API the page uses
            await http.post("/sandbox/api/send", json={"user_id": USER, "text": "a corgi opens a noodle shop"})
            messages = await _chat(http, lambda m: _data(m, "1|st|") is not None)
            await _press(http, _data(messages, "1|st|", "Corgi"))
            messages = await _chat(http, lambda m: _data(m, "1|ar|") is not None)
            await _press(http, _data(messages, "1|ar|"))
            messages = await _chat(http, lambda m: _data(m, "1|ok|") is not None)
            await _press(http, _data(messages, "1|ok|"))
            messages = await _chat(http, lambda m: any("video" in x for x in m), timeout_s=60)
            video = next(x for x in messages if "video" in x)
            mp4 = tmp_path / "got.mp4"
            mp4.write_bytes((await http.get(video["video"]["url"])).content)
            assert probe(mp4)["video_codec"] == "h264"
    finally:
        # 3. Ctrl-C
        if proc.returncode is None:
            proc.send_signal(signal.SIGINT)
        code = await asyncio.wait_for(proc.wait(), 40)
        log.close()
    output = log_path.read_text(errors="replace")
    assert code == 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert "stopped" in output
    # 4. durable state: the job is done, its clip sent once, nothing left in the outbox
    with Store(tmp_path / "petreel.db") as store:
        clips, total = store.list_clips(USER)
        assert total == 1 and clips[0].file_id
        assert store.pending_events() == []
        assert store.active_jobs(USER) == []

"""Delivery against the real store and the sandbox, driven tick by tick (no Application)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from telegram import Bot

from bot.delivery import Delivery
from petreel.metrics import default_metrics
from petreel.settings import Settings
from render.stages import ClipInfo
from sandbox import BotApiSandbox
from sandbox.users import MessageView, SimUser
from storage.models import Clip
from storage.store import AsyncStore
from tests.factories import make_script

USER = 4242


@dataclass
class Rig:
    sandbox: BotApiSandbox
    store: AsyncStore
    bot: Bot
    delivery: Delivery
    user: SimUser
    tmp: Path

    async def finished_clip(
        self, size: int = 2048, status: bool = True, thumbnail: bool = True, process_render_s: float | None = None
    ) -> Clip:
        """A job rendered to completion (its 'done' event waits in the outbox)."""
        script = make_script()
        job = await self.store.enqueue(USER, script.premise, "ginger-cat", "storyboard", "en",
                                       script.model_dump_json(), 7, chat_id=USER)
        if status:
            message = await self.bot.send_message(USER, "⏳ Queued")
            await self.store.set_status_message(job.id, USER, message.message_id)
        claimed = await self.store.claim("test-worker", 30.0)
        assert claimed is not None and claimed.job.id == job.id
        path = self.tmp / f"{job.id}.mp4"
        path.write_bytes(b"\0" * size)
        thumb = self.tmp / f"{job.id}.jpg"
        if thumbnail:
            Image.new("RGB", (72, 128), (235, 140, 50)).save(thumb, "JPEG")
        info = ClipInfo(path, thumb, 72, 128, 2.0, size)
        clip = await self.store.complete(job.id, claimed.token, info, process_render_s=process_render_s)
        assert clip is not None
        return clip


async def drain_until(rig: Rig, done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Step the delivery loop until ``done()`` holds (a backoff or an edit gate has to pass first)."""
    async with asyncio.timeout(timeout_s):
        while True:
            await rig.delivery.drain()
            if done():
                return
            await asyncio.sleep(0.02)


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    settings = Settings(
        data_dir=tmp_path,
        telegram={"max_upload_mb": 1, "progress_edit_interval_s": 0.3},  # type: ignore[arg-type]
    )
    async with BotApiSandbox() as sandbox, AsyncStore.from_settings(settings) as store:
        user = sandbox.user(USER)
        await user.send("/start")  # the chat exists
        async with Bot(sandbox.token, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url) as bot:
            yield Rig(sandbox, store, bot, Delivery(bot, store, settings, retry_s=0.05), user, tmp_path)


async def test_done_sends_the_video_once_and_acks(rig: Rig) -> None:
    clip = await rig.finished_clip()
    await rig.delivery.drain()
    videos = [m for m in rig.user.visible if m.video]
    assert len(videos) == 1 and "The Ginger Comeback" in videos[0].body
    stored = await rig.store.get_clip(clip.id)
    assert stored is not None and stored.file_id == videos[0].video
    assert await rig.store.pending_events() == []
    call = rig.sandbox.calls_to("sendVideo")[0]
    assert call.params["supports_streaming"] in (True, "true", "True")
    assert rig.sandbox.violations == []


async def test_the_delivery_loop_observes_render_times_when_it_consumes_done(rig: Rig) -> None:
    """Workers are other processes: the bot's metrics see a render when delivery acknowledges the
    job's done event (``petreel_process_render_seconds`` is the worker's own measurement)."""
    registry = default_metrics().registry

    def sample(name: str, labels: dict[str, str] | None = None) -> float:
        return registry.get_sample_value(name, labels or {}) or 0.0

    names = ("petreel_render_seconds_count", "petreel_process_render_seconds_count", "petreel_process_render_seconds_sum")
    before = [sample(n) for n in names] + [sample("petreel_jobs_finished_total", {"outcome": "done"})]
    await rig.finished_clip(process_render_s=33.25)
    await rig.delivery.drain()
    after = [sample(n) for n in names] + [sample("petreel_jobs_finished_total", {"outcome": "done"})]
    assert [b - a for a, b in zip(before, after, strict=True)] == [1, 1, 33.25, 1]
    await rig.delivery.drain()  # the event was acknowledged: consuming again counts nothing
    assert [sample(n) for n in names] + [sample("petreel_jobs_finished_total", {"outcome": "done"})] == after


async def test_a_clip_with_a_file_id_is_not_sent_again(rig: Rig) -> None:
    clip = await rig.finished_clip()
    await rig.store.set_clip_file_id(clip.id, "already-sent")  # sent before a crash, ack lost
    await rig.delivery.drain()
    assert rig.sandbox.calls_to("sendVideo") == []
    assert await rig.store.pending_events() == []


async def test_too_big_clip_gets_a_clear_message(rig: Rig) -> None:
    await rig.finished_clip(size=2 * 1024 * 1024)
    await rig.delivery.drain()
    assert rig.sandbox.calls_to("sendVideo") == []
    assert "larger than the 1 MB upload limit" in rig.user.find("upload limit").body
    assert await rig.store.pending_events() == []


async def test_missing_file_is_reported(rig: Rig) -> None:
    clip = await rig.finished_clip()
    clip.path.unlink()
    await rig.delivery.drain()
    assert "no longer available" in rig.user.find("no longer available").body
    assert await rig.store.pending_events() == []


async def test_transient_error_keeps_the_event_until_it_succeeds(rig: Rig) -> None:
    await rig.finished_clip()
    rig.sandbox.inject("sendVideo", error_code=502, times=1)
    await rig.delivery.drain()
    assert [e.kind for e in await rig.store.pending_events()] == ["done"]
    assert not [m for m in rig.user.visible if m.video]
    await drain_until(rig, lambda: bool([m for m in rig.user.visible if m.video]))  # after the 0.05 s backoff
    assert len([m for m in rig.user.visible if m.video]) == 1
    assert await rig.store.pending_events() == []


async def test_blocked_user_does_not_wedge_the_outbox(rig: Rig) -> None:
    await rig.finished_clip(status=False)
    await rig.user.block()
    await rig.delivery.drain()
    assert await rig.store.pending_events() == []  # Forbidden is permanent: acknowledged, not retried
    assert rig.sandbox.calls_to("sendVideo")[0].error is not None


async def test_progress_edits_are_throttled_and_final_text_wins(rig: Rig) -> None:
    script = make_script()
    job = await rig.store.enqueue(USER, script.premise, "ginger-cat", "storyboard", "en",
                                  script.model_dump_json(), 1, chat_id=USER)
    status = await rig.bot.send_message(USER, "⏳ Queued")
    await rig.store.set_status_message(job.id, USER, status.message_id)
    claimed = await rig.store.claim("w", 30.0)
    assert claimed is not None
    interval = rig.delivery.gate.interval_s
    began = asyncio.get_running_loop().time()
    for i in range(10):
        # each report is drained on its own, so it is its own event (the outbox merges only unsent ones)
        await rig.store.heartbeat(job.id, claimed.token, "keyframes", (i + 1) / 10)
        await rig.delivery.drain()
    elapsed = asyncio.get_running_loop().time() - began
    consumed = [e for e in await rig.store.events_for(job.id) if e.kind == "progress"]
    assert len(consumed) == 10
    edits = rig.sandbox.calls_to("editMessageText")
    # ten events, and the gate let through one edit per interval at most
    assert 1 <= len(edits) <= 1 + elapsed / interval, (len(edits), elapsed)
    assert re.search(r"[▓░]{10} \d+%", str(edits[0].params["text"]))
    assert await rig.store.cancel(job.id, USER)
    await rig.delivery.drain()  # the cancel edit waits for the gate…

    def final() -> MessageView:
        return next(m for m in rig.user.chat if m.message_id == status.message_id)

    await drain_until(rig, lambda: "Cancelled" in final().body)  # …then wins
    assert final().buttons == ()
    times = [c.timestamp for c in rig.sandbox.calls_to("editMessageText")]
    assert all(b - a >= 0.25 for a, b in zip(times, times[1:], strict=False))


async def test_dead_job_tells_the_user_in_their_language(rig: Rig) -> None:
    await rig.store.ensure_user(USER, "zh")
    script = make_script()
    job = await rig.store.enqueue(USER, script.premise, "ginger-cat", "storyboard", "en",
                                  script.model_dump_json(), 1, chat_id=USER)
    claimed = await rig.store.claim("w", 30.0)
    assert claimed is not None
    assert await rig.store.fail(job.id, claimed.token, "ffmpeg exited 1", retryable=False) == "failed"
    await rig.delivery.drain()
    assert rig.user.find("视频生成失败").from_bot
    assert await rig.store.pending_events() == []


async def test_stop_lets_the_loop_finish(rig: Rig) -> None:
    await rig.finished_clip()
    rig.delivery.start()
    await rig.user.wait_for(lambda chat: any(m.video for m in chat), timeout=5)
    await rig.delivery.stop()
    assert not rig.delivery.running


async def test_sending_video_shows_first_and_a_failing_chat_action_never_holds_the_clip(rig: Rig) -> None:
    # 1. "sending video…" goes out before the upload starts
    await rig.finished_clip()
    await rig.delivery.drain()
    methods = [c.method for c in rig.sandbox.calls if c.method in ("sendChatAction", "sendVideo")]
    assert methods[:2] == ["sendChatAction", "sendVideo"]
    assert rig.sandbox.calls_to("sendChatAction")[0].params["action"] == "upload_video"
    # 2. Telegram refuses the chat action: the clip goes out all the same
    rig.sandbox.inject("sendChatAction", 400, description="Bad Request: not enough rights", times=5)
    await rig.finished_clip()
    await rig.delivery.drain()
    assert len([m for m in rig.user.visible if m.video]) == 2
    assert await rig.store.pending_events() == []
    assert rig.sandbox.violations == []

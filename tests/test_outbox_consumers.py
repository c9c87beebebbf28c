"""Two bot processes on one database (webhook mode behind a load balancer): two delivery loops, each
with its own connection, its own ``Bot`` and its own outbox consumer id, drain the same outbox while a
worker keeps finishing jobs. Every job's clip is sent exactly once (one ``sendVideo``), on both backends.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from telegram import Bot

from bot.delivery import Delivery
from petreel.settings import QuotaSettings, Settings
from render.stages import ClipInfo
from sandbox import BotApiSandbox
from sandbox.spec import Upload
from storage.store import AsyncStore, Store

LIMITS = QuotaSettings(daily_free=1_000, max_queued=1_000, max_queue=1_000)
USERS = (501, 502, 503, 504)
JOBS = 40
FIRST = 4  # finished before the loops start: each consumer's first tick takes its share of them


def finish_jobs(target: Path | str, tmp: Path, first: int, n: int) -> list[int]:
    """Enqueue, claim and complete ``n`` jobs (a worker, on its own connection); returns the clip ids."""
    clips: list[int] = []
    with Store(target, LIMITS, clips_dir=tmp / "clips") as store:
        for i in range(first, first + n):
            owner = USERS[i % len(USERS)]
            job = store.enqueue(owner, f"premise {i}", "ginger-cat", "storyboard", "en", "{}", i, chat_id=owner)
            claimed = store.claim("worker", 60.0)
            assert claimed is not None and claimed.job.id == job.id
            path = tmp / f"clip-{i}.mp4"
            path.write_bytes(b"\0\0\0\x18ftypisom" + bytes([i]) * 512)
            clip = store.complete(job.id, claimed.token, ClipInfo(path, tmp / "none.jpg", 72, 128, 2.0, 524))
            assert clip is not None
            clips.append(clip.id)
    return clips


async def test_two_delivery_loops_send_every_clip_exactly_once(db_target: Path | str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, telegram={"progress_edit_interval_s": 0.05})  # type: ignore[arg-type]
    clips = finish_jobs(db_target, tmp_path, 0, FIRST)
    async with (
        BotApiSandbox() as sandbox,
        AsyncStore(db_target, LIMITS, clips_dir=tmp_path / "clips") as store_a,
        AsyncStore(db_target, LIMITS, clips_dir=tmp_path / "clips") as store_b,
    ):
        for user_id in USERS:
            await sandbox.user(user_id).send("/start")
        api = {"base_url": sandbox.base_url, "base_file_url": sandbox.base_file_url}
        async with Bot(sandbox.token, **api) as bot_a, Bot(sandbox.token, **api) as bot_b:
            # Two jobs' events per tick, so the work has to be shared (and the loops race for it).
            a = Delivery(bot_a, store_a, settings, poll_s=0.05, batch=2, consumer="bot-a")
            b = Delivery(bot_b, store_b, settings, poll_s=0.05, batch=2, consumer="bot-b")
            # 1. Each consumer's first tick leases jobs the other one does not hold.
            await a.tick()
            await b.tick()
            # 2. Both loops run while a worker finishes the rest of the jobs.
            a.start()
            b.start()
            produced: list[int] = []
            worker = threading.Thread(
                target=lambda: produced.extend(finish_jobs(db_target, tmp_path, FIRST, JOBS - FIRST))
            )
            worker.start()
            try:
                await asyncio.to_thread(worker.join, 120)
                assert not worker.is_alive()
                clips += produced
                async with asyncio.timeout(60):  # until the outbox is empty and every clip went out
                    while True:
                        if a.sent_videos + b.sent_videos >= JOBS and not await store_a.pending_events(1):
                            break
                        await asyncio.sleep(0.05)
            finally:
                await a.stop()
                await b.stop()
            # 3. One sendVideo per clip, from one of the two processes; nothing left undelivered.
            sends = [c for c in sandbox.calls_to("sendVideo") if c.error is None]
            names = [c.params["video"].filename for c in sends if isinstance(c.params["video"], Upload)]
            assert sorted(names) == sorted(f"petreel-{clip_id}.mp4" for clip_id in clips)
            assert len(sends) == a.sent_videos + b.sent_videos == JOBS
            assert a.sent_videos >= 2 and b.sent_videos >= 2, (a.sent_videos, b.sent_videos)
            for i, user_id in enumerate(USERS):
                videos = [m for m in sandbox.user(user_id).visible if m.video]
                assert len(videos) == len(range(i, JOBS, len(USERS)))
            assert await store_a.pending_events() == []
            for clip_id in clips:
                clip = await store_b.get_clip(clip_id)
                assert clip is not None and clip.file_id
            assert sandbox.violations == []

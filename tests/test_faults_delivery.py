"""Delivery faults (issue 14): a crash while ``sendVideo`` is in flight, identical status edits, and
status edits of two jobs in one chat."""

from __future__ import annotations

import asyncio

from telegram import Bot

from bot.delivery import Delivery
from storage.models import Job
from tests import test_bot_delivery as base
from tests.factories import make_script
from tests.fakes.clock import Clock
from tests.test_bot_delivery import USER, Rig

rig = base.rig  # the delivery fixture: real store, real sandbox, real Bot


def videos(rig: Rig) -> list[str]:
    return [m.body for m in rig.user.visible if m.video]


async def test_a_crash_during_the_upload_resends_once_with_a_note(rig: Rig) -> None:
    clip = await rig.finished_clip()
    # 1. the bot dies while sendVideo is in flight: Telegram (the sandbox) gets the whole upload and
    #    posts the video, the reply never reaches the bot, so no file_id is stored and no ack is made
    rig.sandbox.inject("sendVideo", error_code=None, delay=0.5)
    crashing = asyncio.create_task(rig.delivery.drain())
    await rig.user.wait_for(lambda _: bool(rig.sandbox.calls_to("sendVideo")), timeout=5)
    dying = [t for t in asyncio.all_tasks() if t.get_name().startswith("deliver-job-")] + [crashing]
    for task in dying:  # the process dies: its delivery tasks stop where they are
        task.cancel()
    await asyncio.gather(*dying, return_exceptions=True)
    await rig.user.wait_for(lambda _: len(videos(rig)) == 1, timeout=5)
    assert (await rig.store.get_clip(clip.id)).file_id is None  # type: ignore[union-attr]
    assert [e.kind for e in await rig.store.pending_events()] == ["done"]
    # 2. the restarted bot (a new Delivery, nothing in memory) sends it again, once, and says so
    async with Bot(rig.sandbox.token, base_url=rig.sandbox.base_url, base_file_url=rig.sandbox.base_file_url) as bot:
        restarted = Delivery(bot, rig.store, rig.delivery.settings, retry_s=0.05)
        await restarted.drain()
        await restarted.drain()  # and a third pass sends nothing more
    sent = videos(rig)
    assert len(sent) == 2
    assert "Resending after a restart" not in sent[0] and "Resending after a restart" in sent[1]
    assert await rig.store.pending_events() == []
    stored = await rig.store.get_clip(clip.id)
    assert stored is not None and stored.file_id is not None
    assert await rig.store.begin_upload(clip.id) == 2  # two attempts were recorded before this one


async def test_a_first_upload_has_no_note_and_records_one_attempt(rig: Rig) -> None:
    clip = await rig.finished_clip()
    await rig.delivery.drain()
    assert len(videos(rig)) == 1 and "Resending" not in videos(rig)[0]
    assert await rig.store.begin_upload(clip.id) == 1


async def _running_job(rig: Rig, seed: int) -> tuple[Job, str, int]:
    script = make_script()
    job = await rig.store.enqueue(USER, script.premise, "ginger-cat", "storyboard", "en",
                                  script.model_dump_json(), seed, chat_id=USER)
    status = await rig.bot.send_message(USER, "⏳ Queued")
    await rig.store.set_status_message(job.id, USER, status.message_id)
    claimed = await rig.store.claim(f"w{seed}", 30.0)
    assert claimed is not None and claimed.job.id == job.id
    return job, claimed.token, status.message_id


async def test_an_identical_status_text_is_not_sent_again(rig: Rig) -> None:
    clock = Clock(1000.0)
    delivery = Delivery(rig.bot, rig.store, rig.delivery.settings, retry_s=0.05, clock=clock)
    job, token, _ = await _running_job(rig, 1)
    await rig.store.heartbeat(job.id, token, "keyframes", 0.4)
    await delivery.drain()
    for _ in range(3):  # the same stage and fraction again, slots later
        clock.now += 10.0
        await rig.store.heartbeat(job.id, token, "keyframes", 0.4)
        await delivery.drain()
    texts = [c.params["text"] for c in rig.sandbox.calls_to("editMessageText")]
    assert len(texts) == 1 and "▓" in str(texts[0])
    clock.now += 10.0
    await rig.store.heartbeat(job.id, token, "keyframes", 0.9)  # a new text goes out
    await delivery.drain()
    assert len(rig.sandbox.calls_to("editMessageText")) == 2


async def test_status_edits_are_throttled_per_chat_as_well_as_per_message(rig: Rig) -> None:
    clock = Clock(1000.0)
    interval = rig.delivery.settings.telegram.progress_edit_interval_s
    delivery = Delivery(rig.bot, rig.store, rig.delivery.settings, retry_s=0.05, clock=clock)
    first, first_token, _ = await _running_job(rig, 1)
    second, second_token, _ = await _running_job(rig, 2)
    await rig.store.heartbeat(first.id, first_token, "keyframes", 0.3)
    await rig.store.heartbeat(second.id, second_token, "keyframes", 0.6)
    sent_at: list[float] = []
    for _ in range(6):
        before = len(rig.sandbox.calls_to("editMessageText"))
        await delivery.drain()
        sent_at += [clock.now] * (len(rig.sandbox.calls_to("editMessageText")) - before)
        clock.now += interval / 2
    assert len(sent_at) == 2  # both status messages were edited …
    assert sent_at[1] - sent_at[0] >= interval  # … one chat slot apart, not in the same instant

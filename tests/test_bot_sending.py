"""The send path (bot/sending.py): sliding-window limits, priorities, merging, dropping and 429s,
and the sandbox's flood meter (sandbox/flood.py) that judges it."""

from __future__ import annotations

import asyncio
import math
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.sending import (
    Limits,
    Priority,
    PriorityLimiter,
    Schedule,
    SendStats,
    Ticket,
    counts_per_chat,
    priority_of,
)
from sandbox.flood import FloodLimits, FloodMeter

# -- the pure schedule ----------------------------------------------------------------------------------


def test_overall_window_holds_in_every_second() -> None:
    s = Schedule(Limits(overall_per_s=3, chat_burst=10, chat_per_20s=100))
    for i in range(3):
        assert s.ready_at(i, 0.0) == 0.0
        s.record(i, 0.0 + i * 0.1)
    assert s.ready_at(99, 0.3) == pytest.approx(1.0)  # the first of the three leaves the window at 1.0
    assert s.ready_at(99, 1.0) == 1.0  # it has left: one slot free
    s.record(99, 1.0)
    assert s.ready_at(98, 1.0) == pytest.approx(1.1)  # the next leaves at 1.1


def test_per_chat_windows_count_new_messages_only() -> None:
    s = Schedule(Limits(overall_per_s=100, chat_burst=2, chat_per_20s=3))
    s.record(7, 0.0)
    s.record(7, 0.1)
    assert s.ready_at(7, 0.2) == pytest.approx(1.0)  # burst of 2 in a second
    assert s.ready_at(8, 0.2) == 0.2  # other chats are not held up
    assert s.ready_at(7, 0.2, posts=False) == 0.2  # an edit is not a new message
    s.record(7, 1.5)
    assert s.ready_at(7, 2.0) == pytest.approx(20.0)  # 3 in any 20 s


def test_pick_serves_by_priority_then_arrival_and_skips_full_chats() -> None:
    s = Schedule(Limits(overall_per_s=100, chat_burst=1, chat_per_20s=100))
    s.record(1, 0.0)  # chat 1 is full for this second
    waiting = [
        Ticket(Priority.COSMETIC, 0, 2, "sendChatAction"),
        Ticket(Priority.REPLY, 1, 1, "sendMessage"),  # best, but its chat is full
        Ticket(Priority.FOLLOWUP, 2, 3, "editMessageText"),
        Ticket(Priority.REPLY, 3, 4, "sendMessage"),
    ]
    ticket, later = s.pick(waiting, 0.5)
    assert ticket is not None and ticket.seq == 3 and later is None
    ticket, _ = s.pick([w for w in waiting if w.seq != 3], 0.5)
    assert ticket is not None and ticket.seq == 2  # a follow-up edit before a typing indicator


def test_status_and_cosmetic_calls_leave_room_for_replies_and_previews() -> None:
    s = Schedule(Limits(overall_per_s=10, chat_burst=10, chat_per_20s=100, status_share=0.7, cosmetic_share=0.5))
    for i in range(5):
        s.record(100 + i, 0.0, posts=False)
    assert s.ready_at(1, 0.1, posts=False, priority=Priority.COSMETIC) == pytest.approx(1.0)  # half is full
    assert s.ready_at(1, 0.1, posts=False, priority=Priority.STATUS) == 0.1
    for i in range(2):
        s.record(200 + i, 0.1, posts=False)
    assert s.ready_at(1, 0.2, posts=False, priority=Priority.STATUS) == pytest.approx(1.0)  # 7 of 10
    assert s.ready_at(1, 0.2, posts=False, priority=Priority.FOLLOWUP) == 0.2  # the preview still goes
    assert s.ready_at(1, 0.2, priority=Priority.REPLY) == 0.2


def test_a_request_counts_from_sending_until_a_second_after_its_answer() -> None:
    """Telegram counts it when it receives it, anywhere between the two: a request written late by a
    busy process must not land in a second that was already full."""
    s = Schedule(Limits(overall_per_s=2, chat_burst=10, chat_per_20s=100))
    s.begin(1, 0.0, posts=False)
    s.begin(2, 0.1, posts=False)
    assert s.ready_at(3, 5.0, posts=False) == math.inf  # both in flight: no time is known yet
    s.end(0.9)  # the first was answered at 0.9 (received by then, perhaps only just)
    assert s.ready_at(3, 1.0, posts=False) == pytest.approx(1.9)
    s.end(1.0)
    assert s.ready_at(3, 1.9, posts=False) == 1.9
    assert s.in_flight == 0


def test_private_chats_may_burst_and_groups_are_paced_per_minute() -> None:
    s = Schedule(Limits(overall_per_s=100, chat_burst=3, chat_per_20s=20, group_per_min=2))
    for i in range(3):  # a private chat: welcome, chooser and a notice in one second
        assert s.ready_at(5, i * 0.1) == i * 0.1
        s.record(5, i * 0.1)
    assert s.ready_at(5, 0.3) == pytest.approx(1.0)
    s.record(-100, 0.0)
    s.record(-100, 10.0)
    assert s.ready_at(-100, 11.0) == pytest.approx(60.0)  # a group: 2 a minute here
    assert s.chat_ready(5, 1.0) and not s.chat_ready(-100, 59.0)


def test_cosmetic_requests_are_dropped_when_old_or_under_load() -> None:
    s = Schedule(Limits(drop_after_s=1.0, busy_queue=5))
    typing = Ticket(Priority.COSMETIC, 0, 1, "sendChatAction", arrived=0.0)
    assert not s.droppable(typing, 0.5, queued=1)
    assert s.droppable(typing, 1.0, queued=1)
    assert s.droppable(typing, 0.1, queued=6)
    reply = Ticket(Priority.REPLY, 1, 1, "sendMessage", arrived=0.0)
    assert not s.droppable(reply, 10.0, queued=100)


def test_priorities_by_method_and_by_argument() -> None:
    assert priority_of("sendMessage", None) == Priority.REPLY
    assert priority_of("editMessageText", None) == Priority.FOLLOWUP
    assert priority_of("sendChatAction", None) == Priority.COSMETIC
    assert priority_of("editMessageText", Priority.STATUS) == Priority.STATUS
    assert counts_per_chat("sendVideo") and not counts_per_chat("sendChatAction")
    assert not counts_per_chat("editMessageText")


# -- the limiter, with a recording callback --------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.sent: list[str] = []
        self.fail_first: dict[str, int] = {}

    def call(self, label: str) -> Any:
        async def callback() -> dict[str, Any]:
            if self.fail_first.get(label, 0) > 0:
                self.fail_first[label] -= 1
                raise RetryAfter(timedelta(seconds=0))
            self.sent.append(label)
            return {"label": label}

        return callback


async def send(limiter: PriorityLimiter, rec: Recorder, label: str, endpoint: str, chat: int,
               priority: Priority | None = None, message_id: int | None = None) -> Any:
    data: dict[str, Any] = {"chat_id": chat}
    if message_id is not None:
        data["message_id"] = message_id
    return await limiter.process_request(rec.call(label), (), {}, endpoint, data, priority)


async def test_a_reply_overtakes_queued_status_edits_and_typing() -> None:
    limiter = PriorityLimiter(Limits(overall_per_s=1, drop_after_s=60, busy_queue=100))
    rec = Recorder()
    first = asyncio.create_task(send(limiter, rec, "first", "sendMessage", 1))
    await first  # uses the one slot of this second
    queued = [
        asyncio.create_task(send(limiter, rec, "typing", "sendChatAction", 2)),
        asyncio.create_task(send(limiter, rec, "status", "editMessageText", 3, Priority.STATUS, 10)),
    ]
    await asyncio.sleep(0)
    reply = asyncio.create_task(send(limiter, rec, "reply", "sendMessage", 4))
    await asyncio.gather(reply, *queued)
    assert rec.sent == ["first", "reply", "status", "typing"]
    assert limiter.stats.waited["REPLY"] == 1
    await limiter.shutdown()


async def test_a_reply_passes_waiting_cosmetic_calls_at_once_and_none_overtakes_it() -> None:
    limiter = PriorityLimiter(Limits(overall_per_s=4, cosmetic_share=0.5, status_share=0.5,
                                     drop_after_s=60, busy_queue=100))
    rec = Recorder()
    typing = [asyncio.create_task(send(limiter, rec, f"typing{i}", "sendChatAction", 10 + i)) for i in range(4)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert rec.sent == ["typing0", "typing1"]  # half the window; the rest wait
    await send(limiter, rec, "reply", "sendMessage", 1)  # not queued behind them
    await send(limiter, rec, "preview", "editMessageText", 2, Priority.FOLLOWUP, 9)
    assert rec.sent[2:] == ["reply", "preview"]
    assert "REPLY" not in limiter.stats.waited
    await asyncio.gather(*typing)
    assert limiter.stats.overtaken_by_lower == 0
    await limiter.shutdown()


async def test_a_newer_edit_of_the_same_message_replaces_the_queued_one() -> None:
    limiter = PriorityLimiter(Limits(overall_per_s=1))
    rec = Recorder()
    await send(limiter, rec, "first", "sendMessage", 1)
    old = asyncio.create_task(send(limiter, rec, "40%", "editMessageText", 5, Priority.STATUS, 77))
    await asyncio.sleep(0)
    new = asyncio.create_task(send(limiter, rec, "60%", "editMessageText", 5, Priority.STATUS, 77))
    results = await asyncio.gather(old, new)
    assert rec.sent == ["first", "60%"]  # one request for both
    assert results == [{"label": "60%"}, {"label": "60%"}]
    assert limiter.stats.merged == 1
    await limiter.shutdown()


async def test_typing_indicators_are_dropped_under_load() -> None:
    limiter = PriorityLimiter(Limits(overall_per_s=1, busy_queue=2, drop_after_s=60))
    rec = Recorder()
    await send(limiter, rec, "first", "sendMessage", 1)
    tasks = [asyncio.create_task(send(limiter, rec, f"m{i}", "sendMessage", 10 + i)) for i in range(3)]
    typing = asyncio.create_task(send(limiter, rec, "typing", "sendChatAction", 2))
    assert await typing is True  # answered without a request
    await asyncio.gather(*tasks)
    assert "typing" not in rec.sent and limiter.stats.dropped == 1
    await limiter.shutdown()


async def test_each_429_is_honoured_once_then_retried() -> None:
    limiter = PriorityLimiter(max_retries=2)
    rec = Recorder()
    rec.fail_first["x"] = 2
    assert await send(limiter, rec, "x", "sendMessage", 1) == {"label": "x"}
    assert limiter.stats.retried_429 == 2
    rec.fail_first["y"] = 3
    with pytest.raises(RetryAfter):
        await send(limiter, rec, "y", "sendMessage", 1)
    await limiter.shutdown()


async def test_requests_without_a_chat_are_never_queued() -> None:
    limiter = PriorityLimiter(Limits(overall_per_s=1))
    rec = Recorder()
    await send(limiter, rec, "first", "sendMessage", 1)
    for i in range(5):
        await limiter.process_request(rec.call(f"answer{i}"), (), {}, "answerCallbackQuery", {}, None)
    assert rec.sent == ["first", *(f"answer{i}" for i in range(5))]
    assert not limiter.stats.waited
    await limiter.shutdown()


# -- the sandbox's flood meter ---------------------------------------------------------------------------


def test_flood_meter_counts_each_breach() -> None:
    meter = FloodMeter(FloodLimits(overall_per_s=3, chat_burst=2, chat_per_20s=3, tolerance_s=0.0))
    assert meter.check("sendMessage", 1, 0.0) is None
    assert meter.check("sendMessage", 1, 0.1) is None
    burst = meter.check("sendMessage", 1, 0.2)
    assert burst is not None and burst.rule == "chat 2/1s"
    assert meter.check("editMessageText", 1, 0.3) is not None  # overall 3/1s (edits count overall)
    assert meter.check("answerCallbackQuery", None, 0.3) is None
    assert meter.check("sendMessage", 2, 1.5) is None
    assert [b.rule for b in meter.breaches] == ["chat 2/1s", "overall 3/1s"]


def test_enforcing_meter_refuses_without_counting_the_refused() -> None:
    meter = FloodMeter(FloodLimits(overall_per_s=100, chat_burst=1, chat_per_20s=100, tolerance_s=0.0), enforce=True)
    assert meter.check("sendMessage", 1, 0.0) is None
    assert meter.check("sendMessage", 1, 0.5) is not None
    assert meter.check("sendMessage", 1, 1.01) is None  # the refused one did not take a slot


def test_the_summary_reads_while_a_request_is_still_waiting() -> None:
    # at shutdown a cosmetic call can be counted as waiting before its wait is noted
    stats = SendStats()
    stats.waited["COSMETIC"] += 1
    stats.waited["REPLY"] += 1
    stats.note_wait(Priority.REPLY, 0.25)
    assert "cosmetic 1 (mean 0 ms, max 0 ms), reply 1 (mean 250 ms, max 250 ms)" in stats.summary()

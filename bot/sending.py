"""The send path: what a person is waiting for goes first, inside Telegram's flood limits.

Telegram asks bots for about 30 messages a second overall and about one a second per chat
(short bursts are allowed in private chats); past that it answers 429 with ``retry_after``.
python-telegram-bot's ``AIORateLimiter`` keeps those limits with one first-come queue, so a
user's reply waits behind every other user's typing indicators and status edits. This limiter
keeps the same limits but serves requests by what they are for:

1. ``ANSWER`` — answers to button presses (``answerCallbackQuery``, no chat): never queued.
2. ``REPLY`` — a new message answering what a person just sent or did (``sendMessage``,
   ``sendVideo``…): first in the queue.
3. ``FOLLOWUP`` — a bot message changed in place after a button press (``editMessageText`` of a
   chooser into the next step, or into the script preview).
4. ``STATUS`` — progress edits of the status message (the delivery loop passes
   ``rate_limit_args=STATUS``): after replies; a newer edit of the same message replaces a queued
   older one (both callers get the newer result, one request is sent).
5. ``COSMETIC`` — typing indicators and button removals: last; under load (they waited
   ``drop_after_s`` or more requests are queued than ``busy_queue``) they are dropped, answered
   ``True`` without a request.

Limits are sliding windows, so they hold in every window, not only on average: at most
``overall_per_s`` requests with a chat in any second (edits and chat actions included). Telegram
counts a request when it receives it, somewhere between the moment the bot sends it and the moment
the answer comes back; a busy process may write a granted request late, bunched with the next
second's. So a request counts in the overall window from when it is sent (in flight) until a
second after its answer: then no second of receipts can hold more than the limit, however late
each one went out. Per private chat at most ``chat_burst`` new messages in any second (the burst Telegram
allows there) and ``chat_per_20s`` in any twenty seconds; per group ``group_per_min`` a minute
(``counts_per_chat``: the ``send…`` methods; edits change a message in place). Status edits may
fill only ``status_share`` of the overall window and cosmetic calls ``cosmetic_share``: the rest
is kept for replies and follow-ups, so one arriving a moment after a burst of cosmetic calls still
finds room (``SendStats.overtaken_by_lower`` counts the times it did not). A 429 pauses that chat
(or everything, for requests without a chat) for exactly ``retry_after`` and the request is
retried once per 429, up to ``max_retries`` times.

``Schedule`` is the pure policy (windows + choice, over an injected clock); ``PriorityLimiter`` is
the asyncio ``BaseRateLimiter`` around it.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import logging
import math
import time
from collections import Counter, deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


class Priority(IntEnum):
    ANSWER = 0
    REPLY = 1
    FOLLOWUP = 2
    STATUS = 3
    COSMETIC = 4


# the priority each method gets when the caller does not say (``rate_limit_args``)
DEFAULT_PRIORITY: dict[str, Priority] = {
    "sendChatAction": Priority.COSMETIC,
    "editMessageReplyMarkup": Priority.COSMETIC,
    "editMessageText": Priority.FOLLOWUP,
    "editMessageCaption": Priority.FOLLOWUP,
    "editMessageMedia": Priority.FOLLOWUP,
}
DROPPABLE = {"sendChatAction", "editMessageReplyMarkup"}  # methods whose result nobody reads
MERGEABLE = {"editMessageText", "editMessageCaption"}  # a newer edit of one message replaces an older


@dataclass(frozen=True)
class Limits:
    """The limits kept, a little under Telegram's (30/s, 1/s per chat with bursts)."""

    overall_per_s: int = 28  # counted from send to answer (below): a small margin suffices
    chat_burst: int = 3  # per private chat, in any 1 s (Telegram allows short bursts there)
    chat_per_20s: int = 20  # per private chat, in any 20 s (about one a second, sustained)
    group_per_min: int = 20  # per group chat (negative id), in any 60 s
    drop_after_s: float = 1.0  # a cosmetic call older than this is dropped …
    busy_queue: int = 20  # … or when more requests than this are waiting
    # the part of the overall window each priority may fill: status edits and cosmetic calls leave
    # the rest free, so a reply or a preview arriving a moment later never waits behind them
    status_share: float = 0.7
    cosmetic_share: float = 0.5

    def overall_for(self, priority: int) -> int:
        """How many requests of the last second may be in flight for ``priority`` to be sent."""
        if priority >= Priority.COSMETIC:
            return max(1, int(self.overall_per_s * self.cosmetic_share))
        if priority >= Priority.STATUS:
            return max(1, int(self.overall_per_s * self.status_share))
        return self.overall_per_s


def counts_per_chat(endpoint: str) -> bool:
    """Whether ``endpoint`` posts a new message into the chat (what the per-chat limit counts)."""
    return endpoint.startswith("send") and endpoint != "sendChatAction"


def priority_of(endpoint: str, rate_limit_args: object) -> Priority:
    if isinstance(rate_limit_args, Priority | int) and not isinstance(rate_limit_args, bool):
        return Priority(int(rate_limit_args))
    return DEFAULT_PRIORITY.get(endpoint, Priority.REPLY)


def is_group(chat: int | str) -> bool:
    """Group and channel ids are negative (``@username`` channels are strings)."""
    return isinstance(chat, str) or chat < 0


def chat_of(data: dict[str, Any]) -> int | str | None:
    chat = data.get("chat_id")
    if chat is None:
        return None
    try:
        return int(chat)
    except (TypeError, ValueError):
        return str(chat)


@dataclass(order=True)
class Ticket:
    """One request waiting to be sent (ordered by priority, then arrival)."""

    priority: int
    seq: int
    chat: int | str = field(compare=False)
    endpoint: str = field(compare=False)
    key: tuple[object, ...] | None = field(compare=False, default=None)  # merge key (chat, message)
    arrived: float = field(compare=False, default=0.0)
    done: bool = field(compare=False, default=False)


class Schedule:
    """Sliding-window limits and the choice of what goes next (pure; the clock is a parameter)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.overall: list[float] = []  # when requests with a chat were answered (sorted)
        self.chats: dict[int | str, deque[float]] = {}
        self.paused_until: dict[int | str | None, float] = {}  # chat (None: everything) -> time
        self.in_flight = 0  # requests with a chat begun and not yet answered

    WINDOW_S = 20.0  # the longest window kept per private chat
    GROUP_WINDOW_S = 60.0

    def _trim(self, now: float) -> None:
        if self.overall and self.overall[0] <= now - 1.0:
            del self.overall[: bisect.bisect_right(self.overall, now - 1.0)]
        for chat, sent in list(self.chats.items()):
            window = self.GROUP_WINDOW_S if is_group(chat) else self.WINDOW_S
            while sent and sent[0] <= now - window:
                sent.popleft()
            if not sent:
                del self.chats[chat]

    def ready_at(self, chat: int | str, now: float, posts: bool = True,
                 priority: int = Priority.REPLY, *, overall: bool = True) -> float:
        """The earliest time a request for ``chat`` may be sent (``now`` when it may go now);
        ``posts``: it posts a new message, so the per-chat windows apply too; ``priority``: its
        share of the overall window (``Limits.overall_for``); ``overall=False``: the chat's own
        windows and pauses only."""
        self._trim(now)
        lim = self.limits
        at = max(now, self.paused_until.get(None, 0.0), self.paused_until.get(chat, 0.0))
        room = lim.overall_for(priority)
        if overall and self.in_flight + len(self.overall) >= room:
            # wait until enough answered requests leave the window; none can while all are in flight
            at = math.inf if self.in_flight >= room else max(at, self.overall[-(room - self.in_flight)] + 1.0)
        if not posts:
            return at
        sent = self.chats.get(chat, deque())
        if is_group(chat):
            if len(sent) >= lim.group_per_min:
                at = max(at, sent[-lim.group_per_min] + self.GROUP_WINDOW_S)
            return at
        recent = [t for t in sent if t > now - 1.0]
        if len(recent) >= lim.chat_burst:
            at = max(at, recent[-lim.chat_burst] + 1.0)
        if len(sent) >= lim.chat_per_20s:
            at = max(at, sent[-lim.chat_per_20s] + self.WINDOW_S)
        return at

    def chat_ready(self, chat: int | str, now: float, posts: bool = True) -> bool:
        """Whether ``chat`` itself has room now (its windows and pauses; the overall window aside)."""
        return self.ready_at(chat, now, posts, overall=False) <= now

    def begin(self, chat: int | str, now: float, posts: bool = True) -> None:
        """A request for ``chat`` is sent now (it counts in flight until ``end``)."""
        self.in_flight += 1
        if posts:
            self.chats.setdefault(chat, deque()).append(now)

    def end(self, now: float) -> None:
        """A request begun earlier was answered now: it stays in the overall window for a second."""
        self.in_flight = max(0, self.in_flight - 1)
        bisect.insort(self.overall, now)

    def record(self, chat: int | str, now: float, posts: bool = True) -> None:
        """A request sent and answered at ``now``."""
        self.begin(chat, now, posts)
        self.end(now)

    def pause(self, chat: int | str | None, until: float) -> None:
        self.paused_until[chat] = max(self.paused_until.get(chat, 0.0), until)

    def pick(self, waiting: list[Ticket], now: float) -> tuple[Ticket | None, float | None]:
        """The ticket to send now (highest priority, oldest first, whose chat has room), or the time
        to look again. Overall room is shared: when it is full nothing goes, whatever the chat."""
        best_wait: float | None = None
        for ticket in sorted(waiting):
            at = self.ready_at(ticket.chat, now, counts_per_chat(ticket.endpoint), ticket.priority)
            if at <= now:
                return ticket, None
            best_wait = at if best_wait is None else min(best_wait, at)
        return None, best_wait

    def droppable(self, ticket: Ticket, now: float, queued: int) -> bool:
        return (
            ticket.priority == Priority.COSMETIC
            and ticket.endpoint in DROPPABLE
            and (now - ticket.arrived >= self.limits.drop_after_s or queued > self.limits.busy_queue)
        )


@dataclass
class SendStats:
    """What the limiter did, for the load bench and /metrics."""

    sent: Counter[str] = field(default_factory=Counter)  # by priority name
    waited: Counter[str] = field(default_factory=Counter)  # requests that could not go at once
    waited_s: dict[str, float] = field(default_factory=dict)  # their seconds in the queue, summed
    longest_s: dict[str, float] = field(default_factory=dict)  # and the longest wait
    dropped: int = 0
    merged: int = 0
    retried_429: int = 0
    # status edits or cosmetic calls sent while a reply or follow-up of another chat was waiting
    # (each counts once per request it overtook); the shares in ``Limits`` keep this at 0
    overtaken_by_lower: int = 0

    def note_wait(self, priority: Priority, seconds: float) -> None:
        self.waited_s[priority.name] = self.waited_s.get(priority.name, 0.0) + seconds
        self.longest_s[priority.name] = max(self.longest_s.get(priority.name, 0.0), seconds)

    def summary(self) -> str:
        sent = sum(self.sent.values())
        waited = ", ".join(
            f"{k.lower()} {v} (mean {self.waited_s.get(k, 0.0) / v * 1000:.0f} ms, max {self.longest_s.get(k, 0.0) * 1000:.0f} ms)"
            for k, v in sorted(self.waited.items())
        ) or "none"
        return (f"sent {sent}, waited: {waited}; dropped {self.dropped}, merged {self.merged}, "
                f"429 retries {self.retried_429}, replies overtaken by status/cosmetic {self.overtaken_by_lower}")


class PriorityLimiter(BaseRateLimiter[int]):
    """``BaseRateLimiter`` that sends by priority inside the flood limits (see the module docstring).

    Use ``rate_limit_args=Priority.STATUS`` (or ``COSMETIC``) on bot calls to say what a request is
    for; requests without a chat (getUpdates, answerCallbackQuery, setMyCommands…) are never queued.
    """

    def __init__(self, limits: Limits | None = None, *, max_retries: int = 3,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.schedule = Schedule(limits or Limits())
        self.max_retries = max_retries
        self.clock = clock
        self.stats = SendStats()
        self._waiting: list[Ticket] = []
        self._events: dict[int, asyncio.Event] = {}
        self._merged_into: dict[int, asyncio.Future[JSONResult]] = {}
        self._by_key: dict[tuple[object, ...], Ticket] = {}
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
            self._runner = None

    # -- the queue ------------------------------------------------------------------------------

    def _ensure_runner(self) -> None:
        if self._runner is None or self._runner.done():
            self._runner = asyncio.get_running_loop().create_task(self._dispatch(), name="send-dispatch")

    async def _dispatch(self) -> None:
        """Grant the next ticket whenever the limits allow; drop cosmetic tickets under load."""
        while True:
            now = self.clock()
            for stale in [t for t in self._waiting if self.schedule.droppable(t, now, len(self._waiting))]:
                self._release(stale, granted=False)
            ticket, later = self.schedule.pick(self._waiting, now)
            if ticket is not None:
                if ticket.priority >= Priority.STATUS:  # would a waiting reply or follow-up have had room?
                    self.stats.overtaken_by_lower += sum(
                        1 for t in self._waiting if t.priority <= Priority.FOLLOWUP
                        and self.schedule.chat_ready(t.chat, now, counts_per_chat(t.endpoint))
                    )
                self.schedule.begin(ticket.chat, now, counts_per_chat(ticket.endpoint))
                self._release(ticket, granted=True)
                continue
            self._wake.clear()
            # no time known (every slot is in flight): an answer (``_end``) or a new ticket wakes it
            timeout = None if later is None or math.isinf(later) else max(0.0, later - now)
            if not self._waiting:
                timeout = None
            try:
                await asyncio.wait_for(self._wake.wait(), timeout)
            except TimeoutError:
                pass

    def _release(self, ticket: Ticket, *, granted: bool) -> None:
        self._waiting.remove(ticket)
        if ticket.key is not None and self._by_key.get(ticket.key) is ticket:
            del self._by_key[ticket.key]
        ticket.done = granted
        self._events.pop(ticket.seq).set()

    async def _wait_turn(self, ticket: Ticket) -> bool:
        """Queue ``ticket`` and wait until it may be sent (True) or was dropped (False)."""
        now = self.clock()
        posts = counts_per_chat(ticket.endpoint)
        ahead = any(t.priority <= ticket.priority for t in self._waiting)  # only lower ones may be passed
        if not ahead and self.schedule.ready_at(ticket.chat, now, posts, ticket.priority) <= now:
            self.schedule.begin(ticket.chat, now, posts)  # the common case: room now, nobody before it
            return True
        self.stats.waited[Priority(ticket.priority).name] += 1
        if ticket.key is not None:
            self._by_key[ticket.key] = ticket
        event = asyncio.Event()
        self._events[ticket.seq] = event
        self._waiting.append(ticket)  # Schedule.pick orders them
        self._ensure_runner()
        self._wake.set()
        try:
            await event.wait()
        except asyncio.CancelledError:  # the caller gave up: its slot is free again
            if ticket.done:
                self._end()
            elif ticket in self._waiting:
                self._release(ticket, granted=False)
            raise
        self.stats.note_wait(Priority(ticket.priority), self.clock() - now)
        return ticket.done

    def _end(self) -> None:
        """A request begun by ``_wait_turn`` was answered (or failed): it leaves the in-flight count."""
        self.schedule.end(self.clock())
        self._wake.set()

    # -- BaseRateLimiter -----------------------------------------------------------------------

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        chat = chat_of(data)
        if chat is None:  # no chat: answers to button presses, getUpdates, commands menu…
            return await self._with_retries(None, callback, args, kwargs)
        priority = priority_of(endpoint, rate_limit_args)
        key = (chat, data.get("message_id"), endpoint) if endpoint in MERGEABLE and data.get("message_id") else None
        ticket = Ticket(int(priority), next(self._seq), chat, endpoint, key, self.clock())
        # a newer edit of the same message takes the place of a queued older one
        older = self._by_key.get(key) if key is not None else None
        result_future: asyncio.Future[JSONResult] | None = None
        if older is not None:
            result_future = asyncio.get_running_loop().create_future()
            self._merged_into[older.seq] = result_future
            self.stats.merged += 1
            self._release(older, granted=False)
        try:
            if not await self._wait_turn(ticket):
                if ticket.seq in self._merged_into:  # replaced by a newer edit: share its result
                    return await self._merged_into.pop(ticket.seq)
                self.stats.dropped += 1
                log.debug("dropped %s to chat %s under load", endpoint, chat)
                return True
            self.stats.sent[Priority(priority).name] += 1
            result = await self._with_retries(chat, callback, args, kwargs, priority)
        except BaseException as exc:
            if result_future is not None and not result_future.done():
                result_future.set_exception(exc)
            raise
        if result_future is not None and not result_future.done():
            result_future.set_result(result)
        return result

    async def _with_retries(
        self, chat: int | str | None, callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any, kwargs: dict[str, Any], priority: Priority = Priority.REPLY,
    ) -> JSONResult:
        for attempt in range(self.max_retries + 1):
            try:
                try:
                    return await callback(*args, **kwargs)
                finally:
                    if chat is not None:  # it was begun by ``_wait_turn``
                        self._end()
            except RetryAfter as exc:
                if attempt == self.max_retries:
                    raise
                wait = exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else float(exc.retry_after)
                self.stats.retried_429 += 1
                log.info("429 for chat %s: waiting %.1f s as asked, then retrying once", chat, wait)
                self.schedule.pause(chat, self.clock() + wait)
                await asyncio.sleep(wait)
                if chat is not None and not await self._wait_turn(
                    Ticket(int(priority), next(self._seq), chat, "retry", None, self.clock())
                ):
                    return True
        raise AssertionError("unreachable")  # pragma: no cover

"""Delivery: the outbox (``store.pending_events()``) → status-message edits and ``sendVideo``.

A background task started in the application's ``post_init``. Each tick it reads the unacknowledged
events (oldest first), groups them by job and hands each job's events, in order, to one task (a job
already being handled is skipped until its task ends, so events of one job never race). Edits of a
job's status message go through an ``EditGate``: at most one edit per
``settings.telegram.progress_edit_interval_s``; a newer text replaces a pending one, and the final
text (done / failed / cancelled) always wins. "Message is not modified" is swallowed.

Delivery guarantee for a finished clip (``done`` event):

1. clip already has a ``file_id`` → it was sent before (this event was re-read after a restart that
   happened between ``set_clip_file_id`` and ``ack_event``): acknowledge, send nothing;
2. else upload it with ``sendVideo``; then ``store.set_clip_file_id``; then ``store.ack_event``.

The event is acknowledged only after Telegram accepted the video, so a crash never loses a clip.
If storing the ``file_id`` fails, the accepted ``file_id`` is kept in memory and the retry stores it
instead of uploading again. The one window left is a process crash (or a network timeout after
Telegram already received the upload) between Telegram's reply and the ``set_clip_file_id`` commit
– milliseconds – after which the clip is sent again on restart: at-least-once, with a duplicate
possible only in that window (the Bot API has no idempotency key that would close it). Everything
after the commit is exactly-once.

Failures: transient ones (network, flood limit after the rate limiter's retries) leave the event
unacknowledged and back off for that job; permanent ones (the user blocked the bot, chat gone,
bad request) are logged and acknowledged so one bad event can't wedge the outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import html
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import callbacks
from bot.callbacks import Action
from bot.handlers.common import not_modified
from bot.progress import EditGate, progress_text, queued_text
from bot.sending import Priority
from petreel.errors import RenderFailed
from petreel.i18n import norm_lang, t
from petreel.metrics import count_telegram_error, observe_job_event
from petreel.settings import Settings
from storage.models import ACTIVE_STATES, Clip, Event, Job

if TYPE_CHECKING:
    from storage.store import AsyncStore

log = logging.getLogger(__name__)

MAX_CAPTION = 1024
UPLOAD_TIMEOUT_S = 300.0
MAX_BUG_RETRIES = 5


def count_error(err: BaseException | str) -> None:
    """Count a Telegram error in the ops metrics."""
    count_telegram_error(err)


def video_caption(title: str) -> str:
    """HTML caption with the escaped title, at most 1024 characters."""
    def fmt(s: str) -> str:
        return f"🎬 <b>{html.escape(s)}</b>"

    while len(fmt(title)) > MAX_CAPTION:
        title = title[: max(0, len(title) - max(1, len(fmt(title)) - MAX_CAPTION))]
    return fmt(title)


def video_markup(lang: str, clip_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t(lang, "btn_resend"), callback_data=callbacks.encode(Action.RESEND, clip_id)),
                InlineKeyboardButton(t(lang, "btn_remix"), callback_data=callbacks.encode(Action.REMIX, clip_id)),
            ],
            [InlineKeyboardButton(t(lang, "btn_twist"), callback_data=callbacks.encode(Action.TWIST, clip_id))],
        ]
    )


def status_keyboard(lang: str, job_id: int) -> InlineKeyboardMarkup:
    """The status message's only button while the job is active: Cancel."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t(lang, "btn_cancel"), callback_data=callbacks.encode(Action.CANCEL, job_id))]]
    )


def title_of(job: Job | None, clip: Clip | None = None) -> str:
    """The script title of a job (falls back to the premise)."""
    if job is not None:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            title = json.loads(job.script_json).get("title")
            if isinstance(title, str) and title.strip():
                return title.strip()
        return job.premise
    return clip.premise if clip is not None else ""


async def send_by_file_id(bot: Bot, chat_id: int, clip: Clip, title: str, lang: str) -> Message:
    """Send an already-uploaded clip again (Resend): by ``file_id``, never re-uploading."""
    assert clip.file_id is not None
    return await bot.send_video(
        chat_id,
        video=clip.file_id,
        caption=video_caption(title),
        parse_mode=ParseMode.HTML,
        reply_markup=video_markup(lang, clip.id),
    )


def _read(path: Path) -> bytes:
    return path.read_bytes()


@dataclass
class _View:
    """Where a job's status message is and in which language its owner reads."""

    chat_id: int
    message_id: int | None
    lang: str
    title: str


@dataclass
class _Edit:
    chat_id: int
    message_id: int
    text: str
    final: bool
    markup: InlineKeyboardMarkup | None


class Delivery:
    def __init__(
        self,
        bot: Bot,
        store: AsyncStore,
        settings: Settings,
        *,
        poll_s: float = 0.25,
        batch: int = 200,
        retry_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bot = bot
        self.store = store
        self.settings = settings
        self.poll_s = poll_s
        self.batch = batch
        self.retry_s = retry_s
        self.clock = clock
        self.gate = EditGate(settings.telegram.progress_edit_interval_s)
        self.max_bytes = settings.telegram.max_upload_mb * 1024 * 1024
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._inflight: dict[int, asyncio.Task[None]] = {}
        self._pending: dict[int, _Edit] = {}
        self._final: set[int] = set()
        self._views: dict[int, _View] = {}
        self._watch: dict[int, int | None] = {}  # queued jobs → last shown position
        self._next_watch = 0.0
        self._retry_at: dict[int, float] = {}
        self._tries: dict[int, int] = {}  # consecutive failed deliveries per job (backoff)
        self._accepted: dict[int, str] = {}  # clip id → file_id Telegram accepted, not yet stored
        self.sent_videos = 0  # uploads accepted by Telegram (for logs / tests)

    # -- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._stop.clear()
            self._task = asyncio.create_task(self.run(), name="petreel-delivery")

    async def stop(self, grace_s: float = 30.0) -> None:
        """Stop polling, let in-flight deliveries finish (an upload is not cut), flush final edits."""
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        await self._settle(grace_s)
        with contextlib.suppress(Exception):
            await self._flush(force_final=True)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def run(self) -> None:
        backoff = self.poll_s
        while not self._stop.is_set():
            try:
                await self.tick()
                backoff = self.poll_s
            except Exception:  # the loop must survive anything (db busy, network): log and back off
                log.exception("delivery tick failed")
                backoff = min(backoff * 2 + 0.5, 30.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), backoff)

    async def drain(self, timeout_s: float = 10.0) -> None:
        """One tick and wait for what it started (tests and shutdown)."""
        await self.tick()
        await self._settle(timeout_s)
        await self._flush()

    async def _settle(self, timeout_s: float) -> None:
        tasks = list(self._inflight.values())
        if not tasks:
            return
        _, pending = await asyncio.wait(tasks, timeout=timeout_s)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)

    # -- one tick --------------------------------------------------------------------------------------

    async def tick(self) -> None:
        now = self.clock()
        await self._flush()
        events = await self.store.pending_events(limit=self.batch)
        by_job: dict[int, list[Event]] = {}
        for event in events:
            by_job.setdefault(event.job_id, []).append(event)
        for job_id, job_events in by_job.items():
            if job_id in self._inflight or self._retry_at.get(job_id, 0.0) > now:
                continue
            task = asyncio.create_task(self._deliver_job(job_id, job_events), name=f"deliver-job-{job_id}")
            self._inflight[job_id] = task
            task.add_done_callback(functools.partial(self._finished, job_id))
        if self._watch and now >= self._next_watch:
            self._next_watch = now + self.gate.interval_s
            await self._refresh_positions()

    def _finished(self, job_id: int, task: asyncio.Task[None]) -> None:
        self._inflight.pop(job_id, None)
        if not task.cancelled() and task.exception() is not None:  # pragma: no cover - _deliver_job catches all
            log.error("delivery task for job %s crashed", job_id, exc_info=task.exception())

    async def _deliver_job(self, job_id: int, events: list[Event]) -> None:
        for event in events:
            try:
                await self.handle(event)
            except (BadRequest, Forbidden) as err:  # permanent for this event: log and move on
                count_error(err)
                log.warning("dropping %s event %s of job %s: %s", event.kind, event.id, job_id, err)
            except (RetryAfter, NetworkError) as err:  # transient: keep the event, retry this job later
                count_error(err)
                self._backoff(job_id, err)
                return
            except Exception:
                if self._tries.get(job_id, 0) + 1 < MAX_BUG_RETRIES:
                    log.exception("delivering %s event %s of job %s failed", event.kind, event.id, job_id)
                    self._backoff(job_id, None)
                    return
                log.exception("giving up on %s event %s of job %s", event.kind, event.id, job_id)
            await self.store.ack_event(event.id)
            observe_job_event(event.kind, event.payload)  # after the ack: never counted twice
        self._tries.pop(job_id, None)
        self._retry_at.pop(job_id, None)

    def _backoff(self, job_id: int, err: BaseException | None) -> None:
        tries = self._tries[job_id] = self._tries.get(job_id, 0) + 1
        delay = min(60.0, self.retry_s * 2.0 ** min(tries - 1, 5))
        if isinstance(err, RetryAfter):
            after = err.retry_after
            delay = max(delay, after.total_seconds() if isinstance(after, timedelta) else float(after))
        log.info("job %s delivery retries in %.1fs (%s)", job_id, delay, err)
        self._retry_at[job_id] = self.clock() + delay

    # -- events ----------------------------------------------------------------------------------------

    async def handle(self, event: Event) -> None:
        """Deliver one event; raising leaves it unacknowledged (see ``_deliver_job``)."""
        if event.kind == "queued":
            position = event.payload.get("position")
            self._watch.setdefault(event.job_id, int(position) if isinstance(position, int) else None)
        elif event.kind == "progress":
            self._watch.pop(event.job_id, None)
            view = await self._view(event)
            text = progress_text(view.lang, event.payload.get("stage"), event.payload.get("fraction"))
            self._schedule(event.job_id, view, text, final=False)
        elif event.kind == "done":
            await self._deliver_clip(event)
        elif event.kind in ("failed", "dead"):
            await self._deliver_failure(event)
        elif event.kind == "cancelled":
            self._watch.pop(event.job_id, None)
            view = await self._view(event)
            self._schedule(event.job_id, view, t(view.lang, "status_cancelled"), final=True)
        else:  # pragma: no cover - storage only writes known kinds
            log.warning("unknown event kind %r", event.kind)

    async def _deliver_clip(self, event: Event) -> None:
        self._watch.pop(event.job_id, None)
        view = await self._view(event)
        clip_id = event.payload.get("clip_id")
        clip = await self.store.get_clip(int(clip_id)) if clip_id is not None else None
        if clip is None:
            log.error("done event %s names no clip (%r)", event.id, clip_id)
            return
        # 1. already accepted by Telegram (re-read after a restart, or storing the file_id failed): nothing to send
        if not clip.file_id and clip.id in self._accepted:
            await self.store.set_clip_file_id(clip.id, self._accepted[clip.id])
            clip = dataclasses.replace(clip, file_id=self._accepted.pop(clip.id))
        if clip.file_id:
            log.info("clip %s already delivered (file_id known); acknowledging event %s", clip.id, event.id)
            self._schedule(event.job_id, view, t(view.lang, "status_done"), final=True)
            return
        # 2. too big for the Bot API, or the file is gone: tell the user
        if clip.size_bytes > self.max_bytes:
            await self.bot.send_message(
                view.chat_id,
                t(view.lang, "too_big", size_mb=round(clip.size_bytes / 2**20, 1), limit_mb=self.settings.telegram.max_upload_mb),
            )
            self._schedule(event.job_id, view, t(view.lang, "status_failed"), final=True)
            return
        try:
            video = await asyncio.to_thread(_read, clip.path)
            thumb = await asyncio.to_thread(_read, clip.thumbnail) if clip.thumbnail else None
        except FileNotFoundError:
            await self.bot.send_message(view.chat_id, t(view.lang, "file_gone"))
            self._schedule(event.job_id, view, t(view.lang, "status_failed"), final=True)
            return
        # 3. upload, 4. remember the file_id, then (caller) acknowledge
        message = await self.bot.send_video(
            view.chat_id,
            video=InputFile(video, filename=f"petreel-{clip.id}.mp4"),
            width=clip.width,
            height=clip.height,
            duration=max(1, round(clip.duration)),
            thumbnail=InputFile(thumb, filename=f"petreel-{clip.id}.jpg") if thumb else None,
            supports_streaming=True,
            caption=video_caption(view.title),
            parse_mode=ParseMode.HTML,
            reply_markup=video_markup(view.lang, clip.id),
            write_timeout=UPLOAD_TIMEOUT_S,
            read_timeout=UPLOAD_TIMEOUT_S,
        )
        self.sent_videos += 1
        media = message.video or message.document or message.animation
        if media is not None:
            self._accepted[clip.id] = media.file_id  # survives a failing store call below
            await self.store.set_clip_file_id(clip.id, media.file_id)
            self._accepted.pop(clip.id, None)
        else:  # pragma: no cover - Telegram always returns the media it accepted
            log.error("sendVideo for clip %s returned no media", clip.id)
        self._schedule(event.job_id, view, t(view.lang, "status_done"), final=True)

    async def _deliver_failure(self, event: Event) -> None:
        self._watch.pop(event.job_id, None)
        view = await self._view(event)
        job = await self.store.get_job(event.job_id)
        if event.kind == "failed" and job is not None and job.state in ACTIVE_STATES:
            self._schedule(event.job_id, view, t(view.lang, "status_retrying"), final=False)
            return
        log.info("job %s %s: %s", event.job_id, event.kind, event.payload.get("code"))
        await self.bot.send_message(view.chat_id, RenderFailed().message(view.lang))
        self._schedule(event.job_id, view, t(view.lang, "status_failed"), final=True)

    async def _view(self, event: Event) -> _View:
        view = self._views.get(event.job_id)
        if view is not None and view.message_id is not None:
            return view
        job = await self.store.get_job(event.job_id)
        user = await self.store.ensure_user(event.owner)
        chat_id = event.chat_id or (job.chat_id if job else None) or event.owner
        view = _View(
            chat_id=(job.status_chat_id if job and job.status_chat_id else chat_id),
            message_id=job.status_message_id if job else None,
            lang=norm_lang(user.language),
            title=title_of(job),
        )
        if view.message_id is not None:
            self._views[event.job_id] = view
        return view

    # -- status edits ----------------------------------------------------------------------------------

    def _schedule(self, job_id: int, view: _View, text: str, final: bool) -> None:
        if view.message_id is None:
            return
        if job_id in self._final and not final:
            return
        if final:
            self._final.add(job_id)
        markup = None if final else status_keyboard(view.lang, job_id)
        self._pending[job_id] = _Edit(view.chat_id, view.message_id, text, final, markup)

    async def _flush(self, force_final: bool = False) -> None:
        now = self.clock()
        due = [
            (job_id, edit)
            for job_id, edit in self._pending.items()
            if self.gate.ready(job_id, now) or (force_final and edit.final)
        ]
        for job_id, _ in due:
            del self._pending[job_id]
            self.gate.mark(job_id, now)
        await asyncio.gather(*(self._edit(job_id, edit) for job_id, edit in due))

    def _priority(self, priority: Priority) -> dict[str, Any]:
        """``rate_limit_args`` for the send path (``bot/sending.py``), when the bot has one."""
        return {"rate_limit_args": priority} if getattr(self.bot, "rate_limiter", None) is not None else {}

    async def _edit(self, job_id: int, edit: _Edit) -> None:
        try:
            await self.bot.edit_message_text(
                edit.text, chat_id=edit.chat_id, message_id=edit.message_id, reply_markup=edit.markup,
                **self._priority(Priority.FOLLOWUP if edit.final else Priority.STATUS),
            )
        except BadRequest as err:  # message gone, not modified…: nothing to retry
            if not not_modified(err):
                count_error(err)
                log.info("status edit of job %s refused: %s", job_id, err)
        except TelegramError as err:  # network / flood: try again at the next slot, unless superseded
            count_error(err)
            log.info("status edit of job %s failed: %s", job_id, err)
            self._pending.setdefault(job_id, edit)
            self.gate.mark(job_id, self.clock())
            return
        if edit.final:
            self._final.discard(job_id)
            self._views.pop(job_id, None)
            self.gate.forget(job_id)
        else:  # measure the interval from when Telegram answered, not from when we asked
            self.gate.mark(job_id, self.clock())

    async def _refresh_positions(self) -> None:
        for job_id in list(self._watch):
            position = await self.store.queue_position(job_id)
            if job_id not in self._watch:  # a progress event took over while we asked: its text wins
                continue
            if position is None:
                self._watch.pop(job_id, None)
                continue
            if position == self._watch.get(job_id):
                continue
            self._watch[job_id] = position
            job = await self.store.get_job(job_id)
            if job is None or job.status_message_id is None:
                continue
            event = Event(id=0, job_id=job_id, owner=job.owner, chat_id=job.chat_id, kind="queued")
            view = await self._view(event)
            if job_id in self._watch:  # (same, while the job was looked up)
                self._schedule(job_id, view, queued_text(view.lang, position), final=False)

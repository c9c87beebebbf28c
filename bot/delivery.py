"""Delivery: the outbox (``store.claim_events()``) → status-message edits and ``sendVideo``.

A background task started in the application's ``post_init``. Each tick it leases the jobs with
unacknowledged events to this process (``consumer``, default ``<host>-<pid>``) and reads their events
(oldest first), groups them by job and hands each job's events, in order, to one task (a job
already being handled is skipped until its task ends, so events of one job never race). What
delivery remembers about a job between events lives in one ``_JobState`` per job.

Status edits: at most one edit per status message and one per chat every
``settings.telegram.progress_edit_interval_s`` (two jobs of one person share the chat's slot); a
newer text replaces a pending one, a text identical to the last one Telegram accepted is not sent
again, and the final text (done / failed / cancelled) always wins. "Message is not modified" is
swallowed.

Delivery guarantee for a finished clip (``done`` event) – at least once:

1. clip already has a ``file_id`` → it was sent before (this event was re-read after a restart that
   happened between ``set_clip_file_id`` and ``ack_event``): acknowledge, send nothing;
2. else record the attempt (``store.begin_upload``, committed), upload it with ``sendVideo``, then
   ``store.set_clip_file_id``, then ``store.ack_event``.

The clip replies to the message that carried its premise (``jobs.premise_message_id``), with
``allow_sending_without_reply`` so a deleted premise never blocks it. While it uploads, the chat
shows "sending video…" (``sendChatAction(upload_video)``, repeated every ``ACTION_EVERY_S`` until
Telegram answers): a cosmetic call on the send path (``Priority.COSMETIC``: last in line, dropped
under load), given at most ``ACTION_HEAD_START_S`` before the upload starts and never waited on
after that; its failures are ignored.

The event is acknowledged only after Telegram accepted the video, so a crash never loses a clip.
If storing the ``file_id`` fails, the accepted ``file_id`` is kept in memory and the retry stores it
instead of uploading again.

When a duplicate can happen: Telegram may post the video as soon as it has received the whole
upload, before its reply reaches the bot. If the bot process dies (or the connection drops and the
request times out) after the last byte of the upload left and before the ``set_clip_file_id``
commit, nothing tells the bot the video arrived. That window is the whole server-side processing
plus the reply's trip back – for a large clip on a slow link, seconds – not milliseconds. The Bot
API has no idempotency key to close it, so the clip is sent again: once per such interruption, with
an italic note in the caption ("Resending after a restart" / "after a network error"), because the
attempt recorded before the upload shows that an earlier one may have arrived. Everything after
the ``file_id`` commit is exactly-once.

More than one bot process (webhook mode behind a load balancer): each job's outbox is leased to one
process at a time (``storage/outbox.py``), renewed every tick and released on stop, so two processes
never deliver the same event; a process that dies leaves its jobs to the others once the lease
(``lease_s``) ends. A restarted container keeps its consumer id (same host name, pid 1) and takes its
leases straight back. On PostgreSQL the loop wakes on LISTEN/NOTIFY as soon as an event commits; the
poll interval stays as the safety net (and is all there is on SQLite).

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
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import callbacks
from bot.callbacks import Action
from bot.handlers.common import not_modified
from bot.progress import RECENT, EditGate, progress_text, queued_text
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
RECENT_REFRESH_S = 30.0
OUTBOX_LEASE_S = 60.0
ACTION_EVERY_S = 4.5  # Telegram shows a chat action for 5 s, or until the bot's next message
ACTION_HEAD_START_S = 0.3  # the upload waits at most this long for "sending video…" to go out


def count_error(err: BaseException | str) -> None:
    """Count a Telegram error in the ops metrics."""
    count_telegram_error(err)


def video_caption(title: str, note: str | None = None) -> str:
    """HTML caption with the escaped title (and an italic ``note`` under it), at most 1024 characters."""
    tail = f"\n<i>{html.escape(note)}</i>" if note else ""

    def fmt(s: str) -> str:
        return f"🎬 <b>{html.escape(s)}</b>{tail}"

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


@dataclass
class _View:
    """Where a job's status message is and in which language its owner reads."""

    chat_id: int
    message_id: int | None
    lang: str
    title: str
    reply_to: int | None = None  # the premise's message in ``chat_id``, which the clip replies to


@dataclass
class _Edit:
    chat_id: int
    message_id: int
    text: str
    final: bool
    markup: InlineKeyboardMarkup | None


@dataclass
class _JobState:
    """What delivery keeps in memory about one job between its events. A restart loses it and
    rebuilds what matters from the store (the status message, the clip's ``file_id`` and upload
    attempts); the rest only paces edits and retries."""

    task: asyncio.Task[None] | None = None  # the one task handling this job's events (never two)
    view: _View | None = None  # its status message, cached once known
    pending: _Edit | None = None  # the newest status text waiting for its slot (replaces older ones)
    final: bool = False  # a final text is scheduled or being sent: progress can't replace it
    shown: str | None = None  # the last text Telegram accepted for the status message
    watching: bool = False  # queued: its queue position is refreshed
    position: int | None = None  # the position shown last (while watching)
    retry_at: float = 0.0  # after a transient failure, not before this
    tries: int = 0  # consecutive failed deliveries (backoff)
    accepted: str | None = None  # file_id Telegram accepted for its clip, not yet stored
    uploading: bool = False  # this process has sent its clip and has no file_id for it yet

    def idle(self) -> bool:
        """Nothing left to do or remember: the entry can go."""
        return (self.task is None and self.pending is None and not self.final and not self.watching
                and self.tries == 0 and self.accepted is None and not self.uploading and self.view is None)


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
        consumer: str | None = None,
        lease_s: float = OUTBOX_LEASE_S,
    ) -> None:
        self.bot = bot
        self.store = store
        self.settings = settings
        self.poll_s = poll_s
        self.batch = batch
        self.retry_s = retry_s
        self.clock = clock
        interval = settings.telegram.progress_edit_interval_s
        self.gate = EditGate(interval)  # per status message (job)
        self.chat_gate = EditGate(interval)  # per chat: two jobs' status messages in one chat share it
        self.consumer = consumer or f"{socket.gethostname()}-{os.getpid()}"
        self.lease_s = lease_s
        self.max_bytes = settings.telegram.max_upload_mb * 1024 * 1024
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._jobs: dict[int, _JobState] = {}
        self._next_watch = 0.0
        self._recent: list[float] = []  # the newest render times, for the waits shown (bot/progress.py)
        self._recent_at = float("-inf")
        self.sent_videos = 0  # uploads accepted by Telegram (for logs / tests)

    def _job(self, job_id: int) -> _JobState:
        state = self._jobs.get(job_id)
        if state is None:
            state = self._jobs[job_id] = _JobState()
        return state

    def _tidy(self, job_id: int) -> None:
        state = self._jobs.get(job_id)
        if state is not None and state.idle():
            del self._jobs[job_id]

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
        with contextlib.suppress(Exception):  # the other bot processes may take our jobs at once
            await self.store.release_events(self.consumer)

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
            await self._pause(backoff)

    async def _pause(self, seconds: float) -> None:
        """Sleep ``seconds``, less if asked to stop or (PostgreSQL) when a new event commits."""
        waits: set[asyncio.Future[bool]] = {asyncio.ensure_future(self._stop.wait())}
        if getattr(self.store, "listens", False):
            waits.add(asyncio.ensure_future(self.store.wait_for_events(seconds)))
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
            await asyncio.gather(*waits, return_exceptions=True)

    async def drain(self, timeout_s: float = 10.0) -> None:
        """One tick and wait for what it started (tests and shutdown)."""
        await self.tick()
        await self._settle(timeout_s)
        await self._flush()

    async def _settle(self, timeout_s: float) -> None:
        tasks = [s.task for s in self._jobs.values() if s.task is not None]
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
        events = await self.store.claim_events(self.consumer, self.lease_s, limit=self.batch)
        by_job: dict[int, list[Event]] = {}
        for event in events:
            by_job.setdefault(event.job_id, []).append(event)
        for job_id, job_events in by_job.items():
            state = self._job(job_id)
            if state.task is not None or state.retry_at > now:
                continue
            state.task = asyncio.create_task(self._deliver_job(job_id, job_events), name=f"deliver-job-{job_id}")
            state.task.add_done_callback(functools.partial(self._finished, job_id))
        if any(s.watching for s in self._jobs.values()) and now >= self._next_watch:
            self._next_watch = now + self.gate.interval_s
            await self._refresh_positions()

    def _finished(self, job_id: int, task: asyncio.Task[None]) -> None:
        state = self._jobs.get(job_id)
        if state is not None and state.task is task:
            state.task = None
            self._tidy(job_id)
        if not task.cancelled() and task.exception() is not None:  # pragma: no cover - _deliver_job catches all
            log.error("delivery task for job %s crashed", job_id, exc_info=task.exception())

    async def _deliver_job(self, job_id: int, events: list[Event]) -> None:
        state = self._job(job_id)
        for event in events:
            try:
                await self.handle(event)
            except (BadRequest, Forbidden) as err:  # permanent for this event: log and move on
                count_error(err)
                log.warning("dropping %s event %s of job %s: %s", event.kind, event.id, job_id, err)
            except (RetryAfter, NetworkError) as err:  # transient: keep the event, retry this job later
                count_error(err)
                self._backoff(state, job_id, err)
                return
            except Exception:
                if state.tries + 1 < MAX_BUG_RETRIES:
                    log.exception("delivering %s event %s of job %s failed", event.kind, event.id, job_id)
                    self._backoff(state, job_id, None)
                    return
                log.exception("giving up on %s event %s of job %s", event.kind, event.id, job_id)
            await self.store.ack_event(event.id)
            observe_job_event(event.kind, event.payload)  # after the ack: never counted twice
        state.tries = 0
        state.retry_at = 0.0

    def _backoff(self, state: _JobState, job_id: int, err: BaseException | None) -> None:
        state.tries += 1
        delay = min(60.0, self.retry_s * 2.0 ** min(state.tries - 1, 5))
        if isinstance(err, RetryAfter):
            after = err.retry_after
            delay = max(delay, after.total_seconds() if isinstance(after, timedelta) else float(after))
        log.info("job %s delivery retries in %.1fs (%s)", job_id, delay, err)
        state.retry_at = self.clock() + delay

    # -- events ----------------------------------------------------------------------------------------

    async def recent_times(self) -> list[float]:
        """The newest render times, read again at most every ``RECENT_REFRESH_S``."""
        now = self.clock()
        if now - self._recent_at >= RECENT_REFRESH_S:
            self._recent, self._recent_at = await self.store.render_seconds(RECENT), now
        return self._recent

    async def handle(self, event: Event) -> None:
        """Deliver one event; raising leaves it unacknowledged (see ``_deliver_job``)."""
        state = self._job(event.job_id)
        if event.kind == "queued":
            if not state.watching:
                position = event.payload.get("position")
                state.watching, state.position = True, int(position) if isinstance(position, int) else None
        elif event.kind == "progress":
            state.watching = False
            view = await self._view(event)
            text = progress_text(view.lang, event.payload.get("stage"), event.payload.get("fraction"),
                                 await self.recent_times())
            self._schedule(event.job_id, view, text, final=False)
        elif event.kind == "done":
            await self._deliver_clip(event)
        elif event.kind in ("failed", "dead"):
            await self._deliver_failure(event)
        elif event.kind == "cancelled":
            state.watching = False
            view = await self._view(event)
            self._schedule(event.job_id, view, t(view.lang, "status_cancelled"), final=True)
        else:  # pragma: no cover - storage only writes known kinds
            log.warning("unknown event kind %r", event.kind)

    async def _deliver_clip(self, event: Event) -> None:
        state = self._job(event.job_id)
        state.watching = False
        view = await self._view(event)
        clip_id = event.payload.get("clip_id")
        clip = await self.store.get_clip(int(clip_id)) if clip_id is not None else None
        if clip is None:
            log.error("done event %s names no clip (%r)", event.id, clip_id)
            return
        # 1. already accepted by Telegram (re-read after a restart, or storing the file_id failed): nothing to send
        if not clip.file_id and state.accepted is not None:
            await self.store.set_clip_file_id(clip.id, state.accepted)
            clip, state.accepted = dataclasses.replace(clip, file_id=state.accepted), None
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
        # From the database (clips of workers on other hosts) or the clips folder.
        video = await self.store.clip_bytes(clip.id)
        thumb = await self.store.clip_bytes(clip.id, "thumbnail") if clip.thumbnail else None
        if video is None:
            await self.bot.send_message(view.chat_id, t(view.lang, "file_gone"))
            self._schedule(event.job_id, view, t(view.lang, "status_failed"), final=True)
            return
        # 3. record the attempt before the upload: an earlier attempt with no stored file_id may have
        #    reached the chat (see the module docstring), so this one says it is a re-send
        earlier = await self.store.begin_upload(clip.id)
        note = None
        if earlier:
            note = t(view.lang, "resent_after_network" if state.uploading else "resent_after_restart")
            log.warning("clip %s: upload attempt %d (an earlier one may have arrived)", clip.id, earlier + 1)
        state.uploading = True
        # 4. "sending video…" while it uploads, 5. upload as a reply to the premise, 6. remember the
        #    file_id, then (caller) acknowledge
        first_action = asyncio.Event()
        action = asyncio.create_task(self._upload_action(view.chat_id, first_action))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(first_action.wait(), ACTION_HEAD_START_S)
        try:
            message = await self.bot.send_video(
                view.chat_id,
                video=InputFile(video, filename=f"petreel-{clip.id}.mp4"),
                width=clip.width,
                height=clip.height,
                duration=max(1, round(clip.duration)),
                thumbnail=InputFile(thumb, filename=f"petreel-{clip.id}.jpg") if thumb else None,
                supports_streaming=True,
                caption=video_caption(view.title, note),
                parse_mode=ParseMode.HTML,
                reply_markup=video_markup(view.lang, clip.id),
                reply_parameters=(
                    ReplyParameters(view.reply_to, allow_sending_without_reply=True) if view.reply_to else None
                ),
                write_timeout=UPLOAD_TIMEOUT_S,
                read_timeout=UPLOAD_TIMEOUT_S,
            )
        finally:
            action.cancel()
        self.sent_videos += 1
        media = message.video or message.document or message.animation
        if media is not None:
            state.accepted = media.file_id  # survives a failing store call below
            await self.store.set_clip_file_id(clip.id, media.file_id)
            state.accepted = None
            state.uploading = False
        else:  # pragma: no cover - Telegram always returns the media it accepted
            log.error("sendVideo for clip %s returned no media", clip.id)
        self._schedule(event.job_id, view, t(view.lang, "status_done"), final=True)

    async def _upload_action(self, chat_id: int, first: asyncio.Event) -> None:
        """``sendChatAction(upload_video)`` now and every ``ACTION_EVERY_S`` until cancelled (cosmetic);
        ``first`` is set once the first one was answered (or failed)."""
        while True:
            try:
                await self.bot.send_chat_action(chat_id, ChatAction.UPLOAD_VIDEO, **self._priority(Priority.COSMETIC))
            except TelegramError as err:  # cosmetic: the clip goes out without it
                log.debug("upload_video action in chat %s failed: %s", chat_id, err)
            finally:
                first.set()
            await asyncio.sleep(ACTION_EVERY_S)

    async def _deliver_failure(self, event: Event) -> None:
        self._job(event.job_id).watching = False
        view = await self._view(event)
        job = await self.store.get_job(event.job_id)
        if event.kind == "failed" and job is not None and job.state in ACTIVE_STATES:
            self._schedule(event.job_id, view, t(view.lang, "status_retrying"), final=False)
            return
        log.info("job %s %s: %s", event.job_id, event.kind, event.payload.get("code"))
        await self.bot.send_message(view.chat_id, RenderFailed().message(view.lang))
        self._schedule(event.job_id, view, t(view.lang, "status_failed"), final=True)

    async def _view(self, event: Event) -> _View:
        state = self._job(event.job_id)
        if state.view is not None and state.view.message_id is not None:
            return state.view
        job = await self.store.get_job(event.job_id)
        user = await self.store.ensure_user(event.owner)
        chat_id = event.chat_id or (job.chat_id if job else None) or event.owner
        chat_id = job.status_chat_id if job and job.status_chat_id else chat_id
        view = _View(
            chat_id=chat_id,
            message_id=job.status_message_id if job else None,
            lang=norm_lang(user.language),
            title=title_of(job),
            # the premise was sent in the job's chat: the clip replies to it when it goes there too
            reply_to=job.premise_message_id if job and (job.chat_id or job.owner) == chat_id else None,
        )
        if view.message_id is not None:
            state.view = view
        return view

    # -- status edits ----------------------------------------------------------------------------------

    def _schedule(self, job_id: int, view: _View, text: str, final: bool) -> None:
        state = self._job(job_id)
        if view.message_id is None:
            return
        if state.final and not final:
            return
        if final:
            state.final = True
        markup = None if final else status_keyboard(view.lang, job_id)
        if not final and text == state.shown:  # Telegram would answer "message is not modified"
            state.pending = None
            return
        state.pending = _Edit(view.chat_id, view.message_id, text, final, markup)

    async def _flush(self, force_final: bool = False) -> None:
        """Send the status edits whose slot has come: at most one per status message and one per
        chat every ``progress_edit_interval_s`` (final texts at shutdown go at once)."""
        now = self.clock()
        due: list[tuple[int, _Edit]] = []
        for job_id, state in list(self._jobs.items()):
            edit = state.pending
            if edit is None:
                continue
            if not (force_final and edit.final):
                if not (self.gate.ready(job_id, now) and self.chat_gate.ready(edit.chat_id, now)):
                    continue
            state.pending = None
            self.gate.mark(job_id, now)
            self.chat_gate.mark(edit.chat_id, now)
            due.append((job_id, edit))
        await asyncio.gather(*(self._edit(job_id, edit) for job_id, edit in due))

    def _priority(self, priority: Priority) -> dict[str, Any]:
        """``rate_limit_args`` for the send path (``bot/sending.py``), when the bot has one."""
        return {"rate_limit_args": priority} if getattr(self.bot, "rate_limiter", None) is not None else {}

    async def _edit(self, job_id: int, edit: _Edit) -> None:
        state = self._job(job_id)
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
            if state.pending is None:
                state.pending = edit
            self.gate.mark(job_id, self.clock())
            return
        state.shown = edit.text
        now = self.clock()  # measure the interval from when Telegram answered, not from when we asked
        self.chat_gate.mark(edit.chat_id, now)
        if edit.final:
            state.final, state.view, state.shown = False, None, None
            self.gate.forget(job_id)
            self.chat_gate.forget_older(now)
            self._tidy(job_id)
        else:
            self.gate.mark(job_id, now)

    async def _refresh_positions(self) -> None:
        for job_id in [j for j, s in self._jobs.items() if s.watching]:
            state = self._job(job_id)
            position = await self.store.queue_position(job_id)
            if not state.watching:  # a progress event took over while we asked: its text wins
                continue
            if position is None:
                state.watching = False
                self._tidy(job_id)
                continue
            if position == state.position:
                continue
            state.position = position
            job = await self.store.get_job(job_id)
            if job is None or job.status_message_id is None:
                continue
            event = Event(id=0, job_id=job_id, owner=job.owner, chat_id=job.chat_id, kind="queued")
            view = await self._view(event)
            if state.watching:  # (same, while the job was looked up)
                self._schedule(job_id, view, queued_text(view.lang, position, await self.recent_times()), final=False)

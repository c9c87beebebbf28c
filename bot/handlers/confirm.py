"""Confirm → the job is enqueued (credit reserved in the same transaction) and ONE status message is
posted for it, which delivery then edits. Also the status message's Cancel button and /cancel, which
cancels the one thing pending or asks which (buttons), says it once (the refund is the status
message's to announce) and edits a discarded draft's buttons away."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.callbacks import Action
from bot.delivery import status_keyboard
from bot.handlers.common import AnyApp, Context, Press, deps_of, edit, keyboard, on_button, send, user_lang
from bot.handlers.drafts import script_of
from bot.handlers.history import shorten
from bot.handlers.ownership import draft_expired, owned_draft, owned_job
from bot.handlers.payments import offer_packs
from bot.handlers.script import preview_text
from bot.progress import RECENT, queued_text
from bot.sending import Priority
from petreel.errors import CallbackError, QuotaExceeded, UserError
from petreel.i18n import t
from storage.models import Job
from story.script import Script
from story.styles import only_art_style

PICK_LABEL = 28  # characters of a premise or title on a /cancel choice

log = logging.getLogger(__name__)


@on_button
async def confirm(update: Update, context: Context, press: Press) -> None:
    deps = deps_of(context)
    # 1. the presser's draft, with its script written (a second press of a Confirm that went
    #    through is answered quietly: the first press's status message says the rest)
    if deps.drafts.confirmed(press.button.args[0], press.user_id):
        await press.answer(t(press.lang, "already_queued"))
        return
    draft = await owned_draft(context, press)
    script = script_of(draft)
    if deps.drafts.busy(draft.id) or script is None:
        await press.answer(t(press.lang, "busy"))
        return
    # 2. take it out of the store (one DELETE … RETURNING: of a double press only one gets it)
    taken = await deps.drafts.take(draft.id)
    if taken is None:
        if deps.drafts.confirmed(draft.id, press.user_id):  # a concurrent press took it
            await press.answer(t(press.lang, "already_queued"))
            return
        raise draft_expired()
    script = script_of(taken) or script  # (the row as taken: a reroll may have just reseeded it)
    # 3. enqueue: one transaction checks ban/caps, reserves a credit and commits the job row
    try:
        job = await deps.store.enqueue(
            taken.owner,
            taken.premise,
            script.style,
            script.art_style,
            script.language,
            script.model_dump_json(),
            taken.seed,
            parent_clip_id=taken.parent_clip_id,
            premise_message_id=taken.premise_message_id,
            chat_id=taken.chat_id,
        )
    except UserError as err:
        await deps.drafts.put(taken)  # quota/queue may free up: the same Confirm can be pressed again
        if isinstance(err, QuotaExceeded):  # out of clips: the credit packs (when payments are on)
            await offer_packs(context, taken.chat_id, press.lang)
        raise
    # 4. only now, with the row committed, say it's queued: the preview turns into its confirmed
    #    state (its buttons go in the same edit), and one status message per job follows
    await press.answer(t(press.lang, "confirmed"))
    if press.message is not None:
        with contextlib.suppress(TelegramError):
            only_art = only_art_style(deps.settings.render.backend) is not None
            await press.message.edit_text(
                preview_text(press.lang, script, confirmed=True, only_art=only_art),
                parse_mode=ParseMode.HTML,
                reply_markup=None,
            )
    position = await deps.store.queue_position(job.id)
    status = await context.bot.send_message(
        taken.chat_id, queued_text(press.lang, position, await deps.store.render_seconds(RECENT)), reply_markup=status_keyboard(press.lang, job.id),
        rate_limit_args=Priority.FOLLOWUP,  # after replies to what people type (bot/sending.py)
    )
    await deps.store.set_status_message(job.id, taken.chat_id, status.message_id)
    log.info("job %s queued for user %s (position %s)", job.id, taken.owner, position)


@on_button
async def cancel_button(update: Update, context: Context, press: Press) -> None:
    job = await owned_job(context, press, press.button.number())
    cancelled = await deps_of(context).store.cancel(job.id, press.user_id)
    # the 'cancelled' outbox event makes delivery edit the status message
    await press.answer(t(press.lang, "cancel_job" if cancelled else "cancel_failed"))


async def cancel_command(update: Update, context: Context) -> None:
    """/cancel: with one thing pending (a draft or a queued/running job) cancel it; with several, ask
    which, with buttons (each draft, each job, everything, nothing)."""
    deps = deps_of(context)
    lang = await user_lang(update, context)
    user = update.effective_user
    assert user is not None
    deps.drafts.end_line_edit(user.id)  # /cancel leaves line editing too
    drafts, jobs = await deps.drafts.of_user(user.id), await deps.store.active_jobs(user.id)
    if len(drafts) + len(jobs) == 0:
        await send(update, context, t(lang, "cancel_none"))
    elif len(drafts) + len(jobs) == 1:
        lines = [await discard_draft(context, d.id, user.id, lang) for d in drafts]
        lines += [await cancel_job(context, j.id, user.id, lang) for j in jobs]
        await send(update, context, "\n".join(line for line in lines if line) or t(lang, "cancel_none"))
    else:
        rows = [[(t(lang, "btn_cancel_draft", what=shorten(d.premise, PICK_LABEL)),
                  callbacks.encode(Action.CANCEL_PICK, "d", d.id))] for d in drafts]
        rows += [[(t(lang, "btn_cancel_job", what=shorten(job_title(j), PICK_LABEL)),
                   callbacks.encode(Action.CANCEL_PICK, "j", j.id))] for j in jobs]
        rows.append([(t(lang, "btn_cancel_all"), callbacks.encode(Action.CANCEL_PICK, "all", 0)),
                     (t(lang, "btn_cancel_keep"), callbacks.encode(Action.CANCEL_PICK, "keep", 0))])
        await send(update, context, t(lang, "cancel_which"), keyboard(rows))


def job_title(job: Job) -> str:
    try:
        return Script.model_validate_json(job.script_json).title
    except ValueError:
        return job.premise


async def discard_draft(context: Context, draft_id: str, owner: int, lang: str) -> str | None:
    """Discard ``owner``'s draft and edit its buttons away; the line to say (None when already gone)."""
    deps = deps_of(context)
    draft = await deps.drafts.get(draft_id)
    if draft is None or draft.owner != owner or await deps.drafts.discard(draft_id) is None:
        return None
    if (shown := deps.drafts.message_of(draft_id)) is not None:
        with contextlib.suppress(TelegramError):  # no dead buttons: the discarded draft's go
            await context.bot.edit_message_reply_markup(shown[0], shown[1], reply_markup=None)
    return t(lang, "cancel_draft")


async def cancel_job(context: Context, job_id: int, owner: int, lang: str) -> str:
    """Cancel ``owner``'s job; the line to say (its status message announces the refund, once)."""
    ok = await deps_of(context).store.cancel(job_id, owner)
    return t(lang, "cancel_job" if ok else "cancel_failed")


@on_button
async def cancel_pick(update: Update, context: Context, press: Press) -> None:
    """A /cancel choice: the draft or job named (the presser's own), everything, or nothing."""
    deps = deps_of(context)
    kind, ref = press.button.args
    lines: list[str | None] = []
    if kind == "d":
        await owned_draft(context, press, 1)
        lines.append(await discard_draft(context, ref, press.user_id, press.lang))
    elif kind == "j" and ref.isdigit() and int(ref) <= callbacks.MAX_NUMBER:
        job = await owned_job(context, press, int(ref))
        lines.append(await cancel_job(context, job.id, press.user_id, press.lang))
    elif kind == "all":
        for draft in await deps.drafts.of_user(press.user_id):
            lines.append(await discard_draft(context, draft.id, press.user_id, press.lang))
        for job in await deps.store.active_jobs(press.user_id):
            lines.append(await cancel_job(context, job.id, press.user_id, press.lang))
    elif kind != "keep":
        raise CallbackError(f"cancel choice {kind!r} unknown")
    await press.answer()
    text = "\n".join(line for line in lines if line) or t(press.lang, "cancel_kept" if kind == "keep" else "cancel_none")
    if press.message is not None:
        await edit(press.message, text)  # the question turns into its answer; its buttons go


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(confirm, pattern=callbacks.pattern(Action.CONFIRM)))
    app.add_handler(CallbackQueryHandler(cancel_button, pattern=callbacks.pattern(Action.CANCEL)))
    app.add_handler(CommandHandler("cancel", cancel_command))
    app.add_handler(CallbackQueryHandler(cancel_pick, pattern=callbacks.pattern(Action.CANCEL_PICK)))

"""Confirm → the job is enqueued (credit reserved in the same transaction) and ONE status message is
posted for it, which delivery then edits. Also the status message's Cancel button and /cancel."""

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
from bot.handlers.common import AnyApp, Context, Press, deps_of, on_button, send, user_lang
from bot.handlers.drafts import script_of
from bot.handlers.ownership import draft_expired, owned_draft, owned_job
from bot.handlers.payments import offer_packs
from bot.handlers.script import preview_text
from bot.progress import RECENT, queued_text
from bot.sending import Priority
from petreel.errors import QuotaExceeded, UserError
from petreel.i18n import t
from story.styles import only_art_style

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
    """/cancel: discard the user's pending drafts and cancel their newest queued or running job."""
    deps = deps_of(context)
    lang = await user_lang(update, context)
    user = update.effective_user
    assert user is not None
    lines = []
    if await deps.drafts.discard_user(user.id):
        lines.append(t(lang, "cancel_draft"))
    active = await deps.store.active_jobs(user.id)
    if active:
        ok = await deps.store.cancel(active[-1].id, user.id)
        lines.append(t(lang, "cancel_job" if ok else "cancel_failed"))
    await send(update, context, "\n".join(lines) or t(lang, "cancel_none"))


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(confirm, pattern=callbacks.pattern(Action.CONFIRM)))
    app.add_handler(CallbackQueryHandler(cancel_button, pattern=callbacks.pattern(Action.CANCEL)))
    app.add_handler(CommandHandler("cancel", cancel_command))

"""Buttons under a delivered video: Resend (by stored file_id, never re-uploaded), Remix (same
script, new hero/art style and seed → a new job with ``parent_clip_id``; its prompt names the clip
and what can change, and ``open_remix`` is the one entry point, for the button and deep links) and New twist (the same
premise re-expanded with a new seed → a new script preview)."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot import callbacks
from bot.callbacks import Action
from bot.delivery import send_by_file_id, title_of
from bot.handlers.common import AnyApp, Context, Press, deps_of, on_button
from bot.handlers.ownership import owned_clip, owned_clip_job
from bot.handlers.premise import show_styles
from bot.handlers.script import write_and_show
from petreel.i18n import t
from storage.models import Job
from story.script import Script
from story.styles import only_art_style


@on_button
async def resend(update: Update, context: Context, press: Press) -> None:
    clip = await owned_clip(context, press, press.button.number())
    if not clip.file_id:
        await press.answer(t(press.lang, "not_sent_yet"), alert=True)
        return
    job = await deps_of(context).store.get_job(clip.job_id)
    await press.answer()
    await send_by_file_id(context.bot, press.chat_id, clip, title_of(job, clip), press.lang)


async def open_remix(
    context: Context, user_id: int, chat_id: int, job: Job, lang: str, *, parent_clip_id: int | None, premise: str
) -> None:
    """The Remix flow for ``user_id``: a draft with ``job``'s script, then the hero chooser. A remix of
    someone else's shared clip (a deep link) has no parent and shows only the clip's title as premise."""
    deps = deps_of(context)
    script = Script.model_validate_json(job.script_json)
    draft = await deps.drafts.new(
        user_id, chat_id, premise, job.language, script=script, parent_clip_id=parent_clip_id,
    )  # fmt: skip
    await show_styles(context, draft, lang, head=remix_head(script, lang, deps.settings.render.backend), edit=True)


def remix_head(script: Script, lang: str, backend: str) -> str:
    """The Remix prompt (HTML): a remix of which clip, and what can change in it."""
    only = only_art_style(backend)
    art = t(lang, "remix_art_only", art=html.escape(only.label(lang))) if only else t(lang, "remix_art_pick")
    return t(lang, "remix_head", title=html.escape(script.title), art=art)


@on_button
async def remix(update: Update, context: Context, press: Press) -> None:
    clip, job = await owned_clip_job(context, press, press.button.number())
    await press.answer()
    await open_remix(context, press.user_id, press.chat_id, job, press.lang, parent_clip_id=clip.id, premise=job.premise)


@on_button
async def twist(update: Update, context: Context, press: Press) -> None:
    _, job = await owned_clip_job(context, press, press.button.number())
    draft = await deps_of(context).drafts.new(
        press.user_id, press.chat_id, job.premise, job.language, style=job.style, art_style=job.art_style
    )
    await press.answer()
    await write_and_show(context, draft, press.lang)


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(resend, pattern=callbacks.pattern(Action.RESEND)))
    app.add_handler(CallbackQueryHandler(remix, pattern=callbacks.pattern(Action.REMIX)))
    app.add_handler(CallbackQueryHandler(twist, pattern=callbacks.pattern(Action.TWIST)))

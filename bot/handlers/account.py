"""/quota: free clips left today, when they come back (in the user's terms), extra credits, and the
newest purchases (with their refunds)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from bot.handlers.payments import purchase_lines
from petreel.clock import next_utc_day
from petreel.i18n import duration_text, t


async def quota(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    deps = deps_of(context)
    q = await deps.store.quota(update.effective_user.id)
    now = deps.utcnow()
    reset = duration_text((next_utc_day(now) - now).total_seconds(), lang)
    text = t(lang, "quota", free_left=q.free_left, limit=q.limit, credits=q.credits, reset=reset)
    bought = await purchase_lines(context, update.effective_user.id, lang)
    if bought:
        text += "\n" + t(lang, "quota_purchases", lines="\n" + "\n".join(bought))
    await send(update, context, text)


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("quota", quota))

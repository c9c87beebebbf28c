"""/quota: free clips left today, when they come back (in the user's terms), and extra credits."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from petreel.clock import next_utc_day
from petreel.i18n import duration_text, t


async def quota(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    deps = deps_of(context)
    q = await deps.store.quota(update.effective_user.id)
    now = deps.utcnow()
    reset = duration_text((next_utc_day(now) - now).total_seconds(), lang)
    await send(update, context, t(lang, "quota", free_left=q.free_left, limit=q.limit, credits=q.credits, reset=reset))


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("quota", quota))

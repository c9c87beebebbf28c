"""/quota: free clips left today and extra credits."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from petreel.i18n import t


async def quota(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    q = await deps_of(context).store.quota(update.effective_user.id)
    await send(update, context, t(lang, "quota", free_left=q.free_left, limit=q.limit, credits=q.credits))


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("quota", quota))

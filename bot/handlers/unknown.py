"""A command the bot does not know (``/foo``, a typo) gets the command menu instead of silence.
Registered after every module with commands, so only what none of them claimed lands here."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from petreel.i18n import command_lines, t


async def unknown_command(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    assert update.effective_user is not None and update.effective_message is not None
    word = (update.effective_message.text or "").split(maxsplit=1)[0][:40]
    deps = deps_of(context)
    lines = command_lines(lang, admin=deps.is_admin(update.effective_user.id), payments=bool(deps.settings.payments.packs))
    await send(update, context, t(lang, "unknown_command", command=html.escape(word), commands=lines))


def register(app: AnyApp) -> None:
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))

"""The one error handler: a ``UserError`` is shown as ``err.message(lang)``; other ``PetReelError``s
and every unexpected exception are logged (the latter with traceback) and the user gets a generic
apology in their language."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import TelegramError

from bot.delivery import count_error
from bot.handlers.common import AnyApp, Context, not_modified, user_lang, user_text
from petreel.errors import PetReelError, UserError
from petreel.i18n import t

log = logging.getLogger("bot.errors")


async def on_error(update: object, context: Context) -> None:
    err = context.error
    if err is not None and not_modified(err):  # an identical edit: nothing went wrong
        return
    if isinstance(err, UserError):
        log.info("user error %s: %s", err.code, err)
    elif isinstance(err, PetReelError):
        log.warning("%s: %s", type(err).__name__, err)
    else:
        if isinstance(err, TelegramError):
            count_error(err)
        log.error("unhandled error while handling an update", exc_info=err)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    lang = "en"
    with contextlib.suppress(Exception):
        lang = await user_lang(update, context)
    text = user_text(err, lang) if isinstance(err, UserError) else t(lang, "generic_error")
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(update.effective_chat.id, text)


def register(app: AnyApp) -> None:
    app.add_error_handler(on_error)

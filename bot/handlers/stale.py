"""The catch-all for button presses no other handler claimed (old versions, forged data): answered
"no longer valid", so no query is left spinning. Registered last."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.handlers.common import AnyApp, Context, Press, on_button
from petreel.i18n import t


@on_button
async def stale(update: Update, context: Context, press: Press) -> None:
    # reached only for data that decodes but has no handler (none today): same answer as bad data
    await press.answer(t(press.lang, "unknown_button"), alert=True)


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(stale))

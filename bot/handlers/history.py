"""/history: the user's clips, 5 per page, with Prev/Next. Each clip is one compact entry (title,
length, short date that does not wrap on a phone) and one row of buttons that carries its title, so
nobody has to match numbered buttons to lines by eye."""

from __future__ import annotations

import html

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.callbacks import Action
from bot.delivery import title_of
from bot.handlers.common import AnyApp, Context, Press, deps_of, edit, keyboard, on_button, send, user_lang
from bot.handlers.payments import purchase_lines
from petreel.i18n import short_date, t

PAGE = 5
BUTTON_TITLE = 22  # characters of the title on a clip's button (a phone shows about that many)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


async def page(context: Context, owner: int, offset: int, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The history text and keyboard for ``owner``'s clips starting at ``offset``."""
    store = deps_of(context).store
    clips, total = await store.list_clips(owner, offset=offset, limit=PAGE)
    if total == 0:
        return t(lang, "history_empty"), None
    if not clips and offset > 0:  # paged past the end (clips pruned meanwhile): back to the start
        return await page(context, owner, 0, lang)
    lines = [t(lang, "history_head", first=offset + 1, last=offset + len(clips), total=total), ""]
    rows: list[list[tuple[str, str]]] = []
    for n, clip in enumerate(clips, offset + 1):
        job = await store.get_job(clip.job_id)
        title = title_of(job, clip)
        lines.append(t(lang, "history_line", n=n, title=html.escape(title), seconds=round(clip.duration),
                       day=short_date(clip.created, lang)))
        rows.append(
            [
                (f"▶ {n}. {shorten(title, BUTTON_TITLE)}", callbacks.encode(Action.RESEND, clip.id)),
                (t(lang, "btn_remix"), callbacks.encode(Action.REMIX, clip.id)),
            ]
        )
    nav: list[tuple[str, str]] = []
    if offset > 0:
        nav.append((t(lang, "btn_prev"), callbacks.encode(Action.PAGE, max(0, offset - PAGE))))
    if offset + len(clips) < total:
        nav.append((t(lang, "btn_next"), callbacks.encode(Action.PAGE, offset + PAGE)))
    if nav:
        rows.append(nav)
    return "\n".join(lines), keyboard(rows)


async def history(update: Update, context: Context) -> None:
    """The first page of clips, then the newest purchases (and refunds) when there are any."""
    lang = await user_lang(update, context)
    assert update.effective_user is not None
    text, markup = await page(context, update.effective_user.id, 0, lang)
    bought = await purchase_lines(context, update.effective_user.id, lang)
    if bought:
        text += "\n\n" + "\n".join([t(lang, "history_purchases"), *bought])
    await send(update, context, text, markup)


@on_button
async def turn_page(update: Update, context: Context, press: Press) -> None:
    """Prev/Next: the offset is only a position in the presser's own list, so no ownership check."""
    text, markup = await page(context, press.user_id, press.button.number(), press.lang)
    await press.answer()
    assert press.message is not None
    await edit(press.message, text, markup)


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("history", history))
    app.add_handler(CallbackQueryHandler(turn_page, pattern=callbacks.pattern(Action.PAGE)))

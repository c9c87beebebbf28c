"""A premise arrives: throttle, validate, moderate, then the hero (character style) and art style
buttons. The art-style press starts writing the script (``bot/handlers/script.py``); with one art
style on the server (the CPU painter) there is nothing to pick, so the hero press starts it.

The hero chooser follows the premise (``bot/handlers/understanding.py``): it says in one line what
was understood, the premise's own hero style is the first button, and picking another style says in
one line that it re-casts the hero only."""

from __future__ import annotations

import asyncio
import html

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callbacks
from bot.callbacks import Action
from bot.handlers.common import (
    AnyApp,
    Context,
    Press,
    deps_of,
    edit,
    in_rows,
    keyboard,
    on_button,
    send,
    user_lang,
)
from bot.handlers.drafts import Draft
from bot.handlers.lines import edit_button, take_line_edit
from bot.handlers.ownership import owned_draft
from bot.handlers.script import write_and_show
from bot.handlers.understanding import chooser_styles, own_label, recast_html, understood_html
from petreel.errors import Banned, CallbackError, UnknownStyle
from petreel.i18n import EXAMPLES, norm_lang, t
from story.offline import validate_premise
from story.premise import analyse, is_vague
from story.styles import CHARACTER_STYLES, art_styles_for, only_art_style
from story.text import script_language

HELD_CHECK_S = 0.25  # how often a kept premise re-checks its window (and whether the bot is stopping)


def style_keyboard(lang: str, draft: Draft, edit: bool = False) -> InlineKeyboardMarkup:
    """The hero buttons: the premise's own hero style first (marked, on its own row), then the rest."""
    buttons = []
    for style_id, own in chooser_styles(draft.premise):
        s = CHARACTER_STYLES[style_id]
        label = (own and own_label(draft.premise, lang)) or f"{s.emoji} {s.label(lang)}".strip()
        buttons.append((t(lang, "style_from_premise", label=label) if own else label,
                        callbacks.encode(Action.STYLE, draft.id, s.id)))
    first = 1 if chooser_styles(draft.premise)[0][1] else 0
    rows = in_rows(buttons[:first], 1) + in_rows(buttons[first:], 2)
    return keyboard(rows + [[edit_button(lang, draft)]] if edit else rows)


def art_keyboard(lang: str, draft: Draft, backend: str) -> InlineKeyboardMarkup:
    buttons = [(a.label(lang), callbacks.encode(Action.ART, draft.id, a.id)) for a in art_styles_for(backend)]
    return keyboard(in_rows(buttons, 2))


async def show_styles(context: Context, draft: Draft, lang: str, head: str | None = None, edit: bool = False) -> None:
    """Post the hero chooser for ``draft`` (under ``head``, HTML, instead of the premise when given;
    with ``edit``, a Remix: an "Edit a line" button too)."""
    sent = await context.bot.send_message(
        draft.chat_id,
        head or t(lang, "choose_style", premise=html.escape(draft.premise)) + "\n\n" + understood_html(draft.premise, lang),
        parse_mode=ParseMode.HTML,
        reply_markup=style_keyboard(lang, draft, edit),
    )
    deps_of(context).drafts.shown(draft.id, draft.chat_id, sent.message_id)


async def on_premise(update: Update, context: Context) -> None:
    """Any plain text in a private chat is a premise."""
    deps = deps_of(context)
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    lang = await user_lang(update, context)
    # 0. a user editing a Remix line sends its new text, not a premise
    if await take_line_edit(update, context, message.text or "", lang):
        return
    # 1. per-chat throttle: a premise within the window is kept (the newest wins) and taken once the
    #    window passes; the first one kept says so, the rest of a flood replaces it quietly
    wait = deps.throttle.check(chat.id, deps.clock())
    if wait > 0:
        if deps.throttle.hold(chat.id, message.text or ""):
            await send(update, context, t(lang, "throttled", seconds=max(1, round(wait))))
            context.application.create_task(take_held(update, context, lang), update=update)
        return
    deps.throttle.release(chat.id)  # a premise accepted now is newer than any kept one
    await take_premise(update, context, message.text or "", lang)


async def take_held(update: Update, context: Context, lang: str) -> None:
    """Once the chat's throttle window has passed, take the premise kept during it (a task: errors
    reach the error handler with ``update``). A stopping bot drops it (the user can send it again)."""
    deps = deps_of(context)
    chat = update.effective_chat
    assert chat is not None
    while (wait := deps.throttle.check(chat.id, deps.clock())) > 0:
        if not context.application.running or not deps.throttle.holds(chat.id):
            return  # stopping, or a premise accepted meanwhile replaced the kept one
        await asyncio.sleep(min(wait, HELD_CHECK_S))  # a timer, re-checked: a stop doesn't wait a window
    text = deps.throttle.release(chat.id)
    if text is not None and context.application.running:
        await take_premise(update, context, text, lang)


async def take_premise(update: Update, context: Context, text: str, lang: str) -> None:
    """Validate, moderate and start a draft for ``text`` (the throttle already let it through)."""
    deps = deps_of(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    # 1. validate and moderate (BadPremise / ContentRefused reach the error handler → user's language)
    premise = validate_premise(text)
    await deps.moderate(premise)
    # 2. a greeting or a text where nothing happens gets two example premises to tap, not a script
    if is_vague(analyse(premise)):
        await send(update, context, t(lang, "vague"), examples_keyboard(lang))
        return
    message = update.effective_message  # the message that carried it: the clip will reply to it
    await start_draft(context, user.id, chat.id, premise, lang, message.message_id if message else None)


async def start_draft(
    context: Context, user_id: int, chat_id: int, premise: str, lang: str, premise_message_id: int | None = None
) -> None:
    """A stored draft for ``premise`` and its hero chooser (the clip will reply to ``premise_message_id``)."""
    deps = deps_of(context)
    # 1. banned users stop here (enqueue checks again)
    if (await deps.store.ensure_user(user_id)).banned:
        raise Banned()
    # 2. a stored draft and the hero buttons (no chooser without its draft: at the per-user cap
    #    the premise is refused rather than dropping the oldest draft under a chooser still shown)
    draft = await deps.drafts.new_if_room(user_id, chat_id, premise, script_language(premise), premise_message_id)
    if draft is None:
        await context.bot.send_message(chat_id, t(lang, "drafts_full", n=deps.drafts.per_user))
        return
    await show_styles(context, draft, lang)


def examples_keyboard(lang: str) -> InlineKeyboardMarkup:
    examples = EXAMPLES[norm_lang(lang)]
    return keyboard([[(f"💡 {text}", callbacks.encode(Action.EXAMPLE, i))] for i, text in enumerate(examples)])


@on_button
async def example(update: Update, context: Context, press: Press) -> None:
    """An example premise was tapped: it starts like a typed one (the index is range-checked)."""
    examples = EXAMPLES[norm_lang(press.lang)]
    index = press.button.number()
    if index >= len(examples):
        raise CallbackError(f"example {index} out of range")
    await press.answer()
    # the message whose button carried the premise is the one the clip replies to
    message_id = press.message.message_id if press.message is not None else None
    await start_draft(context, press.user_id, press.chat_id, examples[index], press.lang, message_id)


async def new(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    if update.effective_user is not None:
        deps_of(context).drafts.end_line_edit(update.effective_user.id)  # a new premise leaves line editing
    await send(update, context, t(lang, "new_prompt"))


@on_button
async def choose_style(update: Update, context: Context, press: Press) -> None:
    deps = deps_of(context)
    draft = await owned_draft(context, press)
    style = press.button.args[1]
    if style not in CHARACTER_STYLES:
        raise UnknownStyle(style)
    if deps.drafts.busy(draft.id):
        await press.answer(t(press.lang, "busy"))
        return
    # one art style on this server: nothing to pick, the script is written now (its preview says
    # in one line which art style is used)
    if (only := only_art_style(deps.settings.render.backend)) is not None:
        draft = await deps.drafts.update(draft, style=style, art_style=only.id)
        await press.answer()
        await write_and_show(context, draft, press.lang, press.message)
        return
    draft = await deps.drafts.update(draft, style=style)
    await press.answer()
    assert press.message is not None
    recast = recast_html(draft.premise, style, press.lang)
    await edit(
        press.message,
        t(press.lang, "choose_art", style=html.escape(CHARACTER_STYLES[style].label(press.lang)))
        + (f"\n{recast}" if recast else ""),
        art_keyboard(press.lang, draft, deps.settings.render.backend),
    )


@on_button
async def choose_art(update: Update, context: Context, press: Press) -> None:
    deps = deps_of(context)
    draft = await owned_draft(context, press)
    art = press.button.args[1]
    if art not in {a.id for a in art_styles_for(deps.settings.render.backend)}:
        raise UnknownStyle(art)
    if deps.drafts.busy(draft.id) or draft.style is None:
        await press.answer(t(press.lang, "busy"))
        return
    draft = await deps.drafts.update(draft, art_style=art)
    await press.answer()
    await write_and_show(context, draft, press.lang, press.message)


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("new", new))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, on_premise))
    app.add_handler(CallbackQueryHandler(choose_style, pattern=callbacks.pattern(Action.STYLE)))
    app.add_handler(CallbackQueryHandler(choose_art, pattern=callbacks.pattern(Action.ART)))
    app.add_handler(CallbackQueryHandler(example, pattern=callbacks.pattern(Action.EXAMPLE)))

"""Remix → ✏️ Edit a line: the draft's spoken lines as numbered buttons; a tap asks for the new
text (showing the old); the user's next text message replaces that line (validated like any script)
instead of starting a premise, and the script preview follows, ready to Confirm as usual.

Which line a user is editing is kept per user in ``DraftBook`` (memory, with a timeout); /cancel
and /new leave edit mode."""

from __future__ import annotations

import html

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler

from bot import callbacks
from bot.callbacks import Action
from bot.handlers.common import AnyApp, Context, Press, deps_of, in_rows, keyboard, on_button, send
from bot.handlers.drafts import Draft, script_of
from bot.handlers.ownership import owned_draft
from bot.handlers.script import preview_keyboard, preview_text, show
from petreel.errors import CallbackError, ScriptError
from petreel.i18n import t
from story.remix import replace_line, spoken_lines
from story.script import Script
from story.styles import only_art_style

_SHOWN = 60  # characters of each line in the list


def edit_button(lang: str, draft: Draft) -> tuple[str, str]:
    return t(lang, "btn_edit_line"), callbacks.encode(Action.LINES, draft.id)


def _speaker(script: Script, speaker: str, lang: str) -> str:
    return t(lang, "narrator") if speaker == "narrator" else script.character(speaker).name


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def lines_text(lang: str, script: Script) -> str:
    """HTML: the numbered spoken lines (speaker and the start of the line)."""
    rows = [f"{i}. {html.escape(_speaker(script, who, lang))}: {html.escape(_short(text))}"
            for i, (who, text) in enumerate(spoken_lines(script), 1)]
    return t(lang, "edit_lines", title=html.escape(script.title)) + "\n\n" + "\n".join(rows)


def lines_keyboard(script: Script, draft: Draft) -> InlineKeyboardMarkup:
    buttons = [(f"✏️ {i + 1}", callbacks.encode(Action.LINE, draft.id, i)) for i in range(len(spoken_lines(script)))]
    return keyboard(in_rows(buttons, 5))


async def _script_of(context: Context, press: Press) -> tuple[Draft, Script]:
    draft = await owned_draft(context, press)
    script = script_of(draft)
    if script is None:
        raise CallbackError(f"draft {draft.id} has no script to edit")
    return draft, script


@on_button
async def list_lines(update: Update, context: Context, press: Press) -> None:
    draft, script = await _script_of(context, press)
    await press.answer()
    await context.bot.send_message(press.chat_id, lines_text(press.lang, script), parse_mode=ParseMode.HTML,
                                   reply_markup=lines_keyboard(script, draft))


@on_button
async def pick_line(update: Update, context: Context, press: Press) -> None:
    draft, script = await _script_of(context, press)
    arg = press.button.args[1]
    lines = spoken_lines(script)
    if not (arg.isascii() and arg.isdigit()) or int(arg) >= len(lines):
        raise CallbackError(f"line {arg[:20]!r} out of range")
    index = int(arg)
    deps_of(context).drafts.edit_line(press.user_id, draft.id, index)
    await press.answer()
    who, old = lines[index]
    await context.bot.send_message(
        press.chat_id,
        t(press.lang, "edit_line_ask", n=index + 1, who=html.escape(_speaker(script, who, press.lang)),
          old=html.escape(old)),
        parse_mode=ParseMode.HTML,
    )


async def take_line_edit(update: Update, context: Context, text: str, lang: str) -> bool:
    """When the sender is editing a line, ``text`` replaces it (True); else False (a premise)."""
    drafts = deps_of(context).drafts
    user = update.effective_user
    pending = drafts.line_edit(user.id) if user is not None else None
    if user is None or pending is None:
        return False
    draft_id, index = pending
    # 1. the draft must still be there (a Confirm or /cancel may have taken it)
    draft = await drafts.get(draft_id)
    script = script_of(draft) if draft is not None and draft.owner == user.id else None
    if draft is None or script is None:
        drafts.end_line_edit(user.id)
        await send(update, context, t(lang, "draft_gone"))
        return True
    # 2. replace and validate as any script; a line that does not fit keeps edit mode
    try:
        script = replace_line(script, index, " ".join(text.split()))
    except (ScriptError, IndexError):
        await send(update, context, t(lang, "edit_line_bad"))
        return True
    drafts.end_line_edit(user.id)
    # 3. store it (the hero and art style are the script's own) and show the preview to Confirm
    draft = await drafts.update(draft, script=script.model_dump_json(), style=script.style, art_style=script.art_style)
    only_art = only_art_style(deps_of(context).settings.render.backend) is not None
    await show(context, draft, None, preview_text(lang, script, only_art=only_art), preview_keyboard(lang, draft))
    return True


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(list_lines, pattern=callbacks.pattern(Action.LINES)))
    app.add_handler(CallbackQueryHandler(pick_line, pattern=callbacks.pattern(Action.LINE)))

"""Writing the script for a draft and showing it (title + numbered scenes) with Confirm / Reroll.

The handler awaits only the async writer, so with ``concurrent_updates`` other users carry on
while a script is written. Remix drafts reuse their parent's script with the hero restyled (and
renamed where the old name no longer fits) instead of calling the writer. Reroll picks a new seed and writes again.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler

from bot import callbacks
from bot.callbacks import Action
from bot.handlers.common import AnyApp, Context, Press, deps_of, edit, keyboard, on_button, typing, user_text
from bot.handlers.drafts import Draft, new_seed, script_of
from bot.handlers.ownership import owned_draft
from bot.handlers.understanding import recast_html, understood_html
from petreel.errors import TooManyExpansions, UserError
from petreel.i18n import t
from story.remix import remix_hero
from story.script import Scene, Script
from story.styles import ART_STYLES, CHARACTER_STYLES, only_art_style

log = logging.getLogger(__name__)

MAX_TEXT = 4096
_NARRATION_CUT = 160
WRITING_NOTICE_S = 1.0  # a script not ready by then gets a "Writing…" message first


def restyle(script: Script, style: str, art_style: str, seed: int = 0) -> Script:
    """The same story with the hero drawn as ``style`` in ``art_style`` (used by Remix), renamed
    where the new hero makes the old name or words wrong (``story.remix``)."""
    return remix_hero(script, style, art_style, seed)


def spoken_text(script: Script, scene: Scene) -> str:
    """What is said in ``scene``, as the preview shows it: the narration, then each line of dialogue
    with its speaker's name, unless the narration just introduced it ("Tofu breathes: “I'm going to be
    a chef.”", "Mango sneers. Mango: “You? A chef?”")."""
    parts = [scene.narration] if scene.narration else []
    names = {c.id: c.name for c in script.characters}
    for n, line in enumerate(scene.dialogue):
        introduced = n == 0 and scene.narration.rstrip().endswith((":", "："))  # "Tofu breathes:"
        parts.append(f"“{line.text}”" if introduced else f"{names.get(line.speaker, line.speaker)}: “{line.text}”")
    return " ".join(parts)


def preview_text(lang: str, script: Script, *, confirmed: bool = False, only_art: bool = False) -> str:
    """HTML preview: title, hero, art style, length (with ``only_art``, one line saying the art style
    is the server's only one: its step was skipped), what was understood of the premise (and a re-cast
    hero), the numbered scene list (≤ 4096 chars), ending with what to do next (or, once ``confirmed``,
    that the video is being made)."""
    hero = CHARACTER_STYLES[script.style].label(lang) if script.style in CHARACTER_STYLES else script.style
    art = ART_STYLES[script.art_style].label(lang) if script.art_style in ART_STYLES else script.art_style
    lines = []
    for i, scene in enumerate(script.scenes, 1):
        said = spoken_text(script, scene)
        if len(said) > _NARRATION_CUT:
            said = said[: _NARRATION_CUT - 1] + "…"
        lines.append(f"{i}. <b>{html.escape(scene.caption)}</b> — {html.escape(said)}")
    understood = understood_html(script.premise, lang)
    if only_art:
        understood = t(lang, "art_only", art=html.escape(art)) + "\n" + understood
    if recast := recast_html(script.premise, script.style, lang):
        understood += "\n" + recast
    text = t(
        lang,
        "preview",
        title=html.escape(script.title),
        hero=html.escape(hero),
        art=html.escape(art),
        understood=understood,
        seconds=round(script.duration),
        scenes="\n".join(lines),
        footer=t(lang, "preview_confirmed" if confirmed else "preview_ask"),
    )
    if len(text) > MAX_TEXT:  # pragma: no cover - 10 scenes of capped lines stay far below
        text = text[: MAX_TEXT - 1] + "…"
    return text


def preview_keyboard(lang: str, draft: Draft) -> InlineKeyboardMarkup:
    return keyboard(
        [
            [
                (t(lang, "btn_confirm"), callbacks.encode(Action.CONFIRM, draft.id)),
                (t(lang, "btn_reroll"), callbacks.encode(Action.REROLL, draft.id)),
            ]
        ]
    )


def retry_keyboard(lang: str, draft: Draft) -> InlineKeyboardMarkup:
    return keyboard([[(t(lang, "btn_reroll"), callbacks.encode(Action.REROLL, draft.id))]])


async def write_and_show(context: Context, draft: Draft, lang: str, message: Message | None = None) -> None:
    """Write (or restyle) the draft's script and show the preview, in ``message`` or a new one.

    A ``UserError`` while writing (writer busy, daily expansions used up) replaces the "writing…"
    message with its text; anything else propagates to the error handler."""
    deps = deps_of(context)
    assert draft.style is not None and draft.art_style is not None
    with deps.drafts.writing(draft.id):
        # 1. the script: restyle a remix's parent script, else ask the writer. Only a script that
        #    takes longer than WRITING_NOTICE_S gets a "Writing…" message and a typing indicator:
        #    a quick one goes straight into the preview (one edit instead of three calls).
        try:
            parent = script_of(draft) if draft.parent_clip_id is not None else None
            if parent is not None:
                script = restyle(parent, draft.style, draft.art_style, draft.seed)
            else:
                if deps.limiter is not None:
                    deps.limiter.take(draft.owner, deps.utcnow())
                writing = asyncio.ensure_future(
                    deps.writer.write(draft.premise, draft.style, draft.language, draft.seed, draft.art_style)
                )
                done, _ = await asyncio.wait({writing}, timeout=WRITING_NOTICE_S)
                if not done:
                    # 2. say we're writing (edit the chooser in place, or post a new message)
                    if message is None:
                        message = await context.bot.send_message(draft.chat_id, t(lang, "writing"))
                    else:
                        await edit(message, t(lang, "writing"))
                    await typing(context, draft.chat_id)
                script = await writing
        except UserError as err:  # writer busy / invalid output: offer a retry; cap reached: just say so
            log.info("no script for draft %s: %s", draft.id, err.code)
            retry = None if isinstance(err, TooManyExpansions) else retry_keyboard(lang, draft)
            await show(context, draft, message, user_text(err, lang), retry, html=False)
            return
        # 3. store the script with the draft, unless /cancel discarded the draft meanwhile
        if await deps.drafts.get(draft.id) is None:
            await show(context, draft, message, t(lang, "draft_gone"))
            return
        await deps.drafts.update(draft, script=script.model_dump_json())
        # 4. the preview with Confirm / Reroll
        only_art = only_art_style(deps.settings.render.backend) is not None
        await show(context, draft, message, preview_text(lang, script, only_art=only_art), preview_keyboard(lang, draft))


async def show(context: Context, draft: Draft, message: Message | None, text: str,
               markup: InlineKeyboardMarkup | None = None, html: bool = True) -> None:
    """Put ``text`` in ``message`` (the chooser or the "Writing…" message), or post it."""
    if message is None:
        message = await context.bot.send_message(draft.chat_id, text, parse_mode=ParseMode.HTML if html else None,
                                                 reply_markup=markup)
    else:
        await edit(message, text, markup, html=html)
    deps_of(context).drafts.shown(draft.id, message.chat_id, message.message_id)


@on_button
async def reroll(update: Update, context: Context, press: Press) -> None:
    """Reroll: a new seed and a freshly written script (a remix keeps its story, new seed only)."""
    drafts = deps_of(context).drafts
    draft = await owned_draft(context, press)
    if drafts.busy(draft.id) or draft.style is None or draft.art_style is None:
        await press.answer(t(press.lang, "busy"))
        return
    draft = await drafts.update(draft, seed=new_seed())
    await press.answer()
    await write_and_show(context, draft, press.lang, press.message)


def register(app: AnyApp) -> None:
    app.add_handler(CallbackQueryHandler(reroll, pattern=callbacks.pattern(Action.REROLL)))

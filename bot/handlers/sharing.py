"""Clips that spread: inline mode, deep links and referrals.

1. Inline mode (``@<bot>`` typed in any chat; switched on with BotFather's /setinline): the user's own
   clips that Telegram already holds (``InlineQueryResultCachedVideo`` by ``file_id``), newest first,
   filtered by the query text against the title; personal results, cached briefly. Each carries a
   "Make your own" URL button: ``t.me/<bot>?start=remix_…``.
2. ``/start <payload>`` (a deep link): ``remix_…`` opens the Remix flow (``clips.open_remix``) on the
   shared clip for whoever tapped it (their own draft and job; the original shows only its title and
   video); ``ref_…`` credits a new user and the referrer once (``Store.refer``: ledger rows with unique
   keys, a daily cap per referrer). Payloads are signed and name no raw id (``bot/signed.py``); a
   forged or altered one gets a friendly line and the welcome.
3. ``/invite``: the user's own ref link.

A user is *new* when the bot has never stored them before this ``/start`` (read before anything else
in the update creates the row); inline queries never create users.
"""

from __future__ import annotations

import contextlib
import html
import logging

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultCachedVideo,
    InlineQueryResultsButton,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ChosenInlineResultHandler, CommandHandler, InlineQueryHandler

from bot import signed
from bot.delivery import title_of
from bot.handlers.clips import open_remix
from bot.handlers.common import AnyApp, Context, deps_of, send, user_lang
from bot.handlers.start import start as welcome
from petreel.i18n import Lang, norm_lang, short_date, t
from petreel.settings import Settings
from storage.models import Clip

log = logging.getLogger(__name__)

INLINE_RESULTS = 20  # results per inline answer (Telegram allows 50)
INLINE_SCAN = 50  # newest sent clips searched for a query
LINK_PREFIXES = tuple(f"{kind}_" for kind in signed.LINK_KINDS)


def link_key(settings: Settings) -> bytes:
    """The key of deep-link payloads: ``signing_key`` when set, else one derived from the bot token."""
    secret = settings.signing_key or settings.token
    return signed.derive_key(secret.get_secret_value() if secret else "petreel", "petreel-link")


def deep_link(username: str, payload: str) -> str:
    return f"https://t.me/{username}?start={payload}"


def matching(titled: list[tuple[Clip, str]], query: str) -> list[tuple[Clip, str]]:
    """The clips whose title contains every word of ``query`` (case-insensitive; empty: all) (pure)."""
    words = query.casefold().split()
    return [(clip, title) for clip, title in titled if all(w in title.casefold() for w in words)]


async def known_lang(update: Update, context: Context) -> Lang:
    """The user's language without creating them (an inline query is no first contact)."""
    user = update.effective_user
    if user is None:
        return "en"
    record = await deps_of(context).store.get_user(user.id)
    return norm_lang(record.language if record and record.language else user.language_code)


def make_own_markup(username: str, key: bytes, clip_id: int, lang: str) -> InlineKeyboardMarkup:
    url = deep_link(username, signed.link_payload(key, "remix", clip_id))
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "btn_make_own"), url=url)]])


async def inline_query(update: Update, context: Context) -> None:
    """``@<bot> words``: the asker's own clips whose title matches, shareable into the current chat."""
    query = update.inline_query
    assert query is not None
    deps = deps_of(context)
    settings = deps.settings
    lang = await known_lang(update, context)
    username = context.bot.username
    key = link_key(settings)
    # 1. the asker's clips Telegram holds, with their titles
    clips = await deps.store.sent_clips(query.from_user.id, INLINE_SCAN)
    jobs = await deps.store.get_jobs([c.job_id for c in clips])
    titled = [(clip, title_of(jobs.get(clip.job_id), clip)) for clip in clips]
    # 2. filtered by the query text, as cached videos with a "Make your own" link
    results = [
        InlineQueryResultCachedVideo(
            id=signed.link_payload(key, "remix", clip.id)[len("remix_"):],
            video_file_id=clip.file_id or "",
            title=title[:128],
            description=t(lang, "inline_description", seconds=round(clip.duration), day=short_date(clip.created, lang)),
            caption=t(lang, "share_caption", title=html.escape(title[:200]), bot=username),
            parse_mode=ParseMode.HTML,
            reply_markup=make_own_markup(username, key, clip.id, lang),
        )
        for clip, title in matching(titled, query.query)[:INLINE_RESULTS]
    ]
    # 3. nobody's results but the asker's (is_personal), cached briefly; no clips yet: a button to start
    button = None if clips else InlineQueryResultsButton(t(lang, "inline_none"), start_parameter="inline")
    await query.answer(results, cache_time=settings.sharing.inline_cache_s, is_personal=True, button=button)


async def chosen(update: Update, context: Context) -> None:
    """A shared clip was posted somewhere (Telegram tells when inline feedback is on): logged."""
    result = update.chosen_inline_result
    assert result is not None
    log.info("user %s shared a clip inline", result.from_user.id)


async def start_with_payload(update: Update, context: Context) -> None:
    """``/start <payload>``: a remix or ref deep link; anything else gets the plain welcome."""
    user = update.effective_user
    assert user is not None and update.effective_chat is not None
    deps = deps_of(context)
    is_new = await deps.store.get_user(user.id) is None  # before user_lang stores them
    lang = await user_lang(update, context)
    payload = (context.args or [""])[0]
    link = signed.read_link(link_key(deps.settings), payload)
    if link is None:
        if payload.startswith(LINK_PREFIXES):
            log.info("user %s opened a forged or altered deep link", user.id)
            await send(update, context, t(lang, "link_invalid"))
        await welcome(update, context)
        return
    if link.kind == "remix":
        await _remix(update, context, link.number, lang)
    else:
        await _referral(update, context, link.number, is_new, lang)


async def _remix(update: Update, context: Context, clip_id: int, lang: Lang) -> None:
    user, chat = update.effective_user, update.effective_chat
    assert user is not None and chat is not None
    store = deps_of(context).store
    clip = await store.get_clip(clip_id)
    job = await store.get_job(clip.job_id) if clip is not None else None
    if clip is None or job is None or not clip.available:
        await send(update, context, t(lang, "remix_gone"))
        return
    if clip.owner == user.id:  # one's own shared clip: the ordinary Remix
        await open_remix(context, user.id, chat.id, job, lang, parent_clip_id=clip.id, premise=job.premise)
        return
    # someone else's clip: its video and title only; the new draft (and job) belongs to this user
    title = title_of(job, clip)
    intro = t(lang, "remix_shared", title=html.escape(title))
    if clip.file_id:
        await context.bot.send_video(chat.id, clip.file_id, caption=intro, parse_mode=ParseMode.HTML)
    else:
        await send(update, context, intro)
    await open_remix(context, user.id, chat.id, job, lang, parent_clip_id=None, premise=title)


async def _referral(update: Update, context: Context, referrer: int, is_new: bool, lang: Lang) -> None:
    user = update.effective_user
    assert user is not None
    deps = deps_of(context)
    sharing = deps.settings.sharing
    if referrer == user.id:
        await welcome(update, context)
        await send(update, context, t(lang, "ref_own_link"))
        return
    if not is_new:
        await welcome(update, context)
        await send(update, context, t(lang, "ref_not_new"))
        return
    outcome = await deps.store.refer(user.id, referrer, sharing.referral_credits, sharing.referral_daily_cap)
    log.info("new user %s came by a ref link: %s", user.id, outcome)
    await welcome(update, context)
    if outcome != "credited":
        return
    await send(update, context, t(lang, "ref_credited", credits=sharing.referral_credits))
    record = await deps.store.get_user(referrer)
    with contextlib.suppress(TelegramError):  # the referrer may have blocked the bot
        await context.bot.send_message(
            referrer, t(norm_lang(record.language if record else None), "ref_credited_referrer",
                        credits=sharing.referral_credits),
        )  # fmt: skip


async def invite(update: Update, context: Context) -> None:
    """/invite: the user's own ref link and what it earns."""
    user = update.effective_user
    assert user is not None
    lang = await user_lang(update, context)
    deps = deps_of(context)
    sharing = deps.settings.sharing
    username = context.bot.username
    url = html.escape(deep_link(username, signed.link_payload(link_key(deps.settings), "ref", user.id)))
    link = f'<a href="{url}">{url}</a>'
    if sharing.referral_credits and sharing.referral_daily_cap:
        text = t(lang, "invite", credits=sharing.referral_credits, cap=sharing.referral_daily_cap, link=link, bot=username)
    else:
        text = t(lang, "invite_off", link=link, bot=username)
    await send(update, context, text)


def register(app: AnyApp) -> None:
    # before start's own /start handler: this one takes only a /start with a payload
    app.add_handler(CommandHandler("start", start_with_payload, has_args=True))
    app.add_handler(CommandHandler("invite", invite))
    app.add_handler(InlineQueryHandler(inline_query))
    app.add_handler(ChosenInlineResultHandler(chosen))

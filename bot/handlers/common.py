"""What every handler module shares: the injected dependencies, the user's language, replies, and
the callback-query wrapper that answers every button press (even when the handler fails)."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, CallbackContext, ExtBot

from bot import callbacks
from bot.handlers.drafts import DraftBook
from bot.throttle import ChatThrottle
from petreel.errors import CallbackError, UserError
from petreel.i18n import Lang, norm_lang, t
from petreel.settings import Settings

if TYPE_CHECKING:
    from storage.store import AsyncStore
    from story.llm import ScriptWriter

log = logging.getLogger(__name__)

# the bot's ExtBot carries the send path's priorities as ``rate_limit_args`` (bot/sending.py)
Context = CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], dict[Any, Any]]
AnyApp = Application[Any, Any, Any, Any, Any, Any]


class Limiter(Protocol):
    def take(self, user_id: int, now: datetime) -> Any: ...


async def allow_all(text: str) -> None:
    return None


@dataclass
class Deps:
    """Everything handlers need, built once in ``bot/app.py`` and kept in ``app.bot_data["deps"]``."""

    settings: Settings
    store: AsyncStore
    writer: ScriptWriter
    limiter: Limiter | None = None  # per-user daily script expansions
    moderate: Callable[[str], Awaitable[None]] = allow_all  # raises ContentRefused
    throttle: ChatThrottle = field(default_factory=lambda: ChatThrottle(1.0))
    clock: Callable[[], float] = time.monotonic
    utcnow: Callable[[], datetime] = lambda: datetime.now(UTC)
    drafts: DraftBook = field(init=False)  # stored drafts (survive a restart), over ``store``

    def __post_init__(self) -> None:
        self.drafts = DraftBook(self.store)

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.settings.telegram.admins


def bot_deps(app: AnyApp) -> Deps:
    deps = app.bot_data["deps"]
    assert isinstance(deps, Deps)
    return deps


def deps_of(context: Context) -> Deps:
    return bot_deps(context.application)


async def user_lang(update: Update, context: Context) -> Lang:
    """The user's stored language (first contact: from Telegram's ``language_code``), cached per user."""
    cached = context.user_data.get("lang") if context.user_data is not None else None
    if cached in ("en", "zh"):
        return norm_lang(cached)
    user = update.effective_user
    if user is None:
        return "en"
    record = await deps_of(context).store.ensure_user(user.id, norm_lang(user.language_code))
    lang = norm_lang(record.language or user.language_code)
    if context.user_data is not None:
        context.user_data["lang"] = lang
    return lang


def user_text(err: UserError, lang: str) -> str:
    """What a person reads for ``err`` in ``lang``. Some errors append a detail (``BadPremise``: "too
    long: 501 characters…") that exists only in English, so a Chinese reader gets the message alone."""
    return err.message("en") if norm_lang(lang) == "en" else err.text("zh")


def remember_lang(context: Context, lang: str) -> None:
    if context.user_data is not None:
        context.user_data["lang"] = norm_lang(lang)


async def send(update: Update, context: Context, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send an HTML message to the update's chat."""
    chat = update.effective_chat
    assert chat is not None
    return await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


def not_modified(err: BaseException) -> bool:
    """Telegram's "message is not modified" (PTB capitalises it): harmless, never surfaced."""
    return "message is not modified" in str(err).lower()


async def edit(message: Message, text: str, markup: InlineKeyboardMarkup | None = None, html: bool = True) -> None:
    """Edit a bot message in place; an identical edit (a double press) is not an error."""
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML if html else None, reply_markup=markup)
    except BadRequest as err:
        if not not_modified(err):
            raise


async def typing(context: Context, chat_id: int) -> None:
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)


def keyboard(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback data)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows])


def in_rows(buttons: list[tuple[str, str]], per_row: int = 2) -> list[list[tuple[str, str]]]:
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]


@dataclass
class Press:
    """One button press being handled: the decoded button, the presser and their language."""

    query: CallbackQuery
    user_id: int
    lang: Lang = "en"
    decoded: callbacks.Button | None = None
    answered: bool = False

    @property
    def button(self) -> callbacks.Button:
        assert self.decoded is not None, "the wrapper decodes before calling the handler"
        return self.decoded

    async def answer(self, text: str | None = None, alert: bool = False) -> None:
        """Answer the query once (Telegram shows ``text`` as a toast/alert); later calls do nothing."""
        if self.answered:
            return
        self.answered = True
        await self.query.answer(text[:200] if text else None, show_alert=alert or None)

    async def answer_quietly(self, text: str | None = None, alert: bool = False) -> None:
        with contextlib.suppress(TelegramError):
            await self.answer(text, alert)

    @property
    def message(self) -> Message | None:
        msg = self.query.message
        return msg if isinstance(msg, Message) else None

    @property
    def chat_id(self) -> int:
        """The chat the button was pressed in (the presser's private chat when unknown)."""
        return self.query.message.chat.id if self.query.message is not None else self.user_id


ButtonFn = Callable[[Update, Context, Press], Awaitable[None]]
MAX_ANSWER = 200  # characters Telegram shows in a callback query's answer


def on_button(fn: ButtonFn) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """Wrap a button handler: decode the data, and answer the query whatever happens.

    A ``UserError`` is said once, where the presser looks: as an alert on the button when it fits
    Telegram's 200 characters, else (something to read) as a chat message by the error handler;
    undecodable data is answered "no longer valid"; anything else is answered silently and
    re-raised (the error handler logs it and apologises)."""

    async def wrapper(update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None
        press = Press(query, query.from_user.id)
        try:
            press.lang = await user_lang(update, context)
            press.decoded = callbacks.decode(query.data)
            await fn(update, context, press)
        except CallbackError as err:
            log.info("refused callback data from %s: %s", query.from_user.id, err)
            await press.answer_quietly(t(press.lang, "unknown_button"), alert=True)
        except UserError as err:
            text = user_text(err, press.lang)
            if len(text) > MAX_ANSWER or press.answered:
                raise  # the error handler posts it in the chat
            log.info("user error %s on a button of %s", err.code, query.from_user.id)
            await press.answer_quietly(text, alert=True)
        finally:
            await press.answer_quietly()

    wrapper.__name__ = getattr(fn, "__name__", "button")
    wrapper.__doc__ = fn.__doc__
    return wrapper

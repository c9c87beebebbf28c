"""Builds the python-telegram-bot ``Application``: the only place the bot is wired together.

``build_application(settings, store, writer)`` sets concurrent updates, the send path
(``bot/sending.py``: replies before status edits before typing indicators, inside Telegram's flood
limits, each 429 honoured once), the token and API URLs, every handler module's
``register(app)``, the one error handler, the command menu (en + zh) and the delivery loop
(started in ``post_init``, stopped in ``post_stop``/``post_shutdown``). ``running(app)`` runs it
inside an existing event loop (polling or webhook) for ``petreel bot`` / ``petreel up`` and tests.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import ApplicationBuilder

from bot.delivery import Delivery
from bot.handlers import (
    account,
    admin,
    clips,
    confirm,
    errors,
    history,
    lines,
    payments,
    premise,
    script,
    sharing,
    stale,
    start,
    unknown,
)
from bot.handlers.common import AnyApp, Deps, Limiter, bot_deps
from bot.sending import PriorityLimiter
from bot.throttle import ChatThrottle
from petreel.settings import Settings

if TYPE_CHECKING:
    from storage.store import AsyncStore
    from story.llm import ScriptWriter

log = logging.getLogger(__name__)

# Handler modules in registration order; ``sharing`` (inline mode, /start with a deep-link payload)
# comes before ``start``, whose /start takes the rest; ``unknown`` (commands nobody claimed) follows every module
# with commands, and ``stale`` (the catch-all for unclaimed buttons) stays last.
HANDLER_MODULES = (sharing, start, premise, script, confirm, clips, lines, history, account, admin, payments, unknown, errors, stale)
RATE_LIMIT_RETRIES = 3
# HTTP connections to the Bot API. httpcore scans every pooled connection (a getpeername and a poll
# each) for every request it places, so PTB's default of 256 made the bot spend most of its CPU in
# that scan under load; the send path lets ~25 chat-bound requests a second through, and 32
# connections serve those, the button answers and an upload or two. A request finding all busy
# waits for one (POOL_TIMEOUT_S) instead of failing after PTB's default second.
BOT_CONNECTIONS = 32
POOL_TIMEOUT_S = 30.0
DELIVERY_KEY = "delivery"


def default_moderator(settings: Settings, writer: object = None) -> Callable[[str], Awaitable[None]]:
    """The local blocklist, plus the endpoint's /moderations when ``settings.llm.moderation`` is on.

    A writer that moderates its premises itself (``LLMWriter``) lends its ``Moderator``: it remembers
    the endpoint's verdicts, so the check on arrival and the writer's own check on every (re)write
    cost one endpoint call per premise, not one per step."""
    from story.moderation import Moderator

    own = getattr(writer, "moderator", None)
    if isinstance(own, Moderator):
        return own.check
    client: Any = None
    if settings.llm.moderation and settings.llm.base_url:
        import openai

        key = settings.llm.api_key.get_secret_value() if settings.llm.api_key else "none"
        client = openai.AsyncOpenAI(base_url=settings.llm.base_url, api_key=key, timeout=settings.llm.timeout_s)
    return Moderator(client, enabled=client is not None).check


def default_limiter(settings: Settings) -> Limiter:
    from story.llm import ExpansionLimiter

    limiter: Limiter = ExpansionLimiter(settings.llm.daily_expansions)
    return limiter


def build_application(
    settings: Settings,
    store: AsyncStore,
    writer: ScriptWriter,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    limiter: Limiter | None = None,
    moderate: Callable[[str], Awaitable[None]] | None = None,
    delivery_poll_s: float = 0.25,
) -> AnyApp:
    token = settings.token
    if token is None:
        raise ValueError("no bot token: set PETREEL_TELEGRAM__TOKEN / TELEGRAM_BOT_TOKEN or use the sandbox")
    app: AnyApp = (
        ApplicationBuilder()
        .token(token.get_secret_value())
        .base_url(base_url or settings.telegram.base_url)
        .base_file_url(base_file_url or settings.telegram.base_file_url)
        .concurrent_updates(True)
        .connection_pool_size(BOT_CONNECTIONS)
        .pool_timeout(POOL_TIMEOUT_S)
        .rate_limiter(PriorityLimiter(max_retries=RATE_LIMIT_RETRIES))
        .post_init(_post_init)
        .post_stop(_stop_delivery)
        .post_shutdown(_stop_delivery)
        .build()
    )
    app.bot_data["deps"] = Deps(
        settings=settings,
        store=store,
        writer=writer,
        limiter=limiter if limiter is not None else default_limiter(settings),
        moderate=moderate or default_moderator(settings, writer),
        throttle=ChatThrottle(settings.telegram.chat_throttle_s),
    )
    app.bot_data[DELIVERY_KEY] = Delivery(app.bot, store, settings, poll_s=delivery_poll_s)
    for module in HANDLER_MODULES:
        module.register(app)
    return app


def delivery_of(app: AnyApp) -> Delivery:
    delivery = app.bot_data[DELIVERY_KEY]
    assert isinstance(delivery, Delivery)
    return delivery


async def set_commands(app: AnyApp) -> None:
    """The command menu in English (default) and Chinese (``language_code="zh"``); ``/buy`` is in it
    only while credit packs are on sale."""
    payments = bool(bot_deps(app).settings.payments.packs)
    await app.bot.set_my_commands(start.menu("en", payments))
    await app.bot.set_my_commands(start.menu("zh", payments), language_code="zh")


async def _post_init(app: AnyApp) -> None:
    await set_commands(app)
    delivery_of(app).start()
    log.info("bot @%s ready; delivery loop started", app.bot.username)


async def _stop_delivery(app: AnyApp) -> None:
    delivery = delivery_of(app)
    if delivery.running:
        await delivery.stop()
        log.info("delivery loop stopped")
        limiter = app.bot.rate_limiter
        if isinstance(limiter, PriorityLimiter):
            log.info("send path: %s", limiter.stats.summary())


def webhook_with_secret(webhook: dict[str, Any] | None) -> dict[str, Any]:
    """The webhook arguments with a ``secret_token``: the configured one, or 256 random bits (Telegram
    allows 1–256 characters ``A-Z a-z 0-9 _ -``)."""
    hook = dict(webhook or {})
    if not hook.get("secret_token"):
        hook["secret_token"] = secrets.token_urlsafe(32)
        log.info("no PETREEL_TELEGRAM__WEBHOOK_SECRET: registering the webhook with a random secret for this run")
    return hook


@contextlib.asynccontextmanager
async def running(
    app: AnyApp,
    *,
    mode: str = "polling",
    poll_interval: float = 0.0,
    poll_timeout_s: float = 10.0,
    webhook: dict[str, Any] | None = None,
) -> AsyncIterator[AnyApp]:
    """Run ``app`` inside the current event loop until the block exits: initialize, ``post_init``,
    start, then polling (or the webhook server), and on exit the reverse with ``post_stop`` and
    ``post_shutdown`` – the same order ``Application.run_polling`` uses.

    A webhook never runs without a secret: when none is configured a strong random one is made for
    this run and registered with ``setWebhook``, so the server answers 403 to any POST whose
    ``X-Telegram-Bot-Api-Secret-Token`` header is missing or wrong, before reading its body."""
    webhook = webhook_with_secret(webhook) if mode == "webhook" else webhook
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        if mode == "webhook":
            await app.updater.start_webhook(**(webhook or {}))
        else:
            await app.updater.start_polling(
                poll_interval=poll_interval, timeout=timedelta(seconds=poll_timeout_s), allowed_updates=Update.ALL_TYPES
            )
        try:
            yield app
        finally:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)


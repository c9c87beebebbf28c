"""``petreel bot`` and ``petreel up``.

``petreel bot`` runs the Telegram bot (long polling, or the webhook server when
``PETREEL_TELEGRAM__MODE=webhook``). With no token it starts the local Bot API sandbox plus the web
chat page on ``http_host:http_port`` and points the bot at it, so it can be tried without Telegram.
``petreel up`` is the same plus one ``petreel worker`` process: everything needed for a demo.

Ctrl-C / SIGTERM stop everything cleanly with exit code 0: the bot stops polling and its delivery
loop (an upload in progress finishes), and the worker is asked to stop (finish or hand back its job;
a second signal makes it release its lease at once). Jobs are durable in SQLite, so none is lost.

Telegram-dependent modules are imported inside the commands, after ``PTB_TIMEDELTA`` is set.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from petreel.settings import Settings, load_settings

if TYPE_CHECKING:
    from aiohttp import web

    from bot.sandbox import BotApiSandbox
    from storage.store import AsyncStore

log = logging.getLogger("petreel.bot")

WORKER_GRACE_S = 10.0


def add_parsers(subparsers: Any) -> None:
    bot = subparsers.add_parser("bot", help="run the Telegram bot (sandbox + web chat page when no token is set)")
    bot.set_defaults(func=run_bot, with_worker=False, renderer=None)
    up = subparsers.add_parser("up", help="bot + one render worker (+ sandbox and web chat page when no token)")
    up.add_argument("--renderer", default=None, help="module:factory renderer for the worker (tests, plug-ins)")
    up.set_defaults(func=run_bot, with_worker=True)


def run_bot(args: argparse.Namespace) -> int:
    # python-telegram-bot 22: durations as datetime.timedelta (must be set before telegram is used)
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    from petreel.logs import setup_logging

    settings = load_settings()
    setup_logging(settings)
    if settings.telegram.mode == "webhook" and settings.token is not None and not settings.telegram.webhook_url:
        print("petreel: error: webhook mode needs PETREEL_TELEGRAM__WEBHOOK_URL", file=sys.stderr)
        return 2
    try:
        return asyncio.run(serve(settings, with_worker=args.with_worker, renderer=args.renderer))
    except KeyboardInterrupt:  # a signal before the handlers were installed
        return 0


async def serve(settings: Settings, *, with_worker: bool, renderer: str | None = None) -> int:
    """Run until SIGINT/SIGTERM; returns the exit code."""
    from bot.app import build_application, running
    from bot.writer import make_writer
    from storage.store import AsyncStore

    # 1. stop signals
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    async with AsyncStore.from_settings(settings) as store, contextlib.AsyncExitStack() as stack:
        # 2. the HTTP side: sandbox + web chat page when there is no token, ops routes always
        sandbox = None
        if settings.token is None:
            sandbox = await stack.enter_async_context(_sandbox(settings, store))
            settings = _with_token(settings, sandbox.token)
            log.info("no bot token: sandbox Bot API and web chat page at %s", sandbox.root_url)
        else:
            await stack.enter_async_context(_ops_site(settings, store))
        # 3. the worker process
        if with_worker:
            await stack.enter_async_context(_worker_process(renderer))
        # 4. the bot (polling, or the webhook server)
        writer = make_writer(settings)
        app = build_application(
            settings,
            store,
            writer,
            base_url=sandbox.base_url if sandbox else None,
            base_file_url=sandbox.base_file_url if sandbox else None,
        )
        async with running(app, **_mode(settings, sandbox is not None)):
            log.info("PetReel is up (%s); Ctrl-C stops it", "sandbox" if sandbox else settings.telegram.mode)
            await stop.wait()
            log.info("stopping…")
        aclose = getattr(writer, "aclose", None)
        if aclose is not None:
            await aclose()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.remove_signal_handler(sig)
    log.info("stopped")
    return 0


def _with_token(settings: Settings, token: str) -> Settings:
    from pydantic import SecretStr

    telegram = settings.telegram.model_copy(update={"token": SecretStr(token), "mode": "polling"})
    return settings.model_copy(update={"telegram": telegram})


def _mode(settings: Settings, sandboxed: bool) -> dict[str, Any]:
    tg = settings.telegram
    if sandboxed or tg.mode != "webhook":
        return {"mode": "polling", "poll_timeout_s": 10.0}
    assert tg.webhook_url is not None
    return {
        "mode": "webhook",
        "webhook": {
            "listen": tg.webhook_listen,
            "port": tg.webhook_port,
            "url_path": urlparse(tg.webhook_url).path.lstrip("/"),
            "webhook_url": tg.webhook_url,
            "secret_token": tg.webhook_secret.get_secret_value() if tg.webhook_secret else None,
        },
    }


def _optional_routes(settings: Settings, store: AsyncStore, sandbox: BotApiSandbox | None) -> list[web.RouteDef]:
    """The web chat page and the ops routes, each only when its module is installed."""
    routes: list[web.RouteDef] = []
    if sandbox is not None:
        try:
            from bot.sandbox.web import web_routes
        except ImportError:  # pragma: no cover - the page is part of the sandbox package
            log.warning("web chat page unavailable")
        else:
            routes += web_routes(sandbox)
    try:
        from petreel.ops import ops_routes
    except ImportError:  # pragma: no cover - ops module absent
        log.warning("ops routes (/healthz, /metrics) unavailable")
    else:
        routes += ops_routes(store, settings)
    return routes


@contextlib.asynccontextmanager
async def _sandbox(settings: Settings, store: AsyncStore) -> AsyncIterator[BotApiSandbox]:
    from bot.sandbox import BotApiSandbox

    sandbox = BotApiSandbox(host=settings.http_host, port=settings.http_port)
    app = sandbox.make_app()
    app.add_routes(_optional_routes(settings, store, sandbox))
    await sandbox.start(app)
    try:
        yield sandbox
    finally:
        await sandbox.stop()


@contextlib.asynccontextmanager
async def _ops_site(settings: Settings, store: AsyncStore) -> AsyncIterator[None]:
    from aiohttp import web

    app = web.Application()
    app.add_routes(_optional_routes(settings, store, None))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.http_host, settings.http_port).start()
    log.info("ops routes at http://%s:%s/healthz", settings.http_host, settings.http_port)
    try:
        yield
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def _worker_process(renderer: str | None) -> AsyncIterator[asyncio.subprocess.Process]:
    """``petreel worker`` as a child in its own session (a terminal's Ctrl-C reaches only us; we
    forward the stop): SIGTERM asks it to finish, a second SIGTERM after the grace period makes it
    release its lease, and only then is it killed."""
    cmd = [sys.executable, "-m", "petreel.cli", "worker"] + (["--renderer", renderer] if renderer else [])
    proc = await asyncio.create_subprocess_exec(*cmd, start_new_session=True)
    log.info("worker process %s started", proc.pid)
    try:
        yield proc
    finally:
        for attempt in range(3):
            if proc.returncode is not None:
                break
            if attempt < 2:
                proc.send_signal(signal.SIGTERM)
            else:
                proc.kill()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), WORKER_GRACE_S)
        log.info("worker process exited with %s", proc.returncode)

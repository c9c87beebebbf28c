"""``petreel bot``, ``petreel up`` and ``petreel sandbox``.

``petreel bot`` runs the Telegram bot (long polling, or the webhook server when
``PETREEL_TELEGRAM__MODE=webhook``). With no token it starts the local Bot API sandbox plus the web
chat page on ``http_host:http_port`` and points the bot at it, so it can be tried without Telegram.
``petreel up`` is the same plus one ``petreel worker`` process: everything needed for a demo.
Both always serve ``/healthz`` and ``/metrics`` on ``http_host:http_port`` (the Docker HEALTHCHECK).
``petreel sandbox`` runs only the Bot API sandbox and the web chat page, and prints the URLs and
token to point any bot at (``PETREEL_TELEGRAM__BASE_URL``...).

The sandbox keeps its chats, messages, files and pending updates in ``<data_dir>/sandbox/<bot id>``
(``sandbox/persist.py``), so after a restart the web chat page shows the same conversation and a
clip queued before the restart is delivered into it without the person typing anything.

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
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from petreel.errors import ConfigError
from petreel.settings import Settings, load_settings

if TYPE_CHECKING:
    from aiohttp import web

    from sandbox import BotApiSandbox
    from storage.store import AsyncStore

log = logging.getLogger("petreel.bot")

WORKER_GRACE_S = 10.0
MESSAGE_ID_EPOCH = 1_735_689_600  # 2025-01-01 UTC


_ENV_HELP = (
    "Main settings: TELEGRAM_BOT_TOKEN, PETREEL_DATA_DIR, PETREEL_HTTP_HOST, PETREEL_HTTP_PORT, "
    "PETREEL_LLM__BASE_URL / PETREEL_LLM__API_KEY / PETREEL_LLM__MODEL (an LLM writer; unset: offline), "
    "PETREEL_LOG_LEVEL. All of them: docs/CONFIGURATION.md."
)


def add_parsers(subparsers: Any) -> None:
    bot = subparsers.add_parser(
        "bot", help="run the Telegram bot (sandbox + web chat page when no token is set)",
        description="Run the Telegram bot. With TELEGRAM_BOT_TOKEN (or PETREEL_TELEGRAM__TOKEN) it talks to "
        "Telegram (polling, or PETREEL_TELEGRAM__MODE=webhook on PETREEL_TELEGRAM__WEBHOOK_PORT, 8443); "
        "without one it starts the local Bot API sandbox and the web chat page. The page, /healthz and "
        "/metrics are served on PETREEL_HTTP_HOST:PETREEL_HTTP_PORT (127.0.0.1:8080). The queue and clips "
        "live in PETREEL_DATA_DIR (./data). Render workers run separately: `petreel worker`.",
        epilog=_ENV_HELP,
    )
    bot.set_defaults(func=run_bot, with_worker=False, renderer=None)
    up = subparsers.add_parser(
        "up", help="bot + one render worker (+ sandbox and web chat page when no token)",
        description="The bot (see `petreel bot --help`) and one render worker process on the same "
        "PETREEL_DATA_DIR (./data): everything on one machine. Open http://PETREEL_HTTP_HOST:PETREEL_HTTP_PORT "
        "(127.0.0.1:8080) to chat when no token is set. Ctrl-C stops both; queued jobs wait in the database.",
        epilog=_ENV_HELP,
    )
    up.add_argument("--renderer", default=None, help="module:factory renderer for the worker (tests, plug-ins)")
    up.set_defaults(func=run_bot, with_worker=True)
    sandbox = subparsers.add_parser(
        "sandbox", help="only the local Bot API sandbox + web chat page (point another bot at it)"
    )
    sandbox.add_argument("--host", default=None, help="address to bind (default: PETREEL_HTTP_HOST)")
    sandbox.add_argument("--port", type=int, default=None, help="port to bind, 0 for a free one (default: PETREEL_HTTP_PORT)")
    sandbox.add_argument("--token", default=None, help="bot token the sandbox accepts (default: 123456:TEST)")
    sandbox.set_defaults(func=run_sandbox)


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
    from storage.store import AsyncStore
    from story.llm import make_writer

    # 1. stop signals
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    ensure_data_dir(settings.data_dir)
    async with AsyncStore.from_settings(settings) as store, contextlib.AsyncExitStack() as stack:
        # 2. the HTTP side: sandbox + web chat page when there is no token, ops routes always
        sandbox = None
        if settings.token is None:
            sandbox = await stack.enter_async_context(_sandbox(settings, store, with_worker))
            settings = _with_token(settings, sandbox.token)
            log.info("no bot token: sandbox Bot API and web chat page at %s", sandbox.root_url)
        else:
            await stack.enter_async_context(_ops_site(settings, store, with_worker))
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
        mode = _mode(settings, sandbox is not None)
        async with contextlib.AsyncExitStack() as bot_running:
            try:
                await bot_running.enter_async_context(running(app, **mode))
            except OSError as exc:  # the webhook server's port
                hook = mode.get("webhook") or {}
                raise bind_error(hook.get("listen", ""), hook.get("port", 0), exc,
                                 "PETREEL_TELEGRAM__WEBHOOK_PORT") from None
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


def ensure_data_dir(path: Path) -> None:
    """Create the data directory; one line naming ``PETREEL_DATA_DIR`` when that is not possible."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".petreel-write-test-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"PETREEL_DATA_DIR={str(path)!r} can't be used ({exc.strerror or exc}); "
            "set PETREEL_DATA_DIR to a writable directory"
        ) from None


def bind_error(host: str, port: int, exc: OSError, variable: str = "PETREEL_HTTP_PORT") -> ConfigError:
    """One line for a listening socket that can't be opened (port in use, no permission, bad address)."""
    why = exc.strerror or str(exc)
    return ConfigError(
        f"can't listen on {host}:{port} ({why}); set {variable} to a free port "
        f"(or stop the program using {port})"
    )


def run_sandbox(args: argparse.Namespace) -> int:
    from petreel.logs import setup_logging

    settings = load_settings()
    setup_logging(settings)
    host = args.host if args.host is not None else settings.http_host
    port = args.port if args.port is not None else settings.http_port
    try:
        return asyncio.run(serve_sandbox(host, port, args.token, state_root=settings.data_dir / "sandbox"))
    except KeyboardInterrupt:  # a signal before the handlers were installed
        return 0


async def serve_sandbox(host: str, port: int, token: str | None = None, state_root: Path | None = None) -> int:
    """The Bot API sandbox and the web chat page until SIGINT/SIGTERM; prints where they are.
    ``state_root``: keep the state in ``state_root/<bot id>`` across restarts (None: memory only)."""
    from sandbox import BotApiSandbox
    from sandbox.server import DEFAULT_TOKEN
    from sandbox.web import web_app

    # 1. stop signals
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # 2. serve, 3. say where, 4. wait
    token = token or DEFAULT_TOKEN
    state_dir = sandbox_state_dir(state_root, token) if state_root is not None else None
    sandbox = BotApiSandbox(token=token, host=host, port=port, state_dir=state_dir)
    sandbox.state.first_message_id = first_message_id(time.time())
    try:
        await sandbox.start(web_app(sandbox))
    except OSError as exc:
        await sandbox.stop()
        raise bind_error(host, port, exc, "PETREEL_HTTP_PORT (or --port)") from None
    try:
        print(sandbox_banner(_reachable(sandbox.root_url or ""), sandbox.token), flush=True)
        await stop.wait()
    finally:
        await sandbox.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("sandbox stopped")
    return 0


def sandbox_banner(root_url: str, token: str) -> str:
    """What ``petreel sandbox`` prints: the page, the Bot API base URL and how to point a bot at it."""
    return "\n".join(
        [
            f"Bot API sandbox: {root_url}/bot",
            f"web chat page:   {root_url}/",
            f"bot token:       {token}",
            "point a bot at it (Ctrl-C stops the sandbox):",
            f"  PETREEL_TELEGRAM__TOKEN={token} PETREEL_TELEGRAM__BASE_URL={root_url}/bot \\",
            f"  PETREEL_TELEGRAM__BASE_FILE_URL={root_url}/file/bot PETREEL_HTTP_PORT=<another port> petreel up",
        ]
    )


def sandbox_state_dir(root: Path, token: str) -> Path:
    """Where a sandbox for ``token`` keeps its state: one folder per bot id (digits only, so no
    user-chosen text reaches the path; a token of another shape falls back to the default bot id)."""
    bot_id = token.split(":", 1)[0]
    return root / (bot_id if bot_id.isdigit() else "123456")


def first_message_id(now: float) -> int:
    """Where message ids of a new chat start in a sandbox started at ``now``. Chats restored from
    the state directory go on with their own numbering; but when that state is gone (deleted, or
    unreadable and set aside) the bot still holds ids from the last run (status messages of queued
    and running jobs): ids from ten per second since 2025 never meet those of an earlier run (a
    chat gets far fewer than ten messages a second), so such an edit misses instead of hitting a
    new message."""
    return max(1, int((now - MESSAGE_ID_EPOCH) * 10))


def _reachable(root_url: str) -> str:
    """A wildcard bind address is not something to type into a browser: show loopback instead."""
    parsed = urlparse(root_url)
    if parsed.hostname in ("0.0.0.0", "::"):
        return f"{parsed.scheme}://127.0.0.1:{parsed.port}"
    return root_url


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


def _optional_routes(
    settings: Settings, store: AsyncStore, sandbox: BotApiSandbox | None, with_worker: bool
) -> list[web.RouteDef]:
    """The web chat page (with the sandbox) and the ops routes. ``/healthz``
    needs a live worker only when this process started one (``petreel up``); ``petreel bot``'s
    workers run elsewhere, so it is healthy while the database answers (the worker rows are still
    reported)."""
    routes: list[web.RouteDef] = []
    if sandbox is not None:
        from sandbox.web import web_routes

        routes += web_routes(sandbox)
    from ops.server import ops_routes

    routes += ops_routes(store, settings, require_worker=with_worker)
    return routes


@contextlib.asynccontextmanager
async def _sandbox(settings: Settings, store: AsyncStore, with_worker: bool) -> AsyncIterator[BotApiSandbox]:
    from sandbox import BotApiSandbox
    from sandbox.server import DEFAULT_TOKEN

    state_dir = sandbox_state_dir(settings.data_dir / "sandbox", DEFAULT_TOKEN)
    sandbox = BotApiSandbox(host=settings.http_host, port=settings.http_port, state_dir=state_dir)
    sandbox.state.first_message_id = first_message_id(time.time())
    app = sandbox.make_app()
    app.add_routes(_optional_routes(settings, store, sandbox, with_worker))
    try:
        await sandbox.start(app)
    except OSError as exc:
        await sandbox.stop()
        raise bind_error(settings.http_host, settings.http_port, exc) from None
    try:
        yield sandbox
    finally:
        await sandbox.stop()


@contextlib.asynccontextmanager
async def _ops_site(settings: Settings, store: AsyncStore, with_worker: bool) -> AsyncIterator[None]:
    from aiohttp import web

    app = web.Application()
    app.add_routes(_optional_routes(settings, store, None, with_worker))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, settings.http_host, settings.http_port).start()
    except OSError as exc:
        await runner.cleanup()
        raise bind_error(settings.http_host, settings.http_port, exc) from None
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

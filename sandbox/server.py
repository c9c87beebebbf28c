"""A local Telegram Bot API server for tests and demos, with simulated users.

Usage (tests drive the real python-telegram-bot client over loopback)::

    from sandbox import BotApiSandbox

    async with BotApiSandbox() as sandbox:                  # token "123456:TEST", 127.0.0.1, free port
        app = (Application.builder().token(sandbox.token)
               .base_url(sandbox.base_url).base_file_url(sandbox.base_file_url).build())
        ...register handlers, then: async with app: await app.start(); await app.updater.start_polling()
        ann = sandbox.user(1001, first_name="Ann", language_code="en")
        await ann.send("/start")                            # a message update, long-polled by the bot
        welcome = await ann.wait_for_text("Welcome")        # MessageView (text, buttons, video, edits...)
        qid = await ann.press(welcome, ann.button(welcome, "Make a clip"))
        await ann.wait_for(lambda chat: ann.answered(qid))
        assert sandbox.violations == []                     # every request was checked against Bot API 10.0

What it speaks: ``/bot{token}/{method}`` (GET/POST; JSON, urlencoded or multipart bodies; method names
case-insensitive; wrong token -> 401 Unauthorized; unknown method -> 404) and file downloads under
``/file/bot{token}/{file_path}``. Implemented methods: getMe, getUpdates (long polling with
offset/limit/timeout/allowed_updates; a second poller ends the first with 409 Conflict), setWebhook /
deleteWebhook / getWebhookInfo (updates are POSTed to the webhook URL, http allowed), setMyCommands /
getMyCommands / deleteMyCommands, setMyName/Description/ShortDescription, setChatMenuButton /
getChatMenuButton, sendMessage, editMessageText, editMessageCaption, editMessageReplyMarkup,
deleteMessage(s), answerCallbackQuery, sendChatAction, sendVideo, sendPhoto, sendDocument, getFile, and
Telegram Stars payments (sendInvoice, answerPreCheckoutQuery, refundStarPayment: ``payments.py``) and
inline mode (answerInlineQuery; inline_query / chosen_inline_result updates; results posted into a chat
between two users via the bot: ``inline.py``).
Errors use Telegram's texts (see ``state.py``); other spec methods answer 501.

Checks and knobs:

* ``sandbox.violations``: ``(method, message)`` for every request that breaks the vendored spec (unknown
  or missing parameters, wrong types, limits, callback_data > 64 bytes...) or that Telegram would
  silently ignore (oversized thumbnails). ``BotApiSandbox(strict=True)`` answers 400 for them instead.
* ``sandbox.calls``: every request (``ApiCall(method, params, timestamp, error)``); ``calls_to(method)``.
* ``sandbox.flood`` (``flood.py``): every chat-bound request measured against Telegram's flood limits
  (about 30/s overall, about 1/s per chat with short bursts); ``flood.breaches`` lists each one over,
  and ``BotApiSandbox(flood=FloodMeter(enforce=True))`` answers them 429 like Telegram.
* ``sandbox.inject("sendVideo", error_code=429, retry_after=1, times=1)``: the next N calls fail like
  Telegram ("Too Many Requests: retry after 1" with ``parameters.retry_after``); ``method="*"`` matches
  any method; ``delay=s`` slows responses (``error_code=None`` to only delay).
* ``sandbox.user(...)`` -> :class:`~sandbox.users.SimUser` (send, press, wait_for, find, button...).

User-side HTTP API (used by the web chat page, ``sandbox/web.py``)::

    POST /sandbox/api/send   {"user_id", "text", "first_name"?, "language_code"?} -> {"ok", "message_id"}
    POST /sandbox/api/press  {"user_id", "message_id", "data"}                    -> {"ok", "query_id"}
    POST /sandbox/api/pay    {"user_id", "message_id"} (Pay under an invoice)     -> {"ok", "query_id"}
    GET  /sandbox/api/chat?user_id=1&version=N   long-polls (25 s) until the chat's version > N
    POST /sandbox/api/inline {"user_id", "query"} (typing @bot query)            -> {"ok", "query_id"}
    GET  /sandbox/api/inline?user_id=1&query_id=Q  waits (≤ 11 s) for the bot's answer -> results, button
    POST /sandbox/api/choose {"user_id", "query_id", "result_id", "peer_id"} posts the result into the
                                                  chat with peer_id via the bot -> {"ok", "message_id"}
    GET  /sandbox/api/shared?user_id=1&peer_id=2  that chat's messages (sender, via_bot, video, buttons)
    GET  /sandbox/files/{file_id}                 the stored file (Content-Type, HTTP Range)

State: in memory by default. ``BotApiSandbox(state_dir=path)`` restores chats, messages, files and
pending updates from ``path`` at ``start()`` and saves them there (``persist.py``) shortly after every
change (off the event loop) and once more at ``stop()``: ``petreel up`` / ``bot`` / ``sandbox`` use
``<data_dir>/sandbox/<bot id>``, so a restart keeps the conversation.

Hosting: ``await sandbox.start()`` / ``await sandbox.stop()`` or ``async with`` run it standalone;
``sandbox.add_routes(app)`` mounts bot API + user API on an existing aiohttp app (then set
``sandbox.root_url = "http://host:port"`` so ``base_url`` is known, and give the app
``client_max_size`` >= ``max_upload_bytes``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import socket
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from sandbox.flood import FloodMeter
from sandbox.persist import StateDir
from sandbox.spec import Upload, load_spec
from sandbox.state import NOT_UTF8, ApiError, Params, SandboxState, Webhook, has_lone_surrogate
from sandbox.users import SimUser, chat_payload, inline_payload, shared_payload

log = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456:TEST"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
CLIENT_GONE = "client disconnected"
CONFLICT_WEBHOOK = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
CONFLICT_POLLING = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected error", 403: "Forbidden: bot was blocked by the user", 409: CONFLICT_POLLING,
    500: "Internal Server Error", 502: "Bad Gateway", 504: "Gateway Timeout",
}


@dataclass
class ApiCall:
    method: str  # canonical spelling ("sendMessage"), or as sent when unknown
    params: dict[str, object]  # form strings / JSON values; uploads as spec.Upload
    timestamp: float
    error: str | None = None  # the error description returned, if any


@dataclass
class Injection:
    method: str  # lower-case method name or "*"
    error_code: int | None
    retry_after: int | None
    description: str | None
    times: int
    delay: float = 0.0


@dataclass
class _Body:
    params: dict[str, object] = field(default_factory=dict)
    attachments: dict[str, Upload] = field(default_factory=dict)


def since_received_s(sock: socket.socket | None) -> float:
    """Seconds since the kernel received the last data on this TCP connection (Linux ``TCP_INFO``
    ``tcpi_last_data_recv``, in ms; the last bytes of the request being handled), else 0."""
    if sock is None or not hasattr(socket, "TCP_INFO"):
        return 0.0
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
        return float(struct.unpack_from("I", info, _LAST_DATA_RECV)[0]) / 1000.0
    except (OSError, struct.error):
        return 0.0


_LAST_DATA_RECV = 52  # offset of tcpi_last_data_recv in struct tcp_info (8 bytes of u8, then u32s)


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``Range: bytes=a-b`` -> inclusive (start, end) within ``size``; None = whole file.

    Raises ValueError when the range cannot be satisfied (the caller answers 416).
    """
    if not header or not header.startswith("bytes="):
        return None
    spec = header[len("bytes=") :].split(",")[0].strip()
    first, _, last = spec.partition("-")
    if not first:  # suffix range: the last N bytes
        if not last.isdigit() or int(last) == 0:
            raise ValueError(header)
        return max(0, size - int(last)), size - 1
    if not first.isdigit() or (last and not last.isdigit()):
        raise ValueError(header)
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError(header)
    return start, end


def _json(data: Any, status: int = 200) -> web.Response:
    text = json.dumps(data, ensure_ascii=False)
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate slipped into the state: escape it rather than fail every poll
        body = json.dumps(data, ensure_ascii=True).encode("ascii")
    return web.Response(status=status, body=body, content_type="application/json", charset="utf-8")


class BotApiSandbox:
    """A fake Telegram Bot API server plus simulated users (see the module docstring)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        strict: bool = False,
        bot_name: str = "PetReel",
        bot_username: str = "petreel_sandbox_bot",
        max_upload_bytes: int = MAX_UPLOAD_BYTES,
        chat_poll_timeout: float = 25.0,
        webhook_retry_s: float = 0.5,
        clock: Callable[[], float] = time.time,
        state_dir: Path | None = None,
        save_delay_s: float = 0.2,
        flood: FloodMeter | None = None,
    ) -> None:
        self.token = token
        self.host = host
        self.port = port
        self.strict = strict
        self.max_upload_bytes = max_upload_bytes
        self.chat_poll_timeout = chat_poll_timeout
        self.webhook_retry_s = webhook_retry_s
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456
        self.state = SandboxState(bot_id, bot_first_name=bot_name, bot_username=bot_username, clock=clock)
        self.spec = load_spec()
        self.calls: list[ApiCall] = []
        self.violations: list[tuple[str, str]] = []
        self.injections: list[Injection] = []
        self.flood = flood if flood is not None else FloodMeter()
        self.root_url: str | None = f"http://{host}:{port}" if port else None
        self._users: dict[int, SimUser] = {}
        self._cond: asyncio.Condition | None = None
        self._closing = False
        self._poll_generation = 0
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self.state_dir = StateDir(state_dir) if state_dir is not None else None
        self.save_delay_s = save_delay_s
        self._dirty = False
        self._save_task: asyncio.Task[None] | None = None
        self._writing = False  # a save is writing on its thread (close waits for it, never cancels it)

    # -- URLs ------------------------------------------------------------------------------------

    def _root(self) -> str:
        if self.root_url is None:
            raise RuntimeError("the sandbox is not started (await sandbox.start()) and root_url is not set")
        return self.root_url

    @property
    def base_url(self) -> str:
        """For ``Application.builder().base_url(...)`` (python-telegram-bot appends the token)."""
        return f"{self._root()}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self._root()}/file/bot"

    def file_url(self, file_id: str) -> str:
        """Path of a stored file on the user-side API (relative, for the web page)."""
        return f"/sandbox/files/{file_id}"

    # -- users, checks, injection ----------------------------------------------------------------

    def user(self, user_id: int, first_name: str = "Ann", language_code: str | None = "en", *,
             last_name: str | None = None, username: str | None = None) -> SimUser:
        """A simulated user with a private chat (the first call's name and language stick)."""
        self.state.add_user(user_id, first_name, last_name=last_name, username=username,
                            language_code=language_code)
        if user_id not in self._users:
            self._users[user_id] = SimUser(self, user_id)
        return self._users[user_id]

    def inject(self, method: str, error_code: int | None = 429, retry_after: int | None = 1, times: int = 1,
               description: str | None = None, *, delay: float = 0.0) -> None:
        """Make the next ``times`` calls of ``method`` ("*": any) fail like Telegram (or only be delayed)."""
        if error_code == 429 and description is None:
            description = f"Too Many Requests: retry after {retry_after}"
        elif error_code is not None and description is None:
            description = _DEFAULT_DESCRIPTIONS.get(error_code, f"Error {error_code}")
        if error_code != 429:
            retry_after = None
        self.injections.append(Injection(method.lower(), error_code, retry_after, description, times, delay))

    def calls_to(self, method: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def _take_injection(self, method: str) -> Injection | None:
        for injection in self.injections:
            if injection.method in (method.lower(), "*") and injection.times > 0:
                injection.times -= 1
                if injection.times == 0:
                    self.injections.remove(injection)
                return injection
        return None

    # -- change notification ---------------------------------------------------------------------

    def _condition(self) -> asyncio.Condition:
        if self._cond is None:
            self._cond = asyncio.Condition()
        return self._cond

    async def changed(self) -> None:
        """Wake everything waiting on the sandbox (long polls, wait_for); call after mutating state."""
        cond = self._condition()
        async with cond:
            cond.notify_all()
        if self.state_dir is not None and not self._closing:
            self._dirty = True
            if self._save_task is None:
                self._save_task = asyncio.create_task(self._save_soon())

    # -- persistence (only with a state_dir) -----------------------------------------------------

    async def _save_soon(self) -> None:
        """Coalesce a burst of changes into one write, ``save_delay_s`` after the first."""
        try:
            while self._dirty and not self._closing:
                await asyncio.sleep(self.save_delay_s)
                self._dirty = False
                await self.save()
        finally:
            self._save_task = None

    async def save(self) -> None:
        """Write the state now (serialised here, on the loop; written on a thread)."""
        if self.state_dir is None or not self.state_dir.held:  # not started, or stopped
            return
        pending = self.state_dir.prepare(self.state)
        self._writing = True
        try:
            await asyncio.to_thread(self.state_dir.write, pending)
        except OSError as err:  # a full disk must not take the sandbox down; the next change retries
            log.warning("sandbox state not saved: %s", err)
            self.state_dir.forget_versions()
            self._dirty = True
        finally:
            self._writing = False

    async def wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:  # noqa: ASYNC109
        """Wait (without polling) until ``predicate()`` holds or ``timeout`` passes; returns its last value."""
        cond = self._condition()
        try:
            async with asyncio.timeout(timeout), cond:
                await cond.wait_for(lambda: self._closing or predicate())
        except TimeoutError:
            pass
        return predicate()

    # -- hosting ---------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        """The Bot API routes (``/bot{token}/{method}``, ``/file/bot{token}/{path}``)."""
        return [
            web.route("*", "/bot{token}/{method}", self._handle_api),
            web.get("/file/bot{token}/{path:.+}", self._handle_download),
        ]

    def user_api_routes(self) -> list[web.RouteDef]:
        """The user-side API of the web chat page (``/sandbox/api/*``, ``/sandbox/files/{file_id}``)."""
        return [
            web.post("/sandbox/api/send", self._handle_user_send),
            web.post("/sandbox/api/press", self._handle_user_press),
            web.post("/sandbox/api/pay", self._handle_user_pay),
            web.get("/sandbox/api/chat", self._handle_user_chat),
            web.post("/sandbox/api/inline", self._handle_user_inline),
            web.get("/sandbox/api/inline", self._handle_user_inline_results),
            web.post("/sandbox/api/choose", self._handle_user_choose),
            web.get("/sandbox/api/shared", self._handle_user_shared),
            web.get("/sandbox/files/{file_id}", self._handle_file),
        ]

    def add_routes(self, app: web.Application) -> None:
        """Mount bot API + user API on ``app``; the sandbox closes with it."""
        app.add_routes(self.routes() + self.user_api_routes())
        app.on_shutdown.append(self._on_shutdown)

    async def _on_shutdown(self, _app: web.Application) -> None:
        await self._close()

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=self.max_upload_bytes + 1024 * 1024)
        self.add_routes(app)
        return app

    async def start(self, app: web.Application | None = None) -> None:
        """Serve on host:port (port 0: a free one) and set ``root_url``; ``app`` defaults to ``make_app()``."""
        self._closing = False
        if self.state_dir is not None:
            if await asyncio.to_thread(self.state_dir.acquire):
                await asyncio.to_thread(self.state_dir.load, self.state)
            else:
                log.warning("%s is in use by another sandbox: this one keeps its state in memory only",
                            self.state_dir.directory)
                self.state_dir = None
        self._runner = web.AppRunner(app or self.make_app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.port = port
        self.root_url = f"http://{host}:{port}"

    async def _close(self) -> None:
        self._closing = True
        await self.changed()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            try:
                await self._webhook_task
            except asyncio.CancelledError:
                pass
            self._webhook_task = None
        if self._save_task is not None:
            # asleep before its next write: cancel it; in a write: let it end (a cancelled await would
            # leave the thread writing while this close saves again and a restarted sandbox loads)
            if not self._writing:
                self._save_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._save_task
        await self.save()
        if self.state_dir is not None:
            self.state_dir.release()

    async def stop(self) -> None:
        await self._close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiSandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- the Bot API -----------------------------------------------------------------------------

    async def _read_body(self, request: web.Request) -> _Body:
        body = _Body(params=dict(request.query))
        if request.method != "POST" or not request.body_exists:
            return body
        if request.content_length is not None and request.content_length > self.max_upload_bytes:
            raise ApiError(413, "Request Entity Too Large")
        ctype = request.content_type
        if ctype == "application/json":
            try:
                data = json.loads(await request.read() or b"{}")
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON request body") from None
            if not isinstance(data, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            if has_lone_surrogate(data):
                raise ApiError(400, f"Bad Request: {NOT_UTF8}")
            body.params.update(data)
        elif ctype.startswith("multipart/"):
            reader = await request.multipart()
            total = 0
            while (part := await reader.next()) is not None:
                if not isinstance(part, aiohttp.BodyPartReader) or not part.name:
                    continue
                chunks = []
                while chunk := await part.read_chunk():
                    total += len(chunk)
                    if total > self.max_upload_bytes:
                        raise ApiError(413, "Request Entity Too Large")
                    chunks.append(chunk)
                data = b"".join(chunks)
                if part.filename is not None:
                    ctype_part = part.headers.get("Content-Type", "application/octet-stream")
                    body.attachments[part.name] = Upload(part.name, part.filename, ctype_part, data)
                else:
                    body.params[part.name] = data.decode(part.get_charset(default="utf-8"), "replace")
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    body.params[key] = value
        return body

    async def _handle_api(self, request: web.Request) -> web.Response:
        # what Telegram counts limits by: when the request reached the server (the kernel's time, so
        # a sandbox starved of CPU does not bunch requests it reads late)
        received_at = self.flood.clock()
        if self.flood.kernel_receipts:
            received_at -= since_received_s(request.transport.get_extra_info("socket") if request.transport else None)
        if request.match_info["token"] != self.token:
            return _json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        raw_method = request.match_info["method"]
        method_spec = self.spec.method(raw_method)
        method = method_spec.name if method_spec else raw_method
        call = ApiCall(method, {}, time.time())
        self.calls.append(call)
        try:
            body = await self._read_body(request)
            # 1. file parts named like a parameter are that parameter; others are attach:// targets
            fields = method_spec.fields if method_spec else {}
            for name in [n for n in body.attachments if n in fields]:
                body.params[name] = body.attachments.pop(name)
            call.params = {**body.params, **body.attachments}
            # 2. validate against the spec; unknown methods are 404
            violations = self.spec.validate(method, body.params, body.attachments)
            self.violations.extend((method, v) for v in violations)
            if method_spec is None:
                raise ApiError(404, "Not Found: method not found")
            # 3. injected failures and delays
            injection = self._take_injection(method)
            if injection is not None:
                if injection.delay:
                    await asyncio.sleep(injection.delay)
                if injection.error_code is not None:
                    raise ApiError(injection.error_code, injection.description or "", injection.retry_after)
            # 4. strict mode refuses what breaks the spec
            if self.strict and violations:
                raise ApiError(400, "Bad Request: " + "; ".join(violations))
            # 5. flood limits: counted always, refused with 429 when the meter enforces them
            breach = self.flood.check(method, body.params.get("chat_id"), received_at)
            if breach is not None and self.flood.enforce:
                raise ApiError(429, "Too Many Requests: retry after 1", 1)
            # 6. execute
            result = await self._execute(method, body)
        except ApiError as err:
            call.error = err.description
            return _json(err.payload(), err.code)
        except ConnectionResetError:  # the client hung up mid-request (a bot stopping): nobody to answer
            call.error = CLIENT_GONE
            return web.Response(status=400, text=CLIENT_GONE)
        finally:
            if self.state.warnings:
                self.violations.extend((method, w) for w in self.state.warnings)
                self.state.warnings.clear()
        await self.changed()
        return _json({"ok": True, "result": result})

    async def _execute(self, method: str, body: _Body) -> Any:
        if method == "getUpdates":
            return await self._get_updates(Params(body.params, body.attachments))
        result = self.state.call(method, body.params, body.attachments)
        if method == "setWebhook" and self.state.webhook.url and self._webhook_task is None:
            self._webhook_task = asyncio.create_task(self._deliver_webhooks())
        return result

    async def _get_updates(self, p: Params) -> list[dict[str, Any]]:
        if self.state.webhook.url:
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = p.get_int("offset")
        limit = p.get_int("limit") or 100
        timeout = max(0, min(p.get_int("timeout") or 0, 50))
        self.state.set_allowed_updates(p.get_json("allowed_updates", "allowed_updates"))
        if offset is not None:
            self.state.confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        await self.changed()  # an older poller, if any, now sees it was superseded
        if not self.state.updates and timeout > 0:
            await self.wait_until(lambda: bool(self.state.updates) or self._poll_generation != generation, timeout)
            if self._poll_generation != generation:
                raise ApiError(409, CONFLICT_POLLING)
        return self.state.pending(limit)

    def _webhook_ready(self, hook: Webhook) -> bool:
        return bool(self.state.updates) or self.state.webhook is not hook

    async def _deliver_webhooks(self) -> None:
        """POST queued updates to the webhook URL, one at a time, until it is removed."""
        async with aiohttp.ClientSession() as session:
            while not self._closing and self.state.webhook.url:
                hook = self.state.webhook
                await self.wait_until(functools.partial(self._webhook_ready, hook), 30)
                if self._closing or self.state.webhook is not hook or not self.state.updates:
                    continue
                update = self.state.updates[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret_token} if hook.secret_token else {}
                error: str | None = None
                try:
                    async with session.post(hook.url, json=update, headers=headers,
                                            timeout=aiohttp.ClientTimeout(total=10)) as response:
                        if not 200 <= response.status < 300:
                            error = f"Wrong response from the webhook: {response.status} {response.reason}"
                except (aiohttp.ClientError, TimeoutError) as err:
                    error = f"Connection failed: {err.__class__.__name__}"
                if error is None:
                    self.state.confirm(update["update_id"] + 1)
                    await self.changed()
                else:
                    hook.last_error_date, hook.last_error_message = self.state.now(), error
                    await asyncio.sleep(self.webhook_retry_s)
        self._webhook_task = None

    async def _handle_download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        stored = self.state.files_by_path.get(request.match_info["path"])
        if stored is None:
            return _json({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        return self._file_response(request, stored.data, stored.mime_type)

    # -- the user-side API -----------------------------------------------------------------------

    @staticmethod
    async def _json_body(request: web.Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except ConnectionResetError:
            raise web.HTTPBadRequest(text=CLIENT_GONE) from None
        except ValueError:
            raise web.HTTPBadRequest(text='{"ok": false, "error": "JSON body expected"}',
                                     content_type="application/json") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(text='{"ok": false, "error": "JSON object expected"}',
                                     content_type="application/json")
        return data

    @staticmethod
    def _user_id(value: object) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2**52:
            raise web.HTTPBadRequest(text='{"ok": false, "error": "user_id must be a positive integer"}',
                                     content_type="application/json")
        return value

    async def _handle_user_send(self, request: web.Request) -> web.Response:
        data = await self._json_body(request)
        user_id = self._user_id(data.get("user_id"))
        text = data.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > 4096:
            return _json({"ok": False, "error": "text must be 1-4096 characters"}, 400)
        if has_lone_surrogate(data):  # like Telegram: refused per request, nothing stored
            return _json({"ok": False, "error": f"text: {NOT_UTF8}", "description": f"Bad Request: {NOT_UTF8}"}, 400)
        first_name = data.get("first_name") if isinstance(data.get("first_name"), str) else None
        language = data.get("language_code") if isinstance(data.get("language_code"), str) else None
        user = self.user(user_id, (first_name or "Guest")[:64], (language or "en")[:8])
        message_id = await user.send(text)
        return _json({"ok": True, "message_id": message_id})

    async def _handle_user_press(self, request: web.Request) -> web.Response:
        data = await self._json_body(request)
        user_id = self._user_id(data.get("user_id"))
        message_id, callback_data = data.get("message_id"), data.get("data")
        if not isinstance(message_id, int) or not isinstance(callback_data, str):
            return _json({"ok": False, "error": "message_id (integer) and data (string) are required"}, 400)
        try:
            query_id = await self.user(user_id).press(message_id, callback_data)
        except LookupError as err:
            return _json({"ok": False, "error": str(err)}, 404)
        return _json({"ok": True, "query_id": query_id})

    async def _handle_user_pay(self, request: web.Request) -> web.Response:
        data = await self._json_body(request)
        user_id = self._user_id(data.get("user_id"))
        message_id = data.get("message_id")
        if not isinstance(message_id, int):
            return _json({"ok": False, "error": "message_id (integer) is required"}, 400)
        try:
            query_id = await self.user(user_id).pay(message_id)
        except LookupError as err:
            return _json({"ok": False, "error": str(err)}, 404)
        return _json({"ok": True, "query_id": query_id})

    async def _handle_user_inline(self, request: web.Request) -> web.Response:
        data = await self._json_body(request)
        user_id = self._user_id(data.get("user_id"))
        query = data.get("query", "")
        if not isinstance(query, str) or len(query) > 256 or has_lone_surrogate(query):
            return _json({"ok": False, "error": "query must be text of at most 256 characters"}, 400)
        query_id = await self.user(user_id).inline(query)
        return _json({"ok": True, "query_id": query_id})

    async def _handle_user_inline_results(self, request: web.Request) -> web.Response:
        user_id = self._user_id(request.query.get("user_id"))
        query = self.state.inline.queries.get(request.query.get("query_id", ""))
        if query is None or query.user_id != user_id:
            return _json({"ok": False, "error": "no such inline query"}, 404)
        await self.wait_until(lambda: query.answered, min(self.chat_poll_timeout, 11.0))
        return _json(inline_payload(self.state, query, self.file_url))

    async def _handle_user_choose(self, request: web.Request) -> web.Response:
        data = await self._json_body(request)
        user_id = self._user_id(data.get("user_id"))
        peer_id = self._user_id(data.get("peer_id"))
        query_id, result_id = data.get("query_id"), data.get("result_id")
        if not isinstance(query_id, str) or not isinstance(result_id, str):
            return _json({"ok": False, "error": "query_id and result_id (strings) are required"}, 400)
        try:
            message = await self.user(user_id).choose(query_id, result_id, peer_id)
        except LookupError as err:
            return _json({"ok": False, "error": str(err)}, 404)
        except ApiError as err:
            return _json({"ok": False, "error": err.description}, 400)
        return _json({"ok": True, "message_id": message.message_id})

    async def _handle_user_shared(self, request: web.Request) -> web.Response:
        user_id = self._user_id(request.query.get("user_id"))
        peer_id = self._user_id(request.query.get("peer_id"))
        return _json(shared_payload(self.state, user_id, peer_id, self.file_url))

    async def _handle_user_chat(self, request: web.Request) -> web.Response:
        user_id = self._user_id(request.query.get("user_id"))
        raw_version = request.query.get("version", "")
        if raw_version.isdigit():
            version = int(raw_version)

            def chat_version() -> int:
                chat = self.state.chats.get(user_id)
                return chat.version if chat else 0

            await self.wait_until(lambda: chat_version() != version, self.chat_poll_timeout)
        return _json(chat_payload(self.state, user_id, self.file_url))

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.state.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        return self._file_response(request, stored.data, stored.mime_type)

    @staticmethod
    def _file_response(request: web.Request, data: bytes, mime_type: str) -> web.Response:
        headers = {"Accept-Ranges": "bytes", "Cache-Control": "no-cache"}
        try:
            span = parse_range(request.headers.get("Range"), len(data))
        except ValueError:
            headers["Content-Range"] = f"bytes */{len(data)}"
            return web.Response(status=416, headers=headers)
        if span is None:
            return web.Response(body=data, content_type=mime_type, headers=headers)
        start, end = span
        headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
        return web.Response(status=206, body=data[start : end + 1], content_type=mime_type, headers=headers)

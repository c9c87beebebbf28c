"""A real, local OpenAI-compatible HTTP server (aiohttp) for tests of anything that uses ``openai``.

It listens on 127.0.0.1 with a random port and speaks just enough of the API for the real ``openai``
client: ``POST /v1/chat/completions`` (a proper ``chat.completion`` body with id/object/created/
model/choices/usage) and ``POST /v1/moderations``. Replies are scripted: queue ``Reply`` objects and
they are served in order; when the queue is empty ``default`` answers (a ``Reply`` or a function of
the request body). Every request body is recorded.

Usage::

    async with FakeOpenAI() as server:
        server.queue(Reply.rate_limited(), Reply.json(script_dict))
        writer = LLMWriter(LLMSettings(base_url=server.base_url, api_key="k", max_retries=2))
        ...
        assert server.requests[-1]["response_format"]["type"] == "json_schema"

Scripted cases (``Reply`` constructors): ``json`` (valid JSON), ``fenced`` (inside a code fence),
``think`` (a ``<think>`` preamble), ``text`` (any content, e.g. truncated JSON or a wrong schema),
``rate_limited`` (429 with ``retry-after``), ``server_error`` (500), ``slow`` (sleeps before answering),
``reject_json_schema`` (400 about ``response_format``), ``garbage`` (a 200 whose body is not JSON),
``echo`` (content computed from the request). ``flag_moderation`` lists words the moderation endpoint flags.

Streaming (``"stream": true`` in the request, as the writers send): the content is cut into
BPE-sized tokens (``tokens()``: a word with its leading space, one Han character, or up to two
punctuation marks) and sent as ``chat.completion.chunk`` server-sent events at ``tokens_per_s``
(the ``Reply``'s, else the server's; None: as fast as possible) after ``first_token_s`` of "prompt
processing". ``Reply.cut_after`` drops the connection after that many tokens, ``Reply.stall_after``
goes silent after that many. ``streams`` records each stream: tokens sent, and whether the client
hung up before the end (``aborted``: the writer stopped reading, so a real server stops generating).

As a pytest fixture::

    @pytest.fixture
    async def openai_server() -> AsyncIterator[FakeOpenAI]:
        async with FakeOpenAI() as server:
            yield server
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Body = dict[str, Any]
Responder = Callable[[Body], str]


@dataclass
class Reply:
    """One scripted answer to a chat-completions request."""

    content: str | None = None  # the assistant message's content
    responder: Responder | None = None  # computes the content from the request body instead
    status: int = 200
    error: Body | None = None  # error body for status >= 400
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    finish_reason: str = "stop"
    raw: str | None = None  # a non-JSON body sent as-is with status 200 (a misconfigured proxy)
    tokens_per_s: float | None = None  # streaming pace (None: the server's)
    first_token_s: float = 0.0  # streaming: silence before the first token (prompt processing)
    cut_after: int | None = None  # streaming: drop the connection after this many tokens
    stall_after: int | None = None  # streaming: go silent after this many tokens

    @classmethod
    def streamed(cls, content: str, tokens_per_s: float | None = None, first_token_s: float = 0.0,
                 finish_reason: str = "stop", **kw: Any) -> Reply:
        return cls(content=content, tokens_per_s=tokens_per_s, first_token_s=first_token_s,
                   finish_reason=finish_reason, **kw)

    @classmethod
    def text(cls, content: str, finish_reason: str = "stop") -> Reply:
        return cls(content=content, finish_reason=finish_reason)

    @classmethod
    def json(cls, obj: Any) -> Reply:
        return cls(content=json.dumps(obj, ensure_ascii=False))

    @classmethod
    def fenced(cls, obj: Any) -> Reply:
        return cls(content="Here is your script:\n```json\n" + json.dumps(obj, ensure_ascii=False, indent=1) + "\n```\n")

    @classmethod
    def think(cls, obj: Any) -> Reply:
        thoughts = "<think>The user wants a pet drama. {\"draft\": true} Let me plan the scenes.</think>\n"
        return cls(content=thoughts + json.dumps(obj, ensure_ascii=False))

    @classmethod
    def truncated(cls, obj: Any) -> Reply:
        whole = json.dumps(obj, ensure_ascii=False)
        return cls(content=whole[: len(whole) // 2], finish_reason="length")

    @classmethod
    def echo(cls, responder: Responder) -> Reply:
        return cls(responder=responder)

    @classmethod
    def rate_limited(cls, retry_after_s: float = 0.01) -> Reply:
        return cls(status=429, headers={"retry-after": f"{retry_after_s:g}"},
                   error={"message": "Rate limit reached", "type": "rate_limit_error", "code": "rate_limit_exceeded"})

    @classmethod
    def server_error(cls, status: int = 500, retry_after_s: float | None = 0.01) -> Reply:
        headers = {"retry-after": f"{retry_after_s:g}"} if retry_after_s is not None else {}
        return cls(status=status, headers=headers,
                   error={"message": "The server had an error", "type": "server_error", "code": None})

    @classmethod
    def slow(cls, delay_s: float, content: str = "{}") -> Reply:
        return cls(content=content, delay_s=delay_s)

    @classmethod
    def reject_json_schema(cls) -> Reply:
        return cls(status=400, error={
            "message": "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
            "type": "invalid_request_error", "param": "response_format", "code": None})

    @classmethod
    def garbage(cls, body: str = "<html><body>502 Bad Gateway</body></html>") -> Reply:
        return cls(raw=body)

    @classmethod
    def bad_request(cls, message: str = "Invalid request") -> Reply:
        return cls(status=400, error={"message": message, "type": "invalid_request_error", "param": None, "code": None})


_TOKEN = re.compile(r"[\u3400-\u9fff]|\s*[A-Za-z0-9_']+|\s*[^\sA-Za-z0-9_'\u3400-\u9fff]{1,2}|\s+")


def tokens(text: str) -> list[str]:
    """``text`` cut into pieces about the size of a BPE tokenizer's tokens (they join back to ``text``)."""
    return _TOKEN.findall(text)


@dataclass
class StreamLog:
    """What one streamed answer did."""

    tokens_total: int
    tokens_sent: int = 0
    finished: bool = False  # the last chunk and [DONE] went out
    aborted: bool = False  # the client hung up first


def user_text(body: Body) -> str:
    """All user-message text of a recorded chat request (string or content-part lists)."""
    parts: list[str] = []
    for msg in body.get("messages", []):
        if msg.get("role") != "user":
            continue
        content = msg.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "\n".join(parts)


class FakeOpenAI:
    """The server. ``base_url`` is ``http://127.0.0.1:<port>/v1``; ``requests`` holds chat request bodies."""

    def __init__(self, default: Reply | Responder | None = None, model: str = "fake-model",
                 tokens_per_s: float | None = None) -> None:
        self.default = default
        self.model = model
        self.tokens_per_s = tokens_per_s  # streaming pace for replies that don't set their own
        self.streams: list[StreamLog] = []
        self._stream_ended = asyncio.Event()
        self.requests: list[Body] = []
        self.request_times: list[float] = []  # time.monotonic() of each chat request's arrival
        self.moderation_requests: list[Body] = []
        self.flag_moderation: set[str] = set()
        self._replies: list[Reply] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- scripting ---------------------------------------------------------------------------

    def queue(self, *replies: Reply) -> None:
        """Append scripted replies; each chat request consumes the next one."""
        self._replies.extend(replies)

    @property
    def pending(self) -> int:
        """Scripted replies not consumed yet."""
        return len(self._replies)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/moderations", self._moderations)
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeOpenAI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- handlers ----------------------------------------------------------------------------

    def _next(self) -> Reply:
        if self._replies:
            return self._replies.pop(0)
        if isinstance(self.default, Reply):
            return self.default
        if self.default is not None:
            return Reply(responder=self.default)
        return Reply.server_error(status=503, retry_after_s=None)

    async def _chat(self, request: web.Request) -> web.Response:
        body: Body = await request.json()
        self.requests.append(body)
        self.request_times.append(time.monotonic())
        reply = self._next()
        if reply.delay_s:
            await asyncio.sleep(reply.delay_s)
        if reply.status >= 400:
            return web.json_response({"error": reply.error or {"message": "error"}}, status=reply.status,
                                     headers=reply.headers)
        if reply.raw is not None:
            return web.Response(text=reply.raw, content_type="text/html", headers=reply.headers)
        content = reply.responder(body) if reply.responder else (reply.content or "")
        if body.get("stream"):
            return await self._stream(request, body, reply, content)
        completion = {
            "id": f"chatcmpl-fake{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", self.model),
            "system_fingerprint": "fp_fake",
            "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": reply.finish_reason,
            }],
            "usage": {
                "prompt_tokens": len(json.dumps(body.get("messages", []))) // 4,
                "completion_tokens": len(content) // 4,
                "total_tokens": len(json.dumps(body.get("messages", []))) // 4 + len(content) // 4,
            },
        }
        return web.json_response(completion, headers=reply.headers)

    async def _stream(self, request: web.Request, body: Body, reply: Reply, content: str) -> web.StreamResponse:
        pieces = tokens(content)
        log = StreamLog(len(pieces))
        self.streams.append(log)
        rate = reply.tokens_per_s if reply.tokens_per_s is not None else self.tokens_per_s
        cid = f"chatcmpl-fake{next(self._ids)}"
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                           **reply.headers})
        await resp.prepare(request)

        def event(delta: Body, finish: str | None = None) -> bytes:
            chunk = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()),
                     "model": body.get("model", self.model), "system_fingerprint": "fp_fake",
                     "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
            return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()

        start = time.monotonic() + reply.first_token_s
        try:
            await resp.write(event({"role": "assistant", "content": ""}))
            for i, piece in enumerate(pieces):
                if reply.cut_after is not None and i >= reply.cut_after:
                    assert request.transport is not None
                    request.transport.close()  # the connection drops mid-reply
                    log.aborted = True
                    return resp
                if reply.stall_after is not None and i >= reply.stall_after:
                    await asyncio.sleep(3600)  # silent until the client gives up (the handler is cancelled)
                due = start + (i / rate if rate else 0.0)
                if (wait := due - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                await resp.write(event({"content": piece}))
                log.tokens_sent += 1
            await resp.write(event({}, reply.finish_reason))
            await resp.write(b"data: [DONE]\n\n")
            log.finished = True  # the whole reply went out: a client that hangs up on [DONE] may beat write_eof
            with contextlib.suppress(ConnectionError):
                await resp.write_eof()
        except ConnectionError:  # the client hung up (the finally below records it)
            return resp
        finally:
            if not log.finished:
                log.aborted = True
            self._stream_ended.set()
        return resp

    async def wait_streams_closed(self, timeout_s: float = 10.0) -> None:
        """Wait until every stream has finished or been aborted (a condition, not a fixed sleep)."""
        async with asyncio.timeout(timeout_s):
            while any(not (s.finished or s.aborted) for s in self.streams):
                self._stream_ended.clear()
                await self._stream_ended.wait()

    async def _moderations(self, request: web.Request) -> web.Response:
        body: Body = await request.json()
        self.moderation_requests.append(body)
        inputs = body.get("input", "")
        texts = [inputs] if isinstance(inputs, str) else [str(x) for x in inputs]
        results = []
        for text in texts:
            flagged = any(word.lower() in text.lower() for word in self.flag_moderation)
            results.append({
                "flagged": flagged,
                "categories": {"violence": flagged, "hate": False, "sexual": False, "self-harm": False},
                "category_scores": {"violence": 0.99 if flagged else 0.01, "hate": 0.0, "sexual": 0.0,
                                    "self-harm": 0.0},
            })
        return web.json_response({"id": f"modr-fake{next(self._ids)}", "model": "omni-moderation-latest",
                                  "results": results})



class ThreadedFakeOpenAI:
    """``FakeOpenAI`` on its own event loop in a thread, for synchronous callers (``petreel make``)::

        with ThreadedFakeOpenAI(tokens_per_s=10) as server:
            server.call(server.fake.queue, Reply.streamed(text))
    """

    def __init__(self, **kw: Any) -> None:
        self.fake = FakeOpenAI(**kw)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-openai", daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.fake.start(), self._loop).result(10)
        return self.fake

    def __exit__(self, *exc: object) -> None:
        # a stream whose last chunk the client has read may still be writing its end: let it finish
        # (or see it aborted) before the server goes, so ``finished`` says what happened, not who won
        # the race with close(); a stream stalled on purpose is cut by close() after the wait
        with contextlib.suppress(TimeoutError):
            asyncio.run_coroutine_threadsafe(self.fake.wait_streams_closed(2.0), self._loop).result(5)
        asyncio.run_coroutine_threadsafe(self.fake.close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

"""A local GGUF model run in-process with the optional ``xllamacpp`` package (``petreel[local-llm]``).

``xllamacpp.Server`` is llama.cpp's server loop with its routes callable in-process
(``handle_chat_completions(body, callback)``), but it always starts llama.cpp's HTTP listener as
well, which has no API key by default and binds TCP port 8080 (or a random one). Here that listener
is bound to a Unix socket inside a private ``0700`` directory, with a random API key, so it opens no
TCP port at all and nobody else can reach it; requests go through the in-process call only.

Generation is streamed through the callback on a worker thread and is cancellable and bounded:

* the callback returns True (llama.cpp then cancels the task and frees the slot) once the JSON
  object is complete, once the model loops, or once the request is cancelled (the writer's deadline);
* ``llm.timeout_s`` of silence (prompt processing included) cancels it as well;
* ``max_tokens`` caps it in llama.cpp itself.

A cancelled generation stops at its next token (during prompt processing: when that ends). The
thread count (``llm.gguf_threads``) and context size (``llm.gguf_ctx``) are settings; one slot
(``n_parallel = 1``) serves requests in turn.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Protocol, cast

from petreel.errors import BackendUnavailable, ConfigError, MissingExtra
from petreel.settings import LLMSettings
from story.moderation import Moderator
from story.reply import StreamGuard
from story.writer import Completion, PlanWriter, ScriptWriter, response_format

logger = logging.getLogger(__name__)

EXTRA_HINT = (
    "PETREEL_LLM__GGUF_PATH needs the optional 'local-llm' extra: pip install 'petreel[local-llm]' "
    "(or unset PETREEL_LLM__GGUF_PATH to use the offline writer)"
)

Chunk = dict[str, Any]


class ChatServer(Protocol):
    """What ``LocalLlamaWriter`` needs from ``xllamacpp.Server``: llama.cpp's chat route as a call
    that streams chunks to ``callback`` (return True from it to stop the generation)."""

    def handle_chat_completions(self, body: dict[str, Any], callback: Any = None) -> Any: ...


def import_xllamacpp() -> Any:
    """The ``xllamacpp`` module, or ``MissingExtra`` with one line naming the extra."""
    try:
        import xllamacpp  # optional dependency, imported lazily
    except ImportError:
        raise MissingExtra(EXTRA_HINT) from None
    return xllamacpp


class LoadedModel:
    """An ``xllamacpp.Server`` for one GGUF file; its HTTP side bound to a private Unix socket."""

    def __init__(self, gguf_path: Path, threads: int, n_ctx: int) -> None:
        xllamacpp = import_xllamacpp()
        if not gguf_path.is_file():
            raise ConfigError(f"PETREEL_LLM__GGUF_PATH: no GGUF model at {gguf_path}")
        self.private_dir = Path(tempfile.mkdtemp(prefix="petreel-llm-"))  # mode 0700
        params = xllamacpp.CommonParams()
        params.model.path = str(gguf_path)
        params.n_ctx = n_ctx
        params.n_parallel = 1
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.warmup = False
        params.verbosity = -1  # llama.cpp's own log: errors only (it writes to stderr, not to logging)
        # llama.cpp's listener: a Unix socket nobody else can open (no TCP port), and a key anyway.
        socket_path = str(self.private_dir / "llama.sock")
        if hasattr(params, "hostnames"):  # newer releases listen on a list of addresses
            params.hostnames = [socket_path]
        else:
            params.hostname = socket_path
        params.api_keys = [secrets.token_urlsafe(32)]
        try:
            self.server: ChatServer = cast(ChatServer, xllamacpp.Server(params))
        except Exception as exc:  # the binding raises RuntimeError for a bad file, out of memory …
            shutil.rmtree(self.private_dir, ignore_errors=True)
            raise ConfigError(f"PETREEL_LLM__GGUF_PATH: llama.cpp could not load {gguf_path}: {exc}") from exc

    @property
    def listening_address(self) -> str:
        return str(getattr(self.server, "listening_address", ""))

    def close(self) -> None:
        self.server = cast(ChatServer, None)  # the destructor ends llama.cpp's loop
        shutil.rmtree(self.private_dir, ignore_errors=True)


class _Closed:
    """Stands in for a closed model: any further request fails (and falls back)."""

    def handle_chat_completions(self, body: dict[str, Any], callback: Any = None) -> Any:
        raise RuntimeError("the local model is closed")


class _Generation:
    """One streamed generation on a worker thread; ``stop()`` ends it at the next token."""

    def __init__(self, server: ChatServer, body: dict[str, Any], loop: asyncio.AbstractEventLoop) -> None:
        self.server = server
        self.body = body
        self.guard = StreamGuard()
        self.finish_reason: str | None = None
        self.error: str | None = None
        self.chunks = 0
        self.first_chunk_s: float | None = None
        self._stop = threading.Event()
        self._loop = loop
        self.progress = asyncio.Event()  # set (from the thread) on every chunk
        self.started = time.monotonic()

    def stop(self) -> None:
        self._stop.set()

    def _on_chunk(self, chunk: Any) -> bool:
        """Called by llama.cpp for each streamed chunk; True stops the generation."""
        self._loop.call_soon_threadsafe(self.progress.set)
        if not isinstance(chunk, dict) or "error" in chunk or "choices" not in chunk:
            err = chunk.get("error", chunk) if isinstance(chunk, dict) else chunk
            self.error = str(err.get("message", err) if isinstance(err, dict) else err)[:200]
            return True
        for choice in chunk["choices"][:1]:
            delta = (choice.get("delta") or {}).get("content")
            if delta:
                if self.first_chunk_s is None:
                    self.first_chunk_s = time.monotonic() - self.started
                self.chunks += 1
                self.guard.feed(delta)
            if choice.get("finish_reason"):
                self.finish_reason = choice["finish_reason"]
        return self._stop.is_set() or self.guard.done or self.guard.loop is not None

    def run(self) -> None:
        result = self.server.handle_chat_completions(self.body, self._on_chunk)
        if isinstance(result, dict) and "error" in result:  # refused before streaming
            self.error = str(result["error"])[:200]


class LocalLlamaWriter(PlanWriter):
    """Writes plans with a local GGUF model in-process (no API, no TCP listener).

    ``server`` (anything with ``handle_chat_completions(body, callback)``) replaces the loaded
    model, e.g. in tests."""

    def __init__(
        self,
        settings: LLMSettings,
        fallback: ScriptWriter | None = None,
        server: ChatServer | None = None,
    ) -> None:
        self._model: LoadedModel | None = None
        if server is None:
            if settings.gguf_path is None:
                raise ValueError("LocalLlamaWriter needs settings.llm.gguf_path")
            self._model = LoadedModel(settings.gguf_path, settings.gguf_threads, settings.gguf_ctx)
            server = self._model.server
        super().__init__(settings, fallback, Moderator())
        self._server = server
        self._running: set[_Generation] = set()  # generations whose thread is still running
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def generating(self) -> int:
        """How many generations are still running on their threads (0: the slot is free)."""
        return len(self._running)

    async def idle(self) -> None:
        """Wait until no generation runs (a cancelled one ends at its next token)."""
        await self._idle.wait()

    @property
    def listening_address(self) -> str | None:
        return self._model.listening_address if self._model is not None else None

    async def aclose(self) -> None:
        """Stop what still runs, wait for it (the model must outlive its threads), free the model."""
        for gen in self._running:
            gen.stop()
        await self.idle()
        if self._model is not None:
            self._server = _Closed()  # drop every reference, so the server's destructor runs
            self._model.close()
            self._model = None

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        body = {
            "messages": messages,
            "stream": True,
            "response_format": response_format("json_schema"),
            "max_tokens": self._settings.max_tokens,
            "temperature": self._settings.temperature,
            "seed": seed,
        }
        gen = _Generation(self._server, body, asyncio.get_running_loop())
        thread = asyncio.ensure_future(self._run(gen))
        thread.add_done_callback(lambda f: f.cancelled() or f.exception())  # retrieved even when abandoned
        try:
            while not thread.done():
                gen.progress.clear()
                waiter = asyncio.ensure_future(gen.progress.wait())
                done, _ = await asyncio.wait({thread, waiter}, timeout=self._settings.timeout_s,
                                             return_when=asyncio.FIRST_COMPLETED)
                waiter.cancel()
                if not done:
                    raise BackendUnavailable(f"local model stalled: nothing for {self._settings.timeout_s:g}s")
            thread.result()
        except BaseException:
            gen.stop()  # the deadline, a stall or a shutdown: llama.cpp stops at the next token
            raise
        if gen.error is not None and not gen.chunks:
            raise BackendUnavailable(f"local model failed: {gen.error}")
        if gen.error is not None:  # e.g. llama.cpp's chat parser refused the ending: judge the text itself
            logger.info("local model ended with an error after %d chunks: %s", gen.chunks, gen.error)
        return Completion(gen.guard.text, gen.finish_reason, gen.chunks, gen.guard.loop, gen.first_chunk_s)

    async def _run(self, gen: _Generation) -> None:
        self._running.add(gen)
        self._idle.clear()
        try:
            await asyncio.to_thread(gen.run)
        except Exception as exc:  # the C++ binding may raise anything (bad request, out of memory)
            raise BackendUnavailable(f"local model failed: {type(exc).__name__}") from exc
        finally:
            self._running.discard(gen)
            if not self._running:
                self._idle.set()

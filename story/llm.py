"""Writers backed by any OpenAI-compatible endpoint, the writer factory, and the daily cap.

``make_writer(settings)`` picks the writer the bot and ``petreel make`` use: ``LLMWriter`` when
``llm.base_url`` is set, ``LocalLlamaWriter`` (``story/gguf.py``) for ``llm.gguf_path``, else the
offline writer; ``write_script(settings, …)`` runs one write from synchronous code. The shared flow
(plan, repair round, offline fallback) is ``story.writer.PlanWriter``.

``LLMWriter`` streams the reply (``stream=True``) under the writer's one overall deadline
(``llm.deadline_s``, sized for CPU models: a 400-token plan at 10 tokens/s fits twice). Reading
stops as soon as the JSON object is complete or the model is caught in a repetition loop; closing
the stream closes the connection, which stops the generation on the server. ``llm.timeout_s``
bounds silence (time to the first token and between tokens). 429/5xx answers, which come before any
token, are retried up to ``llm.max_retries`` times (``Retry-After`` honoured); a timed-out or
broken-off generation is never restarted from zero (the openai client's own retries are off).

``json_schema`` structured output carries ``plan_json_schema()`` (which states every constraint the
validator checks); in ``auto`` mode a 400 about ``response_format`` switches to JSON mode for good
(likewise ``max_completion_tokens`` and the default temperature for newer OpenAI models). Replies
may carry ``<think>`` blocks or code fences (``story/reply.py``).

``ExpansionLimiter`` is the per-user daily cap on expansions (new scripts and rerolls).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from petreel.clock import utc_day
from petreel.errors import BackendUnavailable, TooManyExpansions
from petreel.settings import LLMSettings, Settings
from story.moderation import Moderator
from story.reply import StreamGuard
from story.script import Script
from story.writer import (
    OFFLINE,
    Completion,
    OfflineWriter,
    PlanWriter,
    ScriptWriter,
    close_writer,
    parse_reply,
    response_format,
)

__all__ = [
    "ExpansionLimiter", "LLMWriter", "OfflineWriter", "ScriptWriter", "close_writer", "expansions_left",
    "make_writer", "parse_reply", "response_format", "write_script",
]

if TYPE_CHECKING:  # the client library loads with the first LLMWriter: the offline writer never needs it
    import httpx
    import openai

logger = logging.getLogger(__name__)

MAX_RETRY_WAIT_S = 20.0  # longest Retry-After honoured (the deadline still applies)


def retry_after_s(headers: Mapping[str, str] | None, attempt: int) -> float:
    """Seconds to wait before retry ``attempt`` (1-based): the server's ``Retry-After`` (seconds or an
    HTTP date, capped), else exponential backoff from 0.5 s."""
    value = headers.get("retry-after") if headers is not None else None
    if value:
        try:
            return min(MAX_RETRY_WAIT_S, max(0.0, float(value)))
        except ValueError:
            try:
                when = parsedate_to_datetime(value)
                return min(MAX_RETRY_WAIT_S, max(0.0, (when - datetime.now(UTC)).total_seconds()))
            except (TypeError, ValueError):
                pass
    return min(MAX_RETRY_WAIT_S, 0.5 * 2 ** (attempt - 1))


def _error_text(exc: openai.APIStatusError) -> str:
    return f"{exc.message} {json.dumps(exc.body, default=str) if exc.body is not None else ''}".lower()


def _about_response_format(exc: openai.APIStatusError) -> bool:
    return any(word in _error_text(exc) for word in ("response_format", "json_schema", "schema", "structured"))


def _retryable(exc: openai.APIStatusError) -> bool:
    return exc.status_code == 429 or exc.status_code >= 500


class LLMWriter(PlanWriter):
    """Writes plans through any OpenAI-compatible chat-completions endpoint, streamed.

    ``http_client`` (an ``httpx.AsyncClient``; openai also accepts an ``httpx2.AsyncClient``) is injected
    and stays the caller's to close; without it the writer owns its client: ``await writer.aclose()``
    or ``async with LLMWriter(...) as writer``. The openai client's own retries are off: they would
    restart a timed-out generation from zero; this writer retries only 429/5xx answers.
    """

    def __init__(
        self,
        settings: LLMSettings,
        http_client: httpx.AsyncClient | None = None,
        fallback: ScriptWriter | None = OFFLINE,
        moderator: Moderator | None = None,
    ) -> None:
        if not settings.base_url:
            raise ValueError("LLMWriter needs settings.llm.base_url")
        import openai

        client = openai.AsyncOpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key.get_secret_value() if settings.api_key else "not-needed",
            http_client=cast(Any, http_client),
            max_retries=0,
            timeout=settings.timeout_s,
        )
        super().__init__(settings, fallback, moderator or Moderator(client, enabled=settings.moderation))
        self._client = client
        self._owns_client = http_client is None
        self.mode: Literal["json_schema", "json_object"] = (
            "json_object" if settings.structured == "json_object" else "json_schema"
        )
        # Newer OpenAI models refuse max_tokens (they want max_completion_tokens) and any non-default
        # temperature; a 400 saying so switches the request for good, like the json_schema fallback.
        self.token_param: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
        self.send_temperature = True

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.close()

    async def __aenter__(self) -> LLMWriter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _adapt(self, exc: openai.APIStatusError) -> str | None:
        """Change the request to avoid what the endpoint refused; what changed, or None when nothing can."""
        if self.mode == "json_schema" and self._settings.structured == "auto" and _about_response_format(exc):
            self.mode = "json_object"
            return "json_schema output refused; using JSON mode"
        text = _error_text(exc)
        if self.token_param == "max_tokens" and "max_completion_tokens" in text:
            self.token_param = "max_completion_tokens"
            return "max_tokens refused; sending max_completion_tokens"
        if self.send_temperature and "temperature" in text:
            self.send_temperature = False
            return "temperature refused; using the model's default"
        return None

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        import openai

        retries = 0
        while True:  # each _adapt() switch happens at most once; retries are capped by max_retries
            sampling: dict[str, Any] = {self.token_param: self._settings.max_tokens}
            if self.send_temperature:
                sampling["temperature"] = self._settings.temperature
            started = time.monotonic()
            try:
                stream = await self._client.chat.completions.create(
                    model=self._settings.model,
                    messages=cast(Any, messages),
                    response_format=cast(Any, response_format(self.mode)),
                    seed=seed,
                    stream=True,
                    **sampling,
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                change = self._adapt(exc)
                if change is not None:
                    logger.info("endpoint refused the request (HTTP %s): %s from now on", exc.status_code, change)
                    continue
                raise BackendUnavailable(f"endpoint refused the request: HTTP {exc.status_code}") from exc
            except openai.APIStatusError as exc:
                if _retryable(exc) and retries < self._settings.max_retries:
                    retries += 1
                    await asyncio.sleep(retry_after_s(exc.response.headers, retries))
                    continue
                raise BackendUnavailable(f"endpoint error: HTTP {exc.status_code}") from exc
            except openai.APITimeoutError as exc:
                raise BackendUnavailable(f"endpoint timed out: no answer within {self._settings.timeout_s:g}s") from exc
            except openai.APIError as exc:
                raise BackendUnavailable(f"endpoint unreachable: {type(exc).__name__}") from exc
            return await self._read(stream, started)

    async def _read(self, stream: Any, started: float) -> Completion:
        """Read a streamed reply until it ends, its JSON object is complete, or it loops; closing the
        stream (always, also on the deadline's cancellation) closes the connection."""
        import openai

        guard = StreamGuard()
        reply = Completion("")
        async with stream:
            content_type = stream.response.headers.get("content-type", "")
            if "text/event-stream" not in content_type:
                return await self._read_whole(stream.response, content_type)
            try:
                async for chunk in stream:
                    if not chunk.choices:
                        continue
                    choice = chunk.choices[0]
                    delta = choice.delta.content if choice.delta is not None else None
                    if delta:
                        if reply.first_chunk_s is None:
                            reply.first_chunk_s = time.monotonic() - started
                        reply.chunks += 1
                        guard.feed(delta)
                    if choice.finish_reason:
                        reply.finish_reason = choice.finish_reason
                    if guard.done or guard.loop is not None:
                        break
            except openai.APITimeoutError as exc:
                raise BackendUnavailable(
                    f"endpoint stalled: nothing for {self._settings.timeout_s:g}s after {reply.chunks} chunks"
                ) from exc
            except openai.APIError as exc:
                raise BackendUnavailable(f"stream broke off after {reply.chunks} chunks: {type(exc).__name__}") from exc
        reply.text, reply.loop = guard.text, guard.loop
        return reply

    @staticmethod
    async def _read_whole(response: Any, content_type: str) -> Completion:
        """An endpoint that ignored ``stream=True`` and sent one chat completion (or a broken proxy)."""
        if "json" not in content_type:
            raise BackendUnavailable("endpoint returned a body that is not a chat completion")
        from openai.types.chat import ChatCompletion

        try:
            completion = ChatCompletion.model_validate_json(await response.aread())
        except Exception as exc:  # a body that is not a chat completion, or a broken connection
            raise BackendUnavailable("endpoint returned a body that is not a chat completion") from exc
        if not completion.choices:
            return Completion("")
        choice = completion.choices[0]
        return Completion(choice.message.content or "", choice.finish_reason)


def make_writer(settings: Settings, http_client: httpx.AsyncClient | None = None) -> ScriptWriter:
    """``LLMWriter`` when an endpoint is configured, ``LocalLlamaWriter`` for a GGUF path, else offline.

    Raises ``MissingExtra`` (one line naming the extra) when a GGUF path is set without ``xllamacpp``."""
    if settings.llm.base_url:
        return LLMWriter(settings.llm, http_client=http_client)
    if settings.llm.gguf_path is not None:
        from story.gguf import LocalLlamaWriter

        return LocalLlamaWriter(settings.llm, fallback=OFFLINE)
    return OfflineWriter()


def write_script(settings: Settings, premise: str, style: str, language: str, seed: int,
                 art_style: str = "storyboard") -> Script:
    """One script from synchronous code (``petreel make``): the bot's writer, run in its own loop."""

    async def run() -> Script:
        writer = make_writer(settings)
        try:
            return await writer.write(premise, style, language, seed, art_style)
        finally:
            await close_writer(writer)

    return asyncio.run(run())


# ---------------------------------------------------------------------------------------------
# Per-user daily expansion cap
# ---------------------------------------------------------------------------------------------


def expansions_left(used: int, daily: int) -> int | None:
    """Expansions still allowed today; None when unlimited (``daily`` <= 0)."""
    return None if daily <= 0 else max(0, daily - used)


class ExpansionLimiter:
    """In-memory counter of expansions keyed by (user id, UTC day); ``daily`` <= 0 disables the cap.

    Counts reset at 00:00 UTC and are lost on restart (the cap is a cost guard, not a ledger).
    """

    def __init__(self, daily: int) -> None:
        self.daily = daily
        self._used: dict[tuple[int, str], int] = {}

    def used(self, user_id: int, now: datetime | None = None) -> int:
        return self._used.get((user_id, utc_day(now or datetime.now(UTC))), 0)

    def take(self, user_id: int, now: datetime | None = None) -> int | None:
        """Count one expansion; returns how many are left (None: unlimited). Raises ``TooManyExpansions``."""
        day = utc_day(now or datetime.now(UTC))
        for key in [k for k in self._used if k[1] < day]:  # earlier days can't matter again
            del self._used[key]
        used = self._used.get((user_id, day), 0)
        if expansions_left(used, self.daily) == 0:
            raise TooManyExpansions(f"{self.daily} per day")
        self._used[(user_id, day)] = used + 1
        return expansions_left(used + 1, self.daily)

"""Script writers: offline (``story.offline``), any OpenAI-compatible endpoint, or a local GGUF model.

``ScriptWriter`` is the one interface the bot uses: ``await writer.write(premise, style, language,
seed, art_style) -> Script``. ``make_writer(settings)`` picks the implementation:

* ``settings.llm.base_url`` set: ``LLMWriter`` talks to OpenAI, Ollama, vLLM, llama.cpp … through
  ``openai.AsyncOpenAI(http_client=…)``. Structured output uses ``response_format=json_schema`` (a
  schema derived from ``Script`` without ``minLength``/``maxLength``/``pattern``, which stall
  llama.cpp's grammar decoding); in ``auto`` mode a 400 about ``response_format`` switches to JSON
  mode for good (a 400 refusing ``max_tokens`` or ``temperature``, as newer OpenAI models send,
  likewise switches to ``max_completion_tokens`` / the default temperature). Replies may carry
  ``<think>`` blocks or code fences; the outermost JSON object is
  validated with ``Script`` (server-owned fields are filled in here, never trusted), checked for
  system-prompt leaks and blocklisted words; invalid output gets ONE repair round with the errors,
  then the offline writer takes over (logged as a warning). 429/5xx/timeouts are retried by the
  openai client (``max_retries``, exponential backoff, ``Retry-After`` honoured). The whole LLM
  phase (both rounds, all retries) has a deadline of ``DEADLINE_FACTOR × timeout_s``, so a person
  waits at most that long before the offline writer answers.
* ``settings.llm.gguf_path`` set: ``LocalLlamaWriter`` runs the model in-process with the optional
  ``xllamacpp`` package (``pip install 'petreel[local-llm]'``; not a default dependency).
* neither: ``OfflineWriter``.

``ExpansionLimiter`` is the per-user daily cap on expansions (new scripts and rerolls).
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, cast

import httpx
import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from petreel.clock import utc_day
from petreel.errors import (
    BackendUnavailable,
    InvalidReply,
    ScriptError,
    TooManyExpansions,
    UnknownStyle,
    WriterUnavailable,
)
from petreel.settings import LLMSettings, Settings
from story.moderation import Moderator, blocked_term, check_blocklist
from story.offline import validate_premise, write_offline
from story.prompts import build_messages, leak_marker, leaked_text, repair_message, script_texts
from story.script import MAX_SCENE_S, MIN_SCENE_S, Script, normalise_language
from story.styles import ART_STYLES, CHARACTER_STYLES

logger = logging.getLogger(__name__)

SERVER_FIELDS = ("premise", "language", "style", "art_style")
DEADLINE_FACTOR = 2.0  # the whole LLM phase (repair round and retries included) gets this × timeout_s
MIN_TOTAL_S = 30.0
MAX_TOTAL_S = 60.0
_DROP_KEYS = frozenset({"maxLength", "minLength", "pattern"})
_HAN = re.compile(r"[\u3400-\u9fff]")


class ScriptWriter(Protocol):
    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        """A validated script for the premise; raises a ``UserError`` (``BadPremise``, ``ContentRefused`` …)."""
        ...


def _check_inputs(premise: str, style: str, art_style: str) -> str:
    premise = validate_premise(premise)
    if style not in CHARACTER_STYLES:
        raise UnknownStyle(f"{style!r}; known: {', '.join(CHARACTER_STYLES)}")
    if art_style not in ART_STYLES:
        raise UnknownStyle(f"art style {art_style!r}; known: {', '.join(ART_STYLES)}")
    return premise


class OfflineWriter:
    """``story.offline.write_offline`` on a worker thread (blocklist first)."""

    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        premise = _check_inputs(premise, style, art_style)
        check_blocklist(premise)
        return await asyncio.to_thread(write_offline, premise, style, normalise_language(language), seed, art_style)

    async def aclose(self) -> None:
        return None


_OFFLINE = OfflineWriter()  # stateless; shared default fallback


async def close_writer(writer: ScriptWriter) -> None:
    """Release a writer's resources (HTTP client, model) when it has any."""
    aclose = getattr(writer, "aclose", None)
    if aclose is not None:
        await aclose()


# ---------------------------------------------------------------------------------------------
# Pure helpers: schema, reply parsing, validation
# ---------------------------------------------------------------------------------------------


def _inline(node: Any, defs: dict[str, Any], in_properties: bool = False) -> Any:
    if isinstance(node, list):
        return [_inline(x, defs) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        extra = {k: _inline(v, defs) for k, v in node.items() if k != "$ref" and k not in _DROP_KEYS}
        return {**target, **extra}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if not in_properties and key in _DROP_KEYS:
            continue
        out[key] = _inline(value, defs, in_properties=(key == "properties" and not in_properties))
    return out


def script_json_schema() -> dict[str, Any]:
    """JSON schema for the model's reply: ``Script`` without server-owned fields, length limits or patterns."""
    raw = Script.model_json_schema()
    defs = raw.pop("$defs", {})
    schema = cast(dict[str, Any], _inline(raw, defs))
    for name in SERVER_FIELDS:
        schema["properties"].pop(name, None)
    schema["required"] = [r for r in schema.get("required", []) if r not in SERVER_FIELDS]
    return schema


def response_format(mode: str) -> dict[str, Any]:
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "script", "schema": script_json_schema(), "strict": False}}
    return {"type": "json_object"}


_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```[a-zA-Z]*\s*\n?(.*?)```", re.S)


def extract_json(text: str, finish_reason: str | None = None) -> dict[str, Any]:
    """The outermost JSON object in a reply, after dropping ``<think>`` blocks and code fences."""
    text = _THINK.sub("", text)
    end_think = text.lower().rfind("</think>")
    if end_think >= 0:
        text = text[end_think + len("</think>") :]
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    first_error: str | None = None
    for cand in candidates:
        for m in re.finditer(r"\{", cand):
            try:
                obj, _ = decoder.raw_decode(cand, m.start())
            except json.JSONDecodeError as exc:
                first_error = first_error or exc.msg
                continue
            if isinstance(obj, dict) and ("scenes" in obj or "title" in obj):
                return obj
    if finish_reason == "length":
        raise InvalidReply("- the reply was cut off at the token limit: write shorter text so the JSON is complete")
    detail = f" ({first_error})" if first_error else ""
    raise InvalidReply(f"- the reply is not one complete JSON object{detail}; reply with only the JSON object")


def _format_validation(exc: ValidationError, limit: int = 15) -> str:
    lines = []
    for err in exc.errors()[:limit]:
        loc = ".".join(str(x) for x in err["loc"]) or "script"
        lines.append(f"- {loc}: {err['msg']}")
    more = len(exc.errors()) - limit
    if more > 0:
        lines.append(f"- … and {more} more")
    return "\n".join(lines)


def _own_fields(data: dict[str, Any], premise: str, style: str, language: str, art_style: str) -> dict[str, Any]:
    """Overwrite server-owned fields and pin the hero to the chosen style (look, species, breed)."""
    data = copy.deepcopy(data)
    data.update(premise=premise, language=language, style=style, art_style=art_style)
    hero_style = CHARACTER_STYLES[style]
    chars = data.get("characters")
    if not isinstance(chars, list) or not chars or not all(isinstance(c, dict) for c in chars):
        return data
    hero = next((c for c in chars if c.get("id") == "hero"), chars[0])
    old_look = hero.get("look")
    hero.update(style=style, look=hero_style.look, species=hero_style.species, breed=hero_style.breed)
    for c in chars:
        if c is not hero and c.get("style") not in CHARACTER_STYLES:
            c["style"] = None
    scenes = data.get("scenes")
    if not isinstance(scenes, list):
        return data
    for scene in scenes:
        if not isinstance(scene, dict) or not isinstance(scene.get("visual_prompt"), str):
            continue
        vp: str = scene["visual_prompt"]
        if isinstance(old_look, str) and old_look and old_look != hero_style.look:
            vp = vp.replace(old_look, hero_style.look)
        ids = [a.get("id") for a in scene.get("characters", []) if isinstance(a, dict)]
        if hero.get("id") in ids and hero_style.look not in vp:
            vp = f"{hero_style.look}; {vp}"
        scene["visual_prompt"] = vp[:600]
    return data


def _fit_total(script: Script) -> Script:
    """Stretch or shrink scene durations into the 30–60 s window (the Script re-checks pacing)."""
    total = script.duration
    if MIN_TOTAL_S <= total <= MAX_TOTAL_S:
        return script
    target = MIN_TOTAL_S + 1 if total < MIN_TOTAL_S else MAX_TOTAL_S - 1
    data = script.model_dump()
    for scene in data["scenes"]:
        scene["duration"] = round(min(MAX_SCENE_S, max(MIN_SCENE_S, scene["duration"] * target / total)), 1)
    fitted = Script.model_validate(data)
    if not MIN_TOTAL_S <= fitted.duration <= MAX_TOTAL_S:
        raise InvalidReply(f"- total duration is {total:g}s; it must be 30 to 60 seconds")
    return fitted


def _content_problems(script: Script) -> list[str]:
    problems = []
    if leaked_text(script) is not None or leak_marker(script) is not None:
        problems.append("- the text repeats your instructions; write only the story")
    term = next((t for t in map(blocked_term, script_texts(script)) if t), None)
    if term is not None:
        problems.append("- keep it friendly for all ages (no gore, cruelty, sexual content or hate)")
    spoken = [s.narration for s in script.scenes] + [script.title]
    if script.language == "zh" and not all(_HAN.search(t) for t in spoken):
        problems.append("- title and every narration must be written in Chinese")
    if script.language == "en" and any(len(_HAN.findall(t)) > len(t) / 4 for t in spoken):
        problems.append("- title and every narration must be written in English")
    return problems


def parse_reply(
    text: str, *, premise: str, style: str, language: str, art_style: str, finish_reason: str | None = None
) -> Script:
    """Turn a model reply into a valid ``Script`` or raise ``InvalidReply`` with errors for the repair round."""
    # 1. Find the JSON object.
    data = extract_json(text, finish_reason)
    # 2. Fill what the server owns, validate against the Script model.
    try:
        script = Script.model_validate(_own_fields(data, premise, style, language, art_style))
        script = _fit_total(script)
    except ValidationError as exc:
        raise InvalidReply(_format_validation(exc)) from None
    # 3. Leaks, blocklisted words, language.
    problems = _content_problems(script)
    if problems:
        raise InvalidReply("\n".join(problems))
    return script


# ---------------------------------------------------------------------------------------------
# Writers backed by a chat model
# ---------------------------------------------------------------------------------------------


class _ChatScriptWriter:
    """Shared flow: ask, parse, one repair round, offline fallback. Subclasses implement ``_complete``."""

    def __init__(self, settings: LLMSettings, fallback: ScriptWriter | None, moderator: Moderator) -> None:
        self._settings = settings
        self._fallback = fallback
        self._moderator = moderator
        self.deadline_s = settings.timeout_s * DEADLINE_FACTOR

    @property
    def moderator(self) -> Moderator:
        """The premise check ``write`` runs; the bot shares it so a premise is moderated once."""
        return self._moderator

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> tuple[str, str | None]:
        raise NotImplementedError

    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        # 1. Validate and moderate the premise (these raise UserErrors for the person).
        premise = _check_inputs(premise, style, art_style)
        lang = normalise_language(language)
        await self._moderator.check(premise)
        # 2. Ask the model; one repair round on invalid output.
        messages = build_messages(premise, style, lang, art_style)
        reason = "no reply"
        unavailable = False
        try:
            async with asyncio.timeout(self.deadline_s):
                for attempt in range(2):
                    text, finish = await self._complete(messages, seed)
                    try:
                        return parse_reply(
                            text, premise=premise, style=style, language=lang, art_style=art_style,
                            finish_reason=finish,
                        )
                    except InvalidReply as bad:
                        reason = f"invalid output after {attempt + 1} tries: {bad.errors.splitlines()[0]}"
                        messages = [*messages, {"role": "assistant", "content": text[:8000]},
                                    repair_message(bad.errors)]
        except BackendUnavailable as exc:
            reason, unavailable = str(exc), True
        except TimeoutError:
            reason, unavailable = f"no usable reply within the {self.deadline_s:g}s deadline", True
        # 3. Fall back to the offline writer.
        if self._fallback is None:
            logger.warning("LLM script writer failed (%s); no fallback", reason)
            raise WriterUnavailable(reason) if unavailable else ScriptError(reason)
        logger.warning("LLM script writer failed (%s); using the offline writer", reason)
        return await self._fallback.write(premise, style, lang, seed, art_style)


def _error_text(exc: openai.APIStatusError) -> str:
    return f"{exc.message} {json.dumps(exc.body, default=str) if exc.body is not None else ''}".lower()


def _about_response_format(exc: openai.APIStatusError) -> bool:
    return any(word in _error_text(exc) for word in ("response_format", "json_schema", "schema", "structured"))


class LLMWriter(_ChatScriptWriter):
    """Writes scripts through any OpenAI-compatible chat-completions endpoint.

    ``http_client`` (an ``httpx.AsyncClient``; openai also accepts an ``httpx2.AsyncClient``) is injected
    and stays the caller's to close; without it the writer owns its client: ``await writer.aclose()``
    or ``async with LLMWriter(...) as writer``.
    """

    def __init__(
        self,
        settings: LLMSettings,
        http_client: httpx.AsyncClient | None = None,
        fallback: ScriptWriter | None = _OFFLINE,
        moderator: Moderator | None = None,
    ) -> None:
        if not settings.base_url:
            raise ValueError("LLMWriter needs settings.llm.base_url")
        client = openai.AsyncOpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key.get_secret_value() if settings.api_key else "not-needed",
            http_client=cast(Any, http_client),
            max_retries=settings.max_retries,
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

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> tuple[str, str | None]:
        while True:  # each _adapt() switch happens at most once, so this loops at most four times
            sampling: dict[str, Any] = {self.token_param: self._settings.max_tokens}
            if self.send_temperature:
                sampling["temperature"] = self._settings.temperature
            try:
                response = await self._client.chat.completions.create(
                    model=self._settings.model,
                    messages=cast(Any, messages),
                    response_format=cast(Any, response_format(self.mode)),
                    seed=seed,
                    **sampling,
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                change = self._adapt(exc)
                if change is not None:
                    logger.info("endpoint refused the request (HTTP %s): %s from now on", exc.status_code, change)
                    continue
                raise BackendUnavailable(f"endpoint refused the request: HTTP {exc.status_code}") from exc
            except openai.APIStatusError as exc:
                raise BackendUnavailable(f"endpoint error: HTTP {exc.status_code}") from exc
            except openai.APITimeoutError as exc:
                raise BackendUnavailable("endpoint timed out") from exc
            except openai.APIError as exc:
                raise BackendUnavailable(f"endpoint unreachable: {type(exc).__name__}") from exc
            if not isinstance(response, ChatCompletion):  # openai hands back a str for a non-JSON body
                raise BackendUnavailable("endpoint returned a body that is not a chat completion")
            if not response.choices:
                return "", None
            choice = response.choices[0]
            return choice.message.content or "", choice.finish_reason


class ChatServer(Protocol):
    """What ``LocalLlamaWriter`` needs from ``xllamacpp.Server``: llama.cpp's chat endpoint as a call."""

    def handle_chat_completions(self, body: dict[str, Any]) -> Any: ...


def load_gguf_server(gguf_path: Path, n_ctx: int = 8192) -> ChatServer:
    """An in-process llama.cpp server for ``gguf_path`` (optional ``xllamacpp`` package; loads the model)."""
    try:
        import xllamacpp  # optional dependency, imported lazily
    except ImportError as exc:
        raise ImportError(
            "local model mode needs the optional 'xllamacpp' package: pip install 'petreel[local-llm]' "
            "(or unset PETREEL_LLM__GGUF_PATH to use the offline writer)"
        ) from exc
    params = xllamacpp.CommonParams()
    params.model.path = str(gguf_path)
    params.n_ctx = n_ctx
    return cast(ChatServer, xllamacpp.Server(params))


class LocalLlamaWriter(_ChatScriptWriter):
    """Runs a local GGUF model in-process with the optional ``xllamacpp`` package (no API needed).

    Install with ``pip install 'petreel[local-llm]'`` and set ``PETREEL_LLM__GGUF_PATH``. The request
    carries ``response_format`` json_schema, which llama.cpp turns into a grammar, so the model can only
    emit schema-shaped JSON; the same repair round and offline fallback apply. ``server`` (anything with
    ``handle_chat_completions(dict) -> dict``) replaces the loaded model, e.g. in tests.
    """

    def __init__(
        self,
        settings: LLMSettings,
        fallback: ScriptWriter | None = _OFFLINE,
        n_ctx: int = 8192,
        server: ChatServer | None = None,
    ) -> None:
        if server is None:
            if settings.gguf_path is None:
                raise ValueError("LocalLlamaWriter needs settings.llm.gguf_path")
            server = load_gguf_server(settings.gguf_path, n_ctx)
        super().__init__(settings, fallback, Moderator())
        self._server = server

    async def aclose(self) -> None:
        return None

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> tuple[str, str | None]:
        body = {
            "messages": messages,
            "response_format": response_format("json_schema"),
            "max_tokens": self._settings.max_tokens,
            "temperature": self._settings.temperature,
            "seed": seed,
        }
        try:
            result = await asyncio.wait_for(
                asyncio.to_thread(self._server.handle_chat_completions, body), timeout=self._settings.timeout_s
            )
        except TimeoutError as exc:
            raise BackendUnavailable("local model timed out") from exc
        except Exception as exc:  # the C++ binding may raise anything (bad request, out of memory)
            raise BackendUnavailable(f"local model failed: {type(exc).__name__}") from exc
        if not isinstance(result, dict) or "error" in result or not result.get("choices"):
            raise BackendUnavailable("local model returned an error")
        choice = result["choices"][0]
        return str(choice.get("message", {}).get("content") or ""), choice.get("finish_reason")


def make_writer(settings: Settings, http_client: httpx.AsyncClient | None = None) -> ScriptWriter:
    """``LLMWriter`` when an endpoint is configured, ``LocalLlamaWriter`` for a GGUF path, else offline."""
    if settings.llm.base_url:
        return LLMWriter(settings.llm, http_client=http_client)
    if settings.llm.gguf_path is not None:
        return LocalLlamaWriter(settings.llm)
    return OfflineWriter()


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

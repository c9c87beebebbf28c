"""The writer interface and the flow every model-backed writer shares (no transport here).

``ScriptWriter`` is the one interface the bot and the CLI use: ``await writer.write(premise, style,
language, seed, art_style) -> Script``. ``OfflineWriter`` wraps ``story.offline``. ``PlanWriter`` is
the base of the model-backed writers (``story/llm.py`` for OpenAI-compatible endpoints,
``story/gguf.py`` for a local GGUF model); they implement ``_complete(messages, seed) -> Completion``
and it runs the steps:

1. the premise is validated and moderated (``UserError``s for the person);
2. the model writes a compact ``Plan`` under ONE overall deadline (``llm.deadline_s``);
3. reply → ``Plan`` (``story/reply.py``) → ``expand_plan`` (the expansion the offline writer uses);
4. an invalid or degenerate plan gets ONE repair round: every error at once, a NEW seed, the bad
   reply not echoed (a short excerpt at most);
5. otherwise the offline writer answers, and the reason is logged.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import ValidationError

from petreel.errors import BackendUnavailable, InvalidReply, ScriptError, WriterUnavailable
from petreel.settings import LLMSettings
from story.expand import expand_plan
from story.moderation import Moderator, check_blocklist
from story.offline import validate_premise, write_offline
from story.plan import Plan, plan_json_schema
from story.prompts import build_messages, excerpt, repair_note
from story.reply import format_validation, parse_plan
from story.script import Script, normalise_language
from story.styles import check_styles

logger = logging.getLogger(__name__)

class ScriptWriter(Protocol):
    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        """A validated script for the premise; raises a ``UserError`` (``BadPremise``, ``ContentRefused`` …)."""
        ...


def check_inputs(premise: str, style: str, art_style: str) -> str:
    premise = validate_premise(premise)
    check_styles(style, art_style)
    return premise


class OfflineWriter:
    """``story.offline.write_offline`` on a worker thread (blocklist first)."""

    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        premise = check_inputs(premise, style, art_style)
        check_blocklist(premise)
        return await asyncio.to_thread(write_offline, premise, style, normalise_language(language), seed, art_style)

    async def aclose(self) -> None:
        return None


OFFLINE = OfflineWriter()  # stateless; shared default fallback


async def close_writer(writer: ScriptWriter) -> None:
    """Release a writer's resources (HTTP client, model) when it has any."""
    aclose = getattr(writer, "aclose", None)
    if aclose is not None:
        await aclose()


# ---------------------------------------------------------------------------------------------
# Pure helpers
# ---------------------------------------------------------------------------------------------


def response_format(mode: str) -> dict[str, Any]:
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "plan", "schema": plan_json_schema(), "strict": False}}
    return {"type": "json_object"}


def repair_seed(seed: int) -> int:
    """The seed of the repair round: never the first round's (a same-seed retry can come back identical)."""
    return (seed * 1_000_003 + 7_919) % 2**31 or 1


def plan_to_script(plan: Plan, premise: str, style: str, language: str, seed: int, art_style: str) -> Script:
    """The full ``Script`` for a valid plan (the shared expansion); an expansion refused by the
    ``Script`` validator is an ``InvalidReply`` too (the repair round can shorten the lines)."""
    try:
        script = expand_plan(plan, premise, style, language, seed)
    except ValidationError as exc:
        raise InvalidReply("\n".join(format_validation(exc))) from None
    return script.model_copy(update={"art_style": art_style})


def parse_reply(
    text: str, *, premise: str, style: str, language: str, art_style: str = "storyboard", seed: int = 0,
    finish_reason: str | None = None,
) -> Script:
    """A model reply → ``Script``, or ``InvalidReply`` with every error for the repair round."""
    plan = parse_plan(text, language=language, finish_reason=finish_reason)
    return plan_to_script(plan, premise, style, language, seed, art_style)


@dataclass
class Completion:
    """One streamed reply: its text, why it ended, and what the guard saw."""

    text: str
    finish_reason: str | None = None
    chunks: int = 0
    loop: str | None = None  # the unit a repetition loop repeated (reading stopped there)
    first_chunk_s: float | None = None  # seconds from the request to the first content


@dataclass
class Outcome:
    """How the last ``write`` went (for logs, benches and tests)."""

    accepted: bool
    rounds: int
    seconds: float
    reason: str | None = None  # why the offline writer answered


# ---------------------------------------------------------------------------------------------
# Writers backed by a chat model
# ---------------------------------------------------------------------------------------------


class PlanWriter:
    """Shared flow: ask for a plan, one repair round, offline fallback. Subclasses implement ``_complete``."""

    def __init__(self, settings: LLMSettings, fallback: ScriptWriter | None, moderator: Moderator) -> None:
        self._settings = settings
        self._fallback = fallback
        self._moderator = moderator
        self.deadline_s = settings.deadline_s
        self.last: Outcome | None = None

    @property
    def moderator(self) -> Moderator:
        """The premise check ``write`` runs; the bot shares it so a premise is moderated once."""
        return self._moderator

    async def _complete(self, messages: list[dict[str, str]], seed: int) -> Completion:
        raise NotImplementedError

    async def write(self, premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
        # 1. Validate and moderate the premise (these raise UserErrors for the person).
        premise = check_inputs(premise, style, art_style)
        lang = normalise_language(language)
        await self._moderator.check(premise)
        # 2. Ask for a plan; one repair round (all errors, a new seed, no echo) on an invalid one.
        started = time.monotonic()
        repair: str | None = None
        reason = "no reply"
        unavailable = False
        rounds = 0
        try:
            async with asyncio.timeout(self.deadline_s):
                for rounds in (1, 2):
                    messages = build_messages(premise, style, lang, repair)
                    reply = await self._complete(messages, seed if rounds == 1 else repair_seed(seed))
                    try:
                        if reply.loop is not None:
                            raise InvalidReply("- the reply fell into a repetition loop; write each line once",
                                               excerpt=excerpt(reply.loop * 3))
                        script = parse_reply(reply.text, premise=premise, style=style, language=lang,
                                             art_style=art_style, seed=seed, finish_reason=reply.finish_reason)
                    except InvalidReply as bad:
                        kind = "degenerate plan" if bad.degenerate else "invalid output"
                        reason = f"{kind} after {rounds} round(s): {'; '.join(bad.errors.splitlines())}"
                        repair = repair_note(bad.errors, bad.excerpt)
                        continue
                    self.last = Outcome(True, rounds, time.monotonic() - started)
                    logger.info("plan accepted in round %d after %.1fs", rounds, self.last.seconds)
                    return script
        except BackendUnavailable as exc:
            reason, unavailable = str(exc), True
        except TimeoutError:
            reason, unavailable = f"no usable plan within the {self.deadline_s:g}s deadline", True
        # 3. Fall back to the offline writer, saying why.
        self.last = Outcome(False, rounds, time.monotonic() - started, reason)
        if self._fallback is None:
            logger.warning("LLM script writer failed (%s); no fallback", reason)
            raise WriterUnavailable(reason) if unavailable else ScriptError(reason)
        logger.warning("LLM script writer failed (%s); using the offline writer", reason)
        return await self._fallback.write(premise, style, lang, seed, art_style)

"""A model's reply → a validated ``Plan`` (pure): JSON extraction, validation, content checks, and
the guard that watches a reply while it streams.

``parse_plan`` raises ``InvalidReply`` whose ``errors`` lists EVERY problem at once (one ``- …`` line
each), which is what a repair round sends back; ``InvalidReply.degenerate`` marks a plan that is
well-formed but useless (``plan_problems``: repeated or placeholder lines, cloned cast, a species
that contradicts the name). ``StreamGuard`` is fed the streamed text and says when to stop reading:
the JSON object is complete (the rest would be chatter), or the model is stuck in a repetition loop.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from petreel.errors import InvalidReply
from story.moderation import blocked_term
from story.plan import Plan, plan_problems
from story.prompts import excerpt, leak_marker, leaked_text, plan_texts
from story.text import HAN as _HAN

MAX_ERROR_LINES = 20
_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```[a-zA-Z]*\s*\n?(.*?)```", re.S)
_PLAN_KEYS = frozenset({"title", "cast", "beats"})


def strip_reasoning(text: str) -> str:
    """The reply without ``<think>`` blocks (a dangling ``</think>`` drops everything before it)."""
    text = _THINK.sub("", text)
    end_think = text.lower().rfind("</think>")
    return text[end_think + len("</think>") :] if end_think >= 0 else text


def extract_json(text: str, finish_reason: str | None = None) -> dict[str, Any]:
    """The outermost plan-shaped JSON object in a reply, after dropping ``<think>`` blocks and fences."""
    text = strip_reasoning(text)
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
            if isinstance(obj, dict) and obj.keys() & _PLAN_KEYS:
                return obj
    if finish_reason == "length":
        raise InvalidReply("- the reply was cut off at the token limit: write shorter lines so the JSON is complete",
                           excerpt=excerpt(text))
    detail = f" ({first_error})" if first_error else ""
    raise InvalidReply(f"- the reply is not one complete JSON object{detail}; reply with only the JSON object",
                       excerpt=excerpt(text))


def format_validation(exc: ValidationError, limit: int = MAX_ERROR_LINES) -> list[str]:
    """One ``- where: what`` line per validation error (all of them, up to ``limit``)."""
    lines = []
    for err in exc.errors()[:limit]:
        loc = ".".join(str(x) for x in err["loc"]) or "plan"
        lines.append(f"- {loc}: {err['msg']}")
    more = len(exc.errors()) - limit
    if more > 0:
        lines.append(f"- … and {more} more")
    return lines


def content_problems(plan: Plan, language: str) -> list[str]:
    """Leaks of the instructions, blocklisted words, and lines in the wrong language."""
    problems = []
    texts = list(plan_texts(plan))
    if leaked_text(texts) is not None or leak_marker(texts) is not None:
        problems.append("- the text repeats your instructions; write only the story")
    if any(blocked_term(t) for t in texts):
        problems.append("- keep it friendly for all ages (no gore, cruelty, sexual content or hate)")
    spoken = [plan.title, *(b.line for b in plan.beats)]
    if language == "zh" and not all(_HAN.search(t) for t in spoken):
        problems.append("- title and every line must be written in Chinese")
    if language == "en" and any(len(_HAN.findall(t)) > len(t) / 4 for t in spoken):
        problems.append("- title and every line must be written in English")
    return problems


def parse_plan(text: str, *, language: str, finish_reason: str | None = None) -> Plan:
    """Turn a model reply into a valid, non-degenerate ``Plan`` or raise ``InvalidReply`` with all errors."""
    # 1. Find the JSON object.
    data = extract_json(text, finish_reason)
    # 2. Validate against the Plan model (every error at once).
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise InvalidReply("\n".join(format_validation(exc))) from None
    # 3. Leaks, blocklisted words, language.
    problems = content_problems(plan, language)
    if problems:
        raise InvalidReply("\n".join(problems))
    # 4. Degenerate plans: well-formed but useless.
    degenerate = plan_problems(plan)
    if degenerate:
        raise InvalidReply("\n".join(f"- {p}" for p in degenerate), degenerate=True)
    return plan


# ---------------------------------------------------------------------------------------------
# Watching a streamed reply
# ---------------------------------------------------------------------------------------------

LOOP_SPAN = 160  # a unit repeated back to back over at least this many characters is a loop …
LOOP_MIN_REPEATS = 4  # … with at least this many copies
LOOP_MAX_UNIT = 120
_CHECK_EVERY = 24  # characters of new text between loop checks


def repetition(text: str) -> str | None:
    """The unit a reply's tail repeats back to back (a decoding loop), or None."""
    for unit in range(1, LOOP_MAX_UNIT + 1):
        copies = max(LOOP_MIN_REPEATS, -(-LOOP_SPAN // unit))
        span = unit * copies
        if span > len(text):
            break
        tail = text[-unit:]
        if text[-span:] == tail * copies:
            return tail
    return None


class StreamGuard:
    """Fed the reply as it streams; ``done`` once the outermost JSON object closes, ``loop`` once the
    tail repeats itself. Text inside ``<think>`` blocks is reasoning, not the object, and is skipped."""

    def __init__(self) -> None:
        self.text = ""
        self.done = False
        self.loop: str | None = None
        self._pos = 0  # scanned up to here
        self._depth = 0
        self._start = 0  # where the current outermost object began
        self._in_string = False
        self._escape = False
        self._thinking = False
        self._checked = 0

    def feed(self, delta: str) -> None:
        self.text += delta
        self._scan()
        if len(self.text) - self._checked >= _CHECK_EVERY:
            self._checked = len(self.text)
            self.loop = repetition(self.text)

    def _scan(self) -> None:
        text = self.text
        while self._pos < len(text) and not self.done:
            if self._thinking:
                end = text.lower().find("</think>", self._pos)
                if end < 0:
                    self._pos = max(self._pos, len(text) - len("</think>"))
                    return
                self._thinking, self._pos = False, end + len("</think>")
                continue
            ch = text[self._pos]
            if self._depth == 0 and ch == "<":
                if text.lower().startswith("<think>", self._pos):
                    self._thinking, self._pos = True, self._pos + len("<think>")
                    continue
                if len(text) - self._pos < len("<think>"):
                    return  # maybe the start of a tag: wait for more
            self._pos += 1
            if self._in_string:
                if self._escape:
                    self._escape = False
                elif ch == "\\":
                    self._escape = True
                elif ch == '"':
                    self._in_string = False
            elif ch == '"' and self._depth > 0:
                self._in_string = True
            elif ch == "{":
                if self._depth == 0:
                    self._start = self._pos - 1
                self._depth += 1
            elif ch == "}" and self._depth > 0:
                self._depth -= 1
                if self._depth == 0:
                    self.done = _is_plan(text[self._start : self._pos])


def _is_plan(candidate: str) -> bool:
    try:
        obj = json.loads(candidate)
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and bool(obj.keys() & _PLAN_KEYS)

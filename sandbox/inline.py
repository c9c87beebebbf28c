"""Inline mode in the sandbox: inline queries, the bot's answers, and results posted into other chats.

``Inline(state)`` adds ``answerInlineQuery`` to a ``SandboxState`` (pure, like it). The flow, as
Telegram runs it:

1. ``ask(user_id, query)`` (a user types ``@<bot> query`` in some chat) queues an ``inline_query``
   update (``id``, ``from``, ``query``, ``offset``, ``chat_type``); returns its id.
2. ``answerInlineQuery`` stores the results (at most 50, unique ids of 1–64 bytes, cached files that
   exist and are of the result's kind, buttons as in messages, ``button.start_parameter`` of 1–64
   ``A-Za-z0-9_-``). Telegram waits 10 s: a later answer is refused like Telegram refuses it.
3. ``choose(user_id, query_id, result_id, peer_id)`` posts the chosen result into the chat between the
   user and ``peer_id`` (a chat the bot is not in) as a message from the user ``via_bot`` the bot, and
   queues a ``chosen_inline_result`` update (with an ``inline_message_id`` when it has a keyboard).

``conversation(a, b)`` is such a chat's messages; ``start_payload(url)`` reads the ``/start`` payload of a
``t.me/<bot>?start=…`` link (the web page and simulated users open those as the chat with ``/start``).
Everything lives in memory only.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sandbox import markup
from sandbox.apierror import ApiError, bad_request

if TYPE_CHECKING:
    from sandbox.state import Params, SandboxState

ANSWER_WITHIN_S = 10.0
MAX_RESULTS = 50
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
# result type -> (file field of the cached kind, the stored file's kind)
_CACHED = {"video": ("video_file_id", "video"), "photo": ("photo_file_id", "photo"),
           "document": ("document_file_id", "document")}


@dataclass
class InlineQueryState:
    id: str
    user_id: int
    query: str
    created: float
    answered: bool = False
    results: list[dict[str, Any]] = field(default_factory=list)
    cache_time: int | None = None
    is_personal: bool = False
    button: dict[str, Any] | None = None


@dataclass
class SharedMessage:
    """A chosen inline result as posted into the chat of ``sender`` and ``peer``."""

    message_id: int
    sender: int
    peer: int
    date: int
    result_id: str
    via_bot: str  # the bot's username
    kind: str | None  # video | photo | document | None (text)
    file_id: str | None
    media: Any
    text: str | None
    caption: str | None
    entities: list[dict[str, Any]]
    reply_markup: dict[str, Any] | None


class Inline:
    """Inline queries and shared results of one sandbox (see the module docstring)."""

    def __init__(self, state: SandboxState, check_button: Callable[[Any], None]) -> None:
        self.state = state
        self.check_button = check_button  # the message keyboards' button check (``state.py``)
        self.queries: dict[str, InlineQueryState] = {}
        self.conversations: dict[tuple[int, int], list[SharedMessage]] = {}
        self.chosen: list[tuple[int, str]] = []  # (user, result id), in order

    def handlers(self) -> dict[str, Callable[[Params], Any]]:
        return {"answerInlineQuery": self._answer}

    # -- the bot's side ----------------------------------------------------------------------------

    def _answer(self, p: Params) -> bool:
        state = self.state
        query_id = p.get_str("inline_query_id", missing="inline_query_id is empty") or ""
        query = self.queries.get(query_id)
        if query is None or query.answered or state.clock() - query.created > ANSWER_WITHIN_S:
            raise bad_request(QUERY_TOO_OLD)
        results = p.get_json("results", "results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._check_result(result, seen)
        button = p.get_json("button", "button")
        if button is not None:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request("can't parse InlineQueryResultsButton")
            start = button.get("start_parameter")
            if start is not None and not _START_PARAMETER.fullmatch(str(start)):
                raise bad_request("START_PARAM_INVALID")
        query.answered, query.results, query.button = True, results, button
        query.cache_time, query.is_personal = p.get_int("cache_time"), p.get_bool("is_personal")
        state._touch(state.chats.get(query.user_id))
        return True

    def _check_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict) or not isinstance(result.get("type"), str):
            raise bad_request("can't parse inline query result")
        result_id = result.get("id")
        if not isinstance(result_id, str) or not 1 <= len(result_id.encode("utf-8")) <= 64:
            raise bad_request("RESULT_ID_INVALID")
        if result_id in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        cached = _CACHED.get(result["type"])
        if cached is not None and cached[0] in result:
            stored = self.state.files.get(str(result[cached[0]]))
            if stored is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            if stored.kind != cached[1]:
                raise bad_request(f"can't use file of type {stored.kind.capitalize()} as {cached[1].capitalize()}")
        for row in (result.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                self.check_button(button)
                if "callback_data" not in button and "url" not in button and "switch_inline_query" not in button \
                        and "switch_inline_query_current_chat" not in button and "copy_text" not in button:
                    raise bad_request("BUTTON_TYPE_INVALID")

    # -- the user's side ---------------------------------------------------------------------------

    def ask(self, user_id: int, query: str, chat_type: str = "private") -> str:
        """The user types ``@<bot> query``: queues an ``inline_query`` update; returns its id."""
        state = self.state
        chat = state.add_user(user_id)
        if len(query) > 256:
            raise ValueError("an inline query is at most 256 characters")
        query_id = str(6_000_000_000_000_000 + state._next_id() * 7919 + user_id % 1000)
        self.queries[query_id] = InlineQueryState(query_id, user_id, query, state.clock())
        update = {"id": query_id, "from": chat.user.to_api(), "query": query, "offset": "", "chat_type": chat_type}
        state._queue("inline_query", {"inline_query": update})
        state._touch(chat)
        return query_id

    def choose(self, user_id: int, query_id: str, result_id: str, peer_id: int) -> SharedMessage:
        """The user taps result ``result_id`` of their answered query ``query_id`` in the chat with
        ``peer_id``: it is posted there via the bot, and the bot gets a ``chosen_inline_result``."""
        state = self.state
        query = self.queries.get(query_id)
        if query is None or query.user_id != user_id or not query.answered:
            raise LookupError(f"inline query {query_id} of user {user_id} has no answer")
        result = next((r for r in query.results if r.get("id") == result_id), None)
        if result is None:
            raise LookupError(f"inline query {query_id} has no result {result_id!r}")
        if peer_id == user_id:
            raise LookupError("choose a chat with someone else")
        sender = state.add_user(user_id)
        state.add_user(peer_id, f"Friend {peer_id}")
        message = self._post(user_id, peer_id, result)
        update: dict[str, Any] = {"result_id": result_id, "from": sender.user.to_api(), "query": query.query}
        if message.reply_markup is not None:
            update["inline_message_id"] = f"AgAAA{state._next_id():08d}{user_id % 10_000:04d}"
        self.chosen.append((user_id, result_id))
        state._queue("chosen_inline_result", {"chosen_inline_result": update})
        state._touch(state.chats.get(user_id))
        state._touch(state.chats.get(peer_id))
        return message

    def _post(self, sender: int, peer: int, result: dict[str, Any]) -> SharedMessage:
        state = self.state
        kind, file_id, media = None, None, None
        cached = _CACHED.get(str(result.get("type")))
        if cached is not None and cached[0] in result:
            stored = state.files[str(result[cached[0]])]
            kind, file_id, media = cached[1], stored.file_id, state._media_object(stored)
        content = result.get("input_message_content") or {}
        raw = str(content.get("message_text") or "") if kind is None else str(result.get("caption") or "")
        mode = content.get("parse_mode") if kind is None else result.get("parse_mode")
        try:
            text, entities = markup.parse(raw, str(mode)) if mode else (raw, [])
        except (markup.EntityParseError, ValueError) as err:
            raise ApiError(400, f"Bad Request: can't parse entities: {err}") from None
        key = (min(sender, peer), max(sender, peer))
        conversation = self.conversations.setdefault(key, [])
        message = SharedMessage(
            message_id=len(conversation) + 1, sender=sender, peer=peer, date=state.now(),
            result_id=str(result.get("id")), via_bot=str(state.bot["username"]), kind=kind, file_id=file_id,
            media=media, text=text if kind is None else None, caption=text if kind is not None else None,
            entities=entities, reply_markup=result.get("reply_markup"),
        )  # fmt: skip
        conversation.append(message)
        return message

    def conversation(self, a: int, b: int) -> list[SharedMessage]:
        return list(self.conversations.get((min(a, b), max(a, b)), []))

    def answer_of(self, query_id: str) -> InlineQueryState | None:
        query = self.queries.get(query_id)
        return query if query and query.answered else None


def start_payload(url: str, bot_username: str) -> str | None:
    """The ``start`` parameter of a ``https://t.me/<bot>?start=…`` link to this bot (None otherwise)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https", "tg") or parts.netloc.lower() not in ("t.me", "telegram.me"):
        return None
    if parts.path.strip("/").lower() != bot_username.lower():
        return None
    values = urllib.parse.parse_qs(parts.query).get("start")
    return values[0] if values and _START_PARAMETER.fullmatch(values[0]) else None

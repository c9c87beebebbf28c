"""Simulated Telegram users and their view of the chat with the bot.

``sandbox.user(42, first_name="Ann", language_code="en")`` returns a :class:`SimUser`:

    mid = await user.send("/start")                      # queues a message update
    msg = await user.wait_for_text("Send me a story")     # waits (asyncio.Condition) for the bot's reply
    qid = await user.press(msg, user.button(msg, "Cancel"))   # taps an inline button
    await user.wait_for(lambda chat: user.answered(qid))
    user.chat                                           # the transcript: list[MessageView]
    qid = await user.inline("cat")                      # types "@bot cat": an inline_query update
    answer = await user.inline_results(qid)             # the bot's answerInlineQuery (results, button)
    shared = await user.choose(qid, answer.results[0]["id"], peer=43)   # posted via the bot to user 43
    await other.open_link(url)                          # a t.me/<bot>?start=… link: "/start <payload>"

``transcript`` / ``chat_payload`` (and ``inline_payload`` / ``shared_payload`` for inline mode) build
the same views for the web chat page's JSON API.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox import markup
from sandbox.inline import InlineQueryState, SharedMessage, start_payload
from sandbox.payments import Checkout
from sandbox.state import CallbackQueryState, Message, SandboxState

if TYPE_CHECKING:
    from sandbox.server import BotApiSandbox


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None
    pay: bool = False  # the Pay button of an invoice


@dataclass(frozen=True)
class MessageView:
    """One message as the user sees it now (a snapshot)."""

    message_id: int
    from_bot: bool
    date: int
    text: str | None
    caption: str | None
    html: str  # text or caption rendered with its entities (escaped, safe to embed)
    buttons: tuple[tuple[Button, ...], ...]
    video: str | None  # file_id
    photo: str | None
    document: str | None
    thumbnail: str | None
    edit_count: int
    deleted: bool
    media: Any = None
    kind: str | None = None  # media_kind: video, photo, document, invoice, successful_payment…
    reply_to: int | None = None  # the message it replies to

    @property
    def invoice(self) -> dict[str, Any] | None:
        """The Invoice (title, description, currency, total_amount) of an invoice message."""
        return self.media if self.kind == "invoice" and isinstance(self.media, dict) else None

    @property
    def payment(self) -> dict[str, Any] | None:
        """The SuccessfulPayment of a payment service message."""
        return self.media if self.kind == "successful_payment" and isinstance(self.media, dict) else None

    @property
    def body(self) -> str:
        """Text or caption ("" for a bare media message)."""
        return self.text or self.caption or ""

    @property
    def callback_data(self) -> list[str]:
        return [b.callback_data for row in self.buttons for b in row if b.callback_data is not None]

    def button(self, text_or_prefix: str) -> Button:
        """The button whose label equals, else starts with, ``text_or_prefix``; LookupError otherwise."""
        flat = [b for row in self.buttons for b in row]
        for candidate in [b for b in flat if b.text == text_or_prefix] + [
            b for b in flat if b.text.startswith(text_or_prefix)
        ]:
            return candidate
        labels = ", ".join(repr(b.text) for b in flat) or "none"
        raise LookupError(f"message {self.message_id} has no button {text_or_prefix!r} (buttons: {labels})")


def view(message: Message) -> MessageView:
    rows: list[tuple[Button, ...]] = []
    for row in (message.reply_markup or {}).get("inline_keyboard", []):
        rows.append(tuple(Button(b.get("text", ""), b.get("callback_data"), b.get("url"), bool(b.get("pay")))
                          for b in row))
    if message.text is not None:
        rendered = markup.to_html(message.text, message.entities)
    else:
        rendered = markup.to_html(message.caption or "", message.caption_entities)
    media = message.media
    thumbnail = media.get("thumbnail", {}).get("file_id") if isinstance(media, dict) else None
    return MessageView(
        message_id=message.message_id, from_bot=message.from_bot, date=message.date, text=message.text,
        caption=message.caption, html=rendered, buttons=tuple(rows),
        video=message.file_id if message.media_kind == "video" else None,
        photo=message.file_id if message.media_kind == "photo" else None,
        document=message.file_id if message.media_kind == "document" else None,
        thumbnail=thumbnail, edit_count=message.edit_count, deleted=message.deleted, media=media,
        kind=message.media_kind, reply_to=message.reply_to,
    )


def transcript(state: SandboxState, user_id: int) -> list[MessageView]:
    chat = state.chats.get(user_id)
    return [view(m) for m in chat.messages.values()] if chat else []


def page_language(commands: list[dict[str, Any]], language_code: str | None) -> str:
    """The language the page speaks: the chat's command menu's (a bot's /lang sets that menu), else
    the user's own."""
    if commands:
        chinese = sum(bool(re.search(r"[\u3400-\u9fff]", str(c.get("description", "")))) for c in commands)
        return "zh" if chinese * 2 > len(commands) else "en"  # (an English menu may name 中文 once)
    return "zh" if (language_code or "").lower().startswith("zh") else "en"


def chat_payload(state: SandboxState, user_id: int, file_url: Callable[[str], str]) -> dict[str, Any]:
    """The web chat page's view of one chat: ``{version, bot, user, action, commands, answers, refusals,
    messages}`` (an invoice carries ``invoice`` and a ``pay`` button; payments and refunds ``payment`` /
    ``refund``)."""
    chat = state.chats.get(user_id)
    messages = []
    for v in transcript(state, user_id):
        if v.deleted:
            continue
        item: dict[str, Any] = {
            "id": v.message_id, "from": "bot" if v.from_bot else "user", "date": v.date, "html": v.html,
            "edits": v.edit_count, "buttons": [[{"text": b.text, "data": b.callback_data, "url": b.url}
                                                for b in row] for row in v.buttons],
        }
        media = v.media if isinstance(v.media, dict) else {}
        if v.video:
            item["video"] = {"url": file_url(v.video), "poster": file_url(v.thumbnail) if v.thumbnail else None,
                             "width": media.get("width"), "height": media.get("height"),
                             "duration": media.get("duration")}
        if v.photo:
            item["photo"] = {"url": file_url(v.photo)}
        if v.invoice:
            item["invoice"] = {k: v.invoice.get(k) for k in ("title", "description", "currency", "total_amount")}
            item["buttons"] = [[{"text": b.text, "data": b.callback_data, "url": b.url, "pay": b.pay} for b in row]
                               for row in v.buttons]
        if v.payment:
            item["payment"] = {"currency": v.payment.get("currency"), "total_amount": v.payment.get("total_amount")}
        if v.kind == "refunded_payment" and media:
            item["refund"] = {"currency": media.get("currency"), "total_amount": media.get("total_amount")}
        if v.document:
            item["document"] = {"url": file_url(v.document), "name": media.get("file_name") or "file",
                                "size": media.get("file_size")}
        messages.append(item)
    answers = [
        {"query_id": q.id, "text": q.text, "show_alert": q.show_alert}
        for q in state.queries.values() if q.user_id == user_id and q.answered and q.text
    ][-5:]
    refusals = [  # pre-checkouts the bot refused: Telegram shows the payer its error_message
        {"query_id": c.id, "text": c.error_message}
        for c in state.payments.checkouts.values() if c.user_id == user_id and c.answered and not c.ok
    ][-5:]
    action = None
    if chat is not None and chat.action and chat.action_until > state.clock():
        action = {"action": chat.action, "for_s": round(chat.action_until - state.clock(), 1)}
    commands = state.commands_for(chat.user.language_code if chat else None, user_id)
    return {
        "version": chat.version if chat else 0,
        "bot": {"name": state.bot["first_name"], "username": state.bot["username"]},
        "user": chat.user.to_api() if chat else None,
        "action": action,
        "commands": commands,
        "language": page_language(commands, chat.user.language_code if chat else None),
        "answers": answers,
        "refusals": refusals,
        "messages": messages,
    }


def _buttons(reply_markup: dict[str, Any] | None) -> list[list[dict[str, Any]]]:
    return [[{"text": b.get("text", ""), "data": b.get("callback_data"), "url": b.get("url")} for b in row]
            for row in (reply_markup or {}).get("inline_keyboard", [])]


def inline_payload(state: SandboxState, query: InlineQueryState, file_url: Callable[[str], str]) -> dict[str, Any]:
    """The web page's view of an inline query's answer: results to pick from and the optional button."""
    results = []
    for r in query.results:
        item: dict[str, Any] = {"id": r.get("id"), "type": r.get("type"), "title": r.get("title") or "",
                                "description": r.get("description") or ""}
        stored = state.files.get(str(r.get("video_file_id") or r.get("photo_file_id") or ""))
        if stored is not None:
            item["url"] = file_url(stored.file_id)
            if stored.thumbnail_id:
                item["poster"] = file_url(stored.thumbnail_id)
        results.append(item)
    return {"ok": True, "query_id": query.id, "answered": query.answered, "results": results,
            "button": query.button, "is_personal": query.is_personal, "cache_time": query.cache_time}


def shared_payload(state: SandboxState, user_id: int, peer_id: int, file_url: Callable[[str], str]) -> dict[str, Any]:
    """The web page's view of the chat between two users (what they shared there via the bot)."""
    messages = []
    for m in state.inline.conversation(user_id, peer_id):
        item: dict[str, Any] = {"id": m.message_id, "from": "me" if m.sender == user_id else "peer",
                                "sender": m.sender, "via_bot": m.via_bot, "date": m.date,
                                "html": markup.to_html(m.caption or m.text or "", m.entities),
                                "buttons": _buttons(m.reply_markup)}
        if m.kind == "video" and m.file_id and isinstance(m.media, dict):
            thumb = m.media.get("thumbnail", {}).get("file_id")
            item["video"] = {"url": file_url(m.file_id), "poster": file_url(thumb) if thumb else None,
                             "width": m.media.get("width"), "height": m.media.get("height")}
        messages.append(item)
    peer = state.chats.get(peer_id)
    return {"ok": True, "peer": peer.user.to_api() if peer else {"id": peer_id}, "messages": messages}


class SimUser:
    """A person chatting with the bot in a private chat (see the module docstring)."""

    def __init__(self, sandbox: BotApiSandbox, user_id: int) -> None:
        self.sandbox = sandbox
        self.id = user_id
        self._seen: tuple[object, object, int] | None = None  # (state, chat, its version) of ``_views``
        self._views: list[MessageView] = []

    @property
    def _state(self) -> SandboxState:
        return self.sandbox.state

    @property
    def chat(self) -> list[MessageView]:
        """The whole transcript, oldest first (deleted messages included, flagged ``deleted``).

        Rebuilt only when the chat changed (every change bumps its ``version``): ``wait_for``
        predicates run on every change anywhere, and a load test has a hundred users waiting."""
        state = self._state
        chat = state.chats.get(self.id)
        seen = (state, chat, chat.version) if chat is not None else None
        old = self._seen
        if seen is None or old is None or old[0] is not state or old[1] is not chat or old[2] != seen[2]:
            self._views = transcript(state, self.id)
            self._seen = seen
        return list(self._views)

    @property
    def visible(self) -> list[MessageView]:
        return [m for m in self.chat if not m.deleted]

    @property
    def last(self) -> MessageView:
        """The newest visible message from the bot."""
        bot = [m for m in self.visible if m.from_bot]
        if not bot:
            raise LookupError(f"the bot has not said anything to user {self.id} yet")
        return bot[-1]

    @property
    def action(self) -> str | None:
        """The current chat action ("typing", "upload_video"), if the bot set one in the last 5 s."""
        chat = self._state.chats.get(self.id)
        if chat is None or chat.action_until <= self._state.clock():
            return None
        return chat.action

    @property
    def keyboard(self) -> dict[str, Any] | None:
        """The reply keyboard the bot last set (ReplyKeyboardMarkup), if any."""
        chat = self._state.chats.get(self.id)
        return chat.reply_keyboard if chat else None

    async def send(self, text: str) -> int:
        """Send ``text`` to the bot; returns the new message id."""
        message = self._state.user_send(self.id, text)
        await self.sandbox.changed()
        return message.message_id

    async def press(self, message: MessageView | int, callback_data: str) -> str:
        """Tap the inline button with ``callback_data`` under ``message``; returns the callback query id."""
        message_id = message.message_id if isinstance(message, MessageView) else message
        query_id = self._state.user_press(self.id, message_id, callback_data)
        await self.sandbox.changed()
        return query_id

    async def pay(self, message: MessageView | int, in_chat: int | None = None) -> str:
        """Tap Pay under an invoice (``in_chat``: one forwarded from that user's chat): the bot gets a
        ``pre_checkout_query``; returns its id. Once the bot answers ok, a ``successful_payment``
        message follows (see ``sandbox/payments.py``)."""
        message_id = message.message_id if isinstance(message, MessageView) else message
        query_id = self._state.payments.pay(self.id, message_id, in_chat)
        await self.sandbox.changed()
        return query_id

    def checkout(self, query_id: str) -> Checkout | None:
        """The pre-checkout query ``query_id`` once the bot answered it (ok, error_message)."""
        checkout = self._state.payments.checkouts.get(query_id)
        return checkout if checkout and checkout.answered else None

    async def inline(self, query: str = "") -> str:
        """Type ``@<bot> query`` in some chat: the bot gets an ``inline_query``; returns its id."""
        query_id = self._state.inline.ask(self.id, query)
        await self.sandbox.changed()
        return query_id

    async def inline_results(self, query_id: str, timeout: float = 5.0) -> InlineQueryState:  # noqa: ASYNC109
        """Wait for the bot's answer to inline query ``query_id`` (results, cache_time, is_personal)."""
        inline = self._state.inline
        if not await self.sandbox.wait_until(lambda: inline.answer_of(query_id) is not None, timeout):
            raise TimeoutError(f"inline query {query_id} of user {self.id} not answered within {timeout} s")
        answer = inline.answer_of(query_id)
        assert answer is not None
        return answer

    async def choose(self, query_id: str, result_id: str, peer: int) -> SharedMessage:
        """Tap an inline result in the chat with user ``peer``: it is posted there via the bot."""
        message = self._state.inline.choose(self.id, query_id, result_id, peer)
        await self.sandbox.changed()
        return message

    def shared_with(self, peer: int) -> list[SharedMessage]:
        """The chat between this user and ``peer`` (messages sent there via the bot)."""
        return self._state.inline.conversation(self.id, peer)

    async def open_link(self, url: str) -> int:
        """Tap a ``t.me/<bot>?start=…`` link: the chat with the bot opens and sends ``/start <payload>``."""
        payload = start_payload(url, str(self._state.bot["username"]))
        if payload is None:
            raise LookupError(f"{url} is not a start link of @{self._state.bot['username']}")
        return await self.send(f"/start {payload}")

    async def block(self, blocked: bool = True) -> None:
        """Block (or unblock) the bot: its sends then fail with 403 "bot was blocked by the user"."""
        self._state.set_blocked(self.id, blocked)
        await self.sandbox.changed()

    async def wait_for(self, predicate: Callable[[list[MessageView]], object],
                       timeout: float = 5.0) -> list[MessageView]:  # noqa: ASYNC109 (documented API)
        """Wait until ``predicate(transcript)`` is truthy; returns the transcript. TimeoutError shows it."""
        ok = await self.sandbox.wait_until(lambda: bool(predicate(self.chat)), timeout)
        if not ok:
            raise TimeoutError(f"condition not met within {timeout} s; chat with user {self.id}:\n{self.dump()}")
        return self.chat

    async def wait_for_text(self, substring: str, timeout: float = 5.0) -> MessageView:  # noqa: ASYNC109
        """Wait for a visible bot message whose text or caption contains ``substring``; returns the newest."""
        await self.wait_for(lambda chat: any(m.from_bot and not m.deleted and substring in m.body for m in chat),
                            timeout)
        return self.find(substring)

    def find_all(self, substring: str) -> list[MessageView]:
        return [m for m in self.visible if substring in m.body]

    def find(self, substring: str) -> MessageView:
        """The newest visible message containing ``substring``; LookupError (with the transcript) if none."""
        found = self.find_all(substring)
        if not found:
            raise LookupError(f"no message contains {substring!r}; chat with user {self.id}:\n{self.dump()}")
        return found[-1]

    def button(self, message: MessageView | int, text_or_prefix: str) -> str:
        """The callback_data of the button labelled ``text_or_prefix`` (or starting with it)."""
        if isinstance(message, int):
            matches = [m for m in self.chat if m.message_id == message]
            if not matches:
                raise LookupError(f"no message {message} in the chat with user {self.id}")
            message = matches[0]
        button = message.button(text_or_prefix)
        if button.callback_data is None:
            raise LookupError(f"button {button.text!r} is a URL button, not a callback button")
        return button.callback_data

    def answered(self, query_id: str) -> bool:
        query = self._state.queries.get(query_id)
        return bool(query and query.answered)

    def callback_answer(self, query_id: str) -> CallbackQueryState | None:
        """The answer to a callback query (text, show_alert, url) once the bot answered it."""
        query = self._state.queries.get(query_id)
        return query if query and query.answered else None

    def dump(self) -> str:
        """The transcript as readable lines (used in failure messages)."""
        lines = []
        for m in self.chat:
            who = "bot " if m.from_bot else "user"
            extras = []
            if m.video:
                extras.append("[video]")
            if m.photo:
                extras.append("[photo]")
            if m.document:
                extras.append("[document]")
            if m.invoice:
                extras.append(f"[invoice {m.invoice.get('title')!r} {m.invoice.get('total_amount')} {m.invoice.get('currency')}]")
            if m.payment:
                extras.append(f"[paid {m.payment.get('total_amount')} {m.payment.get('currency')}]")
            if m.edit_count:
                extras.append(f"(edited x{m.edit_count})")
            if m.deleted:
                extras.append("(deleted)")
            labels = " ".join(f"[{b.text}]" for row in m.buttons for b in row)
            lines.append(f"  #{m.message_id} {who}: {m.body!r} {' '.join(extras)} {labels}".rstrip())
        return "\n".join(lines) or "  (empty)"

"""In-memory Telegram for one bot: users, private chats, messages, files, updates, callback queries.

This is the pure core of the sandbox (no I/O, no event loop; the clock is injected). ``call(method,
params, attachments)`` executes one Bot API method and returns its ``result`` or raises
:class:`ApiError` with Telegram's error text. The HTTP server (``server.py``) and the simulated users
(``users.py``) are thin layers over it.
"""

from __future__ import annotations

import hashlib
import io
import json
import mimetypes
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from petreel.mp4 import video_facts
from sandbox import markup
from sandbox.apierror import ApiError, bad_request
from sandbox.inline import Inline
from sandbox.payments import Payments
from sandbox.spec import Upload

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same as a "
    "current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
     "choose_sticker", "find_location", "record_video_note", "upload_video_note"}
)
UPDATE_TYPES_OFF_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
CHAT_ACTION_SECONDS = 5.0
_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")
_FILE_PREFIX = {"video": "BAACAgIAAxkBAAI", "photo": "AgACAgIAAxkBAAI", "document": "BQACAgIAAxkBAAI"}


NOT_UTF8 = "strings must be encoded in UTF-8"  # Telegram's words for a lone surrogate in a request


def has_lone_surrogate(value: object) -> bool:
    """Whether ``value`` (a string, or any JSON value holding strings) can't be encoded to UTF-8:
    Telegram refuses such a request with 400, and one stored would break every later response."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_lone_surrogate(v) for v in value)
    return False


@dataclass
class UserInfo:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    def chat_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str  # video | photo | document
    data: bytes
    mime_type: str
    file_name: str | None
    file_path: str
    width: int = 0
    height: int = 0
    duration: int = 0
    thumbnail_id: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Message:
    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    text: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None  # inline keyboards only, as Telegram stores them
    media_kind: str | None = None
    media: Any = None  # the API object: Video / list of PhotoSize / Document
    file_id: str | None = None
    edit_date: int | None = None
    edit_count: int = 0
    deleted: bool = False
    reply_to: int | None = None  # the message this one replies to (reply_parameters), in the same chat


@dataclass
class Chat:
    user: UserInfo
    messages: dict[int, Message] = field(default_factory=dict)
    next_message_id: int = 1
    version: int = 0
    started: bool = False
    blocked: bool = False
    action: str | None = None
    action_until: float = 0.0
    reply_keyboard: dict[str, Any] | None = None


@dataclass
class CallbackQueryState:
    id: str
    user_id: int
    message_id: int
    data: str
    created: float
    answered: bool = False
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


@dataclass
class Webhook:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


class Params:
    """Typed access to request parameters that arrive as form strings or JSON values."""

    def __init__(self, values: Mapping[str, object], attachments: Mapping[str, Upload]) -> None:
        self.values = values
        self.attachments = attachments

    def has(self, name: str) -> bool:
        return self.values.get(name) is not None

    def get_str(self, name: str, missing: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None or isinstance(value, Upload):
            if missing is not None:
                raise bad_request(missing)
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return json.dumps(value)

    def get_int(self, name: str, missing: str | None = None, invalid: str | None = None) -> int | None:
        value = self.values.get(name)
        if value is None:
            if missing is not None:
                raise bad_request(missing)
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        raise bad_request(invalid or f"invalid {name} specified")

    def get_bool(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)

    def get_json(self, name: str, what: str) -> Any:
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {what} JSON object") from None
        return value

    def get_file(self, name: str) -> Upload | str | None:
        value = self.values.get(name)
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            upload = self.attachments.get(value[len("attach://") :])
            if upload is None:
                raise bad_request(f"file {value} not found")
            return upload
        return self.get_str(name)


def _image_size(data: bytes) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:  # any undecodable upload is simply "not an image"
        return None


class SandboxState:
    """Everything the fake Telegram knows; ``call`` runs one Bot API method against it."""

    def __init__(
        self,
        bot_id: int,
        *,
        bot_first_name: str = "PetReel",
        bot_username: str = "petreel_sandbox_bot",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bot = {
            "id": bot_id, "is_bot": True, "first_name": bot_first_name, "username": bot_username,
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": True,
            "can_connect_to_business": False, "has_main_web_app": False,
        }
        self.clock = clock
        self.chats: dict[int, Chat] = {}
        self.updates: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.allowed_updates: list[str] | None = None
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.queries: dict[str, CallbackQueryState] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.bot_texts: dict[tuple[str, str], str] = {}
        self.webhook = Webhook()
        self.version = 0
        self.warnings: list[str] = []  # things Telegram silently ignores; the server reports them as violations
        self.counter = 0  # file and callback query ids (kept by persist.py across restarts)
        # message ids of a new chat start here; a restarted server starts them higher so a bot's stored
        # ids from an earlier run that kept no state cannot hit a new message
        self.first_message_id = 1
        self._handlers: dict[str, Callable[[Params], Any]] = {
            "getMe": lambda p: dict(self.bot),
            "logOut": lambda p: True,
            "close": lambda p: True,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setMyName": lambda p: self._set_bot_text(p, "name"),
            "setMyDescription": lambda p: self._set_bot_text(p, "description"),
            "setMyShortDescription": lambda p: self._set_bot_text(p, "short_description"),
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "sendVideo": lambda p: self._send_media(p, "video"),
            "sendPhoto": lambda p: self._send_media(p, "photo"),
            "sendDocument": lambda p: self._send_media(p, "document"),
            "getFile": self._get_file,
        }
        self.payments = Payments(self)  # sendInvoice, answerPreCheckoutQuery, refundStarPayment
        self._handlers.update(self.payments.handlers())
        self.inline = Inline(self, _check_inline_button)  # answerInlineQuery; inline queries and results shared into other chats
        self._handlers.update(self.inline.handlers())

    # -- bookkeeping ------------------------------------------------------------------------------

    def supports(self, method: str) -> bool:
        return method in self._handlers

    def call(self, method: str, params: Mapping[str, object], attachments: Mapping[str, Upload] | None = None) -> Any:
        """Execute one Bot API method (canonical name) and return its result; raises :class:`ApiError`."""
        handler = self._handlers.get(method)
        if handler is None:
            raise ApiError(501, f"Not Implemented: the sandbox does not implement {method}")
        return handler(Params(params, attachments or {}))

    def _touch(self, chat: Chat | None = None) -> None:
        self.version += 1
        if chat is not None:
            chat.version += 1

    def _next_id(self) -> int:
        self.counter += 1
        return self.counter

    def now(self) -> int:
        return int(self.clock())

    # -- users -----------------------------------------------------------------------------------

    def add_user(self, user_id: int, first_name: str = "Ann", *, last_name: str | None = None,
                 username: str | None = None, language_code: str | None = "en") -> Chat:
        """The private chat with a user (created on first use; later calls keep the existing one)."""
        if has_lone_surrogate([first_name, last_name, username, language_code]):
            raise bad_request(f"user names: {NOT_UTF8}")
        chat = self.chats.get(user_id)
        if chat is None:
            chat = Chat(UserInfo(user_id, first_name, last_name, username, language_code),
                        next_message_id=self.first_message_id)
            self.chats[user_id] = chat
        return chat

    def _chat(self, p: Params) -> Chat:
        raw = p.values.get("chat_id")
        if raw is None:
            raise bad_request("chat_id is empty")
        try:
            chat_id = p.get_int("chat_id")
        except ApiError:
            raise bad_request("chat not found") from None
        chat = self.chats.get(chat_id or 0)
        if chat is None:
            raise bad_request("chat not found")
        if chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if not chat.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        chat = self.add_user(user_id)
        chat.blocked = blocked
        self._touch(chat)

    def user_send(self, user_id: int, text: str) -> Message:
        """The user types ``text``; queues a ``message`` update (commands get bot_command entities).
        Text that is not valid UTF-8 is refused (``ApiError`` 400) and nothing is queued."""
        if has_lone_surrogate(text):
            raise bad_request(f"message text: {NOT_UTF8}")
        chat = self.add_user(user_id)
        chat.started = True
        chat.blocked = False
        entities = []
        for m in _COMMAND.finditer(text):
            entities.append({"type": "bot_command", "offset": markup.utf16_len(text[: m.start()]),
                             "length": markup.utf16_len(m.group(0))})
        message = self._new_message(chat, from_bot=False, text=text, entities=entities)
        self._queue("message", {"message": self.message_api(message)})
        return message

    def user_press(self, user_id: int, message_id: int, data: str) -> str:
        """The user taps an inline button; queues a ``callback_query`` update and returns the query id."""
        chat = self.chats.get(user_id)
        message = chat.messages.get(message_id) if chat else None
        if chat is None or message is None or message.deleted:
            raise LookupError(f"message {message_id} is not in the chat with {user_id}")
        if data not in button_data(message.reply_markup):
            raise LookupError(f"message {message_id} has no button with callback_data {data!r}")
        query_id = str(4_000_000_000_000_000 + self._next_id() * 7919 + user_id % 1000)
        self.queries[query_id] = CallbackQueryState(query_id, user_id, message_id, data, self.clock())
        digest = hashlib.sha1(f"{user_id}:{self.bot['id']}".encode()).hexdigest()
        query = {
            "id": query_id, "from": chat.user.to_api(), "message": self.message_api(message),
            "chat_instance": str(int(digest[:15], 16)), "data": data,
        }
        self._queue("callback_query", {"callback_query": query})
        self._touch(chat)
        return query_id

    # -- updates ---------------------------------------------------------------------------------

    def _queue(self, kind: str, body: dict[str, Any]) -> None:
        allowed = self.allowed_updates
        if allowed is not None and (kind not in allowed if allowed else kind in UPDATE_TYPES_OFF_BY_DEFAULT):
            return
        self.updates.append({"update_id": self.next_update_id, **body})
        self.next_update_id += 1
        self._touch()

    def confirm(self, offset: int) -> None:
        """getUpdates ``offset``: forget every update below it (negative: keep only the last -offset)."""
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    def pending(self, limit: int = 100) -> list[dict[str, Any]]:
        return self.updates[: max(1, min(limit, 100))]

    def set_allowed_updates(self, value: Any) -> None:
        if isinstance(value, list):
            self.allowed_updates = [str(v) for v in value]

    # -- messages --------------------------------------------------------------------------------

    def _new_message(self, chat: Chat, *, from_bot: bool, **fields: Any) -> Message:
        message = Message(chat.next_message_id, chat.user.id, from_bot, self.now(), **fields)
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        if from_bot:
            chat.action = None
        self._touch(chat)
        return message

    def message_api(self, message: Message) -> dict[str, Any]:
        chat = self.chats[message.chat_id]
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "chat": chat.user.chat_api(),
            "date": message.date,
        }
        if message.from_bot:
            data["from"] = {k: self.bot[k] for k in ("id", "is_bot", "first_name", "username")}
        else:
            data["from"] = chat.user.to_api()
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        if message.text is not None:
            data["text"] = message.text
            if message.entities:
                data["entities"] = message.entities
        if message.media_kind is not None:
            data[message.media_kind] = message.media
        if message.caption:
            data["caption"] = message.caption
            if message.caption_entities:
                data["caption_entities"] = message.caption_entities
        if message.reply_markup is not None:
            data["reply_markup"] = message.reply_markup
        replied = chat.messages.get(message.reply_to) if message.reply_to is not None else None
        if replied is not None and not replied.deleted:  # one level, as Telegram sends it
            data["reply_to_message"] = {k: v for k, v in self.message_api(replied).items() if k != "reply_to_message"}
        return data

    def _reply_to(self, p: Params, chat: Chat) -> int | None:
        """The message a new one replies to (``reply_parameters``): it must be in this chat, unless
        ``allow_sending_without_reply``, which sends it as a plain message instead."""
        reply = p.get_json("reply_parameters", "reply parameters")
        if reply is None:
            return None
        if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
            raise bad_request("can't parse reply parameters JSON object")
        if reply.get("chat_id") not in (None, chat.user.id):
            raise bad_request("replies to other chats are not simulated")
        target = chat.messages.get(reply["message_id"])
        if target is None or target.deleted:
            if reply.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        return target.message_id

    def _formatted(self, p: Params, text_field: str, entities_field: str) -> tuple[str, list[dict[str, Any]]]:
        text = p.get_str(text_field) or ""
        mode = p.get_str("parse_mode")
        if mode:
            try:
                return markup.parse(text, mode)
            except markup.EntityParseError as err:
                raise bad_request(f"can't parse entities: {err}") from None
            except ValueError:
                raise bad_request(f"unsupported parse_mode {mode!r}") from None
        entities = p.get_json(entities_field, "entities") or []
        if not isinstance(entities, list):
            raise bad_request(f"can't parse {entities_field} JSON object")
        return markup.strip_formatted(text, [e for e in entities if isinstance(e, dict)])

    def _markup(self, p: Params, chat: Chat) -> dict[str, Any] | None:
        """The inline keyboard to store on the message (reply keyboards change the chat instead)."""
        value = p.get_json("reply_markup", "reply keyboard markup")
        if value is None:
            return None
        if not isinstance(value, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in value:
            rows = value["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request("can't parse inline keyboard button: field \"inline_keyboard\" must be an Array")
            for row in rows:
                for button in row:
                    _check_inline_button(button)
            rows = [row for row in rows if row]
            return {"inline_keyboard": rows} if rows else None
        if "keyboard" in value:
            chat.reply_keyboard = value
        elif value.get("remove_keyboard"):
            chat.reply_keyboard = None
        return None

    def _send_message(self, p: Params) -> dict[str, Any]:
        chat = self._chat(p)
        if p.values.get("text") is None:
            raise bad_request("message text is empty")
        text, entities = self._formatted(p, "text", "entities")
        if not text:
            raise bad_request("message text is empty")
        if markup.utf16_len(text) > 4096:
            raise bad_request("message is too long")
        reply_markup = self._markup(p, chat)
        message = self._new_message(chat, from_bot=True, text=text, entities=entities, reply_markup=reply_markup,
                                    reply_to=self._reply_to(p, chat))
        return self.message_api(message)

    def _target(self, p: Params, *, action: str = "edit") -> tuple[Chat, Message]:
        if p.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self._chat(p)
        message_id = p.get_int("message_id", missing="message identifier is not specified",
                            invalid="message identifier is not specified")
        message = chat.messages.get(message_id or 0)
        if message is None or message.deleted:
            raise bad_request(f"message to {action} not found")
        if not message.from_bot and action == "edit":
            raise bad_request("message can't be edited")
        return chat, message

    def _edited(self, chat: Chat, message: Message) -> dict[str, Any]:
        message.edit_count += 1
        message.edit_date = self.now()
        self._touch(chat)
        return self.message_api(message)

    def _edit_message_text(self, p: Params) -> dict[str, Any]:
        chat, message = self._target(p)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        if p.values.get("text") is None:
            raise bad_request("text must be non-empty")
        text, entities = self._formatted(p, "text", "entities")
        if not text:
            raise bad_request("text must be non-empty")
        if markup.utf16_len(text) > 4096:
            raise bad_request("MESSAGE_TOO_LONG")
        reply_markup = self._markup(p, chat)
        if (text, entities, reply_markup) == (message.text, message.entities, message.reply_markup):
            raise bad_request(NOT_MODIFIED)
        message.text, message.entities, message.reply_markup = text, entities, reply_markup
        return self._edited(chat, message)

    def _edit_message_caption(self, p: Params) -> dict[str, Any]:
        chat, message = self._target(p)
        if message.media_kind is None:
            raise bad_request("there is no caption in the message to edit")
        caption, entities = self._formatted(p, "caption", "caption_entities")
        if markup.utf16_len(caption) > 1024:
            raise bad_request("message caption is too long")
        reply_markup = self._markup(p, chat)
        if (caption, entities, reply_markup) == (message.caption or "", message.caption_entities,
                                                 message.reply_markup):
            raise bad_request(NOT_MODIFIED)
        message.caption, message.caption_entities, message.reply_markup = caption or None, entities, reply_markup
        return self._edited(chat, message)

    def _edit_message_reply_markup(self, p: Params) -> dict[str, Any]:
        chat, message = self._target(p)
        reply_markup = self._markup(p, chat)
        if reply_markup == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        message.reply_markup = reply_markup
        return self._edited(chat, message)

    def _delete_message(self, p: Params) -> bool:
        chat, message = self._target(p, action="delete")
        message.deleted = True
        self._touch(chat)
        return True

    def _delete_messages(self, p: Params) -> bool:
        chat = self._chat(p)
        ids = p.get_json("message_ids", "message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids must be a non-empty array of at most 100 identifiers")
        for message_id in ids:
            message = chat.messages.get(message_id) if isinstance(message_id, int) else None
            if message is not None:
                message.deleted = True
        self._touch(chat)
        return True

    # -- callback queries, chat actions ----------------------------------------------------------

    def _answer_callback_query(self, p: Params) -> bool:
        query_id = p.get_str("callback_query_id", missing="query_id is empty") or ""
        query = self.queries.get(query_id)
        if query is None or query.answered:
            raise bad_request(QUERY_TOO_OLD)
        text = p.get_str("text")
        if text is not None and markup.utf16_len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        query.answered = True
        query.text = text
        query.show_alert = p.get_bool("show_alert")
        query.url = p.get_str("url")
        self._touch(self.chats.get(query.user_id))
        return True

    def _send_chat_action(self, p: Params) -> bool:
        chat = self._chat(p)
        action = p.get_str("action", missing="action is empty") or ""
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat.action = action
        chat.action_until = self.clock() + CHAT_ACTION_SECONDS
        self._touch(chat)
        return True

    # -- files -----------------------------------------------------------------------------------

    def store_file(self, kind: str, upload: Upload, **meta: Any) -> StoredFile:
        n = self._next_id()
        digest = hashlib.sha256(upload.data + str(n).encode()).digest()
        token = digest.hex()[:40]
        file_id = f"{_FILE_PREFIX.get(kind, 'BQACAgIAAxkBAAI')}{n:06d}{token}"
        unique = f"AgAD{n:04d}{token[:8]}"
        mime = upload.content_type
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
        if kind == "video" and not mime.startswith("video/"):
            mime = "video/mp4"  # Telegram serves videos as MP4
        elif kind == "photo":
            mime = "image/jpeg"  # and re-encodes photos as JPEG
        folder = {"video": "videos", "photo": "photos"}.get(kind, "documents")
        ext = mimetypes.guess_extension(mime) or ""
        if mime == "image/jpeg":
            ext = ".jpg"
        path = f"{folder}/file_{n}{ext}"  # never derived from the uploaded name
        stored = StoredFile(file_id, unique, kind, upload.data, mime, upload.filename or None, path, **meta)
        self.files[file_id] = stored
        self.files_by_path[path] = stored
        return stored

    def _existing(self, value: str, kind: str) -> StoredFile:
        if value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        stored = self.files.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise bad_request(f"can't use file of type {stored.kind.capitalize()} as {kind.capitalize()}")
        return stored

    def _thumbnail(self, p: Params) -> str | None:
        value = p.get_file("thumbnail")
        if value is None:
            return None
        if isinstance(value, str):
            self.warnings.append("thumbnail: only new uploads are used as thumbnails; a string is ignored")
            return None
        size = _image_size(value.data)
        if size is None:
            self.warnings.append("thumbnail: not a decodable image; Telegram ignores it")
            return None
        if max(size) > 320 or len(value.data) >= 200 * 1024:
            self.warnings.append(
                f"thumbnail: {size[0]}x{size[1]}, {len(value.data)} bytes exceeds 320x320 / 200 kB; "
                "Telegram ignores it"
            )
            return None
        stored = self.store_file("photo", value, width=size[0], height=size[1])
        return stored.file_id

    def photo_size(self, stored: StoredFile) -> dict[str, Any]:
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": stored.size,
                "width": stored.width, "height": stored.height}

    def _media_object(self, stored: StoredFile) -> Any:
        base: dict[str, Any] = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                                "file_size": stored.size}
        if stored.kind == "photo":
            return [self.photo_size(stored)]
        if stored.file_name:
            base["file_name"] = stored.file_name
        base["mime_type"] = stored.mime_type
        if stored.thumbnail_id and stored.thumbnail_id in self.files:
            thumb = self.photo_size(self.files[stored.thumbnail_id])
            base["thumbnail"] = thumb
        if stored.kind == "video":
            base.update(width=stored.width, height=stored.height, duration=stored.duration)
        return base

    def _send_media(self, p: Params, kind: str) -> dict[str, Any]:
        chat = self._chat(p)
        value = p.get_file(kind)
        if value is None:
            raise bad_request(f"there is no {kind} in the request")
        if isinstance(value, Upload):
            if not value.data:
                raise bad_request("file must be non-empty")
            meta: dict[str, Any] = {}
            if kind == "video":
                width, height, duration = video_facts(value.data)
                meta = {"width": p.get_int("width") or width, "height": p.get_int("height") or height,
                        "duration": p.get_int("duration") or duration, "thumbnail_id": self._thumbnail(p)}
            elif kind == "photo":
                size = _image_size(value.data)
                if size is None:
                    raise bad_request("IMAGE_PROCESS_FAILED")
                meta = {"width": size[0], "height": size[1]}
            else:
                meta = {"thumbnail_id": self._thumbnail(p)}
            stored = self.store_file(kind, value, **meta)
        else:
            stored = self._existing(value, kind)
        caption, caption_entities = self._formatted(p, "caption", "caption_entities")
        if markup.utf16_len(caption) > 1024:
            raise bad_request("message caption is too long")
        reply_markup = self._markup(p, chat)
        message = self._new_message(
            chat, from_bot=True, caption=caption or None, caption_entities=caption_entities,
            reply_markup=reply_markup, media_kind=kind, media=self._media_object(stored), file_id=stored.file_id,
            reply_to=self._reply_to(p, chat),
        )
        return self.message_api(message)

    def _get_file(self, p: Params) -> dict[str, Any]:
        file_id = p.get_str("file_id", missing="file_id is empty") or ""
        stored = self.files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": stored.size,
                "file_path": stored.file_path}

    # -- bot settings ----------------------------------------------------------------------------

    def _delete_webhook(self, p: Params) -> bool:
        self.webhook = Webhook()
        if p.get_bool("drop_pending_updates"):
            self.updates = []
        self._touch()
        return True

    def _set_webhook(self, p: Params) -> bool:
        url = p.get_str("url", missing="url is empty") or ""
        if url and not re.match(r"^https?://[^\s/]+", url):
            raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        secret = p.get_str("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        self.webhook = Webhook(url=url, secret_token=secret, max_connections=p.get_int("max_connections") or 40)
        self.set_allowed_updates(p.get_json("allowed_updates", "allowed_updates"))
        if p.get_bool("drop_pending_updates"):
            self.updates = []
        self._touch()
        return True

    def _get_webhook_info(self, p: Params) -> dict[str, Any]:
        info: dict[str, Any] = {"url": self.webhook.url, "has_custom_certificate": False,
                                "pending_update_count": len(self.updates)}
        if self.webhook.url:
            info["max_connections"] = self.webhook.max_connections
            if self.allowed_updates is not None:
                info["allowed_updates"] = self.allowed_updates
        if self.webhook.last_error_date is not None:
            info["last_error_date"] = self.webhook.last_error_date
            info["last_error_message"] = self.webhook.last_error_message
        return info

    @staticmethod
    def _scope_key(p: Params) -> tuple[str, str]:
        scope = p.get_json("scope", "scope")
        key = json.dumps(scope if isinstance(scope, dict) else {"type": "default"}, sort_keys=True)
        return key, p.get_str("language_code") or ""

    def _set_my_commands(self, p: Params) -> bool:
        commands = p.get_json("commands", "commands")
        if not isinstance(commands, list):
            raise bad_request("commands must be an Array")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        for item in commands:
            if not isinstance(item, dict):
                raise bad_request("can't parse BotCommand")
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(item.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(item.get("description", "")).strip()) <= 256:
                raise bad_request("command description must be non-empty")
        self.commands[self._scope_key(p)] = [{"command": c["command"], "description": c["description"]}
                                             for c in commands]
        return True

    def _get_my_commands(self, p: Params) -> list[dict[str, Any]]:
        return list(self.commands.get(self._scope_key(p), []))

    def _delete_my_commands(self, p: Params) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def commands_for(self, language_code: str | None, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The command menu a private-chat user sees, as Telegram resolves scopes: this chat's own
        menu first, then all private chats, then the default; their language first in each."""
        scopes: list[dict[str, Any]] = [{"type": "all_private_chats"}, {"type": "default"}]
        if chat_id is not None:
            scopes.insert(0, {"type": "chat", "chat_id": chat_id})
        for scope in scopes:
            key = json.dumps(scope, sort_keys=True)
            for lang in (language_code or "", ""):
                if (key, lang) in self.commands:
                    return self.commands[(key, lang)]
        return []

    def _set_bot_text(self, p: Params, what: str) -> bool:
        self.bot_texts[(what, p.get_str("language_code") or "")] = p.get_str(what) or ""
        return True

    def _set_chat_menu_button(self, p: Params) -> bool:
        button = p.get_json("menu_button", "menu button") or {"type": "default"}
        self.menu_buttons[p.get_int("chat_id")] = button
        return True

    def _get_chat_menu_button(self, p: Params) -> dict[str, Any]:
        return self.menu_buttons.get(p.get_int("chat_id"), self.menu_buttons.get(None, {"type": "commands"}))


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Field \"text\" must be of type String")
    actions = [k for k in button if k not in ("text", "icon_custom_emoji_id", "style")]
    if not actions:
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and not re.match(r"^(https?|tg)://\S+$", str(url)):
        raise bad_request("BUTTON_URL_INVALID")


def button_data(reply_markup: dict[str, Any] | None) -> list[str]:
    """Every callback_data of an inline keyboard, row by row."""
    if not reply_markup:
        return []
    return [b["callback_data"] for row in reply_markup.get("inline_keyboard", [])
            for b in row if isinstance(b, dict) and "callback_data" in b]

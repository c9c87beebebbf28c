"""The sandbox's in-memory Telegram (pure core, no HTTP)."""

from __future__ import annotations

import io
import json
import struct

import pytest
from PIL import Image

from petreel.mp4 import video_facts
from sandbox.spec import Upload
from sandbox.state import NOT_MODIFIED, ApiError, SandboxState

KEYBOARD = json.dumps({"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]})


def _state() -> SandboxState:
    state = SandboxState(42, clock=lambda: 1_700_000_000.0)
    state.user_send(7, "/start")
    return state


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def test_updates_queue_offsets_and_allowed_updates() -> None:
    state = _state()
    state.user_send(7, "two")
    assert [u["update_id"] for u in state.pending()] == [1, 2]
    assert state.updates[0]["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    state.confirm(2)
    assert [u["update_id"] for u in state.pending()] == [2]
    state.user_send(7, "three")
    state.confirm(-1)
    assert [u["message"]["text"] for u in state.pending()] == ["three"]
    state.set_allowed_updates(["callback_query"])
    state.user_send(7, "ignored")
    assert [u["message"]["text"] for u in state.pending()] == ["three"]


def test_message_ids_increase_per_chat_and_edits_follow_telegram_rules() -> None:
    state = _state()
    sent = state.call("sendMessage", {"chat_id": "7", "text": "Queued", "reply_markup": KEYBOARD})
    assert sent["message_id"] == 2 and sent["chat"] == {"id": 7, "type": "private", "first_name": "Ann"}
    with pytest.raises(ApiError) as err:
        state.call("editMessageReplyMarkup", {"chat_id": 7, "message_id": 2, "reply_markup": KEYBOARD})
    assert err.value.description == f"Bad Request: {NOT_MODIFIED}"
    assert "reply_markup" not in state.call("editMessageReplyMarkup", {"chat_id": 7, "message_id": 2})
    with pytest.raises(ApiError, match="message can't be edited"):
        state.call("editMessageText", {"chat_id": 7, "message_id": 1, "text": "x"})
    with pytest.raises(ApiError, match="there is no caption in the message to edit"):
        state.call("editMessageCaption", {"chat_id": 7, "message_id": 2, "caption": "x"})
    assert state.call("deleteMessage", {"chat_id": 7, "message_id": 2}) is True
    with pytest.raises(ApiError, match="message to delete not found"):
        state.call("deleteMessage", {"chat_id": 7, "message_id": 2})
    with pytest.raises(ApiError, match="message to edit not found"):
        state.call("editMessageText", {"chat_id": 7, "message_id": 2, "text": "x"})


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"chat_id": "7", "text": "  "}, "Bad Request: message text is empty"),
        ({"chat_id": "7", "text": "x" * 4097}, "Bad Request: message is too long"),
        ({"text": "x"}, "Bad Request: chat_id is empty"),
        ({"chat_id": "7", "text": "x", "reply_markup": json.dumps({"inline_keyboard": [[{"text": "t"}]]})},
         "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
        ({"chat_id": "7", "text": "x", "reply_markup": json.dumps(
            {"inline_keyboard": [[{"text": "t", "callback_data": "é" * 33}]]})}, "Bad Request: BUTTON_DATA_INVALID"),
        ({"chat_id": "7", "text": "*x", "parse_mode": "MarkdownV2"},
         "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0"),
    ],
)
def test_send_message_errors(params: dict[str, object], description: str) -> None:
    with pytest.raises(ApiError) as err:
        _state().call("sendMessage", params)
    assert (err.value.code, err.value.description) == (400, description)


def test_chat_action_and_unknown_action() -> None:
    state = _state()
    assert state.call("sendChatAction", {"chat_id": 7, "action": "typing"}) is True
    assert state.chats[7].action == "typing"
    with pytest.raises(ApiError, match="wrong parameter action"):
        state.call("sendChatAction", {"chat_id": 7, "action": "dancing"})


def test_photo_and_document_uploads() -> None:
    state = _state()
    buf = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buf, "PNG")
    photo = state.call("sendPhoto", {"chat_id": 7, "photo": Upload("photo", "p.png", "image/png", buf.getvalue())})
    assert photo["photo"][0]["width"] == 64 and photo["photo"][0]["height"] == 48
    with pytest.raises(ApiError, match="IMAGE_PROCESS_FAILED"):
        state.call("sendPhoto", {"chat_id": 7, "photo": Upload("photo", "p.png", "image/png", b"nope")})
    doc = state.call("sendDocument", {"chat_id": 7, "document": Upload("document", "s.json", "", b"{}")})
    assert doc["document"]["file_name"] == "s.json" and doc["document"]["mime_type"] == "application/json"
    file_info = state.call("getFile", {"file_id": doc["document"]["file_id"]})
    assert file_info["file_path"].startswith("documents/file_") and "s.json" not in file_info["file_path"]
    with pytest.raises(ApiError, match="can't use file of type Photo as Video"):
        state.call("sendVideo", {"chat_id": 7, "video": photo["photo"][0]["file_id"]})


def test_video_dimensions_are_read_from_the_mp4_when_not_passed() -> None:
    mvhd = bytes(12) + struct.pack(">II", 1000, 12_400) + bytes(80)
    tkhd = bytes(76) + struct.pack(">II", 720 << 16, 1280 << 16)
    mp4 = _box(b"ftyp", b"isom") + _box(b"moov", _box(b"mvhd", mvhd) + _box(b"trak", _box(b"tkhd", tkhd)))
    assert video_facts(mp4) == (720, 1280, 12)
    sent = _state().call("sendVideo", {"chat_id": 7, "video": Upload("video", "c.mp4", "video/mp4", mp4)})
    assert (sent["video"]["width"], sent["video"]["height"], sent["video"]["duration"]) == (720, 1280, 12)

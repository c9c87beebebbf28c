"""Bot API 10.0 request validation against the vendored spec (pure)."""

from __future__ import annotations

import json

from sandbox.spec import SPEC_PATH, Upload, load_spec, validate

KEYBOARD = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}


def test_vendored_spec_is_bot_api_10() -> None:
    spec = load_spec()
    assert SPEC_PATH.name == "botapi10.0.json"
    assert spec.version == "Bot API 10.0"
    assert spec.method("SENDMESSAGE") is spec.method("sendMessage")
    send = spec.method("sendMessage")
    assert send is not None and send.fields["text"].required and not send.fields["parse_mode"].required


def test_form_encoded_request_like_python_telegram_bot_sends_it_is_clean() -> None:
    params = {"chat_id": "1001", "text": "<b>Hi</b>", "parse_mode": "HTML", "disable_notification": "true",
              "reply_markup": json.dumps(KEYBOARD)}
    assert validate("sendMessage", params) == []
    assert validate("sendmessage", {"chat_id": 1001, "text": "hi", "reply_markup": KEYBOARD}) == []


def test_unknown_method_unknown_and_missing_parameters() -> None:
    assert validate("sendMessages", {}) == ["unknown method 'sendMessages'"]
    assert validate("sendMessage", {"chat_id": "1", "txt": "hi"}) == [
        "unknown parameter 'txt'",
        "missing required parameter 'text'",
    ]


def test_scalar_type_errors() -> None:
    errors = validate("sendMessage", {"chat_id": "ann", "text": "hi", "disable_notification": "yes"})
    assert errors == [
        "disable_notification: expected Boolean, got 'yes'",
    ]  # "ann" is a valid String chat_id (@username form)
    assert validate("sendMessage", {"chat_id": True, "text": "hi"}) == [
        "chat_id: expected Integer or String, got True"
    ]
    assert validate("getUpdates", {"timeout": "1.5"}) == ["timeout: expected Integer, got '1.5'"]


def test_nested_inline_keyboard_fields_are_checked_recursively() -> None:
    long_data = "x" * 65
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": long_data}, {"text": "B"},
                                   {"text": 3, "callback_data": "c", "colour": "red"}]]}
    errors = validate("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": json.dumps(markup)})
    assert "reply_markup.inline_keyboard[0][0].callback_data: must be 1-64 bytes, got 65" in errors
    assert any(e.startswith("reply_markup.inline_keyboard[0][1]: InlineKeyboardButton needs exactly one") for e in errors)
    assert "reply_markup.inline_keyboard[0][2].text: expected String, got 3" in errors
    assert "reply_markup.inline_keyboard[0][2].colour: unknown field of InlineKeyboardButton" in errors


def test_union_of_markup_types_and_json_serialised_fields() -> None:
    reply_keyboard = {"keyboard": [["/start", {"text": "Help"}]], "resize_keyboard": True}
    assert validate("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": json.dumps(reply_keyboard)}) == []
    assert validate("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": "{not json"}) == [
        "reply_markup: expected JSON-serialized InlineKeyboardMarkup or ReplyKeyboardMarkup or "
        "ReplyKeyboardRemove or ForceReply, got '{not json'"
    ]
    assert validate("sendMessage", {"chat_id": "1", "text": "hi", "reply_markup": "[]"}) == [
        "reply_markup: expected InlineKeyboardMarkup or ReplyKeyboardMarkup or ReplyKeyboardRemove or "
        "ForceReply, got []"
    ]


def test_abstract_types_use_the_type_discriminator() -> None:
    assert validate("setChatMenuButton", {"menu_button": json.dumps({"type": "commands"})}) == []
    assert validate("setChatMenuButton", {"menu_button": json.dumps({"type": "bogus"})}) == [
        "menu_button.type: expected one of commands, default, web_app for MenuButton, got 'bogus'"
    ]
    commands = json.dumps([{"command": "start", "description": "Start"}])
    assert validate("setMyCommands", {"commands": commands, "scope": json.dumps({"type": "chat"})}) == [
        "scope: missing required field 'chat_id' of BotCommandScopeChat"
    ]


def test_text_limits_count_characters_after_entity_parsing() -> None:
    visible = "a" * 4096
    assert validate("sendMessage", {"chat_id": "1", "text": f"<b>{visible}</b>", "parse_mode": "HTML"}) == []
    assert validate("sendMessage", {"chat_id": "1", "text": visible + "a"}) == [
        "text: must be 1-4096 characters, got 4097"
    ]
    assert validate("sendMessage", {"chat_id": "1", "text": "<b>x", "parse_mode": "HTML"}) == [
        "text: can't parse entities: Can't find end tag corresponding to start tag \"b\""
    ]
    video = Upload("video", "clip.mp4", "video/mp4", b"\0")
    assert validate("sendVideo", {"chat_id": "1", "video": video, "caption": "c" * 1025}) == [
        "caption: must be 0-1024 characters, got 1025"
    ]
    assert validate("getUpdates", {"limit": "101"}) == ["limit: must be between 1 and 100, got 101"]


def test_input_files_and_attach_references() -> None:
    video = Upload("video", "clip.mp4", "video/mp4", b"\0\0")
    thumb = Upload("t1", "thumb.jpg", "image/jpeg", b"\xff")
    assert validate("sendVideo", {"chat_id": "1", "video": video, "thumbnail": "attach://t1"}, {"t1": thumb}) == []
    assert validate("sendVideo", {"chat_id": "1", "video": "BAACAgIAAxkB"}) == []
    assert validate("sendVideo", {"chat_id": "1", "video": video, "thumbnail": "attach://t2"}, {"t1": thumb}) == [
        "thumbnail: attach://t2 refers to a missing file part",
        "file part 't1' is not referenced by any parameter (attach://t1)",
    ]
    assert validate("sendMessage", {"chat_id": video, "text": "x"}) == [
        "chat_id: expected Integer or String, got file upload 'clip.mp4'"
    ]

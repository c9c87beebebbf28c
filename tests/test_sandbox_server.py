"""The real python-telegram-bot 22.8 client against the local Bot API sandbox over loopback."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from PIL import Image
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from sandbox import BotApiSandbox
from sandbox.server import parse_range
from sandbox.state import NOT_MODIFIED, QUERY_TOO_OLD

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Cancel", callback_data="c:1"),
                                  InlineKeyboardButton("Reroll", callback_data="r:1")]])


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    async with BotApiSandbox(chat_poll_timeout=3.0) as sb:
        yield sb


@pytest.fixture
async def bot(sandbox: BotApiSandbox) -> AsyncIterator[Bot]:
    async with Bot(sandbox.token, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url) as b:
        yield b


def _jpeg(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (240, 140, 40)).save(buf, "JPEG")
    return buf.getvalue()


async def test_get_me_and_wrong_token(sandbox: BotApiSandbox, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (123456, True, "petreel_sandbox_bot")
    with pytest.raises(InvalidToken):
        async with Bot("123456:WRONG", base_url=sandbox.base_url):
            pass
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{sandbox.base_url}123456:WRONG/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with http.post(f"{sandbox.base_url}{sandbox.token}/sendNothing", json={}) as resp:
            assert resp.status == 404
            assert (await resp.json())["description"] == "Not Found: method not found"
        async with http.get(f"{sandbox.base_url}{sandbox.token}/GETME") as resp:
            assert (await resp.json())["result"]["id"] == 123456
    assert ("sendNothing", "unknown method 'sendNothing'") in sandbox.violations


async def test_send_message_html_reaches_the_transcript(sandbox: BotApiSandbox, bot: Bot) -> None:
    ann = sandbox.user(1001)
    await ann.send("/start")
    sent = await bot.send_message(1001, "Hello <b>Ann</b> 🐱", parse_mode="HTML", reply_markup=KEYBOARD)
    assert sent.text == "Hello Ann 🐱" and sent.entities[0].type == "bold"
    assert sent.message_id == 2 and sent.chat.id == 1001 and sent.chat.type == "private"
    view = ann.last
    assert view.html == "Hello <b>Ann</b> 🐱"
    assert ann.button(view, "Reroll") == "r:1" and ann.button(view, "Can") == "c:1"
    assert ann.find("Hello").message_id == 2
    assert sandbox.violations == []
    assert [c.method for c in sandbox.calls] == ["getMe", "sendMessage"]


async def test_unknown_parameter_is_recorded_and_strict_mode_refuses_it(sandbox: BotApiSandbox, bot: Bot) -> None:
    await sandbox.user(1001).send("hi")
    await bot.send_message(1001, "x", api_kwargs={"colour": "red"})
    assert sandbox.violations == [("sendMessage", "unknown parameter 'colour'")]
    sandbox.strict = True
    with pytest.raises(BadRequest, match="Unknown parameter 'colour'"):
        await bot.send_message(1001, "x", api_kwargs={"colour": "red"})


async def test_bad_html_and_not_modified_use_telegram_texts(sandbox: BotApiSandbox, bot: Bot) -> None:
    await sandbox.user(1001).send("hi")
    with pytest.raises(BadRequest) as err:
        await bot.send_message(1001, "1 < 2 <b>", parse_mode="HTML")
    assert err.value.message == 'Can\'t parse entities: unsupported start tag "" at byte offset 2'
    call = sandbox.calls_to("sendMessage")[-1]
    assert call.error == 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2'

    status = await bot.send_message(1001, "Queued", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest) as err:
        await bot.edit_message_text("Queued", chat_id=1001, message_id=status.message_id, reply_markup=KEYBOARD)
    assert sandbox.calls_to("editMessageText")[-1].error == f"Bad Request: {NOT_MODIFIED}"
    edited = await bot.edit_message_text("Rendering 50%", chat_id=1001, message_id=status.message_id)
    assert isinstance(edited, Message)
    assert edited.edit_date is not None and edited.reply_markup is None  # no markup passed: keyboard removed
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", chat_id=1001, message_id=99)
    assert sandbox.user(1001).find("Rendering").edit_count == 1


async def test_bot_cannot_start_chats_or_write_to_blocking_users(sandbox: BotApiSandbox, bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(5, "hi")
    bob = sandbox.user(1002)
    with pytest.raises(Forbidden, match="initiate conversation"):
        await bot.send_message(1002, "hi")
    await bob.send("/start")
    await bob.block()
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(1002, "hi")


async def test_multipart_video_then_resend_by_file_id(sandbox: BotApiSandbox, bot: Bot, tmp_path: Path) -> None:
    ann = sandbox.user(1001)
    await ann.send("/start")
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    first = await bot.send_video(1001, clip, width=720, height=1280, duration=30, caption="<i>The Comeback</i>",
                                 parse_mode="HTML", thumbnail=_jpeg(180, 320), supports_streaming=True)
    video = first.video
    assert video is not None
    assert (video.width, video.height, video.duration) == (720, 1280, timedelta(seconds=30))
    assert video.thumbnail is not None and (video.thumbnail.width, video.thumbnail.height) == (180, 320)
    assert first.caption == "The Comeback" and video.mime_type == "video/mp4"
    again = await bot.send_video(1001, video.file_id)
    assert again.video is not None
    assert (again.video.file_id, again.video.file_unique_id) == (video.file_id, video.file_unique_id)
    assert [m.video for m in ann.chat if m.video] == [video.file_id, video.file_id]

    tg_file = await bot.get_file(video.file_id)
    assert await tg_file.download_as_bytearray() == bytearray(clip.read_bytes())
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_video(1001, "BAACnope")
    assert sandbox.violations == []

    await bot.send_video(1001, clip, thumbnail=_jpeg(720, 1280))  # Telegram ignores oversized thumbnails
    assert sandbox.violations[-1][0] == "sendVideo" and "exceeds 320x320" in sandbox.violations[-1][1]
    assert ann.last.thumbnail is None


async def test_injected_429_raises_retry_after(sandbox: BotApiSandbox, bot: Bot) -> None:
    await sandbox.user(1001).send("hi")
    sandbox.inject("sendMessage", error_code=429, retry_after=3, times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as err:
            await bot.send_message(1001, "x")
        assert err.value.retry_after == timedelta(seconds=3)
    assert (await bot.send_message(1001, "x")).text == "x"
    assert sandbox.calls_to("sendMessage")[0].error == "Too Many Requests: retry after 3"


async def _poll_held(sandbox: BotApiSandbox, before: int) -> None:
    """Until the server holds a new long poll: its getUpdates call arrived and was read (the server
    announces every poll it starts, which wakes this wait)."""

    def arrived() -> bool:
        calls = sandbox.calls_to("getUpdates")
        return len(calls) > before and bool(calls[-1].params)

    assert await sandbox.wait_until(arrived, 5)


async def test_long_polling_delivers_a_sim_user_message(sandbox: BotApiSandbox, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=timedelta(seconds=10)))
    await _poll_held(sandbox, 0)
    assert not poll.done()  # nothing queued yet: the request is held open
    await sandbox.user(1001, first_name="Ann").send("a poor ginger cat /make")
    updates = await asyncio.wait_for(poll, 5)
    assert len(updates) == 1 and updates[0].message is not None
    assert updates[0].message.text == "a poor ginger cat /make"
    assert updates[0].message.entities[0].type == "bot_command"
    assert updates[0].message.from_user is not None and updates[0].message.from_user.first_name == "Ann"
    # confirming with offset drops it
    assert await bot.get_updates(offset=updates[0].update_id + 1) == ()
    # a second bot instance polling terminates the first poller with 409
    polls = len(sandbox.calls_to("getUpdates"))
    first = asyncio.create_task(bot.get_updates(timeout=timedelta(seconds=10)))
    await _poll_held(sandbox, polls)
    async with Bot(sandbox.token, base_url=sandbox.base_url) as twin:
        await twin.get_updates()
    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, 5)


async def test_callback_query_must_be_answered_once(sandbox: BotApiSandbox, bot: Bot) -> None:
    ann = sandbox.user(1001)
    await ann.send("/start")
    msg = await bot.send_message(1001, "Status", reply_markup=KEYBOARD)
    with pytest.raises(LookupError):
        await ann.press(msg.message_id, "nope")
    query_id = await ann.press(msg.message_id, "c:1")
    start, update = await bot.get_updates()
    assert start.message is not None and update.callback_query is not None
    assert (update.callback_query.id, update.callback_query.data) == (query_id, "c:1")
    assert update.callback_query.message is not None
    assert update.callback_query.message.message_id == msg.message_id
    assert not ann.answered(query_id)
    assert await update.callback_query.answer("Cancelled")
    answer = ann.callback_answer(query_id)
    assert ann.answered(query_id) and answer is not None and answer.text == "Cancelled"
    with pytest.raises(BadRequest) as err:
        await update.callback_query.answer("again")
    assert sandbox.calls[-1].error == f"Bad Request: {QUERY_TOO_OLD}"
    assert "Query is too old" in err.value.message


async def test_application_polling_end_to_end(sandbox: BotApiSandbox) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo: <b>{update.effective_message.text}</b>", parse_mode="HTML")

    app = (Application.builder().token(sandbox.token).base_url(sandbox.base_url)
           .base_file_url(sandbox.base_file_url).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    ann = sandbox.user(1001)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=timedelta(seconds=5))
        await ann.send("hello")
        reply = await ann.wait_for_text("echo: hello", timeout=5)
        assert reply.html == "echo: <b>hello</b>"
        await app.updater.stop()
        await app.stop()
    assert {c.method for c in sandbox.calls} >= {"getMe", "deleteWebhook", "getUpdates", "sendMessage"}
    assert sandbox.violations == []


async def test_wait_for_times_out_with_the_transcript(sandbox: BotApiSandbox) -> None:
    ann = sandbox.user(1001)
    await ann.send("anyone?")
    with pytest.raises(TimeoutError, match="'anyone\\?'"):
        await ann.wait_for(lambda chat: len(chat) > 1, timeout=0.2)


async def test_webhook_delivery_and_conflict_with_polling(sandbox: BotApiSandbox, bot: Bot) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []
    got = asyncio.Event()

    async def hook(request: web.Request) -> web.Response:
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        got.set()
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        assert await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        await sandbox.user(1001).send("/start")
        await asyncio.wait_for(got.wait(), 5)
        assert received[0][0] == "s3cret" and received[0][1]["message"]["text"] == "/start"  # type: ignore[index]
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        info = await bot.get_webhook_info()
        assert info.url.endswith("/hook") and info.pending_update_count == 0
        assert await bot.delete_webhook()
    finally:
        await runner.cleanup()


async def test_commands_menu_and_chat_action(sandbox: BotApiSandbox, bot: Bot) -> None:
    ann = sandbox.user(1001)
    await ann.send("/start")
    assert await bot.set_my_commands([("start", "Start"), ("history", "Your clips")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "history"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Bad-Name", "x")])
    assert await bot.send_chat_action(1001, "upload_video")
    assert ann.action == "upload_video"
    assert await bot.set_chat_menu_button()
    assert await bot.delete_my_commands()
    assert sandbox.violations == []


async def test_user_api_send_press_chat_long_poll_and_file_ranges(sandbox: BotApiSandbox, bot: Bot) -> None:
    root = sandbox.root_url
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{root}/sandbox/api/send", json={"user_id": 77, "text": "/start",
                                                                "first_name": "Web"}) as resp:
            assert (await resp.json())["message_id"] == 1
        async with http.get(f"{root}/sandbox/api/chat", params={"user_id": "77"}) as resp:
            state = await resp.json()
        assert state["version"] > 0 and state["messages"][0]["html"] == "/start"
        assert state["bot"]["name"] == "PetReel"

        waiting = asyncio.create_task(http.get(f"{root}/sandbox/api/chat",
                                               params={"user_id": "77", "version": str(state["version"])}))
        await asyncio.sleep(0.2)
        assert not waiting.done()
        sent = await bot.send_video(77, b"\x00" * 1000, caption="Done", reply_markup=KEYBOARD,
                                    width=720, height=1280, duration=5)
        assert sent.video is not None
        async with await asyncio.wait_for(waiting, 5) as resp:
            newer = await resp.json()
        assert newer["version"] > state["version"]
        video_msg = newer["messages"][-1]
        assert video_msg["html"] == "Done" and video_msg["buttons"][0][1] == {"text": "Reroll", "data": "r:1",
                                                                               "url": None}
        assert video_msg["video"]["url"] == f"/sandbox/files/{sent.video.file_id}"

        async with http.get(f"{root}{video_msg['video']['url']}", headers={"Range": "bytes=10-19"}) as resp:
            assert resp.status == 206 and resp.headers["Content-Range"] == "bytes 10-19/1000"
            assert resp.headers["Content-Type"].startswith("video/mp4") and len(await resp.read()) == 10
        async with http.get(f"{root}{video_msg['video']['url']}", headers={"Range": "bytes=5000-"}) as resp:
            assert resp.status == 416

        async with http.post(f"{root}/sandbox/api/press",
                             json={"user_id": 77, "message_id": sent.message_id, "data": "r:1"}) as resp:
            query_id = (await resp.json())["query_id"]
        async with http.post(f"{root}/sandbox/api/press",
                             json={"user_id": 77, "message_id": sent.message_id, "data": "zz"}) as resp:
            assert resp.status == 404
    updates = await bot.get_updates()
    assert updates[-1].callback_query is not None and updates[-1].callback_query.id == query_id


def test_parse_range() -> None:
    assert parse_range(None, 100) is None
    assert parse_range("bytes=0-", 100) == (0, 99)
    assert parse_range("bytes=-10", 100) == (90, 99)
    assert parse_range("bytes=90-200", 100) == (90, 99)
    with pytest.raises(ValueError):
        parse_range("bytes=100-", 100)


async def test_json_body_and_injected_delay(sandbox: BotApiSandbox) -> None:
    await sandbox.user(1001).send("hi")
    sandbox.inject("sendMessage", error_code=None, delay=0.05)
    async with aiohttp.ClientSession() as http:
        url = f"{sandbox.base_url}{sandbox.token}/sendMessage"
        payload = {"chat_id": 1001, "text": "json", "reply_markup": {"inline_keyboard": [[{"text": "A",
                                                                                          "callback_data": "a"}]]}}
        async with http.post(url, json=payload) as resp:
            body = await resp.json()
    assert body["ok"] and body["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
    assert json.loads(json.dumps(sandbox.calls[-1].params))["chat_id"] == 1001
    assert sandbox.violations == []


async def test_a_client_hanging_up_mid_request_is_not_a_server_error(
    sandbox: BotApiSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    # a bot that stops while sending a request: headers promise 100 bytes, 10 arrive, the socket closes
    assert sandbox.root_url is not None
    host, port = sandbox.root_url.removeprefix("http://").split(":")
    for path in (f"/bot{sandbox.token}/getUpdates", "/sandbox/api/send"):
        reader, writer = await asyncio.open_connection(host, int(port))
        ctype = "application/x-www-form-urlencoded" if path.startswith("/bot") else "application/json"
        writer.write(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\nContent-Length: 100\r\n\r\n".encode()
                     + b"timeout=10")
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    async with asyncio.timeout(5):
        while not sandbox.calls_to("getUpdates"):
            await sandbox.wait_until(lambda: bool(sandbox.calls_to("getUpdates")), 0.1)
    await asyncio.sleep(0.2)  # the user API request is handled too
    assert sandbox.calls_to("getUpdates")[0].error == "client disconnected"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []

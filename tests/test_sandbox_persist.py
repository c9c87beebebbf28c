"""The sandbox's state directory: a restarted sandbox keeps chats, messages, files and pending updates."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from sandbox import BotApiSandbox, Upload
from sandbox.persist import STATE_FILE, StateDir, dumps, restore, snapshot
from sandbox.state import SandboxState

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Cancel", callback_data="c:1")]])
VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8


def _busy_state() -> SandboxState:
    state = SandboxState(123456, clock=lambda: 1_800_000_000.0)
    state.first_message_id = 500
    state.user_send(7, "a corgi opens a noodle shop")
    state.call("sendMessage", {"chat_id": 7, "text": "<b>Queued</b>", "parse_mode": "HTML",
                               "reply_markup": KEYBOARD.to_json()})
    upload = Upload("video", "../../etc/passwd.mp4", "video/mp4", VIDEO)
    state.call("sendVideo", {"chat_id": 7, "video": upload, "caption": "🎬 clip"})
    state.user_press(7, 501, "c:1")
    state.call("setMyCommands", {"commands": json.dumps([{"command": "start", "description": "Start"}])})
    return state


def test_snapshot_round_trips_through_json_into_a_fresh_state() -> None:
    before = _busy_state()
    data = json.loads(dumps(before))
    blobs = {f.file_unique_id: f.data for f in before.files.values()}
    after = SandboxState(123456, clock=before.clock)
    restore(after, data, blobs.__getitem__)
    assert snapshot(after) == snapshot(before)
    assert [f.data for f in after.files.values()] == [VIDEO]
    assert after.files_by_path.keys() == before.files_by_path.keys()
    # both continue identically: same next message id, update id and file/query counter
    assert after.user_send(7, "again").message_id == before.user_send(7, "again").message_id == 503
    assert after.updates[-1]["update_id"] == before.updates[-1]["update_id"] == 3
    assert after.counter == before.counter
    assert after.commands_for("en") == [{"command": "start", "description": "Start"}]


def test_a_state_of_another_bot_or_schema_is_refused() -> None:
    data = snapshot(_busy_state())
    for bad, needle in (({**data, "bot_id": 99}, "bot 99"), ({**data, "schema": 0}, "schema 0"),
                        ({**data, "chats": [{"user": {}}]}, "malformed")):
        try:
            restore(SandboxState(123456), bad, lambda name: b"")
        except ValueError as err:
            assert needle in str(err)
        else:
            raise AssertionError(f"restored {needle}")


def test_state_dir_writes_only_what_changed_under_ids_and_sets_a_bad_state_aside(tmp_path: Path) -> None:
    state = _busy_state()
    store = StateDir(tmp_path / "sb")
    assert store.save(state)
    assert not store.save(state)  # nothing changed: nothing written
    files = sorted(p.name for p in (tmp_path / "sb" / "files").iterdir())
    assert files == [f.file_unique_id for f in state.files.values()]  # never the uploaded name
    assert all(n.isalnum() for n in files)
    assert sorted(p.name for p in (tmp_path / "sb" / "chats").iterdir()) == ["7.json"]
    # a second chat changes: only its file (and state.json) is written, the first chat's is untouched
    first_chat = tmp_path / "sb" / "chats" / "7.json"
    mtime = first_chat.stat().st_mtime_ns
    state.user_send(8, "hello")
    pending = store.prepare(state)
    assert list(pending.chats) == [8] and pending.blobs == {}
    assert store.write(pending)
    assert first_chat.stat().st_mtime_ns == mtime
    # a fresh StateDir restores it all
    restored = SandboxState(123456)
    assert StateDir(tmp_path / "sb").load(restored)
    assert snapshot(restored) == snapshot(state)
    # an unreadable state.json: start empty, keep it aside for a person to look at
    (tmp_path / "sb" / STATE_FILE).write_text("{not json")
    empty = SandboxState(123456)
    assert not StateDir(tmp_path / "sb").load(empty)
    assert empty.chats == {} and empty.updates == []
    assert (tmp_path / "sb" / (STATE_FILE + ".bad")).read_text() == "{not json"
    assert not (tmp_path / "sb" / STATE_FILE).exists()


def test_a_chat_list_that_is_not_ids_is_refused(tmp_path: Path) -> None:
    state = _busy_state()
    store = StateDir(tmp_path / "sb")
    store.save(state)
    head = json.loads((tmp_path / "sb" / STATE_FILE).read_text())
    (tmp_path / "sb" / STATE_FILE).write_text(json.dumps(head | {"chat_ids": ["../../x"]}))
    assert not StateDir(tmp_path / "sb").load(SandboxState(123456))


def _saved(state_dir: Path, text: str) -> bool:
    path = state_dir / "chats" / "7.json"
    return (state_dir / STATE_FILE).exists() and path.exists() and text in path.read_text()


async def test_a_restarted_sandbox_keeps_the_chat_and_the_bot_carries_on(tmp_path: Path) -> None:
    state_dir = tmp_path / "sandbox" / "123456"
    # 1. first run: a person writes, the bot answers with a keyboard and a video; one update is unread
    first = BotApiSandbox(state_dir=state_dir, save_delay_s=0.01, chat_poll_timeout=1.0)
    await first.start()
    async with Bot(first.token, base_url=first.base_url, base_file_url=first.base_file_url) as bot:
        ann = first.user(7, "Ann")
        await ann.send("/start")
        status = await bot.send_message(7, "Queued", reply_markup=KEYBOARD)
        clip = await bot.send_video(7, VIDEO, caption="clip")
        await ann.send("a corgi opens a noodle shop")
    assert clip.video is not None
    video_id = clip.video.file_id
    # saved soon after the change, before any stop (a killed process loses at most save_delay_s)
    for _ in range(250):  # polling a file: nothing to wait on
        if _saved(state_dir, "noodle"):
            break
        await asyncio.sleep(0.02)
    assert _saved(state_dir, "noodle")
    transcript = first.user(7).chat
    await first.stop()
    # 2. second run on the same directory
    second = BotApiSandbox(state_dir=state_dir, chat_poll_timeout=1.0)
    await second.start()
    try:
        assert second.user(7).chat == transcript
        async with Bot(second.token, base_url=second.base_url, base_file_url=second.base_file_url) as bot:
            # the unread updates are still there, with their ids
            updates = await bot.get_updates(timeout=0)
            assert [u.message.text for u in updates if u.message] == ["/start", "a corgi opens a noodle shop"]
            # the bot edits the status message it sent before the restart, and re-sends the video by file_id
            await bot.edit_message_text("Done", chat_id=7, message_id=status.message_id)
            again = await bot.send_video(7, video_id)
            assert again.message_id == clip.message_id + 2
            assert await (await bot.get_file(video_id)).download_as_bytearray() == VIDEO
        assert second.user(7).find("Done").message_id == status.message_id
        # the web chat page's API shows the history and serves the file
        async with aiohttp.ClientSession(second.root_url) as http:
            async with http.get("/sandbox/api/chat", params={"user_id": "7"}) as resp:
                body = await resp.json()
            texts = [m["html"] for m in body["messages"]]
            assert texts[:2] == ["/start", "Done"] and "a corgi opens a noodle shop" in texts
            async with http.get(body["messages"][2]["video"]["url"]) as resp:
                assert await resp.read() == VIDEO
    finally:
        await second.stop()
    assert second.violations == []


async def test_a_second_sandbox_on_the_same_directory_keeps_to_memory(tmp_path: Path) -> None:
    first = BotApiSandbox(state_dir=tmp_path, save_delay_s=0.01)
    second = BotApiSandbox(state_dir=tmp_path, save_delay_s=0.01)
    await first.start()
    try:
        await first.user(1).send("mine")
        await second.start()
        try:
            assert second.state_dir is None  # refused the directory: no overwriting each other
            await second.user(1).send("theirs")
        finally:
            await second.stop()
    finally:
        await first.stop()
    again = BotApiSandbox(state_dir=tmp_path)
    await again.start()  # the lock went with the first sandbox
    try:
        assert [m.text for m in again.user(1).chat] == ["mine"]
    finally:
        await again.stop()

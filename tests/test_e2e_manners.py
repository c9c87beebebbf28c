"""End to end: Telegram manners through the sandbox with the real python-telegram-bot client: the
clip replies to the premise's message (and still arrives when that message is gone), "sending
video…" shows while it uploads, and the command menu lists /buy only while packs are on sale."""

from __future__ import annotations

import json
from pathlib import Path

from render.stages import ClipInfo
from tests import test_e2e_bot
from tests.test_e2e_bot import Harness, data_of, premise_to_preview, videos
from tests.test_e2e_payments import shop

harness = test_e2e_bot.harness  # the same fixtures: a sandbox, a store and a bot; one tiny MP4
tiny_clip = test_e2e_bot.tiny_clip


async def test_the_clip_replies_to_its_premise_after_an_upload_video_action(harness: Harness, tiny_clip: ClipInfo) -> None:
    harness.start_worker(tiny_clip, stage_s=0.1)
    ann, bob = harness.user(1001), harness.user(1002)
    async with harness.bot():
        ann_preview = await premise_to_preview(ann, "a corgi learns to surf")
        bob_preview = await premise_to_preview(bob, "a black cat opens a bakery")
        ann_premise = next(m for m in ann.chat if not m.from_bot and m.text == "a corgi learns to surf")
        bob_premise = next(m for m in bob.chat if not m.from_bot and m.text == "a black cat opens a bakery")
        # Bob deletes his premise before his clip is ready: the clip still comes, as a plain message
        harness.sandbox.state.chats[1002].messages[bob_premise.message_id].deleted = True
        await ann.press(ann_preview, data_of(ann_preview, "Confirm"))
        await bob.press(bob_preview, data_of(bob_preview, "Confirm"))
        await ann.wait_for(lambda _: bool(videos(ann)), timeout=20)
        await bob.wait_for(lambda _: bool(videos(bob)), timeout=20)
    assert videos(ann)[0].reply_to == ann_premise.message_id
    assert videos(bob)[0].reply_to is None
    for user_id, premise_id in ((1001, ann_premise.message_id), (1002, bob_premise.message_id)):
        (upload,) = [c for c in harness.uploads() if str(c.params.get("chat_id")) == str(user_id)]
        reply = upload.params["reply_parameters"]
        reply = json.loads(reply) if isinstance(reply, str) else reply
        assert reply == {"message_id": premise_id, "allow_sending_without_reply": True}
        actions = [c for c in harness.sandbox.calls_to("sendChatAction") if str(c.params.get("chat_id")) == str(user_id)]
        assert [c.params.get("action") for c in actions][:1] == ["upload_video"]
    assert harness.sandbox.violations == []


def _menus(h: Harness) -> list[list[str]]:
    return [[c["command"] for c in json.loads(str(call.params["commands"]))]
            for call in h.sandbox.calls_to("setMyCommands")]


async def test_the_command_menu_lists_buy_only_while_packs_are_on_sale(tmp_path: Path) -> None:
    async with shop(tmp_path / "on") as h:
        ann = h.user(1001)
        async with h.bot():
            await ann.send("/lang")  # the per-chat menu follows the language, and keeps /buy
            await ann.wait_for_text("中文")
            await ann.send("/help")
            await ann.wait_for(lambda _: bool(ann.find_all("/buy")))
        assert len(_menus(h)) == 3 and all("buy" in menu for menu in _menus(h))
        h.settings = h.settings.model_copy(update={"payments": h.settings.payments.model_copy(update={"packs": []})})
        h.sandbox.calls.clear()
        async with h.bot():
            await ann.send("/lang")
            await ann.wait_for(lambda _: len(h.sandbox.calls_to("setMyCommands")) == 3)
            await ann.send("/help")
            await ann.wait_for(lambda _: len([m for m in ann.chat if m.from_bot and "/help" in m.body]) == 2)
        assert len(_menus(h)) == 3 and not any("buy" in menu for menu in _menus(h))
        helps = [m for m in ann.chat if m.from_bot and "/help" in m.body]
        assert "/buy" in helps[0].body and "/buy" not in helps[1].body
    assert h.sandbox.violations == []

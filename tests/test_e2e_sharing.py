"""End to end through the sandbox with the real python-telegram-bot client: clips shared in any chat
(inline mode), the "Make your own" deep link that remixes a shared clip for whoever taps it, referral
credits (once, not for oneself or existing users, capped per day) and forged or altered payloads."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

from petreel.settings import SharingSettings
from render.stages import ClipInfo
from sandbox.users import MessageView, SimUser
from tests.test_e2e_bot import (
    Harness,
    choose,
    data_of,
    harness_for,
    make_settings,
    premise_to_preview,
    tiny_clip,
    videos,
    wait_buttons,
)

__all__ = ["tiny_clip"]

BOT = "petreel_sandbox_bot"
REMIX_LINK = re.compile(rf"^https://t\.me/{BOT}\?start=remix_[A-Za-z0-9_-]{{24}}$")
REF_LINK = re.compile(rf"https://t\.me/{BOT}\?start=(ref_[A-Za-z0-9_-]{{24}})")


@contextlib.asynccontextmanager
async def rig(tmp_path: Path, **sharing: int) -> AsyncIterator[Harness]:
    settings = make_settings(tmp_path)
    async with harness_for(settings.model_copy(update={"sharing": SharingSettings(**sharing)})) as h:
        yield h


async def make_clip(user: SimUser, premise: str, style: str = "Ginger") -> MessageView:
    """A premise → hero → Confirm → the delivered video (a worker must be running)."""
    before = len(videos(user))
    preview = await premise_to_preview(user, premise, style)
    await user.press(preview, data_of(preview, "Confirm"))
    await user.wait_for(lambda _: len(videos(user)) > before, timeout=20)
    return videos(user)[-1]


def title_of(video: MessageView) -> str:
    return (video.caption or "").split("\n")[0].removeprefix("🎬 ").strip()


async def test_inline_lists_only_the_askers_clips_filtered_by_title_with_a_make_your_own_link(
    tmp_path: Path, tiny_clip: ClipInfo
) -> None:
    async with rig(tmp_path) as h:
        h.start_worker(tiny_clip)
        ann, bob, cat = h.user(1001), h.user(1002), h.user(1003)
        async with h.bot():
            ann_surf = await make_clip(ann, "a corgi learns to surf and wins the big wave contest", "Corgi")
            ann_shop = await make_clip(ann, "a poor ginger cat is mocked by a rich white cat, works hard and gets rich")
            bob_clip = await make_clip(bob, "a husky opens a noodle shop", "Husky")
            # 1. an empty query: the asker's own clips, newest first, personal and cached briefly
            answer = await ann.inline_results(await ann.inline(""))
            assert [r["video_file_id"] for r in answer.results] == [ann_shop.video, ann_surf.video]
            assert all(r["type"] == "video" for r in answer.results)
            assert answer.is_personal and answer.cache_time is not None and answer.cache_time <= 60
            assert [r["title"] for r in answer.results] == [title_of(ann_shop), title_of(ann_surf)]
            # 2. each carries a "Make your own" deep link that names no raw id
            for result in answer.results:
                (button,) = [b for row in result["reply_markup"]["inline_keyboard"] for b in row]
                assert button["text"] == "🎬 Make your own" and REMIX_LINK.match(button["url"]), button
                assert f"{BOT}" in result["caption"] and len(result["id"]) <= 64
            # 3. the query text filters by title (case and word order aside)
            shop_title = title_of(ann_shop).casefold()  # a word of one title only: both may name a pet alike
            word = next(w for w in reversed(title_of(ann_surf).split()) if w.casefold() not in shop_title)
            filtered = await ann.inline_results(await ann.inline(word.upper()))
            assert [r["video_file_id"] for r in filtered.results] == [ann_surf.video], (word, title_of(ann_shop))
            nothing = await ann.inline_results(await ann.inline("zebra submarine"))
            assert nothing.results == []
            # 4. never anyone else's: Bob sees his one clip; Cat (no clips) gets none and a start button
            bob_answer = await bob.inline_results(await bob.inline(""))
            assert [r["video_file_id"] for r in bob_answer.results] == [bob_clip.video]
            cat_answer = await cat.inline_results(await cat.inline(title_of(ann_surf)))
            assert cat_answer.results == [] and cat_answer.button is not None
            assert cat_answer.button["start_parameter"] == "inline"
            assert await h.store.get_user(1003) is None  # an inline query is no first contact
            # 5. Ann picks her clip in her chat with Cat: posted there via the bot, button and all
            query_id = await ann.inline(word)
            result = (await ann.inline_results(query_id)).results[0]
            shared = await ann.choose(query_id, result["id"], peer=1003)
            assert cat.shared_with(1001) == [shared]
            assert shared.via_bot == BOT and shared.file_id == ann_surf.video and shared.kind == "video"
            assert title_of(ann_surf) in (shared.caption or "")
            assert REMIX_LINK.match(shared.reply_markup["inline_keyboard"][0][0]["url"])  # type: ignore[index]
            await h.sandbox.wait_until(lambda: not h.sandbox.state.updates, 5)  # chosen_inline_result consumed
            calls = h.sandbox.calls_to("answerInlineQuery")
            assert len(calls) == 6 and all(json.loads(str(c.params["is_personal"]).lower()) for c in calls)
    assert h.sandbox.violations == []


async def test_a_remix_link_used_by_another_user_makes_that_users_own_clip(tmp_path: Path, tiny_clip: ClipInfo) -> None:
    premise = "a shy black kitten dreams of becoming a pop star but the rich persian laughs at her voice"
    async with rig(tmp_path) as h:
        h.start_worker(tiny_clip)
        ann, dan = h.user(1001), h.user(1004)
        async with h.bot():
            original = await make_clip(ann, premise)
            query_id = await ann.inline("")
            result = (await ann.inline_results(query_id)).results[0]
            shared = await ann.choose(query_id, result["id"], peer=1004)
            url = shared.reply_markup["inline_keyboard"][0][0]["url"]  # type: ignore[index]
            # 1. Dan taps "Make your own": the chat with the bot opens with /start remix_…
            sent = await dan.open_link(url)
            chooser = await wait_buttons(dan, "1|st|", after=sent)
            intro = dan.find("Make your own version")
            assert intro.video == original.video and title_of(original) in intro.body
            # 2. the original shows only its title and video: not Ann's premise, not her ids
            assert all(premise not in m.body for m in dan.chat)
            preview = await choose(dan, chooser, "Husky")
            await dan.press(preview, data_of(preview, "Confirm"))
            await dan.wait_for(lambda _: len(videos(dan)) == 2, timeout=20)
        # 3. the new clip is Dan's own: his job, no parent link to Ann's clip, a credit of his own
        (dan_clip,), total = await h.store.list_clips(1004)
        job = await h.store.get_job(dan_clip.job_id)
        assert total == 1 and job is not None and job.owner == 1004 and job.style == "husky"
        assert job.parent_clip_id is None and job.premise == title_of(original)
        assert (await h.store.quota(1004)).used_today == 1 and (await h.store.quota(1001)).used_today == 1
        assert (await h.store.list_clips(1001))[1] == 1
        # 4. Ann's own link opens her ordinary Remix (her clip as the parent)
        async with h.bot():
            sent = await ann.open_link(url)
            await wait_buttons(ann, "1|st|", after=sent)
            assert not ann.find_all("Make your own version")
    assert h.sandbox.violations == []


async def invite_link(user: SimUser) -> str:
    await user.send("/invite")
    message = await user.wait_for_text("Invite friends")
    match = REF_LINK.search(message.body)
    assert match is not None, message.body
    return match.group(0)


async def credits(h: Harness, user_id: int) -> int:
    return (await h.store.quota(user_id)).credits


async def test_referral_credits_both_sides_once_never_oneself_or_existing_users_capped_per_day(tmp_path: Path) -> None:
    async with rig(tmp_path, referral_credits=1, referral_daily_cap=2) as h:
        ann, bob, old, eve, fay = h.user(1001), h.user(1002), h.user(1003), h.user(1005), h.user(1006)
        async with h.bot():
            await old.send("/start")
            await old.wait_for_text("PetReel")
            link = await invite_link(ann)
            assert "1001" not in link
            # 1. Bob is new: both get one credit; Ann is told
            await bob.open_link(link)
            await bob.wait_for_text("A friend invited you")
            await ann.wait_for_text("joined PetReel with your invite link")
            assert (await credits(h, 1002), await credits(h, 1001)) == (1, 1)
            # 2. the same link again (a repeated /start): nothing more
            await bob.open_link(link)
            await bob.wait_for_text("Welcome back")
            # 3. Ann's own link, and an existing user: no credit
            await ann.open_link(link)
            await ann.wait_for_text("your own invite link")
            await old.open_link(link)
            await old.wait_for_text("Welcome back")
            # 4. the daily cap: Eve is Ann's second referral today, Fay would be the third
            await eve.open_link(link)
            await eve.wait_for_text("A friend invited you")
            sent = await fay.open_link(link)
            await fay.wait_for(lambda chat: any(m.from_bot and m.message_id > sent and "PetReel" in m.body for m in chat))
            assert not fay.find_all("A friend invited you")
        assert [await credits(h, u) for u in (1001, 1002, 1003, 1005, 1006)] == [2, 1, 0, 1, 0]
        assert len(bob.find_all("A friend invited you")) == 1
        assert len(ann.find_all("joined PetReel with your invite link")) == 2
        assert await h.store.referred_by(1002) == 1001 and await h.store.referred_by(1006) == 1001  # capped: no credit
        # 5. a new bot process: the ledger still says once
        async with h.bot():
            await bob.open_link(link)
            await bob.wait_for(lambda _: len(bob.find_all("Welcome back")) == 2)
        assert await credits(h, 1002) == 1 and await credits(h, 1001) == 2
    assert h.sandbox.violations == []


async def test_forged_or_altered_payloads_are_refused_with_a_friendly_line(tmp_path: Path, tiny_clip: ClipInfo) -> None:
    async with rig(tmp_path) as h:
        h.start_worker(tiny_clip)
        ann, mal, zed = h.user(1001), h.user(1007), h.user(1008, lang="zh")
        async with h.bot():
            await make_clip(ann, "a corgi learns to surf", "Corgi")
            ref = (await invite_link(ann)).split("start=")[1]
            result = (await ann.inline_results(await ann.inline(""))).results[0]
            remix = result["reply_markup"]["inline_keyboard"][0][0]["url"].split("start=")[1]
            flipped = ref[:-1] + ("A" if ref[-1] != "A" else "B")
            forged = [
                flipped,  # one character changed
                "ref_" + remix.removeprefix("remix_"),  # a remix token passed off as a ref
                "remix_" + ref.removeprefix("ref_"),  # and the other way round
                "ref_1001", "remix_1", "remix_" + "A" * 24,  # raw ids and made-up tokens
            ]
            for n, payload in enumerate(forged, 1):
                await mal.send(f"/start {payload}")
                await mal.wait_for(lambda _, n=n: len(mal.find_all("isn't valid")) == n)
            await zed.send(f"/start {flipped}")
            await zed.wait_for_text("链接无效")
            # an unknown payload of no kind of ours (the inline "Make your first clip" button): the welcome
            await mal.send("/start inline")
            await mal.wait_for(lambda _: len(mal.find_all("Send me a premise")) == len(forged) + 1)
            assert len(mal.find_all("isn't valid")) == len(forged)
            assert not mal.find_all("A friend invited you") and not with_chooser(mal)
        assert await credits(h, 1007) == 0 and await credits(h, 1001) == 0
        assert await h.store.list_clips(1007) == ([], 0)
    assert h.sandbox.violations == []


def with_chooser(user: SimUser) -> list[MessageView]:
    return [m for m in user.visible if any(d.startswith("1|st|") for d in m.callback_data)]

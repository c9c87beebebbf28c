"""The web chat page's inline box in headless Debian Chromium, against the sandbox and the real bot:
typing ``@petreel_sandbox_bot`` lists the user's clips, tapping one posts it into the chat with a
friend via the bot, and its "Make your own" link opens the friend's chat with ``/start remix_…``,
which starts the Remix flow for the friend. Screenshots land in ``test-artifacts/webchat-inline-results.png`` and ``webchat-inline.png``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.app import running
from render.stages import ClipInfo
from sandbox import BotApiSandbox
from sandbox.web import web_app
from storage.store import AsyncStore
from tests.test_browser_e2e import until_true
from tests.test_e2e_bot import Harness, make_settings, tiny_clip
from tests.test_e2e_sharing import make_clip, title_of
from tests.test_webchat_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, pytestmark

__all__ = ["pytestmark", "tiny_clip"]
ANN, FRIEND = 4242, 4343


async def test_the_inline_box_shares_a_clip_and_its_link_remixes_it_for_the_friend(
    tmp_path: Path, tiny_clip: ClipInfo
) -> None:
    async_api = pytest.importorskip("playwright.async_api")
    ARTIFACTS.mkdir(exist_ok=True)
    settings = make_settings(tmp_path)
    sandbox = BotApiSandbox(chat_poll_timeout=5.0)
    await sandbox.start(web_app(sandbox))
    try:
        async with AsyncStore.from_settings(settings) as store:
            h = Harness(sandbox, settings, store)
            h.start_worker(tiny_clip)
            try:
                async with running(h.build(), poll_interval=0.0, poll_timeout_s=1.0):
                    ann = h.user(ANN)
                    clip = await make_clip(ann, "a corgi learns to surf and wins the big wave contest", "Corgi")
                    await _browse(async_api, sandbox, clip.video or "", title_of(clip))
                    # the friend's own draft of the shared clip's story
                    assert await _drafted_for_friend(h)
            finally:
                assert h.worker is not None
                await asyncio.to_thread(h.worker.stop)
    finally:
        await sandbox.stop()
    assert sandbox.violations == []


async def _drafted_for_friend(h: Harness) -> bool:
    await h.sandbox.wait_until(lambda: bool(h.user(FRIEND).find_all("Make your own version")), 10)
    return bool(await h.store.user_drafts(FRIEND))


async def _browse(async_api: object, sandbox: BotApiSandbox, video_file_id: str, title: str) -> None:
    async with async_api.async_playwright() as p:  # type: ignore[attr-defined]
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 430, "height": 900}, locale="en-US")
            page = await context.new_page()
            page.set_default_timeout(10_000)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(f"{sandbox.root_url}/?user={ANN}")
            await page.locator(".row.in.media-row video").first.wait_for()
            sent_before = len(sandbox.user(ANN).chat)
            # 1. "@bot" in the message box: the bot's inline results, listed above it
            word = title.split()[-1]
            await page.locator("#input").fill(f"@petreel_sandbox_bot {word.lower()}")
            result = page.locator(".inline-result").first
            await result.wait_for()
            await page.locator("#inline-peer").fill(str(FRIEND))  # whom to send it to
            assert await page.locator(".inline-result").count() == 1
            assert title in await result.inner_text()
            await page.locator("#input").fill("@petreel_sandbox_bot zebra submarine")
            await page.locator("#inline-status", has_text="No results").wait_for()
            await page.locator("#input").fill("@petreel_sandbox_bot ")
            await page.locator(".inline-result").first.wait_for()
            await page.screenshot(path=str(ARTIFACTS / "webchat-inline-results.png"))
            # 2. tapping it posts the clip into the chat with the friend, via the bot; nothing to the bot
            await page.locator(".inline-result").first.click()
            shared = page.locator("#shared-panel .shared-row.out")
            await shared.wait_for()
            assert "via @petreel_sandbox_bot" in await shared.locator(".via").inner_text()
            src = await shared.locator("video").get_attribute("src")
            assert src == f"/sandbox/files/{video_file_id}"
            assert await page.locator("#inline-panel").is_hidden() and await page.locator("#input").input_value() == ""
            assert len(sandbox.user(ANN).chat) == sent_before  # the inline query sent no message
            assert [m.file_id for m in sandbox.user(FRIEND).shared_with(ANN)] == [video_file_id]
            await page.wait_for_timeout(300)
            await page.screenshot(path=str(ARTIFACTS / "webchat-inline.png"))
            # 3. the friend taps "Make your own": their chat opens with /start remix_… and the hero chooser
            make_own = shared.locator("a.kb-button", has_text="Make your own")
            href = await make_own.get_attribute("href") or ""
            assert href.startswith("/?") and f"user={FRIEND}" in href and "start=remix_" in href
            async with context.expect_page() as opened:
                await make_own.click()
            friend_page = await opened.value
            friend_page.on("pageerror", lambda exc: errors.append(str(exc)))
            await friend_page.locator(".row.in .text", has_text="Make your own version").wait_for()
            await friend_page.locator('.kb-button[data-data^="1|st|"]').first.wait_for()
            assert "start=" not in friend_page.url
            await until_true(friend_page, "document.querySelector('.row.out .text').innerText.startsWith('/start remix_')")
            # 4. a t.me start link in a bot message (Ann's /invite link) opens her chat with /start ref_…
            await page.locator("#shared-close").click()
            await page.locator("#input").fill("/invite")
            await page.locator("#input").press("Enter")
            invite = page.locator(".row.in .text a", has_text="start=ref_")
            await invite.click()
            await page.locator(".row.in .text", has_text="your own invite link").wait_for()
            assert errors == []
        finally:
            await browser.close()

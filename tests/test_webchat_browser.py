"""The web chat page in headless Debian Chromium, against the sandbox and a tiny stand-in bot.

The stand-in bot (real python-telegram-bot Application, long polling) answers /start, turns any text
into a status message that is edited live, then sends a video with a poster and inline buttons.
"""

from __future__ import annotations

import asyncio
import io
import subprocess
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import imageio_ffmpeg
import pytest
from PIL import Image, ImageDraw
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from sandbox import BotApiSandbox
from sandbox.web import web_app
from tests.test_e2e_up import free_port

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _clip(path: Path) -> Path:
    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "color=c=orange:s=180x320:d=1:r=12",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", str(path)],
        check=True, timeout=30,
    )
    return path


def _poster() -> bytes:
    """A 180x320 cartoon ginger cat on a sunset, as the clip's thumbnail."""
    image = Image.new("RGB", (180, 320), (255, 196, 120))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 220, 180, 320), fill=(120, 170, 110))
    draw.ellipse((40, 120, 140, 215), fill=(240, 140, 40))
    draw.polygon([(48, 140), (58, 95), (82, 128)], fill=(240, 140, 40))
    draw.polygon([(132, 140), (122, 95), (98, 128)], fill=(240, 140, 40))
    draw.ellipse((65, 150, 79, 166), fill=(40, 120, 60))
    draw.ellipse((101, 150, 115, 166), fill=(40, 120, 60))
    draw.polygon([(84, 175), (96, 175), (90, 182)], fill=(230, 90, 110))
    draw.ellipse((55, 205, 125, 300), fill=(240, 140, 40))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _stand_in_bot(sandbox: BotApiSandbox, clip: Path) -> Application:  # type: ignore[type-arg]
    poster = _poster()
    clip_bytes = clip.read_bytes()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "Welcome to <b>PetReel</b>! 🐾\nSend me a one-line story idea and I'll make a pet drama. "
            "Your clips: /history", parse_mode=ParseMode.HTML)

    async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Your clips:\n1. <i>The Ginger Comeback</i>",
                                                  parse_mode=ParseMode.HTML)

    async def premise(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        cancel = InlineKeyboardMarkup([[InlineKeyboardButton("✖ Cancel", callback_data="cancel:1")]])
        status = await message.reply_text("⏳ Queued — position 1", reply_markup=cancel)
        await message.get_bot().send_chat_action(message.chat_id, ChatAction.UPLOAD_VIDEO)
        for stage in ("✍️ Writing the script…", "🎨 Painting scenes… 60%"):
            await asyncio.sleep(0.15)
            await status.edit_text(stage, reply_markup=cancel)
        buttons = InlineKeyboardMarkup([
            [InlineKeyboardButton("🎲 Reroll", callback_data="reroll:1"),
             InlineKeyboardButton("🎭 Restyle", callback_data="style:1")],
            [InlineKeyboardButton("📤 Share", url="https://t.me/share/url?url=petreel")],
        ])
        await message.reply_video(clip_bytes, width=720, height=1280, duration=30, thumbnail=poster,
                                  caption=f"<b>The Ginger Comeback</b>\n{message.text}", parse_mode=ParseMode.HTML,
                                  reply_markup=buttons, supports_streaming=True)
        await status.edit_text("✅ Done in 12 s")

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("🎲 Rerolling…" if (query.data or "").startswith("reroll") else "OK")

    app = (Application.builder().token(sandbox.token).base_url(sandbox.base_url)
           .base_file_url(sandbox.base_file_url).build())
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("history", history))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, premise))
    app.add_handler(CallbackQueryHandler(pressed))
    return app


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[BotApiSandbox]:
    sandbox = BotApiSandbox(chat_poll_timeout=5.0)
    await sandbox.start(web_app(sandbox))
    bot_app = _stand_in_bot(sandbox, _clip(tmp_path / "clip.mp4"))
    try:
        async with bot_app:
            await bot_app.start()
            assert bot_app.updater is not None
            await bot_app.updater.start_polling(poll_interval=0, timeout=timedelta(seconds=5))
            yield sandbox
            await bot_app.updater.stop()
            await bot_app.stop()
    finally:
        await sandbox.stop()


async def test_web_chat_page_looks_and_behaves_like_telegram(served: BotApiSandbox) -> None:
    async_api = pytest.importorskip("playwright.async_api")

    ARTIFACTS.mkdir(exist_ok=True)
    async with async_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 430, "height": 900}, locale="en-US")
            page.set_default_timeout(10_000)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(f"{served.root_url}/?user=4242")
            assert await page.title() == "PetReel — chat"
            # 1. an empty chat shows the intro card and a START button, like Telegram
            await page.locator("#intro").wait_for()
            assert await page.locator("#composer").is_hidden()
            await page.screenshot(path=str(ARTIFACTS / "webchat-empty.png"))
            await page.locator("#start-button").click()
            await page.locator(".row.in .text", has_text="Welcome to PetReel").wait_for()
            assert (await page.locator(".row.out .text").first.inner_text()).startswith("/start")
            assert await page.locator(".row.in b", has_text="PetReel").count() == 1
            assert await page.evaluate("localStorage.getItem('petreel.userId')") == "4242"
            # 2. a premise typed in the input: status message edited live, then the video
            await page.locator("#input").fill("a poor ginger cat is mocked by a rich white cat")
            await page.locator("#input").press("Enter")
            status = page.locator(".row.in", has_text="Done in 12 s")
            await status.wait_for()
            assert "edited" in await status.locator(".meta").inner_text()
            assert await status.locator(".kb-button").count() == 0  # keyboard removed by the last edit
            video_row = page.locator(".row.in", has=page.locator("video"))
            video = video_row.locator("video")
            assert (await video.get_attribute("poster") or "").startswith("/sandbox/files/")
            assert await video.get_attribute("playsinline") is not None
            await page.wait_for_function("document.querySelector('video').readyState >= 1")  # metadata via Range
            await page.screenshot(path=str(ARTIFACTS / "webchat-video.png"))
            assert await video_row.locator("b", has_text="The Ginger Comeback").count() == 1
            # 3. inline buttons: a callback answer pops up as a toast
            await video_row.locator(".kb-button", has_text="Reroll").click()
            await page.locator("#toast", has_text="Rerolling").wait_for()
            # 4. the /history shortcut in the header
            await page.locator("#history-button").click()
            await page.locator(".row.in:not(.media-row) .text", has_text="1. The Ginger Comeback").wait_for()
            await page.wait_for_timeout(300)
            await page.screenshot(path=str(ARTIFACTS / "webchat.png"))
            # 5. the commands menu
            await page.locator("#menu-button").click()
            assert await page.locator("#commands-menu button").count() >= 2
            await page.screenshot(path=str(ARTIFACTS / "webchat-menu.png"))
            assert errors == []
        finally:
            await browser.close()
    assert served.violations == []
    assert served.user(4242).find("1. The Ginger Comeback").from_bot


async def test_an_open_page_rides_out_a_restart_and_gets_the_clip(tmp_path: Path) -> None:
    """The person leaves the page open while ``petreel up`` restarts: the page reconnects by itself,
    keeps the conversation, and the clip the bot delivers after the restart appears in it."""
    async_api = pytest.importorskip("playwright.async_api")
    port, state_dir, clip = free_port(), tmp_path / "sandbox", _clip(tmp_path / "clip.mp4").read_bytes()
    first = BotApiSandbox(port=port, state_dir=state_dir, chat_poll_timeout=2.0)
    await first.start(web_app(first))
    second: BotApiSandbox | None = None
    async with async_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 430, "height": 900}, locale="en-US")
            page.set_default_timeout(10_000)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(f"{first.root_url}/?user=5151")
            # 1. before the restart: the person says hello, the bot queues a job
            await page.locator("#start-button").click()
            await first.user(5151).wait_for(lambda chat: bool(chat))
            async with Bot(first.token, base_url=first.base_url) as bot:
                status = await bot.send_message(5151, "⏳ Queued — position 1")
            await page.locator(".row.in .text", has_text="Queued").wait_for()
            # 2. the restart, with the page left open
            await first.stop()
            second = BotApiSandbox(port=port, state_dir=state_dir, chat_poll_timeout=2.0)
            await second.start(web_app(second))
            # 3. the bot carries on where it was: edits its status message, sends the clip
            async with Bot(second.token, base_url=second.base_url) as bot:
                await bot.edit_message_text("✅ Done", chat_id=5151, message_id=status.message_id)
                await bot.send_video(5151, clip, caption="The Ginger Comeback")
            await page.locator(".row.in.media-row video").wait_for()
            await page.locator(".row.in .text", has_text="Done").wait_for()
            assert await page.locator(".row.out .text", has_text="/start").count() == 1
            # 4. a reload shows the same history, served by the restarted sandbox
            await page.reload()
            await page.locator(".row.in.media-row video").wait_for()
            assert await page.locator(".row").count() == 3
            assert errors == []
        finally:
            await browser.close()
            await first.stop()
            if second is not None:
                await second.stop()
    assert second is not None and second.violations == []

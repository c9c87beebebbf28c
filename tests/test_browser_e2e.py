"""Acceptance: the whole of ``petreel up`` (no token → sandbox + web chat page + bot + one worker with
the real render pipeline, at 180x320) driven from headless Debian Chromium, as a person would:
START, a premise, the hero and art-style buttons, Confirm, the live status message, the video,
Resend. A screenshot lands in ``test-artifacts/webchat_e2e.png``."""

from __future__ import annotations

import asyncio
import re
import signal
from pathlib import Path
from typing import Any

import httpx
import pytest

from render.probe import probe
from storage.store import Store
from tests.test_e2e_up import assert_clean_exit, petreel, wait_http
from tests.test_webchat_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, pytestmark

__all__ = ["pytestmark"]  # the browser marker and the chromium skip, shared with the page test
USER = 4242
H264 = 'video/mp4; codecs="avc1.64000d"'  # High profile, level 1.3 (what 180x320 encodes to)
PREMISE = "a poor ginger cat is mocked by a rich white cat, works hard, gets rich and shocks them"
SMALL_RENDER = {
    "PETREEL_RENDER__WIDTH": "180",
    "PETREEL_RENDER__HEIGHT": "320",
    "PETREEL_RENDER__FPS": "8",
    "PETREEL_RENDER__NARRATION": "false",  # piper would triple the render time; music stays
}
# Every text the bot's status message shows, recorded in the page as the chat re-renders.
RECORD_STATUS = """() => {
  window.seenStatus = [];
  const record = () => {
    for (const el of document.querySelectorAll('.row.in .text')) {
      const text = el.innerText;
      if (/[▓░]/.test(text) && !window.seenStatus.includes(text)) window.seenStatus.push(text);
    }
  };
  new MutationObserver(record).observe(document.getElementById('messages'), {childList: true, subtree: true});
}"""


async def until_true(page: Any, expression: str, timeout_s: float = 15) -> None:
    """Poll ``expression`` in the page until it is truthy. (``page.wait_for_function`` re-evaluates
    strings with eval(), which the page's Content-Security-Policy forbids, as it should.)"""
    async with asyncio.timeout(timeout_s):
        while True:
            if await page.evaluate(expression):
                return
            await asyncio.sleep(0.1)


def _percents(texts: list[str]) -> set[int]:
    return {int(m) for text in texts for m in re.findall(r"(\d+)%", text)}


async def test_a_person_makes_a_clip_in_the_web_chat_page_of_petreel_up(tmp_path: Path) -> None:
    async_api = pytest.importorskip("playwright.async_api")
    ARTIFACTS.mkdir(exist_ok=True)
    async with petreel(tmp_path, "up", env=SMALL_RENDER) as up:
        async with httpx.AsyncClient(base_url=up.url, timeout=20) as http, async_api.async_playwright() as p:
            await wait_http(http)
            browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page(viewport={"width": 430, "height": 900}, locale="en-US")
                page.set_default_timeout(15_000)
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                await page.goto(f"{up.url}/?user={USER}")
                await page.evaluate(RECORD_STATUS)
                # 1. START, then the premise typed in the composer
                await page.locator("#start-button").click()
                await page.locator(".row.in .text", has_text="one-line idea").wait_for()
                await page.locator("#input").fill(PREMISE)
                await page.locator("#input").press("Enter")
                # 2. the hero, then Confirm under the script preview (the CPU painter draws one art
                #    style: no art-style step, the preview says in one line which one is used)
                await page.locator('.kb-button[data-data^="1|st|"]', has_text="Ginger cat").click()
                await page.locator(".row.in .text", has_text="the only one this server draws").wait_for()
                assert await page.locator('.kb-button[data-data^="1|ar|"]').count() == 0
                await page.locator('.kb-button[data-data^="1|ok|"]').click()
                # 3. the status message moves, then the video arrives
                video = page.locator(".row.in.media-row video").first
                await video.wait_for(timeout=90_000)
                seen: list[str] = await page.evaluate("window.seenStatus")
                assert any("▓" in text for text in seen), seen
                assert len(_percents(seen)) >= 2, seen  # the bar moved
                # 4. the video: real MP4 bytes, Range-served with the right type
                src = await video.get_attribute("src")
                assert src is not None and src.startswith("/sandbox/files/")
                head = await http.get(src, headers={"Range": "bytes=0-15"})
                assert head.status_code == 206 and head.headers["content-type"] == "video/mp4"
                assert head.content[4:8] == b"ftyp"
                mp4 = tmp_path / "delivered.mp4"
                mp4.write_bytes((await http.get(src)).content)
                info = probe(mp4)
                assert (info["width"], info["height"], info["video_codec"]) == (180, 320, "h264")
                assert 30 <= info["duration"] <= 61
                # ...and it plays in the page: Debian's Chromium decodes H.264 through its system ffmpeg
                # (a build without H.264 answers canPlayType "" and is checked by the bytes above only)
                playable = await video.evaluate(f"v => v.canPlayType('{H264}') !== ''")
                if playable:
                    await until_true(page, "document.querySelector('.media-row video').readyState >= 1")
                    assert abs(await video.evaluate("v => v.duration") - info["duration"]) < 0.5
                    await video.evaluate("v => { v.muted = true; return v.play(); }")
                    await until_true(page, "document.querySelector('.media-row video').currentTime > 0.2")
                    await video.evaluate("v => v.pause()")
                await page.locator(".row.in .text", has_text="Done").wait_for()
                # 5. Resend: the same file again, by file_id
                await page.locator(".row.in.media-row .kb-button", has_text="Resend").first.click()
                await until_true(page, "document.querySelectorAll('.media-row video').length === 2")
                sources = await page.locator(".media-row video").evaluate_all("vs => vs.map(v => v.getAttribute('src'))")
                assert sources == [src, src]
                if playable:
                    await until_true(page, "[...document.querySelectorAll('.media-row video')].every(v => v.readyState >= 2)")
                await page.wait_for_timeout(1000)  # Chromium's loading spinner fades out
                await page.screenshot(path=str(ARTIFACTS / "webchat_e2e.png"))
                overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0
                assert errors == []
            finally:
                await browser.close()
        code = await up.stop(signal.SIGINT)
    assert_clean_exit(code, up)
    with Store(tmp_path / "petreel.db") as store:
        clips, total = store.list_clips(USER)
        assert total == 1 and clips[0].file_id
        assert store.pending_events() == []

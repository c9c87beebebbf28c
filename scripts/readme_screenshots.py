"""README screenshots of the web chat page served by ``petreel up``: the live progress message and
/history, taken with headless Chromium (playwright), as a person would see them on a phone.

    .venv/bin/python scripts/readme_screenshots.py [--out docs]

It runs ``petreel up`` (no token: sandbox + web chat page + bot + one worker, real render at 180x320)
in a temporary data directory, makes two clips (a premise, then a Remix of it with another hero),
and writes ``docs/progress.png`` (the status message while the clip renders) and
``docs/history.png`` (the /history page). Needs the dev setup (``scripts/setup --dev``: playwright
and Debian's chromium).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_browser_e2e import PREMISE, SMALL_RENDER, until_true  # noqa: E402
from tests.test_e2e_up import petreel, wait_http  # noqa: E402
from tests.test_webchat_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

USER = 4343
PHONE = {"width": 430, "height": 900}
# the status message's bar past its first tenth (the "Confirmed" toast has gone by then)
BAR = "Array.from(document.querySelectorAll('.row.in .text')).some(e => /[▓░]+ ([1-9][0-9])%/.test(e.innerText))"


async def shoot(out: Path) -> None:
    import httpx
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        async with petreel(Path(tmp), "up", env=SMALL_RENDER) as up, httpx.AsyncClient(base_url=up.url, timeout=20) as http:
            await wait_http(http)
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport=PHONE, locale="en-US")
                page.set_default_timeout(30_000)
                await page.goto(f"{up.url}/?user={USER}")
                await page.locator("#start-button").click()
                await page.locator(".row.in .text", has_text="one-line idea").wait_for()
                # 1. a clip: the premise, the hero, Confirm; the progress message while it renders
                await page.locator("#input").fill(PREMISE)
                await page.locator("#input").press("Enter")
                await page.locator('.kb-button[data-data^="1|st|"]', has_text="Ginger cat").click()
                await page.locator('.kb-button[data-data^="1|ok|"]').click()
                await until_true(page, BAR, timeout_s=120)
                await page.screenshot(path=str(out / "progress.png"))
                await page.locator(".row.in.media-row video").first.wait_for(timeout=180_000)
                # 2. a second clip: its Remix with another hero
                await page.locator(".row.in.media-row .kb-button", has_text="Remix").first.click()
                await page.locator('.kb-button[data-data^="1|st|"]', has_text="Husky").last.click()
                await page.locator('.kb-button[data-data^="1|ok|"]').last.click()
                await until_true(page, "document.querySelectorAll('.row.in.media-row video').length >= 2", 240)
                # 3. /history: one compact entry per clip, its title on its buttons
                await page.locator("#input").fill("/history")
                await page.locator("#input").press("Enter")
                await page.locator(".row.in .text", has_text="Your clips").last.wait_for()
                await page.wait_for_timeout(300)  # let the page scroll the new message into view
                await page.screenshot(path=str(out / "history.png"))
                await browser.close()
    print(f"wrote {out / 'progress.png'} and {out / 'history.png'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(out))


if __name__ == "__main__":
    main()

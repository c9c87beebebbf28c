#!/usr/bin/env python3
"""Buy credits with Telegram Stars in the web chat page, in headless Chromium, and take a screenshot.

Runs ``petreel up`` with no bot token (the local Bot API sandbox, its web chat page, the bot and one
worker) and two credit packs on sale, then, as a person would: START, /buy, the 5-clip pack's
button, the invoice card's "Pay ⭐ 50" (the sandbox runs pre_checkout_query → successful_payment),
the "You paid ⭐ 50" line and the bot's thanks. The screenshot is the README's picture::

    scripts/webchat_buy.py                  # → docs/webchat-buy.png
    scripts/webchat_buy.py --out /tmp/x.png --data-dir /tmp/petreel-buy

``tests/test_browser_payments.py`` runs the same ``run()`` and checks the ledger afterwards.
Needs the ``playwright`` Python package and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PACKS = [{"credits": 5, "stars": 50}, {"credits": 12, "stars": 100}]
USER = 4242


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(data_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PETREEL_", "TELEGRAM_"))}
    env.update(
        PETREEL_DATA_DIR=str(data_dir),
        PETREEL_HTTP_PORT=str(port),
        PETREEL_PAYMENTS__PACKS=json.dumps(PACKS),
        PETREEL_TELEGRAM__CHAT_THROTTLE_S="0",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    return env


def _open_log(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("wb")


async def _wait_http(url: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    async with httpx.AsyncClient(timeout=5) as http:
        while True:
            try:
                await http.get(f"{url}/healthz")
                return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


async def buy_in_page(page: Any, url: str, out: Path) -> None:
    """Drive the page at ``url`` through one purchase and save the screenshot to ``out``."""
    await page.goto(f"{url}/?user={USER}")
    # 1. START, then /buy typed in the composer
    await page.locator("#start-button").click()
    await page.locator(".row.in .text", has_text="one-line idea").wait_for()
    await page.locator("#input").fill("/buy")
    await page.locator("#input").press("Enter")
    # 2. the 5-clip pack's button sends the invoice: a card with its price and "Pay ⭐ 50"
    await page.locator(".kb-button", has_text="5 clips for 50 Stars").click()
    card = page.locator(".row.in .invoice-card")
    await card.wait_for()
    assert "⭐ 50" in await card.locator(".invoice-price").inner_text()
    # 3. Pay: pre_checkout_query → the bot accepts → successful_payment → credits and thanks
    await page.locator(".kb-button.pay", has_text="Pay ⭐ 50").click()
    await page.locator(".row.service .service-pill", has_text="You paid ⭐ 50").wait_for()
    await page.locator(".row.in .text", has_text="Thank you").wait_for()
    await page.wait_for_timeout(500)  # the last row's flash fades
    out.parent.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(out))


async def run(data_dir: Path, out: Path) -> list[str]:
    """``petreel up`` in ``data_dir``, one purchase in Chromium, the screenshot at ``out``; returns the
    page's JavaScript errors (none expected)."""
    from playwright.async_api import async_playwright

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    errors: list[str] = []
    with _open_log(data_dir / "up.log") as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "petreel.cli", "up", cwd=ROOT, env=_env(data_dir, port), stdout=log, stderr=log
        )
        try:
            await _wait_http(url)
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    page = await browser.new_page(viewport={"width": 430, "height": 760}, locale="en-US")
                    page.set_default_timeout(20_000)
                    page.on("pageerror", lambda exc: errors.append(str(exc)))
                    await buy_in_page(page, url, out)
                finally:
                    await browser.close()
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGINT)
                try:
                    await asyncio.wait_for(proc.wait(), 40)
                except TimeoutError:
                    proc.kill()
                    await proc.wait()
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "webchat-buy.png")
    parser.add_argument("--data-dir", type=Path, default=None, help="petreel's data dir (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="petreel-buy-") as tmp:
        errors = asyncio.run(run(args.data_dir or Path(tmp), args.out))
    for error in errors:
        print(f"page error: {error}", file=sys.stderr)
    print(args.out)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

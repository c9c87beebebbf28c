"""Acceptance: buying credits in the web chat page of ``petreel up`` from headless Debian Chromium:
/buy, a pack, the invoice card, "Pay ⭐ 50", the payment line and the thanks; the ledger holds one
purchase. The flow is ``scripts/webchat_buy.py`` (which also makes the README's screenshot); its
picture lands in ``test-artifacts/webchat_buy.png``."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from storage.store import Store
from tests.test_webchat_browser import ARTIFACTS, pytestmark

__all__ = ["pytestmark"]  # the browser marker and the chromium skip, shared with the page test
ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("webchat_buy", ROOT / "scripts" / "webchat_buy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_person_buys_credits_in_the_web_chat_page(tmp_path: Path) -> None:
    pytest.importorskip("playwright.async_api")
    script = _script()
    shot = tmp_path / "buy.png"
    errors = await script.run(tmp_path / "data", shot)
    assert errors == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "webchat_buy.png")
    log = (tmp_path / "data" / "up.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]
    with Store(tmp_path / "data" / "petreel.db") as store:
        purchases = store.purchases(script.USER)
        assert [(p.credits, p.stars, p.refunded) for p in purchases] == [(5, 50, False)]
        assert store.quota(script.USER).credits == 5

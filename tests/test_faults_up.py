"""``petreel up`` as a process tree (issue 14): text that is not UTF-8 typed into the web chat page
is refused with 400 and a description, everyone else is still served, and SIGTERM exits 0."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx

from tests.test_e2e_up import TINY, assert_clean_exit, chat, petreel, wait_http


async def test_a_lone_surrogate_is_refused_and_up_still_stops_cleanly(tmp_path: Path) -> None:
    async with petreel(tmp_path, "up", "--renderer", TINY) as up:
        async with httpx.AsyncClient(base_url=up.url, timeout=40) as http:
            await wait_http(http)
            bad = await http.post("/sandbox/api/send", content=b'{"user_id": 5, "text": "a cat \\ud800 gets rich"}',
                                  headers={"Content-Type": "application/json"})
            assert bad.status_code == 400 and "UTF-8" in bad.json()["description"]
            ok = await http.post("/sandbox/api/send", json={"user_id": 6, "text": "/start"})
            assert ok.json()["ok"]
            await chat(http, lambda m: any("PetReel" in (x.get("html") or "") for x in m), user=6)
        code = await up.stop(signal.SIGTERM)
    assert_clean_exit(code, up)

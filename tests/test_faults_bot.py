"""Bot faults (issue 14), end to end against the sandbox: forged webhook posts, huge ids in buttons,
text that is not UTF-8, floods of premises and a double Confirm."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest

from bot import callbacks
from bot.app import running
from bot.callbacks import CallbackError
from sandbox import BotApiSandbox
from tests import test_e2e_bot as e2e
from tests.test_e2e_bot import ADMIN, Harness, data_of, premise_to_preview, wait_buttons

harness = e2e.harness  # the end-to-end fixture: real Application, sandbox, store

HUGE = "9" * 40


# -- 1. webhook without a configured secret -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def grant_update(update_id: int) -> dict[str, Any]:
    """A forged admin ``/grant 5 100`` update, as an attacker who found the hook URL would post it."""
    text = "/grant 5 100"
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1, "date": 1_700_000_000, "text": text,
            "chat": {"id": ADMIN, "type": "private", "first_name": "A"},
            "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


async def test_a_webhook_without_a_configured_secret_refuses_forged_posts(harness: Harness) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    hook = {"listen": "127.0.0.1", "port": port, "url_path": "hook", "webhook_url": url, "secret_token": None}
    async with running(harness.build(), mode="webhook", webhook=hook):
        async with httpx.AsyncClient() as client:
            no_header = await client.post(url, json=grant_update(10))
            wrong = await client.post(url, json=grant_update(11), headers={"X-Telegram-Bot-Api-Secret-Token": "x"})
            not_json = await client.post(url, content=b"\xff garbage",
                                         headers={"Content-Type": "application/json"})
        assert (no_header.status_code, wrong.status_code, not_json.status_code) == (403, 403, 403)
        registered = harness.sandbox.calls_to("setWebhook")[-1].params.get("secret_token")
        assert isinstance(registered, str) and len(registered) >= 32  # a strong secret, registered with Telegram
        # the real Telegram (the sandbox, posting with the registered secret) still gets through
        ann = harness.user(1001)
        await ann.send("/start")
        await ann.wait_for_text("PetReel", timeout=10)
    assert (await harness.store.quota(5)).credits == 0  # no forged /grant was applied
    assert harness.sandbox.violations == []


# -- 4. numbers beyond SQLite's INTEGER in button data ----------------------------------------------------


@pytest.mark.parametrize("action", ["rs", "rm", "tw", "cx", "hp"])
def test_decode_refuses_numbers_beyond_sqlite_integer(action: str) -> None:
    with pytest.raises(CallbackError, match="out of range"):
        callbacks.decode(f"1|{action}|{HUGE}")
    with pytest.raises(CallbackError, match="out of range"):
        callbacks.decode(f"1|{action}|{2**63}")
    assert callbacks.decode(f"1|{action}|{2**63 - 1}").number() == 2**63 - 1


async def test_huge_ids_in_buttons_are_refused_as_stale(harness: Harness, monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    import sandbox.state as sandbox_state

    async with harness.bot():
        bob = harness.user(1002)
        preview = await premise_to_preview(bob, "a husky sings")
        forged = [f"1|{a}|{HUGE}" for a in ("rs", "rm", "tw", "cx", "hp")]
        real = sandbox_state.button_data
        monkeypatch.setattr(sandbox_state, "button_data", lambda markup: [*real(markup), *forged])
        queries = [await bob.press(preview, data) for data in forged]
        await bob.wait_for(lambda _: all(bob.answered(q) for q in queries), timeout=10)
        answers = [bob.callback_answer(q) for q in queries]
        assert all(a is not None and "no longer valid" in (a.text or "") for a in answers)
        assert not bob.find_all("went wrong") and not bob.find_all("Sorry")
    assert "OverflowError" not in caplog.text and "Traceback" not in caplog.text
    assert harness.sandbox.violations == []


# -- 5. a lone surrogate in the sandbox -------------------------------------------------------------------


async def test_the_sandbox_refuses_text_that_is_not_utf8_per_request() -> None:
    async with BotApiSandbox() as sandbox, httpx.AsyncClient(base_url=sandbox.root_url or "") as http:
        sandbox.user(1, "Ann")
        # the web chat page's user API: JSON may carry "\ud800"
        bad = await http.post("/sandbox/api/send", content=b'{"user_id": 1, "text": "hi \\ud800"}',
                              headers={"Content-Type": "application/json"})
        assert bad.status_code == 400 and "UTF-8" in bad.json()["description"]
        # the Bot API: like Telegram, 400 with a description
        api = f"/bot{sandbox.token}/sendMessage"
        refused = await http.post(api, content=b'{"chat_id": 1, "text": "\\udfff"}',
                                  headers={"Content-Type": "application/json"})
        assert refused.status_code == 400
        assert refused.json() == {"ok": False, "error_code": 400,
                                  "description": "Bad Request: strings must be encoded in UTF-8"}
        # nothing was stored: updates still flow for everyone
        ok = await http.post("/sandbox/api/send", json={"user_id": 2, "text": "/start"})
        assert ok.status_code == 200
        updates = await http.post(f"/bot{sandbox.token}/getUpdates", json={"timeout": 0})
        assert updates.status_code == 200
        texts = [u["message"]["text"] for u in updates.json()["result"]]
        assert texts == ["/start"]


async def test_one_bad_update_never_stops_delivery_to_others(harness: Harness) -> None:
    async with harness.bot():
        # an update whose text has a lone surrogate reaches the bot anyway (put in the queue directly,
        # past the sandbox's own check): it is answered with a refusal and skipped
        eve = harness.user(3003)
        state = harness.sandbox.state
        message = state.message_api(state.user_send(3003, "/start"))
        await eve.wait_for_text("PetReel", timeout=10)
        message = {**message, "message_id": message["message_id"] + 1000, "text": "a cat \ud800 gets rich",
                   "entities": []}
        state.updates.append({"update_id": state.next_update_id, "message": message})
        state.next_update_id += 1
        await harness.sandbox.changed()
        await eve.wait_for_text("UTF-8", timeout=10)
        # another user is served after it
        ann = harness.user(1001)
        await ann.send("/start")
        await ann.wait_for_text("PetReel", timeout=10)


# -- 11. flood replies and choosers without drafts ---------------------------------------------------------


async def test_a_flood_of_premises_gets_one_notice_per_window(harness: Harness) -> None:
    harness.settings.telegram.chat_throttle_s = 60.0
    async with harness.bot():
        ann = harness.user(1001)
        for i in range(20):
            await ann.send(f"a cat number {i} gets rich")
        await wait_buttons(ann, "1|st|")
        await ann.wait_for(lambda _: bool(ann.find_all("Please wait")), timeout=10)
        await ann.send("/quota")  # answered after the flood: every premise before it was handled
        await ann.wait_for_text("today", timeout=10)
        assert len(ann.find_all("Please wait")) == 1
        assert len([m for m in ann.visible if any(d.startswith("1|st|") for d in m.callback_data)]) == 1


async def test_no_hero_chooser_is_posted_without_its_stored_draft(harness: Harness) -> None:
    async with harness.bot():
        ann = harness.user(1001)
        after = 0
        for i in range(6):
            after = await ann.send(f"a dog number {i} becomes the boss")
            if i < 5:
                await wait_buttons(ann, "1|st|", after=after)
        await ann.wait_for_text("ideas waiting for a hero", timeout=10)
        choosers = [m for m in ann.visible if any(d.startswith("1|st|") for d in m.callback_data)]
        assert len(choosers) == 5
        for chooser in choosers:  # every chooser on screen has its draft
            draft_id = next(d for d in chooser.callback_data if d.startswith("1|st|")).split("|")[2]
            assert await harness.store.get_draft(draft_id) is not None


# -- 12. a double Confirm --------------------------------------------------------------------------------


async def test_a_double_confirm_is_answered_already_queued(harness: Harness) -> None:
    async with harness.bot():
        ann = harness.user(1001)
        preview = await premise_to_preview(ann, "a tabby cat opens a bakery")
        confirm = data_of(preview, "Confirm")
        first = await ann.press(preview, confirm)
        second = await ann.press(preview, confirm)  # before the first press's answer
        await ann.wait_for(lambda _: ann.answered(first) and ann.answered(second), timeout=10)
        await ann.wait_for_text("Queued", timeout=10)
        answers = [ann.callback_answer(q) for q in (first, second)]
        assert sorted((a.text or "") for a in answers if a is not None) == ["Already queued.", "✅ Confirmed"]
        await ann.send("/quota")  # answered after both presses were handled
        await ann.wait_for_text("today", timeout=10)
        assert not ann.find_all("expired")
        assert len(ann.find_all("Queued")) == 1
        assert len(await harness.store.active_jobs(1001)) == 1

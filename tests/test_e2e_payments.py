"""End to end: buying credits with Telegram Stars through the sandbox with the real python-telegram-bot
client: /buy → pack button → invoice → Pay → pre_checkout_query → successful_payment → credits, once."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from petreel.settings import CreditPack, PaymentSettings, Settings
from sandbox.users import MessageView, SimUser
from storage.store import AsyncStore
from tests.test_e2e_bot import ADMIN, Harness, data_of, harness_for, make_settings, premise_to_preview

PACKS = [CreditPack(credits=5, stars=50), CreditPack(credits=12, stars=100)]


def with_packs(settings: Settings, packs: list[CreditPack]) -> Settings:
    return settings.model_copy(update={"payments": PaymentSettings(packs=packs)})


@contextlib.asynccontextmanager
async def shop(tmp_path: Path, **quota: int) -> AsyncIterator[Harness]:
    async with harness_for(with_packs(make_settings(tmp_path, **quota), PACKS)) as h:
        yield h


def invoices(user: SimUser) -> list[MessageView]:
    return [m for m in user.visible if m.invoice]


async def invoice_for(user: SimUser, menu: MessageView, label: str) -> MessageView:
    """Press the pack button ``label`` on ``menu``; returns the invoice the bot sends."""
    before = len(invoices(user))
    qid = await user.press(menu, data_of(menu, label))
    await user.wait_for(lambda _: len(invoices(user)) > before and user.answered(qid))
    return invoices(user)[-1]


async def purchases(store: AsyncStore, user_id: int) -> list[dict[str, object]]:
    return [row for row in await store.ledger(user_id) if row["kind"] == "purchase"]


async def test_buying_a_pack_credits_once_across_a_redelivery_and_a_restart(tmp_path: Path) -> None:
    async with shop(tmp_path) as h:
        ann = h.user(1001)
        async with h.bot():
            await ann.send("/buy")
            menu = await ann.wait_for_text("Buy clips with Telegram Stars")
            assert [b.text for row in menu.buttons for b in row] == [
                "⭐ 5 clips for 50 Stars", "⭐ 12 clips for 100 Stars"]
            invoice = await invoice_for(ann, menu, "⭐ 5 clips")
            assert invoice.invoice == {"title": "5 PetReel clips", "currency": "XTR", "total_amount": 50,
                                       "description": invoice.invoice["description"], "start_parameter": ""}
            assert invoice.buttons[0][0].pay and invoice.buttons[0][0].text == "Pay ⭐ 50"
            call = h.sandbox.calls_to("sendInvoice")[-1]
            assert call.params["currency"] == "XTR" and call.params["provider_token"] == ""
            payload = str(call.params["payload"])
            assert "1001" in payload and len(payload.encode()) <= 128
            # 1. Ann pays: the bot accepts the pre-checkout, then Telegram's successful_payment credits her
            checkout = await ann.pay(invoice)
            await ann.wait_for_text("Thank you")
            answer = ann.checkout(checkout)
            assert answer is not None and answer.ok
            assert (await h.store.quota(1001)).credits == 5
            (charge,) = h.sandbox.state.payments.charges.values()
            # 2. the same update delivered again while the bot runs: no second credit
            h.sandbox.state.payments.redeliver(charge.id)
            await h.sandbox.wait_until(lambda: not h.sandbox.state.updates, 5)
        # 3. … and again to a new bot process (nothing in memory survives it)
        h.sandbox.state.payments.redeliver(charge.id)
        async with h.bot():
            await h.sandbox.wait_until(lambda: not h.sandbox.state.updates, 5)
            await ann.send("/quota")
            await ann.wait_for_text("Extra credits: 5")
        rows = await purchases(h.store, 1001)
        assert len(rows) == 1 and rows[0]["amount"] == 5 and charge.id in str(rows[0]["key"])
        assert len(ann.find_all("Thank you")) == 1
        assert (await h.store.quota(1001)).credits == 5
        # the credits buy clips beyond today's free ones
        await ann.send("/buy")
        await ann.wait_for(lambda _: any("Extra credits now: 5" in m.body for m in ann.visible))
    assert h.sandbox.violations == []


async def test_refused_pre_checkouts_are_answered_in_the_payers_language(tmp_path: Path) -> None:
    async with shop(tmp_path) as h:
        ann, bob, li, admin = h.user(1001), h.user(1002), h.user(1003, lang="zh"), h.user(ADMIN)
        await admin.send("/start")
        async with h.bot():
            await ann.send("/buy")
            ann_invoice = await invoice_for(ann, await ann.wait_for_text("Telegram Stars"), "⭐ 12 clips")
            await li.send("/buy")
            li_menu = await li.wait_for_text("星星")
            li_invoice = await invoice_for(li, li_menu, "⭐ 5")
            # 1. Bob pays an invoice made for Ann (forwarded to him): refused
            refused = await bob.pay(ann_invoice, in_chat=1001)
            await bob.wait_for(lambda _: bob.checkout(refused) is not None)
            answer = bob.checkout(refused)
            assert answer is not None and not answer.ok and "someone else" in (answer.error_message or "")
            # 2. a tampered payload (another buyer, same signature): refused as not ours
            invoice = h.sandbox.state.payments.invoices[(1001, ann_invoice.message_id)]
            invoice.payload = invoice.payload.replace(".1001.", ".1002.")
            tampered = await bob.pay(ann_invoice, in_chat=1001)
            await bob.wait_for(lambda _: bob.checkout(tampered) is not None)
            assert "no longer valid" in (bob.checkout(tampered).error_message or "")  # type: ignore[union-attr]
            # 3. a banned user can't pay, in Chinese
            await admin.send("/ban 1003")
            await admin.wait_for_text("is banned")
            banned = await li.pay(li_invoice)
            await li.wait_for(lambda _: li.checkout(banned) is not None)
            assert li.checkout(banned).error_message == "该账号无法购买次数。"  # type: ignore[union-attr]
        # 4. the 12-clip pack is withdrawn: Ann's old invoice for it is refused
        h.settings = with_packs(h.settings, PACKS[:1])
        ann_fresh = await _fresh_invoice(h, ann)
        async with h.bot():
            gone = await ann.pay(ann_fresh)
            await ann.wait_for(lambda _: ann.checkout(gone) is not None)
            assert "no longer valid" in (ann.checkout(gone).error_message or "")  # type: ignore[union-attr]
        # 5. payments switched off: refused, and /buy says so
        h.settings = with_packs(h.settings, [])
        async with h.bot():
            off = await ann.pay(ann_fresh)
            await ann.wait_for(lambda _: ann.checkout(off) is not None)
            assert "isn't available" in (ann.checkout(off).error_message or "")  # type: ignore[union-attr]
            await ann.send("/buy")
            await ann.wait_for_text("Buying clips isn't available on this bot")
        assert h.sandbox.state.payments.charges == {}
        for user_id in (1001, 1002, 1003):
            assert await purchases(h.store, user_id) == []
        assert all(c.answered for c in h.sandbox.state.payments.checkouts.values())
    assert h.sandbox.violations == []


async def _fresh_invoice(h: Harness, ann: SimUser) -> MessageView:
    """An invoice for the 12-clip pack made while it was still offered (a bot with the old settings)."""
    old = h.settings
    h.settings = with_packs(old, PACKS)
    async with h.bot():
        await ann.send("/buy")
        menu = await ann.wait_for_text("Telegram Stars")
        invoice = await invoice_for(ann, menu, "⭐ 12 clips")
    h.settings = old
    return invoice


async def test_the_out_of_clips_message_offers_the_packs(tmp_path: Path) -> None:
    async with shop(tmp_path, daily_free=0) as h:
        ann = h.user(1001)
        async with h.bot():
            preview = await premise_to_preview(ann, "a corgi learns to surf")
            qid = await ann.press(preview, data_of(preview, "Confirm"))
            offer = await ann.wait_for_text("Want more clips today?")
            await ann.wait_for(lambda _: ann.answered(qid))
            answer = ann.callback_answer(qid)
            assert answer is not None and "used today's free clips" in (answer.text or "")
            invoice = await invoice_for(ann, offer, "⭐ 5 clips")
            await ann.pay(invoice)
            await ann.wait_for_text("Thank you")
            preview = await premise_to_preview(ann, "a black cat opens a shop")
            await ann.press(preview, data_of(preview, "Confirm"))
            await ann.wait_for_text("Queued")
            assert (await h.store.quota(1001)).credits == 4
    assert h.sandbox.violations == []


@pytest.mark.parametrize("command, words", [("/terms", "Terms"), ("/paysupport", "Payment support")])
async def test_terms_and_paysupport_answer(tmp_path: Path, command: str, words: str) -> None:
    async with shop(tmp_path) as h:
        ann = h.user(1001)
        async with h.bot():
            await ann.send(command)
            await ann.wait_for_text(words)
    assert h.sandbox.violations == []


async def buy_pack(h: Harness, user: SimUser, label: str = "⭐ 5 clips") -> str:
    """``user`` buys the pack ``label`` through /buy; returns the charge id."""
    before = set(h.sandbox.state.payments.charges)
    thanks = len(user.find_all("Thank you"))
    menus = len(user.find_all("Buy clips with Telegram Stars"))
    await user.send("/buy")
    await user.wait_for(lambda _: len(user.find_all("Buy clips with Telegram Stars")) > menus)
    await user.pay(await invoice_for(user, user.find_all("Buy clips with Telegram Stars")[-1], label))
    await user.wait_for(lambda _: len(user.find_all("Thank you")) > thanks)
    (charge_id,) = set(h.sandbox.state.payments.charges) - before
    return charge_id


async def reversals(store: AsyncStore, user_id: int) -> list[dict[str, object]]:
    return [row for row in await store.ledger(user_id) if row["kind"] == "reversal"]


async def test_refund_reverses_the_unspent_credits_once_across_repeats_and_a_restart(tmp_path: Path) -> None:
    async with shop(tmp_path, daily_free=0) as h:
        ann, bob, admin = h.user(1001), h.user(1002), h.user(ADMIN)
        async with h.bot():
            charge = await buy_pack(h, ann)
            # Ann spends one of her 5 credits on a clip (reserved by the queued job)
            preview = await premise_to_preview(ann, "a corgi learns to surf")
            await ann.press(preview, data_of(preview, "Confirm"))
            await ann.wait_for_text("Queued")
            assert (await h.store.quota(1001)).credits == 4
            # 1. refusals, one clear line each
            await bob.send(f"/refund {charge}")
            await bob.wait_for_text("Admins only.")
            await admin.send("/refund")
            await admin.wait_for_text("Usage: /refund CHARGE_ID")
            await admin.send("/refund stxNOSUCHCHARGE")
            await admin.wait_for_text("No purchase with charge id stxNOSUCHCHARGE.")
            h.sandbox.inject("refundStarPayment", 400, description="Bad Request: STARS_REFUND_FAILED")
            await admin.send(f"/refund {charge}")
            await admin.wait_for_text("Telegram refused the refund of")
            assert not h.sandbox.state.payments.charges[charge].refunded and await reversals(h.store, 1001) == []
            # 2. the refund: the Stars go back, the 4 unspent credits leave the ledger
            await admin.send(f"/refund {charge}")
            done = await admin.wait_for_text("Refunded 50 Stars to 1001")
            assert "4 of the pack's 5 credits taken back" in done.body
            await ann.wait_for_text("Your purchase of 5 clips was refunded")
            assert h.sandbox.state.payments.charges[charge].refunded
            assert (await h.store.quota(1001)).credits == 0
            # 3. repeated (and Telegram's refunded_payment message handled meanwhile): nothing more
            await h.sandbox.wait_until(lambda: not h.sandbox.state.updates, 5)
            await admin.send(f"/refund {charge}")
            await admin.wait_for(lambda _: len(admin.find_all("was already refunded")) == 1)
        # 4. after a restart: still refunded once; /quota, /history and /stats show it
        async with h.bot():
            await admin.send(f"/refund {charge}")
            await admin.wait_for(lambda _: len(admin.find_all("was already refunded")) == 2)
            await ann.send("/quota")
            quota = await ann.wait_for_text("Purchases:")
            assert "5 clips for 50 ⭐ on" in quota.body and "(refunded, 4 taken back)" in quota.body
            await ann.send("/history")
            history = await ann.wait_for_text("Purchases\n")
            assert "(refunded, 4 taken back)" in history.body
            await admin.send("/stats")
            stats = await admin.wait_for_text("purchases: 1 (50 ⭐), refunds: 1 (50 ⭐)")
            assert stats.from_bot
        rows = await reversals(h.store, 1001)
        assert [(r["amount"], r["stars"], r["key"]) for r in rows] == [(-4, 50, f"reversal:{charge}")]
        assert len(ann.find_all("was refunded")) == 1
        assert len(h.sandbox.calls_to("refundStarPayment")) == 2  # the injected failure and the refund
    assert h.sandbox.violations == []


async def test_a_refund_telegram_already_made_is_reversed_once(tmp_path: Path) -> None:
    """Telegram's refunded_payment message reverses the purchase; and a charge Telegram reports as
    already refunded (the bot stopped between the two steps) is reversed by /refund."""
    async with shop(tmp_path) as h:
        ann, admin = h.user(1001), h.user(ADMIN)
        async with h.bot():
            first = await buy_pack(h, ann)
            second = await buy_pack(h, ann, "⭐ 12 clips")
            assert (await h.store.quota(1001)).credits == 17
        # 1. refunded at Telegram while the bot was down: the refunded_payment update reverses it
        payments = h.sandbox.state.payments
        payments.refund(first)
        # 2. refunded at Telegram, the update lost: only the charge is marked
        payments.refund(second, message=False)
        async with h.bot():
            await ann.wait_for_text("Your purchase of 5 clips was refunded")
            await admin.send(f"/refund {second}")
            await admin.wait_for_text("Refunded 100 Stars to 1001")
            await ann.wait_for_text("Your purchase of 12 clips was refunded")
        assert (await h.store.quota(1001)).credits == 0
        assert sorted(r["amount"] for r in await reversals(h.store, 1001)) == [-12, -5]
        assert len(ann.find_all("was refunded")) == 2
    assert h.sandbox.violations == []

"""Credits bought with Telegram Stars: /buy, the invoice, the pre-checkout answer, the purchase itself,
and the /paysupport and /terms texts Telegram requires of bots that sell with Stars.

1. ``/buy`` (and a message after "you've used today's free clips", ``offer_packs``) lists the packs of
   ``settings.payments.packs`` as buttons; pressing one sends an invoice (currency ``XTR``, no provider
   token) whose payload names the pack and the buyer, signed (``bot/signed.py``).
2. ``pre_checkout_query``: the payload must be ours, name a pack still offered at that price, name the
   payer, who must not be banned, while payments are on; otherwise ``ok=False`` with the reason in the
   payer's language. Every query is answered (Telegram waits 10 s), whatever goes wrong.
3. ``successful_payment``: the pack's credits are added as a ledger ``purchase`` keyed by
   ``telegram_payment_charge_id`` (``Store.grant`` refuses a key it has seen), so a redelivered update,
   before or after a restart, never credits twice.
4. ``/refund CHARGE_ID`` (admins): ``refundStarPayment``, then the purchase's *unspent* credits
   (``storage.quota``: the pack, or the paid balance if smaller) are taken back as one ledger
   ``reversal`` keyed by the charge id. Telegram first: the ledger cannot un-write a reversal, and a
   charge Telegram says is already refunded (the bot stopped in between) is reversed now. Telegram's
   ``refunded_payment`` message reverses the same way, so whichever comes first takes the credits,
   once, and the buyer is told once.
"""

from __future__ import annotations

import contextlib
import html
import logging

from telegram import InlineKeyboardMarkup, LabeledPrice, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PreCheckoutQueryHandler,
    filters,
)

from bot import callbacks, signed
from bot.callbacks import Action
from bot.handlers.admin import admin_lang
from bot.handlers.common import AnyApp, Context, Press, deps_of, in_rows, keyboard, on_button, send, user_lang
from petreel.i18n import short_date, t
from petreel.settings import CreditPack, Settings
from storage.models import Purchase

log = logging.getLogger(__name__)

CURRENCY = "XTR"


def signing_key(settings: Settings) -> bytes:
    """The key of invoice payloads: ``signing_key`` when set, else one derived from the bot token."""
    secret = settings.signing_key or settings.token
    return signed.derive_key(secret.get_secret_value() if secret else "petreel", "petreel-invoice")


def pack_id(pack: CreditPack) -> str:
    return f"{pack.credits}x{pack.stars}"


def find_pack(settings: Settings, credits: int, stars: int) -> CreditPack | None:
    """The offered pack of ``credits`` for ``stars``, if the settings still offer it."""
    return next((p for p in settings.payments.packs if (p.credits, p.stars) == (credits, stars)), None)


def buy_keyboard(settings: Settings, lang: str) -> InlineKeyboardMarkup | None:
    """One button per pack (None when payments are off)."""
    packs = settings.payments.packs
    if not packs:
        return None
    buttons = [
        (t(lang, "btn_pack", credits=p.credits, stars=p.stars), callbacks.encode(Action.BUY, pack_id(p))) for p in packs
    ]
    return keyboard(in_rows(buttons, per_row=1))


async def offer_packs(context: Context, chat_id: int, lang: str) -> None:
    """Under "you've used today's free clips": the packs, when payments are on (never raises)."""
    markup = buy_keyboard(deps_of(context).settings, lang)
    if markup is not None:
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(chat_id, t(lang, "buy_offer"), parse_mode=ParseMode.HTML, reply_markup=markup)


async def buy(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    deps = deps_of(context)
    markup = buy_keyboard(deps.settings, lang)
    if markup is None:
        await send(update, context, t(lang, "buy_off"))
        return
    assert update.effective_user is not None
    q = await deps.store.quota(update.effective_user.id)
    await send(update, context, t(lang, "buy_menu", credits=q.credits), markup)


@on_button
async def choose_pack(update: Update, context: Context, press: Press) -> None:
    """A pack button: send the invoice for it to the presser."""
    settings = deps_of(context).settings
    credits_text, _, stars_text = press.button.args[0].partition("x")
    pack = find_pack(settings, int(credits_text), int(stars_text)) if credits_text.isdigit() and stars_text.isdigit() else None
    if pack is None:
        await press.answer(t(press.lang, "pack_gone"), alert=True)
        return
    await press.answer()
    lang = press.lang
    payload = signed.invoice_payload(signing_key(settings), pack.credits, pack.stars, press.user_id)
    await context.bot.send_invoice(
        press.chat_id,
        title=t(lang, "invoice_title", credits=pack.credits)[:32],
        description=t(lang, "invoice_description", credits=pack.credits)[:255],
        payload=payload,
        provider_token="",
        currency=CURRENCY,
        prices=[LabeledPrice(t(lang, "invoice_label", credits=pack.credits), pack.stars)],
    )


async def _refusal(update: Update, context: Context) -> str | None:
    """Why this pre-checkout query must be refused (a text key), or None to accept it."""
    query = update.pre_checkout_query
    assert query is not None
    deps = deps_of(context)
    settings = deps.settings
    if not settings.payments.packs:
        return "pay_off"
    invoice = signed.read_invoice(signing_key(settings), query.invoice_payload)
    if (
        invoice is None
        or query.currency != CURRENCY
        or query.total_amount != invoice.stars
        or find_pack(settings, invoice.credits, invoice.stars) is None
    ):
        return "pay_unknown_pack"
    if invoice.buyer != query.from_user.id:
        return "pay_not_yours"
    user = await deps.store.get_user(query.from_user.id)
    if user is not None and user.banned:
        return "pay_banned"
    return None


async def pre_checkout(update: Update, context: Context) -> None:
    """Accept or refuse a payment before Telegram takes the Stars; always answered."""
    query = update.pre_checkout_query
    assert query is not None
    lang = "en"
    reason: str | None = "pay_error"
    try:
        lang = await user_lang(update, context)
        reason = await _refusal(update, context)
    finally:
        if reason is None:
            await query.answer(ok=True)
        else:
            log.info("pre-checkout %s from %s refused: %s", query.id, query.from_user.id, reason)
            await query.answer(ok=False, error_message=t(lang, reason))


async def paid(update: Update, context: Context) -> None:
    """Telegram took the Stars: add the pack's credits, once per charge."""
    message = update.effective_message
    assert message is not None and message.successful_payment is not None and update.effective_user is not None
    payment = message.successful_payment
    deps = deps_of(context)
    user_id = update.effective_user.id
    lang = await user_lang(update, context)
    invoice = signed.read_invoice(signing_key(deps.settings), payment.invoice_payload)
    if invoice is None or payment.currency != CURRENCY or invoice.stars != payment.total_amount:
        # only an invoice this bot signed gets past pre-checkout; log loudly, support can refund
        log.error("successful_payment %s from %s with an unknown payload", payment.telegram_payment_charge_id, user_id)
        await send(update, context, t(lang, "pay_error"))
        return
    added = await deps.store.grant(
        user_id, invoice.credits, payment.telegram_payment_charge_id, kind="purchase", stars=payment.total_amount
    )
    if not added:
        log.info("successful_payment %s seen before: not credited again", payment.telegram_payment_charge_id)
        return
    log.info("user %s bought %d credits for %d Stars (charge %s)", user_id, invoice.credits, invoice.stars,
             payment.telegram_payment_charge_id)
    q = await deps.store.quota(user_id)
    await send(update, context, t(lang, "paid", credits=invoice.credits, balance=q.credits))


async def refund(update: Update, context: Context) -> None:
    """``/refund CHARGE_ID``: return the Stars, then take back the purchase's unspent credits, once."""
    lang = await admin_lang(update, context)
    if lang is None:
        return
    args = context.args or []
    if len(args) != 1 or not 1 <= len(args[0]) <= 128:
        await send(update, context, t(lang, "admin_usage", usage="/refund CHARGE_ID"))
        return
    charge_id = args[0]
    charge = html.escape(charge_id)
    deps = deps_of(context)
    # 1. a purchase this bot recorded, not reversed yet
    purchase = await deps.store.purchase(charge_id)
    if purchase is None:
        await send(update, context, t(lang, "refund_unknown", charge=charge))
        return
    if purchase.refunded:
        await send(update, context, t(lang, "refund_already", charge=charge))
        return
    # 2. Telegram returns the Stars (a charge it already refunded is reversed in the ledger below)
    try:
        await context.bot.refund_star_payment(purchase.user_id, charge_id)
    except TelegramError as exc:
        if not (isinstance(exc, BadRequest) and "charge_already_refunded" in exc.message.lower()):
            log.warning("refund of %s refused by Telegram: %s", charge_id, exc.message)
            await send(update, context, t(lang, "refund_failed", charge=charge, error=html.escape(exc.message)))
            return
    # 3. the unspent credits leave the ledger, once per charge
    reversal = await deps.store.reverse_purchase(charge_id)
    assert reversal is not None  # purchases are never deleted
    if not reversal.first:  # a concurrent /refund or the refunded_payment update got there first
        await send(update, context, t(lang, "refund_already", charge=charge))
        return
    done = reversal.purchase
    log.info("charge %s refunded: %s credits taken back from %s", charge_id, done.reversed_credits, done.user_id)
    await send(update, context, t(lang, "refunded", stars=done.stars or 0, user=done.user_id, charge=charge,
                                  taken=done.reversed_credits or 0, credits=done.credits))
    await _tell_buyer(context, done)


async def refunded(update: Update, context: Context) -> None:
    """Telegram's ``refunded_payment`` service message: the same reversal, once per charge."""
    message = update.effective_message
    assert message is not None and message.refunded_payment is not None
    charge_id = message.refunded_payment.telegram_payment_charge_id
    reversal = await deps_of(context).store.reverse_purchase(charge_id)
    if reversal is None:
        log.warning("refunded_payment %s for a purchase never recorded", charge_id)
        return
    if reversal.first:
        log.info("charge %s refunded by Telegram: %s credits taken back", charge_id, reversal.purchase.reversed_credits)
        await _tell_buyer(context, reversal.purchase)


async def _tell_buyer(context: Context, purchase: Purchase) -> None:
    """The buyer hears what the refund took back (never raises: the reversal is already written)."""
    deps = deps_of(context)
    user = await deps.store.get_user(purchase.user_id)
    lang = (user.language if user else None) or "en"
    balance = (await deps.store.quota(purchase.user_id)).credits
    text = t(lang, "refund_notice", credits=purchase.credits, stars=purchase.stars or 0,
             taken=purchase.reversed_credits or 0, balance=balance)
    with contextlib.suppress(TelegramError):
        await context.bot.send_message(purchase.user_id, text, parse_mode=ParseMode.HTML)


def purchase_line(purchase: Purchase, lang: str) -> str:
    """One purchase as /quota and /history show it, with its refund if any."""
    line = t(lang, "purchase_line", credits=purchase.credits, stars=purchase.stars or "?",
             day=short_date(purchase.created, lang))
    if purchase.refunded:
        line += t(lang, "purchase_refunded", taken=purchase.reversed_credits or 0)
    return line


async def purchase_lines(context: Context, user_id: int, lang: str, limit: int = 3) -> list[str]:
    """The user's newest purchases (and refunds), one line each; empty when there are none."""
    return [f"• {purchase_line(p, lang)}" for p in await deps_of(context).store.purchases(user_id, limit)]


async def paysupport(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    contact = deps_of(context).settings.payments.support or t(lang, "paysupport_admins")
    await send(update, context, t(lang, "paysupport", contact=html.escape(contact)))


async def terms(update: Update, context: Context) -> None:
    lang = await user_lang(update, context)
    await send(update, context, t(lang, "terms"))


def register(app: AnyApp) -> None:
    app.add_handler(CommandHandler("buy", buy))
    app.add_handler(CommandHandler("paysupport", paysupport))
    app.add_handler(CommandHandler("terms", terms))
    app.add_handler(CallbackQueryHandler(choose_pack, pattern=callbacks.pattern(Action.BUY)))
    app.add_handler(PreCheckoutQueryHandler(pre_checkout))
    app.add_handler(MessageHandler(filters.SUCCESSFUL_PAYMENT, paid))
    app.add_handler(CommandHandler("refund", refund))
    app.add_handler(MessageHandler(filters.StatusUpdate.REFUNDED_PAYMENT, refunded))

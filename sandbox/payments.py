"""Telegram Stars in the sandbox: invoices, the pre-checkout round trip, successful payments, refunds.

``Payments(state)`` adds ``sendInvoice``, ``answerPreCheckoutQuery`` and ``refundStarPayment`` to a
``SandboxState`` (pure, like it). The flow, as Telegram runs it for currency ``XTR``:

1. ``sendInvoice`` stores a message with an ``invoice`` (title, description, currency, total) and,
   unless the bot sent its own keyboard (whose first button must then be a ``pay`` button), a
   "Pay ⭐ N" button.
2. ``pay(user_id, message_id)`` (a simulated user taps Pay) queues a ``pre_checkout_query`` update
   carrying the invoice payload.
3. ``answerPreCheckoutQuery(ok=True)`` takes the Stars: a service message with ``successful_payment``
   (a unique ``telegram_payment_charge_id``) is queued as a ``message`` update; ``ok=False`` needs an
   ``error_message``, which the payer is shown. An answer after Telegram's 10 s is a violation.
4. ``refundStarPayment`` returns a charge once (``CHARGE_ALREADY_REFUNDED`` after that) and queues a
   ``refunded_payment`` service message.

``redeliver(charge_id)`` queues the ``successful_payment`` update again (Telegram may deliver an
update twice), for tests of idempotent crediting. Checkouts and charges live in memory only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox.apierror import bad_request

if TYPE_CHECKING:
    from sandbox.state import Params, SandboxState

ANSWER_WITHIN_S = 10.0
STARS = "XTR"


@dataclass
class Invoice:
    chat_id: int
    message_id: int
    payload: str
    currency: str
    total_amount: int


@dataclass
class Checkout:
    id: str
    user_id: int
    invoice: Invoice
    created: float
    answered: bool = False
    ok: bool | None = None
    error_message: str | None = None


@dataclass
class Charge:
    id: str
    user_id: int
    invoice: Invoice
    message_id: int  # the successful_payment service message
    refunded: bool = False


class Payments:
    """Invoices, checkouts and charges of one sandbox (see the module docstring)."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.invoices: dict[tuple[int, int], Invoice] = {}
        self.checkouts: dict[str, Checkout] = {}
        self.charges: dict[str, Charge] = {}

    def handlers(self) -> dict[str, Callable[[Params], Any]]:
        return {
            "sendInvoice": self._send_invoice,
            "answerPreCheckoutQuery": self._answer_pre_checkout,
            "refundStarPayment": self._refund,
        }

    # -- the bot's side ----------------------------------------------------------------------------

    def _send_invoice(self, p: Params) -> dict[str, Any]:
        state = self.state
        chat = state._chat(p)
        title = p.get_str("title") or ""
        description = p.get_str("description") or ""
        payload = p.get_str("payload") or ""
        currency = p.get_str("currency") or ""
        if not 1 <= len(title) <= 32:
            raise bad_request("INVOICE_TITLE_INVALID" if title else "title is empty")
        if not 1 <= len(description) <= 255:
            raise bad_request("INVOICE_DESCRIPTION_INVALID" if description else "description is empty")
        if not 1 <= len(payload.encode("utf-8")) <= 128:
            raise bad_request("INVOICE_PAYLOAD_INVALID" if payload else "payload is empty")
        prices = p.get_json("prices", "prices")
        if not isinstance(prices, list) or not prices or not all(
            isinstance(x, dict) and isinstance(x.get("amount"), int) and isinstance(x.get("label"), str) for x in prices
        ):
            raise bad_request("can't parse prices JSON object")
        if currency == STARS:
            if p.get_str("provider_token"):
                raise bad_request("PROVIDER_TOKEN_INVALID: payments in Telegram Stars take an empty provider token")
            if len(prices) != 1:
                raise bad_request("STARS_INVOICE_INVALID: an invoice in Telegram Stars must have exactly one price")
        total = sum(int(x["amount"]) for x in prices)
        if total <= 0:
            raise bad_request("CURRENCY_TOTAL_AMOUNT_INVALID")
        reply_markup = state._markup(p, chat)
        rows = (reply_markup or {}).get("inline_keyboard", [])
        if reply_markup is None:
            reply_markup = {"inline_keyboard": [[{"text": f"Pay ⭐ {total}", "pay": True}]]}
        elif not rows or not rows[0] or not rows[0][0].get("pay"):
            raise bad_request("REPLY_MARKUP_BUY_EMPTY")
        invoice_api = {"title": title, "description": description, "start_parameter": p.get_str("start_parameter") or "",
                       "currency": currency, "total_amount": total}
        message = state._new_message(chat, from_bot=True, media_kind="invoice", media=invoice_api,
                                     reply_markup=reply_markup)
        self.invoices[(chat.user.id, message.message_id)] = Invoice(
            chat.user.id, message.message_id, payload, currency, total
        )
        return state.message_api(message)

    def _answer_pre_checkout(self, p: Params) -> bool:
        state = self.state
        query_id = p.get_str("pre_checkout_query_id", missing="pre_checkout_query_id is empty") or ""
        checkout = self.checkouts.get(query_id)
        if checkout is None or checkout.answered:
            raise bad_request("QUERY_ID_INVALID")
        ok = p.get_bool("ok")
        error_message = p.get_str("error_message")
        if not ok and not error_message:
            raise bad_request("ERROR_MESSAGE_EMPTY")
        if state.clock() - checkout.created > ANSWER_WITHIN_S:
            state.warnings.append(f"pre_checkout_query answered after {ANSWER_WITHIN_S:.0f} s: Telegram has given up")
        checkout.answered, checkout.ok, checkout.error_message = True, ok, None if ok else error_message
        chat = state.chats[checkout.user_id]
        if ok:
            invoice = checkout.invoice
            charge_id = f"stxSANDBOX{state._next_id():08d}{query_id[-6:]}"
            payment = {"currency": invoice.currency, "total_amount": invoice.total_amount,
                       "invoice_payload": invoice.payload, "telegram_payment_charge_id": charge_id,
                       "provider_payment_charge_id": ""}
            message = state._new_message(chat, from_bot=False, media_kind="successful_payment", media=payment)
            self.charges[charge_id] = Charge(charge_id, checkout.user_id, invoice, message.message_id)
            state._queue("message", {"message": state.message_api(message)})
        state._touch(chat)
        return True

    def _refund(self, p: Params) -> bool:
        user_id = p.get_int("user_id", missing="user_id is empty")
        charge_id = p.get_str("telegram_payment_charge_id", missing="telegram_payment_charge_id is empty") or ""
        charge = self.charges.get(charge_id)
        if charge is None or charge.user_id != user_id:
            raise bad_request("CHARGE_NOT_FOUND")
        if charge.refunded:
            raise bad_request("CHARGE_ALREADY_REFUNDED")
        self.refund(charge_id)
        return True

    def refund(self, charge_id: str, *, message: bool = True) -> None:
        """Telegram returns the Stars of ``charge_id`` (the bot asked, or Telegram's support did);
        ``message=False`` loses the ``refunded_payment`` update (the bot never hears of it)."""
        state = self.state
        charge = self.charges[charge_id]
        charge.refunded = True
        if not message:
            return
        refund = {"currency": charge.invoice.currency, "total_amount": charge.invoice.total_amount,
                  "invoice_payload": charge.invoice.payload, "telegram_payment_charge_id": charge_id}
        chat = state.chats[charge.user_id]
        service = state._new_message(chat, from_bot=False, media_kind="refunded_payment", media=refund)
        state._queue("message", {"message": state.message_api(service)})

    # -- the user's side ---------------------------------------------------------------------------

    def pay(self, user_id: int, message_id: int, in_chat: int | None = None) -> str:
        """The user taps Pay under an invoice (in their chat, or one forwarded from chat ``in_chat``):
        queues a ``pre_checkout_query``; returns its id."""
        state = self.state
        invoice = self.invoices.get((user_id if in_chat is None else in_chat, message_id))
        chat = state.chats.get(user_id)
        if invoice is None or chat is None:
            raise LookupError(f"message {message_id} in the chat with {in_chat or user_id} is not an invoice")
        query_id = str(5_000_000_000_000_000 + state._next_id() * 7919 + user_id % 1000)
        self.checkouts[query_id] = Checkout(query_id, user_id, invoice, state.clock())
        query = {"id": query_id, "from": chat.user.to_api(), "currency": invoice.currency,
                 "total_amount": invoice.total_amount, "invoice_payload": invoice.payload}
        state._queue("pre_checkout_query", {"pre_checkout_query": query})
        state._touch(chat)
        return query_id

    def redeliver(self, charge_id: str) -> None:
        """Queue the ``successful_payment`` message of ``charge_id`` again (a repeated update)."""
        charge = self.charges[charge_id]
        message = self.state.chats[charge.user_id].messages[charge.message_id]
        self.state._queue("message", {"message": self.state.message_api(message)})

    def card(self, user_id: int, message_id: int) -> str | None:
        """The invoice card's text as the chat shows it (title, description, price), if it is one."""
        invoice = self.invoices.get((user_id, message_id))
        message = self.state.chats[user_id].messages.get(message_id) if user_id in self.state.chats else None
        if invoice is None or message is None or not isinstance(message.media, dict):
            return None
        title, description = message.media.get("title", ""), message.media.get("description", "")
        return f"🧾 {html.escape(title)}\n{html.escape(description)}\n⭐ {invoice.total_amount}"

"""The sandbox's Telegram Stars (sandbox/payments.py) against the pure state: invoice rules, the
pre-checkout round trip, charges and refunds, with Telegram's error texts."""

from __future__ import annotations

import json

import pytest

from sandbox.state import ApiError, SandboxState
from sandbox.users import chat_payload

PRICE = json.dumps([{"label": "5 clips", "amount": 50}])


@pytest.fixture
def state() -> SandboxState:
    s = SandboxState(123456)
    s.user_send(7, "/start")
    s.updates.clear()
    return s


def invoice(state: SandboxState, **extra: object) -> dict[str, object]:
    params: dict[str, object] = {"chat_id": 7, "title": "5 clips", "description": "five", "payload": "p1",
                                 "provider_token": "", "currency": "XTR", "prices": PRICE, **extra}
    result = state.call("sendInvoice", params)
    assert isinstance(result, dict)
    return result


def test_an_invoice_is_a_card_with_a_pay_button(state: SandboxState) -> None:
    message = invoice(state)
    assert message["invoice"] == {"title": "5 clips", "description": "five", "start_parameter": "",
                                  "currency": "XTR", "total_amount": 50}
    assert message["reply_markup"] == {"inline_keyboard": [[{"text": "Pay ⭐ 50", "pay": True}]]}


@pytest.mark.parametrize("extra, error", [
    ({"provider_token": "284685063:TEST"}, "PROVIDER_TOKEN_INVALID"),
    ({"prices": json.dumps([{"label": "a", "amount": 1}, {"label": "b", "amount": 2}])}, "STARS_INVOICE_INVALID"),
    ({"payload": "x" * 129}, "INVOICE_PAYLOAD_INVALID"),
    ({"title": "t" * 33}, "INVOICE_TITLE_INVALID"),
    ({"reply_markup": json.dumps({"inline_keyboard": [[{"text": "go", "callback_data": "x"}]]})}, "REPLY_MARKUP_BUY_EMPTY"),
])
def test_invoices_telegram_refuses(state: SandboxState, extra: dict[str, object], error: str) -> None:
    with pytest.raises(ApiError, match=error):
        invoice(state, **extra)


def test_pay_answer_ok_charges_once_and_refunds_once(state: SandboxState) -> None:
    message_id = int(invoice(state)["message_id"])  # type: ignore[call-overload]
    query_id = state.payments.pay(7, message_id)
    (update,) = state.updates
    assert update["pre_checkout_query"]["invoice_payload"] == "p1"
    assert update["pre_checkout_query"]["total_amount"] == 50
    assert state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": query_id, "ok": True}) is True
    with pytest.raises(ApiError, match="QUERY_ID_INVALID"):  # answered once
        state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": query_id, "ok": True})
    payment = state.updates[-1]["message"]["successful_payment"]
    assert payment["currency"] == "XTR" and payment["invoice_payload"] == "p1"
    charge = payment["telegram_payment_charge_id"]
    second = state.payments.pay(7, message_id)
    state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": second, "ok": True})
    assert state.updates[-1]["message"]["successful_payment"]["telegram_payment_charge_id"] != charge
    with pytest.raises(ApiError, match="CHARGE_NOT_FOUND"):
        state.call("refundStarPayment", {"user_id": 8, "telegram_payment_charge_id": charge})
    assert state.call("refundStarPayment", {"user_id": 7, "telegram_payment_charge_id": charge}) is True
    assert state.updates[-1]["message"]["refunded_payment"]["telegram_payment_charge_id"] == charge
    with pytest.raises(ApiError, match="CHARGE_ALREADY_REFUNDED"):
        state.call("refundStarPayment", {"user_id": 7, "telegram_payment_charge_id": charge})


def test_a_refusal_needs_its_reason_and_charges_nothing(state: SandboxState) -> None:
    query_id = state.payments.pay(7, int(invoice(state)["message_id"]))  # type: ignore[call-overload]
    with pytest.raises(ApiError, match="ERROR_MESSAGE_EMPTY"):
        state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": query_id, "ok": False})
    state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": query_id, "ok": False, "error_message": "no"})
    assert state.payments.charges == {} and state.payments.checkouts[query_id].error_message == "no"
    with pytest.raises(LookupError):
        state.payments.pay(7, 1)  # the /start message is not an invoice


def test_the_web_chat_payload_shows_the_card_the_payment_the_refund_and_a_refusal(state: SandboxState) -> None:
    message_id = int(invoice(state)["message_id"])  # type: ignore[call-overload]
    refused = state.payments.pay(7, message_id)
    state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": refused, "ok": False, "error_message": "not now"})
    accepted = state.payments.pay(7, message_id)
    state.call("answerPreCheckoutQuery", {"pre_checkout_query_id": accepted, "ok": True})
    (charge,) = state.payments.charges
    state.payments.refund(charge)
    payload = chat_payload(state, 7, lambda file_id: f"/f/{file_id}")
    card, paid, refunded = payload["messages"][-3:]
    assert card["invoice"]["total_amount"] == 50 and card["buttons"][0][0]["pay"] is True
    assert paid["payment"] == {"currency": "XTR", "total_amount": 50}
    assert refunded["refund"] == {"currency": "XTR", "total_amount": 50}
    assert payload["refusals"] == [{"query_id": refused, "text": "not now"}]


def test_a_reply_needs_its_message_unless_sending_without_reply_is_allowed(state: SandboxState) -> None:
    def send(reply: dict[str, object]) -> dict[str, object]:
        result = state.call("sendMessage", {"chat_id": 7, "text": "hi", "reply_parameters": json.dumps(reply)})
        assert isinstance(result, dict)
        return result

    replied = send({"message_id": 1})  # the user's /start
    assert replied["reply_to_message"]["text"] == "/start"  # type: ignore[index]
    with pytest.raises(ApiError, match="message to be replied not found"):
        send({"message_id": 999})
    assert "reply_to_message" not in send({"message_id": 999, "allow_sending_without_reply": True})

"""Signed tokens (bot/signed.py): invoice payloads read back only when untouched and signed with our key."""

from __future__ import annotations

from bot import signed

KEY = signed.derive_key("123456:TEST", "petreel-invoice")


def test_an_invoice_payload_names_the_pack_and_the_buyer() -> None:
    payload = signed.invoice_payload(KEY, 12, 100, 2**62)
    assert len(payload.encode()) <= signed.MAX_PAYLOAD_BYTES
    assert signed.read_invoice(KEY, payload) == signed.InvoicePayload(12, 100, 2**62)
    assert signed.invoice_payload(KEY, 12, 100, 1) != signed.invoice_payload(KEY, 12, 100, 1)  # a nonce each


def test_tampered_forged_or_foreign_payloads_are_refused() -> None:
    payload = signed.invoice_payload(KEY, 5, 50, 1001, salt="abc")
    body, _, tag = payload.rpartition(".")
    other_key = signed.derive_key("654321:OTHER", "petreel-invoice")
    for bad in (
        payload.replace(".1001.", ".1002."),  # another buyer
        payload.replace("i1.5.50", "i1.50.50"),  # more credits
        f"{body}.{tag[:-1]}A" if not tag.endswith("A") else f"{body}.{tag[:-1]}B",  # tag changed
        signed.invoice_payload(other_key, 5, 50, 1001),  # another bot's key
        signed.sign(KEY, "i1.5.50.1001"),  # signed, but not an invoice's shape
        body, "", None, "." * 300,
    ):
        assert signed.read_invoice(KEY, bad) is None, bad


def test_keys_differ_by_purpose() -> None:
    assert signed.derive_key("t", "a") != signed.derive_key("t", "b")
    assert signed.unsign(KEY, signed.sign(KEY, "x.y")) == "x.y"

"""Signed tokens (bot/signed.py): invoice payloads read back only when untouched and signed with our key."""

from __future__ import annotations

import re

import pytest

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


LINK_KEY = signed.derive_key("123456:TEST", "petreel-link")


def test_a_deep_link_payload_is_short_opaque_and_reads_back() -> None:
    for kind, number in (("remix", 1), ("remix", 42), ("ref", 1001), ("ref", 2**63 - 1)):
        payload = signed.link_payload(LINK_KEY, kind, number)
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload) and payload.startswith(f"{kind}_")
        assert str(number) not in payload.removeprefix(f"{kind}_") or number < 10  # no raw id in sight
        assert signed.read_link(LINK_KEY, payload) == signed.LinkPayload(kind, number)
    assert signed.link_payload(LINK_KEY, "ref", 7) == signed.link_payload(LINK_KEY, "ref", 7)  # stable
    with pytest.raises(ValueError):
        signed.link_payload(LINK_KEY, "admin", 1)


def test_forged_or_altered_deep_links_are_refused() -> None:
    ref = signed.link_payload(LINK_KEY, "ref", 1001)
    remix = signed.link_payload(LINK_KEY, "remix", 1001)
    token = ref.removeprefix("ref_")
    flips = [token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1:] for i in range(len(token))]
    other = signed.derive_key("654321:OTHER", "petreel-link")
    for bad in (
        *("ref_" + f for f in flips),  # any one character changed
        "remix_" + token,  # a ref token passed off as a remix (the kind is signed too)
        "ref_" + remix.removeprefix("remix_"),
        signed.link_payload(other, "ref", 1001),  # another bot's key
        "ref_1001", "remix_" + "A" * 24, "ref_" + token + "A", ref[:-1], "", None, "inline",
    ):
        assert signed.read_link(LINK_KEY, bad) is None, bad

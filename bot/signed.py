"""Signed tokens the bot hands out and later reads back (pure): invoice payloads and deep-link payloads
(``link_payload`` / ``read_link``, described below).

A token is ``<body>.<tag>``: ``tag`` is the first 16 bytes of HMAC-SHA256(key, body), base64url.
The key is ``settings.signing_key`` or, when unset, derived from the bot token (``derive_key``), so
nobody without the token can forge one. ``unsign`` answers None for anything tampered or malformed.

Invoice payload (≤ 128 bytes, Telegram's limit): ``i1.<credits>.<stars>.<buyer id>.<nonce>.<tag>``:
it names the pack (credits for stars, so a pack later removed from the settings is refused) and the
buyer, and the nonce makes every invoice distinct.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

TAG_BYTES = 16
MAX_PAYLOAD_BYTES = 128
_INVOICE = re.compile(r"i1\.(\d{1,6})\.(\d{1,6})\.(\d{1,19})\.([A-Za-z0-9_-]{1,16})")


def derive_key(secret: str, purpose: str = "petreel-signing") -> bytes:
    """A signing key from a secret (the bot token or ``signing_key``); ``purpose`` separates uses."""
    return hmac.new(secret.encode("utf-8"), purpose.encode("utf-8"), hashlib.sha256).digest()


def _tag(key: bytes, body: str) -> str:
    digest = hmac.new(key, body.encode("utf-8"), hashlib.sha256).digest()[:TAG_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def sign(key: bytes, body: str) -> str:
    return f"{body}.{_tag(key, body)}"


def unsign(key: bytes, token: str | None) -> str | None:
    """The body of a token ``sign`` made with ``key``; None when tampered, forged or malformed."""
    if not token or len(token) > 256:
        return None
    body, dot, tag = token.rpartition(".")
    if not dot or not body:
        return None
    return body if hmac.compare_digest(tag, _tag(key, body)) else None


def nonce() -> str:
    return secrets.token_urlsafe(6)


@dataclass(frozen=True)
class InvoicePayload:
    credits: int
    stars: int
    buyer: int


def invoice_payload(key: bytes, credits: int, stars: int, buyer: int, salt: str | None = None) -> str:
    payload = sign(key, f"i1.{credits}.{stars}.{buyer}.{salt or nonce()}")
    assert len(payload.encode("ascii")) <= MAX_PAYLOAD_BYTES
    return payload


def read_invoice(key: bytes, payload: str | None) -> InvoicePayload | None:
    """The pack and buyer an invoice payload names; None when it is not one of ours or was altered."""
    body = unsign(key, payload)
    match = _INVOICE.fullmatch(body or "")
    if match is None:
        return None
    return InvoicePayload(int(match.group(1)), int(match.group(2)), int(match.group(3)))


# -- deep-link payloads (t.me/<bot>?start=<payload>) ---------------------------------------------------
#
# ``<kind>_<token>``: Telegram allows 1–64 characters of ``A-Z a-z 0-9 _ -``. The token is 24 base64url
# characters: a 10-byte tag (HMAC of kind and number) and the number (a clip or user id) XORed with a
# mask derived from the tag, so the payload names no raw id and cannot be made or altered without the key.

LINK_KINDS = ("remix", "ref")
LINK_TAG_BYTES = 10
MAX_START_PAYLOAD = 64
_LINK = re.compile(r"(remix|ref)_([A-Za-z0-9_-]{24})")


def _link_tag(key: bytes, kind: str, number: int) -> bytes:
    return hmac.new(key, f"link:{kind}:{number}".encode("ascii"), hashlib.sha256).digest()[:LINK_TAG_BYTES]


def _link_mask(key: bytes, tag: bytes) -> bytes:
    return hmac.new(key, b"mask:" + tag, hashlib.sha256).digest()[:8]


def link_payload(key: bytes, kind: str, number: int) -> str:
    """The ``/start`` payload of a deep link naming ``number`` (``kind``: 'remix' a clip, 'ref' a user)."""
    if kind not in LINK_KINDS or not 0 <= number < 2**63:
        raise ValueError(f"no deep link for {kind} {number}")
    tag = _link_tag(key, kind, number)
    masked = bytes(a ^ b for a, b in zip(number.to_bytes(8, "big"), _link_mask(key, tag), strict=True))
    token = base64.urlsafe_b64encode(tag + masked).decode("ascii")
    payload = f"{kind}_{token}"
    assert len(payload) <= MAX_START_PAYLOAD and "=" not in token
    return payload


@dataclass(frozen=True)
class LinkPayload:
    kind: str  # 'remix' | 'ref'
    number: int  # the clip id (remix) or the referrer's user id (ref)


def read_link(key: bytes, payload: str | None) -> LinkPayload | None:
    """What a ``/start`` payload names; None when it is not one of ours, tampered or malformed."""
    match = _LINK.fullmatch(payload or "")
    if match is None:
        return None
    kind = match.group(1)
    raw = base64.urlsafe_b64decode(match.group(2))
    tag, masked = raw[:LINK_TAG_BYTES], raw[LINK_TAG_BYTES:]
    number = int.from_bytes(bytes(a ^ b for a, b in zip(masked, _link_mask(key, tag), strict=True)), "big")
    if number >= 2**63 or not hmac.compare_digest(tag, _link_tag(key, kind, number)):
        return None
    return LinkPayload(kind, number)

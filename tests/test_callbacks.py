"""The callback-data codec: compact, versioned, ≤ 64 bytes, strict decoding."""

from __future__ import annotations

import pytest

from bot import callbacks
from bot.callbacks import Action, Button, CallbackError, decode, encode


def test_round_trip_every_action() -> None:
    samples = {
        Action.STYLE: ("k3x9Qa2b", "golden-retriever"),
        Action.ART: ("k3x9Qa2b", "storyboard"),
        Action.CONFIRM: ("k3x9Qa2b",),
        Action.REROLL: ("k3x9Qa2b",),
        Action.CANCEL: ("123456789",),
        Action.RESEND: ("42",),
        Action.REMIX: ("42",),
        Action.TWIST: ("42",),
        Action.PAGE: ("10",),
        Action.EXAMPLE: ("1",),
        Action.BUY: ("12x100",),
        Action.CANCEL_PICK: ("d", "k3x9Qa2b"),
        Action.LINES: ("k3x9Qa2b",),
        Action.LINE: ("k3x9Qa2b", "39"),
    }
    assert set(samples) == set(Action)
    for action, args in samples.items():
        data = encode(action, *args)
        assert data.startswith(f"{callbacks.VERSION}|{action.value}|")
        assert len(data.encode()) <= callbacks.MAX_BYTES
        assert decode(data) == Button(action, args)
        assert callbacks.pattern(action).match(data)


def test_encode_refuses_data_over_64_bytes() -> None:
    with pytest.raises(CallbackError, match="64"):
        encode(Action.STYLE, "d" * 30, "s" * 30)


@pytest.mark.parametrize(
    ("action", "args", "reason"),
    [
        (Action.CONFIRM, (), "takes 1"),
        (Action.STYLE, ("draft",), "takes 2"),
        (Action.RESEND, ("abc",), "needs a number"),
        (Action.CONFIRM, ("bad|pipe",), "bad callback argument"),
        (Action.CONFIRM, ("spa ce",), "bad callback argument"),
    ],
)
def test_encode_validates_shape(action: Action, args: tuple[str, ...], reason: str) -> None:
    with pytest.raises(CallbackError, match=reason):
        encode(action, *args)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty"),
        (None, "empty"),
        ("2|ok|abc", "unsupported callback version"),
        ("1|zz|abc", "unknown callback action"),
        ("1|ok", "takes 1"),
        ("1|ok|a|b", "takes 1"),
        ("1|rs|-5", "needs a number"),
        ("1|rs|" + "9" * 70, "longer than 64"),
        ("1|ok|<script>", "bad callback argument"),
        ("hello", "unsupported callback version"),
    ],
)
def test_decode_rejects_malformed_data(data: str | None, reason: str) -> None:
    with pytest.raises(CallbackError, match=reason):
        decode(data)


def test_button_number_and_data() -> None:
    button = decode("1|hp|15")
    assert button.number() == 15
    assert button.data == "1|hp|15"

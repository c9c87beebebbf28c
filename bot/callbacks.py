"""Inline-button callback data: a versioned, compact codec (pure).

Format: ``"<version>|<action>|<arg>[|<arg>]"``, e.g. ``"1|st|k3x9Qa2b|ginger-cat"``. Buttons carry only
short server-side ids (draft ids, job ids, clip ids, page offsets, catalogue ids); never user text.
Telegram caps callback data at 64 bytes, so ``encode`` raises when a value would exceed it, and
``decode`` rejects anything that is not exactly the shape an action expects (unknown version,
unknown action, wrong argument count or characters, a number beyond SQLite's 64-bit INTEGER, which only a
forged button can carry). Ownership is *not* encoded: handlers check the
draft/job/clip owner against the presser server-side, so a forged button gets nowhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from petreel.errors import CallbackError

VERSION = "1"
MAX_BYTES = 64
SEP = "|"
_ARG = re.compile(r"[A-Za-z0-9_-]{1,40}")


class Action(StrEnum):
    STYLE = "st"  # draft, character style id
    ART = "ar"  # draft, art style id
    CONFIRM = "ok"  # draft
    REROLL = "rr"  # draft
    CANCEL = "cx"  # job id
    RESEND = "rs"  # clip id
    REMIX = "rm"  # clip id
    TWIST = "tw"  # clip id
    PAGE = "hp"  # history offset
    EXAMPLE = "ex"  # index of an example premise (offered for a greeting or a too-vague text)
    BUY = "by"  # credit pack "<credits>x<stars>"
    CANCEL_PICK = "cc"  # what /cancel cancels: "d", draft id / "j", job id / "all" or "keep", "0"
    LINES = "el"  # draft: list its script's spoken lines to edit one (Remix)
    LINE = "ln"  # draft, index of the spoken line to replace (range-checked against the script)


ARITY: dict[Action, int] = {
    Action.STYLE: 2,
    Action.ART: 2,
    Action.CONFIRM: 1,
    Action.REROLL: 1,
    Action.CANCEL: 1,
    Action.RESEND: 1,
    Action.REMIX: 1,
    Action.TWIST: 1,
    Action.PAGE: 1,
    Action.EXAMPLE: 1,
    Action.BUY: 1,
    Action.CANCEL_PICK: 2,
    Action.LINES: 1,
    Action.LINE: 2,
}
# Actions whose arguments are all non-negative integers (ids, offsets).
NUMERIC: frozenset[Action] = frozenset(
    {Action.CANCEL, Action.RESEND, Action.REMIX, Action.TWIST, Action.PAGE, Action.EXAMPLE}
)
# The largest number a button may carry: SQLite's INTEGER is a signed 64-bit value, so anything
# beyond it can only be forged (and would raise OverflowError at the query).
MAX_NUMBER = 2**63 - 1


@dataclass(frozen=True)
class Button:
    action: Action
    args: tuple[str, ...]

    def number(self, index: int = 0) -> int:
        return int(self.args[index])

    @property
    def data(self) -> str:
        return encode(self.action, *self.args)


def _check(action: Action, args: tuple[str, ...]) -> None:
    if len(args) != ARITY[action]:
        raise CallbackError(f"action {action.value!r} takes {ARITY[action]} argument(s), got {len(args)}")
    for arg in args:
        if not _ARG.fullmatch(arg):
            raise CallbackError(f"bad callback argument {arg[:20]!r}")
        if action in NUMERIC and not (arg.isascii() and arg.isdigit()):
            raise CallbackError(f"action {action.value!r} needs a number, got {arg[:20]!r}")
        if action in NUMERIC and int(arg) > MAX_NUMBER:
            raise CallbackError(f"action {action.value!r}: number out of range ({arg[:20]}…)")


def encode(action: Action, *args: object) -> str:
    """Callback data for ``action`` with ``args``; raises ``CallbackError`` if invalid or > 64 bytes."""
    parts = tuple(str(a) for a in args)
    _check(action, parts)
    data = SEP.join((VERSION, action.value, *parts))
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise CallbackError(f"callback data is {len(data.encode())} bytes; Telegram allows {MAX_BYTES}")
    return data


def decode(data: str | None) -> Button:
    """The ``Button`` in ``data``; raises ``CallbackError`` with a clear reason for anything else."""
    if not data:
        raise CallbackError("empty callback data")
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise CallbackError("callback data longer than 64 bytes")
    version, _, rest = data.partition(SEP)
    if version != VERSION:
        raise CallbackError(f"unsupported callback version {version[:8]!r} (expected {VERSION})")
    name, _, tail = rest.partition(SEP)
    try:
        action = Action(name)
    except ValueError:
        raise CallbackError(f"unknown callback action {name[:8]!r}") from None
    args = tuple(tail.split(SEP)) if tail else ()
    _check(action, args)
    return Button(action, args)


def pattern(action: Action) -> re.Pattern[str]:
    """Regex a ``CallbackQueryHandler`` uses to route ``action``'s buttons."""
    return re.compile(rf"^{VERSION}\|{action.value}\|")

"""Flood-limit accounting: counts every request that would break Telegram's sending limits.

Telegram asks bots for no more than about 30 messages a second overall and about one a second
per chat, allowing short bursts in private chats (groups: about 20 a minute); past that it answers
429 "Too Many Requests: retry after N". The meter measures each chat-bound request (any method
with a ``chat_id``; answers to button presses have none) against the overall window, and each new
message (``send…`` but not ``sendChatAction``) against its chat's windows:

* overall: at most ``overall_per_s`` in any second;
* a private chat (positive id): at most ``chat_burst`` in any second and ``chat_per_20s`` in any
  twenty seconds (the sustained one a second, with a short burst allowed);
* a group (negative id): at most ``group_per_min`` in any minute.

Requests are counted by the time the server RECEIVED them (``received_at``: the server reads
``clock`` before the body is read or checked, less how long ago the kernel received the request's
last bytes, so a sandbox starved of CPU by a loaded machine does not stamp a backlog at one
instant), in the order of those times, as Telegram would count them. A
busy sandbox handles requests late and out of order; counting at handling time would bunch them
into windows they never shared. So the meter keeps every receipt and ``breaches`` replays them in
receipt order. With ``enforce=True`` ``check`` also refuses a request over a limit (429 like
Telegram), judged against the receipts known at that moment.

``tolerance_s`` of slack shortens each window a little: requests sent exactly one second apart
can be received a few milliseconds closer together.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable
from dataclasses import dataclass, field

_NOT_COUNTED = frozenset({"answerCallbackQuery", "getUpdates"})


@dataclass(frozen=True)
class FloodLimits:
    overall_per_s: int = 30
    chat_burst: int = 4  # private chat: in any second
    chat_per_20s: int = 20  # private chat: in any twenty seconds (about one a second, sustained)
    group_per_min: int = 20  # group chat: in any minute
    tolerance_s: float = 0.05


@dataclass(frozen=True)
class Breach:
    at: float
    chat: str
    method: str
    rule: str  # "overall 30/1s" | "chat 4/1s" | "chat 20/20s" | "group 20/60s"


@dataclass(frozen=True, order=True)
class Receipt:
    """One chat-bound request as the server received it."""

    at: float
    seq: int  # arrival order among equal times
    chat: str = field(compare=False)
    method: str = field(compare=False)
    refused: bool = field(compare=False, default=False)

    @property
    def posts(self) -> bool:
        """Whether it posts a new message (what the per-chat limits count)."""
        return self.method.startswith("send") and self.method != "sendChatAction"

    @property
    def group(self) -> bool:
        return self.chat.startswith("-")


def _count_since(times: list[float], start: float, end: float) -> int:
    """How many of the sorted ``times`` lie in ``(start, end]``."""
    return bisect.bisect_right(times, end) - bisect.bisect_right(times, start)


def rule_broken(limits: FloodLimits, receipt: Receipt, overall: list[float], chat: list[float]) -> str | None:
    """The limit ``receipt`` breaks, given the sorted receipt times already counted overall and in
    its chat (pure)."""
    t, lim = receipt.at, limits
    one = t - 1.0 + lim.tolerance_s
    if _count_since(overall, one, t) >= lim.overall_per_s:
        return f"overall {lim.overall_per_s}/1s"
    if not receipt.posts:
        return None
    if receipt.group:
        if _count_since(chat, t - 60.0 + lim.tolerance_s, t) >= lim.group_per_min:
            return f"group {lim.group_per_min}/60s"
        return None
    if _count_since(chat, one, t) >= lim.chat_burst:
        return f"chat {lim.chat_burst}/1s"
    if _count_since(chat, t - 20.0 + lim.tolerance_s, t) >= lim.chat_per_20s:
        return f"chat {lim.chat_per_20s}/20s"
    return None


def replay(limits: FloodLimits, receipts: list[Receipt]) -> list[Breach]:
    """Every breach, counting the receipts in the order the server received them (pure). A refused
    request (answered 429) is a breach and is not counted as sent."""
    overall: list[float] = []
    chats: dict[str, list[float]] = {}
    found: list[Breach] = []
    for receipt in sorted(receipts):
        chat = chats.setdefault(receipt.chat, [])
        rule = rule_broken(limits, receipt, overall, chat)
        if rule is not None or receipt.refused:
            found.append(Breach(receipt.at, receipt.chat, receipt.method, rule or "refused"))
        if receipt.refused:
            continue
        overall.append(receipt.at)  # in receipt order: appending keeps them sorted
        if receipt.posts:
            chat.append(receipt.at)
    return found


@dataclass
class FloodMeter:
    limits: FloodLimits = field(default_factory=FloodLimits)
    enforce: bool = False
    clock: Callable[[], float] = time.monotonic  # read by the server as each request is received …
    kernel_receipts: bool = True  # … less how long ago the kernel received it (sandbox/server.py)
    receipts: list[Receipt] = field(default_factory=list)  # sorted by receipt time
    counted: int = 0
    _overall: list[float] = field(default_factory=list)  # sorted times of requests not refused
    _chats: dict[str, list[float]] = field(default_factory=dict)

    def check(self, method: str, chat_id: object, received_at: float) -> Breach | None:
        """Count one request received at ``received_at``; the breach it makes, judged with what is
        known now (with ``enforce``: refuse it). ``breaches`` gives the final count."""
        if chat_id is None or method in _NOT_COUNTED:
            return None
        self.counted += 1
        receipt = Receipt(received_at, self.counted, str(chat_id), method)
        chat = self._chats.setdefault(receipt.chat, [])
        rule = rule_broken(self.limits, receipt, self._overall, chat)
        if rule is not None and self.enforce:
            receipt = Receipt(received_at, self.counted, receipt.chat, method, refused=True)
        else:
            bisect.insort(self._overall, received_at)
            if receipt.posts:
                bisect.insort(chat, received_at)
        bisect.insort(self.receipts, receipt)
        return None if rule is None else Breach(received_at, receipt.chat, method, rule)

    @property
    def breaches(self) -> list[Breach]:
        """Every breach, counted in receipt order (as Telegram counts them)."""
        return replay(self.limits, self.receipts)

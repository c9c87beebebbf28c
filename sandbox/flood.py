"""Flood-limit accounting: counts every request that would break Telegram's sending limits.

Telegram asks bots for no more than about 30 messages a second overall and about one a second
per chat, allowing short bursts in private chats; past that it answers 429 "Too Many Requests:
retry after N". The sandbox measures each chat-bound request (any method with a ``chat_id``;
answers to button presses have none) against the overall window, and each new message
(``send…`` but not ``sendChatAction``) against its chat's windows, all sliding and records a ``Breach`` for each
one over a limit. With ``enforce=True`` it also answers those requests 429 like Telegram.

Windows are measured at arrival with ``tolerance_s`` of slack, since a request sent exactly one
second after another can arrive a few milliseconds sooner.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FloodLimits:
    overall_per_s: int = 30
    chat_burst: int = 4  # per chat in any second
    chat_per_20s: int = 20  # per chat in any twenty seconds
    tolerance_s: float = 0.05


@dataclass(frozen=True)
class Breach:
    at: float
    chat: str
    method: str
    rule: str  # "overall 30/1s" | "chat 4/1s" | "chat 20/20s"


@dataclass
class FloodMeter:
    limits: FloodLimits = field(default_factory=FloodLimits)
    enforce: bool = False
    breaches: list[Breach] = field(default_factory=list)
    counted: int = 0
    _overall: deque[float] = field(default_factory=deque)
    _chats: dict[str, deque[float]] = field(default_factory=dict)

    def check(self, method: str, chat_id: object, now: float) -> Breach | None:
        """Count one request; the breach it makes, if any (also kept in ``breaches``)."""
        if chat_id is None or method in {"answerCallbackQuery", "getUpdates"}:
            return None
        lim, chat = self.limits, str(chat_id)
        self.counted += 1
        one, twenty = now - 1.0 + lim.tolerance_s, now - 20.0 + lim.tolerance_s
        while self._overall and self._overall[0] <= now - 1.0:
            self._overall.popleft()
        sent = self._chats.setdefault(chat, deque())
        while sent and sent[0] <= now - 20.0:
            sent.popleft()
        posts = method.startswith("send") and method != "sendChatAction"
        rule = None
        if sum(1 for t in self._overall if t > one) >= lim.overall_per_s:
            rule = f"overall {lim.overall_per_s}/1s"
        elif posts and sum(1 for t in sent if t > one) >= lim.chat_burst:
            rule = f"chat {lim.chat_burst}/1s"
        elif posts and sum(1 for t in sent if t > twenty) >= lim.chat_per_20s:
            rule = f"chat {lim.chat_per_20s}/20s"
        if rule is not None and self.enforce:
            breach = Breach(now, chat, method, rule)
            self.breaches.append(breach)
            return breach  # refused: not counted as sent
        self._overall.append(now)
        if posts:
            sent.append(now)
        if rule is None:
            return None
        breach = Breach(now, chat, method, rule)
        self.breaches.append(breach)
        return breach

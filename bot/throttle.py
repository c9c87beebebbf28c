"""Per-chat premise throttle (pure: the caller passes ``now``).

``ChatThrottle(interval_s).check(chat_id, now)`` returns 0.0 and records the acceptance when the
chat's previous accepted premise is at least ``interval_s`` old, else the seconds still to wait
(nothing recorded). ``notice(chat_id)`` is True for the first refusal after an acceptance only, so a
flood of premises gets one "please wait" reply per window, not one per message. A refused premise is
not lost: ``hold(chat_id, text)`` keeps it (the newest wins) and ``release(chat_id)`` hands it back
once the window has passed, so the handler can take it then. Outgoing Bot API traffic is limited separately by PTB's ``AIORateLimiter``
(wired in ``bot/app.py``). Memory is bounded: entries older than the interval are pruned.
"""

from __future__ import annotations


class ChatThrottle:
    def __init__(self, interval_s: float, max_chats: int = 10_000) -> None:
        self.interval_s = interval_s
        self.max_chats = max_chats
        self._last: dict[int, float] = {}
        self._noticed: dict[int, float] = {}  # chat → the acceptance its "please wait" notice was about
        self._held: dict[int, str] = {}  # chat → the newest premise refused within its window

    def check(self, chat_id: int, now: float) -> float:
        """0.0 if accepted (and recorded), else the seconds to wait before the next premise."""
        last = self._last.get(chat_id)
        if last is not None and now - last < self.interval_s:
            return self.interval_s - (now - last)
        if len(self._last) >= self.max_chats:
            self._prune(now)
        self._last[chat_id] = now
        return 0.0

    def notice(self, chat_id: int) -> bool:
        """Whether a refused premise should be answered with a notice: only the first refusal in
        the chat's current throttle window is (the rest are dropped silently)."""
        last = self._last.get(chat_id)
        if last is None or self._noticed.get(chat_id) == last:
            return False
        self._noticed[chat_id] = last
        return True

    def hold(self, chat_id: int, text: str) -> bool:
        """Keep ``text`` as the chat's premise to take once its window passes, replacing any kept
        before; True when nothing was kept yet (the caller schedules the take, once)."""
        first = chat_id not in self._held
        self._held[chat_id] = text
        return first

    def holds(self, chat_id: int) -> bool:
        return chat_id in self._held

    def release(self, chat_id: int) -> str | None:
        """The premise kept for the chat (forgotten here), or None."""
        return self._held.pop(chat_id, None)

    def _prune(self, now: float) -> None:
        stale = [chat for chat, last in self._last.items() if now - last >= self.interval_s]
        for chat in stale:
            del self._last[chat]
        if len(self._last) >= self.max_chats:  # all fresh: forget the oldest half
            for chat, _ in sorted(self._last.items(), key=lambda kv: kv[1])[: len(self._last) // 2]:
                del self._last[chat]
        for chat in [c for c in self._noticed if c not in self._last]:
            del self._noticed[chat]

    def __len__(self) -> int:
        return len(self._last)

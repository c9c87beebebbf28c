"""A settable clock for code that takes ``clock: Callable[[], float]``."""

from __future__ import annotations

from datetime import UTC, datetime

NOON = datetime(2025, 3, 1, 12, 0, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self, now: float = NOON) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

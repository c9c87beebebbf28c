"""Status-message text and edit pacing for a job (pure: callers pass ``now``).

The worker reports ``(stage, fraction-of-stage)``; ``overall(stage, fraction)`` maps that onto the
whole render with fixed stage weights so the bar only moves forward. ``bar(0.6)`` →
``"▓▓▓▓▓▓░░░░ 60%"``. ``EditGate`` lets one status message be edited at most once per interval.
"""

from __future__ import annotations

from petreel.i18n import stage_name, t

FULL = "▓"
EMPTY = "░"

# Render stages in order with their share of the total time (sums to 1).
STAGE_WEIGHTS: dict[str, float] = {
    "script": 0.02,
    "keyframes": 0.38,
    "narration": 0.15,
    "music": 0.05,
    "compose": 0.40,
}


def overall(stage: str | None, fraction: float | None) -> float:
    """Fraction of the whole render done when ``stage`` is ``fraction`` done (0..1)."""
    f = min(max(fraction or 0.0, 0.0), 1.0)
    if stage not in STAGE_WEIGHTS:
        return f
    done = 0.0
    for name, weight in STAGE_WEIGHTS.items():
        if name == stage:
            return min(done + weight * f, 1.0)
        done += weight
    return f  # pragma: no cover - every known stage returns in the loop


def bar(fraction: float, width: int = 10) -> str:
    """A text progress bar: ``bar(0.6, 5) == "▓▓▓░░ 60%"``."""
    f = min(max(fraction, 0.0), 1.0)
    filled = round(f * width)
    return f"{FULL * filled}{EMPTY * (width - filled)} {round(f * 100)}%"


def progress_text(lang: str, stage: str | None, fraction: float | None) -> str:
    return t(lang, "status_progress", stage=stage_name(lang, stage or "queued"), bar=bar(overall(stage, fraction)))


def queued_text(lang: str, position: int | None) -> str:
    if position is None or position <= 0:
        return t(lang, "status_queued_soon")
    return t(lang, "status_queued", position=position)


class EditGate:
    """At most one edit per key (a status message) every ``interval_s`` seconds."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s = interval_s
        self._last: dict[int, float] = {}

    def ready(self, key: int, now: float) -> bool:
        last = self._last.get(key)
        return last is None or now - last >= self.interval_s

    def wait(self, key: int, now: float) -> float:
        """Seconds until ``key`` may be edited again (0 when ready)."""
        last = self._last.get(key)
        return 0.0 if last is None else max(0.0, self.interval_s - (now - last))

    def mark(self, key: int, now: float) -> None:
        self._last[key] = now

    def forget(self, key: int) -> None:
        self._last.pop(key, None)

    def forget_older(self, now: float) -> None:
        """Drop keys whose interval has passed (they are ready either way): bounded memory."""
        for key in [k for k, last in self._last.items() if now - last >= self.interval_s]:
            del self._last[key]

"""Status-message text and edit pacing for a job (pure: callers pass ``now``).

The worker reports ``(stage, fraction-of-stage)``; ``overall(stage, fraction)`` maps that onto the
whole render with fixed stage weights so the bar only moves forward. ``bar(0.6)`` →
``"▓▓▓▓▓▓░░░░ 60%"``. ``EditGate`` lets one status message be edited at most once per interval.

``eta_s`` turns the recent render times (``Store.render_seconds``: the newest finished jobs) into
an estimate of the wait: what is left of this render, or, while queued, the renders ahead of it.
The stage weights are measured: the share of a CPU render's wall time each stage took (``petreel
make`` of a 42 s, 8-scene clip on 2 shared cores: keyframes 11 s with narration made meanwhile,
composing 68 s; since the speech comes first, in a process of its own, the narration takes about
two thirds of those 11 s and the painting a third, ``bench/render_cpu.py``'s stage lines).
"""

from __future__ import annotations

from petreel.i18n import duration_text, stage_name, t

FULL = "▓"
EMPTY = "░"

# Render stages in order with their measured share of the total time (sums to 1): composing the
# frames (camera, sprites, subtitles, the encoder) is most of the wait.
STAGE_WEIGHTS: dict[str, float] = {
    "script": 0.01,
    "narration": 0.11,
    "keyframes": 0.05,
    "music": 0.01,
    "compose": 0.82,
}
RECENT = 20  # finished renders the estimate learns from


def eta_s(recent: list[float], done: float = 0.0, ahead: int = 0) -> float | None:
    """Seconds left for a job: the rest of its own render (``done`` of it finished) plus ``ahead``
    whole renders queued before it, from the mean of the ``recent`` render times. None when there is
    nothing to learn from yet."""
    times = [s for s in recent[:RECENT] if s > 0]
    if not times:
        return None
    mean = sum(times) / len(times)
    return mean * (max(0.0, 1.0 - min(done, 1.0)) + max(0, ahead))


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


def progress_text(lang: str, stage: str | None, fraction: float | None, recent: list[float] | None = None) -> str:
    done = overall(stage, fraction)
    text = t(lang, "status_progress", stage=stage_name(lang, stage or "queued"), bar=bar(done))
    return text + eta_line(lang, eta_s(recent or [], done=done))


def queued_text(lang: str, position: int | None, recent: list[float] | None = None) -> str:
    if position is None or position <= 0:
        return t(lang, "status_queued_soon") + eta_line(lang, eta_s(recent or []))
    # ``position`` 1 is next in line: the render running now is the one ahead of it
    return t(lang, "status_queued", position=position) + eta_line(lang, eta_s(recent or [], ahead=position))


def eta_line(lang: str, seconds: float | None) -> str:
    """"\n⏱ about 2 min left" (rounded up to what a person reads), or nothing without an estimate."""
    if seconds is None:
        return ""
    if seconds < 60:
        return "\n" + t(lang, "eta_seconds", seconds=max(5, 5 * round(seconds / 5)))
    return "\n" + t(lang, "eta", wait=duration_text(seconds + 59, lang))


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

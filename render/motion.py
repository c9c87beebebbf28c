"""Character and weather motion over a scene: pure maths of time, no pixels.

``pose`` gives a sprite's displacement and vertical scale at scene time ``t`` for its ``motion``
(idle breathing and bob, shiver, bounce, slides in and out); ``blinking`` and ``mouth_open`` say
which pre-drawn variant a sprite shows; ``pose_time`` at which time a sprite is drawn (standing
ones on twos); ``scroll`` says how far a weather layer has fallen.
All in keyframe pixels and seconds, deterministic (a sprite's ``phase`` offsets its cycles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from render.stages import SpeechSegment

BREATH_S = 3.2  # one breath
BREATH_SCALE = 0.012  # chest rise: vertical stretch, anchored at the feet
BOB_S = 1.6
BOB = 0.004  # of the sprite's height
SHIVER_HZ = 7.3
SHIVER = 0.012  # of the sprite's width
BOUNCE_S = 0.55
BOUNCE = 0.07  # hop height, of the sprite's height
SLIDE_S = 1.2  # an entrance or exit takes this long (at most 40% of the scene)
EDGE = 0.13  # of the keyframe's width: the most any camera window leaves out at a side when a scene opens
PEEK = 0.35  # of an entering sprite's width: already in view when its scene opens (never an empty place)
STEP_S = 0.5  # a walking bob while sliding
BLINK_EVERY_S = 3.4  # plus up to 1.4 s depending on the phase
BLINK_S = 0.13
MOUTH_CYCLE_S = 0.22  # open-close cycle while speaking
MOUTH_OPEN_S = 0.13
ON_TWOS = frozenset({"idle", "still"})  # in-place motions drawn on twos: a new pose every other frame


@dataclass(frozen=True)
class Pose:
    dx: float = 0.0  # keyframe pixels, added to the rest position
    dy: float = 0.0
    sy: float = 1.0  # vertical scale about the sprite's bottom edge


def _ease(u: float) -> float:
    u = min(1.0, max(0.0, u))
    return u * u * (3.0 - 2.0 * u)


def slide_s(duration: float) -> float:
    return min(SLIDE_S, 0.4 * max(duration, 0.1))


def pose_time(motion: str, t: float, fps: int) -> float:
    """The clip time a sprite with ``motion`` is drawn at in the frame at clip time ``t``: breathing
    and standing characters are animated on twos, as cartoons are (the pose, blink and mouth of the
    even frame held for the odd one: half the poses to draw, while the camera still moves every
    frame); shivers, hops and walks keep a pose a frame."""
    if motion not in ON_TWOS:
        return t
    return math.floor(t * fps / 2 + 1e-6) * 2 / fps


def pose(motion: str, t: float, duration: float, phase: float, box: tuple[float, float, float, float],
         key_w: float) -> Pose:
    """Where a sprite at rest in ``box`` (x, y, w, h) is at scene time ``t`` of a ``duration``-long scene."""
    x, _, w, h = box
    turn = 2 * math.pi
    if motion == "still":
        return Pose()
    if motion == "shiver":
        return Pose(dx=SHIVER * w * math.sin(turn * (SHIVER_HZ * t + phase)),
                    sy=1.0 + 0.004 * math.sin(turn * (SHIVER_HZ * 0.5 * t + phase)))
    if motion == "bounce":
        return Pose(dy=-BOUNCE * h * abs(math.sin(math.pi * (t / BOUNCE_S + phase))))
    if motion in ("enter_left", "enter_right", "exit_left", "exit_right"):
        span = slide_s(duration)
        if motion.startswith("enter"):  # from the frame's edge, part of it already in view, fast then slowing
            off = (min(0.0, EDGE * key_w + PEEK * w - (x + w)) if motion.endswith("left")
                   else max(0.0, key_w - EDGE * key_w - PEEK * w - x))
            u = t / span
            dx = off * (1.0 - u) ** 3 if u < 1.0 else 0.0
        else:
            off = -(x + w) - 0.02 * key_w if motion.endswith("left") else key_w - x + 0.02 * key_w
            u = (t - (duration - span)) / span
            dx = off * _ease(u)
        moving = 0.0 < u < 1.0
        step = -0.02 * h * abs(math.sin(math.pi * t / STEP_S)) if moving else 0.0
        rest = idle(t, phase, h)
        return Pose(dx=dx, dy=rest.dy + step, sy=rest.sy)
    return idle(t, phase, h)


def idle(t: float, phase: float, h: float) -> Pose:
    """Breathing (a slow vertical stretch) with a slight bob, offset by ``phase``."""
    turn = 2 * math.pi
    return Pose(dy=BOB * h * math.sin(turn * (t / BOB_S + phase)),
                sy=1.0 + BREATH_SCALE * 0.5 * (1 + math.sin(turn * (t / BREATH_S + phase))))


def blinking(t: float, phase: float) -> bool:
    """Eyes shut for ``BLINK_S`` once every few seconds (the period and offset depend on ``phase``)."""
    frac = phase % 1.0
    period = BLINK_EVERY_S + 1.4 * frac
    return (t + 0.7 + frac * period) % period < BLINK_S


def speaking(t: float, speaker: str | None, segments: Sequence[SpeechSegment]) -> SpeechSegment | None:
    """The line ``speaker`` is saying at clip time ``t``, if any."""
    if speaker is None:
        return None
    for seg in segments:
        if seg.speaker == speaker and seg.start <= t < seg.end:
            return seg
    return None


def mouth_open(t: float, speaker: str | None, segments: Sequence[SpeechSegment]) -> bool:
    """Open and close while ``speaker`` has a line on the timeline at clip time ``t``; shut otherwise."""
    seg = speaking(t, speaker, segments)
    return seg is not None and (t - seg.start) % MOUTH_CYCLE_S < MOUTH_OPEN_S


def scroll(t: float, speed: float, period: int) -> int:
    """Even pixel offset (the chroma grid) of a layer falling ``speed`` px/s, wrapped at ``period``."""
    return (2 * round(t * speed / 2)) % period

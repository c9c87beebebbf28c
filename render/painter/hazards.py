"""A disaster drawn across the floor of the place it befalls, baked into the keyframe's background: floodwater
risen over the floor with things afloat, the cracked ground and fallen things of an earthquake, and the
rubble a loss leaves (broken planks, bricks, soot). Which words name them is ``hazards`` in
``vocabulary.json`` (``vocabulary.hazard_of``). Drawn once per scene with the background (no per-frame work):
the falling rain of a storm stays the animator's weather layer. Pure drawing."""

from __future__ import annotations

import random
import re

from render.painter.canvas import Canvas
from render.painter.geometry import Pen, darker

_PLANK, _BRICK, _SOOT = (150, 106, 70), (176, 84, 62), (60, 56, 58)


def _floodwater(c: Canvas, rng: random.Random) -> None:
    """Muddy water risen above the foot of the walls, a tide mark above it, ripples and things afloat."""
    level = c.floor_at - 0.05
    c.line([(c.left, level - 0.02), (c.right, level - 0.02)], (120, 100, 70, 110), 0.9)  # the tide mark
    c.rect(c.left, level, c.right, c.bottom, (128, 110, 74, 225), outline=False)  # muddy brown water
    c.rect(c.left, level, c.right, level + 0.012, (176, 160, 120, 230), outline=False)  # the surface's sheen
    for _ in range(16):  # ripples
        x, y = rng.uniform(c.left, c.right), rng.uniform(level + 0.03, c.bottom - 0.04)
        w = rng.uniform(0.04, 0.1)
        c.line([(x - w, y), (x - w / 2, y - 0.004), (x, y), (x + w / 2, y - 0.004), (x + w, y)],
               (214, 200, 160, 200), 0.4)
    for x, y, k in ((0.12, level + 0.05, 0), (0.86, level + 0.09, 1), (0.3, c.bottom - 0.12, 2)):  # afloat
        if k == 0:  # a plank
            c.poly([(x - 0.07, y), (x + 0.06, y - 0.012), (x + 0.065, y + 0.004), (x - 0.065, y + 0.016)], _PLANK)
        elif k == 1:  # a bottle
            c.poly([(x - 0.03, y), (x + 0.02, y - 0.01), (x + 0.024, y + 0.004), (x - 0.026, y + 0.014)],
                   (110, 170, 120))
        else:  # a box
            c.rect(x - 0.04, y - 0.03, x + 0.04, y + 0.01, (200, 160, 110))
        c.ellipse(x, y + 0.012, 9, 1.2, (200, 220, 225, 150), outline=False)


def _cracked_ground(c: Canvas, rng: random.Random) -> None:
    """Jagged cracks across the floor and up a wall, a fallen picture, bricks and dust: the ground shook."""
    at = c.floor_at
    for y0 in (at + 0.06, at + 0.2):  # cracks running across the floor, with branches
        pts, x, y = [], c.left, y0
        while x < c.right:
            pts.append((x, y))
            x += rng.uniform(0.04, 0.08)
            y = y0 + rng.uniform(-0.025, 0.025)
        c.line(pts, (40, 30, 30), 0.9)
        for bx, by in rng.sample(pts, min(3, len(pts))):
            c.line([(bx, by), (bx + rng.uniform(-0.05, 0.05), by + rng.uniform(0.02, 0.05))], (40, 30, 30), 0.5)
    x, y = rng.uniform(0.15, 0.3), at - 0.35  # a crack down a wall
    pts = [(x, y)]
    while y < at:
        y += 0.05
        x += rng.uniform(-0.02, 0.02)
        pts.append((x, y))
    c.line(pts, (50, 40, 40), 0.6)
    c.poly([(0.74, at + 0.1), (0.86, at + 0.07), (0.88, at + 0.13), (0.76, at + 0.16)], (240, 214, 150))  # a picture
    c.poly([(0.76, at + 0.11), (0.85, at + 0.085), (0.865, at + 0.125), (0.775, at + 0.145)], (130, 180, 200))
    _bricks(c, rng, 0.06, at + 0.14, 5)
    _dust(c, rng, at)


def _rubble(c: Canvas, rng: random.Random) -> None:
    """What a loss leaves: heaps of broken planks and bricks at both sides, soot on the floor, dust."""
    at = c.floor_at
    for x0, x1 in ((c.left, 0.22), (0.78, c.right)):  # the heaps, the middle left to the characters
        c.poly([(x0, at + 0.1), (x0 + (x1 - x0) * 0.3, at - 0.06), (x0 + (x1 - x0) * 0.7, at - 0.03), (x1, at + 0.1)],
               (120, 108, 100))
        for _ in range(4):  # broken planks sticking out
            x, y = rng.uniform(x0 + 0.02, x1 - 0.02), rng.uniform(at - 0.04, at + 0.06)
            dx, dy = rng.uniform(-0.08, 0.08), rng.uniform(-0.08, -0.03)
            c.line([(x, y), (x + dx, y + dy)], darker(_PLANK, 0.6), 1.6)
            c.line([(x, y), (x + dx, y + dy)], _PLANK, 1.1)
        _bricks(c, rng, (x0 + x1) / 2, at + 0.06, 4)
    for _ in range(5):  # soot and puddles on the floor
        x, y = rng.uniform(0.2, 0.8), rng.uniform(at + 0.05, c.bottom - 0.08)
        c.ellipse(x, y, rng.uniform(5, 12), rng.uniform(1, 2), (*_SOOT, 90), outline=False)
    c.line([(c.left, at - 0.3), (0.45, at - 0.05)], darker(_PLANK, 0.7), 1.8)  # a fallen beam
    _dust(c, rng, at)


def _bricks(c: Canvas, rng: random.Random, x: float, y: float, n: int) -> None:
    for _ in range(n):
        bx, by = x + rng.uniform(-0.07, 0.07), y + rng.uniform(-0.03, 0.03)
        w, h, tilt = rng.uniform(0.03, 0.045), 0.016, rng.uniform(-0.01, 0.01)
        c.poly([(bx - w, by + tilt), (bx + w, by - tilt), (bx + w, by - tilt + h), (bx - w, by + tilt + h)], _BRICK)


def _dust(c: Canvas, rng: random.Random, at: float) -> None:
    for _ in range(6):
        c.ellipse(rng.uniform(c.left, c.right), rng.uniform(at - 0.1, at + 0.02), rng.uniform(8, 16),
                  rng.uniform(3, 6), (190, 180, 170, 60), outline=False)


DRAW = {"floodwater": _floodwater, "cracked ground": _cracked_ground, "rubble": _rubble}


def draw_hazard(c: Canvas, kind: str) -> None:
    """``kind`` (a key of ``DRAW``) across the floor of the background drawn on ``c``."""
    DRAW[kind](c, random.Random(f"hazard:{kind}"))


def floor_box(c: Canvas) -> tuple[float, float, float, float]:
    """Where a hazard lies, in the visible frame's fractions (for the report)."""
    return (0.0, c.floor_at - 0.36, 1.0, 1.0)


def snowdrift(p: Pen, half_width: float) -> None:
    """A vehicle stuck in the snow: a drift heaped over its wheels and sills (prop units about its bottom
    centre, ``half_width`` its half width), clumps thrown up by the spinning wheels."""
    snow, shade = (248, 250, 255), (200, 214, 236)
    n = 7
    for k in range(n):
        x = -half_width * 1.05 + 2.1 * half_width * k / (n - 1)
        r = half_width * (0.2 if k % 2 else 0.26)
        p.ell(x, -12, r * 1.2, r, shade, outline=False)
        p.ell(x, -15, r * 1.1, r * 0.9, snow, outline=False)
    p.rect(-half_width * 1.1, -15, half_width * 1.1, 4, snow, outline=False)
    for x, y, r in ((-0.55, -40, 4.5), (-0.7, -52, 3.2), (0.6, -44, 4.0), (0.74, -58, 3.0)):
        p.ell(x * half_width, y, r, r * 0.8, snow)


_STUCK = re.compile(r"\bstuck\b|陷|卡在|困在")


def stuck_in_snow(words: str, weather: str) -> bool:
    """Whether a scene's words (narration, setting, asked things) tell of a vehicle stuck, in snow (its weather
    or its words): the car or truck it asks for is drawn in a drift (``snowdrift``)."""
    words = words.lower()
    return bool(_STUCK.search(words)) and (weather == "snow" or "snow" in words or "雪" in words)

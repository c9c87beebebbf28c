"""Poses: where a pet's paws go for each action, and the marks that make the action read at phone size
(tears, shiver lines, zzz, music notes, confetti, speed lines, bubbles). Pet units, +x = facing side."""

from __future__ import annotations

import math
import random
from functools import lru_cache

from PIL import ImageFont

from render.painter.geometry import INK, WHITE, Pen, Point, heart_pts, star_pts

# (front arm, back arm) paths after the shoulder; the front arm (+x) is on the side the pet faces
_ARMS: dict[str, tuple[list[Point], list[Point]]] = {
    "down": ([(21, -36), (23, -24)], [(-21, -36), (-23, -24)]),
    "swing": ([(23, -40), (30, -31)], [(-19, -36), (-14, -25)]),
    "run": ([(27, -52), (36, -60)], [(-25, -38), (-31, -29)]),
    "point": ([(32, -52), (50, -56)], [(-25, -38), (-15, -30)]),
    "belly": ([(23, -36), (9, -27)], [(-23, -36), (-9, -27)]),
    "wipe": ([(25, -54), (13, -70)], [(-20, -34), (-21, -20)]),
    "hug_self": ([(22, -40), (-8, -42)], [(-22, -38), (6, -36)]),
    "up": ([(28, -58), (31, -74)], [(-28, -58), (-31, -74)]),
    "hug": ([(32, -46), (44, -44)], [(8, -40), (34, -40)]),
    "push": ([(32, -50), (48, -50)], [(16, -46), (42, -46)]),
    "beg": ([(18, -40), (5, -52)], [(-18, -40), (-5, -52)]),
    "wheel": ([(24, -40), (30, -50)], [(4, -40), (20, -48)]),
    "mic": ([(27, -48), (15, -60)], [(-28, -56), (-36, -66)]),
    "gesture": ([(27, -44), (34, -54)], [(-21, -36), (-23, -24)]),
    "chin": ([(22, -42), (9, -57)], [(-20, -36), (4, -37)]),
    "offer": ([(30, -40), (44, -42)], [(-21, -36), (-23, -24)]),
    "to_mouth": ([(22, -40), (6, -44)], [(-22, -40), (-6, -44)]),
    "desk": ([(22, -38), (14, -44)], [(-22, -38), (-6, -44)]),
    "scrub": ([(28, -60), (34, -80)], [(-24, -38), (-15, -30)]),
    "cook": ([(26, -44), (14, -58)], [(-22, -36), (-24, -24)]),
    "carry": ([(26, -62), (12, -94)], [(-26, -62), (-12, -94)]),
    "wave": ([(27, -47), (31, -63)], [(-21, -36), (-23, -24)]),
    # standing poses chosen by expression when the action is a plain stand
    "fist": ([(27, -44), (27, -60)], [(-21, -36), (-23, -24)]),
    "crossed": ([(20, -34), (-6, -34)], [(-20, -34), (6, -38)]),
    "droop": ([(20, -34), (21, -20)], [(-20, -34), (-21, -20)]),
}
_STAND_BY_EXPRESSION = {"happy": "wave", "love": "wave", "determined": "fist", "shocked": "up", "smug": "crossed",
                        "tired": "droop"}
# where a held prop sits: the front paw, or between both paws for two-handed holds
TWO_HANDED = {"belly", "beg", "to_mouth", "carry", "desk"}  # "up": paws beside the head, so one holds it


def arm_style(arms: str, action: str, expression: str) -> str:
    if action == "stand" and arms == "down":
        return _STAND_BY_EXPRESSION.get(expression, "down")
    return arms if arms in _ARMS else "down"


def arm_path(style: str, side: int) -> list[Point]:
    """Shoulder to paw for the front (``side`` = 1) or back (-1) arm, in pet units with +x facing."""
    front, back = _ARMS[style]
    return [(side * 14.5, -47.0), *(front if side == 1 else back)]


@lru_cache(maxsize=32)
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(max(6, px))


def _text(p: Pen, x: float, y: float, text: str, size: float, fill: tuple[int, int, int]) -> None:
    font = _font(round(size * p.u))
    px, py = p.P(x, y)
    p.d.text((px, py), text, fill=fill, font=font, anchor="mm", stroke_width=max(1, round(p.u * 0.9)),
             stroke_fill=INK)


def draw_marks(p: Pen, marks: tuple[str, ...], head_y: float, seed: int) -> None:
    """Action marks around a pet whose head centre is at ``head_y`` (pet units)."""
    rng = random.Random(seed)
    x: float
    y: float
    for mark in marks:
        if mark == "tears":
            for s in (-1, 1):
                for k in range(3):
                    x, y = s * (30 + k * 9), head_y + 6 + k * 10
                    p.poly([(x, y - 5), (x + 3.5, y + 1), (x, y + 4), (x - 3.5, y + 1)], (120, 190, 255))
            p.ell(0, 1, 30, 3.5, (120, 190, 255, 170), outline=False)
        elif mark == "shiver":
            for s in (-1, 1):
                for k in range(2):
                    x = s * (34 + k * 7)
                    p.line([(x, -70 + k * 8), (x + 3 * s, -64 + k * 8), (x, -58 + k * 8), (x + 3 * s, -52 + k * 8),
                            (x, -46 + k * 8)], (110, 170, 230), 1.5)
            for x, y in ((-30, head_y - 34), (26, head_y - 38)):
                p.poly(star_pts(x, y, 4, 0.3, 6), (200, 230, 255))
        elif mark == "zzz":
            for k, (x, y, r) in enumerate(((24, head_y - 30, 4.0), (32, head_y - 42, 5.5), (42, head_y - 56, 7.0))):
                pts = [(x - r, y - r), (x + r, y - r), (x - r, y + r), (x + r, y + r)]
                p.line(pts, (90, 110, 200) if k % 2 else INK, 1.4)
        elif mark == "haha":
            _text(p, 32, head_y - 30, "HA", 11, (255, 210, 60))
            _text(p, -30, head_y - 38, "HA", 9, (255, 210, 60))
        elif mark == "notes":
            for k, (x, y) in enumerate(((28.0, head_y - 24), (40.0, head_y - 40), (-30.0, head_y - 32))):
                col = [(255, 110, 160), (110, 170, 255), (255, 200, 60)][k]
                p.ell(x, y, 3.4, 2.6, col)
                p.line([(x + 3, y), (x + 3, y - 12), (x + 8, y - 9)], INK, 1.2)
        elif mark == "confetti":
            cols = [(255, 90, 120), (90, 170, 250), (255, 220, 80), (120, 210, 120), (200, 130, 240)]
            for _ in range(26):
                x, y = rng.uniform(-55, 55), rng.uniform(head_y - 55, head_y - 10)
                if abs(x) < 26 and y > head_y - 32:
                    continue
                a = rng.uniform(0, math.pi)
                co, si = math.cos(a) * 2.6, math.sin(a) * 2.6
                p.poly([(x - co, y - si), (x + si, y - co), (x + co, y + si), (x - si, y + co)], rng.choice(cols),
                       outline=False)
            for x, y in ((-40, head_y - 40), (40, head_y - 46)):
                p.poly(star_pts(x, y, 5), (255, 226, 90))
        elif mark == "speed":
            for k in range(4):
                y = -70 + k * 14
                p.line([(-40 - k * 3, y), (-62 - k * 3, y)], (255, 255, 255, 220), 1.4)
                p.line([(-40 - k * 3, y), (-62 - k * 3, y)], (60, 60, 80, 120), 0.5)
        elif mark == "sneer":
            _text(p, -30, head_y - 36, "HMPH", 7, (255, 255, 255))
        elif mark == "speech":
            p.ell(38, head_y - 38, 15, 10, WHITE)
            p.poly([(28, head_y - 32), (24, head_y - 22), (34, head_y - 30)], WHITE, outline=False)
            for k in (-6, 0, 6):
                p.ell(38 + k, head_y - 38, 1.6, 1.6, INK, outline=False)
        elif mark == "thought":
            for x, y, r in ((26, head_y - 26, 2.4), (32, head_y - 34, 3.4)):
                p.ell(x, y, r, r, WHITE)
            p.ell(42, head_y - 48, 16, 11, WHITE)
            _text(p, 42, head_y - 48, "?", 12, (90, 110, 200))
        elif mark == "shock":
            _text(p, 34, head_y - 34, "!", 16, (230, 50, 60))
        elif mark == "sweat":
            p.poly([(30, head_y - 14), (27, head_y - 6), (30, head_y - 3), (33, head_y - 6)], (150, 210, 255))
        elif mark == "hearts":
            for x, y, r in ((-24, head_y - 30, 4.5), (22, head_y - 34, 3.5)):
                p.poly(heart_pts(x, y, r), (240, 80, 110))

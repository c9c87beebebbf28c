"""The background drawing context: a supersampled overscan canvas addressed in fractions of the visible frame."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from PIL import Image, ImageDraw

from render.painter.geometry import (
    HORIZON,
    INK,
    RGB,
    WHITE,
    Color,
    Point,
    darker,
    lighter,
    mix,
    polygon,
    vgradient,
    with_alpha,
)
from render.painter.lighting import sky_colors, sky_extras


class Canvas:
    """Supersampled overscan canvas; ``X``/``Y`` map fractions of the *visible* frame to pixels."""

    def __init__(self, img: Image.Image, vis_w: float, vis_h: float, rng: random.Random, time: str = "day",
                 weather: str = "clear") -> None:
        self.img = img
        self.time, self.weather = time, weather
        self.lang = "en"  # the script's language: signs are written in it
        self.floor_at = HORIZON
        self.lights: list[tuple[float, float, float, float, RGB]] = []  # windows and lamps lit at night
        self.d = ImageDraw.Draw(img, "RGBA")
        self.W, self.H = img.size
        self.vw, self.vh = vis_w, vis_h
        self.vx, self.vy = (self.W - vis_w) / 2, (self.H - vis_h) / 2
        self.u = vis_w / 100  # 1% of the visible width
        self.lw = max(1, round(self.u * 0.45))
        self.rng = rng
        # fractions of the visible frame at the canvas edges
        self.left, self.right = -self.vx / vis_w, 1 + self.vx / vis_w
        self.top, self.bottom = -self.vy / vis_h, 1 + self.vy / vis_h

    def X(self, f: float) -> float:
        return self.vx + f * self.vw

    def Y(self, f: float) -> float:
        return self.vy + f * self.vh

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (self.X(x0), self.Y(y0), self.X(x1), self.Y(y1))

    def grad(self, y0: float, y1: float, top: Sequence[int], bottom: Sequence[int],
             x0: float | None = None, x1: float | None = None) -> None:
        px0 = 0 if x0 is None else round(self.X(x0))
        px1 = self.W if x1 is None else round(self.X(x1))
        py0, py1 = max(0, round(self.Y(y0))), min(self.H, round(self.Y(y1)))
        if px1 > px0 and py1 > py0:
            self.img.paste(vgradient((px1 - px0, py1 - py0), top, bottom), (px0, py0))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Color, outline: bool = True,
             r: float = 0) -> None:
        b = self.box(x0, y0, x1, y1)
        ol = INK if outline else None
        if r > 0:
            self.d.rounded_rectangle(b, radius=r * self.u, fill=fill, outline=ol, width=self.lw)
        else:
            self.d.rectangle(b, fill=fill, outline=ol, width=self.lw)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: Color, outline: bool = True) -> None:
        """Centre in frame fractions, radii in ``u`` (1% of the visible width)."""
        x, y = self.X(cx), self.Y(cy)
        self.d.ellipse((x - rx * self.u, y - ry * self.u, x + rx * self.u, y + ry * self.u), fill=fill,
                       outline=INK if outline else None, width=self.lw)

    def poly(self, pts: Sequence[Point], fill: Color, outline: bool = True) -> None:
        polygon(self.d, [(self.X(x), self.Y(y)) for x, y in pts], fill, INK if outline else None, self.lw)

    def line(self, pts: Sequence[Point], fill: Color, width: float) -> None:
        self.d.line([(self.X(x), self.Y(y)) for x, y in pts], fill=fill, width=max(1, round(width * self.u)),
                    joint="curve")

    def glow(self, cx: float, cy: float, r: float, color: Sequence[int], strength: int = 70) -> None:
        for k in range(5, 0, -1):
            self.ellipse(cx, cy, r * k / 5, r * k / 5, with_alpha(color, strength // 5), outline=False)

    # -- shared scenery ------------------------------------------------------------------------

    def sky(self, top: Sequence[int], bottom: Sequence[int], to: float = HORIZON) -> None:
        """The sky for the scene's time of day and weather (``top``/``bottom`` are the clear-day colours),
        with the sun, moon and stars where they belong."""
        top, bottom = sky_colors(self.time, self.weather, top, bottom)
        self.grad(self.top, to + 0.01, top, bottom)
        sky_extras(self, to)

    def floor(self, near: Sequence[int], far: Sequence[int], at: float = HORIZON) -> None:
        self.floor_at = at
        self.grad(at, self.bottom, far, near)
        self.line([(self.left, at), (self.right, at)], darker(far, 0.7), 0.35)

    def clouds(self, n: int, y0: float, y1: float, color: RGB = WHITE) -> None:
        if self.weather in ("rain", "storm"):
            color, n = ((70, 74, 90) if self.weather == "storm" else (120, 126, 140)), n + 3
        elif self.time == "night":
            color = (60, 64, 96)
        elif self.time == "sunset":
            color = (255, 190, 160)
        for _ in range(n):
            x, y, s = self.rng.uniform(-0.05, 1.05), self.rng.uniform(y0, y1), self.rng.uniform(4, 8)
            for dx, dy, k in ((-1.2, 0.2, 0.7), (0, 0, 1.0), (1.2, 0.25, 0.75), (0.5, 0.35, 0.8)):
                self.ellipse(x + dx * s / 100, y + dy * s / 178, s * k * 1.3, s * k * 0.8, color, outline=False)

    def skyline(self, base: float, lo: float, hi: float, colors: Sequence[RGB], window: RGB,
                lit: float, dark_window: RGB | None = None) -> None:
        x = self.left - 0.02
        while x < self.right:
            bw = self.rng.uniform(0.09, 0.17)
            top = base - self.rng.uniform(lo, hi)
            col = self.rng.choice(list(colors))
            self.rect(x, top, x + bw, base + 0.01, col, outline=False)
            if self.rng.random() < 0.3:
                self.rect(x + bw * 0.4, top - 0.03, x + bw * 0.45, top, col, outline=False)
            wy = top + 0.015
            while wy < base - 0.02:
                wx = x + 0.015
                while wx < x + bw - 0.03:
                    lit_now = self.rng.random() < (max(lit, 0.45) if self.time == "night" else lit)
                    c = window if lit_now else (dark_window or darker(col, 0.8))
                    if lit_now and self.time == "night":
                        c = (255, 214, 120)
                        self.lights.append((wx, wy, wx + 0.018, wy + 0.012, c))
                    self.rect(wx, wy, wx + 0.018, wy + 0.012, c, outline=False)
                    wx += 0.032
                wy += 0.024
            x += bw + self.rng.uniform(0.0, 0.02)

    def window(self, x0: float, y0: float, x1: float, y1: float, sky: tuple[RGB, RGB], frame: RGB,
               city: bool = True, night: bool = False) -> None:
        if self.time != "day" or self.weather != "clear":
            sky = sky_colors(self.time, self.weather, sky[0], sky[1])
            night = night or self.time == "night"
        self.rect(x0 - 0.015, y0 - 0.009, x1 + 0.015, y1 + 0.009, frame)
        self.grad(y0, y1, sky[0], sky[1], x0, x1)
        if city:
            cols = [(60, 70, 100), (75, 85, 120)] if night else [(150, 175, 205), (170, 190, 215)]
            for i in range(int((x1 - x0) / 0.05)):
                bx = x0 + i * 0.05 + self.rng.uniform(0, 0.02)
                top = y1 - self.rng.uniform(0.05, (y1 - y0) * 0.8)
                self.rect(bx, top, min(x1, bx + 0.045), y1, self.rng.choice(cols), outline=False)
                if night:
                    for k in range(3):
                        if self.rng.random() < 0.6:
                            wy = top + 0.01 + k * 0.02
                            if wy < y1 - 0.01:
                                self.rect(bx + 0.01, wy, bx + 0.02, wy + 0.008, (255, 220, 130), outline=False)
        if self.weather in ("rain", "storm"):
            self._window_weather(x0, y0, x1, y1)
        self.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], frame, 0.9)
        self.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], frame, 0.9)
        self.d.rectangle(self.box(x0, y0, x1, y1), outline=INK, width=self.lw)
        self.poly([(x0 + 0.03, y0), (x0 + 0.08, y0), (x0 + 0.02, y0 + 0.1), (x0, y0 + 0.1)],
                  (255, 255, 255, 50), outline=False)

    def _window_weather(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """The weather seen through a window of an indoor place: rain streaking the glass; in a storm a tree
        bent by the wind and a flash of lightning (drawn once, with the background)."""
        rng = random.Random(f"window:{self.weather}:{x0:.2f}")
        w, h = x1 - x0, y1 - y0
        if self.weather == "storm":
            tx, base = x0 + w * 0.25, y1
            self.poly([(tx - 0.006, base), (tx + 0.006, base), (tx + w * 0.18, y0 + h * 0.35),
                       (tx + w * 0.15, y0 + h * 0.33)], (40, 40, 50), outline=False)
            for k in range(4):  # the crown, blown sideways
                self.ellipse(tx + w * (0.2 + 0.08 * k), y0 + h * (0.3 + 0.04 * k), w * 18, w * 9, (40, 52, 56),
                             outline=False)
            lx = x0 + w * 0.72
            self.poly([(lx, y0), (lx - w * 0.1, y0 + h * 0.45), (lx, y0 + h * 0.42), (lx - w * 0.08, y0 + h * 0.9),
                       (lx + w * 0.1, y0 + h * 0.36), (lx + w * 0.01, y0 + h * 0.4), (lx + w * 0.07, y0)],
                      (255, 250, 200), outline=False)
        for _ in range(int(w * 120)):  # streaks on the glass, slanting with the wind
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1 - 0.03)
            self.line([(x, y), (min(x1, x + 0.01), y + 0.03)], (210, 220, 240, 150), 0.25)

    def tree(self, x: float, base: float, s: float, leaf: RGB = (96, 170, 80)) -> None:
        """A round tree; in a storm its trunk and crown bent over by the wind."""
        bend = 0.07 if self.weather == "storm" else 0.0  # how far the crown is blown, per unit of height
        self.poly([(x - 0.012 * s, base), (x + 0.012 * s, base), (x + (0.012 + bend) * s, base - 0.12 * s),
                   (x + (bend - 0.012) * s, base - 0.12 * s)], (130, 90, 60))
        for dx, dy, r in ((-0.06, -0.16, 9.0), (0.06, -0.16, 9.0), (0, -0.2, 11.0), (-0.03, -0.25, 8.0),
                          (0.04, -0.25, 8.0)):
            self.ellipse(x + (dx - dy * bend * 8) * s, base + dy * s, r * s, r * s * (0.8 if bend else 1), leaf)
        for dx, dy, r in ((-0.05, -0.17, 7.6), (0.05, -0.17, 7.6), (0, -0.21, 9.6), (-0.03, -0.25, 6.6),
                          (0.04, -0.25, 6.6)):
            self.ellipse(x + (dx - dy * bend * 8) * s, base + dy * s, r * s, r * s * (0.8 if bend else 1), leaf,
                         outline=False)
        self.ellipse(x + (0.24 * bend * 8 - 0.03) * s, base - 0.24 * s, 3 * s, 2 * s, lighter(leaf, 0.25),
                     outline=False)
        if bend:  # leaves torn off, flying with the wind
            for k in range(4):
                self.ellipse(x + (0.1 + 0.07 * k) * s, base - (0.3 - 0.05 * k) * s, 1.6 * s, 0.8 * s, leaf,
                             outline=False)

    def plant(self, x: float, base: float, s: float = 1.0) -> None:
        for a in (-0.9, -0.45, 0.0, 0.45, 0.9):
            tip = (x + math.sin(a) * 0.06 * s, base - 0.06 * s - math.cos(a) * 0.07 * s)
            self.poly([(x - 0.006 * s, base - 0.04 * s), tip, (x + 0.006 * s, base - 0.04 * s)], (80, 160, 90))
        self.poly([(x - 0.04 * s, base - 0.05 * s), (x + 0.04 * s, base - 0.05 * s), (x + 0.03 * s, base),
                   (x - 0.03 * s, base)], (200, 110, 70))

    def lamp_post(self, x: float, base: float, top: float, glow: bool = False) -> None:
        self.rect(x - 0.008, top, x + 0.008, base, (60, 65, 80))
        self.rect(x - 0.02, base - 0.015, x + 0.02, base, (60, 65, 80))
        self.rect(x - 0.025, top - 0.035, x + 0.025, top, (255, 225, 140) if glow else (230, 230, 220), r=1)
        self.rect(x - 0.03, top - 0.045, x + 0.03, top - 0.03, (60, 65, 80), r=0.5)
        if glow or self.time == "night":
            self.lights.append((x - 0.025, top - 0.035, x + 0.025, top, (255, 225, 140)))
        if glow:
            self.glow(x, top - 0.015, 14, (255, 220, 130), 90)

    def bricks(self, x0: float, y0: float, x1: float, y1: float, color: RGB, mortar: RGB, rows: int) -> None:
        self.rect(x0, y0, x1, y1, mortar, outline=False)
        bh = (y1 - y0) / rows
        bw = bh * 1.778 * 1.9
        for r in range(rows):
            x = x0 - (bw / 2 if r % 2 else 0)
            while x < x1:
                c = mix(color, (0, 0, 0), self.rng.uniform(0, 0.12))
                self.rect(max(x0, x + 0.003), y0 + r * bh + 0.0025, min(x1, x + bw - 0.003), y0 + (r + 1) * bh - 0.0025,
                          c, outline=False)
                x += bw


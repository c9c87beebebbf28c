"""Shared drawing vocabulary of the storyboard painter: frame constants, colours and shape maths (pure)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Color = RGB | RGBA
Point = tuple[float, float]

SUPERSAMPLE = 2  # draw at 2x, downsample with LANCZOS
CAPTION_BAND = 0.22  # bottom fraction of the visible frame kept calm for captions
HORIZON = 0.64  # where walls meet the floor (fraction of visible height)
GROUND = 0.68  # the front row's feet (fraction of visible height; above the subtitle band in every camera window)
BACK_GROUND = 0.655  # the back row's feet

INK: RGB = (52, 38, 44)  # outline colour
WHITE: RGB = (255, 255, 255)
PINK: RGB = (244, 140, 160)
GOLD: RGB = (238, 186, 52)


# ---------------------------------------------------------------------------------------------
# colour helpers


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def darker(c: Sequence[int], f: float = 0.75) -> RGB:
    return mix(c, (0, 0, 0), 1 - f)


def lighter(c: Sequence[int], f: float = 0.3) -> RGB:
    return mix(c, WHITE, f)


def with_alpha(c: Sequence[int], a: int) -> RGBA:
    return (c[0], c[1], c[2], a)


def luma(c: Sequence[int]) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


# ---------------------------------------------------------------------------------------------
# geometry helpers


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 16) -> list[Point]:
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def ellipse_pts(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 28) -> list[Point]:
    cr, sr = math.cos(rot), math.sin(rot)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return pts


def band_pts(cx: float, cy: float, rx: float, ry: float, y1: float, y2: float, n: int = 8) -> list[Point]:
    """Polygon of the part of an ellipse between heights y1 < y2."""
    y1, y2 = max(y1, cy - ry * 0.999), min(y2, cy + ry * 0.999)
    ys = [y1 + (y2 - y1) * i / n for i in range(n + 1)]
    half = [rx * math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2)) for y in ys]
    right = [(cx + h, y) for h, y in zip(half, ys, strict=True)]
    left = [(cx - h, y) for h, y in zip(half, ys, strict=True)]
    return right + left[::-1]


def round_tri(a: Point, b: Point, c: Point, r: float = 0.2, n: int = 5) -> list[Point]:
    """Triangle a-b-c with rounded corners (``r``: fraction of each edge used by the rounding)."""
    corners = [a, b, c]
    pts: list[Point] = []
    for i in range(3):
        p, q, nxt = corners[i - 1], corners[i], corners[(i + 1) % 3]
        s0 = (q[0] + (p[0] - q[0]) * r, q[1] + (p[1] - q[1]) * r)
        s1 = (q[0] + (nxt[0] - q[0]) * r, q[1] + (nxt[1] - q[1]) * r)
        for k in range(n + 1):
            t = k / n
            pts.append(((1 - t) ** 2 * s0[0] + 2 * (1 - t) * t * q[0] + t * t * s1[0],
                        (1 - t) ** 2 * s0[1] + 2 * (1 - t) * t * q[1] + t * t * s1[1]))
    return pts


def heart_pts(cx: float, cy: float, r: float, n: int = 24) -> list[Point]:
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * r / 16, cy - y * r / 16))
    return pts


def star_pts(cx: float, cy: float, r: float, inner: float = 0.45, n: int = 5) -> list[Point]:
    pts = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        t = -math.pi / 2 + math.pi * i / n
        pts.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    return pts


def polygon(d: ImageDraw.ImageDraw, pts: list[Point], fill: Color, ink: Color | None, width: float) -> None:
    """Filled polygon with a round-jointed outline (Pillow's wide polygon outline allocates a full-size mask)."""
    d.polygon(pts, fill=fill)
    if ink is not None:
        d.line([*pts, pts[0], pts[1]], fill=ink, width=max(1, round(width)), joint="curve")


def vgradient(size: tuple[int, int], top: Sequence[int], bottom: Sequence[int]) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, max(1, h), dtype=np.float32)[:, None]
    col = np.asarray(top, np.float32)[None, :] * (1 - t) + np.asarray(bottom, np.float32)[None, :] * t
    strip = Image.fromarray(np.clip(col + 0.5, 0, 255).astype(np.uint8)[:, None, :], "RGB")
    return strip.resize((max(1, w), max(1, h)), Image.Resampling.NEAREST)



class Pen:
    """Draws in local units: origin ``(cx, fy)`` in pixels (a bottom centre), ``u`` pixels per unit,
    ``f`` = 1 or -1 mirrors x (facing). Shapes get the ink outline unless ``outline=False``."""

    def __init__(self, d: ImageDraw.ImageDraw, cx: float, fy: float, u: float, f: int = 1,
                 ink: Color = INK) -> None:
        self.d, self.cx, self.fy, self.u, self.f, self.ink = d, cx, fy, u, f, ink
        self.lw = max(1.0, u * 0.9)

    def P(self, x: float, y: float) -> Point:
        return (self.cx + x * self.u * self.f, self.fy + y * self.u)

    def ell(self, x: float, y: float, rx: float, ry: float, fill: Color | None, outline: bool = True,
            width: float | None = None) -> None:
        px, py = self.P(x, y)
        self.d.ellipse((px - rx * self.u, py - ry * self.u, px + rx * self.u, py + ry * self.u), fill=fill,
                       outline=self.ink if outline else None, width=round(width * self.u if width else self.lw))

    def poly(self, pts: Sequence[Point], fill: Color, outline: bool = True) -> None:
        polygon(self.d, [self.P(x, y) for x, y in pts], fill, self.ink if outline else None, self.lw)

    def line(self, pts: Sequence[Point], fill: Color, width: float) -> None:
        self.d.line([self.P(x, y) for x, y in pts], fill=fill, width=max(1, round(width * self.u)), joint="curve")

    def stroke(self, pts: Sequence[Point], fill: Color, width: float, outline: bool = True) -> None:
        """A thick rounded stroke with an outline (limbs, tails, handles)."""
        w = width * self.u
        layers: list[tuple[Color, float]] = [(self.ink, w + 2 * self.lw)] if outline else []
        layers.append((fill, w))
        for col, ww in layers:
            self.d.line([self.P(x, y) for x, y in pts], fill=col, width=max(1, round(ww)), joint="curve")
            for x, y in (pts[0], pts[-1]):
                px, py = self.P(x, y)
                self.d.ellipse((px - ww / 2, py - ww / 2, px + ww / 2, py + ww / 2), fill=col)

    def _pt_min(self, x0: float, y0: float, x1: float, y1: float) -> Point:
        a, b = self.P(x0, y0), self.P(x1, y1)
        return (min(a[0], b[0]), min(a[1], b[1]))

    def _pt_max(self, x0: float, y0: float, x1: float, y1: float) -> Point:
        a, b = self.P(x0, y0), self.P(x1, y1)
        return (max(a[0], b[0]), max(a[1], b[1]))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: Color, r: float = 0.0,
             outline: bool = True) -> None:
        box = (*self._pt_min(x0, y0, x1, y1), *self._pt_max(x0, y0, x1, y1))
        if r > 0:
            self.d.rounded_rectangle(box, radius=r * self.u, fill=fill, outline=self.ink if outline else None,
                                     width=round(self.lw))
        else:
            self.d.rectangle(box, fill=fill, outline=self.ink if outline else None, width=round(self.lw))

    def rect_r(self, x0: float, y0: float, x1: float, y1: float, r: float, fill: Color, outline: bool = True) -> None:
        self.rect(x0, y0, x1, y1, fill, r=r, outline=outline)

    def arc(self, x: float, y: float, r: float, start: float, end: float, width: float = 1.4,
            ry: float | None = None, fill: Color | None = None) -> None:
        px, py = self.P(x, y)
        rr = (ry if ry is not None else r) * self.u
        if self.f < 0:  # mirror the angles
            start, end = 180 - end, 180 - start
        self.d.arc((px - r * self.u, py - rr, px + r * self.u, py + rr), start, end, fill=fill or self.ink,
                   width=max(1, round(width * self.u)))

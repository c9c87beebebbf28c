"""Procedural storyboard keyframe painter: the CPU default ``KeyframePainter``.

Draws one flat-cartoon keyframe per scene with Pillow: a background for the scene's ``Location``,
the scene's pets (cartoon cats and dogs standing like people, with an expression and an outfit) on
a ground line in the lower middle of the 9:16 frame, then a colour grade for the scene's mood.

Everything is drawn at ``SUPERSAMPLE`` x size and downsampled with LANCZOS (anti-aliased edges).
Keyframes are ``overscan_size(spec)`` (about 1.12x the video frame) so the animator can pan and
zoom inside them. The bottom ``CAPTION_BAND`` of the visible frame is kept plain for captions and
faces stay in the central area. Output is a pure function of the script and ``spec.seed``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFont

from petreel.errors import Cancelled
from render.stages import CancelFn, ProgressFn, RenderSpec, overscan_size
from story.script import Appearance, Character, Script
from story.styles import CHARACTER_STYLES

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Color = RGB | RGBA
Point = tuple[float, float]

SUPERSAMPLE = 2  # draw at 2x, downsample with LANCZOS
CAPTION_BAND = 0.22  # bottom fraction of the visible frame kept calm for captions
HORIZON = 0.64  # where walls meet the floor (fraction of visible height)
GROUND = 0.74  # the front row's feet (fraction of visible height; above the caption zone)
BACK_GROUND = 0.71  # the back row's feet

INK: RGB = (52, 38, 44)  # outline colour
WHITE: RGB = (255, 255, 255)
PINK: RGB = (244, 140, 160)
GOLD: RGB = (238, 186, 52)


# ---------------------------------------------------------------------------------------------
# colour helpers


def _mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _dark(c: Sequence[int], f: float = 0.75) -> RGB:
    return _mix(c, (0, 0, 0), 1 - f)


def _light(c: Sequence[int], f: float = 0.3) -> RGB:
    return _mix(c, WHITE, f)


def _alpha(c: Sequence[int], a: int) -> RGBA:
    return (c[0], c[1], c[2], a)


def _luma(c: Sequence[int]) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


# ---------------------------------------------------------------------------------------------
# character looks


@dataclass(frozen=True)
class PetLook:
    """How one character is drawn (resolved once per paint from the style catalogue or the breed)."""

    species: str  # "cat" | "dog"
    fur: RGB
    fur2: RGB
    pattern: str  # plain | tabby | patches | mask | spots
    ears: str  # pointy | floppy | big
    fluffy: bool
    eyes: RGB
    accent: RGB  # clothes colour for suits / dresses / hoodies


# (keywords, fur, fur2, pattern, ears-or-None, fluffy); first match wins, checked against breed + look
_BREED_HINTS: list[tuple[tuple[str, ...], RGB, RGB, str, str | None, bool]] = [
    (("husky", "malamute", "wolf"), (120, 125, 135), (250, 250, 250), "mask", "pointy", False),
    (("shiba", "akita"), (215, 125, 55), (255, 240, 215), "mask", "pointy", False),
    (("corgi",), (230, 150, 70), (255, 248, 235), "patches", "big", False),
    (("golden", "retriever"), (225, 175, 90), (245, 215, 150), "plain", "floppy", True),
    (("dalmatian",), (250, 250, 248), (40, 40, 45), "spots", "floppy", False),
    (("samoyed", "poodle", "bichon", "maltese", "pomeranian"), (250, 248, 244), (238, 230, 225), "plain",
     None, True),
    (("pug", "bulldog", "mastiff"), (222, 192, 145), (70, 58, 58), "mask", "floppy", False),
    (("beagle", "hound"), (190, 120, 60), (255, 250, 240), "patches", "floppy", False),
    (("chihuahua",), (225, 180, 120), (250, 230, 200), "plain", "big", False),
    (("shepherd",), (200, 140, 70), (70, 55, 45), "mask", "pointy", False),
    (("siamese", "himalayan", "birman"), (242, 228, 205), (118, 86, 68), "points", None, False),
    (("calico",), (250, 246, 238), (232, 140, 60), "patches", None, False),
    (("ginger", "orange", "marmalade"), (235, 140, 50), (255, 235, 210), "tabby", None, False),
    (("persian", "ragdoll", "fluffy"), (248, 246, 240), (235, 225, 220), "plain", None, True),
    (("black",), (48, 45, 54), (78, 75, 88), "plain", None, False),
    (("white", "snow"), (248, 246, 240), (235, 225, 220), "plain", None, False),
    (("grey", "gray", "silver", "tabby", "blue"), (150, 145, 140), (225, 218, 205), "tabby", None, False),
    (("golden", "yellow", "lab"), (232, 200, 140), (250, 230, 190), "plain", "floppy", False),
    (("brown", "chocolate"), (140, 95, 60), (220, 190, 150), "plain", None, False),
]

_SEEDED_FURS: list[tuple[RGB, RGB]] = [
    ((235, 140, 50), (255, 235, 210)),
    ((160, 155, 150), (235, 230, 220)),
    ((225, 175, 90), (250, 230, 190)),
    ((120, 85, 60), (225, 195, 160)),
    ((245, 242, 236), (230, 220, 214)),
    ((70, 66, 76), (200, 195, 200)),
]

_EYE_WORDS: list[tuple[str, RGB]] = [
    ("green", (110, 190, 90)),
    ("blue", (90, 170, 235)),
    ("yellow", (245, 205, 60)),
    ("amber", (230, 160, 50)),
    ("gold", (235, 185, 60)),
    ("brown", (120, 75, 45)),
]

_ACCENTS: list[RGB] = [
    (232, 84, 92), (72, 132, 220), (120, 186, 110), (158, 108, 204), (246, 178, 58), (236, 118, 168),
    (64, 178, 190),
]


def resolve_look(character: Character, rng: random.Random) -> PetLook:
    """Colours and shapes for ``character``: its catalogue style, else breed keywords, else a seeded palette."""
    text = f"{character.breed} {character.look}".lower()
    species = character.species
    accent = rng.choice(_ACCENTS)
    eyes: RGB | None = next((c for w, c in _EYE_WORDS if w in text), None)
    style = CHARACTER_STYLES.get(character.style or "")
    pattern: str
    ears: str
    if style is not None and style.species == species:
        fur, fur2, pattern, ears, fluffy = style.fur, style.fur2, style.pattern, style.ears, style.fluffy
    else:
        hint = next((h for h in _BREED_HINTS if any(k in text for k in h[0])), None)
        if hint is not None:
            _, fur, fur2, pattern, hint_ears, fluffy = hint
            ears = hint_ears if hint_ears and species == "dog" else ("pointy" if species == "cat" else "floppy")
        else:
            fur, fur2 = rng.choice(_SEEDED_FURS)
            pattern = rng.choice(["plain", "tabby"] if species == "cat" else ["plain", "patches"])
            ears = "pointy" if species == "cat" else rng.choice(["floppy", "big"])
            fluffy = rng.random() < 0.25
    if eyes is None:
        eyes = (120, 190, 95) if species == "cat" else (90, 58, 40)
    return PetLook(species, fur, fur2, pattern, ears, fluffy, eyes, accent)


# ---------------------------------------------------------------------------------------------
# geometry helpers


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, n: int = 16) -> list[Point]:
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _ellipse_pts(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 28) -> list[Point]:
    cr, sr = math.cos(rot), math.sin(rot)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return pts


def _band_pts(cx: float, cy: float, rx: float, ry: float, y1: float, y2: float, n: int = 8) -> list[Point]:
    """Polygon of the part of an ellipse between heights y1 < y2."""
    y1, y2 = max(y1, cy - ry * 0.999), min(y2, cy + ry * 0.999)
    ys = [y1 + (y2 - y1) * i / n for i in range(n + 1)]
    half = [rx * math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2)) for y in ys]
    right = [(cx + h, y) for h, y in zip(half, ys, strict=True)]
    left = [(cx - h, y) for h, y in zip(half, ys, strict=True)]
    return right + left[::-1]


def _round_tri(a: Point, b: Point, c: Point, r: float = 0.2, n: int = 5) -> list[Point]:
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


def _heart_pts(cx: float, cy: float, r: float, n: int = 24) -> list[Point]:
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * r / 16, cy - y * r / 16))
    return pts


def _star_pts(cx: float, cy: float, r: float, inner: float = 0.45, n: int = 5) -> list[Point]:
    pts = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        t = -math.pi / 2 + math.pi * i / n
        pts.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    return pts


def _polygon(d: ImageDraw.ImageDraw, pts: list[Point], fill: Color, ink: Color | None, width: float) -> None:
    """Filled polygon with a round-jointed outline (Pillow's wide polygon outline allocates a full-size mask)."""
    d.polygon(pts, fill=fill)
    if ink is not None:
        d.line([*pts, pts[0], pts[1]], fill=ink, width=max(1, round(width)), joint="curve")


def _vgradient(size: tuple[int, int], top: Sequence[int], bottom: Sequence[int]) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, max(1, h), dtype=np.float32)[:, None]
    col = np.asarray(top, np.float32)[None, :] * (1 - t) + np.asarray(bottom, np.float32)[None, :] * t
    strip = Image.fromarray(np.clip(col + 0.5, 0, 255).astype(np.uint8)[:, None, :], "RGB")
    return strip.resize((max(1, w), max(1, h)), Image.Resampling.NEAREST)


# ---------------------------------------------------------------------------------------------
# the drawing context for backgrounds


class _Canvas:
    """Supersampled overscan canvas; ``X``/``Y`` map fractions of the *visible* frame to pixels."""

    def __init__(self, img: Image.Image, vis_w: float, vis_h: float, rng: random.Random) -> None:
        self.img = img
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
            self.img.paste(_vgradient((px1 - px0, py1 - py0), top, bottom), (px0, py0))

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
        _polygon(self.d, [(self.X(x), self.Y(y)) for x, y in pts], fill, INK if outline else None, self.lw)

    def line(self, pts: Sequence[Point], fill: Color, width: float) -> None:
        self.d.line([(self.X(x), self.Y(y)) for x, y in pts], fill=fill, width=max(1, round(width * self.u)),
                    joint="curve")

    def glow(self, cx: float, cy: float, r: float, color: Sequence[int], strength: int = 70) -> None:
        for k in range(5, 0, -1):
            self.ellipse(cx, cy, r * k / 5, r * k / 5, _alpha(color, strength // 5), outline=False)

    # -- shared scenery ------------------------------------------------------------------------

    def sky(self, top: Sequence[int], bottom: Sequence[int], to: float = HORIZON) -> None:
        self.grad(self.top, to + 0.01, top, bottom)

    def floor(self, near: Sequence[int], far: Sequence[int], at: float = HORIZON) -> None:
        self.grad(at, self.bottom, far, near)
        self.line([(self.left, at), (self.right, at)], _dark(far, 0.7), 0.35)

    def clouds(self, n: int, y0: float, y1: float, color: RGB = WHITE) -> None:
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
                    lit_now = self.rng.random() < lit
                    c = window if lit_now else (dark_window or _dark(col, 0.8))
                    self.rect(wx, wy, wx + 0.018, wy + 0.012, c, outline=False)
                    wx += 0.032
                wy += 0.024
            x += bw + self.rng.uniform(0.0, 0.02)

    def window(self, x0: float, y0: float, x1: float, y1: float, sky: tuple[RGB, RGB], frame: RGB,
               city: bool = True, night: bool = False) -> None:
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
        self.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], frame, 0.9)
        self.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], frame, 0.9)
        self.d.rectangle(self.box(x0, y0, x1, y1), outline=INK, width=self.lw)
        self.poly([(x0 + 0.03, y0), (x0 + 0.08, y0), (x0 + 0.02, y0 + 0.1), (x0, y0 + 0.1)],
                  (255, 255, 255, 50), outline=False)

    def tree(self, x: float, base: float, s: float, leaf: RGB = (96, 170, 80)) -> None:
        self.rect(x - 0.012 * s, base - 0.12 * s, x + 0.012 * s, base, (130, 90, 60))
        for dx, dy, r in ((-0.06, -0.16, 9.0), (0.06, -0.16, 9.0), (0, -0.2, 11.0), (-0.03, -0.25, 8.0),
                          (0.04, -0.25, 8.0)):
            self.ellipse(x + dx * s, base + dy * s, r * s, r * s, leaf)
        for dx, dy, r in ((-0.05, -0.17, 7.6), (0.05, -0.17, 7.6), (0, -0.21, 9.6), (-0.03, -0.25, 6.6),
                          (0.04, -0.25, 6.6)):
            self.ellipse(x + dx * s, base + dy * s, r * s, r * s, leaf, outline=False)
        self.ellipse(x - 0.03 * s, base - 0.24 * s, 3 * s, 2 * s, _light(leaf, 0.25), outline=False)

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
        if glow:
            self.glow(x, top - 0.015, 14, (255, 220, 130), 90)

    def bricks(self, x0: float, y0: float, x1: float, y1: float, color: RGB, mortar: RGB, rows: int) -> None:
        self.rect(x0, y0, x1, y1, mortar, outline=False)
        bh = (y1 - y0) / rows
        bw = bh * 1.778 * 1.9
        for r in range(rows):
            x = x0 - (bw / 2 if r % 2 else 0)
            while x < x1:
                c = _mix(color, (0, 0, 0), self.rng.uniform(0, 0.12))
                self.rect(max(x0, x + 0.003), y0 + r * bh + 0.0025, min(x1, x + bw - 0.003), y0 + (r + 1) * bh - 0.0025,
                          c, outline=False)
                x += bw


# ---------------------------------------------------------------------------------------------
# backgrounds, one per Location; each draws the whole canvas


def _bg_street(c: _Canvas) -> None:
    c.sky((130, 190, 235), (215, 235, 245))
    c.clouds(3, 0.02, 0.12)
    c.skyline(0.6, 0.15, 0.42, [(225, 190, 170), (200, 200, 215), (235, 215, 175), (190, 210, 200)],
              (170, 205, 230), 0.0, (150, 185, 215))
    for x in (0.05, 0.55):  # shop fronts with awnings
        c.rect(x - 0.03, 0.46, x + 0.33, 0.62, (240, 228, 205))
        for i in range(6):
            col = (220, 80, 80) if i % 2 == 0 else WHITE
            c.poly([(x - 0.03 + i * 0.06, 0.44), (x + 0.03 + i * 0.06, 0.44), (x + 0.03 + i * 0.06, 0.47),
                    (x + i * 0.06, 0.48), (x - 0.03 + i * 0.06, 0.47)], col)
        c.rect(x + 0.02, 0.5, x + 0.26, 0.6, (170, 210, 230))
    c.floor((175, 172, 170), (205, 200, 196), 0.62)
    c.rect(c.left, 0.62, c.right, 0.635, (150, 148, 150), outline=False)
    c.lamp_post(0.93, 0.66, 0.2)
    c.rect(0.02, 0.6, 0.07, 0.66, (220, 70, 60), r=1)  # hydrant
    c.rect(0.012, 0.6, 0.078, 0.615, (190, 55, 50), r=1)


def _bg_rainy_street(c: _Canvas) -> None:
    c.sky((62, 70, 92), (112, 120, 138))
    c.clouds(4, 0.0, 0.1, (92, 98, 115))
    c.skyline(0.62, 0.18, 0.45, [(62, 66, 84), (72, 76, 96), (55, 60, 78)], (255, 212, 125), 0.35)
    c.floor((52, 58, 72), (88, 95, 112), 0.62)
    c.lamp_post(0.09, 0.66, 0.22, glow=True)
    c.lamp_post(0.92, 0.64, 0.28, glow=True)
    for x, y, rx in ((0.18, 0.69, 12), (0.78, 0.71, 14), (0.5, 0.66, 9)):  # puddles with reflections
        c.ellipse(x, y, rx, 1.6, (110, 125, 155), outline=False)
        c.line([(x - rx / 300, y), (x + rx / 300, y)], (170, 185, 210), 0.3)
    c.ellipse(0.09, 0.69, 6, 1.2, (255, 215, 140, 90), outline=False)


def _fg_rain(c: _Canvas) -> None:
    for _ in range(170):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(c.top, c.bottom)
        ln = c.rng.uniform(0.02, 0.045)
        c.line([(x, y), (x - ln * 0.15, y + ln)], (205, 215, 235, c.rng.randint(60, 130)), 0.22)


def _bg_construction_site(c: _Canvas) -> None:
    c.sky((150, 200, 240), (240, 228, 205))
    c.clouds(2, 0.02, 0.1)
    # unfinished building with scaffolding
    c.rect(0.6, 0.16, 1.15, 0.62, (200, 190, 180))
    yellow = (246, 192, 40)
    for i in range(7):
        c.line([(0.58 + i * 0.09, 0.14), (0.58 + i * 0.09, 0.62)], (110, 120, 140), 0.8)
    for j in range(5):
        y = 0.18 + j * 0.1
        c.rect(0.56, y, 1.15, y + 0.012, (190, 140, 80))
        for i in range(6):
            x = 0.58 + i * 0.09
            c.line([(x, y + 0.012), (x + 0.09, y + 0.1)], (110, 120, 140), 0.4)
    # crane: lattice tower, jib, hook with a beam
    tx = 0.16
    c.rect(tx - 0.03, 0.08, tx + 0.03, 0.62, yellow)
    for k in range(14):
        y = 0.08 + k * 0.039
        c.line([(tx - 0.03, y), (tx + 0.03, y + 0.039)], _dark(yellow, 0.7), 0.35)
        c.line([(tx + 0.03, y), (tx - 0.03, y + 0.039)], _dark(yellow, 0.7), 0.35)
    c.rect(c.left, 0.06, 0.82, 0.085, yellow)
    for k in range(22):
        x = c.left + k * 0.04
        c.line([(x, 0.085), (x + 0.02, 0.06)], _dark(yellow, 0.7), 0.3)
    c.rect(c.left, 0.085, 0.06, 0.12, (120, 120, 130))
    c.rect(tx - 0.04, 0.03, tx + 0.04, 0.085, (240, 240, 235))
    c.line([(0.7, 0.085), (0.7, 0.3)], (60, 60, 70), 0.3)
    c.rect(0.6, 0.3, 0.82, 0.32, (205, 100, 50))
    # ground, bricks, cones, barrier
    c.floor((165, 125, 90), (196, 160, 118), 0.62)
    c.poly([(0.78, 0.66), (0.9, 0.58), (1.02, 0.66)], (210, 180, 120))
    c.bricks(0.0, 0.56, 0.16, 0.64, (190, 80, 60), (220, 205, 190), 5)
    c.d.rectangle(c.box(0.0, 0.56, 0.16, 0.64), outline=INK, width=c.lw)
    for x in (0.9, 0.98):
        c.poly([(x - 0.03, 0.665), (x - 0.008, 0.6), (x + 0.008, 0.6), (x + 0.03, 0.665)], (250, 120, 40))
        c.rect(x - 0.018, 0.625, x + 0.018, 0.635, WHITE, outline=False)
    for i in range(8):
        c.rect(0.2 + i * 0.045, 0.6, 0.245 + i * 0.045, 0.615, (220, 60, 50) if i % 2 else WHITE)


def _bg_office(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (232, 228, 218), (214, 208, 196))
    c.window(0.06, 0.05, 0.94, 0.4, ((120, 180, 235), (200, 225, 245)), (160, 165, 175))
    c.ellipse(0.5, 0.46, 3.2, 3.2, WHITE)  # wall clock
    c.line([(0.5, 0.46), (0.5, 0.448)], INK, 0.4)
    c.line([(0.5, 0.46), (0.508, 0.462)], INK, 0.4)
    c.floor((96, 108, 124), (128, 138, 152))
    for x0, x1 in ((c.left, 0.36), (0.64, c.right)):
        c.rect(x0, 0.56, x1, 0.585, (175, 125, 85))
        c.rect(x0 + 0.02, 0.585, x1 - 0.02, 0.66, (150, 105, 70))
        mx = (x0 + x1) / 2
        c.rect(mx - 0.09, 0.47, mx + 0.09, 0.55, (50, 55, 65), r=0.8)
        c.rect(mx - 0.08, 0.478, mx + 0.08, 0.542, (110, 190, 240), outline=False)
        for k in range(3):
            c.line([(mx - 0.06, 0.49 + k * 0.015), (mx + 0.02 - k * 0.02, 0.49 + k * 0.015)], WHITE, 0.5)
        c.rect(mx - 0.01, 0.55, mx + 0.01, 0.56, (50, 55, 65), outline=False)
    c.plant(0.96, 0.56, 1.0)
    c.rect(0.02, 0.52, 0.08, 0.56, (240, 240, 235))  # paper stack


def _bg_mansion(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (132, 40, 52), (96, 28, 40))
    for i in range(-2, 14):  # damask diamonds
        for j in range(9):
            x, y = i * 0.09 + (0.045 if j % 2 else 0), 0.05 + j * 0.065
            c.poly([(x, y - 0.018), (x + 0.018, y), (x, y + 0.018), (x - 0.018, y)], (160, 60, 70), outline=False)
    c.rect(c.left, 0.5, c.right, 0.515, GOLD)
    c.grad(0.515, HORIZON, (110, 34, 46), (86, 24, 36))
    for x in (0.0, 1.0):  # marble columns
        c.rect(x - 0.07, 0.08, x + 0.07, HORIZON, (240, 232, 220))
        for k in (-0.04, 0.0, 0.04):
            c.line([(x + k, 0.1), (x + k, HORIZON - 0.02)], (205, 195, 185), 0.5)
        c.rect(x - 0.09, 0.05, x + 0.09, 0.08, (245, 238, 226))
        c.rect(x - 0.09, HORIZON - 0.025, x + 0.09, HORIZON, (245, 238, 226))
    c.rect(0.3, 0.2, 0.7, 0.36, GOLD, r=0.5)  # gold-framed painting
    c.grad(0.215, 0.345, (120, 170, 210), (110, 160, 100), 0.32, 0.68)
    c.ellipse(0.56, 0.25, 2.2, 2.2, (250, 230, 150), outline=False)
    c.d.rectangle(c.box(0.32, 0.215, 0.68, 0.345), outline=INK, width=c.lw)
    # chandelier
    c.line([(0.5, c.top), (0.5, 0.1)], GOLD, 0.5)
    c.glow(0.5, 0.11, 26, (255, 225, 150), 90)
    c.ellipse(0.5, 0.11, 7, 2.2, GOLD)
    for dx in (-0.16, -0.08, 0.08, 0.16):
        c.line([(0.5, 0.115), (0.5 + dx * 0.5, 0.135), (0.5 + dx, 0.11)], GOLD, 0.7)
        c.rect(0.5 + dx - 0.008, 0.085, 0.5 + dx + 0.008, 0.11, WHITE)
        c.ellipse(0.5 + dx, 0.077, 0.9, 1.4, (255, 200, 80), outline=False)
        c.ellipse(0.5 + dx * 0.7, 0.15, 0.8, 1.5, (200, 235, 255))
    c.ellipse(0.5, 0.155, 1.2, 2.2, (200, 235, 255))
    # marble floor and red carpet
    c.floor((226, 214, 198), (244, 236, 222))
    for i in range(-8, 9):
        c.line([(0.5 + i * 0.04, HORIZON), (0.5 + i * 0.22, c.bottom)], (218, 205, 188), 0.25)
    c.poly([(0.42, HORIZON), (0.58, HORIZON), (0.78, c.bottom), (0.22, c.bottom)], (176, 32, 46), outline=False)
    c.line([(0.42, HORIZON), (0.22, c.bottom)], GOLD, 0.5)
    c.line([(0.58, HORIZON), (0.78, c.bottom)], GOLD, 0.5)
    for x, y in ((0.2, 0.02), (0.8, 0.03), (0.12, 0.3), (0.9, 0.34)):
        c.poly(_star_pts(x, y, 0.012), (255, 240, 180, 200), outline=False)


def _bg_park(c: _Canvas) -> None:
    c.sky((110, 185, 240), (205, 235, 250), 0.6)
    c.ellipse(0.82, 0.09, 6, 6, (255, 235, 130), outline=False)
    c.glow(0.82, 0.09, 12, (255, 240, 170), 60)
    c.clouds(3, 0.03, 0.2)
    c.ellipse(0.2, 0.66, 55, 14, (150, 205, 120), outline=False)
    c.ellipse(0.85, 0.66, 60, 16, (135, 195, 110), outline=False)
    c.floor((108, 170, 76), (142, 200, 104), 0.6)
    for x, s in ((0.08, 1.5), (0.93, 1.7), (0.52, 0.8)):
        c.tree(x, 0.62 if s > 1 else 0.6, s)
    c.rect(0.64, 0.565, 0.84, 0.58, (170, 110, 70))  # bench
    c.rect(0.64, 0.59, 0.84, 0.602, (170, 110, 70))
    for x in (0.66, 0.82):
        c.rect(x - 0.005, 0.58, x + 0.005, 0.63, (80, 80, 90), outline=False)
    for _ in range(26):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(0.62, 0.75)
        col = c.rng.choice([(255, 120, 150), (255, 220, 90), WHITE, (190, 140, 240)])
        c.ellipse(x, y, 0.7, 0.7, col, outline=False)


def _bg_kitchen(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (238, 244, 246), (220, 230, 236))
    for i in range(-2, 30):
        c.line([(i * 0.05, 0.22), (i * 0.05, 0.5)], (200, 215, 222), 0.25)
    for j in range(7):
        c.line([(c.left, 0.22 + j * 0.04), (c.right, 0.22 + j * 0.04)], (200, 215, 222), 0.25)
    wood = (150, 200, 200)
    for i in range(5):  # upper cabinets
        x = c.left + 0.02 + i * 0.24
        c.rect(x, 0.02, x + 0.22, 0.2, wood, r=0.6)
        c.ellipse(x + 0.19, 0.16, 0.8, 0.8, GOLD)
    c.window(0.36, 0.24, 0.64, 0.42, ((140, 200, 240), (210, 235, 245)), WHITE, city=False)
    c.floor((200, 190, 176), (226, 218, 204))
    c.rect(c.left, 0.48, c.right, 0.505, (235, 230, 220))  # counter top
    c.rect(c.left, 0.505, c.right, HORIZON, wood)
    for i in range(8):
        x = c.left + 0.03 + i * 0.16
        c.rect(x, 0.52, x + 0.14, 0.625, _light(wood, 0.15), r=0.5)
    c.rect(0.1, 0.46, 0.3, 0.48, (60, 60, 70))  # stove top and pot
    c.rect(0.13, 0.39, 0.27, 0.46, (200, 80, 70), r=1)
    c.rect(0.11, 0.4, 0.29, 0.415, (170, 60, 55), r=0.6)
    for k in range(3):
        x = 0.16 + k * 0.04
        c.line([(x, 0.37), (x + 0.01, 0.35), (x, 0.33)], (255, 255, 255, 150), 0.5)
    c.rect(0.72, 0.44, 0.82, 0.48, (245, 245, 245), r=1)  # bowl with fruit
    c.ellipse(0.75, 0.435, 2, 2, (235, 70, 60))
    c.ellipse(0.79, 0.435, 2, 2, (250, 200, 60))


def _bg_restaurant(c: _Canvas) -> None:
    c.grad(c.top, 0.45, (176, 92, 66), (150, 74, 54))
    c.rect(c.left, 0.45, c.right, HORIZON, (120, 74, 48), outline=False)
    for i in range(-3, 30):
        c.line([(i * 0.045, 0.46), (i * 0.045, HORIZON)], (100, 60, 40), 0.3)
    c.rect(c.left, 0.44, c.right, 0.455, (210, 170, 110))
    for x in (0.2, 0.5, 0.8):  # pendant lamps
        c.line([(x, c.top), (x, 0.08)], INK, 0.3)
        c.glow(x, 0.1, 16, (255, 210, 120), 90)
        c.poly([(x - 0.05, 0.11), (x - 0.02, 0.08), (x + 0.02, 0.08), (x + 0.05, 0.11)], (60, 100, 80))
        c.ellipse(x, 0.115, 2, 1, (255, 230, 160), outline=False)
    for x in (0.3, 0.7):
        c.rect(x - 0.08, 0.2, x + 0.08, 0.32, GOLD, r=0.3)
        c.grad(0.21, 0.31, (240, 200, 150), (200, 110, 80), x - 0.07, x + 0.07)
    c.floor((120, 76, 46), (160, 108, 70))
    for k in range(6):
        c.line([(c.left, HORIZON + k * 0.028), (c.right, HORIZON + k * 0.028)], (140, 92, 58), 0.25)
    for x in (0.06, 0.94):  # tables with cloths, candles and glasses
        c.poly([(x - 0.14, 0.55), (x + 0.14, 0.55), (x + 0.16, 0.64), (x - 0.16, 0.64)], (250, 248, 240))
        c.rect(x - 0.008, 0.51, x + 0.008, 0.55, (250, 240, 220))
        c.ellipse(x, 0.503, 0.7, 1.2, (255, 190, 70), outline=False)
        c.glow(x, 0.5, 6, (255, 210, 120), 80)
        c.poly([(x + 0.05, 0.52), (x + 0.08, 0.52), (x + 0.065, 0.54)], (230, 240, 255))
        c.line([(x + 0.065, 0.54), (x + 0.065, 0.55)], INK, 0.2)


def _bg_school(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (242, 232, 200), (228, 214, 178))
    for i in range(12):  # bunting
        x = c.left + i * 0.1
        col = [(240, 90, 90), (90, 170, 240), (250, 210, 70), (120, 200, 120)][i % 4]
        c.poly([(x, 0.03), (x + 0.09, 0.03), (x + 0.045, 0.07)], col)
    c.line([(c.left, 0.03), (c.right, 0.03)], INK, 0.3)
    c.rect(0.06, 0.1, 0.94, 0.38, (150, 105, 70))
    c.rect(0.08, 0.115, 0.92, 0.365, (52, 100, 76), outline=False)
    font = ImageFont.load_default(max(8, round(c.u * 7)))
    chalk = (235, 240, 230)
    c.d.text((c.X(0.14), c.Y(0.14)), "A B C", fill=chalk, font=font)
    c.d.text((c.X(0.55), c.Y(0.14)), "1+2=3", fill=chalk, font=font)
    c.line([(0.15, 0.3), (0.3, 0.26), (0.42, 0.31), (0.55, 0.27)], chalk, 0.4)
    c.poly(_star_pts(0.78, 0.29, 0.03), (255, 230, 120), outline=False)
    c.rect(0.06, 0.375, 0.94, 0.39, (170, 125, 90))
    c.ellipse(0.88, 0.45, 3.5, 3.5, WHITE)
    c.line([(0.88, 0.45), (0.88, 0.435)], INK, 0.4)
    c.line([(0.88, 0.45), (0.892, 0.452)], INK, 0.4)
    c.floor((176, 130, 88), (206, 162, 116))
    for k in range(1, 6):
        c.line([(c.left, HORIZON + k * 0.024), (c.right, HORIZON + k * 0.024)], (186, 142, 100), 0.25)
    for x in (0.05, 0.95):  # desks
        c.rect(x - 0.12, 0.54, x + 0.12, 0.56, (200, 150, 90))
        c.rect(x - 0.1, 0.56, x - 0.085, 0.65, (120, 120, 130), outline=False)
        c.rect(x + 0.085, 0.56, x + 0.1, 0.65, (120, 120, 130), outline=False)
        c.rect(x - 0.05, 0.515, x + 0.05, 0.54, (90, 150, 220), r=0.4)  # books
        c.rect(x - 0.04, 0.495, x + 0.04, 0.515, (240, 110, 90), r=0.4)
    c.ellipse(0.6, 0.5, 2.6, 2.6, (230, 60, 60))  # apple on the teacher's desk
    c.line([(0.6, 0.487), (0.603, 0.478)], (100, 70, 40), 0.3)


def _bg_hospital(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (222, 240, 234), (204, 228, 222))
    c.rect(c.left, 0.44, c.right, 0.455, (150, 200, 190), outline=False)
    c.window(0.08, 0.08, 0.42, 0.32, ((150, 200, 240), (210, 235, 245)), (235, 240, 240))
    for k in range(9):
        c.line([(0.07, 0.09 + k * 0.026), (0.43, 0.09 + k * 0.026)], (240, 240, 236, 140), 0.6)
    c.rect(0.56, 0.1, 0.74, 0.22, WHITE, r=1)  # red cross sign
    c.rect(0.635, 0.12, 0.665, 0.2, (228, 60, 66), outline=False)
    c.rect(0.6, 0.145, 0.7, 0.175, (228, 60, 66), outline=False)
    c.rect(0.8, 0.3, 0.98, 0.42, (50, 56, 66), r=1)  # heart monitor
    c.rect(0.815, 0.315, 0.965, 0.405, (20, 40, 36), outline=False)
    c.line([(0.82, 0.36), (0.86, 0.36), (0.875, 0.33), (0.89, 0.39), (0.905, 0.35), (0.915, 0.36), (0.96, 0.36)],
           (90, 240, 140), 0.45)
    c.rect(0.885, 0.42, 0.895, HORIZON, (150, 155, 165))
    c.line([(0.12, 0.2), (0.12, HORIZON)], (160, 165, 175), 0.6)  # IV stand and bag
    c.rect(0.1, 0.35, 0.15, 0.42, (210, 235, 250, 220), r=1)
    c.line([(0.125, 0.42), (0.2, 0.55)], (160, 200, 230), 0.25)
    c.floor((190, 204, 210), (214, 226, 230))
    c.rect(0.18, 0.5, 0.52, 0.58, (120, 170, 225), r=1)  # bed
    c.rect(0.19, 0.48, 0.3, 0.52, WHITE, r=1.5)
    c.rect(0.16, 0.44, 0.18, 0.66, (170, 175, 185))
    c.rect(0.2, 0.58, 0.5, 0.6, (170, 175, 185))


def _bg_rooftop(c: _Canvas) -> None:
    c.sky((18, 22, 58), (84, 56, 110))
    for _ in range(60):
        x, y = c.rng.uniform(c.left, c.right), c.rng.uniform(c.top, 0.35)
        r = c.rng.uniform(0.2, 0.55)
        c.ellipse(x, y, r, r, (255, 250, 220, c.rng.randint(140, 255)), outline=False)
    c.glow(0.8, 0.1, 14, (255, 245, 200), 60)
    c.ellipse(0.8, 0.1, 6, 6, (255, 245, 200), outline=False)
    c.ellipse(0.83, 0.09, 5.2, 5.2, (30, 32, 72), outline=False)
    c.skyline(0.6, 0.12, 0.4, [(32, 34, 64), (40, 40, 76), (28, 30, 56)], (255, 214, 120), 0.4)
    c.rect(0.46, 0.14, 0.5, 0.2, (40, 40, 76), outline=False)
    c.ellipse(0.48, 0.135, 0.7, 0.7, (255, 70, 70), outline=False)
    c.floor((56, 56, 72), (92, 92, 110), 0.62)
    c.rect(c.left, 0.57, c.right, 0.62, (120, 120, 136))
    for i in range(30):
        c.line([(c.left + i * 0.05, 0.52), (c.left + i * 0.05, 0.57)], (150, 150, 165), 0.3)
    c.line([(c.left, 0.52), (c.right, 0.52)], (150, 150, 165), 0.5)
    pts = [(c.left + k * 0.04, 0.3 + 0.05 * math.sin(k / 29 * math.pi)) for k in range(30)]  # string lights
    c.line(pts, (40, 40, 50), 0.2)
    for k, (x, y) in enumerate(pts[::2]):
        col = [(255, 220, 120), (255, 140, 160), (140, 220, 255)][k % 3]
        c.ellipse(x, y + 0.006, 0.8, 0.8, col, outline=False)
        c.glow(x, y + 0.006, 3, col, 60)


def _bg_bedroom(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (206, 220, 242), (190, 204, 230))
    for i in range(-2, 24):
        for j in range(14):
            c.ellipse(i * 0.06 + (0.03 if j % 2 else 0), j * 0.045, 0.6, 0.6, (225, 234, 250), outline=False)
    night = c.rng.random() < 0.5
    c.window(0.58, 0.08, 0.9, 0.34, ((30, 40, 90), (80, 70, 140)) if night else ((130, 190, 240), (210, 235, 250)),
             WHITE, city=night, night=night)
    c.poly([(0.54, 0.05), (0.62, 0.05), (0.6, 0.38), (0.53, 0.38)], (240, 150, 170))
    c.poly([(0.86, 0.05), (0.94, 0.05), (0.95, 0.38), (0.88, 0.38)], (240, 150, 170))
    c.rect(0.2, 0.12, 0.38, 0.28, (250, 230, 170), r=0.5)  # picture
    c.poly([(0.22, 0.26), (0.27, 0.18), (0.31, 0.24), (0.34, 0.2), (0.36, 0.26)], (120, 180, 120), outline=False)
    c.floor((176, 130, 96), (204, 164, 126))
    c.rect(c.left, 0.38, 0.34, 0.5, (160, 110, 80), r=1.5)  # bed
    c.rect(c.left, 0.48, 0.36, 0.6, (120, 150, 220), r=1.5)
    c.rect(0.05, 0.45, 0.22, 0.5, WHITE, r=2)
    c.rect(c.left, 0.6, 0.36, 0.63, (140, 95, 70))
    c.rect(0.8, 0.5, 0.98, 0.62, (180, 130, 95))  # nightstand and lamp
    c.rect(0.87, 0.45, 0.91, 0.5, (150, 150, 160))
    c.poly([(0.84, 0.45), (0.94, 0.45), (0.92, 0.39), (0.86, 0.39)], (250, 225, 150))
    c.glow(0.89, 0.42, 10, (255, 230, 160), 70)


def _bg_shop(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (242, 234, 214), (226, 216, 194))
    for i in range(14):  # awning
        x = c.left + i * 0.085
        col = (226, 70, 70) if i % 2 == 0 else WHITE
        c.poly([(x, c.top), (x + 0.085, c.top), (x + 0.085, 0.06), (x + 0.0425, 0.075), (x, 0.06)], col)
    prod = [(230, 80, 80), (80, 150, 230), (250, 200, 60), (120, 200, 110), (240, 140, 200), (250, 150, 60)]
    for x0, x1 in ((c.left, 0.3), (0.7, c.right)):
        c.rect(x0, 0.12, x1, 0.6, (190, 140, 95))
        for r in range(4):
            y = 0.22 + r * 0.11
            c.rect(x0, y, x1, y + 0.015, (160, 112, 72))
            x = x0 + 0.01
            while x < x1 - 0.04:
                h = c.rng.uniform(0.04, 0.08)
                wdt = c.rng.uniform(0.03, 0.05)
                col = c.rng.choice(prod)
                c.rect(x, y - h, x + wdt, y, col, r=0.4)
                c.rect(x + 0.004, y - h * 0.7, x + wdt - 0.004, y - h * 0.45, WHITE, outline=False)
                x += wdt + 0.008
    c.rect(0.36, 0.1, 0.64, 0.2, (250, 210, 80), r=1)
    font = ImageFont.load_default(max(8, round(c.u * 5.5)))
    c.d.text((c.X(0.5), c.Y(0.15)), "SALE", fill=(200, 50, 50), font=font, anchor="mm")
    c.floor((200, 200, 205), (226, 226, 230))
    c.rect(0.32, 0.5, 0.68, 0.64, (180, 120, 80))  # counter with a cash register
    c.rect(0.3, 0.48, 0.7, 0.505, (210, 160, 110))
    c.rect(0.52, 0.41, 0.64, 0.48, (90, 95, 110), r=0.6)
    c.rect(0.54, 0.42, 0.62, 0.445, (140, 220, 160), outline=False)


def _bg_stage(c: _Canvas) -> None:
    c.grad(c.top, HORIZON, (44, 20, 40), (70, 30, 56))
    for x, col in ((0.3, (255, 240, 180, 46)), (0.7, (255, 240, 180, 46)), (0.5, (255, 210, 230, 40))):
        c.poly([(x - 0.02, c.top), (x + 0.02, c.top), (0.5 + (x - 0.5) * 0.2 + 0.22, 0.8),
                (0.5 + (x - 0.5) * 0.2 - 0.22, 0.8)], col, outline=False)
    for side in (0, 1):  # curtains with folds
        x0, x1 = (c.left, 0.2) if side == 0 else (0.8, c.right)
        c.rect(x0, c.top, x1, HORIZON + 0.02, (170, 26, 42), outline=False)
        k = x0
        while k < x1:
            c.line([(k, c.top), (k, HORIZON + 0.02)], (120, 16, 30), 0.9)
            c.line([(k + 0.02, c.top), (k + 0.02, HORIZON + 0.02)], (205, 56, 70), 0.5)
            k += 0.045
    c.rect(c.left, c.top, c.right, 0.06, (170, 26, 42), outline=False)
    for i in range(16):
        c.ellipse(c.left + i * 0.08, 0.06, 4.5, 2.2, (150, 20, 36), outline=False)
    c.line([(c.left, 0.075), (c.right, 0.075)], GOLD, 0.8)
    c.floor((108, 64, 36), (150, 96, 56))
    for k in range(1, 7):
        c.line([(c.left, HORIZON + k * 0.03), (c.right, HORIZON + k * 0.03)], (128, 80, 46), 0.25)
    c.ellipse(0.5, 0.76, 46, 7, (255, 235, 170, 60), outline=False)
    for _ in range(24):
        x, y = c.rng.uniform(0.05, 0.95), c.rng.uniform(0.05, 0.4)
        star: RGB = c.rng.choice([(255, 220, 90), (255, 130, 170), (140, 210, 255), WHITE])
        c.poly(_star_pts(x, y, 0.008), _alpha(star, 220), outline=False)


def _bg_alley(c: _Canvas) -> None:
    c.sky((92, 100, 120), (150, 150, 160), 0.2)
    c.bricks(c.left, 0.12, c.right, HORIZON, (150, 84, 70), (110, 90, 86), 22)
    c.poly([(c.left, c.top), (0.18, 0.12), (0.18, HORIZON), (c.left, 0.8)], (90, 60, 56))  # side walls
    c.poly([(c.right, c.top), (0.82, 0.12), (0.82, HORIZON), (c.right, 0.8)], (84, 56, 52))
    c.rect(0.42, 0.36, 0.58, HORIZON, (70, 72, 80))  # back door and lamp
    c.glow(0.5, 0.33, 12, (255, 210, 120), 90)
    c.rect(0.47, 0.31, 0.53, 0.335, (255, 220, 140), r=0.5)
    for k in range(6):  # fire escape
        y = 0.16 + k * 0.05
        c.line([(0.86, y), (0.99, y + 0.02)], (40, 40, 46), 0.5)
    c.line([(0.9, 0.15), (0.9, 0.45)], (40, 40, 46), 0.4)
    c.line([(0.96, 0.17), (0.96, 0.47)], (40, 40, 46), 0.4)
    c.floor((62, 62, 70), (92, 90, 96))
    c.rect(0.2, 0.5, 0.38, 0.64, (60, 110, 80))  # dumpster
    c.rect(0.19, 0.48, 0.39, 0.51, (50, 90, 66))
    c.rect(0.66, 0.56, 0.76, 0.64, (200, 160, 110))  # boxes and a trash can
    c.rect(0.7, 0.5, 0.78, 0.56, (185, 145, 98))
    c.rect(0.83, 0.55, 0.91, 0.65, (130, 135, 145), r=0.5)
    c.ellipse(0.6, 0.7, 10, 1.4, (110, 116, 132), outline=False)
    c.line([(0.3, 0.2), (0.36, 0.18), (0.42, 0.21)], (90, 200, 220), 0.7)  # graffiti squiggle
    c.line([(0.62, 0.24), (0.66, 0.19), (0.7, 0.25)], (240, 120, 180), 0.7)


def _bg_beach(c: _Canvas) -> None:
    c.sky((90, 180, 240), (205, 236, 250), 0.46)
    c.ellipse(0.8, 0.1, 7, 7, (255, 236, 130), outline=False)
    c.glow(0.8, 0.1, 14, (255, 240, 170), 70)
    c.clouds(2, 0.04, 0.2)
    for k in range(3):
        x = 0.3 + k * 0.05
        c.line([(x, 0.2 + k * 0.02), (x + 0.015, 0.19 + k * 0.02), (x + 0.03, 0.2 + k * 0.02)], INK, 0.35)
    c.grad(0.45, 0.58, (56, 160, 200), (100, 205, 215))
    for k in range(6):
        y = 0.47 + k * 0.02
        x = c.rng.uniform(0, 0.2)
        while x < 1.1:
            c.line([(x, y), (x + 0.03, y - 0.004), (x + 0.06, y)], (200, 240, 245), 0.3)
            x += c.rng.uniform(0.12, 0.2)
    c.floor((226, 196, 140), (244, 222, 168), 0.58)
    c.line([(c.left, 0.58), (0.3, 0.585), (0.6, 0.578), (c.right, 0.585)], WHITE, 0.8)
    trunk = _bezier((0.1, 0.64), (0.1, 0.45), (0.02, 0.3), (0.0, 0.18), 10)
    for (x0, y0), (x1, y1) in zip(trunk, trunk[1:], strict=False):
        c.line([(x0, y0), (x1, y1)], (150, 100, 60), 3.2)
    for a in (-2.6, -1.9, -1.2, -0.5, 0.2):
        tip = (0.0 + math.cos(a) * 0.2, 0.18 + math.sin(a) * 0.08 + 0.09)
        mid = (0.0 + math.cos(a) * 0.1, 0.18 + math.sin(a) * 0.06)
        c.poly([(0.0, 0.175), mid, tip, (mid[0], mid[1] + 0.025)], (70, 160, 80))
    c.line([(0.86, 0.34), (0.88, 0.64)], (120, 120, 130), 0.6)  # umbrella
    for i in range(6):
        a0, a1 = math.pi + i * math.pi / 6, math.pi + (i + 1) * math.pi / 6
        pts = [(0.86, 0.34)] + [(0.86 + 0.14 * math.cos(a), 0.36 + 0.06 * math.sin(a))
                                for a in (a0, (a0 + a1) / 2, a1)]
        c.poly(pts, (236, 80, 80) if i % 2 == 0 else WHITE)
    c.rect(0.68, 0.62, 0.86, 0.655, (90, 170, 230), r=0.6)
    c.ellipse(0.28, 0.65, 1.5, 1.1, (250, 200, 210))


_BACKGROUNDS: dict[str, Callable[[_Canvas], None]] = {
    "street": _bg_street,
    "rainy_street": _bg_rainy_street,
    "construction_site": _bg_construction_site,
    "office": _bg_office,
    "mansion": _bg_mansion,
    "park": _bg_park,
    "kitchen": _bg_kitchen,
    "restaurant": _bg_restaurant,
    "school": _bg_school,
    "hospital": _bg_hospital,
    "rooftop": _bg_rooftop,
    "bedroom": _bg_bedroom,
    "shop": _bg_shop,
    "stage": _bg_stage,
    "alley": _bg_alley,
    "beach": _bg_beach,
    # nearest drawn stand-ins until these places get backgrounds of their own
    "skyscraper": _bg_rooftop,
    "space": _bg_rooftop,
    "planet": _bg_beach,
    "stadium": _bg_park,
    "city_hall": _bg_office,
    "market": _bg_shop,
}
_FOREGROUNDS: dict[str, Callable[[_Canvas], None]] = {"rainy_street": _fg_rain}


# ---------------------------------------------------------------------------------------------
# pets


class _Pet:
    """Draws one pet standing like a person. Units ``u``: the pet is ~104 u tall, origin at its feet."""

    def __init__(self, d: ImageDraw.ImageDraw, cx: float, feet_y: float, height: float, look: PetLook,
                 app: Appearance, facing: int) -> None:
        self.d, self.cx, self.fy = d, cx, feet_y
        self.u = height / 104
        self.look, self.app, self.f = look, app, facing
        self.lw = max(1.0, self.u * 0.9)
        self.ink = INK if _luma(look.fur) > 70 else (14, 12, 18)
        self.cat = look.species == "cat"
        self.hy = -71.0  # head centre
        self.hrx, self.hry = (28.5, 23.5) if self.cat else (26.5, 23.0)
        self.pose = {"happy": "wave", "love": "wave", "determined": "fist", "shocked": "up",
                     "smug": "crossed", "tired": "droop"}.get(app.expression, "down")

    # -- primitives in pet units -------------------------------------------------------------

    def P(self, x: float, y: float) -> Point:
        return (self.cx + x * self.u * self.f, self.fy + y * self.u)

    def ell(self, x: float, y: float, rx: float, ry: float, fill: Color | None, outline: bool = True,
            width: float | None = None) -> None:
        px, py = self.P(x, y)
        self.d.ellipse((px - rx * self.u, py - ry * self.u, px + rx * self.u, py + ry * self.u), fill=fill,
                       outline=self.ink if outline else None, width=round(width * self.u if width else self.lw))

    def poly(self, pts: Sequence[Point], fill: Color, outline: bool = True) -> None:
        _polygon(self.d, [self.P(x, y) for x, y in pts], fill, self.ink if outline else None, self.lw)

    def line(self, pts: Sequence[Point], fill: Color, width: float) -> None:
        self.d.line([self.P(x, y) for x, y in pts], fill=fill, width=max(1, round(width * self.u)), joint="curve")

    def stroke(self, pts: Sequence[Point], fill: Color, width: float, outline: bool = True) -> None:
        """A thick rounded stroke with an outline (limbs, tails)."""
        w = width * self.u
        layers: list[tuple[Color, float]] = [(self.ink, w + 2 * self.lw)] if outline else []
        layers.append((fill, w))
        for col, ww in layers:
            self.d.line([self.P(x, y) for x, y in pts], fill=col, width=max(1, round(ww)), joint="curve")
            for x, y in (pts[0], pts[-1]):
                px, py = self.P(x, y)
                self.d.ellipse((px - ww / 2, py - ww / 2, px + ww / 2, py + ww / 2), fill=col)

    def arc(self, x: float, y: float, r: float, start: float, end: float, width: float = 1.4,
            ry: float | None = None) -> None:
        px, py = self.P(x, y)
        rr = (ry if ry is not None else r) * self.u
        if self.f < 0:  # mirror the angles
            start, end = 180 - end, 180 - start
        self.d.arc((px - r * self.u, py - rr, px + r * self.u, py + rr), start, end, fill=self.ink,
                   width=max(1, round(width * self.u)))

    def scallops(self, x: float, y: float, rx: float, ry: float, fill: RGB, n: int, r: float) -> None:
        """Fluffy fur: a ring of outlined bumps (drawn before the smooth shape that covers their insides)."""
        pts = [(x + rx * math.cos(2 * math.pi * i / n), y + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]
        for px, py in pts:
            self.ell(px, py, r + self.lw / self.u, r + self.lw / self.u, self.ink, outline=False)
        for px, py in pts:
            self.ell(px, py, r, r, fill, outline=False)

    # -- the pet ---------------------------------------------------------------------------

    def draw(self) -> None:
        # 1. shadow, back layers (tail, cape, hood)
        self.ell(0, 0, 27, 4.5, (0, 0, 0, 55), outline=False)
        self.tail()
        self.back_layer()
        # 2. body: legs, torso, clothes, arms
        self.legs()
        self.torso()
        self.arms()
        # 3. head: ears, skull, face, neckwear, hats, emotion marks
        self.head()
        self.face()
        self.neckwear()
        self.hat()
        self.marks()

    def tail(self) -> None:
        lk = self.look
        if self.cat:
            pts = _bezier((-10, -20), (-36, -18), (-42, -50), (-32, -62), 14)
            self.stroke(pts, lk.fur2 if lk.pattern == "points" else lk.fur, 10 if lk.fluffy else 6.5)
            if lk.pattern == "tabby":
                for p in pts[4:13:3]:
                    self.ell(p[0], p[1], 3.2, 3.2, _dark(lk.fur, 0.72), outline=False)
            return
        if lk.ears == "big" and lk.pattern == "patches":  # corgi stub
            self.stroke([(-10, -18), (-19, -24)], lk.fur, 8)
        elif lk.pattern == "mask" and lk.ears == "pointy" and lk.fur[0] > 180:  # shiba curl
            pts = [(-12, -30)] + [(-24 + 8 * math.cos(a), -40 + 8 * math.sin(a))
                                  for a in np.linspace(0.5, 2 * math.pi + 0.3, 12)]
            self.stroke(pts, lk.fur, 7)
        else:
            pts = _bezier((-10, -22), (-26, -24), (-34, -34), (-32, -50), 10)
            self.stroke(pts, lk.fur, 11 if lk.fluffy else 7.5)
            self.ell(pts[-1][0], pts[-1][1], 3.6, 3.6, lk.fur2, outline=False)

    # outfit colours
    def _outfit(self) -> dict[str, Color]:
        o, lk = self.app.outfit, self.look
        jacket = {"suit": _dark(lk.accent, 0.45), "tuxedo": (28, 28, 34), "uniform": (40, 62, 112),
                  "graduation_cap": (34, 34, 46), "hoodie": lk.accent, "rags": (150, 124, 96),
                  "hard_hat": (84, 120, 176), "dress": lk.accent, "apron": _light(lk.accent, 0.5),
                  "chef_hat": (250, 250, 246)}
        pants = {"suit": _dark(lk.accent, 0.38), "tuxedo": (24, 24, 30), "uniform": (34, 52, 96),
                 "hard_hat": (70, 100, 160), "hoodie": (70, 100, 160), "rags": (120, 96, 72),
                 "graduation_cap": (34, 34, 46), "chef_hat": (80, 80, 90)}
        out: dict[str, Color] = {}
        if o in jacket:
            out["torso"] = jacket[o]
        if o in pants:
            out["legs"] = pants[o]
        if o in ("suit", "tuxedo", "uniform", "graduation_cap"):
            out["shoes"] = (30, 28, 32)
        elif o == "hard_hat":
            out["shoes"] = (130, 84, 50)
        if o in ("suit", "tuxedo", "uniform", "graduation_cap", "hoodie", "hard_hat", "chef_hat"):
            out["sleeve"] = out["torso"]
        return out

    def back_layer(self) -> None:
        o = self.app.outfit
        if o == "crown":  # royal cape
            self.poly([(-15, -54), (15, -54), (27, -1), (-27, -1)], (180, 28, 46))
            self.line([(-8, -48), (-18, -3)], (140, 20, 36), 1.0)
            self.line([(8, -48), (18, -3)], (140, 20, 36), 1.0)
        elif o == "hoodie":
            self.ell(0, self.hy + 1, self.hrx + 4, self.hry + 4, _dark(self.look.accent, 0.82))
        elif o == "graduation_cap":
            self.poly([(-16, -52), (16, -52), (22, -4), (-22, -4)], (34, 34, 46))

    def legs(self) -> None:
        oc = self._outfit()
        lk = self.look
        leg = oc.get("legs", lk.fur)
        for s in (-1, 1):
            self.d.rounded_rectangle(
                (*self._pt_min(s * 3.5, -20, s * 14, -2), *self._pt_max(s * 3.5, -20, s * 14, -2)),
                radius=4 * self.u, fill=leg, outline=self.ink, width=round(self.lw))
            shoe = oc.get("shoes")
            foot = shoe if shoe is not None else (lk.fur2 if lk.pattern in ("patches", "points") else lk.fur)
            self.ell(s * 9.5, -2.5, 8.5, 4.8, foot)
            if shoe is not None:
                self.ell(s * 7.5, -4, 2.5, 1.2, (255, 255, 255, 120), outline=False)
            else:
                for k in (-2.5, 2.5):
                    self.line([(s * 9.5 + k, -1), (s * 9.5 + k, -3.5)], self.ink, 0.7)
            if lk.pattern == "tabby" and "legs" not in oc:
                self.line([(s * 4.5, -14), (s * 13, -14)], _dark(lk.fur, 0.72), 1.6)

    def _pt_min(self, x0: float, y0: float, x1: float, y1: float) -> Point:
        a, b = self.P(x0, y0), self.P(x1, y1)
        return (min(a[0], b[0]), min(a[1], b[1]))

    def _pt_max(self, x0: float, y0: float, x1: float, y1: float) -> Point:
        a, b = self.P(x0, y0), self.P(x1, y1)
        return (max(a[0], b[0]), max(a[1], b[1]))

    def _rrect(self, x0: float, y0: float, x1: float, y1: float, r: float, fill: Color, outline: bool = True) -> None:
        self.d.rounded_rectangle((*self._pt_min(x0, y0, x1, y1), *self._pt_max(x0, y0, x1, y1)), radius=r * self.u,
                                 fill=fill, outline=self.ink if outline else None, width=round(self.lw))

    TORSO = (0.0, -32.0, 18.5, 22.5)

    def torso(self) -> None:
        lk, o = self.look, self.app.outfit
        tx, ty, rx, ry = self.TORSO
        oc = self._outfit()
        if lk.fluffy and "torso" not in oc:
            self.scallops(tx, ty, rx - 1, ry - 1, lk.fur, 14, 4.2)
            self.ell(tx, ty, rx, ry, lk.fur, outline=False)
        else:
            self.ell(tx, ty, rx, ry, oc.get("torso", lk.fur))
        if "torso" not in oc:  # bare fur: belly patch and stripes
            if lk.fur2 != lk.fur and _luma(lk.fur2) > _luma(lk.fur) - 10:
                self.ell(0, -29, 11, 15.5, lk.fur2, outline=False)
            if lk.pattern == "tabby":
                for y in (-42, -34, -26):
                    self.line([(-18, y), (-12, y + 1.5)], _dark(lk.fur, 0.72), 1.8)
                    self.line([(18, y), (12, y + 1.5)], _dark(lk.fur, 0.72), 1.8)
            if lk.pattern == "spots":
                for x, y in ((-9, -40), (8, -22), (-5, -18), (10, -38)):
                    self.ell(x, y, 2.6, 2.2, lk.fur2, outline=False)
        getattr(self, f"_torso_{o}", lambda: None)()

    def _torso_crown(self) -> None:
        self._rrect(-19, -54, 19, -45, 4, (250, 248, 244))  # ermine collar
        for x in (-13, -5, 5, 13):
            self.ell(x, -47.5, 0.9, 1.3, (30, 30, 30), outline=False)
        self.ell(0, -38, 3, 3, GOLD)

    def _torso_rags(self) -> None:
        tx, ty, rx, ry = self.TORSO
        col = self._outfit()["torso"]
        hem = [(x, -12 + (3.5 if i % 2 else 0)) for i, x in enumerate(np.linspace(-16, 16, 9))]
        self.poly([(-17, -14)] + hem + [(17, -14)], col, outline=True)
        self.ell(tx, ty - 1, rx, ry - 1, col, outline=False)
        self.poly([(-9, -44), (0, -46), (-1, -36), (-10, -37)], (118, 138, 170))
        self.poly([(4, -26), (12, -27), (12, -19), (5, -19)], (196, 156, 100))
        for x0, y0, x1, y1 in ((-9, -44, 0, -46), (-10, -37, -1, -36), (4, -26, 12, -27)):
            for k in range(4):
                t = (k + 0.5) / 4
                x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
                self.line([(x, y - 1), (x, y + 1)], self.ink, 0.45)
        self.poly([(6, -44), (9, -42), (7, -39), (5, -41)], (70, 50, 40), outline=False)
        self.poly([(-8, -22), (-5, -20), (-7, -17)], (70, 50, 40), outline=False)

    def _torso_hard_hat(self) -> None:
        tx, ty, rx, ry = self.TORSO
        vest = (255, 140, 30) if self.look.accent[0] > 150 else (196, 236, 40)
        self.ell(tx, ty, rx, ry, vest)
        self.poly([(-6, -54), (6, -54), (0, -40)], self._outfit()["torso"], outline=True)
        for y0 in (-33, -24):
            self.poly(_band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 3.4), (226, 232, 236))

    def _torso_suit(self) -> None:
        jacket = self._outfit()["torso"]
        self.poly([(-7, -54), (7, -54), (0, -30)], WHITE)
        self.poly([(-7, -54), (0, -30), (-9, -40)], _dark(jacket, 0.8))
        self.poly([(7, -54), (0, -30), (9, -40)], _dark(jacket, 0.8))
        self.poly([(-1.6, -50), (1.6, -50), (2.6, -37), (0, -33.5), (-2.6, -37)], (196, 40, 56))
        self.line([(0, -30), (0, -11)], _dark(jacket, 0.6), 0.6)
        for y in (-26, -19):
            self.ell(2.2, y, 1.1, 1.1, _dark(jacket, 0.6), outline=False)
        self.poly([(-13, -43), (-8, -43), (-10.5, -40)], WHITE, outline=False)

    def _torso_tuxedo(self) -> None:
        self.poly([(-8, -54), (8, -54), (0, -24)], WHITE)
        self.poly([(-8, -54), (0, -24), (-10, -38)], (52, 52, 62))
        self.poly([(8, -54), (0, -24), (10, -38)], (52, 52, 62))
        for y in (-44, -38, -32):
            self.ell(0, y, 0.9, 0.9, (30, 30, 36), outline=False)
        self.ell(-12, -42, 2.2, 2.2, (220, 40, 60))

    def _torso_dress(self) -> None:
        col = self.look.accent
        self.poly([(-13, -28), (13, -28), (25, -6), (-25, -6)], col)
        for i in range(9):
            self.ell(-22 + i * 5.5, -6, 3, 2.2, col, outline=False)
        self.line([(-25, -6), (25, -6)], _light(col, 0.35), 1.0)
        self.poly([(0, -28), (-7, -32), (-7, -24)], _light(col, 0.35))
        self.poly([(0, -28), (7, -32), (7, -24)], _light(col, 0.35))
        self.ell(0, -28, 1.8, 1.8, _light(col, 0.2))
        for i in range(7):
            a = math.pi * (0.2 + 0.6 * i / 6)
            self.ell(11 * math.cos(a), -50 + 4 * math.sin(a), 1.1, 1.1, WHITE, outline=False)

    def _torso_apron(self) -> None:
        self._rrect(-10.5, -48, 10.5, -28, 3, (250, 250, 244))
        self._rrect(-15, -31, 15, -8, 4, (250, 250, 244))
        self.line([(-7, -48), (-10, -53)], self.ink, 0.6)
        self.line([(7, -48), (10, -53)], self.ink, 0.6)
        self._rrect(-5, -23, 5, -15, 1.5, _light(self.look.accent, 0.6))
        self.line([(-18, -30), (18, -30)], self.look.accent, 1.2)

    def _torso_chef_hat(self) -> None:
        for x in (-4, 4):
            for y in (-42, -34, -26):
                self.ell(x, y, 1.3, 1.3, (200, 200, 200))
        self.poly([(-7, -52), (7, -52), (0, -44)], (220, 50, 60))

    def _torso_uniform(self) -> None:
        for y in (-44, -36, -28):
            self.ell(0, y, 1.1, 1.1, GOLD, outline=False)
        self.poly(_star_pts(-8, -41, 3.4), GOLD)
        self._rrect(4, -44, 12, -38, 1, _light((40, 62, 112), 0.15))
        self._rrect(-18, -17, 18, -13, 1, (30, 30, 36), outline=False)
        self._rrect(-3, -17.5, 3, -12.5, 0.8, GOLD)
        for s in (-1, 1):
            self._rrect(s * 10, -54, s * 17, -50, 1, GOLD)

    def _torso_graduation_cap(self) -> None:
        self.poly([(-8, -54), (8, -54), (0, -42)], WHITE)

    def _torso_hoodie(self) -> None:
        col = self.look.accent
        self._rrect(-10, -27, 10, -16, 3, _dark(col, 0.88))
        for s in (-1, 1):
            self.line([(s * 4, -52), (s * 4.5, -40)], WHITE, 0.8)
            self.ell(s * 4.5, -39.5, 1.2, 1.2, WHITE, outline=False)

    def arms(self) -> None:
        lk = self.look
        oc = self._outfit()
        sleeve = oc.get("sleeve")
        if self.app.outfit == "dress":
            for s in (-1, 1):
                self.ell(s * 15, -49, 5.5, 4.5, lk.accent)
        for s in (-1, 1):
            pts = self._arm_pts(s)
            if sleeve is not None:
                cut = max(2, int(len(pts) * 0.75))
                self.stroke(pts, lk.fur, 7.5)
                self.stroke(pts[:cut], sleeve, 8.5)
            else:
                self.stroke(pts, lk.fur, 7.5)
                if self.app.outfit == "rags":
                    self.stroke(pts[:2], oc["torso"], 8.5)
            hx, hy = pts[-1]
            paw = lk.fur2 if lk.pattern == "points" or lk.pattern in ("patches", "mask") and _luma(lk.fur2) > 150 \
                else lk.fur
            self.ell(hx, hy, 5, 5, paw)
            if self.app.outfit == "graduation_cap" and s == 1:
                self._rrect(hx - 2.5, hy - 9, hx + 2.5, hy + 9, 2, (250, 246, 230))
                self.line([(hx - 2.8, hy), (hx + 2.8, hy)], (200, 40, 50), 1.2)
                self.ell(hx, hy, 5, 5, paw)

    def _arm_pts(self, s: int) -> list[Point]:
        sh = (s * 14.5, -47.0)
        pose = self.pose
        if pose == "wave" and s == 1:
            return [sh, (27, -47), (31, -63)]
        if pose == "fist" and s == 1:
            return [sh, (27, -44), (27, -60)]
        if pose == "up":
            return [sh, (s * 27, -46), (s * 30, -58)]
        if pose == "crossed":
            return [sh, (s * 20, -34), (-s * 6, -36 + s * 2)]
        if pose == "droop":
            return [sh, (s * 20, -34), (s * 21, -20)]
        return [sh, (s * 21, -36), (s * 23, -24)]

    def head(self) -> None:
        lk = self.look
        inner_col = lk.fur2 if lk.pattern == "points" else PINK if _luma(lk.fur) > 70 else (200, 110, 130)
        # 1. upright ears behind the head: sharp for cats, rounder and wider-set for dogs
        if self.cat:
            for s in (-1, 1):
                self.poly(_round_tri((s * 27, -80), (s * 22, -104), (s * 7, -93), 0.12),
                          lk.fur2 if lk.pattern == "points" else lk.fur)
                self.poly(_round_tri((s * 23, -84), (s * 20.5, -99), (s * 12, -92), 0.15), inner_col, outline=False)
        elif lk.ears in ("pointy", "big"):
            big = lk.ears == "big"
            for s in (-1, 1):
                tip = (s * (31 if big else 29), -112 if big else -101)
                self.poly(_round_tri((s * 26, -76), tip, (s * 8, -91), 0.28), lk.fur)
                inner = _round_tri((s * 23.5, -80), (s * (28 if big else 26.5), -106 if big else -97), (s * 13, -90),
                                   0.3)
                self.poly(inner, inner_col, outline=False)
        # 2. skull (fluffy pets get a scalloped outline, cats a cheek ruff)
        x, y, rx, ry = 0.0, self.hy, self.hrx, self.hry
        if lk.fluffy and self.cat:
            self.scallops(x, y + 1, rx - 0.5, ry - 1, lk.fur, 18, 4.2)
            self.scallops(x, y + 10, rx + 1.5, 9, lk.fur, 8, 4.5)
            self.ell(x, y, rx, ry, lk.fur, outline=False)
        elif lk.fluffy:
            self.scallops(x, y + 11, rx - 2, 9, lk.fur, 9, 4.0)
            self.ell(x, y, rx, ry, lk.fur, outline=False)
            self.d.arc((*self._pt_min(-rx, y - ry, rx, y + ry), *self._pt_max(-rx, y - ry, rx, y + ry)), 160, 380,
                       fill=self.ink, width=round(self.lw))
        else:
            self.ell(x, y, rx, ry, lk.fur)
        # 3. markings
        stripe = _dark(lk.fur, 0.7)
        if lk.pattern == "tabby":
            for dx, top in ((-6, -91), (0, -93.5), (6, -91)):
                self.line([(dx, top), (dx * 0.7, top + 7)], stripe, 2.0)
            for s in (-1, 1):
                self.line([(s * 27.5, -73), (s * 21, -72)], stripe, 1.8)
                self.line([(s * 27, -67), (s * 21.5, -67)], stripe, 1.8)
        elif lk.pattern == "mask":
            self.poly(_band_pts(0, y, rx - 0.8, ry - 0.8, y + 2, y + ry), lk.fur2, outline=False)
            for s in (-1, 1):
                self.ell(s * 9, -85, 3, 2, lk.fur2, outline=False)
        elif lk.pattern == "points":
            self.ell(0, -67, 14, 11, _mix(lk.fur2, lk.fur, 0.25), outline=False)
        elif lk.pattern == "patches":
            self.poly([(-2.5, -93.5), (2.5, -93.5), (5, -76), (-5, -76)], lk.fur2, outline=False)
            if self.cat:
                self.ell(-14, -82, 8, 6, _dark(lk.fur2, 0.9), outline=False)
        elif lk.pattern == "spots":
            for px, py in ((-14, -84), (13, -80), (-4, -90)):
                self.ell(px, py, 2.5, 2, lk.fur2, outline=False)
        # 4. dogs: a big snout and floppy ears hanging over the head's sides
        if not self.cat:
            light_fur2 = _luma(lk.fur2) > _luma(lk.fur) - 20
            muzzle = lk.fur2 if lk.pattern == "mask" or light_fur2 else _light(lk.fur, 0.3)
            self.ell(0, -60.5, 14.5, 10.5, muzzle)
            if lk.ears == "floppy":
                ear = _dark(lk.fur, 0.8) if lk.pattern != "spots" else lk.fur2
                for s in (-1, 1):
                    self.poly(_ellipse_pts(s * 26, -75, 8, 16, rot=s * 0.3, n=24), ear)
                    if lk.fluffy:  # feathered ear tips
                        for k in (-2.5, 0.0, 2.5):
                            self.line([(s * (29 + k), -62 + abs(k) * 0.4), (s * (30 + k), -58 + abs(k) * 0.4)],
                                      ear, 1.8)

    def face(self) -> None:
        e = self.app.expression
        ey = -74.0 if self.cat else -75.0
        ex = 11.5 if self.cat else 10.5
        blush = (255, 120, 150, 150 if e in ("love", "happy", "shocked") else 90)
        for s in (-1, 1):
            self.ell(s * 18, -64, 4.5, 2.6, blush, outline=False)
        if self.app.outfit != "sunglasses" or e in ("love",):
            for s in (-1, 1):
                self.eye(s, s * ex, ey, e)
        self.brows(ex, ey, e)
        # nose and mouth
        if self.cat:
            self.poly([(-2.8, -66.5), (2.8, -66.5), (0, -63.8)], (236, 120, 140))
            my = -63.0
        else:
            self.ell(0, -65.5, 5.4, 3.8, (36, 30, 34))
            self.ell(-1.6, -66.8, 1.5, 0.9, (255, 255, 255, 170), outline=False)
            my = -61.0
        self.mouth(my, e)
        if self.cat:
            for s in (-1, 1):
                for dy, ang in ((-2.5, -3), (0, 0), (2.5, 3)):
                    self.line([(s * 15, -64 + dy * 0.5), (s * 34, -64 + dy + ang)], self.ink, 0.5)

    def eye(self, s: int, x: float, y: float, e: str) -> None:
        lk = self.look
        dark = (32, 24, 28)
        if e in ("happy", "crying"):
            if e == "happy":
                self.line([(x - 5, y + 1.5), (x - 2.5, y - 2), (x + 2.5, y - 2), (x + 5, y + 1.5)], self.ink, 1.6)
            else:
                self.line([(x - 4.5 * s, y - 3), (x + 3 * s, y), (x - 4.5 * s, y + 3)], self.ink, 1.5)
                self.poly([(x - 3, y + 2), (x + 3, y + 2), (x + 2.5, y + 22), (x - 2.5, y + 22)], (120, 190, 255, 200),
                          outline=False)
                self.ell(x + s * 5, y + 25, 1.8, 2.4, (120, 190, 255, 220), outline=False)
            return
        if e == "love":
            self.poly(_heart_pts(x, y, 7), (236, 60, 92))
            self.ell(x - 2, y - 2.5, 1.4, 1.4, WHITE, outline=False)
            return
        if e == "shocked":
            self.ell(x, y, 6.8, 8, WHITE)
            self.ell(x, y, 2.1, 2.1, dark, outline=False)
            return
        if self.cat or lk.pattern == "mask" and lk.eyes[2] > 150:
            self.ell(x, y, 6.2, 7.4, lk.eyes)
            self.ell(x, y + 0.5, 3.6 if e != "angry" else 2.6, 5.6, dark, outline=False)
        else:
            self.ell(x, y, 5.4, 6.4, dark)
        self.ell(x + 2.2, y - 2.8, 2.1, 2.1, WHITE, outline=False)
        self.ell(x - 2, y + 2.6, 1.0, 1.0, WHITE, outline=False)
        if e in ("sad",):
            self.arc(x, y + 1, 4.5, 20, 160, 0.9)
            self.ell(x, y + 4.6, 3.2, 1.3, (150, 210, 255, 200), outline=False)
        fur = lk.fur
        if e in ("smug", "tired"):
            cover = 0.35 if e == "smug" else 0.1
            self.poly(_band_pts(x, y, 7.6, 8.8, y - 9, y + 8.8 * (cover - 0.5) * 2 * 0.5), fur, outline=False)
            self.line([(x - 6.6, y - 8.8 * (0.5 - cover)), (x + 6.6, y - 8.8 * (0.5 - cover))], self.ink, 1.3)
            if e == "tired":
                self.arc(x, y + 6.5, 4.5, 20, 160, 0.6)
        if e in ("angry", "determined"):
            inner = 4 if e == "angry" else 2
            self.poly([(x - 8, y - 10), (x + 8, y - 10), (x + 8, y - 6 + (inner if s < 0 else -inner) * 0.5 - 1),
                       (x - 8, y - 6 + (-inner if s < 0 else inner) * 0.5 - 1)], fur, outline=False)
        if e == "determined":
            self.poly(_star_pts(x + 2.4, y - 2.6, 2.6), WHITE, outline=False)

    def brows(self, ex: float, ey: float, e: str) -> None:
        by = ey - 10
        for s in (-1, 1):
            inner, outer = s * (ex - 5), s * (ex + 5)
            if e in ("angry", "determined"):
                d = 4.5 if e == "angry" else 2.8
                self.line([(outer, by - d / 2), (inner, by + d / 2 + 0.5)], self.ink, 1.8 if e == "angry" else 1.5)
            elif e in ("sad", "crying", "tired"):
                self.line([(outer, by + 2), (inner, by - 1.5)], self.ink, 1.2)
            elif e == "smug" and s == 1:
                self.line([(outer, by - 1), (inner, by - 3)], self.ink, 1.2)
            elif e == "shocked":
                self.arc(s * ex, by - 2.5, 5, 200, 340, 1.1)

    def mouth(self, my: float, e: str) -> None:
        ink = self.ink
        if e in ("happy", "love"):
            px, py = self.P(0, my - 1)
            r = 5.2 * self.u
            self.d.pieslice((px - r, py - r, px + r, py + r), 0, 180, fill=(120, 36, 52), outline=ink,
                            width=round(self.lw))
            self.ell(0, my + 2.6, 2.8, 1.6, (240, 110, 130), outline=False)
            if not self.cat:
                self._rrect(-3, my + 1, 3, my + 10, 3, (240, 110, 130))
                self.line([(0, my + 3), (0, my + 7)], _dark((240, 110, 130), 0.8), 0.5)
            return
        if e == "shocked":
            self.ell(0, my + 4, 3.8, 4.8, (120, 36, 52))
            self.ell(0, my + 6.5, 2.2, 1.4, (240, 110, 130), outline=False)
            return
        if e == "crying":
            self.poly([(-6, my + 1.5), (6, my + 1.5), (4, my + 7), (-4, my + 7)], (120, 36, 52))
            self.ell(0, my + 6, 2.4, 1.2, (240, 110, 130), outline=False)
            return
        self.line([(0, my - 1), (0, my + 0.5)], ink, 0.8)
        if e in ("sad", "tired"):
            self.arc(0, my + 5, 4.2, 205, 335, 1.1)
        elif e == "angry":
            self._rrect(-4.5, my + 0.5, 4.5, my + 5, 1.5, WHITE)
            self.line([(-4.5, my + 2.7), (4.5, my + 2.7)], ink, 0.5)
        elif e == "smug":
            self.line([(-4, my + 1.5), (0, my + 2), (4, my + 1), (6.5, my - 1.5)], ink, 1.1)
        elif e == "determined":
            self.line([(-4.5, my + 2), (0, my + 3), (4.5, my + 2)], ink, 1.1)
        else:  # neutral "w"
            r = 3.0 if self.cat else 3.4
            self.arc(-r, my + 0.2, r, 0, 180, 1.0, ry=r * 0.8)
            self.arc(r, my + 0.2, r, 0, 180, 1.0, ry=r * 0.8)

    def neckwear(self) -> None:
        o = self.app.outfit
        if o == "tuxedo":
            self.poly([(0, -47), (-7, -50.5), (-7, -43.5)], (24, 24, 30))
            self.poly([(0, -47), (7, -50.5), (7, -43.5)], (24, 24, 30))
            self.ell(0, -47, 1.8, 1.8, (24, 24, 30))
        elif o == "scarf":
            col = self.look.accent
            self._rrect(-17, -51, 17, -44, 3.5, col)
            self._rrect(7, -48, 14, -27, 2.5, col)
            for y in (-43, -37, -31):
                self.line([(7.5, y), (13.5, y)], _light(col, 0.5), 1.3)
            for x in (8.5, 10.5, 12.5):
                self.line([(x, -27), (x, -24.5)], col, 0.8)
            for x in (-11, -3, 5):
                self.line([(x, -50), (x, -45)], _light(col, 0.5), 1.3)
        elif o == "sunglasses":
            for i in range(9):
                a = math.pi * (0.15 + 0.7 * i / 8)
                self.ell(12 * math.cos(a), -50 + 7 * math.sin(a), 1.4, 1.4, GOLD, outline=False)
            self.ell(0, -42, 2.6, 2.6, GOLD)
        elif o == "none":
            col = (214, 52, 58) if not self.cat else (70, 150, 230)
            self.poly(_band_pts(0, -32, 18, 22.5, -50, -46), col)
            if self.cat:
                self.ell(0, -44, 2.6, 2.6, GOLD)
                self.line([(-1.6, -43.6), (1.6, -43.6)], self.ink, 0.4)
            else:
                self.ell(0, -44, 2.4, 2.6, (230, 230, 236))

    def hat(self) -> None:
        o, hy, ry = self.app.outfit, self.hy, self.hry
        top = hy - ry
        if o == "hard_hat":
            px, py = self.P(0, top + 9)
            rx, r = 22 * self.u, 14 * self.u
            self.d.pieslice((px - rx, py - r, px + rx, py + r), 180, 360, fill=(250, 204, 40), outline=self.ink,
                            width=round(self.lw))
            self._rrect(-27, top + 7, 27, top + 11, 2, (250, 204, 40))
            self._rrect(-3, top - 5, 3, top + 8, 1.5, (255, 222, 90))
        elif o == "chef_hat":
            for x, y, r in ((-10, top - 12, 8), (10, top - 12, 8), (0, top - 16, 9.5)):
                self.ell(x, y, r, r, (252, 252, 250))
            self._rrect(-15, top - 10, 15, top + 3, 2, (252, 252, 250))
            self.line([(-6, top - 6), (-6, top + 1)], (210, 210, 215), 0.6)
            self.line([(6, top - 6), (6, top + 1)], (210, 210, 215), 0.6)
        elif o == "crown":
            base = top + 5
            pts = [(-14, base), (-16, base - 15), (-8, base - 8), (0, base - 18), (8, base - 8), (16, base - 15),
                   (14, base)]
            self.poly(pts, GOLD)
            self._rrect(-15, base - 5, 15, base + 1, 1, _dark(GOLD, 0.9))
            for x, c in ((-8, (220, 40, 60)), (0, (60, 130, 230)), (8, (220, 40, 60))):
                self.ell(x, base - 2, 1.7, 1.7, c, outline=False)
            for x, y in ((-16, base - 15), (0, base - 18), (16, base - 15)):
                self.ell(x, y, 1.8, 1.8, WHITE)
        elif o == "sunglasses":
            ey = -74.0 if self.cat else -75.0
            for s in (-1, 1):
                self._rrect(s * 11 - 8.5, ey - 5.5, s * 11 + 8.5, ey + 5, 3.5, (26, 26, 36))
                self.line([(s * 11 - 5, ey - 2.5), (s * 11 - 1, ey - 5 + 0.5)], (255, 255, 255, 200), 0.9)
            self.line([(-3, ey - 2), (3, ey - 2)], self.ink, 1.4)
        elif o == "uniform":
            col = (40, 62, 112)
            self._rrect(-19, top - 8, 19, top + 6, 3, col)
            self._rrect(-22, top - 12, 22, top - 4, 3, _light(col, 0.12))
            self.ell(0, top - 1, 3, 3, GOLD)
            px, py = self.P(0, top + 6)
            self.d.pieslice((px - 19 * self.u, py - 4 * self.u, px + 19 * self.u, py + 4 * self.u), 0, 180,
                            fill=(24, 24, 30), outline=self.ink, width=round(self.lw))
        elif o == "graduation_cap":
            self._rrect(-15, top - 4, 15, top + 6, 2, (34, 34, 46))
            self.poly([(-28, top - 4), (0, top - 12), (28, top - 4), (0, top + 3)], (40, 40, 54))
            self.ell(0, top - 4, 1.4, 1.4, GOLD, outline=False)
            self.line([(0, top - 4), (18, top - 1), (20, top + 12)], GOLD, 0.8)
            self._rrect(18.5, top + 10, 21.5, top + 17, 1, GOLD)

    def marks(self) -> None:
        e, hy, ry = self.app.expression, self.hy, self.hry
        if e == "angry":
            x, y = 21.0, hy - ry + 4
            for q in range(4):
                ang = math.radians(q * 90 + 45)
                self.line([(x + 1.2 * math.cos(ang), y + 1.2 * math.sin(ang)),
                           (x + 5 * math.cos(ang), y + 5 * math.sin(ang))], (228, 40, 52), 1.6)
        elif e == "shocked":
            for s in (-1, 1):
                for k in (-1, 0, 1):
                    a = math.radians(-90 + s * (42 + k * 14))
                    r0, r1 = 33.0, 40.0
                    self.line([(r0 * math.cos(a), hy + r0 * math.sin(a) * 0.85),
                               (r1 * math.cos(a), hy + r1 * math.sin(a) * 0.85)], self.ink, 1.2)
            self.poly([(27, hy - 8), (25, hy - 2), (27, hy + 1), (29, hy - 2)], (150, 210, 255))
        elif e == "love":
            for x, y, r in ((-24, hy - 30, 4.5), (22, hy - 34, 3.5), (30, hy - 22, 2.8)):
                self.poly(_heart_pts(x, y, r), (240, 80, 110))
        elif e == "tired":
            self.poly([(26, hy - 10), (24, hy - 4), (26, hy - 1), (28, hy - 4)], (150, 210, 255))
            for x, y, r in ((22, hy - 30, 3), (28, hy - 38, 4)):
                self.line([(x - r, y - r), (x + r, y - r), (x - r, y + r), (x + r, y + r)], self.ink, 0.9)
        elif e == "determined":
            for x, y in ((-27, hy - 22), (28, hy - 26)):
                self.poly(_star_pts(x, y, 4, 0.35, 4), (255, 226, 90))


# ---------------------------------------------------------------------------------------------
# layout and mood grading


@dataclass(frozen=True)
class _Slot:
    x: float  # centre, fraction of visible width
    feet: float  # fraction of visible height
    height: float  # fraction of visible height


def layout(n: int) -> list[_Slot]:
    """Where the scene's 1-3 characters stand; the first (the hero) is the largest and nearest."""
    if n <= 1:
        return [_Slot(0.5, GROUND, 0.46)]
    if n == 2:
        return [_Slot(0.3, GROUND, 0.39), _Slot(0.71, BACK_GROUND, 0.34)]
    return [_Slot(0.5, GROUND, 0.35), _Slot(0.2, BACK_GROUND, 0.29), _Slot(0.8, BACK_GROUND, 0.29)]


@dataclass(frozen=True)
class _Grade:
    tint: RGB
    amount: float
    saturation: float
    brightness: float
    contrast: float
    vignette: float


_GRADES: dict[str, _Grade] = {
    "sad": _Grade((80, 105, 150), 0.2, 0.62, 0.94, 0.95, 0.45),
    "tense": _Grade((50, 44, 70), 0.16, 0.85, 0.84, 1.08, 0.6),
    "happy": _Grade((255, 236, 190), 0.08, 1.14, 1.05, 1.0, 0.2),
    "triumphant": _Grade((255, 196, 90), 0.16, 1.12, 1.04, 1.06, 0.3),
    "funny": _Grade((255, 240, 200), 0.05, 1.18, 1.05, 1.0, 0.15),
    "calm": _Grade((200, 230, 220), 0.06, 1.0, 1.0, 1.0, 0.25),
    "dramatic": _Grade((120, 56, 90), 0.12, 0.95, 0.9, 1.14, 0.55),
    "romantic": _Grade((255, 160, 190), 0.14, 1.05, 1.03, 0.98, 0.3),
}


def _shade_mask(size: tuple[int, int], vignette: float) -> Image.Image:
    """L mask: 255 keeps the pixel, lower darkens (radial vignette plus a soft fade under the captions)."""
    w, h = size
    ys = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
    r2 = xs * xs * 0.8 + ys * ys * 0.6
    keep = 1.0 - vignette * np.clip(r2 - 0.25, 0.0, None) * 0.55
    fade_start = 1 - 2 * CAPTION_BAND * 0.8
    keep = keep * (1.0 - 0.22 * np.clip((ys - fade_start) / (1 - fade_start), 0.0, 1.0))
    return Image.fromarray(np.clip(keep * 255, 0, 255).astype(np.uint8), "L")


def _grade(img: Image.Image, mood: str, masks: dict[tuple[tuple[int, int], float], Image.Image]) -> Image.Image:
    g = _GRADES.get(mood, _GRADES["calm"])
    out = Image.blend(img, Image.new("RGB", img.size, g.tint), g.amount)
    if g.saturation != 1.0:
        out = ImageEnhance.Color(out).enhance(g.saturation)
    if g.contrast != 1.0:
        out = ImageEnhance.Contrast(out).enhance(g.contrast)
    if g.brightness != 1.0:
        out = ImageEnhance.Brightness(out).enhance(g.brightness)
    key = (img.size, g.vignette)
    if key not in masks:
        masks[key] = _shade_mask(img.size, g.vignette)
    return Image.composite(out, Image.new("RGB", img.size, (10, 8, 16)), masks[key])


# ---------------------------------------------------------------------------------------------
# the painter


class StoryboardPainter:
    """``KeyframePainter`` drawing flat cartoon storyboards with Pillow (CPU, no models)."""

    def paint(self, script: Script, spec: RenderSpec, progress: ProgressFn, should_cancel: CancelFn) -> list[Image.Image]:
        # 1. geometry and each character's look (seeded by the spec seed and the character's position)
        ow, oh = overscan_size(spec)
        size = (ow * SUPERSAMPLE, oh * SUPERSAMPLE)
        vis = (spec.width * SUPERSAMPLE, spec.height * SUPERSAMPLE)
        looks = {c.id: resolve_look(c, random.Random(f"{spec.seed}:look:{i}")) for i, c in enumerate(script.characters)}
        backgrounds: dict[str, Image.Image] = {}
        masks: dict[tuple[tuple[int, int], float], Image.Image] = {}
        frames: list[Image.Image] = []
        n = len(script.scenes)
        for i, scene in enumerate(script.scenes):
            if should_cancel():
                raise Cancelled(f"cancelled before keyframe {i + 1}/{n}")
            rng = random.Random(f"{spec.seed}:scene:{i}")
            # 2. background for the location (kept only while a later scene still needs it)
            if scene.location not in backgrounds:
                bg = Image.new("RGB", size, (128, 128, 128))
                _BACKGROUNDS[scene.location](_Canvas(bg, *vis, random.Random(f"{spec.seed}:bg:{scene.location}")))
                backgrounds[scene.location] = bg
            if any(later.location == scene.location for later in script.scenes[i + 1:]):
                img = backgrounds[scene.location].copy()
            else:
                img = backgrounds.pop(scene.location)
            canvas = _Canvas(img, *vis, rng)
            # 3. characters, back row first so the hero stands in front
            slots = layout(len(scene.characters))
            order = sorted(range(len(scene.characters)), key=lambda k: slots[k].feet)
            for k in order:
                app, slot = scene.characters[k], slots[k]
                jitter = rng.uniform(-0.015, 0.015)
                facing = 1 if slot.x <= 0.5 else -1
                _Pet(canvas.d, canvas.X(slot.x + jitter), canvas.Y(slot.feet), canvas.vh * slot.height,
                     looks[app.id], app, facing).draw()
            fg = _FOREGROUNDS.get(scene.location)
            if fg is not None:
                fg(canvas)
            # 4. downsample (anti-aliasing) and grade for the mood
            small = img.resize((ow, oh), Image.Resampling.LANCZOS)
            frames.append(_grade(small, scene.mood, masks))
            progress("keyframes", (i + 1) / n)
        return frames

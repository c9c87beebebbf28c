"""Moving layers composited onto camera-sampled I420 frames: characters and falling weather.

``SpriteLayer`` holds a ``Sprite``'s variants (at rest, eyes shut, mouth open) converted once to
premultiplied Y/U/V planes with their alpha (uint8). ``SpriteLayer.place`` gives a variant at a
``Pose`` (shifted, stretched about its feet) as planes to paste at an even keyframe spot: the pose
is rounded to ``POSE_STEP`` keyframe pixels and the picture for that sub-pixel offset and height is
resampled once (``render.warp``'s bilinear lookup at scale 1) and kept, so a pose met again is a
paste. ``SpriteStage`` is the scene's background at keyframe size with the sprites pasted where they
are now (the boxes they left put back first); the camera then samples that one picture per frame,
so the sprites move with it at its sub-pixel precision and cost no lookup of their own.

``WeatherLayer`` is a pre-drawn field of rain streaks or snowflakes kept as sparse pixel lists
(two depths, each falling at its own speed); a frame scrolls and wraps those positions and blends
only the pixels a particle covers. A storm adds lightning: the picture brightens for two frames
now and then.
"""

from __future__ import annotations

import math
import random
from collections import OrderedDict
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from render.motion import Pose, scroll
from render.stages import Sprite
from render.warp import chroma_map, luma_map, under, warped
from render.yuv import Layer, Plane, planes, rgb_to_yuv_full

POSE_STEP = 0.5  # keyframe pixels: a sprite's placement and stretched height are rounded to this
PLACED_KEPT = 32  # resampled pictures kept per sprite (a breath and a bob come round in 3.2 s)


def placement(box: tuple[float, float, float, float], pose: Pose) -> tuple[float, float, float]:
    """Left, top and height in keyframe pixels of a sprite at rest in ``box`` (x, y, w, h) drawn at
    ``pose`` (stretched about its feet), each rounded to ``POSE_STEP``."""
    x, y, _, h = box
    q = POSE_STEP
    return (round((x + pose.dx) / q) * q, round((y + pose.dy + h - h * pose.sy) / q) * q,
            max(q, round(h * pose.sy / q) * q))


@dataclass(frozen=True)
class _Variant:
    """A sprite picture as premultiplied planes (``value * alpha / 255``) and their transparency
    (``255 - alpha``, which warps with 255 outside the sprite: no inversion per frame), uint8: luma
    at the sprite's pixels, chroma at half resolution (2x2 means, centre-sited)."""

    y: np.ndarray  # (h, w)
    keep: np.ndarray  # (h, w): 255 - alpha
    u: np.ndarray  # (h/2, w/2)
    v: np.ndarray
    ckeep: np.ndarray  # (h/2, w/2): 255 - chroma alpha


def _mean2(p: np.ndarray) -> np.ndarray:
    return (p[0::2, 0::2] + p[1::2, 0::2] + p[0::2, 1::2] + p[1::2, 1::2]) / 4


def _u8(x: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


class SpriteLayer:
    """A sprite ready to composite: its variants converted once to premultiplied Y/U/V planes."""

    def __init__(self, sprite: Sprite) -> None:
        self.sprite = sprite
        h, w = sprite.rgba.shape[:2]
        self.w, self.h = float(w), float(h)
        self.rest = self._convert(sprite.rgba)
        self.blink = self._convert(sprite.blink) if sprite.blink is not None else None
        self.talk = self._convert(sprite.talk) if sprite.talk is not None else None
        self._placed: OrderedDict[tuple[int, float, float, float], _Placed] = OrderedDict()

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.sprite.x, self.sprite.y, self.w, self.h

    @staticmethod
    def _convert(rgba: np.ndarray) -> _Variant:
        h, w = rgba.shape[:2]
        # even sides for the chroma grid (transparent where padded)
        pad = np.zeros((h + (h & 1), w + (w & 1), 4), np.uint8)
        pad[:h, :w] = rgba[..., :4]
        fy, fu, fv = rgb_to_yuv_full(pad)
        a = pad[..., 3].astype(np.float32)
        am = _mean2(a)
        return _Variant(_u8(fy * a / 255), 255 - pad[..., 3], _u8(_mean2(fu * a) / 255),
                        _u8(_mean2(fv * a) / 255), 255 - _u8(am))

    def variant(self, blinking: bool, talking: bool) -> _Variant:
        if talking and self.talk is not None:
            return self.talk
        if blinking and self.blink is not None:
            return self.blink
        return self.rest

    def place(self, pose: Pose, variant: _Variant) -> tuple[int, int, _Placed]:
        """``variant`` at ``pose`` as planes to paste at an even keyframe spot (returned with them).

        The sprite's left, top and stretched height are rounded to ``POSE_STEP`` keyframe pixels; the
        picture for that sub-pixel offset and height is resampled once (the same bilinear lookup as
        the camera's, at scale 1) and kept, so a pose met again (a breath, a bob, a blink come round)
        is a paste, not a warp."""
        left, top, height = placement(self.box, pose)
        x0, y0 = math.floor(left) & ~1, math.floor(top) & ~1
        key = (id(variant), left - x0, top - y0, height)
        placed = self._placed.get(key)
        if placed is None:
            placed = self._resample(variant, left - x0, top - y0, height)
            self._placed[key] = placed
            if len(self._placed) > PLACED_KEPT:
                del self._placed[next(iter(self._placed))]
        else:
            self._placed.move_to_end(key)
        return x0, y0, placed

    def _resample(self, variant: _Variant, fx: float, fy: float, height: float) -> _Placed:
        stretch = height / self.h
        # columns and rows whose centre lies within a sprite pixel of its edges (the bilinear support)
        bw, bh = math.ceil(fx + self.w) + 1, math.ceil(fy + height) + 1
        bw, bh = bw + (bw & 1), bh + (bh & 1)
        rect = (0.0, 0.0, float(bw), float(bh))
        m = luma_map(rect, bw, bh, fx, fy, stretch)
        y, keep = warped(variant.y, m, bw, bh), warped(variant.keep, m, bw, bh, 255)
        m = chroma_map(rect, bw, bh, fx, fy, stretch)
        cw, ch = bw // 2, bh // 2
        return _Placed(y, keep, warped(variant.u, m, cw, ch), warped(variant.v, m, cw, ch),
                       warped(variant.ckeep, m, cw, ch, 255))


@dataclass(frozen=True)
class _Placed:
    """A sprite variant resampled at one sub-pixel offset and height: premultiplied planes and their
    transparency (255 outside the picture), even sides, pasted at an even keyframe spot."""

    y: np.ndarray
    keep: np.ndarray
    u: np.ndarray
    v: np.ndarray
    ckeep: np.ndarray


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in keyframe luma pixels, even


class SpriteStage:
    """A scene's background planes (I420 at keyframe size) with its sprites pasted where they are
    at the moment; the camera then samples this one picture. Each ``paste`` first puts the
    background back where the sprites were the time before, so a frame costs the sprites' boxes,
    never a copy of the whole background."""

    def __init__(self, y: np.ndarray, u: np.ndarray, v: np.ndarray) -> None:
        self.background = (y, u, v)
        self.y, self.u, self.v = y.copy(), u.copy(), v.copy()
        self._dirty: list[Box] = []
        self._last: list[tuple[int, int, _Placed]] = []
        self._box: Box | None = None

    def paste(self, placed: list[tuple[int, int, _Placed]]) -> Box | None:
        """Paste the sprites, back to front (``SpriteLayer.place`` gives each); the box they cover
        (None when none is inside the picture). The same sprites at the same spots as the time
        before leave the picture as it is."""
        if len(placed) == len(self._last) and all(
                a[0] == b[0] and a[1] == b[1] and a[2] is b[2] for a, b in zip(placed, self._last, strict=True)):
            return self._box
        self._last = placed
        by, bu, bv = self.background
        for x0, y0, x1, y1 in self._dirty:
            self.y[y0:y1, x0:x1] = by[y0:y1, x0:x1]
            cy, cx = slice(y0 // 2, y1 // 2), slice(x0 // 2, x1 // 2)
            self.u[cy, cx] = bu[cy, cx]
            self.v[cy, cx] = bv[cy, cx]
        self._dirty = []
        kh, kw = self.y.shape
        for x, y, p in placed:
            ph, pw = p.y.shape
            x0, y0, x1, y1 = max(0, x), max(0, y), min(kw, x + pw), min(kh, y + ph)
            if x1 <= x0 or y1 <= y0:
                continue
            ox, oy = x0 - x, y0 - y  # even: x, y, x0, y0 are
            under(self.y[y0:y1, x0:x1], p.y[oy:oy + y1 - y0, ox:ox + x1 - x0], p.keep[oy:oy + y1 - y0, ox:ox + x1 - x0])
            rows, cols = slice(oy // 2, (oy + y1 - y0) // 2), slice(ox // 2, (ox + x1 - x0) // 2)
            cy, cx = slice(y0 // 2, y1 // 2), slice(x0 // 2, x1 // 2)
            under(self.u[cy, cx], p.u[rows, cols], p.ckeep[rows, cols])
            under(self.v[cy, cx], p.v[rows, cols], p.ckeep[rows, cols])
            self._dirty.append((x0, y0, x1, y1))
        self._box = None
        if self._dirty:
            xs0, ys0, xs1, ys1 = zip(*self._dirty, strict=True)
            self._box = min(xs0), min(ys0), max(xs1), max(ys1)
        return self._box


# ---------------------------------------------------------------------------------------------- weather


@dataclass(frozen=True)
class _Particles:
    """Sparse pixels of one pre-drawn particle field: positions and their premultiplied values."""

    pos: np.ndarray  # flat index in the field (row * width + column), intp, ascending
    cols: np.ndarray  # column, intp
    weighted: np.ndarray  # uint16
    keep: np.ndarray  # uint16

    @classmethod
    def of(cls, plane: Plane) -> _Particles:
        rows, cols = np.nonzero(plane.keep < 256)
        width = plane.keep.shape[1]
        return cls((rows * width + cols).astype(np.intp), cols.astype(np.intp), plane.weighted[rows, cols],
                   plane.keep[rows, cols])

    def blend(self, target: np.ndarray, dy: int, dx: int) -> None:
        """Composite onto ``target`` (the field's shape) scrolled ``dy`` down and ``dx`` right, wrapped."""
        h, w = target.shape
        flat = target.reshape(-1)
        at = self.pos + (dy * w + dx)
        # rows pushed past the bottom come back at the top: ``pos`` is row-major, so they are its tail
        # (a slice, not a modulo of every position: the draw ~17 % cheaper, the same pixels)
        at[int(np.searchsorted(self.pos, (h - dy) * w)):] -= h * w
        np.subtract(at, w, out=at, where=self.cols >= w - dx)  # columns pushed past the right edge: the left
        acc = flat[at].astype(np.uint16)
        acc *= self.keep
        acc += self.weighted
        acc >>= 8
        flat[at] = acc


def _field_particles(pixels: np.ndarray) -> tuple[_Particles, _Particles, _Particles]:
    """The luma, cb and cr particles of a drawn field (straight-alpha RGBA, even sides): what
    ``Layer.from_rgba(pixels, 0, 0, crop=False)`` gives at its covered pixels, in the same order,
    converted only where something is drawn. Every step of that conversion is per pixel or per 2x2
    chroma block, so the blocks with any alpha are laid side by side in one strip two rows high
    (block k's pixels at columns 2k and 2k + 1), converted, and put back at their places."""
    h, w = pixels.shape[:2]
    tiles = pixels.reshape(h // 2, 2, w // 2, 2, 4)
    pairs = np.ascontiguousarray(pixels[..., 3]).view(np.uint16)  # two neighbouring alphas a number
    by, bx = np.nonzero(pairs[0::2] | pairs[1::2])  # the blocks with any alpha, row by row
    if not by.size:
        empty = np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0, np.uint16), np.zeros(0, np.uint16)
        return _Particles(*empty), _Particles(*empty), _Particles(*empty)
    strip = np.ascontiguousarray(tiles[by, :, bx].transpose(1, 0, 2, 3).reshape(2, 2 * by.size, 4))
    layer = Layer.from_box(strip, 0, 0)

    def back(plane: Plane, scale: int, width: int) -> _Particles:
        """The covered samples of a strip plane at their field places (``scale`` samples a block side)."""
        r, c = np.nonzero(plane.keep < 256)
        k = c // scale  # the block of each sample
        rows, cols = by[k] * scale + r, bx[k] * scale + c % scale
        pos = rows * width + cols
        order = np.argsort(pos, kind="stable")  # row-major, as the field's own planes list them
        return _Particles(pos[order].astype(np.intp), cols[order].astype(np.intp), plane.weighted[r, c][order],
                          plane.keep[r, c][order])

    return back(layer.luma, 2, w), back(layer.cb, 1, w // 2), back(layer.cr, 1, w // 2)


@dataclass(frozen=True)
class _Depth:
    luma: _Particles
    cb: _Particles
    cr: _Particles
    speed: float  # px/s down
    drift: float  # px/s sideways
    sway: float  # px of side-to-side sway (snow)


WEATHER = {  # kind: (particles per depth near/far, speed px/s of a 1280-high frame near/far)
    "rain": ((90, 160), (1500.0, 900.0)),
    "storm": ((150, 260), (1900.0, 1150.0)),
    "snow": ((70, 130), (150.0, 80.0)),
}


class WeatherLayer:
    """Falling rain or snow (``kind`` in WEATHER) for frames of ``width`` x ``height``."""

    def __init__(self, kind: str, width: int, height: int, seed: int = 0) -> None:
        self.kind = kind
        rng = random.Random(f"{kind}:{seed}")
        counts, speeds = WEATHER[kind]
        k = height / 1280
        self.depths = [self._depth(kind, n, speed * k, near, width, height, rng)
                       for n, speed, near in zip(counts, speeds, (True, False), strict=True)]
        self.flashes = sorted(rng.uniform(1.0, 60.0) for _ in range(12)) if kind == "storm" else []

    @staticmethod
    def _depth(kind: str, n: int, speed: float, near: bool, width: int, height: int,
               rng: random.Random) -> _Depth:
        img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        draw = ImageDraw.Draw(img)
        k = height / 1280
        if kind == "snow":
            for _ in range(n):
                x, y = rng.uniform(0, width), rng.uniform(0, height)
                r = rng.uniform(3.0, 5.5) * k if near else rng.uniform(1.5, 3.0) * k
                draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 235 if near else 170))
            blur = 0.8 * k  # soft flakes (OpenCV's Gaussian: ~20x Pillow's speed on a full frame)
            drift, sway = (14.0 if near else 8.0) * k, (18.0 if near else 10.0) * k
        else:
            slant = 0.18
            for _ in range(n):
                x, y = rng.uniform(0, width), rng.uniform(0, height)
                length = rng.uniform(34, 60) * k if near else rng.uniform(18, 32) * k
                draw.line((x, y, x - slant * length, y + length), fill=(215, 225, 240, 120 if near else 80),
                          width=max(1, round((2.2 if near else 1.4) * k)))
            drift, sway, blur = -slant * speed, 0.0, 0.0
        pixels = np.asarray(img)
        if blur:
            pixels = cv2.GaussianBlur(pixels, (0, 0), blur, borderType=cv2.BORDER_REPLICATE)
        return _Depth(*_field_particles(pixels), speed, drift, sway)

    def draw(self, frame: np.ndarray, t: float) -> None:
        """Composite the field as it has fallen by clip time ``t`` onto the I420 ``frame``."""
        y_plane, u_plane, v_plane = planes(frame)
        h, w = y_plane.shape
        for depth in self.depths:
            dy = scroll(t, depth.speed, h)
            side = depth.drift * t + depth.sway * math.sin(2 * math.pi * t / 3.0)
            dx = (2 * round(side / 2)) % w
            depth.luma.blend(y_plane, dy, dx)
            depth.cb.blend(u_plane, dy // 2, dx // 2)
            depth.cr.blend(v_plane, dy // 2, dx // 2)
        if self.flashes and any(0.0 <= t - at < 0.09 for at in self.flashes):
            y_plane += ((255 - y_plane) * 0.35).astype(np.uint8)  # lightning: two frames of bright sky

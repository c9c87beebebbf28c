"""Moving layers composited onto camera-sampled I420 frames: characters and falling weather.

``SpriteLayer`` holds a ``Sprite``'s variants (at rest, eyes shut, mouth open) converted once to
premultiplied Y/U/V planes with their alpha (uint8). Per frame the sprite is drawn into the output
rows and columns it covers by the same bilinear lookup the camera uses for the background
(``render.warp``; positions shifted and stretched by its ``Pose``), so it moves with the camera at
sub-pixel precision and costs a few hundred microseconds, whatever the zoom.

``WeatherLayer`` is a pre-drawn field of rain streaks or snowflakes kept as sparse pixel lists
(two depths, each falling at its own speed); a frame scrolls and wraps those positions and blends
only the pixels a particle covers. A storm adds lightning: the picture brightens for two frames
now and then.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from render.motion import Pose, scroll
from render.stages import Sprite
from render.warp import Rect, chroma_map, luma_map, under, warped
from render.yuv import Layer, Plane, planes, rgb_to_yuv_full


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

    def draw(self, frame: np.ndarray, rect: Rect, pose: Pose, variant: _Variant) -> None:
        """Composite onto the I420 ``frame`` showing the keyframe window ``rect``: a bilinear
        lookup of the premultiplied planes into the rows and columns the sprite covers."""
        y_plane, u_plane, v_plane = planes(frame)
        fh, fw = y_plane.shape
        x, y, w, h = rect
        sx, sy = w / fw, h / fh
        left = self.sprite.x + pose.dx
        height = self.h * pose.sy
        top = self.sprite.y + pose.dy + self.h - height
        # output pixels whose centre lies within a sprite pixel of its edges (the bilinear support)
        c0 = max(0, math.floor((left - 1 - x) / sx - 0.5))
        c1 = min(fw, math.ceil((left + self.w + 1 - x) / sx - 0.5) + 1)
        r0 = max(0, math.floor((top - 1 - y) / sy - 0.5))
        r1 = min(fh, math.ceil((top + height + 1 - y) / sy - 0.5) + 1)
        c0, r0 = c0 & ~1, r0 & ~1
        c1, r1 = min(fw, c1 + (c1 & 1)), min(fh, r1 + (r1 & 1))
        if c1 <= c0 or r1 <= r0:
            return
        bw, bh = c1 - c0, r1 - r0
        m = luma_map(rect, fw, fh, left, top, pose.sy, c0, r0)
        under(y_plane[r0:r1, c0:c1], warped(variant.y, m, bw, bh), warped(variant.keep, m, bw, bh, 255))
        m = chroma_map(rect, fw, fh, left, top, pose.sy, c0 // 2, r0 // 2)
        cw, ch = bw // 2, bh // 2
        keep = warped(variant.ckeep, m, cw, ch, 255)
        rows, cols = slice(r0 // 2, r0 // 2 + ch), slice(c0 // 2, c0 // 2 + cw)
        under(u_plane[rows, cols], warped(variant.u, m, cw, ch), keep)
        under(v_plane[rows, cols], warped(variant.v, m, cw, ch), keep)


# ---------------------------------------------------------------------------------------------- weather


@dataclass(frozen=True)
class _Particles:
    """Sparse pixels of one pre-drawn particle field: positions and their premultiplied values."""

    pos: np.ndarray  # flat index in the field (row * width + column), intp
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
        at -= (self.cols >= w - dx) * w  # columns pushed past the right edge come back on the left
        at %= h * w  # rows pushed past the bottom come back at the top
        acc = np.multiply(flat[at], self.keep, dtype=np.uint16)
        acc += self.weighted
        acc >>= 8
        flat[at] = acc


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
        layer = Layer.from_rgba(pixels, 0, 0, crop=False)
        return _Depth(_Particles.of(layer.luma), _Particles.of(layer.cb), _Particles.of(layer.cr),
                      speed, drift, sway)

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

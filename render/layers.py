"""Moving layers composited onto camera-sampled I420 frames: characters and falling weather.

``SpriteLayer`` holds a ``Sprite``'s variants (at rest, eyes shut, mouth open) converted once to
premultiplied Y/U/V planes at the camera's supersampling. Per frame the sprite is drawn into the
output rows and columns it covers by the same nearest lookup the camera uses for the background
(positions shifted and stretched by its ``Pose``), so it moves with the camera at sub-pixel
precision and costs a few hundred microseconds, whatever the zoom.

``WeatherLayer`` is a pre-drawn field of rain streaks or snowflakes kept as sparse pixel lists
(two depths, each falling at its own speed); a frame scrolls and wraps those positions and blends
only the pixels a particle covers. A storm adds lightning: the picture brightens for two frames
now and then.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from render.motion import Pose, scroll
from render.stages import Sprite
from render.yuv import Layer, Plane, planes


@dataclass(frozen=True)
class Grid:
    """Keyframe coordinates of one frame's sample points: luma column/row centres and chroma ones."""

    cx: np.ndarray  # (W,) float64
    cy: np.ndarray  # (H,)
    ccx: np.ndarray  # (W/2,)
    ccy: np.ndarray  # (H/2,)

    @classmethod
    def of(cls, rect: tuple[float, float, float, float], width: int, height: int) -> Grid:
        x, y, w, h = rect
        sx, sy = w / width, h / height
        return cls(x + (np.arange(width) + 0.5) * sx, y + (np.arange(height) + 0.5) * sy,
                   x + (2 * np.arange(width // 2) + 1.0) * sx, y + (2 * np.arange(height // 2) + 1.0) * sy)


def indices(coords: np.ndarray, scale: float, size: int) -> np.ndarray:
    """Nearest sample index of each (non-negative) coordinate in a plane ``scale`` times the keyframe,
    clamped to the plane."""
    idx = (coords * scale).astype(np.intp)
    np.minimum(idx, size - 1, out=idx)
    return idx


def pack_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Two same-shape arrays interleaved in one of twice the item size (``a`` the low half): one
    gather then fetches both."""
    wide = {1: np.uint16, 2: np.uint32, 4: np.uint64}[a.itemsize]
    return np.ascontiguousarray(np.stack([a, b], axis=-1)).view(wide)[..., 0]


def unpack_pairs(packed: np.ndarray, dtype: type[np.generic]) -> tuple[np.ndarray, np.ndarray]:
    both = packed[..., None].view(dtype)  # (..., 2): works on strided views too
    return both[..., 0], both[..., 1]


def gather(plane: np.ndarray, iy: np.ndarray, ix: np.ndarray, out: np.ndarray) -> None:
    """``out[r, c] = plane[iy[r], ix[c]]``: rows first (whole-row copies), then the columns."""
    c0 = int(ix[0])
    rows = plane[iy, c0 : int(ix[-1]) + 1]
    np.take(rows, ix - c0, axis=1, out=out, mode="clip")


@dataclass(frozen=True)
class _Variant:
    """A sprite picture as packed planes: luma (weighted, keep) in a uint32 per pixel; chroma
    ((weighted U, weighted V), (keep, 0)) in a uint64 (U and V share their coverage)."""

    luma: np.ndarray  # (h, w) uint32
    chroma: np.ndarray  # (h/2, w/2) uint64


def _span(coords: np.ndarray, lo: float, hi: float) -> tuple[int, int]:
    return int(np.searchsorted(coords, lo, "left")), int(np.searchsorted(coords, hi, "left"))


class SpriteLayer:
    """A sprite ready to composite: its variants as packed planes at ``scale`` x keyframe pixels."""

    def __init__(self, sprite: Sprite, scale: int) -> None:
        self.sprite = sprite
        self.scale = scale
        h, w = sprite.rgba.shape[:2]
        self.w, self.h = float(w), float(h)
        self.rest = self._convert(sprite.rgba)
        self.blink = self._convert(sprite.blink) if sprite.blink is not None else None
        self.talk = self._convert(sprite.talk) if sprite.talk is not None else None

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.sprite.x, self.sprite.y, self.w, self.h

    def _convert(self, rgba: np.ndarray) -> _Variant:
        s = self.scale
        img = Image.fromarray(np.ascontiguousarray(rgba), "RGBA")
        w, h = img.size
        if s != 1:  # premultiplied bilinear upsampling (Pillow resizes RGBA through RGBa)
            img = img.resize((w * s, h * s), Image.Resampling.BILINEAR)
        arr = np.asarray(img)
        # even sides for the chroma grid; the chroma planes are then at scale / 2
        pad = np.zeros((arr.shape[0] + (arr.shape[0] & 1), arr.shape[1] + (arr.shape[1] & 1), 4), np.uint8)
        pad[: arr.shape[0], : arr.shape[1]] = arr
        layer = Layer.from_box(pad, 0, 0)
        weighted_uv = pack_pairs(layer.cb.weighted, layer.cr.weighted)
        keep = pack_pairs(layer.cb.keep, np.zeros_like(layer.cb.keep))
        return _Variant(pack_pairs(layer.luma.weighted, layer.luma.keep), pack_pairs(weighted_uv, keep))

    def variant(self, blinking: bool, talking: bool) -> _Variant:
        if talking and self.talk is not None:
            return self.talk
        if blinking and self.blink is not None:
            return self.blink
        return self.rest

    def draw(self, frame: np.ndarray, grid: Grid, pose: Pose, variant: _Variant) -> None:
        """Composite onto the I420 ``frame`` sampled on ``grid``."""
        s = self.scale
        left = self.sprite.x + pose.dx
        height = self.h * pose.sy
        top = self.sprite.y + pose.dy + self.h - height
        y_plane, u_plane, v_plane = planes(frame)
        luma = _sample(variant.luma, grid.cx, grid.cy, left, top, self.w, height, s, pose.sy)
        if luma is not None:
            (r0, c0), pairs = luma
            weighted, keep = unpack_pairs(pairs, np.uint16)
            _blend(y_plane[r0 : r0 + pairs.shape[0], c0 : c0 + pairs.shape[1]], weighted, keep)
        chroma = _sample(variant.chroma, grid.ccx, grid.ccy, left, top, self.w, height, s / 2, pose.sy)
        if chroma is not None:
            (r0, c0), quads = chroma
            weighted_uv, keep_pair = unpack_pairs(quads, np.uint32)
            wu, wv = unpack_pairs(weighted_uv, np.uint16)
            keep, _ = unpack_pairs(keep_pair, np.uint16)
            rows, cols = slice(r0, r0 + quads.shape[0]), slice(c0, c0 + quads.shape[1])
            _blend(u_plane[rows, cols], wu, keep)
            _blend(v_plane[rows, cols], wv, keep)


def _sample(packed: np.ndarray, cx: np.ndarray, cy: np.ndarray, left: float, top: float, width: float,
            height: float, scale: float, sy: float) -> tuple[tuple[int, int], np.ndarray] | None:
    """The packed sprite pixels under the frame's sample points it covers, and where they go."""
    c0, c1 = _span(cx, left, left + width)
    r0, r1 = _span(cy, top, top + height)
    if c1 <= c0 or r1 <= r0:
        return None
    ph, pw = packed.shape
    ix = indices(cx[c0:c1] - left, scale, pw)
    iy = indices((cy[r0:r1] - top) / sy, scale, ph)
    out = np.empty((r1 - r0, c1 - c0), packed.dtype)
    gather(packed, iy, ix, out)
    return (r0, c0), out


def _blend(region: np.ndarray, weighted: np.ndarray, keep: np.ndarray) -> None:
    acc = np.multiply(region, keep, dtype=np.uint16)
    acc += weighted
    acc >>= 8
    region[...] = acc


# ---------------------------------------------------------------------------------------------- weather


@dataclass(frozen=True)
class _Particles:
    """Sparse pixels of one pre-drawn particle field: positions and their premultiplied values."""

    rows: np.ndarray  # int64
    cols: np.ndarray
    weighted: np.ndarray  # uint16
    keep: np.ndarray  # uint16

    @classmethod
    def of(cls, plane: Plane) -> _Particles:
        rows, cols = np.nonzero(plane.keep < 256)
        return cls(rows.astype(np.intp), cols.astype(np.intp), plane.weighted[rows, cols], plane.keep[rows, cols])

    def blend(self, target: np.ndarray, dy: int, dx: int) -> None:
        h, w = target.shape
        flat = target.reshape(-1)
        at = ((self.rows + dy) % h) * w + (self.cols + dx) % w
        acc = flat[at].astype(np.uint16) * self.keep
        acc += self.weighted
        flat[at] = acc >> 8


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
            img = img.filter(ImageFilter.GaussianBlur(0.8 * k))
            drift, sway = (14.0 if near else 8.0) * k, (18.0 if near else 10.0) * k
        else:
            slant = 0.18
            for _ in range(n):
                x, y = rng.uniform(0, width), rng.uniform(0, height)
                length = rng.uniform(34, 60) * k if near else rng.uniform(18, 32) * k
                draw.line((x, y, x - slant * length, y + length), fill=(215, 225, 240, 120 if near else 80),
                          width=max(1, round((2.2 if near else 1.4) * k)))
            drift, sway = -slant * speed, 0.0
        layer = Layer.from_rgba(img, 0, 0, crop=False)
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

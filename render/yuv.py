"""Planar YUV 4:2:0 frames: the one representation frames keep from the camera to the encoder.

A frame is one contiguous ``uint8`` array shaped ``(h * 3 // 2, w)`` in I420 order (the Y plane,
then U and V at half width and half height), exactly the bytes ffmpeg reads as ``-pix_fmt yuv420p``:
no colour conversion in ffmpeg and half the bytes of RGB through the pipe. ``planes(frame)`` gives
the three planes as views into it.

Colour is BT.709, limited ("tv") range, the matrix the stream is tagged with (``-colorspace bt709``):
pictures are converted once per keyframe and overlay, never per frame. Chroma of a 2x2 block is the
mean of its four pixels (centre-sited).

``Layer`` is a pre-converted RGBA overlay (caption, subtitle, title card, weather particles) that
composites onto the rows it covers with integer arithmetic: ``(plane * keep + weighted) >> 8`` with
coverage rescaled to 0..256, in uint16 (no overflow: at most 255 * 256 + 128).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

KR, KB = 0.2126, 0.0722  # BT.709 luma coefficients
KG = 1.0 - KR - KB
Y_SCALE, C_SCALE = 219.0 / 255.0, 224.0 / 255.0  # limited range: Y 16..235, chroma 16..240

# rows: Y, U (Cb), V (Cr) as 0..255-domain weights of R, G, B (offsets 16 / 128 added separately)
RGB_TO_YUV = np.array([
    [KR * Y_SCALE, KG * Y_SCALE, KB * Y_SCALE],
    [-KR / (2 * (1 - KB)) * C_SCALE, -KG / (2 * (1 - KB)) * C_SCALE, 0.5 * C_SCALE],
    [0.5 * C_SCALE, -KG / (2 * (1 - KR)) * C_SCALE, -KB / (2 * (1 - KR)) * C_SCALE],
], dtype=np.float32)
YUV_TO_RGB = np.linalg.inv(RGB_TO_YUV.astype(np.float64)).astype(np.float32)
OFFSETS = np.array([16.0, 128.0, 128.0], dtype=np.float32)


def frame_shape(width: int, height: int) -> tuple[int, int]:
    """Shape of an I420 frame array for a ``width`` x ``height`` picture (both even)."""
    return height * 3 // 2, width


def new_frame(width: int, height: int) -> np.ndarray:
    return np.empty(frame_shape(width, height), dtype=np.uint8)


def planes(frame: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Y, U, V views into an I420 frame (writes go to the frame)."""
    h = frame.shape[0] * 2 // 3
    w = frame.shape[1]
    flat = frame.reshape(-1)
    n, q = w * h, (w // 2) * (h // 2)
    return (flat[:n].reshape(h, w), flat[n : n + q].reshape(h // 2, w // 2),
            flat[n + q : n + 2 * q].reshape(h // 2, w // 2))


def is_i420(frame: np.ndarray, width: int, height: int) -> bool:
    return frame.ndim == 2 and frame.shape == frame_shape(width, height)


def _u8(x: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


_AFFINE = np.hstack([RGB_TO_YUV, OFFSETS[:, None]]).astype(np.float32)  # (3, 4): RGB(1) -> Y, U, V


def _rgb(rgb: np.ndarray) -> np.ndarray:
    """The three colour channels as one contiguous (h, w, 3) uint8 array (a copy only when needed)."""
    if rgb.shape[2] == 4 and rgb.flags.c_contiguous:
        return cv2.cvtColor(rgb, cv2.COLOR_RGBA2RGB)
    return np.ascontiguousarray(rgb[..., :3])


def rgb_to_yuv_full(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Y, U, V at full resolution (no subsampling), each (h, w) uint8: OpenCV's per-pixel affine
    transform (float, SIMD; rounded and saturated), within one level of the exact maths."""
    yuv = cv2.transform(_rgb(rgb), _AFFINE)
    y, u, v = cv2.split(yuv)
    return y, u, v


def subsample(plane: np.ndarray) -> np.ndarray:
    """2x2 box mean of a plane with even sides (rounded), uint8."""
    p = plane.astype(np.uint16)
    s = p[0::2, 0::2] + p[1::2, 0::2] + p[0::2, 1::2] + p[1::2, 1::2]
    return ((s + 2) >> 2).astype(np.uint8)


def rgb_to_i420(rgb: np.ndarray) -> np.ndarray:
    """An (h, w, 3) uint8 RGB picture (even sides) as an I420 frame: luma per pixel, chroma from each
    2x2 block's mean colour (OpenCV: area resize, then the affine transform), within one level of
    the exact maths (fast enough per frame for RGB animators)."""
    h, w = rgb.shape[:2]
    src = _rgb(rgb)
    frame = new_frame(w, h)
    y, u, v = planes(frame)
    cv2.transform(src, _AFFINE[0:1], dst=y)
    uv = cv2.transform(cv2.resize(src, (w // 2, h // 2), interpolation=cv2.INTER_AREA), _AFFINE[1:3])
    cv2.split(uv, [u, v])
    return frame


def i420_to_rgb(frame: np.ndarray) -> np.ndarray:
    """An I420 frame back to (h, w, 3) uint8 RGB (chroma repeated over its 2x2 block): thumbnails, tests."""
    y, u, v = planes(frame)
    up = np.repeat(np.repeat(u, 2, axis=0), 2, axis=1)
    vp = np.repeat(np.repeat(v, 2, axis=0), 2, axis=1)
    yuv = np.stack([y, up, vp], axis=-1).astype(np.float32) - OFFSETS
    return _u8(yuv @ YUV_TO_RGB.T)


def image_to_i420(image: Image.Image) -> np.ndarray:
    return rgb_to_i420(np.asarray(image.convert("RGB")))


# ---------------------------------------------------------------------------------------------- overlays


def _coverage(alpha: np.ndarray) -> np.ndarray:
    """0..255 alpha as 0..256 coverage (255 -> 256: fully opaque), uint16."""
    a = alpha.astype(np.uint16)
    return a + (a >> 7)


@dataclass(frozen=True)
class Plane:
    """One plane of a layer: ``weighted`` = value * coverage + 128 and ``keep`` = 256 - coverage."""

    weighted: np.ndarray  # (h, w) uint16
    keep: np.ndarray  # (h, w) uint16

    def apply(self, region: np.ndarray, opacity: float = 1.0) -> None:
        """Composite onto ``region`` (same shape, uint8) in place."""
        keep, weighted = self.keep, self.weighted
        if region.shape != keep.shape:
            keep, weighted = keep[: region.shape[0], : region.shape[1]], weighted[: region.shape[0], : region.shape[1]]
        if opacity < 1.0:  # a fading layer: scale its coverage (integer maths, a few frames only)
            o = round(max(0.0, opacity) * 256)
            cover = ((256 - keep.astype(np.uint32)) * o + 128) >> 8
            # floor, not round: with the rounded cover the sum stays <= 65535 (no uint16 overflow)
            weighted = (((weighted.astype(np.uint32) - 128) * o) >> 8).astype(np.uint16) + 128
            keep = (256 - cover).astype(np.uint16)
        _over(region, keep, weighted)


def _over(region: np.ndarray, keep: np.ndarray, weighted: np.ndarray) -> None:
    """``region = (region * keep + weighted) >> 8`` in place (uint8 region, uint16 planes of its shape)."""
    acc = np.multiply(region, keep, dtype=np.uint16)
    acc += weighted
    acc >>= 8
    region[...] = acc


def make_plane(values: np.ndarray, cover: np.ndarray) -> Plane:
    """``values`` uint8 (or float) under ``cover`` 0..256 (uint16)."""
    v = values if values.dtype == np.uint8 else np.clip(np.rint(values), 0, 255).astype(np.uint8)
    weighted = np.multiply(v, cover, dtype=np.uint16)  # at most 255 * 256 + 128: no overflow
    weighted += 128
    return Plane(weighted, (256 - cover).astype(np.uint16))


@dataclass(frozen=True)
class Layer:
    """An RGBA picture converted once to premultiplied Y/U/V planes, placed at (x, y) in the frame.

    ``x`` and ``y`` are even (the chroma grid); compositing touches only the rows and columns it covers.
    """

    x: int
    y: int
    luma: Plane  # (h, w)
    cb: Plane  # (h/2, w/2)
    cr: Plane

    @property
    def width(self) -> int:
        return int(self.luma.keep.shape[1])

    @property
    def height(self) -> int:
        return int(self.luma.keep.shape[0])

    @classmethod
    def from_rgba(cls, rgba: Image.Image | np.ndarray, x: int, y: int, crop: bool = True) -> Layer:
        arr = np.asarray(rgba.convert("RGBA")) if isinstance(rgba, Image.Image) else rgba
        if crop:  # composite only where something is drawn, on the chroma grid
            left, top, wide, high = cv2.boundingRect(np.ascontiguousarray(arr[..., 3]))  # of the nonzero alpha
            if wide:
                bx0, by0 = (x + left) & ~1, (y + top) & ~1
                bx1, by1 = x + left + wide, y + top + high
            else:
                bx0, by0, bx1, by1 = x & ~1, y & ~1, (x & ~1) + 2, (y & ~1) + 2
        else:
            bx0, by0, bx1, by1 = x & ~1, y & ~1, x + arr.shape[1], y + arr.shape[0]
        bx1 += (bx1 - bx0) & 1
        by1 += (by1 - by0) & 1
        # the picture re-cut to the even box (transparent where the box leaves it)
        box = np.zeros((by1 - by0, bx1 - bx0, 4), np.uint8)
        sy0, sx0 = max(0, by0 - y), max(0, bx0 - x)
        sy1, sx1 = min(arr.shape[0], by1 - y), min(arr.shape[1], bx1 - x)
        box[sy0 + y - by0 : sy1 + y - by0, sx0 + x - bx0 : sx1 + x - bx0] = arr[sy0:sy1, sx0:sx1]
        return cls.from_box(box, bx0, by0)

    @classmethod
    def from_box(cls, box: np.ndarray, x: int, y: int) -> Layer:
        """``box`` (h, w, 4) straight-alpha RGBA with even sides, at even (x, y)."""
        fy, fu, fv = rgb_to_yuv_full(box)
        a = box[..., 3].astype(np.float32)
        cover = _coverage(box[..., 3])
        half = (box.shape[1] // 2, box.shape[0] // 2)

        # chroma: premultiplied 2x2 means (colour weighted by its coverage), coverage the mean
        # (OpenCV's area resize by exactly 2 is the 2x2 mean)
        def premul_mean(c: np.ndarray) -> np.ndarray:
            return cv2.resize(cv2.multiply(c, a, dtype=cv2.CV_32F), half, interpolation=cv2.INTER_AREA)

        a_mean = cv2.resize(a, half, interpolation=cv2.INTER_AREA)
        c_cover = _coverage(np.rint(a_mean).astype(np.uint8))
        with np.errstate(divide="ignore", invalid="ignore"):
            u = np.where(a_mean > 0, premul_mean(fu) / np.maximum(a_mean, 1e-6), 128.0)
            v = np.where(a_mean > 0, premul_mean(fv) / np.maximum(a_mean, 1e-6), 128.0)
        return cls(x, y, make_plane(fy, cover), make_plane(np.clip(u, 0, 255), c_cover),
                   make_plane(np.clip(v, 0, 255), c_cover))

    def apply(self, frame: np.ndarray, opacity: float = 1.0) -> None:
        """Composite onto an I420 ``frame`` in place (clipped to the frame)."""
        if opacity <= 0:
            return
        y_plane, u_plane, v_plane = planes(frame)
        fh, fw = y_plane.shape
        x0, y0 = max(0, self.x), max(0, self.y)
        x1, y1 = min(fw, self.x + self.width), min(fh, self.y + self.height)
        if x1 <= x0 or y1 <= y0:
            return
        ox, oy = x0 - self.x, y0 - self.y
        whole = (ox, oy, x1 - x0, y1 - y0) == (0, 0, self.width, self.height) and not (x0 | y0) & 1
        if opacity >= 1.0 and whole:  # the common case, straight to the planes (sides and place even)
            cy, cx = slice(y0 // 2, y1 // 2), slice(x0 // 2, x1 // 2)
            for plane, target in ((self.luma, y_plane[y0:y1, x0:x1]), (self.cb, u_plane[cy, cx]),
                                  (self.cr, v_plane[cy, cx])):
                _over(target, plane.keep, plane.weighted)
            return
        _apply_at(self.luma, y_plane[y0:y1, x0:x1], oy, ox, opacity)
        for plane, target in ((self.cb, u_plane), (self.cr, v_plane)):
            _apply_at(plane, target[y0 // 2 : (y1 + 1) // 2, x0 // 2 : (x1 + 1) // 2], oy // 2, ox // 2, opacity)

    @property
    def alpha(self) -> np.ndarray:
        """Luma coverage 0..255 (for checks)."""
        return np.minimum(256 - self.luma.keep, 255).astype(np.uint8)


def _apply_at(plane: Plane, region: np.ndarray, oy: int, ox: int, opacity: float) -> None:
    h, w = region.shape
    sub = Plane(plane.weighted[oy : oy + h, ox : ox + w], plane.keep[oy : oy + h, ox : ox + w])
    if sub.keep.shape != region.shape:
        region = region[: sub.keep.shape[0], : sub.keep.shape[1]]
    sub.apply(region, opacity)

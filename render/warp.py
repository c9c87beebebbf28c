"""Bilinear sampling of planes through a camera window: the affine maps (pure) and OpenCV's warp.

A frame's view of the keyframe is a window ``(x, y, w, h)`` in keyframe pixels; output pixel ``i``
has its centre at keyframe ``x + (i + 0.5) * w / W``. ``luma_map`` and ``chroma_map`` turn that
into the inverse affine map OpenCV's ``warpAffine`` takes (output pixel -> source sample index) for
a plane placed at ``(left, top)`` in the keyframe and stretched by ``stretch`` vertically (a
sprite's breathing), luma sampled at pixel centres and chroma (4:2:0) at the centre of each 2x2
block. ``warp`` runs the bilinear lookup (SIMD, fixed point) into a given buffer.

OpenCV runs on one thread here (``cv2.setNumThreads(1)``): the frame loop is one stream and ffmpeg
has the other cores; the CPU a render costs is then the CPU it used, not spin-waits.
"""

from __future__ import annotations

import cv2
import numpy as np

cv2.setNumThreads(1)

Rect = tuple[float, float, float, float]  # x, y, w, h in keyframe pixels


def luma_map(rect: Rect, width: int, height: int, left: float = 0.0, top: float = 0.0, stretch: float = 1.0,
             c0: int = 0, r0: int = 0) -> np.ndarray:
    """Inverse map from output luma pixel (col - ``c0``, row - ``r0``) to the luma sample index of a
    plane at (``left``, ``top``) in the keyframe, stretched ``stretch`` times vertically from its top."""
    x, y, w, h = rect
    sx, sy = w / width, h / height
    return np.array([[sx, 0.0, x + (c0 + 0.5) * sx - left - 0.5],
                     [0.0, sy / stretch, (y + (r0 + 0.5) * sy - top) / stretch - 0.5]])


def chroma_map(rect: Rect, width: int, height: int, left: float = 0.0, top: float = 0.0, stretch: float = 1.0,
               c0: int = 0, r0: int = 0) -> np.ndarray:
    """The same for chroma: output chroma sample (col - ``c0``, row - ``r0``) sits at output luma
    ``2 * col + 1``; the plane's chroma sample ``j`` at its luma ``2 * j + 1``."""
    x, y, w, h = rect
    sx, sy = w / width, h / height
    return np.array([[sx, 0.0, (x + (2 * c0 + 1) * sx - left) / 2 - 0.5],
                     [0.0, sy / stretch, ((y + (2 * r0 + 1) * sy - top) / stretch) / 2 - 0.5]])


def warp(src: np.ndarray, m: np.ndarray, out: np.ndarray, edge: bool = True) -> np.ndarray:
    """``out[r, c]`` = ``src`` bilinearly sampled at ``m @ (c, r, 1)``; outside ``src`` its edge
    pixels (``edge``) or zero (a transparent sprite border). ``out`` is written in place."""
    border = cv2.BORDER_REPLICATE if edge else cv2.BORDER_CONSTANT
    return cv2.warpAffine(src, m, (out.shape[1], out.shape[0]), dst=out,
                          flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=border, borderValue=0)


def warped(src: np.ndarray, m: np.ndarray, width: int, height: int, outside: int = 0) -> np.ndarray:
    """A new ``height`` x ``width`` plane of ``src`` through ``m``, ``outside`` beyond its edges."""
    return cv2.warpAffine(src, m, (width, height), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=outside)


def over(region: np.ndarray, premultiplied: np.ndarray, alpha: np.ndarray) -> None:
    """``region = region * (255 - alpha) / 255 + premultiplied`` in place (uint8, rounded, saturated)."""
    under(region, premultiplied, cv2.bitwise_not(alpha))


def under(region: np.ndarray, premultiplied: np.ndarray, keep: np.ndarray) -> None:
    """``over`` given ``keep`` = 255 - alpha (a transparency plane warped with 255 outside)."""
    cv2.multiply(region, keep, dst=region, scale=1.0 / 255.0)
    cv2.add(region, premultiplied, dst=region)

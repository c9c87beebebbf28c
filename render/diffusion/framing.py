"""Frame geometry for the diffusers backend (pure: PIL and numpy only).

Diffusion models want sizes that are multiples of 64 near their native resolution; the animator
wants an overscan keyframe a little larger than the video; image-to-video clips come back at the
model's size and frame count and must be fitted to the video size and the scene's length.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from PIL import Image

from render.stages import overscan_size

MULTIPLE = 64

__all__ = [
    "MULTIPLE", "cover_box", "cover_fit", "overscan_size", "portrait_size", "retime", "round_to", "video_frame_count",
]


def round_to(value: float, multiple: int = MULTIPLE) -> int:
    """Nearest multiple of ``multiple`` (at least one multiple)."""
    return max(multiple, int(round(value / multiple)) * multiple)


def portrait_size(native_side: int, multiple: int = MULTIPLE) -> tuple[int, int]:
    """A 9:16 (width, height) for a model trained at ``native_side`` x ``native_side``.

    SD1.5 (512) -> 512x896; SDXL and FLUX (1024) -> 768x1344 (about one megapixel).
    """
    width = round_to(native_side * (0.75 if native_side >= 1024 else 1.0), multiple)
    return width, round_to(width * 16 / 9, multiple)


def cover_fit(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale ``image`` to cover ``size`` (width, height) and centre-crop; always RGB."""
    w, h = size
    image = image.convert("RGB")
    if image.size == (w, h):
        return image
    (sw, sh), (left, top) = cover_box(image.size, size)
    resized = image.resize((sw, sh), Image.Resampling.LANCZOS)
    return resized.crop((left, top, left + w, top + h))


def cover_box(src: tuple[int, int], size: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]]:
    """Scaled (width, height) of ``src`` covering ``size``, and the (left, top) of the centred crop."""
    (iw, ih), (w, h) = src, size
    scale = max(w / iw, h / ih)
    sw, sh = max(w, round(iw * scale)), max(h, round(ih * scale))
    return (sw, sh), ((sw - w) // 2, (sh - h) // 2)


def retime(frames: Sequence[np.ndarray], n_frames: int) -> Iterator[np.ndarray]:
    """Stretch or squeeze ``frames`` to ``n_frames`` by blending the two nearest source frames.

    The first and last output frames are the first and last source frames. Blends are integer
    (8-bit weights in uint16), about four times cheaper than float32 on 720x1280 frames.
    """
    if not frames:
        raise ValueError("no frames to retime")
    last = len(frames) - 1
    for i in range(n_frames):
        pos = i * last / (n_frames - 1) if n_frames > 1 else 0.0
        lo = int(pos)
        hi = min(lo + 1, last)
        weight = round((pos - lo) * 256)
        if lo == hi or weight == 0:
            yield frames[lo]
        elif weight == 256:
            yield frames[hi]
        else:
            mix = frames[lo].astype(np.uint16)
            mix *= 256 - weight
            other = frames[hi].astype(np.uint16)
            other *= weight
            mix += other
            mix += 128
            mix >>= 8
            yield mix.astype(np.uint8)


def video_frame_count(requested: int, temporal_ratio: int) -> int:
    """Frames an i2v model can make near ``requested``: ``k * temporal_ratio + 1`` (LTX 8k+1, Wan 4k+1)."""
    ratio = max(1, temporal_ratio)
    return max(1, (max(1, requested) - 1) // ratio) * ratio + 1

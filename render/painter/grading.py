"""Mood colour grades (tint, saturation, contrast, brightness, vignette) applied after drawing; a scene that
tells a memory has a look of its own (``memory``: sepia, soft, a deep vignette)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageEnhance, ImageStat

from render.painter.geometry import CAPTION_BAND, RGB


@dataclass(frozen=True)
class Grade:
    tint: RGB
    amount: float
    saturation: float
    brightness: float
    contrast: float
    vignette: float


GRADES: dict[str, Grade] = {
    "sad": Grade((80, 105, 150), 0.2, 0.62, 0.94, 0.95, 0.45),
    "tense": Grade((50, 44, 70), 0.16, 0.85, 0.84, 1.08, 0.6),
    "happy": Grade((255, 236, 190), 0.08, 1.14, 1.05, 1.0, 0.2),
    "triumphant": Grade((255, 196, 90), 0.16, 1.12, 1.04, 1.06, 0.3),
    "funny": Grade((255, 240, 200), 0.05, 1.18, 1.05, 1.0, 0.15),
    "calm": Grade((200, 230, 220), 0.06, 1.0, 1.0, 1.0, 0.25),
    "dramatic": Grade((120, 56, 90), 0.12, 0.95, 0.9, 1.14, 0.55),
    "romantic": Grade((255, 160, 190), 0.14, 1.05, 1.03, 0.98, 0.3),
    "memory": Grade((176, 122, 58), 0.42, 0.62, 1.04, 0.9, 0.85),  # a memory: sepia, soft, a deep vignette
}


def shade_mask(size: tuple[int, int], vignette: float) -> Image.Image:
    """L mask: 255 keeps the pixel, lower darkens (radial vignette plus a soft fade under the captions)."""
    w, h = size
    ys = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
    xs = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
    # 1 - vignette * max(r2 - 0.25, 0) * 0.55, in place on one (h, w) array (the same float32 steps)
    keep = xs * xs * 0.8 + ys * ys * 0.6
    keep -= 0.25
    np.maximum(keep, 0.0, out=keep)
    keep *= vignette
    keep *= 0.55
    np.subtract(1.0, keep, out=keep)
    fade_start = 1 - 2 * CAPTION_BAND * 0.8
    keep *= 1.0 - 0.22 * np.clip((ys - fade_start) / (1 - fade_start), 0.0, 1.0)
    keep *= 255
    np.maximum(keep, 0, out=keep)
    np.minimum(keep, 255, out=keep)
    return Image.fromarray(keep.astype(np.uint8), "L")


def _colour(img: Image.Image, g: Grade, mean: int | None) -> tuple[Image.Image, int]:
    """Tint, saturation, contrast (about ``mean``, the background's grey level) and brightness."""
    out = Image.blend(img, Image.new("RGB", img.size, g.tint), g.amount)
    if g.saturation != 1.0:
        out = ImageEnhance.Color(out).enhance(g.saturation)
    if mean is None:
        mean = int(ImageStat.Stat(out.convert("L")).mean[0] + 0.5)
    if g.contrast != 1.0:
        out = Image.blend(Image.new("RGB", img.size, (mean, mean, mean)), out, g.contrast)
    if g.brightness != 1.0:
        out = ImageEnhance.Brightness(out).enhance(g.brightness)
    return out, mean


def grade(img: Image.Image, mood: str, masks: dict[tuple[tuple[int, int], float], Image.Image]
          ) -> tuple[Image.Image, int]:
    """The background graded for ``mood`` (vignette included) and the grey level sprites are graded about."""
    g = GRADES.get(mood, GRADES["calm"])
    out, mean = _colour(img, g, None)
    key = (img.size, g.vignette)
    if key not in masks:
        masks[key] = shade_mask(img.size, g.vignette)
    return Image.composite(out, Image.new("RGB", img.size, (10, 8, 16)), masks[key]), mean


# how much of a mood's tint and saturation a sprite takes: enough to sit in the scene's light, too little to
# change a pet's coat (a white dog stays white in a sad blue scene and in a golden triumphant one)
SPRITE_GRADE = 0.4


def sprite_grade(mood: str) -> Grade:
    """The mood's grade as a sprite takes it: its tint and saturation softened (``SPRITE_GRADE``)."""
    g = GRADES.get(mood, GRADES["calm"])
    if mood == "memory":  # a memory's sepia is the whole picture's, the pets' too
        return g
    k = SPRITE_GRADE
    return Grade(g.tint, g.amount * k, 1 + (g.saturation - 1) * k, 1 + (g.brightness - 1) * k,
                 1 + (g.contrast - 1) * k, g.vignette)


def grade_sprite(rgba: Image.Image, mood: str, mean: int) -> Image.Image:
    """A sprite graded like its background (no vignette: sprites move), alpha untouched; its coat keeps its
    colour from scene to scene (``sprite_grade``)."""
    g = sprite_grade(mood)
    out, _ = _colour(rgba.convert("RGB"), g, mean)
    out.putalpha(rgba.getchannel("A"))
    return out

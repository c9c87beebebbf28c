"""Captions and the title card: pure layout (wrapping, sizing) plus Pillow drawing.

Layout is pure and takes a ``measure(text, font_size) -> width_px`` function: English wraps at
words, Chinese (and any CJK) per character, and closing punctuation never starts a line. The font
size starts at ~5% of the frame height (64 px at 720x1280) and shrinks to the legibility floor
(40 px at 1280 high) to fit in three lines and in the caption zone (the bottom ``CAPTION_ZONE`` of
the frame above ``CAPTION_BOTTOM``, which the painter keeps free of the pets' feet); text that still
does not fit is ellipsized. Lines are balanced (no lone word or hanzi on the last line).

Drawing (Pillow, no moviepy): white text with a thick dark stroke over a soft translucent band in
the lower part of the frame. Each caption is pre-rendered once into an ``Overlay`` (alpha-weighted RGB
over its bounding box) that is alpha-composited onto frames with four uint16 numpy passes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

log = logging.getLogger(__name__)

Measure = Callable[[str, int], float]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

CAPTION_FRACTION = 0.05  # of frame height: base font size
MIN_FRACTION = 40 / 1280  # legibility floor: 40 px on a 1280-high frame
TITLE_FRACTION = 0.068
MAX_LINES = 3
CAPTION_BOTTOM = 0.885  # caption block's bottom edge (fraction of height; phone UI below)
CAPTION_ZONE = 0.15  # the caption block's height budget (fraction of height): its top is >= 0.735
TITLE_TOP = 0.08
LINE_HEIGHT = 1.28  # of the font size
PAD = 0.45  # band padding above and below the lines, of the font size
ELLIPSIS = "…"

# Fonts looked up in order; a .ttc face is chosen by name (the Simplified Chinese "SC" face).
CJK_FONTS: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "SC"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Black.ttc", "SC"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "SC"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", "SC"),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", "SC"),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", "SC"),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", ""),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", ""),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", ""),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", ""),
)
LATIN_FONTS: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", ""),
    ("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf", ""),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", ""),
    ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", ""),
)

# ---------------------------------------------------------------------------------------------- layout (pure)

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"\s+|[{_CJK}]|[^\s{_CJK}]+")
# characters that must not begin a line (closing brackets and punctuation, CJK and Latin)
NO_LINE_START = set("，。、；：？！）」』》〉】〕…—・,.;:?!)]}%’”")


def is_cjk(ch: str) -> bool:
    return bool(re.fullmatch(f"[{_CJK}]", ch))


def tokens(text: str) -> list[str]:
    """Wrap units: a CJK character, a run of other non-space characters (a word), or spaces."""
    return _TOKEN.findall(" ".join(text.split()))


def layout_caption(text: str, font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``max_width_px`` (unlimited line count)."""
    lines: list[list[str]] = [[]]

    def width(parts: Sequence[str]) -> float:
        return measure("".join(parts).strip(), font_size)

    for tok in tokens(text):
        line = lines[-1]
        if tok.isspace():
            if line:
                line.append(" ")
            continue
        if not line or width([*line, tok]) <= max_width_px:
            if not line and width([tok]) > max_width_px and len(tok) > 1:
                lines.pop()
                lines.extend([piece] for piece in _split_word(tok, font_size, max_width_px, measure))
                continue
            line.append(tok)
            continue
        while line and line[-1].isspace():
            line.pop()
        if tok[0] in NO_LINE_START:
            # carry the last unit down with the punctuation, unless that empties the line
            if len(line) > 1:
                carried = line.pop()
                while line and line[-1].isspace():
                    line.pop()
                lines.append([carried, tok])
            else:
                line.append(tok)  # a lone unit: let the punctuation hang instead
            continue
        if width([tok]) > max_width_px and len(tok) > 1:
            pieces = _split_word(tok, font_size, max_width_px, measure)
            lines.extend([piece] for piece in pieces)
            continue
        lines.append([tok])
    result = ["".join(line).strip() for line in lines]
    return [line for line in result if line]


def _split_word(word: str, font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Break an over-long word into pieces that fit (character by character)."""
    pieces, cur = [], ""
    for ch in word:
        if cur and measure(cur + ch, font_size) > max_width_px:
            pieces.append(cur)
            cur = ch
        else:
            cur += ch
    return [*pieces, cur] if cur else pieces


def ellipsize(line: str, font_size: int, max_width_px: float, measure: Measure) -> str:
    """``line`` shortened (at a word for English, a character for CJK) until ``line + "…"`` fits."""
    text = line.rstrip()
    while text and measure(text + ELLIPSIS, font_size) > max_width_px:
        if " " in text and not is_cjk(text[-1]):
            text = text.rsplit(" ", 1)[0].rstrip()
        else:
            text = text[:-1].rstrip()
    return text.rstrip(" ,.;:，。、；：") + ELLIPSIS


def balance(text: str, font_size: int, lines: list[str], max_width_px: float, measure: Measure) -> list[str]:
    """The narrowest wrap of ``text`` with no more lines than ``lines`` (evens out a short last line)."""
    if len(lines) < 2:
        return lines
    lo, hi = 0.0, max(measure(line, font_size) for line in lines)
    best = lines
    for _ in range(12):  # bisect the wrap width to about 1/4000 of the widest line
        mid = (lo + hi) / 2
        trial = layout_caption(text, font_size, min(mid, max_width_px), measure)
        if len(trial) <= len(lines):
            hi, best = mid, trial
        else:
            lo = mid
    return best


def block_height(n_lines: int, font_size: int) -> int:
    """Pixel height of a caption block (lines plus band padding), as ``CaptionPainter`` draws it."""
    return round(font_size * LINE_HEIGHT) * n_lines + 2 * round(font_size * PAD)


def size_range(frame_h: int, fraction: float = CAPTION_FRACTION) -> tuple[int, int]:
    """(start, floor) font sizes for a frame of this height."""
    start = max(8, round(frame_h * fraction))
    return start, max(8, min(start, round(frame_h * MIN_FRACTION)))


def fit_caption(text: str, frame_w: int, frame_h: int, measure: Measure, max_lines: int = MAX_LINES,
                fraction: float = CAPTION_FRACTION, margin: float = 0.08,
                max_height: float | None = CAPTION_ZONE) -> tuple[int, list[str]]:
    """Font size and lines: shrink from ~5% of the height to the floor until the text fits in
    ``max_lines`` and its block in ``max_height`` of the frame, then ellipsize the last line."""
    max_w = frame_w * (1 - 2 * margin)
    start, floor = size_range(frame_h, fraction)
    budget = frame_h * max_height if max_height is not None else float("inf")
    size = start
    while True:
        lines = layout_caption(text, size, max_w, measure)
        fits = len(lines) <= max_lines and block_height(len(lines), size) <= budget
        if fits or size <= floor:
            break
        size = max(floor, int(size * 0.92))
    if len(lines) > max_lines:
        tail = lines[max_lines - 1 :]
        joiner = "" if is_cjk(tail[0][-1]) else " "
        lines = [*lines[: max_lines - 1], ellipsize(joiner.join(tail), size, max_w, measure)]
    else:
        lines = balance(text, size, lines, max_w, measure)
    return size, lines


# ---------------------------------------------------------------------------------------------- fonts


def _ttc_index(path: Path, want: str) -> int:
    if not want or path.suffix.lower() != ".ttc":
        return 0
    for i in range(16):
        try:
            family, _ = ImageFont.truetype(str(path), 12, index=i).getname()
        except OSError:
            break
        if family and want in (family or "").split():
            return i
    return 0


@lru_cache(maxsize=8)
def find_font(language: str, candidates: tuple[tuple[str, str], ...] | None = None) -> tuple[Path, int] | None:
    """The first installed font for ``language`` as (path, face index), or None."""
    wanted = candidates or ((*CJK_FONTS, *LATIN_FONTS) if language.startswith("zh") else (*LATIN_FONTS, *CJK_FONTS))
    for name, face in wanted:
        path = Path(name)
        if path.is_file():
            return path, _ttc_index(path, face)
    return None


@lru_cache(maxsize=64)
def load_font(font: tuple[Path, int] | None, size: int) -> Font:
    if font is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(font[0]), size, index=font[1])


def measure_with(font: tuple[Path, int] | None) -> Measure:
    def measure(text: str, size: int) -> float:
        return float(load_font(font, size).getlength(text)) if text else 0.0

    return measure


# ---------------------------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Overlay:
    """A pre-rendered RGBA overlay over its bounding box, kept in a form that composites fast.

    Alpha is rescaled to 0..256 so the blend is ``(frame * (256 - a) + rgb * a) >> 8``: four numpy
    passes in uint16 (no overflow: at most 255 * 256), within one level of the exact /255 blend.
    ``keep`` is stored per channel, like ``weighted``: same-shape contiguous operands run as one
    flat loop, ~8x faster than broadcasting a (h, w, 1) array over the 3-wide last axis.
    """

    x: int
    y: int
    weighted: np.ndarray  # (h, w, 3) uint16: rgb * a + 128, a in 0..256
    keep: np.ndarray  # (h, w, 3) uint16: 256 - a (the same for each channel)

    @classmethod
    def from_rgba(cls, rgba: Image.Image, x: int, y: int) -> Overlay:
        rgba = rgba.convert("RGBA")
        box = rgba.getchannel("A").getbbox() or (0, 0, 1, 1)  # composite only where something is drawn
        arr = np.asarray(rgba.crop(box), dtype=np.uint16)
        a = arr[..., 3:4]
        a = a + (a >> 7)  # 0..255 -> 0..256 (255 -> 256: fully opaque)
        weighted = arr[..., :3] * a + 128  # + 128 rounds the final >> 8 (max 65408: no overflow)
        keep = np.ascontiguousarray(np.broadcast_to(256 - a, weighted.shape), dtype=np.uint16)
        return cls(x + box[0], y + box[1], weighted.astype(np.uint16), keep)

    @property
    def alpha(self) -> np.ndarray:
        """Coverage 0..255 (for checks)."""
        return np.minimum(256 - self.keep[..., 0], 255).astype(np.uint8)

    @property
    def rgb(self) -> np.ndarray:
        """Premultiplied colour 0..255 (what the overlay adds over black)."""
        return (self.weighted >> 8).astype(np.uint8)

    def apply(self, frame: np.ndarray, opacity: float = 1.0) -> None:
        """Composite onto ``frame`` (H, W, 3) uint8 in place."""
        h, w = self.weighted.shape[:2]
        y0, x0 = max(0, self.y), max(0, self.x)
        y1, x1 = min(frame.shape[0], self.y + h), min(frame.shape[1], self.x + w)
        if y1 <= y0 or x1 <= x0 or opacity <= 0:
            return
        src = (slice(y0 - self.y, y1 - self.y), slice(x0 - self.x, x1 - self.x))
        region = frame[y0:y1, x0:x1]
        keep, weighted = self.keep[src], self.weighted[src]
        if opacity < 1.0:  # a fading overlay: scale its coverage (integer maths, a few frames only)
            o = round(opacity * 256)
            cover = ((256 - keep.astype(np.uint32)) * o + 128) >> 8
            # floor, not round: with the rounded cover the sum stays <= 65535 (no uint16 overflow)
            weighted = (((weighted.astype(np.uint32) - 128) * o) >> 8).astype(np.uint16) + 128
            keep = (256 - cover).astype(np.uint16)
        acc = np.multiply(region, keep, dtype=np.uint16)
        acc += weighted
        acc >>= 8
        region[...] = acc


class CaptionPainter:
    """Draws captions and the title card for one frame size and language."""

    def __init__(self, width: int, height: int, language: str, font: tuple[Path, int] | None = None,
                 bottom: float = CAPTION_BOTTOM) -> None:
        self.width, self.height, self.language = width, height, language
        self.font = font if font is not None else find_font(language)
        if self.font is None:
            log.warning("no TrueType font found; captions use Pillow's built-in font")
        self.measure = measure_with(self.font)
        self.bottom = bottom  # caption block bottom edge as a fraction of the height (phone UI below)

    def caption(self, text: str) -> Overlay:
        size, lines = fit_caption(text, self.width, self.height, self.measure)
        block = self._block(lines, size, band_alpha=110)
        y = round(self.height * self.bottom) - block.height
        return Overlay.from_rgba(block, 0, y)

    def title(self, text: str) -> Overlay:
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2, fraction=TITLE_FRACTION,
                                  max_height=None)
        block = self._block(lines, size, band_alpha=140, colour=(255, 226, 110))
        return Overlay.from_rgba(block, 0, round(self.height * TITLE_TOP))

    def _block(self, lines: list[str], size: int, band_alpha: int,
               colour: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
        font = load_font(self.font, size)
        line_h = round(size * LINE_HEIGHT)
        pad = round(size * PAD)
        stroke = max(2, round(size * 0.09))
        block_h = block_height(len(lines), size)
        img = Image.new("RGBA", (self.width, block_h), (0, 0, 0, 0))
        # 1. soft translucent band behind the text (rounded, feathered edges)
        widest = max((self.measure(line, size) for line in lines), default=0.0)
        band_w = min(self.width - 2, widest + 2 * pad + 2 * stroke)
        band = Image.new("L", img.size, 0)
        bx0 = (self.width - band_w) / 2
        ImageDraw.Draw(band).rounded_rectangle(
            (bx0, pad * 0.35, bx0 + band_w, block_h - pad * 0.35), radius=pad, fill=band_alpha
        )
        band = band.filter(ImageFilter.GaussianBlur(max(1.0, pad * 0.4)))
        img.putalpha(band)
        # 2. centred lines, white (or gold) fill with a thick dark stroke
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines):
            x = (self.width - self.measure(line, size)) / 2
            y = pad + i * line_h + line_h / 2
            draw.text((x, y), line, font=font, fill=(*colour, 255), anchor="lm",
                      stroke_width=stroke, stroke_fill=(20, 16, 24, 255))
        return img

"""Captions, the title card and timed subtitles, drawn once each into I420 ``Layer``s.

Layout is pure (``render.textlayout``). Where things go on the 9:16 frame, inside the area
Telegram's player leaves free (its controls cover the bottom ~18 %, the top ~8 % holds the title bar):

* the title card: the top of the safe area, over the first seconds, fading out;
* the scene's short headline caption: the same place once the title is gone (white on a dark band);
* subtitles: every spoken line (``SpeechSegment``) at the bottom of the safe area, bottom edge at
  ``SUBTITLE_BOTTOM``, in pages of at most two lines timed across the line (by length). The
  narrator is white; each character has its own colour and a name label above its line, placed
  under the speaking pet (when the painter says where it stands), and a marker of the same colour
  points down at the pet while its line is on screen, so the speaker is never in doubt.

Drawing (Pillow): text with a thick dark stroke over a soft translucent band, converted once to
premultiplied Y/U/V planes that composite onto the rows they cover (``render.yuv.Layer``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from render.stages import SpeechSegment
from render.textlayout import (
    CAPTION_FRACTION,
    CAPTION_ZONE,
    ELLIPSIS,
    LINE_HEIGHT,
    MAX_LINES,
    MIN_FRACTION,
    NO_LINE_START,
    PAD,
    Measure,
    balance,
    block_height,
    ellipsize,
    fit_caption,
    is_cjk,
    layout_caption,
    pages,
    tokens,
)
from render.yuv import Layer

__all__ = [
    "CAPTION_BOTTOM", "CAPTION_FRACTION", "CAPTION_ZONE", "ELLIPSIS", "MAX_LINES", "MIN_FRACTION", "NO_LINE_START",
    "CaptionPainter", "Cue", "Layer", "balance", "ellipsize", "find_font", "fit_caption", "is_cjk",
    "layout_caption", "plan_cues", "speaker_colours", "tokens",
]

log = logging.getLogger(__name__)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

SAFE_TOP = 0.08  # Telegram's title bar above this
SAFE_BOTTOM = 0.82  # the player's controls below this
TITLE_TOP = SAFE_TOP
TITLE_FRACTION = 0.068
HEADLINE_FRACTION = 0.042
SUBTITLE_BOTTOM = 0.80  # subtitle block's bottom edge (a margin above the player's controls)
SUBTITLE_FRACTION = 0.036  # ~46 px on a 1280-high frame
SUBTITLE_LINES = 2
LABEL_FRACTION = 0.7  # name label size, of the subtitle size
# The lower band the painter keeps calm (the pets' feet stay above it; checked in test_painter).
CAPTION_BOTTOM = 0.885
NARRATOR = "narrator"
NARRATOR_COLOUR = (255, 255, 255)
SPEAKER_COLOURS = ((255, 200, 90), (150, 215, 255), (255, 160, 200), (175, 235, 140))
STROKE = (20, 16, 24)

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


# ---------------------------------------------------------------------------------------------- subtitle cues (pure)


@dataclass(frozen=True)
class Cue:
    """One page of a spoken line on screen from ``start`` to ``end`` (clip seconds)."""

    start: float
    end: float
    speaker: str
    lines: tuple[str, ...]
    label: str | None  # the speaker's name (None for the narrator)
    spot: tuple[float, float] | None = None  # the speaker's head (centre x, top y; frame fractions)

    def shows(self, t: float) -> bool:
        return self.start <= t < self.end


def plan_cues(segments: Sequence[SpeechSegment], paginate: Callable[[str], list[list[str]]],
              names: dict[str, str], spots: dict[tuple[int, str], tuple[float, float]] | None = None) -> list[Cue]:
    """Subtitle cues for ``segments``: each line's pages share its time by their length. ``spots``
    says where each (scene, speaker) pet's head is, for the name label and the marker."""
    cues: list[Cue] = []
    for seg in sorted(segments, key=lambda s: s.start):
        parts = paginate(seg.text)
        if not parts or seg.end <= seg.start:
            continue
        weights = [max(1, sum(len(line) for line in p)) for p in parts]
        total, at = sum(weights), seg.start
        label = None if seg.speaker == NARRATOR else names.get(seg.speaker, seg.speaker)
        for i, (part, wgt) in enumerate(zip(parts, weights, strict=True)):
            end = seg.end if i == len(parts) - 1 else at + (seg.end - seg.start) * wgt / total
            spot = (spots or {}).get((seg.scene, seg.speaker)) if label else None
            cues.append(Cue(at, end, seg.speaker, tuple(part), label, spot))
            at = end
    return cues


def speaker_colours(character_ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
    colours = {cid: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, cid in enumerate(character_ids)}
    colours[NARRATOR] = NARRATOR_COLOUR
    return colours


# ---------------------------------------------------------------------------------------------- drawing


class CaptionPainter:
    """Draws captions, the title card and subtitles for one frame size and language."""

    def __init__(self, width: int, height: int, language: str, font: tuple[Path, int] | None = None,
                 colours: dict[str, tuple[int, int, int]] | None = None) -> None:
        self.width, self.height, self.language = width, height, language
        self.font = font if font is not None else find_font(language)
        if self.font is None:
            log.warning("no TrueType font found; captions use Pillow's built-in font")
        self.measure = measure_with(self.font)
        self.colours = colours or {NARRATOR: NARRATOR_COLOUR}
        self.subtitle_size = max(8, round(height * SUBTITLE_FRACTION), round(height * MIN_FRACTION))
        self.margin = 0.07

    def caption(self, text: str) -> Layer:
        """The scene's headline: the top of the safe area."""
        return Layer.from_rgba(*self.caption_block(text))

    def caption_block(self, text: str) -> tuple[Image.Image, int, int]:
        """The headline as a straight-alpha RGBA picture and its top-left corner in the frame."""
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2,
                                  fraction=HEADLINE_FRACTION, max_height=None)
        return self._block(lines, size, band_alpha=120), 0, round(self.height * SAFE_TOP)

    def title(self, text: str) -> Layer:
        return Layer.from_rgba(*self.title_block(text))

    def title_block(self, text: str) -> tuple[Image.Image, int, int]:
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2, fraction=TITLE_FRACTION,
                                  max_height=None)
        return self._block(lines, size, band_alpha=140, colour=(255, 226, 110)), 0, round(self.height * TITLE_TOP)

    def paginate(self, text: str) -> list[list[str]]:
        """A spoken line as pages of at most two lines at the subtitle size."""
        return pages(text, self.subtitle_size, self.width * (1 - 2 * self.margin), self.measure, SUBTITLE_LINES)

    def subtitle(self, cue: Cue) -> Layer:
        """A cue's block, its bottom edge at ``SUBTITLE_BOTTOM``; a name label above a character's line."""
        colour = self.colours.get(cue.speaker, SPEAKER_COLOURS[0] if cue.speaker != NARRATOR else NARRATOR_COLOUR)
        block = self._block(list(cue.lines), self.subtitle_size, band_alpha=125, colour=colour,
                            label=cue.label, label_x=cue.spot[0] if cue.spot else None)
        return Layer.from_rgba(block, 0, round(self.height * SUBTITLE_BOTTOM) - block.height)

    def marker(self, cue: Cue) -> Layer | None:
        """A triangle in the speaker's colour pointing down at the speaking pet's head (None for the
        narrator or when the pet's place is not known)."""
        if cue.spot is None or cue.speaker == NARRATOR:
            return None
        colour = self.colours.get(cue.speaker, SPEAKER_COLOURS[0])
        side = max(12, round(self.height * 0.028))
        img = Image.new("RGBA", (side + 4, side + 4), (0, 0, 0, 0))
        ImageDraw.Draw(img).polygon([(2, 2), (side + 2, 2), (side / 2 + 2, side + 2)], fill=(*colour, 255),
                                    outline=(*STROKE, 255), width=max(2, side // 8))
        x = round(cue.spot[0] * self.width - img.width / 2)
        y = round(max(SAFE_TOP + 0.06, cue.spot[1] - 0.015) * self.height) - img.height
        return Layer.from_rgba(img, min(max(0, x), self.width - img.width), max(0, y))

    def _block(self, lines: list[str], size: int, band_alpha: int,
               colour: tuple[int, int, int] = (255, 255, 255), label: str | None = None,
               label_x: float | None = None) -> Image.Image:
        font = load_font(self.font, size)
        line_h = round(size * LINE_HEIGHT)
        pad = round(size * PAD)
        stroke = max(2, round(size * 0.09))
        label_size = round(size * LABEL_FRACTION)
        label_h = round(label_size * LINE_HEIGHT) if label else 0
        block_h = block_height(len(lines), size) + label_h
        img = Image.new("RGBA", (self.width, block_h), (0, 0, 0, 0))
        # 1. soft translucent band behind the text (rounded, feathered edges)
        widest = max((self.measure(line, size) for line in lines), default=0.0)
        band_w = min(self.width - 2, widest + 2 * pad + 2 * stroke)
        band = Image.new("L", img.size, 0)
        bx0 = (self.width - band_w) / 2
        ImageDraw.Draw(band).rounded_rectangle(
            (bx0, label_h + pad * 0.35, bx0 + band_w, block_h - pad * 0.35), radius=pad, fill=band_alpha
        )
        band = band.filter(ImageFilter.GaussianBlur(max(1.0, pad * 0.4)))
        img.putalpha(band)
        draw = ImageDraw.Draw(img)
        # 2. the speaker's name on a small tag of their colour: under the speaker when its place is
        #    known, else left of the band's top
        if label:
            small = load_font(self.font, label_size)
            lw = self.measure(label, label_size) + label_size
            lx = max(2.0, bx0 + pad * 0.5)
            if label_x is not None:
                lx = min(max(2.0, label_x * self.width - lw / 2), self.width - lw - 2)
            draw.rounded_rectangle((lx, 0, lx + lw, label_h + pad * 0.35), radius=label_size // 3,
                                   fill=(*colour, 235))
            draw.text((lx + label_size / 2, label_h / 2 + 1), label, font=small, fill=(*STROKE, 255), anchor="lm")
        # 3. centred lines in the speaker's colour with a thick dark stroke
        for i, line in enumerate(lines):
            x = (self.width - self.measure(line, size)) / 2
            y = label_h + pad + i * line_h + line_h / 2
            draw.text((x, y), line, font=font, fill=(*colour, 255), anchor="lm",
                      stroke_width=stroke, stroke_fill=(*STROKE, 255))
        return img

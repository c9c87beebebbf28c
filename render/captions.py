"""Captions, the title card and timed subtitles, drawn once each into I420 ``Layer``s.

Layout is pure (``render.textlayout``). Where things go on the 9:16 frame, inside the area
Telegram's player leaves free (its controls cover the bottom ~18 %, the top ~8 % holds the title bar):

* the title card: the top of the safe area, over the first seconds, fading out;
* the scene's short headline caption: the same place once the title is gone (white on a dark band);
* subtitles: every spoken line (``SpeechSegment``) at the bottom of the safe area, bottom edge at
  ``SUBTITLE_BOTTOM``, in pages of at most two lines timed across the line (by length). The
  narrator is white; each character has its own colour and a name tag on its line's top edge, and
  a marker of the same colour points down at the pet while its line is on screen, so the speaker is
  never in doubt. Tag and marker are drawn once per line (``SpeakerMarks``) and placed every frame
  under and over where the pet's head is drawn at that moment (the camera moves, the pet walks in,
  bobs or shivers): a few microseconds of arithmetic and two small overlays a frame.

Drawing (Pillow): text with a thick dark stroke over a soft translucent band, converted once to
premultiplied Y/U/V planes that composite onto the rows they cover (``render.yuv.Layer``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
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
    "CaptionPainter", "Cue", "Layer", "SpeakerMarks", "balance", "ellipsize", "find_font", "fit_caption", "is_cjk",
    "layout_caption", "plan_cues", "speaker_colours", "tokens",
]

log = logging.getLogger(__name__)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

SAFE_TOP = 0.08  # Telegram's title bar above this
SAFE_BOTTOM = 0.82  # the player's controls below this
TITLE_TOP = SAFE_TOP
TITLE_FRACTION = 0.068
TITLE_ZONE = 0.17  # the title card's block at most (two lines set smaller): the heads below keep their size
HEADLINE_FRACTION = 0.042
SUBTITLE_BOTTOM = 0.815  # subtitle block's bottom edge (a margin above the player's controls; below the pets' feet)
SUBTITLE_FRACTION = 0.033  # ~42 px on a 1280-high frame
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
    """Text width in ``font`` at a size, each (text, size) measured once: wrapping a render's captions
    and subtitles asks ~3,600 widths of ~360 strings (the growing line, each font size tried)."""
    @lru_cache(maxsize=4096)
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
    spot: tuple[float, float] | None = None  # the speaker's head at rest (centre x, top y; frame fractions)
    scene: int = -1  # the scene the line belongs to (where its speaker's head is tracked)

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
            cues.append(Cue(at, end, seg.speaker, tuple(part), label, spot, seg.scene))
            at = end
    return cues


def _even(v: float) -> int:
    return 2 * round(v / 2)


@dataclass(frozen=True)
class SpeakerMarks:
    """A character line's name tag (on the subtitle block's top edge) and marker (pointing down at
    the pet's head), drawn once; ``at`` places them for one frame (pure arithmetic, even pixels)."""

    tag: Layer  # at its resting place: the left of the subtitle band
    marker: Layer
    width: int  # the frame's
    floor: int  # the marker's bottom edge stays below this row (under the headline caption)
    gap: int  # between the marker's tip and the head

    def at(self, head: tuple[float, float] | None, clear_of: int = 0) -> list[Layer]:
        """The tag under the head's column (inside the frame) and the marker just above the head,
        for a head at (centre x, top y) frame pixels, its bottom edge never above row ``clear_of``
        (the title's or headline's bottom); the tag alone at rest when the head is not known, and
        no marker while the head is outside the frame (a pet still walking in)."""
        if head is None:
            return [self.tag]
        hx, hy = head
        tag, marker = self.tag, self.marker
        out = [replace(tag, x=_even(min(max(2.0, hx - tag.width / 2), self.width - tag.width - 2)))]
        if 0.0 <= hx < self.width:
            bottom = max(float(self.floor), clear_of + marker.height + self.gap / 2, hy - self.gap)
            out.append(replace(marker, x=_even(min(max(0.0, hx - marker.width / 2), self.width - marker.width)),
                               y=max(0, _even(bottom - marker.height))))
        return out


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

    def headline_bottom(self, text: str) -> int:
        """The frame row under the headline's block (as ``caption_block`` draws it; layout only)."""
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2,
                                  fraction=HEADLINE_FRACTION, max_height=None)
        return round(self.height * SAFE_TOP) + block_height(len(lines), size)

    def title_bottom(self, text: str) -> int:
        """The frame row under the title card's block (as ``title_block`` draws it; layout only)."""
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2, fraction=TITLE_FRACTION,
                                  max_height=TITLE_ZONE)
        return round(self.height * TITLE_TOP) + block_height(len(lines), size)

    def tag_top(self, named: bool = True) -> int:
        """The top row of a speaker's name tag over a two-line subtitle (the highest it sits, ``marks``), or of
        the two-line block itself when no character speaks (``named`` False: the narrator's lines)."""
        size = self.subtitle_size
        label_h = round(round(size * LABEL_FRACTION) * LINE_HEIGHT) if named else 0
        return round(self.height * SUBTITLE_BOTTOM) - block_height(SUBTITLE_LINES, size) - label_h

    def title(self, text: str) -> Layer:
        return Layer.from_rgba(*self.title_block(text))

    def title_block(self, text: str) -> tuple[Image.Image, int, int]:
        size, lines = fit_caption(text, self.width, self.height, self.measure, max_lines=2, fraction=TITLE_FRACTION,
                                  max_height=TITLE_ZONE)
        return self._block(lines, size, band_alpha=140, colour=(255, 226, 110)), 0, round(self.height * TITLE_TOP)

    def paginate(self, text: str) -> list[list[str]]:
        """A spoken line as pages of at most two lines at the subtitle size."""
        return pages(text, self.subtitle_size, self.width * (1 - 2 * self.margin), self.measure, SUBTITLE_LINES)

    def _colour(self, speaker: str) -> tuple[int, int, int]:
        return self.colours.get(speaker, SPEAKER_COLOURS[0] if speaker != NARRATOR else NARRATOR_COLOUR)

    def subtitle(self, cue: Cue) -> Layer:
        """A cue's block, its bottom edge at ``SUBTITLE_BOTTOM``; room above a character's line for
        its name tag (``marks``)."""
        block = self._block(list(cue.lines), self.subtitle_size, band_alpha=125, colour=self._colour(cue.speaker),
                            label=cue.label)
        return Layer.from_rgba(block, 0, round(self.height * SUBTITLE_BOTTOM) - block.height)

    def marks(self, cue: Cue) -> SpeakerMarks | None:
        """A character line's name tag and marker in its colour (None for the narrator)."""
        if cue.label is None or cue.speaker == NARRATOR:
            return None
        colour, size = self._colour(cue.speaker), self.subtitle_size
        # 1. the tag: the name on a small rounded tag of the speaker's colour, on the block's top edge
        label_size = round(size * LABEL_FRACTION)
        label_h, pad = round(label_size * LINE_HEIGHT), round(size * PAD)
        lw = self.measure(cue.label, label_size) + label_size
        img = Image.new("RGBA", (int(lw) + 2, int(label_h + pad * 0.35) + 2), (0, 0, 0, 0))
        draw = ImageDraw.Draw(img)
        draw.rounded_rectangle((0, 0, lw, label_h + pad * 0.35), radius=label_size // 3, fill=(*colour, 235))
        draw.text((label_size / 2, label_h / 2 + 1), cue.label, font=load_font(self.font, label_size),
                  fill=(*STROKE, 255), anchor="lm")
        widest = max((self.measure(line, size) for line in cue.lines), default=0.0)
        band_left = (self.width - min(self.width - 2, widest + 2 * pad + 2 * max(2, round(size * 0.09)))) / 2
        top = round(self.height * SUBTITLE_BOTTOM) - block_height(len(cue.lines), size) - label_h
        tag = Layer.from_rgba(img, _even(max(2.0, band_left + pad * 0.5)), top)
        # 2. the marker: a triangle pointing down
        side = max(12, round(self.height * 0.028))
        tri = Image.new("RGBA", (side + 4, side + 4), (0, 0, 0, 0))
        ImageDraw.Draw(tri).polygon([(2, 2), (side + 2, 2), (side / 2 + 2, side + 2)], fill=(*colour, 255),
                                    outline=(*STROKE, 255), width=max(2, side // 8))
        return SpeakerMarks(tag, Layer.from_rgba(tri, 0, 0), self.width, round(self.height * (SAFE_TOP + 0.06)),
                            round(self.height * 0.015))

    def _block(self, lines: list[str], size: int, band_alpha: int,
               colour: tuple[int, int, int] = (255, 255, 255), label: str | None = None) -> Image.Image:
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
        # 2. (the top ``label_h`` rows are left for the speaker's name tag, ``marks``)
        # 3. centred lines in the speaker's colour with a thick dark stroke
        for i, line in enumerate(lines):
            x = (self.width - self.measure(line, size)) / 2
            y = label_h + pad + i * line_h + line_h / 2
            draw.text((x, y), line, font=font, fill=(*colour, 255), anchor="lm",
                      stroke_width=stroke, stroke_fill=(*STROKE, 255))
        return img

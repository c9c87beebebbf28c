"""Procedural storyboard keyframe painter: the CPU default ``KeyframePainter``.

Draws one flat-cartoon keyframe per scene with Pillow: a background for the scene's ``Location``,
the scene's pets (cartoon cats and dogs standing like people, with an expression and an outfit) on
a ground line in the lower middle of the 9:16 frame, then a colour grade for the scene's mood.

Everything is drawn at ``SUPERSAMPLE`` x size and downsampled with LANCZOS (anti-aliased edges).
Keyframes are ``overscan_size(spec)`` (about 1.12x the video frame) so the animator can pan and
zoom inside them. The bottom ``CAPTION_BAND`` of the visible frame is kept plain for captions and
faces stay in the central area. Output is a pure function of the script and ``spec.seed``.
"""

from render.painter.geometry import CAPTION_BAND, SUPERSAMPLE
from render.painter.looks import PetLook, resolve_look
from render.painter.painter import StoryboardPainter
from render.painter.staging import layout
from render.stages import overscan_size

__all__ = ["CAPTION_BAND", "SUPERSAMPLE", "PetLook", "StoryboardPainter", "layout", "overscan_size", "resolve_look"]

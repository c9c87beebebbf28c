"""Headroom: the cast drawn clear of the text over the picture in every window of a scene's camera move.

The headline (one or two lines) and, over the first seconds, the title card sit at the top of the frame;
the subtitles and a speaker's name tag at the bottom. A close window (a push-in's end, a tilt's lowest
one) magnifies the cast about the frame's middle, so a tall lone hero's ears reach the headline and its
feet the name tag. ``text_rows`` says, per window, the highest row a head may reach and the lowest row a
character's ink may; ``fit_text`` measures the painted cast (the top of each head or of the marks floating
over it, its hop, its lowest ink) and says how much smaller and lower to draw it (``blocking.fit_rows``);
``refit`` moves the slots, and ``lowered`` the painted cast where only the drop changes (the same pixels,
moved: no second painting).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from render.animator import view_rect
from render.captions import CaptionPainter
from render.painter.blocking import fit_rows
from render.painter.canvas import Canvas
from render.painter.geometry import SUPERSAMPLE
from render.painter.staging import Slot, Staged
from render.stages import RenderSpec, Sprite, overscan_size
from story.script import Scene

FaceBox = tuple[float, float, float, float]

_RISE = {"bounce": 0.08}  # how far a motion lifts the head, of the sprite's height (a hop; else a breath and a bob)
_TEXT_MARGIN = 0.008  # of the frame's height between a head and the text above it, the feet and the tag below
_DROP = (-0.015, 0.05)  # how far the cast may be drawn higher or lower to clear the text (of the visible height)
_LEAST = 0.72  # the smallest the cast is drawn to clear the text
TITLE_S = 2.0  # the title card's time on screen over the first scene (``render.pipeline.TITLE_S``)
# the marks that float about a head (``poses.draw_marks``): a pose with only these keeps them in the headroom
FLOATING = frozenset({"haha", "zzz", "notes", "thought", "speech", "sneer", "sweat", "tears", "shock", "hearts",
                      "shiver", "confetti"})


def text_rows(scene: Scene, spec: RenderSpec, text: CaptionPainter, title: str | None = None,
              ) -> list[tuple[float, float]]:
    """Per window of ``scene``'s camera move, the highest keyframe row a head may reach (under the scene's
    headline, or under the title card while it shows) and the lowest one a character's ink may reach (above
    a speaker's name tag over a two-line subtitle; above the subtitles when only the narrator speaks)."""
    kw, kh = overscan_size(spec)
    margin = _TEXT_MARGIN * spec.height
    tag = text.tag_top(named=bool(scene.dialogue)) - margin
    tops = [(u, text.headline_bottom(scene.caption) + margin) for u in (0.0, 0.5, 1.0)]
    if title is not None:  # the title over the first seconds (a scene may run shorter than planned)
        last = min(1.0, TITLE_S / max(1.0, 0.6 * scene.duration))
        tops += [(u, text.title_bottom(title) + margin) for u in (0.0, last)]
    out = []
    for u, top in tops:
        _, y, _, h = view_rect(scene.camera, u, kw, kh, spec.width, spec.height)
        out.append((y + top * h / spec.height, y + tag * h / spec.height))
    return out


def refit(staged: list[Staged], by: float, drop: float) -> list[Staged]:
    """Each character drawn ``by`` times as tall about its feet and ``drop`` (fraction of the visible height)
    lower; a young one carried keeps its place in its carrier's arms (the nearest one not carried)."""
    if by == 1.0 and drop == 0.0:
        return staged
    out = []
    for st in staged:
        s = st.slot
        if st.carried and any(not o.carried for o in staged):
            carrier = min((o for o in staged if not o.carried), key=lambda o: abs(o.slot.x - s.x)).slot
            slot = Slot(carrier.x + (s.x - carrier.x) * by, carrier.feet + drop - (carrier.feet - s.feet) * by,
                        s.height * by)
        else:
            slot = Slot(s.x, s.feet + drop, s.height * by)
        out.append(replace(st, slot=slot))
    return out


def head_top(sp: Sprite, face: FaceBox, held: FaceBox | None = None) -> float:
    """The top row of the head whose face is in ``face`` (keyframe pixels): the ink over the face's columns
    going up from the face unbroken (its ears, its hat; not a paw or a rod beside it, nor a mark above, nor
    the prop in its paws, ``held``, raised over it)."""
    h, w = sp.rgba.shape[:2]
    x0, x1 = (min(max(0, round(v - sp.x)), w) for v in (face[0], face[2]))
    row = min(max(0, round(face[1] - sp.y)), h)
    if x0 >= x1:
        return sp.y + row
    ink = sp.rgba[:row, x0:x1, 3] >= 128
    if held is not None:  # the held prop left out (its box is drawn a little inside the prop: widened)
        mx, my = (held[2] - held[0]) * 0.25, (held[3] - held[1]) * 0.25
        hx0, hx1 = (min(max(0, round(v - sp.x) - x0), x1 - x0) for v in (held[0] - mx, held[2] + mx))
        hy0, hy1 = (min(max(0, round(v - sp.y)), row) for v in (held[1] - my, held[3] + my))
        ink[hy0:hy1, hx0:hx1] = False
    gaps = np.flatnonzero(~ink.any(axis=1))
    return sp.y + (int(gaps[-1]) + 1 if len(gaps) else 0)


def ink_top(sp: Sprite, keep: dict[str, FaceBox]) -> float:
    """The top row of the sprite's ink (keyframe pixels) but for the prop in its paws and its gear (a rod, a
    ladder, gloves: ``keep``'s boxes other than the face, widened as ``head_top`` widens the held one): the
    head and what floats over it ("HA", "...", tears, sweat, zzz, a thought), which keep the same headroom."""
    h, w = sp.rgba.shape[:2]
    ink = sp.rgba[:, :, 3] >= 128
    for name, box in keep.items():
        if name == "face":
            continue
        mx, my = (box[2] - box[0]) * 0.25, (box[3] - box[1]) * 0.25
        x0, x1 = (min(max(0, round(v - sp.x)), w) for v in (box[0] - mx, box[2] + mx))
        y0, y1 = (min(max(0, round(v - sp.y)), h) for v in (box[1] - my, box[3] + my))
        if x0 < x1 and y0 < y1:
            ink[y0:y1, x0:x1] = False
    rows = np.flatnonzero(ink.any(axis=1))
    return sp.y + (int(rows[0]) if len(rows) else h)


def fit_text(c: Canvas, staged: list[Staged], sprites: list[Sprite], keeps: list[dict[str, FaceBox]],
             shrink: float, rows: list[tuple[float, float]]) -> tuple[float, float]:
    """The cast's size and drop (fraction of the visible height) for ``blocking.fit_rows``: each sprite's
    feet, the top of its head (``head_top``; raised by its motion) or of the marks floating over it
    (``ink_top``, for a pose whose marks all float: "HA", tears, zzz; not gear), and its lowest ink, measured
    on ``sprites`` (drawn ``shrink`` times as tall as staged, ``keeps`` their face boxes). The marks keep the
    headroom where the cast can keep it so; never at the cost of a head or the feet meeting the text."""
    spans, heads = [], []
    for st, sp, keep in zip(staged, sprites, keeps, strict=True):
        ink = np.flatnonzero((sp.rgba[:, :, 3] >= 128).any(axis=1))
        if "face" not in keep or not len(ink):
            continue
        feet = c.Y(st.slot.feet) / SUPERSAMPLE
        head = head_top(sp, keep["face"], keep.get("held"))
        floats = bool(st.pose.marks) and {m.partition(":")[0] for m in st.pose.marks} <= FLOATING  # thought:beach
        top = min(head, ink_top(sp, keep)) if floats else head
        lift = _RISE.get(sp.motion, 0.02) * sp.rgba.shape[0]
        fall = (sp.y + ink[-1] + 1 - feet) / shrink
        spans.append((feet, (feet - top + lift) / shrink, fall))
        heads.append((feet, (feet - head + lift) / shrink, fall))
    vh = c.vh / SUPERSAMPLE
    k, d = fit_rows(spans, rows, (_DROP[0] * vh, _DROP[1] * vh), _LEAST, vh / 200)
    if spans != heads and not _fits(spans, rows, k, d):
        k, d = fit_rows(heads, rows, (_DROP[0] * vh, _DROP[1] * vh), _LEAST, vh / 200)
    return round(k, 3), round(d / vh, 4)


def _fits(spans: list[tuple[float, float, float]], rows: list[tuple[float, float]], k: float, d: float) -> bool:
    """Whether the cast drawn ``k`` times as tall and ``d`` pixels lower keeps every span inside every row."""
    return all(top <= feet + d - k * rise + 0.5 and feet + d + k * fall <= bottom + 0.5
               for feet, rise, fall in spans for top, bottom in rows)


def lowered(sprites: list[Sprite], keeps: list[dict[str, FaceBox]], drop: float, vh: float,
            ) -> tuple[float, list[Sprite], list[dict[str, FaceBox]]]:
    """The painted cast ``drop`` (a fraction of the visible height, ``vh`` keyframe pixels) lower, on whole
    pairs of keyframe pixels (within a pixel of ``drop``, well inside the text margin): the drop it moved by,
    the sprites and their boxes moved. Painting the cast that much lower (``refit``) draws what this moves
    there (but for a last-bit rounding of the feet's row, now and then a pixel of an edge): an even shift in
    keyframe pixels is a whole number of the painter's even-aligned supersampled steps, and a box's
    rounding (half to even) moves with it. The fit's measures hold for the moved cast exactly."""
    dy = 2 * round(drop * vh / 2)
    moved = [replace(sp, y=sp.y + dy) for sp in sprites]
    boxes = [{name: (b[0], b[1] + dy, b[2], b[3] + dy) for name, b in keep.items()} for keep in keeps]
    return dy / vh, moved, boxes

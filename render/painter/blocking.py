"""Blocking: moving the painted characters and the asked props so that each one reads (pure maths).

Staging puts characters in slots; a pet reaching at another (spilling a drink on it, treating it,
pointing) is drawn with its arm, its cup and the drink flying out, so at slot distance the one in
front covers the other's face. ``separate`` slides the sprites apart (inside the part of the frame
every camera window shows) until no face is covered by a sprite drawn over it. ``place_prop`` puts a
ground prop (a car, a bed, a patient) where the characters hide least of it, shrunk to 60 % at most,
and brings it before them, low enough to leave every face clear, when behind them it would be hidden.
Boxes are (left, top, right, bottom); the caller says in which pixels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from render.stages import Sprite

Box = tuple[float, float, float, float]

COVERED = 0.04  # a face with more than this share under another sprite's ink does not read
HIDDEN = 0.4  # a prop with more than this share behind the characters is moved before them
_INK = 128  # alpha from which a sprite pixel hides what is behind it
SIZE_STEP = 0.025  # the cast drawn smaller to clear the text by steps of this
EITHER = frozenset({"line"})  # kept clear of every other character, before or behind it (a fishing line)


def covered(sp: Sprite, box: Box) -> float:
    """The share of ``box`` (keyframe pixels) that ``sp``'s ink covers."""
    x0, y0, x1, y1 = (round(v) for v in box)
    area = max(1, (x1 - x0) * (y1 - y0))
    sx, sy = round(sp.x), round(sp.y)
    h, w = sp.rgba.shape[:2]
    cx0, cy0, cx1, cy1 = max(x0, sx), max(y0, sy), min(x1, sx + w), min(y1, sy + h)
    if cx0 >= cx1 or cy0 >= cy1:
        return 0.0
    return float((sp.rgba[cy0 - sy: cy1 - sy, cx0 - sx: cx1 - sx, 3] >= _INK).sum()) / area


def ink_span(sp: Sprite) -> tuple[float, float]:
    """The left and right edges of ``sp``'s ink (keyframe pixels)."""
    cols = np.flatnonzero((sp.rgba[:, :, 3] >= _INK).any(axis=0))
    if not len(cols):
        return sp.x, sp.x
    return sp.x + float(cols[0]), sp.x + float(cols[-1] + 1)


def worst_cover(sprites: Sequence[Sprite], keep: Sequence[Mapping[str, Box]]) -> tuple[float, int, int, Box]:
    """The most covered box that must stay in view (a face, a held prop, gear): (share, its sprite, the sprite
    over it, the box); sprites are in drawing order; a box named in ``EITHER`` meets every other sprite."""
    worst: tuple[float, int, int, Box] = (0.0, -1, -1, (0.0, 0.0, 0.0, 0.0))
    for i, boxes in enumerate(keep):
        for name, box in boxes.items():
            for j in range(len(sprites)) if name in EITHER else range(i + 1, len(sprites)):
                share = covered(sprites[j], box) if j != i else 0.0
                if share > worst[0]:
                    worst = (share, i, j, box)
    return worst


def separate(sprites: list[Sprite], keep: list[dict[str, Box]], lo: float, hi: float, step: float,
             frame: tuple[float, float] | None = None) -> bool:
    """Slide sprites (drawn in list order) apart sideways, ``step`` pixels at a time, until none of the boxes
    that must stay in view (``keep``: each sprite's face and held prop) is covered by a sprite drawn after
    it. Those boxes stay inside ``lo``..``hi`` (what every camera window shows) and each sprite's ink inside
    ``frame`` (default the same), or no further out than they already were. Moves ``sprites`` and ``keep``
    in place; False when there is no room left."""
    ink_lo, ink_hi = frame or (lo, hi)
    spans = [ink_span(sp) for sp in sprites]
    for _ in range(200):
        share, i, j, box = worst_cover(sprites, keep)
        if share <= COVERED:
            return True
        away = 1.0 if (box[0] + box[2]) / 2 >= (spans[j][0] + spans[j][1]) / 2 else -1.0
        moved = False
        for k, d in ((i, away), (j, -away)):  # the covered one away from the one over it, that one back
            left, right = spans[k]
            shown = [b for b in keep[k].values()] or [(left, 0.0, right, 0.0)]
            if d > 0:
                room = min(hi - max(b[2] for b in shown), ink_hi - right)
            else:
                room = min(min(b[0] for b in shown) - lo, left - ink_lo)
            dx = d * min(step, max(0.0, room))
            if abs(dx) < 0.5:
                continue
            sprites[k].x += dx
            spans[k] = (left + dx, right + dx)
            keep[k] = {name: (b[0] + dx, b[1], b[2] + dx, b[3]) for name, b in keep[k].items()}
            moved = True
        if not moved:
            return False
    return False


def overlap(a: Box, b: Box) -> float:
    """The area ``a`` and ``b`` share."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_prop(hw: float, h: float, u: float, x: float, y: float, lo: float, hi: float,
               bodies: Sequence[Box], faces: Sequence[Box]) -> tuple[float, float, bool]:
    """Where a ground prop (half-width ``hw`` and height ``h`` in its units of ``u`` pixels, bottom
    centre ``x``, ``y``) reads best among the characters' ``bodies`` (drawn over it) and ``faces``:
    returns its x, units and whether it stands before them. Behind them at the place that hides the
    least of it (from ``x`` at full size, then anywhere in ``lo``..``hi``, then shrunk to 60 %); when
    even that hides more than ``HIDDEN`` of it, before them, as large as it can be without covering a face."""
    def hidden(cx: float, cu: float) -> float:
        box = (cx - hw * cu, y - h * cu, cx + hw * cu, y)
        area = max(1.0, (box[2] - box[0]) * (box[3] - box[1]))
        # the union of the bodies over it, on a coarse grid (bodies overlap one another)
        xs = np.linspace(box[0], box[2], 24)
        ys = np.linspace(box[1], box[3], 16)
        gx, gy = np.meshgrid(xs, ys)
        under = np.zeros(gx.shape, bool)
        for b in bodies:
            under |= (gx >= b[0]) & (gx <= b[2]) & (gy >= b[1]) & (gy <= b[3])
        return float(under.mean()) if area else 0.0

    if not bodies:
        return x, u, False
    best = (hidden(x, u), x, u)
    for cu in (u, u * 0.8, u * 0.6):
        left, right = lo + hw * cu, hi - hw * cu
        if left > right:
            continue
        for cx in np.linspace(left, right, 13):
            share = hidden(float(cx), cu)
            if share < best[0] - 0.05:  # a better place, clearly (the asked place and size first)
                best = (share, float(cx), cu)
    if best[0] <= HIDDEN:
        return best[1], best[2], False
    # before the characters: its top below every face it would cross
    for cu in np.linspace(u, u * 0.45, 12):
        cx = min(max(x, lo + hw * cu), hi - hw * cu)
        box = (cx - hw * cu, y - h * cu, cx + hw * cu, y)
        if not any(overlap(box, f) > 0 for f in faces):
            return float(cx), float(cu), True
    return best[1], best[2], False


def fit_rows(spans: Sequence[tuple[float, float, float]], rows: Sequence[tuple[float, float]],
             drop: tuple[float, float], least: float, grain: float = 1.0) -> tuple[float, float]:
    """How much smaller (a factor ``k`` about each character's feet, ``least`` at the least) and how far
    down (``d`` pixels, inside ``drop``: up, down) the cast is drawn so that, in every camera window,
    each head stays below the text at the top and each character's lowest ink above the text at the
    bottom. ``spans``: per character its feet row, its rise (feet to the top of its head, motion
    included) and its fall (feet to its lowest ink), keyframe pixels; ``rows``: per window the highest
    row a head may reach and the lowest row the ink may reach, keyframe pixels. Returns (1, 0) when it
    fits as it is; else the largest ``k`` on steps of ``SIZE_STEP`` that fits (scenes alike come out
    alike), moved as little as it can be on steps of ``grain`` pixels; else ``least``, as well placed
    as it can be (pure)."""
    if not spans or not rows:
        return 1.0, 0.0

    def bounds(k: float) -> tuple[float, float]:  # the range of drops that fit at ``k``
        lo = max(top - feet + k * rise for feet, rise, _ in spans for top, _ in rows)
        hi = min(bottom - feet - k * fall for feet, _, fall in spans for _, bottom in rows)
        return max(lo, drop[0]), min(hi, drop[1])

    def placed(k: float) -> float:
        lo, hi = bounds(k)
        if lo > hi:
            return min(max((lo + hi) / 2, drop[0]), drop[1])
        d = min(max(0.0, lo), hi)
        snapped = math.ceil(d / grain) * grain if d > 0 else math.floor(d / grain) * grain
        return snapped if lo <= snapped <= hi else d

    if bounds(1.0)[0] <= bounds(1.0)[1]:
        return 1.0, placed(1.0)
    if bounds(least)[0] > bounds(least)[1]:
        return least, placed(least)
    small, big = least, 1.0  # fits at ``small``, not at ``big``
    for _ in range(20):
        mid = (small + big) / 2
        small, big = (mid, big) if bounds(mid)[0] <= bounds(mid)[1] else (small, mid)
    k = max(least, math.floor(small / SIZE_STEP + 1e-9) * SIZE_STEP)
    return k, placed(k)


def clear_spot(hw: float, h: float, u: float, x: float, y: float, lo: float, hi: float,
               keep: Sequence[Box]) -> tuple[float, float]:
    """Where a small prop standing before the characters (half-width ``hw`` and height ``h`` in its units of
    ``u`` pixels, bottom centre ``x``, ``y``) covers none of the boxes in ``keep`` (faces, gloves up, a
    fishing line): its x and units, from the asked place outward, then smaller (to 60 %); as asked when
    nowhere in ``lo``..``hi`` is clear."""
    for cu in (u, u * 0.8, u * 0.6):
        left, right = lo + hw * cu, hi - hw * cu
        if left > right:
            continue
        spots = sorted(np.linspace(left, right, 25), key=lambda cx: abs(cx - x))
        for cx in [min(max(x, left), right), *spots]:
            box = (cx - hw * cu, y - h * cu, cx + hw * cu, y)
            if not any(overlap(box, b) > 0 for b in keep):
                return float(cx), cu
    return x, u

"""Age at phone size: the old drawn with a grey muzzle and brows, round glasses, a cane and a stoop (the head jutting forward and down); the young
with a big head on a small body (``painter`` also draws them small). ``Pet`` draws these through the hooks
below (pet units, +x the facing side). Pure drawing.
"""

from __future__ import annotations

from render.painter.geometry import RGB, Pen, Point, luma

YOUNG_HEAD = 1.22  # a kitten's or puppy's head, of a grown pet's (drawn about the neck)
NECK_Y = -50.0  # the point the head grows about
HUNCH = (4.0, 3.5)  # an old pet's head, forward and down (pet units): the stoop, drawn, not turned
_CANE: RGB = (120, 78, 44)


def grey(fur: RGB) -> RGB:
    """The grey of an old pet's muzzle and brows, visible on dark and on white fur."""
    return (168, 168, 176) if luma(fur) > 200 else (222, 222, 228)


def muzzle(p: Pen, fur: RGB, cat: bool) -> None:
    """Under the nose and mouth: the greyed muzzle and chin."""
    g = grey(fur)
    my = -62.0 if cat else -60.5
    p.ell(0, my, 15 if cat else 16, 9.5 if cat else 11, g, outline=False)
    for s in (-1, 1):
        p.ell(s * 8, my + 2, 7, 6, g, outline=False)


def brows_and_glasses(p: Pen, fur: RGB, cat: bool, sunglasses: bool) -> None:
    """Over the eyes: bushy grey brows and round wire glasses (not over sunglasses)."""
    ey, ex = (-74.0, 11.5) if cat else (-75.0, 10.5)
    g = grey(fur)
    for s in (-1, 1):
        p.poly([(s * (ex - 6), ey - 9), (s * (ex + 7), ey - 12), (s * (ex + 9), ey - 8), (s * (ex - 4), ey - 7)], g)
    if sunglasses:
        return
    frame = (70, 60, 56)
    for s in (-1, 1):
        p.ell(s * ex, ey, 8.6, 8.6, (235, 245, 255, 60), outline=False)
        p.arc(s * ex, ey, 8.6, 0, 360, 1.5, fill=frame)
        p.line([(s * ex - 3.5, ey - 4.5), (s * ex - 1, ey - 6)], (255, 255, 255, 200), 0.9)
    p.line([(-ex + 8.6, ey - 1), (0, ey - 2.5), (ex - 8.6, ey - 1)], frame, 1.3)


def cane(p: Pen, paw: Point) -> None:
    """A walking stick from the paw to the ground, its crook over the paw."""
    x, y = paw
    p.stroke([(x + 4, 0), (x + 1, y + 2)], _CANE, 3.2)
    p.stroke([(x + 1, y + 2), (x - 1, y - 4), (x - 6, y - 5), (x - 9, y - 1)], _CANE, 3.2)
    p.ell(x + 4, -0.8, 2.6, 1.4, (60, 50, 44), outline=False)


def cane_paw(paws: list[Point], holding: bool) -> Point | None:
    """The paw that may hold a cane: a free one hanging low (the front first), or None."""
    for k, (x, y) in enumerate(paws):
        if y > -32 and abs(x) > 12 and not (holding and k == 0):
            return (x, y)
    return None


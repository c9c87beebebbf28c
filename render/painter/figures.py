"""The ones a hero helps, drawn as scene props: a patient in a hospital bed, a shivering stray kitten or
puppy, a litter of them. Same contract as ``props``: a ``Pen`` in prop units (about 100 tall, origin
at the bottom centre), ``color`` overrides the fur. Pure drawing.
"""

from __future__ import annotations

from render.painter.geometry import INK, PINK, RGB, WHITE, Pen, darker, lighter, round_tri

_GINGER: RGB = (235, 150, 70)
_GREY: RGB = (165, 160, 158)
_CREAM: RGB = (236, 214, 170)
_SHIVER: RGB = (110, 170, 230)


def _head(p: Pen, x: float, y: float, r: float, fur: RGB, cat: bool, eyes: str = "open") -> None:
    """A young pet's head: big for its body, ears up (a cat) or floppy (a dog), big eyes."""
    if cat:
        for s in (-1, 1):
            p.poly(round_tri((x + s * r * 0.95, y - r * 0.25), (x + s * r * 0.8, y - r * 1.35),
                             (x + s * r * 0.2, y - r * 0.85), 0.15), fur)
            p.poly(round_tri((x + s * r * 0.78, y - r * 0.4), (x + s * r * 0.72, y - r * 1.1),
                             (x + s * r * 0.35, y - r * 0.8), 0.2), PINK, outline=False)
    p.ell(x, y, r, r * 0.88, fur)
    if not cat:
        p.ell(x, y + r * 0.38, r * 0.5, r * 0.34, lighter(fur, 0.45))
        for s in (-1, 1):
            p.ell(x + s * r * 0.92, y + r * 0.05, r * 0.3, r * 0.58, darker(fur, 0.8))
    ex, ey = r * 0.38, y - r * 0.05
    for s in (-1, 1):
        if eyes == "shut":
            p.line([(x + s * ex - r * 0.2, ey), (x + s * ex, ey + r * 0.1), (x + s * ex + r * 0.2, ey)], INK,
                   max(0.8, r * 0.08))
        else:
            p.ell(x + s * ex, ey, r * 0.2, r * 0.24, (32, 24, 28))
            p.ell(x + s * ex + r * 0.07, ey - r * 0.09, r * 0.08, r * 0.08, WHITE, outline=False)
            if eyes == "sad":  # a tear
                p.ell(x + s * ex, ey + r * 0.4, r * 0.07, r * 0.11, (120, 190, 255), outline=False)
    if cat:
        p.poly([(x - r * 0.1, y + r * 0.22), (x + r * 0.1, y + r * 0.22), (x, y + r * 0.33)], (236, 120, 140))
    else:
        p.ell(x, y + r * 0.25, r * 0.14, r * 0.1, (36, 30, 34))


def _young(p: Pen, x: float, fur: RGB, cat: bool, shiver: bool = True, s: float = 1.0) -> None:
    """One kitten or puppy sitting, about 60 units tall at ``s`` = 1, feet at y = 0; shivering."""
    p.ell(x - 16 * s, -8 * s, 12 * s, 4 * s, fur)  # the tail curled round
    p.ell(x, -17 * s, 16 * s, 17 * s, fur)  # the body
    p.ell(x, -13 * s, 8 * s, 10 * s, lighter(fur, 0.5), outline=False)
    for k in (-1, 1):
        p.ell(x + k * 8 * s, -2 * s, 6 * s, 3.6 * s, fur)  # the front paws
    _head(p, x, -44 * s, 19 * s, fur, cat, "sad" if shiver else "open")
    if shiver:
        for k in (-1, 1):
            cx = x + k * 28 * s
            p.line([(cx, -46 * s), (cx + 3 * k * s, -40 * s), (cx, -34 * s), (cx + 3 * k * s, -28 * s)], _SHIVER,
                   max(1.0, 1.6 * s))


def _kitten(p: Pen, color: RGB | None) -> None:
    _young(p, 0, color or _GINGER, True, s=1.5)


def _puppy(p: Pen, color: RGB | None) -> None:
    _young(p, 0, color or _CREAM, False, s=1.5)


def _litter(p: Pen, color: RGB | None, cat: bool) -> None:
    furs = [color or c for c in ((_GINGER, _GREY, (250, 246, 238)) if cat else (_CREAM, (190, 120, 60), _GREY))]
    for x, fur, s in ((-44, furs[1], 1.1), (44, furs[2], 1.1), (0, furs[0], 1.25)):  # the back two, then the front
        _young(p, x, fur, cat, s=s)


def _kittens(p: Pen, color: RGB | None) -> None:
    _litter(p, color, True)


def _puppies(p: Pen, color: RGB | None) -> None:
    _litter(p, color, False)


def _patient(p: Pen, color: RGB | None) -> None:
    """A sick pet in a hospital bed: head on the pillow with a bandage, a blanket, a drip beside it."""
    fur = color or _GREY
    lw = p.lw
    p = Pen(p.d, p.cx, p.fy, p.u, -p.f, p.ink)  # the head on the far side from the carer beside the bed
    p.lw = lw
    p.rect(-80, -44, 80, -26, (120, 170, 225), r=3)  # the mattress and frame
    p.rect(-84, -28, 84, -20, (170, 175, 185))
    p.rect(-88, -96, -78, 0, (170, 175, 185))  # head and foot ends
    p.rect(78, -70, 88, 0, (170, 175, 185))
    for x in (-64, 64):
        p.ell(x, -8, 7, 7, (60, 60, 70))
    p.rect(-78, -62, -26, -44, WHITE, r=7)  # the pillow
    _head(p, -50, -70, 25, fur, True, "shut")
    p.rect(-72, -93, -28, -84, WHITE, r=2)  # the bandage round the head
    p.poly([(-34, -95), (-24, -100), (-26, -88)], WHITE)
    p.poly([(-30, -54), (-16, -62), (50, -64), (76, -50), (76, -44), (-30, -44)], (150, 200, 240))  # the blanket
    p.line([(-30, -54), (72, -56)], lighter((150, 200, 240), 0.4), 2)
    p.ell(-22, -52, 6, 5, fur)  # a paw on the blanket
    p.line([(-98, -150), (-98, 0)], (160, 165, 175), 2.2)  # the drip
    p.rect(-108, -150, -88, -118, (210, 235, 250), r=3)
    p.line([(-98, -118), (-90, -80), (-30, -52)], (200, 215, 230), 1.0)
    p.rect(-10, -124, 50, -100, WHITE, r=4)  # a heart-rate sign over the bed
    p.line([(-4, -112), (12, -112), (16, -119), (22, -105), (26, -112), (44, -112)], (230, 60, 70), 1.6)


DRAW = {"patient": _patient, "kitten": _kitten, "puppy": _puppy, "kittens": _kittens, "puppies": _puppies}
# half-width and height in prop units (the report's boxes)
EXTENT: dict[str, tuple[float, float]] = {
    "patient": (110, 152), "kitten": (46, 110), "puppy": (46, 110), "kittens": (82, 94), "puppies": (82, 94),
}

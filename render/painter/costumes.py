"""Job costumes that must read at phone size: an astronaut's spacesuit and glass helmet, a doctor's white
coat and stethoscope, a firefighter's helmet and striped coat. ``Pet`` draws them through these hooks
(pet units, +x the facing side). Pure drawing.
"""

from __future__ import annotations

from render.painter.geometry import GOLD, RGB, WHITE, Color, Pen, band_pts, darker, lighter, star_pts

_SUIT: RGB = (238, 238, 242)
_COAT: RGB = (250, 250, 252)
_FIRE: RGB = (214, 62, 48)
_STRIPE: RGB = (250, 224, 70)

# clothes colours by outfit: torso, legs, shoes and sleeve (as ``Pet._outfit`` gives them)
COLOURS: dict[str, dict[str, Color]] = {
    "spacesuit": {"torso": _SUIT, "legs": _SUIT, "shoes": (150, 150, 162), "sleeve": _SUIT},
    "white_coat": {"torso": _COAT, "legs": (84, 150, 170), "shoes": (240, 240, 244), "sleeve": _COAT},
    "firefighter": {"torso": (196, 150, 78), "legs": (176, 132, 66), "shoes": (40, 38, 44),
                    "sleeve": (196, 150, 78)},
}


def back(p: Pen, outfit: str, head_y: float, head_rx: float, head_ry: float) -> None:
    """Behind the body: the spacesuit's backpack."""
    if outfit == "spacesuit":
        p.rect(-24, -56, 24, -14, (200, 200, 208), r=5)
        p.rect(-20, -64, -12, -54, (170, 170, 180), r=2)


def torso(p: Pen, outfit: str, body: tuple[float, float, float, float]) -> None:
    """Details over the torso."""
    tx, ty, rx, ry = body
    if outfit == "spacesuit":
        p.rect(-10, -42, 10, -28, (90, 96, 110), r=2)  # the chest panel
        for x, col in ((-5, (230, 60, 60)), (0, (80, 200, 120)), (5, (80, 150, 240))):
            p.ell(x, -36, 1.8, 1.8, col, outline=False)
        p.rect(-7, -32, 7, -30, (255, 210, 60), outline=False)
        p.ell(13, -42, 4, 4, (40, 70, 160))  # the mission patch
        p.poly(star_pts(13, -42, 2.6), WHITE, outline=False)
        p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, -19, -15), (60, 110, 200))  # the belt stripe
    elif outfit == "white_coat":
        p.poly([(-6, -54), (6, -54), (0, -38)], (84, 150, 170))  # the scrubs under the coat
        p.line([(-6, -54), (-3, -20)], darker(_COAT, 0.8), 0.9)
        p.line([(6, -54), (3, -20)], darker(_COAT, 0.8), 0.9)
        p.rect(6, -34, 14, -27, lighter(_COAT, 0.2))  # the pocket with a red cross
        p.rect(9.2, -33, 10.8, -28, (220, 50, 60), outline=False)
        p.rect(7.5, -31.3, 12.5, -29.7, (220, 50, 60), outline=False)
        steel = (110, 116, 130)  # the stethoscope round the neck
        p.line([(-11, -53), (-12, -44), (-8, -36)], steel, 1.3)
        p.line([(11, -53), (12, -46), (-8, -36)], steel, 1.3)
        p.ell(-8, -35, 3.2, 3.2, (190, 196, 210))
    elif outfit == "firefighter":
        for y0 in (-36, -24):
            p.poly(band_pts(tx, ty, rx - 0.6, ry - 0.6, y0, y0 + 3.6), _STRIPE)
        for y in (-46, -40, -30):
            p.rect(-1.6, y - 1.4, 1.6, y + 1.4, (60, 60, 66), r=0.5, outline=False)


def hat(p: Pen, outfit: str, head_y: float, head_rx: float, head_ry: float) -> None:
    """Over the head: the astronaut's glass dome, the firefighter's helmet."""
    top = head_y - head_ry
    if outfit == "spacesuit":
        p.rect_r(-20, -56, 20, -48, 3, (200, 200, 208))  # the neck ring
        p.ell(0, head_y - 6, head_rx + 9, head_ry + 16, (190, 225, 255, 60), width=1.6)
        p.arc(-8, head_y - 14, head_rx - 2, 200, 250, 2.4, ry=head_ry + 4, fill=WHITE)
        p.ell(-head_rx + 2, head_y - head_ry - 2, 2.2, 2.2, WHITE, outline=False)
    elif outfit == "firefighter":
        brim = top + 8
        p.poly([(-30, brim + 2), (30, brim + 2), (36, brim + 7), (-24, brim + 7)], darker(_FIRE, 0.85))
        p.poly([(-22, brim + 2), (-20, top - 6), (0, top - 12), (20, top - 6), (22, brim + 2)], _FIRE)
        p.line([(0, top - 12), (0, brim)], lighter(_FIRE, 0.3), 2.0)
        p.poly([(-6, brim - 12), (6, brim - 12), (7, brim - 1), (0, brim + 2), (-7, brim - 1)], GOLD)
        p.ell(0, brim - 6, 2.2, 2.2, _FIRE, outline=False)

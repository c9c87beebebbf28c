"""A pet lying ill or asleep at home or in a hospital, drawn in its bed: the bed under it (a wooden one
with a quilt at home, a white metal one in a hospital), its head on the pillow, the blanket over it up to
the neck. Drawn into the lying pet's sprite once per keyframe (``painter._lie_down``), never per frame.

A ``Pen`` here is the lying pet's: its origin at the pet's feet, x toward the head (the head's centre near
x = 71, the ear tips near 104), y down, the pet about 40 units either side of its spine (y = 0); the floor
is ``FLOOR`` units below the spine once the pet is lifted ``LIFT`` units onto the mattress. Pure drawing.
"""

from __future__ import annotations

from render.painter.geometry import RGB, WHITE, Pen, darker, lighter

ROOM = 104.0  # how far behind a pet's feet the bed it hides under reaches (its headboard)
LIFT = 30.0  # how far the pet lies above where it would lie on the floor: the mattress's height
FLOOR = 26.0 + LIFT  # the floor, below the spine
SCALE = 0.74  # a pet in bed drawn this much smaller: the bed (about 160 units long) fits beside the others
UNDER_SCALE = 0.62  # one hiding under a bed: the bed behind its head (about 250 units with it) fits the frame
QUILTS: tuple[RGB, ...] = ((236, 120, 120), (120, 170, 230), (246, 196, 90), (150, 200, 140), (200, 150, 220))
_WOOD: RGB = (170, 112, 70)
_METAL: RGB = (176, 182, 192)
_SHEET: RGB = (150, 200, 240)


def lift(kind: str) -> float:
    """How far a pet in a bed of ``kind`` lies above the floor: on the mattress, or flat under the bed."""
    return 0.0 if kind == "under" else LIFT


def quilt(seed: int) -> RGB:
    """The quilt's colour at home, by the scene's seed."""
    return QUILTS[seed % len(QUILTS)]


def under(p: Pen, kind: str) -> None:
    """The bed beneath the pet: head- and footboard, legs to the floor, the mattress and the pillow; for one
    hiding under it (``kind`` "under"), the dark of the floor under the bed behind it."""
    if kind == "under":
        p.rect(-92, -50, 40, 26, (40, 36, 44, 230), outline=False)  # the shadow under the bed
        return
    frame = _METAL if kind == "hospital" else _WOOD
    p.rect(110, -44, 124, FLOOR, frame, r=4)  # the headboard, behind the pillow
    p.rect(-36, 6, -24, FLOOR, frame, r=3)  # the footboard
    for x in (-20, 106):  # the legs
        p.rect(x - 3, 40, x + 3, FLOOR, darker(frame, 0.8))
    p.rect(-28, 32, 114, 42, darker(frame, 0.9), r=2)  # the frame under the mattress
    p.rect(-26, 14, 112, 34, WHITE, r=5)  # the mattress and its sheet
    p.ell(82, 12, 28, 11, WHITE)  # the pillow under the head
    if kind == "hospital":  # a drip at the head of a hospital bed
        p.line([(132, -70), (132, FLOOR)], _METAL, 2.0)
        p.rect(124, -70, 140, -48, (210, 235, 250), r=3)


def over(p: Pen, kind: str, seed: int) -> None:
    """The blanket over the pet from its feet to its neck, a turned-down hem at the neck; for one hiding under
    the bed (``kind`` "under"), the bed over it: its legs, the mattress above, the quilt hanging down over the
    pet's body to just above the floor, only its head out past the hem."""
    if kind == "under":
        wood, cover = _WOOD, quilt(seed)
        p.rect(-102, -104, -90, 26, wood, r=3)  # the headboard, the legs, the frame
        for leg in (-84, 30):
            p.rect(leg, -40, leg + 7, 26, darker(wood, 0.8))
        p.rect(-92, -58, 42, -46, wood, r=2)
        p.rect(-90, -70, 40, -56, WHITE, r=4)  # the mattress, the pillow, the quilt on it
        p.ell(-70, -74, 16, 7, WHITE)
        p.rect(-50, -80, 44, -62, cover, r=5)
        p.poly([(-92.0, -64.0), (44.0, -64.0), (44.0, 12.0), (-92.0, 12.0)], cover)  # hanging nearly to the floor
        for fold in (-60.0, -26.0, 8.0):  # its folds
            p.line([(fold, -60.0), (fold, 10.0)], darker(cover, 0.82), 1.2)
        p.line([(-92.0, 12.0), (44.0, 12.0)], darker(cover, 0.7), 2.0)
        return
    cover = _SHEET if kind == "hospital" else quilt(seed)
    top = [(-30.0, 14.0), (-30.0, -8.0), (-22.0, -20.0), (0.0, -25.0), (24.0, -24.0), (44.0, -20.0)]
    p.poly([*top, (48.0, 30.0), (-30.0, 30.0)], cover)
    p.poly([(38.0, -21.0), (50.0, -18.0), (52.0, 30.0), (40.0, 30.0)], lighter(cover, 0.55))  # the hem
    if kind != "hospital":  # a quilt's stitched squares
        for x in (-6.0, 18.0):
            p.line([(x, -22.0), (x, 28.0)], darker(cover, 0.82), 1.0)
        p.line([(-28.0, 4.0), (38.0, 4.0)], darker(cover, 0.82), 1.0)
